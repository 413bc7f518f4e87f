/* ac_accuracy.h - the "Forecast accuracy" action: the past snapshots' forecasts against
 * what was won since, and the calibration of the stage probabilities and the Score, by
 * the plan of rp_accuracy.h, written to the sheet marked PIPECALC_ACCURACY (or a new
 * "Forecast accuracy" sheet) in one undo step. */
#ifndef AC_ACCURACY_H
#define AC_ACCURACY_H

#include "cc_table.h"

/* Run the action on T. TRUE with the report in *MESSAGE, or FALSE with the user's
 * sentence why nothing was written (g_free either). */
gboolean ac_accuracy_run(CcLeadTable *t, char **message);

#endif
