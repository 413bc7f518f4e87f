/* rp_accuracy.c - the Forecast accuracy sheet (rp_accuracy.h), computed through the core.
 *
 * Everything is computed first (each earlier snapshot's probabilities and periods, the
 * calibration bins), then the rows are counted and the plan written from top to bottom. */
#include "rp_accuracy.h"

#include "pc_score.h"
#include "pc_select.h"

#include "pc_evidence.h"
#include "rp_stages.h"
#include "tx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    COL_SNAPSHOT, COL_PERIOD, COL_DEALS, COL_EXPECTED, COL_P10, COL_P50, COL_P90, COL_ACTUAL,
    COL_ERROR, COL_INSIDE, COLS
};
/* The calibration tables' columns. */
enum { CAL_NAME, CAL_DEALS, CAL_PREDICTED, CAL_REALISED, CAL_BRIER, CAL_NOTE, CAL_COLS };

static const char *const HEAD[COLS] = {
    N_("Snapshot"), N_("Period"), N_("Deals"), N_("Expected"), N_("P10"), N_("P50"), N_("P90"),
    N_("Actual"), N_("Error"), N_("Inside P10–P90"),
};
static const char *const CAL_HEAD[CAL_COLS] = {
    NULL, N_("Deals"), N_("Predicted"), N_("Realised"), N_("Brier score"), N_("Note"),
};

/* The header texts of the table a snapshot's stage probabilities are learned from: English
 * words pc_roles_detect knows, whatever the user interface's language. */
static const char *const LEARN_HEAD[] = { "Deal", "Stage", "Amount", "Close date", "Outcome" };

/* One row of the table: a snapshot's day and one of its periods. */
typedef struct {
    double day;
    PcBacktestPeriod period;
} Row;

/* One calibration bin: a stage or a decile. */
typedef struct {
    char *name;              /* as first typed (g_free) */
    PcCalibration c;
    gsize first;             /* order first seen */
} Bin;

typedef struct {
    const RpHistory *h;
    const RpAccuracyOptions *o;
    GArray *rows;            /* Row */
    GArray *stages;          /* Bin, by stage */
    GHashTable *stage_of;    /* pc_text_key of a stage -> its bin + 1 */
    gboolean *closed_seen;   /* per deal of the latest: counted in the calibration */
    Bin deciles[10];
    gsize n_deciles;         /* deciles with a deal */
    double first_pending;    /* the last day of the first period not yet ended (0: none) */
} Model;

/* ---- small helpers ---------------------------------------------------------------- */

/* A number, or "-" where it cannot be said (NAN). */
static void put(RpPlan *p, gsize row, gsize col, double v, RpFormat format)
{
    if (isnan(v))
        rp_set_text(p, row, col, "-");
    else
        rp_set_number(p, row, col, v, format);
}

static char *percent_text(RpNumberText number, double v)
{
    return number(100.0 * v, 0);
}

static char *date_text(const RpAccuracyOptions *o, double serial)
{
    char buf[16];
    pc_date_iso(&o->dates, serial, buf, sizeof buf);
    return g_strdup(buf);
}

/* ---- one snapshot ------------------------------------------------------------------- */

/* Snapshot S's deals as a lead table to learn its stage probabilities from (pc_table_free). */
static PcTable *learn_table(const RpSnapshotDeals *s)
{
    PcTable *t = pc_table_new(s->n + 1, G_N_ELEMENTS(LEARN_HEAD));
    for (gsize j = 0; j < G_N_ELEMENTS(LEARN_HEAD) && t; j++)
        pc_table_set_text(t, 0, j, LEARN_HEAD[j], -1);
    for (gsize i = 0; i < s->n && t; i++) {
        const PcSnapDeal *d = &s->deals[i];
        pc_table_set_text(t, i + 1, 0, d->name, -1);
        if (d->stage)
            pc_table_set_text(t, i + 1, 1, d->stage, -1);
        pc_table_set_number(t, i + 1, 2, d->amount);
        if (d->close > 0)
            pc_table_set_number(t, i + 1, 3, d->close);
        if (d->outcome != PC_OUTCOME_NONE)
            pc_table_set_text(t, i + 1, 4, d->outcome == PC_OUTCOME_WON ? "Won" : "Lost", -1);
    }
    return t;
}

/* The probability of each deal of S into PROBS: typed, else its stage's as learned from S's
 * own closed deals. FALSE when S needs stage probabilities and cannot learn them; *CLOSED
 * the closed deals learned from. */
