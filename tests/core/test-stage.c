/* test-stage.c - STAGE_CONVERSION, LEADS_NEEDED and the funnel they share (pc_funnel).
 *
 * Expected values are computed by hand in the comments: "reached" lists, per stage of
 * Lead, Qualified, Proposal, Negotiation, Won, how many deals got at least that far.
 */
#include "test-tables.h"
#include "pc_funnel.h"
#include "pc_stage.h"
#include "pc_table.h"

#include <math.h>
#include <string.h>


static PcTable *order5(void)
{
    return COL("Lead", "Qualified", "Proposal", "Negotiation", "Won");
}

/* Furthest stages of 8 deals. reached: Lead 8, Qualified 6, Proposal 4, Negotiation 3,
 * Won 2. */
static PcTable *furthest8(void)
{
    return COL("Lead", "Qualified", "Proposal", "Won", "Qualified", "Lead", "Negotiation",
               "Won");
}

static double conv_ok(const PcTable *data, const char *from, const char *to,
                      const PcTable *order, const PcTable *ignore)
{
    double r = -1;
    PcError err;
    pc_error_clear(&err);
    PcStatus st = pc_stage_conversion(data, from, to, order, ignore, &r, &err);
    if (st != PC_OK)
        g_test_message("unexpected %s: %s", pc_status_name(st), err.message);
    g_assert_cmpint(st, ==, PC_OK);
    return r;
}

/* Assert that STAGE_CONVERSION fails with WANT at argument ARG, row ROW; return the
 * message (valid until the next call). */
static const char *conv_fails(const PcTable *data, const char *from, const char *to,
                              const PcTable *order, const PcTable *ignore, PcStatus want,
                              int arg, gssize row)
{
    static PcError err;
    double r = -1;
    pc_error_clear(&err);
    g_assert_cmpint(pc_stage_conversion(data, from, to, order, ignore, &r, &err), ==, want);
    g_assert_cmpint(err.status, ==, want);
    g_assert_cmpint(err.arg, ==, arg);
    g_assert_cmpint(err.row, ==, row);
    g_assert_cmpfloat(r, ==, -1); /* untouched */
    g_assert_cmpstr(err.message, !=, "");
    return err.message;
}

static double leads_ok(double target, const PcTable *data, const char *from,
                       const PcTable *order, const PcTable *ignore, const PcTable *size)
{
    double r = -1;
    PcError err;
    pc_error_clear(&err);
    PcStatus st = pc_leads_needed(target, data, from, order, ignore, size, &r, &err);
    if (st != PC_OK)
        g_test_message("unexpected %s: %s", pc_status_name(st), err.message);
    g_assert_cmpint(st, ==, PC_OK);
    return r;
}

static void leads_fails(double target, const PcTable *data, const char *from,
                        const PcTable *order, const PcTable *ignore, const PcTable *size,
                        PcStatus want, int arg)
{
    double r = -1;
    PcError err;
    pc_error_clear(&err);
    g_assert_cmpint(pc_leads_needed(target, data, from, order, ignore, size, &r, &err), ==,
                    want);
    g_assert_cmpint(err.arg, ==, arg);
    g_assert_cmpfloat(r, ==, -1);
}

#define assert_near(a, b) g_assert_cmpfloat_with_epsilon((a), (b), 1e-12)

/* STAGE_CONVERSION: furthest stage per deal */

static void conversion_one_column(void)
{
    assert_near(conv_ok(furthest8(), "Qualified", "Won", order5(), NULL), 2.0 / 6.0);
    assert_near(conv_ok(furthest8(), "Lead", "Proposal", order5(), NULL), 4.0 / 8.0);
    assert_near(conv_ok(furthest8(), "Proposal", "Negotiation", order5(), NULL), 3.0 / 4.0);
    assert_near(conv_ok(furthest8(), "Lead", "Won", order5(), NULL), 2.0 / 8.0);
}

static void conversion_row_arguments(void)
{
    /* StageData and StageOrder as rows; a one-row StageData of 2 cells is 2 deals */
    PcTable *order = ROW("Lead", "Qualified", "Proposal", "Negotiation", "Won");
    PcTable *data = ROW("Lead", "Qualified", "Proposal", "Won", "Qualified", "Lead",
                        "Negotiation", "Won");
    assert_near(conv_ok(data, "Qualified", "Won", order, NULL), 2.0 / 6.0);
    assert_near(conv_ok(ROW("Lead", "Won"), "Lead", "Won", order, NULL), 0.5);
}

