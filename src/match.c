/* match: the matchmaking sessions in the scheduler (docs/format.md §19) —
 * which slots each company has free, the assignment (match_solve.c), the
 * meetings as items that block their members, and why a request is not met. */
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "schedule.h"
#include "who.h"

/* One session being solved. */
typedef struct match_run {
    sched *S;
    const itin_session *s;
    size_t nc, ns;
    uint8_t *free;    /* company × slot */
    size_t *blocker;  /* company × slot: the item that keeps its members busy, NONE */
    uint8_t *away;    /* company × slot: its `unavailable` times */
    int64_t *slot_at; /* each slot's start */
    match_pair *pairs;
    size_t n_pairs;
    itin_pos *pair_pos;
    const uint8_t *groups; /* companies sharing a participant (match_problem) */
    size_t n_groups;
} match_run;

static int
match_slot_minutes(const itin_session *s, size_t k)
{
    return s->start + (int)k * (s->slot + s->gap);
}

/* Which slots each company may take: its unavailable times, and for a
 * delegation company whether every member is free there. */
static void
match_free_slots(match_run *r)
{
    sched *S = r->S;
    const itin_plan *P = S->P;
    const itin_session *s = r->s;
    for (size_t k = 0; k < r->ns; k++)
        r->slot_at[k] = sched_at_local(S, s->at, s->date, match_slot_minutes(s, k));
    for (size_t i = 0; i < r->nc * r->ns; i++) {
        r->free[i] = 1;
        r->blocker[i] = NONE;
    }
    for (size_t u = 0; u < s->n_unavailable; u++) {
        const itin_unavailable *un = &s->unavailable[u];
        for (size_t k = 0; k < r->ns; k++) {
            int a = match_slot_minutes(s, k), b = a + s->slot;
            if (a < un->to && un->from < b)
                r->away[un->company * r->ns + k] = 1, r->free[un->company * r->ns + k] = 0;
        }
    }
    for (size_t c = 0; c < r->nc; c++) {
        const itin_company *co = &P->companies[c];
        if (co->side != ITIN_SIDE_DELEGATION)
            continue;
        for (size_t k = 0; k < r->ns; k++) {
            size_t at = c * r->ns + k;
            for (size_t m = 0; m < co->n_members && r->free[at]; m++) {
                size_t blocker;
                if (!sched_meeting_free(S, co->members[m], s->at, s->date, r->slot_at[k], s->slot,
                                        &blocker)) {
                    r->free[at] = 0;
                    r->blocker[at] = blocker;
                    if (blocker == NONE)
                        r->blocker[at] = NONE - 1; /* the hotel or the day window */
                }
            }
        }
    }
}

static bool
match_common_language(const itin_company *a, const itin_company *b)
{
    for (size_t i = 0; i < a->n_languages; i++)
        for (size_t j = 0; j < b->n_languages; j++)
            if (strcmp(a->languages[i], b->languages[j]) == 0)
                return true;
    return false;
}

/* The requested pairs, both directions merged, in the order first asked. */
static void
match_pairs(match_run *r)
{
    const itin_plan *P = r->S->P;
    const itin_session *s = r->s;
    itin_pairmap ix;
    itin_pairmap_init(&ix);
    r->pairs = itin_xmalloc((s->n_requests + 1) * sizeof *r->pairs);
    r->pair_pos = itin_xmalloc((s->n_requests + 1) * sizeof *r->pair_pos);
    for (size_t i = 0; i < s->n_requests; i++) {
        const itin_request *q = &s->requests[i];
        size_t a = q->from, b = q->to, old;
        if (P->companies[a].side == ITIN_SIDE_HOST) {
            size_t t = a;
            a = b;
            b = t;
        }
        if (!itin_pairmap_put(&ix, a, b, r->n_pairs, &old)) {
            r->pairs[old].weight += q->weight;
            continue;
        }
        r->pair_pos[r->n_pairs] = q->pos;
        r->pairs[r->n_pairs++] =
            (match_pair){a, b, q->weight, !match_common_language(&P->companies[a], &P->companies[b])};
    }
    itin_pairmap_free(&ix);
}

/* Tables within each slot: a delegation company keeps the table it had in
 * the slot before when it is free, the others take the lowest free ones. */
