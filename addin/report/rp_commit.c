/* rp_commit.c - the "Forecast categories" sheet (rp_commit.h), computed through the core. */
#include "rp_commit.h"

#include "pc_category.h"
#include "pc_evidence.h"
#include "pc_forecast.h"
#include "pc_num.h"
#include "pc_stage.h"
#include "rp_probability.h"
#include "tx.h"

#include <math.h>
#include <string.h>

#define CHART_NAME "PipecalcCategories"
enum { NO_PERIOD = -1 };

static const char *const HEAD[RP_COMMIT_COLS] = {
    N_("Month"), N_("Won"), N_("Commit"), N_("Won + Commit"), N_("Won + Commit + Best case"),
    N_("Weighted pipeline"), N_("Expected"), N_("P10"), N_("P90"), N_("Target"), N_("Coverage"),
    N_("Gap"), N_("Leads needed"),
};

/* The percentiles beside Expected. */
static const double QS[2] = { 0.1, 0.9 };

/* What one period (or "(no date)", or Total) adds up. */
typedef struct {
    gint first;                /* its first month; NO_PERIOD for "(no date)" */
    PcSum won, commit, best, weighted, expected;
    GArray *amounts, *probs;   /* its open deals, for the quantiles */
} Period;

typedef struct {
    const RpSource *src;
    const RpCommitOptions *o;
    gboolean quarters;
    gssize amount, close, category;
    RpStages st;
    RpProbabilities pr;
    GArray *periods;           /* Period, sorted, NO_PERIOD last when any */
    Period total;
    PcSum stages_total;        /* the open deals at the stage probabilities */
    double average_won;
} Commit;

static void period_init(Period *p, gint first)
{
    memset(p, 0, sizeof *p);
    p->first = first;
    p->amounts = g_array_new(FALSE, FALSE, sizeof(double));
    p->probs = g_array_new(FALSE, FALSE, sizeof(double));
}

static void period_free(Period *p)
{
    if (p->amounts) g_array_free(p->amounts, TRUE);
    if (p->probs) g_array_free(p->probs, TRUE);
}

static void commit_free(Commit *cm)
{
    for (guint i = 0; cm->periods && i < cm->periods->len; i++)
        period_free(&g_array_index(cm->periods, Period, i));
    if (cm->periods)
        g_array_free(cm->periods, TRUE);
    period_free(&cm->total);
    rp_probabilities_clear(&cm->pr);
    rp_stages_clear(&cm->st);
}

/* The header of column COL, for messages. */
static const char *header_of(const PcTable *c, gssize col)
{
    const PcCell *h = pc_table_at(c, 0, (gsize)col);
    return h->kind == PC_CELL_TEXT ? pc_table_text(c, h) : "?";
}

/* The period of data row R's close date into *FIRST (NO_PERIOD without one). FALSE with
 * the user's sentence for a text there. */
static gboolean period_of_row(const Commit *cm, gsize r, gint *first, char **message)
{
    const PcTable *c = cm->src->cells;
    const PcCell *d = pc_table_at(c, r, (gsize)cm->close);
    *first = NO_PERIOD;
    if (d->kind == PC_CELL_NUMBER) {
        gint m = pc_month_of_serial(&cm->src->dates, d->num);
        if (m >= 0)
            *first = cm->quarters ? rp_quarter_of_month(m) : m;
    } else if (d->kind != PC_CELL_EMPTY && !(d->kind == PC_CELL_TEXT && pc_text_is_space(pc_table_text(c, d)))) {
        *message = g_strdup_printf(_("Sheet row %zu: the %s cell holds no date. Nothing was "
                                     "written."), cm->src->row0 + r + 1, header_of(c, cm->close));
        return FALSE;
    }
    return TRUE;
}

