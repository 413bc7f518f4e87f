/* test-patterns-plan.c - what Write patterns writes, planned without an office. */
#include "pc_deals.h"
#include "report-tables.h"
#include "rp_patterns.h"
#include "tx.h"

#include <math.h>

/* Numbers in sentences as the tests read them: a point, no grouping. */
static char *number_en(double v, int decimals)
{
    return g_strdup_printf("%.*f", decimals, v);
}

/* ... and with a decimal comma, as a German office writes them. */
static char *number_de(double v, int decimals)
{
    char *s = g_strdup_printf("%.*f", decimals, v);
    g_strdelimit(s, ".", ',');
    return s;
}

/* Wilson's 90 % interval of K won of N closed, written out independently of pc_deals. */
static void wilson(double k, double n, double *lo, double *hi)
{
    double z = 1.6448536269514722, p = k / n;
    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    double half = z / (1 + z * z / n) * sqrt(p * (1 - p) / n + z * z / (4 * n * n));
    *lo = centre - half;
    *hi = centre + half;
}

/* The deals of one lead source. */
typedef struct {
    const char *source;
    int won, lost, open;
    double won_amount, cycle, open_amount;
} Group;

/* 73 deals D1..D73, by source (in this order, each won, then lost, then open):
 *   Referral 16 won (1000 each, 20 days), 4 lost, 2 open (3000 each): D1-D22
 *   Web       8 won (500 each, 50 days), 32 lost, 3 open (100 each):  D23-D65
 *   Fair      3 won (2000 each, 30 days), 2 lost, 1 open (400):      D66-D71
 *   (blank)   1 won (700, no dates), 1 lost:                          D72-D73
 * 67 closed, 28 won: 41.8 % overall; the average cycle of the 27 dated won deals is
 * (16 x 20 + 8 x 50 + 3 x 30) / 27 = 30 days. Fair and the blank source have fewer than 10
 * closed deals: Other, 4 won of 7, 1 open, average won (3 x 2000 + 700) / 4 = 1675.
 * Stage: the won deals "Won"; the first 30 lost deals "Lead", the other 9 "Proposal"; the
 * open deals "Proposal". So 67 closed deals reached Lead, 37 Proposal (28 won + 9), 28
 * won: Lead -> Proposal 55 %, Proposal -> won 76 %.
 * Region R0..R9 by row (every value thin), Notes a text per row (free text), Country "DE"
 * everywhere (one value). */
static PcTable *deals(void)
{
    static const Group GROUPS[] = {
        { "Referral", 16, 4, 2, 1000, 20, 3000 },
        { "Web", 8, 32, 3, 500, 50, 100 },
        { "Fair", 3, 2, 1, 2000, 30, 400 },
        { "", 1, 1, 0, 700, NAN, 0 },
    };
    static const char *const HEAD[] = { "Deal", "Source", "Region", "Notes", "Country", "Stage",
                                        "Amount", "Status", "Created", "Close date" };
    PcTable *t = pc_table_new(74, 10);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, t);
    for (gsize c = 0; c < 10; c++)
        pc_table_set_text(t, 0, c, HEAD[c], -1);
    gsize r = 1, lost = 0;
    for (gsize g = 0; g < G_N_ELEMENTS(GROUPS); g++) {
        const Group *grp = &GROUPS[g];
        for (int i = 0; i < grp->won + grp->lost + grp->open; i++, r++) {
            char text[32];
            g_snprintf(text, sizeof text, "D%zu", r);
            pc_table_set_text(t, r, 0, text, -1);
            pc_table_set_text(t, r, 1, grp->source, -1);
            g_snprintf(text, sizeof text, "R%zu", r % 10);
            pc_table_set_text(t, r, 2, text, -1);
            g_snprintf(text, sizeof text, "called on day %zu", r);
            pc_table_set_text(t, r, 3, text, -1);
            pc_table_set_text(t, r, 4, "DE", -1);
            if (i < grp->won) {
                pc_table_set_text(t, r, 5, "Won", -1);
                pc_table_set_number(t, r, 6, grp->won_amount);
                pc_table_set_text(t, r, 7, "Won", -1);
                if (!isnan(grp->cycle)) {
                    pc_table_set_number(t, r, 8, 100);
                    pc_table_set_number(t, r, 9, 100 + grp->cycle);
                }
            } else if (i < grp->won + grp->lost) {
                pc_table_set_text(t, r, 5, lost++ < 30 ? "Lead" : "Proposal", -1);
                pc_table_set_number(t, r, 6, 50);
                pc_table_set_text(t, r, 7, "Lost", -1);
                pc_table_set_number(t, r, 8, 100);
                pc_table_set_number(t, r, 9, 110);
            } else {
                pc_table_set_text(t, r, 5, "Proposal", -1);
                pc_table_set_number(t, r, 6, grp->open_amount);
                pc_table_set_number(t, r, 8, 200);
            }
        }
    }
    g_assert_cmpuint(r, ==, 74);
    return t;
}

