/* who: operations on who-masks, the sets of participants an item concerns. */
#include "who.h"

#include <string.h>

#include "xalloc.h"

size_t
itin_who_words(size_t n)
{
    return n ? (n + 63) / 64 : 1;
}

uint64_t *
itin_who_new(size_t words)
{
    return itin_xcalloc(words ? words : 1, sizeof(uint64_t));
}

void
itin_who_clear(uint64_t *mask, size_t words)
{
    memset(mask, 0, words * sizeof *mask);
}

void
itin_who_add_all(uint64_t *mask, size_t n)
{
    for (size_t w = 0; w < n / 64; w++)
        mask[w] = ~(uint64_t)0;
    if (n % 64)
        mask[n / 64] |= ((uint64_t)1 << (n % 64)) - 1;
}

void
itin_who_add_group(uint64_t *mask, const itin_group *g)
{
    for (size_t k = 0; k < g->n_members; k++)
        itin_who_add(mask, g->members[k]);
}

bool
itin_who_is_all(const uint64_t *mask, size_t n)
{
    if (n == 0)
        return false;
    for (size_t w = 0; w < n / 64; w++)
        if (mask[w] != ~(uint64_t)0)
            return false;
    uint64_t tail = ((uint64_t)1 << (n % 64)) - 1;
    return n % 64 == 0 || (mask[n / 64] & tail) == tail;
}

bool
itin_who_intersects(const uint64_t *a, const uint64_t *b, size_t words)
{
    for (size_t w = 0; w < words; w++)
        if (a[w] & b[w])
            return true;
    return false;
}

bool
itin_who_equal(const uint64_t *a, const uint64_t *b, size_t words)
{
    return memcmp(a, b, words * sizeof *a) == 0;
}

size_t
itin_who_count(const uint64_t *mask, size_t words)
{
    size_t n = 0;
    for (size_t w = 0; w < words; w++)
        for (uint64_t v = mask[w]; v; v &= v - 1)
            n++;
    return n;
}

size_t
itin_who_next(const uint64_t *mask, size_t n, size_t from)
{
    while (from < n) {
        uint64_t v = mask[from / 64] >> (from % 64);
        if (v) {
            size_t i = from;
            while (!(v & 1)) {
                v >>= 1;
                i++;
            }
            return i < n ? i : n;
        }
        from = (from / 64 + 1) * 64;
    }
    return n;
}
