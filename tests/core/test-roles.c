/* test-roles.c - column roles from headers (en/de), row outcomes, counts, stage order. */
#include "pc_roles.h"
#include "pc_select.h"

static PcTable *table_of(const char *const *cells, gsize rows, gsize cols)
{
    PcTable *t = pc_table_new(rows, cols);
    for (gsize r = 0; r < rows; r++)
        for (gsize c = 0; c < cols; c++) {
            const char *v = cells[r * cols + c];
            if (!v)
                continue;
            if (v[0] == '#')
                pc_table_set_number(t, r, c, g_ascii_strtod(v + 1, NULL));
            else
                pc_table_set_text(t, r, c, v, -1);
        }
    return t;
}

static void roles_english_headers(void)
{
    g_assert_cmpint(pc_role_of_header("Deal"), ==, PC_ROLE_NAME);
    g_assert_cmpint(pc_role_of_header("Deal ID"), ==, PC_ROLE_ID);
    g_assert_cmpint(pc_role_of_header(" Sales_Stage "), ==, PC_ROLE_STAGE);
    g_assert_cmpint(pc_role_of_header("Amount (EUR)"), ==, PC_ROLE_AMOUNT);
    g_assert_cmpint(pc_role_of_header("Deal value"), ==, PC_ROLE_AMOUNT);
    g_assert_cmpint(pc_role_of_header("Win probability"), ==, PC_ROLE_PROBABILITY);
    g_assert_cmpint(pc_role_of_header("Close-Date"), ==, PC_ROLE_CLOSE_DATE);
    g_assert_cmpint(pc_role_of_header("Owner"), ==, PC_ROLE_OWNER);
    g_assert_cmpint(pc_role_of_header("Status"), ==, PC_ROLE_OUTCOME);
    g_assert_cmpint(pc_role_of_header("Created on"), ==, PC_ROLE_CREATED);
    g_assert_cmpint(pc_role_of_header("Currency"), ==, PC_ROLE_CURRENCY);
    g_assert_cmpint(pc_role_of_header("Product"), ==, PC_ROLE_PRODUCT);
    g_assert_cmpint(pc_role_of_header("Service"), ==, PC_ROLE_PRODUCT);
    g_assert_cmpint(pc_role_of_header("Product family"), ==, PC_ROLE_PRODUCT);
    /* the product stays a column the score learns from; the other roles do not */
    g_assert_true(pc_role_scores(PC_ROLE_PRODUCT));
    g_assert_true(pc_role_scores(PC_ROLE_ATTRIBUTE));
    g_assert_false(pc_role_scores(PC_ROLE_OWNER));
    g_assert_false(pc_role_scores(PC_ROLE_IGNORED));
    g_assert_cmpint(pc_role_from_id("product"), ==, PC_ROLE_PRODUCT);
    g_assert_cmpint(pc_role_of_header("Forecast category"), ==, PC_ROLE_CATEGORY);
    g_assert_cmpint(pc_role_of_header("Forecast Cat."), ==, PC_ROLE_CATEGORY);
    g_assert_cmpint(pc_role_of_header("ForecastCategoryName"), ==, PC_ROLE_CATEGORY);
    g_assert_false(pc_role_scores(PC_ROLE_CATEGORY)); /* "Closed", "Omitted": the outcome */
    g_assert_cmpint(pc_role_from_id("category"), ==, PC_ROLE_CATEGORY);
    g_assert_cmpstr(pc_role_id(PC_ROLE_CATEGORY), ==, "category");
    g_assert_cmpstr(pc_role_id(PC_ROLE_IGNORED), ==, "ignored");
}

