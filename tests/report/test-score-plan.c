/* test-score-plan.c - what Score leads writes, and why a lead scores what it does, planned
 * without an office. Scores are checked against LEAD_SCORE (pc_lead_score) called on
 * tables the tests build themselves, and one by hand. */
#include "report-tables.h"
#include "rp_score.h"
#include "pc_score.h"
#include "pc_text.h"
#include "rp_stages.h"
#include "tx.h"

#include <math.h>
#include <string.h>


/* The deck's sample deals (tests/calc/sidebar_scenarios.py LEADS): 3 won, 2 lost, 3 open
 * (Cyan, Dune, Gale in data rows 3, 4, 7). */
static const gsize DEALS_OPEN[] = { 3, 4, 7 };

static const PcTable *deals(void)
{
    return TAB(9, 8, "Deal", "Stage", "Amount", "Close date", "Owner", "Source", "Industry", "Outcome",
               "Acme", "Proposal", "#1000", "#46037", "Ann", "Web", "Retail", "won",
               "Bolt", "Lead", "#2000", "#46063", "Bob", "Fair", "Health", "lost",
               "Cyan", "Qualified", "#3000", "#46086", "Ann", "Web", "Retail", "",
               "Dune", "Proposal", "#4000", "#46042", "Bob", "Fair", "Retail", "",
               "Echo", "Lead", "#500", "#46100", "Ann", "Web", "Health", "lost",
               "Flux", "Qualified", "#800", "#46040", "Bob", "Web", "Retail", "won",
               "Gale", "Lead", "#1500", "#46070", "Ann", "Fair", "Health", "",
               "Hive", "Negotiation", "#2500", "#46041", "Bob", "Web", "Retail", "won");
}

/* Numbers as a report shows them, fixed for the tests: "3.20". */
static char *two_decimals(double v, int decimals)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup(g_ascii_formatd(buf, sizeof buf, decimals == 2 ? "%.2f" : "%.0f", v));
}

/* Numbers to the last digit, so that a test can read a factor back exactly. */
static char *every_digit(double v, int decimals)
{
    (void)decimals;
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup(g_ascii_dtostr(buf, sizeof buf, v));
}

/* Plan S's Score column (from HISTORY), which must succeed. */
static void plan_ok(const RpSource *s, const RpSource *history, RpScore *sc)
{
    char *message = NULL;
    gboolean ok = rp_score_plan(s, history, sc, &message);
    if (!ok)
        g_test_message("refused: %s", message);
    g_assert_true(ok);
    g_assert_null(message);
    g_assert_nonnull(sc->plan);
}

/* What *SC says it did: SCORED leads from WON and LOST on ATTRIBUTES, learned from
 * HISTORY (NULL: the table's own rows). */
static void facts_are(const RpScore *sc, gsize scored, gsize won, gsize lost, const char *attributes,
                      const char *history)
{
    g_assert_cmpuint(sc->scored, ==, scored);
    g_assert_cmpuint(sc->won, ==, won);
    g_assert_cmpuint(sc->lost, ==, lost);
    g_assert_cmpstr(sc->attributes, ==, attributes);
    g_assert_cmpstr(sc->history, ==, history);
}

/* The report of *SC written into COLUMN is WANT. */
static void report_is(const RpScore *sc, const char *column, const char *want)
{
    char *report = rp_score_report(sc, column);
    g_assert_cmpstr(report, ==, want);
    g_free(report);
}

/* The sample deals as a source, their Score column planned into *SC. */
static RpSource planned_deals(RpScore *sc)
{
    RpSource s = source_of(deals());
    plan_ok(&s, NULL, sc);
    return s;
}

/* Probability P with its odds multiplied by FACTOR: the deck's Score from LEAD_SCORE's. */
static double times_odds(double p, double factor)
{
    return p * factor / (1 - p + p * factor);
}

/* The sample deals' stage factors (Laplace 1): 3 won reached every stage, the 2 lost
 * (Bolt, Echo) only Lead; P(reached | won) = (3+1)/(3+2), P(reached | lost) = (2+1)/(2+2)
 * at Lead, (0+1)/(2+2) later. Per open row: Cyan Qualified, Dune Proposal, Gale Lead. */
static const double DEALS_STAGE_FACTOR[] = { 0.8 / 0.25, 0.8 / 0.25, 0.8 / 0.75 };

/* The scores LEAD_SCORE gives LEADS from HISTORY and OUTCOMES (N of them). */
static double *lead_scores(const PcTable *leads, const PcTable *history, const PcTable *outcomes,
                           gsize n)
{
    double *scores = NULL;
    gsize got = 0;
    PcError err;
    g_assert_cmpint(pc_lead_score(leads, history, outcomes, NULL, &scores, &got, &err), ==, PC_OK);
    g_assert_cmpuint(got, ==, n);
    g_test_queue_free(scores);
    return scores;
}

