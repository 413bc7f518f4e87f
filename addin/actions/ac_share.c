/* ac_share.c - Share copy: store the document to the target, load that copy hidden,
 * replace our formula cells by their values, store and close it. The open document is only
 * read (storeToURL neither moves its location nor clears its modified flag). */
#include "ac_share.h"

#include "cu_string.h"
#include "cc_sheet.h"
#include "tx_text.h"

#include <osl/file.h>
#include <string.h>

#define OUR_PREFIX_LOWER "org.pipecalc.pipelinefunctions."
enum { CONTENT_FORMULA = 16 };          /* com.sun.star.sheet.CellFlags.FORMULA */

/* ---- small UNO helpers ---------------------------------------------------------------- */

static void destruct_seq(uno_Sequence **seq, const char *type_name)
{
    if (!*seq)
        return;
    typelib_TypeDescriptionReference *type = NULL;
    typelib_typedescriptionreference_newByAsciiName(&type, typelib_TypeClass_SEQUENCE, type_name);
    uno_type_destructData(seq, type, NULL);
    typelib_typedescriptionreference_release(type);
}

/* A media descriptor of one string property (NAME = VALUE) and one boolean property
 * BOOL_NAME = true. Free with cu_props_free. */
static uno_Sequence *media_descriptor(const char *name, const char *value, const char *bool_name)
{
    uno_Sequence *seq = cu_props_new(2);
    if (seq) {
        sal_Bool yes = sal_True;
        cu_props_put_str(seq, 0, name, value);
        cu_props_put(seq, 1, bool_name, &yes, *typelib_static_type_getByTypeClass(typelib_TypeClass_BOOLEAN));
    }
    return seq;
}

/* TRUE when FORMULA (API grammar) calls one of our functions. */
static gboolean calls_ours(const rtl_uString *formula)
{
    if (formula->length < (sal_Int32)strlen(OUR_PREFIX_LOWER))
        return FALSE;
    char *f = cu_ustr_to_utf8(formula);
    char *lower = g_ascii_strdown(f, -1);
    gboolean ours = strstr(lower, OUR_PREFIX_LOWER) != NULL;
    g_free(lower);
    g_free(f);
    return ours;
}

/* ---- walking the formula cells -------------------------------------------------------- */

typedef struct {
    gboolean replace;      /* FALSE: only count (the open document) */
    gsize cells;           /* cells calling our functions */
    char *protected_sheet; /* first protected sheet holding some (g_free) */
    GArray *done;          /* CuRange: array blocks already replaced */
} Walk;

static gboolean in_done(const Walk *w, sal_Int32 col, sal_Int32 row)
{
    for (guint i = 0; w->done && i < w->done->len; i++) {
        const CuRange *r = &g_array_index(w->done, CuRange, i);
        if (col >= r->StartColumn && col <= r->EndColumn && row >= r->StartRow && row <= r->EndRow)
            return TRUE;
    }
    return FALSE;
}

/* The array formula block holding cell COL, ROW of SHEET. */
static gboolean array_block(uno_Interface *sheet, sal_Int16 index, sal_Int32 col, sal_Int32 row,
                            CuRange *block, GError **error)
{
    static CuMethod create_cursor = CU_METHOD("com.sun.star.sheet.XSpreadsheet", "createCursorByRange");
    static CuMethod collapse = CU_METHOD("com.sun.star.sheet.XSheetCellCursor", "collapseToCurrentArray");
    static CuMethod get_address = CU_METHOD("com.sun.star.sheet.XCellRangeAddressable", "getRangeAddress");
    CuRange one = { index, col, row, col, row };
    uno_Interface *range = cc_range(sheet, &one, error);
    uno_Interface *arg = range ? cu_query(range, "com.sun.star.sheet.XSheetCellRange") : NULL;
    cu_release(range);
    if (!arg)
        return FALSE;
    void *args[1] = { &arg };
    uno_Interface *cursor = cu_call_iface(sheet, &create_cursor, args, NULL, error);
    arg->release(arg);
    gboolean ok = cursor && cu_call(cursor, &collapse, NULL, NULL, error) &&
                  cu_call(cursor, &get_address, block, NULL, error);
    cu_release(cursor);
    return ok;
}

/* Replace the cells of BLOCK (an array block when ARRAY) by the values they show; an error
 * value becomes its text ("#N/A"). */
