/* ac_explain.c - re-running a function call of a cell on its referenced cells, to word its
 * error. Exports ac_explain_cell; the formula scanning has file scope. */
#include "ac_explain.h"

#include "cu_string.h"
#include "fn_table.h"
#include "cc_sheet.h"
#include "tx_text.h"

#include <string.h>

#define OUR_PREFIX "ORG.PIPECALC.PIPELINEFUNCTIONS."

/* What Calc shows for error CODE, in the user interface's language. */
static const char *calc_error_name(sal_Int32 code, char *buf, gsize size)
{
    const char *name = code > 0 ? pc_calc_error_name((guint)code) : NULL;
    if (name)
        return _(name);
    g_snprintf(buf, size, _("Err:%d"), (int)code);
    return buf;
}

/* The first call of one of our functions in FORMULA: its fn_table row, and its argument
 * texts (g_ptr_array_unref) split at the top-level ';'. NULL when there is none. */
static const FnInfo *find_call(const char *formula, GPtrArray **args)
{
    gsize n = strlen(OUR_PREFIX);
    const char *p = formula;
    for (; *p; p++)
        if (g_ascii_strncasecmp(p, OUR_PREFIX, n) == 0 &&
            (p == formula || !(g_ascii_isalnum(p[-1]) || p[-1] == '.' || p[-1] == '_')))
            break;
    if (!*p)
        return NULL;
    const char *name = p + n, *open = name;
    while (g_ascii_isalnum(*open))
        open++;
    if (*open != '(')
        return NULL;
    const FnInfo *fn = NULL;
    for (int i = 0; i < fn_count && !fn; i++)
        if (strlen(fn_table[i].method) == (gsize)(open - name) &&
            g_ascii_strncasecmp(fn_table[i].method, name, (gsize)(open - name)) == 0)
            fn = &fn_table[i];
    if (!fn)
        return NULL;
    /* split at ';' outside quotes ("text", 'sheet name'), parentheses and inline arrays */
    *args = g_ptr_array_new_with_free_func(g_free);
    int depth = 0;
    char quote = 0;
    const char *start = open + 1;
    for (const char *q = start; *q; q++) {
        if (quote) {
            if (*q == quote && q[1] == quote)
                q++; /* a doubled quote stands for itself */
            else if (*q == quote)
                quote = 0;
            continue;
        }
        if (*q == '"' || *q == '\'')
            quote = *q;
        else if (*q == '(' || *q == '{')
            depth++;
        else if ((*q == ')' || *q == '}') && depth > 0)
            depth--;
        else if ((*q == ';' && depth == 0) || *q == ')') { /* not inside (...) or {...} */
            g_ptr_array_add(*args, g_strstrip(g_strndup(start, (gsize)(q - start))));
            start = q + 1;
            if (*q == ')')
                return fn;
        }
    }
    g_ptr_array_unref(*args); /* unterminated: not a formula we can read */
    *args = NULL;
    return NULL;
}

typedef struct {
    uno_Interface *model;
    uno_Interface *conv; /* CellRangeAddressConversion (XPropertySet) */
    sal_Int32 sheet;     /* the explained cell's sheet, for references without one */
} Resolver;

/* The range a reference text (A1:B5, $Sheet2.$A$1, $'My sheet'.A:A) or a named range
 * names. FALSE when TEXT is neither. */
static gboolean resolve_reference(Resolver *rs, const char *text, CuRange *r)
{
    if (cc_marker_get(rs->model, text, r)) /* a named range */
        return TRUE;
    if (!rs->conv || !cu_uno_check_layouts())
        return FALSE;
    rtl_uString *s = cu_ustr_from_utf8(text);
    gboolean ok = cu_set_property(rs->conv, "ReferenceSheet", typelib_TypeClass_LONG, &rs->sheet, NULL) &&
                  cu_set_property(rs->conv, "PersistentRepresentation", typelib_TypeClass_STRING, &s,
                                  NULL);
    rtl_uString_release(s);
    uno_Any a;
    if (!ok || !cu_get_property(rs->conv, "Address", &a, NULL))
        return FALSE;
    ok = a.pType->eTypeClass == typelib_TypeClass_STRUCT;
    if (ok)
        memcpy(r, a.pData, sizeof *r);
    uno_any_destruct(&a, NULL);
    return ok;
}