static void score_column_cells(void)
{
    RpScore sc;
    planned_deals(&sc);
    const RpPlan *p = sc.plan;
    g_assert_cmpint(p->place, ==, RP_PLACE_COLUMN);
    g_assert_cmpstr(p->marker, ==, "PIPECALC_SCORE");
    g_assert_cmpstr(p->undo_title, ==, "Pipecalc: score leads");
    g_assert_true(p->score_colours);
    g_assert_null(p->sheet_base);
    g_assert_cmpuint(p->rows, ==, 9); /* as tall as the table */
    g_assert_cmpuint(p->cols, ==, 1);
    g_assert_cmpuint(p->charts->len, ==, 0);
    g_assert_cmpuint(p->merges->len, ==, 0);
    g_assert_cmpstr(text_at(p, 0, 0), ==, "Score");
    g_assert_cmpint(rp_cell_at(p, 0, 0)->style, ==, RP_STYLE_HEADER);
    g_assert_cmpint(rp_cell_at(p, 0, 0)->format, ==, RP_FORMAT_GENERAL);
    /* Source and Industry of the open rows, learned from the closed ones, by the core */
    const PcTable *leads = TAB(3, 2, "Web", "Retail", "Fair", "Retail", "Fair", "Health");
    const PcTable *history = TAB(5, 2, "Web", "Retail", "Fair", "Health", "Web", "Health", "Web",
                                 "Retail", "Web", "Retail");
    double *want = lead_scores(leads, history, COL("won", "lost", "lost", "won", "won"), 3);
    for (gsize r = 1; r < 9; r++) {
        const RpCell *c = rp_cell_at(p, r, 0);
        g_assert_cmpint(c->format, ==, RP_FORMAT_PERCENT); /* closed rows too: one format run */
        g_assert_cmpint(c->style, ==, RP_STYLE_NONE);
        gssize k = -1;
        for (gsize i = 0; i < G_N_ELEMENTS(DEALS_OPEN); i++)
            if (DEALS_OPEN[i] == r)
                k = (gssize)i;
        if (k < 0) {
            g_assert_cmpint(c->kind, ==, RP_EMPTY); /* a closed deal gets no score, not #N/A */
            continue;
        }
        g_assert_cmpint(c->kind, ==, RP_NUMBER);
        /* LEAD_SCORE's odds times the stage factor */
        g_assert_cmpfloat_with_epsilon(c->num, times_odds(want[k], DEALS_STAGE_FACTOR[k]), 1e-12);
    }
    /* by hand (Laplace 1): prior 3:2, Web x(4/5)/(2/4) = 1.6, Retail x(4/5)/(1/4) = 3.2,
     * stage Qualified x(4/5)/(1/4) = 3.2: odds 24.576 */
    g_assert_cmpfloat_with_epsilon(number_at(p, 3, 0), 24.576 / 25.576, 1e-12);
    facts_are(&sc, 3, 3, 2, "Stage, Source, Industry", NULL);
    report_is(&sc, "Sheet1.I1:I9", "Scored 3 open leads into Sheet1.I1:I9, learned from 3 won and 2 "
                                   "lost (Stage, Source, Industry).\nColour: a conditional format, one cell "
                                   "style per 20% of win probability (Pipecalc Score 0-20% ... "
                                   "80-100%).");
    rp_score_clear(&sc);
    g_assert_null(sc.plan);
}

/* Blank rows inside the table keep their place; the outcome may be the stage ("Won"); one
 * open lead is counted in the singular. */
static void score_blank_rows_and_stages(void)
{
    RpSource s = source_of(TAB(8, 3, "Deal", "Stage", "Source",
                               "A", "Won", "Web",
                               "", "", "",
                               "B", "Lost", "Fair",
                               "C", "Closed Won", "Fair",
                               "", "", "",
                               "D", "Lead", "Web",
                               "", "", ""));
    RpScore sc;
    plan_ok(&s, NULL, &sc);
    g_assert_cmpuint(sc.plan->rows, ==, 8);
    for (gsize r = 1; r < 8; r++)
        if (r != 6)
            g_assert_cmpint(rp_cell_at(sc.plan, r, 0)->kind, ==, RP_EMPTY);
    /* prior 2:1; Web (1+1)/(2+2) won vs (0+1)/(1+2) lost: x1.5 -> odds 3; stage Lead, which
     * lost B ("Lost": an outcome word, so the first stage) reached too: x(3/4)/(2/3) */
    g_assert_cmpfloat_with_epsilon(number_at(sc.plan, 6, 0), times_odds(0.75, 1.125), 1e-12);
    char *report = rp_score_report(&sc, "Deals.D1:D8");
    g_assert_true(g_str_has_prefix(report, "Scored 1 open lead into Deals.D1:D8, learned from 2 won "
                                           "and 1 lost (Stage, Source).\n"));
    g_free(report);
    rp_score_clear(&sc);
}

/* History: Source Web W3 L1, Fair W1 L3 under a header in other case; no Industry column. */
static const PcTable *history_table(void)
{
    return TAB(9, 2, "SOURCE", "Outcome", "Web", "won", "Web", "won", "Web", "won", "Web", "lost",
               "Fair", "won", "Fair", "lost", "Fair", "lost", "Fair", "lost");
}

