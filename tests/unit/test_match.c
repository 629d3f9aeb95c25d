/* test_match: B2B matchmaking (docs/format.md §19) — the solver reaches the
 * optimum that exhaustive search finds on small generated instances, keeps
 * every rule, beats or equals the greedy baseline; and in the scheduler,
 * meetings block members, respect their other items with transfers, and
 * use the session's gap between consecutive meetings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "itinerary/itinerary.h"
#include "match.h"

/* ------------------------------------------------- small random instances */

static uint64_t rng_state = 0x2023091913000001ULL;

static unsigned
rnd(unsigned n)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((rng_state >> 33) % n);
}

/* The best total weight by trying every assignment: each pair in no slot
 * or in one of them. */
static long
exhaustive(const match_problem *p, int *slot, size_t i)
{
    if (i == p->n_pairs)
        return match_check(p, slot) ? -1 : 0;
    long best = -1;
    for (int k = -1; k < p->n_slots; k++) {
        slot[i] = k;
        /* Prune: the prefix must keep the rules already. */
        match_problem prefix = *p;
        prefix.n_pairs = i + 1;
        if (match_check(&prefix, slot))
            continue;
        long rest = exhaustive(p, slot, i + 1);
        if (rest >= 0) {
            long w = rest + (k >= 0 ? p->pairs[i].weight : 0);
            if (w > best)
                best = w;
        }
    }
    slot[i] = -1;
    return best;
}

/* One participant in companies 0 and 1 (a third of the instances). */
static uint8_t shared_member[8] = {1, 1, 0, 0, 0, 0, 0, 0};

static void
random_instance(match_problem *p, uint8_t *free_, match_pair *pairs)
{
    size_t nd = 2 + rnd(2), nh = 2 + rnd(3);
    p->n_companies = nd + nh;
    p->n_slots = 2 + (int)rnd(3);
    p->tables = 1 + (int)rnd(3);
    p->interpreters = (int)rnd(2);
    for (size_t i = 0; i < p->n_companies * (size_t)p->n_slots; i++)
        free_[i] = rnd(5) != 0;
    p->n_pairs = 0;
    for (size_t a = 0; a < nd; a++)
        for (size_t b = nd; b < nd + nh; b++)
            if (rnd(3) != 0 && p->n_pairs < 7)
                pairs[p->n_pairs++] = (match_pair){a, b, 1 + (int)rnd(6), rnd(3) == 0};
    p->free = free_;
    p->pairs = pairs;
    p->groups = shared_member;
    p->n_groups = rnd(3) == 0;
}

static void
milp_reaches_exhaustive_optimum(void **state)
{
    (void)state;
    for (int run = 0; run < 300; run++) {
        match_problem p;
        uint8_t free_[64];
        match_pair pairs[16];
        random_instance(&p, free_, pairs);
        int brute[16], milp[16], greedy[16];
        for (size_t i = 0; i < p.n_pairs; i++)
            brute[i] = -1;
        long best = exhaustive(&p, brute, 0);
        match_solution s = {.slot = milp}, g = {.slot = greedy};
        match_solve_milp(&p, 10, &s);
        match_solve_greedy(&p, &g);
        if (s.weight != best)
            fail_msg("run %d: the solver placed weight %ld, exhaustive search %ld", run, s.weight, best);
        assert_true(s.optimal);
        assert_int_equal(s.bound, best);
        assert_null(match_check(&p, milp));
        assert_null(match_check(&p, greedy));
        assert_true(g.weight <= best);
    }
}

/* Tie-break: with room for everything, meetings take the earliest slots. */
static void
milp_prefers_earlier_slots(void **state)
{
    (void)state;
    uint8_t free_[4 * 4];
    memset(free_, 1, sizeof free_);
    match_pair pairs[] = {{0, 2, 2, false}, {1, 3, 2, false}, {0, 3, 1, false}};
    match_problem p = {4, 4, 2, 0, free_, pairs, 3, NULL, 0};
    int slot[3];
    match_solution s = {.slot = slot};
    match_solve_milp(&p, 10, &s);
    assert_int_equal(s.weight, 5);
    /* Two tables: 0-2 and 1-3 in one slot, 0-3 in the other, slots 0 and 1. */
    assert_true(slot[0] <= 1 && slot[1] <= 1 && slot[2] <= 1);
    assert_int_not_equal(slot[0], slot[2]);
    assert_int_not_equal(slot[1], slot[2]);
}

