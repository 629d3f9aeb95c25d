/* files: reading files and what they include (§3 of docs/format.md), and the
 * public entry points of the load stage. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load.h"

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
read_whole_file(const char *path, size_t *len, char *e, size_t elen, bool regular_only)
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

/* Read one file an `include` names, unless it was read already. */
static void
include_file(loader *L, const ynode *item, const char *dir)
{
    const char *rel = load_text(L, item, "an include path");
    if (!rel)
        return;
    if (!*rel) {
        load_error(L, pos_of(item), "an include path is empty");
        return;
    }
    if (L->depth >= MAX_INCLUDE_DEPTH) {
        load_error(L, pos_of(item), "includes nest deeper than %d files", MAX_INCLUDE_DEPTH);
        return;
    }
    if (L->n_files >= MAX_INCLUDES) {
        load_error(L, pos_of(item), "more than %d included files", MAX_INCLUDES);
        return;
    }
    const char *path = rel[0] == '/'
                           ? tidy_path(L->plan_arena, rel)
                           : tidy_path(L->plan_arena, itin_arena_printf(L->tree_arena, "%s/%s", dir, rel));
    char *real = realpath(path, NULL);
    if (!real) {
        load_error(L, pos_of(item), "cannot read included file %s: %s", load_quote(L, path, strlen(path)),
                   strerror(errno));
        return;
    }
    bool cycle = false;
    for (size_t j = 0; j < L->depth; j++)
        if (L->stack[j] && strcmp(L->stack[j], real) == 0)
            cycle = true;
    if (cycle) {
        load_error(L, pos_of(item), "include cycle: %s includes itself (directly or through other files)",
                   load_quote(L, path, strlen(path)));
        free(real);
        return;
    }
    /* A file included twice along different paths is read once. */
    bool seen = false;
    for (size_t j = 0; j < L->n_seen && !seen; j++)
        seen = strcmp(L->seen[j], real) == 0;
    if (seen) {
        free(real);
        return;
    }
    char e[256];
    size_t len;
    char *buf = read_whole_file(path, &len, e, sizeof e, true);
    if (!buf) {
        load_error(L, pos_of(item), "cannot read included file %s: %s", load_quote(L, path, strlen(path)), e);
        free(real);
        return;
    }
    L->seen[L->n_seen++] = itin_arena_strdup(L->tree_arena, real);
    L->stack[L->depth++] = real;
    load_stream_file(L, path, dir_of(L->plan_arena, path), buf, len, false, false);
    L->depth--;
    free(real);
    free(buf);
}

void
load_includes(loader *L, const ynode *inc, const char *dir)
{
    const ynode *one[1] = {inc};
    const ynode *const *items = one;
    size_t count = 1;
    if (load_is_empty(inc))
        return;
    if (inc->kind == N_SEQ) {
        items = (const ynode *const *)inc->kids;
        count = inc->n;
    } else if (inc->kind != N_SCALAR) {
        load_error(L, pos_of(inc), "include must be a list of file paths, not %s", load_kind_name(inc));
        return;
    }
    for (size_t i = 0; i < count && !L->fatal; i++)
        include_file(L, items[i], dir);
}

static void
loader_init(loader *L, itin_plan *P, itin_diags *d)
{
    L->plan = P;
    L->plan_arena = P->arena;
    L->tree_arena = itin_arena_new();
    L->element_arena = itin_arena_new();
    L->d = d;
    L->slot = NO_SLOT;
    L->stack = itin_xmalloc((MAX_INCLUDE_DEPTH + 1) * sizeof *L->stack);
    L->seen = itin_xmalloc((MAX_INCLUDES + 2) * sizeof *L->seen);
    L->top_pos = (itin_pos){P->path, 1, 1};
    itin_strmap_init(&L->inst_ids);
    itin_strmap_init(&L->people_ids);
    itin_strmap_init(&L->visit_ids);
    itin_strmap_init(&L->leg_ids);
    itin_strmap_init(&L->lodging_ids);
    itin_strmap_init(&L->company_ids);
    itin_strmap_init(&L->session_ids);
    itin_strmap_init(&L->tt_keys);
}

static void
loader_free(loader *L)
{
    itin_strmap_free(&L->inst_ids);
    itin_strmap_free(&L->people_ids);
    itin_who_set_free(&L->who_set);
    itin_strmap_free(&L->visit_ids);
    itin_strmap_free(&L->leg_ids);
    itin_strmap_free(&L->lodging_ids);
    itin_strmap_free(&L->company_ids);
    itin_strmap_free(&L->session_ids);
    itin_strmap_free(&L->tt_keys);
    free(L->later);
    free(L->stack);
    free(L->seen);
    itin_arena_free(L->tree_arena);
    itin_arena_free(L->element_arena);
}

/* The bundled holiday calendars of the countries the places are in (read
 * after the files, as if included; those of other countries could close
 * nothing). */
