/* test-fit.c - PRODUCT_FIT (pc_fit.h), the naive-Bayes probability of each product.
 *
 * Expected values are computed by hand in the comments with LEAD_SCORE's formulas, one
 * class per product: prior P(c) = n_c / n; P(v|c) = (count_c(v) + a) / (n_c,j + a K_j);
 * P(c | lead) = P(c) prod P(v|c) / sum over the products of the same.
 */
#include "test-tables.h"
#include "pc_fit.h"
#include "pc_score.h"
#include "pc_table.h"

#include <math.h>
#include <string.h>


#define PROBS(...) (const double[]){ __VA_ARGS__ }, G_N_ELEMENTS(((const double[]){ __VA_ARGS__ }))
#define NAMES(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* Fit and return the result (freed when the test ends); asserts success. */
static PcFit *fit_ok(const PcTable *leads, const PcTable *history, const PcTable *products,
                     const PcTable *list, const PcTable *smoothing)
{
    PcFit *fit = NULL;
    PcError err;
    pc_error_clear(&err);
    PcStatus st = pc_product_fit(leads, history, products, list, smoothing, &fit, &err);
    if (st != PC_OK)
        g_test_message("unexpected %s: %s", pc_status_name(st), err.message);
    g_assert_cmpint(st, ==, PC_OK);
    g_assert_nonnull(fit);
    g_test_queue_destroy((GDestroyNotify)pc_fit_free, fit);
    return fit;
}

/* Assert that every row of FIT is a distribution: finite, in [0, 1], summing to 1. */
static void assert_rows_sum_to_1(const PcFit *fit)
{
    for (gsize i = 0; i < fit->n_leads; i++) {
        double sum = 0;
        for (gsize p = 0; p < fit->n_products; p++) {
            double v = fit->prob[i * fit->n_products + p];
            g_assert_true(isfinite(v));
            g_assert_cmpfloat(v, >=, 0.0);
            g_assert_cmpfloat(v, <=, 1.0);
            sum += v;
        }
        g_assert_cmpfloat_with_epsilon(sum, 1.0, 1e-12);
    }
}

/* Fit, then compare the product names with NAMES (NULL-terminated) and the probabilities,
 * row by row, with WANT (N values) to 1e-12. */
static void assert_fit(const PcTable *leads, const PcTable *history, const PcTable *products,
                       const PcTable *list, const PcTable *smoothing, const char *const *names,
                       const double *want, gsize n)
{
    PcFit *fit = fit_ok(leads, history, products, list, smoothing);
    gsize n_names = g_strv_length((char **)names);
    g_assert_cmpuint(fit->n_products, ==, n_names);
    for (gsize p = 0; p < n_names; p++)
        g_assert_cmpstr(fit->product_names[p], ==, names[p]);
    g_assert_null(fit->product_names[n_names]);
    g_assert_cmpuint(fit->n_leads * fit->n_products, ==, n);
    for (gsize i = 0; i < n; i++) {
        if (fabs(fit->prob[i] - want[i]) > 1e-12)
            g_test_message("lead %zu, product %zu: %.15g, want %.15g", i / n_names, i % n_names,
                           fit->prob[i], want[i]);
        g_assert_cmpfloat_with_epsilon(fit->prob[i], want[i], 1e-12);
    }
    assert_rows_sum_to_1(fit);
}

/* Assert that PRODUCT_FIT fails with WANT at argument ARG, row ROW. */
static void assert_fails(const PcTable *leads, const PcTable *history, const PcTable *products,
                         const PcTable *list, const PcTable *smoothing, PcStatus want, int arg,
                         gssize row)
{
    PcFit *fit = (PcFit *)&fit;
    PcError err;
    pc_error_clear(&err);
    PcStatus st = pc_product_fit(leads, history, products, list, smoothing, &fit, &err);
    if (st != want)
        g_test_message("got %s (%s), want %s", pc_status_name(st), err.message,
                       pc_status_name(want));
    g_assert_cmpint(st, ==, want);
    g_assert_cmpint(err.arg, ==, arg);
    g_assert_cmpint(err.row, ==, row);
    g_assert_cmpstr(err.message, !=, "");
    g_assert_null(fit);
}

/* ---- two products, by hand ------------------------------------------------------------ */

/* Source | Region | Product, 7 purchases:
 *   Web North A; Web South A; Ref North A; Web North B; Ref South B; Ref South B; Ref North B
 * n_A = 3, n_B = 4, n = 7. Both columns: K = 2, and every row has a value, so n_A,j = 3,
 * n_B,j = 4:
 *   P(Web|A) = (2+1)/(3+2) = 3/5   P(Ref|A) = 2/5   P(North|A) = 3/5   P(South|A) = 2/5
 *   P(Web|B) = (1+1)/(4+2) = 1/3   P(Ref|B) = 2/3   P(North|B) = 1/2   P(South|B) = 1/2 */
static PcTable *two_history(void)
{
    return TAB(0, 2,
               "Web", "North",
               "Web", "South",
               "Ref", "North",
               "Web", "North",
               "Ref", "South",
               "Ref", "South",
               "Ref", "North");
}

static PcTable *two_products(void)
{
    return COL("A", "A", "A", "B", "B", "B", "B");
}

