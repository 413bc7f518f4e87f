/* ac_changes.c - What changed: the history read back, its plan (rp_changes) through the
 * writer. */
#include "ac_changes.h"

#include "ac_snapshot.h"
#include "cc_locale.h"
#include "cc_writer.h"
#include "rp_changes.h"
#include "tx_text.h"

#include <string.h>

/* The days typed into *O; FALSE with the user's sentence. */
static gboolean typed_days(uno_Interface *model, const char *typed, RpChangesOptions *o,
                           char **message)
{
    char **parts = g_strsplit(typed ? typed : "", ";", -1);
    double day[2] = { 0, 0 };
    int n = 0;
    gboolean ok = TRUE;
    for (char **p = parts; *p && ok; p++) {
        char *part = g_strstrip(*p);
        if (!*part)
            continue;
        ok = n < 2 && cc_locale_parse_date(model, part, &day[n]);
        n++;
    }
    g_strfreev(parts);
    if (!ok) {
        *message = g_strdup(_("Type the snapshots to compare as dates, the earlier first, with "
                              "';' between them (2026-11-25; 2026-12-02), or one date to compare "
                              "with the latest, or nothing for the two latest. Nothing was "
                              "written."));
        return FALSE;
    }
    if (n == 1)
        o->earlier = day[0];
    else if (n == 2) {
        o->earlier = day[0];
        o->later = day[1];
    }
    return TRUE;
}

gboolean ac_changes_run(CcLeadTable *t, const char *snapshots, double start, double end,
                        char **message)
{
    *message = NULL;
    if (cc_table_absent(t, message))
        return FALSE;
    RpChangesOptions o = { .start = start, .end = end };
    if (!typed_days(t->model, snapshots, &o, message))
        return FALSE;
    gsize row0;
    PcTable *old = ac_snapshot_history(t, &row0);
    RpHistory h;
    memset(&h, 0, sizeof h);
    gboolean ok = TRUE;
    if (old)
        ok = rp_history_read(old, row0, &h, message);
    RpSource src = cc_table_source(t);
    RpChanges c;
    memset(&c, 0, sizeof c);
    ok = ok && rp_changes_plan(&src, &h, &o, &c, message);
    CcWritten out;
    if (ok && (ok = cc_write_plan(t, c.plan, &out, message))) {
        char from[16], until[16];
        pc_date_iso(&t->dates, c.earlier, from, sizeof from);
        pc_date_iso(&t->dates, c.later, until, sizeof until);
        char *was = tx_text_number(c.start, 0), *is = tx_text_number(c.end, 0);
        char *what = g_strdup_printf(_("What changed from %s to %s written to sheet %s: the "
                                       "pipeline went from %s to %s."), from, until,
                                     out.sheet_name, was, is);
        char *deals = g_strdup_printf(tx_n("%zu deal behind the changes,",
                                           "%zu deals behind the changes,", c.changed), c.changed);
        char *slipped = g_strdup_printf(tx_n("%zu slipped.", "%zu slipped.", c.slipped), c.slipped);
        *message = g_strjoin(" ", what, deals, slipped, NULL);
        g_free(what);
        g_free(deals);
        g_free(slipped);
        g_free(was);
        g_free(is);
        g_free(out.sheet_name);
    }
    rp_changes_clear(&c);
    rp_history_clear(&h);
    pc_table_free(old);
    return ok;
}
