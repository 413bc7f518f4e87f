/* report-tables.h - lead tables as report sources in unit tests. */
#ifndef REPORT_TABLES_H
#define REPORT_TABLES_H

#include "rp_plan.h"
#include "test-tables.h"

/* T (header row first) as a source on sheet "Deals" from A1, its roles detected as the
 * deck detects them; freed when the test ends. */
static inline RpSource source_of(const PcTable *t)
{
    PcRole *roles = g_new0(PcRole, MAX(t->cols, 1));
    pc_roles_detect(t, roles);
    g_test_queue_free(roles);
    RpSource s = { .cells = t, .roles = roles, .sheet_name = "Deals", .dates = pc_dates_default() };
    pc_roles_count(t, roles, &s.counts);
    return s;
}

/* T as a source on sheet SHEET whose header cell is at ROW0, COL0 (0-based), roles detected;
 * freed when the test ends. */
static inline RpSource source_at(const PcTable *t, const char *sheet, gsize row0, gsize col0)
{
    RpSource s = source_of(t);
    s.sheet_name = sheet;
    s.row0 = row0;
    s.col0 = col0;
    return s;
}

/* The text of plan cell ROW, COL ("" when it holds none). */
static inline const char *text_at(const RpPlan *p, gsize row, gsize col)
{
    const RpCell *c = rp_cell_at(p, row, col);
    return c->kind == RP_TEXT || c->kind == RP_FORMULA ? c->text : "";
}

/* The number of plan cell ROW, COL, which must hold one. */
static inline double number_at(const RpPlan *p, gsize row, gsize col)
{
    const RpCell *c = rp_cell_at(p, row, col);
    g_assert_true(c->kind == RP_NUMBER || c->kind == RP_FORMULA || c->kind == RP_ARRAY);
    return c->num;
}

/* The number format and the style of plan cell ROW, COL. */
static inline RpFormat format_at(const RpPlan *p, gsize row, gsize col)
{
    return rp_cell_at(p, row, col)->format;
}

static inline RpStyle style_at(const RpPlan *p, gsize row, gsize col)
{
    return rp_cell_at(p, row, col)->style;
}

/* Cell ROW, COL of the plan is a formula of exactly the text FORMULA with VALUE. */
static inline void assert_formula(const RpPlan *p, gsize row, gsize col, const char *formula,
                                  double value)
{
    const RpCell *c = rp_cell_at(p, row, col);
    g_assert_cmpint(c->kind, ==, RP_FORMULA);
    g_assert_cmpstr(c->text, ==, formula);
    g_assert_cmpfloat_with_epsilon(c->num, value, 1e-9 * MAX(1.0, value));
}

/* The cells of P as Calc would hold them once written, read back (pc_table_free): numbers
 * and formulas' values as numbers, texts as texts. For reports that read what an earlier
 * one wrote (the Pipeline history). */
static inline PcTable *plan_as_table(const RpPlan *p)
{
    PcTable *t = pc_table_new(p->rows, p->cols);
    for (gsize i = 0; i < p->rows; i++)
        for (gsize j = 0; j < p->cols; j++) {
            const RpCell *c = rp_cell_at(p, i, j);
            if (c->kind == RP_TEXT)
                pc_table_set_text(t, i, j, c->text, -1);
            else if (c->kind != RP_EMPTY)
                pc_table_set_number(t, i, j, c->num);
        }
    return t;
}

#endif
