/* test_diff: revisions (docs/format.md §20) — two small plans, each loaded
 * and scheduled, compared; the changes found, whom they concern, the
 * sentences of the change notice, the revision warning, and the update
 * calendar and the single-event invitations read back with libical (its
 * RFC 5546 restriction check included). The bundled examples' revision
 * pairs are tested in tests/diff. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libical/ical.h>

#include "itinerary/itinerary.h"

/* ------------------------------------------------------------ fixtures */

#define HEAD(rev) HEAD_ANNA(rev, "")
/* Anna's entry may carry more keys (", language: de"). */
#define HEAD_ANNA(rev, anna)                                                                                 \
    "itinerary: 1\n"                                                                                         \
    "delegation:\n"                                                                                          \
    "  id: d\n"                                                                                              \
    "  title: Test\n"                                                                                        \
    "  organizer: {name: Org, email: org@example.org}\n"                                                     \
    "  start: 2022-11-22\n"                                                                                  \
    "  end: 2022-11-23\n"                                                                                    \
    "  timezone: Europe/Berlin\n"                                                                            \
    "  language: en\n"                                                                                       \
    "  revision: " rev "\n"                                                                                  \
    "  buffer: 10m\n"                                                                                        \
    "  participants:\n"                                                                                      \
    "    - {id: a, name: Anna, email: a@example.org" anna "}\n"                                              \
    "    - {id: b, name: Ben, email: b@example.org}\n"                                                       \
    "    - {id: c, name: Cem}\n"                                                                             \
    "  groups:\n"                                                                                            \
    "    - {id: ab, name: A and B, members: [a, b]}\n"

#define PLACES                                                                                               \
    "institutions:\n"                                                                                        \
    "  - {id: wfs, name: WFS, address: \"Bertolt-Brecht-Allee 22\", geo: [51.0398, 13.7905]}\n"              \
    "  - {id: hub, name: Hub, address: \"Antonstraße 25\", geo: [51.0644, 13.7447]}\n"                      \
    "  - {id: h1, name: Hotel One, geo: [51.0520, 13.7425]}\n"                                               \
    "  - {id: h2, name: Hotel Two, geo: [51.0577, 13.7440]}\n"                                               \
    "  - {id: seoul, name: Seoul Office, timezone: Asia/Seoul, geo: [37.57, 126.98]}\n"

#define STAMP 1668384000

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
    for (size_t i = 0; !r->it && i < r->d.count; i++)
        fprintf(stderr, "  [diag] %d:%d: %s\n", r->d.items[i].pos.line, r->d.items[i].pos.col,
                r->d.items[i].message);
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

/* Two plans and their diff. */
typedef struct pair {
    run old, new;
    itin_diags d;
    itin_diff *diff;
} pair;

static void
compare(pair *p, const char *old_yaml, const char *new_yaml)
{
    load(&p->old, old_yaml);
    load(&p->new, new_yaml);
    itin_diags_init(&p->d, 0);
    p->diff = itin_diff_new(p->old.it, p->new.it, &p->d);
    assert_non_null(p->diff);
}

static void
release(pair *p)
{
    itin_diff_free(p->diff);
    itin_diags_free(&p->d);
    unload(&p->old);
    unload(&p->new);
}

/* The change of `kind` for item `id`, or NULL. */
static const itin_change *
find(const itin_diff *D, itin_change_kind kind, const char *id)
{
    for (size_t i = 0; i < D->n_changes; i++)
        if (D->changes[i].kind == kind && strcmp(D->changes[i].id, id) == 0)
            return &D->changes[i];
    return NULL;
}

/* The participants of a mask of the diff, "a,b". */
static void
who(const itin_diff *D, const uint64_t *m, char *buf, size_t len)
{
    buf[0] = '\0';
    for (size_t u = 0; u < D->n_people; u++)
        if (itin_who_has(m, u)) {
            if (buf[0])
                strncat(buf, ",", len - strlen(buf) - 1);
            strncat(buf, D->people[u]->id, len - strlen(buf) - 1);
        }
}

