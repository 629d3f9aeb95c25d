/* ics: what the files of the iCalendar exporter share (export_ics.c, the
 * calendar; ics_zones.c, times and zones; ics_vtimezone.c, VTIMEZONEs;
 * ics_event.c, the VEVENTs;
 * ics_text.c, text cleaning and identifiers). */
#ifndef ITIN_ICS_H
#define ITIN_ICS_H

#include <stdbool.h>
#include <stdint.h>

#include <libical/ical.h>

#include "datetime.h"
#include "i18n.h"
#include "strbuf.h"
#include "strmap.h"
#include "tz.h"
#include "values.h"
#include "xalloc.h"

/* What every event of one calendar is built with. */
typedef struct ics_ctx {
    const itin_plan *P;
    itin_lang lang; /* the words of DESCRIPTION and SUMMARY */
    itin_arena *A;  /* their localized pieces */
    bool invite;
    const char *organizer_email;
    struct icaltimetype dtstamp;
    int sequence;
    itin_strbuf buf;                /* scratch */
    itin_strmap arrivals;           /* ids of the items a transfer of this calendar arrives at */
    struct ics_lines *lines;        /* the serialised properties of this calendar, for
                                     * itin_ics_vevent_text (owned) */
    itin_strbuf key;                /* scratch for the keys of lines */
    struct itin_who_memo *who_memo; /* the attendee lines of DESCRIPTION, by mask */
    itin_pairmap hows;              /* a transfer's "by car, 20 min", by mode, minutes,
                                       estimate and distance (the text's address) */
} ics_ctx;

/* ------------------------------------ export_ics.c: the calendar's frame */

/* The context events are built in: language, stamp, SEQUENCE (the
 * revision), organizer; false with errno EINVAL (an invitation without an
 * organizer e-mail) or EDOM (a stamp outside the years 1 to 3000). */
bool itin_ics_ctx_init(ics_ctx *C, const itin_itinerary *it, const itin_render_options *opt, itin_arena *A);
/* Which items a transfer of `it` arrives at (where reminders go), into C. */
void itin_ics_ctx_arrivals(ics_ctx *C, const itin_itinerary *it);
/* Free what the context holds (not its arena). */
void itin_ics_ctx_free(ics_ctx *C);
/* A VCALENDAR with the calendar's own properties (PRODID, VERSION, METHOD,
 * NAME, X-WR-CALNAME, X-WR-TIMEZONE) and nothing else; the caller frees it. */
icalcomponent *itin_ics_calendar_new(const itin_plan *P, const itin_render_options *opt,
                                     icalproperty_method method);
/* Serialise a component, repair libical's folding and write it; frees the
 * component. With `upto`, only what comes before that text is written. */
int itin_ics_emit(icalcomponent *c, FILE *out, const char *upto);
/* After the events: the calendar's END line when rc is 0, then flush; the
 * final status (-1 with errno on any failure). */
int itin_ics_emit_end(FILE *out, int rc);

/* ------------------------------------------------- ics_text.c: text, ids */

/* Append `s` cleaned for a calendar (see export_ics.c): CRLF and CR become a
 * newline, a newline becomes a space when `oneline`, TAB a space; other
 * control characters are dropped and invalid UTF-8 becomes U+FFFD. */
void itin_ics_put_text(itin_strbuf *b, const char *s, bool oneline);
/* Remove trailing spaces and newlines. */
void itin_ics_rtrim(itin_strbuf *b);
/* A cleaned copy of s (one line or not), trimmed; the caller frees it. */
char *itin_ics_clean(const char *s, bool oneline);
/* Append itin_ics_clean(s, one line) after `sep` (when b is not empty); false
 * when nothing is left of s after cleaning, and then nothing is appended. */
bool itin_ics_put_piece(itin_strbuf *b, const char *sep, const char *s);
/* A parameter value: one line, without DQUOTE; the caller frees it. */
char *itin_ics_param_text(const char *s);
/* A URI for URL, percent-encoded; the caller frees it. */
char *itin_ics_uri_text(const char *s);
/* Append s with every byte outside [A-Za-z0-9._-] as "+XX" (hex). */
void itin_ics_put_id(itin_strbuf *b, const char *s);
/* An address usable in a mailto: URI, or NULL. */
const char *itin_ics_usable_email(const char *e);

/* An open-addressing set of strings (UIDs, zone names); keys are owned. */
typedef struct ics_strset {
    char **slot;
    size_t cap, n;
} ics_strset;

