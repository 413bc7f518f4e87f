/* ac_snapshot.h - the "Snapshot" action: today's deals appended to the sheet marked
 * PIPECALC_SNAPSHOTS (or a new "Pipeline history" sheet) by the plan of rp_snapshot.h, in
 * one undo step. */
#ifndef AC_SNAPSHOT_H
#define AC_SNAPSHOT_H

#include "cc_table.h"

/* Run the action on T. TRUE with the report in *MESSAGE, or FALSE with the user's sentence
 * why nothing was written (g_free either). */
gboolean ac_snapshot_run(CcLeadTable *t, char **message);

#endif