/* A dated stage log of the deals above and two the table does not have (X9, 77):
 *   D1  (won in the table) Lead 0, Proposal 10, Won 31
 *   D17 (lost in the table) Lead 0, Proposal 4
 *   D21 Lead 2, Qualified 8, Proposal 20;  D22 Lead 5
 *   X9  Lead 1, Proposal 3;  77 Lead 0, Lead 5 (the same stay), Qualified 16
 *   D63 Proposal 0, Lead 7
 * Completed stays: Lead 10, 4, 6, 2, 16 -> [2 4 6 10 16]: median 6, P90 at rank 3.6:
 * 10 + 0.6 x 6 = 13.6; Proposal 21 (D1), 7 (D63): median 14, P90 7 + 0.9 x 14 = 19.6;
 * Qualified 12 (D21): 12 and 12. Open: Lead D22 (since 5), D63 (7); Proposal D17 (4), D21
 * (20), X9 (3); Qualified 77 (16); Won D1 (an outcome: left out).
 * On day 40: Lead 35 and 33 days > 13.6; Proposal D17 36 (closed in the table: left out),
 * D21 20 > 19.6, X9 37; Qualified 77 24 > 12. */
static const PcTable *stage_log(void)
{
    return TAB(17, 3, "Deal", "Stage", "Date entered",
               "D1", "Lead", "#0", "D1", "Proposal", "#10", "D1", "Won", "#31",
               "D17", "Lead", "#0", "D17", "Proposal", "#4",
               "D21", "Lead", "#2", "D21", "Qualified", "#8", "D21", "Proposal", "#20",
               "D22", "Lead", "#5",
               "X9", "Lead", "#1", "X9", "Proposal", "#3",
               "#77", "Lead", "#0", "#77", "Lead", "#5", "#77", "Qualified", "#16",
               "D63", "Proposal", "#0", "D63", "Lead", "#7");
}

/* The block of the Source column: rows 11 (its header) to 15 (all deals). */
static void check_source_block(const RpPlan *p)
{
    static const char *const HEAD[] = { "Source", "Closed deals", "Won deals", "Win rate",
                                        "Win rate low (90 %)", "Win rate high (90 %)",
                                        "Average won deal", "Average cycle (days)", "Open deals",
                                        "Velocity (per day)" };
    for (gsize j = 0; j < 10; j++) {
        g_assert_cmpstr(text_at(p, 11, j), ==, HEAD[j]);
        g_assert_cmpint(style_at(p, 11, j), ==, RP_STYLE_HEADER);
    }
    /* sorted by win rate: Referral 80 %, Web 20 %; then Other, then all deals */
    g_assert_cmpstr(text_at(p, 12, 0), ==, "Referral");
    g_assert_cmpstr(text_at(p, 13, 0), ==, "Web");
    g_assert_cmpstr(text_at(p, 14, 0), ==, "Other (2 values with fewer than 10 closed deals each)");
    g_assert_cmpstr(text_at(p, 15, 0), ==, "All deals");
    static const double CLOSED[] = { 20, 40, 7, 67 }, WON[] = { 16, 8, 4, 28 };
    static const double AVERAGE[] = { 1000, 500, 1675, 26700.0 / 28 }, CYCLE[] = { 20, 50, 30, 30 };
    static const double OPEN[] = { 2, 3, 1, 6 };
    for (gsize i = 0; i < 4; i++) {
        gsize row = 12 + i;
        double lo, hi, rate = WON[i] / CLOSED[i];
        wilson(WON[i], CLOSED[i], &lo, &hi);
        g_assert_cmpfloat(number_at(p, row, 1), ==, CLOSED[i]);
        g_assert_cmpint(format_at(p, row, 1), ==, RP_FORMAT_INTEGER);
        g_assert_cmpfloat(number_at(p, row, 2), ==, WON[i]);
        g_assert_cmpint(format_at(p, row, 2), ==, RP_FORMAT_INTEGER);
        g_assert_cmpfloat_with_epsilon(number_at(p, row, 3), rate, 1e-15);
        g_assert_cmpint(format_at(p, row, 3), ==, RP_FORMAT_PERCENT);
        g_assert_cmpfloat_with_epsilon(number_at(p, row, 4), lo, 1e-12);
        g_assert_cmpint(format_at(p, row, 4), ==, RP_FORMAT_PERCENT);
        g_assert_cmpfloat_with_epsilon(number_at(p, row, 5), hi, 1e-12);
        g_assert_cmpint(format_at(p, row, 5), ==, RP_FORMAT_PERCENT);
        g_assert_cmpfloat_with_epsilon(number_at(p, row, 6), AVERAGE[i], 1e-9);
        g_assert_cmpint(format_at(p, row, 6), ==, RP_FORMAT_AMOUNT);
        g_assert_cmpfloat_with_epsilon(number_at(p, row, 7), CYCLE[i], 1e-12);
        g_assert_cmpint(format_at(p, row, 7), ==, RP_FORMAT_INTEGER);
        g_assert_cmpfloat(number_at(p, row, 8), ==, OPEN[i]);
        g_assert_cmpint(format_at(p, row, 8), ==, RP_FORMAT_INTEGER);
        /* velocity: open x win rate x average won / average cycle */
        g_assert_cmpfloat_with_epsilon(number_at(p, row, 9), OPEN[i] * rate * AVERAGE[i] / CYCLE[i],
                                       1e-9);
        g_assert_cmpint(format_at(p, row, 9), ==, RP_FORMAT_AMOUNT);
    }
    g_assert_cmpfloat_with_epsilon(number_at(p, 12, 9), 80, 1e-9);     /* 2 x 0.8 x 1000 / 20 */
    g_assert_cmpfloat_with_epsilon(number_at(p, 13, 9), 6, 1e-9);      /* 3 x 0.2 x 500 / 50 */
    g_assert_cmpfloat_with_epsilon(number_at(p, 14, 9), 670.0 / 21, 1e-9); /* 4/7 x 1675 / 30 */
    g_assert_cmpint(style_at(p, 14, 0), ==, RP_STYLE_MUTED);
    g_assert_cmpint(style_at(p, 15, 0), ==, RP_STYLE_TOTAL);
    g_assert_cmpint(style_at(p, 15, 9), ==, RP_STYLE_TOTAL);
    g_assert_cmpint(rp_cell_at(p, 16, 0)->kind, ==, RP_EMPTY);
}

