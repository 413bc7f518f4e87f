/* rp_score.c - the Score column and one lead's factors, computed through LEAD_SCORE. */
#include "rp_score.h"

#include "pc_score.h"
#include "pc_select.h"
#include "pc_text.h"
#include "rp_stages.h"
#include "tx.h"

#include <math.h>
#include <string.h>

/* What the model learns from and what it scores. */
typedef struct {
    GArray *open;            /* data rows of the scored table (gsize) */
    GArray *attributes;      /* its attribute columns (gsize) */
    const PcTable *learn;    /* the cells learned from: the table's own, or the history's */
    GArray *closed;          /* LEARN's closed data rows (gsize) */
    GArray *learn_attrs;     /* LEARN's columns of ATTRIBUTES, one each (gsize) */
    PcTable *outcomes;       /* one per CLOSED row: 1 won, 0 lost */
    gsize won, lost;
} Split;

static void split_clear(Split *s)
{
    if (s->open)
        g_array_free(s->open, TRUE);
    if (s->attributes)
        g_array_free(s->attributes, TRUE);
    if (s->closed)
        g_array_free(s->closed, TRUE);
    if (s->learn_attrs)
        g_array_free(s->learn_attrs, TRUE);
    pc_table_free(s->outcomes);
    memset(s, 0, sizeof *s);
}

static GArray *index_array(void)
{
    return g_array_new(FALSE, FALSE, sizeof(gsize));
}

/* Sort SRC's data rows into open and closed (blank rows in neither), the closed ones'
 * outcomes counted, and pick its attribute columns: S learns from SRC itself. */
static void split_rows(const RpSource *src, Split *s)
{
    const PcTable *c = src->cells;
    gssize oc = pc_roles_find(src->roles, c->cols, PC_ROLE_OUTCOME);
    gssize sc = pc_roles_find(src->roles, c->cols, PC_ROLE_STAGE);
    GArray *won = g_array_new(FALSE, FALSE, sizeof(guint8));
    GPtrArray *keys = pc_text_keys(c);
    s->open = index_array();
    s->closed = index_array();
    s->attributes = index_array();
    for (gsize r = 1; r < c->rows; r++) {
        if (pc_roles_row_blank(c, r))
            continue;
        PcOutcome o = pc_roles_row_outcome(c, keys, r, oc, sc);
        if (o == PC_OUTCOME_NONE) {
            g_array_append_val(s->open, r);
            continue;
        }
        g_array_append_val(s->closed, r);
        guint8 w = o == PC_OUTCOME_WON;
        g_array_append_val(won, w);
        s->won += w;
        s->lost += !w;
    }
    g_ptr_array_unref(keys);
    for (gsize j = 0; j < c->cols; j++)
        if (pc_role_scores(src->roles[j]))
            g_array_append_val(s->attributes, j);
    s->learn_attrs = g_array_copy(s->attributes);
    s->outcomes = pc_table_new(won->len, won->len ? 1 : 0);
    for (guint i = 0; i < won->len; i++)
        pc_table_set_number(s->outcomes, i, 0, g_array_index(won, guint8, i));
    g_array_free(won, TRUE);
    s->learn = c;
}

/* Learn from H instead of S's own table: the closed rows and outcomes become H's, the
 * attributes those of S's table with a column of the same header among H's attributes. */
static void use_history(const RpSource *t, const RpSource *h, Split *s)
{
    Split hs = { 0 };
    split_rows(h, &hs);
    GArray *keep = index_array();
    g_array_set_size(s->learn_attrs, 0);
    for (guint i = 0; i < s->attributes->len; i++) {
        gsize col = g_array_index(s->attributes, gsize, i);
        const PcCell *head = pc_table_at(t->cells, 0, col);
        if (head->kind != PC_CELL_TEXT)
            continue;
        gssize hc = pc_roles_column_of(h->cells, pc_table_text(t->cells, head));
        if (hc < 0 || !pc_role_scores(h->roles[hc]))
            continue;
        gsize uhc = (gsize)hc;
        g_array_append_val(keep, col);
        g_array_append_val(s->learn_attrs, uhc);
    }
    g_array_free(s->attributes, TRUE);
    s->attributes = keep;
    g_array_free(s->closed, TRUE);
    pc_table_free(s->outcomes);
    s->closed = hs.closed;
    s->outcomes = hs.outcomes;
    s->won = hs.won;
    s->lost = hs.lost;
    s->learn = h->cells;
    hs.closed = NULL;
    hs.outcomes = NULL;
    split_clear(&hs);
}

