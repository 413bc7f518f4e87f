/* rp_stages.c - closed deals as STAGE_CONVERSION's stage data. */
#include "rp_stages.h"

#include "tx.h"

#include <math.h>

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
