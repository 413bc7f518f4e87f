/* test-accuracy-plan.c - what Forecast accuracy writes, planned without an office: a history
 * by hand, no peeking at later outcomes, refusals, the Score's deciles, and 50 snapshots of
 * 10,000 deals (the planning time is printed with --verbose). */
#include "report-tables.h"
#include "rp_accuracy.h"
#include "tx.h"

#include <math.h>

static char *number(double v, int decimals)
{
    return g_strdup_printf("%.*f", decimals, v);
}

static RpAccuracyOptions options(void)
{
    RpAccuracyOptions o = { .dates = pc_dates_default(), .number = number };
    return o;
}

/* H read from T (a history as Snapshot writes it), cleared when the test ends. */
static RpHistory *history_of(const PcTable *t)
{
    RpHistory *h = g_new0(RpHistory, 1);
    char *message = NULL;
    if (!rp_history_read(t, 0, h, &message))
        g_error("%s", message);
    g_test_queue_free(h); /* the queue runs last in, first out: cleared, then freed */
    g_test_queue_destroy((GDestroyNotify)rp_history_clear, h);
    return h;
}

/* Snapshot 2026-01-15 (46037), latest 2026-03-31 (46112). At the first, Lead and Proposal are
 * learned from Cyan (won: reached both), Dune (lost at Lead) and Echo (lost at Proposal):
 * Lead 1/3, Proposal 1/2. Hale has 90 % typed, which wins over its stage's 1/3.
 *   January:  Acme 1000 at 1/3: expected 333.33, P10 0, P50 0, P90 1000; Acme won 1000 on
 *             Jan 25: inside, error (333.33 - 1000) / 1000 = -2/3.
 *   February: Bolt 2000 at 1/2, Hale 300 at .9: expected 1270; totals 0 (.05), 300 (.45), 2000
 *             (.05), 2300 (.45): P10 = P50 = 300, P90 2300; Hale won 300 (Bolt lost): inside,
 *             error 970 / 300. Fizz, new since, won 5000 in February: not counted.
 *   March:    no deal: all 0, actual 0, inside, error "-". */
static const PcTable *hand_history(void)
{
    return TAB(15, 8, "Snapshot", "Deal", "Stage", "Amount", "Close date", "Owner", "Outcome",
               "Probability",
               "#46037", "Acme", "Lead", "#1000", "#46042", "", "Open", "",
               "#46037", "Bolt", "Proposal", "#2000", "#46063", "", "Open", "",
               "#46037", "Cyan", "Lead", "#500", "#46030", "", "Won", "",
               "#46037", "Dune", "Lead", "#400", "#46030", "", "Lost", "",
               "#46037", "Echo", "Proposal", "#600", "#46030", "", "Lost", "",
               "#46037", "Hale", "Lead", "#300", "#46070", "", "Open", "#0.9",
               "#46112", "Acme", "Won", "#1000", "#46047", "", "Won", "",
               "#46112", "Bolt", "Proposal", "#2000", "#46070", "", "Lost", "",
               "#46112", "Cyan", "Lead", "#500", "#46030", "", "Won", "",
               "#46112", "Dune", "Lead", "#400", "#46030", "", "Lost", "",
               "#46112", "Echo", "Proposal", "#600", "#46030", "", "Lost", "",
               "#46112", "Hale", "Lead", "#300", "#46075", "", "Won", "#0.9",
               "#46112", "Fizz", "Lead", "#5000", "#46060", "", "Won", "",
               "#46112", "Gust", "Lead", "#700", "#46200", "", "Open", "");
}

