/* export_matchmaking: the meeting grid of each matchmaking session (slots ×
 * tables), the requests not met with their reasons, and how good the
 * assignment is — as text, Markdown or JSON (docs/format.md §19). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "datetime.h"
#include "itinerary/itinerary.h"
#include "json.h"
#include "strbuf.h"
#include "xalloc.h"

/* "optimal", or "within 3.2 % of optimal": the gap to the proven bound,
 * rounded up to a tenth. */
static void
match_quality(const itin_match *m, char *buf, size_t n)
{
    if (m->optimal || m->bound <= 0) {
        snprintf(buf, n, "optimal");
        return;
    }
    double gap = ceil((double)(m->bound - m->weight) * 1000.0 / (double)m->bound) / 10.0;
    snprintf(buf, n, "within %.1f %% of optimal", gap);
}

static double
match_gap(const itin_match *m)
{
    if (m->optimal || m->bound <= 0)
        return 0;
    return ceil((double)(m->bound - m->weight) * 1000.0 / (double)m->bound) / 10.0;
}

/* The meeting in a cell: "saxtec – hankook-robotics*" (* interpreted). */
static char *
match_cell(const itin_plan *P, const itin_item *x)
{
    const char *a = P->companies[x->companies[0]].id, *b = P->companies[x->companies[1]].id;
    size_t n = strlen(a) + strlen(b) + 8;
    char *s = itin_xmalloc(n);
    snprintf(s, n, "%s \u2013 %s%s", a, b, x->interpreted ? "*" : "");
    return s;
}

static void
match_slot_time(const itin_session *s, int slot, char *buf)
{
    char a[8], b[8];
    int start = s->start + (slot - 1) * (s->slot + s->gap);
    snprintf(buf, 16, "%s\u2013%s", itin_hm(start, a), itin_hm(start + s->slot, b));
}

/* The grid: cells[(slot - 1) * tables + table - 1], NULL when empty. */
static char **
match_grid(const itin_itinerary *it, const itin_match *m)
{
    const itin_session *s = m->session;
    size_t n = (size_t)s->n_slots * (size_t)s->tables;
    char **cells = itin_xcalloc(n + 1, sizeof *cells);
    for (size_t i = 0; i < m->n_meetings; i++) {
        const itin_item *x = &it->items[m->meetings[i]];
        cells[(size_t)(x->slot - 1) * (size_t)s->tables + (size_t)(x->table - 1)] = match_cell(it->plan, x);
    }
    return cells;
}

static void
free_grid(char **cells, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(cells[i]);
    free(cells);
}

static void
pad(FILE *out, const char *s, size_t width)
{
    size_t w = itin_text_width(s, strlen(s));
    fputs(s, out);
    for (; w < width; w++)
        fputc(' ', out);
}

