/* companies: the companies of a B2B matchmaking and its sessions (the
 * `companies` and `matchmaking` sections of docs/format.md); company ids in
 * sessions are resolved once every file is read. */
#include <stdlib.h>
#include <string.h>

#include "load.h"

enum company_key {
    COMPANY_ID,
    COMPANY_NAME,
    COMPANY_SIDE,
    COMPANY_MEMBERS,
    COMPANY_LANGUAGES,
    COMPANY_CONTACT,
    COMPANY_KEY_COUNT
};
static const char *const COMPANY_KEYS[COMPANY_KEY_COUNT] = {
    [COMPANY_ID] = "id",           [COMPANY_NAME] = "name",           [COMPANY_SIDE] = "side",
    [COMPANY_MEMBERS] = "members", [COMPANY_LANGUAGES] = "languages", [COMPANY_CONTACT] = "contact",
};

enum session_key {
    SESSION_ID,
    SESSION_TITLE,
    SESSION_AT,
    SESSION_DATE,
    SESSION_START,
    SESSION_END,
    SESSION_SLOT,
    SESSION_GAP,
    SESSION_TABLES,
    SESSION_INTERPRETERS,
    SESSION_REQUESTS,
    SESSION_UNAVAILABLE,
    SESSION_KEY_COUNT
};
static const char *const SESSION_KEYS[SESSION_KEY_COUNT] = {
    [SESSION_ID] = "id",
    [SESSION_TITLE] = "title",
    [SESSION_AT] = "at",
    [SESSION_DATE] = "date",
    [SESSION_START] = "start",
    [SESSION_END] = "end",
    [SESSION_SLOT] = "slot",
    [SESSION_GAP] = "gap",
    [SESSION_TABLES] = "tables",
    [SESSION_INTERPRETERS] = "interpreters",
    [SESSION_REQUESTS] = "requests",
    [SESSION_UNAVAILABLE] = "unavailable",
};

enum request_key { REQUEST_FROM, REQUEST_TO, REQUEST_PRIORITY, REQUEST_KEY_COUNT };
static const char *const REQUEST_KEYS[REQUEST_KEY_COUNT] = {
    [REQUEST_FROM] = "from",
    [REQUEST_TO] = "to",
    [REQUEST_PRIORITY] = "priority",
};

enum unavailable_key { UNAVAILABLE_COMPANY, UNAVAILABLE_FROM, UNAVAILABLE_TO, UNAVAILABLE_KEY_COUNT };
static const char *const UNAVAILABLE_KEYS[UNAVAILABLE_KEY_COUNT] = {
    [UNAVAILABLE_COMPANY] = "company",
    [UNAVAILABLE_FROM] = "from",
    [UNAVAILABLE_TO] = "to",
};

const load_key_table load_company_key_tables[] = {
    {"company", COMPANY_KEYS, COMPANY_KEY_COUNT},
    {"matchmaking session", SESSION_KEYS, SESSION_KEY_COUNT},
    {"request", REQUEST_KEYS, REQUEST_KEY_COUNT},
    {"unavailable time", UNAVAILABLE_KEYS, UNAVAILABLE_KEY_COUNT},
    {NULL, NULL, 0},
};

/* The most sessions, and slots, tables and requests in one session: enough
 * for any hall, and a bound on the solver's problem. */
#define MAX_TABLES 1000
#define MAX_SLOTS 200
#define MAX_REQUESTS 100000
/* Requests times slots: the solver's variables, and its memory. */
#define MAX_REQUEST_SLOTS 250000

/* ------------------------------------------------------------ companies */

/* `languages`: codes like "de", "en", "ko" (two or three lowercase letters). */
static void
company_languages(loader *L, itin_company *c, const ynode *n)
{
    c->n_languages = load_get_text_list(L, n, "a language", &c->languages);
    for (size_t i = 0; i < c->n_languages; i++) {
        const char *s = c->languages[i];
        size_t len = strlen(s);
        bool ok = len == 2 || len == 3;
        for (size_t k = 0; k < len && ok; k++)
            ok = s[k] >= 'a' && s[k] <= 'z';
        if (!ok)
            load_error(L, n->kind == N_SEQ && i < n->n ? pos_of(n->kids[i]) : pos_of(n),
                       "a company's language is an ISO 639-1 code such as 'de' or 'ko', not %s",
                       load_quote(L, s, len));
    }
}

