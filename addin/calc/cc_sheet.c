/* cc_sheet.c - Calc operations over cu_call; each call site names its method once. */
#include "cc_sheet.h"

#include "cc_undo.h"

#include "cu_convert.h"
#include "cu_string.h"
#include "pc_refs.h"
#include "tx.h"

#include <string.h>

#define RANGE_ADDRESSABLE "com.sun.star.sheet.XCellRangeAddressable"

/* Fail with "what" when a call returned nothing without raising. */
static uno_Interface *need(uno_Interface *i, const char *what, GError **error)
{
    if (!i && error && !*error)
        g_set_error(error, CU_ERROR, CU_ERROR_MISSING, "%s is missing", what);
    return i;
}

uno_Interface *cc_model(uno_Interface *controller, GError **error)
{
    static CuMethod get_model = CU_METHOD("com.sun.star.frame.XController", "getModel");
    return need(cu_call_iface(controller, &get_model, NULL, NULL, error), "the document", error);
}

/* The address of a range object (XCellRangeAddressable). */
static gboolean address_of(uno_Interface *range, CuRange *r, GError **error)
{
    static CuMethod get_address = CU_METHOD(RANGE_ADDRESSABLE, "getRangeAddress");
    if (!cu_uno_check_layouts()) {
        g_set_error(error, CU_ERROR, CU_ERROR_TYPES, "unexpected CellRangeAddress layout");
        return FALSE;
    }
    return cu_call(range, &get_address, r, NULL, error);
}

/* Append the addresses of RANGES (an XSheetCellRanges: a query's answer, a selection of
 * several ranges) to OUT, a GArray of CuRange. */
static gboolean append_addresses(uno_Interface *ranges, GArray *out, GError **error)
{
    static CuMethod addresses = CU_METHOD("com.sun.star.sheet.XSheetCellRanges", "getRangeAddresses");
    uno_Sequence *seq = NULL;
    if (!cu_uno_check_layouts()) {
        g_set_error(error, CU_ERROR, CU_ERROR_TYPES, "unexpected CellRangeAddress layout");
        return FALSE;
    }
    if (!cu_call(ranges, &addresses, &seq, NULL, error))
        return FALSE;
    g_array_append_vals(out, seq->elements, (guint)seq->nElements);
    cu_ranges_free(seq);
    return TRUE;
}

/* The addresses of RANGES (see append_addresses): a GArray of CuRange, NULL with ERROR. */
static GArray *addresses_of(uno_Interface *ranges, GError **error)
{
    GArray *a = g_array_new(FALSE, FALSE, sizeof(CuRange));
    if (append_addresses(ranges, a, error))
        return a;
    g_array_free(a, TRUE);
    return NULL;
}

/* The first range of RANGES (XSheetCellRanges) into *R; FALSE when it has none. */
static gboolean first_range(uno_Interface *ranges, CuRange *r)
{
    GArray *a = addresses_of(ranges, NULL);
    gboolean some = a && a->len > 0;
    if (some)
        *r = g_array_index(a, CuRange, 0);
    if (a)
        g_array_free(a, TRUE);
    return some;
}

uno_Interface *cc_cursor(uno_Interface *controller, CuCell *cursor, GError **error)
{
    static CuMethod get_selection = CU_METHOD("com.sun.star.view.XSelectionSupplier", "getSelection");
    static CuMethod get_active = CU_METHOD("com.sun.star.sheet.XSpreadsheetView", "getActiveSheet");
    uno_Any sel;
    if (!cu_call(controller, &get_selection, &sel, NULL, error))
        return NULL;
    uno_Interface *range = cu_any_query(&sel, RANGE_ADDRESSABLE);
    /* several ranges (the visible parts of a range in a filtered table, as Calc selects
     * them after an undo there): the first one */
    uno_Interface *ranges = range ? NULL : cu_any_query(&sel, "com.sun.star.sheet.XSheetCellRanges");
    uno_any_destruct(&sel, NULL);
    CuRange r;
    gboolean ok = range ? address_of(range, &r, error) : ranges && first_range(ranges, &r);
    cu_release(range);
    cu_release(ranges);
    if (!ok)
        return need(NULL, "a selected cell", error);
    cursor->Sheet = r.Sheet;
    cursor->Column = r.StartColumn;
    cursor->Row = r.StartRow;
    return need(cu_call_iface(controller, &get_active, NULL, "com.sun.star.sheet.XSpreadsheet", error),
                "the active sheet", error);
}

uno_Interface *cc_sheet_at(uno_Interface *model, sal_Int16 index, GError **error)
{
    static CuMethod get_sheets = CU_METHOD("com.sun.star.sheet.XSpreadsheetDocument", "getSheets");
    static CuMethod by_index = CU_METHOD("com.sun.star.container.XIndexAccess", "getByIndex");
    uno_Interface *sheets = need(cu_call_iface(model, &get_sheets, NULL, NULL, error), "sheets", error);
    if (!sheets)
        return NULL;
    sal_Int32 i = index;
    void *args[1] = { &i };
    uno_Interface *sheet = cu_call_any_iface(sheets, &by_index, args, "com.sun.star.sheet.XSpreadsheet",
                                             error);
    sheets->release(sheets);
    return sheet;
}

