/* test-forecast.c - PIPELINE_FORECAST: every rule of issue 3, each error path, and the
 * won-total quantile against full enumeration and a seeded Monte Carlo.
 *
 * Measured worst errors of the approximation at P10/P50/P90, as a share of the counted
 * deals' sum |amount| (run with --verbose to see them; the tests allow 1 %, as the
 * specification does):
 *   forced approximation vs enumeration, 20-22 deals and 300 cases of 1-16: 0.025 %;
 *   1,000 deals (10 large) vs 200,000 Monte Carlo trials: 0.025 %;
 *   3,000 similar deals (all on the grid) vs 50,000 trials: 0.008 %;
 *   100,000 deals (10 large) vs 2,000 trials: 0.33 %, all of it Monte Carlo noise: the
 *   simulated CDF at our answers is within 1.4 standard errors of q, and 20,000 trials
 *   move the simulated P10 by 0.7 % of the total (the CDF is nearly flat between the
 *   large deals' modes there).
 * Every Monte Carlo test also checks that sharper statement: the simulated CDF at our
 * answer is q to within 4 standard errors.
 */
#include "pc_forecast.h"
#include "pc_quantile.h"
#include "pc_table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- building arguments ------------------------------------------------------------- */

/* A ROWS x COLS table from CELLS, row-major: NULL or "" empty, "!" an error value (Err:504),
 * "=<number>" a number, anything else a text. */
static PcTable *make_table(const char *const *cells, gsize count, gsize cols)
{
    gsize rows = cols ? count / cols : 0;
    PcTable *t = pc_table_new(rows, rows ? cols : 0);
    g_assert_nonnull(t);
    for (gsize i = 0; i < rows * cols; i++) {
        const char *c = cells[i];
        if (!c || !*c)
            continue;
        if (strcmp(c, "!") == 0)
            pc_table_set_error(t, i / cols, i % cols, 504);
        else if (c[0] == '=')
            pc_table_set_number(t, i / cols, i % cols, g_ascii_strtod(c + 1, NULL));
        else
            pc_table_set_text(t, i / cols, i % cols, c, -1);
    }
    return t;
}

#define CELLS(...) ((const char *const[]){ __VA_ARGS__ })
#define NCELLS(...) G_N_ELEMENTS(CELLS(__VA_ARGS__))
#define COL(...) make_table(CELLS(__VA_ARGS__), NCELLS(__VA_ARGS__), 1)
#define ROW(...) make_table(CELLS(__VA_ARGS__), NCELLS(__VA_ARGS__), NCELLS(__VA_ARGS__))
#define TABLE2(...) make_table(CELLS(__VA_ARGS__), NCELLS(__VA_ARGS__), 2)
#define GRID(cols, ...) make_table(CELLS(__VA_ARGS__), NCELLS(__VA_ARGS__), cols)

static PcTable *num1(double v)
{
    PcTable *t = pc_table_new(1, 1);
    pc_table_set_number(t, 0, 0, v);
    return t;
}

/* The stage table most tests use. */
static PcTable *stage_table(void)
{
    return TABLE2("Lead", "=0.1", "Proposal", "=0.5", "Won", "=1", "Lost", "=0");
}

/* A column of N numbers V. */
static PcTable *num_col(const double *v, gsize n)
{
    PcTable *t = pc_table_new(n, n ? 1 : 0);
    for (gsize i = 0; i < n; i++)
        pc_table_set_number(t, i, 0, v[i]);
    return t;
}

typedef struct {
    PcTable *amounts, *stages, *probs, *dates, *start, *end, *pct, *outcomes;
} Args;

static void args_free(Args *a)
{
    pc_table_free(a->amounts);
    pc_table_free(a->stages);
    pc_table_free(a->probs);
    pc_table_free(a->dates);
    pc_table_free(a->start);
    pc_table_free(a->end);
    pc_table_free(a->pct);
    pc_table_free(a->outcomes);
    memset(a, 0, sizeof *a);
}

/* Replace *SLOT (freeing it) with T. */
static void set_arg(PcTable **slot, PcTable *t)
{
    pc_table_free(*slot);
    *slot = t;
}

static PcStatus run(const Args *a, double *r, PcError *err)
{
    PcForecastArgs fa = { a->amounts, a->stages, a->probs, a->dates, a->start, a->end, a->pct,
                          a->outcomes };
    return pc_pipeline_forecast(&fa, r, err);
}

static double forecast(const Args *a)
{
    PcError err;
    double r = NAN;
    PcStatus st = run(a, &r, &err);
    if (st != PC_OK)
        g_error("unexpected %s: %s", pc_status_name(st), err.message);
    g_assert_true(isfinite(r));
    return r;
}

/* Assert that A fails with WANT, blames argument ARG at ROW, says MESSAGE (a part of the
 * message, or NULL) and leaves the result alone. */
static void expect_error(const Args *a, PcStatus want, int arg, gssize row, const char *message)
{
    PcError err;
    double r = 12345.0;
    PcStatus st = run(a, &r, &err);
    if (st != want)
        g_error("expected %s, got %s (%s)", pc_status_name(want), pc_status_name(st),
                st ? err.message : "no error");
    g_assert_cmpint(err.status, ==, want);
    g_assert_cmpint(err.arg, ==, arg);
    g_assert_cmpint(err.row, ==, row);
    if (message && !strstr(err.message, message))
        g_error("message \"%s\" lacks \"%s\"", err.message, message);
    g_assert_cmpfloat(r, ==, 12345.0);
}

#define assert_near(x, y) g_assert_cmpfloat_with_epsilon((x), (y), 1e-9 * (1.0 + fabs(y)))

/* ---- expected value ----------------------------------------------------------------- */

static void expected_stage_table(void)
{
    Args a = { 0 };
    a.amounts = COL("=1000", "=2000", "=500", "=4000", "=300");
    a.stages = COL("Lead", "Proposal", "LEAD\xc2\xa0", " won", "Lost");
    a.probs = stage_table();
    /* 1000*.1 + 2000*.5 + 500*.1 + 4000*1 + 300*0 */
    assert_near(forecast(&a), 5150.0);
    args_free(&a);
}

static void expected_per_deal(void)
{
    Args a = { 0 };
    a.amounts = COL("=1000", "=3000", "=200");
    a.stages = COL("x", NULL, "not a stage anywhere"); /* only its length matters */
    a.probs = COL("=0.2", "=0.5", "=1");
    assert_near(forecast(&a), 200.0 + 1500.0 + 200.0);
    args_free(&a);
}

static void expected_rows_and_columns(void)
{
    Args a = { 0 };
    a.amounts = ROW("=100", "=200", "=300");
    a.stages = COL("Lead", "Proposal", "Won");
    a.probs = stage_table();
    assert_near(forecast(&a), 10.0 + 100.0 + 300.0);
    set_arg(&a.probs, ROW("=0.5", "=0.5", "=0.5"));
    assert_near(forecast(&a), 300.0);
    args_free(&a);
}

static void expected_negative_and_empty_amounts(void)
{
    Args a = { 0 };
    /* an empty amount counts as 0; a credit note lowers the forecast */
    a.amounts = COL("=1000", NULL, "=-500");
    a.stages = COL("Lead", "Proposal", "Proposal");
    a.probs = stage_table();
    assert_near(forecast(&a), 100.0 + 0.0 - 250.0);
    args_free(&a);
}

static void expected_names_normalised(void)
{
    Args a = { 0 };
    a.amounts = COL("=1000", "=2000", "=4000");
    a.stages = COL("qualifiziert\xc2\xa0", "\xc3\x84RZTE", "\xe2\x80\x83Qualifiziert");
    a.probs = TABLE2("Qualifiziert", "=0.25", "A\xcc\x88rzte", "=0.5");
    assert_near(forecast(&a), 250.0 + 1000.0 + 1000.0);
    args_free(&a);
}

static void expected_numeric_stage_names(void)
{
    Args a = { 0 };
    a.amounts = COL("=100", "=200", "=400");
    a.stages = COL("=3", "3", "=4");
    a.probs = TABLE2("=3", "=0.5", "4", "=0.25");
    assert_near(forecast(&a), 50.0 + 100.0 + 100.0);
    args_free(&a);
}

static void expected_no_deals(void)
{
    Args a = { 0 };
    a.amounts = pc_table_new(0, 0);
    a.stages = pc_table_new(0, 0);
    a.probs = pc_table_new(0, 0);
    g_assert_cmpfloat(forecast(&a), ==, 0.0);
    set_arg(&a.pct, num1(0.9));
    g_assert_cmpfloat(forecast(&a), ==, 0.0);
    args_free(&a);
    a.amounts = COL(NULL, NULL);
    a.stages = COL(NULL, " ");
    a.probs = stage_table();
    g_assert_cmpfloat(forecast(&a), ==, 0.0);
    set_arg(&a.pct, num1(0.5));
    g_assert_cmpfloat(forecast(&a), ==, 0.0);
    args_free(&a);
}

static void expected_overflow_is_num(void)
{
    Args a = { 0 };
    a.amounts = COL("=1e308", "=1e308");
    a.stages = COL("Won", "Won");
    a.probs = stage_table();
    expect_error(&a, PC_ERR_NUM, -1, -1, "too large");
    set_arg(&a.pct, num1(0.5));
    expect_error(&a, PC_ERR_NUM, -1, -1, "too large");
    args_free(&a);
}

/* ---- shapes ----------------------------------------------------------------------- */

static void shape_amounts_2d(void)
{
    Args a = { 0 };
    a.amounts = GRID(2, "=1", "=2", "=3", "=4");
    a.stages = COL("Lead", "Lead");
    a.probs = stage_table();
    expect_error(&a, PC_ERR_ARG, 0, -1, "Amounts");
    args_free(&a);
}

static void shape_lengths(void)
{
    Args a = { 0 };
    a.amounts = COL("=1", "=2");
    a.stages = COL("Lead", "Lead", "Lead");
    a.probs = stage_table();
    expect_error(&a, PC_ERR_ARG, 1, -1, "Stages");
    set_arg(&a.stages, GRID(2, "Lead", "Lead", "Lead", "Lead"));
    expect_error(&a, PC_ERR_ARG, 1, -1, "Stages");
    set_arg(&a.stages, COL("Lead", "Lead"));
    set_arg(&a.dates, COL("=45000", "=45001", "=45002"));
    expect_error(&a, PC_ERR_ARG, 3, -1, "CloseDates");
    set_arg(&a.dates, GRID(2, "=45000", "=45001", "=45000", "=45001"));
    expect_error(&a, PC_ERR_ARG, 3, -1, "CloseDates");
    set_arg(&a.dates, NULL);
    set_arg(&a.probs, COL("=0.5", "=0.5", "=0.5"));
    expect_error(&a, PC_ERR_ARG, 2, -1, "Probabilities");
    set_arg(&a.probs, GRID(3, "Lead", "=0.1", "x", "Won", "=1", "y"));
    expect_error(&a, PC_ERR_ARG, 2, -1, "two-column");
    args_free(&a);
}

static void shape_probabilities_form(void)
{
    Args a = { 0 };
    /* 1 x 2 beside a 1 x 2 Amounts: one probability per deal */
    a.amounts = ROW("=100", "=200");
    a.stages = ROW("a", "b");
    a.probs = ROW("=0.5", "=0.25");
    assert_near(forecast(&a), 50.0 + 50.0);
    /* 2 x 2 beside a 1 x 2 Amounts: a stage table */
    set_arg(&a.stages, ROW("Lead", "Won"));
    set_arg(&a.probs, TABLE2("Lead", "=0.3", "Won", "=1"));
    assert_near(forecast(&a), 30.0 + 200.0);
    args_free(&a);
    /* 1 x 2 beside a column of two: a one-stage table */
    a.amounts = COL("=100", "=200");
    a.stages = COL("Lead", "lead");
    a.probs = ROW("Lead", "=0.3");
    assert_near(forecast(&a), 90.0);
    args_free(&a);
}

