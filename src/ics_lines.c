/* ics_lines: the content lines of properties as libical serialises them,
 * each distinct property serialised once per calendar. A calendar of
 * 100,000 events repeats most of its lines (DTSTAMP, STATUS, the times,
 * titles and places); libical spends a fresh buffer on every line it
 * writes, so the exporter asks here first and only builds and serialises a
 * property that is not known yet. The bytes are always libical's. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ics.h"

/* Past this many bytes of remembered lines the memory starts over, so that
 * a calendar of unique texts costs no more than one of repeated ones. */
#define LINES_BUDGET ((size_t)8 << 20)

struct ics_lines {
    itin_arena *A; /* keys and lines */
    itin_strmap map;
    struct ics_line {
        const char *text;
        size_t len;
    } * line;
    size_t n, cap;
};

ics_lines *
itin_ics_lines_new(void)
{
    ics_lines *L = itin_xcalloc(1, sizeof *L);
    L->A = itin_arena_new();
    itin_strmap_init(&L->map);
    return L;
}

void
itin_ics_lines_free(ics_lines *L)
{
    if (!L)
        return;
    itin_strmap_free(&L->map);
    itin_arena_free(L->A);
    free(L->line);
    free(L);
}

bool
itin_ics_lines_put(ics_lines *L, const char *key, itin_strbuf *out)
{
    size_t i;
    if (!key || !itin_strmap_get(&L->map, key, &i))
        return false;
    itin_strbuf_put(out, L->line[i].text, L->line[i].len);
    return true;
}

size_t
itin_ics_repair_folding(char *s, size_t len)
{
    char *w = s;
    for (const char *r = s, *end = s + len; r < end;) {
        if (end - r >= 5 && memcmp(r, "\r\r\n \n", 5) == 0) {
            memcpy(w, "\r\n", 2);
            w += 2;
            r += 5;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
    return (size_t)(w - s);
}

bool
itin_ics_lines_add(ics_lines *L, const char *key, icalproperty *p, itin_strbuf *out)
{
    char *text = icalproperty_as_ical_string_r(p);
    icalproperty_free(p);
    if (!text)
        return false;
    size_t len = itin_ics_repair_folding(text, strlen(text));
    itin_strbuf_put(out, text, len);
    if (key) {
        if (itin_arena_used(L->A) > LINES_BUDGET) {
            itin_strmap_free(&L->map);
            itin_strmap_init(&L->map);
            itin_arena_reset(L->A);
            L->n = 0;
        }
        if (L->n == L->cap) {
            L->cap = L->cap ? 2 * L->cap : 256;
            L->line = itin_xrealloc(L->line, L->cap * sizeof *L->line);
        }
        L->line[L->n] = (struct ics_line){itin_arena_strndup(L->A, text, len), len};
        itin_strmap_put(&L->map, itin_arena_strdup(L->A, key), L->n++, NULL);
    }
    free(text);
    return true;
}
