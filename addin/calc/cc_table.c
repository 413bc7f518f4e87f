/* cc_table.c - finding and describing the lead table around the cursor. */
#include "cc_table.h"

#include "cu_string.h"
#include "pc_refs.h"
#include "pc_region.h"
#include "rp_patterns.h"
#include "rp_products.h"
#include "rp_snapshot.h"
#include "cc_marks.h"
#include "cc_roles_store.h"
#include "tx_text.h"

#include <string.h>

/* A Score mark S that may belong to a table in REGION: one column on its sheet, beside
 * or inside it, sharing its rows. */
static gboolean score_touches(const CuRange *s, const CuRange *region)
{
    return s->Sheet == region->Sheet && s->StartColumn == s->EndColumn &&
           s->EndRow >= region->StartRow && s->StartRow <= region->EndRow &&
           s->StartColumn >= region->StartColumn && s->StartColumn <= region->EndColumn + 1;
}

/* Cut our Score column off REGION (or remember it as inside) when it lies in REGION or
 * right beside it: of the document's Score columns (one per table, cc_marks.h) the one
 * at the region's right edge, else at its left edge, else inside. */
static void leave_out_score(CcLeadTable *t, CuRange *region, gssize *inside)
{
    *inside = -1;
    GArray *marks = cc_marks(t->model, CC_MARKER_SCORE);
    const CcMark *best = NULL;
    int best_rank = 0; /* 3: beside the right edge, 2: on it, 1: on the left edge, 0: inside */
    for (guint i = 0; i < marks->len; i++) {
        const CcMark *m = &g_array_index(marks, CcMark, i);
        if (!score_touches(&m->range, region))
            continue;
        sal_Int32 col = m->range.StartColumn;
        int rank = col == region->EndColumn + 1 ? 3 : col == region->EndColumn ? 2
                   : col == region->StartColumn ? 1 : 0;
        if (!best || rank > best_rank) {
            best = m;
            best_rank = rank;
        }
    }
    if (best) {
        CuRange s = best->range;
        t->has_score = TRUE;
        t->score = s;
        t->score_mark = g_strdup(best->name);
        /* rank 3 lies outside already: Calc's region ended before it (region_around) */
        if (best_rank == 2 && region->EndColumn > region->StartColumn)
            region->EndColumn--;
        else if (best_rank == 1)
            region->StartColumn++;
        else if (best_rank < 3)
            *inside = s.StartColumn - region->StartColumn;
    }
    cc_marks_free(marks);
}

/* A Score mark strictly inside REGION (not at an edge), or NULL. */
static const CcMark *score_inside(GArray *marks, const CuRange *region)
{
    for (guint i = 0; i < marks->len; i++) {
        const CcMark *m = &g_array_index(marks, CcMark, i);
        if (score_touches(&m->range, region) && m->range.StartColumn > region->StartColumn &&
            m->range.StartColumn < region->EndColumn)
            return m;
    }
    return NULL;
}

/* The region around CELL on T's sheet (T's model and sheet set): Calc's current region,
 * but never through one of our marked Score columns. Calc's region joins two tables one
 * empty column apart once the left one's Score column fills that column; so while a Score
 * column lies inside the region, the table is the region around CELL in the cells on
 * CELL's side of it (a cursor in the Score column: the table it scores, on its left). */
static gboolean region_around(CcLeadTable *t, const CuCell *cell, CuRange *region, GError **error)
{
    if (!cc_region(t->sheet, cell, region, error))
        return FALSE;
    GArray *marks = cc_marks(t->model, CC_MARKER_SCORE);
    const CcMark *m;
    gboolean ok = TRUE;
    while (ok && (m = score_inside(marks, region))) { /* at the edges: cut off (leave_out_score) */
        CuRange s = m->range, side = *region;
        sal_Int32 col = cell->Column == s.StartColumn ? s.StartColumn - 1 : cell->Column;
        if (col > s.StartColumn)
            side.StartColumn = s.StartColumn + 1;
        else
            side.EndColumn = s.StartColumn - 1;
        PcTable *cells = cc_read(t->sheet, &side, error);
        if (!(ok = cells != NULL))
            break;
        PcBox b = pc_region_around(cells, (gsize)(cell->Row - side.StartRow), (gsize)(col - side.StartColumn));
        pc_table_free(cells);
        region->StartColumn = side.StartColumn + (sal_Int32)b.col0;
        region->EndColumn = side.StartColumn + (sal_Int32)b.col1;
        region->StartRow = side.StartRow + (sal_Int32)b.row0;
        region->EndRow = side.StartRow + (sal_Int32)b.row1;
    }
    cc_marks_free(marks);
    return ok;
}

