/* pc_backtest.h - how good past forecasts were (issue 16, Forecast accuracy): each past
 * snapshot's forecast of the coming months against the revenue those months brought, and
 * how well the win probabilities behind it were calibrated.
 *
 * Periods. For a snapshot taken on day D (whole days), period 0 is D to the last day of D's
 * calendar month, period k (1 <= k <= PC_BACKTEST_HORIZON) the k-th calendar month after
 * it, first to last day (pc_months.h, in the document's date system). A period is evaluated
 * only when its last day is on or before the latest snapshot's day: then its revenue is
 * known. The latest snapshot itself is evaluated against nothing.
 *
 * Forecast of a period: the deals open at the snapshot whose close date there lies in the
 * period (a deal without a close date is in no period), at the snapshot's amounts and at
 * the probability each deal has there (the caller's: the report layer gives the typed
 * probability where one is typed, else the stage's, learned from the snapshot's own
 * closed deals only). Expected = sum of amount x probability (compensated); P10, P50 and
 * P90 the quantiles of the won total (pc_won_total_quantiles: the deals independent).
 *
 * Actual of a period: the revenue won in it from the deals open at the snapshot - a deal
 * that was open at the snapshot, is Won in the latest snapshot and has its close date
 * there in the period, at the latest snapshot's amount. Deals new since the snapshot are
 * left out (the snapshot could not forecast them; they would inflate the actual), and so
 * are deals the latest snapshot no longer has. Deals match by name (pc_text_key).
 *
 * Error of a period: (expected - actual) / actual, the share by which the forecast missed
 * what came in: + too high, - too low (the usual sign of a forecast error, and the
 * denominator of MAPE). NAN when the actual is 0: no share of nothing can be said; such a
 * period still counts for the share inside P10..P90 and for the bias.
 * Inside: P10 <= actual <= P90, both bounds inclusive, with a tolerance of 1e-9 times the
 * period's sum of |amount| plus the actual's |amount| (the actual and a quantile are sums
 * of the same amounts in another order).
 *
 * Summary over the evaluated periods:
 *   MAPE = the mean of |error| over the periods whose actual is not 0 (NAN when none);
 *     MAPE_PERIODS says how many those are.
 *   share inside = inside / periods (NAN without a period). With right probabilities about
 *     80 % of the periods fall inside P10..P90; for N periods the count inside lies, 90 % of
 *     the time, between the 5 % and the 95 % quantile of Bin(N, 0.8) (exact quantiles: the
 *     smallest k with P(X <= k) >= q). OFF when the count lies outside them. (Periods of
 *     one snapshot, and of snapshots close together, share deals and are not independent:
 *     the interval is a guide, not a test.)
 *   bias = sum(expected - actual) / sum(actual) over all evaluated periods: + the
 *     forecasts were too high on the whole, - too low; a large period weighs as much as it
 *     is large, a period of nothing won cannot make it infinite. NAN when sum(actual) is 0.
 *
 * Calibration: (predicted probability, won?) pairs added to bins; each bin gives its
 * count, the mean predicted probability, the realised win rate (won / count) and the Brier
 * score (the mean of (predicted - outcome)^2, outcome 1 won, 0 lost; 0 is perfect, 0.25 a
 * coin's 50 % for everything).
 */
#ifndef PC_BACKTEST_H
#define PC_BACKTEST_H

#include "pc_changes.h"
#include "pc_months.h"
#include "pc_num.h"
#include "pc_status.h"

/* The months after a snapshot's own that its forecast is evaluated for. */
#define PC_BACKTEST_HORIZON 3
/* Periods per snapshot: its own month and the horizon. */
#define PC_BACKTEST_PERIODS (PC_BACKTEST_HORIZON + 1)
/* The share of periods P10..P90 should hold, and the two-sided level of its interval. */
#define PC_BACKTEST_COVERAGE 0.8
#define PC_BACKTEST_LEVEL 0.9

