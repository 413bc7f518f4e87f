/* rp_products.c - the Products sheet (rp_products.h), computed through the core. */
#include "rp_products.h"

#include "pc_evidence.h"
#include "pc_fit.h"
#include "pc_forecast.h"
#include "pc_select.h"
#include "rp_groups.h"
#include "rp_stages.h"
#include "tx.h"

#include <math.h>
#include <string.h>

enum {
    COL_PRODUCT, COL_OPEN, COL_OPEN_AMOUNT, COL_EXPECTED, COL_POTENTIAL, COL_WON, COL_WON_AMOUNT,
    COL_LOST, COL_RATE, COL_LOW, COL_HIGH, COL_AVERAGE, COL_CYCLE, COL_NOTE, COLS
};
enum { HEAD_ROW = 3, FIRST_ROW = 4 };

static const char *const HEAD[COLS] = {
    N_("Product"), N_("Open deals"), N_("Open amount"), N_("Expected revenue"),
    N_("Potential at own win rate"), N_("Won deals"), N_("Won revenue"), N_("Lost deals"),
    N_("Win rate"), N_("Win rate low (90 %)"), N_("Win rate high (90 %)"), N_("Average won deal"),
    N_("Average cycle (days)"), N_("Note"),
};

/* One product's row as planned: its group and its expected revenue. */
typedef struct {
    const RpGroup *g;
    double expected;
} Row;

static gint by_expected(gconstpointer a, gconstpointer b)
{
    const Row *x = a, *y = b;
    if (x->expected != y->expected)
        return x->expected < y->expected ? 1 : -1;
    return (x->g > y->g) - (x->g < y->g); /* then as the table has them: a stable order */
}

/* PIPELINE_FORECAST over the open rows of G at ST's probabilities into *V. */
static PcStatus expected_of(const RpSource *s, const RpGroup *g, const RpStages *st, gsize amount,
                            gsize stage, double *v, PcError *err)
{
    const PcTable *c = s->cells;
    const GArray *open = g->open;
    *v = 0.0;
    PcStatus status = PC_OK;
    if (open->len) {
        PcTable *a = pc_table_select(c, (gsize *)open->data, open->len, &amount, 1);
        PcTable *t = pc_table_select(c, (gsize *)open->data, open->len, &stage, 1);
        PcForecastArgs args = { .amounts = a, .stages = t, .probabilities = st->table };
        status = a && t ? pc_pipeline_forecast(&args, v, err)
                        : pc_fail(err, PC_ERR_NOMEM, -1, -1, "the table is too large");
        pc_table_free(a);
        pc_table_free(t);
    }
    return status;
}

/* A number, or "-" where it cannot be said (NAN: no closed or no won deal). */
static void put(RpPlan *p, gsize row, gsize col, double v, RpFormat format)
{
    if (isnan(v))
        rp_set_text(p, row, col, "-");
    else
        rp_set_number(p, row, col, v, format);
}

/* Columns Open deals .. Average cycle of D at ROW; EXPECTED as given. */
static void put_deals(RpPlan *p, gsize row, const PcDeals *d, double expected)
{
    double rate = pc_deals_win_rate(d), lo, hi;
    pc_deals_win_interval(d, PC_DEALS_Z90, &lo, &hi);
    double open_amount = pc_sum_value(&d->open_amount);
    rp_set_number(p, row, COL_OPEN, (double)d->open, RP_FORMAT_INTEGER);
    rp_set_number(p, row, COL_OPEN_AMOUNT, open_amount, RP_FORMAT_AMOUNT);
    put(p, row, COL_EXPECTED, expected, RP_FORMAT_AMOUNT);
    put(p, row, COL_POTENTIAL, isnan(rate) ? NAN : open_amount * rate, RP_FORMAT_AMOUNT);
    rp_set_number(p, row, COL_WON, (double)d->won, RP_FORMAT_INTEGER);
    rp_set_number(p, row, COL_WON_AMOUNT, pc_sum_value(&d->won_amount), RP_FORMAT_AMOUNT);
    rp_set_number(p, row, COL_LOST, (double)d->lost, RP_FORMAT_INTEGER);
    put(p, row, COL_RATE, rate, RP_FORMAT_PERCENT);
    put(p, row, COL_LOW, lo, RP_FORMAT_PERCENT);
    put(p, row, COL_HIGH, hi, RP_FORMAT_PERCENT);
    put(p, row, COL_AVERAGE, pc_deals_average_won(d), RP_FORMAT_AMOUNT);
    put(p, row, COL_CYCLE, pc_deals_average_cycle(d), RP_FORMAT_INTEGER);
}

/* The expected revenue of every group into ROWS (sorted); FALSE with ERR on a failure. */
static gboolean plan_rows(const RpSource *s, const RpGroups *g, const RpStages *st, Row *rows,
                          PcError *err)
{
    gsize amount = (gsize)pc_roles_find(s->roles, s->cells->cols, PC_ROLE_AMOUNT);
    gsize stage = (gsize)pc_roles_find(s->roles, s->cells->cols, PC_ROLE_STAGE);
    for (gsize i = 0; i < g->n; i++) {
        rows[i].g = &g->groups[i];
        if (expected_of(s, &g->groups[i], st, amount, stage, &rows[i].expected, err) != PC_OK)
            return FALSE;
    }
    qsort(rows, g->n, sizeof *rows, (int (*)(const void *, const void *))by_expected);
    return TRUE;
}