static void accuracy_by_hand(void)
{
    RpAccuracyOptions o = options();
    RpAccuracy a;
    char *message = NULL;
    g_assert_true(rp_accuracy_plan(history_of(hand_history()), &o, &a, &message));
    g_assert_null(message);
    const RpPlan *p = a.plan;
    g_assert_cmpint(p->place, ==, RP_PLACE_SHEET);
    g_assert_cmpstr(p->marker, ==, "PIPECALC_ACCURACY");
    g_assert_cmpstr(p->sheet_base, ==, "Forecast accuracy");
    g_assert_cmpstr(p->undo_title, ==, "Pipecalc: forecast accuracy");
    g_assert_cmpstr(text_at(p, 0, 0), ==, "Forecast accuracy");
    g_assert_cmpint(style_at(p, 0, 0), ==, RP_STYLE_TITLE);
    g_assert_true(g_str_has_prefix(text_at(p, 1, 0), "From 2 snapshots of the Pipeline history "
                                                      "(2026-01-15 to 2026-03-31)"));
    g_assert_cmpstr(text_at(p, 2, 0), ==, "At 1 snapshot the stage probabilities were learned "
                                          "from fewer than 30 closed deals: they were mostly "
                                          "chance there.");
    g_assert_cmpstr(text_at(p, 3, 0), ==, "Only 3 deals open at the snapshots have closed since "
                                          "(fewer than 30): the calibration is a rough guide.");
    static const char *const HEAD[] = { "Snapshot", "Period", "Deals", "Expected", "P10", "P50",
                                        "P90", "Actual", "Error", "Inside P10–P90" };
    for (gsize j = 0; j < 10; j++) {
        g_assert_cmpstr(text_at(p, 4, j), ==, HEAD[j]);
        g_assert_cmpint(style_at(p, 4, j), ==, RP_STYLE_HEADER);
    }
    g_assert_cmpuint(p->freeze_rows, ==, 5);
    static const struct {
        double period, deals, expected, p10, p50, p90, actual, error;
        const char *inside;
    } WANT[] = {
        { 46023, 1, 1000.0 / 3, 0, 0, 1000, 1000, (1000.0 / 3 - 1000) / 1000, "Yes" },
        { 46054, 2, 1270, 300, 300, 2300, 300, 970.0 / 300, "Yes" },
        { 46082, 0, 0, 0, 0, 0, 0, NAN, "Yes" },
    };
    for (gsize i = 0; i < 3; i++) {
        gsize row = 5 + i;
        g_assert_cmpfloat(number_at(p, row, 0), ==, 46037);
        g_assert_cmpint(format_at(p, row, 0), ==, RP_FORMAT_DATE);
        g_assert_cmpfloat(number_at(p, row, 1), ==, WANT[i].period);
        g_assert_cmpint(format_at(p, row, 1), ==, RP_FORMAT_DATE);
        g_assert_cmpfloat(number_at(p, row, 2), ==, WANT[i].deals);
        g_assert_cmpint(format_at(p, row, 2), ==, RP_FORMAT_INTEGER);
        g_assert_cmpfloat_with_epsilon(number_at(p, row, 3), WANT[i].expected, 1e-9);
        g_assert_cmpint(format_at(p, row, 3), ==, RP_FORMAT_AMOUNT);
        g_assert_cmpfloat(number_at(p, row, 4), ==, WANT[i].p10);
        g_assert_cmpfloat(number_at(p, row, 5), ==, WANT[i].p50);
        g_assert_cmpfloat(number_at(p, row, 6), ==, WANT[i].p90);
        g_assert_cmpfloat(number_at(p, row, 7), ==, WANT[i].actual);
        if (isnan(WANT[i].error)) {
            g_assert_cmpstr(text_at(p, row, 8), ==, "-");
        } else {
            g_assert_cmpfloat_with_epsilon(number_at(p, row, 8), WANT[i].error, 1e-12);
            g_assert_cmpint(format_at(p, row, 8), ==, RP_FORMAT_PERCENT);
        }
        g_assert_cmpstr(text_at(p, row, 9), ==, WANT[i].inside);
    }
    /* the summary: MAPE of 2/3 and 970/300 over 2 periods; 3 of 3 inside; bias
     * (1603.33 - 1300) / 1300 */
    double mape = (2.0 / 3 + 970.0 / 300) / 2, bias = (1000.0 / 3 + 1270 - 1300) / 1300;
    g_assert_cmpstr(text_at(p, 9, 0), ==, "Mean absolute percentage error (MAPE)");
    g_assert_cmpfloat_with_epsilon(number_at(p, 9, 3), mape, 1e-12);
    g_assert_cmpint(format_at(p, 9, 3), ==, RP_FORMAT_PERCENT);
    g_assert_cmpstr(text_at(p, 9, 4), ==, "Over 2 periods with revenue won. 1 period without "
                                          "any is left out (no percentage of nothing).");
    g_assert_cmpfloat(number_at(p, 10, 3), ==, 1);
    /* Bin(3, 0.8): the 5 % quantile 1, the 95 % 3 */
    g_assert_cmpstr(text_at(p, 10, 4), ==, "With right probabilities about 80 % of the periods "
                                           "fall inside; for 3 periods, 90 % of the time between "
                                           "33 % and 100 %.");
    g_assert_cmpfloat_with_epsilon(number_at(p, 11, 3), bias, 1e-12);
    g_assert_cmpstr(text_at(p, 11, 4), ==, "The forecasts were 23 % too high on the whole "
                                           "(expected - actual, over the actual).");
    g_assert_true(g_str_has_prefix(text_at(p, 12, 0), "The share inside P10–P90 is within what "
                                                       "chance allows"));
    g_assert_cmpfloat_with_epsilon(a.summary.mape, mape, 1e-12);
    g_assert_cmpuint(a.summary.periods, ==, 3);
    g_assert_false(a.summary.off);
    /* calibration: Bolt (Proposal, 1/2, lost); Acme (Lead, 1/3, won) and Hale (Lead, typed .9,
     * won); sorted by mean predicted: Proposal .5, Lead .6167 */
    g_assert_true(g_str_has_prefix(text_at(p, 14, 0), "Calibration of the stage probabilities"));
    g_assert_cmpstr(text_at(p, 15, 0), ==, "Stage");
    g_assert_cmpstr(text_at(p, 15, 4), ==, "Brier score");
    g_assert_cmpstr(text_at(p, 16, 0), ==, "Proposal");
    g_assert_cmpfloat(number_at(p, 16, 1), ==, 1);
    g_assert_cmpfloat(number_at(p, 16, 2), ==, 0.5);
    g_assert_cmpfloat(number_at(p, 16, 3), ==, 0);
    g_assert_cmpfloat(number_at(p, 16, 4), ==, 0.25);
    g_assert_cmpstr(text_at(p, 16, 5), ==, "fewer than 10 deals: mostly chance");
    g_assert_cmpstr(text_at(p, 17, 0), ==, "Lead");
    g_assert_cmpfloat(number_at(p, 17, 1), ==, 2);
    g_assert_cmpfloat_with_epsilon(number_at(p, 17, 2), (1.0 / 3 + 0.9) / 2, 1e-15);
    g_assert_cmpfloat(number_at(p, 17, 3), ==, 1);
    g_assert_cmpfloat_with_epsilon(number_at(p, 17, 4), (4.0 / 9 + 0.01) / 2, 1e-15);
    g_assert_cmpstr(text_at(p, 18, 0), ==, "All stages");
    g_assert_cmpint(style_at(p, 18, 0), ==, RP_STYLE_TOTAL);
    g_assert_cmpfloat(number_at(p, 18, 1), ==, 3);
    g_assert_cmpfloat_with_epsilon(number_at(p, 18, 4), (0.25 + 4.0 / 9 + 0.01) / 3, 1e-15);
    g_assert_cmpuint(p->rows, ==, 19);
    g_assert_cmpuint(a.closed, ==, 3);
    g_assert_cmpuint(a.stages, ==, 2);
    g_assert_cmpuint(a.snapshots, ==, 1);
    g_assert_cmpuint(a.skipped, ==, 0);
    /* the chart: predicted and realised by stage */
    g_assert_cmpuint(p->charts->len, ==, 1);
    const RpChart *c = g_ptr_array_index(p->charts, 0);
    g_assert_cmpint(c->type, ==, RP_CHART_COLUMNS);
    g_assert_cmpuint(c->data.row0, ==, 15);
    g_assert_cmpuint(c->data.row1, ==, 17);
    g_assert_cmpuint(c->n_series, ==, 2);
    g_assert_cmpuint(c->series[0], ==, 2);
    g_assert_cmpuint(c->series[1], ==, 3);
    g_assert_cmpuint(c->row, ==, p->rows + 1);
    rp_accuracy_clear(&a);
}