uno_Interface *cc_range(uno_Interface *sheet, const CuRange *r, GError **error)
{
    static CuMethod by_position = CU_METHOD("com.sun.star.table.XCellRange", "getCellRangeByPosition");
    sal_Int32 a = r->StartColumn, b = r->StartRow, c = r->EndColumn, d = r->EndRow;
    void *args[4] = { &a, &b, &c, &d };
    return need(cu_call_iface(sheet, &by_position, args, NULL, error), "the cell range", error);
}

uno_Interface *cc_cell(uno_Interface *sheet, sal_Int32 col, sal_Int32 row, GError **error)
{
    static CuMethod by_position = CU_METHOD("com.sun.star.table.XCellRange", "getCellByPosition");
    void *args[2] = { &col, &row };
    return cu_call_iface(sheet, &by_position, args, NULL, error);
}

gboolean cc_region(uno_Interface *sheet, const CuCell *cell, CuRange *region, GError **error)
{
    static CuMethod create_cursor = CU_METHOD("com.sun.star.sheet.XSpreadsheet", "createCursorByRange");
    static CuMethod collapse = CU_METHOD("com.sun.star.sheet.XSheetCellCursor", "collapseToCurrentRegion");
    CuRange one = { cell->Sheet, cell->Column, cell->Row, cell->Column, cell->Row };
    uno_Interface *range = cc_range(sheet, &one, error);
    uno_Interface *arg = range ? cu_query(range, "com.sun.star.sheet.XSheetCellRange") : NULL;
    cu_release(range);
    if (!arg)
        return need(NULL, "the cursor cell", error) != NULL;
    void *args[1] = { &arg };
    uno_Interface *cursor = need(cu_call_iface(sheet, &create_cursor, args, NULL, error), "a cursor", error);
    arg->release(arg);
    gboolean ok = cursor && cu_call(cursor, &collapse, NULL, NULL, error) &&
                  address_of(cursor, region, error);
    cu_release(cursor);
    return ok;
}

/* Destroy a sequence of type NAME ("[][]any"). */
static void sequence_destroy(uno_Sequence **seq, const char *name)
{
    typelib_TypeDescriptionReference *type = NULL;
    typelib_typedescriptionreference_newByAsciiName(&type, typelib_TypeClass_SEQUENCE, name);
    uno_type_destructData(seq, type, NULL);
    typelib_typedescriptionreference_release(type);
}

/* The error code of the formula cell COL, ROW of SHEET (XCell.getError), 0 unknown. */
static sal_Int32 error_code(uno_Interface *sheet, sal_Int32 col, sal_Int32 row)
{
    static CuMethod get_error = CU_METHOD("com.sun.star.table.XCell", "getError");
    uno_Interface *cell = cc_cell(sheet, col, row, NULL);
    sal_Int32 code = 0;
    if (!cell || !cu_call(cell, &get_error, &code, NULL, NULL))
        code = 0;
    cu_release(cell);
    return code;
}

/* Mark the cells of RANGE (R on SHEET, read into T) whose formula results in an error as
 * errors: getDataArray hands them over as empty. One query finds them all (Calc keeps
 * them in its formula cells' results), so a table without error cells costs one call;
 * each error cell found costs one getError for its code. */
static gboolean mark_errors(uno_Interface *sheet, uno_Interface *range, const CuRange *r, PcTable *t,
                            GError **error)
{
    static CuMethod query = CU_METHOD("com.sun.star.sheet.XCellRangesQuery", "queryFormulaCells");
    sal_Int16 flags = 4; /* com.sun.star.sheet.FormulaResult.ERROR */
    void *args[1] = { &flags };
    uno_Interface *found = cu_call_iface(range, &query, args, NULL, error);
    GArray *errors = found ? addresses_of(found, error) : NULL;
    cu_release(found);
    if (!errors)
        return need(NULL, "the error cells", error) != NULL;
    const CuRange *a = (const CuRange *)(const void *)errors->data;
    for (guint k = 0; k < errors->len; k++)
        for (sal_Int32 row = MAX(a[k].StartRow, r->StartRow); row <= MIN(a[k].EndRow, r->EndRow); row++)
            for (sal_Int32 col = MAX(a[k].StartColumn, r->StartColumn);
                 col <= MIN(a[k].EndColumn, r->EndColumn); col++)
                pc_table_set_error(t, (gsize)(row - r->StartRow), (gsize)(col - r->StartColumn),
                                   (int)error_code(sheet, col, row));
    g_array_free(errors, TRUE);
    return TRUE;
}

PcTable *cc_read(uno_Interface *sheet, const CuRange *r, GError **error)
{
    static CuMethod get_data = CU_METHOD("com.sun.star.sheet.XCellRangeData", "getDataArray");
    uno_Interface *range = cc_range(sheet, r, error);
    uno_Sequence *rows = NULL;
    if (!range || !cu_call(range, &get_data, &rows, NULL, error)) {
        cu_release(range);
        return NULL;
    }
    PcTable *t = cu_table_from_any_rows(rows);
    sequence_destroy(&rows, "[][]any");
    if (!t)
        g_set_error(error, CU_ERROR, CU_ERROR_TOO_LARGE, "the table is too large");
    if (t && !mark_errors(sheet, range, r, t, error)) {
        pc_table_free(t);
        t = NULL;
    }
    range->release(range);
    return t;
}

