/* ac_products.c - Write products: its plan (rp_products) through the writer. */
#include "ac_products.h"

#include "ac_evidence.h"
#include "cc_writer.h"
#include "pc_evidence.h"
#include "rp_products.h"
#include "tx_text.h"

gboolean ac_products_run(CcLeadTable *t, char **message)
{
    *message = NULL;
    if (cc_table_absent(t, message))
        return FALSE;
    RpSource src = cc_table_source(t);
    RpProducts r;
    if (!rp_products_plan(&src, &r, message))
        return FALSE;
    CcWritten out;
    gboolean ok = cc_write_plan(t, r.plan, &out, message);
    if (ok) {
        char *top = tx_text_number(r.top_expected, 0);
        *message = g_strdup_printf(tx_n("Products written to sheet %s: %zu product; %s brings the "
                                        "most expected revenue (%s).",
                                        "Products written to sheet %s: %zu products; %s brings the "
                                        "most expected revenue (%s).", r.products),
                                   out.sheet_name, r.products, r.top ? r.top : "-", top);
        g_free(top);
        /* the little-history sentence; the sheet's own note names the thin products */
        PcEvidence e = { .closed = r.closed };
        ac_evidence_append(message, &e, FALSE);
        ac_hidden_rows_append(message, t->hidden_rows);
        g_free(out.sheet_name);
    }
    rp_products_clear(&r);
    return ok;
}
