/* test_values: unit tests for the scalar parsers, checks and formatters in src/values.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "datetime.h"
#include "utf8.h"
#include "values.h"

/* Assert that a call failed with -1 and that its message (in `err`) contains `sub`. */
#define ASSERT_FAILS(call, sub)                                                                              \
    do {                                                                                                     \
        err[0] = '\0';                                                                                       \
        assert_int_equal((call), -1);                                                                        \
        if (!strstr(err, (sub)))                                                                             \
            fail_msg("message \"%s\" lacks \"%s\"", err, (sub));                                             \
        assert_null(strchr(err, '\n'));                                                                      \
    } while (0)

static char err[512];

/* ------------------------------------------------------------------- dates */

static void
test_date_valid(void **state)
{
    (void)state;
    itin_date d = -7;
    assert_int_equal(itin_parse_date("2022-11-22", &d, err, sizeof err), 0);
    assert_int_equal(d, 19318);
    assert_int_equal(itin_parse_date("1970-01-01", &d, err, sizeof err), 0);
    assert_int_equal(d, 0);
    assert_int_equal(itin_parse_date("1969-12-31", &d, err, sizeof err), 0);
    assert_int_equal(d, -1);
}

static void
test_date_range_limits(void **state)
{
    (void)state;
    itin_date d;
    assert_int_equal(itin_parse_date("1900-01-01", &d, err, sizeof err), 0);
    assert_int_equal(d, -25567);
    assert_int_equal(itin_parse_date("2199-12-31", &d, err, sizeof err), 0);
    assert_int_equal(d, 84005);
    ASSERT_FAILS(itin_parse_date("1899-12-31", &d, err, sizeof err), "year must be 1900..2199");
    ASSERT_FAILS(itin_parse_date("2200-01-01", &d, err, sizeof err), "year must be 1900..2199");
}

static void
test_date_leap_day(void **state)
{
    (void)state;
    itin_date d;
    assert_int_equal(itin_parse_date("2024-02-29", &d, err, sizeof err), 0);
    assert_int_equal(d, 19782);
    assert_int_equal(itin_parse_date("2000-02-29", &d, err, sizeof err), 0);
    ASSERT_FAILS(itin_parse_date("2023-02-29", &d, err, sizeof err),
                 "invalid date '2023-02-29': no such day");
    ASSERT_FAILS(itin_parse_date("1900-02-29", &d, err, sizeof err), "no such day");
}

static void
test_date_no_such_day(void **state)
{
    (void)state;
    itin_date d;
    ASSERT_FAILS(itin_parse_date("2022-02-30", &d, err, sizeof err),
                 "invalid date '2022-02-30': no such day");
    ASSERT_FAILS(itin_parse_date("2022-04-31", &d, err, sizeof err), "no such day");
    ASSERT_FAILS(itin_parse_date("2022-01-00", &d, err, sizeof err), "no such day");
    ASSERT_FAILS(itin_parse_date("2022-01-32", &d, err, sizeof err), "no such day");
}

static void
test_date_bad_month(void **state)
{
    (void)state;
    itin_date d;
    ASSERT_FAILS(itin_parse_date("2022-13-01", &d, err, sizeof err),
                 "invalid date '2022-13-01': no such month");
    ASSERT_FAILS(itin_parse_date("2022-00-10", &d, err, sizeof err), "no such month");
}

static void
test_date_bad_shape(void **state)
{
    (void)state;
    itin_date d = 42;
    ASSERT_FAILS(itin_parse_date("2022-1-1", &d, err, sizeof err),
                 "invalid date '2022-1-1': expected YYYY-MM-DD");
    ASSERT_FAILS(itin_parse_date("2022-11-22x", &d, err, sizeof err), "expected YYYY-MM-DD");
    ASSERT_FAILS(itin_parse_date("2022-11-22 ", &d, err, sizeof err), "expected YYYY-MM-DD");
    ASSERT_FAILS(itin_parse_date(" 2022-11-22", &d, err, sizeof err), "expected YYYY-MM-DD");
    ASSERT_FAILS(itin_parse_date("2022/11/22", &d, err, sizeof err), "expected YYYY-MM-DD");
    ASSERT_FAILS(itin_parse_date("+022-11-22", &d, err, sizeof err), "expected YYYY-MM-DD");
    ASSERT_FAILS(itin_parse_date("2022-1a-22", &d, err, sizeof err), "expected YYYY-MM-DD");
    ASSERT_FAILS(itin_parse_date("", &d, err, sizeof err), "invalid date '': expected");
    assert_int_equal(d, 42); /* untouched on failure */
}

static void
test_date_null_err(void **state)
{
    (void)state;
    itin_date d;
    char small[8];
    assert_int_equal(itin_parse_date("2022-02-30", &d, NULL, 0), -1);
    assert_int_equal(itin_parse_date("2022-02-30", &d, small, sizeof small), -1);
    assert_string_equal(small, "invalid");
}

static void
test_date_round_trip(void **state)
{
    (void)state;
    char buf[16];
    for (itin_date d = -25567; d <= 84005; d += 7) {
        int y, m, dd;
        itin_date back;
        itin_date_to_ymd(d, &y, &m, &dd);
        assert_int_equal(itin_date_from_ymd(y, m, dd), d);
        assert_int_equal(itin_parse_date(itin_date_format(d, buf), &back, err, sizeof err), 0);
        assert_int_equal(back, d);
    }
}

static void
test_date_ymd(void **state)
{
    (void)state;
    int y, m, d;
    assert_int_equal(itin_date_from_ymd(2022, 11, 22), 19318);
    assert_int_equal(itin_date_from_ymd(2000, 3, 1), 11017);
    itin_date_to_ymd(19782, &y, &m, &d);
    assert_int_equal(y, 2024);
    assert_int_equal(m, 2);
    assert_int_equal(d, 29);
    itin_date_to_ymd(-1, &y, &m, &d);
    assert_int_equal(y, 1969);
    assert_int_equal(m, 12);
    assert_int_equal(d, 31);
}

