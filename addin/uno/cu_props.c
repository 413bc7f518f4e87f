/* cu_props.c - strings, anys, properties and grids over cu_call. */
#include "cu_props.h"

#include "cu_object.h"
#include "cu_string.h"

#include <string.h>

static gboolean struct_size_is(const char *type, gsize size)
{
    CuStruct s;
    if (!cu_struct_init(&s, type))
        return FALSE;
    gboolean same = (gsize)s.td->nSize == size;
    cu_struct_clear(&s);
    return same;
}

static gpointer check_layouts_once(gpointer unused)
{
    (void)unused;
    gboolean ok = struct_size_is("com.sun.star.table.CellRangeAddress", sizeof(CuRange)) &&
                  struct_size_is("com.sun.star.table.CellAddress", sizeof(CuCell));
    return GINT_TO_POINTER(ok ? 1 : 2);
}

gboolean cu_uno_check_layouts(void)
{
    static GOnce once = G_ONCE_INIT;
    return GPOINTER_TO_INT(g_once(&once, check_layouts_once, NULL)) == 1;
}

uno_Interface *cu_any_query(const uno_Any *a, const char *iface)
{
    uno_Interface *i = cu_any_interface(a);
    return i ? cu_query(i, iface) : NULL;
}

uno_Interface *cu_call_iface(uno_Interface *obj, CuMethod *m, void **args, const char *iface,
                             GError **error)
{
    uno_Interface *r = NULL;
    if (!cu_call(obj, m, &r, args, error))
        return NULL;
    if (!r || !iface)
        return r;
    uno_Interface *q = cu_query(r, iface);
    r->release(r);
    if (!q)
        g_set_error(error, CU_ERROR, CU_ERROR_UNEXPECTED, "%s.%s returned no %s", m->iface, m->member, iface);
    return q;
}

uno_Interface *cu_call_any_iface(uno_Interface *obj, CuMethod *m, void **args, const char *iface,
                                 GError **error)
{
    uno_Any a;
    if (!cu_call(obj, m, &a, args, error))
        return NULL;
    uno_Interface *q = cu_any_query(&a, iface);
    uno_any_destruct(&a, NULL);
    if (!q)
        g_set_error(error, CU_ERROR, CU_ERROR_UNEXPECTED, "%s.%s returned no %s", m->iface, m->member, iface);
    return q;
}

gboolean cu_call_str(uno_Interface *obj, CuMethod *m, const char *utf8, void *ret, GError **error)
{
    rtl_uString *s = cu_ustr_from_utf8(utf8);
    void *args[1] = { &s };
    gboolean ok = cu_call(obj, m, ret, args, error);
    rtl_uString_release(s);
    return ok;
}

gboolean cu_get_property(uno_Interface *obj, const char *name, uno_Any *value, GError **error)
{
    static CuMethod get = CU_METHOD("com.sun.star.beans.XPropertySet", "getPropertyValue");
    return cu_call_str(obj, &get, name, value, error);
}

gboolean cu_set_property_any(uno_Interface *obj, const char *name, uno_Any *value, GError **error)
{
    static CuMethod set = CU_METHOD("com.sun.star.beans.XPropertySet", "setPropertyValue");
    rtl_uString *n = cu_ustr_from_utf8(name);
    void *args[2] = { &n, value };
    gboolean ok = cu_call(obj, &set, NULL, args, error);
    rtl_uString_release(n);
    return ok;
}

gboolean cu_set_property(uno_Interface *obj, const char *name, typelib_TypeClass tc,
                         void *value, GError **error)
{
    uno_Any a;
    uno_type_any_construct(&a, value, *typelib_static_type_getByTypeClass(tc), NULL);
    gboolean ok = cu_set_property_any(obj, name, &a, error);
    uno_any_destruct(&a, NULL);
    return ok;
}

/* The sequence type NAME, made once into *SLOT (a static: kept for the process); the
 * first of two racing threads wins, the other's copy is released. */
static typelib_TypeDescriptionReference *sequence_type(typelib_TypeDescriptionReference **slot,
                                                       const char *name)
{
    if (!g_atomic_pointer_get(slot)) {
        typelib_TypeDescriptionReference *n = NULL;
        typelib_typedescriptionreference_newByAsciiName(&n, typelib_TypeClass_SEQUENCE, name);
        if (!g_atomic_pointer_compare_and_exchange(slot, NULL, n))
            typelib_typedescriptionreference_release(n);
    }
    return g_atomic_pointer_get(slot);
}

/* ---- sequence< PropertyValue > ---------------------------------------------------------- */