static void score_from_history(void)
{
    RpSource s = source_of(deals());
    RpSource h = source_at(history_table(), "History", 0, 0);
    RpScore sc;
    plan_ok(&s, &h, &sc);
    /* by hand: Laplace 1, prior 4:4; Web x(4/6)/(2/6) = 2 -> 2/3, Fair x 1/2 -> 1/3 */
    g_assert_cmpfloat_with_epsilon(number_at(sc.plan, 3, 0), 2.0 / 3, 1e-12);
    g_assert_cmpfloat_with_epsilon(number_at(sc.plan, 4, 0), 1.0 / 3, 1e-12);
    g_assert_cmpfloat_with_epsilon(number_at(sc.plan, 7, 0), 1.0 / 3, 1e-12);
    g_assert_cmpint(rp_cell_at(sc.plan, 1, 0)->kind, ==, RP_EMPTY); /* the table's own closed rows */
    facts_are(&sc, 3, 4, 4, "Source", "History.A1:B9"); /* Industry: not in the history, left out */
    report_is(&sc, "Sheet1.I1:I9", "Scored 3 open leads into Sheet1.I1:I9, learned from 4 won and 4 "
                                   "lost (Source).\nColour: a conditional format, one cell style per "
                                   "20% of win probability (Pipecalc Score 0-20% ... 80-100%).\n"
                                   "Learned from the history table History.A1:B9.");
    rp_score_clear(&sc);
    /* the factors come from the same model as the score */
    char *text = rp_score_factors(&s, &h, 3, two_decimals);
    g_assert_cmpstr(text, ==, "Cyan: 67% win probability (all closed deals: 50%). Because of:\n"
                              "  Source = Web raises this lead's win probability from 50% to 67%");
    g_free(text);
    /* the history's own outcome words may be its stages; a history far down another sheet */
    RpSource staged = source_at(TAB(4, 3, "Deal", "Stage", "Industry", "X", "Won", "Retail", "Y",
                                    "Lost", "Health", "Z", "Lost", "Retail"), "Old deals", 99, 3);
    plan_ok(&s, &staged, &sc);
    g_assert_cmpstr(sc.attributes, ==, "Industry");
    g_assert_cmpstr(sc.history, ==, "Old deals.D100:F103");
    /* Retail x (1+1)/(1+2) / ((1+1)/(2+2)) = 4/3 at prior 1:2 -> odds 2/3 */
    g_assert_cmpfloat_with_epsilon(number_at(sc.plan, 3, 0), 0.4, 1e-12);
    rp_score_clear(&sc);
}

/* Plan S (from H) and expect the refusal WANT, nothing planned. */
static void refused(const RpSource *s, const RpSource *h, const char *want)
{
    RpScore sc;
    char *message = NULL;
    g_assert_false(rp_score_plan(s, h, &sc, &message));
    g_assert_cmpstr(message, ==, want);
    g_assert_null(sc.plan);
    g_assert_null(sc.attributes);
    rp_score_clear(&sc);
    g_free(message);
}

static void score_refusals(void)
{
    RpSource header_only = source_of(TAB(1, 3, "Deal", "Source", "Outcome"));
    refused(&header_only, NULL, "The table Deals.A1:C1 has no data rows below its header.");
    RpSource blank_rows = source_at(TAB(3, 3, "Deal", "Source", "Outcome", "", "", "", "", "", ""),
                                    "Deals", 4, 1);
    refused(&blank_rows, NULL, "The table Deals.B5:D7 has no data rows below its header.");
    RpSource no_outcome = source_of(TAB(3, 2, "Deal", "Source", "A", "Web", "B", "Fair"));
    refused(&no_outcome, NULL, "No outcome column: add a column \"Outcome\" holding won / lost, or "
                               "use \"Won\" and \"Lost\" as stages.");
    RpSource won_only = source_of(TAB(4, 3, "Deal", "Source", "Outcome", "A", "Web", "won", "B",
                                      "Fair", "won", "C", "Web", ""));
    refused(&won_only, NULL, "Pipecalc learns from closed deals: the table needs at least one won and "
                             "one lost row (it has 2 won, 0 lost). Nothing was written.");
    RpSource no_attribute = source_of(TAB(4, 2, "Deal", "Outcome", "A", "won", "B", "lost", "C", ""));
    refused(&no_attribute, NULL, "No column to learn from: add columns such as Source or Industry "
                                 "(every column now has a role such as name, stage or amount).");
    RpSource all_closed = source_of(TAB(3, 3, "Deal", "Source", "Outcome", "A", "Web", "won", "B",
                                        "Fair", "lost"));
    refused(&all_closed, NULL, "The table has no open leads to score.");
    /* an error value among the attributes: the core's own words */
    RpSource error = source_of(TAB(4, 3, "Deal", "Source", "Outcome", "A", "!", "won", "B", "Fair",
                                   "lost", "C", "Web", ""));
    RpScore sc;
    char *message = NULL;
    g_assert_false(rp_score_plan(&error, NULL, &sc, &message));
    g_assert_true(g_str_has_prefix(message, "Scoring failed: "));
    g_assert_true(g_str_has_suffix(message, ". Nothing was written."));
    g_assert_cmpuint(strlen(message), >, strlen("Scoring failed: . Nothing was written."));
    g_assert_null(sc.plan);
    g_free(message);
    /* the history decides what is learned: its outcomes, its columns */
    RpSource s = source_of(deals());
    RpSource h_cols = source_at(TAB(3, 2, "Channel", "Outcome", "Web", "won", "Fair", "lost"), "History", 0, 0);
    refused(&s, &h_cols, "The history table History.A1:B3 has none of this table's scoring "
                         "attributes (columns are matched by their header).");
    RpSource h_no_outcome = source_at(TAB(3, 2, "Deal", "Source", "A", "Web", "B", "Fair"), "History", 0, 0);
    refused(&s, &h_no_outcome, "No outcome column: add a column \"Outcome\" holding won / lost, or "
                               "use \"Won\" and \"Lost\" as stages.");
    RpSource h_lost = source_at(TAB(3, 2, "Source", "Outcome", "Web", "lost", "Fair", "lost"), "History", 0, 0);
    refused(&s, &h_lost, "Pipecalc learns from closed deals: the table needs at least one won and "
                         "one lost row (it has 0 won, 2 lost). Nothing was written.");
    /* an attribute column of the same header that the history uses otherwise is no match */
    RpSource h_stage = source_at(TAB(3, 2, "Stage", "Outcome", "Web", "won", "Fair", "lost"), "History", 0, 0);
    RpSource stage_attr = source_of(TAB(3, 3, "Deal", "Stage", "Outcome", "A", "Web", "", "B", "Fair", ""));
    PcRole chosen[3];
    memcpy(chosen, stage_attr.roles, sizeof chosen);
    chosen[1] = PC_ROLE_ATTRIBUTE; /* the manager's choice here, a stage there */
    stage_attr.roles = chosen;
    refused(&stage_attr, &h_stage, "The history table History.A1:B3 has none of this table's scoring "
                                   "attributes (columns are matched by their header).");
    /* nothing at all */
    PcTable *empty = pc_table_new(0, 0);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, empty);
    RpSource none = source_of(empty);
    refused(&none, NULL, "The table Deals.A1:A1 has no data rows below its header.");
    g_assert_null(rp_score_factors(&none, NULL, 0, two_decimals));
    g_assert_null(rp_score_factors(&none, NULL, 1, two_decimals));
}

