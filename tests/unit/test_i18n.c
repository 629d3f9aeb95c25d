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
    /* The newer languages, as ICU writes them. */
    d = itin_date_from_ymd(2019, 11, 12);
    assert_string_equal(itin_date_long(A, ITIN_VI, d), "Thứ Ba, 12 tháng 11, 2019");
    assert_string_equal(itin_date_long(A, ITIN_JA, d), "2019年11月12日火曜日");
    assert_string_equal(itin_date_long(A, ITIN_ZH_HANS, d), "2019年11月12日星期二");
    assert_string_equal(itin_date_long(A, ITIN_ZH_HANT, d), "2019年11月12日 星期二");
    assert_string_equal(itin_date_long(A, ITIN_FR, d), "mardi 12 novembre 2019");
    assert_string_equal(itin_date_long(A, ITIN_ES, d), "martes, 12 de noviembre de 2019");
    assert_string_equal(itin_date_long(A, ITIN_PL, d), "wtorek, 12 listopada 2019");
    assert_string_equal(itin_date_long(A, ITIN_CS, d), "úterý 12. listopadu 2019");
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
    /* Japanese and Chinese join numbers, units and parts; Polish abbreviates. */
    assert_string_equal(itin_duration_text(A, ITIN_JA, 80), "1時間20分");
    assert_string_equal(itin_duration_text(A, ITIN_ZH_HANS, 80), "1小时20分钟");
    assert_string_equal(itin_duration_text(A, ITIN_ZH_HANT, 60), "1小時");
    assert_string_equal(itin_duration_text(A, ITIN_VI, 80), "1 giờ 20 phút");
    assert_string_equal(itin_duration_text(A, ITIN_PL, 80), "1 godz. 20 min");
    assert_string_equal(itin_duration_text(A, ITIN_FR, 80), "1 h 20 min");
    assert_string_equal(itin_distance_text(A, ITIN_JA, 3.64), "3.6km");
    assert_string_equal(itin_distance_text(A, ITIN_VI, 3.64), "3,6 km");
    assert_string_equal(itin_distance_text(A, ITIN_KO, 3.64), "3.6 km");
    assert_string_equal(itin_distance_text(A, ITIN_CS, 1234.5), "1\u00a0234,5 km");
    /* The comma between the parts of a transfer's detail. */
    assert_string_equal(itin_comma(ITIN_JA), "\u3001");
    assert_string_equal(itin_comma(ITIN_ZH_HANT), "\uff0c");
    assert_string_equal(itin_comma(ITIN_KO), ", ");
    assert_string_equal(itin_comma(ITIN_FR), ", ");
    assert_string_equal(itin_list(A, ITIN_VI, names, 3), "Lee Ji-won, Park Seo-yeon và Katrin Walther");
    assert_string_equal(itin_list(A, ITIN_JA, names, 3), "Lee Ji-won、Park Seo-yeon、Katrin Walther");
    assert_string_equal(itin_list(A, ITIN_ZH_HANS, names, 2), "Lee Ji-won和Park Seo-yeon");
    assert_string_equal(itin_list(A, ITIN_FR, names, 2), "Lee Ji-won et Park Seo-yeon");
    assert_string_equal(itin_list(A, ITIN_ES, names, 2), "Lee Ji-won y Park Seo-yeon");
    assert_string_equal(itin_list(A, ITIN_PL, names, 2), "Lee Ji-won i Park Seo-yeon");
    assert_string_equal(itin_list(A, ITIN_CS, names, 2),
                        "Lee Ji-won a\u00a0Park Seo-yeon" /* no line ends with "a" */);
}

