/* fuzz_pipeline: libFuzzer harness for the whole pipeline on in-memory input.
 *
 *   load (itin_plan_load_buffer) -> schedule -> every exporter, for everyone
 *   with the default options, then for one participant without transfers
 *   (as `plan --participant ID --no-transfers` does) with other options (a
 *   language or a bilingual pair); and once more into a tiny memory buffer
 *   so that failed writes are taken too. The PDF booklet, which costs far
 *   more, for one input in 32 of at most 16 KiB. Then revisions (`itinerary
 *   diff`): an input with a line "---" (a YAML document separator) is two
 *   plans, OLD before it and NEW after it, each loaded and scheduled on its
 *   own and compared; an input without one is compared with itself. Every
 *   change notice and the update calendar are rendered for everyone, for
 *   the last participant and for the first group. Everything is freed: a
 *   leak is a failure (LeakSanitizer; tests/lsan.supp names cairo's and
 *   fontconfig's own).
 *
 * The input is named "<fresh empty temp dir>/fuzz.yaml", so that an include
 * in the input resolves inside an empty directory and fails cleanly instead
 * of reading the source tree (absolute paths such as /dev/zero are still
 * reachable; the loader must cope with them too).
 *
 * Build: CC=clang cmake -S . -B build-fuzz -DITIN_FUZZ=ON && cmake --build build-fuzz --target fuzz_pipeline
 * Run:   see docs/robustness.md. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "itinerary/itinerary.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fuzz_dir[64];
static char fuzz_name[96];
static char fuzz_old_name[96];
static FILE *devnull;

static void
cleanup(void)
{
    if (devnull)
        fclose(devnull);
    if (fuzz_dir[0])
        rmdir(fuzz_dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp || strlen(tmp) > 32)
        tmp = "/tmp";
    snprintf(fuzz_dir, sizeof fuzz_dir, "%s/itin-fuzz-XXXXXX", tmp);
    if (!mkdtemp(fuzz_dir)) {
        perror("fuzz_pipeline: mkdtemp");
        abort();
    }
    snprintf(fuzz_name, sizeof fuzz_name, "%s/fuzz.yaml", fuzz_dir);
    snprintf(fuzz_old_name, sizeof fuzz_old_name, "%s/fuzz-old.yaml", fuzz_dir);
    devnull = fopen("/dev/null", "w");
    if (!devnull) {
        perror("fuzz_pipeline: /dev/null");
        abort();
    }
    atexit(cleanup);
    return 0;
}

/* Every exporter on one view. Their results are not checked: writing to
 * /dev/null succeeds and writing to the small buffer may fail, and either is
 * fine; what matters is that they neither crash nor leak. */
static void
export_all(const itin_itinerary *it, const itin_diags *d, const itin_render_options *opt, FILE *out)
{
    (void)itin_export_json(it, d, out);
    fflush(out);
    (void)itin_export_ics(it, opt, out);
    fflush(out);
    (void)itin_export_text(it, opt, out);
    fflush(out);
    (void)itin_export_markdown(it, opt, out);
    fflush(out);
    for (int style = ITIN_MATCH_TEXT; style <= ITIN_MATCH_JSON; style++) {
        (void)itin_export_matchmaking(it, (itin_match_style)style, out);
        fflush(out);
    }
}

/* Every rendering of a diff with one set of options. */
static void
export_diff(const itin_diff *diff, const itin_diff_options *opt, FILE *out)
{
    (void)itin_export_diff_text(diff, opt, out);
    fflush(out);
    (void)itin_export_diff_markdown(diff, opt, out);
    fflush(out);
    (void)itin_export_diff_json(diff, opt, out);
    fflush(out);
    (void)itin_export_diff_ics(diff, opt, out);
    fflush(out);
    (void)itin_diff_ics_count(diff, opt);
}

/* Compare two scheduled itineraries and render the changes: for everyone,
 * for the last person (in their words), for the first group of either plan. */
static void
diff_all(const itin_itinerary *old_it, const itin_itinerary *new_it, size_t size)
{
    itin_diags d;
    itin_diags_init(&d, 0);
    itin_diff *diff = itin_diff_new(old_it, new_it, &d);
    itin_diff_options all;
    memset(&all, 0, sizeof all);
    all.has_dtstamp = true;
    all.dtstamp = 1669100000;
    export_diff(diff, &all, devnull);

    uint64_t *mask = calloc(diff->words ? diff->words : 1, sizeof *mask);
    if (!mask)
        abort();
    itin_diff_options one = all;
    one.lang = size % 3 == 0 ? "de" : size % 3 == 1 ? "ko" : "en";
    one.width = 20;
    if (diff->n_people &&
        itin_diff_audience(diff, diff->people[diff->n_people - 1]->id, NULL, mask, &one.audience) == 0) {
        one.mask = mask;
        one.personal = true;
        export_diff(diff, &one, devnull);
    }
    const itin_delegation *N = &new_it->plan->delegation, *O = &old_it->plan->delegation;
    const char *group = N->n_groups ? N->groups[0].id : O->n_groups ? O->groups[0].id : NULL;
    if (group && itin_diff_audience(diff, NULL, group, mask, &one.audience) == 0) {
        one.mask = mask;
        one.personal = false;
        export_diff(diff, &one, devnull);
        char small[512];
        FILE *mem = fmemopen(small, sizeof small, "w");
        if (mem) {
            setvbuf(mem, NULL, _IONBF, 0);
            export_diff(diff, &one, mem);
            fclose(mem);
        }
    }
    free(mask);
    itin_diff_free(diff);
    itin_diags_free(&d);
}