static char *
render(const itin_diff *D, const itin_diff_options *opt,
       int (*fn)(const itin_diff *, const itin_diff_options *, FILE *))
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(fn(D, opt, f), 0);
    assert_int_equal(fclose(f), 0);
    return buf;
}

static itin_diff_options
stamped(void)
{
    itin_diff_options o = {0};
    o.has_dtstamp = true;
    o.dtstamp = STAMP;
    o.width = 200; /* one sentence a line */
    return o;
}

/* ------------------------------------------------------------- tests */

#define BASE_VISITS                                                                                          \
    "visits:\n"                                                                                              \
    "  - {id: welcome, title: Welcome, at: wfs, date: 2022-11-22, start: \"10:00\", duration: 1h}\n"         \
    "  - {id: hub-visit, title: Hub, at: hub, date: 2022-11-22, start: \"14:00\", duration: 1h, with: "      \
    "[a, b]}\n"

static void
same_plan_no_changes(void **state)
{
    (void)state;
    const char *y = HEAD("1") PLACES BASE_VISITS "lodging:\n  - {at: h1, from: 2022-11-21, to: 2022-11-24}\n";
    pair p;
    compare(&p, y, y);
    assert_int_equal(p.diff->n_changes, 0);
    assert_int_equal(p.d.count, 0); /* no revision warning without changes */
    itin_diff_options o = stamped();
    char *text = render(p.diff, &o, itin_export_diff_text);
    assert_non_null(strstr(text, "No changes."));
    free(text);
    assert_int_equal(itin_diff_ics_count(p.diff, &o), 0);
    release(&p);
}

static void
moved_and_attendees(void **state)
{
    (void)state;
    pair p;
    compare(
        &p, HEAD("1") PLACES BASE_VISITS,
        HEAD("2") PLACES
        "visits:\n"
        "  - {id: welcome, title: Welcome, at: wfs, date: 2022-11-22, start: \"11:00\", duration: 1h}\n"
        "  - {id: hub-visit, title: Hub, at: hub, date: 2022-11-22, start: \"14:00\", duration: 1h, with: "
        "[b, c]}\n");
    char w[64];
    const itin_change *c = find(p.diff, ITIN_CHANGE_MOVED, "welcome");
    assert_non_null(c);
    who(p.diff, c->who, w, sizeof w);
    assert_string_equal(w, "a,b,c");
    c = find(p.diff, ITIN_CHANGE_ATTENDEES, "hub-visit");
    assert_non_null(c);
    who(p.diff, c->joining, w, sizeof w);
    assert_string_equal(w, "c");
    who(p.diff, c->leaving, w, sizeof w);
    assert_string_equal(w, "a");
    who(p.diff, c->who, w, sizeof w);
    assert_string_equal(w, "a,c");
    assert_null(find(p.diff, ITIN_CHANGE_MOVED, "hub-visit"));
    assert_int_equal(p.d.count, 0); /* the revision grew */

    itin_diff_options o = stamped();
    char *text = render(p.diff, &o, itin_export_diff_text);
    assert_non_null(strstr(text, "The visit at 10:00 has moved to 11:00\u201312:00."));
    assert_non_null(strstr(text, "Joining: Cem"));
    assert_non_null(strstr(text, "Leaving: Anna"));
    free(text);
    /* Anna's notice: she leaves the hub visit, in her words. */
    uint64_t mask[1];
    const char *name;
    assert_int_equal(itin_diff_audience(p.diff, "a", NULL, mask, &name), 0);
    o.mask = mask;
    o.personal = true;
    o.audience = name;
    text = render(p.diff, &o, itin_export_diff_text);
    assert_non_null(strstr(text, "Your visit at 10:00 has moved to 11:00\u201312:00."));
    assert_non_null(strstr(text, "Your visit at 14:00 is no longer in your itinerary."));
    assert_null(strstr(text, "Cem"));
    free(text);
    release(&p);
}

