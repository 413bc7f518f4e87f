/* rp_changes.c - the Pipeline changes sheet (rp_changes.h), counted by pc_changes. */
#include "rp_changes.h"

#include "tx.h"

#include <math.h>
#include <string.h>

/* The month and owner tables' columns: a label, Start, the kinds, End. */
enum { COL_LABEL, COL_START, COL_END = COL_START + PC_N_CHANGES + 1, COLS };
/* The waterfall's columns: Step | Amount | Deals, a gap, the chart's series. */
enum { W_STEP, W_AMOUNT, W_DEALS, W_BASE = 4, W_PIPELINE, W_ADDED, W_TAKEN };
/* The deals list's columns. */
enum {
    D_STEP, D_DEAL, D_OWNER, D_STAGE_A, D_STAGE_B, D_AMOUNT_A, D_AMOUNT_B, D_CLOSE_A, D_CLOSE_B,
    D_CHANGE
};
/* The slipped deals' columns. */
enum { S_DEAL, S_OWNER, S_CLOSE_A, S_CLOSE_B, S_DAYS, S_TIMES, S_ALL_DAYS, S_HISTORY };

enum { HEAD_ROW = 5, CHART_ROWS = 25 }; /* the chart's 10 cm and a row to spare */

#define COLOUR_PIPELINE 0x004586 /* the office palette's first blue */
#define COLOUR_ADDED 0x579D1C
#define COLOUR_TAKEN 0xC9211E

static const char *const KIND[PC_N_CHANGES] = {
    N_("New deals"), N_("Amount increases"), N_("Pulled into the period"), N_("Won"), N_("Lost"),
    N_("Pushed out of the period"), N_("Amount decreases"), N_("Removed"),
};
/* the same, short, as column headers */
static const char *const KIND_HEAD[PC_N_CHANGES] = {
    N_("New"), N_("Increases"), N_("Pulled in"), N_("Won"), N_("Lost"), N_("Pushed out"),
    N_("Decreases"), N_("Removed"),
};

/* One deal as both snapshots show it (either NULL: absent there). */
typedef struct {
    const PcSnapDeal *a, *b;
    const PcChange *change;
} Pair;

static const PcSnapDeal *later_of(const Pair *d)
{
    return d->b ? d->b : d->a;
}

static const char *owner_of(const Pair *d)
{
    const char *o = d->b && d->b->owner ? d->b->owner : d->a ? d->a->owner : NULL;
    return o && !pc_text_is_space(o) ? o : NULL;
}

static void put_head(RpPlan *p, gsize row, const char *const *head, gsize n)
{
    for (gsize j = 0; j < n; j++)
        rp_set_text(p, row, j, _(head[j]));
    rp_style(p, (RpRect){ row, 0, row, n - 1 }, RP_STYLE_HEADER);
}

/* The snapshot of day DAY in H, or -1. */
static gssize snapshot_on(const RpHistory *h, double day)
{
    for (gsize i = 0; i < h->n; i++)
        if (h->snap[i].date == floor(day))
            return (gssize)i;
    return -1;
}

static char *days_listed(const RpHistory *h, const PcDates *dates)
{
    GString *s = g_string_new(NULL);
    enum { SHOWN = 12 };
    gsize from = h->n > SHOWN ? h->n - SHOWN : 0;
    for (gsize i = from; i < h->n; i++) {
        char day[16];
        pc_date_iso(dates, h->snap[i].date, day, sizeof day);
        g_string_append_printf(s, "%s%s", s->len ? ", " : from ? "..., " : "", day);
    }
    return g_string_free(s, FALSE);
}

