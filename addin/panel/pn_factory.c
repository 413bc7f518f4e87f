/* pn_factory.c - createUIElement: reads the sidebar's arguments, makes the panel. */
#include "pn_factory.h"

#include "cu_call.h"
#include "cu_except.h"
#include "cu_string.h"
#include "pn_panel.h"

enum { POS_CREATE_UI_ELEMENT = 3 }; /* XUIElementFactory's only member, after XInterface */

typedef struct {
    CuObject base;
    uno_Interface *context;
} Factory;

/* The interface of argument NAME in ARGS (sequence< PropertyValue >), not acquired. */
static uno_Interface *argument(const uno_Sequence *args, const CuStruct *pv, const char *name)
{
    gsize name_off = (gsize)((char *)cu_struct_field(pv, "Name") - (char *)pv->data);
    gsize value_off = (gsize)((char *)cu_struct_field(pv, "Value") - (char *)pv->data);
    for (sal_Int32 i = 0; i < args->nElements; i++) {
        const char *el = args->elements + (gsize)i * (gsize)pv->td->nSize;
        if (cu_ustr_equals_ascii(*(rtl_uString *const *)(el + name_off), name))
            return cu_any_interface((const uno_Any *)(el + value_off));
    }
    return NULL;
}

static gboolean factory_call(CuObject *self, guint iface, sal_Int32 pos,
                             const typelib_TypeDescription *member, void *ret, void **args,
                             uno_Any *exc_storage)
{
    (void)member;
    if (iface != 0 || pos != POS_CREATE_UI_ELEMENT)
        return cu_object_standard_call(self, iface, pos, member, ret, args, exc_storage);
    rtl_uString *url = *(rtl_uString **)args[0];
    const uno_Sequence *props = *(uno_Sequence **)args[1];
    CuStruct pv;
    CuObject *panel = NULL;
    if (cu_struct_init(&pv, "com.sun.star.beans.PropertyValue")) {
        uno_Interface *parent = argument(props, &pv, "ParentWindow");
        if (parent)
            panel = pn_panel_new(((Factory *)self)->context, parent, argument(props, &pv, "Frame"),
                                 argument(props, &pv, "Sidebar"), url);
        cu_struct_clear(&pv);
    }
    if (!panel) {
        cu_throw_illegal_argument(exc_storage, "Pipecalc: the sidebar panel could not be created", 1);
        return TRUE;
    }
    *(uno_Interface **)ret = cu_object_interface(panel); /* XUIElement: our reference passes on */
    return FALSE;
}

static void factory_destroy(CuObject *self)
{
    cu_release(((Factory *)self)->context);
}

static const CuInterface FACTORY_INTERFACES[] = {
    { "com.sun.star.ui.XUIElementFactory", factory_call },
    { "com.sun.star.lang.XServiceInfo", cu_object_standard_call },
    { "com.sun.star.lang.XTypeProvider", cu_object_standard_call },
    { NULL, NULL },
};
static const char *const FACTORY_SERVICES[] = { PN_FACTORY_IMPLEMENTATION, "com.sun.star.ui.UIElementFactory",
                                                NULL };
static const CuClass FACTORY_CLASS = { PN_FACTORY_IMPLEMENTATION, FACTORY_SERVICES, FACTORY_INTERFACES,
                                       factory_destroy };

CuObject *pn_factory_new(uno_Interface *context)
{
    Factory *f = cu_object_new(&FACTORY_CLASS, sizeof(Factory));
    if (f && context) {
        f->context = context;
        context->acquire(context);
    }
    return f ? &f->base : NULL;
}