/* TRUE when A and B share a cell. */
static gboolean overlap(const CuRange *a, const CuRange *b)
{
    return a->Sheet == b->Sheet && a->StartColumn <= b->EndColumn && b->StartColumn <= a->EndColumn &&
           a->StartRow <= b->EndRow && b->StartRow <= a->EndRow;
}

/* TRUE when A lies inside B. */
static gboolean inside(const CuRange *a, const CuRange *b)
{
    return a->Sheet == b->Sheet && a->StartColumn >= b->StartColumn && a->EndColumn <= b->EndColumn &&
           a->StartRow >= b->StartRow && a->EndRow <= b->EndRow;
}

/* What the panel says when REGION is Pipecalc's own output in MODEL (an English msgid),
 * NULL when it is not. The forecast and funnel sheets are ours wherever the region touches
 * their written area; the Score column only when the region lies inside it (beside the
 * leads it is cut off the table instead, see leave_out_score). */
static const char *our_output(uno_Interface *model, const CuRange *region)
{
    static const struct {
        const char *base;
        gboolean whole; /* a sheet output: the region touches it; a column: lies inside */
        const char *says;
    } KINDS[] = {
        { CC_MARKER_FORECAST, TRUE, N_("This is Pipecalc's forecast sheet; put the cursor in your lead table.") },
        { CC_MARKER_FUNNEL, TRUE, N_("This is Pipecalc's funnel sheet; put the cursor in your lead table.") },
        { CC_MARKER_SCORE, FALSE, N_("This is Pipecalc's Score column; put the cursor in your lead table.") },
        { RP_MARKER_PRODUCTS, TRUE, N_("This is Pipecalc's products sheet; put the cursor in your lead table.") },
        { RP_MARKER_PATTERNS, TRUE, N_("This is Pipecalc's patterns sheet; put the cursor in your lead table.") },
        { RP_MARKER_SNAPSHOTS, TRUE, N_("This is Pipecalc's pipeline history; put the cursor in your lead table.") },
    };
    const char *says = NULL;
    for (gsize k = 0; k < G_N_ELEMENTS(KINDS) && !says; k++) {
        GArray *marks = cc_marks(model, KINDS[k].base);
        for (guint i = 0; i < marks->len && !says; i++) {
            const CuRange *r = &g_array_index(marks, CcMark, i).range;
            if (KINDS[k].whole ? overlap(region, r) : inside(region, r))
                says = KINDS[k].says;
        }
        cc_marks_free(marks);
    }
    return says;
}

/* Empty the header cells of T that a merge hides (the header row's merges: one call when
 * there are none): a merged header names its first column only, as the user sees it. */
static void blank_hidden_headers(CcLeadTable *t)
{
    CuRange header = t->range, extent;
    header.EndRow = header.StartRow;
    if (!cc_merged_extent(t->sheet, &header, &extent, NULL))
        return;
    gboolean reaches = extent.StartColumn != header.StartColumn || extent.EndColumn != header.EndColumn ||
                       extent.StartRow != header.StartRow || extent.EndRow != header.EndRow;
    if (!reaches && !cc_has_merge(t->sheet, &header, NULL))
        return;
    GArray *runs = cc_format_runs(t->sheet, &header, NULL);
    for (guint k = 0; runs && k < runs->len; k++) {
        const CuRange *run = &g_array_index(runs, CuRange, k);
        CuRange first = { run->Sheet, run->StartColumn, run->StartRow, run->StartColumn, run->StartRow };
        CuRange area;
        if (!cc_merged_extent(t->sheet, &first, &area, NULL) ||
            (area.StartColumn == first.StartColumn && area.StartRow == first.StartRow))
            continue; /* not hidden: every cell of the run alike */
        for (sal_Int32 col = run->StartColumn; col <= run->EndColumn; col++)
            pc_table_set_text(t->cells, 0, (gsize)(col - t->range.StartColumn), "", 0);
    }
    if (runs)
        g_array_free(runs, TRUE);
}

/* The letters of sheet column COL ("F"), g_free. */
static char *column_letters(sal_Int32 col)
{
    char *cell = pc_ref_cell(0, (gsize)col); /* "F1" */
    cell[strcspn(cell, "0123456789")] = 0;
    return cell;
}

