"""With a German user interface the sidebar gives the core's reasons in German (Explain,
Data checks): po/de.po through tx(), installed into the core as its translator."""
from test_sidebar import run

LOCALE = "de-DE"


def test_german_reasons_in_explain_and_checks(office):
    run(office, "german_reasons_in_explain_and_checks")


def test_german_numbers_in_reports(office):
    run(office, "german_numbers_in_reports")


def test_german_actions_end_to_end(office):
    run(office, "german_actions_end_to_end")
