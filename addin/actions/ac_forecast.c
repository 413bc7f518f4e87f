/* ac_forecast.c - Write forecast: plan (core only), check, then write the sheet and chart. */
#include "ac_forecast.h"

#include "cu_string.h"
#include "pc_forecast.h"
#include "pc_months.h"
#include "pc_select.h"
#include "pc_stage.h"
#include "cc_guard.h"
#include "cc_locale.h"
#include "cc_writer.h"
#include "rp_stages.h"
#include "tx_text.h"

#include <math.h>
#include <string.h>

#define CHART_NAME "PipecalcForecast"
#define FORECAST_FN "ORG.PIPECALC.PIPELINEFUNCTIONS.PIPELINEFORECAST"
enum { NUMBER_FORMAT_DATE = 2, NUMBER_FORMAT_PERCENT = 128, NO_MONTH = -1 };
enum { MONTH_COLS = 7 }; /* Month Expected P10 P50 P90 From Until, then one per stage */

typedef struct {
    CcLeadTable *t;
    RpSource src;            /* T as the report code sees it */
    gssize amount, stage, close, owner, outcome;
    GArray *open;            /* data rows of open deals */
    gsize n_closed;
    char **order;            /* open stages, funnel order */
    gsize k;
    GPtrArray *closed_words; /* won / lost words of the stage column, probability 0 */
    double *prob;            /* per stage of ORDER */
    gboolean *fallback;      /* no closed deal reached the stage */
    PcTable *stage_table;    /* stage | probability, ORDER then CLOSED_WORDS */
    const PcTable *given;    /* the manager's stage | probability, NULL: learn them */
    char *missing;           /* a stage of ORDER GIVEN lacks */
    GArray *months;          /* distinct close months of open deals, sorted; NO_MONTH last */
    GPtrArray *owners;       /* distinct owner texts (borrowed), first-seen order */
    gboolean live;           /* Expected per month as formulas (see live_formulas_answer) */
    double start, end;       /* the period (serials, 0 = open) */
    PcTable *start_t, *end_t; /* the same as PIPELINE_FORECAST arguments, NULL when open */
    CcProgress progress;     /* the status bar: one step per month and owner row */
    PcError err;
} Plan;

static void plan_clear(Plan *p)
{
    if (p->open) g_array_free(p->open, TRUE);
    g_strfreev(p->order);
    if (p->closed_words) g_ptr_array_unref(p->closed_words);
    g_free(p->prob);
    g_free(p->fallback);
    pc_table_free(p->stage_table);
    g_free(p->missing);
    if (p->months) g_array_free(p->months, TRUE);
    if (p->owners) g_ptr_array_unref(p->owners);
    pc_table_free(p->start_t);
    pc_table_free(p->end_t);
}

static gboolean has_period(const Plan *p)
{
    return p->start_t || p->end_t;
}

/* Month M (NO_MONTH: undated) has days in the period: only those months get a row. */
static gboolean month_in_period(const Plan *p, gint m)
{
    if (!has_period(p))
        return TRUE;
    if (m == NO_MONTH) /* PIPELINE_FORECAST counts no undated deal once a bound is given */
        return FALSE;
    return (p->end <= 0 || pc_month_first_day(&p->t->dates, m) <= floor(p->end)) &&
           (p->start <= 0 || pc_month_last_day(&p->t->dates, m) >= floor(p->start));
}

/* Stage probabilities: conversion from each stage to the won stage among closed deals. */
static PcStatus learn_stages(Plan *p, GPtrArray *keys)
{
    const char *won = rp_won_stage();
    p->closed_words = g_ptr_array_new_with_free_func(g_free);
    PcTable *stage_data = rp_closed_stage_data(&p->src, keys, p->order[0], won, p->closed_words);
    p->n_closed = stage_data ? stage_data->rows : 0;
    PcTable *order = rp_name_column(p->order, p->k, won);
    p->prob = g_new0(double, p->k);
    p->fallback = g_new0(gboolean, p->k);
    PcStatus st = PC_OK;
    for (gsize i = 0; i < p->k && p->given; i++) { /* the manager's: every stage needs one */
        char *want = pc_text_key(p->order[i]);
        gboolean found = FALSE;
        for (gsize r = 0; r < p->given->rows && !found; r++) {
            const PcCell *name = pc_table_at(p->given, r, 0);
            char *key = name->kind == PC_CELL_TEXT ? pc_text_key(pc_table_text(p->given, name)) : NULL;
            if ((found = key && strcmp(key, want) == 0))
                p->prob[i] = pc_table_at(p->given, r, 1)->num;
            g_free(key);
        }
        g_free(want);
        if (!found && !p->missing) {
            p->missing = g_strdup(p->order[i]);
            st = PC_ERR_NA;
        }
    }
    for (gsize i = 0; i < p->k && st == PC_OK && !p->given; i++) {
        PcError e;
        st = pc_stage_conversion(stage_data, p->order[i], won, order, NULL, &p->prob[i], &e);
        if (st == PC_ERR_DIV0) { /* no closed deal reached it: keep the stage before's value */
            p->prob[i] = i ? p->prob[i - 1] : 0.0;
            p->fallback[i] = TRUE;
            st = PC_OK;
        } else if (st != PC_OK) {
            p->err = e;
        }
    }
    pc_table_free(stage_data);
    pc_table_free(order);
    gsize n = p->k + p->closed_words->len;
    p->stage_table = pc_table_new(n, 2);
    for (gsize i = 0; i < n; i++) {
        const char *name = i < p->k ? p->order[i] : g_ptr_array_index(p->closed_words, i - p->k);
        pc_table_set_text(p->stage_table, i, 0, name, -1);
        pc_table_set_number(p->stage_table, i, 1, i < p->k ? p->prob[i] : 0.0);
    }
    return st;
}