static void roles_german_headers(void)
{
    g_assert_cmpint(pc_role_of_header("Kunde"), ==, PC_ROLE_NAME);
    g_assert_cmpint(pc_role_of_header("Phase"), ==, PC_ROLE_STAGE);
    g_assert_cmpint(pc_role_of_header("Betrag (EUR)"), ==, PC_ROLE_AMOUNT);
    g_assert_cmpint(pc_role_of_header("Abschlusswahrscheinlichkeit"), ==, PC_ROLE_PROBABILITY);
    g_assert_cmpint(pc_role_of_header("Abschlussdatum"), ==, PC_ROLE_CLOSE_DATE);
    g_assert_cmpint(pc_role_of_header("VERKÄUFER"), ==, PC_ROLE_OWNER);
    g_assert_cmpint(pc_role_of_header("Ergebnis"), ==, PC_ROLE_OUTCOME);
    g_assert_cmpint(pc_role_of_header("Erstellt am"), ==, PC_ROLE_CREATED);
    g_assert_cmpint(pc_role_of_header("Währung"), ==, PC_ROLE_CURRENCY);
    g_assert_cmpint(pc_role_of_header("Produkt"), ==, PC_ROLE_PRODUCT);
    g_assert_cmpint(pc_role_of_header("Leistung"), ==, PC_ROLE_PRODUCT);
    g_assert_cmpint(pc_role_of_header("Dienstleistung"), ==, PC_ROLE_PRODUCT);
    g_assert_cmpint(pc_role_of_header("Prognosekategorie"), ==, PC_ROLE_CATEGORY);
    g_assert_cmpint(pc_role_of_header("Forecast-Kategorie"), ==, PC_ROLE_CATEGORY);
}

static void roles_attributes_are_not_guessed(void)
{
    /* prefixes count only for unit-carrying roles with long phrases */
    g_assert_cmpint(pc_role_of_header("Lead source"), ==, PC_ROLE_ATTRIBUTE);
    g_assert_cmpint(pc_role_of_header("Close reason"), ==, PC_ROLE_ATTRIBUTE);
    g_assert_cmpint(pc_role_of_header("Value segment"), ==, PC_ROLE_ATTRIBUTE);
    g_assert_cmpint(pc_role_of_header("Industry"), ==, PC_ROLE_ATTRIBUTE);
    g_assert_cmpint(pc_role_of_header("Branche"), ==, PC_ROLE_ATTRIBUTE);
    g_assert_cmpint(pc_role_of_header(""), ==, PC_ROLE_ATTRIBUTE);
    g_assert_cmpint(pc_role_of_header("!!!"), ==, PC_ROLE_ATTRIBUTE);
    /* "Category" alone: by its header an attribute (pc_roles_detect looks at the values) */
    g_assert_cmpint(pc_role_of_header("Category"), ==, PC_ROLE_ATTRIBUTE);
    g_assert_cmpint(pc_role_of_header("Kategorie"), ==, PC_ROLE_ATTRIBUTE);
    g_assert_cmpint(pc_role_of_header("Product category"), ==, PC_ROLE_ATTRIBUTE);
    g_assert_cmpint(pc_role_of_header("Forecast"), ==, PC_ROLE_ATTRIBUTE);
}

/* A column headed "Category" or "Kategorie" is the forecast category when its values are
 * category words, and stays a scoring attribute otherwise (a product category). */
static void roles_category_by_its_values(void)
{
    static const char *const words[] = { "Deal", "Category", "Kategorie", "Stage",
                                         "A", "Commit", "Hardware", "Lead",
                                         "B", NULL, "Software", "Lead",
                                         "C", "Best Case", "Hardware", "Won" };
    PcTable *t = table_of(words, 4, 4);
    PcRole roles[4] = { 0 };
    pc_roles_detect(t, roles);
    g_assert_cmpint(roles[1], ==, PC_ROLE_CATEGORY);
    g_assert_cmpint(roles[2], ==, PC_ROLE_ATTRIBUTE);
    pc_table_free(t);
    /* a second category column by its values stays an attribute, as a named one is kept */
    static const char *const two[] = { "Forecast category", "Kategorie", "Pipeline", "Zusage" };
    t = table_of(two, 2, 2);
    pc_roles_detect(t, roles);
    g_assert_cmpint(roles[0], ==, PC_ROLE_CATEGORY);
    g_assert_cmpint(roles[1], ==, PC_ROLE_ATTRIBUTE);
    pc_table_free(t);
    /* German values; a number among them is no category */
    static const char *const de[] = { "Kategorie", "Phase", "Zusage", "Lead", "Bester Fall", "Lead",
                                      "#3", "Lead" };
    t = table_of(de, 4, 2);
    pc_roles_detect(t, roles);
    g_assert_cmpint(roles[0], ==, PC_ROLE_ATTRIBUTE);
    pc_table_set_text(t, 3, 0, "Ausgelassen", -1);
    pc_roles_detect(t, roles);
    g_assert_cmpint(roles[0], ==, PC_ROLE_CATEGORY);
    pc_table_free(t);
}

