/* write: outputs that never hurt the user's files. A single file goes to a
 * temporary beside it and is renamed into place when complete, keeping the
 * mode and owner of the file it replaces; a set of files is first rendered
 * completely into temporaries, then renamed into place with the old versions
 * kept under second names until the last rename has succeeded, so that a
 * failure at any point restores every file. No output may be an input. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"
#include "cli.h"
#include "tempfile.h"
#include "write.h"

static mode_t new_mode = 0644; /* 0666 less the umask */

/* A file no output may be. */
typedef struct input {
    dev_t dev;
    ino_t ino;
    char *name;
} input;

static input *inputs;
static size_t n_inputs;

void
write_init(void)
{
    mode_t m = umask(0);
    umask(m);
    new_mode = 0666 & ~m;
    temp_init();
}

void
write_protect(const itin_plan *plan)
{
    inputs = itin_xrealloc(inputs, (n_inputs + plan->n_files) * sizeof *inputs);
    for (size_t i = 0; i < plan->n_files; i++) {
        struct stat st;
        char *name = itin_xstrdup(plan->files[i]);
        if (stat(name, &st) == 0)
            inputs[n_inputs++] = (input){st.st_dev, st.st_ino, name};
        else
            free(name);
    }
}

/* How an output is written. */
enum how { T_FD, T_DEVICE, T_NEW, T_REPLACE, T_IN_PLACE };

typedef struct target {
    const char *given; /* as the user named it, for messages */
    char *path;        /* symbolic links followed */
    enum how how;
    int fd; /* T_FD: /dev/stdout and the like */
    struct stat st;
} target;

/* /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: the descriptor, or -1. */
static int
fd_alias(const char *p)
{
    if (strcmp(p, "/dev/stdout") == 0)
        return 1;
    if (strcmp(p, "/dev/stderr") == 0)
        return 2;
    const char *n = strncmp(p, "/dev/fd/", 8) == 0          ? p + 8
                    : strncmp(p, "/proc/self/fd/", 14) == 0 ? p + 14
                                                            : NULL;
    if (!n || *n < '0' || *n > '9')
        return -1;
    char *end;
    long fd = strtol(n, &end, 10);
    return *end || fd > INT_MAX ? -1 : (int)fd;
}

static int
fail(const target *t, const char *why)
{
    fprintf(stderr, "itinerary: cannot write '%s': %s\n", t->given, why);
    return EXIT_WRITE;
}

/* Follow symbolic links from t->given to the file to write; 0, or ENOENT
 * when it does not exist yet, or another errno; -1 when a link leads to
 * /dev/stdout or the like (then t->fd is set). */
static int
follow_links(target *t)
{
    t->path = itin_xstrdup(t->given);
    for (int hops = 0; t->path; hops++) {
        if ((t->fd = fd_alias(t->path)) >= 0)
            return -1;
        if (lstat(t->path, &t->st) != 0)
            return errno;
        if (!S_ISLNK(t->st.st_mode))
            return 0;
        char link[PATH_MAX];
        ssize_t n = readlink(t->path, link, sizeof link - 1);
        if (hops == 40 || n < 0)
            return hops == 40 ? ELOOP : errno;
        link[n] = '\0';
        const char *slash = strrchr(t->path, '/');
        int dlen = link[0] == '/' || !slash ? 0 : (int)(slash - t->path) + 1;
        size_t size = (size_t)dlen + (size_t)n + 1;
        char *next = itin_xmalloc(size);
        snprintf(next, size, "%.*s%s", dlen, t->path, link);
        free(t->path);
        t->path = next;
    }
    return ENOMEM;
}

/* The input an existing file is, or NULL. */
static const char *
input_named(const struct stat *st)
{
    for (size_t i = 0; i < n_inputs; i++)
        if (inputs[i].dev == st->st_dev && inputs[i].ino == st->st_ino)
            return inputs[i].name;
    return NULL;
}

/* Decide how to write `given`; EXIT_OK, or the exit status after saying why.
 * In a set, a file with other hard links is replaced all the same. */
