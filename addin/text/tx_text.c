/* tx_text.c - the English and German texts, and reading the UI language. */
#include "tx_text.h"

#include "tx.h"

#include "cu_call.h"
#include "cu_string.h"
#include "cu_props.h"

#include <math.h>
#include <string.h>

/* role                 English | German */
static const char *const ROLE_NAMES[PC_N_ROLES][2] = {
    [PC_ROLE_ATTRIBUTE] = { "scoring attribute", "Bewertungsmerkmal" },
    [PC_ROLE_NAME] = { "deal name", "Name" },
    [PC_ROLE_ID] = { "ID (not used)", "ID (nicht verwendet)" },
    [PC_ROLE_STAGE] = { "stage", "Phase" },
    [PC_ROLE_AMOUNT] = { "amount", "Betrag" },
    [PC_ROLE_PROBABILITY] = { "probability", "Wahrscheinlichkeit" },
    [PC_ROLE_CLOSE_DATE] = { "close date", "Abschlussdatum" },
    [PC_ROLE_OWNER] = { "owner", "Verantwortlich" },
    [PC_ROLE_OUTCOME] = { "outcome", "Ergebnis" },
    [PC_ROLE_CREATED] = { "created", "Erstellt" },
    [PC_ROLE_CURRENCY] = { "currency", "Währung" },
    [PC_ROLE_IGNORED] = { "not used", "nicht verwendet" },
};

/* role                 English | German: the panel's role boxes */
static const char *const ROLE_LABELS[PC_N_ROLES][2] = {
    [PC_ROLE_NAME] = { "Deal name:", "Dealname:" },
    [PC_ROLE_STAGE] = { "Stage:", "Phase:" },
    [PC_ROLE_AMOUNT] = { "Amount:", "Betrag:" },
    [PC_ROLE_PROBABILITY] = { "Probability:", "Wahrscheinlichkeit:" },
    [PC_ROLE_CLOSE_DATE] = { "Close date:", "Abschlussdatum:" },
    [PC_ROLE_OWNER] = { "Owner:", "Verantwortlich:" },
    [PC_ROLE_OUTCOME] = { "Outcome:", "Ergebnis:" },
    [PC_ROLE_CREATED] = { "Created:", "Erstellt:" },
    [PC_ROLE_CURRENCY] = { "Currency:", "Währung:" },
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
    return role < PC_N_ROLES ? ROLE_NAMES[role][tx_text_german()] : "?";
}

const char *tx_role_label(PcRole role)
{
    return role < PC_N_ROLES && ROLE_LABELS[role][0] ? ROLE_LABELS[role][tx_text_german()] : "?";
}