/* The indices of the two snapshots O asks for into *IA < *IB; FALSE with the sentence. */
static gboolean choose(const RpHistory *h, const PcDates *dates, const RpChangesOptions *o,
                       gsize *ia, gsize *ib, char **message)
{
    if (h->n < 2) {
        *message = g_strdup_printf(
            tx_n("What changed compares two snapshots, and the Pipeline history holds %zu: "
                 "take another with Take snapshot later (a week on, say). Nothing was written.",
                 "What changed compares two snapshots, and the Pipeline history holds %zu: "
                 "take another with Take snapshot later (a week on, say). Nothing was written.",
                 h->n), h->n);
        return FALSE;
    }
    double want[2] = { o->earlier, o->later };
    gssize at[2] = { -1, (gssize)h->n - 1 };
    for (int k = 0; k < 2; k++) {
        if (want[k] <= 0)
            continue;
        if ((at[k] = snapshot_on(h, want[k])) < 0) {
            char day[16];
            char *days = days_listed(h, dates);
            pc_date_iso(dates, want[k], day, sizeof day);
            *message = g_strdup_printf(_("The Pipeline history has no snapshot of %s; it has "
                                         "%s. Nothing was written."), day, days);
            g_free(days);
            return FALSE;
        }
    }
    if (at[0] < 0) /* the one before the later */
        at[0] = at[1] > 0 ? at[1] - 1 : 1;
    if (at[0] == at[1]) {
        *message = g_strdup(_("What changed needs two different snapshots: type two dates (the "
                              "earlier first), or leave the field empty for the two latest. "
                              "Nothing was written."));
        return FALSE;
    }
    *ia = (gsize)MIN(at[0], at[1]); /* typed the other way round: the earlier is earlier */
    *ib = (gsize)MAX(at[0], at[1]);
    return TRUE;
}

/* Every deal of A or B with its change (NULL: none), B's deals first. */
static GArray *pairs_of(const RpSnapshotDeals *a, const RpSnapshotDeals *b, const PcChanges *c)
{
    GHashTable *in_a = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *in_b = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (gsize i = 0; i < a->n; i++)
        g_hash_table_insert(in_a, pc_text_key(a->deals[i].name), GSIZE_TO_POINTER(i + 1));
    GArray *pairs = g_array_sized_new(FALSE, TRUE, sizeof(Pair), b->n + a->n);
    for (gsize i = 0; i < b->n; i++) {
        char *key = pc_text_key(b->deals[i].name);
        gsize at = GPOINTER_TO_SIZE(g_hash_table_lookup(in_a, key));
        g_hash_table_insert(in_b, key, GSIZE_TO_POINTER(i + 1));
        Pair d = { at ? &a->deals[at - 1] : NULL, &b->deals[i], NULL };
        g_array_append_val(pairs, d);
    }
    GArray *only_a = g_array_new(FALSE, FALSE, sizeof(gsize)); /* position of A's deal -> pair */
    gsize *pair_of_a = g_new0(gsize, MAX(a->n, 1));
    for (gsize i = 0; i < a->n; i++) {
        char *key = pc_text_key(a->deals[i].name);
        if (!g_hash_table_contains(in_b, key)) {
            Pair d = { &a->deals[i], NULL, NULL };
            pair_of_a[i] = pairs->len;
            g_array_append_val(pairs, d);
        }
        g_free(key);
    }
    for (gsize i = 0; i < c->n_changes; i++) {
        const PcChange *ch = &c->changes[i];
        gsize at = ch->from_a ? pair_of_a[ch->index] : ch->index;
        g_array_index(pairs, Pair, at).change = ch;
    }
    g_free(pair_of_a);
    g_array_free(only_a, TRUE);
    g_hash_table_destroy(in_a);
    g_hash_table_destroy(in_b);
    return pairs;
}

/* A row of the month and owner tables. */
static void put_sums(RpPlan *p, gsize row, double start, const double *total, double end)
{
    rp_set_number(p, row, COL_START, start, RP_FORMAT_AMOUNT);
    for (int k = 0; k < PC_N_CHANGES; k++)
        rp_set_number(p, row, COL_START + 1 + (gsize)k, total[k], RP_FORMAT_AMOUNT);
    rp_set_number(p, row, COL_END, end, RP_FORMAT_AMOUNT);
}

static const char *const SUMS_HEAD_START = N_("Start");
static const char *const SUMS_HEAD_END = N_("End");

static void put_sums_head(RpPlan *p, gsize row, const char *label)
{
    rp_set_text(p, row, COL_LABEL, label);
    rp_set_text(p, row, COL_START, _(SUMS_HEAD_START));
    for (int k = 0; k < PC_N_CHANGES; k++)
        rp_set_text(p, row, COL_START + 1 + (gsize)k, _(KIND_HEAD[k]));
    rp_set_text(p, row, COL_END, _(SUMS_HEAD_END));
    rp_style(p, (RpRect){ row, 0, row, COLS - 1 }, RP_STYLE_HEADER);
}

