/* test-duration.c - STAGE_DURATION and the stays behind it (pc_duration.h), hand-computed. */
#include "pc_duration.h"

#include "test-tables.h"

#include <float.h>
#include <math.h>

static PcStatus duration(const PcTable *log, const char *stage, double p, double *v, PcError *err)
{
    return pc_stage_duration(log, stage, p == 0 ? NULL : num(p), v, err);
}

static double duration_ok(const PcTable *log, const char *stage, double p)
{
    double v = -1;
    PcError err;
    PcStatus st = duration(log, stage, p, &v, &err);
    if (st != PC_OK)
        g_error("STAGE_DURATION(%s; %g): %s", stage, p, err.message);
    return v;
}

static PcStatus duration_fails(const PcTable *log, const char *stage, double p, gssize row)
{
    double v = -1;
    PcError err;
    PcStatus st = duration(log, stage, p, &v, &err);
    g_assert_cmpint(st, !=, PC_OK);
    g_assert_cmpfloat(v, ==, -1);
    g_assert_cmpint(err.row, ==, row);
    return st;
}

/* A: Lead 0, Qualified 3, Proposal 10, Won 24.  B: Lead 1, Qualified 1.5, Lost 9.
 * C: Lead 2, Qualified 2 (same date: log order), Qualified 6 (a repeat continues), Proposal 12
 * (still there).
 * Rows out of order, a header, a blank row. Qualified stays: 7 (A), 7.5 (B), 10 (C). */
static const PcTable *pipeline_log(void)
{
    return TAB(0, 3, "Deal", "Stage", "Date entered",
               "A", "Proposal", "#10",
               "B", "Lead", "#1",
               "A", "Lead", "#0",
               "C", "Lead", "#2",
               "", "", "",
               "B", "Qualified", "#1.5",
               "A", "Won", "#24",
               "C", "Qualified", "#2",
               "B", "Lost", "#9",
               "A", "qualified ", "#3",
               "C", "QUALIFIED", "#6",
               "C", "Proposal", "#12");
}

static void duration_mean_and_percentiles(void)
{
    const PcTable *log = pipeline_log();
    g_assert_cmpfloat_with_epsilon(duration_ok(log, "Qualified", 0), (7 + 7.5 + 10) / 3.0, 1e-12);
    /* PERCENTILE.INC of 7, 7.5, 10: rank 2p */
    g_assert_cmpfloat(duration_ok(log, "Qualified", 0.5), ==, 7.5);
    g_assert_cmpfloat_with_epsilon(duration_ok(log, "Qualified", 0.9), 7.5 + 0.8 * 2.5, 1e-12);
    g_assert_cmpfloat(duration_ok(log, "Qualified", 1), ==, 10);
    g_assert_cmpfloat_with_epsilon(duration_ok(log, "Qualified", 0.25), 7.25, 1e-12);
    /* Lead: A 3, B 0.5, C 0 (Lead and Qualified on the same date: ties keep log order) */
    g_assert_cmpfloat_with_epsilon(duration_ok(log, "LEAD", 0), 3.5 / 3, 1e-12);
    /* Proposal: only A's 14 completed; C's stay is open */
    g_assert_cmpfloat(duration_ok(log, "Proposal", 0), ==, 14);
}

static void duration_reentry_is_two_stays(void)
{
    /* 7 leaves Proposal after 4 days, comes back 10 days later and leaves after 6 more */
    const PcTable *log = TAB(0, 3, "#7", "Proposal", "#100", "#7", "Negotiation", "#104",
                             "#7", "Proposal", "#114", "#7", "Won", "#120",
                             "7", "Proposal", "#100"); /* the text "7" is another deal */
    g_assert_cmpfloat(duration_ok(log, "Proposal", 0), ==, 5);
    g_assert_cmpfloat(duration_ok(log, "Negotiation", 0), ==, 10);
    g_assert_cmpfloat(duration_ok(log, "Proposal", 1), ==, 6);
}

static void duration_no_completed_stay(void)
{
    const PcTable *log = pipeline_log();
    g_assert_cmpint(duration_fails(log, "Won", 0, -1), ==, PC_ERR_DIV0);    /* last stages */
    g_assert_cmpint(duration_fails(log, "Closing", 0, -1), ==, PC_ERR_DIV0); /* never named */
    g_assert_cmpint(duration_fails(TAB(0, 3, "", "", ""), "Lead", 0, -1), ==, PC_ERR_DIV0);
    g_assert_cmpint(duration_fails(TAB(0, 3, "Deal", "Stage", "Date"), "Lead", 0, -1), ==,
                    PC_ERR_DIV0);
}

