/* rp_changes.h - the plan of the "Pipeline changes" sheet: what changed between two
 * snapshots of the Pipeline history (rp_history.h), as pc_changes.h counts it.
 *
 *   rows 0-3   title; the two snapshots' days; the period (or all open deals); a note
 *   then       Step | Amount | Deals, and for the chart Base | Pipeline | Added | Taken off:
 *              the earlier snapshot's pipeline, the eight kinds of change in pc_changes.h's
 *              order (signed amounts), the later snapshot's pipeline. Start + the changes
 *              = end, exactly as the core sums them.
 *   then       a waterfall chart: stacked columns whose Base series is not drawn, so that
 *              each step floats where the one before it ended (Calc has no waterfall type)
 *   then       By close month: Month | Start | the eight kinds | End, each month the
 *              period (a deal whose close date moved months is pushed out of one and
 *              pulled into the other)
 *   then       By owner, when the history has owners: the same columns per owner (the
 *              later snapshot's owner of a deal, else the earlier's), and their total, which
 *              is the waterfall above
 *   then       Deals behind each step: Step | Deal | Owner | Stage before | Stage now |
 *              Amount before | Amount now | Close date before | Close date now | Change,
 *              by step, the largest change first
 *   then       Slipped deals (open in both, close date moved later): Deal | Owner | Close
 *              date before | now | Days later | Times slipped and Days slipped over every
 *              snapshot up to the later one | the close dates over those snapshots
 * Values only. */
#ifndef RP_CHANGES_H
#define RP_CHANGES_H

#include "rp_history.h"

#define RP_MARKER_CHANGES "PIPECALC_CHANGES"

typedef struct {
    double earlier, later; /* the snapshots' days; 0: the latest as LATER, the one before
                              LATER as EARLIER */
    double start, end;     /* the period: close dates from START to END, by whole days; 0 =
                              an open bound */
} RpChangesOptions;

typedef struct {
    RpPlan *plan;
    double earlier, later;  /* the days compared */
    double start, end;      /* the two pipelines */
    gsize changed;          /* deals behind the steps */
    gsize slipped;          /* deals that slipped */
} RpChanges;

/* Plan what changed in H (S: the lead table it was taken of, for the amount and date
 * formats and the date system) with O into *C. FALSE with the user's sentence in *MESSAGE
 * (g_free): fewer than two snapshots, no snapshot on a day asked for (the days there are
 * listed), the same day twice, a deal twice in one snapshot. */
gboolean rp_changes_plan(const RpSource *s, const RpHistory *h, const RpChangesOptions *o,
                         RpChanges *c, char **message);

void rp_changes_clear(RpChanges *c);

#endif
