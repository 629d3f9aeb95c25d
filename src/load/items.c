/* items: visits (§8 of docs/format.md), travel legs (§9), lodging (§10),
 * travel_times (§11) and holidays (§12). */
#include <string.h>

#include "load.h"

static bool
define_item(loader *L, itin_strmap *m, const char *kind, const char *id, size_t idx, itin_pos pos,
            itin_pos (*pos_of_idx)(const loader *, size_t))
{
    size_t old;
    if (!itin_strmap_put(m, id, idx, &old)) {
        itin_pos o = pos_of_idx(L, old);
        load_error(L, pos, "duplicate %s id '%s' (first defined at %s:%d:%d)", kind, id, o.file, o.line,
                   o.col);
        return false;
    }
    return true;
}

static itin_pos
visit_pos(const loader *L, size_t i)
{
    return L->plan->visits[i].pos;
}

static itin_pos
leg_pos(const loader *L, size_t i)
{
    return L->plan->legs[i].pos;
}

static itin_pos
lodging_pos(const loader *L, size_t i)
{
    return L->plan->lodgings[i].pos;
}

/* Whether a date of a leg or lodging is within MAX_DAYS_AROUND of the
 * delegation's dates; reports it when not. */
static bool
near_trip(loader *L, const itin_delegation *D, itin_date d, itin_pos pos, const char *what)
{
    if (d >= D->start - MAX_DAYS_AROUND && d <= D->end + MAX_DAYS_AROUND)
        return true;
    char a[16], b[16], c[16];
    load_error(L, pos, "%s on %s, more than %d days away from the delegation (%s to %s)", what,
               itin_date_format(d, a), MAX_DAYS_AROUND, itin_date_format(D->start, b),
               itin_date_format(D->end, c));
    return false;
}

/* ---------------------------------------------------------------- keys */

enum visit_key {
    VISIT_ID,
    VISIT_TITLE,
    VISIT_AT,
    VISIT_DATE,
    VISIT_DAY,
    VISIT_START,
    VISIT_DURATION,
    VISIT_END,
    VISIT_WITH,
    VISIT_TRAVEL,
    VISIT_STATUS,
    VISIT_TOPICS,
    VISIT_HOST,
    VISIT_DESCRIPTION,
    VISIT_BY_ARRANGEMENT,
    VISIT_ACCEPT,
    VISIT_KEY_COUNT
};
static const char *const VISIT_KEYS[VISIT_KEY_COUNT] = {
    [VISIT_ID] = "id",
    [VISIT_TITLE] = "title",
    [VISIT_AT] = "at",
    [VISIT_DATE] = "date",
    [VISIT_DAY] = "day",
    [VISIT_START] = "start",
    [VISIT_DURATION] = "duration",
    [VISIT_END] = "end",
    [VISIT_WITH] = "with",
    [VISIT_TRAVEL] = "travel",
    [VISIT_STATUS] = "status",
    [VISIT_TOPICS] = "topics",
    [VISIT_HOST] = "host",
    [VISIT_DESCRIPTION] = "description",
    [VISIT_BY_ARRANGEMENT] = "by_arrangement",
    [VISIT_ACCEPT] = "accept",
};

enum leg_key {
    LEG_ID,
    LEG_MODE,
    LEG_FROM,
    LEG_TO,
    LEG_DEPART,
    LEG_ARRIVE,
    LEG_DURATION,
    LEG_REF,
    LEG_WITH,
    LEG_TITLE,
    LEG_DESCRIPTION,
    LEG_CHECKIN,
    LEG_EXIT,
    LEG_ACCEPT,
    LEG_KEY_COUNT
};
static const char *const LEG_KEYS[LEG_KEY_COUNT] = {
    [LEG_ID] = "id",
    [LEG_MODE] = "mode",
    [LEG_FROM] = "from",
    [LEG_TO] = "to",
    [LEG_DEPART] = "depart",
    [LEG_ARRIVE] = "arrive",
    [LEG_DURATION] = "duration",
    [LEG_REF] = "ref",
    [LEG_WITH] = "with",
    [LEG_TITLE] = "title",
    [LEG_DESCRIPTION] = "description",
    [LEG_CHECKIN] = "checkin",
    [LEG_EXIT] = "exit",
    [LEG_ACCEPT] = "accept",
};