static void patterns_cells(void)
{
    RpSource s = source_of(deals());
    RpPatterns r;
    char *message = NULL;
    g_assert_true(rp_patterns_plan(&s, NULL, 40, number_en, &r, &message));
    g_assert_null(message);
    const RpPlan *p = r.plan;
    g_assert_cmpint(p->place, ==, RP_PLACE_SHEET);
    g_assert_cmpstr(p->marker, ==, "PIPECALC_PATTERNS");
    g_assert_cmpstr(p->sheet_base, ==, "Patterns");
    g_assert_cmpstr(p->undo_title, ==, "Pipecalc: write patterns");
    g_assert_cmpuint(p->rows, ==, 18);
    g_assert_cmpuint(p->cols, ==, 10);
    g_assert_cmpint(p->amount_col, ==, 6);
    g_assert_cmpuint(p->freeze_rows, ==, 0);
    g_assert_cmpstr(text_at(p, 0, 0), ==, "Patterns: what wins deals");
    g_assert_cmpint(style_at(p, 0, 0), ==, RP_STYLE_TITLE);
    g_assert_cmpstr(text_at(p, 1, 0), ==, "From Deals.A1:J74: 67 closed deals, 28 of them won: "
                                          "42 % overall.");
    g_assert_cmpint(style_at(p, 1, 0), ==, RP_STYLE_NOTE);
    /* what stands out first, largest difference first: Referral's interval 62-91 % lies
     * above 41.8 % (+38 points), Web's 12-32 % below (-22) */
    g_assert_cmpstr(text_at(p, 2, 0), ==, "What stands out");
    g_assert_cmpint(style_at(p, 2, 0), ==, RP_STYLE_HEADER);
    g_assert_cmpstr(text_at(p, 3, 0), ==, "Source Referral: won 80 % (± 14 %) vs 42 % overall, "
                                          "10 days faster.");
    g_assert_cmpstr(text_at(p, 4, 0), ==, "Source Web: won 20 % (± 10 %) vs 42 % overall, 20 days "
                                          "slower.");
    g_assert_cmpint(style_at(p, 3, 0), ==, RP_STYLE_NONE);
    g_assert_cmpuint(r.standouts, ==, 2);
    g_assert_cmpstr(r.first_standout, ==, text_at(p, 3, 0));
    /* the rule and the threshold, then the columns left out and why, then the dates */
    g_assert_cmpstr(text_at(p, 5, 0), ==, "A value stands out when the 90 % interval of its win "
                                          "rate lies entirely above or below the overall win "
                                          "rate. Values with fewer than 10 closed deals are "
                                          "grouped as Other: their win rates would be mostly "
                                          "chance.");
    g_assert_cmpstr(text_at(p, 6, 0), ==, "Not broken down, more than 50 different values (free "
                                          "text): Notes.");
    g_assert_cmpstr(text_at(p, 7, 0), ==, "Not broken down, the same value in every row: Country.");
    g_assert_cmpstr(text_at(p, 8, 0), ==, "Not broken down, no value with 10 or more closed "
                                          "deals: Region.");
    g_assert_cmpstr(text_at(p, 9, 0), ==, "1 won deal has no usable Created and Close date "
                                          "(missing, or closed before created): it is left out "
                                          "of the average cycle.");
    for (gsize row = 5; row <= 9; row++)
        g_assert_cmpint(style_at(p, row, 0), ==, RP_STYLE_NOTE);
    /* each sentence is merged across the sheet: it sizes no column */
    gboolean merged = FALSE;
    for (guint i = 0; i < p->merges->len; i++) {
        const RpRect *m = &g_array_index(p->merges, RpRect, i);
        merged = merged || (m->row0 == 3 && m->row1 == 3 && m->col0 == 0 && m->col1 == 9);
    }
    g_assert_true(merged);
    g_assert_cmpfloat(p->widths[0], <=, 30);
    g_assert_cmpint(rp_cell_at(p, 10, 0)->kind, ==, RP_EMPTY);
    check_source_block(p);
    g_assert_cmpuint(r.columns, ==, 1);
    /* no stage log: what one would add */
    g_assert_cmpstr(text_at(p, 17, 0), ==, "With a dated stage log (deal id | stage | date "
                                           "entered) this sheet also shows how long deals stay "
                                           "in each stage and where they stall.");
    g_assert_false(r.log_used);
    g_assert_cmpuint(r.stalled, ==, 0);
    /* the chart: win rate by source, Other and all deals included, beside the block */
    g_assert_cmpuint(p->charts->len, ==, 1);
    const RpChart *c = g_ptr_array_index(p->charts, 0);
    g_assert_cmpint(c->type, ==, RP_CHART_BARS);
    g_assert_cmpuint(c->data.row0, ==, 11);
    g_assert_cmpuint(c->data.row1, ==, 15);
    g_assert_cmpuint(c->data.col0, ==, 0);
    g_assert_cmpuint(c->n_series, ==, 1);
    g_assert_cmpuint(c->series[0], ==, 3);
    g_assert_cmpstr(c->title, ==, "Win rate by Source");
    g_assert_true(c->reverse_categories);
    g_assert_cmpint(c->value_format, ==, RP_FORMAT_PERCENT);
    g_assert_cmpuint(c->row, ==, 11);
    g_assert_cmpuint(c->col, ==, 11);
    rp_patterns_clear(&r);
}

