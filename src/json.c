/* json: a small streaming JSON writer (RFC 8259): strings escaped per §7,
 * containers inline or one element a line. Text reaching it is valid UTF-8
 * (the loader refuses anything else), so only escaping is done here. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "json.h"
#include "strbuf.h"

static void
flush(jw *w)
{
    if (w->n && fwrite(w->buf, 1, w->n, w->out) != w->n)
        w->bad = -1;
    w->n = 0;
}

static void
jw_put(jw *w, const char *s, size_t len)
{
    if (w->n + len > sizeof w->buf) {
        flush(w);
        if (len > sizeof w->buf) {
            if (fwrite(s, 1, len, w->out) != len)
                w->bad = -1;
            return;
        }
    }
    memcpy(w->buf + w->n, s, len);
    w->n += len;
}

/* Room for `len` more bytes in the buffer (len <= its size). */
static inline char *
reserve(jw *w, size_t len)
{
    if (w->n + len > sizeof w->buf)
        flush(w);
    return w->buf + w->n;
}

static inline void
putc_(jw *w, char c)
{
    *reserve(w, 1) = c;
    w->n++;
}

void
jw_init(jw *w, FILE *out)
{
    w->out = out;
    w->bad = 0;
    w->depth = 0;
    w->after_key = false;
    w->n = 0;
}

int
jw_finish(jw *w)
{
    flush(w);
    return w->bad || ferror(w->out) ? -1 : 0;
}

/* Before a value: the separator its container needs, a comma and a new line
 * or a space. */
static inline void
sep(jw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0)
        return;
    int d = w->depth - 1;
    bool first = w->count[d]++ == 0;
    if (w->indent[d] < 0) {
        if (!first) {
            memcpy(reserve(w, 2), ", ", 2);
            w->n += 2;
        }
        return;
    }
    size_t indent = (size_t)w->indent[d];
    if (indent > sizeof w->buf / 2)
        indent = sizeof w->buf / 2;
    char *o = reserve(w, indent + 2);
    if (!first)
        *o++ = ',';
    *o++ = '\n';
    memset(o, ' ', indent);
    w->n = (size_t)(o + indent - w->buf);
}

static void
open_(jw *w, char c, int indent)
{
    sep(w);
    putc_(w, c);
    if (w->depth < JW_MAX_DEPTH) {
        w->indent[w->depth] = indent;
        w->count[w->depth] = 0;
        w->close[w->depth] = c == '{' ? '}' : ']';
    }
    w->depth++;
}

void
jw_object(jw *w, int indent)
{
    open_(w, '{', indent);
}

void
jw_array(jw *w, int indent)
{
    open_(w, '[', indent);
}

void
jw_end(jw *w)
{
    int d = --w->depth;
    if (d >= JW_MAX_DEPTH)
        return;
    if (w->indent[d] >= 0 && w->count[d]) {
        size_t indent = w->indent[d] >= 2 ? (size_t)w->indent[d] - 2 : 0;
        if (indent > sizeof w->buf / 2)
            indent = sizeof w->buf / 2;
        char *o = reserve(w, indent + 1);
        *o++ = '\n';
        memset(o, ' ', indent);
        w->n += indent + 1;
    }
    putc_(w, w->close[d]);
}

/* Bytes a JSON string must escape (RFC 8259 §7): the control characters,
 * '"' and '\\'. The bytes of UTF-8 past ASCII are written as they are. */
