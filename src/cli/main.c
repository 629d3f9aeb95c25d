/* main: the `itinerary` program, a thin client of the library. It parses the
 * command line, prints diagnostics and maps their worst severity to an exit
 * code; everything else is the library's. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "who.h"
#include "xalloc.h"
#include "cli.h"
#include "report.h"
#include "write.h"

static const char HELP[] =
    "itinerary - plan delegation visits from one YAML file\n"
    "\n"
    "Commands:\n"
    "  plan FILE     resolve the schedule and write the agenda (text by default)\n"
    "  check FILE    validate and schedule; report problems, write nothing\n"
    "  export FILE   write every format for everyone and each participant\n"
    "  diff OLD NEW  what changed from one revision of a plan to another\n"
    "  list FILE W   print the ids of participants, groups, institutions, visits or companies\n"
    "  holidays CC YEAR  print a bundled holiday calendar (CC: DE, or a region: DE-SN)\n"
    "  matchmaking FILE  the B2B meeting grid of each session, and unmet requests\n"
    "  help COMMAND  describe a command\n"
    "\n"
    "FILE may be '-' for standard input.\n"
    "\n"
    "Exit status: 0 fine (warnings allowed), 1 the schedule has conflicts,\n"
    "2 usage error, invalid input or an output that is an input file, 3 an output\n"
    "(or standard output) could not be written.\n"
    "\n"
    "Environment: SOURCE_DATE_EPOCH stamps calendar entries (reproducible output);\n"
    "NO_COLOR (or TERM=dumb) turns off colour in diagnostics.\n"
    "\n"
    "See itinerary(1); the file format is described in docs/format.md.\n";

static const char HELP_PLAN[] =
    "usage: itinerary plan FILE [options]\n"
    "\n"
    "Schedule FILE and write the itinerary (standard output by default).\n"
    "\n"
    "  --format F        text (the default), md, ics, json, pdf (a printed\n"
    "                    booklet), or transport (the transfers of each day and\n"
    "                    the vehicles they need)\n"
    "  -o, --output OUT  write to OUT, atomically: on any failure OUT is untouched;\n"
    "                    never an input file; its mode, owner and links are kept\n"
    "  --participant ID  only what one participant attends, with their name\n"
    "  --group ID        only what a group's members attend\n"
    "  --company ID      one company's schedule: its B2B meetings (and, for a\n"
    "                    delegation company, what its members attend)\n"
    "  --solve-time S    seconds for the matchmaking solver per session (default 30)\n"
    "  --lang L          en, de, ko, vi, ja, zh-Hans, zh-Hant, fr, es, pl or cs,\n"
    "                    or two for a bilingual agenda (de,ko)\n"
    "                    (default: the participant's language, else the\n"
    "                    delegation's)\n"
    "  --width N         wrap the text agenda at N columns (default 80)\n"
    "  --no-transfers    leave transfers out\n"
    "  --invite          ics: a METHOD:REQUEST calendar with ORGANIZER and ATTENDEEs;\n"
    "                    with -o DIR/ (a directory) one such file per event, as\n"
    "                    mail clients read only the first event of an invitation\n"
    "  --paper P         pdf: a4 (the default) or letter\n"
    "\n"
    "SOURCE_DATE_EPOCH, when set, is the DTSTAMP of calendar entries and the date\n"
    "of a PDF (then the output is byte-for-byte reproducible).\n"
    "\n"
    "Exits 0 (warnings allowed), 1 when the schedule has conflicts, 2 for\n"
    "invalid input or usage (or OUT is an input), 3 when the output cannot be\n"
    "written; on 1, 2 and 3 nothing is written.\n";

static const char HELP_CHECK[] =
    "usage: itinerary check FILE [-q] [--lang L]\n"
    "\n"
    "Load FILE and everything it includes, validate it and report every problem\n"
    "as FILE:LINE:COL: error|warning: message [name]. Prints a one-line summary\n"
    "and writes nothing. Exits 0 when the file is valid and schedules without\n"
    "conflicts (warnings allowed), 1 when the schedule has conflicts, 2 when the\n"
    "file is invalid.\n"
    "\n"
    "  -q, --quiet  no summary line: a plan that accepts its warnings (accept:\n"
    "               [long-day, ...]) passes with no output at all\n"
    "  --lang L     also warn once for each visit, travel leg, place, person\n"
    "               and group whose texts lack language L [missing-translation]\n";

static int
cmd_check(int argc, char **argv)
{
    const char *file = NULL, *lang = NULL;
    bool quiet = false;
    int columns;
    const option opts[] = {{"--quiet", "-q", NULL, &quiet}, {"--lang", NULL, &lang, NULL}};
    int rc = parse_args("check", argc, argv, opts, sizeof opts / sizeof *opts, HELP_CHECK, &file);
    if (rc >= 0)
        return rc;
    if ((rc = parse_lang_width("check", lang, NULL, &columns)) >= 0)
        return rc;
    if (lang && strchr(lang, ','))
        return usage_error("check: --lang: one language at a time, not '%s'", lang);
    itin_diags d;
    itin_plan *plan;
    load_schedule_check(file, &d, &plan, false, lang);
    rc = exit_code(&d);
    if (plan && !quiet) {
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

static const char *const FORMATS[] = {"text", "md", "ics", "json", "pdf", "transport"};

/* Find a participant or group and make its mask; 0 on success. *name is
 * whose it is, *lang the participant's language (NULL: none of their own). */
