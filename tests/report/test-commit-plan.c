/* test-commit-plan.c - the Forecast categories sheet, the probability rule every report
 * uses, and the manager's targets, planned without an office. */
#include "pc_forecast.h"
#include "pc_stage.h"
#include "report-tables.h"
#include "rp_commit.h"
#include "rp_probability.h"
#include "tx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Calc serials of 2026 (1899-12-30 based): 46023 is 2026-01-01. */
#define JAN "#46037"
#define FEB "#46063"
#define MAR "#46086"

/* Closed: W1 (Jan, 1000), W2 (Feb, 3000), W3 (Jan, 500) won; L1 at Lead, L2 at Proposal lost.
 * Reached: Lead 5, Proposal 4, Won 3: Lead 60 %, Proposal 75 %; the average won deal 1500.
 * Open:  O1 Lead 1000 Jan Commit           0.6
 *        O2 Proposal 2000 Jan Best case    typed 0.9 (its stage 0.75)
 *        O3 Lead 4000 Feb Pipeline         0.6
 *        O4 Proposal 800 Feb (none)        0.75
 *        O5 Lead 1500 Mar Omitted          0.6
 *        O6 Proposal 1000 (no date) Commit 0.75 */
static PcTable *deals(gboolean german, gboolean category)
{
    const char *won = german ? "Gewonnen" : "Won", *lost = german ? "Verloren" : "Lost";
    const char *commit = german ? "Zusage" : "Commit", *best = german ? "Bester Fall" : "Best Case";
    const char *omitted = german ? "Ausgelassen" : "Omitted";
    const char *const cells[] = {
        german ? "Verkaufschance" : "Deal", german ? "Phase" : "Stage", german ? "Betrag" : "Amount",
        german ? "Abschlussdatum" : "Close date", german ? "Ergebnis" : "Status",
        german ? "Wahrscheinlichkeit" : "Probability",
        german ? "Prognosekategorie" : "Forecast category",
        "W1", "Proposal", "#1000", JAN, won, "", commit,
        "W2", "Lead", "#3000", FEB, won, "", "Closed",
        "W3", "Proposal", "#500", JAN, won, "", "",
        "L1", "Lead", "#700", JAN, lost, "", omitted,
        "L2", "Proposal", "#900", FEB, lost, "", "",
        "O1", "Lead", "#1000", JAN, "", "", commit,
        "O2", "Proposal", "#2000", JAN, "", "#0.9", best,
        "O3", "Lead", "#4000", FEB, "", " ", "Pipeline",
        "O4", "Proposal", "#800", FEB, "", "", "",
        "O5", "Lead", "#1500", MAR, "", "", omitted,
        "O6", "Proposal", "#1000", "", "", "", commit,
    };
    gsize cols = category ? 7 : 6, n = G_N_ELEMENTS(cells) / 7;
    const char **kept = g_new(const char *, n * cols);
    for (gsize r = 0; r < n; r++)
        for (gsize j = 0; j < cols; j++)
            kept[r * cols + j] = cells[r * 7 + j];
    PcTable *t = table_of(n, cols, kept, n * cols);
    g_free(kept);
    return t;
}

static gboolean read_number(gpointer data, const char *text, double *v)
{
    (void)data;
    char *end;
    *v = g_ascii_strtod(text, &end);
    if (end == text)
        return FALSE;
    if (*end == '%') {
        *v /= 100;
        end++;
    }
    return *end == 0;
}

static char *whole(double v, int decimals)
{
    return g_strdup_printf("%.*f", decimals, v);
}

static const RpNumbers NUMBERS = { read_number, whole, NULL };

static RpTargets parsed(const char *spec)
{
    RpTargets t;
    char *message = NULL;
    g_assert_true(rp_targets_parse(spec, &NUMBERS, &t, &message));
    g_assert_null(message);
    return t;
}

static RpCommit planned(const RpSource *s, const RpTargets *t)
{
    RpCommitOptions o = { NULL, t, whole };
    RpCommit c;
    char *message = NULL;
    g_assert_true(rp_commit_plan(s, &o, &c, &message));
    g_assert_null(message);
    return c;
}

