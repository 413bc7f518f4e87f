"""fixture_scenarios.py - a workbook saved by release 0.1.0 (fixtures/release-0.1.0.ods, made
by make_fixture.py) opened with the current build (issue 10, item 8), run by
sidebar_driver.py as "fixture_scenarios.NAME": its formulas compute what the release
stored, its roles apply (a role id the build does not know is ignored), and Score,
Write forecast and Write funnel refresh the release's output in place, cell for cell (the
forecast's months as one array formula now, with the same numbers)."""
import datetime
import os
import shutil
import tempfile
import xml.etree.ElementTree as ET
import zipfile

import uno

from make_fixture import SHEET, TARGET, UNKNOWN_ROLE
from sidebar_scenarios import Book

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "fixtures", "release-0.1.0.ods")
NS = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
      "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
NULL_DATE = datetime.date(1899, 12, 30)  # the fixture's date system: the default


def attr(el, ns, name):
    return el.get("{%s}%s" % (NS[ns], name))


def stored_value(cell):
    """What the file stores as CELL's value: a float, a text, or None (empty)."""
    kind = attr(cell, "office", "value-type")
    if kind in ("float", "percentage", "currency"):
        return float(attr(cell, "office", "value"))
    if kind == "date":
        day = datetime.datetime.fromisoformat(attr(cell, "office", "date-value"))
        return float((day.date() - NULL_DATE).days) + (day - datetime.datetime.combine(day.date(), datetime.time())).total_seconds() / 86400
    if kind == "boolean":
        return 1.0 if attr(cell, "office", "boolean-value") == "true" else 0.0
    if kind == "string":
        return attr(cell, "office", "string-value") or "\n".join("".join(p.itertext()) for p in cell.findall("text:p", NS))
    return None


