/* test_who: unit tests for the who-mask operations in src/who.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>

#include "arena.h"
#include "who.h"

static void
test_words(void **state)
{
    (void)state;
    assert_int_equal(itin_who_words(0), 1);
    assert_int_equal(itin_who_words(1), 1);
    assert_int_equal(itin_who_words(64), 1);
    assert_int_equal(itin_who_words(65), 2);
}

static void
test_add_has_count(void **state)
{
    (void)state;
    uint64_t *m = itin_who_new(2);
    itin_who_add(m, 3);
    itin_who_add(m, 64);
    itin_who_add(m, 3);
    assert_true(itin_who_has(m, 3));
    assert_true(itin_who_has(m, 64));
    assert_false(itin_who_has(m, 63));
    assert_int_equal(itin_who_count(m, 2), 2);
    itin_who_clear(m, 2);
    assert_int_equal(itin_who_count(m, 2), 0);
    free(m);
}

/* "All" means participants 0..n-1, across a word boundary too. */
static void
test_all(void **state)
{
    (void)state;
    for (size_t n = 1; n <= 130; n++) {
        size_t words = itin_who_words(n);
        uint64_t *m = itin_who_new(words);
        assert_false(itin_who_is_all(m, n));
        itin_who_add_all(m, n);
        assert_true(itin_who_is_all(m, n));
        assert_int_equal(itin_who_count(m, words), n);
        m[(n - 1) / 64] &= ~((uint64_t)1 << ((n - 1) % 64));
        assert_false(itin_who_is_all(m, n));
        free(m);
    }
    uint64_t none = 0;
    assert_false(itin_who_is_all(&none, 0));
}

static void
test_group_equal_intersects(void **state)
{
    (void)state;
    size_t members[] = {1, 70};
    itin_group g = {.id = "g", .name = "G", .members = members, .n_members = 2};
    uint64_t *a = itin_who_new(2), *b = itin_who_new(2);
    itin_who_add_group(a, &g);
    itin_who_add(b, 70);
    assert_true(itin_who_intersects(a, b, 2));
    assert_false(itin_who_equal(a, b, 2));
    itin_who_add(b, 1);
    assert_true(itin_who_equal(a, b, 2));
    itin_who_clear(b, 2);
    itin_who_add(b, 2);
    assert_false(itin_who_intersects(a, b, 2));
    free(a);
    free(b);
}

static void
test_each_in_order(void **state)
{
    (void)state;
    uint64_t *m = itin_who_new(3);
    size_t want[] = {0, 5, 63, 64, 127, 128};
    for (size_t k = 0; k < 6; k++)
        itin_who_add(m, want[k]);
    size_t got[8], n = 0;
    ITIN_WHO_EACH(i, m, 130)
    got[n++] = i;
    assert_int_equal(n, 6);
    for (size_t k = 0; k < 6; k++)
        assert_int_equal(got[k], want[k]);
    /* Bits at or past n are not participants. */
    n = 0;
    ITIN_WHO_EACH(i, m, 64)
    n++;
    assert_int_equal(n, 3);
    assert_int_equal(itin_who_next(m, 130, 6), 63);
    assert_int_equal(itin_who_next(m, 130, 129), 130);
    free(m);
}

/* Interning: equal masks give one copy, different ones their own, also
 * after the table has grown; the copies outlive the set. */
static void
test_set_intern(void **state)
{
    (void)state;
    itin_arena *A = itin_arena_new();
    itin_who_set s = {0};
    enum { W = 3, N = 500 };
    const uint64_t *first[N];
    for (int i = 0; i < N; i++) {
        uint64_t m[W] = {(uint64_t)i, (uint64_t)i * 7919u, i % 2 ? ~(uint64_t)0 : 0};
        first[i] = itin_who_set_intern(&s, A, m, W);
        assert_non_null(first[i]);
        assert_true(first[i] != m);
        assert_true(itin_who_equal(first[i], m, W));
    }
    assert_int_equal(s.n, N);
    for (int i = 0; i < N; i++) {
        uint64_t m[W] = {(uint64_t)i, (uint64_t)i * 7919u, i % 2 ? ~(uint64_t)0 : 0};
        assert_ptr_equal(itin_who_set_intern(&s, A, m, W), first[i]);
        if (i)
            assert_true(first[i] != first[i - 1]);
    }
    assert_int_equal(s.n, N);
    itin_who_set_free(&s);
    assert_null(s.v);
    assert_int_equal(first[N - 1][0], N - 1);
    itin_arena_free(A);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),         cmocka_unit_test(test_add_has_count),
        cmocka_unit_test(test_all),           cmocka_unit_test(test_group_equal_intersects),
        cmocka_unit_test(test_each_in_order), cmocka_unit_test(test_set_intern),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
