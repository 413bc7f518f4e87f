/* cc_guard.c - refusals, "is anything of the user's in the way", one undo step. */
#include "cc_guard.h"

#include "tx_text.h"

char *cc_guard_refusal(uno_Interface *model, uno_Interface *sheet, const char *sheet_name)
{
    if (cc_document_readonly(model))
        return g_strdup(_("The document is read-only. Nothing was written."));
    if (sheet && cc_sheet_protected(sheet))
        return g_strdup_printf(_("The sheet %s is protected: remove the protection (Tools > "
                                 "Protect Sheet) and try again. Nothing was written."), sheet_name);
    return NULL;
}

static gboolean inside(const CuRange *ours, sal_Int32 col, sal_Int32 row)
{
    return ours && col >= ours->StartColumn && col <= ours->EndColumn && row >= ours->StartRow &&
           row <= ours->EndRow;
}

gboolean cc_guard_free(uno_Interface *sheet, const char *sheet_name, const CuRange *r,
                       const CuRange *ours, char **in_the_way, GError **error)
{
    *in_the_way = NULL;
    PcTable *cells = cc_read(sheet, r, error);
    if (!cells)
        return FALSE;
    for (gsize i = 0; i < cells->rows && !*in_the_way; i++)
        for (gsize j = 0; j < cells->cols && !*in_the_way; j++) {
            sal_Int32 col = r->StartColumn + (sal_Int32)j, row = r->StartRow + (sal_Int32)i;
            if (pc_table_at(cells, i, j)->kind == PC_CELL_EMPTY || inside(ours, col, row))
                continue;
            CuRange one = { r->Sheet, col, row, col, row };
            char *name = cc_range_text(sheet_name, &one);
            *g_strrstr(name, ":") = 0;
            *in_the_way = g_strdup_printf(_("Cell %s is not empty and was not written by "
                                            "Pipecalc: move it away and run again. Nothing was "
                                            "written."), name);
            g_free(name);
        }
    pc_table_free(cells);
    return *in_the_way == NULL;
}

static gboolean same_range(const CuRange *a, const CuRange *b)
{
    return a->Sheet == b->Sheet && a->StartColumn == b->StartColumn && a->EndColumn == b->EndColumn &&
           a->StartRow == b->StartRow && a->EndRow == b->EndRow;
}

static gboolean range_inside(const CuRange *a, const CuRange *ours)
{
    return ours && inside(ours, a->StartColumn, a->StartRow) && inside(ours, a->EndColumn, a->EndRow);
}

gboolean cc_guard_unmerged(uno_Interface *sheet, const char *sheet_name, const CuRange *r,
                           const CuRange *ours, char **merged, GError **error)
{
    *merged = NULL;
    CuRange extent;
    /* the common case costs two calls: no merge starts in R, and none reaches into it */
    if (!cc_merged_extent(sheet, r, &extent, error))
        return FALSE;
    GError *failed = NULL;
    gboolean any = cc_has_merge(sheet, r, &failed);
    if (failed) {
        g_propagate_error(error, failed);
        return FALSE;
    }
    if (!any && same_range(&extent, r))
        return TRUE;
    /* find the merge: each run of one format is merged, hidden by a merge, or neither */
    GArray *runs = cc_format_runs(sheet, r, error);
    if (!runs)
        return FALSE;
    for (guint k = 0; k < runs->len && !*merged; k++) {
        const CuRange *run = &g_array_index(runs, CuRange, k);
        CuRange first = { run->Sheet, run->StartColumn, run->StartRow, run->StartColumn, run->StartRow };
        CuRange area;
        if (!cc_merged_extent(sheet, &first, &area, error)) {
            g_array_free(runs, TRUE);
            return FALSE;
        }
        /* a merge's top-left cell shows what is written; its other cells hide it */
        gboolean hidden = area.StartColumn != first.StartColumn || area.StartRow != first.StartRow;
        if (!hidden || range_inside(&area, ours))
            continue;
        char *name = cc_range_text(sheet_name, &area);
        char *cell = cc_range_text(sheet_name, &first);
        *g_strrstr(cell, ":") = 0;
        *merged = g_strdup_printf(_("The cells %s are merged: Pipecalc would write into %s, which "
                                    "the merge hides. Unmerge them (Format > Merge and Unmerge "
                                    "Cells) or move them away and run again. Nothing was written."),
                                  name, cell);
        g_free(cell);
        g_free(name);
    }
    g_array_free(runs, TRUE);
    return *merged == NULL;
}

/* The column of the first cell in row OUTSIDE of PAIR (2 rows, row 0 or 1) that is not
 * empty and touches (corners too) a non-empty cell of the other row, -1 none. */
static gssize crossing(const PcTable *pair, gsize outside)
{
    gsize inner = 1 - outside;
    for (gsize c = 0; c < pair->cols; c++) {
        if (pc_table_at(pair, outside, c)->kind == PC_CELL_EMPTY)
            continue;
        for (gsize k = c ? c - 1 : 0; k <= c + 1 && k < pair->cols; k++)
            if (pc_table_at(pair, inner, k)->kind != PC_CELL_EMPTY)
                return (gssize)c;
    }
    return -1;
}

