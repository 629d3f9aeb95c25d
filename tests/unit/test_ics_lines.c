/* test_ics_lines: the calendar's events written as text with each distinct
 * property serialised once (itin_ics_vevent_text, ics_lines.c) are the
 * bytes libical gives for the whole component (itin_ics_vevent), on every
 * event of the examples in several languages, as a published calendar and
 * as an invitation, and on plans with the odd cases: times in UTC (a
 * repeated hour, a place in UTC), cancelled and tentative visits, lodging,
 * and a long title whose folding libical gets wrong (the repair). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libical/ical.h>

#include "arena.h"
#include "ics.h"
#include "examples.h"

/* The text of every event of `it` both ways; returns how many events. */
static size_t
compare_events(const itin_itinerary *it, const itin_render_options *opt)
{
    itin_arena *A = itin_arena_new();
    ics_ctx C;
    assert_true(itin_ics_ctx_init(&C, it, opt, A));
    itin_ics_ctx_arrivals(&C, it);
    C.lines = itin_ics_lines_new();
    itin_strbuf text = {0};
    size_t n = 0;
    /* Twice over, so that the second round is written from known lines. */
    for (int round = 0; round < 2; round++)
        for (size_t k = 0; k < it->n_days; k++)
            for (size_t i = 0; i < it->days[k].n_items; i++) {
                const itin_item *x = &it->items[it->days[k].items[i]];
                itin_ics_uid(&C.buf, it->plan, x);
                char *uid = itin_xstrdup(itin_strbuf_str(&C.buf));
                icalcomponent *ev = itin_ics_vevent(&C, x, uid);
                itin_strbuf_clear(&text);
                int rc = itin_ics_vevent_text(&C, x, uid, &text);
                free(uid);
                assert_int_equal(rc, ev ? 1 : 0);
                if (!ev)
                    continue;
                char *whole = icalcomponent_as_ical_string_r(ev);
                icalcomponent_free(ev);
                itin_ics_repair_folding(whole, strlen(whole));
                if (strcmp(whole, itin_strbuf_str(&text)) != 0)
                    fail_msg("the event differs:\n--- component\n%s--- text\n%s", whole, text.s);
                free(whole);
                n++;
            }
    free(text.s);
    itin_ics_ctx_free(&C);
    itin_arena_free(A);
    return n;
}

static size_t
compare_plan(itin_plan *plan, const char *lang, bool invite)
{
    itin_diags d;
    itin_diags_init(&d, 0);
    itin_itinerary *it = itin_schedule(plan, &d);
    for (size_t i = 0; !it && i < d.count; i++)
        fprintf(stderr, "  [diag] %d:%d: %s\n", d.items[i].pos.line, d.items[i].pos.col, d.items[i].message);
    assert_non_null(it);
    itin_render_options o = {.lang = lang, .invite = invite, .has_dtstamp = true, .dtstamp = 1669100000};
    size_t n = compare_events(it, &o);
    itin_diags_free(&d);
    return n;
}

static void
examples(void **state)
{
    (void)state;
    static const char *const langs[] = {"en", "de", "ko"};
    for (size_t e = 0; e < N_EXAMPLES; e++) {
        itin_diags d;
        itin_plan *plan = load_example(e, &d);
        assert_non_null(plan);
        size_t published = 0;
        for (size_t l = 0; l < 3; l++) {
            size_t n = compare_plan(plan, langs[l], false);
            assert_true(n > 10);
            published = n;
            if (plan->delegation.organizer.email) /* an invitation needs one */
                assert_true(compare_plan(plan, langs[l], true) > 0);
        }
        assert_true(published > 0);
        itin_plan_free(plan);
        itin_diags_free(&d);
    }
}

static size_t
compare_yaml(const char *yaml, bool invite)
{
    itin_diags d;
    itin_diags_init(&d, 0);
    itin_plan *plan = itin_plan_load_buffer("test.yaml", yaml, strlen(yaml), &d);
    assert_non_null(plan);
    assert_int_equal(d.errors, 0);
    size_t n = compare_plan(plan, NULL, invite);
    itin_plan_free(plan);
    itin_diags_free(&d);
    return n;
}

