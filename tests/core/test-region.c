/* test-region.c - the current region around a cell inside a table (pc_region.h). */
#include "pc_region.h"
#include <string.h>

/* A table from rows of characters: '.' empty, anything else a text. */
static PcTable *grid(const char *const *rows, gsize n)
{
    gsize cols = strlen(rows[0]);
    PcTable *t = pc_table_new(n, cols);
    for (gsize r = 0; r < n; r++)
        for (gsize c = 0; c < cols; c++)
            if (rows[r][c] != '.')
                pc_table_set_text(t, r, c, &rows[r][c], 1);
    return t;
}

static void check(const PcTable *t, gsize row, gsize col, gsize r0, gsize c0, gsize r1, gsize c1)
{
    PcBox b = pc_region_around(t, row, col);
    g_assert_cmpuint(b.row0, ==, r0);
    g_assert_cmpuint(b.col0, ==, c0);
    g_assert_cmpuint(b.row1, ==, r1);
    g_assert_cmpuint(b.col1, ==, c1);
}

static void region_two_tables_of_different_heights(void)
{
    /* a 3-row table at A, a 5-row one at D (the Score column between them left out: empty) */
    const char *rows[] = { "aa.bbb", "aa.bbb", "aa.bbb", "...bbb", "...bbb", "......" };
    PcTable *t = grid(rows, 6);
    check(t, 1, 0, 0, 0, 2, 1);
    check(t, 4, 5, 0, 3, 4, 5);
    pc_table_free(t);
}

static void region_grows_diagonally_and_around_holes(void)
{
    /* corners count, as in Calc: x at (2,2) joins the block through its corner */
    const char *rows[] = { "aa...", "aa...", "..x..", ".....", "....y" };
    PcTable *t = grid(rows, 5);
    check(t, 0, 0, 0, 0, 2, 2);
    check(t, 4, 4, 4, 4, 4, 4); /* y is two cells away from x: a region of its own */
    check(t, 3, 0, 3, 0, 3, 0); /* an empty cell with nothing beside it */
    pc_table_free(t);
    const char *holes[] = { "aaa", "a.a", "aaa" };
    t = grid(holes, 3);
    check(t, 1, 1, 0, 0, 2, 2);
    pc_table_free(t);
}

static void region_of_an_empty_table(void)
{
    PcTable *t = pc_table_new(1, 1);
    check(t, 0, 0, 0, 0, 0, 0);
    pc_table_free(t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/core/region/two-tables-of-different-heights", region_two_tables_of_different_heights);
    g_test_add_func("/core/region/grows-diagonally-and-around-holes", region_grows_diagonally_and_around_holes);
    g_test_add_func("/core/region/of-an-empty-table", region_of_an_empty_table);
    return g_test_run();
}
