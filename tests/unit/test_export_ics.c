/* test_export_ics: the iCalendar exporter (docs/format.md §17, RFC 5545/5546/7986).
 * Each test loads a small delegation, schedules it, exports it into memory
 * and reads the result back with libical's parser; the raw text is checked
 * too (folding, line ends, escaping). The exporter's reading by parsers other
 * than libical is tested in tests/ics. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <libical/ical.h>

#include "arena.h"

/* ------------------------------------------------------------ fixtures */

#define HEAD                                                                                                 \
    "itinerary: 1\n"                                                                                         \
    "delegation:\n"                                                                                          \
    "  id: kr-mss-saxony-2022\n"                                                                             \
    "  organizer: {name: Wirtschaftsförderung Sachsen GmbH, email: delegationen@wfs.example.org}\n"         \
    "  start: 2022-11-22\n"                                                                                  \
    "  end: 2022-11-23\n"                                                                                    \
    "  timezone: Europe/Berlin\n"                                                                            \
    "  buffer: 15m\n"                                                                                        \
    "  participants:\n"                                                                                      \
    "    - {id: lee, name: Lee Ji-won, email: lee.jiwon@example.kr}\n"                                       \
    "    - {id: park, name: 박서연, email: park@example.kr}\n"                                            \
    "    - {id: kim, name: Kim Min-jun}\n"                                                                   \
    "  groups:\n"                                                                                            \
    "    - {id: research, name: Forschungsgruppe, members: [park]}\n"

#define PLACES                                                                                               \
    "institutions:\n"                                                                                        \
    "  - id: wfs\n"                                                                                          \
    "    name: Wirtschaftsförderung Sachsen GmbH\n"                                                         \
    "    short: WFS\n"                                                                                       \
    "    address: Bertolt-Brecht-Allee 22, 01309 Dresden\n"                                                  \
    "    geo: [51.0398, 13.7905]\n"                                                                          \
    "    url: https://www.wfs.sachsen.de\n"                                                                  \
    "    contact: {name: Delegationsbüro, email: delegationen@wfs.example.org, phone: \"+49 351 "           \
    "0000-100\"}\n"                                                                                          \
    "  - {id: hub, name: Smart Systems Hub, address: \"Antonstraße 25, 01097 Dresden\", geo: [51.0644, "    \
    "13.7447]}\n"                                                                                            \
    "  - {id: hotel, name: Hilton Dresden, address: \"An der Frauenkirche 5, 01067 Dresden\", geo: "         \
    "[51.0520, 13.7425]}\n"                                                                                  \
    "travel_times:\n"                                                                                        \
    "  - {from: wfs, to: hub, time: 20m}\n"                                                                  \
    "  - {from: hotel, to: wfs, time: 10m}\n"                                                                \
    "  - {from: hotel, to: hub, time: 15m}\n"

#define VISIT_WELCOME                                                                                        \
    "  - id: welcome\n"                                                                                      \
    "    title: Begrüßung durch die WFS\n"                                                                 \
    "    at: wfs\n"                                                                                          \
    "    date: 2022-11-22\n"                                                                                 \
    "    start: \"10:00\"\n"                                                                                 \
    "    duration: 1h\n"                                                                                     \
    "    topics: [Ansiedlung, \"KMU, Mittelstand\"]\n"                                                       \
    "    host: Katrin Walther (WFS)\n"                                                                       \
    "    description: \"Zeile 1, mit Komma; und Semikolon \\\\ Backslash\\nZeile 2\\n\"\n"

#define VISIT_HUB                                                                                            \
    "  - {id: hub-visit, title: Smart Systems Hub, at: hub, date: 2022-11-22, duration: 1h, with: [park]}\n"

#define VISIT_CANCELLED                                                                                      \
    "  - {id: factory, title: Werksführung, at: hub, date: 2022-11-23, start: \"14:00\", duration: 1h, "    \
    "status: cancelled, with: [lee, park]}\n"

#define VISIT_TENTATIVE                                                                                      \
    "  - {id: maybe, title: Vielleicht, at: wfs, date: 2022-11-23, start: \"10:00\", duration: 30m, "        \
    "status: tentative, with: [lee]}\n"

#define LODGING "lodging:\n  - {at: hotel, from: 2022-11-21, to: 2022-11-24}\n"

/* The standard delegation: revision 3, a 30-minute reminder. */
#define STANDARD                                                                                             \
    HEAD "  title: Südkoreanische Delegation zu Gast in Sachsen\n"                                          \
         "  revision: 3\n"                                                                                   \
         "  reminder: 30m\n" PLACES                                                                          \
         "visits:\n" VISIT_WELCOME VISIT_HUB VISIT_CANCELLED VISIT_TENTATIVE LODGING

#define STAMP 1668384000 /* 2022-11-14T00:00:00Z */

/* ------------------------------------------------------------ helpers */

static void
dump(const itin_diags *d)
{
    for (size_t i = 0; i < d->count; i++)
        fprintf(stderr, "  [diag] %d:%d: %s\n", d->items[i].pos.line, d->items[i].pos.col,
                d->items[i].message);
}

typedef struct run {
    itin_diags d;
    itin_plan *plan;
    itin_itinerary *it;
} run;

static void
load(run *r, const char *yaml)
{
    itin_diags_init(&r->d, 0);
    r->plan = itin_plan_load_buffer("test.yaml", yaml, strlen(yaml), &r->d);
    r->it = r->plan ? itin_schedule(r->plan, &r->d) : NULL;
    if (!r->it || r->d.errors || r->d.conflicts)
        dump(&r->d);
    assert_non_null(r->it);
    assert_int_equal(r->d.errors, 0);
    assert_int_equal(r->d.conflicts, 0);
}

static void
unload(run *r)
{
    itin_plan_free(r->plan);
    itin_diags_free(&r->d);
}

/* Export into memory; the caller frees the text. */
static char *
export_it(const itin_itinerary *it, const itin_render_options *opt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    int rc = itin_export_ics(it, opt, f);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(rc, 0);
    assert_int_equal(strlen(buf), len);
    return buf;
}

static itin_render_options
stamped(void)
{
    itin_render_options o = {0};
    o.has_dtstamp = true;
    o.dtstamp = STAMP;
    return o;
}

/* Load, schedule and export with options; the caller frees the text. */
static char *
export_yaml(const char *yaml, const itin_render_options *opt)
{
    run r;
    load(&r, yaml);
    char *text = export_it(r.it, opt);
    unload(&r);
    return text;
}

/* The raw text obeys RFC 5545 §3.1: CRLF everywhere, at most 75 octets a
 * line, folding never inside a UTF-8 character. */
static void
check_lines(const char *text)
{
    const char *p = text;
    assert_true(strlen(text) > 2);
    while (*p) {
        const char *e = strstr(p, "\r\n");
        assert_non_null(e);
        size_t n = (size_t)(e - p);
        if (n > 75)
            fail_msg("line of %zu octets: %.*s", n, (int)n, p);
        for (const char *q = p; q < e; q++)
            if (*q == '\r' || *q == '\n')
                fail_msg("bare CR or LF in: %.*s", (int)n, p);
        /* A line starts on a character boundary and ends after a whole one. */
        size_t k = 0;
        while (k < n) {
            unsigned char c = (unsigned char)p[k];
            size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
            if (len == 0 || k + len > n)
                fail_msg("folding split a UTF-8 character: %.*s", (int)n, p);
            for (size_t j = 1; j < len; j++)
                if (((unsigned char)p[k + j] & 0xC0) != 0x80)
                    fail_msg("broken UTF-8: %.*s", (int)n, p);
            k += len;
        }
        p = e + 2;
    }
}

static size_t
count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

static icalcomponent *
parse(const char *text)
{
    icalcomponent *cal = icalparser_parse_string(text);
    assert_non_null(cal);
    assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
    return cal;
}

static icalcomponent *
event(icalcomponent *cal, const char *uid)
{
    for (icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); c;
         c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
        if (strcmp(icalcomponent_get_uid(c), uid) == 0)
            return c;
    return NULL;
}

static icalcomponent *
must_event(icalcomponent *cal, const char *uid)
{
    icalcomponent *c = event(cal, uid);
    if (!c)
        fail_msg("no event %s", uid);
    return c;
}

static int
n_components(icalcomponent *cal, icalcomponent_kind kind)
{
    return icalcomponent_count_components(cal, kind);
}

static const char *
prop_text(icalcomponent *c, icalproperty_kind kind)
{
    icalproperty *p = icalcomponent_get_first_property(c, kind);
    return p ? icalproperty_get_value_as_string(p) : NULL;
}

/* The value of a property as libical reads it (TEXT unescaped). */
static const char *
text_of(icalcomponent *c, icalproperty_kind kind)
{
    icalproperty *p = icalcomponent_get_first_property(c, kind);
    if (!p)
        return NULL;
    icalvalue *v = icalproperty_get_value(p);
    return icalvalue_get_text(v);
}

