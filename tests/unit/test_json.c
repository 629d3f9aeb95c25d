/* test_json: the streaming JSON writer: escaping (RFC 8259 §7) and layout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
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

/* Numbers written without printf say exactly what printf says: integers
 * at the limits, and tenths (distances) around zero, with every number of
 * digits, against "%lld" and "%.*g". */
static double number_v;
static int number_digits;
static long long int_v;

static void
write_one_number(jw *w)
{
    jw_number(w, number_v, number_digits);
}

static void
write_one_int(jw *w)
{
    jw_int(w, int_v);
}

static void
numbers_as_printf(void **state)
{
    (void)state;
    char want[64];
    const long long ints[] = {0,
                              1,
                              -1,
                              9,
                              10,
                              -10,
                              99,
                              100,
                              123456789,
                              -987654321,
                              4294967296LL,
                              9223372036854775807LL,
                              -9223372036854775807LL - 1};
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
        int_v = ints[i];
        snprintf(want, sizeof want, "%lld", int_v);
        char *out = render(write_one_int);
        assert_string_equal(out, want);
        free(out);
    }
    const double extra[] = {-0.0,       0.05, 0.15,      1e-300, 99999999.9, 100000000.0, 123456789.1,
                            1e15 + 0.5, -0.3, 0.1 + 0.2, 62.5,   3.6,        60.436};
    for (int digits = 1; digits <= 17; digits++) {
        for (int k = -2000; k <= 2000 + (int)(sizeof extra / sizeof *extra); k++) {
            number_v = k <= 2000 ? k / 10.0 : extra[k - 2001];
            if (k <= 2000 && k % 7 == 0)
                number_v = round(k * 10.37) / 10; /* as a distance is rounded */
            number_digits = digits;
            snprintf(want, sizeof want, "%.*g", digits, number_v);
            char *out = render(write_one_number);
            if (strcmp(out, want) != 0)
                fail_msg("%.17g with %d digits: %s, printf says %s", number_v, digits, out, want);
            free(out);
        }
    }
}

/* Escaping at every position of strings longer and shorter than the eight
 * bytes the writer looks at together, against a byte-by-byte reference. */
static const char *escape_input;

static void
write_escape_input(jw *w)
{
    jw_string(w, escape_input);
}

static void
reference_escape(const char *s, char *out)
{
    *out++ = '"';
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            out += sprintf(out, "\\%c", c);
        else if (c == '\n')
            out += sprintf(out, "\\n");
        else if (c == '\r')
            out += sprintf(out, "\\r");
        else if (c == '\t')
            out += sprintf(out, "\\t");
        else if (c == '\b')
            out += sprintf(out, "\\b");
        else if (c == '\f')
            out += sprintf(out, "\\f");
        else if (c < 0x20)
            out += sprintf(out, "\\u%04x", c);
        else
            *out++ = (char)c;
    }
    *out++ = '"';
    *out = '\0';
}

static void
escapes_at_every_position(void **state)
{
    (void)state;
    const char specials[] = {'"', '\\', '\n', '\x01', '\x1f', '\t', ' ', '\x7f'};
    /* 40 bytes or more each: ASCII, and UTF-8 past ASCII (ä, 가, U+2028). */
    const char *fill[] = {"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
                          "\xc3\xa4\xea\xb0\x80\xe2\x80\xa8\xc3\xa4\xea\xb0\x80\xe2\x80\xa8"
                          "\xc3\xa4\xea\xb0\x80\xe2\x80\xa8\xc3\xa4\xea\xb0\x80\xe2\x80\xa8"
                          "\xc3\xa4\xea\xb0\x80\xe2\x80\xa8\xc3\xa4\xea\xb0\x80\xe2\x80\xa8"};
    char in[64], want[512];
    for (size_t f = 0; f < 2; f++) {
        assert_true(strlen(fill[f]) >= 40);
        for (size_t len = 0; len <= 40; len++)
            for (size_t at = 0; at <= len; at++)
                for (size_t k = 0; k < sizeof specials; k++) {
                    memcpy(in, fill[f], len);
                    in[len] = '\0';
                    if (at < len)
                        in[at] = specials[k];
                    escape_input = in;
                    reference_escape(in, want);
                    char *out = render(write_escape_input);
                    if (strcmp(out, want) != 0)
                        fail_msg("length %zu, byte %zu: %s, want %s", len, at, out, want);
                    free(out);
                    itin_strbuf b = {0};
                    jw_quote(&b, in);
                    if (strcmp(itin_strbuf_str(&b), want) != 0)
                        fail_msg("jw_quote, length %zu, byte %zu: %s, want %s", len, at, b.s, want);
                    free(b.s);
                }
    }
}

/* The writer copies a string straight into its buffer and flushes when it
 * is full: strings whose escapes fall on the buffer's end, at every offset
 * around it, come out whole. */
static size_t filler_len;
static char filler[(1 << 16) + 64];
static const char across[] = "\x01\"a\\\x01\"a\\\x01\"a\\\x01\"a\\\x01\"a\\\x01\"a\\ \xea\xb0\x80\x1f";

static void
write_across(jw *w)
{
    jw_raw(w, filler, filler_len);
    jw_string(w, across);
    jw_raw(w, "!", 1);
}

static void
escapes_across_the_buffer_end(void **state)
{
    (void)state;
    char want[256];
    reference_escape(across, want);
    memset(filler, '.', sizeof filler);
    for (filler_len = sizeof filler - 64 - 80; filler_len <= sizeof filler - 64 + 2; filler_len++) {
        char *out = render(write_across);
        size_t n = strlen(want);
        assert_int_equal(strlen(out), filler_len + n + 1);
        for (size_t i = 0; i < filler_len; i++)
            assert_int_equal(out[i], '.');
        if (memcmp(out + filler_len, want, n) != 0 || out[filler_len + n] != '!')
            fail_msg("after %zu bytes: %s, want %s!", filler_len, out + filler_len, want);
        free(out);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escapes),
        cmocka_unit_test(layout),
        cmocka_unit_test(numbers),
        cmocka_unit_test(long_string),
        cmocka_unit_test(write_error),
        cmocka_unit_test(numbers_as_printf),
        cmocka_unit_test(escapes_at_every_position),
        cmocka_unit_test(escapes_across_the_buffer_end),
    };
    return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