/* The conversions a label may hold, in order: "%d", "%s", "%zu". */
static void
conversions(const char *s, char *out, size_t n)
{
    size_t k = 0;
    for (; *s && k + 3 < n; s++)
        if (s[0] == '%' && s[1]) {
            s++;
            if (s[0] == 'z')
                out[k++] = *s++;
            out[k++] = *s;
        }
    out[k] = '\0';
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
    /* Every label exists in every language's own table, with the same
     * conversions as the English one. */
    for (int l = 0; l < ITIN_LANG_COUNT; l++)
        for (int k = 0; k < L__COUNT; k++) {
            if (!itin_label_defined((itin_lang)l, (itin_label)k))
                fail_msg("label %d missing in %s", k, itin_lang_code((itin_lang)l));
            char want[16], got[16];
            conversions(itin_label_text(ITIN_EN, (itin_label)k), want, sizeof want);
            conversions(itin_label_text((itin_lang)l, (itin_label)k), got, sizeof got);
            if (strcmp(want, got) != 0)
                fail_msg("label %d in %s has conversions '%s', English '%s'", k, itin_lang_code((itin_lang)l),
                         got, want);
        }
    /* Codes round-trip; only exact spellings are known. */
    for (int l = 0; l < ITIN_LANG_COUNT; l++)
        assert_int_equal(itin_lang_of(itin_lang_code((itin_lang)l)), l);
    assert_int_equal(itin_lang_of("zh-Hant"), ITIN_ZH_HANT);
    assert_false(itin_language_known("zh"));
    assert_false(itin_language_known("zh-hans"));
    assert_false(itin_language_known("VI"));
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
    assert_int_equal(itin_langs_parse("vi,zh-Hant", &ls, err, sizeof err), 0);
    assert_int_equal(ls.lang[1], ITIN_ZH_HANT);
    assert_int_equal(itin_langs_parse("it", &ls, err, sizeof err), -1);
    assert_string_equal(err, "unknown language 'it' (expected " ITIN_LANGUAGES ")");
    assert_int_equal(itin_langs_parse("de,zh-TW", &ls, err, sizeof err), -1);
    assert_string_equal(err, "unknown language 'zh-TW' (did you mean zh-Hant?)");
    assert_int_equal(itin_langs_parse("de,", &ls, err, sizeof err), -1);
    assert_string_equal(err, "unknown language '' (expected " ITIN_LANGUAGES ")");
    assert_int_equal(itin_langs_parse("ko,ko", &ls, err, sizeof err), -1);
    assert_string_equal(err, "'ko,ko' names ko twice");
    assert_int_equal(itin_langs_parse("en,de,ko", &ls, err, sizeof err), -1);
    assert_string_equal(err, "at most 2 languages, not 'en,de,ko'");
    assert_int_equal(itin_lang_of("ko,de"), ITIN_KO);
    assert_int_equal(itin_lang_of("xx"), ITIN_EN);
    assert_string_equal(itin_lang_code(ITIN_KO), "ko");
    /* The list messages print is the table's. */
    assert_string_equal(itin_lang_choices(), ITIN_LANGUAGES);

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
    /* Kana, CJK ideographs and fullwidth punctuation are wide; Vietnamese
     * letters, precomposed or with combining marks, are one column. */
    assert_int_equal(itin_display_width("ドレスデン駅。", strlen("ドレスデン駅。")), 14);
    assert_int_equal(itin_display_width("德累斯顿（萨克森）", strlen("德累斯顿（萨克森）")), 18);
    assert_int_equal(itin_display_width("Đại sứ quán", strlen("Đại sứ quán")), 11);
    assert_int_equal(itin_display_width("Vie\u0302\u0323t", strlen("Vie\u0302\u0323t")), 4);
    assert_int_equal(itin_display_width("Łódź, Šťastný", strlen("Łódź, Šťastný")), 13);
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
    /* Japanese breaks between characters, but never before a closing
     * bracket, a full stop or a small kana: ICU's strict rules. */
    s = "「ドレスデン」へ。ちょっと";
    n = itin_line_breaks(s, strlen(s), b, 16);
    for (size_t i = 0; i + 1 < n; i++) {
        const char *next = s + b[i];
        assert_true(strncmp(next, "」", strlen("」")) != 0);
        assert_true(strncmp(next, "。", strlen("。")) != 0);
        assert_true(strncmp(next, "ょ", strlen("ょ")) != 0);
        assert_true(strncmp(next, "っ", strlen("っ")) != 0);
    }
    assert_true(n >= 6); /* between the kana */
    /* Chinese too; a full-width closing parenthesis stays on its line. */
    s = "萨克森州经济促进公司（WFS）欢迎代表团";
    n = itin_line_breaks(s, strlen(s), b, 16);
    assert_true(n > 6);
    for (size_t i = 0; i + 1 < n; i++)
        assert_true(strncmp(s + b[i], "）", strlen("）")) != 0);
    /* Vietnamese breaks at spaces only. */
    s = "Chào mừng của WFS";
    n = itin_line_breaks(s, strlen(s), b, 16);
    assert_int_equal(n, 4);
    assert_int_equal(b[0], strlen("Chào "));
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
