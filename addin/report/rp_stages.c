/* rp_stages.c - closed deals as STAGE_CONVERSION's stage data. */
#include "rp_stages.h"

#include "pc_funnel.h"
#include "pc_stage.h"
#include "tx.h"

#include <math.h>
#include <string.h>

const char *rp_won_stage(void)
{
    return _("Won");
}

PcTable *rp_name_column(char *const *names, gsize n, const char *extra)
{
    PcTable *t = pc_table_new(n + (extra != NULL), 1);
    for (gsize i = 0; i < n && t; i++)
        pc_table_set_text(t, i, 0, names[i], -1);
    if (extra && t)
        pc_table_set_text(t, n, 0, extra, -1);
    return t;
}

PcTable *rp_closed_stage_data(const RpSource *src, GPtrArray *keys, const char *first,
                              const char *won, GPtrArray *closed_words)
{
    const PcTable *c = src->cells;
    gssize outcome = pc_roles_find(src->roles, c->cols, PC_ROLE_OUTCOME);
    gssize stage = pc_roles_find(src->roles, c->cols, PC_ROLE_STAGE);
    GPtrArray *data = g_ptr_array_new(); /* borrowed names: each closed deal's furthest stage */
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize r = 1; r < c->rows && stage >= 0; r++) {
        if (pc_roles_row_blank(c, r))
            continue;
        PcOutcome o = pc_roles_row_outcome(c, keys, r, outcome, stage);
        const PcCell *s = pc_table_at(c, r, (gsize)stage);
        if (o == PC_OUTCOME_NONE)
            continue;
        if (s->kind == PC_CELL_TEXT && closed_words) { /* "Closed Won" as a stage */
            const char *key = g_ptr_array_index(keys, s->text);
            if (pc_outcome_of_key(key) != PC_OUTCOME_NONE && !g_hash_table_contains(seen, key)) {
                g_hash_table_add(seen, (gpointer)key);
                g_ptr_array_add(closed_words, g_strdup(pc_table_text(c, s)));
            }
        }
        const char *reached = first;
        if (o == PC_OUTCOME_WON)
            reached = won;
        else if (s->kind == PC_CELL_TEXT &&
                 pc_outcome_of_key(g_ptr_array_index(keys, s->text)) == PC_OUTCOME_NONE)
            reached = pc_table_text(c, s);
        g_ptr_array_add(data, (gpointer)reached);
    }
    g_hash_table_destroy(seen);
    PcTable *column = rp_name_column((char *const *)data->pdata, data->len, NULL);
    g_ptr_array_free(data, TRUE);
    return column;
}

char *rp_need_closed(gsize won, gsize lost)
{
    if (won && lost)
        return NULL;
    return g_strdup_printf(_("Pipecalc learns from closed deals: the table needs at least one won "
                             "and one lost row (it has %zu won, %zu lost). Nothing was written."),
                           won, lost);
}

double rp_average_won(const RpSource *s, GPtrArray *keys)
{
    const PcTable *c = s->cells;
    gssize amount = pc_roles_find(s->roles, c->cols, PC_ROLE_AMOUNT);
    gssize outcome = pc_roles_find(s->roles, c->cols, PC_ROLE_OUTCOME);
    gssize stage = pc_roles_find(s->roles, c->cols, PC_ROLE_STAGE);
    double sum = 0.0;
    gsize n = 0;
    for (gsize r = 1; r < c->rows && amount >= 0; r++) {
        const PcCell *a = pc_table_at(c, r, (gsize)amount);
        if (a->kind == PC_CELL_NUMBER && isfinite(a->num) &&
            pc_roles_row_outcome(c, keys, r, outcome, stage) == PC_OUTCOME_WON) {
            sum += a->num;
            n++;
        }
    }
    return n && sum > 0 ? sum / (double)n : 0.0;
}

/* ---- stage probabilities ----------------------------------------------------------- */

/* The manager's probability of each stage of ST->order from GIVEN (its first row of a
 * name counts); the first stage GIVEN lacks into *MISSING (g_free). */
static gboolean given_stages(RpStages *st, const PcTable *given, char **missing)
{
    GHashTable *row_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (gsize r = given->rows; r-- > 0;) { /* backwards: the first row of a name wins */
        const PcCell *name = pc_table_at(given, r, 0);
        if (name->kind == PC_CELL_TEXT)
            g_hash_table_insert(row_of, pc_text_key(pc_table_text(given, name)), GSIZE_TO_POINTER(r + 1));
    }
    for (gsize i = 0; i < st->k && !*missing; i++) {
        char *want = pc_text_key(st->order[i]);
        gsize r = GPOINTER_TO_SIZE(g_hash_table_lookup(row_of, want));
        g_free(want);
        if (r)
            st->prob[i] = pc_table_at(given, r - 1, 1)->num;
        else
            *missing = g_strdup(st->order[i]);
    }
    g_hash_table_destroy(row_of);
    return !*missing;
}

/* Conversion from each stage of ST->order to WON among the closed deals DATA: what
 * STAGE_CONVERSION gives, from one count of the funnel for all stages. */
static gboolean learned_stages(RpStages *st, const PcTable *data, const char *won, PcError *err)
{
    PcTable *order = rp_name_column(st->order, st->k, won);
    PcFunnel *funnel = NULL;
    gsize *reached = g_try_new0(gsize, st->k + 1);
    PcStatus status = !order || !reached
                          ? pc_fail(err, PC_ERR_NOMEM, -1, -1, "the table is too large")
                          : pc_funnel_new(order, 3, NULL, 4, &funnel, err);
    if (status == PC_OK)
        status = pc_funnel_reached(funnel, data, 0, reached, err);
    for (gsize i = 0; i < st->k && status == PC_OK; i++) {
        status = pc_conversion_of_counts(reached[i], reached[st->k], st->order[i], &st->prob[i], err);
        if (status == PC_ERR_DIV0) { /* no closed deal reached it: keep the stage before's value */
            st->prob[i] = i ? st->prob[i - 1] : 0.0;
            st->fallback[i] = TRUE;
            status = PC_OK;
        }
    }
    pc_funnel_free(funnel);
    g_free(reached);
    pc_table_free(order);
    return status == PC_OK;
}

