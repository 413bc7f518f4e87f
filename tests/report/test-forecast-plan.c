/* test-forecast-plan.c - what Write forecast writes, planned without an office. */
#include "pc_forecast.h"
#include "pc_select.h"
#include "report-tables.h"
#include "rp_forecast.h"
#include "rp_stages.h"
#include "tx.h"

#include <math.h>

/* Serials (1899-12-30 system) of days in 2026. */
enum { JAN_1 = 46023, JAN_18 = 46040, JAN_31 = 46053, FEB_1 = 46054, FEB_26 = 46079,
       FEB_28 = 46081, MAR_1 = 46082, MAR_31 = 46112 };
/* Days from 1899-12-30 to 1904-01-01: the same day's serial is this much smaller there. */
enum { SHIFT_1904 = 1462 };

/* Four closed deals: Acme won at Proposal, Bolt and Echo lost at Lead, Flux lost at
 * Qualified. Reached Lead 4 (1 won), Qualified 2 (Acme, Flux), Proposal 1, Negotiation
 * 1 (the won deal reached every stage): Lead 25 %, Qualified 50 %, Proposal and
 * Negotiation 100 %. Open: Dune 4000 Proposal and Ivy 800 Lead in January (4000 + 200),
 * Gale 1500 Lead in February (375), Cyan 3000 Qualified in March (1500), Hive 2500
 * Negotiation undated (2500): 8575 expected. */
static const char *const DEALS[] = {
    "Deal", "Stage", "Amount", "Close date", "Owner", "Outcome",
    "Acme", "Proposal", "#1000", "#46037", "Ann", "won",
    "Bolt", "Lead", "#2000", "#46063", "Bob", "lost",
    "Cyan", "Qualified", "#3000", "#46086", "Ann", "",
    "Dune", "Proposal", "#4000", "#46042", "Bob", "",
    "Echo", "Lead", "#500", "#46100", "Ann", "lost",
    "Flux", "Qualified", "#700", "#46045", "Bob", "lost",
    "Gale", "Lead", "#1500", "#46070", "Ann", "",
    "Hive", "Negotiation", "#2500", "", "Bob", "",
    "Ivy", "Lead", "#800", "#46040", "", "",
};
enum { DEAL_ROWS = 10, DEAL_COLS = 6 };

static PcTable *deals_table(void)
{
    return table_of(DEAL_ROWS, DEAL_COLS, DEALS, G_N_ELEMENTS(DEALS));
}

/* The plan's rows: title, source, (period), stage header, 4 stages, blank, month header,
 * 4 months, Total, blank, owner header, 3 owners. */
enum { STAGE0 = 4, MONTH_HEAD = 9, MONTH0 = 10, TOTAL = 14, OWNER_HEAD = 16, OWNER0 = 17 };

static const char *const STAGES[] = { "Lead", "Qualified", "Proposal", "Negotiation" };
static const double PROBS[] = { 0.25, 0.5, 1, 1 };

static gboolean plan(const RpSource *s, double start, double end, const PcTable *given,
                     RpForecast *f, char **message)
{
    RpForecastOptions o = { start, end, given, NULL, NULL };
    return rp_forecast_plan(s, &o, f, message);
}

/* The forecast of T with no period and learned stages, which must plan. */
static RpForecast plan_all(const PcTable *t)
{
    RpSource s = source_of(t);
    RpForecast f;
    char *message = NULL;
    g_assert_true(plan(&s, 0, 0, NULL, &f, &message));
    g_assert_null(message);
    return f;
}

/* P10 / P50 / P90 of the deals AMOUNTS / STAGES (numbers and texts of one column each)
 * through the core directly, with the plan's stage table. */
static void quantiles_of(const PcTable *amounts, const PcTable *stages, const PcTable *table,
                         double *expected, double q[3])
{
    static const double Q[3] = { 0.1, 0.5, 0.9 };
    PcForecastArgs a = { amounts, stages, table, NULL, NULL, NULL, NULL, NULL };
    PcError e;
    g_assert_cmpint(pc_pipeline_forecast_quantiles(&a, Q, 3, expected, q, &e), ==, PC_OK);
}

/* The stage | probability table the plan wrote (rows STAGE0 on, N of them). */
static PcTable *stage_table_of(const RpPlan *p, gsize n)
{
    PcTable *t = pc_table_new(n, 2);
    for (gsize i = 0; i < n; i++) {
        pc_table_set_text(t, i, 0, text_at(p, STAGE0 + i, 0), -1);
        pc_table_set_number(t, i, 1, number_at(p, STAGE0 + i, 1));
    }
    g_test_queue_destroy((GDestroyNotify)pc_table_free, t);
    return t;
}

/* What the months' live array formula over rows ROW0.. (K of them) computes, row by row
 * (expected, P10, P50, P90): PIPELINE_FORECAST over the source's whole data columns
 * (amounts 2, stages 1, close dates 3, OUTCOME_COL as Outcomes), the stage table on the
 * sheet, the rows' From / Until as its periods, {0; 0.1; 0.5; 0.9} as its percentiles;
 * g_free. */
static double *array_values(const RpPlan *p, const PcTable *src, gsize outcome_col, gsize row0, gsize k,
                            const PcTable *table)
{
    gsize n = src->rows - 1, *rows = g_new(gsize, n);
    for (gsize i = 0; i < n; i++)
        rows[i] = i + 1;
    gsize cols[4] = { 2, 1, 3, outcome_col };
    PcTable *col[4];
    for (gsize j = 0; j < 4; j++)
        col[j] = pc_table_select(src, rows, n, &cols[j], 1);
    g_free(rows);
    PcTable *from = pc_table_new(k, 1), *until = pc_table_new(k, 1), *qs = pc_table_new(1, 4);
    for (gsize i = 0; i < k; i++) {
        pc_table_set_number(from, i, 0, number_at(p, row0 + i, 5));
        pc_table_set_number(until, i, 0, number_at(p, row0 + i, 6));
    }
    static const double Q[4] = { 0, 0.1, 0.5, 0.9 };
    for (gsize j = 0; j < 4; j++)
        pc_table_set_number(qs, 0, j, Q[j]);
    PcForecastArgs a = { col[0], col[1], table, col[2], from, until, qs, col[3] };
    PcError e;
    double *v = NULL;
    PcStatus *st = NULL;
    gsize r = 0, c = 0;
    g_assert_cmpint(pc_pipeline_forecast_table(&a, &v, &st, &r, &c, &e), ==, PC_OK);
    g_assert_cmpuint(r, ==, k);
    g_assert_cmpuint(c, ==, 4);
    for (gsize i = 0; i < k * 4; i++)
        g_assert_cmpint(st[i], ==, PC_OK);
    g_free(st);
    for (gsize j = 0; j < 4; j++)
        pc_table_free(col[j]);
    pc_table_free(from);
    pc_table_free(until);
    pc_table_free(qs);
    return v;
}

