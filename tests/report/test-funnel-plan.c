/* test-funnel-plan.c - what Write funnel writes, planned without an office. */
#include "report-tables.h"
#include "rp_funnel.h"
#include "tx.h"

#include <math.h>

/* Two open deals, two won at Proposal, one lost at Qualified, one at Lead. */
static const PcTable *deals(void)
{
    return TAB(7, 4, "Deal", "Stage", "Amount", "Outcome",
               "A", "Lead", "#100", "",
               "B", "Qualified", "#200", "",
               "C", "Proposal", "#1000", "Won",
               "D", "Proposal", "#3000", "Won",
               "E", "Qualified", "#500", "Lost",
               "F", "Lead", "#400", "Lost");
}

static void funnel_cells(void)
{
    RpSource s = source_of(deals());
    RpFunnel f;
    char *message = NULL;
    g_assert_true(rp_funnel_plan(&s, 10000, &f, &message));
    g_assert_null(message);
    const RpPlan *p = f.plan;
    g_assert_cmpint(p->place, ==, RP_PLACE_SHEET);
    g_assert_cmpstr(p->marker, ==, "PIPECALC_FUNNEL");
    g_assert_cmpstr(p->sheet_base, ==, "Funnel");
    g_assert_cmpstr(p->undo_title, ==, "Pipecalc: write funnel");
    g_assert_cmpuint(p->rows, ==, 11);
    g_assert_cmpuint(p->cols, ==, 7); /* the table's 5 and the chart's label, reached */
    g_assert_cmpstr(text_at(p, 0, 0), ==, "Pipeline funnel");
    g_assert_cmpint(rp_cell_at(p, 0, 0)->style, ==, RP_STYLE_TITLE);
    g_assert_cmpstr(text_at(p, 1, 0), ==, "From Deals.A1:D7: 4 closed deals (won + lost); a lost "
                                          "deal counts at the stage it shows.");
    g_assert_cmpuint(p->merges->len, ==, 2); /* the title and the source line */
    g_assert_cmpfloat(p->widths[0], <, 20);  /* "Average won deal", not the source line */
    g_assert_cmpstr(text_at(p, 3, 1), ==, "Deals reached");
    g_assert_cmpint(rp_cell_at(p, 3, 4)->style, ==, RP_STYLE_HEADER);
    /* stage, reached, to next, to won, needed (5 won deals at the 2,000 average) */
    static const char *const STAGES[] = { "Lead", "Qualified", "Proposal", "Won" };
    static const double REACHED[] = { 4, 3, 2, 2 };
    static const double TO_NEXT[] = { 0.75, 2.0 / 3, 1 }, TO_WON[] = { 0.5, 2.0 / 3, 1 };
    static const double NEEDED[] = { 10, 8, 5 };
    for (gsize i = 0; i < 4; i++) {
        g_assert_cmpstr(text_at(p, 4 + i, 0), ==, STAGES[i]);
        g_assert_cmpfloat(number_at(p, 4 + i, 1), ==, REACHED[i]);
        if (i == 3)
            break;
        g_assert_cmpfloat_with_epsilon(number_at(p, 4 + i, 2), TO_NEXT[i], 1e-15);
        g_assert_cmpfloat_with_epsilon(number_at(p, 4 + i, 3), TO_WON[i], 1e-15);
        g_assert_cmpint(rp_cell_at(p, 4 + i, 2)->format, ==, RP_FORMAT_PERCENT);
        g_assert_cmpfloat(number_at(p, 4 + i, 4), ==, NEEDED[i]);
    }
    g_assert_cmpint(rp_cell_at(p, 7, 2)->kind, ==, RP_EMPTY);
    g_assert_cmpfloat(f.needed, ==, 10);
    g_assert_cmpstr(text_at(p, 9, 0), ==, "Target");
    g_assert_cmpfloat(number_at(p, 9, 1), ==, 10000);
    g_assert_cmpint(rp_cell_at(p, 9, 1)->format, ==, RP_FORMAT_AMOUNT);
    g_assert_cmpstr(text_at(p, 9, 2), ==, "won revenue");
    g_assert_cmpfloat(number_at(p, 10, 1), ==, 2000);
    g_assert_cmpint(p->amount_col, ==, 2);
    /* the chart: horizontal bars of its own columns, labels "Stage — share of the closed
     * deals that reached it" and the deals reached, first stage on top, below the table */
    g_assert_cmpuint(p->charts->len, ==, 1);
    const RpChart *c = g_ptr_array_index(p->charts, 0);
    g_assert_cmpstr(c->name, ==, "PipecalcFunnel");
    g_assert_cmpint(c->type, ==, RP_CHART_BARS);
    g_assert_true(c->reverse_categories);
    g_assert_cmpuint(c->data.row0, ==, 3);
    g_assert_cmpuint(c->data.row1, ==, 7);
    g_assert_cmpuint(c->data.col0, ==, 5);
    g_assert_cmpuint(c->data.col1, ==, 6);
    g_assert_cmpuint(c->n_series, ==, 0); /* every column right of the labels: reached */
    g_assert_cmpstr(text_at(p, 3, 5), ==, "Chart label");
    g_assert_cmpstr(text_at(p, 3, 6), ==, "Deals reached");
    static const char *const LABELS[] = { "Lead \u2014 100 %", "Qualified \u2014 75 %",
                                          "Proposal \u2014 50 %", "Won \u2014 50 %" };
    for (gsize i = 0; i < 4; i++) {
        g_assert_cmpstr(text_at(p, 4 + i, 5), ==, LABELS[i]);
        g_assert_cmpfloat(number_at(p, 4 + i, 6), ==, REACHED[i]);
    }
    g_assert_cmpstr(c->title, ==, "Deals reaching each stage");
    g_assert_cmpstr(c->x_title, ==, "Stage");
    g_assert_cmpstr(c->y_title, ==, "Deals reached");
    g_assert_false(c->legend); /* one series, named by the axis title */
    g_assert_cmpint(c->value_format, ==, RP_FORMAT_INTEGER);
    g_assert_cmpuint(c->row, ==, p->rows + 1);
    g_assert_cmpuint(c->col, ==, 0);
    g_assert_cmpfloat(p->widths[0], >=, 10); /* "Qualified" fits */
    rp_funnel_clear(&f);
}