static void score_factors_text(void)
{
    RpSource s = source_of(deals());
    /* the stage's rate (odds 3:2 x 3.2 = 4.8: 83%), then each attribute on it */
    char *text = rp_score_factors(&s, NULL, 3, two_decimals);
    g_assert_cmpstr(text, ==, "Cyan: 96% win probability: the stage's rate, raised or lowered by "
                              "each attribute value. Because of:\n"
                              "  Stage Qualified: deals that reached it won 83% of the time\n"
                              "  Industry = Retail raises this lead's win probability from 83% to 94%\n"
                              "  Source = Web raises this lead's win probability from 83% to 88%");
    g_free(text);
    text = rp_score_factors(&s, NULL, 7, two_decimals);
    g_assert_cmpstr(text, ==, "Gale: 15% win probability: the stage's rate, raised or lowered by "
                              "each attribute value. Because of:\n"
                              "  Stage Lead: deals that reached it won 62% of the time\n"
                              "  Industry = Health lowers this lead's win probability from 62% to 30%\n"
                              "  Source = Fair lowers this lead's win probability from 62% to 39%");
    g_free(text);
    /* no open row: the header, closed deals, past the end */
    g_assert_null(rp_score_factors(&s, NULL, 0, two_decimals));
    g_assert_null(rp_score_factors(&s, NULL, 1, two_decimals));
    g_assert_null(rp_score_factors(&s, NULL, 9, two_decimals));
    g_assert_null(rp_score_factors(&s, NULL, G_MAXSIZE, two_decimals));
    /* a table that cannot be scored explains nothing */
    RpSource won_only = source_of(TAB(3, 3, "Deal", "Source", "Outcome", "A", "Web", "won", "B", "Web", ""));
    g_assert_null(rp_score_factors(&won_only, NULL, 2, two_decimals));
}

/* No deal name: the lead is its row on the sheet; values no closed deal has, and numbers. */
static void score_factors_unnamed_and_unseen(void)
{
    RpSource s = source_at(TAB(5, 3, "Region", "Size", "Outcome", "North", "#3", "won", "South",
                               "#40", "lost", "East", "", "", "North", "#3", ""),
                           "Deals", 9, 0);
    char *text = rp_score_factors(&s, NULL, 3, two_decimals);
    g_assert_cmpstr(text, ==, "13: 50% win probability (all closed deals: 50%). Because of:\n"
                              "  no attribute value seen in the closed deals");
    g_free(text);
    text = rp_score_factors(&s, NULL, 4, two_decimals);
    g_assert_true(g_str_has_prefix(text, "14: "));
    g_assert_true(strstr(text, "  Region = North raises this lead's win probability from ") != NULL);
    g_assert_true(strstr(text, "  Size = 3 ") != NULL);
    g_free(text);
}

/* The odds of S's open ROW as its factors text says them: the stage line gives the base
 * probability, which must be the odds WON:LOST times STAGE_FACTOR; each attribute line
 * moves that base to the probability the attribute alone gives; each such move, read back
 * to the last digit, multiplies the base odds by a factor. */
static double odds_in_text(const RpSource *s, gsize row, double won, double lost, double stage_factor)
{
    char *text = rp_score_factors(s, NULL, row, every_digit);
    g_assert_nonnull(text);
    double odds = won / lost * stage_factor, base = odds / (1 + odds);
    char **lines = g_strsplit(text, "\n", -1);
    const char *at = strstr(lines[1], ": deals that reached it won ");
    g_assert_true(g_str_has_prefix(lines[1], "  Stage ") && at);
    g_assert_cmpfloat_with_epsilon(g_ascii_strtod(at + strlen(": deals that reached it won "), NULL) / 100,
                                   base, 1e-12);
    for (gsize i = 2; lines[i]; i++) {
        const char *x = strstr(lines[i], " this lead's win probability from ");
        g_assert_nonnull(x);
        g_assert_cmpint(x - lines[i], >=, 6);
        gboolean raises = strncmp(x - 6, "raises", 6) == 0;
        g_assert_true(raises || strncmp(x - 6, "lowers", 6) == 0);
        char *end = NULL;
        double from = g_ascii_strtod(x + strlen(" this lead's win probability from "), &end) / 100;
        g_assert_true(g_str_has_prefix(end, "% to "));
        double to = g_ascii_strtod(end + strlen("% to "), &end) / 100;
        g_assert_cmpstr(end, ==, "%");
        g_assert_cmpfloat_with_epsilon(from, base, 1e-12);
        g_assert_true(raises == (to > from));
        odds *= (to / (1 - to)) / (from / (1 - from));
    }
    g_strfreev(lines);
    g_free(text);
    return odds;
}