/* Three snapshots: Jan 5, Feb 2, Apr 30. Ivy, open at Lead on Jan 5, closes between the first
 * and the second snapshot, won or lost (OUTCOME): the January snapshot's figures are the same
 * either way (it learns only from what had closed by Jan 5); the February one's differ. */
static const PcTable *peeking_history(const char *outcome)
{
    return TAB(19, 8, "Snapshot", "Deal", "Stage", "Amount", "Close date", "Owner", "Outcome",
               "Probability",
               "#46027", "Acme", "Lead", "#1000", "#46040", "", "Open", "",
               "#46027", "Ivy", "Lead", "#800", "#46050", "", "Open", "",
               "#46027", "Cyan", "Lead", "#500", "#46000", "", "Won", "",
               "#46027", "Dune", "Lead", "#400", "#46000", "", "Lost", "",
               "#46027", "Echo", "Lead", "#400", "#46000", "", "Lost", "",
               "#46055", "Acme", "Lead", "#1000", "#46070", "", "Open", "",
               "#46055", "Ivy", "Lead", "#800", "#46050", "", outcome, "",
               "#46055", "Cyan", "Lead", "#500", "#46000", "", "Won", "",
               "#46055", "Dune", "Lead", "#400", "#46000", "", "Lost", "",
               "#46055", "Echo", "Lead", "#400", "#46000", "", "Lost", "",
               "#46055", "Jade", "Lead", "#900", "#46090", "", "Open", "",
               "#46142", "Acme", "Lead", "#1000", "#46070", "", "Won", "",
               "#46142", "Ivy", "Lead", "#800", "#46050", "", outcome, "",
               "#46142", "Cyan", "Lead", "#500", "#46000", "", "Won", "",
               "#46142", "Dune", "Lead", "#400", "#46000", "", "Lost", "",
               "#46142", "Echo", "Lead", "#400", "#46000", "", "Lost", "",
               "#46142", "Jade", "Lead", "#900", "#46090", "", "Lost", "",
               "#46142", "Kiwi", "Lead", "#900", "#46075", "", "Won", "");
}