static void fit_two_products(void)
{
    /* (Web, South): A 3/7 * 3/5 * 2/5 = 18/175 = 54/525; B 4/7 * 1/3 * 1/2 = 2/21 = 50/525
     *   -> A 54/104 = 27/52, B 25/52
     * (Ref, North): A 3/7 * 2/5 * 3/5 = 54/525; B 4/7 * 2/3 * 1/2 = 4/21 = 100/525
     *   -> A 54/154 = 27/77, B 50/77
     * (Web, blank): A 3/7 * 3/5 = 9/35 = 27/105; B 4/7 * 1/3 = 4/21 = 20/105 -> 27/47, 20/47
     * (Fair, Nowhere): unseen values, no factor: the priors 3/7, 4/7; a blank lead too */
    PcTable *leads = TAB(0, 2,
                         "Web", "South",
                         "Ref", "North",
                         "Web", "",
                         "Fair", "Nowhere",
                         "", "");
    assert_fit(leads, two_history(), two_products(), NULL, NULL, NAMES("A", "B"),
               PROBS(27.0 / 52, 25.0 / 52,
                     27.0 / 77, 50.0 / 77,
                     27.0 / 47, 20.0 / 47,
                     3.0 / 7, 4.0 / 7,
                     3.0 / 7, 4.0 / 7));
    /* Products as a row works the same */
    assert_fit(TAB(1, 2, "Web", "South"), two_history(), ROW("A", "A", "A", "B", "B", "B", "B"),
               NULL, NULL, NAMES("A", "B"), PROBS(27.0 / 52, 25.0 / 52));
}

static void fit_smoothing(void)
{
    /* a = 0.5 on one column (Source) of the same history:
     * P(Web|A) = 2.5/4 = 5/8, P(Web|B) = 1.5/5 = 3/10;
     * Web: A 3/7 * 5/8 = 15/56; B 4/7 * 3/10 = 6/35; 15/56 = 75/280, 6/35 = 48/280
     *   -> A 75/123 = 25/41, B 48/123 = 16/41 */
    PcTable *history = COL("Web", "Web", "Ref", "Web", "Ref", "Ref", "Ref");
    assert_fit(COL("Web"), history, two_products(), NULL, num(0.5), NAMES("A", "B"),
               PROBS(25.0 / 41, 16.0 / 41));
    /* omitted: NULL, 0, an empty cell, 0 x 0 -> a = 1: Web A 9/35 vs B 4/21 -> 27/47 */
    PcTable *empty = pc_table_new(0, 0);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, empty);
    const PcTable *omitted[] = { NULL, num(0), TAB(1, 1, ""), empty };
    for (gsize i = 0; i < G_N_ELEMENTS(omitted); i++)
        assert_fit(COL("Web"), history, two_products(), NULL, omitted[i], NAMES("A", "B"),
                   PROBS(27.0 / 47, 20.0 / 47));
}

/* ---- LEAD_SCORE is the two-class case --------------------------------------------------- */

/* Assert that PRODUCT_FIT's probability of "won" is LEAD_SCORE's score to 1e-12, with
 * History and the outcome words as Products (rows LEAD_SCORE does not train on blank). */
static void assert_same_as_lead_score(const PcTable *leads, const PcTable *history,
                                      const PcTable *outcomes, const PcTable *smoothing)
{
    double *scores;
    gsize n;
    PcError err;
    g_assert_cmpint(pc_lead_score(leads, history, outcomes, smoothing, &scores, &n, &err), ==,
                    PC_OK);
    PcFit *fit = fit_ok(leads, history, outcomes, NULL, smoothing);
    g_assert_cmpuint(fit->n_leads, ==, n);
    g_assert_cmpuint(fit->n_products, ==, 2);
    gsize won = strcmp(fit->product_names[0], "won") == 0 ? 0 : 1;
    g_assert_cmpstr(fit->product_names[won], ==, "won");
    g_assert_cmpstr(fit->product_names[1 - won], ==, "lost");
    for (gsize i = 0; i < n; i++) {
        g_assert_cmpfloat_with_epsilon(fit->prob[i * 2 + won], scores[i], 1e-12);
        g_assert_cmpfloat_with_epsilon(fit->prob[i * 2 + 1 - won], 1.0 - scores[i], 1e-12);
    }
    g_free(scores);
}

