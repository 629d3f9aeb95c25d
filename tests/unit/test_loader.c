/* test_loader: the loader's structs, strings-first scalars, hostile input. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "datetime.h"
#include "load/load.h"
#include "xalloc.h"
#include "values.h"

static const char BASE[] =
    "itinerary: 1\n"
    "delegation:\n"
    "  id: kr-mss-saxony-2022\n"
    "  title: Südkoreanische Delegation zu Gast in Sachsen\n"
    "  lead: Ministry of SMEs and Startups\n"
    "  organizer: {name: WFS, email: info@example.org}\n"
    "  start: 2022-11-22\n"
    "  end: 2022-11-23\n"
    "  timezone: Europe/Berlin\n"
    "  language: de\n"
    "  revision: 3\n"
    "  day: {start: \"08:00\", end: \"20:00\"}\n"
    "  buffer: 15m\n"
    "  travel: {mode: train}\n"
    "  reminder: 30m\n"
    "  participants:\n"
    "    - {id: lee, name: Lee Ji-won, role: Head of delegation, org: MSS, email: lee@example.kr}\n"
    "    - {id: park, name: 박서연}\n"
    "    - {id: kim, name: Kim Min-jun}\n"
    "  groups:\n"
    "    - {id: research, name: Forschungsgruppe, members: [park, kim]}\n"
    "institutions:\n"
    "  - id: iwu\n"
    "    name: Fraunhofer IWU\n"
    "    country: NO\n"
    "    timezone: Europe/Oslo\n"
    "    geo: [50.8163, 12.9305]\n"
    "    hours: {mon-fri: [\"08:00-12:00\", \"13:00-17:00\"], sat: closed}\n"
    "    closed: [2022-12-24]\n"
    "  - id: wfs\n"
    "    name: WFS\n"
    "    region: DE-SN\n";

static itin_plan *
plan_of_text(const char *extra, itin_diags *d)
{
    char buf[8192];
    snprintf(buf, sizeof buf, "%s%s", BASE, extra);
    itin_diags_init(d, 0);
    return itin_plan_load_buffer("test.yaml", buf, strlen(buf), d);
}

static bool
has_message(const itin_diags *d, int line, int col, const char *sub)
{
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].pos.line == line && d->items[i].pos.col == col && strstr(d->items[i].message, sub))
            return true;
    return false;
}

static void
delegation_fields(void **state)
{
    (void)state;
    itin_diags d;
    itin_plan *p = plan_of_text("", &d);
    assert_non_null(p);
    const itin_delegation *D = &p->delegation;
    assert_string_equal(D->id, "kr-mss-saxony-2022");
    assert_string_equal(D->title, "Südkoreanische Delegation zu Gast in Sachsen");
    assert_string_equal(D->organizer.email, "info@example.org");
    assert_int_equal(D->start, itin_date_from_ymd(2022, 11, 22));
    assert_int_equal(D->end, itin_date_from_ymd(2022, 11, 23));
    assert_string_equal(D->language, "de");
    assert_int_equal(D->revision, 3);
    assert_int_equal(D->day_start, 8 * 60);
    assert_int_equal(D->day_end, 20 * 60);
    assert_int_equal(D->buffer, 15);
    assert_int_equal(D->travel, ITIN_MODE_TRAIN);
    assert_int_equal(D->walk_below, 1000); /* the default: 1 km */
    assert_int_equal(D->reminder, 30);
    assert_int_equal(D->n_participants, 3);
    assert_string_equal(D->participants[1].name, "박서연");
    assert_int_equal(D->n_groups, 1);
    assert_int_equal(D->groups[0].n_members, 2);
    assert_int_equal(D->groups[0].members[0], 1);
    assert_int_equal(D->pos.line, 3);
    assert_int_equal(D->pos.col, 3);
    itin_plan_free(p);
    itin_diags_free(&d);
}

