/* test-changes-plan.c - the Pipeline changes sheet, planned from a hand-made history. */
#include "report-tables.h"
#include "rp_changes.h"
#include "rp_snapshot.h"
#include "tx.h"

#include <math.h>

#define HEAD8 "Snapshot", "Deal", "Stage", "Amount", "Close date", "Owner", "Outcome", "Probability"

/* Three weekly snapshots (days 46000, 46007, 46014). From the second to the third:
 *   Acme  Ann open 1000 @46030 -> open 1500 @46045   + increase 500, slipped 15 days
 *                                                     (46010 -> 46030 -> 46045 in all: twice, 35)
 *   Bolt  Bob open 2000 @46020 -> won                 - won 2000
 *   Dune  Ann open  400 @46025 -> lost                - lost 400
 *   Cyan  Bob open  700 @46012 -> (absent)            - removed 700
 *   Hive  Bob (absent)         -> open 250 @46040     + new 250
 * Start 4100 + 250 + 500 - 2000 - 400 - 700 = end 1750. */
static const PcTable *history(void)
{
    return TAB(14, 8, HEAD8,
               "#46000", "Acme", "Lead", "#1000", "#46010", "Ann", "Open", "",
               "#46000", "Bolt", "Proposal", "#2000", "#46020", "Bob", "Open", "",
               "#46000", "Dune", "Lead", "#400", "#46025", "Ann", "Open", "",
               "#46007", "Acme", "Lead", "#1000", "#46030", "Ann", "Open", "",
               "#46007", "Bolt", "Proposal", "#2000", "#46020", "Bob", "Open", "#0.6",
               "#46007", "Dune", "Lead", "#400", "#46025", "Ann", "Open", "",
               "#46007", "Cyan", "Lead", "#700", "#46012", "Bob", "Open", "",
               "#46014", "Acme", "Proposal", "#1500", "#46045", "Ann", "Open", "",
               "#46014", "Bolt", "Won", "#2000", "#46020", "Bob", "Won", "",
               "#46014", "Dune", "Lead", "#400", "#46025", "Ann", "Lost", "",
               "#46014", "Hive", "Lead", "#250", "#46040", "Bob", "Open", "",
               "", "", "", "", "", "", "", "",
               "#46014", "Iris", "Won", "#90", "#45990", "", "Won", "");
}

static RpSource deals(void)
{
    return source_of(TAB(2, 5, "Deal", "Stage", "Amount", "Close date", "Owner",
                         "Acme", "Lead", "#1", "#46000", "Ann"));
}

/* The row of the first cell in column COL from ROW0 on holding TEXT. */
static gsize row_of(const RpPlan *p, gsize row0, gsize col, const char *text)
{
    for (gsize i = row0; i < p->rows; i++) {
        const RpCell *c = rp_cell_at(p, i, col);
        if (c->kind == RP_TEXT && g_str_equal(c->text, text))
            return i;
    }
    g_error("no \"%s\" in column %zu", text, col);
    return 0;
}

static void plan_of(const PcTable *t, const RpChangesOptions *o, RpHistory *h, RpChanges *c)
{
    char *message = NULL;
    RpSource s = deals();
    g_assert_true(rp_history_read(t, 0, h, &message));
    g_assert_true(rp_changes_plan(&s, h, o, c, &message));
    g_assert_null(message);
}