enum lodging_key { LODGING_ID, LODGING_AT, LODGING_FROM, LODGING_TO, LODGING_WITH, LODGING_KEY_COUNT };
static const char *const LODGING_KEYS[LODGING_KEY_COUNT] = {
    [LODGING_ID] = "id", [LODGING_AT] = "at",     [LODGING_FROM] = "from",
    [LODGING_TO] = "to", [LODGING_WITH] = "with",
};

enum travel_time_key {
    TRAVEL_TIME_FROM,
    TRAVEL_TIME_TO,
    TRAVEL_TIME_MODE,
    TRAVEL_TIME_TIME,
    TRAVEL_TIME_KEY_COUNT
};
static const char *const TRAVEL_TIME_KEYS[TRAVEL_TIME_KEY_COUNT] = {
    [TRAVEL_TIME_FROM] = "from",
    [TRAVEL_TIME_TO] = "to",
    [TRAVEL_TIME_MODE] = "mode",
    [TRAVEL_TIME_TIME] = "time",
};

enum holiday_key {
    HOLIDAY_DATE,
    HOLIDAY_NAME,
    HOLIDAY_EN,
    HOLIDAY_LOCAL,
    HOLIDAY_REGION,
    HOLIDAY_COUNTRY,
    HOLIDAY_WORKDAY,
    HOLIDAY_ESTIMATED,
    HOLIDAY_KEY_COUNT
};
static const char *const HOLIDAY_KEYS[HOLIDAY_KEY_COUNT] = {
    [HOLIDAY_DATE] = "date",       [HOLIDAY_NAME] = "name",           [HOLIDAY_EN] = "en",
    [HOLIDAY_LOCAL] = "local",     [HOLIDAY_REGION] = "region",       [HOLIDAY_COUNTRY] = "country",
    [HOLIDAY_WORKDAY] = "workday", [HOLIDAY_ESTIMATED] = "estimated",
};

_Static_assert(VISIT_KEY_COUNT <= MAX_KEYS, "MAX_KEYS is too small");

const load_key_table load_item_key_tables[] = {
    {"visit", VISIT_KEYS, VISIT_KEY_COUNT},       {"travel leg", LEG_KEYS, LEG_KEY_COUNT},
    {"lodging", LODGING_KEYS, LODGING_KEY_COUNT}, {"travel time", TRAVEL_TIME_KEYS, TRAVEL_TIME_KEY_COUNT},
    {"holiday", HOLIDAY_KEYS, HOLIDAY_KEY_COUNT}, {NULL, NULL, 0},
};

/* --------------------------------------------------------------- visits */

/* id, title and place ('at'); false when one is missing or wrong. */
static bool
visit_identity(loader *L, itin_visit *vis, const ynode *n, ynode **v)
{
    const char *what = "a visit";
    bool ok = true;
    if (!v[VISIT_ID] || !load_get_id(L, v[VISIT_ID], "a visit's id", &vis->id)) {
        if (!v[VISIT_ID])
            load_missing(L, n, "id", what);
        ok = false;
    }
    if (v[VISIT_TITLE])
        vis->title = load_user_text(L, v[VISIT_TITLE], "a visit's title");
    else
        load_missing(L, n, "title", what);
    if (!vis->title)
        ok = false;
    if (v[VISIT_AT]) {
        vis->at_pos = pos_of(v[VISIT_AT]);
        ok &= load_get_place(L, v[VISIT_AT], "a visit's place ('at')", &vis->at);
    } else {
        load_missing(L, n, "at", what);
        ok = false;
    }
    return ok;
}

