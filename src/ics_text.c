/* ics_text: the text of the iCalendar exporter — values cleaned for a
 * calendar, parameter values, URIs, identifiers, and the string sets that
 * keep UIDs and zone names unique. */
#include <stdlib.h>
#include <string.h>

#include "ics.h"
#include "strmap.h"
#include "utf8.h"

void
itin_ics_put_text(itin_strbuf *b, const char *s, bool oneline)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned c = *p;
        if (c >= 0x20 && c < 0x7F) { /* a run of printable ASCII, as it is */
            const unsigned char *run = p;
            while (*p >= 0x20 && *p < 0x7F)
                p++;
            itin_strbuf_put(b, (const char *)run, (size_t)(p - run));
        } else if (c == '\r' || c == '\n') {
            p += (c == '\r' && p[1] == '\n') ? 2 : 1;
            itin_strbuf_putc(b, oneline ? ' ' : '\n');
        } else if (c == '\t') {
            itin_strbuf_putc(b, ' ');
            p++;
        } else if (c < 0x20 || c == 0x7F) {
            p++;
        } else {
            size_t n;
            if (itin_utf8_decode((const char *)p, 4, &n) < 0) {
                itin_strbuf_puts(b, "\xEF\xBF\xBD");
                p++;
            } else {
                itin_strbuf_put(b, (const char *)p, n);
                p += n;
            }
        }
    }
}

void
itin_ics_rtrim(itin_strbuf *b)
{
    while (b->len && (b->s[b->len - 1] == ' ' || b->s[b->len - 1] == '\n'))
        b->s[--b->len] = '\0';
}

char *
itin_ics_clean(const char *s, bool oneline)
{
    itin_strbuf b = {0};
    itin_ics_put_text(&b, s ? s : "", oneline);
    itin_ics_rtrim(&b);
    itin_strbuf_str(&b);
    return b.s;
}

bool
itin_ics_put_piece(itin_strbuf *b, const char *sep, const char *s)
{
    if (!s)
        return false;
    char *t = itin_ics_clean(s, true);
    bool any = *t != '\0';
    if (any) {
        if (b->len && sep)
            itin_strbuf_puts(b, sep);
        itin_strbuf_puts(b, t);
    }
    free(t);
    return any;
}

/* RFC 5545 §3.1 allows no DQUOTE inside a parameter value. */
char *
itin_ics_param_text(const char *s)
{
    char *c = itin_ics_clean(s, true);
    for (char *p = c; *p; p++)
        if (*p == '"')
            *p = '\'';
    return c;
}

static const char HEX_DIGITS[] = "0123456789ABCDEF";

/* Printable ASCII is kept, everything else percent-encoded. */
char *
itin_ics_uri_text(const char *s)
{
    itin_strbuf b = {0};
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned c = *p;
        if (c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '\\') {
            itin_strbuf_putc(&b, (char)c);
        } else {
            char e[3] = {'%', HEX_DIGITS[c >> 4], HEX_DIGITS[c & 15]};
            itin_strbuf_put(&b, e, 3);
        }
    }
    itin_strbuf_str(&b);
    return b.s;
}

/* Not "%XX": python-icalendar (and khal, built on it) turns "%3A" into ':' on
 * reading any value. */
void
itin_ics_put_id(itin_strbuf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
            c == '_' || c == '-') {
            itin_strbuf_putc(b, (char)c);
        } else {
            char e[3] = {'+', HEX_DIGITS[c >> 4], HEX_DIGITS[c & 15]};
            itin_strbuf_put(b, e, 3);
        }
    }
}

const char *
itin_ics_usable_email(const char *e)
{
    if (!e || !*e || !strchr(e, '@'))
        return NULL;
    for (const unsigned char *p = (const unsigned char *)e; *p; p++)
        if (*p <= 0x20 || *p == 0x7F || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
            return NULL;
    return e;
}

/* ------------------------------------------------------------ string sets */

/* Double the table (64 slots at first), rehashing the keys it holds. */
static void
strset_grow(ics_strset *set)
{
    size_t cap = set->cap ? set->cap * 2 : 64;
    char **slot = itin_xmalloc(cap * sizeof *slot);
    memset(slot, 0, cap * sizeof *slot);
    for (size_t i = 0; i < set->cap; i++)
        if (set->slot[i]) {
            size_t j = itin_hash_string(set->slot[i]) & (cap - 1);
            while (slot[j])
                j = (j + 1) & (cap - 1);
            slot[j] = set->slot[i];
        }
    free(set->slot);
    set->slot = slot;
    set->cap = cap;
}

bool
itin_ics_strset_add(ics_strset *set, const char *s)
{
    if ((set->n + 1) * 2 > set->cap)
        strset_grow(set);
    size_t j = itin_hash_string(s) & (set->cap - 1);
    while (set->slot[j]) {
        if (strcmp(set->slot[j], s) == 0)
            return false;
        j = (j + 1) & (set->cap - 1);
    }
    set->slot[j] = itin_xstrdup(s);
    set->n++;
    return true;
}

void
itin_ics_strset_free(ics_strset *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->slot[i]);
    free(set->slot);
    *set = (ics_strset){0};
}
