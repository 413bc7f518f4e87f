/* test-score.c - LEAD_SCORE, the naive-Bayes win probability of leads.
 *
 * Expected values are computed by hand in the comments with the formulas of issue 3:
 * prior P(W) = n_W / (n_W + n_L); P(v|W) = (count_W(v) + a) / (n_W,j + a K_j);
 * score = P(W) prod P(v|W) / (P(W) prod P(v|W) + P(L) prod P(v|L)).
 */
#include "test-tables.h"
#include "pc_score.h"
#include "pc_table.h"

#include <math.h>
#include <string.h>



/* Score LEADS and compare with WANT (N values) to 1e-12. */
static void assert_scores(const PcTable *leads, const PcTable *history, const PcTable *outcomes,
                          const PcTable *smoothing, const double *want, gsize n)
{
    double *scores = NULL;
    gsize n_scores = 0;
    PcError err;
    pc_error_clear(&err);
    PcStatus st = pc_lead_score(leads, history, outcomes, smoothing, &scores, &n_scores, &err);
    if (st != PC_OK)
        g_test_message("unexpected %s: %s", pc_status_name(st), err.message);
    g_assert_cmpint(st, ==, PC_OK);
    g_assert_cmpuint(n_scores, ==, n);
    for (gsize i = 0; i < n; i++) {
        if (fabs(scores[i] - want[i]) > 1e-12)
            g_test_message("lead %zu: %.15g, want %.15g", i, scores[i], want[i]);
        g_assert_cmpfloat_with_epsilon(scores[i], want[i], 1e-12);
    }
    g_free(scores);
}

#define SCORES(...) (const double[]){ __VA_ARGS__ }, G_N_ELEMENTS(((const double[]){ __VA_ARGS__ }))

/* Assert that LEAD_SCORE fails with WANT at argument ARG, row ROW. */
static void assert_fails(const PcTable *leads, const PcTable *history, const PcTable *outcomes,
                         const PcTable *smoothing, PcStatus want, int arg, gssize row)
{
    double *scores = (double *)&scores;
    gsize n_scores = 99;
    PcError err;
    pc_error_clear(&err);
    g_assert_cmpint(pc_lead_score(leads, history, outcomes, smoothing, &scores, &n_scores, &err),
                    ==, want);
    g_assert_cmpint(err.arg, ==, arg);
    g_assert_cmpint(err.row, ==, row);
    g_assert_cmpstr(err.message, !=, "");
    g_assert_null(scores);
    g_assert_cmpuint(n_scores, ==, 0);
}

/* One categorical column, 3 won and 3 lost: K = 3, n_W,j = n_L,j = 3, prior 1/2.
 * Web W1 L2: (2/6) / (2/6 + 3/6) = 2/5; Referral W2 L0: (3/6) / (3/6 + 1/6) = 3/4;
 * Event W0 L1: (1/6) / (1/6 + 2/6) = 1/3. */
static PcTable *source_history(void)
{
    return COL("Web", "Web", "Web", "Referral", "Referral", "Event");
}

static PcTable *source_outcomes(void)
{
    return COL("won", "lost", "lost", "won", "won", "lost");
}

static void score_one_categorical(void)
{
    /* a column of k leads when History has one column is k leads; an unseen value and a
     * blank lead get the prior */
    assert_scores(COL("Web", "Referral", "Event", "Fair", ""), source_history(),
                  source_outcomes(), NULL, SCORES(2.0 / 5, 3.0 / 4, 1.0 / 3, 0.5, 0.5));
    /* ... and so is a row of k leads */
    assert_scores(ROW("Event", "Web"), source_history(), source_outcomes(), NULL,
                  SCORES(1.0 / 3, 2.0 / 5));
    /* names by key */
    assert_scores(COL("  WEB\xc2\xa0", "referral"), source_history(), source_outcomes(), NULL,
                  SCORES(2.0 / 5, 3.0 / 4));
}

static void score_smoothing(void)
{
    /* a = 0.5: Web (1.5 / 4.5) / (1.5 / 4.5 + 2.5 / 4.5) = 3/8;
     * Referral (2.5 / 4.5) / (2.5 / 4.5 + 0.5 / 4.5) = 5/6 */
    assert_scores(COL("Web", "Referral"), source_history(), source_outcomes(), num(0.5),
                  SCORES(3.0 / 8, 5.0 / 6));
    /* a = 2: Web (3/9) / (3/9 + 4/9) = 3/7 */
    assert_scores(COL("Web"), source_history(), source_outcomes(), num(2), SCORES(3.0 / 7));
    /* omitted: NULL, 0, an empty cell, 0 x 0 -> a = 1 */
    PcTable *empty = pc_table_new(0, 0);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, empty);
    const PcTable *omitted[] = { num(0), TAB(1, 1, ""), empty };
    for (gsize i = 0; i < G_N_ELEMENTS(omitted); i++)
        assert_scores(COL("Web"), source_history(), source_outcomes(), omitted[i],
                      SCORES(2.0 / 5));
}

