/* ac_funnel.c - Write funnel: its plan (rp_funnel) through the writer. */
#include "ac_funnel.h"

#include "ac_evidence.h"
#include "cc_locale.h"
#include "cc_writer.h"
#include "rp_funnel.h"
#include "tx_text.h"

#include <math.h>
#include <string.h>

gboolean ac_funnel_parse_target(uno_Interface *model, const char *text, double *target)
{
    return cc_locale_parse_number(model, text, target);
}

gboolean ac_funnel_run(CcLeadTable *t, double target, char **message)
{
    *message = NULL;
    if (cc_table_absent(t, message))
        return FALSE;
    RpSource src = cc_table_source(t);
    RpFunnel f;
    if (!rp_funnel_plan(&src, target, &f, message))
        return FALSE;
    CcWritten out;
    gboolean ok = cc_write_plan(t, f.plan, &out, message);
    if (ok) {
        char *needed = isnan(f.needed) ? g_strdup("-") : tx_text_number(f.needed, 0);
        /* the count as shown (no decimals); "-" counts as none */
        gulong count = isnan(f.needed) ? 0 : (gulong)CLAMP(round(f.needed), 0, 1e15);
        *message = g_strdup_printf(tx_n("Funnel written to sheet %s: %s deal needed at the first "
                                        "stage.",
                                        "Funnel written to sheet %s: %s deals needed at the first "
                                        "stage.", count), out.sheet_name, needed);
        g_free(needed);
        PcEvidence e; /* the funnel's conversions are learned from the closed deals */
        pc_evidence_stages(t->cells, t->roles, &e);
        ac_evidence_append(message, &e, TRUE);
        ac_hidden_rows_append(message, t->hidden_rows);
        pc_evidence_clear(&e);
        g_free(out.sheet_name);
    }
    rp_funnel_clear(&f);
    return ok;
}
