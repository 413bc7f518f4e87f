/* ac_categories.h - the "Forecast categories" action: the reps' categories rolled up by
 * month or quarter beside the forecast and the manager's targets, by the plan of
 * rp_commit.h, written to the sheet marked PIPECALC_CATEGORIES (or a new "Forecast
 * categories" sheet) in one undo step. */
#ifndef AC_CATEGORIES_H
#define AC_CATEGORIES_H

#include "cc_table.h"

/* Run the action on T: GIVEN the manager's stage probabilities (NULL: learned, as Write
 * forecast); TARGETS as typed ("2027-01=100000; Q2 2027=300000"), a range or named range
 * of a targets table, or "" for the table at A1 of a sheet named Targets (Ziele), if any.
 * TRUE with the report in *MESSAGE, or FALSE with the user's sentence (g_free either). */
gboolean ac_categories_run(CcLeadTable *t, const PcTable *given, const char *targets,
                           char **message);

#endif
