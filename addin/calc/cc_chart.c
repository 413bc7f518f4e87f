/* cc_chart.c - report charts through com.sun.star.table.XTableCharts and the chart
 * document's com.sun.star.chart API (see cc_chart.h). */
#include "cc_chart.h"

#include "cu_string.h"

#define CHART_NAME_TRIES 20

/* The corner of cell COL, ROW of SHEET in 1/100 mm (its Position property). */
static gboolean cell_position(uno_Interface *sheet, gsize col, gsize row, sal_Int32 *x, sal_Int32 *y,
                              GError **error)
{
    uno_Interface *cell = cc_cell(sheet, (sal_Int32)col, (sal_Int32)row, error);
    uno_Any a;
    gboolean ok = cell && cu_get_property(cell, "Position", &a, error);
    cu_release(cell);
    if (!ok)
        return FALSE;
    CuStruct point;
    ok = a.pType->eTypeClass == typelib_TypeClass_STRUCT && cu_struct_init(&point, "com.sun.star.awt.Point");
    if (ok) {
        CuStruct held = { point.td, a.pData };
        *x = *(sal_Int32 *)cu_struct_field(&held, "X");
        *y = *(sal_Int32 *)cu_struct_field(&held, "Y");
        cu_struct_clear(&point);
    }
    uno_any_destruct(&a, NULL);
    return ok;
}

/* The data ranges of C on sheet INDEX: the categories' column, then each series' column,
 * neighbours joined (Calc orders the ranges by column and takes the first as categories). */
static GArray *data_ranges(const RpChart *c, sal_Int16 index)
{
    GArray *ranges = g_array_new(FALSE, FALSE, sizeof(CuRange));
    gsize cols[RP_CHART_SERIES_MAX + 1], n = 0;
    cols[n++] = c->data.col0;
    if (c->n_series == 0)
        for (gsize j = c->data.col0 + 1; j <= c->data.col1 && n <= RP_CHART_SERIES_MAX; j++)
            cols[n++] = j;
    for (gsize s = 0; s < c->n_series; s++)
        cols[n++] = c->series[s];
    for (gsize i = 0; i < n; i++) {
        CuRange *last = ranges->len ? &g_array_index(ranges, CuRange, ranges->len - 1) : NULL;
        if (last && (gsize)last->EndColumn + 1 == cols[i]) {
            last->EndColumn++;
            continue;
        }
        CuRange r = { index, (sal_Int32)cols[i], (sal_Int32)c->data.row0, (sal_Int32)cols[i],
                      (sal_Int32)c->data.row1 };
        g_array_append_val(ranges, r);
    }
    return ranges;
}

/* Remove NAME and "NAME n" from CHARTS. */
static gboolean remove_ours(uno_Interface *charts, const char *chart_name, GError **error)
{
    static CuMethod has = CU_METHOD("com.sun.star.container.XNameAccess", "hasByName");
    static CuMethod remove = CU_METHOD("com.sun.star.table.XTableCharts", "removeByName");
    gboolean ok = TRUE;
    for (int n = 1; n <= CHART_NAME_TRIES && ok; n++) {
        char *try_name = n == 1 ? g_strdup(chart_name) : g_strdup_printf("%s %d", chart_name, n);
        sal_Bool exists = sal_False;
        ok = cu_call_str(charts, &has, try_name, &exists, error) &&
             (!exists || cu_call_str(charts, &remove, try_name, NULL, error));
        g_free(try_name);
    }
    return ok;
}

/* Add a default chart of RANGES in RECT to CHARTS under the first free one of NAME,
 * "NAME 2", ...; that name into *USED (g_free). */
static gboolean add_chart(uno_Interface *charts, const char *chart_name, void *rect, GArray *ranges,
                          char **used, GError **error)
{
    static CuMethod add = CU_METHOD("com.sun.star.table.XTableCharts", "addNewByName");
    uno_Sequence *seq = cu_ranges_new((const CuRange *)(const void *)ranges->data, ranges->len);
    if (!seq) {
        g_set_error(error, CU_ERROR, CU_ERROR_INTERNAL, "too many chart ranges");
        return FALSE;
    }
    sal_Bool yes = sal_True;
    GError *taken = NULL;
    gboolean ok = FALSE;
    for (int n = 1; n <= CHART_NAME_TRIES && !ok; n++) {
        char *try_name = n == 1 ? g_strdup(chart_name) : g_strdup_printf("%s %d", chart_name, n);
        rtl_uString *name = cu_ustr_from_utf8(try_name);
        void *args[5] = { &name, rect, &seq, &yes, &yes };
        g_clear_error(&taken); /* a name used on another sheet: the next one */
        ok = cu_call(charts, &add, NULL, args, &taken);
        rtl_uString_release(name);
        if (ok)
            *used = try_name;
        else
            g_free(try_name);
    }
    if (taken)
        g_propagate_error(error, taken);
    cu_ranges_free(seq);
    return ok;
}

