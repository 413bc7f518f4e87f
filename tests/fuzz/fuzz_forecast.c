/* fuzz_forecast.c - libFuzzer harness for PIPELINE_FORECAST (pc_pipeline_forecast), the
 * percentile and Outcomes paths included.
 *
 * Invariants: status in range; on failure a terminated, valid UTF-8 message; on success
 * a finite result within [sum of the negative amounts, sum of the positive amounts] (any
 * counted subset of deals, weighted by probabilities in [0, 1] or quantiled, lies there);
 * the same input twice gives the same status, message and result bits.
 * The table form (pc_pipeline_forecast_table) on the same deals with PeriodStart,
 * PeriodEnd and Percentile from the stream as ranges: either the whole call fails (then so
 * does the call of its first cell, with the same status, unless an element is bad) or
 * every cell has exactly the status and the bits of one call with its own three cells.
 */
#include "fuzz_common.h"
#include "pc_forecast.h"

static void amount_bounds(const PcTable *amounts, double *lo, double *hi, double *abs_sum)
{
    *lo = *hi = *abs_sum = 0;
    for (gsize i = 0; i < amounts->rows * amounts->cols; i++) {
        const PcCell *c = &amounts->cells[i];
        if (c->kind != PC_CELL_NUMBER || !isfinite(c->num))
            continue;
        if (c->num < 0)
            *lo += c->num;
        else
            *hi += c->num;
        *abs_sum += fabs(c->num);
    }
}

/* Cell I of vector T (one cell: for every I) as a 1 x 1 table, NULL when T is omitted. */
static PcTable *element(const PcTable *t, gsize i)
{
    if (!t || t->rows == 0)
        return NULL;
    gsize n = t->rows * t->cols;
    const PcCell *c = &t->cells[n == 1 ? 0 : i];
    PcTable *e = pc_table_new(1, 1);
    if (c->kind == PC_CELL_NUMBER)
        pc_table_set_number(e, 0, 0, c->num);
    else if (c->kind == PC_CELL_TEXT)
        pc_table_set_text(e, 0, 0, pc_table_text(t, c), -1);
    else if (c->kind == PC_CELL_ERROR)
        pc_table_set_error(e, 0, 0, (int)c->num);
    return e;
}

