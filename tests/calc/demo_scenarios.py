"""demo_scenarios.py - the deck's actions on the demo workbook (demo.py), run by
sidebar_driver.py as "demo_scenarios.NAME" in a process that knows
org.pipecalc.XPipelineActions. The workbook's path comes in PIPECALC_DEMO (test_demo.py
builds it first). A manager's first use of the demo must work without any change to it."""
import os

from demo import DEALS, STAGES
from sidebar_scenarios import Book, chart_facts


def open_demo(ctx):
    """The demo workbook, shown (undoing a new sheet needs a view), cursor in its lead table."""
    path = os.environ["PIPECALC_DEMO"]
    b = Book(ctx, rows=None, url="file://" + path, hidden=False)
    b.sheet = b.doc.Sheets.getByName("Pipeline")
    b.ctrl.setActiveSheet(b.sheet)
    b.select("B3")
    return b


def statuses(b):
    return [r[0] for r in b.cells("F2:F%d" % (DEALS + 1))]


def column_of(b, header):
    """The values under HEADER in the Pipeline sheet's first row (None: no such column)."""
    first = b.cells("A1:Z1")[0]
    if header not in first:
        return None
    col = first.index(header)
    rng = b.sheet.getCellRangeByPosition(col, 1, col, DEALS)
    return [r[0] for r in rng.getDataArray()]


def sheet_rows(b, name, rng="A1:H30"):
    return b.cells(rng, b.doc.Sheets.getByName(name))


def describe_sees_open_won_and_lost(b):
    st = statuses(b)
    d = b.actions.describe(b.ctrl)
    want = "Pipeline.A1:L%d: %d rows, %d open, %d won, %d lost" % (
        DEALS + 1, DEALS, st.count("Open"), st.count("Won"), st.count("Lost"))
    assert want in d, (want, d)
    assert st.count("Open") and st.count("Won") and st.count("Lost"), st
    for line in ("Deal: deal name", "Stage: stage", "Amount: amount", "Close date: close date",
                 "Owner: owner", "Status: outcome", "Created: created", "Source: scoring attribute",
                 "Industry: scoring attribute", "Region: scoring attribute", "Product: product",
                 "Forecast category: forecast category"):
        assert line in d, (line, d)


def score_every_open_deal(b):
    st = statuses(b)
    report = b.actions.scoreLeads(b.ctrl)
    assert "Scored %d open leads into Pipeline.M1:M%d" % (st.count("Open"), DEALS + 1) in report, report
    scores = column_of(b, "Score")
    assert scores is not None, b.cells("A1:Z1")
    for status, score in zip(st, scores):
        if status == "Open":
            assert isinstance(score, float) and 0 <= score <= 1, (status, score)
        else:
            assert score == "", (status, score)
    assert len(set(round(s, 6) for s, t in zip(scores, st) if t == "Open")) > 3, "scores tell deals apart"


def likely_products_of_an_open_lead(b):
    """The factors of an open lead end with its likely products (PRODUCT_FIT over the won
    deals), the same figures a PRODUCT_FIT formula over the same cells gives."""
    st = statuses(b)
    row = st.index("Open") + 2
    b.select("B%d" % row)
    text = b.actions.leadFactors(b.ctrl)
    won = st.count("Won")
    line = [l for l in text.split("\n") if l.startswith("Likely products")]
    assert len(line) == 1 and line[0].startswith("Likely products (PRODUCT_FIT, from %d won deals): " % won), text
    shares = [float(part.rsplit(" ", 2)[1]) for part in line[0].split(": ", 1)[1].rstrip(".").split(", ")]
    assert len(shares) == 3 and abs(sum(shares) - 100) <= 2 and shares == sorted(shares, reverse=True), line
    # the same as the function typed into a cell: Source, Industry, Region of the won deals
    n = DEALS + 1
    cell = b.sheet.getCellRangeByName("Z1:Z1")  # an array formula: IF over the rows
    cell.setArrayFormula("=MAX(PRODUCT_FIT(H%d:J%d;H2:J%d;IF(F2:F%d=\"Won\";K2:K%d;\"\")))" % (row, row, n, n, n))
    b.doc.calculateAll()
    got = cell.getCellByPosition(0, 0)
    assert got.getError() == 0 and abs(100 * got.getValue() - shares[0]) <= 0.5, (got.getString(), shares)
    cell.setArrayFormula("")