static const char PEOPLE_HEAD[] = "itinerary: 1\n"
                                  "delegation:\n"
                                  "  id: x\n"
                                  "  title: X\n"
                                  "  start: 2022-11-22\n"
                                  "  end: 2022-11-22\n"
                                  "  timezone: Europe/Berlin\n"
                                  "  participants:\n";

/* A participant's language: one code, or two for a bilingual agenda. */
static void
participant_languages(void **state)
{
    (void)state;
    char buf[1024];
    itin_diags d;
    snprintf(buf, sizeof buf,
             "%s    - {id: a, name: A, language: ko}\n"
             "    - {id: b, name: B, language: [ko, de]}\n"
             "    - {id: c, name: C}\n",
             PEOPLE_HEAD);
    itin_diags_init(&d, 0);
    itin_plan *p = itin_plan_load_buffer("test.yaml", buf, strlen(buf), &d);
    assert_non_null(p);
    assert_string_equal(p->delegation.participants[0].language, "ko");
    assert_string_equal(p->delegation.participants[1].language, "ko,de");
    assert_null(p->delegation.participants[2].language);
    itin_plan_free(p);
    itin_diags_free(&d);

    snprintf(buf, sizeof buf,
             "%s    - {id: a, name: A, language: it}\n"
             "    - {id: b, name: B, language: [ko, ko]}\n"
             "    - {id: c, name: C, language: [ko, de, en]}\n",
             PEOPLE_HEAD);
    itin_diags_init(&d, 0);
    p = itin_plan_load_buffer("test.yaml", buf, strlen(buf), &d);
    assert_null(p);
    assert_true(has_message(&d, 9, 34, "unknown language 'it' (expected " ITIN_LANGUAGES ")"));
    assert_true(has_message(&d, 10, 39, "language ko is named twice"));
    assert_true(has_message(&d, 11, 34, "a participant has at most 2 languages (a bilingual agenda), not 3"));
    itin_diags_free(&d);
}

static void
defaults(void **state)
{
    (void)state;
    static const char text[] = "delegation:\n"
                               "  id: x\n  title: X\n  start: 2022-11-22\n  end: 2022-11-22\n"
                               "  timezone: Asia/Seoul\n"
                               "  participants: [{id: a, name: A}]\n";
    itin_diags d;
    itin_diags_init(&d, 0);
    itin_plan *p = itin_plan_load_buffer("t.yaml", text, strlen(text), &d);
    assert_non_null(p);
    assert_string_equal(p->delegation.language, "en");
    assert_int_equal(p->delegation.revision, -1);
    assert_int_equal(p->delegation.reminder, -1);
    assert_int_equal(p->delegation.day_start, 7 * 60);
    assert_int_equal(p->delegation.day_end, 22 * 60);
    assert_int_equal(p->delegation.buffer, 0);
    assert_int_equal(p->delegation.travel, ITIN_MODE_CAR);
    itin_plan_free(p);
    itin_diags_free(&d);
}

static void
strings_first(void **state)
{
    (void)state;
    itin_diags d;
    itin_plan *p =
        plan_of_text("visits:\n"
                     "  - {id: v1, title: on, at: iwu, date: 2022-11-23, start: 09:30, end: 11:00}\n",
                     &d);
    assert_non_null(p);
    const itin_institution *iwu = &p->institutions[0];
    assert_string_equal(iwu->country, "NO"); /* Norway, not false */
    assert_string_equal(p->visits[0].title, "on");
    assert_int_equal(p->visits[0].start, 9 * 60 + 30); /* not sexagesimal 570 */
    assert_int_equal(p->visits[0].duration, 90);
    itin_plan_free(p);
    itin_diags_free(&d);
}

