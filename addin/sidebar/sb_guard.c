/* sb_guard.c - refusals, "is anything of the user's in the way", one undo step. */
#include "sb_guard.h"

#include "sb_text.h"

char *sb_guard_refusal(uno_Interface *model, uno_Interface *sheet, const char *sheet_name)
{
    if (sb_document_readonly(model))
        return g_strdup(sb_text(SB_READONLY));
    if (sheet && sb_sheet_protected(sheet))
        return g_strdup_printf(sb_text(SB_PROTECTED), sheet_name);
    return NULL;
}

static gboolean inside(const SbRange *ours, sal_Int32 col, sal_Int32 row)
{
    return ours && col >= ours->StartColumn && col <= ours->EndColumn && row >= ours->StartRow &&
           row <= ours->EndRow;
}

gboolean sb_guard_free(uno_Interface *sheet, const char *sheet_name, const SbRange *r,
                       const SbRange *ours, char **in_the_way, GError **error)
{
    *in_the_way = NULL;
    PcTable *cells = sb_read(sheet, r, error);
    if (!cells)
        return FALSE;
    for (gsize i = 0; i < cells->rows && !*in_the_way; i++)
        for (gsize j = 0; j < cells->cols && !*in_the_way; j++) {
            sal_Int32 col = r->StartColumn + (sal_Int32)j, row = r->StartRow + (sal_Int32)i;
            if (pc_table_at(cells, i, j)->kind == PC_CELL_EMPTY || inside(ours, col, row))
                continue;
            SbRange one = { r->Sheet, col, row, col, row };
            char *name = sb_range_text(sheet_name, &one);
            *g_strrstr(name, ":") = 0;
            *in_the_way = g_strdup_printf(sb_text(SB_IN_THE_WAY), name);
            g_free(name);
        }
    pc_table_free(cells);
    return *in_the_way == NULL;
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

gboolean sb_guard_begin(SbGuard *g, uno_Interface *model, const char *title, GError **error)
{
    g->open = FALSE;
    g->model = model;
    g->new_sheet = NULL;
    g->undo = sb_undo_manager(model, error);
    if (!g->undo)
        return FALSE;
    g->steps_before = undo_steps(g->undo);
    g->open = sb_undo_enter(g->undo, title, error);
    return g->open;
}

/* TRUE when MODEL's frame is the desktop's active frame: where Calc's view-bound undo
 * actions act. */
static gboolean document_active(uno_Interface *model)
{
    static CuMethod controller_of = CU_METHOD("com.sun.star.frame.XModel", "getCurrentController");
    static CuMethod frame_of = CU_METHOD("com.sun.star.frame.XController", "getFrame");
    static CuMethod creator_of = CU_METHOD("com.sun.star.frame.XFrame", "getCreator");
    static CuMethod active_of = CU_METHOD("com.sun.star.frame.XFramesSupplier", "getActiveFrame");
    uno_Interface *controller = sb_call_iface(model, &controller_of, NULL, NULL, NULL);
    uno_Interface *frame = controller ? sb_call_iface(controller, &frame_of, NULL, NULL, NULL) : NULL;
    uno_Interface *creator = frame ? sb_call_iface(frame, &creator_of, NULL, NULL, NULL) : NULL;
    uno_Interface *active = creator ? sb_call_iface(creator, &active_of, NULL, NULL, NULL) : NULL;
    /* the same object: the same XInterface */
    uno_Interface *a = active ? cu_query(active, "com.sun.star.uno.XInterface") : NULL;
    uno_Interface *f = frame ? cu_query(frame, "com.sun.star.uno.XInterface") : NULL;
    gboolean same = a && a == f;
    cu_release(a);
    cu_release(f);
    cu_release(active);
    cu_release(creator);
    cu_release(frame);
    cu_release(controller);
    return same;
}

static void undo_lock(uno_Interface *undo, gboolean lock)
{
    static CuMethod lock_m = CU_METHOD("com.sun.star.document.XUndoManager", "lock");
    static CuMethod unlock_m = CU_METHOD("com.sun.star.document.XUndoManager", "unlock");
    cu_call(undo, lock ? &lock_m : &unlock_m, NULL, NULL, NULL);
}

uno_Interface *sb_guard_insert_sheet(SbGuard *g, const char *name, sal_Int16 *index,
                                     GError **error)
{
    gboolean unrecorded = !document_active(g->model);
    if (unrecorded)
        undo_lock(g->undo, TRUE);
    uno_Interface *sheet = sb_insert_sheet(g->model, name, index, error);
    if (unrecorded)
        undo_lock(g->undo, FALSE);
    if (sheet && unrecorded)
        g->new_sheet = g_strdup(name);
    return sheet;
}

void sb_guard_end(SbGuard *g, gboolean ok)
{
    static CuMethod remove = CU_METHOD("com.sun.star.sheet.XSpreadsheets", "removeByName");
    if (g->open) {
        sb_undo_leave(g->undo, NULL);
        /* an empty context leaves no step: undoing then would take back the user's own */
        if (!ok && undo_steps(g->undo) > g->steps_before)
            sb_undo_last(g->undo, NULL);
    }
    if (!ok && g->new_sheet) { /* the sheet Calc's undo must not take: ours to take out */
        uno_Interface *sheets = sb_sheets(g->model, NULL);
        undo_lock(g->undo, TRUE);
        if (sheets)
            sb_call_str(sheets, &remove, g->new_sheet, NULL, NULL);
        undo_lock(g->undo, FALSE);
        cu_release(sheets);
    }
    g_free(g->new_sheet);
    g->new_sheet = NULL;
    cu_release(g->undo);
    g->undo = NULL;
    g->open = FALSE;
}

/* A new sheet named after BASE: check that the document may get one, choose a free name. */
static gboolean claim_new_sheet(uno_Interface *model, const char *base, char **name,
                                char **message, GError **error)
{
    if ((*message = sb_guard_refusal(model, NULL, NULL)))
        return FALSE;
    uno_Interface *sheets = sb_sheets(model, error);
    if (!sheets)
        return FALSE;
    *name = sb_free_sheet_name(sheets, base);
    sheets->release(sheets);
    return TRUE;
}

gboolean sb_guard_claim_sheet(uno_Interface *model, const char *marker, const char *base,
                              sal_Int32 cols, sal_Int32 rows, gboolean make_room,
                              gboolean *blocked, gboolean *reuse, SbRange *old,
                              uno_Interface **sheet, char **name, char **message,
                              GError **error)
{
    *sheet = NULL;
    *name = NULL;
    *reuse = sb_marker_get(model, marker, old);
    if (!*reuse)
        return claim_new_sheet(model, base, name, message, error);
    *sheet = sb_sheet_at(model, old->Sheet, error);
    if (!*sheet)
        return FALSE;
    *name = sb_sheet_name(*sheet);
    SbRange all = { old->Sheet, 0, 0, cols - 1, rows - 1 };
    char *in_the_way = NULL;
    if ((*message = sb_guard_refusal(model, *sheet, *name)) ||
        !sb_guard_free(*sheet, *name, &all, old, &in_the_way, error)) {
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