/* Give each empty header cell of T a name of its own, "(column F)" after its sheet column:
 * without one, the column has no name to show, to choose a role for or to explain a score
 * by (a merged header's hidden cells are empty too: the merge names its first column). */
static void name_empty_headers(CcLeadTable *t)
{
    t->nameless = g_new0(gboolean, t->cells->cols);
    for (gsize c = 0; c < t->cells->cols; c++) {
        if (pc_table_at(t->cells, 0, c)->kind != PC_CELL_EMPTY)
            continue;
        char *letters = column_letters(t->range.StartColumn + (sal_Int32)c);
        char *name = g_strdup_printf(_("(column %s)"), letters);
        pc_table_set_text(t->cells, 0, c, name, -1);
        t->nameless[c] = TRUE;
        g_free(name);
        g_free(letters);
    }
}

/* Read the table of REGION on T's sheet into T (T's model and sheet already set). */
static gboolean load(CcLeadTable *t, CuRange region, GError **error)
{
    gssize inside;
    leave_out_score(t, &region, &inside);
    if (region.EndRow <= region.StartRow) /* one row: a header without data is no table */
        return FALSE;
    t->range = region;
    t->cells = cc_read(t->sheet, &region, error);
    if (!t->cells)
        return FALSE;
    if (!pc_roles_has_header(t->cells))
        return FALSE;
    t->sheet_name = cc_sheet_name(t->sheet);
    t->dates = cc_document_dates(t->model);
    blank_hidden_headers(t);
    name_empty_headers(t);
    t->roles = g_new0(PcRole, t->cells->cols);
    if (inside >= 0)
        t->roles[inside] = PC_ROLE_IGNORED;
    pc_roles_detect(t->cells, t->roles);
    char *key = cc_table_key(t);
    cc_roles_store_apply(t->model, key, t->cells, t->nameless, t->roles); /* the manager's choices */
    g_free(key);
    pc_roles_count(t->cells, t->roles, &t->counts);
    CuRange data = region;
    data.StartRow++;
    if (!cc_hidden_rows(t->sheet, &data, &t->hidden_rows, NULL)) /* only said, never decisive */
        t->hidden_rows = 0;
    return TRUE;
}

/* The table around CONTROLLER's cursor into T, as cc_table_find; LEAD_RULE: only a region
 * pc_roles_is_lead_table accepts. */
static gboolean find_around_cursor(uno_Interface *controller, CcLeadTable *t, gboolean lead_rule,
                                   GError **error)
{
    memset(t, 0, sizeof *t);
    CuCell cursor;
    t->model = cc_model(controller, error);
    t->sheet = t->model ? cc_cursor(controller, &cursor, error) : NULL;
    if (!t->sheet)
        return FALSE;
    CuRange region;
    if (!region_around(t, &cursor, &region, error))
        return FALSE;
    if ((t->not_leads = our_output(t->model, &region)) != NULL)
        return FALSE;
    if (!load(t, region, error))
        return FALSE;
    if (lead_rule && !pc_roles_is_lead_table(t->cells, t->roles)) {
        t->not_leads = N_("This is no lead table. The deck needs a header row with the column "
                          "names, at least one deal below it, and a Stage, Amount or Outcome "
                          "column beside one more column (a Stage | Probability table is a "
                          "lookup table).");
        return FALSE;
    }
    return TRUE;
}

gboolean cc_table_find(uno_Interface *controller, CcLeadTable *t, GError **error)
{
    return find_around_cursor(controller, t, TRUE, error);
}

gboolean cc_table_find_columns(uno_Interface *controller, CcLeadTable *t, GError **error)
{
    return find_around_cursor(controller, t, FALSE, error);
}

/* The range ADDRESS names in MODEL: a named range, or an address in the user interface's
 * notation ("Sheet2.A1:C9", "$Sheet2.$A$1"). */
static gboolean resolve(uno_Interface *model, const char *address, CuRange *r, GError **error)
{
    static CuMethod create = CU_METHOD("com.sun.star.lang.XMultiServiceFactory", "createInstance");
    if (cc_marker_get(model, address, r))
        return TRUE;
    uno_Interface *conv = NULL;
    if (!cu_call_str(model, &create, "com.sun.star.table.CellRangeAddressConversion", &conv, error))
        return FALSE;
    rtl_uString *text = cu_ustr_from_utf8(address);
    uno_Any a;
    gboolean ok = conv && cu_set_property(conv, "UserInterfaceRepresentation", typelib_TypeClass_STRING,
                                          &text, error) &&
                  cu_get_property(conv, "Address", &a, error);
    rtl_uString_release(text);
    cu_release(conv);
    if (ok) {
        ok = a.pType->eTypeClass == typelib_TypeClass_STRUCT && cu_uno_check_layouts();
        if (ok)
            memcpy(r, a.pData, sizeof *r);
        uno_any_destruct(&a, NULL);
    }
    return ok;
}

