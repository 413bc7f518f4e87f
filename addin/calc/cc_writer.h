/* cc_writer.h - the one place where a report plan (rp_plan.h) becomes Calc cells.
 *
 * cc_write_plan checks first and writes last, inside one undo context, so one Ctrl+Z takes
 * the whole action back and a failure half-way leaves the document as it was:
 * - RP_PLACE_SHEET: onto the sheet the plan's marker names (its old area cleared first),
 *   or a new sheet named from plan->sheet_base; a cell of the user's inside the block, or
 *   a protected sheet, refuses (cc_guard_claim_sheet);
 * - RP_PLACE_COLUMN: into the column right of T (or the one its marker names), which must
 *   hold nothing of the user's, or, when T->make_room, after moving the user's cells there
 *   one column right (Insert Cells).
 * Then: values and texts, the plan's cell styles by role (cc_styles.h: "Pipecalc Title",
 * "Pipecalc Header", ... added when missing, a user's restyled one kept), formulas over them
 * (array formulas over their whole rectangle at once),
 * number formats by kind (the source's amount and date formats; amounts from a General
 * column and counts in the locale's "#,##0", "#,##0.00" when the source has cents; Score
 * and probabilities in whole percent), the Score colours, merged cells and column widths
 * (one character of the plan taken as 0.22 cm, the "0" of Calc's default 10 pt font with the
 * cell margins), a report sheet's page style fitted to the page width, charts, and the marker over what was written. Frozen header rows come
 * after the undo context: they are a setting of the document's view, no undo step, and a
 * document without a view (hidden) gets none. Adding a cell style is no undo step in Calc
 * either: after Ctrl+Z our styles stay in the document, unused.
 *
 * The writer changes the user's own cells in exactly two documented ways: making room
 * (above) and cc_write_divide_by_100 (the deck's "Divide probabilities by 100"). */
#ifndef CC_WRITER_H
#define CC_WRITER_H

#include "cc_progress.h"
#include "cc_table.h"
#include "rp_plan.h"

typedef struct {
    char *sheet_name;  /* the sheet written (g_free) */
    CuRange range;     /* the marked range */
} CcWritten;

/* Write PLAN, made from T, as described above. No progress is shown while writing: a
 * progress update lets the event loop run (another client's edit, a key typed) between
 * two writes of one action, so callers show theirs only while planning. TRUE with *OUT filled; FALSE with the user's sentence in *MESSAGE (g_free) and
 * T->blocked set when a user's cell in the way was the only reason. */
gboolean cc_write_plan(CcLeadTable *t, const RpPlan *plan, CcWritten *out, char **message);

/* Divide the probabilities typed as 0-100 in column COL of T, data rows ROWS (row numbers
 * of T's cells, the caller's choice: typed numbers, never formulas), by 100 and give them
 * the percent format, in one undo step. FALSE with ERROR; the document is then unchanged. */
gboolean cc_write_divide_by_100(CcLeadTable *t, gsize col, const GArray *rows, GError **error);

/* The RpSource view of T for planning. */
RpSource cc_table_source(const CcLeadTable *t);

#endif