static gint cmp_month(gconstpointer a, gconstpointer b)
{
    gint x = *(const gint *)a, y = *(const gint *)b;
    if (x == NO_MONTH || y == NO_MONTH) /* undated deals last */
        return (x == NO_MONTH) - (y == NO_MONTH);
    return (x > y) - (x < y);
}

static gint month_of_row(const Plan *p, gsize r)
{
    if (p->close < 0)
        return NO_MONTH;
    const PcCell *c = pc_table_at(p->t->cells, r, (gsize)p->close);
    return c->kind == PC_CELL_NUMBER ? pc_month_of_serial(&p->t->dates, c->num) : NO_MONTH;
}

/* Open rows, their months and owners. */
static void collect_open(Plan *p, GPtrArray *keys)
{
    const PcTable *c = p->t->cells;
    p->open = g_array_new(FALSE, FALSE, sizeof(gsize));
    p->months = g_array_new(FALSE, FALSE, sizeof(gint));
    p->owners = g_ptr_array_new();
    GHashTable *months = g_hash_table_new(g_direct_hash, g_direct_equal);
    GHashTable *owners = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize r = 1; r < c->rows; r++) {
        if (pc_roles_row_blank(c, r) ||
            pc_roles_row_outcome(c, keys, r, p->outcome, p->stage) != PC_OUTCOME_NONE)
            continue;
        g_array_append_val(p->open, r);
        gint m = month_of_row(p, r);
        if (month_in_period(p, m) && !g_hash_table_contains(months, GINT_TO_POINTER(m + 2))) {
            g_hash_table_add(months, GINT_TO_POINTER(m + 2));
            g_array_append_val(p->months, m);
        }
        const PcCell *o = p->owner >= 0 ? pc_table_at(c, r, (gsize)p->owner) : NULL;
        const char *key = o && o->kind == PC_CELL_TEXT ? g_ptr_array_index(keys, o->text) : "";
        if (!g_hash_table_contains(owners, key)) {
            g_hash_table_add(owners, (gpointer)key);
            g_ptr_array_add(p->owners, (gpointer)key);
        }
    }
    g_array_sort(p->months, cmp_month);
    g_hash_table_destroy(months);
    g_hash_table_destroy(owners);
}

typedef gboolean (*RowFilter)(const Plan *p, GPtrArray *keys, gsize row, gconstpointer what);

static gboolean in_month(const Plan *p, GPtrArray *keys, gsize r, gconstpointer what)
{
    (void)keys;
    return month_of_row(p, r) == *(const gint *)what;
}

static gboolean of_owner(const Plan *p, GPtrArray *keys, gsize r, gconstpointer what)
{
    const PcCell *o = pc_table_at(p->t->cells, r, (gsize)p->owner);
    const char *key = o->kind == PC_CELL_TEXT ? g_ptr_array_index(keys, o->text) : "";
    return strcmp(key, what) == 0;
}

static gboolean any_row(const Plan *p, GPtrArray *keys, gsize r, gconstpointer what)
{
    (void)p; (void)keys; (void)r; (void)what;
    return TRUE;
}

/* PIPELINE_FORECAST over the open rows passing FILTER and, when STAGE >= 0, in that stage of
 * the order: the expected value into OUT[0] and the NQ percentiles QS into OUT[1..NQ], from
 * one pass (pc_pipeline_forecast_quantiles). */
