"""LEAD_SCORE in real Calc: array entry over all leads, hand-computed naive Bayes, errors."""
from calc import Sheet

# History: source | employees | outcome. Leads to score in E2:F5.
HISTORY = [["Source", "Employees", "Outcome", None, "Source", "Employees"],
           ["Web", 1, "won", None, "Web", None],
           ["Web", 2, "lost", None, "Referral", None],
           ["Web", 3, "lost", None, "TV", None],
           ["Referral", 4, "won", None, None, None],
           ["Referral", 5, "won", None, None, 1],
           ["Fair", 6, "lost"]]


def shown(x):
    return float(x)


def test_scores_as_one_array_formula(office):
    s = Sheet(office, HISTORY)
    try:
        # prior 3/6; P(Web|W) = 2/6, P(Web|L) = 3/6 -> 0.4; Referral: 3/6 vs 1/6 -> 0.75;
        # an unseen value and a blank lead contribute no factor -> the prior 0.5
        got = s.array("=LEAD_SCORE(E2:E5;A2:A7;C2:C7)", "H2:H5")
        assert [round(shown(r[0]), 9) for r in got] == [0.4, 0.75, 0.5, 0.5], got
        # smoothing 2: (1+2)/(3+6) vs (2+2)/(3+6) -> 3/7
        got = s.array("=LEAD_SCORE(E2;A2:A7;C2:C7;2)", "I2")
        assert abs(shown(got[0][0]) - 3 / 7) < 1e-9, got
        # whole columns: the header and the million blank rows are not training rows
        s.expect("=LEAD_SCORE(E3;A:A;C:C)", 0.75)
        # header rows selected with the history are not training rows ("Outcome" is no outcome)
        got = s.array("=LEAD_SCORE(E2:E5;A1:A7;C1:C7)", "J2:J5")
        assert [round(shown(r[0]), 9) for r in got] == [0.4, 0.75, 0.5, 0.5], got
    finally:
        s.close()


def test_numeric_column_is_binned_at_quintiles(office):
    s = Sheet(office, HISTORY)
    try:
        # employees 1..6 -> cuts at PERCENTILE.INC 0.2/0.4/0.6/0.8 = 2, 3, 4, 5: bins
        # (-inf,2] (2,3] (3,4] (4,5] (5,inf); a lead of 1 falls in the first: won 1 of 3
        # (1,2 are won/lost), so P = (1+1)/(3+5) vs (1+1)/(3+5) ... computed below.
        values = [1, 2, 3, 4, 5, 6]
        won = [True, False, False, True, True, False]
        cuts = [2.0, 3.0, 4.0, 5.0]

        def bin_of(v):
            return sum(1 for c in cuts if v > c)
        b = bin_of(1)
        nw = sum(1 for v, w in zip(values, won) if w and bin_of(v) == b)
        nl = sum(1 for v, w in zip(values, won) if not w and bin_of(v) == b)
        pw, pl = (nw + 1) / (3 + 5), (nl + 1) / (3 + 5)
        want = 0.5 * pw / (0.5 * pw + 0.5 * pl)
        s.expect("=LEAD_SCORE(F6;B2:B7;C2:C7)", want)
    finally:
        s.close()


def test_score_errors(office):
    s = Sheet(office, HISTORY)
    try:
        s.expect_error("=LEAD_SCORE(E2;A2:A7;C2:C6)", "Err:502")        # lengths differ
        s.expect_error("=LEAD_SCORE(E2;A2:B7;C2:C7)", "Err:502")        # 1 column vs 2
        # Outcomes may be a row (an inline array is one): six won, no lost outcome
        s.expect_error('=LEAD_SCORE(E2;A2:A7;{"won";"won";"won";"won";"won";"won"})', "#N/A")
        s.expect_error("=LEAD_SCORE(E2;A2:A5;C2:C2)", "Err:502")
        s.expect_error("=LEAD_SCORE(E2;A5:A6;C5:C6)", "#N/A")            # only won rows
        s.expect_error("=LEAD_SCORE(E2;A2:A7;C2:C7;-1)", "#NUM!")
        # over an array range, a whole-call error fills every cell
        got = s.array("=LEAD_SCORE(E2:E3;A5:A6;C5:C6)", "K2:K3")
        assert got == [["#N/A"], ["#N/A"]], got
    finally:
        s.close()
