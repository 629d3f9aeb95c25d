/* vehicles: how many road vehicles the transfers of a day need at once, and
 * the conflict when they need more than the delegation has. */
#ifndef ITIN_VEHICLES_H
#define ITIN_VEHICLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "itinerary/itinerary.h"

/* Whether a mode needs a vehicle of its own: car, taxi, bus. */
bool itin_road_mode(itin_mode m);

/* Road transfers on the same route (from, to, start and end) share one
 * vehicle: the counts below count routes. */

/* The most road transfers of `day` running at one instant while item `k`
 * (an index into it->items) runs, itself included; 0 when it is not a road
 * transfer. *at gets that instant. Two transfers run at once when each
 * starts before the other ends. */
size_t itin_vehicles_during(const itin_itinerary *it, const itin_day *day, size_t k, int64_t *at);

/* The most road transfers of `day` running at one instant; *at gets the
 * first such instant (unchanged when there are none). */
size_t itin_vehicles_peak(const itin_itinerary *it, const itin_day *day, int64_t *at);

/* travel.vehicles: a conflict for each instant at which more road
 * transfers run than the delegation has vehicles, naming them. */
void itin_vehicles_check(const itin_itinerary *it, itin_diags *d);

#endif