static gboolean replace_block(uno_Interface *sheet, const CuRange *block, gboolean array,
                              GError **error)
{
    static CuMethod get_data = CU_METHOD("com.sun.star.sheet.XCellRangeData", "getDataArray");
    static CuMethod by_position = CU_METHOD("com.sun.star.table.XCellRange", "getCellByPosition");
    static CuMethod get_string = CU_METHOD("com.sun.star.text.XTextRange", "getString");
    static CuMethod set_string = CU_METHOD("com.sun.star.text.XTextRange", "setString");
    static CuMethod set_value = CU_METHOD("com.sun.star.table.XCell", "setValue");
    static CuMethod set_array = CU_METHOD("com.sun.star.sheet.XArrayFormulaRange", "setArrayFormula");
    uno_Interface *range = cc_range(sheet, block, error);
    uno_Sequence *rows = NULL;
    if (!range || !cu_call(range, &get_data, &rows, NULL, error)) {
        cu_release(range);
        return FALSE;
    }
    sal_Int32 n_rows = rows->nElements;
    sal_Int32 n_cols = n_rows ? ((uno_Sequence **)rows->elements)[0]->nElements : 0;
    /* the texts of error cells, read before the formulas go */
    rtl_uString **texts = g_new0(rtl_uString *, (gsize)n_rows * (gsize)MAX(n_cols, 1));
    gboolean ok = TRUE;
    for (sal_Int32 i = 0; i < n_rows && ok; i++) {
        const uno_Any *row = (const uno_Any *)((uno_Sequence **)rows->elements)[i]->elements;
        for (sal_Int32 j = 0; j < n_cols && ok; j++) {
            typelib_TypeClass tc = row[j].pType->eTypeClass;
            if (tc == typelib_TypeClass_DOUBLE || tc == typelib_TypeClass_STRING)
                continue;
            void *args[2] = { &j, &i };
            uno_Interface *cell = cu_call_iface(range, &by_position, args, NULL, error);
            ok = cell && cu_call(cell, &get_string, &texts[i * n_cols + j], NULL, error);
            cu_release(cell);
        }
    }
    if (ok && array) {
        rtl_uString *empty = cu_ustr_from_utf8(""); /* "" takes the array formula away */
        void *args[1] = { &empty };
        ok = cu_call(range, &set_array, NULL, args, error);
        rtl_uString_release(empty);
    }
    for (sal_Int32 i = 0; i < n_rows && ok; i++) {
        const uno_Any *row = (const uno_Any *)((uno_Sequence **)rows->elements)[i]->elements;
        for (sal_Int32 j = 0; j < n_cols && ok; j++) {
            void *pos[2] = { &j, &i };
            uno_Interface *cell = cu_call_iface(range, &by_position, pos, NULL, error);
            const uno_Any *a = &row[j];
            rtl_uString *text = texts[i * n_cols + j];
            void *args[1] = { text ? (void *)&text : a->pData };
            if (!cell)
                ok = FALSE;
            else if (!text && a->pType->eTypeClass == typelib_TypeClass_DOUBLE)
                ok = cu_call(cell, &set_value, NULL, args, error);
            else
                ok = cu_call(cell, &set_string, NULL, args, error);
            cu_release(cell);
        }
    }
    for (gsize k = 0; k < (gsize)n_rows * (gsize)n_cols; k++)
        if (texts[k])
            rtl_uString_release(texts[k]);
    g_free(texts);
    destruct_seq(&rows, "[][]any");
    range->release(range);
    return ok;
}

/* Count (and with W->replace, replace) our formula cells on SHEET number INDEX. */
static gboolean walk_sheet(Walk *w, uno_Interface *sheet, sal_Int16 index, GError **error)
{
    static CuMethod query = CU_METHOD("com.sun.star.sheet.XCellRangesQuery", "queryContentCells");
    static CuMethod addresses = CU_METHOD("com.sun.star.sheet.XSheetCellRanges", "getRangeAddresses");
    static CuMethod get_formulas = CU_METHOD("com.sun.star.sheet.XCellRangeFormula", "getFormulaArray");
    sal_Int16 flags = CONTENT_FORMULA;
    void *qargs[1] = { &flags };
    uno_Interface *ranges = cu_call_iface(sheet, &query, qargs, NULL, error);
    uno_Sequence *addrs = NULL;
    if (!ranges || !cu_uno_check_layouts() || !cu_call(ranges, &addresses, &addrs, NULL, error)) {
        cu_release(ranges);
        return ranges == NULL && !(error && *error); /* no formula at all */
    }
    ranges->release(ranges);
    gsize before = w->cells;
    gboolean ok = TRUE;
    for (sal_Int32 k = 0; k < addrs->nElements && ok; k++) {
        const CuRange *a = &((const CuRange *)addrs->elements)[k];
        uno_Interface *range = cc_range(sheet, a, error);
        uno_Sequence *formulas = NULL;
        if (!range || !cu_call(range, &get_formulas, &formulas, NULL, error)) {
            cu_release(range);
            ok = FALSE;
            break;
        }
        range->release(range);
        for (sal_Int32 i = 0; i < formulas->nElements && ok; i++) {
            const uno_Sequence *row = ((uno_Sequence **)formulas->elements)[i];
            for (sal_Int32 j = 0; j < row->nElements && ok; j++) {
                const rtl_uString *f = ((rtl_uString *const *)row->elements)[j];
                sal_Int32 col = a->StartColumn + j, rw = a->StartRow + i;
                if (!calls_ours(f) || in_done(w, col, rw))
                    continue;
                if (!w->replace) {
                    w->cells++;
                    continue;
                }
                CuRange block = { index, col, rw, col, rw };
                gboolean array = f->length > 0 && f->buffer[0] == '{';
                ok = (!array || array_block(sheet, index, col, rw, &block, error)) &&
                     replace_block(sheet, &block, array, error);
                if (ok && array)
                    g_array_append_val(w->done, block);
                w->cells += (gsize)(block.EndRow - block.StartRow + 1) *
                            (gsize)(block.EndColumn - block.StartColumn + 1);
            }
        }
        destruct_seq(&formulas, "[][]string");
    }
    cu_ranges_free(addrs);
    if (ok && w->cells > before && !w->protected_sheet && cc_sheet_protected(sheet))
        w->protected_sheet = cc_sheet_name(sheet);
    return ok;
}