static gboolean snapshot_probabilities(const RpSnapshotDeals *s, const PcDates *dates,
                                       double *probs, gsize *closed)
{
    gboolean needed = FALSE;
    for (gsize i = 0; i < s->n; i++) {
        const PcSnapDeal *d = &s->deals[i];
        probs[i] = d->outcome == PC_OUTCOME_NONE && d->typed ? d->probability : NAN;
        needed |= d->outcome == PC_OUTCOME_NONE && !d->typed;
    }
    *closed = 0;
    if (!needed)
        return TRUE;
    PcTable *t = learn_table(s);
    if (!t)
        return FALSE;
    PcRole *roles = g_new0(PcRole, t->cols);
    pc_roles_detect(t, roles);
    RpSource src = { .cells = t, .roles = roles, .sheet_name = "", .dates = *dates };
    pc_roles_count(t, roles, &src.counts);
    GPtrArray *keys = pc_text_keys(t);
    RpStages st;
    char *message = NULL;
    gboolean ok = rp_stages_learn(&src, keys, NULL, &st, &message);
    g_free(message);
    if (ok) {
        GHashTable *prob_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        for (gsize k = st.k; k-- > 0;) /* backwards: the first of a key wins */
            g_hash_table_insert(prob_of, pc_text_key(st.order[k]), &st.prob[k]);
        for (gsize i = 0; i < s->n; i++) {
            const PcSnapDeal *d = &s->deals[i];
            if (d->outcome != PC_OUTCOME_NONE || d->typed)
                continue;
            char *key = d->stage ? pc_text_key(d->stage) : NULL;
            const double *p = key ? g_hash_table_lookup(prob_of, key) : NULL;
            probs[i] = p ? *p : st.prob[0];
            g_free(key);
        }
        g_hash_table_destroy(prob_of);
        *closed = st.closed;
    }
    rp_stages_clear(&st);
    g_ptr_array_unref(keys);
    g_free(roles);
    pc_table_free(t);
    return ok;
}

/* The bin of stage NAME, made when new. */
static Bin *stage_bin(Model *m, const char *name)
{
    char *key = pc_text_key(name ? name : "");
    gsize at = GPOINTER_TO_SIZE(g_hash_table_lookup(m->stage_of, key));
    if (!at) {
        Bin b = { .name = g_strdup(*key ? name : _("(none)")), .first = m->stages->len };
        g_array_append_val(m->stages, b);
        at = m->stages->len;
        g_hash_table_insert(m->stage_of, key, GSIZE_TO_POINTER(at));
    } else {
        g_free(key);
    }
    return &g_array_index(m->stages, Bin, at - 1);
}

/* The open deals of S that the latest snapshot shows closed, into the stage bins. */
static void calibrate(Model *m, const RpSnapshotDeals *s, const double *probs, const gssize *match,
                      RpAccuracy *a)
{
    const RpSnapshotDeals *latest = &m->h->snap[m->h->n - 1];
    for (gsize i = 0; i < s->n; i++) {
        if (s->deals[i].outcome != PC_OUTCOME_NONE || match[i] < 0)
            continue;
        PcOutcome now = latest->deals[match[i]].outcome;
        if (now == PC_OUTCOME_NONE)
            continue;
        pc_calibration_add(&stage_bin(m, s->deals[i].stage)->c, probs[i], now == PC_OUTCOME_WON);
        pc_calibration_add(&a->calibration, probs[i], now == PC_OUTCOME_WON);
        if (!m->closed_seen[match[i]]) {
            m->closed_seen[match[i]] = TRUE;
            a->closed++;
        }
    }
}

