/* vehicles: road transfers that run at the same time each need a vehicle;
 * counted on the itinerary's items, never on recomputed times. */
#include <stdlib.h>
#include <string.h>

#include "datetime.h"
#include "strbuf.h"
#include "vehicles.h"
#include "xalloc.h"

bool
itin_road_mode(itin_mode m)
{
    return m == ITIN_MODE_CAR || m == ITIN_MODE_TAXI || m == ITIN_MODE_BUS;
}

static bool
is_road(const itin_itinerary *it, size_t k)
{
    const itin_item *x = &it->items[k];
    return x->kind == ITIN_ITEM_TRANSFER && itin_road_mode(x->mode) && x->status != ITIN_CANCELLED;
}

/* Whether the i-th item of the day rides with an earlier one: a road
 * transfer on the same route (from, to, start and end) shares its vehicle. */
static bool
rides_along(const itin_itinerary *it, const itin_day *day, size_t i)
{
    const itin_item *x = &it->items[day->items[i]];
    for (size_t j = 0; j < i; j++) {
        const itin_item *y = &it->items[day->items[j]];
        if (is_road(it, day->items[j]) && y->from == x->from && y->to == x->to && y->start == x->start &&
            y->end == x->end)
            return true;
    }
    return false;
}

/* Vehicles on the road at instant t (start <= t < end): road transfers of
 * the day running then, one a route. */
static size_t
running_at(const itin_itinerary *it, const itin_day *day, int64_t t)
{
    size_t n = 0;
    for (size_t i = 0; i < day->n_items; i++) {
        const itin_item *x = &it->items[day->items[i]];
        n += is_road(it, day->items[i]) && x->start <= t && t < x->end && !rides_along(it, day, i);
    }
    return n;
}

/* The count only rises at a start: the most within [from, to) is at one of
 * the starts in it. */
static size_t
most_within(const itin_itinerary *it, const itin_day *day, int64_t from, int64_t to, int64_t *at)
{
    size_t best = 0;
    for (size_t i = 0; i < day->n_items; i++) {
        const itin_item *x = &it->items[day->items[i]];
        if (!is_road(it, day->items[i]) || x->start < from || x->start >= to)
            continue;
        size_t n = running_at(it, day, x->start);
        if (n > best || (n == best && n > 0 && x->start < *at)) {
            best = n;
            *at = x->start;
        }
    }
    return best;
}

size_t
itin_vehicles_during(const itin_itinerary *it, const itin_day *day, size_t k, int64_t *at)
{
    if (!is_road(it, k))
        return 0;
    const itin_item *x = &it->items[k];
    *at = x->start;
    size_t best = running_at(it, day, x->start);
    int64_t t = x->start;
    size_t n = most_within(it, day, x->start, x->end, &t);
    if (n > best) {
        best = n;
        *at = t;
    }
    return best;
}

size_t
itin_vehicles_peak(const itin_itinerary *it, const itin_day *day, int64_t *at)
{
    int64_t t = INT64_MAX;
    size_t n = most_within(it, day, INT64_MIN, INT64_MAX, &t);
    if (n)
        *at = t;
    return n;
}

/* "transfer:a:b (WFS → ILK, 13:00–13:20)" for the message. */
static void
describe(itin_strbuf *b, const itin_plan *P, const itin_item *x)
{
    char s[ITIN_HM_SIZE], e[ITIN_HM_SIZE];
    itin_strbuf_puts(b, x->id);
    itin_strbuf_puts(b, " (");
    itin_strbuf_puts(b, P->institutions[x->from].id);
    itin_strbuf_puts(b, " \u2192 ");
    itin_strbuf_puts(b, P->institutions[x->to].id);
    itin_strbuf_puts(b, ", ");
    itin_strbuf_puts(b, itin_hm(x->local_start, s));
    itin_strbuf_puts(b, "\u2013");
    itin_strbuf_puts(b, itin_hm(x->local_end, e));
    itin_strbuf_puts(b, ")");
}

/* One conflict at instant t of the day: the transfers running then. */
static void
report(const itin_itinerary *it, const itin_day *day, const itin_item *at, size_t n, itin_diags *d)
{
    const itin_plan *P = it->plan;
    int64_t t = at->start;
    itin_strbuf b = {0};
    bool first = true;
    for (size_t i = 0; i < day->n_items; i++) {
        const itin_item *x = &it->items[day->items[i]];
        if (!is_road(it, day->items[i]) || x->start > t || t >= x->end)
            continue;
        if (!first)
            itin_strbuf_puts(&b, ", ");
        first = false;
        describe(&b, P, x);
    }
    char ds[16], hm[ITIN_HM_SIZE];
    itin_diags_add(d, ITIN_CONFLICT, at->pos,
                   "%zu road transfers run at the same time at %s on %s, but travel.vehicles is %d: %s", n,
                   itin_hm(at->local_start, hm), itin_date_format(day->date, ds), P->delegation.vehicles,
                   itin_strbuf_str(&b));
    free(b.s);
}

void
itin_vehicles_check(const itin_itinerary *it, itin_diags *d)
{
    int limit = it->plan->delegation.vehicles;
    if (limit <= 0)
        return;
    for (size_t k = 0; k < it->n_days; k++) {
        const itin_day *day = &it->days[k];
        /* One conflict per run of overlapping transfers above the limit:
         * reported at its first start, again only once it has ended. */
        int64_t reported_until = INT64_MIN;
        for (size_t i = 0; i < day->n_items; i++) {
            const itin_item *x = &it->items[day->items[i]];
            if (!is_road(it, day->items[i]) || x->start < reported_until)
                continue;
            size_t n = running_at(it, day, x->start);
            if (n <= (size_t)limit)
                continue;
            report(it, day, x, n, d);
            reported_until = x->start;
            for (size_t j = 0; j < day->n_items; j++) {
                const itin_item *y = &it->items[day->items[j]];
                if (is_road(it, day->items[j]) && y->start <= x->start && x->start < y->end &&
                    y->end > reported_until)
                    reported_until = y->end;
            }
        }
    }
}
