/* tx_text.c - reading the UI language; numbers, error and role names in it. */
#include "tx_text.h"

#include "tx.h"

#include "cu_call.h"
#include "cu_string.h"
#include "cu_props.h"

#include <math.h>
#include <string.h>

/* the name of each role, as "Columns:" lists them and as a header may name the column */
static const char *const ROLE_NAMES[PC_N_ROLES] = {
    [PC_ROLE_ATTRIBUTE] = N_("scoring attribute"),
    [PC_ROLE_NAME] = N_("deal name"),
    [PC_ROLE_ID] = N_("ID (not used)"),
    [PC_ROLE_STAGE] = N_("stage"),
    [PC_ROLE_AMOUNT] = N_("amount"),
    [PC_ROLE_PROBABILITY] = N_("probability"),
    [PC_ROLE_CLOSE_DATE] = N_("close date"),
    [PC_ROLE_OWNER] = N_("owner"),
    [PC_ROLE_OUTCOME] = N_("outcome"),
    [PC_ROLE_CREATED] = N_("created"),
    [PC_ROLE_CURRENCY] = N_("currency"),
    [PC_ROLE_IGNORED] = N_("not used"),
};

/* the panel's role boxes (roles of one column only) */
static const char *const ROLE_LABELS[PC_N_ROLES] = {
    [PC_ROLE_NAME] = N_("Deal name:"),
    [PC_ROLE_STAGE] = N_("Stage:"),
    [PC_ROLE_AMOUNT] = N_("Amount:"),
    [PC_ROLE_PROBABILITY] = N_("Probability:"),
    [PC_ROLE_CLOSE_DATE] = N_("Close date:"),
    [PC_ROLE_OWNER] = N_("Owner:"),
    [PC_ROLE_OUTCOME] = N_("Outcome:"),
    [PC_ROLE_CREATED] = N_("Created:"),
    [PC_ROLE_CURRENCY] = N_("Currency:"),
};

static gint german = -1; /* -1 until tx_text_init */

/* ooLocale from the configuration, "" when unset (then the office follows the system). */
static char *configured_locale(uno_Interface *context)
{
    static CuMethod get_smgr = CU_METHOD("com.sun.star.uno.XComponentContext", "getServiceManager");
    static CuMethod create = CU_METHOD("com.sun.star.lang.XMultiComponentFactory", "createInstanceWithContext");
    static CuMethod create_args = CU_METHOD("com.sun.star.lang.XMultiServiceFactory",
                                            "createInstanceWithArguments");
    static CuMethod by_name = CU_METHOD("com.sun.star.container.XNameAccess", "getByName");
    char *locale = NULL;
    uno_Interface *smgr = cu_call_iface(context, &get_smgr, NULL, NULL, NULL);
    rtl_uString *service = cu_ustr_from_utf8("com.sun.star.configuration.ConfigurationProvider");
    void *a1[2] = { &service, &context };
    uno_Interface *provider = smgr ? cu_call_iface(smgr, &create, a1, NULL, NULL) : NULL;
    rtl_uString_release(service);
    CuStruct pv;
    if (provider && cu_struct_init(&pv, "com.sun.star.beans.PropertyValue")) {
        rtl_uString **name = cu_struct_field(&pv, "Name");
        rtl_uString *n = cu_ustr_from_utf8("nodepath"), *path = cu_ustr_from_utf8("/org.openoffice.Setup/L10N");
        rtl_uString_assign(name, n);
        uno_type_any_assign(cu_struct_field(&pv, "Value"), &path,
                            *typelib_static_type_getByTypeClass(typelib_TypeClass_STRING), NULL, NULL);
        uno_Any arg;
        uno_any_construct(&arg, pv.data, pv.td, NULL);
        typelib_TypeDescriptionReference *seq_type = NULL;
        typelib_typedescriptionreference_newByAsciiName(&seq_type, typelib_TypeClass_SEQUENCE, "[]any");
        uno_Sequence *args = NULL;
        uno_type_sequence_construct(&args, seq_type, &arg, 1, NULL);
        rtl_uString *access_name = cu_ustr_from_utf8("com.sun.star.configuration.ConfigurationAccess");
        void *a2[2] = { &access_name, &args };
        uno_Interface *access = cu_call_iface(provider, &create_args, a2, NULL, NULL);
        uno_Any value;
        if (access && cu_call_str(access, &by_name, "ooLocale", &value, NULL)) {
            if (value.pType->eTypeClass == typelib_TypeClass_STRING)
                locale = cu_ustr_to_utf8(*(rtl_uString **)value.pData);
            uno_any_destruct(&value, NULL);
        }
        cu_release(access);
        rtl_uString_release(access_name);
        uno_type_destructData(&args, seq_type, NULL);
        typelib_typedescriptionreference_release(seq_type);
        uno_any_destruct(&arg, NULL);
        rtl_uString_release(n);
        rtl_uString_release(path);
        cu_struct_clear(&pv);
    }
    cu_release(provider);
    cu_release(smgr);
    return locale ? locale : g_strdup("");
}

void tx_text_init(uno_Interface *context)
{
    if (g_atomic_int_get(&german) >= 0 || !context)
        return;
    char *locale = configured_locale(context);
    const char *lang = *locale ? locale : g_get_language_names()[0];
    tx_set_language(lang);
    g_atomic_int_set(&german, g_ascii_strncasecmp(tx_language(), "de", 2) == 0 ? 1 : 0);
    g_free(locale);
}

gboolean tx_text_german(void)
{
    return g_atomic_int_get(&german) == 1;
}

char *tx_text_number(double v, int decimals)
{
    char raw[64];
    if (!isfinite(v) || fabs(v) >= 1e15)
        return g_strdup(g_ascii_formatd(raw, sizeof raw, "%.6g", v));
    static const char *const FORMATS[] = { "%.0f", "%.1f", "%.2f", "%.3f", "%.4f", "%.5f", "%.6f" };
    g_ascii_formatd(raw, sizeof raw, FORMATS[CLAMP(decimals, 0, 6)], v); /* '.', no grouping */
    if (raw[0] == '-' && strspn(raw + 1, "0.") == strlen(raw + 1))
        memmove(raw, raw + 1, strlen(raw)); /* -0.004 is "0.00", not "-0.00" */
    gboolean de = tx_text_german();
    const char *digits = raw + (raw[0] == '-'), *point = strchr(digits, '.');
    gsize whole = point ? (gsize)(point - digits) : strlen(digits);
    GString *out = g_string_new(raw[0] == '-' ? "-" : "");
    for (gsize i = 0; i < whole; i++) {
        if (i && (whole - i) % 3 == 0)
            g_string_append_c(out, de ? '.' : ',');
        g_string_append_c(out, digits[i]);
    }
    if (point) {
        g_string_append_c(out, de ? ',' : '.');
        g_string_append(out, point + 1);
    }
    return g_string_free(out, FALSE);
}

const char *tx_role_name(PcRole role)
{
    return role < PC_N_ROLES ? _(ROLE_NAMES[role]) : "?";
}

const char *tx_role_label(PcRole role)
{
    return role < PC_N_ROLES && ROLE_LABELS[role] ? _(ROLE_LABELS[role]) : "?";
}