static void conversion_counts_open_deals(void)
{
    /* the Qualified and Proposal deals are still open: they count as not converted */
    PcTable *data = COL("Qualified", "Won", "Proposal", "Won");
    assert_near(conv_ok(data, "Qualified", "Won", order5(), NULL), 2.0 / 4.0);
}

static void conversion_names_by_key(void)
{
    /* case, no-break space, surrounding white space, NFC */
    PcTable *order = COL("Lead", "Qualifiziert", "\xc3\x84nderung", "Gewonnen");
    PcTable *data = COL("qualifiziert\xc2\xa0", "GEWONNEN", " lead", "A\xcc\x88nderung", "Lead");
    /* reached: Lead 5, Qualifiziert 3, Änderung 2, Gewonnen 1 */
    assert_near(conv_ok(data, "  QUALIFIZIERT", "gewonnen\xc2\xa0", order, NULL), 1.0 / 3.0);
    assert_near(conv_ok(data, "\xc3\xa4nderung", "Gewonnen", order, NULL), 1.0 / 2.0);
}

static void conversion_same_stage(void)
{
    /* From = To: 1 when a deal reached it, #DIV/0! otherwise */
    g_assert_cmpfloat(conv_ok(furthest8(), "Proposal", "Proposal", order5(), NULL), ==, 1.0);
    conv_fails(COL("Lead"), "Won", "Won", order5(), NULL, PC_ERR_DIV0, 1, -1);
}

static void conversion_blank_rows(void)
{
    /* blank cells and white-space texts are skipped wherever they are */
    PcTable *data = COL("", "Lead", " ", "Qualified", "", "Proposal", "Won", "Qualified", "",
                        "Lead", "Negotiation", "\xc2\xa0", "Won", "", "");
    assert_near(conv_ok(data, "Qualified", "Won", order5(), NULL), 2.0 / 6.0);
}

static void conversion_full_column(void)
{
    /* a full Calc column gives the same result as the used range */
    PcTable *t = pc_table_new(1048576, 1);
    const char *stages[] = { "Stage", "Lead", "Qualified", "Proposal", "Won", "Qualified",
                             "Lead", "Negotiation", "Won" };
    for (gsize i = 0; i < G_N_ELEMENTS(stages); i++)
        pc_table_set_text(t, i, 0, stages[i], -1);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, t);
    assert_near(conv_ok(t, "Qualified", "Won", order5(), NULL), 2.0 / 6.0);
    PcTable *log = pc_table_new(1048576, 2);
    pc_table_set_text(log, 0, 0, "Deal", -1);
    pc_table_set_text(log, 0, 1, "Stage", -1);
    pc_table_set_number(log, 1, 0, 1);
    pc_table_set_text(log, 1, 1, "Lead", -1);
    pc_table_set_number(log, 2, 0, 1);
    pc_table_set_text(log, 2, 1, "Won", -1);
    pc_table_set_number(log, 3, 0, 2);
    pc_table_set_text(log, 3, 1, "Qualified", -1);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, log);
    assert_near(conv_ok(log, "Qualified", "Won", order5(), NULL), 1.0 / 2.0);
}

/* STAGE_CONVERSION: the two-column log */

/* D1: Lead, Qualified, Won (skips 2); D2: Lead, Proposal, Qualified (goes back); D3:
 * Proposal only; D4: Lead. Furthest: Won, Proposal, Proposal, Lead.
 * reached: Lead 4, Qualified 3, Proposal 3, Negotiation 1, Won 1. */
static PcTable *log8(void)
{
    return TAB(0, 2,
               "D1", "Lead",
               "D2", "Lead",
               "D1", "Qualified",
               "D3", "Proposal",
               "D2", "Proposal",
               "D2", "Qualified",
               "D1", "Won",
               "D4", "Lead");
}

static void conversion_log(void)
{
    assert_near(conv_ok(log8(), "Qualified", "Won", order5(), NULL), 1.0 / 3.0);
    assert_near(conv_ok(log8(), "Lead", "Qualified", order5(), NULL), 3.0 / 4.0);
    assert_near(conv_ok(log8(), "Lead", "Proposal", order5(), NULL), 3.0 / 4.0);
    assert_near(conv_ok(log8(), "Proposal", "Negotiation", order5(), NULL), 1.0 / 3.0);
}

