/* cu_except.h - raising UNO exceptions and encoding Calc error values. The whole error
 * model: pc_status.h. */
#ifndef CU_EXCEPT_H
#define CU_EXCEPT_H

#include "cu_sdk.h"
#include <glib.h>

/* Construct a com.sun.star.uno.RuntimeException with MESSAGE (UTF-8) into the caller's
 * exception storage EXC_STORAGE. */
void cu_throw_runtime(uno_Any *exc_storage, const char *message);

/* Construct a com.sun.star.lang.IllegalArgumentException with MESSAGE and the 0-based
 * ARGUMENT_POSITION (-1 when unknown) into EXC_STORAGE: how the actions service refuses,
 * with the user's sentence. (The add-in functions answer Calc error values instead.) */
void cu_throw_illegal_argument(uno_Any *exc_storage, const char *message, int argument_position);

/* A double that Calc shows as error CODE (pc_status_calc_code): a quiet NaN whose low
 * mantissa bits carry the code (Calc's CreateDoubleError). Works as a plain result and
 * inside double[][]. */
double cu_calc_error(guint32 code);

/* The error code a double carries, or 0 when it is not such a NaN. */
guint32 cu_calc_error_code(double value);

#endif
