/* export_pdf_chart: the day chart above a day's entries in the PDF agenda —
 * a lane for each set of people who move together that day, their visits as
 * blocks, transfers as dotted lines and legs as bars with an arrow, on the
 * day's time axis, drawn by cairo as vectors. A reader sees at a glance
 * where the delegation splits and rejoins and where the long journeys are. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf.h"
#include "text.h"
#include "who.h"
#include "xalloc.h"

#define AXIS_H 10.0   /* the hours above the lanes */
#define LEGEND_H 12.0 /* the legend below them */
#define LANE_MAX 15.0
#define LANE_GAP 6.0 /* between the lane labels and the plot */

typedef struct lane {
    uint64_t *who;     /* its people */
    const char *label; /* who they are */
} lane;

struct pdf_chart {
    const agenda_day *day;
    const itin_itinerary *it;
    size_t words;
    lane *lanes;
    size_t n_lanes;
    const itin_item **marks; /* the day's visits, legs and transfers, not cancelled */
    size_t n_marks;
    int64_t t0, t1; /* the axis, absolute seconds, whole hours */
    int offset;     /* the UTC offset its hours are read in */
    double width, lane_h, label_w, height;
    bool has[3]; /* visits, transfers, legs: for the legend */
};

/* Participants, sorted by the items they attend (then by index): those with
 * equal rows move together. */
typedef struct person {
    size_t index;
    const uint64_t *row; /* one bit per mark */
    size_t words;        /* in the row */
} person;

static int
person_cmp(const void *pa, const void *pb)
{
    const person *a = pa, *b = pb;
    int c = memcmp(a->row, b->row, a->words * sizeof *a->row);
    if (c)
        return c;
    return a->index < b->index ? -1 : a->index > b->index;
}

static int
lane_cmp(const void *pa, const void *pb)
{
    /* In the order of their first member, as the delegation lists people. */
    const size_t *a = pa, *b = pb;
    return *a < *b ? -1 : *a > *b;
}

/* The lanes: one for each set of people (of the agenda's audience) who
 * attend exactly the same marks, in the order of their first member. */
static void
make_lanes(pdf_doc *d, pdf_chart *c)
{
    const itin_plan *P = d->it->plan;
    size_t np = P->delegation.n_participants, words = c->words;
    size_t rw = (c->n_marks + 63) / 64;
    uint64_t *rows = itin_xcalloc((np ? np : 1) * (rw ? rw : 1), sizeof *rows);
    person *people = itin_xmalloc((np ? np : 1) * sizeof *people);
    size_t n = 0;
    for (size_t i = 0; i < np; i++) {
        if (d->opt->mask && !itin_who_has(d->opt->mask, i))
            continue;
        uint64_t *row = rows + i * rw;
        bool any = false;
        for (size_t k = 0; k < c->n_marks; k++)
            if (itin_who_has(c->marks[k]->who, i)) {
                row[k / 64] |= 1ULL << (k % 64);
                any = true;
            }
        if (any)
            people[n++] = (person){i, row, rw};
    }
    qsort(people, n, sizeof *people, person_cmp);
    /* first member, then the lane's index in c->lanes */
    size_t(*order)[2] = itin_xmalloc((n ? n : 1) * sizeof *order);
    c->lanes = itin_xcalloc(n ? n : 1, sizeof *c->lanes);
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || memcmp(people[i].row, people[i - 1].row, rw * sizeof(uint64_t)) != 0) {
            order[c->n_lanes][0] = people[i].index;
            order[c->n_lanes][1] = c->n_lanes;
            c->lanes[c->n_lanes++].who = itin_who_new(words);
        }
        itin_who_add(c->lanes[c->n_lanes - 1].who, people[i].index);
    }
    qsort(order, c->n_lanes, sizeof *order, lane_cmp);
    lane *sorted = itin_xcalloc(c->n_lanes ? c->n_lanes : 1, sizeof *sorted);
    for (size_t i = 0; i < c->n_lanes; i++)
        sorted[i] = c->lanes[order[i][1]];
    free(c->lanes);
    c->lanes = sorted;
    for (size_t i = 0; i < c->n_lanes; i++)
        c->lanes[i].label = itin_agenda_who(d->a, c->lanes[i].who);
    free(order);
    free(people);
    free(rows);
}

