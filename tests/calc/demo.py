"""demo.py - builds the demo pipeline workbook (deterministic data) through a running office.

Sheet "Pipeline": ONE lead table of 200 deals, open, won and lost (deal, stage, amount, close
date, owner, status, created, and the attributes source, industry, region, product): the
deck's actions work on it unchanged, and so do the example formulas.
Sheet "History": the dated stage-history log of those deals (deal | stage entered | date
entered): each deal enters Lead on its Created date, a won deal enters Won and a lost one
Lost on its Close date.
Sheet "Stages": the stage table (stage | probability) the example forecasts use.
Sheet "Pipeline history": weekly snapshots of the table over the last months, as Take
snapshot writes them (derived backwards from the log and the deals: a deal is in a
snapshot once created, at the stage it had entered by then, open until it closed; some
amounts grew and some close dates slipped since), so that What changed and Forecast
accuracy work on first run. Sheet "Targets": a revenue target per month of 2027 H1, for
Forecast categories. The Pipeline table has a Forecast category per open deal.
Sheet "Examples": PIPELINE_FORECAST (expected, P10/P50/P90, per month), STAGE_CONVERSION,
LEADS_NEEDED, STAGE_DURATION (average and P90 days in each stage), LEAD_SCORE (an array
formula over new leads), SALES_VELOCITY and PRODUCT_FIT (the new leads' likely products),
each with a line saying what
it computes, all on the Pipeline table.

build_demo(..., lang="de") writes the same workbook in German (sheet names, headers,
stages, statuses, lines; a de-DE document): the template of a German office
(build/make-templates.py). The data (amounts, dates, which deal is won) is the same.
"""
import datetime
import random

STAGES = [("Lead", 0.1), ("Qualified", 0.25), ("Proposal", 0.5), ("Negotiation", 0.75), ("Won", 1.0)]
OPEN_MONTHS = [(2027, m) for m in range(1, 7)]
SOURCES = ["Web", "Referral", "Trade fair", "Cold call"]
INDUSTRIES = ["Retail", "Health", "Manufacturing", "Public sector"]
REGIONS = ["North", "South", "East", "West"]
PRODUCTS = ["Starter", "Professional", "Enterprise"]
OWNERS = ["Anna", "Ben", "Chloé", "Deniz"]
HEADER = ["Deal", "Stage", "Amount", "Close date", "Owner", "Status", "Created",
          "Source", "Industry", "Region", "Product", "Forecast category"]
HISTORY_HEADER = ["Snapshot", "Deal", "Stage", "Amount", "Close date", "Owner", "Outcome", "Probability"]
# the snapshots' days: monthly from March, then weekly up to the demo's today
SNAPSHOT_DAYS = [datetime.date(2026, m, 1) for m in range(3, 12)] + [
    datetime.date(2026, 11, 17), datetime.date(2026, 11, 24), datetime.date(2026, 12, 1)]
TARGETS = [((2027, m), t) for m, t in zip(range(1, 7), (300000, 300000, 350000, 350000, 400000, 400000))]
DEALS = 200
TODAY = datetime.date(2026, 12, 1)  # the demo's "now": closed deals before it, open ones after