static int
who_mask(const itin_plan *plan, const char *participant, const char *group, uint64_t *mask, const char **name,
         const char **lang)
{
    const itin_delegation *D = &plan->delegation;
    itin_who_clear(mask, plan->who_words);
    if (participant) {
        for (size_t i = 0; i < D->n_participants; i++)
            if (strcmp(D->participants[i].id, participant) == 0) {
                itin_who_add(mask, i);
                *name = D->participants[i].name;
                *lang = D->participants[i].language;
                return 0;
            }
        fprintf(stderr, "itinerary: no participant has the id '%s'\n", participant);
        return -1;
    }
    for (size_t g = 0; g < D->n_groups; g++)
        if (strcmp(D->groups[g].id, group) == 0) {
            itin_who_add_group(mask, &D->groups[g]);
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
    const char *lang = NULL, *width = NULL, *company = NULL, *solve_time = NULL, *paper = NULL;
    bool no_transfers = false, invite = false;
    const option opts[] = {
        {"--format", "-f", &format, NULL},
        {"--output", "-o", &out, NULL},
        {"--participant", NULL, &participant, NULL},
        {"--group", NULL, &group, NULL},
        {"--company", NULL, &company, NULL},
        {"--solve-time", NULL, &solve_time, NULL},
        {"--lang", NULL, &lang, NULL},
        {"--width", NULL, &width, NULL},
        {"--no-transfers", NULL, NULL, &no_transfers},
        {"--invite", NULL, NULL, &invite},
        {"--paper", NULL, &paper, NULL},
    };
    int columns, rc = parse_args("plan", argc, argv, opts, sizeof opts / sizeof *opts, HELP_PLAN, &file);
    if (rc >= 0)
        return rc;
    if (out && !*out)
        return usage_error("plan: the output file name is empty (-o '')%s", "");
    if ((participant != NULL) + (group != NULL) + (company != NULL) > 1)
        return usage_error("plan: --participant, --group and --company exclude each other%s", "");
    if (solve_time && (rc = parse_solve_time("plan", solve_time)) >= 0)
        return rc;
    bool known = false;
    for (size_t i = 0; i < sizeof FORMATS / sizeof *FORMATS; i++)
        known |= strcmp(format, FORMATS[i]) == 0;
    if (!known)
        return usage_error("plan: unknown format '%s' (expected text, md, ics, json, pdf or transport)",
                           format);
    if (invite && strcmp(format, "ics") != 0)
        return usage_error("plan: --invite goes with --format ics%s", "");
    if (paper && strcmp(format, "pdf") != 0)
        return usage_error("plan: --paper goes with --format pdf%s", "");
    if (strcmp(format, "pdf") == 0 && (!out || strcmp(out, "-") == 0) && isatty(STDOUT_FILENO))
        return usage_error("plan: a PDF is not written to a terminal: give -o FILE or redirect the output%s",
                           "");
    if ((rc = parse_lang_width("plan", lang, width, &columns)) >= 0)
        return rc;
    job j = {format, NULL, NULL, {lang, columns, NULL, NULL, invite, false, 0, ITIN_PAPER_A4}};
    if ((rc = parse_paper("plan", paper, &j.opt.paper)) >= 0)
        return rc;
    if (source_date_epoch(&j.opt) != 0)
        return EXIT_INVALID;

    itin_diags d;
    itin_plan *plan;
    itin_itinerary *it = load_and_schedule(file, &d, &plan, invite);
    rc = exit_code(&d);
    if (rc == EXIT_OK && it) {
        uint64_t *mask = NULL;
        if (participant || group) {
            mask = itin_xcalloc(plan->who_words, sizeof *mask);
            const char *own = NULL;
            if (who_mask(plan, participant, group, mask, &j.opt.audience, &own) != 0)
                rc = EXIT_INVALID;
            if (!lang && own) /* a participant's agenda in their language */
                j.opt.lang = own;
        }
        size_t ci = 0;
        if (company) {
            while (ci < plan->n_companies && strcmp(plan->companies[ci].id, company) != 0)
                ci++;
            if (ci == plan->n_companies) {
                fprintf(stderr, "itinerary: no company has the id '%s'\n", company);
                rc = EXIT_INVALID;
            } else {
                j.opt.audience = plan->companies[ci].name;
            }
        }
        if (rc == EXIT_OK && company) {
            j.it = itin_itinerary_filter_company(it, ci, !no_transfers);
            j.d = &d;
            rc = write_atomic(out, write_job, &j);
        } else if (rc == EXIT_OK) {
            j.it = (mask || no_transfers) ? itin_itinerary_filter(it, mask, !no_transfers) : it;
            j.d = &d;
            j.opt.mask = mask;
            if (invite && names_directory(out)) {
                /* One message per event: mail clients read only the first. */
                itin_messages m;
                if (itin_export_invitations(j.it, &j.opt, &m) != 0) {
                    fprintf(stderr, "itinerary: cannot make the invitations: %s\n", strerror(errno));
                    rc = EXIT_INVALID;
                } else {
                    rc = write_messages(out, &m);
                    itin_messages_free(&m);
                }
            } else {
                rc = write_atomic(out, write_job, &j);
            }
        }
        free(mask);
    }
    itin_plan_free(plan);
    itin_diags_free(&d);
    return rc;
}

static const char HELP_LIST[] =
    "usage: itinerary list FILE participants|groups|institutions|visits|companies\n"
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
        strcmp(what, "institutions") != 0 && strcmp(what, "visits") != 0 && strcmp(what, "companies") != 0)
        return usage_error("list: cannot list '%s' (participants, groups, institutions, visits or companies)",
                           what);
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
        else if (strcmp(what, "companies") == 0)
            for (size_t i = 0; i < plan->n_companies; i++)
                printf("%s\t%s\n", plan->companies[i].id, plan->companies[i].name);
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