static void
institution_fields(void **state)
{
    (void)state;
    itin_diags d;
    itin_plan *p = plan_of_text("", &d);
    assert_non_null(p);
    assert_int_equal(p->n_institutions, 2);
    const itin_institution *iwu = &p->institutions[0], *wfs = &p->institutions[1];
    assert_true(iwu->has_geo);
    assert_true(iwu->lat > 50.8162 && iwu->lat < 50.8164);
    assert_true(iwu->has_hours);
    assert_int_equal(iwu->hours.n[0], 2);
    assert_int_equal(iwu->hours.iv[0][1].open, 13 * 60);
    assert_int_equal(iwu->hours.n[5], 0);
    assert_int_equal(iwu->hours.n[6], 0);
    assert_int_equal(iwu->n_closed, 1);
    assert_string_equal(iwu->timezone, "Europe/Oslo");
    /* Defaults: the delegation's zone; the country from the region. */
    assert_string_equal(wfs->timezone, "Europe/Berlin");
    assert_string_equal(wfs->country, "DE");
    assert_false(wfs->has_hours);
    itin_plan_free(p);
    itin_diags_free(&d);
}

/* open: dates with hours of their own; by_arrangement on a visit. */
static void
open_dates_and_by_arrangement(void **state)
{
    (void)state;
    itin_diags d;
    itin_plan *p =
        plan_of_text("    open: [{date: 2022-11-26, hours: [\"10:00-12:00\", \"14:00-16:00\"]}]\n"
                     "visits:\n"
                     "  - {id: v, title: V, at: wfs, date: 2022-11-22, duration: 1h, by_arrangement: true}\n"
                     "  - {id: w, title: W, at: wfs, date: 2022-11-22, duration: 1h}\n",
                     &d);
    assert_non_null(p);
    const itin_institution *wfs = &p->institutions[1];
    assert_int_equal(wfs->n_open, 1);
    assert_int_equal(wfs->open[0].date, itin_date_from_ymd(2022, 11, 26));
    assert_int_equal(wfs->open[0].n, 2);
    assert_int_equal(wfs->open[0].iv[1].open, 14 * 60);
    assert_int_equal(wfs->open[0].iv[1].close, 16 * 60);
    assert_int_equal(p->institutions[0].n_open, 0);
    assert_true(p->visits[0].by_arrangement);
    assert_false(p->visits[1].by_arrangement);
    itin_plan_free(p);
    itin_diags_free(&d);
}

static void
visit_who_and_day(void **state)
{
    (void)state;
    itin_diags d;
    itin_plan *p =
        plan_of_text("visits:\n"
                     "  - id: v1\n    title: Lab\n    at: wfs\n    day: 2\n    duration: 1h30m\n"
                     "    with: [research, lee]\n    status: tentative\n    topics: [Leichtbau, 경량화]\n"
                     "  - {id: v2, title: All, at: wfs, day: 1, duration: 45min}\n"
                     "  - {id: v3, title: Park, at: wfs, day: 1, duration: PT1H, with: park}\n",
                     &d);
    assert_non_null(p);
    assert_int_equal(p->n_visits, 3);
    const itin_visit *v = &p->visits[0];
    assert_int_equal(v->date, itin_date_from_ymd(2022, 11, 23));
    assert_int_equal(v->duration, 90);
    assert_false(v->has_start);
    assert_int_equal(v->who.bits[0], 0x7); /* lee, park, kim: everyone */
    assert_true(v->who.everyone);
    assert_int_equal(v->status, ITIN_TENTATIVE);
    assert_int_equal(v->n_topics, 2);
    assert_string_equal(v->topics[1], "경량화");
    /* No travel of its own: the delegation's (train), walking when close. */
    assert_int_equal(v->travel, ITIN_MODE_NONE);
    assert_true(p->visits[1].who.everyone);
    assert_int_equal(p->visits[2].who.bits[0], 0x2);
    assert_false(p->visits[2].who.everyone);
    assert_int_equal(p->visits[2].duration, 60);
    itin_plan_free(p);
    itin_diags_free(&d);
}