/* One period's forecast against its actual. */
typedef struct {
    gint month;          /* as pc_month_of_serial */
    double start, end;   /* its first and last day (serials; period 0 starts on the day) */
    gsize deals;         /* open deals forecast in it */
    double expected, p10, p50, p90;
    double actual;
    gsize won;           /* deals its actual comes from */
    double error;        /* (expected - actual) / actual; NAN when actual is 0 */
    gboolean inside;     /* P10 <= actual <= P90 */
} PcBacktestPeriod;

/* The forecast of N deals (AMOUNTS, PROBS) against ACTUAL into *OUT (expected, P10..P90,
 * error, inside; the other fields untouched). PC_ERR_NUM for a non-finite amount or
 * actual, a probability outside [0, 1]; PC_ERR_NOMEM. */
PcStatus pc_backtest_period(const double *amounts, const double *probs, gsize n, double actual,
                            PcBacktestPeriod *out);

/* The latest snapshot, indexed by name, that earlier ones are evaluated against. */
typedef struct {
    PcDates dates;
    const PcSnapDeal *deals;  /* borrowed */
    gsize n;
    double day;
    GHashTable *index;        /* pc_text_key -> position + 1 */
} PcBacktestLatest;

/* Index the latest snapshot (N DEALS on DAY) into *L (pc_backtest_latest_clear). PC_ERR_ARG
 * naming the deal when a name is blank or appears twice; PC_ERR_NUM for a non-finite amount
 * or date. */
PcStatus pc_backtest_latest_init(PcBacktestLatest *l, const PcDates *dates, const PcSnapDeal *deals,
                                 gsize n, double day, PcError *err);

void pc_backtest_latest_clear(PcBacktestLatest *l);

/* Snapshot S (N deals on DAY, before L's day) against L: its evaluated periods, in order,
 * into OUT (room for PC_BACKTEST_PERIODS) and their number into *N_OUT (0 when none has
 * ended); PROBS[i] the probability of S's deal i (read for open deals only). MATCH (room
 * for N, may be NULL) receives per deal of S its position in L's deals, -1 when L lacks it.
 * Failures as pc_backtest_latest_init's (for S's deals), and pc_backtest_period's. */
PcStatus pc_backtest_snapshot(const PcBacktestLatest *l, const PcSnapDeal *s, gsize n, double day,
                              const double *probs, PcBacktestPeriod *out, gsize *n_out,
                              gssize *match, PcError *err);

typedef struct {
    gsize periods, inside;
    double share;          /* inside / periods; NAN without a period */
    gsize low, high;       /* the 5 % and 95 % quantiles of Bin(periods, 0.8) */
    gboolean off;          /* inside < low or inside > high */
    double mape;           /* NAN without a period whose actual is not 0 */
    gsize mape_periods;
    double bias;           /* NAN when the actuals sum to 0 */
    double expected, actual; /* sums over the periods */
} PcBacktestSummary;

/* The summary of N periods P into *S. */
void pc_backtest_summarise(const PcBacktestPeriod *p, gsize n, PcBacktestSummary *s);

/* The Q-quantile (0 < Q < 1) of Bin(N, P): the smallest k with P(X <= k) >= Q (within
 * 1e-12, so that a cumulative probability of exactly Q is not lost to rounding). */
gsize pc_binomial_quantile(gsize n, double p, double q);

/* A bin of calibration pairs. */
typedef struct {
    gsize n, won;
    PcSum predicted, squared; /* sums of p and of (p - outcome)^2 */
} PcCalibration;

#define PC_CALIBRATION_INIT { 0 }

/* Add one deal predicted at P (in [0, 1]) that was WON or lost. */
void pc_calibration_add(PcCalibration *c, double p, gboolean won);

/* The mean predicted probability, the realised win rate, the Brier score; NAN when empty. */
double pc_calibration_predicted(const PcCalibration *c);
double pc_calibration_realised(const PcCalibration *c);
double pc_calibration_brier(const PcCalibration *c);

/* The decile (0 lowest .. 9 highest) of each of the N VALUES by rank into DECILE: sorted
 * ascending, the value at rank r (0-based) is in decile floor(10 r / N); equal values share
 * the decile of the first of them, so a decile can be empty. N up to G_MAXSIZE / 10. */
void pc_deciles(const double *values, gsize n, guint8 *decile);

#endif