static const char *
param_tzid(icalcomponent *c, icalproperty_kind kind)
{
    icalproperty *p = icalcomponent_get_first_property(c, kind);
    assert_non_null(p);
    icalparameter *t = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
    return t ? icalparameter_get_tzid(t) : NULL;
}

/* The instant of a DTSTART/DTEND, read through the calendar's own VTIMEZONE. */
static int64_t
instant(icalcomponent *cal, icalcomponent *ev, icalproperty_kind kind)
{
    icalproperty *p = icalcomponent_get_first_property(ev, kind);
    assert_non_null(p);
    struct icaltimetype t = icalvalue_get_datetime(icalproperty_get_value(p));
    const char *tzid = param_tzid(ev, kind);
    if (!tzid) {
        assert_true(icaltime_is_utc(t));
        return (int64_t)icaltime_as_timet(t);
    }
    for (icalcomponent *z = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT); z;
         z = icalcomponent_get_next_component(cal, ICAL_VTIMEZONE_COMPONENT)) {
        if (strcmp(prop_text(z, ICAL_TZID_PROPERTY), tzid) != 0)
            continue;
        icaltimezone *zone = icaltimezone_new();
        assert_true(icaltimezone_set_component(zone, icalcomponent_new_clone(z)));
        int64_t s = (int64_t)icaltime_as_timet_with_zone(t, zone);
        icaltimezone_free(zone, 1);
        return s;
    }
    fail_msg("no VTIMEZONE for %s", tzid);
    return 0;
}

/* Items of an itinerary, each once (lodging is listed on every night),
 * concerning anyone in `mask` (all when 0). */
static size_t
distinct_items(const itin_itinerary *it, uint64_t mask, itin_item_kind only, bool any_kind)
{
    const char *seen[512];
    size_t n = 0;
    for (size_t k = 0; k < it->n_days; k++)
        for (size_t i = 0; i < it->days[k].n_items; i++) {
            const itin_item *x = &it->items[it->days[k].items[i]];
            if ((mask && !(x->who[0] & mask)) || (!any_kind && x->kind != only))
                continue;
            bool dup = false;
            for (size_t j = 0; j < n && !dup; j++)
                dup = strcmp(seen[j], x->id) == 0;
            if (!dup) {
                assert_true(n < 512);
                seen[n++] = x->id;
            }
        }
    return n;
}

static int64_t
utc(int y, int mo, int d, int h, int mi)
{
    struct tm tm = {0};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    return (int64_t)timegm(&tm);
}

/* --------------------------------------------------------------- tests */

/* The calendar: VERSION, PRODID, CALSCALE, METHOD, NAME and X-WR-*. */
static void
calendar_properties(void **state)
{
    (void)state;
    itin_render_options o = stamped();
    char *text = export_yaml(STANDARD, &o);
    check_lines(text);
    assert_non_null(strstr(text, "BEGIN:VCALENDAR\r\n"));
    assert_non_null(strstr(text, "END:VCALENDAR\r\n"));
    icalcomponent *cal = parse(text);
    assert_string_equal(prop_text(cal, ICAL_VERSION_PROPERTY), "2.0");
    assert_string_equal(prop_text(cal, ICAL_PRODID_PROPERTY), "-//itinerary//itinerary " ITIN_VERSION "//EN");
    assert_string_equal(prop_text(cal, ICAL_CALSCALE_PROPERTY), "GREGORIAN");
    assert_int_equal(icalproperty_get_method(icalcomponent_get_first_property(cal, ICAL_METHOD_PROPERTY)),
                     ICAL_METHOD_PUBLISH);
    assert_string_equal(text_of(cal, ICAL_NAME_PROPERTY), "Südkoreanische Delegation zu Gast in Sachsen");
    assert_non_null(
        strstr(text, "\r\nX-WR-CALNAME;VALUE=TEXT:Südkoreanische Delegation zu Gast in Sachsen\r\n"));
    assert_non_null(strstr(text, "\r\nX-WR-TIMEZONE:Europe/Berlin\r\n"));
    icalcomponent_free(cal);
    free(text);
}

/* X-WR-CALNAME is TEXT, escaped as such (RFC 5545 §3.3.11): libical leaves
 * , and ; of an X- property bare, and "Test, Delegation; …" was read back
 * as "Test" by vobject and CalDAV servers. */
static void
calendar_name_escaped(void **state)
{
    (void)state;
    itin_render_options o = stamped();
    o.audience = "Kim; Lee";
    char *text =
        export_yaml(HEAD "  title: \"Test, Delegation; a\\\\b\"\n" PLACES "visits:\n" VISIT_WELCOME, &o);
    assert_non_null(
        strstr(text, "\r\nX-WR-CALNAME;VALUE=TEXT:Test\\, Delegation\\; a\\\\b \u2013 Kim\\; Lee\r\n"));
    assert_non_null(strstr(text, "\r\nNAME:Test\\, Delegation\\; a\\\\b \u2013 Kim\\; Lee\r\n"));
    icalcomponent *cal = parse(text);
    icalproperty *p = icalcomponent_get_first_property(cal, ICAL_X_PROPERTY);
    while (p && strcmp(icalproperty_get_x_name(p), "X-WR-CALNAME") != 0)
        p = icalcomponent_get_next_property(cal, ICAL_X_PROPERTY);
    assert_non_null(p);
    assert_string_equal(icalvalue_get_text(icalproperty_get_value(p)),
                        "Test, Delegation; a\\b \u2013 Kim; Lee");
    icalcomponent_free(cal);
    free(text);
}

/* DTSTAMP from a given time: the last second libical can write is kept,
 * a later one is refused (EDOM) rather than written 00000000T000000. */
static void
dtstamp_range(void **state)
{
    (void)state;
    run r;
    load(&r, HEAD "  title: T\n" PLACES "visits:\n" VISIT_WELCOME);
    itin_render_options o = stamped();
    o.dtstamp = 32535215999; /* 3000-12-31T23:59:59Z */
    char *text = export_it(r.it, &o);
    assert_non_null(strstr(text, "\r\nDTSTAMP:30001231T235959Z\r\n"));
    assert_null(strstr(text, "00000000T000000"));
    free(text);
    o.dtstamp = -62135596800; /* 0001-01-01T00:00:00Z */
    text = export_it(r.it, &o);
    assert_non_null(strstr(text, "\r\nDTSTAMP:00010101T000000Z\r\n"));
    free(text);
    const int64_t bad[] = {32535216000, 253402300800, INT64_MAX, -62135596801, INT64_MIN};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        o.dtstamp = bad[i];
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        errno = 0;
        assert_int_equal(itin_export_ics(r.it, &o, f), -1);
        assert_int_equal(errno, EDOM);
        fclose(f);
        assert_int_equal(len, 0);
        free(buf);
    }
    unload(&r);
}

/* One VEVENT per visit, transfer and lodging (once), UIDs from ids. */
static void
one_event_per_item(void **state)
{
    (void)state;
    run r;
    load(&r, STANDARD);
    itin_render_options o = stamped();
    char *text = export_it(r.it, &o);
    icalcomponent *cal = parse(text);
    /* Distinct items: lodging is listed on each of its three nights. */
    size_t distinct = distinct_items(r.it, 0, 0, true);
    assert_true(distinct_items(r.it, 0, ITIN_ITEM_TRANSFER, false) > 0);
    assert_int_equal(distinct_items(r.it, 0, ITIN_ITEM_LODGING, false), 1);
    assert_int_equal(n_components(cal, ICAL_VEVENT_COMPONENT), (int)distinct);
    assert_int_equal(count(text, "BEGIN:VEVENT\r\n"), distinct);
    must_event(cal, "visit.welcome@kr-mss-saxony-2022.itinerary");
    must_event(cal, "visit.hub-visit@kr-mss-saxony-2022.itinerary");
    must_event(cal, "visit.factory@kr-mss-saxony-2022.itinerary");
    must_event(cal, "lodging.lodging-hotel-2022-11-21@kr-mss-saxony-2022.itinerary");
    /* "transfer:hotel:hotel@2022-11-21:welcome": ':' and '@' as +XX. */
    must_event(cal, "transfer.hotel+3Ahotel+402022-11-21+3Awelcome@kr-mss-saxony-2022.itinerary");
    icalcomponent_free(cal);
    free(text);
    unload(&r);
}

