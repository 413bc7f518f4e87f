/* component.c - the two symbols LibreOffice's loader looks up in libpipecalc.so.
 * Everything else in the library is hidden (-fvisibility=hidden). */
#include "cu_factory.h"
#include "fn_addin.h"
#include "ac_service.h"
#include "pn_factory.h"
#include "pc_status.h"
#include "tx.h"

#include <string.h>

/* Declared here: the SDK declares these only in C++ headers (cppuhelper). */
SAL_DLLPUBLIC_EXPORT void SAL_CALL component_getImplementationEnvironment(const char **env_type_name,
                                                                        uno_Environment **env);
SAL_DLLPUBLIC_EXPORT void *SAL_CALL component_getFactory(const char *implementation_name,
                                                       void *service_manager, void *registry_key);

static CuObject *create_addin(uno_Interface *context)
{
    (void)context;
    return fn_addin_new();
}

static const char *const ADDIN_SERVICES[] = { "com.sun.star.sheet.AddIn", FN_ADDIN_IMPLEMENTATION,
                                              NULL };

static const char *const ACTIONS_SERVICES[] = { AC_SERVICE_IMPLEMENTATION, NULL };
static const char *const SIDEBAR_SERVICES[] = { PN_FACTORY_IMPLEMENTATION,
                                                "com.sun.star.ui.UIElementFactory", NULL };

/* Our objects speak binary UNO ("uno" environment): the loader maps them for C++. */
SAL_DLLPUBLIC_EXPORT void SAL_CALL component_getImplementationEnvironment(const char **env_type_name,
                                                                        uno_Environment **env)
{
    (void)env;
    *env_type_name = UNO_LB_UNO;
}

/* Return an acquired factory for IMPLEMENTATION_NAME, or NULL when it is not ours. */
SAL_DLLPUBLIC_EXPORT void *SAL_CALL component_getFactory(const char *implementation_name,
                                                       void *service_manager, void *registry_key)
{
    (void)service_manager; (void)registry_key;
    /* the core's messages in the UI language, from the same catalogues (idempotent) */
    pc_status_set_translate(tx);
    pc_status_set_translate_plural(tx_n);
    if (strcmp(implementation_name, FN_ADDIN_IMPLEMENTATION) == 0) {
        CuObject *f = cu_factory_new(FN_ADDIN_IMPLEMENTATION, ADDIN_SERVICES, create_addin);
        return f ? cu_object_interface(f) : NULL;
    }
    if (strcmp(implementation_name, AC_SERVICE_IMPLEMENTATION) == 0) {
        CuObject *f = cu_factory_new(AC_SERVICE_IMPLEMENTATION, ACTIONS_SERVICES, ac_service_new);
        return f ? cu_object_interface(f) : NULL;
    }
    if (strcmp(implementation_name, PN_FACTORY_IMPLEMENTATION) == 0) {
        CuObject *f = cu_factory_new(PN_FACTORY_IMPLEMENTATION, SIDEBAR_SERVICES, pn_factory_new);
        return f ? cu_object_interface(f) : NULL;
    }
    return NULL;
}
