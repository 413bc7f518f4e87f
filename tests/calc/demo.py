"""demo.py - builds the demo pipeline workbook (deterministic data) through a running office.

Sheet "Pipeline": 60 open deals (amount, stage, close date, owner) and the stage table.
Sheet "History": 300 closed leads (source, industry, employees, outcome) and a stage log.
Sheet "Forecast": per month of 2027 H1 the expected revenue and P10/P50/P90, computed by
PIPELINE_FORECAST; the funnel (STAGE_CONVERSION, LEADS_NEEDED); LEAD_SCORE of new leads.
"""
import random

STAGES = [("Lead", 0.1), ("Qualified", 0.25), ("Proposal", 0.5), ("Negotiation", 0.75), ("Won", 1.0)]
MONTHS = [(2027, m) for m in range(1, 7)]
SOURCES = ["Web", "Referral", "Trade fair", "Cold call"]
INDUSTRIES = ["Retail", "Health", "Manufacturing", "Public sector"]


def serial(y, m, d):
    import datetime
    return (datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days


def put(sheet, col, row, v):
    c = sheet.getCellByPosition(col, row)
    if isinstance(v, str):
        (c.setFormula if v.startswith("=") else c.setString)(v)
    elif v is not None:
        c.setValue(v)


def put_rows(sheet, rows, col=0, row=0):
    for r, values in enumerate(rows):
        for c, v in enumerate(values):
            put(sheet, col + c, row + r, v)


def build_demo(office, path):
    from office import save_as
    rnd = random.Random(20261127)
    doc = office.new_calc()
    sheets = doc.Sheets
    sheets.getByIndex(0).setName("Pipeline")
    sheets.insertNewByName("History", 1)
    sheets.insertNewByName("Forecast", 2)
    pipe, hist, fc = (sheets.getByName(n) for n in ("Pipeline", "History", "Forecast"))

    deals = [["Deal", "Amount", "Stage", "Close date", "Owner"]]
    for i in range(60):
        y, m = rnd.choice(MONTHS)
        deals.append(["Deal %03d" % (i + 1), rnd.choice([5, 8, 12, 20, 35, 60]) * 1000,
                      rnd.choice(STAGES[:4])[0], serial(y, m, rnd.randint(1, 28)),
                      rnd.choice(["Anna", "Ben", "Chloé", "Deniz"])])
    put_rows(pipe, deals)
    put_rows(pipe, [["Stage", "Probability"]] + [list(s) for s in STAGES], col=7)
    n = len(deals)

    leads = [["Source", "Industry", "Employees", "Outcome", None, "Deal", "Stage entered"]]
    for i in range(300):
        src, ind = rnd.choice(SOURCES), rnd.choice(INDUSTRIES)
        emp = rnd.choice([5, 20, 50, 200, 1000])
        p = 0.15 + (0.3 if src == "Referral" else 0) + (0.15 if ind == "Health" else 0) + (0.1 if emp >= 200 else 0)
        leads.append([src, ind, emp, "won" if rnd.random() < p else "lost"])
    put_rows(hist, leads)
    log = []
    for d in range(120):  # a stage-history log: each deal enters stages up to its furthest
        furthest = rnd.choices(range(5), weights=[30, 25, 20, 10, 15])[0]
        log += [["D%03d" % d, STAGES[k][0]] for k in range(furthest + 1)]
    rnd.shuffle(log)
    put_rows(hist, log, col=5, row=1)
    h_end, log_end = len(leads), len(log) + 1

    amounts, stages, dates = "Pipeline.B2:B%d" % n, "Pipeline.C2:C%d" % n, "Pipeline.D2:D%d" % n
    table = "Pipeline.H2:I6"
    rows = [["Pipecalc demo: forecast of the open pipeline"], [],
            ["Month", "Start", "End", "Expected", "P10", "P50", "P90"]]
    for i, (y, m) in enumerate(MONTHS):
        r = 4 + i
        rows.append(["=TEXT(B%d;\"YYYY-MM\")" % r, "=DATE(%d;%d;1)" % (y, m), "=EOMONTH(B%d;0)" % r] +
                    ["=PIPELINE_FORECAST(%s;%s;%s;%s;B%d;C%d%s)" % (amounts, stages, table, dates, r, r, q)
                     for q in ("", ";0.1", ";0.5", ";0.9")])
    rows += [["Total", None, None, "=PIPELINE_FORECAST(%s;%s;%s)" % (amounts, stages, table),
              "=PIPELINE_FORECAST(%s;%s;%s;;;;0.1)" % (amounts, stages, table),
              "=PIPELINE_FORECAST(%s;%s;%s;;;;0.5)" % (amounts, stages, table),
              "=PIPELINE_FORECAST(%s;%s;%s;;;;0.9)" % (amounts, stages, table)], []]
    order = "Pipeline.H2:H6"
    rows.append(["Funnel", "Conversion to Won", "Leads needed for 10 wins"])
    for k, (st, _) in enumerate(STAGES[:4]):
        rows.append([st, "=STAGE_CONVERSION(History.F2:G%d;\"%s\";\"Won\";%s)" % (log_end, st, order),
                     "=LEADS_NEEDED(10;History.F2:G%d;\"%s\";%s)" % (log_end, st, order)])
    rows += [[], ["New lead", "Source", "Industry", "Employees", "Win probability"]]
    first_lead = len(rows) + 1
    new = [["Referral", "Health", 200], ["Cold call", "Retail", 5], ["Web", "Manufacturing", 50]]
    for i, l in enumerate(new):
        rows.append(["Lead %d" % (i + 1)] + l)
    put_rows(fc, rows)
    last_lead = first_lead + len(new) - 1
    fc.getCellRangeByName("E%d:E%d" % (first_lead, last_lead)).setArrayFormula(
        "=LEAD_SCORE(B%d:D%d;History.A2:C%d;History.D2:D%d)" % (first_lead, last_lead, h_end, h_end))
    doc.calculateAll()  # formats after the results, or Calc's own date format wins
    for rng, fmt in (("B4:C9", "YYYY-MM-DD"), ("D4:G10", "#,##0"), ("B13:B16", "0.0%"),
                     ("E%d:E%d" % (first_lead, last_lead), "0.0%")):
        r = fc.getCellRangeByName(rng)
        r.NumberFormat = doc.NumberFormats.queryKey(fmt, doc.CharLocale, False) if \
            doc.NumberFormats.queryKey(fmt, doc.CharLocale, False) != -1 else \
            doc.NumberFormats.addNew(fmt, doc.CharLocale)
    pipe.getCellRangeByName("D2:D%d" % n).NumberFormat = fc.getCellRangeByName("B4").NumberFormat
    for sh in (pipe, hist, fc):
        sh.Columns.OptimalWidth = True
    if doc.CurrentController:  # open on the forecast
        doc.CurrentController.setActiveSheet(fc)
    doc.calculateAll()
    save_as(doc, path)
    doc.close(True)


def print_forecast(doc, out):
    """Print the Forecast sheet's tables as Calc computed them."""
    fc = doc.Sheets.getByName("Forecast")
    cur = fc.createCursor()
    cur.gotoEndOfUsedArea(False)
    rows, cols = cur.RangeAddress.EndRow + 1, cur.RangeAddress.EndColumn + 1
    for r in range(rows):
        cells = [fc.getCellByPosition(c, r).getString() for c in range(cols)]
        out.write("  ".join("%-14s" % v for v in cells).rstrip() + "\n")