static void duration_bad_input(void)
{
    const PcTable *log = pipeline_log();
    g_assert_cmpint(duration_fails(log, "Qualified", 1.5, -1), ==, PC_ERR_NUM);
    g_assert_cmpint(duration_fails(log, "Qualified", 90, -1), ==, PC_ERR_NUM);
    g_assert_cmpint(duration_fails(log, "Qualified", -0.5, -1), ==, PC_ERR_NUM);
    g_assert_cmpint(duration_fails(log, " ", 0, -1), ==, PC_ERR_VALUE);
    double v;
    g_assert_cmpint(pc_stage_duration(log, "Lead", COL("P90"), &v, NULL), ==, PC_ERR_VALUE);
    g_assert_cmpint(duration_fails(TAB(0, 2, "A", "Lead", "A", "Won"), "Lead", 0, -1), ==,
                    PC_ERR_ARG);
    /* row by row: missing data #N/A, wrong kinds #VALUE!, infinities #NUM! */
    g_assert_cmpint(duration_fails(TAB(0, 3, "A", "Lead", "#1", "", "Won", "#2"), "Lead", 0, 1),
                    ==, PC_ERR_NA);
    g_assert_cmpint(duration_fails(TAB(0, 3, "A", "", "#1"), "Lead", 0, 0), ==, PC_ERR_NA);
    g_assert_cmpint(duration_fails(TAB(0, 3, "A", "Lead", ""), "Lead", 0, 0), ==, PC_ERR_NA);
    g_assert_cmpint(duration_fails(TAB(0, 3, "A", "Lead", "#1", "A", "#3", "#2"), "Lead", 0, 1),
                    ==, PC_ERR_VALUE);
    g_assert_cmpint(duration_fails(TAB(0, 3, "A", "Lead", "#1", "A", "Won", "soon"), "Lead", 0, 1),
                    ==, PC_ERR_VALUE);
    g_assert_cmpint(duration_fails(TAB(0, 3, "A", "Lead", "!"), "Lead", 0, 0), ==, PC_ERR_VALUE);
    g_assert_cmpint(duration_fails(TAB(0, 3, "!", "Lead", "#1"), "Lead", 0, 0), ==, PC_ERR_VALUE);
    PcTable *inf = pc_table_new(1, 3);
    pc_table_set_text(inf, 0, 0, "A", -1);
    pc_table_set_text(inf, 0, 1, "Lead", -1);
    pc_table_set_number(inf, 0, 2, INFINITY);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, inf);
    g_assert_cmpint(duration_fails(inf, "Lead", 0, 0), ==, PC_ERR_NUM);
    /* finite dates whose difference is not: a clear #NUM!, never an infinite stay */
    PcTable *far = pc_table_new(2, 3);
    for (gsize r = 0; r < 2; r++) {
        pc_table_set_text(far, r, 0, "A", -1);
        pc_table_set_text(far, r, 1, r ? "Won" : "Lead", -1);
        pc_table_set_number(far, r, 2, r ? DBL_MAX : -DBL_MAX);
    }
    g_test_queue_destroy((GDestroyNotify)pc_table_free, far);
    g_assert_cmpint(duration_fails(far, "Lead", 0, -1), ==, PC_ERR_NUM);
}

static void stays_of_a_log(void)
{
    PcStays *s;
    PcError err;
    g_assert_cmpint(pc_stays_read(pipeline_log(), 0, &s, &err), ==, PC_OK);
    g_assert_cmpuint(s->n_deals, ==, 3);
    g_assert_cmpuint(s->n_stages, ==, 5); /* Proposal Lead Qualified Won Lost */
    g_assert_cmpstr(s->stages[0].name, ==, "Proposal");
    const PcStageStays *q = pc_stays_find(s, "QUALIFIED");
    g_assert_nonnull(q);
    g_assert_cmpstr(q->name, ==, "Qualified");
    g_assert_cmpuint(q->n_done, ==, 3);
    g_assert_cmpfloat(q->done[0], ==, 7); /* ascending */
    g_assert_cmpfloat(q->done[2], ==, 10);
    const PcStageStays *p = pc_stays_find(s, "Proposal");
    g_assert_cmpuint(p->n_open, ==, 1);
    g_assert_cmpuint(p->open[0].first_row, ==, 4); /* C's first row */
    g_assert_cmpfloat(p->open[0].since, ==, 12);
    const PcStageStays *won = pc_stays_find(s, "Won");
    g_assert_cmpuint(won->n_done, ==, 0);
    g_assert_cmpuint(won->n_open, ==, 1);
    g_assert_null(pc_stays_find(s, "Closing"));
    pc_stays_free(s);
}

static void percentile_inc_matches_calc(void)
{
    /* PERCENTILE.INC({1;2;4;8}; p) as Calc gives it */
    const double x[] = { 1, 2, 4, 8 };
    g_assert_cmpfloat(pc_percentile_inc(x, 4, 0), ==, 1);
    g_assert_cmpfloat(pc_percentile_inc(x, 4, 1), ==, 8);
    g_assert_cmpfloat_with_epsilon(pc_percentile_inc(x, 4, 0.5), 3, 1e-12);
    g_assert_cmpfloat_with_epsilon(pc_percentile_inc(x, 4, 0.9), 6.8, 1e-12);
    g_assert_cmpfloat(pc_percentile_inc(x, 1, 0.9), ==, 1);
}

static void duration_large_log(void)
{
    /* 200,000 deals of five entries each, in reverse order (a quadratic walk would hang here;
     * the timing is make bench's) */
    gsize deals = 200000, rows = deals * 5;
    PcTable *t = pc_table_new(rows, 3);
    const char *stages[] = { "Lead", "Qualified", "Proposal", "Negotiation", "Won" };
    for (gsize i = 0; i < rows; i++) {
        gsize r = rows - 1 - i, d = i / 5, s = i % 5;
        pc_table_set_number(t, r, 0, (double)d);
        pc_table_set_text(t, r, 1, stages[s], -1);
        pc_table_set_number(t, r, 2, 46000.0 + (double)(d % 7) + 2.0 * (double)s);
    }
    double v;
    PcError err;
    g_assert_cmpint(pc_stage_duration(t, "Proposal", NULL, &v, &err), ==, PC_OK);
    g_assert_cmpfloat(v, ==, 2);
    pc_table_free(t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/duration/mean-and-percentiles", duration_mean_and_percentiles);
    g_test_add_func("/duration/reentry-is-two-stays", duration_reentry_is_two_stays);
    g_test_add_func("/duration/no-completed-stay", duration_no_completed_stay);
    g_test_add_func("/duration/bad-input", duration_bad_input);
    g_test_add_func("/duration/stays-of-a-log", stays_of_a_log);
    g_test_add_func("/duration/percentile-inc", percentile_inc_matches_calc);
    g_test_add_func("/duration/large-log", duration_large_log);
    return g_test_run();
}