/* Times: local with TZID, from the scheduler's resolution; DTSTAMP, SEQUENCE. */
static void
visit_times_and_stamps(void **state)
{
    (void)state;
    itin_render_options o = stamped();
    char *text = export_yaml(STANDARD, &o);
    icalcomponent *cal = parse(text);
    icalcomponent *ev = must_event(cal, "visit.welcome@kr-mss-saxony-2022.itinerary");
    assert_non_null(strstr(text, "DTSTART;TZID=Europe/Berlin:20221122T100000\r\n"));
    assert_non_null(strstr(text, "DTEND;TZID=Europe/Berlin:20221122T110000\r\n"));
    assert_string_equal(param_tzid(ev, ICAL_DTSTART_PROPERTY), "Europe/Berlin");
    assert_int_equal(instant(cal, ev, ICAL_DTSTART_PROPERTY), utc(2022, 11, 22, 9, 0));
    assert_int_equal(instant(cal, ev, ICAL_DTEND_PROPERTY), utc(2022, 11, 22, 10, 0));
    struct icaltimetype st = icalcomponent_get_dtstamp(ev);
    assert_true(icaltime_is_utc(st));
    assert_int_equal((int64_t)icaltime_as_timet(st), STAMP);
    assert_int_equal(icalcomponent_get_sequence(ev), 3);
    /* No time is floating or converted: every DTSTART/DTEND names its zone,
     * except the all-day lodging. */
    assert_int_equal(count(text, "DTSTART;TZID=Europe/Berlin:") + count(text, "DTSTART;VALUE=DATE:"),
                     (size_t)n_components(cal, ICAL_VEVENT_COMPONENT));
    assert_null(strstr(text, "freeassociation"));
    icalcomponent_free(cal);
    free(text);
}

/* SEQUENCE is the revision, 0 without one. */
static void
sequence_from_revision(void **state)
{
    (void)state;
    itin_render_options o = stamped();
    char *text = export_yaml(HEAD "  title: T\n" PLACES "visits:\n" VISIT_WELCOME, &o);
    icalcomponent *cal = parse(text);
    assert_int_equal(
        icalcomponent_get_sequence(must_event(cal, "visit.welcome@kr-mss-saxony-2022.itinerary")), 0);
    assert_non_null(strstr(text, "\r\nSEQUENCE:0\r\n"));
    icalcomponent_free(cal);
    free(text);
    text = export_yaml(HEAD "  title: T\n  revision: 17\n" PLACES "visits:\n" VISIT_WELCOME, &o);
    cal = parse(text);
    assert_int_equal(
        icalcomponent_get_sequence(must_event(cal, "visit.welcome@kr-mss-saxony-2022.itinerary")), 17);
    icalcomponent_free(cal);
    free(text);
}

/* With a DTSTAMP given, two exports are byte for byte the same; without,
 * DTSTAMP is now. */
static void
reproducible(void **state)
{
    (void)state;
    itin_render_options o = stamped();
    char *a = export_yaml(STANDARD, &o);
    char *b = export_yaml(STANDARD, &o);
    assert_string_equal(a, b);
    assert_non_null(strstr(a, "\r\nDTSTAMP:20221114T000000Z\r\n"));
    free(b);
    itin_render_options now = {0};
    int64_t before = (int64_t)time(NULL);
    b = export_yaml(STANDARD, &now);
    int64_t after = (int64_t)time(NULL);
    icalcomponent *cal = parse(b);
    int64_t st = (int64_t)icaltime_as_timet(
        icalcomponent_get_dtstamp(must_event(cal, "visit.welcome@kr-mss-saxony-2022.itinerary")));
    assert_true(st >= before && st <= after);
    icalcomponent_free(cal);
    free(a);
    free(b);
}

/* UIDs name items: the same after an edit (title, time, a visit added) and
 * after the visits are listed in another order. */
