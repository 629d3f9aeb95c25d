/* fields: the known keys of a mapping, and typed values with their messages
 * (§2 of docs/format.md: every scalar is text first). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "load.h"

void
load_error(loader *L, itin_pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    itin_diags_vadd(L->d, ITIN_ERROR, pos, fmt, ap);
    va_end(ap);
    if (L->d->errors > L->d->limit)
        L->fatal = true;
}

const char *
load_kind_name(const ynode *n)
{
    return n->kind == N_MAP ? "a mapping" : n->kind == N_SEQ ? "a list" : "text";
}

/* User text for a message: in quotes, with control characters, quotes and
 * backslashes escaped so that a message stays one line and cannot drive the
 * terminal; long text is cut. */
const char *
load_quote(loader *L, const char *s, size_t len)
{
    size_t cap = (len > 80 ? 80 : len) * 4 + 8, o = 0;
    char *out = itin_arena_alloc(L->tree_arena, cap);
    out[o++] = '\'';
    for (size_t i = 0; i < len && i < 80; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            o += (size_t)snprintf(out + o, cap - o, "\\n");
        else if (c == '\t')
            o += (size_t)snprintf(out + o, cap - o, "\\t");
        else if (c == '\\' || c == '\'')
            o += (size_t)snprintf(out + o, cap - o, "\\%c", c);
        else if (c < 0x20 || c == 0x7f)
            o += (size_t)snprintf(out + o, cap - o, "\\x%02x", c);
        else
            out[o++] = (char)c;
    }
    if (len > 80)
        o += (size_t)snprintf(out + o, cap - o, "...");
    out[o++] = '\'';
    out[o] = '\0';
    return out;
}

/* Collect the mappings a merge key (`<<`) names, at most 16 in all. */
static void
collect_merges(loader *L, const ynode *v, const ynode **merges, size_t *n_merges)
{
    if (v->kind == N_MAP && *n_merges < 16) {
        merges[(*n_merges)++] = v;
    } else if (v->kind == N_MAP) {
        load_error(L, pos_of(v), "at most 16 mappings are merged into one");
    } else if (v->kind == N_SEQ) {
        for (size_t j = 0; j < v->n; j++) {
            if (v->kids[j]->kind != N_MAP)
                load_error(L, pos_of(v->kids[j]), "a merge key ('<<') takes mappings");
            else if (*n_merges < 16)
                merges[(*n_merges)++] = v->kids[j];
            else
                load_error(L, pos_of(v->kids[j]), "at most 16 mappings are merged into one");
        }
    } else {
        load_error(L, pos_of(v), "a merge key ('<<') takes a mapping or a list of mappings");
    }
}

static bool
is_known(const char *key, const char *const *keys, size_t nkeys)
{
    for (size_t j = 0; j < nkeys; j++)
        if (strcmp(keys[j], key) == 0)
            return true;
    return false;
}

/* A duration written with a decimal comma ("1,5h"), as whole hours and
 * minutes ("1h30m") when it is a whole number of minutes. */
static bool
decimal_duration(const char *s, char *out, size_t outlen)
{
    long whole = 0, frac = 0, scale = 1;
    const char *p = s;
    for (; *p >= '0' && *p <= '9' && p - s < 4; p++)
        whole = whole * 10 + (*p - '0');
    if (p == s || *p++ != ',' || !(*p >= '0' && *p <= '9'))
        return false;
    for (; *p >= '0' && *p <= '9' && scale < 1000; p++, scale *= 10)
        frac = frac * 10 + (*p - '0');
    if (*p == ' ')
        p++;
    bool hours = strcmp(p, "h") == 0;
    if (!hours && strcmp(p, "m") != 0 && strcmp(p, "min") != 0)
        return false;
    if (!hours || (frac * 60) % scale != 0) {
        snprintf(out, outlen, "whole hours and minutes such as 1h30m");
        return true;
    }
    long h = whole, m = frac * 60 / scale;
    if (h && m)
        snprintf(out, outlen, "'%ldh%ldm'", h, m);
    else if (h)
        snprintf(out, outlen, "'%ldh'", h);
    else
        snprintf(out, outlen, "'%ldm'", m);
    return true;
}

