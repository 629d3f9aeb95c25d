/* strbuf: the growable string the renderers build text in (see strbuf.h). */
#include "strbuf.h"

#include <string.h>

#include "xalloc.h"

void
itin_strbuf_put(itin_strbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->s = itin_xrealloc(b->s, cap);
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void
itin_strbuf_puts(itin_strbuf *b, const char *s)
{
    itin_strbuf_put(b, s, strlen(s));
}

void
itin_strbuf_putc(itin_strbuf *b, char c)
{
    itin_strbuf_put(b, &c, 1);
}

const char *
itin_strbuf_str(itin_strbuf *b)
{
    if (!b->s)
        itin_strbuf_put(b, "", 0);
    return b->s;
}

void
itin_strbuf_truncate(itin_strbuf *b, size_t len)
{
    if (b->s && len < b->len) {
        b->len = len;
        b->s[len] = '\0';
    }
}

void
itin_strbuf_clear(itin_strbuf *b)
{
    itin_strbuf_truncate(b, 0);
}

char *
itin_decimal_before(char *end, long long n)
{
    unsigned long long u = n < 0 ? 0 - (unsigned long long)n : (unsigned long long)n;
    char *p = end;
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (n < 0)
        *--p = '-';
    return p;
}
