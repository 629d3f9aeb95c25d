/* diff: the `diff` command — what changed from one revision of a plan to
 * another, as a change notice (text, Markdown, JSON) or as the calendar
 * that updates the old revision's; exit status as diff(1). */
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "cli.h"
#include "report.h"
#include "write.h"

const char HELP_DIFF[] = "usage: itinerary diff OLD NEW [options]\n"
                         "\n"
                         "Schedule two revisions of a plan and say what changed from OLD to NEW:\n"
                         "items added, removed, cancelled or moved, new places, titles, attendees,\n"
                         "bookings, status, transfers and lodging, in order of time. OLD may lie in\n"
                         "another directory with its own includes (a git worktree of an earlier\n"
                         "commit, say).\n"
                         "\n"
                         "  --format F        text (the default), md, json (one object per change),\n"
                         "                    or ics: the calendar that, imported over OLD's calendar,\n"
                         "                    leaves NEW's (changed events, cancellations)\n"
                         "  -o, --output OUT  write to OUT, atomically\n"
                         "  --participant ID  only what changes for one participant, said to them\n"
                         "  --group ID        only what changes for a group's members\n"
                         "  --lang L          en, de or ko (default: the participant's language, else\n"
                         "                    NEW's)\n"
                         "  --width N         wrap the text at N columns (default 80)\n"
                         "  --invite          with --format ics and -o DIR/: for each participant with\n"
                         "                    an e-mail, a METHOD:REQUEST file per event added or\n"
                         "                    changed for them, a METHOD:CANCEL file per event gone\n"
                         "\n"
                         "Exits 0 when nothing changed, 1 when something did, 2 for invalid input,\n"
                         "a plan with conflicts or a usage error, 3 when the output cannot be\n"
                         "written. A NEW whose revision is not greater than OLD's, while the\n"
                         "itinerary changed, gets a warning: calendars ignore such updates.\n";

static const char *const DIFF_FORMATS[] = {"text", "md", "json", "ics"};

bool
load_revision(const char *cmd, const char *file, itin_diags *d, itin_plan **plan, itin_itinerary **it)
{
    *it = load_and_schedule(file, d, plan, false);
    int rc = exit_code(d);
    if (rc == EXIT_CONFLICT)
        fprintf(stderr, "itinerary: %s: the schedule of '%s' has conflicts; nothing was compared\n", cmd,
                file);
    else if (rc != EXIT_OK || !*it)
        fprintf(stderr, "itinerary: %s: '%s' cannot be scheduled; nothing was compared\n", cmd, file);
    return rc == EXIT_OK && *it;
}

int
cmd_diff(int argc, char **argv)
{
    const char *files[2] = {NULL, NULL}, *format = "text", *out = NULL, *participant = NULL, *group = NULL;
    const char *lang = NULL, *width = NULL;
    bool invite = false;
    const option opts[] = {
        {"--format", "-f", &format, NULL},
        {"--output", "-o", &out, NULL},
        {"--participant", NULL, &participant, NULL},
        {"--group", NULL, &group, NULL},
        {"--lang", NULL, &lang, NULL},
        {"--width", NULL, &width, NULL},
        {"--invite", NULL, NULL, &invite},
    };
    int columns, rc = parse_args_files("diff", argc, argv, opts, sizeof opts / sizeof *opts, HELP_DIFF, files,
                                       2, "two files, OLD and NEW");
    if (rc >= 0)
        return rc;
    if (out && !*out)
        return usage_error("diff: the output file name is empty (-o '')%s", "");
    if (participant && group)
        return usage_error("diff: --participant and --group exclude each other%s", "");
    if (strcmp(files[0], "-") == 0 && strcmp(files[1], "-") == 0)
        return usage_error("diff: OLD and NEW cannot both be standard input%s", "");
    bool known = false;
    for (size_t i = 0; i < sizeof DIFF_FORMATS / sizeof *DIFF_FORMATS; i++)
        known |= strcmp(format, DIFF_FORMATS[i]) == 0;
    if (!known)
        return usage_error("diff: unknown format '%s' (expected text, md, json or ics)", format);
    if (invite && strcmp(format, "ics") != 0)
        return usage_error("diff: --invite goes with --format ics%s", "");
    if (invite && !names_directory(out))
        return usage_error("diff: --invite writes one file per message: give a directory (-o DIR/)%s", "");
    if ((rc = parse_lang_width("diff", lang, width, &columns)) >= 0)
        return rc;
    if (lang && strchr(lang, ','))
        return usage_error("diff: --lang: a change notice is in one language, not '%s'", lang);
    itin_render_options stamp = {0};
    if (source_date_epoch(&stamp) != 0)
        return EXIT_INVALID;

    itin_diags d_old, d_new, d;
    itin_plan *old_plan, *new_plan;
    itin_itinerary *old_it, *new_it;
    bool ok = load_revision("diff", files[0], &d_old, &old_plan, &old_it);
    ok = load_revision("diff", files[1], &d_new, &new_plan, &new_it) && ok;
    itin_diags_init(&d, 0);
    rc = EXIT_INVALID;
    if (ok) {
        itin_diff *diff = itin_diff_new(old_it, new_it, &d);
        print_diags(&d);
        diff_job j = {format, diff, {0}};
        j.opt = (itin_diff_options){
            lang,  columns,           NULL,          NULL, participant != NULL, files[0], files[1],
            false, stamp.has_dtstamp, stamp.dtstamp, NULL};
        if (participant && !lang) {
            /* A participant's notice in their own language, as `plan
             * --participant` writes their agenda; their old calendar was
             * in the one they had then. */
            j.opt.lang = language_in(new_plan, participant, NULL);
            j.opt.lang_before = language_in(old_plan, participant, NULL);
        }
        uint64_t *mask = NULL;
        rc = EXIT_OK;
        if (participant || group) {
            mask = itin_xcalloc(diff->words, sizeof *mask);
            if (itin_diff_audience(diff, participant, group, mask, &j.opt.audience) != 0) {
                fprintf(stderr, "itinerary: diff: no %s has the id '%s' in '%s' or '%s'\n",
                        participant ? "participant" : "group", participant ? participant : group, files[0],
                        files[1]);
                rc = EXIT_INVALID;
            }
            j.opt.mask = mask;
        }
        if (rc == EXIT_OK && invite) {
            itin_messages m;
            if (itin_export_diff_invitations(diff, &j.opt, &m) != 0) {
                fprintf(stderr, "itinerary: diff: --invite needs the organizer's e-mail address in both plans"
                                " (delegation: organizer: {email: ...})\n");
                rc = EXIT_INVALID;
            } else {
                rc = write_messages(out, &m);
                itin_messages_free(&m);
            }
        } else if (rc == EXIT_OK) {
            rc = write_atomic(out, write_diff, &j);
        }
        if (rc == EXIT_OK)
            rc = itin_diff_count(diff, mask) ? 1 : 0;
        free(mask);
        itin_diff_free(diff);
    }
    itin_plan_free(old_plan);
    itin_plan_free(new_plan);
    itin_diags_free(&d_old);
    itin_diags_free(&d_new);
    itin_diags_free(&d);
    return rc;
}
