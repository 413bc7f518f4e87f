/* cc_sheet.h - the Calc operations the sidebar needs: the view's cursor and sheet, cell
 * ranges, reading and writing blocks of cells, protection, markers (named ranges) and the
 * document's undo context. */
#ifndef CC_SHEET_H
#define CC_SHEET_H

#include "pc_months.h"
#include "pc_table.h"
#include "cc_progress.h"
#include "cu_props.h"

/* Calc's column limit in 7.4 (AMJ); we never write beyond it. */
#define CC_MAX_COL 1023
#define CC_MAX_ROW 1048575

/* The document (XModel) of a view CONTROLLER. */
uno_Interface *cc_model(uno_Interface *controller, GError **error);

/* The active sheet (XSpreadsheet) of CONTROLLER and the position of its cell cursor (the
 * top-left cell of the selection). FALSE when the selection is no cell range (a shape). */
uno_Interface *cc_cursor(uno_Interface *controller, CuCell *cursor, GError **error);

/* Sheet number INDEX of document MODEL (XSpreadsheet). */
uno_Interface *cc_sheet_at(uno_Interface *model, sal_Int16 index, GError **error);

/* The contiguous region around CELL on SHEET (what Ctrl+* selects). */
gboolean cc_region(uno_Interface *sheet, const CuCell *cell, CuRange *region, GError **error);

/* The cell COL, ROW of SHEET (XCell). */
uno_Interface *cc_cell(uno_Interface *sheet, sal_Int32 col, sal_Int32 row, GError **error);

/* The XCellRange of R on SHEET. */
uno_Interface *cc_range(uno_Interface *sheet, const CuRange *r, GError **error);

/* The cells of R as a core table (NULL on failure). */
PcTable *cc_read(uno_Interface *sheet, const CuRange *r, GError **error);

/* Write GRID (cu_grid_new, as tall and wide as R) into R, whose cells must be empty:
 * numbers and non-empty texts, cell by cell (each write an exact undo action). */
gboolean cc_write(uno_Interface *sheet, const CuRange *r, uno_Sequence *grid, GError **error);

/* cc_write as one block inside UNDO's open context (XUndoManager): one setDataArray and
 * one action of ours, so that the whole block is undone and redone at once and exactly
 * (cc_undo.h). Cell by cell when R is not empty (a note in it). */
gboolean cc_write_block(uno_Interface *undo, uno_Interface *sheet, const CuRange *r, uno_Sequence *grid,
                        GError **error);

/* Delete values, texts, formulas and direct formatting in R (not notes). */
gboolean cc_clear(uno_Interface *sheet, const CuRange *r, GError **error);

/* Put FORMULA (API grammar: English names, ';' separators) into cell COL, ROW. */
gboolean cc_set_formula(uno_Interface *sheet, sal_Int32 col, sal_Int32 row, const char *formula,
                        GError **error);

/* Apply the document's standard number format of TYPE (com.sun.star.util.NumberFormat,
 * e.g. 128 PERCENT, 2 DATE) to R. */
gboolean cc_number_format(uno_Interface *model, uno_Interface *sheet, const CuRange *r,
                          sal_Int16 type, GError **error);

/* Give the cells of R the number format KEY (of the document's formats). */
gboolean cc_set_format(uno_Interface *sheet, const CuRange *r, sal_Int32 key, GError **error);

/* The number format key of CELL (a one-cell range), -1 when it cannot be read. */
sal_Int32 cc_format_of(uno_Interface *sheet, const CuRange *cell);

/* TRUE when KEY is a date (or date and time) format of MODEL's number formats. */
gboolean cc_format_is_date(uno_Interface *model, sal_Int32 key);

/* The sheet's name (g_free). */
char *cc_sheet_name(uno_Interface *sheet);

/* "$'Sheet 1'.$A$1:$B$9" (g_free): absolute, sheet quoted, for formulas and named ranges. */
char *cc_range_ref(const char *sheet_name, const CuRange *r);

/* Insert empty cells at R on SHEET, shifting the cells there and right of it to the right
 * (Calc's Insert Cells, shift right: an undo step, references follow). */
gboolean cc_insert_cells_right(uno_Interface *sheet, const CuRange *r, GError **error);

/* "B2": relative, no sheet, for a formula evaluated at that cell (g_free). */
char *cc_cell_ref(sal_Int32 col, sal_Int32 row);

/* "Sheet1.A1:B9" for messages (g_free). */
char *cc_range_text(const char *sheet_name, const CuRange *r);

/* TRUE when SHEET is protected / MODEL is read-only. */
gboolean cc_sheet_protected(uno_Interface *sheet);
gboolean cc_document_readonly(uno_Interface *model);

/* The range a marker (document-level named range NAME) refers to. FALSE when there is no
 * such name or it no longer refers to cells (its cells were deleted). */
