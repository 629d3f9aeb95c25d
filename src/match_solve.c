/* match_solve: one session's meeting assignment as a mixed-integer program
 * solved by GLPK, and the greedy baseline it is measured against. */
#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "match.h"
#include "xalloc.h"

static double
match_clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---------------------------------------------------------------- greedy */

static int
match_cmp_weight(const void *x, const void *y, const match_pair *pairs)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    if (pairs[a].weight != pairs[b].weight)
        return pairs[a].weight > pairs[b].weight ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* Insertion sort by weight, stable: qsort has no context argument in C11. */
static void
match_order(const match_problem *p, size_t *order)
{
    for (size_t i = 0; i < p->n_pairs; i++) {
        size_t j = i;
        order[j] = i;
        while (j > 0 && match_cmp_weight(&order[j - 1], &order[j], p->pairs) > 0) {
            size_t t = order[j - 1];
            order[j - 1] = order[j];
            order[j] = t;
            j--;
        }
    }
}

/* Whether a group of companies sharing a participant already meets in
 * slot k (gbusy: group × slot), for pair q. */
static bool
match_group_busy(const match_problem *p, const uint8_t *gbusy, const match_pair *q, size_t k)
{
    for (size_t g = 0; g < p->n_groups; g++)
        if ((p->groups[g * p->n_companies + q->a] || p->groups[g * p->n_companies + q->b]) &&
            gbusy[g * (size_t)p->n_slots + k])
            return true;
    return false;
}

static void
match_group_mark(const match_problem *p, uint8_t *gbusy, const match_pair *q, size_t k)
{
    for (size_t g = 0; g < p->n_groups; g++)
        if (p->groups[g * p->n_companies + q->a] || p->groups[g * p->n_companies + q->b])
            gbusy[g * (size_t)p->n_slots + k] = 1;
}

void
match_solve_greedy(const match_problem *p, match_solution *out)
{
    double t0 = match_clock();
    size_t ns = (size_t)p->n_slots;
    uint8_t *busy = itin_xcalloc(p->n_companies * ns + 1, 1);
    int *tables = itin_xcalloc(ns + 1, sizeof *tables), *interp = itin_xcalloc(ns + 1, sizeof *interp);
    size_t *order = itin_xmalloc((p->n_pairs + 1) * sizeof *order);
    uint8_t *gbusy = itin_xcalloc(p->n_groups * ns + 1, 1);
    match_order(p, order);
    out->weight = out->bound = 0;
    for (size_t i = 0; i < p->n_pairs; i++) {
        out->slot[i] = -1;
        out->bound += p->pairs[i].weight;
    }
    for (size_t i = 0; i < p->n_pairs; i++) {
        const match_pair *q = &p->pairs[order[i]];
        for (size_t k = 0; k < ns; k++) {
            size_t a = q->a * ns + k, b = q->b * ns + k;
            if (!p->free[a] || !p->free[b] || busy[a] || busy[b] || tables[k] >= p->tables ||
                (q->interpreted && interp[k] >= p->interpreters) || match_group_busy(p, gbusy, q, k))
                continue;
            match_group_mark(p, gbusy, q, k);
            busy[a] = busy[b] = 1;
            tables[k]++;
            interp[k] += q->interpreted;
            out->slot[order[i]] = (int)k;
            out->weight += q->weight;
            break;
        }
    }
    out->optimal = out->weight == out->bound;
    out->seconds = match_clock() - t0;
    free(gbusy);
    free(order);
    free(busy);
    free(tables);
    free(interp);
}

/* ------------------------------------------------------------------ check */