/* Write one any into CELL (an XCell): a number or a non-empty text. */
static gboolean write_cell(uno_Interface *cell, const uno_Any *a, GError **error)
{
    static CuMethod set_value = CU_METHOD("com.sun.star.table.XCell", "setValue");
    static CuMethod set_string = CU_METHOD("com.sun.star.text.XTextRange", "setString");
    void *args[1] = { a->pData };
    if (a->pType->eTypeClass == typelib_TypeClass_DOUBLE)
        return cu_call(cell, &set_value, NULL, args, error);
    return cu_call(cell, &set_string, NULL, args, error);
}

/* TRUE when GRID is as tall and wide as R; else the error (our bug: never write shifted). */
static gboolean grid_fits(const CuRange *r, uno_Sequence *grid, GError **error)
{
    gboolean fits = grid->nElements == r->EndRow - r->StartRow + 1;
    for (sal_Int32 i = 0; fits && i < grid->nElements; i++)
        fits = ((uno_Sequence **)grid->elements)[i]->nElements == r->EndColumn - r->StartColumn + 1;
    if (!fits)
        g_set_error(error, CU_ERROR, CU_ERROR_INTERNAL, "internal error: the values do not fit the range");
    return fits;
}

gboolean cc_write(uno_Interface *sheet, const CuRange *r, uno_Sequence *grid, GError **error)
{
    static CuMethod by_position = CU_METHOD("com.sun.star.table.XCellRange", "getCellByPosition");
    if (!grid_fits(r, grid, error))
        return FALSE;
    /* Empty texts are skipped: the target is empty or cleared. */
    for (sal_Int32 i = 0; i < grid->nElements; i++) {
        const uno_Sequence *row = ((uno_Sequence **)grid->elements)[i];
        for (sal_Int32 j = 0; j < row->nElements; j++) {
            const uno_Any *a = &((const uno_Any *)row->elements)[j];
            if (a->pType->eTypeClass == typelib_TypeClass_STRING &&
                (*(rtl_uString *const *)a->pData)->length == 0)
                continue;
            sal_Int32 col = r->StartColumn + j, rw = r->StartRow + i;
            void *args[2] = { &col, &rw };
            uno_Interface *cell = cu_call_iface(sheet, &by_position, args, NULL, error);
            gboolean ok = cell && write_cell(cell, a, error);
            cu_release(cell);
            if (!ok)
                return need(NULL, "a cell", error) != NULL;
        }
    }
    return TRUE;
}

/* *EMPTY: R (RANGE on its sheet) holds nothing at all: no value, text, formula or note.
 * Asked of Calc's queries, not read: the empty cells of R are R itself, and no note is in
 * it. (queryContentCells with value flags is no help: 7.4 answers a range of the sheet's
 * other cells even for an empty R; for notes it answers right.) */
static gboolean range_empty(uno_Interface *range, const CuRange *r, gboolean *empty, GError **error)
{
    static CuMethod query_empty = CU_METHOD("com.sun.star.sheet.XCellRangesQuery", "queryEmptyCells");
    static CuMethod query_content = CU_METHOD("com.sun.star.sheet.XCellRangesQuery", "queryContentCells");
    sal_Int16 notes = 8; /* CellFlags ANNOTATION */
    void *args[1] = { &notes };
    *empty = FALSE;
    uno_Interface *blank = cu_call_iface(range, &query_empty, NULL, NULL, error);
    uno_Interface *noted = blank ? cu_call_iface(range, &query_content, args, NULL, error) : NULL;
    GArray *b = noted ? addresses_of(blank, error) : NULL;
    GArray *n = b ? addresses_of(noted, error) : NULL;
    cu_release(blank);
    cu_release(noted);
    gboolean ok = n != NULL;
    if (ok) {
        const CuRange *a = &g_array_index(b, CuRange, 0);
        *empty = b->len == 1 && n->len == 0 && a->StartColumn == r->StartColumn &&
                 a->EndColumn == r->EndColumn && a->StartRow == r->StartRow && a->EndRow == r->EndRow;
    }
    if (b)
        g_array_free(b, TRUE);
    if (n)
        g_array_free(n, TRUE);
    return ok || need(NULL, "the cells' contents", error) != NULL;
}

gboolean cc_write_block(uno_Interface *undo, uno_Interface *sheet, const CuRange *r, uno_Sequence *grid,
                        GError **error)
{
    static CuMethod set_data = CU_METHOD("com.sun.star.sheet.XCellRangeData", "setDataArray");
    if (!grid_fits(r, grid, error))
        return FALSE;
    uno_Interface *range = cc_range(sheet, r, error);
    gboolean empty = FALSE;
    if (!range || !range_empty(range, r, &empty, error)) {
        cu_release(range);
        return FALSE;
    }
    /* One setDataArray is one undo action, whose undo leaves what it wrote into empty cells
     * (cc_undo.h): ours, recorded before it and so undone after it, empties them again.
     * setDataArray clears the block first - notes too - and skips empty texts: a block
     * holding anything (a note on an empty cell) is written cell by cell instead, each
     * write its own exact undo action. */
    gboolean ok;
    if (empty) {
        void *args[1] = { &grid };
        ok = cc_undo_add_clear(undo, range, error) && cu_call(range, &set_data, NULL, args, error);
    } else {
        ok = cc_write(sheet, r, grid, error);
    }
    range->release(range);
    return ok;
}

gboolean cc_clear(uno_Interface *sheet, const CuRange *r, GError **error)
{
    static CuMethod clear = CU_METHOD("com.sun.star.sheet.XSheetOperation", "clearContents");
    /* CellFlags VALUE | DATETIME | STRING | FORMULA | HARDATTR: keeps notes and styles */
    sal_Int32 flags = 1 | 2 | 4 | 16 | 32;
    uno_Interface *range = cc_range(sheet, r, error);
    void *args[1] = { &flags };
    gboolean ok = range && cu_call(range, &clear, NULL, args, error);
    cu_release(range);
    return ok;
}

