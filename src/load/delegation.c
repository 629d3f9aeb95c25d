/* delegation: the delegation (§4 of docs/format.md), its participants and
 * groups, and `with` (§5). */
#include <limits.h>
#include <string.h>

#include "i18n.h"
#include "load.h"

static void load_who_bits(loader *L, const ynode *n, uint64_t *bits, itin_who *w);

/* `with`: absent or "all" means everyone; else participant and group ids. */
void
load_get_who(loader *L, const ynode *n, itin_who *w)
{
    itin_plan *P = L->plan;
    uint64_t *bits = itin_arena_alloc(L->element_arena, P->who_words * sizeof *bits);
    load_who_bits(L, n, bits, w);
    /* Items with the same attendees share their mask (the plan is
     * read-only once loaded). */
    w->bits = (uint64_t *)itin_who_set_intern(&L->who_set, L->plan_arena, bits, P->who_words);
}

static void
load_who_bits(loader *L, const ynode *n, uint64_t *bits, itin_who *w)
{
    itin_plan *P = L->plan;
    w->everyone = false;
    if (!n || load_is_empty(n) || (n->kind == N_SCALAR && strcmp(n->str, "all") == 0)) {
        w->everyone = true;
        itin_who_add_all(bits, P->delegation.n_participants);
        if (n)
            w->pos = pos_of(n);
        return;
    }
    w->pos = pos_of(n);
    const ynode *one[1] = {n};
    const ynode *const *items = one;
    size_t count = 1;
    if (n->kind == N_SEQ) {
        items = (const ynode *const *)n->kids;
        count = n->n;
    } else if (n->kind != N_SCALAR) {
        load_error(L, pos_of(n), "'with' must be 'all' or a list of participant and group ids, not %s",
                   load_kind_name(n));
        return;
    }
    for (size_t i = 0; i < count; i++) {
        const char *id = load_peek(L, items[i], "an attendee id");
        size_t idx;
        if (!id)
            continue;
        if (strcmp(id, "all") == 0) {
            itin_who_add_all(bits, P->delegation.n_participants);
            continue;
        }
        if (!itin_strmap_get(&L->people_ids, id, &idx)) {
            load_error(L, pos_of(items[i]), "%s is neither a participant nor a group of the delegation",
                       QUOTED(L, items[i]));
            continue;
        }
        if (idx < P->delegation.n_participants) {
            itin_who_add(bits, idx);
        } else {
            itin_who_add_group(bits, &P->delegation.groups[idx - P->delegation.n_participants]);
        }
    }
    /* Naming every participant is the same as "all". */
    w->everyone = itin_who_is_all(bits, P->delegation.n_participants);
}

static void
define_person(loader *L, const char *id, size_t idx, itin_pos pos)
{
    size_t old;
    if (!itin_strmap_put(&L->people_ids, id, idx, &old)) {
        itin_pos o = L->person_pos[old];
        load_error(L, pos, "duplicate participant or group id '%s' (first defined at %s:%d:%d)", id, o.file,
                   o.line, o.col);
    }
}

/* The keys of the delegation and of what it holds (§4, §5). */
enum delegation_key {
    DELEGATION_ID,
    DELEGATION_TITLE,
    DELEGATION_LEAD,
    DELEGATION_ORGANIZER,
    DELEGATION_START,
    DELEGATION_END,
    DELEGATION_TIMEZONE,
    DELEGATION_LANGUAGE,
    DELEGATION_REVISION,
    DELEGATION_DAY,
    DELEGATION_BUFFER,
    DELEGATION_TRAVEL,
    DELEGATION_REMINDER,
    DELEGATION_PARTICIPANTS,
    DELEGATION_GROUPS,
    DELEGATION_ACCEPT,
    DELEGATION_KEY_COUNT
};
static const char *const DELEGATION_KEYS[DELEGATION_KEY_COUNT] = {
    [DELEGATION_ID] = "id",
    [DELEGATION_TITLE] = "title",
    [DELEGATION_LEAD] = "lead",
    [DELEGATION_ORGANIZER] = "organizer",
    [DELEGATION_START] = "start",
    [DELEGATION_END] = "end",
    [DELEGATION_TIMEZONE] = "timezone",
    [DELEGATION_LANGUAGE] = "language",
    [DELEGATION_REVISION] = "revision",
    [DELEGATION_DAY] = "day",
    [DELEGATION_BUFFER] = "buffer",
    [DELEGATION_TRAVEL] = "travel",
    [DELEGATION_REMINDER] = "reminder",
    [DELEGATION_PARTICIPANTS] = "participants",
    [DELEGATION_GROUPS] = "groups",
    [DELEGATION_ACCEPT] = "accept",
};