/* The chart document (com.sun.star.chart.XChartDocument) of chart NAME in CHARTS. */
static uno_Interface *chart_document(uno_Interface *charts, const char *name, GError **error)
{
    static CuMethod get = CU_METHOD("com.sun.star.container.XNameAccess", "getByName");
    static CuMethod embedded = CU_METHOD("com.sun.star.document.XEmbeddedObjectSupplier",
                                         "getEmbeddedObject");
    rtl_uString *s = cu_ustr_from_utf8(name);
    void *args[1] = { &s };
    uno_Interface *chart = cu_call_any_iface(charts, &get, args, "com.sun.star.document.XEmbeddedObjectSupplier",
                                              error);
    rtl_uString_release(s);
    uno_Interface *doc = chart ? cu_call_iface(chart, &embedded, NULL, "com.sun.star.chart.XChartDocument",
                                               error) : NULL;
    cu_release(chart);
    return doc;
}

static gboolean set_bool(uno_Interface *obj, const char *property, gboolean v, GError **error)
{
    sal_Bool b = v ? sal_True : sal_False;
    return cu_set_property(obj, property, typelib_TypeClass_BOOLEAN, &b, error);
}

/* Set property NAME of OBJ to VALUE of enum TYPE. */
static gboolean set_enum(uno_Interface *obj, const char *property, const char *type, sal_Int32 value,
                         GError **error)
{
    typelib_TypeDescription *td = NULL;
    rtl_uString *type_name = cu_ustr_from_utf8(type);
    typelib_typedescription_getByName(&td, type_name);
    rtl_uString_release(type_name);
    if (!td) {
        g_set_error(error, CU_ERROR, CU_ERROR_MISSING, "the type %s is missing", type);
        return FALSE;
    }
    uno_Any a;
    uno_any_construct(&a, &value, td, NULL);
    gboolean ok = cu_set_property_any(obj, property, &a, error);
    uno_any_destruct(&a, NULL);
    typelib_typedescription_release(td);
    return ok;
}

/* Show the title OBJ's getter M returns with TEXT (switched on by HAS on HOLDER). */
static gboolean set_title(uno_Interface *holder, const char *has, uno_Interface *obj, CuMethod *m,
                          const char *text, GError **error)
{
    if (!set_bool(holder, has, text != NULL, error))
        return FALSE;
    if (!text)
        return TRUE;
    uno_Interface *title = cu_call_iface(obj, m, NULL, NULL, error);
    rtl_uString *s = cu_ustr_from_utf8(text);
    gboolean ok = title && cu_set_property(title, "String", typelib_TypeClass_STRING, &s, error);
    rtl_uString_release(s);
    cu_release(title);
    return ok;
}

/* The diagram of DOC as C's type: lines a diagram of their own, bars a bar diagram turned
 * on its side (Vertical: the categories run down the vertical axis). */
static uno_Interface *set_type(uno_Interface *doc, const RpChart *c, GError **error)
{
    static CuMethod get_diagram = CU_METHOD("com.sun.star.chart.XChartDocument", "getDiagram");
    static CuMethod set_diagram = CU_METHOD("com.sun.star.chart.XChartDocument", "setDiagram");
    static CuMethod create = CU_METHOD("com.sun.star.lang.XMultiServiceFactory", "createInstance");
    if (c->type == RP_CHART_LINES) {
        uno_Interface *lines = NULL;
        if (!cu_call_str(doc, &create, "com.sun.star.chart.LineDiagram", &lines, error))
            return NULL;
        uno_Interface *diagram = lines ? cu_query(lines, "com.sun.star.chart.XDiagram") : NULL;
        cu_release(lines);
        void *args[1] = { &diagram };
        if (!diagram || !cu_call(doc, &set_diagram, NULL, args, error)) {
            cu_release(diagram);
            return NULL;
        }
        return diagram;
    }
    uno_Interface *diagram = cu_call_iface(doc, &get_diagram, NULL, NULL, error);
    if (diagram && !set_bool(diagram, "Vertical", c->type == RP_CHART_BARS, error)) {
        cu_release(diagram);
        return NULL;
    }
    return diagram;
}

/* The axes of DIAGRAM: titles, the value axis' number format, the categories' direction. */
static gboolean set_axes(uno_Interface *diagram, const RpChart *c, sal_Int32 value_format, GError **error)
{
    static CuMethod x_title = CU_METHOD("com.sun.star.chart.XAxisXSupplier", "getXAxisTitle");
    static CuMethod y_title = CU_METHOD("com.sun.star.chart.XAxisYSupplier", "getYAxisTitle");
    static CuMethod x_axis = CU_METHOD("com.sun.star.chart.XAxisXSupplier", "getXAxis");
    static CuMethod y_axis = CU_METHOD("com.sun.star.chart.XAxisYSupplier", "getYAxis");
    if (!set_title(diagram, "HasXAxisTitle", diagram, &x_title, c->x_title, error) ||
        !set_title(diagram, "HasYAxisTitle", diagram, &y_title, c->y_title, error))
        return FALSE;
    gboolean ok = TRUE;
    if (value_format >= 0) {
        uno_Interface *axis = cu_call_iface(diagram, &y_axis, NULL, NULL, error);
        ok = axis && set_bool(axis, "LinkNumberFormatToSource", FALSE, error) &&
             cu_set_property(axis, "NumberFormat", typelib_TypeClass_LONG, &value_format, error);
        cu_release(axis);
    }
    if (ok && c->reverse_categories) {
        /* the value axis where the categories end: below the bars, not above the first */
        enum { AXIS_AT_END = 2 }; /* com.sun.star.chart.ChartAxisPosition.END */
        uno_Interface *axis = cu_call_iface(diagram, &x_axis, NULL, NULL, error);
        uno_Interface *values = axis ? cu_call_iface(diagram, &y_axis, NULL, NULL, error) : NULL;
        ok = values && set_bool(axis, "ReverseDirection", TRUE, error) &&
             set_enum(values, "CrossoverPosition", "com.sun.star.chart.ChartAxisPosition", AXIS_AT_END, error);
        cu_release(values);
        cu_release(axis);
    }
    return ok;
}

