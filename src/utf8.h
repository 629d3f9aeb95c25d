/* utf8: the library's one UTF-8 decoder (RFC 3629) and what is built on it. */
#ifndef ITIN_UTF8_H
#define ITIN_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The code point of the well-formed sequence at s, of which at most `avail`
 * bytes may be read, with its length (1..4) in *len. -1, with *len = 1, when
 * the bytes there are not well-formed UTF-8: a stray continuation byte, an
 * overlong form, a surrogate, a value past U+10FFFF or a truncated sequence.
 * A NUL-terminated string may pass avail = 4: the NUL ends any sequence it
 * cuts short, and nothing past it is read. */
int32_t itin_utf8_decode(const char *s, size_t avail, size_t *len);

/* Whether len bytes are valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
 * On failure *bad is the byte offset of the first invalid sequence. */
bool itin_utf8_valid(const char *s, size_t len, size_t *bad);

/* Whether byte c continues a sequence (10xxxxxx) rather than starts one. */
static inline bool
itin_utf8_continues(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

#endif
