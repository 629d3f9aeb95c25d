/* who: operations on who-masks, the sets of participants an item concerns. */
#include "who.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
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

typedef struct who_memo_entry {
    uint64_t hash;
    const uint64_t *who; /* NULL: a free slot */
    int tag;
    const char *text;
} who_memo_entry;

struct itin_who_memo {
    who_memo_entry *e;
    size_t cap, n; /* cap a power of two */
};

static uint64_t
who_hash(const uint64_t *who, size_t words, int tag)
{
    uint64_t h = 0x9e3779b97f4a7c15u ^ (uint64_t)(unsigned)tag;
    for (size_t w = 0; w < words; w++) {
        h ^= who[w];
        h *= 0xff51afd7ed558ccdu;
        h ^= h >> 33;
    }
    return h;
}

static who_memo_entry *
who_memo_slot(const itin_who_memo *m, const uint64_t *who, size_t words, int tag, uint64_t h)
{
    for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        who_memo_entry *e = &m->e[i];
        if (!e->who || (e->hash == h && e->tag == tag && itin_who_equal(e->who, who, words)))
            return e;
    }
}

const char *
itin_who_memo_get(const itin_who_memo *m, const uint64_t *who, size_t words, int tag)
{
    if (!m || !who)
        return NULL;
    return who_memo_slot(m, who, words, tag, who_hash(who, words, tag))->text;
}

void
itin_who_memo_put(itin_who_memo **mp, itin_arena *A, const uint64_t *who, size_t words, int tag,
                  const char *text)
{
    if (!who)
        return;
    itin_who_memo *m = *mp;
    if (!m)
        m = *mp = itin_arena_alloc(A, sizeof *m);
    if (2 * (m->n + 1) > m->cap) { /* at most half full */
        itin_who_memo g = {NULL, m->cap ? 2 * m->cap : 64, 0};
        g.e = itin_arena_alloc(A, g.cap * sizeof *g.e);
        for (size_t i = 0; i < m->cap; i++)
            if (m->e[i].who) {
                *who_memo_slot(&g, m->e[i].who, words, m->e[i].tag, m->e[i].hash) = m->e[i];
                g.n++;
            }
        *m = g;
    }
    uint64_t h = who_hash(who, words, tag);
    uint64_t *copy = itin_arena_alloc(A, words * sizeof *copy);
    memcpy(copy, who, words * sizeof *copy);
    *who_memo_slot(m, who, words, tag, h) = (who_memo_entry){h, copy, tag, text};
    m->n++;
}

/* ------------------------------------------------------------ interning */

static const uint64_t **
who_set_slot(const itin_who_set *s, const uint64_t *who, size_t words)
{
    for (size_t i = who_hash(who, words, 0) & (s->cap - 1);; i = (i + 1) & (s->cap - 1))
        if (!s->v[i] || itin_who_equal(s->v[i], who, words))
            return &s->v[i];
}

const uint64_t *
itin_who_set_intern(itin_who_set *s, itin_arena *A, const uint64_t *who, size_t words)
{
    if (s->cap) {
        const uint64_t **e = who_set_slot(s, who, words);
        if (*e)
            return *e;
    }
    if (2 * (s->n + 1) > s->cap) { /* at most half full */
        itin_who_set g = {NULL, s->cap ? 2 * s->cap : 64, s->n};
        g.v = itin_xcalloc(g.cap, sizeof *g.v);
        for (size_t i = 0; i < s->cap; i++)
            if (s->v[i])
                *who_set_slot(&g, s->v[i], words) = s->v[i];
        free(s->v);
        *s = g;
    }
    uint64_t *copy = itin_arena_alloc(A, words * sizeof *copy);
    memcpy(copy, who, words * sizeof *copy);
    *who_set_slot(s, who, words) = copy;
    s->n++;
    return copy;
}

void
itin_who_set_free(itin_who_set *s)
{
    free(s->v);
    *s = (itin_who_set){0};
}