/* Every earlier snapshot against the latest L. FALSE with *MESSAGE on a failure. */
static gboolean evaluate(Model *m, const PcBacktestLatest *l, RpAccuracy *a, char **message)
{
    const RpHistory *h = m->h;
    PcError err;
    pc_error_clear(&err);
    for (gsize k = 0; k + 1 < h->n; k++) {
        const RpSnapshotDeals *s = &h->snap[k];
        double *probs = g_new(double, MAX(s->n, 1));
        gssize *match = g_new(gssize, MAX(s->n, 1));
        gsize closed = 0, n = 0;
        PcBacktestPeriod p[PC_BACKTEST_PERIODS];
        PcStatus st = PC_OK;
        if (!snapshot_probabilities(s, &m->o->dates, probs, &closed))
            a->skipped++;
        else if ((st = pc_backtest_snapshot(l, s->deals, s->n, s->date, probs, p, &n, match, &err)) ==
                     PC_OK && n) {
            a->snapshots++;
            a->thin += closed > 0 && closed < PC_EVIDENCE_MIN_CLOSED;
            for (gsize j = 0; j < n; j++) {
                Row r = { s->date, p[j] };
                g_array_append_val(m->rows, r);
            }
            calibrate(m, s, probs, match, a);
        } else if (st == PC_OK && !m->first_pending) {
            m->first_pending = pc_month_last_day(&m->o->dates, pc_month_of_serial(&m->o->dates, s->date));
        }
        g_free(probs);
        g_free(match);
        if (st != PC_OK) {
            *message = g_strdup_printf(_("Forecast accuracy failed: %s. Nothing was written."),
                                       err.message);
            return FALSE;
        }
    }
    return TRUE;
}

static int by_predicted(const void *pa, const void *pb)
{
    const Bin *a = pa, *b = pb;
    double x = pc_calibration_predicted(&a->c), y = pc_calibration_predicted(&b->c);
    if (x != y)
        return x < y ? -1 : 1;
    return (a->first > b->first) - (a->first < b->first);
}

/* The latest snapshot's closed deals with a score, into the deciles. */
static void score_deciles(Model *m, RpAccuracy *a)
{
    const RpAccuracyOptions *o = m->o;
    const RpSnapshotDeals *latest = &m->h->snap[m->h->n - 1];
    GHashTable *index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (gsize i = 0; i < latest->n; i++)
        if (latest->deals[i].outcome != PC_OUTCOME_NONE)
            g_hash_table_insert(index, pc_text_key(latest->deals[i].name), GSIZE_TO_POINTER(i + 1));
    double *score = g_new(double, MAX(o->n_scores, 1));
    gboolean *won = g_new(gboolean, MAX(o->n_scores, 1));
    gsize n = 0;
    for (gsize i = 0; i < o->n_scores; i++) {
        double v = o->scores[i].score;
        if (!o->scores[i].name || !(v >= 0 && v <= 1))
            continue;
        char *key = pc_text_key(o->scores[i].name);
        gsize at = GPOINTER_TO_SIZE(g_hash_table_lookup(index, key));
        if (at)
            g_hash_table_remove(index, key); /* a deal scored twice counts once */
        g_free(key);
        if (!at)
            continue;
        score[n] = v;
        won[n++] = latest->deals[at - 1].outcome == PC_OUTCOME_WON;
    }
    guint8 *decile = g_new(guint8, MAX(n, 1));
    pc_deciles(score, n, decile);
    for (gsize i = 0; i < n; i++) {
        pc_calibration_add(&m->deciles[decile[i]].c, score[i], won[i]);
        pc_calibration_add(&a->score, score[i], won[i]);
    }
    for (int d = 0; d < 10; d++)
        m->n_deciles += m->deciles[d].c.n > 0;
    g_free(decile);
    g_free(score);
    g_free(won);
    g_hash_table_destroy(index);
}

/* ---- the sheet ---------------------------------------------------------------------- */