static void fit_equals_lead_score(void)
{
    /* LEAD_SCORE's model is exactly the two-class case: the same K_j (the values of all
     * training rows), the same n_c,j, the same smoothing, the prior n_W / (n_W + n_L).
     * Here Products holds only "won", "lost" or blank, so both train on the same rows. */
    PcTable *history = TAB(0, 3,
                           "Web", "#12", "Retail",
                           "Ref", "#40", "IT",
                           "Web", "#7", "",
                           "Event", "#33", "IT",
                           "Web", "", "Retail",
                           "Ref", "#5", "Health",
                           "Ref", "#18", "IT",
                           "Event", "#60", "Retail",
                           "Web", "#25", "Health",
                           "Partner", "#90", "IT");
    PcTable *outcomes = COL("won", "lost", "lost", "won", "won", "lost", "won", "", "lost", "");
    PcTable *leads = TAB(0, 3,
                         "Web", "#10", "Retail",
                         "Ref", "#35", "IT",
                         "Event", "#100", "Health",
                         "Partner", "#1", "Nowhere",
                         "", "", "",
                         "web", "#18", " it ");
    assert_same_as_lead_score(leads, history, outcomes, NULL);
    assert_same_as_lead_score(leads, history, outcomes, num(0.5));
    assert_same_as_lead_score(leads, history, outcomes, num(3));
    /* "lost" first: the column order changes, not the probabilities */
    PcTable *lost_first = COL("lost", "lost", "won", "won", "won", "lost", "won", "", "lost", "");
    assert_same_as_lead_score(leads, history, lost_first, NULL);
    /* with a header row on both ("Outcome" trains LEAD_SCORE on nothing; PRODUCT_FIT reads
     * the row as a header by pc_fit.h's rule) */
    PcTable *h2 = TAB(0, 3,
                      "Source", "Size", "Industry",
                      "Web", "#12", "Retail",
                      "Ref", "#40", "IT",
                      "Event", "#33", "IT",
                      "Web", "", "Retail",
                      "Ref", "#5", "Health",
                      "Web", "#25", "Health");
    PcTable *o2 = COL("Outcome", "won", "lost", "won", "lost", "won", "lost");
    assert_same_as_lead_score(leads, h2, o2, NULL);
    /* a larger random set: 3,000 rows, 2 categorical and 2 numeric columns with blanks */
    PcTable *big = pc_table_new(3000, 4), *big_out = pc_table_new(3000, 1);
    PcTable *big_leads = pc_table_new(300, 4);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, big);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, big_out);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, big_leads);
    static const char *const src[] = { "Web", "Fair", "Referral", "Cold", "Ads" };
    GRand *rand = g_rand_new_with_seed(7);
    for (gsize r = 0; r < 3300; r++) {
        PcTable *t = r < 3000 ? big : big_leads;
        gsize row = r < 3000 ? r : r - 3000;
        if (g_rand_int_range(rand, 0, 15))
            pc_table_set_text(t, row, 0, src[g_rand_int_range(rand, 0, 5)], -1);
        pc_table_set_text(t, row, 1, src[g_rand_int_range(rand, 0, 3)], -1);
        if (g_rand_int_range(rand, 0, 10))
            pc_table_set_number(t, row, 2, floor(g_rand_double_range(rand, 0, 1000)));
        pc_table_set_number(t, row, 3, g_rand_double_range(rand, -5, 5));
        if (r < 3000 && g_rand_int_range(rand, 0, 12))
            pc_table_set_text(big_out, row, 0, g_rand_double(rand) < 0.3 ? "won" : "lost", -1);
    }
    g_rand_free(rand);
    assert_same_as_lead_score(big_leads, big, big_out, NULL);
    assert_same_as_lead_score(big_leads, big, big_out, num(0.01));
}

/* ---- products: order, ProductList, names ------------------------------------------------ */

/* Source, 8 purchases: Web A, Web A, Ref A, Web B, Ref B, Ref B, Ref B, Event C.
 * K = 3; n_A 3, n_B 4, n_C 1, n 8.
 * P(Web|A) = 3/6 = 1/2, P(Web|B) = 2/7, P(Web|C) = 1/4:
 * Web: A 3/8 * 1/2 = 3/16 = 42/224; B 4/8 * 2/7 = 1/7 = 32/224; C 1/8 * 1/4 = 1/32 = 7/224
 *   -> 42/81, 32/81, 7/81 */
static PcTable *three_history(void)
{
    return COL("Web", "Web", "Ref", "Web", "Ref", "Ref", "Ref", "Event");
}

static void fit_product_list(void)
{
    PcTable *products = COL("A", "A", "A", "B", "B", "B", "B", "C");
    /* without a list: order of first appearance */
    assert_fit(COL("Web"), three_history(), products, NULL, NULL, NAMES("A", "B", "C"),
               PROBS(42.0 / 81, 32.0 / 81, 7.0 / 81));
    /* first appearance is by row: B, C, A (the same purchases reordered) */
    PcTable *b_first = COL("B", "C", "A", "B", "B", "A", "B", "A");
    PcTable *hist = COL("Web", "Event", "Web", "Ref", "Ref", "Ref", "Ref", "Web");
    assert_fit(COL("Web"), hist, b_first, NULL, NULL, NAMES("B", "C", "A"),
               PROBS(32.0 / 81, 7.0 / 81, 42.0 / 81));
    /* ProductList's order, its spelling, blank cells skipped; Z has no purchase: exactly 0,
     * and the others do not change (K_j counts values, not products) */
    PcTable *list = COL("c", "", "Z", " a ", "B");
    PcFit *fit = fit_ok(COL("Web", "Event"), three_history(), products, list, NULL);
    g_assert_cmpuint(fit->n_products, ==, 4);
    g_assert_cmpstr(fit->product_names[0], ==, "c");
    g_assert_cmpstr(fit->product_names[1], ==, "Z");
    g_assert_cmpstr(fit->product_names[2], ==, " a ");
    g_assert_cmpstr(fit->product_names[3], ==, "B");
    g_assert_null(fit->product_names[4]);
    g_assert_cmpfloat_with_epsilon(fit->prob[0], 7.0 / 81, 1e-12);
    g_assert_true(fit->prob[1] == 0.0);
    g_assert_cmpfloat_with_epsilon(fit->prob[2], 42.0 / 81, 1e-12);
    g_assert_cmpfloat_with_epsilon(fit->prob[3], 32.0 / 81, 1e-12);
    /* Event: A 3/8 * 1/6 = 1/16; B 4/8 * 1/7 = 1/14; C 1/8 * 2/4 = 1/16;
     * 1/16 = 7/112, 1/14 = 8/112 -> C 7/22, A 7/22, B 8/22 */
    g_assert_cmpfloat_with_epsilon(fit->prob[4], 7.0 / 22, 1e-12);
    g_assert_true(fit->prob[5] == 0.0);
    g_assert_cmpfloat_with_epsilon(fit->prob[6], 7.0 / 22, 1e-12);
    g_assert_cmpfloat_with_epsilon(fit->prob[7], 8.0 / 22, 1e-12);
    assert_rows_sum_to_1(fit);
    /* a list as a row; a list that names only unbought products and one bought: the
     * bought one gets everything */
    assert_fit(COL("Web"), three_history(), COL("A", "", "", "", "", "", "", ""),
               ROW("X", "A", "Y"), NULL, NAMES("X", "A", "Y"), PROBS(0.0, 1.0, 0.0));
    /* a list of blanks is omitted */
    assert_fit(COL("Web"), three_history(), products, COL("", " "), NULL,
               NAMES("A", "B", "C"), PROBS(42.0 / 81, 32.0 / 81, 7.0 / 81));
}

