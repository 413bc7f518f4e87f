/* test-checks.c - the sidebar's data checks: percent probabilities, overdue open deals,
 * mixed currencies, unknown stages, rows PIPELINE_FORECAST rejects. */
#include "pc_checks.h"

#include <string.h>

/* ROWS x COLS from CELLS: NULL empty, "#<number>" a number, "!" an error, else a text. */
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
            else if (v[0] == '!')
                pc_table_set_error(t, r, c, 504);
            else
                pc_table_set_text(t, r, c, v, -1);
        }
    return t;
}

/* The findings for CELLS (with header) on TODAY, with STAGES (NULL: none). */
static GPtrArray *run(const char *const *cells, gsize rows, gsize cols, double today,
                      const PcTable *stages, PcTable **t, PcRole **roles)
{
    *t = table_of(cells, rows, cols);
    *roles = g_new0(PcRole, cols);
    pc_roles_detect(*t, *roles);
    PcChecksArgs a = { *t, *roles, today, stages, 0 };
    return pc_checks_run(&a);
}

static const PcFinding *find(GPtrArray *f, PcCheckKind kind, guint nth)
{
    for (guint i = 0; i < f->len; i++) {
        const PcFinding *x = g_ptr_array_index(f, i);
        if (x->kind == kind && nth-- == 0)
            return x;
    }
    return NULL;
}

static gsize row_at(const PcFinding *f, guint i)
{
    return g_array_index(f->rows, gsize, i);
}

#define TODAY 46050.0 /* 2026-01-28 */

static const char *const CLEAN[] = {
    "Deal", "Stage", "Amount", "Probability", "Close date", "Currency", "Outcome",
    "A", "Lead", "#100", "#0.1", "#46060", "EUR", NULL,
    "B", "Proposal", "#200", "#0.5", "#46070", "EUR", NULL,
    "C", "Proposal", "#300", "#1", "#46000", "EUR", "won",
};

static void checks_clean_table_finds_nothing(void)
{
    PcTable *t; PcRole *roles;
    GPtrArray *f = run(CLEAN, 4, 7, TODAY, NULL, &t, &roles);
    g_assert_cmpuint(f->len, ==, 0);
    g_ptr_array_unref(f);
    pc_table_free(t);
    g_free(roles);
}

static void checks_percent_probabilities(void)
{
    g_assert_false(pc_check_is_percent(1.0));   /* 1 is 100 %, a valid probability */
    g_assert_true(pc_check_is_percent(1.5));
    g_assert_true(pc_check_is_percent(100.0));
    g_assert_false(pc_check_is_percent(100.5)); /* not a percent either: rejected instead */
    g_assert_false(pc_check_is_percent(0.3));
    static const char *const CELLS[] = {
        "Deal", "Amount", "Win probability",
        "A", "#100", "#25",
        "B", "#100", "#0.25",
        "C", "#100", "#100",
        "D", "#100", "#250",
    };
    PcTable *t; PcRole *roles;
    GPtrArray *f = run(CELLS, 5, 3, TODAY, NULL, &t, &roles);
    const PcFinding *p = find(f, PC_CHECK_PERCENT, 0);
    g_assert_nonnull(p);
    g_assert_cmpuint(p->rows->len, ==, 2);
    g_assert_cmpuint(row_at(p, 0), ==, 1);
    g_assert_cmpuint(row_at(p, 1), ==, 3);
    g_ptr_array_unref(f);
    pc_table_free(t);
    g_free(roles);
}

