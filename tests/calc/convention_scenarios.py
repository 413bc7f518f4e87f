"""convention_scenarios.py - the document's own conventions (issue 10, item 7) through
org.pipecalc.PipelineActions, run by sidebar_driver.py as "convention_scenarios.NAME": a
document in the 1904 date system (its NullDate, as files from old Mac Excel have it) gets
the same forecast months, periods and overdue checks as one in the default system, and
the stage probabilities typed are read by the office's Locale setting."""
from com.sun.star.util import Date

from sidebar_scenarios import IRIS, LEADS, STAGED, Book, checks_table

SHIFT_1904 = 1462  # days from 1899-12-30 to 1904-01-01: the same day's serial is this much smaller
CLOSE = 3          # the close date column of LEADS and STAGED


def use_1904(doc):
    """Tools > Options > Calc > Calculate > Date: 1904-01-01, through the API."""
    d = Date()
    d.Day, d.Month, d.Year = 1, 1, 1904
    doc.NullDate = d
    assert (doc.NullDate.Year, doc.NullDate.Month, doc.NullDate.Day) == (1904, 1, 1)


def book(ctx, rows, system, hidden=True):
    """A Book in date SYSTEM (1900: the default, 1904) holding ROWS, whose close dates
    (serials of the default system) are typed as the same days."""
    b = Book(ctx, rows=None, hidden=hidden)
    if system == 1904:
        use_1904(b.doc)
        rows = [r if i == 0 else r[:CLOSE] + [r[CLOSE] - SHIFT_1904] + r[CLOSE + 1:] for i, r in enumerate(rows)]
    b.put(rows)
    b.select("B3")
    return b


def shown_date(b, cell):
    """The day Calc itself sees in CELL: =TEXT(cell;"YYYY-MM-DD")."""
    probe = b.sheet.getCellRangeByName("Z1")
    probe.setFormula('=TEXT(%s;"YYYY-MM-DD")' % cell)
    b.doc.calculateAll()
    day = probe.getString()
    probe.setString("")
    return day


def forecast_in_both_systems(ctx, rows, run):
    """RUN(book) in a default and in a 1904 document holding ROWS: {system: (report, the
    forecast sheet's cells after recalculation, its month formulas)}."""
    out = {}
    for system in (1900, 1904):
        b = book(ctx, rows, system)
        try:
            assert shown_date(b, "D2") == "2026-01-15", (system, shown_date(b, "D2"))
            report = run(b)
            fc = b.doc.Sheets.getByName("Forecast")
            b.doc.calculateAll()
            cells = b.cells("A1:K20", fc)
            formulas = [fc.getCellByPosition(1, i).getFormula() for i in range(20)]
            out[system] = (report, cells, formulas)
        finally:
            b.close()
    return out


def same_sheet_one_system_apart(out):
    """The 1904 forecast is the default one: texts and numbers equal, only the From / Until
    dates (columns F, G) the same days' serials of the other system."""
    (r00, c00, f00), (r04, c04, f04) = out[1900], out[1904]
    assert r00 == r04, (r00, r04)
    first = [i for i, r in enumerate(c00) if r[0] == "Month"][0] + 1
    for i, (row00, row04) in enumerate(zip(c00, c04)):
        for j, (v00, v04) in enumerate(zip(row00, row04)):
            moved = i >= first and j in (5, 6) and isinstance(v00, float) and v00 - v04 == SHIFT_1904
            assert v00 == v04 or moved or (isinstance(v00, float) and abs(v00 - v04) < 1e-9), \
                "cell %d,%d: %r in the default system, %r in 1904" % (i, j, v00, v04)
    return first


def forecast_months_in_a_1904_document(ctx):
    out = forecast_in_both_systems(ctx, LEADS, lambda b: b.actions.writeForecast(b.ctrl))
    first = same_sheet_one_system_apart(out)
    report, cells, _ = out[1904]
    assert "3 open deals, 7,900 expected" in report, report
    assert [r[0] for r in cells[first:first + 4]] == ["2026-01", "2026-02", "2026-03", "Total"], cells
    # From / Until: the first and last day of January 2026 in the 1904 system
    assert cells[first][5:7] == (46023 - SHIFT_1904, 46053 - SHIFT_1904), cells[first]


