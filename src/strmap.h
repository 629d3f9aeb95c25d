/* strmap: string -> index hash map for id lookups (ids are unique per kind). */
#ifndef ITIN_STRMAP_H
#define ITIN_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct itin_strmap {
    const char **keys; /* borrowed; must outlive the map */
    size_t *vals;
    size_t cap, count;
} itin_strmap;

/* The library's one string hash (64-bit FNV-1a), for every table keyed by text. */
uint64_t itin_hash_string(const char *s);

void itin_strmap_init(itin_strmap *m);
void itin_strmap_free(itin_strmap *m);
/* Insert key -> val unless present; returns 1 when inserted, 0 when the key
 * was there already (then *old holds its value when old is not NULL). */
int itin_strmap_put(itin_strmap *m, const char *key, size_t val, size_t *old);
/* 1 and *val when found, else 0. */
int itin_strmap_get(const itin_strmap *m, const char *key, size_t *val);

/* (u64, u64) -> index hash map, for keys that are numbers. */
typedef struct itin_pairmap {
    uint64_t *a, *b;
    size_t *vals;
    unsigned char *used;
    size_t cap, count;
} itin_pairmap;

void itin_pairmap_init(itin_pairmap *m);
void itin_pairmap_free(itin_pairmap *m);
int itin_pairmap_put(itin_pairmap *m, uint64_t a, uint64_t b, size_t val, size_t *old);
int itin_pairmap_get(const itin_pairmap *m, uint64_t a, uint64_t b, size_t *val);

#endif