static void
legs_lodging_times_holidays(void **state)
{
    (void)state;
    itin_diags d;
    itin_plan *p =
        plan_of_text("travel:\n"
                     "  - {id: t1, mode: train, from: wfs, to: iwu, depart: 2022-11-23 08:00,"
                     " arrive: 2022-11-23T09:10, ref: RE 3}\n"
                     "  - {id: t2, mode: bus, from: iwu, to: wfs, depart: 2022-11-23 18:00, duration: 1h}\n"
                     "lodging:\n"
                     "  - {at: wfs, from: 2022-11-21, to: 2022-11-23}\n"
                     "travel_times:\n"
                     "  - {from: wfs, to: iwu, mode: car, time: 65m}\n"
                     "  - {from: iwu, to: wfs, time: 70m}\n"
                     "holidays:\n"
                     "  - {date: 2022-12-24, name: Heiligabend, region: DE-SN}\n",
                     &d);
    assert_non_null(p);
    assert_int_equal(p->n_legs, 2);
    assert_true(p->legs[0].has_arrive);
    assert_int_equal(p->legs[0].arr_time, 9 * 60 + 10);
    assert_string_equal(p->legs[0].ref, "RE 3");
    assert_string_equal(p->legs[1].title, "bus Fraunhofer IWU \u2192 WFS"); /* the format's default */
    assert_false(p->legs[1].has_arrive);
    assert_int_equal(p->legs[1].duration, 60);
    assert_int_equal(p->n_lodgings, 1);
    assert_string_equal(p->lodgings[0].id, "lodging-wfs-2022-11-21");
    assert_int_equal(p->n_travel_times, 2);
    assert_int_equal(p->travel_times[0].mode, ITIN_MODE_CAR);
    assert_int_equal(p->travel_times[1].mode, ITIN_MODE_NONE);
    size_t user = 0, builtin = 0;
    for (size_t i = 0; i < p->n_holidays; i++) {
        if (p->holidays[i].builtin)
            builtin++;
        else
            user++;
    }
    assert_int_equal(user, 1);
    assert_true(builtin > 300); /* DE and KR, 2022-2030 */
    itin_plan_free(p);
    itin_diags_free(&d);
}

static void
merge_keys(void **state)
{
    (void)state;
    itin_diags d;
    itin_plan *p = plan_of_text("visits:\n"
                                "  - &base {id: v1, title: Base, at: wfs, date: 2022-11-22, duration: 1h}\n"
                                "  - <<: *base\n    id: v2\n    title: Second\n",
                                &d);
    assert_non_null(p);
    assert_int_equal(p->n_visits, 2);
    assert_string_equal(p->visits[1].id, "v2");
    assert_string_equal(p->visits[1].title, "Second");
    assert_int_equal(p->visits[1].duration, 60);
    itin_plan_free(p);
    itin_diags_free(&d);
}

static void
keeps_going(void **state)
{
    (void)state;
    itin_diags d;
    itin_plan *p = plan_of_text("visits:\n"
                                "  - {id: v1, title: A, at: nowhere, date: 2022-11-22, duration: 90}\n"
                                "  - {id: V2, title: B, at: wfs, date: 2022-11-22, duraton: 1h}\n",
                                &d);
    assert_null(p);
    assert_true(has_message(&d, 34, 28, "no institution has the id 'nowhere'"));
    assert_true(has_message(&d, 34, 65, "write '90m'"));
    assert_true(has_message(&d, 35, 10, "invalid id 'V2'"));
    assert_true(has_message(&d, 35, 51, "did you mean 'duration'?"));
    assert_int_equal(d.errors, 4); /* v2's missing duration was hinted already */
    itin_diags_free(&d);
}

