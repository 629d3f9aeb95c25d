/* test_calendars: the bundled holiday calendars and what the scheduler does
 * with them (docs/holidays.md, docs/format.md §12, §13.7): the traps of
 * holiday law, working days (`workday`), and the warnings where nothing is
 * checked. Every expected date is worked out from the law in a comment. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "datetime.h"

/* ------------------------------------------------------------- helpers */

static itin_date
day(const char *iso)
{
    int y, m, d;
    assert_int_equal(sscanf(iso, "%d-%d-%d", &y, &m, &d), 3);
    return itin_date_from_ymd(y, m, d);
}

/* The entry of a calendar on a date for a scope (a country, or a region),
 * days off only (`workday` false) or working days only; NULL when none. */
static const itin_holiday *
entry(const itin_plan *P, const char *iso, const char *scope, bool workday)
{
    itin_date d = day(iso);
    for (size_t i = 0; i < P->n_holidays; i++) {
        const itin_holiday *h = &P->holidays[i];
        const char *s = h->region ? h->region : h->country;
        if (h->date == d && strcmp(s, scope) == 0 && (h->workday >= 0) == workday)
            return h;
    }
    return NULL;
}

static itin_plan *
calendar(const char *country)
{
    itin_diags d;
    itin_diags_init(&d, 0);
    itin_plan *P = itin_calendar_load(country, &d);
    assert_int_equal(d.errors, 0);
    itin_diags_free(&d);
    assert_non_null(P);
    return P;
}

#define OFF(P, iso, scope) assert_non_null(entry((P), (iso), (scope), false))
#define NOT_OFF(P, iso, scope) assert_null(entry((P), (iso), (scope), false))

typedef struct run {
    itin_diags d;
    itin_plan *p;
    itin_itinerary *it;
} run;

static run *current;

/* One participant, a place per line of `places` (id, country or region,
 * hours), and visits; loads (which must succeed) and schedules. */
static void
schedule(run *r, const char *start, const char *end, const char *places, const char *visits,
         const char *extra)
{
    static char buf[8192];
    snprintf(buf, sizeof buf,
             "delegation:\n  id: t\n  title: T\n  start: %s\n  end: %s\n  timezone: Europe/Berlin\n"
             "  participants: [{id: lee, name: Lee}]\ninstitutions:\n%svisits:\n%s%s",
             start, end, places, visits, extra);
    current = r;
    itin_diags_init(&r->d, 0);
    r->p = itin_plan_load_buffer("t.yaml", buf, strlen(buf), &r->d);
    if (!r->p)
        for (size_t i = 0; i < r->d.count; i++)
            fprintf(stderr, "  [diag] %s\n", r->d.items[i].message);
    assert_non_null(r->p);
    r->it = itin_schedule(r->p, &r->d);
    if (getenv("TEST_SCHEDULE_VERBOSE"))
        for (size_t i = 0; i < r->d.count; i++)
            fprintf(stderr, "  [diag] %d %s\n", r->d.items[i].severity, r->d.items[i].message);
}

static void
finish(run *r)
{
    itin_plan_free(r->p);
    itin_diags_free(&r->d);
    current = NULL;
}

static int
cleanup(void **state)
{
    (void)state;
    if (current)
        finish(current);
    return 0;
}

/* How many diagnostics of a severity hold every substring (NULL-terminated). */
static size_t
count_diags(const itin_diags *d, itin_severity sev, ...)
{
    size_t n = 0;
    for (size_t i = 0; i < d->count; i++) {
        if (d->items[i].severity != sev)
            continue;
        va_list ap;
        va_start(ap, sev);
        bool all = true;
        for (const char *s; (s = va_arg(ap, const char *)) != NULL;)
            all &= strstr(d->items[i].message, s) != NULL;
        va_end(ap);
        n += all;
    }
    return n;
}

#define COUNT(r, sev, ...) count_diags(&(r)->d, (sev), __VA_ARGS__, (const char *)NULL)

/* ------------------------------------------------------ the calendars */

static void
index_and_files_agree(void **state)
{
    (void)state;
    size_t n;
    const itin_calendar *c = itin_calendars(&n);
    assert_true(n >= 40);
    for (size_t i = 0; i < n; i++) {
        assert_ptr_equal(itin_calendar_find(c[i].country), &c[i]);
        assert_int_equal(c[i].first, 2022);
        assert_int_equal(c[i].last, 2035);
        itin_plan *P = calendar(c[i].country);
        assert_true(P->n_holidays > 0);
        itin_plan_free(P);
    }
    assert_null(itin_calendar_find("ZA"));
    itin_diags d;
    itin_diags_init(&d, 0);
    assert_null(itin_calendar_load("ZA", &d));
    itin_diags_free(&d);
}

