/* pc_forecast.h - PIPELINE_FORECAST: expected (or quantile of) won revenue.
 *
 * PIPELINE_FORECAST(Amounts; Stages; Probabilities; [CloseDates]; [PeriodStart]; [PeriodEnd];
 * [Percentile]; [Outcomes]). Implemented in pc_forecast.c (arguments) and pc_quantile.c
 * (quantile).
 *
 * Shapes. Amounts, Stages, per-deal Probabilities, CloseDates and Outcomes are "column"
 * arguments: a column or a row, row i of one belonging with row i of the others; a 2-D one
 * or lengths that differ give PC_ERR_ARG. Probabilities is a stage table when it has
 * exactly two columns and either more than one row, or one row while Amounts is not itself
 * a 1 x 2 row; otherwise it must be one-dimensional and as long as Amounts (one
 * probability per deal; Stages is then only checked for length); anything else is
 * PC_ERR_ARG.
 *
 * Rows. A row whose amount, stage, (per-deal) probability, close date and outcome are all
 * empty is skipped; a text of white space only counts as empty (it looks empty). Every
 * other row is checked whether or not the period or its outcome lets it count. An empty
 * amount counts as 0; negative amounts are allowed (credit notes, clawbacks) and lower the
 * forecast. A text amount, probability or close date, or an error value anywhere:
 * PC_ERR_VALUE (Calc itself answers Err:504 for an error cell inside a range; inline
 * arrays can carry them). A non-finite number: PC_ERR_NUM. A probability outside [0, 1]:
 * PC_ERR_NUM ("row 12: 25 is not a probability in 0-1; type 25%"). A per-deal probability
 * left empty beside an amount: PC_ERR_NA.
 *
 * Header row. When every cell of the first row of Amounts, Stages, per-deal
 * Probabilities, CloseDates and Outcomes (when given) is text that would be invalid there -
 * any text amount, a stage text the stage table does not know (any text with per-deal
 * probabilities), a text probability, a text close date - that row is a header and is
 * skipped. Only the first row, and only when all its cells qualify: "abc" | "Lead" is a
 * deal with a bad amount (PC_ERR_VALUE), "Amount" | (empty) too. No text is invalid in
 * Outcomes, so there every text qualifies, an outcome word too (a column headed "Status",
 * "Won" or "Gewonnen" alike), while an empty cell, a number or an error value does not.
 * Outcomes thus never makes a row a header by itself; with a text there the other
 * arguments decide exactly as without Outcomes. (Such a row could never be a valid deal:
 * its amount is text, and a closed deal is still checked.)
 *
 * Stage table. Names match as pc_text_key() compares them; a stage given as a number
 * matches the same number (or its text) in the table. The table's first row is a header
 * and skipped when both its cells are text. Rows without a name are ignored (their
 * probability is still checked). The same name twice with different probabilities (or
 * one blank): PC_ERR_ARG; with the same probability: fine. A deal whose stage is not in
 * the table, whose stage is blank beside an amount, or whose stage has a blank probability
 * in the table: PC_ERR_NA.
 *
 * Period. PeriodStart/PeriodEnd (0 or empty = omitted) count only deals whose close date
 * lies in [start, end], inclusive, by whole days (the floor of the serials); with a bound
 * given a deal without a close date does not count. Start on a later day than end, or a
 * bound without CloseDates: PC_ERR_ARG. A 1 x 1 CloseDates holding 0 or nothing, beside Amounts of
 * other than one row, means omitted. Without bounds CloseDates is only checked.
 *
 * Outcomes (omitted: every deal is open). A deal whose outcome is a won or lost word as
 * pc_outcome_of_key() reads it ("Won", "Closed Lost", "gewonnen", "verloren", "yes",
 * "nein", ...) or the number 1 or 0 (TRUE / FALSE) - the vocabulary of LEAD_SCORE's
 * Outcomes and of the sidebar's outcome column (pc_outcome_of_cell) - is closed and does
 * not count; an empty cell or any other text ("Open", "In progress") is open and counts as
 * without Outcomes. Like a deal outside the period a closed deal is still checked: its
 * amount must be a number, its stage in the stage table. Any other number: PC_ERR_VALUE
 * ("row 4: the outcome 2 is a number other than 1 (won) or 0 (lost)"), a non-finite one
 * PC_ERR_NUM, an error value PC_ERR_VALUE. A 1 x 1 Outcomes holding 0 or nothing, beside
 * Amounts of other than one row, means omitted, as for CloseDates.
 *
 * Percentile q (0 = omitted): q < 0 or q >= 1 is PC_ERR_NUM; otherwise the q-quantile of
 * the won total of the counted deals, see pc_won_total_quantile(). No deal counted: 0.
 */
#ifndef PC_FORECAST_H
#define PC_FORECAST_H

#include "pc_status.h"
#include "pc_table.h"

/* Arguments as Calc hands them over. Optional ones are NULL when omitted; a 1 x 1 table
 * holding 0 or an empty cell also means omitted (Calc passes a reference to an empty
 * cell as 0). Argument positions for PcError.arg: amounts 0, stages 1, probabilities 2,
 * close_dates 3, period_start 4, period_end 5, percentile 6, outcomes 7. */