gboolean cc_set_formula(uno_Interface *sheet, sal_Int32 col, sal_Int32 row, const char *formula,
                        GError **error)
{
    static CuMethod by_position = CU_METHOD("com.sun.star.table.XCellRange", "getCellByPosition");
    static CuMethod set_formula = CU_METHOD("com.sun.star.table.XCell", "setFormula");
    void *args[2] = { &col, &row };
    uno_Interface *cell = need(cu_call_iface(sheet, &by_position, args, NULL, error), "the cell", error);
    gboolean ok = cell && cu_call_str(cell, &set_formula, formula, NULL, error);
    cu_release(cell);
    return ok;
}

gboolean cc_number_format(uno_Interface *model, uno_Interface *sheet, const CuRange *r,
                          sal_Int16 type, GError **error)
{
    static CuMethod get_formats = CU_METHOD("com.sun.star.util.XNumberFormatsSupplier", "getNumberFormats");
    static CuMethod standard = CU_METHOD("com.sun.star.util.XNumberFormatTypes", "getStandardFormat");
    uno_Interface *formats = need(cu_call_iface(model, &get_formats, NULL, NULL, error), "number formats",
                                  error);
    CuStruct locale; /* empty Locale: the document's default */
    if (!formats || !cu_struct_init(&locale, "com.sun.star.lang.Locale")) {
        cu_release(formats);
        return need(NULL, "number formats", error) != NULL;
    }
    sal_Int32 key = 0;
    void *args[2] = { &type, locale.data };
    gboolean ok = cu_call(formats, &standard, &key, args, error);
    cu_struct_clear(&locale);
    formats->release(formats);
    uno_Interface *range = ok ? cc_range(sheet, r, error) : NULL;
    ok = range && cu_set_property(range, "NumberFormat", typelib_TypeClass_LONG, &key, error);
    cu_release(range);
    return ok;
}

gboolean cc_set_format(uno_Interface *sheet, const CuRange *r, sal_Int32 key, GError **error)
{
    uno_Interface *range = cc_range(sheet, r, error);
    gboolean ok = range && cu_set_property(range, "NumberFormat", typelib_TypeClass_LONG, &key, error);
    cu_release(range);
    return ok;
}

sal_Int32 cc_format_of(uno_Interface *sheet, const CuRange *cell)
{
    uno_Interface *range = cc_range(sheet, cell, NULL);
    uno_Any v;
    sal_Int32 key = -1;
    if (range && cu_get_property(range, "NumberFormat", &v, NULL)) {
        if (v.pType->eTypeClass == typelib_TypeClass_LONG)
            key = *(sal_Int32 *)v.pData;
        uno_any_destruct(&v, NULL);
    }
    cu_release(range);
    return key;
}

gboolean cc_format_is_date(uno_Interface *model, sal_Int32 key)
{
    static CuMethod get_formats = CU_METHOD("com.sun.star.util.XNumberFormatsSupplier", "getNumberFormats");
    static CuMethod by_key = CU_METHOD("com.sun.star.util.XNumberFormats", "getByKey");
    enum { NUMBER_FORMAT_DATE = 2 }; /* com.sun.star.util.NumberFormat: a bit of Type */
    uno_Interface *formats = cu_call_iface(model, &get_formats, NULL, NULL, NULL);
    void *args[1] = { &key };
    uno_Interface *format = formats ? cu_call_iface(formats, &by_key, args, NULL, NULL) : NULL;
    uno_Any v;
    gboolean date = FALSE;
    if (format && cu_get_property(format, "Type", &v, NULL)) {
        date = v.pType->eTypeClass == typelib_TypeClass_SHORT && (*(sal_Int16 *)v.pData & NUMBER_FORMAT_DATE);
        uno_any_destruct(&v, NULL);
    }
    cu_release(format);
    cu_release(formats);
    return date;
}

char *cc_sheet_name(uno_Interface *sheet)
{
    static CuMethod get_name = CU_METHOD("com.sun.star.container.XNamed", "getName");
    rtl_uString *name = NULL;
    if (!cu_call(sheet, &get_name, &name, NULL, NULL))
        return g_strdup("?");
    char *s = cu_ustr_to_utf8(name);
    rtl_uString_release(name);
    return s;
}

char *cc_range_ref(const char *sheet_name, const CuRange *r)
{
    return pc_ref_range(sheet_name, (gsize)r->StartRow, (gsize)r->StartColumn, (gsize)r->EndRow,
                        (gsize)r->EndColumn);
}

gboolean cc_insert_cells_right(uno_Interface *sheet, const CuRange *r, GError **error)
{
    static CuMethod insert = CU_METHOD("com.sun.star.sheet.XCellRangeMovement", "insertCells");
    sal_Int32 mode = 2; /* com.sun.star.sheet.CellInsertMode.RIGHT */
    CuRange range = *r;
    void *args[2] = { &range, &mode };
    return cu_uno_check_layouts() && cu_call(sheet, &insert, NULL, args, error);
}

char *cc_cell_ref(sal_Int32 col, sal_Int32 row)
{
    return pc_ref_cell((gsize)row, (gsize)col);
}

