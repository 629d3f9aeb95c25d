/* itinerary: the library's public face — diagnostics, the loaded plan, loading. */
#ifndef ITINERARY_ITINERARY_H
#define ITINERARY_ITINERARY_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ITIN_VERSION "0.1.0"

/* ---------------------------------------------------------------- positions */

/* Where something came from: 1-based line and column in a file (as named by
 * the user, or "-" for standard input). line == 0 means "no position". */
typedef struct itin_pos {
    const char *file;
    int line;
    int col;
} itin_pos;

/* ------------------------------------------------------------- diagnostics */

typedef enum itin_severity {
    ITIN_NOTE = 0,
    ITIN_WARNING = 1,
    ITIN_CONFLICT = 2, /* the schedule is infeasible: exit 1 */
    ITIN_ERROR = 3,    /* invalid input: exit 2 */
} itin_severity;

typedef struct itin_diag {
    itin_severity severity;
    itin_pos pos;
    char *message;    /* owned by the list */
    const char *name; /* a warning's stable name ("long-day"), or NULL */
} itin_diag;

/* A list of diagnostics. The library appends to it and never prints. */
typedef struct itin_diags {
    itin_diag *items;
    size_t count;
    size_t cap;
    size_t errors;    /* ITIN_ERROR count, including suppressed ones */
    size_t conflicts; /* ITIN_CONFLICT count */
    size_t warnings;
    size_t limit; /* after this many errors, further errors are counted, not kept */
} itin_diags;