/* Add a copy of s; false when it was there already. */
bool itin_ics_strset_add(ics_strset *set, const char *s);
void itin_ics_strset_free(ics_strset *set);

/* ------------------------------------- ics_lines.c: serialised properties */

/* The content lines of the properties of one calendar, kept by a key that
 * says everything the property is made of (see ics_event.c). */
typedef struct ics_lines ics_lines;

ics_lines *itin_ics_lines_new(void);
void itin_ics_lines_free(ics_lines *L);
/* Append the lines kept under key to out; false when key is NULL or not
 * known. */
bool itin_ics_lines_put(ics_lines *L, const char *key, itin_strbuf *out);
/* Serialise p with libical, repair the folding, append it to out and keep
 * it under key (when not NULL); frees p. False when libical fails. */
bool itin_ics_lines_add(ics_lines *L, const char *key, icalproperty *p, itin_strbuf *out);
/* libical 3.0.16 folds a property whose last line is 74 octets before the
 * LF of its CRLF as "…\r" "\r\n " "\n"; the repair gives "…\r\n" (see
 * ics_lines.c). Returns the new length. */
size_t itin_ics_repair_folding(char *s, size_t len);

/* ------------------------------------------- ics_zones.c: times and zones */

/* A local date and minute (or a date) with no zone attached. */
struct icaltimetype itin_ics_local_time(itin_date date, int minutes, bool is_date);
/* An absolute time as a UTC ("Z") time. */
struct icaltimetype itin_ics_utc_time(int64_t t);
/* When a timed item starts (or ends, when `end`), as its DTSTART (DTEND)
 * says it: a local time with the TZID, or with tzid NULL a UTC time. */
typedef struct ics_when {
    const char *tzid;
    struct icaltimetype t;
} ics_when;
ics_when itin_ics_when(bool end, const itin_item *x);
/* The DTSTART (or DTEND) property of a time; the caller owns it. */
icalproperty *itin_ics_when_property(bool end, ics_when w);
/* Add the VTIMEZONE of every zone a TZID names, sorted by name. */
void itin_ics_add_vtimezones(icalcomponent *cal, const itin_itinerary *it);
/* The same for the zones of n items, each VTIMEZONE exact from `first` to
 * `last` (seconds since the epoch). */
void itin_ics_add_vtimezones_of(icalcomponent *cal, const itin_item *const *items, size_t n, int64_t first,
                                int64_t last);

/* ---------------------------------------- ics_vtimezone.c: the VTIMEZONEs */

/* The VTIMEZONE of the IANA zone `name`, exact for every instant from `from`
 * to `to` (seconds since the epoch), or NULL for an unknown zone. */
icalcomponent *itin_ics_vtimezone(const char *name, int64_t from, int64_t to);

/* ------------------------------------------------ ics_event.c: the events */

/* The UID of an item, written into b (cleared first). */
void itin_ics_uid(itin_strbuf *b, const itin_plan *P, const itin_item *x);
/* The VEVENT of one item, or NULL when it has no place in this calendar. */
icalcomponent *itin_ics_vevent(ics_ctx *C, const itin_item *x, const char *uid);
/* The same VEVENT as libical serialises it (folding repaired), appended to
 * out, its lines made once in C->lines (which must be set): 1, or 0 when the item has no event, or -1
 * (ENOMEM) when libical fails. */
int itin_ics_vevent_text(ics_ctx *C, const itin_item *x, const char *uid, itin_strbuf *out);

/* --------------------------------------- ics_update.c: calendar updates */

/* The events that take the old revision's calendar of a diff (for
 * opt->mask) to the new one's: each new or changed event, and each event
 * that is gone as a cancellation (`gone`), all at one SEQUENCE above the
 * old revision's; with `invite`, events as an invitation has them
 * (ATTENDEEs; cancelled visits and events without an invitee are gone). */
typedef struct ics_update {
    icalcomponent **events; /* owned; NULL once handed on */
    const itin_item **items;
    bool *gone;
    size_t n, cap;
    int64_t first, last;    /* the span of both calendars, for VTIMEZONEs */
    const itin_plan *plan;  /* the new revision's */
    itin_render_options ro; /* the new calendar's (language, audience) */
} ics_update;

int itin_ics_update_build(const itin_diff *D, const itin_diff_options *opt, bool invite, ics_update *u);
void itin_ics_update_free(ics_update *u);

#endif
