/* test_schedule: the scheduler against docs/format.md §13 and §7 — transfer
 * estimates and travel_times, first-fit placement, the day window, opening
 * hours and holidays, time zones and DST, groups, conflicts, lodging
 * transfers, shared transfers, cancelled and tentative visits, filtering.
 *
 * Every expected number is worked out from the format's rules in a comment
 * beside it, not copied from the program's output. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "datetime.h"
#include "examples.h"
#include "values.h"

/* ------------------------------------------------------------ fixtures */

/* A delegation of two: lee, and park (who alone is the group "research"). */
#define DELEGATION(start, end, opts)                                                                         \
    "itinerary: 1\n"                                                                                         \
    "delegation:\n"                                                                                          \
    "  id: kr-mss-saxony-2022\n"                                                                             \
    "  title: Südkoreanische Delegation zu Gast in Sachsen\n"                                               \
    "  start: " start "\n"                                                                                   \
    "  end: " end "\n"                                                                                       \
    "  timezone: Europe/Berlin\n" opts "  participants:\n"                                                   \
    "    - {id: lee, name: Lee Ji-won, role: Head of delegation}\n"                                          \
    "    - {id: park, name: 박서연}\n"                                                                    \
    "  groups:\n"                                                                                            \
    "    - {id: research, name: Forschungsgruppe, members: [park]}\n"

#define WINDOW_8_20 "  day: {start: \"08:00\", end: \"20:00\"}\n"
#define WINDOW_DAY_BREAK(b) "  day: {hotel_break: " b "}\n"

/* Places in Dresden (without "institutions:", so tests can add more). The
 * travel_times below cover every pair, so no estimate is involved. */
#define DRESDEN_PLACES                                                                                       \
    "  - {id: wfs, name: Wirtschaftsförderung Sachsen, short: WFS, region: DE-SN, geo: [51.0440, "          \
    "13.7440]}\n"                                                                                            \
    "  - {id: hub, name: Smart Systems Hub, region: DE-SN, geo: [51.0630, 13.7980]}\n"                       \
    "  - {id: ilk, name: ILK der TU Dresden, region: DE-SN, geo: [51.0280, 13.7270]}\n"                      \
    "  - {id: hotel, name: Hotel am Terrassenufer, region: DE-SN, geo: [51.0530, 13.7480]}\n"

#define DRESDEN_TIMES                                                                                        \
    "travel_times:\n"                                                                                        \
    "  - {from: wfs, to: hub, time: 20m}\n"                                                                  \
    "  - {from: wfs, to: ilk, time: 15m}\n"                                                                  \
    "  - {from: hub, to: ilk, time: 25m}\n"                                                                  \
    "  - {from: hotel, to: wfs, time: 10m}\n"                                                                \
    "  - {from: hotel, to: hub, time: 30m}\n"                                                                \
    "  - {from: hotel, to: ilk, time: 20m}\n"

/* Minutes since midnight. */
#define HM(h, m) ((h)*60 + (m))

#define LEE 0x1u
#define PARK 0x2u

/* Absolute seconds of a UTC date and time. */
static int64_t
utc(int y, int mo, int d, int h, int mi)
{
    return (int64_t)itin_date_from_ymd(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

static void
dump(const itin_diags *d)
{
    for (size_t i = 0; i < d->count; i++)
        fprintf(stderr, "  [diag] %s:%d:%d: %s: %s\n", d->items[i].pos.file, d->items[i].pos.line,
                d->items[i].pos.col,
                d->items[i].severity == ITIN_WARNING    ? "warning"
                : d->items[i].severity == ITIN_CONFLICT ? "conflict"
                : d->items[i].severity == ITIN_ERROR    ? "error"
                                                        : "note",
                d->items[i].message);
}

typedef struct run {
    const char *text;
    itin_diags d;
    itin_plan *p;
    itin_itinerary *it;
} run;

/* The run in progress, freed by the teardown when an assertion ends a test
 * early. */
static run *current;

/* Load (which must succeed) and schedule. */
static void
schedule(run *r, const char *text)
{
    r->text = text;
    r->p = NULL;
    current = r;
    itin_diags_init(&r->d, 0);
    r->p = itin_plan_load_buffer("t.yaml", text, strlen(text), &r->d);
    if (!r->p)
        dump(&r->d);
    assert_non_null(r->p);
    assert_int_equal(r->d.errors, 0);
    r->it = itin_schedule(r->p, &r->d);
    if (getenv("TEST_SCHEDULE_VERBOSE"))
        dump(&r->d);
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

static size_t
inst(const itin_plan *p, const char *id)
{
    for (size_t i = 0; i < p->n_institutions; i++)
        if (strcmp(p->institutions[i].id, id) == 0)
            return i;
    fail_msg("no institution '%s'", id);
    return 0;
}

static const itin_item *
find_item(const itin_itinerary *it, const char *id)
{
    for (size_t i = 0; i < it->n_items; i++)
        if (strcmp(it->items[i].id, id) == 0)
            return &it->items[i];
    return NULL;
}

static const itin_item *
item(const itin_itinerary *it, const char *id)
{
    const itin_item *x = find_item(it, id);
    if (!x) {
        for (size_t i = 0; i < it->n_items; i++)
            fprintf(stderr, "  [item] %s\n", it->items[i].id);
        fail_msg("no item '%s'", id);
    }
    return x;
}

static size_t
count_kind(const itin_itinerary *it, itin_item_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < it->n_items; i++)
        n += it->items[i].kind == kind;
    return n;
}

/* The first diagnostic of a severity whose message holds every substring
 * (a NULL-terminated list). */
static const itin_diag *
find_diag(const itin_diags *d, itin_severity sev, ...)
{
    for (size_t i = 0; i < d->count; i++) {
        if (d->items[i].severity != sev)
            continue;
        va_list ap;
        va_start(ap, sev);
        bool all = true;
        for (const char *s; (s = va_arg(ap, const char *)) != NULL;)
            all &= strstr(d->items[i].message, s) != NULL;
        va_end(ap);
        if (all)
            return &d->items[i];
    }
    return NULL;
}

#define DIAG(d, sev, ...) diag_or_fail((d), find_diag((d), (sev), __VA_ARGS__, (const char *)NULL))

static const itin_diag *
diag_or_fail(const itin_diags *d, const itin_diag *x)
{
    if (!x) {
        dump(d);
        fail_msg("the expected diagnostic is missing");
    }
    return x;
}

/* 1-based line and column of the first occurrence of `needle` in `text`. */
static int
line_of(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    assert_non_null(at);
    int line = 1;
    for (const char *s = text; s < at; s++)
        line += *s == '\n';
    return line;
}

static int
col_of(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    assert_non_null(at);
    const char *bol = at;
    while (bol > text && bol[-1] != '\n')
        bol--;
    return (int)(at - bol) + 1;
}

/* Every item a participant takes part in must end before the next starts. */
static void
assert_never_in_two_places(const itin_itinerary *it, size_t person, size_t expect_items)
{
    size_t n = 0;
    const itin_item *v[64];
    for (size_t i = 0; i < it->n_items; i++) {
        const itin_item *x = &it->items[i];
        if (x->kind == ITIN_ITEM_LODGING || x->status == ITIN_CANCELLED)
            continue;
        if (!((x->who[person / 64] >> (person % 64)) & 1))
            continue;
        assert_true(n < 64);
        size_t k = n++;
        while (k > 0 && v[k - 1]->start > x->start) {
            v[k] = v[k - 1];
            k--;
        }
        v[k] = x;
    }
    assert_int_equal(n, expect_items);
    for (size_t k = 1; k < n; k++) {
        if (v[k - 1]->end > v[k]->start)
            fail_msg("participant %zu is in '%s' and '%s' at once", person, v[k - 1]->id, v[k]->id);
    }
}

/* ---------------------------------------------- 1. the transfer estimate */

static const char EST_TEXT[] =
    DELEGATION("2022-11-22", "2022-11-23",
               "") "institutions:\n"
                   "  - {id: dd, name: Dresden Hbf, region: DE-SN, geo: [51.0404, 13.7320]}\n"
                   "  - {id: chem, name: Chemnitz Hbf, region: DE-SN, geo: [50.8394, 12.9306]}\n"
                   "  - {id: fk, name: Frauenkirche, region: DE-SN, geo: [51.0519, 13.7416]}\n"
                   "  - {id: zw, name: Zwinger, region: DE-SN, geo: [51.0530, 13.7339]}\n";

static void
estimate_dresden_chemnitz(void **state)
{
    (void)state;
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, EST_TEXT);
    size_t dd = inst(r.p, "dd"), chem = inst(r.p, "chem");
    double km = -1;
    bool est = false;
    char err[512] = "";
    /* d: Δφ = 0.2010° → 22.35 km; Δλ = 0.8014° × cos 50.94° × 111.195 = 56.15
     * km; haversine d = 60.436 km. */
    /* car: road 60.436 × 1.3 = 78.567 km; 10 + 78.567 / 70 × 60 = 10 + 67.34
     * = 77.34 min → rounded up to a multiple of 5 = 80. */
    assert_int_equal(itin_transfer_minutes(r.p, dd, chem, ITIN_MODE_CAR, &km, &est, err, sizeof err), 80);
    assert_true(fabs(km - 60.436) < 0.01);
    assert_true(est);
    /* The same in the other direction. */
    assert_int_equal(itin_transfer_minutes(r.p, chem, dd, ITIN_MODE_CAR, &km, &est, err, sizeof err), 80);
    /* taxi is car: 80. */
    assert_int_equal(itin_transfer_minutes(r.p, dd, chem, ITIN_MODE_TAXI, &km, &est, err, sizeof err), 80);
    /* train: rail 60.436 × 1.2 = 72.524 km; 20 + 72.524 / 100 × 60 = 20 +
     * 43.51 = 63.51 min → 65. */
    assert_int_equal(itin_transfer_minutes(r.p, dd, chem, ITIN_MODE_TRAIN, &km, &est, err, sizeof err), 65);
    assert_true(est);
    /* bus: 10 + 78.567 / 50 × 60 = 10 + 94.28 = 104.28 → 105. */
    assert_int_equal(itin_transfer_minutes(r.p, dd, chem, ITIN_MODE_BUS, &km, &est, err, sizeof err), 105);
    /* bike: 0 + 78.567 / 15 × 60 = 314.27 → 315. */
    assert_int_equal(itin_transfer_minutes(r.p, dd, chem, ITIN_MODE_BIKE, &km, &est, err, sizeof err), 315);
    finish(&r);
}

static void
estimate_walk_across_dresden(void **state)
{
    (void)state;
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, EST_TEXT);
    size_t fk = inst(r.p, "fk"), zw = inst(r.p, "zw");
    double km = -1;
    bool est = false;
    char err[512] = "";
    /* Frauenkirche → Zwinger: Δφ = 0.0011° → 0.1223 km; Δλ = 0.0077° × cos
     * 51.05° × 111.195 = 0.5381 km; d = 0.5519 km (over 200 m: a transfer). */
    /* walk: 0.5519 × 1.3 = 0.7175 km; 0 + 0.7175 / 4.5 × 60 = 9.57 min → 10. */
    assert_int_equal(itin_transfer_minutes(r.p, fk, zw, ITIN_MODE_WALK, &km, &est, err, sizeof err), 10);
    assert_true(fabs(km - 0.5519) < 0.001);
    assert_true(est);
    /* car: 10 + 0.7175 / 70 × 60 = 10.61 min → rounded UP to 15 (not 10). */
    assert_int_equal(itin_transfer_minutes(r.p, zw, fk, ITIN_MODE_CAR, &km, &est, err, sizeof err), 15);
    finish(&r);
}

/* Frauenkirche at 09:00–10:00, then the Zwinger (0.55 km away, see
 * estimate_walk_across_dresden) at 11:00 and the Zwinger's café beside it by
 * car; `walk_below` comes from the options. */
#define WALK_TEXT(opts)                                                                                      \
    DELEGATION("2022-11-22", "2022-11-23", opts)                                                             \
    "institutions:\n"                                                                                        \
    "  - {id: fk, name: Frauenkirche, region: DE-SN, geo: [51.0519, 13.7416]}\n"                             \
    "  - {id: zw, name: Zwinger, region: DE-SN, geo: [51.0530, 13.7339]}\n"                                  \
    "visits:\n"                                                                                              \
    "  - {id: a, title: A, at: fk, date: 2022-11-22, start: \"09:00\", duration: 1h}\n"                      \
    "  - {id: b, title: B, at: zw, date: 2022-11-22, start: \"11:00\", duration: 1h}\n"                      \
    "  - {id: c, title: C, at: fk, date: 2022-11-22, start: \"13:00\", duration: 1h, travel: car}\n"

static void
walk_below_default_walks(void **state)
{
    (void)state;
    static run r;
    schedule(&r, WALK_TEXT(""));
    /* d = 0.55 km < 1 km (the default): a -> b walks, 10 min. */
    const itin_item *t = item(r.it, "transfer:a:b");
    assert_int_equal(t->mode, ITIN_MODE_WALK);
    assert_int_equal(t->minutes, 10);
    /* c sets its own mode: car, 15 min (see estimate_walk_across_dresden). */
    t = item(r.it, "transfer:b:c");
    assert_int_equal(t->mode, ITIN_MODE_CAR);
    assert_int_equal(t->minutes, 15);
    finish(&r);
}

static void
walk_below_zero_or_shorter_rides(void **state)
{
    (void)state;
    static run r;
    schedule(&r, WALK_TEXT("  travel: {walk_below: 0}\n"));
    /* 0 never walks: the delegation's car, 15 min. */
    assert_int_equal(item(r.it, "transfer:a:b")->mode, ITIN_MODE_CAR);
    assert_int_equal(item(r.it, "transfer:a:b")->minutes, 15);
    finish(&r);
    static run r2;
    schedule(&r2, WALK_TEXT("  travel: {mode: bus, walk_below: 500m}\n"));
    /* 0.55 km is not below 500 m: bus, 10 + 0.7175 / 50 × 60 = 10.86 → 15. */
    assert_int_equal(item(r2.it, "transfer:a:b")->mode, ITIN_MODE_BUS);
    assert_int_equal(item(r2.it, "transfer:a:b")->minutes, 15);
    finish(&r2);
    static run r3;
    schedule(&r3, WALK_TEXT("  travel: {walk_below: 1.5km}\n"));
    assert_int_equal(item(r3.it, "transfer:a:b")->mode, ITIN_MODE_WALK);
    finish(&r3);
}

static void
walk_below_not_a_distance(void **state)
{
    (void)state;
    const char *text = WALK_TEXT("  travel: {walk_below: 1 mile}\n");
    itin_diags d;
    itin_diags_init(&d, 0);
    itin_plan *p = itin_plan_load_buffer("t.yaml", text, strlen(text), &d);
    assert_null(p);
    assert_non_null(find_diag(&d, ITIN_ERROR, "walk_below: '1 mile' is not a distance", (const char *)NULL));
    assert_int_equal(d.items[0].pos.line, line_of(text, "walk_below"));
    itin_diags_free(&d);
}

/* ------------------------------------------------- long waits: hotel_break */

/* a at WFS 09:00–10:00, b at the Hub (20m from WFS) at `b_start`, buffer 15m;
 * options and lodging from the arguments. */
#define BREAK_TEXT(opts, b_start, lodging)                                                                   \
    DELEGATION("2022-11-22", "2022-11-23", "  buffer: 15m\n" opts)                                           \
    "institutions:\n" DRESDEN_PLACES DRESDEN_TIMES "visits:\n"                                               \
    "  - {id: a, title: A, at: wfs, date: 2022-11-22, start: \"09:00\", duration: 1h}\n"                     \
    "  - {id: b, title: B, at: hub, date: 2022-11-22, start: \"" b_start "\", duration: 1h}\n" lodging

#define BREAK_LODGING "lodging:\n  - {at: hotel, from: 2022-11-21, to: 2022-11-23}\n"

