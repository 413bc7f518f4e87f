/* pc_funnel.c - reading StageOrder, IgnoreStages and StageData into furthest stages.
 *
 * Exports the pc_funnel_* functions of pc_funnel.h; everything else has file scope. Names
 * are keyed once per distinct text of a table (pc_text_keys) and then looked up by text
 * id, so the cost per cell is an array access, plus one hash lookup per log row for a
 * numeric deal id.
 */
#include "pc_funnel.h"

#include "pc_num.h"

#include "pc_text.h"

#include <math.h>
#include <string.h>

struct PcFunnel {
    GPtrArray *names;          /* position -> name as typed, owned */
    GHashTable *stage_of_key;  /* key (owned) -> position + 1 */
    GHashTable *ignored;       /* set of keys (owned) */
};

/* What a text means as a stage, besides a position >= 0. */
enum { STAGE_BLANK = -1, STAGE_IGNORED = -2, STAGE_UNKNOWN = -3 };

void pc_funnel_free(PcFunnel *f)
{
    if (!f)
        return;
    g_ptr_array_unref(f->names);
    g_hash_table_destroy(f->stage_of_key);
    g_hash_table_destroy(f->ignored);
    g_free(f);
}

/* Add the names of ORDER to F, by the StageOrder rules of pc_funnel.h. */
static PcStatus read_order(PcFunnel *f, const PcTable *order, int arg, PcError *err)
{
    gssize len = order ? pc_table_vector_len(order) : 0;
    if (len < 0)
        return pc_fail(err, PC_ERR_ARG, arg, -1,
                       "StageOrder must be one column or one row of stage names");
    GPtrArray *keys = order ? pc_text_keys(order) : NULL;
    PcStatus st = PC_OK;
    for (gsize i = 0; i < (gsize)len && st == PC_OK; i++) {
        const PcCell *c = pc_table_vector_at(order, i);
        if (c->kind == PC_CELL_EMPTY)
            continue;
        if (c->kind == PC_CELL_ERROR) {
            st = pc_fail(err, PC_ERR_VALUE, arg, (gssize)i, "StageOrder item %zu is an error value",
                         i + 1);
            break;
        }
        if (c->kind == PC_CELL_NUMBER) {
            st = pc_fail(err, PC_ERR_VALUE, arg, (gssize)i,
                         "StageOrder item %zu is the number %g, not a stage name", i + 1, c->num);
            break;
        }
        const char *key = g_ptr_array_index(keys, c->text);
        const char *name = pc_table_text(order, c);
        if (key[0] == '\0')
            continue;
        if (pc_outcome_of_key(key) == PC_OUTCOME_LOST) {
            /* a lost deal would "reach" every stage listed before the lost word */
            st = pc_fail(err, PC_ERR_ARG, arg, (gssize)i,
                         "StageOrder: \"%s\" is a lost outcome, not a funnel stage; "
                         "put it in IgnoreStages", name);
            break;
        }
        gsize pos1 = GPOINTER_TO_SIZE(g_hash_table_lookup(f->stage_of_key, key));
        if (pos1 && pos1 == f->names->len)
            continue; /* the same name right after itself: one stage */
        if (pos1) {
            st = pc_fail(err, PC_ERR_ARG, arg, (gssize)i,
                         "StageOrder: \"%s\" appears twice, at stage %zu and item %zu", name, pos1,
                         i + 1);
            break;
        }
        g_ptr_array_add(f->names, g_strdup(name));
        g_hash_table_insert(f->stage_of_key, g_strdup(key), GSIZE_TO_POINTER(f->names->len));
    }
    if (keys)
        g_ptr_array_unref(keys);
    if (st == PC_OK && f->names->len < 2)
        st = pc_fail(err, PC_ERR_ARG, arg, -1, "StageOrder needs at least two different stages");
    return st;
}