static void changes_waterfall(void)
{
    RpHistory h;
    RpChanges c;
    RpChangesOptions o = { 0 };
    plan_of(history(), &o, &h, &c);
    const RpPlan *p = c.plan;
    g_assert_cmpstr(p->marker, ==, "PIPECALC_CHANGES");
    g_assert_cmpstr(p->sheet_base, ==, "Pipeline changes");
    g_assert_cmpstr(p->undo_title, ==, "Pipecalc: what changed");
    g_assert_cmpfloat(c.earlier, ==, 46007); /* the two latest */
    g_assert_cmpfloat(c.later, ==, 46014);
    g_assert_cmpfloat(number_at(p, 1, 1), ==, 46007);
    g_assert_cmpint(format_at(p, 1, 1), ==, RP_FORMAT_DATE);
    g_assert_cmpfloat(number_at(p, 1, 3), ==, 46014);
    g_assert_cmpfloat(c.start, ==, 4100);
    g_assert_cmpfloat(c.end, ==, 1750);
    g_assert_cmpuint(c.changed, ==, 5);
    g_assert_cmpuint(c.slipped, ==, 1);
    /* Step | Amount | Deals, in the core's order, the amounts in the table's currency */
    gsize start = row_of(p, 0, 0, "Start");
    g_assert_cmpstr(text_at(p, start - 1, 0), ==, "Step");
    static const struct { const char *step; double amount, deals, base, added, taken; } WANT[] = {
        { "Start", 4100, 4, 0, 0, 0 },
        { "New", 250, 1, 4100, 250, 0 },
        { "Increases", 500, 1, 4350, 500, 0 },
        { "Pulled in", 0, 0, 4850, 0, 0 },
        { "Won", -2000, 1, 2850, 0, 2000 },
        { "Lost", -400, 1, 2450, 0, 400 },
        { "Pushed out", 0, 0, 2450, 0, 0 },
        { "Decreases", 0, 0, 2450, 0, 0 },
        { "Removed", -700, 1, 1750, 0, 700 },
        { "End", 1750, 2, 0, 0, 0 },
    };
    double sum = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(WANT); i++) {
        gsize r = start + i;
        g_assert_cmpstr(text_at(p, r, 0), ==, WANT[i].step);
        g_assert_cmpfloat(number_at(p, r, 1), ==, WANT[i].amount);
        g_assert_cmpint(format_at(p, r, 1), ==, RP_FORMAT_AMOUNT);
        g_assert_cmpfloat(number_at(p, r, 2), ==, WANT[i].deals);
        g_assert_cmpint(format_at(p, r, 2), ==, RP_FORMAT_INTEGER);
        g_assert_cmpfloat(number_at(p, r, 4), ==, WANT[i].base);
        g_assert_cmpfloat(number_at(p, r, 6), ==, WANT[i].added);
        g_assert_cmpfloat(number_at(p, r, 7), ==, WANT[i].taken);
        if (i + 1 < G_N_ELEMENTS(WANT))
            sum += WANT[i].amount;
    }
    g_assert_cmpfloat(sum, ==, number_at(p, start + 9, 1)); /* start + changes = end */
    g_assert_cmpint(style_at(p, start + 9, 0), ==, RP_STYLE_TOTAL);
    g_assert_cmpint(style_at(p, start + 3, 0), ==, RP_STYLE_MUTED); /* no deal pulled in */
    /* the waterfall chart: stacked columns on an invisible base */
    g_assert_cmpuint(p->charts->len, ==, 1);
    const RpChart *chart = g_ptr_array_index(p->charts, 0);
    g_assert_true(chart->stacked);
    g_assert_cmpint(chart->type, ==, RP_CHART_COLUMNS);
    g_assert_cmpuint(chart->n_series, ==, 4);
    g_assert_cmpint(chart->colours[0], ==, RP_COLOUR_INVISIBLE);
    g_assert_cmpint(chart->colours[1], !=, RP_COLOUR_DEFAULT);
    g_assert_cmpuint(chart->data.row0, ==, start - 1);
    g_assert_cmpuint(chart->data.row1, ==, start + 9);
    g_assert_nonnull(chart->title);
    g_assert_cmpint(chart->value_format, ==, RP_FORMAT_AMOUNT);
    g_assert_cmpuint(chart->row, >, start + 9);
    rp_changes_clear(&c);
    rp_history_clear(&h);
}