static void
hotel_break_goes_back_to_the_hotel(void **state)
{
    (void)state;
    static run r;
    schedule(&r, BREAK_TEXT("", "14:00", BREAK_LODGING));
    /* Wait: 14:00 − 15m − 20m − 10:00 = 3h25 ≥ 2h; round trip WFS → hotel
     * 10m + hotel → Hub 30m + 15m ≤ 4h: back to the hotel at 10:00 (until
     * 10:10), out again arriving 13:45 (leaving 13:15). */
    const itin_item *in = item(r.it, "transfer:a:hotel:hotel@2022-11-22");
    assert_int_equal(in->start, utc(2022, 11, 22, 9, 0)); /* 10:00 CET */
    assert_int_equal(in->end, utc(2022, 11, 22, 9, 10));
    /* Named by the night before the day it leaves, as a morning's is. */
    const itin_item *out = item(r.it, "transfer:hotel:hotel@2022-11-21:b");
    assert_int_equal(out->start, utc(2022, 11, 22, 12, 15));
    assert_int_equal(out->end, utc(2022, 11, 22, 12, 45));
    assert_null(find_item(r.it, "transfer:a:b"));
    finish(&r);
}

/* Regression: one participant back at the hotel during a long wait and one
 * who starts the day there leave the hotel for the same visit at the same
 * time: one shared transfer, not two. */
static void
hotel_break_shares_the_transfer_with_the_morning(void **state)
{
    (void)state;
    static run r;
    schedule(&r, DELEGATION("2022-11-22", "2022-11-23",
                            "  buffer: 15m\n") "institutions:\n" DRESDEN_PLACES DRESDEN_TIMES "visits:\n"
                                               "  - {id: a, title: A, at: wfs, date: 2022-11-22, start: "
                                               "\"09:00\", duration: 1h, with: [lee]}\n"
                                               "  - {id: b, title: B, at: hub, date: 2022-11-22, start: "
                                               "\"14:00\", duration: 1h}\n" BREAK_LODGING);
    const itin_item *out = item(r.it, "transfer:hotel:hotel@2022-11-21:b");
    assert_int_equal(out->who[0], LEE | PARK);
    assert_true(out->everyone);
    size_t to_b = 0;
    for (size_t i = 0; i < r.it->n_items; i++)
        to_b += r.it->items[i].kind == ITIN_ITEM_TRANSFER && strcmp(r.it->items[i].to_item, "b") == 0;
    assert_int_equal(to_b, 1);
    finish(&r);
}

static void
hotel_break_without_lodging_leaves_late(void **state)
{
    (void)state;
    static run r;
    schedule(&r, BREAK_TEXT("", "14:00", ""));
    /* No hotel: arrive 15m before 14:00, leave 20m before that. */
    const itin_item *t = item(r.it, "transfer:a:b");
    assert_int_equal(t->start, utc(2022, 11, 22, 12, 25));
    assert_int_equal(t->end, utc(2022, 11, 22, 12, 45));
    finish(&r);
    /* The round trip (10m + 30m + 15m) does not fit before 10:50: the wait
     * 10:50 − 15m − 20m − 10:00 = 15m ≥ hotel_break 10m, so leave late. */
    static run r2;
    schedule(&r2, BREAK_TEXT(WINDOW_DAY_BREAK("10m"), "10:50", BREAK_LODGING));
    t = item(r2.it, "transfer:a:b");
    assert_int_equal(t->start, utc(2022, 11, 22, 9, 15));
    assert_int_equal(t->end, utc(2022, 11, 22, 9, 35));
    assert_null(find_item(r2.it, "transfer:a:hotel:hotel@2022-11-22"));
    finish(&r2);
}

static void
hotel_break_short_wait_or_zero_leaves_at_once(void **state)
{
    (void)state;
    static run r;
    /* 3h25 of waiting is less than a hotel_break of 4h: leave at 10:00. */
    schedule(&r, BREAK_TEXT(WINDOW_DAY_BREAK("4h"), "14:00", BREAK_LODGING));
    const itin_item *t = item(r.it, "transfer:a:b");
    assert_int_equal(t->start, utc(2022, 11, 22, 9, 0));
    assert_int_equal(t->end, utc(2022, 11, 22, 9, 20));
    finish(&r);
    static run r2;
    schedule(&r2, BREAK_TEXT(WINDOW_DAY_BREAK("0m"), "14:00", BREAK_LODGING)); /* 0m: never */
    assert_int_equal(item(r2.it, "transfer:a:b")->start, utc(2022, 11, 22, 9, 0));
    finish(&r2);
}

/* ------------------------------------- the slot search raises no errors */

/* A flight from Frankfurt (385 km from Dresden, too far to estimate) to
 * Dresden at 10:00, and a flexible visit in Dresden that day: the positions
 * before the flight are tried and dropped, not reported. */
static void
slot_search_skips_transfers_it_cannot_estimate(void **state)
{
    (void)state;
    static run r;
    schedule(
        &r, DELEGATION(
                "2022-11-22", "2022-11-23",
                "") "institutions:\n"
                    "  - {id: fra, name: Flughafen Frankfurt, region: DE-HE, geo: [50.0379, 8.5622]}\n"
                    "  - {id: drs, name: Flughafen Dresden, region: DE-SN, geo: [51.1328, 13.7672]}\n"
                    "  - {id: silicon-saxony, name: Silicon Saxony, region: DE-SN, geo: [51.0500, 13.7373]}\n"
                    "travel:\n"
                    "  - {id: lh1, mode: flight, from: fra, to: drs, depart: 2022-11-22 10:00, arrive: "
                    "2022-11-22 11:05}\n"
                    "visits:\n"
                    "  - {id: ss, title: SS, at: silicon-saxony, date: 2022-11-22, duration: 1h}\n");
    if (r.d.errors)
        dump(&r.d);
    assert_int_equal(r.d.errors, 0);
    /* After the landing and 30 minutes of exit time (a flight within one
     * country): the transfer from the airport (d = 9.4 km < 300). */
    const itin_item *t = item(r.it, "transfer:lh1:ss");
    assert_int_equal(t->start, utc(2022, 11, 22, 10, 35)); /* 11:05 CET + 30m */
    assert_int_equal(item(r.it, "ss")->start, t->end);
    finish(&r);
}

/* ------------------- check-in and exit times around transfers (§13.2) */

/* Incheon, Frankfurt, Dresden airports and a visit in Dresden. */
#define AIRPORTS                                                                                             \
    "institutions:\n"                                                                                        \
    "  - {id: icn, name: Incheon Airport, region: KR-28, timezone: Asia/Seoul, geo: [37.4602, 126.4407]}\n"  \
    "  - {id: fra, name: Flughafen Frankfurt, region: DE-HE, geo: [50.0379, 8.5622]}\n"                      \
    "  - {id: drs, name: Flughafen Dresden, region: DE-SN, geo: [51.1328, 13.7672]}\n"                       \
    "  - {id: dd-hbf, name: Dresden Hbf, region: DE-SN, geo: [51.0405, 13.7320]}\n"                          \
    "  - {id: wfs, name: Wirtschaftsförderung Sachsen, region: DE-SN, geo: [51.0440, 13.7440]}\n"           \
    "travel_times:\n"                                                                                        \
    "  - {from: drs, to: wfs, time: 30m}\n"                                                                  \
    "  - {from: dd-hbf, to: wfs, time: 10m}\n"

/* The sequence rule's example (docs/format.md §13.4): Seoul → Frankfurt lands 18:30, on to
 * Dresden at 20:30: 1h exit (between two countries) + 1h check-in (within
 * one) = 2h, which just fits. */
static void
connection_needs_exit_and_checkin(void **state)
{
    (void)state;
    static run r;
    schedule(&r, DELEGATION("2022-11-22", "2022-11-23", "") AIRPORTS
             "travel:\n"
             "  - {id: oz541, mode: flight, from: icn, to: fra, depart: 2022-11-21 13:25, arrive: "
             "2022-11-21 18:30}\n"
             "  - {id: lh218, mode: flight, from: fra, to: drs, depart: 2022-11-21 20:30, duration: 55m}\n");
    assert_int_equal(r.d.conflicts, 0);
    assert_int_equal(item(r.it, "oz541")->checkin, 120);
    assert_int_equal(item(r.it, "oz541")->exit_time, 60);
    assert_int_equal(item(r.it, "lh218")->checkin, 60);
    assert_int_equal(item(r.it, "lh218")->exit_time, 30);
    finish(&r);
    /* At 20:00 it is a conflict naming both parts. */
    static run r2;
    schedule(&r2, DELEGATION("2022-11-22", "2022-11-23", "") AIRPORTS
             "travel:\n"
             "  - {id: oz541, mode: flight, from: icn, to: fra, depart: 2022-11-21 13:25, arrive: "
             "2022-11-21 18:30}\n"
             "  - {id: lh218, mode: flight, from: fra, to: drs, depart: 2022-11-21 20:00, duration: 55m}\n");
    DIAG(&r2.d, ITIN_CONFLICT,
         "needs 2h (1h exit + 1h check-in) between travel leg 'oz541' (ends 18:30) and travel leg 'lh218' "
         "(starts 20:00), has 1h30m");
    finish(&r2);
}

/* A leg's own times win over the delegation's, which win over the defaults;
 * `flight` sets both kinds and the specific key wins over it. */
static void
checkin_and_exit_settings(void **state)
{
    (void)state;
    static run r;
    schedule(&r,
             DELEGATION("2022-11-22", "2022-11-23",
                        "  travel: {checkin: {flight: 90m, domestic_flight: 40m, train: 0m}, exit: {flight: "
                        "20m}}\n") AIRPORTS
             "travel:\n"
             "  - {id: oz541, mode: flight, from: icn, to: fra, depart: 2022-11-21 13:25, arrive: "
             "2022-11-21 18:30}\n"
             "  - {id: lh218, mode: flight, from: fra, to: drs, depart: 2022-11-21 20:30, duration: 55m, "
             "checkin: 25m, exit: 0m}\n"
             "  - {id: re, mode: train, from: dd-hbf, to: fra, depart: 2022-11-23 10:00, duration: 5h}\n");
    assert_int_equal(item(r.it, "oz541")->checkin, 90);
    assert_int_equal(item(r.it, "oz541")->exit_time, 20);
    assert_int_equal(item(r.it, "lh218")->checkin, 25);
    assert_int_equal(item(r.it, "lh218")->exit_time, 0);
    assert_int_equal(item(r.it, "re")->checkin, 0);
    assert_int_equal(item(r.it, "re")->exit_time, 0);
    finish(&r);
}

/* After a landing the transfer leaves `exit` later; before a departure it
 * arrives `checkin` before, in place of the buffer; the wait before a leg
 * ends `checkin` before it. A train needs 10 minutes. */
static void
transfers_around_legs(void **state)
{
    (void)state;
    static run r;
    schedule(&r, DELEGATION("2022-11-22", "2022-11-23", "  buffer: 15m\n") AIRPORTS
             "travel:\n"
             "  - {id: lh1, mode: flight, from: fra, to: drs, depart: 2022-11-22 08:00, duration: 1h}\n"
             "  - {id: ice, mode: train, from: dd-hbf, to: fra, depart: 2022-11-22 13:00, duration: 5h}\n"
             "visits:\n"
             "  - {id: w, title: W, at: wfs, date: 2022-11-22, start: \"10:15\", duration: 1h}\n"
             "  - {id: x, title: X, at: wfs, date: 2022-11-22, start: \"11:30\", duration: 30m}\n");
    assert_int_equal(r.d.conflicts, 0);
    /* lh1 lands 09:00 CET, 30m exit (domestic): the transfer 09:30-10:00,
     * then 15m of buffer before w at 10:15. */
    const itin_item *t = item(r.it, "transfer:lh1:w");
    assert_int_equal(t->start, utc(2022, 11, 22, 8, 30));
    assert_int_equal(t->end, utc(2022, 11, 22, 9, 0));
    /* x ends 12:00; the train at 13:00 with 10m check-in: the 10m transfer
     * must arrive by 12:50, which leaves 40m of waiting, below the hotel
     * break: it departs at once, 12:00 CET. */
    t = item(r.it, "transfer:x:ice");
    assert_int_equal(t->start, utc(2022, 11, 22, 11, 0));
    assert_int_equal(t->end, utc(2022, 11, 22, 11, 10));
    finish(&r);
    /* 10:00 for w is a conflict: 30m exit + 30m transfer + 15m buffer. */
    static run r2;
    schedule(&r2, DELEGATION("2022-11-22", "2022-11-23", "  buffer: 15m\n") AIRPORTS
             "travel:\n"
             "  - {id: lh1, mode: flight, from: fra, to: drs, depart: 2022-11-22 08:00, duration: 1h}\n"
             "visits:\n"
             "  - {id: w, title: W, at: wfs, date: 2022-11-22, start: \"10:00\", duration: 1h}\n");
    DIAG(&r2.d, ITIN_CONFLICT, "needs 1h15m (30m exit + transfer 30m by car + 15m buffer)");
    finish(&r2);
}

/* A flexible visit after a landing starts after exit + transfer + buffer,
 * and one before a departure ends check-in + transfer before it. */
static void
flexible_visits_around_legs(void **state)
{
    (void)state;
    static run r;
    schedule(&r, DELEGATION("2022-11-22", "2022-11-23", "  buffer: 15m\n") AIRPORTS
             "travel:\n"
             "  - {id: lh1, mode: flight, from: fra, to: drs, depart: 2022-11-22 08:00, duration: 1h}\n"
             "  - {id: lh2, mode: flight, from: drs, to: fra, depart: 2022-11-22 14:00, duration: 1h}\n"
             "visits:\n"
             "  - {id: a, title: A, at: wfs, date: 2022-11-22, duration: 1h}\n"
             "  - {id: b, title: B, at: wfs, date: 2022-11-22, duration: 2h}\n");

    /* Lands 09:00 CET + 30m exit + 30m transfer + 15m buffer = 10:15. */
    assert_int_equal(item(r.it, "a")->start, utc(2022, 11, 22, 9, 15));
    /* b: 11:30 (a ends 11:15 + buffer) to 13:30 would need 30m + 1h
     * check-in before 14:00: too late; no other start fits that day. */
    DIAG(&r.d, ITIN_CONFLICT, "no start fits visit 'b'");
    finish(&r);
}

/* A visit at the airport at 12:45–13:45 and a flight at 23:45 landing at
 * 00:55: 12h10 from first to last, but the flight is not on the ground. */
static void
overnight_flight_is_not_a_long_day(void **state)
{
    (void)state;
    static run r;
    schedule(
        &r,
        DELEGATION("2022-11-22", "2022-11-23",
                   "") "institutions:\n"
                       "  - {id: fra, name: Flughafen Frankfurt, region: DE-HE, geo: [50.0379, 8.5622]}\n"
                       "  - {id: drs, name: Flughafen Dresden, region: DE-SN, geo: [51.1328, 13.7672]}\n"
                       "travel:\n"
                       "  - {id: lh2, mode: flight, from: drs, to: fra, depart: 2022-11-22 23:45, arrive: "
                       "2022-11-23 00:55}\n"
                       "visits:\n"
                       "  - {id: v, title: V, at: drs, date: 2022-11-22, start: \"12:45\", duration: 1h}\n");
    assert_null(find_diag(&r.d, ITIN_WARNING, "a long day", (const char *)NULL));
    finish(&r);
    /* A train at the same hour is on the ground: 12h10 is a long day. */
    static run r2;
    schedule(
        &r2,
        DELEGATION("2022-11-22", "2022-11-23",
                   "") "institutions:\n"
                       "  - {id: fra, name: Frankfurt Hbf, region: DE-HE, geo: [50.1070, 8.6636]}\n"
                       "  - {id: drs, name: Dresden Hbf, region: DE-SN, geo: [51.0404, 13.7320]}\n"
                       "travel:\n"
                       "  - {id: ice, mode: train, from: drs, to: fra, depart: 2022-11-22 23:45, arrive: "
                       "2022-11-23 00:55}\n"
                       "visits:\n"
                       "  - {id: v, title: V, at: drs, date: 2022-11-22, start: \"12:45\", duration: 1h}\n");
    DIAG(&r2.d, ITIN_WARNING, "a long day on 2022-11-22: 12h10m of items");
    finish(&r2);
}

/* Warnings carry their stable name; `accept` on the delegation or on one
 * item silences them there only (§13.8). */
