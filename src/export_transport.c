/* export_transport: the transport sheet for whoever books the vehicles — per
 * day every transfer with its times, places, mode, head count and names, and
 * how many road vehicles run at once; as text, Markdown or CSV (RFC 4180).
 * Only formats the itinerary's transfer items. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "datetime.h"
#include "i18n.h"
#include "text.h"
#include "strbuf.h"
#include "vehicles.h"
#include "who.h"

/* One transfer as the sheet shows it. */
typedef struct row {
    char date[16];
    char start[ITIN_HM_SIZE], end[ITIN_HM_SIZE];
    bool next_day; /* it ends on a later date */
    const char *from, *to;
    const itin_item *x;
    size_t people;
    const char **names;
    size_t vehicles; /* road transfers running at once during it; 0 off the road */
} row;

typedef struct sheet {
    const itin_itinerary *it;
    itin_arena *A;
    itin_lang lang;
    int width; /* text: the names wrap at this many display columns */
} sheet;

/* A place's short name (else its name) in the sheet's language (text.h). */
static const char *
place_name(const sheet *s, size_t i)
{
    const itin_institution *I = &s->it->plan->institutions[i];
    return itin_text_pick(s->it->plan, I->short_name ? I->short_name : I->name, s->lang, NULL);
}

static row
make_row(const sheet *s, const itin_day *day, size_t k)
{
    const itin_plan *P = s->it->plan;
    const itin_item *x = &s->it->items[k];
    row r = {.x = x, .from = place_name(s, x->from), .to = place_name(s, x->to)};
    itin_date_format(x->local_start_date, r.date);
    itin_hm(x->local_start, r.start);
    itin_date end_date = x->local_end_date;
    int end = x->local_end;
    itin_end_of_day(x->local_start_date, &end_date, &end);
    itin_hm(end, r.end);
    r.next_day = end_date > x->local_start_date;
    size_t np = P->delegation.n_participants;
    r.names = itin_arena_alloc(s->A, (np ? np : 1) * sizeof *r.names);
    ITIN_WHO_EACH(i, x->who, np)
    {
        const itin_participant *p = &P->delegation.participants[i];
        r.names[r.people++] = p->name ? itin_text_pick(P, p->name, s->lang, NULL) : p->id;
    }
    int64_t at;
    r.vehicles = itin_vehicles_during(s->it, day, k, &at);
    return r;
}

static bool
listed(const itin_itinerary *it, size_t k)
{
    const itin_item *x = &it->items[k];
    return x->kind == ITIN_ITEM_TRANSFER && x->status != ITIN_CANCELLED;
}

static const char *
heading(const sheet *s, const itin_day *day)
{
    const itin_delegation *D = &s->it->plan->delegation;
    const char *label = itin_arena_printf(s->A, itin_label_text(s->lang, L_DAY), day->number);
    if (day->date < D->start || day->date > D->end)
        label =
            itin_arena_printf(s->A, "%s (%s)", label,
                              itin_label_text(s->lang, day->date < D->start ? L_DAY_BEFORE : L_DAY_AFTER));
    return itin_arena_printf(s->A, "%s \u00b7 %s", label, itin_date_long(s->A, s->lang, day->date));
}

static const char *
people_text(const sheet *s, size_t n)
{
    if (n == 1)
        return itin_label_text(s->lang, L_PERSON);
    return itin_arena_printf(s->A, itin_label_text(s->lang, L_PEOPLE), n);
}

/* "2 (13:00)": the day's most road vehicles at once and when; NULL when the
 * day has no road transfer. */
static const char *
peak_text(const sheet *s, const itin_day *day)
{
    int64_t at = 0;
    size_t n = itin_vehicles_peak(s->it, day, &at);
    for (size_t i = 0; n && i < day->n_items; i++) {
        const itin_item *x = &s->it->items[day->items[i]];
        if (listed(s->it, day->items[i]) && x->start == at) {
            char hm[ITIN_HM_SIZE];
            return itin_arena_printf(s->A, "%s: %zu (%s)", itin_label_text(s->lang, L_VEHICLES), n,
                                     itin_hm(x->local_start, hm));
        }
    }
    return NULL;
}

