/* ics_zones: the times of the iCalendar exporter — DTSTART and DTEND as the
 * scheduler resolved them, with the TZID of their place, and the VTIMEZONE of
 * every zone a TZID names (see export_ics.c for the choices). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ics.h"

struct icaltimetype
itin_ics_local_time(itin_date date, int minutes, bool is_date)
{
    struct icaltimetype t = icaltime_null_time();
    itin_date_to_ymd(date, &t.year, &t.month, &t.day);
    t.is_date = is_date;
    if (!is_date) {
        t.hour = minutes / 60;
        t.minute = minutes % 60;
    }
    return t;
}

/* By the project's civil-date arithmetic, not libical's (which turns a time
 * after the year 2582 or so into a null time, written 00000000T000000). */
struct icaltimetype
itin_ics_utc_time(int64_t t)
{
    int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400), secs = t - days * 86400;
    struct icaltimetype u = itin_ics_local_time((itin_date)days, (int)(secs / 60), false);
    u.second = (int)(secs % 60);
    u.zone = icaltimezone_get_utc_timezone();
    return u;
}

static bool
is_utc_zone(const char *name)
{
    const itin_zone *z = name ? itin_zone_get(name) : NULL;
    return z && itin_zone_ical(z) == (void *)icaltimezone_get_utc_timezone();
}

/* A zone that takes a VTIMEZONE: known to libical, with a component. */
static icaltimezone *
vtimezone_zone(const char *name)
{
    const itin_zone *z = name ? itin_zone_get(name) : NULL;
    if (!z)
        return NULL;
    icaltimezone *ical = itin_zone_ical(z);
    if (ical == icaltimezone_get_utc_timezone() || !icaltimezone_get_component(ical))
        return NULL;
    return ical;
}

/* Whether the local date and minute of zone `tz`, with TZID, denote the
 * instant t for every reader: only when that local time happens once. One
 * that happens twice (the clocks go back) is the first occurrence for
 * RFC 5545 §3.3.5, so 02:30 after the change on 2023-10-29 in Europe/Berlin
 * would be read as the 02:30 an hour earlier, and libical (3.0) reads it as
 * the second occurrence, so even the first is not safe. */
static bool
local_denotes(const char *tz, itin_date date, int minutes, int64_t t)
{
    const itin_zone *z = itin_zone_get(tz);
    int64_t readings[2];
    return z && itin_zone_resolve(z, date, minutes, readings) == ITIN_LOCAL_OK && readings[0] == t;
}

/* The TZID a DTSTART (or DTEND when `end`) of a timed item is written with,
 * or NULL for the UTC form (RFC 5545 §3.3.5, form #2): a place whose zone is
 * UTC itself, a local time of a repeated hour (see local_denotes()), or (for
 * an unscheduled plan) a zone without a VTIMEZONE. */
static const char *
tzid_of(const itin_item *x, bool end)
{
    const char *tz = end ? x->tz_end : x->tz_start;
    if (is_utc_zone(tz) || !vtimezone_zone(tz))
        return NULL;
    itin_date date = end ? x->local_end_date : x->local_start_date;
    int minutes = end ? x->local_end : x->local_start;
    return local_denotes(tz, date, minutes, end ? x->end : x->start) ? tz : NULL;
}

/* The scheduler's local time with TZID, or the instant in UTC. */
ics_when
itin_ics_when(bool end, const itin_item *x)
{
    ics_when w = {tzid_of(x, end), {0}};
    if (w.tzid)
        w.t = end ? itin_ics_local_time(x->local_end_date, x->local_end, false)
                  : itin_ics_local_time(x->local_start_date, x->local_start, false);
    else
        w.t = itin_ics_utc_time(end ? x->end : x->start);
    return w;
}

icalproperty *
itin_ics_when_property(bool end, ics_when w)
{
    icalproperty *p = end ? icalproperty_new_dtend(w.t) : icalproperty_new_dtstart(w.t);
    if (w.tzid)
        icalproperty_add_parameter(p, icalparameter_new_tzid(w.tzid));
    return p;
}

/* The zones that TZID parameters of item x name, into `zones`. */
static void
collect_zones(const itin_item *x, ics_strset *zones)
{
    if (x->all_day)
        return;
    for (int end = 0; end < 2; end++) {
        const char *tzid = tzid_of(x, end);
        if (tzid)
            itin_ics_strset_add(zones, tzid);
    }
}

static int
cmp_zone_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The VTIMEZONEs of the zones collected, sorted by name. */
static void
add_zones(icalcomponent *cal, ics_strset *zones, int64_t first, int64_t last)
{
    char **names = itin_xmalloc((zones->n ? zones->n : 1) * sizeof *names);
    size_t nn = 0;
    for (size_t i = 0; i < zones->cap; i++)
        if (zones->slot[i])
            names[nn++] = zones->slot[i];
    qsort(names, nn, sizeof *names, cmp_zone_name);
    for (size_t i = 0; i < nn; i++) {
        icalcomponent *vtz = itin_ics_vtimezone(names[i], first, last);
        if (vtz)
            icalcomponent_add_component(cal, vtz);
    }
    free(names);
    itin_ics_strset_free(zones);
}

void
itin_ics_add_vtimezones(icalcomponent *cal, const itin_itinerary *it)
{
    ics_strset zones = {0};
    int64_t first = 0, last = 0;
    bool any = false;
    for (size_t k = 0; k < it->n_days; k++)
        for (size_t i = 0; i < it->days[k].n_items; i++) {
            const itin_item *x = &it->items[it->days[k].items[i]];
            if (!any || x->start < first)
                first = x->start;
            if (!any || x->end > last)
                last = x->end;
            any = true;
            collect_zones(x, &zones);
        }
    add_zones(cal, &zones, first, last);
}

void
itin_ics_add_vtimezones_of(icalcomponent *cal, const itin_item *const *items, size_t n, int64_t first,
                           int64_t last)
{
    ics_strset zones = {0};
    for (size_t i = 0; i < n; i++)
        collect_zones(items[i], &zones);
    add_zones(cal, &zones, first, last);
}