/* Text that can be shown inside double quotes as it is. */
static bool
plain_enough(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if ((unsigned char)s[n] < 0x20 || s[n] == '"' || s[n] == '\\' || s[n] == 0x7f)
            return false;
    return n <= 80;
}

/* In {...} a comma ends a value: `role: Director, International Cooperation`
 * is `role: Director` and a key 'International Cooperation' with no value.
 * Such a key, right after a plain value of a known key, is reported as what
 * it is; the value it was cut from is marked so that it is not reported
 * again. True when pair `i` of `n` was such a key. */
static bool
comma_cut(loader *L, const ynode *n, size_t i, const char *what, const char *const *keys, size_t nkeys)
{
    const ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
    if (!n->flow || i == 0 || !k->plain || !load_is_empty(v))
        return false;
    const ynode *pk = n->kids[2 * i - 2];
    ynode *pv = n->kids[2 * i - 1];
    if (pk->kind != N_SCALAR || pv->kind != N_SCALAR || !pv->plain || pv->len == 0 ||
        memchr(pv->str, '\0', pv->len) || !is_known(pk->str, keys, nkeys))
        return false;
    size_t chars = 0;
    for (size_t b = 0; b < pv->len; b++)
        chars += ((unsigned char)pv->str[b] & 0xC0) != 0x80;
    bool spaced = k->pos.line != pv->pos.line || (size_t)k->pos.col != (size_t)pv->pos.col + chars + 1;
    const char *joined = itin_arena_printf(L->tree_arena, "%s,%s%s", pv->str, spaced ? " " : "", k->str);
    char dur[48];
    pv->cut = true;
    if (decimal_duration(joined, dur, sizeof dur))
        load_error(
            L, pos_of(pv),
            "invalid duration %s: a duration has no decimal comma, and in {...} a comma ends the value "
            "(write %s)",
            load_quote(L, joined, strlen(joined)), dur);
    else if (plain_enough(joined))
        load_error(L, pos_of(k),
                   "unknown key %s in %s: in {...} a comma ends a value; to keep the comma, quote the value: "
                   "%s: \"%s\"",
                   QUOTED(L, k), what, pk->str, joined);
    else
        load_error(L, pos_of(k),
                   "unknown key %s in %s: in {...} a comma ends a value; quote the value of '%s'",
                   QUOTED(L, k), what, pk->str);
    return true;
}

static void
report_unknown_key(loader *L, const ynode *k, const char *what, const char *const *keys, size_t nkeys)
{
    const char *hint = itin_suggest(k->str, keys, nkeys);
    if (hint && L->n_hints < 8)
        L->hints[L->n_hints++] = hint;
    if (hint)
        load_error(L, pos_of(k), "unknown key %s in %s (did you mean '%s'?)", QUOTED(L, k), what, hint);
    else
        load_error(L, pos_of(k), "unknown key %s in %s", QUOTED(L, k), what);
}

/* The values of a mapping's known keys, in the order of `keys`; unknown and
 * duplicate keys are reported. Merge keys (`<<: *base` or a list of them)
 * fill in what the mapping does not say itself. Returns false when `n` is
 * not a mapping. */