/* What the sheet holds besides the waterfall, computed before the plan is sized. */
typedef struct {
    const RpHistory *h;
    const PcDates *dates;
    gsize ia, ib;
    PcChanges *all;
    PcMonthChanges *months;
    gsize n_months;
    GArray *pairs;          /* Pair */
    GPtrArray *changed;     /* Pair * behind a step, by step and size */
    GPtrArray *slipped;     /* Pair * slipped, the most days first */
    char **owners;          /* distinct owners, as first met; "(nobody)" for none: NULL entry */
    gsize n_owners;
    PcChanges **by_owner;
} Changes;

static gint by_step(gconstpointer x, gconstpointer y)
{
    const Pair *a = *(const Pair *const *)x, *b = *(const Pair *const *)y;
    if (a->change->kind != b->change->kind)
        return a->change->kind < b->change->kind ? -1 : 1;
    double u = fabs(a->change->amount), v = fabs(b->change->amount);
    return (u < v) - (u > v);
}

static gint by_slip(gconstpointer x, gconstpointer y)
{
    const Pair *a = *(const Pair *const *)x, *b = *(const Pair *const *)y;
    double u = a->change->slipped_days, v = b->change->slipped_days;
    return (u < v) - (u > v);
}

/* Split A and B by owner (the later snapshot's owner of a deal, else the earlier's) and
 * count each owner's waterfall. */
static PcStatus count_owners(Changes *ch, const RpChangesOptions *o, PcError *err)
{
    const RpSnapshotDeals *a = &ch->h->snap[ch->ia], *b = &ch->h->snap[ch->ib];
    GHashTable *index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GPtrArray *names = g_ptr_array_new();
    GArray *group = g_array_sized_new(FALSE, FALSE, sizeof(gsize), ch->pairs->len);
    for (guint i = 0; i < ch->pairs->len; i++) {
        const char *owner = owner_of(&g_array_index(ch->pairs, Pair, i));
        char *key = owner ? pc_text_key(owner) : g_strdup("");
        gpointer at;
        if (!g_hash_table_lookup_extended(index, key, NULL, &at)) {
            at = GUINT_TO_POINTER(names->len);
            g_ptr_array_add(names, (gpointer)owner);
            g_hash_table_insert(index, key, at);
        } else {
            g_free(key);
        }
        gsize gi = GPOINTER_TO_UINT(at);
        g_array_append_val(group, gi);
    }
    ch->n_owners = names->len;
    ch->owners = (char **)g_ptr_array_free(names, FALSE);
    ch->by_owner = g_new0(PcChanges *, MAX(ch->n_owners, 1));
    PcSnapDeal *da = g_new(PcSnapDeal, MAX(a->n, 1)), *db = g_new(PcSnapDeal, MAX(b->n, 1));
    PcStatus st = PC_OK;
    for (gsize g = 0; g < ch->n_owners && st == PC_OK; g++) {
        gsize na = 0, nb = 0;
        for (guint i = 0; i < ch->pairs->len; i++) {
            if (g_array_index(group, gsize, i) != g)
                continue;
            const Pair *d = &g_array_index(ch->pairs, Pair, i);
            if (d->a)
                da[na++] = *d->a;
            if (d->b)
                db[nb++] = *d->b;
        }
        st = pc_changes_compute(da, na, db, nb, o->start, o->end, &ch->by_owner[g], err);
    }
    /* an owner whose deals were in neither pipeline (only closed ones) gets no row */
    gsize kept = 0;
    for (gsize g = 0; g < ch->n_owners && st == PC_OK; g++) {
        PcChanges *c = ch->by_owner[g];
        if (!c->start_deals && !c->end_deals && !c->n_changes) {
            pc_changes_free(c);
            continue;
        }
        ch->owners[kept] = ch->owners[g];
        ch->by_owner[kept++] = c;
    }
    if (st == PC_OK)
        ch->n_owners = kept;
    g_free(da);
    g_free(db);
    g_array_free(group, TRUE);
    g_hash_table_destroy(index);
    return st;
}

static void changes_clear(Changes *ch)
{
    pc_changes_free(ch->all);
    g_free(ch->months);
    if (ch->pairs)
        g_array_free(ch->pairs, TRUE);
    if (ch->changed)
        g_ptr_array_unref(ch->changed);
    if (ch->slipped)
        g_ptr_array_unref(ch->slipped);
    for (gsize g = 0; ch->by_owner && g < ch->n_owners; g++)
        pc_changes_free(ch->by_owner[g]);
    g_free(ch->by_owner);
    g_free(ch->owners);
}

