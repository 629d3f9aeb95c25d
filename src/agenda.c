/* agenda: the itinerary as localized blocks of text — title block, days,
 * entries with their details, nights, participants and contacts — shared by
 * the text and Markdown exporters, which only lay them out. Nothing here
 * computes a time: it prints what the scheduler decided. */
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "datetime.h"
#include "strmap.h"
#include "text.h"
#include "tz.h"
#include "who.h"
#include "xalloc.h"

typedef struct builder {
    agenda *a;
    itin_arena *A; /* where what is built goes: the agenda's, or a day's */
    const itin_itinerary *it;
    const itin_plan *P;
    const itin_langs *ls; /* the agenda's language, or its two */
    const uint64_t *mask;
} builder;

/* A label in the agenda's language, or in both: "Ort / 장소". */
static const char *
agenda_label(const builder *b, itin_label l)
{
    return itin_label_langs(b->A, b->ls, l);
}

const char *
itin_agenda_label(agenda *a, itin_label l)
{
    return itin_label_langs(a->A, &a->langs, l);
}

const char *
itin_agenda_label_nums(agenda *a, itin_label l, int x, int y)
{
    const char *t[ITIN_MAX_LANGS] = {"", ""};
    for (size_t k = 0; k < a->langs.n; k++)
        t[k] = itin_arena_printf(a->A, itin_label_text(a->langs.lang[k], l), x, y);
    return itin_join_langs(a->A, &a->langs, t, " / ");
}

/* A list of names or topics: "A, B and C" in the agenda's language; in a
 * bilingual agenda "A, B, C", which reads alike in both. */
static const char *
list_in(const agenda *a, itin_arena *A, itin_lang lang, const char *const *items, size_t n)
{
    if (a->langs.n < 2)
        return itin_list(A, lang, items, n);
    const char *t = n ? items[0] : "";
    for (size_t i = 1; i < n; i++)
        t = itin_arena_printf(A, "%s, %s", t, items[i]);
    return t;
}

/* A text of the file in the agenda's language (text.h): the variant in that
 * language, else the delegation's, else the first given; in a bilingual
 * agenda both variants when the file gives both ("Begrüßung / 환영"). */
static const char *
tr(const builder *b, const char *s)
{
    return itin_text_langs(b->A, b->P, s, b->ls, " / ");
}

/* A paragraph of the file (a description): in a bilingual agenda both
 * variants, one after the other. */
static const char *
tr_paragraph(const builder *b, const char *s)
{
    return itin_text_langs(b->A, b->P, s, b->ls, "\n\n");
}

static void
add_field(builder *b, agenda_field **v, size_t *n, size_t *cap, const char *label, const char *text)
{
    if (!text || !*text)
        return;
    *ITIN_PUSH(b->A, *v, *n, *cap) = (agenda_field){label, text};
}

/* A clock time in the agenda's arena; 1440 is an end at midnight, "24:00". */
static const char *
agenda_hm(builder *b, int minutes)
{
    char buf[ITIN_HM_SIZE];
    return itin_arena_strdup(b->A, itin_hm(minutes, buf));
}

const char *
itin_agenda_place_text(itin_arena *A, const itin_plan *P, const itin_langs *ls, const itin_institution *I)
{
    const char *name = itin_text_langs(A, P, I->name, ls, " / ");
    if (I->address)
        return itin_arena_printf(A, "%s, %s", name, itin_text_langs(A, P, I->address, ls, " / "));
    if (I->city)
        return itin_arena_printf(A, "%s, %s", name, itin_text_langs(A, P, I->city, ls, " / "));
    return name;
}

static const char *
place_text(builder *b, size_t inst)
{
    return itin_agenda_place_text(b->A, b->P, b->ls, &b->P->institutions[inst]);
}

/* A place's short name (else its name) in `lang`. */
static const char *
short_in(const itin_plan *P, itin_lang lang, const itin_institution *I)
{
    return itin_text_pick(P, I->short_name ? I->short_name : I->name, lang, NULL);
}

static const char *
short_name(const builder *b, const itin_institution *I)
{
    return short_in(b->P, b->ls->lang[0], I);
}

