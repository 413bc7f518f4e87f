/* rp_accuracy.h - the plan of the "Forecast accuracy" sheet (issue 16): how good the
 * forecasts of past snapshots were, and how well calibrated the probabilities behind them.
 *
 * Where the figures come from: the snapshots of the Pipeline history (rp_history.h), oldest
 * first; the latest is "now", every earlier one is evaluated against it by the rules of
 * pc_backtest.h (its month and the next PC_BACKTEST_HORIZON months, each evaluated once it
 * has ended by the latest's day; the actual is the revenue won in the period from the deals
 * open at the snapshot, at the latest's amounts and close dates). A history rebuilt from a
 * dated stage log (O->reconstructed) carries today's amounts and close dates: the sheet
 * says so.
 *
 * A deal's probability at a snapshot, the one rule of every report: the probability typed
 * for it there (PcSnapDeal.typed / .probability) where there is one, else its stage's.
 * Stage probabilities are learned for each snapshot from that snapshot's own closed deals
 * only (no peeking at what closed later): its deals become a table Deal | Stage | Amount |
 * Close date | Outcome and rp_stages_learn learns from it exactly as Write forecast learns
 * from the lead table. An open deal with no stage, or a stage not learned, takes the first
 * stage's probability (a lost deal without a stage counts as reaching the first stage). A
 * snapshot that needs stage probabilities (an open deal without a typed one) but cannot
 * learn them - no won or no lost deal - is skipped; the sheet says how many.
 *
 * The sheet, top to bottom (COLS = 10 columns; each sentence a row of its own, merged
 * across them):
 *   title; the source line; notes (reconstructed; snapshots skipped; snapshots whose
 *     probabilities were learned from fewer than PC_EVIDENCE_MIN_CLOSED closed deals;
 *     fewer than PC_EVIDENCE_MIN_CLOSED deals to calibrate on in all);
 *   Snapshot | Period | Deals | Expected | P10 | P50 | P90 | Actual | Error | Inside P10–P90:
 *     one row per snapshot and evaluated period, oldest snapshot first; Period is the
 *     period's month as its first day (period 0 begins on the snapshot's day); Error "-"
 *     when the actual is 0; Inside "Yes" / "No";
 *   an empty row; the summary: MAPE, share inside P10–P90, bias (label merged over columns
 *     A..C, the value in D, a sentence merged over E..J), and the verdict on the share: a
 *     sentence whether it lies inside the 90 % binomial interval around 80 % for that many
 *     periods (pc_backtest_summarise);
 *   an empty row; "Calibration of the stage probabilities": Stage | Deals | Predicted |
 *     Realised | Brier | Note - one row per stage a deal had at an evaluated snapshot, over
 *     the deals open there that the latest snapshot shows closed (won or lost); a deal counts
 *     once per such snapshot, at its probability and stage there; rows sorted by mean
 *     predicted probability (ties: first seen), then "All stages" (TOTAL); a row of fewer than
 *     PC_EVIDENCE_MIN_PER_VALUE deals is noted as mostly chance;
 *   with scores (O->scores): an empty row; "Calibration of the Score": Score decile | Deals
 *     | Predicted | Realised | Brier | Note over the latest snapshot's closed deals that have a
 *     score, matched by name (pc_text_key), deciles by rank of the score (pc_deciles; empty
 *     deciles left out), then "All scored deals"; the note says the scores are today's, from
 *     today's attributes (so a deal's own outcome may have taught the Score);
 *   charts below: predicted against realised win rate (columns) by stage, and by decile.
 * Amounts RP_FORMAT_AMOUNT, dates RP_FORMAT_DATE, shares and probabilities
 * RP_FORMAT_PERCENT, counts RP_FORMAT_INTEGER, the Brier score RP_FORMAT_GENERAL. Numbers
 * inside sentences are written by O->number. Values only. */
#ifndef RP_ACCURACY_H
#define RP_ACCURACY_H

#include "pc_backtest.h"
#include "rp_history.h"

#define RP_MARKER_ACCURACY "PIPECALC_ACCURACY"

/* One deal's Score, by name (the Score column of today's table). */
typedef struct {
    const char *name;
    double score;          /* a win probability in 0-1; others are left out */
} RpDealScore;

typedef struct {
    PcDates dates;         /* the document's date system */
    RpNumberText number;   /* numbers in sentences (the Calc layer: tx_text_number) */
    const RpDealScore *scores; /* NULL: no Score calibration */
    gsize n_scores;
    gboolean reconstructed; /* the history was rebuilt from a stage log */
} RpAccuracyOptions;

typedef struct {
    RpPlan *plan;
    gsize snapshots;       /* earlier snapshots with at least one period evaluated */
    gsize skipped;         /* earlier snapshots skipped: no won or no lost deal to learn from */
    gsize thin;            /* evaluated snapshots learned from fewer than PC_EVIDENCE_MIN_CLOSED */
    PcBacktestSummary summary;
    PcCalibration calibration; /* every (snapshot, deal) pair of the stage calibration */
    gsize closed;          /* distinct deals in it */
    gsize stages;          /* its rows by stage */
    PcCalibration score;   /* the scored closed deals (n 0: no scores) */
} RpAccuracy;

/* Plan the accuracy of H's forecasts with O into *A. FALSE with the user's sentence in
 * *MESSAGE (g_free) when nothing can be evaluated: fewer than two snapshots, no earlier
 * snapshot to learn from, no period that has ended yet, a deal named twice in a snapshot. */
gboolean rp_accuracy_plan(const RpHistory *h, const RpAccuracyOptions *o, RpAccuracy *a,
                          char **message);

void rp_accuracy_clear(RpAccuracy *a);

/* The Score (LEAD_SCORE on the scoring columns, pc_role_scores) of each closed deal of S,
 * learned from S's closed deals themselves - today's attributes, the deal's own outcome
 * among what it learns from, as the sheet says - into a new array (g_free) of *N, the
 * names pointing into S's cells. NULL (and *N 0) without a deal name or a scoring column,
 * or without both won and lost deals. */
RpDealScore *rp_accuracy_scores(const RpSource *s, gsize *n);

#endif
