/* cu_object.c - reference counting, queryInterface and dispatch for C objects. */
#include "cu_object.h"

#include "cu_except.h"
#include "cu_string.h"

#include <string.h>

static void SAL_CALL facet_acquire(uno_Interface *ui)
{
    g_atomic_int_inc(&((CuFacet *)ui)->owner->refs);
}

static void SAL_CALL facet_release(uno_Interface *ui)
{
    CuObject *o = ((CuFacet *)ui)->owner;
    if (g_atomic_int_dec_and_test(&o->refs)) {
        if (o->cls->destroy)
            o->cls->destroy(o);
        g_free(o);
    }
}

/* Answer queryInterface: the facet of the wanted type, or a void any. */
static void query_interface(CuObject *o, void *ret, void **args)
{
    typelib_TypeDescriptionReference *want = *(typelib_TypeDescriptionReference **)args[0];
    uno_Interface *found = NULL;
    if (cu_ustr_equals_ascii(want->pTypeName, "com.sun.star.uno.XInterface"))
        found = &o->facets[0].ui;
    for (guint i = 0; !found && o->cls->interfaces[i].type_name; i++)
        if (cu_ustr_equals_ascii(want->pTypeName, o->cls->interfaces[i].type_name))
            found = &o->facets[i].ui;
    if (!found) {
        uno_any_construct((uno_Any *)ret, NULL, NULL, NULL);
        return;
    }
    typelib_TypeDescription *td = NULL;
    typelib_typedescriptionreference_getDescription(&td, want);
    uno_any_construct((uno_Any *)ret, &found, td, NULL); /* acquires found */
    typelib_typedescription_release(td);
}

static void SAL_CALL facet_dispatch(uno_Interface *ui, const typelib_TypeDescription *member,
                                    void *ret, void **args, uno_Any **exc)
{
    CuFacet *f = (CuFacet *)ui;
    CuObject *o = f->owner;
    uno_Any *exc_storage = *exc; /* caller's storage: we construct into it only to raise */
    *exc = NULL;
    sal_Int32 pos = ((const typelib_InterfaceMemberTypeDescription *)member)->nPosition;
    switch (pos) {
    case CU_POS_QUERY_INTERFACE:
        query_interface(o, ret, args);
        return;
    case CU_POS_ACQUIRE:
        facet_acquire(ui);
        return;
    case CU_POS_RELEASE:
        facet_release(ui);
        return;
    default:
        break;
    }
    CuCallFn call = o->cls->interfaces[f->index].call;
    if (call && call(o, f->index, pos, member, ret, args, exc_storage)) {
        *exc = exc_storage;
        return;
    }
    if (!call) { /* a member we never declared: tell the caller instead of crashing */
        cu_throw_runtime(exc_storage, "Pipecalc: member not implemented");
        *exc = exc_storage;
    }
}

void *cu_object_new(const CuClass *cls, gsize size)
{
    g_return_val_if_fail(size >= sizeof(CuObject), NULL);
    CuObject *o = g_try_malloc0(size);
    if (!o)
        return NULL;
    o->cls = cls;
    o->refs = 1;
    for (guint i = 0; cls->interfaces[i].type_name; i++) {
        g_return_val_if_fail(i < CU_MAX_FACETS, NULL);
        o->facets[i].ui.acquire = facet_acquire;
        o->facets[i].ui.release = facet_release;
        o->facets[i].ui.pDispatcher = facet_dispatch;
        o->facets[i].owner = o;
        o->facets[i].index = i;
    }
    return o;
}

/* Store in RET a new sequence of type SEQ_TYPE ("[]type") copying the N ELEMENTS. */
static void return_sequence(void *ret, const char *seq_type, void *elements, sal_Int32 n)
{
    typelib_TypeDescriptionReference *type = NULL;
    typelib_typedescriptionreference_newByAsciiName(&type, typelib_TypeClass_SEQUENCE, seq_type);
    uno_Sequence *seq = NULL;
    uno_type_sequence_construct(&seq, type, elements, n, NULL);
    *(uno_Sequence **)ret = seq;
    typelib_typedescriptionreference_release(type);
}

static void return_types(CuObject *o, void *ret)
{
    typelib_TypeDescriptionReference *refs[CU_MAX_FACETS] = { 0 };
    sal_Int32 n = 0;
    for (; o->cls->interfaces[n].type_name; n++)
        typelib_typedescriptionreference_newByAsciiName(&refs[n], typelib_TypeClass_INTERFACE,
                                                        o->cls->interfaces[n].type_name);
    return_sequence(ret, "[]type", refs, n);
    for (sal_Int32 i = 0; i < n; i++)
        typelib_typedescriptionreference_release(refs[i]);
}

static void return_services(CuObject *o, void *ret)
{
    sal_Int32 n = 0;
    while (o->cls->services[n])
        n++;
    rtl_uString **names = g_new0(rtl_uString *, n + 1);
    for (sal_Int32 i = 0; i < n; i++)
        rtl_uString_newFromAscii(&names[i], o->cls->services[i]);
    return_sequence(ret, "[]string", names, n);
    for (sal_Int32 i = 0; i < n; i++)
        rtl_uString_release(names[i]);
    g_free(names);
}

gboolean cu_object_standard_call(CuObject *self, guint iface, sal_Int32 pos,
                                 const typelib_TypeDescription *member, void *ret, void **args,
                                 uno_Any *exc_storage)
{
    (void)member;
    const char *type = self->cls->interfaces[iface].type_name;
    if (strcmp(type, "com.sun.star.lang.XTypeProvider") == 0) {
        if (pos == CU_POS_TYPES)
            return_types(self, ret);
        else
            return_sequence(ret, "[]byte", NULL, 0);
        return FALSE;
    }
    if (strcmp(type, "com.sun.star.lang.XServiceInfo") == 0) {
        switch (pos) {
        case CU_POS_IMPL_NAME:
            rtl_uString_newFromAscii((rtl_uString **)ret, self->cls->implementation_name);
            return FALSE;
        case CU_POS_SUPPORTS: {
            const rtl_uString *want = *(rtl_uString **)args[0];
            sal_Bool yes = sal_False;
            for (const char *const *s = self->cls->services; *s && !yes; s++)
                yes = cu_ustr_equals_ascii(want, *s);
            *(sal_Bool *)ret = yes;
            return FALSE;
        }
        case CU_POS_SERVICES:
            return_services(self, ret);
            return FALSE;
        default:
            break;
        }
    }
    cu_throw_runtime(exc_storage, "Pipecalc: member not implemented");
    return TRUE;
}

gboolean cu_each_member(const char *iface, CuMemberVisit visit, gpointer user_data)
{
    typelib_TypeDescription *td = NULL;
    rtl_uString *name = NULL;
    rtl_uString_newFromAscii(&name, iface);
    typelib_typedescription_getByName(&td, name);
    rtl_uString_release(name);
    if (!td)
        return FALSE;
    const typelib_InterfaceTypeDescription *itd = (const typelib_InterfaceTypeDescription *)td;
    for (sal_Int32 pos = CU_POS_FIRST_OWN; pos < itd->nAllMembers; pos++) {
        typelib_TypeDescription *member = NULL;
        typelib_typedescriptionreference_getDescription(&member, itd->ppAllMembers[pos]);
        if (!member)
            continue;
        visit(pos, (const typelib_InterfaceMemberTypeDescription *)member, user_data);
        typelib_typedescription_release(member);
    }
    typelib_typedescription_release(td);
    return TRUE;
}
