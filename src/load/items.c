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

void
load_walk_visit(loader *L, const ynode *n)
{
    static const char *const keys[] = {"id",  "title", "at",     "date",   "day",    "start", "duration",
                                       "end", "with",  "travel", "status", "topics", "host",  "description"};
    enum {
        K_ID,
        K_TITLE,
        K_AT,
        K_DATE,
        K_DAY,
        K_START,
        K_DUR,
        K_END,
        K_WITH,
        K_TRAVEL,
        K_STATUS,
        K_TOPICS,
        K_HOST,
        K_DESC,
        K__N
    };
    ynode *v[K__N];
    itin_plan *P = L->plan;
    const itin_delegation *D = &P->delegation;
    const char *what = "a visit";
    if (!load_fields(L, n, what, keys, K__N, v))
        return;
    itin_visit vis = {0};
    bool ok = true;
    vis.pos = pos_of(n);
    vis.travel = D->travel;
    if (!v[K_ID] || !load_get_id(L, v[K_ID], "a visit's id", &vis.id)) {
        if (!v[K_ID])
            load_missing(L, n, "id", what);
        ok = false;
    }
    if (v[K_TITLE])
        vis.title = load_text(L, v[K_TITLE], "a visit's title");
    else
        load_missing(L, n, "title", what);
    if (!vis.title)
        ok = false;
    if (v[K_AT]) {
        vis.at_pos = pos_of(v[K_AT]);
        ok &= load_get_place(L, v[K_AT], "a visit's place ('at')", &vis.at);
    } else {
        load_missing(L, n, "at", what);
        ok = false;
    }
    if (v[K_DATE] && v[K_DAY]) {
        load_error(L, pos_of(v[K_DAY]), "a visit has either 'date' or 'day', not both");
        ok = false;
    } else if (v[K_DATE]) {
        vis.date_pos = pos_of(v[K_DATE]);
        if (load_get_date(L, v[K_DATE], "a visit's date", &vis.date)) {
            if (!L->dates_ok) {
                ok = false; /* the delegation's dates were reported already */
            } else if (vis.date < D->start || vis.date > D->end) {
                char a[16], b[16], c[16];
                load_error(L, vis.date_pos, "date %s is outside the delegation (%s to %s)",
                           itin_date_format(vis.date, a), itin_date_format(D->start, b),
                           itin_date_format(D->end, c));
                ok = false;
            }
        } else {
            ok = false;
        }
    } else if (v[K_DAY]) {
        vis.date_pos = pos_of(v[K_DAY]);
        const char *s = load_text(L, v[K_DAY], "a visit's day");
        long day;
        char e[256];
        long ndays = (long)D->end - D->start + 1;
        if (!s) {
            ok = false;
        } else if (itin_parse_uint(s, 100000, &day, e, sizeof e) != 0) {
            load_error(L, vis.date_pos, "day: %s", e);
            ok = false;
        } else if (!L->dates_ok) {
            ok = false; /* the delegation's dates were reported already */
        } else if (day < 1 || day > ndays) {
            load_error(L, vis.date_pos, "day %ld is outside the delegation (days 1 to %ld)", day, ndays);
            ok = false;
        } else {
            vis.date = D->start + (itin_date)(day - 1);
        }
    } else {
        load_missing(L, n, "date", what);
        ok = false;
    }
    if (v[K_START]) {
        vis.start_pos = pos_of(v[K_START]);
        vis.has_start = load_get_time(L, v[K_START], "a visit's start", false, &vis.start);
        ok &= vis.has_start;
    }
    if (v[K_DUR] && v[K_END]) {
        load_error(L, pos_of(v[K_END]), "a visit has either 'duration' or 'end', not both");
        ok = false;
    } else if (v[K_DUR]) {
        ok &= load_get_duration(L, v[K_DUR], "a visit's duration", true, &vis.duration);
        if (ok && vis.duration > 24 * 60) {
            load_error(L, pos_of(v[K_DUR]), "a visit lasts at most 24h");
            ok = false;
        }
    } else if (v[K_END]) {
        int end;
        if (!v[K_START]) {
            load_error(L, pos_of(v[K_END]),
                       "'end' needs a 'start'; a visit without a start takes a 'duration'");
            ok = false;
        } else if (load_get_time(L, v[K_END], "a visit's end", true, &end)) {
            if (vis.has_start && end <= vis.start) {
                load_error(L, pos_of(v[K_END]), "a visit must end after it starts (%s is not after %s)",
                           v[K_END]->str, v[K_START]->str);
                ok = false;
            }
            vis.duration = end - vis.start;
        } else {
            ok = false;
        }
    } else {
        load_missing(L, n, "duration", what);
        ok = false;
    }
    load_get_who(L, v[K_WITH], &vis.who);
    if (v[K_TRAVEL])
        ok &= load_get_mode(L, v[K_TRAVEL], "a visit's travel mode", &vis.travel);
    if (v[K_STATUS]) {
        const char *s = load_text(L, v[K_STATUS], "status");
        if (!s)
            ok = false;
        else if (strcmp(s, "confirmed") == 0)
            vis.status = ITIN_CONFIRMED;
        else if (strcmp(s, "tentative") == 0)
            vis.status = ITIN_TENTATIVE;
        else if (strcmp(s, "cancelled") == 0 || strcmp(s, "canceled") == 0)
            vis.status = ITIN_CANCELLED;
        else {
            load_error(L, pos_of(v[K_STATUS]),
                       "unknown status %s (expected confirmed, tentative or cancelled)",
                       QUOTED(L, v[K_STATUS]));
            ok = false;
        }
    }
    vis.n_topics = load_get_text_list(L, v[K_TOPICS], "a topic", &vis.topics);
    vis.host = load_opt_text(L, v[K_HOST], "host");
    vis.description = load_opt_text(L, v[K_DESC], "description");
    if (!ok || !vis.id)
        return;
    size_t at = L->slot != NO_SLOT ? L->slot : P->n_visits;
    if (!define_item(L, &L->visit_ids, "visit", vis.id, at, pos_of(v[K_ID]), visit_pos))
        return;
    if (L->slot != NO_SLOT)
        P->visits[at] = vis;
    else
        *ITIN_PUSH(L->plan_arena, P->visits, P->n_visits, L->cap_visits) = vis;
}