enum day_key { DAY_START, DAY_END, DAY_HOTEL_BREAK, DAY_KEY_COUNT };
static const char *const DAY_KEYS[DAY_KEY_COUNT] = {
    [DAY_START] = "start",
    [DAY_END] = "end",
    [DAY_HOTEL_BREAK] = "hotel_break",
};

enum travel_default_key {
    TRAVEL_DEFAULT_MODE,
    TRAVEL_DEFAULT_WALK_BELOW,
    TRAVEL_DEFAULT_VEHICLES,
    TRAVEL_DEFAULT_CHECKIN,
    TRAVEL_DEFAULT_EXIT,
    TRAVEL_DEFAULT_KEY_COUNT
};
static const char *const TRAVEL_DEFAULT_KEYS[TRAVEL_DEFAULT_KEY_COUNT] = {
    [TRAVEL_DEFAULT_MODE] = "mode",         [TRAVEL_DEFAULT_WALK_BELOW] = "walk_below",
    [TRAVEL_DEFAULT_VEHICLES] = "vehicles", [TRAVEL_DEFAULT_CHECKIN] = "checkin",
    [TRAVEL_DEFAULT_EXIT] = "exit",
};

/* travel.checkin and travel.exit: a duration per kind of leg. The keys are
 * the modes, in the order of itin_mode from walk ("flight" sets both kinds
 * of flight), then the two kinds of flight. */
enum leg_time_key {
    LEG_TIME_WALK,
    LEG_TIME_BIKE,
    LEG_TIME_CAR,
    LEG_TIME_TAXI,
    LEG_TIME_BUS,
    LEG_TIME_TRAIN,
    LEG_TIME_FLIGHT,
    LEG_TIME_SHIP,
    LEG_TIME_INTERNATIONAL_FLIGHT,
    LEG_TIME_DOMESTIC_FLIGHT,
    LEG_TIME_KEY_COUNT
};
static const char *const LEG_TIME_KEYS[LEG_TIME_KEY_COUNT] = {
    [LEG_TIME_WALK] = "walk",
    [LEG_TIME_BIKE] = "bike",
    [LEG_TIME_CAR] = "car",
    [LEG_TIME_TAXI] = "taxi",
    [LEG_TIME_BUS] = "bus",
    [LEG_TIME_TRAIN] = "train",
    [LEG_TIME_FLIGHT] = "flight",
    [LEG_TIME_SHIP] = "ship",
    [LEG_TIME_INTERNATIONAL_FLIGHT] = "international_flight",
    [LEG_TIME_DOMESTIC_FLIGHT] = "domestic_flight",
};
_Static_assert(LEG_TIME_SHIP + 1 == (int)ITIN_MODE__COUNT - 1, "one leg time key per mode");

enum participant_key {
    PARTICIPANT_ID,
    PARTICIPANT_NAME,
    PARTICIPANT_ROLE,
    PARTICIPANT_ORG,
    PARTICIPANT_EMAIL,
    PARTICIPANT_PHONE,
    PARTICIPANT_LANGUAGE,
    PARTICIPANT_KEY_COUNT
};
static const char *const PARTICIPANT_KEYS[PARTICIPANT_KEY_COUNT] = {
    [PARTICIPANT_ID] = "id",
    [PARTICIPANT_NAME] = "name",
    [PARTICIPANT_ROLE] = "role",
    [PARTICIPANT_ORG] = "org",
    [PARTICIPANT_EMAIL] = "email",
    [PARTICIPANT_PHONE] = "phone",
    [PARTICIPANT_LANGUAGE] = "language",
};

enum group_key { GROUP_ID, GROUP_NAME, GROUP_MEMBERS, GROUP_KEY_COUNT };
static const char *const GROUP_KEYS[GROUP_KEY_COUNT] = {
    [GROUP_ID] = "id",
    [GROUP_NAME] = "name",
    [GROUP_MEMBERS] = "members",
};

_Static_assert(DELEGATION_KEY_COUNT <= MAX_KEYS, "MAX_KEYS is too small");

