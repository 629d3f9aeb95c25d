/* reader: libyaml's events -> a small tree of our own (positions on every
 * node, aliases shared, never expanded). The only file that includes <yaml.h>. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "load.h"

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

/* One file being read: libyaml's parser, the event it holds and the anchors
 * seen so far. */
struct load_reader {
    loader *L;
    yaml_parser_t p;
    yaml_event_t ev;
    bool held; /* ev is an event not yet consumed */
    const char *name, *buf;
    size_t len;
    itin_strmap anchors;
    anchor *anch;
    size_t n_anch, cap_anch;
    size_t real_nodes, expanded;
    bool failed;
    ynode **kids; /* children of the open nodes */
    size_t n_kids, cap_kids;
};

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

static itin_pos
mark_pos(const load_reader *r, yaml_mark_t m)
{
    return (itin_pos){r->name, (int)m.line + 1, (int)m.column + 1};
}

static size_t
sat_add(size_t a, size_t b)
{
    return a > SIZE_MAX / 4 - b ? SIZE_MAX / 4 : a + b;
}

static void reader_fail(load_reader *r, itin_pos pos, const char *fmt, const char *arg);

/* The encoding of a file in UTF-16 or UTF-32, told by its byte order mark or,
 * without one, by where the zero bytes of its first (ASCII) character are
 * (YAML 1.2, 5.2); NULL for anything else. */