static void
stable_uids(void **state)
{
    (void)state;
    itin_render_options o = stamped();
    const char *edited =
        HEAD "  title: T\n  revision: 4\n" PLACES "visits:\n"
             "  - {id: welcome, title: Neuer Titel, at: wfs, date: 2022-11-22, start: \"11:00\", "
             "duration: 2h}\n" VISIT_HUB VISIT_CANCELLED VISIT_TENTATIVE
             "  - {id: extra, title: Zusatz, at: wfs, date: 2022-11-23, start: \"16:00\", "
             "duration: 1h}\n" LODGING;
    const char *reordered = HEAD "  title: Südkoreanische Delegation zu Gast in Sachsen\n"
                                 "  revision: 3\n  reminder: 30m\n" PLACES
                                 "visits:\n" VISIT_TENTATIVE VISIT_CANCELLED VISIT_HUB VISIT_WELCOME LODGING;
    char *a = export_yaml(STANDARD, &o), *b = export_yaml(edited, &o), *c = export_yaml(reordered, &o);
    icalcomponent *ca = parse(a), *cb = parse(b), *cc = parse(c);
    const char *visits[] = {"welcome", "hub-visit", "factory", "maybe"};
    for (size_t i = 0; i < 4; i++) {
        char uid[128];
        snprintf(uid, sizeof uid, "visit.%s@kr-mss-saxony-2022.itinerary", visits[i]);
        must_event(ca, uid);
        must_event(cb, uid);
        must_event(cc, uid);
    }
    /* The edited visit: same UID, new summary and time, higher SEQUENCE. */
    icalcomponent *w = must_event(cb, "visit.welcome@kr-mss-saxony-2022.itinerary");
    assert_string_equal(icalcomponent_get_summary(w), "Neuer Titel");
    assert_int_equal(instant(cb, w, ICAL_DTSTART_PROPERTY), utc(2022, 11, 22, 10, 0));
    assert_int_equal(icalcomponent_get_sequence(w), 4);
    must_event(cb, "visit.extra@kr-mss-saxony-2022.itinerary");
    /* Reordered: every visit and the lodging keep their UIDs (transfers
     * depend on where the flexible visits land, which the order decides). */
    for (icalcomponent *e = icalcomponent_get_first_component(ca, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(ca, ICAL_VEVENT_COMPONENT)) {
        const char *uid = icalcomponent_get_uid(e);
        if (strncmp(uid, "transfer.", 9) == 0)
            continue;
        icalcomponent *f = must_event(cc, uid);
        assert_string_equal(icalcomponent_get_summary(e), icalcomponent_get_summary(f));
    }
    icalcomponent_free(ca);
    icalcomponent_free(cb);
    icalcomponent_free(cc);
    free(a);
    free(b);
    free(c);
}

/* With only fixed visits, the order of the list changes nothing at all: the
 * same schedule gives the same file, byte for byte. */
static void
reorder_changes_nothing(void **state)
{
    (void)state;
#define VISIT_HUB_FIXED                                                                                      \
    "  - {id: hub-visit, title: Smart Systems Hub, at: hub, date: 2022-11-22, start: \"12:00\", duration: "  \
    "1h, "                                                                                                   \
    "with: [park]}\n"
    itin_render_options o = stamped();
    char *a =
        export_yaml(HEAD "  title: T\n  revision: 3\n  reminder: 30m\n" PLACES
                         "visits:\n" VISIT_WELCOME VISIT_HUB_FIXED VISIT_CANCELLED VISIT_TENTATIVE LODGING,
                    &o);
    char *b =
        export_yaml(HEAD "  title: T\n  revision: 3\n  reminder: 30m\n" PLACES
                         "visits:\n" VISIT_TENTATIVE VISIT_HUB_FIXED VISIT_CANCELLED VISIT_WELCOME LODGING,
                    &o);
    assert_true(count(a, "UID:transfer.") + count(a, "UID:\r\n transfer.") >= 3);
    assert_string_equal(a, b);
    free(a);
    free(b);
}

/* A long Hangul SUMMARY is folded at 75 octets, never inside a character,
 * and reads back whole. */
static void
long_hangul_summary(void **state)
{
    (void)state;
    const char *title = "작센주와 대한민국 사이의 미래 모빌리티 및 수소 경제 협력을 위한 장기 공동 연구 "
                        "프로그램 설명회 및 질의응답시간입니다가나다라마바사아자차카타파하";
    char yaml[8192];
    snprintf(yaml, sizeof yaml,
             HEAD
             "  title: T\n" PLACES "visits:\n"
             "  - {id: long, title: \"%s\", at: wfs, date: 2022-11-22, start: \"10:00\", duration: 1h}\n",
             title);
    itin_render_options o = stamped();
    char *text = export_yaml(yaml, &o);
    check_lines(text);
    assert_true(strlen(title) > 150);
    icalcomponent *cal = parse(text);
    assert_string_equal(icalcomponent_get_summary(must_event(cal, "visit.long@kr-mss-saxony-2022.itinerary")),
                        title);
    icalcomponent_free(cal);
    free(text);
}

/* TEXT escaping of \ ; , and newlines; control characters cleaned; a title
 * that tries to start a new component stays text. */
static void
escaping_and_injection(void **state)
{
    (void)state;
    const char *yaml = HEAD "  title: \"Evil\\r\\nEND:VCALENDAR, a; b \\\\ c\"\n" PLACES "visits:\n"
                            "  - id: evil\n"
                            "    title: \"Evil\\r\\nBEGIN:VEVENT\\r\\nUID:pwned\"\n"
                            "    at: wfs\n"
                            "    date: 2022-11-22\n"
                            "    start: \"10:00\"\n"
                            "    duration: 1h\n"
                            "    host: \"Tab\\there\\x01, bell\\x07\"\n"
                            "    description: \"END:VEVENT\\r\\nBEGIN:VEVENT\\nA, b; c \\\\ d\\r\\n\\n\"\n";
    itin_render_options o = stamped();
    char *text = export_yaml(yaml, &o);
    check_lines(text);
    /* Exactly the components we made: one VEVENT per item, one calendar. */
    assert_int_equal(count(text, "\r\nBEGIN:VEVENT\r\n"), count(text, "\r\nEND:VEVENT\r\n"));
    assert_int_equal(count(text, "BEGIN:VCALENDAR"), 1);
    assert_int_equal(count(text, "\r\nEND:VCALENDAR\r\n"), 1);
    assert_null(strstr(text, "\r\nUID:pwned"));
    icalcomponent *cal = parse(text);
    icalcomponent *ev = must_event(cal, "visit.evil@kr-mss-saxony-2022.itinerary");
    assert_int_equal(n_components(cal, ICAL_VEVENT_COMPONENT), 1);
    /* One line: the line breaks became spaces. */
    assert_string_equal(icalcomponent_get_summary(ev), "Evil BEGIN:VEVENT UID:pwned");
    assert_non_null(strstr(text, "\r\nSUMMARY;LANGUAGE=en:Evil BEGIN:VEVENT UID:pwned\r\n"));
    /* The description keeps its lines, escaped; TAB and controls cleaned. */
    const char *desc = icalcomponent_get_description(ev);
    assert_non_null(strstr(desc, "Host: Tab here, bell\n"));
    assert_non_null(strstr(desc, "\n\nEND:VEVENT\nBEGIN:VEVENT\nA, b; c \\ d"));
    /* Escaped on the wire (looked for with the folds undone). */
    char *flat = malloc(strlen(text) + 1), *f = flat;
    assert_non_null(flat);
    for (const char *q = text; *q; q++)
        if (q[0] == '\r' && q[1] == '\n' && q[2] == ' ')
            q += 2;
        else
            *f++ = *q;
    *f = '\0';
    assert_non_null(strstr(flat, "A\\, b\\; c \\\\ d"));
    free(flat);
    assert_null(strchr(desc, '\t'));
    assert_null(strchr(desc, '\x01'));
    assert_string_equal(text_of(cal, ICAL_NAME_PROPERTY), "Evil END:VCALENDAR, a; b \\ c");
    icalcomponent_free(cal);
    free(text);
}

/* Invalid UTF-8 (which the loader refuses, but the API may be handed)
 * becomes U+FFFD instead of breaking the folding. */
static void
invalid_utf8_replaced(void **state)
{
    (void)state;
    run r;
    load(&r, HEAD "  title: T\n" PLACES "visits:\n" VISIT_WELCOME);
    for (size_t i = 0; i < r.it->n_items; i++)
        if (r.it->items[i].kind == ITIN_ITEM_VISIT)
            r.it->items[i].title = "ab\xff\xc3(\xe2\x82";
    itin_render_options o = stamped();
    char *text = export_it(r.it, &o);
    check_lines(text);
    icalcomponent *cal = parse(text);
    assert_string_equal(
        icalcomponent_get_summary(must_event(cal, "visit.welcome@kr-mss-saxony-2022.itinerary")),
        "ab\xEF\xBF\xBD\xEF\xBF\xBD(\xEF\xBF\xBD\xEF\xBF\xBD");
    icalcomponent_free(cal);
    free(text);
    unload(&r);
}

/* SUMMARY, LOCATION, GEO, DESCRIPTION, URL, STATUS, CATEGORIES of a visit. */
static void
visit_content(void **state)
{
    (void)state;
    itin_render_options o = stamped();
    char *text = export_yaml(STANDARD, &o);
    icalcomponent *cal = parse(text);
    icalcomponent *ev = must_event(cal, "visit.welcome@kr-mss-saxony-2022.itinerary");
    assert_string_equal(icalcomponent_get_summary(ev), "Begrüßung durch die WFS");
    assert_string_equal(icalcomponent_get_location(ev),
                        "Wirtschaftsförderung Sachsen GmbH, Bertolt-Brecht-Allee 22, 01309 Dresden");
    struct icalgeotype g = icalproperty_get_geo(icalcomponent_get_first_property(ev, ICAL_GEO_PROPERTY));
    assert_true(g.lat > 51.03979 && g.lat < 51.03981);
    assert_true(g.lon > 13.79049 && g.lon < 13.79051);
    assert_string_equal(icalcomponent_get_description(ev),
                        "Topics: Ansiedlung, KMU, Mittelstand\n"
                        "Host: Katrin Walther (WFS)\n"
                        "Contact: Delegationsbüro, delegationen@wfs.example.org, +49 351 0000-100\n"
                        "Attending: everyone\n"
                        "\n"
                        "Zeile 1, mit Komma; und Semikolon \\ Backslash\n"
                        "Zeile 2");
    assert_string_equal(prop_text(ev, ICAL_URL_PROPERTY), "https://www.wfs.sachsen.de");
    assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_CONFIRMED);
    assert_string_equal(prop_text(ev, ICAL_CATEGORIES_PROPERTY), "visit");
    assert_string_equal(prop_text(ev, ICAL_TRANSP_PROPERTY), "OPAQUE");
    /* Attendees by name when not everyone. */
    ev = must_event(cal, "visit.hub-visit@kr-mss-saxony-2022.itinerary");
    assert_string_equal(icalcomponent_get_description(ev), "Attending: 박서연");
    assert_null(icalcomponent_get_first_property(ev, ICAL_URL_PROPERTY));
    ev = must_event(cal, "visit.maybe@kr-mss-saxony-2022.itinerary");
    assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_TENTATIVE);
    icalcomponent_free(cal);
    free(text);
}

/* Labels follow the language (options first, then the delegation's). */
static void
labels_localized(void **state)
{
    (void)state;
    itin_render_options o = stamped();
    o.lang = "de";
    char *text = export_yaml(STANDARD, &o);
    icalcomponent *cal = parse(text);
    const char *d =
        icalcomponent_get_description(must_event(cal, "visit.welcome@kr-mss-saxony-2022.itinerary"));
    assert_non_null(strstr(d, "Themen: Ansiedlung"));
    assert_non_null(strstr(d, "Teilnehmende: alle"));
    assert_string_equal(icalcomponent_get_summary(
                            must_event(cal, "lodging.lodging-hotel-2022-11-21@kr-mss-saxony-2022.itinerary")),
                        "Übernachtung: Hilton Dresden");
    icalcomponent_free(cal);
    free(text);
    o.lang = "ko";
    text = export_yaml(STANDARD, &o);
    cal = parse(text);
    d = icalcomponent_get_description(must_event(cal, "visit.welcome@kr-mss-saxony-2022.itinerary"));
    assert_non_null(strstr(d, "주제: Ansiedlung"));
    assert_non_null(strstr(d, "참석자: 전원"));
    icalcomponent_free(cal);
    free(text);
}

/* A cancelled visit stays, STATUS:CANCELLED, transparent, without alarm. */
static void
cancelled_visit_stays(void **state)
{
    (void)state;
    itin_render_options o = stamped();
    char *text = export_yaml(STANDARD, &o);
    icalcomponent *cal = parse(text);
    icalcomponent *ev = must_event(cal, "visit.factory@kr-mss-saxony-2022.itinerary");
    assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_CANCELLED);
    assert_string_equal(prop_text(ev, ICAL_TRANSP_PROPERTY), "TRANSPARENT");
    assert_int_equal(n_components(ev, ICAL_VALARM_COMPONENT), 0);
    assert_int_equal(instant(cal, ev, ICAL_DTSTART_PROPERTY), utc(2022, 11, 23, 13, 0));
    icalcomponent_free(cal);
    free(text);
}

/* Lodging: one all-day event, DTEND the departure date (exclusive). */
static void
lodging_all_day(void **state)
{
    (void)state;
    itin_render_options o = stamped();
    char *text = export_yaml(STANDARD, &o);
    assert_int_equal(count(text, "UID:lodging."), 1);
    assert_non_null(strstr(text, "\r\nDTSTART;VALUE=DATE:20221121\r\nDTEND;VALUE=DATE:20221124\r\n"));
    icalcomponent *cal = parse(text);
    icalcomponent *ev = must_event(cal, "lodging.lodging-hotel-2022-11-21@kr-mss-saxony-2022.itinerary");
    struct icaltimetype s = icalcomponent_get_dtstart(ev), e = icalcomponent_get_dtend(ev);
    assert_true(s.is_date && e.is_date);
    assert_int_equal(s.day, 21);
    assert_int_equal(e.day, 24);
    assert_string_equal(prop_text(ev, ICAL_TRANSP_PROPERTY), "TRANSPARENT");
    assert_string_equal(prop_text(ev, ICAL_CATEGORIES_PROPERTY), "lodging");
    assert_int_equal(n_components(ev, ICAL_VALARM_COMPONENT), 0);
    assert_string_equal(icalcomponent_get_location(ev),
                        "Hilton Dresden, An der Frauenkirche 5, 01067 Dresden");
    icalcomponent_free(cal);
    free(text);
}

