/* pc_quantile.c - quantiles of the won total sum(a_i X_i), X_i ~ Bernoulli(p_i) independent.
 *
 * Exports pc_won_total_quantile() and pc_won_total_quantiles() (pc_forecast.h) and, for
 * the tests, pc_won_total_quantile_approx() (pc_quantile.h). All other code has file scope.
 *
 * First the deals that cannot vary are taken out exactly: p = 0 or a = 0 adds nothing,
 * p = 1 adds a to a constant C. A negative deal is rewritten a X = a + |a| (1 - X): C gets
 * a, and the deal becomes |a| won with probability 1 - p. What is left are m deals with
 * positive amounts a_i, sum S, 0 < p_i < 1; every total lies in [C, C + S].
 *
 * Exact method (always for m <= 20; beyond, whenever the totals are at most 65,536):
 * - for m <= 20, or amounts without a coarse common unit: the distribution as a sorted list
 *   of (total, probability) atoms, built deal by deal by merging the list with itself
 *   shifted by a_i, which keeps it sorted in linear time; equal totals are combined. The
 *   quantile walks the list, treating totals within 1e-12 S of each other as one (sums of
 *   the same amounts in a different order may differ in the last bit) and probabilities
 *   with a tolerance of 1e-12 (cumulated with compensation), so that ties resolve as exact
 *   arithmetic would. Beyond 20 deals it gives up past SPARSE_MAX_ATOMS totals; the list
 *   after i deals holds totals of the final distribution, so that never happens when it
 *   has at most that many. There are at least m + 1 totals: from m = 65,536 on it is not
 *   tried.
 * - m > 20 and the amounts multiples of a unit u (exact Euclid with fmod) with S / u below
 *   LATTICE_MAX_POINTS: a dense array over the multiples of u, every total an integer
 *   index (3,000 deals of 1,000 at 50 %: 3,001 points, P10 exactly 1,465,000).
 * Cost of both: at most m x (totals) steps.
 *
 * Approximation (m > 20 and more than SPARSE_MAX_ATOMS distinct totals): deals with a_i >= S / LARGE_SHARE ("large", at most LARGE_SHARE of them,
 * K in all) go into a grid of B + K + 1 bins of width h = (their sum) / B, B between
 * GRID_MIN_BINS and GRID_MAX_BINS so that K * B <= GRID_WORK; each large deal's won mass
 * is split between the two bins around a_i / h so that its mean stays exact. The small
 * deals are summed into a normal distribution with their exact mean and variance (and the
 * first Edgeworth term for their skewness: many near-certain deals are skewed), and the
 * answer is the smallest T where the CDF of grid (*) normal reaches q, found by
 * safeguarded false position on [C, C + S]. Error sources, as fractions of S:
 *   - the grid replaces each large amount by a random neighbour on the grid with the same
 *     mean: added noise of standard deviation <= sqrt(K) h / 2 <= 1/512 (K = 4096,
 *     B = 16384), far less in practice because it adds in quadrature to the real spread;
 *   - each small deal is below 1/4096 of S, so the normal's error (skew, lattice) is a few
 *     1/4096 at most.
 * Measured (tests/core/test-forecast.c has the details): at most 0.03 % of S against full
 * enumeration (20-22 deals and hundreds of small cases) and against Monte Carlo
 * (1,000 / 3,000 deals); hand-made worst cases (4,096 deals of two sizes with p = 0.99,
 * 0.5, 0.02) stay below 0.02 % at every percentile from 1 to 99. A quantile that falls
 * exactly on a flat part of the CDF (a gap between possible totals whose cumulative
 * probability equals q) may be answered at the other end of the gap, as any method whose
 * CDF is off by more than 1e-12 would.
 * Cost: O(n + K B + iterations * bins) time, O(LARGE_SHARE + bins) memory; 1,000,000
 * deals take 0.01-0.04 s.
 *
 * Determinism: no randomness, no threads, and no libm transcendental function: exp and
 * the normal CDF are computed here from + - * / sqrt floor frexp ldexp, which IEEE 754
 * defines exactly (and decimal constants, which GCC and Clang round correctly), so every
 * machine gives the same bits. That needs no floating-point contraction (FMA): clang is
 * told so below, GCC does not contract in -std=c11 mode (the Makefile's) but does with
 * -std=gnu11 on FMA hardware, so keep -std=c11 or add -ffp-contract=off.
 */
