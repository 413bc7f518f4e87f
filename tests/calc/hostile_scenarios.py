"""hostile_scenarios.py - the deck on workbooks shaped the way people make them (issue 12):
error cells, merged cells, empty headers, tables side by side, thin history. Run by
sidebar_driver.py as hostile_scenarios.FUNCTION (see test_hostile.py); each scenario takes
the office's component context and raises AssertionError on a failure."""
from com.sun.star.lang import IllegalArgumentException

from sidebar_scenarios import LEADS, Book


def refused(b, action, *args):
    try:
        getattr(b.actions, action)(b.ctrl, *args)
    except IllegalArgumentException as e:
        return e.Message
    raise AssertionError("%s was not refused" % action)


def error_cells_are_errors(ctx):
    """=1/0 and =NA() in the Amount column, an error in the Stage column: Data checks name
    each with its row, the forecast refuses with the row (as for a text amount) and writes
    nothing; Score refuses to write over an error cell where its column goes."""
    b = Book(ctx)
    try:
        b.sheet.getCellRangeByName("C4").setFormula("=1/0")       # Cyan's amount
        b.sheet.getCellRangeByName("C6").setFormula("=NA()")      # Echo's amount
        b.sheet.getCellRangeByName("B8").setFormula("=1/0")       # Gale's stage
        b.doc.calculateAll()
        lines = list(b.actions.checkData(b.ctrl))
        joined = "\n".join(lines)
        assert any("Sheet1.A4:H4" in l and "row 3: the amount is an error value" not in l and
                   "the amount is an error value" in l for l in lines), joined
        assert any("Sheet1.A6:H6" in l and "the amount is an error value" in l for l in lines), joined
        assert any("Sheet1.A8:H8" in l and "the stage is an error value" in l for l in lines), joined
        sheets = b.doc.Sheets.ElementNames
        msg = refused(b, "writeForecast")
        assert "the stage is an error value (sheet row 8)" in msg, msg
        assert b.doc.Sheets.ElementNames == sheets, "the refused forecast wrote a sheet"
        b.sheet.getCellRangeByName("B8").setString("Lead")
        b.doc.calculateAll()
        msg = refused(b, "writeForecast")
        assert "the amount is an error value" in msg and "sheet row 4" in msg, msg
        assert b.doc.Sheets.ElementNames == sheets, "the refused forecast wrote a sheet"
        # an error cell where the Score column goes is the user's: it is read, not overwritten
        b.sheet.getCellRangeByName("I5").setFormula("=1/0")
        b.sheet.getCellRangeByName("C4").setValue(3000)
        b.sheet.getCellRangeByName("C6").setValue(500)
        b.doc.calculateAll()
        msg = refused(b, "scoreLeads")
        assert "error value" in msg and "Nothing was written" in msg, msg
        assert b.sheet.getCellRangeByName("I5").getFormula() == "=1/0"
    finally:
        b.close()


def error_cells_cost_on_100000_rows(ctx, rows=100000):
    """Reading error cells stays bounded: 100,000 rows whose Amount column is all =1/0 are
    described and checked in about 1.5 s each (one getError per error cell); without error
    cells the query is one call."""
    import time
    b = Book(ctx, rows=None)
    try:
        data = [LEADS[0]] + [LEADS[1 + i % 8] for i in range(rows)]
        b.put(data)
        describe0 = time.time()
        b.actions.describe(b.ctrl)
        clean = time.time() - describe0
        amounts = b.sheet.getCellRangeByPosition(2, 1, 2, rows)
        amounts.setFormulaArray(tuple(("=1/0",) for _ in range(rows)))
        b.doc.calculateAll()
        t0 = time.time()
        d = b.actions.describe(b.ctrl)
        described = time.time() - t0
        t0 = time.time()
        lines = list(b.actions.checkData(b.ctrl))
        checked = time.time() - t0
        print("100k rows: describe %.2fs clean, %.2fs all amounts errors; checks %.2fs" %
              (clean, described, checked))
        assert "100000 rows" in d, d
        assert any("Sheet1.A2:H2" in l and "the amount is an error value" in l for l in lines), lines
        # alone on the 2-core machine 1.5 s each; 3.2 s while another suite ran beside it
        assert described < 6 and checked < 6, (described, checked)
    finally:
        b.close()


