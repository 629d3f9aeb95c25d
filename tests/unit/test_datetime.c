/* test_datetime: unit tests for the clock-time formatter and the midnight rule in src/datetime.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "datetime.h"

static void
test_hm_times_of_day(void **state)
{
    (void)state;
    char buf[ITIN_HM_SIZE];
    assert_string_equal(itin_hm(0, buf), "00:00");
    assert_string_equal(itin_hm(9 * 60 + 5, buf), "09:05");
    assert_string_equal(itin_hm(23 * 60 + 59, buf), "23:59");
}

/* Midnight: 0 is the start of a day, 1440 the end of one. */
static void
test_hm_midnight_start_and_end(void **state)
{
    (void)state;
    char buf[ITIN_HM_SIZE];
    assert_string_equal(itin_hm(0, buf), "00:00");
    assert_string_equal(itin_hm(1440, buf), "24:00");
}

static void
test_hm_wraps_other_values(void **state)
{
    (void)state;
    char buf[ITIN_HM_SIZE];
    assert_string_equal(itin_hm(1441, buf), "00:01");
    assert_string_equal(itin_hm(2880, buf), "00:00");
    assert_string_equal(itin_hm(-30, buf), "23:30");
}

/* An end at the next midnight is 24:00 on the day it closes. */
static void
test_end_of_day_midnight(void **state)
{
    (void)state;
    itin_date end = 101;
    int minutes = 0;
    itin_end_of_day(100, &end, &minutes);
    assert_int_equal(end, 100);
    assert_int_equal(minutes, 1440);
    /* Two days on: still the day before the midnight. */
    end = 102, minutes = 0;
    itin_end_of_day(100, &end, &minutes);
    assert_int_equal(end, 101);
    assert_int_equal(minutes, 1440);
}

static void
test_end_of_day_leaves_other_ends(void **state)
{
    (void)state;
    itin_date end = 100;
    int minutes = 0; /* an end at the start's own midnight (zero length) */
    itin_end_of_day(100, &end, &minutes);
    assert_int_equal(end, 100);
    assert_int_equal(minutes, 0);
    end = 101, minutes = 30;
    itin_end_of_day(100, &end, &minutes);
    assert_int_equal(end, 101);
    assert_int_equal(minutes, 30);
}

static void
test_ymd_round_trip(void **state)
{
    (void)state;
    int y, m, d;
    itin_date_to_ymd(itin_date_from_ymd(2023, 10, 29), &y, &m, &d);
    assert_int_equal(y, 2023);
    assert_int_equal(m, 10);
    assert_int_equal(d, 29);
    assert_int_equal(itin_date_from_ymd(1970, 1, 1), 0);
    assert_int_equal(itin_date_from_ymd(2022, 2, 29), itin_date_from_ymd(2022, 3, 1));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hm_times_of_day),
        cmocka_unit_test(test_hm_midnight_start_and_end),
        cmocka_unit_test(test_hm_wraps_other_values),
        cmocka_unit_test(test_end_of_day_midnight),
        cmocka_unit_test(test_end_of_day_leaves_other_ends),
        cmocka_unit_test(test_ymd_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
