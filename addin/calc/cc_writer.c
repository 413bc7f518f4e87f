/* cc_writer.c - report plans into Calc cells (see cc_writer.h). */
#include "cc_writer.h"

#include "cc_marks.h"

#include "cc_chart.h"
#include "cc_colour.h"
#include "cc_guard.h"
#include "cc_styles.h"
#include "cu_string.h"
#include "tx.h"

#include <string.h>

enum { NUMBER_FORMAT_DATE = 2, NUMBER_FORMAT_PERCENT = 128 };
/* "#,##0" as a chart's axis knows it: a built-in key of the chart's own formats */
enum { CHART_FORMAT_THOUSANDS = 3 };
/* com.sun.star.i18n.NumberFormatIndex: the locale's "#,##0", "#,##0.00" and "0%" */
enum { INDEX_THOUSANDS = 3, INDEX_THOUSANDS_CENTS = 4, INDEX_PERCENT = 8 };
/* One character of a column width: the width of "0" in Calc's default font (Liberation
 * Sans 10 pt) is about 0.2 cm; 0.22 cm leaves the cell's margins room. */
enum { CHAR_WIDTH_100MM = 220 };

RpSource cc_table_source(const CcLeadTable *t)
{
    RpSource s = { t->cells, t->roles, t->counts, t->sheet_name, (gsize)t->range.StartRow,
                   (gsize)t->range.StartColumn, t->dates };
    return s;
}

/* The values and texts of PLAN as a grid for setDataArray (formulas as their value). */
static uno_Sequence *plan_grid(const RpPlan *plan)
{
    uno_Sequence *grid = cu_grid_new(plan->rows, plan->cols);
    for (gsize i = 0; i < plan->rows; i++)
        for (gsize j = 0; j < plan->cols; j++) {
            const RpCell *c = rp_cell_at(plan, i, j);
            if (c->kind == RP_NUMBER || c->kind == RP_FORMULA || c->kind == RP_ARRAY)
                cu_grid_set_number(grid, i, j, c->num);
            else if (c->kind == RP_TEXT)
                cu_grid_set_text(grid, i, j, c->text);
        }
    return grid;
}

/* The number format key of the first number in column COL of T's data rows, -1 none. */
static sal_Int32 source_format(const CcLeadTable *t, gssize col)
{
    if (col < 0 || !t->cells)
        return -1;
    for (gsize r = 1; r < t->cells->rows; r++)
        if (pc_table_at(t->cells, r, (gsize)col)->kind == PC_CELL_NUMBER) {
            CuRange cell = { t->range.Sheet, t->range.StartColumn + (sal_Int32)col,
                             t->range.StartRow + (sal_Int32)r, t->range.StartColumn + (sal_Int32)col,
                             t->range.StartRow + (sal_Int32)r };
            return cc_format_of(t->sheet, &cell);
        }
    return -1;
}

/* TRUE when a number of column COL of T's data rows has cents. */
static gboolean has_cents(const CcLeadTable *t, gssize col)
{
    for (gsize r = 1; col >= 0 && t->cells && r < t->cells->rows; r++) {
        const PcCell *c = pc_table_at(t->cells, r, (gsize)col);
        if (c->kind == PC_CELL_NUMBER && c->num != (double)(gint64)c->num)
            return TRUE;
    }
    return FALSE;
}

/* The format of PLAN's amounts: the source amount column's, or, when that is General (or
 * there is none), the locale's "#,##0" ("#,##0.00" when the amounts have cents). */
static sal_Int32 amount_format(const CcLeadTable *t, const RpPlan *plan, GError **error)
{
    sal_Int32 key = source_format(t, plan->amount_col);
    if (key >= 0 && !cc_format_is_general(t->model, key))
        return key;
    return cc_format_index(t->model, has_cents(t, plan->amount_col) ? INDEX_THOUSANDS_CENTS : INDEX_THOUSANDS,
                           error);
}

/* The document's format keys for PLAN's kinds, found once per plan (-1: date = none of
 * the source's, the document's standard date format then). AMOUNT_AXIS: a chart's amount
 * axis, the source's own format, or whole amounts when the source has none. */
typedef struct {
    sal_Int32 amount, amount_axis, percent, integer, date;
} Formats;