#include "pc_forecast.h"
#include "pc_quantile.h"

#include "pc_memo.h"
#include "pc_num.h"

#include <math.h>
#include <string.h>

#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

#define PROB_TOL 1e-12                      /* tolerance on cumulative probabilities */
#define TOTAL_TOL 1e-12                     /* totals this close (times S) are one */
#define EXACT_MAX_DEALS 20                  /* always exact up to here */
#define EXACT_MAX_ATOMS ((gsize)1 << 20)    /* 2^20 atoms = 2 x 16 MiB, enough for 20 */
#define SPARSE_MAX_ATOMS ((gsize)1 << 16)   /* beyond 20 deals: distinct totals tried */
#define LATTICE_MAX_POINTS ((gsize)1 << 16) /* distinct totals promised exact */
#define LARGE_SHARE 4096                    /* large deal: a >= S / LARGE_SHARE */
#define GRID_WORK ((gsize)1 << 26)          /* K * B */
#define GRID_MIN_BINS 16384
#define GRID_MAX_BINS 65536
#define NORMAL_CUT 37.0                     /* beyond this many sigmas the CDF is 0 or 1 */
#define BISECT_TOL 1e-12                    /* of S */

/* What the deals that cannot vary add, and what is left to vary. */
typedef struct {
    double c;  /* constant part of the total */
    double s;  /* sum of the varying deals' (positive) amounts */
    gsize m;   /* number of varying deals */
} Scan;

typedef struct {
    double v, p; /* total, its probability */
} Atom;

static inline gboolean deal_varies(double a, double p)
{
    return p > 0.0 && p < 1.0 && a != 0.0;
}

/* The varying form of deal (A, P), amount made positive (see the file comment). */
static inline void deal_positive(double a, double p, double *pa, double *pp)
{
    if (a < 0.0) {
        *pa = -a;
        *pp = 1.0 - p;
    } else {
        *pa = a;
        *pp = p;
    }
}

/* Check the inputs and take out what cannot vary. Returns PC_ERR_NUM for a non-finite
 * amount, a probability outside [0, 1] or sums that overflow (*OVERFLOW set then). */
static PcStatus scan_deals(const double *amounts, const double *probs, gsize n, Scan *sc,
                           gboolean *overflow)
{
    *overflow = FALSE;
    if (n && (!amounts || !probs))
        return PC_ERR_NUM;
    PcSum c = { 0, 0 }, s = { 0, 0 };
    sc->m = 0;
    for (gsize i = 0; i < n; i++) {
        double a = amounts[i], p = probs[i];
        if (!isfinite(a) || !(p >= 0.0 && p <= 1.0))
            return PC_ERR_NUM;
        if (p >= 1.0)
            pc_sum_add(&c, a);
        if (!deal_varies(a, p))
            continue;
        if (a < 0.0)
            pc_sum_add(&c, a);
        pc_sum_add(&s, fabs(a));
        sc->m++;
    }
    sc->c = pc_sum_value(&c);
    sc->s = pc_sum_value(&s);
    if (!isfinite(sc->c) || !isfinite(sc->s) || !isfinite(sc->c + sc->s)) {
        *overflow = TRUE;
        return PC_ERR_NUM;
    }
    return PC_OK;
}

/* ---- exact method ---------------------------------------------------------------- */

/* Merge IN (LEN atoms, strictly increasing) lost with probability 1 - P and shifted by
 * A > 0 won with probability P into OUT, combining totals within TOL of the one before
 * (equal sums reached in another order may differ in the last bits: one total, not two).
 * Returns OUT's length. */
