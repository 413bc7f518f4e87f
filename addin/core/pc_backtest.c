/* pc_backtest.c - past forecasts against what came in, and calibration (pc_backtest.h). */
#include "pc_backtest.h"

#include "pc_forecast.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

PcStatus pc_backtest_period(const double *amounts, const double *probs, gsize n, double actual,
                            PcBacktestPeriod *out)
{
    static const double QS[3] = { 0.1, 0.5, 0.9 };
    if (!isfinite(actual))
        return PC_ERR_NUM;
    PcSum expected = { 0, 0 }, spread = { 0, 0 };
    for (gsize i = 0; i < n; i++) {
        if (!isfinite(amounts[i]) || !(probs[i] >= 0 && probs[i] <= 1))
            return PC_ERR_NUM;
        pc_sum_add(&expected, amounts[i] * probs[i]);
        pc_sum_add(&spread, fabs(amounts[i]));
    }
    double q[3];
    PcStatus st = pc_won_total_quantiles(amounts, probs, n, QS, 3, q);
    if (st != PC_OK)
        return st;
    out->expected = pc_sum_value(&expected);
    out->p10 = q[0];
    out->p50 = q[1];
    out->p90 = q[2];
    out->actual = actual;
    out->error = actual != 0 ? (out->expected - actual) / actual : NAN;
    double tol = 1e-9 * (pc_sum_value(&spread) + fabs(actual));
    out->inside = actual >= q[0] - tol && actual <= q[2] + tol;
    return PC_OK;
}

/* D's keys into INDEX (key -> position + 1), failing on a blank or repeated name or a
 * number that is not finite; LATEST: D is the latest snapshot (for the messages). */
static PcStatus index_names(const PcSnapDeal *d, gsize n, gboolean latest, GHashTable *index,
                            PcError *err)
{
    for (gsize i = 0; i < n; i++) {
        gssize row = (gssize)i;
        if (!isfinite(d[i].amount) || !isfinite(d[i].close))
            return latest ? pc_fail(err, PC_ERR_NUM, -1, row, "The latest snapshot, deal %zu: "
                                    "a number that is not finite", i + 1)
                          : pc_fail(err, PC_ERR_NUM, -1, row, "An earlier snapshot, deal %zu: a "
                                    "number that is not finite", i + 1);
        char *key = pc_text_key(d[i].name ? d[i].name : "");
        PcStatus st = PC_OK;
        if (!*key)
            st = latest ? pc_fail(err, PC_ERR_ARG, -1, row, "The latest snapshot, deal %zu: no "
                                  "name", i + 1)
                        : pc_fail(err, PC_ERR_ARG, -1, row, "An earlier snapshot, deal %zu: no "
                                  "name", i + 1);
        else if (g_hash_table_contains(index, key))
            st = latest ? pc_fail(err, PC_ERR_ARG, -1, row,
                                  "The latest snapshot names the deal \"%s\" twice", d[i].name)
                        : pc_fail(err, PC_ERR_ARG, -1, row,
                                  "An earlier snapshot names the deal \"%s\" twice", d[i].name);
        if (st != PC_OK) {
            g_free(key);
            return st;
        }
        g_hash_table_insert(index, key, GSIZE_TO_POINTER(i + 1));
    }
    return PC_OK;
}

PcStatus pc_backtest_latest_init(PcBacktestLatest *l, const PcDates *dates, const PcSnapDeal *deals,
                                 gsize n, double day, PcError *err)
{
    memset(l, 0, sizeof *l);
    l->dates = *dates;
    l->deals = deals;
    l->n = n;
    l->day = floor(day);
    l->index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    PcStatus st = index_names(deals, n, TRUE, l->index, err);
    if (st == PC_OK && pc_month_of_serial(dates, day) < 0)
        st = pc_fail(err, PC_ERR_NUM, -1, -1, "The latest snapshot's day is no date");
    if (st != PC_OK)
        pc_backtest_latest_clear(l);
    return st;
}

void pc_backtest_latest_clear(PcBacktestLatest *l)
{
    if (l->index)
        g_hash_table_destroy(l->index);
    memset(l, 0, sizeof *l);
}

/* The period of K periods P that day serial DATE falls in, or -1. */
static int period_of(const PcBacktestPeriod *p, gsize k, double date)
{
    if (!(date > 0))
        return -1;
    double day = floor(date);
    for (gsize i = 0; i < k; i++)
        if (day >= p[i].start && day <= p[i].end)
            return (int)i;
    return -1;
}