# The German workbook's words; a text not listed stays as it is (Deal, Lead, Pipeline, ...).
GERMAN = {
    "History": "Verlauf", "Stages": "Phasen", "Examples": "Beispiele",
    "Stage": "Phase", "Amount": "Betrag", "Close date": "Abschlussdatum", "Owner": "Verantwortlich",
    "Created": "Angelegt", "Source": "Quelle", "Industry": "Branche", "Product": "Produkt",
    "Probability": "Wahrscheinlichkeit", "Stage entered": "Phase erreicht",
    "Date entered": "Erreicht am", "Average days in stage": "Tage in der Phase (Mittel)",
    "P90 days in stage": "Tage in der Phase (P90)",
    "Qualified": "Qualifiziert", "Proposal": "Angebot", "Negotiation": "Verhandlung",
    "Won": "Gewonnen", "Lost": "Verloren", "Open": "Offen",
    "Referral": "Empfehlung", "Trade fair": "Messe", "Cold call": "Kaltakquise",
    "Retail": "Handel", "Health": "Gesundheit", "Manufacturing": "Industrie",
    "Public sector": "Öffentlicher Sektor", "North": "Nord", "South": "Süd", "East": "Ost",
    "West": "West",
    "Pipecalc demo: example formulas on the Pipeline sheet's lead table":
        "Pipecalc-Demo: Beispielformeln zur Deal-Tabelle auf dem Blatt Pipeline",
    "Forecast of the open deals per month": "Prognose der offenen Deals je Monat",
    "Expected": "Erwartet", "Month": "Monat", "Start": "Beginn", "End": "Ende", "Total": "Summe",
    "Expected won revenue of the open deals closing this month (amount × stage probability), "
    "and the revenue reached with 90 %, 50 % and 10 % certainty":
        "Erwarteter Umsatz der offenen Deals mit Abschluss in diesem Monat (Betrag × "
        "Gewinnwahrscheinlichkeit der Phase) und der Umsatz, der mit 90 %, 50 % und 10 % "
        "Sicherheit erreicht wird",
    "The same over every open deal; won and lost deals (Status) are left out":
        "Dasselbe über alle offenen Deals; gewonnene und verlorene Deals (Status) zählen nicht",
    "Funnel": "Trichter", "Conversion to Won": "Konversion zu Gewonnen",
    "Leads needed for 10 wins": "Nötige Leads für 10 Abschlüsse",
    "Leads needed for 250,000": "Nötige Leads für 250.000",
    "Forecast category": "Prognosekategorie", "Commit": "Zusage", "Best case": "Bester Fall",
    "Omitted": "Ausgelassen", "Pipeline history": "Pipeline-Verlauf", "Snapshot": "Stichtag",
    "Outcome": "Ergebnis", "Targets": "Ziele", "Target": "Ziel",
    "New lead": "Neuer Lead", "Win probability": "Gewinnwahrscheinlichkeit",
    "Sales velocity": "Vertriebsgeschwindigkeit", "Likely product": "Wahrscheinliches Produkt",
}
GERMAN_FORMATS = {"YYYY-MM": "JJJJ-MM"}


def words(lang):
    """The text of LANG for an English text of the demo."""
    return (lambda t: GERMAN.get(t, t)) if lang == "de" else (lambda t: t)


def serial(y, m, d):
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


def win_chance(source, industry, product):
    """The demo's hidden truth, so that LEAD_SCORE has something to find."""
    return (0.2 + (0.3 if source == "Referral" else 0) - (0.1 if source == "Cold call" else 0)
            + (0.15 if industry == "Health" else 0) + (0.1 if product == "Starter" else 0))


def amount_of(rnd, product):
    """Realistic deal sizes per product, rounded to 500."""
    low, high = {"Starter": (3000, 12000), "Professional": (12000, 45000), "Enterprise": (45000, 160000)}[product]
    return round(rnd.uniform(low, high) / 500) * 500


def stage_dates(when, created, close, stages):
    """The dates a deal entered its STAGES: Lead on CREATED, the later ones on sorted days up
    to CLOSE (a won deal enters Won on CLOSE); an open deal's entries stop at TODAY. WHEN is
    a Random of its own, so that the deals stay as they were before the log had dates."""
    last = close if close <= TODAY else max(created, TODAY)
    days = max((last - created).days, 0)
    won = stages[-1] == len(STAGES) - 1 and close <= TODAY
    middle = sorted(when.randint(1, max(days - 1, 1)) for _ in stages[1:len(stages) - won])
    out = [created] + [created + datetime.timedelta(days=min(d, days)) for d in middle]
    return out + [close] if won else out


def category_of(rnd, stage, status):
    """The rep's forecast category of an open deal: Negotiation is mostly Commit, Proposal
    mostly Best case, a few deals Omitted; closed deals have none."""
    if status != "Open":
        return ""
    if rnd.random() < 0.05:
        return "Omitted"
    if stage == "Negotiation":
        return "Commit" if rnd.random() < 0.8 else "Best case"
    if stage == "Proposal":
        return "Best case" if rnd.random() < 0.7 else "Commit"
    return "Pipeline"


