/* test_i18n: localized dates, numbers and lists from ICU; display widths and
 * line breaks for wrapping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "datetime.h"
#include "i18n.h"
#include "values.h"

static itin_arena *A;

static int
setup(void **state)
{
    (void)state;
    A = itin_arena_new();
    return 0;
}

static int
teardown(void **state)
{
    (void)state;
    itin_arena_free(A);
    return 0;
}

static void
long_dates(void **state)
{
    (void)state;
    itin_date d = itin_date_from_ymd(2022, 11, 22);
    assert_string_equal(itin_date_long(A, ITIN_EN, d), "Tuesday, 22 November 2022");
    assert_string_equal(itin_date_long(A, ITIN_DE, d), "Dienstag, 22. November 2022");
    assert_string_equal(itin_date_long(A, ITIN_KO, d), "2022년 11월 22일 화요일");
    /* Across a DST change and a leap day: the civil date, whatever the zone. */
    assert_string_equal(itin_date_long(A, ITIN_DE, itin_date_from_ymd(2022, 10, 30)),
                        "Sonntag, 30. Oktober 2022");
    assert_string_equal(itin_date_long(A, ITIN_EN, itin_date_from_ymd(2024, 2, 29)),
                        "Thursday, 29 February 2024");
    assert_string_equal(itin_date_long(A, ITIN_KO, itin_date_from_ymd(2023, 9, 28)),
                        "2023년 9월 28일 목요일");
}

static void
numbers_and_lists(void **state)
{
    (void)state;
    assert_string_equal(itin_decimal(A, ITIN_DE, 3.64, 1), "3,6");
    assert_string_equal(itin_decimal(A, ITIN_EN, 62.45, 1), "62.5");
    assert_string_equal(itin_decimal(A, ITIN_KO, 1234.5, 1), "1,234.5");
    const char *names[] = {"Lee Ji-won", "Park Seo-yeon", "Katrin Walther"};
    assert_string_equal(itin_list(A, ITIN_EN, names, 3), "Lee Ji-won, Park Seo-yeon and Katrin Walther");
    assert_string_equal(itin_list(A, ITIN_DE, names, 3), "Lee Ji-won, Park Seo-yeon und Katrin Walther");
    assert_string_equal(itin_list(A, ITIN_KO, names, 2), "Lee Ji-won 및 Park Seo-yeon");
    assert_string_equal(itin_list(A, ITIN_DE, names, 1), "Lee Ji-won");
    assert_string_equal(itin_duration_text(A, ITIN_DE, 80), "1 Std. 20 Min.");
    assert_string_equal(itin_duration_text(A, ITIN_KO, 90), "1시간 30분");
    assert_string_equal(itin_duration_text(A, ITIN_EN, 45), "45 min");
}

static void
labels(void **state)
{
    (void)state;
    assert_string_equal(itin_label_text(ITIN_DE, L_LODGING), "Übernachtung");
    assert_string_equal(itin_label_text(ITIN_KO, L_PARTICIPANTS), "참가자");
    assert_string_equal(itin_mode_label(ITIN_EN, ITIN_MODE_TRAIN), "by train");
    assert_int_equal(itin_lang_of("ko"), ITIN_KO);
    assert_int_equal(itin_lang_of(NULL), ITIN_EN);
    /* Every label exists in every language. */
    for (int l = 0; l < ITIN_LANG_COUNT; l++)
        for (int k = 0; k < L__COUNT; k++)
            assert_true(itin_label_text((itin_lang)l, (itin_label)k)[0] != '\0');
}

