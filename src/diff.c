/* diff: what changed from one scheduled itinerary to another — items
 * matched by kind and id (a transfer's id names the items it joins), lodging
 * compared night by night and person by person — as a list of changes in
 * time order, each saying whom it concerns (docs/format.md §20). It compares
 * what the scheduler decided and computes no time itself. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "diff.h"
#include "strmap.h"
#include "values.h"
#include "who.h"
#include "xalloc.h"

#define NONE ((size_t)-1)

/* Items of both itineraries by "<kind>:<id>". */
struct itin_diff_index {
    itin_strmap by_key[2]; /* [0] the old itinerary, [1] the new one */
    const char **keys[2];  /* each item's key, by item index */
};

typedef struct builder {
    itin_diff *D;
    itin_arena *A;
    size_t cap;
    const itin_plan *P[2];
    size_t *person_of[2]; /* a plan's participant index -> the diff's person */
} builder;

/* ------------------------------------------------------------- people */

static void
match_people(builder *b)
{
    itin_diff *D = b->D;
    const itin_delegation *O = &b->P[0]->delegation, *N = &b->P[1]->delegation;
    size_t most = O->n_participants + N->n_participants;
    D->people = itin_arena_alloc(b->A, (most ? most : 1) * sizeof *D->people);
    D->old_index = itin_arena_alloc(b->A, (most ? most : 1) * sizeof *D->old_index);
    D->new_index = itin_arena_alloc(b->A, (most ? most : 1) * sizeof *D->new_index);
    b->person_of[0] = itin_arena_alloc(b->A, (O->n_participants + 1) * sizeof(size_t));
    b->person_of[1] = itin_arena_alloc(b->A, (N->n_participants + 1) * sizeof(size_t));
    itin_strmap ids;
    itin_strmap_init(&ids);
    for (size_t i = 0; i < N->n_participants; i++) {
        D->people[D->n_people] = &N->participants[i];
        D->old_index[D->n_people] = NONE;
        D->new_index[D->n_people] = i;
        b->person_of[1][i] = D->n_people;
        itin_strmap_put(&ids, N->participants[i].id, D->n_people++, NULL);
    }
    for (size_t j = 0; j < O->n_participants; j++) {
        size_t u;
        if (!itin_strmap_get(&ids, O->participants[j].id, &u)) {
            u = D->n_people++;
            D->people[u] = &O->participants[j];
            D->new_index[u] = NONE;
        }
        D->old_index[u] = j;
        b->person_of[0][j] = u;
    }
    itin_strmap_free(&ids);
    D->words = itin_who_words(D->n_people);
}

/* A plan's who mask (side 0 old, 1 new) over the diff's people. */
static uint64_t *
people_mask(builder *b, int side, const uint64_t *who)
{
    uint64_t *m = itin_arena_alloc(b->A, b->D->words * sizeof *m);
    size_t n = b->P[side]->delegation.n_participants;
    if (!who)
        return m;
    ITIN_WHO_EACH(i, who, n)
    itin_who_add(m, b->person_of[side][i]);
    return m;
}

static uint64_t *
mask_new(builder *b)
{
    return itin_arena_alloc(b->A, b->D->words * sizeof(uint64_t));
}

static bool
mask_empty(const uint64_t *m, size_t words)
{
    for (size_t i = 0; i < words; i++)
        if (m[i])
            return false;
    return true;
}

void
itin_diff_plan_mask(const itin_diff *diff, const uint64_t *mask, bool after, uint64_t *out)
{
    const itin_plan *P = (after ? diff->after : diff->before)->plan;
    const size_t *index = after ? diff->new_index : diff->old_index;
    itin_who_clear(out, P->who_words);
    ITIN_WHO_EACH(u, mask, diff->n_people)
    if (index[u] != NONE)
        itin_who_add(out, index[u]);
}

