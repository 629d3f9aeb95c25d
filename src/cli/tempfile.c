/* tempfile: temporaries that never outlive their run — removed on the way
 * out, on SIGINT, SIGTERM and SIGHUP, and by the next run after a SIGKILL
 * (their names carry the process id of the run that made them). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"
#include "tempfile.h"

static const char TAG[] = ".itinerary-tmp.";

/* What to remove when a signal comes. Changed only with the signals held,
 * so the handler never sees it half-updated. */
typedef struct tracked {
    char *path;
    bool is_dir;
} tracked;

static tracked *live;
static size_t n_live, cap_live;

static const int SIGNALS[] = {SIGINT, SIGTERM, SIGHUP};

static void
on_signal(int sig)
{
    for (size_t i = n_live; i-- > 0;)
        if (live[i].path)
            (void)(live[i].is_dir ? rmdir(live[i].path) : unlink(live[i].path));
    /* SA_RESETHAND and SA_NODEFER: the default action, now. */
    raise(sig);
}

void
temp_init(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESETHAND | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof SIGNALS / sizeof *SIGNALS; i++) {
        struct sigaction old;
        /* A signal ignored by whoever started us stays ignored (nohup). */
        if (sigaction(SIGNALS[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(SIGNALS[i], &sa, NULL);
    }
}

void
signals_hold(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof SIGNALS / sizeof *SIGNALS; i++)
        sigaddset(&set, SIGNALS[i]);
    sigprocmask(SIG_BLOCK, &set, old);
}

void
signals_release(const sigset_t *old)
{
    sigprocmask(SIG_SETMASK, old, NULL);
}

void
temp_track(const char *path, bool is_dir)
{
    char *copy = itin_xstrdup(path);
    sigset_t old;
    signals_hold(&old);
    if (n_live == cap_live) {
        size_t cap = cap_live ? 2 * cap_live : 32;
        live = itin_xrealloc(live, cap * sizeof *live);
        cap_live = cap;
    }
    live[n_live++] = (tracked){copy, is_dir};
    signals_release(&old);
}

void
temp_forget(const char *path)
{
    sigset_t old;
    signals_hold(&old);
    for (size_t i = n_live; i-- > 0;)
        if (strcmp(live[i].path, path) == 0) {
            free(live[i].path);
            live[i] = live[--n_live];
            break;
        }
    signals_release(&old);
}

/* The process id in a temporary's name, or 0 when it is not one. */
static long
temp_owner(const char *name)
{
    const char *tag = NULL;
    for (const char *p = strstr(name, TAG); p; p = strstr(p + 1, TAG))
        tag = p;
    if (name[0] != '.' || !tag)
        return 0;
    char *end;
    const char *digits = tag + sizeof TAG - 1;
    long pid = strtol(digits, &end, 10);
    if (end == digits || *digits < '1' || *digits > '9' || *end != '.' || strlen(end + 1) != 6)
        return 0;
    return pid;
}

/* Remove the temporaries a dead run left in `dir` (a SIGKILL, a crash). */
static void
sweep(const char *dir)
{
    static char **swept;
    static size_t n_swept;
    for (size_t i = 0; i < n_swept; i++)
        if (strcmp(swept[i], dir) == 0)
            return;
    swept = itin_xrealloc(swept, (n_swept + 1) * sizeof *swept);
    swept[n_swept++] = itin_xstrdup(dir);
    DIR *d = opendir(dir);
    if (!d)
        return;
    for (struct dirent *e; (e = readdir(d));) {
        long pid = temp_owner(e->d_name);
        if (pid <= 0 || pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue;
        struct stat st;
        if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
            unlinkat(dirfd(d), e->d_name, 0);
    }
    closedir(d);
}

char *
temp_create(const char *path, int *fd)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t dlen = slash ? (size_t)(slash - path) + 1 : 0;
    char pid[24];
    snprintf(pid, sizeof pid, "%ld", (long)getpid());
    /* ".NAME" TAG PID ".XXXXXX" must fit in NAME_MAX: cut NAME, not at a
     * UTF-8 continuation byte. */
    size_t room = NAME_MAX - 1 - (sizeof TAG - 1) - strlen(pid) - 7, blen = strlen(base);
    if (blen > room) {
        blen = room;
        while (blen > 0 && ((unsigned char)base[blen] & 0xC0) == 0x80)
            blen--;
    }
    size_t n = dlen + blen + sizeof TAG + strlen(pid) + 16;
    char *tmp = itin_xmalloc(n);
    snprintf(tmp, n, "%.*s", (int)dlen, path);
    sweep(dlen ? tmp : ".");
    snprintf(tmp + dlen, n - dlen, ".%.*s%s%s.XXXXXX", (int)blen, base, TAG, pid);
    sigset_t old;
    signals_hold(&old);
    *fd = mkstemp(tmp);
    int e = errno;
    if (*fd >= 0)
        temp_track(tmp, false);
    signals_release(&old);
    if (*fd < 0) {
        free(tmp);
        errno = e;
        return NULL;
    }
    return tmp;
}
