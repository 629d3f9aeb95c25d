/* diff: what the renderers of a change notice share with the comparison
 * (diff.c): the diff's people in each plan's terms. */
#ifndef ITIN_DIFF_H
#define ITIN_DIFF_H

#include <stdbool.h>
#include <stdint.h>

#include "itinerary/itinerary.h"

/* A mask over the diff's people as a mask over the participants of one plan
 * (the new one when `after`), into `out` (that plan's who_words words):
 * the people that plan does not have are left out. */
void itin_diff_plan_mask(const itin_diff *diff, const uint64_t *mask, bool after, uint64_t *out);

/* The item a change is listed with: the new one, except for an item that
 * was removed or cancelled, which is listed where it was (a cancelled
 * item's new times mean nothing). */
const itin_item *itin_change_item(const itin_change *c);

/* The same item (kind and id) in the other itinerary of the diff, or NULL. */
const itin_item *itin_diff_counterpart(const itin_diff *diff, const itin_item *x, bool in_after);

/* Whether two places (of two plans) are the same for a reader: the same
 * id, name and address. */
bool itin_diff_same_place(const itin_plan *a, size_t i, const itin_plan *b, size_t j);

#endif
