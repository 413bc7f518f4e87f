/* test-memo.c - the kept answers of the won-total distributions (pc_memo.h): a call asked
 * again is answered with the same bits without computing, any other call is computed. */
#include "pc_forecast.h"
#include "pc_memo.h"
#include "pc_quantile.h"

#include <math.h>
#include <string.h>

enum { N = 1500 };
static const double Q[3] = { 0.1, 0.5, 0.9 };

/* N deals of a few thousand each (all "large" for the approximation: its costly case). */
static void deals(double *a, double *p, gsize n, guint seed)
{
    GRand *r = g_rand_new_with_seed(seed);
    for (gsize i = 0; i < n; i++) {
        a[i] = (double)g_rand_int_range(r, 1000, 6000) + 0.25;
        p[i] = g_rand_double_range(r, 0.05, 0.95);
    }
    g_rand_free(r);
}

static void same_bits(const double *x, const double *y, gsize n)
{
    g_assert_cmpint(memcmp(x, y, n * sizeof *x), ==, 0);
}

/* Asked again: answered from the kept ones, the same bits as computing afresh. */
static void asked_again(void)
{
    static double a[N], p[N];
    double first[3], again[3], fresh[3];
    deals(a, p, N, 1);
    pc_memo_clear();
    gsize hits = pc_memo_hits();
    g_assert_cmpint(pc_won_total_quantiles(a, p, N, Q, 3, first), ==, PC_OK);
    g_assert_cmpuint(pc_memo_hits(), ==, hits);
    g_assert_cmpint(pc_won_total_quantiles(a, p, N, Q, 3, again), ==, PC_OK);
    g_assert_cmpuint(pc_memo_hits(), ==, hits + 1);
    same_bits(first, again, 3);
    pc_memo_clear();
    g_assert_cmpint(pc_won_total_quantiles(a, p, N, Q, 3, fresh), ==, PC_OK);
    g_assert_cmpuint(pc_memo_hits(), ==, hits + 1);
    same_bits(first, fresh, 3);
}

/* One changed bit of an amount or a probability, other quantiles, the forced approximation,
 * fewer deals: each is computed, not answered from the kept call. */
static void anything_else_is_computed(void)
{
    static double a[N], p[N];
    double r[3], q1;
    deals(a, p, N, 2);
    pc_memo_clear();
    g_assert_cmpint(pc_won_total_quantiles(a, p, N, Q, 3, r), ==, PC_OK);
    gsize hits = pc_memo_hits();
    a[700] = nextafter(a[700], 1e9);
    g_assert_cmpint(pc_won_total_quantiles(a, p, N, Q, 3, r), ==, PC_OK);
    p[3] = nextafter(p[3], 1.0);
    g_assert_cmpint(pc_won_total_quantiles(a, p, N, Q, 3, r), ==, PC_OK);
    g_assert_cmpint(pc_won_total_quantiles(a, p, N, Q, 2, r), ==, PC_OK);
    g_assert_cmpint(pc_won_total_quantiles(a, p, N - 1, Q, 3, r), ==, PC_OK);
    g_assert_cmpint(pc_won_total_quantile(a, p, N, 0.1, &q1), ==, PC_OK);
    g_assert_cmpint(pc_won_total_quantile_approx(a, p, N, 0.1, &q1), ==, PC_OK);
    g_assert_cmpuint(pc_memo_hits(), ==, hits);
    /* and each of them is kept now */
    g_assert_cmpint(pc_won_total_quantile_approx(a, p, N, 0.1, &q1), ==, PC_OK);
    g_assert_cmpuint(pc_memo_hits(), ==, hits + 1);
}

/* More calls than entries: the least recently asked is dropped, the others kept. */
static void bounded(void)
{
    static double a[PC_MEMO_ENTRIES + 1][200], p[PC_MEMO_ENTRIES + 1][200];
    double r[3];
    pc_memo_clear();
    for (guint k = 0; k <= PC_MEMO_ENTRIES; k++) {
        deals(a[k], p[k], 200, 100 + k);
        if (k == PC_MEMO_ENTRIES) /* the first asked again: the second is the least recent */
            g_assert_cmpint(pc_won_total_quantiles(a[0], p[0], 200, Q, 3, r), ==, PC_OK);
        g_assert_cmpint(pc_won_total_quantiles(a[k], p[k], 200, Q, 3, r), ==, PC_OK);
    }
    gsize hits = pc_memo_hits();
    g_assert_cmpint(pc_won_total_quantiles(a[0], p[0], 200, Q, 3, r), ==, PC_OK);
    g_assert_cmpint(pc_won_total_quantiles(a[PC_MEMO_ENTRIES], p[PC_MEMO_ENTRIES], 200, Q, 3, r), ==, PC_OK);
    g_assert_cmpuint(pc_memo_hits(), ==, hits + 2);
    g_assert_cmpint(pc_won_total_quantiles(a[1], p[1], 200, Q, 3, r), ==, PC_OK); /* dropped */
    g_assert_cmpuint(pc_memo_hits(), ==, hits + 2);
}

/* Calls from several threads at once: every answer the one computed alone. */
typedef struct {
    const double *a, *p;
    double want[3];
} Job;

static gpointer ask(gpointer data)
{
    const Job *j = data;
    for (int i = 0; i < 20; i++) {
        double r[3];
        g_assert_cmpint(pc_won_total_quantiles(j->a, j->p, N / 4 + (gsize)(i % 3), Q, 3, r), ==, PC_OK);
        if (i % 3 == 0)
            same_bits(r, j->want, 3);
    }
    return NULL;
}

static void threads(void)
{
    static double a[N], p[N];
    deals(a, p, N, 3);
    Job j = { a, p, { 0 } };
    pc_memo_clear();
    g_assert_cmpint(pc_won_total_quantiles(a, p, N / 4, Q, 3, j.want), ==, PC_OK);
    pc_memo_clear();
    GThread *t[4];
    for (int k = 0; k < 4; k++)
        t[k] = g_thread_new("ask", ask, &j);
    for (int k = 0; k < 4; k++)
        g_thread_join(t[k]);
    pc_memo_clear();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memo/asked-again", asked_again);
    g_test_add_func("/memo/anything-else-is-computed", anything_else_is_computed);
    g_test_add_func("/memo/bounded", bounded);
    g_test_add_func("/memo/threads", threads);
    return g_test_run();
}
