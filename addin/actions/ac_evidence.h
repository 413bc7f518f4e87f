/* ac_evidence.h - the reports' sentences on what a result stands on: little history (the
 * bounds and what they mean: pc_evidence.h), rows the user does not see. */
#ifndef AC_EVIDENCE_H
#define AC_EVIDENCE_H

#include "pc_evidence.h"

/* Append to *REPORT (g_free'd and replaced) what E says when it is thin, one sentence per
 * finding on a line of its own; STAGES: E's values are stages (the forecast, the funnel),
 * else category values of the scoring attributes. *REPORT unchanged when E is not thin. */
void ac_evidence_append(char **report, const PcEvidence *e, gboolean stages);

/* The sentence that HIDDEN rows of the table (filtered or hidden by hand) are read like the
 * others, as Calc's own formulas read them (g_free); NULL when HIDDEN is 0. */
char *ac_hidden_rows_text(gsize hidden);

/* That sentence on a line of its own after *REPORT (g_free'd and replaced), when HIDDEN. */
void ac_hidden_rows_append(char **report, gsize hidden);

#endif