/* ---- rows, header ------------------------------------------------------------------ */

static void rows_blank_skipped(void)
{
    Args a = { 0 };
    a.amounts = COL("=1000", NULL, "=500", NULL, " ", NULL);
    a.stages = COL("Lead", NULL, "Proposal", "\xc2\xa0", NULL, NULL);
    a.probs = stage_table();
    assert_near(forecast(&a), 100.0 + 250.0);
    /* a stage without an amount is a deal of 0, not a blank row: still looked up */
    set_arg(&a.stages, COL("Lead", NULL, "Proposal", "Typo", NULL, NULL));
    expect_error(&a, PC_ERR_NA, 1, 3, "\"Typo\" is not in the stage table");
    args_free(&a);
}

static void header_skipped(void)
{
    Args a = { 0 };
    a.amounts = COL("Amount", "=1000");
    a.stages = COL("Stage", "Lead");
    a.probs = stage_table();
    assert_near(forecast(&a), 100.0);
    set_arg(&a.dates, COL("Close date", "=45000"));
    assert_near(forecast(&a), 100.0);
    args_free(&a);
    /* per-deal probabilities: any stage text qualifies */
    a.amounts = COL("Amount", "=1000");
    a.stages = COL("Lead", "Lead");
    a.probs = COL("Probability", "=0.3");
    assert_near(forecast(&a), 300.0);
    args_free(&a);
    /* a header and nothing else */
    a.amounts = COL("Amount");
    a.stages = COL("Stage");
    a.probs = stage_table();
    g_assert_cmpfloat(forecast(&a), ==, 0.0);
    args_free(&a);
}

static void header_only_when_every_cell_qualifies(void)
{
    Args a = { 0 };
    /* "Lead" is a stage, so "abc" | "Lead" is a deal with a bad amount */
    a.amounts = COL("abc", "=1000");
    a.stages = COL("Lead", "Lead");
    a.probs = stage_table();
    expect_error(&a, PC_ERR_VALUE, 0, 0, "\"abc\" is text");
    /* an empty stage beside a text amount */
    set_arg(&a.stages, COL(NULL, "Lead"));
    expect_error(&a, PC_ERR_VALUE, 0, 0, "\"abc\"");
    /* a number close date in the first row */
    set_arg(&a.stages, COL("Stage", "Lead"));
    set_arg(&a.dates, COL("=45000", "=45000"));
    expect_error(&a, PC_ERR_VALUE, 0, 0, NULL);
    set_arg(&a.dates, NULL);
    args_free(&a);
    /* per-deal: a number probability in the first row */
    a.amounts = COL("Amount", "=1000");
    a.stages = COL("Stage", "Lead");
    a.probs = COL("=0.3", "=0.3");
    expect_error(&a, PC_ERR_VALUE, 0, 0, NULL);
    args_free(&a);
    /* only the first row is a header */
    a.amounts = COL("=1000", "Amount");
    a.stages = COL("Lead", "Stage");
    a.probs = stage_table();
    expect_error(&a, PC_ERR_VALUE, 0, 1, "row 2:");
    args_free(&a);
}

static void header_of_stage_table(void)
{
    Args a = { 0 };
    a.amounts = COL("=1000", "=200");
    a.stages = COL("Lead", "Won");
    a.probs = TABLE2("Stage", "Probability", "Lead", "=0.1", "Won", "=1");
    assert_near(forecast(&a), 300.0);
    /* a text probability below the first row is data */
    set_arg(&a.probs, TABLE2("Stage", "Probability", "Lead", "=0.1", "Won", "high"));
    expect_error(&a, PC_ERR_VALUE, 2, 2, "\"high\" is text");
    /* and the first row is data when its probability is a number */
    set_arg(&a.probs, TABLE2("Lead", "=0.1", "Won", "=1", "Stage", "=0.5"));
    assert_near(forecast(&a), 300.0);
    args_free(&a);
}

/* ---- amounts -------------------------------------------------------------------- */

static void amount_errors(void)
{
    Args a = { 0 };
    a.amounts = COL("=1000", "lots");
    a.stages = COL("Lead", "Lead");
    a.probs = stage_table();
    expect_error(&a, PC_ERR_VALUE, 0, 1, "row 2: the amount \"lots\" is text");
    set_arg(&a.amounts, COL("=1000", "!"));
    expect_error(&a, PC_ERR_VALUE, 0, 1, "error value");
    set_arg(&a.amounts, num_col((const double[]){ 1000, NAN }, 2));
    expect_error(&a, PC_ERR_NUM, 0, 1, "finite");
    set_arg(&a.amounts, num_col((const double[]){ INFINITY, 1 }, 2));
    expect_error(&a, PC_ERR_NUM, 0, 0, "finite");
    args_free(&a);
}

/* ---- stage table ---------------------------------------------------------------- */

static void stage_missing(void)
{
    Args a = { 0 };
    a.amounts = COL("=1000", "=2000");
    a.stages = COL("Lead", "Negotiation");
    a.probs = stage_table();
    expect_error(&a, PC_ERR_NA, 1, 1, "\"Negotiation\" is not in the stage table");
    set_arg(&a.stages, COL("Lead", "=7"));
    expect_error(&a, PC_ERR_NA, 1, 1, "\"7\"");
    args_free(&a);
}

static void stage_blank_beside_amount(void)
{
    Args a = { 0 };
    a.amounts = COL("=1000", "=2000");
    a.stages = COL("Lead", NULL);
    a.probs = stage_table();
    expect_error(&a, PC_ERR_NA, 1, 1, "no stage");
    set_arg(&a.amounts, COL("=1000", "=0"));
    expect_error(&a, PC_ERR_NA, 1, 1, "no stage");
    /* no amount, no stage, but a close date: a deal of 0 */
    set_arg(&a.amounts, COL("=1000", NULL));
    set_arg(&a.dates, COL("=45000", "=45001"));
    assert_near(forecast(&a), 100.0);
    args_free(&a);
}

static void stage_duplicates(void)
{
    Args a = { 0 };
    a.amounts = COL("=1000");
    a.stages = COL("Lead");
    a.probs = TABLE2("Lead", "=0.1", "Won", "=1", "lead ", "=0.1");
    assert_near(forecast(&a), 100.0);
    set_arg(&a.probs, TABLE2("Lead", "=0.1", "Won", "=1", "lead ", "=0.2"));
    expect_error(&a, PC_ERR_ARG, 2, 2, "already in row 1");
    set_arg(&a.probs, TABLE2("Lead", NULL, "Lead", "=0.1"));
    expect_error(&a, PC_ERR_ARG, 2, 1, "different probability");
    args_free(&a);
}

static void stage_blank_probability(void)
{
    Args a = { 0 };
    a.amounts = COL("=1000", "=2000");
    a.stages = COL("Lead", "Proposal");
    a.probs = TABLE2("Lead", "=0.1", "Proposal", NULL, "Won", "=1");
    expect_error(&a, PC_ERR_NA, 1, 1, "\"Proposal\" has no probability in the stage table");
    /* a stage no deal uses may have a blank probability */
    set_arg(&a.stages, COL("Lead", "Won"));
    assert_near(forecast(&a), 2100.0);
    /* a row without a name is ignored */
    set_arg(&a.probs, TABLE2("Lead", "=0.1", NULL, "=0.7", "Won", "=1"));
    assert_near(forecast(&a), 2100.0);
    args_free(&a);
}

static void stage_table_errors(void)
{
    Args a = { 0 };
    a.amounts = COL("=1000");
    a.stages = COL("Lead");
    a.probs = TABLE2("Lead", "=0.1", "Won", "=50");
    expect_error(&a, PC_ERR_NUM, 2, 1, "row 2: 50 is not a probability in 0-1; type 50%");
    set_arg(&a.probs, TABLE2("Lead", "=0.1", "Won", "=-0.5"));
    expect_error(&a, PC_ERR_NUM, 2, 1, "-0.5 is not a probability");
    set_arg(&a.probs, TABLE2("Lead", "=0.1", "!", "=1"));
    expect_error(&a, PC_ERR_VALUE, 2, 1, "error value");
    set_arg(&a.probs, TABLE2("Lead", "=0.1", "Won", "!"));
    expect_error(&a, PC_ERR_VALUE, 2, 1, "error value");
    /* checked even in a row without a name */
    set_arg(&a.probs, TABLE2("Lead", "=0.1", NULL, "=2"));
    expect_error(&a, PC_ERR_NUM, 2, 1, "type 2%");
    args_free(&a);
}

/* ---- probabilities per deal ------------------------------------------------------- */

static void probability_errors(void)
{
    Args a = { 0 };
    double amounts[12], probs[12];
    for (int i = 0; i < 12; i++)
        amounts[i] = 100, probs[i] = 0.5;
    probs[11] = 25;
    a.amounts = num_col(amounts, 12);
    a.stages = pc_table_new(12, 1);
    a.probs = num_col(probs, 12);
    /* the message the sidebar shows, word for word */
    PcError err;
    double r;
    g_assert_cmpint(run(&a, &r, &err), ==, PC_ERR_NUM);
    g_assert_cmpstr(err.message, ==, "row 12: 25 is not a probability in 0-1; type 25%");
    g_assert_cmpint(err.arg, ==, 2);
    g_assert_cmpint(err.row, ==, 11);
    args_free(&a);

    a.amounts = COL("=100", "=100");
    a.stages = COL(NULL, NULL);
    a.probs = COL("=0", "=1"); /* both bounds are fine */
    assert_near(forecast(&a), 100.0);
    set_arg(&a.probs, COL("=0.5", "=1.0000001"));
    expect_error(&a, PC_ERR_NUM, 2, 1, "not a probability");
    set_arg(&a.probs, COL("=0.5", "=-0.1"));
    expect_error(&a, PC_ERR_NUM, 2, 1, "-0.1 is not a probability in 0-1");
    set_arg(&a.probs, COL("=0.5", "=500"));
    expect_error(&a, PC_ERR_NUM, 2, 1, "500 is not a probability in 0-1");
    set_arg(&a.probs, num_col((const double[]){ 0.5, NAN }, 2));
    expect_error(&a, PC_ERR_NUM, 2, 1, "finite");
    set_arg(&a.probs, COL("=0.5", "high"));
    expect_error(&a, PC_ERR_VALUE, 2, 1, "\"high\" is text");
    set_arg(&a.probs, COL("=0.5", "!"));
    expect_error(&a, PC_ERR_VALUE, 2, 1, "error value");
    set_arg(&a.probs, COL("=0.5", NULL));
    expect_error(&a, PC_ERR_NA, 2, 1, "no probability");
    /* no amount, no probability, a stage: a deal of 0 */
    set_arg(&a.amounts, COL("=100", NULL));
    set_arg(&a.stages, COL(NULL, "Lead"));
    assert_near(forecast(&a), 50.0);
    args_free(&a);
}

static void error_cells_anywhere(void)
{
    Args a = { 0 };
    a.amounts = COL("=100", "=100");
    a.stages = COL("Lead", "!");
    a.probs = stage_table();
    expect_error(&a, PC_ERR_VALUE, 1, 1, "error value");
    set_arg(&a.probs, COL("=0.5", "=0.5")); /* per deal: the stage is still checked */
    expect_error(&a, PC_ERR_VALUE, 1, 1, "error value");
    /* an error close date in an otherwise blank row */
    set_arg(&a.amounts, COL("=100", NULL));
    set_arg(&a.stages, COL("Lead", NULL));
    set_arg(&a.probs, stage_table());
    set_arg(&a.dates, COL("=45000", "!"));
    expect_error(&a, PC_ERR_VALUE, 3, 1, "error value");
    args_free(&a);
}

/* ---- period ---------------------------------------------------------------------- */

