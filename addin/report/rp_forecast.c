/* rp_forecast.c - the Forecast sheet, computed through the core (see rp_forecast.h). */
#include "rp_forecast.h"

#include "pc_forecast.h"
#include "pc_select.h"
#include "rp_stages.h"
#include "tx.h"

#include <math.h>
#include <string.h>

#define CHART_NAME "PipecalcForecast"
enum { NO_MONTH = -1, STAGE_ROW0 = 4, MONTH_COLS = 7 }; /* Month Expected P10 P50 P90 From Until */
enum { OWNER_COLS = 5 }; /* Owner Expected P10 P50 P90 */
/* Rows kept in view above the months at most: more would leave too few for the months. */
enum { FREEZE_MAX_ROWS = 15 };

typedef struct {
    const RpSource *src;
    const RpForecastOptions *o;
    gssize amount, stage, close, owner, outcome;
    gssize closed_col;        /* the live formulas' Outcomes: the outcome column, else the stage
                                 column when it holds outcome words; -1 for none */
    GArray *open;             /* data rows of open deals */
    GArray *open_months;      /* the close month of each of them (NO_MONTH: undated) */
    GArray *open_owners;      /* the owner of each of them: an index of OWNERS (gint) */
    gint *stage_of_row;       /* by data row of the table: an open row's stage, an index of
                                 ST.order; -1 for none and for a closed row */
    RpStages st;
    GArray *months;           /* distinct close months of open deals, sorted; NO_MONTH last */
    GPtrArray *owners;        /* distinct owner keys (borrowed), first-seen order */
    GArray *owner_first;      /* the first open row of each owner */
    GPtrArray *month_rows;    /* the open rows of each month of MONTHS (GArray of gsize) */
    GPtrArray *owner_rows;    /* the open rows of each owner of OWNERS */
    gsize split;              /* the stages split out in the month table: ST.k, or 0 when more
                                 than RP_FORECAST_SPLIT_MAX (a column each would not be read) */
    PcTable *start_t, *end_t; /* the period as PIPELINE_FORECAST arguments, NULL when open */
    PcError err;
} Forecast;

/* Where the parts of the sheet are. */
typedef struct {
    gsize month_row0;  /* the months' header */
    gsize total_row;
    gsize owner_row0;  /* the owners' header */
    gsize n_owners;
} Layout;

/* The percentiles of the month and owner rows (P10, P50, P90 after Expected). */
static const double MONTH_QS[3] = { 0.1, 0.5, 0.9 };

static const char *const HEAD[MONTH_COLS] = { N_("Month"), N_("Expected"), N_("P10"), N_("P50"),
                                              N_("P90"), N_("From"), N_("Until") };

static void forecast_free(Forecast *fc)
{
    if (fc->open) g_array_free(fc->open, TRUE);
    if (fc->open_months) g_array_free(fc->open_months, TRUE);
    if (fc->open_owners) g_array_free(fc->open_owners, TRUE);
    g_free(fc->stage_of_row);
    if (fc->owner_first) g_array_free(fc->owner_first, TRUE);
    if (fc->month_rows) g_ptr_array_unref(fc->month_rows);
    if (fc->owner_rows) g_ptr_array_unref(fc->owner_rows);
    rp_stages_clear(&fc->st);
    if (fc->months) g_array_free(fc->months, TRUE);
    if (fc->owners) g_ptr_array_unref(fc->owners);
    pc_table_free(fc->start_t);
    pc_table_free(fc->end_t);
}