static void conversion_log_ids(void)
{
    /* numbers by value (17 = 17.0), texts by key ("deal-1" = "DEAL-1 "), a number never
     * equals a text (17 and "17" are two deals).
     * Deals: 17 -> Won; "17" -> Lead; deal-1 -> Proposal; 0 and -0 -> Qualified.
     * reached: Lead 4, Qualified 3, Proposal 2, Negotiation 1, Won 1. */
    PcTable *log = TAB(0, 2,
                       "#17", "Lead",
                       "17", "Lead",
                       "deal-1", "Qualified",
                       "#17.0", "Won",
                       "DEAL-1 ", "Proposal",
                       "#0", "Lead",
                       "#-0", "Qualified");
    assert_near(conv_ok(log, "Lead", "Qualified", order5(), NULL), 3.0 / 4.0);
    assert_near(conv_ok(log, "Qualified", "Proposal", order5(), NULL), 2.0 / 3.0);
    assert_near(conv_ok(log, "Lead", "Won", order5(), NULL), 1.0 / 4.0);
}

static void conversion_headers(void)
{
    /* one column: "Stage" is not a stage, so the first row is a header */
    PcTable *data = COL("Stage", "Lead", "Qualified", "Proposal", "Won", "Qualified", "Lead",
                        "Negotiation", "Won");
    assert_near(conv_ok(data, "Qualified", "Won", order5(), NULL), 2.0 / 6.0);
    /* a first row that is a stage is data */
    assert_near(conv_ok(COL("Lead", "Won"), "Lead", "Won", order5(), NULL), 1.0 / 2.0);
    /* log: "Deal" | "Stage" */
    PcTable *log = TAB(0, 2, "Deal", "Stage", "D1", "Lead", "D1", "Won", "D2", "Lead");
    assert_near(conv_ok(log, "Lead", "Won", order5(), NULL), 1.0 / 2.0);
    /* a deal named like a header is data when its stage is a stage */
    log = TAB(0, 2, "Deal", "Lead", "D1", "Won");
    assert_near(conv_ok(log, "Lead", "Won", order5(), NULL), 1.0 / 2.0);
    /* only the first row */
    conv_fails(COL("Lead", "Stage", "Won"), "Lead", "Won", order5(), NULL, PC_ERR_NA, 0, 1);
    conv_fails(COL("", "Stage", "Won"), "Lead", "Won", order5(), NULL, PC_ERR_NA, 0, 1);
    /* only when every cell is text: a numeric id or a blank id makes it data */
    conv_fails(TAB(0, 2, "#1", "Stage", "D1", "Lead"), "Lead", "Won", order5(), NULL,
               PC_ERR_NA, 0, 0);
    conv_fails(TAB(0, 2, "", "Stage", "D1", "Lead"), "Lead", "Won", order5(), NULL, PC_ERR_NA,
               0, 0);
    /* a stage that is ignored is not a header either: the row is skipped as ignored */
    assert_near(conv_ok(COL("Lost", "Lead", "Won"), "Lead", "Won", order5(), COL("lost")),
                1.0 / 2.0);
}

/* STAGE_CONVERSION: IgnoreStages */

static void conversion_ignore_one_column(void)
{
    /* Lost rows are no deals: Lead, Qualified, Won -> Lead to Won 1/3 */
    PcTable *data = COL("Lead", "Lost", "Qualified", "Won", "Lost");
    assert_near(conv_ok(data, "Lead", "Won", order5(), COL("Lost")), 1.0 / 3.0);
    /* one name as a 1 x 1 table, a range of names (any shape, blanks skipped) */
    assert_near(conv_ok(data, "Lead", "Won", order5(), TAB(1, 1, "LOST")), 1.0 / 3.0);
    PcTable *many = COL("Lead", "Lost", "On hold", "Won");
    assert_near(conv_ok(many, "Lead", "Won", order5(), TAB(2, 2, "Lost", "", " ", "on hold")),
                1.0 / 2.0);
    /* without IgnoreStages the typo-guard fires */
    const char *msg = conv_fails(data, "Lead", "Won", order5(), NULL, PC_ERR_NA, 0, 1);
    g_assert_nonnull(strstr(msg, "row 2"));
    g_assert_nonnull(strstr(msg, "\"Lost\""));
}

static void conversion_ignore_log(void)
{
    /* D1: Lead, Qualified, Lost -> Qualified; D2: Lost only -> no deal; D3: Lead, Won.
     * reached: Lead 2, Qualified 2, Won 1. */
    PcTable *log = TAB(0, 2,
                       "D1", "Lead",
                       "D2", "Lost",
                       "D1", "Qualified",
                       "D1", "Lost",
                       "D3", "Lead",
                       "D3", "Won",
                       "D2", "lost");
    assert_near(conv_ok(log, "Lead", "Won", order5(), COL("Lost")), 1.0 / 2.0);
    assert_near(conv_ok(log, "Lead", "Qualified", order5(), COL("Lost")), 2.0 / 2.0);
    /* an ignored row is skipped whole, even without a deal id */
    PcTable *no_id = TAB(0, 2, "D1", "Lead", "", "Lost", "D1", "Won");
    assert_near(conv_ok(no_id, "Lead", "Won", order5(), COL("Lost")), 1.0);
}