/* The names of the participants in a mask, in the delegation's order. */
static const char *
names_text(agenda *a, itin_lang lang, const uint64_t *who)
{
    const itin_delegation *D = &a->plan->delegation;
    const char **names = itin_xmalloc((D->n_participants + 1) * sizeof *names);
    size_t n = 0;
    ITIN_WHO_EACH(i, who, D->n_participants)
    names[n++] = itin_text_pick(a->plan, D->participants[i].name, lang, NULL);
    const char *list = list_in(a, a->A, lang, names, n);
    free(names);
    return list;
}

/* Up to this many groups name the attendees; more would not be read. */
#define MAX_NAMED_GROUPS 8

/* Every group's members as a mask, made once per agenda. */
static const uint64_t *
group_masks(agenda *a)
{
    const itin_delegation *D = &a->plan->delegation;
    size_t words = a->plan->who_words;
    if (!a->group_masks && D->n_groups) {
        uint64_t *m = itin_arena_alloc(a->A, D->n_groups * words * sizeof *m);
        for (size_t g = 0; g < D->n_groups; g++)
            itin_who_add_group(m + g * words, &D->groups[g]);
        a->group_masks = m;
    }
    return a->group_masks;
}

/* Groups whose members together are exactly `who`, at most
 * MAX_NAMED_GROUPS: of the groups inside `who`, the largest that adds
 * someone, again and again; then none that the others cover. Their number
 * (0 when there are no such groups), their indices in pick. */
static size_t
exact_groups(agenda *a, const uint64_t *who, size_t *pick)
{
    const itin_delegation *D = &a->plan->delegation;
    const uint64_t *gm = group_masks(a);
    size_t words = a->plan->who_words, n = 0, n_in = 0;
    size_t *inside = itin_xmalloc((D->n_groups + 1) * sizeof *inside);
    for (size_t g = 0; g < D->n_groups; g++) {
        bool in = D->groups[g].n_members > 0;
        for (size_t w = 0; w < words && in; w++)
            in = (gm[g * words + w] & ~who[w]) == 0;
        if (in)
            inside[n_in++] = g;
    }
    uint64_t *have = itin_who_new(words), *m = itin_who_new(words);
    while (n < MAX_NAMED_GROUPS && n_in && !itin_who_equal(have, who, words)) {
        size_t best = n_in, best_c = 0;
        for (size_t k = 0; k < n_in; k++) {
            const uint64_t *g = gm + inside[k] * words;
            size_t c = 0;
            for (size_t w = 0; w < words; w++)
                for (uint64_t v = g[w] & ~have[w]; v; v &= v - 1)
                    c++;
            if (c > best_c) {
                best = k;
                best_c = c;
            }
        }
        if (best == n_in)
            break;
        pick[n++] = inside[best];
        for (size_t w = 0; w < words; w++)
            have[w] |= gm[inside[best] * words + w];
    }
    if (!itin_who_equal(have, who, words))
        n = 0;
    for (size_t k = 0; k < n && n > 1;) {
        itin_who_clear(m, words);
        for (size_t j = 0; j < n; j++)
            for (size_t w = 0; j != k && w < words; w++)
                m[w] |= gm[pick[j] * words + w];
        if (itin_who_equal(m, who, words)) {
            memmove(pick + k, pick + k + 1, (n - k - 1) * sizeof *pick);
            n--;
        } else {
            k++;
        }
    }
    free(m);
    free(have);
    free(inside);
    return n;
}

/* Who attends, in words of one language: "everyone"; "everyone except
 * Yoon Seo-jin" when one or two are missing; the names of the groups whose
 * members they are exactly (each with its members when `members`); else
 * every name. */