static void
text_session(const itin_itinerary *it, const itin_match *m, bool md, FILE *out)
{
    const itin_plan *P = it->plan;
    const itin_session *s = m->session;
    const itin_institution *I = &P->institutions[s->at];
    char ds[16], a[8], b[8], q[64], slot[16];
    match_quality(m, q, sizeof q);
    if (md)
        fprintf(out, "## %s\n\n", s->title);
    else
        fprintf(out, "%s\n", s->title);
    fprintf(out, "%s%s, %s\u2013%s, %s: %d slots of %d min, %d table%s, %d interpreter%s%s\n", md ? "" : "",
            itin_date_format(s->date, ds), itin_hm(s->start, a), itin_hm(s->end, b),
            I->short_name ? I->short_name : I->name, s->n_slots, s->slot, s->tables,
            s->tables == 1 ? "" : "s", s->interpreters, s->interpreters == 1 ? "" : "s", md ? "  " : "");
    fprintf(out, "%zu meetings, weight %ld of %ld requested: %s (bound %ld); greedy baseline %ld\n\n",
            m->n_meetings, m->weight, m->requested, q, m->bound, m->greedy);
    size_t nt = (size_t)s->tables, ncells = (size_t)s->n_slots * nt;
    char **cells = match_grid(it, m);
    /* Column widths: the widest cell of each table. */
    size_t *w = itin_xcalloc(nt + 1, sizeof *w);
    for (size_t t = 0; t < nt; t++) {
        char h[32];
        snprintf(h, sizeof h, "Table %zu", t + 1);
        w[t] = strlen(h);
        for (size_t k = 0; k < (size_t)s->n_slots; k++) {
            const char *c = cells[k * nt + t];
            size_t cw = c ? itin_text_width(c, strlen(c)) : 0;
            if (cw > w[t])
                w[t] = cw;
        }
    }
    const char *sep = md ? " | " : "  ";
    fputs(md ? "| Slot        " : "Slot       ", out);
    for (size_t t = 0; t < nt; t++) {
        char h[32];
        snprintf(h, sizeof h, "Table %zu", t + 1);
        fputs(sep, out);
        pad(out, h, md || t + 1 < nt ? w[t] : 0);
    }
    fputs(md ? " |\n" : "\n", out);
    if (md) {
        fputs("|-------------", out);
        for (size_t t = 0; t < nt; t++) {
            fputs("|", out);
            for (size_t i = 0; i < w[t] + 2; i++)
                fputc('-', out);
        }
        fputs("|\n", out);
    }
    for (size_t k = 0; k < (size_t)s->n_slots; k++) {
        match_slot_time(s, (int)k + 1, slot);
        if (md)
            fputs("| ", out);
        pad(out, slot, 11);
        size_t last = nt;
        if (!md)
            while (last > 0 && !cells[k * nt + last - 1])
                last--;
        for (size_t t = 0; t < last; t++) {
            const char *c = cells[k * nt + t];
            fputs(sep, out);
            pad(out, c ? c : "", md || t + 1 < last ? w[t] : 0);
        }
        fputs(md ? " |\n" : "\n", out);
    }
    fputs(md ? "\n\\* with an interpreter\n\n" : "* with an interpreter\n\n", out);
    if (m->n_unmet) {
        long weight = 0;
        for (size_t i = 0; i < m->n_unmet; i++)
            weight += m->unmet[i].weight;
        fprintf(out, "%s%zu request%s not met (weight %ld):\n%s", md ? "### " : "", m->n_unmet,
                m->n_unmet == 1 ? "" : "s", weight, md ? "\n" : "");
        for (size_t i = 0; i < m->n_unmet; i++) {
            const itin_unmet *u = &m->unmet[i];
            fprintf(out, "%s%s \u2013 %s (weight %d): %s\n", md ? "- " : "  ",
                    P->companies[u->companies[0]].id, P->companies[u->companies[1]].id, u->weight, u->reason);
        }
        fputs("\n", out);
    } else {
        fputs("Every request is met.\n\n", out);
    }
    free(w);
    free_grid(cells, ncells);
}