static GPtrArray *notes_of(const Model *m, const RpAccuracy *a)
{
    const RpAccuracyOptions *o = m->o;
    const RpHistory *h = m->h;
    GPtrArray *notes = g_ptr_array_new_with_free_func(g_free);
    char *first = date_text(o, h->snap[0].date), *last = date_text(o, h->snap[h->n - 1].date);
    g_ptr_array_add(notes, g_strdup_printf(
        tx_n("From %zu snapshot of the Pipeline history (%s to %s): each earlier snapshot's "
             "forecast of its month and the next %d months, at stage probabilities learned only "
             "from the deals closed at that snapshot, against the revenue won in each month that "
             "has ended by the latest snapshot, from the deals open at the snapshot.",
             "From %zu snapshots of the Pipeline history (%s to %s): each earlier snapshot's "
             "forecast of its month and the next %d months, at stage probabilities learned only "
             "from the deals closed at that snapshot, against the revenue won in each month that "
             "has ended by the latest snapshot, from the deals open at the snapshot.", h->n),
        h->n, first, last, PC_BACKTEST_HORIZON));
    g_free(first);
    g_free(last);
    if (o->reconstructed)
        g_ptr_array_add(notes, g_strdup(_("The snapshots were reconstructed from the stage log: "
                                          "each deal's stage as of each date, with today's "
                                          "amounts and close dates. Amounts and dates that "
                                          "changed since are not as they were then.")));
    if (a->skipped)
        g_ptr_array_add(notes, g_strdup_printf(
            tx_n("%zu snapshot was left out: it had no won or no lost deal to learn stage "
                 "probabilities from.",
                 "%zu snapshots were left out: they had no won or no lost deal to learn stage "
                 "probabilities from.", a->skipped), a->skipped));
    if (a->thin)
        g_ptr_array_add(notes, g_strdup_printf(
            tx_n("At %zu snapshot the stage probabilities were learned from fewer than %d closed "
                 "deals: they were mostly chance there.",
                 "At %zu snapshots the stage probabilities were learned from fewer than %d closed "
                 "deals: they were mostly chance there.", a->thin), a->thin,
            PC_EVIDENCE_MIN_CLOSED));
    if (a->closed < PC_EVIDENCE_MIN_CLOSED)
        g_ptr_array_add(notes, g_strdup_printf(
            tx_n("Only %zu deal open at the snapshots has closed since (fewer than %d): the "
                 "calibration is a rough guide.",
                 "Only %zu deals open at the snapshots have closed since (fewer than %d): the "
                 "calibration is a rough guide.", a->closed), a->closed, PC_EVIDENCE_MIN_CLOSED));
    return notes;
}

/* The summary rows from ROW: MAPE, share inside, bias, the verdict. Returns the next row. */
static gsize put_summary(RpPlan *p, gsize row, const Model *m, const PcBacktestSummary *s)
{
    RpNumberText number = m->o->number;
    static const char *const LABEL[3] = {
        N_("Mean absolute percentage error (MAPE)"), N_("Share inside P10–P90"), N_("Bias"),
    };
    double value[3] = { s->mape, s->share, s->bias };
    char *text[3];
    gsize without = s->periods - s->mape_periods;
    GString *over = g_string_new(NULL);
    g_string_printf(over, tx_n("Over %zu period with revenue won.",
                               "Over %zu periods with revenue won.", s->mape_periods),
                    s->mape_periods);
    if (without) {
        g_string_append_c(over, ' ');
        g_string_append_printf(over, tx_n("%zu period without any is left out (no percentage "
                                          "of nothing).",
                                          "%zu periods without any are left out (no percentage "
                                          "of nothing).", without), without);
    }
    text[0] = g_string_free(over, FALSE);
    char *lo = percent_text(number, (double)s->low / (double)MAX(s->periods, 1));
    char *hi = percent_text(number, (double)s->high / (double)MAX(s->periods, 1));
    text[1] = g_strdup_printf(tx_n("With right probabilities about 80 %% of the periods fall "
                                   "inside; for %zu period, 90 %% of the time between %s %% and "
                                   "%s %%.",
                                   "With right probabilities about 80 %% of the periods fall "
                                   "inside; for %zu periods, 90 %% of the time between %s %% and "
                                   "%s %%.", s->periods), s->periods, lo, hi);
    g_free(lo);
    g_free(hi);
    if (isnan(s->bias)) {
        text[2] = g_strdup(_("No revenue was won in the periods: the bias cannot be said."));
    } else {
        char *b = percent_text(number, fabs(s->bias));
        text[2] = s->bias > 0 ? g_strdup_printf(_("The forecasts were %s %% too high on the whole "
                                                  "(expected - actual, over the actual)."), b)
                  : s->bias < 0 ? g_strdup_printf(_("The forecasts were %s %% too low on the whole "
                                                    "(expected - actual, over the actual)."), b)
                                : g_strdup(_("The forecasts were right on the whole."));
        g_free(b);
    }
    for (int i = 0; i < 3; i++, row++) {
        rp_set_text(p, row, 0, _(LABEL[i]));
        rp_merge(p, (RpRect){ row, 0, row, COL_DEALS });
        put(p, row, COL_EXPECTED, value[i], RP_FORMAT_PERCENT);
        rp_set_text(p, row, COL_P10, text[i]);
        rp_style(p, (RpRect){ row, COL_P10, row, COLS - 1 }, RP_STYLE_NOTE);
        rp_merge(p, (RpRect){ row, COL_P10, row, COLS - 1 });
        g_free(text[i]);
    }
    const char *verdict = !s->off ? _("The share inside P10–P90 is within what chance allows "
                                      "around 80 %: the forecast's range is about right.")
                          : s->inside < s->low
                              ? _("Fewer periods fell inside P10–P90 than chance allows around "
                                  "80 %: the range is too narrow or off centre (the probabilities "
                                  "are too sure, too high or too low).")
                              : _("More periods fell inside P10–P90 than chance allows around "
                                  "80 %: the range is wider than it needs to be (the "
                                  "probabilities are too cautious).");
    rp_line(p, row++, verdict, RP_STYLE_NOTE);
    return row;
}