def with_empty_header(column=5):
    """LEADS with the header cell of COLUMN (5: Source, sheet column F) empty."""
    rows = [list(r) for r in LEADS]
    rows[0][column] = ""
    return rows


def empty_header_gets_a_name_of_its_own(ctx, name="(column F)", attribute="scoring attribute",
                                        unused="not used", attribute_word="attribute"):
    """An empty header cell (F1 over the sources) is named after its column, "(column F)",
    in the description, the roles and the lead factors; no other column's name is used for
    it. The manager's role for it is kept by its position in the table ("#6"), so it holds
    whatever the office's language."""
    b = Book(ctx, rows=with_empty_header())
    try:
        d = b.actions.describe(b.ctrl)
        assert "  %s: %s" % (name, attribute) in d, d
        assert "Industry: %s" % attribute in d and "Owner:" in d, d
        roles = b.actions.getRoles(b.ctrl)
        assert "%s=%s" % (name, attribute_word) in roles, roles  # the roles text's word
        b.actions.scoreLeads(b.ctrl)
        b.select("C4")
        factors = b.actions.leadFactors(b.ctrl)
        assert "%s = Web" % name in factors and "? =" not in factors, factors
        d = b.actions.setRoles(b.ctrl, "%s=none" % name)
        assert "  %s: %s" % (name, unused) in d, d
        stored = b.doc.DocumentProperties.UserDefinedProperties.getPropertyValue("PipecalcRoles")
        assert stored == b.sheet.Name + ".A1\t#6\tnone", repr(stored)
        assert "  %s: %s" % (name, unused) in b.actions.describe(b.ctrl)
        # a stored "#6" is for a nameless sixth column only: once F1 is named, it is Source's own
        b.sheet.getCellRangeByName("F1").setString("Source")
        d = b.actions.describe(b.ctrl)
        assert "Source: %s" % attribute in d, d
    finally:
        b.close()


def german_empty_header_gets_a_name_of_its_own(ctx):
    empty_header_gets_a_name_of_its_own(ctx, "(Spalte F)", "Bewertungsmerkmal", "nicht verwendet", "Merkmal")


def merged_cells_are_understood(ctx):
    """A header merged over two columns (E1:F1, "Owner" over Owner and Source) names its first
    column only: the second is "(column F)", as the user sees it, not the hidden "Source".
    A Score cell hidden by a merge (H3:I3 covers I3) is refused, naming the merged range,
    and nothing is written; a merge whose top-left cell is the Score cell (I5:J5) shows the
    score and is written."""
    b = Book(ctx)
    try:
        b.sheet.getCellRangeByName("E1:F1").merge(True)
        d = b.actions.describe(b.ctrl)
        assert "  Owner: owner" in d and "  (column F): scoring attribute" in d and "Source" not in d, d
    finally:
        b.close()
    b = Book(ctx)
    try:
        b.sheet.getCellRangeByName("H3:I3").merge(True)
        before = b.cells("A1:K12")
        steps = len(b.doc.UndoManager.getAllUndoActionTitles())
        msg = refused(b, "scoreLeads")
        assert msg == ("The cells Sheet1.H3:I3 are merged: Pipecalc would write into Sheet1.I3, which "
                       "the merge hides. Unmerge them (Format > Merge and Unmerge Cells) or move them "
                       "away and run again. Nothing was written."), msg
        assert b.cells("A1:K12") == before and len(b.doc.UndoManager.getAllUndoActionTitles()) == steps
        b.sheet.getCellRangeByName("H3:I3").merge(False)
        b.sheet.getCellRangeByName("I5:J5").merge(True)
        report = b.actions.scoreLeads(b.ctrl)
        assert "into Sheet1.I1:I9" in report, report
        assert 0 < b.sheet.getCellRangeByName("I5").getValue() < 1, b.cells("I1:I9")  # Dune, open
    finally:
        b.close()


# A second lead table, taller than LEADS, for J1 (one empty column, I, between them).
RIGHT = [["Deal", "Stage", "Amount", "Outcome", "Source"]] + [
    ["R%d" % i, ("Lead", "Proposal", "Qualified")[i % 3], 100 * i, ("won", "lost", "", "")[i % 4],
     ("Web", "Fair")[i % 2]] for i in range(1, 12)]