/* Rows ROW0..ROW0 + K - 1, columns B..E of P are one array formula, FORMULA, holding what
 * the plan computed, and computing it: ARRAY (array_values) there. */
static void assert_month_array(const RpPlan *p, gsize row0, gsize k, const char *formula, const double *array)
{
    const RpArray *a = rp_array_at(p, row0, 1);
    g_assert_nonnull(a);
    g_assert_cmpstr(a->formula, ==, formula);
    g_assert_cmpuint(a->cells.row0, ==, row0);
    g_assert_cmpuint(a->cells.row1, ==, row0 + k - 1);
    g_assert_cmpuint(a->cells.col0, ==, 1);
    g_assert_cmpuint(a->cells.col1, ==, 4);
    for (gsize i = 0; i < k; i++)
        for (gsize j = 0; j < 4; j++) {
            const RpCell *c = rp_cell_at(p, row0 + i, 1 + j);
            g_assert_cmpint(c->kind, ==, RP_ARRAY);
            g_assert_cmpint(c->format, ==, RP_FORMAT_AMOUNT);
            g_assert_true(rp_array_at(p, row0 + i, 1 + j) == a);
            g_assert_cmpfloat_with_epsilon(c->num, array[i * 4 + j], 1e-9 * MAX(1.0, fabs(c->num)));
        }
    /* the period cells and the split by stage stay values */
    g_assert_null(rp_array_at(p, row0, 0));
    g_assert_null(rp_array_at(p, row0, 5));
    g_assert_null(rp_array_at(p, row0 + k, 1));
}

static void forecast_stage_table(void)
{
    RpForecast f = plan_all(deals_table());
    const RpPlan *p = f.plan;
    g_assert_cmpint(p->place, ==, RP_PLACE_SHEET);
    g_assert_cmpstr(p->marker, ==, "PIPECALC_FORECAST");
    g_assert_cmpstr(p->sheet_base, ==, "Forecast");
    g_assert_cmpstr(p->undo_title, ==, "Pipecalc: write forecast");
    g_assert_cmpuint(p->rows, ==, 20);
    g_assert_cmpuint(p->cols, ==, 11);
    g_assert_cmpstr(text_at(p, 0, 0), ==, "Pipeline forecast");
    g_assert_cmpint(style_at(p, 0, 10), ==, RP_STYLE_TITLE);
    g_assert_cmpstr(text_at(p, 1, 0), ==, "From Deals.A1:F10. Stage probabilities learned from 4 "
                                          "closed deals (won + lost); edit them below: the Expected "
                                          "column follows.");
    g_assert_cmpint(style_at(p, 1, 0), ==, RP_STYLE_NOTE);
    g_assert_cmpint(rp_cell_at(p, 2, 0)->kind, ==, RP_EMPTY); /* no period */
    g_assert_cmpuint(p->merges->len, ==, 2);                 /* the title and the source line */
    g_assert_cmpstr(text_at(p, 3, 0), ==, "Stage");
    g_assert_cmpstr(text_at(p, 3, 1), ==, "Probability");
    g_assert_cmpint(style_at(p, 3, 1), ==, RP_STYLE_HEADER);
    for (gsize i = 0; i < 4; i++) {
        g_assert_cmpstr(text_at(p, STAGE0 + i, 0), ==, STAGES[i]);
        g_assert_cmpfloat_with_epsilon(number_at(p, STAGE0 + i, 1), PROBS[i], 1e-15);
        g_assert_cmpint(format_at(p, STAGE0 + i, 1), ==, RP_FORMAT_PERCENT);
        g_assert_cmpint(rp_cell_at(p, STAGE0 + i, 2)->kind, ==, RP_EMPTY); /* each one reached */
        g_assert_cmpint(style_at(p, STAGE0 + i, 0), ==, RP_STYLE_NONE);     /* each has open deals */
    }
    g_assert_cmpint(rp_cell_at(p, STAGE0 + 4, 0)->kind, ==, RP_EMPTY);
    g_assert_cmpfloat(f.expected, ==, 8575);
    g_assert_cmpuint(f.deals, ==, 5);
    g_assert_false(f.period);
    g_assert_true(f.live);
    rp_forecast_clear(&f);
}

