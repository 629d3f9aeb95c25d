/* test_agenda: the text and Markdown of a whole itinerary, built and written
 * a day at a time (itin_export_text, itin_export_markdown), are the bytes
 * of the whole agenda laid out at once (itin_agenda_build and its writers):
 * on the examples, and on plans whose time column the one-day-at-a-time
 * writer must know before the first day, an overnight leg ("+1"), a visit
 * in the repeated hour (a time that names its offsets and stands apart),
 * both, and neither. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "agenda.h"
#include "examples.h"

typedef struct text {
    char *s;
    size_t len;
} text;

/* One layout of `it` into memory: 0 the whole agenda's text, 1 its
 * Markdown, 2 the exported text, 3 the exported Markdown. */
static text
lay_out(const itin_itinerary *it, const itin_render_options *o, int how)
{
    text t = {NULL, 0};
    FILE *f = open_memstream(&t.s, &t.len);
    assert_non_null(f);
    int rc;
    if (how < 2) {
        agenda *a = itin_agenda_build(it, o);
        rc = how == 0 ? itin_agenda_write_text(a, o->width, f) : itin_agenda_write_markdown(a, f);
        itin_agenda_free(a);
    } else {
        rc = how == 2 ? itin_export_text(it, o, f) : itin_export_markdown(it, o, f);
    }
    assert_int_equal(rc, 0);
    assert_int_equal(fclose(f), 0);
    return t;
}

/* Both ways alike in every language and width asked; the text's first
 * entry line starts its title at column `indent` (when not 0). */
static void
same_both_ways(itin_plan *plan, size_t indent)
{
    itin_diags d;
    itin_diags_init(&d, 0);
    itin_itinerary *it = itin_schedule(plan, &d);
    assert_non_null(it);
    static const char *const langs[] = {"en", "de,ko", "ko"};
    static const int widths[] = {80, 40};
    for (size_t l = 0; l < 3; l++)
        for (size_t w = 0; w < 2; w++) {
            itin_render_options o = {.lang = langs[l], .width = widths[w]};
            for (int md = 0; md < 2; md++) {
                text whole = lay_out(it, &o, md), daily = lay_out(it, &o, md + 2);
                assert_true(whole.len > 100);
                if (whole.len != daily.len || memcmp(whole.s, daily.s, whole.len) != 0)
                    fail_msg("%s %d %s: a day at a time differs:\n%s\n---\n%s", langs[l], widths[w],
                             md ? "md" : "text", whole.s, daily.s);
                free(whole.s);
                free(daily.s);
            }
        }
    if (indent) {
        itin_render_options o = {.lang = "en"};
        assert_int_equal(itin_agenda_time_width(it) + 2, indent);
        text t = lay_out(it, &o, 2);
        const char *title = strstr(t.s, "Title A");
        assert_non_null(title);
        const char *line = title;
        while (line > t.s && line[-1] != '\n')
            line--;
        assert_int_equal(itin_display_width(line, (size_t)(title - line)), indent);
        free(t.s);
    }
    itin_diags_free(&d);
}

static void
examples(void **state)
{
    (void)state;
    for (size_t e = 0; e < N_EXAMPLES; e++) {
        itin_diags d;
        itin_plan *plan = load_example(e, &d);
        assert_non_null(plan);
        same_both_ways(plan, 0);
        itin_plan_free(plan);
        itin_diags_free(&d);
    }
}

#define TRIP                                                                                                 \
    "itinerary: 1\n"                                                                                         \
    "delegation:\n"                                                                                          \
    "  id: t\n  title: T\n  start: 2023-10-28\n  end: 2023-10-30\n  timezone: Europe/Berlin\n"               \
    "  day: {start: \"00:00\", end: \"24:00\"}\n"                                                            \
    "  participants: [{id: lee, name: Lee}]\n"                                                               \
    "institutions:\n"                                                                                        \
    "  - {id: p, name: P, geo: [50.11, 8.68]}\n"                                                             \
    "  - {id: fra, name: Frankfurt Airport, geo: [50.03, 8.56]}\n"                                           \
    "  - {id: icn, name: Incheon Airport, geo: [37.46, 126.44], timezone: Asia/Seoul}\n"

#define VISIT_A "  - {id: a, title: Title A, at: p, date: 2023-10-28, start: \"10:00\", duration: 1h}\n"
#define REPEATED "  - {id: r, title: R, at: p, date: 2023-10-29, start: \"02:30\", duration: 30m}\n"
#define OVERNIGHT                                                                                            \
    "travel:\n"                                                                                              \
    "  - {id: lh, mode: flight, ref: LH 712, from: fra, to: icn, depart: \"2023-10-30 18:05\", arrive: "     \
    "\"2023-10-31 14:25\"}\n"

static void
load_and_compare(const char *yaml, size_t indent)
{
    itin_diags d;
    itin_diags_init(&d, 0);
    itin_plan *plan = itin_plan_load_buffer("t.yaml", yaml, strlen(yaml), &d);
    for (size_t i = 0; !plan && i < d.count; i++)
        fprintf(stderr, "  [diag] %d:%d: %s\n", d.items[i].pos.line, d.items[i].pos.col, d.items[i].message);
    assert_non_null(plan);
    same_both_ways(plan, indent);
    itin_plan_free(plan);
    itin_diags_free(&d);
}

static void
time_column(void **state)
{
    (void)state;
    /* "10:00–11:00": 11 columns and two spaces. */
    load_and_compare(TRIP "visits:\n" VISIT_A, 13);
    /* The repeated hour's time names its offsets and stands apart: the
     * column stays. */
    load_and_compare(TRIP "visits:\n" VISIT_A REPEATED, 13);
    /* "18:05–14:25 +1" widens it. */
    load_and_compare(TRIP "visits:\n" VISIT_A OVERNIGHT, 16);
    load_and_compare(TRIP "visits:\n" VISIT_A REPEATED OVERNIGHT, 16);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(examples),
        cmocka_unit_test(time_column),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