/* Base odds times the factors shown are the score's odds, for every open lead. */
static void score_factors_identity(void)
{
    RpScore sc;
    RpSource s = planned_deals(&sc);
    for (gsize i = 0; i < G_N_ELEMENTS(DEALS_OPEN); i++) {
        gsize row = DEALS_OPEN[i];
        double p = number_at(sc.plan, row, 0);
        g_assert_cmpfloat_with_epsilon(odds_in_text(&s, row, 3, 2, DEALS_STAGE_FACTOR[i]) / (p / (1 - p)),
                                       1, 1e-9);
    }
    rp_score_clear(&sc);
}

static void score_in_german(void)
{
    g_assert_cmpstr(tx_set_language("de-CH"), ==, "de");
    RpScore sc;
    RpSource s = planned_deals(&sc);
    g_assert_cmpstr(text_at(sc.plan, 0, 0), ==, "Score"); /* the word German sales use too */
    g_assert_cmpstr(sc.plan->undo_title, ==, "Pipecalc: Leads bewerten");
    char *report = rp_score_report(&sc, "Tabelle1.I1:I9");
    g_assert_true(g_str_has_prefix(report, "3 offene Leads in Tabelle1.I1:I9 bewertet, gelernt aus 3 "
                                           "gewonnenen und 2 verlorenen (Stage, Source, Industry).\nFarbe: "));
    g_free(report);
    sc.scored = 1;
    report = rp_score_report(&sc, "Tabelle1.I1:I9");
    g_assert_true(g_str_has_prefix(report, "1 offener Lead in Tabelle1.I1:I9 bewertet"));
    g_free(report);
    rp_score_clear(&sc);
    char *text = rp_score_factors(&s, NULL, 3, two_decimals);
    g_assert_cmpstr(text, ==, "Cyan: 96 % Abschlusswahrscheinlichkeit: die Abschlussquote der Phase, "
                              "von jedem Merkmalswert angehoben oder gesenkt. Gründe:\n"
                              "  Phase Qualified: Deals, die sie erreicht haben, wurden zu 83 % gewonnen\n"
                              "  Industry = Retail hebt die Abschlusswahrscheinlichkeit dieses Leads "
                              "von 83 % auf 94 %\n"
                              "  Source = Web hebt die Abschlusswahrscheinlichkeit dieses Leads "
                              "von 83 % auf 88 %");
    g_free(text);
    tx_set_language("en");
}

/* Odd headers: emoji, combining accents, no-break spaces; a history matching them in
 * another case and normal form. */
static void score_odd_headers(void)
{
    RpSource s = source_of(TAB(5, 4, "Deal", "Quelle \xf0\x9f\x9a\x80", "Bra\xcc\x88nche", "Outcome",
                               "A", "Web", "\xc3\x84rzte", "won",
                               "B", "Fair", "Bank", "lost",
                               "C", "Web", "\xc3\x84rzte", "",
                               "D", "\xe2\x80\x8f", "Bank", ""));
    RpScore sc;
    plan_ok(&s, NULL, &sc);
    g_assert_cmpstr(sc.attributes, ==, "Quelle \xf0\x9f\x9a\x80, Bra\xcc\x88nche");
    g_assert_cmpfloat(number_at(sc.plan, 3, 0), >, 0.5);
    g_assert_cmpfloat(number_at(sc.plan, 4, 0), <, 0.5);
    rp_score_clear(&sc);
    /* "QUELLE 🚀 " (no-break space) and "Bränche" precomposed match the headers above */
    RpSource h = source_at(TAB(3, 3, "QUELLE \xf0\x9f\x9a\x80\xc2\xa0", "Br\xc3\xa4nche", "Outcome",
                               "Web", "\xc3\xa4rzte", "won", "Fair", "Bank", "lost"),
                           "Verlauf \xe2\x80\x94 2025", 0, 0);
    plan_ok(&s, &h, &sc);
    g_assert_cmpstr(sc.attributes, ==, "Quelle \xf0\x9f\x9a\x80, Bra\xcc\x88nche");
    g_assert_cmpstr(sc.history, ==, "Verlauf \xe2\x80\x94 2025.A1:C3");
    rp_score_clear(&sc);
    char *text = rp_score_factors(&s, &h, 3, two_decimals);
    g_assert_true(g_str_has_prefix(text, "C: "));
    g_assert_true(strstr(text, "  Bra\xcc\x88nche = \xc3\x84rzte raises this lead's win probability from ") != NULL);
    g_free(text);
}

/* Stage tables without attributes: STAGE_WON won deals (stage "Won"), STAGE_LOST_WORD lost
 * ones whose stage is only "Lost" (the first stage), lost ones per stage STAGE_LOST_AT, then
 * one open deal per stage in data rows STAGE_OPEN_ROW + i. WITH_OUTCOME: an Outcome column
 * says won / lost, so the lost deals show their stage; without it they all show "Lost". */
static const char *const STAGES[] = { "Lead", "Qualified", "Proposal", "Negotiation" };
static const gsize STAGE_LOST_AT[] = { 12, 8, 6, 4 };
enum { STAGE_WON = 20, STAGE_LOST_WORD = 2, STAGE_LOST = 12 + 8 + 6 + 4 + STAGE_LOST_WORD,
       STAGE_OPEN_ROW = 1 + STAGE_WON + STAGE_LOST };