static const char *const LEADS[] = {
    "Deal", "Stage",     "Amount", "Source", "Outcome", "Amount",
    "A",    "Proposal",  "#100",   "Web",    "won",     "#1",
    "B",    "Lead",      "#200",   "Fair",   "Verloren", "#2",
    NULL,   NULL,        NULL,     NULL,     NULL,      NULL,
    "C",    "Qualified", "#300",   "Web",    NULL,      "#3",
    "D",    "Negotiation", "#400", "Web",    "open",    "#4",
};

static void roles_detect_and_count(void)
{
    PcTable *t = table_of(LEADS, 6, 6);
    PcRole roles[6] = { 0, 0, 0, 0, 0, PC_ROLE_IGNORED };
    g_assert_true(pc_roles_has_header(t));
    pc_roles_detect(t, roles);
    g_assert_cmpint(roles[0], ==, PC_ROLE_NAME);
    g_assert_cmpint(roles[1], ==, PC_ROLE_STAGE);
    g_assert_cmpint(roles[2], ==, PC_ROLE_AMOUNT);
    g_assert_cmpint(roles[3], ==, PC_ROLE_ATTRIBUTE);
    g_assert_cmpint(roles[4], ==, PC_ROLE_OUTCOME);
    g_assert_cmpint(roles[5], ==, PC_ROLE_IGNORED); /* marked by the caller: stays */
    g_assert_cmpint(pc_roles_find(roles, 6, PC_ROLE_OUTCOME), ==, 4);
    g_assert_cmpint(pc_roles_find(roles, 6, PC_ROLE_OWNER), ==, -1);
    PcLeadCounts n;
    pc_roles_count(t, roles, &n);
    g_assert_cmpuint(n.rows, ==, 4); /* the blank row is skipped */
    g_assert_cmpuint(n.won, ==, 1);
    g_assert_cmpuint(n.lost, ==, 1);
    g_assert_cmpuint(n.open, ==, 2);
    pc_table_free(t);
}

static void roles_second_column_of_a_role_is_ignored(void)
{
    static const char *const cells[] = { "Amount", "Value", "Size", "#1", "#2", "Small" };
    PcTable *t = table_of(cells, 2, 3);
    PcRole roles[3] = { 0 };
    pc_roles_detect(t, roles);
    g_assert_cmpint(roles[0], ==, PC_ROLE_AMOUNT);
    g_assert_cmpint(roles[1], ==, PC_ROLE_IGNORED);
    g_assert_cmpint(roles[2], ==, PC_ROLE_ATTRIBUTE);
    pc_table_free(t);
}

static void roles_override_by_the_manager(void)
{
    static const char *const cells[] = { "Owner", "Region", "Notes", "Ann", "North", "x" };
    PcTable *t = table_of(cells, 2, 3);
    PcRole roles[3] = { 0 };
    pc_roles_detect(t, roles);
    g_assert_cmpint(roles[0], ==, PC_ROLE_OWNER);
    g_assert_cmpint(pc_roles_column_of(t, "REGION"), ==, 1);
    g_assert_cmpint(pc_roles_column_of(t, "Stage"), ==, -1);
    g_assert_cmpint(pc_role_from_id("Owner"), ==, PC_ROLE_OWNER);
    g_assert_cmpint(pc_role_from_id("none"), ==, PC_ROLE_IGNORED);
    g_assert_cmpint(pc_role_from_id("close date"), ==, PC_ROLE_CLOSE_DATE);
    g_assert_cmpint(pc_role_from_id("boss"), ==, PC_N_ROLES);
    /* Region becomes the owner: Owner is no longer used (not an attribute); Notes dropped */
    gsize cols[] = { 1, 2, 9 };
    PcRole set[] = { PC_ROLE_OWNER, PC_ROLE_IGNORED, PC_ROLE_STAGE };
    pc_roles_override(roles, 3, cols, set, 3);
    g_assert_cmpint(roles[0], ==, PC_ROLE_IGNORED);
    g_assert_cmpint(roles[1], ==, PC_ROLE_OWNER);
    g_assert_cmpint(roles[2], ==, PC_ROLE_IGNORED);
    /* an explicit choice for the old holder stands */
    pc_roles_detect(t, roles);
    gsize both[] = { 1, 0 };
    PcRole set2[] = { PC_ROLE_OWNER, PC_ROLE_ATTRIBUTE };
    pc_roles_override(roles, 3, both, set2, 2);
    g_assert_cmpint(roles[0], ==, PC_ROLE_ATTRIBUTE);
    g_assert_cmpint(roles[1], ==, PC_ROLE_OWNER);
    pc_table_free(t);
}

