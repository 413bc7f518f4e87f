/* test-deals.c - counts and rates of a group of deals (pc_deals.h), against hand-computed
 * values. */
#include "pc_deals.h"

static void deals_counts_and_rates(void)
{
    PcDeals d = PC_DEALS_INIT;
    pc_deals_add(&d, PC_OUTCOME_WON, 1000, 30);
    pc_deals_add(&d, PC_OUTCOME_WON, 3000, 10.5);
    pc_deals_add(&d, PC_OUTCOME_WON, 2000, NAN); /* no cycle: still a won deal */
    pc_deals_add(&d, PC_OUTCOME_LOST, 500, 7);   /* lost: neither amount nor cycle */
    pc_deals_add(&d, PC_OUTCOME_NONE, 800, 3);
    pc_deals_add(&d, PC_OUTCOME_NONE, 200, NAN);
    g_assert_cmpuint(d.open, ==, 2);
    g_assert_cmpuint(d.won, ==, 3);
    g_assert_cmpuint(d.lost, ==, 1);
    g_assert_cmpfloat(pc_sum_value(&d.open_amount), ==, 1000);
    g_assert_cmpfloat(pc_deals_win_rate(&d), ==, 0.75);
    g_assert_cmpfloat(pc_deals_average_won(&d), ==, 2000);
    g_assert_cmpfloat(pc_deals_average_cycle(&d), ==, 20.25);
    /* 2 open x 0.75 x 2000 / 20.25 days */
    g_assert_cmpfloat_with_epsilon(pc_deals_velocity(&d), 3000.0 / 20.25, 1e-12);
}

static void deals_wilson_interval(void)
{
    /* 48 won of 100 at z = 1.6449: centre (0.48 + 0.013528) / 1.027055 = 0.480527,
       half-width 1.6449 * sqrt(0.002496 + 0.0000676) / 1.027055 = 0.081089 */
    PcDeals d = PC_DEALS_INIT;
    for (int i = 0; i < 100; i++)
        pc_deals_add(&d, i < 48 ? PC_OUTCOME_WON : PC_OUTCOME_LOST, 1, 1);
    double lo, hi;
    pc_deals_win_interval(&d, PC_DEALS_Z90, &lo, &hi);
    g_assert_cmpfloat_with_epsilon(lo, 0.399438, 1e-5);
    g_assert_cmpfloat_with_epsilon(hi, 0.561616, 1e-5);
    /* all won: the interval stays inside [0, 1] and ends at 1 */
    PcDeals all = PC_DEALS_INIT;
    for (int i = 0; i < 5; i++)
        pc_deals_add(&all, PC_OUTCOME_WON, 1, 1);
    pc_deals_win_interval(&all, PC_DEALS_Z90, &lo, &hi);
    g_assert_cmpfloat_with_epsilon(hi, 1.0, 1e-12);
    g_assert_cmpfloat_with_epsilon(lo, 5.0 / (5.0 + PC_DEALS_Z90 * PC_DEALS_Z90), 1e-12);
}

static void deals_nothing_to_say(void)
{
    PcDeals d = PC_DEALS_INIT;
    double lo, hi;
    g_assert_true(isnan(pc_deals_win_rate(&d)));
    pc_deals_win_interval(&d, PC_DEALS_Z90, &lo, &hi);
    g_assert_true(isnan(lo) && isnan(hi));
    g_assert_true(isnan(pc_deals_average_won(&d)));
    g_assert_true(isnan(pc_deals_velocity(&d)));
    /* won deals closed the day they were created: a cycle of 0 gives no velocity */
    pc_deals_add(&d, PC_OUTCOME_WON, 100, 0);
    pc_deals_add(&d, PC_OUTCOME_NONE, 100, NAN);
    g_assert_cmpfloat(pc_deals_average_cycle(&d), ==, 0);
    g_assert_true(isnan(pc_deals_velocity(&d)));
}

/* Merged, two groups count as one group of all their deals added one by one. */
static void deals_merge(void)
{
    PcDeals a = PC_DEALS_INIT, b = PC_DEALS_INIT, all = PC_DEALS_INIT, none = PC_DEALS_INIT;
    struct { PcOutcome o; double amount, cycle; } deals[] = {
        { PC_OUTCOME_WON, 1000, 30 }, { PC_OUTCOME_LOST, 500, NAN }, { PC_OUTCOME_NONE, 800, NAN },
        { PC_OUTCOME_WON, 1e16, 4 },  { PC_OUTCOME_WON, 1, NAN },    { PC_OUTCOME_NONE, 0.5, NAN },
        { PC_OUTCOME_WON, -1e16, 11 }, { PC_OUTCOME_LOST, 7, NAN },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(deals); i++) {
        pc_deals_add(i < 3 ? &a : &b, deals[i].o, deals[i].amount, deals[i].cycle);
        pc_deals_add(&all, deals[i].o, deals[i].amount, deals[i].cycle);
    }
    pc_deals_merge(&a, &b);
    pc_deals_merge(&a, &none); /* merging nothing changes nothing */
    g_assert_cmpuint(a.open, ==, 2);
    g_assert_cmpuint(a.won, ==, 4);
    g_assert_cmpuint(a.lost, ==, 2);
    g_assert_cmpuint(a.cycles, ==, 3);
    g_assert_cmpfloat(pc_sum_value(&a.open_amount), ==, 800.5);
    /* 1000 + 1e16 + 1 - 1e16: the compensation survives the merge */
    g_assert_cmpfloat(pc_sum_value(&a.won_amount), ==, 1001);
    g_assert_cmpfloat(pc_sum_value(&a.won_amount), ==, pc_sum_value(&all.won_amount));
    g_assert_cmpfloat(pc_deals_average_cycle(&a), ==, 15);
    g_assert_cmpfloat(pc_deals_win_rate(&a), ==, pc_deals_win_rate(&all));
    g_assert_cmpfloat(pc_deals_velocity(&a), ==, pc_deals_velocity(&all));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/deals/counts-and-rates", deals_counts_and_rates);
    g_test_add_func("/deals/wilson-interval", deals_wilson_interval);
    g_test_add_func("/deals/nothing-to-say", deals_nothing_to_say);
    g_test_add_func("/deals/merge", deals_merge);
    return g_test_run();
}
