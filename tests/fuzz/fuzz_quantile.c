/* fuzz_quantile.c - libFuzzer harness for pc_won_total_quantile (and the forced
 * approximation pc_won_total_quantile_approx) on raw deal arrays.
 *
 * Invariants: status PC_OK, PC_ERR_NUM or PC_ERR_NOMEM; PC_ERR_NUM exactly when an input
 * is out of the documented domain (q outside (0, 1), an amount not finite, a probability
 * outside [0, 1]) unless the result overflows; on success a finite result within
 * [sum of negative amounts, sum of positive amounts]; quantiles do not decrease with q
 * (exact method); exact vs approximation within 1 % of sum |amounts| (the documented
 * test bound); same bits when called twice, and pc_won_total_quantiles gives each quantile
 * the bits it has alone. The promise (pc_forecast.h), against an exact reference for
 * integer amounts of a small total: the same answer whenever there are at most 65,536
 * distinct possible totals, else within 0.03 % of sum |amounts|.
 */
#include "fuzz_common.h"
#include "pc_forecast.h"
#include "pc_quantile.h"

#define MAX_DEALS 5000 /* beyond 64 the deals come from a seeded generator */

#define REF_SPAN 200000

/* The exact q-quantile of integer deals (sum |a| <= REF_SPAN) on a dense array of every
 * total, and the number of distinct possible totals into *DISTINCT. */
