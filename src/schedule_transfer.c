/* schedule_transfer: transfer estimates and travel_times (§13.2), and the walk
 * along every participant's timeline that adds the transfers (the sequence rule, §13.4). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schedule.h"
#include "values.h"

#define EARTH_RADIUS_KM 6371.0
#define NO_TRANSFER_KM 0.2
#define MAX_ESTIMATE_KM 300.0
#define TIGHT_SLACK_MIN 5

/* ------------------------------------------------------------ transfers */

static double
sched_haversine_km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = M_PI / 180.0;
    double dphi = (lat2 - lat1) * r, dl = (lon2 - lon1) * r;
    double a = sin(dphi / 2) * sin(dphi / 2) + cos(lat1 * r) * cos(lat2 * r) * sin(dl / 2) * sin(dl / 2);
    if (a > 1)
        a = 1;
    return 2 * EARTH_RADIUS_KM * asin(sqrt(a));
}

/* Speed (km/h), detour factor and overhead (minutes) of the estimate. */
static bool
sched_mode_params(itin_mode m, double *speed, double *detour, int *overhead)
{
    *detour = 1.3;
    switch (m) {
    case ITIN_MODE_WALK:
        *speed = 4.5, *overhead = 0;
        return true;
    case ITIN_MODE_BIKE:
        *speed = 15, *overhead = 0;
        return true;
    case ITIN_MODE_CAR:
    case ITIN_MODE_TAXI:
        *speed = 70, *overhead = 10;
        return true;
    case ITIN_MODE_BUS:
        *speed = 50, *overhead = 10;
        return true;
    case ITIN_MODE_TRAIN:
        *speed = 100, *overhead = 20, *detour = 1.2;
        return true;
    default:
        return false;
    }
}

static const itin_travel_time *
sched_find_travel_time_linear(const itin_plan *P, size_t a, size_t b, itin_mode m)
{
    const itin_travel_time *any = NULL;
    for (size_t i = 0; i < P->n_travel_times; i++) {
        const itin_travel_time *t = &P->travel_times[i];
        if (!((t->from == a && t->to == b) || (t->from == b && t->to == a)))
            continue;
        if (t->mode == m)
            return t;
        if (t->mode == ITIN_MODE_NONE)
            any = t;
    }
    return any;
}

/* A travel_times key: the pair of places, either way round. */
static uint64_t
sched_pair_key(size_t from, size_t to)
{
    size_t lo = from < to ? from : to, hi = from < to ? to : from;
    return (uint64_t)lo << 32 | (uint64_t)hi;
}

/* The estimate (§13.2) or a measured time. `tt` is NULL for the linear lookup. */
static int
sched_transfer_time(const itin_plan *P, const itin_pairmap *tt, size_t from, size_t to, itin_mode mode,
                    double *km, bool *estimated, char *err, size_t errlen)
{
    const itin_institution *a = &P->institutions[from], *b = &P->institutions[to];
    *km = 0;
    *estimated = false;
    if (from == to)
        return 0;
    if (a->has_geo && b->has_geo)
        *km = sched_haversine_km(a->lat, a->lon, b->lat, b->lon);
    const itin_travel_time *t = NULL;
    if (tt) {
        size_t ix;
        if (itin_pairmap_get(tt, sched_pair_key(from, to), (uint64_t)mode, &ix) ||
            itin_pairmap_get(tt, sched_pair_key(from, to), ITIN_MODE_NONE, &ix))
            t = &P->travel_times[ix];
    } else {
        t = sched_find_travel_time_linear(P, from, to, mode);
    }
    if (t)
        return t->minutes;
    if (!a->has_geo || !b->has_geo) {
        snprintf(err, errlen,
                 "cannot estimate the transfer from '%s' to '%s': %s has no geo (add geo: [lat, lon], or a "
                 "travel_times entry for the pair)",
                 a->id, b->id, !a->has_geo ? a->id : b->id);
        return -1;
    }
    if (*km < NO_TRANSFER_KM)
        return 0;
    double speed, detour;
    int overhead;
    if (!sched_mode_params(mode, &speed, &detour, &overhead)) {
        snprintf(
            err, errlen,
            "cannot estimate a transfer by %s from '%s' to '%s' (add a travel leg, or a travel_times entry "
            "for the pair)",
            itin_mode_name(mode), a->id, b->id);
        return -1;
    }
    if (*km > MAX_ESTIMATE_KM) {
        snprintf(err, errlen,
                 "'%s' and '%s' are %.0f km apart, too far to estimate a transfer (add a travel leg between "
                 "them, or a travel_times entry for the pair)",
                 a->id, b->id, *km);
        return -1;
    }
    double minutes = overhead + (*km * detour) / speed * 60.0;
    int rounded = (int)ceil(minutes / 5.0 - 1e-9) * 5;
    *estimated = true;
    return rounded < 5 ? 5 : rounded;
}

