/* tz: time-zone arithmetic on the system's tzdata, through libical. */
#ifndef ITIN_TZ_H
#define ITIN_TZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "itinerary/itinerary.h"

/* A zone handle is an opaque pointer valid for the life of the process. */
typedef struct itin_zone itin_zone;

/* NULL when the name is not "UTC" or a region zone of tzdata's zone.tab
 * (names are case-sensitive; links, posix/, right/, localtime are refused). */
const itin_zone *itin_zone_get(const char *name);
/* Why itin_zone_get refuses a name that tzdata knows, written to buf; NULL
 * when the name is accepted or simply unknown. */
const char *itin_zone_refusal(const char *name, char *buf, size_t n);
const char *itin_zone_name(const itin_zone *z);
/* The region zones tzdata's zone.tab lists for a country (ISO 3166-1
 * alpha-2), in its order: up to `max` in out; returns how many there are. */
size_t itin_zones_of_country(const char *cc, const char **out, size_t max);
/* A zone name close to an unknown one (another case, a typo), or NULL. */
const char *itin_zone_suggest(const char *name);
/* A country's English name from tzdata's iso3166.tab, in buf; NULL if unknown. */
const char *itin_country_name(const char *cc, char *buf, size_t n);
/* The libical zone behind a handle (an icaltimezone *), for the .ics exporter. */
void *itin_zone_ical(const itin_zone *z);
/* Offset from UTC in seconds at the absolute time t (seconds since the epoch). */
int itin_zone_offset(const itin_zone *z, int64_t t);

typedef enum itin_local_kind {
    ITIN_LOCAL_OK = 0,
    ITIN_LOCAL_GAP,       /* does not exist (spring forward) */
    ITIN_LOCAL_AMBIGUOUS, /* exists twice (fall back): the first is returned */
} itin_local_kind;

/* The absolute time of a local date and minute in zone z: t[0] is the one
 * taken (RFC 5545 §3.3.5), t[1] the other reading — the second occurrence of
 * an ambiguous time, or a nonexistent time read with the offset after the
 * gap; equal to t[0] when the time is unique. */
itin_local_kind itin_zone_resolve(const itin_zone *z, itin_date date, int minutes, int64_t t[2]);
/* The first instant in (lo, hi] whose offset differs from the one at lo. */
int64_t itin_zone_transition(const itin_zone *z, int64_t lo, int64_t hi);
/* Whether the zone skipped a whole calendar date (Pacific/Apia 2011-12-30). */
bool itin_zone_skips_date(const itin_zone *z, itin_date date);

/* Local date and minutes of absolute time t in zone z. */
void itin_zone_local(const itin_zone *z, int64_t t, itin_date *date, int *minutes, int *offset);

#endif