static void assert_amount(const RpPlan *p, gsize row, gsize col, double v)
{
    g_assert_cmpint(format_at(p, row, col), ==, RP_FORMAT_AMOUNT);
    g_assert_cmpfloat_with_epsilon(number_at(p, row, col), v, 1e-9 * MAX(1.0, fabs(v)));
}

/* ---- the probability rule ---- */

static void probability_typed_wins(void)
{
    RpSource s = source_of(deals(FALSE, TRUE));
    GPtrArray *keys = pc_text_keys(s.cells);
    RpStages st;
    char *message = NULL;
    g_assert_true(rp_stages_learn(&s, keys, NULL, &st, &message));
    RpProbabilities pr;
    rp_probabilities_init(&pr, &s, keys, &st);
    RpDealProbability d;
    g_assert_true(rp_deal_probability(&pr, 6, &d, &message)); /* O1: its stage's */
    g_assert_cmpfloat_with_epsilon(d.p, 0.6, 1e-15);
    g_assert_false(d.typed);
    g_assert_true(rp_deal_probability(&pr, 7, &d, &message)); /* O2: typed, the stage beside */
    g_assert_cmpfloat(d.p, ==, 0.9);
    g_assert_true(d.typed);
    g_assert_cmpfloat_with_epsilon(d.stage, 0.75, 1e-15);
    g_assert_true(rp_deal_probability(&pr, 8, &d, &message)); /* O3: white space is empty */
    g_assert_false(d.typed);
    g_assert_cmpfloat_with_epsilon(d.p, 0.6, 1e-15);
    rp_probabilities_clear(&pr);
    rp_stages_clear(&st);
    g_ptr_array_unref(keys);
}

static void probability_refusals(void)
{
    RpSource s = source_at(TAB(5, 4, "Deal", "Stage", "Status", "Probability",
                               "A", "Lead", "Won", "", "B", "Lead", "Lost", "",
                               "C", "Lead", "", "#25", "D", "", "", "high"), "Deals", 4, 0);
    GPtrArray *keys = pc_text_keys(s.cells);
    RpStages st;
    char *message = NULL;
    g_assert_true(rp_stages_learn(&s, keys, NULL, &st, &message));
    RpProbabilities pr;
    rp_probabilities_init(&pr, &s, keys, &st);
    RpDealProbability d;
    g_assert_false(rp_deal_probability(&pr, 3, &d, &message)); /* 25 for 25 % */
    g_assert_cmpstr(message, ==, "Sheet row 8: the Probability cell holds no probability in 0-1 "
                                 "(type 25% for 25 percent, or leave it empty for the stage's). "
                                 "Nothing was written.");
    g_clear_pointer(&message, g_free);
    g_assert_false(rp_deal_probability(&pr, 4, &d, &message)); /* a text */
    g_assert_true(g_str_has_prefix(message, "Sheet row 9: the Probability cell"));
    g_clear_pointer(&message, g_free);
    pc_table_set_text((PcTable *)s.cells, 4, 3, "", -1); /* no stage, nothing typed */
    g_assert_false(rp_deal_probability(&pr, 4, &d, &message));
    g_assert_cmpstr(message, ==, "Sheet row 9: the deal has no probability typed and no stage "
                                 "with one. Nothing was written.");
    g_free(message);
    pc_table_set_number((PcTable *)s.cells, 4, 3, 1); /* typed: no stage needed */
    g_assert_true(rp_deal_probability(&pr, 4, &d, &message));
    g_assert_true(d.typed && d.p == 1 && isnan(d.stage));
    rp_probabilities_clear(&pr);
    rp_stages_clear(&st);
    g_ptr_array_unref(keys);
}

/* ---- targets ---- */

