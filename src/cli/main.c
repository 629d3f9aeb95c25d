/* main: the `itinerary` program, a thin client of the library. It parses the
 * command line, prints diagnostics and maps their worst severity to an exit
 * code; everything else is the library's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static const char HELP_CHECK[] =
    "usage: itinerary check FILE\n"
    "\n"
    "Load FILE and everything it includes, validate it and report every problem\n"
    "as FILE:LINE:COL: error|warning: message. Prints a one-line summary and\n"
    "writes nothing. Exits 0 when the file is valid, 2 when it is not.\n";

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
    print_diags(&d);
    int rc = exit_code(&d);
    if (plan) {
        const itin_delegation *D = &plan->delegation;
        char a[16], b[16];
        printf("%s: %s, %s to %s: %zu participants, %zu institutions, %zu visits, %zu travel legs%s\n", file,
               D->id, itin_date_format(D->start, a), itin_date_format(D->end, b), D->n_participants,
               plan->n_institutions, plan->n_visits, plan->n_legs, d.warnings ? ", with warnings" : "");
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
        return usage_error("help: unknown command '%s'", argv[2]);
    }
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    return usage_error("unknown command '%s'", cmd);
}