static void
test_date_format(void **state)
{
    (void)state;
    char buf[11];
    assert_ptr_equal(itin_date_format(19318, buf), buf);
    assert_string_equal(buf, "2022-11-22");
    assert_string_equal(itin_date_format(0, buf), "1970-01-01");
    assert_string_equal(itin_date_format(-25567, buf), "1900-01-01");
    assert_string_equal(itin_date_format(19782, buf), "2024-02-29");
}

static void
test_date_weekday(void **state)
{
    (void)state;
    assert_int_equal(itin_date_weekday(19318), 1);     /* 2022-11-22, a Tuesday */
    assert_int_equal(itin_date_weekday(0), 3);         /* 1970-01-01, a Thursday */
    assert_int_equal(itin_date_weekday(-1), 2);        /* 1969-12-31, a Wednesday */
    assert_int_equal(itin_date_weekday(-25567), 0);    /* 1900-01-01, a Monday */
    assert_int_equal(itin_date_weekday(19782), 3);     /* 2024-02-29, a Thursday */
    assert_int_equal(itin_date_weekday(19318 + 5), 6); /* 2022-11-27, a Sunday */
    assert_int_equal(itin_date_weekday(INT32_MIN), ((INT32_MIN % 7) + 7 + 3) % 7);
}

/* ------------------------------------------------------------------- times */

static void
test_time_valid(void **state)
{
    (void)state;
    int t = -1;
    assert_int_equal(itin_parse_time("00:00", false, &t, err, sizeof err), 0);
    assert_int_equal(t, 0);
    assert_int_equal(itin_parse_time("23:59", false, &t, err, sizeof err), 0);
    assert_int_equal(t, 1439);
    assert_int_equal(itin_parse_time("09:30", false, &t, err, sizeof err), 0);
    assert_int_equal(t, 570);
}

static void
test_time_24(void **state)
{
    (void)state;
    int t = -1;
    assert_int_equal(itin_parse_time("24:00", true, &t, err, sizeof err), 0);
    assert_int_equal(t, 1440);
    ASSERT_FAILS(itin_parse_time("24:00", false, &t, err, sizeof err),
                 "invalid time '24:00': hours must be 00..23");
    ASSERT_FAILS(itin_parse_time("24:01", true, &t, err, sizeof err), "hours must be 00..23");
}

static void
test_time_bad_shape(void **state)
{
    (void)state;
    int t = 77;
    ASSERT_FAILS(itin_parse_time("9:30", false, &t, err, sizeof err),
                 "invalid time '9:30': expected HH:MM (24-hour)");
    ASSERT_FAILS(itin_parse_time("09:30 ", false, &t, err, sizeof err), "expected HH:MM");
    ASSERT_FAILS(itin_parse_time("0930", false, &t, err, sizeof err), "expected HH:MM");
    ASSERT_FAILS(itin_parse_time("09.30", false, &t, err, sizeof err), "expected HH:MM");
    ASSERT_FAILS(itin_parse_time("09:3a", false, &t, err, sizeof err), "expected HH:MM");
    ASSERT_FAILS(itin_parse_time("09:30:00", false, &t, err, sizeof err), "expected HH:MM");
    ASSERT_FAILS(itin_parse_time("", false, &t, err, sizeof err), "expected HH:MM");
    assert_int_equal(t, 77);
}

static void
test_time_out_of_range(void **state)
{
    (void)state;
    int t;
    ASSERT_FAILS(itin_parse_time("09:60", false, &t, err, sizeof err),
                 "invalid time '09:60': minutes must be 00..59");
    ASSERT_FAILS(itin_parse_time("25:00", false, &t, err, sizeof err),
                 "invalid time '25:00': hours must be 00..23");
    ASSERT_FAILS(itin_parse_time("25:00", true, &t, err, sizeof err), "hours must be 00..23");
}

/* --------------------------------------------------------------- datetimes */

static void
test_datetime_valid(void **state)
{
    (void)state;
    itin_date d = 0;
    int t = 0;
    assert_int_equal(itin_parse_datetime("2022-11-21 18:30", &d, &t, err, sizeof err), 0);
    assert_int_equal(d, 19317);
    assert_int_equal(t, 1110);
    assert_int_equal(itin_parse_datetime("2022-11-22T09:05", &d, &t, err, sizeof err), 0);
    assert_int_equal(d, 19318);
    assert_int_equal(t, 545);
}

static void
test_datetime_bad_separator(void **state)
{
    (void)state;
    itin_date d;
    int t;
    ASSERT_FAILS(itin_parse_datetime("2022-11-22  09:00", &d, &t, err, sizeof err),
                 "expected 'YYYY-MM-DD HH:MM' or 'YYYY-MM-DDTHH:MM'");
    ASSERT_FAILS(itin_parse_datetime("2022-11-22t09:00", &d, &t, err, sizeof err),
                 "invalid datetime '2022-11-22t09:00'");
    ASSERT_FAILS(itin_parse_datetime("2022-11-22_09:00", &d, &t, err, sizeof err),
                 "expected 'YYYY-MM-DD HH:MM'");
    ASSERT_FAILS(itin_parse_datetime("2022-11-22", &d, &t, err, sizeof err), "expected 'YYYY-MM-DD HH:MM'");
    ASSERT_FAILS(itin_parse_datetime("2022-11-22 09:00 ", &d, &t, err, sizeof err),
                 "expected 'YYYY-MM-DD HH:MM'");
}

static void
test_datetime_bad_parts(void **state)
{
    (void)state;
    itin_date d;
    int t;
    ASSERT_FAILS(itin_parse_datetime("2022-02-30 09:00", &d, &t, err, sizeof err),
                 "invalid datetime '2022-02-30 09:00': no such day");
    ASSERT_FAILS(itin_parse_datetime("2022-11-22 09:60", &d, &t, err, sizeof err), "minutes must be 00..59");
    ASSERT_FAILS(itin_parse_datetime("2022-11-22 24:00", &d, &t, err, sizeof err), "hours must be 00..23");
    ASSERT_FAILS(itin_parse_datetime("2022-1a-22 09:00", &d, &t, err, sizeof err), "expected YYYY-MM-DD");
    ASSERT_FAILS(itin_parse_datetime("2022-11-22 9:00x", &d, &t, err, sizeof err), "expected HH:MM");
}

