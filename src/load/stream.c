/* stream: one file's top level (§3 of docs/format.md) read key by key, list
 * elements walked one at a time or deferred until what they refer to is known. */
#include <stdlib.h>
#include <string.h>

#include "load.h"

/* One file being read. */
typedef struct file_ctx {
    loader *L;
    load_reader *r;
    const char *name, *dir;
    bool is_main;
} file_ctx;

static void walk_version(file_ctx *f, const ynode *key, const ynode *value);
static void walk_include(file_ctx *f, const ynode *key, const ynode *value);
static void walk_delegation_value(file_ctx *f, const ynode *key, const ynode *value);

/* The keys of the top level (§3 of docs/format.md). A list's elements are
 * walked one by one as they are read; one that names a place not defined
 * yet, or needs the delegation, waits until every file is read, and one of
 * a kind that keeps the order of the file holds its slot meanwhile. */
typedef struct top_kind {
    const char *key;
    void (*walk_value)(file_ctx *f, const ynode *key, const ynode *value); /* not a list */
    void (*walk)(loader *L, const ynode *element);                         /* a list's element */
    bool list;
    bool refers;           /* its elements name places (at, from, to) and may wait for them */
    bool needs_delegation; /* its elements wait for the delegation */
    const load_slots *keeps_order;
} top_kind;

static const top_kind TOP_KINDS[TOP__COUNT] = {
    [TOP_VERSION] = {"itinerary", .walk_value = walk_version},
    [TOP_INCLUDE] = {"include", .walk_value = walk_include},
    [TOP_DELEGATION] = {"delegation", .walk_value = walk_delegation_value},
    [TOP_INSTITUTIONS] = {"institutions", .walk = load_walk_institution, .list = true},
    [TOP_VISITS] = {"visits", .walk = load_walk_visit, .list = true, .refers = true, .needs_delegation = true,
                    .keeps_order = &load_visit_slots},
    [TOP_TRAVEL] = {"travel", .walk = load_walk_leg, .list = true, .refers = true, .needs_delegation = true,
                    .keeps_order = &load_leg_slots},
    [TOP_LODGING] = {"lodging", .walk = load_walk_lodging, .list = true, .refers = true,
                     .needs_delegation = true, .keeps_order = &load_lodging_slots},
    [TOP_TRAVEL_TIMES] = {"travel_times", .walk = load_walk_travel_time, .list = true, .refers = true},
    [TOP_HOLIDAYS] = {"holidays", .walk = load_walk_holiday, .list = true},
    [TOP_COMPANIES] = {"companies", .walk = load_walk_company, .list = true, .refers = true,
                       .needs_delegation = true},
    [TOP_MATCHMAKING] = {"matchmaking", .walk = load_walk_session, .list = true, .refers = true,
                         .needs_delegation = true},
};

const char *
load_top_key(int kind)
{
    return TOP_KINDS[kind].key;
}

/* Whether an element can be walked now: what it refers to is known. The
 * place ids it says plainly under "at", "from" and "to" (the first of each)
 * are looked up, in one pass over its keys. */
static bool
element_ready(loader *L, const top_kind *t, const ynode *n)
{
    static const char *const refs[] = {"at", "from", "to"};
    if (!t->refers)
        return true;
    if (t->needs_delegation && !L->have_delegation)
        return false;
    if (n->kind != N_MAP)
        return true;
    bool seen[3] = {false, false, false};
    for (size_t i = 0; i < n->n; i++) {
        const ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
        if (k->kind != N_SCALAR || (k->str[0] != 'a' && k->str[0] != 'f' && k->str[0] != 't'))
            continue;
        for (size_t r = 0; r < 3; r++) {
            if (seen[r] || v->kind != N_SCALAR || strcmp(k->str, refs[r]) != 0)
                continue;
            seen[r] = true;
            if (!itin_strmap_get(&L->inst_ids, v->str, NULL))
                return false;
        }
    }
    return true;
}

/* One element of a top-level list: walked at once when it can be, else
 * kept for later. Its scratch nodes are dropped either way. */