/* VALARM: DISPLAY, -PT30M, when one has to set off: on the transfer that
 * arrives at a visit or travel leg, or on the item when none arrives there. */
static void
reminder_alarm(void **state)
{
    (void)state;
    itin_render_options o = stamped();
    char *text = export_yaml(STANDARD, &o);
    icalcomponent *cal = parse(text);
    /* The morning transfer from the hotel (10m, arriving 10:00) carries it. */
    icalcomponent *ev =
        must_event(cal, "transfer.hotel+3Ahotel+402022-11-21+3Awelcome@kr-mss-saxony-2022.itinerary");
    icalcomponent *al = icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT);
    assert_non_null(al);
    assert_int_equal(icalproperty_get_action(icalcomponent_get_first_property(al, ICAL_ACTION_PROPERTY)),
                     ICAL_ACTION_DISPLAY);
    assert_string_equal(prop_text(al, ICAL_TRIGGER_PROPERTY), "-PT30M");
    assert_string_equal(icalcomponent_get_description(al), "Transfer: Hilton Dresden \u2192 WFS");
    assert_non_null(strstr(text, "\r\nTRIGGER:-PT30M\r\n"));
    /* Not on the visit it arrives at, nor on the evening transfer back. */
    ev = must_event(cal, "visit.welcome@kr-mss-saxony-2022.itinerary");
    assert_int_equal(n_components(ev, ICAL_VALARM_COMPONENT), 0);
    for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        const char *uid = icalcomponent_get_uid(e);
        bool want = strncmp(uid, "transfer.", 9) == 0 && !strstr(uid, "+3Ahotel+3Ahotel+40") &&
                    icalcomponent_get_status(e) != ICAL_STATUS_CANCELLED;
        assert_int_equal(n_components(e, ICAL_VALARM_COMPONENT), want ? 1 : 0);
    }
    icalcomponent_free(cal);
    free(text);
    /* Without `reminder`, no alarm at all. */
    text = export_yaml(HEAD "  title: T\n" PLACES "visits:\n" VISIT_WELCOME, &o);
    assert_null(strstr(text, "BEGIN:VALARM"));
    free(text);
}

/* A transfer: "Transfer: A → B", from → to, mode, minutes, distance. */
static void
transfer_content(void **state)
{
    (void)state;
    itin_render_options o = stamped();
    char *text = export_yaml(STANDARD, &o);
    icalcomponent *cal = parse(text);
    icalcomponent *ev =
        must_event(cal, "transfer.hotel+3Ahotel+402022-11-21+3Awelcome@kr-mss-saxony-2022.itinerary");
    assert_string_equal(icalcomponent_get_summary(ev), "Transfer: Hilton Dresden \u2192 WFS");
    assert_string_equal(icalcomponent_get_location(ev),
                        "Hilton Dresden \u2192 Wirtschaftsförderung Sachsen GmbH");
    /* travel_times: 10 minutes, not estimated; the hotel and the WFS are
     * 3.6 km apart (haversine of their geo). */
    assert_string_equal(icalcomponent_get_description(ev), "by car, 10 min, 3.6 km\nAttending: everyone");
    /* It arrives `buffer` (15m) before the visit at 10:00. */
    assert_int_equal(instant(cal, ev, ICAL_DTSTART_PROPERTY), utc(2022, 11, 22, 8, 35));
    assert_int_equal(instant(cal, ev, ICAL_DTEND_PROPERTY), utc(2022, 11, 22, 8, 45));
    assert_string_equal(prop_text(ev, ICAL_CATEGORIES_PROPERTY), "transfer");
    assert_null(icalcomponent_get_first_property(ev, ICAL_GEO_PROPERTY));
    icalcomponent_free(cal);
    free(text);
}

/* Berlin and Seoul across the end of summer time (2022-10-30, 01:00 UTC):
 * 09:00 in Berlin is 07:00Z on the 29th and 08:00Z on the 31st, read through
 * the file's own VTIMEZONE; flights start and end in their own zones. */
#define SEOUL_TRIP                                                                                           \
    "itinerary: 1\n"                                                                                         \
    "delegation:\n"                                                                                          \
    "  id: de-expert-korea-2022\n"                                                                           \
    "  title: Saxon experts in Korea\n"                                                                      \
    "  start: 2022-10-28\n"                                                                                  \
    "  end: 2022-10-31\n"                                                                                    \
    "  timezone: Europe/Berlin\n"                                                                            \
    "  reminder: 1h\n"                                                                                       \
    "  participants:\n"                                                                                      \
    "    - {id: keller, name: Martina Keller, email: martina.keller@example.org}\n"                          \
    "institutions:\n"                                                                                        \
    "  - {id: wfs, name: WFS, timezone: Europe/Berlin, geo: [51.0398, 13.7905]}\n"                           \
    "  - {id: fra, name: Frankfurt Airport, timezone: Europe/Berlin, geo: [50.0379, 8.5622]}\n"              \
    "  - {id: icn, name: Incheon Airport, timezone: Asia/Seoul, geo: [37.4602, 126.4407]}\n"                 \
    "  - {id: kcci, name: 대한상공회의소, timezone: Asia/Seoul, geo: [37.5597, 126.9753]}\n"          \
    "  - {id: dresden-office, name: Büro Dresden, timezone: Europe/Berlin, geo: [51.0500, 13.7400]}\n"      \
    "travel_times:\n"                                                                                        \
    "  - {from: wfs, to: fra, time: 5h}\n"                                                                   \
    "  - {from: icn, to: kcci, time: 1h}\n"                                                                  \
    "  - {from: fra, to: dresden-office, time: 5h}\n"                                                        \
    "visits:\n"                                                                                              \
    "  - {id: before, title: Before, at: wfs, date: 2022-10-29, start: \"09:00\", duration: 1h}\n"           \
    "  - {id: seoul, title: 서울 회의, at: kcci, date: 2022-10-30, start: \"18:00\", duration: 1h}\n"    \
    "  - {id: after, title: After, at: dresden-office, date: 2022-10-31, start: \"09:00\", duration: 1h}\n"  \
    "travel:\n"                                                                                              \
    "  - {id: out, mode: flight, from: fra, to: icn, depart: \"2022-10-29 18:00\", "                         \
    "arrive: \"2022-10-30 13:00\", ref: LH 712}\n"                                                           \
    "  - {id: back, mode: flight, from: icn, to: fra, depart: \"2022-10-30 22:00\", "                        \
    "arrive: \"2022-10-31 03:00\", ref: LH 713}\n"