static PcStatus count(Changes *ch, const RpChangesOptions *o, PcError *err)
{
    const RpSnapshotDeals *a = &ch->h->snap[ch->ia], *b = &ch->h->snap[ch->ib];
    PcStatus st = pc_changes_compute(a->deals, a->n, b->deals, b->n, o->start, o->end, &ch->all, err);
    if (st == PC_OK)
        st = pc_changes_months(ch->dates, a->deals, a->n, b->deals, b->n, &ch->months,
                               &ch->n_months, err);
    if (st != PC_OK)
        return st;
    ch->pairs = pairs_of(a, b, ch->all);
    ch->changed = g_ptr_array_new();
    ch->slipped = g_ptr_array_new();
    for (guint i = 0; i < ch->pairs->len; i++) {
        Pair *d = &g_array_index(ch->pairs, Pair, i);
        if (d->change && d->change->kind != PC_CHANGE_NONE)
            g_ptr_array_add(ch->changed, d);
        if (d->change && d->change->slipped_days > 0)
            g_ptr_array_add(ch->slipped, d);
    }
    g_ptr_array_sort(ch->changed, by_step);
    g_ptr_array_sort(ch->slipped, by_slip);
    return count_owners(ch, o, err);
}

/* Rows of the waterfall block from HEAD_ROW: its table, then the chart's rows. */
static gsize put_waterfall(RpPlan *p, const Changes *ch)
{
    static const char *const HEAD[] = { N_("Step"), N_("Amount"), N_("Deals"), "",
                                        N_("Base (chart)"), N_("Pipeline"), N_("Added"),
                                        N_("Taken off") };
    const PcChanges *c = ch->all;
    put_head(p, HEAD_ROW, HEAD, G_N_ELEMENTS(HEAD));
    rp_style(p, (RpRect){ HEAD_ROW, W_BASE, HEAD_ROW, W_TAKEN }, RP_STYLE_MUTED);
    gsize row = HEAD_ROW + 1;
    rp_set_text(p, row, W_STEP, _(SUMS_HEAD_START)); /* short: the chart's labels */
    rp_set_number(p, row, W_AMOUNT, c->start, RP_FORMAT_AMOUNT);
    rp_set_number(p, row, W_DEALS, (double)c->start_deals, RP_FORMAT_INTEGER);
    rp_set_number(p, row, W_BASE, 0, RP_FORMAT_AMOUNT);
    rp_set_number(p, row, W_PIPELINE, c->start, RP_FORMAT_AMOUNT);
    rp_set_number(p, row, W_ADDED, 0, RP_FORMAT_AMOUNT);
    rp_set_number(p, row, W_TAKEN, 0, RP_FORMAT_AMOUNT);
    rp_style(p, (RpRect){ row, 0, row, W_DEALS }, RP_STYLE_TOTAL);
    double level = c->start;
    for (int k = 0; k < PC_N_CHANGES; k++) {
        row++;
        double v = c->total[k];
        rp_set_text(p, row, W_STEP, _(KIND_HEAD[k]));
        rp_set_number(p, row, W_AMOUNT, v, RP_FORMAT_AMOUNT);
        rp_set_number(p, row, W_DEALS, (double)c->count[k], RP_FORMAT_INTEGER);
        /* a step up stands on the level before it, a step down on the level after it */
        rp_set_number(p, row, W_BASE, v >= 0 ? level : level + v, RP_FORMAT_AMOUNT);
        rp_set_number(p, row, W_PIPELINE, 0, RP_FORMAT_AMOUNT);
        rp_set_number(p, row, W_ADDED, v >= 0 ? v : 0, RP_FORMAT_AMOUNT);
        rp_set_number(p, row, W_TAKEN, v < 0 ? -v : 0, RP_FORMAT_AMOUNT);
        if (!c->count[k])
            rp_style(p, (RpRect){ row, 0, row, W_DEALS }, RP_STYLE_MUTED);
        level += v;
    }
    row++;
    rp_set_text(p, row, W_STEP, _(SUMS_HEAD_END));
    rp_set_number(p, row, W_AMOUNT, c->end, RP_FORMAT_AMOUNT);
    rp_set_number(p, row, W_DEALS, (double)c->end_deals, RP_FORMAT_INTEGER);
    rp_set_number(p, row, W_BASE, 0, RP_FORMAT_AMOUNT);
    rp_set_number(p, row, W_PIPELINE, c->end, RP_FORMAT_AMOUNT);
    rp_set_number(p, row, W_ADDED, 0, RP_FORMAT_AMOUNT);
    rp_set_number(p, row, W_TAKEN, 0, RP_FORMAT_AMOUNT);
    rp_style(p, (RpRect){ row, 0, row, W_DEALS }, RP_STYLE_TOTAL);
    rp_style(p, (RpRect){ HEAD_ROW + 1, W_BASE, row, W_TAKEN }, RP_STYLE_MUTED);

    RpChart *chart = rp_add_chart(p, "PipecalcChanges", RP_CHART_COLUMNS,
                                  (RpRect){ HEAD_ROW, W_STEP, row, W_TAKEN }, row + 2, 0);
    for (gsize j = W_BASE; j <= W_TAKEN; j++)
        rp_chart_series(chart, j);
    static const gint32 COLOUR[] = { RP_COLOUR_INVISIBLE, COLOUR_PIPELINE, COLOUR_ADDED,
                                     COLOUR_TAKEN };
    memcpy(chart->colours, COLOUR, sizeof COLOUR);
    chart->stacked = TRUE;
    chart->title = g_strdup(_("What moved the pipeline from the earlier snapshot to the later"));
    chart->y_title = g_strdup(_("Amount"));
    chart->value_format = RP_FORMAT_AMOUNT;
    chart->width = 22;
    chart->height = 10;
    return row + 2 + CHART_ROWS;
}

