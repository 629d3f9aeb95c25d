/* export_ics: the itinerary as an iCalendar object (RFC 5545, with the iTIP
 * methods of RFC 5546 and the calendar properties of RFC 7986), built
 * component by component with libical and serialised by it. It renders what
 * the scheduler decided and never computes a time: each DTSTART/DTEND is the
 * local date and minute the scheduler resolved, labelled with the zone of its
 * place (TZID), and each zone used comes with its VTIMEZONE (docs/format.md
 * §17 says what a calendar holds).
 *
 * The calendar is the list of its steps below; the steps live in
 * ics_zones.c (times and zones), ics_vtimezone.c (VTIMEZONEs), ics_event.c
 * (VEVENTs, alarms, attendees) and ics_text.c (text cleaning, identifiers),
 * which share ics.h.
 *
 * Choices, and why:
 *
 * - Times are local with TZID (a flight: departure zone / arrival zone), never
 *   floating, so that a calendar shows "09:00 Berlin" even after a zone's
 *   rules change. The TZID is the plain IANA name (libical's own carries a
 *   "/freeassociation.sourceforge.net/" prefix that other parsers do not
 *   understand), and the TZID parameters are written here
 *   (icalproperty_new_dtstart() writes none). Times in UTC ("Z") instead:
 *   at a place whose zone is UTC itself (and then no VTIMEZONE), and in an
 *   hour that happens twice when the clocks go back, where a local time
 *   would not say which of the two instants is meant (see ics_zones.c).
 * - Each VTIMEZONE is made here from the zone's offsets, the smallest that is
 *   exact over the calendar's span (see ics_vtimezone.c): libical's own
 *   component made strict parsers throw. Its rules are not cut off at the
 *   end (no TZUNTIL, no UNTIL while tzdata's rule holds), so an event a user
 *   later moves into the next year still has its offset.
 * - UID = "<kind>.<item id>@<delegation id>.itinerary": it names the item,
 *   never its position or time, so an edit, a reorder or a re-run updates the
 *   same event, and everyone's personal calendar carries the same UID. Bytes
 *   outside [A-Za-z0-9._-] are written "+XX" in hex (transfer ids contain ':'
 *   and '@'), which keeps the mapping injective; a transfer's id loses its
 *   "transfer:" prefix, which the kind repeats.
 * - A personal calendar is the filtered itinerary it is given (opt->mask is
 *   not needed here); its events keep their full attendee lists, so that
 *   everyone's copy of an event is the same event.
 * - Lodging is one all-day, transparent event per lodging entry (DTSTART =
 *   first night, DTEND = departure date, exclusive), although the itinerary
 *   lists it on each night.
 * - METHOD:PUBLISH by default, without ATTENDEE (RFC 5546 §3.2.1 forbids it;
 *   attendees are named in DESCRIPTION) but with the ORGANIZER that §3.2.1
 *   requires, when the delegation's organizer has an e-mail address.
 * - --invite (METHOD:REQUEST, §3.2.2): ORGANIZER is required and must be a
 *   calendar address that replies can reach. Writing someone else's address
 *   (a participant's) would make that person the owner of every meeting in
 *   their client, so without an organizer e-mail the export is refused
 *   (EINVAL) rather than made up. A REQUEST needs at least one ATTENDEE and
 *   allows only STATUS TENTATIVE or CONFIRMED: events nobody with an e-mail
 *   attends, and cancelled visits (which iTIP announces with METHOD:CANCEL),
 *   are left out of the invitation; the PUBLISH calendar keeps them.
 * - Text: libical escapes \ ; , and newlines in TEXT values and folds at 75
 *   octets without splitting UTF-8, but passes TAB and other control
 *   characters through and drops CR. Every text is cleaned first: CRLF and CR
 *   become newlines, TAB a space, other control characters are dropped,
 *   invalid UTF-8 becomes U+FFFD, trailing blanks go. SUMMARY, LOCATION,
 *   NAME and parameter values are one line (newlines become spaces; some
 *   clients reject a multi-line SUMMARY); DESCRIPTION keeps its lines.
 *   X-WR-CALNAME gets the same one-line text as NAME, escaped as TEXT
 *   (see add_x_text_property()). CATEGORIES values are fixed words.
 * - Folding is libical's, with one repair (see itin_ics_repair_folding()).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ics.h"
#include "text.h"

/* An X- property, whose value libical writes as it is given. */
static void
add_x_property(icalcomponent *cal, const char *name, const char *value)
{
    icalproperty *p = icalproperty_new_x(value);
    icalproperty_set_x_name(p, name);
    icalcomponent_add_property(cal, p);
}

