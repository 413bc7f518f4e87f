/* fuzz_score.c - libFuzzer harness for LEAD_SCORE (pc_lead_score).
 *
 * Invariants: status in range with a valid message; on success one score per lead, each
 * finite and in [0, 1], the count matching Leads' documented shape (rows, or the cells of
 * a one-row Leads against a one-column History); on failure *SCORES is NULL; same input
 * twice, same bits.
 */
#include "fuzz_common.h"
#include "pc_score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FzIn in = { data, size };
    uint8_t flags = fz_byte(&in);
    gsize cols = fz_byte(&in) % FZ_MAX_COLS + 1;
    gsize hrows = fz_byte(&in) % (FZ_MAX_ROWS + 1);
    PcTable *history = (flags & 1) ? fz_table(&in, FZ_MAX_COLS)
                                   : fz_table_sized(&in, hrows, cols);
    gsize n = history->rows;
    PcTable *outcomes = (flags & 2) ? fz_table(&in, 2) : fz_table_sized(&in, n, n ? 1 : 0);
    gsize lrows = fz_byte(&in) % 12;
    PcTable *leads = (flags & 4) ? fz_table(&in, FZ_MAX_COLS)
                                 : fz_table_sized(&in, lrows, history->cols);
    PcTable *smoothing = (flags & 8) ? fz_optional(&in) : NULL;

    double *sc1 = (double *)1, *sc2 = (double *)1;
    gsize n1 = 12345, n2 = 54321;
    PcError e1, e2;
    fz_dirty(&e1);
    PcStatus s1 = pc_lead_score(leads, history, outcomes, smoothing, &sc1, &n1, &e1);
    fz_check_status(s1, &e1);
    if (s1 == PC_OK) {
        gsize expect = leads->rows;
        if (leads->rows == 1 && history->cols == 1)
            expect = leads->cols;
        FZ_CHECK(n1 == expect, "%zu scores for %zu x %zu leads (history %zu cols)", n1,
                 leads->rows, leads->cols, history->cols);
        FZ_CHECK(n1 == 0 || sc1 != NULL, "no score array");
        for (gsize i = 0; i < n1; i++)
            FZ_CHECK(isfinite(sc1[i]) && sc1[i] >= 0 && sc1[i] <= 1, "score %zu = %.17g", i,
                     sc1[i]);
    } else {
        FZ_CHECK(sc1 == NULL, "scores left on failure");
    }
    fz_dirty(&e2);
    PcStatus s2 = pc_lead_score(leads, history, outcomes, smoothing, &sc2, &n2, &e2);
    FZ_CHECK(s1 == s2, "status %d then %d", (int)s1, (int)s2);
    if (s1 == PC_OK) {
        FZ_CHECK(n1 == n2, "count %zu then %zu", n1, n2);
        FZ_CHECK(n1 == 0 || memcmp(sc1, sc2, n1 * sizeof *sc1) == 0, "scores differ");
    } else {
        FZ_CHECK(strcmp(e1.message, e2.message) == 0, "message differs");
    }
    g_free(s1 == PC_OK ? sc1 : NULL);
    g_free(s2 == PC_OK ? sc2 : NULL);
    pc_table_free(leads);
    pc_table_free(history);
    pc_table_free(outcomes);
    pc_table_free(smoothing);
    return 0;
}
