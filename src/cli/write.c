/* write: outputs that are never left half-written. A single file goes to a
 * temporary beside it and is renamed into place when complete; a set of
 * files is first rendered completely into temporaries, then renamed into
 * place with the old versions kept as hard links until the last rename has
 * succeeded, so that a failure at any point restores every file. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "write.h"

static char *
temp_beside(const char *path, const char *tag, int *fd)
{
    size_t n = strlen(path) + strlen(tag) + 16;
    char *tmp = malloc(n);
    if (!tmp) {
        errno = ENOMEM;
        return NULL;
    }
    snprintf(tmp, n, "%s.%s.XXXXXX", path, tag);
    *fd = mkstemp(tmp);
    if (*fd < 0) {
        int e = errno;
        free(tmp);
        errno = e;
        return NULL;
    }
    return tmp;
}

/* Render into a new temporary file; its name, or NULL with errno set. */
static char *
render(const char *path, writer_fn fn, void *ctx)
{
    int fd;
    char *tmp = temp_beside(path, "tmp", &fd);
    if (!tmp)
        return NULL;
    FILE *f = fdopen(fd, "w");
    int err = 0;
    if (!f) {
        err = errno;
        close(fd);
    } else {
        errno = 0;
        if (fn(ctx, f) != 0 || fflush(f) != 0 || fsync(fileno(f)) != 0)
            err = errno ? errno : EIO;
        if (fclose(f) != 0 && !err)
            err = errno ? errno : EIO;
    }
    if (err) {
        unlink(tmp);
        free(tmp);
        errno = err;
        return NULL;
    }
    return tmp;
}

int
write_atomic(const char *path, writer_fn fn, void *ctx)
{
    if (!path || strcmp(path, "-") == 0) {
        errno = 0;
        if (fn(ctx, stdout) != 0 || fflush(stdout) != 0) {
            fprintf(stderr, "itinerary: cannot write to standard output: %s\n",
                    strerror(errno ? errno : EIO));
            return -1;
        }
        return 0;
    }
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        /* A device or a pipe (/dev/stdout, a FIFO): written in place, never
         * replaced by a renamed file. */
        FILE *f = fopen(path, "w");
        errno = 0;
        int ok = f && fn(ctx, f) == 0 && fflush(f) == 0;
        int e = errno ? errno : EIO;
        if (f && fclose(f) != 0 && ok) {
            ok = 0;
            e = errno;
        }
        if (!ok) {
            fprintf(stderr, "itinerary: cannot write '%s': %s\n", path, strerror(e));
            return -1;
        }
        return 0;
    }
    char *tmp = render(path, fn, ctx);
    if (!tmp || rename(tmp, path) != 0) {
        int e = errno;
        if (tmp)
            unlink(tmp);
        fprintf(stderr, "itinerary: cannot write '%s': %s\n", path, strerror(e));
        free(tmp);
        return -1;
    }
    free(tmp);
    return 0;
}

typedef struct entry {
    char *path, *tmp, *backup;
    bool placed;
} entry;

struct write_set {
    entry *v;
    size_t n, cap;
};

write_set *
write_set_new(void)
{
    return calloc(1, sizeof(write_set));
}

int
write_set_add(write_set *s, const char *path, writer_fn fn, void *ctx)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        entry *v = realloc(s->v, cap * sizeof *v);
        if (!v) {
            fprintf(stderr, "itinerary: out of memory\n");
            return -1;
        }
        s->v = v;
        s->cap = cap;
    }
    char *tmp = render(path, fn, ctx);
    if (!tmp) {
        fprintf(stderr, "itinerary: cannot write '%s': %s\n", path, strerror(errno));
        return -1;
    }
    s->v[s->n++] = (entry){strdup(path), tmp, NULL, false};
    return 0;
}

/* Undo the renames done so far: old versions back, new files removed. */
static void
roll_back(write_set *s)
{
    for (size_t i = 0; i < s->n; i++) {
        entry *e = &s->v[i];
        if (e->placed) {
            if (e->backup)
                rename(e->backup, e->path);
            else
                unlink(e->path);
            e->placed = false;
        } else if (e->backup) {
            unlink(e->backup);
        }
        free(e->backup);
        e->backup = NULL;
    }
}

int
write_set_commit(write_set *s)
{
    for (size_t i = 0; i < s->n; i++) {
        entry *e = &s->v[i];
        /* Keep the file being replaced under a second name until the end. */
        if (access(e->path, F_OK) == 0) {
            int fd;
            char *b = temp_beside(e->path, "old", &fd);
            if (b) {
                close(fd);
                unlink(b);
                if (link(e->path, b) == 0) {
                    e->backup = b;
                } else {
                    int err = errno;
                    free(b);
                    fprintf(stderr, "itinerary: cannot keep the old '%s' while replacing it: %s\n", e->path,
                            strerror(err));
                    roll_back(s);
                    return -1;
                }
            }
        }
        if (rename(e->tmp, e->path) != 0) {
            fprintf(stderr, "itinerary: cannot write '%s': %s\n", e->path, strerror(errno));
            roll_back(s);
            return -1;
        }
        e->placed = true;
    }
    for (size_t i = 0; i < s->n; i++) {
        entry *e = &s->v[i];
        if (e->backup)
            unlink(e->backup);
        free(e->backup);
        e->backup = NULL;
        free(e->tmp);
        e->tmp = NULL;
    }
    return 0;
}

void
write_set_free(write_set *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        entry *e = &s->v[i];
        if (e->tmp && !e->placed)
            unlink(e->tmp);
        free(e->tmp);
        free(e->backup);
        free(e->path);
    }
    free(s->v);
    free(s);
}
