/* rp_patterns.h - the plan of the Patterns sheet: what wins deals, and where they stall.
 *
 * Columns broken down: every column whose role scores (pc_role_scores: attributes and the
 * product) or is the owner, in table order, named by its header (rp_groups.h: values match
 * by pc_text_key, a blank cell is the value "(none)"). A column is left out, and a note
 * says so, when it has more than RP_PATTERNS_MAX_VALUES values (free text), one value for
 * every row (nothing to compare), or no value with PC_EVIDENCE_MIN_PER_VALUE closed deals.
 *
 * The sheet, top to bottom (COLS = 10 columns; every sentence is a row of its own, merged
 * across them, so that it sizes no column):
 *   title; the source line (closed deals, won, the overall win rate);
 *   "What stands out": one sentence per standout, largest difference from the overall win
 *     rate first (ties: column, then row order), or one sentence that nothing does;
 *   the note of the rule and the threshold; notes on the columns left out, on a missing
 *     amount column, on missing or unusable dates; an empty row;
 *   per column a block: a header row (the column's header, then Closed deals | Won deals |
 *     Win rate | Win rate low (90 %) | Win rate high (90 %) | Average won deal | Average
 *     cycle (days) | Open deals | Velocity (per day)), a row per value with at least
 *     PC_EVIDENCE_MIN_PER_VALUE closed deals sorted by win rate (highest first; ties: more
 *     closed deals, then first appearance), one "Other" row of all thinner values' deals
 *     added up (pc_deals_merge; only when there are such values; style MUTED), the row of
 *     all deals
 *     (style TOTAL), an empty row;
 *   the stage log part (below).
 * Counts and days are RP_FORMAT_INTEGER (days keep their fractions), rates
 * RP_FORMAT_PERCENT, amounts and the velocity (revenue per day, pc_deals_velocity: open
 * deals x win rate x average won deal / average cycle) RP_FORMAT_AMOUNT; "-" where a figure
 * cannot be said (NAN; without an amount column the average won deal and the velocity).
 * The interval is Wilson's at 90 % (pc_deals_win_interval, PC_DEALS_Z90), shown as its two
 * ends: it is not symmetric around the rate. The sentences give its half-width (hi - lo) /
 * 2 as "± n %".
 *
 * A value stands out when its 90 % interval lies entirely above or entirely below the
 * overall win rate of the table (the "All deals" row; "Other" never stands out):
 *   "Source Referral: won 48 % (± 9 %) vs 31 % overall, 12 days faster."
 * Percentages whole, by NUMBER; the cycle comparison only when both average cycles are
 * known and differ by at least 1 day (whole days, by NUMBER).
 *
 * The stage log part, when STAGE_LOG is given (deal id | stage | date entered, read by
 * pc_stays_read as STAGE_DURATION reads it):
 *   "Time in stage": Stage | Completed stays | Median days | P90 days | Still open, one row
 *     per stage of the log (PERCENTILE.INC of its completed stays; "-" without one), in the
 *     table's funnel order (pc_roles_stage_order) and then the log's other stages as they
 *     first appear. Stages that are outcome words ("Won", "Closed lost") are left out: a
 *     deal there is closed, not open.
 *   "Where deals stall": the largest drop, from the table's funnel as the Funnel sheet
 *     counts it (the closed deals, rp_stages.h; the stage whose conversion to the next
 *     stage, or to won after the last, is lowest; ties: the earlier stage), and the stage
 *     with the longest median stay, each a sentence (or why it cannot be said).
 *   "Open longer than usual": Deal | Stage | Days in stage | P90 days, the deals whose open
 *     stay (their last entry) has lasted longer than the P90 of that stage's completed stays
 *     on date serial TODAY, longest first (ties: log order), at most RP_PATTERNS_MAX_LISTED
 *     rows, then "... and n more". The deal is the log's id cell at its first row. A deal
 *     whose id is a closed (won or lost) deal of the table is left out: the log's id matches
 *     the table's id column (PC_ROLE_ID), or without one its name column (PC_ROLE_NAME),
 *     texts by pc_text_key and numbers by value (a number never equals a text); a table with
 *     neither excludes none. TODAY not finite: no listing.
 * A log that does not read gives one note with the core's reason instead, and the rest of
 * the sheet is written; without a log, one note says what a log would add.
 *
 * A chart: horizontal bars of the win rate per value of the column of the largest standout
 * (without one, the first column broken down), its Other and All deals rows included,
 * beside the blocks. No frozen rows (the sheet has several blocks). Values only: a snapshot
 * of the table. */
#ifndef RP_PATTERNS_H
#define RP_PATTERNS_H

#include "rp_plan.h"

#define RP_MARKER_PATTERNS "PIPECALC_PATTERNS"

/* A column with more values than this is free text, and not broken down. */
#define RP_PATTERNS_MAX_VALUES 50
/* At most this many deals are listed as open longer than usual. */
#define RP_PATTERNS_MAX_LISTED 50

typedef struct {
    RpPlan *plan;
    gsize standouts;       /* values that stand out, over all columns */
    gsize columns;         /* columns broken down (blocks) */
    gboolean log_used;     /* STAGE_LOG was read and its part written */
    char *first_standout;  /* the first sentence under "What stands out": the largest
                              standout, or that nothing stands out (g_free) */
    gsize stalled;         /* deals open longer than usual (all, not only those listed) */
} RpPatterns;

/* Plan the patterns of S into *P, with STAGE_LOG (NULL: none) as of TODAY (a date serial
 * in the document's date system, S's dates, as the log's dates are; the Calc layer passes
 * the current date), numbers in sentences written by NUMBER (the Calc layer passes
 * tx_text_number; a test its own). FALSE
 * with the user's sentence in *MESSAGE (g_free) when the table cannot give one: no column
 * to break down, no won or no lost deal, a text amount. */
gboolean rp_patterns_plan(const RpSource *s, const PcTable *stage_log, double today,
                          RpNumberText number, RpPatterns *p, char **message);

void rp_patterns_clear(RpPatterns *p);

/* For Data checks: how many open deals of STAGE_LOG have been in their stage longer than the
 * P90 of its completed stays on TODAY, by the rules of "Open longer than usual" above, into
 * *N, and the longest of them as "Deal 162: 113 days in Lead (P90: 49)" in *LONGEST (g_free;
 * NULL when none), numbers written by NUMBER. FALSE when the log does not read. */
gboolean rp_patterns_stalled(const RpSource *s, const PcTable *stage_log, double today,
                             RpNumberText number, gsize *n, char **longest);

#endif
