/* pc_refs.h - cell references as Calc writes them, for formulas and for messages.
 * Rows and columns are 0-based; SHEET is the sheet's name as the user sees it. */
#ifndef PC_REFS_H
#define PC_REFS_H

#include <glib.h>

/* "$'Sheet 1'.$A$1:$B$9": absolute, the sheet quoted (a quote in its name doubled), for
 * formulas in Calc's API grammar and for named ranges (g_free). SHEET NULL: "$A$1:$B$9". */
char *pc_ref_range(const char *sheet, gsize row0, gsize col0, gsize row1, gsize col1);

/* "B2": relative, no sheet (g_free). */
char *pc_ref_cell(gsize row, gsize col);

/* "Sheet1.A1:B9" for messages (g_free). */
char *pc_ref_text(const char *sheet, gsize row0, gsize col0, gsize row1, gsize col1);

#endif