/* Walk every sheet of MODEL. */
static gboolean walk(Walk *w, uno_Interface *model, GError **error)
{
    static CuMethod count = CU_METHOD("com.sun.star.container.XIndexAccess", "getCount");
    uno_Interface *sheets = cc_sheets(model, error);
    sal_Int32 n = 0;
    gboolean ok = sheets && cu_call(sheets, &count, &n, NULL, error);
    cu_release(sheets);
    for (sal_Int32 s = 0; s < n && ok; s++) {
        uno_Interface *sheet = cc_sheet_at(model, (sal_Int16)s, error);
        if (w->done)
            g_array_set_size(w->done, 0);
        ok = sheet && walk_sheet(w, sheet, (sal_Int16)s, error);
        cu_release(sheet);
    }
    return ok;
}

/* ---- the action ------------------------------------------------------------------------ */

/* "<location without extension> (values).ods", or NULL when MODEL was never saved. */
static char *target_next_to(uno_Interface *model, GError **error)
{
    static CuMethod get_location = CU_METHOD("com.sun.star.frame.XStorable", "getLocation");
    rtl_uString *loc = NULL;
    if (!cu_call(model, &get_location, &loc, NULL, error))
        return NULL;
    char *url = cu_ustr_to_utf8(loc);
    rtl_uString_release(loc);
    if (!g_str_has_prefix(url, "file:")) { /* new documents have no location */
        g_free(url);
        return NULL;
    }
    char *slash = strrchr(url, '/');
    char *dot = slash ? strrchr(slash, '.') : NULL;
    if (dot && dot > slash + 1)
        *dot = '\0';
    /* TRANSLATORS: the end of the copy's file URL: "%20" is a space, keep it */
    char *target = g_strconcat(url, _("%20(values).ods"), NULL);
    g_free(url);
    return target;
}

/* The system path of file URL (for messages; the URL itself when it is none) (g_free). */
static char *shown_path(const char *url)
{
    rtl_uString *u = cu_ustr_from_utf8(url), *path = NULL;
    char *shown = osl_getSystemPathFromFileURL(u, &path) == osl_File_E_None && path
                      ? cu_ustr_to_utf8(path)
                      : g_strdup(url);
    if (path)
        rtl_uString_release(path);
    rtl_uString_release(u);
    return shown;
}

/* The desktop's XComponentLoader, through CONTROLLER's frame. */
static uno_Interface *loader_of(uno_Interface *controller, GError **error)
{
    static CuMethod get_frame = CU_METHOD("com.sun.star.frame.XController", "getFrame");
    static CuMethod get_creator = CU_METHOD("com.sun.star.frame.XFrame", "getCreator");
    uno_Interface *frame = cu_call_iface(controller, &get_frame, NULL, NULL, error);
    uno_Interface *creator = frame ? cu_call_iface(frame, &get_creator, NULL,
                                                   "com.sun.star.frame.XComponentLoader", error)
                                   : NULL;
    cu_release(frame);
    if (!creator && error && !*error)
        g_set_error(error, CU_ERROR, CU_ERROR_MISSING, "no desktop to load the copy");
    return creator;
}

/* Store MODEL to URL as ODF, load that copy hidden, replace, store, close. The number of
 * replaced cells into *CELLS. */