static PcStatus forecast_quantiles(Plan *p, GPtrArray *keys, RowFilter filter, gconstpointer what,
                                   gssize stage, const double *qs, gsize nq, double *out)
{
    const PcTable *c = p->t->cells;
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(gsize));
    char *stage_key = stage >= 0 ? pc_text_key(p->order[stage]) : NULL;
    for (guint i = 0; i < p->open->len; i++) {
        gsize r = g_array_index(p->open, gsize, i);
        if (!filter(p, keys, r, what))
            continue;
        if (stage_key) {
            const PcCell *s = pc_table_at(c, r, (gsize)p->stage);
            if (s->kind != PC_CELL_TEXT || strcmp(g_ptr_array_index(keys, s->text), stage_key) != 0)
                continue;
        }
        g_array_append_val(rows, r);
    }
    g_free(stage_key);
    for (gsize i = 0; i <= nq; i++)
        out[i] = 0.0;
    PcStatus st = PC_OK;
    if (rows->len) {
        gsize ac = (gsize)p->amount, sc = (gsize)p->stage;
        PcTable *amounts = pc_table_select(c, (gsize *)rows->data, rows->len, &ac, 1);
        PcTable *stages = pc_table_select(c, (gsize *)rows->data, rows->len, &sc, 1);
        PcTable *dates = NULL;
        if (has_period(p) && p->close >= 0) {
            gsize dc = (gsize)p->close;
            dates = pc_table_select(c, (gsize *)rows->data, rows->len, &dc, 1);
        }
        /* only open rows: no Outcomes needed */
        PcForecastArgs a = { amounts, stages, p->stage_table, dates, p->start_t, p->end_t, NULL, NULL };
        pc_error_clear(&p->err);
        st = amounts && stages && (dates || !has_period(p) || p->close < 0)
                 ? pc_pipeline_forecast_quantiles(&a, qs, nq, out, out + 1, &p->err)
                 : pc_fail(&p->err, PC_ERR_NOMEM, -1, -1, "the table is too large");
        pc_table_free(dates);
        if (st != PC_OK && p->err.row >= 0 && (gsize)p->err.row < rows->len) {
            /* the core counted rows of our selection: name the sheet's row instead */
            gsize sheet_row = (gsize)p->t->range.StartRow + g_array_index(rows, gsize, p->err.row) + 1;
            char *m = g_strdup(p->err.message);
            g_snprintf(p->err.message, sizeof p->err.message, _("%s (sheet row %zu)"), m, sheet_row);
            g_free(m);
        }
        pc_table_free(amounts);
        pc_table_free(stages);
    }
    g_array_free(rows, TRUE);
    return st;
}

/* The expected value alone (see forecast_quantiles). */
static PcStatus forecast(Plan *p, GPtrArray *keys, RowFilter filter, gconstpointer what,
                         gssize stage, double *out)
{
    return forecast_quantiles(p, keys, filter, what, stage, NULL, 0, out);
}

/* The number of open deals PIPELINE_FORECAST counts in the period: its own period rule,
 * asked with every amount and probability 1. */
static PcStatus deals_in_period(Plan *p, gsize *n)
{
    *n = p->open->len;
    if (!has_period(p) || p->open->len == 0)
        return PC_OK;
    gsize k = p->open->len, sc = (gsize)p->stage, dc = (gsize)MAX(p->close, 0);
    PcTable *ones = pc_table_new(k, 1);
    PcTable *stages = pc_table_select(p->t->cells, (gsize *)p->open->data, k, &sc, 1);
    PcTable *dates = p->close >= 0 ? pc_table_select(p->t->cells, (gsize *)p->open->data, k, &dc, 1)
                                   : NULL;
    for (gsize i = 0; ones && i < k; i++)
        pc_table_set_number(ones, i, 0, 1.0);
    PcForecastArgs a = { ones, stages, ones, dates, p->start_t, p->end_t, NULL, NULL };
    double count = 0;
    pc_error_clear(&p->err);
    PcStatus st = ones && stages ? pc_pipeline_forecast(&a, &count, &p->err)
                                 : pc_fail(&p->err, PC_ERR_NOMEM, -1, -1, "the table is too large");
    if (st == PC_OK)
        *n = (gsize)(count + 0.5);
    pc_table_free(ones);
    pc_table_free(stages);
    pc_table_free(dates);
    return st;
}

/* SERIAL as YYYY-MM-DD into BUF; "..." when 0 (an open bound). */
static void date_text(const Plan *p, double serial, char *buf, gsize size)
{
    if (serial <= 0)
        g_strlcpy(buf, "...", size);
    else
        pc_date_iso(&p->t->dates, serial, buf, size);
}

/* ---- the sheet --------------------------------------------------------------------- */

typedef struct {
    uno_Sequence *grid;
    gsize rows, cols;
    gsize stage_row0, month_row0, n_month_rows, owner_row0;
    GPtrArray *formulas; /* "row col formula" triples as (gsize row, gsize col, char *) */
    GArray *formula_pos;
    double total;
} Layout;

/* Fill 4 cells from COL: expected, P10, P50, P90 of the rows FILTER/WHAT selects. */
static PcStatus put_quantiles(Plan *p, GPtrArray *keys, Layout *l, gsize row, gsize col,
                              RowFilter filter, gconstpointer what, double *expected)
{
    static const double Q[3] = { 0.1, 0.5, 0.9 };
    double v[4]; /* expected, P10, P50, P90 */
    PcStatus st = forecast_quantiles(p, keys, filter, what, -1, Q, 3, v);
    if (st != PC_OK)
        return st;
    for (int i = 0; i < 4; i++)
        cu_grid_set_number(l->grid, row, col + (gsize)i, v[i]);
    if (expected)
        *expected = v[0];
    return PC_OK;
}

static void add_formula(Layout *l, gsize row, gsize col, char *formula)
{
    gsize pos[2] = { row, col };
    g_array_append_vals(l->formula_pos, pos, 2);
    g_ptr_array_add(l->formulas, formula);
}

