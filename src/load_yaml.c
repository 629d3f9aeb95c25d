/* load_yaml: delegation files (and what they include) -> the plan's structs.
 * The only file that includes <yaml.h>. Two stages: libyaml's events become a
 * small tree of our own (positions on every node, aliases shared, never
 * expanded), then typed walkers turn the tree into the model, reporting every
 * mistake they find and carrying on. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include "internal.h"
#include "strmap.h"
#include "i18n.h"
#include "values.h"

#define MAX_FILE_SIZE (16u * 1024 * 1024)
#define MAX_DEPTH 64
#define MAX_DEPTH_TEXT "64"
#define MAX_INCLUDE_DEPTH 16
#define MAX_INCLUDES 256
#define MAX_TEXT 65536                /* bytes in one scalar */
#define MAX_KEYS 32                   /* known keys of one kind of mapping */
#define MAX_DAYS_AROUND 31            /* legs and lodging around the delegation's dates */
#define MAX_PEOPLE 1000               /* participants, and groups, of one delegation */
#define MAX_LEG_MINUTES (7 * 24 * 60) /* the longest travel leg */

/* ------------------------------------------------------------------ tree */

enum { N_SCALAR, N_SEQ, N_MAP };

typedef struct ynode ynode;
struct ynode {
    unsigned char kind;
    bool plain; /* an unquoted scalar */
    itin_pos pos;
    const char *str; /* scalar text, NUL-terminated (in the plan arena) */
    size_t len;
    ynode **kids; /* seq: n items; map: n pairs as kids[2i], kids[2i+1] */
    size_t n;
    size_t size;   /* nodes in the subtree with aliases expanded (saturating) */
    bool done;     /* its end event has been seen */
    bool kept;     /* lives in the loader's persistent arena */
    bool key_text; /* str lives with the node (a key), not in the plan */
};

enum {
    T_VERSION,
    T_INCLUDE,
    T_DELEGATION,
    T_INSTITUTIONS,
    T_VISITS,
    T_TRAVEL,
    T_LODGING,
    T_TRAVEL_TIMES,
    T_HOLIDAYS,
    T__N
};

#define NO_SLOT ((size_t)-1)

/* An element of a list that refers to something not defined yet (a later
 * include, the delegation further down): walked when the files are read. */
typedef struct deferred {
    int kind;    /* T_VISITS, T_TRAVEL, T_LODGING, T_TRAVEL_TIMES */
    ynode *node; /* a copy in the persistent arena */
    size_t slot; /* its place in the plan's list */
} deferred;

typedef struct loader {
    itin_plan *plan;
    itin_arena *A; /* the plan's arena: model and strings */
    itin_arena *T; /* persistent tree nodes, freed after loading */
    itin_arena *S; /* one list element's nodes, reset after each */
    itin_diags *d;
    char **stack; /* real paths of the files being included, for cycles */
    size_t depth;
    char **seen; /* real paths of every file read */
    size_t n_seen;
    size_t n_files;
    deferred *later;
    size_t n_later, cap_later;
    size_t slot; /* where a deferred element's result goes */
    bool have_delegation;
    bool dates_ok;    /* the delegation's start and end are valid */
    itin_pos top_pos; /* the main file's top-level mapping */
    itin_strmap tt_keys;
    itin_strmap inst_ids, people_ids, visit_ids, leg_ids, lodging_ids;
    size_t cap_inst, cap_visits, cap_legs, cap_lodgings, cap_tt, cap_holidays;
    itin_pos *person_pos;  /* positions of participants, then groups */
    bool fatal;            /* too many errors: stop walking */
    bool broken;           /* a file could not be parsed: do not walk (cascades) */
    const ynode *hint_map; /* the last mapping whose unknown keys got hints, */
    const char *hints[8];  /* and the known keys suggested for them */
    size_t n_hints;
} loader;

static itin_pos
pos_of(const ynode *n)
{
    return n->pos;
}