#define TRIP(zone, day)                                                                                      \
    "itinerary: 1\n"                                                                                         \
    "delegation:\n"                                                                                          \
    "  id: odd\n"                                                                                            \
    "  title: T\n"                                                                                           \
    "  organizer: {name: \"Büro \\\"Delegationen\\\"\", email: delegationen@wfs.example.org}\n"             \
    "  start: " day "\n"                                                                                     \
    "  end: " day "\n"                                                                                       \
    "  timezone: " zone "\n"                                                                                 \
    "  reminder: 20m\n"                                                                                      \
    "  day: {start: \"00:00\", end: \"24:00\"}\n"                                                            \
    "  participants:\n"                                                                                      \
    "    - {id: lee, name: Lee Ji-won, email: lee.jiwon@example.kr}\n"                                       \
    "    - {id: park, name: 박서연, email: park@example.kr}\n"                                            \
    "    - {id: kim, name: Kim Min-jun}\n"                                                                   \
    "institutions:\n"                                                                                        \
    "  - {id: p, name: Place, address: \"Straße 1, 01067 Dresden\", geo: [51.05, 13.74], url: "             \
    "\"https://example.org/a b\"}\n"                                                                         \
    "  - {id: q, name: Other, timezone: " zone "}\n"                                                         \
    "  - {id: ship, name: Schiff, timezone: UTC, geo: [51.06, 13.75]}\n"                                     \
    "travel_times:\n"                                                                                        \
    "  - {from: p, to: q, time: 20m}\n"

static void
odd_cases(void **state)
{
    (void)state;
    const char *repeated =
        TRIP("Europe/Berlin",
             "2023-10-29") "visits:\n"
                           "  - {id: a, title: A, at: p, date: 2023-10-29, start: \"02:30\", duration: 30m}\n"
                           "  - {id: b, title: B, at: q, date: 2023-10-29, duration: 30m, with: [lee]}\n"
                           "  - {id: c, title: C, at: p, date: 2023-10-29, start: \"04:00\", duration: 1h, "
                           "status: tentative}\n"
                           "  - {id: d, title: D, at: q, date: 2023-10-29, start: \"06:00\", duration: 1h, "
                           "status: cancelled}\n"
                           "  - {id: s, title: S, at: ship, date: 2023-10-29, start: \"12:00\", duration: "
                           "1h, with: [kim]}\n"
                           "  - {id: h, title: \"작센주와 대한민국 사이의 미래 모빌리티 및 수소 경제 협력을 "
                           "위한 장기 공동 연구 "
                           "프로그램 설명회 및 질의응답시간입니다가나다라마바사아자차카타파하\", at: p, "
                           "date: 2023-10-29, "
                           "start: \"15:00\", duration: 1h, description: \"Zeile 1, mit Komma; und \\\\ "
                           "\\nZeile 2\"}\n"
                           "lodging:\n  - {at: p, from: 2023-10-28, to: 2023-10-30}\n";
    assert_true(compare_yaml(repeated, false) >= 6);
    assert_true(compare_yaml(repeated, true) >= 4);
}

/* Lines are kept until their budget is spent, then forgotten together;
 * what is written is the property's text either way. */
static void
budget(void **state)
{
    (void)state;
    ics_lines *L = itin_ics_lines_new();
    itin_strbuf out = {0};
    char text[128];
    const size_t n = 100000; /* some 15 MB of keys and lines: past the budget */
    for (size_t i = 0; i < n; i++) {
        snprintf(text, sizeof text, "summary number %zu of a calendar of many titles", i);
        itin_strbuf_clear(&out);
        assert_false(itin_ics_lines_put(L, text, &out));
        assert_true(itin_ics_lines_add(L, text, icalproperty_new_summary(text), &out));
        char expect[192];
        snprintf(expect, sizeof expect, "SUMMARY:%s\r\n", text);
        assert_string_equal(itin_strbuf_str(&out), expect);
        itin_strbuf_clear(&out);
        assert_true(itin_ics_lines_put(L, text, &out)); /* the line just added is known */
        assert_non_null(strstr(itin_strbuf_str(&out), "SUMMARY:summary number"));
    }
    /* The first were forgotten, the last are still known. */
    snprintf(text, sizeof text, "summary number %zu of a calendar of many titles", (size_t)0);
    assert_false(itin_ics_lines_put(L, text, &out));
    snprintf(text, sizeof text, "summary number %zu of a calendar of many titles", n - 1);
    itin_strbuf_clear(&out);
    assert_true(itin_ics_lines_put(L, text, &out));
    assert_non_null(strstr(itin_strbuf_str(&out), text));
    /* No key, nothing kept. */
    itin_strbuf_clear(&out);
    assert_true(itin_ics_lines_add(L, NULL, icalproperty_new_uid("u"), &out));
    assert_string_equal(itin_strbuf_str(&out), "UID:u\r\n");
    assert_false(itin_ics_lines_put(L, NULL, &out));
    free(out.s);
    itin_ics_lines_free(L);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(examples),
        cmocka_unit_test(odd_cases),
        cmocka_unit_test(budget),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