/* `date`: a date within the delegation. */
static bool
visit_date(loader *L, itin_visit *vis, const ynode *dn)
{
    const itin_delegation *D = &L->plan->delegation;
    vis->date_pos = pos_of(dn);
    if (!load_get_date(L, dn, "a visit's date", &vis->date))
        return false;
    if (!L->dates_ok)
        return false; /* the delegation's dates were reported already */
    if (vis->date < D->start || vis->date > D->end) {
        char a[16], b[16], c[16];
        load_error(L, vis->date_pos, "date %s is outside the delegation (%s to %s)",
                   itin_date_format(vis->date, a), itin_date_format(D->start, b),
                   itin_date_format(D->end, c));
        return false;
    }
    return true;
}

/* `day`: the delegation's day number, from 1. */
static bool
visit_day(loader *L, itin_visit *vis, const ynode *dn)
{
    const itin_delegation *D = &L->plan->delegation;
    vis->date_pos = pos_of(dn);
    const char *s = load_peek(L, dn, "a visit's day");
    long day;
    char e[256];
    long ndays = (long)D->end - D->start + 1;
    if (!s)
        return false;
    if (itin_parse_uint(s, 100000, &day, e, sizeof e) != 0) {
        load_error(L, vis->date_pos, "day: %s", e);
        return false;
    }
    if (!L->dates_ok)
        return false; /* the delegation's dates were reported already */
    if (day < 1 || day > ndays) {
        load_error(L, vis->date_pos, "day %ld is outside the delegation (days 1 to %ld)", day, ndays);
        return false;
    }
    vis->date = D->start + (itin_date)(day - 1);
    return true;
}

static bool
visit_when(loader *L, itin_visit *vis, const ynode *n, ynode **v)
{
    if (v[VISIT_DATE] && v[VISIT_DAY]) {
        load_error(L, pos_of(v[VISIT_DAY]), "a visit has either 'date' or 'day', not both");
        return false;
    }
    if (v[VISIT_DATE])
        return visit_date(L, vis, v[VISIT_DATE]);
    if (v[VISIT_DAY])
        return visit_day(L, vis, v[VISIT_DAY]);
    load_missing(L, n, "date", "a visit");
    return false;
}

/* `end` instead of a duration: after the start, on the same day. */
static bool
visit_end(loader *L, itin_visit *vis, ynode **v)
{
    int end;
    if (!v[VISIT_START]) {
        load_error(L, pos_of(v[VISIT_END]),
                   "'end' needs a 'start'; a visit without a start takes a 'duration'");
        return false;
    }
    if (!load_get_time(L, v[VISIT_END], "a visit's end", true, &end, &vis->end_offset))
        return false;
    vis->has_end = true, vis->end = end, vis->end_pos = pos_of(v[VISIT_END]);
    bool ok = true;
    if (vis->has_start && end <= vis->start) {
        load_error(L, pos_of(v[VISIT_END]), "a visit must end after it starts (%s is not after %s)",
                   v[VISIT_END]->str, v[VISIT_START]->str);
        ok = false;
    }
    vis->duration = end - vis->start;
    return ok;
}

/* start, and duration or end. `ok` says whether all before was right. */
static bool
visit_times(loader *L, itin_visit *vis, const ynode *n, ynode **v, bool ok)
{
    if (v[VISIT_START]) {
        vis->start_pos = pos_of(v[VISIT_START]);
        vis->has_start =
            load_get_time(L, v[VISIT_START], "a visit's start", false, &vis->start, &vis->start_offset);
        ok &= vis->has_start;
    }
    if (v[VISIT_DURATION] && v[VISIT_END]) {
        load_error(L, pos_of(v[VISIT_END]), "a visit has either 'duration' or 'end', not both");
        return false;
    }
    if (v[VISIT_DURATION]) {
        ok &= load_get_duration(L, v[VISIT_DURATION], "a visit's duration", true, &vis->duration);
        if (ok && vis->duration > 24 * 60) {
            load_error(L, pos_of(v[VISIT_DURATION]), "a visit lasts at most 24h");
            ok = false;
        }
        return ok;
    }
    if (v[VISIT_END])
        return visit_end(L, vis, v) && ok;
    load_missing(L, n, "duration", "a visit");
    return false;
}

