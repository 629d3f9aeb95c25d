/* export_text: the printed agenda as plain text, wrapped to a width counted
 * in terminal display columns (Hangul counts two), with continuation lines
 * indented under their column. Lays out the agenda built in agenda.c. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "strbuf.h"
#include "xalloc.h"

/* The text goes to `pend` and to the file a day at a time: one write
 * instead of one per piece. */
typedef struct out {
    FILE *f;
    int width;
    int bad;
    itin_strbuf pend;
} out;

static void
text_emit(out *o, const char *s, size_t n)
{
    itin_strbuf_put(&o->pend, s, n);
}

static void
text_flush(out *o)
{
    if (o->pend.len && fwrite(o->pend.s, 1, o->pend.len, o->f) != o->pend.len)
        o->bad = -1;
    itin_strbuf_clear(&o->pend);
}

static void
spaces(out *o, size_t n)
{
    static const char sp[] = "                                                                ";
    while (n > 0) {
        size_t k = n < sizeof sp - 1 ? n : sizeof sp - 1;
        text_emit(o, sp, k);
        n -= k;
    }
}

static void
rule(out *o, const char *ch)
{
    for (int i = 0; i < o->width; i++)
        text_emit(o, ch, strlen(ch));
    text_emit(o, "\n", 1);
}

/* Write one paragraph: `first` (already `first_w` columns wide) starts the
 * first line, continuation lines start with `indent` spaces, and words break
 * where ICU's line-break rules allow. A word wider than the line stands alone
 * on its line. */
static void
wrap(out *o, const char *first, size_t first_w, size_t indent, const char *raw)
{
    /* One paragraph is one line of source: control characters (a newline in
     * a title, an escape sequence) become spaces, never terminal input. */
    size_t len = strlen(raw);
    char *text = itin_xmalloc(len + 1);
    for (size_t i = 0; i <= len; i++)
        text[i] = (i < len && ((unsigned char)raw[i] < 0x20 || raw[i] == 0x7f)) ? ' ' : raw[i];
    /* Most lines fit: then no break is needed, and none is looked for. */
    if (first_w + itin_display_width(text, len) <= (size_t)o->width) {
        size_t line_end = len;
        while (line_end > 0 && text[line_end - 1] == ' ')
            line_end--;
        text_emit(o, first, strlen(first));
        text_emit(o, text, line_end);
        text_emit(o, "\n", 1);
        free(text);
        return;
    }
    size_t max = len + 2;
    size_t *breaks = itin_xmalloc(max * sizeof *breaks);
    size_t nb = itin_line_breaks(text, len, breaks, max);
    text_emit(o, first, strlen(first));
    size_t col = first_w, start = 0, pos = 0;
    bool line_empty = true;
    for (size_t i = 0; i < nb; i++) {
        /* A number stays with what follows it ("3,6 km", "20 Min."). */
        if (i + 1 < nb && breaks[i] >= 2 && text[breaks[i] - 1] == ' ' && text[breaks[i] - 2] >= '0' &&
            text[breaks[i] - 2] <= '9')
            continue;
        /* The segment [pos, breaks[i]) ends with the spaces before the break. */
        size_t end = breaks[i], vis_end = end;
        while (vis_end > pos && (text[vis_end - 1] == ' ' || text[vis_end - 1] == '\n'))
            vis_end--;
        size_t seg_w = itin_display_width(text + pos, vis_end - pos);
        /* Break before this segment when it does not fit — even before the
         * first one, when the prefix reaches past the continuation indent. */
        if ((!line_empty || col > indent) && col + seg_w > (size_t)o->width) {
            /* Finish the line before this segment, trailing spaces dropped. */
            size_t line_end = pos;
            while (line_end > start && text[line_end - 1] == ' ')
                line_end--;
            text_emit(o, text + start, line_end - start);
            text_emit(o, "\n", 1);
            spaces(o, indent);
            col = indent;
            start = pos;
            line_empty = true;
        }
        col += itin_display_width(text + pos, end - pos);
        line_empty = false;
        pos = end;
    }
    size_t line_end = len;
    while (line_end > start && (text[line_end - 1] == ' ' || text[line_end - 1] == '\n'))
        line_end--;
    if (start < line_end)
        text_emit(o, text + start, line_end - start);
    text_emit(o, "\n", 1);
    free(breaks);
    free(text);
}