static void fit_product_names(void)
{
    /* names match by key (case, white space, Unicode composition); the first spelling is
     * the name. "Suite" x3 vs "Äpp" x1 on a blank history column: the priors. */
    PcTable *history = COL("", "", "", "");
    PcTable *products = COL(" Suite", "SUITE\xc2\xa0", "A\xcc\x88pp", "suite");
    assert_fit(COL("x"), history, products, NULL, NULL, NAMES(" Suite", "A\xcc\x88pp"),
               PROBS(0.75, 0.25));
    assert_fit(COL("x"), history, products, COL("\xc3\xa4pp", "Suite"), NULL,
               NAMES("\xc3\xa4pp", "Suite"), PROBS(0.25, 0.75));
}

/* ---- rows: blank products, header --------------------------------------------------------- */

static void fit_blank_products_skipped(void)
{
    /* two_history with rows whose product is blank (empty or white space) mixed in; their
     * values (Partner, a number in Region) are no training values: same model, and
     * Partner is an unseen value (no factor, not in K) */
    PcTable *history = TAB(0, 2,
                           "Partner", "#5",
                           "Web", "North",
                           "Web", "South",
                           "Ref", "North",
                           "Partner", "East",
                           "Web", "North",
                           "Ref", "South",
                           "Ref", "South",
                           "Ref", "North",
                           "Web", "");
    PcTable *products = COL("", "A", "A", "A", " ", "B", "B", "B", "B", "\xc2\xa0");
    assert_fit(TAB(0, 2, "Web", "South", "Partner", "North", "Ref", "East"), history, products,
               NULL, NULL, NAMES("A", "B"),
               /* (Partner, North): A 3/7 * 3/5 = 9/35 = 27/105; B 4/7 * 1/2 = 2/7 = 30/105
                * -> 27/57 = 9/19, 10/19; (Ref, East): A 3/7 * 2/5 = 6/35 = 18/105,
                * B 4/7 * 2/3 = 8/21 = 40/105 -> 18/58 = 9/29, 20/29 */
               PROBS(27.0 / 52, 25.0 / 52, 9.0 / 19, 10.0 / 19, 9.0 / 29, 20.0 / 29));
}

static void fit_blank_training_cells(void)
{
    /* n_c,j counts the rows of c with a value: Web A, _ A, Ref B, Web B.
     * n_A 2, n_B 2; n_A,j 1, n_B,j 2; K 2.
     * Web: A 1/2 * (1+1)/(1+2) = 1/3; B 1/2 * (1+1)/(2+2) = 1/4 -> 4/7, 3/7 */
    assert_fit(COL("Web"), COL("Web", "", "Ref", "Web"), COL("A", "A", "B", "B"), NULL, NULL,
               NAMES("A", "B"), PROBS(4.0 / 7, 3.0 / 7));
}