static gboolean plan_formats(const CcLeadTable *t, const RpPlan *plan, Formats *f, GError **error)
{
    f->date = source_format(t, plan->date_col);
    if (f->date >= 0 && !cc_format_is_date(t->model, f->date))
        f->date = -1; /* serials shown as plain numbers there: the document's date format here */
    f->amount = amount_format(t, plan, error);
    f->percent = f->amount >= 0 ? cc_format_index(t->model, INDEX_PERCENT, error) : -1;
    f->integer = f->percent >= 0 ? cc_format_index(t->model, INDEX_THOUSANDS, error) : -1;
    sal_Int32 own = source_format(t, plan->amount_col);
    f->amount_axis = own > 0 ? own : CHART_FORMAT_THOUSANDS; /* 0: General */
    return f->integer >= 0;
}

/* Apply PLAN's number formats F to the block at (COL0, ROW0) of SHEET: column by column,
 * one call per run of cells of one kind. */
static gboolean apply_formats(const CcLeadTable *t, const RpPlan *plan, const Formats *fk,
                              uno_Interface *sheet, sal_Int16 index, sal_Int32 col0, sal_Int32 row0,
                              GError **error)
{
    for (gsize j = 0; j < plan->cols; j++) {
        gsize i = 0;
        while (i < plan->rows) {
            RpFormat f = rp_cell_at(plan, i, j)->format;
            gsize end = i;
            while (end + 1 < plan->rows && rp_cell_at(plan, end + 1, j)->format == f)
                end++;
            CuRange r = { index, col0 + (sal_Int32)j, row0 + (sal_Int32)i, col0 + (sal_Int32)j,
                          row0 + (sal_Int32)end };
            gboolean ok = TRUE;
            if (f == RP_FORMAT_PERCENT)
                ok = cc_set_format(sheet, &r, fk->percent, error);
            else if (f == RP_FORMAT_INTEGER)
                ok = cc_set_format(sheet, &r, fk->integer, error);
            else if (f == RP_FORMAT_DATE && fk->date >= 0)
                ok = cc_set_format(sheet, &r, fk->date, error);
            else if (f == RP_FORMAT_DATE)
                ok = cc_number_format(t->model, sheet, &r, NUMBER_FORMAT_DATE, error);
            else if (f == RP_FORMAT_AMOUNT)
                ok = cc_set_format(sheet, &r, fk->amount, error);
            if (!ok)
                return FALSE;
            i = end + 1;
        }
    }
    return TRUE;
}

/* Bit i set for each RpStyle i PLAN's cells use. */
static guint styles_used(const RpPlan *plan)
{
    guint used = 0;
    for (gsize i = 0; i < plan->rows * plan->cols; i++)
        used |= 1u << plan->cells[i].style;
    return used;
}

/* Give the block at (COL0, ROW0) of sheet INDEX PLAN's cell styles: one call per style,
 * on all the runs of it (cc_set_style_ranges). WHOLE: the block is a sheet of ours, where
 * cells without a role get the Default style (a refreshed sheet's old title row may lie
 * there); else they are left. When the styles cannot be made (cc_styles_ensure), the
 * report is written without them. */
static gboolean apply_styles(const CcLeadTable *t, const RpPlan *plan, sal_Int16 index,
                             sal_Int32 col0, sal_Int32 row0, gboolean whole, GError **error)
{
    GError *refused = NULL;
    if (!cc_styles_ensure(t->model, styles_used(plan), &refused)) {
        g_clear_error(&refused); /* a protected sheet: the report is still right, only plainer */
        return TRUE;
    }
    /* the whole block Default first (a refreshed sheet keeps no old style), then each
     * style on all its runs at once: a free-text stage column mutes thousands of rows */
    GArray *runs[RP_N_STYLES];
    for (int st = 0; st < RP_N_STYLES; st++)
        runs[st] = g_array_new(FALSE, FALSE, sizeof(CuRange));
    for (gsize j = 0; j < plan->cols; j++)
        for (gsize i = 0, end; i < plan->rows; i = end + 1) {
            RpStyle st = rp_cell_at(plan, i, j)->style;
            for (end = i; end + 1 < plan->rows && rp_cell_at(plan, end + 1, j)->style == st;)
                end++;
            CuRange r = { index, col0 + (sal_Int32)j, row0 + (sal_Int32)i, col0 + (sal_Int32)j,
                          row0 + (sal_Int32)end };
            g_array_append_val(runs[st], r);
        }
    CuRange block = { index, col0, row0, col0 + (sal_Int32)plan->cols - 1, row0 + (sal_Int32)plan->rows - 1 };
    gboolean ok = !whole || cc_set_style_ranges(t->model, &block, 1, "Default", error);
    for (int st = RP_STYLE_NONE + 1; st < RP_N_STYLES && ok; st++)
        ok = cc_set_style_ranges(t->model, (const CuRange *)(void *)runs[st]->data, runs[st]->len,
                                 cc_style_name((RpStyle)st), error);
    for (int st = 0; st < RP_N_STYLES; st++)
        g_array_free(runs[st], TRUE);
    return ok;
}