static void score_smoothing_errors(void)
{
    assert_fails(COL("Web"), source_history(), source_outcomes(), num(-1), PC_ERR_NUM, 3, -1);
    assert_fails(COL("Web"), source_history(), source_outcomes(), TAB(1, 1, "one"),
                 PC_ERR_VALUE, 3, -1);
    assert_fails(COL("Web"), source_history(), source_outcomes(), COL("#1", "#2"), PC_ERR_ARG,
                 3, -1);
    /* a K overflows: no finite likelihood */
    assert_fails(COL("Web"), source_history(), source_outcomes(), num(1e308), PC_ERR_NUM, 3,
                 -1);
}

/* Two categorical columns, 4 won and 5 lost.
 *   Source: Web W1 L3, Ref W3 L0, Event W0 L2 (K 3)
 *   Region: North W3 L2, South W1 L3 (K 2)
 * (Web, North): 4/9 * 2/7 * 4/6 = 16/189 vs 5/9 * 4/8 * 3/7 = 5/42 -> 32/77
 * (Ref, South): 4/9 * 4/7 * 2/6 = 16/189 vs 5/9 * 1/8 * 4/7 = 5/126 -> 32/47
 * (Event, blank): 4/9 * 1/7 = 4/63 vs 5/9 * 3/8 = 5/24 -> 32/137
 * (blank, blank): the prior 4/9 */
static PcTable *two_history(void)
{
    return TAB(0, 2,
               "Web", "North",
               "Web", "South",
               "Ref", "North",
               "Ref", "North",
               "Web", "South",
               "Event", "South",
               "Web", "North",
               "Ref", "South",
               "Event", "North");
}

static PcTable *two_outcomes(void)
{
    return COL("Won", "Lost", "Won", "Won", "Lost", "Lost", "Lost", "Won", "Lost");
}

static void score_two_categorical(void)
{
    PcTable *leads = TAB(0, 2,
                         "Web", "North",
                         "Ref", "South",
                         "Event", "",
                         "", "",
                         "Web", "North");
    assert_scores(leads, two_history(), two_outcomes(), NULL,
                  SCORES(32.0 / 77, 32.0 / 47, 32.0 / 137, 4.0 / 9, 32.0 / 77));
    /* a 1 x c Leads is one lead */
    assert_scores(ROW("Ref", "South"), two_history(), two_outcomes(), NULL, SCORES(32.0 / 47));
    /* Outcomes as a row */
    PcTable *row = ROW("Won", "Lost", "Won", "Won", "Lost", "Lost", "Lost", "Won", "Lost");
    assert_scores(ROW("Ref", "South"), two_history(), row, NULL, SCORES(32.0 / 47));
}

static void score_training_rows_only(void)
{
    /* the same history with a header, an open lead, a blank outcome and a value only
     * non-training rows have ("Partner"): same model, so the same scores; Partner is an
     * unseen value and is not counted in K.
     * (Partner, North): 4/9 * 4/6 = 8/27 vs 5/9 * 3/7 = 5/21 -> 56/101 */
    PcTable *history = TAB(0, 2,
                           "Source", "Region",
                           "Web", "North",
                           "Web", "South",
                           "Partner", "South",
                           "Ref", "North",
                           "Ref", "North",
                           "Web", "South",
                           "Event", "South",
                           "Partner", "North",
                           "Web", "North",
                           "Ref", "South",
                           "Event", "North");
    PcTable *outcomes = COL("Outcome", "Won", "Lost", "open", "Won", "Won", "Lost", "Lost", "",
                            "Lost", "Won", "Lost");
    PcTable *leads = TAB(0, 2, "Web", "North", "Partner", "North", "Source", "Region");
    assert_scores(leads, history, outcomes, NULL, SCORES(32.0 / 77, 56.0 / 101, 4.0 / 9));
}

static void score_outcome_vocabulary(void)
{
    /* 1/0, TRUE/FALSE words, German words, closed won/lost: the same 3 won and 3 lost;
     * 2 and "open" do not train */
    PcTable *history = COL("Web", "Web", "Web", "Referral", "Referral", "Event", "Web", "Web");
    PcTable *outcomes = COL("#1", "Verloren", "#0", "closed won", "Gewonnen", "FALSE", "#2",
                            "open");
    assert_scores(COL("Web", "Referral", "Event"), history, outcomes, NULL,
                  SCORES(2.0 / 5, 3.0 / 4, 1.0 / 3));
    outcomes = COL("ja", "no", "closedlost", "TRUE", "yes", "nein", "", "pending");
    assert_scores(COL("Web", "Referral", "Event"), history, outcomes, NULL,
                  SCORES(2.0 / 5, 3.0 / 4, 1.0 / 3));
}

