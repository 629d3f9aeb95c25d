/* export_diff: a change notice — what changed from one revision of a plan
 * to the next, for the delegation, a group or one participant — as text and
 * CommonMark (the same blocks as the agenda, laid out by its writers) and as
 * JSON (docs/format.md §20). It renders the changes diff.c found and
 * computes nothing itself.
 *
 * A change is said in a sentence of the notice's language: "The visit at
 * 10:45 has moved to 11:45–12:45." For one participant the sentences speak
 * to them ("Your visit …"), and who joins or leaves an item becomes "New in
 * your itinerary." or "… is no longer in your itinerary." The changes of one
 * item make one entry, under the day the item now belongs to (a removed
 * item: the day it belonged to); lodging is listed under the first night
 * that changed, after the day's entries, as the agenda lists nights. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "text.h"
#include "datetime.h"
#include "diff.h"
#include "json.h"
#include "strbuf.h"
#include "values.h"
#include "who.h"
#include "xalloc.h"

typedef struct notice {
    const itin_diff *D;
    const itin_diff_options *opt;
    itin_lang lang;
    itin_arena *A;
    agenda *a;
    const uint64_t *mask; /* NULL: everyone */
    bool personal;
    uint64_t *scratch;
} notice;

static const char *
label(const notice *n, itin_label l)
{
    return itin_label_text(n->lang, l);
}

/* A template with {name} pieces filled from names[i] = values[i]. */
static const char *
fill(itin_arena *A, const char *tmpl, const char *const *names, const char *const *values, size_t n)
{
    itin_strbuf b = {0};
    for (const char *p = tmpl; *p;) {
        bool done = false;
        if (*p == '{')
            for (size_t i = 0; i < n && !done; i++) {
                size_t len = strlen(names[i]);
                if (strncmp(p + 1, names[i], len) == 0 && p[1 + len] == '}') {
                    itin_strbuf_puts(&b, values[i] ? values[i] : "");
                    p += len + 2;
                    done = true;
                }
            }
        if (!done)
            itin_strbuf_putc(&b, *p++);
    }
    const char *s = itin_arena_strdup(A, itin_strbuf_str(&b));
    free(b.s);
    return s;
}

/* ------------------------------------------------------------ pieces */

/* The plan of the new itinerary, or of the old one. */
static const itin_plan *
plan_of(const notice *n, bool after)
{
    return (after ? n->D->after : n->D->before)->plan;
}

/* A text of plan P in the notice's language (text.h). */
static const char *
tr(const notice *n, const itin_plan *P, const char *s)
{
    return itin_text_pick(P, s, n->lang, NULL);
}

static const char *
short_name(const notice *n, const itin_plan *P, const itin_institution *I)
{
    return tr(n, P, I->short_name ? I->short_name : I->name);
}

/* A person's name: people of the diff come from either plan, and a text's
 * variants are found in the plan it belongs to. */
static const char *
person_name(const notice *n, const itin_participant *p)
{
    const char *t = tr(n, plan_of(n, true), p->name);
    return t != p->name ? t : tr(n, plan_of(n, false), p->name);
}

static const char *
hm(const notice *n, int minutes)
{
    char buf[ITIN_HM_SIZE];
    return itin_arena_strdup(n->A, itin_hm(minutes, buf));
}

/* {it}: "The visit", "Your flight", … */
static const char *
it_noun(const notice *n, const itin_item *x)
{
    switch (x->kind) {
    case ITIN_ITEM_TRAVEL:
        if (x->mode == ITIN_MODE_FLIGHT)
            return label(n, n->personal ? L_YOUR_FLIGHT : L_THE_FLIGHT);
        return label(n, n->personal ? L_YOUR_TRAVEL : L_THE_TRAVEL);
    case ITIN_ITEM_TRANSFER:
        return label(n, n->personal ? L_YOUR_TRANSFER : L_THE_TRANSFER);
    case ITIN_ITEM_MEETING:
        return label(n, n->personal ? L_YOUR_MEETING : L_THE_MEETING);
    default:
        return label(n, n->personal ? L_YOUR_VISIT : L_THE_VISIT);
    }
}

/* Names of the people in a mask: a group's name and members when it is
 * exactly one group of the new plan. */
