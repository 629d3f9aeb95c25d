/* common: what every command shares — arguments, loading and scheduling,
 * and rendering one output. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "cli.h"
#include "report.h"
#include "tempfile.h"
#include "write.h"
#include "xalloc.h"

const char USAGE[] = "usage: itinerary plan FILE [--format text|md|ics|json|pdf|transport] [-o OUT]\n"
                     "                           [--participant ID | --group ID] [--lang L[,L2]]\n"
                     "                           [--width N] [--no-transfers] [--invite]\n"
                     "                           [--paper a4|letter]\n"
                     "       itinerary check FILE [-q] [--lang L]\n"
                     "       itinerary export FILE -d DIR [--since OLD] [--lang L[,L2]] [--width N]\n"
                     "                              [--paper a4|letter]\n"
                     "       itinerary diff OLD NEW [--format text|md|json|ics] [-o OUT]\n"
                     "                              [--participant ID | --group ID] [--lang L] [--width N]\n"
                     "                              [--invite]\n"
                     "       itinerary list FILE participants|groups|institutions|visits\n"
                     "       itinerary holidays COUNTRY[-REGION] YEAR | list\n"
                     "       itinerary help [COMMAND]\n"
                     "       itinerary --help | --version\n";

int
usage_error(const char *fmt, const char *arg)
{
    fputs("itinerary: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n", stderr);
    fputs(USAGE, stderr);
    return EXIT_INVALID;
}

/* The option `a` names, as getopt_long reads them: "--name", "--name=VALUE",
 * "-x" and "-xVALUE"; *inline_value is what follows in the same word. */
static const option *
find_option(const char *a, const option *opts, size_t n, const char **inline_value)
{
    *inline_value = NULL;
    for (size_t k = 0; k < n; k++) {
        const char *name = opts[k].name, *alias = opts[k].alias;
        size_t len = strlen(name);
        if (strcmp(a, name) == 0 || (alias && strcmp(a, alias) == 0))
            return &opts[k];
        if (strncmp(a, name, len) == 0 && a[len] == '=') {
            *inline_value = a + len + 1;
            return &opts[k];
        }
        if (alias && opts[k].value && strncmp(a, alias, 2) == 0 && a[2] != '\0') {
            *inline_value = a + 2;
            return &opts[k];
        }
    }
    return NULL;
}

/* Read a command's arguments: its options and n files; "--" ends the
 * options. Returns -1 when they are fine, else the exit status (0 after
 * printing the help). */
int
parse_args_files(const char *cmd, int argc, char **argv, const option *opts, size_t n, const char *help,
                 const char **files, size_t n_files, const char *what)
{
    char msg[256];
    bool options = true;
    size_t got = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *value;
        if (options && strcmp(a, "--") == 0) {
            options = false;
            continue;
        }
        if (options && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
            fputs(help, stdout);
            return EXIT_OK;
        }
        const option *o = options ? find_option(a, opts, n, &value) : NULL;
        if (o && o->flag && value)
            snprintf(msg, sizeof msg, "%s: '%s' takes no value", cmd, o->name);
        else if (o && o->flag) {
            *o->flag = true;
            continue;
        } else if (o && !value && i + 1 >= argc)
            snprintf(msg, sizeof msg, "%s: '%s' needs a value", cmd, a);
        else if (o) {
            *o->value = value ? value : argv[++i];
            continue;
        } else if (options && a[0] == '-' && a[1] != '\0')
            snprintf(msg, sizeof msg, "%s: unknown option '%s'", cmd, a);
        else if (got == n_files && n_files == 1)
            snprintf(msg, sizeof msg, "%s: more than one file ('%s')", cmd, a);
        else if (got == n_files)
            snprintf(msg, sizeof msg, "%s: more than %s ('%s')", cmd, what, a);
        else {
            files[got++] = a;
            continue;
        }
        return usage_error("%s", msg);
    }
    if (got < n_files) {
        if (n_files == 1)
            snprintf(msg, sizeof msg, "%s: no FILE given", cmd);
        else
            snprintf(msg, sizeof msg, "%s: expected %s", cmd, what);
        return usage_error("%s", msg);
    }
    return -1;
}

int
parse_args(const char *cmd, int argc, char **argv, const option *opts, size_t n, const char *help,
           const char **file)
{
    return parse_args_files(cmd, argc, argv, opts, n, help, file, 1, "one FILE");
}

