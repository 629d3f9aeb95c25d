/* ics_vtimezone: the VTIMEZONE of a zone, the smallest that is exact over a
 * calendar's span (RFC 5545 §3.6.5), made from the zone's offsets (the
 * system's tzdata) rather than cloned from libical.
 *
 * libical's own component of a zone carries a leading observance without a
 * rule and a second pair of rules from 2037/2038, after every event: Europe/
 * Berlin had three STANDARD and two DAYLIGHT observances, on which ruby-
 * icalendar 2.8 and npm `icalendar` 0.7 throw and read no event, and
 * MS-OXCICAL expects one STANDARD and one DAYLIGHT. Here:
 *
 * - The offset changes from 1 January of the year before the calendar's
 *   first instant to two years after its last are found by scanning the
 *   offsets.
 * - Changes alike (same offsets before and after) are one observance: the
 *   kind of the last change at or before the first instant, and every kind
 *   with a change during the calendar, or with a yearly rule after it (the
 *   half of an annual pattern still to come). Each starts at its own last
 *   change at or before the first instant, when it has one: ruby-icalendar
 *   throws on a time before the start of any observance of its zone.
 * - Changes alike that fall in consecutive years on the same local time,
 *   month and day rule (the nth or last weekday of the month, or a day of
 *   the month) are a yearly RRULE, with COUNT when tzdata stops following
 *   it before the end of the window (not UNTIL: python-icalendar 4.0's
 *   Timezone.to_tz() throws on it). Others (Africa/Casablanca's, which
 *   follow Ramadan) are listed as RDATEs up to the calendar's last instant.
 *   So a zone whose rules hold over the calendar has one STANDARD and one
 *   DAYLIGHT with RRULEs, and a zone without changes one STANDARD.
 * - A zone without a change from the start of the window to the first
 *   instant gets one observance from the start of the window.
 * - No observance adds a change that tzdata does not have over the
 *   calendar's span; after the window, the rules go on as written.
 * - DAYLIGHT is an observance whose offset is above the zone's lowest one
 *   in the window and is left for a lower one (so negative DST, as in
 *   Europe/Dublin, reads as usual, and a new standard offset is STANDARD).
 */
#include <stdlib.h>
#include <string.h>

#include "ics.h"

/* One offset change: at the instant `at` (UTC), from `from` to `to`. */
typedef struct tz_change {
    int64_t at;
    int from, to;
} tz_change;

/* How often the offsets are sampled; changes lie further apart. */
#define SCAN_STEP (6 * 3600)
/* How far past the calendar the changes are read, to learn yearly rules. */
#define RULE_HORIZON (2 * 366 * 86400LL)

