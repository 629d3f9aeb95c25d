/* schedule: dates, zones, transfers, first-fit placement and conflicts — the
 * rules of the format's §8 and §9, turning a plan into an itinerary. All
 * arithmetic is on absolute time; local times are resolved once, here. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "tz.h"
#include "xalloc.h"
#include "strmap.h"
#include "values.h"

#define NONE ((size_t)-1)
#define MIN 60 /* seconds */
#define DAY_S 86400
#define EARTH_RADIUS_KM 6371.0
#define NO_TRANSFER_KM 0.2
#define MAX_ESTIMATE_KM 300.0
#define LONG_DAY_MIN (10 * 60)
#define TIGHT_SLACK_MIN 5

static const char *const WEEKDAYS[7] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday"};

/* One entry of a participant's timeline. */
typedef struct slot {
    int64_t start, end;
    size_t item;
} slot;

typedef struct bucket {
    slot *v;
    size_t n, cap;
} bucket;

/* A pair of items some participants cannot get between, collected so that
 * one message names everyone concerned. */
typedef struct conflict {
    size_t a, b;
    int need, tr, has; /* minutes */
    itin_mode mode;
    uint64_t *who;
} conflict;

typedef struct sched {
    itin_plan *P;
    itin_diags *d;
    itin_arena *A;
    size_t np, words;
    itin_item *items;
    size_t n_items, cap_items;
    const itin_zone **zone; /* per institution */
    /* Timelines: per participant, per UTC day from day0. */
    bucket *buckets;
    int64_t day0;
    size_t n_buckets;
    /* Lodging: per participant, per night from night0: institution or NONE. */
    size_t *hotel;
    itin_date night0;
    size_t n_nights;
    /* Holidays by date and what they close: "R<date>:<region>",
     * "C<date>:<country>", "A<date>" (every place with hours). */
    itin_strmap hol;
    /* Each institution's closed dates, sorted. */
    itin_date **closed;
    /* travel_times by (min place, max place) and mode. */
    itin_pairmap tt;
    /* Transfer minutes already worked out (or -1, reported), by the same key. */
    itin_pairmap tr_cache;
    /* Transfers by their two ends (item index, or a hotel night). */
    itin_pairmap transfers;
    conflict *conflicts;
    size_t n_conflicts, cap_conflicts;
    itin_strmap conflict_ix;
    size_t *visit_item; /* item index of each visit, NONE when unplaced */
} sched;

/* ----------------------------------------------------------------- bits */

/* The first participant at or after `from` in a mask, or SIZE_MAX. */
static size_t
next_bit(const uint64_t *m, size_t words, size_t from)
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

static bool
mask_empty(const uint64_t *m, size_t words)
{
    for (size_t i = 0; i < words; i++)
        if (m[i])
            return false;
    return true;
}

static bool
mask_meets(const uint64_t *a, const uint64_t *b, size_t words)
{
    for (size_t i = 0; i < words; i++)
        if (a[i] & b[i])
            return true;
    return false;
}

/* ------------------------------------------------------------ transfers */

static double
haversine_km(double lat1, double lon1, double lat2, double lon2)
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
mode_params(itin_mode m, double *speed, double *detour, int *overhead)
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
find_travel_time_linear(const itin_plan *P, size_t a, size_t b, itin_mode m)
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

/* The estimate (§8) or a measured time. `tt` is NULL for the linear lookup. */
static uint64_t
pair_key(size_t from, size_t to)
{
    size_t lo = from < to ? from : to, hi = from < to ? to : from;
    return (uint64_t)lo << 32 | (uint64_t)hi;
}