static void
warnings_have_names_and_can_be_accepted(void **state)
{
    (void)state;
#define LONG_DAY(accept_all, accept_v)                                                                       \
    DELEGATION("2022-11-26", "2022-11-27", accept_all)                                                       \
    "institutions:\n"                                                                                        \
    "  - {id: fra, name: Frankfurt Hbf, region: DE-HE, geo: [50.1070, 8.6636]}\n"                            \
    "  - {id: drs, name: Dresden Hbf, region: DE-SN, geo: [51.0404, 13.7320]}\n"                             \
    "travel:\n"                                                                                              \
    "  - {id: ice, mode: train, from: drs, to: fra, depart: 2022-11-26 23:45, arrive: 2022-11-27 00:55}\n"   \
    "visits:\n"                                                                                              \
    "  - {id: v, title: V, at: drs, date: 2022-11-26, start: \"12:45\", duration: 1h" accept_v "}\n"         \
    "  - {id: w, title: W, at: drs, date: 2022-11-27, start: \"12:45\", duration: 1h}\n"
    static run r;
    schedule(&r, LONG_DAY("", ""));
    const itin_diag *g = DIAG(&r.d, ITIN_WARNING, "a long day on 2022-11-26");
    assert_string_equal(g->name, "long-day");
    assert_string_equal(DIAG(&r.d, ITIN_WARNING, "visit 'v' is on a Saturday")->name, "weekend");
    assert_string_equal(DIAG(&r.d, ITIN_WARNING, "visit 'w' is on a Sunday")->name, "weekend");
    finish(&r);
    /* On the visit: its own weekend warning only. */
    static run r2;
    schedule(&r2, LONG_DAY("", ", accept: [weekend]"));
    assert_null(find_diag(&r2.d, ITIN_WARNING, "visit 'v' is on", (const char *)NULL));
    DIAG(&r2.d, ITIN_WARNING, "visit 'w' is on a Sunday");
    DIAG(&r2.d, ITIN_WARNING, "a long day");
    finish(&r2);
    /* On the delegation: everywhere; a scalar is a list of one. */
    static run r3;
    schedule(&r3, LONG_DAY("  accept: [long-day, weekend]\n", ""));
    assert_int_equal(r3.d.warnings, 0);
    finish(&r3);
    static run r4;
    schedule(&r4, LONG_DAY("  accept: long-day\n", ""));
    assert_null(find_diag(&r4.d, ITIN_WARNING, "a long day", (const char *)NULL));
    DIAG(&r4.d, ITIN_WARNING, "is on a Saturday");
    finish(&r4);
#undef LONG_DAY
}

/* -------------------------------------------------------- 2. travel_times */

static void
travel_times_either_direction(void **state)
{
    (void)state;
    static const char text[] =
        DELEGATION("2022-11-22", "2022-11-23",
                   "") "institutions:\n"
                       "  - {id: dd, name: Dresden Hbf, region: DE-SN, geo: [51.0404, 13.7320]}\n"
                       "  - {id: chem, name: Chemnitz Hbf, region: DE-SN, geo: [50.8394, 12.9306]}\n"
                       "travel_times:\n"
                       "  - {from: dd, to: chem, mode: car, time: 55m}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    size_t dd = inst(r.p, "dd"), chem = inst(r.p, "chem");
    double km;
    bool est = true;
    char err[512];
    /* The measured 55m instead of the estimated 80, both ways. */
    assert_int_equal(itin_transfer_minutes(r.p, dd, chem, ITIN_MODE_CAR, &km, &est, err, sizeof err), 55);
    assert_false(est);
    est = true;
    assert_int_equal(itin_transfer_minutes(r.p, chem, dd, ITIN_MODE_CAR, &km, &est, err, sizeof err), 55);
    assert_false(est);
    /* An entry for car says nothing about the train: the estimate, 65. */
    assert_int_equal(itin_transfer_minutes(r.p, chem, dd, ITIN_MODE_TRAIN, &km, &est, err, sizeof err), 65);
    assert_true(est);
    finish(&r);
}

static const char MODE_TEXT[] =
    DELEGATION("2022-11-22", "2022-11-23",
               "") "institutions:\n"
                   "  - {id: dd, name: Dresden Hbf, region: DE-SN, geo: [51.0404, 13.7320]}\n"
                   "  - {id: chem, name: Chemnitz Hbf, region: DE-SN, geo: [50.8394, 12.9306]}\n"
                   "travel_times:\n"
                   "  - {from: dd, to: chem, time: 90m}\n"
                   "  - {from: chem, to: dd, mode: car, time: 55m}\n"
                   "visits:\n"
                   "  - {id: v1, title: Eins, at: dd, date: 2022-11-22, start: \"09:00\", duration: 1h}\n"
                   "  - {id: v2, title: Zwei, at: chem, date: 2022-11-22, duration: 1h, travel: car}\n"
                   "  - {id: v3, title: Drei, at: dd, date: 2022-11-22, duration: 1h, travel: train}\n";

static void
travel_times_mode_beats_modeless(void **state)
{
    (void)state;
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, MODE_TEXT);
    size_t dd = inst(r.p, "dd"), chem = inst(r.p, "chem");
    double km;
    bool est = true;
    char err[512];
    /* car has its own entry (given chem → dd, asked dd → chem): 55. */
    assert_int_equal(itin_transfer_minutes(r.p, dd, chem, ITIN_MODE_CAR, &km, &est, err, sizeof err), 55);
    assert_false(est);
    /* train has none: the mode-less entry, 90, beats the estimate (65). */
    assert_int_equal(itin_transfer_minutes(r.p, chem, dd, ITIN_MODE_TRAIN, &km, &est, err, sizeof err), 90);
    assert_false(est);
    assert_int_equal(itin_transfer_minutes(r.p, dd, chem, ITIN_MODE_WALK, &km, &est, err, sizeof err), 90);
    finish(&r);
}

static void
travel_times_used_by_the_scheduler(void **state)
{
    (void)state;
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, MODE_TEXT);
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 0);
    /* v1 09:00–10:00 at dd; v2 by car: 10:00 + 55 (car entry) = 10:55. */
    const itin_item *v2 = item(r.it, "v2");
    assert_int_equal(v2->local_start, HM(10, 55));
    assert_int_equal(v2->local_end, HM(11, 55));
    const itin_item *t12 = item(r.it, "transfer:v1:v2");
    assert_int_equal(t12->minutes, 55);
    assert_false(t12->estimated);
    assert_true(fabs(t12->distance_km - 60.4) < 1e-9); /* still known, to 0.1 km (60.436) */
    assert_int_equal(t12->mode, ITIN_MODE_CAR);
    assert_int_equal(t12->local_start, HM(10, 0)); /* departs when v1 ends */
    assert_int_equal(t12->local_end, HM(10, 55));
    /* v3 by train, back to dd: mode-less 90 → 11:55 + 1h30 = 13:25. */
    const itin_item *v3 = item(r.it, "v3");
    assert_int_equal(v3->local_start, HM(13, 25));
    const itin_item *t23 = item(r.it, "transfer:v2:v3");
    assert_int_equal(t23->minutes, 90);
    assert_int_equal(t23->mode, ITIN_MODE_TRAIN);
    finish(&r);
}

/* -------------------------------- 3. no transfer, too far, no geo at all */

static const char NEAR_TEXT[] = DELEGATION(
    "2022-11-22", "2022-11-23",
    WINDOW_8_20) "institutions:\n"
                 "  - {id: a, name: Haus A, region: DE-SN, geo: [51.0500, 13.7400]}\n"
                 "  - {id: b, name: Haus B, region: DE-SN, geo: [51.05135, 13.7400]}\n"
                 "visits:\n"
                 "  - {id: va, title: A, at: a, date: 2022-11-22, start: \"09:00\", duration: 1h}\n"
                 "  - {id: vb, title: B, at: b, date: 2022-11-22, start: \"10:00\", duration: 1h}\n";

static void
near_places_need_no_transfer(void **state)
{
    (void)state;
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, NEAR_TEXT);
    assert_non_null(r.it);
    double km = -1;
    bool est = true;
    char err[512];
    /* Δφ = 0.00135° × 111.195 km = 0.150 km < 0.2 km: no transfer. */
    assert_int_equal(
        itin_transfer_minutes(r.p, inst(r.p, "a"), inst(r.p, "b"), ITIN_MODE_CAR, &km, &est, err, sizeof err),
        0);
    assert_true(fabs(km - 0.150) < 0.001);
    /* So back to back is fine: no conflict, no transfer item. */
    assert_int_equal(r.d.conflicts, 0);
    assert_int_equal(count_kind(r.it, ITIN_ITEM_TRANSFER), 0);
    finish(&r);
}

static const char FAR_TEXT[] = DELEGATION(
    "2022-11-22", "2022-11-23",
    WINDOW_8_20) "institutions:\n"
                 "  - {id: dd, name: Dresden Hbf, region: DE-SN, geo: [51.0404, 13.7320]}\n"
                 "  - {id: muc, name: Marienplatz, region: DE-BY, geo: [48.1374, 11.5755]}\n"
                 "visits:\n"
                 "  - {id: vdd, title: Dresden, at: dd, date: 2022-11-22, start: \"09:00\", duration: 1h}\n"
                 "  - {id: vmuc, title: München, at: muc, date: 2022-11-22, start: \"16:00\", duration: "
                 "1h}\n";

static void
far_places_are_an_error(void **state)
{
    (void)state;
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, FAR_TEXT);
    double km = 0;
    bool est = true;
    char err[512] = "";
    /* Dresden–München: Δφ 2.903°, Δλ 2.1565°; haversine 358.2 km > 300. */
    assert_int_equal(itin_transfer_minutes(r.p, inst(r.p, "dd"), inst(r.p, "muc"), ITIN_MODE_CAR, &km, &est,
                                           err, sizeof err),
                     -1);
    assert_true(fabs(km - 358.2) < 0.1);
    assert_non_null(strstr(err, "travel leg"));
    assert_non_null(strstr(err, "travel_times"));
    /* Scheduling them back to back: an error, so no itinerary. */
    assert_null(r.it);
    assert_true(r.d.errors >= 1);
    const itin_diag *e = DIAG(&r.d, ITIN_ERROR, "travel leg", "travel_times", "dd", "muc");
    /* At the later item (the transfer arrives there) or the earlier one. */
    assert_true(e->pos.line == line_of(r.text, "{id: vmuc") || e->pos.line == line_of(r.text, "{id: vdd"));
    finish(&r);
}

static void
far_places_with_travel_times_are_fine(void **state)
{
    (void)state;
    char text[4096];
    snprintf(text, sizeof text, "%stravel_times:\n  - {from: muc, to: dd, time: 5h}\n", FAR_TEXT);
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 0);
    /* vdd ends 10:00 + 5h = 15:00 ≤ 16:00. */
    const itin_item *t = item(r.it, "transfer:vdd:vmuc");
    assert_int_equal(t->minutes, 300);
    assert_int_equal(t->local_end, HM(15, 0));
    finish(&r);
}

static void
place_without_geo_is_an_error(void **state)
{
    (void)state;
    static const char text[] = DELEGATION(
        "2022-11-22", "2022-11-23",
        WINDOW_8_20) "institutions:\n"
                     "  - {id: dd, name: Dresden Hbf, region: DE-SN, geo: [51.0404, 13.7320]}\n"
                     "  - {id: nogeo, name: Irgendwo, region: DE-SN}\n"
                     "visits:\n"
                     "  - {id: v1, title: Eins, at: dd, date: 2022-11-22, start: \"09:00\", duration: 1h}\n"
                     "  - {id: v2, title: Zwei, at: nogeo, date: 2022-11-22, start: \"14:00\", duration: "
                     "1h}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    double km = 1;
    bool est = true;
    char err[512] = "";
    assert_int_equal(itin_transfer_minutes(r.p, inst(r.p, "dd"), inst(r.p, "nogeo"), ITIN_MODE_CAR, &km, &est,
                                           err, sizeof err),
                     -1);
    assert_true(km == 0.0); /* unknown distance */
    assert_non_null(strstr(err, "nogeo"));
    assert_non_null(strstr(err, "geo"));
    assert_non_null(strstr(err, "travel_times"));
    assert_null(r.it);
    DIAG(&r.d, ITIN_ERROR, "nogeo", "travel_times");
    finish(&r);
}

/* ------------------------------------------------------------ 4. first fit */

static void
first_fit_before_and_after_a_fixed_visit(void **state)
{
    (void)state;
    static const char text[] =
        DELEGATION("2022-11-22", "2022-11-23",
                   WINDOW_8_20 "  buffer: 10m\n") "institutions:\n" DRESDEN_PLACES DRESDEN_TIMES "visits:\n"
                                                  "  - {id: xa, title: Vorher, at: wfs, date: 2022-11-22, "
                                                  "duration: 2h30m, with: [lee]}\n"
                                                  "  - {id: xb, title: Nachher, at: wfs, date: 2022-11-22, "
                                                  "duration: 2h35m, with: [research]}\n"
                                                  "  - {id: fixed, title: Fest, at: hub, date: 2022-11-22, "
                                                  "start: \"11:00\", duration: 1h}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 0);
    /* xa: 08:00 + 2h30 = 10:30, + 20 (wfs→hub) + 10 buffer = 11:00 ≤ 11:00:
     * fits before. */
    const itin_item *xa = item(r.it, "xa");
    assert_false(xa->fixed);
    assert_int_equal(xa->local_start, HM(8, 0));
    assert_int_equal(xa->local_end, HM(10, 30));
    /* xb: 08:00 + 2h35 + 30 = 11:05 > 11:00: after, at 12:00 + 20 + 10 =
     * 12:30, until 15:05. */
    const itin_item *xb = item(r.it, "xb");
    assert_int_equal(xb->local_start, HM(12, 30));
    assert_int_equal(xb->local_end, HM(15, 5));
    assert_int_equal(xb->end - xb->start, 155 * 60);
    /* The transfers: lee xa→fixed, park fixed→xb. */
    const itin_item *t1 = item(r.it, "transfer:xa:fixed");
    assert_int_equal(t1->local_start, HM(10, 30));
    assert_int_equal(t1->local_end, HM(10, 50));
    assert_int_equal(t1->who[0], LEE);
    const itin_item *t2 = item(r.it, "transfer:fixed:xb");
    assert_int_equal(t2->local_start, HM(12, 0));
    assert_int_equal(t2->local_end, HM(12, 20));
    assert_int_equal(t2->who[0], PARK);
    finish(&r);
}

static void
first_fit_pushed_to_opening_time(void **state)
{
    (void)state;
    static const char text[] =
        DELEGATION("2022-11-22", "2022-11-23",
                   WINDOW_8_20) "institutions:\n"
                                "  - {id: iwu, name: Fraunhofer IWU, region: DE-SN, geo: [50.8163, 12.9305],"
                                " hours: {mon-fri: \"09:30-17:00\"}}\n"
                                "visits:\n"
                                "  - {id: tour, title: Rundgang, at: iwu, date: 2022-11-22, duration: 1h}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 0);
    /* The window opens at 08:00, the place at 09:30. */
    const itin_item *v = item(r.it, "tour");
    assert_int_equal(v->local_start, HM(9, 30));
    assert_int_equal(v->local_end, HM(10, 30));
    /* 2022-11-22 09:30 CET = 08:30 UTC. */
    assert_int_equal(v->start, utc(2022, 11, 22, 8, 30));
    assert_int_equal(v->offset_start, 3600);
    finish(&r);
}

static void
first_fit_pushed_past_lunch(void **state)
{
    (void)state;
    static const char text[] =
        DELEGATION("2022-11-22", "2022-11-23",
                   WINDOW_8_20
                   "  buffer: 10m\n") "institutions:\n"
                                      "  - {id: ilk, name: ILK, region: DE-SN, geo: [51.0280, 13.7270],"
                                      " hours: {mon-fri: [\"09:00-12:00\", \"13:00-17:00\"]}}\n"
                                      "visits:\n"
                                      "  - {id: lab, title: Labor, at: ilk, date: 2022-11-22, duration: 1h}\n"
                                      "  - {id: talk, title: Vortrag, at: ilk, date: 2022-11-22, start: "
                                      "\"09:00\", end: \"11:30\"}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 0);
    /* After talk: 11:30 + 0 (same place) + 10 buffer = 11:40; 11:40 + 1h =
     * 12:40 > 12:00, so the morning interval cannot hold it: 13:00. */
    const itin_item *v = item(r.it, "lab");
    assert_int_equal(v->local_start, HM(13, 0));
    assert_int_equal(v->local_end, HM(14, 0));
    finish(&r);
}

