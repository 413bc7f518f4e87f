/* ac_evidence.c - "little history" and hidden rows in the reports' words. */
#include "ac_evidence.h"

#include "tx_text.h"

void ac_evidence_append(char **report, const PcEvidence *e, gboolean stages)
{
    if (!pc_evidence_thin(e))
        return;
    GString *s = g_string_new(*report);
    if (e->closed < PC_EVIDENCE_MIN_CLOSED) {
        g_string_append_c(s, '\n');
        g_string_append_printf(s, tx_n("Little history: learned from %zu closed deal. With fewer than %d, "
                                       "a learned win rate is mostly chance (it can easily be 10 "
                                       "percentage points off), so take the result as a rough guide.",
                                       "Little history: learned from %zu closed deals. With fewer than %d, "
                                       "a learned win rate is mostly chance (it can easily be 10 "
                                       "percentage points off), so take the result as a rough guide.",
                                       e->closed),
                               e->closed, PC_EVIDENCE_MIN_CLOSED);
    }
    if (e->thin && stages) {
        g_string_append_c(s, '\n');
        g_string_append_printf(s, tx_n("%zu stage was reached by fewer than %d closed deals (%s: %zu): its "
                                       "probability is mostly chance.",
                                       "%zu stages were reached by fewer than %d closed deals (e.g. %s: "
                                       "%zu): their probabilities are mostly chance.", e->thin),
                               e->thin, PC_EVIDENCE_MIN_PER_VALUE, e->value, e->value_closed);
    } else if (e->thin) {
        g_string_append_c(s, '\n');
        g_string_append_printf(s, tx_n("%zu value has fewer than %d closed deals (%s = %s: %zu): how it "
                                       "changes a lead's chances is mostly chance.",
                                       "%zu values have fewer than %d closed deals (e.g. %s = %s: %zu): "
                                       "how they change a lead's chances is mostly chance.", e->thin),
                               e->thin, PC_EVIDENCE_MIN_PER_VALUE, e->column, e->value, e->value_closed);
    }
    g_free(*report);
    *report = g_string_free(s, FALSE);
}

char *ac_hidden_rows_text(gsize hidden)
{
    if (!hidden)
        return NULL;
    return g_strdup_printf(tx_n("%zu row of the table is hidden (by a filter or by hand): it is "
                                "included like the others, as Calc's own formulas include it.",
                                "%zu rows of the table are hidden (by a filter or by hand): they are "
                                "included like the others, as Calc's own formulas include them.",
                                hidden), hidden);
}

void ac_hidden_rows_append(char **report, gsize hidden)
{
    char *line = ac_hidden_rows_text(hidden);
    if (!line)
        return;
    char *joined = g_strconcat(*report, "\n", line, NULL);
    g_free(line);
    g_free(*report);
    *report = joined;
}