static void accuracy_does_not_peek(void)
{
    RpAccuracyOptions o = options();
    RpAccuracy won, lost;
    char *message = NULL;
    g_assert_true(rp_accuracy_plan(history_of(peeking_history("Won")), &o, &won, &message));
    g_assert_true(rp_accuracy_plan(history_of(peeking_history("Lost")), &o, &lost, &message));
    const RpPlan *a = won.plan, *b = lost.plan;
    /* January's snapshot learns Lead = 1/3 from Cyan, Dune and Echo whatever Ivy did */
    gsize head = 0;
    while (strcmp(text_at(a, head, 0), "Snapshot") != 0)
        head++;
    g_assert_cmpstr(text_at(b, head, 0), ==, "Snapshot");
    gsize jan = 0, feb = 0;
    for (gsize r = head + 1; r < a->rows && rp_cell_at(a, r, 0)->kind == RP_NUMBER; r++) {
        g_assert_cmpfloat(number_at(a, r, 0), ==, number_at(b, r, 0));
        if (number_at(a, r, 0) == 46027) {
            jan++;
            for (gsize j = 2; j <= 6; j++)
                g_assert_cmpfloat(number_at(a, r, j), ==, number_at(b, r, j));
        } else if (number_at(a, r, 1) == 46054) { /* February of the February snapshot */
            feb++;
            /* Acme alone in February (Jade closes in March): 1000 at Lead, learned with Ivy's
             * outcome: won 2 of 4 = 1/2, or 1 of 4 = 1/4 */
            g_assert_cmpfloat(number_at(a, r, 3), ==, 500);
            g_assert_cmpfloat(number_at(b, r, 3), ==, 250);
        }
    }
    g_assert_cmpuint(jan, ==, 4); /* January to April: April 30 is the latest's day */
    g_assert_cmpuint(feb, ==, 1);
    /* January's January: Acme (Jan 18) and Ivy (Jan 28) at 1/3; Ivy's 800 its actual when
     * won. Its February: nothing forecast, Acme won on Feb 17. */
    g_assert_cmpfloat_with_epsilon(number_at(a, head + 1, 3), 600, 1e-9);
    g_assert_cmpfloat(number_at(a, head + 1, 7), ==, 800);
    g_assert_cmpfloat(number_at(b, head + 1, 7), ==, 0);
    g_assert_cmpfloat(number_at(a, head + 2, 3), ==, 0);
    g_assert_cmpfloat(number_at(a, head + 2, 7), ==, 1000);
    g_assert_cmpfloat(number_at(b, head + 2, 7), ==, 1000);
    rp_accuracy_clear(&won);
    rp_accuracy_clear(&lost);
}