static RpSource stage_deals(gboolean with_outcome)
{
    gsize cols = with_outcome ? 3 : 2;
    PcTable *t = pc_table_new(STAGE_OPEN_ROW + G_N_ELEMENTS(STAGES), cols);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, t);
    static const char *const HEAD[] = { "Deal", "Stage", "Outcome" };
    for (gsize j = 0; j < cols; j++)
        pc_table_set_text(t, 0, j, HEAD[j], -1);
    gsize r = 1;
    for (gsize i = 0; i < STAGE_WON; i++, r++) {
        pc_table_set_text(t, r, 1, "Won", -1);
        if (with_outcome)
            pc_table_set_text(t, r, 2, "won", -1);
    }
    for (gsize i = 0; i < STAGE_LOST_WORD; i++, r++) {
        pc_table_set_text(t, r, 1, "Lost", -1);
        if (with_outcome)
            pc_table_set_text(t, r, 2, "lost", -1);
    }
    for (gsize s = 0; s < G_N_ELEMENTS(STAGES); s++)
        for (gsize i = 0; i < STAGE_LOST_AT[s]; i++, r++) {
            pc_table_set_text(t, r, 1, with_outcome ? STAGES[s] : "Lost", -1);
            if (with_outcome)
                pc_table_set_text(t, r, 2, "lost", -1);
        }
    g_assert_cmpuint(r, ==, STAGE_OPEN_ROW);
    for (gsize s = 0; s < G_N_ELEMENTS(STAGES); s++)
        pc_table_set_text(t, r++, 1, STAGES[s], -1);
    for (gsize i = 1; i < t->rows; i++) {
        char name[16];
        g_snprintf(name, sizeof name, "D%zu", i);
        pc_table_set_text(t, i, 0, name, -1);
    }
    return source_of(t);
}

/* The stage factor counts a won deal at every stage, a lost one up to its own (an outcome
 * word as its stage: the first), smoothed (count + 1) / (deals + 2). */
static void score_stage_factor(void)
{
    RpSource s = stage_deals(TRUE);
    RpStageOdds so;
    rp_stage_odds_learn(&s, &so);
    g_assert_cmpuint(so.k, ==, 4);
    g_assert_cmpuint(so.won, ==, STAGE_WON);
    g_assert_cmpuint(so.lost, ==, STAGE_LOST);
    static const gsize REACHED[] = { 32, 18, 10, 4 };
    for (gsize i = 0; i < so.k; i++) {
        g_assert_cmpstr(so.order[i], ==, STAGES[i]);
        g_assert_cmpuint(so.lost_reached[i], ==, REACHED[i]);
        double want = (21.0 / 22) / ((REACHED[i] + 1.0) / (STAGE_LOST + 2.0));
        g_assert_cmpfloat_with_epsilon(exp(so.log_factor[i]), want, 1e-12);
    }
    g_assert_cmpint(rp_stage_odds_find(&so, s.cells, STAGE_OPEN_ROW + 2, 1), ==, 2);
    g_assert_cmpint(rp_stage_odds_find(&so, s.cells, 0, 1), ==, -1); /* "Stage": no stage */
    rp_stage_odds_clear(&so);
    /* no stage column: no factor */
    RpSource flat = source_of(TAB(3, 2, "Source", "Outcome", "Web", "won", "Fair", "lost"));
    rp_stage_odds_learn(&flat, &so);
    g_assert_cmpuint(so.k, ==, 0);
    rp_stage_odds_clear(&so);
}

/* The invariant: without attributes, the Score at stage s is the forecast's learned
 * probability for s (STAGE_CONVERSION(s -> won)) up to the smoothing. With W won, L lost
 * and L_s lost deals that reached s, the forecast's odds are W / L_s and the Score's
 *     W/L x ((W+1)/(W+2)) / ((L_s+1)/(L+2)),
 * so their log odds differ by log((W+1)/(W+2)) + log((L+2)/L) + log(L_s/(L_s+1)), at most
 * 1/(W+1) + 2/L + 1/L_s in size, and a probability moves at most a quarter of its log
 * odds: the tolerance per stage, 3.5 to 9 points here, shrinking with more deals (the
 * actual gaps are 0.4 to 3 points). */