static gboolean has_period(const Forecast *fc)
{
    return fc->start_t || fc->end_t;
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

/* SERIAL as YYYY-MM-DD into BUF; "..." when 0 (an open bound). */
static void date_text(const Forecast *fc, double serial, char *buf, gsize size)
{
    if (serial <= 0)
        g_strlcpy(buf, "...", size);
    else
        pc_date_iso(&fc->src->dates, serial, buf, size);
}

/* Month M (NO_MONTH: undated) has days in the period: only those months get a row. */
static gboolean month_in_period(const Forecast *fc, gint m)
{
    double start = fc->o->start, end = fc->o->end;
    if (!has_period(fc))
        return TRUE;
    if (m == NO_MONTH) /* PIPELINE_FORECAST counts no undated deal once a bound is given */
        return FALSE;
    return (end <= 0 || pc_month_first_day(&fc->src->dates, m) <= floor(end)) &&
           (start <= 0 || pc_month_last_day(&fc->src->dates, m) >= floor(start));
}

static gint cmp_month(gconstpointer a, gconstpointer b)
{
    gint x = *(const gint *)a, y = *(const gint *)b;
    if (x == NO_MONTH || y == NO_MONTH) /* undated deals last */
        return (x == NO_MONTH) - (y == NO_MONTH);
    return (x > y) - (x < y);
}

static gint month_of_row(const Forecast *fc, gsize r)
{
    if (fc->close < 0)
        return NO_MONTH;
    const PcCell *c = pc_table_at(fc->src->cells, r, (gsize)fc->close);
    return c->kind == PC_CELL_NUMBER ? pc_month_of_serial(&fc->src->dates, c->num) : NO_MONTH;
}

/* The owner key of row R ("" for none). */
static const char *owner_of(const Forecast *fc, GPtrArray *keys, gsize r)
{
    const PcCell *o = fc->owner >= 0 ? pc_table_at(fc->src->cells, r, (gsize)fc->owner) : NULL;
    return o && o->kind == PC_CELL_TEXT ? g_ptr_array_index(keys, o->text) : "";
}

/* Open rows, their months and owners. */
static void collect_open(Forecast *fc, GPtrArray *keys)
{
    const PcTable *c = fc->src->cells;
    fc->open = g_array_new(FALSE, FALSE, sizeof(gsize));
    fc->open_months = g_array_new(FALSE, FALSE, sizeof(gint));
    fc->open_owners = g_array_new(FALSE, FALSE, sizeof(gint));
    fc->months = g_array_new(FALSE, FALSE, sizeof(gint));
    fc->owners = g_ptr_array_new();
    fc->owner_first = g_array_new(FALSE, FALSE, sizeof(gsize));
    GHashTable *months = g_hash_table_new(g_direct_hash, g_direct_equal);
    GHashTable *owners = g_hash_table_new(g_str_hash, g_str_equal); /* key -> index + 1 */
    for (gsize r = 1; r < c->rows; r++) {
        if (pc_roles_row_blank(c, r) ||
            pc_roles_row_outcome(c, keys, r, fc->outcome, fc->stage) != PC_OUTCOME_NONE)
            continue;
        g_array_append_val(fc->open, r);
        gint m = month_of_row(fc, r);
        g_array_append_val(fc->open_months, m);
        if (month_in_period(fc, m) && !g_hash_table_contains(months, GINT_TO_POINTER(m + 2))) {
            g_hash_table_add(months, GINT_TO_POINTER(m + 2));
            g_array_append_val(fc->months, m);
        }
        const char *key = owner_of(fc, keys, r);
        gint owner = GPOINTER_TO_INT(g_hash_table_lookup(owners, key)) - 1;
        if (owner < 0) {
            g_ptr_array_add(fc->owners, (gpointer)key);
            g_array_append_val(fc->owner_first, r);
            owner = (gint)fc->owners->len - 1;
            g_hash_table_insert(owners, (gpointer)key, GINT_TO_POINTER(owner + 1));
        }
        g_array_append_val(fc->open_owners, owner);
    }
    g_array_sort(fc->months, cmp_month);
    g_hash_table_destroy(months);
    g_hash_table_destroy(owners);
}

/* The open rows in N groups: GROUP_OF[i] is the group of open row I (-1: none). */
static GPtrArray *rows_by_group(const Forecast *fc, const gint *group_of, gsize n)
{
    GPtrArray *groups = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
    for (gsize g = 0; g < n; g++)
        g_ptr_array_add(groups, g_array_new(FALSE, FALSE, sizeof(gsize)));
    for (guint i = 0; i < fc->open->len; i++)
        if (group_of[i] >= 0)
            g_array_append_val(g_ptr_array_index(groups, group_of[i]), g_array_index(fc->open, gsize, i));
    return groups;
}

/* Once the stages are known: each open row's stage, and the open rows of each month and
 * owner, so that a row of the sheet costs its own deals, not the whole table's. */
static void group_open(Forecast *fc, GPtrArray *keys)
{
    const PcTable *c = fc->src->cells;
    guint n = fc->open->len;
    GHashTable *stage_at = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (gsize s = fc->st.k; s-- > 0;) /* backwards: the first of two equal keys wins */
        g_hash_table_insert(stage_at, pc_text_key(fc->st.order[s]), GSIZE_TO_POINTER(s + 1));
    fc->stage_of_row = g_new(gint, MAX(c->rows, 1));
    for (gsize r = 0; r < c->rows; r++)
        fc->stage_of_row[r] = -1;
    for (guint i = 0; i < n; i++) {
        gsize r = g_array_index(fc->open, gsize, i);
        const PcCell *st = pc_table_at(c, r, (gsize)fc->stage);
        gpointer at = st->kind == PC_CELL_TEXT ? g_hash_table_lookup(stage_at, g_ptr_array_index(keys, st->text))
                                               : NULL;
        fc->stage_of_row[r] = (gint)GPOINTER_TO_SIZE(at) - 1;
    }
    g_hash_table_destroy(stage_at);
    GHashTable *month_at = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint j = 0; j < fc->months->len; j++)
        g_hash_table_insert(month_at, GINT_TO_POINTER(g_array_index(fc->months, gint, j) + 2),
                            GINT_TO_POINTER((gint)j + 1));
    gint *month_of = g_new(gint, MAX(n, 1));
    for (guint i = 0; i < n; i++) {
        gint m = g_array_index(fc->open_months, gint, i);
        month_of[i] = GPOINTER_TO_INT(g_hash_table_lookup(month_at, GINT_TO_POINTER(m + 2))) - 1;
    }
    g_hash_table_destroy(month_at);
    fc->month_rows = rows_by_group(fc, month_of, fc->months->len);
    g_free(month_of);
    fc->owner_rows = rows_by_group(fc, (const gint *)(void *)fc->open_owners->data, fc->owners->len);
    fc->split = fc->st.k <= RP_FORECAST_SPLIT_MAX ? fc->st.k : 0;
}

