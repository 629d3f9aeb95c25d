/* schedule_hours: opening hours, holidays, worked weekend days and closed
 * dates of the places (§13.7), for placing and checking visits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schedule.h"
#include "values.h"

/* -------------------------------------------------------------- opening */

static int
sched_cmp_date(const void *a, const void *b)
{
    itin_date x = *(const itin_date *)a, y = *(const itin_date *)b;
    return (x > y) - (x < y);
}

/* The key of a holiday in S->hol: "R<date>:<region>", "C<date>:<country>"
 * or "A<date>", after "W" for a working day. */
static const char *
sched_holiday_key(char *key, size_t n, bool workday, char scope, itin_date date, const char *code)
{
    snprintf(key, n, "%s%c%d%s%s", workday ? "W" : "", scope, (int)date, code ? ":" : "", code ? code : "");
    return key;
}

/* Holidays by date and what they close, and each place's closed dates sorted.
 * The bundled calendars first: for a date named twice, their name is used. */
void
sched_index_closures(sched *S)
{
    const itin_plan *P = S->P;
    char key[64];
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < P->n_holidays; i++) {
            const itin_holiday *h = &P->holidays[i];
            if (h->builtin != (pass == 0))
                continue;
            sched_holiday_key(key, sizeof key, h->workday >= 0,
                              h->region    ? 'R'
                              : h->country ? 'C'
                                           : 'A',
                              h->date, h->region ? h->region : h->country);
            itin_strmap_put(&S->hol, itin_arena_strdup(S->A, key), i, NULL); /* the first named wins */
        }
    S->closed = itin_arena_alloc(S->A, (P->n_institutions + 1) * sizeof *S->closed);
    for (size_t i = 0; i < P->n_institutions; i++) {
        const itin_institution *I = &P->institutions[i];
        if (!I->n_closed)
            continue;
        S->closed[i] = itin_arena_alloc(S->A, I->n_closed * sizeof *S->closed[i]);
        memcpy(S->closed[i], I->closed, I->n_closed * sizeof *S->closed[i]);
        qsort(S->closed[i], I->n_closed, sizeof *S->closed[i], sched_cmp_date);
    }
}

/* The holiday (or, with `workday`, the working day) of a place on a date, or
 * NULL: one of its region, of its country (national), or of every place. */
static const itin_holiday *
sched_day_of(const sched *S, const itin_institution *I, itin_date date, bool workday)
{
    char key[64];
    size_t ix;
    if (I->region &&
        itin_strmap_get(&S->hol, sched_holiday_key(key, sizeof key, workday, 'R', date, I->region), &ix))
        return &S->P->holidays[ix];
    if (I->country &&
        itin_strmap_get(&S->hol, sched_holiday_key(key, sizeof key, workday, 'C', date, I->country), &ix))
        return &S->P->holidays[ix];
    return itin_strmap_get(&S->hol, sched_holiday_key(key, sizeof key, workday, 'A', date, NULL), &ix)
               ? &S->P->holidays[ix]
               : NULL;
}

static const itin_holiday *
sched_holiday_of(const sched *S, const itin_institution *I, itin_date date)
{
    return sched_day_of(S, I, date, false);
}

const itin_holiday *
sched_workday_of(const sched *S, size_t inst, itin_date date)
{
    return sched_day_of(S, &S->P->institutions[inst], date, true);
}

/* The weekday whose hours a place keeps on a date: its own, or the one a
 * working day (`workday`) names. */
int
sched_hours_weekday(const sched *S, size_t inst, itin_date date)
{
    const itin_holiday *w = sched_workday_of(S, inst, date);
    return w ? w->workday : itin_date_weekday(date);
}

/* The date's own hours at a place (`open`), or NULL. */
static const itin_open_date *
sched_open_date(const sched *S, size_t inst, itin_date date)
{
    const itin_institution *I = &S->P->institutions[inst];
    for (size_t i = 0; i < I->n_open; i++)
        if (I->open[i].date == date)
            return &I->open[i];
    return NULL;
}

/* Why a place is closed on a date, or NULL when it is open then; `weekly`
 * false leaves out the weekday's hours (a visit by arrangement). A date
 * with hours of its own is open, holiday or not. */
