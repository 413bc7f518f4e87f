"""PRODUCT_FIT in real Calc: an array formula over leads, checked against an independent naive
Bayes written here and against LEAD_SCORE (its two-product case); bad input."""
import math
import random
import time

from calc import Sheet


def put_block(s, rows, first="A1"):
    """ROWS into the sheet from FIRST in one call (None: an empty cell)."""
    cell = s.cell(first).getCellAddress()
    s.sheet.getCellRangeByPosition(cell.Column, cell.Row, cell.Column + len(rows[0]) - 1,
                                   cell.Row + len(rows) - 1).setDataArray(
        tuple(tuple("" if v is None else v for v in r) for r in rows))

SOURCES = ["Web", "Referral", "Fair", "Cold call"]
REGIONS = ["North", "South", "East", "West", "Zürich"]
PRODUCTS = ["Starter", "Professional", "Enterprise"]


def purchases(n, seed=11):
    rnd = random.Random(seed)
    rows = []
    for _ in range(n):
        src, reg = rnd.choice(SOURCES), rnd.choice(REGIONS)
        weights = [5 if src == "Web" else 2, 3, 4 if reg in ("North", "Zürich") else 1]
        product = rnd.choices(PRODUCTS, weights)[0] if rnd.random() > 0.1 else None
        rows.append([src if rnd.random() > 0.05 else None, reg, product])
    return rows


def fit(history, leads, products, a=1.0):
    """Multi-class naive Bayes as issue 15 says, categorical columns only: prior = share of
    the purchase rows; P(v | c) = (count + a) / (n_c,j + a K_j); blanks and unseen values
    contribute nothing."""
    rows = [r for r in history if r[-1]]
    n = len(rows)
    out = []
    for lead in leads:
        logs = []
        for p in products:
            mine = [r for r in rows if r[-1] == p]
            if not mine:
                logs.append(-math.inf)
                continue
            x = math.log(len(mine) / n)
            for j, v in enumerate(lead):
                seen = {r[j] for r in rows if r[j]}
                if not v or v not in seen:
                    continue
                known = [r for r in mine if r[j]]
                x += math.log((sum(1 for r in known if r[j] == v) + a) / (len(known) + a * len(seen)))
            logs.append(x)
        top = max(logs)
        e = [math.exp(x - top) for x in logs]
        out.append([v / sum(e) for v in e])
    return out


def test_fit_matches_an_independent_naive_bayes(office):
    hist = purchases(400)
    leads = [["Web", "North"], ["Fair", "Zürich"], ["Cold call", None], [None, None], ["Mail", "South"]]
    s = Sheet(office)
    try:
        put_block(s, [["Source", "Region", "Product"]] + hist)
        s.fill(leads, col=5, row=1)
        end = len(hist) + 1
        got = s.array("=PRODUCT_FIT(F2:G6;A1:B%d;C1:C%d;{\"%s\";\"%s\";\"%s\"})" % ((end, end) + tuple(PRODUCTS)),
                      "I2:K6")
        want = fit(hist, leads, PRODUCTS)
        for i in range(len(leads)):
            for j in range(3):
                v = s.cell("I2:K6").getCellByPosition(j, i).getValue()
                assert math.isclose(v, want[i][j], rel_tol=1e-9, abs_tol=1e-12), (i, j, v, want[i][j], got)
        # smoothing 0.5; every row sums to 1
        s.array("=PRODUCT_FIT(F2:G6;A2:B%d;C2:C%d;{\"%s\";\"%s\";\"%s\"};0.5)" % ((end, end) + tuple(PRODUCTS)),
                "I2:K6")
        want = fit(hist, leads, PRODUCTS, 0.5)
        for i in range(len(leads)):
            row = [s.cell("I2:K6").getCellByPosition(j, i).getValue() for j in range(3)]
            assert all(math.isclose(v, w, rel_tol=1e-9, abs_tol=1e-12) for v, w in zip(row, want[i])), (row, want[i])
            assert math.isclose(sum(row), 1, rel_tol=1e-12)
    finally:
        s.close()


def test_fit_orders_columns_and_counts_unbought_products(office):
    s = Sheet(office, [["Web", "Suite"], ["Fair", "basic "], ["Web", "SUITE"], ["Phone", None]])
    try:
        # first appearance order: Suite, then basic (as first spelled); names folded
        s.expect("=INDEX(PRODUCT_FIT(\"Web\";A1:A4;B1:B4);1;1)", (2 / 3 * 3 / 4) / (2 / 3 * 3 / 4 + 1 / 3 * 1 / 3))
        s.expect("=COLUMNS(PRODUCT_FIT(\"Web\";A1:A4;B1:B4))", 2)
        s.expect("=INDEX(PRODUCT_FIT(\"Web\";A1:A4;B1:B4;{\"Premium\";\"Basic\";\"Suite\"});1;1)", 0)
        s.expect("=COLUMNS(PRODUCT_FIT(\"Web\";A1:A4;B1:B4;{\"Premium\";\"Basic\";\"Suite\"}))", 3)
        s.expect("=SUM(PRODUCT_FIT(\"Web\";A1:A4;B1:B4;{\"Premium\";\"Basic\";\"Suite\"}))", 1)
    finally:
        s.close()


