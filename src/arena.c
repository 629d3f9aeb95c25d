/* arena: the bump allocator that owns every entity and string of a plan. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xalloc.h"

/* Under AddressSanitizer the chunk a reset keeps is poisoned, and each
 * allocation unpoisoned: a pointer kept past a reset is caught. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define ARENA_CHUNK (64 * 1024)
#define ARENA_ALIGN 16

typedef struct chunk {
    struct chunk *next;
    size_t size, used;
    _Alignas(ARENA_ALIGN) unsigned char data[];
} chunk;

struct itin_arena {
    chunk *head;
    size_t total;          /* handed out */
    size_t reserved;       /* taken from malloc */
    void **big;            /* growing arrays kept on the heap, so that realloc */
    size_t n_big, cap_big; /* can move them without copying */
};

#define BIG_ARRAY (64 * 1024)

itin_arena *
itin_arena_new(void)
{
    itin_arena *a = itin_xmalloc(sizeof *a);
    a->head = NULL;
    a->total = 0;
    a->reserved = 0;
    a->big = NULL;
    a->n_big = a->cap_big = 0;
    return a;
}

void
itin_arena_free(itin_arena *a)
{
    if (!a)
        return;
    for (chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    for (size_t i = 0; i < a->n_big; i++)
        free(a->big[i]);
    free(a->big);
    free(a);
}

/* `size` bytes at a multiple of `align` (a power of two up to ARENA_ALIGN):
 * objects get ARENA_ALIGN, text 1, so that strings are not padded. */
static void *
alloc_raw(itin_arena *a, size_t size, size_t align)
{
    if (size == 0)
        size = 1;
    chunk *c = a->head;
    size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
    if (!c || at > c->size || c->size - at < size) {
        size_t want = size > ARENA_CHUNK / 4 ? size : ARENA_CHUNK;
        chunk *n = itin_xmalloc(sizeof *n + want);
        n->size = want;
        n->used = 0;
        a->reserved += want;
        if (size > ARENA_CHUNK / 4 && c) {
            /* A big block goes behind the current chunk so the chunk's
             * remaining space is not abandoned. */
            n->next = c->next;
            c->next = n;
        } else {
            n->next = c;
            a->head = n;
        }
        c = n;
        at = 0;
    }
    void *p = c->data + at;
    UNPOISON(p, size);
    c->used = at + size;
    a->total += size;
    return p;
}

void *
itin_arena_alloc(itin_arena *a, size_t size)
{
    void *p = alloc_raw(a, size, ARENA_ALIGN);
    memset(p, 0, size);
    return p;
}

void
itin_arena_reset(itin_arena *a)
{
    /* Keep one chunk: a scratch arena reset after every list element should
     * not go back to malloc each time. */
    chunk *keep = NULL;
    for (chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        if (!keep && c->size == ARENA_CHUNK) {
            keep = c;
            continue;
        }
        free(c);
    }
    for (size_t i = 0; i < a->n_big; i++)
        free(a->big[i]);
    a->n_big = 0;
    a->head = keep;
    a->total = 0;
    a->reserved = 0;
    if (keep) {
        keep->next = NULL;
        keep->used = 0;
        a->reserved = keep->size;
        POISON(keep->data, keep->size);
    }
}

size_t
itin_arena_used(const itin_arena *a)
{
    return a->total;
}

size_t
itin_arena_reserved(const itin_arena *a)
{
    return a->reserved;
}

char *
itin_arena_strndup(itin_arena *a, const char *s, size_t n)
{
    char *p = alloc_raw(a, n + 1, 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *
itin_arena_strdup(itin_arena *a, const char *s)
{
    return s ? itin_arena_strndup(a, s, strlen(s)) : NULL;
}

char *
itin_arena_printf(itin_arena *a, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    size_t len = (size_t)(n < 0 ? 0 : n);
    char *p = alloc_raw(a, len + 1, 1);
    p[0] = '\0';
    vsnprintf(p, len + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

void
itin_arena_adopt(itin_arena *a, void *block, size_t size)
{
    if (a->n_big == a->cap_big) {
        a->cap_big = a->cap_big ? a->cap_big * 2 : 8;
        a->big = itin_xrealloc(a->big, a->cap_big * sizeof *a->big);
    }
    a->big[a->n_big++] = block;
    a->reserved += size;
    a->total += size;
}

char *
itin_arena_cat(itin_arena *a, const char *first, ...)
{
    va_list ap;
    size_t n = 0;
    va_start(ap, first);
    for (const char *s = first; s; s = va_arg(ap, const char *))
        n += strlen(s);
    va_end(ap);
    char *p = alloc_raw(a, n + 1, 1), *o = p;
    va_start(ap, first);
    for (const char *s = first; s; s = va_arg(ap, const char *)) {
        size_t k = strlen(s);
        memcpy(o, s, k);
        o += k;
    }
    va_end(ap);
    *o = '\0';
    return p;
}

void *
itin_arena_grow(itin_arena *a, void *items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return items;
    size_t ncap = *cap ? *cap * 2 : 8;
    while (ncap < need)
        ncap *= 2;
    /* A large array lives on the heap, owned by the arena: realloc can move
     * it by remapping pages instead of copying. */
    for (size_t i = 0; items && i < a->n_big; i++)
        if (a->big[i] == items) {
            a->big[i] = itin_xrealloc(items, ncap * size);
            a->reserved += (ncap - *cap) * size;
            *cap = ncap;
            return a->big[i];
        }
    void *n;
    if (ncap * size >= BIG_ARRAY) {
        n = itin_xmalloc(ncap * size);
        itin_arena_adopt(a, n, 0);
        a->reserved += ncap * size;
    } else {
        /* Not zeroed: the old elements are copied and each new one is
         * written when it is pushed. */
        n = alloc_raw(a, ncap * size, ARENA_ALIGN);
    }
    if (items && *cap)
        memcpy(n, items, *cap * size);
    *cap = ncap;
    return n;
}
