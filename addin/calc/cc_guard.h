/* cc_guard.h - what keeps an action from losing anything of the user's.
 *
 * Every action: reads and computes first, then checks (cc_guard_refusal, cc_guard_free),
 * and only then writes, inside one undo context (cc_guard_begin / cc_guard_end), so that
 * one Ctrl+Z takes the whole action back and a failure half-way is taken back at once. */
#ifndef CC_GUARD_H
#define CC_GUARD_H

#include "cc_sheet.h"

typedef struct {
    uno_Interface *undo;
    uno_Interface *model;   /* not acquired: the action holds it */
    sal_Int32 steps_before; /* undo steps before the action's context */
    gboolean open;
    char *new_sheet;        /* inserted outside Calc's undo (cc_guard_insert_sheet) */
    uno_Interface *window;  /* the frame's window, disabled while writing; NULL none */
} CcGuard;

/* The user's sentence why MODEL / SHEET (named SHEET_NAME) may not be written, or NULL. */
char *cc_guard_refusal(uno_Interface *model, uno_Interface *sheet, const char *sheet_name);

/* Check that every non-empty cell of R on SHEET lies inside OURS (NULL: nothing is ours).
 * FALSE with *IN_THE_WAY set to the user's sentence naming the first cell in the way, or
 * with ERROR when reading failed. */
gboolean cc_guard_free(uno_Interface *sheet, const char *sheet_name, const CuRange *r,
                       const CuRange *ours, char **in_the_way, GError **error);

/* Check that no cell of R on SHEET is hidden by a merge (a merged area's cells other than
 * its top-left one), except merges inside OURS (NULL: nothing is ours): a value written
 * there is never seen. FALSE with *MERGED set to the user's sentence naming the first such
 * merged range and cell, or with ERROR. */
gboolean cc_guard_unmerged(uno_Interface *sheet, const char *sheet_name, const CuRange *r,
                           const CuRange *ours, char **merged, GError **error);

/* Check that inserting cells at BAND (one column of rows) on SHEET, shifting right what
 * is in those rows from BAND's column on, moves no part of a block of cells whose other
 * part lies above or below those rows: that would split the user's table. FALSE with
 * *SPLIT set to the user's sentence naming that block, or with ERROR. */
gboolean cc_guard_shift_keeps_tables(uno_Interface *sheet, const char *sheet_name, const CuRange *band,
                                     char **split, GError **error);

/* Find where an action's own output sheet goes. When the sheet marked MARKER (NULL: none)
 * exists
 * (*REUSE), check that it may be written and that the COLS x ROWS area from A1 holds no
 * user cell outside the marked range (*OLD); *SHEET is it (acquired) and *NAME its name.
 * Otherwise check that the document may get a new sheet and choose a free *NAME from BASE
 * (*SHEET stays NULL: insert it inside the undo context). A user cell in the way sets
 * *BLOCKED and refuses, unless MAKE_ROOM: then a new sheet it is, the old one left to the
 * user (the marker moves when the action writes). FALSE with *MESSAGE (the user's
 * sentence why not) or ERROR set; then nothing is held. */
gboolean cc_guard_claim_sheet(uno_Interface *model, const char *marker, const char *base,
                              sal_Int32 cols, sal_Int32 rows, gboolean make_room,
                              gboolean *blocked, gboolean *reuse, CuRange *old,
                              uno_Interface **sheet, char **name, char **message,
                              GError **error);

/* Insert the sheet NAME at the end of G's document (*INDEX its index), inside G's undo
 * context. Calc undoes a new sheet on the active view (ScUndoInsertTab): on a document
 * that is not in the active frame - hidden, or driven from a macro while the user looks at
 * another - that undo takes the office down (no view) or acts on the other document. So
 * there the sheet is inserted with the undo manager locked, and taken out by
 * cc_guard_end when the action fails; Undo then empties it rather than removing it. */
uno_Interface *cc_guard_insert_sheet(CcGuard *g, const char *name, sal_Int16 *index,
                                     GError **error);

/* Open the undo context TITLE on MODEL and disable its frame's window: from here to
 * cc_guard_end the window takes no input (keys, mouse), so no edit of the user's lands
 * between two writes of the action. (XModel.lockControllers and the view's action lock
 * only stop painting.) The writes run in one go: nothing in between runs the event loop,
 * so another client's call waits for the action's end too. */
gboolean cc_guard_begin(CcGuard *g, uno_Interface *model, const char *title, GError **error);

/* Close the context and enable the window again (always, also after a failure). When OK
 * is FALSE and the context recorded anything, it is undone: the document is as before
 * the action. */
void cc_guard_end(CcGuard *g, gboolean ok);

#endif