static int64_t
floor_div(int64_t a, int64_t b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* The local time `secs` seconds after 1970-01-01T00:00 (a wall clock). */
static struct icaltimetype
wall_clock(int64_t secs)
{
    int64_t days = floor_div(secs, 86400), rest = secs - days * 86400;
    struct icaltimetype t = itin_ics_local_time((itin_date)days, (int)(rest / 60), false);
    t.second = (int)(rest % 60);
    return t;
}

/* The changes of zone z in (lo, hi], in time order; returns how many. */
static size_t
find_changes(const itin_zone *z, int64_t lo, int64_t hi, tz_change **out)
{
    size_t n = 0, cap = 0;
    tz_change *v = NULL;
    int off = itin_zone_offset(z, lo);
    for (int64_t a = lo; a < hi; a += SCAN_STEP) {
        int64_t b = a + SCAN_STEP < hi ? a + SCAN_STEP : hi;
        if (itin_zone_offset(z, b) == off)
            continue;
        int64_t l = a, r = b; /* offset(l) == off, offset(r) != off */
        while (r - l > 1) {
            int64_t m = l + (r - l) / 2;
            if (itin_zone_offset(z, m) == off)
                l = m;
            else
                r = m;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            v = itin_xrealloc(v, cap * sizeof *v);
        }
        int to = itin_zone_offset(z, r);
        v[n++] = (tz_change){r, off, to};
        off = to;
        a = r - SCAN_STEP; /* go on from the change (another may follow soon) */
    }
    *out = v;
    return n;
}

/* ------------------------------------------------------------ yearly rules */

/* Where a change falls in its year, as a rule would say it: the wall clock
 * before the change (which DTSTART gives, RFC 5545 §3.6.5). */
typedef struct onset {
    struct icaltimetype local;
    int weekday; /* 1 = Sunday ... 7 = Saturday, as libical counts */
    int nth;     /* 1 ... 5: the nth such weekday of the month */
    bool last;   /* the last such weekday of the month */
} onset;

static onset
onset_of(const tz_change *c)
{
    onset o;
    int64_t days = floor_div(c->at + c->from, 86400);
    o.local = wall_clock(c->at + c->from);
    o.weekday = (int)((days % 7 + 7 + 4) % 7) + 1; /* 1970-01-01 was a Thursday */
    o.nth = (o.local.day - 1) / 7 + 1;
    o.last = o.local.day + 7 > icaltime_days_in_month(o.local.month, o.local.year);
    return o;
}

typedef enum rule_kind { RULE_NONE, RULE_LAST, RULE_NTH, RULE_MONTHDAY } rule_kind;

/* The rule that changes a[0..n) (alike, in consecutive years) all follow,
 * or RULE_NONE. "Last" comes first: a last Sunday that is also a fourth one
 * in the years seen may be a fifth one in others. */
static rule_kind
fit_rule(const onset *a, size_t n)
{
    bool same = true, wd = true, last = true, nth = a[0].nth <= 4, md = true;
    for (size_t i = 1; i < n; i++) {
        same = same && a[i].local.month == a[0].local.month && a[i].local.hour == a[0].local.hour &&
               a[i].local.minute == a[0].local.minute && a[i].local.second == a[0].local.second &&
               a[i].local.year == a[i - 1].local.year + 1;
        wd = wd && a[i].weekday == a[0].weekday;
        last = last && a[i].last;
        nth = nth && a[i].nth == a[0].nth;
        md = md && a[i].local.day == a[0].local.day;
    }
    if (!same)
        return RULE_NONE;
    if (wd && last && a[0].last)
        return RULE_LAST;
    if (wd && nth)
        return RULE_NTH;
    return md ? RULE_MONTHDAY : RULE_NONE;
}

/* FREQ=YEARLY;BYMONTH=..;BYDAY=.. or BYMONTHDAY=.., with COUNT when `count`
 * is not 0. */
static icalproperty *
rrule(rule_kind kind, const onset *first, int count)
{
    struct icalrecurrencetype r;
    icalrecurrencetype_clear(&r);
    r.freq = ICAL_YEARLY_RECURRENCE;
    r.by_month[0] = (short)first->local.month;
    if (kind == RULE_MONTHDAY)
        r.by_month_day[0] = (short)first->local.day;
    else
        r.by_day[0] = (short)(kind == RULE_LAST ? -(8 + first->weekday) /* libical: position * 8 + day */
                                                : 8 * first->nth + first->weekday);
    r.count = count;
    return icalproperty_new_rrule(r);
}

/* ------------------------------------------------------------ observances */

/* The TZNAME libical's component gives offset `to` (its latest observance
 * with that offset), or NULL. */
static const char *
tzname_of(icaltimezone *zone, int to)
{
    icalcomponent *vtz = icaltimezone_get_component(zone);
    const char *name = NULL;
    struct icaltimetype latest = icaltime_null_time();
    for (icalcomponent *c = vtz ? icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT) : NULL; c;
         c = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT)) {
        icalproperty *off = icalcomponent_get_first_property(c, ICAL_TZOFFSETTO_PROPERTY);
        icalproperty *tzn = icalcomponent_get_first_property(c, ICAL_TZNAME_PROPERTY);
        icalproperty *start = icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY);
        if (!off || !tzn || !start || icalproperty_get_tzoffsetto(off) != to)
            continue;
        struct icaltimetype t = icalproperty_get_dtstart(start);
        if (!name || icaltime_compare(t, latest) >= 0) {
            name = icalproperty_get_tzname(tzn);
            latest = t;
        }
    }
    return name;
}

typedef struct zone_ctx {
    icaltimezone *ical;
    icalcomponent *vtz;
    int lowest; /* the lowest offset in the window: STANDARD's */
    const tz_change *ch;
    size_t n;
} zone_ctx;

/* Whether offset `to` is daylight time: above the zone's lowest, and left
 * again for a lower one in the window (Asia/Kathmandu's move from +05:30 to
 * +05:45 is a new standard time). */
static bool
is_daylight(const zone_ctx *Z, int to)
{
    if (to <= Z->lowest)
        return false;
    for (size_t i = 0; i < Z->n; i++)
        if (Z->ch[i].from == to && Z->ch[i].to < to)
            return true;
    return false;
}

/* A new observance starting at `start` (local, before the change) that
 * changes the offset from `from` to `to`. */
static icalcomponent *
observance(zone_ctx *Z, struct icaltimetype start, int from, int to)
{
    icalcomponent *o = is_daylight(Z, to) ? icalcomponent_new_xdaylight() : icalcomponent_new_xstandard();
    const char *name = tzname_of(Z->ical, to);
    if (name)
        icalcomponent_add_property(o, icalproperty_new_tzname(name));
    icalcomponent_add_property(o, icalproperty_new_tzoffsetfrom(from));
    icalcomponent_add_property(o, icalproperty_new_tzoffsetto(to));
    icalcomponent_add_property(o, icalproperty_new_dtstart(start));
    return o;
}

/* The observance of the changes alike to ch[first] (same offsets) from
 * ch[first] on, or NULL when none is needed: a yearly RRULE when they
 * follow one as far as the calendar's last instant `end` (COUNT when it
 * stops before `hi`, the end of the changes read), else RDATEs for those up
 * to `end`. Changes alike that start after `end` make an observance only as
 * a rule (the half of a yearly pattern still to come). */