/* The Other row is pc_deals' count of its values' rows, added one by one. */
static void patterns_other_is_the_thin_deals(void)
{
    RpSource s = source_of(deals());
    RpPatterns r;
    char *message = NULL;
    g_assert_true(rp_patterns_plan(&s, NULL, 40, number_en, &r, &message));
    PcDeals d = PC_DEALS_INIT;
    for (int i = 0; i < 3; i++)
        pc_deals_add(&d, PC_OUTCOME_WON, 2000, 30);
    pc_deals_add(&d, PC_OUTCOME_LOST, 50, NAN);
    pc_deals_add(&d, PC_OUTCOME_LOST, 50, NAN);
    pc_deals_add(&d, PC_OUTCOME_NONE, 400, NAN);
    pc_deals_add(&d, PC_OUTCOME_WON, 700, NAN);
    pc_deals_add(&d, PC_OUTCOME_LOST, 50, NAN);
    g_assert_cmpfloat(number_at(r.plan, 14, 3), ==, pc_deals_win_rate(&d));
    g_assert_cmpfloat(number_at(r.plan, 14, 6), ==, pc_deals_average_won(&d));
    g_assert_cmpfloat(number_at(r.plan, 14, 7), ==, pc_deals_average_cycle(&d));
    g_assert_cmpfloat(number_at(r.plan, 14, 9), ==, pc_deals_velocity(&d));
    rp_patterns_clear(&r);
}

static void patterns_stage_log(void)
{
    RpSource s = source_of(deals());
    RpPatterns r;
    char *message = NULL;
    g_assert_true(rp_patterns_plan(&s, stage_log(), 40, number_en, &r, &message));
    g_assert_null(message);
    const RpPlan *p = r.plan;
    g_assert_true(r.log_used);
    g_assert_cmpuint(p->rows, ==, 34);
    check_source_block(p); /* the rest as without the log */
    g_assert_cmpstr(text_at(p, 17, 0), ==, "Time in stage");
    g_assert_cmpint(style_at(p, 17, 0), ==, RP_STYLE_HEADER);
    static const char *const HEAD[] = { "Stage", "Completed stays", "Median days", "P90 days",
                                        "Still open" };
    for (gsize j = 0; j < 5; j++) {
        g_assert_cmpstr(text_at(p, 18, j), ==, HEAD[j]);
        g_assert_cmpint(style_at(p, 18, j), ==, RP_STYLE_HEADER);
    }
    /* the table's funnel order (Lead, Proposal), then the log's other stage; Won (an
     * outcome) left out */
    static const char *const STAGE[] = { "Lead", "Proposal", "Qualified" };
    static const double DONE[] = { 5, 2, 1 }, MEDIAN[] = { 6, 14, 12 }, P90[] = { 13.6, 19.6, 12 };
    static const double OPEN[] = { 2, 3, 1 };
    for (gsize i = 0; i < 3; i++) {
        gsize row = 19 + i;
        g_assert_cmpstr(text_at(p, row, 0), ==, STAGE[i]);
        g_assert_cmpfloat(number_at(p, row, 1), ==, DONE[i]);
        g_assert_cmpfloat_with_epsilon(number_at(p, row, 2), MEDIAN[i], 1e-12);
        g_assert_cmpfloat_with_epsilon(number_at(p, row, 3), P90[i], 1e-12);
        g_assert_cmpfloat(number_at(p, row, 4), ==, OPEN[i]);
        for (gsize j = 1; j <= 4; j++)
            g_assert_cmpint(format_at(p, row, j), ==, RP_FORMAT_INTEGER);
    }
    g_assert_cmpint(rp_cell_at(p, 22, 0)->kind, ==, RP_EMPTY);
    g_assert_cmpstr(text_at(p, 23, 0), ==, "Where deals stall");
    /* 37 of the 67 closed deals that reached Lead reached Proposal (55 %); 28 of 37 won */
    g_assert_cmpstr(text_at(p, 24, 0), ==, "The largest drop is after Lead: 55 % of the 67 closed "
                                           "deals that reached it went on to Proposal.");
    g_assert_cmpstr(text_at(p, 25, 0), ==, "Deals stay longest in Proposal: a median of 14 days "
                                           "(P90: 20).");
    g_assert_cmpstr(text_at(p, 27, 0), ==, "Open longer than usual: in their stage longer than "
                                           "90 % of the completed stays there");
    static const char *const LATE_HEAD[] = { "Deal", "Stage", "Days in stage", "P90 days" };
    for (gsize j = 0; j < 4; j++)
        g_assert_cmpstr(text_at(p, 28, j), ==, LATE_HEAD[j]);
    /* longest first; D17 (lost in the table) and D1 (in Won) are not listed */
    static const char *const DEAL[] = { "X9", "D22", "D63", NULL, "D21" };
    static const char *const IN[] = { "Proposal", "Lead", "Lead", "Qualified", "Proposal" };
    static const double DAYS[] = { 37, 35, 33, 24, 20 }, LIMIT[] = { 19.6, 13.6, 13.6, 12, 19.6 };
    for (gsize i = 0; i < 5; i++) {
        gsize row = 29 + i;
        if (DEAL[i])
            g_assert_cmpstr(text_at(p, row, 0), ==, DEAL[i]);
        else /* the id 77 is a number in the log: it stays one */
            g_assert_cmpfloat(number_at(p, row, 0), ==, 77);
        g_assert_cmpstr(text_at(p, row, 1), ==, IN[i]);
        g_assert_cmpfloat(number_at(p, row, 2), ==, DAYS[i]);
        g_assert_cmpint(format_at(p, row, 2), ==, RP_FORMAT_INTEGER);
        g_assert_cmpfloat_with_epsilon(number_at(p, row, 3), LIMIT[i], 1e-12);
    }
    g_assert_cmpuint(r.stalled, ==, 5);
    rp_patterns_clear(&r);
    /* on day 23: X9 20 days > 19.6, D22 18 and D63 16 > 13.6; 77 7 and D21 3 are not */
    g_assert_true(rp_patterns_plan(&s, stage_log(), 23, number_en, &r, &message));
    g_assert_cmpuint(r.stalled, ==, 3);
    g_assert_cmpuint(r.plan->rows, ==, 32);
    g_assert_cmpstr(text_at(r.plan, 29, 0), ==, "X9");
    g_assert_cmpstr(text_at(r.plan, 31, 0), ==, "D63");
    rp_patterns_clear(&r);
    /* on day 21: X9 18 days is within Proposal's 19.6 */
    g_assert_true(rp_patterns_plan(&s, stage_log(), 21, number_en, &r, &message));
    g_assert_cmpuint(r.stalled, ==, 2);
    g_assert_cmpstr(text_at(r.plan, 29, 0), ==, "D22");
    rp_patterns_clear(&r);
    /* Data checks' count and longest deal: the same deals */
    gsize n = 0;
    char *longest = NULL;
    g_assert_true(rp_patterns_stalled(&s, stage_log(), 40, number_en, &n, &longest));
    g_assert_cmpuint(n, ==, 5);
    g_assert_cmpstr(longest, ==, "X9: 37 days in Proposal (P90: 20)");
    g_free(longest);
    g_assert_true(rp_patterns_stalled(&s, stage_log(), 0, number_en, &n, &longest));
    g_assert_cmpuint(n, ==, 0);
    g_assert_null(longest);
    /* long before: no deal is late */
    g_assert_true(rp_patterns_plan(&s, stage_log(), 5, number_en, &r, &message));
    g_assert_cmpuint(r.stalled, ==, 0);
    g_assert_cmpuint(r.plan->rows, ==, 29);
    g_assert_cmpstr(text_at(r.plan, 28, 0), ==, "No open deal has been in its stage longer than "
                                                "the P90 of the completed stays there.");
    rp_patterns_clear(&r);
    /* no date given: no listing */
    g_assert_true(rp_patterns_plan(&s, stage_log(), NAN, number_en, &r, &message));
    g_assert_cmpuint(r.plan->rows, ==, 27);
    g_assert_true(r.log_used);
    rp_patterns_clear(&r);
}