static void targets_parse_good(void)
{
    RpTargets t = parsed("2027-02=120000; 2027-01=100000\n\n 01/2028 = 5% ");
    g_assert_cmpuint(t.n, ==, 3);
    g_assert_false(t.quarters);
    g_assert_cmpint(t.t[0].first, ==, 2027 * 12);      /* sorted */
    g_assert_cmpint(t.t[0].last, ==, 2027 * 12);
    g_assert_cmpfloat(t.t[0].target, ==, 100000);
    g_assert_cmpint(t.t[1].first, ==, 2027 * 12 + 1);
    g_assert_cmpint(t.t[2].first, ==, 2028 * 12);
    g_assert_cmpfloat(t.t[2].target, ==, 0.05);
    g_assert_nonnull(rp_targets_find(&t, 2027 * 12 + 1));
    g_assert_null(rp_targets_find(&t, 2027 * 12 + 2));
    rp_targets_clear(&t);
    t = parsed("Q1 2027=300000;2027-Q3=1; q2/2027=2");
    g_assert_true(t.quarters);
    g_assert_cmpuint(t.n, ==, 3);
    g_assert_cmpint(t.t[1].first, ==, 2027 * 12 + 3);
    g_assert_cmpint(t.t[1].last, ==, 2027 * 12 + 5);
    char label[16];
    rp_period_label(t.t[2].first, TRUE, label, sizeof label);
    g_assert_cmpstr(label, ==, "Q3 2027");
    rp_targets_clear(&t);
    t = parsed("  ");
    g_assert_cmpuint(t.n, ==, 0);
    rp_targets_clear(&t);
}

static void targets_parse_bad(void)
{
    static const struct {
        const char *spec, *message;
    } BAD[] = {
        { "2027-13=5", "Targets: \"2027-13\" names no month or quarter (type 2027-01 or Q1 2027). "
                       "Nothing was written." },
        { "2027-01=100; Q1 2027", "Targets: \"Q1 2027\" is no period and amount (type "
                                  "2027-01=100000 or Q1 2027=300000). Nothing was written." },
        { "2027-01=lots", "Targets: \"lots\" is no amount above 0 (the target of 2027-01). "
                          "Nothing was written." },
        { "2027-01=0", "Targets: \"0\" is no amount above 0 (the target of 2027-01). Nothing was "
                       "written." },
        { "Q5 2027=1", "Targets: \"Q5 2027\" names no month or quarter (type 2027-01 or Q1 2027). "
                       "Nothing was written." },
        { "2027-01-15=1", "Targets: \"2027-01-15\" names no month or quarter (type 2027-01 or Q1 "
                          "2027). Nothing was written." },
        { "2027-01=1; Q1 2027=3", "Targets: give every target per month or every one per quarter, "
                                  "not both (\"Q1 2027=3\"). Nothing was written." },
        { "2027-01=1; 2027/1=2", "Targets: 2027-01 is given twice. Nothing was written." },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(BAD); i++) {
        RpTargets t;
        char *message = NULL;
        g_assert_false(rp_targets_parse(BAD[i].spec, &NUMBERS, &t, &message));
        g_assert_cmpstr(message, ==, BAD[i].message);
        g_assert_null(t.t);
        g_free(message);
    }
}