char *cc_range_text(const char *sheet_name, const CuRange *r)
{
    return pc_ref_text(sheet_name, (gsize)r->StartRow, (gsize)r->StartColumn, (gsize)r->EndRow,
                       (gsize)r->EndColumn);
}

gboolean cc_sheet_protected(uno_Interface *sheet)
{
    static CuMethod is_protected = CU_METHOD("com.sun.star.util.XProtectable", "isProtected");
    sal_Bool yes = sal_False;
    return cu_call(sheet, &is_protected, &yes, NULL, NULL) && yes;
}

gboolean cc_document_readonly(uno_Interface *model)
{
    static CuMethod is_readonly = CU_METHOD("com.sun.star.frame.XStorable", "isReadonly");
    sal_Bool yes = sal_False;
    return cu_call(model, &is_readonly, &yes, NULL, NULL) && yes;
}

/* The document's XNamedRanges. */
static uno_Interface *named_ranges(uno_Interface *model, GError **error)
{
    uno_Any a;
    if (!cu_get_property(model, "NamedRanges", &a, error))
        return NULL;
    uno_Interface *n = cu_any_query(&a, "com.sun.star.sheet.XNamedRanges");
    uno_any_destruct(&a, NULL);
    return need(n, "named ranges", error);
}

static gboolean has_name(uno_Interface *names, const char *name)
{
    static CuMethod has = CU_METHOD("com.sun.star.container.XNameAccess", "hasByName");
    sal_Bool yes = sal_False;
    return cu_call_str(names, &has, name, &yes, NULL) && yes;
}

gboolean cc_marker_get(uno_Interface *model, const char *name, CuRange *r)
{
    static CuMethod by_name = CU_METHOD("com.sun.star.container.XNameAccess", "getByName");
    static CuMethod referred = CU_METHOD("com.sun.star.sheet.XCellRangeReferrer", "getReferredCells");
    uno_Interface *names = named_ranges(model, NULL);
    if (!names || !has_name(names, name)) {
        cu_release(names);
        return FALSE;
    }
    uno_Any a;
    gboolean ok = cu_call_str(names, &by_name, name, &a, NULL);
    names->release(names);
    if (!ok)
        return FALSE;
    uno_Interface *named = cu_any_query(&a, "com.sun.star.sheet.XCellRangeReferrer");
    uno_any_destruct(&a, NULL);
    /* a name whose cells were deleted refers to nothing (#REF!) */
    uno_Interface *cells = named ? cu_call_iface(named, &referred, NULL, NULL, NULL) : NULL;
    cu_release(named);
    ok = cells && address_of(cells, r, NULL);
    cu_release(cells);
    return ok;
}

/* NAME is BASE or BASE_ followed by digits only. */
static gboolean names_mark_of(const char *name, const char *base)
{
    gsize n = strlen(base);
    if (strncmp(name, base, n) != 0)
        return FALSE;
    if (name[n] == 0)
        return TRUE;
    if (name[n] != '_' || !name[n + 1])
        return FALSE;
    for (const char *c = name + n + 1; *c; c++)
        if (!g_ascii_isdigit(*c))
            return FALSE;
    return TRUE;
}

char **cc_marker_names(uno_Interface *model, const char *base)
{
    static CuMethod names_of = CU_METHOD("com.sun.star.container.XNameAccess", "getElementNames");
    GPtrArray *out = g_ptr_array_new();
    uno_Interface *names = named_ranges(model, NULL);
    uno_Sequence *seq = NULL;
    if (names && cu_call(names, &names_of, &seq, NULL, NULL)) {
        rtl_uString *const *s = (rtl_uString *const *)(const void *)seq->elements;
        for (sal_Int32 i = 0; i < seq->nElements; i++) {
            char *name = cu_ustr_to_utf8(s[i]);
            if (names_mark_of(name, base))
                g_ptr_array_add(out, name);
            else
                g_free(name);
        }
        sequence_destroy(&seq, "[]string");
    }
    cu_release(names);
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}

gboolean cc_marker_set(uno_Interface *model, const char *name, const char *sheet_name,
                       const CuRange *r, GError **error)
{
    static CuMethod remove = CU_METHOD("com.sun.star.sheet.XNamedRanges", "removeByName");
    static CuMethod add = CU_METHOD("com.sun.star.sheet.XNamedRanges", "addNewByName");
    uno_Interface *names = named_ranges(model, error);
    if (!names)
        return FALSE;
    gboolean ok = !has_name(names, name) || cu_call_str(names, &remove, name, NULL, error);
    if (ok) {
        rtl_uString *n = cu_ustr_from_utf8(name);
        char *ref = cc_range_ref(sheet_name, r);
        rtl_uString *content = cu_ustr_from_utf8(ref);
        CuCell pos = { r->Sheet, r->StartColumn, r->StartRow };
        sal_Int32 type = 0; /* a plain name, usable in formulas */
        void *args[4] = { &n, &content, &pos, &type };
        ok = cu_call(names, &add, NULL, args, error);
        rtl_uString_release(content);
        rtl_uString_release(n);
        g_free(ref);
    }
    names->release(names);
    return ok;
}

uno_Interface *cc_undo_manager(uno_Interface *model, GError **error)
{
    static CuMethod get = CU_METHOD("com.sun.star.document.XUndoManagerSupplier", "getUndoManager");
    return need(cu_call_iface(model, &get, NULL, NULL, error), "the undo manager", error);
}