static const char *
people_text(const notice *n, const uint64_t *who)
{
    const itin_diff *D = n->D;
    const itin_delegation *N = &D->after->plan->delegation;
    for (size_t g = 0; g < N->n_groups; g++) {
        const itin_group *G = &N->groups[g];
        itin_who_clear(n->scratch, D->words);
        for (size_t k = 0; k < G->n_members; k++) /* the new plan's participants come first, in order */
            itin_who_add(n->scratch, G->members[k]);
        if (G->n_members && itin_who_equal(n->scratch, who, D->words)) {
            const char **names = itin_xmalloc(G->n_members * sizeof *names);
            for (size_t k = 0; k < G->n_members; k++)
                names[k] = tr(n, D->after->plan, N->participants[G->members[k]].name);
            const char *list = itin_list(n->A, n->lang, names, G->n_members);
            free(names);
            return itin_arena_printf(n->A, "%s (%s)", tr(n, D->after->plan, G->name), list);
        }
    }
    const char **names = itin_xmalloc((D->n_people + 1) * sizeof *names);
    size_t k = 0;
    ITIN_WHO_EACH(u, who, D->n_people)
    names[k++] = D->people[u]->name ? person_name(n, D->people[u]) : D->people[u]->id;
    const char *list = itin_list(n->A, n->lang, names, k);
    free(names);
    return list;
}

/* The people of `who` the notice is for (all of them without a mask), in
 * the scratch mask; false when none. */
static bool
audience_part(const notice *n, const uint64_t *who, uint64_t *out)
{
    bool any = false;
    for (size_t i = 0; i < n->D->words; i++) {
        out[i] = n->mask ? who[i] & n->mask[i] : who[i];
        any |= out[i] != 0;
    }
    return any;
}

/* Whether `who` is everyone the notice is for. */
static bool
whole_audience(const notice *n, const uint64_t *who)
{
    const itin_diff *D = n->D;
    if (n->mask) {
        for (size_t i = 0; i < D->words; i++)
            if ((who[i] & n->mask[i]) != n->mask[i])
                return false;
        return true;
    }
    return itin_who_is_all(who, D->n_people);
}

static const char *
place_name(const notice *n, const itin_plan *P, size_t i)
{
    return i == ITIN_NO_PLACE ? "" : tr(n, P, P->institutions[i].name);
}

static const char *
route(const notice *n, const itin_plan *P, const itin_item *x)
{
    return itin_arena_printf(n->A, "%s \u2192 %s", short_name(n, P, &P->institutions[x->from]),
                             short_name(n, P, &P->institutions[x->to]));
}

static const char *
status_word(const notice *n, itin_status s)
{
    return label(n, s == ITIN_TENTATIVE ? L_TENTATIVE : s == ITIN_CANCELLED ? L_CANCELLED : L_CONFIRMED);
}

/* The start of an item as "at {time}" says it, with its zone when `zone`. */
static const char *
start_text(const notice *n, const itin_item *x, bool zone)
{
    const char *t = hm(n, x->local_start);
    return zone ? itin_arena_printf(n->A, "%s (%s)", t, x->tz_start) : t;
}

/* Where a moved item is now: its times, after its date when that changed,
 * with the zone when that changed. */
static const char *
moved_to(const notice *n, const itin_item *o, const itin_item *x, bool zone)
{
    bool offsets;
    const char *t = itin_agenda_item_time(n->A, x, &offsets);
    if (zone)
        t = itin_arena_printf(n->A, "%s (%s)", t, x->tz_start);
    if (o->local_start_date == x->local_start_date)
        return t;
    const char *names[] = {"date", "time"};
    const char *values[] = {itin_date_long(n->A, n->lang, x->local_start_date), t};
    return fill(n->A, label(n, L_DIFF_DATE_TIME), names, values, 2);
}