/* Text, with control characters as spaces: one line stays one line. */
static void
put_plain(itin_strbuf *b, const char *t)
{
    for (; *t; t++)
        itin_strbuf_putc(b, ((unsigned char)*t < 0x20 || *t == 0x7f) ? ' ' : *t);
}

/* Markdown: characters that could start markup escaped (CommonMark §2.4). */
static void
put_md(itin_strbuf *b, const char *t)
{
    for (; *t; t++) {
        if (strchr("\\`*_[]<>#!|~&$", *t))
            itin_strbuf_putc(b, '\\');
        itin_strbuf_putc(b, ((unsigned char)*t < 0x20 || *t == 0x7f) ? ' ' : *t);
    }
}

/* The names under a transfer, indented, a line broken after a comma when
 * the next name would pass the width (a name is never broken). */
static void
put_names(const sheet *s, itin_strbuf *b, const row *r)
{
    enum { INDENT = 15 };
    size_t col = 0;
    for (size_t i = 0; i < r->people; i++) {
        itin_strbuf name = {0};
        put_plain(&name, r->names[i]);
        size_t w = itin_display_width(itin_strbuf_str(&name), name.len) + (i + 1 < r->people);
        if (i && col + 1 + w > (size_t)s->width) {
            itin_strbuf_puts(b, "\n");
            col = 0;
        } else if (i) {
            itin_strbuf_puts(b, " ");
            col++;
        }
        if (col == 0) {
            itin_strbuf_puts(b, "               ");
            col = INDENT;
        }
        itin_strbuf_puts(b, itin_strbuf_str(&name));
        itin_strbuf_puts(b, i + 1 < r->people ? "," : "");
        col += w;
        free(name.s);
    }
    itin_strbuf_puts(b, "\n");
}

/* "09:25–09:45 Hotel → WFS · by bus · 3 people" (markdown: escaped). */
static void
put_summary(const sheet *s, itin_strbuf *b, const row *r, bool md)
{
    if (md)
        itin_strbuf_puts(b, "- **");
    itin_strbuf_puts(b, md ? "" : "  ");
    itin_strbuf_puts(b, r->start);
    itin_strbuf_puts(b, "\u2013");
    itin_strbuf_puts(b, r->end);
    if (r->next_day)
        itin_strbuf_puts(b, " +1");
    itin_strbuf_puts(b, md ? "** " : "  ");
    (md ? put_md : put_plain)(b, r->from);
    itin_strbuf_puts(b, " \u2192 ");
    (md ? put_md : put_plain)(b, r->to);
    itin_strbuf_puts(b, " \u00b7 ");
    itin_strbuf_puts(b, itin_mode_label(s->lang, r->x->mode));
    itin_strbuf_puts(b, " \u00b7 ");
    itin_strbuf_puts(b, people_text(s, r->people));
    if (md) {
        itin_strbuf_puts(b, ": ");
        for (size_t i = 0; i < r->people; i++) {
            itin_strbuf_puts(b, i ? ", " : "");
            put_md(b, r->names[i]);
        }
        itin_strbuf_puts(b, "\n");
    } else {
        itin_strbuf_puts(b, "\n");
        put_names(s, b, r);
    }
}