/* TRUE when the live formulas' PIPELINE_FORECAST over the table's whole data columns
 * (amounts, stages, the stage table, close dates, and the outcome column as Outcomes when
 * there is one) answers a number: it checks every row, closed ones too, while the values
 * come from the open rows only. A row it rejects (a closed deal with a text amount, an
 * outcome of 2) keeps the month cells values, so the sheet never shows an error the
 * sidebar did not. Each month's formula then counts what in_month's values count: the
 * open deals closing in the month (clipped to the period). */
static gboolean live_formulas_answer(const Plan *p)
{
    const PcTable *c = p->t->cells;
    gsize n = c->rows > 0 ? c->rows - 1 : 0;
    gsize *rows = g_try_new(gsize, MAX(n, 1));
    if (!rows)
        return FALSE;
    for (gsize i = 0; i < n; i++)
        rows[i] = i + 1; /* row 0 is the header, outside the formulas' ranges */
    gsize ac = (gsize)p->amount, sc = (gsize)p->stage, dc = (gsize)p->close;
    gsize oc = (gsize)MAX(p->outcome, 0);
    PcTable *amounts = pc_table_select(c, rows, n, &ac, 1);
    PcTable *stages = pc_table_select(c, rows, n, &sc, 1);
    PcTable *dates = pc_table_select(c, rows, n, &dc, 1);
    PcTable *outcomes = p->outcome >= 0 ? pc_table_select(c, rows, n, &oc, 1) : NULL;
    g_free(rows);
    gboolean ok = FALSE;
    if (amounts && stages && dates && (outcomes || p->outcome < 0)) {
        PcForecastArgs a = { amounts, stages, p->stage_table, dates, NULL, NULL, NULL, outcomes };
        PcError e;
        double v;
        ok = pc_pipeline_forecast(&a, &v, &e) == PC_OK;
    }
    pc_table_free(amounts);
    pc_table_free(stages);
    pc_table_free(dates);
    pc_table_free(outcomes);
    return ok;
}

/* Each live month formula reads the table's whole columns, and Calc recomputes all of
 * them after any edit of the table: months x rows of at most this keeps that recomputation
 * near a second (PIPELINE_FORECAST takes 0.38 s per million rows, README "Performance").
 * Beyond it the months are values, as the sidebar computed them. */
#define LIVE_MAX_MONTH_ROWS 3000000u

static gboolean live_within_budget(const Plan *p)
{
    gsize rows = p->t->cells->rows;
    return rows <= LIVE_MAX_MONTH_ROWS / MAX(p->months->len, 1u);
}