static void checks_overdue_open_deals_only(void)
{
    static const char *const CELLS[] = {
        "Deal", "Stage", "Close date", "Outcome",
        "A", "Lead", "#46049.9", NULL,   /* yesterday, open: overdue */
        "B", "Lead", "#46050.2", NULL,   /* today: not yet */
        "C", "Lead", "#46000", "won",    /* closed: fine */
        "D", "Lead", "2026-01-01", NULL, /* a text date: the rejected check's business */
        "E", "Lead", "#45000", NULL,
    };
    PcTable *t; PcRole *roles;
    GPtrArray *f = run(CELLS, 6, 4, TODAY, NULL, &t, &roles);
    const PcFinding *o = find(f, PC_CHECK_OVERDUE, 0);
    g_assert_nonnull(o);
    g_assert_cmpuint(o->rows->len, ==, 2);
    g_assert_cmpuint(row_at(o, 0), ==, 1);
    g_assert_cmpuint(row_at(o, 1), ==, 5);
    g_ptr_array_unref(f);
    pc_table_free(t);
    g_free(roles);
}

static void checks_mixed_currencies(void)
{
    static const char *const CELLS[] = {
        "Deal", "Amount", "Currency",
        "A", "#1", "EUR",
        "B", "#1", "usd",
        "C", "#1", " eur ",
        "D", "#1", NULL,
        "E", "#1", "USD",
        "F", "#1", "eur",
    };
    PcTable *t; PcRole *roles;
    GPtrArray *f = run(CELLS, 7, 3, TODAY, NULL, &t, &roles);
    const PcFinding *c = find(f, PC_CHECK_CURRENCIES, 0);
    g_assert_nonnull(c);
    g_assert_cmpstr(c->detail, ==, "EUR, usd");
    g_assert_cmpuint(c->rows->len, ==, 2); /* the rows not in EUR, the most common */
    g_assert_cmpuint(row_at(c, 0), ==, 2);
    g_assert_cmpuint(row_at(c, 1), ==, 5);
    g_ptr_array_unref(f);
    pc_table_free(t);
    g_free(roles);
    /* one currency, spelt differently: fine */
    static const char *const ONE[] = { "Deal", "Currency", "A", "EUR", "B", "eur" };
    f = run(ONE, 3, 2, TODAY, NULL, &t, &roles);
    g_assert_null(find(f, PC_CHECK_CURRENCIES, 0));
    g_ptr_array_unref(f);
    pc_table_free(t);
    g_free(roles);
}

static void checks_unknown_stages(void)
{
    static const char *const STAGES[] = { "Lead", "#0.1", "Proposal", "#0.5", "Won", "#0" };
    PcTable *st = table_of(STAGES, 3, 2);
    static const char *const CELLS[] = {
        "Deal", "Stage", "Amount",
        "A", "lead", "#1",
        "B", "Demo", "#1",
        "C", "Proposal", "#1",
        "D", "demo ", "#1",
        "E", "Pilot", "#1",
    };
    PcTable *t; PcRole *roles;
    GPtrArray *f = run(CELLS, 6, 3, TODAY, st, &t, &roles);
    const PcFinding *u = find(f, PC_CHECK_UNKNOWN_STAGE, 0);
    g_assert_nonnull(u);
    g_assert_cmpstr(u->detail, ==, "Demo, Pilot");
    g_assert_cmpuint(u->rows->len, ==, 3);
    /* the forecast function rejects the first unknown stage too, with its own words */
    const PcFinding *r = find(f, PC_CHECK_REJECTED, 0);
    g_assert_nonnull(r);
    g_assert_cmpint(r->status, ==, PC_ERR_NA);
    g_assert_cmpuint(row_at(r, 0), ==, 2);
    g_ptr_array_unref(f);
    pc_table_free(t);
    g_free(roles);
    /* without a stage table in use, stages are not judged */
    f = run(CELLS, 6, 3, TODAY, NULL, &t, &roles);
    g_assert_null(find(f, PC_CHECK_UNKNOWN_STAGE, 0));
    g_assert_null(find(f, PC_CHECK_REJECTED, 0));
    g_ptr_array_unref(f);
    pc_table_free(t);
    g_free(roles);
    pc_table_free(st);
}

