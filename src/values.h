/* values: strict parsers for the scalar types of the delegation format. */
#ifndef ITIN_VALUES_H
#define ITIN_VALUES_H

#include "itinerary/itinerary.h"

/* Every parser takes a NUL-terminated scalar exactly as written in the file and
 * returns 0 on success. On failure it returns -1 and writes a one-line message
 * (no position, no "error:" prefix, no trailing period) into err[errlen], e.g.
 * "invalid duration '90': a bare number has no unit (write '90m')". */

/* YYYY-MM-DD, a real calendar date, years 1900..2199. */
int itin_parse_date(const char *s, itin_date *out, char *err, size_t errlen);

/* HH:MM, 24-hour, 00:00..23:59; "24:00" too when allow_24 is true. */
int itin_parse_time(const char *s, bool allow_24, int *minutes, char *err, size_t errlen);

/* "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM". */
int itin_parse_datetime(const char *s, itin_date *date, int *minutes, char *err, size_t errlen);

/* The same, optionally followed by a UTC offset "+HH:MM" or "-HH:MM"
 * ("02:30+01:00", "2023-10-29 02:30+01:00"); off->given says whether one was
 * written. */
int itin_parse_time_offset(const char *s, bool allow_24, int *minutes, itin_offset *off, char *err,
                           size_t errlen);
int itin_parse_datetime_offset(const char *s, itin_date *date, int *minutes, itin_offset *off, char *err,
                               size_t errlen);

/* 90m, 45min, 2h, 1h30m, 1h 30m, 2 h, PT1H30M, P1DT2H (whole minutes only);
 * a bare number is an error that suggests '<n>m'. Zero is allowed here. */
int itin_parse_duration(const char *s, int *minutes, char *err, size_t errlen);

/* A decimal number: optional sign, digits, optional fraction; nothing else. */
int itin_parse_decimal(const char *s, double *out, char *err, size_t errlen);

/* A non-negative decimal integer without sign or leading junk, <= max. */
int itin_parse_uint(const char *s, long max, long *out, char *err, size_t errlen);

/* [a-z0-9][a-z0-9._-]*, at most 64 characters. */
int itin_check_id(const char *s, char *err, size_t errlen);

/* Day spec keys of `hours`: "mon", "mon-fri", "sat,sun", "mon-wed,fri",
 * wrapping ranges such as "fri-mon". Sets bit i (0 = Monday) of *mask. */
int itin_parse_dayspec(const char *s, unsigned *mask, char *err, size_t errlen);

/* "08:00-17:00" (close may be 24:00; close must be after open). */
int itin_parse_interval(const char *s, int *open, int *close, char *err, size_t errlen);

/* An item's kind as the JSON and iCalendar exports name it: "visit",
 * "travel", "transfer", "lodging"; "" for a value out of range. */
const char *itin_item_kind_name(itin_item_kind k);
/* A status as the format writes it: "confirmed", "tentative", "cancelled". */
const char *itin_status_name(itin_status s);

/* walk, bike, car, taxi, bus, train, flight, ship. */
int itin_parse_mode(const char *s, itin_mode *out, char *err, size_t errlen);

/* An agenda language: one of ITIN_LANGUAGES (itinerary.h). */
int itin_check_language(const char *s, char *err, size_t errlen);

/* ISO 3166-1 alpha-2 shape (two ASCII capitals) and ISO 3166-2 shape
 * (country, '-', 1..3 capitals or digits). Shape only, no registry. */
int itin_check_country(const char *s, char *err, size_t errlen);
int itin_check_region(const char *s, char *err, size_t errlen);

/* The candidate closest to `word` by edit distance, when it is close enough to
 * be a likely typo (distance <= 2, and < half the word's length); else NULL. */
const char *itin_suggest(const char *word, const char *const *candidates, size_t n);

#endif