static int
transfer_time(const itin_plan *P, const itin_pairmap *tt, size_t from, size_t to, itin_mode mode, double *km,
              bool *estimated, char *err, size_t errlen)
{
    const itin_institution *a = &P->institutions[from], *b = &P->institutions[to];
    *km = 0;
    *estimated = false;
    if (from == to)
        return 0;
    if (a->has_geo && b->has_geo)
        *km = haversine_km(a->lat, a->lon, b->lat, b->lon);
    const itin_travel_time *t = NULL;
    if (tt) {
        size_t ix;
        if (itin_pairmap_get(tt, pair_key(from, to), (uint64_t)mode, &ix) ||
            itin_pairmap_get(tt, pair_key(from, to), ITIN_MODE_NONE, &ix))
            t = &P->travel_times[ix];
    } else {
        t = find_travel_time_linear(P, from, to, mode);
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
    if (!mode_params(mode, &speed, &detour, &overhead)) {
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
    int m = transfer_time(plan, NULL, from, to, mode, &km, &est, err, errlen);
    if (distance_km)
        *distance_km = km;
    if (estimated)
        *estimated = est;
    return m;
}

/* A transfer's minutes; an impossible one is reported once and counts 0. */
static int
tr(sched *S, size_t from, size_t to, itin_mode mode, itin_pos where)
{
    if (from == NONE || to == NONE || from == to)
        return 0;
    /* Directed: travel_times are symmetric, but an error names from and to. */
    uint64_t key = (uint64_t)from << 32 | (uint64_t)to;
    size_t cached;
    if (itin_pairmap_get(&S->tr_cache, key, (uint64_t)mode, &cached))
        return cached == NONE ? 0 : (int)cached;
    double km;
    bool est;
    char e[512];
    int m = transfer_time(S->P, &S->tt, from, to, mode, &km, &est, e, sizeof e);
    if (m < 0 && where.line > 0) {
        itin_diags_add(S->d, ITIN_ERROR, where, "%s", e);
        itin_pairmap_put(&S->tr_cache, key, (uint64_t)mode, NONE, NULL);
    } else if (m >= 0) {
        itin_pairmap_put(&S->tr_cache, key, (uint64_t)mode, (size_t)m, NULL);
    }
    return m < 0 ? 0 : m;
}

/* --------------------------------------------------------------- zones */

static const itin_zone *
zone_of(const sched *S, size_t inst)
{
    return S->zone[inst];
}

/* Absolute time of a local date and minute at a place; gaps and folds are
 * reported at `where` when `what` is not NULL. */
static int64_t
at_local(sched *S, size_t inst, itin_date date, int minutes, itin_pos where, const char *what)
{
    int64_t t;
    itin_local_kind k = itin_zone_resolve(zone_of(S, inst), date, minutes, &t);
    if (what && k != ITIN_LOCAL_OK) {
        char ds[16];
        itin_date_format(date, ds);
        const char *zn = itin_zone_name(zone_of(S, inst));
        if (k == ITIN_LOCAL_GAP)
            itin_diags_add(
                S->d, ITIN_ERROR, where,
                "%s %s %02d:%02d does not exist in %s (the clocks skip it for daylight saving time)", what,
                ds, minutes / 60, minutes % 60, zn);
        else
            itin_diags_add(S->d, ITIN_WARNING, where,
                           "%s %s %02d:%02d happens twice in %s (the clocks go back); the first is taken",
                           what, ds, minutes / 60, minutes % 60, zn);
    }
    return t;
}

static void
fill_local(sched *S, itin_item *it, size_t start_inst, size_t end_inst)
{
    const itin_zone *zs = zone_of(S, start_inst), *ze = zone_of(S, end_inst);
    it->tz_start = itin_zone_name(zs);
    it->tz_end = itin_zone_name(ze);
    itin_zone_local(zs, it->start, &it->local_start_date, &it->local_start, &it->offset_start);
    itin_zone_local(ze, it->end, &it->local_end_date, &it->local_end, &it->offset_end);
    it->date = it->local_start_date;
}

/* "10:30" local to the item's start or end. */
static const char *
hm(char *buf, int minutes)
{
    /* 1440, the end of a day, is "24:00"; later minutes wrap. */
    snprintf(buf, 8, "%02d:%02d", minutes == 1440 ? 24 : minutes / 60 % 24, minutes % 60);
    return buf;
}

/* -------------------------------------------------------------- opening */

static int
cmp_date(const void *a, const void *b)
{
    itin_date x = *(const itin_date *)a, y = *(const itin_date *)b;
    return (x > y) - (x < y);
}

/* The holiday closing a place on a date, or NULL: a holiday of its region,
 * of its country (national), or of every place. */
static const itin_holiday *
holiday_of(const sched *S, const itin_institution *I, itin_date date)
{
    char key[64];
    size_t ix;
    if (I->region) {
        snprintf(key, sizeof key, "R%d:%s", (int)date, I->region);
        if (itin_strmap_get(&S->hol, key, &ix))
            return &S->P->holidays[ix];
    }
    if (I->country) {
        snprintf(key, sizeof key, "C%d:%s", (int)date, I->country);
        if (itin_strmap_get(&S->hol, key, &ix))
            return &S->P->holidays[ix];
    }
    snprintf(key, sizeof key, "A%d", (int)date);
    return itin_strmap_get(&S->hol, key, &ix) ? &S->P->holidays[ix] : NULL;
}

/* Why a place is closed on a date, or NULL when it is open then. */
static const char *
closed_reason(sched *S, size_t inst, itin_date date, char *buf, size_t n)
{
    const itin_institution *I = &S->P->institutions[inst];
    char ds[16];
    if (I->n_closed && bsearch(&date, S->closed[inst], I->n_closed, sizeof date, cmp_date)) {
        snprintf(buf, n, "closed %s", itin_date_format(date, ds));
        return buf;
    }
    if (!I->has_hours)
        return NULL;
    const itin_holiday *h = I->open_on_holidays ? NULL : holiday_of(S, I, date);
    if (h) {
        if (h->region || h->country)
            snprintf(buf, n, "%s (%s)", h->name, h->region ? h->region : h->country);
        else
            snprintf(buf, n, "%s", h->name);
        return buf;
    }
    int wd = itin_date_weekday(date);
    if (I->hours.n[wd] == 0) {
        snprintf(buf, n, "%s", WEEKDAYS[wd]);
        return buf;
    }
    return NULL;
}

/* The opening intervals of a place on a date, as absolute times. */
static int
open_intervals(sched *S, size_t inst, itin_date date, int64_t *open, int64_t *close)
{
    const itin_institution *I = &S->P->institutions[inst];
    if (!I->has_hours) {
        open[0] = at_local(S, inst, date, 0, (itin_pos){0}, NULL);
        close[0] = at_local(S, inst, date + 1, 0, (itin_pos){0}, NULL);
        return 1;
    }
    int wd = itin_date_weekday(date);
    for (int i = 0; i < I->hours.n[wd]; i++) {
        open[i] = at_local(S, inst, date, I->hours.iv[wd][i].open, (itin_pos){0}, NULL);
        close[i] = I->hours.iv[wd][i].close >= 1440
                       ? at_local(S, inst, date + 1, 0, (itin_pos){0}, NULL)
                       : at_local(S, inst, date, I->hours.iv[wd][i].close, (itin_pos){0}, NULL);
    }
    return I->hours.n[wd];
}

static void
describe_hours(const itin_institution *I, int wd, char *buf, size_t n)
{
    size_t o = 0;
    buf[0] = '\0';
    for (int i = 0; i < I->hours.n[wd] && o < n; i++) {
        char a[8], b[8];
        o += (size_t)snprintf(buf + o, n - o, "%s%s\u2013%s", i ? ", " : "", hm(a, I->hours.iv[wd][i].open),
                              I->hours.iv[wd][i].close >= 1440 ? "24:00" : hm(b, I->hours.iv[wd][i].close));
    }
}

/* ------------------------------------------------------------ timelines */

static bucket *
bucket_of(sched *S, size_t person, int64_t t)
{
    int64_t day = (t >= 0 ? t / DAY_S : -((-t + DAY_S - 1) / DAY_S)) - S->day0;
    if (day < 0)
        day = 0;
    if ((size_t)day >= S->n_buckets)
        day = (int64_t)S->n_buckets - 1;
    return &S->buckets[person * S->n_buckets + (size_t)day];
}

static void
timeline_add(sched *S, size_t person, size_t item)
{
    const itin_item *it = &S->items[item];
    bucket *b = bucket_of(S, person, it->start);
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 8;
        b->v = itin_xrealloc(b->v, b->cap * sizeof *b->v);
    }
    size_t i = b->n;
    while (i > 0 &&
           (b->v[i - 1].start > it->start || (b->v[i - 1].start == it->start && b->v[i - 1].end > it->end))) {
        b->v[i] = b->v[i - 1];
        i--;
    }
    b->v[i] = (slot){it->start, it->end, item};
    b->n++;
}

/* The participant's last item starting at or before t, and first starting
 * after it (NONE when there is none). */
static void
neighbours(sched *S, size_t person, int64_t t, size_t *prev, size_t *next)
{
    bucket *base = &S->buckets[person * S->n_buckets];
    bucket *b = bucket_of(S, person, t);
    size_t bi = (size_t)(b - base);
    size_t lo = 0, hi = b->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (b->v[mid].start <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    *prev = *next = NONE;
    if (lo > 0) {
        *prev = b->v[lo - 1].item;
    } else {
        for (size_t j = bi; j-- > 0;)
            if (base[j].n) {
                *prev = base[j].v[base[j].n - 1].item;
                break;
            }
    }
    if (lo < b->n) {
        *next = b->v[lo].item;
    } else {
        for (size_t j = bi + 1; j < S->n_buckets; j++)
            if (base[j].n) {
                *next = base[j].v[0].item;
                break;
            }
    }
}

/* Where an item starts and ends (a leg moves you). */
static size_t
place_start(const itin_item *it)
{
    return it->kind == ITIN_ITEM_VISIT ? it->place : it->from;
}

static size_t
place_end(const itin_item *it)
{
    return it->kind == ITIN_ITEM_VISIT ? it->place : it->to;
}

/* The mode of the transfer that arrives at an item. */
static itin_mode
arrival_mode(const sched *S, const itin_item *it)
{
    return it->kind == ITIN_ITEM_VISIT ? it->mode : S->P->delegation.travel;
}

static size_t
hotel_on(const sched *S, size_t person, itin_date night)
{
    if (night < S->night0 || (size_t)(night - S->night0) >= S->n_nights)
        return NONE;
    return S->hotel[person * S->n_nights + (size_t)(night - S->night0)];
}

/* Whether a participant goes to a hotel between a and b (then the morning and
 * evening transfers replace the direct one). */
static bool
via_hotel(const sched *S, size_t person, const itin_item *a, const itin_item *b)
{
    itin_date night = a->local_end_date;
    return b->date > night && hotel_on(S, person, night) != NONE;
}

/* ------------------------------------------------------------- conflicts */

static void
add_conflict(sched *S, size_t person, size_t a, size_t b, int need, int trm, int has, itin_mode mode)
{
    char key[48];
    size_t ix;
    snprintf(key, sizeof key, "%zu:%zu", a, b);
    if (!itin_strmap_get(&S->conflict_ix, key, &ix)) {
        if (S->n_conflicts == S->cap_conflicts) {
            S->cap_conflicts = S->cap_conflicts ? S->cap_conflicts * 2 : 16;
            S->conflicts = itin_xrealloc(S->conflicts, S->cap_conflicts * sizeof *S->conflicts);
        }
        ix = S->n_conflicts++;
        S->conflicts[ix] = (conflict){a, b, need, trm, has, mode, itin_arena_alloc(S->A, S->words * 8)};
        itin_strmap_put(&S->conflict_ix, itin_arena_strdup(S->A, key), ix, NULL);
    }
    itin_who_add(S->conflicts[ix].who, person);
}

/* "lee, park and 3 more" */
static void
names(const sched *S, const uint64_t *who, char *buf, size_t n)
{
    size_t shown = 0, total = 0, o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < S->np; i++) {
        if (!itin_who_has(who, i))
            continue;
        total++;
        if (shown < 4 && o < n) {
            o += (size_t)snprintf(buf + o, n - o, "%s%s", shown ? ", " : "",
                                  S->P->delegation.participants[i].id);
            shown++;
        }
    }
    if (total > shown && o < n)
        snprintf(buf + o, n - o, " and %zu more", total - shown);
}

static const char *
item_label(const itin_item *it)
{
    return it->kind == ITIN_ITEM_VISIT ? "visit" : it->kind == ITIN_ITEM_TRAVEL ? "travel leg" : "item";
}

static void
report_conflicts(sched *S)
{
    for (size_t i = 0; i < S->n_conflicts; i++) {
        const conflict *c = &S->conflicts[i];
        const itin_item *a = &S->items[c->a], *b = &S->items[c->b];
        char who[256], need[16], trs[16], bufs[16], has[16], ae[8], bs[8];
        names(S, c->who, who, sizeof who);
        itin_duration_format(c->need, need);
        itin_duration_format(c->tr, trs);
        itin_duration_format(S->P->delegation.buffer, bufs);
        itin_duration_format(c->has, has);
        char detail[96];
        if (c->tr > 0 && S->P->delegation.buffer > 0)
            snprintf(detail, sizeof detail, " (transfer %s by %s + %s buffer)", trs, itin_mode_name(c->mode),
                     bufs);
        else if (c->tr > 0)
            snprintf(detail, sizeof detail, " (transfer %s by %s)", trs, itin_mode_name(c->mode));
        else if (S->P->delegation.buffer > 0)
            snprintf(detail, sizeof detail, " (%s buffer)", bufs);
        else
            detail[0] = '\0';
        if (c->has < 0)
            /* They overlap: say so rather than "has -1h". */
            itin_diags_add(S->d, ITIN_CONFLICT, b->pos,
                           "%s cannot make it: %s '%s' (ends %s) and %s '%s' (starts %s) overlap by %s, and "
                           "%s%s are needed between them",
                           who, item_label(a), a->id, hm(ae, a->local_end), item_label(b), b->id,
                           hm(bs, b->local_start), itin_duration_format(-c->has, has), need, detail);
        else
            itin_diags_add(
                S->d, ITIN_CONFLICT, b->pos,
                "%s cannot make it: needs %s%s between %s '%s' (ends %s) and %s '%s' (starts %s), has %s",
                who, need, detail, item_label(a), a->id, hm(ae, a->local_end), item_label(b), b->id,
                hm(bs, b->local_start), has);
    }
}

/* ----------------------------------------------------------------- items */

static size_t
new_item(sched *S)
{
    itin_item *it = ITIN_PUSH(S->A, S->items, S->n_items, S->cap_items);
    memset(it, 0, sizeof *it);
    it->place = it->from = it->to = NONE;
    return S->n_items - 1;
}

static void
resolve_legs(sched *S)
{
    itin_plan *P = S->P;
    for (size_t i = 0; i < P->n_legs; i++) {
        const itin_leg *L = &P->legs[i];
        size_t ix = new_item(S);
        itin_item *it = &S->items[ix];
        it->kind = ITIN_ITEM_TRAVEL;
        it->id = L->id;
        it->title = L->title;
        it->leg = L;
        it->from = L->from;
        it->to = L->to;
        it->mode = L->mode;
        it->who = L->who.bits;
        it->everyone = L->who.everyone;
        it->pos = L->pos;
        it->fixed = true;
        it->start = at_local(S, L->from, L->dep_date, L->dep_time, L->depart_pos, "departure");
        if (L->has_arrive)
            it->end = at_local(S, L->to, L->arr_date, L->arr_time, L->arrive_pos, "arrival");
        else
            it->end = it->start + (int64_t)L->duration * MIN;
        if (it->end <= it->start) {
            char a[16], b[16];
            itin_diags_add(S->d, ITIN_ERROR, L->arrive_pos,
                           "travel leg '%s' arrives (%s %02d:%02d %s) before it departs (%s %02d:%02d %s) in "
                           "absolute time",
                           L->id, itin_date_format(L->arr_date, a), L->arr_time / 60, L->arr_time % 60,
                           itin_zone_name(zone_of(S, L->to)), itin_date_format(L->dep_date, b),
                           L->dep_time / 60, L->dep_time % 60, itin_zone_name(zone_of(S, L->from)));
            it->end = it->start;
        }
        fill_local(S, it, L->from, L->to);
    }
}

static size_t
add_visit_item(sched *S, const itin_visit *V)
{
    size_t ix = new_item(S);
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

static void
set_visit_time(sched *S, size_t ix, int64_t start)
{
    itin_item *it = &S->items[ix];
    it->start = start;
    it->end = start + (int64_t)it->visit->duration * MIN;
    fill_local(S, it, it->place, it->place);
    it->date = it->visit->date;
}

/* Day window of a date at a place, as absolute times. */
static void
window(sched *S, size_t inst, itin_date date, int64_t *ws, int64_t *we)
{
    const itin_delegation *D = &S->P->delegation;
    *ws = at_local(S, inst, date, D->day_start, (itin_pos){0}, NULL);
    *we = D->day_end >= 1440 ? at_local(S, inst, date + 1, 0, (itin_pos){0}, NULL)
                             : at_local(S, inst, date, D->day_end, (itin_pos){0}, NULL);
}

/* Opening hours, closures and holidays for a fixed visit. */
static void
check_fixed_visit(sched *S, size_t ix)
{
    const itin_item *it = &S->items[ix];
    const itin_visit *V = it->visit;
    const itin_institution *I = &S->P->institutions[V->at];
    char why[256], ds[16], a[8], b[8];
    if (closed_reason(S, V->at, V->date, why, sizeof why)) {
        itin_diags_add(S->d, ITIN_CONFLICT, V->pos, "visit '%s' on %s: %s is closed that day: %s", V->id,
                       itin_date_format(V->date, ds), I->short_name ? I->short_name : I->name, why);
        return;
    }
    int64_t open[ITIN_MAX_INTERVALS + 1], close[ITIN_MAX_INTERVALS + 1];
    int n = open_intervals(S, V->at, V->date, open, close);
    for (int i = 0; i < n; i++)
        if (it->start >= open[i] && it->end <= close[i])
            return;
    describe_hours(I, itin_date_weekday(V->date), why, sizeof why);
    itin_diags_add(S->d, ITIN_CONFLICT, V->start_pos.line ? V->start_pos : V->pos,
                   "visit '%s' (%s\u2013%s) is outside the opening hours of %s on %s (%s)", V->id,
                   hm(a, it->local_start), hm(b, it->local_end), I->short_name ? I->short_name : I->name,
                   WEEKDAYS[itin_date_weekday(V->date)], why);
}

/* Place a flexible visit (§8): the earliest start on its date that follows
 * the previous listed visit sharing an attendee, keeps the sequence rule with
 * every attendee's items, fits the day window with its transfers and one
 * opening interval. Returns false when nothing fits. */
static bool
find_start(sched *S, const itin_visit *V, size_t prev_listed, int64_t *out, bool commit_errors)
{
    const itin_delegation *D = &S->P->delegation;
    int64_t dur = (int64_t)V->duration * MIN, buf = (int64_t)D->buffer * MIN;
    int64_t ws, we;
    window(S, V->at, V->date, &ws, &we);
    int64_t open[ITIN_MAX_INTERVALS + 1], close[ITIN_MAX_INTERVALS + 1];
    int n_iv = open_intervals(S, V->at, V->date, open, close);
    int64_t t = ws;
    itin_pos where = commit_errors ? V->pos : (itin_pos){0};
    if (prev_listed != NONE) {
        const itin_item *pl = &S->items[prev_listed];
        int64_t after = pl->end + (int64_t)tr(S, place_end(pl), V->at, V->travel, where) * MIN + buf;
        if (after > t)
            t = after;
    }
    for (int guard = 0; guard < 100000; guard++) {
        /* One opening interval must hold the whole visit. */
        int i;
        for (i = 0; i < n_iv; i++)
            if (close[i] - dur >= t && close[i] - dur >= open[i])
                break;
        if (i == n_iv)
            return false;
        if (open[i] > t)
            t = open[i];
        if (t + dur > we)
            return false;
        bool moved = false;
        for (size_t p = next_bit(V->who.bits, S->words, 0); p < S->np && !moved;
             p = next_bit(V->who.bits, S->words, p + 1)) {
            size_t pi, ni;
            neighbours(S, p, t, &pi, &ni);
            if (pi != NONE) {
                const itin_item *a = &S->items[pi];
                int64_t need;
                if (a->date == V->date || hotel_on(S, p, a->local_end_date) == NONE ||
                    V->date <= a->local_end_date)
                    need = a->end + (int64_t)tr(S, place_end(a), V->at, V->travel, where) * MIN + buf;
                else
                    need = a->end;
                if (need > t) {
                    t = need;
                    moved = true;
                    break;
                }
            }
            /* The first item of the day: the morning transfer must fit. */
            bool first = pi == NONE || S->items[pi].local_end_date < V->date;
            size_t h = hotel_on(S, p, V->date - 1);
            if (first && h != NONE) {
                int64_t need = ws + (int64_t)tr(S, h, V->at, V->travel, where) * MIN + buf;
                if (need > t) {
                    t = need;
                    moved = true;
                    break;
                }
            }
            if (ni != NONE) {
                const itin_item *b = &S->items[ni];
                bool hotel_between = b->date > V->date && hotel_on(S, p, V->date) != NONE;
                int64_t gap =
                    hotel_between
                        ? 0
                        : (int64_t)tr(S, V->at, place_start(b), arrival_mode(S, b), where) * MIN + buf;
                if (t + dur + gap > b->start) {
                    /* Try after it. */
                    int64_t after =
                        b->end + (int64_t)tr(S, place_end(b), V->at, V->travel, where) * MIN + buf;
                    t = after > t ? after : t + MIN;
                    moved = true;
                    break;
                }
            }
            bool last = ni == NONE || S->items[ni].date > V->date;
            size_t hn = hotel_on(S, p, V->date);
            if (last && hn != NONE && t + dur + (int64_t)tr(S, V->at, hn, D->travel, where) * MIN > we)
                return false;
        }
        if (!moved) {
            *out = t;
            return true;
        }
    }
    return false;
}

static void
place_visits(sched *S)
{
    itin_plan *P = S->P;
    char ds[16], a[8], b[8], why[256];
    /* The previous listed visit on the same date sharing an attendee is the
     * latest of each attendee's last listed visit that day: kept per
     * participant and date as the list is walked. */
    size_t ndays = (size_t)(P->delegation.end - P->delegation.start + 1);
    size_t *last = itin_xmalloc((S->np ? S->np : 1) * ndays * sizeof *last);
    for (size_t k = 0; k < S->np * ndays; k++)
        last[k] = NONE;
    for (size_t i = 0; i < P->n_visits; i++) {
        const itin_visit *V = &P->visits[i];
        size_t di = (size_t)(V->date - P->delegation.start);
        if (V->has_start) {
            for (size_t p = next_bit(V->who.bits, S->words, 0);
                 p < S->np && S->visit_item[i] != NONE && V->status != ITIN_CANCELLED;
                 p = next_bit(V->who.bits, S->words, p + 1))
                last[p * ndays + di] = i;
            continue;
        }
        size_t ix = add_visit_item(S, V);
        S->visit_item[i] = ix;
        size_t prev_listed = NONE, best = NONE;
        if (V->status != ITIN_CANCELLED)
            for (size_t p = 0; p < S->np; p++)
                if (itin_who_has(V->who.bits, p) && last[p * ndays + di] != NONE &&
                    (best == NONE || last[p * ndays + di] > best))
                    best = last[p * ndays + di];
        if (best != NONE)
            prev_listed = S->visit_item[best];
        const itin_institution *I = &P->institutions[V->at];
        if (V->status != ITIN_CANCELLED && closed_reason(S, V->at, V->date, why, sizeof why)) {
            itin_diags_add(S->d, ITIN_CONFLICT, V->pos, "visit '%s' on %s: %s is closed that day: %s", V->id,
                           itin_date_format(V->date, ds), I->short_name ? I->short_name : I->name, why);
            S->visit_item[i] = NONE;
            S->n_items--;
            continue;
        }
        int64_t t;
        if (find_start(S, V, prev_listed, &t, V->status != ITIN_CANCELLED)) {
            set_visit_time(S, ix, t);
        } else if (V->status == ITIN_CANCELLED) {
            int64_t ws, we;
            window(S, V->at, V->date, &ws, &we);
            set_visit_time(S, ix, ws);
        } else {
            int64_t ws, we;
            window(S, V->at, V->date, &ws, &we);
            int ws_m, we_m;
            itin_zone_local(zone_of(S, V->at), ws, NULL, &ws_m, NULL);
            itin_zone_local(zone_of(S, V->at), we, NULL, &we_m, NULL);
            char dur[16];
            itin_diags_add(
                S->d, ITIN_CONFLICT, V->pos,
                "no start fits visit '%s' (%s at %s) on %s: searched %s\u2013%s%s%s for every attendee",
                V->id, itin_duration_format(V->duration, dur), I->short_name ? I->short_name : I->name,
                itin_date_format(V->date, ds), hm(a, ws_m), hm(b, we_m == 0 ? 1440 : we_m),
                I->has_hours ? ", within the opening hours" : "",
                prev_listed != NONE ? ", after the previous listed visit" : "");
            S->visit_item[i] = NONE;
            S->n_items--;
            continue;
        }
        if (V->status != ITIN_CANCELLED)
            for (size_t p = next_bit(V->who.bits, S->words, 0); p < S->np;
                 p = next_bit(V->who.bits, S->words, p + 1)) {
                timeline_add(S, p, ix);
                last[p * ndays + di] = i;
            }
    }
    free(last);
}

/* ------------------------------------------------------------ transfers */

/* The ends of a transfer: an item, or a hotel on a night. */
typedef struct end {
    uint64_t key;
    size_t item; /* NONE for a hotel */
    size_t hotel;
    itin_date night;
} end;

static end
item_end(size_t item)
{
    return (end){item, item, NONE, 0};
}

static end
hotel_end(const sched *S, size_t hotel, itin_date night)
{
    return (end){(uint64_t)1 << 62 | (uint64_t)hotel << 20 | (uint64_t)(night - S->night0), NONE, hotel,
                 night};
}

static const char *
end_name(sched *S, end e)
{
    char ds[16];
    if (e.item != NONE)
        return S->items[e.item].id;
    return itin_arena_printf(S->A, "hotel:%s@%s", S->P->institutions[e.hotel].id,
                             itin_date_format(e.night, ds));
}

static void
add_transfer(sched *S, size_t person, end a, end b, size_t from, size_t to, itin_mode mode, int64_t depart,
             int64_t arrive, itin_pos pos)
{
    size_t ix;
    if (!itin_pairmap_get(&S->transfers, a.key, b.key, &ix)) {
        const char *from_key = end_name(S, a), *to_key = end_name(S, b);
        ix = new_item(S);
        itin_item *it = &S->items[ix];
        const itin_institution *pa = &S->P->institutions[from], *pb = &S->P->institutions[to];
        it->kind = ITIN_ITEM_TRANSFER;
        it->id = itin_arena_printf(S->A, "transfer:%s:%s", from_key, to_key);
        it->title = itin_arena_printf(S->A, "%s \u2192 %s", pa->short_name ? pa->short_name : pa->name,
                                      pb->short_name ? pb->short_name : pb->name);
        it->from = from;
        it->to = to;
        it->mode = mode;
        it->start = depart;
        it->end = arrive;
        it->minutes = (int)((arrive - depart) / MIN);
        bool est;
        char e[16];
        transfer_time(S->P, &S->tt, from, to, mode, &it->distance_km, &est, e, 0);
        it->distance_km = round(it->distance_km * 10) / 10; /* shown to 100 m everywhere */
        it->estimated = est;
        it->from_item = from_key;
        it->to_item = to_key;
        it->pos = pos;
        it->who = itin_arena_alloc(S->A, S->words * 8);
        fill_local(S, it, from, to);
        itin_pairmap_put(&S->transfers, a.key, b.key, ix, NULL);
    }
    uint64_t *w = (uint64_t *)S->items[ix].who;
    itin_who_add(w, person);
}

/* A transfer to or from a fixed visit that leaves the day window is a
 * warning (§8), once per visit. The window is that of the day the transfer
 * departs, at the place it departs from: a participant without lodging who
 * moves on in the evening is judged by that evening. */
static void
transfer_window(sched *S, size_t visit_ix, size_t from, int64_t depart, int64_t arrive, uint8_t *outside,
                const char *dir)
{
    const itin_item *v = &S->items[visit_ix];
    if (v->kind != ITIN_ITEM_VISIT || !v->fixed || outside[visit_ix])
        return;
    itin_date day;
    itin_zone_local(zone_of(S, from), depart, &day, NULL, NULL);
    int64_t ws, we;
    window(S, from, day, &ws, &we);
    if (depart >= ws && arrive <= we)
        return;
    outside[visit_ix] = 1;
    itin_diags_add(S->d, ITIN_WARNING, v->pos, "the transfer %s '%s' falls outside the day window", dir,
                   v->id);
}

/* Walk every participant's day in order: transfers between items and to and
 * from the hotel, the sequence rule, and the warnings about tight transfers,
 * long days and the day window. */
static void
walk_timelines(sched *S)
{
    const itin_delegation *D = &S->P->delegation;
    int64_t buf = (int64_t)D->buffer * MIN;
    size_t n_fixed_items = S->n_items; /* transfers are appended after these */
    uint8_t *tight = itin_arena_alloc(S->A, n_fixed_items ? n_fixed_items : 1);
    uint8_t *outside = itin_arena_alloc(S->A, n_fixed_items ? n_fixed_items : 1);
    for (size_t p = 0; p < S->np; p++) {
        /* Copies, not pointers: adding a transfer may move the item array. */
        itin_item prevc, cur;
        const itin_item *prev = NULL;
        size_t prev_ix = NONE;
        for (size_t bi = 0; bi < S->n_buckets; bi++) {
            bucket *b = &S->buckets[p * S->n_buckets + bi];
            for (size_t k = 0; k < b->n; k++) {
                size_t ix = b->v[k].item;
                cur = S->items[ix];
                const itin_item *it = &cur;
                bool hotel_night = prev && via_hotel(S, p, prev, it);
                if (prev && !hotel_night) {
                    itin_mode m = arrival_mode(S, it);
                    int trm = tr(S, place_end(prev), place_start(it), m, it->pos);
                    int64_t need = (int64_t)trm * MIN + buf;
                    int64_t has = it->start - prev->end;
                    if (has < need) {
                        add_conflict(S, p, prev_ix, ix, (int)(need / MIN), trm, (int)(has / MIN), m);
                    } else if (trm > 0 && has - (int64_t)trm * MIN < TIGHT_SLACK_MIN * MIN && !tight[ix]) {
                        /* Slack is what is left after the transfer itself. */
                        char sl[16];
                        tight[ix] = 1;
                        itin_diags_add(S->d, ITIN_WARNING, it->pos,
                                       "tight transfer: only %s of slack between '%s' and '%s'",
                                       itin_duration_format((int)((has - (int64_t)trm * MIN) / MIN), sl),
                                       prev->id, it->id);
                    }
                    if (trm > 0) {
                        int64_t arrive = prev->end + (int64_t)trm * MIN;
                        add_transfer(S, p, item_end(prev_ix), item_end(ix), place_end(prev), place_start(it),
                                     m, prev->end, arrive, it->pos);
                        transfer_window(S, prev_ix, place_end(prev), prev->end, arrive, outside, "from");
                        transfer_window(S, ix, place_end(prev), prev->end, arrive, outside, "to");
                    }
                }
                if (hotel_night) {
                    /* Evening: from the last item to the hotel. */
                    itin_date night = prev->local_end_date;
                    size_t h = hotel_on(S, p, night);
                    int trm = tr(S, place_end(prev), h, D->travel, prev->pos);
                    if (trm > 0) {
                        add_transfer(S, p, item_end(prev_ix), hotel_end(S, h, night), place_end(prev), h,
                                     D->travel, prev->end, prev->end + (int64_t)trm * MIN, prev->pos);
                        transfer_window(S, prev_ix, place_end(prev), prev->end,
                                        prev->end + (int64_t)trm * MIN, outside, "from");
                    }
                }
                size_t h = hotel_on(S, p, it->date - 1);
                if ((!prev || hotel_night) && h != NONE) {
                    /* Morning: from the hotel, arriving `buffer` before. */
                    itin_mode m = arrival_mode(S, it);
                    int trm = tr(S, h, place_start(it), m, it->pos);
                    if (trm > 0) {
                        int64_t arrive = it->start - buf;
                        add_transfer(S, p, hotel_end(S, h, it->date - 1), item_end(ix), h, place_start(it), m,
                                     arrive - (int64_t)trm * MIN, arrive, it->pos);
                        transfer_window(S, ix, h, arrive - (int64_t)trm * MIN, arrive, outside, "to");
                    }
                }
                prevc = cur;
                prev = &prevc;
                prev_ix = ix;
            }
        }
        /* The last evening. */
        if (prev) {
            itin_date night = prev->local_end_date;
            size_t h = hotel_on(S, p, night);
            if (h != NONE) {
                int trm = tr(S, place_end(prev), h, D->travel, prev->pos);
                if (trm > 0) {
                    add_transfer(S, p, item_end(prev_ix), hotel_end(S, h, night), place_end(prev), h,
                                 D->travel, prev->end, prev->end + (int64_t)trm * MIN, prev->pos);
                    transfer_window(S, prev_ix, place_end(prev), prev->end, prev->end + (int64_t)trm * MIN,
                                    outside, "from");
                }
            }
        }
    }
}

/* A day longer than ten hours of items: one warning per date, naming who. */
static void
check_long_days(sched *S)
{
    if (S->np == 0)
        return;
    itin_date d0 = S->P->delegation.start, d1 = S->P->delegation.end;
    for (size_t i = 0; i < S->n_items; i++) {
        if (S->items[i].date < d0)
            d0 = S->items[i].date;
        if (S->items[i].date > d1)
            d1 = S->items[i].date;
    }
    size_t nd = (size_t)(d1 - d0 + 1);
    int64_t *first = itin_xmalloc(nd * S->np * sizeof *first);
    int64_t *last = itin_xmalloc(nd * S->np * sizeof *last);
    for (size_t i = 0; i < nd * S->np; i++)
        first[i] = INT64_MAX, last[i] = INT64_MIN;
    for (size_t i = 0; i < S->n_items; i++) {
        const itin_item *it = &S->items[i];
        if (it->kind == ITIN_ITEM_LODGING || it->status == ITIN_CANCELLED)
            continue;
        size_t di = (size_t)(it->date - d0);
        for (size_t p = next_bit(it->who, S->words, 0); p < S->np; p = next_bit(it->who, S->words, p + 1)) {
            size_t k = di * S->np + p;
            if (it->start < first[k])
                first[k] = it->start;
            if (it->end > last[k])
                last[k] = it->end;
        }
    }
    uint64_t *who = itin_xmalloc(S->words * 8);
    for (size_t di = 0; di < nd; di++) {
        memset(who, 0, S->words * 8);
        int64_t longest = 0;
        for (size_t p = 0; p < S->np; p++) {
            size_t k = di * S->np + p;
            if (first[k] == INT64_MAX)
                continue;
            int64_t span = last[k] - first[k];
            if (span > (int64_t)LONG_DAY_MIN * MIN) {
                itin_who_add(who, p);
                if (span > longest)
                    longest = span;
            }
        }
        if (!longest)
            continue;
        char ds[16], w[256], du[16];
        names(S, who, w, sizeof w);
        itin_diags_add(S->d, ITIN_WARNING, S->P->delegation.pos, "a long day on %s: %s of items for %s",
                       itin_date_format(d0 + (itin_date)di, ds),
                       itin_duration_format((int)(longest / MIN), du), w);
    }
    free(who);
    free(first);
    free(last);
}

/* Warnings about single items: nobody attends, a weekend, outside the window. */
static void
check_items(sched *S)
{
    for (size_t i = 0; i < S->n_items; i++) {
        const itin_item *it = &S->items[i];
        if (it->kind != ITIN_ITEM_VISIT && it->kind != ITIN_ITEM_TRAVEL)
            continue;
        if (mask_empty(it->who, S->words))
            itin_diags_add(S->d, ITIN_WARNING, it->pos, "%s '%s' is for nobody", item_label(it), it->id);
        if (it->kind != ITIN_ITEM_VISIT || it->status == ITIN_CANCELLED)
            continue;
        int wd = itin_date_weekday(it->date);
        if (wd >= 5) {
            char ds[16];
            itin_diags_add(S->d, ITIN_WARNING, it->pos, "visit '%s' is on a %s (%s)", it->id, WEEKDAYS[wd],
                           itin_date_format(it->date, ds));
        }
        if (it->fixed) {
            int64_t ws, we;
            window(S, it->place, it->date, &ws, &we);
            if (it->start < ws || it->end > we) {
                char a[8], b[8];
                itin_diags_add(S->d, ITIN_WARNING, it->pos,
                               "visit '%s' (%s\u2013%s) lies outside the day window", it->id,
                               hm(a, it->local_start), hm(b, it->local_end));
            }
        }
    }
}

/* ------------------------------------------------------------- lodging */

static void
resolve_lodging(sched *S)
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
            for (size_t p = next_bit(L->who.bits, S->words, 0); p < S->np;
                 p = next_bit(L->who.bits, S->words, p + 1)) {
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

static void
add_lodging_items(sched *S)
{
    itin_plan *P = S->P;
    for (size_t i = 0; i < P->n_lodgings; i++) {
        const itin_lodging *L = &P->lodgings[i];
        size_t ix = new_item(S);
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
        it->start = at_local(S, L->at, L->from, 0, (itin_pos){0}, NULL);
        it->end = at_local(S, L->at, L->to, 0, (itin_pos){0}, NULL);
        fill_local(S, it, L->at, L->at);
        it->date = L->from;
        it->local_start_date = L->from;
        it->local_end_date = L->to;
    }
}

/* ------------------------------------------------------------------ days */

static const itin_item *sort_items;

static int
cmp_item_ix(const void *a, const void *b)
{
    const itin_item *x = &sort_items[*(const size_t *)a], *y = &sort_items[*(const size_t *)b];
    /* Lodging closes the day; otherwise by start, then end, then kind. */
    bool lx = x->kind == ITIN_ITEM_LODGING, ly = y->kind == ITIN_ITEM_LODGING;
    if (lx != ly)
        return lx ? 1 : -1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* Group items by day: the delegation's dates and any other date an item
 * belongs to; a lodging appears on each of its nights. */
static void
build_days(itin_itinerary *it, itin_arena *A)
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
    sort_items = it->items;
    for (size_t k = 0; k < it->n_days; k++)
        qsort(it->days[k].items, it->days[k].n_items, sizeof(size_t), cmp_item_ix);
    sort_items = NULL;
    free(count);
    free(day_of);
}

/* ------------------------------------------------------------------ main */

itin_itinerary *
itin_schedule(itin_plan *P, itin_diags *d)
{
    sched S = {0};
    size_t errors_before = d->errors;
    S.P = P;
    S.d = d;
    S.A = P->arena;
    S.np = P->delegation.n_participants;
    S.words = P->who_words;
    itin_pairmap_init(&S.tt);
    itin_pairmap_init(&S.tr_cache);
    itin_pairmap_init(&S.transfers);
    itin_strmap_init(&S.conflict_ix);

    S.zone = itin_arena_alloc(S.A, (P->n_institutions + 1) * sizeof *S.zone);
    for (size_t i = 0; i < P->n_institutions; i++) {
        S.zone[i] = itin_zone_get(P->institutions[i].timezone);
        if (!S.zone[i])
            S.zone[i] = itin_zone_get("UTC");
    }
    for (size_t i = 0; i < P->n_travel_times; i++) {
        const itin_travel_time *t = &P->travel_times[i];
        itin_pairmap_put(&S.tt, pair_key(t->from, t->to), (uint64_t)t->mode, i, NULL);
    }
    itin_strmap_init(&S.hol);
    for (size_t i = 0; i < P->n_holidays; i++) {
        const itin_holiday *h = &P->holidays[i];
        const char *key = h->region    ? itin_arena_printf(S.A, "R%d:%s", (int)h->date, h->region)
                          : h->country ? itin_arena_printf(S.A, "C%d:%s", (int)h->date, h->country)
                                       : itin_arena_printf(S.A, "A%d", (int)h->date);
        itin_strmap_put(&S.hol, key, i, NULL); /* the first named for a date wins */
    }
    S.closed = itin_arena_alloc(S.A, (P->n_institutions + 1) * sizeof *S.closed);
    for (size_t i = 0; i < P->n_institutions; i++) {
        const itin_institution *I = &P->institutions[i];
        if (!I->n_closed)
            continue;
        S.closed[i] = itin_arena_alloc(S.A, I->n_closed * sizeof *S.closed[i]);
        memcpy(S.closed[i], I->closed, I->n_closed * sizeof *S.closed[i]);
        qsort(S.closed[i], I->n_closed, sizeof *S.closed[i], cmp_date);
    }
    S.visit_item = itin_arena_alloc(S.A, (P->n_visits + 1) * sizeof *S.visit_item);
    for (size_t i = 0; i < P->n_visits; i++)
        S.visit_item[i] = NONE;

    /* Fixed items first: legs and visits with a start. */
    resolve_legs(&S);
    for (size_t i = 0; i < P->n_visits; i++) {
        const itin_visit *V = &P->visits[i];
        if (!V->has_start)
            continue;
        size_t ix = add_visit_item(&S, V);
        S.visit_item[i] = ix;
        set_visit_time(&S, ix, at_local(&S, V->at, V->date, V->start, V->start_pos, "start time"));
        if (V->status != ITIN_CANCELLED)
            check_fixed_visit(&S, ix);
    }

    /* The span of the timelines: every date of the trip, with margin. */
    int64_t t0 = ((int64_t)P->delegation.start - 1) * DAY_S, t1 = ((int64_t)P->delegation.end + 2) * DAY_S;
    for (size_t i = 0; i < S.n_items; i++) {
        if (S.items[i].start < t0)
            t0 = S.items[i].start;
        if (S.items[i].end > t1)
            t1 = S.items[i].end;
    }
    S.day0 = t0 / DAY_S - 2;
    S.n_buckets = (size_t)(t1 / DAY_S + 3 - S.day0);
    S.buckets = itin_xmalloc((S.np ? S.np : 1) * S.n_buckets * sizeof *S.buckets);
    memset(S.buckets, 0, (S.np ? S.np : 1) * S.n_buckets * sizeof *S.buckets);
    for (size_t i = 0; i < S.n_items; i++) {
        if (S.items[i].status == ITIN_CANCELLED)
            continue;
        for (size_t p = next_bit(S.items[i].who, S.words, 0); p < S.np;
             p = next_bit(S.items[i].who, S.words, p + 1))
            timeline_add(&S, p, i);
    }
    resolve_lodging(&S);

    place_visits(&S);
    size_t first_transfer = S.n_items;
    walk_timelines(&S);
    /* A transfer everyone makes is for everyone, as visits and legs say. */
    for (size_t i = first_transfer; i < S.n_items; i++) {
        bool all = S.np > 0;
        for (size_t p = 0; p < S.np && all; p++)
            all = itin_who_has(S.items[i].who, p);
        S.items[i].everyone = all;
    }
    report_conflicts(&S);
    check_items(&S);
    check_long_days(&S);
    add_lodging_items(&S);

    itin_itinerary *it = itin_arena_alloc(S.A, sizeof *it);
    it->plan = P;
    it->items = S.items;
    it->n_items = S.n_items;
    build_days(it, S.A);

    for (size_t i = 0; i < (S.np ? S.np : 1) * S.n_buckets; i++)
        free(S.buckets[i].v);
    free(S.buckets);
    free(S.conflicts);
    itin_pairmap_free(&S.tt);
    itin_strmap_free(&S.hol);
    itin_pairmap_free(&S.tr_cache);
    itin_pairmap_free(&S.transfers);
    itin_strmap_free(&S.conflict_ix);
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
            if (mask && !mask_meets(x->who, mask, P->who_words))
                continue;
            d->items[d->n_items++] = s->items[i];
        }
        /* A day of the delegation stays even when empty for this person. */
        if (d->n_items || (d->date >= P->delegation.start && d->date <= P->delegation.end))
            it->n_days++;
    }
    return it;
}
