/* export_json: the resolved itinerary for other programs (docs/format.md §15): the
 * delegation, its participants, the places used, then the days with one item
 * a line, and the diagnostics. Streamed through the json writer. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "itinerary/itinerary.h"
#include "json.h"
#include "text.h"
#include "values.h"
#include "who.h"
#include "xalloc.h"

static void
variants_json(jw *w, const itin_text_set *set)
{
    jw_object(w, -1);
    for (size_t i = 0; i < set->n; i++)
        jw_kstring(w, itin_lang_code(set->order[i]), set->v[set->order[i]]);
    jw_end(w);
}

/* A text of the file under `key`, and when the file gave it in several
 * languages, all of them under "<key>_variants" in the file's order
 * (docs/format.md §15). */
static void
text_kstring(jw *w, const itin_plan *P, const char *key, const char *s)
{
    jw_kstring(w, key, s);
    const itin_text_set *set = itin_text_variants(P, s);
    if (!set)
        return;
    char k[64];
    snprintf(k, sizeof k, "%s_variants", key);
    jw_key(w, k);
    variants_json(w, set);
}

/* `"key": "2022-11-22T09:30:00+01:00"`, the date given as its text. */
static void
local_time(jw *w, const char *key, const char *ymd, int minutes, int offset)
{
    char buf[32];
    int off = offset < 0 ? -offset : offset, oh = off / 3600, om = off % 3600 / 60;
    memcpy(buf, ymd, 10);
    char *p = buf + 10;
    *p++ = 'T';
    *p++ = (char)('0' + minutes / 600);
    *p++ = (char)('0' + minutes / 60 % 10);
    *p++ = ':';
    *p++ = (char)('0' + minutes % 60 / 10);
    *p++ = (char)('0' + minutes % 10);
    memcpy(p, ":00", 3);
    p += 3;
    *p++ = offset < 0 ? '-' : '+';
    *p++ = (char)('0' + oh / 10);
    *p++ = (char)('0' + oh % 10);
    *p++ = ':';
    *p++ = (char)('0' + om / 10);
    *p++ = (char)('0' + om % 10);
    jw_kplain(w, key, buf, (size_t)(p - buf));
}

void
itin_json_local_time(jw *w, const char *key, itin_date date, int minutes, int offset)
{
    char ymd[16];
    local_time(w, key, itin_date_format(date, ymd), minutes, offset);
}

static void
date_value(jw *w, const char *key, itin_date date)
{
    char ds[16];
    jw_kstring(w, key, itin_date_format(date, ds));
}

void
itin_json_companies(jw *w, const itin_plan *P, const size_t pair[2])
{
    jw_key(w, "companies");
    jw_array(w, -1);
    jw_string(w, P->companies[pair[0]].id);
    jw_string(w, P->companies[pair[1]].id);
    jw_end(w);
}

void
itin_json_who(jw *w, const itin_plan *P, const uint64_t *mask, itin_json_memo *m)
{
    size_t n = P->delegation.n_participants, words = itin_who_words(n);
    const char *kept = m ? itin_who_memo_get(m->who, mask, words, 0) : NULL;
    jw_key(w, "with");
    if (kept) {
        jw_raw(w, kept, strlen(kept));
        return;
    }
    itin_strbuf b = {0};
    itin_strbuf_putc(&b, '[');
    ITIN_WHO_EACH(i, mask, n)
    {
        if (b.len > 1)
            itin_strbuf_put(&b, ", ", 2);
        jw_quote(&b, P->delegation.participants[i].id);
    }
    itin_strbuf_putc(&b, ']');
    jw_raw(w, b.s, b.len);
    if (m) {
        if (!m->A)
            m->A = itin_arena_new();
        itin_who_memo_put(&m->who, m->A, mask, words, 0, itin_arena_strndup(m->A, b.s, b.len));
    }
    free(b.s);
}

/* The text of a date, kept from the item before when it is the same. */
static const char *
ymd(itin_json_memo *m, itin_date d)
{
    if (!m->have_date || m->date != d) {
        itin_date_format(d, m->ymd);
        m->date = d;
        m->have_date = true;
    }
    return m->ymd;
}

