/* cc_locale.c - the Locale setting, read once; parsing through LibreOffice's number scanner. */
#include "cc_locale.h"

#include "cu_call.h"
#include "cu_props.h"
#include "cu_service.h"
#include "cu_string.h"
#include "tx_text.h"

#include <math.h>
#include <string.h>

/* com.sun.star.util.NumberFormat: the types a parsed text can have */
enum { TYPE_DEFINED = 1, TYPE_DATE = 2, TYPE_TIME = 4, TYPE_CURRENCY = 8, TYPE_NUMBER = 16,
       TYPE_SCIENTIFIC = 32, TYPE_FRACTION = 64, TYPE_PERCENT = 128 };

/* The setting as com.sun.star.lang.Locale's fields, and the context for the services. */
typedef struct {
    char *tag, *language, *country, *variant;
    uno_Interface *context; /* the office's component context: it outlives every document */
} Setting;

static Setting *setting; /* set once by cc_locale_init, never freed */

/* The system's locale as LibreOffice takes it when the setting is empty: the first of
 * LC_ALL, LC_CTYPE, LANG that is set, "de_DE.UTF-8@euro" as "de-DE", C / POSIX as en-US. */
static char *system_tag(void)
{
    static const char *const VARIABLES[] = { "LC_ALL", "LC_CTYPE", "LANG" };
    const char *value = "";
    for (gsize i = 0; i < G_N_ELEMENTS(VARIABLES) && !*value; i++)
        value = g_getenv(VARIABLES[i]) ? g_getenv(VARIABLES[i]) : "";
    char *tag = g_strndup(value, strcspn(value, ".@"));
    g_strdelimit(tag, "_", '-');
    if (!*tag || strcmp(tag, "C") == 0 || strcmp(tag, "POSIX") == 0) {
        g_free(tag);
        tag = g_strdup("en-US");
    }
    return tag;
}

/* TAG's Locale fields as LibreOffice writes a language tag into a Locale: "de" or "de-CH"
 * as language and country; anything longer ("sr-Latn-RS") as language "qlt" with the
 * whole tag as the variant and its region as the country. */
static void split_tag(Setting *s)
{
    char **parts = g_strsplit(s->tag, "-", -1);
    guint n = g_strv_length(parts);
    gboolean simple = n == 1 || (n == 2 && strlen(parts[1]) == 2);
    s->language = g_strdup(simple ? parts[0] : "qlt");
    s->country = g_strdup("");
    s->variant = g_strdup(simple ? "" : s->tag);
    for (guint i = 1; i < n && !*s->country; i++) /* the region: its two letters */
        if (strlen(parts[i]) == 2) {
            g_free(s->country);
            s->country = g_ascii_strup(parts[i], -1);
        }
    g_strfreev(parts);
}

/* A com.sun.star.lang.Locale of the setting into L (cu_struct_clear it). */
static gboolean locale_struct(const Setting *s, CuStruct *l)
{
    if (!cu_struct_init(l, "com.sun.star.lang.Locale"))
        return FALSE;
    const char *fields[3][2] = { { "Language", s->language }, { "Country", s->country },
                                 { "Variant", s->variant } };
    for (gsize i = 0; i < G_N_ELEMENTS(fields); i++) {
        rtl_uString *v = cu_ustr_from_utf8(fields[i][1]);
        rtl_uString_assign(cu_struct_field(l, fields[i][0]), v);
        rtl_uString_release(v);
    }
    return TRUE;
}

/* String field NAME of the struct at DATA of type TD (UTF-8, g_free). */
static char *string_field(typelib_TypeDescription *td, void *data, const char *name)
{
    CuStruct view = { td, data };
    rtl_uString **field = cu_struct_field(&view, name);
    return field ? cu_ustr_to_utf8(*field) : g_strdup("");
}

/* Install the decimal and thousands separators of S's locale (LocaleData) for
 * tx_text_number; English ones stay when it cannot be read. */
static void install_separators(const Setting *s)
{
    static CuMethod get_item = CU_METHOD("com.sun.star.i18n.XLocaleData", "getLocaleItem");
    uno_Interface *data = cu_service_create(s->context, "com.sun.star.i18n.LocaleData", NULL);
    typelib_TypeDescription *td = NULL;
    rtl_uString *type = cu_ustr_from_utf8("com.sun.star.i18n.LocaleDataItem");
    typelib_typedescription_getByName(&td, type);
    rtl_uString_release(type);
    CuStruct locale;
    if (data && td && locale_struct(s, &locale)) {
        void *item = g_malloc(td->nSize); /* the call constructs the returned struct here */
        void *args[1] = { locale.data };
        if (cu_call(data, &get_item, item, args, NULL)) {
            char *decimal = string_field(td, item, "decimalSeparator");
            char *thousands = string_field(td, item, "thousandSeparator");
            tx_text_set_separators(decimal, thousands);
            g_free(decimal);
            g_free(thousands);
            uno_destructData(item, td, NULL);
        }
        g_free(item);
        cu_struct_clear(&locale);
    }
    if (td)
        typelib_typedescription_release(td);
    cu_release(data);
}

