/* pc_quantile.h - internal: the won-total distribution behind PIPELINE_FORECAST's Percentile.
 *
 * pc_won_total_quantile() (declared in pc_forecast.h) picks the exact or the approximate
 * method itself. The approximate method is exposed here only so that the tests can force
 * it on inputs small enough to enumerate.
 */
#ifndef PC_QUANTILE_H
#define PC_QUANTILE_H

#include "pc_status.h"

/* Compute the same q-quantile as pc_won_total_quantile(), always with the grid + normal
 * approximation described in pc_quantile.c, whatever N is. Same arguments, same
 * statuses. For tests. */
PcStatus pc_won_total_quantile_approx(const double *amounts, const double *probs, gsize n,
                                      double q, double *result);

#endif