static void
match_tables(match_run *r, const int *slot, int *table)
{
    int *last = itin_xmalloc((r->nc + 1) * sizeof *last);
    uint8_t *taken = itin_xmalloc((size_t)r->s->tables + 1);
    for (size_t c = 0; c < r->nc; c++)
        last[c] = 0;
    for (size_t k = 0; k < r->ns; k++) {
        memset(taken, 0, (size_t)r->s->tables + 1);
        for (size_t i = 0; i < r->n_pairs; i++) {
            table[i] = slot[i] == (int)k ? 0 : table[i];
            if (slot[i] == (int)k && last[r->pairs[i].a] && !taken[last[r->pairs[i].a]]) {
                table[i] = last[r->pairs[i].a];
                taken[table[i]] = 1;
            }
        }
        for (size_t i = 0; i < r->n_pairs; i++) {
            if (slot[i] != (int)k || table[i])
                continue;
            int t = 1;
            while (taken[t])
                t++;
            table[i] = t;
            taken[t] = 1;
        }
        for (size_t c = 0; c < r->nc; c++)
            last[c] = 0;
        for (size_t i = 0; i < r->n_pairs; i++)
            if (slot[i] == (int)k)
                last[r->pairs[i].a] = table[i];
    }
    free(last);
    free(taken);
}

/* The meeting of pair i as an item, in its members' timelines. */
static size_t
match_add_meeting(match_run *r, size_t i, int slot, int table)
{
    sched *S = r->S;
    const itin_plan *P = S->P;
    const itin_company *a = &P->companies[r->pairs[i].a], *b = &P->companies[r->pairs[i].b];
    size_t ix = sched_new_item(S);
    itin_item *it = &S->items[ix];
    it->kind = ITIN_ITEM_MEETING;
    it->id = itin_arena_printf(S->A, "%s:%s:%s", r->s->id, a->id, b->id);
    it->title = itin_arena_printf(S->A, "%s \u2013 %s", a->name, b->name);
    it->start = r->slot_at[slot];
    it->end = it->start + (int64_t)r->s->slot * MIN;
    it->date = r->s->date;
    it->place = it->from = it->to = r->s->at;
    uint64_t *who = itin_arena_alloc(S->A, S->words * sizeof *who);
    memcpy(who, a->who, S->words * sizeof *who);
    it->who = who;
    it->everyone = itin_who_is_all(who, S->np);
    it->status = ITIN_CONFIRMED;
    it->mode = ITIN_MODE_NONE;
    it->fixed = true;
    it->session = r->s;
    it->companies[0] = r->pairs[i].a;
    it->companies[1] = r->pairs[i].b;
    it->table = table;
    it->slot = slot + 1;
    it->interpreted = r->pairs[i].interpreted;
    it->pos = r->pair_pos[i];
    sched_fill_local(S, it, r->s->at, r->s->at);
    for (size_t m = 0; m < a->n_members; m++)
        if (itin_who_has(S->reps, a->members[m]))
            sched_timeline_add(S, a->members[m], ix);
    return ix;
}

/* What the assignment takes, per company and slot and per slot: computed
 * once, for the reasons of every unmet pair. */
typedef struct match_load {
    uint8_t *busy; /* company × slot */
    int *used, *interp;
} match_load;

static void
match_load_of(const match_run *r, const int *slot, match_load *l)
{
    size_t ns = r->ns;
    l->busy = itin_xcalloc(r->nc * ns + 1, 1);
    l->used = itin_xcalloc(ns + 1, sizeof *l->used);
    l->interp = itin_xcalloc(ns + 1, sizeof *l->interp);
    for (size_t j = 0; j < r->n_pairs; j++)
        if (slot[j] >= 0) {
            l->busy[r->pairs[j].a * ns + (size_t)slot[j]] = l->busy[r->pairs[j].b * ns + (size_t)slot[j]] = 1;
            l->used[slot[j]]++;
            l->interp[slot[j]] += r->pairs[j].interpreted;
        }
}