static void score_blank_training_cells(void)
{
    /* n_W,j counts won rows with a value in the column: A A _ B A, won lost won lost won.
     * n_W 3, n_L 2; n_W,j 2 (A, A), n_L,j 2 (A, B); K 2.
     * A: 3/5 * 3/4 = 9/20 vs 2/5 * 2/4 = 4/20 -> 9/13
     * B: 3/5 * 1/4 = 3/20 vs 2/5 * 2/4 = 4/20 -> 3/7 */
    PcTable *history = COL("A", "A", "", "B", "a\xe2\x80\x83");
    PcTable *outcomes = COL("won", "lost", "won", "lost", "won");
    assert_scores(COL("A", "B"), history, outcomes, NULL, SCORES(9.0 / 13, 3.0 / 7));
    /* a white-space text is blank too */
    history = COL("A", "A", " ", "B", "A");
    assert_scores(COL("A", "B", "\xc2\xa0"), history, outcomes, NULL,
                  SCORES(9.0 / 13, 3.0 / 7, 3.0 / 5));
}

static void score_unicode_values(void)
{
    /* "ÄRZTE" = "ärzte" = decomposed "Ärzte" + no-break space */
    PcTable *history = COL("\xc3\x84RZTE", "Banken", "\xc3\xa4rzte", "Banken");
    PcTable *outcomes = COL("won", "lost", "won", "won");
    /* n_W 3, n_L 1, K 2; Ärzte W2 L0: 3/4 * 3/5 vs 1/4 * 1/3 = 9/20 vs 1/12 -> 27/32 */
    assert_scores(COL("A\xcc\x88rzte\xc2\xa0"), history, outcomes, NULL, SCORES(27.0 / 32));
}

/* Numeric columns */

static void score_numeric_exact_cuts(void)
{
    /* 10..60: ranks 0.2*5 .. 0.8*5 are whole, cuts 20, 30, 40, 50.
     * Bins {10 L, 20 W}, {30 L}, {40 W}, {50 W}, {60 L}; n_W = n_L = 3, K 5, so
     * P(b|W) = (c + 1) / 8 and the score is (cW + 1) / (cW + cL + 2).
     * bin 0: 1/2; bin 1: 1/3; bin 2: 2/3; bin 3: 2/3; bin 4: 1/3. Bins include their
     * upper cut. */
    PcTable *history = COL("#10", "#20", "#30", "#40", "#50", "#60");
    PcTable *outcomes = COL("lost", "won", "lost", "won", "won", "lost");
    PcTable *leads = COL("#20", "#20.5", "#50", "#50.01", "#5", "#1000", "#-1e9", "#30");
    assert_scores(leads, history, outcomes, NULL,
                  SCORES(0.5, 1.0 / 3, 2.0 / 3, 1.0 / 3, 0.5, 1.0 / 3, 0.5, 1.0 / 3));
}

static void score_numeric_interpolated_cuts(void)
{
    /* 1..10 (shuffled): PERCENTILE.INC cuts at ranks 1.8, 3.6, 5.4, 7.2 are 2.8, 4.6, 6.4,
     * 8.2. Bins {1 L, 2 L}, {3 W, 4 W}, {5 L, 6 L}, {7 W, 8 W}, {9 W, 10 L};
     * n_W = n_L = 5, K 5: score (cW + 1) / (cW + cL + 2):
     * bin 0 1/4, bin 1 3/4, bin 2 1/4, bin 3 3/4, bin 4 1/2.
     * Each lead sits within 0.1 of a cut, so nearest-rank cuts would misplace it. */
    PcTable *history = COL("#7", "#2", "#10", "#4", "#1", "#9", "#6", "#3", "#8", "#5");
    PcTable *outcomes = COL("won", "lost", "lost", "won", "lost", "won", "lost", "won", "won",
                            "lost");
    PcTable *leads = COL("#2.7", "#2.9", "#4.5", "#4.7", "#6.3", "#6.5", "#8.1", "#8.3");
    assert_scores(leads, history, outcomes, NULL,
                  SCORES(0.25, 0.75, 0.75, 0.25, 0.25, 0.75, 0.75, 0.5));
}

