/* cu_service.c - services by name and read-only configuration access. */
#include "cu_service.h"

#include "cu_call.h"
#include "cu_props.h"
#include "cu_string.h"

uno_Interface *cu_service_create(uno_Interface *context, const char *service, const char *iface)
{
    static CuMethod get_smgr = CU_METHOD("com.sun.star.uno.XComponentContext", "getServiceManager");
    static CuMethod create = CU_METHOD("com.sun.star.lang.XMultiComponentFactory", "createInstanceWithContext");
    uno_Interface *smgr = context ? cu_call_iface(context, &get_smgr, NULL, NULL, NULL) : NULL;
    rtl_uString *name = cu_ustr_from_utf8(service);
    void *args[2] = { &name, &context };
    uno_Interface *made = smgr ? cu_call_iface(smgr, &create, args, iface, NULL) : NULL;
    rtl_uString_release(name);
    cu_release(smgr);
    return made;
}

/* A read-only ConfigurationAccess of NODEPATH made by PROVIDER. */
static uno_Interface *config_access(uno_Interface *provider, const char *nodepath)
{
    static CuMethod create_args = CU_METHOD("com.sun.star.lang.XMultiServiceFactory",
                                            "createInstanceWithArguments");
    uno_Sequence *props = cu_props_new(1);
    if (!props)
        return NULL;
    cu_props_put_str(props, 0, "nodepath", nodepath);
    /* createInstanceWithArguments takes sequence< any >: the one PropertyValue in an any */
    typelib_TypeDescriptionReference *pv_type = NULL, *seq_type = NULL;
    typelib_typedescriptionreference_newByAsciiName(&pv_type, typelib_TypeClass_STRUCT,
                                                    "com.sun.star.beans.PropertyValue");
    typelib_typedescriptionreference_newByAsciiName(&seq_type, typelib_TypeClass_SEQUENCE, "[]any");
    uno_Any arg;
    uno_type_any_construct(&arg, props->elements, pv_type, NULL);
    uno_Sequence *args = NULL;
    uno_type_sequence_construct(&args, seq_type, &arg, 1, NULL);
    rtl_uString *service = cu_ustr_from_utf8("com.sun.star.configuration.ConfigurationAccess");
    void *a[2] = { &service, &args };
    uno_Interface *access = cu_call_iface(provider, &create_args, a, NULL, NULL);
    rtl_uString_release(service);
    uno_type_destructData(&args, seq_type, NULL);
    uno_any_destruct(&arg, NULL);
    typelib_typedescriptionreference_release(seq_type);
    typelib_typedescriptionreference_release(pv_type);
    cu_props_free(props);
    return access;
}

char *cu_config_string(uno_Interface *context, const char *nodepath, const char *name)
{
    static CuMethod by_name = CU_METHOD("com.sun.star.container.XNameAccess", "getByName");
    uno_Interface *provider = cu_service_create(context, "com.sun.star.configuration.ConfigurationProvider", NULL);
    uno_Interface *access = provider ? config_access(provider, nodepath) : NULL;
    char *text = NULL;
    uno_Any value;
    if (access && cu_call_str(access, &by_name, name, &value, NULL)) {
        if (value.pType->eTypeClass == typelib_TypeClass_STRING)
            text = cu_ustr_to_utf8(*(rtl_uString **)value.pData);
        uno_any_destruct(&value, NULL);
    }
    cu_release(access);
    cu_release(provider);
    return text;
}