def history_rows(deals, log, w=words("en")):
    """The Pipeline history's rows (header first): each deal of DEALS in each snapshot of
    SNAPSHOT_DAYS from its Created day on, at the last stage LOG has it enter by then (Lost
    is its last stage's outcome, not a stage), open until its Close date; a few amounts were
    lower then and a few close dates earlier (they slipped since)."""
    rnd = random.Random(20261201)
    entered = {}
    for name, stage, day in log:
        if stage != w("Lost"):
            entered.setdefault(name, []).append((day, stage))
    grew = {d[0]: rnd.random() < 0.15 for d in deals}
    n = len(SNAPSHOT_DAYS)
    # the snapshot from which on a slipped deal shows its later close date
    slipped = {d[0]: (rnd.choice((14, 21, 30)), rnd.randrange(n - 4, n)) if rnd.random() < 0.25
               else (0, 0) for d in deals}
    # a deal "created" after the demo's today was entered a few weeks before it
    entered_on = {d[0]: d[6] if d[6] <= serial(TODAY.year, TODAY.month, TODAY.day)
                  else serial(TODAY.year, TODAY.month, TODAY.day) - 7 * rnd.randint(0, 10) for d in deals}
    rows = [[w(h) for h in HISTORY_HEADER]]
    for k, day in enumerate(SNAPSHOT_DAYS):
        s = serial(day.year, day.month, day.day)
        latest = k == n - 1  # the table as it is (what Take snapshot writes today)
        for name, stage, amount, close, owner, status, created in (d[:7] for d in deals):
            if entered_on[name] > s and not latest:
                continue
            if status != w("Open") and close <= s:
                rows.append([s, name, stage, amount, close, owner, status, ""])
                continue
            steps = sorted(e for e in entered.get(name, []) if e[0] <= s)
            was = steps[-1][1] if steps else w("Lead")
            if was == w("Won"):
                was = w("Negotiation")
            then = round(amount * 0.8 / 500) * 500 if grew[name] and k < n - 2 else amount
            days, since = slipped[name]
            due = close - days if k < since else close
            rows.append([s, name, was, then, due, owner, w("Open"), ""])
    return rows


def make_deals(rnd, w=words("en")):
    """The table's rows and the stage log: each deal enters the stages up to its furthest,
    in the words W gives."""
    rows, log = [], []
    when = random.Random(20261203)
    rep = random.Random(20261204)  # the categories: of their own, the deals stay as they were
    for i in range(DEALS):
        src, ind, reg = rnd.choice(SOURCES), rnd.choice(INDUSTRIES), rnd.choice(REGIONS)
        prod = rnd.choices(PRODUCTS, weights=[5, 4, 2])[0]
        name = "Deal %03d" % (i + 1)
        if i % 10 < 4:  # open: close in the first half of 2027
            y, m = rnd.choice(OPEN_MONTHS)
            close = datetime.date(y, m, rnd.randint(1, 28))
            furthest = rnd.choices(range(4), weights=[30, 30, 25, 15])[0]
            stage, status = STAGES[furthest][0], "Open"
        else:  # closed in 2026, won or lost after the hidden truth
            close = TODAY - datetime.timedelta(days=rnd.randint(1, 330))
            if rnd.random() < win_chance(src, ind, prod):
                furthest, stage, status = 4, "Won", "Won"
            else:
                furthest = rnd.choices(range(4), weights=[35, 30, 25, 10])[0]
                stage, status = STAGES[furthest][0], "Lost"
        created = close - datetime.timedelta(days=rnd.randint(20, 150))
        rows.append([name, w(stage), amount_of(rnd, prod), serial(close.year, close.month, close.day),
                     rnd.choice(OWNERS), w(status), serial(created.year, created.month, created.day),
                     w(src), w(ind), w(reg), prod, w(category_of(rep, stage, status))])
        entered = stage_dates(when, created, close, list(range(furthest + 1)))
        log += [[name, w(STAGES[k][0]), serial(d.year, d.month, d.day)]
                for k, d in zip(range(furthest + 1), entered)]
        if status == "Lost":  # as CRMs log it: the day it was lost, a stage of its own
            log.append([name, w("Lost"), serial(close.year, close.month, close.day)])
    rnd.shuffle(log)
    return rows, log


def mark_history(doc, sheet_name, rows):
    """Mark the history as Take snapshot does (the named range PIPECALC_SNAPSHOTS over it),
    so that the deck reads it and appends to it."""
    import uno
    pos = uno.createUnoStruct("com.sun.star.table.CellAddress")
    pos.Sheet = [doc.Sheets.getByIndex(i).Name for i in range(doc.Sheets.Count)].index(sheet_name)
    doc.NamedRanges.addNewByName("PIPECALC_SNAPSHOTS", "$'%s'.$A$1:$H$%d" % (sheet_name, rows), pos, 0)


