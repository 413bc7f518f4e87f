/* rp_probability.h - THE rule for a deal's probability, for every report.
 *
 * A deal's probability is the one a rep typed into the table's probability column
 * (PC_ROLE_PROBABILITY) where the cell holds a number in 0-1; else its stage's probability
 * (RpStages: learned from the closed deals or typed by the manager as stage probabilities).
 * Nothing ever writes over a typed probability: a report shows the total at the stage
 * probabilities beside the one it uses, and says how many deals had one typed. The deck's
 * Score (LEAD_SCORE) is shown beside a forecast, never used in it.
 *
 * A probability cell that is not empty (white space counts as empty) and holds no number
 * in 0-1 - a text, an error, 25 for 25 % - is refused with the user's sentence naming its
 * sheet row, as a text amount is: no silent fallback to the stage. */
#ifndef RP_PROBABILITY_H
#define RP_PROBABILITY_H

#include "rp_stages.h"

typedef struct {
    const RpSource *src;
    const RpStages *st;
    gssize probability;      /* the probability column, -1 when none */
    gssize stage;            /* the stage column, -1 when none */
    GPtrArray *keys;         /* pc_text_keys of SRC's cells (borrowed) */
    GHashTable *stage_at;    /* stage key -> its index in ST->order + 1 */
} RpProbabilities;

/* A deal's probability, and where it comes from. */
typedef struct {
    double p;                /* the probability reports use */
    double stage;            /* its stage's probability; NAN when the stage has none */
    gboolean typed;          /* P is the rep's typed probability */
} RpDealProbability;

/* The rule over S (KEYS = pc_text_keys of its cells) with the stage probabilities ST
 * (rp_stages_learn; both must outlive *PR). */
void rp_probabilities_init(RpProbabilities *pr, const RpSource *s, GPtrArray *keys,
                           const RpStages *st);
void rp_probabilities_clear(RpProbabilities *pr);

/* The probability of data row ROW of the table into *OUT. FALSE with the user's sentence
 * in *MESSAGE (g_free) when the row's probability cell is neither empty nor a number in
 * 0-1, or when it is empty and the row's stage has no probability (no stage, a number). */
gboolean rp_deal_probability(const RpProbabilities *pr, gsize row, RpDealProbability *out,
                             char **message);

#endif
