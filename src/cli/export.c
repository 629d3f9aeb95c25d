/* export: the `export` command — every format for the whole delegation and
 * for each participant, written into one directory all or nothing. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "write.h"

const char HELP_EXPORT[] = "usage: itinerary export FILE -d DIR [--lang L] [--width N]\n"
                           "\n"
                           "Schedule FILE and write every format for the whole delegation and for each\n"
                           "participant:\n"
                           "  DIR/<delegation-id>.txt .md .json .ics\n"
                           "  DIR/participants/<participant-id>.txt .md .ics\n"
                           "All or nothing: when anything fails, no file in DIR is created or changed.\n"
                           "DIR and DIR/participants are created when missing.\n";

static const char *const ALL_FORMATS[] = {"text", "md", "json", "ics"};
static const char *const EXTS[] = {"txt", "md", "json", "ics"};
enum { N_FORMATS = 4, JSON = 2 };

/* One export run: what it writes and where. */
typedef struct export
{
    const char *dir;
    char *sub; /* DIR/participants */
    bool made_dir, made_sub;
    itin_render_options base;
    itin_diags d;
    itin_plan *plan;
    itin_itinerary *it;
    write_set *set;
    job *jobs;
    size_t n_jobs;
    uint64_t *masks; /* one who-mask per participant */
}
export;

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
parse_export_args(int argc, char **argv, export *x, const char **file)
{
    const char *lang = NULL, *width = NULL;
    const option opts[] = {
        {"--dir", "-d", &x->dir, NULL},
        {"--lang", NULL, &lang, NULL},
        {"--width", NULL, &width, NULL},
    };
    int columns, rc = parse_args("export", argc, argv, opts, sizeof opts / sizeof *opts, HELP_EXPORT, file);
    if (rc >= 0)
        return rc;
    if (!x->dir)
        return usage_error("export: no directory given (-d DIR)%s", "");
    if ((rc = parse_lang_width("export", lang, width, &columns)) >= 0)
        return rc;
    x->base = (itin_render_options){lang, columns, NULL, NULL, false, false, 0};
    if (source_date_epoch(&x->base) != 0)
        return EXIT_INVALID;
    return -1;
}

/* Render one more file, DIR/NAME.EXT, into the set; 0 on success. */
static int
add_file(export *x, const char *dir, const char *name, size_t f, const itin_itinerary *view)
{
    job *j = &x->jobs[x->n_jobs++];
    *j = (job){ALL_FORMATS[f], view, &x->d, x->base};
    size_t n = strlen(dir) + strlen(name) + 16;
    char *path = malloc(n);
    if (!path)
        return -1;
    snprintf(path, n, "%s/%s.%s", dir, name, EXTS[f]);
    int r = write_set_add(x->set, path, write_job, j);
    free(path);
    return r;
}

/* Every format for the whole delegation. */
static int
add_delegation_files(export *x)
{
    for (size_t f = 0; f < N_FORMATS; f++)
        if (add_file(x, x->dir, x->plan->delegation.id, f, x->it) != 0)
            return -1;
    return 0;
}

/* Every format but JSON (one, for everyone) for each participant. */
static int
add_participant_files(export *x)
{
    const itin_delegation *D = &x->plan->delegation;
    for (size_t p = 0; p < D->n_participants; p++) {
        uint64_t *m = x->masks + p * x->plan->who_words;
        itin_who_add(m, p);
        const itin_itinerary *view = itin_itinerary_filter(x->it, m, true);
        for (size_t f = 0; f < N_FORMATS; f++) {
            if (f == JSON)
                continue;
            size_t first = x->n_jobs;
            if (add_file(x, x->sub, D->participants[p].id, f, view) != 0)
                return -1;
            x->jobs[first].opt.mask = m;
            x->jobs[first].opt.audience = D->participants[p].name;
        }
    }
    return 0;
}

/* The directories, then every file rendered, then all put in place. */
static int
write_all(export *x)
{
    size_t np = x->plan->delegation.n_participants;
    size_t n = strlen(x->dir) + 16;
    x->sub = malloc(n);
    x->set = write_set_new();
    x->jobs = calloc(N_FORMATS + 3 * np, sizeof *x->jobs);
    x->masks = calloc(np ? np * x->plan->who_words : 1, sizeof *x->masks);
    if (!x->sub || !x->set || !x->jobs || !x->masks) {
        fprintf(stderr, "itinerary: out of memory\n");
        return EXIT_WRITE;
    }
    snprintf(x->sub, n, "%s/participants", x->dir);
    if (ensure_dir(x->dir, &x->made_dir) != 0 || ensure_dir(x->sub, &x->made_sub) != 0)
        return EXIT_WRITE;
    if (add_delegation_files(x) != 0 || add_participant_files(x) != 0)
        return EXIT_WRITE;
    return write_set_commit(x->set) == 0 ? EXIT_OK : EXIT_WRITE;
}

/* Drop what is left; after a failure, the directories made for the run. */
static void
finish(export *x, int rc)
{
    write_set_free(x->set);
    if (rc != EXIT_OK) {
        if (x->made_sub)
            rmdir(x->sub);
        if (x->made_dir)
            rmdir(x->dir);
    }
    free(x->sub);
    free(x->jobs);
    free(x->masks);
    itin_plan_free(x->plan);
    itin_diags_free(&x->d);
}

int
cmd_export(int argc, char **argv)
{
    export x = {0};
    const char *file = NULL;
    int rc = parse_export_args(argc, argv, &x, &file);
    if (rc >= 0)
        return rc;
    x.it = load_and_schedule(file, &x.d, &x.plan, false);
    rc = exit_code(&x.d);
    if (rc == EXIT_OK && x.it)
        rc = write_all(&x);
    finish(&x, rc);
    return rc;
}
