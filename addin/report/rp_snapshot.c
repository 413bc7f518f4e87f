/* rp_snapshot.c - the Pipeline history sheet (rp_snapshot.h). */
#include "rp_snapshot.h"

#include "rp_history.h"
#include "tx.h"

#include <math.h>
#include <string.h>

enum {
    COL_DATE = RP_HISTORY_DATE, COL_DEAL = RP_HISTORY_DEAL, COL_STAGE = RP_HISTORY_STAGE,
    COL_AMOUNT = RP_HISTORY_AMOUNT, COL_CLOSE = RP_HISTORY_CLOSE, COL_OUTCOME = RP_HISTORY_OUTCOME,
    COL_PROB = RP_HISTORY_PROBABILITY,
};

/* Calc's last row: a history longer than a sheet cannot be written. */
#define SHEET_ROWS 1048576

/* The source column of each history column (-1: none; COL_DATE and COL_OUTCOME are ours). */
static void source_columns(const RpSource *s, gssize *from)
{
    static const PcRole ROLE[RP_SNAPSHOT_COLS] = {
        PC_ROLE_IGNORED, PC_ROLE_NAME, PC_ROLE_STAGE, PC_ROLE_AMOUNT, PC_ROLE_CLOSE_DATE,
        PC_ROLE_OWNER, PC_ROLE_IGNORED, PC_ROLE_PROBABILITY,
    };
    for (gsize j = 0; j < RP_SNAPSHOT_COLS; j++)
        from[j] = ROLE[j] == PC_ROLE_IGNORED ? -1 : pc_roles_find(s->roles, s->cells->cols, ROLE[j]);
}

/* Copy cell C of table T into plan cell ROW, COL with FORMAT for numbers. */
static void copy_cell(RpPlan *p, gsize row, gsize col, const PcTable *t, const PcCell *c,
                      RpFormat format)
{
    if (c->kind == PC_CELL_NUMBER)
        rp_set_number(p, row, col, c->num, format);
    else if (c->kind == PC_CELL_TEXT)
        rp_set_text(p, row, col, pc_table_text(t, c));
}

static RpFormat format_of(gsize col)
{
    switch (col) {
    case COL_DATE:
    case COL_CLOSE:
        return RP_FORMAT_DATE;
    case COL_AMOUNT:
        return RP_FORMAT_AMOUNT;
    case COL_PROB:
        return RP_FORMAT_PERCENT;
    default:
        return RP_FORMAT_GENERAL;
    }
}

/* The first repeated deal name of S (its rows in *FIRST, *SECOND, 1-based data rows), or
 * FALSE when every name is unique. Blank names are skipped. */
static gboolean repeated_name(const RpSource *s, GPtrArray *keys, gsize col, gsize *first,
                              gsize *second)
{
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    gboolean found = FALSE;
    for (gsize r = 1; r < s->cells->rows && !found; r++) {
        char *key = pc_cell_key(keys, pc_table_at(s->cells, r, col));
        gpointer at;
        if (!key)
            continue;
        if ((found = g_hash_table_lookup_extended(seen, key, NULL, &at))) {
            *first = GPOINTER_TO_SIZE(at);
            *second = r;
            g_free(key);
        } else {
            g_hash_table_insert(seen, key, GSIZE_TO_POINTER(r));
        }
    }
    g_hash_table_destroy(seen);
    return found;
}