static const char *
wide_encoding(const unsigned char *b, size_t len)
{
    if (len >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
        return "UTF-32 (big-endian)";
    if (len >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
        return "UTF-32 (little-endian)";
    if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        return "UTF-16 (big-endian)";
    if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        return "UTF-16 (little-endian)";
    if (len >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0)
        return "UTF-32 (big-endian)";
    if (len >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0)
        return "UTF-32 (little-endian)";
    if (len >= 2 && b[0] == 0 && b[1] != 0)
        return "UTF-16 (big-endian)";
    if (len >= 2 && b[0] != 0 && b[1] == 0)
        return "UTF-16 (little-endian)";
    return NULL;
}

load_reader *
load_reader_open(loader *L, const char *name, const char *buf, size_t len)
{
    load_reader *r = itin_xmalloc(sizeof *r);
    memset(r, 0, sizeof *r);
    r->L = L;
    /* A byte order mark may start a UTF-8 file (YAML 1.2, 5.2). With the
     * encoding named, libyaml skips it as a character of the first line,
     * which then starts in column 2, and a mapping starting there ends at
     * the next line. */
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        buf += 3;
        len -= 3;
    }
    r->name = name;
    r->buf = buf;
    r->len = len;
    itin_strmap_init(&r->anchors);
    yaml_parser_initialize(&r->p);
    yaml_parser_set_input_string(&r->p, (const unsigned char *)buf, len);
    yaml_parser_set_encoding(&r->p, YAML_UTF8_ENCODING);
    const char *wide = wide_encoding((const unsigned char *)buf, len);
    if (wide)
        reader_fail(r, (itin_pos){name, 1, 1}, "the file is %s text; save it as UTF-8", wide);
    return r;
}

void
load_reader_close(load_reader *r)
{
    if (r->held)
        yaml_event_delete(&r->ev);
    free(r->kids);
    free(r->anch);
    itin_strmap_free(&r->anchors);
    yaml_parser_delete(&r->p);
    free(r);
}

size_t
load_reader_anchors(const load_reader *r)
{
    return r->n_anch;
}

/* The byte offset of a position (0-based line, column in characters) that
 * libyaml gives, or `len` when it is not in the buffer. */
static size_t
offset_of_mark(const load_reader *r, size_t line, size_t column)
{
    size_t i = 0;
    for (size_t l = 0; l < line && i < r->len; i++)
        if (r->buf[i] == '\n' || (r->buf[i] == '\r' && (i + 1 == r->len || r->buf[i + 1] != '\n')))
            l++;
    for (size_t c = 0; c < column && i < r->len; c++)
        for (i++; i < r->len && ((unsigned char)r->buf[i] & 0xC0) == 0x80; i++)
            ;
    return i;
}

/* Whether libyaml stopped at a tab in the indentation of a line (before
 * anything but spaces, tabs and a list's dashes); `pos` is then the first
 * tab of that line. */
static bool
tab_in_indentation(const load_reader *r, const yaml_mark_t *m, itin_pos *pos)
{
    size_t at = offset_of_mark(r, m->line, m->column);
    if (at >= r->len || r->buf[at] != '\t')
        return false;
    size_t start = at;
    while (start > 0 && r->buf[start - 1] != '\n' && r->buf[start - 1] != '\r')
        start--;
    size_t first_tab = at;
    for (size_t i = start; i < at; i++) {
        if (r->buf[i] != ' ' && r->buf[i] != '\t' && r->buf[i] != '-')
            return false;
        if (r->buf[i] == '\t' && first_tab == at)
            first_tab = i;
    }
    *pos = (itin_pos){r->name, (int)m->line + 1, (int)(first_tab - start) + 1};
    return true;
}

/* Report libyaml's error in our words, at its position. */
static void
report_syntax_error(load_reader *r)
{
    yaml_parser_t *p = &r->p;
    loader *L = r->L;
    itin_pos pos = p->error == YAML_READER_ERROR ? pos_at_offset(r->name, r->buf, r->len, p->problem_offset)
                                                 : mark_pos(r, p->problem_mark);
    const char *problem = p->problem ? p->problem : "malformed YAML";
    itin_pos tab;
    if (p->error != YAML_READER_ERROR && tab_in_indentation(r, &p->problem_mark, &tab))
        load_error(L, tab,
                   "found a tab character in the indentation: tabs are not allowed for indentation in YAML "
                   "(indent with spaces)");
    else if (p->error == YAML_READER_ERROR && strstr(problem, "UTF-8"))
        load_error(L, pos, "invalid UTF-8 in the file (%s)", problem);
    else if (p->error == YAML_READER_ERROR)
        load_error(L, pos, "the file cannot be read as YAML text (%s)", problem);
    else if (p->context && p->error == YAML_SCANNER_ERROR && strstr(problem, "could not find expected ':'"))
        /* libyaml gives up on a plain key after 1024 characters. */
        load_error(L, pos, "YAML syntax error: %s %s (at %d:%d; a key longer than 1024 characters?)", problem,
                   p->context, (int)p->context_mark.line + 1, (int)p->context_mark.column + 1);
    else if (p->context)
        load_error(L, pos, "YAML syntax error: %s %s (at %d:%d)", problem, p->context,
                   (int)p->context_mark.line + 1, (int)p->context_mark.column + 1);
    else
        load_error(L, pos, "YAML syntax error: %s", problem);
}

/* The next libyaml event into r->ev; false after reporting a syntax error. */
static bool
next_event(load_reader *r)
{
    if (r->held) {
        yaml_event_delete(&r->ev);
        r->held = false;
    }
    if (r->failed)
        return false;
    if (yaml_parser_parse(&r->p, &r->ev)) {
        r->held = true;
        return true;
    }
    report_syntax_error(r);
    r->failed = true;
    r->L->broken = true;
    return false;
}

bool
load_reader_next(load_reader *r, load_event *ev, itin_pos *pos)
{
    if (!next_event(r))
        return false;
    switch (r->ev.type) {
    case YAML_STREAM_END_EVENT:
        *ev = LOAD_EV_STREAM_END;
        break;
    case YAML_DOCUMENT_START_EVENT:
        *ev = LOAD_EV_DOCUMENT_START;
        break;
    case YAML_MAPPING_START_EVENT:
        *ev = LOAD_EV_MAPPING_START;
        break;
    case YAML_MAPPING_END_EVENT:
        *ev = LOAD_EV_MAPPING_END;
        break;
    case YAML_SEQUENCE_START_EVENT:
        *ev = LOAD_EV_SEQUENCE_START;
        break;
    case YAML_SEQUENCE_END_EVENT:
        *ev = LOAD_EV_SEQUENCE_END;
        break;
    default:
        *ev = LOAD_EV_OTHER;
        break;
    }
    if (pos)
        *pos = mark_pos(r, r->ev.start_mark);
    return true;
}

static void
reader_fail(load_reader *r, itin_pos pos, const char *fmt, const char *arg)
{
    load_error(r->L, pos, fmt, arg);
    r->failed = true;
    r->L->broken = true;
}

/* ------------------------------------------------------- building nodes */

/* The state of one load_reader_node: the nodes still open. */
typedef struct builder {
    load_reader *r;
    itin_arena *arena;
    size_t base;
    open_node stack[MAX_DEPTH + 1];
    size_t depth;
} builder;

static void
attach_child(load_reader *r, open_node *top, ynode *child)
{
    if (r->n_kids == r->cap_kids) {
        r->cap_kids = r->cap_kids ? r->cap_kids * 2 : 256;
        r->kids = itin_xrealloc(r->kids, r->cap_kids * sizeof *r->kids);
    }
    r->kids[r->n_kids++] = child;
    top->n++;
}

static ynode *
build_scalar(builder *b, const yaml_event_t *ev)
{
    size_t vlen = ev->data.scalar.length;
    ynode *node = itin_arena_alloc(b->arena, sizeof *node);
    node->kind = N_SCALAR;
    node->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    node->str = itin_arena_strndup(b->arena, (const char *)ev->data.scalar.value, vlen);
    node->len = vlen;
    node->size = 1;
    node->done = true;
    return node;
}

static ynode *
build_open(builder *b, const yaml_event_t *ev, itin_pos pos)
{
    if (b->base + b->depth >= MAX_DEPTH) {
        reader_fail(b->r, pos, "nesting deeper than %s levels", MAX_DEPTH_TEXT);
        return NULL;
    }
    ynode *node = itin_arena_alloc(b->arena, sizeof *node);
    node->kind = ev->type == YAML_SEQUENCE_START_EVENT ? N_SEQ : N_MAP;
    node->flow =
        ev->type == YAML_MAPPING_START_EVENT && ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
    node->size = 1;
    return node;
}

/* Close the innermost open node: its children move from the shared stack
 * into the node. */
static void
build_close(builder *b)
{
    load_reader *r = b->r;
    open_node *top = &b->stack[--b->depth];
    ynode *n = top->node;
    ynode **kids = top->n ? r->kids + top->base : NULL; /* no child stack yet when empty */
    n->n = n->kind == N_MAP ? top->n / 2 : top->n;
    n->kids = itin_arena_alloc(b->arena, (top->n ? top->n : 1) * sizeof *n->kids);
    if (top->n)
        memcpy(n->kids, kids, top->n * sizeof *n->kids);
    for (size_t i = 0; i < top->n; i++)
        n->size = sat_add(n->size, kids[i]->size);
    n->done = true;
    r->n_kids = top->base;
}

/* The node an alias names, shared; NULL after reporting a bad alias. */
static ynode *
build_alias(builder *b, const yaml_event_t *ev, itin_pos pos)
{
    load_reader *r = b->r;
    size_t idx;
    const char *an = (const char *)ev->data.alias.anchor;
    if (!itin_strmap_get(&r->anchors, an, &idx)) {
        reader_fail(r, pos, "alias '*%s' names no anchor defined before it", an);
        return NULL;
    }
    ynode *node = r->anch[idx].node;
    if (!node->done) {
        reader_fail(r, pos, "alias '*%s' refers to a node that contains it (a recursive alias)", an);
        return NULL;
    }
    r->expanded = sat_add(r->expanded, node->size);
    if (r->expanded > 16 * r->real_nodes + 100000) {
        char limit[32];
        snprintf(limit, sizeof limit, "%zu", 16 * r->real_nodes + 100000);
        reader_fail(r, pos, "aliases expand this file to more than %s nodes; refusing (an alias bomb?)",
                    limit);
        return NULL;
    }
    return node;
}

/* A redefined anchor takes effect from here on. */
static void
define_anchor(load_reader *r, const char *name, ynode *node)
{
    size_t idx;
    if (itin_strmap_get(&r->anchors, name, &idx)) {
        r->anch[idx].node = node;
        return;
    }
    if (r->n_anch == r->cap_anch) {
        r->cap_anch = r->cap_anch ? r->cap_anch * 2 : 16;
        r->anch = itin_xrealloc(r->anch, r->cap_anch * sizeof *r->anch);
    }
    r->anch[r->n_anch] = (anchor){itin_arena_strdup(r->L->tree_arena, name), node};
    itin_strmap_put(&r->anchors, r->anch[r->n_anch].name, r->n_anch, NULL);
    r->n_anch++;
}

static const char *
anchor_of(const yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_SCALAR_EVENT:
        return (const char *)ev->data.scalar.anchor;
    case YAML_SEQUENCE_START_EVENT:
        return (const char *)ev->data.sequence_start.anchor;
    case YAML_MAPPING_START_EVENT:
        return (const char *)ev->data.mapping_start.anchor;
    default:
        return NULL;
    }
}