static void forecast_months_and_owners(void)
{
    RpForecast f = plan_all(deals_table());
    const RpPlan *p = f.plan;
    static const char *const HEAD[] = { "Month", "Expected", "P10", "P50", "P90", "From", "Until",
                                        "Lead", "Qualified", "Proposal", "Negotiation" };
    for (gsize j = 0; j < 11; j++) {
        g_assert_cmpstr(text_at(p, MONTH_HEAD, j), ==, HEAD[j]);
        g_assert_cmpint(style_at(p, MONTH_HEAD, j), ==, RP_STYLE_HEADER);
    }
    /* month, expected, P10, P50, P90 (by hand: Ivy's 800 at 25 % beside Dune's sure 4000),
     * From, Until, the split by stage */
    static const char *const MONTHS[] = { "2026-01", "2026-02", "2026-03", "(no date)" };
    static const double VALUES[4][4] = { { 4200, 4000, 4000, 4800 }, { 375, 0, 0, 1500 },
                                         { 1500, 0, 0, 3000 }, { 2500, 2500, 2500, 2500 } };
    static const double DAYS[3][2] = { { JAN_1, JAN_31 }, { FEB_1, FEB_28 }, { MAR_1, MAR_31 } };
    static const double SPLIT[5][4] = { { 200, 0, 4000, 0 }, { 375, 0, 0, 0 }, { 0, 1500, 0, 0 },
                                        { 0, 0, 0, 2500 }, { 575, 1500, 4000, 2500 } };
    for (gsize i = 0; i < 4; i++) {
        gsize row = MONTH0 + i;
        g_assert_cmpstr(text_at(p, row, 0), ==, MONTHS[i]);
        for (gsize j = 0; j < 4; j++) {
            g_assert_cmpfloat_with_epsilon(number_at(p, row, 1 + j), VALUES[i][j], 1e-9);
            g_assert_cmpint(format_at(p, row, 1 + j), ==, RP_FORMAT_AMOUNT);
        }
        for (gsize j = 0; j < 2; j++) {
            g_assert_cmpint(format_at(p, row, 5 + j), ==, RP_FORMAT_DATE); /* "(no date)" too */
            if (i < 3)
                g_assert_cmpfloat(number_at(p, row, 5 + j), ==, DAYS[i][j]);
            else
                g_assert_cmpint(rp_cell_at(p, row, 5 + j)->kind, ==, RP_EMPTY);
        }
    }
    for (gsize i = 0; i < 5; i++)
        for (gsize j = 0; j < 4; j++) {
            g_assert_cmpfloat_with_epsilon(number_at(p, MONTH0 + i, 7 + j), SPLIT[i][j], 1e-9);
            g_assert_cmpint(format_at(p, MONTH0 + i, 7 + j), ==, RP_FORMAT_AMOUNT);
        }
    /* P10 / P50 / P90 as the core computes them, January and Total */
    PcTable *table = stage_table_of(p, 4);
    double expected, q[3];
    quantiles_of(COL("#4000", "#800"), COL("Proposal", "Lead"), table, &expected, q);
    g_assert_cmpfloat(number_at(p, MONTH0, 1), ==, expected);
    for (gsize j = 0; j < 3; j++)
        g_assert_cmpfloat(number_at(p, MONTH0, 2 + j), ==, q[j]);
    quantiles_of(COL("#3000", "#4000", "#1500", "#2500", "#800"),
                 COL("Qualified", "Proposal", "Lead", "Negotiation", "Lead"), table, &expected, q);
    g_assert_cmpstr(text_at(p, TOTAL, 0), ==, "Total");
    g_assert_cmpfloat(number_at(p, TOTAL, 1), ==, expected);
    for (gsize j = 0; j < 3; j++)
        g_assert_cmpfloat(number_at(p, TOTAL, 2 + j), ==, q[j]);
    for (gsize j = 0; j < 11; j++)
        g_assert_cmpint(style_at(p, TOTAL, j), ==, RP_STYLE_TOTAL);
    g_assert_cmpint(rp_cell_at(p, TOTAL, 5)->kind, ==, RP_EMPTY);
    /* owners in the order the open deals show them; Ivy has none */
    g_assert_cmpint(rp_cell_at(p, TOTAL + 1, 0)->kind, ==, RP_EMPTY);
    static const char *const OWN_HEAD[] = { "Owner", "Expected", "P10", "P50", "P90" };
    for (gsize j = 0; j < 5; j++) {
        g_assert_cmpstr(text_at(p, OWNER_HEAD, j), ==, OWN_HEAD[j]);
        g_assert_cmpint(style_at(p, OWNER_HEAD, j), ==, RP_STYLE_HEADER);
    }
    g_assert_cmpint(rp_cell_at(p, OWNER_HEAD, 5)->kind, ==, RP_EMPTY);
    static const char *const OWNERS[] = { "Ann", "Bob", "(nobody)" };
    static const double OWNED[] = { 1875, 6500, 200 };
    for (gsize i = 0; i < 3; i++) {
        g_assert_cmpstr(text_at(p, OWNER0 + i, 0), ==, OWNERS[i]);
        g_assert_cmpfloat_with_epsilon(number_at(p, OWNER0 + i, 1), OWNED[i], 1e-9);
        g_assert_cmpint(format_at(p, OWNER0 + i, 4), ==, RP_FORMAT_AMOUNT);
        g_assert_cmpint(rp_cell_at(p, OWNER0 + i, 5)->kind, ==, RP_EMPTY);
    }
    quantiles_of(COL("#3000", "#1500"), COL("Qualified", "Lead"), table, &expected, q);
    for (gsize j = 0; j < 3; j++)
        g_assert_cmpfloat(number_at(p, OWNER0, 2 + j), ==, q[j]);
    /* the writer's format sources, frozen rows down to the months' header, widths */
    g_assert_cmpint(p->amount_col, ==, 2);
    g_assert_cmpint(p->date_col, ==, 3);
    g_assert_cmpuint(p->freeze_rows, ==, MONTH0);
    g_assert_cmpfloat(p->widths[0], ==, 12); /* "Negotiation" and a space; merged lines left out */
    g_assert_cmpfloat(p->widths[5], ==, 11); /* a date */
    rp_forecast_clear(&f);
}

static void forecast_formulas_and_chart(void)
{
    PcTable *t = deals_table();
    RpForecast f = plan_all(t);
    const RpPlan *p = f.plan;
    PcTable *table = stage_table_of(p, 4);
    /* January..March: Expected, P10, P50, P90 as one array formula over B11:E13 */
    double *want = array_values(p, t, 5, MONTH0, 3, table);
    static const double EXPECTED[] = { 4200, 375, 1500 };
    for (gsize i = 0; i < 3; i++)
        g_assert_cmpfloat_with_epsilon(want[i * 4], EXPECTED[i], 1e-9);
    assert_month_array(p, MONTH0, 3,
                       "=ORG.PIPECALC.PIPELINEFUNCTIONS.PIPELINEFORECAST($'Deals'.$C$2:$C$10;$'Deals'.$B$2:$B$10;"
                       "$A$5:$B$8;$'Deals'.$D$2:$D$10;$F$11:$F$13;$G$11:$G$13;{0;0.1;0.5;0.9};"
                       "$'Deals'.$F$2:$F$10)", want);
    g_free(want);
    g_assert_cmpuint(p->arrays->len, ==, 1);
    g_assert_cmpint(rp_cell_at(p, MONTH0 + 3, 1)->kind, ==, RP_NUMBER); /* undated: values */
    g_assert_cmpint(rp_cell_at(p, MONTH0 + 3, 4)->kind, ==, RP_NUMBER);
    assert_formula(p, TOTAL, 1, "=SUM(B11:B14)", 8575);
    g_assert_cmpint(rp_cell_at(p, TOTAL, 2)->kind, ==, RP_NUMBER);
    /* the chart: the months' header row and the dated months; Expected, P10 and P90 as
     * lines of their own (P50 left out), below the owners' table */
    g_assert_cmpuint(p->charts->len, ==, 1);
    const RpChart *c = g_ptr_array_index(p->charts, 0);
    g_assert_cmpstr(c->name, ==, "PipecalcForecast");
    g_assert_cmpint(c->type, ==, RP_CHART_LINES);
    g_assert_cmpuint(c->data.row0, ==, MONTH_HEAD);
    g_assert_cmpuint(c->data.col0, ==, 0);
    g_assert_cmpuint(c->data.row1, ==, MONTH0 + 2);
    g_assert_cmpuint(c->data.col1, ==, 4);
    g_assert_cmpuint(c->n_series, ==, 3);
    static const char *const SERIES[] = { "Expected", "P10", "P90" };
    for (gsize k = 0; k < 3; k++)
        g_assert_cmpstr(text_at(p, MONTH_HEAD, c->series[k]), ==, SERIES[k]);
    g_assert_cmpuint(c->row, ==, p->rows + 1); /* below the owners' table, covering no cell */
    g_assert_cmpuint(c->col, ==, 0);
    g_assert_cmpstr(c->title, ==, "Expected revenue by month");
    g_assert_cmpstr(c->x_title, ==, "Month");
    g_assert_cmpstr(c->y_title, ==, "Revenue");
    g_assert_true(c->legend);
    g_assert_false(c->reverse_categories);
    g_assert_cmpint(c->value_format, ==, RP_FORMAT_AMOUNT);
    rp_forecast_clear(&f);
}