def forecast_of_the_open_deals(b):
    open_deals = statuses(b).count("Open")
    report = b.actions.writeForecast(b.ctrl)
    assert "Forecast written to sheet Forecast: %d open deals" % open_deals in report, report
    rows = sheet_rows(b, "Forecast", "A1:E40")
    total = [r for r in rows if r[0] == "Total"][0]
    open_amount = sum(a for a, s in zip(column_of(b, "Amount"), statuses(b)) if s == "Open")
    assert 0 < total[1] < open_amount, (total, open_amount)
    assert 0 < total[2] <= total[3] <= total[4] <= open_amount, total
    assert rows[3][:2] == ("Stage", "Probability"), rows[3]
    assert [r[0] for r in rows[4:9]] == [s for s, _ in STAGES], rows[3:10]
    learned = [r[1] for r in rows[4:8]]  # the open stages' probabilities, from the closed deals
    assert all(0 < p < 1 for p in learned) and learned == sorted(learned), learned
    assert rows[8][1] == 1.0, rows[8]  # Won: a won deal is sure; the Status column keeps it out
    probability = {r[0]: r[1] for r in rows[4:9]}
    expected = sum(a * probability[s] for a, s, st in zip(column_of(b, "Amount"), column_of(b, "Stage"),
                                                          statuses(b)) if st == "Open")
    assert abs(total[1] - expected) < 1e-6 * expected, (total, expected)


def wilson90(won, closed):
    z = 1.6448536269514722
    p = won / closed
    centre = (p + z * z / (2 * closed)) / (1 + z * z / closed)
    half = z / (1 + z * z / closed) * (p * (1 - p) / closed + z * z / (4 * closed * closed)) ** 0.5
    return centre - half, centre + half


def products_of_the_pipeline(b):
    """Write products, every figure checked against the Pipeline sheet's cells and the
    Forecast sheet's stage probabilities (written just before); its chart; one undo."""
    n_sheets = b.doc.Sheets.Count
    report = b.actions.writeProducts(b.ctrl)
    assert report.startswith("Products written to sheet Products: 3 products; "), report
    rows = sheet_rows(b, "Products", "A1:N9")
    assert rows[0][0] == "Products: revenue potential" and rows[3][0] == "Product", rows[:4]
    fc = sheet_rows(b, "Forecast", "A1:B10")
    probability = {r[0]: r[1] for r in fc[4:9]}
    deals = b.cells("A2:K%d" % (DEALS + 1))
    by_product = {}
    for d in deals:
        by_product.setdefault(d[10], []).append(d)
    expected_of = {p: sum(d[2] * probability[d[1]] for d in ds if d[5] == "Open") for p, ds in by_product.items()}
    order = sorted(by_product, key=lambda p: -expected_of[p])
    assert [r[0] for r in rows[4:7]] == order and rows[7][0] == "All products", rows
    for r in rows[4:7]:
        ds = by_product[r[0]]
        won = [d for d in ds if d[5] == "Won"]
        lost = [d for d in ds if d[5] == "Lost"]
        opened = [d for d in ds if d[5] == "Open"]
        rate = len(won) / (len(won) + len(lost))
        lo, hi = wilson90(len(won), len(won) + len(lost))
        want = (r[0], len(opened), sum(d[2] for d in opened), expected_of[r[0]],
                sum(d[2] for d in opened) * rate, len(won), sum(d[2] for d in won), len(lost), rate, lo, hi,
                sum(d[2] for d in won) / len(won), sum(d[3] - d[6] for d in won) / len(won))
        for got, w in zip(r, want):
            assert got == w if isinstance(w, str) else abs(got - w) <= 1e-9 * max(1, abs(w)), (r, want)
    assert abs(rows[7][3] - sum(expected_of.values())) < 1e-6, rows[7]
    # the same probabilities as Write forecast: the products' expected revenue adds up to its total
    total = [r for r in sheet_rows(b, "Forecast", "A1:E40") if r[0] == "Total"][0]
    assert abs(rows[7][3] - total[1]) < 1e-6 * total[1], (rows[7], total)
    fmt = b.doc.Sheets.getByName("Products").getCellRangeByName("I5").NumberFormat
    assert "%" in b.doc.NumberFormats.getByKey(fmt).FormatString, "win rates shown as percent"
    chart = chart_facts(b.doc.Sheets.getByName("Products"), "PipecalcProducts")
    assert chart["series"] == ["Expected revenue", "Won revenue"] and chart["legend"], chart
    assert chart["title"] == "Expected revenue of the open deals and won revenue, by product", chart
    b.doc.UndoManager.undo()
    assert b.doc.Sheets.Count == n_sheets, "one undo removes the products sheet"
    b.doc.UndoManager.redo()
    assert b.doc.Sheets.Count == n_sheets + 1


