/* test-plan.c - report plans: cells, formats, styles, widths, references. */
#include "rp_plan.h"

static void plan_cells_and_formats(void)
{
    RpPlan *p = rp_plan_new(RP_PLACE_SHEET, "PIPECALC_TEST", 3, 2);
    rp_set_text(p, 0, 0, "Title");
    rp_set_number(p, 1, 0, 0.25, RP_FORMAT_PERCENT);
    rp_set_formula(p, 1, 1, g_strdup("=SUM($A$2:$A$2)"), 0.25, RP_FORMAT_PERCENT);
    rp_set_text(p, 2, 0, ""); /* an empty text is an empty cell */
    rp_style(p, (RpRect){ 0, 0, 0, 1 }, RP_STYLE_TITLE);
    g_assert_cmpint(rp_cell_at(p, 0, 0)->kind, ==, RP_TEXT);
    g_assert_cmpint(rp_cell_at(p, 0, 1)->style, ==, RP_STYLE_TITLE);
    g_assert_cmpint(rp_cell_at(p, 1, 0)->format, ==, RP_FORMAT_PERCENT);
    g_assert_cmpint(rp_cell_at(p, 1, 1)->kind, ==, RP_FORMULA);
    g_assert_cmpfloat(rp_cell_at(p, 1, 1)->num, ==, 0.25);
    g_assert_cmpint(rp_cell_at(p, 2, 0)->kind, ==, RP_EMPTY);
    rp_plan_free(p);
}

/* An array formula over a rectangle: its cells RP_ARRAY with the values given (or those
 * already planned), found by rp_array_at, counted by the widths as numbers. */
static void plan_array_formulas(void)
{
    RpPlan *p = rp_plan_new(RP_PLACE_SHEET, "PIPECALC_TEST", 4, 3);
    static const double V[4] = { 1, 2, 30000, 4 };
    rp_set_array_formula(p, (RpRect){ 1, 1, 2, 2 }, g_strdup("=MMULT($A$2:$A$3;$B$1:$C$1)"), V,
                         RP_FORMAT_AMOUNT);
    rp_set_number(p, 3, 0, 5, RP_FORMAT_GENERAL);
    rp_set_number(p, 3, 1, 6, RP_FORMAT_GENERAL);
    rp_set_array_formula(p, (RpRect){ 3, 0, 3, 1 }, g_strdup("=TRANSPOSE($A$2:$A$3)"), NULL,
                         RP_FORMAT_GENERAL);
    g_assert_cmpuint(p->arrays->len, ==, 2);
    const RpArray *a = rp_array_at(p, 2, 2);
    g_assert_nonnull(a);
    g_assert_cmpstr(a->formula, ==, "=MMULT($A$2:$A$3;$B$1:$C$1)");
    g_assert_true(rp_array_at(p, 1, 1) == a);
    g_assert_null(rp_array_at(p, 0, 1));
    g_assert_null(rp_array_at(p, 1, 0));
    for (gsize i = 0; i < 2; i++)
        for (gsize j = 0; j < 2; j++) {
            const RpCell *c = rp_cell_at(p, 1 + i, 1 + j);
            g_assert_cmpint(c->kind, ==, RP_ARRAY);
            g_assert_null(c->text);
            g_assert_cmpint(c->format, ==, RP_FORMAT_AMOUNT);
            g_assert_cmpfloat(c->num, ==, V[i * 2 + j]);
        }
    g_assert_cmpfloat(rp_cell_at(p, 3, 1)->num, ==, 6); /* kept */
    g_assert_cmpint(rp_cell_at(p, 3, 1)->kind, ==, RP_ARRAY);
    g_assert_cmpstr(rp_array_at(p, 3, 0)->formula, ==, "=TRANSPOSE($A$2:$A$3)");
    rp_fit_widths(p, 2, 40);
    g_assert_cmpfloat(p->widths[1], ==, 12); /* 30,000 in an amount format and a space */
    rp_plan_free(p);
}

static void plan_widths_by_content(void)
{
    RpPlan *p = rp_plan_new(RP_PLACE_SHEET, "PIPECALC_TEST", 3, 2);
    rp_set_text(p, 0, 0, "A long title that is merged");
    rp_merge(p, (RpRect){ 0, 0, 0, 1 });
    rp_set_text(p, 1, 0, "Qualifiziert");      /* 12 characters, one of them two bytes */
    rp_set_number(p, 2, 1, 1234567, RP_FORMAT_GENERAL); /* 1,234,567 */
    rp_fit_widths(p, 4, 40);
    g_assert_cmpfloat(p->widths[0], ==, 13);   /* the merged title does not count */
    g_assert_cmpfloat(p->widths[1], ==, 10);
    rp_fit_widths(p, 4, 8);
    g_assert_cmpfloat(p->widths[0], ==, 8);
    rp_plan_free(p);
}

static void plan_references(void)
{
    PcTable *cells = pc_table_new(10, 3);
    RpSource s = { .cells = cells, .sheet_name = "Q1 'deals'", .row0 = 4, .col0 = 2 };
    char *ref = rp_source_column_ref(&s, 1);
    g_assert_cmpstr(ref, ==, "$'Q1 ''deals'''.$D$6:$D$14");
    g_free(ref);
    char *text = rp_source_text(&s);
    g_assert_cmpstr(text, ==, "Q1 'deals'.C5:E14");
    g_free(text);
    ref = rp_block_ref((RpRect){ 4, 0, 8, 1 });
    g_assert_cmpstr(ref, ==, "$A$5:$B$9");
    g_free(ref);
    pc_table_free(cells);
}

static void plan_charts(void)
{
    RpPlan *p = rp_plan_new(RP_PLACE_SHEET, "PIPECALC_TEST", 4, 4);
    RpChart *c = rp_add_chart(p, "PipecalcTest", RP_CHART_BARS, (RpRect){ 0, 0, 3, 3 }, 5, 1);
    c->title = g_strdup("Deals by stage");
    c->legend = TRUE;
    g_assert_cmpuint(p->charts->len, ==, 1);
    g_assert_cmpstr(((RpChart *)g_ptr_array_index(p->charts, 0))->title, ==, "Deals by stage");
    /* its corner at the cell asked for, the default size; series in the order asked */
    g_assert_cmpuint(c->row, ==, 5);
    g_assert_cmpuint(c->col, ==, 1);
    g_assert_cmpfloat(c->width, ==, 16);
    g_assert_cmpfloat(c->height, ==, 9);
    g_assert_cmpuint(c->n_series, ==, 0);
    rp_chart_series(c, 3);
    rp_chart_series(c, 1);
    g_assert_cmpuint(c->n_series, ==, 2);
    g_assert_cmpuint(c->series[0], ==, 3);
    g_assert_cmpuint(c->series[1], ==, 1);
    rp_plan_free(p);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/report/plan/cells-and-formats", plan_cells_and_formats);
    g_test_add_func("/report/plan/array-formulas", plan_array_formulas);
    g_test_add_func("/report/plan/widths-by-content", plan_widths_by_content);
    g_test_add_func("/report/plan/references", plan_references);
    g_test_add_func("/report/plan/charts", plan_charts);
    return g_test_run();
}
