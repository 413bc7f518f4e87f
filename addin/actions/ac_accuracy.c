/* ac_accuracy.c - Forecast accuracy: the history read back, today's Scores of the closed
 * deals, the plan (rp_accuracy) through the writer. */
#include "ac_accuracy.h"

#include "ac_snapshot.h"
#include "cc_writer.h"
#include "rp_accuracy.h"
#include "tx_text.h"

#include <math.h>
#include <string.h>

gboolean ac_accuracy_run(CcLeadTable *t, char **message)
{
    *message = NULL;
    if (cc_table_absent(t, message))
        return FALSE;
    gsize row0;
    PcTable *old = ac_snapshot_history(t, &row0);
    RpHistory h;
    memset(&h, 0, sizeof h);
    gboolean ok = !old || rp_history_read(old, row0, &h, message);
    RpSource src = cc_table_source(t);
    gsize n_scores = 0;
    RpDealScore *scores = ok ? rp_accuracy_scores(&src, &n_scores) : NULL;
    RpAccuracyOptions o = { .dates = t->dates, .number = tx_text_number, .scores = scores,
                            .n_scores = n_scores };
    RpAccuracy a;
    memset(&a, 0, sizeof a);
    ok = ok && rp_accuracy_plan(&h, &o, &a, message);
    CcWritten out;
    if (ok) { /* the table's own formats: the history holds its amounts and dates */
        a.plan->amount_col = pc_roles_find(src.roles, src.cells->cols, PC_ROLE_AMOUNT);
        a.plan->date_col = pc_roles_find(src.roles, src.cells->cols, PC_ROLE_CLOSE_DATE);
    }
    if (ok && (ok = cc_write_plan(t, a.plan, &out, message))) {
        const PcBacktestSummary *s = &a.summary;
        char *inside = isnan(s->share) ? g_strdup("-") : tx_text_number(100 * s->share, 0);
        char *mape = isnan(s->mape) ? g_strdup("-") : tx_text_number(100 * s->mape, 0);
        *message = g_strdup_printf(
            tx_n("Forecast accuracy written to sheet %s: %zu period from %zu snapshots; %s %% of "
                 "the actuals inside P10-P90 (about 80 %% is right), mean error %s %%.",
                 "Forecast accuracy written to sheet %s: %zu periods from %zu snapshots; %s %% of "
                 "the actuals inside P10-P90 (about 80 %% is right), mean error %s %%.", s->periods),
            out.sheet_name, s->periods, a.snapshots, inside, mape);
        g_free(inside);
        g_free(mape);
        g_free(out.sheet_name);
    }
    rp_accuracy_clear(&a);
    g_free(scores);
    rp_history_clear(&h);
    pc_table_free(old);
    return ok;
}
