/* rp_patterns.c - the Patterns sheet (rp_patterns.h), computed through the core.
 *
 * Everything is decided first (the blocks, the standouts, the stage log part), then the
 * rows are counted and the plan written in one pass from top to bottom. */
#include "rp_patterns.h"

#include "pc_duration.h"
#include "pc_evidence.h"
#include "pc_funnel.h"
#include "pc_refs.h"
#include "rp_groups.h"
#include "rp_stages.h"
#include "tx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    COL_VALUE, COL_CLOSED, COL_WON, COL_RATE, COL_LOW, COL_HIGH, COL_AVERAGE, COL_CYCLE,
    COL_OPEN, COL_VELOCITY, COLS
};

/* COL_VALUE's header is the column's own. */
static const char *const HEAD[COLS] = {
    NULL, N_("Closed deals"), N_("Won deals"), N_("Win rate"), N_("Win rate low (90 %)"),
    N_("Win rate high (90 %)"), N_("Average won deal"), N_("Average cycle (days)"),
    N_("Open deals"), N_("Velocity (per day)"),
};

enum { STAY_COLS = 5, LATE_COLS = 4 };
static const char *const STAY_HEAD[STAY_COLS] = {
    N_("Stage"), N_("Completed stays"), N_("Median days"), N_("P90 days"), N_("Still open"),
};
static const char *const LATE_HEAD[LATE_COLS] = {
    N_("Deal"), N_("Stage"), N_("Days in stage"), N_("P90 days"),
};

/* One row of a block: a group and what it is sorted by. */
typedef struct {
    gsize group;
    double rate;
    gsize closed;
} Row;

/* One column broken down. */
typedef struct {
    gsize col;
    char *name;      /* the column's header */
    RpGroups g;
    Row *rows;       /* the values with enough closed deals, by win rate */
    gsize n;
    PcDeals other;   /* the other values' deals, added up */
    gsize n_other;
} Block;

typedef struct {
    const Block *b;
    gsize row;       /* in B's rows */
    double diff;     /* win rate - the overall one */
} Standout;

/* A deal open longer than usual in stage STAGE of the log. */
typedef struct {
    gsize stage;
    gsize first_row; /* the deal's first row in the log */
    double days, p90;
} Late;

typedef struct {
    gboolean given;
    char *error;     /* the log did not read: why (then nothing else is set) */
    PcStays *stays;
    gsize *shown;    /* the stages shown, in order */
    gsize n_shown;
    char *drop, *longest;
    GArray *late;    /* Late, longest first; NULL without a finite today */
} LogPart;

typedef struct {
    const RpSource *s;
    GPtrArray *keys;
    RpNumberText number;
    GArray *blocks;              /* Block */
    GPtrArray *free_text, *single, *thin; /* the columns left out, by why (names, owned) */
    PcDeals all;
    gboolean dated, amounts;
    gsize no_cycle;
    GArray *standouts;           /* Standout */
    GPtrArray *sentences;        /* the standouts' sentences, or the one that none is */
    LogPart log;
} Model;

/* ---- small helpers ---------------------------------------------------------------- */

static char *percent_text(RpNumberText number, double v)
{
    return number(100.0 * v, 0);
}

/* The header of column COL as the table shows it, "Column C" when it is blank. */
static char *header_of(const RpSource *s, gsize col)
{
    const PcCell *h = pc_table_at(s->cells, 0, col);
    if (h->kind == PC_CELL_TEXT && !pc_text_is_space(pc_table_text(s->cells, h)))
        return g_strdup(pc_table_text(s->cells, h));
    if (h->kind == PC_CELL_NUMBER)
        return g_strdup_printf("%.15g", h->num);
    char *ref = pc_ref_cell(s->row0, s->col0 + col);
    ref[strcspn(ref, "0123456789")] = '\0';
    char *name = g_strdup_printf(_("Column %s"), ref);
    g_free(ref);
    return name;
}

/* A number, or "-" where it cannot be said (NAN). */
static void put(RpPlan *p, gsize row, gsize col, double v, RpFormat format)
{
    if (isnan(v))
        rp_set_text(p, row, col, "-");
    else
        rp_set_number(p, row, col, v, format);
}

/* Header texts HEADS[0..N) at ROW (translated), style HEADER. */
static void put_heads(RpPlan *p, gsize row, const char *const *heads, gsize n)
{
    for (gsize j = 0; j < n; j++)
        rp_set_text(p, row, j, _(heads[j]));
    rp_style(p, (RpRect){ row, 0, row, n - 1 }, RP_STYLE_HEADER);
}