/* `members`: participants of the delegation, for a delegation company only. */
static bool
company_members(loader *L, itin_company *c, const ynode *n, const ynode *map)
{
    itin_plan *P = L->plan;
    c->who = itin_arena_alloc(L->plan_arena, P->who_words * sizeof *c->who);
    if (c->side == ITIN_SIDE_HOST) {
        if (n) {
            load_error(L, pos_of(n),
                       "a host company has no members (members are participants of the delegation)");
            return false;
        }
        return true;
    }
    if (!n) {
        load_missing(L, map, "members", "a delegation company");
        return false;
    }
    if (n->kind != N_SEQ || n->n == 0) {
        load_error(L, pos_of(n), "a company's members must be a list of participant ids, not %s",
                   n->kind == N_SEQ ? "an empty list" : load_kind_name(n));
        return false;
    }
    bool ok = true;
    c->members = itin_arena_alloc(L->plan_arena, n->n * sizeof *c->members);
    for (size_t i = 0; i < n->n; i++) {
        const char *id = load_peek(L, n->kids[i], "a member id");
        size_t idx;
        if (!id) {
            ok = false;
            continue;
        }
        if (!itin_strmap_get(&L->people_ids, id, &idx) || idx >= P->delegation.n_participants) {
            load_error(L, pos_of(n->kids[i]), "company member %s is not a participant of the delegation",
                       QUOTED(L, n->kids[i]));
            ok = false;
            continue;
        }
        if (itin_who_has(c->who, idx)) {
            load_error(L, pos_of(n->kids[i]), "%s is named twice among the company's members",
                       QUOTED(L, n->kids[i]));
            ok = false;
            continue;
        }
        itin_who_add(c->who, idx);
        c->members[c->n_members++] = idx;
    }
    return ok;
}

static bool
company_side(loader *L, itin_company *c, const ynode *n)
{
    const char *s = load_peek(L, n, "a company's side");
    c->side_pos = pos_of(n);
    if (!s)
        return false;
    if (strcmp(s, "delegation") == 0)
        c->side = ITIN_SIDE_DELEGATION;
    else if (strcmp(s, "host") == 0)
        c->side = ITIN_SIDE_HOST;
    else {
        load_error(L, pos_of(n), "unknown side %s (expected delegation or host)", QUOTED(L, n));
        return false;
    }
    return true;
}

void
load_walk_company(loader *L, const ynode *n)
{
    ynode *v[COMPANY_KEY_COUNT];
    const char *what = "a company";
    if (!load_fields(L, n, what, COMPANY_KEYS, COMPANY_KEY_COUNT, v))
        return;
    itin_company c = {0};
    c.pos = pos_of(n);
    bool ok = true;
    if (!v[COMPANY_ID]) {
        load_missing(L, n, "id", what);
        ok = false;
    } else {
        ok &= load_get_id(L, v[COMPANY_ID], "a company's id", &c.id);
    }
    if (v[COMPANY_NAME])
        ok &= (c.name = load_text(L, v[COMPANY_NAME], "a company's name")) != NULL;
    else {
        load_missing(L, n, "name", what);
        ok = false;
    }
    if (v[COMPANY_SIDE]) {
        if (company_side(L, &c, v[COMPANY_SIDE]))
            ok &= company_members(L, &c, v[COMPANY_MEMBERS], n);
        else
            ok = false;
    } else {
        load_missing(L, n, "side", what);
        ok = false;
    }
    company_languages(L, &c, v[COMPANY_LANGUAGES]);
    if (v[COMPANY_CONTACT])
        load_get_contact(L, v[COMPANY_CONTACT], "a company's contact", &c.contact);
    if (!ok || !c.id)
        return;
    itin_plan *P = L->plan;
    size_t old;
    if (!itin_strmap_put(&L->company_ids, c.id, P->n_companies, &old)) {
        itin_pos o = P->companies[old].pos;
        load_error(L, pos_of(v[COMPANY_ID]), "duplicate company id '%s' (first defined at %s:%d:%d)", c.id,
                   o.file, o.line, o.col);
        return;
    }
    *ITIN_PUSH(L->plan_arena, P->companies, P->n_companies, L->cap_companies) = c;
}

/* ------------------------------------------------------------- sessions */

