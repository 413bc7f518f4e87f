/* pc_score.c - LEAD_SCORE: naive-Bayes win probability of leads, trained on past leads.
 *
 * Exports pc_lead_score and pc_lead_factors (the terms of one lead's score, from the same
 * model). The model is pc_bayes.c's with two classes, won and lost: the rows whose outcome
 * is neither (open, blank, a header's "Outcome") are no training rows. Each value (or
 * numeric bin) of a column contributes the log-odds term log P(v|L) - log P(v|W), so scoring
 * a lead is one lookup per column. Memory is O(distinct values + rows), time
 * O(rows * columns + numeric values * log).
 *
 * Messages name rows 1-based within the range ("History row 3"); PcError.row is 0-based.
 *
 * Decisions beyond the specification (issue 3), besides pc_bayes.h's rules of reading:
 * - History 0 x 0 has 0 columns, so any Leads differs from it: PC_ERR_ARG.
 * - An error value anywhere in Leads, History or Outcomes (training row or not):
 *   PC_ERR_VALUE; a non-finite number anywhere in them: PC_ERR_NUM. (Calc answers Err:504
 *   itself for an error cell in a range; inline and computed arrays can still carry one.)
 * - A Smoothing so extreme that a likelihood is not a finite number in log space
 *   (e.g. 1e308): PC_ERR_NUM.
 * - A score is a double: it rounds to exactly 1 when the odds for won pass about 1e16,
 *   to exactly 0 only when the odds against pass about 1e323.
 */
#include "pc_score.h"

#include "pc_bayes.h"
#include "pc_text.h"

#include <math.h>

enum { WON, LOST }; /* the two classes */

/* Check the shapes and cells of the arguments into M (after pc_bayes_begin). */
static PcStatus check_args(PcBayes *m, const PcTable *outcomes, PcError *err)
{
    gssize n_out = outcomes ? pc_table_vector_len(outcomes) : 0;
    if (n_out < 0)
        return pc_fail(err, PC_ERR_ARG, 2, -1, "Outcomes must be one column or one row");
    if ((gsize)n_out != m->history->rows)
        return pc_fail(err, PC_ERR_ARG, 2, -1,
                       "Outcomes must have one cell per row of History (Outcomes: %zd, History: %zu)",
                       n_out, m->history->rows);
    PcStatus st;
    if ((st = pc_bayes_check_cells(m->history, 1, "History", err)) != PC_OK ||
        (st = pc_bayes_check_cells(outcomes, 2, "Outcomes", err)) != PC_OK)
        return st;
    return pc_bayes_check_cells(m->leads, 0, "Leads", err);
}

/* Give each History row its class, won, lost or none (no training row); count them. */
static PcStatus read_outcomes(PcBayes *m, const PcTable *outcomes, PcError *err)
{
    gsize rows = m->history->rows;
    m->n_classes = 2;
    m->class_of_row = g_try_new(guint32, rows);
    m->n_class = g_try_new0(gsize, 2);
    if (!m->class_of_row || !m->n_class)
        return pc_bayes_fail_nomem(err, 2);
    GPtrArray *okeys = pc_text_keys(outcomes);
    for (gsize r = 0; r < rows; r++) {
        PcOutcome o = pc_outcome_of_cell(outcomes, okeys, pc_table_vector_at(outcomes, r));
        m->class_of_row[r] = o == PC_OUTCOME_WON ? WON : o == PC_OUTCOME_LOST ? LOST : PC_BAYES_NONE;
        if (m->class_of_row[r] != PC_BAYES_NONE)
            m->n_class[m->class_of_row[r]]++;
    }
    g_ptr_array_unref(okeys);
    m->n_train = m->n_class[WON] + m->n_class[LOST];
    if (m->n_class[WON] == 0 || m->n_class[LOST] == 0)
        return pc_fail(err, PC_ERR_NA, 2, -1,
                       "Outcomes needs at least one won and one lost lead to learn from "
                       "(won: %zu, lost: %zu)", m->n_class[WON], m->n_class[LOST]);
    return PC_OK;
}

/* Return lead I's log odds of lost over won: the prior, then one term per column,
 * log P(v|L) - log P(v|W) (0 when the value contributes no factor). When TERMS is not
 * NULL, each column's term goes there too (n_cols of them). */