gboolean rp_snapshot_plan(const RpSource *s, const PcTable *old, double today, RpSnapshot *r,
                          char **message)
{
    const PcTable *c = s->cells;
    memset(r, 0, sizeof *r);
    *message = NULL;
    gssize from[RP_SNAPSHOT_COLS];
    source_columns(s, from);
    if (from[COL_DEAL] < 0) {
        *message = g_strdup(_("Snapshot needs a deal name column (a header such as Deal, Name or "
                              "Kunde, or choose one under Column roles): snapshots tell deals "
                              "apart by name. Nothing was written."));
        return FALSE;
    }
    if (old && old->rows > 0 && !rp_history_is(old)) {
        *message = g_strdup(_("The marked Pipeline history sheet no longer has the columns "
                              "Snapshot writes (Snapshot | Deal | Stage | ...): its header was "
                              "changed. Nothing was written."));
        return FALSE;
    }
    GPtrArray *keys = pc_text_keys(c);
    gsize first, second;
    if (repeated_name(s, keys, (gsize)from[COL_DEAL], &first, &second)) {
        const PcCell *name = pc_table_at(c, second, (gsize)from[COL_DEAL]);
        char *text = name->kind == PC_CELL_TEXT ? g_strdup(pc_table_text(c, name))
                                                : g_strdup_printf("%.15g", name->num);
        *message = g_strdup_printf(_("Two deals are named \"%s\" (sheet rows %zu and %zu): "
                                     "snapshots tell deals apart by name. Nothing was written."),
                                   text, s->row0 + first + 1, s->row0 + second + 1);
        g_free(text);
        g_ptr_array_unref(keys);
        return FALSE;
    }
    /* the old blocks kept: every data row not of TODAY */
    GArray *kept = g_array_new(FALSE, FALSE, sizeof(gsize));
    gsize blocks = 0;
    double last = NAN;
    for (gsize i = 1; old && i < old->rows; i++) {
        const PcCell *d = pc_table_at(old, i, COL_DATE);
        if (d->kind == PC_CELL_NUMBER && floor(d->num) == floor(today)) {
            r->replaced = TRUE;
            continue;
        }
        if (pc_roles_row_blank(old, i))
            continue;
        if (d->kind != PC_CELL_NUMBER || d->num != last)
            blocks++;
        last = d->kind == PC_CELL_NUMBER ? d->num : NAN;
        g_array_append_val(kept, i);
    }
    gsize deals = 0;
    for (gsize i = 1; i < c->rows; i++)
        deals += !pc_roles_row_blank(c, i);
    gsize rows = 1 + kept->len + deals;
    if (rows > SHEET_ROWS) {
        *message = g_strdup_printf(_("The history would need %zu rows, more than a sheet holds "
                                     "(%d): move older snapshots to another document first. "
                                     "Nothing was written."), rows, SHEET_ROWS);
        g_array_free(kept, TRUE);
        g_ptr_array_unref(keys);
        return FALSE;
    }
    RpPlan *p = r->plan = rp_plan_new(RP_PLACE_SHEET, RP_MARKER_SNAPSHOTS, rows, RP_SNAPSHOT_COLS);
    p->sheet_base = g_strdup(_("Pipeline history"));
    p->undo_title = g_strdup(_("Pipecalc: snapshot"));
    p->amount_col = from[COL_AMOUNT];
    p->date_col = from[COL_CLOSE];
    p->freeze_rows = 1;
    for (gsize j = 0; j < RP_SNAPSHOT_COLS; j++)
        rp_set_text(p, 0, j, _(rp_history_head(j)));
    rp_style(p, (RpRect){ 0, 0, 0, RP_SNAPSHOT_COLS - 1 }, RP_STYLE_HEADER);
    gsize row = 1;
    for (guint k = 0; k < kept->len; k++, row++)
        for (gsize j = 0; j < RP_SNAPSHOT_COLS; j++) {
            gsize i = g_array_index(kept, gsize, k);
            copy_cell(p, row, j, old, pc_table_at(old, i, j), format_of(j));
        }
    gssize outcome = pc_roles_find(s->roles, c->cols, PC_ROLE_OUTCOME);
    for (gsize i = 1; i < c->rows; i++) {
        if (pc_roles_row_blank(c, i))
            continue;
        rp_set_number(p, row, COL_DATE, floor(today), RP_FORMAT_DATE);
        for (gsize j = COL_DEAL; j < RP_SNAPSHOT_COLS; j++)
            if (from[j] >= 0)
                copy_cell(p, row, j, c, pc_table_at(c, i, (gsize)from[j]), format_of(j));
        PcOutcome o = pc_roles_row_outcome(c, keys, i, outcome, from[COL_STAGE]);
        rp_set_text(p, row, COL_OUTCOME, o == PC_OUTCOME_WON ? _("Won") : o == PC_OUTCOME_LOST
                                                                         ? _("Lost") : _("Open"));
        row++;
    }
    rp_fit_widths(p, 6, 30);
    r->deals = deals;
    r->snapshots = blocks + 1;
    g_array_free(kept, TRUE);
    g_ptr_array_unref(keys);
    return TRUE;
}

void rp_snapshot_clear(RpSnapshot *r)
{
    rp_plan_free(r->plan);
    memset(r, 0, sizeof *r);
}
