/* ac_funnel.c - Write funnel: its plan (rp_funnel) through the writer. */
#include "ac_funnel.h"

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
    if (!t->cells) {
        *message = g_strdup(_("No lead table here. Put the cell cursor into your table: a "
                              "block of cells whose first row holds the column names."));
        return FALSE;
    }
    RpSource src = cc_table_source(t);
    RpFunnel f;
    if (!rp_funnel_plan(&src, target, &f, message))
        return FALSE;
    CcWritten out;
    gboolean ok = cc_write_plan(t, f.plan, NULL, &out, message);
    if (ok) {
        char *needed = isnan(f.needed) ? g_strdup("-") : tx_text_number(f.needed, 0);
        *message = g_strdup_printf(_("Funnel written to sheet %s: %s deals needed at the first "
                                     "stage."), out.sheet_name, needed);
        g_free(needed);
        g_free(out.sheet_name);
    }
    rp_funnel_clear(&f);
    return ok;
}