/* An input with a line "---": OLD before it, NEW after it. */
static void
revisions(const uint8_t *data, size_t size, const itin_itinerary *it)
{
    const uint8_t *sep = NULL;
    for (size_t i = 0; i + 5 <= size && !sep; i++)
        if (memcmp(data + i, "\n---\n", 5) == 0)
            sep = data + i;
    if (!sep) {
        if (it)
            diff_all(it, it, size);
        return;
    }
    size_t old_len = (size_t)(sep - data) + 1, new_len = size - old_len - 4;
    itin_diags d;
    itin_diags_init(&d, 0);
    itin_plan *old_plan = itin_plan_load_buffer(fuzz_old_name, (const char *)data, old_len, &d);
    itin_plan *new_plan = itin_plan_load_buffer(fuzz_name, (const char *)sep + 5, new_len, &d);
    itin_itinerary *old_it = old_plan ? itin_schedule(old_plan, &d) : NULL;
    itin_itinerary *new_it = new_plan ? itin_schedule(new_plan, &d) : NULL;
    if (old_it && new_it) {
        diff_all(old_it, new_it, size);
        diff_all(new_it, old_it, size);
    }
    itin_plan_free(old_plan);
    itin_plan_free(new_plan);
    itin_diags_free(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    itin_diags d;
    itin_diags_init(&d, 0);
    itin_plan *plan = itin_plan_load_buffer(fuzz_name, (const char *)data, size, &d);
    /* The matchmaking solver with a short limit: a large generated session
     * must not spend the default 30 s on every input. */
    itin_schedule_options sopt = {.solve_time = 0.2};
    itin_itinerary *it = plan ? itin_schedule_with(plan, &sopt, &d) : NULL;
    /* Diagnostics are sorted and printed by the CLI: do the same work. */
    itin_diags_sort(&d);
    (void)itin_diags_worst(&d);
    for (size_t i = 0; i < d.count; i++)
        fprintf(devnull, "%s:%d:%d: %s: %s\n", d.items[i].pos.file ? d.items[i].pos.file : "-",
                d.items[i].pos.line, d.items[i].pos.col, itin_severity_name(d.items[i].severity),
                d.items[i].message);

    if (it) {
        /* Everyone, the default options. */
        itin_render_options def;
        memset(&def, 0, sizeof def);
        export_all(it, &d, &def, devnull);

        /* One participant (the last one, to reach the last mask word), no
         * transfers, another language, the narrowest width, an invitation
         * with a fixed stamp. */
        const itin_delegation *D = &plan->delegation;
        uint64_t *mask = calloc(plan->who_words ? plan->who_words : 1, sizeof *mask);
        if (!mask)
            abort();
        size_t p = D->n_participants ? D->n_participants - 1 : 0;
        if (D->n_participants && p / 64 < plan->who_words)
            mask[p / 64] |= 1ULL << (p % 64);
        itin_itinerary *view = itin_itinerary_filter(it, mask, false);
        itin_render_options one;
        memset(&one, 0, sizeof one);
        /* Every agenda language in turn, two bilingual pairs, and the
         * translation check in the first language. */
        static const char *const langs[] = {"ko", "de", "en", "vi", "ja",    "zh-Hans", "zh-Hant",
                                            "fr", "es", "pl", "cs", "de,ko", "ko,en"};
        one.lang = langs[size % (sizeof langs / sizeof *langs)];
        itin_check_translations(plan, one.lang, &d);
        one.width = 20;
        one.mask = mask;
        one.audience = D->n_participants ? D->participants[p].name : NULL;
        one.invite = true;
        one.has_dtstamp = true;
        one.dtstamp = 1669100000;
        if (view)
            export_all(view, &d, &one, devnull);
        if (plan->n_companies) {
            itin_itinerary *firm = itin_itinerary_filter_company(it, plan->n_companies - 1, true);
            export_all(firm, &d, &one, devnull);
        }
        /* The PDF booklet costs a hundred times more than the rest: one
         * input in 32 (and not the largest, which would reach the time
         * limit of an input), for one participant, whole and into the
         * failing stream below. */
        bool pdf = size % 32 == 0 && size <= 16384;
        one.paper = size % 64 == 0 ? ITIN_PAPER_LETTER : ITIN_PAPER_A4;
        if (view && pdf)
            (void)itin_export_pdf(view, &one, devnull);

        /* A failing stream: a 512-byte buffer fills up at once. */
        char small[512];
        FILE *mem = fmemopen(small, sizeof small, "w");
        if (mem) {
            setvbuf(mem, NULL, _IONBF, 0);
            export_all(view ? view : it, &d, &one, mem);
            fclose(mem);
        }
        mem = pdf ? fmemopen(small, sizeof small, "w") : NULL;
        if (mem) {
            setvbuf(mem, NULL, _IONBF, 0);
            (void)itin_export_pdf(view ? view : it, &one, mem);
            fclose(mem);
        }
        free(mask);
    }
    revisions(data, size, it);
    itin_plan_free(plan);
    itin_diags_free(&d);
    return 0;
}
