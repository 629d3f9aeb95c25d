/* tz: local time <-> absolute time on the system's tzdata (through libical's
 * zone tables, which read /usr/share/zoneinfo). Local-time resolution is done
 * here, not by libical, so that gaps and folds follow RFC 5545 §3.3.5. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libical/ical.h>

#include "tz.h"
#include "values.h"
#include "xalloc.h"

/* Offsets are looked up often and change at most a few times a year: each
 * zone remembers, for recent UTC days, the offset when it held all day; and
 * for the last few days when it did not, the offset of each quarter hour
 * that had one throughout. */
#define DAY_CACHE 64
#define SHIFT_DAYS 4
#define QUARTERS 96
#define UNKNOWN_OFFSET INT_MIN

typedef struct day_offset {
    int64_t day; /* UTC day number, or INT64_MIN when empty */
    int offset;
} day_offset;

typedef struct shift_day {
    int64_t day;           /* UTC day number, or INT64_MIN when empty */
    int quarter[QUARTERS]; /* offset, or UNKNOWN_OFFSET: not looked up yet, */
    bool mixed[QUARTERS];  /* or a change within that quarter hour */
} shift_day;

struct itin_zone {
    icaltimezone *ical;
    const char *name;
    bool utc;
    day_offset cache[DAY_CACHE];
    shift_day shifts[SHIFT_DAYS];
    unsigned next_shift; /* the slot the next shift day replaces */
};

/* Zones are few (one per place's zone); a small list is enough. Each handle
 * is allocated once and kept for the life of the process. */
static struct itin_zone **zones;
static size_t n_zones, cap_zones;

/* ------------------------------------------------------------------ names */

/* The zones the file may name: "UTC" and the region zones tzdata lists in
 * zone1970.tab and zone.tab (canonical names such as Europe/Berlin). Read
 * once; kept for the life of the process. */
#define ZONEINFO "/usr/share/zoneinfo/"

static char **region_zones;
static char (*region_country)[3]; /* zone.tab's one country, "" from zone1970.tab */
static size_t n_region_zones, cap_region_zones;
static bool region_zones_read, region_zones_found;

static void
read_zone_table(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    region_zones_found = true;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#')
            continue;
        /* country codes, coordinates, name[, comment], separated by tabs */
        char *a = strchr(line, '\t'), *b = a ? strchr(a + 1, '\t') : NULL;
        if (!b)
            continue;
        char *name = b + 1;
        name[strcspn(name, "\t\r\n")] = '\0';
        if (n_region_zones == cap_region_zones) {
            cap_region_zones = cap_region_zones ? cap_region_zones * 2 : 512;
            region_zones = itin_xrealloc(region_zones, cap_region_zones * sizeof *region_zones);
            region_country = itin_xrealloc(region_country, cap_region_zones * sizeof *region_country);
        }
        region_country[n_region_zones][0] = '\0';
        if (a - line == 2)
            memcpy(region_country[n_region_zones], line, 2), region_country[n_region_zones][2] = '\0';
        region_zones[n_region_zones++] = itin_xstrdup(name);
    }
    fclose(f);
}

static void
read_zone_tables(void)
{
    if (!region_zones_read) {
        region_zones_read = true;
        read_zone_table(ZONEINFO "zone1970.tab");
        read_zone_table(ZONEINFO "zone.tab");
    }
}

static bool
is_region_zone(const char *name)
{
    read_zone_tables();
    if (!region_zones_found) /* no tables: trust the names libical knows */
        return true;
    for (size_t i = 0; i < n_region_zones; i++)
        if (strcmp(region_zones[i], name) == 0)
            return true;
    return false;
}

/* The canonical zone a link in tzdata names (tzdata.zi: "L TARGET LINK"),
 * written to buf, or NULL. */