static void conversion_ignore_omitted(void)
{
    /* Calc passes a reference to an empty cell as 0 or as an empty cell: omitted */
    assert_near(conv_ok(furthest8(), "Qualified", "Won", order5(), num(0)), 2.0 / 6.0);
    assert_near(conv_ok(furthest8(), "Qualified", "Won", order5(), TAB(1, 1, "")), 2.0 / 6.0);
    PcTable *empty = pc_table_new(0, 0);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, empty);
    assert_near(conv_ok(furthest8(), "Qualified", "Won", order5(), empty), 2.0 / 6.0);
}

static void conversion_ignore_errors(void)
{
    conv_fails(furthest8(), "Lead", "Won", order5(), num(5), PC_ERR_VALUE, 4, 0);
    conv_fails(furthest8(), "Lead", "Won", order5(), COL("Lost", "#0"), PC_ERR_VALUE, 4, 1);
    conv_fails(furthest8(), "Lead", "Won", order5(), COL("Lost", "!"), PC_ERR_VALUE, 4, 1);
    /* a stage cannot be both counted and ignored */
    conv_fails(furthest8(), "Lead", "Won", order5(), COL("Lost", "proposal"), PC_ERR_ARG, 4, 1);
}

/* STAGE_CONVERSION: StageOrder */

static void conversion_order_rules(void)
{
    /* blanks and white space skipped; a name repeated right after itself is one stage */
    PcTable *order = COL("Lead", "", "lead ", "Qualified", "  ", "Proposal", "Negotiation",
                         "Won");
    assert_near(conv_ok(furthest8(), "Qualified", "Won", order, NULL), 2.0 / 6.0);
    /* a won word may close the funnel */
    PcTable *closed = COL("Lead", "Closed Won");
    assert_near(conv_ok(COL("Lead", "closed won", "Lead"), "Lead", "Closed won", closed, NULL),
                1.0 / 3.0);
}

static void conversion_order_errors(void)
{
    PcTable *data = furthest8();
    /* 2-D */
    conv_fails(data, "Lead", "Won", TAB(2, 2, "Lead", "Qualified", "Proposal", "Won"), NULL,
               PC_ERR_ARG, 3, -1);
    /* fewer than two distinct names */
    conv_fails(data, "Lead", "Lead", COL("Lead"), NULL, PC_ERR_ARG, 3, -1);
    conv_fails(data, "Lead", "Lead", COL("Lead", "LEAD\xc2\xa0", ""), NULL, PC_ERR_ARG, 3, -1);
    conv_fails(data, "Lead", "Lead", NULL, NULL, PC_ERR_ARG, 3, -1);
    conv_fails(data, "Lead", "Lead", COL("", ""), NULL, PC_ERR_ARG, 3, -1);
    /* the same name at two positions */
    const char *msg = conv_fails(data, "Lead", "Won", COL("Lead", "Won", "lead"), NULL,
                                 PC_ERR_ARG, 3, 2);
    g_assert_nonnull(strstr(msg, "twice"));
    /* lost-outcome words */
    conv_fails(data, "Lead", "Won", COL("Lead", "Won", "Closed Lost"), NULL, PC_ERR_ARG, 3, 2);
    conv_fails(data, "Lead", "Won", COL("Lead", "Verloren", "Won"), NULL, PC_ERR_ARG, 3, 1);
    conv_fails(data, "Lead", "Won", COL("lost", "Lead", "Won"), NULL, PC_ERR_ARG, 3, 0);
    conv_fails(data, "Lead", "Won", COL("Lead", "No", "Won"), NULL, PC_ERR_ARG, 3, 1);
    /* numbers and error values are no names */
    conv_fails(data, "Lead", "Won", COL("Lead", "#2", "Won"), NULL, PC_ERR_VALUE, 3, 1);
    conv_fails(data, "Lead", "Won", COL("Lead", "!", "Won"), NULL, PC_ERR_VALUE, 3, 1);
}

/* STAGE_CONVERSION: FromStage and ToStage */

