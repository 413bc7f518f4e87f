/* test-snapshot-plan.c - what Snapshot writes onto the Pipeline history sheet, planned
 * without an office. */
#include "report-tables.h"
#include "rp_history.h"
#include "rp_snapshot.h"
#include "tx.h"

#include <math.h>

static const PcTable *deals(void)
{
    return TAB(5, 6, "Deal", "Stage", "Amount", "Close date", "Status", "Source",
               "Acme", "Proposal", "#1000", "#46100", "", "Web",
               "Bolt", "Lead", "#2000", "#46120", "lost", "Fair",
               "Cyan", "Won", "#500", "#46050", "won", "Web",
               "Dune", "Lead", "", "", "", "");
}

static void snapshot_first_block(void)
{
    RpSource s = source_of(deals());
    RpSnapshot r;
    char *message = NULL;
    g_assert_true(rp_snapshot_plan(&s, NULL, 46001.75, &r, &message));
    g_assert_null(message);
    const RpPlan *p = r.plan;
    g_assert_cmpint(p->place, ==, RP_PLACE_SHEET);
    g_assert_cmpstr(p->marker, ==, "PIPECALC_SNAPSHOTS");
    g_assert_cmpstr(p->sheet_base, ==, "Pipeline history");
    g_assert_cmpstr(p->undo_title, ==, "Pipecalc: snapshot");
    g_assert_cmpuint(p->rows, ==, 5);
    g_assert_cmpuint(p->cols, ==, 8);
    static const char *const HEAD[] = { "Snapshot", "Deal", "Stage", "Amount", "Close date",
                                        "Owner", "Outcome", "Probability" };
    for (gsize j = 0; j < 8; j++) {
        g_assert_cmpstr(text_at(p, 0, j), ==, HEAD[j]);
        g_assert_cmpint(style_at(p, 0, j), ==, RP_STYLE_HEADER);
    }
    g_assert_cmpuint(p->freeze_rows, ==, 1);
    /* the day, not the time of day; every deal with its outcome in words */
    static const char *const DEAL[] = { "Acme", "Bolt", "Cyan", "Dune" };
    static const char *const OUTCOME[] = { "Open", "Lost", "Won", "Open" };
    for (gsize i = 0; i < 4; i++) {
        g_assert_cmpfloat(number_at(p, 1 + i, 0), ==, 46001);
        g_assert_cmpint(format_at(p, 1 + i, 0), ==, RP_FORMAT_DATE);
        g_assert_cmpstr(text_at(p, 1 + i, 1), ==, DEAL[i]);
        g_assert_cmpstr(text_at(p, 1 + i, 6), ==, OUTCOME[i]);
        g_assert_cmpint(rp_cell_at(p, 1 + i, 5)->kind, ==, RP_EMPTY); /* no owner column */
        g_assert_cmpint(rp_cell_at(p, 1 + i, 7)->kind, ==, RP_EMPTY); /* no probabilities */
    }
    g_assert_cmpfloat(number_at(p, 1, 3), ==, 1000);
    g_assert_cmpint(format_at(p, 1, 3), ==, RP_FORMAT_AMOUNT);
    g_assert_cmpfloat(number_at(p, 2, 4), ==, 46120);
    g_assert_cmpint(format_at(p, 2, 4), ==, RP_FORMAT_DATE);
    g_assert_cmpint(rp_cell_at(p, 4, 3)->kind, ==, RP_EMPTY); /* Dune has no amount */
    g_assert_cmpint(p->amount_col, ==, 2);
    g_assert_cmpint(p->date_col, ==, 3);
    g_assert_cmpuint(r.deals, ==, 4);
    g_assert_cmpuint(r.snapshots, ==, 1);
    g_assert_false(r.replaced);
    rp_snapshot_clear(&r);
}

/* The sheet as read back: two earlier blocks kept, a later run on the same day replaces
 * that day's block. */