static void
first_fit_nowhere_is_a_conflict(void **state)
{
    (void)state;
    static const char text[] =
        DELEGATION("2022-11-22", "2022-11-23",
                   WINDOW_8_20 "  buffer: 10m\n") "institutions:\n" DRESDEN_PLACES DRESDEN_TIMES "visits:\n"
                                                  "  - {id: late-talk, title: Spät, at: wfs, date: "
                                                  "2022-11-22, duration: 2h, with: [lee]}\n"
                                                  "  - {id: blocker, title: Lang, at: wfs, date: 2022-11-22, "
                                                  "start: \"08:00\", end: \"19:00\","
                                                  " with: [lee]}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it); /* conflicts still give an itinerary */
    /* Before blocker: 08:00 + 2h > 08:00. After: 19:00 + 10 = 19:10, + 2h =
     * 21:10 > 20:00. Nowhere. */
    assert_int_equal(r.d.conflicts, 1);
    const itin_diag *c = DIAG(&r.d, ITIN_CONFLICT, "'late-talk'", "2022-11-22", "08:00", "20:00");
    assert_int_equal(c->pos.line, line_of(r.text, "{id: late-talk"));
    assert_int_equal(c->pos.col, col_of(r.text, "{id: late-talk"));
    assert_int_equal(r.d.errors, 0);
    finish(&r);
}

/* ---------------------------------------------------------- 5. day window */

static void
flexible_never_before_day_start(void **state)
{
    (void)state;
    static const char text[] =
        DELEGATION("2022-11-22", "2022-11-23",
                   "  day: {start: \"09:00\", end: \"18:00\"}\n") "institutions:\n"
                                                                  "  - {id: early, name: Frühaufsteher, "
                                                                  "region: DE-SN, geo: [51.05, 13.74], "
                                                                  "hours: {mon-fri: \"07:00-17:00\"}}\n"
                                                                  "visits:\n"
                                                                  "  - {id: v, title: V, at: early, date: "
                                                                  "2022-11-22, duration: 1h}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    /* Open from 07:00, but the window starts at 09:00. */
    assert_int_equal(item(r.it, "v")->local_start, HM(9, 0));
    finish(&r);
}

static void
flexible_window_includes_morning_transfer(void **state)
{
    (void)state;
    static const char text[] = DELEGATION(
        "2022-11-21", "2022-11-23",
        "  day: {start: \"09:00\", end: \"18:00\"}\n  buffer: 10m\n") "institutions:\n" DRESDEN_PLACES
        DRESDEN_TIMES "visits:\n"
                                                                      "  - {id: v, title: V, at: hub, date: "
                                                                      "2022-11-22, duration: 1h}\n"
                                                                      "lodging:\n"
                                                                      "  - {at: hotel, from: 2022-11-21, to: "
                                                                      "2022-11-22}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 0);
    /* The transfer from the hotel leaves at 09:00 at the earliest: 09:00 +
     * 30 (hotel→hub) + 10 buffer = 09:40. */
    const itin_item *v = item(r.it, "v");
    assert_int_equal(v->local_start, HM(9, 40));
    const itin_item *t = item(r.it, "transfer:hotel:hotel@2022-11-21:v");
    assert_int_equal(t->local_start, HM(9, 0));
    assert_int_equal(t->local_end, HM(9, 30));
    finish(&r);
}

static void
fixed_visit_outside_window_is_a_warning(void **state)
{
    (void)state;
    static const char text[] = DELEGATION("2022-11-22", "2022-11-23",
                                          WINDOW_8_20) "institutions:\n" DRESDEN_PLACES "visits:\n"
                                                       "  - {id: breakfast, title: Frühstück, at: wfs, date: "
                                                       "2022-11-22, start: \"07:00\", duration: 45m}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 0);
    assert_int_equal(r.d.errors, 0);
    assert_int_equal(r.d.warnings, 1);
    const itin_diag *w = DIAG(&r.d, ITIN_WARNING, "'breakfast'", "window");
    assert_int_equal(w->pos.line, line_of(r.text, "{id: breakfast"));
    /* It keeps its time. */
    assert_int_equal(item(r.it, "breakfast")->local_start, HM(7, 0));
    finish(&r);
}

static void
travel_leg_outside_window_is_fine(void **state)
{
    (void)state;
    static const char text[] =
        DELEGATION("2022-11-22", "2022-11-23",
                   WINDOW_8_20) "institutions:\n"
                                "  - {id: dd, name: Dresden Hbf, region: DE-SN, geo: [51.0404, 13.7320]}\n"
                                "  - {id: chem, name: Chemnitz Hbf, region: DE-SN, geo: [50.8394, 12.9306]}\n"
                                "travel:\n"
                                "  - {id: re3, mode: train, from: dd, to: chem, depart: 2022-11-22 06:00, "
                                "arrive: 2022-11-22 07:10,"
                                " with: [lee]}\n"
                                "  - {id: re3-back, mode: train, from: chem, to: dd, depart: 2022-11-22 "
                                "21:00, arrive: 2022-11-22 22:10,"
                                " with: [park]}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    /* 06:00 and 22:10 are outside 08:00–20:00: not a conflict, not even a
     * warning (lee and park one leg each, so no long day either). */
    assert_int_equal(r.d.count, 0);
    assert_int_equal(item(r.it, "re3")->local_start, HM(6, 0));
    assert_int_equal(item(r.it, "re3-back")->local_end, HM(22, 10));
    finish(&r);
}

/* ------------------------------------------------------------- 6. holidays */

static const char HOL_PLACES[] = "  - {id: sn, name: Institut Dresden, region: DE-SN, geo: [51.0280, "
                                 "13.7270], hours: {mon-fri: \"08:00-17:00\"}}\n"
                                 "  - {id: by, name: Institut München, region: DE-BY, geo: [48.1374, "
                                 "11.5755], hours: {mon-fri: \"08:00-17:00\"}}\n";

static void
holiday_runner(run *r, char *buf, size_t n, const char *places, const char *visits, const char *extra)
{
    snprintf(buf, n, "%sinstitutions:\n%s%svisits:\n%s%s", DELEGATION("2022-10-01", "2022-12-31", ""),
             HOL_PLACES, places, visits, extra);
    schedule(r, buf);
    assert_non_null(r->it);
}

static void
holiday_bettag_in_saxony(void **state)
{
    (void)state;
    char buf[4096];
    static run r; /* static: the teardown may free it after a failed assertion */
    /* 2022-11-16 is a Wednesday, Buß- und Bettag in Saxony only. */
    holiday_runner(&r, buf, sizeof buf, "",
                   "  - {id: sn-visit, title: S, at: sn, date: 2022-11-16, start: \"10:00\", duration: 1h,"
                   " with: [lee]}\n",
                   "");
    assert_int_equal(r.d.conflicts, 1);
    const itin_diag *c = DIAG(&r.d, ITIN_CONFLICT, "'sn-visit'", "Buß- und Bettag (DE-SN)");
    assert_int_equal(c->pos.line, line_of(r.text, "{id: sn-visit"));
    finish(&r);
}

static void
holiday_bettag_not_in_bavaria(void **state)
{
    (void)state;
    char buf[4096];
    static run r; /* static: the teardown may free it after a failed assertion */
    holiday_runner(&r, buf, sizeof buf, "",
                   "  - {id: by-visit, title: B, at: by, date: 2022-11-16, start: \"10:00\", duration: 1h,"
                   " with: [park]}\n",
                   "");
    assert_int_equal(r.d.conflicts, 0);
    assert_int_equal(r.d.count, 0);
    assert_int_equal(item(r.it, "by-visit")->local_start, HM(10, 0));
    finish(&r);
}

static void
holiday_bettag_flexible_visit(void **state)
{
    (void)state;
    char buf[4096];
    static run r; /* static: the teardown may free it after a failed assertion */
    holiday_runner(&r, buf, sizeof buf, "",
                   "  - {id: sn-flex, title: S, at: sn, date: 2022-11-16, duration: 1h, with: [lee]}\n", "");
    assert_int_equal(r.d.conflicts, 1);
    DIAG(&r.d, ITIN_CONFLICT, "'sn-flex'", "Buß- und Bettag (DE-SN)");
    finish(&r);
}

static void
holiday_national_at_a_regional_place(void **state)
{
    (void)state;
    char buf[4096];
    static run r; /* static: the teardown may free it after a failed assertion */
    /* 2022-10-03 (Monday): Tag der Deutschen Einheit, national, so it holds
     * in DE-SN and DE-BY alike. */
    holiday_runner(&r, buf, sizeof buf, "",
                   "  - {id: sn-visit, title: S, at: sn, date: 2022-10-03, start: \"10:00\", duration: 1h,"
                   " with: [lee]}\n"
                   "  - {id: by-visit, title: B, at: by, date: 2022-10-03, start: \"10:00\", duration: 1h,"
                   " with: [park]}\n",
                   "");
    assert_int_equal(r.d.conflicts, 2);
    DIAG(&r.d, ITIN_CONFLICT, "'sn-visit'", "Tag der Deutschen Einheit");
    DIAG(&r.d, ITIN_CONFLICT, "'by-visit'", "Tag der Deutschen Einheit");
    finish(&r);
}

static void
holiday_open_on_holidays(void **state)
{
    (void)state;
    char buf[4096];
    static run r; /* static: the teardown may free it after a failed assertion */
    holiday_runner(
        &r, buf, sizeof buf,
        "  - {id: open, name: Immer offen, region: DE-SN, geo: [51.0440, 13.7440],"
        " hours: {mon-fri: \"08:00-17:00\"}, open_on_holidays: true}\n",
        "  - {id: v, title: V, at: open, date: 2022-11-16, start: \"10:00\", duration: 1h, with: [lee]}\n",
        "");
    assert_int_equal(r.d.conflicts, 0);
    assert_int_equal(r.d.count, 0);
    finish(&r);
}

static void
holiday_closed_dates(void **state)
{
    (void)state;
    char buf[4096];
    static run r; /* static: the teardown may free it after a failed assertion */
    /* Open every day, but closed on 2022-12-24 (a Saturday: the weekend
     * warning comes on top, the reason is the closed date). */
    holiday_runner(
        &r, buf, sizeof buf,
        "  - {id: xmas, name: Weihnachtsmarkt, region: DE-SN, geo: [51.0440, 13.7440],"
        " hours: {mon-sun: \"08:00-17:00\"}, closed: [2022-12-24]}\n",
        "  - {id: v23, title: V, at: xmas, date: 2022-12-23, start: \"10:00\", duration: 1h, with: [lee]}\n"
        "  - {id: v24, title: V, at: xmas, date: 2022-12-24, start: \"10:00\", duration: 1h, with: [lee]}\n",
        "");
    assert_int_equal(r.d.conflicts, 1);
    const itin_diag *c = DIAG(&r.d, ITIN_CONFLICT, "'v24'", "closed 2022-12-24");
    assert_int_equal(c->pos.line, line_of(r.text, "{id: v24"));
    finish(&r);
}

static void
holiday_saturday_at_weekday_place(void **state)
{
    (void)state;
    char buf[4096];
    static run r; /* static: the teardown may free it after a failed assertion */
    /* 2022-11-26 is a Saturday; sn opens mon-fri. */
    holiday_runner(
        &r, buf, sizeof buf, "",
        "  - {id: sat, title: S, at: sn, date: 2022-11-26, start: \"10:00\", duration: 1h, with: [lee]}\n",
        "");
    assert_int_equal(r.d.conflicts, 1);
    DIAG(&r.d, ITIN_CONFLICT, "'sat'", "Saturday");
    finish(&r);
}

static void
holiday_user_entry_with_region(void **state)
{
    (void)state;
    char buf[4096];
    static run r; /* static: the teardown may free it after a failed assertion */
    holiday_runner(&r, buf, sizeof buf, "",
                   "  - {id: sn-visit, title: S, at: sn, date: 2022-11-22, start: \"10:00\", duration: 1h,"
                   " with: [lee]}\n"
                   "  - {id: by-visit, title: B, at: by, date: 2022-11-22, start: \"10:00\", duration: 1h,"
                   " with: [park]}\n",
                   "holidays:\n  - {date: 2022-11-22, name: Betriebsausflug, region: DE-SN}\n");
    /* Only the DE-SN place closes. */
    assert_int_equal(r.d.conflicts, 1);
    DIAG(&r.d, ITIN_CONFLICT, "'sn-visit'", "Betriebsausflug (DE-SN)");
    assert_null(find_diag(&r.d, ITIN_CONFLICT, "'by-visit'", (const char *)NULL));
    finish(&r);
}

static void
holiday_user_entry_everywhere(void **state)
{
    (void)state;
    char buf[4096];
    static run r; /* static: the teardown may free it after a failed assertion */
    /* Without region or country: every place that has hours. */
    holiday_runner(&r, buf, sizeof buf,
                   "  - {id: nohours, name: Ohne Zeiten, region: DE-SN, geo: [51.0440, 13.7440]}\n",
                   "  - {id: sn-visit, title: S, at: sn, date: 2022-11-23, start: \"10:00\", duration: 1h,"
                   " with: [lee]}\n"
                   "  - {id: by-visit, title: B, at: by, date: 2022-11-23, start: \"10:00\", duration: 1h,"
                   " with: [park]}\n"
                   "  - {id: free, title: F, at: nohours, date: 2022-11-23, start: \"14:00\", duration: 1h,"
                   " with: [lee]}\n",
                   "holidays:\n  - {date: 2022-11-23, name: Betriebsruhe}\n");
    assert_int_equal(r.d.conflicts, 2);
    DIAG(&r.d, ITIN_CONFLICT, "'sn-visit'", "Betriebsruhe");
    DIAG(&r.d, ITIN_CONFLICT, "'by-visit'", "Betriebsruhe");
    assert_null(find_diag(&r.d, ITIN_CONFLICT, "'free'", (const char *)NULL));
    finish(&r);
}

static void
holiday_weekend_at_always_open_place(void **state)
{
    (void)state;
    char buf[4096];
    static run r; /* static: the teardown may free it after a failed assertion */
    holiday_runner(
        &r, buf, sizeof buf, "  - {id: nohours, name: Ohne Zeiten, region: DE-SN, geo: [51.0440, 13.7440]}\n",
        "  - {id: sat, title: S, at: nohours, date: 2022-11-26, start: \"10:00\", duration: 1h}\n", "");
    assert_int_equal(r.d.conflicts, 0);
    assert_int_equal(r.d.warnings, 1);
    const itin_diag *w = DIAG(&r.d, ITIN_WARNING, "'sat'", "Saturday");
    assert_int_equal(w->pos.line, line_of(r.text, "{id: sat"));
    finish(&r);
}

static const char KR_TEXT_FMT[] = DELEGATION(
    "2023-09-25", "2023-10-06",
    "") "institutions:\n"
        "  - {id: coex, name: COEX, %s, timezone: Asia/Seoul, geo: [37.5118, 127.0593],"
        " hours: {mon-fri: \"09:00-18:00\"}%s}\n"
        "visits:\n"
        "  - {id: expo, title: Expo, at: coex, date: 2023-09-29, start: \"10:00\", duration: 2h}\n";

static void
holiday_chuseok_korea(void **state)
{
    (void)state;
    char buf[4096];
    static run r; /* static: the teardown may free it after a failed assertion */
    /* 2023-09-29 is a Friday, the middle day of Chuseok. */
    snprintf(buf, sizeof buf, KR_TEXT_FMT, "country: KR", "");
    schedule(&r, buf);
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 1);
    DIAG(&r.d, ITIN_CONFLICT, "'expo'", "Chuseok (KR)");
    /* Local to Seoul: 10:00 KST = 01:00 UTC, +09:00. */
    const itin_item *v = item(r.it, "expo");
    assert_int_equal(v->offset_start, 9 * 3600);
    assert_int_equal(v->start, utc(2023, 9, 29, 1, 0));
    finish(&r);
}

