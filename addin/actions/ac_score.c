/* ac_score.c - Score leads: core computation first, every check next, writes last. */
#include "ac_score.h"

#include "pc_score.h"
#include "pc_select.h"
#include "cc_colour.h"
#include "cc_guard.h"
#include "tx_text.h"

#include <math.h>
#include <string.h>

enum { NUMBER_FORMAT_PERCENT = 128 };

typedef struct {
    GArray *open, *closed;   /* data row numbers of T's cells */
    GArray *attributes;      /* column numbers */
    PcTable *outcomes;       /* closed rows: 1 won, 0 lost */
    gsize won, lost;
    const PcTable *history;  /* cells CLOSED indexes: T's own, or the history table's */
    GArray *history_attrs;   /* its columns matching ATTRIBUTES (NULL: ATTRIBUTES) */
} Split;

static void split_clear(Split *s)
{
    if (s->open) g_array_free(s->open, TRUE);
    if (s->closed) g_array_free(s->closed, TRUE);
    if (s->attributes) g_array_free(s->attributes, TRUE);
    pc_table_free(s->outcomes);
    if (s->history_attrs) g_array_free(s->history_attrs, TRUE);
}

/* Sort T's rows into open and closed and pick the attribute columns. */
static void split_rows(const CcLeadTable *t, Split *s)
{
    const PcTable *c = t->cells;
    gssize oc = pc_roles_find(t->roles, c->cols, PC_ROLE_OUTCOME);
    gssize sc = pc_roles_find(t->roles, c->cols, PC_ROLE_STAGE);
    s->open = g_array_new(FALSE, FALSE, sizeof(gsize));
    s->closed = g_array_new(FALSE, FALSE, sizeof(gsize));
    s->attributes = g_array_new(FALSE, FALSE, sizeof(gsize));
    GArray *won = g_array_new(FALSE, FALSE, sizeof(guint8));
    GPtrArray *keys = pc_text_keys(c);
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
        if (t->roles[j] == PC_ROLE_ATTRIBUTE)
            g_array_append_val(s->attributes, j);
    s->outcomes = pc_table_new(won->len ? won->len : 0, won->len ? 1 : 0);
    for (guint i = 0; i < won->len; i++)
        pc_table_set_number(s->outcomes, i, 0, g_array_index(won, guint8, i));
    g_array_free(won, TRUE);
    s->history = c;
}

/* Names of the attribute columns, comma-separated (g_free). */
static char *attribute_names(const CcLeadTable *t, const Split *s)
{
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < s->attributes->len; i++) {
        const PcCell *h = pc_table_at(t->cells, 0, g_array_index(s->attributes, gsize, i));
        g_string_append_printf(out, "%s%s", i ? ", " : "", pc_table_text(t->cells, h));
    }
    return g_string_free(out, FALSE);
}

/* Compute the scores of S's open rows into *SCORES. FALSE with the user's sentence. */
static gboolean compute(const CcLeadTable *t, const Split *s, double **scores, char **message)
{
    const gsize *attrs = (const gsize *)s->attributes->data;
    const gsize *hattrs = s->history_attrs ? (const gsize *)s->history_attrs->data : attrs;
    PcTable *history = pc_table_select(s->history, (const gsize *)s->closed->data, s->closed->len, hattrs,
                                       s->attributes->len);
    PcTable *leads = pc_table_select(t->cells, (const gsize *)s->open->data, s->open->len, attrs,
                                     s->attributes->len);
    PcError err;
    pc_error_clear(&err);
    gsize n = 0;
    PcStatus st = history && leads && s->outcomes
                      ? pc_lead_score(leads, history, s->outcomes, NULL, scores, &n, &err)
                      : pc_fail(&err, PC_ERR_NOMEM, -1, -1, "the table is too large");
    pc_table_free(history);
    pc_table_free(leads);
    if (st == PC_OK && n != s->open->len) { /* never write scores against the wrong rows */
        g_free(*scores);
        st = pc_fail(&err, PC_ERR_ARG, -1, -1, "%zu scores for %u leads", n, s->open->len);
    }
    if (st != PC_OK) {
        *message = g_strdup_printf(_("Scoring failed: %s. Nothing was written."), err.message);
        return FALSE;
    }
    return TRUE;
}

/* The Score column: header, then each open row's score; closed and blank rows stay empty. */
static uno_Sequence *score_grid(const CcLeadTable *t, const Split *s, const double *scores)
{
    gsize rows = (gsize)(t->range.EndRow - t->range.StartRow + 1);
    uno_Sequence *g = cu_grid_new(rows, 1);
    cu_grid_set_text(g, 0, 0, _("Score"));
    for (guint i = 0; i < s->open->len; i++)
        cu_grid_set_number(g, g_array_index(s->open, gsize, i), 0, scores[i]);
    return g;
}