static void targets_from_a_table(void)
{
    PcDates dates = pc_dates_default();
    RpTargets t;
    char *message = NULL;
    g_assert_true(rp_targets_read(TAB(4, 3, "Monat", "Notiz", "Ziel", "2027-02", "x", "#100",
                                      "", "", "", JAN, "", "#50"), 0, &dates, &t, &message));
    g_assert_cmpuint(t.n, ==, 2);
    g_assert_cmpint(t.t[0].first, ==, 2026 * 12);      /* a date: its month */
    g_assert_cmpfloat(t.t[0].target, ==, 50);
    rp_targets_clear(&t);
    g_assert_true(rp_targets_read(TAB(3, 2, "Quartal", "Soll", JAN, "#10", "Q2 2026", "#20"), 0,
                                  &dates, &t, &message));
    g_assert_true(t.quarters);
    g_assert_cmpint(t.t[0].first, ==, 2026 * 12);      /* a date: its quarter */
    g_assert_cmpint(t.t[0].last, ==, 2026 * 12 + 2);
    rp_targets_clear(&t);
    g_assert_false(rp_targets_read(TAB(2, 2, "Month", "Amount", "2027-01", "#1"), 0, &dates, &t,
                                   &message));
    g_assert_cmpstr(message, ==, "The targets table needs a header row with a Month (or Quarter) "
                                 "column and a Target column. Nothing was written.");
    g_clear_pointer(&message, g_free);
    g_assert_false(rp_targets_read(TAB(3, 2, "Period", "Target", "2027-01", "#1", "soon", "#2"), 9,
                                   &dates, &t, &message));
    g_assert_cmpstr(message, ==, "Targets, sheet row 12: the period is no month or quarter (type "
                                 "2027-01 or Q1 2027, or a date). Nothing was written.");
    g_clear_pointer(&message, g_free);
    g_assert_false(rp_targets_read(TAB(2, 2, "Period", "Target", "2027-01", "much"), 0, &dates, &t,
                                   &message));
    g_assert_cmpstr(message, ==, "Targets, sheet row 2: the target is no amount above 0. Nothing "
                                 "was written.");
    g_clear_pointer(&message, g_free);
    g_assert_false(rp_targets_read(TAB(3, 2, "Period", "Target", "2027-01", "#1", "Q1 2027", "#2"),
                                   0, &dates, &t, &message));
    g_assert_cmpstr(message, ==, "Targets: give every target per month or every one per quarter, "
                                 "not both (sheet row 3). Nothing was written.");
    g_free(message);
}

/* ---- the sheet ---- */