/* The rows of ROWS (open rows) at stage S of the order, as a new array. */
static GArray *rows_at_stage(const Forecast *fc, const GArray *rows, gsize s)
{
    GArray *at = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (guint i = 0; i < rows->len; i++) {
        gsize r = g_array_index(rows, gsize, i);
        if (fc->stage_of_row[r] == (gint)s)
            g_array_append_val(at, r);
    }
    return at;
}

/* The stage table's rows of the stages of ROWS (open rows, each at a stage of the order),
 * in the table's order: what a forecast of ROWS looks up, the same probabilities, without
 * keying the whole table again for each owner of thousands (pc_table_free). NULL when a
 * row's stage is none of the order's: the whole table then, for the core's own error. */
static PcTable *stages_of_rows(const Forecast *fc, const GArray *rows)
{
    const PcTable *t = fc->st.table;
    gboolean *used = g_new0(gboolean, MAX(fc->st.k, 1));
    gsize m = 0;
    gboolean all_known = TRUE;
    for (guint i = 0; i < rows->len && all_known; i++) {
        gint s = fc->stage_of_row[g_array_index(rows, gsize, i)];
        if ((all_known = s >= 0) && !used[s]) {
            used[s] = TRUE;
            m++;
        }
    }
    PcTable *sub = all_known ? pc_table_new(m, 2) : NULL;
    for (gsize s = 0, k = 0; sub && s < fc->st.k; s++)
        if (used[s]) {
            pc_table_set_text(sub, k, 0, pc_table_text(t, pc_table_at(t, s, 0)), -1);
            pc_table_set_number(sub, k++, 1, pc_table_at(t, s, 1)->num);
        }
    g_free(used);
    return sub;
}

/* PIPELINE_FORECAST over the open rows ROWS: the expected value into OUT[0] and the NQ
 * percentiles QS into OUT[1..NQ], from one pass (pc_pipeline_forecast_quantiles). */
static PcStatus forecast_quantiles(Forecast *fc, const GArray *rows, const double *qs, gsize nq,
                                   double *out)
{
    const PcTable *c = fc->src->cells;
    for (gsize i = 0; i <= nq; i++)
        out[i] = 0.0;
    PcStatus st = PC_OK;
    if (rows->len) {
        gsize ac = (gsize)fc->amount, sc = (gsize)fc->stage;
        PcTable *amounts = pc_table_select(c, (gsize *)rows->data, rows->len, &ac, 1);
        PcTable *stages = pc_table_select(c, (gsize *)rows->data, rows->len, &sc, 1);
        PcTable *dates = NULL;
        if (has_period(fc) && fc->close >= 0) {
            gsize dc = (gsize)fc->close;
            dates = pc_table_select(c, (gsize *)rows->data, rows->len, &dc, 1);
        }
        /* only open rows: no Outcomes needed */
        PcTable *sub = rows->len < fc->open->len ? stages_of_rows(fc, rows) : NULL;
        PcForecastArgs a = { amounts, stages, sub ? sub : fc->st.table, dates, fc->start_t, fc->end_t,
                             NULL, NULL };
        pc_error_clear(&fc->err);
        st = amounts && stages && (dates || !has_period(fc) || fc->close < 0)
                 ? pc_pipeline_forecast_quantiles(&a, qs, nq, out, out + 1, &fc->err)
                 : pc_fail(&fc->err, PC_ERR_NOMEM, -1, -1, "the table is too large");
        pc_table_free(dates);
        pc_table_free(sub);
        if (st != PC_OK && fc->err.row >= 0 && (gsize)fc->err.row < rows->len) {
            /* the core counted rows of our selection: name the sheet's row instead */
            gsize sheet_row = fc->src->row0 + g_array_index(rows, gsize, fc->err.row) + 1;
            char *m = g_strdup(fc->err.message);
            g_snprintf(fc->err.message, sizeof fc->err.message, _("%s (sheet row %zu)"), m, sheet_row);
            g_free(m);
        }
        pc_table_free(amounts);
        pc_table_free(stages);
    }
    return st;
}

