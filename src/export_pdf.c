/* export_pdf: the printed agenda as a PDF booklet, typeset with cairo and
 * pango from the same agenda as the text — a title block, each day on a page
 * of its own under its heading and its day chart, the entries in a time
 * column and an entry column (transfers and legs set apart, a QR code of
 * each visit's place), lodging at the day's end, the participants and
 * contacts at the end; a running header and "page N of M" at the foot.
 *
 * The document is set twice by the same code: the first pass only measures
 * and counts the pages, the second draws them, now that M is known. Units
 * (a heading, an entry, a table row) are kept whole on a page when they fit
 * on one; a heading is kept with what follows it. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>

#include "datetime.h"
#include "pdf.h"
#include "xalloc.h"

/* Both Noto families: Noto Sans for Latin and Vietnamese, Noto Sans CJK for
 * Hangul, kana and Han characters; pango picks per character, fontconfig
 * finds the files. Han characters are drawn as the agenda's language writes
 * them: the Japanese, Simplified or Traditional Chinese face for those
 * languages, the Korean one otherwise (Hanja in Korean names). */
static const char *
pdf_families(itin_lang lang)
{
    switch (lang) {
    case ITIN_JA:
        return "Noto Sans, Noto Sans CJK JP";
    case ITIN_ZH_HANS:
        return "Noto Sans, Noto Sans CJK SC";
    case ITIN_ZH_HANT:
        return "Noto Sans, Noto Sans CJK TC";
    default:
        return "Noto Sans, Noto Sans CJK KR";
    }
}

static const struct {
    const char *font;
    unsigned rgb;
} STYLES[PS__COUNT] = {
    [PS_TITLE] = {"Bold 18", PDF_ACCENT}, [PS_BANNER] = {"12", PDF_INK},
    [PS_DAY] = {"Bold 14", PDF_ACCENT},   [PS_SECTION] = {"Bold 13", PDF_ACCENT},
    [PS_TIME] = {"Bold 9", PDF_INK},      [PS_ENTRY] = {"Bold 10", PDF_INK},
    [PS_TEXT] = {"9", PDF_INK},           [PS_MINOR] = {"8.5", PDF_GREY},
    [PS_NOTE] = {"Italic 8.5", PDF_GREY}, [PS_RUNNING] = {"7.5", PDF_GREY},
    [PS_CHART] = {"6.5", PDF_INK},
};

/* Measures, in points. */
#define GUTTER 10.0   /* between the time column and the entries */
#define QR_ROOM 54.0  /* what it takes from the entry column, its quiet zone included */
#define ENTRY_GAP 7.0 /* above a visit or a leg */
#define ROW_GAP 1.5   /* between the rows of an entry */

