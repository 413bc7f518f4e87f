/* test-products-plan.c - what Write products writes, planned without an office. */
#include "pc_deals.h"
#include "report-tables.h"
#include "rp_products.h"
#include "tx.h"

#include <math.h>

/* Suite: 2 won (one cycle of 30 days, one closed before it was created), 1 lost, 1 open at Proposal; Basic: 1 won (4 days),
 * 2 lost, 2 open at Lead and Proposal; one open deal without a product. Closed deals reached
 * Lead 6, Proposal 4 (the three won and one lost), Won 3: Lead 50 %, Proposal 75 %. */
static const PcTable *deals(void)
{
    return TAB(11, 7, "Deal", "Product", "Stage", "Amount", "Status", "Created", "Close date",
               "W1", "Suite", "Won", "#1000", "Won", "#110", "#100", /* closed before created */
               "W2", "suite ", "Won", "#3000", "Won", "#100", "#130",
               "W3", "Basic", "Won", "#500", "Won", "#100", "#104",
               "L1", "Suite", "Proposal", "#2000", "Lost", "#100", "#120",
               "L2", "Basic", "Lead", "#700", "Lost", "#100", "#120",
               "L3", "Basic", "Lead", "#800", "Lost", "", "",
               "O1", "Suite", "Proposal", "#4000", "", "#200", "#400",
               "O2", "Basic", "Lead", "#1000", "", "#200", "#400",
               "O3", "Basic", "Proposal", "#2000", "Open", "#200", "#400",
               "O4", "", "Lead", "#600", "", "#200", "#400");
}

/* Wilson's 90 % interval of K won of N closed, written out independently of pc_deals. */
static void wilson(double k, double n, double *lo, double *hi)
{
    double z = 1.6448536269514722, p = k / n;
    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    double half = z / (1 + z * z / n) * sqrt(p * (1 - p) / n + z * z / (4 * n * n));
    *lo = centre - half;
    *hi = centre + half;
}

