/* internal: what the library's stages share and nobody outside may see. */
#ifndef ITIN_INTERNAL_H
#define ITIN_INTERNAL_H

#include <stdarg.h>
#include <string.h>
#include "itinerary/itinerary.h"

/* ------------------------------------------------------------------ arena */

/* A bump allocator: everything of one plan lives and dies with its arena. */
itin_arena *itin_arena_new(void);
void itin_arena_free(itin_arena *a);
/* Free everything handed out, keeping one chunk for reuse. */
void itin_arena_reset(itin_arena *a);
/* Zeroed memory, aligned for any type; aborts on out-of-memory. */
void *itin_arena_alloc(itin_arena *a, size_t size);
char *itin_arena_strdup(itin_arena *a, const char *s);
char *itin_arena_strndup(itin_arena *a, const char *s, size_t n);
char *itin_arena_printf(itin_arena *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Bytes handed out so far, and bytes taken from malloc for them. */
size_t itin_arena_used(const itin_arena *a);
size_t itin_arena_reserved(const itin_arena *a);

/* Grow an arena array `*items` of `*cap` elements of `size` bytes so that it
 * holds at least `need`; old contents are copied, the old block is abandoned
 * in the arena (geometric growth keeps the waste below the final size). */
void *itin_arena_grow(itin_arena *a, void *items, size_t *cap, size_t need, size_t size);

/* Append a zeroed element to an arena array and return it. */
#define ITIN_PUSH(arena, arr, n, cap)                                                                        \
    (((n) == (cap) ? (void)((arr) = itin_arena_grow((arena), (arr), &(cap), (n) + 1, sizeof *(arr)))         \
                   : (void)0),                                                                               \
     memset(&(arr)[(n)], 0, sizeof *(arr)), &(arr)[(n)++])

/* Heap helpers that abort on out-of-memory (for buffers outside any arena). */
void *itin_xmalloc(size_t n);
void *itin_xrealloc(void *p, size_t n);
char *itin_xstrdup(const char *s);

/* ------------------------------------------------------------ diagnostics */

void itin_diags_vadd(itin_diags *d, itin_severity sev, itin_pos pos, const char *fmt, va_list ap);

/* --------------------------------------------------------------- time zones */

/* Time-zone arithmetic on the system's tzdata. A zone handle is an opaque
 * pointer valid for the life of the process. */
typedef struct itin_zone itin_zone;

/* NULL when the name is not "UTC" or a region zone of tzdata's zone.tab
 * (names are case-sensitive; links, posix/, right/, localtime are refused). */
const itin_zone *itin_zone_get(const char *name);
/* Why itin_zone_get refuses a name that tzdata knows, written to buf; NULL
 * when the name is accepted or simply unknown. */
const char *itin_zone_refusal(const char *name, char *buf, size_t n);
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

/* ------------------------------------------------------------ bundled data */

/* The bundled holiday calendars, as includable delegation-format text. */
typedef struct itin_builtin_file {
    const char *name; /* e.g. "<built-in>/holidays/DE.yaml", never a real path */
    const char *text;
    size_t len;
} itin_builtin_file;

extern const itin_builtin_file itin_builtin_holidays[];
extern const size_t itin_builtin_holidays_count;

#endif