/* The help for `help COMMAND`, or NULL. */
static const char *
help_of(const char *cmd)
{
    static const struct {
        const char *cmd, *text;
    } helps[] = {{"check", HELP_CHECK},
                 {"plan", HELP_PLAN},
                 {"export", HELP_EXPORT},
                 {"diff", HELP_DIFF},
                 {"list", HELP_LIST},
                 {"holidays", HELP_HOLIDAYS},
                 {"matchmaking", HELP_MATCHMAKING}};
    for (size_t i = 0; i < sizeof helps / sizeof *helps; i++)
        if (strcmp(cmd, helps[i].cmd) == 0)
            return helps[i].text;
    return NULL;
}

static int
run(int argc, char **argv)
{
    if (argc < 2) {
        fputs(USAGE, stderr);
        return EXIT_INVALID;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || (strcmp(cmd, "help") == 0 && argc < 3)) {
        fputs(HELP, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("itinerary %s\n", ITIN_VERSION);
        return EXIT_OK;
    }
    if (strcmp(cmd, "help") == 0) {
        const char *text = help_of(argv[2]);
        if (!text)
            return usage_error("help: unknown command '%s'", argv[2]);
        fputs(text, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(cmd, "plan") == 0)
        return cmd_plan(argc - 2, argv + 2);
    if (strcmp(cmd, "export") == 0)
        return cmd_export(argc - 2, argv + 2);
    if (strcmp(cmd, "list") == 0)
        return cmd_list(argc - 2, argv + 2);
    if (strcmp(cmd, "diff") == 0)
        return cmd_diff(argc - 2, argv + 2);
    if (strcmp(cmd, "holidays") == 0)
        return cmd_holidays(argc - 2, argv + 2);
    if (strcmp(cmd, "matchmaking") == 0)
        return cmd_matchmaking(argc - 2, argv + 2);
    return usage_error("unknown command '%s'", cmd);
}

/* A closed standard stream is opened on /dev/null the wrong way round: no
 * file opened later takes its place, and writing to it fails (EBADF). */
static void
reserve_standard_streams(void)
{
    for (int fd = 0; fd <= 2; fd++)
        if (fcntl(fd, F_GETFD) < 0 && errno == EBADF)
            open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
}

/* What went to standard output must have arrived: a full disk, a closed
 * descriptor or a broken device is an error, as in GNU tools. */
static int
close_stdout(int rc)
{
    errno = 0;
    int bad = fflush(stdout) != 0 || ferror(stdout);
    int e = errno ? errno : EIO;
    if (!bad && fclose(stdout) != 0 && errno != EBADF) {
        bad = 1;
        e = errno;
    }
    if (bad && rc != EXIT_WRITE) /* else it has been said already */
        fprintf(stderr, "itinerary: cannot write to standard output: %s\n", strerror(e));
    return bad ? EXIT_WRITE : rc;
}

int
main(int argc, char **argv)
{
    reserve_standard_streams();
    /* Diagnostics are written a line at a time, not a character at a time:
     * a file with tens of thousands of conflicts would otherwise spend
     * seconds in write calls. */
    static char errbuf[BUFSIZ];
    setvbuf(stderr, errbuf, _IOLBF, sizeof errbuf);
    write_init();
    return close_stdout(run(argc, argv));
}