static void
holiday_chuseok_region_without_calendar(void **state)
{
    (void)state;
    char buf[4096];
    static run r; /* static: the teardown may free it after a failed assertion */
    /* KR-11 (Seoul) has no calendar of its own: it has KR's. */
    snprintf(buf, sizeof buf, KR_TEXT_FMT, "region: KR-11", "");
    schedule(&r, buf);
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 1);
    DIAG(&r.d, ITIN_CONFLICT, "'expo'", "Chuseok");
    finish(&r);
}

static void
holiday_chuseok_open_on_holidays(void **state)
{
    (void)state;
    char buf[4096];
    static run r; /* static: the teardown may free it after a failed assertion */
    snprintf(buf, sizeof buf, KR_TEXT_FMT, "country: KR", ", open_on_holidays: true");
    schedule(&r, buf);
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 0);
    assert_int_equal(r.d.count, 0);
    finish(&r);
}

/* ------------------------------------------------------------------ 7. DST */

static const char DST_PLACES[] =
    "institutions:\n"
    "  - {id: icn, name: Incheon International Airport, country: KR, timezone: Asia/Seoul,"
    " geo: [37.4602, 126.4407]}\n"
    "  - {id: fra, name: Flughafen Frankfurt, region: DE-HE, geo: [50.0379, 8.5622]}\n"
    "  - {id: sfo, name: San Francisco International Airport, country: US, timezone: America/Los_Angeles,"
    " geo: [37.6213, -122.3790]}\n"
    "  - {id: bln, name: Rotes Rathaus, region: DE-BE, geo: [52.5186, 13.4081]}\n";

static void
dst_flight_seoul_frankfurt(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s%s%s", DELEGATION("2022-10-28", "2022-11-01", ""), DST_PLACES,
             "travel:\n"
             "  - {id: oz541, mode: flight, from: icn, to: fra, depart: 2022-10-30 13:00,"
             " arrive: 2022-10-30 17:30, ref: OZ 541}\n");
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    assert_non_null(r.it);
    /* (12h30m of items is a long day: that warning is allowed.) */
    assert_int_equal(r.d.errors, 0);
    assert_int_equal(r.d.conflicts, 0);
    const itin_item *f = item(r.it, "oz541");
    assert_int_equal(f->kind, ITIN_ITEM_TRAVEL);
    /* Depart 13:00 KST (+09:00) = 04:00 UTC = 1667102400. */
    assert_int_equal(f->offset_start, 9 * 3600);
    assert_int_equal(f->start, 1667102400);
    assert_int_equal(f->start, utc(2022, 10, 30, 4, 0));
    /* Arrive 17:30 in Frankfurt: Europe left summer time at 01:00 UTC that
     * morning, so CET +01:00, 16:30 UTC = 1667147400. */
    assert_int_equal(f->offset_end, 3600);
    assert_int_equal(f->end, 1667147400);
    /* 04:00 → 16:30 UTC: 12h30m = 45000 s (not 11h30m as with +02:00). */
    assert_int_equal(f->end - f->start, 45000);
    assert_int_equal(f->local_start, HM(13, 0));
    assert_int_equal(f->local_end, HM(17, 30));
    assert_int_equal(f->local_start_date, itin_date_from_ymd(2022, 10, 30));
    assert_int_equal(f->local_end_date, itin_date_from_ymd(2022, 10, 30));
    assert_int_equal(f->date, itin_date_from_ymd(2022, 10, 30));
    assert_string_equal(f->tz_start, "Asia/Seoul");
    assert_string_equal(f->tz_end, "Europe/Berlin");
    finish(&r);
}

static void
dst_berlin_before_and_after(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s%s%s", DELEGATION("2022-10-28", "2022-11-01", ""), DST_PLACES,
             "visits:\n"
             "  - {id: sat, title: Sa, at: bln, date: 2022-10-29, start: \"10:00\", duration: 1h}\n"
             "  - {id: mon, title: Mo, at: bln, date: 2022-10-31, start: \"10:00\", duration: 1h}\n");
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    assert_non_null(r.it);
    const itin_item *a = item(r.it, "sat"), *b = item(r.it, "mon");
    /* Saturday 10:00 CEST (+02:00) = 08:00 UTC = 1667030400. */
    assert_int_equal(a->offset_start, 7200);
    assert_int_equal(a->start, 1667030400);
    /* Monday 10:00 CET (+01:00) = 09:00 UTC = 1667206800. */
    assert_int_equal(b->offset_start, 3600);
    assert_int_equal(b->start, 1667206800);
    /* Two days and an hour apart: 2 × 86400 + 3600 = 176400. */
    assert_int_equal(b->start - a->start, 176400);
    assert_int_equal(a->local_start, HM(10, 0));
    assert_int_equal(b->local_start, HM(10, 0));
    finish(&r);
}

static void
dst_gap_is_an_error(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s%s%s",
             DELEGATION("2022-03-25", "2022-03-28", "  day: {start: \"00:00\", end: \"23:00\"}\n"),
             DST_PLACES,
             "visits:\n"
             "  - {id: gap, title: Lücke, at: bln, date: 2022-03-27, start: \"02:30\", duration: 1h}\n");
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    /* 2022-03-27 02:00 → 03:00 in Berlin: 02:30 never happens. */
    assert_null(r.it);
    assert_int_equal(r.d.errors, 1);
    const itin_diag *e = DIAG(&r.d, ITIN_ERROR, "02:30", "Europe/Berlin");
    assert_int_equal(e->pos.line, line_of(r.text, "{id: gap"));
    finish(&r);
}

static void
dst_fold_takes_first_with_warning(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s%s%s",
             DELEGATION("2022-10-28", "2022-11-01", "  day: {start: \"00:00\", end: \"23:00\"}\n"),
             DST_PLACES,
             "visits:\n"
             "  - {id: fold, title: Doppelt, at: bln, date: 2022-10-30, start: \"02:30\", duration: 1h}\n");
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    assert_non_null(r.it);
    assert_int_equal(r.d.errors, 0);
    assert_int_equal(r.d.conflicts, 0);
    const itin_diag *w = DIAG(&r.d, ITIN_WARNING, "02:30", "Europe/Berlin");
    assert_int_equal(w->pos.line, line_of(r.text, "{id: fold"));
    const itin_item *v = item(r.it, "fold");
    /* The first 02:30 is CEST (+02:00): 00:30 UTC = 1667089800. */
    assert_int_equal(v->offset_start, 7200);
    assert_int_equal(v->start, 1667089800);
    /* An hour later is 01:30 UTC = 02:30 again, now CET (+01:00). */
    assert_int_equal(v->end, 1667089800 + 3600);
    assert_int_equal(v->offset_end, 3600);
    assert_int_equal(v->local_start, HM(2, 30));
    assert_int_equal(v->local_end, HM(2, 30));
    finish(&r);
}

/* ------------------------------------------- 7b. times that are never wrong */

/* A DST delegation around both clock changes of 2023, with a whole-day
 * window, and a place in each awkward zone. */
#define DST23(start, end, opts) DELEGATION(start, end, "  day: {start: \"00:00\", end: \"24:00\"}\n" opts)

static const char ZONE_PLACES[] =
    "institutions:\n"
    "  - {id: bln, name: Rotes Rathaus, region: DE-BE, geo: [52.5186, 13.4081]}\n"
    "  - {id: apia, name: Apia Parliament, timezone: Pacific/Apia, geo: [-13.8333, -171.7500]}\n"
    "  - {id: kiri, name: Kiritimati, timezone: Pacific/Kiritimati, geo: [1.8721, -157.4278]}\n"
    "  - {id: ams, name: Rijksmuseum, timezone: Europe/Amsterdam, geo: [52.3600, 4.8852]}\n"
    "  - {id: tgl, name: Flughafen Tegel, region: DE-BE, geo: [52.5597, 13.2877]}\n";

static void
fixed_end_across_autumn_change(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s%s%s", DST23("2023-10-28", "2023-10-30", ""), ZONE_PLACES,
             "visits:\n"
             "  - {id: day, title: Tag, at: bln, date: 2023-10-29, start: \"00:00\", end: \"24:00\"}\n");
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    assert_non_null(r.it);
    const itin_item *v = item(r.it, "day");
    /* 29 October 2023 has 25 hours in Berlin: 00:00 CEST (22:00 UTC the day
     * before) to 00:00 CET on the 30th (23:00 UTC) = 90000 s. */
    assert_int_equal(v->start, utc(2023, 10, 28, 22, 0));
    assert_int_equal(v->end, utc(2023, 10, 29, 23, 0));
    assert_int_equal(v->local_end, HM(0, 0));
    assert_int_equal(v->local_end_date, itin_date_from_ymd(2023, 10, 30));
    finish(&r);
}

static void
fixed_end_across_spring_change(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s%s%s", DST23("2023-03-25", "2023-03-27", ""), ZONE_PLACES,
             "visits:\n"
             "  - {id: night, title: Nacht, at: bln, date: 2023-03-26, start: \"01:00\", end: \"04:00\"}\n"
             "  - {id: early, title: Früh, at: bln, date: 2023-03-26, start: \"04:00\", duration: 1h}\n");
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 0);
    const itin_item *v = item(r.it, "night");
    /* 01:00 CET = 00:00 UTC; 04:00 CEST = 02:00 UTC: two real hours, and
     * the visit ends when 'early' begins (no overlap). */
    assert_int_equal(v->start, utc(2023, 3, 26, 0, 0));
    assert_int_equal(v->end, utc(2023, 3, 26, 2, 0));
    assert_int_equal(v->local_end, HM(4, 0));
    assert_int_equal(item(r.it, "early")->start, v->end);
    finish(&r);
}

static void
end_in_the_gap_is_an_error(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s%s%s", DST23("2023-03-25", "2023-03-27", ""), ZONE_PLACES,
             "visits:\n"
             "  - {id: night, title: Nacht, at: bln, date: 2023-03-26, start: \"01:00\", end: \"02:30\"}\n");
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    assert_null(r.it);
    assert_int_equal(r.d.errors, 1);
    const itin_diag *e = DIAG(&r.d, ITIN_ERROR, "end time 2023-03-26 02:30 does not exist in Europe/Berlin",
                              "from 02:00 to 03:00");
    assert_int_equal(e->pos.line, line_of(r.text, "{id: night"));
    assert_int_equal(e->pos.col, col_of(r.text, "\"02:30\""));
    assert_null(strstr(e->message, "daylight"));
    finish(&r);
}

static void
fold_warning_names_both_offsets(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s%s%s", DST23("2023-10-28", "2023-10-30", ""), ZONE_PLACES,
             "visits:\n"
             "  - {id: fold, title: Doppelt, at: bln, date: 2023-10-29, start: \"01:30\", end: \"02:30\"}\n");
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    assert_non_null(r.it);
    /* The end, not the start, is ambiguous: the first 02:30 (+02:00) is
     * taken, an hour after 01:30 CEST. */
    const itin_diag *w =
        DIAG(&r.d, ITIN_WARNING, "end time 2023-10-29 02:30 happens twice in Europe/Berlin",
             "UTC+02:00 and again at UTC+01:00", "the first (+02:00) is taken", "\"02:30+01:00\"");
    assert_int_equal(w->pos.col, col_of(r.text, "\"02:30\""));
    const itin_item *v = item(r.it, "fold");
    assert_int_equal(v->end - v->start, 3600);
    assert_int_equal(v->offset_end, 7200);
    finish(&r);
}

static void
explicit_offset_picks_the_second(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(
        buf, sizeof buf, "%s%s%s", DST23("2023-10-28", "2023-10-30", ""), ZONE_PLACES,
        "visits:\n"
        "  - {id: fold, title: Doppelt, at: bln, date: 2023-10-29, start: \"02:30+01:00\", duration: 1h,"
        " with: [lee]}\n"
        "travel:\n"
        "  - {id: late, mode: taxi, from: tgl, to: bln, depart: 2023-10-29 02:00+01:00, arrive: 2023-10-29 "
        "02:15+01:00, with: [park]}\n");
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    assert_non_null(r.it);
    assert_null(find_diag(&r.d, ITIN_WARNING, "happens twice", (const char *)NULL));
    /* The second 02:30 is CET: 01:30 UTC; the leg runs 01:00–01:15 UTC. */
    const itin_item *v = item(r.it, "fold");
    assert_int_equal(v->start, utc(2023, 10, 29, 1, 30));
    assert_int_equal(v->offset_start, 3600);
    const itin_item *l = item(r.it, "late");
    assert_int_equal(l->start, utc(2023, 10, 29, 1, 0));
    assert_int_equal(l->end, utc(2023, 10, 29, 1, 15));
    finish(&r);
}

static void
explicit_offset_the_place_lacks_is_an_error(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(
        buf, sizeof buf, "%s%s%s", DST23("2023-10-28", "2023-10-30", ""), ZONE_PLACES,
        "visits:\n"
        "  - {id: fold, title: Doppelt, at: bln, date: 2023-10-29, start: \"02:30+03:00\", duration: 1h}\n");
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    assert_null(r.it);
    assert_int_equal(r.d.errors, 1);
    DIAG(&r.d, ITIN_ERROR, "02:30+03:00 is not a time of Europe/Berlin", "UTC+02:00 or at UTC+01:00");
    finish(&r);
}

static void
leg_times_in_gap_and_fold(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(
        buf, sizeof buf, "%s%s%s", DELEGATION("2022-03-25", "2022-11-01", ""), DST_PLACES,
        "travel:\n"
        "  - {id: spring, mode: flight, from: icn, to: bln, depart: 2022-03-27 01:00, arrive: 2022-03-27 "
        "02:30}\n"
        "  - {id: autumn, mode: flight, from: bln, to: icn, depart: 2022-10-30 02:30, arrive: 2022-10-30 "
        "20:00}\n");
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    assert_null(r.it);
    assert_int_equal(r.d.errors, 1);
    const itin_diag *e = DIAG(&r.d, ITIN_ERROR, "arrival 2022-03-27 02:30 does not exist in Europe/Berlin");
    assert_int_equal(e->pos.line, line_of(r.text, "arrive: 2022-03-27"));
    DIAG(&r.d, ITIN_WARNING, "departure 2022-10-30 02:30 happens twice in Europe/Berlin",
         "\"2022-10-30 02:30+01:00\"");
    finish(&r);
}

static void
day_window_in_the_gap_is_an_error(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s%s%s",
             DELEGATION("2022-03-26", "2022-03-27", "  day: {start: \"02:30\", end: \"20:00\"}\n"),
             DST_PLACES,
             "visits:\n"
             "  - {id: flex, title: Flexibel, at: bln, date: 2022-03-27, duration: 1h}\n");
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    assert_null(r.it);
    assert_int_equal(r.d.errors, 1);
    const itin_diag *e =
        DIAG(&r.d, ITIN_ERROR, "the day window's start 02:30 does not exist on 2022-03-27 in Europe/Berlin");
    assert_int_equal(e->pos.line, line_of(r.text, "{id: flex"));
    finish(&r);
}

static void
day_window_in_the_fold_warns(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s%s%s",
             DELEGATION("2022-10-29", "2022-10-30", "  day: {start: \"02:30\", end: \"20:00\"}\n"),
             DST_PLACES,
             "visits:\n"
             "  - {id: flex, title: Flexibel, at: bln, date: 2022-10-30, duration: 1h}\n");
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    assert_non_null(r.it);
    DIAG(&r.d, ITIN_WARNING, "the day window's start 02:30 happens twice on 2022-10-30 in Europe/Berlin",
         "the first (+02:00) is taken");
    /* Placed at the first 02:30, CEST: 00:30 UTC. */
    assert_int_equal(item(r.it, "flex")->start, utc(2022, 10, 30, 0, 30));
    finish(&r);
}

