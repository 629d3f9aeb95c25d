/* datetime: civil dates and times of day — arithmetic and the one way to print a clock time. */
#ifndef ITIN_DATETIME_H
#define ITIN_DATETIME_H

#include "itinerary/itinerary.h"

/* Civil date <-> day number (proleptic Gregorian; a day past the end of its
 * month rolls over, as with timegm()). */
itin_date itin_date_from_ymd(int y, int m, int d);
void itin_date_to_ymd(itin_date d, int *y, int *m, int *dd);

/* Room for "HH:MM" and its NUL. */
#define ITIN_HM_SIZE 6

/* A time of day as "HH:MM" in buf (ITIN_HM_SIZE bytes); returns buf.
 *
 * Midnight has two names, and the caller says which by the number: 0 is the
 * start of a day, "00:00"; 1440 is the end of a day, "24:00". So a start at
 * midnight prints 00:00, and anything that ends at midnight — an opening
 * interval, a day window, an item — passes 1440 and prints 24:00 on the day
 * it closes (itin_end_of_day() turns "00:00 of the next day" into that).
 * Any other value is taken modulo a day. */
char *itin_hm(int minutes, char *buf);

/* An end given as a local date and minutes, put on the day it closes: an end
 * at exactly midnight after the start date becomes 1440 on the day before;
 * any other end is left as it is. */
void itin_end_of_day(itin_date start_date, itin_date *end_date, int *end_minutes);

#endif