/* Add the names of IGNORE (NULL: none) to F's ignored set. */
static PcStatus read_ignore(PcFunnel *f, const PcTable *ignore, int arg, PcError *err)
{
    if (!ignore || ignore->rows == 0)
        return PC_OK;
    gsize n = ignore->rows * ignore->cols;
    const PcCell *first = &ignore->cells[0];
    if (n == 1 && first->kind == PC_CELL_NUMBER && first->num == 0.0)
        return PC_OK; /* a reference to an empty cell arrives as 0 */
    GPtrArray *keys = pc_text_keys(ignore);
    PcStatus st = PC_OK;
    for (gsize i = 0; i < n; i++) {
        const PcCell *c = &ignore->cells[i];
        gssize row = (gssize)(i / ignore->cols);
        if (c->kind == PC_CELL_EMPTY)
            continue;
        if (c->kind == PC_CELL_ERROR) {
            st = pc_fail(err, PC_ERR_VALUE, arg, row, "IgnoreStages holds an error value");
            break;
        }
        if (c->kind == PC_CELL_NUMBER) {
            st = pc_fail(err, PC_ERR_VALUE, arg, row,
                         "IgnoreStages: %g is a number, not a stage name", c->num);
            break;
        }
        const char *key = g_ptr_array_index(keys, c->text);
        if (key[0] == '\0')
            continue;
        if (g_hash_table_contains(f->stage_of_key, key)) {
            st = pc_fail(err, PC_ERR_ARG, arg, row,
                         "\"%s\" is both in StageOrder and in IgnoreStages",
                         pc_table_text(ignore, c));
            break;
        }
        g_hash_table_add(f->ignored, g_strdup(key));
    }
    g_ptr_array_unref(keys);
    return st;
}

PcStatus pc_funnel_new(const PcTable *stage_order, int order_arg, const PcTable *ignore_stages,
                       int ignore_arg, PcFunnel **funnel, PcError *err)
{
    g_return_val_if_fail(funnel != NULL, PC_ERR_ARG);
    PcFunnel *f = g_new0(PcFunnel, 1);
    f->names = g_ptr_array_new_with_free_func(g_free);
    f->stage_of_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    f->ignored = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    PcStatus st = read_order(f, stage_order, order_arg, err);
    if (st == PC_OK)
        st = read_ignore(f, ignore_stages, ignore_arg, err);
    if (st != PC_OK) {
        pc_funnel_free(f);
        f = NULL;
    }
    *funnel = f;
    return st;
}

gsize pc_funnel_n_stages(const PcFunnel *f)
{
    return f->names->len;
}

const char *pc_funnel_stage_name(const PcFunnel *f, gsize i)
{
    g_return_val_if_fail(i < f->names->len, NULL);
    return g_ptr_array_index(f->names, i);
}

/* Return the meaning of KEY as a stage: a position, or STAGE_BLANK/IGNORED/UNKNOWN. */
static gssize stage_of_key(const PcFunnel *f, const char *key)
{
    if (key[0] == '\0')
        return STAGE_BLANK;
    gsize pos1 = GPOINTER_TO_SIZE(g_hash_table_lookup(f->stage_of_key, key));
    if (pos1)
        return (gssize)pos1 - 1;
    return g_hash_table_contains(f->ignored, key) ? STAGE_IGNORED : STAGE_UNKNOWN;
}

gssize pc_funnel_find(const PcFunnel *f, const char *name)
{
    char *key = pc_text_key(name);
    gssize pos = stage_of_key(f, key);
    g_free(key);
    return pos >= 0 ? pos : -1;
}

/* One pass over StageData: the keys and stage meaning of each distinct text, the deals. */
typedef struct {
    const PcFunnel *f;
    const PcTable *data;
    int arg;
    GPtrArray *keys;       /* text id -> key */
    gssize *stage_of_text; /* text id -> stage position or STAGE_* */
    PcFunnelDeal *deals;   /* one per data row at most */
    gsize n_deals;
} Reader;

/* Tell whether C is empty or a text that is only white space. */
static gboolean cell_blank(const Reader *r, const PcCell *c)
{
    if (c->kind == PC_CELL_EMPTY)
        return TRUE;
    return c->kind == PC_CELL_TEXT && *(const char *)g_ptr_array_index(r->keys, c->text) == '\0';
}

/* Read the stage of stage cell C of row ROW into *POS: a position or
 * STAGE_BLANK/IGNORED/UNKNOWN. Returns PC_ERR_VALUE for a number or an error value. */
static PcStatus stage_of_cell(const Reader *r, const PcCell *c, gsize row, gssize *pos,
                              PcError *err)
{
    switch (c->kind) {
    case PC_CELL_EMPTY:
        *pos = STAGE_BLANK;
        return PC_OK;
    case PC_CELL_TEXT:
        *pos = r->stage_of_text[c->text];
        return PC_OK;
    case PC_CELL_NUMBER:
        return pc_fail(err, PC_ERR_VALUE, r->arg, (gssize)row,
                       "StageData row %zu: the number %g is not a stage name", row + 1, c->num);
    default:
        return pc_fail(err, PC_ERR_VALUE, r->arg, (gssize)row,
                       "StageData row %zu holds an error value", row + 1);
    }
}