static void conversion_from_to_errors(void)
{
    conv_fails(furthest8(), "Demo", "Won", order5(), NULL, PC_ERR_NA, 1, -1);
    conv_fails(furthest8(), "Lead", "Closed", order5(), NULL, PC_ERR_NA, 2, -1);
    conv_fails(furthest8(), "", "Won", order5(), NULL, PC_ERR_NA, 1, -1);
    /* an ignored stage is not in the order */
    conv_fails(furthest8(), "Lost", "Won", order5(), COL("Lost"), PC_ERR_NA, 1, -1);
    /* ToStage before FromStage */
    conv_fails(furthest8(), "Won", "Lead", order5(), NULL, PC_ERR_ARG, 2, -1);
    /* argument errors win over data errors */
    conv_fails(COL("Lead", "Typo"), "Demo", "Won", order5(), NULL, PC_ERR_NA, 1, -1);
}

static void conversion_no_deal_at_from(void)
{
    conv_fails(COL("Lead", "Lead"), "Qualified", "Won", order5(), NULL, PC_ERR_DIV0, 1, -1);
    conv_fails(NULL, "Lead", "Won", order5(), NULL, PC_ERR_DIV0, 1, -1);
    conv_fails(COL("", " "), "Lead", "Won", order5(), NULL, PC_ERR_DIV0, 1, -1);
    conv_fails(COL("Lost"), "Lead", "Won", order5(), COL("Lost"), PC_ERR_DIV0, 1, -1);
    PcTable *empty = pc_table_new(0, 0);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, empty);
    conv_fails(empty, "Lead", "Won", order5(), NULL, PC_ERR_DIV0, 1, -1);
    /* a header alone is no deal */
    conv_fails(COL("Stage"), "Lead", "Won", order5(), NULL, PC_ERR_DIV0, 1, -1);
    /* 0 deals converted is a valid 0 */
    g_assert_cmpfloat(conv_ok(COL("Lead", "Qualified"), "Lead", "Won", order5(), NULL), ==, 0.0);
}

/* STAGE_CONVERSION: bad StageData */

static void conversion_data_errors(void)
{
    /* a typo in the stage column */
    const char *msg = conv_fails(COL("Lead", "Won", "Qualfied"), "Lead", "Won", order5(), NULL,
                                 PC_ERR_NA, 0, 2);
    g_assert_nonnull(strstr(msg, "row 3"));
    g_assert_nonnull(strstr(msg, "Qualfied"));
    /* numbers and error values are no stages */
    conv_fails(COL("Lead", "#3"), "Lead", "Won", order5(), NULL, PC_ERR_VALUE, 0, 1);
    conv_fails(COL("#3", "Lead"), "Lead", "Won", order5(), NULL, PC_ERR_VALUE, 0, 0);
    conv_fails(COL("Lead", "!"), "Lead", "Won", order5(), NULL, PC_ERR_VALUE, 0, 1);
    /* three columns */
    conv_fails(TAB(2, 3, "D1", "Lead", "x", "D2", "Won", "y"), "Lead", "Won", order5(), NULL,
               PC_ERR_ARG, 0, -1);
}

static void conversion_log_errors(void)
{
    /* a deal without a stage, a stage without a deal */
    conv_fails(TAB(0, 2, "D1", "Lead", "D2", ""), "Lead", "Won", order5(), NULL, PC_ERR_NA, 0, 1);
    conv_fails(TAB(0, 2, "D1", "Lead", " ", "Won"), "Lead", "Won", order5(), NULL, PC_ERR_NA, 0,
               1);
    /* unknown stage, numeric stage, error values */
    const char *msg = conv_fails(TAB(0, 2, "D1", "Lead", "D1", "Wonn"), "Lead", "Won", order5(),
                                 NULL, PC_ERR_NA, 0, 1);
    g_assert_nonnull(strstr(msg, "Wonn"));
    conv_fails(TAB(0, 2, "D1", "Lead", "D1", "#4"), "Lead", "Won", order5(), NULL, PC_ERR_VALUE,
               0, 1);
    conv_fails(TAB(0, 2, "D1", "Lead", "!", "Won"), "Lead", "Won", order5(), NULL, PC_ERR_VALUE,
               0, 1);
    conv_fails(TAB(0, 2, "D1", "Lead", "D1", "!"), "Lead", "Won", order5(), NULL, PC_ERR_VALUE,
               0, 1);
    /* a non-finite id cannot come from Calc, but must not be a deal */
    PcTable *log = TAB(0, 2, "D1", "Lead", "#1", "Won");
    ((PcCell *)pc_table_at(log, 1, 0))->num = NAN;
    conv_fails(log, "Lead", "Won", order5(), NULL, PC_ERR_NUM, 0, 1);
}

