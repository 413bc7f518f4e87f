/* ac_forecast.h - the "Write forecast" action: the Forecast sheet's plan (rp_forecast.h:
 * stage probabilities, months, owners, live PIPELINE_FORECAST formulas, the chart) written
 * by cc_writer onto the sheet "Forecast" marked by the named range PIPECALC_FORECAST. */
#ifndef AC_FORECAST_H
#define AC_FORECAST_H

#include "cc_table.h"

/* Run the action on T. TRUE with the report in *MESSAGE, or FALSE with the user's
 * sentence why nothing was written (g_free either). */
gboolean ac_forecast_run(CcLeadTable *t, char **message);

/* The same for the deals closing in [START, END] (Calc date serials, inclusive by whole
 * days; 0 = open), counted by PIPELINE_FORECAST's own PeriodStart / PeriodEnd: only the
 * months with days in the period get a row, their From / Until clipped to it; undated
 * deals do not count once a bound is given. START after END: refused. */
gboolean ac_forecast_run_period(CcLeadTable *t, double start, double end, char **message);

/* ac_forecast_run_period with the manager's stage probabilities GIVEN (stage text |
 * probability in 0-1 per row; NULL: learned from the closed deals). Every open stage needs
 * a row of GIVEN (matched by pc_text_key); then no closed deals are needed. */
gboolean ac_forecast_run_stages(CcLeadTable *t, const PcTable *given, double start, double end,
                                char **message);

/* The manager's stage probabilities from SPEC: "Lead=10%; Qualified=0.25" (rp_stages_parse),
 * or else a stage table's range in MODEL (a named range or an address; header row first,
 * its stage column, or the first, and its probability column, or the second). A stage | probability table (pc_table_free), or
 * NULL with the user's sentence. */
PcTable *ac_forecast_given_stages(uno_Interface *model, const char *spec, char **message);

/* The learned stage probabilities of T, the same the forecast uses, as
 * "Lead=10%; Qualified=25%" in funnel order (g_free), or NULL with the user's sentence. */
char *ac_forecast_stage_text(CcLeadTable *t, char **message);

#endif