static gboolean write_copy(uno_Interface *controller, uno_Interface *model, const char *url,
                           gsize *cells, GError **error)
{
    static CuMethod store_to = CU_METHOD("com.sun.star.frame.XStorable", "storeToURL");
    static CuMethod store = CU_METHOD("com.sun.star.frame.XStorable", "store");
    static CuMethod load = CU_METHOD("com.sun.star.frame.XComponentLoader", "loadComponentFromURL");
    static CuMethod close = CU_METHOD("com.sun.star.util.XCloseable", "close");
    rtl_uString *u = cu_ustr_from_utf8(url);
    uno_Sequence *filter = media_descriptor("FilterName", "calc8", "Overwrite");
    void *sargs[2] = { &u, &filter };
    gboolean ok = filter && cu_call(model, &store_to, NULL, sargs, error);
    cu_props_free(filter);
    uno_Interface *loader = ok ? loader_of(controller, error) : NULL;
    uno_Interface *copy = NULL;
    uno_Sequence *hidden = loader ? media_descriptor("FilterName", "calc8", "Hidden") : NULL;
    if (hidden) {
        rtl_uString *frame = cu_ustr_from_utf8("_blank");
        sal_Int32 flags = 0;
        void *largs[4] = { &u, &frame, &flags, &hidden };
        copy = cu_call_iface(loader, &load, largs, "com.sun.star.frame.XModel", error);
        rtl_uString_release(frame);
        cu_props_free(hidden);
    }
    cu_release(loader);
    ok = copy != NULL;
    if (ok) {
        Walk w = { TRUE, 0, NULL, g_array_new(FALSE, FALSE, sizeof(CuRange)) };
        ok = walk(&w, copy, error) && cu_call(copy, &store, NULL, NULL, error);
        *cells = w.cells;
        g_array_free(w.done, TRUE);
        g_free(w.protected_sheet);
        sal_Bool yes = sal_True;
        void *cargs[1] = { &yes };
        if (!cu_call(copy, &close, NULL, cargs, NULL)) { /* vetoed: dispose it anyway */
            static CuMethod dispose = CU_METHOD("com.sun.star.lang.XComponent", "dispose");
            cu_call(copy, &dispose, NULL, NULL, NULL);
        }
        copy->release(copy);
    }
    rtl_uString_release(u);
    return ok;
}

gboolean ac_share_run(uno_Interface *controller, const char *url, char **message)
{
    static CuMethod get_location = CU_METHOD("com.sun.star.frame.XStorable", "getLocation");
    *message = NULL;
    GError *error = NULL;
    uno_Interface *model = cc_model(controller, &error);
    char *target = NULL;
    gboolean ok = FALSE;
    Walk w = { FALSE, 0, NULL, NULL };
    if (model && (!url || !*url)) {
        target = target_next_to(model, &error);
        if (!target && !error)
            *message = g_strdup(_("Save the document first: the copy is saved next to it. "
                                  "Nothing was written."));
    } else if (model) {
        target = g_strdup(url);
    }
    if (target) {
        rtl_uString *loc = NULL;
        char *own = cu_call(model, &get_location, &loc, NULL, NULL) ? cu_ustr_to_utf8(loc) : NULL;
        if (loc)
            rtl_uString_release(loc);
        if (!g_str_has_prefix(target, "file:"))
            *message = g_strdup(_("The copy can only be saved to a file (a file:// URL). "
                                  "Nothing was written."));
        else if (own && strcmp(own, target) == 0)
            *message = g_strdup(_("The copy would replace the document itself: choose another "
                                  "file. Nothing was written."));
        else if (walk(&w, model, &error)) {
            if (w.protected_sheet)
                *message = g_strdup_printf(_("The sheet %s is protected: remove the protection "
                                             "(Tools > Protect Sheet) and try again. Nothing "
                                             "was written."), w.protected_sheet);
            else if (w.cells == 0)
                *message = g_strdup(_("No cell calls a Pipecalc function: the document can be "
                                      "shared as it is. Nothing was written."));
            else {
                gsize replaced = 0;
                ok = write_copy(controller, model, target, &replaced, &error);
                if (ok) {
                    char *path = shown_path(target);
                    *message = g_strdup_printf(tx_n("Saved a copy to share: %s, with %zu cell of a "
                                                    "Pipecalc function replaced by its value. "
                                                    "Your document is unchanged.",
                                                    "Saved a copy to share: %s, with %zu cells of "
                                                    "Pipecalc functions replaced by their values. "
                                                    "Your document is unchanged.", replaced),
                                               path, replaced);
                    g_free(path);
                }
            }
        }
        g_free(own);
    }
    if (error || (!ok && !*message)) {
        ok = FALSE;
        g_free(*message);
        *message = g_strdup_printf(_("Saving the copy failed: %s. Your document is unchanged; "
                                     "a copy already written may still hold Pipecalc formulas."), error ? error->message : "unexpected failure");
        if (error)
            g_error_free(error);
    }
    g_free(w.protected_sheet);
    g_free(target);
    cu_release(model);
    return ok;
}