static void
alias_bomb_rejected(void **state)
{
    (void)state;
    char buf[4096];
    size_t n = (size_t)snprintf(buf, sizeof buf, "a: &a [x,x,x,x,x,x,x,x,x]\n");
    for (int i = 1; i < 10; i++) {
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%c: &%c [", 'a' + i, 'a' + i);
        for (int j = 0; j < 9; j++)
            n += (size_t)snprintf(buf + n, sizeof buf - n, "*%c%s", 'a' + i - 1, j < 8 ? "," : "]\n");
    }
    itin_diags d;
    itin_diags_init(&d, 0);
    assert_null(itin_plan_load_buffer("bomb.yaml", buf, n, &d));
    bool found = false;
    for (size_t i = 0; i < d.count; i++)
        found |= strstr(d.items[i].message, "alias bomb") != NULL;
    assert_true(found);
    itin_diags_free(&d);
}

static void
deep_nesting_rejected(void **state)
{
    (void)state;
    enum { N = 100000 };
    static char buf[N + 2];
    memset(buf, '[', N);
    buf[N] = '\n';
    itin_diags d;
    itin_diags_init(&d, 0);
    assert_null(itin_plan_load_buffer("deep.yaml", buf, N + 1, &d));
    assert_true(has_message(&d, 1, 65, "nesting deeper than 64 levels"));
    itin_diags_free(&d);
}

static void
error_cap(void **state)
{
    (void)state;
    /* 300 bad visits: 100 errors are kept, then the loader stops. */
    size_t cap = 64 * 1024;
    char *buf = itin_xmalloc(cap);
    size_t n = (size_t)snprintf(buf, cap, "%svisits:\n", BASE);
    for (int i = 0; i < 300; i++)
        n += (size_t)snprintf(buf + n, cap - n,
                              "  - {id: v%d, title: T, at: wfs, date: 2022-11-22, duration: 5}\n", i);
    itin_diags d;
    itin_diags_init(&d, 0);
    assert_null(itin_plan_load_buffer("many.yaml", buf, n, &d));
    assert_true(d.errors > 100);
    assert_int_equal(d.count, 101); /* 100 errors and the note counting the rest */
    assert_int_equal(d.items[100].severity, ITIN_NOTE);
    free(buf);
    itin_diags_free(&d);
}

/* A UTF-8 byte order mark may start a file (YAML 1.2), also when a key
 * follows it on the first line; columns there do not count it. */
static void
bom_accepted(void **state)
{
    (void)state;
    char buf[8192];
    itin_diags d;
    int n = snprintf(buf, sizeof buf, "\xEF\xBB\xBF%s", BASE);
    itin_diags_init(&d, 0);
    itin_plan *P = itin_plan_load_buffer("bom.yaml", buf, (size_t)n, &d);
    assert_non_null(P);
    assert_int_equal(d.errors, 0);
    assert_string_equal(P->delegation.id, "kr-mss-saxony-2022");
    itin_plan_free(P);
    itin_diags_free(&d);

    assert_true(strncmp(BASE, "itinerary: 1\n", 13) == 0);
    n = snprintf(buf, sizeof buf, "\xEF\xBB\xBFitinerary: 2\n%s", BASE + 13);
    itin_diags_init(&d, 0);
    assert_null(itin_plan_load_buffer("bom.yaml", buf, (size_t)n, &d));
    assert_int_equal(d.errors, 1);
    assert_true(has_message(&d, 1, 12, "unsupported format version '2'"));
    itin_diags_free(&d);
}

/* ...and an included file may start with one too. */
static void
bom_in_included_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/itin-bom-XXXXXX", path[64], buf[8192];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/hall.yaml", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("\xEF\xBB\xBFitinerary: 1\ninstitutions:\n  - {id: hall, name: Stadthalle, city: Chemnitz}\n", f);
    fclose(f);
    int n = snprintf(buf, sizeof buf, "%sinclude: [%s]\n", BASE, path);
    itin_diags d;
    itin_diags_init(&d, 0);
    itin_plan *P = itin_plan_load_buffer("main.yaml", buf, (size_t)n, &d);
    unlink(path);
    rmdir(dir);
    assert_non_null(P);
    assert_int_equal(d.errors, 0);
    bool found = false;
    for (size_t i = 0; i < P->n_institutions; i++)
        found |= strcmp(P->institutions[i].id, "hall") == 0;
    assert_true(found);
    itin_plan_free(P);
    itin_diags_free(&d);
}

