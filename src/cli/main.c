/* main: the `itinerary` program, a thin client of the library. It parses the
 * command line, prints diagnostics and maps their worst severity to an exit
 * code; everything else is the library's. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "itinerary/itinerary.h"
#include "report.h"
#include "write.h"

enum { EXIT_OK = 0, EXIT_CONFLICT = 1, EXIT_INVALID = 2, EXIT_WRITE = 3 };

static const char USAGE[] = "usage: itinerary plan FILE [--format text|md|ics|json] [-o OUT]\n"
                            "                           [--participant ID | --group ID] [--lang en|de|ko]\n"
                            "                           [--width N] [--no-transfers] [--invite]\n"
                            "       itinerary check FILE\n"
                            "       itinerary export FILE -d DIR [--lang L] [--width N]\n"
                            "       itinerary list FILE participants|groups|institutions|visits\n"
                            "       itinerary help [COMMAND]\n"
                            "       itinerary --help | --version\n";

static const char HELP[] = "itinerary - plan delegation visits from one YAML file\n"
                           "\n"
                           "Commands:\n"
                           "  plan FILE     resolve the schedule and write the agenda (text by default)\n"
                           "  check FILE    validate and schedule; report problems, write nothing\n"
                           "  export FILE   write every format for everyone and each participant\n"
                           "  list FILE W   print the ids of participants, groups, institutions or visits\n"
                           "  help COMMAND  describe a command\n"
                           "\n"
                           "FILE may be '-' for standard input.\n"
                           "\n"
                           "Exit status: 0 fine (warnings allowed), 1 the schedule has conflicts,\n"
                           "2 usage error or invalid input, 3 an output could not be written.\n"
                           "\n"
                           "Environment: SOURCE_DATE_EPOCH stamps calendar entries (reproducible output);\n"
                           "NO_COLOR turns off colour in diagnostics.\n"
                           "\n"
                           "See itinerary(1); the file format is described in docs/format.md.\n";

static const char HELP_PLAN[] =
    "usage: itinerary plan FILE [options]\n"
    "\n"
    "Schedule FILE and write the itinerary (standard output by default).\n"
    "\n"
    "  --format F        text (the default), md, ics or json\n"
    "  -o, --output OUT  write to OUT, atomically: on any failure OUT is untouched\n"
    "  --participant ID  only what one participant attends, with their name\n"
    "  --group ID        only what a group's members attend\n"
    "  --lang L          en, de or ko (default: the delegation's language)\n"
    "  --width N         wrap the text agenda at N columns (default 80)\n"
    "  --no-transfers    leave transfers out\n"
    "  --invite          ics: a METHOD:REQUEST calendar with ORGANIZER and ATTENDEEs\n"
    "\n"
    "SOURCE_DATE_EPOCH, when set, is the DTSTAMP of calendar entries (then the\n"
    "output is byte-for-byte reproducible).\n"
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

/* An option of a command: a flag, or one that takes a value. */
typedef struct option {
    const char *name, *alias;
    const char **value; /* set for an option with a value */
    bool *flag;         /* set for a flag */
} option;

/* Read a command's arguments: its options and one FILE. Returns -1 when they
 * are fine, else the exit status (0 after printing the help). */
static int
parse_args(const char *cmd, int argc, char **argv, const option *opts, size_t n, const char *help,
           const char **file)
{
    char msg[256];
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(help, stdout);
            return EXIT_OK;
        }
        const option *o = NULL;
        for (size_t k = 0; k < n && !o; k++)
            if (strcmp(a, opts[k].name) == 0 || (opts[k].alias && strcmp(a, opts[k].alias) == 0))
                o = &opts[k];
        if (o && o->flag) {
            *o->flag = true;
            continue;
        }
        if (o && i + 1 >= argc) {
            snprintf(msg, sizeof msg, "%s: '%s' needs a value", cmd, a);
            return usage_error("%s", msg);
        }
        if (o) {
            *o->value = argv[++i];
            continue;
        }
        if (a[0] == '-' && a[1] != '\0')
            snprintf(msg, sizeof msg, "%s: unknown option '%s'", cmd, a);
        else if (*file)
            snprintf(msg, sizeof msg, "%s: more than one file ('%s')", cmd, a);
        else {
            *file = a;
            continue;
        }
        return usage_error("%s", msg);
    }
    if (!*file) {
        snprintf(msg, sizeof msg, "%s: no FILE given", cmd);
        return usage_error("%s", msg);
    }
    return -1;
}