static void checks_unwon_products(void)
{
    static const char *const CELLS[] = {
        "Deal", "Product", "Status",
        "A", "Suite", "won",
        "B", "Pilot", "",          /* open, Pilot never won */
        "C", "Basic", "lost",
        "D", "pilot ", "open",     /* the same product, spelt otherwise */
        "E", "Basic", "",          /* Basic: lost once, never won */
        "F", "Suite", "",          /* Suite was won: fine */
        "G", "Pilot", "lost",      /* a closed deal is no finding */
    };
    PcTable *t; PcRole *roles;
    GPtrArray *f = run(CELLS, 8, 3, TODAY, NULL, &t, &roles);
    const PcFinding *u = find(f, PC_CHECK_UNWON_PRODUCT, 0);
    g_assert_nonnull(u);
    g_assert_cmpstr(u->detail, ==, "Pilot, Basic");
    g_assert_cmpuint(u->rows->len, ==, 3);
    g_assert_cmpuint(row_at(u, 0), ==, 2);
    g_assert_cmpuint(row_at(u, 2), ==, 5);
    g_ptr_array_unref(f);
    pc_table_free(t);
    g_free(roles);
    /* no won deal at all: not this check's business (every product would be listed) */
    static const char *const NONE_WON[] = { "Deal", "Product", "Status", "A", "Suite", "lost",
                                            "B", "Pilot", "" };
    f = run(NONE_WON, 3, 3, TODAY, NULL, &t, &roles);
    g_assert_null(find(f, PC_CHECK_UNWON_PRODUCT, 0));
    g_ptr_array_unref(f);
    pc_table_free(t);
    g_free(roles);
}

static void checks_rejected_rows_one_by_one(void)
{
    static const char *const CELLS[] = {
        "Deal", "Stage", "Amount", "Probability", "Close date",
        "A", "Lead", "#100", "#0.1", "#46060",
        "B", "Lead", "lots", "#0.1", "#46060",       /* text amount: #VALUE! */
        "C", "Lead", "#100", "#25", "#46060",        /* 25: #NUM!, suggests 25% */
        NULL, NULL, NULL, NULL, NULL,                /* blank: skipped */
        "D", "Lead", "#100", "#0.2", "soon",         /* text date: #VALUE! */
        "E", "Lead", "#100", NULL, "#46060",         /* no probability: #N/A */
        "F", "Lead", "#100", "#0.3", "#46060",
    };
    PcTable *t; PcRole *roles;
    GPtrArray *f = run(CELLS, 8, 5, TODAY, NULL, &t, &roles);
    static const struct { gsize row; PcStatus status; const char *starts; } WANT[] = {
        { 2, PC_ERR_VALUE, "the amount \"lots\" is text" },
        { 3, PC_ERR_NUM, "25 is not a probability in 0-1; type 25%" },
        { 5, PC_ERR_VALUE, "the close date \"soon\" is text" },
        { 6, PC_ERR_NA, "the deal has an amount but no probability" },
    };
    for (guint i = 0; i < G_N_ELEMENTS(WANT); i++) {
        const PcFinding *r = find(f, PC_CHECK_REJECTED, i);
        g_assert_nonnull(r);
        g_assert_cmpuint(r->rows->len, ==, 1);
        g_assert_cmpuint(row_at(r, 0), ==, WANT[i].row);
        g_assert_cmpint(r->status, ==, WANT[i].status);
        g_assert_true(g_str_has_prefix(r->detail, WANT[i].starts));
    }
    g_assert_null(find(f, PC_CHECK_REJECTED, G_N_ELEMENTS(WANT)));
    g_assert_nonnull(find(f, PC_CHECK_PERCENT, 0));
    g_ptr_array_unref(f);
    /* the limit */
    PcChecksArgs a = { t, roles, TODAY, NULL, 2 };
    f = pc_checks_run(&a);
    g_assert_nonnull(find(f, PC_CHECK_REJECTED, 1));
    g_assert_null(find(f, PC_CHECK_REJECTED, 2));
    g_ptr_array_unref(f);
    pc_table_free(t);
    g_free(roles);
}