static void snapshot_appends_and_replaces_the_same_day(void)
{
    const PcTable *old = TAB(4, 8, "Snapshot", "Deal", "Stage", "Amount", "Close date", "Owner",
                             "Outcome", "Probability",
                             "#45990", "Acme", "Lead", "#900", "#46100", "Ann", "Open", "",
                             "#45995", "Acme", "Qualified", "#900", "#46100", "Ann", "Open", "",
                             "#45995", "Bolt", "Lead", "#2000", "#46110", "Bob", "Open", "#0.2");
    RpSource s = source_of(deals());
    RpSnapshot r;
    char *message = NULL;
    g_assert_true(rp_snapshot_plan(&s, old, 46001, &r, &message));
    g_assert_cmpuint(r.plan->rows, ==, 1 + 3 + 4);
    g_assert_cmpuint(r.snapshots, ==, 3);
    g_assert_cmpfloat(number_at(r.plan, 1, 0), ==, 45990);
    g_assert_cmpstr(text_at(r.plan, 3, 5), ==, "Bob");
    g_assert_cmpfloat(number_at(r.plan, 3, 7), ==, 0.2);
    g_assert_cmpint(format_at(r.plan, 3, 7), ==, RP_FORMAT_PERCENT);
    g_assert_cmpfloat(number_at(r.plan, 4, 0), ==, 46001);
    rp_snapshot_clear(&r);
    /* again on day 45995: that block goes, the new one comes last */
    g_assert_true(rp_snapshot_plan(&s, old, 45995.5, &r, &message));
    g_assert_true(r.replaced);
    g_assert_cmpuint(r.plan->rows, ==, 1 + 1 + 4);
    g_assert_cmpuint(r.snapshots, ==, 2);
    g_assert_cmpstr(text_at(r.plan, 1, 2), ==, "Lead");
    g_assert_cmpstr(text_at(r.plan, 2, 1), ==, "Acme");
    g_assert_cmpstr(text_at(r.plan, 2, 2), ==, "Proposal");
    rp_snapshot_clear(&r);
}

static void snapshot_refusals(void)
{
    RpSnapshot r;
    char *message = NULL;
    RpSource nameless = source_of(TAB(3, 2, "Stage", "Amount", "Lead", "#1", "Won", "#2"));
    g_assert_false(rp_snapshot_plan(&nameless, NULL, 46001, &r, &message));
    g_assert_true(g_str_has_prefix(message, "Snapshot needs a deal name column"));
    g_clear_pointer(&message, g_free);
    RpSource twice = source_of(TAB(4, 2, "Deal", "Stage", "Acme", "Lead", "Bolt", "Lead",
                                   "acme ", "Won"));
    g_assert_false(rp_snapshot_plan(&twice, NULL, 46001, &r, &message));
    g_assert_cmpstr(message, ==, "Two deals are named \"acme \" (sheet rows 2 and 4): snapshots "
                                 "tell deals apart by name. Nothing was written.");
    g_clear_pointer(&message, g_free);
    RpSource s = source_of(deals());
    const PcTable *changed = TAB(2, 8, "When", "Deal", "Stage", "Amount", "Close date", "Owner",
                                 "Outcome", "Probability", "#1", "A", "B", "", "", "", "", "");
    g_assert_false(rp_snapshot_plan(&s, changed, 46001, &r, &message));
    g_assert_true(g_str_has_prefix(message, "The marked Pipeline history sheet no longer has"));
    g_assert_null(r.plan);
    g_free(message);
}

static void snapshot_in_german(void)
{
    g_assert_cmpstr(tx_set_language("de"), ==, "de");
    RpSource s = source_of(deals());
    RpSnapshot r;
    char *message = NULL;
    g_assert_true(rp_snapshot_plan(&s, NULL, 46001, &r, &message));
    g_assert_cmpstr(r.plan->sheet_base, ==, "Pipeline-Verlauf");
    g_assert_cmpstr(text_at(r.plan, 0, 0), ==, "Stichtag");
    g_assert_cmpstr(text_at(r.plan, 2, 6), ==, "Verloren");
    /* a German header read back is a history too */
    const PcTable *old = TAB(2, 8, "Stichtag", "Deal", "Phase", "Betrag", "Abschlussdatum",
                             "Verantwortlich", "Ergebnis", "Wahrscheinlichkeit",
                             "#45990", "Acme", "Lead", "", "", "", "Offen", "");
    rp_snapshot_clear(&r);
    g_assert_true(rp_snapshot_plan(&s, old, 46001, &r, &message));
    g_assert_cmpuint(r.snapshots, ==, 2);
    rp_snapshot_clear(&r);
    tx_set_language("en");
}

