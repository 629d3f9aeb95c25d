/* values: strict parsers and checks for the delegation format's scalar values, and the names of its
 * enumerations. */
#include "values.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "datetime.h"
#include "i18n.h"
#include "utf8.h"

/* ------------------------------------------------------------ messages */

/* At most this many bytes of the offending text are quoted in a message. */
#define QUOTE_MAX 64

static bool
is_digit(char c)
{
    return c >= '0' && c <= '9';
}
static bool
is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}
static bool
is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* Copy s into q for quoting in a one-line message: control characters (and,
 * when s is not valid UTF-8, bytes >= 0x80) are escaped, and long text is cut
 * at a character boundary and marked with "...". q must hold QUOTE_MAX*4+8. */
static void
quote(const char *s, char *q, size_t qlen)
{
    size_t len = strlen(s);
    bool utf8 = itin_utf8_valid(s, len, NULL);
    size_t cut = len;
    if (cut > QUOTE_MAX) {
        cut = QUOTE_MAX;
        if (utf8)
            while (cut > 0 && itin_utf8_continues((unsigned char)s[cut]))
                cut--;
    }
    size_t o = 0;
    for (size_t i = 0; i < cut && o + 5 < qlen; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n') {
            q[o++] = '\\';
            q[o++] = 'n';
        } else if (c == '\t') {
            q[o++] = '\\';
            q[o++] = 't';
        } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && !utf8)) {
            static const char hex[] = "0123456789abcdef";
            q[o++] = '\\';
            q[o++] = 'x';
            q[o++] = hex[c >> 4];
            q[o++] = hex[c & 0xF];
        } else {
            q[o++] = (char)c;
        }
    }
    if (cut < len && o + 4 <= qlen) {
        memcpy(q + o, "...", 3);
        o += 3;
    }
    q[o] = '\0';
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int
fail(char *err, size_t errlen, const char *fmt, ...)
{
    if (err && errlen > 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return -1;
}

/* "invalid <what> '<s>': <reason>" */
static int
invalid(char *err, size_t errlen, const char *what, const char *s, const char *reason)
{
    char q[QUOTE_MAX * 4 + 8];
    quote(s, q, sizeof q);
    return fail(err, errlen, "invalid %s '%s': %s", what, q, reason);
}

/* --------------------------------------------------------- dates and times */

#define SECS_PER_DAY 86400LL

/* Two digits at p as a number, or -1. */
static int
two_digits(const char *p)
{
    if (!is_digit(p[0]) || !is_digit(p[1]))
        return -1;
    return (p[0] - '0') * 10 + (p[1] - '0');
}

/* Parse exactly n bytes at p as YYYY-MM-DD; NULL on success, else the reason. */
static const char *
date_reason(const char *p, size_t n, itin_date *out)
{
    if (n != 10 || p[4] != '-' || p[7] != '-')
        return "expected YYYY-MM-DD";
    int hi = two_digits(p), lo = two_digits(p + 2);
    int m = two_digits(p + 5), d = two_digits(p + 8);
    if (hi < 0 || lo < 0 || m < 0 || d < 0)
        return "expected YYYY-MM-DD";
    int y = hi * 100 + lo;
    if (y < 1900 || y > 2199)
        return "year must be 1900..2199";
    if (m < 1 || m > 12)
        return "no such month (expected 01..12)";
    if (d < 1)
        return "no such day";
    itin_date v = itin_date_from_ymd(y, m, d);
    int ry, rm, rd;
    itin_date_to_ymd(v, &ry, &rm, &rd);
    if (ry != y || rm != m || rd != d)
        return "no such day";
    *out = v;
    return NULL;
}

/* Parse exactly n bytes at p as HH:MM; NULL on success, else the reason. */
static const char *
time_reason(const char *p, size_t n, bool allow_24, int *minutes)
{
    if (n != 5 || p[2] != ':')
        return "expected HH:MM (24-hour)";
    int h = two_digits(p), m = two_digits(p + 3);
    if (h < 0 || m < 0)
        return "expected HH:MM (24-hour)";
    if (allow_24 && h == 24 && m == 0) {
        *minutes = 24 * 60;
        return NULL;
    }
    if (h > 23)
        return allow_24 ? "hours must be 00..23 (or 24:00)" : "hours must be 00..23";
    if (m > 59)
        return "minutes must be 00..59";
    *minutes = h * 60 + m;
    return NULL;
}

int
itin_parse_date(const char *s, itin_date *out, char *err, size_t errlen)
{
    itin_date v;
    const char *why = date_reason(s, strlen(s), &v);
    if (why)
        return invalid(err, errlen, "date", s, why);
    *out = v;
    return 0;
}

int
itin_parse_time(const char *s, bool allow_24, int *minutes, char *err, size_t errlen)
{
    int v;
    const char *why = time_reason(s, strlen(s), allow_24, &v);
    if (why)
        return invalid(err, errlen, "time", s, why);
    *minutes = v;
    return 0;
}

int
itin_parse_datetime(const char *s, itin_date *date, int *minutes, char *err, size_t errlen)
{
    size_t n = strlen(s);
    if (n != 16 || (s[10] != ' ' && s[10] != 'T'))
        return invalid(err, errlen, "datetime", s, "expected 'YYYY-MM-DD HH:MM' or 'YYYY-MM-DDTHH:MM'");
    itin_date d;
    int t;
    const char *why = date_reason(s, 10, &d);
    if (!why)
        why = time_reason(s + 11, 5, false, &t);
    if (why)
        return invalid(err, errlen, "datetime", s, why);
    *date = d;
    *minutes = t;
    return 0;
}

/* The length of an optional UTC offset "+HH:MM" or "-HH:MM" ending s at
 * its byte n: 6, or 0 when there is none. */
static size_t
offset_length(const char *s, size_t n)
{
    return n >= 6 && (s[n - 6] == '+' || s[n - 6] == '-') && s[n - 3] == ':' ? 6 : 0;
}

/* Parse the 6 bytes at p as +HH:MM or -HH:MM; NULL on success, else why. */
static const char *
offset_reason(const char *p, itin_offset *off)
{
    int h = two_digits(p + 1), m = two_digits(p + 4);
    if (h < 0 || m < 0 || h > 15 || m > 59)
        return "a UTC offset is +HH:MM or -HH:MM, at most 15:59";
    off->given = true;
    off->seconds = (p[0] == '-' ? -1 : 1) * (h * 3600 + m * 60);
    return NULL;
}

int
itin_parse_time_offset(const char *s, bool allow_24, int *minutes, itin_offset *off, char *err, size_t errlen)
{
    size_t n = strlen(s), k = offset_length(s, n);
    itin_offset o = {false, 0};
    int v;
    const char *why = time_reason(s, n - k, allow_24, &v);
    if (why && n > 5 && !k)
        why = "expected HH:MM (24-hour), or HH:MM with a UTC offset such as +01:00";
    if (!why && k)
        why = offset_reason(s + n - k, &o);
    if (why)
        return invalid(err, errlen, "time", s, why);
    *minutes = v;
    *off = o;
    return 0;
}

int
itin_parse_datetime_offset(const char *s, itin_date *date, int *minutes, itin_offset *off, char *err,
                           size_t errlen)
{
    size_t n = strlen(s), k = offset_length(s, n);
    itin_offset o = {false, 0};
    if (n - k != 16 || (s[10] != ' ' && s[10] != 'T'))
        return invalid(
            err, errlen, "datetime", s,
            "expected 'YYYY-MM-DD HH:MM' or 'YYYY-MM-DDTHH:MM' (with an optional offset '+01:00')");
    itin_date d;
    int t;
    const char *why = date_reason(s, 10, &d);
    if (!why)
        why = time_reason(s + 11, 5, false, &t);
    if (!why && k)
        why = offset_reason(s + n - k, &o);
    if (why)
        return invalid(err, errlen, "datetime", s, why);
    *date = d;
    *minutes = t;
    *off = o;
    return 0;
}

/* --------------------------------------------------------------- durations */

/* Largest number accepted in one component of a duration. */
#define DUR_NUM_MAX 1000000000LL

/* Read digits at *pp into *v; returns false (leaving *pp past them) when the
 * number exceeds DUR_NUM_MAX. The caller has checked there is a digit. */
static bool
read_number(const char **pp, long long *v)
{
    const char *p = *pp;
    long long x = 0;
    bool ok = true;
    while (is_digit(*p)) {
        if (ok) {
            x = x * 10 + (*p - '0');
            if (x > DUR_NUM_MAX)
                ok = false;
        }
        p++;
    }
    *pp = p;
    *v = x;
    return ok;
}

static int
iso_duration(const char *s, int *minutes, char *err, size_t errlen)
{
    static const char shape[] = "expected ISO 8601 P[nD][T[nH][nM][nS]] with at least one component";
    const char *p = s + 1; /* past 'P' */
    long long secs = 0, v;
    int parts = 0;
    if (is_digit(*p)) {
        if (!read_number(&p, &v))
            return invalid(err, errlen, "duration", s, "too large");
        if (*p != 'D')
            return invalid(err, errlen, "duration", s, shape);
        p++;
        secs += v * SECS_PER_DAY;
        parts++;
    }
    if (*p == 'T') {
        static const char units[] = "HMS";
        static const long long unit_secs[] = {3600, 60, 1};
        int next = 0, tparts = 0;
        p++;
        while (is_digit(*p)) {
            if (!read_number(&p, &v))
                return invalid(err, errlen, "duration", s, "too large");
            const char *u = *p ? strchr(units, *p) : NULL;
            if (!u)
                return invalid(err, errlen, "duration", s, shape);
            int k = (int)(u - units);
            if (k < next)
                return invalid(err, errlen, "duration", s,
                               "components must be in the order H, M, S, each at most once");
            next = k + 1;
            secs += v * unit_secs[k];
            p++;
            tparts++;
        }
        if (tparts == 0)
            return invalid(err, errlen, "duration", s, shape);
        parts += tparts;
    }
    if (*p != '\0' || parts == 0)
        return invalid(err, errlen, "duration", s, shape);
    if (secs % 60 != 0)
        return invalid(err, errlen, "duration", s, "not a whole number of minutes");
    if (secs / 60 > INT_MAX)
        return invalid(err, errlen, "duration", s, "too large");
    *minutes = (int)(secs / 60);
    return 0;
}

int
itin_parse_duration(const char *s, int *minutes, char *err, size_t errlen)
{
    static const char shape[] = "expected a duration such as 90m, 45min, 2h, 1h30m or PT1H30M";
    if (s[0] == 'P')
        return iso_duration(s, minutes, err, errlen);
    if (s[0] == '-')
        return invalid(err, errlen, "duration", s, "a duration cannot be negative");

    const char *p = s;
    long long total = 0, v;
    bool seen_h = false, seen_m = false;
    for (;;) {
        if (!is_digit(*p))
            return invalid(err, errlen, "duration", s, shape);
        const char *num = p;
        if (!read_number(&p, &v))
            return invalid(err, errlen, "duration", s, "too large");
        size_t numlen = (size_t)(p - num);
        bool spaced = false;
        if (*p == ' ') {
            spaced = true;
            p++;
        }
        bool hours;
        if (*p == 'h') {
            hours = true;
            p++;
        } else if (*p == 'm') {
            hours = false;
            p += strncmp(p, "min", 3) == 0 ? 3 : 1;
        } else if (*p == '\0' && !spaced && num == s) {
            char digits[24], msg[96];
            if (numlen >= sizeof digits)
                numlen = sizeof digits - 1;
            memcpy(digits, num, numlen);
            digits[numlen] = '\0';
            snprintf(msg, sizeof msg, "a bare number has no unit (write '%sm')", digits);
            return invalid(err, errlen, "duration", s, msg);
        } else if ((*p == '.' || *p == ',') && is_digit(p[1])) {
            return invalid(err, errlen, "duration", s, "fractions are not allowed (write e.g. 1h30m or 90m)");
        } else if (*p == '\0' || *p == ' ' || is_digit(*p)) {
            return invalid(err, errlen, "duration", s,
                           "a number without a unit (expected h, m or min after it)");
        } else {
            return invalid(err, errlen, "duration", s, "unknown unit (expected h, m or min)");
        }
        if (*p != '\0' && *p != ' ' && !is_digit(*p))
            return invalid(err, errlen, "duration", s, "unknown unit (expected h, m or min)");
        if (hours) {
            if (seen_h)
                return invalid(err, errlen, "duration", s, "hours given twice");
            if (seen_m)
                return invalid(err, errlen, "duration", s, "hours must come before minutes");
            seen_h = true;
            total += v * 60;
        } else {
            if (seen_m)
                return invalid(err, errlen, "duration", s, "minutes given twice");
            seen_m = true;
            total += v;
        }
        if (*p == '\0')
            break;
        if (*p == ' ')
            p++;
    }
    if (total > INT_MAX)
        return invalid(err, errlen, "duration", s, "too large");
    *minutes = (int)total;
    return 0;
}

/* ----------------------------------------------------------------- numbers */

/* Longest decimal accepted when it must be copied for a non-'.' locale. */
#define DECIMAL_MAX 255

int
itin_parse_decimal(const char *s, double *out, char *err, size_t errlen)
{
    static const char shape[] = "expected a decimal number such as 50.8163 or -12.5";
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    if (!is_digit(*p))
        return invalid(err, errlen, "number", s, shape);
    while (is_digit(*p))
        p++;
    if (*p == '.') {
        p++;
        if (!is_digit(*p))
            return invalid(err, errlen, "number", s, shape);
        while (is_digit(*p))
            p++;
    }
    if (*p != '\0')
        return invalid(err, errlen, "number", s, shape);

    /* The text is now known to be plain; strtod reads the locale's decimal
     * point, so substitute it when it is not '.'. */
    const char *dp = localeconv()->decimal_point;
    char buf[DECIMAL_MAX * 4 + 1];
    const char *src = s;
    if (dp && strcmp(dp, ".") != 0) {
        size_t n = strlen(s), dpl = strlen(dp);
        if (n > DECIMAL_MAX || dpl > 3)
            return invalid(err, errlen, "number", s, "too long");
        size_t o = 0;
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '.') {
                memcpy(buf + o, dp, dpl);
                o += dpl;
            } else {
                buf[o++] = s[i];
            }
        }
        buf[o] = '\0';
        src = buf;
    }
    errno = 0;
    char *end;
    double v = strtod(src, &end);
    if (*end != '\0')
        return invalid(err, errlen, "number", s, shape);
    if (errno == ERANGE && (v > 1.0 || v < -1.0))
        return invalid(err, errlen, "number", s, "out of range");
    *out = v;
    return 0;
}

