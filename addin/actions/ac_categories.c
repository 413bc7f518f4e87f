/* ac_categories.c - Forecast categories: the targets found, the plan (rp_commit) through
 * the writer. */
#include "ac_categories.h"

#include "ac_evidence.h"
#include "cc_locale.h"
#include "cc_sheet.h"
#include "cc_writer.h"
#include "rp_commit.h"
#include "tx_text.h"

#include <string.h>

static gboolean read_typed(gpointer model, const char *text, double *value)
{
    return cc_locale_parse_number(model, text, value);
}

/* The address of A1 of the sheet named Targets (or as the user interface says it), NULL
 * when the document has none (g_free). */
static char *targets_sheet(uno_Interface *model)
{
    char *found = NULL;
    for (sal_Int16 i = 0; !found && i < G_MAXINT16; i++) {
        uno_Interface *sheet = cc_sheet_at(model, i, NULL);
        if (!sheet)
            break;
        char *name = cc_sheet_name(sheet);
        if (name && (g_str_equal(name, "Targets") || g_str_equal(name, _("Targets")))) {
            CuRange a1 = { i, 0, 0, 0, 0 };
            found = cc_range_ref(name, &a1);
        }
        g_free(name);
        cu_release(sheet);
    }
    return found;
}

/* The targets SPEC names into *OUT; FALSE with the user's sentence. */
static gboolean targets_of(const CcLeadTable *t, const char *spec, RpTargets *out, char **where,
                           char **message)
{
    memset(out, 0, sizeof *out);
    *where = NULL;
    char *typed = g_strstrip(g_strdup(spec ? spec : ""));
    gboolean ok = TRUE;
    if (strchr(typed, '=')) {
        RpNumbers numbers = { read_typed, tx_text_number, t->model };
        ok = rp_targets_parse(typed, &numbers, out, message);
    } else {
        char *address = *typed ? g_strdup(typed) : targets_sheet(t->model);
        CcLeadTable table;
        if (address && (ok = cc_table_find_at(t->model, address, &table, message))) {
            ok = rp_targets_read(table.cells, (gsize)table.range.StartRow, &t->dates, out, message);
            *where = cc_range_text(table.sheet_name, &table.range);
            cc_table_clear(&table);
        }
        g_free(address);
    }
    g_free(typed);
    return ok;
}

gboolean ac_categories_run(CcLeadTable *t, const PcTable *given, const char *targets,
                           char **message)
{
    *message = NULL;
    if (cc_table_absent(t, message))
        return FALSE;
    RpTargets goals;
    char *where = NULL;
    if (!targets_of(t, targets, &goals, &where, message))
        return FALSE;
    RpSource src = cc_table_source(t);
    RpCommitOptions o = { .given = given, .targets = &goals, .number = tx_text_number };
    RpCommit c;
    memset(&c, 0, sizeof c);
    gboolean ok = rp_commit_plan(&src, &o, &c, message);
    CcWritten out;
    if (ok && (ok = cc_write_plan(t, c.plan, &out, message))) {
        char *expected = tx_text_number(c.expected, 0);
        GString *s = g_string_new(NULL);
        g_string_append_printf(s, tx_n("Forecast categories written to sheet %s: %zu period, "
                                       "%s expected.",
                                       "Forecast categories written to sheet %s: %zu periods, "
                                       "%s expected.", c.periods),
                               out.sheet_name, c.periods, expected);
        if (goals.n && where)
            g_string_append_printf(s, tx_n(" %zu target from %s.", " %zu targets from %s.", goals.n),
                                   goals.n, where);
        else if (goals.n)
            g_string_append_printf(s, tx_n(" %zu target.", " %zu targets.", goals.n), goals.n);
        else
            g_string_append(s, _(" No targets: type them under Targets, or put a Targets sheet "
                                 "(Month | Target) in the document."));
        if (!c.has_category)
            g_string_append(s, _(" The table has no forecast category column: every open deal "
                                 "counts as Pipeline."));
        *message = g_string_free(s, FALSE);
        ac_hidden_rows_append(message, t->hidden_rows);
        g_free(expected);
        g_free(out.sheet_name);
    }
    rp_commit_clear(&c);
    rp_targets_clear(&goals);
    g_free(where);
    return ok;
}