/* Languages by their codes, from the one table; pairs for bilingual agendas. */
static void
language_pairs(void **state)
{
    (void)state;
    itin_langs ls;
    char err[160];
    assert_int_equal(itin_langs_parse("de,ko", &ls, err, sizeof err), 0);
    assert_int_equal(ls.n, 2);
    assert_int_equal(ls.lang[0], ITIN_DE);
    assert_int_equal(ls.lang[1], ITIN_KO);
    assert_int_equal(itin_langs_parse("en", &ls, err, sizeof err), 0);
    assert_int_equal(ls.n, 1);
    assert_int_equal(itin_langs_parse("fr", &ls, err, sizeof err), -1);
    assert_string_equal(err, "unknown language 'fr' (expected en, de or ko)");
    assert_int_equal(itin_langs_parse("de,", &ls, err, sizeof err), -1);
    assert_string_equal(err, "unknown language '' (expected en, de or ko)");
    assert_int_equal(itin_langs_parse("ko,ko", &ls, err, sizeof err), -1);
    assert_string_equal(err, "'ko,ko' names ko twice");
    assert_int_equal(itin_langs_parse("en,de,ko", &ls, err, sizeof err), -1);
    assert_string_equal(err, "at most 2 languages, not 'en,de,ko'");
    assert_int_equal(itin_lang_of("ko,de"), ITIN_KO);
    assert_int_equal(itin_lang_of("xx"), ITIN_EN);
    assert_string_equal(itin_lang_code(ITIN_KO), "ko");
    assert_string_equal(itin_lang_choices(), "en, de or ko");

    itin_langs deko = {{ITIN_DE, ITIN_KO}, 2}, ende = {{ITIN_EN, ITIN_DE}, 2};
    assert_string_equal(itin_label_langs(A, &deko, L_PLACE), "Ort / 장소");
    /* The same word in both languages is printed once. */
    assert_string_equal(itin_label_langs(A, &ende, L_TRANSFER), "Transfer");
    assert_string_equal(itin_date_long_langs(A, &deko, itin_date_from_ymd(2022, 11, 22)),
                        "Dienstag, 22. November 2022 \u00b7 2022년 11월 22일 화요일");
    assert_string_equal(
        itin_leg_title_langs(A, &deko, ITIN_MODE_TRAIN, "RE 3", "Dresden Hbf", "Chemnitz Hbf"),
        "Zug / 기차 RE 3: Dresden Hbf \u2192 Chemnitz Hbf");
}

static void
display_width(void **state)
{
    (void)state;
    assert_int_equal(itin_display_width("Dresden", 7), 7);
    assert_int_equal(itin_display_width("Übernachtung", strlen("Übernachtung")), 12);
    assert_int_equal(itin_display_width("중소벤처기업부", strlen("중소벤처기업부")), 14);
    assert_int_equal(itin_display_width("A\u0301", strlen("A\u0301")), 1); /* combining acute */
    assert_int_equal(itin_display_width("東京", strlen("東京")), 4);
    assert_int_equal(itin_display_width("\uFF21", strlen("\uFF21")), 2); /* fullwidth A */
    assert_int_equal(itin_display_width("", 0), 0);
}

static void
line_breaks(void **state)
{
    (void)state;
    size_t b[16];
    const char *s = "Tag 1 Dresden";
    size_t n = itin_line_breaks(s, strlen(s), b, 16);
    assert_int_equal(n, 3);
    assert_int_equal(b[0], 4); /* after "Tag " */
    assert_int_equal(b[1], 6); /* after "1 " */
    assert_int_equal(b[2], strlen(s));
    /* No break after a hyphen: names stay whole. */
    s = "Han Dong-hyun";
    n = itin_line_breaks(s, strlen(s), b, 16);
    assert_int_equal(n, 2);
    assert_int_equal(b[0], 4);
    /* Korean words stay whole; they break at spaces. */
    s = "중소벤처기업부 방문";
    n = itin_line_breaks(s, strlen(s), b, 16);
    assert_int_equal(n, 2);
    assert_int_equal(b[0], strlen("중소벤처기업부 "));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(long_dates),  cmocka_unit_test(numbers_and_lists),
        cmocka_unit_test(labels),      cmocka_unit_test(display_width),
        cmocka_unit_test(line_breaks), cmocka_unit_test(language_pairs),
    };
    return cmocka_run_group_tests_name("i18n", tests, setup, teardown);
}