static void err(loader *L, itin_pos pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void
err(loader *L, itin_pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    itin_diags_vadd(L->d, ITIN_ERROR, pos, fmt, ap);
    va_end(ap);
    if (L->d->errors > L->d->limit)
        L->fatal = true;
}

static const char *
kind_name(const ynode *n)
{
    return n->kind == N_MAP ? "a mapping" : n->kind == N_SEQ ? "a list" : "text";
}

/* User text for a message: in quotes, with control characters, quotes and
 * backslashes escaped so that a message stays one line and cannot drive the
 * terminal; long text is cut. */
static const char *
quoted(loader *L, const char *s, size_t len)
{
    size_t cap = (len > 80 ? 80 : len) * 4 + 8, o = 0;
    char *out = itin_arena_alloc(L->T, cap);
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

#define Q(L, n) quoted((L), (n)->str, (n)->len)

/* Line and column (1-based, in characters) of a byte offset. */
static itin_pos
pos_at_offset(const char *file, const char *buf, size_t len, size_t off)
{
    itin_pos p = {file, 1, 1};
    if (off > len)
        off = len;
    for (size_t i = 0; i < off; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (c == '\n') {
            p.line++;
            p.col = 1;
        } else if ((c & 0xC0) != 0x80) {
            p.col++;
        }
    }
    return p;
}

/* ------------------------------------------------------------ the reader */

typedef struct anchor {
    const char *name;
    ynode *node;
} anchor;

/* A node being read; its children sit at the top of the reader's shared
 * stack from `base` on (nodes close in the order they opened). */
typedef struct open_node {
    ynode *node;
    size_t base, n;
} open_node;

/* One file being read: libyaml's parser and the anchors seen so far. */
typedef struct yreader {
    loader *L;
    yaml_parser_t p;
    const char *name, *buf;
    size_t len;
    itin_strmap anchors;
    anchor *anch;
    size_t n_anch, cap_anch;
    size_t real_nodes, expanded;
    bool failed;
    ynode **kids; /* children of the open nodes */
    size_t n_kids, cap_kids;
} yreader;

static void
attach(yreader *r, open_node *top, ynode *child)
{
    if (r->n_kids == r->cap_kids) {
        r->cap_kids = r->cap_kids ? r->cap_kids * 2 : 256;
        r->kids = itin_xrealloc(r->kids, r->cap_kids * sizeof *r->kids);
    }
    r->kids[r->n_kids++] = child;
    top->n++;
}

static size_t
sat_add(size_t a, size_t b)
{
    return a > SIZE_MAX / 4 - b ? SIZE_MAX / 4 : a + b;
}

/* The next event; false after reporting a syntax error. */
static bool
rd_next(yreader *r, yaml_event_t *ev)
{
    if (r->failed)
        return false;
    if (yaml_parser_parse(&r->p, ev))
        return true;
    yaml_parser_t *p = &r->p;
    itin_pos pos;
    if (p->error == YAML_READER_ERROR)
        pos = pos_at_offset(r->name, r->buf, r->len, p->problem_offset);
    else
        pos = (itin_pos){r->name, (int)p->problem_mark.line + 1, (int)p->problem_mark.column + 1};
    const char *problem = p->problem ? p->problem : "malformed YAML";
    if (p->error == YAML_READER_ERROR && strstr(problem, "UTF-8"))
        err(r->L, pos, "invalid UTF-8 in the file (%s)", problem);
    else if (p->error == YAML_READER_ERROR)
        err(r->L, pos, "the file cannot be read as YAML text (%s)", problem);
    else if (p->context && p->error == YAML_SCANNER_ERROR && strstr(problem, "could not find expected ':'"))
        /* libyaml gives up on a plain key after 1024 characters. */
        err(r->L, pos, "YAML syntax error: %s %s (at %d:%d; a key longer than 1024 characters?)", problem,
            p->context, (int)p->context_mark.line + 1, (int)p->context_mark.column + 1);
    else if (p->context)
        err(r->L, pos, "YAML syntax error: %s %s (at %d:%d)", problem, p->context,
            (int)p->context_mark.line + 1, (int)p->context_mark.column + 1);
    else
        err(r->L, pos, "YAML syntax error: %s", problem);
    r->failed = true;
    r->L->broken = true;
    return false;
}

static void
rd_fail(yreader *r, itin_pos pos, const char *fmt, const char *arg)
{
    err(r->L, pos, fmt, arg);
    r->failed = true;
    r->L->broken = true;
}

/* Build the node that begins with `first` (consumed) and everything in it.
 * Nodes go to `A`; key text with the nodes, value text to the plan. NULL
 * after an error. Iterative: nesting is capped, never the C stack. */
static ynode *
rd_node(yreader *r, yaml_event_t *first, itin_arena *A, size_t base)
{
    loader *L = r->L;
    open_node stack[MAX_DEPTH + 1];
    size_t depth = 0;
    ynode *root = NULL;
    yaml_event_t ev = *first;
    bool have = true;

    for (;;) {
        if (!have && !rd_next(r, &ev))
            break;
        have = false;
        itin_pos pos = {r->name, (int)ev.start_mark.line + 1, (int)ev.start_mark.column + 1};
        ynode *node = NULL;
        const char *anchor_name = NULL;
        bool is_key = depth > 0 && stack[depth - 1].node->kind == N_MAP && stack[depth - 1].n % 2 == 0;

        switch (ev.type) {
        case YAML_SCALAR_EVENT: {
            size_t vlen = ev.data.scalar.length;
            node = itin_arena_alloc(A, sizeof *node);
            node->kind = N_SCALAR;
            node->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
            node->key_text = is_key;
            node->str = itin_arena_strndup(is_key ? A : L->A, (const char *)ev.data.scalar.value, vlen);
            node->len = vlen;
            node->size = 1;
            node->done = true;
            anchor_name = (const char *)ev.data.scalar.anchor;
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            if (base + depth >= MAX_DEPTH) {
                rd_fail(r, pos, "nesting deeper than %s levels", MAX_DEPTH_TEXT);
                break;
            }
            node = itin_arena_alloc(A, sizeof *node);
            node->kind = ev.type == YAML_SEQUENCE_START_EVENT ? N_SEQ : N_MAP;
            node->size = 1;
            anchor_name = (const char *)(ev.type == YAML_SEQUENCE_START_EVENT ? ev.data.sequence_start.anchor
                                                                              : ev.data.mapping_start.anchor);
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: {
            open_node *top = &stack[--depth];
            ynode *n = top->node;
            ynode **kids = top->n ? r->kids + top->base : NULL; /* no child stack yet when empty */
            n->n = n->kind == N_MAP ? top->n / 2 : top->n;
            n->kids = itin_arena_alloc(A, (top->n ? top->n : 1) * sizeof *n->kids);
            if (top->n)
                memcpy(n->kids, kids, top->n * sizeof *n->kids);
            for (size_t i = 0; i < top->n; i++)
                n->size = sat_add(n->size, kids[i]->size);
            n->done = true;
            r->n_kids = top->base;
            break;
        }
        case YAML_ALIAS_EVENT: {
            size_t idx;
            const char *an = (const char *)ev.data.alias.anchor;
            if (!itin_strmap_get(&r->anchors, an, &idx)) {
                rd_fail(r, pos, "alias '*%s' names no anchor defined before it", an);
                break;
            }
            node = r->anch[idx].node;
            if (!node->done) {
                rd_fail(r, pos, "alias '*%s' refers to a node that contains it (a recursive alias)", an);
                node = NULL;
                break;
            }
            r->expanded = sat_add(r->expanded, node->size);
            if (r->expanded > 16 * r->real_nodes + 100000) {
                char limit[32];
                snprintf(limit, sizeof limit, "%zu", 16 * r->real_nodes + 100000);
                rd_fail(r, pos, "aliases expand this file to more than %s nodes; refusing (an alias bomb?)",
                        limit);
                node = NULL;
            }
            break;
        }
        default:
            /* Stream and document events cannot start or sit inside a node. */
            break;
        }

        if (node && ev.type != YAML_ALIAS_EVENT) {
            node->pos = pos;
            node->kept = A == L->T;
            r->real_nodes++;
            if (anchor_name) {
                /* A redefined anchor takes effect from here on. */
                size_t idx;
                if (itin_strmap_get(&r->anchors, anchor_name, &idx)) {
                    r->anch[idx].node = node;
                } else {
                    if (r->n_anch == r->cap_anch) {
                        r->cap_anch = r->cap_anch ? r->cap_anch * 2 : 16;
                        r->anch = itin_xrealloc(r->anch, r->cap_anch * sizeof *r->anch);
                    }
                    r->anch[r->n_anch] = (anchor){itin_arena_strdup(L->T, anchor_name), node};
                    itin_strmap_put(&r->anchors, r->anch[r->n_anch].name, r->n_anch, NULL);
                    r->n_anch++;
                }
            }
        }
        yaml_event_delete(&ev);
        if (r->failed)
            break;
        if (node) {
            if (depth > 0)
                attach(r, &stack[depth - 1], node);
            else
                root = node;
            if (node->kind != N_SCALAR && !node->done)
                stack[depth++] = (open_node){node, r->n_kids, 0};
        }
        if (depth == 0 && root)
            return root;
    }
    if (depth > 0)
        r->n_kids = stack[0].base;
    return NULL;
}

/* A copy of a scratch tree in the persistent arena. Nodes shared through
 * aliases stay shared; nodes already persistent are reused. */
typedef struct copy_map {
    itin_strmap m; /* "%p" of the original -> index in nodes */
    ynode **nodes;
    size_t n, cap;
} copy_map;

static ynode *
copy_tree(loader *L, copy_map *cm, ynode *n)
{
    if (n->kept)
        return n;
    char key[32];
    size_t ix;
    snprintf(key, sizeof key, "%p", (void *)n);
    if (itin_strmap_get(&cm->m, key, &ix))
        return cm->nodes[ix];
    ynode *c = itin_arena_alloc(L->T, sizeof *c);
    *c = *n;
    c->kept = true;
    if (n->key_text)
        c->str = itin_arena_strndup(L->T, n->str, n->len);
    if (cm->n == cm->cap) {
        cm->cap = cm->cap ? cm->cap * 2 : 16;
        cm->nodes = itin_xrealloc(cm->nodes, cm->cap * sizeof *cm->nodes);
    }
    cm->nodes[cm->n] = c;
    itin_strmap_put(&cm->m, itin_arena_strdup(L->T, key), cm->n++, NULL);
    if (n->kind != N_SCALAR) {
        size_t nk = n->kind == N_MAP ? 2 * n->n : n->n;
        c->kids = itin_arena_alloc(L->T, (nk ? nk : 1) * sizeof *c->kids);
        for (size_t i = 0; i < nk; i++)
            c->kids[i] = copy_tree(L, cm, n->kids[i]);
    }
    return c;
}

/* Make a scratch node persistent, and the anchors it defined with it. */
static ynode *
keep_node(yreader *r, ynode *n, size_t first_anchor)
{
    copy_map cm = {0};
    itin_strmap_init(&cm.m);
    ynode *c = copy_tree(r->L, &cm, n);
    for (size_t i = first_anchor; i < r->n_anch; i++) {
        char key[32];
        size_t ix;
        snprintf(key, sizeof key, "%p", (void *)r->anch[i].node);
        if (!r->anch[i].node->kept && itin_strmap_get(&cm.m, key, &ix))
            r->anch[i].node = cm.nodes[ix];
    }
    itin_strmap_free(&cm.m);
    free(cm.nodes);
    return c;
}

/* -------------------------------------------------------- field matching */

/* The values of a mapping's known keys, in the order of `keys`; unknown and
 * duplicate keys are reported. Merge keys (`<<: *base` or a list of them)
 * fill in what the mapping does not say itself. Returns false when `n` is
 * not a mapping. */
static bool
fields(loader *L, const ynode *n, const char *what, const char *const *keys, size_t nkeys, ynode **out)
{
    const ynode *key_of[MAX_KEYS]; /* where each known key was given */
    memset(out, 0, nkeys * sizeof *out);
    if (n->kind != N_MAP) {
        err(L, pos_of(n), "%s must be a mapping, not %s", what, kind_name(n));
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
            err(L, pos_of(k), "keys in %s must be plain text, not %s", what, kind_name(k));
            continue;
        }
        if (memchr(k->str, '\0', k->len)) {
            err(L, pos_of(k), "a key in %s contains a NUL character", what);
            continue;
        }
        if (k->plain && strcmp(k->str, "<<") == 0) {
            if (v->kind == N_MAP && n_merges < 16) {
                merges[n_merges++] = v;
            } else if (v->kind == N_MAP) {
                err(L, pos_of(v), "at most 16 mappings are merged into one");
            } else if (v->kind == N_SEQ) {
                for (size_t j = 0; j < v->n; j++) {
                    if (v->kids[j]->kind != N_MAP)
                        err(L, pos_of(v->kids[j]), "a merge key ('<<') takes mappings");
                    else if (n_merges < 16)
                        merges[n_merges++] = v->kids[j];
                    else
                        err(L, pos_of(v->kids[j]), "at most 16 mappings are merged into one");
                }
            } else {
                err(L, pos_of(v), "a merge key ('<<') takes a mapping or a list of mappings");
            }
            continue;
        }
        size_t j;
        for (j = 0; j < nkeys; j++)
            if (keys[j][0] == k->str[0] && strcmp(keys[j], k->str) == 0)
                break;
        if (j == nkeys) {
            const char *hint = itin_suggest(k->str, keys, nkeys);
            if (hint && L->n_hints < 8)
                L->hints[L->n_hints++] = hint;
            if (hint)
                err(L, pos_of(k), "unknown key %s in %s (did you mean '%s'?)", Q(L, k), what, hint);
            else
                err(L, pos_of(k), "unknown key %s in %s", Q(L, k), what);
            continue;
        }
        if (out[j]) {
            itin_pos first = pos_of(key_of[j]);
            err(L, pos_of(k), "duplicate key %s in %s (first at line %d, column %d)", Q(L, k), what,
                first.line, first.col);
            continue;
        }
        out[j] = (ynode *)v;
        key_of[j] = k;
    }
    for (size_t m = 0; m < n_merges; m++) {
        ynode *sub[MAX_KEYS];
        /* Merged keys are checked like the mapping's own. */
        if (!fields(L, merges[m], what, keys, nkeys, sub))
            continue;
        for (size_t j = 0; j < nkeys; j++)
            if (!out[j])
                out[j] = sub[j];
    }
    return true;
}

/* ---------------------------------------------------------- typed values */

/* Whether a value is YAML's empty (`key:` with nothing after it). */
static bool
is_empty(const ynode *n)
{
    return n->kind == N_SCALAR && n->plain && n->len == 0;
}

static const char *
text(loader *L, const ynode *n, const char *what)
{
    if (!n)
        return NULL;
    if (n->kind != N_SCALAR) {
        err(L, pos_of(n), "%s must be text, not %s", what, kind_name(n));
        return NULL;
    }
    if (is_empty(n)) {
        err(L, pos_of(n), "%s has no value", what);
        return NULL;
    }
    if (memchr(n->str, '\0', n->len)) {
        err(L, pos_of(n), "%s contains a NUL character", what);
        return NULL;
    }
    size_t bad;
    if (!itin_utf8_valid(n->str, n->len, &bad)) {
        err(L, pos_of(n), "%s is not valid UTF-8 (byte %zu)", what, bad + 1);
        return NULL;
    }
    if (n->len > MAX_TEXT) {
        err(L, pos_of(n), "%s is longer than %d bytes", what, MAX_TEXT);
        return NULL;
    }
    return n->str;
}

/* Optional text: an empty value is the same as an absent key. */
static const char *
opt_text(loader *L, const ynode *n, const char *what)
{
    if (!n || is_empty(n))
        return NULL;
    return text(L, n, what);
}

static void
missing(loader *L, const ynode *map, const char *key, const char *what)
{
    /* A misspelt key was reported with a hint already: once is enough. */
    if (L->hint_map == map)
        for (size_t i = 0; i < L->n_hints; i++)
            if (strcmp(L->hints[i], key) == 0)
                return;
    err(L, pos_of(map), "%s has no '%s'", what, key);
}

static bool
get_id(loader *L, const ynode *n, const char *what, const char **out)
{
    const char *s = text(L, n, what);
    char e[256];
    if (!s)
        return false;
    if (itin_check_id(s, e, sizeof e) != 0) {
        err(L, pos_of(n), "%s", e);
        return false;
    }
    *out = s;
    return true;
}

static bool
get_date(loader *L, const ynode *n, const char *what, itin_date *out)
{
    const char *s = text(L, n, what);
    char e[256];
    if (!s)
        return false;
    if (itin_parse_date(s, out, e, sizeof e) != 0) {
        err(L, pos_of(n), "%s", e);
        return false;
    }
    return true;
}

static bool
get_time(loader *L, const ynode *n, const char *what, bool allow_24, int *out, itin_offset *off)
{
    const char *s = text(L, n, what);
    char e[256];
    if (!s)
        return false;
    if ((off ? itin_parse_time_offset(s, allow_24, out, off, e, sizeof e)
             : itin_parse_time(s, allow_24, out, e, sizeof e)) != 0) {
        err(L, pos_of(n), "%s", e);
        return false;
    }
    return true;
}

static bool
get_datetime(loader *L, const ynode *n, const char *what, itin_date *date, int *min, itin_offset *off)
{
    const char *s = text(L, n, what);
    char e[256];
    if (!s)
        return false;
    if (itin_parse_datetime_offset(s, date, min, off, e, sizeof e) != 0) {
        err(L, pos_of(n), "%s", e);
        return false;
    }
    return true;
}

static bool
get_duration(loader *L, const ynode *n, const char *what, bool positive, int *out)
{
    const char *s = text(L, n, what);
    char e[256];
    if (!s)
        return false;
    if (itin_parse_duration(s, out, e, sizeof e) != 0) {
        err(L, pos_of(n), "%s", e);
        return false;
    }
    if (positive && *out <= 0) {
        err(L, pos_of(n), "%s must be longer than zero", what);
        return false;
    }
    return true;
}

static bool
get_mode(loader *L, const ynode *n, const char *what, itin_mode *out)
{
    const char *s = text(L, n, what);
    char e[256];
    if (!s)
        return false;
    if (itin_parse_mode(s, out, e, sizeof e) != 0) {
        err(L, pos_of(n), "%s", e);
        return false;
    }
    return true;
}

static bool
get_bool(loader *L, const ynode *n, const char *what, bool *out)
{
    const char *s = text(L, n, what);
    if (!s)
        return false;
    if (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0) {
        *out = true;
    } else if (strcmp(s, "false") == 0 || strcmp(s, "no") == 0) {
        *out = false;
    } else {
        err(L, pos_of(n), "%s must be true or false, not %s", what, Q(L, n));
        return false;
    }
    return true;
}

static bool
get_email(loader *L, const ynode *n, const char *what, const char **out)
{
    const char *s = opt_text(L, n, what);
    if (!s)
        return false;
    const char *at = strchr(s, '@');
    if (!at || at == s || !at[1] || strchr(at + 1, '@') || strpbrk(s, " \t\r\n<>,;:\"")) {
        err(L, pos_of(n), "invalid e-mail address %s (expected name@domain)", Q(L, n));
        return false;
    }
    *out = s;
    return true;
}

/* A list of text, or one text standing for a list of one. */
static size_t
get_text_list(loader *L, const ynode *n, const char *what, const char ***out)
{
    *out = NULL;
    if (!n || is_empty(n))
        return 0;
    if (n->kind == N_SCALAR) {
        const char *s = text(L, n, what);
        if (!s)
            return 0;
        *out = itin_arena_alloc(L->A, sizeof **out);
        (*out)[0] = s;
        return 1;
    }
    if (n->kind != N_SEQ) {
        err(L, pos_of(n), "%s must be a list, not %s", what, kind_name(n));
        return 0;
    }
    const char **v = itin_arena_alloc(L->A, (n->n ? n->n : 1) * sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < n->n; i++) {
        const char *s = text(L, n->kids[i], what);
        if (s)
            v[k++] = s;
    }
    *out = v;
    return k;
}

static void
get_contact(loader *L, const ynode *n, const char *what, itin_contact *c)
{
    static const char *const keys[] = {"name", "email", "phone"};
    ynode *v[3];
    if (!n || is_empty(n) || !fields(L, n, what, keys, 3, v))
        return;
    c->name = opt_text(L, v[0], "a contact's name");
    get_email(L, v[1], "a contact's email", &c->email);
    c->phone = opt_text(L, v[2], "a contact's phone");
}

/* --------------------------------------------------------------- people */

/* `with`: absent or "all" means everyone; else participant and group ids. */
static void
get_who(loader *L, const ynode *n, itin_who *w)
{
    itin_plan *P = L->plan;
    w->bits = itin_arena_alloc(L->A, P->who_words * sizeof *w->bits);
    w->everyone = false;
    if (!n || is_empty(n) || (n->kind == N_SCALAR && strcmp(n->str, "all") == 0)) {
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
        err(L, pos_of(n), "'with' must be 'all' or a list of participant and group ids, not %s",
            kind_name(n));
        return;
    }
    for (size_t i = 0; i < count; i++) {
        const char *id = text(L, items[i], "an attendee id");
        size_t idx;
        if (!id)
            continue;
        if (strcmp(id, "all") == 0) {
            for (size_t j = 0; j < P->delegation.n_participants; j++)
                itin_who_add(w->bits, j);
            continue;
        }
        if (!itin_strmap_get(&L->people_ids, id, &idx)) {
            err(L, pos_of(items[i]), "%s is neither a participant nor a group of the delegation",
                Q(L, items[i]));
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
        err(L, pos, "duplicate participant or group id '%s' (first defined at %s:%d:%d)", id, o.file, o.line,
            o.col);
    }
}

static void
walk_delegation(loader *L, const ynode *n)
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
    if (!fields(L, n, what, keys, K__N, v))
        return;

    if (v[K_ID])
        get_id(L, v[K_ID], "the delegation's id", &D->id);
    else
        missing(L, n, "id", what);
    if (v[K_TITLE])
        D->title = text(L, v[K_TITLE], "the delegation's title");
    else
        missing(L, n, "title", what);
    D->lead = opt_text(L, v[K_LEAD], "the delegation's lead");
    get_contact(L, v[K_ORG], "the organizer", &D->organizer);

    bool have_start = false, have_end = false;
    if (v[K_START])
        have_start = get_date(L, v[K_START], "the delegation's start", &D->start);
    else
        missing(L, n, "start", what);
    if (v[K_END])
        have_end = get_date(L, v[K_END], "the delegation's end", &D->end);
    else
        missing(L, n, "end", what);
    if (have_start && have_end && D->end < D->start) {
        char a[16], b[16];
        err(L, pos_of(v[K_END]), "the delegation ends (%s) before it starts (%s)",
            itin_date_format(D->end, a), itin_date_format(D->start, b));
    } else if (have_start && have_end && D->end - D->start > 366) {
        err(L, pos_of(v[K_END]), "a delegation lasts at most 366 days");
    }
    L->dates_ok = have_start && have_end && D->end >= D->start && D->end - D->start <= 366;
    if (!L->dates_ok)
        D->end = D->start - 1; /* no valid range: nothing can be placed */

    if (v[K_TZ]) {
        const char *tz = text(L, v[K_TZ], "the delegation's timezone");
        char why[256];
        if (tz && itin_zone_refusal(tz, why, sizeof why))
            err(L, pos_of(v[K_TZ]), "time zone %s cannot be used: %s", Q(L, v[K_TZ]), why);
        else if (tz && !itin_zone_get(tz))
            err(L, pos_of(v[K_TZ]), "unknown time zone %s (expected an IANA name such as Europe/Berlin)",
                Q(L, v[K_TZ]));
        else
            D->timezone = tz;
    } else {
        missing(L, n, "timezone", what);
    }
    if (v[K_LANG]) {
        const char *s = text(L, v[K_LANG], "the delegation's language");
        char e[256];
        if (s && itin_check_language(s, e, sizeof e) != 0)
            err(L, pos_of(v[K_LANG]), "%s", e);
        else if (s)
            D->language = s;
    }
    if (v[K_REV]) {
        const char *s = text(L, v[K_REV], "the revision");
        long r;
        char e[256];
        if (s && itin_parse_uint(s, INT_MAX, &r, e, sizeof e) != 0)
            err(L, pos_of(v[K_REV]), "revision: %s", e);
        else if (s)
            D->revision = (int)r;
    }
    if (v[K_DAY] && !is_empty(v[K_DAY])) {
        static const char *const dk[] = {"start", "end"};
        ynode *dv[2];
        if (fields(L, v[K_DAY], "the day window", dk, 2, dv)) {
            if (dv[0])
                get_time(L, dv[0], "the day window's start", false, &D->day_start, NULL);
            if (dv[1])
                get_time(L, dv[1], "the day window's end", true, &D->day_end, NULL);
            if (D->day_end <= D->day_start)
                err(L, pos_of(dv[1] ? dv[1] : v[K_DAY]), "the day window must end after it starts");
        }
    }
    if (v[K_BUF])
        get_duration(L, v[K_BUF], "the buffer", false, &D->buffer);
    if (v[K_TRAVEL] && !is_empty(v[K_TRAVEL])) {
        static const char *const tk[] = {"mode"};
        ynode *tv[1];
        if (fields(L, v[K_TRAVEL], "the delegation's travel defaults", tk, 1, tv) && tv[0])
            get_mode(L, tv[0], "the default travel mode", &D->travel);
    }
    if (v[K_REMIND])
        get_duration(L, v[K_REMIND], "the reminder", false, &D->reminder);

    /* Participants. */
    const ynode *pn = v[K_PART];
    if (!pn || is_empty(pn)) {
        missing(L, n, "participants", what);
        pn = NULL;
    } else if (pn->kind != N_SEQ) {
        err(L, pos_of(pn), "participants must be a list, not %s", kind_name(pn));
        pn = NULL;
    }
    const ynode *gn = v[K_GROUPS];
    if (gn && is_empty(gn))
        gn = NULL;
    if (gn && gn->kind != N_SEQ) {
        err(L, pos_of(gn), "groups must be a list, not %s", kind_name(gn));
        gn = NULL;
    }
    size_t np = pn ? pn->n : 0, ng = gn ? gn->n : 0;
    if (pn && np == 0)
        err(L, pos_of(pn), "the delegation has no participants");
    if (np > MAX_PEOPLE) {
        err(L, pos_of(pn), "a delegation has at most %d participants", MAX_PEOPLE);
        np = 0;
    }
    if (ng > MAX_PEOPLE) {
        err(L, pos_of(gn), "a delegation has at most %d groups", MAX_PEOPLE);
        ng = 0;
    }
    D->participants = itin_arena_alloc(L->A, (np ? np : 1) * sizeof *D->participants);
    D->groups = itin_arena_alloc(L->A, (ng ? ng : 1) * sizeof *D->groups);
    L->person_pos = itin_arena_alloc(L->T, (np + ng + 1) * sizeof *L->person_pos);
    P->who_words = np ? (np + 63) / 64 : 1;

    static const char *const pk[] = {"id", "name", "role", "org", "email", "phone"};
    for (size_t i = 0; i < np; i++) {
        const ynode *e = pn->kids[i];
        itin_participant *p = &D->participants[D->n_participants];
        ynode *pv[6];
        p->pos = pos_of(e);
        if (!fields(L, e, "a participant", pk, 6, pv))
            continue;
        if (!pv[0]) {
            missing(L, e, "id", "a participant");
            continue;
        }
        if (!get_id(L, pv[0], "a participant's id", &p->id))
            continue;
        if (pv[1])
            p->name = text(L, pv[1], "a participant's name");
        else
            missing(L, e, "name", "a participant");
        if (!p->name)
            p->name = p->id;
        p->role = opt_text(L, pv[2], "a participant's role");
        p->org = opt_text(L, pv[3], "a participant's org");
        get_email(L, pv[4], "a participant's email", &p->email);
        p->phone = opt_text(L, pv[5], "a participant's phone");
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
        if (!fields(L, e, "a group", gk, 3, gv))
            continue;
        if (!gv[0]) {
            missing(L, e, "id", "a group");
            continue;
        }
        if (!get_id(L, gv[0], "a group's id", &g->id))
            continue;
        g->name = gv[1] ? text(L, gv[1], "a group's name") : NULL;
        if (!g->name)
            g->name = g->id;
        const ynode *m = gv[2];
        if (!m || is_empty(m)) {
            missing(L, e, "members", "a group");
        } else if (m->kind != N_SEQ) {
            err(L, pos_of(m), "a group's members must be a list of participant ids, not %s", kind_name(m));
        } else {
            g->members = itin_arena_alloc(L->A, (m->n ? m->n : 1) * sizeof *g->members);
            for (size_t j = 0; j < m->n; j++) {
                const char *id = text(L, m->kids[j], "a member id");
                size_t idx;
                if (!id)
                    continue;
                if (!itin_strmap_get(&L->people_ids, id, &idx) || idx >= D->n_participants) {
                    err(L, pos_of(m->kids[j]), "group member %s is not a participant of the delegation",
                        Q(L, m->kids[j]));
                    continue;
                }
                g->members[g->n_members++] = idx;
            }
            if (m->n == 0)
                err(L, pos_of(m), "group '%s' has no members", g->id);
        }
        L->person_pos[D->n_participants + D->n_groups] = g->pos;
        define_person(L, g->id, D->n_participants + D->n_groups, pos_of(gv[0]));
        D->n_groups++;
    }
}

/* ---------------------------------------------------------- institutions */

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
        err(L, pos_of(n), "hours must be a mapping of days to opening times, not %s", kind_name(n));
        return;
    }
    for (size_t i = 0; i < n->n; i++) {
        const ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
        unsigned mask = 0;
        char e[256];
        const char *ks = text(L, k, "a day in hours");
        if (!ks)
            continue;
        if (itin_parse_dayspec(ks, &mask, e, sizeof e) != 0) {
            err(L, pos_of(k), "%s", e);
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
            err(L, pos_of(v), "opening times must be \"HH:MM-HH:MM\", a list of them, or closed");
            continue;
        }
        for (size_t j = 0; j < count; j++) {
            const char *s = text(L, items[j], "an opening interval");
            if (!s) {
                bad = true;
                continue;
            }
            if (strcmp(s, "closed") == 0) {
                if (count > 1) {
                    err(L, pos_of(items[j]), "'closed' cannot be combined with opening intervals");
                    bad = true;
                }
                continue;
            }
            if (niv == ITIN_MAX_INTERVALS) {
                err(L, pos_of(items[j]), "at most %d opening intervals a day", ITIN_MAX_INTERVALS);
                bad = true;
                break;
            }
            if (itin_parse_interval(s, &iv[niv].open, &iv[niv].close, e, sizeof e) != 0) {
                err(L, pos_of(items[j]), "%s", e);
                bad = true;
                continue;
            }
            niv++;
        }
        qsort(iv, (size_t)niv, sizeof *iv, cmp_interval);
        for (int j = 1; j < niv; j++)
            if (iv[j].open < iv[j - 1].close) {
                err(L, pos_of(v), "opening intervals overlap");
                bad = true;
                break;
            }
        for (int d = 0; d < 7; d++) {
            if (!(mask & (1u << d)))
                continue;
            if (named_by[d]) {
                err(L, pos_of(k), "'%s' is named twice in hours (also by '%s' at line %d, column %d)",
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
        err(L, pos_of(n), "geo must be [latitude, longitude] in decimal degrees");
        return false;
    }
    double v[2];
    for (int i = 0; i < 2; i++) {
        const char *s = text(L, n->kids[i], i ? "a longitude" : "a latitude");
        char e[256];
        if (!s)
            return false;
        if (itin_parse_decimal(s, &v[i], e, sizeof e) != 0) {
            err(L, pos_of(n->kids[i]), "%s", e);
            return false;
        }
    }
    if (v[0] < -90 || v[0] > 90) {
        err(L, pos_of(n->kids[0]), "latitude %s is outside -90..90", n->kids[0]->str);
        return false;
    }
    if (v[1] < -180 || v[1] > 180) {
        err(L, pos_of(n->kids[1]), "longitude %s is outside -180..180", n->kids[1]->str);
        return false;
    }
    *lat = v[0];
    *lon = v[1];
    return true;
}

static void
get_place_codes(loader *L, const ynode *cn, const ynode *rn, const char **country, const char **region)
{
    char e[256];
    if (cn) {
        const char *s = text(L, cn, "country");
        if (s && itin_check_country(s, e, sizeof e) != 0)
            err(L, pos_of(cn), "%s", e);
        else
            *country = s;
    }
    if (rn) {
        const char *s = text(L, rn, "region");
        if (s && itin_check_region(s, e, sizeof e) != 0)
            err(L, pos_of(rn), "%s", e);
        else
            *region = s;
    }
    if (*region) {
        if (*country && strncmp(*country, *region, 2) != 0)
            err(L, pos_of(rn), "region '%s' is not in country '%s'", *region, *country);
        else if (!*country)
            *country = itin_arena_strndup(L->A, *region, 2);
    }
}

static void
walk_institution(loader *L, const ynode *n)
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
    if (!fields(L, n, what, keys, K__N, v))
        return;
    itin_institution *I = ITIN_PUSH(L->A, P->institutions, P->n_institutions, L->cap_inst);
    I->pos = pos_of(n);
    if (!v[K_ID]) {
        missing(L, n, "id", what);
        P->n_institutions--;
        return;
    }
    if (!get_id(L, v[K_ID], "an institution's id", &I->id)) {
        P->n_institutions--;
        return;
    }
    size_t old;
    if (!itin_strmap_put(&L->inst_ids, I->id, P->n_institutions - 1, &old)) {
        itin_pos o = P->institutions[old].pos;
        err(L, pos_of(v[K_ID]), "duplicate institution id '%s' (first defined at %s:%d:%d)", I->id, o.file,
            o.line, o.col);
        P->n_institutions--;
        return;
    }
    if (v[K_NAME])
        I->name = text(L, v[K_NAME], "an institution's name");
    else
        missing(L, n, "name", what);
    if (!I->name)
        I->name = I->id;
    I->short_name = opt_text(L, v[K_SHORT], "short");
    I->kind = opt_text(L, v[K_KIND], "kind");
    I->address = opt_text(L, v[K_ADDR], "address");
    I->city = opt_text(L, v[K_CITY], "city");
    get_place_codes(L, v[K_COUNTRY], v[K_REGION], &I->country, &I->region);
    if (v[K_TZ]) {
        const char *tz = text(L, v[K_TZ], "timezone");
        char why[256];
        if (tz && itin_zone_refusal(tz, why, sizeof why))
            err(L, pos_of(v[K_TZ]), "time zone %s cannot be used: %s", Q(L, v[K_TZ]), why);
        else if (tz && !itin_zone_get(tz))
            err(L, pos_of(v[K_TZ]), "unknown time zone %s (expected an IANA name such as Asia/Seoul)",
                Q(L, v[K_TZ]));
        else
            I->timezone = tz;
    }
    if (v[K_GEO])
        I->has_geo = get_geo(L, v[K_GEO], &I->lat, &I->lon);
    if (v[K_HOURS] && !is_empty(v[K_HOURS])) {
        I->has_hours = true;
        get_hours(L, v[K_HOURS], &I->hours);
    }
    if (v[K_OOH])
        get_bool(L, v[K_OOH], "open_on_holidays", &I->open_on_holidays);
    if (v[K_CLOSED] && !is_empty(v[K_CLOSED])) {
        const ynode *c = v[K_CLOSED];
        const ynode *one[1] = {c};
        const ynode *const *items = one;
        size_t count = 1;
        if (c->kind == N_SEQ) {
            items = (const ynode *const *)c->kids;
            count = c->n;
        } else if (c->kind != N_SCALAR) {
            err(L, pos_of(c), "closed must be a list of dates");
            count = 0;
        }
        I->closed = itin_arena_alloc(L->A, (count ? count : 1) * sizeof *I->closed);
        I->closed_pos = itin_arena_alloc(L->A, (count ? count : 1) * sizeof *I->closed_pos);
        for (size_t i = 0; i < count; i++)
            if (get_date(L, items[i], "a closed date", &I->closed[I->n_closed])) {
                I->closed_pos[I->n_closed] = pos_of(items[i]);
                I->n_closed++;
            }
    }
    get_contact(L, v[K_CONTACT], "an institution's contact", &I->contact);
    I->url = opt_text(L, v[K_URL], "url");
}

static bool
get_place(loader *L, const ynode *n, const char *what, size_t *out)
{
    const char *id = text(L, n, what);
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
            err(L, pos_of(n), "no institution has the id %s (did you mean '%s'?)", Q(L, n), hint);
        else
            err(L, pos_of(n), "no institution has the id %s", Q(L, n));
        free(ids);
        return false;
    }
    return true;
}

/* --------------------------------------------------------------- visits */

static bool
define_item(loader *L, itin_strmap *m, const char *kind, const char *id, size_t idx, itin_pos pos,
            itin_pos (*pos_of_idx)(const loader *, size_t))
{
    size_t old;
    if (!itin_strmap_put(m, id, idx, &old)) {
        itin_pos o = pos_of_idx(L, old);
        err(L, pos, "duplicate %s id '%s' (first defined at %s:%d:%d)", kind, id, o.file, o.line, o.col);
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
    err(L, pos, "%s on %s, more than %d days away from the delegation (%s to %s)", what,
        itin_date_format(d, a), MAX_DAYS_AROUND, itin_date_format(D->start, b), itin_date_format(D->end, c));
    return false;
}

static void
walk_visit(loader *L, const ynode *n)
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
    if (!fields(L, n, what, keys, K__N, v))
        return;
    itin_visit vis = {0};
    bool ok = true;
    vis.pos = pos_of(n);
    vis.travel = D->travel;
    if (!v[K_ID] || !get_id(L, v[K_ID], "a visit's id", &vis.id)) {
        if (!v[K_ID])
            missing(L, n, "id", what);
        ok = false;
    }
    if (v[K_TITLE])
        vis.title = text(L, v[K_TITLE], "a visit's title");
    else
        missing(L, n, "title", what);
    if (!vis.title)
        ok = false;
    if (v[K_AT]) {
        vis.at_pos = pos_of(v[K_AT]);
        ok &= get_place(L, v[K_AT], "a visit's place ('at')", &vis.at);
    } else {
        missing(L, n, "at", what);
        ok = false;
    }
    if (v[K_DATE] && v[K_DAY]) {
        err(L, pos_of(v[K_DAY]), "a visit has either 'date' or 'day', not both");
        ok = false;
    } else if (v[K_DATE]) {
        vis.date_pos = pos_of(v[K_DATE]);
        if (get_date(L, v[K_DATE], "a visit's date", &vis.date)) {
            if (!L->dates_ok) {
                ok = false; /* the delegation's dates were reported already */
            } else if (vis.date < D->start || vis.date > D->end) {
                char a[16], b[16], c[16];
                err(L, vis.date_pos, "date %s is outside the delegation (%s to %s)",
                    itin_date_format(vis.date, a), itin_date_format(D->start, b),
                    itin_date_format(D->end, c));
                ok = false;
            }
        } else {
            ok = false;
        }
    } else if (v[K_DAY]) {
        vis.date_pos = pos_of(v[K_DAY]);
        const char *s = text(L, v[K_DAY], "a visit's day");
        long day;
        char e[256];
        long ndays = (long)D->end - D->start + 1;
        if (!s) {
            ok = false;
        } else if (itin_parse_uint(s, 100000, &day, e, sizeof e) != 0) {
            err(L, vis.date_pos, "day: %s", e);
            ok = false;
        } else if (!L->dates_ok) {
            ok = false; /* the delegation's dates were reported already */
        } else if (day < 1 || day > ndays) {
            err(L, vis.date_pos, "day %ld is outside the delegation (days 1 to %ld)", day, ndays);
            ok = false;
        } else {
            vis.date = D->start + (itin_date)(day - 1);
        }
    } else {
        missing(L, n, "date", what);
        ok = false;
    }
    if (v[K_START]) {
        vis.start_pos = pos_of(v[K_START]);
        vis.has_start = get_time(L, v[K_START], "a visit's start", false, &vis.start, &vis.start_offset);
        ok &= vis.has_start;
    }
    if (v[K_DUR] && v[K_END]) {
        err(L, pos_of(v[K_END]), "a visit has either 'duration' or 'end', not both");
        ok = false;
    } else if (v[K_DUR]) {
        ok &= get_duration(L, v[K_DUR], "a visit's duration", true, &vis.duration);
        if (ok && vis.duration > 24 * 60) {
            err(L, pos_of(v[K_DUR]), "a visit lasts at most 24h");
            ok = false;
        }
    } else if (v[K_END]) {
        int end;
        if (!v[K_START]) {
            err(L, pos_of(v[K_END]), "'end' needs a 'start'; a visit without a start takes a 'duration'");
            ok = false;
        } else if (get_time(L, v[K_END], "a visit's end", true, &end, &vis.end_offset)) {
            vis.has_end = true, vis.end = end, vis.end_pos = pos_of(v[K_END]);
            if (vis.has_start && end <= vis.start) {
                err(L, pos_of(v[K_END]), "a visit must end after it starts (%s is not after %s)",
                    v[K_END]->str, v[K_START]->str);
                ok = false;
            }
            vis.duration = end - vis.start;
        } else {
            ok = false;
        }
    } else {
        missing(L, n, "duration", what);
        ok = false;
    }
    get_who(L, v[K_WITH], &vis.who);
    if (v[K_TRAVEL])
        ok &= get_mode(L, v[K_TRAVEL], "a visit's travel mode", &vis.travel);
    if (v[K_STATUS]) {
        const char *s = text(L, v[K_STATUS], "status");
        if (!s)
            ok = false;
        else if (strcmp(s, "confirmed") == 0)
            vis.status = ITIN_CONFIRMED;
        else if (strcmp(s, "tentative") == 0)
            vis.status = ITIN_TENTATIVE;
        else if (strcmp(s, "cancelled") == 0 || strcmp(s, "canceled") == 0)
            vis.status = ITIN_CANCELLED;
        else {
            err(L, pos_of(v[K_STATUS]), "unknown status %s (expected confirmed, tentative or cancelled)",
                Q(L, v[K_STATUS]));
            ok = false;
        }
    }
    vis.n_topics = get_text_list(L, v[K_TOPICS], "a topic", &vis.topics);
    vis.host = opt_text(L, v[K_HOST], "host");
    vis.description = opt_text(L, v[K_DESC], "description");
    if (!ok || !vis.id)
        return;
    size_t at = L->slot != NO_SLOT ? L->slot : P->n_visits;
    if (!define_item(L, &L->visit_ids, "visit", vis.id, at, pos_of(v[K_ID]), visit_pos))
        return;
    if (L->slot != NO_SLOT)
        P->visits[at] = vis;
    else
        *ITIN_PUSH(L->A, P->visits, P->n_visits, L->cap_visits) = vis;
}

static void
walk_leg(loader *L, const ynode *n)
{
    static const char *const keys[] = {"id",       "mode", "from", "to",    "depart",     "arrive",
                                       "duration", "ref",  "with", "title", "description"};
    enum { K_ID, K_MODE, K_FROM, K_TO, K_DEP, K_ARR, K_DUR, K_REF, K_WITH, K_TITLE, K_DESC, K__N };
    ynode *v[K__N];
    itin_plan *P = L->plan;
    const char *what = "a travel leg";
    if (!fields(L, n, what, keys, K__N, v))
        return;
    itin_leg leg = {0};
    bool ok = true;
    leg.pos = pos_of(n);
    if (!v[K_ID] || !get_id(L, v[K_ID], "a travel leg's id", &leg.id)) {
        if (!v[K_ID])
            missing(L, n, "id", what);
        ok = false;
    }
    if (v[K_MODE])
        ok &= get_mode(L, v[K_MODE], "a travel leg's mode", &leg.mode);
    else {
        missing(L, n, "mode", what);
        ok = false;
    }
    if (v[K_FROM])
        ok &= get_place(L, v[K_FROM], "a travel leg's 'from'", &leg.from);
    else {
        missing(L, n, "from", what);
        ok = false;
    }
    if (v[K_TO])
        ok &= get_place(L, v[K_TO], "a travel leg's 'to'", &leg.to);
    else {
        missing(L, n, "to", what);
        ok = false;
    }
    if (ok && leg.from == leg.to) {
        err(L, pos_of(v[K_TO]), "a travel leg goes from '%s' to the same place", v[K_FROM]->str);
        ok = false;
    }
    if (v[K_DEP]) {
        leg.depart_pos = pos_of(v[K_DEP]);
        ok &= get_datetime(L, v[K_DEP], "a travel leg's departure", &leg.dep_date, &leg.dep_time,
                           &leg.dep_offset);
    } else {
        missing(L, n, "depart", what);
        ok = false;
    }
    if (v[K_ARR] && v[K_DUR]) {
        err(L, pos_of(v[K_DUR]), "a travel leg has either 'arrive' or 'duration', not both");
        ok = false;
    } else if (v[K_ARR]) {
        leg.arrive_pos = pos_of(v[K_ARR]);
        leg.has_arrive = true;
        ok &= get_datetime(L, v[K_ARR], "a travel leg's arrival", &leg.arr_date, &leg.arr_time,
                           &leg.arr_offset);
    } else if (v[K_DUR]) {
        leg.arrive_pos = pos_of(v[K_DUR]);
        ok &= get_duration(L, v[K_DUR], "a travel leg's duration", true, &leg.duration);
    } else {
        missing(L, n, "arrive", what);
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
        err(L, leg.arrive_pos, "a travel leg lasts at most %d days", MAX_LEG_MINUTES / 1440);
        ok = false;
    }
    if (ok && !leg.has_arrive && leg.duration > MAX_LEG_MINUTES) {
        err(L, leg.arrive_pos, "a travel leg lasts at most %d days", MAX_LEG_MINUTES / 1440);
        ok = false;
    }
    leg.ref = opt_text(L, v[K_REF], "ref");
    get_who(L, v[K_WITH], &leg.who);
    leg.title = opt_text(L, v[K_TITLE], "a travel leg's title");
    leg.description = opt_text(L, v[K_DESC], "a travel leg's description");
    if (!ok || !leg.id)
        return;
    if (!leg.title) {
        /* The format's default, "<mode> <from> → <to>"; agendas and calendars
         * say it again in their own language (itin_leg_title). */
        const itin_institution *f = &P->institutions[leg.from], *t = &P->institutions[leg.to];
        leg.title_default = true;
        leg.title = itin_arena_printf(L->A, "%s %s \u2192 %s", itin_mode_name(leg.mode),
                                      f->short_name ? f->short_name : f->name,
                                      t->short_name ? t->short_name : t->name);
    }
    size_t at = L->slot != NO_SLOT ? L->slot : P->n_legs;
    if (!define_item(L, &L->leg_ids, "travel leg", leg.id, at, pos_of(v[K_ID]), leg_pos))
        return;
    if (L->slot != NO_SLOT)
        P->legs[at] = leg;
    else
        *ITIN_PUSH(L->A, P->legs, P->n_legs, L->cap_legs) = leg;
}

static void
walk_lodging(loader *L, const ynode *n)
{
    static const char *const keys[] = {"id", "at", "from", "to", "with"};
    enum { K_ID, K_AT, K_FROM, K_TO, K_WITH, K__N };
    ynode *v[K__N];
    itin_plan *P = L->plan;
    const char *what = "a lodging";
    if (!fields(L, n, what, keys, K__N, v))
        return;
    itin_lodging lo = {0};
    bool ok = true;
    lo.pos = pos_of(n);
    if (v[K_ID])
        ok &= get_id(L, v[K_ID], "a lodging's id", &lo.id);
    if (v[K_AT])
        ok &= get_place(L, v[K_AT], "a lodging's place ('at')", &lo.at);
    else {
        missing(L, n, "at", what);
        ok = false;
    }
    bool hf = false, ht = false;
    if (v[K_FROM])
        ok &= hf = get_date(L, v[K_FROM], "a lodging's first night ('from')", &lo.from);
    else {
        missing(L, n, "from", what);
        ok = false;
    }
    if (v[K_TO])
        ok &= ht = get_date(L, v[K_TO], "a lodging's departure date ('to')", &lo.to);
    else {
        missing(L, n, "to", what);
        ok = false;
    }
    if (hf && ht && lo.to <= lo.from) {
        err(L, pos_of(v[K_TO]),
            "a lodging's 'to' (the day of leaving) must be after 'from' (the first night)");
        ok = false;
    } else if (hf && ht && L->dates_ok) {
        ok &= near_trip(L, &P->delegation, lo.from, pos_of(v[K_FROM]), "the lodging begins");
        ok &= near_trip(L, &P->delegation, lo.to, pos_of(v[K_TO]), "the lodging ends");
    }
    get_who(L, v[K_WITH], &lo.who);
    if (!ok)
        return;
    if (!lo.id) {
        /* Derived from what the entry says, never from its position, so that
         * calendar UIDs survive reordering: place, first night, and who when
         * that is not everyone. */
        char a[16];
        lo.id =
            itin_arena_printf(L->A, "lodging-%s-%s", P->institutions[lo.at].id, itin_date_format(lo.from, a));
        const ynode *w = v[K_WITH];
        if (!lo.who.everyone && w && w->kind == N_SCALAR)
            lo.id = itin_arena_printf(L->A, "%s-%s", lo.id, w->str);
        for (size_t i = 0; !lo.who.everyone && w && w->kind == N_SEQ && i < w->n; i++)
            if (w->kids[i]->kind == N_SCALAR)
                lo.id = itin_arena_printf(L->A, "%s-%s", lo.id, w->kids[i]->str);
    }
    size_t at = L->slot != NO_SLOT ? L->slot : P->n_lodgings;
    if (!define_item(L, &L->lodging_ids, v[K_ID] ? "lodging" : "lodging (give each an 'id')", lo.id, at,
                     v[K_ID] ? pos_of(v[K_ID]) : lo.pos, lodging_pos))
        return;
    if (L->slot != NO_SLOT)
        P->lodgings[at] = lo;
    else
        *ITIN_PUSH(L->A, P->lodgings, P->n_lodgings, L->cap_lodgings) = lo;
}

static void
walk_travel_time(loader *L, const ynode *n)
{
    static const char *const keys[] = {"from", "to", "mode", "time"};
    enum { K_FROM, K_TO, K_MODE, K_TIME, K__N };
    ynode *v[K__N];
    itin_plan *P = L->plan;
    const char *what = "a travel_times entry";
    if (!fields(L, n, what, keys, K__N, v))
        return;
    itin_travel_time tt = {0};
    bool ok = true;
    tt.pos = pos_of(n);
    if (v[K_FROM])
        ok &= get_place(L, v[K_FROM], "a travel time's 'from'", &tt.from);
    else {
        missing(L, n, "from", what);
        ok = false;
    }
    if (v[K_TO])
        ok &= get_place(L, v[K_TO], "a travel time's 'to'", &tt.to);
    else {
        missing(L, n, "to", what);
        ok = false;
    }
    if (v[K_MODE])
        ok &= get_mode(L, v[K_MODE], "a travel time's mode", &tt.mode);
    if (v[K_TIME])
        ok &= get_duration(L, v[K_TIME], "a travel time", true, &tt.minutes);
    else {
        missing(L, n, "time", what);
        ok = false;
    }
    if (!ok)
        return;
    if (tt.from == tt.to) {
        err(L, pos_of(v[K_TO]), "a travel time from '%s' to itself", v[K_FROM]->str);
        return;
    }
    /* The same pair (either direction) and mode twice is ambiguous. */
    size_t lo = tt.from < tt.to ? tt.from : tt.to, hi = tt.from < tt.to ? tt.to : tt.from, first;
    char *key = itin_arena_printf(L->T, "%zu:%zu:%d", lo, hi, (int)tt.mode);
    if (!itin_strmap_put(&L->tt_keys, key, P->n_travel_times, &first)) {
        const itin_travel_time *o = &P->travel_times[first];
        err(L, tt.pos, "a second travel time for '%s' and '%s'%s%s (first at %s:%d:%d)", v[K_FROM]->str,
            v[K_TO]->str, tt.mode ? " by " : "", itin_mode_name(tt.mode), o->pos.file, o->pos.line,
            o->pos.col);
        return;
    }
    *ITIN_PUSH(L->A, P->travel_times, P->n_travel_times, L->cap_tt) = tt;
}

static void
walk_holiday(loader *L, const ynode *n, bool builtin)
{
    static const char *const keys[] = {"date", "name", "region", "country"};
    enum { K_DATE, K_NAME, K_REGION, K_COUNTRY, K__N };
    ynode *v[K__N];
    itin_plan *P = L->plan;
    const char *what = "a holiday";
    if (!fields(L, n, what, keys, K__N, v))
        return;
    itin_holiday h = {0};
    bool ok = true;
    h.pos = pos_of(n);
    h.builtin = builtin;
    if (v[K_DATE])
        ok &= get_date(L, v[K_DATE], "a holiday's date", &h.date);
    else {
        missing(L, n, "date", what);
        ok = false;
    }
    if (v[K_NAME])
        ok &= (h.name = text(L, v[K_NAME], "a holiday's name")) != NULL;
    else {
        missing(L, n, "name", what);
        ok = false;
    }
    get_place_codes(L, v[K_COUNTRY], v[K_REGION], &h.country, &h.region);
    if (!ok)
        return;
    *ITIN_PUSH(L->A, P->holidays, P->n_holidays, L->cap_holidays) = h;
}

/* ---------------------------------------------------------------- files */

static const char *const TOP_KEYS[] = {"itinerary", "include", "delegation",   "institutions", "visits",
                                       "travel",    "lodging", "travel_times", "holidays"};

static void stream_file(loader *L, const char *name, const char *dir, const char *buf, size_t len,
                        bool is_main, bool builtin);

/* Lexically tidy a path: drop "." segments and fold "dir/.." pairs. */
static char *
tidy_path(itin_arena *A, const char *path)
{
    size_t n = strlen(path);
    char *out = itin_arena_alloc(A, n + 2);
    size_t *seg = itin_xmalloc((n / 2 + 2) * sizeof *seg);
    size_t nseg = 0, o = 0;
    bool abs = path[0] == '/';
    if (abs)
        out[o++] = '/';
    const char *p = path;
    while (*p) {
        while (*p == '/')
            p++;
        const char *s = p;
        while (*p && *p != '/')
            p++;
        size_t len = (size_t)(p - s);
        if (len == 0 || (len == 1 && s[0] == '.'))
            continue;
        if (len == 2 && s[0] == '.' && s[1] == '.' && nseg > 0) {
            size_t start = seg[nseg - 1];
            if (!(o - start == 2 && out[start] == '.' && out[start + 1] == '.')) {
                o = start;
                if (o > (abs ? 1u : 0u))
                    o--; /* the slash before it */
                nseg--;
                continue;
            }
        }
        if (o > (abs ? 1u : 0u))
            out[o++] = '/';
        seg[nseg++] = o;
        memcpy(out + o, s, len);
        o += len;
    }
    if (o == 0)
        out[o++] = '.';
    out[o] = '\0';
    free(seg);
    return out;
}

static char *
dir_of(itin_arena *A, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return itin_arena_strdup(A, ".");
    if (slash == path)
        return itin_arena_strdup(A, "/");
    return itin_arena_strndup(A, path, (size_t)(slash - path));
}

/* Read a whole file (or standard input for "-") into a heap buffer. With
 * `regular_only` anything but a regular file is refused before it is read:
 * an included FIFO or terminal would wait forever, /dev/zero never ends. */
static char *
slurp(const char *path, size_t *len, char *e, size_t elen, bool regular_only)
{
    FILE *f = NULL;
    if (strcmp(path, "-") == 0) {
        f = stdin;
    } else if (regular_only) {
        int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        struct stat st;
        if (fd < 0) {
            snprintf(e, elen, "%s", strerror(errno));
            return NULL;
        }
        if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            snprintf(e, elen, "not a regular file");
            close(fd);
            return NULL;
        }
        f = fdopen(fd, "rb");
        if (!f)
            close(fd);
    } else {
        f = fopen(path, "rb");
    }
    if (!f) {
        snprintf(e, elen, "%s", strerror(errno));
        return NULL;
    }
    size_t cap = 65536, n = 0;
    char *buf = itin_xmalloc(cap);
    for (;;) {
        if (n == cap) {
            if (cap > MAX_FILE_SIZE) {
                snprintf(e, elen, "the file is larger than %u MiB", MAX_FILE_SIZE >> 20);
                free(buf);
                if (f != stdin)
                    fclose(f);
                return NULL;
            }
            cap *= 2;
            buf = itin_xrealloc(buf, cap);
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
    }
    bool bad = ferror(f);
    int saved = errno;
    if (f != stdin)
        fclose(f);
    if (bad) {
        snprintf(e, elen, "%s", strerror(saved));
        free(buf);
        return NULL;
    }
    if (n > MAX_FILE_SIZE) {
        snprintf(e, elen, "the file is larger than %u MiB", MAX_FILE_SIZE >> 20);
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static void
do_includes(loader *L, const ynode *inc, const char *dir)
{
    const ynode *one[1] = {inc};
    const ynode *const *items = one;
    size_t count = 1;
    if (is_empty(inc))
        return;
    if (inc->kind == N_SEQ) {
        items = (const ynode *const *)inc->kids;
        count = inc->n;
    } else if (inc->kind != N_SCALAR) {
        err(L, pos_of(inc), "include must be a list of file paths, not %s", kind_name(inc));
        return;
    }
    for (size_t i = 0; i < count && !L->fatal; i++) {
        const char *rel = text(L, items[i], "an include path");
        if (!rel)
            continue;
        if (!*rel) {
            err(L, pos_of(items[i]), "an include path is empty");
            continue;
        }
        if (L->depth >= MAX_INCLUDE_DEPTH) {
            err(L, pos_of(items[i]), "includes nest deeper than %d files", MAX_INCLUDE_DEPTH);
            continue;
        }
        if (L->n_files >= MAX_INCLUDES) {
            err(L, pos_of(items[i]), "more than %d included files", MAX_INCLUDES);
            continue;
        }
        const char *path = rel[0] == '/' ? tidy_path(L->A, rel)
                                         : tidy_path(L->A, itin_arena_printf(L->T, "%s/%s", dir, rel));
        char *real = realpath(path, NULL);
        if (!real) {
            err(L, pos_of(items[i]), "cannot read included file %s: %s", quoted(L, path, strlen(path)),
                strerror(errno));
            continue;
        }
        bool cycle = false;
        for (size_t j = 0; j < L->depth; j++)
            if (L->stack[j] && strcmp(L->stack[j], real) == 0)
                cycle = true;
        if (cycle) {
            err(L, pos_of(items[i]), "include cycle: %s includes itself (directly or through other files)",
                quoted(L, path, strlen(path)));
            free(real);
            continue;
        }
        /* A file included twice along different paths is read once. */
        bool seen = false;
        for (size_t j = 0; j < L->n_seen && !seen; j++)
            seen = strcmp(L->seen[j], real) == 0;
        if (seen) {
            free(real);
            continue;
        }
        char e[256];
        size_t len;
        char *buf = slurp(path, &len, e, sizeof e, true);
        if (!buf) {
            err(L, pos_of(items[i]), "cannot read included file %s: %s", quoted(L, path, strlen(path)), e);
            free(real);
            continue;
        }
        L->seen[L->n_seen++] = itin_arena_strdup(L->T, real);
        L->stack[L->depth++] = real;
        stream_file(L, path, dir_of(L->A, path), buf, len, false, false);
        L->depth--;
        free(real);
        free(buf);
    }
}

/* The place id an element refers to under `key`, when it says one plainly. */
static const char *
ref_of(const ynode *n, const char *key)
{
    if (n->kind != N_MAP)
        return NULL;
    for (size_t i = 0; i < n->n; i++) {
        const ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
        if (k->kind == N_SCALAR && strcmp(k->str, key) == 0 && v->kind == N_SCALAR)
            return v->str;
    }
    return NULL;
}

/* Whether an element can be walked now: what it refers to is known. */
static bool
ready(loader *L, int kind, const ynode *n)
{
    static const char *const refs[] = {"at", "from", "to"};
    if (kind != T_TRAVEL_TIMES && !L->have_delegation)
        return false;
    for (size_t i = 0; i < 3; i++) {
        const char *id = ref_of(n, refs[i]);
        if (id && !itin_strmap_get(&L->inst_ids, id, NULL))
            return false;
    }
    return true;
}

static void
walk_element(loader *L, int kind, const ynode *n, bool builtin)
{
    switch (kind) {
    case T_INSTITUTIONS:
        walk_institution(L, n);
        break;
    case T_VISITS:
        walk_visit(L, n);
        break;
    case T_TRAVEL:
        walk_leg(L, n);
        break;
    case T_LODGING:
        walk_lodging(L, n);
        break;
    case T_TRAVEL_TIMES:
        walk_travel_time(L, n);
        break;
    case T_HOLIDAYS:
        walk_holiday(L, n, builtin);
        break;
    }
}

/* Hold a slot in the plan's list so that a deferred element keeps its
 * place in the order of the file (flexible visits are placed in it). */
static size_t
hold_slot(loader *L, int kind)
{
    itin_plan *P = L->plan;
    switch (kind) {
    case T_VISITS:
        ITIN_PUSH(L->A, P->visits, P->n_visits, L->cap_visits);
        return P->n_visits - 1;
    case T_TRAVEL:
        ITIN_PUSH(L->A, P->legs, P->n_legs, L->cap_legs);
        return P->n_legs - 1;
    case T_LODGING:
        ITIN_PUSH(L->A, P->lodgings, P->n_lodgings, L->cap_lodgings);
        return P->n_lodgings - 1;
    default:
        return NO_SLOT;
    }
}

/* One element of a top-level list: walked at once when it can be, else
 * kept for later. Its scratch nodes are dropped either way. */
static void
element(yreader *r, int kind, ynode *n, bool builtin, size_t first_anchor)
{
    loader *L = r->L;
    bool now = kind == T_INSTITUTIONS || kind == T_HOLIDAYS || ready(L, kind, n);
    if (now) {
        walk_element(L, kind, n, builtin);
        if (r->n_anch > first_anchor)
            keep_node(r, n, first_anchor); /* later aliases may point into it */
        return;
    }
    if (L->n_later == L->cap_later) {
        L->cap_later = L->cap_later ? L->cap_later * 2 : 16;
        L->later = itin_xrealloc(L->later, L->cap_later * sizeof *L->later);
    }
    L->later[L->n_later++] = (deferred){kind, keep_node(r, n, first_anchor), hold_slot(L, kind)};
}

/* Read one file's top-level mapping, handling each key as it completes:
 * includes at once (their lists merge at that point), the delegation, and
 * list elements one by one so that a large file never lives in memory as a
 * whole tree. */
static void
stream_file(loader *L, const char *name, const char *dir, const char *buf, size_t len, bool is_main,
            bool builtin)
{
    yreader r = {0};
    yaml_event_t ev;
    const ynode *seen_key[T__N] = {0};
    r.L = L;
    r.name = name;
    r.buf = buf;
    r.len = len;
    itin_strmap_init(&r.anchors);
    yaml_parser_initialize(&r.p);
    yaml_parser_set_input_string(&r.p, (const unsigned char *)buf, len);
    yaml_parser_set_encoding(&r.p, YAML_UTF8_ENCODING);
    L->n_files++;

    /* STREAM-START, then DOCUMENT-START or STREAM-END (an empty file). */
    if (!rd_next(&r, &ev))
        goto done;
    yaml_event_delete(&ev);
    if (!rd_next(&r, &ev))
        goto done;
    if (ev.type == YAML_STREAM_END_EVENT) {
        yaml_event_delete(&ev);
        goto done;
    }
    yaml_event_delete(&ev);
    if (!rd_next(&r, &ev))
        goto done;
    if (ev.type != YAML_MAPPING_START_EVENT) {
        ynode *root = rd_node(&r, &ev, L->S, 0);
        if (root && !is_empty(root))
            err(L, pos_of(root), "the top level of a delegation file must be a mapping, not %s",
                kind_name(root));
        itin_arena_reset(L->S);
        goto trailer;
    }
    itin_pos top_pos = {name, (int)ev.start_mark.line + 1, (int)ev.start_mark.column + 1};
    if (is_main)
        L->top_pos = top_pos;
    yaml_event_delete(&ev);

    for (;;) {
        if (!rd_next(&r, &ev))
            goto done;
        if (ev.type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(&ev);
            break;
        }
        ynode *k = rd_node(&r, &ev, L->T, 1);
        if (!k)
            goto done;
        int key = -1;
        if (k->kind != N_SCALAR) {
            err(L, pos_of(k), "keys at the top level must be plain text, not %s", kind_name(k));
        } else if (memchr(k->str, '\0', k->len)) {
            err(L, pos_of(k), "a key contains a NUL character");
        } else {
            for (int i = 0; i < T__N; i++)
                if (strcmp(TOP_KEYS[i], k->str) == 0)
                    key = i;
            if (key < 0) {
                const char *hint = itin_suggest(k->str, TOP_KEYS, T__N);
                if (hint)
                    err(L, pos_of(k), "unknown key %s at the top level (did you mean '%s'?)",
                        quoted(L, k->str, k->len), hint);
                else
                    err(L, pos_of(k), "unknown key %s at the top level", quoted(L, k->str, k->len));
            } else if (seen_key[key]) {
                err(L, pos_of(k), "duplicate key %s at the top level (first at line %d, column %d)", Q(L, k),
                    seen_key[key]->pos.line, seen_key[key]->pos.col);
                key = -1;
            } else {
                seen_key[key] = k;
            }
        }
        if (!rd_next(&r, &ev))
            goto done;
        bool list = key == T_INSTITUTIONS || key == T_VISITS || key == T_TRAVEL || key == T_LODGING ||
                    key == T_TRAVEL_TIMES || key == T_HOLIDAYS;
        if (list && ev.type == YAML_SEQUENCE_START_EVENT) {
            yaml_event_delete(&ev);
            for (;;) {
                if (!rd_next(&r, &ev))
                    goto done;
                if (ev.type == YAML_SEQUENCE_END_EVENT) {
                    yaml_event_delete(&ev);
                    break;
                }
                size_t first_anchor = r.n_anch;
                ynode *n = rd_node(&r, &ev, L->S, 2);
                if (!n)
                    goto done;
                if (!L->fatal)
                    element(&r, key, n, builtin, first_anchor);
                itin_arena_reset(L->S);
            }
            continue;
        }
        /* Anything else is read whole into the persistent arena. */
        ynode *v = rd_node(&r, &ev, L->T, 1);
        if (!v)
            goto done;
        switch (key) {
        case T_VERSION: {
            const char *s = text(L, v, "itinerary (the format version)");
            if (s && strcmp(s, "1") != 0)
                err(L, pos_of(v), "unsupported format version %s (this program reads version 1)",
                    quoted(L, s, strlen(s)));
            break;
        }
        case T_INCLUDE:
            do_includes(L, v, dir);
            break;
        case T_DELEGATION:
            if (!is_main) {
                err(L, pos_of(k), "an included file cannot hold a delegation");
            } else if (is_empty(v)) {
                err(L, pos_of(v), "the delegation has no value");
                L->have_delegation = true; /* reported; do not say it is missing */
            } else {
                walk_delegation(L, v);
                L->have_delegation = true;
            }
            break;
        case -1:
            break;
        default:
            if (!is_empty(v))
                err(L, pos_of(v), "%s must be a list, not %s", TOP_KEYS[key], kind_name(v));
            break;
        }
    }
trailer:
    /* DOCUMENT-END, then STREAM-END or a second document. */
    if (!rd_next(&r, &ev))
        goto done;
    yaml_event_delete(&ev);
    if (!rd_next(&r, &ev))
        goto done;
    if (ev.type == YAML_DOCUMENT_START_EVENT)
        err(L, (itin_pos){name, (int)ev.start_mark.line + 1, (int)ev.start_mark.column + 1},
            "a delegation file holds one YAML document; this is a second one");
    yaml_event_delete(&ev);
done:
    itin_arena_reset(L->S);
    free(r.kids);
    free(r.anch);
    itin_strmap_free(&r.anchors);
    yaml_parser_delete(&r.p);
}

/* Walk what had to wait, in the order of the files, and drop the slots of
 * elements that turned out invalid. */
static void
walk_deferred(loader *L)
{
    itin_plan *P = L->plan;
    for (size_t i = 0; i < L->n_later && !L->fatal; i++) {
        L->slot = L->later[i].slot;
        walk_element(L, L->later[i].kind, L->later[i].node, false);
    }
    L->slot = NO_SLOT;
    size_t k = 0;
    for (size_t i = 0; i < P->n_visits; i++)
        if (P->visits[i].id)
            P->visits[k++] = P->visits[i];
    P->n_visits = k;
    k = 0;
    for (size_t i = 0; i < P->n_legs; i++)
        if (P->legs[i].id)
            P->legs[k++] = P->legs[i];
    P->n_legs = k;
    k = 0;
    for (size_t i = 0; i < P->n_lodgings; i++)
        if (P->lodgings[i].id)
            P->lodgings[k++] = P->lodgings[i];
    P->n_lodgings = k;
}

static itin_plan *
load(const char *name, const char *buf, size_t len, itin_diags *d)
{
    itin_plan *P = NULL;
    loader L = {0};
    size_t errors_before = d->errors;
    itin_arena *A = itin_arena_new();
    P = itin_arena_alloc(A, sizeof *P);
    P->arena = A;
    P->path = itin_arena_strdup(A, name);
    P->who_words = 1;
    L.plan = P;
    L.A = A;
    L.T = itin_arena_new();
    L.S = itin_arena_new();
    L.d = d;
    L.slot = NO_SLOT;
    L.stack = itin_xmalloc((MAX_INCLUDE_DEPTH + 1) * sizeof *L.stack);
    L.seen = itin_xmalloc((MAX_INCLUDES + 2) * sizeof *L.seen);
    L.top_pos = (itin_pos){P->path, 1, 1};
    itin_strmap_init(&L.inst_ids);
    itin_strmap_init(&L.people_ids);
    itin_strmap_init(&L.visit_ids);
    itin_strmap_init(&L.leg_ids);
    itin_strmap_init(&L.lodging_ids);
    itin_strmap_init(&L.tt_keys);

    /* The bundled holiday calendars come first, as if included. */
    for (size_t i = 0; i < itin_builtin_holidays_count; i++)
        stream_file(&L, itin_builtin_holidays[i].name, ".", itin_builtin_holidays[i].text,
                    itin_builtin_holidays[i].len, false, true);

    char *real = strcmp(name, "-") == 0 ? NULL : realpath(name, NULL);
    if (real)
        L.seen[L.n_seen++] = itin_arena_strdup(L.T, real);
    L.stack[L.depth++] = real;
    stream_file(&L, P->path, dir_of(A, strcmp(name, "-") == 0 ? "./-" : name), buf, len, true, false);
    L.depth--;
    free(real);

    if (!L.have_delegation && !L.broken)
        err(&L, L.top_pos, "the file has no 'delegation'");
    walk_deferred(&L);
    const char *tz = P->delegation.timezone ? P->delegation.timezone : "UTC";
    for (size_t i = 0; i < P->n_institutions; i++)
        if (!P->institutions[i].timezone)
            P->institutions[i].timezone = tz;
    if (d->errors > d->limit)
        itin_diags_add(d, ITIN_NOTE, (itin_pos){P->path, 0, 0},
                       "too many errors; stopped after the first %zu", d->limit);

    itin_strmap_free(&L.inst_ids);
    itin_strmap_free(&L.people_ids);
    itin_strmap_free(&L.visit_ids);
    itin_strmap_free(&L.leg_ids);
    itin_strmap_free(&L.lodging_ids);
    itin_strmap_free(&L.tt_keys);
    free(L.later);
    free(L.stack);
    free(L.seen);
    itin_arena_free(L.T);
    itin_arena_free(L.S);
    if (d->errors > errors_before) {
        itin_plan_free(P);
        return NULL;
    }
    return P;
}

itin_plan *
itin_plan_load_buffer(const char *name, const char *buf, size_t len, itin_diags *d)
{
    if (len > MAX_FILE_SIZE) {
        itin_diags_add(d, ITIN_ERROR, (itin_pos){name, 1, 1}, "the file is larger than %u MiB",
                       MAX_FILE_SIZE >> 20);
        return NULL;
    }
    return load(name, buf, len, d);
}

itin_plan *
itin_plan_load(const char *path, itin_diags *d)
{
    char e[256];
    size_t len = 0;
    char *buf = slurp(path, &len, e, sizeof e, false);
    if (!buf) {
        itin_diags_add(d, ITIN_ERROR, (itin_pos){path, 0, 0}, "cannot read '%s': %s", path, e);
        return NULL;
    }
    itin_plan *P = load(path, buf, len, d);
    free(buf);
    return P;
}

void
itin_plan_free(itin_plan *plan)
{
    if (plan)
        itin_arena_free(plan->arena);
}
