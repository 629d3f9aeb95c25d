/* matchmaking: `itinerary matchmaking FILE`, the B2B meeting grid of each
 * session with the requests not met (docs/format.md §19), and the
 * --solve-time option it shares with `plan`. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "write.h"

itin_schedule_options cli_schedule = {0};

const char HELP_MATCHMAKING[] = "usage: itinerary matchmaking FILE [options]\n"
                                "\n"
                                "Schedule FILE and write the grid of each matchmaking session: a row per\n"
                                "slot, a column per table (* marks a meeting with an interpreter), every\n"
                                "request not met with its reason, and the weight placed, the proven bound\n"
                                "and the gap (\"optimal\" or \"within N % of optimal\").\n"
                                "\n"
                                "  --format F        text (the default), md or json\n"
                                "  -o, --output OUT  write to OUT, atomically\n"
                                "  --solve-time S    seconds for the solver per session (default 30)\n"
                                "  --greedy          the greedy baseline instead of the solver\n"
                                "\n"
                                "Exits as `plan` does.\n";

int
parse_solve_time(const char *cmd, const char *value)
{
    char *end;
    errno = 0;
    double s = strtod(value, &end);
    if (errno || end == value || *end || !(s > 0) || s > 86400) {
        fprintf(stderr, "itinerary: %s: --solve-time takes seconds from 0 to 86400, not '%s'\n", cmd, value);
        return EXIT_INVALID;
    }
    cli_schedule.solve_time = s;
    return -1;
}

typedef struct match_job {
    const itin_itinerary *it;
    itin_match_style style;
} match_job;

static int
write_match(void *ctx, FILE *out)
{
    const match_job *j = ctx;
    return itin_export_matchmaking(j->it, j->style, out);
}

int
cmd_matchmaking(int argc, char **argv)
{
    const char *file = NULL, *format = "text", *out = NULL, *solve_time = NULL;
    bool greedy = false;
    const option opts[] = {
        {"--format", "-f", &format, NULL},
        {"--output", "-o", &out, NULL},
        {"--solve-time", NULL, &solve_time, NULL},
        {"--greedy", NULL, NULL, &greedy},
    };
    int rc = parse_args("matchmaking", argc, argv, opts, sizeof opts / sizeof *opts, HELP_MATCHMAKING, &file);
    if (rc >= 0)
        return rc;
    if (out && !*out)
        return usage_error("matchmaking: the output file name is empty (-o '')%s", "");
    match_job j = {NULL, ITIN_MATCH_TEXT};
    if (strcmp(format, "md") == 0)
        j.style = ITIN_MATCH_MARKDOWN;
    else if (strcmp(format, "json") == 0)
        j.style = ITIN_MATCH_JSON;
    else if (strcmp(format, "text") != 0)
        return usage_error("matchmaking: unknown format '%s' (expected text, md or json)", format);
    if (solve_time && (rc = parse_solve_time("matchmaking", solve_time)) >= 0)
        return rc;
    cli_schedule.greedy = greedy;
    itin_diags d;
    itin_plan *plan;
    itin_itinerary *it = load_and_schedule(file, &d, &plan, false);
    rc = exit_code(&d);
    if (rc == EXIT_OK && it) {
        j.it = it;
        rc = write_atomic(out, write_match, &j);
    }
    itin_plan_free(plan);
    itin_diags_free(&d);
    return rc;
}