bool
load_fields(loader *L, const ynode *n, const char *what, const char *const *keys, size_t nkeys, ynode **out)
{
    const ynode *key_of[MAX_KEYS]; /* where each known key was given */
    memset(out, 0, nkeys * sizeof *out);
    if (n->kind != N_MAP) {
        load_error(L, pos_of(n), "%s must be a mapping, not %s", what, load_kind_name(n));
        return false;
    }
    const ynode *merges[16];
    size_t n_merges = 0;
    if (L->hint_map != n) {
        L->hint_map = n;
        L->n_hints = 0;
    }
    for (size_t i = 0; i < n->n; i++) {
        const ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
        if (k->kind != N_SCALAR) {
            load_error(L, pos_of(k), "keys in %s must be plain text, not %s", what, load_kind_name(k));
            continue;
        }
        if (memchr(k->str, '\0', k->len)) {
            load_error(L, pos_of(k), "a key in %s contains a NUL character", what);
            continue;
        }
        if (k->plain && strcmp(k->str, "<<") == 0) {
            collect_merges(L, v, merges, &n_merges);
            continue;
        }
        size_t j;
        for (j = 0; j < nkeys; j++)
            if (keys[j][0] == k->str[0] && strcmp(keys[j], k->str) == 0)
                break;
        if (j == nkeys) {
            if (!comma_cut(L, n, i, what, keys, nkeys))
                report_unknown_key(L, k, what, keys, nkeys);
            continue;
        }
        if (out[j]) {
            itin_pos first = pos_of(key_of[j]);
            load_error(L, pos_of(k), "duplicate key %s in %s (first at line %d, column %d)", QUOTED(L, k),
                       what, first.line, first.col);
            continue;
        }
        out[j] = (ynode *)v;
        key_of[j] = k;
    }
    for (size_t m = 0; m < n_merges; m++) {
        ynode *sub[MAX_KEYS];
        /* Merged keys are checked like the mapping's own. */
        if (!load_fields(L, merges[m], what, keys, nkeys, sub))
            continue;
        for (size_t j = 0; j < nkeys; j++)
            if (!out[j])
                out[j] = sub[j];
    }
    return true;
}

/* ---------------------------------------------------------- typed values */

/* Whether a value is YAML's empty (`key:` with nothing after it). */
bool
load_is_empty(const ynode *n)
{
    return n->kind == N_SCALAR && n->plain && n->len == 0;
}

const char *
load_peek(loader *L, const ynode *n, const char *what)
{
    if (!n || n->cut)
        return NULL; /* a value cut at a comma was reported with its rest */
    if (n->kind != N_SCALAR) {
        load_error(L, pos_of(n), "%s must be text, not %s", what, load_kind_name(n));
        return NULL;
    }
    if (load_is_empty(n)) {
        load_error(L, pos_of(n), "%s has no value", what);
        return NULL;
    }
    if (memchr(n->str, '\0', n->len)) {
        load_error(L, pos_of(n), "%s contains a NUL character", what);
        return NULL;
    }
    size_t bad;
    if (!itin_utf8_valid(n->str, n->len, &bad)) {
        load_error(L, pos_of(n), "%s is not valid UTF-8 (byte %zu)", what, bad + 1);
        return NULL;
    }
    if (n->len > MAX_TEXT) {
        load_error(L, pos_of(n), "%s is longer than %d bytes", what, MAX_TEXT);
        return NULL;
    }
    return n->str;
}

const char *
load_text(loader *L, const ynode *n, const char *what)
{
    const char *s = load_peek(L, n, what);
    return s ? itin_arena_strndup(L->plan_arena, s, n->len) : NULL;
}

/* Text a person reads, in one language or several: a plain scalar value, or a
 * mapping of language codes to text, `{de: Begrüßung, vi: Chào mừng}`
 * (docs/format.md §2). The variants go to the plan's side table; the
 * first given is returned, and the delegation's chosen after loading. */