static void put_chart(RpPlan *p, gsize n)
{
    RpChart *c = rp_add_chart(p, "PipecalcProducts", RP_CHART_COLUMNS,
                              (RpRect){ HEAD_ROW, COL_PRODUCT, FIRST_ROW + n - 1, COL_WON_AMOUNT },
                              p->rows + 1, 0);
    rp_chart_series(c, COL_EXPECTED);
    rp_chart_series(c, COL_WON_AMOUNT);
    c->title = g_strdup(_("Expected revenue of the open deals and won revenue, by product"));
    c->x_title = g_strdup(_("Product"));
    c->y_title = g_strdup(_("Revenue"));
    c->legend = TRUE;
    c->value_format = RP_FORMAT_AMOUNT;
}

static void put_head(RpPlan *p, const RpSource *s, const RpGroups *g, const RpStages *st,
                     gsize thin)
{
    char *src = rp_source_text(s);
    gsize closed = g->all.won + g->all.lost;
    char *line = g_strdup_printf(
        tx_n("From %s: %zu deal by product; expected revenue at the stage probabilities "
             "learned from %zu closed deals, as Write forecast uses them.",
             "From %s: %zu deals by product; expected revenue at the stage probabilities "
             "learned from %zu closed deals, as Write forecast uses them.",
             g->all.open + closed), src, g->all.open + closed, st->closed);
    rp_set_text(p, 0, 0, _("Products: revenue potential"));
    rp_style(p, (RpRect){ 0, 0, 0, COLS - 1 }, RP_STYLE_TITLE);
    rp_merge(p, (RpRect){ 0, 0, 0, COLS - 1 });
    rp_set_text(p, 1, 0, line);
    rp_style(p, (RpRect){ 1, 0, 1, COLS - 1 }, RP_STYLE_NOTE);
    rp_merge(p, (RpRect){ 1, 0, 1, COLS - 1 });
    g_free(line);
    g_free(src);
    GString *note = g_string_new(NULL);
    if (thin)
        g_string_append_printf(note, tx_n("%zu product has fewer than %d closed deals: its win "
                                          "rate is mostly chance (see its 90 %% interval).",
                                          "%zu products have fewer than %d closed deals: their "
                                          "win rates are mostly chance (see their 90 %% "
                                          "intervals).", thin),
                               thin, PC_EVIDENCE_MIN_PER_VALUE);
    rp_groups_cycle_note(note, g->dated, g->no_cycle);
    if (note->len) {
        rp_set_text(p, 2, 0, note->str);
        rp_style(p, (RpRect){ 2, 0, 2, COLS - 1 }, RP_STYLE_NOTE);
        rp_merge(p, (RpRect){ 2, 0, 2, COLS - 1 });
    }
    g_string_free(note, TRUE);
    for (gsize j = 0; j < COLS; j++)
        rp_set_text(p, HEAD_ROW, j, _(HEAD[j]));
    rp_style(p, (RpRect){ HEAD_ROW, 0, HEAD_ROW, COLS - 1 }, RP_STYLE_HEADER);
    p->freeze_rows = HEAD_ROW + 1;
}