gboolean cc_guard_shift_keeps_tables(uno_Interface *sheet, const char *sheet_name, const CuRange *band,
                                     char **split, GError **error)
{
    *split = NULL;
    /* the edge rows of what moves, each with the row beside it that stays */
    for (int edge = 0; edge < 2 && !*split; edge++) {
        sal_Int32 moved = edge ? band->EndRow : band->StartRow, stays = edge ? moved + 1 : moved - 1;
        if (stays < 0 || stays > CC_MAX_ROW)
            continue;
        CuRange pair = { band->Sheet, band->StartColumn, MIN(moved, stays), CC_MAX_COL, MAX(moved, stays) };
        PcTable *cells = cc_read(sheet, &pair, error);
        if (!cells)
            return FALSE;
        gssize c = crossing(cells, stays < moved ? 0 : 1);
        pc_table_free(cells);
        if (c < 0)
            continue;
        CuCell at = { band->Sheet, band->StartColumn + (sal_Int32)c, stays };
        CuRange block;
        if (!cc_region(sheet, &at, &block, error))
            return FALSE;
        char *name = cc_range_text(sheet_name, &block);
        *split = g_strdup_printf(_("Making room would split the cells %s: their rows beside the "
                                   "Score column would move right, the others not. Move them away "
                                   "from the table's rows and run again. Nothing was written."), name);
        g_free(name);
    }
    return *split == NULL;
}

/* Number of steps on the undo stack. */
static sal_Int32 undo_steps(uno_Interface *undo)
{
    static CuMethod titles = CU_METHOD("com.sun.star.document.XUndoManager", "getAllUndoActionTitles");
    uno_Sequence *seq = NULL;
    if (!cu_call(undo, &titles, &seq, NULL, NULL))
        return -1;
    sal_Int32 n = seq->nElements;
    typelib_TypeDescriptionReference *type = NULL;
    typelib_typedescriptionreference_newByAsciiName(&type, typelib_TypeClass_SEQUENCE, "[]string");
    uno_type_destructData(&seq, type, NULL);
    typelib_typedescriptionreference_release(type);
    return n;
}

/* MODEL's current frame (XFrame, acquired), NULL when it has no view. */
static uno_Interface *frame_of_model(uno_Interface *model)
{
    static CuMethod controller_of = CU_METHOD("com.sun.star.frame.XModel", "getCurrentController");
    static CuMethod frame_of = CU_METHOD("com.sun.star.frame.XController", "getFrame");
    uno_Interface *controller = cu_call_iface(model, &controller_of, NULL, NULL, NULL);
    uno_Interface *frame = controller ? cu_call_iface(controller, &frame_of, NULL, NULL, NULL) : NULL;
    cu_release(controller);
    return frame;
}

/* MODEL's frame's container window (XWindow) when it takes input now, disabled; else
 * NULL (no frame, or disabled already: by a modal dialog, say, which enables it again). */
static uno_Interface *disable_window(uno_Interface *model)
{
    static CuMethod window_of = CU_METHOD("com.sun.star.frame.XFrame", "getContainerWindow");
    static CuMethod is_enabled = CU_METHOD("com.sun.star.awt.XWindow2", "isEnabled");
    static CuMethod set_enable = CU_METHOD("com.sun.star.awt.XWindow", "setEnable");
    uno_Interface *frame = frame_of_model(model);
    uno_Interface *window = frame ? cu_call_iface(frame, &window_of, NULL, NULL, NULL) : NULL;
    cu_release(frame);
    uno_Interface *w2 = window ? cu_query(window, "com.sun.star.awt.XWindow2") : NULL;
    sal_Bool enabled = sal_False, off = sal_False;
    void *args[1] = { &off };
    if (!w2 || !cu_call(w2, &is_enabled, &enabled, NULL, NULL) || !enabled ||
        !cu_call(window, &set_enable, NULL, args, NULL)) {
        cu_release(window);
        window = NULL;
    }
    cu_release(w2);
    return window;
}

static void enable_window(uno_Interface *window)
{
    static CuMethod set_enable = CU_METHOD("com.sun.star.awt.XWindow", "setEnable");
    sal_Bool on = sal_True;
    void *args[1] = { &on };
    if (window)
        cu_call(window, &set_enable, NULL, args, NULL);
    cu_release(window);
}

gboolean cc_guard_begin(CcGuard *g, uno_Interface *model, const char *title, GError **error)
{
    g->open = FALSE;
    g->model = model;
    g->new_sheet = NULL;
    g->window = disable_window(model);
    g->undo = cc_undo_manager(model, error);
    if (!g->undo)
        return FALSE;
    g->steps_before = undo_steps(g->undo);
    g->open = cc_undo_enter(g->undo, title, error);
    return g->open;
}

/* TRUE when MODEL's frame is the desktop's active frame: where Calc's view-bound undo
 * actions act. */