/* A stage column's outcome word in the stage table: a won deal is sure (100 %), a lost one
 * has no chance (0 %). Only closed rows show these words, and every formula over the stage
 * table is given Outcomes that leave those rows out, so the value is what the manager
 * reads, never what a total counts. */
static double closed_word_probability(const char *word)
{
    char *key = pc_text_key(word);
    double p = pc_outcome_of_key(key) == PC_OUTCOME_WON ? 1.0 : 0.0;
    g_free(key);
    return p;
}

gboolean rp_stages_learn(const RpSource *s, GPtrArray *keys, const PcTable *given, RpStages *st,
                         char **message)
{
    gssize stage = pc_roles_find(s->roles, s->cells->cols, PC_ROLE_STAGE);
    const char *won = rp_won_stage();
    *message = NULL;
    memset(st, 0, sizeof *st);
    if (stage < 0) {
        *message = g_strdup(_("The forecast needs an amount column and a stage column (and a "
                              "close date column for a period)."));
        return FALSE;
    }
    if (!given && (*message = rp_need_closed(s->counts.won, s->counts.lost)))
        return FALSE;
    st->order = pc_roles_stage_order(s->cells, (gsize)stage);
    st->k = g_strv_length(st->order);
    if (st->k == 0) {
        *message = g_strdup(_("The table has no open deals to forecast. Nothing was written."));
        return FALSE;
    }
    st->closed_words = g_ptr_array_new_with_free_func(g_free);
    PcTable *data = rp_closed_stage_data(s, keys, st->order[0], won, st->closed_words);
    st->closed = data ? data->rows : 0;
    st->prob = g_new0(double, st->k);
    st->fallback = g_new0(gboolean, st->k);
    char *missing = NULL;
    PcError err;
    pc_error_clear(&err);
    gboolean ok = given ? given_stages(st, given, &missing) : learned_stages(st, data, won, &err);
    pc_table_free(data);
    if (!ok) {
        if (missing)
            *message = g_strdup_printf(_("The stage probabilities give none for the stage \"%s\". "
                                         "Nothing was written."), missing);
        else
            *message = g_strdup_printf(_("The forecast failed: %s. Nothing was written."), err.message);
        g_free(missing);
        return FALSE;
    }
    gsize n = st->k + st->closed_words->len;
    st->table = pc_table_new(n, 2);
    for (gsize i = 0; i < n && st->table; i++) {
        const char *name = i < st->k ? st->order[i] : g_ptr_array_index(st->closed_words, i - st->k);
        pc_table_set_text(st->table, i, 0, name, -1);
        pc_table_set_number(st->table, i, 1, i < st->k ? st->prob[i] : closed_word_probability(name));
    }
    if (!st->table) {
        *message = g_strdup_printf(_("The forecast failed: %s. Nothing was written."),
                                   "the table is too large");
        return FALSE;
    }
    return TRUE;
}

void rp_stages_clear(RpStages *st)
{
    g_strfreev(st->order);
    g_free(st->prob);
    g_free(st->fallback);
    if (st->closed_words)
        g_ptr_array_unref(st->closed_words);
    pc_table_free(st->table);
    memset(st, 0, sizeof *st);
}

char *rp_stages_text(const RpStages *st, RpNumberText number)
{
    GString *s = g_string_new(NULL);
    for (gsize i = 0; i < st->k; i++) {
        char *num = number(100 * st->prob[i], 1); /* "12.5", "12,5" in German */
        gsize n = strlen(num);
        if (n > 2 && (strcmp(num + n - 2, ".0") == 0 || strcmp(num + n - 2, ",0") == 0))
            num[n - 2] = 0;
        g_string_append_printf(s, "%s%s=%s%%", i ? "; " : "", st->order[i], num);
        g_free(num);
    }
    return g_string_free(s, FALSE);
}

/* A probability typed by the manager: "25%", "25 %", 0.25 as NUMBERS read it. */
static gboolean parse_probability(const RpNumbers *numbers, const char *text, double *p)
{
    char *t = g_strstrip(g_strdup(text));
    gboolean ok = *t && numbers->read(numbers->data, t, p) && isfinite(*p) && *p >= 0 && *p <= 1;
    g_free(t);
    return ok;
}

PcTable *rp_stages_parse(const char *spec, const RpNumbers *numbers, char **message)
{
    char **pairs = g_strsplit_set(spec, ";\n", -1);
    guint n = g_strv_length(pairs);
    PcTable *given = pc_table_new(n, 2);
    gsize row = 0;
    *message = NULL;
    for (guint i = 0; i < n && given; i++) {
        char *pair = g_strstrip(pairs[i]);
        char *eq = strrchr(pair, '=');
        double v = 0;
        if (!*pair)
            continue;
        if (!eq || !parse_probability(numbers, eq + 1, &v)) {
            char *example = numbers->write(0.25, 2);
            *message = g_strdup_printf(_("Stage probabilities: \"%s\" is no probability in 0-1 "
                                         "(type 25%% or %s)."), pair, example);
            g_free(example);
            pc_table_free(given);
            given = NULL;
            break;
        }
        *eq = 0;
        pc_table_set_text(given, row, 0, g_strstrip(pair), -1);
        pc_table_set_number(given, row++, 1, v);
    }
    g_strfreev(pairs);
    return given;
}