/* Rows: Jan, Feb, Mar, Apr (a target, no deal), (no date), Total. */
static void commit_rollups_by_month(void)
{
    RpSource s = source_of(deals(FALSE, TRUE));
    RpTargets t = parsed("2026-01=5000; 2026-02=4000; 2026-04=2000");
    RpCommit c = planned(&s, &t);
    const RpPlan *p = c.plan;
    g_assert_cmpint(p->place, ==, RP_PLACE_SHEET);
    g_assert_cmpstr(p->marker, ==, "PIPECALC_CATEGORIES");
    g_assert_cmpstr(p->sheet_base, ==, "Forecast categories");
    g_assert_cmpstr(p->undo_title, ==, "Pipecalc: forecast categories");
    g_assert_cmpuint(p->cols, ==, RP_COMMIT_COLS);
    g_assert_cmpstr(text_at(p, 0, 0), ==, "Forecast categories");
    g_assert_cmpint(style_at(p, 0, 0), ==, RP_STYLE_TITLE);
    g_assert_cmpstr(text_at(p, 1, 0), ==, "From Deals.A1:G12: 6 open deals by close date. A deal's "
                                          "probability is the one typed in the probability column, "
                                          "else its stage's (learned from 5 closed deals, as Write "
                                          "forecast uses them). The deck's Score is not used.");
    g_assert_cmpstr(text_at(p, 2, 0), ==, "1 open deal has a probability typed in the Probability "
                                          "column: it is used, and never overwritten. Expected in "
                                          "all: 7050; at the stage probabilities only: 6750.");
    g_assert_cmpstr(text_at(p, 3, 0), ==, "1 open deal has no forecast category Pipecalc knows "
                                          "(Commit, Best case, Pipeline, Omitted): it counts as "
                                          "Pipeline.");
    g_assert_true(g_str_has_prefix(text_at(p, 4, 0), "Omitted deals are in no category column"));
    g_assert_cmpstr(text_at(p, 5, 0), ==, "Little history: the stage probabilities are learned from "
                                          "5 closed deals. With fewer than 30 they are mostly "
                                          "chance: take the figures as a rough guide.");
    g_assert_true(g_str_has_prefix(text_at(p, 6, 0), "2 stages were reached by fewer than 10"));
    g_assert_cmpint(style_at(p, 6, 0), ==, RP_STYLE_NOTE);
    gsize h = c.head_row;
    g_assert_cmpuint(h, ==, 8);
    g_assert_cmpuint(p->freeze_rows, ==, h + 1);
    static const char *const HEAD[] = { "Month", "Won", "Commit", "Won + Commit",
                                        "Won + Commit + Best case", "Weighted pipeline", "Expected",
                                        "P10", "P90", "Target", "Coverage", "Gap", "Leads needed" };
    for (gsize j = 0; j < RP_COMMIT_COLS; j++) {
        g_assert_cmpstr(text_at(p, h, j), ==, HEAD[j]);
        g_assert_cmpint(style_at(p, h, j), ==, RP_STYLE_HEADER);
    }
    g_assert_cmpuint(p->rows, ==, h + 7);
    static const char *const LABEL[] = { "2026-01", "2026-02", "2026-03", "2026-04", "(no date)", "Total" };
    /*                                  Won   Commit W+C   W+C+B Weighted Expected */
    static const double SUMS[6][6] = { { 1500, 1000, 2500, 4500, 0, 2400 },
                                       { 3000, 0, 3000, 3000, 3000, 3000 },
                                       { 0, 0, 0, 0, 0, 900 },
                                       { 0, 0, 0, 0, 0, 0 },
                                       { 0, 1000, 1000, 1000, 0, 750 },
                                       { 4500, 2000, 6500, 8500, 3000, 7050 } };
    for (gsize i = 0; i < 6; i++) {
        g_assert_cmpstr(text_at(p, h + 1 + i, 0), ==, LABEL[i]);
        for (gsize j = 0; j < 6; j++)
            assert_amount(p, h + 1 + i, RP_COMMIT_WON + j, SUMS[i][j]);
    }
    g_assert_cmpint(style_at(p, h + 6, 0), ==, RP_STYLE_TOTAL);
    /* targets: Jan 5000 - won 1500 = 3500 remaining, 2400 expected, gap 1100, leads
     * ceil(1100 / (1500 x 3/5)) = 2; Feb: 1000 remaining, 300 % covered, no gap; Apr: all
     * 2000 missing, 3 leads; Total: 6500 remaining, 5400 expected, gap 3100, 4 leads */
    static const double TARGET[4][4] = { { 5000, 2400.0 / 3500, 1100, 2 },
                                         { 4000, 3, 0, 0 },
                                         { 2000, 0, 2000, 3 },
                                         { 11000, 5400.0 / 6500, 3100, 4 } };
    static const gsize TROW[4] = { 1, 2, 4, 6 };
    for (gsize i = 0; i < 4; i++) {
        gsize row = h + TROW[i];
        assert_amount(p, row, RP_COMMIT_TARGET, TARGET[i][0]);
        g_assert_cmpint(format_at(p, row, RP_COMMIT_COVERAGE), ==, RP_FORMAT_PERCENT);
        g_assert_cmpfloat_with_epsilon(number_at(p, row, RP_COMMIT_COVERAGE), TARGET[i][1], 1e-12);
        assert_amount(p, row, RP_COMMIT_GAP, TARGET[i][2]);
        g_assert_cmpint(format_at(p, row, RP_COMMIT_LEADS), ==, RP_FORMAT_INTEGER);
        g_assert_cmpfloat(number_at(p, row, RP_COMMIT_LEADS), ==, TARGET[i][3]);
    }
    /* leads as LEADS_NEEDED's core gives them */
    double v;
    PcError e;
    g_assert_cmpint(pc_leads_needed_of_counts(1100, 1500, 5, 3, "Lead", &v, &e), ==, PC_OK);
    g_assert_cmpfloat(v, ==, 2);
    /* March and (no date) have no target: nothing there */
    for (gsize j = RP_COMMIT_TARGET; j < RP_COMMIT_COLS; j++) {
        g_assert_cmpint(rp_cell_at(p, h + 3, j)->kind, ==, RP_EMPTY);
        g_assert_cmpint(rp_cell_at(p, h + 5, j)->kind, ==, RP_EMPTY);
    }
    g_assert_cmpuint(c.periods, ==, 4);
    g_assert_cmpuint(c.open, ==, 6);
    g_assert_cmpuint(c.typed, ==, 1);
    g_assert_cmpuint(c.uncategorised, ==, 1);
    g_assert_true(c.has_category);
    g_assert_true(c.thin);
    g_assert_cmpfloat_with_epsilon(c.expected, 7050, 1e-9);
    g_assert_cmpfloat_with_epsilon(c.expected_stages, 6750, 1e-9);
    /* the chart: Won, Won + Commit, Won + Commit + Best case and Target of the dated months */
    g_assert_cmpuint(p->charts->len, ==, 1);
    const RpChart *ch = g_ptr_array_index(p->charts, 0);
    g_assert_cmpint(ch->type, ==, RP_CHART_COLUMNS);
    g_assert_cmpuint(ch->data.row0, ==, h);
    g_assert_cmpuint(ch->data.row1, ==, h + 4);
    g_assert_cmpuint(ch->n_series, ==, 4);
    g_assert_cmpuint(ch->series[0], ==, RP_COMMIT_WON);
    g_assert_cmpuint(ch->series[1], ==, RP_COMMIT_WON_COMMIT);
    g_assert_cmpuint(ch->series[2], ==, RP_COMMIT_WON_BEST);
    g_assert_cmpuint(ch->series[3], ==, RP_COMMIT_TARGET);
    g_assert_cmpuint(ch->row, ==, p->rows + 1);
    g_assert_true(ch->legend);
    rp_commit_clear(&c);
    rp_targets_clear(&t);
}

