/* test-categories-plan.c - the deck's plans over many distinct stages and owners: the
 * sheets bounded by what a manager reads, the numbers those of the functions, and the
 * work linear in the table (the planning times are printed with --verbose; README
 * "Performance" has the deck's). */
#include "pc_forecast.h"
#include "pc_stage.h"
#include "report-tables.h"
#include "rp_forecast.h"
#include "rp_funnel.h"
#include "rp_stages.h"

enum { JAN_1 = 46023, STAGE0 = 4, MONTH_COLS = 7 };

/* N deals at K distinct stages ("Stage 0" ..), OWNERS distinct owners, over 12 months;
 * every 10th deal closed, won or lost alternately, as the Outcome column says. */
static PcTable *many_categories(gsize n, gsize k, gsize owners)
{
    PcTable *t = pc_table_new(n + 1, 6);
    const char *head[] = { "Deal", "Stage", "Amount", "Close date", "Owner", "Outcome" };
    for (gsize j = 0; j < 6; j++)
        pc_table_set_text(t, 0, j, head[j], -1);
    for (gsize r = 1; r <= n; r++) {
        char text[32];
        pc_table_set_number(t, r, 0, (double)r);
        g_snprintf(text, sizeof text, "Stage %zu", r % k);
        pc_table_set_text(t, r, 1, text, -1);
        pc_table_set_number(t, r, 2, (double)(r % 97) * 100 + 100);
        pc_table_set_number(t, r, 3, JAN_1 + (double)(r % 360));
        g_snprintf(text, sizeof text, "Rep %zu", r % owners);
        pc_table_set_text(t, r, 4, text, -1);
        pc_table_set_text(t, r, 5, r % 10 ? "" : r % 20 ? "won" : "lost", -1);
    }
    g_test_queue_destroy((GDestroyNotify)pc_table_free, t);
    return t;
}

static RpForecast forecast_of(const RpSource *s, const PcTable *given)
{
    RpForecastOptions o = { 0, 0, given, NULL, NULL };
    RpForecast f;
    char *message = NULL;
    gint64 t0 = g_get_monotonic_time();
    gboolean ok = rp_forecast_plan(s, &o, &f, &message);
    g_test_message("forecast of %zu rows: %.3f s", s->cells->rows - 1, (g_get_monotonic_time() - t0) / 1e6);
    g_assert_null(message);
    g_assert_true(ok);
    return f;
}

/* The row of the month table's header: the first row below the stage table with "Month". */
static gsize month_header(const RpPlan *p)
{
    for (gsize r = STAGE0; r < p->rows; r++)
        if (g_strcmp0(text_at(p, r, 0), "Month") == 0 && g_strcmp0(text_at(p, r, 1), "Expected") == 0)
            return r;
    g_assert_not_reached();
}

/* The Expected cells of rows FROM..TO (exclusive) add up to WANT. */
static void assert_sums_to(const RpPlan *p, gsize from, gsize to, gsize col, double want)
{
    double sum = 0;
    for (gsize r = from; r < to; r++)
        sum += number_at(p, r, col);
    g_assert_cmpfloat_with_epsilon(sum, want, 1e-9 * want);
}

/* 5,000 stages on 10,000 rows: the stage table lists every one, the month table leaves the
 * split out and says why; the months and the stages' own rows add up to the Total. */
static void forecast_many_stages(void)
{
    gsize k = 5000;
    RpSource s = source_of(many_categories(10000, k, 7));
    RpForecast f = forecast_of(&s, NULL);
    const RpPlan *p = f.plan;
    g_assert_cmpuint(p->cols, ==, MONTH_COLS + 1); /* no column per stage */
    gsize head = month_header(p);
    g_assert_cmpuint(head, >=, STAGE0 + k + 1);
    g_assert_nonnull(strstr(text_at(p, head, MONTH_COLS), "5000 stages"));
    g_assert_cmpuint(p->rows, <, head + 12 + 2 + 2 + 7 + 1);
    assert_sums_to(p, head + 1, head + 13, 1, f.expected);
    /* each stage of the table at its learned probability: STAGE_CONVERSION to won */
    GPtrArray *keys = pc_text_keys(s.cells);
    char **order = pc_roles_stage_order(s.cells, 1);
    g_assert_cmpuint(g_strv_length(order), ==, k);
    PcTable *data = rp_closed_stage_data(&s, keys, order[0], rp_won_stage(), NULL);
    PcTable *stages = rp_name_column(order, k, rp_won_stage());
    for (gsize i = 0; i < k; i += 499) {
        g_assert_cmpstr(text_at(p, STAGE0 + i, 0), ==, order[i]);
        double want;
        PcError e;
        PcStatus st = pc_stage_conversion(data, order[i], rp_won_stage(), stages, NULL, &want, &e);
        if (st == PC_OK) /* else the stage before's value, covered by the forecast tests */
            g_assert_cmpfloat(number_at(p, STAGE0 + i, 1), ==, want);
    }
    /* "Stage J" is at rows J and J + 5000, both closed when J is a multiple of 10: muted */
    for (gsize i = 0; i < k; i++) {
        gboolean closed_only = (gsize)g_ascii_strtoull(order[i] + 6, NULL, 10) % 10 == 0;
        g_assert_cmpint(style_at(p, STAGE0 + i, 0), ==, (closed_only ? RP_STYLE_MUTED : RP_STYLE_NONE));
    }
    pc_table_free(data);
    pc_table_free(stages);
    g_strfreev(order);
    g_ptr_array_unref(keys);
    rp_forecast_clear(&f);
}