/* The series' colours and the stacking of DIAGRAM as C says: an invisible series is
 * neither filled nor outlined (a waterfall's base: the steps seem to float). */
static gboolean set_series(uno_Interface *diagram, const RpChart *c, GError **error)
{
    static CuMethod row_properties = CU_METHOD("com.sun.star.chart.XDiagram", "getDataRowProperties");
    enum { FILL_NONE = 0, FILL_SOLID = 1, LINE_NONE = 0 }; /* drawing.FillStyle, LineStyle */
    if (c->stacked && !set_bool(diagram, "Stacked", TRUE, error))
        return FALSE;
    gsize n = c->n_series ? c->n_series : c->data.col1 - c->data.col0;
    gboolean ok = TRUE;
    for (gsize i = 0; i < MIN(n, RP_CHART_SERIES_MAX) && ok; i++) {
        gint32 colour = c->colours[i];
        if (colour == RP_COLOUR_DEFAULT)
            continue;
        sal_Int32 row = (sal_Int32)i;
        void *args[1] = { &row };
        uno_Interface *series = cu_call_iface(diagram, &row_properties, args, NULL, error);
        if (!series) /* no such series: nothing to dress, unless the call failed */
            return !error || !*error;
        if (colour == RP_COLOUR_INVISIBLE)
            ok = set_enum(series, "FillStyle", "com.sun.star.drawing.FillStyle", FILL_NONE, error) &&
                 set_enum(series, "LineStyle", "com.sun.star.drawing.LineStyle", LINE_NONE, error);
        else
            ok = set_enum(series, "FillStyle", "com.sun.star.drawing.FillStyle", FILL_SOLID, error) &&
                 cu_set_property(series, "FillColor", typelib_TypeClass_LONG, &colour, error);
        cu_release(series);
    }
    return ok;
}

/* Dress chart NAME of CHARTS as C says. */
static gboolean dress(uno_Interface *charts, const char *name, const RpChart *c, sal_Int32 value_format,
                      GError **error)
{
    static CuMethod main_title = CU_METHOD("com.sun.star.chart.XChartDocument", "getTitle");
    uno_Interface *doc = chart_document(charts, name, error);
    uno_Interface *diagram = doc ? set_type(doc, c, error) : NULL;
    gboolean ok = diagram && set_title(doc, "HasMainTitle", doc, &main_title, c->title, error) &&
                  set_bool(doc, "HasLegend", c->legend, error) && set_axes(diagram, c, value_format, error) &&
                  set_series(diagram, c, error);
    cu_release(diagram);
    cu_release(doc);
    return ok;
}

gboolean cc_put_chart(uno_Interface *sheet, sal_Int16 index, const RpChart *c, gboolean draw,
                      sal_Int32 value_format, GError **error)
{
    static CuMethod get_charts = CU_METHOD("com.sun.star.table.XTableChartsSupplier", "getCharts");
    uno_Interface *charts = cu_call_iface(sheet, &get_charts, NULL, NULL, error);
    if (!charts)
        return FALSE;
    gboolean ok = remove_ours(charts, c->name, error);
    sal_Int32 x = 0, y = 0;
    CuStruct rect;
    if (ok && draw && (ok = cell_position(sheet, c->col, c->row, &x, &y, error)) &&
        (ok = cu_struct_init(&rect, "com.sun.star.awt.Rectangle"))) {
        *(sal_Int32 *)cu_struct_field(&rect, "X") = x; /* 1/100 mm */
        *(sal_Int32 *)cu_struct_field(&rect, "Y") = y;
        *(sal_Int32 *)cu_struct_field(&rect, "Width") = (sal_Int32)(c->width * 1000);
        *(sal_Int32 *)cu_struct_field(&rect, "Height") = (sal_Int32)(c->height * 1000);
        GArray *ranges = data_ranges(c, index);
        char *used = NULL;
        ok = add_chart(charts, c->name, rect.data, ranges, &used, error) &&
             dress(charts, used, c, value_format, error);
        g_free(used);
        g_array_free(ranges, TRUE);
        cu_struct_clear(&rect);
    }
    charts->release(charts);
    return ok;
}