static gsize merge_deal(const Atom *in, gsize len, double a, double p, double tol, Atom *out)
{
    double stay = 1.0 - p;
    gsize i = 0, j = 0, o = 0;
    while (i < len || j < len) {
        Atom next;
        if (j >= len || (i < len && in[i].v <= in[j].v + a)) {
            next.v = in[i].v;
            next.p = in[i].p * stay;
            i++;
        } else {
            next.v = in[j].v + a;
            next.p = in[j].p * p;
            j++;
        }
        if (o > 0 && next.v - out[o - 1].v <= tol)
            out[o - 1].p += next.p;
        else
            out[o++] = next;
    }
    return o;
}

/* The smallest total of AT (LEN sorted atoms) whose cumulative probability reaches Q,
 * totals within TOL of a group's first counted as that first. */
static double atoms_quantile(const Atom *at, gsize len, double tol, double q)
{
    double need = q - PROB_TOL;
    PcSum cum = { 0, 0 };
    gsize i = 0;
    while (i < len) {
        double first = at[i].v;
        while (i < len && at[i].v - first <= tol)
            pc_sum_add(&cum, at[i++].p);
        if (pc_sum_value(&cum) >= need)
            return first;
    }
    /* rounding left the total a hair under q: the largest total it is */
    return at[len - 1].v;
}

/* Compute the NQ quantiles QS exactly into RESULTS and set *DONE. Beyond EXACT_MAX_DEALS
 * varying deals, give up (leaving *DONE FALSE) past SPARSE_MAX_ATOMS distinct totals. */
static PcStatus exact_quantiles(const double *amounts, const double *probs, gsize n,
                                const Scan *sc, const double *qs, gsize nq, gboolean *done,
                                double *results)
{
    gboolean few = sc->m <= EXACT_MAX_DEALS;
    gsize max_atoms = few ? EXACT_MAX_ATOMS : SPARSE_MAX_ATOMS;
    gsize cap = 64, len = 1;
    Atom *cur = g_try_new(Atom, cap), *nxt = g_try_new(Atom, cap);
    PcStatus st = PC_OK;
    *done = FALSE;
    if (!cur || !nxt) {
        st = PC_ERR_NOMEM;
        goto out;
    }
    cur[0].v = 0.0;
    cur[0].p = 1.0;
    for (gsize i = 0; i < n; i++) {
        double a, p;
        if (!deal_varies(amounts[i], probs[i]))
            continue;
        deal_positive(amounts[i], probs[i], &a, &p);
        if (len > max_atoms)
            goto out; /* too many distinct totals: the caller approximates */
        if (2 * len > cap) {
            cap = MAX(cap * 2, 2 * len);
            Atom *c2 = g_try_renew(Atom, cur, cap);
            if (c2)
                cur = c2;
            Atom *n2 = c2 ? g_try_renew(Atom, nxt, cap) : NULL;
            if (n2)
                nxt = n2;
            if (!c2 || !n2) {
                st = PC_ERR_NOMEM;
                goto out;
            }
        }
        len = merge_deal(cur, len, a, p, few ? 0.0 : TOTAL_TOL * sc->s, nxt);
        if (len > max_atoms)
            goto out;
        Atom *t = cur;
        cur = nxt;
        nxt = t;
    }
    for (gsize i = 0; i < nq; i++) /* one distribution, every quantile asked of it */
        results[i] = sc->c + atoms_quantile(cur, len, TOTAL_TOL * sc->s, qs[i]);
    *done = TRUE;
out:
    g_free(cur);
    g_free(nxt);
    return st;
}

/* The common unit of the varying deals' amounts: the largest U dividing every amount
 * exactly (fmod is exact), when every total is then one of at most LATTICE_MAX_POINTS
 * multiples of U (*POINTS of them: the sum of the amounts / U, + 1), else 0. Euclid on
 * doubles, each step exact; amounts without a common unit fall below S / LATTICE_MAX_POINTS
 * within a few dozen steps and are refused. */
