/* schedule_check: conflicts and warnings (§13.8) — unreachable items, long
 * days, weekends, visits outside the day window. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schedule.h"
#include "values.h"

#define LONG_DAY_MIN (10 * 60)

/* ------------------------------------------------------------- conflicts */

void
sched_add_conflict(sched *S, size_t person, size_t a, size_t b, int need, int trm, int has, itin_mode mode)
{
    char key[48];
    size_t ix;
    snprintf(key, sizeof key, "%zu:%zu", a, b);
    if (!itin_strmap_get(&S->conflict_ix, key, &ix)) {
        if (S->n_conflicts == S->cap_conflicts) {
            S->cap_conflicts = S->cap_conflicts ? S->cap_conflicts * 2 : 16;
            S->conflicts = itin_xrealloc(S->conflicts, S->cap_conflicts * sizeof *S->conflicts);
        }
        ix = S->n_conflicts++;
        S->conflicts[ix] = (sched_conflict){a, b, need, trm, has, mode, itin_arena_alloc(S->A, S->words * 8)};
        itin_strmap_put(&S->conflict_ix, itin_arena_strdup(S->A, key), ix, NULL);
    }
    sched_add_class(S, S->conflicts[ix].who, person);
}

/* "lee, park and 3 more" */
static void
sched_names(const sched *S, const uint64_t *who, char *buf, size_t n)
{
    size_t shown = 0, total = 0, o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < S->np; i++) {
        if (!itin_who_has(who, i))
            continue;
        total++;
        if (shown < 4 && o < n) {
            o += (size_t)snprintf(buf + o, n - o, "%s%s", shown ? ", " : "",
                                  S->P->delegation.participants[i].id);
            shown++;
        }
    }
    if (total > shown && o < n)
        snprintf(buf + o, n - o, " and %zu more", total - shown);
}

/* "visit", "travel leg": what an item is, in a message. */
const char *
sched_item_label(const itin_item *it)
{
    return it->kind == ITIN_ITEM_VISIT     ? "visit"
           : it->kind == ITIN_ITEM_TRAVEL  ? "travel leg"
           : it->kind == ITIN_ITEM_MEETING ? "meeting"
                                           : "item";
}

/* " (1h exit + transfer 25m by bus + 2h check-in)": what the needed time
 * is made of; "" when it is nothing but the gap itself. */
static void
sched_conflict_detail(const sched *S, const sched_conflict *c, char *buf, size_t n)
{
    const itin_item *a = &S->items[c->a], *b = &S->items[c->b];
    int exit_min = (int)(sched_after(a) / MIN), before = (int)(sched_before_from(S, a, b) / MIN);
    char parts[3][48], d[16];
    int k = 0;
    if (exit_min > 0)
        snprintf(parts[k++], sizeof parts[0], "%s exit", itin_duration_format(exit_min, d));
    if (c->tr > 0)
        snprintf(parts[k++], sizeof parts[0], "transfer %s by %s", itin_duration_format(c->tr, d),
                 itin_mode_name(c->mode));
    if (before > 0)
        snprintf(parts[k++], sizeof parts[0], "%s %s", itin_duration_format(before, d),
                 b->kind == ITIN_ITEM_TRAVEL ? "check-in"
                 : a->kind == ITIN_ITEM_MEETING && b->kind == ITIN_ITEM_MEETING && a->session == b->session
                     ? "gap"
                     : "buffer");
    if (k == 0)
        buf[0] = '\0';
    else if (k == 1)
        snprintf(buf, n, " (%s)", parts[0]);
    else if (k == 2)
        snprintf(buf, n, " (%s + %s)", parts[0], parts[1]);
    else
        snprintf(buf, n, " (%s + %s + %s)", parts[0], parts[1], parts[2]);
}

void
sched_report_conflicts(sched *S)
{
    for (size_t i = 0; i < S->n_conflicts; i++) {
        const sched_conflict *c = &S->conflicts[i];
        const itin_item *a = &S->items[c->a], *b = &S->items[c->b];
        char who[256], need[16], has[16], ae[8], bs[8];
        sched_names(S, c->who, who, sizeof who);
        itin_duration_format(c->need, need);
        itin_duration_format(c->has, has);
        char detail[160];
        sched_conflict_detail(S, c, detail, sizeof detail);
        if (c->has < 0)
            /* They overlap: say so rather than "has -1h". */
            itin_diags_add(S->d, ITIN_CONFLICT, b->pos,
                           "%s cannot make it: %s '%s' (ends %s) and %s '%s' (starts %s) overlap by %s, and "
                           "%s%s are needed between them",
                           who, sched_item_label(a), a->id, itin_hm(a->local_end, ae), sched_item_label(b),
                           b->id, itin_hm(b->local_start, bs), itin_duration_format(-c->has, has), need,
                           detail);
        else
            itin_diags_add(
                S->d, ITIN_CONFLICT, b->pos,
                "%s cannot make it: needs %s%s between %s '%s' (ends %s) and %s '%s' (starts %s), has %s",
                who, need, detail, sched_item_label(a), a->id, itin_hm(a->local_end, ae), sched_item_label(b),
                b->id, itin_hm(b->local_start, bs), has);
    }
}
/* A day longer than ten hours of items on the ground: one warning per date,
 * naming who. */