static gsize put_months(RpPlan *p, gsize row, const Changes *ch)
{
    if (!ch->n_months)
        return row;
    rp_line(p, row++, _("By close month"), RP_STYLE_HEADER);
    rp_line(p, row++, _("Each month on its own: a deal whose close date moved to another month "
                         "is pushed out of the one and pulled into the other."), RP_STYLE_NOTE);
    put_sums_head(p, row++, _("Month"));
    for (gsize i = 0; i < ch->n_months; i++, row++) {
        char label[16];
        pc_month_label(ch->months[i].month, label, sizeof label);
        rp_set_text(p, row, COL_LABEL, label);
        put_sums(p, row, ch->months[i].start, ch->months[i].total, ch->months[i].end);
    }
    return row + 1;
}

/* The history names owners: a table of them (not when nobody owns a deal). */
static gboolean has_owners(const Changes *ch)
{
    return ch->n_owners > 1 || (ch->n_owners == 1 && ch->owners[0]);
}

static gsize put_owners(RpPlan *p, gsize row, const Changes *ch)
{
    if (!has_owners(ch))
        return row;
    rp_line(p, row++, _("By owner"), RP_STYLE_HEADER);
    put_sums_head(p, row++, _("Owner"));
    for (gsize g = 0; g < ch->n_owners; g++, row++) {
        const PcChanges *c = ch->by_owner[g];
        rp_set_text(p, row, COL_LABEL, ch->owners[g] ? ch->owners[g] : _("(nobody)"));
        put_sums(p, row, c->start, c->total, c->end);
    }
    rp_set_text(p, row, COL_LABEL, _("All owners"));
    put_sums(p, row, ch->all->start, ch->all->total, ch->all->end);
    rp_style(p, (RpRect){ row, 0, row, COLS - 1 }, RP_STYLE_TOTAL);
    return row + 2;
}

static void put_text_or_empty(RpPlan *p, gsize row, gsize col, const char *text)
{
    if (text)
        rp_set_text(p, row, col, text);
}

static void put_date(RpPlan *p, gsize row, gsize col, const PcSnapDeal *d)
{
    if (d && d->close > 0)
        rp_set_number(p, row, col, d->close, RP_FORMAT_DATE);
}

