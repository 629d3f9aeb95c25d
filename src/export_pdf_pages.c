/* export_pdf_pages: the units of the PDF booklet (what is kept together on
 * a page when it fits on one) and how they are set onto pages — the running
 * header and footer, units split line by line when they are taller than a
 * page, a heading kept with what follows it. export_pdf.c makes the units
 * of the agenda; this file places and draws them. */
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "pdf.h"
#include "xalloc.h"

punit *
pdf_unit_new(units *s, ukind kind, double gap)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 16;
        s->u = itin_xrealloc(s->u, s->cap * sizeof *s->u);
    }
    punit *u = &s->u[s->n++];
    memset(u, 0, sizeof *u);
    u->kind = kind;
    u->gap = gap;
    return u;
}

void
pdf_unit_row(punit *u, PangoLayout *l, double x, double gap)
{
    if (u->n_rows == u->cap_rows) {
        u->cap_rows = u->cap_rows ? 2 * u->cap_rows : 4;
        u->rows = itin_xrealloc(u->rows, u->cap_rows * sizeof *u->rows);
    }
    /* The first row has nothing above it within the unit. */
    double above = u->n_rows ? gap : 0;
    u->rows[u->n_rows++] = (prow){l, x, above, pdf_layout_height(l)};
}

static double
unit_pad(const punit *u)
{
    return u->kind == U_LEG || u->kind == U_NIGHT ? BAND_PAD : 0;
}

/* The unit's height, once its rows are in. */
void
pdf_unit_measure(punit *u)
{
    double h = 0;
    for (size_t i = 0; i < u->n_rows; i++)
        h += u->rows[i].gap + u->rows[i].h;
    if (u->left && pdf_layout_height(u->left) > h)
        h = pdf_layout_height(u->left);
    if (u->qr && h < QR_SIZE)
        h = QR_SIZE;
    if (u->chart)
        h = pdf_chart_height(u->chart);
    u->h = h + 2 * unit_pad(u);
}

void
pdf_units_free(units *s)
{
    for (size_t i = 0; i < s->n; i++) {
        punit *u = &s->u[i];
        if (u->left)
            g_object_unref(u->left);
        for (size_t k = 0; k < u->n_rows; k++)
            g_object_unref(u->rows[k].l);
        free(u->rows);
        pdf_chart_free(u->chart);
    }
    free(s->u);
    *s = (units){0};
}

/* ------------------------------------------------------------------ pages */

const char *
pdf_word(const pdf_doc *d, itin_label l)
{
    return itin_agenda_label(d->a, l);
}

/* The running header (from the second page) and the footer. */
static void
page_furniture(pdf_doc *d)
{
    cairo_t *cr = d->cr;
    const agenda *a = d->a;
    double w = d->right - d->left;
    if (d->page > 1) {
        const char *right = NULL;
        const itin_delegation *D = &a->plan->delegation;
        if (D->revision >= 0)
            right = itin_arena_printf(a->A, "%s %d", pdf_word(d, L_REVISION), D->revision);
        if (d->opt->audience)
            right =
                right ? itin_arena_printf(a->A, "%s \u00b7 %s", d->opt->audience, right) : d->opt->audience;
        double rw = 0;
        if (right) {
            PangoLayout *r = pdf_layout(d, PS_RUNNING, right, 0, w * 0.4, 0, PF_ONE_LINE);
            rw = pdf_layout_width(r);
            pdf_show(d, r, d->right - rw, d->top - 30);
            g_object_unref(r);
        }
        PangoLayout *t = pdf_layout(d, PS_RUNNING, a->title, 0, w - rw - 18, 0, PF_ONE_LINE);
        pdf_show(d, t, d->left, d->top - 30);
        g_object_unref(t);
        pdf_rgb(cr, PDF_RULE);
        cairo_set_line_width(cr, 0.5);
        cairo_move_to(cr, d->left, d->top - 16);
        cairo_line_to(cr, d->right, d->top - 16);
        cairo_stroke(cr);
    }
    const char *page = itin_agenda_label_nums(d->a, L_PAGE, d->page, d->pages);
    PangoLayout *f = pdf_layout(d, PS_RUNNING, page, 0, 0, 0, 0);
    pdf_show(d, f, d->left + (w - pdf_layout_width(f)) / 2, d->bottom + 22);
    g_object_unref(f);
}

void
pdf_new_page(pdf_doc *d)
{
    if (d->draw && d->page > 0)
        cairo_show_page(d->cr);
    d->page++;
    d->y = d->top;
    d->page_empty = true;
    if (d->draw)
        page_furniture(d);
}

