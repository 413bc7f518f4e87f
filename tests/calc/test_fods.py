"""LibreOffice's own regression format: every tests/fods/*.fods (one per function, written by
tests/fods/make_fods.py, or sent by a user) is loaded, recalculated hard (calculateAll: the
TRUE the file was saved with must not pass), and its pass cell Sheet1.B3 must be TRUE; a
failure names each failing case (Sheet2: the call as text and its comment)."""
import glob
import os
import re
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FODS = os.path.join(HERE, "..", "fods")


def failing_cases(office, path):
    """(pass cell's value shown, [failing case descriptions]) of PATH after a hard recalculation."""
    doc = office.load(path)
    try:
        doc.calculateAll()
        passed = doc.Sheets.getByName("Sheet1").getCellRangeByName("B3")
        rows = doc.Sheets.getByName("Sheet2")
        bad = []
        r = 1
        while rows.getCellByPosition(0, r).getFormula():
            if rows.getCellByPosition(2, r).getValue() != 1 or rows.getCellByPosition(2, r).getError():
                bad.append("row %d: %s = %s, expected %s (%s)" % (
                    r + 1, rows.getCellByPosition(3, r).getString(), rows.getCellByPosition(0, r).getString(),
                    rows.getCellByPosition(1, r).getString(), rows.getCellByPosition(4, r).getString()))
            r += 1
        return passed.getString(), bad, r - 1
    finally:
        doc.close(True)


def check_file(office, path):
    shown, bad, n = failing_cases(office, path)
    assert n > 0, "%s holds no cases" % path
    assert shown == "TRUE" and not bad, "%s: pass cell %s; failing:\n  %s" % (
        os.path.basename(path), shown, "\n  ".join(bad))


def make_test(path):
    def test(office):
        check_file(office, path)
    return test


for _path in sorted(glob.glob(os.path.join(FODS, "*.fods"))):
    globals()["test_fods_" + os.path.basename(_path)[:-5]] = make_test(_path)


def test_fods_cached_true_does_not_pass(office):
    """A copy with one expected value changed but its cached TRUEs left in place fails, and
    its failing row is named: the runner recalculates instead of reading saved results."""
    src = os.path.join(FODS, "pipeline_forecast.fods")
    xml = open(src, encoding="utf-8").read()
    # the first case's expected value (3200) becomes 3201; its cached "Correct" stays TRUE
    changed, n = re.subn(r'(<table:table-cell office:value-type="float" office:value=)"3200"',
                         r'\1"3201"', xml, count=1)
    assert n == 1, "the first case's expected value was not found"
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "broken.fods")
        with open(path, "w", encoding="utf-8") as f:
            f.write(changed)
        shown, bad, _ = failing_cases(office, path)
    assert shown == "FALSE", "a wrong expectation passed: pass cell %s" % shown
    assert len(bad) == 1 and bad[0].startswith("row 2:") and "PIPELINE_FORECAST" in bad[0], bad