static int
resolve(target *t, const char *given, bool in_set)
{
    size_t len = strlen(given);
    *t = (target){given, NULL, T_NEW, -1, {0}};
    if (len == 0) {
        fputs("itinerary: an output file name is empty\n", stderr);
        return EXIT_INVALID;
    }
    if (given[len - 1] == '/')
        return fail(t, "the name ends in '/', so it names a directory, not a file");
    int e = follow_links(t);
    if (e == -1 && !in_set) {
        t->how = T_FD;
        return EXIT_OK;
    }
    if (e == -1)
        return fail(t, "it is not a regular file");
    if (e == ENOENT)
        return EXIT_OK; /* a new file: its directory decides */
    if (e == ENAMETOOLONG)
        return fail(t, "a file name in it is longer than the system allows (NAME_MAX)");
    if (e)
        return fail(t, strerror(e));
    const char *in = input_named(&t->st);
    if (in) {
        fprintf(stderr, "itinerary: refusing to write '%s': it is the same file as the input '%s'\n", given,
                in);
        return EXIT_INVALID;
    }
    if (S_ISDIR(t->st.st_mode))
        return fail(t, "it is a directory");
    if (!S_ISREG(t->st.st_mode)) {
        t->how = T_DEVICE;
        return in_set ? fail(t, "it is not a regular file") : EXIT_OK;
    }
    /* As the shell's '>' does: a file we may not write is not replaced. */
    int fd = open(t->path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return fail(t, strerror(errno));
    close(fd);
    t->how = t->st.st_nlink > 1 && !in_set ? T_IN_PLACE : T_REPLACE;
    return EXIT_OK;
}

/* Run the writer into f and flush it; 0 or an errno. */
static int
render_into(FILE *f, writer_fn fn, void *ctx)
{
    errno = 0;
    if (fn(ctx, f) != 0 || fflush(f) != 0 || ferror(f))
        return errno ? errno : EIO;
    return 0;
}

/* Give a new temporary the mode (and owner) the file it replaces has, or
 * what a new file gets under the umask. */
static void
copy_attributes(int fd, const target *t)
{
    if (t->how != T_REPLACE) {
        fchmod(fd, new_mode);
        return;
    }
    if (fchown(fd, t->st.st_uid, t->st.st_gid) != 0 && fchown(fd, (uid_t)-1, t->st.st_gid) != 0) {
        /* not permitted: the file becomes ours, as an editor's would */
    }
    fchmod(fd, t->st.st_mode & 07777);
}

/* Render into a new temporary beside t->path; its name, or NULL with errno. */
static char *
render(const target *t, writer_fn fn, void *ctx)
{
    int fd, err = 0;
    char *tmp = temp_create(t->path ? t->path : t->given, &fd);
    if (!tmp)
        return NULL;
    copy_attributes(fd, t);
    FILE *f = fdopen(fd, "w");
    if (!f) {
        err = errno;
        close(fd);
    } else {
        err = render_into(f, fn, ctx);
        if (!err && fsync(fileno(f)) != 0)
            err = errno;
        if (fclose(f) != 0 && !err)
            err = errno ? errno : EIO;
    }
    if (err) {
        unlink(tmp);
        temp_forget(tmp);
        free(tmp);
        errno = err;
        return NULL;
    }
    return tmp;
}

/* Devices, pipes, /dev/stdout, files with other links: rendered completely
 * (into memory), then written over the file's contents in place. */
static int
write_in_place(const target *t, writer_fn fn, void *ctx)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    int err = m ? render_into(m, fn, ctx) : errno;
    if (m && fclose(m) != 0 && !err)
        err = errno;
    if (!err) {
        int fd = t->how == T_FD         ? dup(t->fd)
                 : t->how == T_IN_PLACE ? open(t->path, O_WRONLY | O_TRUNC | O_NOCTTY | O_CLOEXEC)
                                        : open(t->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (t->how == T_FD)
            fflush(stdout);
        err = fd < 0 ? errno : 0;
        for (size_t off = 0; !err && off < len;) {
            ssize_t w = write(fd, buf + off, len - off);
            if (w < 0 && errno != EINTR)
                err = errno;
            off += w > 0 ? (size_t)w : 0;
        }
        if (fd >= 0 && t->how == T_IN_PLACE && !err && fsync(fd) != 0)
            err = errno;
        if (fd >= 0 && close(fd) != 0 && !err)
            err = errno;
    }
    free(buf);
    return err ? fail(t, strerror(err)) : EXIT_OK;
}

int
write_atomic(const char *path, writer_fn fn, void *ctx)
{
    if (!path || strcmp(path, "-") == 0) {
        int err = render_into(stdout, fn, ctx);
        if (err)
            fprintf(stderr, "itinerary: cannot write to standard output: %s\n", strerror(err));
        return err ? EXIT_WRITE : EXIT_OK;
    }
    target t;
    int rc = resolve(&t, path, false);
    if (rc == EXIT_OK && t.how != T_NEW && t.how != T_REPLACE)
        rc = write_in_place(&t, fn, ctx);
    else if (rc == EXIT_OK) {
        char *tmp = render(&t, fn, ctx);
        if (!tmp && errno == EACCES && t.how == T_REPLACE) {
            /* The directory is closed to us but the file is not. */
            t.how = T_IN_PLACE;
            rc = write_in_place(&t, fn, ctx);
        } else if (!tmp) {
            rc = fail(&t, strerror(errno));
        } else {
            sigset_t old;
            signals_hold(&old);
            if (rename(tmp, t.path ? t.path : path) != 0) {
                rc = fail(&t, strerror(errno));
                unlink(tmp);
            }
            temp_forget(tmp);
            signals_release(&old);
            free(tmp);
        }
    }
    free(t.path);
    return rc;
}

typedef struct entry {
    char *given, *path, *tmp, *backup;
    bool remove; /* a file to take away rather than write */
    bool placed; /* renamed into place (or away) */
} entry;

struct write_set {
    entry *v;
    size_t n, cap;
};

write_set *
write_set_new(void)
{
    return itin_xcalloc(1, sizeof(write_set));
}

static entry *
next_entry(write_set *s)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        s->v = itin_xrealloc(s->v, cap * sizeof *s->v);
        s->cap = cap;
    }
    memset(&s->v[s->n], 0, sizeof *s->v);
    return &s->v[s->n];
}