/* Report stage text C of row ROW as neither counted nor ignored. */
static PcStatus fail_unknown(const Reader *r, const PcCell *c, gsize row, PcError *err)
{
    return pc_fail(err, PC_ERR_NA, r->arg, (gssize)row,
                   "StageData row %zu: \"%s\" is neither in StageOrder nor in IgnoreStages",
                   row + 1, pc_table_text(r->data, c));
}

/* Read a column or row of furthest stages: one deal per non-blank, non-ignored cell. */
static PcStatus read_vector(Reader *r, PcError *err)
{
    gsize n = (gsize)pc_table_vector_len(r->data);
    for (gsize i = 0; i < n; i++) {
        const PcCell *c = pc_table_vector_at(r->data, i);
        gssize pos;
        PcStatus st = stage_of_cell(r, c, i, &pos, err);
        if (st != PC_OK)
            return st;
        if (pos == STAGE_UNKNOWN && i == 0)
            continue; /* a header: "Stage" */
        if (pos == STAGE_UNKNOWN)
            return fail_unknown(r, c, i, err);
        if (pos < 0)
            continue;
        r->deals[r->n_deals].first_row = i;
        r->deals[r->n_deals].stage = (gsize)pos;
        r->n_deals++;
    }
    return PC_OK;
}

/* Deal ids seen so far. */
typedef struct {
    gssize *deal_of_text;      /* text id -> deal index, -1 not looked up yet */
    GHashTable *deal_of_key;   /* key (borrowed from Reader.keys) -> deal + 1 */
    GHashTable *deal_of_number; /* double* into the table's cells -> deal + 1 */
} DealIndex;

/* Return the deal of id cell C (a non-blank text or a finite number) of row ROW, creating
 * it at stage POS when new. */
static gsize find_deal(Reader *r, DealIndex *ix, const PcCell *c, gsize row, gsize pos)
{
    gsize deal1;
    if (c->kind == PC_CELL_TEXT) {
        if (ix->deal_of_text[c->text] >= 0)
            return (gsize)ix->deal_of_text[c->text];
        const char *key = g_ptr_array_index(r->keys, c->text);
        deal1 = GPOINTER_TO_SIZE(g_hash_table_lookup(ix->deal_of_key, key));
        if (!deal1) {
            deal1 = r->n_deals + 1;
            g_hash_table_insert(ix->deal_of_key, (gpointer)key, GSIZE_TO_POINTER(deal1));
        }
        ix->deal_of_text[c->text] = (gssize)deal1 - 1;
    } else {
        deal1 = GPOINTER_TO_SIZE(g_hash_table_lookup(ix->deal_of_number, &c->num));
        if (!deal1) {
            deal1 = r->n_deals + 1;
            g_hash_table_insert(ix->deal_of_number, (gpointer)&c->num, GSIZE_TO_POINTER(deal1));
        }
    }
    if (deal1 == r->n_deals + 1) {
        r->deals[r->n_deals].first_row = row;
        r->deals[r->n_deals].stage = pos;
        r->n_deals++;
    }
    return deal1 - 1;
}