static void
item_json(jw *w, const itin_plan *P, const itin_item *x, itin_date day, itin_json_memo *m)
{
    jw_object(w, -1);
    jw_kstring(w, "kind", itin_item_kind_name(x->kind));
    jw_kstring(w, "id", x->id);
    text_kstring(w, P, "title", x->title);
    if (x->all_day) {
        date_value(w, "start", x->local_start_date);
        date_value(w, "end", x->local_end_date);
        date_value(w, "night", day);
    } else {
        local_time(w, "start", ymd(m, x->local_start_date), x->local_start, x->offset_start);
        local_time(w, "end", ymd(m, x->local_end_date), x->local_end, x->offset_end);
    }
    jw_kstring(w, "timezone", x->tz_start);
    if (strcmp(x->tz_end, x->tz_start) != 0)
        jw_kstring(w, "end_timezone", x->tz_end);
    if (x->kind == ITIN_ITEM_VISIT || x->kind == ITIN_ITEM_LODGING || x->kind == ITIN_ITEM_MEETING) {
        jw_kstring(w, "place", P->institutions[x->place].id);
    } else {
        jw_kstring(w, "from", P->institutions[x->from].id);
        jw_kstring(w, "to", P->institutions[x->to].id);
        jw_kstring(w, "mode", itin_mode_name(x->mode));
    }
    /* Everyone's items name no one: the participants above are their
     * attendees (a plan of 1,000 would repeat 1,000 ids per item). */
    if (x->everyone)
        jw_kbool(w, "everyone", true);
    else
        itin_json_who(w, P, x->who, m);
    if (x->kind == ITIN_ITEM_VISIT) {
        const itin_visit *v = x->visit;
        jw_kstring(w, "status", itin_status_name(x->status));
        jw_kbool(w, "fixed", x->fixed);
        if (v->n_topics) {
            jw_key(w, "topics");
            jw_array(w, -1);
            bool several = false;
            for (size_t i = 0; i < v->n_topics; i++) {
                jw_string(w, v->topics[i]);
                several |= itin_text_variants(P, v->topics[i]) != NULL;
            }
            jw_end(w);
            if (several) {
                /* One entry per topic: its variants, or null. */
                jw_key(w, "topics_variants");
                jw_array(w, -1);
                for (size_t i = 0; i < v->n_topics; i++) {
                    const itin_text_set *set = itin_text_variants(P, v->topics[i]);
                    if (set)
                        variants_json(w, set);
                    else
                        jw_null(w);
                }
                jw_end(w);
            }
        }
        text_kstring(w, P, "host", v->host);
        text_kstring(w, P, "description", v->description);
    } else if (x->kind == ITIN_ITEM_TRAVEL) {
        jw_kstring(w, "ref", x->leg->ref);
        text_kstring(w, P, "description", x->leg->description);
        jw_kint(w, "checkin_minutes", x->checkin);
        jw_kint(w, "exit_minutes", x->exit_time);
    } else if (x->kind == ITIN_ITEM_TRANSFER) {
        jw_kint(w, "minutes", x->minutes);
        if (x->distance_km > 0) {
            jw_key(w, "distance_km");
            jw_number(w, x->distance_km, 10);
        }
        jw_kbool(w, "estimated", x->estimated);
        jw_key(w, "between");
        jw_array(w, -1);
        jw_string(w, x->from_item);
        jw_string(w, x->to_item);
        jw_end(w);
    } else if (x->kind == ITIN_ITEM_MEETING) {
        jw_kstring(w, "session", x->session->id);
        jw_kint(w, "slot", x->slot);
        jw_kint(w, "table", x->table);
        itin_json_companies(w, P, x->companies);
        jw_kbool(w, "interpreted", x->interpreted);
    }
    jw_end(w);
}

static void
delegation_json(jw *w, const itin_plan *P)
{
    const itin_delegation *D = &P->delegation;
    jw_key(w, "delegation");
    jw_object(w, -1);
    jw_kstring(w, "id", D->id);
    text_kstring(w, P, "title", D->title);
    text_kstring(w, P, "lead", D->lead);
    if (D->organizer.name || D->organizer.email) {
        jw_key(w, "organizer");
        jw_object(w, -1);
        text_kstring(w, P, "name", D->organizer.name);
        jw_kstring(w, "email", D->organizer.email);
        jw_kstring(w, "phone", D->organizer.phone);
        jw_end(w);
    }
    date_value(w, "start", D->start);
    date_value(w, "end", D->end);
    jw_kstring(w, "timezone", D->timezone);
    jw_kstring(w, "language", D->language);
    if (D->revision >= 0)
        jw_kint(w, "revision", D->revision);
    jw_end(w);
}