static void
dst_berlin_seoul(void **state)
{
    (void)state;
    itin_render_options o = stamped();
    char *text = export_yaml(SEOUL_TRIP, &o);
    check_lines(text);
    icalcomponent *cal = parse(text);
    /* One VTIMEZONE per zone, plain IANA TZIDs, the smallest that is exact:
     * Berlin's rules hold over the trip, so one DAYLIGHT and one STANDARD
     * with yearly rules from the change before the trip (libical's own had
     * three STANDARD and two DAYLIGHT, which strict parsers refuse); Seoul
     * has no changes, so one STANDARD without a rule. */
    assert_int_equal(n_components(cal, ICAL_VTIMEZONE_COMPONENT), 2);
    assert_non_null(strstr(text, "\r\nTZID:Europe/Berlin\r\n"));
    assert_non_null(strstr(text, "\r\nTZID:Asia/Seoul\r\n"));
    assert_null(strstr(text, "freeassociation"));
    assert_null(strstr(text, "UNTIL"));
    assert_non_null(strstr(text, "BEGIN:DAYLIGHT\r\nTZNAME:CEST\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
                                 "DTSTART:20220327T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
                                 "END:DAYLIGHT\r\n"));
    assert_non_null(strstr(text, "BEGIN:STANDARD\r\nTZNAME:CET\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
                                 "DTSTART:20211031T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
                                 "END:STANDARD\r\n"));
    assert_non_null(strstr(text, "BEGIN:STANDARD\r\nTZNAME:KST\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\n"
                                 "DTSTART:20210101T090000\r\nEND:STANDARD\r\n"));
    assert_int_equal(count(text, "BEGIN:STANDARD"), 2);
    assert_int_equal(count(text, "BEGIN:DAYLIGHT"), 1);

    icalcomponent *ev = must_event(cal, "visit.before@de-expert-korea-2022.itinerary");
    assert_non_null(strstr(text, "DTSTART;TZID=Europe/Berlin:20221029T090000\r\n"));
    assert_int_equal(instant(cal, ev, ICAL_DTSTART_PROPERTY), utc(2022, 10, 29, 7, 0));
    ev = must_event(cal, "visit.after@de-expert-korea-2022.itinerary");
    assert_non_null(strstr(text, "DTSTART;TZID=Europe/Berlin:20221031T090000\r\n"));
    assert_int_equal(instant(cal, ev, ICAL_DTSTART_PROPERTY), utc(2022, 10, 31, 8, 0));
    ev = must_event(cal, "visit.seoul@de-expert-korea-2022.itinerary");
    assert_string_equal(param_tzid(ev, ICAL_DTSTART_PROPERTY), "Asia/Seoul");
    assert_int_equal(instant(cal, ev, ICAL_DTSTART_PROPERTY), utc(2022, 10, 30, 9, 0));

    /* Out: 18:00 CEST (16:00Z) to 13:00 KST (04:00Z). */
    ev = must_event(cal, "travel.out@de-expert-korea-2022.itinerary");
    assert_string_equal(param_tzid(ev, ICAL_DTSTART_PROPERTY), "Europe/Berlin");
    assert_string_equal(param_tzid(ev, ICAL_DTEND_PROPERTY), "Asia/Seoul");
    assert_int_equal(instant(cal, ev, ICAL_DTSTART_PROPERTY), utc(2022, 10, 29, 16, 0));
    assert_int_equal(instant(cal, ev, ICAL_DTEND_PROPERTY), utc(2022, 10, 30, 4, 0));
    /* No title of its own: made from mode, reference and places. */
    assert_string_equal(icalcomponent_get_summary(ev),
                        "Flight LH 712: Frankfurt Airport \u2192 Incheon Airport");
    const char *d = icalcomponent_get_description(ev);
    assert_non_null(strstr(d, "Booking: LH 712\n"));
    assert_non_null(strstr(d, "Departure: 2022-10-29 18:00 (Europe/Berlin)\n"));
    assert_non_null(strstr(d, "Arrival: 2022-10-30 13:00 (Asia/Seoul)\n"));
    /* The reminder is on the transfer to the airport, when one sets off. */
    assert_int_equal(n_components(ev, ICAL_VALARM_COMPONENT), 0);
    /* Back: 22:00 KST (13:00Z) to 03:00 CET on the 31st (02:00Z): after the change. */
    ev = must_event(cal, "travel.back@de-expert-korea-2022.itinerary");
    assert_non_null(strstr(text, "DTEND;TZID=Europe/Berlin:20221031T030000\r\n"));
    assert_int_equal(instant(cal, ev, ICAL_DTSTART_PROPERTY), utc(2022, 10, 30, 13, 0));
    assert_int_equal(instant(cal, ev, ICAL_DTEND_PROPERTY), utc(2022, 10, 31, 2, 0));
    icalcomponent_free(cal);
    free(text);
}

/* A one-day delegation in `zone`, with the visits given. */
#define ZONE_TRIP(zone, date, last, visits)                                                                  \
    "itinerary: 1\n"                                                                                         \
    "delegation:\n"                                                                                          \
    "  id: fold\n  title: Fold\n  start: " date "\n  end: " last "\n  timezone: " zone "\n"                  \
    "  day: {start: \"00:00\", end: \"24:00\"}\n"                                                            \
    "  participants: [{id: lee, name: Lee}]\n"                                                               \
    "institutions:\n  - {id: p, name: P}\n"                                                                  \
    "visits:\n" visits

/* A time in a repeated hour (the clocks go back) is written in UTC: with
 * TZID the second occurrence would denote the first (RFC 5545 §3.3.5) and a
 * visit from 02:30 CEST to 02:00 CET got a DTEND before its DTSTART; libical
 * reads even the first occurrence as the second. */
static void
repeated_hour_in_utc(void **state)
{
    (void)state;
    itin_render_options o = stamped();
    char *text = export_yaml(
        ZONE_TRIP("Europe/Berlin", "2023-10-29", "2023-10-29",
                  "  - {id: a, title: A, at: p, date: 2023-10-29, start: \"02:30\", duration: 30m}\n"
                  "  - {id: b, title: B, at: p, date: 2023-10-29, duration: 30m}\n"
                  "  - {id: c, title: C, at: p, date: 2023-10-29, start: \"04:00\", duration: 1h}\n"),
        &o);
    icalcomponent *cal = parse(text);
    /* a: 02:30 CEST (00:30Z), the first occurrence, to 02:00 CET (01:00Z). */
    icalcomponent *ev = must_event(cal, "visit.a@fold.itinerary");
    assert_non_null(strstr(text, "\r\nDTSTART:20231029T003000Z\r\nDTEND:20231029T010000Z\r\n"));
    assert_int_equal(instant(cal, ev, ICAL_DTSTART_PROPERTY), utc(2023, 10, 29, 0, 30));
    assert_int_equal(instant(cal, ev, ICAL_DTEND_PROPERTY), utc(2023, 10, 29, 1, 0));
    /* b, placed after a: 02:00 to 02:30 CET, both in the second occurrence. */
    ev = must_event(cal, "visit.b@fold.itinerary");
    assert_non_null(strstr(text, "\r\nDTSTART:20231029T010000Z\r\nDTEND:20231029T013000Z\r\n"));
    assert_int_equal(instant(cal, ev, ICAL_DTEND_PROPERTY), utc(2023, 10, 29, 1, 30));
    /* c: after the repeated hour, local with TZID again. */
    assert_non_null(strstr(text, "\r\nDTSTART;TZID=Europe/Berlin:20231029T040000\r\n"));
    icalcomponent_free(cal);
    free(text);

    /* Lord Howe Island goes back by 30 minutes (02:00 +11:00 to 01:30
     * +10:30): 01:00 +11:00 (14:00Z) for 75 minutes ends at the second
     * 01:45 (15:15Z); b is in the first 01:30 to 02:00 (14:30Z to 14:45Z). */
    text = export_yaml(
        ZONE_TRIP(
            "Australia/Lord_Howe", "2023-04-02", "2023-04-02",
            "  - {id: a, title: A, at: p, date: 2023-04-02, start: \"01:00\", duration: 75m}\n"
            "  - {id: b, title: B, at: p, date: 2023-04-02, start: \"01:30\", duration: 15m, with: []}\n"),
        &o);
    cal = parse(text);
    ev = must_event(cal, "visit.a@fold.itinerary");
    assert_non_null(
        strstr(text, "\r\nDTSTART;TZID=Australia/Lord_Howe:20230402T010000\r\nDTEND:20230401T151500Z\r\n"));
    /* Read through the file's VTIMEZONE: one observance each way, 30 minutes
     * apart (libical's own had a change at 2038-01-19T14:14:07). */
    assert_int_equal(instant(cal, ev, ICAL_DTSTART_PROPERTY), utc(2023, 4, 1, 14, 0));
    assert_int_equal(count(text, "BEGIN:STANDARD"), 1);
    assert_int_equal(count(text, "BEGIN:DAYLIGHT"), 1);
    assert_non_null(strstr(text, "TZOFFSETFROM:+1100\r\nTZOFFSETTO:+1030\r\nDTSTART:20220403T020000\r\n"
                                 "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4\r\n"));
    assert_int_equal(instant(cal, ev, ICAL_DTEND_PROPERTY), utc(2023, 4, 1, 15, 15));
    assert_non_null(strstr(text, "\r\nDTSTART:20230401T143000Z\r\nDTEND:20230401T144500Z\r\n"));
    icalcomponent_free(cal);
    free(text);
}

/* When a zone's rules change during the calendar, the fewest observances
 * that are exact: Mexico City's last summer time (2022) ends the yearly
 * rules with COUNT (not UNTIL, on which python-icalendar 4.0 throws); the
 * move of Kathmandu to +05:45 is a second STANDARD, not daylight time.
 * Each kind of change starts at its last one before the calendar. */
