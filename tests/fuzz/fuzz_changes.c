/* fuzz_changes.c - libFuzzer harness for the pipeline waterfall between two snapshots
 * (pc_changes_compute, pc_changes_months) and a deal's slips (pc_changes_slips).
 *
 * Deals take names from a small alphabet (so that the snapshots share and repeat names),
 * amounts and close dates from fz_number or a range of days, outcomes at random.
 *
 * Invariants: statuses in range with valid messages; on success the waterfall reconciles,
 * start + the changes = end, to 1e-9 of the amounts moved; each step has the sign of its
 * kind; no more deals in steps than deals; each close month's waterfall reconciles and is
 * the one of that month as the period; slips count only moves later; same input twice,
 * same bits.
 */
#include "fuzz_common.h"
#include "pc_changes.h"

static const char *const NAMES[] = { "Acme", "acme ", "Bolt", "Cyan", "Dune", "", "  ", "Écho",
                                     "E\xcc\x81" "cho", "Flux", "Gale", "Hive" };

static gsize deals_of(FzIn *in, PcSnapDeal *d, char names[][12])
{
    gsize n = fz_byte(in) % (FZ_MAX_ROWS + 1);
    for (gsize i = 0; i < n; i++) {
        uint8_t k = fz_byte(in);
        if (k & 0x80) /* mostly unique names */
            g_snprintf(names[i], 12, "D%u", (unsigned)fz_byte(in));
        else
            g_strlcpy(names[i], NAMES[k % G_N_ELEMENTS(NAMES)], 12);
        uint8_t how = fz_byte(in);
        d[i] = (PcSnapDeal){ names[i], (how & 1) ? fz_number(in) : fz_byte(in) * 10.0,
                             (how & 2) ? fz_number(in) : (how & 4) ? 0 : 46000 + fz_byte(in),
                             (PcOutcome)(fz_byte(in) % 3), NULL, NULL, FALSE, 0 };
        if (d[i].outcome > PC_OUTCOME_LOST)
            d[i].outcome = PC_OUTCOME_NONE;
    }
    return n;
}

/* The sum of the absolute amounts of D: the scale of the rounding. */
static double scale_of(const PcSnapDeal *d, gsize n)
{
    double s = 1;
    for (gsize i = 0; i < n; i++)
        s += fabs(d[i].amount);
    return s;
}

static void check_kinds(const double *total, const gsize *count, gsize most, double start,
                        double end, double scale)
{
    double sum = start;
    gsize deals = 0;
    for (int k = 0; k < PC_N_CHANGES; k++) {
        sum += total[k];
        deals += count[k];
    }
    FZ_CHECK(deals <= most, "%zu deals in steps of %zu deals", deals, most);
    if (isfinite(scale))
        FZ_CHECK(fabs(sum - end) <= 1e-9 * scale, "start %.17g + changes = %.17g, end %.17g",
                 start, sum, end);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FzIn in = { data, size };
    static char na_names[FZ_MAX_ROWS][12], nb_names[FZ_MAX_ROWS][12];
    PcSnapDeal a[FZ_MAX_ROWS], b[FZ_MAX_ROWS];
    gsize na = deals_of(&in, a, na_names), nb = deals_of(&in, b, nb_names);
    uint8_t bounds = fz_byte(&in);
    double start = (bounds & 1) ? 46000 + fz_byte(&in) : 0;
    double end = (bounds & 2) ? 46000 + fz_byte(&in) : 0;
    double scale = scale_of(a, na) + scale_of(b, nb);

    PcChanges *c1 = NULL, *c2 = NULL;
    PcError e1, e2;
    fz_dirty(&e1);
    PcStatus s1 = pc_changes_compute(a, na, b, nb, start, end, &c1, &e1);
    fz_check_status(s1, &e1);
    fz_dirty(&e2);
    PcStatus s2 = pc_changes_compute(a, na, b, nb, start, end, &c2, &e2);
    FZ_CHECK(s1 == s2, "status %d then %d", (int)s1, (int)s2);
    if (s1 == PC_OK) {
        FZ_CHECK(c1->n_changes <= na + nb, "%zu changes of %zu deals", c1->n_changes, na + nb);
        FZ_CHECK(memcmp(&c1->end, &c2->end, sizeof c1->end) == 0, "end differs");
        check_kinds(c1->total, c1->count, na + nb, c1->start, c1->end, scale);
        for (int k = 0; k < PC_N_CHANGES; k++)
            FZ_CHECK(c1->count[k] || c1->total[k] == 0, "kind %d: a sum without deals", k);
        for (gsize i = 0; i < c1->n_changes; i++) {
            const PcChange *ch = &c1->changes[i];
            FZ_CHECK(ch->index < (ch->from_a ? na : nb), "change %zu out of range", i);
            FZ_CHECK(ch->slipped_days >= 0 && isfinite(ch->slipped_days), "slipped %.17g",
                     ch->slipped_days);
        }
    } else {
        FZ_CHECK(c1 == NULL, "a failure with changes");
    }
    pc_changes_free(c1);
    pc_changes_free(c2);

    PcDates dates = pc_dates_default();
    PcMonthChanges *m = NULL;
    gsize months = 0;
    fz_dirty(&e2);
    s2 = pc_changes_months(&dates, a, na, b, nb, &m, &months, &e2);
    fz_check_status(s2, &e2);
    FZ_CHECK(s1 == s2, "months status %d, waterfall %d", (int)s2, (int)s1);
    for (gsize i = 0; s2 == PC_OK && i < months; i++) {
        FZ_CHECK(i == 0 || m[i].month > m[i - 1].month, "months out of order");
        check_kinds(m[i].total, m[i].count, na + nb, m[i].start, m[i].end, scale);
        if (i < 3) { /* the month as the period gives the same waterfall */
            PcChanges *c;
            PcStatus s = pc_changes_compute(a, na, b, nb, pc_month_first_day(&dates, m[i].month),
                                            pc_month_last_day(&dates, m[i].month), &c, &e1);
            FZ_CHECK(s == PC_OK, "month %d: %d", m[i].month, (int)s);
            /* the same amounts, added in another order: equal up to rounding */
            FZ_CHECK(!isfinite(scale) || (fabs(c->start - m[i].start) <= 1e-9 * scale &&
                                          fabs(c->end - m[i].end) <= 1e-9 * scale),
                     "month %d: %.17g..%.17g, as a period %.17g..%.17g", m[i].month, m[i].start,
                     m[i].end, c->start, c->end);
            for (int k = 0; k < PC_N_CHANGES; k++)
                FZ_CHECK(c->count[k] == m[i].count[k], "month %d kind %d", m[i].month, k);
            pc_changes_free(c);
        }
    }
    g_free(m);

    double closes[FZ_MAX_ROWS];
    for (gsize i = 0; i < na; i++)
        closes[i] = a[i].close;
    gsize times;
    double days;
    pc_changes_slips(closes, na, &times, &days);
    FZ_CHECK(times < MAX(na, 1) && days >= 0 && (times > 0 || days == 0), "%zu slips, %.17g days",
             times, days);
    return 0;
}