/* A whole number from lo to hi. */
static bool
get_count(loader *L, const ynode *n, const char *what, long lo, long hi, int *out)
{
    const char *s = load_text(L, n, what);
    char e[256];
    long v;
    if (!s)
        return false;
    if (itin_parse_uint(s, 1000000, &v, e, sizeof e) != 0) {
        load_error(L, pos_of(n), "%s: %s", what, e);
        return false;
    }
    if (v < lo || v > hi) {
        load_error(L, pos_of(n), "%s must be from %ld to %ld, not %ld", what, lo, hi, v);
        return false;
    }
    *out = (int)v;
    return true;
}

static void
walk_request(loader *L, itin_session *s, const ynode *n, size_t *cap)
{
    ynode *v[REQUEST_KEY_COUNT];
    const char *what = "a meeting request";
    if (!load_fields(L, n, what, REQUEST_KEYS, REQUEST_KEY_COUNT, v))
        return;
    itin_request r = {.pos = pos_of(n), .weight = 2, .from = NO_SLOT, .to = NO_SLOT};
    bool ok = true;
    if (v[REQUEST_FROM]) {
        r.from_pos = pos_of(v[REQUEST_FROM]);
        ok &= (r.from_id = load_text(L, v[REQUEST_FROM], "a request's 'from'")) != NULL;
    } else {
        load_missing(L, n, "from", what);
        ok = false;
    }
    if (v[REQUEST_TO]) {
        r.to_pos = pos_of(v[REQUEST_TO]);
        ok &= (r.to_id = load_text(L, v[REQUEST_TO], "a request's 'to'")) != NULL;
    } else {
        load_missing(L, n, "to", what);
        ok = false;
    }
    if (v[REQUEST_PRIORITY]) {
        const char *p = load_peek(L, v[REQUEST_PRIORITY], "a request's priority");
        if (!p)
            ok = false;
        else if (strcmp(p, "high") == 0)
            r.weight = 3;
        else if (strcmp(p, "normal") == 0)
            r.weight = 2;
        else if (strcmp(p, "low") == 0)
            r.weight = 1;
        else {
            load_error(L, pos_of(v[REQUEST_PRIORITY]), "unknown priority %s (expected high, normal or low)",
                       QUOTED(L, v[REQUEST_PRIORITY]));
            ok = false;
        }
    }
    if (ok && r.from_id && r.to_id && strcmp(r.from_id, r.to_id) == 0) {
        load_error(L, r.to_pos, "a request from '%s' to itself", r.from_id);
        ok = false;
    }
    if (ok)
        *ITIN_PUSH(L->plan_arena, s->requests, s->n_requests, *cap) = r;
}

static void
walk_unavailable(loader *L, itin_session *s, const ynode *n, size_t *cap)
{
    ynode *v[UNAVAILABLE_KEY_COUNT];
    const char *what = "an unavailable time";
    if (!load_fields(L, n, what, UNAVAILABLE_KEYS, UNAVAILABLE_KEY_COUNT, v))
        return;
    itin_unavailable u = {.pos = pos_of(n), .company = NO_SLOT};
    bool ok = true;
    if (v[UNAVAILABLE_COMPANY]) {
        u.company_pos = pos_of(v[UNAVAILABLE_COMPANY]);
        ok &= (u.company_id = load_text(L, v[UNAVAILABLE_COMPANY], "an unavailable time's company")) != NULL;
    } else {
        load_missing(L, n, "company", what);
        ok = false;
    }
    itin_offset off;
    if (v[UNAVAILABLE_FROM])
        ok &= load_get_time(L, v[UNAVAILABLE_FROM], "an unavailable time's 'from'", false, &u.from, &off);
    else {
        load_missing(L, n, "from", what);
        ok = false;
    }
    if (v[UNAVAILABLE_TO])
        ok &= load_get_time(L, v[UNAVAILABLE_TO], "an unavailable time's 'to'", true, &u.to, &off);
    else {
        load_missing(L, n, "to", what);
        ok = false;
    }
    if (ok && u.to <= u.from) {
        load_error(L, pos_of(v[UNAVAILABLE_TO]),
                   "an unavailable time must end after it starts (%s is not after %s)",
                   v[UNAVAILABLE_TO]->str, v[UNAVAILABLE_FROM]->str);
        ok = false;
    }
    if (ok)
        *ITIN_PUSH(L->plan_arena, s->unavailable, s->n_unavailable, *cap) = u;
}