/* --lang and --width, checked; -1 when fine, else the exit status. */
static int
parse_lang_width(const char *cmd, const char *lang, const char *width, int *columns)
{
    char msg[256];
    *columns = 80;
    if (lang && strcmp(lang, "en") != 0 && strcmp(lang, "de") != 0 && strcmp(lang, "ko") != 0) {
        snprintf(msg, sizeof msg, "%s: unknown language '%s' (expected en, de or ko)", cmd, lang);
        return usage_error("%s", msg);
    }
    if (width) {
        char *end;
        long w = strtol(width, &end, 10);
        if (*width < '0' || *width > '9' || *end || w < 20 || w > 1000) {
            snprintf(msg, sizeof msg, "%s: --width takes a number of columns from 20 to 1000, not '%s'", cmd,
                     width);
            return usage_error("%s", msg);
        }
        *columns = (int)w;
    }
    return -1;
}

/* Load and schedule FILE, and print what was found; the itinerary, or NULL
 * when there is none (then *plan may still hold what could be loaded). */
static itin_itinerary *
load_and_schedule(const char *file, itin_diags *d, itin_plan **plan, bool invite)
{
    itin_diags_init(d, 0);
    *plan = itin_plan_load(file, d);
    itin_itinerary *it = *plan ? itin_schedule(*plan, d) : NULL;
    if (it && invite && !(*plan)->delegation.organizer.email)
        /* RFC 5546: a REQUEST names the organizer replies go to. */
        itin_diags_add(d, ITIN_ERROR, (*plan)->delegation.pos,
                       "--invite needs the organizer's e-mail address (delegation: organizer: {email: ...})");
    print_diags(d);
    return it;
}

static int
cmd_check(int argc, char **argv)
{
    const char *file = NULL;
    int rc = parse_args("check", argc, argv, NULL, 0, HELP_CHECK, &file);
    if (rc >= 0)
        return rc;
    itin_diags d;
    itin_plan *plan;
    load_and_schedule(file, &d, &plan, false);
    rc = exit_code(&d);
    if (plan) {
        const itin_delegation *D = &plan->delegation;
        char a[16], b[16];
        printf("%s: %s, %s to %s: %zu participant%s, %zu institution%s, %zu visit%s, %zu travel leg%s: %s\n",
               file, D->id, itin_date_format(D->start, a), itin_date_format(D->end, b), D->n_participants,
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

/* One output: an itinerary in one format. */
typedef struct job {
    const char *format;
    const itin_itinerary *it;
    const itin_diags *d;
    itin_render_options opt;
} job;

static const char *const FORMATS[] = {"text", "md", "ics", "json"};

static int
write_job(void *ctx, FILE *out)
{
    const job *j = ctx;
    if (strcmp(j->format, "json") == 0)
        return itin_export_json(j->it, j->d, out);
    if (strcmp(j->format, "ics") == 0)
        return itin_export_ics(j->it, &j->opt, out);
    if (strcmp(j->format, "md") == 0)
        return itin_export_markdown(j->it, &j->opt, out);
    return itin_export_text(j->it, &j->opt, out);
}

/* SOURCE_DATE_EPOCH (reproducible builds): the time calendars are stamped
 * with. 0 when unset; -1 after reporting a malformed value. */
static int
source_date_epoch(itin_render_options *opt)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (!s || !*s)
        return 0;
    int64_t v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9' || v > (INT64_MAX - 9) / 10) {
            fprintf(stderr, "itinerary: SOURCE_DATE_EPOCH must be a whole number of seconds, not '%s'\n", s);
            return -1;
        }
        v = v * 10 + (*p - '0');
    }
    if (v > 32535215999) { /* 3000-12-31T23:59:59Z, the last time a calendar can be stamped with */
        fprintf(stderr,
                "itinerary: SOURCE_DATE_EPOCH must be at most 32535215999 (the end of year 3000), not '%s'\n",
                s);
        return -1;
    }
    opt->has_dtstamp = true;
    opt->dtstamp = v;
    return 0;
}

/* Find a participant or group and make its mask; 0 on success. */
static int
who_mask(const itin_plan *plan, const char *participant, const char *group, uint64_t *mask, const char **name)
{
    const itin_delegation *D = &plan->delegation;
    memset(mask, 0, plan->who_words * sizeof *mask);
    if (participant) {
        for (size_t i = 0; i < D->n_participants; i++)
            if (strcmp(D->participants[i].id, participant) == 0) {
                itin_who_add(mask, i);
                *name = D->participants[i].name;
                return 0;
            }
        fprintf(stderr, "itinerary: no participant has the id '%s'\n", participant);
        return -1;
    }
    for (size_t g = 0; g < D->n_groups; g++)
        if (strcmp(D->groups[g].id, group) == 0) {
            for (size_t k = 0; k < D->groups[g].n_members; k++) {
                size_t i = D->groups[g].members[k];
                itin_who_add(mask, i);
            }
            *name = D->groups[g].name;
            return 0;
        }
    fprintf(stderr, "itinerary: no group has the id '%s'\n", group);
    return -1;
}