const char *
sched_closed_reason(sched *S, size_t inst, itin_date date, bool weekly, char *buf, size_t n)
{
    const itin_institution *I = &S->P->institutions[inst];
    char ds[16];
    if (I->n_closed && bsearch(&date, S->closed[inst], I->n_closed, sizeof date, sched_cmp_date)) {
        snprintf(buf, n, "closed %s", itin_date_format(date, ds));
        return buf;
    }
    if (!I->has_hours || sched_open_date(S, inst, date))
        return NULL;
    const itin_holiday *h = I->open_on_holidays ? NULL : sched_holiday_of(S, I, date);
    if (h) {
        if (h->region || h->country)
            snprintf(buf, n, "%s (%s%s)", h->name, h->region ? h->region : h->country,
                     h->estimated ? ", expected date" : "");
        else
            snprintf(buf, n, "%s%s", h->name, h->estimated ? " (expected date)" : "");
        return buf;
    }
    int wd = sched_hours_weekday(S, inst, date);
    if (weekly && I->hours.n[wd] == 0) {
        snprintf(buf, n, "%s", sched_weekdays[itin_date_weekday(date)]);
        return buf;
    }
    return NULL;
}

/* The opening intervals of a visit's place on its date, as absolute times:
 * the date's own hours, else the weekday's; around the clock for a visit by
 * arrangement or a place without hours. */
int
sched_open_intervals(sched *S, const itin_visit *V, int64_t *open, int64_t *close)
{
    size_t inst = V->at;
    itin_date date = V->date;
    const itin_institution *I = &S->P->institutions[inst];
    const itin_open_date *od = V->by_arrangement ? NULL : sched_open_date(S, inst, date);
    const itin_interval *iv = od ? od->iv : NULL;
    int n = od ? od->n : 0;
    if (!od && (!I->has_hours || V->by_arrangement)) {
        /* Open around the clock (§7): across midnight too, and on a day of
         * 23 or 25 hours; the day window bounds a flexible visit. */
        open[0] = INT64_MIN / 4;
        close[0] = INT64_MAX / 4;
        return 1;
    }
    if (!od) {
        int wd = sched_hours_weekday(S, inst, date);
        iv = I->hours.iv[wd];
        n = I->hours.n[wd];
    }
    for (int i = 0; i < n; i++) {
        open[i] = sched_at_local(S, inst, date, iv[i].open);
        close[i] = iv[i].close >= 1440 ? sched_at_local(S, inst, date + 1, 0)
                                       : sched_at_local(S, inst, date, iv[i].close);
    }
    return n;
}

/* The hours of a place on a date, "09:00–12:00, 13:00–17:00", and whether
 * they are the date's own. */
bool
sched_describe_hours(const sched *S, size_t inst, itin_date date, char *buf, size_t n)
{
    const itin_institution *I = &S->P->institutions[inst];
    const itin_open_date *od = sched_open_date(S, inst, date);
    int wd = sched_hours_weekday(S, inst, date);
    const itin_interval *iv = od ? od->iv : I->hours.iv[wd];
    int k = od ? od->n : I->hours.n[wd];
    size_t o = 0;
    buf[0] = '\0';
    for (int i = 0; i < k && o < n; i++) {
        char a[8], b[8];
        o += (size_t)snprintf(buf + o, n - o, "%s%s\u2013%s", i ? ", " : "", itin_hm(iv[i].open, a),
                              itin_hm(iv[i].close >= 1440 ? 1440 : iv[i].close, b));
    }
    return od != NULL || wd != itin_date_weekday(date);
}

/* A visit by arrangement at a place closed that day (a holiday, a closed
 * date): the host may still open, so a warning. */
void
sched_warn_arrangement(sched *S, const itin_visit *V, const char *why)
{
    const itin_institution *I = &S->P->institutions[V->at];
    char ds[16];
    if ((S->P->delegation.accept | V->accept) & (1u << ITIN_W_CLOSED_ARRANGED))
        return;
    itin_diags_warn(S->d, ITIN_W_CLOSED_ARRANGED, V->pos,
                    "visit '%s' on %s is by arrangement, but %s is closed that day: %s", V->id,
                    itin_date_format(V->date, ds), I->short_name ? I->short_name : I->name, why);
}