int
itin_diff_audience(const itin_diff *diff, const char *participant, const char *group, uint64_t *mask,
                   const char **name)
{
    itin_who_clear(mask, diff->words);
    if (participant) {
        for (size_t u = 0; u < diff->n_people; u++)
            if (strcmp(diff->people[u]->id, participant) == 0) {
                itin_who_add(mask, u);
                *name = diff->people[u]->name ? diff->people[u]->name : diff->people[u]->id;
                return 0;
            }
        return -1;
    }
    /* A group of the new plan, else of the old one; its members are people
     * of that plan. */
    for (int side = 1; side >= 0; side--) {
        const itin_plan *P = (side ? diff->after : diff->before)->plan;
        const size_t *index = side ? diff->new_index : diff->old_index;
        const itin_delegation *Dl = &P->delegation;
        for (size_t g = 0; g < Dl->n_groups; g++) {
            if (strcmp(Dl->groups[g].id, group) != 0)
                continue;
            for (size_t k = 0; k < Dl->groups[g].n_members; k++)
                for (size_t u = 0; u < diff->n_people; u++)
                    if (index[u] == Dl->groups[g].members[k])
                        itin_who_add(mask, u);
            *name = Dl->groups[g].name ? Dl->groups[g].name : Dl->groups[g].id;
            return 0;
        }
    }
    return -1;
}

bool
itin_change_concerns(const itin_diff *diff, const itin_change *c, const uint64_t *mask)
{
    return !mask || itin_who_intersects(c->who, mask, diff->words);
}

size_t
itin_diff_count(const itin_diff *diff, const uint64_t *mask)
{
    size_t n = 0;
    for (size_t i = 0; i < diff->n_changes; i++)
        n += itin_change_concerns(diff, &diff->changes[i], mask);
    return n;
}

/* -------------------------------------------------------------- items */

static const char *
item_key(itin_arena *A, const itin_item *x)
{
    return itin_arena_printf(A, "%s:%s", itin_item_kind_name(x->kind), x->id ? x->id : "");
}

static void
index_items(builder *b)
{
    struct itin_diff_index *ix = itin_arena_alloc(b->A, sizeof *ix);
    const itin_itinerary *its[2] = {b->D->before, b->D->after};
    for (int side = 0; side < 2; side++) {
        itin_strmap_init(&ix->by_key[side]);
        ix->keys[side] = itin_arena_alloc(b->A, (its[side]->n_items + 1) * sizeof *ix->keys[side]);
        for (size_t i = 0; i < its[side]->n_items; i++) {
            ix->keys[side][i] = item_key(b->A, &its[side]->items[i]);
            itin_strmap_put(&ix->by_key[side], ix->keys[side][i], i, NULL);
        }
    }
    b->D->idx = ix;
}

const itin_item *
itin_diff_counterpart(const itin_diff *diff, const itin_item *x, bool in_after)
{
    const itin_itinerary *from = in_after ? diff->before : diff->after;
    const itin_itinerary *to = in_after ? diff->after : diff->before;
    size_t i = (size_t)(x - from->items), j;
    if (x < from->items || i >= from->n_items) /* an item of a filtered view */
        return NULL;
    const char *key = diff->idx->keys[in_after ? 0 : 1][i];
    return itin_strmap_get(&diff->idx->by_key[in_after ? 1 : 0], key, &j) ? &to->items[j] : NULL;
}