void
pdf_rgb(cairo_t *cr, unsigned rgb)
{
    cairo_set_source_rgb(cr, (rgb >> 16 & 0xff) / 255.0, (rgb >> 8 & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

static PangoAttribute *
colour_attr(unsigned rgb)
{
    return pango_attr_foreground_new((guint16)((rgb >> 16 & 0xff) * 257), (guint16)((rgb >> 8 & 0xff) * 257),
                                     (guint16)((rgb & 0xff) * 257));
}

static void
attr_range(PangoAttrList *al, PangoAttribute *a, size_t start, size_t end)
{
    a->start_index = (guint)start;
    a->end_index = (guint)end;
    pango_attr_list_insert(al, a);
}

/* Whether ICU's line breaks may differ from pango's in s: a hyphen, a
 * slash or anything beyond ASCII. */
static bool
needs_icu_breaks(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] == '-' || s[i] == '/' || (unsigned char)s[i] >= 0x80)
            return true;
    return false;
}

/* Forbid pango's breaks inside the words ICU keeps whole (after a hyphen or
 * a slash, inside a Korean word), as the text agenda does — but only in
 * words that surely fit on a line: at most one em a display column. */
static void
keep_words(PangoAttrList *al, const char *s, size_t len, double width, double em)
{
    if (width <= 0 || !needs_icu_breaks(s, len))
        return;
    size_t max = len + 2;
    size_t *breaks = itin_xmalloc(max * sizeof *breaks);
    size_t nb = itin_line_breaks(s, len, breaks, max), prev = 0;
    double budget = width / em;
    for (size_t i = 0; i < nb; i++) {
        size_t end = breaks[i];
        while (end > prev && s[end - 1] == ' ')
            end--;
        if (end > prev && needs_icu_breaks(s + prev, end - prev) &&
            (double)itin_display_width(s + prev, end - prev) <= budget)
            attr_range(al, pango_attr_allow_breaks_new(FALSE), prev, end);
        prev = breaks[i];
    }
    free(breaks);
}

static PangoAttrList *
text_attrs(pdf_style st, const char *s, size_t len, size_t label_len, unsigned flags)
{
    PangoAttrList *al = pango_attr_list_new();
    attr_range(al, pango_attr_insert_hyphens_new(FALSE), 0, len);
    attr_range(al, colour_attr(STYLES[st].rgb), 0, len);
    if (label_len) {
        attr_range(al, pango_attr_weight_new(PANGO_WEIGHT_BOLD), 0, label_len);
        attr_range(al, colour_attr(PDF_GREY), 0, label_len);
    }
    if (flags & PF_STRIKE) {
        attr_range(al, pango_attr_strikethrough_new(TRUE), label_len, len);
        attr_range(al, colour_attr(PDF_GREY), label_len, len);
    }
    (void)s;
    return al;
}

PangoLayout *
pdf_layout(pdf_doc *d, pdf_style st, const char *text, size_t label_len, double width, double hang,
           unsigned flags)
{
    /* One line of source: control characters become spaces, byte for byte,
     * so that label_len still holds. */
    size_t len = strlen(text);
    char *s = itin_xmalloc(len + 1);
    for (size_t i = 0; i <= len; i++)
        s[i] = (i < len && ((unsigned char)text[i] < 0x20 || text[i] == 0x7f)) ? ' ' : text[i];
    if (label_len > len)
        label_len = len;
    PangoLayout *l = pango_layout_new(d->pc);
    pango_layout_set_font_description(l, d->fonts[st]);
    pango_layout_set_text(l, s, (int)len);
    PangoAttrList *al = text_attrs(st, s, len, label_len, flags);
    if (flags & PF_ONE_LINE) {
        pango_layout_set_width(l, (int)(width * PANGO_SCALE));
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        pango_layout_set_attributes(l, al);
    } else if (width > 0) {
        pango_layout_set_width(l, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
        if (hang > 0)
            pango_layout_set_indent(l, -(int)(hang * PANGO_SCALE));
        double em = pango_font_description_get_size(d->fonts[st]) / (double)PANGO_SCALE;
        keep_words(al, s, len, width - hang, em);
        pango_layout_set_attributes(l, al);
        /* A word kept whole that does not fit after all: let pango break
         * it rather than let it run past the margin. */
        if (pdf_layout_width(l) > width + 0.01) {
            pango_attr_list_unref(al);
            al = text_attrs(st, s, len, label_len, flags);
            pango_layout_set_attributes(l, al);
        }
    } else {
        pango_layout_set_attributes(l, al);
    }
    pango_attr_list_unref(al);
    free(s);
    return l;
}

double
pdf_layout_height(PangoLayout *l)
{
    PangoRectangle r;
    pango_layout_get_extents(l, NULL, &r);
    return r.height / (double)PANGO_SCALE;
}

double
pdf_layout_width(PangoLayout *l)
{
    PangoRectangle r;
    pango_layout_get_extents(l, NULL, &r);
    return (r.x + r.width) / (double)PANGO_SCALE;
}

void
pdf_show(pdf_doc *d, PangoLayout *l, double x, double y)
{
    cairo_move_to(d->cr, x, y);
    pango_cairo_show_layout(d->cr, l);
}

/* ------------------------------------------------------------- the agenda */

typedef struct columns {
    double time;  /* the time column's width */
    double entry; /* where the entry column starts */
    double width; /* the entry column's width */
} columns;

/* A table: labels in a column as wide as the widest (at most 40% of the
 * page), texts beside them. */
static void
add_table(pdf_doc *d, units *s, const agenda_field *f, size_t n, bool bold_names)
{
    double w = d->right - d->left, col = 0;
    for (size_t i = 0; i < n; i++) {
        const char *lt = bold_names ? f[i].label : itin_arena_printf(d->a->A, "%s:", f[i].label);
        PangoLayout *l = pdf_layout(d, PS_TEXT, lt, strlen(lt), 0, 0, 0);
        double lw = pdf_layout_width(l);
        g_object_unref(l);
        if (lw > col)
            col = lw;
    }
    col += GUTTER;
    if (col > 0.4 * w)
        col = 0.4 * w;
    for (size_t i = 0; i < n; i++) {
        punit *u = pdf_unit_new(s, U_PLAIN, 3);
        const char *lt = bold_names ? f[i].label : itin_arena_printf(d->a->A, "%s:", f[i].label);
        u->left = pdf_layout(d, PS_TEXT, lt, strlen(lt), col - GUTTER, 0, 0);
        pdf_unit_row(u, pdf_layout(d, PS_TEXT, f[i].text && *f[i].text ? f[i].text : " ", 0, w - col, 0, 0),
                     col, 0);
        pdf_unit_measure(u);
    }
}

static void
add_title(pdf_doc *d, units *s)
{
    const agenda *a = d->a;
    double w = d->right - d->left;
    punit *u = pdf_unit_new(s, U_PLAIN, 0);
    pdf_unit_row(u, pdf_layout(d, PS_TITLE, a->title, 0, w, 0, 0), 0, 0);
    /* A personal copy: whose it is, under the title (the agenda's last field). */
    size_t n_head = a->n_head;
    if (d->opt->audience && n_head) {
        const agenda_field *f = &a->head[--n_head];
        const char *t = itin_arena_printf(a->A, "%s: %s", f->label, f->text);
        pdf_unit_row(u, pdf_layout(d, PS_BANNER, t, strlen(f->label) + 1, w, 0, 0), 0, 6);
    }
    pdf_unit_measure(u);
    u->keep = true;
    add_table(d, s, a->head, n_head, false);
    if (s->n > 1)
        s->u[1].gap = 10;
}

/* The width of "Label: " in bold: measured once a label and style (an
 * agenda has a few dozen labels). */
static double
label_width(pdf_doc *d, pdf_style st, const char *label)
{
    for (size_t i = 0; i < d->n_labels; i++)
        if (d->labels[i].style == (int)st && strcmp(d->labels[i].text, label) == 0)
            return d->labels[i].width;
    const char *t = itin_arena_printf(d->a->A, "%s: ", label);
    PangoLayout *l = pdf_layout(d, st, t, strlen(t), 0, 0, 0);
    double w = pdf_layout_width(l);
    g_object_unref(l);
    if (d->n_labels == d->cap_labels) {
        d->cap_labels = d->cap_labels ? 2 * d->cap_labels : 16;
        d->labels = itin_xrealloc(d->labels, d->cap_labels * sizeof *d->labels);
    }
    d->labels[d->n_labels++] = (pdf_label){label, st, w};
    return w;
}

/* "Label: text" with the lines after the first under the text, unless the
 * label is too wide for that. */
static void
field_row(pdf_doc *d, punit *u, pdf_style st, const agenda_field *f, double x, double width)
{
    if (!f->label) {
        /* Free text: a paragraph at each blank line; a single line break is a space. */
        const char *p = f->text;
        char *para = itin_xmalloc(strlen(p) + 1);
        while (*p) {
            size_t n = 0;
            while (*p && !(*p == '\n' && (p[1] == '\n' || p[1] == '\0'))) {
                para[n++] = *p == '\n' ? ' ' : *p;
                p++;
            }
            while (*p == '\n')
                p++;
            para[n] = '\0';
            if (n)
                pdf_unit_row(u, pdf_layout(d, st, para, 0, width, 0, 0), x, 3);
        }
        free(para);
        return;
    }
    const char *t = itin_arena_printf(d->a->A, "%s: %s", f->label, f->text);
    size_t ll = strlen(f->label) + 1;
    double hang = label_width(d, st, f->label);
    if (hang > 0.35 * width)
        hang = 12;
    pdf_unit_row(u, pdf_layout(d, st, t, ll, width, hang, 0), x, ROW_GAP);
}

static void
add_entry(pdf_doc *d, units *s, const columns *c, const agenda_entry *e)
{
    const agenda *a = d->a;
    double w = d->right - d->left;
    if (e->zone) {
        punit *z = pdf_unit_new(s, U_PLAIN, ENTRY_GAP);
        pdf_unit_row(z, pdf_layout(d, PS_NOTE, e->zone, 0, c->width, 0, 0), c->entry, 0);
        pdf_unit_measure(z);
        z->keep = true;
    }
    ukind kind = e->kind == ITIN_ITEM_TRANSFER ? U_TRANSFER : e->kind == ITIN_ITEM_TRAVEL ? U_LEG : U_VISIT;
    punit *u = pdf_unit_new(s, kind, kind == U_TRANSFER ? 4 : ENTRY_GAP);
    if (e->zone)
        u->gap = 3;
    const itin_item *x = e->item;
    /* A B2B meeting has none: its session's visit has the venue's. */
    const itin_institution *I =
        x && kind == U_VISIT && x->kind == ITIN_ITEM_VISIT ? &a->plan->institutions[x->place] : NULL;
    if (I && I->has_geo && e->status != ITIN_CANCELLED)
        u->qr = pdf_geo_uri(a->A, I->lat, I->lon);
    double ex = c->entry, ew = c->width - (u->qr ? QR_ROOM : 0);
    if (kind == U_TRANSFER) {
        ex += ICON_ROOM;
        ew -= ICON_ROOM;
    }
    pdf_style ts = kind == U_TRANSFER ? PS_MINOR : PS_TIME;
    PangoLayout *time = pdf_layout(d, ts, e->time, 0, 0, 0, 0);
    if (pdf_layout_width(time) <= c->time) {
        u->left = time;
    } else {
        /* A time that names its offsets: a row of its own above the title. */
        g_object_unref(time);
        pdf_unit_row(u, pdf_layout(d, ts, e->time, 0, w - (u->qr ? QR_ROOM : 0), 0, 0), 0, 0);
    }
    unsigned flags = e->status == ITIN_CANCELLED ? PF_STRIKE : 0;
    pdf_unit_row(u, pdf_layout(d, kind == U_TRANSFER ? PS_MINOR : PS_ENTRY, e->title, 0, ew, 0, flags), ex,
                 1);
    for (size_t j = 0; j < e->n_fields; j++) {
        field_row(d, u, kind == U_TRANSFER ? PS_MINOR : PS_TEXT, &e->fields[j], ex, ew);
    }
    pdf_unit_measure(u);
}

static void
add_day(pdf_doc *d, units *s, const columns *c, const agenda_day *day, bool first)
{
    const agenda *a = d->a;
    double w = d->right - d->left;
    punit *h = pdf_unit_new(s, U_PLAIN, 18);
    h->new_page = !first;
    h->keep = true;
    h->outline = day->heading;
    pdf_unit_row(h, pdf_layout(d, PS_DAY, day->heading, 0, w, 0, 0), 0, 0);
    pdf_unit_measure(h);
    pdf_chart *chart = pdf_chart_new(d, day, w);
    if (chart) {
        punit *ch = pdf_unit_new(s, U_CHART, 8);
        ch->chart = chart;
        ch->keep = true;
        pdf_unit_measure(ch);
    }
    if (day->n_entries == 0) {
        punit *u = pdf_unit_new(s, U_PLAIN, 8);
        pdf_unit_row(u, pdf_layout(d, PS_NOTE, a->no_items, 0, c->width, 0, 0), c->entry, 0);
        pdf_unit_measure(u);
    }
    for (size_t i = 0; i < day->n_entries; i++)
        add_entry(d, s, c, &day->entries[i]);
    for (size_t j = 0; j < day->n_nights; j++) {
        const agenda_field *f = &day->nights[j];
        punit *u = pdf_unit_new(s, U_NIGHT, j ? 2 : 12);
        field_row(d, u, PS_TEXT, f, 0, w);
        pdf_unit_measure(u);
    }
    /* A day that stands alone on its page ends it: a night is kept with the
     * entries above it only as a unit of its own. */
}

static void
add_people(pdf_doc *d, units *s)
{
    const agenda *a = d->a;
    double w = d->right - d->left;
    punit *h = pdf_unit_new(s, U_PLAIN, 0);
    h->new_page = true;
    h->keep = true;
    h->outline = a->people_heading;
    pdf_unit_row(h, pdf_layout(d, PS_SECTION, a->people_heading, 0, w, 0, 0), 0, 0);
    pdf_unit_measure(h);
    size_t first = s->n;
    add_table(d, s, a->people, a->n_people, true);
    if (s->n > first)
        s->u[first].gap = 8;
    if (a->n_contacts) {
        h = pdf_unit_new(s, U_PLAIN, 20);
        h->keep = true;
        h->outline = a->contacts_heading;
        pdf_unit_row(h, pdf_layout(d, PS_SECTION, a->contacts_heading, 0, w, 0, 0), 0, 0);
        pdf_unit_measure(h);
        first = s->n;
        add_table(d, s, a->contacts, a->n_contacts, false);
        if (s->n > first)
            s->u[first].gap = 8;
    }
}

/* The time column: as wide as the widest time, less those that name their
 * offsets (they stand on a row of their own); at most a quarter of the page. */
static columns
measure_columns(pdf_doc *d)
{
    const agenda *a = d->a;
    double w = d->right - d->left, tw = 0;
    PangoLayout *l = pdf_layout(d, PS_TIME, "00:00\u201300:00", 0, 0, 0, 0);
    tw = pdf_layout_width(l);
    g_object_unref(l);
    for (size_t k = 0; k < a->n_days; k++)
        for (size_t i = 0; i < a->days[k].n_entries; i++) {
            const agenda_entry *e = &a->days[k].entries[i];
            if (e->offsets)
                continue;
            l = pdf_layout(d, PS_TIME, e->time, 0, 0, 0, 0);
            double ew = pdf_layout_width(l);
            g_object_unref(l);
            if (ew > tw && ew <= 0.25 * w)
                tw = ew;
        }
    columns c = {tw, tw + GUTTER, w - tw - GUTTER};
    return c;
}

/* Set the whole document: the title block and first day, each later day,
 * the people at the end; measured (d->draw false) or drawn. */
static void
set_document(pdf_doc *d, const columns *c)
{
    const agenda *a = d->a;
    d->page = 0;
    pdf_new_page(d);
    units s = {0};
    add_title(d, &s);
    for (size_t k = 0; k < a->n_days; k++) {
        add_day(d, &s, c, &a->days[k], k == 0);
        pdf_set_units(d, &s);
        pdf_units_free(&s);
    }
    if (s.n) {
        pdf_set_units(d, &s);
        pdf_units_free(&s);
    }
    add_people(d, &s);
    pdf_set_units(d, &s);
    pdf_units_free(&s);
}

typedef struct sink {
    FILE *f;
    int err; /* errno of the first failed write */
} sink;

static cairo_status_t
sink_write(void *closure, const unsigned char *data, unsigned int length)
{
    sink *k = closure;
    if (k->err)
        return CAIRO_STATUS_WRITE_ERROR;
    errno = 0;
    if (fwrite(data, 1, length, k->f) != length) {
        k->err = errno ? errno : EIO;
        return CAIRO_STATUS_WRITE_ERROR;
    }
    return CAIRO_STATUS_SUCCESS;
}

/* "2022-11-14T00:00:00Z" for the document's dates. */
static const char *
pdf_date(itin_arena *A, int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&tt, &tm))
        return NULL;
    return itin_arena_printf(A, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                             tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* One font map for the process, as pango's default would be, but ours: it
 * keeps the fonts loaded from one PDF to the next (export writes many), and
 * it is released at exit with the fonts and caches it holds. */
static PangoFontMap *font_map;

static void
font_map_release(void)
{
    g_clear_object(&font_map);
}

static void
pdf_setup(pdf_doc *d)
{
    d->cr = cairo_create(d->surface);
    if (!font_map) {
        font_map = pango_cairo_font_map_new();
        atexit(font_map_release);
    }
    d->pc = pango_font_map_create_context(font_map);
    pango_cairo_update_context(d->cr, d->pc);
    /* Points as pango's units, and no hinting: the same layout at every
     * resolution the PDF is later shown at. */
    pango_cairo_context_set_resolution(d->pc, 72);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(d->pc, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_round_glyph_positions(d->pc, FALSE);
    pango_context_set_language(d->pc, pango_language_from_string(itin_lang_code(d->a->lang)));
    for (int st = 0; st < PS__COUNT; st++) {
        char spec[96];
        snprintf(spec, sizeof spec, "%s %s", pdf_families(d->a->lang), STYLES[st].font);
        d->fonts[st] = pango_font_description_from_string(spec);
    }
}

int
itin_export_pdf(const itin_itinerary *it, const itin_render_options *opt, FILE *out)
{
    static const itin_render_options none;
    if (!opt)
        opt = &none;
    pdf_doc d = {.it = it, .opt = opt};
    d.a = itin_agenda_build(it, opt);
    if (opt->paper == ITIN_PAPER_LETTER) {
        d.page_w = 612;
        d.page_h = 792;
    } else {
        d.page_w = 595.2756; /* 210 mm */
        d.page_h = 841.8898; /* 297 mm */
    }
    d.left = 51;
    d.right = d.page_w - 51;
    d.top = 66;
    d.bottom = d.page_h - 60;
    sink k = {out, 0};
    d.surface = cairo_pdf_surface_create_for_stream(sink_write, &k, d.page_w, d.page_h);
    cairo_pdf_surface_restrict_to_version(d.surface, CAIRO_PDF_VERSION_1_5);
    cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_TITLE, d.a->title);
    cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_CREATOR, "itinerary " ITIN_VERSION);
    if (opt->has_dtstamp) {
        const char *date = pdf_date(d.a->A, opt->dtstamp);
        if (date) {
            cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
            cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_MOD_DATE, date);
        }
    }
    pdf_setup(&d);
    itin_strmap_init(&d.qr_ids);
    columns c = measure_columns(&d);
    d.draw = false;
    set_document(&d, &c);
    d.pages = d.page;
    d.draw = true;
    set_document(&d, &c);
    cairo_show_page(d.cr);
    pdf_qr_free(&d);
    free(d.labels);
    for (int st = 0; st < PS__COUNT; st++)
        pango_font_description_free(d.fonts[st]);
    g_object_unref(d.pc);
    cairo_destroy(d.cr);
    cairo_surface_finish(d.surface);
    cairo_status_t status = cairo_surface_status(d.surface);
    cairo_surface_destroy(d.surface);
    itin_agenda_free(d.a);
    if (k.err) {
        errno = k.err;
        return -1;
    }
    if (status != CAIRO_STATUS_SUCCESS) {
        errno = status == CAIRO_STATUS_NO_MEMORY ? ENOMEM : EIO;
        return -1;
    }
    return ferror(out) ? -1 : 0;
}
