/* ac_changes.h - the "What changed" action: two snapshots of the Pipeline history compared
 * by the plan of rp_changes.h, written to the sheet marked PIPECALC_CHANGES (or a new
 * "Pipeline changes" sheet) in one undo step. */
#ifndef AC_CHANGES_H
#define AC_CHANGES_H

#include "cc_table.h"

/* Run the action on T: SNAPSHOTS the days to compare as the manager typed them ("" the two
 * latest; one date: that one with the latest; two, ';' between them: those), START..END
 * the period (0: open). TRUE with the report in *MESSAGE, or FALSE with the user's
 * sentence why nothing was written (g_free either). */
gboolean ac_changes_run(CcLeadTable *t, const char *snapshots, double start, double end,
                        char **message);

#endif