static void
easter_monday_versus_orthodox_easter(void **state)
{
    (void)state;
    /* 2024: Western Easter 31 March, Orthodox Easter 5 May (Julian computus
     * + 13 days). Easter Monday: 1 April in DE, 6 May in GR, RO, BG, CY. */
    itin_plan *de = calendar("DE");
    OFF(de, "2024-04-01", "DE");
    NOT_OFF(de, "2024-05-06", "DE");
    itin_plan_free(de);
    const char *orthodox[] = {"GR", "RO", "BG", "CY"};
    for (size_t i = 0; i < 4; i++) {
        itin_plan *P = calendar(orthodox[i]);
        OFF(P, "2024-05-06", orthodox[i]); /* Orthodox Easter Monday */
        OFF(P, "2024-05-03", orthodox[i]); /* Orthodox Good Friday */
        const itin_holiday *h = entry(P, "2024-04-01", orthodox[i], false);
        assert_true(!h || !strstr(h->name, "Easter")); /* CY: 1 April is its National Day */
        NOT_OFF(P, "2024-03-29", orthodox[i]);
        /* 2025: both Easters on 20 April, so Monday 21 April. */
        OFF(P, "2025-04-21", orthodox[i]);
        itin_plan_free(P);
    }
    /* Greece moved Labour Day 2024 (Holy Wednesday) to 7 May. */
    itin_plan *gr = calendar("GR");
    OFF(gr, "2024-05-07", "GR");
    NOT_OFF(gr, "2024-05-01", "GR");
    itin_plan_free(gr);
}

static void
japan_substitute_and_sandwiched_days(void **state)
{
    (void)state;
    itin_plan *jp = calendar("JP");
    /* Act on National Holidays art. 3(2): Children's Day 2024-05-05 is a
     * Sunday, so Monday 6 May. 2025: Greenery Day 4 May is a Sunday and
     * 5 May a holiday already, so Tuesday 6 May. */
    OFF(jp, "2024-05-06", "JP");
    OFF(jp, "2025-05-06", "JP");
    assert_string_equal(entry(jp, "2025-05-06", "JP", false)->local, "振替休日");
    /* Art. 3(3): 2026-09-22 lies between Respect for the Aged Day (third
     * Monday, 21 Sep) and the autumnal equinox (23 Sep); so does
     * 2032-09-21 (20 and 22 Sep). 2025-09-22 does not (15 and 23 Sep). */
    OFF(jp, "2026-09-22", "JP");
    OFF(jp, "2032-09-21", "JP");
    NOT_OFF(jp, "2025-09-22", "JP");
    /* Golden Week 2024: 3 May, Constitution Memorial Day. */
    assert_string_equal(entry(jp, "2024-05-03", "JP", false)->name, "Constitution Memorial Day");
    itin_plan_free(jp);
}

static void
china_2024_adjusted_working_days(void **state)
{
    (void)state;
    itin_plan *cn = calendar("CN");
    /* State Council notice for 2024: Spring Festival 10-17 Feb off, Sundays
     * 4 and 18 Feb worked; National Day 1-7 Oct off, 29 Sep and 12 Oct worked. */
    const char *off[] = {"2024-02-12", "2024-02-13", "2024-02-16", "2024-10-04", "2024-10-07"};
    for (size_t i = 0; i < 5; i++)
        OFF(cn, off[i], "CN");
    const char *work[] = {"2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28",
                          "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12"};
    for (size_t i = 0; i < 8; i++) {
        const itin_holiday *w = entry(cn, work[i], "CN", true);
        assert_non_null(w);
        int wd = itin_date_weekday(w->date);
        assert_true(wd >= 5);
        assert_int_equal(w->workday, wd == 5 ? 4 : 0); /* Saturday as a Friday, Sunday as a Monday */
    }
    itin_plan_free(cn);
}