static int64_t
floor_hour(int64_t t, int offset)
{
    int64_t l = t + offset;
    int64_t h = l >= 0 ? l / 3600 : -((-l + 3599) / 3600);
    return h * 3600 - offset;
}

pdf_chart *
pdf_chart_new(pdf_doc *d, const agenda_day *day, double width)
{
    const itin_itinerary *it = d->it;
    pdf_chart *c = itin_xcalloc(1, sizeof *c);
    c->day = day;
    c->it = it;
    c->words = it->plan->who_words;
    c->width = width;
    c->marks = itin_xmalloc((day->n_entries + 1) * sizeof *c->marks);
    for (size_t i = 0; i < day->n_entries; i++) {
        const itin_item *x = day->entries[i].item;
        if (!x || x->status == ITIN_CANCELLED || x->end <= x->start)
            continue;
        if (c->n_marks == 0 || x->start < c->t0)
            c->t0 = x->start;
        if (c->n_marks == 0 || x->end > c->t1)
            c->t1 = x->end;
        if (c->n_marks == 0)
            c->offset = x->offset_start;
        c->marks[c->n_marks++] = x;
        c->has[x->kind == ITIN_ITEM_VISIT ? 0 : x->kind == ITIN_ITEM_TRANSFER ? 1 : 2] = true;
    }
    if (c->n_marks == 0) {
        pdf_chart_free(c);
        return NULL;
    }
    make_lanes(d, c);
    if (c->n_lanes == 0) {
        pdf_chart_free(c);
        return NULL;
    }
    c->t0 = floor_hour(c->t0, c->offset);
    c->t1 = floor_hour(c->t1 + 3599, c->offset);
    if (c->t1 <= c->t0)
        c->t1 = c->t0 + 3600;
    /* Lanes as tall as a line of the chart's words allows, lower when many. */
    PangoLayout *l = pdf_layout(d, PS_CHART, "Ag", 0, 0, 0, 0);
    double line = pdf_layout_height(l);
    g_object_unref(l);
    c->lane_h = c->n_lanes <= 8 ? LANE_MAX : fmax(line + 1, 120.0 / (double)c->n_lanes);
    if (c->lane_h < line + 1)
        c->lane_h = line + 1;
    c->label_w = 0;
    for (size_t i = 0; i < c->n_lanes; i++) {
        l = pdf_layout(d, PS_CHART, c->lanes[i].label, 0, 0, 0, 0);
        double w = pdf_layout_width(l);
        g_object_unref(l);
        if (w > c->label_w)
            c->label_w = w;
    }
    if (c->label_w > 0.28 * width)
        c->label_w = 0.28 * width;
    c->height = AXIS_H + (double)c->n_lanes * c->lane_h + 4 + LEGEND_H;
    return c;
}

double
pdf_chart_height(const pdf_chart *c)
{
    return c->height;
}

void
pdf_chart_free(pdf_chart *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n_lanes; i++)
        free(c->lanes[i].who);
    free(c->lanes);
    free(c->marks);
    free(c);
}

/* Whether the lane's people attend an item (they all do or none does). */
static bool
in_lane(const pdf_chart *c, const lane *ln, const itin_item *x)
{
    return itin_who_intersects(ln->who, x->who, c->words);
}

static void
rounded(cairo_t *cr, double x, double y, double w, double h, double r)
{
    if (r > w / 2)
        r = w / 2;
    if (r > h / 2)
        r = h / 2;
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, x + r, y + r, r, M_PI, 1.5 * M_PI);
    cairo_close_path(cr);
}