static void
moved_to_another_zone_and_day(void **state)
{
    (void)state;
    pair p;
    compare(&p,
            HEAD("1") PLACES
            "visits:\n"
            "  - {id: call, title: Call, at: wfs, date: 2022-11-22, start: \"10:00\", duration: 1h}\n",
            HEAD("2") PLACES
            "visits:\n"
            "  - {id: call, title: Call, at: seoul, date: 2022-11-23, start: \"18:00\", duration: 1h}\n");
    assert_non_null(find(p.diff, ITIN_CHANGE_MOVED, "call"));
    assert_non_null(find(p.diff, ITIN_CHANGE_PLACE, "call"));
    itin_diff_options o = stamped();
    char *text = render(p.diff, &o, itin_export_diff_text);
    assert_non_null(strstr(text,
                           "The visit at 10:00 (Europe/Berlin) has moved to Wednesday, 23 November 2022, "
                           "18:00\u201319:00 (Asia/Seoul)."));
    assert_non_null(strstr(text, "has a new place: Seoul Office (was WFS)."));
    free(text);
    release(&p);
}

static void
revision_warning(void **state)
{
    (void)state;
    pair p;
    compare(
        &p, HEAD("2") PLACES BASE_VISITS,
        HEAD("2") PLACES
        "visits:\n"
        "  - {id: welcome, title: Welcome again, at: wfs, date: 2022-11-22, start: \"10:00\", duration: 1h}\n"
        "  - {id: hub-visit, title: Hub, at: hub, date: 2022-11-22, start: \"14:00\", duration: 1h, with: "
        "[a, b]}\n");
    assert_non_null(find(p.diff, ITIN_CHANGE_TITLE, "welcome"));
    assert_int_equal(p.d.warnings, 1);
    assert_int_equal(p.d.items[0].pos.line, 10); /* revision: */
    assert_non_null(strstr(p.d.items[0].message, "revision 2 is not greater than the old plan's revision 2"));
    release(&p);
}

static void
cancelled_changes(void **state)
{
    (void)state;
    pair p;
    compare(
        &p,
        HEAD("1") PLACES "visits:\n"
                         "  - {id: x, title: X, at: wfs, date: 2022-11-22, start: \"10:00\", duration: 1h}\n"
                         "  - {id: y, title: Y, at: hub, date: 2022-11-23, start: \"10:00\", duration: 1h, "
                         "status: cancelled}\n",
        HEAD("2") PLACES "visits:\n"
                         "  - {id: x, title: X, at: wfs, date: 2022-11-22, start: \"10:00\", duration: 1h, "
                         "status: cancelled}\n"
                         "  - {id: y, title: Y moved, at: hub, date: 2022-11-23, start: \"11:00\", duration: "
                         "1h, status: cancelled}\n"
                         "  - {id: z, title: Z, at: hub, date: 2022-11-23, start: \"15:00\", duration: 1h, "
                         "status: cancelled}\n");
    /* x cancelled; y cancelled in both and z already cancelled: nothing. */
    assert_int_equal(p.diff->n_changes, 1);
    assert_non_null(find(p.diff, ITIN_CHANGE_CANCELLED, "x"));
    /* The update calendar still carries y's and z's new cancelled events
     * (OLD's calendar differs there), x as cancelled. */
    itin_diff_options o = stamped();
    char *ics = render(p.diff, &o, itin_export_diff_ics);
    icalcomponent *cal = icalparser_parse_string(ics);
    assert_non_null(cal);
    assert_int_equal(icalrestriction_check(cal), 1);
    int cancelled = 0;
    for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_CANCELLED);
        assert_int_equal(
            icalproperty_get_sequence(icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY)), 2);
        cancelled++;
    }
    assert_int_equal(cancelled, 3);
    icalcomponent_free(cal);
    free(ics);
    release(&p);
}