/* More than RP_PATTERNS_MAX_LISTED late deals: the longest 50, then how many more. */
static void patterns_many_late(void)
{
    RpSource s = source_of(deals());
    gsize n = 60;
    PcTable *log = pc_table_new(2 * n + 2, 3);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, log);
    /* Z0 completes a Lead stay of 1 day; Y1..Y60 entered Lead on days 1..60 */
    pc_table_set_text(log, 0, 0, "Z0", -1);
    pc_table_set_text(log, 0, 1, "Lead", -1);
    pc_table_set_number(log, 0, 2, 0);
    pc_table_set_text(log, 1, 0, "Z0", -1);
    pc_table_set_text(log, 1, 1, "Won", -1);
    pc_table_set_number(log, 1, 2, 1);
    for (gsize i = 1; i <= n; i++) {
        char id[16];
        g_snprintf(id, sizeof id, "Y%zu", i);
        pc_table_set_text(log, 1 + i, 0, id, -1);
        pc_table_set_text(log, 1 + i, 1, "Lead", -1);
        pc_table_set_number(log, 1 + i, 2, (double)i);
    }
    for (gsize r = n + 2; r < log->rows; r++) /* blank rows are skipped */
        for (gsize c = 0; c < 3; c++)
            pc_table_set_text(log, r, c, " ", -1);
    RpPatterns r;
    char *message = NULL;
    g_assert_true(rp_patterns_plan(&s, log, 100, number_en, &r, &message));
    g_assert_cmpuint(r.stalled, ==, 60);
    const RpPlan *p = r.plan;
    /* Time in stage: Lead only (Won is an outcome); the listing from row 27 */
    g_assert_cmpstr(text_at(p, 19, 0), ==, "Lead");
    g_assert_cmpstr(text_at(p, 20, 0), ==, "");
    g_assert_cmpstr(text_at(p, 25, 0), ==, "Open longer than usual: in their stage longer than "
                                           "90 % of the completed stays there");
    g_assert_cmpstr(text_at(p, 27, 0), ==, "Y1");                  /* 99 days */
    g_assert_cmpfloat(number_at(p, 27, 2), ==, 99);
    g_assert_cmpfloat(number_at(p, 27, 3), ==, 1);
    g_assert_cmpstr(text_at(p, 27 + 49, 0), ==, "Y50");            /* the 50th: 50 days */
    g_assert_cmpstr(text_at(p, 27 + 50, 0), ==, "... and 10 more");
    g_assert_cmpint(style_at(p, 27 + 50, 0), ==, RP_STYLE_MUTED);
    g_assert_cmpuint(p->rows, ==, 27 + 51);
    rp_patterns_clear(&r);
}