const char *
match_check(const match_problem *p, const int *slot)
{
    size_t ns = (size_t)p->n_slots;
    const char *err = NULL;
    uint8_t *busy = itin_xcalloc(p->n_companies * ns + 1, 1);
    uint8_t *gbusy = itin_xcalloc(p->n_groups * ns + 1, 1);
    int *tables = itin_xcalloc(ns + 1, sizeof *tables), *interp = itin_xcalloc(ns + 1, sizeof *interp);
    for (size_t i = 0; i < p->n_pairs && !err; i++) {
        const match_pair *q = &p->pairs[i];
        if (slot[i] < 0)
            continue;
        if (slot[i] >= p->n_slots) {
            err = "a meeting outside the session";
            break;
        }
        size_t k = (size_t)slot[i], a = q->a * ns + k, b = q->b * ns + k;
        if (!p->free[a] || !p->free[b])
            err = "a meeting when a company is not free";
        else if (busy[a] || busy[b])
            err = "two meetings of one company in one slot";
        else if (++tables[k] > p->tables)
            err = "more meetings than tables in a slot";
        else if ((interp[k] += q->interpreted) > p->interpreters)
            err = "more interpreted meetings than interpreters in a slot";
        else if (match_group_busy(p, gbusy, q, k))
            err = "two meetings of one participant in one slot";
        match_group_mark(p, gbusy, q, k);
        busy[a] = busy[b] = 1;
    }
    free(gbusy);
    free(busy);
    free(tables);
    free(interp);
    return err;
}

/* ------------------------------------------------------------------- MILP */

/* The program's columns: x[pair, slot] for the slots both companies have
 * free. The objective is lexicographic through its scale: weight × m1
 * minus the slot number, m1 being more than any sum of slot numbers. (A
 * term for idle slots between a company's meetings, with a variable per
 * company and two slots, made the LP relaxation of the benchmark a hundred
 * times slower: docs/performance.md.) */
typedef struct milp {
    const match_problem *p;
    glp_prob *lp;
    int n_x;
    size_t *x_pair;
    int *x_slot;
    double m1, b_slots;
    /* The greedy start, offered to the solver's first heuristic call. */
    const int *start;
    bool offered;
    double best_bound; /* of the combined objective */
    bool have_bound;
    long incumbent; /* the weight of the best assignment found */
} milp;

/* The weight a bound on the combined objective allows: the slot term moves
 * it by less than one unit of weight. */
static long
milp_weight_bound(const milp *m, double bound)
{
    return (long)floor(bound / m->m1 + m->b_slots / (m->b_slots + 1) + 1e-6);
}

static void
milp_callback(glp_tree *tree, void *info)
{
    milp *m = info;
    int reason = glp_ios_reason(tree);
    if (reason == GLP_IHEUR && !m->offered) {
        m->offered = true;
        double *x = itin_xcalloc((size_t)m->n_x + 1, sizeof *x);
        for (int j = 0; j < m->n_x; j++)
            x[j + 1] = m->start[m->x_pair[j]] == m->x_slot[j];
        glp_ios_heur_sol(tree, x);
        free(x);
    }
    glp_prob *lp = glp_ios_get_prob(tree);
    if ((reason == GLP_IBINGO || reason == GLP_ISELECT) && glp_mip_status(lp) == GLP_FEAS) {
        /* The incumbent as the problem object holds it. */
        long w = milp_weight_bound(m, glp_mip_obj_val(lp));
        if (w > m->incumbent)
            m->incumbent = w;
    }
    if (reason == GLP_ISELECT || reason == GLP_IBINGO) {
        int node = glp_ios_best_node(tree);
        /* A node not solved yet has no bound (DBL_MAX). */
        if (node && glp_ios_node_bound(tree, node) < 1e300) {
            m->best_bound = glp_ios_node_bound(tree, node);
            m->have_bound = true;
            /* The weight is proven optimal: what is left to prove is only
             * the tie-break, which is not worth the wait. */
            if (milp_weight_bound(m, m->best_bound) <= m->incumbent)
                glp_ios_terminate(tree);
        }
    }
}