static void
place_without_hours_is_open_around_the_clock(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(
        buf, sizeof buf, "%s%s%s", DST23("2023-03-24", "2023-03-27", ""), ZONE_PLACES,
        "visits:\n"
        "  - {id: dinner, title: Abendessen, at: bln, date: 2023-03-24, start: \"22:30\", duration: 2h}\n"
        "  - {id: long, title: Lang, at: bln, date: 2023-03-26, start: \"00:00\", duration: 24h}\n");
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    assert_non_null(r.it);
    /* 22:30–00:30, and 24 real hours from 00:00 on a 23-hour day (to 01:00
     * on the 27th): neither is outside opening hours the place has not got. */
    assert_null(find_diag(&r.d, ITIN_CONFLICT, "opening hours", (const char *)NULL));
    assert_int_equal(r.d.conflicts, 0);
    assert_int_equal(item(r.it, "long")->local_end, HM(1, 0));
    finish(&r);
}

/* One error that names the skipped date and nothing after it, for a
 * flexible and a fixed visit alike. */
static void
expect_one_skipped_day_error(const char *visit, const char *zone, const char *date)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s%s%s%s",
             strcmp(date, "2011-12-30") == 0 ? DST23("2011-12-29", "2011-12-31", "")
                                             : DST23("1994-12-30", "1995-01-01", ""),
             ZONE_PLACES, "visits:\n", visit);
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    assert_null(r.it);
    assert_int_equal(r.d.errors, 1);
    assert_int_equal(r.d.conflicts, 0);
    const itin_diag *e = DIAG(&r.d, ITIN_ERROR, date, zone, "skipped that day");
    assert_null(strstr(e->message, "daylight"));
    assert_int_equal(e->pos.line, line_of(r.text, "{id: v"));
    for (size_t i = 0; i < r.d.count; i++)
        assert_true(r.d.items[i].severity == ITIN_ERROR || !strstr(r.d.items[i].message, "window"));
    finish(&r);
}

static void
skipped_day_is_one_error(void **state)
{
    (void)state;
    expect_one_skipped_day_error("  - {id: v, title: Flexibel, at: apia, date: 2011-12-30, duration: 2h}\n",
                                 "Pacific/Apia", "2011-12-30");
    expect_one_skipped_day_error(
        "  - {id: v, title: Fest, at: apia, date: 2011-12-30, start: \"10:00\", duration: 2h}\n",
        "Pacific/Apia", "2011-12-30");
    expect_one_skipped_day_error(
        "  - {id: v, title: Fest, at: kiri, date: 1994-12-31, start: \"23:00\", end: \"24:00\"}\n",
        "Pacific/Kiritimati", "1994-12-31");
}

static void
offset_with_seconds_is_an_error(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s%s%s", DELEGATION("1920-01-05", "1920-01-06", ""), ZONE_PLACES,
             "visits:\n"
             "  - {id: museum, title: Museum, at: ams, date: 1920-01-05, start: \"10:00\", duration: 1h}\n");
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    /* Amsterdam kept its local mean time, +00:19:32, until 1937. */
    assert_null(r.it);
    assert_int_equal(r.d.errors, 1);
    DIAG(&r.d, ITIN_ERROR, "'museum'", "Europe/Amsterdam", "UTC+00:19:32", "local mean time");
    finish(&r);
}

/* -------------------------------------------------------- 8. the date line */

static void
dateline_flight_is_valid(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s%s%s", DELEGATION("2022-10-28", "2022-11-01", ""), DST_PLACES,
             "travel:\n"
             "  - {id: oz212, mode: flight, from: icn, to: sfo, depart: 2022-10-30 19:00,"
             " arrive: 2022-10-30 13:00, ref: OZ 212}\n");
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    assert_non_null(r.it);
    assert_int_equal(r.d.errors, 0);
    const itin_item *f = item(r.it, "oz212");
    /* 19:00 KST (+09:00) = 10:00 UTC = 1667124000. */
    assert_int_equal(f->start, 1667124000);
    assert_int_equal(f->offset_start, 9 * 3600);
    /* 13:00 PDT (-07:00; the US changes on 6 November) = 20:00 UTC =
     * 1667160000. */
    assert_int_equal(f->end, 1667160000);
    assert_int_equal(f->offset_end, -7 * 3600);
    /* 10h = 36000 s, although 13:00 < 19:00 on the same local date. */
    assert_int_equal(f->end - f->start, 36000);
    assert_int_equal(f->local_start, HM(19, 0));
    assert_int_equal(f->local_end, HM(13, 0));
    finish(&r);
}

static void
dateline_flight_arriving_before_departure(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s%s%s", DELEGATION("2022-10-28", "2022-11-01", ""), DST_PLACES,
             "travel:\n"
             "  - {id: oz212, mode: flight, from: icn, to: sfo, depart: 2022-10-30 19:00,\n"
             "     arrive: 2022-10-30 02:00}\n");
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    /* 02:00 PDT = 09:00 UTC, an hour before 10:00 UTC: an error. */
    assert_null(r.it);
    assert_int_equal(r.d.errors, 1);
    const itin_diag *e = DIAG(&r.d, ITIN_ERROR, "'oz212'");
    assert_int_equal(e->pos.line, line_of(r.text, "arrive: 2022-10-30 02:00"));
    finish(&r);
}

/* ------------------------------------------------- 9. split and rejoin */

static const char SPLIT_TEXT[] = DELEGATION(
    "2022-11-22", "2022-11-22",
    WINDOW_8_20
    "  buffer: 10m\n") "institutions:\n" DRESDEN_PLACES DRESDEN_TIMES "visits:\n"
                       "  - {id: wfs-intro, title: Begrüßung, at: wfs, date: 2022-11-22, start: \"09:00\", "
                       "duration: 1h}\n"
                       "  - {id: hub-talk, title: Hub, at: hub, date: 2022-11-22, duration: 2h30m, with: "
                       "[research]}\n"
                       "  - {id: ilk-lab, title: ILK, at: ilk, date: 2022-11-22, duration: 2h, with: [lee]}\n"
                       "  - {id: joint, title: Mittagessen, at: wfs, date: 2022-11-22, duration: 1h}\n";

static void
group_split_and_rejoin(void **state)
{
    (void)state;
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, SPLIT_TEXT);
    assert_non_null(r.it);
    assert_int_equal(r.d.count, 0);
    /* park (research): 10:00 + 20 (wfs→hub) + 10 = 10:30, until 13:00. */
    const itin_item *hub = item(r.it, "hub-talk");
    assert_int_equal(hub->local_start, HM(10, 30));
    assert_int_equal(hub->local_end, HM(13, 0));
    assert_int_equal(hub->who[0], PARK);
    /* lee, at the same time: 10:00 + 15 (wfs→ilk) + 10 = 10:25, to 12:25. */
    const itin_item *ilk = item(r.it, "ilk-lab");
    assert_int_equal(ilk->local_start, HM(10, 25));
    assert_int_equal(ilk->local_end, HM(12, 25));
    assert_int_equal(ilk->who[0], LEE);
    /* joint: lee could be there at 12:25 + 15 + 10 = 12:50, park only at
     * 13:00 + 20 + 10 = 13:30: the later one wins. */
    const itin_item *joint = item(r.it, "joint");
    assert_int_equal(joint->local_start, HM(13, 30));
    assert_int_equal(joint->who[0], LEE | PARK);
    /* Both have arrived: their transfers end before it starts. */
    const itin_item *tp = item(r.it, "transfer:hub-talk:joint");
    assert_int_equal(tp->who[0], PARK);
    assert_int_equal(tp->local_start, HM(13, 0));
    assert_int_equal(tp->local_end, HM(13, 20));
    assert_true(tp->end <= joint->start);
    const itin_item *tl = item(r.it, "transfer:ilk-lab:joint");
    assert_int_equal(tl->who[0], LEE);
    assert_int_equal(tl->local_start, HM(12, 25));
    assert_int_equal(tl->local_end, HM(12, 40));
    assert_true(tl->end <= joint->start);
    /* Each: 3 visits and 2 transfers, never two at once. */
    assert_never_in_two_places(r.it, 0, 5);
    assert_never_in_two_places(r.it, 1, 5);
    finish(&r);
}

/* ------------------------------------------- 10. sequence-rule conflicts */

static void
fixed_conflict_message(void **state)
{
    (void)state;
    static const char text[] = DELEGATION(
        "2022-11-22", "2022-11-23",
        WINDOW_8_20
        "  buffer: 15m\n") "institutions:\n"
                           "  - {id: dd, name: Dresden Hbf, region: DE-SN, geo: [51.0404, 13.7320]}\n"
                           "  - {id: chem, name: Chemnitz Hbf, region: DE-SN, geo: [50.8394, 12.9306]}\n"
                           "visits:\n"
                           "  - {id: dd-morning, title: Dresden, at: dd, date: 2022-11-22, start: \"09:00\", "
                           "duration: 1h}\n"
                           "  - {id: chem-talk, title: Chemnitz, at: chem, date: 2022-11-22, start: "
                           "\"10:30\", duration: 1h,"
                           " with: [lee]}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    /* Only lee goes on to Chemnitz: car 80 min (see estimate_dresden_chemnitz)
     * = 1h20m, + 15m buffer = 1h35m needed; 10:00 → 10:30 = 30m available. */
    assert_int_equal(r.d.conflicts, 1);
    const itin_diag *c = DIAG(&r.d, ITIN_CONFLICT, "'dd-morning'", "'chem-talk'", "lee", "needs 1h35m",
                              "transfer 1h20m by car", "15m buffer", "has 30m");
    assert_null(strstr(c->message, "park"));
    assert_int_equal(c->pos.line, line_of(r.text, "{id: chem-talk"));
    /* Both keep their times. */
    assert_int_equal(item(r.it, "chem-talk")->local_start, HM(10, 30));
    finish(&r);
}

static void
fixed_conflict_names_everyone_once(void **state)
{
    (void)state;
    static const char text[] =
        DELEGATION("2022-11-22", "2022-11-23",
                   WINDOW_8_20) "institutions:\n"
                                "  - {id: dd, name: Dresden Hbf, region: DE-SN, geo: [51.0404, 13.7320]}\n"
                                "  - {id: chem, name: Chemnitz Hbf, region: DE-SN, geo: [50.8394, 12.9306]}\n"
                                "visits:\n"
                                "  - {id: dd-morning, title: Dresden, at: dd, date: 2022-11-22, start: "
                                "\"09:00\", duration: 1h}\n"
                                "  - {id: chem-talk, title: Chemnitz, at: chem, date: 2022-11-22, start: "
                                "\"10:30\", duration: 1h,"
                                " travel: train}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    /* Train 65 min (see estimate_dresden_chemnitz), no buffer; has 30m.
     * One conflict for both. (65 minutes print as "1h5m", the library's
     * duration format.) */
    assert_int_equal(r.d.conflicts, 1);
    DIAG(&r.d, ITIN_CONFLICT, "'dd-morning'", "'chem-talk'", "lee", "park", "needs 1h5m", "by train",
         "has 30m");
    finish(&r);
}

/* ----------------------------------------------------- 11. lodging */

static const char LODGING_FMT[] = DELEGATION(
    "2022-11-21", "2022-11-23",
    WINDOW_8_20
    "  buffer: 15m\n") "institutions:\n" DRESDEN_PLACES DRESDEN_TIMES "visits:\n"
                       "  - {id: v1, title: WFS, at: wfs, date: 2022-11-22, start: \"09:00\", duration: 1h}\n"
                       "  - {id: v2, title: ILK, at: ilk, date: 2022-11-22, start: \"11:00\", duration: 1h}\n"
                       "lodging:\n"
                       "  - {at: hotel, from: %s, to: %s}\n";

static const itin_item *
transfer_touching(const itin_itinerary *it, size_t place, bool from)
{
    for (size_t i = 0; i < it->n_items; i++) {
        const itin_item *x = &it->items[i];
        if (x->kind == ITIN_ITEM_TRANSFER && (from ? x->from : x->to) == place)
            return x;
    }
    return NULL;
}

static void
lodging_night_before(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, LODGING_FMT, "2022-11-21", "2022-11-22"); /* the night of the 21st */
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 0);
    size_t hotel = inst(r.p, "hotel");
    /* From the hotel, arriving 09:00 − 15m buffer = 08:45, taking 10m
     * (hotel→wfs): departs 08:35. */
    const itin_item *t = transfer_touching(r.it, hotel, true);
    assert_non_null(t);
    assert_non_null(strstr(t->id, "hotel:"));
    assert_int_equal(t->to, inst(r.p, "wfs"));
    assert_int_equal(t->local_start, HM(8, 35));
    assert_int_equal(t->local_end, HM(8, 45));
    assert_int_equal(t->minutes, 10);
    assert_string_equal(t->to_item, "v1");
    assert_int_equal(t->who[0], LEE | PARK); /* shared by both */
    /* No lodging the night of the 22nd: no transfer back. */
    assert_null(transfer_touching(r.it, hotel, false));
    /* Transfers: hotel→v1 and v1→v2. */
    assert_int_equal(count_kind(r.it, ITIN_ITEM_TRANSFER), 2);
    finish(&r);
}

static void
lodging_night_after(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, LODGING_FMT, "2022-11-22", "2022-11-23"); /* the night of the 22nd */
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 0);
    size_t hotel = inst(r.p, "hotel");
    /* To the hotel, departing when v2 ends (12:00), 20m (ilk→hotel). */
    const itin_item *t = transfer_touching(r.it, hotel, false);
    assert_non_null(t);
    assert_non_null(strstr(t->id, "hotel:"));
    assert_int_equal(t->from, inst(r.p, "ilk"));
    assert_int_equal(t->local_start, HM(12, 0));
    assert_int_equal(t->local_end, HM(12, 20));
    assert_string_equal(t->from_item, "v2");
    assert_int_equal(t->who[0], LEE | PARK);
    /* No lodging the night of the 21st: no transfer from the hotel. */
    assert_null(transfer_touching(r.it, hotel, true));
    assert_int_equal(count_kind(r.it, ITIN_ITEM_TRANSFER), 2);
    /* And the lodging itself, all day. */
    assert_int_equal(count_kind(r.it, ITIN_ITEM_LODGING), 1);
    finish(&r);
}

/* ------------------------------------------------ 12. shared transfers */

static void
shared_transfer(void **state)
{
    (void)state;
    static const char text[] = DELEGATION(
        "2022-11-22", "2022-11-23",
        WINDOW_8_20) "institutions:\n" DRESDEN_PLACES DRESDEN_TIMES "visits:\n"
                     "  - {id: v1, title: WFS, at: wfs, date: 2022-11-22, start: \"09:00\", duration: 1h}\n"
                     "  - {id: v2, title: ILK, at: ilk, date: 2022-11-22, duration: 1h}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 0);
    assert_int_equal(r.d.errors, 0); /* (0m slack without a buffer: a tight-transfer warning) */
    /* One transfer for both, 10:00 + 15m (wfs→ilk). */
    assert_int_equal(count_kind(r.it, ITIN_ITEM_TRANSFER), 1);
    const itin_item *t = item(r.it, "transfer:v1:v2");
    assert_int_equal(t->who[0], LEE | PARK);
    assert_int_equal(t->local_start, HM(10, 0));
    assert_int_equal(t->local_end, HM(10, 15));
    assert_int_equal(item(r.it, "v2")->local_start, HM(10, 15));
    finish(&r);
}

/* ------------------------------------------ 13. cancelled and tentative */