def forecast_period_in_a_1904_document(ctx):
    """Q1 2026 as the 1904 document's serials: the same deals, the same dates written."""
    q1 = (46023.0, 46112.0)
    out = {}
    for system, shift in ((1900, 0), (1904, SHIFT_1904)):
        b = book(ctx, LEADS + [IRIS], system)
        try:
            out[system] = b.actions.writeForecastPeriod(b.ctrl, q1[0] - shift, q1[1] - shift)
            rows = b.cells("A1:A3", b.doc.Sheets.getByName("Forecast"))
            assert rows[2][0] == "Period: deals closing 2026-01-01 to 2026-03-31", (system, rows)
        finally:
            b.close()
    assert out[1904].split("\n")[0] == ("Forecast written to sheet Forecast for 2026-01-01 to 2026-03-31: 3 open "
                         "deals closing then, 7,900 expected."), out
    assert out[1900] == out[1904], out


def forecast_live_formulas_in_a_1904_document(ctx):
    """The live month formulas (PIPELINEFORECAST over the table, the month's From / Until)
    compute the same months in a 1904 document."""
    out = forecast_in_both_systems(ctx, STAGED, lambda b: b.actions.writeForecast(b.ctrl))
    first = same_sheet_one_system_apart(out)
    _, cells, formulas = out[1904]
    months = [i for i in range(first, len(cells)) if cells[i][0][:2] == "20"]
    assert months and all("PIPELINEFORECAST" in formulas[i].upper() for i in months), formulas
    assert sum(cells[i][1] for i in months) > 0, cells


def overdue_checks_in_a_1904_document(ctx):
    """Today is what TODAY() gives in the document: in a 1904 document as well, only the
    deal that closed 10 days ago is overdue (not every deal of the last four years)."""
    b = Book(ctx, rows=None)
    try:
        use_1904(b.doc)
        probe = b.sheet.getCellRangeByName("Z1")
        probe.setFormula("=TODAY()")
        b.doc.calculateAll()
        today = probe.getValue()
        probe.setString("")
        b.put(checks_table(today))
        b.select("B3")
        found = [s for s in b.actions.checkData(b.ctrl) if "past" in s and "close date" in s]
        assert len(found) == 1 and found[0] == "1 open deal is past its close date (Sheet1.E4).", found
    finally:
        b.close()


# ---- the office's Locale setting (an office whose Locale is German, its UI English) ----

def stage_probabilities_typed_in_a_german_locale(ctx):
    """By hand: Cyan 3000 x 25% + Dune 4000 x 50% + Gale 1500 x 10% = 2900. The panel's
    texts stay English; numbers are read and written as the locale has them."""
    b = Book(ctx)
    try:
        typed = "Lead=10%; Qualified=0,25; Proposal=0,5; Negotiation=80 %"
        report = b.actions.writeForecastWith(b.ctrl, typed, 0, 0)
        assert report.startswith("Forecast written to sheet Forecast") and "2.900 expected" in report, report
        fc = b.doc.Sheets.getByName("Forecast")
        assert abs(b.cells("B6:B6", fc)[0][0] - 0.25) < 1e-12
        # "0.25" is no number in a German locale (Calc does not read it either)
        msg = b.refused_with("writeForecastWith", "Lead=10%; Qualified=0.25; Proposal=0,5; Negotiation=1", 0, 0)
        assert '"Qualified=0.25" is no probability in 0-1 (type 25% or 0,25)' in msg, msg
        # what the stage field shows is read back as the same probabilities
        learned = b.actions.getStageProbabilities(b.ctrl)
        assert "." not in learned and learned.count("%") == 4, learned
        assert "7.900 expected" in b.actions.writeForecastWith(b.ctrl, learned, 0, 0)
        assert "Table Sheet1.A1:H9: 8 rows" in b.actions.describe(b.ctrl), "the UI language is English"
    finally:
        b.close()


def english_book(ctx):
    """LEADS in an English (en-US) document: its default language en-US, the amounts in
    a dollar format and the close dates as an American office formats them."""
    import uno
    b = Book(ctx, rows=None)
    en = uno.createUnoStruct("com.sun.star.lang.Locale", "en", "US", "")
    b.doc.CharLocale = en
    b.put(LEADS)
    formats = b.doc.NumberFormats
    for rng, code in (("C2:C9", "[$$-409]#,##0"), ("D2:D9", "MM/DD/YY")):
        key = formats.queryKey(code, en, False)
        key = key if key != -1 else formats.addNew(code, en)
        b.sheet.getCellRangeByName(rng).NumberFormat = key
    b.select("B3")
    return b