/* the funnel helper the sidebar uses */

static void funnel_api(void)
{
    PcFunnel *f = NULL;
    PcError err;
    pc_error_clear(&err);
    g_assert_cmpint(pc_funnel_new(order5(), 3, COL("Lost"), 4, &f, &err), ==, PC_OK);
    g_assert_cmpuint(pc_funnel_n_stages(f), ==, 5);
    g_assert_cmpstr(pc_funnel_stage_name(f, 1), ==, "Qualified");
    g_assert_cmpint(pc_funnel_find(f, " PROPOSAL"), ==, 2);
    g_assert_cmpint(pc_funnel_find(f, "Lost"), ==, -1);
    g_assert_cmpint(pc_funnel_find(f, "Demo"), ==, -1);
    PcFunnelDeal *deals;
    gsize n;
    g_assert_cmpint(pc_funnel_deals(f, log8(), 0, &deals, &n, &err), ==, PC_OK);
    g_assert_cmpuint(n, ==, 4);
    /* first appearance order: D1 (row 0) Won, D2 (row 1) Proposal, D3 (row 3) Proposal,
     * D4 (row 7) Lead */
    gsize rows[] = { 0, 1, 3, 7 }, stages[] = { 4, 2, 2, 0 };
    for (gsize i = 0; i < n; i++) {
        g_assert_cmpuint(deals[i].first_row, ==, rows[i]);
        g_assert_cmpuint(deals[i].stage, ==, stages[i]);
    }
    g_free(deals);
    gsize reached[5];
    g_assert_cmpint(pc_funnel_reached(f, furthest8(), 0, reached, &err), ==, PC_OK);
    gsize want[] = { 8, 6, 4, 3, 2 };
    for (gsize i = 0; i < 5; i++)
        g_assert_cmpuint(reached[i], ==, want[i]);
    /* no deals: NULL */
    g_assert_cmpint(pc_funnel_deals(f, COL("Lost", ""), 0, &deals, &n, &err), ==, PC_OK);
    g_assert_cmpuint(n, ==, 0);
    g_assert_null(deals);
    g_assert_cmpint(pc_funnel_deals(f, COL("Lead", "Typo"), 0, &deals, &n, &err), ==,
                    PC_ERR_NA);
    g_assert_null(deals);
    pc_funnel_free(f);
    pc_funnel_free(NULL);
    /* the first spelling names a repeated stage */
    g_assert_cmpint(pc_funnel_new(COL("Lead", "LEAD", "Won"), 3, NULL, 4, &f, &err), ==, PC_OK);
    g_assert_cmpstr(pc_funnel_stage_name(f, 0), ==, "Lead");
    g_assert_cmpuint(pc_funnel_n_stages(f), ==, 2);
    pc_funnel_free(f);
    g_assert_cmpint(pc_funnel_new(COL("Lead"), 3, NULL, 4, &f, &err), ==, PC_ERR_ARG);
    g_assert_null(f);
}

static void conversion_large_log(void)
{
    /* a full-column log of 1,048,576 rows, 100,000 deals with numeric ids and 10,000 with
     * text ids: linear time. The expected value is counted here independently. */
    const gsize rows = 1048576, n_deals = 100000;
    const char *names[] = { "Lead", "Qualified", "Proposal", "Negotiation", "Won" };
    char *text_ids[10000];
    for (gsize i = 0; i < G_N_ELEMENTS(text_ids); i++)
        text_ids[i] = g_strdup_printf("T-%zu", i);
    PcTable *log = pc_table_new(rows, 2);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, log);
    guint8 *furthest = g_new0(guint8, n_deals + G_N_ELEMENTS(text_ids));
    GRand *rand = g_rand_new_with_seed(42);
    for (gsize r = 0; r < rows; r++) {
        gsize d = (gsize)g_rand_int_range(rand, 0, (gint32)(n_deals + G_N_ELEMENTS(text_ids)));
        guint8 s = (guint8)g_rand_int_range(rand, 0, 5);
        if (d < n_deals)
            pc_table_set_number(log, r, 0, (double)d);
        else
            pc_table_set_text(log, r, 0, text_ids[d - n_deals], -1);
        pc_table_set_text(log, r, 1, names[s], -1);
        furthest[d] = MAX(furthest[d], s + 1); /* 0: deal not seen */
    }
    gsize at_from = 0, at_to = 0;
    for (gsize d = 0; d < n_deals + G_N_ELEMENTS(text_ids); d++) {
        at_from += furthest[d] >= 2; /* Qualified */
        at_to += furthest[d] >= 5;   /* Won */
    }
    GTimer *timer = g_timer_new();
    double r = conv_ok(log, "Qualified", "Won", order5(), NULL);
    double secs = g_timer_elapsed(timer, NULL);
    g_test_message("STAGE_CONVERSION over a 1,048,576-row log: %.3f s", secs);
    assert_near(r, (double)at_to / (double)at_from);
    g_timer_destroy(timer);
    g_rand_free(rand);
    g_free(furthest);
    for (gsize i = 0; i < G_N_ELEMENTS(text_ids); i++)
        g_free(text_ids[i]);
}