def number_format(doc, fmt):
    key = doc.NumberFormats.queryKey(fmt, doc.CharLocale, False)
    return key if key != -1 else doc.NumberFormats.addNew(fmt, doc.CharLocale)


def example_rows(n, log_end, w=words("en")):
    """The Examples sheet: formula cells with a line beside each saying what it computes,
    in the words W gives. Returns the rows and the range of the new leads LEAD_SCORE scores."""
    col = lambda c: "$Pipeline.$%s$2:$%s$%d" % (c, c, n)  # noqa: E731
    amounts, stages, dates, status = col("C"), col("B"), col("D"), col("F")
    table = "$%s.$A$2:$B$6" % w("Stages")
    order, log = "$%s.$A$2:$A$6" % w("Stages"), "$%s.$A$2:$B$%d" % (w("History"), log_end)
    won = w("Won")
    fc = "PIPELINE_FORECAST(%s;%s;%s" % (amounts, stages, table)
    rows = [[w("Pipecalc demo: example formulas on the Pipeline sheet's lead table")], [],
            [w("Forecast of the open deals per month"), None, None, w("Expected"), "P10", "P50", "P90"],
            [w("Month"), w("Start"), w("End")]]
    for i, (y, m) in enumerate(OPEN_MONTHS):
        r = len(rows) + 1
        # YYYY-MM without TEXT(): its format codes are the document locale's (JJJJ in German)
        rows.append(["=YEAR(B%d)&\"-\"&RIGHT(\"0\"&MONTH(B%d);2)" % (r, r), "=DATE(%d;%d;1)" % (y, m),
                     "=EOMONTH(B%d;0)" % r] +
                    ["=%s;%s;B%d;C%d;%s;%s)" % (fc, dates, r, r, q, status) for q in ("", "0.1", "0.5", "0.9")] +
                    [w("Expected won revenue of the open deals closing this month (amount × stage "
                       "probability), and the revenue reached with 90 %, 50 % and 10 % certainty")])
    rows.append([w("Total"), None, None] + ["=%s;;;;%s;%s)" % (fc, q, status) for q in ("", "0.1", "0.5", "0.9")] +
                [w("The same over every open deal; won and lost deals (Status) are left out")])
    dated_log = "$%s.$A$2:$C$%d" % (w("History"), log_end)
    rows += [[], [w("Funnel"), w("Conversion to Won"), w("Leads needed for 10 wins"),
                  w("Leads needed for 250,000"), w("Average days in stage"), w("P90 days in stage")]]
    for st, _ in STAGES[:4]:
        st = w(st)
        line = ("Share of the deals that reached %s which went on to be won (stage log on "
                "History; open deals count as not won yet); deals needed at %s for 10 wins, "
                "and for 250,000 won at the average won deal; days deals stayed in %s before "
                "moving on (average, and 90 %% of them within)" % (st, st, st))
        if w("Won") != "Won":
            line = ("Anteil der Deals, die %s erreicht haben und später gewonnen wurden (Phasenverlauf "
                    "auf Verlauf; offene Deals zählen als noch nicht gewonnen); nötige Deals in %s "
                    "für 10 Abschlüsse und für 250.000 Umsatz beim durchschnittlichen gewonnenen Deal; "
                    "Tage, die Deals in %s blieben, bevor sie weiterzogen (Mittel, und 90 %% davon "
                    "höchstens)" % (st, st, st))
        lost = w("Lost")  # the log's Lost entries: IgnoreStages
        rows.append([st, "=STAGE_CONVERSION(%s;\"%s\";\"%s\";%s;\"%s\")" % (log, st, won, order, lost),
                     "=LEADS_NEEDED(10;%s;\"%s\";%s;\"%s\")" % (log, st, order, lost),
                     "=LEADS_NEEDED(250000;%s;\"%s\";%s;\"%s\";AVERAGEIF(%s;\"%s\";%s))" % (
                         log, st, order, lost, status, won, amounts),
                     "=STAGE_DURATION(%s;\"%s\")" % (dated_log, st),
                     "=STAGE_DURATION(%s;\"%s\";0.9)" % (dated_log, st), None, line])
    first, last = len(rows) + 2, len(rows) + 4
    line = ("LEAD_SCORE (one array formula over F%d:F%d): each new lead's win probability, "
            "learned from the won and lost deals' source, industry, region and product" % (first, last))
    if w("Won") != "Won":
        line = ("LEAD_SCORE (eine Matrixformel über F%d:F%d): die Gewinnwahrscheinlichkeit jedes "
                "neuen Leads, gelernt aus Quelle, Branche, Region und Produkt der gewonnenen und "
                "verlorenen Deals" % (first, last))
    rows += [[], [w("New lead"), w("Source"), w("Industry"), w("Region"), w("Product"),
                  w("Win probability"), None, line]]
    first = len(rows) + 1
    for i, lead in enumerate([["Referral", "Health", "North", "Starter"],
                              ["Cold call", "Retail", "South", "Enterprise"],
                              ["Web", "Manufacturing", "West", "Professional"]]):
        rows.append(["Lead %d" % (i + 1)] + [w(v) for v in lead])
    # the row velocity_row(first + 2) of build_demo's formats
    line = ("Revenue per day the open deals bring: open deals × win rate × average won deal / "
            "average days from Created to Close date of the won deals; × 30 per month")
    if w("Won") != "Won":
        line = ("Umsatz pro Tag, den die offenen Deals bringen: offene Deals × Gewinnquote × "
                "durchschnittlicher gewonnener Deal / durchschnittliche Tage von Angelegt bis "
                "Abschlussdatum der gewonnenen Deals; × 30 pro Monat")
    rows += [[], [w("Sales velocity"), "=SALES_VELOCITY(%s;%s;%s;%s)" % (amounts, status, col("G"), dates),
                  "=B%d*30" % (first + 4), None, None, None, None, line]]
    # the block fit_rows(first) of build_demo's formats and array formula
    line = ("PRODUCT_FIT (one array formula over B%d:D%d): each new lead's chance of buying each "
            "product, learned from the source, industry and region of the won deals (the "
            "Products argument keeps only their product: IF(Status=\"Won\"; Product; \"\"))"
            % (first + 7, first + 9))
    if w("Won") != "Won":
        line = ("PRODUCT_FIT (eine Matrixformel über B%d:D%d): die Chance jedes neuen Leads für "
                "jedes Produkt, gelernt aus Quelle, Branche und Region der gewonnenen Deals (das "
                "Argument Produkte behält nur deren Produkt: WENN(Status=\"Gewonnen\"; Produkt; \"\"))"
                % (first + 7, first + 9))
    rows += [[], [w("Likely product")] + PRODUCTS + [None, None, None, line]]
    rows += [["Lead %d" % (i + 1)] for i in range(3)]
    return rows, first, first + 2