/* Expected, P10 and P90 are PIPELINE_FORECAST's over the same deals with their
 * probabilities as a per-deal column: the same bits. */
static void commit_agrees_with_pipeline_forecast(void)
{
    RpSource s = source_of(deals(FALSE, TRUE));
    RpCommit c = planned(&s, NULL);
    const RpPlan *p = c.plan;
    gsize h = c.head_row;
    static const double QS[2] = { 0.1, 0.9 };
    struct {
        gsize row;
        const char *amounts[6], *probs[6];
        gsize n;
    } const CASES[] = {
        { h + 1, { "#1000", "#2000" }, { "#0.6", "#0.9" }, 2 },                 /* Jan */
        { h + 2, { "#4000", "#800" }, { "#0.6", "#0.75" }, 2 },                 /* Feb */
        { h + 5, { "#1000", "#2000", "#4000", "#800", "#1500", "#1000" }, /* Total: all six */
          { "#0.6", "#0.9", "#0.6", "#0.75", "#0.6", "#0.75" }, 6 },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(CASES); i++) {
        gsize n = CASES[i].n;
        PcTable *a = table_of(n, 1, CASES[i].amounts, n);
        PcTable *pr = table_of(n, 1, CASES[i].probs, n);
        PcForecastArgs args = { .amounts = a, .stages = a, .probabilities = pr };
        double expected, q[2];
        PcError e;
        g_assert_cmpint(pc_pipeline_forecast_quantiles(&args, QS, 2, &expected, q, &e), ==, PC_OK);
        g_assert_cmpfloat(number_at(p, CASES[i].row, RP_COMMIT_EXPECTED), ==, expected);
        g_assert_cmpfloat(number_at(p, CASES[i].row, RP_COMMIT_P10), ==, q[0]);
        g_assert_cmpfloat(number_at(p, CASES[i].row, RP_COMMIT_P90), ==, q[1]);
    }
    /* Jan by hand: totals 0, 1000, 2000, 3000 at 0.04, 0.06, 0.36, 0.54: P90 is 3000 */
    g_assert_cmpfloat(number_at(p, h + 1, RP_COMMIT_P90), ==, 3000);
    /* without targets: no Target .. Leads needed anywhere */
    for (gsize r = h + 1; r < p->rows; r++)
        g_assert_cmpint(rp_cell_at(p, r, RP_COMMIT_TARGET)->kind, ==, RP_EMPTY);
    g_assert_cmpuint(p->rows, ==, h + 1 + 3 + 1 + 1); /* Jan..Mar, (no date), Total */
    rp_commit_clear(&c);
}