/* Data row R's amount into *V (0 when empty). FALSE with the user's sentence for a text. */
static gboolean amount_of_row(const Commit *cm, gsize r, double *v, char **message)
{
    const PcTable *c = cm->src->cells;
    const PcCell *a = pc_table_at(c, r, (gsize)cm->amount);
    *v = 0.0;
    if (a->kind == PC_CELL_NUMBER && isfinite(a->num)) {
        *v = a->num;
        return TRUE;
    }
    if (a->kind == PC_CELL_EMPTY || (a->kind == PC_CELL_TEXT && pc_text_is_space(pc_table_text(c, a))))
        return TRUE;
    *message = g_strdup_printf(_("Sheet row %zu: the %s cell holds no number. Nothing was "
                                 "written."), cm->src->row0 + r + 1, header_of(c, cm->amount));
    return FALSE;
}

/* One deal of a period's (and Total's) rows. */
typedef struct {
    gint first;
    PcOutcome outcome;
    double amount;
    PcCategory category;
    RpDealProbability p;
} Deal;

static void add_deal(Period *p, const Deal *d)
{
    if (d->outcome == PC_OUTCOME_WON) {
        pc_sum_add(&p->won, d->amount);
        return;
    }
    switch (d->category) {
    case PC_CATEGORY_COMMIT:
    case PC_CATEGORY_CLOSED: pc_sum_add(&p->commit, d->amount); break;
    case PC_CATEGORY_BEST_CASE: pc_sum_add(&p->best, d->amount); break;
    case PC_CATEGORY_OMITTED: break;
    default: pc_sum_add(&p->weighted, d->amount * d->p.p); break;
    }
    pc_sum_add(&p->expected, d->amount * d->p.p);
    g_array_append_val(p->amounts, d->amount);
    g_array_append_val(p->probs, d->p.p);
}

static gint by_first(gconstpointer a, gconstpointer b)
{
    gint x = ((const Period *)a)->first, y = ((const Period *)b)->first;
    if (x == NO_PERIOD || y == NO_PERIOD)
        return (x == NO_PERIOD) - (y == NO_PERIOD);
    return (x > y) - (x < y);
}

/* The periods' rows: every period from the first to the last with an open deal or a
 * target, and "(no date)" when an open deal has none; then each deal added to its own. */
static void make_periods(Commit *cm, const GArray *deals, gboolean undated)
{
    const RpTargets *t = cm->o->targets;
    gint lo = G_MAXINT, hi = G_MININT;
    for (guint i = 0; i < deals->len; i++) {
        const Deal *d = &g_array_index(deals, Deal, i);
        if (d->outcome == PC_OUTCOME_NONE && d->first != NO_PERIOD) {
            lo = MIN(lo, d->first);
            hi = MAX(hi, d->first);
        }
    }
    for (gsize i = 0; t && i < t->n; i++) {
        lo = MIN(lo, t->t[i].first);
        hi = MAX(hi, t->t[i].first);
    }
    gint step = cm->quarters ? 3 : 1;
    cm->periods = g_array_new(FALSE, FALSE, sizeof(Period));
    for (gint m = lo; lo <= hi && m <= hi; m += step) {
        Period p;
        period_init(&p, m);
        g_array_append_val(cm->periods, p);
    }
    if (undated) {
        Period p;
        period_init(&p, NO_PERIOD);
        g_array_append_val(cm->periods, p);
    }
    g_array_sort(cm->periods, by_first);
    period_init(&cm->total, NO_PERIOD);
    for (guint i = 0; i < deals->len; i++) {
        const Deal *d = &g_array_index(deals, Deal, i);
        gint at = -1;
        if (d->first == NO_PERIOD)
            at = d->outcome == PC_OUTCOME_NONE && undated ? (gint)cm->periods->len - 1 : -1;
        else if (d->first >= lo && d->first <= hi)
            at = (d->first - lo) / step;
        if (at < 0)
            continue; /* a won deal outside the periods shown */
        add_deal(&g_array_index(cm->periods, Period, at), d);
        add_deal(&cm->total, d);
    }
}

/* A number, or "-" where it cannot be said. */
static void put(RpPlan *p, gsize row, gsize col, double v, RpFormat format)
{
    if (isnan(v))
        rp_set_text(p, row, col, "-");
    else
        rp_set_number(p, row, col, v, format);
}