/* One interpreter, two tables: two interpreted meetings cannot share a slot. */
static void
interpreters_bind(void **state)
{
    (void)state;
    uint8_t free_[4 * 1];
    memset(free_, 1, sizeof free_);
    match_pair pairs[] = {{0, 2, 3, true}, {1, 3, 2, true}};
    match_problem p = {4, 1, 2, 1, free_, pairs, 2, NULL, 0};
    int slot[2];
    match_solution s = {.slot = slot};
    match_solve_milp(&p, 10, &s);
    assert_int_equal(s.weight, 3);
    assert_int_equal(slot[0], 0);
    assert_int_equal(slot[1], -1);
}

/* A participant in two companies attends one meeting at a time. */
static void
shared_participant(void **state)
{
    (void)state;
    uint8_t free_[4 * 1];
    memset(free_, 1, sizeof free_);
    match_pair pairs[] = {{0, 2, 3, false}, {1, 3, 2, false}};
    uint8_t groups[4] = {1, 1, 0, 0};
    match_problem p = {4, 1, 2, 0, free_, pairs, 2, groups, 1};
    int slot[2];
    match_solution s = {.slot = slot};
    match_solve_milp(&p, 10, &s);
    assert_int_equal(s.weight, 3);
    assert_int_equal(slot[1], -1);
    match_solve_greedy(&p, &s);
    assert_int_equal(s.weight, 3);
}

/* ------------------------------------------------------------ scheduled */

#define PLAN                                                                                                 \
    "itinerary: 1\n"                                                                                         \
    "delegation:\n"                                                                                          \
    "  id: t\n"                                                                                              \
    "  title: T\n"                                                                                           \
    "  start: 2023-09-19\n"                                                                                  \
    "  end: 2023-09-19\n"                                                                                    \
    "  timezone: Asia/Seoul\n"                                                                               \
    "  buffer: 15m\n"                                                                                        \
    "  participants:\n"                                                                                      \
    "    - {id: neumann, name: Jana Neumann}\n"                                                              \
    "    - {id: bergmann, name: Tom Bergmann}\n"                                                             \
    "institutions:\n"                                                                                        \
    "  - {id: kotra, name: KOTRA, geo: [37.4889, 127.0296]}\n"                                               \
    "  - {id: hyundai, name: Hyundai, geo: [37.4635, 127.0429]}\n"                                           \
    "companies:\n"                                                                                           \
    "  - {id: sax, name: Sax, side: delegation, members: [neumann], languages: [de]}\n"                      \
    "  - {id: elbe, name: Elbe, side: delegation, members: [bergmann], languages: [de, en]}\n"               \
    "  - {id: kia, name: Kia, side: host, languages: [en]}\n"                                                \
    "  - {id: hk, name: HK, side: host, languages: [ko]}\n"

#define SESSION(tables, interp)                                                                              \
    "matchmaking:\n"                                                                                         \
    "  - {id: s, at: kotra, date: 2023-09-19, start: \"13:00\", end: \"15:00\", slot: 25m, gap: 5m,\n"       \
    "     tables: " tables ", interpreters: " interp ",\n"

static itin_itinerary *
schedule(const char *text, itin_plan **pp, itin_diags *d)
{
    itin_diags_init(d, 0);
    *pp = itin_plan_load_buffer("t.yaml", text, strlen(text), d);
    assert_non_null(*pp);
    itin_schedule_options opt = {.solve_time = 10};
    return itin_schedule_with(*pp, &opt, d);
}

static const itin_item *
meeting(const itin_itinerary *it, const char *id)
{
    for (size_t i = 0; i < it->n_items; i++)
        if (it->items[i].kind == ITIN_ITEM_MEETING && strcmp(it->items[i].id, id) == 0)
            return &it->items[i];
    return NULL;
}

