/* rp_groups.h - the deals of a lead table broken down by the values of one column.
 *
 * The Products and Patterns reports state, for each value of a column (a product, a lead
 * source, an owner), what its deals have done: open, won and lost deals and amounts, the
 * win rate and the average sales cycle (pc_deals.h, the counts SALES_VELOCITY uses).
 * Values match by pc_text_key ("Web" = " web"); numbers are values too, and a blank cell is
 * a value of its own, named "(none)". Blank rows are skipped. */
#ifndef RP_GROUPS_H
#define RP_GROUPS_H

#include "pc_deals.h"
#include "rp_plan.h"

typedef struct {
    char *name;      /* the value as first typed; "(none)" for blank cells */
    gboolean blank;
    PcDeals deals;
    GArray *rows;    /* the group's data rows of the table (gsize, 1-based: row 0 is the header) */
    GArray *open;    /* ... of them, the open deals' rows */
} RpGroup;

typedef struct {
    RpGroup *groups; /* in order of first appearance */
    gsize n;
    PcDeals all;     /* every deal of the table */
    gsize no_cycle;  /* won deals without a usable cycle: a date missing or not a number, or
                        closed before created; counted, but not in any average cycle */
    gboolean dated;  /* the table has both a created and a close date column */
} RpGroups;

/* Break S's deals down by the values of column COL (KEYS = pc_text_keys(S's cells)) into
 * *G. An amount that is text or an error value stops it: FALSE with the user's sentence,
 * naming the sheet row, in *MESSAGE (g_free); *G is then cleared. An empty amount counts 0,
 * as PIPELINE_FORECAST counts it. */
gboolean rp_groups_by(const RpSource *s, GPtrArray *keys, gsize col, RpGroups *g, char **message);

void rp_groups_clear(RpGroups *g);

/* Append to NOTE (after a space when it holds text) what the average cycles leave out: no
 * date columns (DATED FALSE), or NO_CYCLE won deals without usable dates. Nothing when
 * neither. */
void rp_groups_cycle_note(GString *note, gboolean dated, gsize no_cycle);

#endif