/* Free text (a description) as paragraphs: a blank line separates them, a
 * single line break is a space, as in Markdown. */
static void
text_paragraphs(out *o, size_t indent, const char *text)
{
    char *pad = itin_xmalloc(indent + 1), *para = itin_xmalloc(strlen(text) + 1);
    memset(pad, ' ', indent);
    pad[indent] = '\0';
    const char *p = text;
    while (*p) {
        size_t n = 0;
        /* Collect lines up to a blank one. */
        while (*p && !(*p == '\n' && (p[1] == '\n' || p[1] == '\0'))) {
            para[n++] = *p == '\n' ? ' ' : *p;
            p++;
        }
        while (*p == '\n')
            p++;
        para[n] = '\0';
        if (n)
            wrap(o, pad, indent, indent, para);
    }
    free(pad);
    free(para);
}

/* "Label: text" starting at column `indent`, continuation under the text. */
static void
field(out *o, size_t indent, const agenda_field *f)
{
    if (!f->label) {
        text_paragraphs(o, indent, f->text);
        return;
    }
    if (!*f->label) {
        char *pad = itin_xmalloc(indent + 1);
        memset(pad, ' ', indent);
        pad[indent] = '\0';
        wrap(o, pad, indent, indent, f->text);
        free(pad);
        return;
    }
    size_t lw = itin_display_width(f->label, strlen(f->label));
    if (indent + lw + 2 + 8 > (size_t)o->width) {
        /* A label too long for the line (two languages on a narrow page):
         * label and text are wrapped as one paragraph. */
        size_t n = indent + 1, m = strlen(f->label) + strlen(f->text) + 3;
        char *pad = itin_xmalloc(n), *t = itin_xmalloc(m);
        memset(pad, ' ', indent);
        pad[indent] = '\0';
        snprintf(t, m, "%s: %s", f->label, f->text);
        wrap(o, pad, indent, indent, t);
        free(pad);
        free(t);
        return;
    }
    size_t n = indent + strlen(f->label) + 3;
    char *first = itin_xmalloc(n);
    memset(first, ' ', indent);
    snprintf(first + indent, n - indent, "%s: ", f->label);
    /* Continuation lines go under the text, unless that leaves too little
     * room on a narrow page: then they hang under the label. */
    size_t cont = indent + lw + 2;
    if (cont + 20 > (size_t)o->width)
        cont = indent + 2;
    wrap(o, first, indent + lw + 2, cont, f->text);
    free(first);
}

/* Title-block and list lines: labels padded to a common column. */
static void
table(out *o, const agenda_field *fields, size_t n, size_t indent)
{
    size_t lw = 0;
    for (size_t i = 0; i < n; i++) {
        size_t w = itin_display_width(fields[i].label, strlen(fields[i].label));
        if (w > lw)
            lw = w;
    }
    size_t col = indent + lw + 3;
    if (col > (size_t)o->width / 2)
        col = indent + 4; /* long labels: the text goes on the next line */
    for (size_t i = 0; i < n; i++) {
        const agenda_field *f = &fields[i];
        size_t w = itin_display_width(f->label, strlen(f->label));
        size_t len = indent + strlen(f->label) + col + 4;
        char *first = itin_xmalloc(len);
        memset(first, ' ', indent);
        size_t k = indent + (size_t)snprintf(first + indent, len - indent, "%s:", f->label);
        if (indent + w + 1 < col) {
            size_t pad = col - (indent + w + 1);
            memset(first + k, ' ', pad);
            first[k + pad] = '\0';
            wrap(o, first, col, col, f->text);
        } else {
            text_emit(o, first, k);
            text_emit(o, "\n", 1);
            char *pad = itin_xmalloc(col + 1);
            memset(pad, ' ', col);
            pad[col] = '\0';
            wrap(o, pad, col, col, f->text);
            free(pad);
        }
        free(first);
    }
}

/* One entry: a zone line when the zone or its offset changes, the time in
 * the first column and the title and fields `indent` deep beside it. A time
 * too wide for the column (one that names its offsets) stands on a line of
 * its own, with the title under it. */