/* --lang and --width, checked; -1 when fine, else the exit status. */
int
parse_lang_width(const char *cmd, const char *lang, const char *width, int *columns)
{
    char msg[256];
    *columns = 80;
    itin_langs langs;
    char why[160];
    if (lang && itin_langs_parse(lang, &langs, why, sizeof why) != 0) {
        snprintf(msg, sizeof msg, "%s: --lang: %s", cmd, why);
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

const char *
language_in(const itin_plan *plan, const char *id, const char *given)
{
    const itin_delegation *D = &plan->delegation;
    for (size_t i = 0; i < D->n_participants; i++)
        if (strcmp(D->participants[i].id, id) == 0 && D->participants[i].language)
            return D->participants[i].language;
    return given ? given : D->language;
}

int
parse_paper(const char *cmd, const char *value, itin_paper *paper)
{
    char msg[256];
    *paper = ITIN_PAPER_A4;
    if (!value || strcmp(value, "a4") == 0)
        return -1;
    if (strcmp(value, "letter") == 0) {
        *paper = ITIN_PAPER_LETTER;
        return -1;
    }
    snprintf(msg, sizeof msg, "%s: unknown paper '%s' (expected a4 or letter)", cmd, value);
    return usage_error("%s", msg);
}

/* SOURCE_DATE_EPOCH (reproducible builds): the time calendars are stamped
 * with. 0 when unset; -1 after reporting a malformed value. */
int
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

int
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

/* Load and schedule FILE, and print what was found; the itinerary, or NULL
 * when there is none (then *plan may still hold what could be loaded). */
itin_itinerary *
load_and_schedule(const char *file, itin_diags *d, itin_plan **plan, bool invite)
{
    return load_schedule_check(file, d, plan, invite, NULL);
}

itin_itinerary *
load_schedule_check(const char *file, itin_diags *d, itin_plan **plan, bool invite, const char *lang)
{
    itin_diags_init(d, 0);
    *plan = itin_plan_load(file, d);
    if (*plan)
        write_protect(*plan);
    itin_itinerary *it = *plan ? itin_schedule_with(*plan, &cli_schedule, d) : NULL;
    if (it && invite && !(*plan)->delegation.organizer.email)
        /* RFC 5546: a REQUEST names the organizer replies go to. */
        itin_diags_add(d, ITIN_ERROR, (*plan)->delegation.pos,
                       "--invite needs the organizer's e-mail address (delegation: organizer: {email: ...})");
    if (it && lang)
        itin_check_translations(*plan, lang, d);
    print_diags(d);
    return it;
}

int
write_job(void *ctx, FILE *out)
{
    const job *j = ctx;
    if (strcmp(j->format, "json") == 0)
        return itin_export_json(j->it, j->d, out);
    if (strcmp(j->format, "ics") == 0)
        return itin_export_ics(j->it, &j->opt, out);
    if (strcmp(j->format, "md") == 0)
        return itin_export_markdown(j->it, &j->opt, out);
    if (strcmp(j->format, "pdf") == 0)
        return itin_export_pdf(j->it, &j->opt, out);
    if (strcmp(j->format, "transport") == 0)
        return itin_export_transport(j->it, &j->opt, ITIN_TRANSPORT_TEXT, out);
    if (strcmp(j->format, "transport-md") == 0)
        return itin_export_transport(j->it, &j->opt, ITIN_TRANSPORT_MARKDOWN, out);
    if (strcmp(j->format, "transport-csv") == 0)
        return itin_export_transport(j->it, &j->opt, ITIN_TRANSPORT_CSV, out);
    return itin_export_text(j->it, &j->opt, out);
}

int
write_diff(void *ctx, FILE *out)
{
    const diff_job *j = ctx;
    if (strcmp(j->format, "json") == 0)
        return itin_export_diff_json(j->diff, &j->opt, out);
    if (strcmp(j->format, "md") == 0)
        return itin_export_diff_markdown(j->diff, &j->opt, out);
    if (strcmp(j->format, "ics") == 0)
        return itin_export_diff_ics(j->diff, &j->opt, out);
    return itin_export_diff_text(j->diff, &j->opt, out);
}

bool
names_directory(const char *out)
{
    struct stat st;
    size_t n = out ? strlen(out) : 0;
    return n && (out[n - 1] == '/' || (stat(out, &st) == 0 && S_ISDIR(st.st_mode)));
}

static int
write_message(void *ctx, FILE *out)
{
    const itin_message *m = ctx;
    return fwrite(m->text, 1, m->len, out) == m->len ? 0 : -1;
}

int
write_messages(const char *dir, const itin_messages *m)
{
    struct stat st;
    bool made = false;
    if (stat(dir, &st) != 0) {
        if (mkdir(dir, 0777) != 0) {
            fprintf(stderr, "itinerary: cannot create '%s': %s\n", dir, strerror(errno));
            return EXIT_WRITE;
        }
        made = true;
        temp_track(dir, true);
    }
    write_set *set = write_set_new();
    int rc = EXIT_OK;
    for (size_t i = 0; i < m->n && rc == EXIT_OK; i++) {
        size_t n = strlen(dir) + strlen(m->items[i].name) + 2;
        char *path = itin_xmalloc(n);
        snprintf(path, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", m->items[i].name);
        rc = write_set_add(set, path, write_message, &m->items[i]);
        free(path);
    }
    if (rc == EXIT_OK && write_set_commit(set) != 0)
        rc = EXIT_WRITE;
    write_set_free(set);
    if (made) {
        if (rc != EXIT_OK)
            rmdir(dir);
        temp_forget(dir);
    }
    return rc;
}
