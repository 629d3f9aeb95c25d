/* places: institutions (§6 of docs/format.md), their opening hours (§7),
 * and the place ids that visits, legs and lodging refer to. */
#include <stdlib.h>
#include <string.h>

#include "load.h"

static const char *const DAY_NAMES[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

static int
cmp_interval(const void *a, const void *b)
{
    const itin_interval *x = a, *y = b;
    return (x->open > y->open) - (x->open < y->open);
}

/* The intervals of one day's value in hours (text or a list: "HH:MM-HH:MM"
 * or closed), sorted; false when something in it was wrong. */
static bool
day_intervals(loader *L, const ynode *v, itin_interval *iv, int *niv_out)
{
    const ynode *one[1] = {v};
    const ynode *const *items = one;
    size_t count = 1;
    int niv = 0;
    bool bad = false;
    char e[256];
    if (v->kind == N_SEQ) {
        items = (const ynode *const *)v->kids;
        count = v->n;
    }
    for (size_t j = 0; j < count; j++) {
        const char *s = load_text(L, items[j], "an opening interval");
        if (!s) {
            bad = true;
            continue;
        }
        if (strcmp(s, "closed") == 0) {
            if (count > 1) {
                load_error(L, pos_of(items[j]), "'closed' cannot be combined with opening intervals");
                bad = true;
            }
            continue;
        }
        if (niv == ITIN_MAX_INTERVALS) {
            load_error(L, pos_of(items[j]), "at most %d opening intervals a day", ITIN_MAX_INTERVALS);
            bad = true;
            break;
        }
        if (itin_parse_interval(s, &iv[niv].open, &iv[niv].close, e, sizeof e) != 0) {
            load_error(L, pos_of(items[j]), "%s", e);
            bad = true;
            continue;
        }
        niv++;
    }
    qsort(iv, (size_t)niv, sizeof *iv, cmp_interval);
    for (int j = 1; j < niv; j++)
        if (iv[j].open < iv[j - 1].close) {
            load_error(L, pos_of(v), "opening intervals overlap");
            bad = true;
            break;
        }
    *niv_out = niv;
    return !bad;
}

/* Give the days a key names their intervals; a day named twice is reported. */
static void
assign_days(loader *L, const ynode *k, unsigned mask, const itin_interval *iv, int niv, bool ok,
            const ynode **named_by, itin_hours *h)
{
    for (int d = 0; d < 7; d++) {
        if (!(mask & (1u << d)))
            continue;
        if (named_by[d]) {
            load_error(L, pos_of(k), "'%s' is named twice in hours (also by '%s' at line %d, column %d)",
                       DAY_NAMES[d], named_by[d]->str, named_by[d]->pos.line, named_by[d]->pos.col);
            continue;
        }
        named_by[d] = k;
        if (ok) {
            memcpy(h->iv[d], iv, (size_t)niv * sizeof *iv);
            h->n[d] = niv;
        }
    }
}

/* Opening hours (§7): days or day ranges -> intervals. */
static void
get_hours(loader *L, const ynode *n, itin_hours *h)
{
    const ynode *named_by[7] = {0};
    memset(h, 0, sizeof *h);
    if (n->kind != N_MAP) {
        load_error(L, pos_of(n), "hours must be a mapping of days to opening times, not %s",
                   load_kind_name(n));
        return;
    }
    for (size_t i = 0; i < n->n; i++) {
        const ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
        unsigned mask = 0;
        char e[256];
        const char *ks = load_text(L, k, "a day in hours");
        if (!ks)
            continue;
        if (itin_parse_dayspec(ks, &mask, e, sizeof e) != 0) {
            load_error(L, pos_of(k), "%s", e);
            continue;
        }
        itin_interval iv[ITIN_MAX_INTERVALS];
        int niv = 0;
        if (v->kind != N_SEQ && v->kind != N_SCALAR) {
            load_error(L, pos_of(v), "opening times must be \"HH:MM-HH:MM\", a list of them, or closed");
            continue;
        }
        bool ok = day_intervals(L, v, iv, &niv);
        assign_days(L, k, mask, iv, niv, ok, named_by, h);
    }
}

static bool
get_geo(loader *L, const ynode *n, double *lat, double *lon)
{
    if (n->kind != N_SEQ || n->n != 2) {
        load_error(L, pos_of(n), "geo must be [latitude, longitude] in decimal degrees");
        return false;
    }
    double v[2];
    for (int i = 0; i < 2; i++) {
        const char *s = load_text(L, n->kids[i], i ? "a longitude" : "a latitude");
        char e[256];
        if (!s)
            return false;
        if (itin_parse_decimal(s, &v[i], e, sizeof e) != 0) {
            load_error(L, pos_of(n->kids[i]), "%s", e);
            return false;
        }
    }
    if (v[0] < -90 || v[0] > 90) {
        load_error(L, pos_of(n->kids[0]), "latitude %s is outside -90..90", n->kids[0]->str);
        return false;
    }
    if (v[1] < -180 || v[1] > 180) {
        load_error(L, pos_of(n->kids[1]), "longitude %s is outside -180..180", n->kids[1]->str);
        return false;
    }
    *lat = v[0];
    *lon = v[1];
    return true;
}

void
load_get_place_codes(loader *L, const ynode *cn, const ynode *rn, const char **country, const char **region)
{
    char e[256];
    if (cn) {
        const char *s = load_text(L, cn, "country");
        if (s && itin_check_country(s, e, sizeof e) != 0)
            load_error(L, pos_of(cn), "%s", e);
        else
            *country = s;
    }
    if (rn) {
        const char *s = load_text(L, rn, "region");
        if (s && itin_check_region(s, e, sizeof e) != 0)
            load_error(L, pos_of(rn), "%s", e);
        else
            *region = s;
    }
    if (*region) {
        if (*country && strncmp(*country, *region, 2) != 0)
            load_error(L, pos_of(rn), "region '%s' is not in country '%s'", *region, *country);
        else if (!*country)
            *country = itin_arena_strndup(L->plan_arena, *region, 2);
    }
}

enum institution_key {
    INSTITUTION_ID,
    INSTITUTION_NAME,
    INSTITUTION_SHORT,
    INSTITUTION_KIND,
    INSTITUTION_ADDRESS,
    INSTITUTION_CITY,
    INSTITUTION_COUNTRY,
    INSTITUTION_REGION,
    INSTITUTION_TIMEZONE,
    INSTITUTION_GEO,
    INSTITUTION_HOURS,
    INSTITUTION_OPEN_ON_HOLIDAYS,
    INSTITUTION_CLOSED,
    INSTITUTION_OPEN,
    INSTITUTION_CONTACT,
    INSTITUTION_URL,
    INSTITUTION_KEY_COUNT
};
static const char *const INSTITUTION_KEYS[INSTITUTION_KEY_COUNT] = {
    [INSTITUTION_ID] = "id",
    [INSTITUTION_NAME] = "name",
    [INSTITUTION_SHORT] = "short",
    [INSTITUTION_KIND] = "kind",
    [INSTITUTION_ADDRESS] = "address",
    [INSTITUTION_CITY] = "city",
    [INSTITUTION_COUNTRY] = "country",
    [INSTITUTION_REGION] = "region",
    [INSTITUTION_TIMEZONE] = "timezone",
    [INSTITUTION_GEO] = "geo",
    [INSTITUTION_HOURS] = "hours",
    [INSTITUTION_OPEN_ON_HOLIDAYS] = "open_on_holidays",
    [INSTITUTION_CLOSED] = "closed",
    [INSTITUTION_OPEN] = "open",
    [INSTITUTION_CONTACT] = "contact",
    [INSTITUTION_URL] = "url",
};
_Static_assert(INSTITUTION_KEY_COUNT <= MAX_KEYS, "MAX_KEYS is too small");

enum open_date_key { OPEN_DATE, OPEN_HOURS, OPEN_KEY_COUNT };
static const char *const OPEN_KEYS[OPEN_KEY_COUNT] = {[OPEN_DATE] = "date", [OPEN_HOURS] = "hours"};

const load_key_table load_place_key_tables[] = {
    {"institution", INSTITUTION_KEYS, INSTITUTION_KEY_COUNT},
    {"open date", OPEN_KEYS, OPEN_KEY_COUNT},
    {NULL, NULL, 0},
};

/* A new institution with its id defined, or NULL after reporting why not. */
static itin_institution *
define_institution(loader *L, const ynode *n, ynode **v)
{
    itin_plan *P = L->plan;
    itin_institution *I = ITIN_PUSH(L->plan_arena, P->institutions, P->n_institutions, L->cap_inst);
    I->pos = pos_of(n);
    if (!v[INSTITUTION_ID]) {
        load_missing(L, n, "id", "an institution");
        P->n_institutions--;
        return NULL;
    }
    if (!load_get_id(L, v[INSTITUTION_ID], "an institution's id", &I->id)) {
        P->n_institutions--;
        return NULL;
    }
    size_t old;
    if (!itin_strmap_put(&L->inst_ids, I->id, P->n_institutions - 1, &old)) {
        itin_pos o = P->institutions[old].pos;
        load_error(L, pos_of(v[INSTITUTION_ID]), "duplicate institution id '%s' (first defined at %s:%d:%d)",
                   I->id, o.file, o.line, o.col);
        P->n_institutions--;
        return NULL;
    }
    return I;
}

static void
walk_closed_dates(loader *L, itin_institution *I, const ynode *c)
{
    const ynode *one[1] = {c};
    const ynode *const *items = one;
    size_t count = 1;
    if (c->kind == N_SEQ) {
        items = (const ynode *const *)c->kids;
        count = c->n;
    } else if (c->kind != N_SCALAR) {
        load_error(L, pos_of(c), "closed must be a list of dates");
        count = 0;
    }
    I->closed = itin_arena_alloc(L->plan_arena, (count ? count : 1) * sizeof *I->closed);
    I->closed_pos = itin_arena_alloc(L->plan_arena, (count ? count : 1) * sizeof *I->closed_pos);
    for (size_t i = 0; i < count; i++)
        if (load_get_date(L, items[i], "a closed date", &I->closed[I->n_closed])) {
            I->closed_pos[I->n_closed] = pos_of(items[i]);
            I->n_closed++;
        }
}

/* One element of `open`: a date and its hours, neither closed nor given twice. */
static void
walk_open_date(loader *L, itin_institution *I, const ynode *e)
{
    ynode *v[OPEN_KEY_COUNT];
    itin_open_date *o = &I->open[I->n_open];
    char ds[16];
    if (!load_fields(L, e, "an open date", OPEN_KEYS, OPEN_KEY_COUNT, v))
        return;
    if (!v[OPEN_DATE] || !v[OPEN_HOURS]) {
        load_missing(L, e, v[OPEN_DATE] ? "hours" : "date", "an open date");
        return;
    }
    if (!load_get_date(L, v[OPEN_DATE], "an open date", &o->date) ||
        !day_intervals(L, v[OPEN_HOURS], o->iv, &o->n))
        return;
    o->pos = pos_of(e);
    if (o->n == 0) {
        load_error(L, pos_of(v[OPEN_HOURS]),
                   "an open date needs its opening hours (a date it is closed goes under closed)");
        return;
    }
    for (size_t i = 0; i < I->n_open; i++)
        if (I->open[i].date == o->date) {
            load_error(L, pos_of(v[OPEN_DATE]), "%s is given twice in open (also at line %d, column %d)",
                       itin_date_format(o->date, ds), I->open[i].pos.line, I->open[i].pos.col);
            return;
        }
    for (size_t i = 0; i < I->n_closed; i++)
        if (I->closed[i] == o->date) {
            load_error(L, pos_of(v[OPEN_DATE]), "%s is both open and closed (closed at line %d, column %d)",
                       itin_date_format(o->date, ds), I->closed_pos[i].line, I->closed_pos[i].col);
            return;
        }
    I->n_open++;
}

/* open: dates with hours of their own (after closed, which they must not name). */
static void
walk_open_dates(loader *L, itin_institution *I, const ynode *c)
{
    if (c->kind != N_SEQ) {
        load_error(L, pos_of(c), "open must be a list of {date, hours}");
        return;
    }
    I->open = itin_arena_alloc(L->plan_arena, (c->n ? c->n : 1) * sizeof *I->open);
    for (size_t i = 0; i < c->n; i++)
        walk_open_date(L, I, c->kids[i]);
}

static void
walk_address(loader *L, itin_institution *I, ynode **v)
{
    I->address = load_opt_user_text(L, v[INSTITUTION_ADDRESS], "address");
    I->city = load_opt_user_text(L, v[INSTITUTION_CITY], "city");
    load_get_place_codes(L, v[INSTITUTION_COUNTRY], v[INSTITUTION_REGION], &I->country, &I->region);
    const ynode *zn = v[INSTITUTION_TIMEZONE];
    if (zn) {
        I->timezone = load_get_zone(L, zn, "timezone", "Asia/Seoul", I->country, false);
    }
    if (v[INSTITUTION_GEO])
        I->has_geo = get_geo(L, v[INSTITUTION_GEO], &I->lat, &I->lon);
}

/* When it is open: hours, holidays, closed dates and dates with hours of their own. */
static void
walk_opening(loader *L, itin_institution *I, ynode **v)
{
    if (v[INSTITUTION_HOURS] && !load_is_empty(v[INSTITUTION_HOURS])) {
        I->has_hours = true;
        get_hours(L, v[INSTITUTION_HOURS], &I->hours);
    }
    if (v[INSTITUTION_OPEN_ON_HOLIDAYS])
        load_get_bool(L, v[INSTITUTION_OPEN_ON_HOLIDAYS], "open_on_holidays", &I->open_on_holidays);
    if (v[INSTITUTION_CLOSED] && !load_is_empty(v[INSTITUTION_CLOSED]))
        walk_closed_dates(L, I, v[INSTITUTION_CLOSED]);
    if (v[INSTITUTION_OPEN] && !load_is_empty(v[INSTITUTION_OPEN]))
        walk_open_dates(L, I, v[INSTITUTION_OPEN]);
}

void
load_walk_institution(loader *L, const ynode *n)
{
    ynode *v[INSTITUTION_KEY_COUNT];
    if (!load_fields(L, n, "an institution", INSTITUTION_KEYS, INSTITUTION_KEY_COUNT, v))
        return;
    itin_institution *I = define_institution(L, n, v);
    if (!I)
        return;
    if (v[INSTITUTION_NAME])
        I->name = load_user_text(L, v[INSTITUTION_NAME], "an institution's name");
    else
        load_missing(L, n, "name", "an institution");
    if (!I->name)
        I->name = I->id;
    I->short_name = load_opt_user_text(L, v[INSTITUTION_SHORT], "short");
    I->kind = load_opt_user_text(L, v[INSTITUTION_KIND], "kind");
    walk_address(L, I, v);
    walk_opening(L, I, v);
    load_get_contact(L, v[INSTITUTION_CONTACT], "an institution's contact", &I->contact);
    I->url = load_opt_text(L, v[INSTITUTION_URL], "url");
}

bool
load_get_place(loader *L, const ynode *n, const char *what, size_t *out)
{
    const char *id = load_peek(L, n, what);
    if (!id)
        return false;
    if (!itin_strmap_get(&L->inst_ids, id, out)) {
        const char *hint = NULL;
        /* A did-you-mean over every institution id: only worth it on error. */
        const itin_plan *P = L->plan;
        const char **ids = itin_xmalloc((P->n_institutions + 1) * sizeof *ids);
        for (size_t i = 0; i < P->n_institutions; i++)
            ids[i] = P->institutions[i].id;
        hint = itin_suggest(id, ids, P->n_institutions);
        if (hint)
            load_error(L, pos_of(n), "no institution has the id %s (did you mean '%s'?)", QUOTED(L, n), hint);
        else
            load_error(L, pos_of(n), "no institution has the id %s", QUOTED(L, n));
        free(ids);
        return false;
    }
    return true;
}
