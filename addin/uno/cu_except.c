/* cu_except.c - exceptions built from type descriptions, error values as NaN payloads. */
#include "cu_except.h"

#include "cu_string.h"

#include <string.h>

G_DEFINE_QUARK(pipecalc-uno-error-quark, cu_error)

/* Build exception TYPE_NAME with Message = MESSAGE into STORAGE; return the constructed
 * struct's memory so that callers may set further fields first. */
static void throw_named(uno_Any *storage, const char *type_name, const char *message,
                        void (*fill)(typelib_TypeDescription *, void *, int), int extra)
{
    typelib_TypeDescription *td = NULL;
    rtl_uString *name = NULL;
    rtl_uString_newFromAscii(&name, type_name);
    typelib_typedescription_getByName(&td, name);
    rtl_uString_release(name);
    if (!td) { /* no type library: a void exception still tells the caller "failed" */
        uno_any_construct(storage, NULL, NULL, NULL);
        return;
    }
    void *data = g_alloca(td->nSize);
    uno_constructData(data, td);
    /* every exception starts with com.sun.star.uno.Exception { string Message; ... } */
    rtl_uString **msg = (rtl_uString **)data;
    rtl_uString *m = cu_ustr_from_utf8(message);
    rtl_uString_assign(msg, m);
    rtl_uString_release(m);
    if (fill)
        fill(td, data, extra);
    uno_any_construct(storage, data, td, NULL);
    uno_destructData(data, td, NULL);
    typelib_typedescription_release(td);
}

void cu_throw_runtime(uno_Any *exc_storage, const char *message)
{
    throw_named(exc_storage, "com.sun.star.uno.RuntimeException", message, NULL, 0);
}

static void set_argument_position(typelib_TypeDescription *td, void *data, int position)
{
    const typelib_CompoundTypeDescription *c = (const typelib_CompoundTypeDescription *)td;
    for (sal_Int32 i = 0; i < c->nMembers; i++)
        if (cu_ustr_equals_ascii(c->ppMemberNames[i], "ArgumentPosition"))
            *(sal_Int16 *)((char *)data + c->pMemberOffsets[i]) = (sal_Int16)position;
}

void cu_throw_illegal_argument(uno_Any *exc_storage, const char *message, int argument_position)
{
    throw_named(exc_storage, "com.sun.star.lang.IllegalArgumentException", message,
                set_argument_position, argument_position);
}

double cu_calc_error(guint32 code)
{
    guint64 bits = G_GUINT64_CONSTANT(0x7FF8000000000000) | code;
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

guint32 cu_calc_error_code(double value)
{
    guint64 bits;
    memcpy(&bits, &value, sizeof bits);
    if ((bits & G_GUINT64_CONSTANT(0x7FF8000000000000)) != G_GUINT64_CONSTANT(0x7FF8000000000000))
        return 0;
    return (guint32)(bits & 0xFFFF);
}
