/* export_markdown: the printed agenda as CommonMark — a heading per day, the
 * items as a list — laid out from the same agenda as the text. Every piece of
 * user text is escaped so that it cannot change the structure or carry HTML. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "strbuf.h"
#include "xalloc.h"

/* The text goes to `pend` and to the file a day at a time: one write
 * instead of one per piece. */
typedef struct md {
    FILE *f;
    int bad;
    itin_strbuf pend;
} md;

static void
md_put(md *m, const char *s)
{
    itin_strbuf_puts(&m->pend, s);
}

static void
md_flush(md *m)
{
    if (m->pend.len && fwrite(m->pend.s, 1, m->pend.len, m->f) != m->pend.len)
        m->bad = -1;
    itin_strbuf_clear(&m->pend);
}

/* Characters that can start inline structure anywhere (emphasis, code,
 * links, images, HTML, entities, tables, strikethrough, escapes). */
static bool
inline_special(char c)
{
    static const bool special[256] = {
        ['\\'] = true, ['`'] = true, ['*'] = true, ['_'] = true, ['['] = true, [']'] = true,
        ['<'] = true,  ['>'] = true, ['&'] = true, ['!'] = true, ['|'] = true, ['~'] = true};
    return special[(unsigned char)c];
}

/* User text on one line: newlines become spaces, control characters go,
 * and whatever Markdown would read as structure is backslash-escaped
 * (CommonMark §2.4: any ASCII punctuation may be escaped). `line_start`:
 * the text begins a line, where block syntax (#, -, +, >, 1.) matters too. */
static void
md_text(md *m, const char *s, bool line_start)
{
    char buf[512];
    size_t n = 0;
    bool at_start = line_start;
    for (const char *p = s; *p; p++) {
        char c = *p;
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
        if ((unsigned char)c < 0x20 || c == 0x7f)
            continue;
        if (at_start && c == ' ')
            continue; /* leading spaces could make a code block */
        bool esc = inline_special(c);
        if (at_start && strchr("#-+=>~`", c))
            esc = true;
        if (at_start && c >= '0' && c <= '9') {
            /* "1." or "1)" at the start of a line would begin a list. */
            const char *q = p;
            while (*q >= '0' && *q <= '9')
                q++;
            if (*q == '.' || *q == ')') {
                size_t k = (size_t)(q - p);
                if (n + k + 2 >= sizeof buf) {
                    buf[n] = '\0';
                    md_put(m, buf);
                    n = 0;
                }
                memcpy(buf + n, p, k);
                n += k;
                buf[n++] = '\\';
                buf[n++] = *q;
                p = q;
                at_start = false;
                continue;
            }
        }
        at_start = false;
        if (n + 3 >= sizeof buf) {
            buf[n] = '\0';
            md_put(m, buf);
            n = 0;
        }
        if (esc)
            buf[n++] = '\\';
        buf[n++] = c;
    }
    buf[n] = '\0';
    md_put(m, buf);
}

/* "**Label:** text" */
static void
labelled(md *m, const agenda_field *f)
{
    if (!*f->label) { /* a line without a label */
        md_text(m, f->text, false);
        return;
    }
    md_put(m, "**");
    md_text(m, f->label, false);
    md_put(m, ":** ");
    md_text(m, f->text, false);
}

/* Free text: paragraphs split at blank lines, each `indent` deep. */
static void
md_paragraphs(md *m, const char *s, const char *indent)
{
    char *copy = itin_xmalloc(strlen(s) + 1);
    const char *p = s;
    while (*p) {
        size_t n = 0;
        while (*p && !(*p == '\n' && (p[1] == '\n' || p[1] == '\0')))
            copy[n++] = *p++;
        while (*p == '\n')
            p++;
        copy[n] = '\0';
        if (!n)
            continue;
        md_put(m, "\n");
        md_put(m, indent);
        md_text(m, copy, true);
        md_put(m, "\n");
    }
    free(copy);
}

/* One entry as a list item: the time in bold, the title, the fields on
 * the lines after it; a zone change before it as a line of its own. */
