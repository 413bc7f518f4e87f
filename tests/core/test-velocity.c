/* test-velocity.c - SALES_VELOCITY (pc_velocity.h) against hand-computed cases. */
#include "pc_velocity.h"

/* One column of N cells: a number, a text in double quotes ("\"won\""), "" empty, or
 * "#" an error value. */
static PcTable *column(const char *const cells[], gsize n)
{
    PcTable *t = pc_table_new(n, 1);
    for (gsize i = 0; i < n; i++) {
        const char *c = cells[i];
        if (!*c)
            continue;
        if (c[0] == '"')
            pc_table_set_text(t, i, 0, c + 1, (gssize)strlen(c) - 2);
        else if (c[0] == '#')
            pc_table_set_error(t, i, 0, 504);
        else
            pc_table_set_number(t, i, 0, g_ascii_strtod(c, NULL));
    }
    return t;
}

typedef struct {
    PcTable *a[4];
} Args;

/* The four columns of N cells each, given one column after the other. */
#define ARGS(n, ...) args_of((const char *[]){ __VA_ARGS__ }, n)
static Args args_of(const char *cells[], gsize n)
{
    Args x;
    for (int a = 0; a < 4; a++)
        x.a[a] = column(cells + a * n, n);
    return x;
}

static PcStatus velocity(Args *x, double *v, PcError *err)
{
    PcStatus st = pc_sales_velocity(x->a[0], x->a[1], x->a[2], x->a[3], v, err);
    for (int i = 0; i < 4; i++)
        pc_table_free(x->a[i]);
    return st;
}

static void velocity_hand_computed(void)
{
    /* header; won 1000 in 30 days; won 3000 in 10.5 days; lost; 2 open; a blank row.
       win rate 2/3, average won 2000, cycle 20.25: 2 x 2/3 x 2000 / 20.25 */
    Args x = ARGS(7, "\"Amount\"", "1000", "3000", "500", "800", "", "200",
                  "\"Outcome\"", "\"won\"", "\"Gewonnen\"", "\"lost\"", "\"Open\"", "", "",
                  "\"Created\"", "46000", "46010", "46000", "46020", "", "",
                  "\"Closed\"", "46030", "46020.5", "46005", "", "", "");
    double v;
    PcError err;
    g_assert_cmpint(velocity(&x, &v, &err), ==, PC_OK);
    g_assert_cmpfloat_with_epsilon(v, 2 * (2.0 / 3) * 2000 / 20.25, 1e-9);
}

static void velocity_empty_amount_counts_zero(void)
{
    /* won 0 (empty) in 10 days and won 1000 in 10 days; 1 open: 1 x 1 x 500 / 10 */
    Args x = ARGS(3, "", "1000", "5", "\"won\"", "\"won\"", "", "1", "1", "1", "11", "11", "");
    double v;
    PcError err;
    g_assert_cmpint(velocity(&x, &v, &err), ==, PC_OK);
    g_assert_cmpfloat(v, ==, 50);
}

static void velocity_errors(void)
{
    double v;
    PcError err;
    Args none_won = ARGS(2, "10", "20", "\"lost\"", "", "1", "1", "2", "");
    g_assert_cmpint(velocity(&none_won, &v, &err), ==, PC_ERR_DIV0);
    Args same_day = ARGS(2, "10", "20", "\"won\"", "", "5", "", "5", "");
    g_assert_cmpint(velocity(&same_day, &v, &err), ==, PC_ERR_DIV0);
    Args missing_date = ARGS(2, "10", "20", "\"open\"", "\"won\"", "1", "1", "2", "");
    g_assert_cmpint(velocity(&missing_date, &v, &err), ==, PC_ERR_VALUE);
    g_assert_cmpint(err.row, ==, 1);
    g_assert_cmpint(err.arg, ==, PC_VELOCITY_CLOSED);
    g_assert_nonnull(strstr(err.message, "row 2"));
    Args backwards = ARGS(1, "10", "\"won\"", "9", "3");
    g_assert_cmpint(velocity(&backwards, &v, &err), ==, PC_ERR_NUM);
    Args text_amount = ARGS(2, "\"ten\"", "5", "\"won\"", "\"won\"", "1", "1", "3", "3");
    g_assert_cmpint(velocity(&text_amount, &v, &err), ==, PC_ERR_VALUE);
    g_assert_cmpint(err.row, ==, 0); /* Created and Closed are numbers: not a header */
    Args error_cell = ARGS(1, "#", "\"won\"", "1", "3");
    g_assert_cmpint(velocity(&error_cell, &v, &err), ==, PC_ERR_VALUE);
    Args text_date = ARGS(1, "5", "\"open\"", "\"soon\"", "");
    g_assert_cmpint(velocity(&text_date, &v, &err), ==, PC_ERR_VALUE);
    Args infinite = ARGS(1, "inf", "\"won\"", "1", "3");
    g_assert_cmpint(velocity(&infinite, &v, &err), ==, PC_ERR_NUM);

    PcTable *two = pc_table_new(2, 1), *three = pc_table_new(3, 1), *wide = pc_table_new(2, 2);
    g_assert_cmpint(pc_sales_velocity(two, two, two, three, &v, &err), ==, PC_ERR_ARG);
    g_assert_cmpint(err.arg, ==, PC_VELOCITY_CLOSED);
    g_assert_cmpint(pc_sales_velocity(two, wide, two, two, &v, &err), ==, PC_ERR_ARG);
    pc_table_free(two);
    pc_table_free(three);
    pc_table_free(wide);
}

static void velocity_matches_deals(void)
{
    /* the function and the accumulator the reports use agree on the same rows */
    Args x = ARGS(4, "100", "200", "300", "400", "\"won\"", "\"won\"", "\"lost\"", "",
                  "0", "0", "0", "0", "7", "14", "", "");
    PcDeals d;
    PcError err;
    g_assert_cmpint(pc_velocity_deals(x.a[0], x.a[1], x.a[2], x.a[3], &d, &err), ==, PC_OK);
    g_assert_cmpuint(d.won, ==, 2);
    g_assert_cmpuint(d.lost, ==, 1);
    g_assert_cmpuint(d.open, ==, 1);
    double v;
    g_assert_cmpint(velocity(&x, &v, &err), ==, PC_OK);
    g_assert_cmpfloat(v, ==, pc_deals_velocity(&d));
    g_assert_cmpfloat_with_epsilon(v, 1 * (2.0 / 3) * 150 / 10.5, 1e-12);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/velocity/hand-computed", velocity_hand_computed);
    g_test_add_func("/velocity/empty-amount-counts-zero", velocity_empty_amount_counts_zero);
    g_test_add_func("/velocity/errors", velocity_errors);
    g_test_add_func("/velocity/matches-deals", velocity_matches_deals);
    return g_test_run();
}