/* Comma-separated NAMES (g_free). */
static char *joined(GPtrArray *names)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < names->len; i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "", (const char *)g_ptr_array_index(names, i));
    return g_string_free(s, FALSE);
}

/* ---- the blocks --------------------------------------------------------------------- */

static int by_rate(const void *pa, const void *pb)
{
    const Row *a = pa, *b = pb;
    if (a->rate != b->rate)
        return a->rate < b->rate ? 1 : -1;
    if (a->closed != b->closed)
        return a->closed < b->closed ? 1 : -1;
    return (a->group > b->group) - (a->group < b->group);
}

/* Break S down by column COL into the model: a block, or a name among the columns left
 * out. FALSE with *MESSAGE when the table cannot be read (a text amount). */
static gboolean add_column(Model *m, gsize col, gboolean first, char **message)
{
    Block b = { .col = col, .name = header_of(m->s, col) };
    if (!rp_groups_by(m->s, m->keys, col, &b.g, message)) {
        g_free(b.name);
        return FALSE;
    }
    if (first) {
        m->all = b.g.all;
        m->dated = b.g.dated;
        m->no_cycle = b.g.no_cycle;
    }
    b.rows = g_new0(Row, MAX(b.g.n, 1));
    for (gsize i = 0; i < b.g.n && b.g.n <= RP_PATTERNS_MAX_VALUES; i++) {
        const PcDeals *d = &b.g.groups[i].deals;
        if (d->won + d->lost >= PC_EVIDENCE_MIN_PER_VALUE) {
            b.rows[b.n++] = (Row){ i, pc_deals_win_rate(d), d->won + d->lost };
        } else {
            pc_deals_merge(&b.other, d);
            b.n_other++;
        }
    }
    GPtrArray *left_out = b.g.n > RP_PATTERNS_MAX_VALUES ? m->free_text
                          : b.g.n == 1                   ? m->single
                          : b.n == 0                     ? m->thin
                                                         : NULL;
    if (left_out) {
        g_ptr_array_add(left_out, b.name);
        g_free(b.rows);
        rp_groups_clear(&b.g);
        return TRUE;
    }
    qsort(b.rows, b.n, sizeof *b.rows, by_rate);
    g_array_append_val(m->blocks, b);
    return TRUE;
}

static void block_clear(Block *b)
{
    g_free(b->name);
    g_free(b->rows);
    rp_groups_clear(&b->g);
}

/* ---- what stands out ---------------------------------------------------------------- */

static int by_difference(const void *pa, const void *pb)
{
    const Standout *a = pa, *b = pb;
    double x = fabs(a->diff), y = fabs(b->diff);
    if (x != y)
        return x < y ? 1 : -1;
    if (a->b != b->b)
        return a->b < b->b ? -1 : 1; /* blocks are one array: its order is the columns' */
    return (a->row > b->row) - (a->row < b->row);
}

/* "Source Referral: won 48 % (± 9 %) vs 31 % overall, 12 days faster." (g_free) */
static char *standout_text(const Model *m, const Standout *o)
{
    const RpGroup *g = &o->b->g.groups[o->b->rows[o->row].group];
    double lo, hi;
    pc_deals_win_interval(&g->deals, PC_DEALS_Z90, &lo, &hi);
    char *rate = percent_text(m->number, pc_deals_win_rate(&g->deals));
    char *half = percent_text(m->number, (hi - lo) / 2);
    char *all = percent_text(m->number, pc_deals_win_rate(&m->all));
    double d = pc_deals_average_cycle(&g->deals) - pc_deals_average_cycle(&m->all);
    char *text;
    if (isnan(d) || fabs(d) < 1) {
        text = g_strdup_printf(_("%s %s: won %s %% (± %s %%) vs %s %% overall."), o->b->name,
                               g->name, rate, half, all);
    } else {
        gulong n = (gulong)lround(fabs(d));
        char *days = m->number((double)n, 0);
        if (d < 0)
            text = g_strdup_printf(tx_n("%s %s: won %s %% (± %s %%) vs %s %% overall, %s day "
                                        "faster.",
                                        "%s %s: won %s %% (± %s %%) vs %s %% overall, %s days "
                                        "faster.", n),
                                   o->b->name, g->name, rate, half, all, days);
        else
            text = g_strdup_printf(tx_n("%s %s: won %s %% (± %s %%) vs %s %% overall, %s day "
                                        "slower.",
                                        "%s %s: won %s %% (± %s %%) vs %s %% overall, %s days "
                                        "slower.", n),
                                   o->b->name, g->name, rate, half, all, days);
        g_free(days);
    }
    g_free(rate);
    g_free(half);
    g_free(all);
    return text;
}