int
write_set_add(write_set *s, const char *path, writer_fn fn, void *ctx)
{
    target t;
    entry *e = next_entry(s);
    int rc = e ? resolve(&t, path, true) : EXIT_WRITE;
    if (rc != EXIT_OK || !e) {
        if (e)
            free(t.path);
        return rc;
    }
    char *tmp = render(&t, fn, ctx);
    if (!tmp) {
        rc = fail(&t, strerror(errno));
        free(t.path);
        return rc;
    }
    *e = (entry){itin_xstrdup(path), t.path ? t.path : itin_xstrdup(path), tmp, NULL, false, false};
    s->n++;
    return EXIT_OK;
}

int
write_set_remove(write_set *s, const char *path)
{
    struct stat st;
    entry *e = next_entry(s);
    if (!e)
        return EXIT_WRITE;
    if (lstat(path, &st) != 0 || input_named(&st))
        return EXIT_OK;
    *e = (entry){itin_xstrdup(path), itin_xstrdup(path), NULL, NULL, true, false};
    s->n++;
    return EXIT_OK;
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
        if (e->backup)
            temp_forget(e->backup);
        free(e->backup);
        e->backup = NULL;
    }
}

/* Keep the file at e->path under a second name until the end (a hard link,
 * or the file itself when it is to go); 0 when there is none. */
static int
keep_old(entry *e)
{
    int fd;
    if (access(e->path, F_OK) != 0 && errno == ENOENT)
        return 0;
    char *b = temp_create(e->path, &fd);
    if (!b)
        return -1;
    close(fd);
    if (e->remove ? rename(e->path, b) != 0 : (unlink(b) != 0 || link(e->path, b) != 0)) {
        int err = errno;
        unlink(b);
        temp_forget(b);
        free(b);
        errno = err;
        return -1;
    }
    e->backup = b;
    e->placed = e->remove;
    return 0;
}

/* Every file in place, or none; signals wait meanwhile. */
static int
place_all(write_set *s)
{
    for (size_t i = 0; i < s->n; i++) {
        entry *e = &s->v[i];
        if (keep_old(e) != 0) {
            fprintf(stderr, "itinerary: cannot keep the old '%s' while replacing it: %s\n", e->given,
                    strerror(errno));
            return -1;
        }
        if (e->remove)
            continue;
        if (rename(e->tmp, e->path) != 0) {
            fprintf(stderr, "itinerary: cannot write '%s': %s\n", e->given, strerror(errno));
            return -1;
        }
        temp_forget(e->tmp);
        e->placed = true;
    }
    return 0;
}

int
write_set_commit(write_set *s)
{
    sigset_t old;
    signals_hold(&old);
    int rc = place_all(s);
    if (rc != 0)
        roll_back(s);
    for (size_t i = 0; i < s->n && rc == 0; i++) {
        entry *e = &s->v[i];
        if (e->backup) {
            unlink(e->backup);
            temp_forget(e->backup);
        }
        free(e->backup);
        e->backup = NULL;
        free(e->tmp);
        e->tmp = NULL;
    }
    signals_release(&old);
    return rc;
}

void
write_set_free(write_set *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        entry *e = &s->v[i];
        if (e->tmp && !e->placed) {
            unlink(e->tmp);
            temp_forget(e->tmp);
        }
        free(e->tmp);
        free(e->backup);
        free(e->path);
        free(e->given);
    }
    free(s->v);
    free(s);
}