static void
walk_or_defer(file_ctx *f, int kind, ynode *n, size_t first_anchor)
{
    loader *L = f->L;
    const top_kind *t = &TOP_KINDS[kind];
    if (element_ready(L, t, n)) {
        t->walk(L, n);
        if (load_reader_anchors(f->r) > first_anchor)
            load_reader_keep(f->r, n, first_anchor); /* later aliases may point into it */
        return;
    }
    if (L->n_later == L->cap_later) {
        L->cap_later = L->cap_later ? L->cap_later * 2 : 16;
        L->later = itin_xrealloc(L->later, L->cap_later * sizeof *L->later);
    }
    ynode *kept = load_reader_keep(f->r, n, first_anchor);
    L->later[L->n_later++] = (deferred){kind, kept, t->keeps_order ? t->keeps_order->hold(L) : NO_SLOT};
}

static void
walk_version(file_ctx *f, const ynode *key, const ynode *v)
{
    (void)key;
    const char *s = load_text(f->L, v, "itinerary (the format version)");
    if (s && strcmp(s, "1") != 0)
        load_error(f->L, pos_of(v), "unsupported format version %s (this program reads version 1)",
                   load_quote(f->L, s, strlen(s)));
}

static void
walk_include(file_ctx *f, const ynode *key, const ynode *v)
{
    (void)key;
    load_includes(f->L, v, f->dir);
}

static void
walk_delegation_value(file_ctx *f, const ynode *key, const ynode *v)
{
    loader *L = f->L;
    if (!f->is_main) {
        load_error(L, pos_of(key), "an included file cannot hold a delegation");
    } else if (load_is_empty(v)) {
        load_error(L, pos_of(v), "the delegation has no value");
        L->have_delegation = true; /* reported; do not say it is missing */
    } else {
        load_walk_delegation(L, v);
        L->have_delegation = true;
    }
}

/* The kind a top-level key names, or -1 after reporting it. */
static int
top_kind_of(file_ctx *f, const ynode *k, const ynode **seen_key)
{
    loader *L = f->L;
    if (k->kind != N_SCALAR) {
        load_error(L, pos_of(k), "keys at the top level must be plain text, not %s", load_kind_name(k));
        return -1;
    }
    if (memchr(k->str, '\0', k->len)) {
        load_error(L, pos_of(k), "a key contains a NUL character");
        return -1;
    }
    int key = -1;
    for (int i = 0; i < TOP__COUNT; i++)
        if (strcmp(TOP_KINDS[i].key, k->str) == 0)
            key = i;
    if (key < 0) {
        const char *keys[TOP__COUNT];
        for (int i = 0; i < TOP__COUNT; i++)
            keys[i] = TOP_KINDS[i].key;
        const char *hint = itin_suggest(k->str, keys, TOP__COUNT);
        if (hint)
            load_error(L, pos_of(k), "unknown key %s at the top level (did you mean '%s'?)",
                       load_quote(L, k->str, k->len), hint);
        else
            load_error(L, pos_of(k), "unknown key %s at the top level", load_quote(L, k->str, k->len));
        return -1;
    }
    if (seen_key[key]) {
        load_error(L, pos_of(k), "duplicate key %s at the top level (first at line %d, column %d)",
                   QUOTED(L, k), seen_key[key]->pos.line, seen_key[key]->pos.col);
        return -1;
    }
    seen_key[key] = k;
    return key;
}

/* The elements of a top-level list, after its SEQUENCE-START; false after a
 * syntax error. */
static bool
read_list(file_ctx *f, int kind)
{
    loader *L = f->L;
    load_event ev;
    for (;;) {
        if (!load_reader_next(f->r, &ev, NULL))
            return false;
        if (ev == LOAD_EV_SEQUENCE_END)
            return true;
        size_t first_anchor = load_reader_anchors(f->r);
        ynode *n = load_reader_node(f->r, L->element_arena, 2);
        if (!n)
            return false;
        if (!L->fatal)
            walk_or_defer(f, kind, n, first_anchor);
        itin_arena_reset(L->element_arena);
    }
}