/* The first and the last second a DTSTAMP can say: 0001-01-01T00:00:00Z
 * (a DATE-TIME has four digits for the year, RFC 5545 §3.3.4) and
 * 3000-12-31T23:59:59Z (libical 3.0 writes a later time as
 * 00000000T000000). */
#define DTSTAMP_MIN (-62135596800LL)
#define DTSTAMP_MAX 32535215999LL

/* The context the events are built in; false with errno EINVAL when an
 * invitation is asked for without an organizer to reply to, EDOM when the
 * stamp is outside the years 1 to 3000. */
bool
itin_ics_ctx_init(ics_ctx *C, const itin_itinerary *it, const itin_render_options *opt, itin_arena *A)
{
    const itin_delegation *D = &it->plan->delegation;
    *C = (ics_ctx){0};
    C->P = it->plan;
    C->A = A;
    C->lang = itin_lang_of(opt && opt->lang ? opt->lang : D->language);
    C->invite = opt && opt->invite;
    C->organizer_email = itin_ics_usable_email(D->organizer.email);
    if (C->invite && !C->organizer_email) {
        errno = EINVAL; /* see the top: an invitation needs an organizer to reply to */
        return false;
    }
    int64_t stamp = opt && opt->has_dtstamp ? opt->dtstamp : (int64_t)time(NULL);
    if (stamp < DTSTAMP_MIN || stamp > DTSTAMP_MAX) {
        errno = EDOM;
        return false;
    }
    C->dtstamp = itin_ics_utc_time(stamp);
    C->sequence = D->revision > 0 ? D->revision : 0;
    return true;
}

/* An X- property whose value is TEXT (RFC 5545 §3.3.11), escaped as such.
 * libical 3.0 escapes only backslashes and newlines in the value of an X-
 * property, whatever its value type, so that "A, B; C" would be read back
 * as "A" by vobject and CalDAV servers. The value is escaped by libical's own
 * TEXT serialiser (a value outside any property), then given to the property
 * as a value libical writes as it is, labelled VALUE=TEXT. */
static void
add_x_text_property(icalcomponent *cal, const char *name, const char *text)
{
    icalvalue *tv = icalvalue_new_text(text);
    char *escaped = icalvalue_as_ical_string_r(tv);
    icalvalue_free(tv);
    icalproperty *p = icalproperty_new(ICAL_X_PROPERTY);
    icalproperty_set_x_name(p, name);
    icalproperty_set_value(p, icalvalue_new_string(escaped ? escaped : ""));
    icalproperty_add_parameter(p, icalparameter_new_value(ICAL_VALUE_TEXT));
    icalcomponent_add_property(cal, p);
    free(escaped);
}

/* NAME and X-WR-CALNAME: the title (or the id), with " – <audience>" for a
 * personal calendar. */
static void
add_calendar_name(icalcomponent *cal, const itin_plan *P, const itin_render_options *opt)
{
    const itin_delegation *D = &P->delegation;
    itin_strbuf name = {0};
    const char *lang = opt && opt->lang ? opt->lang : D->language;
    if (!itin_ics_put_piece(&name, NULL, itin_text_in(P, D->title, lang)) &&
        !itin_ics_put_piece(&name, NULL, D->id))
        itin_strbuf_puts(&name, "itinerary");
    if (opt && opt->audience) {
        size_t mark = name.len;
        itin_strbuf_puts(&name, " \u2013 ");
        if (!itin_ics_put_piece(&name, NULL, itin_text_in(P, opt->audience, lang)))
            itin_strbuf_truncate(&name, mark);
    }
    icalcomponent_add_property(cal, icalproperty_new_name(itin_strbuf_str(&name)));
    add_x_text_property(cal, "X-WR-CALNAME", itin_strbuf_str(&name));
    free(name.s);
}

icalcomponent *
itin_ics_calendar_new(const itin_plan *P, const itin_render_options *opt, icalproperty_method method)
{
    const itin_delegation *D = &P->delegation;
    icalcomponent *cal = icalcomponent_new_vcalendar();
    icalcomponent_add_property(cal, icalproperty_new_prodid("-//itinerary//itinerary " ITIN_VERSION "//EN"));
    icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(cal, icalproperty_new_method(method));
    add_calendar_name(cal, P, opt);
    if (D->timezone && *D->timezone)
        add_x_property(cal, "X-WR-TIMEZONE", D->timezone);
    return cal;
}

/* The calendar's own properties and its VTIMEZONEs, and the context the
 * events are built in; the events follow one by one (see itin_export_ics). */
