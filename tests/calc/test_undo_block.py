"""Score writes its column as one block, and one undo takes it back exactly (issue 12).

Calc records one undo action for a block written with setDataArray, but its undo leaves the
values it wrote into cells that were empty (cc_undo.h); the writer adds an action of its own
that empties them again. Checked here through the panel, as a click runs it: the column is
empty again after Undo - values, number formats, styles as before - and back after Redo, in
under 3 s each on 100,000 rows; a note in the column (setDataArray would delete it) makes
the writer go cell by cell, and the note stays (Calc's Undo then drops it, as it did
before: a Calc matter)."""
import time

from com.sun.star.table import CellAddress

from panel import Panel
from test_atomic import leads

ROWS = 100000


def new_doc(office, rows):
    doc = office.new_calc()
    sheet = doc.Sheets.getByIndex(0)
    sheet.getCellRangeByPosition(0, 0, 7, len(rows) - 1).setDataArray(rows)
    doc.CurrentController.select(sheet.getCellRangeByName("B3"))
    return doc, sheet


def column(sheet, n):
    r = sheet.getCellRangeByPosition(8, 0, 8, n)
    return r.getDataArray(), r.getFormulaArray()


def close(doc, panel):
    panel.close()
    doc.setModified(False)
    doc.close(True)


def test_undo_block_score_100000_rows_undo_and_redo(office):
    rows = leads(ROWS)
    doc, sheet = new_doc(office, rows)
    panel = Panel(office, doc)
    try:
        um = doc.UndoManager
        before = column(sheet, ROWS)
        fmt = sheet.getCellByPosition(8, 3).NumberFormat, sheet.getCellByPosition(8, 3).CellStyle
        t0 = time.time()
        panel.click("Score leads")
        took = time.time() - t0
        assert "Scored" in panel.result(), panel.result()
        after = column(sheet, ROWS)
        assert after != before
        t0 = time.time()
        um.undo()
        undo = time.time() - t0
        assert column(sheet, ROWS) == before, "Undo empties every cell it wrote"
        now = sheet.getCellByPosition(8, 3).NumberFormat, sheet.getCellByPosition(8, 3).CellStyle
        assert now[0] == fmt[0] and (now[1] or "Default") == (fmt[1] or "Default"), (now, fmt)
        assert not doc.NamedRanges.hasByName("PIPECALC_SCORE")
        t0 = time.time()
        um.redo()
        redo = time.time() - t0
        assert column(sheet, ROWS) == after, "Redo writes the same column again"
        um.undo()
        assert column(sheet, ROWS) == before, "and a second Undo empties it again"
        print("     Score on %d rows: click %.2f s, undo %.2f s, redo %.2f s" % (ROWS, took, undo, redo))
        assert undo < 3 and redo < 3, (undo, redo)
    finally:
        close(doc, panel)


def test_undo_block_a_note_in_the_column_stays(office):
    rows = leads(30)
    doc, sheet = new_doc(office, rows)
    panel = Panel(office, doc)
    try:
        open_row = [i for i, r in enumerate(rows) if i and r[7] == ""][2]
        sheet.Annotations.insertNew(CellAddress(0, 8, open_row), "ask Ann")
        before = column(sheet, 30)
        panel.click("Score leads")
        assert "Scored" in panel.result(), panel.result()
        cell = sheet.getCellByPosition(8, open_row)
        assert 0 < cell.getValue() < 1 and cell.Annotation.String == "ask Ann", (cell.getString(), cell.Annotation.String)
        doc.UndoManager.undo()
        assert column(sheet, 30) == before, "undone"
        # Calc's own undo of a value written into a noted cell drops the note (7.4, with the
        # cell-by-cell writer of before too): not ours to mend here
        doc.UndoManager.redo()
        assert 0 < cell.getValue() < 1
    finally:
        close(doc, panel)