static void score_equals_forecast_without_attributes(void)
{
    RpSource tables[] = { stage_deals(FALSE), stage_deals(TRUE) };
    for (gsize t = 0; t < G_N_ELEMENTS(tables); t++) {
        RpSource *s = &tables[t];
        RpScore sc;
        plan_ok(s, NULL, &sc);
        g_assert_cmpstr(sc.attributes, ==, "Stage");
        g_assert_cmpuint(sc.scored, ==, 4);
        GPtrArray *keys = pc_text_keys(s->cells);
        RpStages st;
        char *message = NULL;
        g_assert_true(rp_stages_learn(s, keys, NULL, &st, &message));
        g_assert_cmpuint(st.k, ==, 4);
        /* the stage-only table's lost deals show "Lost": all reached only the first stage */
        gsize reached[4] = { 32, 18, 10, 4 };
        if (t == 0)
            for (gsize i = 1; i < 4; i++)
                reached[i] = 0;
        for (gsize i = 0; i < 4; i++) {
            g_assert_cmpstr(st.order[i], ==, STAGES[i]);
            double score = number_at(sc.plan, STAGE_OPEN_ROW + i, 0), forecast = st.prob[i];
            double w = STAGE_WON, l = STAGE_LOST, ls = (double)reached[i];
            double odds = w / l * ((w + 1) / (w + 2)) / ((ls + 1) / (l + 2));
            g_assert_cmpfloat_with_epsilon(score, odds / (1 + odds), 1e-12);
            g_assert_cmpfloat_with_epsilon(forecast, w / (w + ls), 1e-12);
            /* no lost deal reached s: the forecast says 100 %, the Score's odds are capped at
             * W (L+2) (W+1) / (L (W+2)), above W, so it is within 1/W of it */
            double tolerance = ls ? (1 / (w + 1) + 2 / l + 1 / ls) / 4 : 1 / w;
            g_test_message("stage %s: Score %.4f, forecast %.4f, tolerance %.4f", STAGES[i], score,
                           forecast, tolerance);
            g_assert_cmpfloat(fabs(score - forecast), <=, tolerance);
            /* the factors text says the stage's rate, and it is the score */
            char *text = rp_score_factors(s, NULL, STAGE_OPEN_ROW + i, two_decimals);
            char *pct = g_strdup_printf("%.0f%%", 100 * score);
            char *want = g_strdup_printf("D%zu: %s win probability: the stage's rate, raised or lowered "
                                         "by each attribute value. Because of:\n"
                                         "  Stage %s: deals that reached it won %s of the time",
                                         (gsize)(STAGE_OPEN_ROW + i), pct, STAGES[i], pct);
            g_assert_cmpstr(text, ==, want);
            g_free(want);
            g_free(pct);
            g_free(text);
        }
        rp_stages_clear(&st);
        g_ptr_array_unref(keys);
        rp_score_clear(&sc);
    }
}

/* A history with stages gives the stage factor (its own counts); an open lead at a stage
 * the history never saw gets none, and its factors start from all closed deals. */
static void score_stage_factor_from_history(void)
{
    RpSource h = source_at(TAB(6, 3, "Source", "Stage", "Outcome", "Web", "Won", "won", "Fair",
                               "Proposal", "won", "Web", "Lead", "lost", "Fair", "Lead", "lost",
                               "Web", "Proposal", "lost"), "History", 0, 0);
    RpSource s = source_of(deals());
    RpScore sc;
    plan_ok(&s, &h, &sc);
    g_assert_cmpstr(sc.attributes, ==, "Stage, Source");
    /* prior 2:3; Source Web x((1+1)/(2+2)) / ((2+1)/(3+2)) = 5/6, Fair x((1+1)/4)/((1+1)/5) = 5/4;
     * stages Lead, Proposal (history order): Proposal x(3/4)/((1+1)/(3+2)) = 15/8 */
    double dune = 2.0 / 3 * 5 / 4 * 15 / 8, gale = 2.0 / 3 * 5 / 4 * (3.0 / 4) / (4.0 / 5);
    g_assert_cmpfloat_with_epsilon(number_at(sc.plan, 4, 0), dune / (1 + dune), 1e-12);
    g_assert_cmpfloat_with_epsilon(number_at(sc.plan, 7, 0), gale / (1 + gale), 1e-12);
    double cyan = 2.0 / 3 * 5 / 6; /* Qualified: not in the history, no stage factor */
    g_assert_cmpfloat_with_epsilon(number_at(sc.plan, 3, 0), cyan / (1 + cyan), 1e-12);
    rp_score_clear(&sc);
    char *text = rp_score_factors(&s, &h, 3, two_decimals);
    g_assert_cmpstr(text, ==, "Cyan: 36% win probability (all closed deals: 40%). Because of:\n"
                              "  Source = Web lowers this lead's win probability from 40% to 36%");
    g_free(text);
    text = rp_score_factors(&s, &h, 4, two_decimals);
    g_assert_true(g_str_has_prefix(text, "Dune: 61% win probability: the stage's rate"));
    g_assert_nonnull(strstr(text, "\n  Stage Proposal: deals that reached it won 56% of the time\n"));
    g_free(text);
}

static const char *const SOURCES[] = { "Web", "Fair", "Referral", "Cold" };
static const char *const INDUSTRIES[] = { "Retail", "Health", "IT" };

/* Data row R (1-based) of the large table: a blank row every seventh, else closed
 * (won / lost) or open by R. */
static gboolean large_blank(gsize r) { return r % 7 == 0; }
static const char *large_outcome(gsize r) { return (const char *[]){ "won", "lost", "", "", "lost" }[r % 5]; }
static const char *large_source(gsize r) { return SOURCES[(r * 7) % 4]; }
static const char *large_industry(gsize r) { return INDUSTRIES[(r * 11) % 3]; }

/* 100,000 rows with blank rows among them: every open row scored as LEAD_SCORE scores
 * it, every blank and closed row empty. */