/* The sentence that says one change. */
static const char *
sentence(const notice *n, const itin_change *c)
{
    const itin_item *o = c->before, *x = c->after ? c->after : c->before;
    itin_change_kind kind = c->kind;
    itin_label l = L__COUNT;
    const char *old = NULL, *new = NULL, *list = NULL, *time = NULL;
    if (n->personal && kind == ITIN_CHANGE_ATTENDEES) {
        /* Whether this participant joins or leaves. */
        kind =
            itin_who_intersects(c->joining, n->mask, n->D->words) ? ITIN_CHANGE_ADDED : ITIN_CHANGE_REMOVED;
        if (kind == ITIN_CHANGE_REMOVED)
            x = o;
    }
    switch (kind) {
    case ITIN_CHANGE_ADDED:
        return label(n, n->personal ? L_DIFF_ADDED_YOU : L_DIFF_ADDED);
    case ITIN_CHANGE_REMOVED:
        l = n->personal ? L_DIFF_REMOVED_YOU : L_DIFF_REMOVED;
        break;
    case ITIN_CHANGE_CANCELLED:
        l = L_DIFF_CANCELLED;
        x = o;
        break;
    case ITIN_CHANGE_REINSTATED:
        l = L_DIFF_REINSTATED;
        break;
    case ITIN_CHANGE_MOVED: {
        bool zone = strcmp(o->tz_start, c->after->tz_start) != 0;
        l = L_DIFF_MOVED;
        time = start_text(n, o, zone);
        new = moved_to(n, o, c->after, zone);
        break;
    }
    case ITIN_CHANGE_PLACE: {
        const itin_plan *OP = plan_of(n, false), *NP = plan_of(n, true);
        l = L_DIFF_PLACE;
        if (x->kind == ITIN_ITEM_VISIT) {
            old = place_name(n, OP, o->place);
            new = itin_agenda_place_text(n->A, NP, &n->a->langs, &NP->institutions[x->place]);
        } else {
            old = route(n, OP, o);
            new = route(n, NP, x);
        }
        break;
    }
    case ITIN_CHANGE_TITLE:
        l = L_DIFF_RETITLED;
        old = tr(n, plan_of(n, false), o->title);
        break;
    case ITIN_CHANGE_BOOKING:
        l = L_DIFF_BOOKING;
        old = o->leg->ref ? o->leg->ref : label(n, L_DIFF_NO_BOOKING);
        new = x->leg->ref ? x->leg->ref : label(n, L_DIFF_NO_BOOKING);
        break;
    case ITIN_CHANGE_STATUS:
        l = L_DIFF_STATUS;
        old = status_word(n, o->status);
        new = status_word(n, x->status);
        break;
    case ITIN_CHANGE_MODE:
        l = L_DIFF_MODE;
        old = itin_mode_label(n->lang, o->mode);
        new = itin_mode_label(n->lang, x->mode);
        break;
    case ITIN_CHANGE_DETAILS: {
        const char *parts[3];
        size_t k = 0;
        if (c->details & ITIN_DETAIL_TOPICS)
            parts[k++] = label(n, L_DIFF_TOPICS);
        if (c->details & ITIN_DETAIL_HOST)
            parts[k++] = label(n, L_DIFF_HOST);
        if (c->details & ITIN_DETAIL_DESCRIPTION)
            parts[k++] = label(n, L_DIFF_DESCRIPTION);
        l = L_DIFF_DETAILS;
        list = itin_list(n->A, n->lang, parts, k);
        break;
    }
    default:
        return NULL;
    }
    if (!time)
        time = start_text(n, x, false);
    const char *names[] = {"it", "time", "old", "new", "list"};
    const char *values[] = {it_noun(n, x), time, old, new, list};
    return fill(n->A, label(n, l), names, values, 5);
}

/* -------------------------------------------------------- the agenda */

static void
add_field(notice *n, agenda_field **v, size_t *count, size_t *cap, const char *lab, const char *text)
{
    if (!text || !*text)
        return;
    *ITIN_PUSH(n->A, *v, *count, *cap) = (agenda_field){lab, text};
}