static const char *
link_target(const char *name, char *buf, size_t n)
{
    FILE *f = fopen(ZONEINFO "tzdata.zi", "r");
    if (!f)
        return NULL;
    char line[512];
    const char *found = NULL;
    while (!found && fgets(line, sizeof line, f)) {
        if (line[0] != 'L' || line[1] != ' ')
            continue;
        char *target = line + 2, *sp = strchr(target, ' ');
        if (!sp)
            continue;
        *sp = '\0';
        char *link = sp + 1;
        link[strcspn(link, " \r\n")] = '\0';
        if (strcmp(link, name) == 0 && strlen(target) < n) {
            strcpy(buf, target);
            found = buf;
        }
    }
    fclose(f);
    return found;
}

const char *
itin_zone_refusal(const char *name, char *buf, size_t n)
{
    char target[128];
    if (itin_zone_get(name))
        return NULL;
    if (strcmp(name, "localtime") == 0 || strcmp(name, "posixrules") == 0)
        snprintf(buf, n,
                 "it is this machine's setting, not a place: write the zone of the place, such as "
                 "Europe/Berlin");
    else if (strcmp(name, "Factory") == 0)
        snprintf(buf, n,
                 "it is a placeholder with no offset of its own: write the zone of the place, such as "
                 "Europe/Berlin");
    else if (strncmp(name, "posix/", 6) == 0 && itin_zone_get(name + 6))
        snprintf(buf, n, "it is a copy some systems keep of %s: write %s", name + 6, name + 6);
    else if (strncmp(name, "right/", 6) == 0 && itin_zone_get(name + 6))
        snprintf(buf, n, "it counts leap seconds, which shifts every time by up to half a minute: write %s",
                 name + 6);
    else if (strcmp(name, "GMT") == 0 || strcmp(name, "Etc/UTC") == 0 || strcmp(name, "Etc/GMT") == 0)
        snprintf(buf, n, "write UTC");
    else if (link_target(name, target, sizeof target) && itin_zone_get(target))
        snprintf(buf, n, "it is another name of %s (not on every system): write %s", target, target);
    else if (icaltimezone_get_builtin_timezone(name))
        snprintf(buf, n,
                 "it is not a region zone of tzdata's zone.tab: write the zone of the place, such as "
                 "Europe/Berlin");
    else
        return NULL; /* simply unknown */
    return buf;
}

size_t
itin_zones_of_country(const char *cc, const char **out, size_t max)
{
    read_zone_tables();
    size_t k = 0;
    for (size_t i = 0; i < n_region_zones; i++) {
        if (strcmp(region_country[i], cc) != 0 || !itin_zone_get(region_zones[i]))
            continue;
        /* zone1970.tab and zone.tab may both list it for the country. */
        size_t j = 0;
        while (j < i &&
               !(strcmp(region_country[j], cc) == 0 && strcmp(region_zones[j], region_zones[i]) == 0))
            j++;
        if (j < i)
            continue;
        if (k < max)
            out[k] = region_zones[i];
        k++;
    }
    return k;
}

const char *
itin_zone_suggest(const char *name)
{
    read_zone_tables();
    for (size_t i = 0; i < n_region_zones; i++)
        if (strcasecmp(region_zones[i], name) == 0 && itin_zone_get(region_zones[i]))
            return region_zones[i];
    const char *s = itin_suggest(name, (const char *const *)region_zones, n_region_zones);
    return s && itin_zone_get(s) ? s : NULL;
}

const char *
itin_country_name(const char *cc, char *buf, size_t n)
{
    FILE *f = fopen(ZONEINFO "iso3166.tab", "r");
    if (!f)
        return NULL;
    char line[256];
    const char *found = NULL;
    while (!found && fgets(line, sizeof line, f)) {
        if (line[0] == '#' || strncmp(line, cc, 2) != 0 || line[2] != '\t')
            continue;
        line[strcspn(line, "\r\n")] = '\0';
        snprintf(buf, n, "%s", line + 3);
        found = buf;
    }
    fclose(f);
    return found;
}