int
itin_transfer_minutes(const itin_plan *plan, size_t from, size_t to, itin_mode mode, double *distance_km,
                      bool *estimated, char *err, size_t errlen)
{
    double km;
    bool est;
    int m = sched_transfer_time(plan, NULL, from, to, mode, &km, &est, err, errlen);
    if (distance_km)
        *distance_km = km;
    if (estimated)
        *estimated = est;
    return m;
}

/* The plan's travel_times by their pair of places and mode. */
void
sched_index_travel_times(sched *S)
{
    for (size_t i = 0; i < S->P->n_travel_times; i++) {
        const itin_travel_time *t = &S->P->travel_times[i];
        itin_pairmap_put(&S->tt, sched_pair_key(t->from, t->to), (uint64_t)t->mode, i, NULL);
    }
}

/* The mode of a transfer: ITIN_MODE_NONE (the later item sets none) is the
 * delegation's, or a walk when the places are closer than `walk_below`. */
itin_mode
sched_transfer_mode(sched *S, size_t from, size_t to, itin_mode mode)
{
    if (mode != ITIN_MODE_NONE)
        return mode;
    const itin_delegation *D = &S->P->delegation;
    if (from == NONE || to == NONE || D->walk_below <= 0)
        return D->travel;
    size_t walk;
    if (!itin_pairmap_get(&S->walks, sched_pair_key(from, to), 0, &walk)) {
        const itin_institution *a = &S->P->institutions[from], *b = &S->P->institutions[to];
        walk = a->has_geo && b->has_geo &&
               sched_haversine_km(a->lat, a->lon, b->lat, b->lon) * 1000.0 < D->walk_below;
        itin_pairmap_put(&S->walks, sched_pair_key(from, to), 0, walk, NULL);
    }
    return walk ? ITIN_MODE_WALK : D->travel;
}

/* A transfer's minutes; an impossible one is reported once (at `where`,
 * when it has a line) and counts 0. NONE in the cache marks one reported. */
int
sched_transfer_min(sched *S, size_t from, size_t to, itin_mode mode, itin_pos where)
{
    int m = sched_transfer_try(S, from, to, mode);
    if (m >= 0 || where.line <= 0)
        return m < 0 ? 0 : m;
    mode = sched_transfer_mode(S, from, to, mode);
    /* Directed: travel_times are symmetric, but an error names from and to. */
    uint64_t key = (uint64_t)from << 32 | (uint64_t)to;
    size_t cached;
    if (itin_pairmap_get(&S->tr_cache, key, (uint64_t)mode, &cached))
        return 0;
    double km;
    bool est;
    char e[512];
    sched_transfer_time(S->P, &S->tt, from, to, mode, &km, &est, e, sizeof e);
    itin_diags_add(S->d, ITIN_ERROR, where, "%s", e);
    itin_pairmap_put(&S->tr_cache, key, (uint64_t)mode, NONE, NULL);
    return 0;
}

/* A transfer's minutes when it can be worked out, -1 when it cannot: for a
 * transfer that is only considered, reported nowhere. */
int
sched_transfer_try(sched *S, size_t from, size_t to, itin_mode mode)
{
    if (from == NONE || to == NONE || from == to)
        return 0;
    mode = sched_transfer_mode(S, from, to, mode);
    uint64_t key = (uint64_t)from << 32 | (uint64_t)to;
    size_t cached;
    if (itin_pairmap_get(&S->tr_cache, key, (uint64_t)mode, &cached))
        return cached == NONE ? -1 : (int)cached;
    double km;
    bool est;
    char e[16];
    int m = sched_transfer_time(S->P, &S->tt, from, to, mode, &km, &est, e, sizeof e);
    if (m >= 0)
        itin_pairmap_put(&S->tr_cache, key, (uint64_t)mode, (size_t)m, NULL);
    return m;
}

/* ------------------------------------------------------------ transfers */

/* The ends of a transfer: an item, or a hotel on a night. */
typedef struct sched_end {
    uint64_t key;
    size_t item; /* NONE for a hotel */
    size_t hotel;
    itin_date night;
} sched_end;