/* Targets per quarter: every row a quarter. */
static void commit_by_quarter(void)
{
    RpSource s = source_of(deals(FALSE, TRUE));
    RpTargets t = parsed("Q1 2026=10000");
    RpCommit c = planned(&s, &t);
    const RpPlan *p = c.plan;
    gsize h = c.head_row;
    g_assert_cmpstr(text_at(p, h, 0), ==, "Quarter");
    g_assert_cmpstr(text_at(p, h + 1, 0), ==, "Q1 2026");
    g_assert_cmpstr(text_at(p, h + 2, 0), ==, "(no date)");
    g_assert_cmpstr(text_at(p, h + 3, 0), ==, "Total");
    assert_amount(p, h + 1, RP_COMMIT_WON, 4500);
    assert_amount(p, h + 1, RP_COMMIT_EXPECTED, 6300);
    assert_amount(p, h + 1, RP_COMMIT_WEIGHTED, 3000);
    /* 10000 - 4500 = 5500 remaining, 6300 expected: covered 6300 / 5500, no gap */
    g_assert_cmpfloat_with_epsilon(number_at(p, h + 1, RP_COMMIT_COVERAGE), 6300.0 / 5500, 1e-12);
    assert_amount(p, h + 1, RP_COMMIT_GAP, 0);
    g_assert_cmpfloat(number_at(p, h + 1, RP_COMMIT_LEADS), ==, 0);
    g_assert_cmpuint(c.periods, ==, 1);
    rp_commit_clear(&c);
    rp_targets_clear(&t);
    /* a target already won: nothing remains */
    t = parsed("Q1 2026=4000");
    c = planned(&s, &t);
    g_assert_cmpstr(text_at(c.plan, c.head_row + 1, RP_COMMIT_COVERAGE), ==, "reached");
    assert_amount(c.plan, c.head_row + 1, RP_COMMIT_GAP, 0);
    rp_commit_clear(&c);
    rp_targets_clear(&t);
}

/* No category column: every open deal is Pipeline, and the sheet says so. */
static void commit_without_a_category_column(void)
{
    RpSource s = source_of(deals(FALSE, FALSE));
    RpCommit c = planned(&s, NULL);
    const RpPlan *p = c.plan;
    gsize h = c.head_row;
    g_assert_false(c.has_category);
    g_assert_cmpuint(c.uncategorised, ==, 0);
    g_assert_cmpstr(text_at(p, 3, 0), ==, "The table has no forecast category column (such as "
                                          "Forecast category or Prognosekategorie): every open deal "
                                          "counts as Pipeline, weighted by its probability.");
    for (gsize r = h + 1; r < p->rows; r++) {
        assert_amount(p, r, RP_COMMIT_COMMIT, 0);
        g_assert_cmpfloat(number_at(p, r, RP_COMMIT_WEIGHTED), ==, number_at(p, r, RP_COMMIT_EXPECTED));
    }
    assert_amount(p, p->rows - 1, RP_COMMIT_WEIGHTED, 7050);
    rp_commit_clear(&c);
}

/* German headers and category words give the same sheet. */
static void commit_german_table(void)
{
    RpSource de = source_of(deals(TRUE, TRUE));
    RpSource en = source_of(deals(FALSE, TRUE));
    g_assert_cmpint(de.roles[6], ==, PC_ROLE_CATEGORY);
    g_assert_cmpint(de.roles[5], ==, PC_ROLE_PROBABILITY);
    RpCommit a = planned(&de, NULL), b = planned(&en, NULL);
    g_assert_cmpuint(a.plan->rows, ==, b.plan->rows);
    for (gsize r = a.head_row + 1; r < a.plan->rows; r++)
        for (gsize j = RP_COMMIT_WON; j <= RP_COMMIT_P90; j++)
            g_assert_cmpfloat(number_at(a.plan, r, j), ==, number_at(b.plan, r, j));
    g_assert_cmpuint(a.uncategorised, ==, 1);
    rp_commit_clear(&a);
    rp_commit_clear(&b);
}

