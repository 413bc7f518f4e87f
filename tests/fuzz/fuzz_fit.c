/* fuzz_fit.c - libFuzzer harness for PRODUCT_FIT (pc_product_fit): purchases whose products
 * come from a small palette (spelt in other cases, sometimes blank, now and then a hostile
 * cell), and, as for LEAD_SCORE, arguments of any shape and content.
 *
 * Invariants: status in range with a valid message; on success one row per lead as Leads'
 * documented shape says, every probability finite in [0, 1], each row summing to 1, every
 * product named (valid UTF-8, NULL after the last); on failure *FIT is NULL; same input
 * twice, same bits.
 */
#include "fuzz_common.h"
#include "pc_fit.h"

static const char *const PRODUCTS[] = { "Suite", "suite ", "Basic", "Pro", "\xc3\x9f", "" };

static PcTable *products_of(FzIn *in, gsize n)
{
    PcTable *t = pc_table_new(n, n ? 1 : 0);
    for (gsize r = 0; r < n; r++) {
        uint8_t b = fz_byte(in);
        if (b % 19 == 0)
            fz_cell(in, t, r, 0);
        else
            pc_table_set_text(t, r, 0, PRODUCTS[b % G_N_ELEMENTS(PRODUCTS)], -1);
    }
    return t;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FzIn in = { data, size };
    uint8_t flags = fz_byte(&in);
    gsize cols = fz_byte(&in) % FZ_MAX_COLS + 1;
    gsize hrows = fz_byte(&in) % (FZ_MAX_ROWS + 1);
    PcTable *history = (flags & 1) ? fz_table(&in, FZ_MAX_COLS) : fz_table_sized(&in, hrows, cols);
    gsize n = history->rows;
    PcTable *products = (flags & 2) ? fz_table(&in, 2) : products_of(&in, n);
    gsize lrows = fz_byte(&in) % 12;
    PcTable *leads = (flags & 4) ? fz_table(&in, FZ_MAX_COLS) : fz_table_sized(&in, lrows, history->cols);
    PcTable *list = NULL;
    if (flags & 8)
        list = (flags & 32) ? fz_table(&in, 2) : products_of(&in, fz_byte(&in) % 5);
    PcTable *smoothing = (flags & 16) ? fz_optional(&in) : NULL;

    PcFit *f1 = (PcFit *)1, *f2 = (PcFit *)1;
    PcError e1, e2;
    fz_dirty(&e1);
    PcStatus s1 = pc_product_fit(leads, history, products, list, smoothing, &f1, &e1);
    fz_check_status(s1, &e1);
    if (s1 == PC_OK) {
        gsize expect = leads->rows;
        if (leads->rows == 1 && history->cols == 1)
            expect = leads->cols;
        FZ_CHECK(f1 && f1->n_leads == expect, "%zu rows for %zu x %zu leads", f1 ? f1->n_leads : 0,
                 leads->rows, leads->cols);
        FZ_CHECK(f1->n_products >= 1, "no product");
        for (gsize p = 0; p < f1->n_products; p++)
            FZ_CHECK(f1->product_names[p] && g_utf8_validate(f1->product_names[p], -1, NULL),
                     "product name %zu", p);
        FZ_CHECK(f1->product_names[f1->n_products] == NULL, "names not NULL-terminated");
        for (gsize i = 0; i < f1->n_leads; i++) {
            double sum = 0;
            for (gsize p = 0; p < f1->n_products; p++) {
                double v = f1->prob[i * f1->n_products + p];
                FZ_CHECK(isfinite(v) && v >= 0 && v <= 1, "lead %zu product %zu: %.17g", i, p, v);
                sum += v;
            }
            FZ_CHECK(fabs(sum - 1) <= 1e-9, "lead %zu sums to %.17g", i, sum);
        }
    } else {
        FZ_CHECK(f1 == NULL, "a fit left on failure");
    }
    fz_dirty(&e2);
    PcStatus s2 = pc_product_fit(leads, history, products, list, smoothing, &f2, &e2);
    FZ_CHECK(s1 == s2, "status %d then %d", (int)s1, (int)s2);
    if (s1 == PC_OK) {
        FZ_CHECK(f1->n_leads == f2->n_leads && f1->n_products == f2->n_products, "shape differs");
        FZ_CHECK(memcmp(f1->prob, f2->prob, f1->n_leads * f1->n_products * sizeof(double)) == 0,
                 "probabilities differ");
        for (gsize p = 0; p < f1->n_products; p++)
            FZ_CHECK(strcmp(f1->product_names[p], f2->product_names[p]) == 0, "names differ");
    } else {
        FZ_CHECK(strcmp(e1.message, e2.message) == 0, "message differs");
    }
    pc_fit_free(s1 == PC_OK ? f1 : NULL);
    pc_fit_free(s2 == PC_OK ? f2 : NULL);
    pc_table_free(leads);
    pc_table_free(history);
    pc_table_free(products);
    pc_table_free(list);
    pc_table_free(smoothing);
    return 0;
}