gboolean cc_table_find_at(uno_Interface *model, const char *address, CcLeadTable *t, char **message)
{
    memset(t, 0, sizeof *t);
    *message = NULL;
    char *a = g_strstrip(g_strdup(address ? address : ""));
    CuRange r;
    GError *error = NULL;
    gboolean ok = *a && resolve(model, a, &r, &error);
    g_clear_error(&error);
    if (ok) {
        t->model = model;
        model->acquire(model);
        t->sheet = cc_sheet_at(model, r.Sheet, NULL);
        if (t->sheet && r.StartColumn == r.EndColumn && r.StartRow == r.EndRow) {
            CuCell one = { r.Sheet, r.StartColumn, r.StartRow }; /* one cell: its table */
            ok = region_around(t, &one, &r, NULL);
        }
        ok = ok && t->sheet && load(t, r, NULL);
    }
    if (!ok) {
        *message = g_strdup_printf(_("\"%s\" names no table with a header row (type a range "
                                     "such as Sheet2.A1:F50 or a named range)."), a);
        cc_table_clear(t);
    }
    g_free(a);
    return ok;
}

void cc_table_clear(CcLeadTable *t)
{
    const char *not_leads = t->not_leads;
    cu_release(t->model);
    cu_release(t->sheet);
    g_free(t->sheet_name);
    pc_table_free(t->cells);
    g_free(t->roles);
    g_free(t->nameless);
    g_free(t->score_mark);
    memset(t, 0, sizeof *t);
    t->not_leads = not_leads;
}

char *cc_table_cell_text(const CcLeadTable *t, sal_Int32 col, sal_Int32 row)
{
    CuRange one = { t->range.Sheet, col, row, col, row };
    char *full = cc_range_text(t->sheet_name ? t->sheet_name : "?", &one);
    char *colon = strchr(full, ':'); /* "Sheet1.B7:B7" -> "Sheet1.B7" */
    if (colon)
        *colon = 0;
    return full;
}

char *cc_table_header_key(const CcLeadTable *t, gsize col)
{
    if (t->nameless && t->nameless[col])
        return g_strdup_printf("#%zu", col + 1);
    return g_strdup(pc_table_text(t->cells, pc_table_at(t->cells, 0, col)));
}

char *cc_table_key(const CcLeadTable *t)
{
    return cc_table_cell_text(t, t->range.StartColumn, t->range.StartRow);
}

#define NO_TABLE N_("No lead table here. Put the cell cursor into your table: a block of " \
                   "cells whose first row holds the column names.")

gboolean cc_table_absent(const CcLeadTable *t, char **message)
{
    if (t->cells)
        return FALSE;
    *message = g_strdup(_(NO_TABLE));
    return TRUE;
}

char *cc_table_describe(const CcLeadTable *t)
{
    if (!t->cells && t->not_leads)
        return g_strdup(_(t->not_leads));
    if (!t->cells)
        return g_strdup(_(NO_TABLE));
    GString *s = g_string_new(NULL);
    char *where = cc_range_text(t->sheet_name, &t->range);
    g_string_append_printf(s, tx_n("Table %s: %zu row, %zu open, %zu won, %zu lost.",
                                   "Table %s: %zu rows, %zu open, %zu won, %zu lost.", t->counts.rows),
                           where, t->counts.rows, t->counts.open, t->counts.won, t->counts.lost);
    g_free(where);
    g_string_append_printf(s, "\n%s", _("Columns:"));
    for (gsize c = 0; c < t->cells->cols; c++) {
        const PcCell *h = pc_table_at(t->cells, 0, c);
        g_string_append_printf(s, "\n  %s: %s", h->kind == PC_CELL_TEXT ? pc_table_text(t->cells, h) : "-",
                               tx_role_name(t->roles[c]));
    }
    if (t->has_score) {
        char *score = cc_range_text(t->sheet_name, &t->score);
        g_string_append_c(s, '\n');
        g_string_append_printf(s, _("Score column (Pipecalc): %s"), score);
        g_free(score);
    }
    return g_string_free(s, FALSE);
}
