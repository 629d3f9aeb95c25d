/* test_strmap: unit tests for the string hash and the maps in src/strmap.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>

#include "strmap.h"

/* The published 64-bit FNV-1a test vectors. */
static void
test_hash_fnv1a(void **state)
{
    (void)state;
    assert_true(itin_hash_string("") == 0xcbf29ce484222325ULL);
    assert_true(itin_hash_string("a") == 0xaf63dc4c8601ec8cULL);
    assert_true(itin_hash_string("foobar") == 0x85944171f73967e8ULL);
}

static void
test_strmap_put_get(void **state)
{
    (void)state;
    static char keys[200][8];
    itin_strmap m;
    itin_strmap_init(&m);
    for (size_t i = 0; i < 200; i++) {
        snprintf(keys[i], sizeof keys[i], "k%zu", i);
        assert_int_equal(itin_strmap_put(&m, keys[i], i, NULL), 1);
    }
    size_t v = 0, old = 0;
    assert_int_equal(itin_strmap_put(&m, "k7", 99, &old), 0);
    assert_int_equal(old, 7);
    for (size_t i = 0; i < 200; i++) {
        assert_int_equal(itin_strmap_get(&m, keys[i], &v), 1);
        assert_int_equal(v, i);
    }
    assert_int_equal(itin_strmap_get(&m, "k200", &v), 0);
    itin_strmap_free(&m);
}

static void
test_pairmap_put_get(void **state)
{
    (void)state;
    itin_pairmap m;
    itin_pairmap_init(&m);
    for (uint64_t i = 0; i < 100; i++)
        assert_int_equal(itin_pairmap_put(&m, i, i * 7, (size_t)i, NULL), 1);
    size_t v = 0;
    assert_int_equal(itin_pairmap_get(&m, 5, 35, &v), 1);
    assert_int_equal(v, 5);
    assert_int_equal(itin_pairmap_get(&m, 5, 36, &v), 0);
    itin_pairmap_free(&m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash_fnv1a),
        cmocka_unit_test(test_strmap_put_get),
        cmocka_unit_test(test_pairmap_put_get),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