const load_key_table load_delegation_key_tables[] = {
    {"delegation", DELEGATION_KEYS, DELEGATION_KEY_COUNT},
    {"day", DAY_KEYS, DAY_KEY_COUNT},
    {"delegation travel", TRAVEL_DEFAULT_KEYS, TRAVEL_DEFAULT_KEY_COUNT},
    {"check-in or exit times", LEG_TIME_KEYS, LEG_TIME_KEY_COUNT},
    {"participant", PARTICIPANT_KEYS, PARTICIPANT_KEY_COUNT},
    {"group", GROUP_KEYS, GROUP_KEY_COUNT},
    {NULL, NULL, 0},
};

static void
delegation_defaults(loader *L, itin_delegation *D, const ynode *n)
{
    D->revision = -1;
    D->reminder = -1;
    D->day_start = 7 * 60;
    D->day_end = 22 * 60;
    D->hotel_break = 120;
    D->travel = ITIN_MODE_CAR;
    D->walk_below = 1000;
    for (int k = 0; k < ITIN_LEG_KIND_COUNT; k++)
        D->checkin[k] = D->exit_time[k] = -1;
    D->language = "en";
    D->pos = pos_of(n);
    L->plan->has_delegation = true;
}

static void
delegation_names(loader *L, itin_delegation *D, const ynode *n, ynode **v)
{
    const char *what = "the delegation";
    if (v[DELEGATION_ID])
        load_get_id(L, v[DELEGATION_ID], "the delegation's id", &D->id);
    else
        load_missing(L, n, "id", what);
    if (v[DELEGATION_TITLE])
        D->title = load_user_text(L, v[DELEGATION_TITLE], "the delegation's title");
    else
        load_missing(L, n, "title", what);
    D->lead = load_opt_user_text(L, v[DELEGATION_LEAD], "the delegation's lead");
    load_get_contact(L, v[DELEGATION_ORGANIZER], "the organizer", &D->organizer);
}

/* Start and end; without a valid range nothing can be placed. */
static void
delegation_dates(loader *L, itin_delegation *D, const ynode *n, ynode **v)
{
    const char *what = "the delegation";
    bool have_start = false, have_end = false;
    if (v[DELEGATION_START])
        have_start = load_get_date(L, v[DELEGATION_START], "the delegation's start", &D->start);
    else
        load_missing(L, n, "start", what);
    if (v[DELEGATION_END])
        have_end = load_get_date(L, v[DELEGATION_END], "the delegation's end", &D->end);
    else
        load_missing(L, n, "end", what);
    if (have_start && have_end && D->end < D->start) {
        char a[16], b[16];
        load_error(L, pos_of(v[DELEGATION_END]), "the delegation ends (%s) before it starts (%s)",
                   itin_date_format(D->end, a), itin_date_format(D->start, b));
    } else if (have_start && have_end && D->end - D->start > 366) {
        load_error(L, pos_of(v[DELEGATION_END]), "a delegation lasts at most 366 days");
    }
    L->dates_ok = have_start && have_end && D->end >= D->start && D->end - D->start <= 366;
    if (!L->dates_ok)
        D->end = D->start - 1;
}

static void
delegation_zone_and_language(loader *L, itin_delegation *D, const ynode *n, ynode **v)
{
    const ynode *zn = v[DELEGATION_TIMEZONE], *ln = v[DELEGATION_LANGUAGE];
    if (zn) {
        D->timezone = load_get_zone(L, zn, "the delegation's timezone", "Europe/Berlin", NULL, true);
    } else {
        load_missing(L, n, "timezone", "the delegation");
    }
    if (ln) {
        const char *s = load_text(L, ln, "the delegation's language");
        char e[256];
        if (s && itin_check_language(s, e, sizeof e) != 0)
            load_error(L, pos_of(ln), "%s", e);
        else if (s)
            D->language = s;
    }
}

/* travel.vehicles: how many road vehicles are at hand, at least one. */
static void
delegation_vehicles(loader *L, itin_delegation *D, const ynode *n)
{
    const char *s = load_text(L, n, "the number of vehicles");
    long r;
    char e[256];
    if (s && itin_parse_uint(s, 1000, &r, e, sizeof e) != 0)
        load_error(L, pos_of(n), "travel.vehicles: %s", e);
    else if (s && r < 1)
        load_error(L, pos_of(n), "travel.vehicles must be at least 1, not %s", s);
    else if (s)
        D->vehicles = (int)r;
}

/* travel.checkin or travel.exit: {flight: 90m, train: 15m, ...}, a
 * duration (zero allowed) per kind of leg; `international_flight` and
 * `domestic_flight` win over `flight`. */