/* A bad row of the stage table is the stage table's: no data row is named, its own row
 * number stays in the sentence. */
static void checks_bad_stage_table_names_no_data_row(void)
{
    static const char *const CELLS[] = {
        "Deal", "Stage", "Amount",
        "A", "Lead", "#100",
        "B", "Proposal", "#200",
        "C", "Proposal", "#300",
    };
    static const char *const STAGES[] = { "Stage", "Probability", "Lead", "#0.1", "Proposal", "#25" };
    PcTable *stages = table_of(STAGES, 3, 2);
    PcTable *t; PcRole *roles;
    GPtrArray *f = run(CELLS, 4, 3, TODAY, stages, &t, &roles);
    const PcFinding *r = find(f, PC_CHECK_REJECTED, 0);
    g_assert_nonnull(r);
    g_assert_cmpint(r->status, ==, PC_ERR_NUM);
    g_assert_cmpuint(r->rows->len, ==, 0);
    g_assert_true(g_str_has_prefix(r->detail, "row "));
    g_assert_nonnull(strstr(r->detail, "25"));
    g_assert_null(find(f, PC_CHECK_REJECTED, 1));
    g_ptr_array_unref(f);
    pc_table_free(t);
    pc_table_free(stages);
    g_free(roles);
}

static void checks_header_like_row_is_still_checked(void)
{
    /* a data row that is all text would pass for a header if handed over first */
    static const char *const CELLS[] = {
        "Deal", "Stage", "Amount", "Probability", "Close date",
        "A", "Lead", "much", "high", "soon",
    };
    PcTable *t; PcRole *roles;
    GPtrArray *f = run(CELLS, 2, 5, TODAY, NULL, &t, &roles);
    const PcFinding *r = find(f, PC_CHECK_REJECTED, 0);
    g_assert_nonnull(r);
    g_assert_cmpuint(row_at(r, 0), ==, 1);
    g_ptr_array_unref(f);
    pc_table_free(t);
    g_free(roles);
}

static void checks_missing_columns_and_empty_table(void)
{
    static const char *const CELLS[] = { "Deal", "Source", "A", "Web" };
    PcTable *t; PcRole *roles;
    GPtrArray *f = run(CELLS, 2, 2, TODAY, NULL, &t, &roles);
    g_assert_cmpuint(f->len, ==, 0);
    g_ptr_array_unref(f);
    pc_table_free(t);
    g_free(roles);
    f = run(CELLS, 1, 2, TODAY, NULL, &t, &roles); /* header only */
    g_assert_cmpuint(f->len, ==, 0);
    g_ptr_array_unref(f);
    pc_table_free(t);
    g_free(roles);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/core/checks/clean-table-finds-nothing", checks_clean_table_finds_nothing);
    g_test_add_func("/core/checks/percent-probabilities", checks_percent_probabilities);
    g_test_add_func("/core/checks/overdue-open-deals-only", checks_overdue_open_deals_only);
    g_test_add_func("/core/checks/mixed-currencies", checks_mixed_currencies);
    g_test_add_func("/core/checks/unknown-stages", checks_unknown_stages);
    g_test_add_func("/core/checks/unwon-products", checks_unwon_products);
    g_test_add_func("/core/checks/rejected-rows-one-by-one", checks_rejected_rows_one_by_one);
    g_test_add_func("/core/checks/bad-stage-table-names-no-data-row",
                    checks_bad_stage_table_names_no_data_row);
    g_test_add_func("/core/checks/header-like-row-is-still-checked",
                    checks_header_like_row_is_still_checked);
    g_test_add_func("/core/checks/missing-columns-and-empty-table",
                    checks_missing_columns_and_empty_table);
    return g_test_run();
}