static void period_args(Args *a)
{
    a->amounts = COL("=100", "=200", "=400", "=800", "=1600");
    a->stages = COL("Won", "Won", "Won", "Won", "Won");
    a->probs = stage_table();
    a->dates = COL("=44999.9", "=45000.75", "=45010.9", "=45011", NULL);
}

static void period_inclusive_whole_days(void)
{
    Args a = { 0 };
    period_args(&a);
    assert_near(forecast(&a), 3100.0); /* no bound: every deal, dated or not */
    a.start = num1(45000);
    a.end = num1(45010.2);
    assert_near(forecast(&a), 200.0 + 400.0);
    set_arg(&a.end, NULL);
    assert_near(forecast(&a), 200.0 + 400.0 + 800.0);
    set_arg(&a.start, NULL);
    set_arg(&a.end, num1(45010));
    assert_near(forecast(&a), 100.0 + 200.0 + 400.0);
    /* start and end on the same day as the close date, at other times of day */
    set_arg(&a.start, num1(45000.9));
    set_arg(&a.end, num1(45000.1));
    assert_near(forecast(&a), 200.0);
    /* 0 and an empty cell mean omitted */
    set_arg(&a.start, num1(0));
    set_arg(&a.end, pc_table_new(1, 1));
    assert_near(forecast(&a), 3100.0);
    args_free(&a);
}

static void period_errors(void)
{
    Args a = { 0 };
    period_args(&a);
    a.start = num1(45002);
    a.end = num1(45001);
    expect_error(&a, PC_ERR_ARG, 4, -1, "after PeriodEnd");
    set_arg(&a.start, COL("next week"));
    expect_error(&a, PC_ERR_VALUE, 4, -1, NULL);
    set_arg(&a.start, NULL);
    set_arg(&a.end, COL("=1", "=2"));
    expect_error(&a, PC_ERR_ARG, 5, -1, NULL);
    set_arg(&a.end, num1(45001));
    set_arg(&a.dates, NULL);
    expect_error(&a, PC_ERR_ARG, 5, -1, "needs CloseDates");
    /* one empty cell for CloseDates stands for an omitted one */
    set_arg(&a.dates, pc_table_new(1, 1));
    expect_error(&a, PC_ERR_ARG, 5, -1, "needs CloseDates");
    set_arg(&a.end, NULL);
    assert_near(forecast(&a), 3100.0);
    args_free(&a);
}

static void period_close_date_errors(void)
{
    Args a = { 0 };
    period_args(&a);
    set_arg(&a.dates, COL("=45000", "soon", NULL, NULL, NULL));
    expect_error(&a, PC_ERR_VALUE, 3, 1, "\"soon\" is text");
    set_arg(&a.dates, num_col((const double[]){ 45000, NAN, 1, 1, 1 }, 5));
    expect_error(&a, PC_ERR_NUM, 3, 1, "finite");
    args_free(&a);
}

static void period_outside_still_checked(void)
{
    Args a = { 0 };
    period_args(&a);
    a.start = num1(45000);
    a.end = num1(45000);
    set_arg(&a.amounts, COL("=100", "=200", "=400", "oops", "=1600"));
    expect_error(&a, PC_ERR_VALUE, 0, 3, "\"oops\"");
    set_arg(&a.amounts, COL("=100", "=200", "=400", "=800", "=1600"));
    set_arg(&a.stages, COL("Won", "Won", "Won", "Won", "Wno"));
    expect_error(&a, PC_ERR_NA, 1, 4, "\"Wno\"");
    args_free(&a);
}

/* ---- outcomes -------------------------------------------------------------------- */

/* Five deals: Lead 1000, Proposal 2000, Proposal 4000, Won 500, Lead 300. */
static void outcome_args(Args *a)
{
    a->amounts = COL("=1000", "=2000", "=4000", "=500", "=300");
    a->stages = COL("Lead", "Proposal", "Proposal", "Won", "Lead");
    a->probs = stage_table();
}

static void outcomes_closed_not_counted(void)
{
    Args a = { 0 };
    outcome_args(&a);
    double all = 100.0 + 1000.0 + 2000.0 + 500.0 + 30.0;
    assert_near(forecast(&a), all);
    /* won and lost words close a deal; empty and any other text leave it open */
    a.outcomes = COL("Open", "Won", "lost", NULL, "In progress");
    assert_near(forecast(&a), 100.0 + 500.0 + 30.0);
    /* the vocabulary of LEAD_SCORE and the sidebar: German, CRM words, yes/no, TRUE/FALSE */
    set_arg(&a.outcomes, COL("Gewonnen", "verloren\xc2\xa0", " Closed Lost", "ja", "offen"));
    assert_near(forecast(&a), 30.0);
    set_arg(&a.outcomes, COL("closedwon", "nein", "WAHR", "falsch", "false"));
    g_assert_cmpfloat(forecast(&a), ==, 0.0);
    /* 1 and 0 (TRUE and FALSE as Calc passes them) are won and lost */
    set_arg(&a.outcomes, COL("=1", "=0", NULL, NULL, "x"));
    assert_near(forecast(&a), 2000.0 + 500.0 + 30.0);
    /* a stage saying "Won" beside an open outcome still counts at its probability */
    set_arg(&a.outcomes, COL("won", "won", "won", "open", "won"));
    assert_near(forecast(&a), 500.0);
    /* per-deal probabilities and a row-shaped Outcomes beside a column */
    set_arg(&a.probs, COL("=0.5", "=0.5", "=0.5", "=0.5", "=0.5"));
    set_arg(&a.outcomes, ROW("lost", NULL, "Won", NULL, NULL));
    assert_near(forecast(&a), 1000.0 + 250.0 + 150.0);
    args_free(&a);
}

static void outcomes_omitted_is_the_old_answer(void)
{
    Args a = { 0 };
    outcome_args(&a);
    double all = forecast(&a);
    a.outcomes = pc_table_new(1, 1); /* a reference to one empty cell */
    g_assert_cmpfloat(forecast(&a), ==, all);
    set_arg(&a.outcomes, num1(0)); /* Calc passes it as 0 */
    g_assert_cmpfloat(forecast(&a), ==, all);
    set_arg(&a.outcomes, pc_table_new(0, 0));
    g_assert_cmpfloat(forecast(&a), ==, all);
    set_arg(&a.outcomes, COL(NULL, NULL, NULL, NULL, NULL));
    g_assert_cmpfloat(forecast(&a), ==, all);
    set_arg(&a.outcomes, COL("Open", "open", "offen", "?", "Negotiation"));
    g_assert_cmpfloat(forecast(&a), ==, all);
    args_free(&a);
    /* beside one deal a 1 x 1 Outcomes is that deal's: 0 is lost */
    a.amounts = COL("=1000");
    a.stages = COL("Lead");
    a.probs = stage_table();
    a.outcomes = num1(0);
    g_assert_cmpfloat(forecast(&a), ==, 0.0);
    set_arg(&a.outcomes, COL("Won"));
    g_assert_cmpfloat(forecast(&a), ==, 0.0);
    set_arg(&a.outcomes, pc_table_new(1, 1));
    assert_near(forecast(&a), 100.0);
    set_arg(&a.outcomes, COL("Open"));
    assert_near(forecast(&a), 100.0);
    args_free(&a);
}

static void outcomes_shape(void)
{
    Args a = { 0 };
    outcome_args(&a);
    a.outcomes = COL("won", "lost", "open", "open");
    expect_error(&a, PC_ERR_ARG, 7, -1, "Outcomes must be one column or row as long as Amounts");
    set_arg(&a.outcomes, GRID(2, "won", "lost", "won", "lost", "won", "lost", "won", "lost",
                              "won", "lost"));
    expect_error(&a, PC_ERR_ARG, 7, -1, "Outcomes");
    /* one word for five deals is not "omitted" */
    set_arg(&a.outcomes, COL("Won"));
    expect_error(&a, PC_ERR_ARG, 7, -1, "Outcomes");
    set_arg(&a.outcomes, num1(1));
    expect_error(&a, PC_ERR_ARG, 7, -1, "Outcomes");
    args_free(&a);
}

static void outcomes_cell_errors(void)
{
    Args a = { 0 };
    outcome_args(&a);
    a.outcomes = COL("won", NULL, "=2", NULL, NULL);
    expect_error(&a, PC_ERR_VALUE, 7, 2, "row 3: the outcome 2 is a number other than 1 (won) or 0 (lost)");
    set_arg(&a.outcomes, COL("won", NULL, "=0.5", NULL, NULL));
    expect_error(&a, PC_ERR_VALUE, 7, 2, "0.5");
    set_arg(&a.outcomes, COL("won", NULL, NULL, "!", NULL));
    expect_error(&a, PC_ERR_VALUE, 7, 3, "row 4: the outcome is an error value");
    set_arg(&a.outcomes, num_col((const double[]){ 1, 0, INFINITY, 1, 1 }, 5));
    expect_error(&a, PC_ERR_NUM, 7, 2, "finite");
    set_arg(&a.outcomes, num_col((const double[]){ 1, 0, 1, NAN, 1 }, 5));
    expect_error(&a, PC_ERR_NUM, 7, 3, "finite");
    /* a row's other cells are checked first */
    set_arg(&a.amounts, COL("=1000", "=2000", "lots", "=500", "=300"));
    set_arg(&a.outcomes, COL("won", NULL, "=2", NULL, NULL));
    expect_error(&a, PC_ERR_VALUE, 0, 2, "\"lots\"");
    args_free(&a);
    /* an error outcome in an otherwise blank row; an outcome alone is no blank row */
    a.amounts = COL("=1000", NULL, NULL);
    a.stages = COL("Lead", NULL, NULL);
    a.probs = stage_table();
    a.outcomes = COL(NULL, "lost", "open");
    assert_near(forecast(&a), 100.0);
    set_arg(&a.outcomes, COL(NULL, "!", NULL));
    expect_error(&a, PC_ERR_VALUE, 7, 1, "error value");
    set_arg(&a.outcomes, COL(NULL, "=3", NULL));
    expect_error(&a, PC_ERR_VALUE, 7, 1, "outcome 3");
    args_free(&a);
}

static void outcomes_closed_still_checked(void)
{
    Args a = { 0 };
    outcome_args(&a);
    a.outcomes = COL("Open", "Won", "Lost", NULL, "Lost");
    set_arg(&a.amounts, COL("=1000", "=2000", "n/a", "=500", "=300"));
    expect_error(&a, PC_ERR_VALUE, 0, 2, "\"n/a\" is text");
    set_arg(&a.amounts, COL("=1000", "=2000", "=4000", "=500", "=300"));
    set_arg(&a.stages, COL("Lead", "Proposal", "Proposal", "Won", "Closed Lost"));
    expect_error(&a, PC_ERR_NA, 1, 4, "\"Closed Lost\" is not in the stage table");
    set_arg(&a.stages, COL("Lead", "Proposal", "Proposal", "Won", NULL));
    expect_error(&a, PC_ERR_NA, 1, 4, "no stage");
    args_free(&a);
}