def english_document_in_a_german_office(ctx):
    """A German user interface (and Locale setting) on an English document: the cells
    Pipecalc writes follow the document (its amounts' dollar format, its dates' American
    format, percents as the document's locale writes them), never "66,22 %" or 01.11.26
    beside "$35,000"; the panel's texts are German, its numbers the Locale setting's
    (README "Your document's conventions"); the roles text speaks German."""
    b = english_book(ctx)
    try:
        assert b.sheet.getCellRangeByName("C2").getString() == "$1,000"
        assert b.actions.scoreLeads(b.ctrl).startswith("3 offene Leads")
        assert b.sheet.getCellRangeByName("I4").getString() == "96%", b.sheet.getCellRangeByName("I4").getString()  # Cyan, stage and attributes (README: Score leads)
        report = b.actions.writeForecast(b.ctrl)
        assert "3 offene Deals, 7.900 erwartet." in report, report
        fc = b.doc.Sheets.getByName("Prognose")
        shown = [[fc.getCellByPosition(c, r).getString() for c in range(7)] for r in range(3, 14)]
        assert shown[0][:2] == ["Phase", "Wahrscheinlichkeit"] and shown[1][:2] == ["Lead", "60%"], shown
        month = [r for r in shown if r[0] == "2026-01"][0]
        assert month[1:] == ["$4,000", "$4,000", "$4,000", "$4,000", "01/01/26", "01/31/26"], month
        assert [r for r in shown if r[0] == "Summe"][0][1] == "$7,900", shown
        b.actions.writeFunnel(b.ctrl, 10000.0)
        fu = b.doc.Sheets.getByName("Trichter")
        rows = [[fu.getCellByPosition(c, r).getString() for c in range(3)] for r in range(12)]
        assert ["Ziel", "$10,000", "gewonnener Umsatz"] in rows, rows
        assert ["Lead", "5", "60%"] in rows, rows
        # the roles text in German, read back as the same roles, and English words read too
        roles = b.actions.getRoles(b.ctrl)
        assert roles == ("Deal=Name; Stage=Phase; Amount=Betrag; Close date=Abschlussdatum; "
                         "Owner=Verantwortlich; Source=Merkmal; Industry=Merkmal; Outcome=Ergebnis"), roles
        b.actions.setRoles(b.ctrl, roles)
        assert b.actions.getRoles(b.ctrl) == roles
        d = b.actions.setRoles(b.ctrl, "Source=keine; Industry=attribute; Owner=owner")
        assert "Source: nicht verwendet" in d and "Industry: Bewertungsmerkmal" in d, d
        assert "Source=keine" in b.actions.getRoles(b.ctrl)
        said = b.refused_with("setRoles", "Source=Chef")
        assert said == ("\"Chef\" ist keine Rolle. Rollen: Name, ID, Phase, Betrag, Wahrscheinlichkeit, "
                        "Abschlussdatum, Verantwortlich, Ergebnis, Erstellt, Währung, Produkt, Kategorie, Merkmal, keine."), said
    finally:
        b.close()


def german_role_words_in_an_english_office(ctx):
    """The roles text stays English in an English office, and German words read too."""
    b = Book(ctx)
    try:
        roles = b.actions.getRoles(b.ctrl)
        assert "Stage=stage" in roles and "Source=attribute" in roles, roles
        d = b.actions.setRoles(b.ctrl, "Source=keine; Industry=Merkmal; Owner=Verantwortlich; Stage=Phase")
        assert "Source: not used" in d and "Industry: scoring attribute" in d and "Owner: owner" in d, d
        assert "Source=none" in b.actions.getRoles(b.ctrl), b.actions.getRoles(b.ctrl)
        said = b.refused_with("setRoles", "Source=boss")
        assert said == ("\"boss\" is no role. Roles: name, id, stage, amount, probability, close date, "
                        "owner, outcome, created, currency, product, category, attribute, none."), said
    finally:
        b.close()
