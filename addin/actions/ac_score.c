/* ac_score.c - Score leads: its plan (rp_score) through the writer, and the factors of the
 * lead under the cursor from the model that scored it. */
#include "ac_score.h"

#include "ac_evidence.h"
#include "cc_writer.h"
#include "rp_products.h"
#include "rp_score.h"
#include "tx_text.h"

#include <string.h>

/* Which history the Score column of a table was learned from, so that the factors shown
 * for a lead come from the same model: "<table key>\t<history address>" ("" after address:
 * the table's own closed rows). A document property: it travels with the .ods. */
#define HISTORY_PROPERTY "PipecalcScoreHistory"

static void remember_history(const CcLeadTable *t, const CcLeadTable *h)
{
    char *key = cc_table_key(t);
    char *where = h ? cc_range_text(h->sheet_name, &h->range) : g_strdup("");
    char *line = g_strdup_printf("%s\t%s", key, where);
    cu_set_doc_text(t->model, HISTORY_PROPERTY, line, NULL); /* at worst factors differ */
    g_free(line);
    g_free(where);
    g_free(key);
}

/* The history table T's Score column was learned from into H; FALSE when it was T's own
 * rows (or that table is gone). */
static gboolean remembered_history(const CcLeadTable *t, CcLeadTable *h)
{
    char *key = cc_table_key(t);
    char *line = cu_doc_text(t->model, HISTORY_PROPERTY);
    gsize n = strlen(key);
    gboolean found = FALSE;
    if (strncmp(line, key, n) == 0 && line[n] == '\t' && line[n + 1]) {
        char *message = NULL;
        found = cc_table_find_at(t->model, line + n + 1, h, &message);
        g_free(message);
    }
    g_free(line);
    g_free(key);
    return found;
}

gboolean ac_score_run(CcLeadTable *t, char **message)
{
    return ac_score_run_history(t, NULL, message);
}

gboolean ac_score_run_history(CcLeadTable *t, const CcLeadTable *h, char **message)
{
    *message = NULL;
    if (cc_table_absent(t, message))
        return FALSE;
    RpSource src = cc_table_source(t), hsrc = h ? cc_table_source(h) : src;
    /* the status bar while learning and scoring; nothing moves it once writing starts
     * (an update runs the event loop: another client's edit could land mid-action) */
    CcProgress progress;
    cc_progress_begin(&progress, t->model, _("Pipecalc: score leads"), 1);
    RpScore sc;
    CcWritten out;
    gboolean ok = rp_score_plan(&src, h ? &hsrc : NULL, &sc, message) &&
                  cc_write_plan(t, sc.plan, &out, message);
    if (ok) {
        remember_history(t, h);
        char *column = cc_range_text(out.sheet_name, &out.range);
        *message = rp_score_report(&sc, column);
        PcEvidence e; /* what the model was learned from: the history table, or T itself */
        pc_evidence_score(h ? h->cells : t->cells, h ? h->roles : t->roles, &e);
        ac_evidence_append(message, &e, FALSE);
        pc_evidence_clear(&e);
        ac_hidden_rows_append(message, t->hidden_rows);
        g_free(column);
        g_free(out.sheet_name);
    }
    cc_progress_end(&progress);
    rp_score_clear(&sc);
    return ok;
}

char *ac_score_factors(const CcLeadTable *t, uno_Interface *controller)
{
    CuCell cell;
    if (!t->cells)
        return NULL;
    uno_Interface *sheet = cc_cursor(controller, &cell, NULL);
    cu_release(sheet);
    if (!sheet || cell.Sheet != t->range.Sheet || cell.Row <= t->range.StartRow ||
        cell.Row > t->range.EndRow)
        return NULL;
    gsize row = (gsize)(cell.Row - t->range.StartRow);
    RpSource src = cc_table_source(t);
    char *text = NULL;
    if (t->has_score) {
        CcLeadTable h;
        gboolean from_history = remembered_history(t, &h);
        RpSource hsrc = from_history ? cc_table_source(&h) : src;
        text = rp_score_factors(&src, from_history ? &hsrc : NULL, row, tx_text_number);
        if (from_history)
            cc_table_clear(&h);
    }
    /* which products the lead may buy: learned from the table's own won deals */
    char *likely = rp_products_likely(&src, row, tx_text_number);
    if (likely) {
        char *both = text ? g_strconcat(text, "\n", likely, NULL) : g_strdup(likely);
        g_free(text);
        g_free(likely);
        text = both;
    }
    return text;
}
