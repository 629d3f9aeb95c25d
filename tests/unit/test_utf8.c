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

/* Validity and the offset of the first bad byte, with ASCII, a character of
 * two to four bytes or an ill-formed sequence at every position of texts of
 * 0 to 40 bytes: against a decode of each character in turn (ASCII is checked
 * eight bytes at a time). */
static void
test_valid_at_every_position(void **state)
{
    (void)state;
    const char *pieces[] = {"a",    "\xC3\xA4", "\xEA\xB0\x80", "\xF0\x9F\x98\x80",
                            "\x80", "\xC3(",    "\xED\xA0\x80", "\xF4\x90\x80\x80",
                            "\xC3"};
    char in[64];
    for (size_t len = 0; len <= 40; len++)
        for (size_t at = 0; at <= len; at++)
            for (size_t p = 0; p < sizeof pieces / sizeof *pieces; p++) {
                memset(in, 'x', len);
                size_t plen = strlen(pieces[p]), total = at + plen > len ? at + plen : len;
                memcpy(in + at, pieces[p], plen);
                size_t want_bad = SIZE_MAX, i = 0;
                while (i < total) {
                    size_t n;
                    if (itin_utf8_decode(in + i, total - i, &n) < 0) {
                        want_bad = i;
                        break;
                    }
                    i += n;
                }
                size_t bad = SIZE_MAX;
                bool ok = itin_utf8_valid(in, total, &bad);
                if (ok != (want_bad == SIZE_MAX) || bad != want_bad)
                    fail_msg("piece %zu at %zu of %zu: valid %d, bad %zu; want bad %zu", p, at, total, ok,
                             bad, want_bad);
            }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_each_length),
        cmocka_unit_test(test_decode_rejects_ill_formed),
        cmocka_unit_test(test_valid_reports_offset),
        cmocka_unit_test(test_valid_at_every_position),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
