/* rp_score.h - the plan of the Score column, and the factors behind one lead's score.
 *
 * LEAD_SCORE (pc_lead_score) learns from the closed rows (won / lost) of the table itself
 * or of a history table, on every scoring-attribute column of the table (a history table's
 * columns matched to them by header, pc_roles_column_of; an attribute it lacks is left
 * out), and scores the table's open rows. The plan is one column as tall as the table,
 * right of it (RP_PLACE_COLUMN): the header "Score", each open row's win probability as a
 * percent value (values, not an array formula: an array block would break sorting and
 * inserting rows), closed and blank rows empty, coloured in five steps. */
#ifndef RP_SCORE_H
#define RP_SCORE_H

#include "rp_plan.h"

#define RP_MARKER_SCORE "PIPECALC_SCORE"

typedef struct {
    RpPlan *plan;
    gsize scored;        /* open leads scored */
    gsize won, lost;     /* closed deals learned from */
    char *attributes;    /* the headers of the attribute columns used: "Source, Industry" */
    char *history;       /* the history table learned from ("History.A1:B9"); NULL: S's own */
} RpScore;

/* Plan the Score column of S into *SC, learning from HISTORY's closed rows (NULL: S's
 * own). FALSE with the user's sentence in *MESSAGE (g_free) when nothing can be scored. */
gboolean rp_score_plan(const RpSource *s, const RpSource *history, RpScore *sc, char **message);

/* The report of a written plan, COLUMN naming where the writer put it ("Sheet1.I1:I9"):
 * how many were scored from how many closed deals on which columns, the colour note, and
 * the history table learned from (g_free). */
char *rp_score_report(const RpScore *sc, const char *column);

void rp_score_clear(RpScore *sc);

/* The stage factor of the deck's Score (LEAD_SCORE, the function, has none): a lead at
 * stage s has the odds LEAD_SCORE gives it on its attributes times
 *     P(reached s | won) / P(reached s | lost),
 * each smoothed as LEAD_SCORE smooths a value, (count + 1) / (deals + 2) (reached or not:
 * two states, LEAD_SCORE's default Smoothing 1). A won deal reached every stage, a lost
 * one the stages up to its own, the first when its stage cell holds only an outcome word
 * or nothing (the forecast's rule, rp_closed_stage_data); stages in the forecast's order
 * (pc_roles_stage_order). Without attributes LEAD_SCORE's odds are the prior won:lost, so
 * the Score at s is the odds of winning among the deals that reached s, the forecast's
 * STAGE_CONVERSION(s -> won) up to the smoothing. */
typedef struct {
    char **order;        /* stages of the table learned from, in funnel order */
    char **keys;         /* their pc_text_key */
    gsize k;             /* 0: no stage column (or no stage), no stage factor */
    gsize won, lost;     /* closed deals learned from */
    gsize *lost_reached; /* per stage: lost deals that reached it */
    double *log_factor;  /* per stage: the natural log of the stage factor */
} RpStageOdds;

/* Learn the stage factors of LEARN's closed rows into *SO (rp_stage_odds_clear). */
void rp_stage_odds_learn(const RpSource *learn, RpStageOdds *so);

/* The stage of SO that cell ROW, STAGE_COL of T names (by pc_text_key), or -1. */
gssize rp_stage_odds_find(const RpStageOdds *so, const PcTable *t, gsize row, gssize stage_col);

void rp_stage_odds_clear(RpStageOdds *so);

/* Why data row ROW of S (row 0 is the header) scores what it does, from the same model as
 * rp_score_plan with the same HISTORY: "Cyan: 88% win probability (all closed deals: 60%).
 * Because of:" and a line per attribute value, strongest first, saying in probabilities what
 * that value alone does to the base probability: "Source = Web raises this lead's win
 * probability from 60% to 71%", the percentages written by NUMBER (g_free). NULL when ROW is no
 * open row of S or nothing can be learned. */
char *rp_score_factors(const RpSource *s, const RpSource *history, gsize row, RpNumberText number);

#endif