/* A file saved as UTF-16, in either byte order, with or without a byte order
 * mark, gets one error that says so. */
static void
utf16_refused(void **state)
{
    (void)state;
    static const char text[] = "itinerary: 1\ndelegation: {id: x}\n";
    static const char *const expect[] = {"UTF-16 (little-endian)", "UTF-16 (big-endian)"};
    for (int bom = 0; bom < 2; bom++) {
        for (int be = 0; be < 2; be++) {
            char buf[256];
            size_t n = 0;
            if (bom) {
                buf[n++] = be ? '\xFE' : '\xFF';
                buf[n++] = be ? '\xFF' : '\xFE';
            }
            for (size_t i = 0; text[i]; i++) {
                buf[n++] = be ? '\0' : text[i];
                buf[n++] = be ? text[i] : '\0';
            }
            itin_diags d;
            itin_diags_init(&d, 0);
            assert_null(itin_plan_load_buffer("utf16.yaml", buf, n, &d));
            assert_int_equal(d.errors, 1);
            assert_true(has_message(&d, 1, 1, expect[be]));
            assert_true(has_message(&d, 1, 1, "save it as UTF-8"));
            itin_diags_free(&d);
        }
    }
}

/* Every key table is complete: each of its enum's constants has a key (a
 * missing designated initializer leaves NULL), no key is there twice, and
 * the table fits the matcher. */
static void
key_tables_complete(void **state)
{
    (void)state;
    const load_key_table *lists[] = {load_field_key_tables, load_delegation_key_tables, load_place_key_tables,
                                     load_item_key_tables, load_company_key_tables};
    size_t tables = 0;
    for (size_t l = 0; l < sizeof lists / sizeof *lists; l++) {
        for (const load_key_table *t = lists[l]; t->name; t++, tables++) {
            assert_true(t->n > 0 && t->n <= MAX_KEYS);
            for (size_t i = 0; i < t->n; i++) {
                if (!t->keys[i])
                    fail_msg("the %s keys have no text for entry %zu", t->name, i);
                for (size_t j = 0; j < i; j++)
                    if (strcmp(t->keys[i], t->keys[j]) == 0)
                        fail_msg("the %s keys name '%s' twice", t->name, t->keys[i]);
            }
        }
    }
    assert_int_equal(tables, 18);
}

/* companies and matchmaking (docs/format.md §19): sides, members, slots
 * from start, end, slot and gap, priorities as weights, ids resolved even
 * when the companies come after the session. */