#define PROPS_TYPE "[]com.sun.star.beans.PropertyValue"

/* Where Name and Value sit in a PropertyValue, and its size: read from the type library
 * once rather than mirrored in C (its Value is an any, whose layout is the bridge's). */
typedef struct {
    gsize size, name_off, value_off;
} PropsLayout;

static gpointer props_layout_once(gpointer unused)
{
    (void)unused;
    CuStruct pv;
    if (!cu_struct_init(&pv, "com.sun.star.beans.PropertyValue"))
        return NULL;
    PropsLayout *l = g_new(PropsLayout, 1); /* kept for the process */
    l->size = (gsize)pv.td->nSize;
    l->name_off = (gsize)((char *)cu_struct_field(&pv, "Name") - (char *)pv.data);
    l->value_off = (gsize)((char *)cu_struct_field(&pv, "Value") - (char *)pv.data);
    cu_struct_clear(&pv);
    return l;
}

static const PropsLayout *props_layout(void)
{
    static GOnce once = G_ONCE_INIT;
    return g_once(&once, props_layout_once, NULL);
}

static typelib_TypeDescriptionReference *props_type(void)
{
    static typelib_TypeDescriptionReference *t;
    return sequence_type(&t, PROPS_TYPE);
}

uno_Sequence *cu_props_new(sal_Int32 n)
{
    if (!props_layout())
        return NULL;
    uno_Sequence *seq = NULL;
    return uno_type_sequence_construct(&seq, props_type(), NULL, n, NULL) ? seq : NULL;
}

void cu_props_put(uno_Sequence *props, sal_Int32 i, const char *name, void *value,
                  typelib_TypeDescriptionReference *type)
{
    const PropsLayout *l = props_layout();
    g_return_if_fail(props && l && i >= 0 && i < props->nElements);
    char *elem = props->elements + (gsize)i * l->size;
    rtl_uString *s = cu_ustr_from_utf8(name);
    rtl_uString_assign((rtl_uString **)(elem + l->name_off), s);
    rtl_uString_release(s);
    uno_type_any_assign((uno_Any *)(elem + l->value_off), value, type, NULL, NULL);
}

void cu_props_put_str(uno_Sequence *props, sal_Int32 i, const char *name, const char *utf8)
{
    rtl_uString *s = cu_ustr_from_utf8(utf8);
    cu_props_put(props, i, name, &s, *typelib_static_type_getByTypeClass(typelib_TypeClass_STRING));
    rtl_uString_release(s);
}

void cu_props_free(uno_Sequence *props)
{
    if (props)
        uno_type_destructData(&props, props_type(), NULL);
}

static typelib_TypeDescriptionReference *grid_type(void)
{
    static typelib_TypeDescriptionReference *t;
    return sequence_type(&t, "[][]any");
}

static typelib_TypeDescriptionReference *row_type(void)
{
    static typelib_TypeDescriptionReference *t;
    return sequence_type(&t, "[]any");
}

uno_Sequence *cu_grid_new(gsize rows, gsize cols)
{
    uno_Sequence *outer = NULL;
    uno_type_sequence_construct(&outer, grid_type(), NULL, (sal_Int32)rows, NULL);
    uno_Sequence **row_seqs = (uno_Sequence **)outer->elements;
    for (gsize r = 0; r < rows; r++) {
        uno_Sequence *seq = NULL;
        uno_type_sequence_construct(&seq, row_type(), NULL, (sal_Int32)cols, NULL);
        uno_Sequence *old = row_seqs[r];
        row_seqs[r] = seq;
        uno_type_destructData(&old, row_type(), NULL);
        /* "" leaves a cell empty; a void any would make it #N/A (and some shapes of void
         * cells crash Calc 7.4's setDataArray) */
        for (gsize c = 0; c < cols; c++)
            cu_grid_set_text(outer, r, c, "");
    }
    return outer;
}

static uno_Any *grid_cell(uno_Sequence *grid, gsize row, gsize col)
{
    uno_Sequence *r = ((uno_Sequence **)grid->elements)[row];
    return &((uno_Any *)r->elements)[col];
}

void cu_grid_set_number(uno_Sequence *grid, gsize row, gsize col, double value)
{
    uno_type_any_assign(grid_cell(grid, row, col), &value,
                        *typelib_static_type_getByTypeClass(typelib_TypeClass_DOUBLE), NULL, NULL);
}

