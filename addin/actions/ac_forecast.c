/* ac_forecast.c - Write forecast: its plan (rp_forecast) through the writer. */
#include "ac_forecast.h"

#include "ac_evidence.h"
#include "cc_locale.h"
#include "cc_writer.h"
#include "rp_forecast.h"
#include "rp_stages.h"
#include "tx_text.h"

#include <string.h>

/* The status bar's steps: planning reports its own steps, scaled to these. */
enum { PROGRESS_RANGE = 1000 };

static void show_progress(gpointer progress, gsize done, gsize total)
{
    cc_progress_set(progress, (sal_Int32)(done * PROGRESS_RANGE / MAX(total, 1)));
}

gboolean ac_forecast_run(CcLeadTable *t, char **message)
{
    return ac_forecast_run_period(t, 0, 0, message);
}

gboolean ac_forecast_run_period(CcLeadTable *t, double start, double end, char **message)
{
    return ac_forecast_run_stages(t, NULL, start, end, message);
}

/* The report after writing F to sheet NAME. */
static char *report(const RpForecast *f, const char *name)
{
    char *total = tx_text_number(f->expected, 0) /* whole, as the sheet shows amounts */, *r;
    if (f->period)
        r = g_strdup_printf(tx_n("Forecast written to sheet %s for %s to %s: %zu open deal closing "
                                 "then, %s expected.",
                                 "Forecast written to sheet %s for %s to %s: %zu open deals closing "
                                 "then, %s expected.", f->deals),
                            name, f->from, f->until, f->deals, total);
    else
        r = g_strdup_printf(tx_n("Forecast written to sheet %s: %zu open deal, %s expected.",
                                 "Forecast written to sheet %s: %zu open deals, %s expected.",
                                 f->deals), name, f->deals, total);
    g_free(total);
    return r;
}

gboolean ac_forecast_run_stages(CcLeadTable *t, const PcTable *given, double start, double end,
                                char **message)
{
    *message = NULL;
    if (cc_table_absent(t, message))
        return FALSE;
    CcProgress progress;
    cc_progress_begin(&progress, t->model, _("Pipecalc: write forecast"), PROGRESS_RANGE);
    RpSource src = cc_table_source(t);
    RpForecastOptions o = { start, end, given, show_progress, &progress };
    RpForecast f;
    gboolean ok = rp_forecast_plan(&src, &o, &f, message);
    CcWritten out;
    if (ok && (ok = cc_write_plan(t, f.plan, &out, message))) {
        *message = report(&f, out.sheet_name);
        if (!given) { /* learned from the closed deals, not the manager's probabilities */
            PcEvidence e;
            pc_evidence_stages(t->cells, t->roles, &e);
            ac_evidence_append(message, &e, TRUE);
            pc_evidence_clear(&e);
        }
        ac_hidden_rows_append(message, t->hidden_rows);
        g_free(out.sheet_name);
    }
    cc_progress_end(&progress);
    rp_forecast_clear(&f);
    return ok;
}

char *ac_forecast_stage_text(CcLeadTable *t, char **message)
{
    *message = NULL;
    if (cc_table_absent(t, message))
        return NULL;
    RpSource src = cc_table_source(t);
    GPtrArray *keys = pc_text_keys(t->cells);
    RpStages st;
    char *text = rp_stages_learn(&src, keys, NULL, &st, message) ? rp_stages_text(&st, tx_text_number)
                                                                  : NULL;
    rp_stages_clear(&st);
    g_ptr_array_unref(keys);
    return text;
}

/* A number typed into the panel, read as Calc reads it typed into a cell of MODEL. */
static gboolean read_typed(gpointer model, const char *text, double *value)
{
    return cc_locale_parse_number(model, text, value);
}

PcTable *ac_forecast_given_stages(uno_Interface *model, const char *spec, char **message)
{
    *message = NULL;
    RpNumbers typed = { read_typed, tx_text_number, model }; /* the office's Locale setting */
    if (strchr(spec, '='))
        return rp_stages_parse(spec, &typed, message);
    /* a stage table: its stage and probability columns */
    CcLeadTable st;
    if (!cc_table_find_at(model, spec, &st, message))
        return NULL;
    gssize sc = pc_roles_find(st.roles, st.cells->cols, PC_ROLE_STAGE);
    gssize pc = pc_roles_find(st.roles, st.cells->cols, PC_ROLE_PROBABILITY);
    if (sc < 0) sc = 0;
    if (pc < 0) pc = st.cells->cols > 1 ? 1 : 0;
    PcTable *given = pc_table_new(st.cells->rows - 1, 2);
    for (gsize r = 1; r < st.cells->rows && given; r++) {
        const PcCell *name = pc_table_at(st.cells, r, (gsize)sc), *v = pc_table_at(st.cells, r, (gsize)pc);
        if (name->kind == PC_CELL_TEXT)
            pc_table_set_text(given, r - 1, 0, pc_table_text(st.cells, name), -1);
        if (name->kind == PC_CELL_EMPTY)
            continue;
        if (v->kind != PC_CELL_NUMBER || !(v->num >= 0 && v->num <= 1)) {
            char *where = cc_table_cell_text(&st, st.range.StartColumn + (sal_Int32)pc,
                                             st.range.StartRow + (sal_Int32)r);
            char *example = tx_text_number(0.25, 2); /* as the locale writes it */
            *message = g_strdup_printf(_("Stage probabilities: \"%s\" is no probability in "
                                         "0-1 (type 25%% or %s)."), where, example);
            g_free(example);
            g_free(where);
            pc_table_free(given);
            given = NULL;
            break;
        }
        pc_table_set_number(given, r - 1, 1, v->num);
    }
    cc_table_clear(&st);
    return given;
}