static void products_cells(void)
{
    RpSource s = source_of(deals());
    RpProducts r;
    char *message = NULL;
    g_assert_true(rp_products_plan(&s, &r, &message));
    g_assert_null(message);
    const RpPlan *p = r.plan;
    g_assert_cmpint(p->place, ==, RP_PLACE_SHEET);
    g_assert_cmpstr(p->marker, ==, "PIPECALC_PRODUCTS");
    g_assert_cmpstr(p->sheet_base, ==, "Products");
    g_assert_cmpstr(p->undo_title, ==, "Pipecalc: write products");
    g_assert_cmpuint(p->rows, ==, 8);
    g_assert_cmpuint(p->cols, ==, 14);
    g_assert_cmpstr(text_at(p, 0, 0), ==, "Products: revenue potential");
    g_assert_cmpint(style_at(p, 0, 0), ==, RP_STYLE_TITLE);
    g_assert_cmpstr(text_at(p, 1, 0), ==, "From Deals.A1:G11: 10 deals by product; expected "
                                          "revenue at the stage probabilities learned from 6 "
                                          "closed deals, as Write forecast uses them.");
    g_assert_cmpstr(text_at(p, 2, 0), ==, "3 products have fewer than 10 closed deals: their "
                                          "win rates are mostly chance (see their 90 % "
                                          "intervals). 1 won deal has no usable Created and "
                                          "Close date (missing, or closed before created): it "
                                          "is left out of the average cycle.");
    g_assert_cmpstr(text_at(p, 3, 0), ==, "Product");
    g_assert_cmpstr(text_at(p, 3, 3), ==, "Expected revenue");
    g_assert_cmpstr(text_at(p, 3, 9), ==, "Win rate low (90 %)");
    g_assert_cmpint(style_at(p, 3, 13), ==, RP_STYLE_HEADER);
    g_assert_cmpuint(p->freeze_rows, ==, 4);
    /* sorted by expected revenue: Suite 4000 x 75 %, Basic 1000 x 50 % + 2000 x 75 %,
     * the deal without a product 600 x 50 % */
    g_assert_cmpstr(text_at(p, 4, 0), ==, "Suite");   /* as first typed */
    g_assert_cmpstr(text_at(p, 5, 0), ==, "Basic");
    g_assert_cmpstr(text_at(p, 6, 0), ==, "(none)");
    g_assert_cmpstr(text_at(p, 7, 0), ==, "All products");
    static const double OPEN[] = { 1, 2, 1, 4 }, OPEN_AMOUNT[] = { 4000, 3000, 600, 7600 };
    static const double EXPECTED[] = { 3000, 2000, 300, 5300 };
    static const double WON[] = { 2, 1, 0, 3 }, WON_AMOUNT[] = { 4000, 500, 0, 4500 };
    static const double LOST[] = { 1, 2, 0, 3 };
    for (gsize i = 0; i < 4; i++) {
        gsize row = 4 + i;
        g_assert_cmpfloat(number_at(p, row, 1), ==, OPEN[i]);
        g_assert_cmpint(format_at(p, row, 1), ==, RP_FORMAT_INTEGER);
        g_assert_cmpfloat(number_at(p, row, 2), ==, OPEN_AMOUNT[i]);
        g_assert_cmpint(format_at(p, row, 2), ==, RP_FORMAT_AMOUNT);
        g_assert_cmpfloat_with_epsilon(number_at(p, row, 3), EXPECTED[i], 1e-9);
        g_assert_cmpfloat(number_at(p, row, 5), ==, WON[i]);
        g_assert_cmpfloat(number_at(p, row, 6), ==, WON_AMOUNT[i]);
        g_assert_cmpfloat(number_at(p, row, 7), ==, LOST[i]);
    }
    /* win rates, their intervals, potentials, averages, cycles */
    static const double K[] = { 2, 1, 3 }, N[] = { 3, 3, 6 };
    static const gsize ROW[] = { 4, 5, 7 };
    static const double AVERAGE[] = { 2000, 500, 1500 }, CYCLE[] = { 30, 4, 17 };
    for (gsize i = 0; i < 3; i++) {
        double lo, hi;
        wilson(K[i], N[i], &lo, &hi);
        g_assert_cmpfloat_with_epsilon(number_at(p, ROW[i], 8), K[i] / N[i], 1e-15);
        g_assert_cmpint(format_at(p, ROW[i], 8), ==, RP_FORMAT_PERCENT);
        g_assert_cmpfloat_with_epsilon(number_at(p, ROW[i], 9), lo, 1e-12);
        g_assert_cmpfloat_with_epsilon(number_at(p, ROW[i], 10), hi, 1e-12);
        g_assert_cmpfloat_with_epsilon(number_at(p, ROW[i], 4), OPEN_AMOUNT[ROW[i] - 4] * K[i] / N[i],
                                       1e-9);
        g_assert_cmpfloat(number_at(p, ROW[i], 11), ==, AVERAGE[i]);
        g_assert_cmpfloat_with_epsilon(number_at(p, ROW[i], 12), CYCLE[i], 1e-12);
    }
    /* the deal without a product has no closed deal: no rate, no average, no cycle */
    for (gsize col = 8; col <= 12; col++)
        g_assert_cmpstr(text_at(p, 6, col), ==, "-");
    g_assert_cmpstr(text_at(p, 4, 13), ==, "only 3 closed deals");
    g_assert_cmpint(style_at(p, 4, 13), ==, RP_STYLE_MUTED);
    g_assert_cmpstr(text_at(p, 6, 13), ==, "only 0 closed deals");
    g_assert_cmpint(style_at(p, 7, 0), ==, RP_STYLE_TOTAL);
    g_assert_cmpuint(r.products, ==, 3);
    g_assert_cmpuint(r.thin, ==, 3);
    g_assert_cmpstr(r.top, ==, "Suite");
    g_assert_cmpfloat_with_epsilon(r.top_expected, 3000, 1e-9);
    g_assert_cmpuint(r.closed, ==, 6);
    g_assert_cmpint(p->amount_col, ==, 3);
    /* the chart: expected against won revenue, a column pair per product */
    g_assert_cmpuint(p->charts->len, ==, 1);
    const RpChart *c = g_ptr_array_index(p->charts, 0);
    g_assert_cmpint(c->type, ==, RP_CHART_COLUMNS);
    g_assert_cmpuint(c->data.row0, ==, 3);
    g_assert_cmpuint(c->data.row1, ==, 6);
    g_assert_cmpuint(c->data.col0, ==, 0);
    g_assert_cmpuint(c->n_series, ==, 2);
    g_assert_cmpuint(c->series[0], ==, 3);
    g_assert_cmpuint(c->series[1], ==, 6);
    g_assert_true(c->legend);
    g_assert_cmpint(c->value_format, ==, RP_FORMAT_AMOUNT);
    g_assert_cmpuint(c->row, ==, p->rows + 1);
    g_assert_nonnull(c->title);
    rp_products_clear(&r);
}