static void
json_session(jw *w, const itin_itinerary *it, const itin_match *m)
{
    const itin_plan *P = it->plan;
    const itin_session *s = m->session;
    char ds[16], a[8], b[8];
    jw_object(w, 6);
    jw_kstring(w, "id", s->id);
    jw_kstring(w, "title", s->title);
    jw_kstring(w, "place", P->institutions[s->at].id);
    jw_kstring(w, "date", itin_date_format(s->date, ds));
    jw_kstring(w, "start", itin_hm(s->start, a));
    jw_kstring(w, "end", itin_hm(s->end, b));
    jw_kint(w, "slot_minutes", s->slot);
    jw_kint(w, "gap_minutes", s->gap);
    jw_kint(w, "tables", s->tables);
    jw_kint(w, "interpreters", s->interpreters);
    jw_kint(w, "weight", m->weight);
    jw_kint(w, "bound", m->bound);
    jw_kint(w, "requested", m->requested);
    jw_kint(w, "greedy", m->greedy);
    jw_kbool(w, "optimal", m->optimal);
    jw_key(w, "gap_percent");
    jw_number(w, match_gap(m), 1);
    jw_key(w, "meetings");
    jw_array(w, 8);
    for (size_t i = 0; i < m->n_meetings; i++) {
        const itin_item *x = &it->items[m->meetings[i]];
        char st[16];
        match_slot_time(s, x->slot, st);
        jw_object(w, -1);
        jw_kint(w, "slot", x->slot);
        jw_kstring(w, "start", itin_hm(x->local_start, a));
        jw_kstring(w, "end", itin_hm(x->local_end, b));
        jw_kint(w, "table", x->table);
        itin_json_companies(w, P, x->companies);
        jw_kbool(w, "interpreted", x->interpreted);
        jw_kstring(w, "id", x->id);
        jw_end(w);
    }
    jw_end(w);
    jw_key(w, "unmet");
    jw_array(w, 8);
    for (size_t i = 0; i < m->n_unmet; i++) {
        const itin_unmet *u = &m->unmet[i];
        jw_object(w, -1);
        itin_json_companies(w, P, u->companies);
        jw_kint(w, "weight", u->weight);
        jw_kstring(w, "reason", u->reason);
        jw_end(w);
    }
    jw_end(w);
    jw_end(w);
}

int
itin_export_matchmaking(const itin_itinerary *it, itin_match_style style, FILE *out)
{
    const itin_plan *P = it->plan;
    if (style == ITIN_MATCH_JSON) {
        jw *w = itin_xmalloc(sizeof *w);
        jw_init(w, out);
        jw_object(w, 2);
        jw_kint(w, "itinerary", 1);
        jw_kstring(w, "delegation", P->delegation.id);
        jw_key(w, "companies");
        jw_array(w, 4);
        for (size_t i = 0; i < P->n_companies; i++) {
            const itin_company *c = &P->companies[i];
            jw_object(w, -1);
            jw_kstring(w, "id", c->id);
            jw_kstring(w, "name", c->name);
            jw_kstring(w, "side", c->side == ITIN_SIDE_HOST ? "host" : "delegation");
            jw_key(w, "members");
            jw_array(w, -1);
            for (size_t k = 0; k < c->n_members; k++)
                jw_string(w, P->delegation.participants[c->members[k]].id);
            jw_end(w);
            jw_key(w, "languages");
            jw_array(w, -1);
            for (size_t k = 0; k < c->n_languages; k++)
                jw_string(w, c->languages[k]);
            jw_end(w);
            jw_end(w);
        }
        jw_end(w);
        jw_key(w, "sessions");
        jw_array(w, 4);
        for (size_t i = 0; i < it->n_matches; i++)
            json_session(w, it, &it->matches[i]);
        jw_end(w);
        jw_end(w);
        int rc = jw_finish(w);
        if (rc == 0 && fputc('\n', out) == EOF)
            rc = -1;
        free(w);
        return rc;
    }
    bool md = style == ITIN_MATCH_MARKDOWN;
    fprintf(out, md ? "# %s: B2B meetings\n\n" : "%s: B2B meetings\n\n", P->delegation.title);
    if (!it->n_matches)
        fputs("No matchmaking sessions.\n", out);
    for (size_t i = 0; i < it->n_matches; i++)
        text_session(it, &it->matches[i], md, out);
    /* The companies behind the ids in the grid. */
    fputs(md ? "## Companies\n\n" : "Companies\n", out);
    for (size_t i = 0; i < P->n_companies; i++) {
        const itin_company *c = &P->companies[i];
        fprintf(out, "%s%s: %s (%s)\n", md ? "- " : "  ", c->id, c->name,
                c->side == ITIN_SIDE_HOST ? "host" : "delegation");
    }
    fflush(out);
    return ferror(out) ? -1 : 0;
}