static void
delegation_leg_times(loader *L, const ynode *n, const char *what, int *out)
{
    ynode *v[LEG_TIME_KEY_COUNT];
    if (load_is_empty(n) || !load_fields(L, n, what, LEG_TIME_KEYS, LEG_TIME_KEY_COUNT, v))
        return;
    for (int k = LEG_TIME_WALK; k <= LEG_TIME_SHIP; k++)
        if (v[k] && load_get_duration(L, v[k], what, false, &out[k + 1]) && k == LEG_TIME_FLIGHT)
            out[ITIN_LEG_KIND_DOMESTIC_FLIGHT] = out[ITIN_MODE_FLIGHT];
    if (v[LEG_TIME_INTERNATIONAL_FLIGHT])
        load_get_duration(L, v[LEG_TIME_INTERNATIONAL_FLIGHT], what, false, &out[ITIN_MODE_FLIGHT]);
    if (v[LEG_TIME_DOMESTIC_FLIGHT])
        load_get_duration(L, v[LEG_TIME_DOMESTIC_FLIGHT], what, false, &out[ITIN_LEG_KIND_DOMESTIC_FLIGHT]);
}

/* A distance: "800m", "1km", "1.5km" or 0, in whole metres up to 100 km. */
static bool
get_distance(loader *L, const ynode *n, const char *what, int *metres)
{
    const char *s = load_text(L, n, what);
    if (!s)
        return false;
    double v = 0, scale = 1;
    int digits = 0, frac = -1;
    const char *q = s;
    for (; (*q >= '0' && *q <= '9') || (*q == '.' && frac < 0); q++) {
        if (*q == '.') {
            frac = 0;
            continue;
        }
        v = v * 10 + (*q - '0'), digits++;
        if (frac >= 0)
            frac++, scale *= 10;
    }
    double unit = strcmp(q, "km") == 0 ? 1000 : strcmp(q, "m") == 0 ? 1 : *q == '\0' && v == 0 ? 1 : -1;
    double m = v * unit / scale;
    if (digits && unit >= 0 && m > 100000) {
        load_error(L, pos_of(n), "%s: '%s' is too far (at most 100km)", what, s);
        return false;
    }
    if (!digits || unit < 0 || m != (double)(long)m) {
        load_error(L, pos_of(n),
                   "%s: '%s' is not a distance (expected metres or kilometres: 800m, 1km, 1.5km, 0)", what,
                   s);
        return false;
    }
    *metres = (int)m;
    return true;
}

/* revision, day, buffer, travel and reminder: all optional. */
static void
delegation_settings(loader *L, itin_delegation *D, ynode **v)
{
    if (v[DELEGATION_REVISION]) {
        const char *s = load_text(L, v[DELEGATION_REVISION], "the revision");
        long r;
        char e[256];
        if (s && itin_parse_uint(s, INT_MAX, &r, e, sizeof e) != 0)
            load_error(L, pos_of(v[DELEGATION_REVISION]), "revision: %s", e);
        else if (s) {
            D->revision = (int)r;
            D->revision_pos = pos_of(v[DELEGATION_REVISION]);
        }
    }
    const ynode *day = v[DELEGATION_DAY];
    ynode *dv[DAY_KEY_COUNT];
    if (day && !load_is_empty(day) && load_fields(L, day, "the day window", DAY_KEYS, DAY_KEY_COUNT, dv)) {
        if (dv[DAY_START])
            load_get_time(L, dv[DAY_START], "the day window's start", false, &D->day_start, NULL);
        if (dv[DAY_END])
            load_get_time(L, dv[DAY_END], "the day window's end", true, &D->day_end, NULL);
        if (dv[DAY_HOTEL_BREAK])
            load_get_duration(L, dv[DAY_HOTEL_BREAK], "the hotel break", false, &D->hotel_break);
        if (D->day_end <= D->day_start)
            load_error(L, pos_of(dv[DAY_END] ? dv[DAY_END] : day), "the day window must end after it starts");
    }
    if (v[DELEGATION_BUFFER])
        load_get_duration(L, v[DELEGATION_BUFFER], "the buffer", false, &D->buffer);
    const ynode *travel = v[DELEGATION_TRAVEL];
    ynode *tv[TRAVEL_DEFAULT_KEY_COUNT];
    if (travel && !load_is_empty(travel) &&
        load_fields(L, travel, "the delegation's travel defaults", TRAVEL_DEFAULT_KEYS,
                    TRAVEL_DEFAULT_KEY_COUNT, tv)) {
        if (tv[TRAVEL_DEFAULT_MODE])
            load_get_mode(L, tv[TRAVEL_DEFAULT_MODE], "the default travel mode", &D->travel);
        if (tv[TRAVEL_DEFAULT_WALK_BELOW])
            get_distance(L, tv[TRAVEL_DEFAULT_WALK_BELOW], "walk_below", &D->walk_below);
        if (tv[TRAVEL_DEFAULT_VEHICLES])
            delegation_vehicles(L, D, tv[TRAVEL_DEFAULT_VEHICLES]);
        if (tv[TRAVEL_DEFAULT_CHECKIN])
            delegation_leg_times(L, tv[TRAVEL_DEFAULT_CHECKIN], "the check-in times", D->checkin);
        if (tv[TRAVEL_DEFAULT_EXIT])
            delegation_leg_times(L, tv[TRAVEL_DEFAULT_EXIT], "the exit times", D->exit_time);
    }
    if (v[DELEGATION_REMINDER])
        load_get_duration(L, v[DELEGATION_REMINDER], "the reminder", false, &D->reminder);
    if (v[DELEGATION_ACCEPT])
        load_get_accept(L, v[DELEGATION_ACCEPT], &D->accept);
}