/* S split for scoring T, learning from H (NULL: T's own rows). */
static void split_for(const RpSource *t, const RpSource *h, Split *s)
{
    split_rows(t, s);
    if (h)
        use_history(t, h, s);
}

/* ---- the stage factor ---------------------------------------------------------------- */

/* LEAD_SCORE's default smoothing (pc_score.c: Smoothing omitted is 1), so the stage factor
 * is smoothed as the attributes are: reached / not reached is a value with two states. */
#define STAGE_SMOOTHING 1.0

void rp_stage_odds_learn(const RpSource *learn, RpStageOdds *so)
{
    memset(so, 0, sizeof *so);
    const PcTable *c = learn->cells;
    gssize sc = pc_roles_find(learn->roles, c->cols, PC_ROLE_STAGE);
    gssize oc = pc_roles_find(learn->roles, c->cols, PC_ROLE_OUTCOME);
    if (sc < 0)
        return;
    so->order = pc_roles_stage_order(c, (gsize)sc);
    so->k = g_strv_length(so->order);
    if (so->k == 0)
        return;
    so->lost_reached = g_new0(gsize, so->k);
    so->log_factor = g_new0(double, so->k);
    GPtrArray *keys = pc_text_keys(c);
    char **order_keys = so->keys = g_new0(char *, so->k + 1);
    for (gsize i = 0; i < so->k; i++)
        order_keys[i] = pc_text_key(so->order[i]);
    gsize *lost_at = g_new0(gsize, so->k); /* lost deals by their furthest stage */
    for (gsize r = 1; r < c->rows; r++) {
        if (pc_roles_row_blank(c, r))
            continue;
        PcOutcome o = pc_roles_row_outcome(c, keys, r, oc, sc);
        if (o == PC_OUTCOME_WON)
            so->won++; /* a won deal reached every stage */
        if (o != PC_OUTCOME_LOST)
            continue;
        so->lost++;
        /* the forecast's rule (rp_closed_stage_data): an outcome word or nothing as the
         * stage is the first stage */
        gsize at = 0;
        const PcCell *cell = pc_table_at(c, r, (gsize)sc);
        if (cell->kind == PC_CELL_TEXT) {
            const char *key = g_ptr_array_index(keys, cell->text);
            for (gsize i = 0; i < so->k && pc_outcome_of_key(key) == PC_OUTCOME_NONE; i++)
                if (strcmp(order_keys[i], key) == 0)
                    at = i;
        }
        lost_at[at]++;
    }
    double a = STAGE_SMOOTHING, reached = 0;
    for (gsize i = so->k; i-- > 0;) {
        reached += (double)lost_at[i];
        so->lost_reached[i] = (gsize)reached;
        double p_won = ((double)so->won + a) / ((double)so->won + 2 * a);
        double p_lost = (reached + a) / ((double)so->lost + 2 * a);
        so->log_factor[i] = log(p_won) - log(p_lost);
    }
    g_free(lost_at);
    g_ptr_array_unref(keys);
}

gssize rp_stage_odds_find(const RpStageOdds *so, const PcTable *t, gsize row, gssize stage_col)
{
    if (so->k == 0 || stage_col < 0)
        return -1;
    const PcCell *cell = pc_table_at(t, row, (gsize)stage_col);
    if (cell->kind != PC_CELL_TEXT)
        return -1;
    char *key = pc_text_key(pc_table_text(t, cell));
    gssize found = -1;
    for (gsize i = 0; i < so->k && found < 0; i++)
        if (strcmp(so->keys[i], key) == 0)
            found = (gssize)i;
    g_free(key);
    return found;
}