/* A log that does not read: the reason, and the rest of the sheet. */
static void patterns_log_unread(void)
{
    RpSource s = source_of(deals());
    RpPatterns r;
    char *message = NULL;
    const PcTable *two = TAB(2, 2, "D1", "Lead", "D2", "Proposal");
    g_assert_true(rp_patterns_plan(&s, two, 40, number_en, &r, &message));
    g_assert_null(message);
    g_assert_false(r.log_used);
    g_assert_cmpuint(r.plan->rows, ==, 18);
    check_source_block(r.plan);
    g_assert_cmpstr(text_at(r.plan, 17, 0), ==, "The stage log could not be read: StageLog must "
                                                "have three columns (deal id | stage | date "
                                                "entered), not 2 columns. The rest of the sheet "
                                                "is written without it.");
    g_assert_cmpint(style_at(r.plan, 17, 0), ==, RP_STYLE_NOTE);
    rp_patterns_clear(&r);
    const PcTable *text_date = TAB(2, 3, "D1", "Lead", "#1", "D1", "Proposal", "soon");
    g_assert_true(rp_patterns_plan(&s, text_date, 40, number_en, &r, &message));
    g_assert_cmpstr(text_at(r.plan, 17, 0), ==, "The stage log could not be read: StageLog row 2: "
                                                "\"soon\" is not a date. The rest of the sheet is "
                                                "written without it.");
    rp_patterns_clear(&r);
}

/* Two sources alike, no amounts, no dates, no stage column: nothing stands out, figures
 * that cannot be said are "-", and the log part says what it cannot. */
static void patterns_nothing_stands_out(void)
{
    PcTable *t = pc_table_new(23, 3);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, t);
    pc_table_set_text(t, 0, 0, "Deal", -1);
    pc_table_set_text(t, 0, 1, "Owner", -1);
    pc_table_set_text(t, 0, 2, "Won", -1);
    for (gsize r = 1; r < 23; r++) {
        char id[16];
        g_snprintf(id, sizeof id, "N%zu", r);
        pc_table_set_text(t, r, 0, id, -1);
        pc_table_set_text(t, r, 1, r <= 11 ? "Anna" : "Ben", -1);
        /* Anna 5 won of 10 and one open; Ben 5 of 11 */
        if (r == 11)
            pc_table_set_text(t, r, 2, "open", -1);
        else
            pc_table_set_text(t, r, 2, r % 2 ? "yes" : "no", -1);
    }
    RpSource s = source_of(t);
    g_assert_cmpint(s.roles[1], ==, PC_ROLE_OWNER);
    RpPatterns r;
    char *message = NULL;
    const PcTable *log = TAB(3, 3, "N11", "Lead", "#1", "N11", "Call", "#4", "N3", "Call", "#2");
    g_assert_true(rp_patterns_plan(&s, log, NAN, number_en, &r, &message));
    const RpPlan *p = r.plan;
    g_assert_cmpuint(r.standouts, ==, 0);
    /* 10 won of 21 closed: 48 % */
    g_assert_cmpstr(text_at(p, 3, 0), ==, "No value's win rate differs from the overall 48 % by "
                                          "more than chance (at 90 %).");
    g_assert_cmpstr(r.first_standout, ==, text_at(p, 3, 0));
    g_assert_cmpstr(text_at(p, 5, 0), ==, "The table has no amount column: no average won deal "
                                          "and no velocity. The table has no Created and Close "
                                          "date columns: no average cycle.");
    /* the block: Anna 5/10 above Ben 5/11, no Other row */
    g_assert_cmpstr(text_at(p, 7, 0), ==, "Owner");
    g_assert_cmpstr(text_at(p, 8, 0), ==, "Anna");
    g_assert_cmpstr(text_at(p, 9, 0), ==, "Ben");
    g_assert_cmpstr(text_at(p, 10, 0), ==, "All deals");
    g_assert_cmpfloat(number_at(p, 8, 8), ==, 1);
    g_assert_cmpfloat(number_at(p, 9, 8), ==, 0);
    for (gsize row = 8; row <= 10; row++) {
        g_assert_cmpstr(text_at(p, row, 6), ==, "-");
        g_assert_cmpstr(text_at(p, row, 7), ==, "-");
        g_assert_cmpstr(text_at(p, row, 9), ==, "-");
    }
    /* the log: N11 Lead 1 -> Call 4 (a Lead stay of 3 days); Call open twice, never left */
    g_assert_cmpstr(text_at(p, 14, 0), ==, "Lead");
    g_assert_cmpfloat(number_at(p, 14, 2), ==, 3);
    g_assert_cmpstr(text_at(p, 15, 0), ==, "Call");
    g_assert_cmpstr(text_at(p, 15, 2), ==, "-");
    g_assert_cmpfloat(number_at(p, 15, 4), ==, 2);
    g_assert_cmpstr(text_at(p, 18, 0), ==, "The table has no stage column with stages besides won "
                                           "and lost: where deals drop out cannot be said.");
    g_assert_cmpstr(text_at(p, 19, 0), ==, "Deals stay longest in Lead: a median of 3 days (P90: "
                                           "3).");
    g_assert_cmpuint(p->rows, ==, 21); /* no date: no listing */
    rp_patterns_clear(&r);
}