/* The entry of changes [first, last) of one item. */
static void
entry_for(notice *n, agenda_entry *e, const itin_change *first, const itin_change *last, const char **zone,
          int *offset)
{
    const itin_item *x = itin_change_item(first);
    const itin_plan *P = plan_of(n, x == first->after);
    size_t cap = 0;
    e->kind = x->kind;
    e->status = x->status;
    e->title = itin_agenda_item_title(n->A, &n->a->langs, P, x);
    e->time = itin_agenda_item_time(n->A, x, &e->offsets);
    if (!*zone || strcmp(*zone, x->tz_start) != 0 || *offset != x->offset_start) {
        e->zone = itin_agenda_local_time(n->A, label(n, L_LOCAL_TIME), x->tz_start, x->offset_start);
    }
    *zone = x->tz_end;
    *offset = e->offsets ? x->offset_start : x->offset_end;

    /* Whom the changes concern: said once when it is the same for all. */
    bool same_who = true;
    for (const itin_change *c = first + 1; c < last; c++)
        same_who &= itin_who_equal(c->who, first->who, n->D->words);
    uint64_t *part = itin_arena_alloc(n->A, n->D->words * sizeof *part);
    for (const itin_change *c = first; c < last; c++) {
        add_field(n, &e->fields, &e->n_fields, &cap, "", sentence(n, c));
        bool added = c->kind == ITIN_CHANGE_ADDED || c->kind == ITIN_CHANGE_REINSTATED ||
                     (n->personal && c->kind == ITIN_CHANGE_ATTENDEES && c->joining &&
                      itin_who_intersects(c->joining, n->mask, n->D->words));
        if (added && x->kind == ITIN_ITEM_VISIT && c->after)
            add_field(n, &e->fields, &e->n_fields, &cap, label(n, L_PLACE),
                      itin_agenda_place_text(n->A, P, &n->a->langs, &P->institutions[c->after->place]));
        if (n->personal)
            continue;
        if (c->kind == ITIN_CHANGE_ATTENDEES) {
            if (audience_part(n, c->joining, part))
                add_field(n, &e->fields, &e->n_fields, &cap, label(n, L_DIFF_JOINING), people_text(n, part));
            if (audience_part(n, c->leaving, part))
                add_field(n, &e->fields, &e->n_fields, &cap, label(n, L_DIFF_LEAVING), people_text(n, part));
            continue;
        }
        if ((same_who && c + 1 < last) || whole_audience(n, c->who))
            continue;
        if (audience_part(n, c->who, part))
            add_field(n, &e->fields, &e->n_fields, &cap, label(n, L_DIFF_CONCERNS), people_text(n, part));
    }
}

/* A lodging change as a night's line: "Hotel B instead of Hotel A (2 nights)". */
static const char *
lodging_text(notice *n, const itin_change *c)
{
    const itin_plan *OP = n->D->before->plan, *NP = n->D->after->plan;
    const char *old = c->before ? place_name(n, OP, c->before->place) : NULL;
    const char *new =
        c->after ? itin_agenda_place_text(n->A, NP, &n->a->langs, &NP->institutions[c->after->place]) : NULL;
    itin_label l = old && new ? L_DIFF_LODGING_CHANGED : new ? L_DIFF_LODGING_ADDED : L_DIFF_LODGING_REMOVED;
    const char *names[] = {"old", "new"};
    const char *values[] = {old, new};
    const char *t = fill(n->A, label(n, l), names, values, 2);
    int nights = (int)(c->night_last - c->night_first) + 1;
    if (nights > 1)
        t = itin_arena_printf(n->A, "%s (%s)", t, itin_msgformat(n->A, n->lang, L_DIFF_NIGHTS, nights, 0, 0));
    uint64_t *part = itin_arena_alloc(n->A, n->D->words * sizeof *part);
    if (!n->personal && !whole_audience(n, c->who) && audience_part(n, c->who, part))
        t = itin_arena_printf(n->A, "%s \u2013 %s", t, people_text(n, part));
    return t;
}

static const char *
day_heading(notice *n, itin_date date)
{
    const itin_delegation *N = &n->D->after->plan->delegation;
    const char *lab = itin_arena_printf(n->A, label(n, L_DAY), (int)(date - N->start) + 1);
    if (date < N->start || date > N->end)
        lab = itin_arena_printf(n->A, "%s (%s)", lab, label(n, date < N->start ? L_DAY_BEFORE : L_DAY_AFTER));
    return itin_arena_printf(n->A, "%s \u00b7 %s", lab, itin_date_long(n->A, n->lang, date));
}

static const char *
revision_text(const notice *n, int r)
{
    return r >= 0 ? itin_arena_printf(n->A, "%d", r) : "\u2013";
}

/* Everyone the notice may speak of: its audience, or all people. */
static size_t
audience_size(const notice *n)
{
    return n->mask ? itin_who_count(n->mask, n->D->words) : n->D->n_people;
}

