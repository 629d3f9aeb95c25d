/* schedule_place: participants' timelines, and the first-fit placement of
 * flexible visits (§13.5) within the opening hours of schedule_hours.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schedule.h"
#include "strbuf.h"
#include "values.h"

/* ------------------------------------------------------------ timelines */

static sched_bucket *
sched_bucket_of(sched *S, size_t person, int64_t t)
{
    int64_t day = (t >= 0 ? t / DAY_S : -((-t + DAY_S - 1) / DAY_S)) - S->day0;
    if (day < 0)
        day = 0;
    if ((size_t)day >= S->n_buckets)
        day = (int64_t)S->n_buckets - 1;
    return &S->buckets[S->cls[person] * S->n_buckets + (size_t)day];
}

void
sched_timeline_add(sched *S, size_t person, size_t item)
{
    const itin_item *it = &S->items[item];
    sched_bucket *b = sched_bucket_of(S, person, it->start);
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
    b->v[i] = (sched_slot){it->start, it->end, item};
    b->n++;
    size_t c = S->cls[person], bi = (size_t)(b - &S->buckets[c * S->n_buckets]);
    if (bi < S->busy_lo[c])
        S->busy_lo[c] = bi;
    if (bi + 1 > S->busy_hi[c])
        S->busy_hi[c] = bi + 1;
}

/* Scratch for the refinement, per class: the mask it last met (stamp) and
 * how many of its members were in it (count), the mask it was last split
 * by (decided) and into which class (into, NONE: not split). */
typedef struct sched_refine_scratch {
    size_t *stamp, *count, *decided, *into, *size;
} sched_refine_scratch;

/* The classes refined by one mask: each class it cuts gives its members in
 * the mask to a new class (partition refinement, in the time of the mask's
 * members). A mask of everyone cuts nothing. */
static void
sched_refine(sched *S, const uint64_t *m, size_t k, sched_refine_scratch *r)
{
    if (!m || itin_who_is_all(m, S->np))
        return;
    for (size_t p = sched_next_bit(m, S->words, 0); p < S->np; p = sched_next_bit(m, S->words, p + 1)) {
        size_t c = S->cls[p];
        if (r->stamp[c] != k) {
            r->stamp[c] = k;
            r->count[c] = 0;
        }
        r->count[c]++;
    }
    for (size_t p = sched_next_bit(m, S->words, 0); p < S->np; p = sched_next_bit(m, S->words, p + 1)) {
        size_t c = S->cls[p];
        if (r->decided[c] != k) {
            r->decided[c] = k;
            r->into[c] = NONE;
            if (r->count[c] < r->size[c]) {
                size_t n = S->n_cls++;
                r->into[c] = n;
                r->stamp[n] = r->decided[n] = k;
                r->into[n] = NONE;
                r->size[n] = 0;
            }
        }
        if (r->into[c] != NONE) {
            S->cls[p] = r->into[c];
            r->size[c]--;
            r->size[r->into[c]]++;
        }
    }
}

/* The classes of participants who share every item: refined by every
 * visit, leg, lodging and delegation company, then numbered in the order
 * of their first members (who walk first, as every participant did). */
void
sched_build_classes(sched *S)
{
    const itin_plan *P = S->P;
    size_t np = S->np ? S->np : 1;
    S->cls = itin_arena_alloc(S->A, np * sizeof *S->cls);
    sched_refine_scratch r;
    size_t *scratch = itin_xmalloc(5 * np * sizeof *scratch);
    r.stamp = scratch, r.count = scratch + np, r.decided = scratch + 2 * np, r.into = scratch + 3 * np,
    r.size = scratch + 4 * np;
    for (size_t i = 0; i < 5 * np; i++)
        scratch[i] = NONE;
    S->n_cls = 1;
    r.size[0] = S->np;
    memset(S->cls, 0, np * sizeof *S->cls);
    size_t k = 0;
    for (size_t i = 0; i < P->n_visits; i++)
        sched_refine(S, P->visits[i].who.bits, k++, &r);
    for (size_t i = 0; i < P->n_legs; i++)
        sched_refine(S, P->legs[i].who.bits, k++, &r);
    for (size_t i = 0; i < P->n_lodgings; i++)
        sched_refine(S, P->lodgings[i].who.bits, k++, &r);
    for (size_t i = 0; i < P->n_companies; i++)
        sched_refine(S, P->companies[i].who, k++, &r);
    /* Renumber by first member; the first member is the representative. */
    size_t *order = r.into, n = 0;
    for (size_t c = 0; c < S->n_cls; c++)
        order[c] = NONE;
    S->reps = itin_arena_alloc(S->A, S->words * sizeof *S->reps);
    S->cls_who = itin_arena_alloc(S->A, S->n_cls * S->words * sizeof *S->cls_who);
    for (size_t p = 0; p < S->np; p++) {
        size_t c = S->cls[p];
        if (order[c] == NONE) {
            order[c] = n++;
            itin_who_add(S->reps, p);
        }
        S->cls[p] = order[c];
        itin_who_add(S->cls_who + S->cls[p] * S->words, p);
    }
    free(scratch);
}