static const char *
who_in(agenda *a, itin_lang lang, const uint64_t *who, bool members)
{
    const itin_delegation *D = &a->plan->delegation;
    size_t words = a->plan->who_words, np = D->n_participants, n = itin_who_count(who, words);
    if (np && n >= np && itin_who_is_all(who, np))
        return itin_label_text(lang, L_EVERYONE);
    if (n >= 3 && np - n <= 2) {
        uint64_t *absent = itin_who_new(words);
        for (size_t i = 0; i < np; i++)
            if (!itin_who_has(who, i))
                itin_who_add(absent, i);
        const char *t =
            itin_arena_printf(a->A, itin_label_text(lang, L_EVERYONE_EXCEPT), names_text(a, lang, absent));
        free(absent);
        return t;
    }
    size_t groups[MAX_NAMED_GROUPS];
    size_t ng = exact_groups(a, who, groups);
    const char *result = NULL;
    if (ng) {
        const char **parts = itin_xmalloc(ng * sizeof *parts);
        uint64_t *m = itin_who_new(words);
        for (size_t k = 0; k < ng; k++) {
            const itin_group *G = &D->groups[groups[k]];
            parts[k] = itin_text_pick(a->plan, G->name, lang, NULL);
            if (members) {
                itin_who_clear(m, words);
                itin_who_add_group(m, G);
                parts[k] = itin_arena_printf(a->A, "%s (%s)", itin_text_pick(a->plan, G->name, lang, NULL),
                                             names_text(a, lang, m));
            }
        }
        result = list_in(a, a->A, lang, parts, ng);
        free(m);
        free(parts);
    }
    return result ? result : names_text(a, lang, who);
}

/* Who attends, in each of the agenda's languages. */
static const char *
who_langs(agenda *a, const uint64_t *who, bool members)
{
    /* A plan's items have few distinct sets of attendees, and a line takes
     * ICU's list formatter and a search of the groups. */
    size_t words = a->plan->who_words;
    const char *text = itin_who_memo_get(a->who_memo, who, words, members);
    if (text)
        return text;
    const char *t[ITIN_MAX_LANGS] = {"", ""};
    for (size_t k = 0; k < a->langs.n; k++)
        t[k] = who_in(a, a->langs.lang[k], who, members);
    text = itin_join_langs(a->A, &a->langs, t, " / ");
    itin_who_memo_put(&a->who_memo, a->A, who, words, members, text);
    return text;
}

/* Who attends, in the agenda's words, groups with their members. */
static const char *
who_text(builder *b, const uint64_t *who)
{
    return who_langs(b->a, who, true);
}

const char *
itin_agenda_who(agenda *a, const uint64_t *who)
{
    return who_langs(a, who, false);
}

static const char *
contact_text(builder *b, const itin_contact *c)
{
    const char *parts[3];
    size_t n = 0;
    if (c->name)
        parts[n++] = tr(b, c->name);
    if (c->phone)
        parts[n++] = c->phone;
    if (c->email)
        parts[n++] = c->email;
    if (!n)
        return NULL;
    if (n == 1)
        return parts[0];
    if (n == 2)
        return itin_arena_printf(b->A, "%s, %s", parts[0], parts[1]);
    return itin_arena_printf(b->A, "%s, %s, %s", parts[0], parts[1], parts[2]);
}

/* "UTC+09:00" */
static const char *
offset_text(itin_arena *A, int offset)
{
    int off = offset < 0 ? -offset : offset;
    return itin_arena_printf(A, "UTC%c%02d:%02d", offset < 0 ? '-' : '+', off / 3600, off % 3600 / 60);
}

const char *
itin_agenda_local_time(itin_arena *A, const char *label, const char *zone, int offset)
{
    return itin_arena_printf(A, "%s: %s (%s)", label, zone, offset_text(A, offset));
}

/* The days from an item's start to its end (an end at midnight is 24:00
 * on the day it closes, not 00:00 +1), its end date and minute when wanted,
 * and in *offsets whether its times name their UTC offsets: the clocks
 * change during the item (02:30 summer time to 02:00 winter time, in the
 * repeated hour), and without them the end would read as earlier than the
 * start. */
static int
item_days(const itin_item *x, itin_date *end_date_out, int *end_out, bool *offsets)
{
    itin_date end_date = x->local_end_date;
    int end = x->local_end;
    itin_end_of_day(x->local_start_date, &end_date, &end);
    if (end_date_out)
        *end_date_out = end_date;
    if (end_out)
        *end_out = end;
    *offsets = x->offset_start != x->offset_end && strcmp(x->tz_start, x->tz_end) == 0;
    return (int)(end_date - x->local_start_date);
}