/* Why pair i does not meet, from the slots both could have taken. */
static const char *
match_reason(match_run *r, size_t i, const match_load *l)
{
    sched *S = r->S;
    const match_pair *q = &r->pairs[i];
    const itin_company *a = &S->P->companies[q->a], *b = &S->P->companies[q->b];
    size_t ns = r->ns;
    const uint8_t *busy = l->busy;
    const int *used = l->used, *interp = l->interp;
    size_t both = 0, a_busy = 0, b_busy = 0, no_interp = 0, no_table = 0, open = 0;
    size_t blocked = NONE, a_away = 0, b_free = 0;
    for (size_t k = 0; k < ns; k++) {
        size_t ak = q->a * ns + k, bk = q->b * ns + k;
        if (r->free[bk]) {
            b_free++;
            if (!r->free[ak] && r->away[ak])
                a_away++;
            else if (!r->free[ak] && blocked == NONE)
                blocked = r->blocker[ak];
        }
        if (!r->free[ak] || !r->free[bk])
            continue;
        both++;
        bool mate_busy = false;
        for (size_t g = 0; g < r->n_groups; g++)
            for (size_t c = 0; c < r->nc && r->groups[g * r->nc + q->a]; c++)
                mate_busy |= c != q->a && r->groups[g * r->nc + c] && busy[c * ns + k];
        if (busy[bk])
            b_busy++;
        else if (busy[ak] || mate_busy)
            a_busy++;
        else if (q->interpreted && interp[k] >= r->s->interpreters)
            no_interp++;
        else if (used[k] >= r->s->tables)
            no_table++;
        else
            open++;
    }
    const char *why;
    if (both == 0) {
        if (b_free == 0)
            why = itin_arena_printf(S->A, "'%s' is unavailable throughout", b->id);
        else if (blocked != NONE && blocked != NONE - 1)
            why = itin_arena_printf(S->A, "members busy with %s '%s'", sched_item_label(&S->items[blocked]),
                                    S->items[blocked].id);
        else if (blocked == NONE - 1)
            why = itin_arena_printf(S->A, "members busy (no time for the transfers from or to the hotel)");
        else
            why = itin_arena_printf(S->A, "'%s' is unavailable whenever '%s' is free", a->id, b->id);
    } else if (open > 0)
        why = "not placed within the time limit";
    else if (b_busy == both)
        why = "counterpart booked out";
    else if (a_busy == both)
        why = itin_arena_printf(S->A, "'%s' booked out", a->id);
    else if (a_busy + b_busy == both)
        why = "both booked out";
    else if (no_interp > 0)
        why = "no interpreter free";
    else
        why = "no table";
    (void)no_table;
    return why;
}

/* The companies of each participant who belongs to more than one. */
static uint8_t *
match_groups(const match_run *r, size_t *n_groups)
{
    const itin_plan *P = r->S->P;
    size_t np = r->S->np, n = 0;
    uint8_t *g = itin_xcalloc(np * r->nc + 1, 1);
    for (size_t person = 0; person < np; person++) {
        size_t count = 0;
        for (size_t c = 0; c < r->nc; c++)
            if (P->companies[c].side == ITIN_SIDE_DELEGATION && itin_who_has(P->companies[c].who, person)) {
                g[n * r->nc + c] = 1;
                count++;
            }
        if (count >= 2)
            n++;
        else
            memset(&g[n * r->nc], 0, r->nc);
    }
    *n_groups = n;
    return g;
}

/* A meeting's place in the grid, for sorting by slot, then table. */
typedef struct match_cell {
    int slot, table;
    size_t item;
} match_cell;

static int
match_cmp_cell(const void *x, const void *y)
{
    const match_cell *a = x, *b = y;
    if (a->slot != b->slot)
        return a->slot < b->slot ? -1 : 1;
    return a->table < b->table ? -1 : a->table > b->table;
}