void rp_stage_odds_clear(RpStageOdds *so)
{
    g_strfreev(so->order);
    g_strfreev(so->keys);
    g_free(so->lost_reached);
    g_free(so->log_factor);
    memset(so, 0, sizeof *so);
}

/* The stage factor's log for data row ROW of T (0: no stage, or one not learned). */
static double stage_term(const RpStageOdds *so, const RpSource *t, gsize row, gssize *stage)
{
    gssize col = pc_roles_find(t->roles, t->cells->cols, PC_ROLE_STAGE);
    gssize i = rp_stage_odds_find(so, t->cells, row, col);
    if (stage)
        *stage = i;
    return i >= 0 ? so->log_factor[i] : 0.0;
}

/* TRUE when SO gives T's leads a stage factor: it learned stages, and T has a stage column. */
static gboolean staged(const RpStageOdds *so, const RpSource *t)
{
    return so->k && pc_roles_find(t->roles, t->cells->cols, PC_ROLE_STAGE) >= 0;
}

/* A probability P with its log odds moved by TERM (P of 0 or 1 stays). */
static double move_odds(double p, double term)
{
    if (p <= 0.0 || p >= 1.0 || term == 0.0)
        return p;
    double logit = log(p) - log1p(-p) + term;
    return logit > 0 ? 1.0 / (1.0 + exp(-logit)) : exp(logit) / (1.0 + exp(logit));
}

/* The user's sentence why S cannot score T learning from H, or NULL (g_free). */
static char *refusal(const RpSource *t, const RpSource *h, const Split *s, const RpStageOdds *so)
{
    const RpSource *learn = h ? h : t;
    if (t->counts.rows == 0) {
        char *where = rp_source_text(t);
        char *m = g_strdup_printf(_("The table %s has no data rows below its header."), where);
        g_free(where);
        return m;
    }
    if (pc_roles_find(learn->roles, learn->cells->cols, PC_ROLE_OUTCOME) < 0 &&
        pc_roles_find(learn->roles, learn->cells->cols, PC_ROLE_STAGE) < 0)
        return g_strdup(_("No outcome column: add a column \"Outcome\" holding won / lost, or use "
                          "\"Won\" and \"Lost\" as stages."));
    char *closed = rp_need_closed(s->won, s->lost);
    if (closed)
        return closed;
    if (s->attributes->len == 0 && !staged(so, t) && h) {
        char *where = rp_source_text(h);
        char *m = g_strdup_printf(_("The history table %s has none of this table's scoring "
                                    "attributes (columns are matched by their header)."), where);
        g_free(where);
        return m;
    }
    if (s->attributes->len == 0 && !staged(so, t))
        return g_strdup(_("No column to learn from: add columns such as Source or Industry (every "
                          "column now has a role such as name, stage or amount)."));
    if (s->open->len == 0)
        return g_strdup(_("The table has no open leads to score."));
    return NULL;
}

/* The training table: LEARN's closed rows, its columns of the attributes (NULL: too large). */
static PcTable *training(const Split *s)
{
    return pc_table_select(s->learn, (const gsize *)s->closed->data, s->closed->len,
                           (const gsize *)s->learn_attrs->data, s->learn_attrs->len);
}

/* T's rows ROWS[0..N) in its attribute columns, as LEAD_SCORE's leads (NULL: too large). */
static PcTable *leads_of(const RpSource *t, const Split *s, const gsize *rows, gsize n)
{
    return pc_table_select(t->cells, rows, n, (const gsize *)s->attributes->data, s->attributes->len);
}

static gboolean attribute_scores(const RpSource *t, const Split *s, double **scores, char **message);

/* The scores of S's open rows of T into *SCORES (g_free): LEAD_SCORE's odds on the
 * attributes (without attributes the prior odds won:lost, what LEAD_SCORE's model gives
 * a lead with no known value), times the stage factor of SO. FALSE with the user's sentence. */