def fit_rows(first_lead):
    """The Examples sheet's PRODUCT_FIT block: its first and last lead rows (1-based)."""
    return first_lead + 7, first_lead + 9


def velocity_row(last_lead):
    """The Examples sheet's SALES_VELOCITY row (per day in B, per month in C)."""
    return last_lead + 2


def build_demo(office, path, lang="en", template=False):
    """The demo workbook at PATH, in LANG ("en", "de": texts and document locale); as a
    Calc template (.ots, titled "Pipeline") when TEMPLATE."""
    from office import save_as
    import uno
    w = words(lang)
    rnd = random.Random(20261127)
    doc = office.new_calc()
    if lang == "de":
        doc.CharLocale = uno.createUnoStruct("com.sun.star.lang.Locale", "de", "DE", "")
    sheets = doc.Sheets
    sheets.getByIndex(0).setName("Pipeline")
    names = [w(n) for n in ("History", "Stages", "Examples", "Pipeline history", "Targets")]
    for i, name in enumerate(names):
        sheets.insertNewByName(name, i + 1)
    pipe, hist, stages, ex, snaps, targets = (sheets.getByName(n) for n in ["Pipeline"] + names)

    deals, log = make_deals(rnd, w)
    put_rows(pipe, [[w(h) for h in HEADER]] + deals)
    n = len(deals) + 1
    put_rows(hist, [["Deal", w("Stage entered"), w("Date entered")]] + log)
    put_rows(stages, [[w("Stage"), w("Probability")]] + [[w(st), p] for st, p in STAGES])
    history = history_rows(deals, log, w)
    put_rows(snaps, history)
    mark_history(doc, w("Pipeline history"), len(history))
    put_rows(targets, [[w("Month"), w("Target")]] + [["%d-%02d" % ym, t] for ym, t in TARGETS])
    rows, first_lead, last_lead = example_rows(n, len(log) + 1, w)
    put_rows(ex, rows)
    ex.getCellRangeByName("F%d:F%d" % (first_lead, last_lead)).setArrayFormula(
        "=LEAD_SCORE(B%d:E%d;$Pipeline.$H$2:$K$%d;$Pipeline.$F$2:$F$%d)" % (first_lead, last_lead, n, n))
    fit0, fit1 = fit_rows(first_lead)
    ex.getCellRangeByName("B%d:D%d" % (fit0, fit1)).setArrayFormula(
        "=PRODUCT_FIT(B%d:D%d;$Pipeline.$H$2:$J$%d;IF($Pipeline.$F$2:$F$%d=\"%s\";$Pipeline.$K$2:$K$%d;\"\");"
        "$%s.$B$%d:$D$%d)" % (first_lead, last_lead, n, n, w("Won"), n, w("Examples"), fit0 - 1, fit0 - 1))
    doc.calculateAll()  # formats after the results, or Calc's own date format wins
    # format codes in the document locale's own words (German: JJJJ-MM-TT, #.##0, 0,0%)
    code = (lambda c: c) if lang != "de" else (
        lambda c: {"YYYY-MM-DD": "JJJJ-MM-TT", "#,##0": "#.##0", "0.0%": "0,0%"}.get(c, c))
    date = number_format(doc, code("YYYY-MM-DD"))
    for sheet, rng, fmt in ((ex, "B5:C10", date), (ex, "D5:G11", number_format(doc, code("#,##0"))),
                            (ex, "B14:B17", number_format(doc, code("0.0%"))),
                            (ex, "E14:F17", number_format(doc, code("0.0"))),
                            (hist, "C2:C%d" % (len(log) + 1), date),
                            (ex, "F%d:F%d" % (first_lead, last_lead), number_format(doc, code("0.0%"))),
                            (ex, "B%d:D%d" % fit_rows(first_lead), number_format(doc, code("0.0%"))),
                            (ex, "B%d:C%d" % ((velocity_row(last_lead),) * 2), number_format(doc, code("#,##0"))),
                            (pipe, "D2:D%d" % n, date), (pipe, "G2:G%d" % n, date),
                            (pipe, "C2:C%d" % n, number_format(doc, code("#,##0"))),
                            (stages, "B2:B6", number_format(doc, "0%")),
                            (snaps, "A2:A%d" % len(history), date), (snaps, "E2:E%d" % len(history), date),
                            (snaps, "D2:D%d" % len(history), number_format(doc, code("#,##0"))),
                            (targets, "B2:B%d" % (len(TARGETS) + 1), number_format(doc, code("#,##0")))):
        sheet.getCellRangeByName(rng).NumberFormat = fmt
    for sh in (pipe, hist, stages, snaps, targets):
        sh.Columns.OptimalWidth = True
    for sh, cols in ((snaps, "A1:H1"), (targets, "A1:B1")):
        sh.getCellRangeByName(cols).CharWeight = 150  # bold, as the deck writes its headers
    for c in range(7):
        ex.Columns.getByIndex(c).Width = 3200
    if doc.CurrentController:  # open on the lead table, where the deck works
        doc.CurrentController.setActiveSheet(pipe)
    doc.calculateAll()
    if template:
        doc.DocumentProperties.Title = "Pipeline"
    save_as(doc, path, "calc8_template" if template else "calc8")
    doc.close(True)


def print_forecast(doc, out):
    """Print the Examples sheet's formula results as Calc computed them (without the
    explaining lines), and a line on the lead table."""
    pipe = doc.Sheets.getByName("Pipeline")
    status = [r[0] for r in pipe.getCellRangeByName("F2:F%d" % (DEALS + 1)).getDataArray()]
    out.write("Pipeline: %d deals, %d open, %d won, %d lost\n\n" % (
        len(status), status.count("Open"), status.count("Won"), status.count("Lost")))
    ex = doc.Sheets.getByName("Examples")
    cur = ex.createCursor()
    cur.gotoEndOfUsedArea(False)
    rows = cur.RangeAddress.EndRow + 1
    for r in range(rows):
        cells = [ex.getCellByPosition(c, r).getString() for c in range(7)]
        out.write("  ".join("%-14s" % v for v in cells).rstrip() + "\n")