/* The expected value alone (see forecast_quantiles). */
static PcStatus forecast(Forecast *fc, const GArray *rows, double *out)
{
    return forecast_quantiles(fc, rows, NULL, 0, out);
}

/* The number of open deals PIPELINE_FORECAST counts in the period: its own period rule,
 * asked with every amount and probability 1. */
static PcStatus deals_in_period(Forecast *fc, gsize *n)
{
    *n = fc->open->len;
    if (!has_period(fc) || fc->open->len == 0)
        return PC_OK;
    gsize k = fc->open->len, sc = (gsize)fc->stage, dc = (gsize)MAX(fc->close, 0);
    const gsize *open = (const gsize *)fc->open->data;
    PcTable *ones = pc_table_new(k, 1);
    PcTable *stages = pc_table_select(fc->src->cells, open, k, &sc, 1);
    PcTable *dates = fc->close >= 0 ? pc_table_select(fc->src->cells, open, k, &dc, 1) : NULL;
    for (gsize i = 0; ones && i < k; i++)
        pc_table_set_number(ones, i, 0, 1.0);
    PcForecastArgs a = { ones, stages, ones, dates, fc->start_t, fc->end_t, NULL, NULL };
    double count = 0;
    PcError e;
    PcStatus st = ones && stages ? pc_pipeline_forecast(&a, &count, &e)
                                 : pc_fail(&e, PC_ERR_NOMEM, -1, -1, "the table is too large");
    if (st == PC_OK)
        *n = (gsize)(count + 0.5);
    pc_table_free(ones);
    pc_table_free(stages);
    pc_table_free(dates);
    return st;
}

/* TRUE when the live formulas' PIPELINE_FORECAST over the table's whole data columns
 * (amounts, stages, the stage table, close dates, and FC->closed_col as Outcomes when
 * there is one) answers a number: it checks every row, closed ones too, while the values
 * come from the open rows only. A row it rejects (a closed deal with a text amount, an
 * outcome of 2) keeps the month cells values, so the sheet never shows an error the plan
 * did not. Each month's formula then counts what the month's values count: the open deals
 * closing in the month (clipped to the period). */