/* A calibration table from ROW: TITLE, a header with NAME_HEAD, BINS[0..N) (empty ones left
 * out), ALL named ALL_NAME. Returns the next row; its data rows into *FIRST, *LAST. */
static gsize put_calibration(RpPlan *p, gsize row, const char *title, const char *name_head,
                             const Bin *bins, gsize n, const PcCalibration *all,
                             const char *all_name, gsize *first, gsize *last)
{
    rp_line(p, row++, title, RP_STYLE_NONE);
    for (gsize j = 0; j < CAL_COLS; j++)
        rp_set_text(p, row, j, j ? _(CAL_HEAD[j]) : name_head);
    rp_style(p, (RpRect){ row, 0, row, CAL_COLS - 1 }, RP_STYLE_HEADER);
    *first = ++row;
    for (gsize i = 0; i <= n; i++) {
        const PcCalibration *c = i < n ? &bins[i].c : all;
        if (c->n == 0 && i < n)
            continue;
        rp_set_text(p, row, CAL_NAME, i < n ? bins[i].name : all_name);
        rp_set_number(p, row, CAL_DEALS, (double)c->n, RP_FORMAT_INTEGER);
        put(p, row, CAL_PREDICTED, pc_calibration_predicted(c), RP_FORMAT_PERCENT);
        put(p, row, CAL_REALISED, pc_calibration_realised(c), RP_FORMAT_PERCENT);
        put(p, row, CAL_BRIER, pc_calibration_brier(c), RP_FORMAT_GENERAL);
        if (c->n < PC_EVIDENCE_MIN_PER_VALUE) {
            char *why = g_strdup_printf(_("fewer than %d deals: mostly chance"),
                                        PC_EVIDENCE_MIN_PER_VALUE);
            rp_set_text(p, row, CAL_NOTE, why);
            rp_style(p, (RpRect){ row, CAL_NOTE, row, CAL_NOTE }, RP_STYLE_MUTED);
            g_free(why);
        }
        if (i == n)
            rp_style(p, (RpRect){ row, 0, row, CAL_COLS - 1 }, RP_STYLE_TOTAL);
        else
            *last = row;
        row++;
    }
    return row;
}

static void put_chart(RpPlan *p, const char *name, gsize head, gsize last, const char *title,
                      const char *x_title, gsize col)
{
    RpChart *c = rp_add_chart(p, name, RP_CHART_COLUMNS, (RpRect){ head, CAL_NAME, last, CAL_REALISED },
                              p->rows + 1, col);
    rp_chart_series(c, CAL_PREDICTED);
    rp_chart_series(c, CAL_REALISED);
    c->title = g_strdup(title);
    c->x_title = g_strdup(x_title);
    c->y_title = g_strdup(_("Win rate"));
    c->legend = TRUE;
    c->value_format = RP_FORMAT_PERCENT;
}