static void
notice_head(notice *n)
{
    const itin_diff *D = n->D;
    const itin_delegation *O = &D->before->plan->delegation, *N = &D->after->plan->delegation;
    agenda *a = n->a;
    size_t cap = 0;
    a->title =
        itin_arena_printf(n->A, label(n, L_DIFF_TITLE), N->title ? tr(n, D->after->plan, N->title) : N->id);
    add_field(n, &a->head, &a->n_head, &cap, label(n, L_REVISION),
              itin_arena_printf(n->A, "%s \u2192 %s", revision_text(n, O->revision),
                                revision_text(n, N->revision)));
    if (n->opt->audience)
        add_field(n, &a->head, &a->n_head, &cap, label(n, L_DIFF_FOR), n->opt->audience);
    size_t count = itin_diff_count(D, n->mask);
    uint64_t *affected = itin_arena_alloc(n->A, D->words * sizeof *affected);
    for (size_t i = 0; i < D->n_changes; i++)
        if (itin_change_concerns(D, &D->changes[i], n->mask))
            for (size_t w = 0; w < D->words; w++)
                affected[w] |= D->changes[i].who[w] & (n->mask ? n->mask[w] : ~0ULL);
    const char *summary =
        !count        ? label(n, L_DIFF_NONE)
        : n->personal ? itin_msgformat(n->A, n->lang, L_DIFF_COUNT_YOU, (double)count, 0, 0)
                      : itin_msgformat(n->A, n->lang, L_DIFF_COUNT, (double)count,
                                       (double)itin_who_count(affected, D->words), (double)audience_size(n));
    add_field(n, &a->head, &a->n_head, &cap, label(n, L_DIFF_SUMMARY), summary);
}

static void
notice_days(notice *n)
{
    const itin_diff *D = n->D;
    agenda *a = n->a;
    size_t cap_days = 0, cap_e = 0, cap_n = 0;
    const char *zone = NULL;
    int offset = 0;
    agenda_day *day = NULL;
    itin_date date = 0;
    itin_change *kept = itin_arena_alloc(n->A, (D->n_changes + 1) * sizeof *kept);
    for (size_t i = 0; i < D->n_changes;) {
        const itin_change *c = &D->changes[i];
        if (!itin_change_concerns(D, c, n->mask)) {
            i++;
            continue;
        }
        if (!day || c->date != date) {
            date = c->date;
            day = ITIN_PUSH(n->A, a->days, a->n_days, cap_days);
            day->heading = day_heading(n, date);
            cap_e = cap_n = 0;
        }
        if (c->kind == ITIN_CHANGE_LODGING) {
            add_field(n, &day->nights, &day->n_nights, &cap_n, label(n, L_LODGING), lodging_text(n, c));
            i++;
            continue;
        }
        /* The changes of one item that concern the audience: one entry. */
        size_t j = i, k = 0;
        for (; j < D->n_changes && D->changes[j].kind != ITIN_CHANGE_LODGING &&
               D->changes[j].item_kind == c->item_kind && D->changes[j].date == c->date &&
               strcmp(D->changes[j].id, c->id) == 0;
             j++)
            if (itin_change_concerns(D, &D->changes[j], n->mask))
                kept[k++] = D->changes[j];
        agenda_entry *e = ITIN_PUSH(n->A, day->entries, day->n_entries, cap_e);
        entry_for(n, e, kept, kept + k, &zone, &offset);
        i = j;
    }
}

static agenda *
notice_build(const itin_diff *D, const itin_diff_options *opt, notice *n)
{
    static const itin_diff_options none;
    if (!opt)
        opt = &none;
    itin_arena *A = itin_arena_new();
    agenda *a = itin_arena_alloc(A, sizeof *a);
    a->A = A;
    *n = (notice){D,
                  opt,
                  itin_lang_of(opt->lang ? opt->lang : D->after->plan->delegation.language),
                  A,
                  a,
                  opt->mask,
                  opt->personal && opt->mask,
                  NULL};
    n->scratch = itin_arena_alloc(A, D->words * sizeof *n->scratch);
    a->lang = n->lang;
    a->langs = (itin_langs){{n->lang}, 1};
    a->no_items = itin_label_text(n->lang, L_NO_ITEMS);
    notice_head(n);
    notice_days(n);
    return a;
}

int
itin_export_diff_text(const itin_diff *D, const itin_diff_options *opt, FILE *out)
{
    notice n;
    agenda *a = notice_build(D, opt, &n);
    int rc = itin_agenda_write_text(a, opt ? opt->width : 0, out);
    itin_agenda_free(a);
    return rc;
}

int
itin_export_diff_markdown(const itin_diff *D, const itin_diff_options *opt, FILE *out)
{
    notice n;
    agenda *a = notice_build(D, opt, &n);
    int rc = itin_agenda_write_markdown(a, out);
    itin_agenda_free(a);
    return rc;
}