static gboolean score_write(CcLeadTable *t, const Split *s, const double *scores,
                            CcProgress *progress, char **message);

/* Write GRID into TARGET, after shifting what is there to the right when MAKE_ROOM: one
 * undo step, marker moved along. */
static gboolean write_column(CcLeadTable *t, const CuRange *target, uno_Sequence *grid,
                             gboolean make_room, CcProgress *progress, GError **error)
{
    CcGuard g;
    if (!cc_guard_begin(&g, t->model, _("Pipecalc: score leads"), error)) {
        cc_guard_end(&g, FALSE);
        return FALSE;
    }
    CuRange data = *target;
    data.StartRow++;
    guint added = 0;
    /* the old column first: making room then shifts only what is the user's */
    gboolean ok = (!t->has_score || cc_clear(t->sheet, &t->score, error)) &&
                  (!make_room || cc_insert_cells_right(t->sheet, target, error)) &&
                  cc_write_progress(t->sheet, target, grid, progress, error) &&
                  cc_number_format(t->model, t->sheet, &data, NUMBER_FORMAT_PERCENT, error) &&
                  cc_colour_scale(t->model, t->sheet, &data, &added, error) &&
                  cc_marker_set(t->model, CC_MARKER_SCORE, t->sheet_name, target, error);
    cc_guard_end(&g, ok);
    if (!ok)
        cc_colour_drop_styles(t->model, added);
    return ok;
}

/* Learn from H instead of T's own closed rows: S's closed rows and outcomes become H's,
 * its attributes those of T's with a column of the same header among H's attributes. */
static void use_history(const CcLeadTable *t, const CcLeadTable *h, Split *s)
{
    Split hs = { 0 };
    split_rows(h, &hs);
    GArray *keep = g_array_new(FALSE, FALSE, sizeof(gsize));
    s->history_attrs = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (guint i = 0; i < s->attributes->len; i++) {
        gsize col = g_array_index(s->attributes, gsize, i);
        const PcCell *head = pc_table_at(t->cells, 0, col);
        gssize hc = pc_roles_column_of(h->cells, pc_table_text(t->cells, head));
        if (head->kind != PC_CELL_TEXT || hc < 0 || h->roles[hc] != PC_ROLE_ATTRIBUTE)
            continue;
        gsize uhc = (gsize)hc;
        g_array_append_val(keep, col);
        g_array_append_val(s->history_attrs, uhc);
    }
    g_array_free(s->attributes, TRUE);
    s->attributes = keep;
    g_array_free(s->closed, TRUE);
    pc_table_free(s->outcomes);
    s->closed = hs.closed;
    s->outcomes = hs.outcomes;
    s->won = hs.won;
    s->lost = hs.lost;
    s->history = h->cells;
    hs.closed = NULL;
    hs.outcomes = NULL;
    split_clear(&hs);
}

/* Which history the Score column of a table was learned from, so that the factors shown
 * for a lead come from the same model: "<table key>\t<history address>" ("" after address:
 * the table's own closed rows). A document property: it travels with the .ods. */
#define HISTORY_PROPERTY "PipecalcScoreHistory"

static void remember_history(const CcLeadTable *t, const CcLeadTable *h)
{
    char *key = cc_table_cell_text(t, t->range.StartColumn, t->range.StartRow);
    char *where = h ? cc_range_text(h->sheet_name, &h->range) : g_strdup("");
    char *line = g_strdup_printf("%s\t%s", key, where);
    cu_set_doc_text(t->model, HISTORY_PROPERTY, line, NULL); /* at worst factors differ */
    g_free(line);
    g_free(where);
    g_free(key);
}

/* The history table T's Score column was learned from into H; FALSE when it was T's own
 * rows (or that table is gone). */
static gboolean remembered_history(const CcLeadTable *t, CcLeadTable *h)
{
    char *key = cc_table_cell_text(t, t->range.StartColumn, t->range.StartRow);
    char *line = cu_doc_text(t->model, HISTORY_PROPERTY);
    gsize n = strlen(key);
    gboolean found = FALSE;
    if (strncmp(line, key, n) == 0 && line[n] == '\t' && line[n + 1]) {
        char *message = NULL;
        found = cc_table_find_at(t->model, line + n + 1, h, &message);
        g_free(message);
    }
    g_free(line);
    g_free(key);
    return found;
}

gboolean ac_score_run(CcLeadTable *t, char **message)
{
    return ac_score_run_history(t, NULL, message);
}