/* --------------------------------------------------------------- durations */

static int
dur(const char *s)
{
    int m = -12345;
    if (itin_parse_duration(s, &m, err, sizeof err) != 0)
        fail_msg("duration '%s' rejected: %s", s, err);
    return m;
}

static void
test_duration_minutes(void **state)
{
    (void)state;
    assert_int_equal(dur("90m"), 90);
    assert_int_equal(dur("45min"), 45);
    assert_int_equal(dur("90 m"), 90);
    assert_int_equal(dur("5 min"), 5);
    assert_int_equal(dur("0m"), 0);
}

static void
test_duration_hours(void **state)
{
    (void)state;
    assert_int_equal(dur("2h"), 120);
    assert_int_equal(dur("2 h"), 120);
    assert_int_equal(dur("12h"), 720);
    assert_int_equal(dur("0h"), 0);
}

static void
test_duration_hours_minutes(void **state)
{
    (void)state;
    assert_int_equal(dur("1h30m"), 90);
    assert_int_equal(dur("1h 30m"), 90);
    assert_int_equal(dur("1 h 30 m"), 90);
    assert_int_equal(dur("1h30min"), 90);
    assert_int_equal(dur("12h05m"), 725);
    assert_int_equal(dur("1h90m"), 150);
}

static void
test_duration_iso(void **state)
{
    (void)state;
    assert_int_equal(dur("PT1H30M"), 90);
    assert_int_equal(dur("PT2H"), 120);
    assert_int_equal(dur("PT45M"), 45);
    assert_int_equal(dur("P1D"), 1440);
    assert_int_equal(dur("P1DT2H"), 1560);
    assert_int_equal(dur("PT120S"), 2);
    assert_int_equal(dur("PT1M60S"), 2);
    assert_int_equal(dur("PT0M"), 0);
    assert_int_equal(dur("P0D"), 0);
}

static void
test_duration_bare_number(void **state)
{
    (void)state;
    int m = 3;
    ASSERT_FAILS(itin_parse_duration("90", &m, err, sizeof err),
                 "invalid duration '90': a bare number has no unit (write '90m')");
    ASSERT_FAILS(itin_parse_duration("0", &m, err, sizeof err), "(write '0m')");
    assert_int_equal(m, 3);
}

static void
test_duration_iso_errors(void **state)
{
    (void)state;
    int m;
    ASSERT_FAILS(itin_parse_duration("PT90S", &m, err, sizeof err),
                 "invalid duration 'PT90S': not a whole number of minutes");
    ASSERT_FAILS(itin_parse_duration("PT1M30S", &m, err, sizeof err), "not a whole number of minutes");
    ASSERT_FAILS(itin_parse_duration("PT", &m, err, sizeof err), "invalid duration 'PT': expected ISO 8601");
    ASSERT_FAILS(itin_parse_duration("P", &m, err, sizeof err), "expected ISO 8601");
    ASSERT_FAILS(itin_parse_duration("P1DT", &m, err, sizeof err), "expected ISO 8601");
    ASSERT_FAILS(itin_parse_duration("P1H", &m, err, sizeof err), "expected ISO 8601");
    ASSERT_FAILS(itin_parse_duration("pt1h", &m, err, sizeof err), "invalid duration 'pt1h'");
    ASSERT_FAILS(itin_parse_duration("PT1h", &m, err, sizeof err), "expected ISO 8601");
    ASSERT_FAILS(itin_parse_duration("PT1.5H", &m, err, sizeof err), "expected ISO 8601");
    ASSERT_FAILS(itin_parse_duration("PT30M1H", &m, err, sizeof err), "in the order H, M, S");
    ASSERT_FAILS(itin_parse_duration("PT1H1H", &m, err, sizeof err), "in the order H, M, S");
    ASSERT_FAILS(itin_parse_duration("PT1H ", &m, err, sizeof err), "expected ISO 8601");
    ASSERT_FAILS(itin_parse_duration("P1Y", &m, err, sizeof err), "expected ISO 8601");
}

static void
test_duration_order_and_repeats(void **state)
{
    (void)state;
    int m;
    ASSERT_FAILS(itin_parse_duration("1m30h", &m, err, sizeof err),
                 "invalid duration '1m30h': hours must come before minutes");
    ASSERT_FAILS(itin_parse_duration("1h1h", &m, err, sizeof err), "hours given twice");
    ASSERT_FAILS(itin_parse_duration("5m5m", &m, err, sizeof err), "minutes given twice");
}

static void
test_duration_negative(void **state)
{
    (void)state;
    int m;
    ASSERT_FAILS(itin_parse_duration("-5m", &m, err, sizeof err),
                 "invalid duration '-5m': a duration cannot be negative");
    ASSERT_FAILS(itin_parse_duration("-PT5M", &m, err, sizeof err), "cannot be negative");
    ASSERT_FAILS(itin_parse_duration("PT-5M", &m, err, sizeof err), "expected ISO 8601");
    ASSERT_FAILS(itin_parse_duration("+5m", &m, err, sizeof err), "expected a duration");
}

static void
test_duration_units(void **state)
{
    (void)state;
    int m;
    ASSERT_FAILS(itin_parse_duration("2hr", &m, err, sizeof err), "unknown unit");
    ASSERT_FAILS(itin_parse_duration("5mins", &m, err, sizeof err), "unknown unit");
    ASSERT_FAILS(itin_parse_duration("5s", &m, err, sizeof err), "unknown unit");
    ASSERT_FAILS(itin_parse_duration("2H", &m, err, sizeof err), "unknown unit");
    ASSERT_FAILS(itin_parse_duration("5M", &m, err, sizeof err), "unknown unit");
    ASSERT_FAILS(itin_parse_duration("1h30", &m, err, sizeof err), "a number without a unit");
    ASSERT_FAILS(itin_parse_duration("1.5h", &m, err, sizeof err), "fractions are not allowed");
}

