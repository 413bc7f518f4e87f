/* ac_funnel.h - the "Write funnel" action: the plan of rp_funnel.h, written by cc_writer
 * onto the sheet marked PIPECALC_FUNNEL (or a new "Funnel" sheet) in one undo step; a
 * re-run refreshes the same sheet. */
#ifndef AC_FUNNEL_H
#define AC_FUNNEL_H

#include "cc_table.h"
#include "rp_funnel.h"

#define AC_MARKER_FUNNEL RP_MARKER_FUNNEL

/* Run the action on T for TARGET (> 0). TRUE with the report in *MESSAGE, or FALSE with
 * the user's sentence why nothing was written (g_free either). */
gboolean ac_funnel_run(CcLeadTable *t, double target, char **message);

/* Read a target typed in the panel (UTF-8) as Calc reads it typed into a cell of MODEL:
 * by the office's Locale setting (cc_locale). FALSE when TEXT is no number. */
gboolean ac_funnel_parse_target(uno_Interface *model, const char *text, double *target);

#endif
