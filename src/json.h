/* json: a small streaming JSON writer (RFC 8259) for the exporter. */
#ifndef ITIN_JSON_H
#define ITIN_JSON_H

#include <stdbool.h>
#include <stdio.h>

#include "itinerary/itinerary.h"
#include "strbuf.h"

#define JW_MAX_DEPTH 16

/* Containers open inline ({"a": 1}) or one element a line, indented. */
typedef struct jw {
    FILE *out;
    int bad; /* a write failed */
    int depth;
    int indent[JW_MAX_DEPTH]; /* -1: inline */
    int count[JW_MAX_DEPTH];  /* elements written in each open container */
    char close[JW_MAX_DEPTH]; /* '}' or ']' */
    bool after_key;
    size_t n;
    char buf[1 << 16];
} jw;

void jw_init(jw *w, FILE *out);
/* Flush; 0, or -1 when any write failed. */
int jw_finish(jw *w);

/* Open a container; `indent` >= 0 puts each element on its own line,
 * indented by that many spaces. */
void jw_object(jw *w, int indent);
void jw_array(jw *w, int indent);
void jw_end(jw *w);

void jw_key(jw *w, const char *key);
void jw_string(jw *w, const char *s);
void jw_int(jw *w, long long v);
/* A finite number with up to `digits` significant digits. */
void jw_number(jw *w, double v, int digits);
void jw_bool(jw *w, bool v);
void jw_null(jw *w);
/* A value already written as JSON, such as a memo of an array. */
void jw_raw(jw *w, const char *json, size_t len);
/* s as a JSON string, quotes included, appended to b. */
void jw_quote(itin_strbuf *b, const char *s);

/* Shorthands for an object member. */
void jw_kstring(jw *w, const char *key, const char *s); /* nothing when s is NULL */
void jw_kint(jw *w, const char *key, long long v);
void jw_kbool(jw *w, const char *key, bool v);
/* A member whose string value needs no escape (a date or time written here),
 * `len` bytes of it; len < 64. */
void jw_kplain(jw *w, const char *key, const char *s, size_t len);

/* A member whose value is a local time with its UTC offset,
 * "2022-11-22T09:30:00+01:00" (export_json.c). */
void itin_json_local_time(jw *w, const char *key, itin_date date, int minutes, int offset);

/* What an exporter keeps while it writes one document: the "with" arrays
 * written so far, by mask, and the last date it wrote. Zero-initialise; free
 * A when it is set. */
typedef struct itin_json_memo {
    itin_arena *A;
    struct itin_who_memo *who;
    bool have_date;
    itin_date date;
    char ymd[16];
} itin_json_memo;

/* "with": the ids of the participants in a who-mask (export_json.c), from
 * and into the memo m when m is not NULL. */
void itin_json_who(jw *w, const itin_plan *P, const uint64_t *mask, itin_json_memo *m);
/* "companies": a meeting's or request's two company ids, delegation side first. */
void itin_json_companies(jw *w, const itin_plan *P, const size_t pair[2]);

#endif