static gboolean document_active(uno_Interface *model)
{
    static CuMethod creator_of = CU_METHOD("com.sun.star.frame.XFrame", "getCreator");
    static CuMethod active_of = CU_METHOD("com.sun.star.frame.XFramesSupplier", "getActiveFrame");
    uno_Interface *frame = frame_of_model(model);
    uno_Interface *creator = frame ? cu_call_iface(frame, &creator_of, NULL, NULL, NULL) : NULL;
    uno_Interface *active = creator ? cu_call_iface(creator, &active_of, NULL, NULL, NULL) : NULL;
    /* the same object: the same XInterface */
    uno_Interface *a = active ? cu_query(active, "com.sun.star.uno.XInterface") : NULL;
    uno_Interface *f = frame ? cu_query(frame, "com.sun.star.uno.XInterface") : NULL;
    gboolean same = a && a == f;
    cu_release(a);
    cu_release(f);
    cu_release(active);
    cu_release(creator);
    cu_release(frame);
    return same;
}

static void undo_lock(uno_Interface *undo, gboolean lock)
{
    static CuMethod lock_m = CU_METHOD("com.sun.star.document.XUndoManager", "lock");
    static CuMethod unlock_m = CU_METHOD("com.sun.star.document.XUndoManager", "unlock");
    cu_call(undo, lock ? &lock_m : &unlock_m, NULL, NULL, NULL);
}

uno_Interface *cc_guard_insert_sheet(CcGuard *g, const char *name, sal_Int16 *index,
                                     GError **error)
{
    gboolean unrecorded = !document_active(g->model);
    if (unrecorded)
        undo_lock(g->undo, TRUE);
    uno_Interface *sheet = cc_insert_sheet(g->model, name, index, error);
    if (unrecorded)
        undo_lock(g->undo, FALSE);
    if (sheet && unrecorded)
        g->new_sheet = g_strdup(name);
    return sheet;
}

void cc_guard_end(CcGuard *g, gboolean ok)
{
    static CuMethod remove = CU_METHOD("com.sun.star.sheet.XSpreadsheets", "removeByName");
    if (g->open) {
        cc_undo_leave(g->undo, NULL);
        /* an empty context leaves no step: undoing then would take back the user's own */
        if (!ok && undo_steps(g->undo) > g->steps_before)
            cc_undo_last(g->undo, NULL);
    }
    if (!ok && g->new_sheet) { /* the sheet Calc's undo must not take: ours to take out */
        uno_Interface *sheets = cc_sheets(g->model, NULL);
        undo_lock(g->undo, TRUE);
        if (sheets)
            cu_call_str(sheets, &remove, g->new_sheet, NULL, NULL);
        undo_lock(g->undo, FALSE);
        cu_release(sheets);
    }
    g_free(g->new_sheet);
    g->new_sheet = NULL;
    enable_window(g->window);
    g->window = NULL;
    cu_release(g->undo);
    g->undo = NULL;
    g->open = FALSE;
}

/* A new sheet named after BASE: check that the document may get one, choose a free name. */
static gboolean claim_new_sheet(uno_Interface *model, const char *base, char **name,
                                char **message, GError **error)
{
    if ((*message = cc_guard_refusal(model, NULL, NULL)))
        return FALSE;
    uno_Interface *sheets = cc_sheets(model, error);
    if (!sheets)
        return FALSE;
    *name = cc_free_sheet_name(sheets, base);
    sheets->release(sheets);
    return TRUE;
}

gboolean cc_guard_claim_sheet(uno_Interface *model, const char *marker, const char *base,
                              sal_Int32 cols, sal_Int32 rows, gboolean make_room,
                              gboolean *blocked, gboolean *reuse, CuRange *old,
                              uno_Interface **sheet, char **name, char **message,
                              GError **error)
{
    *sheet = NULL;
    *name = NULL;
    *reuse = marker && cc_marker_get(model, marker, old);
    if (!*reuse)
        return claim_new_sheet(model, base, name, message, error);
    *sheet = cc_sheet_at(model, old->Sheet, error);
    if (!*sheet)
        return FALSE;
    *name = cc_sheet_name(*sheet);
    CuRange all = { old->Sheet, 0, 0, cols - 1, rows - 1 };
    char *in_the_way = NULL;
    if ((*message = cc_guard_refusal(model, *sheet, *name)) ||
        !cc_guard_free(*sheet, *name, &all, old, &in_the_way, error) ||
        !cc_guard_unmerged(*sheet, *name, &all, old, &in_the_way, error)) {
        cu_release(*sheet);
        *sheet = NULL;
        g_free(*name);
        *name = NULL;
        if (in_the_way && make_room) { /* the manager agreed: a new sheet instead */
            g_free(in_the_way);
            *reuse = FALSE;
            return claim_new_sheet(model, base, name, message, error);
        }
        if (in_the_way) {
            *message = in_the_way;
            *blocked = TRUE;
        }
        return FALSE;
    }
    return TRUE;
}
