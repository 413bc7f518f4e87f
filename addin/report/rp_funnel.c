/* rp_funnel.c - the Funnel sheet, computed through the core. */
#include "rp_funnel.h"

#include "pc_funnel.h"
#include "pc_stage.h"
#include "rp_stages.h"
#include "tx.h"

#include <math.h>
#include <string.h>

/* COLS columns of the table, then the chart's two: its category labels ("Qualified — 62 %")
 * and the deals reached again, as a chart takes its categories from the column left of
 * its series. */
enum { HEAD_ROW = 3, FIRST_ROW = 4, COLS = 5, LABEL_COL = COLS, CHART_COLS = 2 };

/* Put a conversion or LEADS_NEEDED result: a number, "-" where no deal reached the stage
 * (DIV0); any other status stops the plan (FALSE, with the first such error in *FIRST). */
static gboolean put(RpPlan *p, gsize row, gsize col, PcStatus st, double v, RpFormat format,
                    const PcError *err, PcError *first)
{
    if (st == PC_OK)
        rp_set_number(p, row, col, v, format);
    else if (st == PC_ERR_DIV0)
        rp_set_text(p, row, col, "-");
    else if (first->status == PC_OK)
        *first = *err;
    return st == PC_OK || st == PC_ERR_DIV0;
}

/* The chart's category label of a stage: "Qualified — 62 %" (the share of the closed deals
 * that reached it, in whole percent), and its deals reached beside it. */
static void put_label(RpPlan *p, gsize row, const char *stage, gsize reached, gsize all)
{
    int percent = all ? (int)lround(100.0 * (double)reached / (double)all) : 0;
    char *label = g_strdup_printf("%s \u2014 %d %%", stage, percent);
    rp_set_text(p, row, LABEL_COL, label);
    rp_set_number(p, row, LABEL_COL + 1, (double)reached, RP_FORMAT_INTEGER);
    g_free(label);
}

/* The funnel chart: horizontal bars, the first stage on top, below the table. */
static void put_chart(RpPlan *p, gsize k)
{
    RpChart *c = rp_add_chart(p, "PipecalcFunnel", RP_CHART_BARS,
                              (RpRect){ HEAD_ROW, LABEL_COL, FIRST_ROW + k, LABEL_COL + 1 }, p->rows + 1,
                              0);
    c->title = g_strdup(_("Deals reaching each stage"));
    c->x_title = g_strdup(_("Stage"));
    c->y_title = g_strdup(_("Deals reached"));
    c->reverse_categories = TRUE;
    c->value_format = RP_FORMAT_INTEGER;
}

/* The stage rows: reached, conversions, deals needed, from one count of the funnel (the
 * functions' own rules for those counts: pc_stage.h). SIZE is the average won deal, 1 when
 * the won deals have no amounts. FALSE with ERR on a core failure. */
static gboolean stage_rows(RpFunnel *f, char **order, gsize k, const PcTable *data,
                           const PcTable *stages, double size, double target, PcError *err)
{
    RpPlan *p = f->plan;
    const char *won = rp_won_stage();
    PcFunnel *funnel = NULL;
    gsize *reached = g_new0(gsize, k + 1);
    gboolean ok = pc_funnel_new(stages, 3, NULL, 4, &funnel, err) == PC_OK &&
                  pc_funnel_reached(funnel, data, 0, reached, err) == PC_OK;
    PcError first, e;
    pc_error_clear(&first);
    for (gsize i = 0; ok && i <= k; i++) {
        gsize row = FIRST_ROW + i;
        const char *name = i < k ? order[i] : won;
        rp_set_text(p, row, 0, name);
        rp_set_number(p, row, 1, (double)reached[i], RP_FORMAT_INTEGER);
        put_label(p, row, name, reached[i], reached[0]);
        if (i == k)
            break;
        double v = 0.0; /* each status is taken before V is read */
        PcStatus st = pc_conversion_of_counts(reached[i], reached[i + 1], name, &v, &e);
        ok = put(p, row, 2, st, v, RP_FORMAT_PERCENT, &e, &first);
        st = pc_conversion_of_counts(reached[i], reached[k], name, &v, &e);
        ok = put(p, row, 3, st, v, RP_FORMAT_PERCENT, &e, &first) && ok;
        st = pc_leads_needed_of_counts(target, size, reached[i], reached[k], name, &v, &e);
        ok = put(p, row, 4, st, v, RP_FORMAT_INTEGER, &e, &first) && ok;
        if (i == 0)
            f->needed = st == PC_OK ? v : NAN;
    }
    if (!ok && first.status != PC_OK)
        *err = first;
    pc_funnel_free(funnel);
    g_free(reached);
    return ok;
}

