/* xalloc: heap allocation that aborts on out-of-memory — the library's one policy for it. */
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
xalloc_die(void)
{
    /* Out of memory is the one failure the library cannot report politely. */
    fputs("itinerary: out of memory\n", stderr);
    abort();
}

void *
itin_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        xalloc_die();
    return p;
}

void *
itin_xcalloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        xalloc_die();
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        xalloc_die();
    return p;
}

void *
itin_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        xalloc_die();
    return q;
}

char *
itin_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(itin_xmalloc(n), s, n);
}