static void score_numeric_merged_cuts(void)
{
    /* eight 1s, 2, 3: cuts 1, 1, 1 and 1 + 0.2 * (2 - 1) = 1.2, merged to 1 and 1.2.
     * Bins (-inf, 1] {1 x8: W3 L5}, (1, 1.2] empty, (1.2, inf) {2 W, 3 L}: K 2 (the
     * empty bin does not count). n_W 4, n_L 6.
     * 1:   0.4 * (3+1)/(4+2) = 4/15 vs 0.6 * (5+1)/(6+2) = 9/20 -> 16/43
     * 2.5: 0.4 * 2/6 = 2/15 vs 0.6 * 2/8 = 3/20 -> 8/17
     * 1.1: an empty bin, no factor -> the prior 0.4; text in a numeric column -> 0.4 */
    PcTable *history = COL("#1", "#1", "#1", "#1", "#1", "#1", "#1", "#1", "#2", "#3");
    PcTable *outcomes = COL("won", "won", "won", "lost", "lost", "lost", "lost", "lost", "won",
                            "lost");
    assert_scores(COL("#1", "#2.5", "#1.1", "n/a", ""), history, outcomes, NULL,
                  SCORES(16.0 / 43, 8.0 / 17, 0.4, 0.4, 0.4));
}

static void score_numeric_single_value(void)
{
    /* one distinct training value: every cut is 5; bins (-inf, 5] {5 W, 5 W, 5 L} and
     * (5, inf) empty. K 1, so P(5|W) = (2+1)/(2+1) = P(5|L) = (1+1)/(1+1) = 1: the prior
     * 2/3 for 4, and for 6 (empty bin) */
    PcTable *history = COL("#5", "#5", "#5", "#7");
    PcTable *outcomes = COL("won", "won", "lost", "open");
    assert_scores(COL("#4", "#6"), history, outcomes, NULL, SCORES(2.0 / 3, 2.0 / 3));
}

static void score_numeric_header_stays_numeric(void)
{
    /* a header text in a numeric column is in a non-training row: the column stays
     * numeric; numbers of non-training rows do not move the cuts (with 1000 and -500
     * the cuts would be 14, 28, 42, 56 and 20.5 would score 1/2). Same model as
     * score_numeric_exact_cuts. */
    PcTable *history = COL("Size", "#10", "#20", "#30", "#40", "#50", "#60", "big", "#1000",
                           "#-500");
    PcTable *outcomes = COL("Outcome", "lost", "won", "lost", "won", "won", "lost", "open",
                            "open", "");
    assert_scores(COL("#20.5", "#45"), history, outcomes, NULL, SCORES(1.0 / 3, 2.0 / 3));
}

static void score_mixed_column_is_categorical(void)
{
    /* text in a training row makes the column categorical: numbers match by value, a
     * number never equals a text.
     * 10 W1 L1, 20 W1 L0, big W0 L2; n_W 2, n_L 3, K 3.
     * 10:    2/5 * 2/5 = 4/25 vs 3/5 * 2/6 = 5/25 -> 4/9
     * "BIG ": 2/5 * 1/5 = 2/25 vs 3/5 * 3/6 = 3/10 -> 4/19
     * "10", 15: unseen -> the prior 2/5 */
    PcTable *history = COL("#10", "#10", "#20", "big", "big");
    PcTable *outcomes = COL("won", "lost", "won", "lost", "lost");
    assert_scores(COL("#10", "BIG ", "10", "#15", "#10.0"), history, outcomes, NULL,
                  SCORES(4.0 / 9, 4.0 / 19, 0.4, 0.4, 4.0 / 9));
    /* 0 and -0 are one value: 0 W1 L0, x W0 L1; K 2, n_W = n_L = 1:
     * -0: 1/2 * 2/3 vs 1/2 * 1/3 -> 2/3 */
    assert_scores(COL("#-0"), COL("#0", "x"), COL("won", "lost"), NULL, SCORES(2.0 / 3));
}

static void score_mixed_columns(void)
{
    /* a categorical and a numeric column together. Won rows 2, 4, 5; lost rows 1, 3, 6.
     *   Source: Web W3 L2, Ref W0 L1; K 2, n_W,j 3, n_L,j 3.
     *   Size: training values 10, 20, 30, 40, 60 (row 5 blank): ranks 0.8, 1.6, 2.4, 3.2
     *   give cuts 18, 26, 34, 44; bins {10 L}, {20 W}, {30 L}, {40 W}, {60 L}; K 5,
     *   n_W,j 2, n_L,j 3.
     * Lead (Web, 40): 1/2 * (3+1)/(3+2) * (1+1)/(2+5) = 4/35
     *           vs    1/2 * (2+1)/(3+2) * (0+1)/(3+5) = 3/80  -> 64/85 */
    PcTable *history = TAB(0, 2,
                           "Web", "#10",
                           "Web", "#20",
                           "Ref", "#30",
                           "Web", "#40",
                           "Web", "",
                           "Web", "#60");
    PcTable *outcomes = COL("lost", "won", "lost", "won", "won", "lost");
    assert_scores(TAB(1, 2, "Web", "#40"), history, outcomes, NULL, SCORES(64.0 / 85));
}

