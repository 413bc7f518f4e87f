/* pc_score.c - LEAD_SCORE: naive-Bayes win probability of leads, trained on past leads.
 *
 * Exports pc_lead_score and pc_lead_factors (the terms of one lead's score, from the same
 * model); everything else has file scope. One call trains once and scores
 * every lead: each value (or numeric bin) of each column gets its log-odds term
 * log P(v|L) - log P(v|W), so scoring a lead is one lookup per column. Values are found by
 * id: every distinct history text key and every distinct history number gets a value id,
 * texts keyed once per distinct text of the table (pc_text_keys); a categorical column maps
 * value id -> counts in a hash table. Memory is O(distinct values + rows), time
 * O(rows * columns + numeric values * log).
 *
 * Messages name rows 1-based within the range ("History row 3"); PcError.row is 0-based.
 *
 * Decisions beyond the specification (issue 3):
 * - A text that is only white space is blank, like an empty cell.
 * - In a categorical column numbers match by value and texts by pc_text_key; a number never
 *   equals a text (10 and "10" are two values). A column is numeric when its non-blank
 *   training values are all numbers and there is at least one.
 * - Leads is k x c (c = History's columns): one lead per row, no header skipping (select
 *   the lead rows without the header); a blank row gets the prior. With a one-column
 *   History, a one-row Leads of k cells is k leads too (a "column" may be a row).
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

#include "pc_num.h"

#include "pc_args.h"
#include "pc_text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define N_CUTS 4 /* quintile cut points: at most 5 bins */

static const double QUANTILES[N_CUTS] = { 0.2, 0.4, 0.6, 0.8 };

typedef struct {
    gsize won, lost; /* training rows with this value */
    double delta;    /* log P(v|L) - log P(v|W) */
} Slot;

typedef struct {
    gboolean numeric;
    gsize n_won, n_lost; /* n_W,j and n_L,j: training rows with a non-blank value here */
    /* numeric: bins (-inf, cuts[0]], (cuts[0], cuts[1]], ..., (cuts[n_cuts-1], inf) */
    double cuts[N_CUTS];
    guint n_cuts;
    Slot bins[N_CUTS + 1];
    /* categorical */
    GHashTable *slot_of_vid; /* value id + 1 -> slot + 1 */
    Slot *slots;
    gsize n_slots, cap_slots;
} Column;

typedef struct {
    const PcTable *leads, *history, *outcomes;
    gsize n_leads, n_cols;
    gboolean leads_transposed; /* a one-row Leads scored as a column, History has 1 column */
    double alpha;
    GPtrArray *hkeys;           /* History text id -> key */
    guint8 *outcome;            /* History row -> PcOutcome */
    gsize n_won, n_lost, n_train;
    GHashTable *vid_of_key;     /* key (borrowed from hkeys) -> value id + 1 */
    GHashTable *vid_of_number;  /* double * into History's cells -> value id + 1 */
    gsize n_vids;
    gsize *vid_of_text;         /* History text id -> value id + 1, 0 when blank */
    Column *cols;
} Model;

static void model_clear(Model *m)
{
    if (m->cols) {
        for (gsize j = 0; j < m->n_cols; j++) {
            if (m->cols[j].slot_of_vid)
                g_hash_table_destroy(m->cols[j].slot_of_vid);
            g_free(m->cols[j].slots);
        }
        g_free(m->cols);
    }
    if (m->vid_of_key)
        g_hash_table_destroy(m->vid_of_key);
    if (m->vid_of_number)
        g_hash_table_destroy(m->vid_of_number);
    if (m->hkeys)
        g_ptr_array_unref(m->hkeys);
    g_free(m->vid_of_text);
    g_free(m->outcome);
}

static PcStatus fail_nomem(PcError *err, int arg)
{
    return pc_fail(err, PC_ERR_NOMEM, arg, -1, "the ranges are too large for memory");
}