static gboolean compute(const RpSource *t, const Split *s, const RpStageOdds *so, double **scores,
                        char **message)
{
    if (!attribute_scores(t, s, scores, message))
        return FALSE;
    for (guint i = 0; i < s->open->len; i++)
        (*scores)[i] = move_odds((*scores)[i], stage_term(so, t, g_array_index(s->open, gsize, i), NULL));
    return TRUE;
}

/* LEAD_SCORE's scores of S's open rows of T on the attributes alone (g_free). */
static gboolean attribute_scores(const RpSource *t, const Split *s, double **scores, char **message)
{
    if (s->attributes->len == 0) {
        *scores = g_new(double, s->open->len ? s->open->len : 1);
        for (guint i = 0; i < s->open->len; i++)
            (*scores)[i] = (double)s->won / (double)(s->won + s->lost);
        return TRUE;
    }
    PcTable *history = training(s);
    PcTable *leads = leads_of(t, s, (const gsize *)s->open->data, s->open->len);
    PcError err;
    pc_error_clear(&err);
    gsize n = 0;
    *scores = NULL;
    PcStatus st = history && leads && s->outcomes
                      ? pc_lead_score(leads, history, s->outcomes, NULL, scores, &n, &err)
                      : pc_fail(&err, PC_ERR_NOMEM, -1, -1, "the table is too large");
    pc_table_free(history);
    pc_table_free(leads);
    if (st == PC_OK && n != s->open->len) { /* never write scores against the wrong rows */
        g_clear_pointer(scores, g_free);
        st = pc_fail(&err, PC_ERR_ARG, -1, -1, "the number of scores (%zu) is not the number of leads (%u)", n, s->open->len);
    }
    if (st != PC_OK) {
        *message = g_strdup_printf(_("Scoring failed: %s. Nothing was written."), err.message);
        return FALSE;
    }
    return TRUE;
}

/* The headers of T's columns COLS, comma-separated (g_free). */
static char *column_names(const RpSource *t, const GArray *cols)
{
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < cols->len; i++) {
        const PcCell *h = pc_table_at(t->cells, 0, g_array_index(cols, gsize, i));
        g_string_append_printf(out, "%s%s", i ? ", " : "", h->kind == PC_CELL_TEXT ? pc_table_text(t->cells, h) : "");
    }
    return g_string_free(out, FALSE);
}

/* The column: the header, each open row's score; closed and blank rows stay empty, but
 * every data cell gets the percent format, so a score typed or written later shows as one. */
static RpPlan *score_column(const RpSource *t, const Split *s, const double *scores)
{
    gsize rows = t->cells->rows;
    RpPlan *p = rp_plan_new(RP_PLACE_COLUMN, RP_MARKER_SCORE, rows, 1);
    p->undo_title = g_strdup(_("Pipecalc: score leads"));
    p->score_colours = TRUE;
    rp_set_text(p, 0, 0, _("Score"));
    rp_style(p, (RpRect){ 0, 0, 0, 0 }, RP_STYLE_HEADER);
    if (rows > 1)
        rp_format(p, (RpRect){ 1, 0, rows - 1, 0 }, RP_FORMAT_PERCENT);
    for (guint i = 0; i < s->open->len; i++)
        rp_set_number(p, g_array_index(s->open, gsize, i), 0, scores[i], RP_FORMAT_PERCENT);
    return p;
}

gboolean rp_score_plan(const RpSource *s, const RpSource *history, RpScore *sc, char **message)
{
    memset(sc, 0, sizeof *sc);
    Split split = { 0 };
    RpStageOdds so;
    double *scores = NULL;
    split_for(s, history, &split);
    rp_stage_odds_learn(history ? history : s, &so);
    gboolean ok = !(*message = refusal(s, history, &split, &so)) &&
                  compute(s, &split, &so, &scores, message);
    if (ok) {
        sc->plan = score_column(s, &split, scores);
        sc->scored = split.open->len;
        sc->won = split.won;
        sc->lost = split.lost;
        sc->attributes = column_names(s, split.attributes);
        gssize stage = pc_roles_find(s->roles, s->cells->cols, PC_ROLE_STAGE);
        const PcCell *head = staged(&so, s) ? pc_table_at(s->cells, 0, (gsize)stage) : NULL;
        if (head && head->kind == PC_CELL_TEXT) { /* the stage is learned from too */
            char *with = g_strdup_printf("%s%s%s", pc_table_text(s->cells, head),
                                         *sc->attributes ? ", " : "", sc->attributes);
            g_free(sc->attributes);
            sc->attributes = with;
        }
        sc->history = history ? rp_source_text(history) : NULL;
    }
    g_free(scores);
    rp_stage_odds_clear(&so);
    split_clear(&split);
    return ok;
}