static void fit_header_row(void)
{
    /* the header "Source" | "Region" | "Product" above two_history: no purchase, same model */
    PcTable *history = TAB(0, 2,
                           "Source", "Region",
                           "Web", "North",
                           "Web", "South",
                           "Ref", "North",
                           "Web", "North",
                           "Ref", "South",
                           "Ref", "South",
                           "Ref", "North");
    PcTable *products = COL("Product", "A", "A", "A", "B", "B", "B", "B");
    PcTable *leads = TAB(0, 2, "Web", "South", "Source", "Region");
    assert_fit(leads, history, products, NULL, NULL, NAMES("A", "B"),
               PROBS(27.0 / 52, 25.0 / 52, 3.0 / 7, 4.0 / 7));
    /* with ProductList too, when the list does not name the header's product */
    assert_fit(leads, history, products, COL("B", "A"), NULL, NAMES("B", "A"),
               PROBS(25.0 / 52, 27.0 / 52, 4.0 / 7, 3.0 / 7));
    /* a numeric column's header text keeps it numeric (the row trains nothing):
     * Size 1..4 for A A B B, cuts 1.6, 2.2, 2.8, 3.4, K 4: 1 -> A 1/2*2/6 vs B 1/2*1/6 */
    assert_fit(COL("#1"), COL("Size", "#1", "#2", "#3", "#4"), COL("Product", "A", "A", "B", "B"),
               NULL, NULL, NAMES("A", "B"), PROBS(2.0 / 3, 1.0 / 3));
    /* not a header: the product is bought again below; a History text repeats in its
     * column; a History cell is a number or blank; the list names the product; the only
     * row */
    PcTable *p3 = COL("A", "A", "B");
    assert_fit(COL("Web"), COL("Source", "Web", "Web"), COL("Product", "Product", "A"), NULL,
               NULL, NAMES("Product", "A"),
               /* K 2 (Source, Web): Web P 2/3 * 2/4 = 1/3 vs A 1/3 * 2/3 = 2/9 -> 3/5, 2/5 */
               PROBS(3.0 / 5, 2.0 / 5));
    assert_fit(COL("Web"), COL("Web", "Web", "Ref"), p3, NULL, NULL, NAMES("A", "B"),
               /* K 2: A 2/3 * 3/4 = 1/2 vs B 1/3 * 1/3 = 1/9 -> 9/11, 2/11 */
               PROBS(9.0 / 11, 2.0 / 11));
    assert_fit(TAB(1, 2, "Web", ""), TAB(0, 2, "Web", "#1", "Web", "#2", "Ref", "#3"),
               COL("Product", "A", "B"), NULL, NULL, NAMES("Product", "A", "B"),
               /* three products of one row each; Source K 2, the lead's Size blank:
                * Product 1/3 * 2/3, A 1/3 * 2/3, B 1/3 * 1/3 -> 2/5, 2/5, 1/5 */
               PROBS(0.4, 0.4, 0.2));
    assert_fit(TAB(1, 2, "Web", ""), TAB(0, 2, "Source", "", "Web", "North", "Ref", "South"),
               COL("Product", "A", "B"), NULL, NULL, NAMES("Product", "A", "B"),
               /* Source K 3, each value once: 1/3 * 1/4 vs 1/3 * 2/4 vs 1/3 * 1/4 */
               PROBS(0.25, 0.5, 0.25));
    assert_fit(COL("Web"), COL("Source", "Web", "Ref"), COL("A", "A", "B"), COL("A", "B"), NULL,
               NAMES("A", "B"),
               /* K 3: A 2/3 * 2/5 = 4/15 vs B 1/3 * 1/4 = 1/12 -> 16/21, 5/21 */
               PROBS(16.0 / 21, 5.0 / 21));
    assert_fit(COL("Source"), COL("Source"), COL("Product"), NULL, NULL, NAMES("Product"),
               PROBS(1.0));
    /* a header that the list does not name but that is no header (Web repeats): #N/A */
    assert_fails(COL("Web"), COL("Web", "Web", "Ref"), COL("Product", "A", "B"), COL("A", "B"),
                 NULL, PC_ERR_NA, PC_FIT_PRODUCTS, 0);
}

/* ---- numeric columns ------------------------------------------------------------------------ */

static void fit_numeric_quintiles(void)
{
    /* 1..10 (shuffled): PERCENTILE.INC cuts 2.8, 4.6, 6.4, 8.2; bins {1,2} {3,4} {5,6}
     * {7,8} {9,10}, K 5. Products: 1 A, 2 A, 3 A, 4 B, 5 A, 6 B, 7 B, 8 B, 9 C, 10 B.
     * n_A 4, n_B 5, n_C 1; counts per bin A 2 1 1 0 0, B 0 1 1 2 1, C 0 0 0 0 1.
     * P(b|A) = (c+1)/9, P(b|B) = (c+1)/10, P(b|C) = (c+1)/6.
     * 1.5, 2.8 (bin 0): A 4/10 * 3/9 = 2/15; B 5/10 * 1/10 = 1/20; C 1/10 * 1/6 = 1/60
     *   -> 8/12, 3/12, 1/12
     * 2.81 (bin 1): A 4/10 * 2/9 = 4/45; B 5/10 * 2/10 = 1/10; C 1/60 -> 16/37, 18/37, 3/37
     * 100 (bin 4): A 4/10 * 1/9 = 2/45; B 5/10 * 2/10 = 1/10; C 1/10 * 2/6 = 1/30
     *   -> 4/16, 9/16, 3/16
     * "big" (text in a numeric column), blank: the priors 0.4, 0.5, 0.1 */
    PcTable *history = COL("#7", "#2", "#10", "#4", "#1", "#9", "#6", "#3", "#8", "#5");
    PcTable *products = COL("B", "A", "B", "B", "A", "C", "B", "A", "B", "A");
    assert_fit(COL("#1.5", "#2.8", "#2.81", "#100", "big", ""), history, products, NULL, NULL,
               NAMES("B", "A", "C"),
               PROBS(3.0 / 12, 8.0 / 12, 1.0 / 12,
                     3.0 / 12, 8.0 / 12, 1.0 / 12,
                     18.0 / 37, 16.0 / 37, 3.0 / 37,
                     9.0 / 16, 4.0 / 16, 3.0 / 16,
                     0.5, 0.4, 0.1,
                     0.5, 0.4, 0.1));
}