static void roles_header_needs_text_only(void)
{
    static const char *const numeric[] = { "Amount", "#5", "#1", "#2" };
    PcTable *t = table_of(numeric, 2, 2);
    g_assert_false(pc_roles_has_header(t));
    pc_table_free(t);
    static const char *const blank[] = { NULL, NULL };
    t = table_of(blank, 1, 2);
    g_assert_false(pc_roles_has_header(t));
    pc_table_free(t);
    g_assert_false(pc_roles_has_header(NULL));
}

/* Whether T's cells (ROWS x COLS, detected roles) are deals the deck can work with. */
static gboolean lead_table(const char *const *cells, gsize rows, gsize cols)
{
    PcTable *t = table_of(cells, rows, cols);
    PcRole *roles = g_new0(PcRole, cols);
    pc_roles_detect(t, roles);
    gboolean is = pc_roles_is_lead_table(t, roles);
    g_free(roles);
    pc_table_free(t);
    return is;
}

static void roles_what_makes_a_lead_table(void)
{
    static const char *const deals[] = { "Deal", "Stage", "Amount", "Acme", "Lead", "#100" };
    g_assert_true(lead_table(deals, 2, 3));
    g_assert_false(lead_table(deals, 1, 3)); /* a header alone */
    static const char *const scoring[] = { "Source", "Outcome", "Web", "won" };
    g_assert_true(lead_table(scoring, 2, 2)); /* enough for Score leads */
    static const char *const amounts[] = { "Deal", "Amount", "Acme", "#5" };
    g_assert_true(lead_table(amounts, 2, 2));
    /* the forecast's stage table, and in German: a lookup table, not deals */
    static const char *const stages[] = { "Stage", "Probability", "Lead", "#0.1", "Won", "#1" };
    g_assert_false(lead_table(stages, 3, 2));
    static const char *const phasen[] = { "Phase", "Wahrscheinlichkeit", "Lead", "#0.1" };
    g_assert_false(lead_table(phasen, 2, 2));
    /* with a third column it holds deals again */
    static const char *const staged[] = { "Deal", "Stage", "Probability", "Acme", "Lead", "#0.1" };
    g_assert_true(lead_table(staged, 2, 3));
    /* one column, or nothing the actions read per deal */
    static const char *const one[] = { "Stage", "Lead" };
    g_assert_false(lead_table(one, 2, 1));
    static const char *const names[] = { "Deal", "Owner", "Acme", "Ann" };
    g_assert_false(lead_table(names, 2, 2));
    /* a second stage column is ignored: stage | stage is one column in use */
    static const char *const twice[] = { "Stage", "Phase", "Lead", "Lead" };
    g_assert_false(lead_table(twice, 2, 2));
    /* numbers in the first row: no header */
    static const char *const numbers[] = { "#1", "#2", "#3", "#4" };
    g_assert_false(lead_table(numbers, 2, 2));
}

static void roles_outcome_from_stage_column(void)
{
    static const char *const cells[] = { "Stage", "Closed Won", "Closed Lost", "Proposal", "#1" };
    PcTable *t = table_of(cells, 5, 1);
    PcRole roles[1] = { 0 };
    pc_roles_detect(t, roles);
    PcLeadCounts n;
    pc_roles_count(t, roles, &n);
    g_assert_cmpuint(n.won, ==, 1);
    g_assert_cmpuint(n.lost, ==, 1);
    g_assert_cmpuint(n.open, ==, 2); /* a number in a stage column is no outcome */
    pc_table_free(t);
}