char *rp_score_report(const RpScore *sc, const char *column)
{
    GString *out = g_string_new(NULL);
    g_string_append_printf(out, tx_n("Scored %zu open lead into %s, learned from %zu won and %zu "
                                     "lost (%s).",
                                     "Scored %zu open leads into %s, learned from %zu won and %zu "
                                     "lost (%s).", sc->scored),
                           sc->scored, column, sc->won, sc->lost, sc->attributes);
    g_string_append_printf(out, "\n%s", _("Colour: a conditional format, one cell style per 20% of "
                                          "win probability (Pipecalc Score 0-20% ... 80-100%)."));
    if (sc->history) {
        g_string_append_c(out, '\n');
        g_string_append_printf(out, _("Learned from the history table %s."), sc->history);
    }
    return g_string_free(out, FALSE);
}

void rp_score_clear(RpScore *sc)
{
    rp_plan_free(sc->plan);
    g_free(sc->attributes);
    g_free(sc->history);
    memset(sc, 0, sizeof *sc);
}

/* ---- factors of one lead ------------------------------------------------------------- */

typedef struct {
    gsize col;   /* column of the scored table */
    double term; /* what the attribute adds to the log-odds of winning */
} Factor;

static gint by_weight(gconstpointer a, gconstpointer b)
{
    double x = fabs(((const Factor *)a)->term), y = fabs(((const Factor *)b)->term);
    return (x < y) - (x > y);
}

/* "Source = Web" for cell ROW, COL of T (g_free). */
static char *value_text(const RpSource *t, gsize row, gsize col)
{
    const PcCell *h = pc_table_at(t->cells, 0, col), *c = pc_table_at(t->cells, row, col);
    const char *name = h->kind == PC_CELL_TEXT ? pc_table_text(t->cells, h) : "?";
    if (c->kind == PC_CELL_NUMBER)
        return g_strdup_printf("%s = %g", name, c->num);
    return g_strdup_printf("%s = %s", name, c->kind == PC_CELL_TEXT ? pc_table_text(t->cells, c) : "");
}

/* Who data row ROW of T is: its deal name, else its row number on the sheet (g_free). */
static char *lead_name(const RpSource *t, gsize row)
{
    gssize nc = pc_roles_find(t->roles, t->cells->cols, PC_ROLE_NAME);
    const PcCell *n = nc >= 0 ? pc_table_at(t->cells, row, (gsize)nc) : NULL;
    if (n && n->kind == PC_CELL_TEXT)
        return g_strdup(pc_table_text(t->cells, n));
    return g_strdup_printf("%zu", t->row0 + row + 1);
}

static double logistic(double logit)
{
    return 1.0 / (1.0 + exp(-logit));
}

/* "Source = Web raises this lead's win probability from 60% to 83%": what the attribute
 * alone does to the base probability, said in probabilities, not odds (g_free). */
static char *factor_line(const char *value, double base_logit, double term, RpNumberText number)
{
    char *from = number(100 * logistic(base_logit), 0);
    char *to = number(100 * logistic(base_logit + term), 0);
    char *line = term > 0
        ? g_strdup_printf(_("%s raises this lead's win probability from %s%% to %s%%"), value, from, to)
        : g_strdup_printf(_("%s lowers this lead's win probability from %s%% to %s%%"), value, from, to);
    g_free(from);
    g_free(to);
    return line;
}

/* "Stage Negotiation: deals that reached it won 81% of the time": the stage's own rate,
 * PROBABILITY (g_free). */