PcStatus pc_backtest_snapshot(const PcBacktestLatest *l, const PcSnapDeal *s, gsize n, double day,
                              const double *probs, PcBacktestPeriod *out, gsize *n_out,
                              gssize *match, PcError *err)
{
    *n_out = 0;
    gint m0 = pc_month_of_serial(&l->dates, day);
    if (m0 < 0)
        return pc_fail(err, PC_ERR_NUM, -1, -1, "A snapshot's day is no date");
    GHashTable *index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    PcStatus st = index_names(s, n, FALSE, index, err);
    if (st != PC_OK) {
        g_hash_table_destroy(index);
        return st;
    }
    /* the periods that have ended by the latest snapshot */
    PcBacktestPeriod p[PC_BACKTEST_PERIODS];
    gsize k = 0;
    for (gint m = m0; m < m0 + PC_BACKTEST_PERIODS; m++) {
        double first = m == m0 ? floor(day) : pc_month_first_day(&l->dates, m);
        double last = pc_month_last_day(&l->dates, m);
        if (last > l->day)
            break;
        p[k++] = (PcBacktestPeriod){ .month = m, .start = first, .end = last };
    }
    double *amounts = g_try_new(double, MAX(n, 1)), *prob = g_try_new(double, MAX(n, 1));
    int *period = g_try_new(int, MAX(n, 1));
    PcSum actual[PC_BACKTEST_PERIODS];
    memset(actual, 0, sizeof actual);
    if (!amounts || !prob || !period)
        st = pc_fail(err, PC_ERR_NOMEM, -1, -1, "the snapshots are too large");
    for (gsize i = 0; i < n && st == PC_OK; i++) {
        gssize at = -1;
        if (match || s[i].outcome == PC_OUTCOME_NONE) {
            char *key = pc_text_key(s[i].name);
            at = (gssize)GPOINTER_TO_SIZE(g_hash_table_lookup(l->index, key)) - 1;
            g_free(key);
        }
        if (match)
            match[i] = at;
        period[i] = -1;
        if (s[i].outcome != PC_OUTCOME_NONE)
            continue;
        if (!(probs[i] >= 0 && probs[i] <= 1)) {
            st = pc_fail(err, PC_ERR_NUM, -1, (gssize)i, "The deal \"%s\": its probability is "
                         "not in 0-1", s[i].name);
            break;
        }
        period[i] = period_of(p, k, s[i].close);
        if (period[i] >= 0)
            p[period[i]].deals++;
        const PcSnapDeal *now = at >= 0 ? &l->deals[at] : NULL;
        int won_in = now && now->outcome == PC_OUTCOME_WON ? period_of(p, k, now->close) : -1;
        if (won_in >= 0) {
            pc_sum_add(&actual[won_in], now->amount);
            p[won_in].won++;
        }
    }
    for (gsize j = 0; j < k && st == PC_OK; j++) {
        gsize m = 0;
        for (gsize i = 0; i < n; i++)
            if (period[i] == (int)j) {
                amounts[m] = s[i].amount;
                prob[m++] = probs[i];
            }
        st = pc_backtest_period(amounts, prob, m, pc_sum_value(&actual[j]), &p[j]);
        if (st != PC_OK)
            pc_fail(err, st, -1, -1, st == PC_ERR_NOMEM ? "the snapshots are too large"
                                                        : "a number out of range");
    }
    g_free(amounts);
    g_free(prob);
    g_free(period);
    g_hash_table_destroy(index);
    if (st != PC_OK)
        return st;
    memcpy(out, p, k * sizeof *p);
    *n_out = k;
    return PC_OK;
}

gsize pc_binomial_quantile(gsize n, double p, double q)
{
    if (p <= 0 || n == 0)
        return 0;
    if (p >= 1)
        return n;
    double lp = log(p), lq = log1p(-p), lgn = lgamma((double)n + 1), cdf = 0;
    for (gsize k = 0; k < n; k++) {
        double x = (double)k;
        cdf += exp(lgn - lgamma(x + 1) - lgamma((double)(n - k) + 1) + x * lp +
                   (double)(n - k) * lq);
        if (cdf >= q - 1e-12)
            return k;
    }
    return n;
}

void pc_backtest_summarise(const PcBacktestPeriod *p, gsize n, PcBacktestSummary *s)
{
    memset(s, 0, sizeof *s);
    PcSum ape = { 0, 0 }, expected = { 0, 0 }, actual = { 0, 0 };
    for (gsize i = 0; i < n; i++) {
        s->inside += p[i].inside;
        pc_sum_add(&expected, p[i].expected);
        pc_sum_add(&actual, p[i].actual);
        if (p[i].actual != 0) {
            pc_sum_add(&ape, fabs(p[i].error));
            s->mape_periods++;
        }
    }
    s->periods = n;
    s->share = n ? (double)s->inside / (double)n : NAN;
    double tail = (1 - PC_BACKTEST_LEVEL) / 2;
    s->low = pc_binomial_quantile(n, PC_BACKTEST_COVERAGE, tail);
    s->high = pc_binomial_quantile(n, PC_BACKTEST_COVERAGE, 1 - tail);
    s->off = n && (s->inside < s->low || s->inside > s->high);
    s->mape = s->mape_periods ? pc_sum_value(&ape) / (double)s->mape_periods : NAN;
    s->expected = pc_sum_value(&expected);
    s->actual = pc_sum_value(&actual);
    s->bias = s->actual != 0 ? (s->expected - s->actual) / s->actual : NAN;
}

void pc_calibration_add(PcCalibration *c, double p, gboolean won)
{
    double d = p - (won ? 1.0 : 0.0);
    c->n++;
    c->won += won != FALSE;
    pc_sum_add(&c->predicted, p);
    pc_sum_add(&c->squared, d * d);
}

double pc_calibration_predicted(const PcCalibration *c)
{
    return c->n ? pc_sum_value(&c->predicted) / (double)c->n : NAN;
}

double pc_calibration_realised(const PcCalibration *c)
{
    return c->n ? (double)c->won / (double)c->n : NAN;
}

double pc_calibration_brier(const PcCalibration *c)
{
    return c->n ? pc_sum_value(&c->squared) / (double)c->n : NAN;
}

static int by_value(const void *a, const void *b, void *data)
{
    const double *v = data;
    gsize i = *(const gsize *)a, j = *(const gsize *)b;
    if (v[i] != v[j])
        return v[i] < v[j] ? -1 : 1;
    return (i > j) - (i < j);
}

void pc_deciles(const double *values, gsize n, guint8 *decile)
{
    gsize *order = g_new(gsize, MAX(n, 1));
    for (gsize i = 0; i < n; i++)
        order[i] = i;
    g_qsort_with_data(order, (gint)n, sizeof *order, by_value, (gpointer)values);
    guint8 d = 0;
    for (gsize r = 0; r < n; r++) {
        if (r == 0 || values[order[r]] != values[order[r - 1]])
            d = (guint8)(10 * r / n);
        decile[order[r]] = d;
    }
    g_free(order);
}