def patterns_of_the_pipeline(b):
    """Write patterns finds the History sheet's dated log; every figure of the Source block and
    of Time in stage checked against the cells, the stalled deals against the log; one undo."""
    n_sheets = b.doc.Sheets.Count
    report = b.actions.writePatterns(b.ctrl, "")
    assert report.startswith("Patterns written to sheet Patterns: 5 columns broken down. "), report
    assert "\nStage log History.A1:C" in report, report
    rows = sheet_rows(b, "Patterns", "A1:J140")
    assert rows[0][0] == "Patterns: what wins deals" and rows[2][0] == "What stands out", rows[:3]
    assert rows[3][0] in report, (rows[3], report)  # the largest standout, in the report too
    deals = b.cells("A2:K%d" % (DEALS + 1))
    heads = [i for i, r in enumerate(rows) if r[1] == "Closed deals"]
    assert [rows[i][0] for i in heads] == ["Owner", "Source", "Industry", "Region", "Product"], heads
    src = [i for i in heads if rows[i][0] == "Source"][0]
    block = []
    for r in rows[src + 1:]:
        if r[0] == "All deals":
            break
        block.append(r)
    rates = [r[3] for r in block]
    assert rates == sorted(rates, reverse=True) and len(block) == 4, block
    for r in block:
        mine = [d for d in deals if d[7] == r[0]]
        won = [d for d in mine if d[5] == "Won"]
        closed = [d for d in mine if d[5] in ("Won", "Lost")]
        lo, hi = wilson90(len(won), len(closed))
        want = (r[0], len(closed), len(won), len(won) / len(closed), lo, hi,
                sum(d[2] for d in won) / len(won), sum(d[3] - d[6] for d in won) / len(won),
                len(mine) - len(closed))
        for got, w in zip(r, want):
            assert got == w if isinstance(w, str) else abs(got - w) <= 1e-9 * max(1, abs(w)), (r, want)
    # time in stage, from the History log as read here
    t = [i for i, r in enumerate(rows) if r[0] == "Time in stage"][0]
    assert rows[t + 1][:5] == ("Stage", "Completed stays", "Median days", "P90 days", "Still open"), rows[t + 1]
    for r in rows[t + 2:t + 6]:
        stays = stays_in_the_log(b, r[0])
        assert r[1] == len(stays) and abs(r[2] - percentile_inc(stays, 0.5)) < 1e-9 and \
            abs(r[3] - percentile_inc(stays, 0.9)) < 1e-9, (r, len(stays))
    # every deal listed as open longer than usual is open, and past its stage's P90
    late = [i for i, r in enumerate(rows) if r[0].startswith("Open longer than usual")][0]
    status = {d[0]: d[5] for d in deals}
    listed = [r for r in rows[late + 2:] if r[0].startswith("Deal ")]
    assert listed and all(status[r[0]] == "Open" and r[2] > r[3] for r in listed), listed
    chart = chart_facts(b.doc.Sheets.getByName("Patterns"), "PipecalcPatterns")
    assert chart["title"] and chart["type"] == "com.sun.star.chart.BarDiagram", chart
    b.doc.UndoManager.undo()
    assert b.doc.Sheets.Count == n_sheets, "one undo removes the patterns sheet"
    b.doc.UndoManager.redo()