static void
test_duration_spacing(void **state)
{
    (void)state;
    int m;
    ASSERT_FAILS(itin_parse_duration("", &m, err, sizeof err),
                 "invalid duration '': expected a duration such as 90m");
    ASSERT_FAILS(itin_parse_duration(" 90m", &m, err, sizeof err), "expected a duration");
    ASSERT_FAILS(itin_parse_duration("90m ", &m, err, sizeof err), "expected a duration");
    ASSERT_FAILS(itin_parse_duration("1h  30m", &m, err, sizeof err), "expected a duration");
    ASSERT_FAILS(itin_parse_duration("2  h", &m, err, sizeof err), "a number without a unit");
    ASSERT_FAILS(itin_parse_duration("90 ", &m, err, sizeof err), "a number without a unit");
    ASSERT_FAILS(itin_parse_duration("m", &m, err, sizeof err), "expected a duration");
}

static void
test_duration_overflow(void **state)
{
    (void)state;
    int m;
    assert_int_equal(dur("35791394h"), 35791394 * 60);
    ASSERT_FAILS(itin_parse_duration("35791395h", &m, err, sizeof err), "too large");
    ASSERT_FAILS(itin_parse_duration("99999999999999999999999m", &m, err, sizeof err), "too large");
    ASSERT_FAILS(itin_parse_duration("P99999999999999999999D", &m, err, sizeof err), "too large");
    ASSERT_FAILS(itin_parse_duration("P1000000000D", &m, err, sizeof err), "too large");
}

static void
test_duration_format(void **state)
{
    (void)state;
    char buf[16];
    assert_ptr_equal(itin_duration_format(95, buf), buf);
    assert_string_equal(buf, "1h35m");
    assert_string_equal(itin_duration_format(45, buf), "45m");
    assert_string_equal(itin_duration_format(120, buf), "2h");
    assert_string_equal(itin_duration_format(0, buf), "0m");
    assert_string_equal(itin_duration_format(725, buf), "12h5m");
    assert_string_equal(itin_duration_format(-90, buf), "-1h30m");
    assert_string_equal(itin_duration_format(INT_MIN, buf), "-35791394h8m");
}

static void
test_duration_format_round_trip(void **state)
{
    (void)state;
    char buf[16];
    for (int m = 0; m <= 3000; m++)
        assert_int_equal(dur(itin_duration_format(m, buf)), m);
}

/* ----------------------------------------------------------------- numbers */

static void
test_decimal_valid(void **state)
{
    (void)state;
    double v = 0;
    assert_int_equal(itin_parse_decimal("50.8163", &v, err, sizeof err), 0);
    assert_true(v == 50.8163);
    assert_int_equal(itin_parse_decimal("-12.5", &v, err, sizeof err), 0);
    assert_true(v == -12.5);
    assert_int_equal(itin_parse_decimal("+13", &v, err, sizeof err), 0);
    assert_true(v == 13.0);
    assert_int_equal(itin_parse_decimal("0", &v, err, sizeof err), 0);
    assert_true(v == 0.0);
}

static void
test_decimal_invalid(void **state)
{
    (void)state;
    double v = 9.0;
    ASSERT_FAILS(itin_parse_decimal("1e5", &v, err, sizeof err),
                 "invalid number '1e5': expected a decimal number");
    ASSERT_FAILS(itin_parse_decimal("", &v, err, sizeof err), "invalid number ''");
    ASSERT_FAILS(itin_parse_decimal(".", &v, err, sizeof err), "expected a decimal number");
    ASSERT_FAILS(itin_parse_decimal(".5", &v, err, sizeof err), "expected a decimal number");
    ASSERT_FAILS(itin_parse_decimal("5.", &v, err, sizeof err), "expected a decimal number");
    ASSERT_FAILS(itin_parse_decimal("-", &v, err, sizeof err), "expected a decimal number");
    ASSERT_FAILS(itin_parse_decimal(" 1", &v, err, sizeof err), "expected a decimal number");
    ASSERT_FAILS(itin_parse_decimal("1 ", &v, err, sizeof err), "expected a decimal number");
    ASSERT_FAILS(itin_parse_decimal("0x10", &v, err, sizeof err), "expected a decimal number");
    ASSERT_FAILS(itin_parse_decimal("inf", &v, err, sizeof err), "expected a decimal number");
    ASSERT_FAILS(itin_parse_decimal("nan", &v, err, sizeof err), "expected a decimal number");
    ASSERT_FAILS(itin_parse_decimal("1,5", &v, err, sizeof err), "expected a decimal number");
    ASSERT_FAILS(itin_parse_decimal("--1", &v, err, sizeof err), "expected a decimal number");
    assert_true(v == 9.0);
}

static void
test_decimal_out_of_range(void **state)
{
    (void)state;
    char big[420];
    double v;
    big[0] = '1';
    memset(big + 1, '0', 400);
    big[401] = '\0';
    ASSERT_FAILS(itin_parse_decimal(big, &v, err, sizeof err), "out of range");
    /* the quoted text is cut short */
    assert_non_null(strstr(err, "..."));
    assert_true(strlen(err) < 200);
}

static void
test_uint_valid(void **state)
{
    (void)state;
    long v = -1;
    assert_int_equal(itin_parse_uint("0", 10, &v, err, sizeof err), 0);
    assert_int_equal(v, 0);
    assert_int_equal(itin_parse_uint("10", 10, &v, err, sizeof err), 0);
    assert_int_equal(v, 10);
    assert_int_equal(itin_parse_uint("007", 10, &v, err, sizeof err), 0);
    assert_int_equal(v, 7);
    assert_int_equal(itin_parse_uint("9223372036854775807", LONG_MAX, &v, err, sizeof err), 0);
    assert_true(v == LONG_MAX);
}

