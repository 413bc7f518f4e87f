/* ac_funnel.c - Funnel: plan through the core, check, then write the sheet and chart. */
#include "ac_funnel.h"

#include "pc_funnel.h"
#include "pc_stage.h"
#include "ac_forecast.h"
#include "cc_guard.h"
#include "cc_locale.h"
#include "tx_text.h"

#include <math.h>
#include <string.h>

#define CHART_NAME "PipecalcFunnel"
enum { NUMBER_FORMAT_PERCENT = 128, HEAD_ROW = 3, FIRST_ROW = 4, COLS = 5 };

gboolean ac_funnel_parse_target(uno_Interface *model, const char *text, double *target)
{
    return cc_locale_parse_number(model, text, target);
}

/* A one-column table of the texts NAMES[0..N), then EXTRA. */
static PcTable *order_table(char **names, gsize n, const char *extra)
{
    PcTable *t = pc_table_new(n + 1, 1);
    for (gsize i = 0; i < n; i++)
        pc_table_set_text(t, i, 0, names[i], -1);
    pc_table_set_text(t, n, 0, extra, -1);
    return t;
}

/* The average amount of T's won rows, 0 when there is no amount column or no amount. */
static double average_won(const CcLeadTable *t, GPtrArray *keys)
{
    const PcTable *c = t->cells;
    gssize amount = pc_roles_find(t->roles, c->cols, PC_ROLE_AMOUNT);
    gssize outcome = pc_roles_find(t->roles, c->cols, PC_ROLE_OUTCOME);
    gssize stage = pc_roles_find(t->roles, c->cols, PC_ROLE_STAGE);
    double sum = 0.0;
    gsize n = 0;
    for (gsize r = 1; r < c->rows && amount >= 0; r++) {
        const PcCell *a = pc_table_at(c, r, (gsize)amount);
        if (a->kind == PC_CELL_NUMBER && isfinite(a->num) &&
            pc_roles_row_outcome(c, keys, r, outcome, stage) == PC_OUTCOME_WON) {
            sum += a->num;
            n++;
        }
    }
    return n && sum > 0 ? sum / (double)n : 0.0;
}

typedef struct {
    uno_Sequence *grid;
    gsize rows, k;     /* grid rows; open stages (the won stage is row k of the stage rows) */
    double needed;     /* at the first stage */
    gsize closed;
} Sheet;

/* A core status other than PC_OK / PC_ERR_DIV0 stops the plan; DIV0 shows as "-". */
static gboolean put(Sheet *sh, gsize row, gsize col, PcStatus st, double v, PcError *err,
                    PcError *first)
{
    if (st == PC_OK)
        cu_grid_set_number(sh->grid, row, col, v);
    else if (st == PC_ERR_DIV0)
        cu_grid_set_text(sh->grid, row, col, "-");
    else if (first->status == PC_OK)
        *first = *err;
    return st == PC_OK || st == PC_ERR_DIV0;
}

/* Compute every cell of the sheet through the core. FALSE with ERR on a core failure. */
static gboolean plan(CcLeadTable *t, double target, Sheet *sh, PcError *err)
{
    GPtrArray *keys = pc_text_keys(t->cells);
    char **order = pc_roles_stage_order(t->cells, (gsize)pc_roles_find(t->roles, t->cells->cols,
                                                                       PC_ROLE_STAGE));
    gsize k = sh->k = g_strv_length(order);
    const char *won = tx_text_german() ? "Gewonnen" : "Won";
    PcTable *data = k ? ac_closed_stage_data(t, keys, order[0], won, NULL) : NULL;
    PcTable *stages = k ? order_table(order, k, won) : NULL;
    double avg = average_won(t, keys);
    PcTable *size = NULL;
    if (avg > 0) {
        size = pc_table_new(1, 1);
        pc_table_set_number(size, 0, 0, avg);
    }
    pc_error_clear(err);
    PcFunnel *f = NULL;
    gsize *reached = g_new0(gsize, k + 1);
    gboolean ok = k && data && stages && pc_funnel_new(stages, 3, NULL, 4, &f, err) == PC_OK &&
                  pc_funnel_reached(f, data, 0, reached, err) == PC_OK;
    sh->closed = data ? data->rows : 0;
    sh->rows = FIRST_ROW + k + 1 + 3;
    sh->grid = cu_grid_new(sh->rows, COLS);
    char *src = cc_range_text(t->sheet_name, &t->range);
    char *line = g_strdup_printf(_("From %s: %zu closed deals (won + lost); a lost deal counts "
                                   "at the stage it shows."), src, sh->closed);
    cu_grid_set_text(sh->grid, 0, 0, _("Pipeline funnel"));
    cu_grid_set_text(sh->grid, 1, 0, line);
    g_free(line);
    g_free(src);
    static const char *const HEAD[COLS] = { N_("Stage"), N_("Deals reached"), N_("To next stage"), N_("To won"),
                                       N_("Deals needed for target") };
    for (gsize j = 0; j < COLS; j++)
        cu_grid_set_text(sh->grid, HEAD_ROW, j, _(HEAD[j]));
    PcError first, e;
    pc_error_clear(&first);
    for (gsize i = 0; ok && i <= k; i++) {
        gsize row = FIRST_ROW + i;
        const char *name = i < k ? order[i] : won;
        cu_grid_set_text(sh->grid, row, 0, name);
        cu_grid_set_number(sh->grid, row, 1, (double)reached[i]);
        if (i == k)
            break;
        double v = 0.0; /* each status is taken before V is read: argument order is unspecified */
        const char *next = i + 1 < k ? order[i + 1] : won;
        PcStatus st = pc_stage_conversion(data, name, next, stages, NULL, &v, &e);
        ok = put(sh, row, 2, st, v, &e, &first);
        st = pc_stage_conversion(data, name, won, stages, NULL, &v, &e);
        ok = put(sh, row, 3, st, v, &e, &first) && ok;
        st = pc_leads_needed(target, data, name, stages, NULL, size, &v, &e);
        ok = put(sh, row, 4, st, v, &e, &first) && ok;
        if (i == 0)
            sh->needed = st == PC_OK ? v : NAN;
    }
    if (!ok && first.status != PC_OK)
        *err = first;
    gsize tr = FIRST_ROW + k + 2;
    cu_grid_set_text(sh->grid, tr, 0, _("Target"));
    cu_grid_set_number(sh->grid, tr, 1, target);
    cu_grid_set_text(sh->grid, tr, 2, _(avg > 0 ? N_("won revenue") : N_("won deals")));
    if (avg > 0) {
        cu_grid_set_text(sh->grid, tr + 1, 0, _("Average won deal"));
        cu_grid_set_number(sh->grid, tr + 1, 1, avg);
    }
    pc_funnel_free(f);
    g_free(reached);
    pc_table_free(size);
    pc_table_free(data);
    pc_table_free(stages);
    g_strfreev(order);
    g_ptr_array_unref(keys);
    return ok;
}