/* Everything the sheet shows, computed through the core before anything is written. */
static PcStatus lay_out(Plan *p, GPtrArray *keys, Layout *l)
{
    gsize ks = p->k + p->closed_words->len;
    l->stage_row0 = 4;
    l->month_row0 = l->stage_row0 + ks + 1;
    l->n_month_rows = p->months->len;
    l->owner_row0 = l->month_row0 + 1 + l->n_month_rows + 1 + 1;
    gsize n_owners = p->owner >= 0 ? p->owners->len : 0;
    l->rows = n_owners ? l->owner_row0 + 1 + n_owners : l->owner_row0 - 1;
    l->cols = MAX(MONTH_COLS + p->k, 5);
    l->grid = cu_grid_new(l->rows, l->cols);
    l->formulas = g_ptr_array_new_with_free_func(g_free);
    l->formula_pos = g_array_new(FALSE, FALSE, sizeof(gsize));
    char *src = cc_range_text(p->t->sheet_name, &p->t->range);
    char *line = g_strdup_printf(_("From %s. Stage probabilities learned from %zu closed deals "
                                   "(won + lost); edit them below: the Expected column follows."), src, p->n_closed);
    cu_grid_set_text(l->grid, 0, 0, _("Pipeline forecast"));
    cu_grid_set_text(l->grid, 1, 0, line);
    g_free(line);
    if (has_period(p)) {
        char from[16], until[16];
        date_text(p, p->start, from, sizeof from);
        date_text(p, p->end, until, sizeof until);
        line = g_strdup_printf(_("Period: deals closing %s to %s"), from, until);
        cu_grid_set_text(l->grid, 2, 0, line);
        g_free(line);
    }
    g_free(src);
    /* stage table */
    cu_grid_set_text(l->grid, 3, 0, _("Stage"));
    cu_grid_set_text(l->grid, 3, 1, _("Probability"));
    for (gsize i = 0; i < ks; i++) {
        cu_grid_set_text(l->grid, l->stage_row0 + i, 0, pc_table_text(p->stage_table,
                                                                      pc_table_at(p->stage_table, i, 0)));
        cu_grid_set_number(l->grid, l->stage_row0 + i, 1, pc_table_at(p->stage_table, i, 1)->num);
        if (i < p->k && p->fallback[i])
            cu_grid_set_text(l->grid, l->stage_row0 + i, 2, _("no closed deal reached it: "
                                                              "earlier stage's value"));
    }
    /* months x stages */
    static const char *const HEAD[MONTH_COLS] = { N_("Month"), N_("Expected"), N_("P10"), N_("P50"),
                                             N_("P90"), N_("From"), N_("Until") };
    for (gsize j = 0; j < MONTH_COLS; j++)
        cu_grid_set_text(l->grid, l->month_row0, j, _(HEAD[j]));
    for (gsize s = 0; s < p->k; s++)
        cu_grid_set_text(l->grid, l->month_row0, MONTH_COLS + s, p->order[s]);
    CuRange data = { 0, 0, p->t->range.StartRow + 1, 0, p->t->range.EndRow };
    /* the stage table is on the same sheet, whatever its name turns out to be */
    char *table_ref = g_strdup_printf("$A$%zu:$B$%zu", l->stage_row0 + 1, l->stage_row0 + ks);
    char *outcome_ref = NULL; /* ";;" and the outcome column: Percentile left out, Outcomes */
    if (p->live)
        p->live = live_within_budget(p) && live_formulas_answer(p);
    if (p->live && p->outcome >= 0) {
        data.StartColumn = data.EndColumn = p->t->range.StartColumn + (sal_Int32)p->outcome;
        char *o = cc_range_ref(p->t->sheet_name, &data);
        outcome_ref = g_strdup_printf(";;%s", o);
        g_free(o);
    }
    PcStatus st = PC_OK;
    for (guint i = 0; i < p->months->len && st == PC_OK; i++) {
        gint m = g_array_index(p->months, gint, i);
        gsize row = l->month_row0 + 1 + i;
        char label[16];
        cc_progress_set(&p->progress, (sal_Int32)i);
        if (m == NO_MONTH)
            g_strlcpy(label, _("(no date)"), sizeof label);
        else
            pc_month_label(m, label, sizeof label);
        cu_grid_set_text(l->grid, row, 0, label);
        st = put_quantiles(p, keys, l, row, 1, in_month, &m, NULL);
        for (gsize s = 0; s < p->k && st == PC_OK; s++) {
            double v;
            st = forecast(p, keys, in_month, &m, (gssize)s, &v);
            cu_grid_set_number(l->grid, row, MONTH_COLS + s, v);
        }
        if (m == NO_MONTH)
            continue;
        /* the month's days in the period: what the live formula below counts */
        double first = pc_month_first_day(&p->t->dates, m), last = pc_month_last_day(&p->t->dates, m);
        if (p->start > 0 && floor(p->start) > first)
            first = floor(p->start);
        if (p->end > 0 && floor(p->end) < last)
            last = floor(p->end);
        cu_grid_set_number(l->grid, row, 5, first);
        cu_grid_set_number(l->grid, row, 6, last);
        if (p->live) { /* the same number, but following edits of the table and stage table */
            data.StartColumn = data.EndColumn = p->t->range.StartColumn + (sal_Int32)p->amount;
            char *a = cc_range_ref(p->t->sheet_name, &data);
            data.StartColumn = data.EndColumn = p->t->range.StartColumn + (sal_Int32)p->stage;
            char *s = cc_range_ref(p->t->sheet_name, &data);
            data.StartColumn = data.EndColumn = p->t->range.StartColumn + (sal_Int32)p->close;
            char *d = cc_range_ref(p->t->sheet_name, &data);
            add_formula(l, row, 1, g_strdup_printf("=" FORECAST_FN "(%s;%s;%s;%s;F%zu;G%zu%s)", a, s,
                                                   table_ref, d, row + 1, row + 1,
                                                   outcome_ref ? outcome_ref : ""));
            g_free(a); g_free(s); g_free(d);
        }
    }
    g_free(table_ref);
    g_free(outcome_ref);
    gsize total_row = l->month_row0 + 1 + p->months->len;
    cu_grid_set_text(l->grid, total_row, 0, _("Total"));
    if (st == PC_OK)
        st = put_quantiles(p, keys, l, total_row, 1, any_row, NULL, &l->total);
    if (p->live && p->months->len) /* the months' sum: live with them, and no second pass */
        add_formula(l, total_row, 1, g_strdup_printf("=SUM(B%zu:B%zu)", l->month_row0 + 2,
                                                     l->month_row0 + 1 + p->months->len));
    for (gsize s = 0; s < p->k && st == PC_OK; s++) {
        double v;
        st = forecast(p, keys, any_row, NULL, (gssize)s, &v);
        cu_grid_set_number(l->grid, total_row, MONTH_COLS + s, v);
    }
    /* owners */
    if (n_owners) {
        cu_grid_set_text(l->grid, l->owner_row0, 0, _("Owner"));
        for (int j = 1; j < 5; j++)
            cu_grid_set_text(l->grid, l->owner_row0, (gsize)j, _(HEAD[j]));
    }
    for (gsize i = 0; i < n_owners && st == PC_OK; i++) {
        const char *key = g_ptr_array_index(p->owners, i);
        gsize row = l->owner_row0 + 1 + i;
        cc_progress_set(&p->progress, (sal_Int32)(p->months->len + i));
        /* show the owner as first typed: find a row with this key */
        const char *shown = _("(nobody)");
        for (guint k = 0; k < p->open->len && *key; k++) {
            const PcCell *o = pc_table_at(p->t->cells, g_array_index(p->open, gsize, k), (gsize)p->owner);
            if (o->kind == PC_CELL_TEXT && strcmp(g_ptr_array_index(keys, o->text), key) == 0) {
                shown = pc_table_text(p->t->cells, o);
                break;
            }
        }
        cu_grid_set_text(l->grid, row, 0, shown);
        st = put_quantiles(p, keys, l, row, 1, of_owner, key, NULL);
    }
    return st;
}