static void
us_observed_friday_and_monday(void **state)
{
    (void)state;
    itin_plan *us = calendar("US");
    /* 5 U.S.C. 6103(b): 4 July 2026 is a Saturday, observed Friday 3 July;
     * 4 July 2027 a Sunday, observed Monday 5 July; 1 January 2028 a
     * Saturday, observed Friday 31 December 2027. */
    OFF(us, "2026-07-03", "US");
    OFF(us, "2027-07-05", "US");
    OFF(us, "2027-12-31", "US");
    OFF(us, "2023-11-10", "US"); /* Veterans Day on Saturday 11 Nov 2023 */
    NOT_OFF(us, "2026-07-06", "US");
    itin_plan_free(us);
}

static void
uk_bank_holidays_moved_by_proclamation(void **state)
{
    (void)state;
    itin_plan *gb = calendar("GB");
    /* 2022: the spring bank holiday moved from 30 May to 2 June, and 3 June
     * added for the Platinum Jubilee; 19 September for the State Funeral.
     * 2023: Monday 8 May for the coronation. Easter Monday is no bank
     * holiday in Scotland. */
    OFF(gb, "2022-06-02", "GB");
    OFF(gb, "2022-06-03", "GB");
    NOT_OFF(gb, "2022-05-30", "GB");
    OFF(gb, "2022-09-19", "GB");
    OFF(gb, "2023-05-08", "GB");
    OFF(gb, "2024-04-01", "GB-ENG");
    NOT_OFF(gb, "2024-04-01", "GB-SCT");
    NOT_OFF(gb, "2024-04-01", "GB");
    OFF(gb, "2024-08-05", "GB-SCT");
    OFF(gb, "2024-08-26", "GB-ENG");
    itin_plan_free(gb);
}

static void
eid_announced_and_expected(void **state)
{
    (void)state;
    itin_plan *tr = calendar("TR");
    /* Diyanet: Ramazan Bayramı 2024 from 10 April, Kurban Bayramı from 16 June. */
    OFF(tr, "2024-04-10", "TR");
    OFF(tr, "2024-06-19", "TR");
    itin_plan_free(tr);
    itin_plan *ae = calendar("AE");
    /* 2023 as announced; 2030 the expected Umm al-Qura date, marked so. */
    const itin_holiday *h = entry(ae, "2023-04-21", "AE", false);
    assert_non_null(h);
    assert_false(h->estimated);
    h = entry(ae, "2030-02-04", "AE", false);
    assert_non_null(h);
    assert_true(h->estimated);
    itin_plan_free(ae);
}

/* ------------------------------------------------------ the scheduler */

#define CN_PLACE                                                                                             \
    "  - {id: most, name: MOST, country: CN, timezone: Asia/Shanghai, hours: {mon: \"09:00-12:00\", "        \
    "tue-fri: \"09:00-17:00\"}}\n"

static void
working_sunday_opens_with_the_weekday_hours(void **state)
{
    (void)state;
    static run r;
    /* 2024-02-04 is a Sunday worked as a Monday: open 09:00-12:00, no
     * weekend warning. 2024-02-18 likewise, but 14:00 is after Monday's
     * 12:00. 2024-02-13 is a day off of the Spring Festival arrangement. */
    schedule(&r, "2024-02-01", "2024-02-20", CN_PLACE,
             "  - {id: sun, title: S, at: most, date: 2024-02-04, start: \"10:00\", duration: 1h}\n"
             "  - {id: late, title: L, at: most, date: 2024-02-18, start: \"14:00\", duration: 1h}\n"
             "  - {id: fest, title: F, at: most, date: 2024-02-13, start: \"10:00\", duration: 1h}\n"
             "  - {id: sat, title: A, at: most, date: 2024-02-17, start: \"10:00\", duration: 1h}\n",
             "");
    assert_int_equal(COUNT(&r, ITIN_CONFLICT, "'sun'"), 0);
    assert_int_equal(COUNT(&r, ITIN_WARNING, "'sun'"), 0);
    assert_int_equal(COUNT(&r, ITIN_CONFLICT, "'late'", "2024-02-18", "09:00\u201312:00"), 1);
    assert_int_equal(COUNT(&r, ITIN_CONFLICT, "'fest'", "Holiday (State Council arrangement) (CN)"), 1);
    assert_int_equal(COUNT(&r, ITIN_CONFLICT, "'sat'", "Saturday"), 1);
    assert_int_equal(COUNT(&r, ITIN_WARNING, "'sat'", "Saturday"), 1);
    finish(&r);
}

