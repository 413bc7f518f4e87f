/* pc_evidence.c - counting the closed deals a result is learned from (pc_evidence.h). */
#include "pc_evidence.h"

#include "pc_text.h"

#include <string.h>

/* The text key of CELL ("" for no text: numbers and blanks are no category values). */
static const char *key_of(const GPtrArray *keys, const PcCell *cell)
{
    return cell->kind == PC_CELL_TEXT ? g_ptr_array_index(keys, cell->text) : "";
}

/* Note value TEXT of column HEADER with N closed deals in E. */
static void note_value(PcEvidence *e, const char *header, const char *text, gsize n)
{
    e->values++;
    if (n >= PC_EVIDENCE_MIN_PER_VALUE)
        return;
    if (!e->thin++) {
        e->column = g_strdup(header);
        e->value = g_strdup(text);
        e->value_closed = n;
    }
}

/* The outcome of data row R of T (open for a blank row). */
static PcOutcome outcome(const PcTable *t, const GPtrArray *keys, gsize r, gssize oc, gssize sc)
{
    return pc_roles_row_blank(t, r) ? PC_OUTCOME_NONE : pc_roles_row_outcome(t, keys, r, oc, sc);
}

void pc_evidence_score(const PcTable *t, const PcRole *roles, PcEvidence *e)
{
    memset(e, 0, sizeof *e);
    gssize oc = pc_roles_find(roles, t->cols, PC_ROLE_OUTCOME), sc = pc_roles_find(roles, t->cols, PC_ROLE_STAGE);
    GPtrArray *keys = pc_text_keys(t);
    gboolean *closed = g_new0(gboolean, t->rows);
    for (gsize r = 1; r < t->rows; r++)
        if ((closed[r] = outcome(t, keys, r, oc, sc) != PC_OUTCOME_NONE))
            e->closed++;
    for (gsize c = 0; c < t->cols; c++) {
        const PcCell *h = pc_table_at(t, 0, c);
        if (!pc_role_scores(roles[c]) || h->kind != PC_CELL_TEXT)
            continue;
        /* text id -> closed deals, in order of first appearance */
        guint *count = g_new0(guint, pc_table_text_count(t));
        GArray *order = g_array_new(FALSE, FALSE, sizeof(guint32));
        GHashTable *by_key = g_hash_table_new(g_str_hash, g_str_equal); /* key -> first id + 1 */
        for (gsize r = 1; r < t->rows; r++) {
            const PcCell *cell = pc_table_at(t, r, c);
            const char *key = key_of(keys, cell);
            if (!closed[r] || !*key)
                continue;
            guint32 id = GPOINTER_TO_UINT(g_hash_table_lookup(by_key, key));
            if (!id) {
                id = cell->text + 1;
                g_hash_table_insert(by_key, (gpointer)key, GUINT_TO_POINTER(id));
                guint32 first = id - 1;
                g_array_append_val(order, first);
            }
            count[id - 1]++;
        }
        for (guint i = 0; i < order->len; i++) {
            guint32 id = g_array_index(order, guint32, i);
            note_value(e, pc_table_text(t, h), g_ptr_array_index(t->texts, id), count[id]);
        }
        g_hash_table_destroy(by_key);
        g_array_free(order, TRUE);
        g_free(count);
    }
    g_free(closed);
    g_ptr_array_unref(keys);
}

void pc_evidence_stages(const PcTable *t, const PcRole *roles, PcEvidence *e)
{
    memset(e, 0, sizeof *e);
    gssize oc = pc_roles_find(roles, t->cols, PC_ROLE_OUTCOME), sc = pc_roles_find(roles, t->cols, PC_ROLE_STAGE);
    if (sc < 0)
        return;
    GPtrArray *keys = pc_text_keys(t);
    char **order = pc_roles_stage_order(t, (gsize)sc);
    gsize k = g_strv_length(order);
    GHashTable *index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL); /* key -> i + 1 */
    for (gsize i = 0; i < k; i++)
        g_hash_table_insert(index, pc_text_key(order[i]), GSIZE_TO_POINTER(i + 1));
    /* furthest[i]: closed deals whose furthest stage is stage i; reached = the sum from i on */
    gsize *furthest = g_new0(gsize, k + 1);
    gboolean *open = g_new0(gboolean, k + 1);
    gsize won = 0;
    for (gsize r = 1; r < t->rows; r++) {
        PcOutcome o = outcome(t, keys, r, oc, sc);
        gsize at = GPOINTER_TO_SIZE(g_hash_table_lookup(index, key_of(keys, pc_table_at(t, r, (gsize)sc))));
        if (o == PC_OUTCOME_NONE) {
            if (at && !pc_roles_row_blank(t, r))
                open[at - 1] = TRUE;
            continue;
        }
        e->closed++;
        if (o == PC_OUTCOME_WON)
            won++;
        else
            furthest[at ? at - 1 : 0]++;
    }
    gsize reached = won;
    gsize *reach = g_new0(gsize, k + 1);
    for (gsize i = k; i-- > 0;)
        reach[i] = (reached += furthest[i]);
    const PcCell *h = pc_table_at(t, 0, (gsize)sc);
    const char *header = h->kind == PC_CELL_TEXT ? pc_table_text(t, h) : "";
    for (gsize i = 0; i < k; i++)
        if (open[i])
            note_value(e, header, order[i], reach[i]);
    g_free(reach);
    g_free(open);
    g_free(furthest);
    g_hash_table_destroy(index);
    g_strfreev(order);
    g_ptr_array_unref(keys);
}

gboolean pc_evidence_thin(const PcEvidence *e)
{
    return e->closed < PC_EVIDENCE_MIN_CLOSED || e->thin > 0;
}

void pc_evidence_clear(PcEvidence *e)
{
    g_free(e->column);
    g_free(e->value);
    memset(e, 0, sizeof *e);
}