static void
md_entry(md *m, const agenda_entry *e, bool after_another)
{
    if (e->zone) {
        /* A zone change interrupts the list with its own line. */
        if (after_another)
            md_put(m, "\n");
        md_put(m, "*");
        md_text(m, e->zone, false);
        md_put(m, "*\n\n");
    }
    md_put(m, "- **");
    md_text(m, e->time, false);
    md_put(m, "** ");
    md_text(m, e->title, false);
    bool described = false;
    for (size_t j = 0; j < e->n_fields; j++) {
        const agenda_field *fl = &e->fields[j];
        if (!fl->label) {
            /* Free text after the fields, as paragraphs of the item. */
            md_put(m, "\n");
            md_paragraphs(m, fl->text, "  ");
            described = true;
            continue;
        }
        md_put(m, described ? "\n  " : "\\\n  ");
        labelled(m, fl);
        described = false;
    }
    md_put(m, "\n");
}

static void
md_head(md *m, const agenda *a)
{
    md_put(m, "# ");
    md_text(m, a->title, false);
    md_put(m, "\n\n");
    for (size_t i = 0; i < a->n_head; i++) {
        md_put(m, "- ");
        labelled(m, &a->head[i]);
        md_put(m, "\n");
    }
    md_flush(m);
}

static void
md_day(md *m, const agenda *a, const agenda_day *d)
{
    md_put(m, "\n## ");
    md_text(m, d->heading, false);
    md_put(m, "\n\n");
    if (d->n_entries == 0) {
        md_text(m, a->no_items, true);
        md_put(m, "\n");
    }
    for (size_t i = 0; i < d->n_entries; i++)
        md_entry(m, &d->entries[i], i > 0);
    if (d->n_nights)
        md_put(m, "\n");
    for (size_t j = 0; j < d->n_nights; j++) {
        labelled(m, &d->nights[j]);
        md_put(m, j + 1 < d->n_nights ? "\\\n" : "\n");
    }
    md_flush(m);
}

/* The participants and contacts; 0, or -1 with errno. */
static int
md_tail(md *m, const agenda *a)
{
    if (a->people_heading) {
        md_put(m, "\n## ");
        md_text(m, a->people_heading, false);
        md_put(m, "\n\n");
    }
    for (size_t i = 0; i < a->n_people; i++) {
        md_put(m, "- **");
        md_text(m, a->people[i].label, false);
        md_put(m, "**");
        if (a->people[i].text && *a->people[i].text) {
            md_put(m, " \u2013 ");
            md_text(m, a->people[i].text, false);
        }
        md_put(m, "\n");
    }
    if (a->n_contacts && a->contacts_heading) {
        md_put(m, "\n## ");
        md_text(m, a->contacts_heading, false);
        md_put(m, "\n\n");
        for (size_t i = 0; i < a->n_contacts; i++) {
            md_put(m, "- ");
            labelled(m, &a->contacts[i]);
            md_put(m, "\n");
        }
    }
    md_flush(m);
    free(m->pend.s);
    m->pend = (itin_strbuf){0};
    if (m->bad && !errno)
        errno = EIO;
    return m->bad || ferror(m->f) ? -1 : 0;
}

int
itin_agenda_write_markdown(const agenda *a, FILE *f)
{
    md m = {f, 0, {0}};
    md_head(&m, a);
    for (size_t k = 0; k < a->n_days; k++)
        md_day(&m, a, &a->days[k]);
    return md_tail(&m, a);
}

/* A whole itinerary's agenda is built and written a day at a time, so that
 * only one day of it is in memory. */
int
itin_export_markdown(const itin_itinerary *it, const itin_render_options *opt, FILE *f)
{
    static const itin_render_options none;
    if (!opt)
        opt = &none;
    md m = {f, 0, {0}};
    agenda *a = itin_agenda_begin(it, opt);
    md_head(&m, a);
    for (const agenda_day *d; (d = itin_agenda_next_day(a)) != NULL;)
        md_day(&m, a, d);
    int rc = md_tail(&m, a);
    itin_agenda_free(a);
    return rc;
}
