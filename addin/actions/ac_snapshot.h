/* ac_snapshot.h - the "Snapshot" action: today's deals appended to the sheet marked
 * PIPECALC_SNAPSHOTS (or a new "Pipeline history" sheet) by the plan of rp_snapshot.h, in
 * one undo step. */
#ifndef AC_SNAPSHOT_H
#define AC_SNAPSHOT_H

#include "cc_table.h"

/* Run the action on T. TRUE with the report in *MESSAGE, or FALSE with the user's sentence
 * why nothing was written (g_free either). */
gboolean ac_snapshot_run(CcLeadTable *t, char **message);

/* The Pipeline history of T's document as written (the marked range, header first), and
 * its first row on its sheet into *ROW0 (0-based); NULL when there is none yet. */
PcTable *ac_snapshot_history(const CcLeadTable *t, gsize *row0);

#endif