const char *
load_user_text(loader *L, const ynode *n, const char *what)
{
    if (!n || n->cut || n->kind != N_MAP)
        return load_text(L, n, what);
    if (n->n == 0) {
        load_error(L, pos_of(n), "%s has no text: give it in at least one language, {en: ..., de: ...}",
                   what);
        return NULL;
    }
    itin_text_set set = {0};
    bool ok = true;
    for (size_t i = 0; i < n->n; i++) {
        const ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
        itin_lang lang;
        char e[256];
        if (k->kind != N_SCALAR) {
            load_error(L, pos_of(k), "a language code in %s must be text, not %s", what, load_kind_name(k));
            ok = false;
            continue;
        }
        if (memchr(k->str, '\0', k->len) || !itin_lang_find(k->str, k->len, &lang)) {
            if (itin_check_language(k->str, e, sizeof e) == 0)
                snprintf(e, sizeof e, "unknown language");
            load_error(L, pos_of(k), "%s in %s", e, what);
            ok = false;
            continue;
        }
        if (set.v[lang]) {
            load_error(L, pos_of(k), "%s gives language '%s' twice", what, k->str);
            ok = false;
            continue;
        }
        const char *t = load_text(L, v, what);
        if (!t) {
            ok = false;
            continue;
        }
        /* A copy of its own: an alias shared with another text must not
         * find this one's variants. */
        set.v[lang] = itin_arena_strdup(L->plan_arena, t);
        set.order[set.n++] = lang;
    }
    if (!ok || !set.n)
        return NULL;
    return itin_texts_add(L->plan, &set);
}

const char *
load_opt_user_text(loader *L, const ynode *n, const char *what)
{
    if (!n || load_is_empty(n))
        return NULL;
    return load_user_text(L, n, what);
}

/* Optional text: an empty value is the same as an absent key. */
const char *
load_opt_text(loader *L, const ynode *n, const char *what)
{
    if (!n || load_is_empty(n))
        return NULL;
    return load_text(L, n, what);
}

void
load_missing(loader *L, const ynode *map, const char *key, const char *what)
{
    /* A misspelt key was reported with a hint already: once is enough. */
    if (L->hint_map == map)
        for (size_t i = 0; i < L->n_hints; i++)
            if (strcmp(L->hints[i], key) == 0)
                return;
    load_error(L, pos_of(map), "%s has no '%s'", what, key);
}

bool
load_get_id(loader *L, const ynode *n, const char *what, const char **out)
{
    const char *s = load_text(L, n, what);
    char e[256];
    if (!s)
        return false;
    if (itin_check_id(s, e, sizeof e) != 0) {
        load_error(L, pos_of(n), "%s", e);
        return false;
    }
    *out = s;
    return true;
}

bool
load_get_date(loader *L, const ynode *n, const char *what, itin_date *out)
{
    const char *s = load_peek(L, n, what);
    char e[256];
    if (!s)
        return false;
    if (itin_parse_date(s, out, e, sizeof e) != 0) {
        load_error(L, pos_of(n), "%s", e);
        return false;
    }
    return true;
}

/* A time of day; with `off`, an optional UTC offset after it picks one
 * reading of a time the clocks show twice (NULL: no offset allowed). */
bool
load_get_time(loader *L, const ynode *n, const char *what, bool allow_24, int *out, itin_offset *off)
{
    const char *s = load_peek(L, n, what);
    char e[256];
    if (!s)
        return false;
    if ((off ? itin_parse_time_offset(s, allow_24, out, off, e, sizeof e)
             : itin_parse_time(s, allow_24, out, e, sizeof e)) != 0) {
        load_error(L, pos_of(n), "%s", e);
        return false;
    }
    return true;
}

bool
load_get_datetime(loader *L, const ynode *n, const char *what, itin_date *date, int *min, itin_offset *off)
{
    const char *s = load_peek(L, n, what);
    char e[256];
    if (!s)
        return false;
    if (itin_parse_datetime_offset(s, date, min, off, e, sizeof e) != 0) {
        load_error(L, pos_of(n), "%s", e);
        return false;
    }
    return true;
}

/* An unknown zone name: a close name, else the zones tzdata's zone.tab
 * gives the country of the place (when known), else an example. */
