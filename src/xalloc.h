/* xalloc: heap allocation that aborts on out-of-memory, for buffers outside any arena. */
#ifndef ITIN_XALLOC_H
#define ITIN_XALLOC_H

#include <stddef.h>

/* The library's one out-of-memory policy: these never return NULL. Running
 * out of memory is the one failure the library cannot report politely, so it
 * says so on stderr and aborts rather than carry on with a wrong result. */
void *itin_xmalloc(size_t n);
/* Zeroed room for n elements of `size` bytes; aborts when n * size overflows. */
void *itin_xcalloc(size_t n, size_t size);
void *itin_xrealloc(void *p, size_t n);
char *itin_xstrdup(const char *s);

#endif