/* The outcome in the stage column: "Won" joins the stage table at 100 % and "Lost" at 0 %,
 * and the live formulas take the stage column as their Outcomes, so that the won deals
 * (closed) do not count at Won's 100 %; no owner column: no owners' rows. */
static void forecast_outcome_words_in_the_stage_column(void)
{
    PcTable *t = TAB(6, 4, "Deal", "Stage", "Amount", "Close date",
                     "A", "Won", "#1000", "#46037",
                     "B", "Lost", "#2000", "#46063",
                     "C", "Qualified", "#3000", "#46086",
                     "D", "Lead", "#1500", "#46070",
                     "E", "Lost", "#500", "#46100");
    RpForecast f = plan_all(t);
    const RpPlan *p = f.plan;
    /* reached Lead: all 3 closed, 1 won; Qualified: the won one */
    static const char *const NAMES[] = { "Lead", "Qualified", "Won", "Lost" };
    static const double PS[] = { 1.0 / 3, 1, 1, 0 };
    for (gsize i = 0; i < 4; i++) {
        g_assert_cmpstr(text_at(p, STAGE0 + i, 0), ==, NAMES[i]);
        g_assert_cmpfloat_with_epsilon(number_at(p, STAGE0 + i, 1), PS[i], 1e-15);
        g_assert_cmpint(format_at(p, STAGE0 + i, 1), ==, RP_FORMAT_PERCENT);
        /* Won and Lost hold no open deal: muted, there for the live formulas */
        g_assert_cmpint(style_at(p, STAGE0 + i, 0), ==, i < 2 ? RP_STYLE_NONE : RP_STYLE_MUTED);
        g_assert_cmpint(style_at(p, STAGE0 + i, 1), ==, i < 2 ? RP_STYLE_NONE : RP_STYLE_MUTED);
    }
    g_assert_cmpstr(text_at(p, 9, 0), ==, "Month");
    g_assert_cmpstr(text_at(p, 10, 0), ==, "2026-02");
    /* the stage column is the formula's Outcomes too; the won deal A (January) left out */
    double *want = array_values(p, t, 1, 10, 2, stage_table_of(p, 4));
    g_assert_cmpfloat_with_epsilon(want[0], 500, 1e-9);
    g_assert_cmpfloat_with_epsilon(want[4], 3000, 1e-9);
    assert_month_array(p, 10, 2,
                       "=ORG.PIPECALC.PIPELINEFUNCTIONS.PIPELINEFORECAST($'Deals'.$C$2:$C$6;$'Deals'.$B$2:$B$6;"
                       "$A$5:$B$8;$'Deals'.$D$2:$D$6;$F$11:$F$12;$G$11:$G$12;{0;0.1;0.5;0.9};"
                       "$'Deals'.$B$2:$B$6)", want);
    g_free(want);
    assert_formula(p, 12, 1, "=SUM(B11:B12)", 3500);
    g_assert_cmpfloat(f.expected, ==, 3500); /* the open deals alone, as before Won was 100 % */
    g_assert_cmpuint(p->rows, ==, 13); /* Total last: no owners */
    g_assert_cmpuint(p->cols, ==, 9);
    const RpChart *c = g_ptr_array_index(p->charts, 0); /* below Total, at column A */
    g_assert_cmpuint(c->row, ==, p->rows + 1);
    g_assert_cmpuint(c->col, ==, 0);
    g_assert_cmpint(p->amount_col, ==, 2);
    rp_forecast_clear(&f);
    /* German and other won / lost words: "Closed Won" and "gewonnen" at 100 %, "verloren" at 0 % */
    RpForecast g = plan_all(TAB(6, 4, "Deal", "Stage", "Amount", "Close date",
                                "A", "Closed Won", "#1000", "#46037",
                                "B", "verloren", "#2000", "#46063",
                                "C", "Lead", "#3000", "#46086",
                                "D", "gewonnen", "#1500", "#46070",
                                "E", "Lead", "#500", "#46100"));
    static const char *const WORDS[] = { "Lead", "Closed Won", "verloren", "gewonnen" };
    static const double WORD_PS[] = { 2.0 / 3, 1, 0, 1 };
    for (gsize i = 0; i < 4; i++) {
        g_assert_cmpstr(text_at(g.plan, STAGE0 + i, 0), ==, WORDS[i]);
        g_assert_cmpfloat_with_epsilon(number_at(g.plan, STAGE0 + i, 1), WORD_PS[i], 1e-15);
    }
    g_assert_cmpfloat_with_epsilon(g.expected, 3500 * 2.0 / 3, 1e-9);
    g_assert_true(g.live);
    rp_forecast_clear(&g);
    /* a numbered stage: no stage of the forecast (the stage order holds texts), so the
     * plan refuses before the stage column could be Outcomes and read 1 as won */
    RpSource numbered = source_of(TAB(5, 4, "Deal", "Stage", "Amount", "Close date",
                                      "A", "Won", "#1000", "#46037",
                                      "B", "Lost", "#2000", "#46063",
                                      "C", "#1", "#3000", "#46086",
                                      "D", "Lead", "#1500", "#46070"));
    char *message = NULL;
    RpForecast n;
    g_assert_false(plan(&numbered, 0, 0, NULL, &n, &message));
    g_test_message("%s", message);
    g_assert_nonnull(strstr(message, "is not in the stage table"));
    g_free(message);
}

/* Only the months with days in the period get a row, From / Until clipped to it; the
 * undated deal does not count once a bound is given. */