/* "text" with doubled quotes -> text (g_free); NULL when TEXT is no string literal. */
static char *string_literal(const char *text)
{
    gsize n = strlen(text);
    if (n < 2 || text[0] != '"' || text[n - 1] != '"')
        return NULL;
    GString *s = g_string_new(NULL);
    for (gsize i = 1; i + 1 < n; i++) {
        g_string_append_c(s, text[i]);
        if (text[i] == '"' && text[i + 1] == '"')
            i++;
    }
    return g_string_free(s, FALSE);
}

/* A 1 x 1 table of the number V or the text T. */
static PcTable *one_cell(double v, const char *t)
{
    PcTable *c = pc_table_new(1, 1);
    if (t)
        pc_table_set_text(c, 0, 0, t, -1);
    else
        pc_table_set_number(c, 0, 0, v);
    return c;
}

/* An inline array of the API grammar, {1;2;3} (';' between columns, '|' between rows) of
 * numbers and "texts", as the table Calc passes for it (the deck's forecast sheet passes
 * its percentiles so: {0;0.1;0.5;0.9}); NULL when TEXT is none. */
static PcTable *inline_array(const char *text)
{
    gsize n = strlen(text);
    if (n < 3 || text[0] != '{' || text[n - 1] != '}')
        return NULL;
    GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
    gsize rows = 1, cols = 0, in_row = 0;
    gboolean ok = TRUE;
    char quote = 0;
    const char *start = text + 1;
    for (const char *q = start; ok && q < text + n; q++) {
        if (quote) {
            if (*q == '"' && q[1] == '"')
                q++;
            else if (*q == '"')
                quote = 0;
            continue;
        }
        if (*q == '"') {
            quote = *q;
        } else if (*q == ';' || *q == '|' || *q == '}') {
            g_ptr_array_add(items, g_strstrip(g_strndup(start, (gsize)(q - start))));
            start = q + 1;
            in_row++;
            if (*q != ';') { /* a row ends: every row as long as the first */
                ok = rows == 1 ? (cols = in_row) > 0 : in_row == cols;
                if (*q == '|')
                    rows++;
                in_row = 0;
            }
        }
    }
    PcTable *t = ok && !quote && items->len == rows * cols ? pc_table_new(rows, cols) : NULL;
    for (guint i = 0; t && i < items->len; i++) {
        const char *item = g_ptr_array_index(items, i);
        char *literal = string_literal(item), *end = NULL;
        double v = g_ascii_strtod(item, &end);
        if (literal)
            pc_table_set_text(t, i / cols, i % cols, literal, -1);
        else if (*item && end && *end == 0)
            pc_table_set_number(t, i / cols, i % cols, v);
        else
            g_clear_pointer(&t, pc_table_free); /* neither: not one we can read */
        g_free(literal);
    }
    g_ptr_array_unref(items);
    return t;
}

/* Convert argument TEXT for PARAM into *V as Calc would have passed it; *REF is set when it
 * was a reference. FALSE when it is an expression we cannot evaluate. */