static sched_end
sched_item_end(size_t item)
{
    return (sched_end){item, item, NONE, 0};
}

static sched_end
sched_hotel_end(const sched *S, size_t hotel, itin_date night)
{
    return (sched_end){(uint64_t)1 << 62 | (uint64_t)hotel << 20 | (uint64_t)(night - S->night0), NONE, hotel,
                       night};
}

static const char *
sched_end_name(sched *S, sched_end e)
{
    char ds[16];
    if (e.item != NONE)
        return S->items[e.item].id;
    return itin_arena_cat(S->A, "hotel:", S->P->institutions[e.hotel].id, "@", itin_date_format(e.night, ds),
                          (char *)NULL);
}

/* "WFS → ILK der TU Dresden", made once per pair of places. */
static const char *
sched_transfer_title(sched *S, size_t from, size_t to)
{
    size_t at;
    uint64_t key = (uint64_t)from << 32 | (uint64_t)to;
    if (itin_pairmap_get(&S->titles, key, 0, &at))
        return (const char *)(uintptr_t)at;
    const itin_institution *pa = &S->P->institutions[from], *pb = &S->P->institutions[to];
    const char *t = itin_arena_cat(S->A, pa->short_name ? pa->short_name : pa->name, " \u2192 ",
                                   pb->short_name ? pb->short_name : pb->name, (char *)NULL);
    itin_pairmap_put(&S->titles, key, 0, (size_t)(uintptr_t)t, NULL);
    return t;
}

static void
sched_add_transfer(sched *S, size_t person, sched_end a, sched_end b, size_t from, size_t to, itin_mode mode,
                   int64_t depart, int64_t arrive, itin_pos pos)
{
    size_t ix;
    mode = sched_transfer_mode(S, from, to, mode);
    if (!itin_pairmap_get(&S->transfers, a.key, b.key, &ix)) {
        const char *from_key = sched_end_name(S, a), *to_key = sched_end_name(S, b);
        ix = sched_new_item(S);
        itin_item *it = &S->items[ix];
        it->kind = ITIN_ITEM_TRANSFER;
        it->id = itin_arena_cat(S->A, "transfer:", from_key, ":", to_key, (char *)NULL);
        it->title = sched_transfer_title(S, from, to);
        it->from = from;
        it->to = to;
        it->mode = mode;
        it->start = depart;
        it->end = arrive;
        it->minutes = (int)((arrive - depart) / MIN);
        bool est;
        char e[16];
        sched_transfer_time(S->P, &S->tt, from, to, mode, &it->distance_km, &est, e, 0);
        it->distance_km = round(it->distance_km * 10) / 10; /* shown to 100 m everywhere */
        it->estimated = est;
        it->from_item = from_key;
        it->to_item = to_key;
        it->pos = pos;
        it->who = NULL;
        sched_fill_local(S, it, from, to);
        itin_pairmap_put(&S->transfers, a.key, b.key, ix, NULL);
    }
    /* The transfer's attendees and the person's class: most transfers of a
     * plan are taken by the same few sets of people, kept once each. */
    itin_item *it = &S->items[ix];
    uint64_t *m = S->who_scratch;
    if (it->who)
        memcpy(m, it->who, S->words * sizeof *m);
    else
        memset(m, 0, S->words * sizeof *m);
    sched_add_class(S, m, person);
    if (!it->who || !itin_who_equal(m, it->who, S->words))
        it->who = itin_who_set_intern(&S->transfer_who, S->A, m, S->words);
}

/* A transfer to or from a fixed visit that leaves the day window is a
 * warning (§13.8), once per visit. The window is that of the day the transfer
 * departs, at the place it departs from: a participant without lodging who
 * moves on in the evening is judged by that evening. */
static void
sched_transfer_window(sched *S, size_t visit_ix, size_t from, int64_t depart, int64_t arrive,
                      uint8_t *outside, const char *dir)
{
    const itin_item *v = &S->items[visit_ix];
    if (v->kind != ITIN_ITEM_VISIT || !v->fixed || outside[visit_ix] ||
        sched_accepts(S, ITIN_W_OUTSIDE_WINDOW, v))
        return;
    itin_date day;
    itin_zone_local(sched_zone_of(S, from), depart, &day, NULL, NULL);
    int64_t ws, we;
    sched_window(S, from, day, v->pos, &ws, &we);
    if (depart >= ws && arrive <= we)
        return;
    outside[visit_ix] = 1;
    itin_diags_warn(S->d, ITIN_W_OUTSIDE_WINDOW, v->pos, "the transfer %s '%s' falls outside the day window",
                    dir, v->id);
}