gboolean ac_score_run_history(CcLeadTable *t, const CcLeadTable *h, char **message)
{
    *message = NULL;
    if (!t->cells) {
        *message = g_strdup(_("No lead table here. Put the cell cursor into your table: a "
                              "block of cells whose first row holds the column names."));
        return FALSE;
    }
    if ((*message = cc_guard_refusal(t->model, t->sheet, t->sheet_name)))
        return FALSE;
    char *where = cc_range_text(t->sheet_name, &t->range);
    Split s = { 0 };
    double *scores = NULL;
    gboolean ok = FALSE;
    split_rows(t, &s);
    const CcLeadTable *learn = h ? h : t;
    if (h)
        use_history(t, h, &s);
    if (t->counts.rows == 0)
        *message = g_strdup_printf(_("The table %s has no data rows below its header."), where);
    else if (pc_roles_find(learn->roles, learn->cells->cols, PC_ROLE_OUTCOME) < 0 &&
             pc_roles_find(learn->roles, learn->cells->cols, PC_ROLE_STAGE) < 0)
        *message = g_strdup(_("No outcome column: add a column \"Outcome\" holding won / lost, "
                              "or use \"Won\" and \"Lost\" as stages."));
    else if (s.won == 0 || s.lost == 0)
        *message = g_strdup_printf(_("Pipecalc learns from closed deals: the table needs at "
                                     "least one won and one lost row (it has %zu won, %zu "
                                     "lost). Nothing was written."), s.won, s.lost);
    else if (s.attributes->len == 0 && h) {
        char *hw = cc_range_text(h->sheet_name, &h->range);
        *message = g_strdup_printf(_("The history table %s has none of this table's scoring "
                                     "attributes (columns are matched by their header)."), hw);
        g_free(hw);
    } else if (s.attributes->len == 0)
        *message = g_strdup(_("No column to learn from: add columns such as Source or Industry "
                              "(every column now has a role such as name, stage or amount)."));
    else if (s.open->len == 0)
        *message = g_strdup(_("The table has no open leads to score."));
    else {
        /* the status bar: learning and scoring, then the column cell by cell */
        CcProgress progress;
        cc_progress_begin(&progress, t->model, _("Pipecalc: score leads"),
                          t->range.EndRow - t->range.StartRow + 1);
        if (compute(t, &s, &scores, message))
            ok = score_write(t, &s, scores, &progress, message);
        if (ok)
            remember_history(t, h);
        if (ok) {
            char *hw = h ? cc_range_text(h->sheet_name, &h->range) : NULL;
            char *from = hw ? g_strdup_printf(_("Learned from the history table %s."), hw) : NULL, *m = *message;
            *message = g_strdup_printf("%s\n%s%s%s", m, _("Colour: a conditional format, one "
                                                          "cell style per 20% of win "
                                                          "probability (Pipecalc Score 0-20% "
                                                          "... 80-100%)."), from ? "\n" : "",
                                       from ? from : "");
            g_free(m);
            g_free(from);
            g_free(hw);
        }
        cc_progress_end(&progress);
    }
    g_free(scores);
    split_clear(&s);
    g_free(where);
    return ok;
}

/* Check the Score column's place and write the scores of S's open rows there; FALSE with
 * the user's sentence. */
static gboolean score_write(CcLeadTable *t, const Split *s, const double *scores,
                            CcProgress *progress, char **message)
{
    sal_Int32 col = t->has_score ? t->score.StartColumn : t->range.EndColumn + 1;
    CuRange target = { t->range.Sheet, col, t->range.StartRow, col, t->range.EndRow };
    GError *error = NULL;
    char *in_the_way = NULL;
    gboolean ok = FALSE, shift = FALSE;
    if (col > CC_MAX_COL)
        *message = g_strdup(_("There is no free column right of the table. Nothing was written."));
    else if (!cc_guard_free(t->sheet, t->sheet_name, &target, t->has_score ? &t->score : NULL,
                            &in_the_way, &error) && !(shift = in_the_way && t->make_room)) {
        *message = in_the_way;
        t->blocked = in_the_way != NULL;
    }
    if (shift)
        g_free(in_the_way); /* the manager agreed: the user's cells move right instead */
    if (!*message && !error) {
        uno_Sequence *grid = score_grid(t, s, scores);
        ok = write_column(t, &target, grid, shift, progress, &error);
        cu_grid_free(grid);
        if (ok) {
            char *column = cc_range_text(t->sheet_name, &target);
            char *names = attribute_names(t, s);
            *message = g_strdup_printf(_("Scored %zu open leads into %s, learned from %zu won "
                                         "and %zu lost (%s)."), (gsize)s->open->len, column, s->won,
                                       s->lost, names);
            g_free(names);
            g_free(column);
        }
    }
    if (error || !ok) /* a failure that said nothing: still a sentence, never NULL */
        cc_say_failure(message, error);
    return ok;
}

/* ---- factors of one lead ------------------------------------------------------------- */