static void fit_numeric_empty_bin(void)
{
    /* 1, 1, 1, 1, 5: cuts 1, 1, 1, 1.8 merged to 1 and 1.8; bins (-inf, 1] {1 x4: A2 B2},
     * (1, 1.8] empty, (1.8, inf) {5: B}. K 2; n_A 2, n_B 3.
     * 1.5: an empty bin, no factor: the priors 2/5, 3/5
     * 5: A 2/5 * (0+1)/(2+2) = 1/10; B 3/5 * (1+1)/(3+2) = 6/25 -> 5/17, 12/17 */
    assert_fit(COL("#1.5", "#5"), COL("#1", "#1", "#1", "#1", "#5"), COL("A", "A", "B", "B", "B"),
               NULL, NULL, NAMES("A", "B"), PROBS(0.4, 0.6, 5.0 / 17, 12.0 / 17));
}

static void fit_mixed_column_is_categorical(void)
{
    /* a text makes the column categorical; numbers match by value, never a text:
     * 10 A, 10 B, big B; K 2; n_A 1, n_B 2.
     * 10: A 1/3 * 2/3 = 2/9; B 2/3 * 2/4 = 1/3 -> 2/5, 3/5; "10" unseen: 1/3, 2/3 */
    assert_fit(COL("#10", "10"), COL("#10", "#10", "big"), COL("A", "B", "B"), NULL, NULL,
               NAMES("A", "B"), PROBS(0.4, 0.6, 1.0 / 3, 2.0 / 3));
}

/* ---- many products and columns ------------------------------------------------------------- */

static void fit_many_products_and_columns(void)
{
    /* 20 products (and 2 listed without purchases) on 30 columns, 2,000 rows: every row
     * sums to 1, no NaN or infinity, even with a tiny smoothing, where a product that
     * lacks a lead's value gets about 1e-10 per column and plain products underflow */
    const gsize rows = 2000, cols = 30, n_leads = 200;
    PcTable *history = pc_table_new(rows, cols), *products = pc_table_new(rows, 1);
    PcTable *leads = pc_table_new(n_leads, cols), *list = pc_table_new(22, 1);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, history);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, products);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, leads);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, list);
    char buf[32];
    for (gsize p = 0; p < 22; p++) {
        g_snprintf(buf, sizeof buf, "P%zu", p);
        pc_table_set_text(list, p, 0, buf, -1);
    }
    GRand *rand = g_rand_new_with_seed(99);
    for (gsize r = 0; r < rows + n_leads; r++) {
        PcTable *t = r < rows ? history : leads;
        gsize row = r < rows ? r : r - rows;
        gint32 prod = g_rand_int_range(rand, 0, 20);
        for (gsize j = 0; j < cols; j++) {
            /* values depend on the product: strong signal per column */
            gint32 v = g_rand_int_range(rand, 0, 4) ? prod : g_rand_int_range(rand, 0, 20);
            if (j % 3 == 0) {
                pc_table_set_number(t, row, j, v * 10.0 + g_rand_double(rand));
            } else if (g_rand_int_range(rand, 0, 20)) {
                g_snprintf(buf, sizeof buf, "v%d-%zu", v, j % 2);
                pc_table_set_text(t, row, j, buf, -1);
            }
        }
        if (r < rows) {
            g_snprintf(buf, sizeof buf, "P%d", prod);
            pc_table_set_text(products, row, 0, buf, -1);
        }
    }
    g_rand_free(rand);
    const PcTable *smoothings[] = { NULL, num(1e-10), num(1e-300), num(50) };
    for (gsize s = 0; s < G_N_ELEMENTS(smoothings); s++) {
        PcFit *fit = fit_ok(leads, history, products, list, smoothings[s]);
        g_assert_cmpuint(fit->n_products, ==, 22);
        assert_rows_sum_to_1(fit);
        for (gsize i = 0; i < n_leads; i++) {
            g_assert_true(fit->prob[i * 22 + 20] == 0.0);
            g_assert_true(fit->prob[i * 22 + 21] == 0.0);
        }
        /* without the list: 20 products, same probabilities */
        PcFit *plain = fit_ok(leads, history, products, NULL, smoothings[s]);
        g_assert_cmpuint(plain->n_products, ==, 20);
        assert_rows_sum_to_1(plain);
        for (gsize p = 0; p < 20; p++) {
            g_snprintf(buf, sizeof buf, "P%zu", p);
            gsize q = 0;
            while (strcmp(plain->product_names[q], buf) != 0)
                q++;
            for (gsize i = 0; i < n_leads; i++)
                g_assert_cmpfloat_with_epsilon(plain->prob[i * 20 + q], fit->prob[i * 22 + p],
                                               1e-12);
        }
    }
}

/* ---- errors ---------------------------------------------------------------------------------- */