static void roles_stage_order_guess(void)
{
    static const char *const cells[] = { "Stage", "Verhandlung", "Angebot", "Custom step",
                                         "won", "Lead", "angebot ", "Qualifiziert", NULL };
    PcTable *t = table_of(cells, 9, 1);
    char **order = pc_roles_stage_order(t, 0);
    g_assert_cmpuint(g_strv_length(order), ==, 5);
    g_assert_cmpstr(order[0], ==, "Lead");
    g_assert_cmpstr(order[1], ==, "Qualifiziert");
    g_assert_cmpstr(order[2], ==, "Angebot");
    g_assert_cmpstr(order[3], ==, "Verhandlung");
    g_assert_cmpstr(order[4], ==, "Custom step"); /* unknown: last, in order of appearance */
    g_strfreev(order);
    pc_table_free(t);
}

static void select_rows_and_columns(void)
{
    PcTable *t = table_of(LEADS, 6, 6);
    gsize rows[] = { 5, 1 }, cols[] = { 2, 0 };
    PcTable *s = pc_table_select(t, rows, 2, cols, 2);
    g_assert_cmpuint(s->rows, ==, 2);
    g_assert_cmpuint(s->cols, ==, 2);
    g_assert_cmpfloat(pc_table_at(s, 0, 0)->num, ==, 400);
    g_assert_cmpstr(pc_table_text(s, pc_table_at(s, 1, 1)), ==, "A");
    pc_table_free(s);
    s = pc_table_select(t, rows, 0, cols, 2);
    g_assert_cmpuint(s->rows, ==, 0);
    g_assert_cmpuint(s->cols, ==, 0);
    pc_table_free(s);
    pc_table_free(t);
}

static gboolean is_log(const char *const *cells, gsize rows, gsize cols)
{
    PcTable *t = table_of(cells, rows, cols);
    gboolean yes = pc_roles_is_stage_log(t);
    pc_table_free(t);
    return yes;
}

static void roles_stage_log_headers(void)
{
    static const char *const EN[] = { "Deal", "Stage entered", "Date entered", "D1", "Lead", "#46000" };
    static const char *const DE[] = { "Deal", "Phase erreicht", "Erreicht am", "D1", "Lead", "#46000" };
    static const char *const WIDE[] = { "Deal ID", "Stage", "Date", "Note", "#7", "Lead", "#46000", "" };
    static const char *const LEAD_TABLE[] = { "Deal", "Stage", "Amount", "D1", "Lead", "#5" };
    static const char *const TEXT_DATE[] = { "Deal", "Stage", "Date", "D1", "Lead", "soon" };
    static const char *const TWO[] = { "Deal", "Stage", "D1", "Lead" };
    g_assert_true(is_log(EN, 2, 3));
    g_assert_true(is_log(DE, 2, 3));
    g_assert_true(is_log(WIDE, 2, 4));
    g_assert_false(is_log(LEAD_TABLE, 2, 3)); /* a lead table: its third column is no date of entry */
    g_assert_false(is_log(TEXT_DATE, 2, 3));
    g_assert_false(is_log(TWO, 2, 2));
    g_assert_false(is_log(EN, 1, 3)); /* a header alone */
    g_assert_false(pc_roles_is_stage_log(NULL));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/core/roles/english-headers", roles_english_headers);
    g_test_add_func("/core/roles/german-headers", roles_german_headers);
    g_test_add_func("/core/roles/attributes-are-not-guessed", roles_attributes_are_not_guessed);
    g_test_add_func("/core/roles/category-by-its-values", roles_category_by_its_values);
    g_test_add_func("/core/roles/detect-and-count", roles_detect_and_count);
    g_test_add_func("/core/roles/second-column-of-a-role-is-ignored",
                    roles_second_column_of_a_role_is_ignored);
    g_test_add_func("/core/roles/override-by-the-manager", roles_override_by_the_manager);
    g_test_add_func("/core/roles/header-needs-text-only", roles_header_needs_text_only);
    g_test_add_func("/core/roles/what-makes-a-lead-table", roles_what_makes_a_lead_table);
    g_test_add_func("/core/roles/outcome-from-stage-column", roles_outcome_from_stage_column);
    g_test_add_func("/core/roles/stage-order-guess", roles_stage_order_guess);
    g_test_add_func("/core/select/rows-and-columns", select_rows_and_columns);
    g_test_add_func("/core/roles/stage-log-headers", roles_stage_log_headers);
    return g_test_run();
}
