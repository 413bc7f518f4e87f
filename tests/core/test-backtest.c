/* test-backtest.c - past forecasts against what came in (pc_backtest.h): hand-computed
 * periods, the summary formulas, the binomial interval, calibration and Brier by hand, and
 * generated pipelines whose true win probabilities are known. */
#include "pc_backtest.h"

#include <math.h>

#define OPEN PC_OUTCOME_NONE
#define WON PC_OUTCOME_WON
#define LOST PC_OUTCOME_LOST
/* A deal with no stage, owner or typed probability: the backtest reads none of them. */
#define D(name, amount, close, outcome) { name, amount, close, outcome, NULL, NULL, FALSE, 0 }

static double serial(int year, int month, int day)
{
    PcDates dates = pc_dates_default();
    GDate d;
    g_date_clear(&d, 1);
    g_date_set_dmy(&d, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
    return pc_serial_of_date(&dates, &d);
}

/* Two deals of 100 and 200 at 50 %: the won total is 0, 100, 200 or 300, each 1/4. */
static void backtest_period_by_hand(void)
{
    const double a[] = { 100, 200 }, p[] = { 0.5, 0.5 };
    PcBacktestPeriod r = { 0 };
    g_assert_cmpint(pc_backtest_period(a, p, 2, 200, &r), ==, PC_OK);
    g_assert_cmpfloat(r.expected, ==, 150);
    g_assert_cmpfloat(r.p10, ==, 0);
    g_assert_cmpfloat(r.p50, ==, 100);
    g_assert_cmpfloat(r.p90, ==, 300);
    g_assert_cmpfloat(r.error, ==, -0.25); /* (150 - 200) / 200: 25 % too low */
    g_assert_true(r.inside);
    g_assert_cmpint(pc_backtest_period(a, p, 2, 0, &r), ==, PC_OK);
    g_assert_true(isnan(r.error)); /* nothing came in: no share of it */
    g_assert_true(r.inside);       /* 0 is P10 itself: inclusive */
    g_assert_cmpint(pc_backtest_period(a, p, 2, 300, &r), ==, PC_OK);
    g_assert_true(r.inside);       /* P90 itself */
    g_assert_cmpint(pc_backtest_period(a, p, 2, 300.5, &r), ==, PC_OK);
    g_assert_false(r.inside);
    /* no deal: everything 0, an actual outside */
    g_assert_cmpint(pc_backtest_period(NULL, NULL, 0, 50, &r), ==, PC_OK);
    g_assert_cmpfloat(r.expected, ==, 0);
    g_assert_cmpfloat(r.p90, ==, 0);
    g_assert_cmpfloat(r.error, ==, -1);
    g_assert_false(r.inside);
    const double bad[] = { 1.5, 0.5 };
    g_assert_cmpint(pc_backtest_period(a, bad, 2, 0, &r), ==, PC_ERR_NUM);
    g_assert_cmpint(pc_backtest_period(a, p, 2, NAN, &r), ==, PC_ERR_NUM);
}

/* A snapshot on 2026-01-15 against the latest on 2026-03-31: periods Jan 15-31, February,
 * March (April has not ended). At the snapshot, then in the latest:
 *   Acme  open 1000 close Jan 20 at 50 %  -> won 1200 Jan 25     actual of January
 *   Bolt  open 2000 close Feb 10 at 25 %  -> won 2000 Mar 5      actual of March
 *   Cyan  open  500 close Jan 10 at 50 %  -> won  500 Feb 1      overdue: forecast in no
 *                                                                period, actual of February
 *   Dune  open  800 close Mar 15 at 10 %  -> lost
 *   Echo  won   700 close Jan 2           -> won                 closed at the snapshot
 *   Flux  open  300 close Feb 20 at 50 %  -> (absent)
 *   Gale  (absent)                        -> won 9999 Feb 5      new: never counts
 * January: Acme alone: expected 500; 0 or 1000 at 1/2: P10 0, P50 0, P90 1000; actual 1200
 *   outside; error (500 - 1200) / 1200.
 * February: Bolt and Flux: expected 500 + 150 = 650; totals 0 (.375), 300 (.375), 2000
 *   (.125), 2300 (.125): P10 0, P50 300, P90 2300; actual 500 inside; error 150 / 500.
 * March: Dune: expected 80; P(0) = .9: P10 = P50 = P90 = 0; actual 2000 outside;
 *   error (80 - 2000) / 2000. */
static const PcSnapDeal S[] = {
    D("Acme", 1000, 46042, OPEN), D("Bolt", 2000, 46063, OPEN), D("Cyan", 500, 46032, OPEN),
    D("Dune", 800, 46096, OPEN),  D("Echo", 700, 46024, WON),   D("Flux", 300, 46073, OPEN),
};
static const double PROBS[] = { 0.5, 0.25, 0.5, 0.1, NAN, 0.5 };
static const PcSnapDeal LATEST[] = {
    D("acme", 1200, 46047, WON), D("Bolt", 2000, 46086, WON), D("Cyan", 500, 46054, WON),
    D("Dune", 800, 46096, LOST), D("Echo", 700, 46024, WON), D("Gale", 9999, 46058, WON),
};

static void backtest_snapshot_by_hand(void)
{
    g_assert_cmpfloat(serial(2026, 1, 15), ==, 46037);
    g_assert_cmpfloat(serial(2026, 1, 20), ==, 46042);
    g_assert_cmpfloat(serial(2026, 3, 31), ==, 46112);
    PcDates dates = pc_dates_default();
    PcBacktestLatest l;
    PcError err;
    g_assert_cmpint(pc_backtest_latest_init(&l, &dates, LATEST, G_N_ELEMENTS(LATEST), 46112.5, &err),
                    ==, PC_OK);
    PcBacktestPeriod p[PC_BACKTEST_PERIODS];
    gsize n;
    gssize match[G_N_ELEMENTS(S)];
    g_assert_cmpint(pc_backtest_snapshot(&l, S, G_N_ELEMENTS(S), 46037.25, PROBS, p, &n, match, &err),
                    ==, PC_OK);
    g_assert_cmpuint(n, ==, 3);
    static const gssize MATCH[] = { 0, 1, 2, 3, 4, -1 };
    for (gsize i = 0; i < G_N_ELEMENTS(S); i++)
        g_assert_cmpint(match[i], ==, MATCH[i]);
    g_assert_cmpfloat(p[0].start, ==, 46037);
    g_assert_cmpfloat(p[0].end, ==, serial(2026, 1, 31));
    g_assert_cmpfloat(p[1].start, ==, serial(2026, 2, 1));
    g_assert_cmpfloat(p[2].end, ==, 46112);
    g_assert_cmpint(p[2].month, ==, 2026 * 12 + 2);
    static const struct {
        gsize deals, won;
        double expected, p10, p50, p90, actual, error;
        gboolean inside;
    } WANT[] = {
        { 1, 1, 500, 0, 0, 1000, 1200, (500.0 - 1200) / 1200, FALSE },
        { 2, 1, 650, 0, 300, 2300, 500, 150.0 / 500, TRUE },
        { 1, 1, 80, 0, 0, 0, 2000, (80.0 - 2000) / 2000, FALSE },
    };
    for (gsize k = 0; k < 3; k++) {
        g_assert_cmpuint(p[k].deals, ==, WANT[k].deals);
        g_assert_cmpuint(p[k].won, ==, WANT[k].won);
        g_assert_cmpfloat_with_epsilon(p[k].expected, WANT[k].expected, 1e-9);
        g_assert_cmpfloat(p[k].p10, ==, WANT[k].p10);
        g_assert_cmpfloat(p[k].p50, ==, WANT[k].p50);
        g_assert_cmpfloat(p[k].p90, ==, WANT[k].p90);
        g_assert_cmpfloat(p[k].actual, ==, WANT[k].actual);
        g_assert_cmpfloat_with_epsilon(p[k].error, WANT[k].error, 1e-12);
        g_assert_cmpint(p[k].inside, ==, WANT[k].inside);
    }
    /* the summary: 1 of 3 inside; MAPE the mean of 7/12, 0.3, 0.96; bias (1230 - 3700) / 3700;
     * Bin(3, 0.8): P(X <= 0) = .008, <= 1 .104, <= 2 .488: the 5 % quantile 1, the 95 % 3 */
    PcBacktestSummary sum;
    pc_backtest_summarise(p, n, &sum);
    g_assert_cmpuint(sum.periods, ==, 3);
    g_assert_cmpuint(sum.inside, ==, 1);
    g_assert_cmpfloat_with_epsilon(sum.share, 1.0 / 3, 1e-15);
    g_assert_cmpuint(sum.mape_periods, ==, 3);
    g_assert_cmpfloat_with_epsilon(sum.mape, (7.0 / 12 + 0.3 + 0.96) / 3, 1e-12);
    g_assert_cmpfloat_with_epsilon(sum.bias, (1230.0 - 3700) / 3700, 1e-12);
    g_assert_cmpfloat_with_epsilon(sum.expected, 1230, 1e-9);
    g_assert_cmpfloat(sum.actual, ==, 3700);
    g_assert_cmpuint(sum.low, ==, 1);
    g_assert_cmpuint(sum.high, ==, 3);
    g_assert_false(sum.off);
    /* a snapshot on March 19: its own month has ended on the latest's day, no other */
    g_assert_cmpint(pc_backtest_snapshot(&l, S, G_N_ELEMENTS(S), 46100, PROBS, p, &n, NULL, &err),
                    ==, PC_OK);
    g_assert_cmpuint(n, ==, 1);
    g_assert_cmpfloat(p[0].start, ==, 46100);
    g_assert_cmpuint(p[0].deals, ==, 0); /* Dune closes on March 15, before the snapshot */
    g_assert_cmpfloat(p[0].actual, ==, 0);
    /* a latest on March 29: March has not ended */
    pc_backtest_latest_clear(&l);
    g_assert_cmpint(pc_backtest_latest_init(&l, &dates, LATEST, G_N_ELEMENTS(LATEST), 46110, &err),
                    ==, PC_OK);
    g_assert_cmpint(pc_backtest_snapshot(&l, S, G_N_ELEMENTS(S), 46100, PROBS, p, &n, NULL, &err),
                    ==, PC_OK);
    g_assert_cmpuint(n, ==, 0);
    /* a latest at the end of February: January and February only */
    pc_backtest_latest_clear(&l);
    g_assert_cmpint(pc_backtest_latest_init(&l, &dates, LATEST, G_N_ELEMENTS(LATEST),
                                            serial(2026, 2, 28), &err), ==, PC_OK);
    g_assert_cmpint(pc_backtest_snapshot(&l, S, G_N_ELEMENTS(S), 46037, PROBS, p, &n, NULL, &err),
                    ==, PC_OK);
    g_assert_cmpuint(n, ==, 2);
    pc_backtest_latest_clear(&l);
}

static void backtest_refusals(void)
{
    PcDates dates = pc_dates_default();
    PcBacktestLatest l;
    PcError err;
    const PcSnapDeal twice[] = { D("Acme", 1, 46040, OPEN), D(" ACME", 2, 46040, WON) };
    g_assert_cmpint(pc_backtest_latest_init(&l, &dates, twice, 2, 46112, &err), ==, PC_ERR_ARG);
    g_assert_cmpstr(err.message, ==, "The latest snapshot names the deal \" ACME\" twice");
    g_assert_null(l.index);
    const PcSnapDeal nameless[] = { D("", 1, 46040, OPEN) };
    g_assert_cmpint(pc_backtest_latest_init(&l, &dates, nameless, 1, 46112, &err), ==, PC_ERR_ARG);
    g_assert_cmpstr(err.message, ==, "The latest snapshot, deal 1: no name");
    g_assert_cmpint(pc_backtest_latest_init(&l, &dates, LATEST, G_N_ELEMENTS(LATEST), 46112, &err),
                    ==, PC_OK);
    PcBacktestPeriod p[PC_BACKTEST_PERIODS];
    gsize n = 7;
    g_assert_cmpint(pc_backtest_snapshot(&l, twice, 2, 46037, PROBS, p, &n, NULL, &err), ==,
                    PC_ERR_ARG);
    g_assert_cmpstr(err.message, ==, "An earlier snapshot names the deal \" ACME\" twice");
    g_assert_cmpuint(n, ==, 0);
    const double bad[] = { 0.5, 0.25, 0.5, 1.1, NAN, 0.5 };
    g_assert_cmpint(pc_backtest_snapshot(&l, S, G_N_ELEMENTS(S), 46037, bad, p, &n, NULL, &err),
                    ==, PC_ERR_NUM);
    g_assert_cmpstr(err.message, ==, "The deal \"Dune\": its probability is not in 0-1");
    const PcSnapDeal inf[] = { D("Acme", INFINITY, 46040, OPEN) };
    g_assert_cmpint(pc_backtest_snapshot(&l, inf, 1, 46037, PROBS, p, &n, NULL, &err), ==,
                    PC_ERR_NUM);
    pc_backtest_latest_clear(&l);
}

/* P(X <= k) of Bin(n, p) summed term by term with the binomial coefficients. */
static double binomial_cdf(gsize n, double p, gsize k)
{
    double sum = 0, c = 1; /* c = n choose i */
    for (gsize i = 0; i <= k; i++) {
        sum += c * pow(p, (double)i) * pow(1 - p, (double)(n - i));
        c = c * (double)(n - i) / (double)(i + 1);
    }
    return sum;
}

static void backtest_binomial_quantiles(void)
{
    /* Bin(10, 0.8): P(X <= 5) = .0328, <= 6 .1209, <= 8 .6242, <= 9 .8926 */
    g_assert_cmpuint(pc_binomial_quantile(10, 0.8, 0.05), ==, 6);
    g_assert_cmpuint(pc_binomial_quantile(10, 0.8, 0.95), ==, 10);
    g_assert_cmpuint(pc_binomial_quantile(1, 0.8, 0.05), ==, 0);
    g_assert_cmpuint(pc_binomial_quantile(1, 0.8, 0.95), ==, 1);
    g_assert_cmpuint(pc_binomial_quantile(0, 0.8, 0.5), ==, 0);
    /* Bin(4, 0.5): P(X <= 1) = 5/16 exactly */
    g_assert_cmpuint(pc_binomial_quantile(4, 0.5, 5.0 / 16), ==, 1);
    for (gsize n = 2; n <= 200; n += 11)
        for (int t = 0; t < 2; t++) {
            double q = t ? 0.95 : 0.05;
            gsize k = pc_binomial_quantile(n, 0.8, q);
            g_assert_cmpfloat(binomial_cdf(n, 0.8, k), >=, q - 1e-9);
            if (k)
                g_assert_cmpfloat(binomial_cdf(n, 0.8, k - 1), <, q);
        }
    /* the summary flags a share outside: 10 periods, 5 inside (< 6) */
    PcBacktestPeriod p[10] = { 0 };
    for (int i = 0; i < 10; i++)
        p[i] = (PcBacktestPeriod){ .expected = 100, .actual = 100, .error = 0, .inside = i < 5 };
    PcBacktestSummary s;
    pc_backtest_summarise(p, 10, &s);
    g_assert_cmpuint(s.low, ==, 6);
    g_assert_true(s.off);
    p[5].inside = TRUE;
    pc_backtest_summarise(p, 10, &s);
    g_assert_false(s.off);
    g_assert_cmpfloat(s.bias, ==, 0);
    g_assert_cmpfloat(s.mape, ==, 0);
    /* actual 0: left out of MAPE, in the bias; no period at all */
    p[0].actual = 0;
    p[0].error = NAN;
    pc_backtest_summarise(p, 10, &s);
    g_assert_cmpuint(s.mape_periods, ==, 9);
    g_assert_cmpfloat_with_epsilon(s.bias, 100.0 / 900, 1e-15);
    pc_backtest_summarise(NULL, 0, &s);
    g_assert_true(isnan(s.share) && isnan(s.mape) && isnan(s.bias));
    g_assert_false(s.off);
}

/* (0.2, lost), (0.2, won), (0.8, won), (0.6, lost): mean predicted .45, realised .5, Brier
 * (.04 + .64 + .04 + .36) / 4 = .27. */
static void backtest_calibration_by_hand(void)
{
    PcCalibration c = PC_CALIBRATION_INIT;
    g_assert_true(isnan(pc_calibration_brier(&c)));
    g_assert_true(isnan(pc_calibration_predicted(&c)));
    pc_calibration_add(&c, 0.2, FALSE);
    pc_calibration_add(&c, 0.2, TRUE);
    pc_calibration_add(&c, 0.8, TRUE);
    pc_calibration_add(&c, 0.6, FALSE);
    g_assert_cmpuint(c.n, ==, 4);
    g_assert_cmpuint(c.won, ==, 2);
    g_assert_cmpfloat_with_epsilon(pc_calibration_predicted(&c), 0.45, 1e-15);
    g_assert_cmpfloat(pc_calibration_realised(&c), ==, 0.5);
    g_assert_cmpfloat_with_epsilon(pc_calibration_brier(&c), 0.27, 1e-15);
}

static void backtest_deciles(void)
{
    double v[20];
    guint8 d[20];
    for (int i = 0; i < 20; i++)
        v[i] = (double)((i * 7) % 20); /* a permutation of 0..19 */
    pc_deciles(v, 20, d);
    for (int i = 0; i < 20; i++)
        g_assert_cmpuint(d[i], ==, (guint)v[i] / 2);
    /* ties share the decile of the first of them */
    const double t[] = { 1, 2, 1, 1 };
    pc_deciles(t, 4, d);
    g_assert_cmpuint(d[0], ==, 0);
    g_assert_cmpuint(d[2], ==, 0);
    g_assert_cmpuint(d[3], ==, 0);
    g_assert_cmpuint(d[1], ==, 7); /* rank 3 of 4 */
    pc_deciles(t, 0, d);
}

/* TRIALS independent pipelines: a snapshot on 2026-01-01 with 4 x 40 open deals closing in
 * January to April, each won with its true probability (uniform in 0.05..0.95), amounts
 * 1,000 to 50,000; the latest snapshot on 2026-04-30 shows the outcomes. The forecast runs
 * at the probabilities WRONG maps the true ones to. */
static void run_generated(guint32 seed, double (*wrong)(double), PcBacktestSummary *out,
                          PcCalibration *cal)
{
    enum { TRIALS = 100, PER_MONTH = 40, DEALS = 4 * PER_MONTH };
    PcDates dates = pc_dates_default();
    GRand *r = g_rand_new_with_seed(seed);
    PcBacktestPeriod *all = g_new(PcBacktestPeriod, TRIALS * PC_BACKTEST_PERIODS);
    gsize n_all = 0;
    PcSnapDeal *s = g_new(PcSnapDeal, DEALS), *l = g_new(PcSnapDeal, DEALS);
    double *probs = g_new(double, DEALS);
    char **names = g_new0(char *, DEALS + 1);
    for (gsize i = 0; i < DEALS; i++)
        names[i] = g_strdup_printf("Deal %zu", i);
    double first = serial(2026, 1, 1);
    for (int t = 0; t < TRIALS; t++) {
        for (gsize i = 0; i < DEALS; i++) {
            gint month = 2026 * 12 + (gint)(i / PER_MONTH);
            double start = pc_month_first_day(&dates, month), end = pc_month_last_day(&dates, month);
            double close = start + floor(g_rand_double(r) * (end - start + 1));
            double amount = g_rand_double_range(r, 1000, 50000), truth = g_rand_double_range(r, 0.05, 0.95);
            gboolean won = g_rand_double(r) < truth;
            s[i] = (PcSnapDeal){ names[i], amount, close, OPEN, "Lead", NULL, FALSE, 0 };
            l[i] = (PcSnapDeal){ names[i], amount, close, won ? WON : LOST, "Lead", NULL, FALSE, 0 };
            probs[i] = wrong ? wrong(truth) : truth;
            pc_calibration_add(cal, probs[i], won);
        }
        PcBacktestLatest latest;
        PcError err;
        g_assert_cmpint(pc_backtest_latest_init(&latest, &dates, l, DEALS, serial(2026, 4, 30), &err),
                        ==, PC_OK);
        gsize n;
        g_assert_cmpint(pc_backtest_snapshot(&latest, s, DEALS, first, probs, all + n_all, &n, NULL, &err),
                        ==, PC_OK);
        g_assert_cmpuint(n, ==, PC_BACKTEST_PERIODS);
        n_all += n;
        pc_backtest_latest_clear(&latest);
    }
    pc_backtest_summarise(all, n_all, out);
    g_test_message("seed %u, %s probabilities: %zu of %zu periods inside P10-P90 (%.1f %%; 90 %% "
                   "interval %zu-%zu), MAPE %.1f %%, bias %+.1f %%", seed, wrong ? "wrong" : "true",
                   out->inside, out->periods, 100 * out->share, out->low, out->high,
                   100 * out->mape, 100 * out->bias);
    g_strfreev(names);
    g_free(probs);
    g_free(s);
    g_free(l);
    g_free(all);
    g_rand_free(r);
}

static double too_high(double p)
{
    return MIN(0.98, 1.6 * p);
}

static double too_sure(double p) /* right on average, but pushed to the extremes */
{
    return p < 0.5 ? 0.02 : 0.98;
}

/* With the true probabilities the share inside P10..P90 comes out near 80 %, inside its
 * binomial interval, and the bias near 0; with wrong ones it is far from 80 %. */
static void backtest_generated_pipelines(void)
{
    static const guint32 SEEDS[] = { 16, 1601, 2026 };
    for (gsize k = 0; k < G_N_ELEMENTS(SEEDS); k++) {
        PcBacktestSummary s;
        PcCalibration cal = PC_CALIBRATION_INIT;
        run_generated(SEEDS[k], NULL, &s, &cal);
        g_assert_cmpuint(s.periods, ==, 400);
        g_assert_false(s.off);
        g_assert_cmpfloat(fabs(s.share - 0.8), <, 0.06);
        g_assert_cmpfloat(fabs(s.bias), <, 0.03);
        /* right probabilities: predicted and realised agree, Brier near E[p(1-p)] = 0.1775 */
        g_assert_cmpfloat(fabs(pc_calibration_predicted(&cal) - pc_calibration_realised(&cal)), <, 0.02);
        g_assert_cmpfloat(fabs(pc_calibration_brier(&cal) - 0.1775), <, 0.01);
        PcCalibration high = PC_CALIBRATION_INIT, sure = PC_CALIBRATION_INIT;
        run_generated(SEEDS[k], too_high, &s, &high);
        g_assert_true(s.off);
        g_assert_cmpfloat(s.share, <, 0.4);
        g_assert_cmpfloat(s.bias, >, 0.3);
        g_assert_cmpfloat(pc_calibration_brier(&high), >, pc_calibration_brier(&cal));
        run_generated(SEEDS[k], too_sure, &s, &sure);
        g_assert_true(s.off);
        g_assert_cmpfloat(s.share, <, 0.5); /* too narrow an interval */
        g_assert_cmpfloat(pc_calibration_brier(&sure), >, pc_calibration_brier(&cal));
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/backtest/period-by-hand", backtest_period_by_hand);
    g_test_add_func("/backtest/snapshot-by-hand", backtest_snapshot_by_hand);
    g_test_add_func("/backtest/refusals", backtest_refusals);
    g_test_add_func("/backtest/binomial-quantiles", backtest_binomial_quantiles);
    g_test_add_func("/backtest/calibration-by-hand", backtest_calibration_by_hand);
    g_test_add_func("/backtest/deciles", backtest_deciles);
    g_test_add_func("/backtest/generated-pipelines", backtest_generated_pipelines);
    return g_test_run();
}