static void
read_calendars(loader *L)
{
    const itin_plan *P = L->plan;
    unsigned char seen[26 * 26] = {0};
    for (size_t i = 0; i < P->n_institutions && !L->broken && !L->fatal; i++) {
        const char *c = P->institutions[i].country;
        if (!c || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' ||
            seen[(c[0] - 'A') * 26 + c[1] - 'A'])
            continue;
        seen[(c[0] - 'A') * 26 + c[1] - 'A'] = 1;
        const itin_builtin_file *f = itin_builtin_calendar(c);
        if (f)
            load_stream_file(L, f->name, ".", f->text, f->len, false, true);
    }
}

/* The main file and what it includes, then the bundled calendars it needs. */
static void
read_files(loader *L, const char *name, const char *buf, size_t len)
{
    itin_plan *P = L->plan;
    char *real = strcmp(name, "-") == 0 ? NULL : realpath(name, NULL);
    if (real)
        L->seen[L->n_seen++] = itin_arena_strdup(L->tree_arena, real);
    L->stack[L->depth++] = real;
    load_stream_file(L, P->path, dir_of(P->arena, strcmp(name, "-") == 0 ? "./-" : name), buf, len, true,
                     false);
    L->depth--;
    free(real);
    read_calendars(L);
}

/* Keep the real paths of every file read in the plan, for the callers that
 * must not overwrite an input. */
static void
keep_file_list(loader *L, itin_plan *P)
{
    const char **files = itin_arena_alloc(P->arena, (L->n_seen + 1) * sizeof *files);
    for (size_t i = 0; i < L->n_seen; i++)
        files[i] = itin_arena_strdup(P->arena, L->seen[i]);
    P->files = files;
    P->n_files = L->n_seen;
}

static itin_plan *
load_plan(const char *name, const char *buf, size_t len, itin_diags *d)
{
    loader L = {0};
    size_t errors_before = d->errors;
    itin_arena *arena = itin_arena_new();
    itin_plan *P = itin_arena_alloc(arena, sizeof *P);
    P->arena = arena;
    P->path = itin_arena_strdup(arena, name);
    P->who_words = 1;
    loader_init(&L, P, d);

    read_files(&L, name, buf, len);
    if (!L.have_delegation && !L.broken)
        load_error(&L, L.top_pos, "the file has no 'delegation'");
    load_walk_deferred(&L);
    if (!L.fatal && !L.broken)
        load_resolve_matchmaking(&L);
    if (L.unknown_zone) {
        /* The delegation's zone is that of the places without their own:
         * when they all lie in one country, its zones are the suggestion. */
        const char *country = NULL;
        bool one = true;
        for (size_t i = 0; i < P->n_institutions && one; i++) {
            const char *c = P->institutions[i].country;
            if (P->institutions[i].timezone || !c)
                continue;
            if (country && strcmp(country, c) != 0)
                one = false;
            country = c;
        }
        load_zone_unknown(&L, L.unknown_zone_pos, L.unknown_zone, "Europe/Berlin", one ? country : NULL);
    }
    const char *tz = P->delegation.timezone ? P->delegation.timezone : "UTC";
    for (size_t i = 0; i < P->n_institutions; i++)
        if (!P->institutions[i].timezone)
            P->institutions[i].timezone = tz;
    if (d->errors > d->limit)
        itin_diags_add(d, ITIN_NOTE, (itin_pos){P->path, 0, 0},
                       "too many errors; stopped after the first %zu", d->limit);

    if (d->errors == errors_before)
        itin_texts_resolve(P);
    keep_file_list(&L, P);
    loader_free(&L);
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
    return load_plan(name, buf, len, d);
}

itin_plan *
itin_plan_load(const char *path, itin_diags *d)
{
    char e[256];
    size_t len = 0;
    char *buf = read_whole_file(path, &len, e, sizeof e, false);
    if (!buf) {
        itin_diags_add(d, ITIN_ERROR, (itin_pos){path, 0, 0}, "cannot read '%s': %s", path, e);
        return NULL;
    }
    itin_plan *P = load_plan(path, buf, len, d);
    free(buf);
    return P;
}

itin_plan *
itin_calendar_load(const char *country, itin_diags *d)
{
    const itin_builtin_file *f = itin_builtin_calendar(country);
    if (!f)
        return NULL;
    loader L = {0};
    size_t errors_before = d->errors;
    itin_arena *arena = itin_arena_new();
    itin_plan *P = itin_arena_alloc(arena, sizeof *P);
    P->arena = arena;
    P->path = f->name;
    P->who_words = 1;
    loader_init(&L, P, d);
    load_stream_file(&L, f->name, ".", f->text, f->len, false, true);
    keep_file_list(&L, P);
    loader_free(&L);
    if (d->errors > errors_before) {
        itin_plan_free(P);
        return NULL;
    }
    return P;
}

void
itin_plan_free(itin_plan *plan)
{
    if (plan)
        itin_arena_free(plan->arena);
}