static void outcomes_header_row(void)
{
    Args a = { 0 };
    a.amounts = COL("Amount", "=1000", "=2000");
    a.stages = COL("Stage", "Lead", "Proposal");
    a.probs = stage_table();
    a.dates = COL("Close date", "=45000", "=45001");
    a.outcomes = COL("Status", "Open", "Lost");
    assert_near(forecast(&a), 100.0);
    /* any text heads Outcomes, an outcome word too (a column headed "Won") */
    set_arg(&a.outcomes, COL("Won", "Open", "Lost"));
    assert_near(forecast(&a), 100.0);
    set_arg(&a.outcomes, COL("Gewonnen", NULL, "=0"));
    assert_near(forecast(&a), 100.0);
    /* an empty cell, a number or an error there makes the first row data */
    set_arg(&a.outcomes, COL(NULL, "Open", "Lost"));
    expect_error(&a, PC_ERR_VALUE, 0, 0, "\"Amount\" is text");
    set_arg(&a.outcomes, COL("=1", "Open", "Lost"));
    expect_error(&a, PC_ERR_VALUE, 0, 0, "\"Amount\" is text");
    set_arg(&a.outcomes, COL("!", "Open", "Lost"));
    expect_error(&a, PC_ERR_VALUE, 0, 0, "\"Amount\" is text");
    /* and Outcomes alone never makes a header: a known stage keeps row 1 data */
    set_arg(&a.stages, COL("Lead", "Lead", "Proposal"));
    set_arg(&a.outcomes, COL("Status", "Open", "Lost"));
    expect_error(&a, PC_ERR_VALUE, 0, 0, "\"Amount\" is text");
    args_free(&a);
    /* per-deal probabilities, no close dates */
    a.amounts = COL("Amount", "=1000", "=2000");
    a.stages = COL("Stage", "Lead", "Proposal");
    a.probs = COL("Probability", "=0.3", "=0.5");
    a.outcomes = COL("Outcome", "won", NULL);
    assert_near(forecast(&a), 1000.0);
    args_free(&a);
}

static void outcomes_with_period_and_percentile(void)
{
    Args a = { 0 };
    period_args(&a); /* Won 100, 200, 400, 800, 1600; close 44999.9, 45000.75, 45010.9, 45011, - */
    a.outcomes = COL("open", "lost", NULL, "won", "open");
    assert_near(forecast(&a), 100.0 + 400.0 + 1600.0);
    a.start = num1(45000);
    assert_near(forecast(&a), 400.0);
    set_arg(&a.stages, COL("Proposal", "Proposal", "Proposal", "Proposal", "Proposal"));
    set_arg(&a.start, NULL);
    /* 100, 400 and 1600 at 1/2 each: totals 0 .. 2100 by 100 in eight equal steps */
    set_arg(&a.pct, num1(0.9));
    g_assert_cmpfloat(forecast(&a), ==, 2100.0);
    set_arg(&a.pct, num1(0.5));
    g_assert_cmpfloat(forecast(&a), ==, 500.0);
    /* every deal closed: nothing counts */
    set_arg(&a.outcomes, COL("won", "lost", "won", "lost", "won"));
    g_assert_cmpfloat(forecast(&a), ==, 0.0);
    args_free(&a);
}

/* ---- percentile ------------------------------------------------------------------- */

static double with_percentile(Args *a, double q)
{
    set_arg(&a->pct, num1(q));
    return forecast(a);
}

static void percentile_hand_computed(void)
{
    Args a = { 0 };
    /* totals 0, 100, 200, 300 with probability 1/4 each */
    a.amounts = COL("=100", "=200");
    a.stages = COL(NULL, NULL);
    a.probs = COL("=0.5", "=0.5");
    assert_near(forecast(&a), 150.0);
    g_assert_cmpfloat(with_percentile(&a, 0.25), ==, 0.0); /* P(total <= 0) = q exactly */
    g_assert_cmpfloat(with_percentile(&a, 0.26), ==, 100.0);
    g_assert_cmpfloat(with_percentile(&a, 0.5), ==, 100.0);
    g_assert_cmpfloat(with_percentile(&a, 0.75), ==, 200.0);
    g_assert_cmpfloat(with_percentile(&a, 0.9), ==, 300.0);
    /* 0 means omitted: the expected value */
    g_assert_cmpfloat(with_percentile(&a, 0), ==, 150.0);
    args_free(&a);
}

static void percentile_ties_as_exact_arithmetic(void)
{
    Args a = { 0 };
    /* P(0) = .99 * .75 = .7425, which doubles compute as 0.74249999999999994 */
    a.amounts = COL("=100", "=200");
    a.stages = COL(NULL, NULL);
    a.probs = COL("=0.01", "=0.25");
    g_assert_cmpfloat(with_percentile(&a, 0.7425), ==, 0.0);
    g_assert_cmpfloat(with_percentile(&a, 0.7426), ==, 100.0);
    g_assert_cmpfloat(with_percentile(&a, 0.75), ==, 100.0);   /* .7425 + .0075 */
    g_assert_cmpfloat(with_percentile(&a, 0.9975), ==, 200.0); /* + .2475 */
    g_assert_cmpfloat(with_percentile(&a, 0.998), ==, 300.0);
    args_free(&a);
}

static void percentile_negative_certain_and_zero(void)
{
    Args a = { 0 };
    /* totals -100, 0, 100, 200, each 1/4 */
    a.amounts = COL("=-100", "=200");
    a.stages = COL(NULL, NULL);
    a.probs = COL("=0.5", "=0.5");
    g_assert_cmpfloat(with_percentile(&a, 0.1), ==, -100.0);
    g_assert_cmpfloat(with_percentile(&a, 0.5), ==, 0.0);
    g_assert_cmpfloat(with_percentile(&a, 0.6), ==, 100.0);
    g_assert_cmpfloat(with_percentile(&a, 0.9), ==, 200.0);
    args_free(&a);
    /* a won deal always counts, a lost one never */
    a.amounts = COL("=1000", "=500", "=300");
    a.stages = COL("Won", "Lost", "Proposal");
    a.probs = stage_table();
    g_assert_cmpfloat(with_percentile(&a, 0.5), ==, 1000.0);
    g_assert_cmpfloat(with_percentile(&a, 0.6), ==, 1300.0);
    args_free(&a);
}

static void percentile_counts_period_only(void)
{
    Args a = { 0 };
    period_args(&a);
    set_arg(&a.stages, COL("Proposal", "Proposal", "Proposal", "Proposal", "Proposal"));
    a.start = num1(45000);
    a.end = num1(45010);
    /* 200 and 400 at 1/2 each: totals 0, 200, 400, 600 */
    g_assert_cmpfloat(with_percentile(&a, 0.3), ==, 200.0);
    g_assert_cmpfloat(with_percentile(&a, 0.9), ==, 600.0);
    /* no deal in the period: 0 */
    set_arg(&a.start, num1(46000));
    set_arg(&a.end, NULL);
    g_assert_cmpfloat(with_percentile(&a, 0.9), ==, 0.0);
    args_free(&a);
}

/* pc_pipeline_forecast_quantiles: the expected value and several percentiles from one
 * pass, the same bits as one call each, the same errors. */
static void percentiles_together_as_alone(void)
{
    static const double QS[3] = { 0.1, 0.5, 0.9 };
    Args a = { 0 };
    /* 30 deals: beyond the always-exact 20, amounts of many sizes (the approximation) */
    a.amounts = pc_table_new(30, 1);
    a.stages = pc_table_new(30, 1);
    a.probs = pc_table_new(30, 1);
    for (gsize i = 0; i < 30; i++) {
        pc_table_set_number(a.amounts, i, 0, 1000.0 + (double)((i * 7919) % 5000));
        pc_table_set_number(a.probs, i, 0, (double[]){ 0.1, 0.3, 0.6 }[i % 3]);
    }
    for (int round = 0; round < 2; round++) {
        double alone[4], expected, together[3];
        alone[0] = forecast(&a);
        for (int i = 0; i < 3; i++)
            alone[i + 1] = with_percentile(&a, QS[i]);
        set_arg(&a.pct, num1(0.42)); /* ignored */
        PcForecastArgs fa = { a.amounts, a.stages, a.probs, NULL, NULL, NULL, a.pct, NULL };
        PcError err;
        g_assert_cmpint(pc_pipeline_forecast_quantiles(&fa, QS, 3, &expected, together, &err), ==, PC_OK);
        g_assert_cmpmem(&expected, sizeof expected, &alone[0], sizeof alone[0]);
        g_assert_cmpmem(together, sizeof together, &alone[1], sizeof together);
        g_assert_cmpfloat(together[0], <, together[1]);
        g_assert_cmpfloat(together[1], <, together[2]);
        /* none asked: the expected value alone */
        g_assert_cmpint(pc_pipeline_forecast_quantiles(&fa, NULL, 0, &expected, NULL, &err), ==, PC_OK);
        g_assert_cmpmem(&expected, sizeof expected, &alone[0], sizeof alone[0]);
        set_arg(&a.pct, NULL);
        /* second round: round amounts, the exact method beyond 20 deals */
        for (gsize i = 0; i < 30; i++)
            pc_table_set_number(a.amounts, i, 0, 100.0 * (double)(1 + i % 4));
    }
    /* the same errors, untouched outputs */
    PcForecastArgs fa = { a.amounts, a.stages, a.probs, NULL, NULL, NULL, NULL, NULL };
    double expected = 7.0, together[3] = { 7.0, 7.0, 7.0 };
    PcError err;
    double bad[2] = { 0.5, 1.0 };
    g_assert_cmpint(pc_pipeline_forecast_quantiles(&fa, bad, 2, &expected, together, &err), ==, PC_ERR_NUM);
    g_assert_cmpint(err.arg, ==, 6);
    /* the arguments are checked first, as in the calls one by one */
    PcTable *wide = GRID(2, "=1", "=2", "=3", "=4");
    PcForecastArgs fw = { wide, a.stages, a.probs, NULL, NULL, NULL, NULL, NULL };
    g_assert_cmpint(pc_pipeline_forecast_quantiles(&fw, bad, 2, &expected, together, &err), ==, PC_ERR_ARG);
    pc_table_free(wide);
    pc_table_set_text(a.probs, 4, 0, "high", -1);
    g_assert_cmpint(pc_pipeline_forecast_quantiles(&fa, QS, 3, &expected, together, &err), ==, PC_ERR_VALUE);
    g_assert_cmpint(err.row, ==, 4);
    g_assert_cmpfloat(expected, ==, 7.0);
    g_assert_cmpfloat(together[2], ==, 7.0);
    /* and the raw quantiles: one distribution, each quantile's bits */
    double am[25], pr[25], qs[3], r[3];
    for (gsize i = 0; i < 25; i++)
        am[i] = 8e306 * (1.0 + (double)(i % 3) / 10.0), pr[i] = 0.5; /* sum 2.2e308 */
    for (int i = 0; i < 3; i++) {
        g_assert_cmpint(pc_won_total_quantile(am, pr, 25, QS[i], &qs[i]), ==, PC_OK);
    }
    g_assert_cmpint(pc_won_total_quantiles(am, pr, 25, QS, 3, r), ==, PC_OK); /* sums overflow */
    g_assert_cmpmem(r, sizeof r, qs, sizeof qs);
    args_free(&a);
}

static void percentile_errors(void)
{
    Args a = { 0 };
    a.amounts = COL("=100");
    a.stages = COL("Lead");
    a.probs = stage_table();
    a.pct = num1(-0.1);
    expect_error(&a, PC_ERR_NUM, 6, -1, "between 0 and 1");
    set_arg(&a.pct, num1(1));
    expect_error(&a, PC_ERR_NUM, 6, -1, "between 0 and 1");
    set_arg(&a.pct, num1(90));
    expect_error(&a, PC_ERR_NUM, 6, -1, "type 90% or 0.9");
    set_arg(&a.pct, COL("P90"));
    expect_error(&a, PC_ERR_VALUE, 6, -1, NULL);
    set_arg(&a.pct, COL("=0.1", "=0.9"));
    expect_error(&a, PC_ERR_ARG, 6, -1, NULL);
    args_free(&a);
}

