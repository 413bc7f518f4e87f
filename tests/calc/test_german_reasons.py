"""With a German user interface the sidebar gives the core's reasons in German (Explain,
Data checks): the catalogue addin/text/tx_reasons_de.c, installed into the core; and it
names errors as German Calc shows them (#NV, Fehler:502: the status table through
po/de.po)."""
from test_sidebar import run

LOCALE = "de-DE"


def test_german_reasons_in_explain_and_checks(office):
    run(office, "german_reasons_in_explain_and_checks")


def test_german_numbers_in_reports(office):
    run(office, "german_numbers_in_reports")


def test_german_actions_end_to_end(office):
    run(office, "german_actions_end_to_end")


def test_german_error_names_as_calc_shows_them(office):
    run(office, "german_explain_names_errors_as_calc_shows_them")
