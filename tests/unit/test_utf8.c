/* test_utf8: unit tests for the one UTF-8 decoder in src/utf8.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "utf8.h"

static void
test_decode_each_length(void **state)
{
    (void)state;
    size_t n;
    assert_int_equal(itin_utf8_decode("A", 1, &n), 'A');
    assert_int_equal(n, 1);
    assert_int_equal(itin_utf8_decode("\xC3\xA4", 2, &n), 0xE4); /* ä */
    assert_int_equal(n, 2);
    assert_int_equal(itin_utf8_decode("\xED\x95\x9C", 3, &n), 0xD55C); /* 한 */
    assert_int_equal(n, 3);
    assert_int_equal(itin_utf8_decode("\xF0\x9F\x98\x80", 4, &n), 0x1F600);
    assert_int_equal(n, 4);
}

static void
test_decode_rejects_ill_formed(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "\x80",             /* stray continuation */
        "\xC0\xAF",         /* overlong lead */
        "\xE0\x80\xAF",     /* overlong three-byte form */
        "\xED\xA0\x80",     /* surrogate U+D800 */
        "\xF4\x90\x80\x80", /* past U+10FFFF */
        "\xF5\x80\x80\x80", /* no such lead byte */
        "\xE2\x82",         /* truncated before the NUL */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        size_t n = 9;
        assert_int_equal(itin_utf8_decode(bad[i], 4, &n), -1);
        assert_int_equal(n, 1);
    }
    size_t n;
    /* Cut short by `avail`, not by a NUL. */
    assert_int_equal(itin_utf8_decode("\xC3\xA4", 1, &n), -1);
    assert_int_equal(itin_utf8_decode("", 0, &n), -1);
}

static void
test_valid_reports_offset(void **state)
{
    (void)state;
    size_t bad = 99;
    assert_true(itin_utf8_valid("Gr\xC3\xBC\xC3\x9F", 6, &bad));
    assert_false(itin_utf8_valid("ab\xC3(", 4, &bad));
    assert_int_equal(bad, 2);
    assert_false(itin_utf8_valid("ab\xC3", 3, &bad));
    assert_int_equal(bad, 2);
    assert_true(itin_utf8_continues(0x80));
    assert_false(itin_utf8_continues(0xC3));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_each_length),
        cmocka_unit_test(test_decode_rejects_ill_formed),
        cmocka_unit_test(test_valid_reports_offset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