static void
cancelled_takes_no_time_tentative_does(void **state)
{
    (void)state;
    static const char text[] =
        DELEGATION("2022-11-22", "2022-11-23",
                   WINDOW_8_20
                   "  buffer: 10m\n") "institutions:\n" DRESDEN_PLACES DRESDEN_TIMES "visits:\n"
                                      "  - {id: maybe, title: Vielleicht, at: hub, date: 2022-11-22, "
                                      "duration: 1h, status: tentative}\n"
                                      "  - {id: x, title: Kurz, at: wfs, date: 2022-11-22, duration: 30m}\n"
                                      "  - {id: gone, title: Abgesagt, at: ilk, date: 2022-11-22, start: "
                                      "\"09:00\", end: \"11:00\","
                                      " status: cancelled}\n"
                                      "  - {id: keep, title: Bleibt, at: ilk, date: 2022-11-22, start: "
                                      "\"10:30\", duration: 1h}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    /* keep overlaps gone, which is cancelled: no conflict. */
    assert_int_equal(r.d.conflicts, 0);
    const itin_item *gone = item(r.it, "gone");
    assert_int_equal(gone->status, ITIN_CANCELLED);
    assert_int_equal(gone->local_start, HM(9, 0));
    assert_int_equal(gone->local_end, HM(11, 0));
    /* The tentative visit is placed and takes time: 08:00–09:00 (keep, at
     * 10:30, is far enough: 09:00 + 25 + 10 = 09:35). */
    const itin_item *maybe = item(r.it, "maybe");
    assert_int_equal(maybe->status, ITIN_TENTATIVE);
    assert_int_equal(maybe->local_start, HM(8, 0));
    /* x comes after it: 09:00 + 20 (hub→wfs) + 10 = 09:30, until 10:00, and
     * 10:00 + 15 + 10 = 10:25 ≤ 10:30 before keep — in the middle of the
     * cancelled visit's time. */
    const itin_item *x = item(r.it, "x");
    assert_int_equal(x->local_start, HM(9, 30));
    assert_int_equal(x->local_end, HM(10, 0));
    /* No transfer goes to or from the cancelled visit. */
    for (size_t i = 0; i < r.it->n_items; i++) {
        const itin_item *t = &r.it->items[i];
        if (t->kind != ITIN_ITEM_TRANSFER)
            continue;
        assert_string_not_equal(t->from_item, "gone");
        assert_string_not_equal(t->to_item, "gone");
    }
    item(r.it, "transfer:maybe:x");
    item(r.it, "transfer:x:keep");
    assert_int_equal(count_kind(r.it, ITIN_ITEM_TRANSFER), 2);
    finish(&r);
}

/* --------------------------------------------------- 14. for nobody */

static void
item_for_nobody_warns(void **state)
{
    (void)state;
    static const char text[] = DELEGATION(
        "2022-11-22", "2022-11-23", WINDOW_8_20) "institutions:\n" DRESDEN_PLACES "visits:\n"
                                                 "  - {id: empty, title: Leer, at: wfs, date: 2022-11-22, "
                                                 "start: \"10:00\", duration: 1h, with: []}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 0);
    assert_int_equal(r.d.warnings, 1);
    const itin_diag *w = DIAG(&r.d, ITIN_WARNING, "'empty'", "nobody");
    assert_int_equal(w->pos.line, line_of(r.text, "{id: empty"));
    finish(&r);
}

/* ------------------------------------------------------- 15. filter */

static size_t
day_items(const itin_itinerary *it, size_t *n_transfers)
{
    size_t n = 0;
    *n_transfers = 0;
    for (size_t k = 0; k < it->n_days; k++)
        for (size_t i = 0; i < it->days[k].n_items; i++) {
            const itin_item *x = &it->items[it->days[k].items[i]];
            n++;
            *n_transfers += x->kind == ITIN_ITEM_TRANSFER;
        }
    return n;
}

static void
filter_by_participant(void **state)
{
    (void)state;
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, SPLIT_TEXT);
    assert_non_null(r.it);
    size_t nt;
    /* Everyone: 4 visits and 4 transfers (wfs-intro→hub-talk,
     * wfs-intro→ilk-lab, hub-talk→joint, ilk-lab→joint). */
    assert_int_equal(day_items(r.it, &nt), 8);
    assert_int_equal(nt, 4);
    uint64_t park = PARK;
    itin_itinerary *v = itin_itinerary_filter(r.it, &park, true);
    assert_int_equal(v->n_days, 1);
    /* park: wfs-intro, hub-talk, joint and 2 transfers. */
    assert_int_equal(day_items(v, &nt), 5);
    assert_int_equal(nt, 2);
    for (size_t i = 0; i < v->days[0].n_items; i++) {
        const itin_item *x = &v->items[v->days[0].items[i]];
        assert_true(x->who[0] & PARK);
        assert_string_not_equal(x->id, "ilk-lab");
    }
    /* Still in time order. */
    for (size_t i = 1; i < v->days[0].n_items; i++)
        assert_true(v->items[v->days[0].items[i - 1]].start <= v->items[v->days[0].items[i]].start);
    /* Without transfers: the 3 visits. */
    itin_itinerary *w = itin_itinerary_filter(r.it, &park, false);
    assert_int_equal(day_items(w, &nt), 3);
    assert_int_equal(nt, 0);
    /* Everyone, without transfers: the 4 visits. */
    itin_itinerary *all = itin_itinerary_filter(r.it, NULL, false);
    assert_int_equal(day_items(all, &nt), 4);
    assert_int_equal(nt, 0);
    /* The original is untouched. */
    assert_int_equal(day_items(r.it, &nt), 8);
    finish(&r);
}

/* ------------------------------------------------------ more warnings */

static void
tight_transfer_warns(void **state)
{
    (void)state;
    static const char text[] = DELEGATION(
        "2022-11-22", "2022-11-23",
        WINDOW_8_20) "institutions:\n" DRESDEN_PLACES DRESDEN_TIMES "visits:\n"
                     "  - {id: v1, title: WFS, at: wfs, date: 2022-11-22, start: \"09:00\", duration: 1h}\n"
                     "  - {id: v2, title: ILK, at: ilk, date: 2022-11-22, start: \"10:18\", duration: 1h}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    /* 10:00 + 15 = 10:15: 3 minutes of slack < 5. */
    assert_int_equal(r.d.conflicts, 0);
    assert_int_equal(r.d.warnings, 1);
    DIAG(&r.d, ITIN_WARNING, "3m", "'v1'", "'v2'");
    finish(&r);
}

static void
long_day_warns(void **state)
{
    (void)state;
    static const char text[] = DELEGATION("2022-11-22", "2022-11-23",
                                          WINDOW_8_20) "institutions:\n" DRESDEN_PLACES "visits:\n"
                                                       "  - {id: v1, title: WFS, at: wfs, date: 2022-11-22, "
                                                       "start: \"08:00\", duration: 10h30m}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    /* 08:00–18:30 = 10h30m > 10h. */
    assert_int_equal(r.d.conflicts, 0);
    assert_int_equal(r.d.warnings, 1);
    DIAG(&r.d, ITIN_WARNING, "2022-11-22", "10h30m");
    finish(&r);
}

/* ----------------------------------------------- more of §13 (the scheduler) and §7 (opening hours) */

static void
fixed_visit_outside_opening_hours(void **state)
{
    (void)state;
    static const char text[] =
        DELEGATION("2022-11-22", "2022-11-23",
                   WINDOW_8_20) "institutions:\n"
                                "  - {id: iwu, name: Fraunhofer IWU, region: DE-SN, geo: [50.8163, 12.9305],"
                                " hours: {mon-fri: \"09:30-17:00\"}}\n"
                                "visits:\n"
                                "  - {id: late, title: Spät, at: iwu, date: 2022-11-22, start: \"16:30\", "
                                "duration: 1h}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    /* 16:30–17:30 does not lie inside 09:30–17:00. */
    assert_int_equal(r.d.conflicts, 1);
    const itin_diag *c = DIAG(&r.d, ITIN_CONFLICT, "'late'", "17:00");
    assert_int_equal(c->pos.line, line_of(r.text, "{id: late"));
    finish(&r);
}

static void
flexible_with_evening_transfer_fits_window(void **state)
{
    (void)state;
    static const char text[] = DELEGATION(
        "2022-11-22", "2022-11-23",
        WINDOW_8_20) "institutions:\n" DRESDEN_PLACES DRESDEN_TIMES "visits:\n"
                     "  - {id: blocker, title: Lang, at: hub, date: 2022-11-22, start: \"08:00\", end: "
                     "\"17:00\"}\n"
                     "  - {id: fits, title: Passt, at: hub, date: 2022-11-22, duration: 2h30m, with: [lee]}\n"
                     "  - {id: nofit, title: Passt nicht, at: hub, date: 2022-11-22, duration: 2h35m, with: "
                     "[research]}\n"
                     "lodging:\n"
                     "  - {at: hotel, from: 2022-11-22, to: 2022-11-23}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    /* fits: 17:00 + 2h30 = 19:30, + 30 (hub→hotel) = 20:00 ≤ 20:00. */
    const itin_item *v = item(r.it, "fits");
    assert_int_equal(v->local_start, HM(17, 0));
    assert_int_equal(v->local_end, HM(19, 30));
    const itin_item *t = item(r.it, "transfer:fits:hotel:hotel@2022-11-22");
    assert_int_equal(t->local_end, HM(20, 0));
    /* nofit: 17:00 + 2h35 + 30 = 20:05 > 20:00: nowhere. */
    assert_int_equal(r.d.conflicts, 1);
    DIAG(&r.d, ITIN_CONFLICT, "'nofit'", "2022-11-22");
    finish(&r);
}

static void
morning_hotel_transfer_outside_window_warns(void **state)
{
    (void)state;
    static const char text[] = DELEGATION(
        "2022-11-21", "2022-11-23", WINDOW_8_20) "institutions:\n" DRESDEN_PLACES DRESDEN_TIMES "visits:\n"
                                                 "  - {id: early, title: Früh, at: wfs, date: 2022-11-22, "
                                                 "start: \"08:05\", duration: 1h}\n"
                                                 "lodging:\n"
                                                 "  - {at: hotel, from: 2022-11-21, to: 2022-11-22}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    /* From the hotel 07:55–08:05 (10m, no buffer): starts before 08:00. */
    const itin_item *t = item(r.it, "transfer:hotel:hotel@2022-11-21:early");
    assert_int_equal(t->local_start, HM(7, 55));
    assert_int_equal(r.d.conflicts, 0);
    assert_int_equal(r.d.warnings, 1);
    DIAG(&r.d, ITIN_WARNING, "'early'", "window");
    finish(&r);
}

static void
evening_hotel_transfer_outside_window_warns(void **state)
{
    (void)state;
    static const char text[] = DELEGATION(
        "2022-11-22", "2022-11-23", WINDOW_8_20) "institutions:\n" DRESDEN_PLACES DRESDEN_TIMES "visits:\n"
                                                 "  - {id: dinner, title: Abendessen, at: wfs, date: "
                                                 "2022-11-22, start: \"18:00\", end: \"19:55\"}\n"
                                                 "lodging:\n"
                                                 "  - {at: hotel, from: 2022-11-22, to: 2022-11-23}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    /* To the hotel 19:55–20:05 (10m): a transfer from a fixed visit that
     * ends after 20:00 — §13.8: a warning. */
    const itin_item *t = item(r.it, "transfer:dinner:hotel:hotel@2022-11-22");
    assert_int_equal(t->local_start, HM(19, 55));
    assert_int_equal(t->local_end, HM(20, 5));
    assert_int_equal(r.d.conflicts, 0);
    assert_int_equal(r.d.warnings, 1);
    DIAG(&r.d, ITIN_WARNING, "'dinner'", "window");
    finish(&r);
}

static void
transfer_from_fixed_visit_outside_window_warns(void **state)
{
    (void)state;
    static const char text[] = DELEGATION(
        "2022-11-22", "2022-11-23",
        WINDOW_8_20) "institutions:\n" DRESDEN_PLACES
                     "  - {id: dd, name: Dresden Hbf, region: DE-SN, geo: [51.0404, 13.7320]}\n"
                     "  - {id: chem, name: Chemnitz Hbf, region: DE-SN, geo: [50.8394, "
                     "12.9306]}\n" DRESDEN_TIMES "  - {from: wfs, to: dd, time: 15m}\n"
                     "visits:\n"
                     "  - {id: dinner, title: Abendessen, at: wfs, date: 2022-11-22, start: \"18:00\", end: "
                     "\"19:55\"}\n"
                     "travel:\n"
                     "  - {id: night-train, mode: train, from: dd, to: chem, depart: 2022-11-22 21:00,"
                     " arrive: 2022-11-22 22:10}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    /* wfs → dd 19:55–20:10: a transfer from a fixed visit, past 20:00. */
    const itin_item *t = item(r.it, "transfer:dinner:night-train");
    assert_int_equal(t->local_start, HM(19, 55));
    assert_int_equal(t->local_end, HM(20, 10));
    assert_int_equal(r.d.conflicts, 0);
    assert_int_equal(r.d.warnings, 1);
    DIAG(&r.d, ITIN_WARNING, "'dinner'", "window");
    finish(&r);
}

static void
leg_belongs_to_departure_day(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s%s%s", DELEGATION("2022-10-28", "2022-11-01", ""), DST_PLACES,
             "travel:\n"
             "  - {id: oz214, mode: flight, from: icn, to: sfo, depart: 2022-10-31 01:00,"
             " arrive: 2022-10-30 19:00}\n");
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, buf);
    assert_non_null(r.it);
    assert_int_equal(r.d.errors, 0);
    const itin_item *f = item(r.it, "oz214");
    /* 2022-10-31 01:00 KST = 10-30 16:00 UTC; 10-30 19:00 PDT = 10-31 02:00
     * UTC: 10h, arriving on an earlier local date. */
    assert_int_equal(f->start, utc(2022, 10, 30, 16, 0));
    assert_int_equal(f->end, utc(2022, 10, 31, 2, 0));
    assert_int_equal(f->date, itin_date_from_ymd(2022, 10, 31));
    assert_int_equal(f->local_start_date, itin_date_from_ymd(2022, 10, 31));
    assert_int_equal(f->local_end_date, itin_date_from_ymd(2022, 10, 30));
    /* Listed on the day of its departure only. */
    size_t on = 0;
    for (size_t k = 0; k < r.it->n_days; k++)
        for (size_t i = 0; i < r.it->days[k].n_items; i++)
            if (&r.it->items[r.it->days[k].items[i]] == f) {
                on++;
                assert_int_equal(r.it->days[k].date, itin_date_from_ymd(2022, 10, 31));
                assert_int_equal(r.it->days[k].number, 4); /* 28 = day 1 */
            }
    assert_int_equal(on, 1);
    finish(&r);
}

/* ------------- by arrangement: opening hours of a date (§7), holidays (§13.7) */

static void
open_date_gives_its_own_hours(void **state)
{
    (void)state;
    /* IWU opens mon-fri 09:30-17:00; on Tuesday 2022-11-22 it opens
     * 08:00-19:00, and on Saturday 2022-11-26 10:00-12:00. */
    static const char text[] = DELEGATION(
        "2022-11-22", "2022-11-26",
        WINDOW_8_20) "institutions:\n"
                     "  - {id: iwu, name: Fraunhofer IWU, region: DE-SN, geo: [50.8163, 12.9305],"
                     " hours: {mon-fri: \"09:30-17:00\"},"
                     " open: [{date: 2022-11-22, hours: \"08:00-19:00\"},"
                     " {date: 2022-11-26, hours: \"10:00-12:00\"}]}\n"
                     "visits:\n"
                     "  - {id: early, title: Früh, at: iwu, date: 2022-11-22, duration: 1h, with: [lee]}\n"
                     "  - {id: late, title: Spät, at: iwu, date: 2022-11-22, start: \"17:30\","
                     " duration: 1h, with: [park]}\n"
                     "  - {id: sat, title: Samstag, at: iwu, date: 2022-11-26, start: \"10:00\","
                     " duration: 1h, with: [lee]}\n"
                     "  - {id: sat-late, title: Zu spät, at: iwu, date: 2022-11-26, start: \"11:30\","
                     " duration: 1h, with: [park]}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    /* The day window opens at 08:00, and so does IWU that day. */
    assert_int_equal(item(r.it, "early")->local_start, HM(8, 0));
    /* 17:30-18:30 is inside that day's 08:00-19:00; Saturday 10:00-11:00
     * inside its 10:00-12:00; 11:30-12:30 is not. */
    assert_int_equal(r.d.conflicts, 1);
    const itin_diag *c = DIAG(&r.d, ITIN_CONFLICT, "'sat-late'", "on 2022-11-26 (10:00\u201312:00)");
    assert_int_equal(c->pos.line, line_of(r.text, "{id: sat-late"));
    finish(&r);
}