/* Every column left out: the sheet still says why, with no block and no chart. */
static void patterns_all_thin(void)
{
    RpSource s = source_of(TAB(5, 3, "Deal", "Source", "Status", "A", "Web", "Won", "B", "Web",
                               "Lost", "C", "Fair", "Won", "D", "Fair", "Lost"));
    RpPatterns r;
    char *message = NULL;
    g_assert_true(rp_patterns_plan(&s, NULL, 0, number_en, &r, &message));
    g_assert_cmpuint(r.columns, ==, 0);
    g_assert_cmpuint(r.plan->charts->len, ==, 0);
    g_assert_cmpstr(text_at(r.plan, 3, 0), ==, "No value's win rate differs from the overall 50 % "
                                               "by more than chance (at 90 %).");
    g_assert_cmpstr(text_at(r.plan, 5, 0), ==, "Not broken down, no value with 10 or more closed "
                                               "deals: Source.");
    rp_patterns_clear(&r);
}

static void patterns_refusals(void)
{
    RpPatterns r;
    char *message = NULL;
    RpSource none = source_of(TAB(3, 4, "Deal", "Stage", "Amount", "Status", "A", "Lead", "#1",
                                  "Won", "B", "Lead", "#2", "Lost"));
    g_assert_false(rp_patterns_plan(&none, NULL, 0, number_en, &r, &message));
    g_assert_cmpstr(message, ==, "Patterns needs a column to break the deals down by: an "
                                 "attribute such as Source, Industry or Region, a product or an "
                                 "owner column, or choose one under Column roles. Nothing was "
                                 "written.");
    g_assert_null(r.plan);
    g_clear_pointer(&message, g_free);
    RpSource open_only = source_of(TAB(3, 3, "Deal", "Source", "Stage", "A", "Web", "Lead", "B",
                                       "Fair", "Proposal"));
    g_assert_false(rp_patterns_plan(&open_only, NULL, 0, number_en, &r, &message));
    g_assert_cmpstr(message, ==, "Pipecalc learns from closed deals: the table needs at least one "
                                 "won and one lost row (it has 0 won, 0 lost). Nothing was "
                                 "written.");
    g_clear_pointer(&message, g_free);
    RpSource text_amount = source_of(TAB(4, 4, "Deal", "Source", "Status", "Amount", "A", "X",
                                         "Won", "#1", "B", "X", "Lost", "lots", "C", "X", "", "#5"));
    g_assert_false(rp_patterns_plan(&text_amount, NULL, 0, number_en, &r, &message));
    g_assert_cmpstr(message, ==, "Sheet row 3: the Amount cell holds no number. Nothing was "
                                 "written.");
    g_assert_null(r.plan);
    g_assert_null(r.first_standout);
    g_free(message);
}

/* 100,000 deals, three columns to break down and a stage log of 100,000 entries: planned in
 * well under 2 s (not timed under valgrind, which checks the same case for leaks). */
static void patterns_large(void)
{
    gsize n = 100000;
    PcTable *t = pc_table_new(n + 1, 6);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, t);
    const char *head[] = { "Deal", "Source", "Branche", "Owner", "Amount", "Status" };
    for (gsize c = 0; c < 6; c++)
        pc_table_set_text(t, 0, c, head[c], -1);
    PcTable *log = pc_table_new(n, 3);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, log);
    for (gsize r = 1; r <= n; r++) {
        char text[32];
        g_snprintf(text, sizeof text, "D%zu", r);
        pc_table_set_text(t, r, 0, text, -1);
        g_snprintf(text, sizeof text, "S%zu", r % 7);
        pc_table_set_text(t, r, 1, text, -1);
        g_snprintf(text, sizeof text, "B%zu", r % 13);
        pc_table_set_text(t, r, 2, text, -1);
        g_snprintf(text, sizeof text, "O%zu", r % 40);
        pc_table_set_text(t, r, 3, text, -1);
        pc_table_set_number(t, r, 4, (double)(r % 97) * 100);
        /* S0 wins every second deal, the others every third; one in five is open */
        gboolean won = r % 7 == 0 ? r % 2 == 0 : r % 3 == 0;
        pc_table_set_text(t, r, 5, r % 5 == 0 ? "" : won ? "Won" : "Lost", -1);
        /* the log: D1..D50000 entered Lead on day deal % 100, and deal % 17 days later
         * Proposal; but every fourth instead stays in Lead, and a deal E<deal> not in the
         * table enters Lead then */
        gsize deal = (r + 1) / 2;
        gboolean stays = deal % 4 == 0;
        g_snprintf(text, sizeof text, r % 2 || !stays ? "D%zu" : "E%zu", deal);
        pc_table_set_text(log, r - 1, 0, text, -1);
        pc_table_set_text(log, r - 1, 1, r % 2 || stays ? "Lead" : "Proposal", -1);
        pc_table_set_number(log, r - 1, 2, (double)(deal % 100) + (r % 2 ? 0 : (double)(deal % 17)));
    }
    RpSource s = source_of(t);
    RpPatterns r;
    char *message = NULL;
    gint64 t0 = g_get_monotonic_time();
    g_assert_true(rp_patterns_plan(&s, log, 200, number_en, &r, &message));
    gint64 spent = g_get_monotonic_time() - t0;
    g_test_message("planned in %" G_GINT64_FORMAT " ms", spent / 1000);
    if (!PC_UNDER_VALGRIND()) /* test-tables.h: time runs some 50 times slower there */
        g_assert_cmpint(spent, <, 2000000);
    g_assert_cmpuint(r.columns, ==, 3);
    g_assert_true(r.log_used);
    g_assert_cmpuint(r.standouts, >=, 1);
    g_assert_true(g_str_has_prefix(r.first_standout, "Source S0: won 50 %"));
    /* every deal still in Lead on day 200 is past Lead's P90 (about 15 days): the E deals,
     * and the D deals the table does not show closed */
    g_assert_cmpuint(r.stalled, >, RP_PATTERNS_MAX_LISTED);
    char *more = g_strdup_printf("... and %zu more", r.stalled - RP_PATTERNS_MAX_LISTED);
    g_assert_cmpstr(text_at(r.plan, r.plan->rows - 1, 0), ==, more);
    g_free(more);
    rp_patterns_clear(&r);
}

