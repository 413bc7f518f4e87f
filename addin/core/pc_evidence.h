/* pc_evidence.h - how much history a learned result stands on.
 *
 * Score, the forecast and the funnel learn from closed deals. Learned from a handful, a
 * win rate is mostly chance: with n closed deals its standard error is sqrt(p(1-p)/n),
 * about 9 percentage points at n = 30 and 16 at n = 10 (p = 0.5). Below these bounds the
 * reports tell the manager so; they are the one place the bounds are set. */
#ifndef PC_EVIDENCE_H
#define PC_EVIDENCE_H

#include "pc_roles.h"

/* Fewer closed deals than this in all: the whole result is a rough guide. */
#define PC_EVIDENCE_MIN_CLOSED 30
/* Fewer closed deals than this for one stage or one category value: what is learned for
 * that value is mostly chance. */
#define PC_EVIDENCE_MIN_PER_VALUE 10

typedef struct {
    gsize closed;        /* closed deals (won and lost) learned from */
    gsize values;        /* stage or category values looked at */
    gsize thin;          /* of them, those with fewer than PC_EVIDENCE_MIN_PER_VALUE */
    char *column;        /* the first thin value's column header (g_free) */
    char *value;         /* ... and the value as first typed (g_free) */
    gsize value_closed;  /* ... and its closed deals */
} PcEvidence;

/* What T (header row 0, ROLES one per column) gives a lead score to learn from: its closed
 * rows, and each value of each scoring attribute (PC_ROLE_ATTRIBUTE) column among them. */
void pc_evidence_score(const PcTable *t, const PcRole *roles, PcEvidence *e);

/* What T gives the stage probabilities of its open deals: its closed rows, and for each
 * open deal's stage the closed deals that reached it (as STAGE_CONVERSION counts: a won
 * deal reached every stage, a lost one the stages up to the one it shows, in the order of
 * pc_roles_stage_order; one whose stage is an outcome word or blank the first). */
void pc_evidence_stages(const PcTable *t, const PcRole *roles, PcEvidence *e);

/* TRUE when E is thin: too few closed deals, or a thin value. */
gboolean pc_evidence_thin(const PcEvidence *e);

void pc_evidence_clear(PcEvidence *e);

#endif
