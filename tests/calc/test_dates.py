"""The document's date system and "today" (issue 10, item 7): a document in the 1904 date
system (NullDate 1904-01-01) gets the right forecast months, periods and overdue checks,
through the actions service and through the panel; the panel reads the dates and the
target typed into it as Calc reads typed input (here an English locale)."""
import datetime

from calc import Sheet
from convention_scenarios import SHIFT_1904, use_1904
from panel import panel_on
from sidebar_scenarios import IRIS, LEADS
from test_sidebar import run


def test_forecast_months_in_a_1904_document(office):
    run(office, "convention_scenarios.forecast_months_in_a_1904_document")


def test_forecast_period_in_a_1904_document(office):
    run(office, "convention_scenarios.forecast_period_in_a_1904_document")


def test_forecast_live_formulas_in_a_1904_document(office):
    run(office, "convention_scenarios.forecast_live_formulas_in_a_1904_document")


def test_overdue_checks_in_a_1904_document(office):
    run(office, "convention_scenarios.overdue_checks_in_a_1904_document")


def calc_today(s):
    """TODAY() in the document of Sheet S."""
    v, _, e = s.formula("=TODAY()", at="Z1")
    s.set(25, 0, None)
    assert e == 0
    return v


def rows_1904(extra=()):
    """LEADS and IRIS with their close dates moved to the 1904 system (the same days), then
    EXTRA rows as they are."""
    return [r if i == 0 else r[:3] + [r[3] - SHIFT_1904] + r[4:] for i, r in enumerate(LEADS + [IRIS])] + \
        [list(r) for r in extra]


def test_panel_custom_period_in_a_1904_document(office):
    """The dates typed are the 1904 document's days: the report and the sheet say them."""
    with panel_on(office, rows_1904(), use_1904) as (s, p):
        p.choose_period("Custom period")
        report = p.run("Write forecast", From="2026-01-01", Until="2026-03-31")
        assert report.split("\n")[0] == ("Forecast written to sheet Forecast for 2026-01-01 to 2026-03-31: 3 open "
                          "deals closing then, 7,900 expected."), report
        fc = s.doc.Sheets.getByName("Forecast")
        assert fc.getCellRangeByName("A3").getString() == "Period: deals closing 2026-01-01 to 2026-03-31"
        # an English locale takes 1/15/2026, not 15.01.2026 (Calc does the same)
        report = p.run("Write forecast", From="1/15/2026", Until="")
        assert "for 2026-01-15 to" in report or "from 2026-01-15" in report, report
        report = p.run("Write forecast", From="15.01.2026", Until="")
        assert report.startswith("Type the custom period's dates as YYYY-MM-DD"), report


def test_panel_this_quarter_in_a_1904_document(office):
    """This month / quarter / year are TODAY()'s in the document: a deal closing today is
    in all three; the dates in the report are this quarter's."""
    s = Sheet(office)
    use_1904(s.doc)
    today = calc_today(s)
    s.close()
    juno = ["Juno", "Proposal", 5000, today, "Bob", "Web", "Retail", ""]  # closing today
    with panel_on(office, rows_1904([juno]), use_1904) as (s, p):
        day = datetime.date.today()
        q = (day.month - 1) // 3
        first = datetime.date(day.year, 3 * q + 1, 1)
        last = datetime.date(day.year + (q == 3), (3 * q + 3) % 12 + 1, 1) - datetime.timedelta(days=1)
        p.choose_period("This quarter")
        report = p.run("Write forecast")
        assert report.startswith("Forecast written to sheet Forecast for %s to %s: " % (first, last)), report
        assert "5,000 expected" in report, report
        p.choose_period("This month")
        assert "5,000 expected" in p.run("Write forecast")


def test_panel_target_in_an_english_locale(office):
    with panel_on(office, LEADS) as (s, p):
        want = "Funnel written to sheet Funnel: 12 deals needed at the first stage."
        assert p.run("Write funnel", Target="10,000").split("\n")[0] == want
        assert p.run("Write funnel", Target="10000.0").split("\n")[0] == want
        assert p.run("Write funnel", Target="1,5").startswith("Type a target above 0"), "no number in English"