/* LEADS_NEEDED */

/* 8 deals, reached: Lead 8, Qualified 4, Won 2: Lead -> Won 1/4, Qualified -> Won 1/2. */
static PcTable *half(void)
{
    return COL("Lead", "Qualified", "Won", "Lead", "Qualified", "Lead", "Won", "Lead");
}

static PcTable *order3(void)
{
    return COL("Lead", "Qualified", "Won");
}

static void leads_basic(void)
{
    /* 10 / 0.5 = 20, not 21 */
    g_assert_cmpfloat(leads_ok(10, half(), "Qualified", order3(), NULL, NULL), ==, 20);
    g_assert_cmpfloat(leads_ok(10, half(), "Lead", order3(), NULL, NULL), ==, 40);
    /* 7 / (2/6) = 21 exactly; 5 / (2/6) = 15 */
    g_assert_cmpfloat(leads_ok(7, furthest8(), "Qualified", order5(), NULL, NULL), ==, 21);
    g_assert_cmpfloat(leads_ok(5, furthest8(), "Qualified", order5(), NULL, NULL), ==, 15);
    /* fractions round up: 2.6 / 0.5 = 5.2 -> 6; 2.5 / 0.5 = 5 */
    g_assert_cmpfloat(leads_ok(2.6, half(), "Qualified", order3(), NULL, NULL), ==, 6);
    g_assert_cmpfloat(leads_ok(2.5, half(), "Qualified", order3(), NULL, NULL), ==, 5);
    /* 1 / (2/6) = 3; 1.01 / (2/6) = 3.03 -> 4 */
    g_assert_cmpfloat(leads_ok(1, furthest8(), "Qualified", order5(), NULL, NULL), ==, 3);
    g_assert_cmpfloat(leads_ok(1.01, furthest8(), "Qualified", order5(), NULL, NULL), ==, 4);
    /* Target 0 needs no lead; from the last stage, conversion 1 */
    g_assert_cmpfloat(leads_ok(0, half(), "Lead", order3(), NULL, NULL), ==, 0);
    g_assert_cmpfloat(leads_ok(3.2, half(), "Won", order3(), NULL, NULL), ==, 4);
}

static void leads_deal_size(void)
{
    /* revenue 100,000 at 5,000 a deal and 50 %: 100000 / (5000 * 0.5) = 40 */
    g_assert_cmpfloat(leads_ok(100000, half(), "Qualified", order3(), NULL, num(5000)), ==, 40);
    /* 100,001 -> 40.0004 -> 41 */
    g_assert_cmpfloat(leads_ok(100001, half(), "Qualified", order3(), NULL, num(5000)), ==, 41);
    /* 0.1 * 3 = 0.30000000000000004 at 0.1 a deal from the last stage: 3, not 4 */
    volatile double tenth = 0.1;
    g_assert_cmpfloat(leads_ok(tenth * 3, half(), "Won", order3(), NULL, num(0.1)), ==, 3);
    /* 0 and an empty cell mean omitted: Target counts deals */
    g_assert_cmpfloat(leads_ok(10, half(), "Qualified", order3(), NULL, num(0)), ==, 20);
    g_assert_cmpfloat(leads_ok(10, half(), "Qualified", order3(), NULL, TAB(1, 1, "")), ==, 20);
}

