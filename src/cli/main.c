/* main: the `itinerary` program, a thin client of the library. It parses the
 * command line, prints diagnostics and maps their worst severity to an exit
 * code; everything else is the library's. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "itinerary/itinerary.h"

enum { EXIT_OK = 0, EXIT_CONFLICT = 1, EXIT_INVALID = 2, EXIT_WRITE = 3 };

static const char USAGE[] =
    "usage: itinerary plan FILE [--format text|md|ics|json] [-o OUT]\n"
    "                           [--participant ID | --group ID] [--lang en|de|ko]\n"
    "                           [--width N] [--no-transfers] [--invite]\n"
    "       itinerary check FILE\n"
    "       itinerary export FILE -d DIR\n"
    "       itinerary help [COMMAND]\n"
    "       itinerary --help | --version\n";

static const char HELP[] =
    "itinerary - plan delegation visits from one YAML file\n"
    "\n"
    "Commands:\n"
    "  plan FILE     resolve the schedule and write the agenda (text by default)\n"
    "  check FILE    validate and schedule; report problems, write nothing\n"
    "  export FILE   write every format for everyone and each participant\n"
    "  help COMMAND  describe a command\n"
    "\n"
    "FILE may be '-' for standard input.\n"
    "\n"
    "Exit status: 0 fine (warnings allowed), 1 the schedule has conflicts,\n"
    "2 usage error or invalid input, 3 an output could not be written.\n"
    "\n"
    "The delegation file format is described in docs/format.md.\n";

static const char HELP_PLAN[] =
    "usage: itinerary plan FILE [options]\n"
    "\n"
    "Schedule FILE and write the itinerary (standard output by default).\n"
    "\n"
    "  --format F        json (more formats to come)\n"
    "  -o, --output OUT  write to OUT, atomically: on any failure OUT is untouched\n"
    "  --participant ID  only what one participant attends\n"
    "  --group ID        only what a group's members attend\n"
    "  --no-transfers    leave transfers out\n"
    "\n"
    "Exits 0 (warnings allowed), 1 when the schedule has conflicts, 2 for\n"
    "invalid input or usage, 3 when the output cannot be written; on 1, 2 and 3\n"
    "nothing is written.\n";

static const char HELP_CHECK[] =
    "usage: itinerary check FILE\n"
    "\n"
    "Load FILE and everything it includes, validate it and report every problem\n"
    "as FILE:LINE:COL: error|warning: message. Prints a one-line summary and\n"
    "writes nothing. Exits 0 when the file is valid and schedules without\n"
    "conflicts (warnings allowed), 1 when the schedule has conflicts, 2 when the\n"
    "file is invalid.\n";

static void
print_diags(itin_diags *d)
{
    itin_diags_sort(d);
    for (size_t i = 0; i < d->count; i++) {
        const itin_diag *g = &d->items[i];
        if (g->pos.file && g->pos.line > 0)
            fprintf(stderr, "%s:%d:%d: %s: %s\n", g->pos.file, g->pos.line, g->pos.col,
                    itin_severity_name(g->severity), g->message);
        else if (g->pos.file)
            fprintf(stderr, "%s: %s: %s\n", g->pos.file, itin_severity_name(g->severity), g->message);
        else
            fprintf(stderr, "itinerary: %s: %s\n", itin_severity_name(g->severity), g->message);
    }
}

static int
exit_code(const itin_diags *d)
{
    switch (itin_diags_worst(d)) {
    case ITIN_ERROR:
        return EXIT_INVALID;
    case ITIN_CONFLICT:
        return EXIT_CONFLICT;
    default:
        return EXIT_OK;
    }
}

static int
usage_error(const char *fmt, const char *arg)
{
    fputs("itinerary: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n", stderr);
    fputs(USAGE, stderr);
    return EXIT_INVALID;
}

static int
cmd_check(int argc, char **argv)
{
    const char *file = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(HELP_CHECK, stdout);
            return EXIT_OK;
        }
        if (argv[i][0] == '-' && argv[i][1] != '\0')
            return usage_error("check: unknown option '%s'", argv[i]);
        if (file)
            return usage_error("check: more than one file ('%s')", argv[i]);
        file = argv[i];
    }
    if (!file)
        return usage_error("check: no FILE given%s", "");

    itin_diags d;
    itin_diags_init(&d, 0);
    itin_plan *plan = itin_plan_load(file, &d);
    if (plan)
        itin_schedule(plan, &d);
    print_diags(&d);
    int rc = exit_code(&d);
    if (plan) {
        const itin_delegation *D = &plan->delegation;
        char a[16], b[16];
        printf("%s: %s, %s to %s: %zu participant%s, %zu institution%s, %zu visit%s, %zu travel leg%s: %s\n", file,
               D->id, itin_date_format(D->start, a), itin_date_format(D->end, b), D->n_participants,
               D->n_participants == 1 ? "" : "s", plan->n_institutions, plan->n_institutions == 1 ? "" : "s",
               plan->n_visits, plan->n_visits == 1 ? "" : "s", plan->n_legs, plan->n_legs == 1 ? "" : "s",
               rc == EXIT_INVALID    ? "cannot be scheduled"
               : rc == EXIT_CONFLICT ? "the schedule has conflicts"
               : d.warnings          ? "feasible, with warnings"
                                     : "feasible");
    }
    itin_plan_free(plan);
    itin_diags_free(&d);
    return rc;
}

/* Write through `fn` to `path` atomically: a temporary file beside it is
 * renamed over it only when complete. "-" or NULL is standard output. */
typedef int (*writer_fn)(void *ctx, FILE *out);