static void accuracy_refusals(void)
{
    RpAccuracyOptions o = options();
    RpAccuracy a;
    char *message = NULL;
    const PcTable *one = TAB(2, 8, "Snapshot", "Deal", "Stage", "Amount", "Close date", "Owner",
                             "Outcome", "Probability",
                             "#46037", "Acme", "Lead", "#1000", "#46042", "", "Open", "");
    g_assert_false(rp_accuracy_plan(history_of(one), &o, &a, &message));
    g_assert_true(g_str_has_prefix(message, "Forecast accuracy needs at least two snapshots"));
    g_assert_null(a.plan);
    g_clear_pointer(&message, g_free);
    RpHistory none = { 0 };
    g_assert_false(rp_accuracy_plan(&none, &o, &a, &message));
    g_clear_pointer(&message, g_free);
    /* two snapshots in January, the latest on the 20th: January has not ended */
    const PcTable *soon = TAB(7, 8, "Snapshot", "Deal", "Stage", "Amount", "Close date", "Owner",
                              "Outcome", "Probability",
                              "#46027", "Acme", "Lead", "#1000", "#46042", "", "Open", "",
                              "#46027", "Cyan", "Lead", "#500", "#46000", "", "Won", "",
                              "#46027", "Dune", "Lead", "#400", "#46000", "", "Lost", "",
                              "#46042", "Acme", "Lead", "#1000", "#46042", "", "Won", "",
                              "#46042", "Cyan", "Lead", "#500", "#46000", "", "Won", "",
                              "#46042", "Dune", "Lead", "#400", "#46000", "", "Lost", "");
    g_assert_false(rp_accuracy_plan(history_of(soon), &o, &a, &message));
    g_assert_cmpstr(message, ==, "No forecast period has ended by the latest snapshot yet: the "
                                 "earliest ends on 2026-01-31. Take snapshot again after that. "
                                 "Nothing was written.");
    g_clear_pointer(&message, g_free);
    /* the earlier snapshot has no lost deal: nothing to learn from */
    const PcTable *unlearned = TAB(5, 8, "Snapshot", "Deal", "Stage", "Amount", "Close date",
                                   "Owner", "Outcome", "Probability",
                                   "#46027", "Acme", "Lead", "#1000", "#46042", "", "Open", "",
                                   "#46027", "Cyan", "Lead", "#500", "#46000", "", "Won", "",
                                   "#46112", "Acme", "Lead", "#1000", "#46042", "", "Won", "",
                                   "#46112", "Cyan", "Lead", "#500", "#46000", "", "Won", "");
    g_assert_false(rp_accuracy_plan(history_of(unlearned), &o, &a, &message));
    g_assert_true(g_str_has_prefix(message, "Forecast accuracy learns each snapshot's stage "
                                            "probabilities"));
    g_clear_pointer(&message, g_free);
    /* ... unless every open deal has its probability typed */
    const PcTable *typed = TAB(5, 8, "Snapshot", "Deal", "Stage", "Amount", "Close date",
                               "Owner", "Outcome", "Probability",
                               "#46027", "Acme", "Lead", "#1000", "#46042", "", "Open", "#0.4",
                               "#46027", "Cyan", "Lead", "#500", "#46000", "", "Won", "",
                               "#46112", "Acme", "Lead", "#1000", "#46042", "", "Won", "",
                               "#46112", "Cyan", "Lead", "#500", "#46000", "", "Won", "");
    g_assert_true(rp_accuracy_plan(history_of(typed), &o, &a, &message));
    g_assert_cmpfloat(a.calibration.n, ==, 1);
    g_assert_cmpfloat(pc_calibration_predicted(&a.calibration), ==, 0.4);
    rp_accuracy_clear(&a);
    /* a history with one snapshot skipped says so */
    const PcTable *mixed = TAB(8, 8, "Snapshot", "Deal", "Stage", "Amount", "Close date",
                               "Owner", "Outcome", "Probability",
                               "#46000", "Acme", "Lead", "#1000", "#46042", "", "Open", "",
                               "#46027", "Acme", "Lead", "#1000", "#46042", "", "Open", "",
                               "#46027", "Cyan", "Lead", "#500", "#46000", "", "Won", "",
                               "#46027", "Dune", "Lead", "#400", "#46000", "", "Lost", "",
                               "#46112", "Acme", "Lead", "#1000", "#46042", "", "Won", "",
                               "#46112", "Cyan", "Lead", "#500", "#46000", "", "Won", "",
                               "#46112", "Dune", "Lead", "#400", "#46000", "", "Lost", "");
    g_assert_true(rp_accuracy_plan(history_of(mixed), &o, &a, &message));
    g_assert_cmpuint(a.skipped, ==, 1);
    g_assert_cmpuint(a.snapshots, ==, 1);
    g_assert_cmpstr(text_at(a.plan, 2, 0), ==, "1 snapshot was left out: it had no won or no lost "
                                               "deal to learn stage probabilities from.");
    rp_accuracy_clear(&a);
}

