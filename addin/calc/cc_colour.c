/* cc_colour.c - the Score column's five-step colour scale (see cc_colour.h for why steps). */
#include "cc_colour.h"

#include "cc_styles.h"
#include "cu_string.h"

enum { CONDITION_FORMULA = 9 }; /* com.sun.star.sheet.ConditionOperator.FORMULA */

/* One step: its cell style, its colour (pale, to read the numbers on) and the upper bound
 * it tests, as formula text ("" for the last step): the entries are tried in order and
 * the first that holds colours the cell, so each only needs its upper bound. Text, not a
 * printf of a double, so that the office's locale cannot turn 0.2 into "0,2". */
static const struct {
    const char *style;
    sal_Int32 colour;
    const char *below;
} STEPS[] = {
    { "Pipecalc Score 0-20%", 0xF4C7C3, "0.2" },
    { "Pipecalc Score 20-40%", 0xFCE0C4, "0.4" },
    { "Pipecalc Score 40-60%", 0xFFF2CC, "0.6" },
    { "Pipecalc Score 60-80%", 0xDDEFD0, "0.8" },
    { "Pipecalc Score 80-100%", 0xB7E1CD, "" },
};
#define N_STEPS G_N_ELEMENTS(STEPS)

/* Add the steps' cell styles that MODEL lacks, setting bit i of *ADDED for step i. */
static gboolean ensure_styles(uno_Interface *model, guint *added, GError **error)
{
    static CuMethod has = CU_METHOD("com.sun.star.container.XNameAccess", "hasByName");
    uno_Interface *styles = cc_cell_styles(model, error);
    gboolean ok = styles != NULL;
    for (gsize i = 0; i < N_STEPS && ok; i++) {
        sal_Bool present = sal_False;
        ok = cu_call_str(styles, &has, STEPS[i].style, &present, error);
        if (!ok || present)
            continue;
        uno_Interface *style = NULL;
        sal_Int32 colour = STEPS[i].colour;
        ok = cc_style_insert(model, styles, STEPS[i].style, &style, error);
        if (ok) /* inserted: taken out again should anything after it fail */
            *added |= 1u << i;
        ok = ok && cu_set_property(style, "CellBackColor", typelib_TypeClass_LONG, &colour, error);
        cu_release(style);
    }
    cu_release(styles);
    return ok;
}

/* The arguments of XSheetConditionalEntries.addNew for step I, tested at TOP (the first
 * data cell, whose relative reference REF the formula uses). */
static uno_Sequence *step_entry(gsize i, const CuCell *top, const char *ref)
{
    uno_Sequence *props = cu_props_new(4);
    if (!props)
        return NULL;
    typelib_TypeDescriptionReference *op = NULL, *address = NULL;
    typelib_typedescriptionreference_newByAsciiName(&op, typelib_TypeClass_ENUM,
                                                    "com.sun.star.sheet.ConditionOperator");
    typelib_typedescriptionreference_newByAsciiName(&address, typelib_TypeClass_STRUCT,
                                                    "com.sun.star.table.CellAddress");
    sal_Int32 formula_op = CONDITION_FORMULA;
    /* ISNUMBER first: closed rows leave their cell empty, and Calc compares empty as 0 */
    char *formula = STEPS[i].below[0] ? g_strdup_printf("AND(ISNUMBER(%s);%s<%s)", ref, ref, STEPS[i].below)
                                      : g_strdup_printf("ISNUMBER(%s)", ref);
    cu_props_put(props, 0, "Operator", &formula_op, op);
    cu_props_put_str(props, 1, "Formula1", formula);
    cu_props_put(props, 2, "SourcePosition", (void *)top, address);
    cu_props_put_str(props, 3, "StyleName", STEPS[i].style);
    g_free(formula);
    typelib_typedescriptionreference_release(op);
    typelib_typedescriptionreference_release(address);
    return props;
}

/* Replace the conditional entries of RANGE by the steps. */
static gboolean set_entries(uno_Interface *range, const CuRange *data, GError **error)
{
    static CuMethod clear = CU_METHOD("com.sun.star.sheet.XSheetConditionalEntries", "clear");
    static CuMethod add = CU_METHOD("com.sun.star.sheet.XSheetConditionalEntries", "addNew");
    uno_Any value;
    if (!cu_get_property(range, "ConditionalFormat", &value, error))
        return FALSE;
    uno_Interface *entries = cu_any_query(&value, "com.sun.star.sheet.XSheetConditionalEntries");
    gboolean ok = entries && cu_call(entries, &clear, NULL, NULL, error);
    if (!entries)
        g_set_error(error, CU_ERROR, CU_ERROR_UNEXPECTED, "the cells have no ConditionalFormat entries");
    CuCell top = { data->Sheet, data->StartColumn, data->StartRow };
    char *ref = cc_cell_ref(top.Column, top.Row);
    for (gsize i = 0; i < N_STEPS && ok; i++) {
        uno_Sequence *props = step_entry(i, &top, ref);
        void *args[1] = { &props };
        if (!props)
            g_set_error(error, CU_ERROR, CU_ERROR_TYPES, "no PropertyValue in the type library");
        ok = props && cu_call(entries, &add, NULL, args, error);
        cu_props_free(props);
    }
    g_free(ref);
    /* the entries object is a copy: the cells take it when it is set back */
    ok = ok && cu_set_property_any(range, "ConditionalFormat", &value, error);
    cu_release(entries);
    uno_any_destruct(&value, NULL);
    return ok;
}

gboolean cc_colour_scale(uno_Interface *model, uno_Interface *sheet, const CuRange *data,
                         guint *added, GError **error)
{
    if (!cu_uno_check_layouts()) {
        g_set_error(error, CU_ERROR, CU_ERROR_TYPES, "CellAddress differs from its C mirror");
        return FALSE;
    }
    if (!ensure_styles(model, added, error))
        return FALSE;
    uno_Interface *range = cc_range(sheet, data, error);
    gboolean ok = range && set_entries(range, data, error);
    cu_release(range);
    return ok;
}

void cc_colour_drop_styles(uno_Interface *model, guint added)
{
    static CuMethod remove = CU_METHOD("com.sun.star.container.XNameContainer", "removeByName");
    uno_Interface *styles = added ? cc_cell_styles(model, NULL) : NULL;
    for (gsize i = 0; styles && i < N_STEPS; i++)
        if (added & (1u << i))
            cu_call_str(styles, &remove, STEPS[i].style, NULL, NULL);
    cu_release(styles);
}

gsize cc_colour_step_count(void)
{
    return N_STEPS;
}

gboolean cc_colour_step(gsize i, double *from, double *below, sal_Int32 *colour)
{
    if (i >= N_STEPS)
        return FALSE;
    *from = i ? g_ascii_strtod(STEPS[i - 1].below, NULL) : 0;
    *below = *STEPS[i].below ? g_ascii_strtod(STEPS[i].below, NULL) : 1;
    *colour = STEPS[i].colour;
    return TRUE;
}