static bool
same_text(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

bool
itin_diff_same_place(const itin_plan *a, size_t i, const itin_plan *b, size_t j)
{
    if (i == ITIN_NO_PLACE || j == ITIN_NO_PLACE)
        return i == j;
    const itin_institution *x = &a->institutions[i], *y = &b->institutions[j];
    return strcmp(x->id, y->id) == 0 && same_text(x->name, y->name) && same_text(x->address, y->address);
}

static itin_change *
push(builder *b, itin_change_kind kind, const itin_item *before, const itin_item *after, const uint64_t *who)
{
    itin_diff *D = b->D;
    if (mask_empty(who, D->words)) /* a change concerns someone */
        return NULL;
    itin_change *c = ITIN_PUSH(b->A, D->changes, D->n_changes, b->cap);
    c->kind = kind;
    c->before = before;
    c->after = after;
    const itin_item *x = itin_change_item(c);
    c->item_kind = x->kind;
    c->id = x->id;
    c->who = who;
    c->date = x->date;
    c->when = x->start;
    return c;
}

const itin_item *
itin_change_item(const itin_change *c)
{
    return c->after && c->kind != ITIN_CHANGE_CANCELLED ? c->after : c->before;
}

static bool
active(const itin_item *x)
{
    return x->status != ITIN_CANCELLED;
}

static bool
moved(const itin_item *o, const itin_item *n)
{
    return o->start != n->start || o->end != n->end || strcmp(o->tz_start, n->tz_start) != 0 ||
           strcmp(o->tz_end, n->tz_end) != 0;
}

static bool
place_changed(builder *b, const itin_item *o, const itin_item *n)
{
    if (o->kind == ITIN_ITEM_VISIT)
        return !itin_diff_same_place(b->P[0], o->place, b->P[1], n->place);
    return !itin_diff_same_place(b->P[0], o->from, b->P[1], n->from) ||
           !itin_diff_same_place(b->P[0], o->to, b->P[1], n->to);
}

static bool
title_changed(const itin_item *o, const itin_item *n)
{
    if (o->kind == ITIN_ITEM_VISIT)
        return !same_text(o->title, n->title);
    /* A leg's title made from its mode, reference and places changes with
     * them, which are reported as such. */
    if (o->kind == ITIN_ITEM_TRAVEL && !(o->leg->title_default && n->leg->title_default))
        return !same_text(o->title, n->title);
    return false;
}

static bool
same_topics(const itin_visit *a, const itin_visit *b)
{
    if (a->n_topics != b->n_topics)
        return false;
    for (size_t i = 0; i < a->n_topics; i++)
        if (strcmp(a->topics[i], b->topics[i]) != 0)
            return false;
    return true;
}

static unsigned
details_changed(const itin_item *o, const itin_item *n)
{
    unsigned d = 0;
    if (o->kind == ITIN_ITEM_VISIT) {
        d |= same_topics(o->visit, n->visit) ? 0 : ITIN_DETAIL_TOPICS;
        d |= same_text(o->visit->host, n->visit->host) ? 0 : ITIN_DETAIL_HOST;
        d |= same_text(o->visit->description, n->visit->description) ? 0 : ITIN_DETAIL_DESCRIPTION;
    } else if (o->kind == ITIN_ITEM_TRAVEL) {
        d |= same_text(o->leg->description, n->leg->description) ? 0 : ITIN_DETAIL_DESCRIPTION;
    }
    return d;
}

/* One item in both itineraries. */
static void
compare_item(builder *b, const itin_item *o, const itin_item *n)
{
    size_t words = b->D->words;
    uint64_t *wo = people_mask(b, 0, o->who), *wn = people_mask(b, 1, n->who);
    if (active(o) && !active(n)) {
        push(b, ITIN_CHANGE_CANCELLED, o, n, wo);
        return;
    }
    if (!active(o) && active(n)) {
        push(b, ITIN_CHANGE_REINSTATED, o, n, wn);
        return;
    }
    if (!active(o)) /* cancelled in both: nobody's plan changes */
        return;
    /* What changes about the item concerns those who attend it in both
     * revisions; those who join or leave it see it come or go. */
    uint64_t *both = mask_new(b), *joining = mask_new(b), *leaving = mask_new(b), *either = mask_new(b);
    for (size_t i = 0; i < words; i++) {
        both[i] = wo[i] & wn[i];
        joining[i] = wn[i] & ~wo[i];
        leaving[i] = wo[i] & ~wn[i];
        either[i] = joining[i] | leaving[i];
    }
    if (moved(o, n))
        push(b, ITIN_CHANGE_MOVED, o, n, both);
    if (o->kind != ITIN_ITEM_LODGING && place_changed(b, o, n))
        push(b, ITIN_CHANGE_PLACE, o, n, both);
    if (title_changed(o, n))
        push(b, ITIN_CHANGE_TITLE, o, n, both);
    if (o->kind == ITIN_ITEM_TRAVEL && !same_text(o->leg->ref, n->leg->ref))
        push(b, ITIN_CHANGE_BOOKING, o, n, both);
    if (o->kind == ITIN_ITEM_VISIT && o->status != n->status)
        push(b, ITIN_CHANGE_STATUS, o, n, both);
    if ((o->kind == ITIN_ITEM_TRAVEL || o->kind == ITIN_ITEM_TRANSFER) && o->mode != n->mode)
        push(b, ITIN_CHANGE_MODE, o, n, both);
    unsigned d = details_changed(o, n);
    itin_change *c = d ? push(b, ITIN_CHANGE_DETAILS, o, n, both) : NULL;
    if (c)
        c->details = d;
    c = push(b, ITIN_CHANGE_ATTENDEES, o, n, either);
    if (c) {
        c->joining = joining;
        c->leaving = leaving;
    }
}

/* Whether two transfers go the same way at the same times. */
static bool
same_ride(builder *b, const itin_item *o, const itin_item *n)
{
    return o->kind == ITIN_ITEM_TRANSFER && n->kind == ITIN_ITEM_TRANSFER && !moved(o, n) &&
           o->mode == n->mode && !place_changed(b, o, n);
}

static int
cmp_change_id(const void *a, const void *b)
{
    return strcmp((*(const itin_change *const *)a)->id, (*(const itin_change *const *)b)->id);
}

/* A transfer that now joins other items (the visit before it became
 * another) but leaves the same place at the same time for the same place by
 * the same mode is the same ride for whoever takes it: a removed and an
 * added transfer on the same ride are compared as one item, so that only
 * who joins or leaves it is reported. */
static void
rematch_transfers(builder *b)
{
    itin_diff *D = b->D;
    size_t n = D->n_changes, kept = 0, n_pairs = 0;
    size_t *partner = itin_xmalloc((n + 1) * sizeof *partner);
    const itin_item **pairs = itin_xmalloc((n + 1) * sizeof *pairs);
    for (size_t i = 0; i < n; i++)
        partner[i] = NONE;
    /* The removed transfers by id, each with the added one of least id on
     * the same ride: the pairs do not depend on the order of the items. */
    const itin_change **removed = itin_xmalloc((n + 1) * sizeof *removed),
                      **added = itin_xmalloc((n + 1) * sizeof *added);
    size_t n_removed = 0, n_added = 0;
    for (size_t i = 0; i < n; i++) {
        const itin_change *c = &D->changes[i];
        if (c->item_kind == ITIN_ITEM_TRANSFER && c->kind == ITIN_CHANGE_REMOVED)
            removed[n_removed++] = c;
        else if (c->item_kind == ITIN_ITEM_TRANSFER && c->kind == ITIN_CHANGE_ADDED)
            added[n_added++] = c;
    }
    qsort(removed, n_removed, sizeof *removed, cmp_change_id);
    qsort(added, n_added, sizeof *added, cmp_change_id);
    for (size_t m = 0; m < n_removed && n_added; m++) {
        const itin_change *r = removed[m];
        for (size_t k = 0; k < n_added; k++) {
            size_t ai = (size_t)(added[k] - D->changes);
            if (partner[ai] == NONE && same_ride(b, r->before, added[k]->after)) {
                size_t ri = (size_t)(r - D->changes);
                partner[ri] = ai;
                partner[ai] = ri;
                pairs[n_pairs++] = r->before;
                pairs[n_pairs++] = added[k]->after;
                break;
            }
        }
    }
    free(removed);
    free(added);
    for (size_t i = 0; i < n; i++)
        if (partner[i] == NONE)
            D->changes[kept++] = D->changes[i];
    D->n_changes = kept;
    for (size_t i = 0; i < n_pairs; i += 2)
        compare_item(b, pairs[i], pairs[i + 1]);
    free(pairs);
    free(partner);
}

static void
compare_items(builder *b)
{
    const itin_itinerary *O = b->D->before, *N = b->D->after;
    const struct itin_diff_index *ix = b->D->idx;
    for (size_t i = 0; i < N->n_items; i++) {
        const itin_item *n = &N->items[i];
        size_t j;
        if (n->kind == ITIN_ITEM_LODGING)
            continue;
        if (itin_strmap_get(&ix->by_key[0], ix->keys[1][i], &j))
            compare_item(b, &O->items[j], n);
        else if (active(n)) /* a new item that is cancelled already changes nothing */
            push(b, ITIN_CHANGE_ADDED, NULL, n, people_mask(b, 1, n->who));
    }
    for (size_t j = 0; j < O->n_items; j++) {
        const itin_item *o = &O->items[j];
        size_t i;
        if (o->kind != ITIN_ITEM_LODGING && active(o) && !itin_strmap_get(&ix->by_key[1], ix->keys[0][j], &i))
            push(b, ITIN_CHANGE_REMOVED, o, NULL, people_mask(b, 0, o->who));
    }
    rematch_transfers(b);
}

/* ------------------------------------------------------------ lodging */

/* One person's lodging entries of one side, by first night. */
typedef struct stay {
    itin_date from, to; /* nights from..to-1 */
    const itin_item *x;
} stay;

static int
cmp_stay(const void *a, const void *b)
{
    const stay *x = a, *y = b;
    return (x->from > y->from) - (x->from < y->from);
}

static stay *
stays_of(builder *b, int side, size_t person, size_t *n)
{
    const itin_diff *D = b->D;
    const itin_itinerary *it = side ? D->after : D->before;
    size_t p = side ? D->new_index[person] : D->old_index[person];
    stay *v = NULL;
    size_t cap = 0;
    *n = 0;
    if (p == NONE)
        return NULL;
    for (size_t i = 0; i < it->n_items; i++) {
        const itin_item *x = &it->items[i];
        if (x->kind != ITIN_ITEM_LODGING || !x->who || !itin_who_has(x->who, p))
            continue;
        if (*n == cap) {
            cap = cap ? 2 * cap : 4;
            v = itin_xrealloc(v, cap * sizeof *v);
        }
        v[(*n)++] = (stay){x->local_start_date, x->local_end_date, x};
    }
    if (*n > 1)
        qsort(v, *n, sizeof *v, cmp_stay);
    return v;
}

/* The entry of `v` for night `night`, or NULL; *next gets the next night at
 * which that answer may change. */
static const itin_item *
stay_at(const stay *v, size_t n, itin_date night, itin_date *next)
{
    for (size_t i = 0; i < n; i++) {
        if (night < v[i].from) {
            if (v[i].from < *next)
                *next = v[i].from;
            return NULL;
        }
        if (night < v[i].to) {
            if (v[i].to < *next)
                *next = v[i].to;
            return v[i].x;
        }
    }
    return NULL;
}

static bool
same_stay(builder *b, const itin_item *o, const itin_item *n)
{
    if (!o || !n)
        return o == n;
    return itin_diff_same_place(b->P[0], o->place, b->P[1], n->place);
}

/* Whether two lodging entries of the same itinerary are at the same place
 * (or both none). */
static bool
same_hotel(const itin_item *a, const itin_item *b)
{
    return a == b || (a && b && a->place == b->place);
}

/* A run of nights in which one person's lodging changed. */
typedef struct lodging_run {
    size_t person;
    itin_date first, last;
    const itin_item *o, *n;
} lodging_run;

/* Each person's nights, old against new: a run of nights with the same
 * change is one run; runs of several people with the same nights and the
 * same hotels become one change. */
static void
compare_lodging(builder *b)
{
    itin_diff *D = b->D;
    lodging_run *runs = NULL;
    size_t n_runs = 0, cap = 0;
    for (size_t u = 0; u < D->n_people; u++) {
        size_t no, nn;
        stay *so = stays_of(b, 0, u, &no), *sn = stays_of(b, 1, u, &nn);
        if (!no && !nn)
            continue;
        itin_date night = INT32_MAX;
        if (no)
            night = so[0].from;
        if (nn && sn[0].from < night)
            night = sn[0].from;
        for (;;) {
            itin_date next = INT32_MAX;
            const itin_item *o = stay_at(so, no, night, &next), *n = stay_at(sn, nn, night, &next);
            if (!same_stay(b, o, n)) {
                lodging_run *r = n_runs ? &runs[n_runs - 1] : NULL;
                if (r && r->person == u && r->last + 1 == night && same_hotel(r->o, o) &&
                    same_hotel(r->n, n)) {
                    r->last = next - 1;
                } else {
                    if (n_runs == cap) {
                        cap = cap ? 2 * cap : 8;
                        runs = itin_xrealloc(runs, cap * sizeof *runs);
                    }
                    runs[n_runs++] = (lodging_run){u, night, next - 1, o, n};
                }
            }
            if (next == INT32_MAX)
                break;
            night = next;
        }
        free(so);
        free(sn);
    }
    bool *done = itin_xcalloc(n_runs + 1, sizeof *done);
    for (size_t i = 0; i < n_runs; i++) {
        if (done[i])
            continue;
        uint64_t *who = mask_new(b);
        for (size_t k = i; k < n_runs; k++)
            if (!done[k] && runs[k].first == runs[i].first && runs[k].last == runs[i].last &&
                same_hotel(runs[k].o, runs[i].o) && same_hotel(runs[k].n, runs[i].n)) {
                itin_who_add(who, runs[k].person);
                done[k] = true;
            }
        itin_change *c = push(b, ITIN_CHANGE_LODGING, runs[i].o, runs[i].n, who);
        if (!c)
            continue;
        c->night_first = runs[i].first;
        c->night_last = runs[i].last;
        c->date = runs[i].first;
        c->when = INT64_MAX; /* after the day's items, as the agenda lists nights */
    }
    free(done);
    free(runs);
}

/* ----------------------------------------------------------- ordering */

static int
cmp_change(const void *a, const void *b)
{
    const itin_change *x = a, *y = b;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    if (x->when != y->when)
        return x->when < y->when ? -1 : 1;
    int64_t xe = x->kind == ITIN_CHANGE_LODGING ? 0 : itin_change_item(x)->end;
    int64_t ye = y->kind == ITIN_CHANGE_LODGING ? 0 : itin_change_item(y)->end;
    if (xe != ye)
        return xe < ye ? -1 : 1;
    if (x->item_kind != y->item_kind)
        return x->item_kind < y->item_kind ? -1 : 1;
    int c = strcmp(x->id ? x->id : "", y->id ? y->id : "");
    if (c)
        return c;
    if (x->night_first != y->night_first)
        return x->night_first < y->night_first ? -1 : 1;
    return (x->kind > y->kind) - (x->kind < y->kind);
}

itin_diff *
itin_diff_new(const itin_itinerary *before, const itin_itinerary *after, itin_diags *d)
{
    itin_arena *A = itin_arena_new();
    itin_diff *D = itin_arena_alloc(A, sizeof *D);
    D->arena = A;
    D->before = before;
    D->after = after;
    builder b = {D, A, 0, {before->plan, after->plan}, {NULL, NULL}};
    match_people(&b);
    index_items(&b);
    compare_items(&b);
    compare_lodging(&b);
    if (D->n_changes > 1)
        qsort(D->changes, D->n_changes, sizeof *D->changes, cmp_change);
    const itin_delegation *O = &before->plan->delegation, *N = &after->plan->delegation;
    /* Warnings with their names (accept: on the new delegation silences
     * them, as it does the scheduler's). */
    bool quiet_other = N->accept & (1u << ITIN_W_OTHER_DELEGATION),
         quiet_rev = N->accept & (1u << ITIN_W_REVISION);
    if (d && !quiet_other && O->id && N->id && strcmp(O->id, N->id) != 0)
        itin_diags_warn(
            d, ITIN_W_OTHER_DELEGATION, N->pos,
            "the delegations' ids differ ('%s' before, '%s' now): every calendar event gets another "
            "UID, so an update cancels all of the old calendar's events and adds the new ones",
            O->id, N->id);
    if (D->n_changes && d && !quiet_rev && N->revision < 0) {
        itin_diags_warn(d, ITIN_W_REVISION, N->pos,
                        "the itinerary changed, but the new plan has no revision: calendar programs ignore "
                        "updates whose SEQUENCE does not grow (give the delegation 'revision: %d')",
                        O->revision + 1 > 1 ? O->revision + 1 : 1);
    } else if (D->n_changes && d && !quiet_rev && N->revision <= O->revision) {
        itin_pos pos = N->revision_pos.line ? N->revision_pos : N->pos;
        itin_diags_warn(
            d, ITIN_W_REVISION, pos,
            "the itinerary changed, but revision %d is not greater than the old plan's revision %d: "
            "calendar programs ignore updates whose SEQUENCE does not grow",
            N->revision, O->revision);
    }
    return D;
}

void
itin_diff_free(itin_diff *diff)
{
    if (!diff)
        return;
    itin_strmap_free(&diff->idx->by_key[0]);
    itin_strmap_free(&diff->idx->by_key[1]);
    itin_arena_free(diff->arena);
}
