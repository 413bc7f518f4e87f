/* cu_call.h - calling methods of other UNO objects (the office's) from C.
 *
 * A call site names its method once, in a static CuMethod; the member's type description
 * is resolved on first use and kept, so later calls cost one queryInterface and one
 * dispatch. Exceptions come back as a GError (CU_ERROR_RAISED) with the exception's type
 * and message.
 *
 *     static CuMethod get_sheets = CU_METHOD("com.sun.star.sheet.XSpreadsheetDocument",
 *                                            "getSheets");
 *     uno_Interface *sheets = NULL;
 *     if (!cu_call(doc, &get_sheets, &sheets, NULL, &error)) ...
 */
#ifndef CU_CALL_H
#define CU_CALL_H

#include "cu_except.h"
#include "cu_sdk.h"
#include <glib.h>

typedef struct {
    const char *iface;  /* e.g. "com.sun.star.table.XCell" */
    const char *member; /* a method or attribute name, e.g. "setFormula" */
    typelib_TypeDescription *resolved; /* filled once, kept for the process */
    typelib_TypeDescriptionReference *iface_type;
} CuMethod;

#define CU_METHOD(iface, member) { iface, member, NULL, NULL }

/* queryInterface OBJ for IFACE: an acquired interface, or NULL when not supported. */
uno_Interface *cu_query(uno_Interface *obj, const char *iface);

/* Call method M on OBJ (queried for M's interface first). RET is uninitialised storage
 * for the return value, which the caller then owns (NULL for void methods); ARGS[i]
 * points to argument i. FALSE, with ERROR set, when OBJ is NULL, lacks the interface or
 * the call raised. */
gboolean cu_call(uno_Interface *obj, CuMethod *m, void *ret, void **args, GError **error);

/* Read / write attribute M of OBJ (RET as for cu_call; VALUE points to the new value). */
gboolean cu_get(uno_Interface *obj, CuMethod *m, void *ret, GError **error);
gboolean cu_set(uno_Interface *obj, CuMethod *m, void *value, GError **error);

/* Release OBJ when not NULL. */
static inline void cu_release(uno_Interface *obj)
{
    if (obj)
        obj->release(obj);
}

/* A struct value built from its type description. */
typedef struct {
    typelib_TypeDescription *td;
    void *data;
} CuStruct;

/* Default-construct a TYPE ("com.sun.star.awt.Rectangle"). FALSE when the type is unknown. */
gboolean cu_struct_init(CuStruct *s, const char *type);
void cu_struct_clear(CuStruct *s);
/* Address of field NAME (base structs included), or NULL when there is none. */
void *cu_struct_field(const CuStruct *s, const char *name);

/* The interface an any holds (not acquired), or NULL. */
uno_Interface *cu_any_interface(const uno_Any *a);

#endif
