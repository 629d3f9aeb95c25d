/* strmap: an open-addressing hash map from borrowed strings to indices. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "strmap.h"

static uint64_t
hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
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
    size_t i = hash(key) & (m->cap - 1);
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
    size_t i = hash(key) & (m->cap - 1);
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