/* A 1,048,576-row selection gives what the used range gives. */
static void full_column_same_as_used_range(void)
{
    Args used = { 0 }, full = { 0 };
    const char *am[] = { "Amount", "=1000", "=2000", "=500", "=-200", "=3000" };
    const char *st[] = { "Stage", "Lead", "Proposal", "Won", "Proposal", "Proposal" };
    used.amounts = make_table(am, 6, 1);
    used.stages = make_table(st, 6, 1);
    used.probs = stage_table();
    gsize rows = 1048576;
    full.amounts = pc_table_new(rows, 1);
    full.stages = pc_table_new(rows, 1);
    full.probs = make_table(CELLS("Stage", "Probability", "Lead", "=0.1", "Proposal", "=0.5",
                                  "Won", "=1", "Lost", "=0", NULL, NULL, NULL, NULL),
                            14, 2);
    for (gsize i = 0; i < 6; i++) {
        if (i == 0) {
            pc_table_set_text(full.amounts, i, 0, am[i], -1);
        } else {
            pc_table_set_number(full.amounts, i, 0, g_ascii_strtod(am[i] + 1, NULL));
        }
        pc_table_set_text(full.stages, i, 0, st[i], -1);
    }
    double e = forecast(&used);
    assert_near(e, 100.0 + 1000.0 + 500.0 - 100.0 + 1500.0);
    g_assert_cmpfloat(forecast(&full), ==, e);
    g_assert_cmpfloat(with_percentile(&full, 0.9), ==, with_percentile(&used, 0.9));
    g_assert_cmpfloat(with_percentile(&full, 0.1), ==, with_percentile(&used, 0.1));
    args_free(&used);
    args_free(&full);
}

/* ---- the quantile function ------------------------------------------------------- */

typedef struct {
    double v, p;
} RefAtom;

static int ref_cmp(const void *x, const void *y)
{
    double a = ((const RefAtom *)x)->v, b = ((const RefAtom *)y)->v;
    return (a > b) - (a < b);
}

static const double LEVELS[] = { 0.1, 0.5, 0.9 };

/* P10/P50/P90 (LEVELS) by listing all 2^n outcomes, straight from the definition. */
static void ref_quantiles(const double *a, const double *p, gsize n, double out[3])
{
    gsize count = (gsize)1 << n;
    RefAtom *at = g_new(RefAtom, count);
    double s = 0.0;
    for (gsize i = 0; i < n; i++)
        s += fabs(a[i]);
    for (gsize mask = 0; mask < count; mask++) {
        double v = 0.0, pr = 1.0;
        for (gsize i = 0; i < n; i++) {
            if (mask >> i & 1) {
                v += a[i];
                pr *= p[i];
            } else {
                pr *= 1.0 - p[i];
            }
        }
        at[mask].v = v;
        at[mask].p = pr;
    }
    qsort(at, count, sizeof *at, ref_cmp);
    long double cum = 0.0L;
    gsize k = 0;
    for (gsize i = 0; i < count && k < 3;) {
        double first = at[i].v;
        while (i < count && at[i].v - first <= 1e-12 * s)
            cum += at[i++].p;
        while (k < 3 && cum >= (long double)LEVELS[k] - 1e-12L)
            out[k++] = first;
    }
    while (k < 3)
        out[k++] = at[count - 1].v;
    g_free(at);
}

static double quantile(const double *a, const double *p, gsize n, double q)
{
    double r = NAN;
    g_assert_cmpint(pc_won_total_quantile(a, p, n, q, &r), ==, PC_OK);
    return r;
}

static double quantile_approx(const double *a, const double *p, gsize n, double q)
{
    double r = NAN;
    g_assert_cmpint(pc_won_total_quantile_approx(a, p, n, q, &r), ==, PC_OK);
    return r;
}

static double abs_sum(const double *a, gsize n)
{
    double s = 0.0;
    for (gsize i = 0; i < n; i++)
        s += fabs(a[i]);
    return s;
}

/* Deals of the kind a pipeline has: KIND 0 random sizes over three orders of magnitude,
 * 1 a few large plus many small, 2 similar sizes, 3 two giants and crumbs below 1/4096 of
 * the total (which the approximation sums into a normal); probabilities from a stage
 * ladder or uniform; about 5 % negative (credit notes). */
static void random_deals(GRand *r, int kind, double *a, double *p, gsize n)
{
    static const double ladder[] = { 0.05, 0.1, 0.25, 0.5, 0.75, 0.9 };
    for (gsize i = 0; i < n; i++) {
        switch (kind) {
        case 0:
            a[i] = floor(100.0 * pow(10.0, g_rand_double_range(r, 0.0, 3.0)));
            break;
        case 1:
            a[i] = i < (n + 9) / 10 ? g_rand_double_range(r, 50000, 250000)
                                    : g_rand_double_range(r, 500, 5000);
            break;
        case 2:
            a[i] = g_rand_double_range(r, 9000, 11000);
            break;
        default:
            a[i] = i < 2 ? g_rand_double_range(r, 1e6, 2e6) : g_rand_double_range(r, 50, 200);
        }
        if (g_rand_int_range(r, 0, 20) == 0)
            a[i] = -a[i] / 4;
        p[i] = g_rand_boolean(r) ? ladder[g_rand_int_range(r, 0, G_N_ELEMENTS(ladder))]
                                 : g_rand_double_range(r, 0.01, 0.99);
    }
}

static void quantile_exact_matches_enumeration(void)
{
    GRand *r = g_rand_new_with_seed(20240601);
    double a[20], p[20];
    for (int c = 0; c < 120; c++) {
        gsize n = c < 4 ? 20 : (gsize)g_rand_int_range(r, 1, 15);
        random_deals(r, c % 4, a, p, n);
        double want[3];
        ref_quantiles(a, p, n, want);
        for (gsize k = 0; k < 3; k++)
            g_assert_cmpfloat_with_epsilon(quantile(a, p, n, LEVELS[k]), want[k],
                                           1e-9 * abs_sum(a, n));
    }
    /* p = 0 and p = 1 deals are taken out exactly, so 20 uncertain deals plus them */
    for (gsize i = 0; i < 20; i++)
        a[i] = 100.0 * (double)(i + 1), p[i] = 0.3;
    double b[24], q[24];
    memcpy(b, a, sizeof a);
    memcpy(q, p, sizeof p);
    b[20] = 5000, q[20] = 1.0;
    b[21] = 7000, q[21] = 0.0;
    b[22] = -300, q[22] = 1.0;
    b[23] = 0.0, q[23] = 0.5;
    double want[3];
    ref_quantiles(a, p, 20, want);
    for (gsize k = 0; k < 3; k++)
        g_assert_cmpfloat(quantile(b, q, 24, LEVELS[k]), ==, 4700.0 + want[k]);
    g_rand_free(r);
}

static void quantile_round_amounts_stay_exact(void)
{
    double a[1000], p[1000];
    for (gsize i = 0; i < 1000; i++)
        a[i] = 1000.0, p[i] = 0.5;
    /* Binomial(21, 1/2): P(X <= 10) = 1/2 exactly, a tie */
    g_assert_cmpfloat(quantile(a, p, 21, 0.5), ==, 10000.0);
    /* Binomial(30, 1/2): P(X <= 11) = .1002, P(X <= 18) = .8998, P(X <= 19) = .9506 */
    g_assert_cmpfloat(quantile(a, p, 30, 0.1), ==, 11000.0);
    g_assert_cmpfloat(quantile(a, p, 30, 0.5), ==, 15000.0);
    g_assert_cmpfloat(quantile(a, p, 30, 0.9), ==, 19000.0);
    /* Binomial(1000, 0.3): P10 = 281, P50 = 300, P90 = 319 */
    for (gsize i = 0; i < 1000; i++)
        a[i] = 100.0, p[i] = 0.3;
    g_assert_cmpfloat(quantile(a, p, 1000, 0.1), ==, 28100.0);
    g_assert_cmpfloat(quantile(a, p, 1000, 0.5), ==, 30000.0);
    g_assert_cmpfloat(quantile(a, p, 1000, 0.9), ==, 31900.0);
}

