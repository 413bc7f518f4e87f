"""The deck on hostile workbooks (issue 12) in a German office: the names it gives."""
from test_sidebar import run

LOCALE = "de-DE"


def test_hostile_german_empty_header_gets_a_name_of_its_own(office):
    run(office, "hostile_scenarios.german_empty_header_gets_a_name_of_its_own")