/* A participant's language: one code, or a list of two for a bilingual
 * agenda ([ko, de]); kept as the spec --lang reads ("ko,de"). */
static const char *
participant_language(loader *L, const ynode *n)
{
    const char **codes;
    size_t k = load_get_text_list(L, n, "a participant's language", &codes);
    if (!k)
        return NULL;
    if (k > ITIN_MAX_LANGS) {
        load_error(L, pos_of(n), "a participant has at most %d languages (a bilingual agenda), not %zu",
                   ITIN_MAX_LANGS, k);
        return NULL;
    }
    const char *spec = NULL;
    bool ok = true;
    for (size_t i = 0; i < k; i++) {
        const ynode *at = n->kind == N_SEQ ? n->kids[i] : n;
        char e[256];
        if (itin_check_language(codes[i], e, sizeof e) != 0) {
            load_error(L, pos_of(at), "%s", e);
            ok = false;
        } else if (i > 0 && strcmp(codes[i], codes[0]) == 0) {
            load_error(L, pos_of(at), "language %s is named twice", codes[i]);
            ok = false;
        }
        spec = i ? itin_arena_printf(L->plan_arena, "%s,%s", spec, codes[i]) : codes[i];
    }
    return ok ? spec : NULL;
}

static void
walk_participant(loader *L, itin_delegation *D, const ynode *e)
{
    itin_participant *p = &D->participants[D->n_participants];
    ynode *pv[PARTICIPANT_KEY_COUNT];
    p->pos = pos_of(e);
    if (!load_fields(L, e, "a participant", PARTICIPANT_KEYS, PARTICIPANT_KEY_COUNT, pv))
        return;
    if (!pv[PARTICIPANT_ID]) {
        load_missing(L, e, "id", "a participant");
        return;
    }
    if (!load_get_id(L, pv[PARTICIPANT_ID], "a participant's id", &p->id))
        return;
    if (pv[PARTICIPANT_NAME])
        p->name = load_user_text(L, pv[PARTICIPANT_NAME], "a participant's name");
    else
        load_missing(L, e, "name", "a participant");
    if (!p->name)
        p->name = p->id;
    p->role = load_opt_user_text(L, pv[PARTICIPANT_ROLE], "a participant's role");
    p->org = load_opt_user_text(L, pv[PARTICIPANT_ORG], "a participant's org");
    load_get_email(L, pv[PARTICIPANT_EMAIL], "a participant's email", &p->email);
    p->phone = load_opt_text(L, pv[PARTICIPANT_PHONE], "a participant's phone");
    if (pv[PARTICIPANT_LANGUAGE])
        p->language = participant_language(L, pv[PARTICIPANT_LANGUAGE]);
    L->person_pos[D->n_participants] = p->pos;
    define_person(L, p->id, D->n_participants, pos_of(pv[PARTICIPANT_ID]));
    D->n_participants++;
}