static int
write_output(const char *path, writer_fn fn, void *ctx)
{
    if (!path || strcmp(path, "-") == 0) {
        errno = 0;
        if (fn(ctx, stdout) != 0 || fflush(stdout) != 0) {
            fprintf(stderr, "itinerary: cannot write to standard output: %s\n", strerror(errno ? errno : EIO));
            return EXIT_WRITE;
        }
        return EXIT_OK;
    }
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (!tmp)
        return EXIT_WRITE;
    snprintf(tmp, n + 16, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        fprintf(stderr, "itinerary: cannot write '%s': %s\n", path, strerror(errno));
        free(tmp);
        return EXIT_WRITE;
    }
    FILE *f = fdopen(fd, "w");
    int err = 0;
    errno = 0;
    if (!f) {
        err = errno;
        close(fd);
    } else {
        if (fn(ctx, f) != 0 || fflush(f) != 0 || fsync(fileno(f)) != 0)
            err = errno ? errno : EIO;
        if (fclose(f) != 0 && !err)
            err = errno ? errno : EIO;
    }
    if (!err && rename(tmp, path) != 0)
        err = errno;
    if (err) {
        unlink(tmp);
        fprintf(stderr, "itinerary: cannot write '%s': %s\n", path, strerror(err));
        free(tmp);
        return EXIT_WRITE;
    }
    free(tmp);
    return EXIT_OK;
}

typedef struct json_job {
    const itin_itinerary *it;
    const itin_diags *d;
} json_job;

static int
write_json(void *ctx, FILE *out)
{
    json_job *j = ctx;
    return itin_export_json(j->it, j->d, out);
}

/* Find a participant or group and make its mask; 0 on success. */
static int
who_mask(const itin_plan *plan, const char *participant, const char *group, uint64_t *mask)
{
    const itin_delegation *D = &plan->delegation;
    memset(mask, 0, plan->who_words * sizeof *mask);
    if (participant) {
        for (size_t i = 0; i < D->n_participants; i++)
            if (strcmp(D->participants[i].id, participant) == 0) {
                mask[i / 64] |= 1ULL << (i % 64);
                return 0;
            }
        fprintf(stderr, "itinerary: no participant has the id '%s'\n", participant);
        return -1;
    }
    for (size_t g = 0; g < D->n_groups; g++)
        if (strcmp(D->groups[g].id, group) == 0) {
            for (size_t k = 0; k < D->groups[g].n_members; k++) {
                size_t i = D->groups[g].members[k];
                mask[i / 64] |= 1ULL << (i % 64);
            }
            return 0;
        }
    fprintf(stderr, "itinerary: no group has the id '%s'\n", group);
    return -1;
}

static int
cmd_plan(int argc, char **argv)
{
    const char *file = NULL, *format = "text", *out = NULL, *participant = NULL, *group = NULL;
    bool transfers = true;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char **val = NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(HELP_PLAN, stdout);
            return EXIT_OK;
        } else if (strcmp(a, "--format") == 0 || strcmp(a, "-f") == 0) {
            val = &format;
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            val = &out;
        } else if (strcmp(a, "--participant") == 0) {
            val = &participant;
        } else if (strcmp(a, "--group") == 0) {
            val = &group;
        } else if (strcmp(a, "--no-transfers") == 0) {
            transfers = false;
            continue;
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error("plan: unknown option '%s'", a);
        } else if (file) {
            return usage_error("plan: more than one file ('%s')", a);
        } else {
            file = a;
            continue;
        }
        if (i + 1 >= argc)
            return usage_error("plan: '%s' needs a value", a);
        *val = argv[++i];
    }
    if (!file)
        return usage_error("plan: no FILE given%s", "");
    if (participant && group)
        return usage_error("plan: --participant and --group exclude each other%s", "");
    if (strcmp(format, "json") != 0)
        return usage_error("plan: unknown format '%s' (expected json)", format);

    itin_diags d;
    itin_diags_init(&d, 0);
    itin_plan *plan = itin_plan_load(file, &d);
    itin_itinerary *it = plan ? itin_schedule(plan, &d) : NULL;
    itin_diags_sort(&d);
    print_diags(&d);
    int rc = exit_code(&d);
    if (rc == EXIT_OK && it) {
        uint64_t *mask = NULL;
        if (participant || group) {
            mask = calloc(plan->who_words, sizeof *mask);
            if (!mask || who_mask(plan, participant, group, mask) != 0)
                rc = EXIT_INVALID;
        }
        if (rc == EXIT_OK) {
            const itin_itinerary *view = (mask || !transfers) ? itin_itinerary_filter(it, mask, transfers) : it;
            json_job job = {view, &d};
            rc = write_output(out, write_json, &job);
        }
        free(mask);
    }
    itin_plan_free(plan);
    itin_diags_free(&d);
    return rc;
}

int
main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(USAGE, stderr);
        return EXIT_INVALID;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        fputs(HELP, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("itinerary %s\n", ITIN_VERSION);
        return EXIT_OK;
    }
    if (strcmp(cmd, "help") == 0) {
        if (argc < 3) {
            fputs(HELP, stdout);
            return EXIT_OK;
        }
        if (strcmp(argv[2], "check") == 0) {
            fputs(HELP_CHECK, stdout);
            return EXIT_OK;
        }
        if (strcmp(argv[2], "plan") == 0) {
            fputs(HELP_PLAN, stdout);
            return EXIT_OK;
        }
        return usage_error("help: unknown command '%s'", argv[2]);
    }
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(cmd, "plan") == 0)
        return cmd_plan(argc - 2, argv + 2);
    return usage_error("unknown command '%s'", cmd);
}
