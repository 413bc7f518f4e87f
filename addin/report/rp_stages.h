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

#endif