/* A value read whole into the persistent arena. */
static void
walk_top_value(file_ctx *f, int kind, const ynode *k, const ynode *v)
{
    if (kind < 0)
        return;
    const top_kind *t = &TOP_KINDS[kind];
    if (t->walk_value)
        t->walk_value(f, k, v);
    else if (!load_is_empty(v))
        load_error(f->L, pos_of(v), "%s must be a list, not %s", t->key, load_kind_name(v));
}

/* The pairs of the top-level mapping, after its MAPPING-START, each handled
 * as it completes: includes at once (their lists merge at that point), the
 * delegation, and list elements one by one so that a large file never lives
 * in memory as a whole tree. False after a syntax error. */
static bool
read_top_mapping(file_ctx *f)
{
    loader *L = f->L;
    const ynode *seen_key[TOP__COUNT] = {0};
    load_event ev;
    for (;;) {
        if (!load_reader_next(f->r, &ev, NULL))
            return false;
        if (ev == LOAD_EV_MAPPING_END)
            return true;
        ynode *k = load_reader_node(f->r, L->tree_arena, 1);
        if (!k)
            return false;
        int kind = top_kind_of(f, k, seen_key);
        if (!load_reader_next(f->r, &ev, NULL))
            return false;
        if (kind >= 0 && TOP_KINDS[kind].list && ev == LOAD_EV_SEQUENCE_START) {
            if (!read_list(f, kind))
                return false;
            continue;
        }
        ynode *v = load_reader_node(f->r, L->tree_arena, 1);
        if (!v)
            return false;
        walk_top_value(f, kind, k, v);
    }
}

/* A top level that is not a mapping: only an empty one is allowed. */
static void
read_other_top(file_ctx *f)
{
    loader *L = f->L;
    ynode *root = load_reader_node(f->r, L->element_arena, 0);
    if (root && !load_is_empty(root))
        load_error(L, pos_of(root), "the top level of a delegation file must be a mapping, not %s",
                   load_kind_name(root));
    itin_arena_reset(L->element_arena);
}

/* After the top level: DOCUMENT-END, then STREAM-END or a second document. */
static void
read_trailer(file_ctx *f)
{
    load_event ev;
    itin_pos pos;
    if (!load_reader_next(f->r, &ev, NULL) || !load_reader_next(f->r, &ev, &pos))
        return;
    if (ev == LOAD_EV_DOCUMENT_START)
        load_error(f->L, pos, "a delegation file holds one YAML document; this is a second one");
}

/* STREAM-START, DOCUMENT-START and the top level of the file's document. */
static void
read_document(file_ctx *f)
{
    load_event ev;
    itin_pos pos;
    if (!load_reader_next(f->r, &ev, NULL) || !load_reader_next(f->r, &ev, NULL))
        return;
    if (ev == LOAD_EV_STREAM_END) /* an empty file */
        return;
    if (!load_reader_next(f->r, &ev, &pos))
        return;
    if (ev != LOAD_EV_MAPPING_START) {
        read_other_top(f);
        read_trailer(f);
        return;
    }
    if (f->is_main)
        f->L->top_pos = pos;
    if (read_top_mapping(f))
        read_trailer(f);
}

void
load_stream_file(loader *L, const char *name, const char *dir, const char *buf, size_t len, bool is_main,
                 bool builtin)
{
    file_ctx f = {L, load_reader_open(L, name, buf, len), name, dir, is_main};
    bool was_builtin = L->builtin;
    L->builtin = builtin;
    L->n_files++;
    read_document(&f);
    itin_arena_reset(L->element_arena);
    load_reader_close(f.r);
    L->builtin = was_builtin;
}

/* Walk what had to wait, in the order of the files, and drop the slots of
 * elements that turned out invalid. */
void
load_walk_deferred(loader *L)
{
    for (size_t i = 0; i < L->n_later && !L->fatal; i++) {
        L->slot = L->later[i].slot;
        TOP_KINDS[L->later[i].kind].walk(L, L->later[i].node);
    }
    L->slot = NO_SLOT;
    for (int k = 0; k < TOP__COUNT; k++)
        if (TOP_KINDS[k].keeps_order)
            TOP_KINDS[k].keeps_order->drop_unfilled(L);
}