/* A list under `key` whose elements are mappings walked by `walk`. */
static void
walk_list(loader *L, itin_session *s, const ynode *n, const char *key,
          void (*walk)(loader *, itin_session *, const ynode *, size_t *))
{
    if (!n || load_is_empty(n))
        return;
    if (n->kind != N_SEQ) {
        load_error(L, pos_of(n), "a session's %s must be a list, not %s", key, load_kind_name(n));
        return;
    }
    if (n->n > MAX_REQUESTS) {
        load_error(L, pos_of(n), "a session holds at most %d %s", MAX_REQUESTS, key);
        return;
    }
    size_t cap = 0;
    for (size_t i = 0; i < n->n; i++)
        walk(L, s, n->kids[i], &cap);
}

/* date, start, end, slot and gap: at least one slot, within the trip. */
static bool
session_times(loader *L, itin_session *s, const ynode *n, ynode **v)
{
    const itin_delegation *D = &L->plan->delegation;
    const char *what = "a matchmaking session";
    bool ok = true;
    itin_offset off;
    if (v[SESSION_DATE]) {
        s->date_pos = pos_of(v[SESSION_DATE]);
        if (!load_get_date(L, v[SESSION_DATE], "a session's date", &s->date))
            ok = false;
        else if (L->dates_ok && (s->date < D->start || s->date > D->end)) {
            char a[16], b[16], c[16];
            load_error(L, s->date_pos, "session date %s is outside the delegation (%s to %s)",
                       itin_date_format(s->date, a), itin_date_format(D->start, b),
                       itin_date_format(D->end, c));
            ok = false;
        }
    } else {
        load_missing(L, n, "date", what);
        ok = false;
    }
    static const int keys[] = {SESSION_START, SESSION_END, SESSION_SLOT};
    static const char *const names[] = {"start", "end", "slot"};
    for (size_t i = 0; i < 3; i++)
        if (!v[keys[i]]) {
            load_missing(L, n, names[i], what);
            ok = false;
        }
    if (!ok)
        return false;
    s->end_pos = pos_of(v[SESSION_END]);
    s->slot_pos = pos_of(v[SESSION_SLOT]);
    ok &= load_get_time(L, v[SESSION_START], "a session's start", false, &s->start, &off);
    ok &= load_get_time(L, v[SESSION_END], "a session's end", true, &s->end, &off);
    ok &= load_get_duration(L, v[SESSION_SLOT], "a session's slot", true, &s->slot);
    if (v[SESSION_GAP])
        ok &= load_get_duration(L, v[SESSION_GAP], "a session's gap", false, &s->gap);
    if (!ok)
        return false;
    if (s->end <= s->start) {
        load_error(L, s->end_pos, "a session must end after it starts (%s is not after %s)",
                   v[SESSION_END]->str, v[SESSION_START]->str);
        return false;
    }
    if (s->end - s->start < s->slot) {
        char a[16], b[16];
        load_error(L, s->slot_pos, "the session (%s) is shorter than one slot (%s)",
                   itin_duration_format(s->end - s->start, a), itin_duration_format(s->slot, b));
        return false;
    }
    s->n_slots = (s->end - s->start + s->gap) / (s->slot + s->gap);
    if (s->n_slots > MAX_SLOTS) {
        load_error(L, s->slot_pos, "a session has at most %d slots, not %d", MAX_SLOTS, s->n_slots);
        return false;
    }
    return true;
}

void
load_walk_session(loader *L, const ynode *n)
{
    ynode *v[SESSION_KEY_COUNT];
    const char *what = "a matchmaking session";
    if (!load_fields(L, n, what, SESSION_KEYS, SESSION_KEY_COUNT, v))
        return;
    itin_session s = {.pos = pos_of(n), .tables = 1};
    bool ok = true;
    if (!v[SESSION_ID]) {
        load_missing(L, n, "id", what);
        ok = false;
    } else {
        ok &= load_get_id(L, v[SESSION_ID], "a session's id", &s.id);
    }
    s.title = v[SESSION_TITLE] ? load_text(L, v[SESSION_TITLE], "a session's title") : NULL;
    if (v[SESSION_AT])
        ok &= load_get_place(L, v[SESSION_AT], "a session's place ('at')", &s.at);
    else {
        load_missing(L, n, "at", what);
        ok = false;
    }
    ok &= session_times(L, &s, n, v);
    if (v[SESSION_TABLES])
        ok &= get_count(L, v[SESSION_TABLES], "tables", 1, MAX_TABLES, &s.tables);
    else {
        load_missing(L, n, "tables", what);
        ok = false;
    }
    if (v[SESSION_INTERPRETERS])
        ok &= get_count(L, v[SESSION_INTERPRETERS], "interpreters", 0, MAX_TABLES, &s.interpreters);
    walk_list(L, &s, v[SESSION_REQUESTS], "requests", walk_request);
    if (ok && (size_t)s.n_slots * s.n_requests > MAX_REQUEST_SLOTS) {
        load_error(
            L, pos_of(v[SESSION_REQUESTS]),
            "a session has at most %d requests \u00d7 slots (%zu requests \u00d7 %d slots); split it into "
            "sessions",
            MAX_REQUEST_SLOTS, s.n_requests, s.n_slots);
        ok = false;
    }
    walk_list(L, &s, v[SESSION_UNAVAILABLE], "unavailable", walk_unavailable);
    if (!ok || !s.id)
        return;
    if (!s.title)
        s.title = itin_arena_printf(L->plan_arena, "B2B meetings");
    itin_plan *P = L->plan;
    size_t old;
    if (!itin_strmap_put(&L->session_ids, s.id, P->n_sessions, &old)) {
        itin_pos o = P->sessions[old].pos;
        load_error(L, pos_of(v[SESSION_ID]), "duplicate session id '%s' (first defined at %s:%d:%d)", s.id,
                   o.file, o.line, o.col);
        return;
    }
    *ITIN_PUSH(L->plan_arena, P->sessions, P->n_sessions, L->cap_sessions) = s;
}

