/* rp_groups.c - deals by the values of a column (rp_groups.h). */
#include "rp_groups.h"

#include "tx.h"

#include <math.h>
#include <string.h>

/* Closed - Created in days of row R, NAN when a date is missing, not a number or the deal
 * closed before it was created. */
static double cycle_of(const PcTable *c, gsize r, gssize created, gssize closed)
{
    if (created < 0 || closed < 0)
        return NAN;
    const PcCell *a = pc_table_at(c, r, (gsize)created), *b = pc_table_at(c, r, (gsize)closed);
    if (a->kind != PC_CELL_NUMBER || b->kind != PC_CELL_NUMBER || b->num < a->num)
        return NAN;
    double days = b->num - a->num;
    return isfinite(days) ? days : NAN;
}

/* The amount of row R into *V (0 for an empty cell or without an amount column); FALSE when
 * it is text or an error value. */
static gboolean amount_of(const PcTable *c, gsize r, gssize col, double *v)
{
    *v = 0.0;
    if (col < 0)
        return TRUE;
    const PcCell *a = pc_table_at(c, r, (gsize)col);
    if (a->kind == PC_CELL_NUMBER && isfinite(a->num))
        *v = a->num;
    return a->kind == PC_CELL_EMPTY || (a->kind == PC_CELL_NUMBER && isfinite(a->num));
}

/* The grouping key of cell CELL: pc_cell_key, "" for a blank (or error) cell. */
static char *key_of(GPtrArray *keys, const PcCell *cell)
{
    char *key = pc_cell_key(keys, cell);
    return key ? key : g_strdup("");
}

/* The name a group shows: a number (a product code) as %g, whole numbers without decimals. */
static char *name_of(const PcTable *c, const PcCell *cell)
{
    if (cell->kind == PC_CELL_TEXT)
        return g_strdup(pc_table_text(c, cell));
    if (cell->kind == PC_CELL_NUMBER)
        return g_strdup_printf("%.15g", cell->num);
    return g_strdup(_("(none)"));
}

gboolean rp_groups_by(const RpSource *s, GPtrArray *keys, gsize col, RpGroups *g, char **message)
{
    const PcTable *c = s->cells;
    memset(g, 0, sizeof *g);
    *message = NULL;
    gssize outcome = pc_roles_find(s->roles, c->cols, PC_ROLE_OUTCOME);
    gssize stage = pc_roles_find(s->roles, c->cols, PC_ROLE_STAGE);
    gssize amount = pc_roles_find(s->roles, c->cols, PC_ROLE_AMOUNT);
    gssize created = pc_roles_find(s->roles, c->cols, PC_ROLE_CREATED);
    gssize closed = pc_roles_find(s->roles, c->cols, PC_ROLE_CLOSE_DATE);
    g->dated = created >= 0 && closed >= 0;
    GHashTable *index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GArray *groups = g_array_new(FALSE, TRUE, sizeof(RpGroup));
    gboolean ok = TRUE;
    for (gsize r = 1; r < c->rows && ok; r++) {
        if (pc_roles_row_blank(c, r))
            continue;
        double v;
        if (!(ok = amount_of(c, r, amount, &v))) {
            char *head = g_strdup(pc_table_at(c, 0, (gsize)amount)->kind == PC_CELL_TEXT
                                      ? pc_table_text(c, pc_table_at(c, 0, (gsize)amount)) : "?");
            *message = g_strdup_printf(_("Sheet row %zu: the %s cell holds no number. Nothing "
                                         "was written."), s->row0 + r + 1, head);
            g_free(head);
            break;
        }
        PcOutcome o = pc_roles_row_outcome(c, keys, r, outcome, stage);
        double cycle = o == PC_OUTCOME_WON ? cycle_of(c, r, created, closed) : NAN;
        if (o == PC_OUTCOME_WON && isnan(cycle))
            g->no_cycle++;
        const PcCell *cell = pc_table_at(c, r, col);
        char *key = key_of(keys, cell);
        gpointer found;
        gsize i;
        if (g_hash_table_lookup_extended(index, key, NULL, &found)) {
            i = GPOINTER_TO_SIZE(found);
            g_free(key);
        } else {
            i = groups->len;
            RpGroup fresh = { .name = name_of(c, cell), .blank = cell->kind == PC_CELL_EMPTY,
                              .rows = g_array_new(FALSE, FALSE, sizeof(gsize)),
                              .open = g_array_new(FALSE, FALSE, sizeof(gsize)) };
            g_array_append_val(groups, fresh);
            g_hash_table_insert(index, key, GSIZE_TO_POINTER(i));
        }
        RpGroup *grp = &g_array_index(groups, RpGroup, i);
        pc_deals_add(&grp->deals, o, v, cycle);
        pc_deals_add(&g->all, o, v, cycle);
        g_array_append_val(grp->rows, r);
        if (o == PC_OUTCOME_NONE)
            g_array_append_val(grp->open, r);
    }
    g_hash_table_destroy(index);
    g->n = groups->len;
    g->groups = (RpGroup *)g_array_free(groups, FALSE);
    if (!ok)
        rp_groups_clear(g);
    return ok;
}

void rp_groups_clear(RpGroups *g)
{
    for (gsize i = 0; i < g->n; i++) {
        g_free(g->groups[i].name);
        g_array_free(g->groups[i].rows, TRUE);
        g_array_free(g->groups[i].open, TRUE);
    }
    g_free(g->groups);
    memset(g, 0, sizeof *g);
}

void rp_groups_cycle_note(GString *note, gboolean dated, gsize no_cycle)
{
    char *line = NULL;
    if (!dated)
        line = g_strdup(_("The table has no Created and Close date columns: no average cycle."));
    else if (no_cycle)
        line = g_strdup_printf(tx_n("%zu won deal has no usable Created and Close date (missing, "
                                    "or closed before created): it is left out of the average "
                                    "cycle.",
                                    "%zu won deals have no usable Created and Close date "
                                    "(missing, or closed before created): they are left out of "
                                    "the average cycle.", no_cycle), no_cycle);
    if (line)
        g_string_append_printf(note, "%s%s", note->len ? " " : "", line);
    g_free(line);
}