static void
working_saturday_places_a_flexible_visit(void **state)
{
    (void)state;
    static run r;
    /* 2024-05-11 (Saturday) is worked as a Friday: a flexible visit finds
     * 09:00; a user's own working day works the same (Vietnam 2024-05-04). */
    schedule(&r, "2024-05-01", "2024-05-12",
             CN_PLACE "  - {id: vn, name: MOIT, country: VN, timezone: Asia/Ho_Chi_Minh, hours: {mon-fri: "
                      "\"08:00-17:00\"}}\n"
                      "  - {id: de, name: Amt, region: DE-SN, hours: {mon-fri: \"08:00-17:00\"}}\n",
             "  - {id: flex, title: F, at: most, date: 2024-05-11, duration: 2h}\n"
             "  - {id: hanoi, title: H, at: vn, date: 2024-05-04, start: \"10:00\", duration: 1h}\n"
             "  - {id: own, title: O, at: de, date: 2024-05-12, start: \"10:00\", duration: 1h}\n",
             "holidays:\n  - {date: 2024-05-12, name: Tag der offenen Tür, region: DE-SN, workday: wed}\n"
             "travel_times:\n  - {from: most, to: vn, time: 5h}\n  - {from: vn, to: de, time: 5h}\n"
             "  - {from: most, to: de, time: 5h}\n");
    assert_int_equal(r.d.conflicts, 0);
    assert_non_null(r.it);
    assert_int_equal(COUNT(&r, ITIN_WARNING, "is on a"), 0);
    finish(&r);
}

static void
expected_dates_say_so(void **state)
{
    (void)state;
    static run r;
    schedule(
        &r, "2030-02-01", "2030-02-10",
        "  - {id: adgm, name: ADGM, country: AE, timezone: Asia/Dubai, hours: {mon-fri: \"08:00-17:00\"}}\n",
        "  - {id: eid, title: E, at: adgm, date: 2030-02-04, start: \"10:00\", duration: 1h}\n", "");
    assert_int_equal(COUNT(&r, ITIN_CONFLICT, "'eid'", "Eid al-Fitr", "(AE, expected date)"), 1);
    assert_int_equal(COUNT(&r, ITIN_WARNING, "not announced yet"), 1);
    finish(&r);
}

static void
never_silent(void **state)
{
    (void)state;
    static run r;
    /* ZA has no calendar: one warning for its two places. US-CA has only the federal days. ES-M (a province,
     * not a community) is no region of ES's calendar. KR-11 has the national days: silent. A place without
     * hours is never closed: silent. */
    schedule(&r, "2024-03-04", "2024-03-12",
             "  - {id: za1, name: Pretoria, country: ZA, hours: {mon-fri: \"08:00-17:00\"}}\n"
             "  - {id: za2, name: Cape Town, country: ZA, hours: {mon-fri: \"08:00-17:00\"}}\n"
             "  - {id: ca, name: Sacramento, region: US-CA, hours: {mon-fri: \"08:00-17:00\"}}\n"
             "  - {id: es, name: Madrid, region: ES-M, hours: {mon-fri: \"08:00-17:00\"}}\n"
             "  - {id: kr, name: Seoul, region: KR-11, hours: {mon-fri: \"08:00-17:00\"}}\n"
             "  - {id: free, name: Hotel, country: ZW}\n",
             "  - {id: a, title: A, at: za1, date: 2024-03-04, start: \"09:00\", duration: 1h}\n"
             "  - {id: b, title: B, at: za2, date: 2024-03-05, start: \"09:00\", duration: 1h}\n"
             "  - {id: d, title: D, at: ca, date: 2024-03-06, start: \"09:00\", duration: 1h}\n"
             "  - {id: e, title: E, at: es, date: 2024-03-07, start: \"09:00\", duration: 1h}\n"
             "  - {id: f, title: F, at: kr, date: 2024-03-08, start: \"09:00\", duration: 1h}\n"
             "  - {id: g, title: G, at: free, date: 2024-03-11, start: \"09:00\", duration: 1h}\n",
             "travel_times:\n  - {from: za1, to: za2, time: 1h}\n  - {from: za2, to: ca, time: 1h}\n"
             "  - {from: ca, to: es, time: 1h}\n  - {from: es, to: kr, time: 1h}\n  - {from: kr, to: free, "
             "time: 1h}\n");
    assert_int_equal(COUNT(&r, ITIN_WARNING, "country 'ZA'", "holidays:"), 1);
    assert_int_equal(COUNT(&r, ITIN_WARNING, "'US-CA'", "national ones only"), 1);
    assert_int_equal(COUNT(&r, ITIN_WARNING, "'ES-M'", "ES-MD"), 1);
    assert_int_equal(COUNT(&r, ITIN_WARNING, "KR"), 0);
    assert_int_equal(COUNT(&r, ITIN_WARNING, "ZW"), 0);
    finish(&r);
}