static void forecast_period(void)
{
    RpSource s = source_of(deals_table());
    RpForecast f;
    char *message = NULL;
    g_assert_true(plan(&s, JAN_18, FEB_26, NULL, &f, &message));
    const RpPlan *p = f.plan;
    g_assert_cmpstr(text_at(p, 2, 0), ==, "Period: deals closing 2026-01-18 to 2026-02-26");
    g_assert_cmpint(style_at(p, 2, 0), ==, RP_STYLE_NOTE);
    g_assert_cmpstr(text_at(p, MONTH0, 0), ==, "2026-01");
    g_assert_cmpfloat(number_at(p, MONTH0, 5), ==, JAN_18);
    g_assert_cmpfloat(number_at(p, MONTH0, 6), ==, JAN_31);
    g_assert_cmpfloat(number_at(p, MONTH0 + 1, 5), ==, FEB_1);
    g_assert_cmpfloat(number_at(p, MONTH0 + 1, 6), ==, FEB_26);
    g_assert_cmpfloat(number_at(p, MONTH0, 1), ==, 4200);
    g_assert_cmpfloat(number_at(p, MONTH0 + 1, 1), ==, 375);
    g_assert_cmpstr(text_at(p, MONTH0 + 2, 0), ==, "Total");
    /* the array over the period's two months, their clipped From / Until as its periods */
    const RpArray *arr = rp_array_at(p, MONTH0, 1);
    g_assert_nonnull(arr);
    g_assert_cmpuint(arr->cells.row1, ==, MONTH0 + 1);
    g_assert_nonnull(strstr(arr->formula, ";$F$11:$F$12;$G$11:$G$12;{0;0.1;0.5;0.9};"));
    assert_formula(p, MONTH0 + 2, 1, "=SUM(B11:B12)", 4575);
    g_assert_cmpfloat(f.expected, ==, 4575);
    /* owners: Ann's Cyan closes in March, Bob's Hive has no date */
    g_assert_cmpstr(text_at(p, MONTH0 + 4, 0), ==, "Owner");
    g_assert_cmpfloat(number_at(p, MONTH0 + 5, 1), ==, 375);
    g_assert_cmpfloat(number_at(p, MONTH0 + 6, 1), ==, 4000);
    g_assert_cmpfloat(number_at(p, MONTH0 + 7, 1), ==, 200);
    g_assert_cmpuint(p->rows, ==, MONTH0 + 8);
    g_assert_true(f.period);
    g_assert_cmpuint(f.deals, ==, 3);
    g_assert_cmpstr(f.from, ==, "2026-01-18");
    g_assert_cmpstr(f.until, ==, "2026-02-26");
    const RpChart *c = g_ptr_array_index(p->charts, 0);
    g_assert_cmpuint(c->data.row1, ==, MONTH0 + 1);
    rp_forecast_clear(&f);
    /* an open end: from March 1 on, Cyan's March alone */
    g_assert_true(plan(&s, MAR_1, 0, NULL, &f, &message));
    g_assert_cmpstr(text_at(f.plan, 2, 0), ==, "Period: deals closing 2026-03-01 to ...");
    g_assert_cmpstr(text_at(f.plan, MONTH0, 0), ==, "2026-03");
    g_assert_cmpfloat(number_at(f.plan, MONTH0, 6), ==, MAR_31);
    g_assert_cmpfloat(f.expected, ==, 1500);
    g_assert_cmpstr(f.until, ==, "...");
    rp_forecast_clear(&f);
    /* a period without a deal in it: no month, a chart without data */
    g_assert_true(plan(&s, 47000, 47010, NULL, &f, &message));
    g_assert_cmpstr(text_at(f.plan, MONTH0, 0), ==, "Total");
    g_assert_cmpint(rp_cell_at(f.plan, MONTH0, 1)->kind, ==, RP_NUMBER);
    g_assert_cmpfloat(f.expected, ==, 0);
    g_assert_cmpuint(f.deals, ==, 0);
    c = g_ptr_array_index(f.plan->charts, 0);
    g_assert_cmpuint(c->data.row1, ==, c->data.row0);
    rp_forecast_clear(&f);
}

/* A number with DECIMALS decimals and a decimal comma, as a German panel shows it. */
static char *comma_number(double v, int decimals)
{
    char *s = g_strdup_printf("%.*f", decimals, v);
    for (char *c = s; *c; c++)
        if (*c == '.')
            *c = ',';
    return s;
}

static char *point_number(double v, int decimals)
{
    return g_strdup_printf("%.*f", decimals, v);
}

/* TEXT as a locale whose decimal separator is DATA (",", ".") reads a typed number, as
 * Calc does (the Calc layer asks Calc itself): the other separator makes it no number, a
 * percent sign (blanks before it allowed) divides by 100. */
static gboolean locale_read(gpointer data, const char *text, double *value)
{
    const char *sep = data;
    char *t = g_strdup(text);
    gsize n = strlen(t);
    gboolean percent = n && t[n - 1] == '%';
    if (percent)
        t[--n] = 0;
    g_strchomp(t);
    gboolean ok = *t && !strchr(t, *sep == ',' ? '.' : ',');
    g_strdelimit(t, sep, '.');
    char *end = NULL;
    double v = ok ? g_ascii_strtod(t, &end) : 0;
    ok = ok && end && !*end;
    g_free(t);
    if (ok)
        *value = percent ? v / 100 : v;
    return ok;
}

/* Numbers typed and shown as a German and as an English locale has them. */
static const RpNumbers COMMA = { locale_read, comma_number, "," };
static const RpNumbers POINT = { locale_read, point_number, "." };

/* The manager's probabilities: every open stage needs one, no closed deal is needed. */
static void forecast_given_stages(void)
{
    RpSource s = source_of(deals_table());
    char *message = NULL;
    PcTable *given = rp_stages_parse("Lead=10%; qualified=25%;\nProposal=0,5;; Negotiation = 80 %",
                                     &COMMA, &message);
    g_assert_nonnull(given);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, given);
    RpForecast f;
    g_assert_true(plan(&s, 0, 0, given, &f, &message));
    const RpPlan *p = f.plan;
    static const double GIVEN[] = { 0.1, 0.25, 0.5, 0.8 };
    for (gsize i = 0; i < 4; i++)
        g_assert_cmpfloat(number_at(p, STAGE0 + i, 1), ==, GIVEN[i]);
    /* 4000 x 0.5 + 800 x 0.1 in January; 150, 750, 2000 */
    g_assert_cmpfloat_with_epsilon(number_at(p, MONTH0, 1), 2080, 1e-9);
    g_assert_cmpfloat_with_epsilon(f.expected, 2080 + 150 + 750 + 2000, 1e-9);
    rp_forecast_clear(&f);
    /* open deals only: nothing to learn from, the given probabilities do */
    RpSource open = source_of(TAB(3, 3, "Deal", "Stage", "Amount", "A", "Lead", "#100",
                                  "B", "Proposal", "#200"));
    g_assert_true(plan(&open, 0, 0, given, &f, &message));
    g_assert_cmpfloat_with_epsilon(f.expected, 10 + 100, 1e-12);
    g_assert_false(f.live); /* no close dates: no formulas */
    g_assert_cmpint(rp_cell_at(f.plan, 8, 1)->kind, ==, RP_NUMBER);
    rp_forecast_clear(&f);
    g_assert_false(plan(&open, 0, 0, NULL, &f, &message));
    g_assert_cmpstr(message, ==, "Pipecalc learns from closed deals: the table needs at least one "
                                 "won and one lost row (it has 0 won, 0 lost). Nothing was written.");
    g_clear_pointer(&message, g_free);
    /* a stage the manager left out */
    PcTable *partial = rp_stages_parse("Lead=10%", &POINT, &message);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, partial);
    g_assert_false(plan(&s, 0, 0, partial, &f, &message));
    g_assert_cmpstr(message, ==, "The stage probabilities give none for the stage \"Qualified\". "
                                 "Nothing was written.");
    g_assert_null(f.plan);
    g_free(message);
}