def stored_cells(path):
    """{sheet name: {(row, col): (formula or None, value)}} of the non-empty cells of the
    .ods at PATH, as its content.xml has them: the values the release computed."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("content.xml"))
    sheets = {}
    for table in root.iter("{%s}table" % NS["table"]):
        cells, row = {}, 0
        for tr in table.iter("{%s}table-row" % NS["table"]):
            rows, col = int(attr(tr, "table", "number-rows-repeated") or 1), 0
            for cell in tr:
                if cell.tag not in ("{%s}table-cell" % NS["table"], "{%s}covered-table-cell" % NS["table"]):
                    continue
                value, formula = stored_value(cell), attr(cell, "table", "formula")
                cols = int(attr(cell, "table", "number-columns-repeated") or 1)
                if value is not None or formula:  # equal neighbours are stored once, repeated
                    for i in range(rows):
                        for j in range(cols):
                            cells[(row + i, col + j)] = (formula, value)
                col += cols
            row += rows
        sheets[attr(table, "table", "name")] = cells
    return sheets


def same_value(stored, live_cell):
    """LIVE_CELL (an XCell) holds STORED (a float or a text)."""
    if isinstance(stored, float):
        v = live_cell.getValue()
        return live_cell.getError() == 0 and abs(v - stored) <= 1e-12 * max(1.0, abs(stored))
    return live_cell.getString() == stored


def markers(doc):
    names = doc.NamedRanges
    return {n: names.getByName(n).getContent() for n in names.getElementNames() if n.startswith("PIPECALC_")}


def month_block(stored):
    """(first row, last row) of the Forecast sheet's dated months: the rows where the release
    wrote a live PIPELINE_FORECAST per month into column B (Expected), the month's P10, P50
    and P90 beside it as values."""
    rows = sorted(r for (r, c), (f, _) in stored["Forecast"].items()
                  if c == 1 and f and "PIPELINEFORECAST(" in f.upper())
    assert rows and rows == list(range(rows[0], rows[-1] + 1)), rows
    return rows[0], rows[-1]


def check_cells(doc, stored, sheets, what, added=None, rescored=None, arrays=None):
    """Every stored cell of SHEETS holds its stored value in DOC (formulas where the
    release wrote formulas), and the marked areas hold nothing the release did not write
    but in the columns ADDED names for a sheet ({"Funnel": (5, 6)}: this release's own).
    In the columns RESCORED names for a sheet a stored number is a probability again, not
    the same one: the deck's Score learned the stage factor after the release (issue 11).
    ARRAYS names, per sheet, a block (row0, col0, row1, col1) that this build writes as
    one array formula where the release wrote a formula per row and values beside it (the
    forecast's months, issue 13): there every cell holds its stored value, computed by
    that one PIPELINE_FORECAST array formula."""
    for name in sheets:
        sheet = doc.Sheets.getByName(name)
        block = (arrays or {}).get(name)
        if block:
            r0, c0, r1, c1 = block
            cursor = sheet.createCursorByRange(sheet.getCellByPosition(c0, r0))
            cursor.collapseToCurrentArray()
            a = cursor.RangeAddress
            assert (a.StartRow, a.StartColumn, a.EndRow, a.EndColumn) == block, (what, name, block, a)
        for (row, col), (formula, value) in sorted(stored[name].items()):
            cell = sheet.getCellByPosition(col, row)
            if col in (rescored or {}).get(name, ()) and isinstance(value, float):
                assert cell.getType().value == "VALUE" and 0 <= cell.getValue() <= 1, (what, name, row, col)
                continue
            assert same_value(value, cell), "%s: %s row %d col %d: stored %r, now %r (%s) %s" % (
                what, name, row, col, value, cell.getString(), cell.getFormula(), formula or "")
            if block and r0 <= row <= r1 and c0 <= col <= c1:
                f = cell.getFormula()
                assert f.startswith("{=") and "PIPELINEFORECAST(" in f.upper(), (what, name, row, col, f)
                continue
            assert bool(formula) == cell.getFormula().startswith("="), (what, name, row, col, formula, cell.getFormula())
    for marker in markers(doc):
        if marker.endswith("_SOURCE"):  # the lead table's header cell: the user's, not ours
            continue
        rng = doc.NamedRanges.getByName(marker).getReferredCells()
        addr = rng.RangeAddress
        name = doc.Sheets.getByIndex(addr.Sheet).Name
        for i, row in enumerate(rng.getDataArray()):
            for j, v in enumerate(row):
                at = (addr.StartRow + i, addr.StartColumn + j)
                if j + addr.StartColumn in (added or {}).get(name, ()):
                    continue
                assert v == "" or at in stored[name], "%s: %s %r holds %r, the release wrote nothing there" % (
                    what, name, at, v)


def release_workbook_opens_and_refreshes_unchanged(ctx):
    stored = stored_cells(FIXTURE)
    ours = [n for n in stored if n != SHEET] + [SHEET]
    formulas = [(n, at) for n in stored for at, (f, _) in stored[n].items() if f]
    live = [(n, at) for n, at in formulas if "ORG.PIPECALC.PIPELINEFUNCTIONS.PIPELINEFORECAST(" in stored[n][at][0]]
    assert len(live) >= 4 and {"Forecast", "Funnel", SHEET} <= set(stored), (len(live), list(stored))
    copy = os.path.join(tempfile.mkdtemp(), "release.ods")
    shutil.copy(FIXTURE, copy)  # the committed file is never written
    b = Book(ctx, rows=None, url=uno.systemPathToFileUrl(copy))
    try:
        b.doc.calculateAll()
        # every formula the release wrote computes what the release stored
        for name, (row, col) in formulas:
            cell = b.doc.Sheets.getByName(name).getCellByPosition(col, row)
            assert same_value(stored[name][(row, col)][1], cell), (name, row, col, cell.getFormula(), cell.getString())
        check_cells(b.doc, stored, ours, "as saved")
        # the manager's roles apply; the role id this build does not know changes nothing
        described = b.actions.describe(b.ctrl)
        for line in ("Region: owner", "Owner: not used", "Notes: not used", "Industry: scoring attribute"):
            assert line in described, (line, described)
        roles = b.actions.getRoles(b.ctrl)
        assert "Region=owner" in roles and "Industry=attribute" in roles and UNKNOWN_ROLE[1] not in roles, roles
        kept = b.doc.DocumentProperties.UserDefinedProperties.getPropertyValue("PipecalcRoles")
        assert "%s\t%s" % UNKNOWN_ROLE in kept, "reading the roles rewrote nothing: %r" % kept
        sheets, marked = b.doc.Sheets.ElementNames, markers(b.doc)
        assert set(marked) == {"PIPECALC_SCORE", "PIPECALC_FORECAST", "PIPECALC_FUNNEL"}, marked
        # the actions again: in place (a refusal would raise), the same cells
        score = b.actions.scoreLeads(b.ctrl)
        assert "into %s.K1:K19" % SHEET in score, score
        assert b.actions.writeForecast(b.ctrl).startswith("Forecast written to sheet Forecast:")
        assert b.actions.writeFunnel(b.ctrl, TARGET).startswith("Funnel written to sheet Funnel:")
        assert b.doc.Sheets.ElementNames == sheets, (sheets, b.doc.Sheets.ElementNames)
        # the same blocks, the funnel's grown by its chart's two columns (F:G, this release's)
        # and the sheet outputs now name their table (cc_marks.h): the release's marks had none
        grown = dict(marked, PIPECALC_FUNNEL=marked["PIPECALC_FUNNEL"].replace("$E$", "$G$"),
                     PIPECALC_FORECAST_SOURCE="$%s.$A$1:$A$1" % SHEET,
                     PIPECALC_FUNNEL_SOURCE="$%s.$A$1:$A$1" % SHEET)
        assert markers(b.doc) == grown, (grown, markers(b.doc))
        b.doc.calculateAll()
        # the Score column K (10) is scored again, now with the stage factor (issue 11); the
        # forecast's per-month formulas and P10..P90 values are one array formula now (issue 13)
        first, last = month_block(stored)
        check_cells(b.doc, stored, ours, "refreshed", added={"Funnel": (5, 6)}, rescored={SHEET: (10,)},
                    arrays={"Forecast": (first, 1, last, 4)})
        # changing the roles keeps the later release's choice it cannot read
        props = b.doc.DocumentProperties.UserDefinedProperties
        b.actions.setRole(b.ctrl, "owner", "Region")
        b.actions.setRoles(b.ctrl, "Region=owner; Owner=none; Notes=none")
        kept = props.getPropertyValue("PipecalcRoles")
        assert "%s\t%s" % UNKNOWN_ROLE in kept and "Region\towner" in kept, kept
        assert UNKNOWN_ROLE[1] not in b.actions.getRoles(b.ctrl)
        b.actions.setRoles(b.ctrl, "")  # forgetting every choice forgets that one too
        assert UNKNOWN_ROLE[1] not in props.getPropertyValue("PipecalcRoles")
    finally:
        b.close()
