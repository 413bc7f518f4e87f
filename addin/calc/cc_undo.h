/* cc_undo.h - an undo action of our own in the document's undo context.
 *
 * Calc's XCellRangeData.setDataArray records a ScUndoPaste whose undo puts back the cells
 * that had contents before, but leaves what it wrote into cells that were empty (its mark
 * holds the sheet and no range, so the undo deletes nothing first; measured on 7.4, see
 * cellsuno.cxx lcl_PutDataArray). Writing a block into empty cells is therefore preceded
 * by cc_undo_add_clear: undone after Calc's step, it empties the block again. */
#ifndef CC_UNDO_H
#define CC_UNDO_H

#include "cu_call.h"

/* Add to UNDO (XUndoManager, inside an open context) an action whose undo clears the
 * values, texts and formulas of RANGE (an XSheetOperation; formats and notes stay) with
 * UNDO locked, and whose redo does nothing (Calc's own step redoes the write). */
gboolean cc_undo_add_clear(uno_Interface *undo, uno_Interface *range, GError **error);

#endif