static void layout_clear(Layout *l)
{
    cu_grid_free(l->grid);
    if (l->formulas) g_ptr_array_unref(l->formulas);
    if (l->formula_pos) g_array_free(l->formula_pos, TRUE);
}

/* ---- finding or making the sheet, writing --------------------------------------------- */

/* Write L onto SHEET (named NAME): old output cleared, values, formulas, formats, chart,
 * marker. Called inside the undo context. */
static gboolean write_sheet(Plan *p, Layout *l, uno_Interface *sheet, sal_Int16 index,
                            const char *name, const CuRange *old, GError **error)
{
    CuRange all = { index, 0, 0, (sal_Int32)l->cols - 1, (sal_Int32)l->rows - 1 };
    gsize ks = p->k + p->closed_words->len;
    CuRange probs = { index, 1, (sal_Int32)l->stage_row0, 1, (sal_Int32)(l->stage_row0 + ks - 1) };
    CuRange dates = { index, 5, (sal_Int32)l->month_row0 + 1, 6,
                      (sal_Int32)(l->month_row0 + l->n_month_rows) };
    if (!(old == NULL || cc_clear(sheet, old, error)) || !cc_write(sheet, &all, l->grid, error) ||
        !cc_number_format(p->t->model, sheet, &probs, NUMBER_FORMAT_PERCENT, error) ||
        !cc_number_format(p->t->model, sheet, &dates, NUMBER_FORMAT_DATE, error))
        return FALSE;
    for (guint i = 0; i < l->formulas->len; i++) {
        gsize row = g_array_index(l->formula_pos, gsize, 2 * i);
        gsize col = g_array_index(l->formula_pos, gsize, 2 * i + 1);
        if (!cc_set_formula(sheet, (sal_Int32)col, (sal_Int32)row, g_ptr_array_index(l->formulas, i),
                            error))
            return FALSE;
    }
    /* the chart shows dated months only: "(no date)" and Total would dwarf them */
    gsize dated = 0;
    for (guint i = 0; i < p->months->len; i++)
        dated += g_array_index(p->months, gint, i) != NO_MONTH;
    CuRange chart = { index, 0, (sal_Int32)l->month_row0, 1, (sal_Int32)(l->month_row0 + dated) };
    return cc_put_chart(sheet, CHART_NAME, dated ? &chart : NULL, l->cols + 1, error) &&
           cc_marker_set(p->t->model, CC_MARKER_FORECAST, name, &all, error);
}

/* Check, then write L in one undo step: onto our marked sheet, or a new one. */
static gboolean place(Plan *p, Layout *l, char **message, GError **error)
{
    CuRange old = { 0 };
    gboolean reuse;
    uno_Interface *sheet;
    char *name;
    if (!cc_guard_claim_sheet(p->t->model, CC_MARKER_FORECAST, _("Forecast"),
                              (sal_Int32)l->cols, (sal_Int32)l->rows, p->t->make_room,
                              &p->t->blocked, &reuse, &old, &sheet, &name, message, error))
        return FALSE;
    sal_Int16 index = old.Sheet;
    CcGuard g;
    gboolean ok = cc_guard_begin(&g, p->t->model, _("Pipecalc: write forecast"), error);
    if (ok && !reuse)
        ok = (sheet = cc_guard_insert_sheet(&g, name, &index, error)) != NULL;
    ok = ok && write_sheet(p, l, sheet, index, name, reuse ? &old : NULL, error);
    cc_guard_end(&g, ok);
    if (ok) {
        char *total = tx_text_number(l->total, 2);
        gsize n = p->open->len;
        if (has_period(p) && deals_in_period(p, &n) == PC_OK) {
            char from[16], until[16];
            date_text(p, p->start, from, sizeof from);
            date_text(p, p->end, until, sizeof until);
            *message = g_strdup_printf(_("Forecast written to sheet %s for %s to %s: %zu open "
                                         "deals closing then, %s expected."), name, from, until, n, total);
        } else {
            *message = g_strdup_printf(_("Forecast written to sheet %s: %zu open deals, %s "
                                         "expected."), name, n, total);
        }
        g_free(total);
    }
    cu_release(sheet);
    g_free(name);
    return ok;
}

gboolean ac_forecast_run(CcLeadTable *t, char **message)
{
    return ac_forecast_run_period(t, 0, 0, message);
}