static void find_standouts(Model *m)
{
    double overall = pc_deals_win_rate(&m->all);
    for (guint i = 0; i < m->blocks->len; i++) {
        const Block *b = &g_array_index(m->blocks, Block, i);
        for (gsize r = 0; r < b->n; r++) {
            double lo, hi;
            pc_deals_win_interval(&b->g.groups[b->rows[r].group].deals, PC_DEALS_Z90, &lo, &hi);
            if (lo > overall || hi < overall) {
                Standout o = { b, r, b->rows[r].rate - overall };
                g_array_append_val(m->standouts, o);
            }
        }
    }
    g_array_sort(m->standouts, by_difference);
    for (guint i = 0; i < m->standouts->len; i++)
        g_ptr_array_add(m->sentences, standout_text(m, &g_array_index(m->standouts, Standout, i)));
    if (!m->standouts->len) {
        char *all = percent_text(m->number, overall);
        g_ptr_array_add(m->sentences,
                        g_strdup_printf(_("No value's win rate differs from the overall %s %% by "
                                          "more than chance (at 90 %%)."), all));
        g_free(all);
    }
}

/* ---- the stage log ------------------------------------------------------------------ */

/* The ids of the table's closed deals (its id column, else its name column), as pc_cell_key
 * gives them; empty when it has neither. */
static GHashTable *closed_ids(const Model *m)
{
    const RpSource *s = m->s;
    const PcTable *c = s->cells;
    GHashTable *ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    gssize col = pc_roles_find(s->roles, c->cols, PC_ROLE_ID);
    if (col < 0)
        col = pc_roles_find(s->roles, c->cols, PC_ROLE_NAME);
    gssize outcome = pc_roles_find(s->roles, c->cols, PC_ROLE_OUTCOME);
    gssize stage = pc_roles_find(s->roles, c->cols, PC_ROLE_STAGE);
    for (gsize r = 1; r < c->rows && col >= 0; r++) {
        if (pc_roles_row_outcome(c, m->keys, r, outcome, stage) == PC_OUTCOME_NONE)
            continue;
        char *key = pc_cell_key(m->keys, pc_table_at(c, r, (gsize)col));
        if (key && *key)
            g_hash_table_add(ids, key);
        else
            g_free(key);
    }
    return ids;
}

/* Where deals drop out most, from the table's funnel as the Funnel sheet counts it. */
static char *drop_sentence(const Model *m)
{
    const RpSource *s = m->s;
    gssize stage = pc_roles_find(s->roles, s->cells->cols, PC_ROLE_STAGE);
    char **order = stage >= 0 ? pc_roles_stage_order(s->cells, (gsize)stage) : NULL;
    gsize k = order ? g_strv_length(order) : 0;
    if (k == 0) {
        g_strfreev(order);
        return g_strdup(_("The table has no stage column with stages besides won and lost: "
                          "where deals drop out cannot be said."));
    }
    const char *won = rp_won_stage();
    PcTable *data = rp_closed_stage_data(s, m->keys, order[0], won, NULL);
    PcTable *stages = rp_name_column(order, k, won);
    PcFunnel *funnel = NULL;
    gsize *reached = g_new0(gsize, k + 1);
    PcError err;
    pc_error_clear(&err);
    char *text = NULL;
    if (data && stages && pc_funnel_new(stages, 0, NULL, 1, &funnel, &err) == PC_OK &&
        pc_funnel_reached(funnel, data, 0, reached, &err) == PC_OK) {
        gssize worst = -1;
        double lowest = INFINITY;
        for (gsize i = 0; i < k; i++) {
            double rate = reached[i] ? (double)reached[i + 1] / (double)reached[i] : INFINITY;
            if (rate < lowest) {
                lowest = rate;
                worst = (gssize)i;
            }
        }
        if (worst >= 0) {
            gsize i = (gsize)worst;
            char *rate = percent_text(m->number, lowest);
            if (i + 1 < k)
                text = g_strdup_printf(tx_n("The largest drop is after %s: %s %% of the %zu "
                                            "closed deal that reached it went on to %s.",
                                            "The largest drop is after %s: %s %% of the %zu "
                                            "closed deals that reached it went on to %s.",
                                            reached[i]),
                                       order[i], rate, reached[i], order[i + 1]);
            else
                text = g_strdup_printf(tx_n("The largest drop is after %s: %s %% of the %zu "
                                            "closed deal that reached it was won.",
                                            "The largest drop is after %s: %s %% of the %zu "
                                            "closed deals that reached it were won.",
                                            reached[i]),
                                       order[i], rate, reached[i]);
            g_free(rate);
        }
    }
    if (!text)
        text = g_strdup_printf(_("The drop between stages cannot be said: %s."),
                               err.message[0] ? err.message : _("no closed deal reached a stage"));
    pc_funnel_free(funnel);
    g_free(reached);
    pc_table_free(data);
    pc_table_free(stages);
    g_strfreev(order);
    return text;
}