/* LEADS_NEEDED of GAP at the average won deal from the first stage; NAN when it cannot be
 * said (no won deal with an amount). */
static double leads_for(const Commit *cm, double gap)
{
    if (!(cm->average_won > 0) || cm->st.k == 0)
        return NAN;
    double v;
    PcError e;
    gsize won = cm->src->counts.won, closed = cm->src->counts.won + cm->src->counts.lost;
    return pc_leads_needed_of_counts(gap, cm->average_won, closed, won, cm->st.order[0], &v, &e) == PC_OK
               ? v : NAN;
}

/* The targeted periods' sums for Total. */
typedef struct {
    double target, remaining, expected, gap;
    gboolean any;
} Targeted;

/* Columns Target .. Leads needed of ROW for TARGET (NAN: none), WON and EXPECTED. */
static void put_target(const Commit *cm, RpPlan *p, gsize row, double target, double remaining,
                       double expected, double gap)
{
    rp_set_number(p, row, RP_COMMIT_TARGET, target, RP_FORMAT_AMOUNT);
    if (remaining > 0)
        rp_set_number(p, row, RP_COMMIT_COVERAGE, expected / remaining, RP_FORMAT_PERCENT);
    else
        rp_set_text(p, row, RP_COMMIT_COVERAGE, _("reached"));
    rp_set_number(p, row, RP_COMMIT_GAP, gap, RP_FORMAT_AMOUNT);
    put(p, row, RP_COMMIT_LEADS, leads_for(cm, gap), RP_FORMAT_INTEGER);
}

/* Row ROW's Won .. P90 from P. FALSE with the core's error for the quantiles. */
static gboolean put_sums(RpPlan *p, gsize row, const Period *pd, PcError *err)
{
    double won = pc_sum_value(&pd->won), commit = pc_sum_value(&pd->commit);
    double q[2];
    PcStatus st = pc_won_total_quantiles((const double *)(void *)pd->amounts->data,
                                         (const double *)(void *)pd->probs->data, pd->amounts->len,
                                         QS, 2, q);
    if (st != PC_OK) {
        pc_fail(err, st, -1, -1, "the quantiles of a period cannot be computed");
        return FALSE;
    }
    rp_set_number(p, row, RP_COMMIT_WON, won, RP_FORMAT_AMOUNT);
    rp_set_number(p, row, RP_COMMIT_COMMIT, commit, RP_FORMAT_AMOUNT);
    rp_set_number(p, row, RP_COMMIT_WON_COMMIT, won + commit, RP_FORMAT_AMOUNT);
    rp_set_number(p, row, RP_COMMIT_WON_BEST, won + commit + pc_sum_value(&pd->best), RP_FORMAT_AMOUNT);
    rp_set_number(p, row, RP_COMMIT_WEIGHTED, pc_sum_value(&pd->weighted), RP_FORMAT_AMOUNT);
    rp_set_number(p, row, RP_COMMIT_EXPECTED, pc_sum_value(&pd->expected), RP_FORMAT_AMOUNT);
    rp_set_number(p, row, RP_COMMIT_P10, q[0], RP_FORMAT_AMOUNT);
    rp_set_number(p, row, RP_COMMIT_P90, q[1], RP_FORMAT_AMOUNT);
    return TRUE;
}

