/* pc_fit.c - PRODUCT_FIT: naive-Bayes product probabilities of leads (rules in pc_fit.h).
 *
 * The model is pc_bayes.c's, LEAD_SCORE's, with one class per product. Products are
 * resolved once per distinct text of Products (its text ids), not per row. Scoring a lead
 * adds, per column with a factor, the column's log P(v | c) for every product c: the
 * value's (class, count) pairs where the product has the value, log P(unseen | c) where not.
 */
#include "pc_fit.h"

#include "pc_bayes.h"
#include "pc_text.h"

#include <math.h>
#include <string.h>

#define TEXT_BLANK G_MAXSIZE /* class_of_text: a text that is only white space */

typedef struct {
    PcBayes m;
    const PcTable *products, *list;
    gboolean listed;          /* ProductList names the products */
    GHashTable *class_of_key; /* product key (owned) -> class + 1 */
    GPtrArray *names;         /* class -> name as spelled (owned) */
    GPtrArray *pkeys;         /* Products text id -> key */
} Fit;

static void fit_clear(Fit *f)
{
    pc_bayes_clear(&f->m);
    if (f->class_of_key)
        g_hash_table_destroy(f->class_of_key);
    if (f->names)
        g_ptr_array_unref(f->names);
    if (f->pkeys)
        g_ptr_array_unref(f->pkeys);
}

/* Add the product of key KEY, spelled NAME, as the next class; return its class + 1. */
static gsize add_product(Fit *f, const char *key, const char *name)
{
    g_ptr_array_add(f->names, g_strdup(name));
    g_hash_table_insert(f->class_of_key, g_strdup(key), GSIZE_TO_POINTER(f->names->len));
    return f->names->len;
}

/* Check the shapes of Products and ProductList and the cells of the tables. */
static PcStatus check_args(Fit *f, PcError *err)
{
    const PcBayes *m = &f->m;
    gssize n = f->products ? pc_table_vector_len(f->products) : 0;
    if (n < 0)
        return pc_fail(err, PC_ERR_ARG, PC_FIT_PRODUCTS, -1,
                       "Products must be one column or one row");
    if ((gsize)n != m->history->rows)
        return pc_fail(err, PC_ERR_ARG, PC_FIT_PRODUCTS, -1,
                       "Products must have one cell per row of History (Products: %zd, History: %zu)",
                       n, m->history->rows);
    if (f->list && pc_table_vector_len(f->list) < 0)
        return pc_fail(err, PC_ERR_ARG, PC_FIT_PRODUCT_LIST, -1,
                       "ProductList must be one column or one row of product names");
    PcStatus st;
    if ((st = pc_bayes_check_cells(m->history, PC_FIT_HISTORY, "History", err)) != PC_OK ||
        (st = pc_bayes_check_cells(f->products, PC_FIT_PRODUCTS, "Products", err)) != PC_OK)
        return st;
    return pc_bayes_check_cells(m->leads, PC_FIT_LEADS, "Leads", err);
}

/* Read ProductList's products, in order, as the classes. */
static PcStatus read_list(Fit *f, PcError *err)
{
    const PcTable *t = f->list;
    gsize n = (gsize)pc_table_vector_len(t);
    GPtrArray *keys = pc_text_keys(t);
    PcStatus st = PC_OK;
    for (gsize i = 0; i < n && st == PC_OK; i++) {
        const PcCell *c = pc_table_vector_at(t, i);
        if (c->kind == PC_CELL_EMPTY)
            continue;
        if (c->kind == PC_CELL_ERROR) {
            st = pc_fail(err, PC_ERR_VALUE, PC_FIT_PRODUCT_LIST, (gssize)i,
                         "ProductList item %zu is an error value", i + 1);
            break;
        }
        if (c->kind == PC_CELL_NUMBER) {
            st = pc_fail(err, PC_ERR_VALUE, PC_FIT_PRODUCT_LIST, (gssize)i,
                         "ProductList item %zu is the number %g, not a product name", i + 1,
                         c->num);
            break;
        }
        const char *key = g_ptr_array_index(keys, c->text);
        if (key[0] == '\0')
            continue; /* only white space */
        if (!g_hash_table_lookup(f->class_of_key, key)) {
            add_product(f, key, pc_table_text(t, c));
            continue;
        }
        gsize first = 0; /* the earlier item of the same key */
        while (first < i) {
            const PcCell *e = pc_table_vector_at(t, first);
            if (e->kind == PC_CELL_TEXT && strcmp(g_ptr_array_index(keys, e->text), key) == 0)
                break;
            first++;
        }
        st = pc_fail(err, PC_ERR_ARG, PC_FIT_PRODUCT_LIST, (gssize)i,
                     "ProductList: \"%s\" appears twice, at items %zu and %zu",
                     pc_table_text(t, c), first + 1, i + 1);
    }
    g_ptr_array_unref(keys);
    f->listed = f->names->len > 0; /* a list of blanks is omitted */
    return st;
}