void cu_grid_set_text(uno_Sequence *grid, gsize row, gsize col, const char *utf8)
{
    rtl_uString *s = cu_ustr_from_utf8(utf8);
    uno_type_any_assign(grid_cell(grid, row, col), &s,
                        *typelib_static_type_getByTypeClass(typelib_TypeClass_STRING), NULL, NULL);
    rtl_uString_release(s);
}

void cu_grid_free(uno_Sequence *grid)
{
    if (grid)
        uno_type_destructData(&grid, grid_type(), NULL);
}

/* ---- sequence< CellRangeAddress > ------------------------------------------------------- */

static typelib_TypeDescriptionReference *ranges_type(void)
{
    static typelib_TypeDescriptionReference *t;
    return sequence_type(&t, "[]com.sun.star.table.CellRangeAddress");
}

uno_Sequence *cu_ranges_new(const CuRange *r, gsize n)
{
    uno_Sequence *seq = NULL;
    if (n > G_MAXINT32 || !uno_type_sequence_construct(&seq, ranges_type(), (void *)r, (sal_Int32)n, NULL))
        return NULL;
    return seq;
}

void cu_ranges_free(uno_Sequence *ranges)
{
    if (ranges)
        uno_type_destructData(&ranges, ranges_type(), NULL);
}

typedef struct {
    const char *const *names;
    sal_Int32 *pos;
    int n;
} MemberMatch;

static void match_member(sal_Int32 p, const typelib_InterfaceMemberTypeDescription *m, gpointer data)
{
    MemberMatch *mm = data;
    for (int i = 0; i < mm->n; i++)
        if (cu_ustr_equals_ascii(m->pMemberName, mm->names[i]))
            mm->pos[i] = p;
}

void cu_members_resolve(const char *iface, const char *const *names, sal_Int32 *pos, int n)
{
    for (int i = 0; i < n; i++)
        pos[i] = -1;
    MemberMatch mm = { names, pos, n };
    cu_each_member(iface, match_member, &mm);
}

/* ---- the document's user-defined text properties ------------------------------------ */

enum { PROPERTY_REMOVABLE = 128 }; /* com.sun.star.beans.PropertyAttribute */

/* The document's user-defined properties (XPropertyContainer). */
static uno_Interface *user_properties(uno_Interface *model, GError **error)
{
    static CuMethod get_props = CU_METHOD("com.sun.star.document.XDocumentPropertiesSupplier",
                                          "getDocumentProperties");
    static CuMethod get_user = CU_METHOD("com.sun.star.document.XDocumentProperties",
                                         "getUserDefinedProperties");
    uno_Interface *props = cu_call_iface(model, &get_props, NULL, NULL, error);
    uno_Interface *user = props ? cu_call_iface(props, &get_user, NULL, NULL, error) : NULL;
    cu_release(props);
    if (!user && error && !*error)
        g_set_error(error, CU_ERROR, CU_ERROR_MISSING, "the document properties are missing");
    return user;
}

char *cu_doc_text(uno_Interface *model, const char *property)
{
    uno_Interface *user = user_properties(model, NULL);
    uno_Any a;
    char *text = NULL;
    if (user && cu_get_property(user, property, &a, NULL)) {
        if (a.pType->eTypeClass == typelib_TypeClass_STRING)
            text = cu_ustr_to_utf8(*(rtl_uString **)a.pData);
        uno_any_destruct(&a, NULL);
    }
    cu_release(user);
    return text ? text : g_strdup("");
}

gboolean cu_set_doc_text(uno_Interface *model, const char *property, const char *text,
                         GError **error)
{
    static CuMethod add = CU_METHOD("com.sun.star.beans.XPropertyContainer", "addProperty");
    uno_Interface *user = user_properties(model, error);
    if (!user)
        return FALSE;
    rtl_uString *value = cu_ustr_from_utf8(text);
    uno_Any old;
    gboolean ok;
    if (cu_get_property(user, property, &old, NULL)) {
        uno_any_destruct(&old, NULL);
        ok = cu_set_property(user, property, typelib_TypeClass_STRING, &value, error);
    } else {
        rtl_uString *name = cu_ustr_from_utf8(property);
        sal_Int16 attrs = PROPERTY_REMOVABLE;
        uno_Any def;
        uno_type_any_construct(&def, &value, *typelib_static_type_getByTypeClass(typelib_TypeClass_STRING),
                               NULL);
        void *args[3] = { &name, &attrs, &def };
        ok = cu_call(user, &add, NULL, args, error);
        uno_any_destruct(&def, NULL);
        rtl_uString_release(name);
    }
    rtl_uString_release(value);
    user->release(user);
    return ok;
}

