/* export: the `export` command — every format for the whole delegation and
 * for each participant, written into one directory all or nothing. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"
#include "cli.h"
#include "tempfile.h"
#include "report.h"
#include "write.h"

const char HELP_EXPORT[] = "usage: itinerary export FILE -d DIR [--since OLD] [--lang L[,L2]] [--width N]\n"
                           "                              [--paper a4|letter]\n"
                           "\n"
                           "Schedule FILE and write every format for the whole delegation and for each\n"
                           "participant:\n"
                           "  DIR/<delegation-id>.txt .md .json .ics .pdf\n"
                           "  DIR/participants/<participant-id>.txt .md .ics .pdf\n"
                           "and the transport sheet (every transfer, the vehicles needed at once):\n"
                           "  DIR/transport.txt .md .csv\n"
                           "A participant's files are in their own language (one, or two for a bilingual\n"
                           "agenda); the delegation's, and those of participants without one, in\n"
                           "--lang, else in the delegation's language.\n"
                           "With --since OLD, an earlier revision of the plan, also what changed since:\n"
                           "  DIR/changes.txt .md .json, and DIR/changes.ics, the calendar that updates\n"
                           "  the delegation's calendar of OLD to this one\n"
                           "  DIR/changes/<participant-id>.txt .md .ics for each participant with changes\n"
                           "All or nothing: when anything fails, no file in DIR is created or changed.\n"
                           "DIR and DIR/participants are created when missing. Files an earlier export\n"
                           "wrote that no longer belong (a participant removed) are removed; the list\n"
                           "is kept in DIR/.itinerary-manifest. One export at a time writes into DIR\n"
                           "(DIR/.itinerary-lock): another waits until it is done.\n";

static const char *const ALL_FORMATS[] = {"text", "md",        "json",         "ics",
                                          "pdf",  "transport", "transport-md", "transport-csv"};
static const char *const EXTS[] = {"txt", "md", "json", "ics", "pdf", "txt", "md", "csv"};
/* The formats before TRANSPORT are written for the delegation and each
 * participant (JSON for the delegation only); those from TRANSPORT on, the
 * transport sheet, once as DIR/transport.EXT. */
enum { N_FORMATS = 8, JSON = 2, TRANSPORT = 5 };
static const char LOCK[] = ".itinerary-lock", MANIFEST[] = ".itinerary-manifest";

/* With --since: the change notices, for the delegation and each participant
 * with changes. */
static const char *const DIFF_FORMATS[] = {"text", "md", "json", "ics"};
static const char *const DIFF_EXTS[] = {"txt", "md", "json", "ics"};
enum { N_DIFF_FORMATS = 4, DIFF_JSON = 2 };
static const char CHANGES[] = "changes";

/* One export run: what it writes and where. */
typedef struct export_run {
    const char *dir;
    char *sub; /* DIR/participants */
    bool made_dir, made_sub;
    const char *since; /* --since OLD */
    char *changes_dir; /* DIR/changes */
    bool made_changes;
    itin_diags old_d, diff_d;
    itin_plan *old_plan;
    itin_itinerary *old_it;
    itin_diff *diff;
    diff_job *diff_jobs;
    size_t n_diff_jobs;
    uint64_t *people_masks; /* one per person of the diff */
    itin_render_options base;
    itin_diags d;
    itin_plan *plan;
    itin_itinerary *it;
    write_set *set;
    job *jobs;
    size_t n_jobs;
    uint64_t *masks; /* one who-mask per participant */
    char **names;    /* what is written, relative to DIR, for the manifest */
    size_t n_names;
    char *lock; /* DIR/.itinerary-lock */
    int lock_fd;
} export_run;

/* Create a directory unless it exists; *made says whether it was made. */
static int
ensure_dir(const char *path, bool *made)
{
    struct stat st;
    *made = false;
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return 0;
        fprintf(stderr, "itinerary: '%s' is not a directory\n", path);
        return -1;
    }
    if (mkdir(path, 0777) != 0) {
        fprintf(stderr, "itinerary: cannot create '%s': %s\n", path, strerror(errno));
        return -1;
    }
    *made = true;
    return 0;
}