/* The report sheet SHEET printed fitted to the page width (cc_styles.h); skipped, as the
 * cell styles are, when Calc refuses to make the page style. */
static gboolean fit_to_page(uno_Interface *model, uno_Interface *sheet, GError **error)
{
    GError *refused = NULL;
    if (!cc_page_style_ensure(model, &refused)) {
        g_clear_error(&refused);
        return TRUE;
    }
    rtl_uString *name = cu_ustr_from_utf8(CC_PAGE_STYLE);
    gboolean ok = cu_set_property(sheet, "PageStyle", typelib_TypeClass_STRING, &name, error);
    rtl_uString_release(name);
    return ok;
}

/* PLAN's merged cells and column widths on SHEET (the block at A1 of sheet INDEX). */
static gboolean apply_layout(const RpPlan *plan, uno_Interface *sheet, sal_Int16 index, GError **error)
{
    gboolean ok = TRUE;
    for (guint k = 0; plan->merges && k < plan->merges->len && ok; k++) {
        const RpRect *m = &g_array_index(plan->merges, RpRect, k);
        CuRange r = { index, (sal_Int32)m->col0, (sal_Int32)m->row0, (sal_Int32)m->col1, (sal_Int32)m->row1 };
        ok = cc_merge(sheet, &r, TRUE, error);
    }
    for (gsize j = 0; plan->widths && j < plan->cols && ok; j++)
        if (plan->widths[j] > 0)
            ok = cc_column_width(sheet, (sal_Int32)j, (sal_Int32)(plan->widths[j] * CHAR_WIDTH_100MM), error);
    return ok;
}

static gboolean set_formulas(const RpPlan *plan, uno_Interface *sheet, sal_Int32 col0, sal_Int32 row0,
                             GError **error)
{
    for (gsize i = 0; i < plan->rows; i++)
        for (gsize j = 0; j < plan->cols; j++) {
            const RpCell *c = rp_cell_at(plan, i, j);
            if (c->kind == RP_FORMULA &&
                !cc_set_formula(sheet, col0 + (sal_Int32)j, row0 + (sal_Int32)i, c->text, error))
                return FALSE;
        }
    return TRUE;
}

/* PLAN's array formulas on SHEET (the block at COL0, ROW0 of sheet INDEX), each over its
 * cells at once (XArrayFormulaRange.setArrayFormula): inside the caller's undo context,
 * so that the same Ctrl+Z takes them back. */
static gboolean set_arrays(const RpPlan *plan, uno_Interface *sheet, sal_Int16 index, sal_Int32 col0,
                           sal_Int32 row0, GError **error)
{
    static CuMethod set_array = CU_METHOD("com.sun.star.sheet.XArrayFormulaRange", "setArrayFormula");
    for (guint k = 0; k < plan->arrays->len; k++) {
        const RpArray *a = &g_array_index(plan->arrays, RpArray, k);
        CuRange r = { index, col0 + (sal_Int32)a->cells.col0, row0 + (sal_Int32)a->cells.row0,
                      col0 + (sal_Int32)a->cells.col1, row0 + (sal_Int32)a->cells.row1 };
        uno_Interface *range = cc_range(sheet, &r, error);
        gboolean ok = range && cu_call_str(range, &set_array, a->formula, NULL, error);
        cu_release(range);
        if (!ok)
            return FALSE;
    }
    return TRUE;
}

/* PLAN's charts on SHEET; their value axes in F's amount axis format for amounts, whole
 * numbers for counts. */
