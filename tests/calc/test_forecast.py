"""PIPELINE_FORECAST typed into real Calc cells: values, error codes, ranges, .ods round trip."""
import itertools
import os
import tempfile
import zipfile

from calc import Sheet
from office import save_as

# A pipeline as a salesperson keeps it: header row, amounts, stages, close dates (serials
# of 2026-01-15, 2026-02-10, 2026-03-05, 2026-01-20), per-deal probabilities; and a stage
# table with its own header in F1:G5.
PIPELINE = [
    ["Amount", "Stage", "Close date", "Probability", None, "Stage", "Probability"],
    [1000, "Lead", 46037, 0.1, None, "Lead", 0.1],
    [2000, "Qualified", 46063, 0.3, None, "Qualified", 0.3],
    [4000, "Proposal", 46086, 0.5, None, "Proposal", 0.5],
    [500, "Won", 46042, 1, None, "Won", 1],
]
EXPECTED = 1000 * 0.1 + 2000 * 0.3 + 4000 * 0.5 + 500 * 1  # 3200


def exact_quantile(amounts, probs, q):
    """Reference: enumerate every won/lost combination."""
    outcomes = []
    for won in itertools.product((0, 1), repeat=len(amounts)):
        p, total = 1.0, 0.0
        for w, a, pr in zip(won, amounts, probs):
            p *= pr if w else 1 - pr
            total += a if w else 0
        outcomes.append((total, p))
    outcomes.sort()
    cum = 0.0
    for total, p in outcomes:
        cum += p
        if cum >= q - 1e-12:
            return total
    return outcomes[-1][0]


def test_expected_revenue_with_stage_table(office):
    s = Sheet(office, PIPELINE)
    try:
        s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5)", EXPECTED)
        # header rows selected along with the data are recognised and skipped
        s.expect("=PIPELINE_FORECAST(A1:A5;B1:B5;F1:G5)", EXPECTED)
    finally:
        s.close()


def test_per_deal_probabilities_and_rows(office):
    s = Sheet(office, PIPELINE)
    try:
        s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;D2:D5)", EXPECTED)
        s.expect("=PIPELINE_FORECAST(A1:A5;B1:B5;D1:D5)", EXPECTED)
        # inline arrays work as well as ranges
        s.expect("=PIPELINE_FORECAST({100;200};{\"Lead\";\"Won\"};{0.5;0.25})", 100)
    finally:
        s.close()


def test_period_counts_deals_closing_inside(office):
    s = Sheet(office, PIPELINE)
    try:
        s.fill([[46023, 46053]], col=8)  # I1 = 2026-01-01, J1 = 2026-01-31
        s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;C2:C5;I1;J1)", 100 + 500)
        s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;C2:C5;DATE(2026;2;10);DATE(2026;3;5))", 600 + 2000)
        s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;C2:C5;DATE(2026;2;1))", 600 + 2000)
        s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;C2:C5;;DATE(2026;1;31))", 600)
        # an empty cell for a bound means "no bound" (Calc passes it as 0)
        s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;C2:C5;K1;K2)", EXPECTED)
    finally:
        s.close()


def test_percentiles_match_enumeration(office):
    s = Sheet(office, PIPELINE)
    try:
        amounts, probs = [1000, 2000, 4000, 500], [0.1, 0.3, 0.5, 1]
        for q in (0.1, 0.5, 0.9):
            s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;%s)" % q,
                     exact_quantile(amounts, probs, q))
        s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;K1)", EXPECTED)  # empty: expected value
    finally:
        s.close()


def test_bad_input_gives_the_documented_error(office):
    s = Sheet(office, PIPELINE + [["abc", "Lead", None, 0.1], [300, "Lost-typo", None, 25]])
    try:
        s.expect_error("=PIPELINE_FORECAST(A2:A6;B2:B6;F2:G5)", "#VALUE!")      # text amount
        s.expect_error("=PIPELINE_FORECAST(A7;B7;F2:G5)", "#N/A")             # unknown stage
        s.expect_error("=PIPELINE_FORECAST(A7;B7;D7)", "#NUM!")              # 25 is not 0-1
        s.expect_error("=PIPELINE_FORECAST(A2:A5;B2:B4;F2:G5)", "Err:502")     # lengths differ
        s.expect_error("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;1)", "#NUM!")  # q >= 1
        s.expect_error("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;-0.1)", "#NUM!")
        s.expect_error("=PIPELINE_FORECAST(;B2:B5;F2:G5)", "Err:502")          # required slot empty
        s.set(0, 9, "=1/0")
        # an error cell inside a range never reaches us: Calc answers Err:504 itself
        s.expect_error("=PIPELINE_FORECAST(A2:A10;B2:B10;F2:G5)", "Err:504")
        s.expect("=IFERROR(PIPELINE_FORECAST(A2:A10;B2:B10;F2:G5);-1)", -1)  # the README's pattern
    finally:
        s.close()


