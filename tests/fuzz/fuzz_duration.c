/* fuzz_duration.c - libFuzzer harness for STAGE_DURATION (pc_stage_duration) and the stays it
 * reads (pc_stays_read), on logs that are mostly well formed (a few deals and stages, spelt
 * with other cases and spaces, dates near each other) with a hostile cell now and then, and
 * on logs of any shape and content.
 *
 * Invariants: statuses in range with valid messages; every stay is finite and >= 0, each
 * stage's stays ascending; every deal has exactly one open stay; a result lies between the
 * stage's shortest and longest stay and, without a percentile, is their mean; a stage with
 * no completed stay is #DIV/0!; same input twice, same bits.
 */
#include "fuzz_common.h"
#include "pc_duration.h"
#include "pc_text.h"

static const char *const STAGES[] = { "Lead", "lead ", "Proposal", "PROPOSAL", "Won",
                                      "Gewonnen", "\xc3\x9f", "" };

/* Cell C of row R of a mostly well formed log. */
static void log_cell(FzIn *in, PcTable *t, gsize r, gsize c)
{
    uint8_t b = fz_byte(in);
    if (b % 23 == 0) { /* a hostile cell */
        fz_cell(in, t, r, c);
        return;
    }
    char id[16];
    switch (c) {
    case 0: /* deal ids: numbers and texts, "1" is not 1 */
        if (b & 1) {
            pc_table_set_number(t, r, c, b % 5);
        } else {
            g_snprintf(id, sizeof id, "%d", b % 5);
            pc_table_set_text(t, r, c, id, -1);
        }
        break;
    case 1:
        pc_table_set_text(t, r, c, STAGES[b % G_N_ELEMENTS(STAGES)], -1);
        break;
    default: /* dates: a few days apart, fractions, sometimes anything */
        pc_table_set_number(t, r, c, (b & 0x80) ? fz_number(in) : 46000 + (b % 17) * 0.5);
        break;
    }
}

static void check_stays(const PcStays *st)
{
    gsize open = 0;
    for (gsize i = 0; i < st->n_stages; i++) {
        const PcStageStays *s = &st->stages[i];
        FZ_CHECK(s->name && g_utf8_validate(s->name, -1, NULL), "stage name");
        for (gsize k = 0; k < s->n_done; k++) {
            FZ_CHECK(isfinite(s->done[k]) && s->done[k] >= 0, "stay %.17g", s->done[k]);
            FZ_CHECK(k == 0 || s->done[k - 1] <= s->done[k], "stays not ascending");
        }
        open += s->n_open;
    }
    FZ_CHECK(open == st->n_deals, "%zu open stays of %zu deals", open, st->n_deals);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FzIn in = { data, size };
    uint8_t flags = fz_byte(&in);
    PcTable *log;
    if (flags & 1) {
        log = fz_table(&in, 4);
    } else {
        gsize rows = fz_byte(&in) % (FZ_MAX_ROWS + 1);
        log = fz_table_sized(&in, 0, 0);
        if (rows) {
            pc_table_free(log);
            log = pc_table_new(rows, 3);
            for (gsize r = 0; r < rows; r++)
                for (gsize c = 0; c < 3; c++)
                    log_cell(&in, log, r, c);
        }
    }
    char buf[FZ_MAX_TEXT * 4 + 1];
    const char *stage = (flags & 2) ? fz_text(&in, buf) : STAGES[fz_byte(&in) % G_N_ELEMENTS(STAGES)];
    PcTable *percentile = fz_optional(&in);

    PcError e1, e2;
    double r1 = 0, r2 = 0;
    fz_dirty(&e1);
    PcStatus s1 = pc_stage_duration(log, stage, percentile, &r1, &e1);
    fz_check_status(s1, &e1);
    fz_dirty(&e2);
    PcStatus s2 = pc_stage_duration(log, stage, percentile, &r2, &e2);
    fz_check_same(s1, &e1, r1, s2, &e2, r2);

    PcStays *stays = NULL;
    fz_dirty(&e2);
    s2 = pc_stays_read(log, PC_DURATION_LOG, &stays, &e2);
    fz_check_status(s2, &e2);
    FZ_CHECK((s2 == PC_OK) == (stays != NULL), "stays %p with status %d", (void *)stays, (int)s2);
    if (s1 == PC_OK)
        FZ_CHECK(s2 == PC_OK, "a duration from a log that does not read: %d", (int)s2);
    if (stays) {
        check_stays(stays);
        const PcStageStays *st = pc_stays_find(stays, stage);
        if (s1 == PC_OK) {
            FZ_CHECK(st && st->n_done, "a duration without a completed stay");
            FZ_CHECK(st->done[0] <= r1 && r1 <= st->done[st->n_done - 1], "%.17g outside the stays",
                     r1);
            if (!percentile) {
                double sum = 0;
                for (gsize k = 0; k < st->n_done; k++)
                    sum += st->done[k];
                FZ_CHECK(fabs(r1 - sum / st->n_done) <= 1e-9 * MAX(1, fabs(r1)), "mean %.17g, "
                         "of the stays %.17g", r1, sum / st->n_done);
            }
        } else if (!pc_text_is_space(stage) && !percentile && (!st || !st->n_done)) {
            FZ_CHECK(s1 == PC_ERR_DIV0, "no completed stay gave %d", (int)s1);
        }
        pc_stays_free(stays);
    }

    pc_table_free(log);
    pc_table_free(percentile);
    return 0;
}