static gboolean put_charts(const RpPlan *plan, const Formats *f, uno_Interface *sheet, sal_Int16 index,
                           GError **error)
{
    for (guint k = 0; k < plan->charts->len; k++) {
        const RpChart *c = g_ptr_array_index(plan->charts, k);
        sal_Int32 format = c->value_format == RP_FORMAT_AMOUNT    ? f->amount_axis
                           : c->value_format == RP_FORMAT_INTEGER ? CHART_FORMAT_THOUSANDS
                                                                  : -1;
        gboolean has_data = c->data.row1 > c->data.row0; /* a header row alone: no chart */
        if (!cc_put_chart(sheet, index, c, has_data, format, error))
            return FALSE;
    }
    return TRUE;
}

static gboolean write_sheet(CcLeadTable *t, const RpPlan *plan, CcWritten *out, char **message)
{
    CuRange old = { 0 };
    gboolean reuse;
    uno_Interface *sheet;
    char *name;
    GError *error = NULL;
    /* this table's own output of the kind (cc_marks.h), else a new one beside the others' */
    char *mark = cc_mark_of_table(t->model, plan->marker, &t->range, &old);
    gboolean mine = mark != NULL;
    if (!mark)
        mark = cc_mark_new_name(t->model, plan->marker);
    if (!cc_guard_claim_sheet(t->model, mine ? mark : NULL, plan->sheet_base, (sal_Int32)plan->cols,
                              (sal_Int32)plan->rows, t->make_room, &t->blocked, &reuse, &old, &sheet,
                              &name, message, &error)) {
        cc_say_failure(message, error);
        g_free(mark);
        return FALSE;
    }
    sal_Int16 index = reuse ? old.Sheet : 0;
    CuRange all = { 0, 0, 0, (sal_Int32)plan->cols - 1, (sal_Int32)plan->rows - 1 };
    CcGuard g;
    Formats formats;
    gboolean ok = cc_guard_begin(&g, t->model, plan->undo_title, &error);
    if (ok && !reuse)
        ok = (sheet = cc_guard_insert_sheet(&g, name, &index, &error)) != NULL;
    all.Sheet = index;
    uno_Sequence *grid = ok ? plan_grid(plan) : NULL;
    /* a refreshed sheet's old merges first: the new block's rows may lie elsewhere */
    ok = ok && (!reuse || (cc_clear(sheet, &old, &error) && cc_merge(sheet, &old, FALSE, &error))) &&
         cc_write_block(g.undo, sheet, &all, grid, &error) &&
         apply_styles(t, plan, index, 0, 0, TRUE, &error) &&
         plan_formats(t, plan, &formats, &error) &&
         apply_formats(t, plan, &formats, sheet, index, 0, 0, &error) && set_formulas(plan, sheet, 0, 0, &error) &&
         set_arrays(plan, sheet, index, 0, 0, &error) &&
         apply_layout(plan, sheet, index, &error) && fit_to_page(t->model, sheet, &error) &&
         put_charts(plan, &formats, sheet, index, &error) &&
         cc_marker_set(t->model, mark, name, &all, &error) &&
         cc_mark_set_source(t->model, mark, t->sheet_name, &t->range, &error);
    g_free(mark);
    if (grid)
        cu_grid_free(grid);
    cc_guard_end(&g, ok);
    cu_release(sheet);
    if (ok && plan->freeze_rows) /* a view's setting, no undo step: a hidden document has none */
        cc_freeze_rows(t->model, index, (sal_Int32)plan->freeze_rows);
    if (!ok) {
        cc_say_failure(message, error);
        g_free(name);
        return FALSE;
    }
    out->sheet_name = name;
    out->range = all;
    return TRUE;
}