/* The stage with the longest median stay, among the stages shown. */
static char *longest_sentence(const Model *m)
{
    const LogPart *l = &m->log;
    const PcStageStays *best = NULL;
    double best_median = -INFINITY;
    for (gsize i = 0; i < l->n_shown; i++) {
        const PcStageStays *st = &l->stays->stages[l->shown[i]];
        if (!st->n_done)
            continue;
        double median = pc_percentile_inc(st->done, st->n_done, 0.5);
        if (median > best_median) {
            best_median = median;
            best = st;
        }
    }
    if (!best)
        return g_strdup(_("No deal has left a stage of the stage log yet: there is no time in "
                          "stage to compare."));
    gulong n = (gulong)lround(best_median);
    char *median = m->number(best_median, 0);
    char *p90 = m->number(pc_percentile_inc(best->done, best->n_done, 0.9), 0);
    char *text = g_strdup_printf(tx_n("Deals stay longest in %s: a median of %s day (P90: %s).",
                                      "Deals stay longest in %s: a median of %s days (P90: %s).",
                                      n),
                                 best->name, median, p90);
    g_free(median);
    g_free(p90);
    return text;
}

/* The position of a log stage in the table's funnel order ORDER (K stages), or K. */
static gsize rank_of(const char *name, char **order, gsize k)
{
    char *key = pc_text_key(name);
    gsize r = k;
    for (gsize i = 0; i < k && r == k; i++) {
        char *o = pc_text_key(order[i]);
        if (strcmp(o, key) == 0)
            r = i;
        g_free(o);
    }
    g_free(key);
    return r;
}

typedef struct {
    gsize stage, rank;
} Ranked;

static int by_rank(const void *pa, const void *pb)
{
    const Ranked *a = pa, *b = pb;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    return (a->stage > b->stage) - (a->stage < b->stage);
}

/* The stages shown (no outcome words), the table's funnel order first. */
static void order_stages(Model *m)
{
    LogPart *l = &m->log;
    gssize stage = pc_roles_find(m->s->roles, m->s->cells->cols, PC_ROLE_STAGE);
    char **order = stage >= 0 ? pc_roles_stage_order(m->s->cells, (gsize)stage) : NULL;
    gsize k = order ? g_strv_length(order) : 0;
    Ranked *ranked = g_new(Ranked, MAX(l->stays->n_stages, 1));
    gsize n = 0;
    for (gsize i = 0; i < l->stays->n_stages; i++) {
        const char *name = l->stays->stages[i].name;
        char *key = pc_text_key(name);
        gboolean outcome = pc_outcome_of_key(key) != PC_OUTCOME_NONE;
        g_free(key);
        if (!outcome)
            ranked[n++] = (Ranked){ i, rank_of(name, order, k) };
    }
    qsort(ranked, n, sizeof *ranked, by_rank);
    l->shown = g_new(gsize, MAX(n, 1));
    for (gsize i = 0; i < n; i++)
        l->shown[i] = ranked[i].stage;
    l->n_shown = n;
    g_free(ranked);
    g_strfreev(order);
}

/* Longest first, then in log order. */
static int by_days(const void *pa, const void *pb)
{
    const Late *a = pa, *b = pb;
    if (a->days != b->days)
        return a->days < b->days ? 1 : -1;
    return (a->first_row > b->first_row) - (a->first_row < b->first_row);
}

