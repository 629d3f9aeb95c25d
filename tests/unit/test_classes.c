/* test_classes: the scheduler's classes of participants who share every
 * item (sched_build_classes in src/schedule_place.c), against the
 * definition checked pair by pair: two participants are in one class
 * exactly when no visit, leg, lodging or delegation company has one of them
 * without the other. Classes are numbered in the order of their first
 * members, and the first member of each is its representative. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "schedule.h"
#include "who.h"

/* A plan of np participants whose visits have the given masks (and, for
 * the random cases, legs, lodgings and companies too). */
typedef struct fixture {
    itin_plan P;
    sched S;
    itin_arena *A;
} fixture;

static void
setup_plan(fixture *f, size_t np)
{
    memset(f, 0, sizeof *f);
    f->A = itin_arena_new();
    f->P.arena = f->A;
    f->P.delegation.n_participants = np;
    f->P.who_words = itin_who_words(np);
    f->S.P = &f->P;
    f->S.A = f->A;
    f->S.np = np;
    f->S.words = f->P.who_words;
}

static uint64_t *
mask_of(fixture *f, const char *bits)
{
    uint64_t *m = itin_arena_alloc(f->A, f->P.who_words * sizeof *m);
    for (size_t i = 0; bits[i]; i++)
        if (bits[i] == '1')
            itin_who_add(m, i);
    return m;
}

static void
add_visits(fixture *f, const char *const *masks, size_t n)
{
    f->P.visits = itin_arena_alloc(f->A, (n ? n : 1) * sizeof *f->P.visits);
    f->P.n_visits = n;
    for (size_t i = 0; i < n; i++)
        f->P.visits[i].who.bits = mask_of(f, masks[i]);
}

/* Whether p and q are in every mask of the plan together or not at all. */
static bool
together(const fixture *f, size_t p, size_t q)
{
    const itin_plan *P = &f->P;
    const uint64_t *m;
#define SAME(mask) (m = (mask), !m || itin_who_has(m, p) == itin_who_has(m, q))
    for (size_t i = 0; i < P->n_visits; i++)
        if (!SAME(P->visits[i].who.bits))
            return false;
    for (size_t i = 0; i < P->n_legs; i++)
        if (!SAME(P->legs[i].who.bits))
            return false;
    for (size_t i = 0; i < P->n_lodgings; i++)
        if (!SAME(P->lodgings[i].who.bits))
            return false;
    for (size_t i = 0; i < P->n_companies; i++)
        if (!SAME(P->companies[i].who))
            return false;
#undef SAME
    return true;
}

/* The classes against the definition, their numbering, representatives and
 * member masks. */
static void
check_classes(const fixture *f)
{
    const sched *S = &f->S;
    size_t np = S->np;
    for (size_t p = 0; p < np; p++)
        for (size_t q = p + 1; q < np; q++)
            assert_int_equal(S->cls[p] == S->cls[q], together(f, p, q));
    size_t next = 0;
    for (size_t p = 0; p < np; p++) {
        size_t c = S->cls[p];
        assert_true(c < S->n_cls);
        bool first = true;
        for (size_t q = 0; q < p; q++)
            if (S->cls[q] == c)
                first = false;
        if (first)
            assert_int_equal(c, next++); /* numbered by first member */
        assert_int_equal(itin_who_has(S->reps, p), first);
        for (size_t q = 0; q < np; q++)
            assert_int_equal(itin_who_has(S->cls_who + c * S->words, q), S->cls[q] == c);
    }
    assert_int_equal(next, S->n_cls);
}

static void
everyone_is_one_class(void **state)
{
    (void)state;
    fixture f;
    setup_plan(&f, 5);
    const char *masks[] = {"11111", "11111", "11111"};
    add_visits(&f, masks, 3);
    sched_build_classes(&f.S);
    assert_int_equal(f.S.n_cls, 1);
    check_classes(&f);
    itin_arena_free(f.A);
}

