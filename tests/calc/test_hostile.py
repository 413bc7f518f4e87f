"""The deck on hostile workbooks (issue 12) in real headless Calc: each test runs one
scenario of hostile_scenarios.py through sidebar_driver.py (see test_sidebar.py)."""
from test_sidebar import run


def test_hostile_error_cells_are_errors(office):
    run(office, "hostile_scenarios.error_cells_are_errors")


def test_hostile_error_cells_cost_on_100000_rows(office):
    run(office, "hostile_scenarios.error_cells_cost_on_100000_rows")


def test_hostile_empty_header_gets_a_name_of_its_own(office):
    run(office, "hostile_scenarios.empty_header_gets_a_name_of_its_own")


def test_hostile_merged_cells_are_understood(office):
    run(office, "hostile_scenarios.merged_cells_are_understood")


def test_hostile_two_tables_side_by_side_stay_two(office):
    run(office, "hostile_scenarios.two_tables_side_by_side_stay_two")


def test_hostile_making_room_never_splits_a_table(office):
    run(office, "hostile_scenarios.making_room_never_splits_a_table")


def test_hostile_thin_evidence_is_said(office):
    run(office, "hostile_scenarios.thin_evidence_is_said")


def test_hostile_many_stages_and_owners(office):
    run(office, "hostile_scenarios.many_stages_and_owners")


def test_hostile_hidden_rows_are_included_and_said(office):
    run(office, "hostile_scenarios.hidden_rows_are_included_and_said")


def test_hostile_formulas_in_the_table_are_read_as_values(office):
    run(office, "hostile_scenarios.formulas_in_the_table_are_read_as_values")


def test_hostile_tables_at_the_sheet_edges(office):
    run(office, "hostile_scenarios.tables_at_the_sheet_edges")


def test_hostile_a_million_used_rows_and_an_empty_table(office):
    run(office, "hostile_scenarios.a_million_used_rows_and_an_empty_table")


def test_hostile_two_tables_keep_their_own_outputs(office):
    run(office, "hostile_scenarios.two_tables_keep_their_own_outputs")