static void
test_uint_invalid(void **state)
{
    (void)state;
    long v = 5;
    ASSERT_FAILS(itin_parse_uint("11", 10, &v, err, sizeof err), "invalid number '11': must be at most 10");
    ASSERT_FAILS(itin_parse_uint("7", 5, &v, err, sizeof err), "must be at most 5");
    ASSERT_FAILS(itin_parse_uint("99999999999999999999999", LONG_MAX, &v, err, sizeof err),
                 "must be at most");
    ASSERT_FAILS(itin_parse_uint("-1", 10, &v, err, sizeof err), "expected a non-negative whole number");
    ASSERT_FAILS(itin_parse_uint("+1", 10, &v, err, sizeof err), "non-negative whole number");
    ASSERT_FAILS(itin_parse_uint(" 1", 10, &v, err, sizeof err), "non-negative whole number");
    ASSERT_FAILS(itin_parse_uint("1 ", 10, &v, err, sizeof err), "non-negative whole number");
    ASSERT_FAILS(itin_parse_uint("1.0", 10, &v, err, sizeof err), "non-negative whole number");
    ASSERT_FAILS(itin_parse_uint("", 10, &v, err, sizeof err), "non-negative whole number");
    assert_int_equal(v, 5);
}

/* --------------------------------------------------------------------- ids */

static void
test_id_valid(void **state)
{
    (void)state;
    char id64[65];
    memset(id64, 'a', 64);
    id64[64] = '\0';
    assert_int_equal(itin_check_id("wfs", err, sizeof err), 0);
    assert_int_equal(itin_check_id("ilk.tu-dresden_2022", err, sizeof err), 0);
    assert_int_equal(itin_check_id("9", err, sizeof err), 0);
    assert_int_equal(itin_check_id(id64, err, sizeof err), 0);
}

static void
test_id_invalid(void **state)
{
    (void)state;
    char id65[66];
    memset(id65, 'a', 65);
    id65[65] = '\0';
    ASSERT_FAILS(itin_check_id(id65, err, sizeof err), "at most 64 characters");
    ASSERT_FAILS(itin_check_id("Foo", err, sizeof err),
                 "invalid id 'Foo': ids use lowercase letters, digits, '.', '_' and '-', "
                 "starting with a letter or digit");
    ASSERT_FAILS(itin_check_id("-foo", err, sizeof err), "starting with a letter or digit");
    ASSERT_FAILS(itin_check_id(".foo", err, sizeof err), "starting with a letter or digit");
    ASSERT_FAILS(itin_check_id("foo bar", err, sizeof err), "ids use lowercase letters");
    ASSERT_FAILS(itin_check_id("für", err, sizeof err), "invalid id 'für'");
    ASSERT_FAILS(itin_check_id("", err, sizeof err), "invalid id ''");
}

/* --------------------------------------------------------- opening hours */

static void
test_dayspec_single_and_range(void **state)
{
    (void)state;
    unsigned m = 0;
    assert_int_equal(itin_parse_dayspec("mon", &m, err, sizeof err), 0);
    assert_int_equal(m, 0x01);
    assert_int_equal(itin_parse_dayspec("sun", &m, err, sizeof err), 0);
    assert_int_equal(m, 0x40);
    assert_int_equal(itin_parse_dayspec("mon-fri", &m, err, sizeof err), 0);
    assert_int_equal(m, 0x1f);
    assert_int_equal(itin_parse_dayspec("mon-sun", &m, err, sizeof err), 0);
    assert_int_equal(m, 0x7f);
}

static void
test_dayspec_lists(void **state)
{
    (void)state;
    unsigned m = 0;
    assert_int_equal(itin_parse_dayspec("sat,sun", &m, err, sizeof err), 0);
    assert_int_equal(m, 0x60);
    assert_int_equal(itin_parse_dayspec("sat, sun", &m, err, sizeof err), 0);
    assert_int_equal(m, 0x60);
    assert_int_equal(itin_parse_dayspec("mon-wed,fri", &m, err, sizeof err), 0);
    assert_int_equal(m, 0x17);
    assert_int_equal(itin_parse_dayspec("mon,  wed, fri-sat", &m, err, sizeof err), 0);
    assert_int_equal(m, 0x35);
}

static void
test_dayspec_wrap(void **state)
{
    (void)state;
    unsigned m = 0;
    assert_int_equal(itin_parse_dayspec("fri-mon", &m, err, sizeof err), 0);
    assert_int_equal(m, 0x71);
    assert_int_equal(itin_parse_dayspec("sun-tue", &m, err, sizeof err), 0);
    assert_int_equal(m, 0x43);
}

static void
test_dayspec_duplicates(void **state)
{
    (void)state;
    unsigned m = 99;
    ASSERT_FAILS(itin_parse_dayspec("mon,mon", &m, err, sizeof err),
                 "invalid day spec 'mon,mon': mon is named twice");
    ASSERT_FAILS(itin_parse_dayspec("mon-fri,wed", &m, err, sizeof err), "wed is named twice");
    ASSERT_FAILS(itin_parse_dayspec("fri-mon,sun", &m, err, sizeof err), "sun is named twice");
    ASSERT_FAILS(itin_parse_dayspec("mon-mon", &m, err, sizeof err), "two different days");
    assert_int_equal(m, 99);
}

static void
test_dayspec_unknown_day(void **state)
{
    (void)state;
    unsigned m;
    ASSERT_FAILS(itin_parse_dayspec("mon,xyz", &m, err, sizeof err),
                 "unknown day 'xyz' (expected mon, tue, wed, thu, fri, sat or sun)");
    ASSERT_FAILS(itin_parse_dayspec("Mon", &m, err, sizeof err), "unknown day 'Mon'");
    ASSERT_FAILS(itin_parse_dayspec("monday", &m, err, sizeof err), "unknown day 'monday'");
    ASSERT_FAILS(itin_parse_dayspec("mno", &m, err, sizeof err), "did you mean 'mon'?");
    ASSERT_FAILS(itin_parse_dayspec("mon-xyz", &m, err, sizeof err), "unknown day 'xyz'");
    ASSERT_FAILS(itin_parse_dayspec("mon-tue-wed", &m, err, sizeof err), "unknown day 'tue-wed'");
}