static bool
visit_status(loader *L, itin_visit *vis, const ynode *sn)
{
    const char *s = load_peek(L, sn, "status");
    if (!s)
        return false;
    if (strcmp(s, "confirmed") == 0)
        vis->status = ITIN_CONFIRMED;
    else if (strcmp(s, "tentative") == 0)
        vis->status = ITIN_TENTATIVE;
    else if (strcmp(s, "cancelled") == 0 || strcmp(s, "canceled") == 0)
        vis->status = ITIN_CANCELLED;
    else {
        load_error(L, pos_of(sn), "unknown status %s (expected confirmed, tentative or cancelled)",
                   QUOTED(L, sn));
        return false;
    }
    return true;
}

/* Into its held slot when it waited, else at the end of the list. */
static void
store_visit(loader *L, const itin_visit *vis, const ynode *id)
{
    itin_plan *P = L->plan;
    size_t at = L->slot != NO_SLOT ? L->slot : P->n_visits;
    if (!define_item(L, &L->visit_ids, "visit", vis->id, at, pos_of(id), visit_pos))
        return;
    if (L->slot != NO_SLOT)
        P->visits[at] = *vis;
    else
        *ITIN_PUSH(L->plan_arena, P->visits, P->n_visits, L->cap_visits) = *vis;
}

void
load_walk_visit(loader *L, const ynode *n)
{
    ynode *v[VISIT_KEY_COUNT];
    if (!load_fields(L, n, "a visit", VISIT_KEYS, VISIT_KEY_COUNT, v))
        return;
    itin_visit vis = {0};
    vis.pos = pos_of(n);
    vis.travel = ITIN_MODE_NONE; /* the delegation's, walking when close */
    bool ok = visit_identity(L, &vis, n, v);
    ok &= visit_when(L, &vis, n, v);
    ok = visit_times(L, &vis, n, v, ok);
    load_get_who(L, v[VISIT_WITH], &vis.who);
    if (v[VISIT_TRAVEL])
        ok &= load_get_mode(L, v[VISIT_TRAVEL], "a visit's travel mode", &vis.travel);
    if (v[VISIT_STATUS])
        ok &= visit_status(L, &vis, v[VISIT_STATUS]);
    vis.n_topics = load_get_user_text_list(L, v[VISIT_TOPICS], "a topic", &vis.topics);
    vis.host = load_opt_user_text(L, v[VISIT_HOST], "host");
    vis.description = load_opt_user_text(L, v[VISIT_DESCRIPTION], "description");
    if (v[VISIT_BY_ARRANGEMENT])
        ok &= load_get_bool(L, v[VISIT_BY_ARRANGEMENT], "by_arrangement", &vis.by_arrangement);
    if (v[VISIT_ACCEPT])
        load_get_accept(L, v[VISIT_ACCEPT], &vis.accept);
    if (ok && vis.id)
        store_visit(L, &vis, v[VISIT_ID]);
}

/* ----------------------------------------------------------- travel legs */

/* id, mode, from and to; false when one is missing or wrong. */
static bool
leg_route(loader *L, itin_leg *leg, const ynode *n, ynode **v)
{
    const char *what = "a travel leg";
    bool ok = true;
    if (!v[LEG_ID] || !load_get_id(L, v[LEG_ID], "a travel leg's id", &leg->id)) {
        if (!v[LEG_ID])
            load_missing(L, n, "id", what);
        ok = false;
    }
    if (v[LEG_MODE])
        ok &= load_get_mode(L, v[LEG_MODE], "a travel leg's mode", &leg->mode);
    else {
        load_missing(L, n, "mode", what);
        ok = false;
    }
    if (v[LEG_FROM])
        ok &= load_get_place(L, v[LEG_FROM], "a travel leg's 'from'", &leg->from);
    else {
        load_missing(L, n, "from", what);
        ok = false;
    }
    if (v[LEG_TO])
        ok &= load_get_place(L, v[LEG_TO], "a travel leg's 'to'", &leg->to);
    else {
        load_missing(L, n, "to", what);
        ok = false;
    }
    if (ok && leg->from == leg->to) {
        load_error(L, pos_of(v[LEG_TO]), "a travel leg goes from '%s' to the same place", v[LEG_FROM]->str);
        ok = false;
    }
    return ok;
}