static void
years_out_of_range(void **state)
{
    (void)state;
    static run r;
    schedule(&r, "2036-03-03", "2036-03-05",
             "  - {id: jp, name: METI, country: JP, hours: {mon-fri: \"08:00-17:00\"}}\n"
             "  - {id: jp2, name: MOFA, country: JP, hours: {mon-fri: \"08:00-17:00\"}}\n",
             "  - {id: c, title: C, at: jp, date: 2036-03-04, start: \"09:00\", duration: 1h}\n"
             "  - {id: d, title: D, at: jp2, date: 2036-03-05, start: \"09:00\", duration: 1h}\n",
             "travel_times:\n  - {from: jp, to: jp2, time: 1h}\n");
    assert_int_equal(COUNT(&r, ITIN_WARNING, "Japan in 2036", "2022 to 2035", "holidays:"), 1);
    finish(&r);
}

static void
accepted_warnings(void **state)
{
    (void)state;
    static run r;
    /* accept: [no-holidays] on the visit silences the country's warning;
     * `holidays-years` on the delegation those about years. */
    schedule(&r, "2027-03-01", "2027-03-03",
             "  - {id: za, name: Pretoria, country: ZA, hours: {mon-fri: \"08:00-17:00\"}}\n"
             "  - {id: cn, name: MOST, country: CN, hours: {mon-fri: \"08:00-17:00\"}}\n",
             "  - {id: a, title: A, at: za, date: 2027-03-01, start: \"09:00\", duration: 1h, accept: "
             "[no-holidays]}\n"
             "  - {id: b, title: B, at: cn, date: 2027-03-02, start: \"09:00\", duration: 1h}\n",
             "travel_times:\n  - {from: za, to: cn, time: 10h}\n");
    assert_int_equal(COUNT(&r, ITIN_WARNING, "ZA"), 0);
    assert_int_equal(COUNT(&r, ITIN_WARNING, "not announced yet"), 1);
    for (size_t i = 0; i < r.d.count; i++)
        if (strstr(r.d.items[i].message, "not announced yet"))
            assert_string_equal(r.d.items[i].name, "holidays-years");
    finish(&r);
}

static void
own_holidays_silence_the_warning(void **state)
{
    (void)state;
    static run r;
    schedule(&r, "2024-03-04", "2024-03-22",
             "  - {id: za, name: Pretoria, country: ZA, hours: {mon-fri: \"08:00-17:00\"}}\n",
             "  - {id: a, title: A, at: za, date: 2024-03-21, start: \"09:00\", duration: 1h}\n",
             "holidays:\n  - {date: 2024-03-21, name: Human Rights Day, country: ZA}\n");
    assert_int_equal(COUNT(&r, ITIN_WARNING, "ZA"), 0);
    assert_int_equal(COUNT(&r, ITIN_CONFLICT, "Human Rights Day (ZA)"), 1);
    finish(&r);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(index_and_files_agree),
        cmocka_unit_test(easter_monday_versus_orthodox_easter),
        cmocka_unit_test(japan_substitute_and_sandwiched_days),
        cmocka_unit_test(china_2024_adjusted_working_days),
        cmocka_unit_test(us_observed_friday_and_monday),
        cmocka_unit_test(uk_bank_holidays_moved_by_proclamation),
        cmocka_unit_test(eid_announced_and_expected),
        cmocka_unit_test_teardown(working_sunday_opens_with_the_weekday_hours, cleanup),
        cmocka_unit_test_teardown(working_saturday_places_a_flexible_visit, cleanup),
        cmocka_unit_test_teardown(expected_dates_say_so, cleanup),
        cmocka_unit_test_teardown(never_silent, cleanup),
        cmocka_unit_test_teardown(years_out_of_range, cleanup),
        cmocka_unit_test_teardown(accepted_warnings, cleanup),
        cmocka_unit_test_teardown(own_holidays_silence_the_warning, cleanup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