const char *
itin_agenda_item_time(itin_arena *A, const itin_item *x, bool *offsets)
{
    char hm[ITIN_HM_SIZE];
    int end;
    int days = item_days(x, NULL, &end, offsets);
    const char *from = itin_arena_strdup(A, itin_hm(x->local_start, hm));
    const char *to = itin_arena_strdup(A, itin_hm(end, hm));
    if (*offsets) {
        from = itin_arena_printf(A, "%s (%s)", from, offset_text(A, x->offset_start));
        to = itin_arena_printf(A, "%s (%s)", to, offset_text(A, x->offset_end));
    }
    if (days == 0)
        return itin_arena_cat(A, from, "\u2013", to, (const char *)NULL);
    return days > 0 ? itin_arena_printf(A, "%s\u2013%s +%d", from, to, days)
                    : itin_arena_printf(A, "%s\u2013%s %d", from, to, days);
}

const char *
itin_agenda_item_title(itin_arena *A, const itin_langs *ls, const itin_plan *P, const itin_item *x)
{
    /* The title in both languages when the file gives both, place names in
     * the first. */
    itin_lang l = ls->lang[0];
    const char *t = itin_text_langs(A, P, x->title, ls, " / ");
    bool route = x->kind == ITIN_ITEM_TRANSFER || (x->kind == ITIN_ITEM_TRAVEL && x->leg->title_default);
    const char *from = route ? short_in(P, l, &P->institutions[x->from]) : NULL;
    const char *to = route ? short_in(P, l, &P->institutions[x->to]) : NULL;
    if (x->kind == ITIN_ITEM_TRANSFER)
        t = itin_arena_cat(A, itin_label_langs(A, ls, L_TRANSFER), ": ", from, " \u2192 ", to,
                           (const char *)NULL);
    else if (x->kind == ITIN_ITEM_MEETING)
        t = itin_arena_printf(A, "%s: %s", itin_label_langs(A, ls, L_MEETING), t);
    else if (x->kind == ITIN_ITEM_TRAVEL && x->leg->title_default)
        t = itin_leg_title_langs(A, ls, x->mode, x->leg->ref, from, to);
    return t;
}

static const char *
title_of(builder *b, const itin_item *x)
{
    const char *t = itin_agenda_item_title(b->A, b->ls, b->P, x);
    if (x->status == ITIN_CANCELLED)
        t = itin_arena_printf(b->A, "[%s] %s", agenda_label(b, L_CANCELLED), t);
    else if (x->status == ITIN_TENTATIVE)
        t = itin_arena_printf(b->A, "[%s] %s", agenda_label(b, L_TENTATIVE), t);
    return t;
}

/* "by bus, 20 min, 3.6 km" in each of the agenda's languages; made once
 * per mode, duration and distance, in the agenda's arena. */
static const char *
transfer_how(agenda *a, const itin_item *x)
{
    uint64_t bits;
    memcpy(&bits, &x->distance_km, sizeof bits);
    uint64_t what = ((uint64_t)x->mode << 32) | (uint32_t)x->minutes;
    size_t at;
    if (!a->hows) {
        a->hows = itin_arena_alloc(a->A, sizeof *a->hows);
        itin_pairmap_init(a->hows);
    }
    if (itin_pairmap_get(a->hows, what, bits, &at))
        return (const char *)(uintptr_t)at;
    const char *how[ITIN_MAX_LANGS] = {"", ""};
    for (size_t k = 0; k < a->langs.n; k++)
        how[k] = itin_transfer_how(a->A, a->langs.lang[k], x, false);
    const char *text = itin_join_langs(a->A, &a->langs, how, " / ");
    itin_pairmap_put(a->hows, what, bits, (size_t)(uintptr_t)text, NULL);
    return text;
}

