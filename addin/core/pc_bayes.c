/* pc_bayes.c - the naive-Bayes model of LEAD_SCORE and PRODUCT_FIT (rules in pc_bayes.h).
 *
 * Training, column by column: the type (numeric or categorical), the cut points of a
 * numeric column, then one pass over the rows that finds every training cell's slot (bin
 * or value) and counts n_c,j; the classes of each slot are then grouped by a counting sort
 * of the rows by slot, so that a slot lists (class, count) pairs only for the classes that
 * have it. Messages name rows 1-based within the range ("History row 3"); PcError.row is
 * 0-based.
 */
#include "pc_bayes.h"

#include "pc_num.h"

#include "pc_args.h"
#include "pc_text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const double QUANTILES[PC_BAYES_CUTS] = { 0.2, 0.4, 0.6, 0.8 };

PcStatus pc_bayes_fail_nomem(PcError *err, int arg)
{
    return pc_fail(err, PC_ERR_NOMEM, arg, -1, "the ranges are too large for memory");
}

PcStatus pc_bayes_check_cells(const PcTable *t, int arg, const char *name, PcError *err)
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

PcStatus pc_bayes_begin(PcBayes *m, const PcTable *leads, const PcTable *history,
                        const PcTable *smoothing, int smoothing_arg, PcError *err)
{
    memset(m, 0, sizeof *m);
    m->leads = leads;
    m->history = history;
    gboolean given;
    PcStatus st = pc_optional_number(smoothing, smoothing_arg, "Smoothing", &given, &m->alpha,
                                     err);
    if (st != PC_OK)
        return st;
    if (given && m->alpha < 0)
        return pc_fail(err, PC_ERR_NUM, smoothing_arg, -1, "Smoothing must be above 0, not %g",
                       m->alpha);
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
    return PC_OK; /* Leads has at least one column, so History has too */
}