/* Every participant's timeline, with the fixed items: per UTC day, over
 * every date of the trip with margin. */
void
sched_build_timelines(sched *S)
{
    const itin_delegation *D = &S->P->delegation;
    int64_t t0 = ((int64_t)D->start - 1) * DAY_S, t1 = ((int64_t)D->end + 2) * DAY_S;
    for (size_t i = 0; i < S->n_items; i++) {
        if (S->items[i].start < t0)
            t0 = S->items[i].start;
        if (S->items[i].end > t1)
            t1 = S->items[i].end;
    }
    S->day0 = t0 / DAY_S - 2;
    S->n_buckets = (size_t)(t1 / DAY_S + 3 - S->day0);
    sched_build_classes(S);
    S->buckets = itin_xcalloc(S->n_cls * S->n_buckets, sizeof *S->buckets);
    S->busy_lo = itin_xmalloc(S->n_cls * sizeof *S->busy_lo);
    S->busy_hi = itin_xcalloc(S->n_cls, sizeof *S->busy_hi);
    for (size_t c = 0; c < S->n_cls; c++)
        S->busy_lo[c] = S->n_buckets;
    for (size_t i = 0; i < S->n_items; i++) {
        if (S->items[i].status == ITIN_CANCELLED)
            continue;
        for (size_t p = sched_next_rep(S, S->items[i].who, 0); p < S->np;
             p = sched_next_rep(S, S->items[i].who, p + 1))
            sched_timeline_add(S, p, i);
    }
}

/* The participant's last item starting at or before t, and first starting
 * after it (NONE when there is none). */
