/* ac_patterns.c - Write patterns: the stage log found, its plan (rp_patterns) through the
 * writer. */
#include "ac_patterns.h"

#include "ac_evidence.h"
#include "cc_sheet.h"
#include "cc_writer.h"
#include "pc_select.h"
#include "rp_patterns.h"
#include "tx_text.h"

#include <string.h>

/* The first three columns of L's cells (header row included), and where they are. */
static PcTable *log_of(const CcLeadTable *l, char **where)
{
    static const gsize COLS[3] = { 0, 1, 2 };
    const PcTable *c = l->cells;
    if (!c || c->cols < 3)
        return NULL;
    GArray *rows = g_array_sized_new(FALSE, FALSE, sizeof(gsize), (guint)c->rows);
    for (gsize r = 0; r < c->rows; r++)
        g_array_append_val(rows, r);
    PcTable *log = pc_table_select(c, (gsize *)rows->data, rows->len, COLS, 3);
    g_array_free(rows, TRUE);
    CuRange r = l->range;
    r.EndColumn = r.StartColumn + 2;
    *where = cc_range_text(l->sheet_name, &r);
    return log;
}

/* Whether SHEET's first two rows, A1:C2, head a stage log: read before its whole table. */
static gboolean heads_a_log(uno_Interface *sheet, sal_Int16 index)
{
    CuRange top = { index, 0, 0, 2, 1 };
    PcTable *head = cc_read(sheet, &top, NULL);
    gboolean yes = head && pc_roles_is_stage_log(head);
    pc_table_free(head);
    return yes;
}

PcTable *ac_patterns_find_log(const CcLeadTable *t, const char *log, char **where, char **message)
{
    *where = NULL;
    *message = NULL;
    CcLeadTable l;
    char *typed = g_strstrip(g_strdup(log ? log : ""));
    PcTable *found = NULL;
    if (*typed) {
        if (cc_table_find_at(t->model, typed, &l, message)) {
            found = log_of(&l, where);
            if (!found)
                *message = g_strdup_printf(_("\"%s\" is no stage log: it needs three columns, deal "
                                             "| stage entered | date entered. Nothing was "
                                             "written."), typed);
            cc_table_clear(&l);
        }
        g_free(typed);
        return found;
    }
    g_free(typed);
    for (sal_Int16 i = 0; !found && i < G_MAXINT16; i++) {
        uno_Interface *sheet = cc_sheet_at(t->model, i, NULL);
        if (!sheet)
            break;
        if (i != t->range.Sheet && heads_a_log(sheet, i)) {
            char *name = cc_sheet_name(sheet);
            CuRange a1 = { i, 0, 0, 0, 0 };
            char *ref = cc_range_ref(name, &a1);
            char *ignored = NULL;
            if (cc_table_find_at(t->model, ref, &l, &ignored)) {
                found = log_of(&l, where);
                cc_table_clear(&l);
            }
            g_free(ignored);
            g_free(ref);
            g_free(name);
        }
        cu_release(sheet);
    }
    return found;
}

gboolean ac_patterns_run(CcLeadTable *t, const char *log, char **message)
{
    *message = NULL;
    if (cc_table_absent(t, message))
        return FALSE;
    char *where = NULL;
    PcTable *stage_log = ac_patterns_find_log(t, log, &where, message);
    if (*message)
        return FALSE;
    RpSource src = cc_table_source(t);
    RpPatterns p;
    memset(&p, 0, sizeof p);
    gboolean ok = rp_patterns_plan(&src, stage_log, cc_today(&t->dates), tx_text_number, &p, message);
    CcWritten out;
    if (ok && (ok = cc_write_plan(t, p.plan, &out, message))) {
        GString *s = g_string_new(NULL);
        g_string_append_printf(s, tx_n("Patterns written to sheet %s: %zu column broken down.",
                                       "Patterns written to sheet %s: %zu columns broken down.",
                                       p.columns), out.sheet_name, p.columns);
        if (p.first_standout)
            g_string_append_printf(s, " %s", p.first_standout);
        g_string_append_c(s, '\n');
        if (p.log_used)
            g_string_append_printf(s, tx_n("Stage log %s: %zu deal open longer than usual in its "
                                           "stage.",
                                           "Stage log %s: %zu deals open longer than usual in their "
                                           "stage.", p.stalled), where, p.stalled);
        else
            g_string_append(s, _("No stage log found: name one (deal | stage entered | date "
                                 "entered) for the time in each stage and the stalled deals."));
        *message = g_string_free(s, FALSE);
        ac_hidden_rows_append(message, t->hidden_rows);
        g_free(out.sheet_name);
    }
    rp_patterns_clear(&p);
    pc_table_free(stage_log);
    g_free(where);
    return ok;
}