/* Options and FILE; -1 when fine, else the exit status. */
static int
parse_export_args(int argc, char **argv, export_run *x, const char **file)
{
    const char *lang = NULL, *width = NULL, *paper = NULL;
    const option opts[] = {
        {"--dir", "-d", &x->dir, NULL},  {"--since", NULL, &x->since, NULL}, {"--lang", NULL, &lang, NULL},
        {"--width", NULL, &width, NULL}, {"--paper", NULL, &paper, NULL},
    };
    int columns, rc = parse_args("export", argc, argv, opts, sizeof opts / sizeof *opts, HELP_EXPORT, file);
    if (rc >= 0)
        return rc;
    if (!x->dir)
        return usage_error("export: no directory given (-d DIR)%s", "");
    if (!*x->dir)
        return usage_error("export: the directory name is empty (-d '')%s", "");
    if (x->since && !*x->since)
        return usage_error("export: the earlier revision's file name is empty (--since '')%s", "");
    if (x->since && strcmp(x->since, "-") == 0 && strcmp(*file, "-") == 0)
        return usage_error("export: FILE and --since OLD cannot both be standard input%s", "");
    if ((rc = parse_lang_width("export", lang, width, &columns)) >= 0)
        return rc;
    x->base = (itin_render_options){lang, columns, NULL, NULL, false, false, 0, ITIN_PAPER_A4};
    if ((rc = parse_paper("export", paper, &x->base.paper)) >= 0)
        return rc;
    if (source_date_epoch(&x->base) != 0)
        return EXIT_INVALID;
    return -1;
}