static void
vtimezone_rules_change(void **state)
{
    (void)state;
    itin_render_options o = stamped();
    char *text = export_yaml(
        ZONE_TRIP("America/Mexico_City", "2022-04-03", "2022-04-03",
                  "  - {id: a, title: A, at: p, date: 2022-04-03, start: \"10:00\", duration: 1h}\n"
                  "  - {id: b, title: B, at: p, date: 2022-04-03, start: \"01:00\", duration: 30m}\n"),
        &o);
    assert_int_equal(count(text, "BEGIN:STANDARD"), 1);
    assert_int_equal(count(text, "BEGIN:DAYLIGHT"), 1);
    assert_non_null(strstr(text, "TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0600\r\nDTSTART:20211031T020000\r\n"
                                 "RRULE:FREQ=YEARLY;COUNT=2;BYDAY=-1SU;BYMONTH=10\r\n"));
    assert_non_null(strstr(text, "TZOFFSETFROM:-0600\r\nTZOFFSETTO:-0500\r\nDTSTART:20210404T020000\r\n"
                                 "RRULE:FREQ=YEARLY;COUNT=2;BYDAY=1SU;BYMONTH=4\r\n"));
    assert_null(strstr(text, "UNTIL"));
    icalcomponent *cal = parse(text);
    assert_int_equal(instant(cal, must_event(cal, "visit.a@fold.itinerary"), ICAL_DTSTART_PROPERTY),
                     utc(2022, 4, 3, 15, 0));
    icalcomponent_free(cal);
    free(text);

    text = export_yaml(
        ZONE_TRIP("Asia/Kathmandu", "1985-12-31", "1986-01-01",
                  "  - {id: a, title: A, at: p, date: 1986-01-01, start: \"10:00\", duration: 1h}\n"
                  "  - {id: b, title: B, at: p, date: 1985-12-31, start: \"22:00\", duration: 1h}\n"),
        &o);
    assert_int_equal(count(text, "BEGIN:STANDARD"), 2);
    assert_int_equal(count(text, "BEGIN:DAYLIGHT"), 0);
    assert_non_null(
        strstr(text, "TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0545\r\nDTSTART:19860101T000000\r\nEND:"));
    free(text);

    /* Casablanca's changes follow Ramadan, no yearly rule: one observance
     * each way, starting before the calendar, the later change an RDATE. */
    text = export_yaml(
        ZONE_TRIP("Africa/Casablanca", "2026-03-21", "2026-03-23",
                  "  - {id: a, title: A, at: p, date: 2026-03-21, start: \"22:00\", duration: 1h}\n"
                  "  - {id: b, title: B, at: p, date: 2026-03-22, start: \"06:00\", duration: 1h}\n"),
        &o);
    assert_int_equal(count(text, "BEGIN:STANDARD"), 1);
    assert_int_equal(count(text, "BEGIN:DAYLIGHT"), 1);
    assert_non_null(strstr(text, "TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nDTSTART:20250406T020000\r\n"
                                 "RDATE:20260322T020000\r\nEND:DAYLIGHT\r\n"));
    assert_non_null(strstr(text, "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nDTSTART:20260215T030000\r\n"
                                 "END:STANDARD\r\n"));
    cal = parse(text);
    assert_int_equal(instant(cal, must_event(cal, "visit.a@fold.itinerary"), ICAL_DTSTART_PROPERTY),
                     utc(2026, 3, 21, 22, 0));
    assert_int_equal(instant(cal, must_event(cal, "visit.b@fold.itinerary"), ICAL_DTSTART_PROPERTY),
                     utc(2026, 3, 22, 5, 0));
    icalcomponent_free(cal);
    free(text);
}

/* A place whose zone is UTC itself: times in UTC ("Z"), no VTIMEZONE. */
static void
utc_place(void **state)
{
    (void)state;
    itin_render_options o = stamped();
    char *text =
        export_yaml(HEAD "  title: T\n"
                         "institutions:\n  - {id: ship, name: Schiff, timezone: UTC}\n"
                         "visits:\n  - {id: v, title: V, at: ship, date: 2022-11-22, start: \"10:00\", "
                         "duration: 1h}\n",
                    &o);
    assert_non_null(strstr(text, "\r\nDTSTART:20221122T100000Z\r\nDTEND:20221122T110000Z\r\n"));
    assert_null(strstr(text, "BEGIN:VTIMEZONE"));
    free(text);
}

/* A personal calendar: only that person's items, the same UIDs, the name. */
static void
personal_calendar(void **state)
{
    (void)state;
    run r;
    load(&r, STANDARD);
    uint64_t park = 1u << 1, lee = 1u << 0;
    itin_render_options o = stamped();
    char *all = export_it(r.it, &o);
    o.mask = &park;
    o.audience = "박서연";
    char *mine = export_it(itin_itinerary_filter(r.it, &park, true), &o);
    icalcomponent *ca = parse(all), *cm = parse(mine);
    assert_string_equal(text_of(cm, ICAL_NAME_PROPERTY),
                        "Südkoreanische Delegation zu Gast in Sachsen \u2013 박서연");
    must_event(cm, "visit.hub-visit@kr-mss-saxony-2022.itinerary");
    must_event(cm, "visit.factory@kr-mss-saxony-2022.itinerary");
    assert_null(event(cm, "visit.maybe@kr-mss-saxony-2022.itinerary")); /* lee's only */
    /* Every event of the personal calendar is in the full one, with the
     * same UID, and concerns park. */
    size_t n = 0;
    for (icalcomponent *e = icalcomponent_get_first_component(cm, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(cm, ICAL_VEVENT_COMPONENT), n++)
        must_event(ca, icalcomponent_get_uid(e));
    assert_int_equal(n, distinct_items(r.it, park, 0, true));
    icalcomponent_free(cm);
    free(mine);
    /* Lee's: the tentative visit, not park's hub visit. */
    o.mask = &lee;
    o.audience = "Lee Ji-won";
    mine = export_it(itin_itinerary_filter(r.it, &lee, true), &o);
    cm = parse(mine);
    must_event(cm, "visit.maybe@kr-mss-saxony-2022.itinerary");
    assert_null(event(cm, "visit.hub-visit@kr-mss-saxony-2022.itinerary"));
    icalcomponent_free(cm);
    icalcomponent_free(ca);
    free(mine);
    free(all);
    unload(&r);
}

/* --no-transfers: no transfer events, everything else. */
static void
without_transfers(void **state)
{
    (void)state;
    run r;
    load(&r, STANDARD);
    itin_render_options o = stamped();
    char *with = export_it(r.it, &o);
    char *without = export_it(itin_itinerary_filter(r.it, NULL, false), &o);
    assert_true(count(with, "UID:transfer.") + count(with, "UID:\r\n transfer.") > 0);
    assert_int_equal(count(without, "transfer."), 0);
    assert_int_equal(count(without, "CATEGORIES:transfer"), 0);
    assert_int_equal(count(without, "BEGIN:VEVENT"),
                     count(with, "BEGIN:VEVENT") - count(with, "CATEGORIES:transfer"));
    free(with);
    free(without);
    unload(&r);
}

/* PUBLISH has no ATTENDEE (but the ORGANIZER RFC 5546 wants); --invite makes
 * a REQUEST with an ATTENDEE per participant with an e-mail. Both pass
 * libical's iTIP restriction check. */
static void
publish_and_invite(void **state)
{
    (void)state;
    itin_render_options o = stamped();
    char *pub = export_yaml(STANDARD, &o);
    assert_null(strstr(pub, "ATTENDEE"));
    icalcomponent *cal = parse(pub);
    assert_int_equal(icalrestriction_check(cal), 1);
    icalcomponent_free(cal);

    o.invite = true;
    char *inv = export_yaml(STANDARD, &o);
    check_lines(inv);
    cal = parse(inv);
    assert_int_equal(icalproperty_get_method(icalcomponent_get_first_property(cal, ICAL_METHOD_PROPERTY)),
                     ICAL_METHOD_REQUEST);
    icalcomponent *ev = must_event(cal, "visit.welcome@kr-mss-saxony-2022.itinerary");
    icalproperty *org = icalcomponent_get_first_property(ev, ICAL_ORGANIZER_PROPERTY);
    assert_non_null(org);
    assert_string_equal(icalproperty_get_organizer(org), "mailto:delegationen@wfs.example.org");
    assert_string_equal(icalproperty_get_parameter_as_string(org, "CN"), "Wirtschaftsförderung Sachsen GmbH");
    /* Everyone attends: lee and park have e-mail, kim has none. */
    assert_int_equal(icalcomponent_count_properties(ev, ICAL_ATTENDEE_PROPERTY), 2);
    icalproperty *a = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY);
    assert_string_equal(icalproperty_get_attendee(a), "mailto:lee.jiwon@example.kr");
    assert_string_equal(icalproperty_get_parameter_as_string(a, "CN"), "Lee Ji-won");
    assert_string_equal(icalproperty_get_parameter_as_string(a, "ROLE"), "REQ-PARTICIPANT");
    assert_string_equal(icalproperty_get_parameter_as_string(a, "PARTSTAT"), "NEEDS-ACTION");
    assert_string_equal(icalproperty_get_parameter_as_string(a, "RSVP"), "TRUE");
    a = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY);
    assert_string_equal(icalproperty_get_attendee(a), "mailto:park@example.kr");
    assert_string_equal(icalproperty_get_parameter_as_string(a, "CN"), "박서연");
    ev = must_event(cal, "visit.hub-visit@kr-mss-saxony-2022.itinerary");
    assert_int_equal(icalcomponent_count_properties(ev, ICAL_ATTENDEE_PROPERTY), 1);
    /* A REQUEST allows no STATUS:CANCELLED: the cancelled visit is not sent. */
    assert_null(event(cal, "visit.factory@kr-mss-saxony-2022.itinerary"));
    assert_int_equal(icalrestriction_check(cal), 1);
    icalcomponent_free(cal);
    free(inv);
    free(pub);
}

