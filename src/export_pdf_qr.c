/* export_pdf_qr: the QR code beside a visit in the PDF agenda — its place as
 * a geo: URI (RFC 5870), which a phone's camera opens in a map — encoded
 * with libqrencode and drawn by cairo as filled squares. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "pdf.h"
#include "xalloc.h"

/* A coordinate with up to six decimals (about 0.1 m), trailing zeros
 * dropped; always a point, whatever the locale. */
static void
coordinate(char *buf, size_t size, double v)
{
    long long micro = (long long)(v * 1e6 + (v < 0 ? -0.5 : 0.5));
    unsigned long long a = (unsigned long long)(micro < 0 ? -micro : micro);
    int n = snprintf(buf, size, "%s%llu.%06llu", micro < 0 ? "-" : "", a / 1000000, a % 1000000);
    while (n > 0 && buf[n - 1] == '0')
        buf[--n] = '\0';
    if (n > 0 && buf[n - 1] == '.')
        buf[--n] = '\0';
}

const char *
pdf_geo_uri(itin_arena *A, double lat, double lon)
{
    /* RFC 5870 §3.3: geo:<lat>,<lon> in WGS 84 (the default crs). */
    char a[32], b[32];
    coordinate(a, sizeof a, lat);
    coordinate(b, sizeof b, lon);
    return itin_arena_printf(A, "geo:%s,%s", a, b);
}

/* Draw the code's dark modules, `size` points a side, at the origin. */
static bool
qr_paths(cairo_t *cr, const char *text, double size)
{
    /* Level M (15% of the code may be lost) in 8-bit mode: a geo: URI is a
     * version 2 or 3 code, 25 or 29 modules a side. */
    QRcode *q = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
    if (!q)
        return false;
    double m = size / q->width;
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int r = 0; r < q->width; r++)
        for (int c = 0; c < q->width;) {
            if (!(q->data[r * q->width + c] & 1)) {
                c++;
                continue;
            }
            /* A run of dark modules as one rectangle: fewer, larger paths,
             * no hairline seams between neighbours. */
            int e = c;
            while (e < q->width && (q->data[r * q->width + e] & 1))
                e++;
            cairo_rectangle(cr, c * m, r * m, (e - c) * m, m);
            c = e;
        }
    cairo_fill(cr);
    QRcode_free(q);
    return true;
}

bool
pdf_qr_draw(pdf_doc *d, const char *text, double x, double y, double size)
{
    /* Each code is drawn once, as a group, and painted wherever it goes:
     * the PDF holds it once (a form XObject), however many visits share
     * the place. */
    size_t k;
    if (!itin_strmap_get(&d->qr_ids, text, &k)) {
        cairo_push_group(d->cr);
        bool ok = qr_paths(d->cr, text, size);
        cairo_pattern_t *p = cairo_pop_group(d->cr);
        if (!ok) {
            cairo_pattern_destroy(p);
            return false;
        }
        if (d->n_qr == d->cap_qr) {
            d->cap_qr = d->cap_qr ? 2 * d->cap_qr : 16;
            d->qr = itin_xrealloc(d->qr, d->cap_qr * sizeof *d->qr);
        }
        k = d->n_qr;
        d->qr[d->n_qr++] = p;
        itin_strmap_put(&d->qr_ids, text, k, NULL);
    }
    cairo_save(d->cr);
    cairo_translate(d->cr, x, y);
    cairo_set_source(d->cr, d->qr[k]);
    cairo_rectangle(d->cr, 0, 0, size, size);
    cairo_fill(d->cr);
    cairo_restore(d->cr);
    return true;
}

void
pdf_qr_free(pdf_doc *d)
{
    for (size_t i = 0; i < d->n_qr; i++)
        cairo_pattern_destroy(d->qr[i]);
    free(d->qr);
    itin_strmap_free(&d->qr_ids);
}