static void changes_by_month_and_owner(void)
{
    RpHistory h;
    RpChanges c;
    RpChangesOptions o = { 0 };
    plan_of(history(), &o, &h, &c);
    const RpPlan *p = c.plan;
    gsize head = row_of(p, 0, 0, "Month");
    g_assert_cmpstr(text_at(p, head, 1), ==, "Start");
    g_assert_cmpstr(text_at(p, head, 2), ==, "New");
    g_assert_cmpstr(text_at(p, head, 10), ==, "End");
    /* December: Bolt won, Cyan removed; January: Acme grew, Dune lost, Hive new */
    g_assert_cmpstr(text_at(p, head + 1, 0), ==, "2025-12");
    g_assert_cmpfloat(number_at(p, head + 1, 1), ==, 2700);
    g_assert_cmpfloat(number_at(p, head + 1, 5), ==, -2000);
    g_assert_cmpfloat(number_at(p, head + 1, 9), ==, -700);
    g_assert_cmpfloat(number_at(p, head + 1, 10), ==, 0);
    g_assert_cmpstr(text_at(p, head + 2, 0), ==, "2026-01");
    g_assert_cmpfloat(number_at(p, head + 2, 1), ==, 1400);
    g_assert_cmpfloat(number_at(p, head + 2, 2), ==, 250);
    g_assert_cmpfloat(number_at(p, head + 2, 3), ==, 500);
    g_assert_cmpfloat(number_at(p, head + 2, 6), ==, -400);
    g_assert_cmpfloat(number_at(p, head + 2, 10), ==, 1750);
    /* owners: each reconciles, and together they are the waterfall */
    gsize owners = row_of(p, head, 0, "Owner");
    g_assert_cmpstr(text_at(p, owners + 1, 0), ==, "Ann");
    g_assert_cmpstr(text_at(p, owners + 2, 0), ==, "Bob");
    g_assert_cmpstr(text_at(p, owners + 3, 0), ==, "All owners");
    static const double START[] = { 1400, 2700, 4100 }, END[] = { 1500, 250, 1750 };
    for (gsize i = 0; i < 3; i++) {
        double sum = 0;
        for (gsize j = 1; j <= 9; j++)
            sum += number_at(p, owners + 1 + i, j);
        g_assert_cmpfloat(number_at(p, owners + 1 + i, 1), ==, START[i]);
        g_assert_cmpfloat(number_at(p, owners + 1 + i, 10), ==, END[i]);
        g_assert_cmpfloat(sum, ==, END[i]);
    }
    rp_changes_clear(&c);
    rp_history_clear(&h);
}

static void changes_deals_and_slips(void)
{
    RpHistory h;
    RpChanges c;
    RpChangesOptions o = { 0 };
    plan_of(history(), &o, &h, &c);
    const RpPlan *p = c.plan;
    gsize head = row_of(p, 0, 1, "Deal");
    g_assert_cmpstr(text_at(p, head, 0), ==, "Step");
    static const char *const ORDER[][2] = { { "New deals", "Hive" }, { "Amount increases", "Acme" },
                                            { "Won", "Bolt" }, { "Lost", "Dune" },
                                            { "Removed", "Cyan" } };
    for (gsize i = 0; i < G_N_ELEMENTS(ORDER); i++) {
        g_assert_cmpstr(text_at(p, head + 1 + i, 0), ==, ORDER[i][0]);
        g_assert_cmpstr(text_at(p, head + 1 + i, 1), ==, ORDER[i][1]);
    }
    gsize acme = head + 2;
    g_assert_cmpstr(text_at(p, acme, 2), ==, "Ann");
    g_assert_cmpstr(text_at(p, acme, 3), ==, "Lead");
    g_assert_cmpstr(text_at(p, acme, 4), ==, "Proposal");
    g_assert_cmpfloat(number_at(p, acme, 5), ==, 1000);
    g_assert_cmpfloat(number_at(p, acme, 6), ==, 1500);
    g_assert_cmpfloat(number_at(p, acme, 7), ==, 46030);
    g_assert_cmpint(format_at(p, acme, 7), ==, RP_FORMAT_DATE);
    g_assert_cmpfloat(number_at(p, acme, 8), ==, 46045);
    g_assert_cmpfloat(number_at(p, acme, 9), ==, 500);
    gsize cyan = head + 5; /* removed: nothing now */
    g_assert_cmpint(rp_cell_at(p, cyan, 4)->kind, ==, RP_EMPTY);
    g_assert_cmpint(rp_cell_at(p, cyan, 6)->kind, ==, RP_EMPTY);
    /* Acme slipped 15 days now, twice and 35 days over the three snapshots */
    gsize slips = row_of(p, head + 6, 7, "Close dates over the snapshots");
    g_assert_cmpstr(text_at(p, slips + 1, 0), ==, "Acme");
    g_assert_cmpfloat(number_at(p, slips + 1, 2), ==, 46030);
    g_assert_cmpfloat(number_at(p, slips + 1, 3), ==, 46045);
    g_assert_cmpfloat(number_at(p, slips + 1, 4), ==, 15);
    g_assert_cmpfloat(number_at(p, slips + 1, 5), ==, 2);
    g_assert_cmpfloat(number_at(p, slips + 1, 6), ==, 35);
    g_assert_cmpstr(text_at(p, slips + 1, 7), ==, "2025-12-19 → 2026-01-08 → 2026-01-23");
    g_assert_cmpuint(p->rows, ==, slips + 2);
    rp_changes_clear(&c);
    rp_history_clear(&h);
}

