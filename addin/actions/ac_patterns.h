/* ac_patterns.h - the "Write patterns" action: the plan of rp_patterns.h, written by
 * cc_writer onto the sheet marked PIPECALC_PATTERNS (or a new "Patterns" sheet) in one undo
 * step, with the dated stage log the manager names or the deck finds. */
#ifndef AC_PATTERNS_H
#define AC_PATTERNS_H

#include "cc_table.h"

/* The dated stage log for T (g_free'd into *WHERE as "History.A1:C612"): the table LOG
 * names (a range or named range, its first three columns), or, LOG empty, the first other
 * sheet whose table at A1 heads a stage log (pc_roles_is_stage_log). NULL without one; NULL
 * with the user's sentence in *MESSAGE when LOG names nothing. */
PcTable *ac_patterns_find_log(const CcLeadTable *t, const char *log, char **where, char **message);

/* Run the action on T with the stage log LOG ("" or NULL: found). TRUE with the report in
 * *MESSAGE, or FALSE with the user's sentence why nothing was written (g_free either). */
gboolean ac_patterns_run(CcLeadTable *t, const char *log, char **message);

#endif