static void fit_no_purchase(void)
{
    /* every product blank: #N/A, with or without a list */
    assert_fails(COL("Web"), COL("Web", "Ref"), COL("", " "), NULL, NULL, PC_ERR_NA,
                 PC_FIT_PRODUCTS, -1);
    assert_fails(COL("Web"), COL("Web", "Ref"), COL("", ""), COL("A", "B"), NULL, PC_ERR_NA,
                 PC_FIT_PRODUCTS, -1);
    /* only a header */
    assert_fails(COL("Web"), COL("Source", "Web"), COL("Product", ""), NULL, NULL, PC_ERR_NA,
                 PC_FIT_PRODUCTS, -1);
    /* a product the list does not name: #N/A naming the row */
    assert_fails(COL("Web"), COL("Web", "Ref", "Web"), COL("A", "B", "C"), COL("A", "B"), NULL,
                 PC_ERR_NA, PC_FIT_PRODUCTS, 2);
}

static void fit_shape_errors(void)
{
    PcTable *h = two_history(), *p = two_products();
    PcTable *empty = pc_table_new(0, 0);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, empty);
    /* Leads: empty, of another width */
    assert_fails(empty, h, p, NULL, NULL, PC_ERR_ARG, PC_FIT_LEADS, -1);
    assert_fails(NULL, h, p, NULL, NULL, PC_ERR_ARG, PC_FIT_LEADS, -1);
    assert_fails(TAB(1, 3, "Web", "North", "x"), h, p, NULL, NULL, PC_ERR_ARG, PC_FIT_LEADS, -1);
    assert_fails(COL("Web"), empty, empty, NULL, NULL, PC_ERR_ARG, PC_FIT_LEADS, -1);
    /* Products: not as long as History, 2-D, missing */
    assert_fails(TAB(1, 2, "Web", "North"), h, COL("A", "B"), NULL, NULL, PC_ERR_ARG,
                 PC_FIT_PRODUCTS, -1);
    assert_fails(TAB(1, 2, "Web", "North"), h, TAB(7, 2, "A", "A", "A", "A", "A", "A", "A", "B",
                                                   "B", "B", "B", "B", "B", "B"),
                 NULL, NULL, PC_ERR_ARG, PC_FIT_PRODUCTS, -1);
    assert_fails(TAB(1, 2, "Web", "North"), h, NULL, NULL, NULL, PC_ERR_ARG, PC_FIT_PRODUCTS, -1);
    /* ProductList: 2-D; a product twice */
    assert_fails(TAB(1, 2, "Web", "North"), h, p, TAB(2, 2, "A", "B", "C", "D"), NULL, PC_ERR_ARG,
                 PC_FIT_PRODUCT_LIST, -1);
    assert_fails(TAB(1, 2, "Web", "North"), h, p, COL("A", "B", "", " a"), NULL, PC_ERR_ARG,
                 PC_FIT_PRODUCT_LIST, 3);
    /* Smoothing: a range */
    assert_fails(TAB(1, 2, "Web", "North"), h, p, NULL, ROW("#1", "#2"), PC_ERR_ARG,
                 PC_FIT_SMOOTHING, -1);
}

static void fit_cell_errors(void)
{
    PcTable *h = two_history(), *p = two_products();
    PcTable *lead = TAB(1, 2, "Web", "North");
    /* error values: #VALUE! at the argument and row, in any row */
    assert_fails(TAB(0, 2, "Web", "North", "Ref", "!"), h, p, NULL, NULL, PC_ERR_VALUE,
                 PC_FIT_LEADS, 1);
    assert_fails(lead, TAB(0, 2, "Web", "North", "!", "South"), COL("A", ""), NULL, NULL,
                 PC_ERR_VALUE, PC_FIT_HISTORY, 1);
    assert_fails(lead, h, COL("A", "A", "A", "!", "B", "B", "B"), NULL, NULL, PC_ERR_VALUE,
                 PC_FIT_PRODUCTS, 3);
    assert_fails(lead, h, p, COL("A", "!"), NULL, PC_ERR_VALUE, PC_FIT_PRODUCT_LIST, 1);
    /* a number as a product, in Products or ProductList: #VALUE! */
    assert_fails(lead, h, COL("A", "A", "#4711", "B", "B", "B", "B"), NULL, NULL, PC_ERR_VALUE,
                 PC_FIT_PRODUCTS, 2);
    assert_fails(lead, h, p, ROW("A", "#1"), NULL, PC_ERR_VALUE, PC_FIT_PRODUCT_LIST, 1);
    /* non-finite numbers: #NUM! */
    PcTable *inf_h = COL("#1", "#2", "#3");
    ((PcCell *)pc_table_at(inf_h, 2, 0))->num = INFINITY;
    assert_fails(COL("#1"), inf_h, COL("A", "B", "A"), NULL, NULL, PC_ERR_NUM, PC_FIT_HISTORY, 2);
    PcTable *nan_lead = COL("#1", "#2");
    ((PcCell *)pc_table_at(nan_lead, 1, 0))->num = NAN;
    assert_fails(nan_lead, COL("#1", "#2"), COL("A", "B"), NULL, NULL, PC_ERR_NUM, PC_FIT_LEADS,
                 1);
    PcTable *nan_p = COL("A", "#0");
    ((PcCell *)pc_table_at(nan_p, 1, 0))->num = NAN;
    assert_fails(COL("#1"), COL("#1", "#2"), nan_p, NULL, NULL, PC_ERR_NUM, PC_FIT_PRODUCTS, 1);
    /* Smoothing: negative, text, an error value, not finite, too extreme */
    assert_fails(lead, h, p, NULL, num(-1), PC_ERR_NUM, PC_FIT_SMOOTHING, -1);
    assert_fails(lead, h, p, NULL, TAB(1, 1, "much"), PC_ERR_VALUE, PC_FIT_SMOOTHING, -1);
    assert_fails(lead, h, p, NULL, TAB(1, 1, "!"), PC_ERR_VALUE, PC_FIT_SMOOTHING, -1);
    assert_fails(lead, h, p, NULL, num(INFINITY), PC_ERR_NUM, PC_FIT_SMOOTHING, -1);
    assert_fails(lead, h, p, NULL, num(1e308), PC_ERR_NUM, PC_FIT_SMOOTHING, -1);
}

