/* delegation: the delegation (§4 of docs/format.md), its participants and
 * groups, and `with` (§5). */
#include <limits.h>
#include <string.h>

#include "load.h"

/* `with`: absent or "all" means everyone; else participant and group ids. */
void
load_get_who(loader *L, const ynode *n, itin_who *w)
{
    itin_plan *P = L->plan;
    w->bits = itin_arena_alloc(L->plan_arena, P->who_words * sizeof *w->bits);
    w->everyone = false;
    if (!n || load_is_empty(n) || (n->kind == N_SCALAR && strcmp(n->str, "all") == 0)) {
        w->everyone = true;
        for (size_t i = 0; i < P->delegation.n_participants; i++)
            itin_who_add(w->bits, i);
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
        const char *id = load_text(L, items[i], "an attendee id");
        size_t idx;
        if (!id)
            continue;
        if (strcmp(id, "all") == 0) {
            for (size_t j = 0; j < P->delegation.n_participants; j++)
                itin_who_add(w->bits, j);
            continue;
        }
        if (!itin_strmap_get(&L->people_ids, id, &idx)) {
            load_error(L, pos_of(items[i]), "%s is neither a participant nor a group of the delegation",
                       QUOTED(L, items[i]));
            continue;
        }
        if (idx < P->delegation.n_participants) {
            itin_who_add(w->bits, idx);
        } else {
            const itin_group *g = &P->delegation.groups[idx - P->delegation.n_participants];
            for (size_t j = 0; j < g->n_members; j++)
                itin_who_add(w->bits, g->members[j]);
        }
    }
    /* Naming every participant is the same as "all". */
    size_t np = P->delegation.n_participants;
    bool all = np > 0;
    for (size_t j = 0; j < np && all; j++)
        all = itin_who_has(w->bits, j);
    w->everyone = all;
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

void
load_walk_delegation(loader *L, const ynode *n)
{
    static const char *const keys[] = {"id",     "title",    "lead",     "organizer",    "start",
                                       "end",    "timezone", "language", "revision",     "day",
                                       "buffer", "travel",   "reminder", "participants", "groups"};
    enum {
        K_ID,
        K_TITLE,
        K_LEAD,
        K_ORG,
        K_START,
        K_END,
        K_TZ,
        K_LANG,
        K_REV,
        K_DAY,
        K_BUF,
        K_TRAVEL,
        K_REMIND,
        K_PART,
        K_GROUPS,
        K__N
    };
    ynode *v[K__N];
    itin_plan *P = L->plan;
    itin_delegation *D = &P->delegation;
    const char *what = "the delegation";

    D->revision = -1;
    D->reminder = -1;
    D->day_start = 7 * 60;
    D->day_end = 22 * 60;
    D->travel = ITIN_MODE_CAR;
    D->language = "en";
    D->pos = pos_of(n);
    P->has_delegation = true;
    if (!load_fields(L, n, what, keys, K__N, v))
        return;

    if (v[K_ID])
        load_get_id(L, v[K_ID], "the delegation's id", &D->id);
    else
        load_missing(L, n, "id", what);
    if (v[K_TITLE])
        D->title = load_text(L, v[K_TITLE], "the delegation's title");
    else
        load_missing(L, n, "title", what);
    D->lead = load_opt_text(L, v[K_LEAD], "the delegation's lead");
    load_get_contact(L, v[K_ORG], "the organizer", &D->organizer);

    bool have_start = false, have_end = false;
    if (v[K_START])
        have_start = load_get_date(L, v[K_START], "the delegation's start", &D->start);
    else
        load_missing(L, n, "start", what);
    if (v[K_END])
        have_end = load_get_date(L, v[K_END], "the delegation's end", &D->end);
    else
        load_missing(L, n, "end", what);
    if (have_start && have_end && D->end < D->start) {
        char a[16], b[16];
        load_error(L, pos_of(v[K_END]), "the delegation ends (%s) before it starts (%s)",
                   itin_date_format(D->end, a), itin_date_format(D->start, b));
    } else if (have_start && have_end && D->end - D->start > 366) {
        load_error(L, pos_of(v[K_END]), "a delegation lasts at most 366 days");
    }
    L->dates_ok = have_start && have_end && D->end >= D->start && D->end - D->start <= 366;
    if (!L->dates_ok)
        D->end = D->start - 1; /* no valid range: nothing can be placed */

    if (v[K_TZ]) {
        const char *tz = load_text(L, v[K_TZ], "the delegation's timezone");
        if (tz && !itin_zone_get(tz))
            load_error(L, pos_of(v[K_TZ]),
                       "unknown time zone %s (expected an IANA name such as Europe/Berlin)",
                       QUOTED(L, v[K_TZ]));
        else
            D->timezone = tz;
    } else {
        load_missing(L, n, "timezone", what);
    }
    if (v[K_LANG]) {
        const char *s = load_text(L, v[K_LANG], "the delegation's language");
        char e[256];
        if (s && itin_check_language(s, e, sizeof e) != 0)
            load_error(L, pos_of(v[K_LANG]), "%s", e);
        else if (s)
            D->language = s;
    }
    if (v[K_REV]) {
        const char *s = load_text(L, v[K_REV], "the revision");
        long r;
        char e[256];
        if (s && itin_parse_uint(s, INT_MAX, &r, e, sizeof e) != 0)
            load_error(L, pos_of(v[K_REV]), "revision: %s", e);
        else if (s)
            D->revision = (int)r;
    }
    if (v[K_DAY] && !load_is_empty(v[K_DAY])) {
        static const char *const dk[] = {"start", "end"};
        ynode *dv[2];
        if (load_fields(L, v[K_DAY], "the day window", dk, 2, dv)) {
            if (dv[0])
                load_get_time(L, dv[0], "the day window's start", false, &D->day_start);
            if (dv[1])
                load_get_time(L, dv[1], "the day window's end", true, &D->day_end);
            if (D->day_end <= D->day_start)
                load_error(L, pos_of(dv[1] ? dv[1] : v[K_DAY]), "the day window must end after it starts");
        }
    }
    if (v[K_BUF])
        load_get_duration(L, v[K_BUF], "the buffer", false, &D->buffer);
    if (v[K_TRAVEL] && !load_is_empty(v[K_TRAVEL])) {
        static const char *const tk[] = {"mode"};
        ynode *tv[1];
        if (load_fields(L, v[K_TRAVEL], "the delegation's travel defaults", tk, 1, tv) && tv[0])
            load_get_mode(L, tv[0], "the default travel mode", &D->travel);
    }
    if (v[K_REMIND])
        load_get_duration(L, v[K_REMIND], "the reminder", false, &D->reminder);

    /* Participants. */
    const ynode *pn = v[K_PART];
    if (!pn || load_is_empty(pn)) {
        load_missing(L, n, "participants", what);
        pn = NULL;
    } else if (pn->kind != N_SEQ) {
        load_error(L, pos_of(pn), "participants must be a list, not %s", load_kind_name(pn));
        pn = NULL;
    }
    const ynode *gn = v[K_GROUPS];
    if (gn && load_is_empty(gn))
        gn = NULL;
    if (gn && gn->kind != N_SEQ) {
        load_error(L, pos_of(gn), "groups must be a list, not %s", load_kind_name(gn));
        gn = NULL;
    }
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
    P->who_words = np ? (np + 63) / 64 : 1;

    static const char *const pk[] = {"id", "name", "role", "org", "email", "phone"};
    for (size_t i = 0; i < np; i++) {
        const ynode *e = pn->kids[i];
        itin_participant *p = &D->participants[D->n_participants];
        ynode *pv[6];
        p->pos = pos_of(e);
        if (!load_fields(L, e, "a participant", pk, 6, pv))
            continue;
        if (!pv[0]) {
            load_missing(L, e, "id", "a participant");
            continue;
        }
        if (!load_get_id(L, pv[0], "a participant's id", &p->id))
            continue;
        if (pv[1])
            p->name = load_text(L, pv[1], "a participant's name");
        else
            load_missing(L, e, "name", "a participant");
        if (!p->name)
            p->name = p->id;
        p->role = load_opt_text(L, pv[2], "a participant's role");
        p->org = load_opt_text(L, pv[3], "a participant's org");
        load_get_email(L, pv[4], "a participant's email", &p->email);
        p->phone = load_opt_text(L, pv[5], "a participant's phone");
        L->person_pos[D->n_participants] = p->pos;
        define_person(L, p->id, D->n_participants, pos_of(pv[0]));
        D->n_participants++;
    }
    /* Groups are numbered after the participants in the shared namespace. */
    static const char *const gk[] = {"id", "name", "members"};
    for (size_t i = 0; i < ng; i++) {
        const ynode *e = gn->kids[i];
        itin_group *g = &D->groups[D->n_groups];
        ynode *gv[3];
        g->pos = pos_of(e);
        if (!load_fields(L, e, "a group", gk, 3, gv))
            continue;
        if (!gv[0]) {
            load_missing(L, e, "id", "a group");
            continue;
        }
        if (!load_get_id(L, gv[0], "a group's id", &g->id))
            continue;
        g->name = gv[1] ? load_text(L, gv[1], "a group's name") : NULL;
        if (!g->name)
            g->name = g->id;
        const ynode *m = gv[2];
        if (!m || load_is_empty(m)) {
            load_missing(L, e, "members", "a group");
        } else if (m->kind != N_SEQ) {
            load_error(L, pos_of(m), "a group's members must be a list of participant ids, not %s",
                       load_kind_name(m));
        } else {
            g->members = itin_arena_alloc(L->plan_arena, (m->n ? m->n : 1) * sizeof *g->members);
            for (size_t j = 0; j < m->n; j++) {
                const char *id = load_text(L, m->kids[j], "a member id");
                size_t idx;
                if (!id)
                    continue;
                if (!itin_strmap_get(&L->people_ids, id, &idx) || idx >= D->n_participants) {
                    load_error(L, pos_of(m->kids[j]),
                               "group member %s is not a participant of the delegation",
                               QUOTED(L, m->kids[j]));
                    continue;
                }
                g->members[g->n_members++] = idx;
            }
            if (m->n == 0)
                load_error(L, pos_of(m), "group '%s' has no members", g->id);
        }
        L->person_pos[D->n_participants + D->n_groups] = g->pos;
        define_person(L, g->id, D->n_participants + D->n_groups, pos_of(gv[0]));
        D->n_groups++;
    }
}
