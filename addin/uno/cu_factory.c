/* cu_factory.c - the component factory handed to LibreOffice's shared-library loader. */
#include "cu_factory.h"

#include "cu_except.h"

typedef struct {
    CuObject base;
    CuClass cls; /* per factory: implementation name and services differ */
    CuCreateFn create;
} Factory;

enum { POS_CREATE_WITH_CONTEXT = 3, POS_CREATE_WITH_ARGUMENTS_AND_CONTEXT = 4 };

static gboolean factory_call(CuObject *self, guint iface, sal_Int32 pos,
                             const typelib_TypeDescription *member, void *ret, void **args,
                             uno_Any *exc_storage)
{
    (void)iface; (void)member;
    uno_Interface *context = NULL;
    if (pos == POS_CREATE_WITH_CONTEXT)
        context = *(uno_Interface **)args[0];
    else if (pos == POS_CREATE_WITH_ARGUMENTS_AND_CONTEXT)
        context = *(uno_Interface **)args[1];
    else {
        cu_throw_runtime(exc_storage, "Pipecalc: member not implemented");
        return TRUE;
    }
    CuObject *o = ((Factory *)self)->create(context);
    if (!o) {
        cu_throw_runtime(exc_storage, "Pipecalc: out of memory");
        return TRUE;
    }
    *(uno_Interface **)ret = cu_object_interface(o); /* our one reference passes on */
    return FALSE;
}

static const CuInterface FACTORY_INTERFACES[] = {
    { "com.sun.star.lang.XSingleComponentFactory", factory_call },
    { "com.sun.star.lang.XServiceInfo", cu_object_standard_call },
    { "com.sun.star.lang.XTypeProvider", cu_object_standard_call },
    { NULL, NULL },
};

CuObject *cu_factory_new(const char *implementation_name, const char *const *services,
                         CuCreateFn create)
{
    /* the class lives inside the object: set it up before the object is used */
    static const CuClass PROTO = { NULL, NULL, FACTORY_INTERFACES, NULL };
    Factory *f = cu_object_new(&PROTO, sizeof(Factory));
    if (!f)
        return NULL;
    f->cls = PROTO;
    f->cls.implementation_name = implementation_name;
    f->cls.services = services;
    f->base.cls = &f->cls;
    f->create = create;
    return &f->base;
}