/* TRUE when the first row of History and Products is a header (pc_fit.h). */
static gboolean first_row_is_header(const Fit *f)
{
    const PcBayes *m = &f->m;
    const PcTable *h = m->history, *p = f->products;
    if (h->rows < 2)
        return FALSE;
    const PcCell *c0 = pc_table_vector_at(p, 0);
    if (c0->kind != PC_CELL_TEXT)
        return FALSE;
    const char *k0 = g_ptr_array_index(f->pkeys, c0->text);
    if (k0[0] == '\0' || (f->listed && g_hash_table_lookup(f->class_of_key, k0)))
        return FALSE;
    for (gsize r = 1; r < h->rows; r++) {
        const PcCell *c = pc_table_vector_at(p, r);
        if (c->kind == PC_CELL_TEXT &&
            (c->text == c0->text || strcmp(g_ptr_array_index(f->pkeys, c->text), k0) == 0))
            return FALSE;
    }
    for (gsize j = 0; j < h->cols; j++) {
        const PcCell *c = pc_table_at(h, 0, j);
        gsize v0 = c->kind == PC_CELL_TEXT ? m->vid_of_text[c->text] : 0;
        if (!v0)
            return FALSE;
        for (gsize r = 1; r < h->rows; r++) {
            const PcCell *d = pc_table_at(h, r, j);
            if (d->kind == PC_CELL_TEXT && m->vid_of_text[d->text] == v0)
                return FALSE;
        }
    }
    return TRUE;
}

/* Give each History row its class: its product, or none (blank product, header). */
static PcStatus read_products(Fit *f, PcError *err)
{
    PcBayes *m = &f->m;
    const PcTable *p = f->products;
    gsize rows = m->history->rows;
    guint n_texts = pc_table_text_count(p);
    gsize *class_of_text = g_try_new0(gsize, MAX(n_texts, 1)); /* class + 1, 0: not yet */
    m->class_of_row = g_try_new(guint32, rows);
    if (!class_of_text || !m->class_of_row) {
        g_free(class_of_text);
        return pc_bayes_fail_nomem(err, PC_FIT_PRODUCTS);
    }
    gsize r = 0;
    if (first_row_is_header(f))
        m->class_of_row[r++] = PC_BAYES_NONE;
    PcStatus st = PC_OK;
    for (; r < rows; r++) {
        const PcCell *c = pc_table_vector_at(p, r);
        m->class_of_row[r] = PC_BAYES_NONE;
        if (c->kind == PC_CELL_NUMBER) {
            st = pc_fail(err, PC_ERR_VALUE, PC_FIT_PRODUCTS, (gssize)r,
                         "Products row %zu: the number %g is not a product name", r + 1, c->num);
            break;
        }
        if (c->kind != PC_CELL_TEXT)
            continue;
        gsize cls1 = class_of_text[c->text];
        if (!cls1) {
            const char *key = g_ptr_array_index(f->pkeys, c->text);
            if (key[0] == '\0') {
                cls1 = TEXT_BLANK;
            } else if (!(cls1 = GPOINTER_TO_SIZE(g_hash_table_lookup(f->class_of_key, key)))) {
                if (f->listed) {
                    st = pc_fail(err, PC_ERR_NA, PC_FIT_PRODUCTS, (gssize)r,
                                 "Products row %zu: \"%s\" is not in ProductList", r + 1,
                                 pc_table_text(p, c));
                    break;
                }
                cls1 = add_product(f, key, pc_table_text(p, c));
            }
            class_of_text[c->text] = cls1;
        }
        if (cls1 != TEXT_BLANK)
            m->class_of_row[r] = (guint32)(cls1 - 1);
    }
    g_free(class_of_text);
    if (st != PC_OK)
        return st;
    m->n_classes = f->names->len;
    m->n_class = g_try_new0(gsize, MAX(m->n_classes, 1));
    if (!m->n_class)
        return pc_bayes_fail_nomem(err, PC_FIT_PRODUCTS);
    for (r = 0; r < rows; r++)
        if (m->class_of_row[r] != PC_BAYES_NONE)
            m->n_class[m->class_of_row[r]]++;
    m->n_train = 0;
    for (gsize k = 0; k < m->n_classes; k++)
        m->n_train += m->n_class[k];
    if (m->n_train == 0)
        return pc_fail(err, PC_ERR_NA, PC_FIT_PRODUCTS, -1,
                       "Products needs at least one row with a product to learn from");
    if (m->n_leads > PC_TABLE_MAX_CELLS / m->n_classes)
        return pc_bayes_fail_nomem(err, PC_FIT_LEADS); /* the result would be too large */
    return PC_OK;
}

