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

static void
putc_(jw *w, char c)
{
    if (w->n == sizeof w->buf)
        flush(w);
    w->buf[w->n++] = c;
}

static void
newline(jw *w, int indent)
{
    static const char line[] = "\n                                ";
    if (indent <= (int)sizeof line - 2) {
        jw_put(w, line, (size_t)indent + 1);
        return;
    }
    putc_(w, '\n');
    for (int i = 0; i < indent; i++)
        putc_(w, ' ');
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

/* Before a value: the separator its container needs. */
static void
sep(jw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0)
        return;
    int d = w->depth - 1;
    if (w->count[d]++)
        putc_(w, ',');
    if (w->indent[d] >= 0)
        newline(w, w->indent[d]);
    else if (w->count[d] > 1)
        putc_(w, ' ');
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
    if (w->indent[d] >= 0 && w->count[d])
        newline(w, w->indent[d] >= 2 ? w->indent[d] - 2 : 0);
    putc_(w, w->close[d]);
}

/* Whether any of the 8 bytes in x is a control character, '"' or '\\'
 * (bit 7 of each byte that is: the bytes of UTF-8 past ASCII are not). */
static uint64_t
needs_escape8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
    uint64_t low = (x - ones * 0x20) & ~x;
    return (low | ((q - ones) & ~q) | ((b - ones) & ~b)) & highs;
}

/* Whether any byte of s[0..len) must be escaped. */
static bool
needs_escape(const char *s, size_t len)
{
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        if (needs_escape8(x))
            return true;
    }
    for (; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\')
            return true;
    }
    return false;
}

static void
string(jw *w, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    size_t len = strlen(s);
    if (w->n + len + 2 <= sizeof w->buf && !needs_escape(s, len)) {
        /* Most text needs no escape: quoted and copied at once. */
        char *o = w->buf + w->n;
        o[0] = '"';
        memcpy(o + 1, s, len);
        o[len + 1] = '"';
        w->n += len + 2;
        return;
    }
    putc_(w, '"');
    const char *run = s, *end = s + len;
    for (; s < end; s++) {
        /* Eight bytes at a time while none needs escaping. */
        while (end - s >= 8) {
            uint64_t x;
            memcpy(&x, s, 8);
            if (needs_escape8(x))
                break;
            s += 8;
        }
        if (s == end)
            break;
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        jw_put(w, run, (size_t)(s - run));
        run = s + 1;
        switch (c) {
        case '"':
            jw_put(w, "\\\"", 2);
            break;
        case '\\':
            jw_put(w, "\\\\", 2);
            break;
        case '\n':
            jw_put(w, "\\n", 2);
            break;
        case '\r':
            jw_put(w, "\\r", 2);
            break;
        case '\t':
            jw_put(w, "\\t", 2);
            break;
        case '\b':
            jw_put(w, "\\b", 2);
            break;
        case '\f':
            jw_put(w, "\\f", 2);
            break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            jw_put(w, u, 6);
        }
        }
    }
    jw_put(w, run, (size_t)(s - run));
    putc_(w, '"');
}

void
jw_key(jw *w, const char *key)
{
    sep(w);
    string(w, key);
    jw_put(w, ": ", 2);
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
jw_kstring(jw *w, const char *key, const char *s)
{
    if (!s)
        return;
    jw_key(w, key);
    jw_string(w, s);
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
    jw_key(w, key);
    jw_bool(w, v);
}