static gboolean argument_value(Resolver *rs, const FnParam *param, const char *text, FnValue *v,
                               CuRange *ref, gboolean *is_ref)
{
    *is_ref = FALSE;
    if (!*text) { /* omitted */
        if (param->type == FN_ARG_STRING)
            v->text = g_strdup("");
        return param->type != FN_ARG_RANGE;
    }
    char *literal = string_literal(text), *end = NULL;
    double number = g_ascii_strtod(text, &end);
    gboolean is_number = !literal && end && end != text && *end == 0;
    PcTable *cells = NULL;
    if (!literal && !is_number && (param->type == FN_ARG_RANGE || param->type == FN_ARG_ANY) &&
        (cells = inline_array(text))) {
        v->table = cells; /* an inline array: the table Calc passes, no reference */
        return TRUE;
    }
    if (!literal && !is_number) {
        if (!resolve_reference(rs, text, ref))
            return FALSE;
        uno_Interface *sheet = cc_sheet_at(rs->model, ref->Sheet, NULL);
        cells = sheet ? cc_read(sheet, ref, NULL) : NULL;
        cu_release(sheet);
        if (!cells)
            return FALSE;
        *is_ref = TRUE;
    }
    gboolean ok = TRUE;
    switch (param->type) {
    case FN_ARG_RANGE:
    case FN_ARG_ANY:
        v->table = cells ? cells : one_cell(number, literal);
        cells = NULL;
        break;
    case FN_ARG_STRING:
        if (cells) { /* Calc passes the cell's text, or the number as text */
            const PcCell *c = pc_table_at(cells, 0, 0);
            char buf[G_ASCII_DTOSTR_BUF_SIZE];
            v->text = g_strdup(c->kind == PC_CELL_TEXT ? pc_table_text(cells, c)
                               : c->kind == PC_CELL_NUMBER ? g_ascii_formatd(buf, sizeof buf, "%.15g", c->num)
                                                           : "");
        } else {
            v->text = literal ? g_strdup(literal) : g_strdup(text);
        }
        break;
    case FN_ARG_DOUBLE:
        if (cells) {
            const PcCell *c = pc_table_at(cells, 0, 0);
            ok = c->kind != PC_CELL_TEXT && c->kind != PC_CELL_ERROR;
            v->number = c->kind == PC_CELL_NUMBER ? c->num : 0.0;
        } else {
            ok = is_number;
            v->number = number;
        }
        break;
    }
    pc_table_free(cells);
    g_free(literal);
    return ok;
}

/* The sheet cell (or row) ROW of argument range R points at (g_free). */
static char *cell_of_row(Resolver *rs, const CuRange *r, gssize row)
{
    sal_Int32 height = r->EndRow - r->StartRow + 1, width = r->EndColumn - r->StartColumn + 1;
    CuRange one = *r;
    if (width == 1 || height > 1) { /* a column, or a row of a 2-D range */
        if (row >= height)
            return NULL;
        one.StartRow = one.EndRow = r->StartRow + (sal_Int32)row;
    } else {
        if (row >= width)
            return NULL;
        one.StartColumn = one.EndColumn = r->StartColumn + (sal_Int32)row;
    }
    uno_Interface *sheet = cc_sheet_at(rs->model, r->Sheet, NULL);
    char *name = sheet ? cc_sheet_name(sheet) : g_strdup("?");
    cu_release(sheet);
    char *text = cc_range_text(name, &one);
    g_free(name);
    char *colon = strchr(text, ':');
    if (colon && one.StartColumn == one.EndColumn) /* "Sheet1.C4:C4" -> "Sheet1.C4" */
        *colon = 0;
    return text;
}

static uno_Interface *conversion_object(uno_Interface *model)
{
    static CuMethod create = CU_METHOD("com.sun.star.lang.XMultiServiceFactory", "createInstance");
    rtl_uString *name = cu_ustr_from_utf8("com.sun.star.table.CellRangeAddressConversion");
    void *args[1] = { &name };
    uno_Interface *conv = cu_call_iface(model, &create, args, "com.sun.star.beans.XPropertySet", NULL);
    rtl_uString_release(name);
    return conv;
}

