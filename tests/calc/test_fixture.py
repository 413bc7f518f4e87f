"""Workbooks saved by today's release open and refresh unchanged (issue 10, item 8):
fixtures/release-0.1.0.ods, written by release 0.1.0 (make_fixture.py), with the current
build: the release's formulas compute what it stored, its roles apply, a role id from a
later release is ignored, and the actions refresh the release's output in place, cell for
cell. See fixture_scenarios.py."""
from test_sidebar import run


def test_release_workbook_opens_and_refreshes_unchanged(office):
    run(office, "fixture_scenarios.release_workbook_opens_and_refreshes_unchanged")