/* One participant's walk along their timeline: the item before (a copy, not
 * a pointer: adding a transfer may move the item array) and which items
 * have had their warning already. */
typedef struct sched_walk {
    size_t p;
    itin_item prev;
    size_t prev_ix; /* NONE before the first item */
    uint8_t *tight, *outside;
} sched_walk;

/* A transfer from the item before to item ix (or to or from a hotel). */
static void
sched_walk_add(sched *S, sched_walk *w, sched_end a, sched_end b, size_t from, size_t to, itin_mode m,
               int64_t depart, int64_t arrive, itin_pos pos)
{
    sched_add_transfer(S, w->p, a, b, from, to, m, depart, arrive, pos);
    if (a.item != NONE)
        sched_transfer_window(S, a.item, from, depart, arrive, w->outside, "from");
    if (b.item != NONE)
        sched_transfer_window(S, b.item, from, depart, arrive, w->outside, "to");
}

/* A long wait before the next item (§13.2): back to the hotel of that night
 * when the round trip fits, otherwise leave as late as possible. Returns
 * false when the wait is too short and the transfer leaves at once. The
 * wait starts when the item before lets one go (after its exit time) and
 * ends `before` the next (its check-in, or the buffer). */
static bool
sched_walk_wait(sched *S, sched_walk *w, size_t ix, const itin_item *it, itin_mode m, int trm)
{
    const itin_item *prev = &w->prev;
    int64_t brk = (int64_t)S->P->delegation.hotel_break * MIN;
    size_t from = sched_place_end(prev), to = sched_place_start(it);
    int64_t free_from = prev->end + sched_after(prev);
    int64_t arrive = it->start - sched_before_from(S, prev, it);
    if (brk <= 0 || arrive - (int64_t)trm * MIN - free_from < brk)
        return false;
    itin_date night = prev->local_end_date;
    size_t h = sched_hotel_on(S, w->p, night);
    if (h == to)
        return false; /* the next item is at the hotel: go there now */
    if (h == from)
        h = NONE; /* already at the hotel: leave as late as possible */
    /* Only considered: a hotel too far to estimate is simply not taken. */
    int back = h == NONE ? -1 : sched_transfer_try(S, from, h, ITIN_MODE_NONE);
    int out = h == NONE ? -1 : sched_transfer_try(S, h, to, m);
    if (back < 0 || out < 0 || free_from + (int64_t)(back + out) * MIN > arrive) {
        sched_walk_add(S, w, sched_item_end(w->prev_ix), sched_item_end(ix), from, to, m,
                       arrive - (int64_t)trm * MIN, arrive, it->pos);
        return true;
    }
    if (back > 0)
        sched_walk_add(S, w, sched_item_end(w->prev_ix), sched_hotel_end(S, h, night), from, h,
                       ITIN_MODE_NONE, free_from, free_from + (int64_t)back * MIN, prev->pos);
    /* A transfer from the hotel is named by the night before the day it
     * leaves, as the morning's is: groups leaving together share it. */
    if (out > 0)
        sched_walk_add(S, w, sched_hotel_end(S, h, it->date - 1), sched_item_end(ix), h, to, m,
                       arrive - (int64_t)out * MIN, arrive, it->pos);
    return true;
}

/* Straight from the item before to this one: the sequence rule (§13.4) and
 * the tight-transfer warning. */
static void
sched_walk_direct(sched *S, sched_walk *w, size_t ix, const itin_item *it)
{
    const itin_item *prev = &w->prev;
    itin_mode m = sched_arrival_mode(S, it);
    int trm = sched_transfer_min(S, sched_place_end(prev), sched_place_start(it), m, it->pos);
    int64_t after = sched_after(prev);
    int64_t need = after + (int64_t)trm * MIN + sched_before_from(S, prev, it);
    int64_t has = it->start - prev->end;
    if (has < need) {
        sched_add_conflict(S, w->p, w->prev_ix, ix, (int)(need / MIN), trm, (int)(has / MIN),
                           sched_transfer_mode(S, sched_place_end(prev), sched_place_start(it), m));
    } else if (trm > 0 && has - after - (int64_t)trm * MIN < TIGHT_SLACK_MIN * MIN && !w->tight[ix] &&
               !sched_accepts(S, ITIN_W_TIGHT_TRANSFER, it) &&
               !sched_accepts(S, ITIN_W_TIGHT_TRANSFER, prev)) {
        /* Slack is what is left after the exit time and the transfer itself. */
        char sl[16];
        w->tight[ix] = 1;
        itin_diags_warn(
            S->d, ITIN_W_TIGHT_TRANSFER, it->pos, "tight transfer: only %s of slack between '%s' and '%s'",
            itin_duration_format((int)((has - after - (int64_t)trm * MIN) / MIN), sl), prev->id, it->id);
    }
    if (trm > 0 && !sched_walk_wait(S, w, ix, it, m, trm)) {
        int64_t depart = prev->end + after;
        sched_walk_add(S, w, sched_item_end(w->prev_ix), sched_item_end(ix), sched_place_end(prev),
                       sched_place_start(it), m, depart, depart + (int64_t)trm * MIN, it->pos);
    }
}