static void
entry_for(builder *b, agenda_entry *e, const itin_item *x)
{
    const itin_plan *P = b->P;
    size_t cap = 0;
    e->kind = x->kind;
    e->status = x->status;
    e->item = x;
    e->title = title_of(b, x);
    e->time = itin_agenda_item_time(b->A, x, &e->offsets);
    itin_date end_date;
    int end;
    int days = item_days(x, &end_date, &end, &e->offsets);
    const char *to =
        e->offsets ? itin_arena_printf(b->A, "%s (%s)", agenda_hm(b, end), offset_text(b->A, x->offset_end))
                   : agenda_hm(b, end);
    if (x->kind == ITIN_ITEM_VISIT) {
        const itin_visit *v = x->visit;
        const itin_institution *I = &P->institutions[x->place];
        add_field(b, &e->fields, &e->n_fields, &cap, agenda_label(b, L_PLACE), place_text(b, x->place));
        if (!x->everyone)
            add_field(b, &e->fields, &e->n_fields, &cap, agenda_label(b, L_WITH), who_text(b, x->who));
        if (v->n_topics) {
            const char **topics = itin_xmalloc(v->n_topics * sizeof *topics);
            for (size_t k = 0; k < v->n_topics; k++)
                topics[k] = tr(b, v->topics[k]);
            add_field(b, &e->fields, &e->n_fields, &cap, agenda_label(b, L_TOPICS),
                      list_in(b->a, b->A, b->ls->lang[0], topics, v->n_topics));
            free(topics);
        }
        add_field(b, &e->fields, &e->n_fields, &cap, agenda_label(b, L_HOST), tr(b, v->host));
        add_field(b, &e->fields, &e->n_fields, &cap, agenda_label(b, L_CONTACT),
                  contact_text(b, &I->contact));
        add_field(b, &e->fields, &e->n_fields, &cap, NULL, tr_paragraph(b, v->description));
    } else if (x->kind == ITIN_ITEM_TRAVEL) {
        const itin_leg *l = x->leg;
        if (!l->title_default)
            add_field(b, &e->fields, &e->n_fields, &cap, agenda_label(b, L_PLACE),
                      itin_arena_printf(b->A, "%s \u2192 %s", short_name(b, &P->institutions[x->from]),
                                        short_name(b, &P->institutions[x->to])));
        if (!l->title_default)
            add_field(b, &e->fields, &e->n_fields, &cap, agenda_label(b, L_REF), l->ref);
        if (x->checkin > 0) {
            /* "Check-in by 11:25": local time at the departure. */
            const itin_zone *z = itin_zone_get(x->tz_start);
            int m = x->local_start - x->checkin;
            if (z)
                itin_zone_local(z, x->start - (int64_t)x->checkin * 60, NULL, &m, NULL);
            add_field(b, &e->fields, &e->n_fields, &cap,
                      agenda_label(b, x->mode == ITIN_MODE_FLIGHT ? L_CHECKIN_BY : L_THERE_BY),
                      agenda_hm(b, ((m % 1440) + 1440) % 1440));
        }
        if (days != 0 || strcmp(x->tz_start, x->tz_end) != 0)
            add_field(b, &e->fields, &e->n_fields, &cap, agenda_label(b, L_ARRIVAL),
                      itin_arena_printf(b->A, "%s, %s (%s, %s)", itin_date_long_langs(b->A, b->ls, end_date),
                                        to, x->tz_end, offset_text(b->A, x->offset_end)));
        if (!x->everyone)
            add_field(b, &e->fields, &e->n_fields, &cap, agenda_label(b, L_WITH), who_text(b, x->who));
        add_field(b, &e->fields, &e->n_fields, &cap, NULL, tr_paragraph(b, l->description));
    } else if (x->kind == ITIN_ITEM_TRANSFER) {
        /* "Transfer: A → B (by bus, 20 min, 3.6 km)"; bilingual "(mit dem
         * Bus, 20 Min., 3,6 km / 버스, 20분, 3.6 km)". */
        e->title = itin_arena_cat(b->A, e->title, " (", transfer_how(b->a, x), ")", (const char *)NULL);
        if (!x->everyone)
            add_field(b, &e->fields, &e->n_fields, &cap, agenda_label(b, L_WITH), who_text(b, x->who));
    } else if (x->kind == ITIN_ITEM_MEETING) {
        /* "Table 3, with interpreter" at the venue, with the host's contact. */
        const itin_company *h = &P->companies[x->companies[1]];
        add_field(b, &e->fields, &e->n_fields, &cap, agenda_label(b, L_PLACE), place_text(b, x->place));
        add_field(b, &e->fields, &e->n_fields, &cap, agenda_label(b, L_TABLE),
                  x->interpreted ? itin_arena_printf(b->A, "%d, %s", x->table, agenda_label(b, L_INTERPRETED))
                                 : itin_arena_printf(b->A, "%d", x->table));
        if (!x->everyone)
            add_field(b, &e->fields, &e->n_fields, &cap, agenda_label(b, L_WITH), who_text(b, x->who));
        add_field(b, &e->fields, &e->n_fields, &cap, agenda_label(b, L_CONTACT),
                  contact_text(b, &h->contact));
    }
}