static void
lodging_runs(void **state)
{
    (void)state;
    pair p;
    compare(&p, HEAD("1") PLACES "lodging:\n  - {at: h1, from: 2022-11-21, to: 2022-11-24}\n",
            HEAD("2") PLACES "lodging:\n"
                             "  - {at: h1, from: 2022-11-21, to: 2022-11-22}\n"
                             "  - {at: h2, from: 2022-11-22, to: 2022-11-24, with: [a, b]}\n"
                             "  - {at: h1, from: 2022-11-22, to: 2022-11-23, with: [c]}\n");
    /* a and b: Hotel Two for the nights of the 22nd and 23rd, one change;
     * c: no lodging the night of the 23rd. */
    size_t n = 0;
    char w[64];
    for (size_t i = 0; i < p.diff->n_changes; i++) {
        const itin_change *c = &p.diff->changes[i];
        assert_int_equal(c->kind, ITIN_CHANGE_LODGING);
        who(p.diff, c->who, w, sizeof w);
        if (strcmp(w, "a,b") == 0) {
            assert_non_null(c->before);
            assert_non_null(c->after);
            assert_int_equal(c->night_last - c->night_first, 1);
        } else {
            assert_string_equal(w, "c");
            assert_null(c->after);
            assert_int_equal(c->night_last, c->night_first);
        }
        n++;
    }
    assert_int_equal(n, 2);
    itin_diff_options o = stamped();
    char *text = render(p.diff, &o, itin_export_diff_text);
    assert_non_null(
        strstr(text, "Lodging: Hotel Two instead of Hotel One (2 nights) \u2013 A and B (Anna and Ben)"));
    assert_non_null(strstr(text, "Lodging: Hotel One: cancelled \u2013 Cem"));
    free(text);
    release(&p);
}

static void
people_of_either_revision(void **state)
{
    (void)state;
    pair p;
    compare(
        &p, HEAD("1") PLACES BASE_VISITS,
        "itinerary: 1\n"
        "delegation:\n"
        "  id: d\n"
        "  title: Test\n"
        "  organizer: {name: Org, email: org@example.org}\n"
        "  start: 2022-11-22\n"
        "  end: 2022-11-23\n"
        "  timezone: Europe/Berlin\n"
        "  revision: 2\n"
        "  participants:\n"
        "    - {id: b, name: Ben, email: b@example.org}\n"
        "    - {id: d, name: Dana}\n" PLACES "visits:\n"
        "  - {id: welcome, title: Welcome, at: wfs, date: 2022-11-22, start: \"10:00\", duration: 1h}\n"
        "  - {id: hub-visit, title: Hub, at: hub, date: 2022-11-22, start: \"14:00\", duration: 1h, with: "
        "[b]}\n");
    assert_int_equal(p.diff->n_people, 4); /* b, d, then a and c */
    assert_string_equal(p.diff->people[2]->id, "a");
    uint64_t mask[1];
    const char *name;
    assert_int_equal(itin_diff_audience(p.diff, "a", NULL, mask, &name), 0);
    assert_string_equal(name, "Anna");
    assert_int_equal(itin_diff_audience(p.diff, "nobody", NULL, mask, &name), -1);
    assert_int_equal(itin_diff_audience(p.diff, NULL, "ab", mask, &name), 0); /* the old plan's group */
    const itin_change *c = find(p.diff, ITIN_CHANGE_ATTENDEES, "welcome");
    assert_non_null(c);
    char w[64];
    who(p.diff, c->leaving, w, sizeof w);
    assert_string_equal(w, "a,c");
    who(p.diff, c->joining, w, sizeof w);
    assert_string_equal(w, "d");
    release(&p);
}

/* One REQUEST per event added or changed, one CANCEL per event gone, each
 * valid iTIP for libical. */
/* A participant whose language changed: nothing in the plan changed, but
 * their calendar's texts did, so their update re-sends each of their events
 * in the new language (over an old calendar in the old one), and so do the
 * invitations; everyone else gets nothing. */
