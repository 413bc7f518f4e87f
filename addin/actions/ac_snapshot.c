/* ac_snapshot.c - Snapshot: the history read back, its plan (rp_snapshot) through the
 * writer. */
#include "ac_snapshot.h"

#include "ac_evidence.h"
#include "cc_sheet.h"
#include "cc_writer.h"
#include "rp_snapshot.h"
#include "tx_text.h"

PcTable *ac_snapshot_history(const CcLeadTable *t, gsize *row0)
{
    CuRange r;
    *row0 = 0;
    if (!cc_marker_get(t->model, RP_MARKER_SNAPSHOTS, &r))
        return NULL;
    uno_Interface *sheet = cc_sheet_at(t->model, r.Sheet, NULL);
    PcTable *old = sheet ? cc_read(sheet, &r, NULL) : NULL;
    cu_release(sheet);
    *row0 = (gsize)r.StartRow;
    return old;
}

gboolean ac_snapshot_run(CcLeadTable *t, char **message)
{
    *message = NULL;
    if (cc_table_absent(t, message))
        return FALSE;
    gsize row0;
    PcTable *old = ac_snapshot_history(t, &row0);
    RpSource src = cc_table_source(t);
    RpSnapshot r;
    gboolean ok = rp_snapshot_plan(&src, old, cc_today(&t->dates), &r, message);
    CcWritten out;
    if (ok && (ok = cc_write_plan(t, r.plan, &out, message))) {
        char *added = g_strdup_printf(
            r.replaced ? tx_n("Today's snapshot of %zu deal replaced on sheet %s.",
                              "Today's snapshot of %zu deals replaced on sheet %s.", r.deals)
                       : tx_n("Snapshot of %zu deal added to sheet %s.",
                              "Snapshot of %zu deals added to sheet %s.", r.deals),
            r.deals, out.sheet_name);
        char *all = g_strdup_printf(tx_n("It holds %zu snapshot.", "It holds %zu snapshots.",
                                         r.snapshots), r.snapshots);
        *message = g_strconcat(added, " ", all, NULL);
        g_free(added);
        g_free(all);
        ac_hidden_rows_append(message, t->hidden_rows);
        g_free(out.sheet_name);
    }
    rp_snapshot_clear(&r);
    pc_table_free(old);
    return ok;
}