/* -------------------------------------------------------------- JSON */

static void
people_json(jw *w, const itin_diff *D, const char *key, const uint64_t *who, const uint64_t *mask)
{
    jw_key(w, key);
    jw_array(w, -1);
    ITIN_WHO_EACH(u, who, D->n_people)
    if (!mask || itin_who_has(mask, u))
        jw_string(w, D->people[u]->id);
    jw_end(w);
}

static void
times_json(jw *w, const itin_item *x)
{
    itin_json_local_time(w, "start", x->local_start_date, x->local_start, x->offset_start);
    itin_json_local_time(w, "end", x->local_end_date, x->local_end, x->offset_end);
    jw_kstring(w, "timezone", x->tz_start);
    if (strcmp(x->tz_end, x->tz_start) != 0)
        jw_kstring(w, "end_timezone", x->tz_end);
}

static void
places_json(jw *w, const itin_plan *P, const itin_item *x)
{
    if (x->kind == ITIN_ITEM_VISIT || x->kind == ITIN_ITEM_LODGING) {
        jw_kstring(w, "place", P->institutions[x->place].id);
    } else {
        jw_kstring(w, "from", P->institutions[x->from].id);
        jw_kstring(w, "to", P->institutions[x->to].id);
    }
}

static void
topics_json(jw *w, const itin_visit *v)
{
    jw_key(w, "topics");
    jw_array(w, -1);
    for (size_t i = 0; i < v->n_topics; i++)
        jw_string(w, v->topics[i]);
    jw_end(w);
}

/* The values of one side of a change, as an object (or null). */
static void
side_json(jw *w, const itin_change *c, const itin_item *x, const itin_plan *P)
{
    if (!x) {
        jw_null(w);
        return;
    }
    jw_object(w, -1);
    switch (c->kind) {
    case ITIN_CHANGE_ADDED:
    case ITIN_CHANGE_REMOVED:
        jw_kstring(w, "title", x->title);
        times_json(w, x);
        places_json(w, P, x);
        if (x->kind == ITIN_ITEM_TRAVEL || x->kind == ITIN_ITEM_TRANSFER)
            jw_kstring(w, "mode", itin_mode_name(x->mode));
        itin_json_who(w, P, x->who, NULL);
        if (x->kind == ITIN_ITEM_VISIT)
            jw_kstring(w, "status", itin_status_name(x->status));
        break;
    case ITIN_CHANGE_CANCELLED:
    case ITIN_CHANGE_REINSTATED:
    case ITIN_CHANGE_STATUS:
        jw_kstring(w, "status", itin_status_name(x->status));
        break;
    case ITIN_CHANGE_MOVED:
        times_json(w, x);
        break;
    case ITIN_CHANGE_PLACE:
        places_json(w, P, x);
        if (x->kind == ITIN_ITEM_VISIT) {
            jw_kstring(w, "name", P->institutions[x->place].name);
            jw_kstring(w, "address", P->institutions[x->place].address);
        }
        break;
    case ITIN_CHANGE_TITLE:
        jw_kstring(w, "title", x->title);
        break;
    case ITIN_CHANGE_ATTENDEES:
        itin_json_who(w, P, x->who, NULL);
        break;
    case ITIN_CHANGE_BOOKING:
        jw_kstring(w, "ref", x->leg->ref);
        break;
    case ITIN_CHANGE_MODE:
        jw_kstring(w, "mode", itin_mode_name(x->mode));
        break;
    case ITIN_CHANGE_DETAILS:
        if ((c->details & ITIN_DETAIL_TOPICS) && x->kind == ITIN_ITEM_VISIT)
            topics_json(w, x->visit);
        if ((c->details & ITIN_DETAIL_HOST) && x->kind == ITIN_ITEM_VISIT)
            jw_kstring(w, "host", x->visit->host);
        if (c->details & ITIN_DETAIL_DESCRIPTION)
            jw_kstring(w, "description",
                       x->kind == ITIN_ITEM_VISIT ? x->visit->description : x->leg->description);
        break;
    case ITIN_CHANGE_LODGING:
        jw_kstring(w, "place", P->institutions[x->place].id);
        jw_kstring(w, "name", P->institutions[x->place].name);
        break;
    default:
        break;
    }
    jw_end(w);
}