/* The open deals past their stage's P90 on TODAY, not closed in the table. */
static void find_late(Model *m, const PcTable *log, double today)
{
    LogPart *l = &m->log;
    l->late = g_array_new(FALSE, FALSE, sizeof(Late));
    GHashTable *closed = closed_ids(m);
    GPtrArray *log_keys = pc_text_keys(log);
    for (gsize i = 0; i < l->n_shown; i++) {
        const PcStageStays *st = &l->stays->stages[l->shown[i]];
        if (!st->n_done)
            continue;
        double p90 = pc_percentile_inc(st->done, st->n_done, 0.9);
        for (gsize j = 0; j < st->n_open; j++) {
            double days = today - st->open[j].since;
            if (!(days > p90))
                continue;
            char *key = pc_cell_key(log_keys, pc_table_at(log, st->open[j].first_row, 0));
            gboolean is_closed = key && g_hash_table_contains(closed, key);
            g_free(key);
            if (!is_closed) {
                Late late = { l->shown[i], st->open[j].first_row, days, p90 };
                g_array_append_val(l->late, late);
            }
        }
    }
    g_array_sort(l->late, by_days); /* not qsort: an empty GArray has no data */
    g_ptr_array_unref(log_keys);
    g_hash_table_destroy(closed);
}

static void read_log(Model *m, const PcTable *log, double today)
{
    LogPart *l = &m->log;
    l->given = log != NULL;
    if (!log)
        return;
    PcError err;
    pc_error_clear(&err);
    if (pc_stays_read(log, 0, &l->stays, &err) != PC_OK) {
        l->error = g_strdup_printf(_("The stage log could not be read: %s. The rest of the "
                                     "sheet is written without it."),
                                   err.message[0] ? err.message : "?");
        return;
    }
    order_stages(m);
    l->drop = drop_sentence(m);
    l->longest = longest_sentence(m);
    if (isfinite(today))
        find_late(m, log, today);
}

static void log_clear(LogPart *l)
{
    g_free(l->error);
    pc_stays_free(l->stays);
    g_free(l->shown);
    g_free(l->drop);
    g_free(l->longest);
    if (l->late)
        g_array_free(l->late, TRUE);
}

/* ---- the rows ----------------------------------------------------------------------- */

static gsize block_rows(const Block *b)
{
    return 1 + b->n + (b->n_other > 0) + 1 + 1;
}

static gsize listed(const LogPart *l)
{
    return MIN(l->late->len, RP_PATTERNS_MAX_LISTED);
}

static gsize log_rows(const LogPart *l)
{
    if (!l->given || l->error)
        return 1;
    gsize n = 2 + l->n_shown + 1 + 3 + 1;
    if (l->late)
        n += l->late->len ? 2 + listed(l) + (l->late->len > listed(l)) : 2;
    return n;
}

/* The notes on what the table lacks for some figures: one line, or NULL (g_free). */
static char *data_note(const Model *m)
{
    GString *note = g_string_new(NULL);
    if (!m->amounts)
        g_string_append(note, _("The table has no amount column: no average won deal and no "
                                "velocity."));
    rp_groups_cycle_note(note, m->dated, m->no_cycle);
    if (!note->len) {
        g_string_free(note, TRUE);
        return NULL;
    }
    return g_string_free(note, FALSE);
}

/* The columns left out, one line per reason (NULL-terminated, g_strfreev). */
static char **left_out_notes(const Model *m)
{
    GPtrArray *lines = g_ptr_array_new();
    if (m->free_text->len) {
        char *names = joined(m->free_text);
        g_ptr_array_add(lines, g_strdup_printf(_("Not broken down, more than %d different values "
                                                 "(free text): %s."),
                                               RP_PATTERNS_MAX_VALUES, names));
        g_free(names);
    }
    if (m->single->len) {
        char *names = joined(m->single);
        g_ptr_array_add(lines, g_strdup_printf(_("Not broken down, the same value in every row: "
                                                 "%s."), names));
        g_free(names);
    }
    if (m->thin->len) {
        char *names = joined(m->thin);
        g_ptr_array_add(lines, g_strdup_printf(_("Not broken down, no value with %d or more "
                                                 "closed deals: %s."),
                                               PC_EVIDENCE_MIN_PER_VALUE, names));
        g_free(names);
    }
    g_ptr_array_add(lines, NULL);
    return (char **)g_ptr_array_free(lines, FALSE);
}

/* Closed deals .. Velocity of D at ROW. */
static void put_deals(const Model *m, RpPlan *p, gsize row, const PcDeals *d)
{
    double lo, hi;
    pc_deals_win_interval(d, PC_DEALS_Z90, &lo, &hi);
    rp_set_number(p, row, COL_CLOSED, (double)(d->won + d->lost), RP_FORMAT_INTEGER);
    rp_set_number(p, row, COL_WON, (double)d->won, RP_FORMAT_INTEGER);
    put(p, row, COL_RATE, pc_deals_win_rate(d), RP_FORMAT_PERCENT);
    put(p, row, COL_LOW, lo, RP_FORMAT_PERCENT);
    put(p, row, COL_HIGH, hi, RP_FORMAT_PERCENT);
    put(p, row, COL_AVERAGE, m->amounts ? pc_deals_average_won(d) : NAN, RP_FORMAT_AMOUNT);
    put(p, row, COL_CYCLE, pc_deals_average_cycle(d), RP_FORMAT_INTEGER);
    rp_set_number(p, row, COL_OPEN, (double)d->open, RP_FORMAT_INTEGER);
    put(p, row, COL_VELOCITY, m->amounts ? pc_deals_velocity(d) : NAN, RP_FORMAT_AMOUNT);
}

