/* rp_probability.c - a deal's probability: typed, else its stage's (rp_probability.h). */
#include "rp_probability.h"

#include "tx.h"

#include <math.h>
#include <string.h>

void rp_probabilities_init(RpProbabilities *pr, const RpSource *s, GPtrArray *keys,
                           const RpStages *st)
{
    memset(pr, 0, sizeof *pr);
    pr->src = s;
    pr->st = st;
    pr->keys = keys;
    pr->probability = pc_roles_find(s->roles, s->cells->cols, PC_ROLE_PROBABILITY);
    pr->stage = pc_roles_find(s->roles, s->cells->cols, PC_ROLE_STAGE);
    pr->stage_at = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (gsize i = st->k; i-- > 0;) /* backwards: the first of two equal keys wins */
        g_hash_table_insert(pr->stage_at, pc_text_key(st->order[i]), GSIZE_TO_POINTER(i + 1));
}

void rp_probabilities_clear(RpProbabilities *pr)
{
    if (pr->stage_at)
        g_hash_table_destroy(pr->stage_at);
    memset(pr, 0, sizeof *pr);
}

/* The header of column COL, for messages. */
static const char *header_of(const PcTable *c, gssize col)
{
    const PcCell *h = pc_table_at(c, 0, (gsize)col);
    return h->kind == PC_CELL_TEXT ? pc_table_text(c, h) : "?";
}

gboolean rp_deal_probability(const RpProbabilities *pr, gsize row, RpDealProbability *out,
                             char **message)
{
    const PcTable *c = pr->src->cells;
    *message = NULL;
    out->p = out->stage = NAN;
    out->typed = FALSE;
    if (pr->stage >= 0) {
        const PcCell *s = pc_table_at(c, row, (gsize)pr->stage);
        gsize at = s->kind == PC_CELL_TEXT
                       ? GPOINTER_TO_SIZE(g_hash_table_lookup(pr->stage_at,
                                                              g_ptr_array_index(pr->keys, s->text)))
                       : 0;
        if (at)
            out->stage = pr->st->prob[at - 1];
    }
    const PcCell *p = pr->probability >= 0 ? pc_table_at(c, row, (gsize)pr->probability) : NULL;
    gboolean empty = !p || p->kind == PC_CELL_EMPTY ||
                     (p->kind == PC_CELL_TEXT && pc_text_is_space(pc_table_text(c, p)));
    if (!empty) {
        if (p->kind != PC_CELL_NUMBER || !(p->num >= 0 && p->num <= 1)) {
            *message = g_strdup_printf(_("Sheet row %zu: the %s cell holds no probability in 0-1 "
                                         "(type 25%% for 25 percent, or leave it empty for the "
                                         "stage's). Nothing was written."),
                                       pr->src->row0 + row + 1, header_of(c, pr->probability));
            return FALSE;
        }
        out->p = p->num;
        out->typed = TRUE;
        return TRUE;
    }
    if (isnan(out->stage)) {
        *message = g_strdup_printf(_("Sheet row %zu: the deal has no probability typed and no "
                                     "stage with one. Nothing was written."), pr->src->row0 + row + 1);
        return FALSE;
    }
    out->p = out->stage;
    return TRUE;
}
