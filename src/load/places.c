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
        bool bad = false;
        const ynode *one[1] = {v};
        const ynode *const *items = one;
        size_t count = 1;
        if (v->kind == N_SEQ) {
            items = (const ynode *const *)v->kids;
            count = v->n;
        } else if (v->kind != N_SCALAR) {
            load_error(L, pos_of(v), "opening times must be \"HH:MM-HH:MM\", a list of them, or closed");
            continue;
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
        for (int d = 0; d < 7; d++) {
            if (!(mask & (1u << d)))
                continue;
            if (named_by[d]) {
                load_error(L, pos_of(k), "'%s' is named twice in hours (also by '%s' at line %d, column %d)",
                           DAY_NAMES[d], named_by[d]->str, named_by[d]->pos.line, named_by[d]->pos.col);
                continue;
            }
            named_by[d] = k;
            if (!bad) {
                memcpy(h->iv[d], iv, (size_t)niv * sizeof *iv);
                h->n[d] = niv;
            }
        }
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

void
load_walk_institution(loader *L, const ynode *n)
{
    static const char *const keys[] = {"id",       "name",    "short",   "kind",
                                       "address",  "city",    "country", "region",
                                       "timezone", "geo",     "hours",   "open_on_holidays",
                                       "closed",   "contact", "url"};
    enum {
        K_ID,
        K_NAME,
        K_SHORT,
        K_KIND,
        K_ADDR,
        K_CITY,
        K_COUNTRY,
        K_REGION,
        K_TZ,
        K_GEO,
        K_HOURS,
        K_OOH,
        K_CLOSED,
        K_CONTACT,
        K_URL,
        K__N
    };
    ynode *v[K__N];
    itin_plan *P = L->plan;
    const char *what = "an institution";
    if (!load_fields(L, n, what, keys, K__N, v))
        return;
    itin_institution *I = ITIN_PUSH(L->plan_arena, P->institutions, P->n_institutions, L->cap_inst);
    I->pos = pos_of(n);
    if (!v[K_ID]) {
        load_missing(L, n, "id", what);
        P->n_institutions--;
        return;
    }
    if (!load_get_id(L, v[K_ID], "an institution's id", &I->id)) {
        P->n_institutions--;
        return;
    }
    size_t old;
    if (!itin_strmap_put(&L->inst_ids, I->id, P->n_institutions - 1, &old)) {
        itin_pos o = P->institutions[old].pos;
        load_error(L, pos_of(v[K_ID]), "duplicate institution id '%s' (first defined at %s:%d:%d)", I->id,
                   o.file, o.line, o.col);
        P->n_institutions--;
        return;
    }
    if (v[K_NAME])
        I->name = load_text(L, v[K_NAME], "an institution's name");
    else
        load_missing(L, n, "name", what);
    if (!I->name)
        I->name = I->id;
    I->short_name = load_opt_text(L, v[K_SHORT], "short");
    I->kind = load_opt_text(L, v[K_KIND], "kind");
    I->address = load_opt_text(L, v[K_ADDR], "address");
    I->city = load_opt_text(L, v[K_CITY], "city");
    load_get_place_codes(L, v[K_COUNTRY], v[K_REGION], &I->country, &I->region);
    if (v[K_TZ]) {
        const char *tz = load_text(L, v[K_TZ], "timezone");
        if (tz && !itin_zone_get(tz))
            load_error(L, pos_of(v[K_TZ]), "unknown time zone %s (expected an IANA name such as Asia/Seoul)",
                       QUOTED(L, v[K_TZ]));
        else
            I->timezone = tz;
    }
    if (v[K_GEO])
        I->has_geo = get_geo(L, v[K_GEO], &I->lat, &I->lon);
    if (v[K_HOURS] && !load_is_empty(v[K_HOURS])) {
        I->has_hours = true;
        get_hours(L, v[K_HOURS], &I->hours);
    }
    if (v[K_OOH])
        load_get_bool(L, v[K_OOH], "open_on_holidays", &I->open_on_holidays);
    if (v[K_CLOSED] && !load_is_empty(v[K_CLOSED])) {
        const ynode *c = v[K_CLOSED];
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
    load_get_contact(L, v[K_CONTACT], "an institution's contact", &I->contact);
    I->url = load_opt_text(L, v[K_URL], "url");
}

bool
load_get_place(loader *L, const ynode *n, const char *what, size_t *out)
{
    const char *id = load_text(L, n, what);
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