void
sched_check_long_days(sched *S)
{
    if (S->np == 0)
        return;
    itin_date d0 = S->P->delegation.start, d1 = S->P->delegation.end;
    for (size_t i = 0; i < S->n_items; i++) {
        if (S->items[i].date < d0)
            d0 = S->items[i].date;
        if (S->items[i].date > d1)
            d1 = S->items[i].date;
    }
    size_t nd = (size_t)(d1 - d0 + 1);
    int64_t *first = itin_xmalloc(nd * S->np * sizeof *first);
    int64_t *last = itin_xmalloc(nd * S->np * sizeof *last);
    for (size_t i = 0; i < nd * S->np; i++)
        first[i] = INT64_MAX, last[i] = INT64_MIN;
    for (size_t i = 0; i < S->n_items; i++) {
        const itin_item *it = &S->items[i];
        /* Items on the ground: a night flight is not a long day. */
        if (it->kind == ITIN_ITEM_LODGING || it->status == ITIN_CANCELLED ||
            (it->kind == ITIN_ITEM_TRAVEL && it->mode == ITIN_MODE_FLIGHT))
            continue;
        size_t di = (size_t)(it->date - d0);
        for (size_t p = sched_next_bit(it->who, S->words, 0); p < S->np;
             p = sched_next_bit(it->who, S->words, p + 1)) {
            size_t k = di * S->np + p;
            if (it->start < first[k])
                first[k] = it->start;
            if (it->end > last[k])
                last[k] = it->end;
        }
    }
    uint64_t *who = itin_xmalloc(S->words * 8);
    for (size_t di = 0; di < nd; di++) {
        memset(who, 0, S->words * 8);
        int64_t longest = 0;
        for (size_t p = 0; p < S->np; p++) {
            size_t k = di * S->np + p;
            if (first[k] == INT64_MAX)
                continue;
            int64_t span = last[k] - first[k];
            if (span > (int64_t)LONG_DAY_MIN * MIN) {
                itin_who_add(who, p);
                if (span > longest)
                    longest = span;
            }
        }
        if (!longest || sched_accepts(S, ITIN_W_LONG_DAY, NULL))
            continue;
        char ds[16], w[256], du[16];
        sched_names(S, who, w, sizeof w);
        itin_diags_warn(S->d, ITIN_W_LONG_DAY, S->P->delegation.pos, "a long day on %s: %s of items for %s",
                        itin_date_format(d0 + (itin_date)di, ds),
                        itin_duration_format((int)(longest / MIN), du), w);
    }
    free(who);
    free(first);
    free(last);
}

/* Warnings about single items: nobody attends, a weekend, outside the window. */
void
sched_check_items(sched *S)
{
    for (size_t i = 0; i < S->n_items; i++) {
        const itin_item *it = &S->items[i];
        if (it->kind != ITIN_ITEM_VISIT && it->kind != ITIN_ITEM_TRAVEL)
            continue;
        if (sched_mask_empty(it->who, S->words) && !sched_accepts(S, ITIN_W_NOBODY, it))
            itin_diags_warn(S->d, ITIN_W_NOBODY, it->pos, "%s '%s' is for nobody", sched_item_label(it),
                            it->id);
        if (it->kind != ITIN_ITEM_VISIT || it->status == ITIN_CANCELLED)
            continue;
        int wd = itin_date_weekday(it->date);
        if (wd >= 5 && !sched_workday_of(S, it->place, it->date) && !sched_accepts(S, ITIN_W_WEEKEND, it)) {
            char ds[16];
            itin_diags_warn(S->d, ITIN_W_WEEKEND, it->pos, "visit '%s' is on a %s (%s)", it->id,
                            sched_weekdays[wd], itin_date_format(it->date, ds));
        }
        if (it->fixed && !sched_accepts(S, ITIN_W_OUTSIDE_WINDOW, it)) {
            int64_t ws, we;
            sched_window(S, it->place, it->date, it->pos, &ws, &we);
            if (it->start < ws || it->end > we) {
                char a[8], b[8];
                itin_diags_warn(S->d, ITIN_W_OUTSIDE_WINDOW, it->pos,
                                "visit '%s' (%s\u2013%s) lies outside the day window", it->id,
                                itin_hm(it->local_start, a), itin_hm(it->local_end, b));
            }
        }
    }
}
