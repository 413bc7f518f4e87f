/* cc_styles.c - the report's cell styles (see cc_styles.h). */
#include "cc_styles.h"

#include "cu_string.h"

enum { BOLD = 150, GREY = 0x666666, RULE_WIDTH = 26 }; /* FontWeight.BOLD; a 0.75 pt line */

/* What each role looks like when we create its style. */
static const struct {
    const char *name;
    gboolean bold;
    float height;          /* points, 0: the default font's */
    sal_Int32 colour;      /* -1: the default */
    gboolean rule_below, rule_above;
} ROLES[RP_N_STYLES] = {
    [RP_STYLE_TITLE] = { "Pipecalc Title", TRUE, 14, -1, FALSE, FALSE },
    [RP_STYLE_HEADER] = { "Pipecalc Header", TRUE, 0, -1, TRUE, FALSE },
    [RP_STYLE_TOTAL] = { "Pipecalc Total", TRUE, 0, -1, FALSE, TRUE },
    [RP_STYLE_NOTE] = { "Pipecalc Note", FALSE, 0, GREY, FALSE, FALSE },
    [RP_STYLE_MUTED] = { "Pipecalc Muted", FALSE, 0, GREY, FALSE, FALSE },
};

/* MODEL's style family FAMILY ("CellStyles", "PageStyles") as XNameContainer, acquired. */
static uno_Interface *style_family(uno_Interface *model, const char *family, GError **error)
{
    static CuMethod families = CU_METHOD("com.sun.star.style.XStyleFamiliesSupplier", "getStyleFamilies");
    static CuMethod by_name = CU_METHOD("com.sun.star.container.XNameAccess", "getByName");
    uno_Interface *all = cu_call_iface(model, &families, NULL, NULL, error);
    if (!all)
        return NULL;
    rtl_uString *name = cu_ustr_from_utf8(family);
    void *args[1] = { &name };
    uno_Interface *styles = cu_call_any_iface(all, &by_name, args, "com.sun.star.container.XNameContainer", error);
    rtl_uString_release(name);
    cu_release(all);
    return styles;
}

uno_Interface *cc_cell_styles(uno_Interface *model, GError **error)
{
    return style_family(model, "CellStyles", error);
}

/* A new style of SERVICE in MODEL, inserted into STYLES as NAME (see cc_style_insert). */
static gboolean insert_style(uno_Interface *model, uno_Interface *styles, const char *service, const char *name,
                             uno_Interface **style, GError **error)
{
    static CuMethod insert = CU_METHOD("com.sun.star.container.XNameContainer", "insertByName");
    static CuMethod create = CU_METHOD("com.sun.star.lang.XMultiServiceFactory", "createInstance");
    *style = NULL;
    if (!cu_call_str(model, &create, service, style, error))
        return FALSE;
    if (!*style) {
        g_set_error(error, CU_ERROR, CU_ERROR_UNEXPECTED, "the document made no %s", service);
        return FALSE;
    }
    uno_Any value;
    uno_type_any_construct(&value, style, *typelib_static_type_getByTypeClass(typelib_TypeClass_INTERFACE), NULL);
    rtl_uString *key = cu_ustr_from_utf8(name);
    void *args[2] = { &key, &value };
    gboolean ok = cu_call(styles, &insert, NULL, args, error);
    rtl_uString_release(key);
    uno_any_destruct(&value, NULL);
    if (!ok) {
        cu_release(*style);
        *style = NULL;
    }
    return ok;
}

gboolean cc_style_insert(uno_Interface *model, uno_Interface *styles, const char *name, uno_Interface **style,
                         GError **error)
{
    return insert_style(model, styles, "com.sun.star.style.CellStyle", name, style, error);
}

const char *cc_style_name(RpStyle role)
{
    return role > RP_STYLE_NONE && role < RP_N_STYLES ? ROLES[role].name : NULL;
}

