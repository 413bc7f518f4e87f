/* test-text.c - cell tables, name keys and the outcome vocabulary. */
#include "pc_args.h"
#include "pc_table.h"
#include "pc_text.h"

#include <math.h>

static void assert_key(const char *in, const char *want)
{
    char *k = pc_text_key(in);
    g_assert_cmpstr(k, ==, want);
    g_free(k);
}

static void text_key_folds_case_and_space(void)
{
    assert_key("Qualifiziert", "qualifiziert");
    assert_key("qualifiziert\xc2\xa0", "qualifiziert");      /* no-break space */
    assert_key("\xe2\x80\x83 Lead\t\n", "lead");              /* em space, tab */
    assert_key("\xc3\x84RZTE", "\xc3\xa4rzte");               /* ÄRZTE */
    assert_key("A\xcc\x88rzte", "\xc3\xa4rzte");              /* decomposed Ä */
    assert_key("   ", "");
    assert_key("", "");
}

static void text_key_survives_odd_unicode(void)
{
    /* a lone surrogate cannot reach us as UTF-8; U+FFFD from replacement must not crash */
    assert_key("\xef\xbf\xbd", "\xef\xbf\xbd");
    assert_key("\xf0\x9f\x98\x80 Deal", "\xf0\x9f\x98\x80 deal");
}

static void outcome_vocabulary(void)
{
    const char *won[] = { "won", "Gewonnen", "YES", "ja", "Closed Won", "closedwon", "TRUE" };
    const char *lost[] = { "lost", "Verloren", "no", "NEIN", "closed lost", "ClosedLost", "false" };
    for (gsize i = 0; i < G_N_ELEMENTS(won); i++) {
        char *k = pc_text_key(won[i]);
        g_assert_cmpint(pc_outcome_of_key(k), ==, PC_OUTCOME_WON);
        g_free(k);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(lost); i++) {
        char *k = pc_text_key(lost[i]);
        g_assert_cmpint(pc_outcome_of_key(k), ==, PC_OUTCOME_LOST);
        g_free(k);
    }
    PcTable *t = pc_table_new(1, 5);
    pc_table_set_number(t, 0, 0, 1);
    pc_table_set_number(t, 0, 1, 0);
    pc_table_set_number(t, 0, 2, 2);
    pc_table_set_text(t, 0, 3, "open", -1);
    GPtrArray *keys = pc_text_keys(t);
    g_assert_cmpint(pc_outcome_of_cell(t, keys, pc_table_at(t, 0, 0)), ==, PC_OUTCOME_WON);
    g_assert_cmpint(pc_outcome_of_cell(t, keys, pc_table_at(t, 0, 1)), ==, PC_OUTCOME_LOST);
    g_assert_cmpint(pc_outcome_of_cell(t, keys, pc_table_at(t, 0, 2)), ==, PC_OUTCOME_NONE);
    g_assert_cmpint(pc_outcome_of_cell(t, keys, pc_table_at(t, 0, 3)), ==, PC_OUTCOME_NONE);
    g_assert_cmpint(pc_outcome_of_cell(t, keys, pc_table_at(t, 0, 4)), ==, PC_OUTCOME_NONE);
    g_ptr_array_unref(keys);
    pc_table_free(t);
}

static void table_interns_texts(void)
{
    PcTable *t = pc_table_new(3, 1);
    pc_table_set_text(t, 0, 0, "Lead", -1);
    pc_table_set_text(t, 1, 0, "Lead", 4);
    pc_table_set_text(t, 2, 0, "", 0);
    g_assert_cmpuint(pc_table_text_count(t), ==, 1);
    g_assert_cmpuint(pc_table_at(t, 0, 0)->text, ==, pc_table_at(t, 1, 0)->text);
    g_assert_cmpint(pc_table_at(t, 2, 0)->kind, ==, PC_CELL_EMPTY);
    g_assert_cmpstr(pc_table_text(t, pc_table_at(t, 1, 0)), ==, "Lead");
    pc_table_free(t);
}

static void table_reuses_text_ids(void)
{
    PcTable *t = pc_table_new(2, 1);
    pc_table_set_text(t, 0, 0, "Proposal", -1);
    pc_table_set_text_id(t, 1, 0, pc_table_at(t, 0, 0)->text);
    g_assert_cmpint(pc_table_at(t, 1, 0)->kind, ==, PC_CELL_TEXT);
    g_assert_cmpstr(pc_table_text(t, pc_table_at(t, 1, 0)), ==, "Proposal");
    g_assert_cmpuint(pc_table_text_count(t), ==, 1);
    pc_table_free(t);
}