/* The table form of ARGS against one call per cell. */
static void check_table(const PcForecastArgs *args)
{
    double *values = NULL;
    PcStatus *status = NULL;
    gsize rows = 0, cols = 0;
    PcError err;
    fz_dirty(&err);
    PcStatus whole = pc_pipeline_forecast_table(args, &values, &status, &rows, &cols, &err);
    fz_check_status(whole, &err);
    if (whole != PC_OK) {
        FZ_CHECK(!values && !status, "outputs set on failure");
        return;
    }
    FZ_CHECK(rows >= 1 && cols >= 1 && rows * cols <= 4096, "%zu x %zu", rows, cols);
    gboolean any_bad = FALSE;
    for (gsize c = 0; c < rows * cols; c++)
        any_bad = any_bad || status[c] != PC_OK;
    FZ_CHECK(any_bad == (err.status != PC_OK), "err %d beside the cells", (int)err.status);
    for (gsize i = 0; i < rows; i++)
        for (gsize j = 0; j < cols; j++) {
            PcForecastArgs one = *args;
            PcTable *s = element(args->period_start, i), *e = element(args->period_end, i);
            PcTable *q = element(args->percentile, j);
            one.period_start = s;
            one.period_end = e;
            one.percentile = q;
            double r = 0.0;
            PcError e1;
            PcStatus st = pc_pipeline_forecast(&one, &r, &e1);
            FZ_CHECK(st == status[i * cols + j], "cell %zu,%zu: table %d, call %d (%s)", i, j,
                     (int)status[i * cols + j], (int)st, st ? e1.message : "");
            if (st == PC_OK)
                FZ_CHECK(memcmp(&r, &values[i * cols + j], sizeof r) == 0,
                         "cell %zu,%zu: table %.17g, call %.17g", i, j, values[i * cols + j], r);
            pc_table_free(s);
            pc_table_free(e);
            pc_table_free(q);
        }
    g_free(values);
    g_free(status);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FzIn in = { data, size };
    uint8_t flags = fz_byte(&in);
    PcTable *amounts = fz_table(&in, 3);
    PcTable *stages;
    PcTable *probs;
    gsize n = amounts->rows == 1 ? amounts->cols : amounts->rows;
    /* mostly aligned columns, so that the deep paths are reached */
    if (flags & 1)
        stages = fz_table(&in, 2);
    else
        stages = fz_table_sized(&in, amounts->rows == 1 ? 1 : n, amounts->rows == 1 ? n : (n ? 1 : 0));
    if (flags & 2)
        probs = fz_table(&in, 3);
    else if (flags & 4)
        probs = fz_table_sized(&in, n, n ? 1 : 0); /* per deal */
    else
        probs = fz_table_sized(&in, fz_byte(&in) % 12, 2); /* stage table */
    PcTable *dates = NULL;
    if (flags & 8)
        dates = (flags & 16) ? fz_table(&in, 2) : fz_table_sized(&in, n, n ? 1 : 0);
    PcTable *start = (flags & 32) ? fz_optional(&in) : NULL;
    PcTable *end = (flags & 32) ? fz_optional(&in) : NULL;
    PcTable *pct = (flags & 64) ? fz_optional(&in) : NULL;
    PcTable *outcomes = NULL; /* mostly aligned with Amounts (outcome words are in fz_text) */
    if (flags & 128) {
        uint8_t how = fz_byte(&in);
        if (how % 4 == 0)
            outcomes = fz_table(&in, 2);
        else if (how % 4 == 1)
            outcomes = fz_optional(&in);
        else
            outcomes = fz_table_sized(&in, amounts->rows == 1 ? 1 : n,
                                      amounts->rows == 1 ? n : (n ? 1 : 0));
    }

    PcForecastArgs args = { amounts, stages, probs, dates, start, end, pct, outcomes };
    PcError e1, e2;
    double r1 = 0, r2 = 0;
    fz_dirty(&e1);
    PcStatus s1 = pc_pipeline_forecast(&args, &r1, &e1);
    fz_check_status(s1, &e1);
    if (s1 == PC_OK) {
        double lo, hi, abs_sum;
        amount_bounds(amounts, &lo, &hi, &abs_sum);
        double tol = 1e-9 * abs_sum;
        FZ_CHECK(isfinite(r1), "result %g", r1);
        if (isfinite(abs_sum))
            FZ_CHECK(r1 >= lo - tol && r1 <= hi + tol, "result %.17g outside [%.17g, %.17g]", r1,
                     lo, hi);
    } else {
        FZ_CHECK(r1 == 0 && !signbit(r1), "result touched on failure: %g", r1);
    }
    fz_dirty(&e2);
    PcStatus s2 = pc_pipeline_forecast(&args, &r2, &e2);
    fz_check_same(s1, &e1, r1, s2, &e2, r2);
    check_table(&args); /* the scalar arguments as a 1 x 1 table */
    uint8_t table = fz_byte(&in);
    if (table & 1) { /* ranges of periods and percentiles */
        PcTable *vs = fz_table(&in, 2), *ve = (table & 2) ? fz_table(&in, 2) : fz_optional(&in);
        PcTable *vq = (table & 4) ? fz_table(&in, 2) : fz_optional(&in);
        PcForecastArgs targs = args;
        targs.period_start = vs;
        targs.period_end = ve;
        targs.percentile = vq;
        check_table(&targs);
        pc_table_free(vs);
        pc_table_free(ve);
        pc_table_free(vq);
    }

    pc_table_free(amounts);
    pc_table_free(stages);
    pc_table_free(probs);
    pc_table_free(dates);
    pc_table_free(start);
    pc_table_free(end);
    pc_table_free(pct);
    pc_table_free(outcomes);
    return 0;
}
