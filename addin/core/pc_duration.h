/* pc_duration.h - STAGE_DURATION: how long deals stay in a stage, from a dated stage log.
 *
 * STAGE_DURATION(StageLog; Stage; [Percentile]). StageLog has three columns: deal id |
 * stage entered | date entered. Each deal's entries are ordered by date, ties by their order
 * in the log. A stay begins at an entry of a stage and ends at the deal's next entry of a
 * different stage: a repeated entry of the same stage continues the stay, and a deal that
 * leaves and re-enters a stage has several stays. Its length is the difference of the date
 * serials, fractions kept (0 on the same date). The deal's last stay has no end: it is open
 * and not counted. The result is the mean of the completed stays in Stage or, with
 * Percentile in (0, 1], that percentile of them as PERCENTILE.INC computes it (0 or empty
 * means the mean). No completed stay: PC_ERR_DIV0.
 *
 * Rules of reading, beyond the specification (issue 15):
 * - StageLog must be 3 columns wide (else PC_ERR_ARG); rows in any order. A row whose three
 *   cells are blank (white space counts as blank) is skipped.
 * - Header: the first row is skipped when its three cells are non-blank texts ("Deal" |
 *   "Stage" | "Date entered": a text is invalid as a date). Only the first row.
 * - Deal ids match as in STAGE_CONVERSION's log: numbers by value, texts by pc_text_key, and
 *   a number never equals a text. Stages match by pc_text_key ("Proposal" = "proposal ").
 * - A row with a blank id, a blank stage or a blank date: PC_ERR_NA (missing data). An
 *   error value anywhere, a number as a stage or a text as a date: PC_ERR_VALUE. A
 *   non-finite id or date: PC_ERR_NUM. Each message names the row (1-based in the range).
 * - Stage is a name (UTF-8); an empty one is PC_ERR_VALUE. A stage the log never names
 *   has no completed stay: PC_ERR_DIV0, saying so.
 * - Percentile below 0 or above 1: PC_ERR_NUM; text: PC_ERR_VALUE (pc_optional_number).
 * Cost: O(n log n) for n rows (one sort), memory O(n).
 */
#ifndef PC_DURATION_H
#define PC_DURATION_H

#include "pc_status.h"
#include "pc_table.h"

/* Argument positions, for PcError.arg. */
enum { PC_DURATION_LOG, PC_DURATION_STAGE, PC_DURATION_PERCENTILE };

/* A stay still open at the end of the log: the deal's last stage. */
typedef struct {
    gsize first_row; /* 0-based row of the log where the deal's id first appears */
    double since;    /* date serial the stay began */
} PcOpenStay;

/* Every stay in one stage. */
typedef struct {
    char *name;          /* as first spelled in the log */
    double *done;        /* the completed stays' lengths in days, ascending */
    gsize n_done;
    PcOpenStay *open;    /* the deals whose last stay is in this stage, by first_row */
    gsize n_open;
} PcStageStays;

/* The stays of a whole log, stages in order of first appearance. */
typedef struct {
    PcStageStays *stages;
    gsize n_stages;
    gsize n_deals;
} PcStays;

/* Read STAGE_LOG (argument ARG) by the rules above into *STAYS (free with pc_stays_free;
 * NULL on failure). An empty log (0 rows) gives no stage. */
PcStatus pc_stays_read(const PcTable *stage_log, int arg, PcStays **stays, PcError *err);

void pc_stays_free(PcStays *stays);

/* The stays in the stage named NAME (pc_text_key comparison), or NULL. */
const PcStageStays *pc_stays_find(const PcStays *stays, const char *name);

/* PERCENTILE.INC of the N ascending values SORTED for P in [0, 1]: the value at rank
 * (N - 1) P, interpolated linearly between its neighbours. N must be at least 1. */
double pc_percentile_inc(const double *sorted, gsize n, double p);

/* STAGE_DURATION itself. PERCENTILE is NULL when omitted. */
PcStatus pc_stage_duration(const PcTable *stage_log, const char *stage, const PcTable *percentile,
                           double *result, PcError *err);

#endif