/* Initialise an empty list; limit 0 means the default (100). */
void itin_diags_init(itin_diags *d, size_t limit);
/* Free every message and the array; the list may be reused after init. */
void itin_diags_free(itin_diags *d);
/* Append a message (printf-style). */
void itin_diags_add(itin_diags *d, itin_severity sev, itin_pos pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* The worst severity present, or ITIN_NOTE when the list is empty. */
itin_severity itin_diags_worst(const itin_diags *d);
/* Sort by file order of appearance, then line and column (stable). */
void itin_diags_sort(itin_diags *d);
/* "error", "warning", "note"; conflicts print as "error". */
const char *itin_severity_name(itin_severity sev);

/* ------------------------------------------------------------- the model */

/* A civil date as days since 1970-01-01; a time of day as minutes since 00:00. */
typedef int32_t itin_date;

typedef enum itin_mode {
    ITIN_MODE_NONE = 0,
    ITIN_MODE_WALK,
    ITIN_MODE_BIKE,
    ITIN_MODE_CAR,
    ITIN_MODE_TAXI,
    ITIN_MODE_BUS,
    ITIN_MODE_TRAIN,
    ITIN_MODE_FLIGHT,
    ITIN_MODE_SHIP,
    ITIN_MODE__COUNT
} itin_mode;

/* Kinds of travel leg for check-in and exit times: its mode, with a flight
 * within one country apart from one between two. */
#define ITIN_LEG_KIND_DOMESTIC_FLIGHT ((int)ITIN_MODE__COUNT)
#define ITIN_LEG_KIND_COUNT ((int)ITIN_MODE__COUNT + 1)

/* The warnings, each with a stable name (itin_warning_name) that
 * `accept: [...]` silences. */
typedef enum itin_warning {
    ITIN_W_LONG_DAY = 0,        /* long-day: more than 10 hours of items */
    ITIN_W_TIGHT_TRANSFER,      /* tight-transfer: less than 5 minutes of slack */
    ITIN_W_NOBODY,              /* nobody: an item for nobody */
    ITIN_W_WEEKEND,             /* weekend: a visit on a Saturday or Sunday */
    ITIN_W_OUTSIDE_WINDOW,      /* outside-window: a fixed visit or its transfer */
    ITIN_W_AMBIGUOUS_TIME,      /* ambiguous-time: a time the clocks show twice */
    ITIN_W_CLOSED_ARRANGED,     /* closed-by-arrangement: by arrangement on a closed day */
    ITIN_W_NO_HOLIDAYS,         /* no-holidays: a place whose country or region has no calendar */
    ITIN_W_HOLIDAYS_YEARS,      /* holidays-years: a year outside a calendar or not announced yet */
    ITIN_W_REVISION,            /* revision: a diff's new revision is not greater, yet something changed */
    ITIN_W_OTHER_DELEGATION,    /* other-delegation: a diff of two delegations (no UID in common) */
    ITIN_W_MISSING_TRANSLATION, /* missing-translation: texts lacking the language of `check --lang` */
    ITIN_W__COUNT
} itin_warning;

typedef enum itin_status {
    ITIN_CONFIRMED = 0,
    ITIN_TENTATIVE,
    ITIN_CANCELLED,
} itin_status;

typedef struct itin_contact {
    const char *name, *email, *phone;
} itin_contact;

/* A set of participants as a bit mask of participant indices. */
typedef struct itin_who {
    uint64_t *bits; /* plan->who_words words; NULL only before resolution */
    bool everyone;  /* `with` absent or "all" */
    itin_pos pos;
} itin_who;

/* Participant i in a who-mask: test, and add. */
static inline bool
itin_who_has(const uint64_t *mask, size_t i)
{
    return (mask[i / 64] >> (i % 64)) & 1;
}

static inline void
itin_who_add(uint64_t *mask, size_t i)
{
    mask[i / 64] |= 1ULL << (i % 64);
}

typedef struct itin_participant {
    const char *id, *name, *role, *org, *email, *phone;
    const char *language; /* "ko", or "ko,de" for a bilingual agenda; NULL: the delegation's */
    itin_pos pos;
} itin_participant;

typedef struct itin_group {
    const char *id, *name;
    size_t *members; /* participant indices */
    size_t n_members;
    itin_pos pos;
} itin_group;

/* Up to this many opening intervals per weekday. */
#define ITIN_MAX_INTERVALS 8

typedef struct itin_interval {
    int open, close; /* minutes since midnight; close may be 1440 */
} itin_interval;

typedef struct itin_hours {
    itin_interval iv[7][ITIN_MAX_INTERVALS]; /* index 0 = Monday */
    int n[7];                                /* 0 = closed that day */
} itin_hours;

/* A date with opening hours of its own (`open`), in place of its weekday's. */
typedef struct itin_open_date {
    itin_date date;
    itin_interval iv[ITIN_MAX_INTERVALS];
    int n;
    itin_pos pos;
} itin_open_date;

typedef struct itin_institution {
    const char *id, *name, *short_name, *kind, *address, *city;
    const char *country;  /* ISO 3166-1 alpha-2, or NULL */
    const char *region;   /* ISO 3166-2, or NULL */
    const char *timezone; /* IANA name, defaulted to the delegation's */
    bool has_geo;
    double lat, lon;
    bool has_hours;
    itin_hours hours;
    bool open_on_holidays;
    itin_date *closed;
    itin_pos *closed_pos;
    size_t n_closed;
    itin_open_date *open; /* dates with hours of their own */
    size_t n_open;
    itin_contact contact;
    const char *url;
    itin_pos pos;
} itin_institution;

/* A UTC offset written after a local time ("02:30+01:00"): it picks one
 * occurrence of a time the clocks show twice. */
typedef struct itin_offset {
    bool given;
    int seconds; /* east of UTC */
} itin_offset;

typedef struct itin_visit {
    const char *id, *title;
    size_t at; /* institution index */
    itin_date date;
    bool has_start;
    int start;    /* minutes, local to the place */
    int duration; /* minutes; with `end`, on the clock face (end - start) */
    bool has_end;
    int end; /* minutes, local to the place; 1440 is 24:00 */
    itin_offset start_offset, end_offset;
    itin_pos end_pos;
    itin_who who;
    itin_mode travel; /* mode of the transfer that arrives here; ITIN_MODE_NONE:
                         the delegation's, walking when close */
    itin_status status;
    bool by_arrangement; /* the host opens for it: the place's weekly hours do not apply */
    unsigned accept;     /* accepted warnings: bit (1u << itin_warning) */
    const char **topics;
    size_t n_topics;
    const char *host, *description;
    itin_pos pos, date_pos, start_pos, at_pos;
} itin_visit;

typedef struct itin_leg {
    const char *id, *title, *ref, *description;
    int checkin, exit_time; /* minutes; -1: the delegation's or the default */
    unsigned accept;        /* accepted warnings: bit (1u << itin_warning) */
    bool title_default;     /* the title was made from mode and places */
    itin_mode mode;
    size_t from, to; /* institution indices */
    itin_date dep_date, arr_date;
    int dep_time, arr_time; /* local minutes at from / to */
    bool has_arrive;        /* false: arrival is departure + duration */
    int duration;           /* minutes, when !has_arrive */
    itin_offset dep_offset, arr_offset;
    itin_who who;
    itin_pos pos, depart_pos, arrive_pos;
} itin_leg;

typedef struct itin_lodging {
    const char *id; /* given, or "lodging-<at>-<from>" */
    size_t at;
    itin_date from, to; /* nights from..to-1 */
    itin_who who;
    itin_pos pos;
} itin_lodging;

typedef struct itin_travel_time {
    size_t from, to;
    itin_mode mode; /* ITIN_MODE_NONE: any mode */
    int minutes;
    itin_pos pos;
} itin_travel_time;

typedef struct itin_holiday {
    itin_date date;
    const char *name;
    const char *en;      /* the English name, when `name` is in another language, or NULL */
    const char *local;   /* the name in the country's language, when `name` is not, or NULL */
    const char *region;  /* ISO 3166-2, or NULL */
    const char *country; /* ISO 3166-1, or NULL */
    int workday;         /* -1: a day off; 0 (Monday) ... 6: a working day with that weekday's hours */
    bool estimated;      /* the date is expected, not yet announced */
    bool builtin;        /* from the bundled calendars */
    itin_pos pos;
} itin_holiday;

typedef struct itin_delegation {
    const char *id, *title, *lead;
    itin_contact organizer;
    itin_date start, end;
    const char *timezone;
    const char *language;  /* one of ITIN_LANGUAGES, "en" when absent */
    int revision;          /* -1 when absent */
    itin_pos revision_pos; /* where it is given (line 0 when absent) */
    int day_start, day_end;
    int hotel_break; /* minutes of waiting from which one goes back to the hotel; 0 never */
    int buffer;
    itin_mode travel;
    int walk_below;  /* metres: closer transfers walk; 0 never walks */
    int reminder;    /* minutes, -1 when absent */
    int vehicles;    /* travel.vehicles: road vehicles at hand; 0 when absent */
    unsigned accept; /* accepted warnings: bit (1u << itin_warning) */
    /* travel.checkin and travel.exit: minutes before a leg's departure and
     * after its arrival, by kind of leg (ITIN_LEG_KIND_*); -1: the default. */
    int checkin[ITIN_LEG_KIND_COUNT], exit_time[ITIN_LEG_KIND_COUNT];
    itin_participant *participants;
    size_t n_participants;
    itin_group *groups;
    size_t n_groups;
    itin_pos pos;
} itin_delegation;

/* B2B matchmaking (docs/format.md, "companies" and "matchmaking"). */
typedef enum itin_side {
    ITIN_SIDE_DELEGATION = 0, /* a travelling company: its members attend */
    ITIN_SIDE_HOST,           /* a local firm */
} itin_side;

typedef struct itin_company {
    const char *id, *name;
    itin_side side;
    size_t *members; /* participant indices (delegation side) */
    size_t n_members;
    uint64_t *who; /* the members as a who-mask (plan->who_words words) */
    const char **languages;
    size_t n_languages;
    itin_contact contact;
    itin_pos pos, side_pos;
} itin_company;

typedef struct itin_request {
    const char *from_id, *to_id; /* as written; resolved after loading */
    size_t from, to;             /* company indices */
    int weight;                  /* priority: high 3, normal 2, low 1 */
    itin_pos pos, from_pos, to_pos;
} itin_request;

typedef struct itin_unavailable {
    const char *company_id;
    size_t company;
    int from, to; /* minutes, local to the venue */
    itin_pos pos, company_pos;
} itin_unavailable;

/* A matchmaking session: an afternoon of meetings at tables of one venue. */
typedef struct itin_session {
    const char *id, *title;
    size_t at; /* institution: the venue */
    itin_date date;
    int start, end;   /* minutes, local to the venue */
    int slot, gap;    /* meeting length and the gap between slots, minutes */
    int tables;       /* meetings at once */
    int interpreters; /* interpreted meetings at once */
    int n_slots;      /* (end - start + gap) / (slot + gap) */
    itin_request *requests;
    size_t n_requests;
    itin_unavailable *unavailable;
    size_t n_unavailable;
    itin_pos pos, date_pos, end_pos, slot_pos;
} itin_session;

typedef struct itin_arena itin_arena;

/* A loaded delegation file with everything it includes. Every entity and
 * string lives in the plan's arena and dies with itin_plan_free(). */
typedef struct itin_plan {
    itin_arena *arena;
    const char *path; /* the main file as named */
    bool has_delegation;
    itin_delegation delegation;
    itin_institution *institutions;
    size_t n_institutions;
    itin_visit *visits;
    size_t n_visits;
    itin_leg *legs;
    size_t n_legs;
    itin_lodging *lodgings;
    size_t n_lodgings;
    itin_travel_time *travel_times;
    size_t n_travel_times;
    itin_holiday *holidays;
    size_t n_holidays;
    itin_company *companies;
    size_t n_companies;
    itin_session *sessions;
    size_t n_sessions;
    size_t who_words; /* words in every itin_who bit mask */
    /* Real paths of the files read: the main file (not standard input),
     * then every file it includes. */
    const char *const *files;
    size_t n_files;
    /* Texts written in several languages (`title: {de: …, vi: …}`): every
     * text field holds the variant in the delegation's language (else the
     * first given); the others are here, found with itin_text_in(). */
    struct itin_texts *texts;
} itin_plan;

/* Load a delegation file (path "-" reads standard input). Returns the plan,
 * or NULL when it has errors; either way the diagnostics go to `d`. The
 * caller frees the plan with itin_plan_free(). */
itin_plan *itin_plan_load(const char *path, itin_diags *d);

/* Load from memory; `name` is used in positions and to resolve includes
 * relative to it. `buf` need not be NUL-terminated. */
itin_plan *itin_plan_load_buffer(const char *name, const char *buf, size_t len, itin_diags *d);

void itin_plan_free(itin_plan *plan);

/* A text of the plan (a pointer read from one of its fields) in language
 * `lang` (a code of ITIN_LANGUAGES): its variant in that language when the
 * file gave one, else the text itself, the delegation's language or the
 * first variant given. NULL gives NULL. */
const char *itin_text_in(const itin_plan *plan, const char *text, const char *lang);

/* Warn (missing-translation) once for the delegation and for each
 * participant, group, institution an item uses, visit and travel leg whose texts lack
 * language `lang` (a code of ITIN_LANGUAGES), naming the keys: an
 * organiser's list of what to translate (docs/format.md §14). A text
 * written once counts as written in the delegation's language. */
void itin_check_translations(const itin_plan *plan, const char *lang, itin_diags *d);

/* --------------------------------------------------------- holiday calendars */

typedef enum itin_regions {
    ITIN_REGIONS_NONE,    /* the country's days apply to every region alike */
    ITIN_REGIONS_ALL,     /* every region whose days differ is in the calendar */
    ITIN_REGIONS_NATIONAL /* regions have days of their own that are not in it */
} itin_regions;

/* A bundled holiday calendar (docs/holidays.md). */
typedef struct itin_calendar {
    const char *country;  /* ISO 3166-1 alpha-2 */
    const char *language; /* the language of its local names (BCP 47) */
    const char *title;    /* the country in English */
    int first, last;      /* the years it covers */
    int announced;        /* the last year whose announced dates it knows */
    itin_regions regions;
    const char *region_list; /* the regions with days of their own, space-separated */
} itin_calendar;

/* The bundled calendar of a country, or NULL; and all of them. */
const itin_calendar *itin_calendar_find(const char *country);
const itin_calendar *itin_calendars(size_t *count);

/* Load the bundled calendar of a country as a plan with only `holidays`
 * (no delegation). NULL when there is none; the caller frees the plan. */
itin_plan *itin_calendar_load(const char *country, itin_diags *d);

/* ------------------------------------------------------------ the schedule */

typedef enum itin_item_kind {
    ITIN_ITEM_VISIT = 0,
    ITIN_ITEM_TRAVEL,
    ITIN_ITEM_TRANSFER,
    ITIN_ITEM_LODGING,
    ITIN_ITEM_MEETING, /* a B2B meeting of a matchmaking session */
} itin_item_kind;

#define ITIN_NO_PLACE ((size_t)-1)

/* One resolved item. Times are absolute (seconds since the epoch, UTC); the
 * zones say how to show them: start in `tz_start`, end in `tz_end` (they
 * differ for a flight or a transfer between zones). */
typedef struct itin_item {
    /* (Fields are grouped by size, so that the struct has no padding: an
     * itinerary holds one per visit, leg, transfer and lodging night. What
     * only one kind of item has shares its room with what only another kind
     * has: read it only for that kind.) */
    const char *id; /* visit or leg id; "transfer:A:B"; lodging id */
    const char *title;
    int64_t start, end;
    const char *tz_start, *tz_end;
    size_t place;        /* visit, lodging: the institution */
    size_t from, to;     /* travel, transfer: institutions */
    const uint64_t *who; /* attendees (plan->who_words words) */
    union {              /* what the item is made from, by kind */
        const itin_visit *visit;
        const itin_leg *leg;
        const itin_lodging *lodging;
        const itin_session *session; /* meeting: its session */
    };
    union {
        struct {                             /* transfer: */
            const char *from_item, *to_item; /* the ids of the items it joins,
                                                "hotel:<id>@<date>" for a hotel end */
            double distance_km;              /* great-circle distance to 0.1 km, 0 when unknown */
        };
        size_t companies[2]; /* meeting: the delegation company, then the host */
    };
    itin_pos pos; /* where it came from (transfers: the later item) */
    itin_item_kind kind;
    itin_date date; /* the day it belongs to (local date of its start) */
    itin_date local_start_date, local_end_date;
    int local_start, local_end;   /* minutes since local midnight */
    int offset_start, offset_end; /* UTC offsets in seconds */
    itin_status status;
    itin_mode mode; /* travel, transfer */
    union {
        int minutes; /* transfer: its duration */
        struct {
            int checkin;   /* travel: minutes to be there before departure */
            int exit_time; /* travel: minutes from arrival until one can move on */
        };
        struct {
            int table; /* meeting: from 1 */
            int slot;  /* meeting: from 1 */
        };
    };
    bool everyone;    /* every participant attends */
    bool estimated;   /* transfer: estimated (true) or from travel_times */
    bool fixed;       /* visit: had a start in the file */
    bool all_day;     /* lodging: start and end are local midnights */
    bool interpreted; /* meeting: the companies share no language */
} itin_item;

typedef struct itin_day {
    itin_date date;
    int number;    /* 1 = delegation start; 0 or less before it */
    size_t *items; /* indices into itinerary->items, in time order */
    size_t n_items;
} itin_day;

/* A requested pair that does not meet, and why. */
typedef struct itin_unmet {
    size_t companies[2]; /* the delegation company, then the host */
    int weight;
    const char *reason; /* "counterpart booked out", "members busy with visit 'x'", ... */
} itin_unmet;

/* How one matchmaking session was solved. */
typedef struct itin_match {
    const itin_session *session;
    size_t *meetings; /* item indices, by slot then table */
    size_t n_meetings;
    itin_unmet *unmet;
    size_t n_unmet;
    long weight, bound; /* the weight placed and the proven upper bound */
    long requested;     /* the weight of every pair asked for */
    long greedy;        /* what the greedy baseline places */
    bool optimal;
    double seconds;
} itin_match;

typedef struct itin_itinerary {
    const itin_plan *plan;
    itin_item *items;
    size_t n_items;
    itin_day *days;
    size_t n_days;
    itin_match *matches; /* one per session of plan->sessions */
    size_t n_matches;
} itin_itinerary;

/* Resolve dates, zones and transfers, place flexible visits, and check every
 * rule. Diagnostics go to `d`: errors (input that cannot be scheduled),
 * conflicts and warnings. Returns the itinerary, or NULL on errors; it lives in
 * the plan's arena and is freed with the plan. */
itin_itinerary *itin_schedule(itin_plan *plan, itin_diags *d);

/* How itin_schedule_with works beyond the format's rules. */
typedef struct itin_schedule_options {
    double solve_time; /* seconds for each matchmaking session; 0: 30 */
    bool greedy;       /* matchmaking by the greedy baseline, not the solver */
} itin_schedule_options;
itin_itinerary *itin_schedule_with(itin_plan *plan, const itin_schedule_options *opt, itin_diags *d);

/* The items of one company (plan->companies index): its meetings, and for a
 * delegation company everything its members attend; a view in the plan's
 * arena like itin_itinerary_filter's. */
itin_itinerary *itin_itinerary_filter_company(const itin_itinerary *it, size_t company, bool transfers);

/* The items that concern anyone in `mask` (plan->who_words words; NULL for
 * everyone), optionally without transfers: a view sharing the items, in the
 * plan's arena. */
itin_itinerary *itin_itinerary_filter(const itin_itinerary *it, const uint64_t *mask, bool transfers);

/* Transfer time in minutes between two institutions by `mode` under the
 * format's rules (travel_times first, then the estimate); -1 with a message in
 * err when it cannot be estimated. *distance_km gets the great-circle distance
 * (0 when unknown); *estimated whether the estimate was used. */
int itin_transfer_minutes(const itin_plan *plan, size_t from, size_t to, itin_mode mode, double *distance_km,
                          bool *estimated, char *err, size_t errlen);

/* ------------------------------------------------------------- exporters */

/* The paper a PDF is set on. */
typedef enum itin_paper {
    ITIN_PAPER_A4 = 0, /* 210 × 297 mm */
    ITIN_PAPER_LETTER, /* 8.5 × 11 in */
} itin_paper;

/* How an itinerary is rendered. Zero-initialised means: the delegation's
 * language, 80 columns, for everyone, a PUBLISH calendar stamped now, A4. */
typedef struct itin_render_options {
    const char *lang;     /* one of ITIN_LANGUAGES, or two for a bilingual agenda ("de,ko"); NULL: the
                             delegation's */
    int width;            /* text: columns; 0: 80 */
    const uint64_t *mask; /* whose itinerary (plan->who_words words); NULL: everyone */
    const char *audience; /* the participant's or group's name for titles; NULL */
    bool invite;          /* ics: METHOD:REQUEST with ORGANIZER and ATTENDEEs */
    bool has_dtstamp;     /* ics: use `dtstamp` (e.g. from SOURCE_DATE_EPOCH) */
    int64_t dtstamp;      /* seconds since the epoch */
    itin_paper paper;     /* pdf: the paper size */
} itin_render_options;

/* Each exporter writes one itinerary to `out` and returns 0, or -1 when
 * writing failed (errno tells why). They only render what the scheduler
 * decided; the itinerary given is already filtered to its audience. */
int itin_export_json(const itin_itinerary *it, const itin_diags *d, FILE *out);

/* RFC 5545 iCalendar, built and serialised with libical. */
int itin_export_ics(const itin_itinerary *it, const itin_render_options *opt, FILE *out);

/* The printed agenda: plain text wrapped to opt->width display columns. */
int itin_export_text(const itin_itinerary *it, const itin_render_options *opt, FILE *out);

/* The same agenda as CommonMark. */
int itin_export_markdown(const itin_itinerary *it, const itin_render_options *opt, FILE *out);

/* The printed agenda as a PDF booklet, typeset with cairo and pango: a
 * title block, a page per day with its day chart, entries with a QR code of
 * each visit's place, a contact sheet at the end; fonts embedded as subsets.
 * With opt->has_dtstamp the document's dates are that time, and the same
 * input gives the same bytes. */
int itin_export_pdf(const itin_itinerary *it, const itin_render_options *opt, FILE *out);

/* The transport sheet: per day every transfer (times, places, mode, head
 * count, names) and the road vehicles needed at once; always for the whole
 * itinerary given (opt->mask is not used). */
typedef enum itin_transport_style {
    ITIN_TRANSPORT_TEXT = 0,
    ITIN_TRANSPORT_MARKDOWN,
    ITIN_TRANSPORT_CSV, /* RFC 4180: a header, one record a transfer, CRLF */
} itin_transport_style;
int itin_export_transport(const itin_itinerary *it, const itin_render_options *opt,
                          itin_transport_style style, FILE *out);

/* The matchmaking sheet: each session's grid (slots × tables), the
 * requests not met with their reasons, and the objective, bound and gap. */
typedef enum itin_match_style {
    ITIN_MATCH_TEXT = 0,
    ITIN_MATCH_MARKDOWN,
    ITIN_MATCH_JSON,
} itin_match_style;
int itin_export_matchmaking(const itin_itinerary *it, itin_match_style style, FILE *out);

/* ------------------------------------------------------------- revisions */

/* What changed about one item from an old revision of a plan to a new one
 * (docs/format.md §19). Every change concerns someone: an item nobody
 * attends in both revisions has no moves, a cancelled one no edits. */
typedef enum itin_change_kind {
    ITIN_CHANGE_ADDED = 0,  /* in the new itinerary only */
    ITIN_CHANGE_REMOVED,    /* in the old itinerary only */
    ITIN_CHANGE_CANCELLED,  /* a visit whose status became cancelled */
    ITIN_CHANGE_REINSTATED, /* a cancelled visit that takes place again */
    ITIN_CHANGE_MOVED,      /* its start or end, or their zones */
    ITIN_CHANGE_PLACE,      /* its place (legs, transfers: from or to), or that place's name or address */
    ITIN_CHANGE_TITLE,
    ITIN_CHANGE_ATTENDEES, /* who joins, who leaves */
    ITIN_CHANGE_BOOKING,   /* a leg's `ref` */
    ITIN_CHANGE_STATUS,    /* tentative and confirmed */
    ITIN_CHANGE_MODE,      /* a leg's or a transfer's mode */
    ITIN_CHANGE_DETAILS,   /* topics, host, description */
    ITIN_CHANGE_LODGING,   /* where someone sleeps, for a run of nights */
    ITIN_CHANGE__COUNT
} itin_change_kind;

/* The details of ITIN_CHANGE_DETAILS, as bits. */
enum { ITIN_DETAIL_TOPICS = 1, ITIN_DETAIL_HOST = 2, ITIN_DETAIL_DESCRIPTION = 4 };

/* Who masks of a diff are over its people (diff->words words). */
typedef struct itin_change {
    itin_change_kind kind;
    itin_item_kind item_kind;
    const char *id;                    /* the item's id (lodging: the new entry's, else the old one's) */
    const itin_item *before, *after;   /* the item in the old and the new itinerary, NULL where it is not */
    const uint64_t *who;               /* whom it concerns */
    const uint64_t *joining, *leaving; /* ATTENDEES: who joins, who leaves */
    unsigned details;                  /* DETAILS: ITIN_DETAIL_* */
    itin_date night_first, night_last; /* LODGING: the nights, both included */
    itin_date date;                    /* the day it is listed under */
    int64_t when;                      /* the instant it is ordered by */
} itin_change;

/* The changes from one itinerary to another, ordered by time. */
typedef struct itin_diff {
    const itin_itinerary *before, *after;
    /* The people of both revisions, matched by id: the new plan's
     * participants in their order, then those only the old one has. */
    size_t n_people;
    const itin_participant **people; /* as the new plan has them, else the old one */
    size_t *old_index, *new_index;   /* each person's index in each plan, or (size_t)-1 */
    size_t words;                    /* words in each of the diff's who masks */
    itin_change *changes;
    size_t n_changes;
    itin_arena *arena;           /* owns everything above */
    struct itin_diff_index *idx; /* the library's: items by kind and id */
} itin_diff;

/* Compare two scheduled itineraries: items matched by kind and id (a
 * transfer's id names the two items it joins), lodging night by night.
 * A warning goes to `d` when the plans differ but the new revision is not
 * greater than the old one. The caller frees the diff with itin_diff_free();
 * it points into both itineraries, which must outlive it. */
itin_diff *itin_diff_new(const itin_itinerary *before, const itin_itinerary *after, itin_diags *d);
void itin_diff_free(itin_diff *diff);

/* The people a participant's id (in either revision) or a group's id (the
 * new plan's, else the old one's) names, into `mask` (diff->words words),
 * and its name into *name; 0, or -1 when no such participant or group. */
int itin_diff_audience(const itin_diff *diff, const char *participant, const char *group, uint64_t *mask,
                       const char **name);

/* Whether a change concerns anyone in `mask` (NULL: everyone). */
bool itin_change_concerns(const itin_diff *diff, const itin_change *c, const uint64_t *mask);

/* How a change notice is rendered; zero-initialised: every change, in the
 * new delegation's language, 80 columns, a calendar stamped now. */
typedef struct itin_diff_options {
    const char *lang;                /* "en", "de" or "ko"; NULL: the new delegation's */
    int width;                       /* text: columns; 0: 80 */
    const uint64_t *mask;            /* only what concerns these people (diff->words words); NULL: all */
    const char *audience;            /* their name, for the heading */
    bool personal;                   /* one participant: "your visit" rather than "the visit" */
    const char *old_file, *new_file; /* JSON: the files compared, as named */
    bool invite;                     /* ics: METHOD:REQUEST (see itin_export_diff_ics) */
    bool has_dtstamp;                /* ics: use `dtstamp` */
    int64_t dtstamp;
    /* ics: the language the old calendar was written in, when not `lang`
     * (a participant whose `language` changed); NULL: `lang` */
    const char *lang_before;
} itin_diff_options;

/* The number of changes that concern anyone in opt->mask. */
size_t itin_diff_count(const itin_diff *diff, const uint64_t *mask);

/* A change notice: a heading with both revisions and a summary, then the
 * changes day by day, as text wrapped to opt->width, as CommonMark, or as
 * JSON (one object per change: kind, item, old and new values). 0, or -1
 * with errno when writing failed. */
int itin_export_diff_text(const itin_diff *diff, const itin_diff_options *opt, FILE *out);
int itin_export_diff_markdown(const itin_diff *diff, const itin_diff_options *opt, FILE *out);
int itin_export_diff_json(const itin_diff *diff, const itin_diff_options *opt, FILE *out);

/* The calendar that, imported over the old revision's calendar for the same
 * people, leaves the new one's: METHOD:PUBLISH with every event that is new
 * or differs, at a SEQUENCE above both revisions', and every event that is
 * gone as STATUS:CANCELLED under its UID. 0, or -1 with errno. */
int itin_export_diff_ics(const itin_diff *diff, const itin_diff_options *opt, FILE *out);
/* How many events that calendar holds (0: the old calendar needs no
 * update), or -1 with errno. A calendar may need an update when no change
 * concerns its people: an event of theirs names who else attends it. */
long itin_diff_ics_count(const itin_diff *diff, const itin_diff_options *opt);

/* ------------------------------------------------ invitations by e-mail */

/* Outlook and KMail's invitation viewer take only the first event of a
 * METHOD:REQUEST (KCalendarCore's parseScheduleMessage returns one
 * incidence), so invitations to be mailed (iMIP, RFC 6047) are single-event
 * iTIP messages (RFC 5546), one file each. */
typedef struct itin_message {
    char *name; /* a file name, no directory */
    char *text; /* the calendar */
    size_t len;
} itin_message;

typedef struct itin_messages {
    itin_message *items;
    size_t n, cap;
} itin_messages;

/* One METHOD:REQUEST message per event of the invitation of `it` (as
 * itin_export_ics with opt->invite writes it, in one file), named after the
 * event's UID: "<kind>.<id>.ics". 0, or -1 with errno (EINVAL: no organizer
 * e-mail). The caller frees `out` with itin_messages_free(). */
int itin_export_invitations(const itin_itinerary *it, const itin_render_options *opt, itin_messages *out);

/* For each participant with an e-mail address whom opt->mask names (NULL:
 * everyone), the messages that take their invitations from the old revision
 * to the new one: a REQUEST per event added or changed for them
 * ("<participant id>.<kind>.<id>.request.ics"), a CANCEL per event they no
 * longer have ("….cancel.ics", with them as its ATTENDEE), at the SEQUENCE
 * of itin_export_diff_ics. Without opt->lang, each participant's messages
 * are in their own language, over an old invitation in the one they had
 * then. 0, or -1 with errno. */
int itin_export_diff_invitations(const itin_diff *diff, const itin_diff_options *opt, itin_messages *out);

void itin_messages_free(itin_messages *m);

/* ----------------------------------------------------------- small helpers */

/* "long-day", "tight-transfer", …: a warning's stable name. */
const char *itin_warning_name(itin_warning w);
/* "walk", "car", … ; "" for ITIN_MODE_NONE. */
const char *itin_mode_name(itin_mode m);
/* The agenda languages' BCP 47 codes, for messages. */
#define ITIN_LANGUAGES "en, de, ko, vi, ja, zh-Hans, zh-Hant, fr, es, pl or cs"
/* Whether `code` is one of them, spelt exactly so ("zh-Hant", not "zh-TW"). */
bool itin_language_known(const char *code);
/* Write a date as YYYY-MM-DD into buf (at least 11 bytes); returns buf. */
char *itin_date_format(itin_date d, char *buf);
/* 0 = Monday … 6 = Sunday. */
int itin_date_weekday(itin_date d);
/* Terminal display columns of UTF-8 text (wide characters count two). */
size_t itin_text_width(const char *s, size_t len);
/* Write minutes as "1h35m", "45m", "2h" into buf (at least 16 bytes). */
char *itin_duration_format(int minutes, char *buf);

#ifdef __cplusplus
}
#endif
#endif