gboolean cc_undo_enter(uno_Interface *undo, const char *title, GError **error)
{
    static CuMethod enter = CU_METHOD("com.sun.star.document.XUndoManager", "enterUndoContext");
    return cu_call_str(undo, &enter, title, NULL, error);
}

gboolean cc_undo_leave(uno_Interface *undo, GError **error)
{
    static CuMethod leave = CU_METHOD("com.sun.star.document.XUndoManager", "leaveUndoContext");
    return cu_call(undo, &leave, NULL, NULL, error);
}

gboolean cc_undo_last(uno_Interface *undo, GError **error)
{
    static CuMethod undo_m = CU_METHOD("com.sun.star.document.XUndoManager", "undo");
    return cu_call(undo, &undo_m, NULL, NULL, error);
}

/* ---- sheets and charts (moved here from ac_forecast.c for the funnel) ---------------- */

uno_Interface *cc_sheets(uno_Interface *model, GError **error)
{
    static CuMethod get_sheets = CU_METHOD("com.sun.star.sheet.XSpreadsheetDocument", "getSheets");
    return cu_call_iface(model, &get_sheets, NULL, NULL, error);
}

static gboolean sheet_exists(uno_Interface *sheets, const char *name)
{
    static CuMethod has = CU_METHOD("com.sun.star.container.XNameAccess", "hasByName");
    sal_Bool yes = sal_False;
    return cu_call_str(sheets, &has, name, &yes, NULL) && yes;
}

char *cc_free_sheet_name(uno_Interface *sheets, const char *base)
{
    char *name = g_strdup(base);
    for (int i = 2; sheet_exists(sheets, name) && i < 1000; i++) {
        g_free(name);
        name = g_strdup_printf("%s %d", base, i);
    }
    return name;
}

uno_Interface *cc_insert_sheet(uno_Interface *model, const char *name, sal_Int16 *index,
                               GError **error)
{
    static CuMethod count = CU_METHOD("com.sun.star.container.XIndexAccess", "getCount");
    static CuMethod insert = CU_METHOD("com.sun.star.sheet.XSpreadsheets", "insertNewByName");
    uno_Interface *sheets = cc_sheets(model, error);
    sal_Int32 n = 0;
    gboolean ok = sheets && cu_call(sheets, &count, &n, NULL, error);
    if (ok) {
        rtl_uString *s = cu_ustr_from_utf8(name);
        sal_Int16 pos = (sal_Int16)n;
        void *args[2] = { &s, &pos };
        ok = cu_call(sheets, &insert, NULL, args, error);
        rtl_uString_release(s);
    }
    cu_release(sheets);
    *index = (sal_Int16)n;
    return ok ? cc_sheet_at(model, (sal_Int16)n, error) : NULL;
}

/* ---- the document's date system --------------------------------------------------------- */

PcDates cc_document_dates(uno_Interface *model)
{
    PcDates dates = pc_dates_default();
    uno_Any a;
    if (!model || !cu_get_property(model, "NullDate", &a, NULL))
        return dates;
    CuStruct date; /* com.sun.star.util.Date { unsigned short Day, Month; short Year } */
    if (a.pType->eTypeClass == typelib_TypeClass_STRUCT && cu_struct_init(&date, "com.sun.star.util.Date")) {
        if (typelib_typedescriptionreference_equals(a.pType, date.td->pWeakRef)) {
            CuStruct held = { date.td, a.pData };
            dates = pc_dates_with_null(*(sal_Int16 *)cu_struct_field(&held, "Year"),
                                       *(sal_uInt16 *)cu_struct_field(&held, "Month"),
                                       *(sal_uInt16 *)cu_struct_field(&held, "Day"));
        }
        cu_struct_clear(&date);
    }
    uno_any_destruct(&a, NULL);
    return dates;
}

double cc_today(const PcDates *dates)
{
    /* TODAY() is the local calendar day counted from the document's null date */
    GDateTime *now = g_date_time_new_now_local();
    GDate today;
    g_date_clear(&today, 1);
    g_date_set_dmy(&today, (GDateDay)g_date_time_get_day_of_month(now),
                   (GDateMonth)g_date_time_get_month(now), (GDateYear)g_date_time_get_year(now));
    g_date_time_unref(now);
    return pc_serial_of_date(dates, &today);
}

void cc_say_failure(char **message, GError *error)
{
    if (error) {
        g_free(*message);
        *message = g_strdup_printf(_("Pipecalc could not finish: %s"), error->message);
        g_error_free(error);
    } else if (!*message) {
        *message = g_strdup_printf(_("Pipecalc could not finish: %s"), "?");
    }
}

/* The document's locale (its CharLocale property) into *LOCALE, to be cleared; an empty
 * Locale (the office's default) when the document names none. */
static gboolean document_locale(uno_Interface *model, CuStruct *locale)
{
    if (!cu_struct_init(locale, "com.sun.star.lang.Locale"))
        return FALSE;
    uno_Any v;
    if (cu_get_property(model, "CharLocale", &v, NULL)) {
        if (v.pType->eTypeClass == typelib_TypeClass_STRUCT) {
            uno_type_destructData(locale->data, v.pType, NULL);
            uno_type_copyData(locale->data, v.pData, v.pType, NULL);
        }
        uno_any_destruct(&v, NULL);
    }
    return TRUE;
}