def test_whole_columns_equal_the_used_range(office):
    s = Sheet(office, PIPELINE)
    try:
        s.expect("=PIPELINE_FORECAST(A:A;B:B;F:G)", EXPECTED)
        s.expect("=PIPELINE_FORECAST(A:A;B:B;D:D)", EXPECTED)
    finally:
        s.close()


def test_survives_save_as_ods_and_reload(office):
    s = Sheet(office, PIPELINE)
    path = os.path.join(tempfile.mkdtemp(), "pipeline.ods")
    try:
        s.formula("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5)", at="I2")
        s.formula("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;0.5)", at="I3")
        save_as(s.doc, path)
    finally:
        s.close()
    with zipfile.ZipFile(path) as z:
        content = z.read("content.xml").decode("utf-8")
    assert "of:=ORG.PIPECALC.PIPELINEFUNCTIONS.PIPELINEFORECAST(" in content, content[:2000]
    doc = office.load(path)
    try:
        sheet = doc.Sheets.getByIndex(0)
        doc.calculateAll()
        i2, i3 = sheet.getCellRangeByName("I2"), sheet.getCellRangeByName("I3")
        assert i2.getError() == 0 and abs(i2.getValue() - EXPECTED) < 1e-9, i2.getString()
        assert i3.getValue() == exact_quantile([1000, 2000, 4000, 500], [0.1, 0.3, 0.5, 1], 0.5)
        assert "PIPELINEFORECAST" in i2.getFormula().upper()
    finally:
        doc.close(True)


# The same pipeline with a status column in I (closed deals are won or lost there, whatever
# their stage) and one of booleans in J (a column headed "Won": TRUE won, FALSE lost).
STATUS = [["Status", "Won"], ["Open", "=TRUE()"], ["Won", "=FALSE()"], ["verloren", None],
          [None, None]]
OPEN_ONLY = 1000 * 0.1 + 500 * 1  # row 2 is open, row 5 has no status: 600


def pipeline_with_status(office):
    s = Sheet(office, PIPELINE)
    s.fill(STATUS, col=8)
    return s


def test_outcomes_leave_out_closed_deals(office):
    s = pipeline_with_status(office)
    try:
        s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;;I2:I5)", OPEN_ONLY)
        s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;D2:D5;;;;;I2:I5)", OPEN_ONLY)  # per deal
        # header rows selected too: "Status" (and even "Won") heads Outcomes
        s.expect("=PIPELINE_FORECAST(A1:A5;B1:B5;F1:G5;C1:C5;;;;I1:I5)", OPEN_ONLY)
        s.expect("=PIPELINE_FORECAST(A1:A5;B1:B5;F1:G5;;;;;J1:J5)", 4000 * 0.5 + 500)
        s.expect("=PIPELINE_FORECAST(A:A;B:B;F:G;;;;;I:I)", OPEN_ONLY)
        # TRUE / FALSE (1 / 0) are won / lost
        s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;;J2:J5)", 4000 * 0.5 + 500)
        # with a period: January holds rows 2 (open) and 5; February and March closed ones
        s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;C2:C5;DATE(2026;1;1);DATE(2026;1;31);;I2:I5)",
                 OPEN_ONLY)
        s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;C2:C5;DATE(2026;2;1);;;I2:I5)", 0)
        # percentiles over the open deals only
        for q in (0.1, 0.5, 0.95):
            s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;%s;I2:I5)" % q,
                     exact_quantile([1000, 500], [0.1, 1], q))
        # editing the status follows: row 3 reopened
        s.set(8, 2, "In progress")
        s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;;I2:I5)", OPEN_ONLY + 2000 * 0.3)
    finally:
        s.close()


def test_outcomes_omitted_give_the_old_answer(office):
    s = pipeline_with_status(office)
    try:
        s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;;)", EXPECTED)
        s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;;K1)", EXPECTED)  # an empty cell
        s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;0;0;0;0;0)", EXPECTED)
        s.expect("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;;K1:K4)", EXPECTED)  # four empty cells
        s.expect('=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;;{"Open";"open";"";"Negotiation"})',
                 EXPECTED)
    finally:
        s.close()


def test_outcomes_german_words(office):
    s = pipeline_with_status(office)
    try:
        s.expect('=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;;{"gewonnen";"Verloren";"offen";"ja"})',
                 4000 * 0.5)
        s.expect('=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;;{"Offen";"nein";"In Bearbeitung";"WAHR"})',
                 1000 * 0.1 + 4000 * 0.5)
    finally:
        s.close()


def test_outcomes_bad_input(office):
    s = pipeline_with_status(office)
    try:
        s.expect_error("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;;I2:I4)", "Err:502")  # too short
        s.expect_error("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;;I2:J5)", "Err:502")  # 2-D
        s.expect_error('=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;;"Won")', "Err:502")  # one for four
        s.fill([[None], ["open"], [2], ["won"], [None]], col=11)  # L2:L5, a number 2
        s.expect_error("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;;L2:L5)", "#VALUE!")
        s.sheet.getCellByPosition(11, 2).setValue(float("nan"))
        s.expect_error("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;;L2:L5)", "#NUM!")
        s.set(11, 2, "=1/0")  # an error cell: Calc answers Err:504 itself
        s.expect_error("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;;L2:L5)", "Err:504")
        # a closed deal is still checked: a text amount in a lost row
        s.set(0, 3, "n/a")
        s.expect_error("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;;I2:I5)", "#VALUE!")
    finally:
        s.close()


