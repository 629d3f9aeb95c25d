/* schedule_items: the plan's fixed items as itinerary items — travel legs,
 * visits with a start, lodging nights — and the days they are grouped by. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schedule.h"
#include "values.h"

/* ----------------------------------------------------------------- items */

size_t
sched_new_item(sched *S)
{
    if (S->n_items == S->cap_items) {
        S->cap_items *= 2;
        S->items = itin_xrealloc(S->items, S->cap_items * sizeof *S->items);
    }
    itin_item *it = &S->items[S->n_items++];
    memset(it, 0, sizeof *it);
    it->place = it->from = it->to = NONE;
    return S->n_items - 1;
}

/* A travel leg's departure and arrival (§13.1); false when one is wrong. */
static bool
sched_leg_times(sched *S, const itin_leg *leg, int64_t *start, int64_t *end)
{
    sched_written dep = {leg->dep_date, leg->dep_time, leg->dep_offset, leg->depart_pos,
                         "departure",   true,          leg->accept};
    sched_written arr = {leg->arr_date, leg->arr_time, leg->arr_offset, leg->arrive_pos,
                         "arrival",     true,          leg->accept};
    if (!sched_resolve_written(S, leg->from, &dep, start))
        return false;
    *end = *start + (int64_t)leg->duration * MIN;
    if (leg->has_arrive && !sched_resolve_written(S, leg->to, &arr, end))
        return false;
    if (*end > *start)
        return true;
    char a[16], b[16];
    itin_diags_add(S->d, ITIN_ERROR, leg->arrive_pos,
                   "travel leg '%s' arrives (%s %02d:%02d %s) before it departs (%s %02d:%02d %s) in "
                   "absolute time",
                   leg->id, itin_date_format(leg->arr_date, a), leg->arr_time / 60, leg->arr_time % 60,
                   itin_zone_name(sched_zone_of(S, leg->to)), itin_date_format(leg->dep_date, b),
                   leg->dep_time / 60, leg->dep_time % 60, itin_zone_name(sched_zone_of(S, leg->from)));
    return false;
}

/* Travel legs as items; a leg whose times are wrong is left out (the run
 * fails), so that no message follows from a time that was never right. */
/* Check-in before a leg and exit after it, around the transfers (§13.2): the leg's own, else the
 * delegation's for its kind, else the default. A flight is within one
 * country when both airports name the same country; one with a country
 * unknown counts as between two, the longer default. */
static void
sched_leg_margins(const sched *S, const itin_leg *leg, int *checkin, int *exit_time)
{
    const itin_plan *P = S->P;
    const char *ca = P->institutions[leg->from].country, *cb = P->institutions[leg->to].country;
    bool domestic = ca && cb && strcmp(ca, cb) == 0;
    int kind = (int)leg->mode, def_in = 0, def_out = 0;
    if (leg->mode == ITIN_MODE_FLIGHT && domestic)
        kind = ITIN_LEG_KIND_DOMESTIC_FLIGHT, def_in = 60, def_out = 30;
    else if (leg->mode == ITIN_MODE_FLIGHT)
        def_in = 120, def_out = 60;
    else if (leg->mode == ITIN_MODE_TRAIN)
        def_in = 10;
    const itin_delegation *D = &P->delegation;
    *checkin = leg->checkin >= 0 ? leg->checkin : D->checkin[kind] >= 0 ? D->checkin[kind] : def_in;
    *exit_time = leg->exit_time >= 0       ? leg->exit_time
                 : D->exit_time[kind] >= 0 ? D->exit_time[kind]
                                           : def_out;
}

