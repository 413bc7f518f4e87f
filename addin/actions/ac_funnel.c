/* ac_funnel.c - Write funnel: its plan (rp_funnel) through the writer. */
#include "ac_funnel.h"

#include "cc_writer.h"
#include "rp_funnel.h"
#include "tx_text.h"

#include <math.h>
#include <string.h>

gboolean ac_funnel_parse_target(const char *text, double *target)
{
    GString *s = g_string_new(NULL);
    char thousands = tx_text_german() ? '.' : ',', decimal = tx_text_german() ? ',' : '.';
    for (const char *p = text ? text : ""; *p; p++) {
        if (*p == ' ' || *p == '\'' || *p == thousands)
            continue;
        g_string_append_c(s, *p == decimal ? '.' : *p);
    }
    char *end = NULL;
    double v = g_ascii_strtod(s->str, &end);
    gboolean ok = s->len > 0 && end && *end == 0 && isfinite(v);
    g_string_free(s, TRUE);
    if (ok)
        *target = v;
    return ok;
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