static void score_large(void)
{
    gsize n = 100000;
    PcTable *t = pc_table_new(n + 1, 4);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, t);
    static const char *const HEAD[] = { "Deal", "Source", "Industry", "Outcome" };
    for (gsize j = 0; j < 4; j++)
        pc_table_set_text(t, 0, j, HEAD[j], -1);
    GPtrArray *open = g_ptr_array_new(), *closed = g_ptr_array_new();
    for (gsize r = 1; r <= n; r++) {
        if (large_blank(r))
            continue;
        pc_table_set_number(t, r, 0, (double)r);
        pc_table_set_text(t, r, 1, large_source(r), -1);
        pc_table_set_text(t, r, 2, large_industry(r), -1);
        pc_table_set_text(t, r, 3, large_outcome(r), -1);
        g_ptr_array_add(*large_outcome(r) ? closed : open, GSIZE_TO_POINTER(r));
    }
    /* LEAD_SCORE's own arguments, built from the rule rather than from the table */
    PcTable *leads = pc_table_new(open->len, 2), *history = pc_table_new(closed->len, 2),
            *outcomes = pc_table_new(closed->len, 1);
    for (guint i = 0; i < open->len; i++) {
        gsize r = GPOINTER_TO_SIZE(open->pdata[i]);
        pc_table_set_text(leads, i, 0, large_source(r), -1);
        pc_table_set_text(leads, i, 1, large_industry(r), -1);
    }
    for (guint i = 0; i < closed->len; i++) {
        gsize r = GPOINTER_TO_SIZE(closed->pdata[i]);
        pc_table_set_text(history, i, 0, large_source(r), -1);
        pc_table_set_text(history, i, 1, large_industry(r), -1);
        pc_table_set_number(outcomes, i, 0, strcmp(large_outcome(r), "won") == 0);
    }
    double *want = lead_scores(leads, history, outcomes, open->len);
    RpSource s = source_of(t);
    RpScore sc;
    GTimer *timer = g_timer_new();
    plan_ok(&s, NULL, &sc);
    g_test_message("Score column of 100,000 rows planned in %.3f s", g_timer_elapsed(timer, NULL));
    g_assert_cmpuint(sc.plan->rows, ==, n + 1);
    g_assert_cmpuint(sc.scored, ==, open->len);
    guint k = 0;
    for (gsize r = 1; r <= n; r++) {
        const RpCell *c = rp_cell_at(sc.plan, r, 0);
        if (k < open->len && GPOINTER_TO_SIZE(open->pdata[k]) == r)
            g_assert_cmpfloat(c->num, ==, want[k++]);
        else
            g_assert_cmpint(c->kind, ==, RP_EMPTY);
    }
    g_assert_cmpuint(k, ==, open->len);
    rp_score_clear(&sc);
    g_timer_destroy(timer);
    pc_table_free(leads);
    pc_table_free(history);
    pc_table_free(outcomes);
    g_ptr_array_free(open, TRUE);
    g_ptr_array_free(closed, TRUE);
}

/* A code column of a million distinct values (fewer under valgrind, which would take
 * minutes): an open lead whose code no closed deal has gets the prior, one whose code a
 * won deal has twice the odds. */
static void score_million_distinct(void)
{
    gsize n = g_getenv("VALGRIND") ? 30000 : 999999; /* a multiple of 3: W = L */
    PcTable *t = pc_table_new(n + 1, 2);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, t);
    pc_table_set_text(t, 0, 0, "Code", -1);
    pc_table_set_text(t, 0, 1, "Outcome", -1);
    char buf[32];
    for (gsize r = 1; r <= n; r++) {
        g_snprintf(buf, sizeof buf, "c%zu", r);
        pc_table_set_text(t, r, 0, buf, -1);
        pc_table_set_text(t, r, 1, (const char *[]){ "won", "lost", "" }[r % 3], -1);
    }
    pc_table_set_text(t, n - 1, 0, "c3", -1); /* row n - 1 is open: the code of won row 3 */
    RpSource s = source_of(t);
    RpScore sc;
    GTimer *timer = g_timer_new();
    plan_ok(&s, NULL, &sc);
    g_test_message("Score column, %zu distinct codes: %.3f s", n, g_timer_elapsed(timer, NULL));
    g_assert_cmpuint(sc.scored, ==, n / 3);
    g_assert_cmpuint(sc.won, ==, n / 3);
    g_assert_cmpstr(sc.attributes, ==, "Code");
    g_assert_cmpfloat_with_epsilon(number_at(sc.plan, 2, 0), 0.5, 1e-12);
    g_assert_cmpfloat_with_epsilon(number_at(sc.plan, n - 4, 0), 0.5, 1e-12);
    /* (1+1)/(W+K) won vs (0+1)/(L+K) lost, W = L: x2 */
    g_assert_cmpfloat_with_epsilon(number_at(sc.plan, n - 1, 0), 2.0 / 3, 1e-12);
    g_assert_cmpint(rp_cell_at(sc.plan, n, 0)->kind, ==, RP_EMPTY);
    rp_score_clear(&sc);
    g_timer_destroy(timer);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/report/score/cells", score_column_cells);
    g_test_add_func("/report/score/blank-rows-and-stages", score_blank_rows_and_stages);
    g_test_add_func("/report/score/history", score_from_history);
    g_test_add_func("/report/score/refusals", score_refusals);
    g_test_add_func("/report/score/factors", score_factors_text);
    g_test_add_func("/report/score/factors-unnamed-unseen", score_factors_unnamed_and_unseen);
    g_test_add_func("/report/score/factors-identity", score_factors_identity);
    g_test_add_func("/report/score/german", score_in_german);
    g_test_add_func("/report/score/odd-headers", score_odd_headers);
    g_test_add_func("/report/score/stage-factor", score_stage_factor);
    g_test_add_func("/report/score/stage-factor-history", score_stage_factor_from_history);
    g_test_add_func("/report/score/equals-forecast", score_equals_forecast_without_attributes);
    g_test_add_func("/report/score/large", score_large);
    g_test_add_func("/report/score/million-distinct", score_million_distinct);
    return g_test_run();
}