static double lattice_unit(const double *amounts, const double *probs, gsize n, const Scan *sc,
                           gsize *points)
{
    double u = 0.0, floor_u = sc->s / (double)LATTICE_MAX_POINTS;
    for (gsize i = 0; i < n; i++) {
        double a, p;
        if (!deal_varies(amounts[i], probs[i]))
            continue;
        deal_positive(amounts[i], probs[i], &a, &p);
        double x = MAX(a, u), y = MIN(a, u);
        while (y != 0.0) {
            if (y < floor_u)
                return 0.0; /* the unit divides y: too fine */
            double r = fmod(x, y);
            x = y;
            y = r;
        }
        u = x;
        if (u < floor_u)
            return 0.0;
    }
    gsize total = 0; /* in units: exact integers, a is a multiple of u */
    for (gsize i = 0; i < n && u > 0.0; i++) {
        double a, p;
        if (!deal_varies(amounts[i], probs[i]))
            continue;
        deal_positive(amounts[i], probs[i], &a, &p);
        total += (gsize)(a / u);
        if (total >= LATTICE_MAX_POINTS)
            return 0.0;
    }
    *points = total + 1;
    return u;
}

/* Compute the NQ quantiles QS exactly on the lattice of unit U (POINTS multiples) into
 * RESULTS: the probability of each total k U, deal by deal (a deal of amount s U moves its
 * won mass from k to k + s), every total an exact integer index, so equal totals can never
 * be told apart by rounding. Cost: (varying deals) x POINTS at most. */
static PcStatus lattice_quantiles(const double *amounts, const double *probs, gsize n,
                                  const Scan *sc, double u, gsize points, const double *qs,
                                  gsize nq, double *results)
{
    double *w = g_try_new0(double, points);
    if (!w)
        return PC_ERR_NOMEM;
    w[0] = 1.0;
    gsize hi = 0; /* the largest total reached so far */
    for (gsize i = 0; i < n; i++) {
        double a, p;
        if (!deal_varies(amounts[i], probs[i]))
            continue;
        deal_positive(amounts[i], probs[i], &a, &p);
        gsize step = (gsize)(a / u), top = hi + step; /* step >= 1, top < points */
        double stay = 1.0 - p;
        for (gsize k = top + 1; k-- > step;) /* downwards: w[k - step] is still the old one */
            w[k] = w[k] * stay + w[k - step] * p;
        for (gsize k = 0; k < step && k <= hi; k++)
            w[k] *= stay;
        hi = top;
    }
    for (gsize j = 0; j < nq; j++) {
        double need = qs[j] - PROB_TOL;
        PcSum cum = { 0, 0 };
        gsize k = 0;
        for (; k < hi; k++) {
            pc_sum_add(&cum, w[k]);
            if (pc_sum_value(&cum) >= need)
                break;
        }
        results[j] = sc->c + (double)k * u;
    }
    g_free(w);
    return PC_OK;
}

/* ---- approximation ----------------------------------------------------------------- */

/* exp(X) for X <= 0 from + - * floor ldexp only: X = k ln2 + r with |r| <= ln2 / 2
 * (Cody-Waite split, k * LN2_HI exact), exp(r) by its Taylor polynomial of degree 14
 * (truncation below 5e-18), times 2^k. */
static double det_exp(double x)
{
    static const double LN2_HI = 6.93147180369123816490e-01;
    static const double LN2_LO = 1.90821492927058770002e-10;
    static const double INV_FACT[] = {
        1.0, 1.0, 0.5, 0.16666666666666666, 0.041666666666666664, 0.008333333333333333,
        0.001388888888888889, 0.0001984126984126984, 2.48015873015873e-05,
        2.7557319223985893e-06, 2.755731922398589e-07, 2.505210838544172e-08,
        2.08767569878681e-09, 1.6059043836821613e-10, 1.1470745597729725e-11,
    }; /* 1/k!, correctly rounded */
    if (x < -746.0)
        return 0.0;
    double k = floor(x * 1.44269504088896338700 + 0.5);
    double r = (x - k * LN2_HI) - k * LN2_LO;
    double e = INV_FACT[14];
    for (int i = 13; i >= 0; i--)
        e = e * r + INV_FACT[i];
    return ldexp(e, (int)k);
}