void cc_locale_init(uno_Interface *context)
{
    static gsize done = 0;
    if (!context || !g_once_init_enter(&done))
        return;
    Setting *s = g_new0(Setting, 1);
    char *configured = cu_config_string(context, "/org.openoffice.Setup/L10N", "ooSetupSystemLocale");
    s->tag = configured && *configured ? g_strdup(configured) : system_tag();
    g_free(configured);
    split_tag(s);
    s->context = context;
    context->acquire(context);
    install_separators(s);
    g_atomic_pointer_set(&setting, s);
    g_once_init_leave(&done, 1);
}

const char *cc_locale_tag(void)
{
    const Setting *s = g_atomic_pointer_get(&setting);
    return s ? s->tag : "en-US";
}

/* The key of the locale's standard number format among FORMATS (XNumberFormats), -1 when
 * it cannot be read. */
static sal_Int32 standard_key(const Setting *s, uno_Interface *formats)
{
    static CuMethod standard = CU_METHOD("com.sun.star.util.XNumberFormatTypes", "getStandardIndex");
    CuStruct locale;
    sal_Int32 key = -1;
    if (!locale_struct(s, &locale))
        return -1;
    void *args[1] = { locale.data };
    if (!cu_call(formats, &standard, &key, args, NULL))
        key = -1;
    cu_struct_clear(&locale);
    return key;
}

/* The NumberFormat type of format KEY among FORMATS, 0 when it cannot be read. */
static sal_Int16 format_type(uno_Interface *formats, sal_Int32 key)
{
    static CuMethod by_key = CU_METHOD("com.sun.star.util.XNumberFormats", "getByKey");
    void *args[1] = { &key };
    uno_Interface *format = cu_call_iface(formats, &by_key, args, NULL, NULL);
    uno_Any a;
    sal_Int16 type = 0;
    if (format && cu_get_property(format, "Type", &a, NULL)) {
        if (a.pType->eTypeClass == typelib_TypeClass_SHORT)
            type = *(sal_Int16 *)a.pData;
        uno_any_destruct(&a, NULL);
    }
    cu_release(format);
    return (sal_Int16)(type & ~TYPE_DEFINED); /* a format the user defined: its kind */
}

/* TEXT as Calc scans it typed into a cell of MODEL with the locale's standard format:
 * its value into *VALUE and the type of the format Calc recognises into *TYPE. FALSE
 * when Calc takes it for text. */
static gboolean scan(uno_Interface *model, const char *text, double *value, sal_Int16 *type)
{
    static CuMethod attach = CU_METHOD("com.sun.star.util.XNumberFormatter", "attachNumberFormatsSupplier");
    static CuMethod detect = CU_METHOD("com.sun.star.util.XNumberFormatter", "detectNumberFormat");
    static CuMethod convert = CU_METHOD("com.sun.star.util.XNumberFormatter", "convertStringToNumber");
    static CuMethod get_formats = CU_METHOD("com.sun.star.util.XNumberFormatsSupplier", "getNumberFormats");
    const Setting *s = g_atomic_pointer_get(&setting);
    uno_Interface *supplier = s && model ? cu_query(model, "com.sun.star.util.XNumberFormatsSupplier") : NULL;
    uno_Interface *formatter = supplier ? cu_service_create(s->context, "com.sun.star.util.NumberFormatter", NULL)
                                        : NULL;
    uno_Interface *formats = formatter ? cu_call_iface(supplier, &get_formats, NULL, NULL, NULL) : NULL;
    void *attach_args[1] = { &supplier };
    sal_Int32 key = formats && cu_call(formatter, &attach, NULL, attach_args, NULL) ? standard_key(s, formats) : -1;
    char *trimmed = g_strstrip(g_strdup(text ? text : ""));
    rtl_uString *typed = cu_ustr_from_utf8(trimmed);
    void *args[2] = { &key, &typed };
    sal_Int32 found = -1;
    gboolean ok = key >= 0 && *trimmed && cu_call(formatter, &detect, &found, args, NULL) &&
                  cu_call(formatter, &convert, value, args, NULL) && isfinite(*value);
    *type = ok ? format_type(formats, found) : 0;
    rtl_uString_release(typed);
    g_free(trimmed);
    cu_release(formats);
    cu_release(formatter);
    cu_release(supplier);
    return ok;
}

gboolean cc_locale_parse_number(uno_Interface *model, const char *text, double *value)
{
    double v = 0;
    sal_Int16 type = 0;
    if (!scan(model, text, &v, &type))
        return FALSE;
    switch (type) {
    case TYPE_NUMBER: case TYPE_PERCENT: case TYPE_CURRENCY: case TYPE_SCIENTIFIC: case TYPE_FRACTION:
        *value = v;
        return TRUE;
    default: /* a date, time or truth value: no number the manager meant */
        return FALSE;
    }
}

gboolean cc_locale_parse_date(uno_Interface *model, const char *text, double *serial)
{
    double v = 0;
    sal_Int16 type = 0;
    if (!scan(model, text, &v, &type) || (type & TYPE_DATE) == 0)
        return FALSE; /* DATE, or DATETIME (DATE | TIME) */
    *serial = floor(v);
    return TRUE;
}