static void
match_session(sched *S, const itin_session *s, itin_match *out)
{
    match_run r = {.S = S, .s = s, .nc = S->P->n_companies, .ns = (size_t)s->n_slots};
    r.free = itin_xcalloc(r.nc * r.ns + 1, 1);
    r.away = itin_xcalloc(r.nc * r.ns + 1, 1);
    r.blocker = itin_xmalloc((r.nc * r.ns + 1) * sizeof *r.blocker);
    r.slot_at = itin_xmalloc((r.ns + 1) * sizeof *r.slot_at);
    match_free_slots(&r);
    match_pairs(&r);
    match_problem p = {r.nc, s->n_slots, s->tables, s->interpreters, r.free, r.pairs, r.n_pairs, NULL, 0};
    p.groups = r.groups = match_groups(&r, &p.n_groups);
    r.n_groups = p.n_groups;
    int *slot = itin_xmalloc((r.n_pairs + 1) * sizeof *slot),
        *table = itin_xcalloc(r.n_pairs + 1, sizeof *table);
    match_solution sol = {.slot = slot, .weight = 0};
    match_solve_greedy(&p, &sol);
    out->greedy = sol.weight;
    out->requested = sol.bound;
    if (!S->opt || !S->opt->greedy)
        match_solve_milp(&p, S->opt && S->opt->solve_time > 0 ? S->opt->solve_time : 30, &sol);
    out->session = s;
    out->weight = sol.weight;
    out->bound = sol.bound;
    out->optimal = sol.optimal;
    out->seconds = sol.seconds;
    match_tables(&r, slot, table);
    size_t placed = 0;
    for (size_t i = 0; i < r.n_pairs; i++)
        placed += slot[i] >= 0;
    out->meetings = itin_arena_alloc(S->A, (placed + 1) * sizeof *out->meetings);
    out->unmet = itin_arena_alloc(S->A, (r.n_pairs - placed + 1) * sizeof *out->unmet);
    match_load load;
    match_load_of(&r, slot, &load);
    match_cell *cells = itin_xmalloc((placed + 1) * sizeof *cells);
    for (size_t i = 0; i < r.n_pairs; i++) {
        if (slot[i] >= 0) {
            cells[out->n_meetings++] =
                (match_cell){slot[i], table[i], match_add_meeting(&r, i, slot[i], table[i])};
            continue;
        }
        itin_unmet *u = &out->unmet[out->n_unmet++];
        u->companies[0] = r.pairs[i].a;
        u->companies[1] = r.pairs[i].b;
        u->weight = r.pairs[i].weight;
        u->reason = match_reason(&r, i, &load);
    }
    qsort(cells, out->n_meetings, sizeof *cells, match_cmp_cell);
    for (size_t i = 0; i < out->n_meetings; i++)
        out->meetings[i] = cells[i].item;
    free(cells);
    free(load.busy);
    free(load.used);
    free(load.interp);
    free(slot);
    free((void *)p.groups);
    free(table);
    free(r.free);
    free(r.away);
    free(r.blocker);
    free(r.slot_at);
    free(r.pairs);
    free(r.pair_pos);
}

void
sched_matchmaking(sched *S)
{
    const itin_plan *P = S->P;
    S->matches = itin_arena_alloc(S->A, (P->n_sessions + 1) * sizeof *S->matches);
    for (size_t i = 0; i < P->n_sessions; i++) {
        memset(&S->matches[i], 0, sizeof S->matches[i]);
        match_session(S, &P->sessions[i], &S->matches[i]);
    }
}

itin_itinerary *
itin_itinerary_filter_company(const itin_itinerary *src, size_t company, bool transfers)
{
    const itin_plan *P = src->plan;
    const itin_company *c = &P->companies[company];
    itin_itinerary *it = itin_arena_alloc(P->arena, sizeof *it);
    *it = *src;
    it->days = itin_arena_alloc(P->arena, (src->n_days ? src->n_days : 1) * sizeof *it->days);
    it->n_days = 0;
    bool members = c->side == ITIN_SIDE_DELEGATION && c->n_members;
    for (size_t k = 0; k < src->n_days; k++) {
        const itin_day *s = &src->days[k];
        itin_day *d = &it->days[it->n_days];
        *d = *s;
        d->items = itin_arena_alloc(P->arena, (s->n_items ? s->n_items : 1) * sizeof *d->items);
        d->n_items = 0;
        for (size_t i = 0; i < s->n_items; i++) {
            const itin_item *x = &src->items[s->items[i]];
            bool mine =
                x->kind == ITIN_ITEM_MEETING && (x->companies[0] == company || x->companies[1] == company);
            if (!mine && members && x->kind != ITIN_ITEM_MEETING)
                mine = itin_who_intersects(x->who, c->who, P->who_words);
            if (!mine || (!transfers && x->kind == ITIN_ITEM_TRANSFER))
                continue;
            d->items[d->n_items++] = s->items[i];
        }
        if (d->n_items || (d->date >= P->delegation.start && d->date <= P->delegation.end))
            it->n_days++;
    }
    return it;
}