/* A member's visit from 13:30 to 14:30 at 3.1 km (15 min by car) with a
 * 15 min buffer: slots 13:00 (ends 13:25, + 15 + 15 = 13:55 > 13:30) to
 * 14:00 are out; 14:30 needs 14:30 + 15 + 15 = 15:00 > 14:30: out too.
 * Elbe can meet nowhere: the reason names the visit. */
static void
members_busy_with_visit(void **state)
{
    (void)state;
    const char *text =
        PLAN "visits:\n"
             "  - {id: tour, title: Tour, at: hyundai, date: 2023-09-19, start: \"13:30\", "
             "duration: 1h, with: [bergmann]}\n" SESSION("2", "1") "     requests: [{from: elbe, to: "
                                                                   "kia}, {from: sax, to: kia}]}\n";
    itin_plan *p;
    itin_diags d;
    itin_itinerary *it = schedule(text, &p, &d);
    assert_non_null(it);
    assert_int_equal(it->n_matches, 1);
    const itin_match *m = &it->matches[0];
    assert_int_equal(m->n_meetings, 1);
    assert_int_equal(m->n_unmet, 1);
    assert_string_equal(m->unmet[0].reason, "members busy with visit 'tour'");
    const itin_item *x = meeting(it, "s:sax:kia");
    assert_non_null(x);
    assert_int_equal(x->local_start, 13 * 60);
    assert_int_equal(x->table, 1);
    assert_true(x->interpreted); /* de and en: no common language */
    itin_plan_free(p);
    itin_diags_free(&d);
}

/* One table, three requests of Sax: consecutive slots 13:00, 13:30, 14:00
 * are 5 min apart (the gap) though the buffer is 15 min, and there is no
 * conflict. Sax–HK share no language; one interpreter suffices. */
static void
gap_stands_in_for_buffer(void **state)
{
    (void)state;
    const char *text =
        PLAN SESSION("1", "1") "     requests: [{from: sax, to: kia, priority: high}, {from: sax, "
                               "to: hk}, {from: elbe, to: kia, priority: low}]}\n";
    itin_plan *p;
    itin_diags d;
    itin_itinerary *it = schedule(text, &p, &d);
    assert_non_null(it);
    assert_int_equal(d.conflicts, 0);
    const itin_match *m = &it->matches[0];
    assert_int_equal(m->n_meetings, 3);
    assert_true(m->optimal);
    assert_int_equal(m->weight, 6);
    /* Earliest slots first: the three meetings take 13:00, 13:30, 14:00. */
    int starts[3];
    for (size_t i = 0; i < 3; i++)
        starts[i] = it->items[m->meetings[i]].local_start;
    assert_int_equal(starts[0], 13 * 60);
    assert_int_equal(starts[1], 13 * 60 + 30);
    assert_int_equal(starts[2], 14 * 60);
    assert_true(meeting(it, "s:sax:hk")->interpreted);
    itin_plan_free(p);
    itin_diags_free(&d);
}

/* Unavailable all afternoon: the reason says so. */
static void
unavailable_reason(void **state)
{
    (void)state;
    const char *text = PLAN SESSION("1", "0") "     requests: [{from: sax, to: kia}],\n"
                                              "     unavailable: [{company: kia, from: \"12:00\", to: "
                                              "\"16:00\"}]}\n";
    itin_plan *p;
    itin_diags d;
    itin_itinerary *it = schedule(text, &p, &d);
    assert_non_null(it);
    assert_int_equal(it->matches[0].n_unmet, 1);
    assert_string_equal(it->matches[0].unmet[0].reason, "'kia' is unavailable throughout");
    itin_plan_free(p);
    itin_diags_free(&d);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(milp_reaches_exhaustive_optimum),
        cmocka_unit_test(milp_prefers_earlier_slots),
        cmocka_unit_test(interpreters_bind),
        cmocka_unit_test(members_busy_with_visit),
        cmocka_unit_test(gap_stands_in_for_buffer),
        cmocka_unit_test(unavailable_reason),
        cmocka_unit_test(shared_participant),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