/* A long gap before item x, from `from` to `to` (the hotel break between transfers, §13.2):
 * "Free time", in the zone of the item that follows. */
static void
free_time(builder *b, agenda_entry *e, const itin_item *x, int64_t from, int64_t to)
{
    memset(e, 0, sizeof *e);
    const itin_zone *z = itin_zone_get(x->tz_start);
    int m0 = 0, m1 = x->local_start;
    if (z) {
        itin_zone_local(z, from, NULL, &m0, NULL);
        itin_zone_local(z, to, NULL, &m1, NULL);
    }
    e->time = itin_arena_printf(b->A, "%s\u2013%s", agenda_hm(b, m0), agenda_hm(b, m1));
    e->title = agenda_label(b, L_FREE_TIME);
    e->kind = x->kind;
    e->free_time = true;
}

static void
agenda_head(builder *b)
{
    const itin_delegation *D = &b->P->delegation;
    agenda *a = b->a;
    size_t cap = 0;
    a->title = tr(b, D->title);
    add_field(b, &a->head, &a->n_head, &cap, agenda_label(b, L_LEAD), tr(b, D->lead));
    const char *org = tr(b, D->organizer.name);
    if (org && D->organizer.email)
        org = itin_arena_printf(a->A, "%s <%s>", org, D->organizer.email);
    else if (!org)
        org = D->organizer.email;
    add_field(b, &a->head, &a->n_head, &cap, agenda_label(b, L_ORGANIZER), org);
    const char *dates[ITIN_MAX_LANGS] = {"", ""};
    for (size_t k = 0; k < b->ls->n; k++) {
        itin_lang l = b->ls->lang[k];
        dates[k] = D->start == D->end
                       ? itin_date_long(a->A, l, D->start)
                       : itin_arena_printf(a->A, "%s \u2013 %s", itin_date_long(a->A, l, D->start),
                                           itin_date_long(a->A, l, D->end));
    }
    add_field(b, &a->head, &a->n_head, &cap, agenda_label(b, L_DATES),
              itin_join_langs(a->A, b->ls, dates, " \u00b7 "));
    if (D->revision >= 0)
        add_field(b, &a->head, &a->n_head, &cap, agenda_label(b, L_REVISION),
                  itin_arena_printf(a->A, "%d", D->revision));
}

/* The zone and offset the reader was last told, by a zone line or by a
 * leg's arrival. An entry whose time names its offsets (the clocks change
 * during it) does not count: the entries after it, in the new offset, get a
 * zone line of their own, so that the repeated hour's times never stand
 * under the old offset. */
typedef struct told {
    const char *zone;
    int offset;
} told;

