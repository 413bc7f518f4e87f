/* ac_funnel.h - the "Funnel" action.
 *
 * From the table's closed deals (won deals at the won stage, lost deals at the stage they
 * show, as Write forecast reads them: ac_closed_stage_data) it writes a sheet "Funnel": per
 * stage of the guessed order the deals that reached it (pc_funnel_reached), the conversion
 * to the next stage and to won (STAGE_CONVERSION, pc_stage_conversion) and the deals needed
 * at that stage for the manager's target (LEADS_NEEDED, pc_leads_needed; the target is won
 * revenue when the won deals have amounts, else a number of won deals), with a bar chart of
 * the deals reached. Values only; marked by the named range PIPECALC_FUNNEL; one undo step;
 * a re-run refreshes the same sheet. */
#ifndef AC_FUNNEL_H
#define AC_FUNNEL_H

#include "cc_table.h"

#define AC_MARKER_FUNNEL "PIPECALC_FUNNEL"

/* Run the action on T for TARGET (> 0). TRUE with the report in *MESSAGE, or FALSE with
 * the user's sentence why nothing was written (g_free either). */
gboolean ac_funnel_run(CcLeadTable *t, double target, char **message);

/* Read a target typed in the panel (UTF-8) as Calc reads it typed into a cell of MODEL:
 * by the office's Locale setting (cc_locale). FALSE when TEXT is no number. */
gboolean ac_funnel_parse_target(uno_Interface *model, const char *text, double *target);

#endif