/* Write SH onto SHEET (index INDEX, named NAME), clearing OLD first. In the undo context. */
static gboolean write_sheet(CcLeadTable *t, Sheet *sh, uno_Interface *sheet, sal_Int16 index,
                            const char *name, const CuRange *old, GError **error)
{
    CuRange all = { index, 0, 0, COLS - 1, (sal_Int32)sh->rows - 1 };
    CuRange conv = { index, 2, FIRST_ROW, 3, (sal_Int32)(FIRST_ROW + sh->k) };
    CuRange chart = { index, 0, HEAD_ROW, 1, (sal_Int32)(FIRST_ROW + sh->k) };
    return (old == NULL || cc_clear(sheet, old, error)) && cc_write(sheet, &all, sh->grid, error) &&
           cc_number_format(t->model, sheet, &conv, NUMBER_FORMAT_PERCENT, error) &&
           cc_put_chart(sheet, CHART_NAME, &chart, COLS + 1, error) &&
           cc_marker_set(t->model, AC_MARKER_FUNNEL, name, &all, error);
}

/* Check, then write SH in one undo step: onto our marked sheet, or a new one. */
static gboolean place(CcLeadTable *t, Sheet *sh, char **message, GError **error)
{
    CuRange old;
    gboolean reuse;
    uno_Interface *sheet;
    char *name;
    if (!cc_guard_claim_sheet(t->model, AC_MARKER_FUNNEL, _("Funnel"), COLS,
                              (sal_Int32)sh->rows, t->make_room, &t->blocked, &reuse, &old, &sheet,
                              &name, message, error))
        return FALSE;
    sal_Int16 index = reuse ? old.Sheet : 0;
    CcGuard g;
    gboolean ok = cc_guard_begin(&g, t->model, _("Pipecalc: write funnel"), error);
    if (ok && !reuse)
        ok = (sheet = cc_guard_insert_sheet(&g, name, &index, error)) != NULL;
    ok = ok && write_sheet(t, sh, sheet, index, name, reuse ? &old : NULL, error);
    cc_guard_end(&g, ok);
    cu_release(sheet);
    if (ok) {
        char *needed = isnan(sh->needed) ? g_strdup("-") : tx_text_number(sh->needed, 0);
        *message = g_strdup_printf(_("Funnel written to sheet %s: %s deals needed at the first "
                                     "stage."), name, needed);
        g_free(needed);
    }
    g_free(name);
    return ok;
}

gboolean ac_funnel_run(CcLeadTable *t, double target, char **message)
{
    *message = NULL;
    if (!t->cells) {
        *message = g_strdup(_("No lead table here. Put the cell cursor into your table: a "
                              "block of cells whose first row holds the column names."));
        return FALSE;
    }
    if (!(isfinite(target) && target > 0)) {
        *message = g_strdup(_("Type a target above 0 (won revenue, or won deals when the table "
                              "has no amounts). Nothing was written."));
        return FALSE;
    }
    if (pc_roles_find(t->roles, t->cells->cols, PC_ROLE_STAGE) < 0) {
        *message = g_strdup(_("The funnel needs a stage column with at least one stage besides "
                              "won and lost."));
        return FALSE;
    }
    if (t->counts.won == 0 || t->counts.lost == 0) {
        *message = g_strdup_printf(_("Pipecalc learns from closed deals: the table needs at "
                                     "least one won and one lost row (it has %zu won, %zu "
                                     "lost). Nothing was written."), t->counts.won, t->counts.lost);
        return FALSE;
    }
    Sheet sh = { 0 };
    PcError err;
    GError *error = NULL;
    gboolean ok = FALSE;
    if (!plan(t, target, &sh, &err))
        *message = sh.k ? g_strdup_printf(_("The funnel failed: %s. Nothing was written."), err.message)
                        : g_strdup(_("The funnel needs a stage column with at least one stage "
                                     "besides won and lost."));
    else
        ok = place(t, &sh, message, &error);
    if (error) {
        g_free(*message);
        *message = g_strdup_printf(_("Pipecalc could not finish: %s"), error->message);
        g_error_free(error);
    }
    cu_grid_free(sh.grid);
    return ok;
}