/* Block B from ROW; the row after it. */
static gsize put_block(const Model *m, RpPlan *p, gsize row, const Block *b)
{
    rp_set_text(p, row, COL_VALUE, b->name);
    for (gsize j = 1; j < COLS; j++)
        rp_set_text(p, row, j, _(HEAD[j]));
    rp_style(p, (RpRect){ row, 0, row, COLS - 1 }, RP_STYLE_HEADER);
    row++;
    for (gsize i = 0; i < b->n; i++, row++) {
        const RpGroup *g = &b->g.groups[b->rows[i].group];
        rp_set_text(p, row, COL_VALUE, g->name);
        put_deals(m, p, row, &g->deals);
    }
    if (b->n_other) {
        char *other = g_strdup_printf(tx_n("Other (%zu value with fewer than %d closed deals)",
                                           "Other (%zu values with fewer than %d closed deals "
                                           "each)", b->n_other),
                                      b->n_other, PC_EVIDENCE_MIN_PER_VALUE);
        rp_set_text(p, row, COL_VALUE, other);
        g_free(other);
        put_deals(m, p, row, &b->other);
        rp_style(p, (RpRect){ row, 0, row, COLS - 1 }, RP_STYLE_MUTED);
        row++;
    }
    rp_set_text(p, row, COL_VALUE, _("All deals"));
    put_deals(m, p, row, &m->all);
    rp_style(p, (RpRect){ row, 0, row, COLS - 1 }, RP_STYLE_TOTAL);
    return row + 2;
}

/* The chart of the first block, whose header row is ROW, beside the blocks. */
/* The chart of block B (its header at ROW), its corner beside the first block (AT). */
static void put_chart(RpPlan *p, gsize row, gsize at, const Block *b)
{
    gsize last = row + b->n + (b->n_other > 0) + 1;
    RpChart *c = rp_add_chart(p, "PipecalcPatterns", RP_CHART_BARS,
                              (RpRect){ row, COL_VALUE, last, COL_RATE }, at, COLS + 1);
    rp_chart_series(c, COL_RATE);
    c->title = g_strdup_printf(_("Win rate by %s"), b->name);
    c->x_title = g_strdup(b->name);
    c->y_title = g_strdup(_("Win rate"));
    c->reverse_categories = TRUE;
    c->value_format = RP_FORMAT_PERCENT;
}