gboolean cc_marker_get(uno_Interface *model, const char *name, CuRange *r);

/* The document-level names that are BASE or BASE_<digits> (NULL-terminated, g_strfreev). */
char **cc_marker_names(uno_Interface *model, const char *base);

/* Create or move marker NAME to R on the sheet named SHEET_NAME. */
gboolean cc_marker_set(uno_Interface *model, const char *name, const char *sheet_name,
                       const CuRange *r, GError **error);

/* The document's undo manager (XUndoManager). */
uno_Interface *cc_undo_manager(uno_Interface *model, GError **error);
gboolean cc_undo_enter(uno_Interface *undo, const char *title, GError **error);
gboolean cc_undo_leave(uno_Interface *undo, GError **error);
/* Undo the last step (used to take back a half-written action). */
gboolean cc_undo_last(uno_Interface *undo, GError **error);

/* The document's sheets (XSpreadsheets). */
uno_Interface *cc_sheets(uno_Interface *model, GError **error);

/* A sheet name not taken yet among SHEETS: BASE, "BASE 2", ... (g_free). */
char *cc_free_sheet_name(uno_Interface *sheets, const char *base);

/* Insert sheet NAME at the end of MODEL; its index into *INDEX (XSpreadsheet). */
uno_Interface *cc_insert_sheet(uno_Interface *model, const char *name, sal_Int16 *index,
                               GError **error);

/* The date system of MODEL: its NullDate property (Tools > Options > Calc > Calculate;
 * 1904-01-01 in files from old Mac Excel), the default when it cannot be read. */
PcDates cc_document_dates(uno_Interface *model);

/* Today's serial in DATES: what Calc's TODAY() gives in that document (the local date). */
double cc_today(const PcDates *dates);

/* How an action that failed says so (the error model: pc_status.h): with ERROR (a CU_ERROR,
 * freed here), *MESSAGE (freed first) becomes "Pipecalc could not finish: <its message>";
 * without, a *MESSAGE still NULL becomes that sentence with "?" (a failure that said
 * nothing) and any other is kept. */
void cc_say_failure(char **message, GError *error);

/* The key of MODEL's built-in format INDEX (com.sun.star.i18n.NumberFormatIndex) in the
 * document's locale (its CharLocale): "#,##0" and "0%" with the locale's separators. -1 with
 * ERROR when there is none. */
sal_Int32 cc_format_index(uno_Interface *model, sal_Int16 index, GError **error);

/* TRUE when KEY is MODEL's General format (key 0 or the locale's standard format). */
gboolean cc_format_is_general(uno_Interface *model, sal_Int32 key);

/* Merge the cells of R on SHEET into its top-left one (MERGED) or undo every merge in R. */
gboolean cc_merge(uno_Interface *sheet, const CuRange *r, gboolean merged, GError **error);

/* The smallest range holding R on SHEET and every merged area R touches (Calc's
 * collapseToMergedArea): R itself when R touches none or only merges inside it. */
gboolean cc_merged_extent(uno_Interface *sheet, const CuRange *r, CuRange *extent, GError **error);

/* The rows of R on SHEET that are hidden, by a filter or by hand, into *HIDDEN
 * (XCellRangesQuery.queryVisibleCells over R's first column: one call). */
gboolean cc_hidden_rows(uno_Interface *sheet, const CuRange *r, gsize *hidden, GError **error);

/* Give the N ranges R of MODEL the cell style STYLE with one call, through one
 * SheetCellRanges (one undo action, where a call per range made thousands). */
gboolean cc_set_style_ranges(uno_Interface *model, const CuRange *r, gsize n, const char *style,
                             GError **error);

/* TRUE when a merged area starts inside R on SHEET (XMergeable.getIsMerged). */
gboolean cc_has_merge(uno_Interface *sheet, const CuRange *r, GError **error);

/* The ranges of R on SHEET in runs of one cell format (XUniqueCellFormatRangesSupplier):
 * every cell of a run is formatted alike, so a run's first cell is merged, hidden by a merge
 * or neither as all of them are. A GArray of CuRange, NULL on failure. */
GArray *cc_format_runs(uno_Interface *sheet, const CuRange *r, GError **error);

/* Column COL of SHEET WIDTH wide (1/100 mm). */
gboolean cc_column_width(uno_Interface *sheet, sal_Int32 col, sal_Int32 width, GError **error);

/* Keep the first ROWS rows of sheet INDEX in view when scrolling, in MODEL's current view;
 * the view's active sheet is switched there for it (XViewFreezable acts on the active
 * sheet) and back. FALSE, changing nothing, when MODEL has no view or its window is not
 * shown (a hidden document: switching its sheets would move a macro's or a panel's cursor). */
gboolean cc_freeze_rows(uno_Interface *model, sal_Int16 index, sal_Int32 rows);

#endif