/* Any two snapshots, typed either way round; a period makes deals pushed out and pulled in. */
static void changes_chosen_and_period(void)
{
    RpHistory h;
    RpChanges c;
    RpChangesOptions o = { .earlier = 46014.3, .later = 46000 };
    plan_of(history(), &o, &h, &c);
    g_assert_cmpfloat(c.earlier, ==, 46000);
    g_assert_cmpfloat(c.later, ==, 46014);
    g_assert_cmpfloat(c.start, ==, 3400);
    rp_changes_clear(&c);
    rp_history_clear(&h);
    /* December only, from the second to the third: Acme and Dune were never in it */
    RpChangesOptions december = { .start = 46000, .end = 46022 };
    plan_of(history(), &december, &h, &c);
    g_assert_cmpfloat(c.start, ==, 2700);
    g_assert_cmpfloat(c.end, ==, 0);
    gsize from = row_of(c.plan, 0, 0, "Close dates from");
    g_assert_cmpfloat(number_at(c.plan, from, 1), ==, 46000);
    g_assert_cmpfloat(number_at(c.plan, from, 3), ==, 46022);
    rp_changes_clear(&c);
    rp_history_clear(&h);
    /* a slip out of the period is pushed out */
    const PcTable *t = TAB(3, 8, HEAD8, "#46000", "Acme", "Lead", "#1000", "#46010", "", "Open", "",
                           "#46007", "Acme", "Lead", "#1000", "#46040", "", "Open", "");
    plan_of(t, &december, &h, &c);
    gsize pushed = row_of(c.plan, 0, 0, "Pushed out");
    g_assert_cmpfloat(number_at(c.plan, pushed, 1), ==, -1000);
    g_assert_cmpfloat(number_at(c.plan, pushed, 2), ==, 1);
    g_assert_cmpuint(c.slipped, ==, 1);
    /* no owner anywhere: no owner table */
    for (gsize i = 0; i < c.plan->rows; i++)
        g_assert_cmpstr(text_at(c.plan, i, 0) ? text_at(c.plan, i, 0) : "", !=, "By owner");
    rp_changes_clear(&c);
    rp_history_clear(&h);
}

static void changes_refusals(void)
{
    RpHistory h;
    RpChanges c;
    char *message = NULL;
    RpSource s = deals();
    const PcTable *one = TAB(2, 8, HEAD8, "#46000", "Acme", "Lead", "#1", "", "", "Open", "");
    g_assert_true(rp_history_read(one, 0, &h, &message));
    RpChangesOptions o = { 0 };
    g_assert_false(rp_changes_plan(&s, &h, &o, &c, &message));
    g_assert_true(g_str_has_prefix(message, "What changed compares two snapshots, and the "
                                            "Pipeline history holds 1"));
    g_assert_null(c.plan);
    g_clear_pointer(&message, g_free);
    rp_history_clear(&h);
    g_assert_true(rp_history_read(history(), 0, &h, &message));
    o.earlier = 46001;
    g_assert_false(rp_changes_plan(&s, &h, &o, &c, &message));
    g_assert_cmpstr(message, ==, "The Pipeline history has no snapshot of 2025-12-10; it has "
                                 "2025-12-09, 2025-12-16, 2025-12-23. Nothing was written.");
    g_clear_pointer(&message, g_free);
    o.earlier = o.later = 46007;
    g_assert_false(rp_changes_plan(&s, &h, &o, &c, &message));
    g_assert_true(g_str_has_prefix(message, "What changed needs two different snapshots"));
    g_clear_pointer(&message, g_free);
    rp_history_clear(&h);
    /* a deal twice in one snapshot (the sheet edited by hand) is named */
    const PcTable *twice = TAB(4, 8, HEAD8, "#46000", "Acme", "Lead", "#1", "", "", "Open", "",
                               "#46007", "Acme", "Lead", "#1", "", "", "Open", "",
                               "#46007", "ACME ", "Lead", "#1", "", "", "Open", "");
    g_assert_true(rp_history_read(twice, 0, &h, &message));
    RpChangesOptions latest = { 0 };
    g_assert_false(rp_changes_plan(&s, &h, &latest, &c, &message));
    g_assert_cmpstr(message, ==, "What changed: The later snapshot names the deal \"ACME \" "
                                 "twice. Nothing was written.");
    g_free(message);
    rp_history_clear(&h);
}

