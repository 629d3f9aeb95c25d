/* fuzz_pipeline: libFuzzer harness for the whole pipeline on in-memory input.
 *
 *   load (itin_plan_load_buffer) -> schedule -> every exporter, for everyone
 *   with the default options, then for one participant without transfers
 *   (as `plan --participant ID --no-transfers` does) with other options (a
 *   language or a bilingual pair); and once more into a tiny memory buffer
 *   so that failed writes are taken too. The PDF booklet, which costs far
 *   more, for one input in 32 of at most 16 KiB. Everything is freed: a
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
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    itin_diags d;
    itin_diags_init(&d, 0);
    itin_plan *plan = itin_plan_load_buffer(fuzz_name, (const char *)data, size, &d);
    itin_itinerary *it = plan ? itin_schedule(plan, &d) : NULL;
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
        static const char *const langs[] = {"ko", "de", "en", "de,ko", "ko,en"};
        one.lang = langs[size % 5];
        one.width = 20;
        one.mask = mask;
        one.audience = D->n_participants ? D->participants[p].name : NULL;
        one.invite = true;
        one.has_dtstamp = true;
        one.dtstamp = 1669100000;
        if (view)
            export_all(view, &d, &one, devnull);
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
    itin_plan_free(plan);
    itin_diags_free(&d);
    return 0;
}