static void
language_changed(void **state)
{
    (void)state;
    pair p;
    compare(&p, HEAD("1") PLACES BASE_VISITS, HEAD_ANNA("2", ", language: de") PLACES BASE_VISITS);
    uint64_t mask[1];
    const char *name;
    assert_int_equal(itin_diff_audience(p.diff, "a", NULL, mask, &name), 0);
    assert_int_equal(itin_diff_count(p.diff, mask), 0);
    itin_diff_options o = stamped();
    o.mask = mask;
    o.personal = true;
    o.lang = "de";
    o.lang_before = "en";
    assert_int_equal(itin_diff_ics_count(p.diff, &o), 3); /* welcome, the transfer, hub-visit */
    char *ics = render(p.diff, &o, itin_export_diff_ics);
    assert_non_null(strstr(ics, "Teilnehmende"));
    assert_null(strstr(ics, "Attending"));
    free(ics);
    o.lang_before = NULL; /* the same language on both sides: nothing to send */
    assert_int_equal(itin_diff_ics_count(p.diff, &o), 0);

    /* Invitations without --lang: Anna's in German, Ben none. */
    itin_diff_options all = stamped();
    itin_messages m;
    assert_int_equal(itin_export_diff_invitations(p.diff, &all, &m), 0);
    assert_int_equal(m.n, 3);
    for (size_t i = 0; i < m.n; i++) {
        assert_int_equal(strncmp(m.items[i].name, "a.", 2), 0);
        assert_non_null(strstr(m.items[i].text, "Teilnehmende"));
    }
    itin_messages_free(&m);
    release(&p);
}

static void
invitations(void **state)
{
    (void)state;
    pair p;
    compare(
        &p, HEAD("1") PLACES BASE_VISITS,
        HEAD("2") PLACES
        "visits:\n"
        "  - {id: welcome, title: Welcome, at: wfs, date: 2022-11-22, start: \"11:00\", duration: 1h}\n"
        "  - {id: hub-visit, title: Hub, at: hub, date: 2022-11-22, start: \"14:00\", duration: 1h, with: "
        "[b, c]}\n");
    itin_diff_options o = stamped();
    itin_messages m;
    assert_int_equal(itin_export_diff_invitations(p.diff, &o, &m), 0);
    int requests = 0, cancels = 0;
    for (size_t i = 0; i < m.n; i++) {
        icalcomponent *cal = icalparser_parse_string(m.items[i].text);
        assert_non_null(cal);
        assert_int_equal(icalrestriction_check(cal), 1);
        assert_int_equal(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 1);
        icalproperty_method method = icalcomponent_get_method(cal);
        if (strstr(m.items[i].name, ".cancel.ics")) {
            assert_int_equal(method, ICAL_METHOD_CANCEL);
            cancels++;
        } else {
            assert_int_equal(method, ICAL_METHOD_REQUEST);
            requests++;
        }
        icalcomponent_free(cal);
    }
    /* Anna: welcome moved (REQUEST), no longer at the hub (CANCEL, and her
     * transfers there and back); Ben: welcome moved, the hub visit changed
     * (who else attends); Cem has no e-mail. */
    assert_true(requests >= 3);
    assert_true(cancels >= 1);
    int anna_cancel = 0;
    for (size_t i = 0; i < m.n; i++)
        anna_cancel += strcmp(m.items[i].name, "a.visit.hub-visit.cancel.ics") == 0;
    assert_int_equal(anna_cancel, 1);
    for (size_t i = 0; i < m.n; i++)
        assert_true(m.items[i].name[0] == 'a' || m.items[i].name[0] == 'b');
    itin_messages_free(&m);

    /* plan --invite into a directory: one REQUEST per event. */
    itin_render_options ro = {0};
    ro.has_dtstamp = true;
    ro.dtstamp = STAMP;
    assert_int_equal(itin_export_invitations(p.new.it, &ro, &m), 0);
    assert_true(m.n >= 2);
    for (size_t i = 0; i < m.n; i++) {
        icalcomponent *cal = icalparser_parse_string(m.items[i].text);
        assert_int_equal(icalrestriction_check(cal), 1);
        assert_int_equal(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 1);
        icalcomponent_free(cal);
    }
    itin_messages_free(&m);
    release(&p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_plan_no_changes),
        cmocka_unit_test(moved_and_attendees),
        cmocka_unit_test(moved_to_another_zone_and_day),
        cmocka_unit_test(revision_warning),
        cmocka_unit_test(cancelled_changes),
        cmocka_unit_test(lodging_runs),
        cmocka_unit_test(people_of_either_revision),
        cmocka_unit_test(language_changed),
        cmocka_unit_test(invitations),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    icaltimezone_free_builtin_timezones();
    icalmemory_free_ring();
    return rc;
}
