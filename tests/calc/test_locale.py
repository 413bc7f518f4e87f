"""The office's Locale setting (issue 10, item 7): an English office whose Locale setting
(Tools > Options > Language Settings > Languages) is German, as is common in Switzerland
and Austria. Calc reads typed input by the locale, so the panel does: "1,5" is 1.5 and
"10.000" ten thousand; "15.01.2026" is a date. Numbers in the reports are written as the
locale writes them; the texts stay English."""
from panel import panel_on
from sidebar_scenarios import LEADS
from test_sidebar import run

LOCALE = "en-US"
SETUP_LOCALE = "de-DE"


def test_stage_probabilities_typed_in_a_german_locale(office):
    run(office, "convention_scenarios.stage_probabilities_typed_in_a_german_locale")


def test_panel_target_in_a_german_locale(office):
    with panel_on(office, LEADS) as (s, p):
        want = "Funnel written to sheet Funnel: 12 deals needed at the first stage."
        assert p.run("Write funnel", Target="10.000").split("\n")[0] == want
        assert p.run("Write funnel", Target="9999,5").split("\n")[0] == want
        fewer = p.run("Write funnel", Target="1,5")
        fewer = fewer.split("\n")[0]  # then: little history
        assert fewer == "Funnel written to sheet Funnel: 1 deals needed at the first stage." or \
            fewer.startswith("Funnel written to sheet Funnel: 1 deal "), fewer
        # Calc reads "1.5" as no number in a German locale: no target
        assert p.run("Write funnel", Target="1.5").startswith("Type a target above 0")


def test_panel_dates_and_report_numbers_in_a_german_locale(office):
    with panel_on(office, LEADS) as (s, p):
        p.choose_period("Custom period")
        report = p.run("Write forecast", From="01.01.2026", Until="2026-03-31")
        assert report.split("\n")[0] == ("Forecast written to sheet Forecast for 2026-01-01 to 2026-03-31: 3 open "
                          "deals closing then, 7.900 expected."), report
        report = p.run("Write forecast", From="1/1/2026", Until="")
        assert report.startswith("Type the custom period's dates as YYYY-MM-DD"), report


def test_german_role_words_in_an_english_office(office):
    run(office, "convention_scenarios.german_role_words_in_an_english_office")
