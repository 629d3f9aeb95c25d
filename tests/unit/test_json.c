/* test_json: the streaming JSON writer: escaping (RFC 8259 §7) and layout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json.h"

/* Run `fn` against a writer on a memory stream and return what it wrote. */
static char *
render(void (*fn)(jw *))
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    jw *w = malloc(sizeof *w);
    jw_init(w, f);
    fn(w);
    assert_int_equal(jw_finish(w), 0);
    free(w);
    fclose(f);
    return buf;
}

static void
write_escapes(jw *w)
{
    jw_array(w, -1);
    jw_string(w, "quote \" backslash \\ slash /");
    jw_string(w, "nl\n cr\r tab\t bs\b ff\f");
    jw_string(w, "\x01\x1f\x7f");
    jw_string(w, "Buß- und Bettag 추석 \u2028");
    jw_string(w, "");
    jw_end(w);
}

static void
escapes(void **state)
{
    (void)state;
    char *out = render(write_escapes);
    assert_string_equal(out, "[\"quote \\\" backslash \\\\ slash /\", \"nl\\n cr\\r tab\\t bs\\b ff\\f\", "
                             "\"\\u0001\\u001f\x7f\", \"Buß- und Bettag 추석 \u2028\", \"\"]");
    free(out);
}

static void
write_layout(jw *w)
{
    jw_object(w, 2);
    jw_kint(w, "n", -42);
    jw_key(w, "list");
    jw_array(w, 4);
    jw_object(w, -1);
    jw_kstring(w, "a", "x");
    jw_kstring(w, "skipped", NULL);
    jw_kbool(w, "b", true);
    jw_end(w);
    jw_number(w, 50.8163, 10);
    jw_end(w);
    jw_key(w, "empty");
    jw_array(w, 4);
    jw_end(w);
    jw_key(w, "nothing");
    jw_null(w);
    jw_end(w);
}

static void
layout(void **state)
{
    (void)state;
    char *out = render(write_layout);
    assert_string_equal(out, "{\n"
                             "  \"n\": -42,\n"
                             "  \"list\": [\n"
                             "    {\"a\": \"x\", \"b\": true},\n"
                             "    50.8163\n"
                             "  ],\n"
                             "  \"empty\": [],\n"
                             "  \"nothing\": null\n"
                             "}");
    free(out);
}

static void
write_numbers(jw *w)
{
    jw_array(w, -1);
    jw_number(w, 1.0 / 0.0, 10); /* not finite: null */
    jw_number(w, 12.5, 10);
    jw_number(w, -0.25, 3);
    jw_int(w, 0);
    jw_end(w);
}

static void
numbers(void **state)
{
    (void)state;
    char *out = render(write_numbers);
    assert_string_equal(out, "[null, 12.5, -0.25, 0]");
    free(out);
}

static void
write_long(jw *w)
{
    /* Longer than the writer's buffer: passed through whole. */
    size_t n = 200000;
    char *s = malloc(n + 1);
    memset(s, 'x', n);
    s[n] = '\0';
    jw_string(w, s);
    free(s);
}

static void
long_string(void **state)
{
    (void)state;
    char *out = render(write_long);
    assert_int_equal(strlen(out), 200002);
    assert_int_equal(out[0], '"');
    assert_int_equal(out[200001], '"');
    free(out);
}

static void
write_error(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        skip();
    jw *w = malloc(sizeof *w);
    jw_init(w, f);
    for (int i = 0; i < 20000; i++)
        jw_string(w, "fill the buffer so that it is flushed");
    assert_int_equal(jw_finish(w), -1);
    free(w);
    fclose(f);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escapes),     cmocka_unit_test(layout),      cmocka_unit_test(numbers),
        cmocka_unit_test(long_string), cmocka_unit_test(write_error),
    };
    return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
