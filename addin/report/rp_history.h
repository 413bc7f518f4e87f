/* rp_history.h - the "Pipeline history" sheet's layout, and its snapshots read back.
 *
 * Snapshot (rp_snapshot.h) writes one flat table, a block of rows per day:
 *   Snapshot | Deal | Stage | Amount | Close date | Owner | Outcome | Probability
 * What changed and Forecast accuracy read it back here as snapshots, oldest first. Rows
 * are grouped by their Snapshot day, whatever their order on the sheet (a manager may sort
 * it); blank rows are skipped. */
#ifndef RP_HISTORY_H
#define RP_HISTORY_H

#include "pc_changes.h"
#include "rp_plan.h"

enum {
    RP_HISTORY_DATE, RP_HISTORY_DEAL, RP_HISTORY_STAGE, RP_HISTORY_AMOUNT, RP_HISTORY_CLOSE,
    RP_HISTORY_OWNER, RP_HISTORY_OUTCOME, RP_HISTORY_PROBABILITY, RP_HISTORY_COLS
};

/* The header text of history column COL (untranslated: N_). */
const char *rp_history_head(gsize col);

/* TRUE when T's row 0 is the header Snapshot writes, in English or in the user interface's
 * language. */
gboolean rp_history_is(const PcTable *t);

/* One snapshot: every deal of the table on day DATE. Its strings point into the history
 * table read (or into the history's own store): they live as long as both. */
typedef struct {
    double date;
    PcSnapDeal *deals;
    gsize n;
} RpSnapshotDeals;

typedef struct {
    RpSnapshotDeals *snap; /* oldest first, one per day */
    gsize n;
    GStringChunk *names;   /* deal names typed as numbers, as text */
} RpHistory;

/* The snapshots of T (a table rp_history_is, header first) into *H (rp_history_clear;
 * cleared first). FALSE with the user's sentence in *MESSAGE (g_free): T is no history, or
 * a row (its sheet row: ROW0 + its index + 1) has no Snapshot date, no deal name, a text
 * amount, close date or probability, or a probability outside 0-1. */
gboolean rp_history_read(const PcTable *t, gsize row0, RpHistory *h, char **message);

void rp_history_clear(RpHistory *h);

#endif