int
itin_parse_uint(const char *s, long max, long *out, char *err, size_t errlen)
{
    if (!is_digit(s[0]))
        return invalid(err, errlen, "number", s, "expected a non-negative whole number");
    long v = 0;
    bool over = false;
    const char *p = s;
    for (; is_digit(*p); p++) {
        int dg = *p - '0';
        if (!over) {
            if (dg > max || v > (max - dg) / 10)
                over = true;
            else
                v = v * 10 + dg;
        }
    }
    if (*p != '\0')
        return invalid(err, errlen, "number", s, "expected a non-negative whole number");
    if (over) {
        char msg[64];
        snprintf(msg, sizeof msg, "must be at most %ld", max);
        return invalid(err, errlen, "number", s, msg);
    }
    *out = v;
    return 0;
}

/* ------------------------------------------------------------- identifiers */

#define ID_MAX 64

int
itin_check_id(const char *s, char *err, size_t errlen)
{
    static const char shape[] =
        "ids use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit";
    if (!is_lower(s[0]) && !is_digit(s[0]))
        return invalid(err, errlen, "id", s, shape);
    size_t i = 1;
    for (; s[i]; i++) {
        char c = s[i];
        if (!is_lower(c) && !is_digit(c) && c != '.' && c != '_' && c != '-')
            return invalid(err, errlen, "id", s, shape);
    }
    if (i > ID_MAX)
        return invalid(err, errlen, "id", s, "ids have at most 64 characters");
    return 0;
}

