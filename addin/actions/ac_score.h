/* ac_score.h - the "Score leads" action.
 *
 * Plans the Score column (rp_score.h: LEAD_SCORE trained on the won and lost rows, the
 * open rows' win probabilities as values) and has the writer put it beside the table
 * (cc_writer.h). The column is marked by the named range PIPECALC_SCORE; running again
 * refreshes it in place. Which history table it learned from is remembered in the
 * document, so that the factors of a lead come from the model that scored it. */
#ifndef AC_SCORE_H
#define AC_SCORE_H

#include "cc_table.h"

/* Run the action on T. TRUE with the report in *MESSAGE, or FALSE with the user's
 * sentence why nothing was written (g_free either). */
gboolean ac_score_run(CcLeadTable *t, char **message);

/* ac_score_run learning from the won / lost rows of the history table H instead of T's own
 * (H NULL: T's). T's attribute columns are matched to H's by header; only those found in H
 * are used. */
gboolean ac_score_run_history(CcLeadTable *t, const CcLeadTable *h, char **message);

/* For the open lead in the row of CONTROLLER's cell cursor, once T has our Score column:
 * its score and the attribute values that raised (+) or lowered (-) it, as odds factors,
 * strongest first, from LEAD_SCORE's own model (pc_lead_factors) (g_free). NULL when the
 * cursor is on no open data row of T or T was not scored. */
char *ac_score_factors(const CcLeadTable *t, uno_Interface *controller);

#endif