static void stages_typed_by_the_manager(void)
{
    char *message = NULL;
    PcTable *t = rp_stages_parse(" Lead = 25 % ;Demo=0,125\nClosed=1", &COMMA, &message);
    g_assert_nonnull(t);
    g_assert_null(message);
    g_assert_cmpstr(pc_table_text(t, pc_table_at(t, 0, 0)), ==, "Lead");
    g_assert_cmpfloat(pc_table_at(t, 0, 1)->num, ==, 0.25);
    g_assert_cmpstr(pc_table_text(t, pc_table_at(t, 1, 0)), ==, "Demo");
    g_assert_cmpfloat(pc_table_at(t, 1, 1)->num, ==, 0.125);
    g_assert_cmpfloat(pc_table_at(t, 2, 1)->num, ==, 1);
    pc_table_free(t);
    static const char *const BAD[] = { "Lead=10; Qualified=1", "Lead", "Lead=", "Lead=-1%",
                                       "Lead=abc", "Lead=1e400" };
    static const char *const SAID[] = { "Lead=10", "Lead", "Lead=", "Lead=-1%", "Lead=abc",
                                        "Lead=1e400" };
    for (gsize i = 0; i < G_N_ELEMENTS(BAD); i++) {
        g_assert_null(rp_stages_parse(BAD[i], &POINT, &message));
        char *want = g_strdup_printf("Stage probabilities: \"%s\" is no probability in 0-1 (type "
                                     "25%% or 0.25).", SAID[i]);
        g_assert_cmpstr(message, ==, want);
        g_free(want);
        g_clear_pointer(&message, g_free);
    }
    /* the locale decides: 0,125 is no number where the decimal separator is a point, and
       the example in the sentence is written as the locale writes it */
    g_assert_null(rp_stages_parse("Lead=25%; Demo=0,125", &POINT, &message));
    g_assert_cmpstr(message, ==, "Stage probabilities: \"Demo=0,125\" is no probability in 0-1 "
                                 "(type 25% or 0.25).");
    g_clear_pointer(&message, g_free);
    g_assert_null(rp_stages_parse("Lead=0.5", &COMMA, &message));
    g_assert_cmpstr(message, ==, "Stage probabilities: \"Lead=0.5\" is no probability in 0-1 "
                                 "(type 25% or 0,25).");
    g_free(message);
}

/* getStageProbabilities: the learned stages in funnel order, as the manager types them. */
static void stage_text(void)
{
    RpSource s = source_of(deals_table());
    GPtrArray *keys = pc_text_keys(s.cells);
    RpStages st;
    char *message = NULL;
    g_assert_true(rp_stages_learn(&s, keys, NULL, &st, &message));
    char *text = rp_stages_text(&st, point_number);
    g_assert_cmpstr(text, ==, "Lead=25%; Qualified=50%; Proposal=100%; Negotiation=100%");
    g_free(text);
    g_assert_cmpuint(st.closed, ==, 4);
    rp_stages_clear(&st);
    g_ptr_array_unref(keys);
    RpSource third = source_of(TAB(6, 2, "Deal", "Stage", "A", "Won", "B", "Lost", "C", "Lost",
                                   "D", "Lead", "E", "Qualified"));
    keys = pc_text_keys(third.cells);
    g_assert_true(rp_stages_learn(&third, keys, NULL, &st, &message));
    text = rp_stages_text(&st, comma_number);
    g_assert_cmpstr(text, ==, "Lead=33,3%; Qualified=100%");
    g_free(text);
    g_assert_cmpuint(st.table->rows, ==, 4); /* and Won at 1, Lost at 0 */
    g_assert_cmpstr(pc_table_text(st.table, pc_table_at(st.table, 2, 0)), ==, "Won");
    g_assert_cmpfloat(pc_table_at(st.table, 2, 1)->num, ==, 1);
    g_assert_cmpstr(pc_table_text(st.table, pc_table_at(st.table, 3, 0)), ==, "Lost");
    g_assert_cmpfloat(pc_table_at(st.table, 3, 1)->num, ==, 0);
    rp_stages_clear(&st);
    g_ptr_array_unref(keys);
}

/* Refusals, each with today's sentence, and no plan left behind. */
static void forecast_refusals(void)
{
    char *message = NULL;
    RpForecast f;
    RpSource s = source_of(deals_table());
    g_assert_false(plan(&s, 46100, 46000, NULL, &f, &message));
    g_assert_cmpstr(message, ==, "The period starts after it ends. Nothing was written.");
    g_clear_pointer(&message, g_free);
    g_assert_false(plan(&s, NAN, 0, NULL, &f, &message));
    g_clear_pointer(&message, g_free);
    g_assert_false(plan(&s, -1, 0, NULL, &f, &message));
    g_clear_pointer(&message, g_free);
    static const char *const NEEDS = "The forecast needs an amount column and a stage column (and a "
                                     "close date column for a period).";
    RpSource no_amount = source_of(TAB(3, 2, "Deal", "Stage", "A", "Won", "B", "Lost"));
    g_assert_false(plan(&no_amount, 0, 0, NULL, &f, &message));
    g_assert_cmpstr(message, ==, NEEDS);
    g_clear_pointer(&message, g_free);
    RpSource undated = source_of(TAB(4, 3, "Deal", "Stage", "Amount", "A", "Won", "#1", "B", "Lost",
                                     "#2", "C", "Lead", "#3"));
    g_assert_false(plan(&undated, 46000, 0, NULL, &f, &message));
    g_assert_cmpstr(message, ==, NEEDS);
    g_clear_pointer(&message, g_free);
    g_assert_true(plan(&undated, 0, 0, NULL, &f, &message)); /* without a period: fine */
    g_assert_false(f.live);
    rp_forecast_clear(&f);
    /* zero open deals */
    RpSource closed = source_of(TAB(3, 3, "Deal", "Stage", "Amount", "A", "Won", "#1", "B", "Lost", "#2"));
    g_assert_false(plan(&closed, 0, 0, NULL, &f, &message));
    g_assert_cmpstr(message, ==, "The table has no open deals to forecast. Nothing was written.");
    g_assert_null(f.plan);
    g_clear_pointer(&message, g_free);
    /* a header row alone */
    RpSource empty = source_of(TAB(1, 3, "Deal", "Stage", "Amount"));
    g_assert_false(plan(&empty, 0, 0, NULL, &f, &message));
    g_assert_true(g_str_has_prefix(message, "Pipecalc learns from closed deals"));
    g_clear_pointer(&message, g_free);
    /* an open deal whose amount is a text: the core's reason, with the sheet's row */
    PcTable *t = deals_table();
    pc_table_set_text(t, 4, 2, "n/a", -1);
    RpSource bad = source_of(t);
    g_assert_false(plan(&bad, 0, 0, NULL, &f, &message));
    g_assert_true(g_str_has_prefix(message, "The forecast failed: "));
    g_assert_true(strstr(message, "(sheet row 5)") != NULL);
    g_assert_null(f.plan);
    g_free(message);
}

