/* sb_table.c - finding and describing the lead table around the cursor. */
#include "sb_table.h"

#include "sb_text.h"

#include <string.h>

/* Cut our Score column off REGION (or remember it as inside) when it lies in REGION. */
static void leave_out_score(SbLeadTable *t, SbRange *region, gssize *inside)
{
    *inside = -1;
    SbRange s;
    if (!sb_marker_get(t->model, SB_MARKER_SCORE, &s) || s.Sheet != region->Sheet ||
        s.StartColumn != s.EndColumn)
        return;
    if (s.StartColumn < region->StartColumn || s.StartColumn > region->EndColumn ||
        s.EndRow < region->StartRow || s.StartRow > region->EndRow)
        return; /* it belongs to another table */
    t->has_score = TRUE;
    t->score = s;
    if (s.StartColumn == region->EndColumn && region->EndColumn > region->StartColumn)
        region->EndColumn--;
    else if (s.StartColumn == region->StartColumn && region->EndColumn > region->StartColumn)
        region->StartColumn++;
    else
        *inside = s.StartColumn - region->StartColumn;
}

gboolean sb_table_find(uno_Interface *controller, SbLeadTable *t, GError **error)
{
    memset(t, 0, sizeof *t);
    SbCell cursor;
    t->model = sb_model(controller, error);
    t->sheet = t->model ? sb_cursor(controller, &cursor, error) : NULL;
    if (!t->sheet)
        return FALSE;
    SbRange region;
    if (!sb_region(t->sheet, &cursor, &region, error))
        return FALSE;
    gssize inside;
    leave_out_score(t, &region, &inside);
    if (region.EndRow <= region.StartRow) /* one row: a header without data is no table */
        return FALSE;
    t->range = region;
    t->cells = sb_read(t->sheet, &region, error);
    if (!t->cells)
        return FALSE;
    if (!pc_roles_has_header(t->cells))
        return FALSE;
    t->sheet_name = sb_sheet_name(t->sheet);
    t->roles = g_new0(PcRole, t->cells->cols);
    if (inside >= 0)
        t->roles[inside] = PC_ROLE_IGNORED;
    pc_roles_detect(t->cells, t->roles);
    pc_roles_count(t->cells, t->roles, &t->counts);
    return TRUE;
}

void sb_table_clear(SbLeadTable *t)
{
    cu_release(t->model);
    cu_release(t->sheet);
    g_free(t->sheet_name);
    pc_table_free(t->cells);
    g_free(t->roles);
    memset(t, 0, sizeof *t);
}

char *sb_table_cell_text(const SbLeadTable *t, sal_Int32 col, sal_Int32 row)
{
    SbRange one = { t->range.Sheet, col, row, col, row };
    char *full = sb_range_text(t->sheet_name ? t->sheet_name : "?", &one);
    char *colon = strchr(full, ':'); /* "Sheet1.B7:B7" -> "Sheet1.B7" */
    if (colon)
        *colon = 0;
    return full;
}

char *sb_table_describe(const SbLeadTable *t)
{
    if (!t->cells)
        return g_strdup(sb_text(SB_NO_TABLE));
    GString *s = g_string_new(NULL);
    char *where = sb_range_text(t->sheet_name, &t->range);
    g_string_append_printf(s, sb_text(SB_TABLE), where, t->counts.rows, t->counts.open,
                           t->counts.won, t->counts.lost);
    g_free(where);
    g_string_append_printf(s, "\n%s", sb_text(SB_COLUMNS));
    for (gsize c = 0; c < t->cells->cols; c++) {
        const PcCell *h = pc_table_at(t->cells, 0, c);
        g_string_append_printf(s, "\n  %s: %s", h->kind == PC_CELL_TEXT ? pc_table_text(t->cells, h) : "-",
                               sb_role_name(t->roles[c]));
    }
    if (t->has_score) {
        char *score = sb_range_text(t->sheet_name, &t->score);
        g_string_append_c(s, '\n');
        g_string_append_printf(s, sb_text(SB_SCORE_COLUMN), score);
        g_free(score);
    }
    return g_string_free(s, FALSE);
}
