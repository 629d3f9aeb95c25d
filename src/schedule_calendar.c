/* schedule_calendar: never silent about holidays nobody checked (§13.7 of
 * docs/format.md, docs/holidays.md) — a place whose country or region has
 * no bundled calendar, a year outside the calendar's range or not announced
 * yet, each said once, unless the files list holidays there themselves. */
#include <stdio.h>
#include <string.h>

#include "schedule.h"

/* Whether the files (not the bundled calendars) list a holiday for this
 * country (or, with `region`, this region) in this year. */
static bool
sched_own_holidays(const itin_plan *P, const char *country, const char *region, int year)
{
    for (size_t i = 0; i < P->n_holidays; i++) {
        const itin_holiday *h = &P->holidays[i];
        int y, m, d;
        if (h->builtin)
            continue;
        itin_date_to_ymd(h->date, &y, &m, &d);
        if (y != year)
            continue;
        if (region ? h->region && strcmp(h->region, region) == 0
                   : h->country && strcmp(h->country, country) == 0 && !h->region)
            return true;
    }
    return false;
}

/* Whether `region` is one of a calendar's space-separated regions. */
static bool
sched_region_listed(const itin_calendar *c, const char *region)
{
    size_t n = strlen(region);
    for (const char *p = c->region_list; (p = strstr(p, region)) != NULL; p += n)
        if ((p == c->region_list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return true;
    return false;
}

/* Say something once: `key` names it among what was said already. */
static bool
sched_first_time(sched *S, itin_strmap *said, const char *key)
{
    return itin_strmap_put(said, itin_arena_strdup(S->A, key), 0, NULL);
}

/* Whether the delegation, or the visit, accepts warning w. */
static bool
sched_accepted(const sched *S, const itin_visit *V, itin_warning w)
{
    return ((S->P->delegation.accept | V->accept) & (1u << w)) != 0;
}

static void
sched_check_place(sched *S, itin_strmap *said, const itin_visit *V, const itin_institution *I, int year)
{
    const itin_plan *P = S->P;
    const char *name = I->short_name ? I->short_name : I->name;
    char key[64];
    const itin_calendar *c = itin_calendar_find(I->country);
    if (!c) {
        if (!sched_own_holidays(P, I->country, NULL, year) && !sched_accepted(S, V, ITIN_W_NO_HOLIDAYS) &&
            sched_first_time(S, said, I->country))
            itin_diags_warn(
                S->d, ITIN_W_NO_HOLIDAYS, I->pos,
                "no public holidays are checked in country '%s' (%s): there is no bundled calendar "
                "for it; list its holidays under 'holidays:' in the file, e.g. "
                "{date: %d-01-01, name: New Year's Day, country: %s}",
                I->country, name, year, I->country);
        return;
    }
    snprintf(key, sizeof key, "Y%s:%d", I->country, year);
    if ((year < c->first || year > c->last) && !sched_own_holidays(P, I->country, NULL, year)) {
        if (!sched_accepted(S, V, ITIN_W_HOLIDAYS_YEARS) && sched_first_time(S, said, key))
            itin_diags_warn(
                S->d, ITIN_W_HOLIDAYS_YEARS, I->pos,
                "no public holidays are checked in %s in %d (%s): the bundled calendar of '%s' covers "
                "%d to %d; list them under 'holidays:' in the file",
                c->title, year, name, c->country, c->first, c->last);
        return;
    }
    if (year > c->announced && year <= c->last && !sched_accepted(S, V, ITIN_W_HOLIDAYS_YEARS) &&
        sched_first_time(S, said, key))
        itin_diags_warn(
            S->d, ITIN_W_HOLIDAYS_YEARS, I->pos,
            "the public holidays of %s for %d are not announced yet (%s): the bundled calendar has "
            "the statutory and expected days only; bridge days and moved working days are missing",
            c->title, year, name);
    if (!I->region || c->regions == ITIN_REGIONS_NONE || sched_region_listed(c, I->region) ||
        sched_own_holidays(P, I->country, I->region, year) || sched_accepted(S, V, ITIN_W_NO_HOLIDAYS))
        return;
    if (!sched_first_time(S, said, I->region))
        return;
    if (c->regions == ITIN_REGIONS_NATIONAL)
        itin_diags_warn(
            S->d, ITIN_W_NO_HOLIDAYS, I->pos,
            "the public holidays of region '%s' are not checked (%s): the bundled calendar of '%s' has "
            "the national ones only; list the region's under 'holidays:' in the file, e.g. "
            "{date: ..., name: ..., region: %s}",
            I->region, name, c->country, I->region);
    else
        itin_diags_warn(S->d, ITIN_W_NO_HOLIDAYS, I->pos,
                        "region '%s' (%s) is none of those the bundled calendar of '%s' knows (%s): only the "
                        "national holidays are checked there",
                        I->region, name, c->country, c->region_list);
}

void
sched_check_calendars(sched *S)
{
    const itin_plan *P = S->P;
    itin_strmap said;
    itin_strmap_init(&said);
    for (size_t i = 0; i < P->n_visits; i++) {
        const itin_visit *V = &P->visits[i];
        const itin_institution *I = &P->institutions[V->at];
        int year, m, d;
        if (V->status == ITIN_CANCELLED || !I->has_hours || I->open_on_holidays || !I->country)
            continue;
        itin_date_to_ymd(V->date, &year, &m, &d);
        sched_check_place(S, &said, V, I, year);
    }
    itin_strmap_free(&said);
}