const itin_zone *
itin_zone_get(const char *name)
{
    for (size_t i = 0; i < n_zones; i++)
        if (strcmp(zones[i]->name, name) == 0)
            return zones[i];
    if (strcmp(name, "UTC") != 0 && !is_region_zone(name))
        return NULL;
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
    *h = (struct itin_zone){
        .ical = z, .name = itin_xstrdup(name), .utc = z == icaltimezone_get_utc_timezone()};
    for (size_t i = 0; i < DAY_CACHE; i++)
        h->cache[i].day = INT64_MIN;
    for (size_t i = 0; i < SHIFT_DAYS; i++)
        h->shifts[i].day = INT64_MIN;
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

/* The offset at t on a UTC day with a transition, by quarter hours: one
 * that had one offset throughout is looked up once. */
static int
shift_offset(const itin_zone *zc, int64_t day, int64_t t)
{
    struct itin_zone *z = (struct itin_zone *)zc;
    shift_day *s = NULL;
    for (size_t i = 0; i < SHIFT_DAYS && !s; i++)
        if (z->shifts[i].day == day)
            s = &z->shifts[i];
    if (!s) {
        s = &z->shifts[z->next_shift++ % SHIFT_DAYS];
        s->day = day;
        for (size_t q = 0; q < QUARTERS; q++) {
            s->quarter[q] = UNKNOWN_OFFSET;
            s->mixed[q] = false;
        }
    }
    size_t q = (size_t)((t - day * 86400) / 900);
    if (s->mixed[q])
        return offset_at(z, t);
    if (s->quarter[q] == UNKNOWN_OFFSET) {
        int64_t from = day * 86400 + (int64_t)q * 900;
        int a = offset_at(z, from), b = offset_at(z, from + 899);
        if (a != b) {
            s->mixed[q] = true;
            return offset_at(z, t);
        }
        s->quarter[q] = a;
    }
    return s->quarter[q];
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
    for (size_t i = 0; i < SHIFT_DAYS; i++)
        if (z->shifts[i].day == day)
            return shift_offset(z, day, t);
    int first = offset_at(z, day * 86400), last = offset_at(z, day * 86400 + 86399);
    if (first != last)
        return shift_offset(z, day, t); /* a transition that day */
    c->day = day;
    c->offset = first;
    return first;
}

itin_local_kind
itin_zone_resolve(const itin_zone *z, itin_date date, int minutes, int64_t t[2])
{
    int64_t local = (int64_t)date * 86400 + (int64_t)minutes * 60;
    /* The offsets in force a day either side bracket every transition near
     * `local`; each candidate is kept when it maps back to `local`. */
    int64_t cand[2] = {local - itin_zone_offset(z, local - 86400),
                       local - itin_zone_offset(z, local + 86400)};
    int64_t ok[2];
    int n = 0;
    /* Far from any transition the two are the same time, checked once. */
    for (int i = 0; i < (cand[1] == cand[0] ? 1 : 2); i++)
        if (cand[i] + itin_zone_offset(z, cand[i]) == local)
            ok[n++] = cand[i];
    if (n == 0) {
        /* Nonexistent: read with the offset before the gap, then after it
         * (RFC 5545 §3.3.5 takes the first). */
        t[0] = cand[0];
        t[1] = cand[1];
        return ITIN_LOCAL_GAP;
    }
    if (n == 2) {
        t[0] = ok[0] < ok[1] ? ok[0] : ok[1];
        t[1] = ok[0] < ok[1] ? ok[1] : ok[0];
        return ITIN_LOCAL_AMBIGUOUS;
    }
    t[0] = t[1] = ok[0];
    return ITIN_LOCAL_OK;
}

int64_t
itin_zone_transition(const itin_zone *z, int64_t lo, int64_t hi)
{
    int before = itin_zone_offset(z, lo);
    while (hi - lo > 1) {
        int64_t mid = lo + (hi - lo) / 2;
        if (itin_zone_offset(z, mid) == before)
            lo = mid;
        else
            hi = mid;
    }
    return hi;
}

bool
itin_zone_skips_date(const itin_zone *z, itin_date date)
{
    /* A transition moves the clocks by at most a day, and a date exists when
     * any of its half hours does. */
    for (int m = 0; m < 1440; m += 30) {
        int64_t t[2];
        if (itin_zone_resolve(z, date, m, t) != ITIN_LOCAL_GAP)
            return false;
    }
    int64_t t[2];
    return itin_zone_resolve(z, date, 1439, t) == ITIN_LOCAL_GAP;
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