static gsize put_deals(RpPlan *p, gsize row, const Changes *ch)
{
    static const char *const HEAD[] = {
        N_("Step"), N_("Deal"), N_("Owner"), N_("Stage before"), N_("Stage now"),
        N_("Amount before"), N_("Amount now"), N_("Close date before"), N_("Close date now"),
        N_("Change"),
    };
    rp_line(p, row++, _("Deals behind each step"), RP_STYLE_HEADER);
    if (!ch->changed->len) {
        rp_line(p, row++, _("No deal moved the pipeline."), RP_STYLE_NOTE);
        return row + 1;
    }
    put_head(p, row++, HEAD, G_N_ELEMENTS(HEAD));
    for (guint i = 0; i < ch->changed->len; i++, row++) {
        const Pair *d = g_ptr_array_index(ch->changed, i);
        rp_set_text(p, row, D_STEP, _(KIND[d->change->kind]));
        rp_set_text(p, row, D_DEAL, later_of(d)->name);
        put_text_or_empty(p, row, D_OWNER, owner_of(d));
        if (d->a) {
            put_text_or_empty(p, row, D_STAGE_A, d->a->stage);
            rp_set_number(p, row, D_AMOUNT_A, d->a->amount, RP_FORMAT_AMOUNT);
            put_date(p, row, D_CLOSE_A, d->a);
        }
        if (d->b) {
            put_text_or_empty(p, row, D_STAGE_B, d->b->stage);
            rp_set_number(p, row, D_AMOUNT_B, d->b->amount, RP_FORMAT_AMOUNT);
            put_date(p, row, D_CLOSE_B, d->b);
        }
        rp_set_number(p, row, D_CHANGE, d->change->amount, RP_FORMAT_AMOUNT);
    }
    return row + 1;
}

/* The close dates of each slipped deal over the snapshots up to the later one. */
static void put_slip_history(RpPlan *p, gsize row, const Changes *ch, const Pair *d,
                             GHashTable **index)
{
    char *key = pc_text_key(d->b->name);
    double *closes = g_new(double, ch->ib + 1);
    GString *path = g_string_new(NULL);
    double last = 0;
    for (gsize s = 0; s <= ch->ib; s++) {
        gsize at = GPOINTER_TO_SIZE(g_hash_table_lookup(index[s], key));
        const PcSnapDeal *x = at ? &ch->h->snap[s].deals[at - 1] : NULL;
        closes[s] = x && x->outcome == PC_OUTCOME_NONE ? x->close : 0;
        if (closes[s] > 0 && floor(closes[s]) != floor(last)) {
            char day[16];
            pc_date_iso(ch->dates, closes[s], day, sizeof day);
            g_string_append_printf(path, "%s%s", path->len ? " → " : "", day);
            last = closes[s];
        }
    }
    gsize times;
    double days;
    pc_changes_slips(closes, ch->ib + 1, &times, &days);
    rp_set_number(p, row, S_TIMES, (double)times, RP_FORMAT_INTEGER);
    rp_set_number(p, row, S_ALL_DAYS, days, RP_FORMAT_INTEGER);
    rp_set_text(p, row, S_HISTORY, path->str);
    g_string_free(path, TRUE);
    g_free(closes);
    g_free(key);
}

static gsize put_slipped(RpPlan *p, gsize row, const Changes *ch)
{
    static const char *const HEAD[] = {
        N_("Deal"), N_("Owner"), N_("Close date before"), N_("Close date now"), N_("Days later"),
        N_("Times slipped"), N_("Days slipped in all"), N_("Close dates over the snapshots"),
    };
    rp_line(p, row++, _("Slipped deals: open in both snapshots, the close date moved later"),
             RP_STYLE_HEADER);
    if (!ch->slipped->len) {
        rp_line(p, row++, _("No open deal's close date moved later."), RP_STYLE_NOTE);
        return row;
    }
    rp_line(p, row++, _("Times and days slipped count every snapshot up to the later one."),
             RP_STYLE_NOTE);
    put_head(p, row++, HEAD, G_N_ELEMENTS(HEAD));
    /* each snapshot's deals by name, for the histories */
    GHashTable **index = g_new(GHashTable *, ch->ib + 1);
    for (gsize s = 0; s <= ch->ib; s++) {
        const RpSnapshotDeals *sd = &ch->h->snap[s];
        index[s] = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        for (gsize i = 0; i < sd->n; i++)
            g_hash_table_insert(index[s], pc_text_key(sd->deals[i].name), GSIZE_TO_POINTER(i + 1));
    }
    for (guint i = 0; i < ch->slipped->len; i++, row++) {
        const Pair *d = g_ptr_array_index(ch->slipped, i);
        rp_set_text(p, row, S_DEAL, d->b->name);
        put_text_or_empty(p, row, S_OWNER, owner_of(d));
        put_date(p, row, S_CLOSE_A, d->a);
        put_date(p, row, S_CLOSE_B, d->b);
        rp_set_number(p, row, S_DAYS, d->change->slipped_days, RP_FORMAT_INTEGER);
        put_slip_history(p, row, ch, d, index);
    }
    for (gsize s = 0; s <= ch->ib; s++)
        g_hash_table_destroy(index[s]);
    g_free(index);
    return row;
}

