/* tz: time-zone arithmetic on the system's tzdata, through libical. */
#ifndef ITIN_TZ_H
#define ITIN_TZ_H

#include <stdint.h>

#include "itinerary/itinerary.h"

/* A zone handle is an opaque pointer valid for the life of the process. */
typedef struct itin_zone itin_zone;

/* NULL when the name is not a known IANA zone (names are case-sensitive). */
const itin_zone *itin_zone_get(const char *name);
const char *itin_zone_name(const itin_zone *z);
/* The libical zone behind a handle (an icaltimezone *), for the .ics exporter. */
void *itin_zone_ical(const itin_zone *z);
/* Offset from UTC in seconds at the absolute time t (seconds since the epoch). */
int itin_zone_offset(const itin_zone *z, int64_t t);

typedef enum itin_local_kind {
    ITIN_LOCAL_OK = 0,
    ITIN_LOCAL_GAP,       /* does not exist (spring forward) */
    ITIN_LOCAL_AMBIGUOUS, /* exists twice (fall back): the first is returned */
} itin_local_kind;

/* The absolute time of a local date and minute in zone z. */
itin_local_kind itin_zone_resolve(const itin_zone *z, itin_date date, int minutes, int64_t *t);

/* Local date and minutes of absolute time t in zone z. */
void itin_zone_local(const itin_zone *z, int64_t t, itin_date *date, int *minutes, int *offset);

#endif