static void
participant_json(jw *w, const itin_plan *P, const itin_participant *p)
{
    jw_object(w, -1);
    jw_kstring(w, "id", p->id);
    text_kstring(w, P, "name", p->name);
    text_kstring(w, P, "role", p->role);
    text_kstring(w, P, "org", p->org);
    jw_kstring(w, "email", p->email);
    jw_kstring(w, "phone", p->phone);
    if (p->language) {
        /* "ko,de" as ["ko", "de"] */
        jw_key(w, "language");
        jw_array(w, -1);
        for (const char *c = p->language; *c;) {
            size_t n = strcspn(c, ",");
            char code[16];
            snprintf(code, sizeof code, "%.*s", (int)(n < 15 ? n : 15), c);
            jw_string(w, code);
            c += n + (c[n] == ',');
        }
        jw_end(w);
    }
    jw_end(w);
}

static void
place_json(jw *w, const itin_plan *P, const itin_institution *I)
{
    jw_key(w, I->id);
    jw_object(w, -1);
    text_kstring(w, P, "name", I->name);
    text_kstring(w, P, "short", I->short_name);
    text_kstring(w, P, "address", I->address);
    text_kstring(w, P, "city", I->city);
    jw_kstring(w, "country", I->country);
    jw_kstring(w, "region", I->region);
    jw_kstring(w, "timezone", I->timezone);
    if (I->has_geo) {
        jw_key(w, "geo");
        jw_array(w, -1);
        jw_number(w, I->lat, 10);
        jw_number(w, I->lon, 10);
        jw_end(w);
    }
    jw_kstring(w, "url", I->url);
    jw_end(w);
}

static void
diag_json(jw *w, const itin_diag *g)
{
    jw_object(w, -1);
    jw_kstring(w, "severity", g->severity == ITIN_NOTE ? "note" : itin_severity_name(g->severity));
    jw_kstring(w, "file", g->pos.file);
    if (g->pos.line > 0) {
        jw_kint(w, "line", g->pos.line);
        jw_kint(w, "column", g->pos.col);
    }
    jw_kstring(w, "message", g->message);
    jw_kstring(w, "name", g->name);
    jw_end(w);
}

int
itin_export_json(const itin_itinerary *it, const itin_diags *d, FILE *out)
{
    const itin_plan *P = it->plan;
    jw *w = itin_xmalloc(sizeof *w);
    jw_init(w, out);
    itin_json_memo memo = {0};
    jw_object(w, 2);
    jw_kint(w, "itinerary", 1);
    delegation_json(w, P);

    jw_key(w, "participants");
    jw_array(w, 4);
    for (size_t i = 0; i < P->delegation.n_participants; i++)
        participant_json(w, P, &P->delegation.participants[i]);
    jw_end(w);

    /* Items name places by id; the places they use follow, in file order. */
    bool *used = itin_xcalloc(P->n_institutions + 1, sizeof *used);
    jw_key(w, "places");
    jw_object(w, 4);
    for (size_t k = 0; k < it->n_days; k++)
        for (size_t i = 0; i < it->days[k].n_items; i++) {
            const itin_item *x = &it->items[it->days[k].items[i]];
            if (x->kind == ITIN_ITEM_VISIT || x->kind == ITIN_ITEM_LODGING || x->kind == ITIN_ITEM_MEETING)
                used[x->place] = true;
            else
                used[x->from] = used[x->to] = true;
        }
    for (size_t i = 0; i < P->n_institutions; i++)
        if (used[i])
            place_json(w, P, &P->institutions[i]);
    free(used);
    jw_end(w);

    jw_key(w, "days");
    jw_array(w, 4);
    for (size_t k = 0; k < it->n_days; k++) {
        const itin_day *day = &it->days[k];
        jw_object(w, -1);
        date_value(w, "date", day->date);
        jw_kint(w, "day", day->number);
        jw_key(w, "items");
        jw_array(w, 6);
        for (size_t i = 0; i < day->n_items; i++)
            item_json(w, P, &it->items[day->items[i]], day->date, &memo);
        jw_end(w);
        jw_end(w);
    }
    jw_end(w);

    jw_key(w, "diagnostics");
    jw_array(w, 4);
    for (size_t i = 0; d && i < d->count; i++)
        diag_json(w, &d->items[i]);
    jw_end(w);
    jw_end(w);
    int rc = jw_finish(w);
    if (fputc('\n', out) == EOF)
        rc = -1;
    free(w);
    if (memo.A)
        itin_arena_free(memo.A);
    if (rc && !errno)
        errno = EIO;
    return rc;
}