void
load_walk_leg(loader *L, const ynode *n)
{
    static const char *const keys[] = {"id",       "mode", "from", "to",    "depart",     "arrive",
                                       "duration", "ref",  "with", "title", "description"};
    enum { K_ID, K_MODE, K_FROM, K_TO, K_DEP, K_ARR, K_DUR, K_REF, K_WITH, K_TITLE, K_DESC, K__N };
    ynode *v[K__N];
    itin_plan *P = L->plan;
    const char *what = "a travel leg";
    if (!load_fields(L, n, what, keys, K__N, v))
        return;
    itin_leg leg = {0};
    bool ok = true;
    leg.pos = pos_of(n);
    if (!v[K_ID] || !load_get_id(L, v[K_ID], "a travel leg's id", &leg.id)) {
        if (!v[K_ID])
            load_missing(L, n, "id", what);
        ok = false;
    }
    if (v[K_MODE])
        ok &= load_get_mode(L, v[K_MODE], "a travel leg's mode", &leg.mode);
    else {
        load_missing(L, n, "mode", what);
        ok = false;
    }
    if (v[K_FROM])
        ok &= load_get_place(L, v[K_FROM], "a travel leg's 'from'", &leg.from);
    else {
        load_missing(L, n, "from", what);
        ok = false;
    }
    if (v[K_TO])
        ok &= load_get_place(L, v[K_TO], "a travel leg's 'to'", &leg.to);
    else {
        load_missing(L, n, "to", what);
        ok = false;
    }
    if (ok && leg.from == leg.to) {
        load_error(L, pos_of(v[K_TO]), "a travel leg goes from '%s' to the same place", v[K_FROM]->str);
        ok = false;
    }
    if (v[K_DEP]) {
        leg.depart_pos = pos_of(v[K_DEP]);
        ok &= load_get_datetime(L, v[K_DEP], "a travel leg's departure", &leg.dep_date, &leg.dep_time);
    } else {
        load_missing(L, n, "depart", what);
        ok = false;
    }
    if (v[K_ARR] && v[K_DUR]) {
        load_error(L, pos_of(v[K_DUR]), "a travel leg has either 'arrive' or 'duration', not both");
        ok = false;
    } else if (v[K_ARR]) {
        leg.arrive_pos = pos_of(v[K_ARR]);
        leg.has_arrive = true;
        ok &= load_get_datetime(L, v[K_ARR], "a travel leg's arrival", &leg.arr_date, &leg.arr_time);
    } else if (v[K_DUR]) {
        leg.arrive_pos = pos_of(v[K_DUR]);
        ok &= load_get_duration(L, v[K_DUR], "a travel leg's duration", true, &leg.duration);
    } else {
        load_missing(L, n, "arrive", what);
        ok = false;
    }
    /* Legs and lodging may lie a little outside the delegation's dates (the
     * flight out, the night before), not in another year: the itinerary
     * has a day for every date it spans. */
    if (ok && L->dates_ok) {
        const itin_delegation *D = &P->delegation;
        if (!near_trip(L, D, leg.dep_date, leg.depart_pos, "the travel leg departs") ||
            (leg.has_arrive && !near_trip(L, D, leg.arr_date, leg.arrive_pos, "the travel leg arrives")))
            ok = false;
    }
    if (ok && leg.has_arrive && leg.arr_date - leg.dep_date > MAX_LEG_MINUTES / 1440) {
        load_error(L, leg.arrive_pos, "a travel leg lasts at most %d days", MAX_LEG_MINUTES / 1440);
        ok = false;
    }
    if (ok && !leg.has_arrive && leg.duration > MAX_LEG_MINUTES) {
        load_error(L, leg.arrive_pos, "a travel leg lasts at most %d days", MAX_LEG_MINUTES / 1440);
        ok = false;
    }
    leg.ref = load_opt_text(L, v[K_REF], "ref");
    load_get_who(L, v[K_WITH], &leg.who);
    leg.title = load_opt_text(L, v[K_TITLE], "a travel leg's title");
    leg.description = load_opt_text(L, v[K_DESC], "a travel leg's description");
    if (!ok || !leg.id)
        return;
    if (!leg.title) {
        /* The format's default, "<mode> <from> → <to>"; agendas and calendars
         * say it again in their own language (itin_leg_title). */
        const itin_institution *f = &P->institutions[leg.from], *t = &P->institutions[leg.to];
        leg.title_default = true;
        leg.title = itin_arena_printf(L->plan_arena, "%s %s \u2192 %s", itin_mode_name(leg.mode),
                                      f->short_name ? f->short_name : f->name,
                                      t->short_name ? t->short_name : t->name);
    }
    size_t at = L->slot != NO_SLOT ? L->slot : P->n_legs;
    if (!define_item(L, &L->leg_ids, "travel leg", leg.id, at, pos_of(v[K_ID]), leg_pos))
        return;
    if (L->slot != NO_SLOT)
        P->legs[at] = leg;
    else
        *ITIN_PUSH(L->plan_arena, P->legs, P->n_legs, L->cap_legs) = leg;
}

