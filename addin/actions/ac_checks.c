/* ac_checks.c - data checks worded for the panel, and "Divide probabilities by 100". */
#include "ac_checks.h"

#include "ac_evidence.h"
#include "ac_patterns.h"
#include "cc_marks.h"
#include "pc_checks.h"
#include "pc_select.h"
#include "rp_patterns.h"
#include "cc_guard.h"
#include "cc_writer.h"
#include "tx_text.h"

#include <math.h>
#include <string.h>

enum { CELL_FORMULA = 3, MAX_STAGE_ROWS = 500 };

/* The stage | probability table of T's forecast sheet (stage rows from its fifth row down
 * to the first blank stage cell), or NULL when T has no forecast sheet. */
static PcTable *forecast_stage_table(const CcLeadTable *t)
{
    CuRange fc;
    char *mark = cc_mark_of_table(t->model, CC_MARKER_FORECAST, &t->range, &fc);
    g_free(mark);
    if (!mark || fc.EndRow < fc.StartRow + 4)
        return NULL;
    uno_Interface *sheet = cc_sheet_at(t->model, fc.Sheet, NULL);
    CuRange r = { fc.Sheet, fc.StartColumn, fc.StartRow + 4, fc.StartColumn + 1,
                  MIN(fc.EndRow, fc.StartRow + 4 + MAX_STAGE_ROWS) };
    PcTable *cells = sheet ? cc_read(sheet, &r, NULL) : NULL;
    cu_release(sheet);
    if (!cells)
        return NULL;
    gsize n = 0;
    while (n < cells->rows && pc_table_at(cells, n, 0)->kind != PC_CELL_EMPTY)
        n++;
    gsize rows[MAX_STAGE_ROWS + 1], cols[2] = { 0, 1 };
    for (gsize i = 0; i < n; i++)
        rows[i] = i;
    PcTable *stages = n ? pc_table_select(cells, rows, n, cols, 2) : NULL;
    pc_table_free(cells);
    return stages;
}

/* The sheet cell of column ROLE in table row ROW (g_free). */
static char *cell_of(const CcLeadTable *t, PcRole role, gsize row)
{
    gssize col = pc_roles_find(t->roles, t->cells->cols, role);
    return cc_table_cell_text(t, t->range.StartColumn + (sal_Int32)MAX(col, 0),
                              t->range.StartRow + (sal_Int32)row);
}

static char *word(const CcLeadTable *t, const PcFinding *f)
{
    gsize first = f->rows->len ? g_array_index(f->rows, gsize, 0) : 0;
    char *cell = NULL, *text = NULL;
    switch (f->kind) {
    case PC_CHECK_PERCENT: {
        gssize col = pc_roles_find(t->roles, t->cells->cols, PC_ROLE_PROBABILITY);
        cell = cell_of(t, PC_ROLE_PROBABILITY, first);
        text = g_strdup_printf(tx_n("%zu probability looks typed as 0-100 (%s holds %g): use "
                                    "\"Divide probabilities by 100\".",
                                    "%zu probabilities look typed as 0-100 (e.g. %s holds %g): "
                                    "use \"Divide probabilities by 100\".", f->rows->len),
                               (gsize)f->rows->len, cell, pc_table_at(t->cells, first, (gsize)col)->num);
        break;
    }
    case PC_CHECK_OVERDUE:
        cell = cell_of(t, PC_ROLE_CLOSE_DATE, first);
        text = g_strdup_printf(tx_n("%zu open deal is past its close date (%s).",
                                    "%zu open deals are past their close date (e.g. %s).", f->rows->len),
                               (gsize)f->rows->len, cell);
        break;
    case PC_CHECK_CURRENCIES:
        cell = cell_of(t, PC_ROLE_CURRENCY, first);
        text = g_strdup_printf(tx_n("The currency column mixes currencies (%s): sums add them up "
                                    "as one; %zu row differs from the most common (%s).",
                                    "The currency column mixes currencies (%s): sums add them up "
                                    "as one; %zu rows differ from the most common (e.g. %s).", f->rows->len),
                               f->detail, (gsize)f->rows->len, cell);
        break;
    case PC_CHECK_UNKNOWN_STAGE:
        cell = cell_of(t, PC_ROLE_STAGE, first);
        text = g_strdup_printf(tx_n("%zu row has a stage the forecast sheet's stage table does "
                                    "not know (%s, in %s): run Write forecast again.",
                                    "%zu rows have stages the forecast sheet's stage table does "
                                    "not know (%s; e.g. %s): run Write forecast again.", f->rows->len),
                               (gsize)f->rows->len, f->detail, cell);
        break;
    case PC_CHECK_UNWON_PRODUCT:
        cell = cell_of(t, PC_ROLE_PRODUCT, first);
        text = g_strdup_printf(tx_n("%zu open deal is for a product no deal of the table was won "
                                    "with (%s, in %s): Write products and PRODUCT_FIT have no "
                                    "history to judge it by.",
                                    "%zu open deals are for products no deal of the table was "
                                    "won with (%s; e.g. %s): Write products and PRODUCT_FIT have "
                                    "no history to judge them by.", f->rows->len),
                               (gsize)f->rows->len, f->detail, cell);
        break;
    default: {
        if (f->rows->len) {
            CuRange row = { t->range.Sheet, t->range.StartColumn, t->range.StartRow + (sal_Int32)first,
                            t->range.EndColumn, t->range.StartRow + (sal_Int32)first };
            cell = cc_range_text(t->sheet_name, &row);
            text = g_strdup_printf(_("%s: PIPELINE_FORECAST would answer %s: %s."), cell, _(pc_status_name(f->status)), f->detail);
        } else {
            text = g_strdup_printf(_("PIPELINE_FORECAST would answer %s: %s."), _(pc_status_name(f->status)), f->detail);
        }
        break;
    }
    }
    g_free(cell);
    return text;
}