typedef struct {
    const PcTable *amounts;
    const PcTable *stages;
    const PcTable *probabilities; /* stage | probability table, or one probability per deal */
    const PcTable *close_dates;   /* optional */
    const PcTable *period_start;  /* optional, 1 x 1 */
    const PcTable *period_end;    /* optional, 1 x 1 */
    const PcTable *percentile;    /* optional, 1 x 1 */
    const PcTable *outcomes;      /* optional: a won / lost word closes a deal */
} PcForecastArgs;

/* Compute PIPELINE_FORECAST with single-cell PeriodStart, PeriodEnd and Percentile (more
 * cells: PC_ERR_ARG; pc_pipeline_forecast_table takes ranges) into *RESULT: sum of amount * probability over the counted
 * (open, in the period) deals, or with a percentile q the q-quantile of the won total. On
 * failure returns the status, fills ERR (may be NULL) and leaves *RESULT untouched. */
PcStatus pc_pipeline_forecast(const PcForecastArgs *args, double *result, PcError *err);

/* PIPELINE_FORECAST as the add-in computes it: a whole table in one call. PeriodStart and
 * PeriodEnd may each be omitted, one cell, or one column or row of k cells (then both k
 * long, or one of them a single cell used for every period); Percentile omitted, one
 * cell, or a column or row of m cells. The result is k x m (*ROWS x *COLS, row-major, in
 * g_malloc'd *VALUES and *STATUS): row i is period i (start i, end i), column j percentile
 * j, whatever the arguments' orientation; each cell is what pc_pipeline_forecast answers
 * with those three as single cells - the same bits, the same status - while the deal rows
 * are read and checked once and each period's distribution is built once for all its
 * percentiles. Every element is one cell, read as the single argument is: empty or 0 an
 * open bound or the expected value; no header or blank skipping there.
 * Errors: a two-dimensional PeriodStart, PeriodEnd or Percentile, lengths that differ
 * (PC_ERR_ARG), an error of the shapes of the deal arguments, or running out of memory
 * fail the whole call (returned, ERR filled, outputs untouched). So does an error of the
 * deal rows or the stage table when no element is bad. Otherwise PC_OK, and a cell whose
 * period is bad (start after end, text, a bound without CloseDates) or whose percentile
 * is bad (q < 0, q >= 1, text) has that element's status in *STATUS, checked before the
 * deals as one call checks them; any other cell has the deals' error if they have one,
 * else PC_ERR_NUM when its value overflows, else PC_OK and its value. ERR then holds the
 * reason of the first cell in error (row by row), or no error. Cost: one pass over the
 * rows, then O(k x open deals) plus k distributions. */
PcStatus pc_pipeline_forecast_table(const PcForecastArgs *args, double **values,
                                    PcStatus **status, gsize *rows, gsize *cols, PcError *err);

/* PIPELINE_FORECAST's expected value into *EXPECTED and the NQ percentiles QS (each in
 * (0, 1)) into QUANTILES, of the deals ARGS counts, in one pass over the rows and one
 * build of the distribution: what NQ + 1 calls of pc_pipeline_forecast answer (Percentile
 * left out, then each of QS), with the same errors; ARGS->percentile is ignored. The
 * sidebar's P10 / P50 / P90 rows. Outputs are set only on PC_OK. */
PcStatus pc_pipeline_forecast_quantiles(const PcForecastArgs *args, const double *qs, gsize nq,
                                        double *expected, double *quantiles, PcError *err);

/* The q-quantile (0 < q < 1) of sum(X_i * amounts[i]) where X_i ~ Bernoulli(probs[i])
 * independent: the smallest T with P(total <= T) >= q, probabilities compared with a
 * tolerance of 1e-12 and totals closer than 1e-12 times the uncertain deals' sum |amount|
 * taken as equal, so that ties resolve as exact arithmetic would. 0 when N is 0.
 * The promise, with total = sum |amounts| over the deals: exact whenever the won total has
 * at most 65,536 distinct possible values, whatever the number of deals; otherwise within
 * 0.03 % of the total, for every input (near-certain, near-impossible, equal and mixed,
 * negative amounts). Exact: up to 20 uncertain deals always (every total listed); beyond,
 * on the lattice of the amounts' common unit when it has at most 65,536 points, else the
 * sparse list while it stays at 65,536 totals (cost: uncertain deals x totals). Otherwise
 * (and always from 65,536 uncertain deals on, which have more totals) a deterministic grid
 * + normal approximation with a skewness term (pc_quantile.c); 1,000,000 deals take a few
 * 0.01 s. The tests (tests/core/test-forecast.c, quantile/promise) and the fuzzer check it
 * against an exact reference.
 * Same inputs, same bits, on every machine.
 * Returns PC_ERR_NUM when q is outside (0, 1), an amount is not finite, a probability is
 * outside [0, 1] or the result overflows; PC_ERR_NOMEM when memory runs out. */
PcStatus pc_won_total_quantile(const double *amounts, const double *probs, gsize n, double q,
                               double *result);

/* The NQ quantiles QS of the same won total into RESULTS, the distribution built once: the
 * same bits as NQ calls of pc_won_total_quantile(), a fraction of the time (P10, P50 and
 * P90 together). PC_ERR_NUM when any q is outside (0, 1); RESULTS is set only on PC_OK. */
PcStatus pc_won_total_quantiles(const double *amounts, const double *probs, gsize n,
                                const double *qs, gsize nq, double *results);

#endif