/* ---------------------------------------------------------- opening hours */

static const char *const day_names[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

/* The day named by exactly n bytes at p, or -1. */
static int
day_index(const char *p, size_t n)
{
    if (n != 3)
        return -1;
    for (int i = 0; i < 7; i++)
        if (memcmp(p, day_names[i], 3) == 0)
            return i;
    return -1;
}

static int
bad_day(const char *s, const char *p, size_t n, char *err, size_t errlen)
{
    char word[QUOTE_MAX + 1], q[QUOTE_MAX * 4 + 8], msg[QUOTE_MAX * 4 + 160];
    size_t k = n > QUOTE_MAX ? QUOTE_MAX : n;
    memcpy(word, p, k);
    word[k] = '\0';
    quote(word, q, sizeof q);
    const char *hint = itin_suggest(word, day_names, 7);
    if (n == 0)
        snprintf(msg, sizeof msg, "expected a day (mon, tue, wed, thu, fri, sat or sun)");
    else if (hint)
        snprintf(msg, sizeof msg, "unknown day '%s' (did you mean '%s'?)", q, hint);
    else
        snprintf(msg, sizeof msg, "unknown day '%s' (expected mon, tue, wed, thu, fri, sat or sun)", q);
    return invalid(err, errlen, "day spec", s, msg);
}

int
itin_parse_dayspec(const char *s, unsigned *mask, char *err, size_t errlen)
{
    unsigned m = 0;
    const char *p = s;
    for (;;) {
        /* one item: day or day-day, ending at ',' or the end */
        const char *item = p;
        while (*p && *p != ',')
            p++;
        const char *end = p;
        const char *dash = memchr(item, '-', (size_t)(end - item));
        int a, b;
        if (dash) {
            a = day_index(item, (size_t)(dash - item));
            if (a < 0)
                return bad_day(s, item, (size_t)(dash - item), err, errlen);
            b = day_index(dash + 1, (size_t)(end - dash - 1));
            if (b < 0)
                return bad_day(s, dash + 1, (size_t)(end - dash - 1), err, errlen);
            if (a == b)
                return invalid(err, errlen, "day spec", s,
                               "a range needs two different days (write the day alone)");
        } else {
            a = b = day_index(item, (size_t)(end - item));
            if (a < 0)
                return bad_day(s, item, (size_t)(end - item), err, errlen);
        }
        for (int i = a;; i = (i + 1) % 7) {
            if (m & (1u << i)) {
                char msg[64];
                snprintf(msg, sizeof msg, "%s is named twice", day_names[i]);
                return invalid(err, errlen, "day spec", s, msg);
            }
            m |= 1u << i;
            if (i == b)
                break;
        }
        if (*p == '\0')
            break;
        p++; /* ',' */
        while (*p == ' ')
            p++;
    }
    *mask = m;
    return 0;
}

int
itin_parse_interval(const char *s, int *open, int *close, char *err, size_t errlen)
{
    size_t n = strlen(s);
    if (n != 11 || s[5] != '-')
        return invalid(err, errlen, "interval", s, "expected HH:MM-HH:MM, e.g. 08:00-17:00");
    int o, c;
    const char *why = time_reason(s, 5, false, &o);
    if (!why)
        why = time_reason(s + 6, 5, true, &c);
    if (why)
        return invalid(err, errlen, "interval", s, why);
    if (c <= o)
        return invalid(err, errlen, "interval", s, "the closing time must be after the opening time");
    *open = o;
    *close = c;
    return 0;
}

/* ------------------------------------------------------ modes and languages */

static const char *const mode_names[ITIN_MODE__COUNT] = {
    "", "walk", "bike", "car", "taxi", "bus", "train", "flight", "ship",
};

const char *
itin_mode_name(itin_mode m)
{
    if ((int)m < 0 || (int)m >= ITIN_MODE__COUNT)
        return "";
    return mode_names[m];
}

const char *
itin_item_kind_name(itin_item_kind k)
{
    static const char *const names[] = {"visit", "travel", "transfer", "lodging", "meeting"};
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : "";
}

const char *
itin_status_name(itin_status s)
{
    static const char *const names[] = {"confirmed", "tentative", "cancelled"};
    return (unsigned)s < sizeof names / sizeof *names ? names[s] : "";
}

int
itin_parse_mode(const char *s, itin_mode *out, char *err, size_t errlen)
{
    for (int i = 1; i < ITIN_MODE__COUNT; i++) {
        if (strcmp(s, mode_names[i]) == 0) {
            *out = (itin_mode)i;
            return 0;
        }
    }
    char q[QUOTE_MAX * 4 + 8];
    quote(s, q, sizeof q);
    return fail(err, errlen,
                "unknown travel mode '%s' (expected walk, bike, car, taxi, bus, train, flight or ship)", q);
}

int
itin_check_language(const char *s, char *err, size_t errlen)
{
    if (itin_lang_find(s, strlen(s), NULL))
        return 0;
    char q[QUOTE_MAX * 4 + 8];
    quote(s, q, sizeof q);
    const char *hint = itin_lang_hint(s, strlen(s));
    if (hint)
        return fail(err, errlen, "unknown language '%s' (did you mean %s?)", q, hint);
    return fail(err, errlen, "unknown language '%s' (expected %s)", q, itin_lang_choices());
}

static bool
country_shape(const char *s)
{
    return is_upper(s[0]) && is_upper(s[1]);
}

int
itin_check_country(const char *s, char *err, size_t errlen)
{
    if (country_shape(s) && s[2] == '\0')
        return 0;
    return invalid(err, errlen, "country", s,
                   "expected an ISO 3166-1 alpha-2 code (two capital letters, e.g. DE)");
}

int
itin_check_region(const char *s, char *err, size_t errlen)
{
    if (country_shape(s) && s[2] == '-') {
        size_t i = 3;
        while (i < 6 && (is_upper(s[i]) || is_digit(s[i])))
            i++;
        if (i > 3 && s[i] == '\0')
            return 0;
    }
    return invalid(err, errlen, "region", s,
                   "expected an ISO 3166-2 code (country, '-', 1 to 3 capitals or digits, "
                   "e.g. DE-SN)");
}

/* ------------------------------------------------------------- suggestions */

/* Longest word or candidate compared by itin_suggest. */
#define SUGGEST_MAX 128

/* Optimal string alignment distance (Levenshtein plus adjacent transposition). */
static size_t
osa_distance(const char *a, size_t la, const char *b, size_t lb)
{
    size_t rows[3][SUGGEST_MAX + 1];
    size_t *pp = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (prev[j - 1] + cost < v)
                v = prev[j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
                v = pp[j - 2] + 1;
            cur[j] = v;
        }
        size_t *t = pp;
        pp = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb];
}

const char *
itin_suggest(const char *word, const char *const *candidates, size_t n)
{
    size_t lw = strlen(word);
    if (lw == 0 || lw > SUGGEST_MAX || !candidates)
        return NULL;
    const char *best = NULL;
    size_t best_d = 3;
    for (size_t i = 0; i < n; i++) {
        const char *c = candidates[i];
        if (!c)
            continue;
        size_t lc = strlen(c);
        if (lc > SUGGEST_MAX || (lc > lw ? lc - lw : lw - lc) > 2)
            continue;
        size_t d = osa_distance(word, lw, c, lc);
        if (d < best_d && 2 * d < lw) {
            best = c;
            best_d = d;
        }
    }
    return best;
}