static void score_log_space(void)
{
    /* a tiny smoothing makes each likelihood ratio about 1e300: the product underflows in
     * linear space, the log-space score is exactly 1 or 0, never NaN */
    PcTable *history = TAB(0, 3,
                           "a", "x", "p",
                           "b", "y", "q");
    PcTable *outcomes = COL("won", "lost");
    double *scores;
    gsize n;
    PcError err;
    g_assert_cmpint(pc_lead_score(TAB(0, 3, "a", "x", "p", "b", "y", "q"), history, outcomes,
                                  num(1e-300), &scores, &n, &err), ==, PC_OK);
    g_assert_cmpuint(n, ==, 2);
    g_assert_cmpfloat(scores[0], ==, 1.0);
    g_assert_cmpfloat(scores[1], ==, 0.0);
    g_free(scores);
}

/* Errors */

static void score_shape_errors(void)
{
    PcTable *h = two_history(), *o = two_outcomes();
    /* column counts differ */
    assert_fails(COL("Web"), h, o, NULL, PC_ERR_ARG, 0, -1);
    assert_fails(TAB(1, 3, "Web", "North", "x"), h, o, NULL, PC_ERR_ARG, 0, -1);
    /* a row of several leads only when History has one column */
    assert_fails(ROW("Web", "Ref", "Event"), h, o, NULL, PC_ERR_ARG, 0, -1);
    /* Outcomes length or shape */
    assert_fails(TAB(1, 2, "Web", "North"), h, COL("won", "lost"), NULL, PC_ERR_ARG, 2, -1);
    assert_fails(TAB(1, 2, "Web", "North"), h, TAB(2, 2, "won", "lost", "won", "lost"), NULL,
                 PC_ERR_ARG, 2, -1);
    assert_fails(TAB(1, 2, "Web", "North"), h, NULL, NULL, PC_ERR_ARG, 2, -1);
    /* missing Leads or History */
    PcTable *empty = pc_table_new(0, 0);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, empty);
    assert_fails(NULL, h, o, NULL, PC_ERR_ARG, 0, -1);
    assert_fails(empty, h, o, NULL, PC_ERR_ARG, 0, -1);
    assert_fails(COL("Web"), NULL, o, NULL, PC_ERR_ARG, 0, -1);
    assert_fails(COL("Web"), empty, empty, NULL, PC_ERR_ARG, 0, -1);
}

static void score_no_training(void)
{
    PcTable *h = source_history();
    /* no lost, no won, nothing */
    assert_fails(COL("Web"), h, COL("won", "won", "open", "", "#1", "#2"), NULL, PC_ERR_NA, 2,
                 -1);
    assert_fails(COL("Web"), h, COL("lost", "#0", "no", "", "", "FALSE"), NULL, PC_ERR_NA, 2,
                 -1);
    assert_fails(COL("Web"), h, COL("", "", "", "", "", ""), NULL, PC_ERR_NA, 2, -1);
}

static void score_cell_errors(void)
{
    PcTable *h = two_history(), *o = two_outcomes();
    /* error values anywhere: #VALUE! at the argument and row */
    assert_fails(TAB(0, 2, "Web", "North", "Ref", "!"), h, o, NULL, PC_ERR_VALUE, 0, 1);
    PcTable *bad_h = TAB(0, 2, "Web", "North", "!", "South");
    assert_fails(TAB(1, 2, "Web", "North"), bad_h, COL("won", "lost"), NULL, PC_ERR_VALUE, 1, 1);
    assert_fails(COL("Web"), source_history(), COL("won", "lost", "!", "won", "won", "lost"),
                 NULL, PC_ERR_VALUE, 2, 2);
    /* an error in a non-training row too */
    assert_fails(COL("Web"), COL("Web", "!", "Ref"), COL("won", "open", "lost"), NULL,
                 PC_ERR_VALUE, 1, 1);
    /* non-finite numbers (Calc never sends them): #NUM! */
    PcTable *inf_h = COL("#1", "#2", "#3");
    ((PcCell *)pc_table_at(inf_h, 2, 0))->num = INFINITY;
    assert_fails(COL("#1"), inf_h, COL("won", "lost", "won"), NULL, PC_ERR_NUM, 1, 2);
    PcTable *nan_lead = COL("#1", "#2");
    ((PcCell *)pc_table_at(nan_lead, 1, 0))->num = NAN;
    assert_fails(nan_lead, COL("#1", "#2"), COL("won", "lost"), NULL, PC_ERR_NUM, 0, 1);
}