/* A 1 x 1 PIPELINE_FORECAST period argument, NULL for an open bound (0). */
static PcTable *bound(double serial)
{
    if (serial == 0)
        return NULL;
    PcTable *b = pc_table_new(1, 1);
    if (b)
        pc_table_set_number(b, 0, 0, serial);
    return b;
}

gboolean ac_forecast_run_period(CcLeadTable *t, double start, double end, char **message)
{
    return ac_forecast_run_stages(t, NULL, start, end, message);
}

/* Set up P for T up to the learned (or GIVEN) stage probabilities; FALSE with the user's
 * sentence. KEYS: pc_text_keys of T's cells. */
static gboolean plan_stages(Plan *p, GPtrArray *keys, char **message)
{
    CcLeadTable *t = p->t;
    gsize cols = t->cells->cols;
    p->amount = pc_roles_find(t->roles, cols, PC_ROLE_AMOUNT);
    p->stage = pc_roles_find(t->roles, cols, PC_ROLE_STAGE);
    p->close = pc_roles_find(t->roles, cols, PC_ROLE_CLOSE_DATE);
    p->owner = pc_roles_find(t->roles, cols, PC_ROLE_OWNER);
    p->outcome = pc_roles_find(t->roles, cols, PC_ROLE_OUTCOME);
    if (p->stage < 0) {
        *message = g_strdup(_("The forecast needs an amount column and a stage column (and a "
                              "close date column for a period)."));
        return FALSE;
    }
    if (!p->given && (t->counts.won == 0 || t->counts.lost == 0)) {
        *message = g_strdup_printf(_("Pipecalc learns from closed deals: the table needs at "
                                     "least one won and one lost row (it has %zu won, %zu "
                                     "lost). Nothing was written."), t->counts.won, t->counts.lost);
        return FALSE;
    }
    p->order = pc_roles_stage_order(t->cells, (gsize)p->stage);
    p->k = g_strv_length(p->order);
    if (p->k == 0) {
        *message = g_strdup(_("The table has no open deals to forecast. Nothing was written."));
        return FALSE;
    }
    if (learn_stages(p, keys) != PC_OK) {
        if (p->missing)
            *message = g_strdup_printf(_("The stage probabilities give none for the stage "
                                         "\"%s\". Nothing was written."), p->missing);
        else
            *message = g_strdup_printf(_("The forecast failed: %s. Nothing was written."), p->err.message);
        return FALSE;
    }
    return TRUE;
}

char *ac_forecast_stage_text(CcLeadTable *t, char **message)
{
    *message = NULL;
    if (!t->cells) {
        *message = g_strdup(_("No lead table here. Put the cell cursor into your table: a "
                              "block of cells whose first row holds the column names."));
        return NULL;
    }
    Plan p = { .t = t, .src = cc_table_source(t) };
    GPtrArray *keys = pc_text_keys(t->cells);
    GString *s = NULL;
    if (plan_stages(&p, keys, message)) {
        s = g_string_new(NULL);
        for (gsize i = 0; i < p.k; i++) {
            char *num = tx_text_number(100 * p.prob[i], 1); /* "12.5", "12,5" in German */
            gsize n = strlen(num);
            if (n > 2 && (strcmp(num + n - 2, ".0") == 0 || strcmp(num + n - 2, ",0") == 0))
                num[n - 2] = 0;
            g_string_append_printf(s, "%s%s=%s%%", i ? "; " : "", p.order[i], num);
            g_free(num);
        }
    }
    g_ptr_array_unref(keys);
    plan_clear(&p);
    return s ? g_string_free(s, FALSE) : NULL;
}