/* The standard normal CDF at X, absolute error about 1e-15: Hart's double-precision
 * rational approximation as given by G. West, "Better approximations to cumulative
 * normal functions" (2005), with det_exp. */
static double normal_cdf(double x)
{
    double y = fabs(x), tail;
    if (y > NORMAL_CUT) {
        tail = 0.0;
    } else {
        double e = det_exp(-y * y / 2.0);
        if (y < 7.07106781186547) {
            double a = 3.52624965998911e-02 * y + 0.700383064443688;
            a = a * y + 6.37396220353165;
            a = a * y + 33.912866078383;
            a = a * y + 112.079291497871;
            a = a * y + 221.213596169931;
            a = a * y + 220.206867912376;
            double b = 8.83883476483184e-02 * y + 1.75566716318264;
            b = b * y + 16.064177579207;
            b = b * y + 86.7807322029461;
            b = b * y + 296.564248779674;
            b = b * y + 637.333633378831;
            b = b * y + 793.826512519948;
            b = b * y + 440.413735824752;
            tail = e * a / b;
        } else {
            double b = y + 0.65;
            b = y + 4.0 / b;
            b = y + 3.0 / b;
            b = y + 2.0 / b;
            b = y + 1.0 / b;
            tail = e / b / 2.506628274631;
        }
    }
    return x > 0.0 ? 1.0 - tail : tail;
}

/* The normal CDF at Z with the first Edgeworth correction for skewness 6 K6:
 * Phi(z) - K6 (z^2 - 1) phi(z), kept in [0, 1]. Many small deals won with nearly the same
 * probability near 0 or 1 (p >= 0.99: a lost count like a Poisson of small mean) are
 * skewed; the correction removes the error of order skewness that the normal leaves. */
static double skewed_cdf(double z, double k6)
{
    double f = normal_cdf(z);
    if (k6 == 0.0 || fabs(z) > NORMAL_CUT)
        return f;
    f -= k6 * (z * z - 1.0) * det_exp(-z * z / 2.0) * 0.39894228040143267794;
    return CLAMP(f, 0.0, 1.0);
}

/* The large deals' distribution on a grid, and the small deals' normal, in units of 2^e
 * (see approx_quantile). */
typedef struct {
    double *w;    /* mass of bin j, total at j * h */
    double *pre;  /* pre[j] = w[0] + ... + w[j - 1] */
    gsize bins;
    double h;
    double mu, sigma; /* the small deals' normal */
    double skew6;     /* their skewness / 6: the Edgeworth term (near-certain deals) */
} Mixture;

/* P(grid + normal <= U), U in scaled units. */
static double mixture_cdf(const Mixture *mx, double u)
{
    double d = u - mx->mu;
    gsize lo = 0, hi = mx->bins - 1;
    if (mx->h > 0.0) {
        /* bins further than NORMAL_CUT sigmas contribute all (below) or nothing (above) */
        double jl = ceil((d - NORMAL_CUT * mx->sigma) / mx->h);
        double jh = floor((d + NORMAL_CUT * mx->sigma) / mx->h);
        if (jh < 0.0)
            return 0.0;
        if (jl > (double)hi)
            return mx->pre[mx->bins];
        if (jl > 0.0)
            lo = (gsize)jl;
        if (jh < (double)hi)
            hi = (gsize)jh;
    }
    double f = mx->pre[lo];
    for (gsize j = lo; j <= hi; j++)
        f += mx->w[j] * skewed_cdf((d - (double)j * mx->h) / mx->sigma, mx->skew6);
    return f;
}