static char *stage_line(const RpStageOdds *so, gsize stage, double probability, RpNumberText number)
{
    char *p = number(100 * probability, 0);
    char *line = g_strdup_printf(_("Stage %s: deals that reached it won %s%% of the time"),
                                 so->order[stage], p);
    g_free(p);
    return line;
}

/* The text for open data row ROW of T, given the model's PRIOR and per-attribute TERMS, and
 * the stage factor of SO: the stage's rate first, then what each attribute value does to it. */
static char *factors_text(const RpSource *t, const Split *s, const RpStageOdds *so, gsize row,
                          double prior, const double *terms, RpNumberText number)
{
    gssize stage = -1;
    prior += stage_term(so, t, row, &stage); /* the base: the odds among deals at the stage */
    double logit = prior;
    GArray *list = g_array_new(FALSE, FALSE, sizeof(Factor));
    for (guint i = 0; i < s->attributes->len; i++) {
        logit += terms[i];
        Factor f = { g_array_index(s->attributes, gsize, i), terms[i] };
        if (terms[i] != 0.0)
            g_array_append_val(list, f);
    }
    g_array_sort(list, by_weight);
    char *who = lead_name(t, row);
    GString *out = g_string_new(NULL);
    if (stage >= 0) {
        char *line = stage_line(so, (gsize)stage, logistic(prior), number);
        g_string_append_printf(out, _("%s: %.0f%% win probability: the stage's rate, raised or "
                                      "lowered by each attribute value. Because of:"),
                               who, 100 * logistic(logit));
        g_string_append_printf(out, "\n  %s", line);
        g_free(line);
    } else {
        g_string_append_printf(out, _("%s: %.0f%% win probability (all closed deals: %.0f%%). "
                                      "Because of:"), who, 100 * logistic(logit), 100 * logistic(prior));
    }
    if (list->len == 0 && (stage < 0 || s->attributes->len))
        g_string_append_printf(out, "\n  %s", _("no attribute value seen in the closed deals"));
    for (guint i = 0; i < list->len; i++) {
        const Factor *f = &g_array_index(list, Factor, i);
        char *v = value_text(t, row, f->col);
        char *line = factor_line(v, prior, f->term, number);
        g_string_append_printf(out, "\n  %s", line);
        g_free(line);
        g_free(v);
    }
    g_array_free(list, TRUE);
    g_free(who);
    return g_string_free(out, FALSE);
}

/* TRUE when ROW is one of S's open rows. */
static gboolean is_open(const Split *s, gsize row)
{
    for (guint i = 0; i < s->open->len; i++)
        if (g_array_index(s->open, gsize, i) == row)
            return TRUE;
    return FALSE;
}

char *rp_score_factors(const RpSource *s, const RpSource *history, gsize row, RpNumberText number)
{
    if (row == 0 || row >= s->cells->rows)
        return NULL;
    Split split = { 0 };
    RpStageOdds so;
    split_for(s, history, &split);
    rp_stage_odds_learn(history ? history : s, &so);
    char *text = NULL;
    /* what rp_score_plan refuses leaves nothing to explain */
    if (is_open(&split, row) && split.won && split.lost && split.attributes->len == 0 && staged(&so, s)) {
        double prior = log((double)split.won) - log((double)split.lost); /* LEAD_SCORE's prior */
        text = factors_text(s, &split, &so, row, prior, NULL, number);
    } else if (is_open(&split, row) && split.won && split.lost && split.attributes->len) {
        PcTable *train = training(&split);
        PcTable *lead = leads_of(s, &split, &row, 1);
        double prior = 0, *terms = NULL;
        gsize n = 0;
        PcError err;
        if (train && lead &&
            pc_lead_factors(lead, train, split.outcomes, NULL, 0, &prior, &terms, &n, &err) == PC_OK &&
            n == split.attributes->len)
            text = factors_text(s, &split, &so, row, prior, terms, number);
        g_free(terms);
        pc_table_free(train);
        pc_table_free(lead);
    }
    rp_stage_odds_clear(&so);
    split_clear(&split);
    return text;
}