static void write_plan(Model *m, RpAccuracy *a)
{
    GPtrArray *notes = notes_of(m, a);
    gsize head = 1 + notes->len, n_rows = m->rows->len;
    gsize summary = head + 1 + n_rows + 1;
    gsize stages = summary + 4 + 1;
    gsize scores = stages + 2 + m->stages->len + 1 + 1;
    gsize total = m->o->scores ? scores + 2 + m->n_deciles + 1 : scores - 1;
    RpPlan *p = a->plan = rp_plan_new(RP_PLACE_SHEET, RP_MARKER_ACCURACY, total, COLS);
    p->sheet_base = g_strdup(_("Forecast accuracy"));
    p->undo_title = g_strdup(_("Pipecalc: forecast accuracy"));
    rp_set_text(p, 0, 0, _("Forecast accuracy"));
    rp_style(p, (RpRect){ 0, 0, 0, COLS - 1 }, RP_STYLE_TITLE);
    rp_merge(p, (RpRect){ 0, 0, 0, COLS - 1 });
    for (guint i = 0; i < notes->len; i++)
        rp_line(p, 1 + i, g_ptr_array_index(notes, i), RP_STYLE_NOTE);
    g_ptr_array_free(notes, TRUE);
    for (gsize j = 0; j < COLS; j++)
        rp_set_text(p, head, j, _(HEAD[j]));
    rp_style(p, (RpRect){ head, 0, head, COLS - 1 }, RP_STYLE_HEADER);
    p->freeze_rows = head + 1;
    for (gsize i = 0; i < n_rows; i++) {
        const Row *r = &g_array_index(m->rows, Row, i);
        const PcBacktestPeriod *q = &r->period;
        gsize row = head + 1 + i;
        rp_set_number(p, row, COL_SNAPSHOT, r->day, RP_FORMAT_DATE);
        rp_set_number(p, row, COL_PERIOD, pc_month_first_day(&m->o->dates, q->month), RP_FORMAT_DATE);
        rp_set_number(p, row, COL_DEALS, (double)q->deals, RP_FORMAT_INTEGER);
        rp_set_number(p, row, COL_EXPECTED, q->expected, RP_FORMAT_AMOUNT);
        rp_set_number(p, row, COL_P10, q->p10, RP_FORMAT_AMOUNT);
        rp_set_number(p, row, COL_P50, q->p50, RP_FORMAT_AMOUNT);
        rp_set_number(p, row, COL_P90, q->p90, RP_FORMAT_AMOUNT);
        rp_set_number(p, row, COL_ACTUAL, q->actual, RP_FORMAT_AMOUNT);
        put(p, row, COL_ERROR, q->error, RP_FORMAT_PERCENT);
        rp_set_text(p, row, COL_INSIDE, q->inside ? _("Yes") : _("No"));
    }
    put_summary(p, summary, m, &a->summary);
    qsort(m->stages->data, m->stages->len, sizeof(Bin), by_predicted);
    gsize first, last = 0;
    gsize next = put_calibration(p, stages, _("Calibration of the stage probabilities: each deal "
                                              "open at a snapshot and closed since, at its "
                                              "probability and stage there"), _("Stage"),
                                 (const Bin *)(void *)m->stages->data, m->stages->len,
                                 &a->calibration, _("All stages"), &first, &last);
    gsize stage_first = first, stage_last = last;
    if (m->o->scores) {
        for (int d = 0; d < 10; d++)
            m->deciles[d].name = d == 0 ? g_strdup(_("1 (lowest)"))
                                 : d == 9 ? g_strdup(_("10 (highest)"))
                                          : g_strdup_printf("%d", d + 1);
        last = 0;
        put_calibration(p, next + 1, _("Calibration of the Score: the latest snapshot's closed "
                                       "deals at today's Score, from today's attributes (a deal's "
                                       "own outcome may have taught it)"), _("Score decile"),
                        m->deciles, 10, &a->score, _("All scored deals"), &first, &last);
    }
    rp_fit_widths(p, 6, 30);
    if (m->stages->len)
        put_chart(p, "PipecalcAccuracyStages", stage_first - 1, stage_last,
                  _("Predicted and realised win rate by stage"), _("Stage"), 0);
    if (m->o->scores && m->n_deciles)
        put_chart(p, "PipecalcAccuracyScore", first - 1, last,
                  _("Predicted and realised win rate by Score decile"), _("Score decile"), 6);
}

