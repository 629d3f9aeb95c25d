/* who: operations on who-masks, the sets of participants an item concerns. */
#ifndef ITIN_WHO_H
#define ITIN_WHO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "itinerary/itinerary.h"

/* A mask is `words` 64-bit words, participant i being bit i % 64 of word
 * i / 64; itin_who_add() and itin_who_has() (in the public header) set and
 * test one participant. A plan's masks all have plan->who_words words. */

/* Words in a mask for n participants (at least one). */
size_t itin_who_words(size_t n);
/* A new empty mask on the heap (the caller frees it); aborts on out-of-memory. */
uint64_t *itin_who_new(size_t words);
void itin_who_clear(uint64_t *mask, size_t words);
/* Add participants 0..n-1: everyone in a plan of n participants. */
void itin_who_add_all(uint64_t *mask, size_t n);
/* Add every member of a group. */
void itin_who_add_group(uint64_t *mask, const itin_group *g);
/* Whether participants 0..n-1 are all in the mask (false when n is 0). */
bool itin_who_is_all(const uint64_t *mask, size_t n);
/* Whether the masks share a participant. */
bool itin_who_intersects(const uint64_t *a, const uint64_t *b, size_t words);
/* Whether the masks hold the same participants. */
bool itin_who_equal(const uint64_t *a, const uint64_t *b, size_t words);
/* How many participants the mask holds. */
size_t itin_who_count(const uint64_t *mask, size_t words);
/* The first participant >= from in the mask, or n when none is below n. */
size_t itin_who_next(const uint64_t *mask, size_t n, size_t from);

/* Texts kept by mask and a tag (such as which kind of text it is), for
 * renderers that say who attends once per distinct set of attendees: open
 * addressing in an arena, which owns the table and its copies of the masks.
 * NULL is the empty memo. */
typedef struct itin_who_memo itin_who_memo;

/* The text kept for (who, tag), or NULL. */
const char *itin_who_memo_get(const itin_who_memo *m, const uint64_t *who, size_t words, int tag);
/* Keep `text` (not copied) for (who, tag), which is not kept yet; *m is
 * made in A when NULL. */
void itin_who_memo_put(itin_who_memo **m, itin_arena *A, const uint64_t *who, size_t words, int tag,
                       const char *text);

/* A set of distinct masks, so that items with the same attendees share one
 * copy: the table is on the heap (itin_who_set_free() frees it), the copies
 * in the arena given to each call, and outlive the set. Zero is the empty
 * set. */
typedef struct itin_who_set {
    const uint64_t **v; /* NULL: a free slot */
    size_t cap, n;      /* cap a power of two */
} itin_who_set;

/* The set's copy of the mask, made in A when the set has none yet. */
const uint64_t *itin_who_set_intern(itin_who_set *s, itin_arena *A, const uint64_t *who, size_t words);
void itin_who_set_free(itin_who_set *s);

/* For each participant i (of n) in the mask, in increasing order:
 *   ITIN_WHO_EACH (i, mask, n) { ... } */
#define ITIN_WHO_EACH(i, mask, n)                                                                            \
    for (size_t i = itin_who_next((mask), (n), 0); i < (n); i = itin_who_next((mask), (n), i + 1))

#endif