/* Two snapshots written, read back as the later reports read them: oldest first, every deal
 * with its outcome, probability and owner, whatever the order of the rows on the sheet. */
static void history_read_back(void)
{
    const PcTable *old = TAB(3, 8, "Snapshot", "Deal", "Stage", "Amount", "Close date", "Owner",
                             "Outcome", "Probability",
                             "#45995", "Bolt", "Lead", "#2000", "#46110", "Bob", "Open", "#0.2",
                             "#45990", "Acme", "Lead", "#900", "#46100", "Ann", "Open", "");
    RpSource s = source_of(deals());
    RpSnapshot r;
    char *message = NULL;
    g_assert_true(rp_snapshot_plan(&s, old, 46001, &r, &message));
    PcTable *back = plan_as_table(r.plan);
    RpHistory h;
    g_assert_true(rp_history_read(back, 0, &h, &message));
    g_assert_cmpuint(h.n, ==, 3);
    g_assert_cmpfloat(h.snap[0].date, ==, 45990);
    g_assert_cmpfloat(h.snap[1].date, ==, 45995);
    g_assert_cmpfloat(h.snap[2].date, ==, 46001);
    g_assert_cmpuint(h.snap[2].n, ==, 4);
    const PcSnapDeal *bolt = &h.snap[1].deals[0];
    g_assert_cmpstr(bolt->name, ==, "Bolt");
    g_assert_cmpstr(bolt->owner, ==, "Bob");
    g_assert_true(bolt->typed);
    g_assert_cmpfloat(bolt->probability, ==, 0.2);
    g_assert_cmpfloat(bolt->close, ==, 46110);
    const PcSnapDeal *today = h.snap[2].deals;
    g_assert_cmpint(today[0].outcome, ==, PC_OUTCOME_NONE);
    g_assert_false(today[0].typed);
    g_assert_cmpint(today[1].outcome, ==, PC_OUTCOME_LOST);
    g_assert_cmpint(today[2].outcome, ==, PC_OUTCOME_WON);
    g_assert_cmpfloat(today[3].amount, ==, 0); /* Dune: no amount */
    g_assert_null(today[0].owner);
    rp_history_clear(&h);
    pc_table_free(back);
    rp_snapshot_clear(&r);
    /* a row that cannot be read is named */
    const PcTable *bad = TAB(3, 8, "Snapshot", "Deal", "Stage", "Amount", "Close date", "Owner",
                             "Outcome", "Probability",
                             "#45995", "Bolt", "Lead", "lots", "", "", "Open", "",
                             "", "Acme", "Lead", "#1", "", "", "Open", "");
    g_assert_false(rp_history_read(bad, 4, &h, &message));
    g_assert_cmpstr(message, ==, "Pipeline history, row 7: the Snapshot cell holds no date. "
                                 "Nothing was written.");
    g_clear_pointer(&message, g_free);
    const PcTable *bad2 = TAB(2, 8, "Snapshot", "Deal", "Stage", "Amount", "Close date", "Owner",
                              "Outcome", "Probability",
                              "#45995", "Bolt", "Lead", "lots", "", "", "Open", "");
    g_assert_false(rp_history_read(bad2, 0, &h, &message));
    g_assert_true(g_str_has_prefix(message, "Pipeline history, row 2: the amount"));
    g_free(message);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/report/snapshot/first-block", snapshot_first_block);
    g_test_add_func("/report/snapshot/appends-and-replaces", snapshot_appends_and_replaces_the_same_day);
    g_test_add_func("/report/snapshot/refusals", snapshot_refusals);
    g_test_add_func("/report/snapshot/german", snapshot_in_german);
    g_test_add_func("/report/snapshot/history-read-back", history_read_back);
    return g_test_run();
}