gboolean rp_accuracy_plan(const RpHistory *h, const RpAccuracyOptions *o, RpAccuracy *a,
                          char **message)
{
    memset(a, 0, sizeof *a);
    *message = NULL;
    if (h->n < 2) {
        *message = g_strdup(_("Forecast accuracy needs at least two snapshots on different days: "
                              "an earlier one whose forecast is checked and a later one that "
                              "shows what was won. Take snapshot now and again after a month "
                              "has ended. Nothing was written."));
        return FALSE;
    }
    const RpSnapshotDeals *latest = &h->snap[h->n - 1];
    PcBacktestLatest l;
    PcError err;
    pc_error_clear(&err);
    if (pc_backtest_latest_init(&l, &o->dates, latest->deals, latest->n, latest->date, &err) != PC_OK) {
        *message = g_strdup_printf(_("Forecast accuracy failed: %s. Nothing was written."),
                                   err.message);
        return FALSE;
    }
    Model m = { .h = h, .o = o };
    m.rows = g_array_new(FALSE, FALSE, sizeof(Row));
    m.stages = g_array_new(FALSE, FALSE, sizeof(Bin));
    m.stage_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    m.closed_seen = g_new0(gboolean, MAX(latest->n, 1));
    gboolean ok = evaluate(&m, &l, a, message);
    if (ok && m.rows->len == 0) {
        ok = FALSE;
        if (a->skipped + 1 == h->n) {
            *message = g_strdup(_("Forecast accuracy learns each snapshot's stage probabilities "
                                  "from the deals closed at that snapshot, and no earlier "
                                  "snapshot has a won and a lost deal. Nothing was written."));
        } else {
            char *day = date_text(o, m.first_pending);
            *message = g_strdup_printf(_("No forecast period has ended by the latest snapshot "
                                         "yet: the earliest ends on %s. Take snapshot again "
                                         "after that. Nothing was written."), day);
            g_free(day);
        }
    }
    if (ok) {
        PcBacktestPeriod *periods = g_new(PcBacktestPeriod, m.rows->len);
        for (guint i = 0; i < m.rows->len; i++)
            periods[i] = g_array_index(m.rows, Row, i).period;
        pc_backtest_summarise(periods, m.rows->len, &a->summary);
        g_free(periods);
        if (o->scores)
            score_deciles(&m, a);
        a->stages = m.stages->len;
        write_plan(&m, a);
    }
    for (guint i = 0; i < m.stages->len; i++)
        g_free(g_array_index(m.stages, Bin, i).name);
    for (int d = 0; d < 10; d++)
        g_free(m.deciles[d].name);
    g_array_free(m.rows, TRUE);
    g_array_free(m.stages, TRUE);
    g_hash_table_destroy(m.stage_of);
    g_free(m.closed_seen);
    pc_backtest_latest_clear(&l);
    return ok;
}

void rp_accuracy_clear(RpAccuracy *a)
{
    rp_plan_free(a->plan);
    memset(a, 0, sizeof *a);
}

RpDealScore *rp_accuracy_scores(const RpSource *s, gsize *n)
{
    const PcTable *c = s->cells;
    *n = 0;
    gssize name = pc_roles_find(s->roles, c->cols, PC_ROLE_NAME);
    gssize outcome = pc_roles_find(s->roles, c->cols, PC_ROLE_OUTCOME);
    gssize stage = pc_roles_find(s->roles, c->cols, PC_ROLE_STAGE);
    GArray *cols = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize j = 0; j < c->cols; j++)
        if (pc_role_scores(s->roles[j]))
            g_array_append_val(cols, j);
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(gsize));
    GArray *won = g_array_new(FALSE, FALSE, sizeof(double));
    GPtrArray *keys = pc_text_keys(c);
    for (gsize r = 1; name >= 0 && r < c->rows; r++) {
        PcOutcome o = pc_roles_row_outcome(c, keys, r, outcome, stage);
        if (o == PC_OUTCOME_NONE || pc_table_at(c, r, (gsize)name)->kind != PC_CELL_TEXT)
            continue;
        double w = o == PC_OUTCOME_WON;
        g_array_append_val(rows, r);
        g_array_append_val(won, w);
    }
    g_ptr_array_unref(keys);
    RpDealScore *out = NULL;
    if (cols->len && rows->len) {
        PcTable *history = pc_table_select(c, (gsize *)rows->data, rows->len, (gsize *)cols->data,
                                           cols->len);
        PcTable *outcomes = pc_table_new(rows->len, 1);
        for (guint i = 0; i < won->len; i++)
            pc_table_set_number(outcomes, i, 0, g_array_index(won, double, i));
        double *scores = NULL;
        gsize k = 0;
        PcError err;
        if (history && pc_lead_score(history, history, outcomes, NULL, &scores, &k, &err) == PC_OK &&
            k == rows->len) {
            out = g_new(RpDealScore, k);
            for (gsize i = 0; i < k; i++) {
                gsize r = g_array_index(rows, gsize, i);
                out[i] = (RpDealScore){ pc_table_text(c, pc_table_at(c, r, (gsize)name)), scores[i] };
            }
            *n = k;
        }
        g_free(scores);
        pc_table_free(history);
        pc_table_free(outcomes);
    }
    g_array_free(cols, TRUE);
    g_array_free(rows, TRUE);
    g_array_free(won, TRUE);
    return out;
}
