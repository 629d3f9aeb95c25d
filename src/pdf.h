/* pdf: what the PDF renderer's files share — the document being set, its
 * text styles, the pango layouts that set text in them, and the units set
 * onto pages. Private to export_pdf.c (the agenda's units and the text),
 * export_pdf_pages.c (the pages), export_pdf_chart.c (the day chart) and
 * export_pdf_qr.c (the QR codes). */
#ifndef ITIN_PDF_H
#define ITIN_PDF_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "agenda.h"
#include "strmap.h"

/* The text styles: a font (size, weight, slant) and a colour each. */
typedef enum pdf_style {
    PS_TITLE,   /* the delegation's title */
    PS_BANNER,  /* "Agenda for Lee Ji-won" under it */
    PS_DAY,     /* a day's heading */
    PS_SECTION, /* "Participants", "Contacts" */
    PS_TIME,    /* the time column */
    PS_ENTRY,   /* an entry's title */
    PS_TEXT,    /* fields, descriptions, tables */
    PS_MINOR,   /* transfers: their time and title */
    PS_NOTE,    /* zone changes, "No appointments." */
    PS_RUNNING, /* the running header and the footer */
    PS_CHART,   /* the day chart's words */
    PS__COUNT
} pdf_style;

/* Flags of a piece of text. */
enum {
    PF_STRIKE = 1,   /* struck through: a cancelled visit */
    PF_ONE_LINE = 2, /* one line, cut with an ellipsis where it is too long */
};

/* The palette, as 0xRRGGBB. */
enum {
    PDF_INK = 0x1a1a1a,
    PDF_GREY = 0x5f6368,
    PDF_RULE = 0xc8ccd0,
    PDF_ACCENT = 0x1f4e79,
    PDF_VISIT = 0x9fc3e7,
    PDF_VISIT_EDGE = 0x2f6ea5,
    PDF_LEG = 0xd9822b,
    PDF_LEG_BAND = 0xfbefe2,
    PDF_NIGHT_BAND = 0xedf1f6,
    PDF_TRANSFER = 0x7a7f85,
};

/* A label's width, measured once. */
typedef struct pdf_label {
    const char *text;
    int style;
    double width;
} pdf_label;

typedef struct pdf_doc {
    const itin_itinerary *it;
    const itin_render_options *opt;
    agenda *a;
    cairo_surface_t *surface;
    cairo_t *cr;
    PangoContext *pc;
    PangoFontDescription *fonts[PS__COUNT];
    double page_w, page_h;
    double left, right, top, bottom; /* the body: x from left to right, y from top to bottom */
    bool draw;                       /* the second pass: draw what the first one measured */
    int page, pages;                 /* the page being set (1-based, 0 before the first); the total */
    double y;                        /* where the next thing goes on the page */
    bool page_empty;                 /* nothing set on the page yet */
    itin_strmap qr_ids;              /* geo: URI -> its drawing in qr */
    cairo_pattern_t **qr;
    size_t n_qr, cap_qr;
    pdf_label *labels; /* widths of "Label: " */
    size_t n_labels, cap_labels;
} pdf_doc;

/* A layout of `text` in a style, `width` points wide (0: one line, as wide
 * as it is), the first `label_len` bytes bold as a label, the lines after the
 * first indented by `hang`. Control characters print as spaces; lines break
 * where ICU allows (as in the text agenda: Korean words stay whole) and
 * inside a word only when it is wider than the line. The caller unrefs it. */
PangoLayout *pdf_layout(pdf_doc *d, pdf_style st, const char *text, size_t label_len, double width,
                        double hang, unsigned flags);

/* A layout's size in points. */
double pdf_layout_height(PangoLayout *l);
double pdf_layout_width(PangoLayout *l);

/* Draw a layout with its top left corner at (x, y). */
void pdf_show(pdf_doc *d, PangoLayout *l, double x, double y);

/* Set cairo's source to a colour of the palette. */
void pdf_rgb(cairo_t *cr, unsigned rgb);

/* Measures, in points, that the pages and the agenda share. */
#define QR_SIZE 42.0   /* a QR code's side */
#define BAND_PAD 3.5   /* inside the band of a leg or a night */
#define ICON_ROOM 12.0 /* the arrow before a transfer, the bar before a leg */

typedef struct pdf_chart pdf_chart;

/* One paragraph of a unit, in the entry column or across the page. */
typedef struct prow {
    PangoLayout *l;
    double x;   /* from the left margin */
    double gap; /* above it, after the row before */
    double h;
} prow;

typedef enum ukind {
    U_PLAIN,    /* headings, notes, table rows */
    U_VISIT,    /* a rule above it, its QR code beside it */
    U_TRANSFER, /* small and grey, an arrow before it */
    U_LEG,      /* on a band, a bar at its left */
    U_NIGHT,    /* on a band */
    U_CHART,    /* the day chart */
} ukind;

/* What is kept together on a page when it fits on one. */
typedef struct punit {
    ukind kind;
    PangoLayout *left; /* the left cell: a time, a label, a name */
    prow *rows;
    size_t n_rows, cap_rows;
    double gap;       /* above it, unless it opens a page */
    double h;         /* all of it */
    bool keep;        /* keep with the next unit */
    bool new_page;    /* it opens a page */
    const char *qr;   /* a visit's geo: URI */
    pdf_chart *chart; /* U_CHART */
    const char *outline;
} punit;

typedef struct units {
    punit *u;
    size_t n, cap;
} units;

/* A new unit at the end of s, `gap` below the one before unless it opens a
 * page; a row of text in it (the unit takes the layout); its height once
 * its rows are in; all units freed with their layouts and charts. */
punit *pdf_unit_new(units *s, ukind kind, double gap);
void pdf_unit_row(punit *u, PangoLayout *l, double x, double gap);
void pdf_unit_measure(punit *u);
void pdf_units_free(units *s);

/* A label in the agenda's language(s). */
const char *pdf_word(const pdf_doc *d, itin_label l);

/* Start a page: show the one before (when drawing), then the running header
 * and the footer. */
void pdf_new_page(pdf_doc *d);

/* Set a run of units onto the pages, from d->y on: each whole on a page when
 * it fits on one, a unit marked `keep` with the next, a unit taller than a
 * page split between its lines. Draws only in the second pass. */
void pdf_set_units(pdf_doc *d, const units *s);

/* The day chart of one day: a lane for each set of people who move together
 * that day, their visits as blocks, transfers and legs as marks of their own,
 * on the day's time axis. NULL when the day has nothing to chart. */
pdf_chart *pdf_chart_new(pdf_doc *d, const agenda_day *day, double width);
double pdf_chart_height(const pdf_chart *c);
void pdf_chart_draw(pdf_doc *d, const pdf_chart *c, double x, double y);
void pdf_chart_free(pdf_chart *c);

/* RFC 5870: "geo:51.0398,13.7905", in the arena. */
const char *pdf_geo_uri(itin_arena *A, double lat, double lon);

/* Draw the QR code of `text` as a square of `size` points at (x, y), its
 * quiet zone outside; false (nothing drawn) when it cannot be encoded.
 * Each code is kept and drawn once; pdf_qr_free() drops them. */
bool pdf_qr_draw(pdf_doc *d, const char *text, double x, double y, double size);
void pdf_qr_free(pdf_doc *d);

#endif
