"""format_scenarios.py - how the deck's reports look, read back from real Calc: the cell
styles of our own, number formats, merged titles, column widths and frozen header rows.
Run by sidebar_driver.py as format_scenarios.NAME (see test_formats.py)."""
from sidebar_scenarios import Book


def style(sheet, name):
    return sheet.getCellRangeByName(name).CellStyle


def format_string(doc, sheet, name):
    return doc.NumberFormats.getByKey(sheet.getCellRangeByName(name).NumberFormat).FormatString


def frozen_rows(b, sheet):
    """The rows the view keeps in view on SHEET (the view's active sheet switched for it)."""
    before = b.ctrl.ActiveSheet
    b.ctrl.setActiveSheet(sheet)
    rows = b.ctrl.getSplitRow() if b.ctrl.hasFrozenPanes() else 0
    b.ctrl.setActiveSheet(before)
    return rows


def widths_fit(sheet, cols):
    widths = [sheet.Columns.getByIndex(j).Width for j in range(cols)]
    assert all(w >= 6 * 200 for w in widths), widths  # at least the plan's minimum of 6 characters
    return widths


def score_header_style_and_whole_percent(ctx):
    b = Book(ctx)
    try:
        b.actions.scoreLeads(b.ctrl)
        assert style(b.sheet, "I1") == "Pipecalc Header", style(b.sheet, "I1")
        assert format_string(b.doc, b.sheet, "I4") == "0%", format_string(b.doc, b.sheet, "I4")
        assert b.sheet.getCellRangeByName("I4").getString().endswith("%")
        assert "." not in b.sheet.getCellRangeByName("I4").getString(), "whole percent, no decimals"
        header = b.doc.StyleFamilies.getByName("CellStyles").getByName("Pipecalc Header")
        assert header.CharWeight == 150 and header.BottomBorder.LineWidth > 0, (header.CharWeight,)
        # the source table's own cells keep their look
        assert style(b.sheet, "H1") == "Default"
    finally:
        b.close()


def forecast_styles_formats_merges_widths_frozen(ctx):
    b = Book(ctx, hidden=False)  # frozen rows need a view
    try:
        b.actions.writeForecast(b.ctrl)
        fc = b.doc.Sheets.getByName("Forecast")
        assert style(fc, "A1") == "Pipecalc Title" and style(fc, "A4") == "Pipecalc Header", style(fc, "A4")
        assert style(fc, "A10") == "Pipecalc Header" and style(fc, "A14") == "Pipecalc Total"
        assert fc.getCellRangeByName("A14").getString() == "Total"
        # the source's amounts are General with whole numbers: "#,##0"; probabilities "0%"
        assert format_string(b.doc, fc, "B14") == "#,##0", format_string(b.doc, fc, "B14")
        assert fc.getCellRangeByName("B14").getString() == "7,900"
        assert format_string(b.doc, fc, "B5") == "0%", format_string(b.doc, fc, "B5")
        # Negotiation holds no open deal (Hive is won): muted; Lead, Qualified, Proposal not
        assert [style(fc, "A%d" % r) for r in range(5, 9)] == ["Default"] * 3 + ["Pipecalc Muted"]
        title = fc.getCellRangeByName("A1:G1")
        assert title.getIsMerged(), "the title spans the table"
        widths_fit(fc, 7)
        # printed one page wide; the user's sheet keeps its page style
        assert fc.PageStyle == "Pipecalc Report" and b.sheet.PageStyle == "Default", fc.PageStyle
        page = b.doc.StyleFamilies.getByName("PageStyles").getByName("Pipecalc Report")
        assert page.ScaleToPagesX == 1 and page.ScaleToPagesY == 0, (page.ScaleToPagesX, page.ScaleToPagesY)
        assert frozen_rows(b, fc) == 10, frozen_rows(b, fc)  # title ... the month header
        b.doc.UndoManager.undo()
        assert not b.doc.Sheets.hasByName("Forecast"), "still one undo step"
    finally:
        b.close()


def forecast_in_the_source_currency(ctx):
    b = Book(ctx)
    try:
        currency = b.doc.NumberFormats.getStandardFormat(8, b.doc.CharLocale)  # CURRENCY
        b.sheet.getCellRangeByName("C2:C9").NumberFormat = currency
        b.actions.writeForecast(b.ctrl)
        fc = b.doc.Sheets.getByName("Forecast")
        assert fc.getCellRangeByName("B14").NumberFormat == currency
    finally:
        b.close()


def funnel_styles_formats_merges(ctx):
    b = Book(ctx, hidden=False)
    try:
        b.actions.writeFunnel(b.ctrl, 10000.0)
        fn = b.doc.Sheets.getByName("Funnel")
        assert style(fn, "A1") == "Pipecalc Title" and style(fn, "A2") == "Pipecalc Note", style(fn, "A2")
        assert style(fn, "A4") == "Pipecalc Header" and style(fn, "E4") == "Pipecalc Header"
        assert fn.getCellRangeByName("A1:E1").getIsMerged()
        assert format_string(b.doc, fn, "B5") == "#,##0" and format_string(b.doc, fn, "E5") == "#,##0"
        assert format_string(b.doc, fn, "C5") == "0%" and fn.getCellRangeByName("C5").getString() == "60%"
        widths_fit(fn, 5)
        assert frozen_rows(b, fn) == 4, frozen_rows(b, fn)
    finally:
        b.close()


def a_restyled_header_is_kept(ctx):
    b = Book(ctx)
    try:
        styles = b.doc.StyleFamilies.getByName("CellStyles")
        mine = b.doc.createInstance("com.sun.star.style.CellStyle")
        styles.insertByName("Pipecalc Header", mine)
        mine.CharColor = 0x0000FF
        mine.CharWeight = 100  # NORMAL: the team wants plain blue headers
        b.actions.writeFunnel(b.ctrl, 10000.0)
        fn = b.doc.Sheets.getByName("Funnel")
        assert style(fn, "A4") == "Pipecalc Header"
        kept = styles.getByName("Pipecalc Header")
        assert kept.CharColor == 0x0000FF and kept.CharWeight == 100, (kept.CharColor, kept.CharWeight)
        assert styles.getByName("Pipecalc Title").CharWeight == 150, "the missing ones are added"
    finally:
        b.close()