/* The text or Markdown sheet. */
static void
write_sheet(const sheet *s, itin_strbuf *b, bool md)
{
    const itin_itinerary *it = s->it;
    const char *title = it->plan->delegation.title
                            ? itin_text_pick(it->plan, it->plan->delegation.title, s->lang, NULL)
                            : it->plan->delegation.id;
    itin_strbuf_puts(b, md ? "# " : "");
    itin_strbuf_puts(b, itin_label_text(s->lang, L_TRANSPORT));
    itin_strbuf_puts(b, " \u00b7 ");
    (md ? put_md : put_plain)(b, title);
    itin_strbuf_puts(b, "\n");
    for (size_t k = 0; k < it->n_days; k++) {
        const itin_day *day = &it->days[k];
        itin_strbuf_puts(b, md ? "\n## " : "\n");
        itin_strbuf_puts(b, heading(s, day));
        itin_strbuf_puts(b, md ? "\n\n" : "\n");
        size_t n = 0;
        for (size_t i = 0; i < day->n_items; i++) {
            if (!listed(it, day->items[i]))
                continue;
            row r = make_row(s, day, day->items[i]);
            put_summary(s, b, &r, md);
            n++;
        }
        const char *peak = peak_text(s, day);
        if (!n) {
            itin_strbuf_puts(b, md ? "" : "  ");
            itin_strbuf_puts(b, itin_label_text(s->lang, L_NO_TRANSFERS));
            itin_strbuf_puts(b, "\n");
        } else if (peak) {
            itin_strbuf_puts(b, md ? "\n" : "  ");
            itin_strbuf_puts(b, peak);
            itin_strbuf_puts(b, "\n");
        }
    }
}

/* One CSV field, quoted when it holds a comma, quote or line break (RFC 4180 §2). */
static void
put_csv(itin_strbuf *b, const char *t, bool last)
{
    bool quote = strpbrk(t, ",\"\r\n") != NULL;
    if (quote)
        itin_strbuf_putc(b, '"');
    for (; *t; t++) {
        if (*t == '"')
            itin_strbuf_putc(b, '"');
        itin_strbuf_putc(b, *t);
    }
    if (quote)
        itin_strbuf_putc(b, '"');
    itin_strbuf_puts(b, last ? "\r\n" : ",");
}

/* The CSV sheet: a header, then one record a transfer. */
static void
write_csv(const sheet *s, itin_strbuf *b)
{
    itin_strbuf_puts(b, "date,start,end,from,to,mode,people,names,vehicles\r\n");
    for (size_t k = 0; k < s->it->n_days; k++) {
        const itin_day *day = &s->it->days[k];
        for (size_t i = 0; i < day->n_items; i++) {
            if (!listed(s->it, day->items[i]))
                continue;
            row r = make_row(s, day, day->items[i]);
            itin_strbuf names = {0};
            for (size_t j = 0; j < r.people; j++) {
                if (j)
                    itin_strbuf_puts(&names, "; ");
                itin_strbuf_puts(&names, r.names[j]);
            }
            char date[16];
            put_csv(b, itin_date_format(day->date, date), false);
            put_csv(b, r.start, false);
            put_csv(b, r.end, false);
            put_csv(b, r.from, false);
            put_csv(b, r.to, false);
            put_csv(b, itin_mode_name(r.x->mode), false);
            put_csv(b, itin_arena_printf(s->A, "%zu", r.people), false);
            put_csv(b, itin_strbuf_str(&names), false);
            put_csv(b, r.vehicles ? itin_arena_printf(s->A, "%zu", r.vehicles) : "", true);
            free(names.s);
        }
    }
}

int
itin_export_transport(const itin_itinerary *it, const itin_render_options *opt, itin_transport_style style,
                      FILE *out)
{
    const char *lang = opt && opt->lang ? opt->lang : it->plan->delegation.language;
    sheet s = {it, itin_arena_new(), itin_lang_of(lang), opt && opt->width ? opt->width : 80};
    itin_strbuf b = {0};
    if (style == ITIN_TRANSPORT_CSV)
        write_csv(&s, &b);
    else
        write_sheet(&s, &b, style == ITIN_TRANSPORT_MARKDOWN);
    int rc = fwrite(itin_strbuf_str(&b), 1, b.len, out) == b.len && !ferror(out) ? 0 : -1;
    free(b.s);
    itin_arena_free(s.A);
    if (rc && !errno)
        errno = EIO;
    return rc;
}
