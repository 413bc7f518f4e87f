/* test-changes.c - the waterfall between two snapshots, hand-computed. */
#include "pc_changes.h"

#define OPEN PC_OUTCOME_NONE
#define WON PC_OUTCOME_WON
#define LOST PC_OUTCOME_LOST
/* A deal with no stage, owner or typed probability: the waterfall reads none of them. */
#define D(name, amount, close, outcome) { name, amount, close, outcome, NULL, NULL, FALSE, 0 }

/* Period: days 100..130. The earlier snapshot A and the later B:
 *   Acme  open 1000 @110  -> open 1500 @112      + increase 500, slipped 2 days
 *   Bolt  open 2000 @120  -> won                 - won 2000
 *   Cyan  open  800 @105  -> lost                - lost 800
 *   Dune  open  400 @125  -> open 400 @140       - pushed out 400, slipped 15
 *   Echo  open  300 @150  -> open 300 @128       + pulled in 300
 *   Flux  open  900 @101  -> open 600 @101       - decrease 300
 *   Gale  open  700 @115  -> (absent)            - removed 700
 *   Hive  (absent)        -> open 250 @130       + new 250
 *   Iris  won   100 @90   -> won 100 @90         nothing
 *   Jade  open  500 @118  -> open 500 @118       nothing
 *   Kilo  (absent)        -> won 50              nothing: never in a pipeline
 * A's pipeline: 1000 + 2000 + 800 + 400 + 900 + 700 + 500 = 6300 (Echo is outside the period);
 * B's: 1500 + 300 + 600 + 250 + 500 = 3150. 6300 + 500 - 2000 - 800 - 400 + 300 - 300 - 700
 * + 250 = 3150. */
static const PcSnapDeal A[] = {
    D("Acme", 1000, 110, OPEN), D("Bolt", 2000, 120, OPEN), D("Cyan", 800, 105, OPEN),
    D("Dune", 400, 125, OPEN),  D("Echo", 300, 150, OPEN),  D("Flux", 900, 101, OPEN),
    D("Gale", 700, 115, OPEN),  D("Iris", 100, 90, WON),    D("Jade", 500, 118, OPEN),
};
static const PcSnapDeal B[] = {
    D("acme ", 1500, 112, OPEN), D("Bolt", 2000, 120, WON),  D("Cyan", 800, 105, LOST),
    D("Dune", 400, 140, OPEN),   D("Echo", 300, 128, OPEN),  D("Flux", 600, 101, OPEN),
    D("Hive", 250, 130, OPEN),   D("Iris", 100, 90, WON),    D("Jade", 500, 118, OPEN),
    D("Kilo", 50, 95, WON),
};

static const PcChange *change_named(const PcChanges *c, const char *name)
{
    for (gsize i = 0; i < c->n_changes; i++) {
        const PcChange *ch = &c->changes[i];
        const PcSnapDeal *d = ch->from_a ? &A[ch->index] : &B[ch->index];
        char *k = pc_text_key(d->name), *want = pc_text_key(name);
        gboolean same = g_str_equal(k, want);
        g_free(k);
        g_free(want);
        if (same)
            return ch;
    }
    return NULL;
}

static void changes_by_hand(void)
{
    PcChanges *c;
    PcError err;
    g_assert_cmpint(pc_changes_compute(A, G_N_ELEMENTS(A), B, G_N_ELEMENTS(B), 100, 130, &c, &err),
                    ==, PC_OK);
    g_assert_cmpfloat(c->start, ==, 6300);
    g_assert_cmpfloat(c->end, ==, 3150);
    static const double TOTAL[PC_N_CHANGES] = {
        [PC_CHANGE_NEW] = 250, [PC_CHANGE_INCREASE] = 500, [PC_CHANGE_PULLED_IN] = 300,
        [PC_CHANGE_WON] = -2000, [PC_CHANGE_LOST] = -800, [PC_CHANGE_PUSHED_OUT] = -400,
        [PC_CHANGE_DECREASE] = -300, [PC_CHANGE_REMOVED] = -700,
    };
    double sum = c->start;
    for (int k = 0; k < PC_N_CHANGES; k++) {
        g_assert_cmpfloat(c->total[k], ==, TOTAL[k]);
        sum += c->total[k];
    }
    g_assert_cmpfloat(sum, ==, c->end);
    g_assert_cmpuint(c->start_deals, ==, 7);
    g_assert_cmpuint(c->end_deals, ==, 5);
    for (int k = 0; k < PC_N_CHANGES; k++)
        g_assert_cmpuint(c->count[k], ==, 1); /* one deal of each kind */
    static const struct { const char *name; PcChangeKind kind; double amount, slipped; } WANT[] = {
        { "Acme", PC_CHANGE_INCREASE, 500, 2 },   { "Bolt", PC_CHANGE_WON, -2000, 0 },
        { "Cyan", PC_CHANGE_LOST, -800, 0 },      { "Dune", PC_CHANGE_PUSHED_OUT, -400, 15 },
        { "Echo", PC_CHANGE_PULLED_IN, 300, 0 },  { "Flux", PC_CHANGE_DECREASE, -300, 0 },
        { "Gale", PC_CHANGE_REMOVED, -700, 0 },   { "Hive", PC_CHANGE_NEW, 250, 0 },
    };
    g_assert_cmpuint(c->n_changes, ==, G_N_ELEMENTS(WANT));
    for (gsize i = 0; i < G_N_ELEMENTS(WANT); i++) {
        const PcChange *ch = change_named(c, WANT[i].name);
        g_assert_nonnull(ch);
        g_assert_cmpint(ch->kind, ==, WANT[i].kind);
        g_assert_cmpfloat(ch->amount, ==, WANT[i].amount);
        g_assert_cmpfloat(ch->slipped_days, ==, WANT[i].slipped);
    }
    g_assert_true(change_named(c, "Gale")->from_a);
    g_assert_false(change_named(c, "Hive")->from_a);
    g_assert_null(change_named(c, "Jade"));
    g_assert_null(change_named(c, "Kilo"));
    pc_changes_free(c);
}