static void
matchmaking_fields(void **state)
{
    (void)state;
    itin_diags d;
    itin_plan *p =
        plan_of_text("matchmaking:\n"
                     "  - id: b2b\n"
                     "    at: wfs\n"
                     "    date: 2022-11-23\n"
                     "    start: \"13:00\"\n"
                     "    end: \"17:00\"\n"
                     "    slot: 25m\n"
                     "    gap: 5m\n"
                     "    tables: 4\n"
                     "    requests:\n"
                     "      - {from: sax, to: hk, priority: high}\n"
                     "      - {from: hk, to: sax, priority: low}\n"
                     "      - {from: sax, to: kia}\n"
                     "    unavailable: [{company: kia, from: \"13:00\", to: \"14:00\"}]\n"
                     "companies:\n"
                     "  - {id: sax, name: Sax GmbH, side: delegation, members: [lee, kim], languages: [de]}\n"
                     "  - {id: hk, name: HK, side: host, contact: {name: Park, email: p@example.kr}}\n"
                     "  - {id: kia, name: Kia, side: host, languages: [ko, en]}\n",
                     &d);
    assert_non_null(p);
    assert_int_equal(p->n_companies, 3);
    assert_int_equal(p->companies[0].side, ITIN_SIDE_DELEGATION);
    assert_int_equal(p->companies[0].n_members, 2);
    assert_int_equal(p->companies[0].members[1], 2); /* kim */
    assert_true(itin_who_has(p->companies[0].who, 0));
    assert_false(itin_who_has(p->companies[0].who, 1));
    assert_int_equal(p->companies[1].side, ITIN_SIDE_HOST);
    assert_string_equal(p->companies[1].contact.email, "p@example.kr");
    assert_int_equal(p->companies[2].n_languages, 2);
    assert_int_equal(p->n_sessions, 1);
    const itin_session *s = &p->sessions[0];
    assert_string_equal(s->title, "B2B meetings");
    assert_int_equal(s->n_slots, 8); /* 240 + 5 = 245 min, 30 a slot */
    assert_int_equal(s->slot, 25);
    assert_int_equal(s->gap, 5);
    assert_int_equal(s->tables, 4);
    assert_int_equal(s->interpreters, 0);
    assert_int_equal(s->n_requests, 3);
    assert_int_equal(s->requests[0].weight, 3);
    assert_int_equal(s->requests[1].weight, 1);
    assert_int_equal(s->requests[1].from, 1);
    assert_int_equal(s->requests[1].to, 0);
    assert_int_equal(s->requests[2].weight, 2);
    assert_int_equal(s->n_unavailable, 1);
    assert_int_equal(s->unavailable[0].company, 2);
    assert_int_equal(s->unavailable[0].to, 14 * 60);
    itin_plan_free(p);
    itin_diags_free(&d);
}

static void
top_kinds_complete(void **state)
{
    (void)state;
    for (int i = 0; i < TOP__COUNT; i++) {
        if (!load_top_key(i))
            fail_msg("top-level kind %d has no key", i);
        for (int j = 0; j < i; j++)
            assert_string_not_equal(load_top_key(i), load_top_key(j));
    }
    assert_string_equal(load_top_key(TOP_VERSION), "itinerary");
    assert_string_equal(load_top_key(TOP_HOLIDAYS), "holidays");
}

/* Texts in several languages: the field holds the delegation's (de), else
 * the first given; the others are found by the field's pointer. */
static void
text_variants(void **state)
{
    (void)state;
    itin_diags d;
    itin_plan *P =
        plan_of_text("  - id: ssh\n"
                     "    name: {en: Smart Systems Hub, de: Smart Systems Hub GmbH}\n"
                     "    short: {vi: Trung tâm SSH, ja: スマートシステムズハブ}\n"
                     "visits:\n"
                     "  - id: welcome\n"
                     "    title: {en: Welcome by WFS, de: Begrüßung durch die WFS, vi: Chào mừng của WFS}\n"
                     "    at: wfs\n"
                     "    date: 2022-11-22\n"
                     "    duration: 1h\n"
                     "    topics: [{de: Ansiedlung, vi: Đầu tư}, KMU]\n"
                     "    host: Katrin Walther\n",
                     &d);
    assert_non_null(P);
    const itin_visit *v = &P->visits[0];
    assert_string_equal(v->title, "Begrüßung durch die WFS");
    assert_string_equal(itin_text_in(P, v->title, "vi"), "Chào mừng của WFS");
    assert_string_equal(itin_text_in(P, v->title, "en"), "Welcome by WFS");
    assert_string_equal(itin_text_in(P, v->title, "ja"), "Begrüßung durch die WFS");
    assert_string_equal(itin_text_in(P, v->topics[0], "vi"), "Đầu tư");
    assert_string_equal(itin_text_in(P, v->topics[1], "vi"), "KMU");
    assert_string_equal(itin_text_in(P, v->host, "vi"), "Katrin Walther");
    assert_null(itin_text_in(P, NULL, "vi"));
    const itin_institution *I = &P->institutions[2];
    assert_string_equal(I->name, "Smart Systems Hub GmbH");
    /* No German short name: the first given stands in the field. */
    assert_string_equal(I->short_name, "Trung tâm SSH");
    assert_string_equal(itin_text_in(P, I->short_name, "ja"), "スマートシステムズハブ");
    assert_string_equal(itin_text_in(P, I->short_name, "en"), "Trung tâm SSH");
    itin_plan_free(P);
    itin_diags_free(&d);

    /* Every mistake in a mapping of languages, at its position. */
    P = plan_of_text("visits:\n"
                     "  - {id: a, title: {}, at: wfs, date: 2022-11-22, duration: 1h}\n"
                     "  - {id: b, title: {de: Gespräch, xx: Talk}, at: wfs, date: 2022-11-22, duration: 1h}\n"
                     "  - {id: c, title: {de: [a]}, at: wfs, date: 2022-11-22, duration: 1h}\n"
                     "  - {id: e, title: {de: A, de: B}, at: wfs, date: 2022-11-22, duration: 1h}\n",
                     &d);
    assert_null(P);
    assert_true(has_message(&d, 34, 20, "a visit's title has no text"));
    assert_true(has_message(&d, 35, 35, "unknown language 'xx'"));
    assert_true(has_message(&d, 36, 25, "must be text, not a list"));
    assert_true(has_message(&d, 37, 28, "gives language 'de' twice"));
    itin_diags_free(&d);
}