static void put_title(RpPlan *p, const Changes *ch, const RpChangesOptions *o)
{
    rp_line(p, 0, _("What changed in the pipeline"), RP_STYLE_TITLE);
    rp_set_text(p, 1, 0, _("Earlier snapshot"));
    rp_set_number(p, 1, 1, ch->h->snap[ch->ia].date, RP_FORMAT_DATE);
    rp_set_text(p, 1, 2, _("Later snapshot"));
    rp_set_number(p, 1, 3, ch->h->snap[ch->ib].date, RP_FORMAT_DATE);
    if (o->start > 0 || o->end > 0) {
        rp_set_text(p, 2, 0, _("Close dates from"));
        if (o->start > 0)
            rp_set_number(p, 2, 1, floor(o->start), RP_FORMAT_DATE);
        rp_set_text(p, 2, 2, _("until"));
        if (o->end > 0)
            rp_set_number(p, 2, 3, floor(o->end), RP_FORMAT_DATE);
    } else {
        rp_line(p, 2, _("Every open deal, whatever its close date: choose a period to see what "
                         "was pulled in or pushed out."), RP_STYLE_NONE);
    }
    rp_style(p, (RpRect){ 1, 0, 2, 0 }, RP_STYLE_MUTED);
    rp_style(p, (RpRect){ 1, 2, 1, 2 }, RP_STYLE_MUTED);
    if (o->start > 0 || o->end > 0)
        rp_style(p, (RpRect){ 2, 2, 2, 2 }, RP_STYLE_MUTED);
    char *note = g_strdup_printf(
        _("The pipeline is the open deals' amounts. Start + the changes = end. From the sheet "
          "Pipeline history (%zu snapshots; compare any two by typing their dates in the deck)."),
        ch->h->n);
    rp_line(p, 3, note, RP_STYLE_NOTE);
    g_free(note);
}

gboolean rp_changes_plan(const RpSource *s, const RpHistory *h, const RpChangesOptions *o,
                         RpChanges *out, char **message)
{
    memset(out, 0, sizeof *out);
    *message = NULL;
    Changes ch;
    memset(&ch, 0, sizeof ch);
    ch.h = h;
    ch.dates = &s->dates;
    if (!choose(h, &s->dates, o, &ch.ia, &ch.ib, message))
        return FALSE;
    PcError err;
    pc_error_clear(&err);
    if (count(&ch, o, &err) != PC_OK) {
        *message = g_strdup_printf(_("What changed: %s. Nothing was written."), err.message);
        changes_clear(&ch);
        return FALSE;
    }
    gsize rows = HEAD_ROW + PC_N_CHANGES + 4 + CHART_ROWS        /* waterfall, chart */
                 + (ch.n_months ? ch.n_months + 4 : 0)             /* months */
                 + (has_owners(&ch) ? ch.n_owners + 4 : 0)         /* owners */
                 + (ch.changed->len ? ch.changed->len + 3 : 3)     /* deals */
                 + (ch.slipped->len ? ch.slipped->len + 3 : 2);    /* slips */
    RpPlan *p = out->plan = rp_plan_new(RP_PLACE_SHEET, RP_MARKER_CHANGES, rows, COLS);
    p->sheet_base = g_strdup(_("Pipeline changes"));
    p->undo_title = g_strdup(_("Pipecalc: what changed"));
    p->amount_col = pc_roles_find(s->roles, s->cells->cols, PC_ROLE_AMOUNT);
    p->date_col = pc_roles_find(s->roles, s->cells->cols, PC_ROLE_CLOSE_DATE);
    put_title(p, &ch, o);
    gsize row = put_waterfall(p, &ch);
    row = put_months(p, row, &ch);
    row = put_owners(p, row, &ch);
    row = put_deals(p, row, &ch);
    row = put_slipped(p, row, &ch);
    g_assert(row == rows);
    rp_fit_widths(p, 8, 28);
    out->earlier = h->snap[ch.ia].date;
    out->later = h->snap[ch.ib].date;
    out->start = ch.all->start;
    out->end = ch.all->end;
    out->changed = ch.changed->len;
    out->slipped = ch.slipped->len;
    changes_clear(&ch);
    return TRUE;
}

void rp_changes_clear(RpChanges *c)
{
    rp_plan_free(c->plan);
    memset(c, 0, sizeof *c);
}
