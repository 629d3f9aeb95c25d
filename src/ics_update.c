/* ics_update: the calendar that takes a calendar app from one revision's
 * calendar to the next (docs/format.md §20.2). Each event of the new
 * revision is built as the exporter builds it, and so is the event of the
 * same UID in the old one; the update holds the new event where the two
 * differ or the old one is missing, and the old event with STATUS:CANCELLED
 * where the new revision has none (RFC 5546 §3.2.1: a PUBLISH calendar's
 * events replace those of the same UID with a lower SEQUENCE). Every event
 * of the update gets one SEQUENCE, above the old revision's and at least the
 * new one's, so that the update wins over the old calendar and a later
 * import of the new revision's own calendar changes nothing. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diff.h"
#include "ics.h"
#include "who.h"

/* One side of the update: the revision's calendar for the audience. */
typedef struct side {
    const itin_itinerary *view;
    itin_render_options ro;
    ics_ctx C;
    uint64_t *mask;
} side;

/* The event of item x of one side, serialised (the caller frees both). */
static icalcomponent *
event_of(side *s, const itin_item *x, const char *uid, char **text)
{
    icalcomponent *ev = itin_ics_vevent(&s->C, x, uid);
    *text = ev ? icalcomponent_as_ical_string_r(ev) : NULL;
    return ev;
}

/* An old event as a cancellation: STATUS:CANCELLED, transparent, no alarm. */
static void
make_cancellation(icalcomponent *ev)
{
    icalproperty *p = icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY);
    if (p)
        icalproperty_set_status(p, ICAL_STATUS_CANCELLED);
    else
        icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CANCELLED));
    p = icalcomponent_get_first_property(ev, ICAL_TRANSP_PROPERTY);
    if (p)
        icalproperty_set_transp(p, ICAL_TRANSP_TRANSPARENT);
    for (icalcomponent *al = icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT); al;
         al = icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT)) {
        icalcomponent_remove_component(ev, al);
        icalcomponent_free(al);
    }
}

static bool
side_init(side *s, const itin_diff *D, const itin_diff_options *opt, bool after, bool invite, int64_t stamp,
          int sequence, itin_arena *A)
{
    const itin_itinerary *it = after ? D->after : D->before;
    *s = (side){0};
    s->view = it;
    if (opt->mask) {
        s->mask = itin_who_new(it->plan->who_words);
        itin_diff_plan_mask(D, opt->mask, after, s->mask);
        s->view = itin_itinerary_filter(it, s->mask, true);
    }
    const char *lang = !after && opt->lang_before ? opt->lang_before : opt->lang;
    s->ro = (itin_render_options){lang, 0, s->mask, opt->audience, invite, true, stamp, ITIN_PAPER_A4};
    if (!itin_ics_ctx_init(&s->C, s->view, &s->ro, A))
        return false;
    s->C.sequence = sequence;
    itin_ics_ctx_arrivals(&s->C, s->view);
    return true;
}

static void
side_free(side *s)
{
    itin_ics_ctx_free(&s->C);
    free(s->mask);
}

/* The span of both sides' items, for the VTIMEZONEs. */
static void
span(const itin_itinerary *it, bool *any, int64_t *first, int64_t *last)
{
    for (size_t i = 0; i < it->n_items; i++) {
        const itin_item *x = &it->items[i];
        if (!*any || x->start < *first)
            *first = x->start;
        if (!*any || x->end > *last)
            *last = x->end;
        *any = true;
    }
}

static void
update_add(ics_update *u, icalcomponent *ev, const itin_item *x, bool gone)
{
    if (u->n == u->cap) {
        u->cap = u->cap ? 2 * u->cap : 16;
        u->events = itin_xrealloc(u->events, u->cap * sizeof *u->events);
        u->items = itin_xrealloc(u->items, u->cap * sizeof *u->items);
        u->gone = itin_xrealloc(u->gone, u->cap * sizeof *u->gone);
    }
    u->events[u->n] = ev;
    u->gone[u->n] = gone;
    u->items[u->n++] = x;
}

/* Every UID of a side's calendar, with its item: the items of its days,
 * lodging once. */
static void
collect(side *s, const itin_plan *P, itin_strmap *uids, const itin_item ***items, size_t *n, itin_arena *A)
{
    const itin_itinerary *it = s->view;
    size_t cap = 0;
    itin_strmap_init(uids);
    *items = NULL;
    *n = 0;
    for (size_t k = 0; k < it->n_days; k++)
        for (size_t i = 0; i < it->days[k].n_items; i++) {
            const itin_item *x = &it->items[it->days[k].items[i]];
            itin_ics_uid(&s->C.buf, P, x);
            const char *uid = itin_arena_strdup(A, itin_strbuf_str(&s->C.buf));
            if (!itin_strmap_put(uids, uid, *n, NULL))
                continue;
            if (*n == cap) {
                cap = cap ? 2 * cap : 32;
                *items = itin_xrealloc(*items, cap * sizeof **items);
            }
            (*items)[(*n)++] = x;
        }
}

static const char *
uid_text(side *s, const itin_plan *P, const itin_item *x, itin_arena *A)
{
    itin_ics_uid(&s->C.buf, P, x);
    return itin_arena_strdup(A, itin_strbuf_str(&s->C.buf));
}