PcStatus pc_bayes_key_history(PcBayes *m, PcError *err)
{
    guint n_texts = pc_table_text_count(m->history);
    m->vid_of_text = g_try_new(gsize, MAX(n_texts, 1));
    if (!m->vid_of_text)
        return pc_bayes_fail_nomem(err, 1);
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
static PcStatus type_columns(PcBayes *m, PcError *err)
{
    const PcTable *h = m->history;
    guint8 *has_text = g_try_new0(guint8, m->n_cols);
    if (!has_text)
        return pc_bayes_fail_nomem(err, 1);
    for (gsize r = 0; r < h->rows; r++) {
        if (m->class_of_row[r] == PC_BAYES_NONE)
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
static void cut_numeric_columns(PcBayes *m, double *buf)
{
    const PcTable *h = m->history;
    for (gsize j = 0; j < m->n_cols; j++) {
        PcBayesColumn *col = &m->cols[j];
        if (!col->numeric)
            continue;
        gsize n = 0;
        for (gsize r = 0; r < h->rows; r++) {
            const PcCell *c = pc_table_at(h, r, j);
            if (m->class_of_row[r] != PC_BAYES_NONE && c->kind == PC_CELL_NUMBER)
                buf[n++] = c->num;
        }
        qsort(buf, n, sizeof *buf, compare_doubles);
        for (guint k = 0; k < PC_BAYES_CUTS; k++) {
            double cut = percentile_inc(buf, n, QUANTILES[k]);
            if (col->n_cuts == 0 || cut > col->cuts[col->n_cuts - 1])
                col->cuts[col->n_cuts++] = cut; /* equal cuts would make empty bins */
        }
    }
}

/* Return the bin of V in numeric column COL: the number of cut points below V. */
static guint bin_of(const PcBayesColumn *col, double v)
{
    guint b = 0;
    while (b < col->n_cuts && v > col->cuts[b])
        b++;
    return b;
}

/* Return the slot number + 1 of value id VID1 (id + 1) in categorical column COL, 0 when
 * no training row has that value. */
static gsize find_slot(const PcBayesColumn *col, gsize vid1)
{
    return GPOINTER_TO_SIZE(g_hash_table_lookup(col->slot_of_vid, GSIZE_TO_POINTER(vid1)));
}

/* Return the slot number + 1 of value id VID1 in categorical column COL, adding an empty
 * slot when new; 0 when memory runs out. */
static gsize get_slot(PcBayesColumn *col, gsize vid1)
{
    gsize slot1 = find_slot(col, vid1);
    if (slot1)
        return slot1;
    if (col->n_slots == col->cap_slots) {
        gsize cap = col->cap_slots ? col->cap_slots * 2 : 16;
        PcBayesSlot *grown = g_try_renew(PcBayesSlot, col->slots, cap);
        if (!grown)
            return 0;
        col->slots = grown;
        col->cap_slots = cap;
    }
    PcBayesSlot *s = &col->slots[col->n_slots++];
    s->total = s->first = s->n = 0;
    g_hash_table_insert(col->slot_of_vid, GSIZE_TO_POINTER(vid1), GSIZE_TO_POINTER(col->n_slots));
    return col->n_slots;
}

/* Return the value id + 1 of History cell C of a categorical column (0: blank), giving a
 * new number an id. */
static gsize vid_of_history_cell(PcBayes *m, const PcCell *c)
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

/* Find the slot of every training cell: SLOT_AT[j * rows + r] (PC_BAYES_NONE for a blank
 * cell or a row of no class); count each slot's rows and each column's n_c,j. */
static PcStatus count_values(PcBayes *m, guint32 *slot_at, PcError *err)
{
    const PcTable *h = m->history;
    for (gsize r = 0; r < h->rows; r++) {
        guint32 cls = m->class_of_row[r];
        for (gsize j = 0; j < m->n_cols; j++) {
            PcBayesColumn *col = &m->cols[j];
            const PcCell *c = pc_table_at(h, r, j);
            guint32 *at = &slot_at[j * h->rows + r];
            *at = PC_BAYES_NONE;
            if (cls == PC_BAYES_NONE)
                continue;
            gsize slot;
            if (col->numeric) {
                if (c->kind != PC_CELL_NUMBER)
                    continue; /* only blanks are left in a numeric column */
                slot = bin_of(col, c->num);
            } else {
                gsize vid1 = vid_of_history_cell(m, c);
                if (!vid1)
                    continue;
                gsize slot1 = get_slot(col, vid1);
                if (!slot1)
                    return pc_bayes_fail_nomem(err, 1);
                slot = slot1 - 1;
            }
            *at = (guint32)slot;
            col->slots[slot].total++;
            col->n_class[cls]++;
        }
    }
    return PC_OK;
}

/* Group the training rows of column J by slot and list each slot's classes as pairs.
 * CLS_BUF holds n_train classes; COUNT (zero on entry and exit) and TOUCHED n_classes. */
static PcStatus pair_column(PcBayes *m, gsize j, const guint32 *slot_at, guint32 *cls_buf,
                            guint32 *count, guint32 *touched, PcError *err)
{
    PcBayesColumn *col = &m->cols[j];
    gsize rows = m->history->rows, n_values = 0;
    for (gsize s = 0; s < col->n_slots; s++) {
        col->slots[s].first = (guint32)n_values; /* where the slot's rows go in CLS_BUF */
        col->slots[s].n = 0;
        n_values += col->slots[s].total;
    }
    for (gsize r = 0; r < rows; r++) {
        guint32 s = slot_at[j * rows + r];
        if (s != PC_BAYES_NONE) {
            PcBayesSlot *slot = &col->slots[s];
            cls_buf[slot->first + slot->n++] = m->class_of_row[r];
        }
    }
    col->pairs = g_try_new(PcBayesPair, MAX(n_values, 1));
    if (!col->pairs)
        return pc_bayes_fail_nomem(err, 1);
    gsize np = 0;
    for (gsize s = 0; s < col->n_slots; s++) {
        PcBayesSlot *slot = &col->slots[s];
        guint32 n_touched = 0;
        for (guint32 e = slot->first; e < slot->first + slot->total; e++) {
            guint32 c = cls_buf[e];
            if (count[c]++ == 0)
                touched[n_touched++] = c;
        }
        slot->first = (guint32)np;
        slot->n = n_touched;
        for (guint32 t = 0; t < n_touched; t++) {
            guint32 c = touched[t];
            col->pairs[np].cls = c;
            col->pairs[np].count = count[c];
            np++;
            count[c] = 0;
        }
    }
    col->n_pairs = np;
    return PC_OK;
}

/* Turn the counts of column COL into log likelihoods. */
static PcStatus set_log_p(const PcBayes *m, PcBayesColumn *col, int smoothing_arg, PcError *err)
{
    double a = m->alpha;
    col->k = 0;
    for (gsize s = 0; s < col->n_slots; s++)
        col->k += col->slots[s].total > 0;
    if (col->k == 0) {
        for (gsize c = 0; c < m->n_classes; c++)
            col->log_p_none[c] = 0.0; /* never used: no lead value has a slot here */
        return PC_OK;
    }
    gboolean finite = TRUE;
    for (gsize c = 0; c < m->n_classes; c++) {
        /* log(0 + a) - ..., as for a pair of count 0 */
        col->log_p_none[c] = log(0.0 + a) - log((double)col->n_class[c] + a * (double)col->k);
        finite = finite && isfinite(col->log_p_none[c]);
    }
    for (gsize p = 0; p < col->n_pairs; p++) {
        PcBayesPair *pair = &col->pairs[p];
        double log_den = log((double)col->n_class[pair->cls] + a * (double)col->k);
        pair->log_p = log((double)pair->count + a) - log_den;
        finite = finite && isfinite(pair->log_p);
    }
    if (!finite)
        return pc_fail(err, PC_ERR_NUM, smoothing_arg, -1, "Smoothing %g is out of range", a);
    return PC_OK;
}

/* Group and weigh the counts of every column. */
static PcStatus pair_columns(PcBayes *m, const guint32 *slot_at, int smoothing_arg,
                             PcError *err)
{
    guint32 *cls_buf = g_try_new(guint32, MAX(m->n_train, 1));
    guint32 *count = g_try_new0(guint32, MAX(m->n_classes, 1));
    guint32 *touched = g_try_new(guint32, MAX(m->n_classes, 1));
    PcStatus st = cls_buf && count && touched ? PC_OK : pc_bayes_fail_nomem(err, 1);
    for (gsize j = 0; j < m->n_cols && st == PC_OK; j++)
        st = pair_column(m, j, slot_at, cls_buf, count, touched, err);
    for (gsize j = 0; j < m->n_cols && st == PC_OK; j++)
        st = set_log_p(m, &m->cols[j], smoothing_arg, err);
    g_free(cls_buf);
    g_free(count);
    g_free(touched);
    return st;
}

PcStatus pc_bayes_train(PcBayes *m, int smoothing_arg, PcError *err)
{
    m->cols = g_try_new0(PcBayesColumn, m->n_cols);
    if (!m->cols)
        return pc_bayes_fail_nomem(err, 1);
    for (gsize j = 0; j < m->n_cols; j++) {
        PcBayesColumn *col = &m->cols[j];
        col->n_class = g_try_new0(gsize, MAX(m->n_classes, 1));
        col->log_p_none = g_try_new(double, MAX(m->n_classes, 1));
        if (!col->n_class || !col->log_p_none)
            return pc_bayes_fail_nomem(err, 1);
    }
    PcStatus st = type_columns(m, err);
    if (st != PC_OK)
        return st;
    double *buf = g_try_new(double, MAX(m->n_train, 1));
    if (!buf)
        return pc_bayes_fail_nomem(err, 1);
    cut_numeric_columns(m, buf);
    g_free(buf);
    for (gsize j = 0; j < m->n_cols; j++) {
        PcBayesColumn *col = &m->cols[j];
        if (col->numeric) {
            col->n_slots = col->cap_slots = col->n_cuts + 1;
            col->slots = g_new0(PcBayesSlot, col->n_slots);
        } else {
            col->slot_of_vid = g_hash_table_new(g_direct_hash, g_direct_equal);
        }
    }
    gsize rows = m->history->rows;
    guint32 *slot_at = rows <= G_MAXSIZE / m->n_cols ? g_try_new(guint32, rows * m->n_cols) : NULL;
    if (!slot_at)
        return pc_bayes_fail_nomem(err, 1);
    st = count_values(m, slot_at, err);
    if (st == PC_OK)
        st = pair_columns(m, slot_at, smoothing_arg, err);
    g_free(slot_at);
    return st;
}

PcStatus pc_bayes_map_leads(PcBayes *m, PcError *err)
{
    guint n_texts = pc_table_text_count(m->leads);
    m->lead_vid = g_try_new(gsize, MAX(n_texts, 1));
    if (!m->lead_vid)
        return pc_bayes_fail_nomem(err, 0);
    GPtrArray *lkeys = pc_text_keys(m->leads);
    for (guint i = 0; i < n_texts; i++) {
        const char *key = g_ptr_array_index(lkeys, i);
        m->lead_vid[i] = key[0] ? GPOINTER_TO_SIZE(g_hash_table_lookup(m->vid_of_key, key)) : 0;
    }
    g_ptr_array_unref(lkeys);
    return PC_OK;
}

const PcBayesSlot *pc_bayes_slot(const PcBayes *m, gsize i, gsize j)
{
    const PcCell *c = m->leads_transposed ? pc_table_vector_at(m->leads, i)
                                          : pc_table_at(m->leads, i, j);
    const PcBayesColumn *col = &m->cols[j];
    if (col->numeric) {
        if (c->kind != PC_CELL_NUMBER)
            return NULL; /* blank, or text in a numeric column */
        const PcBayesSlot *s = &col->slots[bin_of(col, c->num)];
        return s->total ? s : NULL; /* an empty bin: no factor */
    }
    gsize vid1 = 0;
    if (c->kind == PC_CELL_TEXT)
        vid1 = m->lead_vid[c->text];
    else if (c->kind == PC_CELL_NUMBER)
        vid1 = GPOINTER_TO_SIZE(g_hash_table_lookup(m->vid_of_number, &c->num));
    gsize slot1 = vid1 ? find_slot(col, vid1) : 0;
    return slot1 ? &col->slots[slot1 - 1] : NULL;
}

double pc_bayes_log_p(const PcBayesColumn *col, const PcBayesSlot *s, guint32 cls)
{
    for (guint32 p = s->first; p < s->first + s->n; p++)
        if (col->pairs[p].cls == cls)
            return col->pairs[p].log_p;
    return col->log_p_none[cls];
}

void pc_bayes_clear(PcBayes *m)
{
    if (m->cols) {
        for (gsize j = 0; j < m->n_cols; j++) {
            PcBayesColumn *col = &m->cols[j];
            if (col->slot_of_vid)
                g_hash_table_destroy(col->slot_of_vid);
            g_free(col->slots);
            g_free(col->pairs);
            g_free(col->n_class);
            g_free(col->log_p_none);
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
    g_free(m->class_of_row);
    g_free(m->n_class);
    g_free(m->lead_vid);
    memset(m, 0, sizeof *m);
}