void
sched_resolve_legs(sched *S)
{
    itin_plan *P = S->P;
    for (size_t i = 0; i < P->n_legs; i++) {
        const itin_leg *leg = &P->legs[i];
        int64_t start, end;
        if (!sched_leg_times(S, leg, &start, &end))
            continue;
        size_t ix = sched_new_item(S);
        itin_item *it = &S->items[ix];
        it->kind = ITIN_ITEM_TRAVEL;
        it->id = leg->id;
        it->title = leg->title;
        it->leg = leg;
        it->from = leg->from;
        it->to = leg->to;
        it->mode = leg->mode;
        it->who = leg->who.bits;
        it->everyone = leg->who.everyone;
        it->pos = leg->pos;
        it->fixed = true;
        it->start = start;
        it->end = end;
        sched_leg_margins(S, leg, &it->checkin, &it->exit_time);
        sched_fill_local(S, it, leg->from, leg->to);
    }
}

size_t
sched_add_visit_item(sched *S, const itin_visit *V)
{
    size_t ix = sched_new_item(S);
    itin_item *it = &S->items[ix];
    it->kind = ITIN_ITEM_VISIT;
    it->id = V->id;
    it->title = V->title;
    it->visit = V;
    it->place = V->at;
    it->mode = V->travel;
    it->who = V->who.bits;
    it->everyone = V->who.everyone;
    it->status = V->status;
    it->pos = V->pos;
    it->fixed = V->has_start;
    return ix;
}

void
sched_set_visit_time(sched *S, size_t ix, int64_t start)
{
    itin_item *it = &S->items[ix];
    it->start = start;
    it->end = start + (int64_t)it->visit->duration * MIN;
    sched_fill_local(S, it, it->place, it->place);
    it->date = it->visit->date;
}

/* A fixed visit's start, and its end: `end` is a local time like `start`
 * (24:00 is the start of the next day), so that a visit across a clock
 * change lasts what the clocks say; false when one is wrong. */
static bool
sched_fixed_visit_times(sched *S, const itin_visit *V, int64_t *start, int64_t *end)
{
    sched_written s = {V->date, V->start, V->start_offset, V->start_pos, "start time", false, V->accept};
    if (sched_skipped_date(S, V->at, V->date, V->date_pos, "visit", V->id) ||
        !sched_resolve_written(S, V->at, &s, start))
        return false;
    *end = *start + (int64_t)V->duration * MIN;
    if (!V->has_end)
        return true;
    sched_written e = {V->date, V->end, V->end_offset, V->end_pos, "end time", false, V->accept};
    if (V->end == 1440 && !V->end_offset.given)
        *end = sched_at_local(S, V->at, V->date + 1, 0);
    else if (!sched_resolve_written(S, V->at, &e, end))
        return false;
    if (*end > *start)
        return true;
    itin_diags_add(S->d, ITIN_ERROR, V->end_pos, "visit '%s' ends before it starts in absolute time", V->id);
    return false;
}

/* Visits with a start: their times, then their opening hours and closures. */
void
sched_resolve_fixed_visits(sched *S)
{
    const itin_plan *P = S->P;
    for (size_t i = 0; i < P->n_visits; i++) {
        const itin_visit *V = &P->visits[i];
        int64_t start, end;
        if (!V->has_start || !sched_fixed_visit_times(S, V, &start, &end))
            continue;
        size_t ix = sched_add_visit_item(S, V);
        S->visit_item[i] = ix;
        itin_item *it = &S->items[ix];
        it->start = start;
        it->end = end;
        sched_fill_local(S, it, it->place, it->place);
        it->date = V->date;
        if (V->status != ITIN_CANCELLED)
            sched_check_fixed_visit(S, ix);
    }
}

/* ------------------------------------------------------------- lodging */