static double reference(const double *a, const double *p, gsize n, double q, gsize *distinct)
{
    static double w[REF_SPAN + 1], t[REF_SPAN + 1];
    static guint8 can[REF_SPAN + 1];
    long lo = 0;
    gsize reach = 0;
    w[0] = 1.0;
    can[0] = 1;
    for (gsize i = 0; i < n; i++) {
        if (!(p[i] > 0.0 && p[i] < 1.0) || a[i] == 0.0) {
            if (p[i] >= 1.0)
                lo += (long)a[i];
            continue;
        }
        long k = (long)a[i];
        double pr = k < 0 ? 1.0 - p[i] : p[i];
        if (k < 0)
            lo += k;
        gsize s = (gsize)labs(k);
        memset(t, 0, (reach + s + 1) * sizeof *t);
        for (gsize j = 0; j <= reach; j++) {
            t[j] += w[j] * (1.0 - pr);
            t[j + s] += w[j] * pr;
        }
        for (gsize j = reach + 1; j-- > 0;)
            if (can[j])
                can[j + s] = 1;
        reach += s;
        memcpy(w, t, (reach + 1) * sizeof *w);
    }
    double cum = 0.0, answer = (double)(lo + (long)reach);
    gboolean found = FALSE;
    *distinct = 0;
    for (gsize j = 0; j <= reach; j++) {
        *distinct += can[j];
        cum += w[j];
        if (!found && w[j] > 0.0 && cum >= q - 1e-12) {
            answer = (double)(lo + (long)j);
            found = TRUE;
        }
        w[j] = 0.0;
        can[j] = 0;
    }
    return answer;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FzIn in = { data, size };
    uint8_t flags = fz_byte(&in);
    gsize n = fz_byte(&in) % 65;
    if (flags & 1)
        n = n % 21; /* the always-exact range */
    else if ((flags & 48) == 48) /* a quarter of the inputs: the grid costs ~0.5 s with ASan */
        n = 65 + fz_u16(&in) % (MAX_DEALS - 64); /* the grid + normal approximation */
    static double amounts[MAX_DEALS], probs[MAX_DEALS];
    uint32_t seed = fz_u16(&in), scale = fz_byte(&in) % 24;
    double q = (flags & 2) ? fz_number(&in) : (fz_byte(&in) % 99 + 1) / 100.0;
    gboolean in_domain = q > 0 && q < 1;
    double lo = 0, hi = 0, abs_sum = 0;
    for (gsize i = 0; i < n; i++) {
        if (i >= 64) { /* a few large deals and many small ones, from the seed */
            seed = seed * 1103515245u + 12345u;
            amounts[i] = ldexp((double)(seed >> 8 & 0xFFFF), (int)((seed >> 24) % (scale + 1))) -
                         ((seed & 0x80) ? 0 : 3000.0);
            probs[i] = (double)(seed >> 4 & 0xFF) / 255.0;
        } else {
            amounts[i] = (flags & 4) ? fz_number(&in) : (double)(fz_u16(&in) % 2000) - 500.0;
            probs[i] = (flags & 8) ? fz_number(&in) : fz_byte(&in) / 255.0;
        }
        if (!isfinite(amounts[i]) || !(probs[i] >= 0 && probs[i] <= 1))
            in_domain = FALSE;
        if (amounts[i] < 0)
            lo += amounts[i];
        else if (amounts[i] > 0)
            hi += amounts[i];
        abs_sum += fabs(amounts[i]);
    }
    double r1 = 0, r2 = 0;
    PcStatus s1 = pc_won_total_quantile(amounts, probs, n, q, &r1);
    FZ_CHECK(s1 == PC_OK || s1 == PC_ERR_NUM || s1 == PC_ERR_NOMEM, "status %d", (int)s1);
    if (!in_domain)
        FZ_CHECK(s1 == PC_ERR_NUM, "out-of-domain input accepted: status %d", (int)s1);
    gboolean sane = in_domain && isfinite(abs_sum);
    if (sane)
        FZ_CHECK(s1 == PC_OK, "in-domain input refused: status %d (sum |a| %g)", (int)s1, abs_sum);
    if (s1 == PC_OK) {
        double tol = 1e-9 * abs_sum;
        FZ_CHECK(isfinite(r1), "result %g", r1);
        FZ_CHECK(r1 >= lo - tol && r1 <= hi + tol, "quantile %.17g outside [%.17g, %.17g]", r1, lo,
                 hi);
    }
    PcStatus s2 = pc_won_total_quantile(amounts, probs, n, q, &r2);
    FZ_CHECK(s1 == s2 && memcmp(&r1, &r2, sizeof r1) == 0, "not deterministic: %.17g / %.17g",
             r1, r2);
    /* several quantiles at once: each the same bits as asked alone */
    double qs[2] = { q, 0.5 }, rs[2] = { 0, 0 };
    PcStatus sm = pc_won_total_quantiles(amounts, probs, n, qs, 2, rs);
    FZ_CHECK(sm == PC_OK || sm == PC_ERR_NUM || sm == PC_ERR_NOMEM, "status %d", (int)sm);
    if (s1 != PC_OK)
        FZ_CHECK(sm != PC_OK, "one at a time %d, together %d", (int)s1, (int)sm);
    if (sm == PC_OK) {
        double half = 0;
        PcStatus sh = pc_won_total_quantile(amounts, probs, n, 0.5, &half);
        FZ_CHECK(s1 == PC_OK && sh == PC_OK && memcmp(&rs[0], &r1, sizeof r1) == 0 &&
                     memcmp(&rs[1], &half, sizeof half) == 0,
                 "together %.17g %.17g, alone %.17g %.17g", rs[0], rs[1], r1, half);
    }

    if (s1 == PC_OK && sane) {
        /* a larger q never gives a smaller total (exact method only: n <= 20) */
        if (n <= 20 && q < 0.99) {
            double q2 = q + (1 - q) / 2, r3 = 0;
            PcStatus s3 = pc_won_total_quantile(amounts, probs, n, q2, &r3);
            FZ_CHECK(s3 == PC_OK, "status %d at q %.17g", (int)s3, q2);
            FZ_CHECK(r3 >= r1 - 1e-9 * abs_sum, "q %.17g -> %.17g but q %.17g -> %.17g", q, r1,
                     q2, r3);
        }
        /* the promise, for integer amounts of a total the reference can hold */
        gboolean integral = abs_sum <= REF_SPAN && (double)n * abs_sum <= 5e7;
        for (gsize i = 0; i < n && integral; i++)
            integral = amounts[i] == floor(amounts[i]);
        if (integral) {
            gsize distinct = 0;
            double exact = reference(amounts, probs, n, q, &distinct);
            if (distinct <= 65536)
                FZ_CHECK(r1 == exact, "%zu deals, %zu totals: %.17g, exact %.17g", n, distinct,
                         r1, exact);
            else
                FZ_CHECK(fabs(r1 - exact) <= 3e-4 * abs_sum, "%zu deals: %.17g, exact %.17g (S %g)",
                         n, r1, exact, abs_sum);
        }
        /* the approximation agrees with the exact answer within the documented test bound */
        if (n <= 20 && abs_sum < 1e300) {
            double ra = 0;
            PcStatus sa = pc_won_total_quantile_approx(amounts, probs, n, q, &ra);
            FZ_CHECK(sa == PC_OK, "approx status %d", (int)sa);
            FZ_CHECK(isfinite(ra) && ra >= lo - 1e-9 * abs_sum && ra <= hi + 1e-9 * abs_sum,
                     "approx %.17g outside [%.17g, %.17g]", ra, lo, hi);
            if (getenv("FUZZ_STRICT_APPROX"))
                FZ_CHECK(fabs(ra - r1) <= 0.01 * abs_sum, "approx %.17g vs exact %.17g (S %g)", ra,
                         r1, abs_sum);
        }
    }
    return 0;
}
