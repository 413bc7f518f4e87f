/* rp_snapshot.h - the plan of the "Pipeline history" sheet: snapshots of the lead table.
 *
 * Each snapshot appends every deal of the table - open, won and lost - with the day it was
 * taken, as one block of rows of one flat table:
 *   Snapshot | Deal | Stage | Amount | Close date | Owner | Outcome | Probability
 * Outcome is the deal's as the deck reads it (pc_roles_row_outcome: Won, Lost or Open, in
 * the user interface's words); a column the table lacks stays empty. The blocks already on
 * the sheet (OLD, the marked range as read back, header first) are kept as they are, in
 * order; a second snapshot on the same day replaces that day's block. Deals are told apart
 * by the deal-name column (pc_text_key): without one, or with two deals of one name, the
 * plan refuses and says why. Values only. The later reports of issue 16 (what changed,
 * forecast accuracy) read this table back. */
#ifndef RP_SNAPSHOT_H
#define RP_SNAPSHOT_H

#include "rp_plan.h"

#define RP_MARKER_SNAPSHOTS "PIPECALC_SNAPSHOTS"

enum { RP_SNAPSHOT_COLS = 8 }; /* RP_HISTORY_COLS */

typedef struct {
    RpPlan *plan;
    gsize deals;      /* deals in the new block */
    gsize snapshots;  /* blocks on the sheet, the new one included */
    gboolean replaced; /* the new block replaced one of the same day */
} RpSnapshot;

/* Plan the history with S's deals as of TODAY (a date serial of S's date system) appended
 * to OLD (NULL or 0 rows: none yet) into *R. FALSE with the user's sentence in *MESSAGE
 * (g_free): no deal-name column, a name twice, OLD not a history this plan wrote, or more
 * rows than a sheet holds. */
gboolean rp_snapshot_plan(const RpSource *s, const PcTable *old, double today, RpSnapshot *r,
                          char **message);

void rp_snapshot_clear(RpSnapshot *r);

#endif