/* The stage log part from ROW; the row after it. */
static gsize put_log(const Model *m, RpPlan *p, gsize row, const PcTable *log)
{
    const LogPart *l = &m->log;
    if (!l->given) {
        rp_line(p, row, _("With a dated stage log (deal id | stage | date entered) this sheet "
                           "also shows how long deals stay in each stage and where they stall."),
                 RP_STYLE_NOTE);
        return row + 1;
    }
    if (l->error) {
        rp_line(p, row, l->error, RP_STYLE_NOTE);
        return row + 1;
    }
    rp_line(p, row++, _("Time in stage"), RP_STYLE_HEADER);
    put_heads(p, row++, STAY_HEAD, STAY_COLS);
    for (gsize i = 0; i < l->n_shown; i++, row++) {
        const PcStageStays *st = &l->stays->stages[l->shown[i]];
        rp_set_text(p, row, 0, st->name);
        rp_set_number(p, row, 1, (double)st->n_done, RP_FORMAT_INTEGER);
        put(p, row, 2, st->n_done ? pc_percentile_inc(st->done, st->n_done, 0.5) : NAN,
            RP_FORMAT_INTEGER);
        put(p, row, 3, st->n_done ? pc_percentile_inc(st->done, st->n_done, 0.9) : NAN,
            RP_FORMAT_INTEGER);
        rp_set_number(p, row, 4, (double)st->n_open, RP_FORMAT_INTEGER);
    }
    row++;
    rp_line(p, row++, _("Where deals stall"), RP_STYLE_HEADER);
    rp_line(p, row++, l->drop, RP_STYLE_NONE);
    rp_line(p, row++, l->longest, RP_STYLE_NONE);
    row++;
    if (!l->late)
        return row;
    char *title = g_strdup_printf(_("Open longer than usual: in their stage longer than 90 %% of "
                                    "the completed stays there"));
    rp_line(p, row++, title, RP_STYLE_HEADER);
    g_free(title);
    if (!l->late->len) {
        rp_line(p, row++, _("No open deal has been in its stage longer than the P90 of the "
                             "completed stays there."), RP_STYLE_NONE);
        return row;
    }
    put_heads(p, row++, LATE_HEAD, LATE_COLS);
    for (gsize i = 0; i < listed(l); i++, row++) {
        const Late *late = &g_array_index(l->late, Late, i);
        const PcStageStays *st = &l->stays->stages[late->stage];
        const PcCell *id = pc_table_at(log, late->first_row, 0);
        if (id->kind == PC_CELL_TEXT)
            rp_set_text(p, row, 0, pc_table_text(log, id));
        else
            rp_set_number(p, row, 0, id->num, RP_FORMAT_GENERAL);
        rp_set_text(p, row, 1, st->name);
        rp_set_number(p, row, 2, late->days, RP_FORMAT_INTEGER);
        rp_set_number(p, row, 3, late->p90, RP_FORMAT_INTEGER);
    }
    if (l->late->len > listed(l)) {
        gsize more = l->late->len - listed(l);
        char *text = g_strdup_printf(tx_n("... and %zu more", "... and %zu more", more), more);
        rp_set_text(p, row, 0, text);
        rp_style(p, (RpRect){ row, 0, row, 0 }, RP_STYLE_MUTED);
        g_free(text);
        row++;
    }
    return row;
}

static RpPlan *write_plan(const Model *m, const PcTable *log)
{
    char **left_out = left_out_notes(m);
    char *data = data_note(m);
    gsize head = 3 + m->sentences->len + 1 + g_strv_length(left_out) + (data != NULL) + 1;
    gsize rows = head + log_rows(&m->log);
    for (guint i = 0; i < m->blocks->len; i++)
        rows += block_rows(&g_array_index(m->blocks, Block, i));
    RpPlan *p = rp_plan_new(RP_PLACE_SHEET, RP_MARKER_PATTERNS, rows, COLS);
    p->sheet_base = g_strdup(_("Patterns"));
    p->undo_title = g_strdup(_("Pipecalc: write patterns"));
    p->amount_col = pc_roles_find(m->s->roles, m->s->cells->cols, PC_ROLE_AMOUNT);

    gsize closed = m->all.won + m->all.lost;
    char *src = rp_source_text(m->s), *rate = percent_text(m->number, pc_deals_win_rate(&m->all));
    char *line = g_strdup_printf(tx_n("From %s: %zu closed deal, %zu of them won: %s %% overall.",
                                      "From %s: %zu closed deals, %zu of them won: %s %% overall.",
                                      closed),
                                 src, closed, m->all.won, rate);
    rp_line(p, 0, _("Patterns: what wins deals"), RP_STYLE_TITLE);
    rp_line(p, 1, line, RP_STYLE_NOTE);
    g_free(line);
    g_free(rate);
    g_free(src);
    rp_line(p, 2, _("What stands out"), RP_STYLE_HEADER);
    gsize row = 3;
    for (guint i = 0; i < m->sentences->len; i++)
        rp_line(p, row++, g_ptr_array_index(m->sentences, i), RP_STYLE_NONE);
    char *rule = g_strdup_printf(_("A value stands out when the 90 %% interval of its win rate "
                                   "lies entirely above or below the overall win rate. Values "
                                   "with fewer than %d closed deals are grouped as Other: their "
                                   "win rates would be mostly chance."),
                                 PC_EVIDENCE_MIN_PER_VALUE);
    rp_line(p, row++, rule, RP_STYLE_NOTE);
    g_free(rule);
    for (gsize i = 0; left_out[i]; i++)
        rp_line(p, row++, left_out[i], RP_STYLE_NOTE);
    if (data)
        rp_line(p, row++, data, RP_STYLE_NOTE);
    row++;
    g_strfreev(left_out);
    g_free(data);

    /* the chart shows the column of the largest standout (else the first), beside the blocks */
    const Block *charted = m->standouts->len ? g_array_index(m->standouts, Standout, 0).b
                                             : m->blocks->len ? &g_array_index(m->blocks, Block, 0) : NULL;
    gsize first_block = row, charted_row = row;
    for (guint i = 0; i < m->blocks->len; i++) {
        const Block *b = &g_array_index(m->blocks, Block, i);
        if (b == charted)
            charted_row = row;
        row = put_block(m, p, row, b);
    }
    row = put_log(m, p, row, log);
    g_assert(row == p->rows);
    rp_fit_widths(p, 6, 30);
    if (charted)
        put_chart(p, charted_row, first_block, charted);
    return p;
}