/* One large deal on the grid: T[o] for o in [0, HI + SH + 1] from W[0..HI], the deal
 * staying with probability STAY, moving SH bins up with W0 and SH + 1 with W1. Each T[o]
 * is (STAY W[o] + W1 W[o - SH - 1]) + W0 W[o - SH], the terms that exist, added in this
 * order (the order in which scattering W would add them, so the bits are those of the
 * scatter); gathered in one pass per region without branches, which the compiler can
 * vectorize (element-wise, no reassociation: the same bits): the grid is the cost of the
 * approximation. */
#if defined(__GNUC__) && !defined(__clang__) /* GCC's -O2 vectorizes only loops of known length */
#pragma GCC push_options
#pragma GCC optimize("tree-vectorize", "vect-cost-model=dynamic")
#endif
static void grid_step(const double *restrict w, gsize hi, gsize sh, double stay, double w0,
                      double w1, double *restrict t)
{
    gsize end = hi + sh + 1; /* the top bin written */
    gsize o = 0;
    for (; o < sh && o <= hi; o++) /* below the moved mass: staying only */
        t[o] = stay * w[o];
    for (; o < sh; o++) /* a gap between the staying and the moved mass */
        t[o] = 0.0;
    t[sh] = sh <= hi ? stay * w[sh] + w0 * w[0] : w0 * w[0]; /* W0 W[0] lands here, no W1 yet */
    for (o = sh + 1; o <= hi; o++) /* all three terms */
        t[o] = (stay * w[o] + w1 * w[o - sh - 1]) + w0 * w[o - sh];
    for (; o < end; o++) /* above the staying mass: both moved terms */
        t[o] = w1 * w[o - sh - 1] + w0 * w[o - sh];
    t[end] = w1 * w[hi]; /* the top bin: above the staying mass and W0's reach */
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC pop_options
#endif

/* Fill MX->w with the distribution of the K large deals (A[i], P[i]) on B bins of width
 * (sum of A) / B. Returns PC_ERR_NOMEM when memory runs out. */
static PcStatus grid_deals(const double *a, const double *p, gsize k, Mixture *mx)
{
    double sum = 0.0;
    for (gsize i = 0; i < k; i++)
        sum += a[i];
    gsize b = GRID_WORK / (k ? k : 1);
    b = CLAMP(b, GRID_MIN_BINS, GRID_MAX_BINS);
    /* amounts are scaled to a sum below 1 and large ones are >= 1/8192: h > 0 */
    mx->h = k ? sum / (double)b : 0.0;
    /* deal i moves mass up by floor(a / h) or one more bin */
    gsize bins = 1;
    for (gsize i = 0; i < k; i++)
        bins += (gsize)floor(a[i] / mx->h) + 1;
    mx->bins = bins;
    mx->w = g_try_new0(double, bins);
    mx->pre = g_try_new(double, bins + 1);
    double *t = g_try_new0(double, bins);
    if (!mx->w || !mx->pre || !t) {
        g_free(t);
        return PC_ERR_NOMEM;
    }
    double *w = mx->w;
    w[0] = 1.0;
    gsize hi = 0;
    for (gsize i = 0; i < k; i++) {
        double x = a[i] / mx->h, fl = floor(x), f = x - fl;
        gsize sh = (gsize)fl;
        double stay = 1.0 - p[i], w0 = p[i] * (1.0 - f), w1 = p[i] * f;
        grid_step(w, hi, sh, stay, w0, w1, t);
        double *swap = w;
        w = t;
        t = swap;
        hi += sh + 1;
    }
    /* the result may have ended in the scratch buffer */
    if (w != mx->w) {
        memcpy(mx->w, w, bins * sizeof *w);
        t = w;
    }
    g_free(t);
    mx->pre[0] = 0.0;
    for (gsize j = 0; j < bins; j++)
        mx->pre[j + 1] = mx->pre[j] + mx->w[j];
    return PC_OK;
}

/* The smallest scaled U in [0, S] where MX's CDF reaches Q (to BISECT_TOL * S). */
static double mixture_quantile(const Mixture *mx, double s, double q)
{
    double need = q - PROB_TOL;
    if (mx->sigma == 0.0) {
        PcSum cum = { 0, 0 };
        for (gsize j = 0; j < mx->bins; j++) {
            pc_sum_add(&cum, mx->w[j]);
            if (pc_sum_value(&cum) >= need)
                return MIN((double)j * mx->h, s);
        }
        return s;
    }
    double lo = 0.0, hi = s;
    double flo = mixture_cdf(mx, lo) - need, fhi = mixture_cdf(mx, hi) - need;
    if (flo >= 0.0)
        return lo;
    if (fhi < 0.0)
        return hi;
    /* Illinois false position, a bisection whenever two steps did not halve the bracket:
     * about 10 CDF evaluations where bisection alone needs 40 */
    int side = 0, steps = 0;
    double width = hi - lo;
    for (int it = 0; it < 200 && hi - lo > BISECT_TOL * s; it++) {
        double x;
        if (++steps > 2 && hi - lo > width / 2.0) {
            x = lo + (hi - lo) / 2.0;
            steps = 0;
            width = hi - lo;
        } else {
            x = (lo * fhi - hi * flo) / (fhi - flo);
            if (steps > 2) {
                steps = 0;
                width = hi - lo;
            }
        }
        if (!(x > lo && x < hi))
            x = lo + (hi - lo) / 2.0;
        if (!(x > lo && x < hi))
            break; /* lo and hi are neighbouring doubles */
        double fx = mixture_cdf(mx, x) - need;
        if (fx >= 0.0) {
            hi = x;
            fhi = fx;
            if (side > 0)
                flo /= 2.0;
            side = 1;
        } else {
            lo = x;
            flo = fx;
            if (side < 0)
                fhi /= 2.0;
            side = -1;
        }
    }
    return hi;
}

/* Compute the NQ quantiles QS with the grid + normal approximation (see the file comment),
 * the mixture built once. */
static PcStatus approx_quantiles(const double *amounts, const double *probs, gsize n,
                                 const Scan *sc, const double *qs, gsize nq, double *results)
{
    /* work in units of 2^e, S in [2^(e-1), 2^e): exact, and nothing over- or underflows */
    int e;
    frexp(sc->s, &e);
    double s = ldexp(sc->s, -e), cut = s / LARGE_SHARE;
    gsize kmax = MIN(sc->m, (gsize)LARGE_SHARE), k = 0;
    double *la = g_try_new(double, kmax ? kmax : 1), *lp = g_try_new(double, kmax ? kmax : 1);
    Mixture mx = { 0 };
    PcStatus st = PC_ERR_NOMEM;
    if (!la || !lp)
        goto out;
    PcSum mu = { 0, 0 }, var = { 0, 0 }, third = { 0, 0 };
    for (gsize i = 0; i < n; i++) {
        double a, p;
        if (!deal_varies(amounts[i], probs[i]))
            continue;
        deal_positive(amounts[i], probs[i], &a, &p);
        a = ldexp(a, -e);
        if (a >= cut && k < kmax) {
            la[k] = a;
            lp[k++] = p;
        } else {
            pc_sum_add(&mu, a * p);
            pc_sum_add(&var, a * a * p * (1.0 - p));
            pc_sum_add(&third, a * a * a * p * (1.0 - p) * (1.0 - 2.0 * p));
        }
    }
    st = grid_deals(la, lp, k, &mx);
    if (st != PC_OK)
        goto out;
    mx.mu = pc_sum_value(&mu);
    mx.sigma = sqrt(MAX(pc_sum_value(&var), 0.0));
    if (mx.sigma > 0.0)
        mx.skew6 = pc_sum_value(&third) / (mx.sigma * mx.sigma * mx.sigma) / 6.0;
    for (gsize i = 0; i < nq; i++)
        results[i] = sc->c + ldexp(mixture_quantile(&mx, s, qs[i]), e);
out:
    g_free(la);
    g_free(lp);
    g_free(mx.w);
    g_free(mx.pre);
    return st;
}

/* ---- entry points ------------------------------------------------------------------ */

/* Amounts whose sums overflow are scaled by 2^-OVERFLOW_SCALE, which is exact (a power of
 * two only moves the exponent) and leaves room for 2^64 deals of the largest double; the
 * answers are scaled back and are #NUM! only when one does not fit a double itself. */
#define OVERFLOW_SCALE 64

/* The worker of the entry points: the NQ quantiles QS, exact where they can be (unless
 * FORCE_APPROX), else approximated, into RESULTS (touched only on PC_OK). */
static PcStatus won_total_quantiles(const double *amounts, const double *probs, gsize n,
                                    const double *qs, gsize nq, gboolean force_approx,
                                    double *results)
{
    for (gsize i = 0; i < nq; i++)
        if (!(qs[i] > 0.0 && qs[i] < 1.0))
            return PC_ERR_NUM;
    if (pc_memo_find(amounts, probs, n, qs, nq, force_approx, results)) /* asked before */
        return PC_OK;
    const double *asked = amounts;
    Scan sc = { 0 };
    double *scaled = NULL;
    int scale = 0;
    gboolean overflow;
    PcStatus st = scan_deals(amounts, probs, n, &sc, &overflow);
    if (overflow) { /* valid deals whose sums overflow: perhaps the answers do not */
        scaled = g_try_new(double, n);
        if (!scaled)
            return PC_ERR_NOMEM;
        for (gsize i = 0; i < n; i++)
            scaled[i] = ldexp(amounts[i], -OVERFLOW_SCALE);
        amounts = scaled;
        scale = OVERFLOW_SCALE;
        st = scan_deals(amounts, probs, n, &sc, &overflow);
    }
    double *r = st == PC_OK ? g_try_new(double, MAX(nq, 1)) : NULL;
    if (st == PC_OK && !r)
        st = PC_ERR_NOMEM;
    gboolean done = sc.m == 0;
    for (gsize i = 0; st == PC_OK && done && i < nq; i++)
        r[i] = sc.c;
    /* exact: up to 20 varying deals always; beyond, whenever the totals are at most
     * SPARSE_MAX_ATOMS (there are at least m + 1 of them: never for m >= 65,536) */
    if (st == PC_OK && !done && !force_approx && sc.m < SPARSE_MAX_ATOMS) {
        gsize points = 0;
        double u = sc.m > EXACT_MAX_DEALS ? lattice_unit(amounts, probs, n, &sc, &points) : 0.0;
        if (u > 0.0) {
            st = lattice_quantiles(amounts, probs, n, &sc, u, points, qs, nq, r);
            done = st == PC_OK;
        } else {
            st = exact_quantiles(amounts, probs, n, &sc, qs, nq, &done, r);
        }
    }
    if (st == PC_OK && !done)
        st = approx_quantiles(amounts, probs, n, &sc, qs, nq, r);
    for (gsize i = 0; st == PC_OK && i < nq; i++) {
        r[i] = ldexp(r[i], scale);
        if (!isfinite(r[i]))
            st = PC_ERR_NUM;
    }
    if (st == PC_OK && nq) {
        memcpy(results, r, nq * sizeof *r);
        pc_memo_keep(asked, probs, n, qs, nq, force_approx, r);
    }
    g_free(r);
    g_free(scaled);
    return st;
}

PcStatus pc_won_total_quantiles(const double *amounts, const double *probs, gsize n,
                                const double *qs, gsize nq, double *results)
{
    return won_total_quantiles(amounts, probs, n, qs, nq, FALSE, results);
}

PcStatus pc_won_total_quantile(const double *amounts, const double *probs, gsize n, double q,
                               double *result)
{
    return won_total_quantiles(amounts, probs, n, &q, 1, FALSE, result);
}

PcStatus pc_won_total_quantile_approx(const double *amounts, const double *probs, gsize n,
                                      double q, double *result)
{
    return won_total_quantiles(amounts, probs, n, &q, 1, TRUE, result);
}
