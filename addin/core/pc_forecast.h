/* pc_forecast.h - PIPELINE_FORECAST: expected (or quantile of) won revenue. */
#ifndef PC_FORECAST_H
#define PC_FORECAST_H

#include "pc_status.h"
#include "pc_table.h"

/* Arguments as Calc hands them over. Optional ones are NULL when omitted; a 1 x 1 table
 * holding 0 or an empty cell also means omitted (Calc passes a reference to an empty
 * cell as 0). Argument positions for PcError.arg: amounts 0, stages 1, probabilities 2,
 * close_dates 3, period_start 4, period_end 5, percentile 6. */
typedef struct {
    const PcTable *amounts;
    const PcTable *stages;
    const PcTable *probabilities; /* stage | probability table, or one probability per deal */
    const PcTable *close_dates;   /* optional */
    const PcTable *period_start;  /* optional, 1 x 1 */
    const PcTable *period_end;    /* optional, 1 x 1 */
    const PcTable *percentile;    /* optional, 1 x 1 */
} PcForecastArgs;

/* Compute PIPELINE_FORECAST into *RESULT: sum of amount * probability over the counted
 * deals, or with a percentile q the q-quantile of the won total. On failure returns the
 * status, fills ERR (may be NULL) and leaves *RESULT untouched. */
PcStatus pc_pipeline_forecast(const PcForecastArgs *args, double *result, PcError *err);

/* The q-quantile (0 < q < 1) of sum(X_i * amounts[i]) where X_i ~ Bernoulli(probs[i])
 * independent: the smallest T with P(total <= T) >= q. Exact for n <= 20, a documented
 * deterministic approximation beyond. Returns PC_ERR_NOMEM only when memory runs out. */
PcStatus pc_won_total_quantile(const double *amounts, const double *probs, gsize n, double q,
                               double *result);

#endif