/* An invitation needs an organizer to reply to. */
static void
invite_without_organizer_refused(void **state)
{
    (void)state;
    const char *yaml =
        "itinerary: 1\n"
        "delegation:\n"
        "  id: d\n  title: T\n  start: 2022-11-22\n  end: 2022-11-22\n  timezone: Europe/Berlin\n"
        "  organizer: {name: Nobody}\n"
        "  participants:\n    - {id: a, name: A, email: a@example.org}\n"
        "institutions:\n  - {id: p, name: P}\n"
        "visits:\n  - {id: v, title: V, at: p, date: 2022-11-22, start: \"10:00\", duration: 1h}\n";
    run r;
    load(&r, yaml);
    itin_render_options o = stamped();
    char *pub = export_it(r.it, &o); /* PUBLISH still works, without ORGANIZER */
    assert_null(strstr(pub, "ORGANIZER"));
    free(pub);
    o.invite = true;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    errno = 0;
    assert_int_equal(itin_export_ics(r.it, &o, f), -1);
    assert_int_equal(errno, EINVAL);
    fclose(f);
    assert_int_equal(len, 0);
    free(buf);
    unload(&r);
}

/* A write error is reported with errno. */
static void
write_error(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        skip();
    setvbuf(f, NULL, _IONBF, 0);
    run r;
    load(&r, STANDARD);
    itin_render_options o = stamped();
    errno = 0;
    assert_int_equal(itin_export_ics(r.it, &o, f), -1);
    assert_int_equal(errno, ENOSPC);
    fclose(f);
    unload(&r);
}

/* Property values of every length: libical 3.0.16 folds some right before
 * the LF of the line end; the exporter repairs that. */
static void
folding_every_length(void **state)
{
    (void)state;
    char yaml[65536], title[256];
    int len = snprintf(yaml, sizeof yaml, HEAD "  title: T\n" PLACES "visits:\n");
    for (int n = 1; n <= 150; n++) {
        memset(title, 'a', (size_t)n);
        title[n] = '\0';
        len += snprintf(
            yaml + len, sizeof yaml - (size_t)len,
            "  - {id: v%03d%.*s, title: %s, at: wfs, date: 2022-11-22, start: \"10:00\", duration: 1h, "
            "with: [kim]}\n",
            n, n % 50,
            "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", title);
        assert_true((size_t)len < sizeof yaml);
    }
    run r;
    itin_diags_init(&r.d, 0);
    r.plan = itin_plan_load_buffer("test.yaml", yaml, strlen(yaml), &r.d);
    assert_non_null(r.plan);
    /* They overlap: a conflict, but the items exist. Export every visit as
     * an itinerary of its own: the schedule's own items are what matters. */
    r.it = itin_schedule(r.plan, &r.d);
    if (!r.it) {
        dump(&r.d);
        fail_msg("no itinerary");
    }
    itin_render_options o = stamped();
    char *text = export_it(r.it, &o);
    check_lines(text);
    icalcomponent *cal = parse(text);
    assert_int_equal(n_components(cal, ICAL_VEVENT_COMPONENT), 150);
    for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        const char *s = icalcomponent_get_summary(e), *u = icalcomponent_get_uid(e);
        assert_non_null(s);
        assert_true(strspn(s, "a") == strlen(s));
        assert_int_equal(strncmp(u, "visit.v", 7), 0);
        assert_null(strchr(u, '\r'));
        assert_null(strchr(s, '\r'));
    }
    icalcomponent_free(cal);
    free(text);
    unload(&r);
}

static int
teardown_all(void **state)
{
    (void)state;
    icaltimezone_free_builtin_timezones();
    icalmemory_free_ring();
    return 0;
}

/* The parameter's value of a property, or NULL. */
static const char *
language_of(icalcomponent *ev, icalproperty_kind kind)
{
    icalproperty *p = icalcomponent_get_first_property(ev, kind);
    icalparameter *l = p ? icalproperty_get_first_parameter(p, ICAL_LANGUAGE_PARAMETER) : NULL;
    return l ? icalparameter_get_language(l) : NULL;
}

/* Texts in several languages: each in the calendar's language where the
 * file gives it, else the delegation's, else the first given; LANGUAGE
 * (RFC 5545 §3.2.10) says which. */
static void
texts_in_languages(void **state)
{
    (void)state;
    const char *yaml =
        HEAD "  title: {de: Delegation, vi: Đoàn, en: Delegation}\n"
             "  language: de\n" PLACES "visits:\n"
             "  - {id: welcome, title: {de: Begrüßung, vi: Chào mừng}, at: wfs, date: 2022-11-22, "
             "duration: 1h, host: {de: Geschäftsführung, vi: Ban giám đốc}}\n"
             "  - {id: talk, title: {ja: 意見交換, en: Exchange}, at: hub, date: 2022-11-22, "
             "duration: 1h}\n";
    itin_render_options o = stamped();
    o.lang = "vi";
    char *text = export_yaml(yaml, &o);
    icalcomponent *cal = parse(text);
    icalcomponent *ev = must_event(cal, "visit.welcome@kr-mss-saxony-2022.itinerary");
    assert_string_equal(icalcomponent_get_summary(ev), "Chào mừng");
    assert_string_equal(language_of(ev, ICAL_SUMMARY_PROPERTY), "vi");
    /* The place's name is written once: the delegation's language. */
    assert_string_equal(language_of(ev, ICAL_LOCATION_PROPERTY), "de");
    assert_string_equal(language_of(ev, ICAL_DESCRIPTION_PROPERTY), "vi");
    assert_non_null(strstr(icalcomponent_get_description(ev), "Người đón tiếp: Ban giám đốc"));
    /* No Vietnamese and no German: the first given. */
    ev = must_event(cal, "visit.talk@kr-mss-saxony-2022.itinerary");
    assert_string_equal(icalcomponent_get_summary(ev), "意見交換");
    assert_string_equal(language_of(ev, ICAL_SUMMARY_PROPERTY), "ja");
    assert_string_equal(text_of(cal, ICAL_NAME_PROPERTY), "Đoàn");
    icalcomponent_free(cal);
    free(text);
    /* In English the English variant, and the German where there is none. */
    o.lang = "en";
    text = export_yaml(yaml, &o);
    cal = parse(text);
    ev = must_event(cal, "visit.talk@kr-mss-saxony-2022.itinerary");
    assert_string_equal(icalcomponent_get_summary(ev), "Exchange");
    assert_string_equal(language_of(ev, ICAL_SUMMARY_PROPERTY), "en");
    ev = must_event(cal, "visit.welcome@kr-mss-saxony-2022.itinerary");
    assert_string_equal(icalcomponent_get_summary(ev), "Begrüßung");
    assert_string_equal(language_of(ev, ICAL_SUMMARY_PROPERTY), "de");
    icalcomponent_free(cal);
    free(text);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(calendar_properties),
        cmocka_unit_test(calendar_name_escaped),
        cmocka_unit_test(dtstamp_range),
        cmocka_unit_test(one_event_per_item),
        cmocka_unit_test(visit_times_and_stamps),
        cmocka_unit_test(sequence_from_revision),
        cmocka_unit_test(reproducible),
        cmocka_unit_test(stable_uids),
        cmocka_unit_test(reorder_changes_nothing),
        cmocka_unit_test(long_hangul_summary),
        cmocka_unit_test(escaping_and_injection),
        cmocka_unit_test(invalid_utf8_replaced),
        cmocka_unit_test(visit_content),
        cmocka_unit_test(labels_localized),
        cmocka_unit_test(cancelled_visit_stays),
        cmocka_unit_test(lodging_all_day),
        cmocka_unit_test(reminder_alarm),
        cmocka_unit_test(transfer_content),
        cmocka_unit_test(dst_berlin_seoul),
        cmocka_unit_test(repeated_hour_in_utc),
        cmocka_unit_test(vtimezone_rules_change),
        cmocka_unit_test(utc_place),
        cmocka_unit_test(personal_calendar),
        cmocka_unit_test(without_transfers),
        cmocka_unit_test(publish_and_invite),
        cmocka_unit_test(invite_without_organizer_refused),
        cmocka_unit_test(write_error),
        cmocka_unit_test(folding_every_length),
        cmocka_unit_test(texts_in_languages),
    };
    return cmocka_run_group_tests_name("export_ics", tests, NULL, teardown_all);
}