/* Write lead I's probabilities to ROW (n_classes); LOGP and TERM are scratch. */
static void fit_lead(const PcBayes *m, gsize i, double *row, double *logp, double *term)
{
    gsize k = m->n_classes;
    for (gsize c = 0; c < k; c++)
        logp[c] = m->n_class[c] ? log((double)m->n_class[c]) : -INFINITY;
    for (gsize j = 0; j < m->n_cols; j++) {
        const PcBayesSlot *s = pc_bayes_slot(m, i, j);
        if (!s)
            continue; /* no factor */
        const PcBayesColumn *col = &m->cols[j];
        memcpy(term, col->log_p_none, k * sizeof *term);
        for (guint32 p = s->first; p < s->first + s->n; p++)
            term[col->pairs[p].cls] = col->pairs[p].log_p;
        for (gsize c = 0; c < k; c++)
            logp[c] += term[c]; /* -inf stays -inf for a product without rows */
    }
    double top = -INFINITY;
    for (gsize c = 0; c < k; c++)
        if (m->n_class[c] && logp[c] > top)
            top = logp[c];
    double sum = 0.0;
    for (gsize c = 0; c < k; c++) {
        row[c] = m->n_class[c] ? exp(logp[c] - top) : 0.0; /* the largest is 1 */
        sum += row[c];
    }
    for (gsize c = 0; c < k; c++)
        row[c] /= sum;
}

/* Score every lead into a new *FIT. */
static PcStatus fit_leads(Fit *f, PcFit **fit, PcError *err)
{
    PcBayes *m = &f->m;
    PcStatus st = pc_bayes_map_leads(m, err);
    if (st != PC_OK)
        return st;
    gsize k = m->n_classes;
    PcFit *out = g_new0(PcFit, 1);
    out->n_leads = m->n_leads;
    out->n_products = k;
    out->prob = g_try_new(double, m->n_leads * k);
    out->product_names = g_try_new0(char *, k + 1);
    double *logp = g_try_new(double, k), *term = g_try_new(double, k);
    if (out->prob && out->product_names && logp && term) {
        for (gsize c = 0; c < k; c++)
            out->product_names[c] = g_strdup(g_ptr_array_index(f->names, c));
        for (gsize i = 0; i < m->n_leads; i++)
            fit_lead(m, i, &out->prob[i * k], logp, term);
        *fit = out;
        out = NULL;
    } else {
        st = pc_bayes_fail_nomem(err, PC_FIT_LEADS);
    }
    pc_fit_free(out);
    g_free(logp);
    g_free(term);
    return st;
}

PcStatus pc_product_fit(const PcTable *leads, const PcTable *history, const PcTable *products,
                        const PcTable *product_list, const PcTable *smoothing, PcFit **fit,
                        PcError *err)
{
    g_return_val_if_fail(fit, PC_ERR_ARG);
    *fit = NULL;
    Fit f = { 0 };
    f.products = products;
    f.list = pc_table_is_blank(product_list) ? NULL : product_list;
    f.class_of_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    f.names = g_ptr_array_new_with_free_func(g_free);
    PcStatus st = pc_bayes_begin(&f.m, leads, history, smoothing, PC_FIT_SMOOTHING, err);
    if (st == PC_OK)
        st = check_args(&f, err);
    if (st == PC_OK && f.list)
        st = read_list(&f, err);
    if (st == PC_OK)
        st = pc_bayes_key_history(&f.m, err);
    if (st == PC_OK) {
        f.pkeys = pc_text_keys(products);
        st = read_products(&f, err);
    }
    if (st == PC_OK)
        st = pc_bayes_train(&f.m, PC_FIT_SMOOTHING, err);
    if (st == PC_OK)
        st = fit_leads(&f, fit, err);
    fit_clear(&f);
    return st;
}

void pc_fit_free(PcFit *fit)
{
    if (!fit)
        return;
    g_strfreev(fit->product_names);
    g_free(fit->prob);
    g_free(fit);
}
