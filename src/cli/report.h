/* report: diagnostics on standard error, as compilers print them. */
#ifndef ITIN_CLI_REPORT_H
#define ITIN_CLI_REPORT_H

#include "itinerary/itinerary.h"

/* Sort and print every diagnostic as FILE:LINE:COL: severity: message, with
 * the source line and a caret under the column when the file can be read;
 * in colour when standard error is a terminal and NO_COLOR is not set. */
void print_diags(itin_diags *d);

#endif