void
sched_resolve_lodging(sched *S)
{
    itin_plan *P = S->P;
    itin_date lo = P->delegation.start, hi = P->delegation.end;
    for (size_t i = 0; i < P->n_lodgings; i++) {
        if (P->lodgings[i].from < lo)
            lo = P->lodgings[i].from;
        if (P->lodgings[i].to > hi)
            hi = P->lodgings[i].to;
    }
    for (size_t i = 0; i < S->n_items; i++) {
        if (S->items[i].date - 1 < lo)
            lo = S->items[i].date - 1;
        if (S->items[i].local_end_date > hi)
            hi = S->items[i].local_end_date;
    }
    S->night0 = lo;
    S->n_nights = (size_t)(hi - lo + 1);
    S->hotel = itin_arena_alloc(S->A, S->np * S->n_nights * sizeof *S->hotel + 1);
    for (size_t i = 0; i < S->np * S->n_nights; i++)
        S->hotel[i] = NONE;
    size_t *by = itin_arena_alloc(S->A, S->np * S->n_nights * sizeof *by + 1);
    for (size_t i = 0; i < P->n_lodgings; i++) {
        const itin_lodging *L = &P->lodgings[i];
        for (itin_date n = L->from; n < L->to; n++)
            for (size_t p = sched_next_bit(L->who.bits, S->words, 0); p < S->np;
                 p = sched_next_bit(L->who.bits, S->words, p + 1)) {
                size_t k = p * S->n_nights + (size_t)(n - S->night0);
                if (S->hotel[k] != NONE) {
                    char ds[16];
                    const itin_lodging *o = &P->lodgings[by[k]];
                    itin_diags_add(S->d, ITIN_ERROR, L->pos,
                                   "'%s' has two lodgings for the night of %s (the other at %s:%d:%d)",
                                   P->delegation.participants[p].id, itin_date_format(n, ds), o->pos.file,
                                   o->pos.line, o->pos.col);
                    continue;
                }
                S->hotel[k] = L->at;
                by[k] = i;
            }
    }
}

void
sched_add_lodging_items(sched *S)
{
    itin_plan *P = S->P;
    for (size_t i = 0; i < P->n_lodgings; i++) {
        const itin_lodging *L = &P->lodgings[i];
        size_t ix = sched_new_item(S);
        itin_item *it = &S->items[ix];
        const itin_institution *I = &P->institutions[L->at];
        it->kind = ITIN_ITEM_LODGING;
        it->id = L->id;
        it->title = I->name;
        it->lodging = L;
        it->place = L->at;
        it->who = L->who.bits;
        it->everyone = L->who.everyone;
        it->pos = L->pos;
        it->all_day = true;
        it->start = sched_at_local(S, L->at, L->from, 0);
        it->end = sched_at_local(S, L->at, L->to, 0);
        sched_fill_local(S, it, L->at, L->at);
        it->date = L->from;
        it->local_start_date = L->from;
        it->local_end_date = L->to;
    }
}

/* ------------------------------------------------------------------ days */

/* What orders the items of a day, packed side by side: lodging closes the
 * day; otherwise by start, then end, then kind (in `at` and `to`, counted
 * from the day's earliest start and end), then id. */
typedef struct day_key {
    uint64_t at, to;
    const char *id;
    size_t ix;
} day_key;

static inline bool
day_key_before(const day_key *a, const day_key *b)
{
    if (a->at != b->at)
        return a->at < b->at;
    if (a->to != b->to)
        return a->to < b->to;
    return strcmp(a->id, b->id) < 0;
}

/* Runs this short are sorted by insertion before they are merged. */
#define DAY_RUN 16

/* A day's item indices in order: their keys gathered in one array, runs
 * sorted by insertion, then merged (no two items are equal: their ids
 * differ). Two runs already in order are copied in one pass. */