static void
by_arrangement_ignores_weekly_hours(void **state)
{
    (void)state;
    /* IWU opens mon-fri 09:30-17:00. 2022-11-16 is Buß- und Bettag in
     * Saxony, 2022-11-19 a Saturday. */
    static const char text[] = DELEGATION(
        "2022-11-16", "2022-11-22",
        WINDOW_8_20) "institutions:\n"
                     "  - {id: iwu, name: Fraunhofer IWU, region: DE-SN, geo: [50.8163, 12.9305],"
                     " hours: {mon-fri: \"09:30-17:00\"}}\n"
                     "visits:\n"
                     "  - {id: early, title: Früh, at: iwu, date: 2022-11-22, duration: 1h,"
                     " by_arrangement: true, with: [lee]}\n"
                     "  - {id: sat, title: Samstag, at: iwu, date: 2022-11-19, start: \"18:00\","
                     " duration: 1h, by_arrangement: true, with: [lee]}\n"
                     "  - {id: bettag, title: Feiertag, at: iwu, date: 2022-11-16, start: \"10:00\","
                     " duration: 1h, by_arrangement: true, with: [park]}\n"
                     "  - {id: bettag-flex, title: Feiertag, at: iwu, date: 2022-11-16, duration: 1h,"
                     " by_arrangement: true, with: [lee]}\n";
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, text);
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 0);
    /* Not bound by 09:30: the day window's 08:00. */
    assert_int_equal(item(r.it, "early")->local_start, HM(8, 0));
    assert_int_equal(item(r.it, "sat")->local_start, HM(18, 0));
    assert_int_equal(item(r.it, "bettag-flex")->local_start, HM(8, 0));
    /* The holiday still warns, for the fixed and the flexible visit. */
    const itin_diag *w = DIAG(&r.d, ITIN_WARNING, "'bettag'", "by arrangement", "Buß- und Bettag (DE-SN)");
    assert_int_equal(w->pos.line, line_of(r.text, "{id: bettag,"));
    DIAG(&r.d, ITIN_WARNING, "'bettag-flex'", "by arrangement", "Buß- und Bettag (DE-SN)");
    finish(&r);
}

/* ---------------- a flexible item with no start: what bound it (§13.5) */

#define SS_TEXT(welcome_end, extra)                                                                          \
    DELEGATION("2022-11-21", "2022-11-22", "  buffer: 15m\n  travel: {mode: bus}\n")                         \
    "institutions:\n"                                                                                        \
    "  - {id: wfs, name: WFS, geo: [51.0440, 13.7440]}\n"                                                    \
    "  - {id: ss, name: Silicon Saxony, geo: [51.1, 13.9], hours: {mon-fri: \"09:00-17:00\"}}\n"             \
    "travel_times:\n"                                                                                        \
    "  - {from: wfs, to: ss, time: 25m}\n"                                                                   \
    "visits:\n"                                                                                              \
    "  - {id: welcome, title: W, at: wfs, date: 2022-11-21, start: \"15:00\", end: \"" welcome_end "\"}\n"   \
    "  - {id: ss-visit, title: S, at: ss, date: 2022-11-21, duration: 1h}\n" extra

static void
no_fit_says_what_bound_it(void **state)
{
    (void)state;
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, SS_TEXT("16:30", ""));
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 1);
    /* 16:30 + 25m by bus + 15m buffer = 17:10, after the 17:00 closing
     * (2022-11-21 is a Monday). */
    const itin_diag *c = DIAG(&r.d, ITIN_CONFLICT, "'ss-visit'",
                              "the earliest start is 17:10 (visit 'welcome' ends 16:30, bus 25m, buffer 15m)"
                              " but Silicon Saxony closes at 17:00 on Mondays",
                              "by arrangement that day", "listed before 'welcome'", "or on another day");
    assert_int_equal(c->pos.line, line_of(r.text, "{id: ss-visit"));
    /* No time is left before closing: nothing to shorten to. */
    assert_null(strstr(c->message, "shortened"));
    finish(&r);
}

static void
no_fit_says_how_short_would_fit(void **state)
{
    (void)state;
    static run r; /* static: the teardown may free it after a failed assertion */
    schedule(&r, SS_TEXT("15:30", ""));
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 1);
    /* 15:30 + 25m + 15m = 16:10: 50 minutes before the 17:00 closing. */
    DIAG(&r.d, ITIN_CONFLICT, "'ss-visit'", "the earliest start is 16:10", "shortened to 50m,");
    finish(&r);
}

static void
moved_visit_gets_a_note(void **state)
{
    (void)state;
    static run r; /* static: the teardown may free it after a failed assertion */
    /* The check-in, listed before the welcome, would start at the window's
     * 07:00 but has 2h and the welcome starts 08:00: it lands after it. */
    schedule(&r,
             DELEGATION(
                 "2022-11-22", "2022-11-22",
                 "  buffer: 15m\n") "institutions:\n" DRESDEN_PLACES DRESDEN_TIMES "visits:\n"
                                    "  - {id: checkin, title: C, at: wfs, date: 2022-11-22, duration: 2h}\n"
                                    "  - {id: welcome, title: W, at: wfs, date: 2022-11-22, start: \"08:00\","
                                    " end: \"10:00\"}\n");
    assert_non_null(r.it);
    assert_int_equal(r.d.conflicts, 0);
    assert_int_equal(item(r.it, "checkin")->local_start, HM(10, 15));
    const itin_diag *n = DIAG(
        &r.d, ITIN_NOTE, "visit 'checkin' is listed before visit 'welcome' but placed after it, at 10:15");
    assert_int_equal(n->pos.line, line_of(r.text, "{id: checkin"));
    finish(&r);
}

/* An itinerary holds one item per visit, leg, transfer and night: what only
 * one kind of item has shares its room (184 bytes on LP64, from 240). */
static void
item_size(void **state)
{
    (void)state;
    if (sizeof(void *) == 8)
        assert_true(sizeof(itin_item) <= 184);
}

/* Whether x comes before y in a day: lodging last, then by start, end, kind
 * and id. */
static bool
day_order(const itin_item *x, const itin_item *y)
{
    bool lx = x->kind == ITIN_ITEM_LODGING, ly = y->kind == ITIN_ITEM_LODGING;
    if (lx != ly)
        return ly;
    if (x->start != y->start)
        return x->start < y->start;
    if (x->end != y->end)
        return x->end < y->end;
    if (x->kind != y->kind)
        return x->kind < y->kind;
    return strcmp(x->id, y->id) < 0;
}

/* Every day of every example, and of a plan whose items tie on their times
 * and come in no order in the file, lists each of its items once, in the
 * day's order. */
static void
days_in_order(void **state)
{
    (void)state;
    static const char ties[] =
        DELEGATION("2022-11-22", "2022-11-22",
                   WINDOW_8_20 "  buffer: 10m\n") "institutions:\n" DRESDEN_PLACES DRESDEN_TIMES "visits:\n"
                                                  "  - {id: z-last, title: Z, at: wfs, date: 2022-11-22, "
                                                  "start: \"15:00\", duration: 1h, with: [lee]}\n"
                                                  "  - {id: b-tie, title: B, at: hub, date: 2022-11-22, "
                                                  "start: \"09:00\", duration: 1h, with: [research]}\n"
                                                  "  - {id: a-tie, title: A, at: ilk, date: 2022-11-22, "
                                                  "start: \"09:00\", duration: 1h, with: [lee]}\n"
                                                  "  - {id: c-short, title: C, at: wfs, date: 2022-11-22, "
                                                  "start: \"12:00\", duration: 30m, with: [lee]}\n"
                                                  "  - {id: c-long, title: C, at: hub, date: 2022-11-22, "
                                                  "start: \"12:00\", duration: 2h, with: [research]}\n";
    for (size_t e = 0; e <= N_EXAMPLES; e++) {
        itin_diags d;
        itin_plan *p = NULL;
        if (e < N_EXAMPLES) {
            p = load_example(e, &d);
        } else {
            itin_diags_init(&d, 0);
            p = itin_plan_load_buffer("t.yaml", ties, strlen(ties), &d);
        }
        assert_non_null(p);
        itin_itinerary *it = itin_schedule(p, &d);
        assert_non_null(it);
        size_t listed = 0, spans = 0;
        for (size_t i = 0; i < it->n_items; i++) {
            const itin_item *x = &it->items[i];
            spans += x->kind == ITIN_ITEM_LODGING ? (size_t)(x->local_end_date - x->date) : 1;
        }
        for (size_t k = 0; k < it->n_days; k++) {
            const itin_day *day = &it->days[k];
            listed += day->n_items;
            for (size_t i = 1; i < day->n_items; i++)
                if (!day_order(&it->items[day->items[i - 1]], &it->items[day->items[i]]))
                    fail_msg("plan %zu, %s: %s before %s", e, day == it->days ? "first day" : "a day",
                             it->items[day->items[i - 1]].id, it->items[day->items[i]].id);
        }
        assert_true(spans > 0);
        assert_int_equal(listed, spans);
        itin_plan_free(p);
        itin_diags_free(&d);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(item_size),
        cmocka_unit_test_teardown(estimate_dresden_chemnitz, cleanup),
        cmocka_unit_test_teardown(estimate_walk_across_dresden, cleanup),
        cmocka_unit_test_teardown(walk_below_default_walks, cleanup),
        cmocka_unit_test_teardown(walk_below_zero_or_shorter_rides, cleanup),
        cmocka_unit_test_teardown(walk_below_not_a_distance, cleanup),
        cmocka_unit_test_teardown(hotel_break_goes_back_to_the_hotel, cleanup),
        cmocka_unit_test_teardown(overnight_flight_is_not_a_long_day, cleanup),
        cmocka_unit_test_teardown(slot_search_skips_transfers_it_cannot_estimate, cleanup),
        cmocka_unit_test_teardown(connection_needs_exit_and_checkin, cleanup),
        cmocka_unit_test_teardown(hotel_break_shares_the_transfer_with_the_morning, cleanup),
        cmocka_unit_test_teardown(warnings_have_names_and_can_be_accepted, cleanup),
        cmocka_unit_test_teardown(checkin_and_exit_settings, cleanup),
        cmocka_unit_test_teardown(transfers_around_legs, cleanup),
        cmocka_unit_test_teardown(flexible_visits_around_legs, cleanup),
        cmocka_unit_test_teardown(hotel_break_without_lodging_leaves_late, cleanup),
        cmocka_unit_test_teardown(hotel_break_short_wait_or_zero_leaves_at_once, cleanup),
        cmocka_unit_test_teardown(travel_times_either_direction, cleanup),
        cmocka_unit_test_teardown(travel_times_mode_beats_modeless, cleanup),
        cmocka_unit_test_teardown(travel_times_used_by_the_scheduler, cleanup),
        cmocka_unit_test_teardown(near_places_need_no_transfer, cleanup),
        cmocka_unit_test_teardown(far_places_are_an_error, cleanup),
        cmocka_unit_test_teardown(far_places_with_travel_times_are_fine, cleanup),
        cmocka_unit_test_teardown(place_without_geo_is_an_error, cleanup),
        cmocka_unit_test_teardown(first_fit_before_and_after_a_fixed_visit, cleanup),
        cmocka_unit_test_teardown(first_fit_pushed_to_opening_time, cleanup),
        cmocka_unit_test_teardown(first_fit_pushed_past_lunch, cleanup),
        cmocka_unit_test_teardown(first_fit_nowhere_is_a_conflict, cleanup),
        cmocka_unit_test_teardown(flexible_never_before_day_start, cleanup),
        cmocka_unit_test_teardown(flexible_window_includes_morning_transfer, cleanup),
        cmocka_unit_test_teardown(fixed_visit_outside_window_is_a_warning, cleanup),
        cmocka_unit_test_teardown(travel_leg_outside_window_is_fine, cleanup),
        cmocka_unit_test_teardown(holiday_bettag_in_saxony, cleanup),
        cmocka_unit_test_teardown(holiday_bettag_not_in_bavaria, cleanup),
        cmocka_unit_test_teardown(holiday_bettag_flexible_visit, cleanup),
        cmocka_unit_test_teardown(holiday_national_at_a_regional_place, cleanup),
        cmocka_unit_test_teardown(holiday_open_on_holidays, cleanup),
        cmocka_unit_test_teardown(holiday_closed_dates, cleanup),
        cmocka_unit_test_teardown(holiday_saturday_at_weekday_place, cleanup),
        cmocka_unit_test_teardown(holiday_user_entry_with_region, cleanup),
        cmocka_unit_test_teardown(holiday_user_entry_everywhere, cleanup),
        cmocka_unit_test_teardown(holiday_weekend_at_always_open_place, cleanup),
        cmocka_unit_test_teardown(holiday_chuseok_korea, cleanup),
        cmocka_unit_test_teardown(holiday_chuseok_region_without_calendar, cleanup),
        cmocka_unit_test_teardown(holiday_chuseok_open_on_holidays, cleanup),
        cmocka_unit_test_teardown(dst_flight_seoul_frankfurt, cleanup),
        cmocka_unit_test_teardown(dst_berlin_before_and_after, cleanup),
        cmocka_unit_test_teardown(dst_gap_is_an_error, cleanup),
        cmocka_unit_test_teardown(dst_fold_takes_first_with_warning, cleanup),
        cmocka_unit_test_teardown(fixed_end_across_autumn_change, cleanup),
        cmocka_unit_test_teardown(fixed_end_across_spring_change, cleanup),
        cmocka_unit_test_teardown(end_in_the_gap_is_an_error, cleanup),
        cmocka_unit_test_teardown(fold_warning_names_both_offsets, cleanup),
        cmocka_unit_test_teardown(explicit_offset_picks_the_second, cleanup),
        cmocka_unit_test_teardown(explicit_offset_the_place_lacks_is_an_error, cleanup),
        cmocka_unit_test_teardown(leg_times_in_gap_and_fold, cleanup),
        cmocka_unit_test_teardown(day_window_in_the_gap_is_an_error, cleanup),
        cmocka_unit_test_teardown(day_window_in_the_fold_warns, cleanup),
        cmocka_unit_test_teardown(place_without_hours_is_open_around_the_clock, cleanup),
        cmocka_unit_test_teardown(skipped_day_is_one_error, cleanup),
        cmocka_unit_test_teardown(offset_with_seconds_is_an_error, cleanup),
        cmocka_unit_test_teardown(dateline_flight_is_valid, cleanup),
        cmocka_unit_test_teardown(dateline_flight_arriving_before_departure, cleanup),
        cmocka_unit_test_teardown(group_split_and_rejoin, cleanup),
        cmocka_unit_test_teardown(fixed_conflict_message, cleanup),
        cmocka_unit_test_teardown(fixed_conflict_names_everyone_once, cleanup),
        cmocka_unit_test_teardown(lodging_night_before, cleanup),
        cmocka_unit_test_teardown(lodging_night_after, cleanup),
        cmocka_unit_test_teardown(shared_transfer, cleanup),
        cmocka_unit_test_teardown(cancelled_takes_no_time_tentative_does, cleanup),
        cmocka_unit_test_teardown(item_for_nobody_warns, cleanup),
        cmocka_unit_test_teardown(filter_by_participant, cleanup),
        cmocka_unit_test_teardown(tight_transfer_warns, cleanup),
        cmocka_unit_test_teardown(long_day_warns, cleanup),
        cmocka_unit_test_teardown(fixed_visit_outside_opening_hours, cleanup),
        cmocka_unit_test_teardown(flexible_with_evening_transfer_fits_window, cleanup),
        cmocka_unit_test_teardown(morning_hotel_transfer_outside_window_warns, cleanup),
        cmocka_unit_test_teardown(evening_hotel_transfer_outside_window_warns, cleanup),
        cmocka_unit_test_teardown(transfer_from_fixed_visit_outside_window_warns, cleanup),
        cmocka_unit_test_teardown(leg_belongs_to_departure_day, cleanup),
        cmocka_unit_test_teardown(open_date_gives_its_own_hours, cleanup),
        cmocka_unit_test_teardown(by_arrangement_ignores_weekly_hours, cleanup),
        cmocka_unit_test_teardown(no_fit_says_what_bound_it, cleanup),
        cmocka_unit_test_teardown(no_fit_says_how_short_would_fit, cleanup),
        cmocka_unit_test_teardown(moved_visit_gets_a_note, cleanup),
        cmocka_unit_test(days_in_order),
    };
    return cmocka_run_group_tests_name("schedule", tests, NULL, NULL);
}
