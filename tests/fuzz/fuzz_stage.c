/* fuzz_stage.c - libFuzzer harness for STAGE_CONVERSION and LEADS_NEEDED
 * (pc_stage_conversion, pc_leads_needed) and the funnel they share (pc_funnel_*), with
 * StageData as one column / one row of furthest stages or a two-column log.
 *
 * Invariants: statuses in range with valid messages; a conversion is finite and in
 * [0, 1]; LEADS_NEEDED is a finite whole number >= 0; reached counts never grow along the
 * funnel and never exceed the deals found; deals' stages are positions of the funnel;
 * same input twice, same bits.
 */
#include "fuzz_common.h"
#include "pc_funnel.h"
#include "pc_stage.h"

static PcTable *stage_data(FzIn *in, uint8_t flags)
{
    gsize rows = fz_byte(in) % (FZ_MAX_ROWS + 1);
    switch (flags % 4) {
    case 0:
        return fz_table_sized(in, rows, rows ? 1 : 0);
    case 1:
        return fz_table_sized(in, rows, rows ? 2 : 0); /* a log */
    case 2:
        return fz_table_sized(in, rows ? 1 : 0, rows % 10); /* a row */
    default:
        return fz_table(in, 4);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FzIn in = { data, size };
    uint8_t flags = fz_byte(&in);
    char fbuf[FZ_MAX_TEXT * 4 + 1], tbuf[FZ_MAX_TEXT * 4 + 1];
    /* FromStage/ToStage arrive as UTF-8 converted from UTF-16: always valid */
    char *from = g_utf8_make_valid(fz_text(&in, fbuf), -1);
    char *to = g_utf8_make_valid(fz_text(&in, tbuf), -1);
    PcTable *data_t = stage_data(&in, flags);
    PcTable *order = (flags & 4) ? fz_table(&in, 2)
                                 : fz_table_sized(&in, fz_byte(&in) % 8 + 1, 1);
    PcTable *ignore = (flags & 8) ? fz_table(&in, 2) : NULL;
    PcTable *size_t_ = (flags & 16) ? fz_optional(&in) : NULL;
    double target = (flags & 32) ? fz_number(&in) : fz_byte(&in);

    PcError e1, e2;
    double r1 = 0, r2 = 0;
    fz_dirty(&e1);
    PcStatus s1 = pc_stage_conversion(data_t, from, to, order, ignore, &r1, &e1);
    fz_check_status(s1, &e1);
    if (s1 == PC_OK)
        FZ_CHECK(isfinite(r1) && r1 >= 0 && r1 <= 1, "conversion %.17g", r1);
    fz_dirty(&e2);
    PcStatus s2 = pc_stage_conversion(data_t, from, to, order, ignore, &r2, &e2);
    fz_check_same(s1, &e1, r1, s2, &e2, r2);

    r1 = r2 = 0;
    fz_dirty(&e1);
    s1 = pc_leads_needed(target, data_t, from, order, ignore, size_t_, &r1, &e1);
    fz_check_status(s1, &e1);
    if (s1 == PC_OK)
        FZ_CHECK(isfinite(r1) && r1 >= 0 && floor(r1) == r1, "leads %.17g", r1);
    fz_dirty(&e2);
    s2 = pc_leads_needed(target, data_t, from, order, ignore, size_t_, &r2, &e2);
    fz_check_same(s1, &e1, r1, s2, &e2, r2);

    PcFunnel *f = NULL;
    fz_dirty(&e1);
    s1 = pc_funnel_new(order, 3, ignore, 4, &f, &e1);
    fz_check_status(s1, &e1);
    FZ_CHECK((s1 == PC_OK) == (f != NULL), "funnel %p with status %d", (void *)f, (int)s1);
    if (f) {
        gsize ns = pc_funnel_n_stages(f);
        FZ_CHECK(ns >= 2, "%zu stages", ns);
        for (gsize i = 0; i < ns; i++) {
            const char *name = pc_funnel_stage_name(f, i);
            FZ_CHECK(name && g_utf8_validate(name, -1, NULL), "stage name %zu", i);
            gssize pos = pc_funnel_find(f, name);
            FZ_CHECK(pos == (gssize)i, "stage %zu '%s' found at %zd", i, name, pos);
        }
        PcFunnelDeal *deals = NULL;
        gsize n_deals = 99;
        fz_dirty(&e1);
        s1 = pc_funnel_deals(f, data_t, 0, &deals, &n_deals, &e1);
        fz_check_status(s1, &e1);
        if (s1 == PC_OK) {
            FZ_CHECK((n_deals == 0) == (deals == NULL), "%zu deals at %p", n_deals, (void *)deals);
            for (gsize i = 0; i < n_deals; i++) {
                FZ_CHECK(deals[i].stage < ns, "deal %zu at stage %zu", i, deals[i].stage);
                FZ_CHECK(deals[i].first_row < MAX(data_t->rows, data_t->cols), "first row %zu",
                         deals[i].first_row);
                if (i)
                    FZ_CHECK(deals[i].first_row > deals[i - 1].first_row, "deal order");
            }
            gsize *reached = g_new0(gsize, ns);
            fz_dirty(&e2);
            s2 = pc_funnel_reached(f, data_t, 0, reached, &e2);
            FZ_CHECK(s2 == PC_OK, "reached: status %d after deals OK", (int)s2);
            FZ_CHECK(reached[0] == n_deals, "reached[0] %zu of %zu deals", reached[0], n_deals);
            for (gsize i = 1; i < ns; i++)
                FZ_CHECK(reached[i] <= reached[i - 1], "reached grows at %zu", i);
            g_free(reached);
        }
        g_free(deals);
        pc_funnel_free(f);
    }

    g_free(from);
    g_free(to);
    pc_table_free(data_t);
    pc_table_free(order);
    pc_table_free(ignore);
    pc_table_free(size_t_);
    return 0;
}