static void
sched_neighbours(sched *S, size_t person, int64_t t, size_t *prev, size_t *next)
{
    sched_bucket *base = &S->buckets[S->cls[person] * S->n_buckets];
    sched_bucket *b = sched_bucket_of(S, person, t);
    size_t bi = (size_t)(b - base);
    size_t lo = 0, hi = b->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (b->v[mid].start <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t c = S->cls[person];
    *prev = *next = NONE;
    if (lo > 0) {
        *prev = b->v[lo - 1].item;
    } else {
        for (size_t j = bi; j-- > S->busy_lo[c];)
            if (base[j].n) {
                *prev = base[j].v[base[j].n - 1].item;
                break;
            }
    }
    if (lo < b->n) {
        *next = b->v[lo].item;
    } else {
        for (size_t j = bi + 1; j < S->busy_hi[c]; j++)
            if (base[j].n) {
                *next = base[j].v[0].item;
                break;
            }
    }
}

/* Where an item starts and ends (a leg moves you). */
size_t
sched_place_start(const itin_item *it)
{
    return it->kind == ITIN_ITEM_VISIT || it->kind == ITIN_ITEM_MEETING ? it->place : it->from;
}

size_t
sched_place_end(const itin_item *it)
{
    return it->kind == ITIN_ITEM_VISIT || it->kind == ITIN_ITEM_MEETING ? it->place : it->to;
}

/* The mode of the transfer that arrives at an item. */
itin_mode
sched_arrival_mode(const sched *S, const itin_item *it)
{
    (void)S;
    return it->kind == ITIN_ITEM_VISIT || it->kind == ITIN_ITEM_MEETING ? it->mode : ITIN_MODE_NONE;
}

size_t
sched_hotel_on(const sched *S, size_t person, itin_date night)
{
    if (night < S->night0 || (size_t)(night - S->night0) >= S->n_nights)
        return NONE;
    return S->hotel[person * S->n_nights + (size_t)(night - S->night0)];
}

/* Whether a participant goes to a hotel between a and b (then the morning and
 * evening transfers replace the direct one). */
bool
sched_via_hotel(const sched *S, size_t person, const itin_item *a, const itin_item *b)
{
    itin_date night = a->local_end_date;
    return b->date > night && sched_hotel_on(S, person, night) != NONE;
}
/* Opening hours, closures and holidays for a fixed visit. */
void
sched_check_fixed_visit(sched *S, size_t ix)
{
    const itin_item *it = &S->items[ix];
    const itin_visit *V = it->visit;
    const itin_institution *I = &S->P->institutions[V->at];
    char why[256], ds[16], a[8], b[8];
    if (sched_closed_reason(S, V->at, V->date, !V->by_arrangement, why, sizeof why)) {
        if (V->by_arrangement) {
            sched_warn_arrangement(S, V, why);
            return;
        }
        itin_diags_add(S->d, ITIN_CONFLICT, V->pos, "visit '%s' on %s: %s is closed that day: %s", V->id,
                       itin_date_format(V->date, ds), I->short_name ? I->short_name : I->name, why);
        return;
    }
    int64_t open[ITIN_MAX_INTERVALS + 1], close[ITIN_MAX_INTERVALS + 1];
    int n = sched_open_intervals(S, V, open, close);
    for (int i = 0; i < n; i++)
        if (it->start >= open[i] && it->end <= close[i])
            return;
    bool own = sched_describe_hours(S, V->at, V->date, why, sizeof why);
    itin_diags_add(S->d, ITIN_CONFLICT, V->start_pos.line ? V->start_pos : V->pos,
                   "visit '%s' (%s\u2013%s) is outside the opening hours of %s on %s (%s)", V->id,
                   itin_hm(it->local_start, a), itin_hm(it->local_end, b),
                   I->short_name ? I->short_name : I->name,
                   own ? itin_date_format(V->date, ds) : sched_weekdays[itin_date_weekday(V->date)], why);
}

/* What stopped the search for a start. */
typedef enum sched_stop { STOP_HOURS, STOP_WINDOW, STOP_HOTEL, STOP_ITEMS } sched_stop;

/* Why no start fits: the earliest candidate, what bound it (the item it
 * must follow with the transfer from there, or the morning transfer from
 * the hotel, or the day window's start), and what stopped it. */
typedef struct sched_why {
    int64_t t;
    size_t after; /* item index, or NONE */
    bool from_hotel;
    int transfer; /* minutes */
    itin_mode mode;
    sched_stop stop;
    bool listed; /* `after` is the previous listed visit */
} sched_why;

/* A flexible visit being placed: its day window, and where to report the
 * transfers it needs (nowhere while only trying). */
typedef struct sched_search {
    const itin_visit *V;
    int64_t dur, buf, ws, we;
    itin_pos where;
    sched_why why;
} sched_search;

/* The candidate moves to t, after item `after` (NONE: the hotel). */
static void
sched_bound(sched_search *c, int64_t t, size_t after, int transfer, itin_mode mode)
{
    c->why = (sched_why){t, after, after == NONE, transfer, mode, STOP_ITEMS, false};
}

typedef enum sched_fit { SCHED_FITS, SCHED_MOVED, SCHED_NO_FIT } sched_fit;

/* A transfer the search only considers, with the buffer: -1 when it cannot be
 * estimated (then that position is simply not a candidate, §13.2). */
static int64_t
sched_try_gap(sched *S, size_t from, size_t to, itin_mode mode, int64_t buf)
{
    int m = sched_transfer_try(S, from, to, mode);
    return m < 0 ? -1 : (int64_t)m * MIN + buf;
}

/* Past the next item when a position before it cannot be reached. */
static sched_fit
sched_skip_to_next(const sched *S, size_t ni, int64_t *t)
{
    if (ni == NONE)
        return SCHED_NO_FIT;
    int64_t after = S->items[ni].end;
    *t = after > *t ? after : *t + MIN;
    return SCHED_MOVED;
}

/* Whether an attendee can be at the visit from t: after the item before it
 * (with its transfer), after the morning transfer from the hotel, before the
 * next item, and back at the hotel within the window. A later t is written
 * to *t when one is needed. */
static sched_fit
sched_fit_attendee(sched *S, sched_search *c, size_t p, int64_t *t)
{
    const itin_visit *V = c->V;
    size_t pi, ni;
    sched_neighbours(S, p, *t, &pi, &ni);
    if (pi != NONE) {
        const itin_item *a = &S->items[pi];
        int64_t need = a->end + sched_after(a);
        int tm = 0;
        if (a->date == V->date || sched_hotel_on(S, p, a->local_end_date) == NONE ||
            V->date <= a->local_end_date) {
            int64_t gap = sched_try_gap(S, sched_place_end(a), V->at, V->travel, c->buf);
            if (gap < 0)
                return sched_skip_to_next(S, ni, t);
            tm = (int)((gap - c->buf) / MIN);
            need += gap;
        }
        if (need > *t) {
            *t = need;
            sched_bound(c, need, pi, tm, sched_transfer_mode(S, sched_place_end(a), V->at, V->travel));
            return SCHED_MOVED;
        }
    }
    /* The first item of the day: the morning transfer must fit. */
    bool first = pi == NONE || S->items[pi].local_end_date < V->date;
    size_t h = sched_hotel_on(S, p, V->date - 1);
    if (first && h != NONE) {
        int64_t gap = sched_try_gap(S, h, V->at, V->travel, c->buf);
        if (gap < 0)
            return sched_skip_to_next(S, ni, t);
        if (c->ws + gap > *t) {
            *t = c->ws + gap;
            sched_bound(c, *t, NONE, (int)((gap - c->buf) / MIN),
                        sched_transfer_mode(S, h, V->at, V->travel));
            return SCHED_MOVED;
        }
    }
    if (ni != NONE) {
        const itin_item *b = &S->items[ni];
        bool hotel_between = b->date > V->date && sched_hotel_on(S, p, V->date) != NONE;
        int64_t gap = 0;
        if (!hotel_between)
            gap = sched_try_gap(S, V->at, sched_place_start(b), sched_arrival_mode(S, b), sched_before(S, b));
        if (gap < 0 || *t + c->dur + gap > b->start) {
            /* Try after it, once its exit time has passed. */
            int64_t after = sched_try_gap(S, sched_place_end(b), V->at, V->travel, c->buf);
            int tm = after < 0 ? 0 : (int)((after - c->buf) / MIN);
            after = b->end + sched_after(b) + (after < 0 ? 0 : after);
            *t = after > *t ? after : *t + MIN;
            sched_bound(c, *t, ni, tm, sched_transfer_mode(S, sched_place_end(b), V->at, V->travel));
            return SCHED_MOVED;
        }
    }
    bool last = ni == NONE || S->items[ni].date > V->date;
    size_t hn = sched_hotel_on(S, p, V->date);
    if (last && hn != NONE) {
        int64_t back = sched_try_gap(S, V->at, hn, ITIN_MODE_NONE, 0);
        if (back < 0 || *t + c->dur + back > c->we) {
            c->why.stop = STOP_HOTEL;
            c->why.t = *t;
            return SCHED_NO_FIT;
        }
    }
    return SCHED_FITS;
}

/* Whether participant p is free for a meeting at `inst` from t for
 * `minutes` on `date`: the sequence rule with every item placed so far and
 * the transfers from and to the hotel, as for a flexible visit. When not,
 * *blocker is the item in the way (NONE: the hotel transfer or the day
 * window). */
bool
sched_meeting_free(sched *S, size_t p, size_t inst, itin_date date, int64_t t, int minutes, size_t *blocker)
{
    itin_visit V = {.id = "meeting", .at = inst, .date = date, .duration = minutes, .travel = ITIN_MODE_NONE};
    sched_search c = {&V, (int64_t)minutes * MIN, (int64_t)S->P->delegation.buffer * MIN, 0, 0, (itin_pos){0},
                      {0}};
    sched_window(S, inst, date, c.where, &c.ws, &c.we);
    c.why = (sched_why){t, NONE, false, 0, ITIN_MODE_NONE, STOP_ITEMS, false};
    int64_t at = t;
    sched_fit r = sched_fit_attendee(S, &c, p, &at);
    *blocker = c.why.after;
    return r == SCHED_FITS && at == t;
}

/* Place a flexible visit (§13.5): the earliest start on its date that
 * follows the previous listed visit sharing an attendee, keeps the sequence
 * rule with every attendee's items, fits the day window with its transfers
 * and one opening interval. Returns false when nothing fits. */
static bool sched_search_from(sched *S, sched_search *c, const int64_t *open, const int64_t *close, int n_iv,
                              int64_t t, int64_t *out);

static bool
sched_find_start(sched *S, const itin_visit *V, size_t prev_listed, int64_t *out, bool commit_errors,
                 sched_why *why)
{
    sched_search c = {V,
                      (int64_t)V->duration * MIN,
                      (int64_t)S->P->delegation.buffer * MIN,
                      0,
                      0,
                      commit_errors ? V->pos : (itin_pos){0},
                      {0}};
    sched_window(S, V->at, V->date, c.where, &c.ws, &c.we);
    int64_t open[ITIN_MAX_INTERVALS + 1], close[ITIN_MAX_INTERVALS + 1];
    int n_iv = sched_open_intervals(S, V, open, close);
    int64_t t = c.ws;
    c.why = (sched_why){t, NONE, false, 0, V->travel, STOP_ITEMS, false};
    if (prev_listed != NONE) {
        const itin_item *pl = &S->items[prev_listed];
        int tm = sched_transfer_min(S, sched_place_end(pl), V->at, V->travel, c.where);
        int64_t after = pl->end + (int64_t)tm * MIN + c.buf;
        if (after > t) {
            t = after;
            sched_bound(&c, t, prev_listed, tm,
                        sched_transfer_mode(S, sched_place_end(pl), V->at, V->travel));
            c.why.listed = true;
        }
    }
    bool found = sched_search_from(S, &c, open, close, n_iv, t, out);
    if (!found && why)
        *why = c.why;
    return found;
}

/* The search proper, from t: the first start that fits one opening
 * interval, the window and every attendee. */
static bool
sched_search_from(sched *S, sched_search *c, const int64_t *open, const int64_t *close, int n_iv, int64_t t,
                  int64_t *out)
{
    const itin_visit *V = c->V;
    for (int guard = 0; guard < 100000; guard++) {
        /* One opening interval must hold the whole visit. */
        int i;
        for (i = 0; i < n_iv; i++)
            if (close[i] - c->dur >= t && close[i] - c->dur >= open[i])
                break;
        if (i == n_iv) {
            c->why.stop = STOP_HOURS;
            c->why.t = t;
            return false;
        }
        if (open[i] > t)
            t = open[i];
        if (t + c->dur > c->we) {
            c->why.stop = STOP_WINDOW;
            c->why.t = t;
            return false;
        }
        sched_fit fit = SCHED_FITS;
        for (size_t p = sched_next_rep(S, V->who.bits, 0); p < S->np && fit == SCHED_FITS;
             p = sched_next_rep(S, V->who.bits, p + 1))
            fit = sched_fit_attendee(S, c, p, &t);
        if (fit == SCHED_NO_FIT)
            return false;
        if (fit == SCHED_FITS) {
            *out = t;
            return true;
        }
    }
    return false;
}

/* Minutes local to the visit's place of an instant. */
static int
sched_local_min(sched *S, const itin_visit *V, int64_t t)
{
    int m;
    itin_zone_local(sched_zone_of(S, V->at), t, NULL, &m, NULL);
    return m;
}

/* "the earliest start is 17:10 (welcome ends 16:30, bus 25m, buffer 15m)". */
static void
sched_why_start(sched *S, const itin_visit *V, const sched_why *w, itin_strbuf *b)
{
    char hm[ITIN_HM_SIZE], e[ITIN_HM_SIZE], tm[16], bf[16];
    const itin_plan *P = S->P;
    itin_strbuf_puts(b, "the earliest start is ");
    itin_strbuf_puts(b, itin_hm(sched_local_min(S, V, w->t), hm));
    if (w->after == NONE && !w->from_hotel) {
        itin_strbuf_puts(b, " (the day window opens then)");
        return;
    }
    char buf[256];
    if (w->from_hotel)
        snprintf(buf, sizeof buf, " (the day starts at the hotel");
    else
        snprintf(buf, sizeof buf, " (%s '%s' ends %s", sched_item_label(&S->items[w->after]),
                 S->items[w->after].id, itin_hm(S->items[w->after].local_end, e));
    itin_strbuf_puts(b, buf);
    int exit_min = w->from_hotel ? 0 : (int)(sched_after(&S->items[w->after]) / MIN);
    if (exit_min > 0) {
        snprintf(buf, sizeof buf, ", exit %s", itin_duration_format(exit_min, tm));
        itin_strbuf_puts(b, buf);
    }
    if (w->transfer > 0) {
        snprintf(buf, sizeof buf, ", %s %s", itin_mode_name(w->mode), itin_duration_format(w->transfer, tm));
        itin_strbuf_puts(b, buf);
    }
    if (P->delegation.buffer > 0) {
        snprintf(buf, sizeof buf, ", buffer %s", itin_duration_format(P->delegation.buffer, bf));
        itin_strbuf_puts(b, buf);
    }
    itin_strbuf_puts(b, ")");
}

/* "but Silicon Saxony closes at 17:00 on Mondays"; *room gets the minutes
 * the visit would have from the earliest start (0 when none). */
static void
sched_why_stop(sched *S, const itin_visit *V, const sched_why *w, itin_strbuf *b, int *room)
{
    const itin_institution *I = &S->P->institutions[V->at];
    char hm[ITIN_HM_SIZE], buf[256];
    int64_t ws, we, open[ITIN_MAX_INTERVALS + 1], close[ITIN_MAX_INTERVALS + 1];
    sched_window(S, V->at, V->date, (itin_pos){0}, &ws, &we);
    *room = 0;
    if (w->stop == STOP_HOURS) {
        int n = sched_open_intervals(S, V, open, close);
        int64_t last = INT64_MIN;
        for (int i = 0; i < n; i++) {
            int64_t from = open[i] > w->t ? open[i] : w->t;
            if (close[i] - from > (int64_t)*room * MIN)
                *room = (int)((close[i] - from) / MIN);
            if (open[i] <= w->t && close[i] > last)
                last = close[i];
        }
        if (last == INT64_MIN && n)
            last = close[n - 1];
        int m = sched_local_min(S, V, last);
        snprintf(buf, sizeof buf, " but %s closes at %s on %ss", I->short_name ? I->short_name : I->name,
                 itin_hm(m == 0 ? 1440 : m, hm), sched_weekdays[sched_hours_weekday(S, V->at, V->date)]);
    } else if (w->stop == STOP_WINDOW) {
        *room = w->t < we ? (int)((we - w->t) / MIN) : 0;
        int m = sched_local_min(S, V, we);
        snprintf(buf, sizeof buf, " but the day window ends at %s", itin_hm(m == 0 ? 1440 : m, hm));
    } else if (w->stop == STOP_HOTEL) {
        snprintf(buf, sizeof buf, " but the transfer back to the hotel would end after the day window");
    } else {
        snprintf(buf, sizeof buf, " but the attendees' items leave no gap long enough after it");
    }
    itin_strbuf_puts(b, buf);
}

/* What would make it fit: by arrangement, shorter, listed earlier, another day. */
static void
sched_why_fixes(sched *S, const itin_visit *V, const sched_why *w, int room, itin_strbuf *b)
{
    const itin_institution *I = &S->P->institutions[V->at];
    char d[16], buf[256];
    itin_strbuf_puts(b, "; it could fit");
    if (w->stop == STOP_HOURS && I->has_hours && !V->by_arrangement)
        itin_strbuf_puts(b, " by arrangement that day (by_arrangement: true),");
    if (room >= 5 && room < V->duration) {
        snprintf(buf, sizeof buf, " shortened to %s,", itin_duration_format(room - room % 5, d));
        itin_strbuf_puts(b, buf);
    }
    const itin_item *a = w->after != NONE ? &S->items[w->after] : NULL;
    if (a && (w->listed || (a->kind == ITIN_ITEM_VISIT && !a->fixed))) {
        snprintf(buf, sizeof buf, " listed before '%s',", a->id);
        itin_strbuf_puts(b, buf);
    } else if (a) {
        snprintf(buf, sizeof buf, " with %s '%s' moved,", sched_item_label(a), a->id);
        itin_strbuf_puts(b, buf);
    }
    itin_strbuf_puts(b, " or on another day");
}

/* No start fits a flexible visit: say where it was searched, what bound
 * the earliest start, what stopped it and what would make it fit. */
static void
sched_report_no_fit(sched *S, const itin_visit *V, bool after_listed, const sched_why *w)
{
    const itin_institution *I = &S->P->institutions[V->at];
    char ds[16], a[8], b[8], dur[16];
    int64_t ws, we;
    sched_window(S, V->at, V->date, (itin_pos){0}, &ws, &we);
    int ws_m, we_m;
    itin_zone_local(sched_zone_of(S, V->at), ws, NULL, &ws_m, NULL);
    itin_zone_local(sched_zone_of(S, V->at), we, NULL, &we_m, NULL);
    itin_strbuf why = {0};
    int room;
    sched_why_start(S, V, w, &why);
    sched_why_stop(S, V, w, &why, &room);
    sched_why_fixes(S, V, w, room, &why);
    itin_diags_add(
        S->d, ITIN_CONFLICT, V->pos,
        "no start fits visit '%s' (%s at %s) on %s: searched %s\u2013%s%s%s for every attendee; %s", V->id,
        itin_duration_format(V->duration, dur), I->short_name ? I->short_name : I->name,
        itin_date_format(V->date, ds), itin_hm(ws_m, a), itin_hm(we_m == 0 ? 1440 : we_m, b),
        I->has_hours && !V->by_arrangement ? ", within the opening hours" : "",
        after_listed ? ", after the previous listed visit" : "", itin_strbuf_str(&why));
    free(why.s);
}

/* The previous listed visit on the same date sharing an attendee: the
 * latest of each attendee's last listed visit that day (`last`, per
 * participant and date), as an item index, or NONE. */
static size_t
sched_previous_listed(const sched *S, const itin_visit *V, const size_t *last, size_t ndays, size_t di)
{
    size_t best = NONE;
    if (V->status == ITIN_CANCELLED)
        return NONE;
    for (size_t p = sched_next_rep(S, V->who.bits, 0); p < S->np; p = sched_next_rep(S, V->who.bits, p + 1))
        if (last[p * ndays + di] != NONE && (best == NONE || last[p * ndays + di] > best))
            best = last[p * ndays + di];
    return best == NONE ? NONE : S->visit_item[best];
}

/* Place one flexible visit; false when it is left out (closed, no fit). */
static bool
sched_place_visit(sched *S, size_t i, size_t prev_listed)
{
    const itin_visit *V = &S->P->visits[i];
    const itin_institution *I = &S->P->institutions[V->at];
    char ds[16], why[256];
    if (sched_skipped_date(S, V->at, V->date, V->date_pos, "visit", V->id))
        return false;
    size_t ix = sched_add_visit_item(S, V);
    S->visit_item[i] = ix;
    const char *closed = V->status == ITIN_CANCELLED
                             ? NULL
                             : sched_closed_reason(S, V->at, V->date, !V->by_arrangement, why, sizeof why);
    if (closed && V->by_arrangement)
        sched_warn_arrangement(S, V, why);
    if (closed && !V->by_arrangement) {
        itin_diags_add(S->d, ITIN_CONFLICT, V->pos, "visit '%s' on %s: %s is closed that day: %s", V->id,
                       itin_date_format(V->date, ds), I->short_name ? I->short_name : I->name, why);
    } else {
        int64_t t, ws, we;
        sched_why w;
        if (sched_find_start(S, V, prev_listed, &t, V->status != ITIN_CANCELLED, &w)) {
            sched_set_visit_time(S, ix, t);
            return true;
        }
        if (V->status == ITIN_CANCELLED) {
            sched_window(S, V->at, V->date, (itin_pos){0}, &ws, &we);
            sched_set_visit_time(S, ix, ws);
            return true;
        }
        sched_report_no_fit(S, V, prev_listed != NONE, &w);
    }
    S->visit_item[i] = NONE;
    S->n_items--;
    return false;
}

/* A flexible visit placed after a fixed visit listed after it, for one of
 * its attendees on its date: a note, so that no visit moves silently. */
static void
sched_note_moved(sched *S, size_t i, const size_t *next_on_date)
{
    const itin_plan *P = S->P;
    const itin_visit *V = &P->visits[i];
    const itin_item *x = &S->items[S->visit_item[i]];
    for (size_t j = next_on_date[i]; j != NONE; j = next_on_date[j]) {
        const itin_visit *W = &P->visits[j];
        if (!W->has_start || W->date != V->date || W->status == ITIN_CANCELLED || S->visit_item[j] == NONE ||
            !itin_who_intersects(V->who.bits, W->who.bits, S->words))
            continue;
        const itin_item *y = &S->items[S->visit_item[j]];
        if (y->end > x->start)
            continue;
        char a[ITIN_HM_SIZE], b[ITIN_HM_SIZE];
        itin_diags_add(S->d, ITIN_NOTE, V->pos,
                       "visit '%s' is listed before visit '%s' but placed after it, at %s (it ends %s): no "
                       "earlier start fits",
                       V->id, W->id, itin_hm(x->local_start, a), itin_hm(y->local_end, b));
        return;
    }
}

/* For each visit, the next visit with a start listed after it on the same
 * date (NONE after the last): what sched_note_moved() walks, so that a
 * placed visit costs the fixed visits of its date, not every later visit
 * (with thousands of flexible visits a day, that was quadratic). */
static size_t *
sched_next_on_date(const sched *S, size_t ndays)
{
    const itin_plan *P = S->P;
    size_t *next = itin_xmalloc((P->n_visits ? P->n_visits : 1) * sizeof *next);
    size_t *seen = itin_xmalloc(ndays * sizeof *seen);
    for (size_t d = 0; d < ndays; d++)
        seen[d] = NONE;
    for (size_t i = P->n_visits; i-- > 0;) {
        size_t di = (size_t)(P->visits[i].date - P->delegation.start);
        next[i] = di < ndays ? seen[di] : NONE;
        if (di < ndays && P->visits[i].has_start)
            seen[di] = i;
    }
    free(seen);
    return next;
}

/* First-fit placement of the flexible visits, in the order listed (§13.5). */
void
sched_place_visits(sched *S)
{
    itin_plan *P = S->P;
    size_t ndays = (size_t)(P->delegation.end - P->delegation.start + 1);
    size_t *next_on_date = sched_next_on_date(S, ndays);
    size_t *last = itin_xmalloc((S->np ? S->np : 1) * ndays * sizeof *last);
    for (size_t k = 0; k < S->np * ndays; k++)
        last[k] = NONE;
    for (size_t i = 0; i < P->n_visits; i++) {
        const itin_visit *V = &P->visits[i];
        size_t di = (size_t)(V->date - P->delegation.start);
        if (V->has_start) {
            for (size_t p = sched_next_rep(S, V->who.bits, 0);
                 p < S->np && S->visit_item[i] != NONE && V->status != ITIN_CANCELLED;
                 p = sched_next_rep(S, V->who.bits, p + 1))
                last[p * ndays + di] = i;
            continue;
        }
        if (!sched_place_visit(S, i, sched_previous_listed(S, V, last, ndays, di)) ||
            V->status == ITIN_CANCELLED)
            continue;
        sched_note_moved(S, i, next_on_date);
        for (size_t p = sched_next_rep(S, V->who.bits, 0); p < S->np;
             p = sched_next_rep(S, V->who.bits, p + 1)) {
            sched_timeline_add(S, p, S->visit_item[i]);
            last[p * ndays + di] = i;
        }
    }
    free(last);
    free(next_on_date);
}
