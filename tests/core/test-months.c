/* test-months.c - Calc date serials to calendar months. */
#include "pc_months.h"

#include <math.h>

static PcDates D; /* set in main: 1899-12-30 */

static void months_of_serials(void)
{
    /* 46037 = 2026-01-15, 46053 = 2026-01-31, 46054 = 2026-02-01 */
    g_assert_cmpint(pc_month_of_serial(&D, 46037), ==, 2026 * 12 + 0);
    g_assert_cmpint(pc_month_of_serial(&D, 46053.99), ==, 2026 * 12 + 0);
    g_assert_cmpint(pc_month_of_serial(&D, 46054), ==, 2026 * 12 + 1);
    g_assert_cmpint(pc_month_of_serial(&D, 2), ==, 1900 * 12); /* 1900-01-01 */
}

static void months_refuse_non_dates(void)
{
    g_assert_cmpint(pc_month_of_serial(&D, 0), ==, -1);
    g_assert_cmpint(pc_month_of_serial(&D, -5), ==, -1);
    g_assert_cmpint(pc_month_of_serial(&D, NAN), ==, -1);
    g_assert_cmpint(pc_month_of_serial(&D, INFINITY), ==, -1);
    g_assert_cmpint(pc_month_of_serial(&D, 2958466), ==, -1);
    g_assert_cmpint(pc_month_of_serial(&D, 2958465), ==, 9999 * 12 + 11);
}

static void months_bounds_and_labels(void)
{
    gint jan = 2026 * 12, feb = jan + 1, dec = 2025 * 12 + 11;
    g_assert_cmpfloat(pc_month_first_day(&D, jan), ==, 46023);
    g_assert_cmpfloat(pc_month_last_day(&D, jan), ==, 46053);
    g_assert_cmpfloat(pc_month_last_day(&D, feb), ==, 46081); /* 2026-02-28 */
    g_assert_cmpfloat(pc_month_last_day(&D, dec), ==, 46022); /* across the year */
    g_assert_cmpfloat(pc_month_last_day(&D, 2024 * 12 + 1) - pc_month_first_day(&D, 2024 * 12 + 1), ==, 28);
    char buf[8];
    pc_month_label(jan, buf, sizeof buf);
    g_assert_cmpstr(buf, ==, "2026-01");
    pc_month_label(dec, buf, sizeof buf);
    g_assert_cmpstr(buf, ==, "2025-12");
}

int main(int argc, char **argv)
{
    D = pc_dates_default();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/core/months/of-serials", months_of_serials);
    g_test_add_func("/core/months/refuse-non-dates", months_refuse_non_dates);
    g_test_add_func("/core/months/bounds-and-labels", months_bounds_and_labels);
    return g_test_run();
}