/* RP_FORECAST_SPLIT_MAX stages still get a column each, and each month's split adds up
 * to its Expected. */
static void forecast_split_at_most(void)
{
    RpSource s = source_of(many_categories(2000, RP_FORECAST_SPLIT_MAX, 3));
    RpForecast f = forecast_of(&s, NULL);
    const RpPlan *p = f.plan;
    g_assert_cmpuint(p->cols, ==, MONTH_COLS + RP_FORECAST_SPLIT_MAX);
    gsize head = month_header(p);
    for (gsize r = head + 1; r <= head + 12; r++) {
        double split = 0;
        for (gsize j = 0; j < RP_FORECAST_SPLIT_MAX; j++)
            split += number_at(p, r, MONTH_COLS + j);
        g_assert_cmpfloat_with_epsilon(split, number_at(p, r, 1), 1e-9 * number_at(p, r, 1));
    }
    rp_forecast_clear(&f);
}

/* 5,000 owners: a row each, as first typed, adding up to the Total. */
static void forecast_many_owners(void)
{
    gsize owners = 5000;
    RpSource s = source_of(many_categories(10000, 5, owners));
    RpForecast f = forecast_of(&s, NULL);
    const RpPlan *p = f.plan;
    gsize head = month_header(p), owner_head = head + 12 + 3;
    g_assert_cmpstr(text_at(p, owner_head, 0), ==, "Owner");
    /* every 10th deal is closed: owners whose deals all are (r % 5000 of 10, 20, ...) have no row */
    gsize rows = p->rows - owner_head - 1;
    g_assert_cmpuint(rows, ==, owners - owners / 10);
    g_assert_cmpstr(text_at(p, owner_head + 1, 0), ==, "Rep 1");
    assert_sums_to(p, owner_head + 1, p->rows, 1, f.expected);
    rp_forecast_clear(&f);
}

/* The manager's 5,000 stage probabilities, looked up by name. */
static void forecast_many_given(void)
{
    gsize k = 5000;
    RpSource s = source_of(many_categories(10000, k, 7));
    PcTable *given = pc_table_new(k, 2);
    for (gsize i = 0; i < k; i++) {
        char name[32];
        g_snprintf(name, sizeof name, "STAGE %zu", k - 1 - i); /* another order, another case */
        pc_table_set_text(given, i, 0, name, -1);
        pc_table_set_number(given, i, 1, (double)(k - 1 - i) / (double)k);
    }
    RpForecast f = forecast_of(&s, given);
    for (gsize i = 0; i < k; i += 250) {
        const char *name = text_at(f.plan, STAGE0 + i, 0);
        g_assert_true(g_str_has_prefix(name, "Stage "));
        g_assert_cmpfloat(number_at(f.plan, STAGE0 + i, 1), ==, g_ascii_strtod(name + 6, NULL) / (double)k);
    }
    rp_forecast_clear(&f);
    pc_table_free(given);
}

/* The funnel over 5,000 stages: a row each, the conversions and the deals needed exactly
 * what STAGE_CONVERSION and LEADS_NEEDED give. */
static void funnel_many_stages(void)
{
    gsize k = 5000;
    RpSource s = source_of(many_categories(10000, k, 7));
    RpFunnel f;
    char *message = NULL;
    gint64 t0 = g_get_monotonic_time();
    gboolean ok = rp_funnel_plan(&s, 1e6, &f, &message);
    g_test_message("funnel of 10000 rows, %zu stages: %.3f s", k, (g_get_monotonic_time() - t0) / 1e6);
    g_assert_null(message);
    g_assert_true(ok);
    GPtrArray *keys = pc_text_keys(s.cells);
    char **order = pc_roles_stage_order(s.cells, 1);
    const char *won = rp_won_stage();
    PcTable *data = rp_closed_stage_data(&s, keys, order[0], won, NULL);
    PcTable *stages = rp_name_column(order, k, won);
    double avg = rp_average_won(&s, keys);
    PcTable *size = pc_table_new(1, 1);
    pc_table_set_number(size, 0, 0, avg);
    for (gsize i = 0; i < k; i += 333) {
        gsize row = 4 + i;
        g_assert_cmpstr(text_at(f.plan, row, 0), ==, order[i]);
        const char *next = i + 1 < k ? order[i + 1] : won;
        double v;
        PcError e;
        if (pc_stage_conversion(data, order[i], next, stages, NULL, &v, &e) == PC_OK)
            g_assert_cmpfloat(number_at(f.plan, row, 2), ==, v);
        if (pc_stage_conversion(data, order[i], won, stages, NULL, &v, &e) == PC_OK)
            g_assert_cmpfloat(number_at(f.plan, row, 3), ==, v);
        if (pc_leads_needed(1e6, data, order[i], stages, NULL, size, &v, &e) == PC_OK)
            g_assert_cmpfloat(number_at(f.plan, row, 4), ==, v);
    }
    pc_table_free(size);
    pc_table_free(data);
    pc_table_free(stages);
    g_strfreev(order);
    g_ptr_array_unref(keys);
    rp_funnel_clear(&f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/report/categories/forecast-stages", forecast_many_stages);
    g_test_add_func("/report/categories/forecast-split-at-most", forecast_split_at_most);
    g_test_add_func("/report/categories/forecast-owners", forecast_many_owners);
    g_test_add_func("/report/categories/forecast-given", forecast_many_given);
    g_test_add_func("/report/categories/funnel-stages", funnel_many_stages);
    return g_test_run();
}
