"""chart_scenarios.py - the Forecast and Funnel sheets with their charts in a Calc window,
for the screenshots of tests/ui/test_charts_ui.py (run through sidebar_driver.py, which
knows our actions' interface type)."""
import os
import random
import subprocess
import time

from sidebar_scenarios import Book, chart_facts

STAGES = ["Lead", "Qualified", "Proposal", "Negotiation"]
OWNERS = ["Ann", "Bob", "Cleo"]
SOURCES = ["Web", "Referral", "Trade fair"]
INDUSTRIES = ["Retail", "Health", "Manufacturing"]
PRODUCTS = ["Starter", "Professional", "Enterprise"]


def deals(n=48, seed=11):
    """N deals (a fixed seed): open ones closing over six months of 2026, won and lost ones."""
    rnd = random.Random(seed)
    rows = [["Deal", "Stage", "Amount", "Close date", "Owner", "Source", "Industry", "Outcome", "Product"]]
    for i in range(n):
        stage = rnd.choice(STAGES)
        outcome = rnd.choice(["", "", "won", "lost"])
        amount = rnd.choice([1500, 2500, 4000, 6500, 9000, 12000, 18000])
        close = 46023 + rnd.randrange(0, 180)  # 2026-01-01 and the half year after it
        rows.append(["Deal %02d" % (i + 1), stage, amount, close, rnd.choice(OWNERS), rnd.choice(SOURCES),
                     rnd.choice(INDUSTRIES), outcome, PRODUCTS[i % 3]])
    return rows


def shoot(path):
    time.sleep(2)
    subprocess.run(["import", "-display", os.environ["DISPLAY"], "-window", "root", "-resize", "75%",
                    "+dither", "-colors", "64", "PNG8:" + path], check=True)
    print("screenshot", os.path.abspath(path), flush=True)


def forecast_and_funnel_shots(ctx):
    b = Book(ctx, rows=deals(), hidden=False)
    try:
        b.ctrl.Frame.ContainerWindow.setPosSize(0, 0, 1280, 800, 15)
        b.ctrl.Frame.ContainerWindow.IsMaximized = True
        b.select("B3")
        print(b.actions.writeForecast(b.ctrl), flush=True)
        b.select("B3")
        print(b.actions.writeFunnel(b.ctrl, 50000.0), flush=True)
        b.select("B3")
        print(b.actions.writeProducts(b.ctrl), flush=True)
        docs = os.environ["PIPECALC_DOCS"]
        for sheet_name, chart, png in (("Forecast", "PipecalcForecast", "forecast-chart.png"),
                                       ("Funnel", "PipecalcFunnel", "funnel-chart.png"),
                                       ("Products", "PipecalcProducts", "products-chart.png")):
            sheet = b.doc.Sheets.getByName(sheet_name)
            facts = chart_facts(sheet, chart)
            print(sheet_name, facts, flush=True)
            assert facts["title"] and facts["x_title"] and facts["y_title"], facts
            b.ctrl.setActiveSheet(sheet)
            b.ctrl.select(sheet.getCellRangeByName("A1"))
            shoot(os.path.join(docs, png))
        b.doc.setModified(False)
    finally:
        b.close()


def german_report_shots(ctx):
    """The German demo (PIPECALC_DEMO) in a German office: Write products and Write patterns,
    their sheets shot as a German manager sees them (docs/products-de.png, patterns-de.png)."""
    import uno
    from sidebar_scenarios import Book
    b = Book(ctx, rows=None, url=uno.systemPathToFileUrl(os.environ["PIPECALC_DEMO"]), hidden=False)
    try:
        b.ctrl.Frame.ContainerWindow.IsMaximized = True
        b.sheet = b.doc.Sheets.getByName("Pipeline")
        b.ctrl.setActiveSheet(b.sheet)
        b.select("B3")
        report = b.actions.writeProducts(b.ctrl)
        print(report, flush=True)
        assert report.startswith("Produkte im Blatt Produkte geschrieben"), report
        b.ctrl.setActiveSheet(b.sheet)
        b.select("B3")
        report = b.actions.writePatterns(b.ctrl, "")
        print(report, flush=True)
        assert report.startswith("Muster im Blatt Muster geschrieben") and "Phasenprotokoll Verlauf." in report, report
        docs = os.environ["PIPECALC_DOCS"]
        for name, png in (("Produkte", "products-de.png"), ("Muster", "patterns-de.png")):
            sheet = b.doc.Sheets.getByName(name)
            b.ctrl.setActiveSheet(sheet)
            b.ctrl.select(sheet.getCellRangeByName("A1"))
            shoot(os.path.join(docs, png))
        b.doc.setModified(False)
    finally:
        b.close()