/* Scores of today's deals: the latest's closed ones are calibrated by decile. */
static void accuracy_score_deciles(void)
{
    RpAccuracyOptions o = options();
    o.reconstructed = TRUE;
    static const RpDealScore SCORES[] = {
        { "acme", 0.7 }, { "Bolt", 0.2 }, { "Hale", 0.9 }, { "Gust", 0.5 }, /* Gust is open */
        { "Nobody", 0.5 }, { "Fizz", 1.5 }, /* out of 0-1: left out */
    };
    o.scores = SCORES;
    o.n_scores = G_N_ELEMENTS(SCORES);
    RpAccuracy a;
    char *message = NULL;
    g_assert_true(rp_accuracy_plan(history_of(hand_history()), &o, &a, &message));
    const RpPlan *p = a.plan;
    g_assert_true(g_str_has_prefix(text_at(p, 2, 0), "The snapshots were reconstructed from the "
                                                      "stage log"));
    /* one note more: everything one row down; the Score table after the stages' */
    g_assert_cmpstr(text_at(p, 19, 0), ==, "All stages");
    g_assert_true(g_str_has_prefix(text_at(p, 21, 0), "Calibration of the Score"));
    g_assert_cmpstr(text_at(p, 22, 0), ==, "Score decile");
    /* 3 scored: Bolt .2 (rank 0: decile 1), Acme .7 (rank 1: 10/3 -> 4), Hale .9 (6) */
    g_assert_cmpstr(text_at(p, 23, 0), ==, "1 (lowest)");
    g_assert_cmpfloat(number_at(p, 23, 2), ==, 0.2);
    g_assert_cmpfloat(number_at(p, 23, 3), ==, 0);
    g_assert_cmpstr(text_at(p, 24, 0), ==, "4");
    g_assert_cmpstr(text_at(p, 25, 0), ==, "7");
    g_assert_cmpstr(text_at(p, 26, 0), ==, "All scored deals");
    g_assert_cmpfloat(number_at(p, 26, 1), ==, 3);
    g_assert_cmpfloat_with_epsilon(number_at(p, 26, 4), (0.04 + 0.09 + 0.01) / 3, 1e-15);
    g_assert_cmpuint(p->rows, ==, 27);
    g_assert_cmpuint(p->charts->len, ==, 2);
    const RpChart *c = g_ptr_array_index(p->charts, 1);
    g_assert_cmpuint(c->data.row0, ==, 22);
    g_assert_cmpuint(c->data.row1, ==, 25);
    g_assert_cmpuint(a.score.n, ==, 3);
    rp_accuracy_clear(&a);
}

/* 50 weekly snapshots of 10,000 deals moving through a funnel: a deal is created and spends
 * STEP days (its own, 10 to 40) in each stage; at the end of one it moves on with the chance
 * CONVERSION, else it is lost there and then; passing the last stage, it is won. Its close
 * date is the day it would be won (the day it is lost, once it is). A snapshot shows it at
 * its stage then, closed once that day has passed, absent before it was created. So an open
 * deal at stage s is won with the product of the conversions from s on, which is what
 * STAGE_CONVERSION learns from the closed deals: the share inside P10-P90 should come out
 * near 80 %. */
