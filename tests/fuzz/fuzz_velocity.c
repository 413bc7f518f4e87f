/* fuzz_velocity.c - libFuzzer harness for SALES_VELOCITY (pc_sales_velocity) and the deal
 * counts it rests on (pc_velocity_deals, pc_deals_*), with the four column arguments as
 * columns or rows of equal length, and now and then of different lengths or 2-D.
 *
 * Invariants: statuses in range with valid messages; the counts never exceed the rows; a
 * velocity is finite and equals the one of the counts; the win interval holds the win
 * rate inside [0, 1]; same input twice, same bits.
 */
#include "fuzz_common.h"
#include "pc_velocity.h"

static PcTable *column(FzIn *in, gsize rows, gboolean as_row)
{
    return as_row ? fz_table_sized(in, rows ? 1 : 0, rows) : fz_table_sized(in, rows, rows ? 1 : 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FzIn in = { data, size };
    uint8_t flags = fz_byte(&in);
    gsize rows = fz_byte(&in) % (FZ_MAX_ROWS + 1);
    gboolean as_row = flags & 1;
    PcTable *args[4];
    for (int i = 0; i < 4; i++) {
        if (flags & (2 << i)) /* this one another shape */
            args[i] = (flags & 64) ? fz_table(&in, 3) : column(&in, fz_byte(&in) % 10, as_row);
        else
            args[i] = column(&in, rows, as_row);
    }

    PcError e1, e2;
    double r1 = 0, r2 = 0;
    fz_dirty(&e1);
    PcStatus s1 = pc_sales_velocity(args[0], args[1], args[2], args[3], &r1, &e1);
    fz_check_status(s1, &e1);
    fz_dirty(&e2);
    PcStatus s2 = pc_sales_velocity(args[0], args[1], args[2], args[3], &r2, &e2);
    fz_check_same(s1, &e1, r1, s2, &e2, r2);

    PcDeals d;
    fz_dirty(&e2);
    s2 = pc_velocity_deals(args[0], args[1], args[2], args[3], &d, &e2);
    fz_check_status(s2, &e2);
    if (s2 == PC_OK) {
        gsize most = MAX(args[0]->rows, args[0]->cols);
        FZ_CHECK(d.open + d.won + d.lost <= most, "%zu + %zu + %zu deals of %zu rows", d.open,
                 d.won, d.lost, most);
        FZ_CHECK(d.cycles <= d.won, "%zu cycles of %zu won", d.cycles, d.won);
        double rate = pc_deals_win_rate(&d), lo, hi;
        pc_deals_win_interval(&d, PC_DEALS_Z90, &lo, &hi);
        if (d.won + d.lost)
            FZ_CHECK(0 <= lo && lo <= rate + 1e-12 && rate <= hi + 1e-12 && hi <= 1,
                     "rate %.17g outside [%.17g, %.17g]", rate, lo, hi);
        else
            FZ_CHECK(isnan(rate) && isnan(lo) && isnan(hi), "a rate without closed deals");
    }
    if (s1 == PC_OK) {
        FZ_CHECK(s2 == PC_OK, "velocity OK but its counts %d", (int)s2);
        FZ_CHECK(isfinite(r1), "velocity %.17g", r1);
        double again = pc_deals_velocity(&d);
        FZ_CHECK(memcmp(&again, &r1, sizeof r1) == 0, "velocity %.17g, of its counts %.17g", r1,
                 again);
    }

    for (int i = 0; i < 4; i++)
        pc_table_free(args[i]);
    return 0;
}