static void
test_dayspec_bad_shape(void **state)
{
    (void)state;
    unsigned m;
    ASSERT_FAILS(itin_parse_dayspec("", &m, err, sizeof err), "expected a day");
    ASSERT_FAILS(itin_parse_dayspec("mon,", &m, err, sizeof err), "expected a day");
    ASSERT_FAILS(itin_parse_dayspec("mon,,tue", &m, err, sizeof err), "expected a day");
    ASSERT_FAILS(itin_parse_dayspec("mon-", &m, err, sizeof err), "expected a day");
    ASSERT_FAILS(itin_parse_dayspec(" mon", &m, err, sizeof err), "unknown day ' mon'");
    ASSERT_FAILS(itin_parse_dayspec("mon ,tue", &m, err, sizeof err), "unknown day 'mon '");
}

static void
test_interval_valid(void **state)
{
    (void)state;
    int o = -1, c = -1;
    assert_int_equal(itin_parse_interval("08:00-17:00", &o, &c, err, sizeof err), 0);
    assert_int_equal(o, 480);
    assert_int_equal(c, 1020);
    assert_int_equal(itin_parse_interval("08:00-24:00", &o, &c, err, sizeof err), 0);
    assert_int_equal(o, 480);
    assert_int_equal(c, 1440);
    assert_int_equal(itin_parse_interval("00:00-00:01", &o, &c, err, sizeof err), 0);
    assert_int_equal(o, 0);
    assert_int_equal(c, 1);
}

static void
test_interval_invalid(void **state)
{
    (void)state;
    int o = 5, c = 6;
    ASSERT_FAILS(itin_parse_interval("17:00-08:00", &o, &c, err, sizeof err),
                 "invalid interval '17:00-08:00': the closing time must be after the opening time");
    ASSERT_FAILS(itin_parse_interval("08:00-08:00", &o, &c, err, sizeof err), "closing time must be after");
    ASSERT_FAILS(itin_parse_interval("24:00-24:00", &o, &c, err, sizeof err), "hours must be 00..23");
    ASSERT_FAILS(itin_parse_interval("8:00-17:00", &o, &c, err, sizeof err), "expected HH:MM-HH:MM");
    ASSERT_FAILS(itin_parse_interval("08:00 - 17:00", &o, &c, err, sizeof err), "expected HH:MM-HH:MM");
    ASSERT_FAILS(itin_parse_interval("08:00-17:60", &o, &c, err, sizeof err), "minutes must be 00..59");
    ASSERT_FAILS(itin_parse_interval("08:00", &o, &c, err, sizeof err), "expected HH:MM-HH:MM");
    assert_int_equal(o, 5);
    assert_int_equal(c, 6);
}

/* ------------------------------------------------------ modes and languages */

static void
test_mode_parse(void **state)
{
    (void)state;
    static const char *const names[] = {"walk", "bike", "car", "taxi", "bus", "train", "flight", "ship"};
    static const itin_mode modes[] = {ITIN_MODE_WALK, ITIN_MODE_BIKE,  ITIN_MODE_CAR,    ITIN_MODE_TAXI,
                                      ITIN_MODE_BUS,  ITIN_MODE_TRAIN, ITIN_MODE_FLIGHT, ITIN_MODE_SHIP};
    for (size_t i = 0; i < 8; i++) {
        itin_mode m = ITIN_MODE_NONE;
        assert_int_equal(itin_parse_mode(names[i], &m, err, sizeof err), 0);
        assert_int_equal(m, modes[i]);
    }
}

static void
test_mode_unknown(void **state)
{
    (void)state;
    itin_mode m = ITIN_MODE_CAR;
    ASSERT_FAILS(itin_parse_mode("plane", &m, err, sizeof err),
                 "unknown travel mode 'plane' (expected walk, bike, car, taxi, bus, train, "
                 "flight or ship)");
    ASSERT_FAILS(itin_parse_mode("Car", &m, err, sizeof err), "unknown travel mode 'Car'");
    ASSERT_FAILS(itin_parse_mode("", &m, err, sizeof err), "unknown travel mode ''");
    assert_int_equal(m, ITIN_MODE_CAR);
}

static void
test_mode_name(void **state)
{
    (void)state;
    assert_string_equal(itin_mode_name(ITIN_MODE_NONE), "");
    assert_string_equal(itin_mode_name(ITIN_MODE_WALK), "walk");
    assert_string_equal(itin_mode_name(ITIN_MODE_CAR), "car");
    assert_string_equal(itin_mode_name(ITIN_MODE_FLIGHT), "flight");
    assert_string_equal(itin_mode_name(ITIN_MODE_SHIP), "ship");
    assert_string_equal(itin_mode_name(ITIN_MODE__COUNT), "");
    for (int i = 1; i < ITIN_MODE__COUNT; i++) {
        itin_mode m;
        assert_int_equal(itin_parse_mode(itin_mode_name((itin_mode)i), &m, err, sizeof err), 0);
        assert_int_equal(m, i);
    }
}

static void
test_kind_and_status_names(void **state)
{
    (void)state;
    assert_string_equal(itin_item_kind_name(ITIN_ITEM_VISIT), "visit");
    assert_string_equal(itin_item_kind_name(ITIN_ITEM_TRAVEL), "travel");
    assert_string_equal(itin_item_kind_name(ITIN_ITEM_TRANSFER), "transfer");
    assert_string_equal(itin_item_kind_name(ITIN_ITEM_LODGING), "lodging");
    assert_string_equal(itin_item_kind_name(ITIN_ITEM_MEETING), "meeting");
    assert_string_equal(itin_item_kind_name((itin_item_kind)5), "");
    assert_string_equal(itin_status_name(ITIN_CONFIRMED), "confirmed");
    assert_string_equal(itin_status_name(ITIN_TENTATIVE), "tentative");
    assert_string_equal(itin_status_name(ITIN_CANCELLED), "cancelled");
    assert_string_equal(itin_status_name((itin_status)3), "");
}