static void quantile_approx_vs_enumeration(void)
{
    GRand *r = g_rand_new_with_seed(7);
    double a[22], p[22], worst = 0.0;
    for (int c = 0; c < 306; c++) {
        /* 20 deals of each kind, 21 and 22 of two kinds, then many small cases */
        gsize n = c < 4 ? 20 : c < 6 ? (gsize)(17 + c) : (gsize)g_rand_int_range(r, 1, 17);
        random_deals(r, c % 4, a, p, n);
        double s = abs_sum(a, n), want[3];
        ref_quantiles(a, p, n, want);
        for (gsize k = 0; k < 3; k++) {
            double e = fabs(quantile_approx(a, p, n, LEVELS[k]) - want[k]) / s;
            worst = MAX(worst, e);
            g_assert_cmpfloat(e, <=, 0.01);
        }
    }
    if (g_test_verbose())
        g_test_message("approximation vs enumeration: worst error %.5f %% of sum |a|",
                       100.0 * worst);
    g_rand_free(r);
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* P10/P50/P90 of TRIALS seeded simulations into OUT; with AT, also the share of trials
 * at or below AT[k] into CDF[k]. */
static void monte_carlo(const double *a, const double *p, gsize n, gsize trials, double out[3],
                        const double at[3], double cdf[3])
{
    GRand *r = g_rand_new_with_seed(4242);
    guint64 *cut = g_new(guint64, n);
    double *totals = g_new(double, trials);
    for (gsize i = 0; i < n; i++)
        cut[i] = (guint64)(p[i] * 4294967296.0); /* won when a 32-bit draw is below */
    for (gsize t = 0; t < trials; t++) {
        double sum = 0.0;
        for (gsize i = 0; i < n; i++)
            if ((guint64)g_rand_int(r) < cut[i])
                sum += a[i];
        totals[t] = sum;
    }
    qsort(totals, trials, sizeof *totals, cmp_double);
    for (gsize k = 0; k < 3; k++) {
        out[k] = totals[(gsize)ceil(LEVELS[k] * (double)trials) - 1];
        gsize below = 0;
        for (gsize t = 0; t < trials; t++)
            below += totals[t] <= at[k];
        cdf[k] = (double)below / (double)trials;
    }
    g_free(totals);
    g_free(cut);
    g_rand_free(r);
}

/* Turn kind-1 deals into ten large ones (each about 3 % of the total) and the rest small. */
static void few_large_deals(double *a, gsize n)
{
    for (gsize i = 0; i < 10 && i < n; i++)
        a[i] *= (double)n / 1000.0;
    for (gsize i = 10; i < (n + 9) / 10; i++)
        a[i] /= 100.0;
}

/* Compare pc_won_total_quantile on N deals of KIND (1: made a few large ones plus many
 * small) with a Monte Carlo of TRIALS runs. */
static void approx_vs_monte_carlo(int kind, gsize n, gsize trials, guint32 seed)
{
    GRand *r = g_rand_new_with_seed(seed);
    double *a = g_new(double, n), *p = g_new(double, n), mc[3];
    random_deals(r, kind, a, p, n);
    if (kind == 1)
        few_large_deals(a, n);
    double s = abs_sum(a, n), worst = 0.0, worst_se = 0.0, got[3], cdf[3];
    for (gsize k = 0; k < 3; k++)
        got[k] = quantile(a, p, n, LEVELS[k]);
    monte_carlo(a, p, n, trials, mc, got, cdf);
    for (gsize k = 0; k < 3; k++) {
        double e = fabs(got[k] - mc[k]) / s;
        worst = MAX(worst, e);
        g_assert_cmpfloat(e, <=, 0.01);
        /* sharper: the simulated CDF at our answer is q, up to 4 standard errors */
        double se = sqrt(LEVELS[k] * (1.0 - LEVELS[k]) / (double)trials);
        g_assert_cmpfloat(fabs(cdf[k] - LEVELS[k]), <=, 4.0 * se);
        worst_se = MAX(worst_se, fabs(cdf[k] - LEVELS[k]) / se);
    }
    if (g_test_verbose())
        g_test_message("%" G_GSIZE_FORMAT " deals vs %" G_GSIZE_FORMAT
                       " Monte Carlo trials: worst error %.5f %% of sum |a|; simulated CDF at "
                       "our answers within %.2f standard errors of q",
                       n, trials, 100.0 * worst, worst_se);
    g_free(a);
    g_free(p);
    g_rand_free(r);
}

static void quantile_monte_carlo_1000(void)
{
    approx_vs_monte_carlo(1, 1000, 200000, 11);
}

static void quantile_monte_carlo_100000(void)
{
    approx_vs_monte_carlo(1, 100000, 2000, 12);
}

/* 3,000 similar deals: nearly all on the grid, which is then at its coarsest */
static void quantile_monte_carlo_similar(void)
{
    approx_vs_monte_carlo(2, 3000, 50000, 13);
}

static void quantile_million_deals(void)
{
    gsize n = 1000000;
    GRand *r = g_rand_new_with_seed(99);
    double *a = g_new(double, n), *p = g_new(double, n);
    random_deals(r, 1, a, p, n);
    few_large_deals(a, n);
    double mean = 0.0, var = 0.0, lo = 0.0, hi = 0.0, q[3];
    for (gsize i = 0; i < n; i++) {
        mean += a[i] * p[i];
        var += a[i] * a[i] * p[i] * (1.0 - p[i]);
        *(a[i] < 0 ? &lo : &hi) += a[i];
    }
    for (gsize k = 0; k < 3; k++) {
        q[k] = quantile(a, p, n, LEVELS[k]);
        g_assert_cmpfloat(q[k], >=, lo);
        g_assert_cmpfloat(q[k], <=, hi);
        /* nearly normal: within 3 standard deviations of the mean */
        g_assert_cmpfloat(fabs(q[k] - mean), <=, 3.0 * sqrt(var));
    }
    g_assert_cmpfloat(q[0], <, q[1]);
    g_assert_cmpfloat(q[1], <, q[2]);
    g_free(a);
    g_free(p);
    g_rand_free(r);
}

static void quantile_deterministic(void)
{
    GRand *r = g_rand_new_with_seed(5);
    gsize n = 5000;
    double *a = g_new(double, n), *p = g_new(double, n);
    random_deals(r, 1, a, p, n);
    for (gsize k = 0; k < 3; k++) {
        double x = quantile(a, p, n, LEVELS[k]), y = quantile(a, p, n, LEVELS[k]);
        g_assert_true(memcmp(&x, &y, sizeof x) == 0);
        x = quantile(a, p, 20, LEVELS[k]);
        y = quantile(a, p, 20, LEVELS[k]);
        g_assert_true(memcmp(&x, &y, sizeof x) == 0);
    }
    g_free(a);
    g_free(p);
    g_rand_free(r);
}

static void quantile_invalid_inputs(void)
{
    double a[] = { 100, 200 }, p[] = { 0.5, 0.5 }, r = 7.0;
    g_assert_cmpint(pc_won_total_quantile(a, p, 2, 0.0, &r), ==, PC_ERR_NUM);
    g_assert_cmpint(pc_won_total_quantile(a, p, 2, 1.0, &r), ==, PC_ERR_NUM);
    g_assert_cmpint(pc_won_total_quantile(a, p, 2, NAN, &r), ==, PC_ERR_NUM);
    double bad_a[] = { 100, NAN }, bad_p[] = { 0.5, 1.5 };
    g_assert_cmpint(pc_won_total_quantile(bad_a, p, 2, 0.5, &r), ==, PC_ERR_NUM);
    g_assert_cmpint(pc_won_total_quantile(a, bad_p, 2, 0.5, &r), ==, PC_ERR_NUM);
    /* sums that overflow, answers that do not: P50 of two 1.5e308 deals at 50 % is one of
     * them (the amounts are scaled by a power of two, exactly); P90 is both, too large */
    double huge[] = { 1.5e308, 1.5e308 };
    g_assert_cmpint(pc_won_total_quantile(huge, p, 2, 0.5, &r), ==, PC_OK);
    g_assert_cmpfloat(r, ==, 1.5e308);
    g_assert_cmpint(pc_won_total_quantile(huge, p, 2, 0.2, &r), ==, PC_OK);
    g_assert_cmpfloat(r, ==, 0.0);
    r = 7.0;
    g_assert_cmpint(pc_won_total_quantile(huge, p, 2, 0.9, &r), ==, PC_ERR_NUM);
    g_assert_cmpint(pc_won_total_quantile_approx(huge, p, 2, 0.9, &r), ==, PC_ERR_NUM);
    g_assert_cmpfloat(r, ==, 7.0);
    double mixed[] = { 1e308, 1e308, -1e308 }, mp[] = { 0.5, 0.5, 1.0 };
    g_assert_cmpint(pc_won_total_quantile(mixed, mp, 3, 0.5, &r), ==, PC_OK);
    g_assert_cmpfloat(r, ==, 0.0);
    g_assert_cmpint(pc_won_total_quantile(mixed, mp, 3, 0.9, &r), ==, PC_OK);
    g_assert_cmpfloat(r, ==, 1e308);
    double many_huge[30], many_p[30];
    for (gsize i = 0; i < 30; i++)
        many_huge[i] = 1e307, many_p[i] = 0.1;
    g_assert_cmpint(pc_won_total_quantile_approx(many_huge, many_p, 30, 0.5, &r), ==, PC_OK);
    g_assert_cmpfloat(fabs(r - 3e307), <=, 3e307 * 0.02);
    g_assert_cmpint(pc_won_total_quantile(NULL, NULL, 0, 0.5, &r), ==, PC_OK);
    g_assert_cmpfloat(r, ==, 0.0);
    /* huge but finite amounts: scaled, not overflowed */
    double big[] = { 1e307, 2e307, 3e307 }, bp[] = { 0.5, 0.5, 0.5 };
    g_assert_cmpfloat(quantile_approx(big, bp, 3, 0.5), <=, 6e307);
    g_assert_cmpfloat(quantile(big, bp, 3, 0.5), ==, 3e307);
    /* subnormal amounts: scaled, not underflowed */
    double tiny[25], tp[25];
    for (gsize i = 0; i < 25; i++)
        tiny[i] = 1e-310 * (double)(i + 1), tp[i] = 0.5;
    double t = quantile_approx(tiny, tp, 25, 0.5);
    g_assert_cmpfloat(t, >, 0.0);
    g_assert_cmpfloat(t, <, 325e-310);
    g_assert_cmpfloat(fabs(t - 162.5e-310), <=, 0.01 * 325e-310);
}

/* ---- the whole table in one call (pc_pipeline_forecast_table) ------------------------ */

/* Cell I of vector T (NULL or 0 x 0: omitted; one cell: that one for every I) as a table
 * of its own, NULL when omitted. */
static PcTable *element(const PcTable *t, gsize i)
{
    if (!t || t->rows == 0)
        return NULL;
    gsize n = t->rows * t->cols;
    const PcCell *c = &t->cells[n == 1 ? 0 : i];
    PcTable *e = pc_table_new(1, 1);
    if (c->kind == PC_CELL_NUMBER)
        pc_table_set_number(e, 0, 0, c->num);
    else if (c->kind == PC_CELL_TEXT)
        pc_table_set_text(e, 0, 0, pc_table_text(t, c), -1);
    else if (c->kind == PC_CELL_ERROR)
        pc_table_set_error(e, 0, 0, (int)c->num);
    return e;
}

typedef struct {
    double *values;
    PcStatus *status;
    gsize rows, cols;
    PcStatus whole;
    PcError err;
} Grid;

static Grid run_table(const Args *a)
{
    PcForecastArgs fa = { a->amounts, a->stages, a->probs, a->dates, a->start, a->end, a->pct,
                          a->outcomes };
    Grid g = { 0 };
    g.whole = pc_pipeline_forecast_table(&fa, &g.values, &g.status, &g.rows, &g.cols, &g.err);
    if (g.whole != PC_OK)
        g_assert_null(g.values);
    return g;
}

static void grid_free(Grid *g)
{
    g_free(g->values);
    g_free(g->status);
}

/* Assert that every cell of A's table is what one call with that cell's start, end and
 * percentile answers: the same status, the same bits. Returns how many cells hold a value. */
static gsize table_as_calls(const Args *a)
{
    Grid g = run_table(a);
    gsize good = 0;
    for (gsize i = 0; i < g.rows; i++)
        for (gsize j = 0; j < g.cols; j++) {
            Args one = *a;
            one.start = element(a->start, i);
            one.end = element(a->end, i);
            one.pct = element(a->pct, j);
            double r = 0.0;
            PcError err;
            PcStatus st = run(&one, &r, &err);
            PcStatus cell = g.whole != PC_OK ? g.whole : g.status[i * g.cols + j];
            if (cell != st)
                g_error("cell %zu,%zu: table %s, call %s (%s)", i, j, pc_status_name(cell),
                        pc_status_name(st), err.message);
            if (st == PC_OK) {
                g_assert_cmpmem(&g.values[i * g.cols + j], sizeof r, &r, sizeof r);
                good++;
            }
            pc_table_free(one.start);
            pc_table_free(one.end);
            pc_table_free(one.pct);
        }
    grid_free(&g);
    return good;
}

/* Deals of every kind for the table tests: many sizes, dated over two months, some
 * closed, some undated. */
static void table_deals(Args *a, gsize n, guint32 seed)
{
    GRand *r = g_rand_new_with_seed(seed);
    a->amounts = pc_table_new(n + 1, 1);
    a->stages = pc_table_new(n + 1, 1);
    a->dates = pc_table_new(n + 1, 1);
    a->outcomes = pc_table_new(n + 1, 1);
    a->probs = stage_table();
    pc_table_set_text(a->amounts, 0, 0, "Amount", -1); /* a header row */
    pc_table_set_text(a->stages, 0, 0, "Stage", -1);
    pc_table_set_text(a->dates, 0, 0, "Close", -1);
    pc_table_set_text(a->outcomes, 0, 0, "Outcome", -1);
    static const char *const STAGES[] = { "Lead", "Proposal", "Won", "Lost" };
    for (gsize i = 1; i <= n; i++) {
        double amt = g_rand_boolean(r) ? 1000.0 * g_rand_int_range(r, 1, 9)
                                       : g_rand_double_range(r, -500.0, 50000.0);
        pc_table_set_number(a->amounts, i, 0, amt);
        pc_table_set_text(a->stages, i, 0, STAGES[g_rand_int_range(r, 0, 3)], -1);
        if (g_rand_int_range(r, 0, 10))
            pc_table_set_number(a->dates, i, 0, 46023.0 + g_rand_double_range(r, 0.0, 60.0));
        if (g_rand_int_range(r, 0, 8) == 0)
            pc_table_set_text(a->outcomes, i, 0, g_rand_boolean(r) ? "won" : "Lost", -1);
    }
    g_rand_free(r);
}

/* Twelve periods x expected, P10, P50, P90: each cell one call's bits, for few deals
 * (exact), many round ones (exact beyond 20) and many of all sizes (approximated). */
static void table_same_bits_as_calls(void)
{
    static const gsize SIZES[] = { 0, 5, 18, 60, 400 };
    for (gsize s = 0; s < G_N_ELEMENTS(SIZES); s++) {
        Args a = { 0 };
        table_deals(&a, SIZES[s], 7 + (guint32)s);
        a.start = pc_table_new(12, 1);
        a.end = pc_table_new(12, 1);
        for (gsize i = 0; i < 12; i++) {
            pc_table_set_number(a.start, i, 0, 46023.0 + 5.0 * (double)i);
            pc_table_set_number(a.end, i, 0, 46023.0 + 5.0 * (double)i + 4.5);
        }
        a.pct = ROW(NULL, "=0.1", "=0.5", "=0.9");
        g_assert_cmpuint(table_as_calls(&a), ==, 48);
        /* the percentiles in a column: still across the result's columns */
        set_arg(&a.pct, COL("=0.9", "=0", "=0.25"));
        g_assert_cmpuint(table_as_calls(&a), ==, 36);
        /* starts in a row, one end for every period (and open periods) */
        set_arg(&a.start, ROW("=46030", NULL, "=46001", "=0"));
        set_arg(&a.end, num1(46060));
        g_assert_cmpuint(table_as_calls(&a), ==, 12);
        Grid g = run_table(&a);
        g_assert_cmpuint(g.rows, ==, 4);
        g_assert_cmpuint(g.cols, ==, 3);
        grid_free(&g);
        args_free(&a);
    }
}

/* Single cells give one cell, what pc_pipeline_forecast gives, errors included. */
static void table_scalar_is_one_call(void)
{
    Args a = { 0 };
    table_deals(&a, 40, 3);
    g_assert_cmpuint(table_as_calls(&a), ==, 1);
    a.pct = num1(0.1);
    a.start = num1(46030);
    g_assert_cmpuint(table_as_calls(&a), ==, 1);
    set_arg(&a.end, num1(46020)); /* start after end */
    g_assert_cmpuint(table_as_calls(&a), ==, 0);
    set_arg(&a.end, NULL);
    set_arg(&a.pct, num1(1));
    g_assert_cmpuint(table_as_calls(&a), ==, 0);
    set_arg(&a.pct, COL("P90"));
    g_assert_cmpuint(table_as_calls(&a), ==, 0);
    set_arg(&a.pct, NULL);
    pc_table_set_text(a.amounts, 5, 0, "lots", -1); /* a whole-call error */
    g_assert_cmpuint(table_as_calls(&a), ==, 0);
    Grid g = run_table(&a);
    g_assert_cmpint(g.whole, ==, PC_ERR_VALUE);
    g_assert_cmpint(g.err.row, ==, 5);
    args_free(&a);
}

/* A bad element errs in its own cells only; the deals' error fills the others. */
static void table_bad_elements_own_cells(void)
{
    Args a = { 0 };
    table_deals(&a, 30, 11);
    a.start = COL("=46030", "=46050", "soon", "!", "=46000");
    a.end = COL("=46040", "=46040", "=46060", "=46060", NULL);
    a.pct = ROW("=0.5", "=1", NULL, "=-0.2", "=95", "x");
    g_assert_cmpuint(table_as_calls(&a), ==, 2 * 2);
    Grid g = run_table(&a);
    g_assert_cmpint(g.whole, ==, PC_OK);
    g_assert_cmpuint(g.rows, ==, 5);
    g_assert_cmpuint(g.cols, ==, 6);
    g_assert_cmpint(g.status[0 * 6 + 1], ==, PC_ERR_NUM);    /* percentile 1 */
    g_assert_cmpint(g.status[1 * 6 + 0], ==, PC_ERR_ARG);    /* start after end */
    g_assert_cmpint(g.status[2 * 6 + 2], ==, PC_ERR_VALUE);  /* text start */
    g_assert_cmpint(g.status[3 * 6 + 2], ==, PC_ERR_VALUE);  /* error value */
    g_assert_cmpint(g.status[4 * 6 + 5], ==, PC_ERR_VALUE);  /* text percentile */
    g_assert_cmpint(g.status[4 * 6 + 2], ==, PC_OK);
    /* ERR: the first cell in error, row by row: row 0's percentile 1 */
    g_assert_cmpint(g.err.status, ==, PC_ERR_NUM);
    g_assert_cmpint(g.err.arg, ==, 6);
    g_assert_cmpint(g.err.row, ==, 1);
    grid_free(&g);
    /* a deal in error: every other cell shows it, the bad elements keep theirs */
    pc_table_set_number(a.amounts, 7, 0, INFINITY);
    g_assert_cmpuint(table_as_calls(&a), ==, 0);
    g = run_table(&a);
    g_assert_cmpint(g.whole, ==, PC_OK);
    g_assert_cmpint(g.status[0], ==, PC_ERR_NUM);
    g_assert_cmpint(g.status[2 * 6 + 0], ==, PC_ERR_VALUE);
    grid_free(&g);
    /* without bad elements the deal's error is the whole call's */
    set_arg(&a.start, COL("=46030", "=46050"));
    set_arg(&a.end, NULL);
    set_arg(&a.pct, ROW("=0.5", NULL));
    g = run_table(&a);
    g_assert_cmpint(g.whole, ==, PC_ERR_NUM);
    g_assert_cmpint(g.err.row, ==, 7);
    grid_free(&g);
    /* a bound without CloseDates errs in that period's cells */
    pc_table_set_number(a.amounts, 7, 0, 10.0);
    set_arg(&a.dates, NULL);
    set_arg(&a.start, COL(NULL, "=46050", "=0"));
    g_assert_cmpuint(table_as_calls(&a), ==, 2 * 2);
    args_free(&a);
}

/* Shapes: 2-D elements and lengths that differ fail the whole call. */
static void table_shapes(void)
{
    Args a = { 0 };
    table_deals(&a, 10, 5);
    a.start = COL("=46030", "=46040", "=46050");
    a.end = ROW("=46031", "=46041");
    Grid g = run_table(&a);
    g_assert_cmpint(g.whole, ==, PC_ERR_ARG);
    g_assert_cmpint(g.err.arg, ==, 5);
    set_arg(&a.end, ROW("=46031", "=46041", "=46051"));
    g_assert_cmpuint(table_as_calls(&a), ==, 3);
    set_arg(&a.pct, GRID(2, "=0.1", "=0.2", "=0.3", "=0.4"));
    g = run_table(&a);
    g_assert_cmpint(g.whole, ==, PC_ERR_ARG);
    g_assert_cmpint(g.err.arg, ==, 6);
    set_arg(&a.pct, NULL);
    set_arg(&a.start, GRID(2, "=1", "=2", "=3", "=4"));
    g = run_table(&a);
    g_assert_cmpint(g.whole, ==, PC_ERR_ARG);
    g_assert_cmpint(g.err.arg, ==, 4);
    /* the deals' shapes come first, as for one call */
    set_arg(&a.start, COL("=46030", "soon"));
    set_arg(&a.end, NULL);
    set_arg(&a.stages, COL("Lead"));
    g = run_table(&a);
    g_assert_cmpint(g.whole, ==, PC_ERR_ARG);
    g_assert_cmpint(g.err.arg, ==, 1);
    args_free(&a);
}

/* ---- the percentile's promise (issue 13) ------------------------------------------------
 * total = sum |amount|: exact whenever the won total has at most 65,536 distinct possible
 * values, whatever the number of deals; otherwise within 0.03 % of the total. The
 * reference: the won total's distribution over integer amounts (in units of UNIT), built
 * deal by deal on a dense array of every possible total in long double. */

/* The NQ quantiles QS of sum(X_i a_i) for integer multiples a_i of UNIT (negative ones
 * too) into OUT, probabilities compared with pc_quantile.c's 1e-12 tolerance. */
static void reference_quantiles(const double *a, const double *p, gsize n, double unit,
                                const double *qs, gsize nq, double *out)
{
    gsize span = 0;
    long lo = 0;
    for (gsize i = 0; i < n; i++) {
        long k = lround(a[i] / unit);
        span += (gsize)labs(k);
        if (k < 0)
            lo += k;
    }
    double *w = g_new0(double, span + 1), *t = g_new0(double, span + 1);
    w[0] = 1.0; /* index j: total (lo + j) * unit */
    gsize reach = 0;
    /* a deal of -k is the constant -k plus k won when the deal is lost */
    for (gsize i = 0; i < n; i++) {
        long k = lround(a[i] / unit);
        double pr = k < 0 ? 1.0 - p[i] : p[i];
        gsize s = (gsize)labs(k);
        memset(t, 0, (reach + s + 1) * sizeof *t);
        for (gsize j = 0; j <= reach; j++) {
            t[j] += w[j] * (1.0 - pr);
            t[j + s] += w[j] * pr;
        }
        double *x = w;
        w = t;
        t = x;
        reach += s;
    }
    for (gsize q = 0; q < nq; q++) {
        double cum = 0.0;
        out[q] = (double)(lo + (long)reach) * unit;
        for (gsize j = 0; j <= reach; j++) {
            cum += w[j];
            if (w[j] > 0.0 && cum >= qs[q] - 1e-12) {
                out[q] = (double)(lo + (long)j) * unit;
                break;
            }
        }
    }
    g_free(w);
    g_free(t);
}

/* Distinct possible totals of integer amounts (in UNIT), counted on a bitmap. */
static gsize distinct_totals(const double *a, const double *p, gsize n, double unit)
{
    gsize span = 0;
    for (gsize i = 0; i < n; i++)
        if (p[i] > 0.0 && p[i] < 1.0)
            span += (gsize)labs(lround(a[i] / unit));
    guint8 *can = g_new0(guint8, span + 1);
    can[0] = 1;
    gsize reach = 0;
    for (gsize i = 0; i < n; i++) {
        if (!(p[i] > 0.0 && p[i] < 1.0))
            continue;
        gsize s = (gsize)labs(lround(a[i] / unit));
        for (gsize j = reach + 1; j-- > 0;) /* downwards: each deal once */
            if (can[j])
                can[j + s] = 1;
        reach += s;
    }
    gsize d = 0;
    for (gsize j = 0; j <= reach; j++)
        d += can[j];
    g_free(can);
    return d;
}

typedef struct {
    const char *name;
    gsize n;
    int kind;
} PromiseCase;

/* Deals of KIND: 0 near-certain (p >= 0.99), 1 near-impossible (p <= 0.01), 2 equal
 * round amounts at 50 %, 3 mixed, 4 mixed with negative amounts, 5 a few large among many
 * near-certain small ones; integer amounts. */
static void promise_deals(GRand *r, int kind, gsize n, double *a, double *p)
{
    for (gsize i = 0; i < n; i++) {
        switch (kind) {
        case 0:
            a[i] = g_rand_int_range(r, 1, 60);
            p[i] = 0.99 + 0.0099 * g_rand_double(r);
            break;
        case 6: /* near-certain, one probability, amounts of two sizes */
            a[i] = i % 2 ? 7.0 : 13.0;
            p[i] = 0.999;
            break;
        case 7: /* near-certain, wide amounts */
            a[i] = g_rand_int_range(r, 1, 200);
            p[i] = 0.995;
            break;
        case 1:
            a[i] = g_rand_int_range(r, 1, 60);
            p[i] = 0.01 * g_rand_double(r) + 1e-4;
            break;
        case 2:
            a[i] = 1000.0;
            p[i] = 0.5;
            break;
        case 3:
            a[i] = g_rand_int_range(r, 1, 80);
            p[i] = (double[]){ 0.1, 0.3, 0.5, 0.9, 0.995 }[g_rand_int_range(r, 0, 5)];
            break;
        case 4:
            a[i] = g_rand_int_range(r, -40, 80);
            if (a[i] == 0.0)
                a[i] = 3.0;
            p[i] = g_rand_double_range(r, 0.01, 0.99);
            break;
        default:
            a[i] = i % 50 == 0 ? g_rand_int_range(r, 200, 400) : g_rand_int_range(r, 1, 10);
            p[i] = i % 50 == 0 ? 0.5 : 0.995;
        }
    }
}

static void quantile_promise(void)
{
    static const PromiseCase CASES[] = {
        { "near-certain", 3000, 0 }, { "near-certain", 300, 0 }, { "near-impossible", 3000, 1 },
        { "equal round at 50 %", 3000, 2 }, { "equal round at 50 %", 21, 2 },
        { "mixed", 2000, 3 }, { "mixed", 40, 3 }, { "negative and mixed", 2000, 4 },
        { "few large, many near-certain", 3000, 5 }, { "near-certain, two sizes", 4096, 6 },
        { "near-certain, wide amounts", 2500, 7 }, { "near-certain, two sizes", 8000, 6 },
    };
    static const double QS[] = { 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99 };
    GRand *r = g_rand_new_with_seed(1313);
    double worst = 0.0;
    for (gsize c = 0; c < G_N_ELEMENTS(CASES); c++) {
        gsize n = CASES[c].n > 2000 && CASES[c].kind != 2 && !g_test_slow() ? CASES[c].n / 2
                                                                             : CASES[c].n;
        double *a = g_new(double, n), *p = g_new(double, n);
        promise_deals(r, CASES[c].kind, n, a, p);
        double total = 0.0;
        for (gsize i = 0; i < n; i++)
            total += fabs(a[i]);
        double unit = CASES[c].kind == 2 ? 1000.0 : 1.0;
        gsize d = distinct_totals(a, p, n, unit);
        double got[G_N_ELEMENTS(QS)], want[G_N_ELEMENTS(QS)];
        reference_quantiles(a, p, n, unit, QS, G_N_ELEMENTS(QS), want);
        g_assert_cmpint(pc_won_total_quantiles(a, p, n, QS, G_N_ELEMENTS(QS), got), ==, PC_OK);
        double worst_case = 0.0;
        for (gsize j = 0; j < G_N_ELEMENTS(QS); j++) {
            double e = fabs(got[j] - want[j]) / total;
            if (d <= 65536 && got[j] != want[j])
                g_error("%s, %zu deals, %zu distinct totals: P%g %.17g, exact %.17g",
                        CASES[c].name, n, d, QS[j] * 100, got[j], want[j]);
            worst_case = MAX(worst_case, e);
        }
        if (g_test_verbose())
            g_printerr("# %s, %zu deals, %zu distinct totals: worst %.4f %% of the total\n",
                       CASES[c].name, n, d, 100 * worst_case);
        if (worst_case > 0.0003)
            g_error("%s, %zu deals: %.4f %% of the total", CASES[c].name, n, 100 * worst_case);
        worst = MAX(worst, worst_case);
        g_free(a);
        g_free(p);
    }
    /* the case: 3,000 deals of 1,000 at 50 % */
    double a3[3000], p3[3000], p10 = 0.0;
    for (gsize i = 0; i < 3000; i++)
        a3[i] = 1000.0, p3[i] = 0.5;
    g_assert_cmpint(pc_won_total_quantile(a3, p3, 3000, 0.1, &p10), ==, PC_OK);
    g_assert_cmpfloat(p10, ==, 1465000.0);
    if (g_test_verbose())
        g_printerr("# worst of all: %.4f %% of the total\n", 100 * worst);
    /* amounts with cents, no binary common unit: 100 deals of 1,234.56 at 30 % and 100 of
     * 99.99 at 60 % have 101 x 101 totals, so they are exact; the reference enumerates the
     * two binomial counts in whole cents */
    {
        double ac[200], pc[200], qc[G_N_ELEMENTS(QS)];
        for (gsize i = 0; i < 200; i++)
            ac[i] = i % 2 ? 99.99 : 1234.56, pc[i] = i % 2 ? 0.6 : 0.3;
        g_assert_cmpint(pc_won_total_quantiles(ac, pc, 200, QS, G_N_ELEMENTS(QS), qc), ==, PC_OK);
        double bin[2][101];
        for (int g = 0; g < 2; g++) {
            double pr = g ? 0.6 : 0.3;
            for (int k = 0; k <= 100; k++) { /* C(100, k) pr^k (1 - pr)^(100 - k) */
                double c = 1.0;
                for (int t = 0; t < k; t++)
                    c = c * (double)(100 - t) / (double)(t + 1);
                bin[g][k] = c * pow(pr, k) * pow(1.0 - pr, 100 - k);
            }
        }
        typedef struct { long cents; double p; } Tot;
        Tot *tot = g_new(Tot, 101 * 101);
        for (int i = 0; i <= 100; i++)
            for (int j = 0; j <= 100; j++)
                tot[i * 101 + j] = (Tot){ 123456L * i + 9999L * j, bin[0][i] * bin[1][j] };
        for (gsize x = 1; x < 101 * 101; x++) /* insertion sort by total */
            for (gsize y = x; y > 0 && tot[y - 1].cents > tot[y].cents; y--) {
                Tot t = tot[y];
                tot[y] = tot[y - 1];
                tot[y - 1] = t;
            }
        for (gsize j = 0; j < G_N_ELEMENTS(QS); j++) {
            double cum = 0.0;
            long want = tot[101 * 101 - 1].cents;
            for (gsize x = 0; x < 101 * 101; x++) {
                cum += tot[x].p;
                if (cum >= QS[j] - 1e-12) {
                    want = tot[x].cents;
                    break;
                }
            }
            if (fabs(qc[j] - (double)want / 100.0) > 1e-6)
                g_error("cents, P%g: %.17g, exact %.2f", QS[j] * 100, qc[j], (double)want / 100.0);
        }
        g_free(tot);
    }
    /* a million deals, near-certain and equal round ones: approximated (more than 65,536
     * totals), inside the range of possible totals; the time is printed, not asserted */
    gsize n = 1000000;
    double *am = g_new(double, n), *pm = g_new(double, n), qm[3];
    for (int kind = 0; kind < 2; kind++) {
        double sum = 0.0;
        for (gsize i = 0; i < n; i++) {
            am[i] = kind ? 1000.0 : (double)g_rand_int_range(r, 1, 60);
            pm[i] = kind ? 0.5 : 0.99 + 0.0099 * g_rand_double(r);
            sum += am[i];
        }
        GTimer *t = g_timer_new();
        g_assert_cmpint(pc_won_total_quantiles(am, pm, n, (double[]){ 0.1, 0.5, 0.9 }, 3, qm), ==, PC_OK);
        double took = g_timer_elapsed(t, NULL);
        g_timer_destroy(t);
        g_assert_cmpfloat(qm[0], <=, qm[1]);
        g_assert_cmpfloat(qm[1], <=, qm[2]);
        g_assert_cmpfloat(qm[2], <=, sum);
        if (kind) /* Binomial(10^6, 0.5) x 1000: P50 is 500,000,000 to 0.03 % */
            g_assert_cmpfloat(fabs(qm[1] - 5e8), <=, 3e-4 * sum);
        if (g_test_verbose())
            g_printerr("# a million %s deals: P10, P50, P90 in %.3f s\n",
                       kind ? "equal round" : "near-certain", took);
    }
    g_free(am);
    g_free(pm);
    g_rand_free(r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    /* expected value */
    g_test_add_func("/core/forecast/expected/stage-table", expected_stage_table);
    g_test_add_func("/core/forecast/expected/per-deal", expected_per_deal);
    g_test_add_func("/core/forecast/expected/rows-and-columns", expected_rows_and_columns);
    g_test_add_func("/core/forecast/expected/negative-and-empty-amounts",
                    expected_negative_and_empty_amounts);
    g_test_add_func("/core/forecast/expected/names-normalised", expected_names_normalised);
    g_test_add_func("/core/forecast/expected/numeric-stage-names", expected_numeric_stage_names);
    g_test_add_func("/core/forecast/expected/no-deals", expected_no_deals);
    g_test_add_func("/core/forecast/expected/overflow-is-num", expected_overflow_is_num);
    /* shapes */
    g_test_add_func("/core/forecast/shape/amounts-2d", shape_amounts_2d);
    g_test_add_func("/core/forecast/shape/lengths", shape_lengths);
    g_test_add_func("/core/forecast/shape/probabilities-form", shape_probabilities_form);
    /* rows and header */
    g_test_add_func("/core/forecast/rows/blank-skipped", rows_blank_skipped);
    g_test_add_func("/core/forecast/rows/full-column", full_column_same_as_used_range);
    g_test_add_func("/core/forecast/header/skipped", header_skipped);
    g_test_add_func("/core/forecast/header/every-cell-must-qualify",
                    header_only_when_every_cell_qualifies);
    g_test_add_func("/core/forecast/header/stage-table", header_of_stage_table);
    /* cells */
    g_test_add_func("/core/forecast/amount/errors", amount_errors);
    g_test_add_func("/core/forecast/stage/missing", stage_missing);
    g_test_add_func("/core/forecast/stage/blank-beside-amount", stage_blank_beside_amount);
    g_test_add_func("/core/forecast/stage/duplicates", stage_duplicates);
    g_test_add_func("/core/forecast/stage/blank-probability", stage_blank_probability);
    g_test_add_func("/core/forecast/stage/table-errors", stage_table_errors);
    g_test_add_func("/core/forecast/probability/errors", probability_errors);
    g_test_add_func("/core/forecast/error-cells-anywhere", error_cells_anywhere);
    /* period */
    g_test_add_func("/core/forecast/period/inclusive-whole-days", period_inclusive_whole_days);
    g_test_add_func("/core/forecast/period/errors", period_errors);
    g_test_add_func("/core/forecast/period/close-date-errors", period_close_date_errors);
    g_test_add_func("/core/forecast/period/outside-still-checked", period_outside_still_checked);
    /* outcomes */
    g_test_add_func("/core/forecast/outcomes/closed-not-counted", outcomes_closed_not_counted);
    g_test_add_func("/core/forecast/outcomes/omitted-is-the-old-answer",
                    outcomes_omitted_is_the_old_answer);
    g_test_add_func("/core/forecast/outcomes/shape", outcomes_shape);
    g_test_add_func("/core/forecast/outcomes/cell-errors", outcomes_cell_errors);
    g_test_add_func("/core/forecast/outcomes/closed-still-checked", outcomes_closed_still_checked);
    g_test_add_func("/core/forecast/outcomes/header-row", outcomes_header_row);
    g_test_add_func("/core/forecast/outcomes/period-and-percentile",
                    outcomes_with_period_and_percentile);
    /* percentile */
    g_test_add_func("/core/forecast/percentile/hand-computed", percentile_hand_computed);
    g_test_add_func("/core/forecast/percentile/ties", percentile_ties_as_exact_arithmetic);
    g_test_add_func("/core/forecast/percentile/negative-certain-zero",
                    percentile_negative_certain_and_zero);
    g_test_add_func("/core/forecast/percentile/period-only", percentile_counts_period_only);
    g_test_add_func("/core/forecast/percentile/errors", percentile_errors);
    g_test_add_func("/core/forecast/percentile/together-as-alone", percentiles_together_as_alone);
    /* the won-total quantile */
    g_test_add_func("/core/forecast/quantile/exact-vs-enumeration",
                    quantile_exact_matches_enumeration);
    g_test_add_func("/core/forecast/quantile/round-amounts-exact",
                    quantile_round_amounts_stay_exact);
    g_test_add_func("/core/forecast/quantile/approx-vs-enumeration",
                    quantile_approx_vs_enumeration);
    g_test_add_func("/core/forecast/quantile/monte-carlo-1000", quantile_monte_carlo_1000);
    g_test_add_func("/core/forecast/quantile/monte-carlo-100000", quantile_monte_carlo_100000);
    g_test_add_func("/core/forecast/quantile/monte-carlo-similar", quantile_monte_carlo_similar);
    g_test_add_func("/core/forecast/quantile/million-deals", quantile_million_deals);
    g_test_add_func("/core/forecast/quantile/deterministic", quantile_deterministic);
    g_test_add_func("/core/forecast/quantile/invalid-inputs", quantile_invalid_inputs);
    g_test_add_func("/core/forecast/quantile/promise", quantile_promise);
    /* the whole table in one call */
    g_test_add_func("/core/forecast/table/same-bits-as-calls", table_same_bits_as_calls);
    g_test_add_func("/core/forecast/table/scalar-is-one-call", table_scalar_is_one_call);
    g_test_add_func("/core/forecast/table/bad-elements-own-cells", table_bad_elements_own_cells);
    g_test_add_func("/core/forecast/table/shapes", table_shapes);
    return g_test_run();
}