gboolean ac_forecast_run_stages(CcLeadTable *t, const PcTable *given, double start, double end,
                                char **message)
{
    *message = NULL;
    if (!t->cells) {
        *message = g_strdup(_("No lead table here. Put the cell cursor into your table: a "
                              "block of cells whose first row holds the column names."));
        return FALSE;
    }
    gsize cols = t->cells->cols;
    if (!isfinite(start) || !isfinite(end) || start < 0 || end < 0 ||
        (start > 0 && end > 0 && floor(start) > floor(end))) {
        *message = g_strdup(_("The period starts after it ends. Nothing was written."));
        return FALSE;
    }
    Plan p = { .t = t, .src = cc_table_source(t), .start = start, .end = end, .start_t = bound(start), .end_t = bound(end),
               .given = given };
    p.amount = pc_roles_find(t->roles, cols, PC_ROLE_AMOUNT);
    p.stage = pc_roles_find(t->roles, cols, PC_ROLE_STAGE);
    p.close = pc_roles_find(t->roles, cols, PC_ROLE_CLOSE_DATE);
    p.owner = pc_roles_find(t->roles, cols, PC_ROLE_OWNER);
    p.outcome = pc_roles_find(t->roles, cols, PC_ROLE_OUTCOME);
    p.live = p.close >= 0; /* with an outcome column too: it is the formulas' Outcomes */
    if (p.amount < 0 || p.stage < 0 || (has_period(&p) && p.close < 0)) {
        *message = g_strdup(_("The forecast needs an amount column and a stage column (and a "
                              "close date column for a period)."));
        plan_clear(&p);
        return FALSE;
    }
    if (!given && (t->counts.won == 0 || t->counts.lost == 0)) {
        *message = g_strdup_printf(_("Pipecalc learns from closed deals: the table needs at "
                                     "least one won and one lost row (it has %zu won, %zu "
                                     "lost). Nothing was written."), t->counts.won, t->counts.lost);
        plan_clear(&p);
        return FALSE;
    }
    GPtrArray *keys = pc_text_keys(t->cells);
    p.order = pc_roles_stage_order(t->cells, (gsize)p.stage);
    p.k = g_strv_length(p.order);
    Layout l = { 0 };
    GError *error = NULL;
    gboolean ok = FALSE;
    collect_open(&p, keys);
    cc_progress_begin(&p.progress, t->model, _("Pipecalc: write forecast"),
                      (sal_Int32)(p.months->len + p.owners->len + 1));
    if (p.open->len == 0 || p.k == 0)
        *message = g_strdup(_("The table has no open deals to forecast. Nothing was written."));
    else if (learn_stages(&p, keys) != PC_OK && p.missing)
        *message = g_strdup_printf(_("The stage probabilities give none for the stage \"%s\". "
                                     "Nothing was written."), p.missing);
    else if (p.err.message[0] || lay_out(&p, keys, &l) != PC_OK)
        *message = g_strdup_printf(_("The forecast failed: %s. Nothing was written."), p.err.message);
    else
        ok = place(&p, &l, message, &error);
    if (error) {
        g_free(*message);
        *message = g_strdup_printf(_("Pipecalc could not finish: %s"), error->message);
        g_error_free(error);
    }
    cc_progress_end(&p.progress);
    layout_clear(&l);
    plan_clear(&p);
    g_ptr_array_unref(keys);
    return ok;
}

/* A probability typed by the manager, as Calc reads it typed into a cell of MODEL (the
 * office's Locale setting): "25%", "25 %", and 0.25 as the locale writes it ("0,25" in
 * German). */
static gboolean parse_probability(uno_Interface *model, const char *text, double *p)
{
    return cc_locale_parse_number(model, text, p) && *p >= 0 && *p <= 1;
}

PcTable *ac_forecast_given_stages(uno_Interface *model, const char *spec, char **message)
{
    *message = NULL;
    if (!strchr(spec, '=')) { /* a stage table: its stage and probability columns */
        CcLeadTable st;
        if (!cc_table_find_at(model, spec, &st, message))
            return NULL;
        gssize sc = pc_roles_find(st.roles, st.cells->cols, PC_ROLE_STAGE);
        gssize pc = pc_roles_find(st.roles, st.cells->cols, PC_ROLE_PROBABILITY);
        if (sc < 0) sc = 0;
        if (pc < 0) pc = st.cells->cols > 1 ? 1 : 0;
        PcTable *given = pc_table_new(st.cells->rows - 1, 2);
        for (gsize r = 1; r < st.cells->rows && given; r++) {
            const PcCell *name = pc_table_at(st.cells, r, (gsize)sc), *v = pc_table_at(st.cells, r, (gsize)pc);
            if (name->kind == PC_CELL_TEXT)
                pc_table_set_text(given, r - 1, 0, pc_table_text(st.cells, name), -1);
            if (name->kind == PC_CELL_EMPTY)
                continue;
            if (v->kind != PC_CELL_NUMBER || !(v->num >= 0 && v->num <= 1)) {
                char *where = cc_table_cell_text(&st, st.range.StartColumn + (sal_Int32)pc,
                                                 st.range.StartRow + (sal_Int32)r);
                char *example = tx_text_number(0.25, 2); /* as the locale writes it */
                *message = g_strdup_printf(_("Stage probabilities: \"%s\" is no probability in "
                                             "0-1 (type 25%% or %s)."), where, example);
                g_free(example);
                g_free(where);
                pc_table_free(given);
                given = NULL;
                break;
            }
            pc_table_set_number(given, r - 1, 1, v->num);
        }
        cc_table_clear(&st);
        return given;
    }
    char **pairs = g_strsplit_set(spec, ";\n", -1);
    guint n = g_strv_length(pairs);
    PcTable *given = pc_table_new(n, 2);
    gsize row = 0;
    for (guint i = 0; i < n && given; i++) {
        char *pair = g_strstrip(pairs[i]);
        char *eq = strrchr(pair, '=');
        double v = 0;
        if (!*pair)
            continue;
        if (!eq || !parse_probability(model, eq + 1, &v)) {
            char *example = tx_text_number(0.25, 2);
            *message = g_strdup_printf(_("Stage probabilities: \"%s\" is no probability in 0-1 "
                                         "(type 25%% or %s)."), pair, example);
            g_free(example);
            pc_table_free(given);
            given = NULL;
            break;
        }
        *eq = 0;
        pc_table_set_text(given, row, 0, g_strstrip(pair), -1);
        pc_table_set_number(given, row++, 1, v);
    }
    g_strfreev(pairs);
    return given;
}