def funnel_for_a_target(b):
    report = b.actions.writeFunnel(b.ctrl, 250000.0)
    assert report.startswith("Funnel written to sheet Funnel: "), report
    rows = sheet_rows(b, "Funnel", "A1:E12")
    assert [r[0] for r in rows[4:9]] == [s for s, _ in STAGES], rows
    reached = [r[1] for r in rows[4:9]]
    assert reached == sorted(reached, reverse=True) and reached[-1] == statuses(b).count("Won"), reached
    for r in rows[4:8]:
        assert 0 < r[2] <= 1 and 0 < r[3] <= 1, r
        assert isinstance(r[4], float) and r[4] >= 1 and r[4] == int(r[4]), r
    assert rows[10][:2] == ("Target", 250000), rows[10]


def checks_run(b):
    found = b.actions.checkData(b.ctrl)
    assert isinstance(found, tuple) and all(isinstance(s, str) and s for s in found), found
    print("checkData on the demo: %r" % (found,))
    stalled = [s for s in found if "longer than 90 % of the deals that left it" in s]
    assert len(stalled) == 1 and "stage log History.A1:C" in stalled[0] and "see Write patterns" in stalled[0], found


def example_formulas_compute(b):
    """Every formula on Examples computes without an error, our functions' results are
    numbers, and explainCell says each of ours computes."""
    ex = b.doc.Sheets.getByName("Examples")
    b.ctrl.setActiveSheet(ex)
    ours = 0
    for row in range(40):
        for col in range(8):
            cell = ex.getCellByPosition(col, row)
            formula = cell.getFormula().lstrip("{")  # an array formula's cells show {=...}
            if not formula.startswith("="):
                continue
            name = cell.AbsoluteName
            assert cell.getError() == 0, (name, formula, cell.getError())
            if not any(f in formula.upper() for f in ("PIPELINE", "STAGE", "LEADS", "LEAD_SCORE", "SALES_VELOCITY",
                                               "PRODUCT_FIT", "PRODUCTFIT")):
                continue
            ours += 1
            assert cell.getValue() > 0, (name, formula, cell.getValue())
            if "SALESVELOCITY" in formula.upper().replace("_", ""):
                want = velocity_of_the_table(b)
                assert abs(cell.getValue() - want) <= 1e-9 * want, (name, cell.getValue(), want)
                b.velocities = getattr(b, "velocities", 0) + 1
            if "STAGEDURATION" in formula.upper().replace("_", ""):
                stage = ex.getCellByPosition(0, row).getString()
                stays = stays_in_the_log(b, stage)
                want = (sum(stays) / len(stays) if ";0.9)" not in formula else
                        percentile_inc(stays, 0.9))
                assert abs(cell.getValue() - want) <= 1e-9 * want, (name, cell.getValue(), want)
                b.durations = getattr(b, "durations", 0) + 1
            if "PRODUCTFIT" in formula.upper().replace("_", ""):
                b.fits = getattr(b, "fits", 0) + 1
                assert cell.getValue() < 1, (name, cell.getValue())
            if "LEAD_SCORE" in formula.upper() or "STAGE_CONVERSION" in formula.upper():
                assert cell.getValue() <= 1, (name, formula, cell.getValue())
            # beside the cell, or beside its block's header (the scores' array formula)
            text = [ex.getCellByPosition(7, r).getString() for r in range(row, row - 4, -1)]
            assert any(text), "a line saying what %s computes" % name
            b.ctrl.select(cell)
            said = b.actions.explainCell(b.ctrl)
            assert said.endswith("computes without an error."), (name, said)
    assert ours >= 7 * 4 + 4 * 5 + 3 + 1, ours  # forecasts, funnel, three scores, velocity
    assert getattr(b, "velocities", 0) == 1
    assert getattr(b, "durations", 0) == 8
    assert getattr(b, "fits", 0) == 9  # three leads x three products, each row summing to 1
    fit = [r[1:4] for r in b.cells("A1:D60", ex) if r[0] in ("Lead 1", "Lead 2", "Lead 3")][3:]
    assert len(fit) == 3 and all(abs(sum(r) - 1) < 1e-9 for r in fit), fit


