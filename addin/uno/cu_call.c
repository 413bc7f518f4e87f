/* cu_call.c - outgoing calls, resolved once per call site. */
#include "cu_call.h"

#include "cu_string.h"

#include <string.h>

static GMutex resolve_lock;

/* Find member M->member in M->iface once; FALSE when either does not exist. */
static gboolean resolve(CuMethod *m)
{
    if (g_atomic_pointer_get(&m->resolved))
        return TRUE;
    g_mutex_lock(&resolve_lock);
    if (!m->resolved) {
        typelib_TypeDescription *itd = NULL;
        rtl_uString *name = NULL;
        rtl_uString_newFromAscii(&name, m->iface);
        typelib_typedescription_getByName(&itd, name);
        rtl_uString_release(name);
        const typelib_InterfaceTypeDescription *iface = (const typelib_InterfaceTypeDescription *)itd;
        for (sal_Int32 i = 0; iface && i < iface->nAllMembers; i++) {
            typelib_TypeDescription *member = NULL;
            typelib_typedescriptionreference_getDescription(&member, iface->ppAllMembers[i]);
            if (member && cu_ustr_equals_ascii(((typelib_InterfaceMemberTypeDescription *)member)->pMemberName,
                                               m->member)) {
                typelib_typedescriptionreference_acquire(itd->pWeakRef);
                m->iface_type = itd->pWeakRef;
                g_atomic_pointer_set(&m->resolved, member); /* kept: one reference for good */
                break;
            }
            if (member)
                typelib_typedescription_release(member);
        }
        if (itd)
            typelib_typedescription_release(itd);
    }
    g_mutex_unlock(&resolve_lock);
    return m->resolved != NULL;
}

uno_Interface *cu_query(uno_Interface *obj, const char *iface)
{
    if (!obj)
        return NULL;
    static CuMethod query = CU_METHOD("com.sun.star.uno.XInterface", "queryInterface");
    if (!resolve(&query))
        return NULL;
    typelib_TypeDescriptionReference *want = NULL;
    typelib_typedescriptionreference_newByAsciiName(&want, typelib_TypeClass_INTERFACE, iface);
    uno_Any ret, exc, *pexc = &exc;
    void *args[1] = { &want };
    (*obj->pDispatcher)(obj, query.resolved, &ret, args, &pexc);
    uno_Interface *found = NULL;
    if (pexc) {
        uno_any_destruct(pexc, NULL);
    } else {
        if (ret.pType->eTypeClass == typelib_TypeClass_INTERFACE && ret.pReserved) {
            found = ret.pReserved;
            found->acquire(found);
        }
        uno_any_destruct(&ret, NULL);
    }
    typelib_typedescriptionreference_release(want);
    return found;
}

/* Turn a raised exception into ERROR and destroy it. */
static void take_exception(uno_Any *exc, const CuMethod *m, GError **error)
{
    char *type = cu_ustr_to_utf8(exc->pType->pTypeName);
    /* every UNO exception starts with com.sun.star.uno.Exception { string Message; ... } */
    char *message = exc->pData ? cu_ustr_to_utf8(*(rtl_uString **)exc->pData) : g_strdup("");
    g_set_error(error, CU_ERROR, CU_ERROR_RAISED, "%s.%s raised %s: %s", m->iface, m->member, type, message);
    g_free(type);
    g_free(message);
    uno_any_destruct(exc, NULL);
}

static gboolean dispatch(uno_Interface *obj, CuMethod *m, void *ret, void **args, GError **error)
{
    if (!obj) {
        g_set_error(error, CU_ERROR, CU_ERROR_NO_OBJECT, "%s.%s called on nothing", m->iface, m->member);
        return FALSE;
    }
    if (!resolve(m)) {
        g_set_error(error, CU_ERROR, CU_ERROR_NO_MEMBER, "no member %s.%s", m->iface, m->member);
        return FALSE;
    }
    uno_Interface *target = cu_query(obj, m->iface);
    if (!target) {
        g_set_error(error, CU_ERROR, CU_ERROR_UNSUPPORTED, "the object does not support %s", m->iface);
        return FALSE;
    }
    uno_Any exc, *pexc = &exc;
    (*target->pDispatcher)(target, m->resolved, ret, args, &pexc);
    target->release(target);
    if (pexc) {
        take_exception(pexc, m, error);
        return FALSE;
    }
    return TRUE;
}

gboolean cu_call(uno_Interface *obj, CuMethod *m, void *ret, void **args, GError **error)
{
    char unused[64]; /* void methods still get return storage */
    return dispatch(obj, m, ret ? ret : unused, args, error);
}

gboolean cu_get(uno_Interface *obj, CuMethod *m, void *ret, GError **error)
{
    return dispatch(obj, m, ret, NULL, error);
}

gboolean cu_set(uno_Interface *obj, CuMethod *m, void *value, GError **error)
{
    void *args[1] = { value };
    return dispatch(obj, m, NULL, args, error);
}

gboolean cu_struct_init(CuStruct *s, const char *type)
{
    s->td = NULL;
    s->data = NULL;
    rtl_uString *name = NULL;
    rtl_uString_newFromAscii(&name, type);
    typelib_typedescription_getByName(&s->td, name);
    rtl_uString_release(name);
    if (!s->td)
        return FALSE;
    s->data = g_malloc(s->td->nSize);
    uno_constructData(s->data, s->td);
    return TRUE;
}

void cu_struct_clear(CuStruct *s)
{
    if (s->data) {
        uno_destructData(s->data, s->td, NULL);
        g_free(s->data);
    }
    if (s->td)
        typelib_typedescription_release(s->td);
    s->td = NULL;
    s->data = NULL;
}

void *cu_struct_field(const CuStruct *s, const char *name)
{
    /* member offsets count from the start of the whole struct, base members included */
    for (const typelib_CompoundTypeDescription *c = (const typelib_CompoundTypeDescription *)s->td; c;
         c = c->pBaseTypeDescription)
        for (sal_Int32 i = 0; i < c->nMembers; i++)
            if (cu_ustr_equals_ascii(c->ppMemberNames[i], name))
                return (char *)s->data + c->pMemberOffsets[i];
    return NULL;
}

uno_Interface *cu_any_interface(const uno_Any *a)
{
    return a->pType->eTypeClass == typelib_TypeClass_INTERFACE ? a->pReserved : NULL;
}