void
load_zone_unknown(loader *L, itin_pos pos, const char *tz, const char *example, const char *country)
{
    const char *hint = itin_zone_suggest(tz), *zones[4];
    char name[128];
    size_t k = country && !hint ? itin_zones_of_country(country, zones, 4) : 0;
    if (hint) {
        load_error(L, pos, "unknown time zone '%s' (did you mean '%s'?)", tz, hint);
    } else if (k == 1) {
        load_error(L, pos, "unknown time zone '%s': tzdata's zone for %s (%s) is %s", tz,
                   itin_country_name(country, name, sizeof name) ? name : country, country, zones[0]);
    } else if (k > 1) {
        char list[256];
        size_t o = 0;
        for (size_t i = 0; i < k && i < 4 && o < sizeof list; i++)
            o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", i ? ", " : "", zones[i]);
        if (k > 4 && o < sizeof list)
            snprintf(list + o, sizeof list - o, " and %zu more", k - 4);
        load_error(L, pos, "unknown time zone '%s': tzdata's zones for %s (%s) are %s", tz,
                   itin_country_name(country, name, sizeof name) ? name : country, country, list);
    } else {
        load_error(L, pos, "unknown time zone '%s' (expected an IANA name such as %s)", tz, example);
    }
}

/* A time zone: "UTC" or a region zone of tzdata; NULL after reporting a
 * name that is unknown or refused (links, posix/, right/, localtime).
 * `country` is the place's, for a suggestion, or NULL. With `defer`, an
 * unknown name without a close one is not reported but kept in
 * L->unknown_zone, for load_plan to report with the places' country. */
const char *
load_get_zone(loader *L, const ynode *n, const char *what, const char *example, const char *country,
              bool defer)
{
    const char *tz = load_text(L, n, what);
    char why[256];
    if (!tz)
        return NULL;
    if (itin_zone_refusal(tz, why, sizeof why)) {
        load_error(L, pos_of(n), "time zone %s cannot be used: %s", QUOTED(L, n), why);
        return NULL;
    }
    if (!itin_zone_get(tz)) {
        if (defer && !itin_zone_suggest(tz))
            L->unknown_zone = tz, L->unknown_zone_pos = pos_of(n);
        else
            load_zone_unknown(L, pos_of(n), tz, example, country);
        return NULL;
    }
    return tz;
}

bool
load_get_duration(loader *L, const ynode *n, const char *what, bool positive, int *out)
{
    const char *s = load_peek(L, n, what);
    char e[256];
    if (!s)
        return false;
    if (itin_parse_duration(s, out, e, sizeof e) != 0) {
        load_error(L, pos_of(n), "%s", e);
        return false;
    }
    if (positive && *out <= 0) {
        load_error(L, pos_of(n), "%s must be longer than zero", what);
        return false;
    }
    return true;
}

bool
load_get_mode(loader *L, const ynode *n, const char *what, itin_mode *out)
{
    const char *s = load_peek(L, n, what);
    char e[256];
    if (!s)
        return false;
    if (itin_parse_mode(s, out, e, sizeof e) != 0) {
        load_error(L, pos_of(n), "%s", e);
        return false;
    }
    return true;
}

bool
load_get_bool(loader *L, const ynode *n, const char *what, bool *out)
{
    const char *s = load_peek(L, n, what);
    if (!s)
        return false;
    if (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0) {
        *out = true;
    } else if (strcmp(s, "false") == 0 || strcmp(s, "no") == 0) {
        *out = false;
    } else {
        load_error(L, pos_of(n), "%s must be true or false, not %s", what, QUOTED(L, n));
        return false;
    }
    return true;
}

bool
load_get_email(loader *L, const ynode *n, const char *what, const char **out)
{
    const char *s = load_opt_text(L, n, what);
    if (!s)
        return false;
    const char *at = strchr(s, '@');
    if (!at || at == s || !at[1] || strchr(at + 1, '@') || strpbrk(s, " \t\r\n<>,;:\"")) {
        load_error(L, pos_of(n), "invalid e-mail address %s (expected name@domain)", QUOTED(L, n));
        return false;
    }
    *out = s;
    return true;
}

static size_t text_list(loader *L, const ynode *n, const char *what, const char ***out, bool user);

