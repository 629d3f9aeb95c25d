/* diag: every message the library produces, kept in one list with its position. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"

#define DEFAULT_LIMIT 100

void
itin_diags_init(itin_diags *d, size_t limit)
{
    memset(d, 0, sizeof *d);
    d->limit = limit ? limit : DEFAULT_LIMIT;
}

void
itin_diags_free(itin_diags *d)
{
    for (size_t i = 0; i < d->count; i++) {
        free(d->items[i].message);
        free((char *)d->items[i].pos.file);
    }
    free(d->items);
    size_t limit = d->limit;
    itin_diags_init(d, limit);
}

void
itin_diags_vadd(itin_diags *d, itin_severity sev, itin_pos pos, const char *fmt, va_list ap)
{
    if (sev == ITIN_ERROR) {
        d->errors++;
        if (d->errors > d->limit)
            return; /* counted; the caller reports how many were left out */
    } else if (sev == ITIN_CONFLICT) {
        d->conflicts++;
    } else if (sev == ITIN_WARNING) {
        d->warnings++;
    }
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    char *msg = itin_xmalloc((size_t)(n < 0 ? 0 : n) + 1);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    if (d->count == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->items = itin_xrealloc(d->items, d->cap * sizeof *d->items);
    }
    /* The list owns a copy of the file name: it outlives the plan. */
    if (pos.file)
        pos.file = itin_xstrdup(pos.file);
    d->items[d->count++] = (itin_diag){sev, pos, msg, NULL};
}

static const char *const WARNING_NAMES[ITIN_W__COUNT] = {
    [ITIN_W_LONG_DAY] = "long-day",
    [ITIN_W_TIGHT_TRANSFER] = "tight-transfer",
    [ITIN_W_NOBODY] = "nobody",
    [ITIN_W_WEEKEND] = "weekend",
    [ITIN_W_OUTSIDE_WINDOW] = "outside-window",
    [ITIN_W_AMBIGUOUS_TIME] = "ambiguous-time",
    [ITIN_W_CLOSED_ARRANGED] = "closed-by-arrangement",
    [ITIN_W_NO_HOLIDAYS] = "no-holidays",
    [ITIN_W_HOLIDAYS_YEARS] = "holidays-years",
    [ITIN_W_REVISION] = "revision",
    [ITIN_W_OTHER_DELEGATION] = "other-delegation",
    [ITIN_W_MISSING_TRANSLATION] = "missing-translation",
};

const char *
itin_warning_name(itin_warning w)
{
    return (unsigned)w < ITIN_W__COUNT ? WARNING_NAMES[w] : "";
}

void
itin_diags_warn(itin_diags *d, itin_warning w, itin_pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    itin_diags_vadd(d, ITIN_WARNING, pos, fmt, ap);
    va_end(ap);
    d->items[d->count - 1].name = itin_warning_name(w);
}

void
itin_diags_add(itin_diags *d, itin_severity sev, itin_pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    itin_diags_vadd(d, sev, pos, fmt, ap);
    va_end(ap);
}

itin_severity
itin_diags_worst(const itin_diags *d)
{
    if (d->errors)
        return ITIN_ERROR;
    if (d->conflicts)
        return ITIN_CONFLICT;
    if (d->warnings)
        return ITIN_WARNING;
    return ITIN_NOTE;
}

const char *
itin_severity_name(itin_severity sev)
{
    switch (sev) {
    case ITIN_ERROR:
    case ITIN_CONFLICT:
        return "error";
    case ITIN_WARNING:
        return "warning";
    default:
        return "note";
    }
}

/* Files are ordered by first appearance so the main file's messages and each
 * included file's stay together in the order the loader met them. */
static const char **sort_files;
static size_t sort_nfiles;

static size_t
file_rank(const char *f)
{
    for (size_t i = 0; i < sort_nfiles; i++)
        if (sort_files[i] == f || (f && sort_files[i] && strcmp(sort_files[i], f) == 0))
            return i;
    return sort_nfiles;
}

typedef struct {
    itin_diag d;
    size_t rank, seq;
} keyed;

static int
cmp_keyed(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    if (a->d.pos.line != b->d.pos.line)
        return a->d.pos.line < b->d.pos.line ? -1 : 1;
    if (a->d.pos.col != b->d.pos.col)
        return a->d.pos.col < b->d.pos.col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void
itin_diags_sort(itin_diags *d)
{
    if (d->count < 2)
        return;
    const char **files = itin_xmalloc(d->count * sizeof *files);
    size_t nf = 0;
    sort_files = files;
    for (size_t i = 0; i < d->count; i++) {
        sort_nfiles = nf;
        if (file_rank(d->items[i].pos.file) == nf)
            files[nf++] = d->items[i].pos.file;
    }
    sort_nfiles = nf;
    keyed *k = itin_xmalloc(d->count * sizeof *k);
    for (size_t i = 0; i < d->count; i++)
        k[i] = (keyed){d->items[i], file_rank(d->items[i].pos.file), i};
    qsort(k, d->count, sizeof *k, cmp_keyed);
    /* The same message at the same place once (a merged mapping is checked
     * wherever it is merged). */
    size_t n = 0;
    for (size_t i = 0; i < d->count; i++) {
        const itin_diag *prev = n ? &d->items[n - 1] : NULL;
        if (prev && prev->severity == k[i].d.severity && prev->pos.line == k[i].d.pos.line &&
            prev->pos.col == k[i].d.pos.col && k[i].rank == k[i - 1].rank &&
            strcmp(prev->message, k[i].d.message) == 0) {
            free(k[i].d.message);
            free((char *)k[i].d.pos.file);
            continue;
        }
        d->items[n++] = k[i].d;
    }
    d->count = n;
    free(k);
    free(files);
    sort_files = NULL;
    sort_nfiles = 0;
}