static void
test_language(void **state)
{
    (void)state;
    assert_int_equal(itin_check_language("en", err, sizeof err), 0);
    assert_int_equal(itin_check_language("de", err, sizeof err), 0);
    assert_int_equal(itin_check_language("ko", err, sizeof err), 0);
    assert_int_equal(itin_check_language("vi", err, sizeof err), 0);
    assert_int_equal(itin_check_language("zh-Hant", err, sizeof err), 0);
    ASSERT_FAILS(itin_check_language("it", err, sizeof err),
                 "unknown language 'it' (expected en, de, ko, vi, ja, zh-Hans, zh-Hant, fr, es, pl or cs)");
    ASSERT_FAILS(itin_check_language("zh-TW", err, sizeof err),
                 "unknown language 'zh-TW' (did you mean zh-Hant?)");
    ASSERT_FAILS(itin_check_language("zh", err, sizeof err),
                 "unknown language 'zh' (did you mean zh-Hans or zh-Hant?)");
    ASSERT_FAILS(itin_check_language("jp", err, sizeof err), "unknown language 'jp' (did you mean ja?)");
    ASSERT_FAILS(itin_check_language("EN", err, sizeof err), "unknown language 'EN'");
    ASSERT_FAILS(itin_check_language("de-DE", err, sizeof err), "unknown language 'de-DE'");
    ASSERT_FAILS(itin_check_language("", err, sizeof err), "unknown language ''");
}

/* ------------------------------------------------------- countries, regions */

static void
test_country(void **state)
{
    (void)state;
    assert_int_equal(itin_check_country("DE", err, sizeof err), 0);
    assert_int_equal(itin_check_country("KR", err, sizeof err), 0);
    assert_int_equal(itin_check_country("NO", err, sizeof err), 0);
    ASSERT_FAILS(itin_check_country("de", err, sizeof err),
                 "invalid country 'de': expected an ISO 3166-1 alpha-2 code");
    ASSERT_FAILS(itin_check_country("DEU", err, sizeof err), "invalid country 'DEU'");
    ASSERT_FAILS(itin_check_country("D", err, sizeof err), "invalid country 'D'");
    ASSERT_FAILS(itin_check_country("DE-SN", err, sizeof err), "invalid country 'DE-SN'");
    ASSERT_FAILS(itin_check_country("", err, sizeof err), "invalid country ''");
}

static void
test_region(void **state)
{
    (void)state;
    assert_int_equal(itin_check_region("DE-SN", err, sizeof err), 0);
    assert_int_equal(itin_check_region("KR-11", err, sizeof err), 0);
    assert_int_equal(itin_check_region("FR-A", err, sizeof err), 0);
    assert_int_equal(itin_check_region("GB-ENG", err, sizeof err), 0);
    ASSERT_FAILS(itin_check_region("de-SN", err, sizeof err),
                 "invalid region 'de-SN': expected an ISO 3166-2 code");
    ASSERT_FAILS(itin_check_region("DE-sn", err, sizeof err), "invalid region 'DE-sn'");
    ASSERT_FAILS(itin_check_region("DE-", err, sizeof err), "invalid region 'DE-'");
    ASSERT_FAILS(itin_check_region("DE-ABCD", err, sizeof err), "invalid region 'DE-ABCD'");
    ASSERT_FAILS(itin_check_region("DE", err, sizeof err), "invalid region 'DE'");
    ASSERT_FAILS(itin_check_region("DE_SN", err, sizeof err), "invalid region 'DE_SN'");
    ASSERT_FAILS(itin_check_region("DE-SN ", err, sizeof err), "invalid region 'DE-SN '");
}

/* -------------------------------------------------------------------- UTF-8 */

static void
test_utf8_valid(void **state)
{
    (void)state;
    const char *hangul =
        "\xec\xa4\x91\xec\x86\x8c\xeb\xb2\xa4\xec\xb2\x98\xea\xb8\xb0\xec\x97\x85\xeb\xb6\x80";
    const char *umlauts = "Gr\xc3\xbc\xc3\x9f"
                          "e aus D\xc3\xb6"
                          "bel\xc3\xa4";
    size_t bad = 12345;
    assert_true(itin_utf8_valid("", 0, &bad));
    assert_true(itin_utf8_valid("plain ASCII", 11, &bad));
    assert_true(itin_utf8_valid(hangul, strlen(hangul), &bad));
    assert_true(itin_utf8_valid(umlauts, strlen(umlauts), &bad));
    assert_true(itin_utf8_valid("\xf4\x8f\xbf\xbf", 4, &bad)); /* U+10FFFF */
    assert_true(itin_utf8_valid("\xf0\x9f\x9a\x86", 4, &bad)); /* U+1F686 */
    assert_true(itin_utf8_valid("\xed\x9f\xbf", 3, &bad));     /* U+D7FF */
    assert_true(itin_utf8_valid("\xee\x80\x80", 3, &bad));     /* U+E000 */
    assert_true(itin_utf8_valid("a\0b", 3, &bad));
    assert_int_equal(bad, 12345);
    assert_true(itin_utf8_valid("\xc3\xbc", 2, NULL));
}

static void
test_utf8_overlong(void **state)
{
    (void)state;
    size_t bad = 0;
    assert_false(itin_utf8_valid("ab\xc0\x80", 4, &bad));
    assert_int_equal(bad, 2);
    assert_false(itin_utf8_valid("\xc1\xbf", 2, &bad));
    assert_int_equal(bad, 0);
    assert_false(itin_utf8_valid("x\xe0\x80\xaf", 4, &bad));
    assert_int_equal(bad, 1);
    assert_false(itin_utf8_valid("\xf0\x8f\xbf\xbf", 4, &bad));
    assert_int_equal(bad, 0);
}

static void
test_utf8_surrogate(void **state)
{
    (void)state;
    size_t bad = 0;
    assert_false(itin_utf8_valid("Dresden \xed\xa0\x80", 11, &bad));
    assert_int_equal(bad, 8);
    assert_false(itin_utf8_valid("\xed\xbf\xbf", 3, &bad));
    assert_int_equal(bad, 0);
}