/* The notes under the title, one line each (g_ptr_array of g_free'd texts). */
static GPtrArray *notes(const Commit *cm, const RpCommit *out, const PcEvidence *e)
{
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    const PcTable *c = cm->src->cells;
    char *src = rp_source_text(cm->src);
    g_ptr_array_add(lines, g_strdup_printf(
        tx_n("From %s: %zu open deal by close date. A deal's probability is the one typed in the "
             "probability column, else its stage's (learned from %zu closed deals, as Write "
             "forecast uses them). The deck's Score is not used.",
             "From %s: %zu open deals by close date. A deal's probability is the one typed in the "
             "probability column, else its stage's (learned from %zu closed deals, as Write "
             "forecast uses them). The deck's Score is not used.", out->open),
        src, out->open, cm->st.closed));
    g_free(src);
    if (out->typed) {
        char *used = cm->o->number(out->expected, 0), *stages = cm->o->number(out->expected_stages, 0);
        g_ptr_array_add(lines, g_strdup_printf(
            tx_n("%zu open deal has a probability typed in the %s column: it is used, and never "
                 "overwritten. Expected in all: %s; at the stage probabilities only: %s.",
                 "%zu open deals have a probability typed in the %s column: they are used, and "
                 "never overwritten. Expected in all: %s; at the stage probabilities only: %s.",
                 out->typed),
            out->typed, header_of(c, cm->pr.probability), used, stages));
        g_free(used);
        g_free(stages);
    }
    if (!out->has_category)
        g_ptr_array_add(lines, g_strdup(_("The table has no forecast category column (such as "
                                          "Forecast category or Prognosekategorie): every open "
                                          "deal counts as Pipeline, weighted by its probability.")));
    else if (out->uncategorised)
        g_ptr_array_add(lines, g_strdup_printf(
            tx_n("%zu open deal has no forecast category Pipecalc knows (Commit, Best case, "
                 "Pipeline, Omitted): it counts as Pipeline.",
                 "%zu open deals have no forecast category Pipecalc knows (Commit, Best case, "
                 "Pipeline, Omitted): they count as Pipeline.", out->uncategorised),
            out->uncategorised));
    g_ptr_array_add(lines, g_strdup(_("Omitted deals are in no category column but in Expected, "
                                      "P10 and P90: PIPELINE_FORECAST knows no categories.")));
    if (e && e->closed < PC_EVIDENCE_MIN_CLOSED)
        g_ptr_array_add(lines, g_strdup_printf(
            tx_n("Little history: the stage probabilities are learned from %zu closed deal. With "
                 "fewer than %d they are mostly chance: take the figures as a rough guide.",
                 "Little history: the stage probabilities are learned from %zu closed deals. With "
                 "fewer than %d they are mostly chance: take the figures as a rough guide.",
                 e->closed), e->closed, PC_EVIDENCE_MIN_CLOSED));
    if (e && e->thin)
        g_ptr_array_add(lines, g_strdup_printf(
            tx_n("%zu stage was reached by fewer than %d closed deals (%s: %zu): its probability "
                 "is mostly chance.",
                 "%zu stages were reached by fewer than %d closed deals (e.g. %s: %zu): their "
                 "probabilities are mostly chance.", e->thin),
            e->thin, PC_EVIDENCE_MIN_PER_VALUE, e->value, e->value_closed));
    return lines;
}

static void put_chart(const Commit *cm, RpPlan *p, gsize head_row, gsize dated, gsize below)
{
    RpChart *c = rp_add_chart(p, CHART_NAME, RP_CHART_COLUMNS,
                              (RpRect){ head_row, 0, head_row + dated, RP_COMMIT_TARGET }, below, 0);
    rp_chart_series(c, RP_COMMIT_WON);
    rp_chart_series(c, RP_COMMIT_WON_COMMIT);
    rp_chart_series(c, RP_COMMIT_WON_BEST);
    rp_chart_series(c, RP_COMMIT_TARGET);
    c->title = g_strdup(cm->quarters ? _("Won, Commit and Best case against the target, by quarter")
                                     : _("Won, Commit and Best case against the target, by month"));
    c->x_title = g_strdup(cm->quarters ? _("Quarter") : _("Month"));
    c->y_title = g_strdup(_("Revenue"));
    c->legend = TRUE;
    c->value_format = RP_FORMAT_AMOUNT;
}

