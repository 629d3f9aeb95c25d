/* tz: local time <-> absolute time on the system's tzdata (through libical's
 * zone tables, which read /usr/share/zoneinfo). Local-time resolution is done
 * here, not by libical, so that gaps and folds follow RFC 5545 §3.3.5. */
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "tz.h"
#include "xalloc.h"

/* Offsets are looked up often and change at most a few times a year: each
 * zone remembers, for recent UTC days, the offset when it held all day. */
#define DAY_CACHE 64

typedef struct day_offset {
    int64_t day; /* UTC day number, or INT64_MIN when empty */
    int offset;
} day_offset;

struct itin_zone {
    icaltimezone *ical;
    const char *name;
    bool utc;
    day_offset cache[DAY_CACHE];
};

/* Zones are few (one per place's zone); a small list is enough. Each handle
 * is allocated once and kept for the life of the process. */
static struct itin_zone **zones;
static size_t n_zones, cap_zones;

const itin_zone *
itin_zone_get(const char *name)
{
    for (size_t i = 0; i < n_zones; i++)
        if (strcmp(zones[i]->name, name) == 0)
            return zones[i];
    /* libical folds some names; insist on the exact, case-sensitive IANA name. */
    icaltimezone *z =
        strcmp(name, "UTC") == 0 ? icaltimezone_get_utc_timezone() : icaltimezone_get_builtin_timezone(name);
    if (!z)
        return NULL;
    const char *loc = icaltimezone_get_location(z);
    if (z != icaltimezone_get_utc_timezone() && (!loc || strcmp(loc, name) != 0))
        return NULL;
    if (n_zones == cap_zones) {
        cap_zones = cap_zones ? cap_zones * 2 : 16;
        zones = itin_xrealloc(zones, cap_zones * sizeof *zones);
    }
    struct itin_zone *h = itin_xmalloc(sizeof *h);
    *h = (struct itin_zone){z, itin_xstrdup(name), z == icaltimezone_get_utc_timezone(), {{0, 0}}};
    for (size_t i = 0; i < DAY_CACHE; i++)
        h->cache[i].day = INT64_MIN;
    zones[n_zones++] = h;
    return h;
}

const char *
itin_zone_name(const itin_zone *z)
{
    return z->name;
}

void *
itin_zone_ical(const itin_zone *z)
{
    return z->ical;
}

static int
offset_at(const itin_zone *z, int64_t t)
{
    struct icaltimetype tt = icaltime_from_timet_with_zone((time_t)t, 0, icaltimezone_get_utc_timezone());
    int is_dst = 0;
    return icaltimezone_get_utc_offset_of_utc_time(z->ical, &tt, &is_dst);
}

int
itin_zone_offset(const itin_zone *z, int64_t t)
{
    if (z->utc)
        return 0;
    int64_t day = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    day_offset *c = (day_offset *)&z->cache[(uint64_t)day % DAY_CACHE];
    if (c->day == day)
        return c->offset;
    int first = offset_at(z, day * 86400), last = offset_at(z, day * 86400 + 86399);
    if (first != last)
        return offset_at(z, t); /* a transition that day: no shortcut */
    c->day = day;
    c->offset = first;
    return first;
}

itin_local_kind
itin_zone_resolve(const itin_zone *z, itin_date date, int minutes, int64_t *t)
{
    int64_t local = (int64_t)date * 86400 + (int64_t)minutes * 60;
    /* The offsets in force a day either side bracket every transition near
     * `local`; each candidate is kept when it maps back to `local`. */
    int64_t cand[2] = {local - itin_zone_offset(z, local - 86400),
                       local - itin_zone_offset(z, local + 86400)};
    int64_t ok[2];
    int n = 0;
    for (int i = 0; i < 2; i++) {
        if (cand[i] + itin_zone_offset(z, cand[i]) != local)
            continue;
        if (n == 1 && ok[0] == cand[i])
            continue;
        ok[n++] = cand[i];
    }
    if (n == 0) {
        /* Nonexistent: report the instant one would get by reading the time
         * with the offset in force before the gap. */
        *t = cand[0];
        return ITIN_LOCAL_GAP;
    }
    if (n == 2) {
        *t = ok[0] < ok[1] ? ok[0] : ok[1];
        return ITIN_LOCAL_AMBIGUOUS;
    }
    *t = ok[0];
    return ITIN_LOCAL_OK;
}

void
itin_zone_local(const itin_zone *z, int64_t t, itin_date *date, int *minutes, int *offset)
{
    int off = itin_zone_offset(z, t);
    int64_t local = t + off;
    int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
    if (date)
        *date = (itin_date)days;
    if (minutes)
        *minutes = (int)((local - days * 86400) / 60);
    if (offset)
        *offset = off;
}
