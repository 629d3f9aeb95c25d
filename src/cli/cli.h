/* cli: what the commands of the `itinerary` program share — exit codes,
 * argument parsing, loading and scheduling, and rendering one output. */
#ifndef ITIN_CLI_CLI_H
#define ITIN_CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "itinerary/itinerary.h"

enum { EXIT_OK = 0, EXIT_CONFLICT = 1, EXIT_INVALID = 2, EXIT_WRITE = 3 };

extern const char USAGE[];

/* An option of a command: a flag, or one that takes a value. */
typedef struct option {
    const char *name, *alias;
    const char **value; /* set for an option with a value */
    bool *flag;         /* set for a flag */
} option;

/* Print "itinerary: " and the message (fmt takes one string), then the usage;
 * returns EXIT_INVALID. */
int usage_error(const char *fmt, const char *arg);

/* Read a command's arguments: its options and one FILE. Returns -1 when they
 * are fine, else the exit status (0 after printing the help). */
int parse_args(const char *cmd, int argc, char **argv, const option *opts, size_t n, const char *help,
               const char **file);

/* The same with `n_files` files, which `what` names in messages ("two
 * files, OLD and NEW"). */
int parse_args_files(const char *cmd, int argc, char **argv, const option *opts, size_t n, const char *help,
                     const char **files, size_t n_files, const char *what);

/* --lang and --width, checked; -1 when fine, else the exit status. */
int parse_lang_width(const char *cmd, const char *lang, const char *width, int *columns);

/* --paper: a4 (also when absent) or letter; -1 when fine, else the exit status. */
int parse_paper(const char *cmd, const char *value, itin_paper *paper);

/* The language participant `id` reads in `plan`: their own, else `given`
 * (--lang), else the delegation's. */
const char *language_in(const itin_plan *plan, const char *id, const char *given);

/* SOURCE_DATE_EPOCH (reproducible builds): the time calendars are stamped
 * with. 0 when unset; -1 after reporting a malformed value. */
int source_date_epoch(itin_render_options *opt);

/* The exit status the worst diagnostic calls for. */
int exit_code(const itin_diags *d);

/* Load and schedule FILE, and print what was found; the itinerary, or NULL
 * when there is none (then *plan may still hold what could be loaded). */
itin_itinerary *load_and_schedule(const char *file, itin_diags *d, itin_plan **plan, bool invite);
/* The same, and with `lang` the texts that lack that language (check --lang). */
itin_itinerary *load_schedule_check(const char *file, itin_diags *d, itin_plan **plan, bool invite,
                                    const char *lang);

/* One output: an itinerary in one format. */
typedef struct job {
    const char *format; /* text, md, ics, json, pdf, transport[-md|-csv] */
    const itin_itinerary *it;
    const itin_diags *d;
    itin_render_options opt;
} job;

/* Whether OUT names a directory: one that exists, or a name ending in '/'. */
bool names_directory(const char *out);

/* Each message as a file in DIR (made when missing), all or nothing; the
 * exit status. */
int write_messages(const char *dir, const itin_messages *m);

/* Render a job (a writer_fn); 0 on success. */
int write_job(void *ctx, FILE *out);

extern const char HELP_EXPORT[];
int cmd_export(int argc, char **argv);

/* How load_and_schedule schedules: --solve-time (matchmaking.c). */
extern itin_schedule_options cli_schedule;
/* --solve-time SECONDS into cli_schedule; -1 when fine, else the exit status. */
int parse_solve_time(const char *cmd, const char *value);

extern const char HELP_MATCHMAKING[];
int cmd_matchmaking(int argc, char **argv);

extern const char HELP_HOLIDAYS[];
int cmd_holidays(int argc, char **argv);
extern const char HELP_DIFF[];
int cmd_diff(int argc, char **argv);

/* One change notice or update calendar: a diff in one format (text, md,
 * json or ics). */
typedef struct diff_job {
    const char *format;
    const itin_diff *diff;
    itin_diff_options opt;
} diff_job;

/* Render a diff_job (a writer_fn); 0 on success. */
int write_diff(void *ctx, FILE *out);

/* Load and schedule one revision to compare; false after saying why it
 * cannot be compared (invalid, or conflicts), in a message of command cmd. */
bool load_revision(const char *cmd, const char *file, itin_diags *d, itin_plan **plan, itin_itinerary **it);

#endif