/* Size: 10,000 leads against 100,000 past leads, 3 categorical and 3 numeric columns */

static void score_large(void)
{
    const gsize n_hist = 100000, n_leads = 10000, n_cols = 6;
    PcTable *history = pc_table_new(n_hist, n_cols), *outcomes = pc_table_new(n_hist, 1);
    PcTable *leads = pc_table_new(n_leads, n_cols);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, history);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, outcomes);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, leads);
    const char *sources[] = { "Web", "Referral", "Event", "Partner", "Cold call", "Ads" };
    const char *regions[] = { "North", "South", "East", "West" };
    char *industries[200];
    for (gsize i = 0; i < G_N_ELEMENTS(industries); i++)
        industries[i] = g_strdup_printf("Industry %zu", i);
    GRand *rand = g_rand_new_with_seed(20240601);
    for (gsize r = 0; r < n_hist + n_leads; r++) {
        PcTable *t = r < n_hist ? history : leads;
        gsize row = r < n_hist ? r : r - n_hist;
        gint32 s = g_rand_int_range(rand, 0, G_N_ELEMENTS(sources));
        double size = floor(g_rand_double_range(rand, 1000, 200000));
        double p = 0.2 + 0.1 * (s == 1) + 0.2 * (size > 100000);
        pc_table_set_text(t, row, 0, sources[s], -1);
        pc_table_set_text(t, row, 1, industries[g_rand_int_range(rand, 0, 200)], -1);
        pc_table_set_text(t, row, 2, regions[g_rand_int_range(rand, 0, 4)], -1);
        pc_table_set_number(t, row, 3, size);
        pc_table_set_number(t, row, 4, g_rand_int_range(rand, 1, 5000));
        if (g_rand_int_range(rand, 0, 20) != 0) /* some blanks */
            pc_table_set_number(t, row, 5, g_rand_double_range(rand, 0, 365));
        if (r < n_hist) {
            gint32 open = g_rand_int_range(rand, 0, 10) == 0;
            if (!open)
                pc_table_set_text(outcomes, r, 0, g_rand_double(rand) < p ? "Won" : "Lost", -1);
            else
                pc_table_set_text(outcomes, r, 0, "Open", -1);
        }
    }
    double *scores;
    gsize n;
    PcError err;
    GTimer *timer = g_timer_new();
    g_assert_cmpint(pc_lead_score(leads, history, outcomes, NULL, &scores, &n, &err), ==, PC_OK);
    double secs = g_timer_elapsed(timer, NULL);
    g_test_message("LEAD_SCORE, 10,000 leads x 100,000 history rows x 6 columns: %.3f s", secs);
    g_assert_cmpuint(n, ==, n_leads);
    double sum = 0;
    for (gsize i = 0; i < n; i++) {
        g_assert_true(scores[i] > 0.0 && scores[i] < 1.0);
        sum += scores[i];
    }
    /* the mean score is near the share of won training rows, about 0.35 */
    g_assert_cmpfloat(sum / (double)n, >, 0.25);
    g_assert_cmpfloat(sum / (double)n, <, 0.45);
#if defined(__OPTIMIZE__) && !PC_SANITIZED
    if (!PC_UNDER_VALGRIND()) /* timing is only meaningful without instrumentation */
        g_assert_cmpfloat(secs, <, 1.0);
#endif
    g_free(scores);
    g_timer_destroy(timer);
    g_rand_free(rand);
    for (gsize i = 0; i < G_N_ELEMENTS(industries); i++)
        g_free(industries[i]);
}

static void score_million_distinct_values(void)
{
    /* 1,000,000 distinct categorical values: texts in one column, numbers in another that
     * one text makes categorical. Memory grows with the distinct values, nothing blows
     * up. Every value is seen once, won in even rows: n_W = n_L, and in both columns
     * K = 1e6 and n_W,j = n_L,j, so a value seen won is 2 : 1 for won, one seen lost 1 : 2,
     * an unseen one no factor. */
    const gsize rows = 1000000;
    PcTable *history = pc_table_new(rows, 2), *outcomes = pc_table_new(rows, 1);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, history);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, outcomes);
    char buf[32];
    for (gsize r = 0; r < rows; r++) {
        g_snprintf(buf, sizeof buf, "v%zu", r);
        pc_table_set_text(history, r, 0, buf, -1);
        pc_table_set_number(history, r, 1, (double)r);
        pc_table_set_number(outcomes, r, 0, r % 2 == 0);
    }
    pc_table_set_text(history, 0, 1, "text", -1);
    /* ("v2", 3): won value, lost value -> 2 : 2 = 1/2; ("v4", 6): 4 : 1 = 4/5; unseen: 1/2 */
    PcTable *leads = TAB(0, 2, "v2", "#3", "v4", "#6", "nope", "#-1");
    double *scores;
    gsize n;
    PcError err;
    GTimer *timer = g_timer_new();
    g_assert_cmpint(pc_lead_score(leads, history, outcomes, NULL, &scores, &n, &err), ==, PC_OK);
    g_test_message("LEAD_SCORE, 1,000,000 distinct values in 2 columns: %.3f s",
                   g_timer_elapsed(timer, NULL));
    g_assert_cmpuint(n, ==, 3);
    g_assert_cmpfloat_with_epsilon(scores[0], 0.5, 1e-12);
    g_assert_cmpfloat_with_epsilon(scores[1], 0.8, 1e-12);
    g_assert_cmpfloat_with_epsilon(scores[2], 0.5, 1e-12);
    g_free(scores);
    g_timer_destroy(timer);
}

