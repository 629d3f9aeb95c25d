/* utf8: the library's one UTF-8 decoder (RFC 3629 §4: well-formed sequences only). */
#include <string.h>

#include "utf8.h"

int32_t
itin_utf8_decode(const char *s, size_t avail, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    *len = 1;
    if (avail == 0)
        return -1;
    unsigned c = u[0];
    if (c < 0x80)
        return (int32_t)c;
    size_t n;
    uint32_t min;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, min = 0x10000;
    else
        return -1; /* a continuation byte, a C0/C1 overlong lead, or > U+10FFFF */
    if (avail < n)
        return -1;
    uint32_t cp = c & (0x3Fu >> (n - 1));
    for (size_t i = 1; i < n; i++) {
        if (!itin_utf8_continues(u[i]))
            return -1;
        cp = cp << 6 | (u[i] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return -1;
    *len = n;
    return (int32_t)cp;
}

bool
itin_utf8_valid(const char *s, size_t len, size_t *bad)
{
    size_t i = 0;
    while (i < len) {
        /* ASCII, the most of any text here, eight bytes at a time. */
        while (len - i >= 8) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            if (x & 0x8080808080808080u)
                break;
            i += 8;
        }
        if (i == len)
            break;
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        size_t n;
        if (itin_utf8_decode(s + i, len - i, &n) < 0) {
            if (bad)
                *bad = i;
            return false;
        }
        i += n;
    }
    return true;
}