static void
mark_visit(pdf_doc *d, const itin_item *x, PangoLayout *name, double x0, double x1, double y, double h)
{
    cairo_t *cr = d->cr;
    bool tentative = x->status == ITIN_TENTATIVE;
    rounded(cr, x0, y, x1 - x0, h, 2);
    if (tentative)
        cairo_set_source_rgb(cr, 0.93, 0.96, 0.99);
    else
        pdf_rgb(cr, PDF_VISIT);
    cairo_fill_preserve(cr);
    pdf_rgb(cr, PDF_VISIT_EDGE);
    cairo_set_line_width(cr, 0.6);
    if (tentative) {
        double dash[] = {2, 1.5};
        cairo_set_dash(cr, dash, 2, 0);
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
    /* The place's short name, when it fits inside. */
    if (!name)
        return;
    double lw = pdf_layout_width(name), lh = pdf_layout_height(name);
    if (lw <= x1 - x0 - 4 && lh <= h + 2)
        pdf_show(d, name, x0 + 2, y + (h - lh) / 2);
}

static void
mark_transfer(cairo_t *cr, double x0, double x1, double y)
{
    pdf_rgb(cr, PDF_TRANSFER);
    cairo_set_line_width(cr, 0.9);
    double dash[] = {1.5, 1.3};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_move_to(cr, x0, y);
    cairo_line_to(cr, x1, y);
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_arc(cr, x0, y, 1.4, 0, 2 * M_PI);
    cairo_fill(cr);
    cairo_arc(cr, x1, y, 1.4, 0, 2 * M_PI);
    cairo_fill(cr);
}

static void
mark_leg(cairo_t *cr, double x0, double x1, double y, double h)
{
    double bar = h * 0.42, head = fmin(bar * 1.1, (x1 - x0) * 0.5);
    pdf_rgb(cr, PDF_LEG);
    cairo_rectangle(cr, x0, y - bar / 2, x1 - x0 - head, bar);
    cairo_fill(cr);
    cairo_move_to(cr, x1 - head, y - bar);
    cairo_line_to(cr, x1, y);
    cairo_line_to(cr, x1 - head, y + bar);
    cairo_close_path(cr);
    cairo_fill(cr);
}

/* The legend's sample of each kind of mark, and its word. */
static double
legend_item(pdf_doc *d, int kind, double x, double y)
{
    cairo_t *cr = d->cr;
    double mid = y + LEGEND_H / 2;
    if (kind == 0) {
        rounded(cr, x, mid - 3.5, 14, 7, 1.5);
        pdf_rgb(cr, PDF_VISIT);
        cairo_fill_preserve(cr);
        pdf_rgb(cr, PDF_VISIT_EDGE);
        cairo_set_line_width(cr, 0.6);
        cairo_stroke(cr);
    } else if (kind == 1) {
        mark_transfer(cr, x + 1.5, x + 12.5, mid);
    } else {
        mark_leg(cr, x, x + 14, mid, 9);
    }
    static const itin_label words[3] = {L_VISIT, L_TRANSFER, L_LEG};
    PangoLayout *l = pdf_layout(d, PS_CHART, itin_agenda_label(d->a, words[kind]), 0, 0, 0, 0);
    double lh = pdf_layout_height(l);
    pdf_show(d, l, x + 17, mid - lh / 2);
    double w = pdf_layout_width(l);
    g_object_unref(l);
    return x + 17 + w + 12;
}

void
pdf_chart_draw(pdf_doc *d, const pdf_chart *c, double x, double y)
{
    cairo_t *cr = d->cr;
    double px0 = x + c->label_w + LANE_GAP, px1 = x + c->width - 2;
    double span = (double)(c->t1 - c->t0), scale = (px1 - px0) / span;
    double lanes_y = y + AXIS_H, lanes_h = (double)c->n_lanes * c->lane_h;

    /* Hours: a faint line each, a label at every step that leaves room. */
    PangoLayout *probe = pdf_layout(d, PS_CHART, "00:00", 0, 0, 0, 0);
    double label_w = pdf_layout_width(probe);
    g_object_unref(probe);
    static const int steps[] = {1, 2, 3, 4, 6, 12, 24, 48};
    int step = 48;
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
        if (steps[i] * 3600 * scale >= label_w + 6) {
            step = steps[i];
            break;
        }
    double last_right = -1e9;
    for (int64_t t = c->t0; t <= c->t1; t += 3600) {
        double hx = px0 + (double)(t - c->t0) * scale;
        cairo_set_source_rgb(cr, 0.88, 0.89, 0.9);
        cairo_set_line_width(cr, 0.4);
        cairo_move_to(cr, hx, lanes_y);
        cairo_line_to(cr, hx, lanes_y + lanes_h);
        cairo_stroke(cr);
        int64_t local = t + c->offset;
        int hour = (int)(((local / 3600) % 24 + 24) % 24);
        int64_t k = (t - c->t0) / 3600;
        if (k % step)
            continue;
        char text[8];
        snprintf(text, sizeof text, "%02d:00", hour);
        PangoLayout *l = pdf_layout(d, PS_CHART, text, 0, 0, 0, 0);
        double lw = pdf_layout_width(l), lx = hx - lw / 2;
        if (lx < px0 - 2)
            lx = px0 - 2;
        if (lx + lw > x + c->width)
            lx = x + c->width - lw;
        if (lx >= last_right + 2) {
            pdf_show(d, l, lx, y);
            last_right = lx + lw;
        }
        g_object_unref(l);
    }

    /* Each visit's place name, set once for all lanes. */
    PangoLayout **names = itin_xcalloc(c->n_marks + 1, sizeof *names);
    for (size_t k = 0; k < c->n_marks; k++)
        if (c->marks[k]->kind == ITIN_ITEM_VISIT || c->marks[k]->kind == ITIN_ITEM_MEETING) {
            const itin_institution *I = &d->it->plan->institutions[c->marks[k]->place];
            const char *name =
                itin_text_pick(d->it->plan, I->short_name ? I->short_name : I->name, d->a->lang, NULL);
            names[k] = pdf_layout(d, PS_CHART, name, 0, 0, 0, 0);
        }
    for (size_t i = 0; i < c->n_lanes; i++) {
        const lane *ln = &c->lanes[i];
        double ly = lanes_y + (double)i * c->lane_h, mid = ly + c->lane_h / 2;
        if (i % 2 == 0) {
            cairo_set_source_rgb(cr, 0.965, 0.97, 0.975);
            cairo_rectangle(cr, px0, ly, px1 - px0, c->lane_h);
            cairo_fill(cr);
        }
        PangoLayout *l = pdf_layout(d, PS_CHART, ln->label, 0, c->label_w, 0, PF_ONE_LINE);
        pdf_show(d, l, x, mid - pdf_layout_height(l) / 2);
        g_object_unref(l);
        /* Transfers first, blocks and legs over them. */
        for (int pass = 0; pass < 2; pass++)
            for (size_t k = 0; k < c->n_marks; k++) {
                const itin_item *m = c->marks[k];
                if ((m->kind == ITIN_ITEM_TRANSFER) != (pass == 0) || !in_lane(c, ln, m))
                    continue;
                double x0 = px0 + (double)(m->start - c->t0) * scale;
                double x1 = px0 + (double)(m->end - c->t0) * scale;
                if (x1 - x0 < 1.5)
                    x1 = x0 + 1.5;
                if (m->kind == ITIN_ITEM_TRANSFER)
                    mark_transfer(cr, x0, x1, mid);
                else if (m->kind == ITIN_ITEM_TRAVEL)
                    mark_leg(cr, x0, x1, mid, c->lane_h);
                else
                    mark_visit(d, m, names[k], x0, x1, ly + 2, c->lane_h - 4);
            }
    }
    for (size_t k = 0; k < c->n_marks; k++)
        if (names[k])
            g_object_unref(names[k]);
    free(names);
    double lx = px0, legend_y = lanes_y + lanes_h + 4;
    for (int kind = 0; kind < 3; kind++)
        if (c->has[kind])
            lx = legend_item(d, kind, lx, legend_y);
}
