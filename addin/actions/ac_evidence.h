/* ac_evidence.h - the reports' sentence when a learned result stands on little history
 * (the bounds and what they mean: pc_evidence.h). */
#ifndef AC_EVIDENCE_H
#define AC_EVIDENCE_H

#include "pc_evidence.h"

/* Append to *REPORT (g_free'd and replaced) what E says when it is thin, one sentence per
 * finding on a line of its own; STAGES: E's values are stages (the forecast, the funnel),
 * else category values of the scoring attributes. *REPORT unchanged when E is not thin. */
void ac_evidence_append(char **report, const PcEvidence *e, gboolean stages);

#endif