/* depart, and arrive or duration. */
static bool
leg_times(loader *L, itin_leg *leg, const ynode *n, ynode **v)
{
    bool ok = true;
    if (v[LEG_DEPART]) {
        leg->depart_pos = pos_of(v[LEG_DEPART]);
        ok &= load_get_datetime(L, v[LEG_DEPART], "a travel leg's departure", &leg->dep_date, &leg->dep_time,
                                &leg->dep_offset);
    } else {
        load_missing(L, n, "depart", "a travel leg");
        ok = false;
    }
    if (v[LEG_ARRIVE] && v[LEG_DURATION]) {
        load_error(L, pos_of(v[LEG_DURATION]), "a travel leg has either 'arrive' or 'duration', not both");
        ok = false;
    } else if (v[LEG_ARRIVE]) {
        leg->arrive_pos = pos_of(v[LEG_ARRIVE]);
        leg->has_arrive = true;
        ok &= load_get_datetime(L, v[LEG_ARRIVE], "a travel leg's arrival", &leg->arr_date, &leg->arr_time,
                                &leg->arr_offset);
    } else if (v[LEG_DURATION]) {
        leg->arrive_pos = pos_of(v[LEG_DURATION]);
        ok &= load_get_duration(L, v[LEG_DURATION], "a travel leg's duration", true, &leg->duration);
    } else {
        load_missing(L, n, "arrive", "a travel leg");
        ok = false;
    }
    return ok;
}

/* Legs and lodging may lie a little outside the delegation's dates (the
 * flight out, the night before), not in another year: the itinerary has a
 * day for every date it spans. A leg lasts at most MAX_LEG_MINUTES. */
static bool
leg_within_limits(loader *L, const itin_leg *leg)
{
    if (L->dates_ok) {
        const itin_delegation *D = &L->plan->delegation;
        if (!near_trip(L, D, leg->dep_date, leg->depart_pos, "the travel leg departs") ||
            (leg->has_arrive && !near_trip(L, D, leg->arr_date, leg->arrive_pos, "the travel leg arrives")))
            return false;
    }
    if ((leg->has_arrive && leg->arr_date - leg->dep_date > MAX_LEG_MINUTES / 1440) ||
        (!leg->has_arrive && leg->duration > MAX_LEG_MINUTES)) {
        load_error(L, leg->arrive_pos, "a travel leg lasts at most %d days", MAX_LEG_MINUTES / 1440);
        return false;
    }
    return true;
}

/* The format's default, "<mode> <from> → <to>"; agendas and calendars say it
 * again in their own language (itin_leg_title). */
static void
leg_default_title(loader *L, itin_leg *leg)
{
    const itin_plan *P = L->plan;
    const itin_institution *f = &P->institutions[leg->from], *t = &P->institutions[leg->to];
    leg->title_default = true;
    leg->title =
        itin_arena_printf(L->plan_arena, "%s %s \u2192 %s", itin_mode_name(leg->mode),
                          f->short_name ? f->short_name : f->name, t->short_name ? t->short_name : t->name);
}

static void
store_leg(loader *L, const itin_leg *leg, const ynode *id)
{
    itin_plan *P = L->plan;
    size_t at = L->slot != NO_SLOT ? L->slot : P->n_legs;
    if (!define_item(L, &L->leg_ids, "travel leg", leg->id, at, pos_of(id), leg_pos))
        return;
    if (L->slot != NO_SLOT)
        P->legs[at] = *leg;
    else
        *ITIN_PUSH(L->plan_arena, P->legs, P->n_legs, L->cap_legs) = *leg;
}

