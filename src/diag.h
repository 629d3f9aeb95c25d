/* diag: the library's side of the diagnostics list (the rest is public). */
#ifndef ITIN_DIAG_H
#define ITIN_DIAG_H

#include <stdarg.h>

#include "itinerary/itinerary.h"

/* itin_diags_add with a va_list, for the stages' own message functions. */
void itin_diags_vadd(itin_diags *d, itin_severity sev, itin_pos pos, const char *fmt, va_list ap);

/* A warning with its stable name (itin_warning_name), which the
 * command line prints after the message: "... [long-day]". */
void itin_diags_warn(itin_diags *d, itin_warning w, itin_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