void
load_walk_lodging(loader *L, const ynode *n)
{
    static const char *const keys[] = {"id", "at", "from", "to", "with"};
    enum { K_ID, K_AT, K_FROM, K_TO, K_WITH, K__N };
    ynode *v[K__N];
    itin_plan *P = L->plan;
    const char *what = "a lodging";
    if (!load_fields(L, n, what, keys, K__N, v))
        return;
    itin_lodging lo = {0};
    bool ok = true;
    lo.pos = pos_of(n);
    if (v[K_ID])
        ok &= load_get_id(L, v[K_ID], "a lodging's id", &lo.id);
    if (v[K_AT])
        ok &= load_get_place(L, v[K_AT], "a lodging's place ('at')", &lo.at);
    else {
        load_missing(L, n, "at", what);
        ok = false;
    }
    bool hf = false, ht = false;
    if (v[K_FROM])
        ok &= hf = load_get_date(L, v[K_FROM], "a lodging's first night ('from')", &lo.from);
    else {
        load_missing(L, n, "from", what);
        ok = false;
    }
    if (v[K_TO])
        ok &= ht = load_get_date(L, v[K_TO], "a lodging's departure date ('to')", &lo.to);
    else {
        load_missing(L, n, "to", what);
        ok = false;
    }
    if (hf && ht && lo.to <= lo.from) {
        load_error(L, pos_of(v[K_TO]),
                   "a lodging's 'to' (the day of leaving) must be after 'from' (the first night)");
        ok = false;
    } else if (hf && ht && L->dates_ok) {
        ok &= near_trip(L, &P->delegation, lo.from, pos_of(v[K_FROM]), "the lodging begins");
        ok &= near_trip(L, &P->delegation, lo.to, pos_of(v[K_TO]), "the lodging ends");
    }
    load_get_who(L, v[K_WITH], &lo.who);
    if (!ok)
        return;
    if (!lo.id) {
        /* Derived from what the entry says, never from its position, so that
         * calendar UIDs survive reordering: place, first night, and who when
         * that is not everyone. */
        char a[16];
        lo.id = itin_arena_printf(L->plan_arena, "lodging-%s-%s", P->institutions[lo.at].id,
                                  itin_date_format(lo.from, a));
        const ynode *w = v[K_WITH];
        if (!lo.who.everyone && w && w->kind == N_SCALAR)
            lo.id = itin_arena_printf(L->plan_arena, "%s-%s", lo.id, w->str);
        for (size_t i = 0; !lo.who.everyone && w && w->kind == N_SEQ && i < w->n; i++)
            if (w->kids[i]->kind == N_SCALAR)
                lo.id = itin_arena_printf(L->plan_arena, "%s-%s", lo.id, w->kids[i]->str);
    }
    size_t at = L->slot != NO_SLOT ? L->slot : P->n_lodgings;
    if (!define_item(L, &L->lodging_ids, v[K_ID] ? "lodging" : "lodging (give each an 'id')", lo.id, at,
                     v[K_ID] ? pos_of(v[K_ID]) : lo.pos, lodging_pos))
        return;
    if (L->slot != NO_SLOT)
        P->lodgings[at] = lo;
    else
        *ITIN_PUSH(L->plan_arena, P->lodgings, P->n_lodgings, L->cap_lodgings) = lo;
}