/* The agenda's day of `day`, into ad. */
static void
agenda_day_build(builder *b, agenda_day *ad, const itin_day *day, told *t)
{
    const itin_itinerary *it = b->it;
    const itin_delegation *D = &b->P->delegation;
    memset(ad, 0, sizeof *ad);
    ad->day = day;
    const char *date = itin_date_long_langs(b->A, b->ls, day->date);
    /* Every day has its number (0 and below before the delegation); the days
     * around it also say what they are. */
    const char *label[ITIN_MAX_LANGS] = {"", ""};
    for (size_t j = 0; j < b->ls->n; j++) {
        itin_lang l = b->ls->lang[j];
        label[j] = itin_arena_printf(b->A, itin_label_text(l, L_DAY), day->number);
        if (day->date < D->start || day->date > D->end)
            label[j] =
                itin_arena_printf(b->A, "%s (%s)", label[j],
                                  itin_label_text(l, day->date < D->start ? L_DAY_BEFORE : L_DAY_AFTER));
    }
    ad->heading = itin_arena_printf(b->A, "%s \u00b7 %s", itin_join_langs(b->A, b->ls, label, " / "), date);
    /* Room for a free time before every item. */
    ad->entries = itin_arena_alloc(b->A, (day->n_items ? 2 * day->n_items : 1) * sizeof *ad->entries);
    size_t cap_n = 0;
    int64_t busy_until = INT64_MIN;
    for (size_t i = 0; i < day->n_items; i++) {
        const itin_item *x = &it->items[day->items[i]];
        if (x->kind != ITIN_ITEM_LODGING && x->status != ITIN_CANCELLED) {
            /* A leg keeps one from its check-in to the end of its exit time. */
            int64_t busy_from = x->start, busy_to = x->end;
            if (x->kind == ITIN_ITEM_TRAVEL)
                busy_from -= (int64_t)x->checkin * 60, busy_to += (int64_t)x->exit_time * 60;
            if (busy_until != INT64_MIN && D->hotel_break > 0 &&
                busy_from - busy_until >= (int64_t)D->hotel_break * 60)
                free_time(b, &ad->entries[ad->n_entries++], x, busy_until, busy_from);
            if (busy_to > busy_until)
                busy_until = busy_to;
        }
        if (x->kind == ITIN_ITEM_LODGING) {
            const char *text = place_text(b, x->place);
            if (!x->everyone && !b->mask)
                text = itin_arena_printf(b->A, "%s (%s)", text, who_text(b, x->who));
            add_field(b, &ad->nights, &ad->n_nights, &cap_n, agenda_label(b, L_LODGING), text);
            continue;
        }
        agenda_entry *e = &ad->entries[ad->n_entries++];
        entry_for(b, e, x);
        if (!t->zone || strcmp(t->zone, x->tz_start) != 0 || t->offset != x->offset_start)
            e->zone =
                itin_agenda_local_time(b->A, agenda_label(b, L_LOCAL_TIME), x->tz_start, x->offset_start);
        t->zone = x->tz_end;
        t->offset = e->offsets ? x->offset_start : x->offset_end;
    }
}

static void
agenda_days(builder *b)
{
    agenda *a = b->a;
    told t = {NULL, 0};
    a->days = itin_arena_alloc(a->A, (b->it->n_days ? b->it->n_days : 1) * sizeof *a->days);
    for (size_t k = 0; k < b->it->n_days; k++)
        agenda_day_build(b, &a->days[a->n_days++], &b->it->days[k], &t);
}

static void
agenda_people(builder *b)
{
    const itin_delegation *D = &b->P->delegation;
    agenda *a = b->a;
    size_t cap = 0;
    a->people_heading = agenda_label(b, L_PARTICIPANTS);
    for (size_t i = 0; i < D->n_participants; i++) {
        const itin_participant *p = &D->participants[i];
        const char *parts[4];
        size_t n = 0;
        if (p->role)
            parts[n++] = tr(b, p->role);
        if (p->org)
            parts[n++] = tr(b, p->org);
        if (p->email)
            parts[n++] = p->email;
        if (p->phone)
            parts[n++] = p->phone;
        const char *text = "";
        for (size_t k = 0; k < n; k++)
            text = k ? itin_arena_printf(a->A, "%s, %s", text, parts[k]) : parts[k];
        *ITIN_PUSH(a->A, a->people, a->n_people, cap) = (agenda_field){tr(b, p->name), text};
    }
    /* Contacts: the organiser, then every place visited that names one. */
    cap = 0;
    a->contacts_heading = agenda_label(b, L_CONTACTS);
    const char *org = contact_text(b, &D->organizer);
    if (org)
        add_field(b, &a->contacts, &a->n_contacts, &cap, agenda_label(b, L_ORGANIZER), org);
    bool *seen = itin_xcalloc(b->P->n_institutions + 1, sizeof *seen);
    for (size_t k = 0; k < b->it->n_days; k++)
        for (size_t i = 0; i < b->it->days[k].n_items; i++) {
            const itin_item *x = &b->it->items[b->it->days[k].items[i]];
            if (x->kind != ITIN_ITEM_VISIT || seen[x->place])
                continue;
            seen[x->place] = true;
            const itin_institution *I = &b->P->institutions[x->place];
            const char *c = contact_text(b, &I->contact);
            if (c && I->url)
                c = itin_arena_printf(a->A, "%s, %s", c, I->url);
            add_field(b, &a->contacts, &a->n_contacts, &cap, short_name(b, I), c);
        }
    free(seen);
}

