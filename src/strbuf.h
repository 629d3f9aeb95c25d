/* strbuf: a growable NUL-terminated string for the renderers that build text
 * piece by piece; growth aborts on out-of-memory (itin_xrealloc). */
#ifndef ITIN_STRBUF_H
#define ITIN_STRBUF_H

#include <stddef.h>

/* Zero-initialise ({0}) before use; the contents are `s` (NULL while
 * nothing has been put), `len` bytes long. Free `s` with free(). */
typedef struct itin_strbuf {
    char *s;
    size_t len, cap;
} itin_strbuf;

/* Append n bytes of s. */
void itin_strbuf_put(itin_strbuf *b, const char *s, size_t n);
void itin_strbuf_puts(itin_strbuf *b, const char *s);
void itin_strbuf_putc(itin_strbuf *b, char c);
/* The contents as a C string ("" when empty); the builder still owns it. */
const char *itin_strbuf_str(itin_strbuf *b);
/* Cut the contents back to their first len bytes (len <= b->len). */
void itin_strbuf_truncate(itin_strbuf *b, size_t len);
/* Empty the contents, keeping the memory. */
void itin_strbuf_clear(itin_strbuf *b);

/* n in decimal, as "%lld" writes it (at most 20 bytes), put just before
 * `end`; returns where it starts. Not NUL-terminated. */
char *itin_decimal_before(char *end, long long n);

#endif