/* The manager's stage probabilities: no history needed, no little-history note. */
static void commit_with_given_stages(void)
{
    RpSource s = source_of(deals(FALSE, TRUE));
    RpCommitOptions o = { TAB(2, 2, "Lead", "#0.5", "Proposal", "#0.5"), NULL, whole };
    RpCommit c;
    char *message = NULL;
    g_assert_true(rp_commit_plan(&s, &o, &c, &message));
    g_assert_false(c.thin);
    /* 1000 x .5 + 2000 x .9 (typed) + 4000 x .5 + 800 x .5 + 1500 x .5 + 1000 x .5 */
    g_assert_cmpfloat_with_epsilon(c.expected, 500 + 1800 + 2000 + 400 + 750 + 500, 1e-9);
    g_assert_cmpfloat_with_epsilon(c.expected_stages, 500 + 1000 + 2000 + 400 + 750 + 500, 1e-9);
    for (gsize r = 1; r < c.head_row; r++)
        g_assert_false(g_str_has_prefix(text_at(c.plan, r, 0), "Little history"));
    rp_commit_clear(&c);
}

static void commit_refusals(void)
{
    RpCommitOptions o = { NULL, NULL, whole };
    RpCommit c;
    char *message = NULL;
    RpSource no_date = source_of(TAB(3, 3, "Deal", "Stage", "Amount", "A", "Won", "#1", "B", "Lead", "#2"));
    g_assert_false(rp_commit_plan(&no_date, &o, &c, &message));
    g_assert_cmpstr(message, ==, "Forecast categories need an amount, a stage and a close date "
                                 "column. Nothing was written.");
    g_assert_null(c.plan);
    g_clear_pointer(&message, g_free);
    PcTable *t = deals(FALSE, TRUE);
    pc_table_set_number(t, 8, 5, 40); /* O3: 40 for 40 % */
    RpSource bad = source_of(t);
    g_assert_false(rp_commit_plan(&bad, &o, &c, &message));
    g_assert_true(g_str_has_prefix(message, "Sheet row 9: the Probability cell holds no probability"));
    g_clear_pointer(&message, g_free);
    pc_table_set_text(t, 8, 5, "", -1);
    pc_table_set_text(t, 9, 3, "next week", -1);
    g_assert_false(rp_commit_plan(&bad, &o, &c, &message));
    g_assert_cmpstr(message, ==, "Sheet row 10: the Close date cell holds no date. Nothing was written.");
    g_clear_pointer(&message, g_free);
    pc_table_set_number(t, 9, 3, 46063);
    pc_table_set_text(t, 9, 2, "lots", -1);
    g_assert_false(rp_commit_plan(&bad, &o, &c, &message));
    g_assert_cmpstr(message, ==, "Sheet row 10: the Amount cell holds no number. Nothing was written.");
    g_clear_pointer(&message, g_free);
    RpSource unlearned = source_of(TAB(3, 4, "Deal", "Stage", "Amount", "Close date",
                                       "A", "Lead", "#1", JAN, "B", "Lead", "#2", JAN));
    g_assert_false(rp_commit_plan(&unlearned, &o, &c, &message));
    g_assert_true(g_str_has_prefix(message, "Pipecalc learns from closed deals"));
    g_free(message);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    tx_set_language("en");
    g_test_add_func("/report/probability/typed-wins", probability_typed_wins);
    g_test_add_func("/report/probability/refusals", probability_refusals);
    g_test_add_func("/report/targets/parse-good", targets_parse_good);
    g_test_add_func("/report/targets/parse-bad", targets_parse_bad);
    g_test_add_func("/report/targets/from-a-table", targets_from_a_table);
    g_test_add_func("/report/commit/rollups-by-month", commit_rollups_by_month);
    g_test_add_func("/report/commit/agrees-with-pipeline-forecast", commit_agrees_with_pipeline_forecast);
    g_test_add_func("/report/commit/by-quarter", commit_by_quarter);
    g_test_add_func("/report/commit/without-a-category-column", commit_without_a_category_column);
    g_test_add_func("/report/commit/german-table", commit_german_table);
    g_test_add_func("/report/commit/given-stages", commit_with_given_stages);
    g_test_add_func("/report/commit/refusals", commit_refusals);
    return g_test_run();
}
