/* pc_changes.c - the pipeline waterfall between two snapshots (pc_changes.h). */
#include "pc_changes.h"

static gboolean in_period(const PcSnapDeal *d, double start, double end)
{
    if (d->outcome != PC_OUTCOME_NONE)
        return FALSE;
    double day = floor(d->close);
    return (start <= 0 || (d->close > 0 && day >= floor(start))) &&
           (end <= 0 || (d->close > 0 && day <= floor(end)));
}

/* NAMES' keys into INDEX (key -> position + 1), failing on a blank or repeated name, or a
 * number that is not finite; LATER: D is the later snapshot (for the messages). */
static PcStatus index_names(const PcSnapDeal *d, gsize n, gboolean later, GHashTable *index,
                            PcError *err)
{
    for (gsize i = 0; i < n; i++) {
        gssize row = (gssize)i;
        if (!isfinite(d[i].amount) || !isfinite(d[i].close))
            return later ? pc_fail(err, PC_ERR_NUM, -1, row, "The later snapshot, deal %zu: a "
                                   "number that is not finite", i + 1)
                         : pc_fail(err, PC_ERR_NUM, -1, row, "The earlier snapshot, deal %zu: a "
                                   "number that is not finite", i + 1);
        char *key = pc_text_key(d[i].name ? d[i].name : "");
        PcStatus st = PC_OK;
        if (!*key)
            st = later ? pc_fail(err, PC_ERR_ARG, -1, row, "The later snapshot, deal %zu: no name",
                                 i + 1)
                       : pc_fail(err, PC_ERR_ARG, -1, row, "The earlier snapshot, deal %zu: no name",
                                 i + 1);
        else if (g_hash_table_contains(index, key))
            st = later ? pc_fail(err, PC_ERR_ARG, -1, row,
                                 "The later snapshot names the deal \"%s\" twice", d[i].name)
                       : pc_fail(err, PC_ERR_ARG, -1, row,
                                 "The earlier snapshot names the deal \"%s\" twice", d[i].name);
        if (st != PC_OK) {
            g_free(key);
            return st;
        }
        g_hash_table_insert(index, key, GSIZE_TO_POINTER(i + 1));
    }
    return PC_OK;
}

/* Deal DA of A and DB of B (either NULL: absent there) into a change. */
static PcChange change_of(const PcSnapDeal *da, const PcSnapDeal *db, double start, double end)
{
    PcChange c = { .kind = PC_CHANGE_NONE };
    gboolean in_a = da && in_period(da, start, end), in_b = db && in_period(db, start, end);
    if (in_a && in_b) {
        double delta = db->amount - da->amount;
        c.kind = delta > 0 ? PC_CHANGE_INCREASE : delta < 0 ? PC_CHANGE_DECREASE : PC_CHANGE_NONE;
        c.amount = delta;
    } else if (in_a) {
        c.amount = -da->amount;
        if (!db)
            c.kind = PC_CHANGE_REMOVED;
        else if (db->outcome == PC_OUTCOME_WON)
            c.kind = PC_CHANGE_WON;
        else if (db->outcome == PC_OUTCOME_LOST)
            c.kind = PC_CHANGE_LOST;
        else
            c.kind = PC_CHANGE_PUSHED_OUT;
    } else if (in_b) {
        c.amount = db->amount;
        c.kind = da ? PC_CHANGE_PULLED_IN : PC_CHANGE_NEW;
    }
    if (da && db && da->outcome == PC_OUTCOME_NONE && db->outcome == PC_OUTCOME_NONE &&
        da->close > 0 && db->close > da->close)
        c.slipped_days = floor(db->close) - floor(da->close);
    return c;
}

PcStatus pc_changes_compute(const PcSnapDeal *a, gsize na, const PcSnapDeal *b, gsize nb,
                            double period_start, double period_end, PcChanges **out,
                            PcError *err)
{
    *out = NULL;
    GHashTable *ia = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *ib = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    PcStatus st = index_names(a, na, FALSE, ia, err);
    if (st == PC_OK)
        st = index_names(b, nb, TRUE, ib, err);
    if (st != PC_OK) {
        g_hash_table_destroy(ia);
        g_hash_table_destroy(ib);
        return st;
    }
    PcChanges *c = g_new0(PcChanges, 1);
    c->changes = g_new(PcChange, MAX(na + nb, 1));
    PcSum start = { 0, 0 }, end = { 0, 0 }, total[PC_N_CHANGES];
    memset(total, 0, sizeof total);
    for (gsize i = 0; i < na; i++)
        if (in_period(&a[i], period_start, period_end))
            pc_sum_add(&start, a[i].amount);
    /* B's deals (with their A), then A's deals B lacks */
    for (gsize i = 0; i < nb + na; i++) {
        const PcSnapDeal *da = NULL, *db = NULL;
        char *key;
        if (i < nb) {
            db = &b[i];
            if (in_period(db, period_start, period_end))
                pc_sum_add(&end, db->amount);
            key = pc_text_key(db->name);
            gsize at = GPOINTER_TO_SIZE(g_hash_table_lookup(ia, key));
            da = at ? &a[at - 1] : NULL;
        } else {
            da = &a[i - nb];
            key = pc_text_key(da->name);
            if (g_hash_table_contains(ib, key)) { /* met above, with its B */
                g_free(key);
                continue;
            }
        }
        g_free(key);
        PcChange ch = change_of(da, db, period_start, period_end);
        ch.from_a = db == NULL;
        ch.index = db ? i : i - nb;
        if (ch.kind != PC_CHANGE_NONE)
            pc_sum_add(&total[ch.kind], ch.amount);
        if (ch.kind != PC_CHANGE_NONE || ch.slipped_days > 0)
            c->changes[c->n_changes++] = ch;
    }
    c->start = pc_sum_value(&start);
    c->end = pc_sum_value(&end);
    for (int k = 0; k < PC_N_CHANGES; k++)
        c->total[k] = pc_sum_value(&total[k]);
    g_hash_table_destroy(ia);
    g_hash_table_destroy(ib);
    *out = c;
    return PC_OK;
}

void pc_changes_free(PcChanges *c)
{
    if (!c)
        return;
    g_free(c->changes);
    g_free(c);
}
