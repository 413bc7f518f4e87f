/* cu_object.h - UNO objects implemented in C.
 *
 * An object answers several interfaces the way a C++ object does with one vtable per base
 * class: it holds one "facet" (a uno_Interface) per interface it implements, and
 * queryInterface hands out the facet of the wanted type. A call therefore arrives at a
 * facet that knows its interface, and the member's nPosition (its index among the
 * interface's members, inherited ones first) picks the method: a switch, no string
 * compares per call. Positions of published interfaces are fixed by the UNO ABI.
 *
 * XInterface (positions 0..2) is handled here for every object; XTypeProvider and
 * XServiceInfo are answered from the class table by cu_object_standard_call.
 */
#ifndef CU_OBJECT_H
#define CU_OBJECT_H

#include "cu_sdk.h"
#include <glib.h>

#define CU_MAX_FACETS 8

typedef struct CuObject CuObject;

/* Handle member POS of interface number IFACE (index into the class's interfaces) of
 * SELF. RET/ARGS as in uno_DispatchMethod. To raise, construct the exception into
 * EXC_STORAGE and return TRUE; otherwise return FALSE. */
typedef gboolean (*CuCallFn)(CuObject *self, guint iface, sal_Int32 pos,
                             const typelib_TypeDescription *member, void *ret, void **args,
                             uno_Any *exc_storage);

typedef struct {
    const char *type_name; /* e.g. "com.sun.star.lang.XServiceInfo" */
    CuCallFn call;         /* NULL for interfaces with nothing beyond XInterface */
} CuInterface;

typedef struct {
    const char *implementation_name;
    const char *const *services;   /* NULL-terminated */
    const CuInterface *interfaces; /* terminated by { NULL, NULL }; the first one is also
                                      the object's XInterface */
    void (*destroy)(CuObject *self); /* frees what the subclass holds; may be NULL */
} CuClass;

typedef struct {
    uno_Interface ui; /* must be first: UNO sees a pointer to this */
    CuObject *owner;
    guint index;
} CuFacet;

struct CuObject {
    CuFacet facets[CU_MAX_FACETS];
    const CuClass *cls;
    gint refs;
};

/* Allocate an object of SIZE bytes (a struct starting with CuObject) of class CLS with one
 * reference. Returns NULL when memory runs out. */
void *cu_object_new(const CuClass *cls, gsize size);

/* The object's primary interface (its XInterface), not acquired. */
static inline uno_Interface *cu_object_interface(CuObject *o)
{
    return &o->facets[0].ui;
}

/* The facet for interface number IFACE of the class, not acquired. */
static inline uno_Interface *cu_object_facet(CuObject *o, guint iface)
{
    return &o->facets[iface].ui;
}

/* The CuCallFn for XTypeProvider and XServiceInfo, answered from the class table. */
gboolean cu_object_standard_call(CuObject *self, guint iface, sal_Int32 pos,
                                 const typelib_TypeDescription *member, void *ret, void **args,
                                 uno_Any *exc_storage);

/* Call VISIT for each member of interface IFACE after XInterface's (position >= 3), with
 * its position and type description (valid during the call). Classes use it once, to map
 * positions to their own tables. FALSE when the type library does not know IFACE. */
typedef void (*CuMemberVisit)(sal_Int32 pos, const typelib_InterfaceMemberTypeDescription *member,
                              gpointer user_data);
gboolean cu_each_member(const char *iface, CuMemberVisit visit, gpointer user_data);

/* Fixed ABI positions of the members we implement in published interfaces. */
enum {
    CU_POS_QUERY_INTERFACE = 0,
    CU_POS_ACQUIRE = 1,
    CU_POS_RELEASE = 2,
    CU_POS_FIRST_OWN = 3, /* first member after XInterface's */
    CU_POS_TYPES = 3,     /* XTypeProvider::getTypes */
    CU_POS_IMPL_ID = 4,   /* XTypeProvider::getImplementationId */
    CU_POS_IMPL_NAME = 3, /* XServiceInfo::getImplementationName */
    CU_POS_SUPPORTS = 4,  /* XServiceInfo::supportsService */
    CU_POS_SERVICES = 5,  /* XServiceInfo::getSupportedServiceNames */
};

#endif
