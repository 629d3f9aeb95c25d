/* arena: the bump allocator that owns every entity and string of a plan. */
#ifndef ITIN_ARENA_H
#define ITIN_ARENA_H

#include <stddef.h>
#include <string.h>

#include "itinerary/itinerary.h"

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
/* The concatenation of its arguments, up to a NULL: for strings made in
 * bulk, without printf's two passes. */
char *itin_arena_cat(itin_arena *a, const char *first, ...)
#if defined(__GNUC__)
    __attribute__((sentinel))
#endif
    ;
/* Bytes handed out so far, and bytes taken from malloc for them. */
size_t itin_arena_used(const itin_arena *a);
size_t itin_arena_reserved(const itin_arena *a);

/* Grow an arena array `*items` of `*cap` elements of `size` bytes so that it
 * holds at least `need`; old contents are copied, the old block is abandoned
 * in the arena (geometric growth keeps the waste below the final size). */
void *itin_arena_grow(itin_arena *a, void *items, size_t *cap, size_t need, size_t size);

/* Hand a block from malloc to the arena, which frees it with itself. */
void itin_arena_adopt(itin_arena *a, void *block, size_t size);

/* Append a zeroed element to an arena array and return it. */
#define ITIN_PUSH(arena, arr, n, cap)                                                                        \
    (((n) == (cap) ? (void)((arr) = itin_arena_grow((arena), (arr), &(cap), (n) + 1, sizeof *(arr)))         \
                   : (void)0),                                                                               \
     memset(&(arr)[(n)], 0, sizeof *(arr)), &(arr)[(n)++])

#endif