/* ---- size ------------------------------------------------------------------------------------ */

static void fit_large(void)
{
    /* 100,000 purchases x 5 columns (3 categorical, 2 numeric), 50 products, 1,000 leads */
    const gsize n_hist = 100000, n_leads = 1000, n_cols = 5, n_products = 50;
    PcTable *history = pc_table_new(n_hist, n_cols), *products = pc_table_new(n_hist, 1);
    PcTable *leads = pc_table_new(n_leads, n_cols);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, history);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, products);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, leads);
    const char *sources[] = { "Web", "Referral", "Event", "Partner", "Cold call", "Ads" };
    char buf[32];
    GRand *rand = g_rand_new_with_seed(20240602);
    for (gsize r = 0; r < n_hist + n_leads; r++) {
        PcTable *t = r < n_hist ? history : leads;
        gsize row = r < n_hist ? r : r - n_hist;
        gint32 prod = g_rand_int_range(rand, 0, n_products);
        pc_table_set_text(t, row, 0, sources[(prod + g_rand_int_range(rand, 0, 2)) % 6], -1);
        g_snprintf(buf, sizeof buf, "Industry %d", g_rand_int_range(rand, 0, 200));
        pc_table_set_text(t, row, 1, buf, -1);
        g_snprintf(buf, sizeof buf, "Region %d", (prod / 10 + g_rand_int_range(rand, 0, 2)) % 5);
        pc_table_set_text(t, row, 2, buf, -1);
        pc_table_set_number(t, row, 3, floor(g_rand_double_range(rand, 1000, 200000)) * (1 + prod % 3));
        if (g_rand_int_range(rand, 0, 20) != 0)
            pc_table_set_number(t, row, 4, g_rand_double_range(rand, 0, 365));
        if (r < n_hist && g_rand_int_range(rand, 0, 10) != 0) {
            g_snprintf(buf, sizeof buf, "Product %d", prod);
            pc_table_set_text(products, row, 0, buf, -1);
        }
    }
    g_rand_free(rand);
    PcFit *fit = NULL;
    PcError err;
    GTimer *timer = g_timer_new();
    g_assert_cmpint(pc_product_fit(leads, history, products, NULL, NULL, &fit, &err), ==, PC_OK);
    double secs = g_timer_elapsed(timer, NULL);
    g_test_message("PRODUCT_FIT, 1,000 leads x 100,000 history rows x 5 columns, 50 products: "
                   "%.3f s", secs);
    g_assert_cmpuint(fit->n_leads, ==, n_leads);
    g_assert_cmpuint(fit->n_products, ==, n_products);
    assert_rows_sum_to_1(fit);
#if defined(__OPTIMIZE__) && !PC_SANITIZED
    if (!PC_UNDER_VALGRIND()) /* timing is only meaningful without instrumentation */
        g_assert_cmpfloat(secs, <, 0.5);
#endif
    pc_fit_free(fit);
    g_timer_destroy(timer);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/core/fit/two-products", fit_two_products);
    g_test_add_func("/core/fit/smoothing", fit_smoothing);
    g_test_add_func("/core/fit/equals-lead-score", fit_equals_lead_score);
    g_test_add_func("/core/fit/product-list", fit_product_list);
    g_test_add_func("/core/fit/product-names", fit_product_names);
    g_test_add_func("/core/fit/blank-products-skipped", fit_blank_products_skipped);
    g_test_add_func("/core/fit/blank-training-cells", fit_blank_training_cells);
    g_test_add_func("/core/fit/header-row", fit_header_row);
    g_test_add_func("/core/fit/numeric/quintiles", fit_numeric_quintiles);
    g_test_add_func("/core/fit/numeric/empty-bin", fit_numeric_empty_bin);
    g_test_add_func("/core/fit/numeric/mixed-is-categorical", fit_mixed_column_is_categorical);
    g_test_add_func("/core/fit/many-products-and-columns", fit_many_products_and_columns);
    g_test_add_func("/core/fit/no-purchase", fit_no_purchase);
    g_test_add_func("/core/fit/shape-errors", fit_shape_errors);
    g_test_add_func("/core/fit/cell-errors", fit_cell_errors);
    g_test_add_func("/core/fit/large", fit_large);
    return g_test_run();
}