static int
cmd_plan(int argc, char **argv)
{
    const char *file = NULL, *format = "text", *out = NULL, *participant = NULL, *group = NULL;
    const char *lang = NULL, *width = NULL;
    bool no_transfers = false, invite = false;
    const option opts[] = {
        {"--format", "-f", &format, NULL},
        {"--output", "-o", &out, NULL},
        {"--participant", NULL, &participant, NULL},
        {"--group", NULL, &group, NULL},
        {"--lang", NULL, &lang, NULL},
        {"--width", NULL, &width, NULL},
        {"--no-transfers", NULL, NULL, &no_transfers},
        {"--invite", NULL, NULL, &invite},
    };
    int columns, rc = parse_args("plan", argc, argv, opts, sizeof opts / sizeof *opts, HELP_PLAN, &file);
    if (rc >= 0)
        return rc;
    if (participant && group)
        return usage_error("plan: --participant and --group exclude each other%s", "");
    bool known = false;
    for (size_t i = 0; i < sizeof FORMATS / sizeof *FORMATS; i++)
        known |= strcmp(format, FORMATS[i]) == 0;
    if (!known)
        return usage_error("plan: unknown format '%s' (expected text, md, ics or json)", format);
    if (invite && strcmp(format, "ics") != 0)
        return usage_error("plan: --invite goes with --format ics%s", "");
    if ((rc = parse_lang_width("plan", lang, width, &columns)) >= 0)
        return rc;
    job j = {format, NULL, NULL, {lang, columns, NULL, NULL, invite, false, 0}};
    if (source_date_epoch(&j.opt) != 0)
        return EXIT_INVALID;

    itin_diags d;
    itin_plan *plan;
    itin_itinerary *it = load_and_schedule(file, &d, &plan, invite);
    rc = exit_code(&d);
    if (rc == EXIT_OK && it) {
        uint64_t *mask = NULL;
        if (participant || group) {
            mask = calloc(plan->who_words, sizeof *mask);
            if (!mask || who_mask(plan, participant, group, mask, &j.opt.audience) != 0)
                rc = EXIT_INVALID;
        }
        if (rc == EXIT_OK) {
            j.it = (mask || no_transfers) ? itin_itinerary_filter(it, mask, !no_transfers) : it;
            j.d = &d;
            j.opt.mask = mask;
            rc = write_atomic(out, write_job, &j) == 0 ? EXIT_OK : EXIT_WRITE;
        }
        free(mask);
    }
    itin_plan_free(plan);
    itin_diags_free(&d);
    return rc;
}

static const char HELP_LIST[] = "usage: itinerary list FILE participants|groups|institutions|visits\n"
                                "\n"
                                "Print the ids of one kind of thing in FILE (and what it includes), one a\n"
                                "line, with its name after a tab; for scripts and shell completion.\n";

static int
cmd_list(int argc, char **argv)
{
    if (argc == 1 && (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0)) {
        fputs(HELP_LIST, stdout);
        return EXIT_OK;
    }
    if (argc != 2)
        return usage_error("list: expected FILE and what to list%s", "");
    const char *what = argv[1];
    if (strcmp(what, "participants") != 0 && strcmp(what, "groups") != 0 &&
        strcmp(what, "institutions") != 0 && strcmp(what, "visits") != 0)
        return usage_error("list: cannot list '%s' (participants, groups, institutions or visits)", what);
    itin_diags d;
    itin_diags_init(&d, 0);
    itin_plan *plan = itin_plan_load(argv[0], &d);
    print_diags(&d);
    int rc = exit_code(&d);
    if (plan) {
        const itin_delegation *D = &plan->delegation;
        if (strcmp(what, "participants") == 0)
            for (size_t i = 0; i < D->n_participants; i++)
                printf("%s\t%s\n", D->participants[i].id, D->participants[i].name);
        else if (strcmp(what, "groups") == 0)
            for (size_t i = 0; i < D->n_groups; i++)
                printf("%s\t%s\n", D->groups[i].id, D->groups[i].name);
        else if (strcmp(what, "institutions") == 0)
            for (size_t i = 0; i < plan->n_institutions; i++)
                printf("%s\t%s\n", plan->institutions[i].id, plan->institutions[i].name);
        else
            for (size_t i = 0; i < plan->n_visits; i++)
                printf("%s\t%s\n", plan->visits[i].id, plan->visits[i].title);
    }
    itin_plan_free(plan);
    itin_diags_free(&d);
    return rc;
}

