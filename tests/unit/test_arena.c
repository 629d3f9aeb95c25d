/* test_arena: the allocator that owns a plan's memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"

static void
zeroed_and_aligned(void **state)
{
    (void)state;
    itin_arena *a = itin_arena_new();
    for (int i = 1; i < 200; i++) {
        unsigned char *p = itin_arena_alloc(a, (size_t)i);
        assert_int_equal((uintptr_t)p % 16, 0);
        for (int k = 0; k < i; k++)
            assert_int_equal(p[k], 0);
        memset(p, 0xff, (size_t)i);
    }
    itin_arena_free(a);
}

/* Regression: every chunk after the first used to be filed behind a full
 * head, so each small allocation took a fresh 64 KiB chunk (GBs for a
 * 10,000-visit plan). */
static void
small_allocations_share_chunks(void **state)
{
    (void)state;
    itin_arena *a = itin_arena_new();
    for (int i = 0; i < 100000; i++)
        itin_arena_alloc(a, 80);
    assert_int_equal(itin_arena_used(a), 8000000);
    assert_true(itin_arena_reserved(a) < 8000000 + 8000000 / 8);
    itin_arena_free(a);
}

static void
big_blocks_keep_the_current_chunk(void **state)
{
    (void)state;
    itin_arena *a = itin_arena_new();
    itin_arena_alloc(a, 32);
    size_t before = itin_arena_reserved(a);
    itin_arena_alloc(a, 1 << 20); /* a block of its own */
    itin_arena_alloc(a, 32);      /* still fits the first chunk */
    assert_int_equal(itin_arena_reserved(a), before + (1 << 20));
    itin_arena_free(a);
}

static void
strings_and_growth(void **state)
{
    (void)state;
    itin_arena *a = itin_arena_new();
    assert_string_equal(itin_arena_strdup(a, "Buß- und Bettag"), "Buß- und Bettag");
    assert_string_equal(itin_arena_strndup(a, "abcdef", 3), "abc");
    assert_string_equal(itin_arena_printf(a, "%s-%d", "day", 2), "day-2");
    assert_null(itin_arena_strdup(a, NULL));
    int *v = NULL;
    size_t n = 0, cap = 0;
    for (int i = 0; i < 1000; i++)
        *ITIN_PUSH(a, v, n, cap) = i;
    assert_int_equal(n, 1000);
    assert_true(cap >= 1000);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(v[i], i);
    itin_arena_free(a);
}

/* Text is packed, byte after byte; an object after text is aligned again. */
static void
strings_packed_objects_aligned(void **state)
{
    (void)state;
    itin_arena *a = itin_arena_new();
    char *s1 = itin_arena_strdup(a, "abc");
    char *s2 = itin_arena_strndup(a, "defgh", 2);
    char *s3 = itin_arena_cat(a, "x", "yz", (char *)NULL);
    char *s4 = itin_arena_printf(a, "%d-%s", 42, "q");
    assert_ptr_equal(s2, s1 + 4);
    assert_ptr_equal(s3, s2 + 3);
    assert_ptr_equal(s4, s3 + 4);
    assert_string_equal(s1, "abc");
    assert_string_equal(s2, "de");
    assert_string_equal(s3, "xyz");
    assert_string_equal(s4, "42-q");
    long double *o = itin_arena_alloc(a, sizeof *o);
    assert_int_equal((uintptr_t)o % 16, 0);
    assert_true((char *)o > s4 + 4);
    *o = 1.5L;
    char *empty = itin_arena_strdup(a, "");
    assert_string_equal(empty, "");
    itin_arena_free(a);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(zeroed_and_aligned),
        cmocka_unit_test(small_allocations_share_chunks),
        cmocka_unit_test(big_blocks_keep_the_current_chunk),
        cmocka_unit_test(strings_and_growth),
        cmocka_unit_test(strings_packed_objects_aligned),
    };
    return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