void
load_walk_leg(loader *L, const ynode *n)
{
    ynode *v[LEG_KEY_COUNT];
    if (!load_fields(L, n, "a travel leg", LEG_KEYS, LEG_KEY_COUNT, v))
        return;
    itin_leg leg = {0};
    leg.pos = pos_of(n);
    bool ok = leg_route(L, &leg, n, v);
    ok &= leg_times(L, &leg, n, v);
    ok = ok && leg_within_limits(L, &leg);
    leg.ref = load_opt_text(L, v[LEG_REF], "ref");
    load_get_who(L, v[LEG_WITH], &leg.who);
    leg.title = load_opt_user_text(L, v[LEG_TITLE], "a travel leg's title");
    leg.description = load_opt_user_text(L, v[LEG_DESCRIPTION], "a travel leg's description");
    leg.checkin = leg.exit_time = -1;
    if (v[LEG_CHECKIN])
        ok &= load_get_duration(L, v[LEG_CHECKIN], "a travel leg's check-in time", false, &leg.checkin);
    if (v[LEG_EXIT])
        ok &= load_get_duration(L, v[LEG_EXIT], "a travel leg's exit time", false, &leg.exit_time);
    if (v[LEG_ACCEPT])
        load_get_accept(L, v[LEG_ACCEPT], &leg.accept);
    if (!ok || !leg.id)
        return;
    if (!leg.title)
        leg_default_title(L, &leg);
    store_leg(L, &leg, v[LEG_ID]);
}

/* --------------------------------------------- lodging, travel times, holidays */

void
load_walk_lodging(loader *L, const ynode *n)
{
    ynode *v[LODGING_KEY_COUNT];
    itin_plan *P = L->plan;
    const char *what = "a lodging";
    if (!load_fields(L, n, what, LODGING_KEYS, LODGING_KEY_COUNT, v))
        return;
    itin_lodging lo = {0};
    bool ok = true;
    lo.pos = pos_of(n);
    if (v[LODGING_ID])
        ok &= load_get_id(L, v[LODGING_ID], "a lodging's id", &lo.id);
    if (v[LODGING_AT])
        ok &= load_get_place(L, v[LODGING_AT], "a lodging's place ('at')", &lo.at);
    else {
        load_missing(L, n, "at", what);
        ok = false;
    }
    bool hf = false, ht = false;
    if (v[LODGING_FROM])
        ok &= hf = load_get_date(L, v[LODGING_FROM], "a lodging's first night ('from')", &lo.from);
    else {
        load_missing(L, n, "from", what);
        ok = false;
    }
    if (v[LODGING_TO])
        ok &= ht = load_get_date(L, v[LODGING_TO], "a lodging's departure date ('to')", &lo.to);
    else {
        load_missing(L, n, "to", what);
        ok = false;
    }
    if (hf && ht && lo.to <= lo.from) {
        load_error(L, pos_of(v[LODGING_TO]),
                   "a lodging's 'to' (the day of leaving) must be after 'from' (the first night)");
        ok = false;
    } else if (hf && ht && L->dates_ok) {
        ok &= near_trip(L, &P->delegation, lo.from, pos_of(v[LODGING_FROM]), "the lodging begins");
        ok &= near_trip(L, &P->delegation, lo.to, pos_of(v[LODGING_TO]), "the lodging ends");
    }
    load_get_who(L, v[LODGING_WITH], &lo.who);
    if (!ok)
        return;
    if (!lo.id) {
        /* Derived from what the entry says, never from its position, so that
         * calendar UIDs survive reordering: place, first night, and who when
         * that is not everyone. */
        char a[16];
        lo.id = itin_arena_printf(L->plan_arena, "lodging-%s-%s", P->institutions[lo.at].id,
                                  itin_date_format(lo.from, a));
        const ynode *w = v[LODGING_WITH];
        if (!lo.who.everyone && w && w->kind == N_SCALAR)
            lo.id = itin_arena_printf(L->plan_arena, "%s-%s", lo.id, w->str);
        for (size_t i = 0; !lo.who.everyone && w && w->kind == N_SEQ && i < w->n; i++)
            if (w->kids[i]->kind == N_SCALAR)
                lo.id = itin_arena_printf(L->plan_arena, "%s-%s", lo.id, w->kids[i]->str);
    }
    size_t at = L->slot != NO_SLOT ? L->slot : P->n_lodgings;
    if (!define_item(L, &L->lodging_ids, v[LODGING_ID] ? "lodging" : "lodging (give each an 'id')", lo.id, at,
                     v[LODGING_ID] ? pos_of(v[LODGING_ID]) : lo.pos, lodging_pos))
        return;
    if (L->slot != NO_SLOT)
        P->lodgings[at] = lo;
    else
        *ITIN_PUSH(L->plan_arena, P->lodgings, P->n_lodgings, L->cap_lodgings) = lo;
}