/* The lines of a layout: their tops and bottoms in points. */
static int
layout_lines(PangoLayout *l, double **tops, double **bottoms)
{
    int n = pango_layout_get_line_count(l), k = 0;
    *tops = itin_xmalloc(((size_t)n + 1) * sizeof **tops);
    *bottoms = itin_xmalloc(((size_t)n + 1) * sizeof **bottoms);
    PangoLayoutIter *it = pango_layout_get_iter(l);
    do {
        int y0, y1;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        (*tops)[k] = y0 / (double)PANGO_SCALE;
        (*bottoms)[k] = y1 / (double)PANGO_SCALE;
        k++;
    } while (k < n && pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return k;
}

/* Draw lines [first, last) of a layout, the top of `first` at y. */
static void
show_lines(pdf_doc *d, PangoLayout *l, double x, double y, int first, int last)
{
    PangoLayoutIter *it = pango_layout_get_iter(l);
    double top = 0;
    int k = 0;
    do {
        if (k == first) {
            int y0, y1;
            pango_layout_iter_get_line_yrange(it, &y0, &y1);
            top = y0 / (double)PANGO_SCALE;
        }
        if (k >= first && k < last) {
            PangoRectangle r;
            pango_layout_iter_get_line_extents(it, NULL, &r);
            double base = pango_layout_iter_get_baseline(it) / (double)PANGO_SCALE;
            cairo_move_to(d->cr, x + r.x / (double)PANGO_SCALE, y + base - top);
            pango_cairo_show_layout_line(d->cr, pango_layout_iter_get_line_readonly(it));
        }
        k++;
    } while (k < last && pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

/* What goes under and beside a unit's text on one page: its band, its rule,
 * its arrow, its QR code. `top` and `h`: the part of the unit on the page. */
static void
unit_background(pdf_doc *d, const punit *u, double top, double h, bool first)
{
    cairo_t *cr = d->cr;
    double w = d->right - d->left;
    if (u->kind == U_LEG || u->kind == U_NIGHT) {
        pdf_rgb(cr, u->kind == U_LEG ? PDF_LEG_BAND : PDF_NIGHT_BAND);
        cairo_rectangle(cr, d->left - 8, top, w + 12, h);
        cairo_fill(cr);
        if (u->kind == U_LEG) {
            pdf_rgb(cr, PDF_LEG);
            cairo_rectangle(cr, d->left - 8, top, 2.5, h);
            cairo_fill(cr);
        }
    }
    if (u->kind == U_VISIT && first && !d->page_empty) {
        pdf_rgb(cr, PDF_RULE);
        cairo_set_line_width(cr, 0.4);
        cairo_move_to(cr, d->left, top - u->gap / 2);
        cairo_line_to(cr, d->right, top - u->gap / 2);
        cairo_stroke(cr);
    }
    if (u->kind == U_TRANSFER && first && u->n_rows) {
        /* A dashed arrow, as the chart draws transfers. */
        double x = d->left + u->rows[0].x - ICON_ROOM, y = top + u->rows[0].h / 2;
        pdf_rgb(cr, PDF_TRANSFER);
        cairo_set_line_width(cr, 0.8);
        double dash[] = {1.6, 1.2};
        cairo_set_dash(cr, dash, 2, 0);
        cairo_move_to(cr, x, y);
        cairo_line_to(cr, x + 6.5, y);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_move_to(cr, x + 9, y);
        cairo_line_to(cr, x + 6, y - 2.2);
        cairo_line_to(cr, x + 6, y + 2.2);
        cairo_close_path(cr);
        cairo_fill(cr);
    }
    if (u->qr && first)
        pdf_qr_draw(d, u->qr, d->right - QR_SIZE, top, QR_SIZE);
}

/* A unit that fits where it is: drawn at y. */
static void
draw_whole(pdf_doc *d, const punit *u, double y)
{
    if (u->outline)
        cairo_pdf_surface_add_outline(d->surface, CAIRO_PDF_OUTLINE_ROOT, u->outline,
                                      itin_arena_printf(d->a->A, "page=%d pos=[%g %g]", d->page, d->left, y),
                                      0);
    unit_background(d, u, y, u->h, true);
    if (u->chart) {
        pdf_chart_draw(d, u->chart, d->left, y);
        return;
    }
    double pad = unit_pad(u);
    if (u->left)
        pdf_show(d, u->left, d->left, y + pad);
    double ry = y + pad;
    for (size_t i = 0; i < u->n_rows; i++) {
        ry += u->rows[i].gap;
        pdf_show(d, u->rows[i].l, d->left + u->rows[i].x, ry);
        ry += u->rows[i].h;
    }
}

/* One run of lines of a row on a page. */
typedef struct piece {
    size_t row;
    int first, last;
    double y;      /* on its page */
    bool new_page; /* it opens a page */
} piece;

/* A unit taller than the room left, even on a page of its own: set line by
 * line, a row moved whole to the next page when it fits on one, split at
 * line ends when not. Measured into pieces first, so that each page's part
 * of a band is known before the text is drawn over it. */
static void
set_split(pdf_doc *d, const punit *u, bool stay)
{
    size_t n = 0, cap = 16;
    piece *pc = itin_xmalloc(cap * sizeof *pc);
    double pad = unit_pad(u), y = d->y + pad, body = d->bottom - d->top;
    bool fresh = d->page_empty; /* nothing of this unit's rows on the page yet */
    for (size_t r = 0; r < u->n_rows; r++) {
        const prow *row = &u->rows[r];
        double *tops, *bottoms;
        int lines = layout_lines(row->l, &tops, &bottoms);
        if (!fresh)
            y += row->gap;
        bool open = false;
        if (!fresh && !(stay && r == 0) && row->h > d->bottom - pad - y && row->h <= body - 2 * pad) {
            open = true;
            y = d->top + pad;
        }
        int first = 0;
        while (first < lines) {
            int last = first;
            while (last < lines && y + (bottoms[last] - tops[first]) <= d->bottom - pad)
                last++;
            if (last == first && !(open || (fresh && y <= d->top + pad + 0.01))) {
                open = true; /* not even a line fits: the rest goes on */
                y = d->top + pad;
                continue;
            }
            if (last == first)
                last = first + 1; /* a line taller than a page: it stands alone */
            if (n == cap)
                pc = itin_xrealloc(pc, (cap *= 2) * sizeof *pc);
            pc[n++] = (piece){r, first, last, y, open};
            y += bottoms[last - 1] - tops[first];
            open = false;
            first = last;
            fresh = false;
            if (first < lines) {
                open = true;
                y = d->top + pad;
            }
        }
        free(tops);
        free(bottoms);
    }
    /* Now set the pieces, page by page. */
    for (size_t i = 0; i < n;) {
        if (pc[i].new_page)
            pdf_new_page(d);
        size_t j = i + 1;
        while (j < n && !pc[j].new_page)
            j++;
        const prow *lastrow = &u->rows[pc[j - 1].row];
        double *tops, *bottoms;
        layout_lines(lastrow->l, &tops, &bottoms);
        double end = pc[j - 1].y + bottoms[pc[j - 1].last - 1] - tops[pc[j - 1].first] + pad;
        free(tops);
        free(bottoms);
        double top = (i == 0 ? d->y : d->top);
        if (d->draw) {
            unit_background(d, u, top, end - top, i == 0);
            if (i == 0 && u->left)
                pdf_show(d, u->left, d->left, top + pad);
            for (size_t k = i; k < j; k++)
                show_lines(d, u->rows[pc[k].row].l, d->left + u->rows[pc[k].row].x, pc[k].y, pc[k].first,
                           pc[k].last);
        }
        d->y = end;
        d->page_empty = false;
        i = j;
    }
    free(pc);
}

/* The least a unit must have on a page where it starts: its first line
 * (beside its QR code, which must fit whole). */
static double
first_piece(const punit *u)
{
    double need = 2 * unit_pad(u);
    if (u->chart)
        return u->h;
    if (u->n_rows) {
        double *tops, *bottoms;
        layout_lines(u->rows[0].l, &tops, &bottoms);
        need += bottoms[0] - tops[0];
        free(tops);
        free(bottoms);
    }
    if (u->left && pdf_layout_height(u->left) + 2 * unit_pad(u) > need)
        need = pdf_layout_height(u->left) + 2 * unit_pad(u);
    if (u->qr && need < QR_SIZE)
        need = QR_SIZE;
    return need;
}

/* The room a unit needs where it starts: all of it, with everything it is
 * kept with, when that fits on a page; else the units kept together whole
 * and the first line of the last one, which then begins on this page and
 * goes on on the next. */
static double
unit_need(const pdf_doc *d, const units *s, size_t i)
{
    double body = d->bottom - d->top, kept = 0;
    size_t j = i;
    for (; s->u[j].keep && j + 1 < s->n; j++)
        kept += (j > i ? s->u[j].gap : 0) + s->u[j].h;
    const punit *last = &s->u[j];
    double gap = j > i ? last->gap : 0;
    if (kept + gap + last->h <= body)
        return kept + gap + last->h;
    return kept + gap + first_piece(last);
}

/* Set a run of units onto the pages. A unit that another is kept with
 * follows it on its page: the room for it was asked for then. */
void
pdf_set_units(pdf_doc *d, const units *s)
{
    bool follows = false;
    for (size_t i = 0; i < s->n; i++) {
        const punit *u = &s->u[i];
        if (u->new_page && !d->page_empty) {
            pdf_new_page(d);
            follows = false;
        }
        double gap = d->page_empty ? 0 : u->gap;
        if (!d->page_empty && !follows && d->y + gap + unit_need(d, s, i) > d->bottom) {
            pdf_new_page(d);
            gap = 0;
        }
        d->y += gap;
        if (d->y + u->h <= d->bottom + 0.01) {
            if (d->draw)
                draw_whole(d, u, d->y);
            d->y += u->h;
            d->page_empty = false;
        } else {
            set_split(d, u, follows);
        }
        follows = u->keep;
    }
}