/* The report's counts are pc_deals' counts of the same rows: the figures SALES_VELOCITY
 * gives over them. */
static void products_agree_with_the_deal_counts(void)
{
    RpSource s = source_of(deals());
    RpProducts r;
    char *message = NULL;
    g_assert_true(rp_products_plan(&s, &r, &message));
    PcDeals d = PC_DEALS_INIT;
    pc_deals_add(&d, PC_OUTCOME_WON, 500, 4);
    pc_deals_add(&d, PC_OUTCOME_LOST, 700, NAN);
    pc_deals_add(&d, PC_OUTCOME_LOST, 800, NAN);
    pc_deals_add(&d, PC_OUTCOME_NONE, 1000, NAN);
    pc_deals_add(&d, PC_OUTCOME_NONE, 2000, NAN);
    g_assert_cmpfloat(number_at(r.plan, 5, 8), ==, pc_deals_win_rate(&d));
    g_assert_cmpfloat(number_at(r.plan, 5, 12), ==, pc_deals_average_cycle(&d));
    rp_products_clear(&r);
}

static void products_refusals(void)
{
    RpProducts r;
    char *message = NULL;
    RpSource none = source_of(TAB(3, 3, "Deal", "Stage", "Amount", "A", "Won", "#1", "B", "Lost", "#2"));
    g_assert_false(rp_products_plan(&none, &r, &message));
    g_assert_true(g_str_has_prefix(message, "Products needs a product column"));
    g_clear_pointer(&message, g_free);
    RpSource no_stage = source_of(TAB(3, 3, "Deal", "Product", "Amount", "A", "X", "#1", "B", "Y", "#2"));
    g_assert_false(rp_products_plan(&no_stage, &r, &message));
    g_assert_true(g_str_has_prefix(message, "Products needs an amount and a stage column"));
    g_clear_pointer(&message, g_free);
    RpSource text_amount = source_of(TAB(4, 4, "Deal", "Product", "Stage", "Amount",
                                         "A", "X", "Won", "#1", "B", "X", "Lost", "lots",
                                         "C", "X", "Lead", "#5"));
    g_assert_false(rp_products_plan(&text_amount, &r, &message));
    g_assert_cmpstr(message, ==, "Sheet row 3: the Amount cell holds no number. Nothing was written.");
    g_clear_pointer(&message, g_free);
    RpSource open_only = source_of(TAB(3, 4, "Deal", "Product", "Stage", "Amount",
                                       "A", "X", "Lead", "#1", "B", "Y", "Lead", "#2"));
    g_assert_false(rp_products_plan(&open_only, &r, &message));
    g_assert_nonnull(message);
    g_assert_null(r.plan);
    g_free(message);
}

/* 2,000 products on 20,000 rows, odd names among them: planned in well under a second,
 * every row filled. */