typedef struct {
    gsize col;   /* column of T */
    double term; /* natural-log odds factor for winning */
} Factor;

static gint by_weight(gconstpointer a, gconstpointer b)
{
    double x = fabs(((const Factor *)a)->term), y = fabs(((const Factor *)b)->term);
    return (x < y) - (x > y);
}

/* "Source = Web" for cell ROW, COL of T (g_free). */
static char *value_text(const CcLeadTable *t, gsize row, gsize col)
{
    const PcCell *h = pc_table_at(t->cells, 0, col), *c = pc_table_at(t->cells, row, col);
    const char *name = h->kind == PC_CELL_TEXT ? pc_table_text(t->cells, h) : "?";
    if (c->kind == PC_CELL_NUMBER)
        return g_strdup_printf("%s = %g", name, c->num);
    return g_strdup_printf("%s = %s", name, c->kind == PC_CELL_TEXT ? pc_table_text(t->cells, c) : "");
}

/* The text for open data row ROW of T, given the model's PRIOR and per-attribute TERMS. */
static char *factors_text(const CcLeadTable *t, const Split *s, gsize row, double prior,
                          const double *terms)
{
    gssize nc = pc_roles_find(t->roles, t->cells->cols, PC_ROLE_NAME);
    const PcCell *n = nc >= 0 ? pc_table_at(t->cells, row, (gsize)nc) : NULL;
    char *who = n && n->kind == PC_CELL_TEXT ? g_strdup(pc_table_text(t->cells, n))
                                             : g_strdup_printf("%d", (int)(t->range.StartRow + row + 1));
    double logit = prior;
    GArray *list = g_array_new(FALSE, FALSE, sizeof(Factor));
    for (guint i = 0; i < s->attributes->len; i++) {
        logit += terms[i];
        Factor f = { g_array_index(s->attributes, gsize, i), terms[i] };
        if (terms[i] != 0.0)
            g_array_append_val(list, f);
    }
    g_array_sort(list, by_weight);
    double score = 1.0 / (1.0 + exp(-logit)), base = 1.0 / (1.0 + exp(-prior));
    GString *out = g_string_new(NULL);
    g_string_append_printf(out, _("%s: %.0f%% win probability (all closed deals: %.0f%%). "
                                  "Because of:"), who, 100 * score, 100 * base);
    if (list->len == 0)
        g_string_append_printf(out, "\n  %s", _("no attribute value seen in the closed deals"));
    for (guint i = 0; i < list->len; i++) {
        const Factor *f = &g_array_index(list, Factor, i);
        char *v = value_text(t, row, f->col);
        char *odds = tx_text_number(exp(f->term), 2);
        g_string_append_printf(out, _("\n  %s %s: \xc3\x97%s odds"), f->term > 0 ? "+" : "-", v, odds);
        g_free(odds);
        g_free(v);
    }
    g_array_free(list, TRUE);
    g_free(who);
    return g_string_free(out, FALSE);
}

char *ac_score_factors(const CcLeadTable *t, uno_Interface *controller)
{
    CuCell cell;
    if (!t->cells || !t->has_score)
        return NULL;
    uno_Interface *sheet = cc_cursor(controller, &cell, NULL);
    cu_release(sheet);
    if (!sheet || cell.Sheet != t->range.Sheet || cell.Row <= t->range.StartRow ||
        cell.Row > t->range.EndRow)
        return NULL;
    gsize row = (gsize)(cell.Row - t->range.StartRow);
    Split s = { 0 };
    split_rows(t, &s);
    CcLeadTable h;
    gboolean from_history = remembered_history(t, &h);
    if (from_history)
        use_history(t, &h, &s);
    gboolean open = FALSE;
    for (guint i = 0; i < s.open->len && !open; i++)
        open = g_array_index(s.open, gsize, i) == row;
    char *text = NULL;
    if (open && s.won && s.lost && s.attributes->len) {
        const gsize *attrs = (const gsize *)s.attributes->data;
        const gsize *hattrs = s.history_attrs ? (const gsize *)s.history_attrs->data : attrs;
        PcTable *history = pc_table_select(s.history, (const gsize *)s.closed->data, s.closed->len,
                                           hattrs, s.attributes->len);
        PcTable *lead = pc_table_select(t->cells, &row, 1, attrs, s.attributes->len);
        double prior = 0, *terms = NULL;
        gsize n = 0;
        PcError err;
        if (history && lead &&
            pc_lead_factors(lead, history, s.outcomes, NULL, 0, &prior, &terms, &n, &err) == PC_OK &&
            n == s.attributes->len)
            text = factors_text(t, &s, row, prior, terms);
        g_free(terms);
        pc_table_free(history);
        pc_table_free(lead);
    }
    split_clear(&s);
    if (from_history)
        cc_table_clear(&h);
    return text;
}