void
load_walk_travel_time(loader *L, const ynode *n)
{
    static const char *const keys[] = {"from", "to", "mode", "time"};
    enum { K_FROM, K_TO, K_MODE, K_TIME, K__N };
    ynode *v[K__N];
    itin_plan *P = L->plan;
    const char *what = "a travel_times entry";
    if (!load_fields(L, n, what, keys, K__N, v))
        return;
    itin_travel_time tt = {0};
    bool ok = true;
    tt.pos = pos_of(n);
    if (v[K_FROM])
        ok &= load_get_place(L, v[K_FROM], "a travel time's 'from'", &tt.from);
    else {
        load_missing(L, n, "from", what);
        ok = false;
    }
    if (v[K_TO])
        ok &= load_get_place(L, v[K_TO], "a travel time's 'to'", &tt.to);
    else {
        load_missing(L, n, "to", what);
        ok = false;
    }
    if (v[K_MODE])
        ok &= load_get_mode(L, v[K_MODE], "a travel time's mode", &tt.mode);
    if (v[K_TIME])
        ok &= load_get_duration(L, v[K_TIME], "a travel time", true, &tt.minutes);
    else {
        load_missing(L, n, "time", what);
        ok = false;
    }
    if (!ok)
        return;
    if (tt.from == tt.to) {
        load_error(L, pos_of(v[K_TO]), "a travel time from '%s' to itself", v[K_FROM]->str);
        return;
    }
    /* The same pair (either direction) and mode twice is ambiguous. */
    size_t lo = tt.from < tt.to ? tt.from : tt.to, hi = tt.from < tt.to ? tt.to : tt.from, first;
    char *key = itin_arena_printf(L->tree_arena, "%zu:%zu:%d", lo, hi, (int)tt.mode);
    if (!itin_strmap_put(&L->tt_keys, key, P->n_travel_times, &first)) {
        const itin_travel_time *o = &P->travel_times[first];
        load_error(L, tt.pos, "a second travel time for '%s' and '%s'%s%s (first at %s:%d:%d)",
                   v[K_FROM]->str, v[K_TO]->str, tt.mode ? " by " : "", itin_mode_name(tt.mode), o->pos.file,
                   o->pos.line, o->pos.col);
        return;
    }
    *ITIN_PUSH(L->plan_arena, P->travel_times, P->n_travel_times, L->cap_tt) = tt;
}

void
load_walk_holiday(loader *L, const ynode *n)
{
    static const char *const keys[] = {"date", "name", "region", "country"};
    enum { K_DATE, K_NAME, K_REGION, K_COUNTRY, K__N };
    ynode *v[K__N];
    itin_plan *P = L->plan;
    const char *what = "a holiday";
    if (!load_fields(L, n, what, keys, K__N, v))
        return;
    itin_holiday h = {0};
    bool ok = true;
    h.pos = pos_of(n);
    h.builtin = L->builtin;
    if (v[K_DATE])
        ok &= load_get_date(L, v[K_DATE], "a holiday's date", &h.date);
    else {
        load_missing(L, n, "date", what);
        ok = false;
    }
    if (v[K_NAME])
        ok &= (h.name = load_text(L, v[K_NAME], "a holiday's name")) != NULL;
    else {
        load_missing(L, n, "name", what);
        ok = false;
    }
    load_get_place_codes(L, v[K_COUNTRY], v[K_REGION], &h.country, &h.region);
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