/* Check that no cell of T (not NULL; argument ARG, called NAME) is an error value or a
 * non-finite number. */
static PcStatus check_cells(const PcTable *t, int arg, const char *name, PcError *err)
{
    for (gsize i = 0; i < t->rows * t->cols; i++) {
        const PcCell *c = &t->cells[i];
        gsize row = i / t->cols;
        if (c->kind == PC_CELL_ERROR)
            return pc_fail(err, PC_ERR_VALUE, arg, (gssize)row, "%s row %zu holds an error value",
                           pc_status_translate(name), row + 1);
        if (c->kind == PC_CELL_NUMBER && !isfinite(c->num))
            return pc_fail(err, PC_ERR_NUM, arg, (gssize)row,
                           "%s row %zu holds a number that is not finite",
                           pc_status_translate(name), row + 1);
    }
    return PC_OK;
}

/* Read Smoothing and check the shapes and cells of the arguments into M. */
static PcStatus check_args(Model *m, const PcTable *smoothing, PcError *err)
{
    gboolean given;
    PcStatus st = pc_optional_number(smoothing, 3, "Smoothing", &given, &m->alpha, err);
    if (st != PC_OK)
        return st;
    if (given && m->alpha < 0)
        return pc_fail(err, PC_ERR_NUM, 3, -1, "Smoothing must be above 0, not %g", m->alpha);
    if (!given)
        m->alpha = 1.0;
    if (!m->leads || m->leads->rows == 0)
        return pc_fail(err, PC_ERR_ARG, 0, -1, "Leads is empty");
    m->n_cols = m->history ? m->history->cols : 0;
    if (m->leads->cols == m->n_cols) {
        m->n_leads = m->leads->rows;
    } else if (m->n_cols == 1 && m->leads->rows == 1) {
        m->n_leads = m->leads->cols;
        m->leads_transposed = TRUE;
    } else {
        return pc_fail_n(err, PC_ERR_ARG, 0, -1, m->leads->cols,
                         "Leads has %zu column but History has %zu",
                         "Leads has %zu columns but History has %zu", m->leads->cols, m->n_cols);
    }
    gssize n_out = m->outcomes ? pc_table_vector_len(m->outcomes) : 0;
    if (n_out < 0)
        return pc_fail(err, PC_ERR_ARG, 2, -1, "Outcomes must be one column or one row");
    if ((gsize)n_out != m->history->rows)
        return pc_fail(err, PC_ERR_ARG, 2, -1,
                       "Outcomes must have one cell per row of History (Outcomes: %zd, History: %zu)",
                       n_out, m->history->rows);
    if ((st = check_cells(m->history, 1, "History", err)) != PC_OK ||
        (st = check_cells(m->outcomes, 2, "Outcomes", err)) != PC_OK)
        return st;
    return check_cells(m->leads, 0, "Leads", err);
}

/* Mark each History row won, lost or not training; count won and lost rows. */
static PcStatus read_outcomes(Model *m, PcError *err)
{
    gsize rows = m->history->rows;
    m->outcome = g_try_new(guint8, rows);
    if (!m->outcome)
        return fail_nomem(err, 2);
    GPtrArray *okeys = pc_text_keys(m->outcomes);
    for (gsize r = 0; r < rows; r++) {
        PcOutcome o = pc_outcome_of_cell(m->outcomes, okeys, pc_table_vector_at(m->outcomes, r));
        m->outcome[r] = (guint8)o;
        m->n_won += o == PC_OUTCOME_WON;
        m->n_lost += o == PC_OUTCOME_LOST;
    }
    g_ptr_array_unref(okeys);
    m->n_train = m->n_won + m->n_lost;
    if (m->n_won == 0 || m->n_lost == 0)
        return pc_fail(err, PC_ERR_NA, 2, -1,
                       "Outcomes needs at least one won and one lost lead to learn from "
                       "(won: %zu, lost: %zu)", m->n_won, m->n_lost);
    return PC_OK;
}