static void products_large_and_odd(void)
{
    gsize n = 20000;
    PcTable *t = pc_table_new(n + 1, 4);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, t);
    const char *head[] = { "Deal", "Leistung", "Phase", "Betrag" };
    for (gsize c = 0; c < 4; c++)
        pc_table_set_text(t, 0, c, head[c], -1);
    static const char *const STAGES[] = { "Lead", "Angebot", "Gewonnen", "Verloren" };
    for (gsize r = 1; r <= n; r++) {
        char name[32];
        g_snprintf(name, sizeof name, "D%zu", r);
        pc_table_set_text(t, r, 0, name, -1);
        g_snprintf(name, sizeof name, r % 7 ? "P\xc3\xa9-%zu" : "\xf0\x9f\x98\x80 %zu", r % 2000);
        pc_table_set_text(t, r, 1, name, -1);
        pc_table_set_text(t, r, 2, STAGES[r % 4], -1);
        pc_table_set_number(t, r, 3, (double)(r % 97) * 100);
    }
    RpSource s = source_of(t);
    RpProducts r;
    char *message = NULL;
    gint64 t0 = g_get_monotonic_time();
    g_assert_true(rp_products_plan(&s, &r, &message));
    g_assert_cmpint(g_get_monotonic_time() - t0, <, 2000000);
    GHashTable *names = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize i = 1; i <= n; i++)
        g_hash_table_add(names, (gpointer)pc_table_text(t, pc_table_at(t, i, 1)));
    g_assert_cmpuint(r.products, ==, g_hash_table_size(names));
    g_hash_table_destroy(names);
    g_assert_cmpuint(r.plan->rows, ==, 4 + r.products + 1);
    for (gsize i = 0; i < r.products; i++)
        g_assert_cmpint(rp_cell_at(r.plan, 4 + i, 1)->kind, ==, RP_NUMBER);
    rp_products_clear(&r);
}

static char *whole(double v, int decimals)
{
    return g_strdup_printf("%.*f", decimals, v);
}

/* The lead's likely products: PRODUCT_FIT over the won deals' Source, the product column
 * itself not an attribute. Suite: 2/4 x 3/4, Basic: 2/4 x 2/4 for a Web lead. */
static void products_likely_for_a_lead(void)
{
    RpSource s = source_of(TAB(7, 4, "Deal", "Source", "Product", "Status",
                               "W1", "Web", "Suite", "won", "W2", "Web", "Suite", "won",
                               "W3", "Fair", "Basic", "won", "W4", "Web", "Basic", "won",
                               "L1", "Fair", "Suite", "lost", "O1", "Web", "", ""));
    char *text = rp_products_likely(&s, 6, whole);
    g_assert_cmpstr(text, ==, "Likely products (PRODUCT_FIT, from 4 won deals): Suite 60 %, Basic 40 %.");
    g_free(text);
    g_assert_null(rp_products_likely(&s, 0, whole)); /* the header is no lead */
    /* no attribute besides the product: nothing to learn from */
    RpSource bare = source_of(TAB(3, 3, "Deal", "Product", "Status", "A", "Suite", "won", "B", "", ""));
    g_assert_null(rp_products_likely(&bare, 2, whole));
    /* no won deal: nothing */
    RpSource unwon = source_of(TAB(3, 4, "Deal", "Source", "Product", "Status",
                                   "A", "Web", "Suite", "lost", "B", "Web", "", ""));
    g_assert_null(rp_products_likely(&unwon, 2, whole));
}

static void products_in_german(void)
{
    g_assert_cmpstr(tx_set_language("de"), ==, "de");
    RpSource s = source_of(deals());
    RpProducts r;
    char *message = NULL;
    g_assert_true(rp_products_plan(&s, &r, &message));
    g_assert_cmpstr(r.plan->sheet_base, ==, "Produkte");
    g_assert_cmpstr(text_at(r.plan, 3, 3), ==, "Erwarteter Umsatz");
    g_assert_cmpstr(text_at(r.plan, 6, 0), ==, "(keins)");
    rp_products_clear(&r);
    tx_set_language("en");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/report/products/cells", products_cells);
    g_test_add_func("/report/products/deal-counts", products_agree_with_the_deal_counts);
    g_test_add_func("/report/products/refusals", products_refusals);
    g_test_add_func("/report/products/large-and-odd", products_large_and_odd);
    g_test_add_func("/report/products/likely-for-a-lead", products_likely_for_a_lead);
    g_test_add_func("/report/products/german", products_in_german);
    return g_test_run();
}