/* A thin solid rule as border property NAME of STYLE. */
static gboolean set_rule(uno_Interface *style, const char *name, GError **error)
{
    CuStruct line;
    if (!cu_struct_init(&line, "com.sun.star.table.BorderLine2")) {
        g_set_error(error, CU_ERROR, CU_ERROR_TYPES, "no BorderLine2 in the type library");
        return FALSE;
    }
    *(sal_Int16 *)cu_struct_field(&line, "OuterLineWidth") = RULE_WIDTH;
    *(sal_uInt32 *)cu_struct_field(&line, "LineWidth") = RULE_WIDTH;
    uno_Any v;
    uno_type_any_construct(&v, line.data, line.td->pWeakRef, NULL);
    gboolean ok = cu_set_property_any(style, name, &v, error);
    uno_any_destruct(&v, NULL);
    cu_struct_clear(&line);
    return ok;
}

/* The look of ROLE on the newly inserted STYLE. */
static gboolean dress(uno_Interface *style, RpStyle role, GError **error)
{
    float weight = BOLD, height = ROLES[role].height;
    sal_Int32 colour = ROLES[role].colour;
    return (!ROLES[role].bold || cu_set_property(style, "CharWeight", typelib_TypeClass_FLOAT, &weight, error)) &&
           (height <= 0 || cu_set_property(style, "CharHeight", typelib_TypeClass_FLOAT, &height, error)) &&
           (colour < 0 || cu_set_property(style, "CharColor", typelib_TypeClass_LONG, &colour, error)) &&
           (!ROLES[role].rule_below || set_rule(style, "BottomBorder", error)) &&
           (!ROLES[role].rule_above || set_rule(style, "TopBorder", error));
}

gboolean cc_styles_ensure(uno_Interface *model, guint used, GError **error)
{
    static CuMethod has = CU_METHOD("com.sun.star.container.XNameAccess", "hasByName");
    static CuMethod remove = CU_METHOD("com.sun.star.container.XNameContainer", "removeByName");
    uno_Interface *styles = cc_cell_styles(model, error);
    gboolean ok = styles != NULL;
    for (int role = RP_STYLE_NONE + 1; role < RP_N_STYLES && ok; role++) {
        sal_Bool present = sal_False;
        if (!(used & (1u << role)) || !(ok = cu_call_str(styles, &has, ROLES[role].name, &present, error)) ||
            present)
            continue; /* present: the user's look, kept */
        uno_Interface *style = NULL;
        ok = cc_style_insert(model, styles, ROLES[role].name, &style, error);
        if (ok && !(ok = dress(style, (RpStyle)role, error))) /* no half-made style left */
            cu_call_str(styles, &remove, ROLES[role].name, NULL, NULL);
        cu_release(style);
    }
    cu_release(styles);
    return ok;
}

gboolean cc_page_style_ensure(uno_Interface *model, GError **error)
{
    static CuMethod has = CU_METHOD("com.sun.star.container.XNameAccess", "hasByName");
    static CuMethod remove = CU_METHOD("com.sun.star.container.XNameContainer", "removeByName");
    uno_Interface *styles = style_family(model, "PageStyles", error);
    sal_Bool present = sal_False;
    gboolean ok = styles && cu_call_str(styles, &has, CC_PAGE_STYLE, &present, error);
    if (ok && !present) {
        uno_Interface *style = NULL;
        sal_Int16 wide = 1, tall = 0; /* one page wide, as many pages down as it takes */
        ok = insert_style(model, styles, "com.sun.star.style.PageStyle", CC_PAGE_STYLE, &style, error);
        if (ok && !(ok = cu_set_property(style, "ScaleToPagesX", typelib_TypeClass_SHORT, &wide, error) &&
                         cu_set_property(style, "ScaleToPagesY", typelib_TypeClass_SHORT, &tall, error)))
            cu_call_str(styles, &remove, CC_PAGE_STYLE, NULL, NULL);
        cu_release(style);
    }
    cu_release(styles);
    return ok;
}