static double lead_log_odds_lost(const PcBayes *m, gsize i, double *terms)
{
    double d = log((double)m->n_class[LOST]) - log((double)m->n_class[WON]);
    for (gsize j = 0; j < m->n_cols; j++) {
        const PcBayesColumn *col = &m->cols[j];
        const PcBayesSlot *s = pc_bayes_slot(m, i, j);
        double t = s ? pc_bayes_log_p(col, s, LOST) - pc_bayes_log_p(col, s, WON) : 0.0;
        if (terms)
            terms[j] = t;
        d += t;
    }
    return d;
}

/* Score every lead of M into a new array *SCORES. */
static PcStatus score_leads(PcBayes *m, double **scores, PcError *err)
{
    PcStatus st = pc_bayes_map_leads(m, err);
    if (st != PC_OK)
        return st;
    double *out = g_try_new(double, m->n_leads);
    if (!out)
        return pc_bayes_fail_nomem(err, 0);
    for (gsize i = 0; i < m->n_leads; i++) {
        double d = lead_log_odds_lost(m, i, NULL);
        /* 1 / (1 + e^d) without overflow */
        out[i] = d > 0 ? exp(-d) / (1.0 + exp(-d)) : 1.0 / (1.0 + exp(d));
    }
    *scores = out;
    return PC_OK;
}

/* Check the arguments and train M on them (the one model of score and factors). */
static PcStatus build_model(PcBayes *m, const PcTable *leads, const PcTable *history,
                            const PcTable *outcomes, const PcTable *smoothing, PcError *err)
{
    PcStatus st = pc_bayes_begin(m, leads, history, smoothing, 3, err);
    if (st == PC_OK)
        st = check_args(m, outcomes, err);
    if (st == PC_OK)
        st = read_outcomes(m, outcomes, err);
    if (st == PC_OK)
        st = pc_bayes_key_history(m, err);
    if (st == PC_OK)
        st = pc_bayes_train(m, 3, err);
    return st;
}

PcStatus pc_lead_score(const PcTable *leads, const PcTable *history, const PcTable *outcomes,
                       const PcTable *smoothing, double **scores, gsize *n_scores,
                       PcError *err)
{
    g_return_val_if_fail(scores && n_scores, PC_ERR_ARG);
    *scores = NULL;
    *n_scores = 0;
    PcBayes m;
    PcStatus st = build_model(&m, leads, history, outcomes, smoothing, err);
    if (st == PC_OK)
        st = score_leads(&m, scores, err);
    if (st == PC_OK)
        *n_scores = m.n_leads;
    pc_bayes_clear(&m);
    return st;
}

PcStatus pc_lead_factors(const PcTable *leads, const PcTable *history, const PcTable *outcomes,
                         const PcTable *smoothing, gsize lead, double *prior, double **terms,
                         gsize *n_terms, PcError *err)
{
    g_return_val_if_fail(prior && terms && n_terms, PC_ERR_ARG);
    *terms = NULL;
    *n_terms = 0;
    PcBayes m;
    PcStatus st = build_model(&m, leads, history, outcomes, smoothing, err);
    if (st == PC_OK && lead >= m.n_leads)
        st = pc_fail(err, PC_ERR_ARG, 0, -1, "there is no lead %zu among %zu", lead + 1, m.n_leads);
    if (st == PC_OK)
        st = pc_bayes_map_leads(&m, err);
    double *out = st == PC_OK ? g_try_new(double, MAX(m.n_cols, 1)) : NULL;
    if (st == PC_OK && !out)
        st = pc_bayes_fail_nomem(err, 0);
    if (st == PC_OK) {
        lead_log_odds_lost(&m, lead, out);
        /* the model works in the odds against winning: turn every sign for the caller */
        for (gsize j = 0; j < m.n_cols; j++)
            out[j] = out[j] == 0.0 ? 0.0 : -out[j];
        *prior = log((double)m.n_class[WON]) - log((double)m.n_class[LOST]);
        *terms = out;
        *n_terms = m.n_cols;
        out = NULL;
    }
    g_free(out);
    pc_bayes_clear(&m);
    return st;
}