/* The sheet. FALSE with ERR on a core failure. */
static gboolean lay_out(Commit *cm, RpCommit *out, const PcEvidence *e, PcError *err)
{
    GPtrArray *lines = notes(cm, out, e);
    gsize head = 1 + lines->len + 1, n = cm->periods->len, total = head + 1 + n;
    RpPlan *p = out->plan = rp_plan_new(RP_PLACE_SHEET, RP_MARKER_CATEGORIES, total + 1, RP_COMMIT_COLS);
    p->sheet_base = g_strdup(_("Forecast categories"));
    p->undo_title = g_strdup(_("Pipecalc: forecast categories"));
    p->amount_col = cm->amount;
    p->freeze_rows = head + 1;
    out->head_row = head;
    rp_set_text(p, 0, 0, _("Forecast categories"));
    rp_style(p, (RpRect){ 0, 0, 0, RP_COMMIT_COLS - 1 }, RP_STYLE_TITLE);
    rp_merge(p, (RpRect){ 0, 0, 0, RP_COMMIT_COLS - 1 });
    for (guint i = 0; i < lines->len; i++) {
        RpRect r = { 1 + i, 0, 1 + i, RP_COMMIT_COLS - 1 };
        rp_set_text(p, 1 + i, 0, g_ptr_array_index(lines, i));
        rp_style(p, r, RP_STYLE_NOTE);
        rp_merge(p, r);
    }
    g_ptr_array_unref(lines);
    for (gsize j = 0; j < RP_COMMIT_COLS; j++)
        rp_set_text(p, head, j, j == 0 && cm->quarters ? _("Quarter") : _(HEAD[j]));
    rp_style(p, (RpRect){ head, 0, head, RP_COMMIT_COLS - 1 }, RP_STYLE_HEADER);
    Targeted all = { 0 };
    const RpTargets *t = cm->o->targets;
    gsize dated = 0;
    for (gsize i = 0; i < n; i++) {
        const Period *pd = &g_array_index(cm->periods, Period, i);
        gsize row = head + 1 + i;
        char label[16];
        if (pd->first == NO_PERIOD)
            g_strlcpy(label, _("(no date)"), sizeof label);
        else
            rp_period_label(pd->first, cm->quarters, label, sizeof label);
        rp_set_text(p, row, 0, label);
        if (!put_sums(p, row, pd, err))
            return FALSE;
        dated += pd->first != NO_PERIOD;
        const RpTarget *tg = t && pd->first != NO_PERIOD ? rp_targets_find(t, pd->first) : NULL;
        if (!tg)
            continue;
        double won = pc_sum_value(&pd->won), expected = pc_sum_value(&pd->expected);
        double remaining = MAX(tg->target - won, 0.0), gap = MAX(remaining - expected, 0.0);
        put_target(cm, p, row, tg->target, remaining, expected, gap);
        all.target += tg->target;
        all.remaining += remaining;
        all.expected += expected;
        all.gap += gap;
        all.any = TRUE;
    }
    rp_set_text(p, total, 0, _("Total"));
    rp_style(p, (RpRect){ total, 0, total, RP_COMMIT_COLS - 1 }, RP_STYLE_TOTAL);
    if (!put_sums(p, total, &cm->total, err))
        return FALSE;
    if (all.any)
        put_target(cm, p, total, all.target, all.remaining, all.expected, all.gap);
    rp_fit_widths(p, 6, 30);
    if (dated)
        put_chart(cm, p, head, dated, total + 2);
    out->periods = dated;
    return TRUE;
}

/* The columns the sheet needs; the user's sentence when one is missing. */
static char *refusal(const Commit *cm)
{
    gssize stage = pc_roles_find(cm->src->roles, cm->src->cells->cols, PC_ROLE_STAGE);
    if (cm->amount < 0 || cm->close < 0 || stage < 0)
        return g_strdup(_("Forecast categories need an amount, a stage and a close date column. "
                          "Nothing was written."));
    return NULL;
}

/* Every non-blank row as a Deal (lost ones left out) into DEALS; *UNDATED when an open deal
 * has no close date. FALSE with the user's sentence. */