/* ---- factors: the terms of one lead's score ------------------------------------------ */

/* Factors of lead LEAD; asserts success and N_COLS terms. */
static double *factors_of(const PcTable *leads, const PcTable *history, const PcTable *outcomes,
                          const PcTable *smoothing, gsize lead, double *prior, gsize n_cols)
{
    double *terms = NULL;
    gsize n = 0;
    PcError err;
    pc_error_clear(&err);
    PcStatus st = pc_lead_factors(leads, history, outcomes, smoothing, lead, prior, &terms, &n, &err);
    if (st != PC_OK)
        g_test_message("unexpected %s: %s", pc_status_name(st), err.message);
    g_assert_cmpint(st, ==, PC_OK);
    g_assert_cmpuint(n, ==, n_cols);
    g_test_queue_free(terms);
    return terms;
}

static void factors_one_column(void)
{
    /* prior log(3/3) = 0. Referral: P(v|W) = 3/6, P(v|L) = 1/6 -> odds x3;
     * Event: 1/6 vs 2/6 -> x1/2; Web: 2/6 vs 3/6 -> x2/3; unseen and blank: no factor */
    PcTable *leads = COL("Referral", "Event", "Web", "Fair", "");
    static const double want[] = { 3.0, 0.5, 2.0 / 3, 1.0, 1.0 };
    for (gsize i = 0; i < G_N_ELEMENTS(want); i++) {
        double prior = 99;
        double *terms = factors_of(leads, source_history(), source_outcomes(), NULL, i, &prior, 1);
        g_assert_cmpfloat_with_epsilon(prior, 0.0, 1e-15);
        g_assert_cmpfloat_with_epsilon(exp(terms[0]), want[i], 1e-12);
    }
}

static void factors_mixed_columns(void)
{
    /* the table of score_mixed_columns: lead (Web, 40) scores 64/85.
     * Web: (3+1)/(3+2) vs (2+1)/(3+2) -> x4/3; 40: (1+1)/(2+5) vs (0+1)/(3+5) -> x16/7 */
    PcTable *history = TAB(0, 2, "Web", "#10", "Web", "#20", "Ref", "#30", "Web", "#40", "Web", "",
                           "Web", "#60");
    PcTable *outcomes = COL("lost", "won", "lost", "won", "won", "lost");
    double prior;
    double *terms = factors_of(TAB(1, 2, "Web", "#40"), history, outcomes, NULL, 0, &prior, 2);
    g_assert_cmpfloat_with_epsilon(prior, 0.0, 1e-15);
    g_assert_cmpfloat_with_epsilon(exp(terms[0]), 4.0 / 3, 1e-12);
    g_assert_cmpfloat_with_epsilon(exp(terms[1]), 16.0 / 7, 1e-12);
}

/* For every lead: prior + sum of terms = logit(score), with the score from pc_lead_score. */
static void assert_factors_sum_to_logit(const PcTable *leads, const PcTable *history,
                                        const PcTable *outcomes, const PcTable *smoothing)
{
    double *scores = NULL;
    gsize n_scores = 0;
    PcError err;
    g_assert_cmpint(pc_lead_score(leads, history, outcomes, smoothing, &scores, &n_scores, &err), ==,
                    PC_OK);
    for (gsize i = 0; i < n_scores; i++) {
        double prior;
        double *terms = factors_of(leads, history, outcomes, smoothing, i, &prior, history->cols);
        double sum = prior;
        for (gsize j = 0; j < history->cols; j++)
            sum += terms[j];
        double logit = log(scores[i] / (1.0 - scores[i]));
        if (fabs(sum - logit) > 1e-9)
            g_test_message("lead %zu: prior + terms %.15g, logit(score) %.15g", i, sum, logit);
        g_assert_cmpfloat_with_epsilon(sum, logit, 1e-9);
    }
    g_free(scores);
}