static GPtrArray *run_checks(const CcLeadTable *t)
{
    PcTable *stages = forecast_stage_table(t);
    PcChecksArgs a = { t->cells, t->roles, cc_today(&t->dates), stages, 0 };
    GPtrArray *found = pc_checks_run(&a);
    pc_table_free(stages);
    return found;
}

/* The open deals stuck in their stage, from the stage log found on another sheet (the one
 * Write patterns uses when its field is empty): NULL when none, or without a log. */
static char *stalled_deals(const CcLeadTable *t)
{
    char *where = NULL, *message = NULL, *longest = NULL, *text = NULL;
    PcTable *log = ac_patterns_find_log(t, "", &where, &message);
    gsize n = 0;
    RpSource src = cc_table_source(t);
    if (log && rp_patterns_stalled(&src, log, cc_today(&t->dates), tx_text_number, &n, &longest) && n)
        text = g_strdup_printf(tx_n("%zu open deal has been in its stage longer than 90 %% of the "
                                    "deals that left it (%s; stage log %s): see Write patterns.",
                                    "%zu open deals have been in their stage longer than 90 %% of "
                                    "the deals that left it (longest %s; stage log %s): see Write "
                                    "patterns.", n), n, longest, where);
    g_free(longest);
    g_free(message);
    g_free(where);
    pc_table_free(log);
    return text;
}

GPtrArray *ac_checks_list(const CcLeadTable *t, gboolean *percent_fixable)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    if (percent_fixable)
        *percent_fixable = FALSE;
    if (!t->cells)
        return out;
    GPtrArray *found = run_checks(t);
    for (guint i = 0; found && i < found->len; i++) {
        const PcFinding *f = g_ptr_array_index(found, i);
        if (f->kind == PC_CHECK_PERCENT && percent_fixable)
            *percent_fixable = TRUE;
        g_ptr_array_add(out, word(t, f));
    }
    if (found)
        g_ptr_array_unref(found);
    char *stalled = stalled_deals(t);
    if (stalled)
        g_ptr_array_add(out, stalled);
    char *hidden = ac_hidden_rows_text(t->hidden_rows);
    if (hidden)
        g_ptr_array_add(out, hidden);
    return out;
}

/* The XCell at COL, ROW of SHEET. */
static sal_Int32 content_type(uno_Interface *cell)
{
    static CuMethod get_type = CU_METHOD("com.sun.star.table.XCell", "getType");
    sal_Int32 type = -1; /* CellContentType: an enum is passed as a 32-bit integer */
    cu_call(cell, &get_type, &type, NULL, NULL);
    return type;
}

gboolean ac_checks_fix_percent(CcLeadTable *t, char **message)
{
    *message = NULL;
    if (cc_table_absent(t, message))
        return FALSE;
    gssize col = pc_roles_find(t->roles, t->cells->cols, PC_ROLE_PROBABILITY);
    if (col < 0) {
        *message = g_strdup(_("No probability typed as 0-100 to divide (cells computed by "
                              "formulas are never changed). Nothing was written."));
        return FALSE;
    }
    if ((*message = cc_guard_refusal(t->model, t->sheet, t->sheet_name)))
        return FALSE;
    sal_Int32 sheet_col = t->range.StartColumn + (sal_Int32)col;
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(gsize));
    gsize formulas = 0;
    GError *error = NULL;
    for (gsize r = 1; r < t->cells->rows && !error; r++) {
        const PcCell *c = pc_table_at(t->cells, r, (gsize)col);
        if (c->kind != PC_CELL_NUMBER || !pc_check_is_percent(c->num))
            continue;
        uno_Interface *cell = cc_cell(t->sheet, sheet_col, t->range.StartRow + (sal_Int32)r, &error);
        if (cell && content_type(cell) == CELL_FORMULA)
            formulas++; /* the user's formula: theirs to change */
        else if (cell)
            g_array_append_val(rows, r);
        cu_release(cell);
    }
    gboolean ok = FALSE;
    if (!error && rows->len == 0) {
        *message = g_strdup(_("No probability typed as 0-100 to divide (cells computed by "
                              "formulas are never changed). Nothing was written."));
    } else if (!error) {
        ok = cc_write_divide_by_100(t, (gsize)col, rows, &error);
        if (ok) {
            CuRange column = { t->range.Sheet, sheet_col, t->range.StartRow + 1, sheet_col, t->range.EndRow };
            char *where = cc_range_text(t->sheet_name, &column);
            GString *s = g_string_new(NULL);
            g_string_printf(s, tx_n("Divided %zu probability in %s by 100; it now shows as a "
                                    "percentage.",
                                    "Divided %zu probabilities in %s by 100; they now show as "
                                    "percentages.", rows->len), (gsize)rows->len, where);
            if (formulas)
                g_string_append_printf(s, tx_n(" %zu cell computed by a formula was left alone.",
                                               " %zu cells computed by formulas were left alone.",
                                               formulas), formulas);
            *message = g_string_free(s, FALSE);
            g_free(where);
        }
    }
    if (error) {
        cc_say_failure(message, error);
        ok = FALSE;
    }
    g_array_free(rows, TRUE);
    return ok;
}
