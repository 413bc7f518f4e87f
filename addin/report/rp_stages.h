/* rp_stages.h - what the forecast and the funnel learn from the closed deals of a table.
 *
 * A closed deal "reached" stages the way STAGE_CONVERSION counts them: a won deal reached
 * the won stage (and so every stage before it), a lost deal the stage it shows, its
 * furthest; a lost deal whose stage cell holds only an outcome word ("Lost") or nothing
 * reached the first stage. */
#ifndef RP_STAGES_H
#define RP_STAGES_H

#include "rp_plan.h"

/* The won stage's name in reports and stage orders ("Won"; in German "Gewonnen"). */
const char *rp_won_stage(void);

/* A one-column table of the texts NAMES[0..N), then EXTRA when not NULL (pc_table_free). */
PcTable *rp_name_column(char *const *names, gsize n, const char *extra);

/* The furthest stage each closed deal of S reached, as a one-column table for
 * STAGE_CONVERSION: won deals at WON, lost deals at the stage they show (FIRST when that is
 * an outcome word or blank). KEYS = pc_text_keys(S's cells). The stage column's outcome
 * words ("Closed Won") are appended to CLOSED_WORDS (g_strdup'd) when it is not NULL. */
PcTable *rp_closed_stage_data(const RpSource *s, GPtrArray *keys, const char *first,
                              const char *won, GPtrArray *closed_words);

/* The user's sentence why a table with WON and LOST closed deals cannot be learned from
 * (either is 0), or NULL when it can (g_free). */
char *rp_need_closed(gsize won, gsize lost);

/* The average amount of S's won rows; 0 without an amount column or a positive sum. */
double rp_average_won(const RpSource *s, GPtrArray *keys);

/* The stage probabilities the forecast uses for a table's open stages. */
typedef struct {
    char **order;            /* the open stages in funnel order (pc_roles_stage_order) */
    gsize k;
    double *prob;            /* per stage of ORDER */
    gboolean *fallback;      /* per stage: no closed deal reached it, the stage before's value */
    GPtrArray *closed_words; /* the stage column's outcome words ("Closed Won", "Lost") */
    PcTable *table;          /* stage | probability: ORDER, then CLOSED_WORDS, a won word at
                                1 and a lost one at 0 (only closed rows show them: a formula
                                over TABLE leaves those out through its Outcomes) */
    gsize closed;            /* closed deals learned from */
} RpStages;

/* The probabilities of S's open stages into *ST: from STAGE_CONVERSION to the won stage
 * among the closed deals (a stage no closed deal reached takes the stage before's value,
 * the first 0), or from GIVEN (stage | probability rows, matched by pc_text_key; every
 * open stage needs one, and then no closed deal is needed). KEYS = pc_text_keys(S's
 * cells). FALSE with the user's sentence in *MESSAGE (g_free); *ST is cleared either way
 * first (rp_stages_clear). */
gboolean rp_stages_learn(const RpSource *s, GPtrArray *keys, const PcTable *given, RpStages *st,
                         char **message);

void rp_stages_clear(RpStages *st);

/* ST's open stages as the manager types them: "Lead=10%; Qualified=12.5%", each percent
 * with at most one decimal by NUMBER (tx_text_number: the user interface's decimal
 * separator) (g_free). */
char *rp_stages_text(const RpStages *st, RpNumberText number);

/* How the manager's numbers are read and written: as Calc reads a number typed into a cell,
 * and writes one, by the office's Locale setting (the Calc layer's cc_locale; a test gives
 * its own). READ: TEXT as a number into *VALUE ("25%" already 0.25; DATA passed on), FALSE
 * when it is none; WRITE: V with DECIMALS decimals (g_free). */
typedef struct {
    gboolean (*read)(gpointer data, const char *text, double *value);
    RpNumberText write;
    gpointer data;
} RpNumbers;

/* The manager's stage probabilities typed as "Lead=10%; Qualified=0.25" (';' or new lines
 * between pairs, a probability as a percent or in 0-1, read by NUMBERS): a stage |
 * probability table (pc_table_free), or NULL with the user's sentence in *MESSAGE
 * (g_free), its example 0.25 written by NUMBERS. */
PcTable *rp_stages_parse(const char *spec, const RpNumbers *numbers, char **message);

#endif