static void accuracy_large(void)
{
    enum { SNAPS = 50, DEALS = 10000, STAGES = 4 };
    static const char *const STAGE[STAGES] = { "Lead", "Qualified", "Proposal", "Negotiation" };
    static const double CONVERSION[STAGES] = { 0.6, 0.6, 0.7, 0.8 };
    GRand *r = g_rand_new_with_seed(50);
    RpHistory h = { .snap = g_new(RpSnapshotDeals, SNAPS), .n = SNAPS,
                    .names = g_string_chunk_new(4096) };
    const char **name = g_new(const char *, DEALS);
    double *created = g_new(double, DEALS), *step = g_new(double, DEALS);
    double *amount = g_new(double, DEALS);
    int *furthest = g_new(int, DEALS);
    gboolean *won = g_new(gboolean, DEALS);
    double day0 = 46023; /* 2026-01-01 */
    for (gsize i = 0; i < DEALS; i++) {
        char buf[32];
        g_snprintf(buf, sizeof buf, "Deal %zu", i);
        name[i] = g_string_chunk_insert(h.names, buf);
        created[i] = day0 - 200 + g_rand_int_range(r, 0, SNAPS * 7 + 200);
        step[i] = g_rand_int_range(r, 10, 41);
        amount[i] = g_rand_double_range(r, 1000, 50000);
        int s = 0;
        while (s < STAGES && g_rand_double(r) < CONVERSION[s])
            s++;
        won[i] = s == STAGES;
        furthest[i] = s; /* won: STAGES */
    }
    for (gsize k = 0; k < SNAPS; k++) {
        double day = day0 + 7 * (double)k;
        RpSnapshotDeals *s = &h.snap[k];
        s->date = day;
        s->n = 0;
        s->deals = g_new(PcSnapDeal, DEALS);
        for (gsize i = 0; i < DEALS; i++) {
            if (created[i] > day)
                continue;
            double planned = created[i] + STAGES * step[i];
            double ends = won[i] ? planned : created[i] + (furthest[i] + 1) * step[i];
            PcOutcome o = day < ends ? PC_OUTCOME_NONE : won[i] ? PC_OUTCOME_WON : PC_OUTCOME_LOST;
            int at = o == PC_OUTCOME_NONE ? (int)floor((day - created[i]) / step[i]) : furthest[i];
            const char *stage = o == PC_OUTCOME_WON ? "Won" : STAGE[at];
            double close = o == PC_OUTCOME_LOST ? ends : planned;
            s->deals[s->n++] = (PcSnapDeal){ name[i], amount[i], close, o, stage, NULL, FALSE, 0 };
        }
    }
    RpAccuracyOptions o = options();
    RpAccuracy a;
    char *message = NULL;
    gint64 t0 = g_get_monotonic_time();
    g_assert_true(rp_accuracy_plan(&h, &o, &a, &message));
    gint64 spent = g_get_monotonic_time() - t0;
    g_test_message("%d snapshots x %d deals planned in %" G_GINT64_FORMAT " ms: %zu periods, "
                   "%zu inside P10-P90, MAPE %.1f %%, bias %+.1f %%, Brier %.3f", SNAPS, DEALS,
                   spent / 1000, a.summary.periods, a.summary.inside, 100 * a.summary.mape,
                   100 * a.summary.bias, pc_calibration_brier(&a.calibration));
    if (!PC_UNDER_VALGRIND() && !PC_SANITIZED) /* test-tables.h */
        g_assert_cmpint(spent, <, 10000000);
    g_assert_cmpuint(a.snapshots + a.skipped, <=, SNAPS - 1);
    g_assert_cmpuint(a.summary.periods, >, 100);
    g_assert_cmpuint(a.stages, ==, 4);
    rp_accuracy_clear(&a);
    rp_history_clear(&h);
    g_free(name);
    g_free(step);
    g_free(created);
    g_free(amount);
    g_free(furthest);
    g_free(won);
    g_rand_free(r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/report/accuracy/by-hand", accuracy_by_hand);
    g_test_add_func("/report/accuracy/does-not-peek", accuracy_does_not_peek);
    g_test_add_func("/report/accuracy/refusals", accuracy_refusals);
    g_test_add_func("/report/accuracy/score-deciles", accuracy_score_deciles);
    g_test_add_func("/report/accuracy/large", accuracy_large);
    return g_test_run();
}
