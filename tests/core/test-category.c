/* test-category.c - forecast category words (en/de) and category columns. */
#include "pc_category.h"
#include "pc_text.h"
#include "test-tables.h"

static PcCategory of(const char *text)
{
    char *key = pc_text_key(text);
    PcCategory c = pc_category_of_key(key);
    g_free(key);
    return c;
}

static void category_english_words(void)
{
    g_assert_cmpint(of("Commit"), ==, PC_CATEGORY_COMMIT);
    g_assert_cmpint(of(" COMMITTED "), ==, PC_CATEGORY_COMMIT);
    g_assert_cmpint(of("Best case"), ==, PC_CATEGORY_BEST_CASE);
    g_assert_cmpint(of("Best-Case"), ==, PC_CATEGORY_BEST_CASE);
    g_assert_cmpint(of("best_case"), ==, PC_CATEGORY_BEST_CASE);
    g_assert_cmpint(of("Bestcase"), ==, PC_CATEGORY_BEST_CASE);
    g_assert_cmpint(of("Upside"), ==, PC_CATEGORY_BEST_CASE);
    g_assert_cmpint(of("Pipeline"), ==, PC_CATEGORY_PIPELINE);
    g_assert_cmpint(of("Omitted"), ==, PC_CATEGORY_OMITTED);
    g_assert_cmpint(of("Excluded"), ==, PC_CATEGORY_OMITTED);
    g_assert_cmpint(of("Closed"), ==, PC_CATEGORY_CLOSED);
}

static void category_german_words(void)
{
    g_assert_cmpint(of("Zusage"), ==, PC_CATEGORY_COMMIT);
    g_assert_cmpint(of("zugesagt"), ==, PC_CATEGORY_COMMIT);
    g_assert_cmpint(of("Bester Fall"), ==, PC_CATEGORY_BEST_CASE);
    g_assert_cmpint(of("BESTER\xc2\xa0" "FALL"), ==, PC_CATEGORY_BEST_CASE); /* no-break space */
    g_assert_cmpint(of("Pipeline"), ==, PC_CATEGORY_PIPELINE);
    g_assert_cmpint(of("Ausgelassen"), ==, PC_CATEGORY_OMITTED);
    g_assert_cmpint(of("Abgeschlossen"), ==, PC_CATEGORY_CLOSED);
}

static void category_none(void)
{
    g_assert_cmpint(pc_category_of_key(""), ==, PC_CATEGORY_NONE);
    g_assert_cmpint(pc_category_of_key(NULL), ==, PC_CATEGORY_NONE);
    g_assert_cmpint(of("   "), ==, PC_CATEGORY_NONE);
    g_assert_cmpint(of("Maybe"), ==, PC_CATEGORY_NONE);
    g_assert_cmpint(of("Best"), ==, PC_CATEGORY_NONE);         /* half a word */
    g_assert_cmpint(of("Commit soon"), ==, PC_CATEGORY_NONE);  /* no guessing */
    g_assert_cmpint(of("Won"), ==, PC_CATEGORY_NONE);          /* an outcome, not a category */
}

static void category_cells_and_columns(void)
{
    const PcTable *t = TAB(5, 3, "Category", "Kategorie", "Other",
                           "Commit", "Hardware", "Commit",
                           "", "Software", "#3",
                           "Upside", "", "",
                           " ", "Hardware", "!");
    GPtrArray *keys = pc_text_keys(t);
    g_assert_cmpint(pc_category_of_cell(keys, pc_table_at(t, 1, 0)), ==, PC_CATEGORY_COMMIT);
    g_assert_cmpint(pc_category_of_cell(keys, pc_table_at(t, 3, 0)), ==, PC_CATEGORY_BEST_CASE);
    g_assert_cmpint(pc_category_of_cell(keys, pc_table_at(t, 2, 0)), ==, PC_CATEGORY_NONE);
    g_assert_cmpint(pc_category_of_cell(keys, pc_table_at(t, 2, 2)), ==, PC_CATEGORY_NONE);
    g_ptr_array_unref(keys);
    g_assert_true(pc_category_is_column(t, 0));   /* blanks and white space allowed */
    g_assert_false(pc_category_is_column(t, 1));  /* product categories */
    g_assert_false(pc_category_is_column(t, 2));  /* a number, an error */
    g_assert_false(pc_category_is_column(t, 9));
    g_assert_false(pc_category_is_column(TAB(2, 1, "Category", ""), 0)); /* no word at all */
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/core/category/english-words", category_english_words);
    g_test_add_func("/core/category/german-words", category_german_words);
    g_test_add_func("/core/category/none", category_none);
    g_test_add_func("/core/category/cells-and-columns", category_cells_and_columns);
    return g_test_run();
}
