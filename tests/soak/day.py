#!/usr/bin/python3
"""day.py PIPE MODE N PID - a long day of use of the deck in one running office, run by
soak.py and valgrind_office.py in a process that knows org.pipecalc.XPipelineActions (see
tests/calc/sidebar_driver.py: the caller sets URE_MORE_TYPES to our .rdb).

MODE "soak": N actions on two documents in two windows, each with the Pipeline deck open
(a real window under Xvfb): score, forecast, forecast for a period, funnel, undo, redo,
describe, data checks, lead factors, explain a cell, a click on the panel's Score button,
switching sheets and documents; every 40 actions the current document is closed while its
deck is open and a new one is opened in its place. The resident memory of soffice.bin
(VmRSS of /proc/PID/status) is printed every 100 actions.

MODE "valgrind": N actions (each an action and its undo) on one document of a headless
office, for valgrind_office.py.

Prints "action I NAME ..." lines, "rss I KB" lines and, at the end, one line
"day: ACTIONS actions, REFUSED refused, ERRORS errors"; exit status 0 when no action failed
for another reason than a refusal of the deck's (IllegalArgumentException)."""
import os
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.lang import IllegalArgumentException

FN = "ORG.PIPECALC.PIPELINEFUNCTIONS."
VERBOSE = bool(os.environ.get("SOAK_VERBOSE"))
# SOAK_SKIP=forecast,funnel: steps left out of the day (to find what memory grows with)
SKIP = set(filter(None, os.environ.get("SOAK_SKIP", "").split(",")))
STAGES = ["Lead", "Qualified", "Proposal", "Negotiation"]
OWNERS = ["Ann", "Bob", "Cleo", "Dan"]
SOURCES = ["Web", "Fair", "Call"]
INDUSTRIES = ["Retail", "Health", "Energy"]


