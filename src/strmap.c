/* strmap: an open-addressing hash map from borrowed strings to indices. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "xalloc.h"

uint64_t
itin_hash_string(const char *s)
{
    uint64_t h = 14695981039346656037ULL; /* FNV-1a, 64-bit: offset basis and prime */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

void
itin_strmap_init(itin_strmap *m)
{
    memset(m, 0, sizeof *m);
}

void
itin_strmap_free(itin_strmap *m)
{
    free(m->keys);
    free(m->vals);
    itin_strmap_init(m);
}

/* The first slot to probe: FNV-1a's low bits depend only on the low bits of
 * the bytes, so they are mixed with the high ones first. */
static size_t
slot_of(const char *key, size_t cap)
{
    uint64_t h = itin_hash_string(key);
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ULL;
    h ^= h >> 32;
    return (size_t)h & (cap - 1);
}

static void
rehash(itin_strmap *m, size_t ncap)
{
    itin_strmap n = {itin_xmalloc(ncap * sizeof *n.keys), itin_xmalloc(ncap * sizeof *n.vals), ncap, 0};
    memset(n.keys, 0, ncap * sizeof *n.keys);
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i])
            itin_strmap_put(&n, m->keys[i], m->vals[i], NULL);
    free(m->keys);
    free(m->vals);
    *m = n;
}

int
itin_strmap_put(itin_strmap *m, const char *key, size_t val, size_t *old)
{
    if ((m->count + 1) * 2 > m->cap)
        rehash(m, m->cap ? m->cap * 2 : 64);
    size_t i = slot_of(key, m->cap);
    while (m->keys[i]) {
        if (strcmp(m->keys[i], key) == 0) {
            if (old)
                *old = m->vals[i];
            return 0;
        }
        i = (i + 1) & (m->cap - 1);
    }
    m->keys[i] = key;
    m->vals[i] = val;
    m->count++;
    return 1;
}

int
itin_strmap_get(const itin_strmap *m, const char *key, size_t *val)
{
    if (!m->cap)
        return 0;
    size_t i = slot_of(key, m->cap);
    while (m->keys[i]) {
        if (strcmp(m->keys[i], key) == 0) {
            if (val)
                *val = m->vals[i];
            return 1;
        }
        i = (i + 1) & (m->cap - 1);
    }
    return 0;
}

static uint64_t
mix(uint64_t a, uint64_t b)
{
    uint64_t h = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL + (a << 6) + (a >> 2));
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

void
itin_pairmap_init(itin_pairmap *m)
{
    memset(m, 0, sizeof *m);
}

void
itin_pairmap_free(itin_pairmap *m)
{
    free(m->a);
    free(m->b);
    free(m->vals);
    free(m->used);
    itin_pairmap_init(m);
}

static void
pair_rehash(itin_pairmap *m, size_t ncap)
{
    itin_pairmap n = {itin_xmalloc(ncap * 8),
                      itin_xmalloc(ncap * 8),
                      itin_xmalloc(ncap * sizeof(size_t)),
                      itin_xmalloc(ncap),
                      ncap,
                      0};
    memset(n.used, 0, ncap);
    for (size_t i = 0; i < m->cap; i++)
        if (m->used[i])
            itin_pairmap_put(&n, m->a[i], m->b[i], m->vals[i], NULL);
    itin_pairmap_free(m);
    *m = n;
}

int
itin_pairmap_put(itin_pairmap *m, uint64_t a, uint64_t b, size_t val, size_t *old)
{
    if ((m->count + 1) * 2 > m->cap)
        pair_rehash(m, m->cap ? m->cap * 2 : 64);
    size_t i = mix(a, b) & (m->cap - 1);
    while (m->used[i]) {
        if (m->a[i] == a && m->b[i] == b) {
            if (old)
                *old = m->vals[i];
            return 0;
        }
        i = (i + 1) & (m->cap - 1);
    }
    m->used[i] = 1;
    m->a[i] = a;
    m->b[i] = b;
    m->vals[i] = val;
    m->count++;
    return 1;
}

int
itin_pairmap_get(const itin_pairmap *m, uint64_t a, uint64_t b, size_t *val)
{
    if (!m->cap)
        return 0;
    size_t i = mix(a, b) & (m->cap - 1);
    while (m->used[i]) {
        if (m->a[i] == a && m->b[i] == b) {
            if (val)
                *val = m->vals[i];
            return 1;
        }
        i = (i + 1) & (m->cap - 1);
    }
    return 0;
}