static void
milp_columns(milp *m)
{
    const match_problem *p = m->p;
    size_t ns = (size_t)p->n_slots;
    size_t cap = p->n_pairs * ns + 1;
    m->x_pair = itin_xmalloc(cap * sizeof *m->x_pair);
    m->x_slot = itin_xmalloc(cap * sizeof *m->x_slot);
    for (size_t r = 0; r < p->n_pairs; r++) {
        const match_pair *q = &p->pairs[r];
        for (size_t k = 0; k < ns; k++)
            if (p->free[q->a * ns + k] && p->free[q->b * ns + k]) {
                m->x_pair[m->n_x] = r;
                m->x_slot[m->n_x++] = (int)k;
            }
    }
    m->b_slots = (double)(ns ? ns - 1 : 0) * (double)p->n_pairs;
    m->m1 = m->b_slots + 1;
    if (m->n_x == 0)
        return; /* nothing to choose (and GLPK refuses zero columns) */
    glp_add_cols(m->lp, m->n_x);
    for (int j = 0; j < m->n_x; j++) {
        glp_set_col_kind(m->lp, j + 1, GLP_BV);
        glp_set_obj_coef(m->lp, j + 1, p->pairs[m->x_pair[j]].weight * m->m1 - m->x_slot[j]);
    }
}

/* A row sum(cols) <= ub, when it can bind. */
static void
milp_row(milp *m, const int *cols, int n, double ub, int *ind, double *val)
{
    if (n <= ub)
        return;
    int row = glp_add_rows(m->lp, 1);
    for (int i = 0; i < n; i++) {
        ind[i + 1] = cols[i];
        val[i + 1] = 1;
    }
    glp_set_row_bnds(m->lp, row, GLP_UP, 0, ub);
    glp_set_mat_row(m->lp, row, n, ind, val);
}

static void
milp_rows(milp *m)
{
    const match_problem *p = m->p;
    size_t ns = (size_t)p->n_slots, nc = p->n_companies;
    int total = m->n_x + 2;
    int *cols = itin_xmalloc((size_t)total * sizeof *cols), *ind = itin_xmalloc((size_t)total * sizeof *ind);
    double *val = itin_xmalloc((size_t)total * sizeof *val);
    /* A pair meets at most once: its columns are consecutive. */
    for (int j = 0; j < m->n_x;) {
        int n = 0;
        size_t r = m->x_pair[j];
        while (j < m->n_x && m->x_pair[j] == r)
            cols[n++] = ++j;
        milp_row(m, cols, n, 1, ind, val);
    }
    /* Per slot: tables, interpreters; per company and slot: one meeting. */
    int **by_company = itin_xcalloc(nc * ns + 1, sizeof *by_company);
    int *n_by_company = itin_xcalloc(nc * ns + 1, sizeof *n_by_company);
    for (int j = 0; j < m->n_x; j++) {
        const match_pair *q = &p->pairs[m->x_pair[j]];
        size_t ends[2] = {q->a, q->b};
        for (int e = 0; e < 2; e++) {
            size_t at = ends[e] * ns + (size_t)m->x_slot[j];
            by_company[at] =
                itin_xrealloc(by_company[at], ((size_t)n_by_company[at] + 1) * sizeof **by_company);
            by_company[at][n_by_company[at]++] = j + 1;
        }
    }
    for (size_t k = 0; k < ns; k++) {
        int n = 0, ni = 0;
        for (int j = 0; j < m->n_x; j++)
            if ((size_t)m->x_slot[j] == k)
                cols[n++] = j + 1;
        milp_row(m, cols, n, p->tables, ind, val);
        for (int j = 0; j < m->n_x; j++)
            if ((size_t)m->x_slot[j] == k && p->pairs[m->x_pair[j]].interpreted)
                cols[ni++] = j + 1;
        milp_row(m, cols, ni, p->interpreters, ind, val);
    }
    for (size_t at = 0; at < nc * ns; at++)
        milp_row(m, by_company[at], n_by_company[at], 1, ind, val);
    /* A participant of several companies: one of their meetings a slot
     * (the columns of each group and slot, gathered in one pass). */
    if (p->n_groups) {
        int **by_group = itin_xcalloc(p->n_groups * ns + 1, sizeof *by_group);
        int *n_by_group = itin_xcalloc(p->n_groups * ns + 1, sizeof *n_by_group);
        for (int j = 0; j < m->n_x; j++) {
            const match_pair *q = &p->pairs[m->x_pair[j]];
            for (size_t g = 0; g < p->n_groups; g++) {
                if (!p->groups[g * nc + q->a] && !p->groups[g * nc + q->b])
                    continue;
                size_t at = g * ns + (size_t)m->x_slot[j];
                by_group[at] = itin_xrealloc(by_group[at], ((size_t)n_by_group[at] + 1) * sizeof **by_group);
                by_group[at][n_by_group[at]++] = j + 1;
            }
        }
        for (size_t at = 0; at < p->n_groups * ns; at++) {
            milp_row(m, by_group[at], n_by_group[at], 1, ind, val);
            free(by_group[at]);
        }
        free(by_group);
        free(n_by_group);
    }
    for (size_t at = 0; at < nc * ns; at++)
        free(by_company[at]);
    free(by_company);
    free(n_by_company);
    free(cols);
    free(ind);
    free(val);
}