gboolean rp_products_plan(const RpSource *s, RpProducts *out, char **message)
{
    const PcTable *c = s->cells;
    memset(out, 0, sizeof *out);
    *message = NULL;
    gssize product = pc_roles_find(s->roles, c->cols, PC_ROLE_PRODUCT);
    if (product < 0) {
        *message = g_strdup(_("Products needs a product column: a header such as Product, "
                              "Service, Produkt or Leistung, or choose one under Column roles. "
                              "Nothing was written."));
        return FALSE;
    }
    if (pc_roles_find(s->roles, c->cols, PC_ROLE_AMOUNT) < 0 ||
        pc_roles_find(s->roles, c->cols, PC_ROLE_STAGE) < 0) {
        *message = g_strdup(_("Products needs an amount and a stage column for the expected "
                              "revenue. Nothing was written."));
        return FALSE;
    }
    GPtrArray *keys = pc_text_keys(c);
    RpGroups g;
    RpStages st;
    memset(&st, 0, sizeof st);
    gboolean ok = rp_groups_by(s, keys, (gsize)product, &g, message) &&
                  rp_stages_learn(s, keys, NULL, &st, message);
    Row *rows = ok ? g_new0(Row, MAX(g.n, 1)) : NULL;
    PcError err;
    pc_error_clear(&err);
    if (ok && !(ok = plan_rows(s, &g, &st, rows, &err)))
        *message = g_strdup_printf(_("Products failed: %s. Nothing was written."), err.message);
    if (ok) {
        gsize total = FIRST_ROW + g.n;
        RpPlan *p = out->plan = rp_plan_new(RP_PLACE_SHEET, RP_MARKER_PRODUCTS, total + 1, COLS);
        p->sheet_base = g_strdup(_("Products"));
        p->undo_title = g_strdup(_("Pipecalc: write products"));
        p->amount_col = pc_roles_find(s->roles, c->cols, PC_ROLE_AMOUNT);
        double all_expected = 0.0;
        for (gsize i = 0; i < g.n; i++) {
            const PcDeals *d = &rows[i].g->deals;
            gsize row = FIRST_ROW + i;
            rp_set_text(p, row, COL_PRODUCT, rows[i].g->name);
            put_deals(p, row, d, rows[i].expected);
            all_expected += rows[i].expected;
            if (d->won + d->lost < PC_EVIDENCE_MIN_PER_VALUE) {
                char *why = g_strdup_printf(tx_n("only %zu closed deal", "only %zu closed deals",
                                                 d->won + d->lost), d->won + d->lost);
                rp_set_text(p, row, COL_NOTE, why);
                rp_style(p, (RpRect){ row, COL_NOTE, row, COL_NOTE }, RP_STYLE_MUTED);
                g_free(why);
                out->thin++;
            }
        }
        rp_set_text(p, total, COL_PRODUCT, _("All products"));
        put_deals(p, total, &g.all, all_expected);
        rp_style(p, (RpRect){ total, 0, total, COLS - 1 }, RP_STYLE_TOTAL);
        put_head(p, s, &g, &st, out->thin);
        rp_fit_widths(p, 6, 30);
        if (g.n)
            put_chart(p, g.n);
        out->products = g.n;
        out->closed = g.all.won + g.all.lost;
        if (g.n) {
            out->top = g_strdup(rows[0].g->name);
            out->top_expected = rows[0].expected;
        }
    }
    g_free(rows);
    rp_stages_clear(&st);
    rp_groups_clear(&g);
    g_ptr_array_unref(keys);
    return ok;
}

void rp_products_clear(RpProducts *p)
{
    rp_plan_free(p->plan);
    g_free(p->top);
    memset(p, 0, sizeof *p);
}

/* One product's chance for the lead, for sorting. */
typedef struct {
    const char *name;
    double p;
} Chance;

static gint by_chance(gconstpointer a, gconstpointer b)
{
    const Chance *x = a, *y = b;
    return (x->p < y->p) - (x->p > y->p);
}

char *rp_products_likely(const RpSource *s, gsize row, RpNumberText number)
{
    const PcTable *c = s->cells;
    gssize product = pc_roles_find(s->roles, c->cols, PC_ROLE_PRODUCT);
    if (product < 0 || row == 0 || row >= c->rows)
        return NULL;
    GArray *cols = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize j = 0; j < c->cols; j++)
        if (pc_role_scores(s->roles[j]) && (gssize)j != product)
            g_array_append_val(cols, j);
    GArray *won = g_array_new(FALSE, FALSE, sizeof(gsize));
    GPtrArray *keys = pc_text_keys(c);
    gssize outcome = pc_roles_find(s->roles, c->cols, PC_ROLE_OUTCOME);
    gssize stage = pc_roles_find(s->roles, c->cols, PC_ROLE_STAGE);
    for (gsize r = 1; r < c->rows; r++)
        if (pc_table_at(c, r, (gsize)product)->kind == PC_CELL_TEXT &&
            pc_roles_row_outcome(c, keys, r, outcome, stage) == PC_OUTCOME_WON)
            g_array_append_val(won, r);
    g_ptr_array_unref(keys);
    char *text = NULL;
    if (cols->len && won->len) {
        gsize pc = (gsize)product;
        PcTable *history = pc_table_select(c, (gsize *)won->data, won->len, (gsize *)cols->data, cols->len);
        PcTable *products = pc_table_select(c, (gsize *)won->data, won->len, &pc, 1);
        PcTable *lead = pc_table_select(c, &row, 1, (gsize *)cols->data, cols->len);
        PcFit *fit = NULL;
        if (history && products && lead &&
            pc_product_fit(lead, history, products, NULL, NULL, &fit, NULL) == PC_OK) {
            Chance *ch = g_new(Chance, fit->n_products);
            for (gsize k = 0; k < fit->n_products; k++)
                ch[k] = (Chance){ fit->product_names[k], fit->prob[k] };
            qsort(ch, fit->n_products, sizeof *ch, (int (*)(const void *, const void *))by_chance);
            GString *list = g_string_new(NULL);
            for (gsize k = 0; k < MIN(fit->n_products, 3); k++) {
                char *percent = number(100 * ch[k].p, 0);
                g_string_append_printf(list, "%s%s %s %%", k ? ", " : "", ch[k].name, percent);
                g_free(percent);
            }
            text = g_strdup_printf(tx_n("Likely products (PRODUCT_FIT, from %zu won deal): %s.",
                                        "Likely products (PRODUCT_FIT, from %zu won deals): %s.",
                                        won->len), (gsize)won->len, list->str);
            g_string_free(list, TRUE);
            g_free(ch);
            pc_fit_free(fit);
        }
        pc_table_free(history);
        pc_table_free(products);
        pc_table_free(lead);
    }
    g_array_free(cols, TRUE);
    g_array_free(won, TRUE);
    return text;
}