gboolean rp_funnel_plan(const RpSource *s, double target, RpFunnel *f, char **message)
{
    static const char *const HEAD[COLS] = { N_("Stage"), N_("Deals reached"), N_("To next stage"),
                                            N_("To won"), N_("Deals needed for target") };
    const char *needs = _("The funnel needs a stage column with at least one stage besides won "
                          "and lost.");
    gssize stage = pc_roles_find(s->roles, s->cells->cols, PC_ROLE_STAGE);
    *message = NULL;
    memset(f, 0, sizeof *f);
    f->needed = NAN;
    if (!(isfinite(target) && target > 0)) {
        *message = g_strdup(_("Type a target above 0 (won revenue, or won deals when the table has "
                              "no amounts). Nothing was written."));
        return FALSE;
    }
    if (stage < 0) {
        *message = g_strdup(needs);
        return FALSE;
    }
    if ((*message = rp_need_closed(s->counts.won, s->counts.lost)))
        return FALSE;
    char **order = pc_roles_stage_order(s->cells, (gsize)stage);
    gsize k = g_strv_length(order);
    if (k == 0) {
        g_strfreev(order);
        *message = g_strdup(needs);
        return FALSE;
    }
    GPtrArray *keys = pc_text_keys(s->cells);
    const char *won = rp_won_stage();
    PcTable *data = rp_closed_stage_data(s, keys, order[0], won, NULL);
    PcTable *stages = rp_name_column(order, k, won);
    double avg = rp_average_won(s, keys);
    f->closed = data ? data->rows : 0;
    gsize target_row = FIRST_ROW + k + 2;
    RpPlan *p = f->plan = rp_plan_new(RP_PLACE_SHEET, RP_MARKER_FUNNEL, target_row + 2,
                                      COLS + CHART_COLS);
    p->sheet_base = g_strdup(_("Funnel"));
    p->undo_title = g_strdup(_("Pipecalc: write funnel"));
    p->amount_col = pc_roles_find(s->roles, s->cells->cols, PC_ROLE_AMOUNT);
    char *src = rp_source_text(s);
    char *line = g_strdup_printf(tx_n("From %s: %zu closed deal (won + lost); a lost deal counts at "
                                      "the stage it shows.",
                                      "From %s: %zu closed deals (won + lost); a lost deal counts at "
                                      "the stage it shows.", f->closed), src, f->closed);
    rp_set_text(p, 0, 0, _("Pipeline funnel"));
    rp_style(p, (RpRect){ 0, 0, 0, COLS - 1 }, RP_STYLE_TITLE);
    rp_merge(p, (RpRect){ 0, 0, 0, COLS - 1 });
    rp_set_text(p, 1, 0, line);
    rp_style(p, (RpRect){ 1, 0, 1, COLS - 1 }, RP_STYLE_NOTE);
    rp_merge(p, (RpRect){ 1, 0, 1, COLS - 1 }); /* a long line: merged, it sizes no column */
    g_free(line);
    g_free(src);
    for (gsize j = 0; j < COLS; j++)
        rp_set_text(p, HEAD_ROW, j, _(HEAD[j]));
    rp_style(p, (RpRect){ HEAD_ROW, 0, HEAD_ROW, COLS - 1 }, RP_STYLE_HEADER);
    rp_set_text(p, HEAD_ROW, LABEL_COL, _("Chart label"));
    rp_set_text(p, HEAD_ROW, LABEL_COL + 1, _(HEAD[1]));
    rp_style(p, (RpRect){ HEAD_ROW, LABEL_COL, FIRST_ROW + k, LABEL_COL + 1 }, RP_STYLE_NOTE);
    p->freeze_rows = HEAD_ROW + 1;
    PcError err;
    pc_error_clear(&err);
    gboolean ok = data && stages && stage_rows(f, order, k, data, stages, avg > 0 ? avg : 1.0, target, &err);
    if (ok) {
        rp_set_text(p, target_row, 0, _("Target"));
        rp_set_number(p, target_row, 1, target, avg > 0 ? RP_FORMAT_AMOUNT : RP_FORMAT_INTEGER);
        rp_set_text(p, target_row, 2, avg > 0 ? _("won revenue") : _("won deals"));
        if (avg > 0) {
            rp_set_text(p, target_row + 1, 0, _("Average won deal"));
            rp_set_number(p, target_row + 1, 1, avg, RP_FORMAT_AMOUNT);
        }
        rp_fit_widths(p, 6, 40);
        put_chart(p, k);
    } else {
        *message = g_strdup_printf(_("The funnel failed: %s. Nothing was written."),
                                   err.message[0] ? err.message : "?");
        rp_funnel_clear(f);
    }
    pc_table_free(data);
    pc_table_free(stages);
    g_ptr_array_unref(keys);
    g_strfreev(order);
    return ok;
}

void rp_funnel_clear(RpFunnel *f)
{
    rp_plan_free(f->plan);
    f->plan = NULL;
}