static void
sort_day(const itin_item *items, size_t *ix, size_t n, day_key *k, day_key *tmp)
{
    if (n < 2)
        return;
    int64_t start0 = items[ix[0]].start, end0 = items[ix[0]].end;
    for (size_t i = 1; i < n; i++) {
        if (items[ix[i]].start < start0)
            start0 = items[ix[i]].start;
        if (items[ix[i]].end < end0)
            end0 = items[ix[i]].end;
    }
    /* Times are within years 0 to 9999 (less than 2^39 seconds apart), so
     * the lodging bit and the kind's eight bits fit beside them. */
    for (size_t i = 0; i < n; i++) {
        const itin_item *x = &items[ix[i]];
        uint64_t lodging = x->kind == ITIN_ITEM_LODGING;
        k[i] = (day_key){lodging << 62 | (uint64_t)(x->start - start0),
                         (uint64_t)(x->end - end0) << 8 | x->kind, x->id, ix[i]};
    }
    for (size_t lo = 0; lo < n; lo += DAY_RUN) {
        size_t hi = lo + DAY_RUN < n ? lo + DAY_RUN : n;
        for (size_t i = lo + 1; i < hi; i++) {
            day_key v = k[i];
            size_t j = i;
            for (; j > lo && day_key_before(&v, &k[j - 1]); j--)
                k[j] = k[j - 1];
            k[j] = v;
        }
    }
    for (size_t width = DAY_RUN; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, o = lo;
            if (mid == hi || !day_key_before(&k[mid], &k[mid - 1])) {
                memcpy(&tmp[lo], &k[lo], (hi - lo) * sizeof *k);
                continue;
            }
            while (i < mid && j < hi)
                tmp[o++] = day_key_before(&k[j], &k[i]) ? k[j++] : k[i++];
            memcpy(&tmp[o], &k[i], (mid - i) * sizeof *k);
            o += mid - i;
            memcpy(&tmp[o], &k[j], (hi - j) * sizeof *k);
        }
        day_key *t = k;
        k = tmp;
        tmp = t;
    }
    for (size_t i = 0; i < n; i++)
        ix[i] = k[i].ix;
}

/* Group items by day: the delegation's dates and any other date an item
 * belongs to; a lodging appears on each of its nights. */
void
sched_build_days(itin_itinerary *it, itin_arena *A)
{
    const itin_plan *P = it->plan;
    itin_date lo = P->delegation.start, hi = P->delegation.end;
    for (size_t i = 0; i < it->n_items; i++) {
        const itin_item *x = &it->items[i];
        itin_date last = x->kind == ITIN_ITEM_LODGING ? x->local_end_date - 1 : x->date;
        if (x->date < lo)
            lo = x->date;
        if (last > hi)
            hi = last;
    }
    size_t nd = (size_t)(hi - lo + 1);
    size_t *count = itin_xmalloc(nd * sizeof *count);
    memset(count, 0, nd * sizeof *count);
    for (size_t i = 0; i < it->n_items; i++) {
        const itin_item *x = &it->items[i];
        itin_date last = x->kind == ITIN_ITEM_LODGING ? x->local_end_date - 1 : x->date;
        for (itin_date d = x->date; d <= last; d++)
            count[d - lo]++;
    }
    /* Only days with items, and every day of the delegation. */
    it->days = itin_arena_alloc(A, nd * sizeof *it->days);
    size_t *day_of = itin_xmalloc(nd * sizeof *day_of);
    it->n_days = 0;
    for (size_t k = 0; k < nd; k++) {
        itin_date d = lo + (itin_date)k;
        day_of[k] = NONE;
        if (!count[k] && (d < P->delegation.start || d > P->delegation.end))
            continue;
        itin_day *day = &it->days[it->n_days];
        day->date = d;
        day->number = (int)(d - P->delegation.start) + 1;
        day->items = itin_arena_alloc(A, (count[k] ? count[k] : 1) * sizeof *day->items);
        day->n_items = 0;
        day_of[k] = it->n_days++;
    }
    for (size_t i = 0; i < it->n_items; i++) {
        const itin_item *x = &it->items[i];
        itin_date last = x->kind == ITIN_ITEM_LODGING ? x->local_end_date - 1 : x->date;
        for (itin_date d = x->date; d <= last; d++) {
            itin_day *day = &it->days[day_of[d - lo]];
            day->items[day->n_items++] = i;
        }
    }
    size_t most = 0;
    for (size_t k = 0; k < it->n_days; k++)
        if (it->days[k].n_items > most)
            most = it->days[k].n_items;
    day_key *keys = itin_xmalloc(2 * (most ? most : 1) * sizeof *keys);
    for (size_t k = 0; k < it->n_days; k++)
        sort_day(it->items, it->days[k].items, it->days[k].n_items, keys, keys + most);
    free(keys);
    free(count);
    free(day_of);
}