static void
walk_members(loader *L, itin_delegation *D, itin_group *g, const ynode *e, const ynode *m)
{
    if (!m || load_is_empty(m)) {
        load_missing(L, e, "members", "a group");
        return;
    }
    if (m->kind != N_SEQ) {
        load_error(L, pos_of(m), "a group's members must be a list of participant ids, not %s",
                   load_kind_name(m));
        return;
    }
    g->members = itin_arena_alloc(L->plan_arena, (m->n ? m->n : 1) * sizeof *g->members);
    for (size_t j = 0; j < m->n; j++) {
        const char *id = load_peek(L, m->kids[j], "a member id");
        size_t idx;
        if (!id)
            continue;
        if (!itin_strmap_get(&L->people_ids, id, &idx) || idx >= D->n_participants) {
            load_error(L, pos_of(m->kids[j]), "group member %s is not a participant of the delegation",
                       QUOTED(L, m->kids[j]));
            continue;
        }
        g->members[g->n_members++] = idx;
    }
    if (m->n == 0)
        load_error(L, pos_of(m), "group '%s' has no members", g->id);
}

/* Groups are numbered after the participants in the shared namespace. */
static void
walk_group(loader *L, itin_delegation *D, const ynode *e)
{
    itin_group *g = &D->groups[D->n_groups];
    ynode *gv[GROUP_KEY_COUNT];
    g->pos = pos_of(e);
    if (!load_fields(L, e, "a group", GROUP_KEYS, GROUP_KEY_COUNT, gv))
        return;
    if (!gv[GROUP_ID]) {
        load_missing(L, e, "id", "a group");
        return;
    }
    if (!load_get_id(L, gv[GROUP_ID], "a group's id", &g->id))
        return;
    g->name = gv[GROUP_NAME] ? load_user_text(L, gv[GROUP_NAME], "a group's name") : NULL;
    if (!g->name)
        g->name = g->id;
    walk_members(L, D, g, e, gv[GROUP_MEMBERS]);
    L->person_pos[D->n_participants + D->n_groups] = g->pos;
    define_person(L, g->id, D->n_participants + D->n_groups, pos_of(gv[GROUP_ID]));
    D->n_groups++;
}

/* The participants' and groups' lists, checked; NULL where there is none. */
static const ynode *
people_list(loader *L, const ynode *n, const ynode *list, bool required, const char *what)
{
    if (!list || load_is_empty(list)) {
        if (required)
            load_missing(L, n, what, "the delegation");
        return NULL;
    }
    if (list->kind != N_SEQ) {
        load_error(L, pos_of(list), "%s must be a list, not %s", what, load_kind_name(list));
        return NULL;
    }
    return list;
}

static void
walk_people(loader *L, itin_delegation *D, const ynode *n, ynode **v)
{
    const ynode *pn = people_list(L, n, v[DELEGATION_PARTICIPANTS], true, "participants");
    const ynode *gn = people_list(L, n, v[DELEGATION_GROUPS], false, "groups");
    size_t np = pn ? pn->n : 0, ng = gn ? gn->n : 0;
    if (pn && np == 0)
        load_error(L, pos_of(pn), "the delegation has no participants");
    if (np > MAX_PEOPLE) {
        load_error(L, pos_of(pn), "a delegation has at most %d participants", MAX_PEOPLE);
        np = 0;
    }
    if (ng > MAX_PEOPLE) {
        load_error(L, pos_of(gn), "a delegation has at most %d groups", MAX_PEOPLE);
        ng = 0;
    }
    D->participants = itin_arena_alloc(L->plan_arena, (np ? np : 1) * sizeof *D->participants);
    D->groups = itin_arena_alloc(L->plan_arena, (ng ? ng : 1) * sizeof *D->groups);
    L->person_pos = itin_arena_alloc(L->tree_arena, (np + ng + 1) * sizeof *L->person_pos);
    L->plan->who_words = itin_who_words(np);
    for (size_t i = 0; i < np; i++)
        walk_participant(L, D, pn->kids[i]);
    for (size_t i = 0; i < ng; i++)
        walk_group(L, D, gn->kids[i]);
}

void
load_walk_delegation(loader *L, const ynode *n)
{
    ynode *v[DELEGATION_KEY_COUNT];
    itin_delegation *D = &L->plan->delegation;
    delegation_defaults(L, D, n);
    if (!load_fields(L, n, "the delegation", DELEGATION_KEYS, DELEGATION_KEY_COUNT, v))
        return;
    delegation_names(L, D, n, v);
    delegation_dates(L, D, n, v);
    delegation_zone_and_language(L, D, n, v);
    delegation_settings(L, D, v);
    walk_people(L, D, n, v);
}