static icalcomponent *
calendar_shell(const itin_itinerary *it, const itin_render_options *opt, itin_arena *A, ics_ctx *C)
{
    if (!itin_ics_ctx_init(C, it, opt, A))
        return NULL;
    icalcomponent *cal =
        itin_ics_calendar_new(it->plan, opt, C->invite ? ICAL_METHOD_REQUEST : ICAL_METHOD_PUBLISH);
    /* The zones, by name, before the events that use them. */
    itin_ics_add_vtimezones(cal, it);
    return cal;
}

/* Serialise a component with libical, repair the fold, write it; frees the
 * component. With `upto`, only what comes before that text is written. */
int
itin_ics_emit(icalcomponent *c, FILE *out, const char *upto)
{
    char *text = icalcomponent_as_ical_string_r(c);
    icalcomponent_free(c);
    if (!text) {
        errno = ENOMEM;
        return -1;
    }
    size_t len = itin_ics_repair_folding(text, strlen(text));
    if (upto) {
        char *end = strstr(text, upto);
        len = end ? (size_t)(end - text) : len;
    }
    int rc = fwrite(text, 1, len, out) == len ? 0 : -1;
    free(text);
    return rc;
}

/* The calendar is written as libical serialises it, one component at a time
 * so that a large itinerary never sits in memory as one string: the shell
 * (the calendar's properties and its VTIMEZONEs) up to its END line, each
 * VEVENT, then the END line of an empty calendar. The events are written
 * with the lines of their properties made once each (ics_lines.c). */
int
itin_export_ics(const itin_itinerary *it, const itin_render_options *opt, FILE *out)
{
    itin_arena *A = itin_arena_new();
    ics_ctx C;
    errno = 0;
    icalcomponent *cal = calendar_shell(it, opt, A, &C);
    if (!cal) {
        if (!errno)
            errno = ENOMEM;
        itin_arena_free(A);
        return -1;
    }
    int rc = itin_ics_emit(cal, out, "END:VCALENDAR\r\n");
    const itin_plan *P = it->plan;
    itin_ics_ctx_arrivals(&C, it);
    C.lines = itin_ics_lines_new();
    ics_strset uids = {0};
    itin_strbuf text = {0};
    for (size_t k = 0; k < it->n_days && rc == 0; k++)
        for (size_t i = 0; i < it->days[k].n_items && rc == 0; i++) {
            const itin_item *x = &it->items[it->days[k].items[i]];
            itin_ics_uid(&C.buf, P, x);
            char *uid = itin_xstrdup(itin_strbuf_str(&C.buf));
            if (itin_ics_strset_add(&uids, uid)) { /* lodging once, not each night */
                itin_strbuf_clear(&text);
                rc = itin_ics_vevent_text(&C, x, uid, &text) < 0 ? -1 : 0;
                if (rc == 0 && text.len && fwrite(text.s, 1, text.len, out) != text.len)
                    rc = -1;
            }
            free(uid);
        }
    free(text.s);
    itin_ics_strset_free(&uids);
    itin_ics_ctx_free(&C);
    itin_arena_free(A);
    return itin_ics_emit_end(out, rc);
}

void
itin_ics_ctx_arrivals(ics_ctx *C, const itin_itinerary *it)
{
    itin_strmap_init(&C->arrivals);
    for (size_t k = 0; k < it->n_days; k++) /* the items of this calendar */
        for (size_t i = 0; i < it->days[k].n_items; i++) {
            const itin_item *x = &it->items[it->days[k].items[i]];
            if (x->kind == ITIN_ITEM_TRANSFER && x->to_item)
                itin_strmap_put(&C->arrivals, x->to_item, i, NULL);
        }
}

void
itin_ics_ctx_free(ics_ctx *C)
{
    itin_strmap_free(&C->arrivals);
    free(C->buf.s);
    C->buf = (itin_strbuf){0};
    itin_ics_lines_free(C->lines);
    C->lines = NULL;
    free(C->key.s);
    C->key = (itin_strbuf){0};
    itin_pairmap_free(&C->hows);
}

int
itin_ics_emit_end(FILE *out, int rc)
{
    if (rc == 0) {
        icalcomponent *end = icalcomponent_new_vcalendar();
        char *text = icalcomponent_as_ical_string_r(end);
        icalcomponent_free(end);
        const char *tail = text ? strstr(text, "END:VCALENDAR") : NULL;
        rc = tail && fputs(tail, out) != EOF ? 0 : -1;
        free(text);
    }
    if (rc == 0 && fflush(out) != 0)
        rc = -1;
    if (rc && !errno)
        errno = EIO;
    return rc;
}