static gboolean live_formulas_answer(const Forecast *fc)
{
    const PcTable *c = fc->src->cells;
    gsize n = c->rows > 0 ? c->rows - 1 : 0;
    gsize *rows = g_try_new(gsize, MAX(n, 1));
    if (!rows)
        return FALSE;
    for (gsize i = 0; i < n; i++)
        rows[i] = i + 1; /* row 0 is the header, outside the formulas' ranges */
    gsize ac = (gsize)fc->amount, sc = (gsize)fc->stage, dc = (gsize)fc->close;
    gsize oc = (gsize)MAX(fc->closed_col, 0);
    PcTable *amounts = pc_table_select(c, rows, n, &ac, 1);
    PcTable *stages = pc_table_select(c, rows, n, &sc, 1);
    PcTable *dates = pc_table_select(c, rows, n, &dc, 1);
    PcTable *outcomes = fc->closed_col >= 0 ? pc_table_select(c, rows, n, &oc, 1) : NULL;
    g_free(rows);
    gboolean ok = FALSE;
    if (amounts && stages && dates && (outcomes || fc->closed_col < 0)) {
        PcForecastArgs a = { amounts, stages, fc->st.table, dates, NULL, NULL, NULL, outcomes };
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

/* The column the live formulas pass as Outcomes, so that they leave out the closed deals
 * as the plan does: the outcome column; without one the stage column when it holds
 * outcome words ("Won" there is at 100 % in the stage table, and only Outcomes keeps a won
 * deal from counting at it); -1 when neither. */
static gssize closed_column(const Forecast *fc)
{
    if (fc->outcome >= 0)
        return fc->outcome;
    /* a stage column as Outcomes holds only texts here: a number there (which Outcomes
       would read as won or lost) is an open deal at a stage the forecast does not know,
       and the plan refused it already */
    return fc->st.closed_words->len ? fc->stage : -1;
}

/* The live formulas: a close-date column, and answering. */
static gboolean live_formulas(const Forecast *fc)
{
    return fc->close >= 0 && live_formulas_answer(fc);
}

static void step(const Forecast *fc, gsize done, gsize total)
{
    if (fc->o->progress)
        fc->o->progress(fc->o->progress_data, done, total);
}

/* Fill 4 cells of ROW from column 1: expected, P10, P50, P90 of the open rows ROWS, as
 * amounts; the expected value into *EXPECTED when not NULL. */
static PcStatus put_quantiles(Forecast *fc, RpPlan *p, gsize row, const GArray *rows, double *expected)
{
    double v[4]; /* expected, P10, P50, P90 */
    PcStatus st = forecast_quantiles(fc, rows, MONTH_QS, 3, v);
    if (st != PC_OK)
        return st;
    for (gsize i = 0; i < 4; i++)
        rp_set_number(p, row, 1 + i, v[i], RP_FORMAT_AMOUNT);
    if (expected)
        *expected = v[0];
    return PC_OK;
}

/* The expected value of each stage split out of the open rows ROWS, right of Until. */
static PcStatus put_stages(Forecast *fc, RpPlan *p, gsize row, const GArray *rows)
{
    PcStatus st = PC_OK;
    for (gsize s = 0; s < fc->split && st == PC_OK; s++) {
        double v;
        GArray *at = rows_at_stage(fc, rows, s);
        st = forecast(fc, at, &v);
        g_array_free(at, TRUE);
        rp_set_number(p, row, MONTH_COLS + s, v, RP_FORMAT_AMOUNT);
    }
    return st;
}

/* The title, where the numbers come from, the period. */
static void put_head(const Forecast *fc, RpPlan *p, const RpForecast *f)
{
    RpRect full = { 0, 0, 0, p->cols - 1 };
    char *src = rp_source_text(fc->src);
    char *line = g_strdup_printf(tx_n("From %s. Stage probabilities learned from %zu closed deal "
                                      "(won + lost); edit them below: the Expected column follows.",
                                      "From %s. Stage probabilities learned from %zu closed deals "
                                      "(won + lost); edit them below: the Expected column follows.",
                                      fc->st.closed), src, fc->st.closed);
    rp_set_text(p, 0, 0, _("Pipeline forecast"));
    rp_style(p, full, RP_STYLE_TITLE);
    rp_merge(p, full);
    rp_set_text(p, 1, 0, line);
    g_free(line);
    g_free(src);
    gsize note_rows = 1;
    if (has_period(fc)) {
        line = g_strdup_printf(_("Period: deals closing %s to %s"), f->from, f->until);
        rp_set_text(p, 2, 0, line);
        g_free(line);
        note_rows = 2;
    }
    for (gsize i = 1; i <= note_rows; i++) { /* long lines: they span the sheet, not column A */
        RpRect r = { i, 0, i, p->cols - 1 };
        rp_style(p, r, RP_STYLE_NOTE);
        rp_merge(p, r);
    }
}

/* Stage | Probability, the fallback notes beside the stages that take one; a stage no open
 * deal is at is muted (it is there for the live formulas, and to be edited). */
static void put_stage_table(const Forecast *fc, RpPlan *p)
{
    gsize ks = fc->st.table->rows;
    gboolean *has_open = g_new0(gboolean, MAX(fc->st.k, 1)); /* the outcome words: never */
    for (guint i = 0; i < fc->open->len; i++) {
        gint s = fc->stage_of_row[g_array_index(fc->open, gsize, i)];
        if (s >= 0)
            has_open[s] = TRUE;
    }
    rp_set_text(p, STAGE_ROW0 - 1, 0, _("Stage"));
    rp_set_text(p, STAGE_ROW0 - 1, 1, _("Probability"));
    rp_style(p, (RpRect){ STAGE_ROW0 - 1, 0, STAGE_ROW0 - 1, 1 }, RP_STYLE_HEADER);
    for (gsize i = 0; i < ks; i++) {
        gsize row = STAGE_ROW0 + i;
        const PcTable *t = fc->st.table;
        rp_set_text(p, row, 0, pc_table_text(t, pc_table_at(t, i, 0)));
        rp_set_number(p, row, 1, pc_table_at(t, i, 1)->num, RP_FORMAT_PERCENT);
        if (i >= fc->st.k || !has_open[i])
            rp_style(p, (RpRect){ row, 0, row, 1 }, RP_STYLE_MUTED);
        if (i < fc->st.k && fc->st.fallback[i]) {
            RpRect note = { row, 2, row, p->cols - 1 };
            rp_set_text(p, row, 2, _("no closed deal reached it: earlier stage's value"));
            rp_style(p, note, RP_STYLE_NOTE);
            rp_merge(p, note);
        }
    }
    g_free(has_open);
}

/* The dated month rows ROW0..ROW1 (their From / Until in F / G) as one live array formula
 * over the source table and the stage table, for Expected, P10, P50, P90 (B..E): the
 * same numbers, following edits of both, from one call (PIPELINE_FORECAST gives a row per
 * period, a column per percentile; 0 is the expected value). The percentiles are an
 * inline array, {0;0.1;0.5;0.9} in the API grammar, so the formula reads as the header
 * above it and needs no helper cells. */
static char *months_formula(const Forecast *fc, gsize row0, gsize row1)
{
    const RpSource *s = fc->src;
    RpRect stages = { STAGE_ROW0, 0, STAGE_ROW0 + fc->st.table->rows - 1, 1 };
    RpRect from = { row0, 5, row1, 5 }, until = { row0, 6, row1, 6 };
    char *a = rp_source_column_ref(s, (gsize)fc->amount), *st = rp_source_column_ref(s, (gsize)fc->stage);
    char *d = rp_source_column_ref(s, (gsize)fc->close), *table = rp_block_ref(stages);
    char *f0 = rp_block_ref(from), *f1 = rp_block_ref(until);
    /* the outcome (or outcome-word stage) column as Outcomes */
    char *o = fc->closed_col >= 0 ? rp_source_column_ref(s, (gsize)fc->closed_col) : NULL;
    GString *qs = g_string_new("{0");
    for (gsize i = 0; i < G_N_ELEMENTS(MONTH_QS); i++) {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        g_string_append_printf(qs, ";%s", g_ascii_formatd(buf, sizeof buf, "%g", MONTH_QS[i]));
    }
    g_string_append_c(qs, '}');
    char *f = g_strdup_printf("=" RP_FORECAST_FUNCTION "(%s;%s;%s;%s;%s;%s;%s%s%s)", a, st, table, d, f0,
                              f1, qs->str, o ? ";" : "", o ? o : "");
    g_string_free(qs, TRUE);
    g_free(a);
    g_free(st);
    g_free(d);
    g_free(table);
    g_free(f0);
    g_free(f1);
    g_free(o);
    return f;
}

/* The month rows and Total. */
static PcStatus put_months(Forecast *fc, RpPlan *p, const Layout *l, RpForecast *f, gsize steps)
{
    for (gsize j = 0; j < MONTH_COLS; j++)
        rp_set_text(p, l->month_row0, j, _(HEAD[j]));
    for (gsize s = 0; s < fc->split; s++)
        rp_set_text(p, l->month_row0, MONTH_COLS + s, fc->st.order[s]);
    if (fc->split < fc->st.k) {
        char *line = g_strdup_printf(_("By stage: not shown for %zu stages (at most %d)"), fc->st.k,
                                     RP_FORECAST_SPLIT_MAX);
        rp_set_text(p, l->month_row0, MONTH_COLS, line);
        g_free(line);
    }
    rp_style(p, (RpRect){ l->month_row0, 0, l->month_row0, p->cols - 1 }, RP_STYLE_HEADER);
    PcStatus st = PC_OK;
    const RpSource *s = fc->src;
    double start = fc->o->start, end = fc->o->end;
    gsize dated = 0;
    for (guint i = 0; i < fc->months->len && st == PC_OK; i++) {
        gint m = g_array_index(fc->months, gint, i);
        gsize row = l->month_row0 + 1 + i;
        char label[16];
        step(fc, i, steps);
        if (m == NO_MONTH)
            g_strlcpy(label, _("(no date)"), sizeof label);
        else
            pc_month_label(m, label, sizeof label);
        rp_set_text(p, row, 0, label);
        const GArray *rows = g_ptr_array_index(fc->month_rows, i);
        st = put_quantiles(fc, p, row, rows, NULL);
        if (st == PC_OK)
            st = put_stages(fc, p, row, rows);
        if (m == NO_MONTH || st != PC_OK)
            continue;
        /* the month's days in the period: what the live formula counts */
        double first = pc_month_first_day(&s->dates, m), last = pc_month_last_day(&s->dates, m);
        if (start > 0 && floor(start) > first)
            first = floor(start);
        if (end > 0 && floor(end) < last)
            last = floor(end);
        rp_set_number(p, row, 5, first, RP_FORMAT_DATE);
        rp_set_number(p, row, 6, last, RP_FORMAT_DATE);
        dated++;
    }
    /* the dated months (sorted first) as one array formula over the values planned there */
    if (st == PC_OK && f->live && dated)
        rp_set_array_formula(p, (RpRect){ l->month_row0 + 1, 1, l->month_row0 + dated, 4 },
                             months_formula(fc, l->month_row0 + 1, l->month_row0 + dated), NULL,
                             RP_FORMAT_AMOUNT);
    /* "(no date)" too: its From / Until stay empty in the date format */
    if (fc->months->len)
        rp_format(p, (RpRect){ l->month_row0 + 1, 5, l->total_row - 1, 6 }, RP_FORMAT_DATE);
    rp_set_text(p, l->total_row, 0, _("Total"));
    rp_style(p, (RpRect){ l->total_row, 0, l->total_row, p->cols - 1 }, RP_STYLE_TOTAL);
    if (st == PC_OK)
        st = put_quantiles(fc, p, l->total_row, fc->open, &f->expected);
    if (st == PC_OK && f->live && fc->months->len) /* the months' sum: live with them, no second pass */
        rp_set_formula(p, l->total_row, 1, g_strdup_printf("=SUM(B%zu:B%zu)", l->month_row0 + 2,
                                                           l->total_row), f->expected, RP_FORMAT_AMOUNT);
    if (st == PC_OK)
        st = put_stages(fc, p, l->total_row, fc->open);
    return st;
}

/* The owners' rows, each owner as first typed. */
static PcStatus put_owners(Forecast *fc, RpPlan *p, const Layout *l, gsize steps)
{
    if (!l->n_owners)
        return PC_OK;
    rp_set_text(p, l->owner_row0, 0, _("Owner"));
    for (gsize j = 1; j < OWNER_COLS; j++)
        rp_set_text(p, l->owner_row0, j, _(HEAD[j]));
    rp_style(p, (RpRect){ l->owner_row0, 0, l->owner_row0, OWNER_COLS - 1 }, RP_STYLE_HEADER);
    PcStatus st = PC_OK;
    const PcTable *c = fc->src->cells;
    for (gsize i = 0; i < l->n_owners && st == PC_OK; i++) {
        gsize row = l->owner_row0 + 1 + i;
        step(fc, fc->months->len + i, steps);
        const char *key = g_ptr_array_index(fc->owners, i);
        gsize first = g_array_index(fc->owner_first, gsize, i);
        rp_set_text(p, row, 0, *key ? pc_table_text(c, pc_table_at(c, first, (gsize)fc->owner)) : _("(nobody)"));
        st = put_quantiles(fc, p, row, g_ptr_array_index(fc->owner_rows, i), NULL);
    }
    return st;
}

/* The chart of the expected revenue by month: dated months only, "(no date)" and Total
 * would dwarf them. Expected as a line with P10 and P90 as lines of their own around it: a
 * band that Expected may leave (a few large deals pull the mean above P90), so no error
 * bars. Below the owners' table (or, without owners, below Total), at column A: beside it,
 * right of the month table's many columns, it was cut off by a window with the deck open. */
static void put_chart(const Forecast *fc, RpPlan *p, const Layout *l)
{
    gsize dated = 0;
    for (guint i = 0; i < fc->months->len; i++)
        dated += g_array_index(fc->months, gint, i) != NO_MONTH;
    RpChart *c = rp_add_chart(p, CHART_NAME, RP_CHART_LINES,
                              (RpRect){ l->month_row0, 0, l->month_row0 + dated, 4 },
                              l->total_row + 2 + (l->n_owners ? l->n_owners + 2 : 0), 0);
    rp_chart_series(c, 1); /* Expected */
    rp_chart_series(c, 2); /* P10 */
    rp_chart_series(c, 4); /* P90 */
    c->title = g_strdup(_("Expected revenue by month"));
    c->x_title = g_strdup(_(HEAD[0]));
    c->y_title = g_strdup(_("Revenue"));
    c->legend = TRUE;
    c->value_format = RP_FORMAT_AMOUNT;
    c->height = 8.5;
}

/* The sheet from FC, its stages learned. FALSE with FC->err on a core failure. */
static gboolean lay_out(Forecast *fc, GPtrArray *keys, RpForecast *f)
{
    Layout l = { 0 };
    gsize ks = fc->st.table->rows;
    l.month_row0 = STAGE_ROW0 + ks + 1;
    l.total_row = l.month_row0 + 1 + fc->months->len;
    l.owner_row0 = l.total_row + 2;
    l.n_owners = fc->owner >= 0 ? fc->owners->len : 0;
    gsize rows = l.n_owners ? l.owner_row0 + 1 + l.n_owners : l.total_row + 1;
    group_open(fc, keys);
    RpPlan *p = f->plan = rp_plan_new(RP_PLACE_SHEET, RP_MARKER_FORECAST, rows,
                                      MONTH_COLS + MAX(fc->split, 1));
    p->sheet_base = g_strdup(_("Forecast"));
    p->undo_title = g_strdup(_("Pipecalc: write forecast"));
    p->amount_col = fc->amount;
    p->date_col = fc->close;
    p->freeze_rows = l.month_row0 + 1 <= FREEZE_MAX_ROWS ? l.month_row0 + 1 : 0;
    gsize steps = fc->months->len + l.n_owners + 1;
    put_head(fc, p, f);
    put_stage_table(fc, p);
    fc->closed_col = closed_column(fc);
    f->live = live_formulas(fc);
    PcStatus st = put_months(fc, p, &l, f, steps);
    if (st == PC_OK)
        st = put_owners(fc, p, &l, steps);
    step(fc, steps, steps);
    if (st != PC_OK)
        return FALSE;
    rp_fit_widths(p, 6, 40);
    put_chart(fc, p, &l);
    f->period = has_period(fc) && deals_in_period(fc, &f->deals) == PC_OK;
    if (!f->period)
        f->deals = fc->open->len;
    return TRUE;
}

/* The columns the forecast needs and a period that ends after it starts; the user's
 * sentence when not. */
static char *refusal(const Forecast *fc)
{
    double start = fc->o->start, end = fc->o->end;
    if (!isfinite(start) || !isfinite(end) || start < 0 || end < 0 ||
        (start > 0 && end > 0 && floor(start) > floor(end)))
        return g_strdup(_("The period starts after it ends. Nothing was written."));
    if (fc->amount < 0 || fc->stage < 0 || ((start != 0 || end != 0) && fc->close < 0))
        return g_strdup(_("The forecast needs an amount column and a stage column (and a close date "
                          "column for a period)."));
    if (!fc->o->given)
        return rp_need_closed(fc->src->counts.won, fc->src->counts.lost);
    return NULL;
}

gboolean rp_forecast_plan(const RpSource *s, const RpForecastOptions *o, RpForecast *f,
                          char **message)
{
    const PcRole *roles = s->roles;
    gsize cols = s->cells->cols;
    Forecast fc = { .src = s, .o = o };
    memset(f, 0, sizeof *f);
    fc.amount = pc_roles_find(roles, cols, PC_ROLE_AMOUNT);
    fc.stage = pc_roles_find(roles, cols, PC_ROLE_STAGE);
    fc.close = pc_roles_find(roles, cols, PC_ROLE_CLOSE_DATE);
    fc.owner = pc_roles_find(roles, cols, PC_ROLE_OWNER);
    fc.outcome = pc_roles_find(roles, cols, PC_ROLE_OUTCOME);
    if ((*message = refusal(&fc)))
        return FALSE;
    fc.start_t = bound(o->start);
    fc.end_t = bound(o->end);
    date_text(&fc, o->start, f->from, sizeof f->from);
    date_text(&fc, o->end, f->until, sizeof f->until);
    GPtrArray *keys = pc_text_keys(s->cells);
    collect_open(&fc, keys);
    gboolean ok = FALSE;
    if (fc.open->len == 0)
        *message = g_strdup(_("The table has no open deals to forecast. Nothing was written."));
    else if (rp_stages_learn(s, keys, o->given, &fc.st, message)) {
        pc_error_clear(&fc.err);
        if (!(ok = lay_out(&fc, keys, f))) {
            *message = g_strdup_printf(_("The forecast failed: %s. Nothing was written."), fc.err.message);
            rp_forecast_clear(f);
        }
    }
    forecast_free(&fc);
    g_ptr_array_unref(keys);
    return ok;
}

void rp_forecast_clear(RpForecast *f)
{
    rp_plan_free(f->plan);
    f->plan = NULL;
}