static void leads_errors(void)
{
    leads_fails(-1, half(), "Lead", order3(), NULL, NULL, PC_ERR_NUM, 0);
    leads_fails(NAN, half(), "Lead", order3(), NULL, NULL, PC_ERR_NUM, 0);
    leads_fails(INFINITY, half(), "Lead", order3(), NULL, NULL, PC_ERR_NUM, 0);
    leads_fails(10, half(), "Lead", order3(), NULL, num(-5000), PC_ERR_NUM, 5);
    leads_fails(10, half(), "Lead", order3(), NULL, TAB(1, 1, "big"), PC_ERR_VALUE, 5);
    leads_fails(10, half(), "Lead", order3(), NULL, COL("#1", "#2"), PC_ERR_ARG, 5);
    /* conversion 0, even for Target 0 */
    leads_fails(10, COL("Lead", "Qualified"), "Lead", order3(), NULL, NULL, PC_ERR_DIV0, 2);
    leads_fails(0, COL("Lead", "Qualified"), "Lead", order3(), NULL, NULL, PC_ERR_DIV0, 2);
    /* no deal at FromStage */
    leads_fails(10, COL("Lead"), "Qualified", order3(), NULL, NULL, PC_ERR_DIV0, 2);
    /* a result beyond a double */
    leads_fails(1e308, half(), "Lead", order3(), NULL, num(1e-10), PC_ERR_NUM, 0);
    /* the STAGE_CONVERSION errors, at LEADS_NEEDED's argument positions */
    leads_fails(10, half(), "Demo", order3(), NULL, NULL, PC_ERR_NA, 2);
    leads_fails(10, half(), "Lead", COL("Lead"), NULL, NULL, PC_ERR_ARG, 3);
    leads_fails(10, half(), "Lead", COL("Lead", "Won", "Lost"), NULL, NULL, PC_ERR_ARG, 3);
    leads_fails(10, half(), "Lead", order3(), COL("Won"), NULL, PC_ERR_ARG, 4);
    leads_fails(10, COL("Lead", "Typo"), "Lead", order3(), NULL, NULL, PC_ERR_NA, 1);
    leads_fails(10, COL("Lead", "#1"), "Lead", order3(), NULL, NULL, PC_ERR_VALUE, 1);
}

static void leads_with_log_and_ignore(void)
{
    /* D1 Lead, Won; D2 Lead, Lost; D3 Lost: Lead 2, Won 1 -> 3 / 0.5 = 6 */
    PcTable *log = TAB(0, 2, "Deal", "Stage", "D1", "Lead", "D2", "Lead", "D1", "Won", "D2",
                       "Lost", "D3", "Lost");
    g_assert_cmpfloat(leads_ok(3, log, "Lead", order3(), TAB(1, 1, "Lost"), NULL), ==, 6);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    /* furthest stage per deal */
    g_test_add_func("/core/stage/conversion/one-column", conversion_one_column);
    g_test_add_func("/core/stage/conversion/rows", conversion_row_arguments);
    g_test_add_func("/core/stage/conversion/open-deals", conversion_counts_open_deals);
    g_test_add_func("/core/stage/conversion/names-by-key", conversion_names_by_key);
    g_test_add_func("/core/stage/conversion/same-stage", conversion_same_stage);
    g_test_add_func("/core/stage/conversion/blank-rows", conversion_blank_rows);
    g_test_add_func("/core/stage/conversion/full-column", conversion_full_column);
    g_test_add_func("/core/stage/conversion/headers", conversion_headers);
    /* stage-history log */
    g_test_add_func("/core/stage/conversion/log", conversion_log);
    g_test_add_func("/core/stage/conversion/log-ids", conversion_log_ids);
    g_test_add_func("/core/stage/conversion/log-errors", conversion_log_errors);
    g_test_add_func("/core/stage/conversion/large-log", conversion_large_log);
    /* IgnoreStages */
    g_test_add_func("/core/stage/conversion/ignore-one-column", conversion_ignore_one_column);
    g_test_add_func("/core/stage/conversion/ignore-log", conversion_ignore_log);
    g_test_add_func("/core/stage/conversion/ignore-omitted", conversion_ignore_omitted);
    g_test_add_func("/core/stage/conversion/ignore-errors", conversion_ignore_errors);
    /* StageOrder, FromStage, ToStage, StageData errors */
    g_test_add_func("/core/stage/conversion/order-rules", conversion_order_rules);
    g_test_add_func("/core/stage/conversion/order-errors", conversion_order_errors);
    g_test_add_func("/core/stage/conversion/from-to-errors", conversion_from_to_errors);
    g_test_add_func("/core/stage/conversion/no-deal-at-from", conversion_no_deal_at_from);
    g_test_add_func("/core/stage/conversion/data-errors", conversion_data_errors);
    /* the shared funnel */
    g_test_add_func("/core/stage/funnel/api", funnel_api);
    /* LEADS_NEEDED */
    g_test_add_func("/core/stage/leads-needed/basic", leads_basic);
    g_test_add_func("/core/stage/leads-needed/deal-size", leads_deal_size);
    g_test_add_func("/core/stage/leads-needed/errors", leads_errors);
    g_test_add_func("/core/stage/leads-needed/log-and-ignore", leads_with_log_and_ignore);
    return g_test_run();
}