sal_Int32 cc_format_index(uno_Interface *model, sal_Int16 index, GError **error)
{
    static CuMethod get_formats = CU_METHOD("com.sun.star.util.XNumberFormatsSupplier", "getNumberFormats");
    static CuMethod format_index = CU_METHOD("com.sun.star.util.XNumberFormatTypes", "getFormatIndex");
    uno_Interface *formats = need(cu_call_iface(model, &get_formats, NULL, NULL, error), "number formats",
                                  error);
    CuStruct locale;
    sal_Int32 key = -1;
    if (formats && document_locale(model, &locale)) {
        void *args[2] = { &index, locale.data };
        if (!cu_call(formats, &format_index, &key, args, error))
            key = -1;
        cu_struct_clear(&locale);
    } else if (formats) {
        need(NULL, "the Locale type", error);
    }
    cu_release(formats);
    return key;
}

gboolean cc_format_is_general(uno_Interface *model, sal_Int32 key)
{
    enum { NUMBER_STANDARD = 0 }; /* com.sun.star.i18n.NumberFormatIndex */
    return key == 0 || key == cc_format_index(model, NUMBER_STANDARD, NULL);
}

gboolean cc_merge(uno_Interface *sheet, const CuRange *r, gboolean merged, GError **error)
{
    static CuMethod merge = CU_METHOD("com.sun.star.util.XMergeable", "merge");
    uno_Interface *range = cc_range(sheet, r, error);
    sal_Bool flag = merged ? sal_True : sal_False;
    void *args[1] = { &flag };
    gboolean ok = range && cu_call(range, &merge, NULL, args, error);
    cu_release(range);
    return ok;
}

gboolean cc_merged_extent(uno_Interface *sheet, const CuRange *r, CuRange *extent, GError **error)
{
    static CuMethod create_cursor = CU_METHOD("com.sun.star.sheet.XSpreadsheet", "createCursorByRange");
    static CuMethod collapse = CU_METHOD("com.sun.star.sheet.XSheetCellCursor", "collapseToMergedArea");
    uno_Interface *range = cc_range(sheet, r, error);
    uno_Interface *arg = range ? cu_query(range, "com.sun.star.sheet.XSheetCellRange") : NULL;
    cu_release(range);
    if (!arg)
        return need(NULL, "the cell range", error) != NULL;
    void *args[1] = { &arg };
    uno_Interface *cursor = need(cu_call_iface(sheet, &create_cursor, args, NULL, error), "a cursor", error);
    arg->release(arg);
    gboolean ok = cursor && cu_call(cursor, &collapse, NULL, NULL, error) && address_of(cursor, extent, error);
    cu_release(cursor);
    return ok;
}

gboolean cc_has_merge(uno_Interface *sheet, const CuRange *r, GError **error)
{
    static CuMethod is_merged = CU_METHOD("com.sun.star.util.XMergeable", "getIsMerged");
    uno_Interface *range = cc_range(sheet, r, error);
    sal_Bool yes = sal_False;
    gboolean ok = range && cu_call(range, &is_merged, &yes, NULL, error);
    cu_release(range);
    return ok && yes;
}

GArray *cc_format_runs(uno_Interface *sheet, const CuRange *r, GError **error)
{
    static CuMethod unique = CU_METHOD("com.sun.star.sheet.XUniqueCellFormatRangesSupplier",
                                       "getUniqueCellFormatRanges");
    static CuMethod count = CU_METHOD("com.sun.star.container.XIndexAccess", "getCount");
    static CuMethod by_index = CU_METHOD("com.sun.star.container.XIndexAccess", "getByIndex");
    uno_Interface *range = cc_range(sheet, r, error);
    uno_Interface *groups = range ? cu_call_iface(range, &unique, NULL, NULL, error) : NULL;
    cu_release(range);
    sal_Int32 n = 0;
    if (!groups || !cu_uno_check_layouts() || !cu_call(groups, &count, &n, NULL, error)) {
        cu_release(groups);
        need(NULL, "the cell formats", error);
        return NULL;
    }
    GArray *runs = g_array_new(FALSE, FALSE, sizeof(CuRange));
    gboolean ok = TRUE;
    for (sal_Int32 i = 0; i < n && ok; i++) {
        void *args[1] = { &i };
        uno_Interface *group = cu_call_any_iface(groups, &by_index, args, "com.sun.star.sheet.XSheetCellRanges",
                                                 error);
        ok = group && append_addresses(group, runs, error);
        cu_release(group);
    }
    groups->release(groups);
    if (!ok) {
        g_array_free(runs, TRUE);
        need(NULL, "the cell formats", error);
        return NULL;
    }
    return runs;
}

gboolean cc_column_width(uno_Interface *sheet, sal_Int32 col, sal_Int32 width, GError **error)
{
    static CuMethod get_columns = CU_METHOD("com.sun.star.table.XColumnRowRange", "getColumns");
    static CuMethod by_index = CU_METHOD("com.sun.star.container.XIndexAccess", "getByIndex");
    uno_Interface *columns = need(cu_call_iface(sheet, &get_columns, NULL, NULL, error), "the columns", error);
    void *args[1] = { &col };
    uno_Interface *column = columns ? need(cu_call_any_iface(columns, &by_index, args,
                                                             "com.sun.star.beans.XPropertySet", error),
                                           "the column", error)
                                    : NULL;
    gboolean ok = column && cu_set_property(column, "Width", typelib_TypeClass_LONG, &width, error);
    cu_release(column);
    cu_release(columns);
    return ok;
}