static void
test_utf8_truncated(void **state)
{
    (void)state;
    size_t bad = 0;
    assert_false(itin_utf8_valid("D\xc3\xb6"
                                 "bel\xec\xa4",
                                 8, &bad));
    assert_int_equal(bad, 6);
    assert_false(itin_utf8_valid("\xc3", 1, &bad));
    assert_int_equal(bad, 0);
    assert_false(itin_utf8_valid("\xec\xa4z", 3, &bad));
    assert_int_equal(bad, 0);
    /* the length bounds the check, not the NUL */
    assert_false(itin_utf8_valid("\xc3\xbc", 1, &bad));
    assert_int_equal(bad, 0);
}

static void
test_utf8_stray_and_too_large(void **state)
{
    (void)state;
    size_t bad = 0;
    assert_false(itin_utf8_valid("ok\x80", 3, &bad));
    assert_int_equal(bad, 2);
    assert_false(itin_utf8_valid("\xf4\x90\x80\x80", 4, &bad)); /* U+110000 */
    assert_int_equal(bad, 0);
    assert_false(itin_utf8_valid("abc\xf5\x80\x80\x80", 7, &bad));
    assert_int_equal(bad, 3);
    assert_false(itin_utf8_valid("\xff", 1, &bad));
    assert_int_equal(bad, 0);
    assert_false(itin_utf8_valid("\xc3\xbc\xfe", 3, NULL));
}

/* -------------------------------------------------------------- suggestions */

static void
test_suggest(void **state)
{
    (void)state;
    static const char *const keys[] = {"start", "end", "duration"};
    assert_string_equal(itin_suggest("duraton", keys, 3), "duration");
    assert_string_equal(itin_suggest("strat", keys, 3), "start");
    assert_string_equal(itin_suggest("Duration", keys, 3), "duration");
    assert_string_equal(itin_suggest("stat", keys, 3), "start");
    assert_string_equal(itin_suggest("durration", keys, 3), "duration");
    assert_null(itin_suggest("xyz", keys, 3));
    assert_null(itin_suggest("en", keys, 3)); /* distance 1 is not < 1 */
    assert_null(itin_suggest("dur", keys, 3));
    assert_null(itin_suggest("", keys, 3));
    assert_null(itin_suggest("start", keys, 0));
}

static void
test_suggest_picks_closest(void **state)
{
    (void)state;
    static const char *const keys[] = {"travel", "travel_times", "title", NULL, "trave"};
    assert_string_equal(itin_suggest("travle", keys, 5), "travel");
    assert_string_equal(itin_suggest("travel_time", keys, 5), "travel_times");
    assert_string_equal(itin_suggest("titel", keys, 5), "title");
}

/* ------------------------------------------------------------------ quoting */

static void
test_message_escapes_controls(void **state)
{
    (void)state;
    itin_date d;
    ASSERT_FAILS(itin_parse_date("2022\n11-22", &d, err, sizeof err), "invalid date '2022\\n11-22'");
    ASSERT_FAILS(itin_parse_date("\x01\xff", &d, err, sizeof err), "invalid date '\\x01\\xff'");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_valid),
        cmocka_unit_test(test_date_range_limits),
        cmocka_unit_test(test_date_leap_day),
        cmocka_unit_test(test_date_no_such_day),
        cmocka_unit_test(test_date_bad_month),
        cmocka_unit_test(test_date_bad_shape),
        cmocka_unit_test(test_date_null_err),
        cmocka_unit_test(test_date_round_trip),
        cmocka_unit_test(test_date_ymd),
        cmocka_unit_test(test_date_format),
        cmocka_unit_test(test_date_weekday),
        cmocka_unit_test(test_time_valid),
        cmocka_unit_test(test_time_24),
        cmocka_unit_test(test_time_bad_shape),
        cmocka_unit_test(test_time_out_of_range),
        cmocka_unit_test(test_datetime_valid),
        cmocka_unit_test(test_datetime_bad_separator),
        cmocka_unit_test(test_datetime_bad_parts),
        cmocka_unit_test(test_duration_minutes),
        cmocka_unit_test(test_duration_hours),
        cmocka_unit_test(test_duration_hours_minutes),
        cmocka_unit_test(test_duration_iso),
        cmocka_unit_test(test_duration_bare_number),
        cmocka_unit_test(test_duration_iso_errors),
        cmocka_unit_test(test_duration_order_and_repeats),
        cmocka_unit_test(test_duration_negative),
        cmocka_unit_test(test_duration_units),
        cmocka_unit_test(test_duration_spacing),
        cmocka_unit_test(test_duration_overflow),
        cmocka_unit_test(test_duration_format),
        cmocka_unit_test(test_duration_format_round_trip),
        cmocka_unit_test(test_decimal_valid),
        cmocka_unit_test(test_decimal_invalid),
        cmocka_unit_test(test_decimal_out_of_range),
        cmocka_unit_test(test_uint_valid),
        cmocka_unit_test(test_uint_invalid),
        cmocka_unit_test(test_id_valid),
        cmocka_unit_test(test_id_invalid),
        cmocka_unit_test(test_dayspec_single_and_range),
        cmocka_unit_test(test_dayspec_lists),
        cmocka_unit_test(test_dayspec_wrap),
        cmocka_unit_test(test_dayspec_duplicates),
        cmocka_unit_test(test_dayspec_unknown_day),
        cmocka_unit_test(test_dayspec_bad_shape),
        cmocka_unit_test(test_interval_valid),
        cmocka_unit_test(test_interval_invalid),
        cmocka_unit_test(test_mode_parse),
        cmocka_unit_test(test_mode_unknown),
        cmocka_unit_test(test_mode_name),
        cmocka_unit_test(test_kind_and_status_names),
        cmocka_unit_test(test_language),
        cmocka_unit_test(test_country),
        cmocka_unit_test(test_region),
        cmocka_unit_test(test_utf8_valid),
        cmocka_unit_test(test_utf8_overlong),
        cmocka_unit_test(test_utf8_surrogate),
        cmocka_unit_test(test_utf8_truncated),
        cmocka_unit_test(test_utf8_stray_and_too_large),
        cmocka_unit_test(test_suggest),
        cmocka_unit_test(test_suggest_picks_closest),
        cmocka_unit_test(test_message_escapes_controls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