/* Give every distinct non-blank History text key a value id. */
static PcStatus key_history_texts(Model *m, PcError *err)
{
    guint n_texts = pc_table_text_count(m->history);
    m->vid_of_text = g_try_new(gsize, MAX(n_texts, 1));
    if (!m->vid_of_text)
        return fail_nomem(err, 1);
    m->hkeys = pc_text_keys(m->history);
    m->vid_of_key = g_hash_table_new(g_str_hash, g_str_equal);
    m->vid_of_number = g_hash_table_new(pc_number_hash, pc_number_equal);
    for (guint i = 0; i < n_texts; i++) {
        char *key = g_ptr_array_index(m->hkeys, i);
        gsize vid1 = 0;
        if (key[0] != '\0') {
            vid1 = GPOINTER_TO_SIZE(g_hash_table_lookup(m->vid_of_key, key));
            if (!vid1) {
                vid1 = ++m->n_vids;
                g_hash_table_insert(m->vid_of_key, key, GSIZE_TO_POINTER(vid1));
            }
        }
        m->vid_of_text[i] = vid1;
    }
    return PC_OK;
}

/* Decide which columns are numeric: all non-blank training values are numbers. */
static PcStatus type_columns(Model *m, PcError *err)
{
    const PcTable *h = m->history;
    guint8 *has_text = g_try_new0(guint8, m->n_cols);
    if (!has_text)
        return fail_nomem(err, 1);
    for (gsize r = 0; r < h->rows; r++) {
        if (m->outcome[r] == PC_OUTCOME_NONE)
            continue;
        for (gsize j = 0; j < m->n_cols; j++) {
            const PcCell *c = pc_table_at(h, r, j);
            if (c->kind == PC_CELL_NUMBER)
                m->cols[j].numeric = TRUE;
            else if (c->kind == PC_CELL_TEXT && m->vid_of_text[c->text])
                has_text[j] = TRUE;
        }
    }
    for (gsize j = 0; j < m->n_cols; j++)
        m->cols[j].numeric = m->cols[j].numeric && !has_text[j];
    g_free(has_text);
    return PC_OK;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Return the Q-quantile of SORTED (N > 0 values) as Calc's PERCENTILE.INC computes it: linear
 * interpolation at rank h = q * (n - 1). Calc floors h with rtl::math::approxFloor (floor
 * after rounding to 15 digits); for q = k/5 plain floor is the same: when k(n-1)/5 is whole
 * the product rounds to it exactly (q's error is under half an ulp of the result), and
 * otherwise h is at least 0.2 away from a whole number. For q < 1, i + 1 < n. */
static double percentile_inc(const double *sorted, gsize n, double q)
{
    double h = q * (double)(n - 1);
    double lo = floor(h);
    double diff = h - lo;
    gsize i = (gsize)lo;
    if (diff == 0.0)
        return sorted[i];
    return sorted[i] + diff * (sorted[i + 1] - sorted[i]);
}

/* Set the cut points of every numeric column from its training values; BUF holds
 * n_train doubles. */
static void cut_numeric_columns(Model *m, double *buf)
{
    const PcTable *h = m->history;
    for (gsize j = 0; j < m->n_cols; j++) {
        Column *col = &m->cols[j];
        if (!col->numeric)
            continue;
        gsize n = 0;
        for (gsize r = 0; r < h->rows; r++) {
            const PcCell *c = pc_table_at(h, r, j);
            if (m->outcome[r] != PC_OUTCOME_NONE && c->kind == PC_CELL_NUMBER)
                buf[n++] = c->num;
        }
        qsort(buf, n, sizeof *buf, compare_doubles);
        for (guint k = 0; k < N_CUTS; k++) {
            double cut = percentile_inc(buf, n, QUANTILES[k]);
            if (col->n_cuts == 0 || cut > col->cuts[col->n_cuts - 1])
                col->cuts[col->n_cuts++] = cut; /* equal cuts would make empty bins */
        }
    }
}

/* Return the bin of V in numeric column COL: the number of cut points below V. */
static guint bin_of(const Column *col, double v)
{
    guint b = 0;
    while (b < col->n_cuts && v > col->cuts[b])
        b++;
    return b;
}

/* Return the slot of value id VID1 (id + 1) in categorical column COL, NULL when no
 * training row has that value. */
static Slot *find_slot(const Column *col, gsize vid1)
{
    gsize slot1 = GPOINTER_TO_SIZE(g_hash_table_lookup(col->slot_of_vid, GSIZE_TO_POINTER(vid1)));
    return slot1 ? &col->slots[slot1 - 1] : NULL;
}

/* Return the slot of value id VID1 in categorical column COL, adding an empty one when
 * new; NULL when memory runs out. */
static Slot *get_slot(Column *col, gsize vid1)
{
    Slot *s = find_slot(col, vid1);
    if (s)
        return s;
    if (col->n_slots == col->cap_slots) {
        gsize cap = col->cap_slots ? col->cap_slots * 2 : 16;
        Slot *grown = g_try_renew(Slot, col->slots, cap);
        if (!grown)
            return NULL;
        col->slots = grown;
        col->cap_slots = cap;
    }
    s = &col->slots[col->n_slots++];
    s->won = s->lost = 0;
    g_hash_table_insert(col->slot_of_vid, GSIZE_TO_POINTER(vid1), GSIZE_TO_POINTER(col->n_slots));
    return s;
}

/* Return the value id + 1 of History cell C of a categorical column (0: blank), giving a
 * new number an id. */
static gsize vid_of_history_cell(Model *m, const PcCell *c)
{
    if (c->kind == PC_CELL_TEXT)
        return m->vid_of_text[c->text];
    if (c->kind != PC_CELL_NUMBER)
        return 0;
    gsize vid1 = GPOINTER_TO_SIZE(g_hash_table_lookup(m->vid_of_number, &c->num));
    if (!vid1) {
        vid1 = ++m->n_vids;
        g_hash_table_insert(m->vid_of_number, (gpointer)&c->num, GSIZE_TO_POINTER(vid1));
    }
    return vid1;
}

/* Count, per column and value (bin), the won and lost training rows. */
static PcStatus count_values(Model *m, PcError *err)
{
    const PcTable *h = m->history;
    for (gsize r = 0; r < h->rows; r++) {
        if (m->outcome[r] == PC_OUTCOME_NONE)
            continue;
        gboolean won = m->outcome[r] == PC_OUTCOME_WON;
        for (gsize j = 0; j < m->n_cols; j++) {
            Column *col = &m->cols[j];
            const PcCell *c = pc_table_at(h, r, j);
            Slot *s;
            if (col->numeric) {
                if (c->kind != PC_CELL_NUMBER)
                    continue; /* only blanks are left in a numeric column */
                s = &col->bins[bin_of(col, c->num)];
            } else {
                gsize vid1 = vid_of_history_cell(m, c);
                if (!vid1)
                    continue;
                if (!(s = get_slot(col, vid1)))
                    return fail_nomem(err, 1);
            }
            if (won) {
                s->won++;
                col->n_won++;
            } else {
                s->lost++;
                col->n_lost++;
            }
        }
    }
    return PC_OK;
}

/* Turn the counts of SLOTS (N, K of them non-empty) of COL into log-odds terms. */
static PcStatus set_deltas(const Model *m, const Column *col, Slot *slots, gsize n, gsize k,
                           PcError *err)
{
    double a = m->alpha;
    double log_den_won = log((double)col->n_won + a * (double)k);
    double log_den_lost = log((double)col->n_lost + a * (double)k);
    for (gsize i = 0; i < n; i++) {
        Slot *s = &slots[i];
        if (s->won + s->lost == 0)
            continue; /* an empty bin: no factor */
        double log_p_lost = log((double)s->lost + a) - log_den_lost;
        double log_p_won = log((double)s->won + a) - log_den_won;
        s->delta = log_p_lost - log_p_won;
        if (!isfinite(s->delta))
            return pc_fail(err, PC_ERR_NUM, 3, -1, "Smoothing %g is out of range", a);
    }
    return PC_OK;
}

/* Train M: column types, cut points, counts, log-odds terms. */
static PcStatus train(Model *m, PcError *err)
{
    m->cols = g_try_new0(Column, m->n_cols);
    if (!m->cols)
        return fail_nomem(err, 1);
    PcStatus st = type_columns(m, err);
    if (st != PC_OK)
        return st;
    double *buf = g_try_new(double, m->n_train);
    if (!buf)
        return fail_nomem(err, 1);
    cut_numeric_columns(m, buf);
    g_free(buf);
    for (gsize j = 0; j < m->n_cols; j++)
        if (!m->cols[j].numeric)
            m->cols[j].slot_of_vid = g_hash_table_new(g_direct_hash, g_direct_equal);
    st = count_values(m, err);
    for (gsize j = 0; j < m->n_cols && st == PC_OK; j++) {
        Column *col = &m->cols[j];
        if (col->numeric) {
            gsize k = 0;
            for (guint b = 0; b <= col->n_cuts; b++)
                k += col->bins[b].won + col->bins[b].lost > 0;
            st = set_deltas(m, col, col->bins, col->n_cuts + 1, k, err);
        } else {
            st = set_deltas(m, col, col->slots, col->n_slots, col->n_slots, err);
        }
    }
    return st;
}

/* Return cell J of lead I. */
static const PcCell *lead_cell(const Model *m, gsize i, gsize j)
{
    return m->leads_transposed ? pc_table_vector_at(m->leads, i) : pc_table_at(m->leads, i, j);
}

/* Return the log-odds term of lead cell C in column J, 0 when it contributes no factor.
 * LEAD_VID maps Leads text ids to History value ids + 1 (0: blank or unseen). */
static double delta_of(const Model *m, gsize j, const PcCell *c, const gsize *lead_vid)
{
    const Column *col = &m->cols[j];
    if (col->numeric) {
        if (c->kind != PC_CELL_NUMBER)
            return 0.0; /* blank, or text in a numeric column */
        const Slot *s = &col->bins[bin_of(col, c->num)];
        return s->won + s->lost ? s->delta : 0.0;
    }
    gsize vid1 = 0;
    if (c->kind == PC_CELL_TEXT)
        vid1 = lead_vid[c->text];
    else if (c->kind == PC_CELL_NUMBER)
        vid1 = GPOINTER_TO_SIZE(g_hash_table_lookup(m->vid_of_number, &c->num));
    if (!vid1)
        return 0.0;
    const Slot *s = find_slot(col, vid1);
    return s ? s->delta : 0.0;
}

/* Return a new array mapping Leads text ids to History value ids + 1 (0: blank or
 * unseen), NULL when memory runs out. */
static gsize *map_lead_texts(const Model *m)
{
    guint n_texts = pc_table_text_count(m->leads);
    gsize *lead_vid = g_try_new(gsize, MAX(n_texts, 1));
    if (!lead_vid)
        return NULL;
    GPtrArray *lkeys = pc_text_keys(m->leads);
    for (guint i = 0; i < n_texts; i++) {
        const char *key = g_ptr_array_index(lkeys, i);
        lead_vid[i] = key[0] ? GPOINTER_TO_SIZE(g_hash_table_lookup(m->vid_of_key, key)) : 0;
    }
    g_ptr_array_unref(lkeys);
    return lead_vid;
}

/* Return lead I's log odds of lost over won: the prior, then one term per column. When
 * TERMS is not NULL, each column's term goes there too (n_cols of them). */
static double lead_log_odds_lost(const Model *m, gsize i, const gsize *lead_vid, double *terms)
{
    double d = log((double)m->n_lost) - log((double)m->n_won);
    for (gsize j = 0; j < m->n_cols; j++) {
        double t = delta_of(m, j, lead_cell(m, i, j), lead_vid);
        if (terms)
            terms[j] = t;
        d += t;
    }
    return d;
}

/* Score every lead of M into a new array *SCORES. */
static PcStatus score_leads(const Model *m, double **scores, PcError *err)
{
    gsize *lead_vid = map_lead_texts(m);
    double *out = g_try_new(double, m->n_leads);
    if (!lead_vid || !out) {
        g_free(lead_vid);
        g_free(out);
        return fail_nomem(err, 0);
    }
    for (gsize i = 0; i < m->n_leads; i++) {
        double d = lead_log_odds_lost(m, i, lead_vid, NULL);
        /* 1 / (1 + e^d) without overflow */
        out[i] = d > 0 ? exp(-d) / (1.0 + exp(-d)) : 1.0 / (1.0 + exp(d));
    }
    g_free(lead_vid);
    *scores = out;
    return PC_OK;
}

/* Check the arguments and train M on them (the one model of score and factors). */
static PcStatus build_model(Model *m, const PcTable *leads, const PcTable *history,
                            const PcTable *outcomes, const PcTable *smoothing, PcError *err)
{
    memset(m, 0, sizeof *m);
    m->leads = leads;
    m->history = history;
    m->outcomes = outcomes;
    PcStatus st = check_args(m, smoothing, err);
    if (st == PC_OK)
        st = read_outcomes(m, err);
    if (st == PC_OK)
        st = key_history_texts(m, err);
    if (st == PC_OK)
        st = train(m, err);
    return st;
}

PcStatus pc_lead_score(const PcTable *leads, const PcTable *history, const PcTable *outcomes,
                       const PcTable *smoothing, double **scores, gsize *n_scores,
                       PcError *err)
{
    g_return_val_if_fail(scores && n_scores, PC_ERR_ARG);
    *scores = NULL;
    *n_scores = 0;
    Model m;
    PcStatus st = build_model(&m, leads, history, outcomes, smoothing, err);
    if (st == PC_OK)
        st = score_leads(&m, scores, err);
    if (st == PC_OK)
        *n_scores = m.n_leads;
    model_clear(&m);
    return st;
}

PcStatus pc_lead_factors(const PcTable *leads, const PcTable *history, const PcTable *outcomes,
                         const PcTable *smoothing, gsize lead, double *prior, double **terms,
                         gsize *n_terms, PcError *err)
{
    g_return_val_if_fail(prior && terms && n_terms, PC_ERR_ARG);
    *terms = NULL;
    *n_terms = 0;
    Model m;
    PcStatus st = build_model(&m, leads, history, outcomes, smoothing, err);
    if (st == PC_OK && lead >= m.n_leads)
        st = pc_fail(err, PC_ERR_ARG, 0, -1, "there is no lead %zu among %zu", lead + 1, m.n_leads);
    gsize *lead_vid = st == PC_OK ? map_lead_texts(&m) : NULL;
    double *out = st == PC_OK ? g_try_new(double, MAX(m.n_cols, 1)) : NULL;
    if (st == PC_OK && (!lead_vid || !out))
        st = fail_nomem(err, 0);
    if (st == PC_OK) {
        lead_log_odds_lost(&m, lead, lead_vid, out);
        /* the model works in the odds against winning: turn every sign for the caller */
        for (gsize j = 0; j < m.n_cols; j++)
            out[j] = out[j] == 0.0 ? 0.0 : -out[j];
        *prior = log((double)m.n_won) - log((double)m.n_lost);
        *terms = out;
        *n_terms = m.n_cols;
        out = NULL;
    }
    g_free(out);
    g_free(lead_vid);
    model_clear(&m);
    return st;
}