/* Read a two-column log (deal id | stage entered): each deal's furthest stage. */
static PcStatus read_log(Reader *r, PcError *err)
{
    DealIndex ix;
    guint n_texts = pc_table_text_count(r->data);
    ix.deal_of_text = g_try_new(gssize, MAX(n_texts, 1));
    if (!ix.deal_of_text)
        return pc_fail(err, PC_ERR_NOMEM, r->arg, -1, "StageData is too large for memory");
    for (guint i = 0; i < n_texts; i++)
        ix.deal_of_text[i] = -1;
    ix.deal_of_key = g_hash_table_new(g_str_hash, g_str_equal);
    ix.deal_of_number = g_hash_table_new(pc_number_hash, pc_number_equal);
    PcStatus st = PC_OK;
    for (gsize i = 0; i < r->data->rows && st == PC_OK; i++) {
        const PcCell *id = pc_table_at(r->data, i, 0), *sc = pc_table_at(r->data, i, 1);
        gboolean id_blank = cell_blank(r, id);
        if (id_blank && cell_blank(r, sc))
            continue;
        if (id->kind == PC_CELL_ERROR) {
            st = pc_fail(err, PC_ERR_VALUE, r->arg, (gssize)i,
                         "StageData row %zu: the deal id is an error value", i + 1);
            break;
        }
        gssize pos;
        st = stage_of_cell(r, sc, i, &pos, err);
        if (st != PC_OK)
            break;
        if (pos == STAGE_UNKNOWN && i == 0 && id->kind == PC_CELL_TEXT && !id_blank)
            continue; /* a header: "Deal" | "Stage" */
        if (pos == STAGE_UNKNOWN) {
            st = fail_unknown(r, sc, i, err);
        } else if (pos == STAGE_BLANK) {
            st = pc_fail(err, PC_ERR_NA, r->arg, (gssize)i,
                         "StageData row %zu: the deal has no stage", i + 1);
        } else if (pos == STAGE_IGNORED) {
            continue;
        } else if (id_blank) {
            st = pc_fail(err, PC_ERR_NA, r->arg, (gssize)i,
                         "StageData row %zu: \"%s\" has no deal id", i + 1,
                         pc_table_text(r->data, sc));
        } else if (id->kind == PC_CELL_NUMBER && !isfinite(id->num)) {
            st = pc_fail(err, PC_ERR_NUM, r->arg, (gssize)i,
                         "StageData row %zu: the deal id is not a finite number", i + 1);
        } else {
            gsize d = find_deal(r, &ix, id, i, (gsize)pos);
            if ((gsize)pos > r->deals[d].stage)
                r->deals[d].stage = (gsize)pos;
        }
    }
    g_hash_table_destroy(ix.deal_of_number);
    g_hash_table_destroy(ix.deal_of_key);
    g_free(ix.deal_of_text);
    return st;
}

PcStatus pc_funnel_deals(const PcFunnel *f, const PcTable *stage_data, int arg,
                         PcFunnelDeal **deals, gsize *n_deals, PcError *err)
{
    g_return_val_if_fail(f && deals && n_deals, PC_ERR_ARG);
    *deals = NULL;
    *n_deals = 0;
    if (!stage_data || stage_data->rows == 0)
        return PC_OK;
    gboolean is_log = stage_data->cols == 2 && stage_data->rows >= 2;
    if (!is_log && pc_table_vector_len(stage_data) < 0)
        return pc_fail_n(err, PC_ERR_ARG, arg, -1, stage_data->cols,
                         "StageData must be one column of stages or two columns "
                         "(deal id | stage), not %zu column",
                         "StageData must be one column of stages or two columns "
                         "(deal id | stage), not %zu columns", stage_data->cols);
    gsize n_rows = is_log ? stage_data->rows : (gsize)pc_table_vector_len(stage_data);
    guint n_texts = pc_table_text_count(stage_data);
    Reader r = { f, stage_data, arg, NULL, NULL, NULL, 0 };
    r.stage_of_text = g_try_new(gssize, MAX(n_texts, 1));
    r.deals = g_try_new(PcFunnelDeal, n_rows);
    PcStatus st;
    if (!r.stage_of_text || !r.deals) {
        st = pc_fail(err, PC_ERR_NOMEM, arg, -1, "StageData is too large for memory");
        goto done;
    }
    r.keys = pc_text_keys(stage_data);
    for (guint i = 0; i < n_texts; i++)
        r.stage_of_text[i] = stage_of_key(f, g_ptr_array_index(r.keys, i));
    st = is_log ? read_log(&r, err) : read_vector(&r, err);
done:
    if (r.keys)
        g_ptr_array_unref(r.keys);
    g_free(r.stage_of_text);
    if (st != PC_OK || r.n_deals == 0) {
        g_free(r.deals);
        return st;
    }
    *deals = r.deals;
    *n_deals = r.n_deals;
    return PC_OK;
}

PcStatus pc_funnel_reached(const PcFunnel *f, const PcTable *stage_data, int arg,
                           gsize *reached, PcError *err)
{
    PcFunnelDeal *deals;
    gsize n_deals, n_stages = pc_funnel_n_stages(f);
    PcStatus st = pc_funnel_deals(f, stage_data, arg, &deals, &n_deals, err);
    if (st != PC_OK)
        return st;
    memset(reached, 0, n_stages * sizeof *reached);
    for (gsize d = 0; d < n_deals; d++)
        reached[deals[d].stage]++;
    /* a deal whose furthest stage is s reached every stage up to s */
    for (gsize s = n_stages - 1; s > 0; s--)
        reached[s - 1] += reached[s];
    g_free(deals);
    return PC_OK;
}