static const bool must_escape[256] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
    [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1, [0x0c] = 1, [0x0d] = 1,
    [0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1,
    [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1,
    [0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1, ['"'] = 1,  ['\\'] = 1,
};

/* The escape of c (a byte must_escape names, not NUL) at o; returns its end.
 * At most 6 bytes. */
static char *
escape(char *o, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    const char *short_ = NULL;
    switch (c) {
    case '"':
        short_ = "\\\"";
        break;
    case '\\':
        short_ = "\\\\";
        break;
    case '\n':
        short_ = "\\n";
        break;
    case '\r':
        short_ = "\\r";
        break;
    case '\t':
        short_ = "\\t";
        break;
    case '\b':
        short_ = "\\b";
        break;
    case '\f':
        short_ = "\\f";
        break;
    default:
        memcpy(o, "\\u00", 4);
        o[4] = hex[c >> 4];
        o[5] = hex[c & 15];
        return o + 6;
    }
    memcpy(o, short_, 2);
    return o + 2;
}

/* s, quoted and escaped: copied byte by byte straight into the buffer, one
 * table lookup a byte, with no strlen or second pass first. */
static void
string(jw *w, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    char *o = reserve(w, 2);
    *o++ = '"';
    for (;;) {
        /* Room left for an escape (6 bytes) and the closing quote. */
        char *lim = w->buf + sizeof w->buf - 7;
        while (o < lim && !must_escape[*u])
            *o++ = (char)*u++;
        if (o >= lim) {
            w->n = (size_t)(o - w->buf);
            flush(w);
            o = w->buf;
            continue;
        }
        if (*u == 0)
            break;
        o = escape(o, *u++);
    }
    *o++ = '"';
    w->n = (size_t)(o - w->buf);
}

void
jw_quote(itin_strbuf *b, const char *s)
{
    itin_strbuf_putc(b, '"');
    for (const char *run = s;; s++) {
        unsigned char c = (unsigned char)*s;
        if (!must_escape[c])
            continue;
        itin_strbuf_put(b, run, (size_t)(s - run));
        if (c == 0)
            break;
        char e[6];
        itin_strbuf_put(b, e, (size_t)(escape(e, c) - e));
        run = s + 1;
    }
    itin_strbuf_putc(b, '"');
}

/* `"key": ` after the separator. */
static inline void
key_(jw *w, const char *key)
{
    sep(w);
    string(w, key);
    memcpy(reserve(w, 2), ": ", 2);
    w->n += 2;
}

void
jw_key(jw *w, const char *key)
{
    key_(w, key);
    w->after_key = true;
}

void
jw_string(jw *w, const char *s)
{
    sep(w);
    string(w, s);
}

void
jw_int(jw *w, long long v)
{
    char b[24], *end = b + sizeof b;
    sep(w);
    char *p = itin_decimal_before(end, v);
    jw_put(w, p, (size_t)(end - p));
}

void
jw_number(jw *w, double v, int digits)
{
    char b[40];
    sep(w);
    if (!isfinite(v)) {
        jw_put(w, "null", 4);
        return;
    }
    /* Tenths (distances are rounded to 100 m): with 10 to 15 significant
     * digits (enough to tell k/10 from its neighbours, too few to show the
     * binary error), "%.*g" writes k/10 as its integer part and one decimal
     * digit, or the integer part alone. */
    double k = round(v * 10);
    if (digits >= 10 && digits <= 15 && fabs(k) < 1e9 && k / 10 == v && !(v == 0 && signbit(v))) {
        long long t = (long long)k, whole = t / 10, tenth = t % 10;
        char *end = b + sizeof b, *p = end;
        if (tenth) {
            *--p = (char)('0' + (tenth < 0 ? -tenth : tenth));
            *--p = '.';
        }
        p = itin_decimal_before(p, whole);
        if (t < 0 && whole == 0)
            *--p = '-';
        jw_put(w, p, (size_t)(end - p));
        return;
    }
    jw_put(w, b, (size_t)snprintf(b, sizeof b, "%.*g", digits, v));
}

void
jw_bool(jw *w, bool v)
{
    sep(w);
    jw_put(w, v ? "true" : "false", v ? 4 : 5);
}

void
jw_null(jw *w)
{
    sep(w);
    jw_put(w, "null", 4);
}

void
jw_raw(jw *w, const char *json, size_t len)
{
    sep(w);
    jw_put(w, json, len);
}

void
jw_kstring(jw *w, const char *key, const char *s)
{
    if (!s)
        return;
    key_(w, key);
    string(w, s);
}

void
jw_kplain(jw *w, const char *key, const char *s, size_t len)
{
    key_(w, key);
    char *o = reserve(w, len + 2);
    o[0] = '"';
    memcpy(o + 1, s, len);
    o[len + 1] = '"';
    w->n += len + 2;
}

void
jw_kint(jw *w, const char *key, long long v)
{
    jw_key(w, key);
    jw_int(w, v);
}

void
jw_kbool(jw *w, const char *key, bool v)
{
    key_(w, key);
    jw_put(w, v ? "true" : "false", v ? 4 : 5);
}