/* A row the live formulas would reject (a closed deal's text amount): values only. */
static void forecast_values_when_a_formula_would_fail(void)
{
    PcTable *t = deals_table();
    pc_table_set_text(t, 2, 2, "n/a", -1); /* Bolt, lost */
    RpForecast f = plan_all(t);
    g_assert_false(f.live);
    g_assert_cmpuint(f.plan->arrays->len, ==, 0);
    for (gsize i = 0; i <= 4; i++)
        for (gsize j = 1; j <= 4; j++)
            g_assert_cmpint(rp_cell_at(f.plan, MONTH0 + i, j)->kind, ==, RP_NUMBER);
    g_assert_cmpfloat(number_at(f.plan, MONTH0, 1), ==, 4200);
    g_assert_cmpfloat(f.expected, ==, 8575);
    rp_forecast_clear(&f);
}

/* A close-date column but no open deal dated: the one "(no date)" row stays values, no
 * array; Total is its SUM. */
static void forecast_undated_open_deals(void)
{
    const char *cells[G_N_ELEMENTS(DEALS)];
    for (gsize i = 0; i < G_N_ELEMENTS(DEALS); i++)
        cells[i] = DEALS[i];
    for (gsize r = 1; r < DEAL_ROWS; r++)
        if (!*cells[r * DEAL_COLS + 5]) /* open: no close date */
            cells[r * DEAL_COLS + 3] = "";
    RpForecast f = plan_all(table_of(DEAL_ROWS, DEAL_COLS, cells, G_N_ELEMENTS(cells)));
    const RpPlan *p = f.plan;
    g_assert_true(f.live);
    g_assert_cmpuint(p->arrays->len, ==, 0);
    g_assert_cmpstr(text_at(p, MONTH0, 0), ==, "(no date)");
    for (gsize j = 1; j <= 4; j++)
        g_assert_cmpint(rp_cell_at(p, MONTH0, j)->kind, ==, RP_NUMBER);
    assert_formula(p, MONTH0 + 1, 1, "=SUM(B11:B11)", 8575);
    rp_forecast_clear(&f);
}

/* N open deals (and a won and a lost one) over MONTHS months from January 2026, three
 * stages of odd Unicode, owners among 7. The lost deal reached the first stage only: it
 * has 50 %, the others 100 %; its deals (one in 100) have equal amounts, so that the
 * core's P10 / P50 / P90 stay exact and quick. */
static PcTable *many_deals(gsize n, gsize months)
{
    static const char *const ODD[] = { "Lead \xf0\x9f\x9a\x80", "Qualifiziert", "Angebot\xc2\xa0" };
    PcTable *t = pc_table_new(n + 3, 5);
    const char *head[] = { "Deal", "Stage", "Amount", "Close date", "Owner" };
    for (gsize j = 0; j < 5; j++)
        pc_table_set_text(t, 0, j, head[j], -1);
    for (gsize r = 1; r <= n + 2; r++) {
        char owner[16];
        g_snprintf(owner, sizeof owner, "Rep %zu", r % 7);
        pc_table_set_number(t, r, 0, (double)r);
        const char *stage = r % 100 == 0 ? ODD[0] : ODD[1 + r % 2];
        pc_table_set_text(t, r, 1, r == n + 1 ? "Won" : r == n + 2 ? "Lost" : stage, -1);
        pc_table_set_number(t, r, 2, r % 100 == 0 ? 1000 : (double)(r % 100) * 10);
        /* the 15th of month r % MONTHS: 30.44 days a month on average */
        pc_table_set_number(t, r, 3, JAN_1 + 14 + floor((double)(r % months) * 30.44));
        pc_table_set_text(t, r, 4, owner, -1);
    }
    g_test_queue_destroy((GDestroyNotify)pc_table_free, t);
    return t;
}

static void progress_seen(gpointer data, gsize done, gsize total)
{
    GArray *seen = data;
    g_assert_cmpuint(done, <=, total);
    g_array_append_val(seen, done);
}

/* 100,000 open deals over 24 and 31 months: the months are one live array formula either
 * way (no budget of months x rows: the array is one call whatever the number of months);
 * the progress callback moves along the month and owner rows. */
static void forecast_huge(void)
{
    gsize n = 100000;
    RpSource s = source_of(many_deals(n, 24));
    GArray *seen = g_array_new(FALSE, FALSE, sizeof(gsize));
    RpForecastOptions o = { 0, 0, NULL, progress_seen, seen };
    RpForecast f;
    char *message = NULL;
    g_assert_true(rp_forecast_plan(&s, &o, &f, &message));
    g_assert_true(f.live);
    g_assert_cmpuint(f.deals, ==, n);
    const RpPlan *p = f.plan;
    /* stage table: 3 stages (the lost deal reached the first), Won, Lost */
    g_assert_cmpstr(text_at(p, STAGE0, 0), ==, "Lead \xf0\x9f\x9a\x80");
    g_assert_cmpstr(text_at(p, STAGE0 + 4, 0), ==, "Lost");
    gsize month0 = STAGE0 + 5 + 2;
    g_assert_cmpstr(text_at(p, month0 - 1, 7), ==, "Lead \xf0\x9f\x9a\x80");
    g_assert_cmpstr(text_at(p, month0 - 1, 9), ==, "Angebot\xc2\xa0");
    g_assert_cmpstr(text_at(p, month0, 0), ==, "2026-01");
    g_assert_cmpstr(text_at(p, month0 + 23, 0), ==, "2027-12");
    g_assert_cmpint(rp_cell_at(p, month0 + 23, 4)->kind, ==, RP_ARRAY);
    g_assert_cmpuint(p->arrays->len, ==, 1);
    g_assert_cmpuint(rp_array_at(p, month0, 1)->cells.row1, ==, month0 + 23);
    g_assert_cmpuint(p->freeze_rows, ==, month0);
    /* by hand: the first stage's deals at 50 %, all others sure; the months add up to it */
    double want = 0;
    for (gsize r = 1; r <= n; r++)
        want += r % 100 == 0 ? 1000 * 0.5 : (double)(r % 100) * 10;
    g_assert_cmpfloat_with_epsilon(f.expected, want, 1e-9 * want);
    g_assert_cmpfloat_with_epsilon(number_at(p, STAGE0, 1), 0.5, 1e-15);
    double sum = 0;
    for (gsize i = 0; i < 24; i++)
        sum += number_at(p, month0 + i, 1);
    g_assert_cmpfloat_with_epsilon(sum, f.expected, 1e-6 * f.expected);
    g_assert_cmpuint(seen->len, ==, 24 + 7 + 1);
    for (guint i = 0; i + 1 < seen->len; i++)
        g_assert_cmpuint(g_array_index(seen, gsize, i), <, g_array_index(seen, gsize, i + 1));
    g_assert_cmpuint(g_array_index(seen, gsize, seen->len - 1), ==, 24 + 7 + 1);
    rp_forecast_clear(&f);
    g_array_free(seen, TRUE);
    /* 31 months of 100,000 rows (over the old budget of 3 million months x rows, when each
     * month was a call of its own): live, one array */
    RpSource big = source_of(many_deals(n, 31));
    g_assert_true(rp_forecast_plan(&big, &(RpForecastOptions){ 0 }, &f, &message));
    g_assert_true(f.live);
    g_assert_cmpint(rp_cell_at(f.plan, month0, 1)->kind, ==, RP_ARRAY);
    g_assert_cmpuint(rp_array_at(f.plan, month0, 1)->cells.row1, ==, month0 + 30);
    g_assert_cmpstr(text_at(f.plan, month0 + 31, 0), ==, "Total");
    char *total_sum = g_strdup_printf("=SUM(B%zu:B%zu)", month0 + 1, month0 + 31);
    assert_formula(f.plan, month0 + 31, 1, total_sum, f.expected);
    g_free(total_sum);
    rp_forecast_clear(&f);
}