static gboolean write_column(CcLeadTable *t, const RpPlan *plan, CcWritten *out, char **message)
{
    if ((*message = cc_guard_refusal(t->model, t->sheet, t->sheet_name)))
        return FALSE;
    sal_Int32 col = t->has_score ? t->score.StartColumn : t->range.EndColumn + 1;
    CuRange target = { t->range.Sheet, col, t->range.StartRow, col,
                       t->range.StartRow + (sal_Int32)plan->rows - 1 };
    GError *error = NULL;
    char *in_the_way = NULL;
    gboolean shift = FALSE;
    if (col > CC_MAX_COL) {
        *message = g_strdup(_("There is no free column right of the table. Nothing was written."));
        return FALSE;
    }
    if (!cc_guard_unmerged(t->sheet, t->sheet_name, &target, NULL, message, &error)) {
        cc_say_failure(message, error);
        return FALSE;
    }
    if (!cc_guard_free(t->sheet, t->sheet_name, &target, t->has_score ? &t->score : NULL, &in_the_way,
                       &error)) {
        if (!(shift = in_the_way && t->make_room)) {
            t->blocked = in_the_way != NULL;
            *message = in_the_way;
            cc_say_failure(message, error);
            return FALSE;
        }
        g_free(in_the_way); /* the manager agreed: the user's cells move right instead */
        if (!cc_guard_shift_keeps_tables(t->sheet, t->sheet_name, &target, message, &error)) {
            cc_say_failure(message, error);
            return FALSE;
        }
    }
    CcGuard g;
    Formats formats;
    guint added = 0;
    /* the table's own Score column keeps its mark; a new one gets a name of its own */
    char *mark = t->score_mark ? g_strdup(t->score_mark) : cc_mark_new_name(t->model, plan->marker);
    gboolean ok = cc_guard_begin(&g, t->model, plan->undo_title, &error);
    CuRange numbers = target;
    numbers.StartRow++;
    uno_Sequence *grid = ok ? plan_grid(plan) : NULL;
    /* the old column first: making room then shifts only what is the user's */
    ok = ok && (!t->has_score || cc_clear(t->sheet, &t->score, &error)) &&
         (!shift || cc_insert_cells_right(t->sheet, &target, &error)) &&
         cc_write_block(g.undo, t->sheet, &target, grid, &error) &&
         apply_styles(t, plan, t->range.Sheet, col, t->range.StartRow, FALSE, &error) &&
         plan_formats(t, plan, &formats, &error) &&
         apply_formats(t, plan, &formats, t->sheet, t->range.Sheet, col, t->range.StartRow, &error) &&
         set_formulas(plan, t->sheet, col, t->range.StartRow, &error) &&
         set_arrays(plan, t->sheet, t->range.Sheet, col, t->range.StartRow, &error) &&
         (!plan->score_colours || numbers.EndRow < numbers.StartRow ||
          cc_colour_scale(t->model, t->sheet, &numbers, &added, &error)) &&
         cc_marker_set(t->model, mark, t->sheet_name, &target, &error);
    g_free(mark);
    if (grid)
        cu_grid_free(grid);
    cc_guard_end(&g, ok);
    if (!ok) {
        cc_colour_drop_styles(t->model, added);
        cc_say_failure(message, error);
        return FALSE;
    }
    out->sheet_name = g_strdup(t->sheet_name);
    out->range = target;
    return TRUE;
}

gboolean cc_write_plan(CcLeadTable *t, const RpPlan *plan, CcWritten *out, char **message)
{
    *message = NULL;
    memset(out, 0, sizeof *out);
    return plan->place == RP_PLACE_SHEET ? write_sheet(t, plan, out, message)
                                         : write_column(t, plan, out, message);
}

gboolean cc_write_divide_by_100(CcLeadTable *t, gsize col, const GArray *rows, GError **error)
{
    static CuMethod set_value = CU_METHOD("com.sun.star.table.XCell", "setValue");
    sal_Int32 sheet_col = t->range.StartColumn + (sal_Int32)col;
    CcGuard g;
    gboolean ok = cc_guard_begin(&g, t->model, _("Pipecalc: divide probabilities by 100"), error);
    for (guint i = 0; ok && i < rows->len; i++) {
        gsize r = g_array_index(rows, gsize, i);
        sal_Int32 sheet_row = t->range.StartRow + (sal_Int32)r;
        double v = pc_table_at(t->cells, r, col)->num / 100.0;
        uno_Interface *cell = cc_cell(t->sheet, sheet_col, sheet_row, error);
        void *args[1] = { &v };
        CuRange one = { t->range.Sheet, sheet_col, sheet_row, sheet_col, sheet_row };
        ok = cell && cu_call(cell, &set_value, NULL, args, error) &&
             cc_number_format(t->model, t->sheet, &one, NUMBER_FORMAT_PERCENT, error);
        cu_release(cell);
    }
    cc_guard_end(&g, ok);
    return ok;
}