static void
groups_that_split_and_rejoin(void **state)
{
    (void)state;
    fixture f;
    setup_plan(&f, 6);
    /* {0,1} and {2,3} always together, 4 alone, 5 with 4 once. */
    const char *masks[] = {"111111", "110000", "001100", "111110", "000011", "001111"};
    add_visits(&f, masks, 6);
    sched_build_classes(&f.S);
    assert_int_equal(f.S.n_cls, 4);
    assert_int_equal(f.S.cls[0], 0);
    assert_int_equal(f.S.cls[1], 0);
    assert_int_equal(f.S.cls[2], 1);
    assert_int_equal(f.S.cls[3], 1);
    assert_int_equal(f.S.cls[4], 2);
    assert_int_equal(f.S.cls[5], 3);
    check_classes(&f);
    itin_arena_free(f.A);
}

static void
no_participants_and_no_items(void **state)
{
    (void)state;
    fixture f;
    setup_plan(&f, 0);
    sched_build_classes(&f.S);
    assert_int_equal(f.S.n_cls, 1);
    itin_arena_free(f.A);
    setup_plan(&f, 3);
    sched_build_classes(&f.S);
    assert_int_equal(f.S.n_cls, 1);
    check_classes(&f);
    itin_arena_free(f.A);
}

/* A small linear congruential generator: the same cases on every machine. */
static unsigned
next_random(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}

/* A random mask: everyone, a run of neighbours (as groups are), or a few
 * scattered participants. */
static uint64_t *
random_mask(fixture *f, unsigned *seed)
{
    size_t np = f->S.np;
    uint64_t *m = itin_arena_alloc(f->A, f->P.who_words * sizeof *m);
    int kind = next_random(seed) % 3;
    if (kind == 0) {
        itin_who_add_all(m, np);
    } else if (kind == 1) {
        size_t a = (size_t)next_random(seed) % np, n = 1 + (size_t)next_random(seed) % 4;
        for (size_t i = a; i < a + n && i < np; i++)
            itin_who_add(m, i);
    } else {
        for (int k = next_random(seed) % 5; k >= 0; k--)
            itin_who_add(m, (size_t)next_random(seed) % np);
    }
    return m;
}

/* 400 random plans of 1 to 150 participants (across word boundaries), with
 * masks on visits, legs, lodgings and companies. */
static void
random_plans_match_the_definition(void **state)
{
    (void)state;
    unsigned seed = 20261203;
    for (int round = 0; round < 400; round++) {
        fixture f;
        setup_plan(&f, 1 + (size_t)next_random(&seed) % 150);
        itin_plan *P = &f.P;
        P->n_visits = (size_t)next_random(&seed) % 40;
        P->n_legs = (size_t)next_random(&seed) % 5;
        P->n_lodgings = (size_t)next_random(&seed) % 4;
        P->n_companies = (size_t)next_random(&seed) % 4;
        P->visits = itin_arena_alloc(f.A, (P->n_visits + 1) * sizeof *P->visits);
        P->legs = itin_arena_alloc(f.A, (P->n_legs + 1) * sizeof *P->legs);
        P->lodgings = itin_arena_alloc(f.A, (P->n_lodgings + 1) * sizeof *P->lodgings);
        P->companies = itin_arena_alloc(f.A, (P->n_companies + 1) * sizeof *P->companies);
        for (size_t i = 0; i < P->n_visits; i++)
            P->visits[i].who.bits = random_mask(&f, &seed);
        for (size_t i = 0; i < P->n_legs; i++)
            P->legs[i].who.bits = random_mask(&f, &seed);
        for (size_t i = 0; i < P->n_lodgings; i++)
            P->lodgings[i].who.bits = random_mask(&f, &seed);
        for (size_t i = 0; i < P->n_companies; i++)
            P->companies[i].who = next_random(&seed) % 2 ? random_mask(&f, &seed) : NULL; /* a host company */
        sched_build_classes(&f.S);
        check_classes(&f);
        itin_arena_free(f.A);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(everyone_is_one_class),
        cmocka_unit_test(groups_that_split_and_rejoin),
        cmocka_unit_test(no_participants_and_no_items),
        cmocka_unit_test(random_plans_match_the_definition),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