def stays_in_the_log(b, stage):
    """The completed stays in STAGE of the History sheet's dated log, read here: each deal's
    entries by date, a stay ends at the deal's next entry (the demo enters each stage once)."""
    hist = b.doc.Sheets.getByIndex(1)
    cur = hist.createCursor()
    cur.gotoEndOfUsedArea(False)
    rows = hist.getCellRangeByPosition(0, 1, 2, cur.RangeAddress.EndRow).getDataArray()
    by_deal = {}
    for i, (deal, name, date) in enumerate(rows):
        by_deal.setdefault(deal, []).append((date, i, name))
    out = []
    for entries in by_deal.values():
        entries.sort()
        for (d0, _, s0), (d1, _, s1) in zip(entries, entries[1:]):
            if s0 == stage and s1 != stage:
                out.append(d1 - d0)
    return sorted(out)


def percentile_inc(values, p):
    rank = (len(values) - 1) * p
    low = int(rank)
    high = min(low + 1, len(values) - 1)
    return values[low] + (rank - low) * (values[high] - values[low])


def velocity_of_the_table(b):
    """SALES_VELOCITY of the Pipeline table, computed here from its cells: open deals x win
    rate x average won amount / average days from Created to Close date of the won deals."""
    rows = b.cells("A2:G%d" % (DEALS + 1))
    won = [r for r in rows if r[5] == "Won"]
    lost = [r for r in rows if r[5] == "Lost"]
    opened = len(rows) - len(won) - len(lost)
    return (opened * len(won) / (len(won) + len(lost)) * (sum(r[2] for r in won) / len(won))
            / (sum(r[3] - r[6] for r in won) / len(won)))


def changes_of_the_last_week(b):
    """What changed on first run: the demo's two latest snapshots, their pipelines as the
    history sheet holds them, start + the changes = end."""
    report = b.actions.writeChanges(b.ctrl, "", 0.0, 0.0)
    assert report.startswith("What changed from 2026-11-24 to 2026-12-01 written to sheet Pipeline changes"), report
    hist = sheet_rows(b, "Pipeline history", "A1:H3000")
    def pipeline(day):
        return sum(r[3] for r in hist[1:] if r[0] == day and r[6] == "Open")
    rows = sheet_rows(b, "Pipeline changes", "A6:C16")
    assert rows[0] == ("Step", "Amount", "Deals"), rows[0]
    assert rows[1][1] == pipeline(46350) and rows[10][1] == pipeline(46357), (rows, pipeline(46350))
    open_amount = sum(a for a, st in zip(column_of(b, "Amount"), statuses(b)) if st == "Open")
    assert rows[10][1] == open_amount, "the latest snapshot is the table as it is"
    assert abs(sum(r[1] for r in rows[1:10]) - rows[10][1]) < 1e-6, rows
    moved = {r[0]: r[2] for r in rows[2:10]}
    assert moved["New"] > 0 and moved["Won"] > 0 and moved["Lost"] > 0, moved