/* A list of text, or one text standing for a list of one. */
size_t
load_get_text_list(loader *L, const ynode *n, const char *what, const char ***out)
{
    return text_list(L, n, what, out, false);
}

/* The same, of text a person reads: each element may be in several
 * languages (a mapping), and so may a single one. */
size_t
load_get_user_text_list(loader *L, const ynode *n, const char *what, const char ***out)
{
    return text_list(L, n, what, out, true);
}

static size_t
text_list(loader *L, const ynode *n, const char *what, const char ***out, bool user)
{
    *out = NULL;
    if (!n || load_is_empty(n))
        return 0;
    if (n->kind == N_SCALAR || (user && n->kind == N_MAP)) {
        const char *s = user ? load_user_text(L, n, what) : load_text(L, n, what);
        if (!s)
            return 0;
        *out = itin_arena_alloc(L->plan_arena, sizeof **out);
        (*out)[0] = s;
        return 1;
    }
    if (n->kind != N_SEQ) {
        load_error(L, pos_of(n), "%s must be a list, not %s", what, load_kind_name(n));
        return 0;
    }
    const char **v = itin_arena_alloc(L->plan_arena, (n->n ? n->n : 1) * sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < n->n; i++) {
        const char *s = user ? load_user_text(L, n->kids[i], what) : load_text(L, n->kids[i], what);
        if (s)
            v[k++] = s;
    }
    *out = v;
    return k;
}

/* accept: [long-day, weekend]: the warnings silenced there, as bits. */
void
load_get_accept(loader *L, const ynode *n, unsigned *out)
{
    const char **names, *known[ITIN_W__COUNT];
    size_t k = load_get_text_list(L, n, "a warning's name", &names);
    for (int w = 0; w < ITIN_W__COUNT; w++)
        known[w] = itin_warning_name((itin_warning)w);
    for (size_t i = 0; i < k; i++) {
        int w = 0;
        while (w < ITIN_W__COUNT && strcmp(names[i], known[w]) != 0)
            w++;
        if (w < ITIN_W__COUNT) {
            *out |= 1u << w;
            continue;
        }
        const ynode *at = n->kind == N_SEQ && k == n->n ? n->kids[i] : n;
        const char *hint = itin_suggest(names[i], known, ITIN_W__COUNT);
        char all[256];
        size_t o = 0;
        for (int j = 0; j < ITIN_W__COUNT && o < sizeof all; j++)
            o += (size_t)snprintf(all + o, sizeof all - o, "%s%s", j ? ", " : "", known[j]);
        if (hint)
            load_error(L, pos_of(at), "accept: unknown warning '%s' (did you mean '%s'?)", names[i], hint);
        else
            load_error(L, pos_of(at),
                       "accept: unknown warning '%s' (the warnings are %s; errors and conflicts cannot be "
                       "accepted)",
                       names[i], all);
    }
}

enum contact_key { CONTACT_NAME, CONTACT_EMAIL, CONTACT_PHONE, CONTACT_KEY_COUNT };
static const char *const CONTACT_KEYS[CONTACT_KEY_COUNT] = {
    [CONTACT_NAME] = "name",
    [CONTACT_EMAIL] = "email",
    [CONTACT_PHONE] = "phone",
};

const load_key_table load_field_key_tables[] = {
    {"contact", CONTACT_KEYS, CONTACT_KEY_COUNT},
    {NULL, NULL, 0},
};

void
load_get_contact(loader *L, const ynode *n, const char *what, itin_contact *c)
{
    ynode *v[CONTACT_KEY_COUNT];
    if (!n || load_is_empty(n) || !load_fields(L, n, what, CONTACT_KEYS, CONTACT_KEY_COUNT, v))
        return;
    c->name = load_opt_user_text(L, v[CONTACT_NAME], "a contact's name");
    load_get_email(L, v[CONTACT_EMAIL], "a contact's email", &c->email);
    c->phone = load_opt_text(L, v[CONTACT_PHONE], "a contact's phone");
}