def test_fit_of_two_products_is_lead_score(office):
    """With two products, PRODUCT_FIT's first is LEAD_SCORE with it as won (numeric column
    in quintile bins included)."""
    rnd = random.Random(5)
    hist = [[rnd.choice(SOURCES), rnd.randint(1, 500), rnd.choice(("A", "B"))] for _ in range(300)]
    s = Sheet(office)
    try:
        put_block(s, hist)
        put_block(s, [["won" if r[2] == "A" else "lost"] for r in hist], "D1")
        s.fill([["Web", 20], ["Fair", 480], [None, 250]], col=5)
        fit_cells = s.array("=PRODUCT_FIT(F1:G3;A1:B300;C1:C300;{\"A\";\"B\"})", "I1:J3")
        score_cells = s.array("=LEAD_SCORE(F1:G3;A1:B300;D1:D300)", "L1:L3")
        for i in range(3):
            a = s.cell("I1:J3").getCellByPosition(0, i).getValue()
            b = s.cell("L1:L3").getCellByPosition(0, i).getValue()
            assert math.isclose(a, b, rel_tol=1e-12), (fit_cells, score_cells)
    finally:
        s.close()


def test_fit_bad_input(office):
    s = Sheet(office, [["Web", "Suite"], ["Fair", "Basic"], ["Web", "Suite"]])
    f = "=PRODUCT_FIT(\"Web\";A1:A3;B1:B3)"
    try:
        s.expect("=INDEX(PRODUCT_FIT(\"Web\";A1:A3;B1:B3);1;1)", (2 / 3 * 3 / 4) / (2 / 3 * 3 / 4 + 1 / 3 * 1 / 3))
        for col, row, bad, error in [
                (1, 1, 42, "#VALUE!"),            # a number as a product
                (1, 1, "=1/0", None),             # an error cell: Calc refuses it (Err:504)
                (0, 1, "=NA()", None)]:
            s.set(col, row, bad)
            if error:
                s.expect_error(f, error)
            else:
                v, shown, e = s.formula(f)
                assert e != 0, shown
            s.set(col, row, ["Fair", "Basic"][col])
        s.expect_error("=PRODUCT_FIT(\"Web\";A1:A3;B1:B2)", "Err:502")          # lengths differ
        s.expect_error("=PRODUCT_FIT(\"Web\";A1:A3;A1:B3)", "Err:502")          # 2-D Products
        s.expect_error("=PRODUCT_FIT(A1:B2;A1:A3;B1:B3)", "Err:502")            # leads too wide
        s.expect_error("=PRODUCT_FIT(\"Web\";A1:A3;B1:B3;{\"Suite\"})", "#N/A")  # not listed
        s.expect_error("=PRODUCT_FIT(\"Web\";A1:A3;B1:B3;{\"Suite\";\"suite\"})", "Err:502")  # twice
        s.expect_error("=PRODUCT_FIT(\"Web\";A1:A3;B1:B3;{\"Suite\";7})", "#VALUE!")
        s.expect_error("=PRODUCT_FIT(\"Web\";A1:A3;B1:B3;;-1)", "#NUM!")
        s.expect_error("=PRODUCT_FIT(\"Web\";A1:A3;B1:B3;;\"much\")", "#VALUE!")
        s.expect_error("=PRODUCT_FIT(\"Web\";A10:A12;B10:B12)", "#N/A")          # no purchase
        s.set(0, 5, "\U0001F600 \u202eweb")                                       # odd Unicode
        s.set(1, 5, "Su\u0301ite")
        v, shown, e = s.formula("=SUM(PRODUCT_FIT(\"Web\";A1:A6;B1:B6))")
        assert e == 0 and math.isclose(v, 1), shown
    finally:
        s.close()


def test_fit_of_100000_purchases(office):
    n = 100000
    rnd = random.Random(3)
    rows = tuple((rnd.choice(SOURCES), rnd.choice(REGIONS), rnd.choice(PRODUCTS)) for _ in range(n))
    s = Sheet(office)
    try:
        s.sheet.getCellRangeByName("A1:C%d" % n).setDataArray(rows)
        s.fill([["Web", "North"]] * 100, col=5)
        t = time.perf_counter()
        s.array("=PRODUCT_FIT(F1:G100;A1:B%d;C1:C%d)" % (n, n), "I1:K100")
        took = time.perf_counter() - t
        assert took < 5, "100,000 purchases took %.1f s" % took
        v, shown, e = s.formula("=SUM(I1:K100)")
        assert e == 0 and math.isclose(v, 100, rel_tol=1e-9), shown
    finally:
        s.close()