/* 50 weekly snapshots of 10,000 deals each, read back and compared (the planning time is
 * printed with --verbose). */
static void changes_at_scale(void)
{
    enum { SNAPS = 50, DEALS = 10000 };
    RpSource src = deals();
    PcTable *t = pc_table_new(1 + SNAPS * DEALS, 8);
    static const char *const HEAD[] = { HEAD8 };
    for (gsize j = 0; j < 8; j++)
        pc_table_set_text(t, 0, j, HEAD[j], -1);
    GRand *r = g_rand_new_with_seed(50);
    char name[16];
    for (gsize s = 0; s < SNAPS; s++)
        for (gsize i = 0; i < DEALS; i++) {
            gsize row = 1 + s * DEALS + i;
            g_snprintf(name, sizeof name, "D%zu", i + s * 100); /* 100 new deals a week */
            pc_table_set_number(t, row, 0, 46000 + 7.0 * (double)s);
            pc_table_set_text(t, row, 1, name, -1);
            pc_table_set_text(t, row, 2, "Lead", -1);
            pc_table_set_number(t, row, 3, g_rand_int_range(r, 100, 10000));
            pc_table_set_number(t, row, 4, 46000 + 7.0 * (double)s + g_rand_int_range(r, 0, 90));
            pc_table_set_text(t, row, 5, i % 7 ? "Ann" : "Bob", -1);
            pc_table_set_text(t, row, 6, i % 10 == 0 ? "Won" : "Open", -1);
        }
    g_rand_free(r);
    gint64 t0 = g_get_monotonic_time();
    RpHistory h;
    RpChanges c;
    char *message = NULL;
    g_assert_true(rp_history_read(t, 0, &h, &message));
    g_assert_cmpuint(h.n, ==, SNAPS);
    RpChangesOptions o = { .start = 46300, .end = 46400 };
    g_assert_true(rp_changes_plan(&src, &h, &o, &c, &message));
    double ms = (double)(g_get_monotonic_time() - t0) / 1000;
    g_test_message("%d snapshots x %d deals: read back and planned in %.0f ms (%zu deals "
                   "behind the steps, %zu slipped)", SNAPS, DEALS, ms, c.changed, c.slipped);
    g_assert_cmpuint(c.changed, >, 1000);
    rp_changes_clear(&c);
    rp_history_clear(&h);
    pc_table_free(t);
}

static void changes_in_german(void)
{
    g_assert_cmpstr(tx_set_language("de"), ==, "de");
    RpHistory h;
    RpChanges c;
    RpChangesOptions o = { 0 };
    plan_of(history(), &o, &h, &c);
    g_assert_cmpstr(c.plan->sheet_base, ==, "Pipeline-Änderungen");
    g_assert_cmpstr(text_at(c.plan, 0, 0), ==, "Was sich in der Pipeline geändert hat");
    rp_changes_clear(&c);
    rp_history_clear(&h);
    tx_set_language("en");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/report/changes/waterfall", changes_waterfall);
    g_test_add_func("/report/changes/by-month-and-owner", changes_by_month_and_owner);
    g_test_add_func("/report/changes/deals-and-slips", changes_deals_and_slips);
    g_test_add_func("/report/changes/chosen-and-period", changes_chosen_and_period);
    g_test_add_func("/report/changes/refusals", changes_refusals);
    g_test_add_func("/report/changes/at-scale", changes_at_scale);
    g_test_add_func("/report/changes/german", changes_in_german);
    return g_test_run();
}
