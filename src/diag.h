/* diag: the library's side of the diagnostics list (the rest is public). */
#ifndef ITIN_DIAG_H
#define ITIN_DIAG_H

#include <stdarg.h>

#include "itinerary/itinerary.h"

/* itin_diags_add with a va_list, for the stages' own message functions. */
void itin_diags_vadd(itin_diags *d, itin_severity sev, itin_pos pos, const char *fmt, va_list ap);

#endif