/* ---------------------------------------------------------- resolution */

/* A company id written in a session, or reported with a did-you-mean. */
static bool
resolve_company(loader *L, const char *id, itin_pos pos, size_t *out)
{
    if (itin_strmap_get(&L->company_ids, id, out))
        return true;
    const itin_plan *P = L->plan;
    const char **ids = itin_xmalloc((P->n_companies + 1) * sizeof *ids);
    for (size_t i = 0; i < P->n_companies; i++)
        ids[i] = P->companies[i].id;
    const char *hint = itin_suggest(id, ids, P->n_companies);
    const char *q = load_quote(L, id, strlen(id));
    if (hint)
        load_error(L, pos, "no company has the id %s (did you mean '%s'?)", q, hint);
    else
        load_error(L, pos, "no company has the id %s", q);
    free(ids);
    return false;
}

static void
resolve_requests(loader *L, itin_session *s)
{
    const itin_plan *P = L->plan;
    itin_pairmap seen;
    itin_pairmap_init(&seen);
    size_t k = 0;
    for (size_t i = 0; i < s->n_requests; i++) {
        itin_request r = s->requests[i];
        bool ok = resolve_company(L, r.from_id, r.from_pos, &r.from);
        ok &= resolve_company(L, r.to_id, r.to_pos, &r.to);
        if (!ok)
            continue;
        const itin_company *a = &P->companies[r.from], *b = &P->companies[r.to];
        if (a->side == b->side) {
            load_error(
                L, r.to_pos,
                "a request joins a delegation company and a host company; '%s' and '%s' are both on the "
                "%s side",
                a->id, b->id, a->side == ITIN_SIDE_HOST ? "host" : "delegation");
            continue;
        }
        size_t old;
        if (!itin_pairmap_put(&seen, r.from, r.to, k, &old)) {
            itin_pos o = s->requests[old].pos;
            load_error(L, r.pos, "duplicate request from '%s' to '%s' (first at line %d, column %d)", a->id,
                       b->id, o.line, o.col);
            continue;
        }
        s->requests[k++] = r;
    }
    s->n_requests = k;
    itin_pairmap_free(&seen);
}

static void
resolve_unavailable(loader *L, itin_session *s)
{
    for (size_t i = 0; i < s->n_unavailable; i++) {
        itin_unavailable *u = &s->unavailable[i];
        if (!resolve_company(L, u->company_id, u->company_pos, &u->company))
            continue;
        if (u->to <= s->start || u->from >= s->end) {
            char a[8], b[8];
            load_error(L, u->pos, "the unavailable time of '%s' lies outside the session (%s\u2013%s)",
                       u->company_id, itin_hm(s->start, a), itin_hm(s->end, b));
        }
    }
}

void
load_resolve_matchmaking(loader *L)
{
    itin_plan *P = L->plan;
    if (P->n_sessions && !P->n_companies)
        load_error(L, P->sessions[0].pos, "a matchmaking session needs 'companies'");
    for (size_t i = 0; i < P->n_sessions; i++) {
        resolve_requests(L, &P->sessions[i]);
        resolve_unavailable(L, &P->sessions[i]);
    }
}
