/* cu_except.h - the UNO layer's errors: the GError domain of failed UNO calls, raising UNO
 * exceptions, encoding Calc error values. The whole error model: pc_status.h. */
#ifndef CU_EXCEPT_H
#define CU_EXCEPT_H

#include "cu_sdk.h"
#include <glib.h>

/* The GError domain of the UNO and Calc layers (addin/uno, addin/calc): a call into the
 * office failed, or answered what we cannot use. The message is English and technical; an
 * action words it for the user (cc_say_failure). */
#define CU_ERROR cu_error_quark()
GQuark cu_error_quark(void);

typedef enum {
    CU_ERROR_RAISED = 1,  /* the office raised an exception: its type and message */
    CU_ERROR_NO_OBJECT,   /* a call on nothing: an earlier step gave no object */
    CU_ERROR_NO_MEMBER,   /* the type library lacks the method or attribute */
    CU_ERROR_UNSUPPORTED, /* the object does not support the interface */
    CU_ERROR_UNEXPECTED,  /* a call answered nothing, or not what it documents */
    CU_ERROR_MISSING,     /* the document or office lacks something Calc always has */
    CU_ERROR_TYPES,       /* the type library differs from the structs we were built with */
    CU_ERROR_TOO_LARGE,   /* more cells than one call can take */
    CU_ERROR_INTERNAL     /* our own mistake: a bug */
} CuErrorCode;

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