def two_tables_side_by_side_stay_two(ctx):
    """LEADS (A1:H9) and a taller table at J1:N12, column I empty between them. Scoring the
    left one fills I with its Score column; from then on both are still read as two tables:
    the right one's description, forecast and Score see only its own deals, and the left one
    is scored again into its own column, the right table untouched."""
    b = Book(ctx)
    try:
        b.put(RIGHT, at="J1")
        right_before = b.cells("J1:N12")
        report = b.actions.scoreLeads(b.ctrl)
        assert "into Sheet1.I1:I9" in report, report
        b.select("K3")
        d = b.actions.describe(b.ctrl)
        assert d.startswith("Table Sheet1.J1:N12: 11 rows"), d
        assert "Score column" not in d and "Owner" not in d, d
        b.select("B3")
        d = b.actions.describe(b.ctrl)
        assert d.startswith("Table Sheet1.A1:H9: 8 rows"), d
        assert "Score column (Pipecalc): Sheet1.I1:I9" in d, d
        b.select("I4")  # the Score column itself belongs to the table it scores
        assert b.actions.describe(b.ctrl).startswith("Table Sheet1.A1:H9"), b.actions.describe(b.ctrl)
        b.select("B3")
        report = b.actions.scoreLeads(b.ctrl)
        assert "into Sheet1.I1:I9" in report, report
        assert b.cells("J1:N12") == right_before, "the right table was changed"
        # the right table's forecast counts its own open deals only: 200+300+600+700+1000+1100
        b.select("K3")
        b.actions.writeForecast(b.ctrl)
        fc = b.doc.Sheets.getByName("Forecast")
        texts = [v for row in b.cells("A1:H40", fc) for v in row]
        assert "Sheet1.J1:N12" in " ".join(str(v) for v in texts if isinstance(v, str)), texts
        # and its Score goes right of it, not into the left table's column
        report = b.actions.scoreLeads(b.ctrl)
        assert "into Sheet1.O1:O12" in report, report
        assert b.cells("J1:N12") == right_before
        # both scored: each table keeps its own Score column (PIPECALC_SCORE, _2)
        left = b.cells("I1:I9")
        b.select("B3")
        d = b.actions.describe(b.ctrl)
        assert "Score column (Pipecalc): Sheet1.I1:I9" in d and "Score:" not in d, d
        assert "into Sheet1.I1:I9" in b.actions.scoreLeads(b.ctrl)
        assert b.cells("I1:I9") == left and b.cells("J1:N12") == right_before
        b.select("K3")
        assert "Score column (Pipecalc): Sheet1.O1:O12" in b.actions.describe(b.ctrl)
        # the left table's forecast is a sheet of its own beside the right one's
        b.select("B3")
        assert "Forecast 2" in b.actions.writeForecast(b.ctrl)
    finally:
        b.close()


def making_room_never_splits_a_table(ctx):
    """After a first Score (I1:I9) a new lead in row 10 with the user's note in I10, where the
    Score column grows, and a table of theirs at K8:L14 that reaches below the lead table's
    rows (1-10). Making room would move only rows 1-10 right, tearing K8:L10 from K11:L14:
    refused, naming that table, nothing moved. A table inside rows 1-10 (K2:L8) moves right
    whole, with the note."""
    b = Book(ctx)
    try:
        b.actions.scoreLeads(b.ctrl)
        b.put([["Iris", "Lead", 900, 46050, "Ann", "Web", "Retail", "", "call back!"]], at="A10")
        b.put([["Region", "Target"]] + [["R%d" % i, i] for i in range(1, 7)], at="K8")
        before = b.cells("A1:N16")
        msg = refused(b, "scoreLeads")
        assert "Sheet1.I10" in msg, msg
        msg = refused(b, "runMakingRoom", "scoreLeads", 0.0)
        assert msg == ("Making room would split the cells Sheet1.K8:L14: their rows beside the Score "
                       "column would move right, the others not. Move them away from the table's rows "
                       "and run again. Nothing was written."), msg
        assert b.cells("A1:N16") == before, "nothing moved"
        b.sheet.getCellRangeByName("K8:L14").clearContents(7)
        b.put([["Region", "Target"]] + [["R%d" % i, i] for i in range(1, 7)], at="K2")
        report = b.actions.runMakingRoom(b.ctrl, "scoreLeads", 0.0)
        assert "Sheet1.I1:I10" in report, report
        assert b.sheet.getCellRangeByName("J10").getString() == "call back!"
        assert [r[0] for r in b.cells("L2:L8")] == ["Region"] + ["R%d" % i for i in range(1, 7)]
        assert b.cells("K2:K8") == (("",),) * 7, "the whole table moved"
    finally:
        b.close()