static gboolean read_deals(Commit *cm, GPtrArray *keys, GArray *deals, gboolean *undated,
                           RpCommit *out, char **message)
{
    const PcTable *c = cm->src->cells;
    gssize outcome = pc_roles_find(cm->src->roles, c->cols, PC_ROLE_OUTCOME);
    gssize stage = pc_roles_find(cm->src->roles, c->cols, PC_ROLE_STAGE);
    PcSum stages = { 0.0, 0.0 };
    *undated = FALSE;
    for (gsize r = 1; r < c->rows; r++) {
        if (pc_roles_row_blank(c, r))
            continue;
        Deal d = { .outcome = pc_roles_row_outcome(c, keys, r, outcome, stage) };
        if (d.outcome == PC_OUTCOME_LOST)
            continue;
        if (!amount_of_row(cm, r, &d.amount, message) || !period_of_row(cm, r, &d.first, message))
            return FALSE;
        if (d.outcome == PC_OUTCOME_NONE) {
            if (!rp_deal_probability(&cm->pr, r, &d.p, message))
                return FALSE;
            const PcCell *cat = cm->category >= 0 ? pc_table_at(c, r, (gsize)cm->category) : NULL;
            d.category = cat ? pc_category_of_cell(keys, cat) : PC_CATEGORY_NONE;
            out->open++;
            out->typed += d.p.typed;
            out->uncategorised += cat && d.category == PC_CATEGORY_NONE;
            *undated |= d.first == NO_PERIOD;
            pc_sum_add(&stages, d.amount * (isnan(d.p.stage) ? d.p.p : d.p.stage));
        }
        g_array_append_val(deals, d);
    }
    out->expected_stages = pc_sum_value(&stages);
    if (!out->open) {
        *message = g_strdup(_("The table has no open deals to forecast. Nothing was written."));
        return FALSE;
    }
    return TRUE;
}

gboolean rp_commit_plan(const RpSource *s, const RpCommitOptions *o, RpCommit *out, char **message)
{
    const PcTable *c = s->cells;
    Commit cm = { .src = s, .o = o };
    memset(out, 0, sizeof *out);
    *message = NULL;
    cm.quarters = o->targets && o->targets->quarters;
    cm.amount = pc_roles_find(s->roles, c->cols, PC_ROLE_AMOUNT);
    cm.close = pc_roles_find(s->roles, c->cols, PC_ROLE_CLOSE_DATE);
    cm.category = pc_roles_find(s->roles, c->cols, PC_ROLE_CATEGORY);
    out->has_category = cm.category >= 0;
    if ((*message = refusal(&cm)))
        return FALSE;
    GPtrArray *keys = pc_text_keys(c);
    GArray *deals = g_array_new(FALSE, FALSE, sizeof(Deal));
    gboolean undated = FALSE, ok = rp_stages_learn(s, keys, o->given, &cm.st, message);
    if (ok) {
        rp_probabilities_init(&cm.pr, s, keys, &cm.st);
        ok = read_deals(&cm, keys, deals, &undated, out, message);
    }
    if (ok) {
        PcEvidence e;
        gboolean learned = !o->given;
        if (learned) {
            pc_evidence_stages(c, s->roles, &e);
            out->thin = pc_evidence_thin(&e);
        }
        cm.average_won = rp_average_won(s, keys);
        make_periods(&cm, deals, undated);
        out->expected = pc_sum_value(&cm.total.expected);
        PcError err;
        pc_error_clear(&err);
        if (!(ok = lay_out(&cm, out, learned ? &e : NULL, &err))) {
            *message = g_strdup_printf(_("Forecast categories failed: %s. Nothing was written."),
                                       err.message);
            rp_commit_clear(out);
        }
        if (learned)
            pc_evidence_clear(&e);
    }
    g_array_free(deals, TRUE);
    commit_free(&cm);
    g_ptr_array_unref(keys);
    return ok;
}

void rp_commit_clear(RpCommit *c)
{
    rp_plan_free(c->plan);
    memset(c, 0, sizeof *c);
}