/* An agenda with everything but its days. */
static agenda *
agenda_shell(const itin_itinerary *it, const itin_render_options *opt)
{
    itin_arena *A = itin_arena_new();
    agenda *a = itin_arena_alloc(A, sizeof *a);
    a->A = A;
    a->plan = it->plan;
    /* The languages the options name, else the delegation's; a spec that
     * does not read (the program checks it first) is its first language. */
    const char *spec = opt->lang ? opt->lang : it->plan->delegation.language;
    char err[160];
    if (itin_langs_parse(spec ? spec : "en", &a->langs, err, sizeof err) != 0)
        a->langs = (itin_langs){{itin_lang_of(spec)}, 1};
    a->lang = a->langs.lang[0];
    a->no_items = itin_label_langs(A, &a->langs, L_NO_ITEMS);
    builder b = {a, A, it, it->plan, &a->langs, opt->mask};
    agenda_head(&b);
    if (opt->audience) {
        size_t cap = a->n_head;
        add_field(&b, &a->head, &a->n_head, &cap, agenda_label(&b, L_FOR), tr(&b, opt->audience));
    }
    agenda_people(&b);
    return a;
}

agenda *
itin_agenda_build(const itin_itinerary *it, const itin_render_options *opt)
{
    agenda *a = agenda_shell(it, opt);
    builder b = {a, a->A, it, it->plan, &a->langs, opt->mask};
    agenda_days(&b);
    return a;
}

/* The state of an agenda built a day at a time. */
struct agenda_stream {
    const itin_itinerary *it;
    const uint64_t *mask;
    itin_arena *A; /* the current day's, reset for the next */
    size_t next;   /* the itinerary's next day */
    told t;
    agenda_day day;
};

agenda *
itin_agenda_begin(const itin_itinerary *it, const itin_render_options *opt)
{
    agenda *a = agenda_shell(it, opt);
    struct agenda_stream *s = itin_arena_alloc(a->A, sizeof *s);
    s->it = it;
    s->mask = opt->mask;
    s->A = itin_arena_new();
    a->stream = s;
    return a;
}

const agenda_day *
itin_agenda_next_day(agenda *a)
{
    struct agenda_stream *s = a->stream;
    if (!s || s->next >= s->it->n_days)
        return NULL;
    itin_arena_reset(s->A);
    builder b = {a, s->A, s->it, s->it->plan, &a->langs, s->mask};
    agenda_day_build(&b, &s->day, &s->it->days[s->next++], &s->t);
    return &s->day;
}

size_t
itin_agenda_time_width(const itin_itinerary *it)
{
    /* At least 11, as the writer's; "10:00–11:00" and every free time. */
    size_t tw = itin_display_width("00:00\u201300:00", strlen("00:00\u201300:00"));
    if (tw < 11)
        tw = 11;
    itin_arena *A = NULL;
    for (size_t k = 0; k < it->n_days; k++)
        for (size_t i = 0; i < it->days[k].n_items; i++) {
            const itin_item *x = &it->items[it->days[k].items[i]];
            bool offsets;
            if (x->kind == ITIN_ITEM_LODGING || item_days(x, NULL, NULL, &offsets) == 0 || offsets)
                continue;
            /* A time into another day ("22:00–06:15 +1"), as the agenda
             * writes it. */
            if (!A)
                A = itin_arena_new();
            const char *t = itin_agenda_item_time(A, x, &offsets);
            size_t w = itin_display_width(t, strlen(t));
            if (w > tw)
                tw = w;
            itin_arena_reset(A);
        }
    itin_arena_free(A);
    return tw;
}

void
itin_agenda_free(agenda *a)
{
    if (!a)
        return;
    if (a->stream)
        itin_arena_free(a->stream->A);
    if (a->hows)
        itin_pairmap_free(a->hows);
    itin_arena_free(a->A);
}