/* DIR/NAME, allocated; NULL after saying so when memory runs out. */
static char *
path_in(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = itin_xmalloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* Take DIR's lock until the run ends: one export at a time reads the
 * manifest and puts its files in place, so that two never mix their files.
 * Waits for the holder. */
static int
lock_dir(export_run *x)
{
    if (!(x->lock = path_in(x->dir, LOCK)))
        return -1;
    for (;;) {
        struct stat a, b;
        x->lock_fd = open(x->lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOCTTY, 0666);
        if (x->lock_fd < 0) {
            fprintf(stderr, "itinerary: cannot lock '%s': %s\n", x->lock, strerror(errno));
            return -1;
        }
        if (flock(x->lock_fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
            fprintf(stderr, "itinerary: waiting for another export into '%s' to finish\n", x->dir);
            while (flock(x->lock_fd, LOCK_EX) != 0 && errno == EINTR)
                ;
        }
        /* The holder may have failed and removed the lock with the
         * directory it had made: then start again. */
        if (fstat(x->lock_fd, &a) == 0 && stat(x->lock, &b) == 0 && a.st_dev == b.st_dev &&
            a.st_ino == b.st_ino)
            break;
        close(x->lock_fd);
        x->lock_fd = -1;
        if (ensure_dir(x->dir, &x->made_dir) != 0)
            return -1;
    }
    if (x->made_dir)
        temp_track(x->lock, false);
    return 0;
}

/* Render one more file, DIR/NAME.EXT, into the set with the options given
 * (it is rendered at once); EXIT_OK on success. */
static int
add_file(export_run *x, bool personal, const char *name, size_t f, const itin_itinerary *view,
         const itin_render_options *opt)
{
    job *j = &x->jobs[x->n_jobs++];
    *j = (job){ALL_FORMATS[f], view, &x->d, *opt};
    size_t n = strlen(name) + 32;
    char *rel = itin_xmalloc(n);
    snprintf(rel, n, "%s%s.%s", personal ? "participants/" : "", name, EXTS[f]);
    x->names[x->n_names++] = rel;
    char *path = path_in(x->dir, rel);
    int rc = path ? write_set_add(x->set, path, write_job, j) : EXIT_WRITE;
    free(path);
    return rc;
}

/* Every format for the whole delegation. */
static int
add_delegation_files(export_run *x)
{
    int rc = EXIT_OK;
    for (size_t f = 0; f < N_FORMATS && rc == EXIT_OK; f++)
        rc = add_file(x, false, f < TRANSPORT ? x->plan->delegation.id : "transport", f, x->it, &x->base);
    return rc;
}

/* Every format but JSON (one, for everyone) for each participant. */
static int
add_participant_files(export_run *x)
{
    const itin_delegation *D = &x->plan->delegation;
    for (size_t p = 0; p < D->n_participants; p++) {
        uint64_t *m = x->masks + p * x->plan->who_words;
        itin_who_add(m, p);
        const itin_itinerary *view = itin_itinerary_filter(x->it, m, true);
        /* Whose files they are, in their own language (or two). */
        itin_render_options opt = x->base;
        opt.mask = m;
        opt.audience = D->participants[p].name;
        if (D->participants[p].language)
            opt.lang = D->participants[p].language;
        for (size_t f = 0; f < TRANSPORT; f++) {
            if (f == JSON)
                continue;
            int rc = add_file(x, true, D->participants[p].id, f, view, &opt);
            if (rc != EXIT_OK)
                return rc;
        }
    }
    return EXIT_OK;
}

/* One change notice, DIR/REL.EXT; EXIT_OK on success. */
static int
add_diff_file(export_run *x, const char *rel, size_t f, const char *const lang[2], const uint64_t *mask,
              const char *audience, bool personal)
{
    diff_job *j = &x->diff_jobs[x->n_diff_jobs++];
    *j = (diff_job){DIFF_FORMATS[f], x->diff,
                    (itin_diff_options){lang[1], x->base.width, mask, audience, personal, x->since, NULL,
                                        false, x->base.has_dtstamp, x->base.dtstamp, lang[0]}};
    size_t n = strlen(rel) + 16;
    char *name = itin_xmalloc(n);
    snprintf(name, n, "%s.%s", rel, DIFF_EXTS[f]);
    x->names[x->n_names++] = name;
    char *path = path_in(x->dir, name);
    int rc = write_set_add(x->set, path, write_diff, j);
    free(path);
    return rc;
}

/* With --since: DIR/changes.* for the delegation, and DIR/changes/ID.* (all
 * but JSON) for each participant the changes concern. */
static int
add_change_files(export_run *x)
{
    const itin_diff *D = x->diff;
    int rc = EXIT_OK;
    for (size_t f = 0; f < N_DIFF_FORMATS && rc == EXIT_OK; f++)
        rc = add_diff_file(x, CHANGES, f, (const char *[2]){NULL, x->base.lang}, NULL, NULL, false);
    for (size_t u = 0; u < D->n_people && rc == EXIT_OK; u++) {
        uint64_t *m = x->people_masks + u * D->words;
        itin_who_add(m, u);
        /* A notice when a change concerns them; an update of their
         * calendar also when only who else attends an event of theirs
         * changed. */
        bool notice = itin_diff_count(D, m) > 0;
        /* In their own language (the first of two: a notice is in one);
         * their old calendar was in the one they had then. */
        const itin_participant *p = D->people[u];
        const char *lang[2] = {language_in(D->before->plan, p->id, x->base.lang),
                               language_in(D->after->plan, p->id, x->base.lang)};
        itin_diff_options calendar = {
            lang[1], 0, m, NULL, true, NULL, NULL, false, x->base.has_dtstamp, x->base.dtstamp, lang[0]};
        if (!notice && itin_diff_ics_count(D, &calendar) <= 0)
            continue;
        if (!x->changes_dir) {
            x->changes_dir = path_in(x->dir, CHANGES);
            if (ensure_dir(x->changes_dir, &x->made_changes) != 0)
                return EXIT_WRITE;
            if (x->made_changes)
                temp_track(x->changes_dir, true);
        }
        size_t n = strlen(p->id) + sizeof CHANGES + 1;
        char *rel = itin_xmalloc(n);
        snprintf(rel, n, "%s/%s", CHANGES, p->id);
        for (size_t f = 0; f < N_DIFF_FORMATS && rc == EXIT_OK; f++)
            if (f != DIFF_JSON && (notice || strcmp(DIFF_FORMATS[f], "ics") == 0))
                rc = add_diff_file(x, rel, f, lang, m, p->name ? p->name : p->id, true);
        free(rel);
    }
    return rc;
}

/* The manifest: what this export wrote, one name a line. */
static int
write_manifest(void *ctx, FILE *out)
{
    const export_run *x = ctx;
    fputs("# Written by itinerary export: the next export removes those of these\n"
          "# files that no longer belong. Other files in this directory are left alone.\n",
          out);
    for (size_t i = 0; i < x->n_names; i++)
        fprintf(out, "%s\n", x->names[i]);
    return ferror(out) ? -1 : 0;
}

/* Whether a manifest line names a file export writes (and nothing else). */
static bool
exported_name(const char *rel)
{
    if (strncmp(rel, "participants/", 13) == 0)
        rel += 13;
    else if (strncmp(rel, "changes/", 8) == 0)
        rel += 8;
    const char *dot = strrchr(rel, '.');
    if (rel[0] == '.' || rel[0] == '\0' || strchr(rel, '/') || !dot)
        return false;
    for (size_t f = 0; f < N_FORMATS; f++)
        if (strcmp(dot + 1, EXTS[f]) == 0)
            return true;
    return false;
}

/* Files the last export wrote that this one does not: removed with the
 * commit. A missing or unreadable manifest removes nothing. */
static int
remove_stale(export_run *x)
{
    char *path = path_in(x->dir, MANIFEST), *line = NULL;
    FILE *f = path ? fopen(path, "r") : NULL;
    size_t cap = 0;
    int rc = EXIT_OK;
    for (ssize_t n; f && rc == EXIT_OK && (n = getline(&line, &cap, f)) > 0;) {
        if (line[n - 1] == '\n')
            line[n - 1] = '\0';
        bool current = false;
        for (size_t i = 0; i < x->n_names && !current; i++)
            current = strcmp(x->names[i], line) == 0;
        if (current || line[0] == '#' || !exported_name(line))
            continue;
        char *old = path_in(x->dir, line);
        rc = old ? write_set_remove(x->set, old) : EXIT_WRITE;
        free(old);
    }
    if (f)
        fclose(f);
    free(line);
    free(path);
    return rc;
}

/* Memory for the run's jobs, names and masks; 0 on success. */
static int
allocate(export_run *x)
{
    size_t np = x->plan->delegation.n_participants;
    x->sub = path_in(x->dir, "participants");
    x->set = write_set_new();
    size_t people = x->diff ? x->diff->n_people : 0, words = x->diff ? x->diff->words : 1;
    x->jobs = itin_xcalloc(N_FORMATS + (TRANSPORT - 1) * np, sizeof *x->jobs);
    x->names =
        itin_xcalloc(N_FORMATS + (TRANSPORT - 1) * np + N_DIFF_FORMATS * (people + 1), sizeof *x->names);
    x->masks = itin_xcalloc(np ? np * x->plan->who_words : 1, sizeof *x->masks);
    x->diff_jobs = itin_xcalloc(N_DIFF_FORMATS * (people + 1), sizeof *x->diff_jobs);
    x->people_masks = itin_xcalloc(people ? people * words : 1, sizeof *x->people_masks);
    return 0;
}

/* The directories, every file rendered, the lock, the old files that no
 * longer belong, then all put in place. */
static int
write_all(export_run *x)
{
    if (allocate(x) != 0 || ensure_dir(x->dir, &x->made_dir) != 0)
        return EXIT_WRITE;
    if (x->made_dir)
        temp_track(x->dir, true);
    if (ensure_dir(x->sub, &x->made_sub) != 0)
        return EXIT_WRITE;
    if (x->made_sub)
        temp_track(x->sub, true);
    int rc = add_delegation_files(x);
    if (rc == EXIT_OK)
        rc = add_participant_files(x);
    if (rc == EXIT_OK && x->diff)
        rc = add_change_files(x);
    /* Rendering touches only temporaries: the lock covers reading the
     * manifest and putting the files in place. */
    if (rc == EXIT_OK && lock_dir(x) != 0)
        rc = EXIT_WRITE;
    if (rc == EXIT_OK)
        rc = remove_stale(x);
    char *manifest = rc == EXIT_OK ? path_in(x->dir, MANIFEST) : NULL;
    if (rc == EXIT_OK)
        rc = manifest ? write_set_add(x->set, manifest, write_manifest, x) : EXIT_WRITE;
    free(manifest);
    if (rc == EXIT_OK)
        rc = write_set_commit(x->set) == 0 ? EXIT_OK : EXIT_WRITE;
    return rc;
}

/* Drop what is left; after a failure, the directories made for the run. */
static void
finish(export_run *x, int rc)
{
    write_set_free(x->set);
    if (rc != EXIT_OK && x->made_dir && x->lock)
        unlink(x->lock);
    if (x->lock_fd > 0)
        close(x->lock_fd);
    if (rc != EXIT_OK && x->made_sub)
        rmdir(x->sub);
    if (rc != EXIT_OK && x->made_changes)
        rmdir(x->changes_dir);
    if (rc != EXIT_OK && x->made_dir)
        rmdir(x->dir);
    if (x->made_dir && x->lock)
        temp_forget(x->lock);
    if (x->made_sub)
        temp_forget(x->sub);
    if (x->made_changes)
        temp_forget(x->changes_dir);
    if (x->made_dir)
        temp_forget(x->dir);
    for (size_t i = 0; i < x->n_names; i++)
        free(x->names[i]);
    free(x->names);
    free(x->lock);
    free(x->sub);
    free(x->jobs);
    free(x->masks);
    free(x->diff_jobs);
    free(x->people_masks);
    free(x->changes_dir);
    itin_diff_free(x->diff);
    itin_plan_free(x->plan);
    itin_plan_free(x->old_plan);
    itin_diags_free(&x->d);
    itin_diags_free(&x->old_d);
    itin_diags_free(&x->diff_d);
}

int
cmd_export(int argc, char **argv)
{
    export_run x = {0};
    x.lock_fd = -1;
    const char *file = NULL;
    int rc = parse_export_args(argc, argv, &x, &file);
    if (rc >= 0)
        return rc;
    x.it = load_and_schedule(file, &x.d, &x.plan, false);
    rc = exit_code(&x.d);
    itin_diags_init(&x.diff_d, 0);
    if (x.since && !load_revision("export --since", x.since, &x.old_d, &x.old_plan, &x.old_it) &&
        rc == EXIT_OK)
        rc = EXIT_INVALID;
    if (rc == EXIT_OK && x.it && x.since) {
        x.diff = itin_diff_new(x.old_it, x.it, &x.diff_d);
        print_diags(&x.diff_d);
    }
    if (rc == EXIT_OK && x.it && x.since && strcmp(x.plan->delegation.id, CHANGES) == 0) {
        fputs("itinerary: export: the delegation's id 'changes' names the files of the changes (--since);"
              " give the delegation another id\n",
              stderr);
        rc = EXIT_INVALID;
    }
    if (rc == EXIT_OK && x.it && strcmp(x.plan->delegation.id, "transport") == 0) {
        fputs("itinerary: export: the delegation's id 'transport' names the transport sheet's files;"
              " give the delegation another id\n",
              stderr);
        rc = EXIT_INVALID;
    }
    if (rc == EXIT_OK && x.it)
        rc = write_all(&x);
    finish(&x, rc);
    return rc;
}