def categories_against_the_targets(b):
    """Forecast categories on first run: the Targets sheet's six months, the expected
    revenue the same as Write forecast's (no probability typed in the demo)."""
    report = b.actions.writeCategories(b.ctrl, "", "")
    assert report.startswith("Forecast categories written to sheet Forecast categories: 6 periods"), report
    assert "6 targets from Targets.A1:B7." in report, report
    rows = sheet_rows(b, "Forecast categories", "A1:M30")
    h = [i for i, r in enumerate(rows) if r[0] == "Month"][0]
    months = rows[h + 1:h + 7]
    assert [r[0] for r in months] == ["2027-%02d" % m for m in range(1, 7)], months
    assert [r[9] for r in months] == [300000, 300000, 350000, 350000, 400000, 400000], months
    assert all(r[2] > 0 for r in months), "every month has Commit deals"
    total = [r for r in rows if r[0] == "Total"][0]
    forecast = [r for r in sheet_rows(b, "Forecast", "A1:E40") if r[0] == "Total"][0]
    assert abs(total[6] - forecast[1]) < 1e-6 * forecast[1], (total, forecast)


def accuracy_of_past_forecasts(b):
    """Forecast accuracy on first run: the demo's earlier snapshots' forecasts against what
    was won since, every actual the won revenue of the deals open at the snapshot; one
    undo step takes the sheet back."""
    n_sheets = b.doc.Sheets.Count
    report = b.actions.writeAccuracy(b.ctrl)
    assert report.startswith("Forecast accuracy written to sheet Forecast accuracy: "), report
    acc = b.doc.Sheets.getByName("Forecast accuracy")
    rows = acc.getCellRangeByName("A1:J200").getDataArray()
    head = [i for i, r in enumerate(rows) if r[0] == "Snapshot"]
    assert head, rows[:12]
    periods = [r for r in rows[head[0] + 1:] if isinstance(r[0], float)]
    assert len(periods) >= 10, periods
    inside = sum(1 for r in periods if r[9] == "Yes")
    assert "%d periods from" % len(periods) in report, (report, len(periods))
    for r in periods:  # P10 <= P50 <= P90, inside as the numbers say
        assert r[4] <= r[5] <= r[6], r
        assert (r[9] == "Yes") == (r[4] - 1e-6 <= r[7] <= r[6] + 1e-6), r
    assert acc.Charts.getCount() >= 1
    b.doc.UndoManager.undo()
    assert b.doc.Sheets.Count == n_sheets, "one undo step"
    return inside


def deck_actions_on_the_demo(ctx):
    b = open_demo(ctx)
    try:
        describe_sees_open_won_and_lost(b)
        checks_run(b)
        score_every_open_deal(b)
        likely_products_of_an_open_lead(b)
        b.ctrl.setActiveSheet(b.sheet)
        b.select("B3")
        forecast_of_the_open_deals(b)
        b.ctrl.setActiveSheet(b.sheet)
        b.select("B3")
        products_of_the_pipeline(b)
        b.ctrl.setActiveSheet(b.sheet)
        b.select("B3")
        patterns_of_the_pipeline(b)
        b.ctrl.setActiveSheet(b.sheet)
        b.select("B3")
        funnel_for_a_target(b)
        b.ctrl.setActiveSheet(b.sheet)
        b.select("B3")
        changes_of_the_last_week(b)
        b.ctrl.setActiveSheet(b.sheet)
        b.select("B3")
        categories_against_the_targets(b)
        b.ctrl.setActiveSheet(b.sheet)
        b.select("B3")
        accuracy_of_past_forecasts(b)
        b.doc.calculateAll()
        example_formulas_compute(b)
    finally:
        b.close()