def test_outcomes_survive_save_as_ods_and_reload(office):
    s = pipeline_with_status(office)
    path = os.path.join(tempfile.mkdtemp(), "outcomes.ods")
    try:
        s.formula("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;;;;;I2:I5)", at="K2")
        save_as(s.doc, path)
    finally:
        s.close()
    doc = office.load(path)
    try:
        doc.calculateAll()
        k2 = doc.Sheets.getByIndex(0).getCellRangeByName("K2")
        assert k2.getError() == 0 and abs(k2.getValue() - OPEN_ONLY) < 1e-9, (k2.getFormula(), k2.getString())
        assert k2.getFormula().upper().endswith(";;;;;I2:I5)"), k2.getFormula()
    finally:
        doc.close(True)


# Periods (2026's January, February, March) in P2:Q4 and the percentiles across R1:U1:
# expected, P10, P50, P90 (issue 13: one call for the whole table).
PERIODS = [["Start", "End", 0, 0.1, 0.5, 0.9], [46023, 46053], [46054, 46081], [46082, 46112]]
TABLE = "=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;C2:C5;P2:P4;Q2:Q4;R1:U1)"


def one_call(s, row, col_letter):
    """The plain call of table cell (ROW, COL_LETTER): its own period and percentile."""
    return s.formula("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;C2:C5;P%d;Q%d;%s$1)" % (row, row, col_letter), at="Z9")


def test_table_as_one_array_formula(office):
    """A 3 x 4 array formula: every cell what its own plain call gives, bit for bit; bad
    elements err in their own cells; a whole-call error fills the whole table; it survives
    a save as .ods and reload; an edit recalculates it."""
    s = Sheet(office, PIPELINE)
    path = os.path.join(tempfile.mkdtemp(), "table.ods")
    try:
        s.fill(PERIODS, col=15)
        shown = s.array(TABLE, "R2:U4")
        rng = s.cell("R2:U4")
        for i in range(3):
            for j, letter in enumerate("RSTU"):
                cell = rng.getCellByPosition(j, i)
                v, text, e = one_call(s, i + 2, letter)
                assert e == 0 and cell.getError() == 0, (i, j, text, shown)
                assert cell.getValue() == v, (i, j, cell.getValue(), v)
        # January by hand: Lead 1000 x 0.1 closing on the 15th, Won 500 on the 20th
        assert rng.getCellByPosition(0, 0).getValue() == 600.0, shown
        assert rng.getCellByPosition(2, 0).getValue() == exact_quantile([1000], [0.1], 0.5) + 500
        assert rng.getCellByPosition(3, 2).getValue() == exact_quantile([4000], [0.5], 0.9)
        # percentiles given as a column still go across; one start for every period
        got = s.array("=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G5;C2:C5;P2;{46053;46081};{0;0.5})", "R7:S8")
        assert got[0][0] == shown[0][0] and got[0][1] == shown[0][2], (got, shown)
        assert s.cell("R8").getValue() == 600.0 + 0.3 * 2000, got
        # bad elements: a text start errs in its row, a percentile of 1 in its column
        s.set(15, 2, "soon")  # P3
        s.set(20, 0, 1)       # U1
        s.doc.calculateAll()
        texts = [[rng.getCellByPosition(j, i).getString() for j in range(4)] for i in range(3)]
        assert texts[1] == ["#VALUE!"] * 3 + ["#VALUE!"], texts
        assert texts[0][3] == texts[2][3] == "#NUM!", texts
        assert rng.getCellByPosition(0, 0).getValue() == 600.0 and rng.getCellByPosition(0, 2).getError() == 0
        s.set(15, 2, 46054)
        s.set(20, 0, 0.9)
        # an edit in the deals recalculates the table: 1000 -> 3000 in January
        s.set(0, 1, 3000)
        s.doc.calculateAll()
        assert rng.getCellByPosition(0, 0).getValue() == 800.0, rng.getCellByPosition(0, 0).getString()
        # a whole-call error (text amount) fills every cell
        s.set(0, 2, "lots")
        s.doc.calculateAll()
        assert {rng.getCellByPosition(j, i).getString() for i in range(3) for j in range(4)} == {"#VALUE!"}
        s.set(0, 2, 2000)
        s.doc.calculateAll()
        before = [[rng.getCellByPosition(j, i).getValue() for j in range(4)] for i in range(3)]
        save_as(s.doc, path)
    finally:
        s.close()
    doc = office.load(path)
    try:
        doc.calculateAll()
        rng = doc.Sheets.getByIndex(0).getCellRangeByName("R2:U4")
        assert "PIPELINE_FORECAST(" in rng.getArrayFormula(), rng.getArrayFormula()
        after = [[rng.getCellByPosition(j, i).getValue() for j in range(4)] for i in range(3)]
        assert after == before, (before, after)
    finally:
        doc.close(True)