/* TRUE when CONTROLLER's window is shown: a hidden document's view is no one's to change. */
static gboolean view_shown(uno_Interface *controller)
{
    static CuMethod frame_of = CU_METHOD("com.sun.star.frame.XController", "getFrame");
    static CuMethod window_of = CU_METHOD("com.sun.star.frame.XFrame", "getContainerWindow");
    static CuMethod is_visible = CU_METHOD("com.sun.star.awt.XWindow2", "isVisible");
    uno_Interface *frame = cu_call_iface(controller, &frame_of, NULL, NULL, NULL);
    uno_Interface *window = frame ? cu_call_iface(frame, &window_of, NULL, NULL, NULL) : NULL;
    sal_Bool shown = sal_False;
    if (window && !cu_call(window, &is_visible, &shown, NULL, NULL))
        shown = sal_False;
    cu_release(window);
    cu_release(frame);
    return shown;
}

gboolean cc_freeze_rows(uno_Interface *model, sal_Int16 index, sal_Int32 rows)
{
    static CuMethod controller_of = CU_METHOD("com.sun.star.frame.XModel", "getCurrentController");
    static CuMethod get_active = CU_METHOD("com.sun.star.sheet.XSpreadsheetView", "getActiveSheet");
    static CuMethod set_active = CU_METHOD("com.sun.star.sheet.XSpreadsheetView", "setActiveSheet");
    static CuMethod freeze = CU_METHOD("com.sun.star.sheet.XViewFreezable", "freezeAtPosition");
    uno_Interface *controller = cu_call_iface(model, &controller_of, NULL, NULL, NULL);
    if (controller && !view_shown(controller)) {
        cu_release(controller);
        return FALSE;
    }
    uno_Interface *view = controller ? cu_query(controller, "com.sun.star.sheet.XSpreadsheetView") : NULL;
    uno_Interface *freezable = controller ? cu_query(controller, "com.sun.star.sheet.XViewFreezable") : NULL;
    uno_Interface *before = view ? cu_call_iface(view, &get_active, NULL, NULL, NULL) : NULL;
    uno_Interface *target = before ? cc_sheet_at(model, index, NULL) : NULL;
    gboolean ok = FALSE;
    if (target && freezable) {
        void *to_target[1] = { &target }, *back[1] = { &before };
        sal_Int32 col = 0;
        void *at[2] = { &col, &rows };
        ok = cu_call(view, &set_active, NULL, to_target, NULL) && cu_call(freezable, &freeze, NULL, at, NULL);
        cu_call(view, &set_active, NULL, back, NULL);
    }
    cu_release(target);
    cu_release(before);
    cu_release(freezable);
    cu_release(view);
    cu_release(controller);
    return ok;
}

gboolean cc_hidden_rows(uno_Interface *sheet, const CuRange *r, gsize *hidden, GError **error)
{
    static CuMethod query = CU_METHOD("com.sun.star.sheet.XCellRangesQuery", "queryVisibleCells");
    CuRange column = *r;
    column.EndColumn = column.StartColumn;
    uno_Interface *range = cc_range(sheet, &column, error);
    uno_Interface *visible = range ? cu_call_iface(range, &query, NULL, NULL, error) : NULL;
    cu_release(range);
    GArray *shown_ranges = visible ? addresses_of(visible, error) : NULL;
    cu_release(visible);
    if (!shown_ranges)
        return need(NULL, "the visible rows", error) != NULL;
    gsize shown = 0;
    for (guint k = 0; k < shown_ranges->len; k++) {
        const CuRange *a = &g_array_index(shown_ranges, CuRange, k);
        sal_Int32 from = MAX(a->StartRow, r->StartRow), to = MIN(a->EndRow, r->EndRow);
        shown += to >= from ? (gsize)(to - from + 1) : 0;
    }
    g_array_free(shown_ranges, TRUE);
    *hidden = (gsize)(r->EndRow - r->StartRow + 1) - MIN(shown, (gsize)(r->EndRow - r->StartRow + 1));
    return TRUE;
}

gboolean cc_set_style_ranges(uno_Interface *model, const CuRange *r, gsize n, const char *style,
                             GError **error)
{
    static CuMethod create = CU_METHOD("com.sun.star.lang.XMultiServiceFactory", "createInstance");
    static CuMethod add = CU_METHOD("com.sun.star.sheet.XSheetCellRangeContainer", "addRangeAddresses");
    if (n == 0)
        return TRUE;
    uno_Sequence *seq = cu_uno_check_layouts() ? cu_ranges_new(r, n) : NULL;
    if (!seq) {
        g_set_error(error, CU_ERROR, CU_ERROR_TYPES, "unexpected CellRangeAddress layout");
        return FALSE;
    }
    uno_Interface *ranges = NULL;
    if (!cu_call_str(model, &create, "com.sun.star.sheet.SheetCellRanges", &ranges, error) || !ranges) {
        cu_ranges_free(seq);
        return need(ranges, "a range list", error) != NULL;
    }
    sal_Bool merge = sal_False;
    void *args[2] = { &seq, &merge };
    rtl_uString *value = cu_ustr_from_utf8(style);
    gboolean ok = cu_call(ranges, &add, NULL, args, error) &&
                  cu_set_property(ranges, "CellStyle", typelib_TypeClass_STRING, &value, error);
    rtl_uString_release(value);
    cu_ranges_free(seq);
    ranges->release(ranges);
    return ok;
}