void
load_walk_travel_time(loader *L, const ynode *n)
{
    ynode *v[TRAVEL_TIME_KEY_COUNT];
    itin_plan *P = L->plan;
    const char *what = "a travel_times entry";
    if (!load_fields(L, n, what, TRAVEL_TIME_KEYS, TRAVEL_TIME_KEY_COUNT, v))
        return;
    itin_travel_time tt = {0};
    bool ok = true;
    tt.pos = pos_of(n);
    if (v[TRAVEL_TIME_FROM])
        ok &= load_get_place(L, v[TRAVEL_TIME_FROM], "a travel time's 'from'", &tt.from);
    else {
        load_missing(L, n, "from", what);
        ok = false;
    }
    if (v[TRAVEL_TIME_TO])
        ok &= load_get_place(L, v[TRAVEL_TIME_TO], "a travel time's 'to'", &tt.to);
    else {
        load_missing(L, n, "to", what);
        ok = false;
    }
    if (v[TRAVEL_TIME_MODE])
        ok &= load_get_mode(L, v[TRAVEL_TIME_MODE], "a travel time's mode", &tt.mode);
    if (v[TRAVEL_TIME_TIME])
        ok &= load_get_duration(L, v[TRAVEL_TIME_TIME], "a travel time", true, &tt.minutes);
    else {
        load_missing(L, n, "time", what);
        ok = false;
    }
    if (!ok)
        return;
    if (tt.from == tt.to) {
        load_error(L, pos_of(v[TRAVEL_TIME_TO]), "a travel time from '%s' to itself",
                   v[TRAVEL_TIME_FROM]->str);
        return;
    }
    /* The same pair (either direction) and mode twice is ambiguous. */
    size_t lo = tt.from < tt.to ? tt.from : tt.to, hi = tt.from < tt.to ? tt.to : tt.from, first;
    char *key = itin_arena_printf(L->tree_arena, "%zu:%zu:%d", lo, hi, (int)tt.mode);
    if (!itin_strmap_put(&L->tt_keys, key, P->n_travel_times, &first)) {
        const itin_travel_time *o = &P->travel_times[first];
        load_error(L, tt.pos, "a second travel time for '%s' and '%s'%s%s (first at %s:%d:%d)",
                   v[TRAVEL_TIME_FROM]->str, v[TRAVEL_TIME_TO]->str, tt.mode ? " by " : "",
                   itin_mode_name(tt.mode), o->pos.file, o->pos.line, o->pos.col);
        return;
    }
    *ITIN_PUSH(L->plan_arena, P->travel_times, P->n_travel_times, L->cap_tt) = tt;
}

/* `workday: mon`: the date is a working day with that weekday's hours. */
static bool
get_workday(loader *L, const ynode *n, int *out)
{
    const char *s = load_text(L, n, "a holiday's workday");
    char e[256];
    unsigned mask = 0;
    if (!s)
        return false;
    if (itin_parse_dayspec(s, &mask, e, sizeof e) != 0 || (mask & (mask - 1)) != 0) {
        load_error(L, pos_of(n),
                   "workday names the one weekday whose opening hours apply that date (mon, tue, wed, thu, "
                   "fri, sat or sun), not %s",
                   QUOTED(L, n));
        return false;
    }
    for (int i = 0; i < 7; i++)
        if (mask & (1u << i))
            *out = i;
    return true;
}

