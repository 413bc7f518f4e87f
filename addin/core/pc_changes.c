/* pc_changes.c - the pipeline waterfall between two snapshots (pc_changes.h). */
#include "pc_changes.h"

#include <math.h>
#include <string.h>

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

/* A's and B's names indexed into *IA and *IB (g_hash_table_destroy both), or a failure
 * with neither left. */
static PcStatus index_both(const PcSnapDeal *a, gsize na, const PcSnapDeal *b, gsize nb,
                           GHashTable **ia, GHashTable **ib, PcError *err)
{
    *ia = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    *ib = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    PcStatus st = index_names(a, na, FALSE, *ia, err);
    if (st == PC_OK)
        st = index_names(b, nb, TRUE, *ib, err);
    if (st != PC_OK) {
        g_hash_table_destroy(*ia);
        g_hash_table_destroy(*ib);
        *ia = *ib = NULL;
    }
    return st;
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
    GHashTable *ia, *ib;
    PcStatus st = index_both(a, na, b, nb, &ia, &ib, err);
    if (st != PC_OK)
        return st;
    PcChanges *c = g_new0(PcChanges, 1);
    for (gsize i = 0; i < na; i++)
        c->start_deals += in_period(&a[i], period_start, period_end);
    for (gsize i = 0; i < nb; i++)
        c->end_deals += in_period(&b[i], period_start, period_end);
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
        if (ch.kind != PC_CHANGE_NONE) {
            pc_sum_add(&total[ch.kind], ch.amount);
            c->count[ch.kind]++;
        }
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

/* One month's sums while they are added up. */
typedef struct {
    gint month;
    PcSum start, end, total[PC_N_CHANGES];
    gsize count[PC_N_CHANGES];
} MonthSums;

static gint month_of(const PcDates *dates, const PcSnapDeal *d)
{
    return d && d->outcome == PC_OUTCOME_NONE && d->close > 0 ? pc_month_of_serial(dates, d->close)
                                                             : -1;
}

static MonthSums *month_sums(GArray *sums, GHashTable *at, gint month)
{
    gpointer i;
    if (!g_hash_table_lookup_extended(at, GINT_TO_POINTER(month), NULL, &i)) {
        MonthSums m;
        memset(&m, 0, sizeof m);
        m.month = month;
        g_array_append_val(sums, m);
        i = GUINT_TO_POINTER(sums->len - 1);
        g_hash_table_insert(at, GINT_TO_POINTER(month), i);
    }
    return &g_array_index(sums, MonthSums, GPOINTER_TO_UINT(i));
}

/* Deal DA of A, DB of B (either NULL) into the months they are in. */
static void add_to_months(const PcDates *dates, const PcSnapDeal *da, const PcSnapDeal *db,
                          GArray *sums, GHashTable *at)
{
    gint months[2] = { month_of(dates, da), month_of(dates, db) };
    for (int k = 0; k < 2; k++) {
        gint m = months[k];
        if (m < 0 || (k == 1 && m == months[0]))
            continue;
        MonthSums *s = month_sums(sums, at, m);
        double first = pc_month_first_day(dates, m), last = pc_month_last_day(dates, m);
        if (da && in_period(da, first, last))
            pc_sum_add(&s->start, da->amount);
        if (db && in_period(db, first, last))
            pc_sum_add(&s->end, db->amount);
        PcChange ch = change_of(da, db, first, last);
        if (ch.kind != PC_CHANGE_NONE) {
            pc_sum_add(&s->total[ch.kind], ch.amount);
            s->count[ch.kind]++;
        }
    }
}

static gint by_month(gconstpointer x, gconstpointer y)
{
    const MonthSums *a = x, *b = y;
    return (a->month > b->month) - (a->month < b->month);
}

PcStatus pc_changes_months(const PcDates *dates, const PcSnapDeal *a, gsize na,
                           const PcSnapDeal *b, gsize nb, PcMonthChanges **out, gsize *n,
                           PcError *err)
{
    *out = NULL;
    *n = 0;
    GHashTable *ia, *ib;
    PcStatus st = index_both(a, na, b, nb, &ia, &ib, err);
    if (st != PC_OK)
        return st;
    GArray *sums = g_array_new(FALSE, FALSE, sizeof(MonthSums));
    GHashTable *at = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (gsize i = 0; st == PC_OK && i < nb + na; i++) {
        const PcSnapDeal *da = NULL, *db = NULL;
        char *key = pc_text_key(i < nb ? b[i].name : a[i - nb].name);
        if (i < nb) {
            db = &b[i];
            gsize found = GPOINTER_TO_SIZE(g_hash_table_lookup(ia, key));
            da = found ? &a[found - 1] : NULL;
        } else if (!g_hash_table_contains(ib, key)) {
            da = &a[i - nb];
        }
        g_free(key);
        if (da || db)
            add_to_months(dates, da, db, sums, at);
    }
    if (st == PC_OK) {
        g_array_sort(sums, by_month);
        PcMonthChanges *m = g_new0(PcMonthChanges, MAX(sums->len, 1));
        for (guint i = 0; i < sums->len; i++) {
            const MonthSums *s = &g_array_index(sums, MonthSums, i);
            m[i].month = s->month;
            m[i].start = pc_sum_value(&s->start);
            m[i].end = pc_sum_value(&s->end);
            for (int k = 0; k < PC_N_CHANGES; k++) {
                m[i].total[k] = pc_sum_value(&s->total[k]);
                m[i].count[k] = s->count[k];
            }
        }
        *out = m;
        *n = sums->len;
    }
    g_hash_table_destroy(at);
    g_array_free(sums, TRUE);
    g_hash_table_destroy(ia);
    g_hash_table_destroy(ib);
    return st;
}

void pc_changes_slips(const double *closes, gsize n, gsize *times, double *days)
{
    *times = 0;
    *days = 0;
    double last = 0;
    for (gsize i = 0; i < n; i++) {
        if (closes[i] <= 0 || !isfinite(closes[i]))
            continue;
        if (last > 0 && floor(closes[i]) > floor(last)) {
            (*times)++;
            *days += floor(closes[i]) - floor(last);
        }
        last = closes[i];
    }
}