/* Re-run FN on ARGS (texts of the call) and word the outcome for CELL_NAME showing CODE. */
static char *rerun(Resolver *rs, const FnInfo *fn, GPtrArray *args, const char *cell_name,
                   const char *shown)
{
    const char *fn_name = _(fn->name_en);
    FnValue values[FN_MAX_PARAMS];
    CuRange refs[FN_MAX_PARAMS];
    gboolean is_ref[FN_MAX_PARAMS];
    memset(values, 0, sizeof values);
    memset(is_ref, 0, sizeof is_ref);
    char *text = NULL;
    for (int i = 0; i < fn->n_params && !text; i++) {
        const char *arg = (guint)i < args->len ? g_ptr_array_index(args, i) : "";
        if (!argument_value(rs, &fn->params[i], arg, &values[i], &refs[i], &is_ref[i]))
            text = g_strdup_printf(_("%s shows %s; Pipecalc cannot re-run %s here: argument %d "
                                     "(%s) is not a cell range, a named range, a number or a "
                                     "text."), cell_name, shown, fn_name, i + 1,
                                   _(fn->params[i].name_en));
    }
    if (!text) {
        FnResult result = { 0 };
        PcError err;
        pc_error_clear(&err);
        PcStatus s = fn->run(values, &result, &err);
        if (s == PC_OK && result.rows * result.cols == 0)
            s = pc_fail(&err, PC_ERR_NA, -1, -1, "there is nothing to compute");
        for (gsize i = 0; s == PC_OK && result.status && i < result.rows * result.cols; i++)
            if (result.status[i] != PC_OK)
                s = err.status; /* a cell of an array in error: ERR has the first one's reason */
        g_free(result.values);
        g_free(result.status);
        if (s == PC_OK) {
            text = g_strdup_printf(_("%s shows %s, but %s finds nothing wrong with its "
                                     "arguments: the error comes from another part of the "
                                     "formula, or a cell it refers to holds an error."), cell_name, shown, fn_name);
        } else {
            char *where = NULL;
            if (err.arg >= 0 && err.arg < fn->n_params && is_ref[err.arg] && err.row >= 0) {
                char *cell = cell_of_row(rs, &refs[err.arg], err.row);
                const FnParam *p = &fn->params[err.arg];
                if (cell)
                    where = g_strdup_printf(" (%s: %s)", _(p->name_en), cell);
                g_free(cell);
            }
            text = g_strdup_printf(_("%s: %s answers %s because %s%s."), cell_name, fn_name, _(pc_status_name(s)),
                                   err.message, where ? where : "");
            g_free(where);
        }
    }
    for (int i = 0; i < fn->n_params; i++) {
        pc_table_free(values[i].table);
        g_free((char *)values[i].text);
    }
    return text;
}

gboolean ac_explain_cell(uno_Interface *controller, char **text)
{
    static CuMethod by_position = CU_METHOD("com.sun.star.table.XCellRange", "getCellByPosition");
    static CuMethod get_formula = CU_METHOD("com.sun.star.table.XCell", "getFormula");
    static CuMethod get_error = CU_METHOD("com.sun.star.table.XCell", "getError");
    CuCell at = { 0 }; /* stays so when the view is gone (its document closing) */
    uno_Interface *model = cc_model(controller, NULL);
    uno_Interface *sheet = model ? cc_cursor(controller, &at, NULL) : NULL;
    void *pos[2] = { &at.Column, &at.Row };
    uno_Interface *cell = sheet ? cu_call_iface(sheet, &by_position, pos, NULL, NULL) : NULL;
    rtl_uString *formula = NULL;
    sal_Int32 code = 0;
    gboolean read = cell && cu_call(cell, &get_formula, &formula, NULL, NULL) &&
                    cu_call(cell, &get_error, &code, NULL, NULL);
    char *f = read ? cu_ustr_to_utf8(formula) : g_strdup("");
    if (formula)
        rtl_uString_release(formula);
    char *sheet_name = sheet ? cc_sheet_name(sheet) : g_strdup("?");
    CuRange one = { at.Sheet, at.Column, at.Row, at.Column, at.Row };
    char *cell_name = cc_range_text(sheet_name, &one);
    *strchr(cell_name, ':') = 0;
    GPtrArray *args = NULL;
    const FnInfo *fn = read ? find_call(f, &args) : NULL;
    if (!fn) {
        *text = g_strdup_printf(_("%s does not call a Pipecalc function."), cell_name);
    } else if (code == 0) {
        *text = g_strdup_printf(_("%s: %s computes without an error."), cell_name, _(fn->name_en));
    } else {
        char buf[16];
        Resolver rs = { model, conversion_object(model), at.Sheet };
        *text = rerun(&rs, fn, args, cell_name, calc_error_name(code, buf, sizeof buf));
        cu_release(rs.conv);
    }
    if (args)
        g_ptr_array_unref(args);
    g_free(cell_name);
    g_free(sheet_name);
    g_free(f);
    cu_release(cell);
    cu_release(sheet);
    cu_release(model);
    return fn != NULL;
}