static void patterns_in_german(void)
{
    g_assert_cmpstr(tx_set_language("de"), ==, "de");
    RpSource s = source_of(deals());
    RpPatterns r;
    char *message = NULL;
    g_assert_true(rp_patterns_plan(&s, stage_log(), 40, number_de, &r, &message));
    const RpPlan *p = r.plan;
    g_assert_cmpstr(p->sheet_base, ==, "Muster");
    g_assert_cmpstr(p->undo_title, ==, "Pipecalc: Muster schreiben");
    g_assert_cmpstr(text_at(p, 3, 0), ==, "Source Referral: gewonnen 80 % (± 14 %) gegenüber 42 % "
                                          "insgesamt, 10 Tage schneller.");
    g_assert_cmpstr(text_at(p, 4, 0), ==, "Source Web: gewonnen 20 % (± 10 %) gegenüber 42 % "
                                          "insgesamt, 20 Tage langsamer.");
    g_assert_cmpstr(text_at(p, 11, 1), ==, "Abgeschlossene Deals");
    g_assert_cmpstr(text_at(p, 14, 0), ==, "Sonstige (2 Werte mit je weniger als 10 "
                                           "abgeschlossenen Deals)");
    g_assert_cmpstr(text_at(p, 15, 0), ==, "Alle Deals");
    g_assert_cmpstr(text_at(p, 17, 0), ==, "Zeit in der Phase");
    g_assert_cmpstr(text_at(p, 24, 0), ==, "Der größte Einbruch kommt nach Lead: 55 % der 67 "
                                           "abgeschlossenen Deals, die diese Phase erreichten, "
                                           "kamen weiter bis Proposal.");
    g_assert_cmpstr(text_at(p, 25, 0), ==, "Am längsten bleiben Deals in Proposal: im Median 14 "
                                           "Tage (P90: 20).");
    rp_patterns_clear(&r);
    tx_set_language("en");
}

/* The chart shows the column of the largest standout: with an Owner column first whose two
 * owners (by row parity) win about as often as all deals, the chart is still by Source. */
static void patterns_chart_follows_the_largest_standout(void)
{
    const PcTable *d = deals();
    PcTable *t = pc_table_new(d->rows, d->cols + 1);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, t);
    for (gsize r = 0; r < d->rows; r++)
        for (gsize c = 0; c < d->cols; c++) {
            const PcCell *cell = pc_table_at(d, r, c);
            gsize to = c == 0 ? 0 : c + 1;
            if (cell->kind == PC_CELL_TEXT)
                pc_table_set_text(t, r, to, pc_table_text(d, cell), -1);
            else if (cell->kind == PC_CELL_NUMBER)
                pc_table_set_number(t, r, to, cell->num);
        }
    pc_table_set_text(t, 0, 1, "Owner", -1);
    for (gsize r = 1; r < t->rows; r++)
        pc_table_set_text(t, r, 1, r % 2 ? "Ann" : "Bob", -1);
    RpSource s = source_of(t);
    RpPatterns p;
    char *message = NULL;
    g_assert_true(rp_patterns_plan(&s, NULL, NAN, number_en, &p, &message));
    g_assert_cmpuint(p.columns, ==, 2);
    const RpChart *c = g_ptr_array_index(p.plan->charts, 0);
    g_assert_cmpstr(c->title, ==, "Win rate by Source");
    g_assert_cmpstr(text_at(p.plan, c->data.row0, 0), ==, "Source");
    /* its corner stays beside the first block, the Owner block */
    g_assert_cmpstr(text_at(p.plan, c->row, 0), ==, "Owner");
    rp_patterns_clear(&p);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/report/patterns/cells", patterns_cells);
    g_test_add_func("/report/patterns/other", patterns_other_is_the_thin_deals);
    g_test_add_func("/report/patterns/stage-log", patterns_stage_log);
    g_test_add_func("/report/patterns/many-late", patterns_many_late);
    g_test_add_func("/report/patterns/log-unread", patterns_log_unread);
    g_test_add_func("/report/patterns/nothing-stands-out", patterns_nothing_stands_out);
    g_test_add_func("/report/patterns/all-thin", patterns_all_thin);
    g_test_add_func("/report/patterns/refusals", patterns_refusals);
    g_test_add_func("/report/patterns/large", patterns_large);
    g_test_add_func("/report/patterns/german", patterns_in_german);
    g_test_add_func("/report/patterns/chart-follows-the-largest-standout",
                    patterns_chart_follows_the_largest_standout);
    return g_test_run();
}