/* Without a period every open deal counts: Dune is no longer pushed out, Echo was always in. */
static void changes_without_a_period(void)
{
    PcChanges *c;
    PcError err;
    g_assert_cmpint(pc_changes_compute(A, G_N_ELEMENTS(A), B, G_N_ELEMENTS(B), 0, 0, &c, &err), ==,
                    PC_OK);
    g_assert_cmpfloat(c->start, ==, 6600);
    g_assert_cmpfloat(c->end, ==, 3550);
    g_assert_cmpfloat(c->total[PC_CHANGE_PUSHED_OUT], ==, 0);
    g_assert_cmpfloat(c->total[PC_CHANGE_PULLED_IN], ==, 0);
    g_assert_cmpint(change_named(c, "Dune")->kind, ==, PC_CHANGE_NONE); /* slipped only */
    g_assert_cmpfloat(change_named(c, "Dune")->slipped_days, ==, 15);
    pc_changes_free(c);
}

/* 20,000 deals moving at random between two snapshots: start + the changes = end. */
static void changes_reconcile_at_random(void)
{
    gsize n = 20000;
    PcSnapDeal *a = g_new(PcSnapDeal, n), *b = g_new(PcSnapDeal, n);
    char **names = g_new(char *, n + 1);
    GRand *r = g_rand_new_with_seed(16);
    gsize na = 0, nb = 0;
    for (gsize i = 0; i < n; i++) {
        names[i] = g_strdup_printf("D%zu", i);
        double amount = g_rand_int_range(r, 0, 1000000) / 100.0;
        double close = 46000 + g_rand_int_range(r, 0, 120);
        PcOutcome o = g_rand_int_range(r, 0, 10) < 7 ? OPEN : g_rand_boolean(r) ? WON : LOST;
        if (g_rand_int_range(r, 0, 10) < 9)
            a[na++] = (PcSnapDeal)D(names[i], amount, close, o);
        if (g_rand_int_range(r, 0, 10) < 9) {
            PcOutcome later = o != OPEN ? o : g_rand_int_range(r, 0, 10) < 8 ? OPEN
                                              : g_rand_boolean(r) ? WON : LOST;
            b[nb++] = (PcSnapDeal)D(names[i], amount * g_rand_double_range(r, 0.5, 1.5),
                                     close + g_rand_int_range(r, -20, 40), later);
        }
    }
    names[n] = NULL;
    PcChanges *c;
    PcError err;
    g_assert_cmpint(pc_changes_compute(a, na, b, nb, 46020, 46080, &c, &err), ==, PC_OK);
    PcSum sum = { 0, 0 };
    pc_sum_add(&sum, c->start);
    double moved = 0;
    for (int k = 0; k < PC_N_CHANGES; k++) {
        pc_sum_add(&sum, c->total[k]);
        moved += fabs(c->total[k]);
        g_assert_true(k < PC_CHANGE_WON ? c->total[k] >= 0 : c->total[k] <= 0);
    }
    g_assert_cmpfloat(moved, >, 0);
    g_assert_cmpfloat(fabs(pc_sum_value(&sum) - c->end), <=, 1e-9 * 10000);
    pc_changes_free(c);
    /* each close month's waterfall is the one of that month as the period, and reconciles */
    PcDates dates = pc_dates_default();
    PcMonthChanges *m;
    gsize months;
    g_assert_cmpint(pc_changes_months(&dates, a, na, b, nb, &m, &months, &err), ==, PC_OK);
    g_assert_cmpuint(months, >=, 5);
    for (gsize i = 0; i < months; i++) {
        g_assert_cmpint(i == 0 || m[i].month > m[i - 1].month, ==, TRUE);
        g_assert_cmpint(pc_changes_compute(a, na, b, nb, pc_month_first_day(&dates, m[i].month),
                                           pc_month_last_day(&dates, m[i].month), &c, &err), ==, PC_OK);
        g_assert_cmpfloat(fabs(m[i].start - c->start), <=, 1e-9 * 10000);
        g_assert_cmpfloat(fabs(m[i].end - c->end), <=, 1e-9 * 10000);
        PcSum month_sum = { 0, 0 };
        pc_sum_add(&month_sum, m[i].start);
        for (int k = 0; k < PC_N_CHANGES; k++) {
            g_assert_cmpfloat(fabs(m[i].total[k] - c->total[k]), <=, 1e-9 * 10000);
            g_assert_cmpuint(m[i].count[k], ==, c->count[k]);
            pc_sum_add(&month_sum, m[i].total[k]);
        }
        g_assert_cmpfloat(fabs(pc_sum_value(&month_sum) - m[i].end), <=, 1e-9 * 10000);
        pc_changes_free(c);
    }
    g_free(m);
    g_rand_free(r);
    g_strfreev(names);
    g_free(a);
    g_free(b);
}