void
load_walk_holiday(loader *L, const ynode *n)
{
    ynode *v[HOLIDAY_KEY_COUNT];
    itin_plan *P = L->plan;
    const char *what = "a holiday";
    if (!load_fields(L, n, what, HOLIDAY_KEYS, HOLIDAY_KEY_COUNT, v))
        return;
    itin_holiday h = {0};
    bool ok = true;
    h.pos = pos_of(n);
    h.builtin = L->builtin;
    if (v[HOLIDAY_DATE])
        ok &= load_get_date(L, v[HOLIDAY_DATE], "a holiday's date", &h.date);
    else {
        load_missing(L, n, "date", what);
        ok = false;
    }
    if (v[HOLIDAY_NAME])
        ok &= (h.name = load_text(L, v[HOLIDAY_NAME], "a holiday's name")) != NULL;
    else {
        load_missing(L, n, "name", what);
        ok = false;
    }
    h.en = load_opt_text(L, v[HOLIDAY_EN], "a holiday's English name");
    h.local = load_opt_text(L, v[HOLIDAY_LOCAL], "a holiday's local name");
    load_get_place_codes(L, v[HOLIDAY_COUNTRY], v[HOLIDAY_REGION], &h.country, &h.region);
    h.workday = -1;
    if (v[HOLIDAY_WORKDAY])
        ok &= get_workday(L, v[HOLIDAY_WORKDAY], &h.workday);
    if (v[HOLIDAY_ESTIMATED])
        ok &= load_get_bool(L, v[HOLIDAY_ESTIMATED], "estimated", &h.estimated);
    if (!ok)
        return;
    *ITIN_PUSH(L->plan_arena, P->holidays, P->n_holidays, L->cap_holidays) = h;
}

/* ------------------------------------------------ lists that keep order */

static size_t
hold_visit(loader *L)
{
    itin_plan *P = L->plan;
    ITIN_PUSH(L->plan_arena, P->visits, P->n_visits, L->cap_visits);
    return P->n_visits - 1;
}

static size_t
hold_leg(loader *L)
{
    itin_plan *P = L->plan;
    ITIN_PUSH(L->plan_arena, P->legs, P->n_legs, L->cap_legs);
    return P->n_legs - 1;
}

static size_t
hold_lodging(loader *L)
{
    itin_plan *P = L->plan;
    ITIN_PUSH(L->plan_arena, P->lodgings, P->n_lodgings, L->cap_lodgings);
    return P->n_lodgings - 1;
}

/* A held slot that was never filled has no id. */
static void
drop_unfilled_visits(loader *L)
{
    itin_plan *P = L->plan;
    size_t k = 0;
    for (size_t i = 0; i < P->n_visits; i++)
        if (P->visits[i].id)
            P->visits[k++] = P->visits[i];
    P->n_visits = k;
}

static void
drop_unfilled_legs(loader *L)
{
    itin_plan *P = L->plan;
    size_t k = 0;
    for (size_t i = 0; i < P->n_legs; i++)
        if (P->legs[i].id)
            P->legs[k++] = P->legs[i];
    P->n_legs = k;
}

static void
drop_unfilled_lodgings(loader *L)
{
    itin_plan *P = L->plan;
    size_t k = 0;
    for (size_t i = 0; i < P->n_lodgings; i++)
        if (P->lodgings[i].id)
            P->lodgings[k++] = P->lodgings[i];
    P->n_lodgings = k;
}

const load_slots load_visit_slots = {hold_visit, drop_unfilled_visits};
const load_slots load_leg_slots = {hold_leg, drop_unfilled_legs};
const load_slots load_lodging_slots = {hold_lodging, drop_unfilled_lodgings};