def thin_evidence_is_said(ctx):
    """LEADS has 5 closed deals: Score says it learned from few (the bound, 30, and what it
    means) and names a value seen in fewer than 10 closed deals; so do the forecast and the
    funnel for their stages. 60 closed deals, 20 per source: no such sentence."""
    b = Book(ctx)
    try:
        report = b.actions.scoreLeads(b.ctrl)
        assert ("Little history: learned from 5 closed deals. With fewer than 30, a learned win rate "
                "is mostly chance (it can easily be 10 percentage points off), so take the result "
                "as a rough guide.") in report, report
        assert ("4 values have fewer than 10 closed deals (e.g. Source = Web: 4): how they change a "
                "lead's chances is mostly chance.") in report, report
        report = b.actions.writeForecast(b.ctrl)
        assert "Little history: learned from 5 closed deals." in report, report
        assert "3 stages were reached by fewer than 10 closed deals (e.g. " in report, report
        b.select("B3")
        report = b.actions.writeFunnel(b.ctrl, 10000.0)
        assert "Little history: learned from 5 closed deals." in report, report
    finally:
        b.close()
    rows = [["Deal", "Stage", "Amount", "Outcome", "Source"]]
    rows += [["D%d" % i, ("Lead", "Proposal")[i % 2], 1000, ("won", "lost")[(i // 2) % 2], "ABC"[i % 3]]
             for i in range(60)]
    rows += [["O%d" % i, ("Lead", "Proposal")[i % 2], 500, "", "ABC"[i % 3]] for i in range(3)]
    b = Book(ctx, rows=rows)
    try:
        for report in (b.actions.scoreLeads(b.ctrl), b.actions.writeForecast(b.ctrl)):
            assert "Little history" not in report and "fewer than 10" not in report, report
    finally:
        b.close()


def many_stages_and_owners(ctx, rows=10000, k=5000):
    """A free-text stage column: 10,000 deals at 5,000 distinct stages, with 5,000 owners
    and 5,000 industries. Score, Write forecast and Funnel each finish and undo in one step,
    in under half a second each (issue 12: under 3 s); the forecast lists every stage in its stage
    table but leaves the month table's split out and says so, with a row per owner; the
    funnel has a row per stage. The times are printed."""
    import time
    b = Book(ctx, rows=None, hidden=False)  # undoing a new sheet needs a view
    try:
        data = [LEADS[0]] + [["D%d" % i, "Stage %d" % (i % k), 100 + i % 97 * 100, 46023 + i % 360,
                              "Rep %d" % (i % k), "Web", "Industry %d" % (i % k),
                              "" if i % 10 else ("won", "lost")[i // 10 % 2]] for i in range(rows)]
        b.put(data)
        times = {}
        for action, args in (("scoreLeads", ()), ("writeForecast", ()), ("writeFunnel", (1e6,))):
            sheets = b.doc.Sheets.Count
            t0 = time.time()
            report = getattr(b.actions, action)(b.ctrl, *args)
            done = time.time() - t0
            if action == "writeForecast":
                fc = b.doc.Sheets.getByName("Forecast")
                first = fc.getCellRangeByName("A5").getString()
                assert first.startswith("Stage "), first
                head = [r for r in range(5, k + 40) if fc.getCellByPosition(0, r).getString() == "Month"]
                assert head and head[0] > k, head
                note = fc.getCellByPosition(7, head[0]).getString()
                assert "5000 stages" in note or "5,000 stages" in note, note
                assert fc.getCellByPosition(8, head[0]).getString() == "", "a column per stage"
                owners = fc.getCellByPosition(0, head[0] + 12 + 3).getString()
                assert owners == "Owner", owners
            if action == "writeFunnel":
                fu = b.doc.Sheets.getByName("Funnel")
                assert fu.getCellByPosition(0, 4 + k - 1).getString().startswith("Stage "), report
            t0 = time.time()
            b.doc.UndoManager.undo()
            undone = time.time() - t0
            assert b.doc.Sheets.Count == sheets, (action, "undo left a sheet")
            assert b.sheet.getCellRangeByName("I1").getString() == "", (action, "undo left the score")
            times[action] = (done, undone)
        print("; ".join("%s %.2f s, undo %.2f s" % (a, d, u) for a, (d, u) in times.items()), flush=True)
        # under half a second each alone on the 2-core machine; loose bounds for a loaded one
        assert all(d < 6 and u < 6 for d, u in times.values()), times
    finally:
        b.close()


def hidden_rows_are_included_and_said(ctx):
    """A filter (Owner = Ann) hides Bob's four rows: every action reads them like the others,
    as Calc's own formulas do, and says so - Data checks, Score (Dune, Bob's open lead,
    is scored under the filter), Write forecast (the same total as unfiltered)."""
    from com.sun.star.sheet import TableFilterField
    from com.sun.star.sheet.FilterOperator import EQUAL
    b = Book(ctx, hidden=False)
    try:
        plain = b.actions.writeForecast(b.ctrl)
        b.doc.UndoManager.undo()
        rng = b.sheet.getCellRangeByName("A1:H9")
        fd = rng.createFilterDescriptor(True)
        fd.ContainsHeader = True
        fd.FilterFields = (TableFilterField(Field=4, Operator=EQUAL, IsNumeric=False, StringValue="Ann"),)
        rng.filter(fd)
        assert not b.sheet.Rows.getByIndex(4).IsVisible, "the filter hid no row"
        said = "4 rows of the table are hidden (by a filter or by hand)"
        lines = list(b.actions.checkData(b.ctrl))
        assert any(said in l for l in lines), lines
        report = b.actions.scoreLeads(b.ctrl)
        assert said in report, report
        dune = b.sheet.getCellRangeByName("I5")  # Bob's open lead, hidden
        assert 0 < dune.getValue() < 1, dune.getString()
        b.doc.UndoManager.undo()  # Calc then selects the column's visible parts: several ranges
        report = b.actions.writeForecast(b.ctrl)
        assert said in report, report
        assert report.split("\n")[0] == plain.split("\n")[0], (report, plain)
    finally:
        b.close()


def formulas_in_the_table_are_read_as_values(ctx):
    """An amount, a stage and a close date typed as formulas (=1000*3, ="Pro"&"posal",
    =DATE(...)) are read as the values they show: the same scores as the typed values."""
    b = Book(ctx)
    try:
        b.actions.scoreLeads(b.ctrl)
        typed = [r[0] for r in b.cells("I1:I9")]
        b.doc.UndoManager.undo()
        b.sheet.getCellRangeByName("C4").setFormula("=1000*3")
        b.sheet.getCellRangeByName("B5").setFormula('="Pro"&"posal"')
        b.sheet.getCellRangeByName("D8").setFormula("=DATE(2026;1;31)+17")  # 46070, as typed
        b.doc.calculateAll()
        assert b.sheet.getCellRangeByName("D8").getValue() == 46070
        b.actions.scoreLeads(b.ctrl)
        assert [r[0] for r in b.cells("I1:I9")] == typed, (typed, b.cells("I1:I9"))
    finally:
        b.close()


def tables_at_the_sheet_edges(ctx):
    """A table in the sheet's last rows: Score writes beside it down to the last row and the
    forecast reads it. A table in the sheet's last columns: Score refuses (no free column
    right of it) and writes nothing; the forecast, on a sheet of its own, works."""
    b = Book(ctx, rows=None)
    try:
        n = b.sheet.Rows.Count
        at = "A%d" % (n - len(LEADS) + 1)
        b.put(LEADS, at=at)
        b.select(at)
        report = b.actions.scoreLeads(b.ctrl)
        assert "I%d:I%d" % (n - len(LEADS) + 1, n) in report, report
        assert 0 < b.sheet.getCellRangeByName("I%d" % (n - 5)).getValue() < 1  # Cyan, row 4 of 9
        assert "7,900 expected" in b.actions.writeForecast(b.ctrl)
    finally:
        b.close()
    b = Book(ctx, rows=None)
    try:
        last = b.sheet.Columns.Count - 1
        first = b.sheet.getCellByPosition(last - 7, 0).AbsoluteName.split(".")[1].replace("$", "")
        b.put(LEADS, at=first)
        b.select(first)
        msg = b.refused("scoreLeads")
        assert msg == "There is no free column right of the table. Nothing was written.", msg
        assert b.sheet.getCellByPosition(last, 0).getString() == "Outcome"
        assert "7,900 expected" in b.actions.writeForecast(b.ctrl)
    finally:
        b.close()


def a_million_used_rows_and_an_empty_table(ctx):
    """A sheet whose used area reaches its last row (a value in Z1048576) with a table of
    only a header: every action says there is no lead table, at once, and writes nothing."""
    import time
    b = Book(ctx, rows=None)
    try:
        b.sheet.getCellRangeByName("Z%d" % b.sheet.Rows.Count).setValue(1)
        b.put([LEADS[0]])
        b.select("B1")
        sheets = b.doc.Sheets.ElementNames
        t0 = time.time()
        for action in ("scoreLeads", "writeForecast"):
            assert b.refused(action).startswith("No lead table here."), action
        assert b.refused_with("writeFunnel", 1000.0).startswith("No lead table here.")
        assert list(b.actions.checkData(b.ctrl)) == []
        took = time.time() - t0
        assert took < 5, took
        assert b.doc.Sheets.ElementNames == sheets and b.sheet.getCellRangeByName("I1").getString() == ""
    finally:
        b.close()


def two_tables_keep_their_own_outputs(ctx):
    """Two lead tables on two sheets (two teams): each keeps its own Score column, forecast
    sheet and funnel sheet (marks PIPECALC_SCORE / _2 ..., a sheet output with the _SOURCE
    name of its table). Scoring team B leaves team A's Score column ours: A's table does
    not take it for a scoring attribute, and re-scoring A refreshes it in place; team B's
    forecast goes to a sheet of its own, and re-running either refreshes its own sheet."""
    b = Book(ctx, hidden=False)
    try:
        sheets = b.doc.Sheets
        sheets.insertNewByName("Team B", 1)
        team_b = sheets.getByName("Team B")
        team_b.getCellRangeByPosition(0, 0, 7, 8).setDataArray(tuple(tuple(r) for r in LEADS))
        team_b.getCellRangeByName("C4").setValue(9000)  # B's Cyan is bigger: 3 open, other total
        a_report = b.actions.scoreLeads(b.ctrl)
        a_forecast = b.actions.writeForecast(b.ctrl)
        b.actions.writeFunnel(b.ctrl, 10000.0)
        b.ctrl.setActiveSheet(team_b)
        b.ctrl.select(team_b.getCellRangeByName("B3"))
        assert "Team B.I1:I9" in b.actions.scoreLeads(b.ctrl)
        b_forecast = b.actions.writeForecast(b.ctrl)
        assert "Forecast 2" in b_forecast, b_forecast
        b.actions.writeFunnel(b.ctrl, 10000.0)
        names = set(sheets.ElementNames)
        assert names == {"Sheet1", "Team B", "Forecast", "Forecast 2", "Funnel", "Funnel 2"}, names
        assert "From Team B.A1:H9" in sheets.getByName("Forecast 2").getCellRangeByName("A2").getString()
        assert "From Sheet1.A1:H9" in sheets.getByName("Forecast").getCellRangeByName("A2").getString()
        # back to team A: its Score column is still ours, not an attribute; reruns refresh
        b.ctrl.setActiveSheet(b.sheet)
        b.select("B3")
        d = b.actions.describe(b.ctrl)
        assert "Table Sheet1.A1:H9" in d and "Score:" not in d, d
        assert b.actions.scoreLeads(b.ctrl) == a_report
        assert b.actions.writeForecast(b.ctrl) == a_forecast
        assert set(sheets.ElementNames) == names, sheets.ElementNames
        ranges = set(b.doc.NamedRanges.ElementNames)
        assert {"PIPECALC_SCORE", "PIPECALC_SCORE_2", "PIPECALC_FORECAST", "PIPECALC_FORECAST_2",
                "PIPECALC_FORECAST_SOURCE", "PIPECALC_FORECAST_2_SOURCE"} <= ranges, ranges
        # the forecast sheets stay ours: no lead table there
        b.ctrl.setActiveSheet(sheets.getByName("Forecast 2"))
        b.ctrl.select(sheets.getByName("Forecast 2").getCellRangeByName("A6"))
        assert "forecast sheet" in b.refused("scoreLeads")
    finally:
        b.close()