void
itin_ics_update_free(ics_update *u)
{
    for (size_t i = 0; i < u->n; i++)
        if (u->events[i])
            icalcomponent_free(u->events[i]);
    free(u->events);
    free(u->items);
    free(u->gone);
    *u = (ics_update){0};
}

int
itin_ics_update_build(const itin_diff *D, const itin_diff_options *opt, bool invite, ics_update *u)
{
    static const itin_diff_options none;
    if (!opt)
        opt = &none;
    *u = (ics_update){0};
    int old_rev = D->before->plan->delegation.revision, new_rev = D->after->plan->delegation.revision;
    int sequence = old_rev < 0 ? 1 : old_rev + 1;
    if (new_rev > sequence)
        sequence = new_rev;
    /* One stamp for both sides, so that an event that did not change is
     * built the same on both. */
    int64_t stamp = opt->has_dtstamp ? opt->dtstamp : (int64_t)time(NULL);
    itin_arena *A = itin_arena_new();
    side o, n;
    errno = 0;
    bool ok = side_init(&o, D, opt, false, invite, stamp, sequence, A);
    ok = side_init(&n, D, opt, true, invite, stamp, sequence, A) && ok;
    if (!ok) {
        if (!errno)
            errno = EINVAL;
        side_free(&o);
        side_free(&n);
        itin_arena_free(A);
        return -1;
    }
    const itin_plan *OP = D->before->plan, *NP = D->after->plan;
    itin_strmap old_uids, new_uids;
    const itin_item **old_items, **new_items;
    size_t n_old, n_new;
    collect(&o, OP, &old_uids, &old_items, &n_old, A);
    collect(&n, NP, &new_uids, &new_items, &n_new, A);

    for (size_t i = 0; i < n_new; i++) {
        const itin_item *x = new_items[i];
        const char *uid = uid_text(&n, NP, x, A);
        char *text_new, *text_old = NULL;
        icalcomponent *ev = event_of(&n, x, uid, &text_new), *old_ev = NULL;
        size_t j;
        if (ev && itin_strmap_get(&old_uids, uid, &j))
            old_ev = event_of(&o, old_items[j], uid, &text_old);
        if (old_ev)
            icalcomponent_free(old_ev);
        if (ev && (!text_old || strcmp(text_old, text_new) != 0))
            update_add(u, ev, x, false);
        else if (ev)
            icalcomponent_free(ev);
        free(text_new);
        free(text_old);
    }
    /* Gone: an event of the old calendar that the new one does not have
     * (for an invitation, also one it leaves out: a cancelled visit). */
    for (size_t j = 0; j < n_old; j++) {
        const itin_item *x = old_items[j];
        const char *uid = uid_text(&o, OP, x, A);
        char *text, *text_new = NULL;
        size_t i;
        if (itin_strmap_get(&new_uids, uid, &i)) {
            if (!invite)
                continue;
            icalcomponent *kept = event_of(&n, new_items[i], uid, &text_new);
            free(text_new);
            if (kept) {
                icalcomponent_free(kept);
                continue;
            }
        }
        icalcomponent *ev = event_of(&o, x, uid, &text);
        free(text);
        if (!ev)
            continue;
        make_cancellation(ev);
        update_add(u, ev, x, true);
    }
    bool any = false;
    span(o.view, &any, &u->first, &u->last);
    span(n.view, &any, &u->first, &u->last);
    u->plan = NP;
    u->ro = n.ro;
    u->ro.mask = NULL; /* the frame needs the language and the audience only */
    free(old_items);
    free(new_items);
    itin_strmap_free(&old_uids);
    itin_strmap_free(&new_uids);
    side_free(&o);
    side_free(&n);
    itin_arena_free(A);
    return 0;
}

/* The update calendar, written to `out`, or when out is NULL only its
 * events counted into *count. */
static int
update_calendar(const itin_diff *D, const itin_diff_options *opt, FILE *out, size_t *count)
{
    ics_update u;
    if (itin_ics_update_build(D, opt, false, &u) != 0)
        return -1;
    if (count)
        *count = u.n;
    int rc = 0;
    if (out) {
        icalcomponent *cal = itin_ics_calendar_new(u.plan, &u.ro, ICAL_METHOD_PUBLISH);
        itin_ics_add_vtimezones_of(cal, u.items, u.n, u.first, u.last);
        rc = itin_ics_emit(cal, out, "END:VCALENDAR\r\n");
        for (size_t i = 0; i < u.n && rc == 0; i++) {
            rc = itin_ics_emit(u.events[i], out, NULL);
            u.events[i] = NULL; /* emitted and freed */
        }
        rc = itin_ics_emit_end(out, rc);
    }
    itin_ics_update_free(&u);
    return rc;
}

int
itin_export_diff_ics(const itin_diff *D, const itin_diff_options *opt, FILE *out)
{
    return update_calendar(D, opt, out, NULL);
}

long
itin_diff_ics_count(const itin_diff *D, const itin_diff_options *opt)
{
    size_t n = 0;
    return update_calendar(D, opt, NULL, &n) == 0 ? (long)n : -1;
}