/* Twelve stages: a column each; the stage table too tall to keep in view. */
static void forecast_many_stages(void)
{
    PcTable *t = pc_table_new(15, 3);
    pc_table_set_text(t, 0, 0, "Deal", -1);
    pc_table_set_text(t, 0, 1, "Stage", -1);
    pc_table_set_text(t, 0, 2, "Amount", -1);
    for (gsize r = 1; r < 15; r++) {
        char stage[16];
        g_snprintf(stage, sizeof stage, "Step %zu", r);
        pc_table_set_number(t, r, 0, (double)r);
        pc_table_set_text(t, r, 1, r == 13 ? "Won" : r == 14 ? "Lost" : stage, -1);
        pc_table_set_number(t, r, 2, 100);
    }
    g_test_queue_destroy((GDestroyNotify)pc_table_free, t);
    RpForecast f = plan_all(t);
    const RpPlan *p = f.plan;
    g_assert_cmpuint(p->cols, ==, 7 + 12);
    gsize head = STAGE0 + 14 + 1;
    g_assert_cmpstr(text_at(p, head, 7), ==, "Step 1");
    g_assert_cmpstr(text_at(p, head, 18), ==, "Step 12");
    g_assert_cmpstr(text_at(p, head + 1, 0), ==, "(no date)");
    g_assert_cmpuint(p->freeze_rows, ==, 0);
    /* the lost deal reached Step 1 only: 50 % there, the won one every stage */
    g_assert_cmpfloat(number_at(p, STAGE0, 1), ==, 0.5);
    g_assert_cmpfloat(number_at(p, STAGE0 + 11, 1), ==, 1);
    g_assert_cmpfloat(f.expected, ==, 50 + 11 * 100);
    rp_forecast_clear(&f);
}

/* A 1904 document: the same days have serials 1462 smaller; months, From / Until and the
 * period follow its null date. */
static void forecast_in_a_1904_document(void)
{
    PcTable *t = deals_table();
    for (gsize r = 1; r < t->rows; r++) {
        const PcCell *c = pc_table_at(t, r, 3);
        if (c->kind == PC_CELL_NUMBER)
            pc_table_set_number(t, r, 3, c->num - SHIFT_1904);
    }
    RpSource s = source_of(t);
    s.dates = pc_dates_with_null(1904, 1, 1);
    RpForecast f;
    char *message = NULL;
    g_assert_true(plan(&s, JAN_18 - SHIFT_1904, FEB_26 - SHIFT_1904, NULL, &f, &message));
    const RpPlan *p = f.plan;
    g_assert_cmpstr(text_at(p, 2, 0), ==, "Period: deals closing 2026-01-18 to 2026-02-26");
    g_assert_cmpstr(text_at(p, MONTH0, 0), ==, "2026-01");
    g_assert_cmpstr(text_at(p, MONTH0 + 1, 0), ==, "2026-02");
    g_assert_cmpfloat(number_at(p, MONTH0, 5), ==, JAN_18 - SHIFT_1904);
    g_assert_cmpfloat(number_at(p, MONTH0, 6), ==, JAN_31 - SHIFT_1904);
    g_assert_cmpfloat(number_at(p, MONTH0 + 1, 5), ==, FEB_1 - SHIFT_1904);
    g_assert_cmpfloat(number_at(p, MONTH0 + 1, 6), ==, FEB_26 - SHIFT_1904);
    g_assert_cmpfloat(f.expected, ==, 4575);
    g_assert_cmpstr(f.from, ==, "2026-01-18");
    rp_forecast_clear(&f);
    /* the whole year: March's last day in the 1904 system */
    g_assert_true(plan(&s, 0, 0, NULL, &f, &message));
    g_assert_cmpstr(text_at(f.plan, MONTH0 + 2, 0), ==, "2026-03");
    g_assert_cmpfloat(number_at(f.plan, MONTH0 + 2, 6), ==, MAR_31 - SHIFT_1904);
    rp_forecast_clear(&f);
}

static void forecast_in_german(void)
{
    g_assert_cmpstr(tx_set_language("de-CH"), ==, "de");
    RpForecast f = plan_all(deals_table());
    g_assert_cmpstr(f.plan->sheet_base, ==, "Prognose");
    g_assert_cmpstr(text_at(f.plan, MONTH_HEAD, 0), ==, "Monat");
    g_assert_cmpstr(text_at(f.plan, MONTH0 + 3, 0), ==, "(ohne Datum)");
    g_assert_cmpstr(text_at(f.plan, OWNER0 + 2, 0), ==, "(nicht zugewiesen)");
    const RpChart *c = g_ptr_array_index(f.plan->charts, 0);
    g_assert_cmpstr(c->title, ==, "Erwarteter Umsatz nach Monat");
    rp_forecast_clear(&f);
    tx_set_language("en");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/report/forecast/stage-table", forecast_stage_table);
    g_test_add_func("/report/forecast/months-and-owners", forecast_months_and_owners);
    g_test_add_func("/report/forecast/formulas-and-chart", forecast_formulas_and_chart);
    g_test_add_func("/report/forecast/outcome-words", forecast_outcome_words_in_the_stage_column);
    g_test_add_func("/report/forecast/period", forecast_period);
    g_test_add_func("/report/forecast/given-stages", forecast_given_stages);
    g_test_add_func("/report/forecast/typed-stages", stages_typed_by_the_manager);
    g_test_add_func("/report/forecast/stage-text", stage_text);
    g_test_add_func("/report/forecast/refusals", forecast_refusals);
    g_test_add_func("/report/forecast/values-rule", forecast_values_when_a_formula_would_fail);
    g_test_add_func("/report/forecast/undated", forecast_undated_open_deals);
    g_test_add_func("/report/forecast/huge", forecast_huge);
    g_test_add_func("/report/forecast/many-stages", forecast_many_stages);
    g_test_add_func("/report/forecast/1904", forecast_in_a_1904_document);
    g_test_add_func("/report/forecast/german", forecast_in_german);
    return g_test_run();
}
