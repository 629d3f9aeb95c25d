/* report: diagnostics on standard error, as compilers print them — position,
 * severity, message, then the offending source line with a caret under the
 * column. Colour only on a terminal, and never when NO_COLOR is set or
 * TERM is dumb. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "utf8.h"
#include "xalloc.h"
#include "report.h"

/* The lines of one file, read once for all its messages. */
typedef struct source {
    char *name;
    char *text; /* NULL when it could not be read */
    size_t len;
    size_t *line; /* byte offset of each line's start */
    size_t n_lines;
} source;

static source *sources;
static size_t n_sources;

/* The file `name`, read as far as its line `upto` (diagnostics near the
 * top of a large plan need no more of it). */
static const source *
source_of(const char *name, int upto)
{
    for (size_t i = 0; i < n_sources; i++)
        if (strcmp(sources[i].name, name) == 0)
            return &sources[i];
    sources = itin_xrealloc(sources, (n_sources + 1) * sizeof *sources);
    source *s = &sources[n_sources++];
    memset(s, 0, sizeof *s);
    s->name = itin_xstrdup(name);
    /* Standard input is gone by now; built-in data has no file. */
    if (strcmp(name, "-") == 0 || name[0] == '<')
        return s;
    FILE *f = fopen(name, "rb");
    if (!f)
        return s;
    size_t cap = 65536, newlines = 0;
    s->text = itin_xmalloc(cap);
    while (s->text && newlines < (size_t)upto) {
        size_t r = fread(s->text + s->len, 1, cap - s->len, f);
        for (size_t i = s->len; i < s->len + r; i++)
            newlines += s->text[i] == '\n';
        s->len += r;
        if (r == 0)
            break;
        if (s->len == cap) {
            char *t = cap < (32u << 20) ? itin_xrealloc(s->text, cap * 2) : NULL;
            if (!t) {
                free(s->text);
                s->text = NULL;
                break;
            }
            s->text = t;
            cap *= 2;
        }
    }
    fclose(f);
    if (!s->text)
        return s;
    s->line = itin_xmalloc((newlines + 1) * sizeof *s->line);
    s->line[s->n_lines++] = 0;
    for (size_t i = 0; i < s->len; i++)
        if (s->text[i] == '\n')
            s->line[s->n_lines++] = i + 1;
    return s;
}

static void
free_sources(void)
{
    for (size_t i = 0; i < n_sources; i++) {
        free(sources[i].name);
        free(sources[i].text);
        free(sources[i].line);
    }
    free(sources);
    sources = NULL;
    n_sources = 0;
}

/* The source line and a caret under column `col` (1-based, in characters;
 * the caret is placed in display columns, tabs kept as tabs). */
static void
show_line(const source *s, int line, int col, bool colour)
{
    if (!s || !s->line || line < 1 || (size_t)line > s->n_lines)
        return;
    size_t start = s->line[line - 1], end = start;
    while (end < s->len && s->text[end] != '\n' && s->text[end] != '\r')
        end++;
    if (end - start > 500)
        return; /* a huge line helps nobody */
    if (!itin_utf8_valid(s->text + start, end - start, NULL))
        return; /* not text a terminal can show (UTF-16, bad bytes) */
    fputs("  ", stderr);
    for (size_t i = start; i < end; i++) {
        unsigned char c = (unsigned char)s->text[i];
        fputc(c < 0x20 && c != '\t' ? ' ' : c, stderr);
    }
    fputs("\n  ", stderr);
    /* Walk `col - 1` characters, padding with their display width. */
    size_t i = start;
    for (int k = 1; k < col && i < end; k++) {
        size_t n = 1;
        while (i + n < end && itin_utf8_continues((unsigned char)s->text[i + n]))
            n++;
        if (s->text[i] == '\t')
            fputc('\t', stderr);
        else
            for (size_t w = itin_text_width(s->text + i, n); w > 0; w--)
                fputc(' ', stderr);
        i += n;
    }
    fputs(colour ? "\033[1;32m^\033[0m\n" : "^\n", stderr);
}

void
print_diags(itin_diags *d)
{
    const char *nc = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    bool colour = isatty(STDERR_FILENO) && !(nc && *nc) && !(term && strcmp(term, "dumb") == 0);
    itin_diags_sort(d);
    /* The last line any message shows, so that no file is read further. */
    int upto = 0;
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].pos.line > upto)
            upto = d->items[i].pos.line;
    for (size_t i = 0; i < d->count; i++) {
        const itin_diag *g = &d->items[i];
        const char *sev = itin_severity_name(g->severity);
        const char *hue = g->severity >= ITIN_CONFLICT  ? "\033[1;31m"
                          : g->severity == ITIN_WARNING ? "\033[1;35m"
                                                        : "\033[1;36m";
        const char *bold = colour ? "\033[1m" : "", *off = colour ? "\033[0m" : "";
        if (g->pos.file && g->pos.line > 0)
            fprintf(stderr, "%s%s:%d:%d:%s ", bold, g->pos.file, g->pos.line, g->pos.col, off);
        else if (g->pos.file)
            fprintf(stderr, "%s%s:%s ", bold, g->pos.file, off);
        else
            fprintf(stderr, "%sitinerary:%s ", bold, off);
        if (g->name)
            fprintf(stderr, "%s%s:%s %s [%s%s%s]\n", colour ? hue : "", sev, off, g->message,
                    colour ? hue : "", g->name, off);
        else
            fprintf(stderr, "%s%s:%s %s\n", colour ? hue : "", sev, off, g->message);
        if (g->pos.file && g->pos.line > 0)
            show_line(source_of(g->pos.file, upto), g->pos.line, g->pos.col, colour);
    }
    free_sources();
}