static icalcomponent *
class_observance(zone_ctx *Z, const tz_change *ch, size_t n, size_t first, int64_t end, int64_t hi)
{
    onset *on = itin_xmalloc(n * sizeof *on);
    size_t k = 0, upto_end = 0;
    for (size_t i = first; i < n; i++)
        if (ch[i].from == ch[first].from && ch[i].to == ch[first].to) {
            upto_end += ch[i].at <= end;
            on[k++] = onset_of(&ch[i]);
        }
    size_t fits = 1; /* the longest run from the first that fits a rule */
    rule_kind rule = RULE_NONE;
    while (fits < k && fit_rule(on, fits + 1) != RULE_NONE)
        rule = fit_rule(on, ++fits);
    icalcomponent *o = NULL;
    if (fits >= 2 && fits >= upto_end) {
        /* COUNT when the rule would give a change that tzdata does not. */
        const tz_change *last = NULL;
        for (size_t i = first, seen = 0; i < n && seen < fits; i++)
            if (ch[i].from == ch[first].from && ch[i].to == ch[first].to && ++seen == fits)
                last = &ch[i];
        bool ends = fits < k || last->at + 366 * 86400LL <= hi;
        o = observance(Z, on[0].local, ch[first].from, ch[first].to);
        icalcomponent_add_property(o, rrule(rule, &on[0], ends ? (int)fits : 0));
    } else if (upto_end > 0) {
        o = observance(Z, on[0].local, ch[first].from, ch[first].to);
        for (size_t i = 1; i < upto_end; i++) {
            struct icaldatetimeperiodtype rd = {on[i].local, icalperiodtype_null_period()};
            icalcomponent_add_property(o, icalproperty_new_rdate(rd));
        }
    }
    free(on);
    return o;
}

static int
cmp_observance(const void *a, const void *b)
{
    icalcomponent *x = *(icalcomponent *const *)a, *y = *(icalcomponent *const *)b;
    return icaltime_compare(icalcomponent_get_dtstart(x), icalcomponent_get_dtstart(y));
}

/* The observances of every kind of change (same offsets) that the calendar
 * needs, into Z->vtz in the order of their DTSTART. ch[p] is the last change
 * at or before the first instant `from`. Each kind starts at its own last
 * change at or before `from` when it has one, so that every observance has
 * begun before the first event (ruby-icalendar 2.8 throws on a time before
 * an observance's start). */
static void
add_observances(zone_ctx *Z, const tz_change *ch, size_t n, size_t p, int64_t from, int64_t end, int64_t hi)
{
    icalcomponent **obs = itin_xmalloc((n + 1) * sizeof *obs);
    bool *done = itin_xmalloc((n + 1) * sizeof *done);
    memset(done, 0, (n + 1) * sizeof *done);
    size_t m = 0;
    for (size_t i = p; i < n; i++) {
        if (done[i])
            continue;
        size_t first = i;
        for (size_t j = 0; j < n; j++)
            if (ch[j].from == ch[i].from && ch[j].to == ch[i].to) {
                done[j] = true;
                if (ch[j].at <= from)
                    first = j;
            }
        icalcomponent *o = class_observance(Z, ch, n, first, end, hi);
        if (o)
            obs[m++] = o;
    }
    qsort(obs, m, sizeof *obs, cmp_observance);
    for (size_t i = 0; i < m; i++)
        icalcomponent_add_component(Z->vtz, obs[i]);
    free(obs);
    free(done);
}

icalcomponent *
itin_ics_vtimezone(const char *name, int64_t from, int64_t to)
{
    const itin_zone *z = itin_zone_get(name);
    if (!z)
        return NULL;
    /* From 1 January (UTC) of the year before the first instant, as far as
     * the last change at or before it. */
    int y, m, d;
    itin_date_to_ymd((itin_date)floor_div(from, 86400), &y, &m, &d);
    int64_t lo = (int64_t)itin_date_from_ymd(y - 1, 1, 1) * 86400, hi = to + RULE_HORIZON;
    tz_change *ch;
    size_t n = find_changes(z, lo, hi, &ch), start = 0;
    for (size_t i = 0; i < n && ch[i].at <= from; i++)
        start = i;

    bool none_before = n == 0 || ch[0].at > from;
    int off0 = none_before ? itin_zone_offset(z, lo) : ch[start].to;
    zone_ctx Z = {itin_zone_ical(z), icalcomponent_new_vtimezone(), off0, n ? ch + start : NULL, n - start};
    for (size_t i = start; i < n; i++)
        if (ch[i].to < Z.lowest)
            Z.lowest = ch[i].to;
    icalcomponent_add_property(Z.vtz, icalproperty_new_tzid(name));
    /* libical's readers (Evolution) map the zone to their own by this. */
    icalproperty *loc = icalproperty_new_x(name);
    icalproperty_set_x_name(loc, "X-LIC-LOCATION");
    icalcomponent_add_property(Z.vtz, loc);
    if (none_before) /* no change up to the first instant: the offset since `lo` */
        icalcomponent_add_component(Z.vtz, observance(&Z, wall_clock(lo + off0), off0, off0));
    add_observances(&Z, ch, n, start, from, to, hi);
    free(ch);
    return Z.vtz;
}