/* ---- the plan ----------------------------------------------------------------------- */

gboolean rp_patterns_plan(const RpSource *s, const PcTable *stage_log, double today,
                          RpNumberText number, RpPatterns *out, char **message)
{
    const PcTable *c = s->cells;
    memset(out, 0, sizeof *out);
    *message = NULL;
    GArray *cols = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize j = 0; j < c->cols; j++)
        if (pc_role_scores(s->roles[j]) || s->roles[j] == PC_ROLE_OWNER)
            g_array_append_val(cols, j);
    if (!cols->len) {
        g_array_free(cols, TRUE);
        *message = g_strdup(_("Patterns needs a column to break the deals down by: an attribute "
                              "such as Source, Industry or Region, a product or an owner column, "
                              "or choose one under Column roles. Nothing was written."));
        return FALSE;
    }
    if ((*message = rp_need_closed(s->counts.won, s->counts.lost))) {
        g_array_free(cols, TRUE);
        return FALSE;
    }
    Model m = {
        .s = s, .keys = pc_text_keys(c), .number = number,
        .blocks = g_array_new(FALSE, TRUE, sizeof(Block)),
        .free_text = g_ptr_array_new_with_free_func(g_free),
        .single = g_ptr_array_new_with_free_func(g_free),
        .thin = g_ptr_array_new_with_free_func(g_free),
        .amounts = pc_roles_find(s->roles, c->cols, PC_ROLE_AMOUNT) >= 0,
        .standouts = g_array_new(FALSE, FALSE, sizeof(Standout)),
        .sentences = g_ptr_array_new_with_free_func(g_free),
    };
    gboolean ok = TRUE;
    for (guint i = 0; i < cols->len && ok; i++)
        ok = add_column(&m, g_array_index(cols, gsize, i), i == 0, message);
    if (ok) {
        find_standouts(&m);
        read_log(&m, stage_log, today);
        out->plan = write_plan(&m, stage_log);
        out->standouts = m.standouts->len;
        out->columns = m.blocks->len;
        out->log_used = m.log.given && !m.log.error;
        out->first_standout = g_strdup(g_ptr_array_index(m.sentences, 0));
        out->stalled = m.log.late ? m.log.late->len : 0;
    }
    log_clear(&m.log);
    g_ptr_array_unref(m.sentences);
    g_array_free(m.standouts, TRUE);
    for (guint i = 0; i < m.blocks->len; i++)
        block_clear(&g_array_index(m.blocks, Block, i));
    g_array_free(m.blocks, TRUE);
    g_ptr_array_unref(m.free_text);
    g_ptr_array_unref(m.single);
    g_ptr_array_unref(m.thin);
    g_ptr_array_unref(m.keys);
    g_array_free(cols, TRUE);
    return ok;
}

void rp_patterns_clear(RpPatterns *p)
{
    rp_plan_free(p->plan);
    g_free(p->first_standout);
    memset(p, 0, sizeof *p);
}

gboolean rp_patterns_stalled(const RpSource *s, const PcTable *stage_log, double today,
                             RpNumberText number, gsize *n, char **longest)
{
    *n = 0;
    *longest = NULL;
    Model m = { .s = s, .keys = pc_text_keys(s->cells), .number = number };
    read_log(&m, stage_log, today);
    gboolean ok = m.log.given && !m.log.error;
    if (ok && m.log.late && m.log.late->len) {
        const Late *late = &g_array_index(m.log.late, Late, 0);
        const PcCell *id = pc_table_at(stage_log, late->first_row, 0);
        char *deal = id->kind == PC_CELL_TEXT ? g_strdup(pc_table_text(stage_log, id))
                                              : number(id->num, 0);
        char *days = number(late->days, 0), *p90 = number(late->p90, 0);
        *longest = g_strdup_printf(_("%s: %s days in %s (P90: %s)"), deal, days,
                                   m.log.stays->stages[late->stage].name, p90);
        *n = m.log.late->len;
        g_free(deal);
        g_free(days);
        g_free(p90);
    }
    log_clear(&m.log);
    g_ptr_array_unref(m.keys);
    return ok;
}