def leads(n=120):
    """A deterministic lead table of N deals: a third open, the rest won or lost, over
    four months from 2026-01-05 (serial 46027)."""
    rows = [["Deal", "Stage", "Amount", "Close date", "Owner", "Source", "Industry", "Outcome", "Product"]]
    for i in range(n):
        k = (i * 7919) % 1000
        outcome = "" if i % 3 == 0 else ("won" if k % 5 < 2 else "lost")
        rows.append(["Deal %03d" % i, STAGES[k % 4], 500 + (k * 37) % 9500, 46027 + (k * 13) % 120,
                     OWNERS[i % 4], SOURCES[k % 3], INDUSTRIES[(k // 3) % 3], outcome,
                     ("Starter", "Suite", "Premium")[(k // 7) % 3]])
    return rows


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS for %d" % pid)


class Doc:
    """A Calc document in a window of its own (HIDDEN False) holding the lead table on
    Sheet1 (a cell calling PIPELINE_FORECAST in N2) and a second sheet, Notes; with
    DECK, the Pipeline deck open in its sidebar."""

    def __init__(self, ctx, hidden, deck):
        self.ctx = ctx
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        self.doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", hidden),))
        self.sheet = self.doc.Sheets.getByIndex(0)
        rows = leads()
        self.rows = len(rows)
        self.sheet.getCellRangeByPosition(0, 0, len(rows[0]) - 1, len(rows) - 1).setDataArray(tuple(tuple(r) for r in rows))
        self.sheet.getCellRangeByName("N2").setFormula(
            "=%sPIPELINEFORECAST(C2:C%d;B2:B%d;C2:C%d)" % (FN, len(rows), len(rows), len(rows)))
        self.doc.Sheets.insertNewByName("Notes", 1)
        self.doc.Sheets.getByName("Notes").getCellRangeByName("A1").setString("notes of the day")
        self.ctrl = self.doc.CurrentController
        self.select("B3")
        self.doc.UndoManager.clear()  # the day starts with the table as it is
        self.deck = None
        self.deck_wanted = deck
        if deck:
            disp = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
            self.ctrl.Frame.ContainerWindow.IsMaximized = True
            end = time.time() + 30
            while time.time() < end:  # a new window's sidebar knows its decks a moment later
                disp.executeDispatch(self.ctrl.Frame, ".uno:SidebarDeck.PipecalcDeck", "", 0, ())
                decks = self.ctrl.getSidebar().getDecks()
                if decks.hasByName("PipecalcDeck") and decks.getByName("PipecalcDeck").isActive():
                    self.deck = decks.getByName("PipecalcDeck")
                    break
                time.sleep(0.2)
            assert self.deck is not None, "the deck did not open"

    def select(self, name, sheet=None):
        self.ctrl.select((sheet or self.sheet).getCellRangeByName(name))

    def close(self):
        self.doc.setModified(False)
        self.doc.close(True)


def click_score(doc):
    """Score leads clicked on the deck's Actions panel (through accessibility, as a mouse
    click), waiting for its report."""
    dialog = doc.deck.getPanels().getByName("PipecalcActions").getDialog()
    c = dialog.getAccessibleContext()
    kids = [c.getAccessibleChild(i).getAccessibleContext() for i in range(c.getAccessibleChildCount())]
    at = [i for i, k in enumerate(kids) if k.getAccessibleRole() == 44 and k.getAccessibleName() == "Score leads"]
    assert len(at) == 1, "no Score leads button on the panel"
    report = [k for k in kids[at[0] + 1:] if k.getAccessibleRole() == 30][0]
    windows = list(dialog.getWindows())
    wat = [i for i, w in enumerate(windows) if hasattr(w, "setLabel") and
           w.getAccessibleContext().getAccessibleName() == "Score leads"][0]
    windows[wat + 1].setText("")
    kids[at[0]].doAccessibleAction(0)
    end = time.time() + 60
    while not report.getText() and time.time() < end:
        time.sleep(0.05)
    assert report.getText(), "Score leads on the panel: no report"
    return report.getText()


def table_step(d):
    """on_table(FN): FN run with the cursor back in D's lead table (a written sheet is shown
    after its action, as the manager would go back to the table)."""
    def on_table(fn):
        def run():
            if d.ctrl.ActiveSheet.Name != d.sheet.Name:
                d.ctrl.setActiveSheet(d.sheet)
            d.select("B3")
            return fn()
        return run
    return on_table


def undo_step(um):
    """An undo of UM's last step, when there is one."""
    def undo():
        if um.isUndoPossible():
            um.undo()
    return undo


class Day:
    def __init__(self, ctx, pid):
        self.ctx = ctx
        self.pid = pid
        self.actions = ctx.ServiceManager.createInstanceWithContext("org.pipecalc.PipelineActions", ctx)
        self.count = self.refused = self.errors = 0
        self.rss = {}

    def act(self, name, fn):
        """One action: FN() run, counted; a refusal of the deck's is counted apart, anything
        else (the office gone, a runtime error) is an error."""
        self.count += 1
        t0 = time.time()
        try:
            fn()
            what = "ok"
        except IllegalArgumentException as e:
            self.refused += 1
            what = "refused: " + e.Message.replace("\n", " ")[:200]
        except Exception as e:  # noqa: BLE001 - every other failure is one of the day's errors
            self.errors += 1
            what = "ERROR %s: %s" % (type(e).__name__, str(e)[:300])
        if what != "ok" or self.count % 50 == 0 or VERBOSE or time.time() - t0 > 1.0:
            print("action %d %s %s (%.2fs)" % (self.count, name, what, time.time() - t0), flush=True)
        if self.pid and self.count % 100 == 0:
            self.rss[self.count] = rss_kb(self.pid)
            print("rss %d %d KB" % (self.count, self.rss[self.count]), flush=True)
        if self.errors > 20:
            raise RuntimeError("more than 20 errors: the day ends here")

    # ---- the steps a manager takes, each one action ----
    def steps(self, d, other):
        a, c = self.actions, d.ctrl
        um = d.doc.UndoManager

        on_table, undo = table_step(d), undo_step(um)

        def redo():
            if um.isRedoPossible():
                um.redo()

        def factors():
            c.setActiveSheet(d.sheet)
            d.select("B%d" % (2 + 3 * ((self.count // 7) % 30)))  # an open deal's row
            a.leadFactors(c)

        def explain():
            c.setActiveSheet(d.sheet)
            d.select("N2")
            a.explainCell(c)
            d.select("B3")

        def switch_sheet():
            for name in ("Forecast", "Funnel", "Notes"):
                if d.doc.Sheets.hasByName(name):
                    c.setActiveSheet(d.doc.Sheets.getByName(name))
                    a.describe(c)
            c.setActiveSheet(d.sheet)
            d.select("C4")
            a.describe(c)

        return [
            ("score", on_table(lambda: a.scoreLeads(c))),
            ("undo", undo),
            ("redo", redo),
            ("forecast", on_table(lambda: a.writeForecast(c))),
            ("undo", undo),
            ("redo", redo),
            ("funnel", on_table(lambda: a.writeFunnel(c, 50000.0))),
            ("undo", undo),
            ("redo", redo),
            ("products", on_table(lambda: a.writeProducts(c))),
            ("undo", undo),
            ("redo", redo),
            ("patterns", on_table(lambda: a.writePatterns(c, ""))),
            ("undo", undo),
            ("snapshot", on_table(lambda: a.takeSnapshot(c))),
            ("undo", undo),
            ("redo", redo),
            ("describe", on_table(lambda: a.describe(c))),
            ("checks", on_table(lambda: a.checkData(c))),
            ("factors", factors),
            ("switch-sheet", switch_sheet),
            ("forecast-period", on_table(lambda: a.writeForecastPeriod(c, 46027.0, 46080.0))),
            ("undo", undo),
            ("explain", explain),
            ("roles", on_table(lambda: a.getRoles(c))),
            ("panel-score", on_table((lambda: click_score(d)) if d.deck is not None else (lambda: a.scoreLeads(c)))),
            ("undo", undo),
            ("switch-document", lambda: other.ctrl.Frame.activate() if other else None),
        ]

    def soak(self, n):
        """N actions on two documents in two windows with the deck open, alternating between
        them at each "switch-document"; every 40 actions the current one is closed with its
        deck open and replaced by a new one."""
        deck = not os.environ.get("SOAK_NO_DECK")
        docs = [Doc(self.ctx, hidden=False, deck=deck), Doc(self.ctx, hidden=False, deck=deck)]
        cur = 0
        while self.count < n:
            d, other = docs[cur], docs[1 - cur]
            d.ctrl.Frame.activate()
            for name, fn in self.steps(d, other):
                if self.count >= n:
                    break
                if name in SKIP:
                    continue
                self.act(name, fn)
                if self.count % 40 == 0 and self.count < n:
                    self.act("close-with-deck-open", d.close)
                    docs[cur] = Doc(self.ctx, hidden=False, deck=deck)
                    break
            cur = 1 - cur
        if self.pid and self.count not in self.rss:
            self.rss[self.count] = rss_kb(self.pid)
            print("rss %d %d KB" % (self.count, self.rss[self.count]), flush=True)
        for d in docs:
            d.close()

    def valgrind(self, n):
        """N actions, each followed by its undo (so 2 N calls), on one document with a view
        of a headless office; a new document every 28 actions (two rounds of the plan, the
second on a scored table)."""
        d = Doc(self.ctx, hidden=False, deck=False)
        a, c = self.actions, d.ctrl
        um = d.doc.UndoManager

        undo = undo_step(um)
        plan = [("score", "B3", lambda: a.scoreLeads(c)), ("forecast", "B3", lambda: a.writeForecast(c)),
                ("funnel", "B3", lambda: a.writeFunnel(c, 50000.0)),
                ("forecast-period", "B3", lambda: a.writeForecastPeriod(c, 46027.0, 46080.0)),
                ("checks", "B3", lambda: a.checkData(c)), ("describe", "C5", lambda: a.describe(c)),
                ("factors", "B5", lambda: a.leadFactors(c)), ("explain", "N2", lambda: a.explainCell(c)),
                ("fix-percent", "B3", lambda: a.fixPercentProbabilities(c)),
                ("roles", "B3", lambda: a.setRoles(c, "Industry=none")),
                ("roles-back", "B3", lambda: a.setRoles(c, "")),
                ("products", "B3", lambda: a.writeProducts(c)),
                ("patterns", "B3", lambda: a.writePatterns(c, "")),
                ("snapshot", "B3", lambda: a.takeSnapshot(c))]
        i = 0
        while i < n:
            name, cell, fn = plan[i % len(plan)]
            if c.ActiveSheet.Name != d.sheet.Name:
                c.setActiveSheet(d.sheet)
            d.select(cell)
            self.act(name, fn)
            self.act("undo " + name, undo)
            i += 1
            if i % 28 == 0 and i < n:
                d.close()
                d = Doc(self.ctx, hidden=False, deck=False)
                a, c, um = self.actions, d.ctrl, d.doc.UndoManager
                undo = undo_step(um)
        d.close()

    def keep(self, n):
        """For valgrind_office.py: N chart-writing actions of ours kept (no undo), a new
        document every 4 (closed with its Forecast and Funnel sheets): whether a chart we
        made outlives its document when no undo action holds it."""
        d = None
        for i in range(n):
            if i % 4 == 0:
                if d:
                    d.close()
                d = Doc(self.ctx, hidden=False, deck=False)
            a, c = self.actions, d.ctrl
            name, fn = [("forecast", lambda: a.writeForecast(c)), ("funnel", lambda: a.writeFunnel(c, 50000.0)),
                        ("forecast-period", lambda: a.writeForecastPeriod(c, 46027.0, 46080.0)),
                        ("score", lambda: a.scoreLeads(c))][i % 4]
            if c.ActiveSheet.Name != d.sheet.Name:
                c.setActiveSheet(d.sheet)
            d.select("B3")
            self.act(name, fn)
        d.close()

    def decks(self, n):
        """For valgrind_office.py (VALGRIND_DAY=decks, windows under Xvfb): N documents, one
        after the other, each opened with the deck, scored on the panel and closed with
        the deck open: whether a deck outlives its document."""
        for i in range(n):
            d = Doc(self.ctx, hidden=False, deck=True)
            self.act("panel-score", lambda: click_score(d))
            self.act("close-with-deck-open", d.close)

    def control_soak(self, n):
        """The control for soak.py (SOAK_DAY=control_soak): the charts of the day made by this
        Python process alone (as in control()), no code of ours in the office: two documents
        in windows, each step writes a chart on its sheet and shows it (every other step
        undone), a new document every 40 steps; RSS as in soak()."""
        docs = [Doc(self.ctx, hidden=False, deck=False), Doc(self.ctx, hidden=False, deck=False)]
        while self.count < n:
            k = (self.count // 2) % 2
            d = docs[k]
            d.ctrl.Frame.activate()
            um = d.doc.UndoManager
            i = self.count

            def write():
                um.enterUndoContext("control")
                try:
                    if not d.doc.Sheets.hasByName("Control"):
                        d.doc.Sheets.insertNewByName("Control", d.doc.Sheets.Count)
                    sh = d.doc.Sheets.getByName("Control")
                    sh.getCellRangeByName("A1:D6").setDataArray(
                        (("Month", "Expected", "P10", "P90"), ("2026-01", 1.0 + i, 0.5, 2.0), ("2026-02", 3.0, 1.0, 4.0),
                         ("2026-03", 5.0, 2.0, 6.0), ("2026-04", 7.0, 3.0, 8.0), ("Total", 16.0, 6.5, 20.0)))
                    rect = uno.createUnoStruct("com.sun.star.awt.Rectangle", 0, 3000, 16000, 8500)
                    addr = sh.getCellRangeByName("A1:D5").RangeAddress
                    charts = sh.Charts
                    if charts.hasByName("Control"):
                        charts.removeByName("Control")
                    charts.addNewByName("Control", rect, (addr,), True, True)
                    chart = charts.getByName("Control").EmbeddedObject
                    chart.setDiagram(chart.createInstance("com.sun.star.chart.LineDiagram"))
                    chart.HasMainTitle = True
                    chart.Title.String = "Expected revenue by month"
                    chart.HasLegend = True
                    d.ctrl.setActiveSheet(sh)
                finally:
                    um.leaveUndoContext()
            self.act("control-chart", write)
            self.act("undo control-chart" if i % 4 == 0 else "describe", (lambda: um.undo()) if i % 4 == 0 else
                     (lambda: d.ctrl.setActiveSheet(d.sheet)))
            if self.count % 40 == 0 and self.count < n:
                d.close()
                docs[k] = Doc(self.ctx, hidden=False, deck=False)
        for d in docs:
            d.close()

    def control(self, n):
        """The control for valgrind_office.py: what the forecast's writer asks of Calc (a
        new sheet in one undo context, its table, a chart of it with its diagram set up,
        then undo), done by this Python process alone through the URP bridge, with no code
        of ours in the office; N times, a new document every 22."""
        d = Doc(self.ctx, hidden=False, deck=False)
        for i in range(n):
            um = d.doc.UndoManager

            def write():
                um.enterUndoContext("control")
                try:
                    if not d.doc.Sheets.hasByName("Control"):
                        d.doc.Sheets.insertNewByName("Control", d.doc.Sheets.Count)
                    sh = d.doc.Sheets.getByName("Control")
                    sh.getCellRangeByName("A1:C5").setDataArray(
                        (("Month", "Expected", "P90"), ("2026-01", 1.0, 2.0), ("2026-02", 3.0, 4.0),
                         ("2026-03", 5.0, 6.0), ("2026-04", 7.0, 8.0)))
                    rect = uno.createUnoStruct("com.sun.star.awt.Rectangle", 0, 3000, 16000, 8500)
                    addr = sh.getCellRangeByName("A1:C5").RangeAddress
                    charts = sh.Charts
                    if charts.hasByName("Control"):
                        charts.removeByName("Control")
                    charts.addNewByName("Control", rect, (addr,), True, True)
                    chart = charts.getByName("Control").EmbeddedObject
                    if i % 2 == 0:  # as the forecast's chart: lines, titles, the axis format
                        chart.setDiagram(chart.createInstance("com.sun.star.chart.LineDiagram"))
                        chart.HasMainTitle = True
                        chart.Title.String = "Expected revenue by month"
                        chart.Diagram.HasXAxisTitle = True
                        chart.Diagram.XAxisTitle.String = "Month"
                        chart.Diagram.HasYAxisTitle = True
                        chart.Diagram.YAxisTitle.String = "Revenue"
                        chart.Diagram.YAxis.LinkNumberFormatToSource = False
                        chart.Diagram.YAxis.NumberFormat = 3
                    else:  # as the funnel's: bars on their side
                        chart.Diagram.Vertical = True
                    chart.HasLegend = True
                    d.ctrl.setActiveSheet(sh)  # shown, as the deck shows the sheet it wrote
                finally:
                    um.leaveUndoContext()
            self.act("control-chart", write)
            self.act("undo control-chart", lambda: um.undo())
            if (i + 1) % 22 == 0 and i + 1 < n:
                d.close()
                d = Doc(self.ctx, hidden=False, deck=False)
        d.close()


def main():
    pipe, mode, n, pid = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
    day = Day(ctx, pid)
    t0 = time.time()
    getattr(day, mode)(n)
    print("day: %d actions, %d refused, %d errors (%.0fs)" % (day.count, day.refused, day.errors, time.time() - t0),
          flush=True)
    return 1 if day.errors else 0


if __name__ == "__main__":
    try:
        rc = main()
    except BaseException:
        import traceback
        traceback.print_exc()
        rc = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(rc)  # not through the interpreter's exit (see sidebar_driver.py)