/* Without amounts the target is a number of won deals; a stage no closed deal reached
 * shows "-" where its conversion would divide by zero. */
static void funnel_without_amounts(void)
{
    RpSource s = source_of(TAB(5, 2, "Deal", "Stage",
                               "A", "Negotiation", "B", "Won", "C", "Lost", "D", "Lead"));
    RpFunnel f;
    char *message = NULL;
    g_assert_true(rp_funnel_plan(&s, 3, &f, &message));
    const RpPlan *p = f.plan;
    /* order Lead, Negotiation; the lost deal reached Lead, the won one Won */
    g_assert_cmpstr(text_at(p, 4, 0), ==, "Lead");
    g_assert_cmpstr(text_at(p, 5, 0), ==, "Negotiation");
    g_assert_cmpfloat(number_at(p, 4, 1), ==, 2);
    g_assert_cmpfloat(number_at(p, 5, 1), ==, 1);
    g_assert_cmpfloat(number_at(p, 4, 4), ==, 6); /* 3 won deals at 50 % */
    g_assert_cmpuint(p->rows, ==, 10);
    g_assert_cmpstr(text_at(p, 8, 2), ==, "won deals");
    g_assert_cmpint(rp_cell_at(p, 8, 1)->format, ==, RP_FORMAT_INTEGER);
    g_assert_cmpint(rp_cell_at(p, 9, 0)->kind, ==, RP_EMPTY); /* no average */
    rp_funnel_clear(&f);
}

static void funnel_refusals(void)
{
    char *message = NULL;
    RpFunnel f;
    RpSource s = source_of(deals());
    g_assert_false(rp_funnel_plan(&s, 0, &f, &message));
    g_assert_true(g_str_has_prefix(message, "Type a target above 0"));
    g_clear_pointer(&message, g_free);
    g_assert_false(rp_funnel_plan(&s, NAN, &f, &message));
    g_clear_pointer(&message, g_free);
    RpSource open_only = source_of(TAB(3, 2, "Deal", "Stage", "A", "Lead", "B", "Qualified"));
    g_assert_false(rp_funnel_plan(&open_only, 10, &f, &message));
    g_assert_true(strstr(message, "(it has 0 won, 0 lost)") != NULL);
    g_clear_pointer(&message, g_free);
    RpSource no_stage = source_of(TAB(3, 2, "Deal", "Amount", "A", "#1", "B", "#2"));
    g_assert_false(rp_funnel_plan(&no_stage, 10, &f, &message));
    g_assert_true(g_str_has_prefix(message, "The funnel needs a stage column"));
    g_clear_pointer(&message, g_free);
    RpSource closed_only = source_of(TAB(3, 2, "Deal", "Stage", "A", "Won", "B", "Lost"));
    g_assert_false(rp_funnel_plan(&closed_only, 10, &f, &message));
    g_assert_true(g_str_has_prefix(message, "The funnel needs a stage column"));
    g_free(message);
}

/* 100,000 closed deals over odd stage names: planned, and in order of the funnel. */
static void funnel_large_and_odd(void)
{
    gsize n = 100000;
    PcTable *t = pc_table_new(n + 1, 2);
    pc_table_set_text(t, 0, 0, "Deal", -1);
    pc_table_set_text(t, 0, 1, "Stage", -1);
    static const char *const STAGES[] = { "Lead", "Qualifiziert", "Angebot \xc2\xa0", "Won", "Lost" };
    for (gsize r = 1; r <= n; r++) {
        pc_table_set_number(t, r, 0, (double)r);
        pc_table_set_text(t, r, 1, STAGES[r % 5], -1);
    }
    g_test_queue_destroy((GDestroyNotify)pc_table_free, t);
    RpSource s = source_of(t);
    RpFunnel f;
    char *message = NULL;
    g_assert_true(rp_funnel_plan(&s, 100, &f, &message));
    const RpPlan *p = f.plan;
    g_assert_cmpfloat(number_at(p, 4, 1), ==, 40000); /* every closed deal reached the first */
    g_assert_cmpuint(p->rows, ==, 4 + 3 + 1 + 3);
    rp_funnel_clear(&f);
}

static void funnel_in_german(void)
{
    g_assert_cmpstr(tx_set_language("de-AT"), ==, "de");
    RpSource s = source_of(deals());
    RpFunnel f;
    char *message = NULL;
    g_assert_true(rp_funnel_plan(&s, 10000, &f, &message));
    g_assert_cmpstr(f.plan->sheet_base, ==, "Trichter");
    g_assert_cmpstr(text_at(f.plan, 7, 0), ==, "Gewonnen");
    g_assert_cmpstr(text_at(f.plan, 3, 1), ==, "Erreichte Deals");
    rp_funnel_clear(&f);
    tx_set_language("en");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/report/funnel/cells", funnel_cells);
    g_test_add_func("/report/funnel/without-amounts", funnel_without_amounts);
    g_test_add_func("/report/funnel/refusals", funnel_refusals);
    g_test_add_func("/report/funnel/large-and-odd", funnel_large_and_odd);
    g_test_add_func("/report/funnel/german", funnel_in_german);
    return g_test_run();
}
