/* examples: the example plans bundled in data/examples, for the unit tests
 * that check something on every one of them. */
#ifndef ITIN_TEST_EXAMPLES_H
#define ITIN_TEST_EXAMPLES_H

#include <stdio.h>

#include "itinerary/itinerary.h"

static const char *const example_names[] = {"kr-mss-saxony-2022", "de-expert-korea-2022",
                                            "de-smwa-korea-2023", "vn-embassy-saxony-2019"};
#define N_EXAMPLES (sizeof example_names / sizeof *example_names)

/* Example e, loaded with its diagnostics into d (initialised here); NULL
 * when it does not load. The caller frees both. */
static inline itin_plan *
load_example(size_t e, itin_diags *d)
{
    char path[512];
    snprintf(path, sizeof path, "%s/data/examples/%s.yaml", ITIN_SOURCE_DIR, example_names[e]);
    itin_diags_init(d, 0);
    return itin_plan_load(path, d);
}

#endif