/* Evening: from the item before to the hotel of its night, if any, when
 * its exit time has passed. */
static void
sched_walk_evening(sched *S, sched_walk *w)
{
    const itin_item *prev = &w->prev;
    itin_date night = prev->local_end_date;
    size_t h = sched_hotel_on(S, w->p, night);
    if (h == NONE)
        return;
    int trm = sched_transfer_min(S, sched_place_end(prev), h, ITIN_MODE_NONE, prev->pos);
    int64_t depart = prev->end + sched_after(prev);
    if (trm > 0)
        sched_walk_add(S, w, sched_item_end(w->prev_ix), sched_hotel_end(S, h, night), sched_place_end(prev),
                       h, ITIN_MODE_NONE, depart, depart + (int64_t)trm * MIN, prev->pos);
}

/* Morning: from the hotel of the night before, arriving `buffer` (or a
 * leg's check-in time) before. */
static void
sched_walk_morning(sched *S, sched_walk *w, size_t ix, const itin_item *it, size_t h)
{
    itin_mode m = sched_arrival_mode(S, it);
    int trm = sched_transfer_min(S, h, sched_place_start(it), m, it->pos);
    if (trm > 0) {
        int64_t arrive = it->start - sched_before(S, it);
        sched_walk_add(S, w, sched_hotel_end(S, h, it->date - 1), sched_item_end(ix), h,
                       sched_place_start(it), m, arrive - (int64_t)trm * MIN, arrive, it->pos);
    }
}

static void
sched_walk_person(sched *S, sched_walk *w)
{
    w->prev_ix = NONE;
    for (size_t bi = 0; bi < S->n_buckets; bi++) {
        sched_bucket *b = &S->buckets[S->cls[w->p] * S->n_buckets + bi];
        for (size_t k = 0; k < b->n; k++) {
            size_t ix = b->v[k].item;
            itin_item cur = S->items[ix];
            bool has_prev = w->prev_ix != NONE;
            bool hotel_night = has_prev && sched_via_hotel(S, w->p, &w->prev, &cur);
            if (has_prev && !hotel_night)
                sched_walk_direct(S, w, ix, &cur);
            if (hotel_night)
                sched_walk_evening(S, w);
            size_t h = sched_hotel_on(S, w->p, cur.date - 1);
            if ((!has_prev || hotel_night) && h != NONE)
                sched_walk_morning(S, w, ix, &cur, h);
            w->prev = cur;
            w->prev_ix = ix;
        }
    }
    /* The last evening. */
    if (w->prev_ix != NONE)
        sched_walk_evening(S, w);
}

/* Walk every participant's day in order: transfers between items and to and
 * from the hotel, the sequence rule, and the warnings about tight transfers
 * and transfers outside the day window. */
void
sched_walk_timelines(sched *S)
{
    size_t n_fixed_items = S->n_items; /* transfers are appended after these */
    sched_walk w = {0};
    w.tight = itin_arena_alloc(S->A, n_fixed_items ? n_fixed_items : 1);
    w.outside = itin_arena_alloc(S->A, n_fixed_items ? n_fixed_items : 1);
    for (w.p = sched_next_rep(S, S->reps, 0); w.p < S->np; w.p = sched_next_rep(S, S->reps, w.p + 1))
        sched_walk_person(S, &w);
}

/* A transfer everyone makes is for everyone, as visits and legs say. */
void
sched_mark_shared_transfers(sched *S, size_t first_transfer)
{
    for (size_t i = first_transfer; i < S->n_items; i++) {
        S->items[i].everyone = itin_who_is_all(S->items[i].who, S->np);
    }
}