static void table_repairs_invalid_utf8(void)
{
    PcTable *t = pc_table_new(1, 1);
    pc_table_set_text(t, 0, 0, "a\xff" "b", 3);
    g_assert_true(g_utf8_validate(pc_table_text(t, pc_table_at(t, 0, 0)), -1, NULL));
    pc_table_set_text(t, 0, 0, "c\xff", -1); /* NUL-terminated but invalid */
    g_assert_true(g_utf8_validate(pc_table_text(t, pc_table_at(t, 0, 0)), -1, NULL));
    /* a length shorter than the text: only LEN bytes are read */
    pc_table_set_text(t, 0, 0, "Lead and more", 4);
    g_assert_cmpstr(pc_table_text(t, pc_table_at(t, 0, 0)), ==, "Lead");
    pc_table_free(t);
}

static void table_shapes(void)
{
    g_assert_null(pc_table_new(0, 3));
    g_assert_null(pc_table_new(1048577, 16));
    PcTable *empty = pc_table_new(0, 0);
    g_assert_cmpint(pc_table_vector_len(empty), ==, 0);
    g_assert_true(pc_table_is_blank(empty));
    pc_table_free(empty);
    PcTable *row = pc_table_new(1, 4), *col = pc_table_new(4, 1), *grid = pc_table_new(2, 2);
    g_assert_cmpint(pc_table_vector_len(row), ==, 4);
    g_assert_cmpint(pc_table_vector_len(col), ==, 4);
    g_assert_cmpint(pc_table_vector_len(grid), ==, -1);
    pc_table_free(row);
    pc_table_free(col);
    pc_table_free(grid);
    pc_table_free(NULL);
}

static void optional_number_rules(void)
{
    gboolean given;
    double v = -1;
    PcError err;
    pc_error_clear(&err);
    g_assert_cmpint(pc_optional_number(NULL, 4, "PeriodStart", &given, &v, &err), ==, PC_OK);
    g_assert_false(given);
    PcTable *t = pc_table_new(1, 1);
    g_assert_cmpint(pc_optional_number(t, 4, "PeriodStart", &given, &v, &err), ==, PC_OK);
    g_assert_false(given); /* empty cell */
    pc_table_set_number(t, 0, 0, 0);
    g_assert_cmpint(pc_optional_number(t, 4, "PeriodStart", &given, &v, &err), ==, PC_OK);
    g_assert_false(given); /* 0 means omitted */
    pc_table_set_number(t, 0, 0, 45000);
    g_assert_cmpint(pc_optional_number(t, 4, "PeriodStart", &given, &v, &err), ==, PC_OK);
    g_assert_true(given);
    g_assert_cmpfloat(v, ==, 45000);
    pc_table_set_text(t, 0, 0, "soon", -1);
    g_assert_cmpint(pc_optional_number(t, 4, "PeriodStart", &given, &v, &err), ==, PC_ERR_VALUE);
    g_assert_cmpint(err.arg, ==, 4);
    pc_table_set_number(t, 0, 0, NAN);
    g_assert_cmpint(pc_optional_number(t, 4, "PeriodStart", &given, &v, &err), ==, PC_ERR_NUM);
    pc_table_free(t);
    PcTable *two = pc_table_new(2, 1);
    g_assert_cmpint(pc_optional_number(two, 4, "PeriodStart", &given, &v, &err), ==, PC_ERR_ARG);
    pc_table_free(two);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/core/text/key-folds-case-and-space", text_key_folds_case_and_space);
    g_test_add_func("/core/text/key-odd-unicode", text_key_survives_odd_unicode);
    g_test_add_func("/core/text/outcome-vocabulary", outcome_vocabulary);
    g_test_add_func("/core/table/interns-texts", table_interns_texts);
    g_test_add_func("/core/table/repairs-invalid-utf8", table_repairs_invalid_utf8);
    g_test_add_func("/core/table/reuses-text-ids", table_reuses_text_ids);
    g_test_add_func("/core/table/shapes", table_shapes);
    g_test_add_func("/core/args/optional-number", optional_number_rules);
    return g_test_run();
}
