/* pc_changes.h - what changed in the pipeline between two snapshots (issue 16): the
 * waterfall from the earlier snapshot's open pipeline to the later one's.
 *
 * A deal is in a snapshot's pipeline when it is open there and, with a period given, its
 * close date lies in the period (whole days, bounds inclusive; 0 is an open bound). START is
 * the pipeline amount of the earlier snapshot A, END the later one's (B). Every deal of A or
 * B falls into at most one change, its signed amount the step it moves the pipeline by:
 *   in A's pipeline, and in B's:  its amount grew: + increase (B - A); shrank: - decrease;
 *                                 unchanged: no change;
 *   in A's pipeline, not in B's:  won in B: - won; lost in B: - lost; absent from B:
 *                                 - removed; open in B but its close date now outside the
 *                                 period: - pushed out (later, or earlier than the period);
 *   not in A's pipeline, in B's:  absent from A: + new; present in A (open outside the
 *                                 period, or closed and reopened): + pulled in.
 * So START + the sum of every change = END, up to rounding of the amounts' sums (compensated
 * sums: the tests check agreement to 1e-9 of the largest amount). Deals match by name
 * (pc_text_key); an empty amount counts 0. A deal open in both snapshots whose close date
 * moved later has slipped: SLIPPED_DAYS > 0, whatever its period.
 */
#ifndef PC_CHANGES_H
#define PC_CHANGES_H

#include "pc_months.h"
#include "pc_num.h"
#include "pc_status.h"
#include "pc_text.h"

typedef enum {
    PC_CHANGE_NONE = -1,
    PC_CHANGE_NEW,
    PC_CHANGE_INCREASE,
    PC_CHANGE_PULLED_IN,
    PC_CHANGE_WON,
    PC_CHANGE_LOST,
    PC_CHANGE_PUSHED_OUT,
    PC_CHANGE_DECREASE,
    PC_CHANGE_REMOVED,
    PC_N_CHANGES
} PcChangeKind;

/* One deal of a snapshot. */
typedef struct {
    const char *name;   /* as typed; matched by pc_text_key */
    double amount;      /* 0 when empty */
    double close;       /* close date serial; 0 when none */
    PcOutcome outcome;
    const char *stage;  /* as typed; NULL when none */
    const char *owner;  /* as typed; NULL when none */
    gboolean typed;     /* a probability was typed for the deal: PROBABILITY */
    double probability;
} PcSnapDeal;

/* One deal's change: INDEX into B's deals when it is there, else into A's (FROM_A). */
typedef struct {
    gsize index;
    gboolean from_a;
    PcChangeKind kind;  /* PC_CHANGE_NONE: in both pipelines, amount unchanged */
    double amount;      /* signed: + raises the pipeline, - lowers it */
    double slipped_days; /* > 0: open in both, close date moved later by so many days */
} PcChange;

typedef struct {
    double start, end;
    gsize start_deals, end_deals; /* the deals in A's and in B's pipeline */
    double total[PC_N_CHANGES];   /* signed sums per kind */
    gsize count[PC_N_CHANGES];    /* deals per kind */
    PcChange *changes;            /* one per deal of A or B that changed or slipped */
    gsize n_changes;
} PcChanges;

/* The changes from A (NA deals) to B (NB deals) for the period PERIOD_START..PERIOD_END
 * (0: open bound) into *OUT (pc_changes_free). PC_ERR_ARG with a message naming the deal
 * when a name appears twice in one snapshot or is blank; PC_ERR_NUM for a non-finite amount
 * or date. */
PcStatus pc_changes_compute(const PcSnapDeal *a, gsize na, const PcSnapDeal *b, gsize nb,
                            double period_start, double period_end, PcChanges **out,
                            PcError *err);

void pc_changes_free(PcChanges *c);

/* The waterfall of one close month: the period its first to its last day. */
typedef struct {
    gint month;                 /* as pc_month_of_serial */
    double start, end;
    double total[PC_N_CHANGES];
    gsize count[PC_N_CHANGES];
} PcMonthChanges;

/* The waterfall of every close month of an open deal of A or B, as pc_changes_compute with
 * that month as the period would give it, sorted by month, into *OUT (g_free) and *N, in
 * time linear in the deals (a deal moves at most two months). Deals without a close date
 * are in no month. Failures as pc_changes_compute's. */
PcStatus pc_changes_months(const PcDates *dates, const PcSnapDeal *a, gsize na,
                           const PcSnapDeal *b, gsize nb, PcMonthChanges **out, gsize *n,
                           PcError *err);

/* How often a deal's close date moved later across its snapshots: CLOSES[0..N) its close
 * dates, oldest first, 0 where it had none (skipped) - into *TIMES, and the days it moved
 * later in all into *DAYS (whole days; moves earlier do not count against them). */
void pc_changes_slips(const double *closes, gsize n, gsize *times, double *days);

#endif