static const char HELP_EXPORT[] =
    "usage: itinerary export FILE -d DIR [--lang L] [--width N]\n"
    "\n"
    "Schedule FILE and write every format for the whole delegation and for each\n"
    "participant:\n"
    "  DIR/<delegation-id>.txt .md .json .ics\n"
    "  DIR/participants/<participant-id>.txt .md .ics\n"
    "All or nothing: when anything fails, no file in DIR is created or changed.\n"
    "DIR and DIR/participants are created when missing.\n";

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

static int
cmd_export(int argc, char **argv)
{
    const char *file = NULL, *dir = NULL, *lang = NULL, *width = NULL;
    const option opts[] = {
        {"--dir", "-d", &dir, NULL},
        {"--lang", NULL, &lang, NULL},
        {"--width", NULL, &width, NULL},
    };
    int columns, rc = parse_args("export", argc, argv, opts, sizeof opts / sizeof *opts, HELP_EXPORT, &file);
    if (rc >= 0)
        return rc;
    if (!dir)
        return usage_error("export: no directory given (-d DIR)%s", "");
    if ((rc = parse_lang_width("export", lang, width, &columns)) >= 0)
        return rc;
    itin_render_options base = {lang, columns, NULL, NULL, false, false, 0};
    if (source_date_epoch(&base) != 0)
        return EXIT_INVALID;

    itin_diags d;
    itin_plan *plan;
    itin_itinerary *it = load_and_schedule(file, &d, &plan, false);
    rc = exit_code(&d);
    if (rc != EXIT_OK || !it) {
        itin_plan_free(plan);
        itin_diags_free(&d);
        return rc;
    }

    const itin_delegation *D = &plan->delegation;
    size_t np = D->n_participants;
    bool made_dir = false, made_sub = false;
    char *sub = malloc(strlen(dir) + 16);
    write_set *set = write_set_new();
    job *jobs = calloc(4 + 3 * np, sizeof *jobs);
    uint64_t *masks = calloc(np ? np * plan->who_words : 1, sizeof *masks);
    rc = EXIT_WRITE;
    if (!sub || !set || !jobs || !masks)
        goto done;
    sprintf(sub, "%s/participants", dir);
    if (ensure_dir(dir, &made_dir) != 0 || ensure_dir(sub, &made_sub) != 0)
        goto done;
    static const char *const all_formats[] = {"text", "md", "json", "ics"};
    static const char *const exts[] = {"txt", "md", "json", "ics"};
    size_t nj = 0;
    for (size_t f = 0; f < 4; f++) {
        jobs[nj] = (job){all_formats[f], it, &d, base};
        char *path = malloc(strlen(dir) + strlen(D->id) + 16);
        if (!path)
            goto done;
        sprintf(path, "%s/%s.%s", dir, D->id, exts[f]);
        int r = write_set_add(set, path, write_job, &jobs[nj++]);
        free(path);
        if (r != 0)
            goto done;
    }
    for (size_t p = 0; p < np; p++) {
        uint64_t *m = masks + p * plan->who_words;
        itin_who_add(m, p);
        const itin_itinerary *view = itin_itinerary_filter(it, m, true);
        for (size_t f = 0; f < 4; f++) {
            if (f == 2)
                continue; /* one JSON, for everyone */
            jobs[nj] = (job){all_formats[f], view, &d, base};
            jobs[nj].opt.mask = m;
            jobs[nj].opt.audience = D->participants[p].name;
            char *path = malloc(strlen(sub) + strlen(D->participants[p].id) + 16);
            if (!path)
                goto done;
            sprintf(path, "%s/%s.%s", sub, D->participants[p].id, exts[f]);
            int r = write_set_add(set, path, write_job, &jobs[nj++]);
            free(path);
            if (r != 0)
                goto done;
        }
    }
    if (write_set_commit(set) == 0)
        rc = EXIT_OK;
done:
    write_set_free(set);
    if (rc != EXIT_OK) {
        /* Nothing was created: remove the directories made for it. */
        if (made_sub)
            rmdir(sub);
        if (made_dir)
            rmdir(dir);
    }
    free(sub);
    free(jobs);
    free(masks);
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
        if (strcmp(argv[2], "export") == 0) {
            fputs(HELP_EXPORT, stdout);
            return EXIT_OK;
        }
        if (strcmp(argv[2], "list") == 0) {
            fputs(HELP_LIST, stdout);
            return EXIT_OK;
        }
        return usage_error("help: unknown command '%s'", argv[2]);
    }
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(cmd, "plan") == 0)
        return cmd_plan(argc - 2, argv + 2);
    if (strcmp(cmd, "export") == 0)
        return cmd_export(argc - 2, argv + 2);
    if (strcmp(cmd, "list") == 0)
        return cmd_list(argc - 2, argv + 2);
    return usage_error("unknown command '%s'", cmd);
}