/* Items with the same attendees share one mask, however `with` names them;
 * different attendees have their own. */
static void
with_masks_shared(void **state)
{
    (void)state;
    itin_diags d;
    itin_plan *p = plan_of_text(
        "visits:\n"
        "  - {id: a, title: A, at: wfs, date: 2022-11-22, duration: 1h, with: [research]}\n"
        "  - {id: b, title: B, at: wfs, date: 2022-11-22, duration: 1h, with: [kim, park]}\n"
        "  - {id: c, title: C, at: wfs, date: 2022-11-22, duration: 1h, with: [kim]}\n"
        "  - {id: d, title: D, at: wfs, date: 2022-11-23, duration: 1h}\n"
        "  - {id: e, title: E, at: wfs, date: 2022-11-23, duration: 1h, with: [lee, research]}\n",
        &d);
    assert_non_null(p);
    assert_int_equal(p->n_visits, 5);
    const itin_visit *v = p->visits;
    assert_ptr_equal(v[0].who.bits, v[1].who.bits);
    assert_true(v[2].who.bits != v[0].who.bits);
    assert_true(itin_who_has(v[2].who.bits, 2) && !itin_who_has(v[2].who.bits, 1));
    assert_ptr_equal(v[3].who.bits, v[4].who.bits);
    assert_true(v[3].who.everyone && v[4].who.everyone && !v[0].who.everyone);
    itin_plan_free(p);
    itin_diags_free(&d);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(delegation_fields),
        cmocka_unit_test(defaults),
        cmocka_unit_test(strings_first),
        cmocka_unit_test(institution_fields),
        cmocka_unit_test(visit_who_and_day),
        cmocka_unit_test(legs_lodging_times_holidays),
        cmocka_unit_test(merge_keys),
        cmocka_unit_test(keeps_going),
        cmocka_unit_test(alias_bomb_rejected),
        cmocka_unit_test(deep_nesting_rejected),
        cmocka_unit_test(error_cap),
        cmocka_unit_test(open_dates_and_by_arrangement),
        cmocka_unit_test(key_tables_complete),
        cmocka_unit_test(top_kinds_complete),
        cmocka_unit_test(matchmaking_fields),
        cmocka_unit_test(bom_accepted),
        cmocka_unit_test(bom_in_included_file),
        cmocka_unit_test(utf16_refused),
        cmocka_unit_test(participant_languages),
        cmocka_unit_test(text_variants),
        cmocka_unit_test(with_masks_shared),
    };
    return cmocka_run_group_tests_name("loader", tests, NULL, NULL);
}