static void factors_sum_to_logit(void)
{
    /* an uneven prior (4 won, 2 lost), categorical, numeric, blank and unseen values,
     * smoothing 0.5 and the default */
    PcTable *history = TAB(0, 3,
                           "Web", "#10", "Retail",
                           "Web", "#20", "Health",
                           "Ref", "#30", "Retail",
                           "Web", "#40", "",
                           "Fair", "", "Retail",
                           "Ref", "#60", "IT");
    PcTable *outcomes = COL("won", "won", "lost", "won", "won", "lost");
    PcTable *leads = TAB(0, 3,
                         "Web", "#35", "Retail",
                         "Ref", "#5", "IT",
                         "Nowhere", "", "Health",
                         "", "#100", "");
    assert_factors_sum_to_logit(leads, history, outcomes, NULL);
    assert_factors_sum_to_logit(leads, history, outcomes, num(0.5));
    /* a large data set: 2,000 rows of 3 columns */
    PcTable *big = pc_table_new(2000, 3), *big_out = pc_table_new(2000, 1);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, big);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, big_out);
    static const char *const src[] = { "Web", "Fair", "Referral", "Cold" };
    for (gsize r = 0; r < 2000; r++) {
        pc_table_set_text(big, r, 0, src[(r * 7) % 4], -1);
        pc_table_set_number(big, r, 1, (double)((r * 13) % 97));
        pc_table_set_text(big, r, 2, src[(r * 3) % 4], -1);
        pc_table_set_text(big_out, r, 0, (r * 11) % 5 < 2 ? "won" : "lost", -1);
    }
    assert_factors_sum_to_logit(leads, big, big_out, NULL);
}

static void factors_errors(void)
{
    double prior, *terms = (double *)&terms;
    gsize n = 99;
    PcError err;
    pc_error_clear(&err);
    /* no such lead */
    g_assert_cmpint(pc_lead_factors(COL("Web"), source_history(), source_outcomes(), NULL, 1, &prior,
                                    &terms, &n, &err), ==, PC_ERR_ARG);
    g_assert_null(terms);
    g_assert_cmpuint(n, ==, 0);
    /* the same refusals as LEAD_SCORE: no lost row */
    terms = (double *)&terms;
    g_assert_cmpint(pc_lead_factors(COL("Web"), COL("Web", "Ref"), COL("won", "won"), NULL, 0, &prior,
                                    &terms, &n, &err), ==, PC_ERR_NA);
    g_assert_null(terms);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    /* categorical columns */
    g_test_add_func("/core/score/categorical/one-column", score_one_categorical);
    g_test_add_func("/core/score/categorical/two-columns", score_two_categorical);
    g_test_add_func("/core/score/categorical/training-rows-only", score_training_rows_only);
    g_test_add_func("/core/score/categorical/blank-training-cells", score_blank_training_cells);
    g_test_add_func("/core/score/categorical/unicode-values", score_unicode_values);
    g_test_add_func("/core/score/categorical/mixed-is-categorical",
                    score_mixed_column_is_categorical);
    /* numeric columns */
    g_test_add_func("/core/score/numeric/exact-cuts", score_numeric_exact_cuts);
    g_test_add_func("/core/score/numeric/interpolated-cuts", score_numeric_interpolated_cuts);
    g_test_add_func("/core/score/numeric/merged-cuts", score_numeric_merged_cuts);
    g_test_add_func("/core/score/numeric/single-value", score_numeric_single_value);
    g_test_add_func("/core/score/numeric/header-stays-numeric",
                    score_numeric_header_stays_numeric);
    g_test_add_func("/core/score/mixed-columns", score_mixed_columns);
    /* outcomes, smoothing, log space */
    g_test_add_func("/core/score/outcome-vocabulary", score_outcome_vocabulary);
    g_test_add_func("/core/score/smoothing", score_smoothing);
    g_test_add_func("/core/score/smoothing-errors", score_smoothing_errors);
    g_test_add_func("/core/score/log-space", score_log_space);
    /* errors */
    g_test_add_func("/core/score/shape-errors", score_shape_errors);
    g_test_add_func("/core/score/no-training", score_no_training);
    g_test_add_func("/core/score/cell-errors", score_cell_errors);
    /* size */
    g_test_add_func("/core/score/large", score_large);
    g_test_add_func("/core/score/million-distinct-values", score_million_distinct_values);
    /* factors */
    g_test_add_func("/core/score/factors/one-column", factors_one_column);
    g_test_add_func("/core/score/factors/mixed-columns", factors_mixed_columns);
    g_test_add_func("/core/score/factors/sum-to-logit", factors_sum_to_logit);
    g_test_add_func("/core/score/factors/errors", factors_errors);
    return g_test_run();
}