static void
text_entry(out *o, const agenda_entry *e, size_t indent)
{
    if (e->zone) {
        spaces(o, indent);
        wrap(o, "", indent, indent, e->zone);
    }
    size_t len = strlen(e->time), w = itin_display_width(e->time, len);
    if (w + 2 > indent) {
        wrap(o, "", 0, 0, e->time);
        spaces(o, indent);
        wrap(o, "", indent, indent, e->title);
    } else {
        char *first = itin_xmalloc(len + indent + 1);
        memcpy(first, e->time, len);
        memset(first + len, ' ', indent - w);
        first[len + indent - w] = '\0';
        wrap(o, first, indent, indent, e->title);
        free(first);
    }
    for (size_t j = 0; j < e->n_fields; j++)
        field(o, indent, &e->fields[j]);
}

static void
text_head(out *o, const agenda *a)
{
    rule(o, "=");
    wrap(o, "", 0, 0, a->title);
    rule(o, "=");
    table(o, a->head, a->n_head, 0);
    text_flush(o);
}

static void
text_day(out *o, const agenda *a, const agenda_day *d, size_t indent)
{
    text_emit(o, "\n", 1);
    wrap(o, "", 0, 0, d->heading);
    rule(o, "-");
    if (d->n_entries == 0)
        wrap(o, "", 0, 0, a->no_items);
    for (size_t i = 0; i < d->n_entries; i++)
        text_entry(o, &d->entries[i], indent);
    if (d->n_nights)
        text_emit(o, "\n", 1);
    for (size_t j = 0; j < d->n_nights; j++)
        field(o, 0, &d->nights[j]);
    text_flush(o);
}

/* The participants and contacts; 0, or -1 with errno. */
static int
text_tail(out *o, const agenda *a)
{
    if (a->people_heading) {
        text_emit(o, "\n", 1);
        wrap(o, "", 0, 0, a->people_heading);
        rule(o, "-");
    }
    for (size_t i = 0; i < a->n_people; i++) {
        const agenda_field *p = &a->people[i];
        if (p->text && *p->text) {
            size_t n = strlen(p->label) + 8;
            char *first = itin_xmalloc(n);
            snprintf(first, n, "%s \u2013 ", p->label);
            wrap(o, first, itin_display_width(first, strlen(first)), 4, p->text);
            free(first);
        } else {
            wrap(o, "", 0, 4, p->label);
        }
    }
    if (a->n_contacts && a->contacts_heading) {
        text_emit(o, "\n", 1);
        wrap(o, "", 0, 0, a->contacts_heading);
        rule(o, "-");
        table(o, a->contacts, a->n_contacts, 0);
    }
    text_flush(o);
    free(o->pend.s);
    o->pend = (itin_strbuf){0};
    if (o->bad && !errno)
        errno = EIO;
    return o->bad || ferror(o->f) ? -1 : 0;
}

int
itin_agenda_write_text(const agenda *a, int width, FILE *f)
{
    out o = {f, width > 0 ? width : 80, 0, {0}};

    /* The time column: as wide as the widest time in the agenda, less the
     * rare ones that name their offsets (text_entry puts those apart);
     * itin_agenda_time_width finds the same from the items. */
    size_t tw = 11;
    for (size_t k = 0; k < a->n_days; k++)
        for (size_t i = 0; i < a->days[k].n_entries; i++) {
            const agenda_entry *e = &a->days[k].entries[i];
            size_t w = itin_display_width(e->time, strlen(e->time));
            if (!e->offsets && w > tw)
                tw = w;
        }
    text_head(&o, a);
    for (size_t k = 0; k < a->n_days; k++)
        text_day(&o, a, &a->days[k], tw + 2);
    return text_tail(&o, a);
}

/* A whole itinerary's agenda is built and written a day at a time, so that
 * only one day of it is in memory. */
int
itin_export_text(const itin_itinerary *it, const itin_render_options *opt, FILE *f)
{
    static const itin_render_options none;
    if (!opt)
        opt = &none;
    out o = {f, opt->width > 0 ? opt->width : 80, 0, {0}};
    size_t indent = itin_agenda_time_width(it) + 2;
    agenda *a = itin_agenda_begin(it, opt);
    text_head(&o, a);
    for (const agenda_day *d; (d = itin_agenda_next_day(a)) != NULL;)
        text_day(&o, a, d, indent);
    int rc = text_tail(&o, a);
    itin_agenda_free(a);
    return rc;
}
