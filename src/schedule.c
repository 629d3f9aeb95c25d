/* schedule: the scheduler's top level — a plan becomes an itinerary in the
 * steps of docs/format.md §13, each in its own file (schedule_*.c). All
 * arithmetic is on absolute time; local times are resolved once. */
#include <stdlib.h>
#include <string.h>

#include "schedule.h"
#include "vehicles.h"

const char *const sched_weekdays[7] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};

/* ----------------------------------------------------------------- bits */

/* The first participant at or after `from` in a mask, or SIZE_MAX. */
size_t
sched_next_bit(const uint64_t *m, size_t words, size_t from)
{
    size_t w = from / 64;
    if (w >= words)
        return SIZE_MAX;
    uint64_t cur = m[w] & (~0ULL << (from % 64));
    while (!cur) {
        if (++w >= words)
            return SIZE_MAX;
        cur = m[w];
    }
    return w * 64 + (size_t)__builtin_ctzll(cur);
}

/* The first class representative at or after `from` in a mask, or
 * SIZE_MAX: who in the mask needs looking at, one per class. */
size_t
sched_next_rep(const sched *S, const uint64_t *m, size_t from)
{
    size_t w = from / 64;
    if (w >= S->words)
        return SIZE_MAX;
    uint64_t cur = m[w] & S->reps[w] & (~0ULL << (from % 64));
    while (!cur) {
        if (++w >= S->words)
            return SIZE_MAX;
        cur = m[w] & S->reps[w];
    }
    return w * 64 + (size_t)__builtin_ctzll(cur);
}

/* A participant and everyone of their class, added to a mask. */
void
sched_add_class(const sched *S, uint64_t *mask, size_t person)
{
    const uint64_t *mates = S->cls_who + S->cls[person] * S->words;
    for (size_t k = 0; k < S->words; k++)
        mask[k] |= mates[k];
}

bool
sched_mask_empty(const uint64_t *m, size_t words)
{
    for (size_t i = 0; i < words; i++)
        if (m[i])
            return false;
    return true;
}

/* ------------------------------------------------------------------ main */

/* The run's state, with each place's zone and the lookup tables. */
static void
sched_init(sched *S, itin_plan *P, itin_diags *d)
{
    S->P = P;
    S->d = d;
    S->A = P->arena;
    S->np = P->delegation.n_participants;
    S->words = P->who_words;
    itin_pairmap_init(&S->tt);
    itin_pairmap_init(&S->tr_cache);
    itin_pairmap_init(&S->transfers);
    itin_pairmap_init(&S->titles);
    itin_strmap_init(&S->conflict_ix);
    itin_strmap_init(&S->hol);
    itin_strmap_init(&S->window_reported);
    S->lmt_reported = itin_arena_alloc(S->A, P->n_institutions + 1);
    S->zone = itin_arena_alloc(S->A, (P->n_institutions + 1) * sizeof *S->zone);
    for (size_t i = 0; i < P->n_institutions; i++) {
        S->zone[i] = itin_zone_get(P->institutions[i].timezone);
        if (!S->zone[i])
            S->zone[i] = itin_zone_get("UTC");
    }
    /* The items grow on the heap, where realloc can extend a large block in
     * place; the itinerary gets them once, at their final size. */
    S->cap_items = 2 * (P->n_visits + P->n_legs) + P->n_lodgings + 16;
    S->items = itin_xmalloc(S->cap_items * sizeof *S->items);
    S->visit_item = itin_arena_alloc(S->A, (P->n_visits + 1) * sizeof *S->visit_item);
    S->who_scratch = itin_arena_alloc(S->A, S->words * sizeof *S->who_scratch);
    for (size_t i = 0; i < P->n_visits; i++)
        S->visit_item[i] = NONE;
}

static void
sched_free(sched *S)
{
    for (size_t i = 0; i < S->n_cls * S->n_buckets; i++)
        free(S->buckets[i].v);
    free(S->buckets);
    free(S->busy_lo);
    free(S->busy_hi);
    free(S->conflicts);
    free(S->items);
    itin_pairmap_free(&S->tt);
    itin_strmap_free(&S->hol);
    itin_pairmap_free(&S->tr_cache);
    itin_pairmap_free(&S->walks);
    itin_pairmap_free(&S->transfers);
    itin_pairmap_free(&S->titles);
    itin_who_set_free(&S->transfer_who);
    itin_strmap_free(&S->conflict_ix);
    itin_strmap_free(&S->window_reported);
}

static itin_itinerary *
sched_finish(sched *S)
{
    itin_itinerary *it = itin_arena_alloc(S->A, sizeof *it);
    it->plan = S->P;
    /* The items move to the itinerary as they are: a copy would hold them
     * twice at the peak. */
    size_t bytes = (S->n_items ? S->n_items : 1) * sizeof *it->items;
    it->items = itin_xrealloc(S->items, bytes);
    S->items = NULL;
    itin_arena_adopt(S->A, it->items, bytes);
    it->n_items = S->n_items;
    it->matches = S->matches;
    it->n_matches = S->P->n_sessions;
    sched_build_days(it, S->A);
    return it;
}

itin_itinerary *
itin_schedule(itin_plan *P, itin_diags *d)
{
    itin_schedule_options opt = {0};
    return itin_schedule_with(P, &opt, d);
}

itin_itinerary *
itin_schedule_with(itin_plan *P, const itin_schedule_options *opt, itin_diags *d)
{
    sched S = {.opt = opt};
    size_t errors_before = d->errors;
    sched_init(&S, P, d);
    sched_index_travel_times(&S);
    sched_index_closures(&S);

    /* Fixed items first: legs and visits with a start (§13.5). */
    sched_resolve_legs(&S);
    sched_resolve_fixed_visits(&S);
    sched_build_timelines(&S);
    sched_resolve_lodging(&S);

    sched_place_visits(&S);
    sched_matchmaking(&S);
    size_t first_transfer = S.n_items;
    sched_walk_timelines(&S);
    sched_mark_shared_transfers(&S, first_transfer);

    sched_report_conflicts(&S);
    sched_check_items(&S);
    sched_check_long_days(&S);
    sched_check_calendars(&S);
    sched_add_lodging_items(&S);

    itin_itinerary *it = sched_finish(&S);
    itin_vehicles_check(it, d);
    sched_free(&S);
    return d->errors > errors_before ? NULL : it;
}

itin_itinerary *
itin_itinerary_filter(const itin_itinerary *src, const uint64_t *mask, bool transfers)
{
    const itin_plan *P = src->plan;
    itin_itinerary *it = itin_arena_alloc(P->arena, sizeof *it);
    *it = *src;
    it->days = itin_arena_alloc(P->arena, (src->n_days ? src->n_days : 1) * sizeof *it->days);
    it->n_days = 0;
    for (size_t k = 0; k < src->n_days; k++) {
        const itin_day *s = &src->days[k];
        itin_day *d = &it->days[it->n_days];
        *d = *s;
        d->items = itin_arena_alloc(P->arena, (s->n_items ? s->n_items : 1) * sizeof *d->items);
        d->n_items = 0;
        for (size_t i = 0; i < s->n_items; i++) {
            const itin_item *x = &src->items[s->items[i]];
            if (!transfers && x->kind == ITIN_ITEM_TRANSFER)
                continue;
            if (mask && !itin_who_intersects(x->who, mask, P->who_words))
                continue;
            d->items[d->n_items++] = s->items[i];
        }
        /* A day of the delegation stays even when empty for this person. */
        if (d->n_items || (d->date >= P->delegation.start && d->date <= P->delegation.end))
            it->n_days++;
    }
    return it;
}