void
match_solve_milp(const match_problem *p, double time_limit, match_solution *out)
{
    double t0 = match_clock();
    /* The greedy assignment: the solver's first incumbent, and the answer
     * when the program has nothing to choose. */
    match_solve_greedy(p, out);
    int *start = itin_xmalloc((p->n_pairs + 1) * sizeof *start);
    memcpy(start, out->slot, p->n_pairs * sizeof *start);
    long total = out->bound;
    milp m = {.p = p, .start = start, .incumbent = out->weight};
    glp_term_out(GLP_OFF);
    m.lp = glp_create_prob();
    glp_set_obj_dir(m.lp, GLP_MAX);
    milp_columns(&m);
    if (m.n_x == 0) {
        out->bound = out->weight;
        out->optimal = true;
    } else {
        milp_rows(&m);
        glp_smcp sp;
        glp_init_smcp(&sp);
        sp.msg_lev = GLP_MSG_OFF;
        sp.presolve = GLP_OFF;
        sp.tm_lim = (int)(time_limit * 1000); /* the primal simplex: faster here than the dual */
        glp_scale_prob(m.lp, GLP_SF_AUTO);
        int rc = glp_simplex(m.lp, &sp);
        double lp_bound =
            rc == 0 && glp_get_status(m.lp) == GLP_OPT ? glp_get_obj_val(m.lp) : (double)total * m.m1;
        glp_iocp ip;
        glp_init_iocp(&ip);
        ip.msg_lev = GLP_MSG_OFF;
        ip.cb_func = milp_callback;
        ip.cb_info = &m;
        ip.clq_cuts = GLP_ON;
        double left = time_limit - (match_clock() - t0);
        ip.tm_lim = left > 0.001 ? (int)(left * 1000) : 1;
        rc = glp_intopt(m.lp, &ip);
        int st = glp_mip_status(m.lp);
        if (st == GLP_OPT || st == GLP_FEAS) {
            long w = 0;
            for (size_t i = 0; i < p->n_pairs; i++)
                out->slot[i] = -1;
            for (int j = 0; j < m.n_x; j++)
                if (glp_mip_col_val(m.lp, j + 1) > 0.5) {
                    out->slot[m.x_pair[j]] = m.x_slot[j];
                    w += p->pairs[m.x_pair[j]].weight;
                }
            /* Never worse than the start it was given. */
            if (w >= out->weight && !match_check(p, out->slot))
                out->weight = w;
            else
                memcpy(out->slot, start, p->n_pairs * sizeof *start);
        }
        if (rc == 0 && st == GLP_OPT)
            out->bound = out->weight;
        else {
            double b = m.have_bound ? m.best_bound : lp_bound;
            long wb = milp_weight_bound(&m, b);
            out->bound = wb < out->weight ? out->weight : wb > total ? total : wb;
        }
        out->optimal = out->bound == out->weight;
    }
    glp_delete_prob(m.lp);
    free(m.x_pair);
    free(m.x_slot);
    free(start);
    out->seconds = match_clock() - t0;
}