/* Three snapshots: a deal gone from the second and back in the third is removed, then new;
 * from the first to the third it never left. Amounts stay in the table's currency: the
 * waterfall adds them as they are. */
static void changes_removed_and_added_again(void)
{
    static const PcSnapDeal S1[] = { D("Acme", 1000, 46010, OPEN), D("Bolt", 500, 46012, OPEN) };
    static const PcSnapDeal S2[] = { D("Bolt", 500, 46012, OPEN) };
    static const PcSnapDeal S3[] = { D("Bolt", 500, 46012, OPEN), D("ACME", 1200, 46011, OPEN) };
    PcChanges *c;
    PcError err;
    g_assert_cmpint(pc_changes_compute(S1, 2, S2, 1, 0, 0, &c, &err), ==, PC_OK);
    g_assert_cmpuint(c->count[PC_CHANGE_REMOVED], ==, 1);
    g_assert_cmpfloat(c->total[PC_CHANGE_REMOVED], ==, -1000);
    pc_changes_free(c);
    g_assert_cmpint(pc_changes_compute(S2, 1, S3, 2, 0, 0, &c, &err), ==, PC_OK);
    g_assert_cmpuint(c->count[PC_CHANGE_NEW], ==, 1);
    g_assert_cmpfloat(c->total[PC_CHANGE_NEW], ==, 1200);
    pc_changes_free(c);
    g_assert_cmpint(pc_changes_compute(S1, 2, S3, 2, 0, 0, &c, &err), ==, PC_OK);
    g_assert_cmpuint(c->count[PC_CHANGE_INCREASE], ==, 1);
    g_assert_cmpfloat(c->total[PC_CHANGE_INCREASE], ==, 200);
    g_assert_cmpuint(c->n_changes, ==, 1);
    pc_changes_free(c);
}

/* Slips over a deal's snapshots: moves later count, moves earlier and gaps do not. */
static void changes_slips(void)
{
    static const double CLOSES[] = { 46000, 0, 46010, 46005, 46020.7, 46020 };
    gsize times;
    double days;
    pc_changes_slips(CLOSES, G_N_ELEMENTS(CLOSES), &times, &days);
    g_assert_cmpuint(times, ==, 2);
    g_assert_cmpfloat(days, ==, 25);
    pc_changes_slips(CLOSES, 1, &times, &days);
    g_assert_cmpuint(times, ==, 0);
    g_assert_cmpfloat(days, ==, 0);
}

static void changes_bad_input(void)
{
    PcChanges *c = (PcChanges *)1;
    PcError err;
    static const PcSnapDeal TWICE[] = { D("Acme", 1, 100, OPEN), D(" ACME", 2, 100, OPEN) };
    g_assert_cmpint(pc_changes_compute(TWICE, 2, B, 1, 0, 0, &c, &err), ==, PC_ERR_ARG);
    g_assert_null(c);
    g_assert_cmpstr(err.message, ==, "The earlier snapshot names the deal \" ACME\" twice");
    static const PcSnapDeal NAMELESS[] = { D("", 1, 100, OPEN) };
    g_assert_cmpint(pc_changes_compute(A, 1, NAMELESS, 1, 0, 0, &c, &err), ==, PC_ERR_ARG);
    g_assert_cmpstr(err.message, ==, "The later snapshot, deal 1: no name");
    static const PcSnapDeal HUGE[] = { D("Acme", INFINITY, 100, OPEN) };
    g_assert_cmpint(pc_changes_compute(HUGE, 1, B, 1, 0, 0, &c, &err), ==, PC_ERR_NUM);
    /* empty snapshots: nothing, nothing changed */
    g_assert_cmpint(pc_changes_compute(NULL, 0, NULL, 0, 0, 0, &c, &err), ==, PC_OK);
    g_assert_cmpfloat(c->start, ==, 0);
    g_assert_cmpuint(c->n_changes, ==, 0);
    pc_changes_free(c);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/changes/by-hand", changes_by_hand);
    g_test_add_func("/changes/without-a-period", changes_without_a_period);
    g_test_add_func("/changes/reconcile-at-random", changes_reconcile_at_random);
    g_test_add_func("/changes/removed-and-added-again", changes_removed_and_added_again);
    g_test_add_func("/changes/slips", changes_slips);
    g_test_add_func("/changes/bad-input", changes_bad_input);
    return g_test_run();
}