static const char *const KIND_NAMES[ITIN_CHANGE__COUNT] = {
    [ITIN_CHANGE_ADDED] = "added",         [ITIN_CHANGE_REMOVED] = "removed",
    [ITIN_CHANGE_CANCELLED] = "cancelled", [ITIN_CHANGE_REINSTATED] = "reinstated",
    [ITIN_CHANGE_MOVED] = "moved",         [ITIN_CHANGE_PLACE] = "place",
    [ITIN_CHANGE_TITLE] = "title",         [ITIN_CHANGE_ATTENDEES] = "attendees",
    [ITIN_CHANGE_BOOKING] = "booking",     [ITIN_CHANGE_STATUS] = "status",
    [ITIN_CHANGE_MODE] = "mode",           [ITIN_CHANGE_DETAILS] = "details",
    [ITIN_CHANGE_LODGING] = "lodging",
};

static void
change_json(jw *w, const itin_diff *D, const itin_change *c, const uint64_t *mask)
{
    char ds[16];
    jw_object(w, -1);
    jw_kstring(w, "kind", KIND_NAMES[c->kind]);
    jw_kstring(w, "item_kind", itin_item_kind_name(c->item_kind));
    jw_kstring(w, "item", c->id);
    jw_kstring(w, "date", itin_date_format(c->date, ds));
    if (c->kind == ITIN_CHANGE_LODGING) {
        jw_kstring(w, "first_night", itin_date_format(c->night_first, ds));
        jw_kstring(w, "last_night", itin_date_format(c->night_last, ds));
    }
    people_json(w, D, "with", c->who, mask);
    if (c->kind == ITIN_CHANGE_ATTENDEES) {
        people_json(w, D, "joining", c->joining, mask);
        people_json(w, D, "leaving", c->leaving, mask);
    }
    if (c->kind == ITIN_CHANGE_DETAILS) {
        jw_key(w, "fields");
        jw_array(w, -1);
        if (c->details & ITIN_DETAIL_TOPICS)
            jw_string(w, "topics");
        if (c->details & ITIN_DETAIL_HOST)
            jw_string(w, "host");
        if (c->details & ITIN_DETAIL_DESCRIPTION)
            jw_string(w, "description");
        jw_end(w);
    }
    jw_key(w, "old");
    side_json(w, c, c->before, D->before->plan);
    jw_key(w, "new");
    side_json(w, c, c->after, D->after->plan);
    jw_end(w);
}

static void
revision_json(jw *w, const char *key, const char *file, const itin_plan *P)
{
    jw_key(w, key);
    jw_object(w, -1);
    jw_kstring(w, "file", file);
    jw_kstring(w, "delegation", P->delegation.id);
    if (P->delegation.revision >= 0)
        jw_kint(w, "revision", P->delegation.revision);
    jw_end(w);
}

int
itin_export_diff_json(const itin_diff *D, const itin_diff_options *opt, FILE *out)
{
    static const itin_diff_options none;
    if (!opt)
        opt = &none;
    const uint64_t *mask = opt->mask;
    jw *w = itin_xmalloc(sizeof *w);
    jw_init(w, out);
    jw_object(w, 2);
    jw_kint(w, "diff", 1);
    revision_json(w, "old", opt->old_file, D->before->plan);
    revision_json(w, "new", opt->new_file, D->after->plan);
    uint64_t *all = itin_who_new(D->words), *affected = itin_who_new(D->words);
    itin_who_add_all(all, D->n_people);
    if (mask)
        people_json(w, D, "for", mask, NULL);
    people_json(w, D, "participants", mask ? mask : all, NULL);
    for (size_t i = 0; i < D->n_changes; i++)
        if (itin_change_concerns(D, &D->changes[i], mask))
            for (size_t k = 0; k < D->words; k++)
                affected[k] |= D->changes[i].who[k];
    people_json(w, D, "affected", affected, mask);
    jw_key(w, "changes");
    jw_array(w, 4);
    for (size_t i = 0; i < D->n_changes; i++)
        if (itin_change_concerns(D, &D->changes[i], mask))
            change_json(w, D, &D->changes[i], mask);
    jw_end(w);
    jw_end(w);
    free(all);
    free(affected);
    int rc = jw_finish(w);
    if (fputc('\n', out) == EOF)
        rc = -1;
    free(w);
    if (rc && !errno)
        errno = EIO;
    return rc;
}