/* The node one event makes (NULL for an end, an error or an event that
 * cannot sit inside a node), with its position and anchor recorded. */
static ynode *
build_event(builder *b, const yaml_event_t *ev)
{
    load_reader *r = b->r;
    itin_pos pos = mark_pos(r, ev->start_mark);
    ynode *node = NULL;
    switch (ev->type) {
    case YAML_SCALAR_EVENT:
        node = build_scalar(b, ev);
        break;
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
        node = build_open(b, ev, pos);
        break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        build_close(b);
        return NULL;
    case YAML_ALIAS_EVENT:
        return build_alias(b, ev, pos);
    default:
        /* Stream and document events cannot start or sit inside a node. */
        return NULL;
    }
    if (node) {
        node->pos = pos;
        node->kept = b->arena == r->L->tree_arena;
        r->real_nodes++;
        if (anchor_of(ev))
            define_anchor(r, anchor_of(ev), node);
    }
    return node;
}

/* Iterative: nesting is capped, never the C stack. */
ynode *
load_reader_node(load_reader *r, itin_arena *arena, size_t base)
{
    builder b = {.r = r, .arena = arena, .base = base};
    ynode *root = NULL;
    bool have = r->held;
    for (;;) {
        if (!have && !next_event(r))
            break;
        have = false;
        ynode *node = build_event(&b, &r->ev);
        yaml_event_delete(&r->ev);
        r->held = false;
        if (r->failed)
            break;
        if (node) {
            if (b.depth > 0)
                attach_child(r, &b.stack[b.depth - 1], node);
            else
                root = node;
            if (node->kind != N_SCALAR && !node->done)
                b.stack[b.depth++] = (open_node){node, r->n_kids, 0};
        }
        if (b.depth == 0 && root)
            return root;
    }
    if (b.depth > 0)
        r->n_kids = b.stack[0].base;
    return NULL;
}

/* ------------------------------------------------- keeping scratch nodes */

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
    ynode *c = itin_arena_alloc(L->tree_arena, sizeof *c);
    *c = *n;
    c->kept = true;
    if (n->kind == N_SCALAR)
        c->str = itin_arena_strndup(L->tree_arena, n->str, n->len);
    if (cm->n == cm->cap) {
        cm->cap = cm->cap ? cm->cap * 2 : 16;
        cm->nodes = itin_xrealloc(cm->nodes, cm->cap * sizeof *cm->nodes);
    }
    cm->nodes[cm->n] = c;
    itin_strmap_put(&cm->m, itin_arena_strdup(L->tree_arena, key), cm->n++, NULL);
    if (n->kind != N_SCALAR) {
        size_t nk = n->kind == N_MAP ? 2 * n->n : n->n;
        c->kids = itin_arena_alloc(L->tree_arena, (nk ? nk : 1) * sizeof *c->kids);
        for (size_t i = 0; i < nk; i++)
            c->kids[i] = copy_tree(L, cm, n->kids[i]);
    }
    return c;
}

ynode *
load_reader_keep(load_reader *r, ynode *n, size_t first_anchor)
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
