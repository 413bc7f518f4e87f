/* rp_commit.h - the plan of the "Forecast categories" sheet: the reps' forecast
 * categories rolled up by close month (or quarter), beside PIPELINE_FORECAST and the
 * manager's targets.
 *
 *   row 0     title
 *   rows 1..  notes: where the deals come from and how their probabilities are chosen
 *             (rp_probability.h: typed, else the stage's); how many open deals have a typed
 *             probability and the expected total at the stage probabilities only beside the
 *             one used; open deals without a category (counted as Pipeline; a table without
 *             a category column: every open deal); little history (pc_evidence.h)
 *   then      Month | Won | Commit | Won + Commit | Won + Commit + Best case |
 *             Weighted pipeline | Expected | P10 | P90 | Target | Coverage | Gap |
 *             Leads needed, a row per period, "(no date)" for open deals without a close
 *             date, then Total; a column chart of Won, Won + Commit, Won + Commit +
 *             Best case and Target per period, below.
 *
 * Periods are months, or quarters when the targets are per quarter (every row then a
 * quarter, "Q1 2027"): every period from the first to the last one with an open deal or a
 * target, none left out between (a month with nothing shows zeros). Per period:
 *   Won        the amounts of the won deals closing in it
 *   Commit     the amounts of its open deals at Commit (or Closed: a deal the CRM calls
 *              closed that the table still shows open)
 *   Best case  (in Won + Commit + Best case) the amounts of its open deals at Best case
 *   Weighted pipeline  amount x probability of its open deals at Pipeline or without a
 *              category; Omitted deals are in none of these
 *   Expected, P10, P90  PIPELINE_FORECAST over ALL its open deals (Omitted ones too: the
 *              function knows no categories) at the probabilities of rp_probability.h: the
 *              expected value (a compensated sum of amount x probability in table order,
 *              as the function adds) and pc_won_total_quantiles at 0.1 and 0.9 - the same
 *              bits as PIPELINE_FORECAST with a per-deal probability column over them
 *   Target     the period's target (empty without one, and so are the three after it)
 *   Coverage   Expected / remaining target, remaining = max(Target - Won, 0); "reached"
 *              when nothing remains
 *   Gap        max(remaining - Expected, 0)
 *   Leads needed  LEADS_NEEDED of the Gap at the average won deal (rp_average_won) from
 *              the first stage, counted as the Funnel sheet counts it: every closed deal
 *              reached the first stage, the won ones the last; "-" when the table has no
 *              won deal with an amount
 * Total: the sums of Won .. Expected over every row, P10 and P90 of all open deals; its
 * Target the sum of the targets, its Coverage the targeted periods' Expected over their
 * remaining targets, its Gap the sum of theirs, its Leads needed those of that Gap.
 * Values only, no live formulas: the categories are a snapshot, as the funnel's. */
#ifndef RP_COMMIT_H
#define RP_COMMIT_H

#include "rp_targets.h"

#define RP_MARKER_CATEGORIES "PIPECALC_CATEGORIES"

enum {
    RP_COMMIT_PERIOD, RP_COMMIT_WON, RP_COMMIT_COMMIT, RP_COMMIT_WON_COMMIT, RP_COMMIT_WON_BEST,
    RP_COMMIT_WEIGHTED, RP_COMMIT_EXPECTED, RP_COMMIT_P10, RP_COMMIT_P90, RP_COMMIT_TARGET,
    RP_COMMIT_COVERAGE, RP_COMMIT_GAP, RP_COMMIT_LEADS, RP_COMMIT_COLS
};

typedef struct {
    const PcTable *given;     /* the manager's stage | probability rows; NULL: learned */
    const RpTargets *targets; /* NULL or none: no Target .. Leads needed */
    RpNumberText number;      /* amounts in the notes */
} RpCommitOptions;

typedef struct {
    RpPlan *plan;
    gsize head_row;          /* the table's header row */
    gsize periods;           /* period rows (without "(no date)" and Total) */
    gsize open;              /* open deals */
    gsize typed;             /* ... of them with a typed probability */
    gsize uncategorised;     /* ... of them without a known category (counted as Pipeline) */
    gboolean has_category;   /* the table has a category column */
    double expected;         /* Total's Expected */
    double expected_stages;  /* ... at the stage probabilities only (a typed deal's own when
                                its stage has none) */
    gboolean thin;           /* the stage probabilities stand on little history */
} RpCommit;

/* Plan the categories of S with O into *C. FALSE with the user's sentence in *MESSAGE
 * (g_free) when the table cannot give them: no amount, stage or close date column, no
 * closed deals to learn the stage probabilities from (without O->given), no open deal, a
 * text amount or close date, a probability cell that holds none (rp_probability.h). */
gboolean rp_commit_plan(const RpSource *s, const RpCommitOptions *o, RpCommit *c,
                        char **message);

void rp_commit_clear(RpCommit *c);

#endif
