"""SALES_VELOCITY in real Calc: a dated deal table, whole columns, and bad input."""
import datetime

from calc import Sheet

EPOCH = datetime.date(1899, 12, 30)  # Calc's default null date
# amount, status, created, closed (None: empty)
DEALS = [(12000, "Won", datetime.date(2026, 1, 5), datetime.date(2026, 2, 14)),
         (30000, "Lost", datetime.date(2026, 1, 9), datetime.date(2026, 3, 1)),
         (8000, "won", datetime.date(2026, 2, 1), datetime.date(2026, 2, 21)),
         (45000, "Open", datetime.date(2026, 3, 3), None),
         (None, "Open", datetime.date(2026, 3, 4), None),   # an empty amount counts 0 ...
         (22000, "verloren", datetime.date(2026, 1, 2), datetime.date(2026, 1, 30)),
         (17500, "Gewonnen", datetime.date(2026, 2, 10), datetime.date(2026, 4, 11)),
         (9000, None, datetime.date(2026, 4, 1), None),    # ... and an empty status is open
         (60000, "Open", None, None)]


def expected(deals):
    """The issue's formula, computed independently from the rows."""
    won = [d for d in deals if d[1] and d[1].lower() in ("won", "gewonnen")]
    lost = [d for d in deals if d[1] and d[1].lower() in ("lost", "verloren")]
    open_deals = len(deals) - len(won) - len(lost)
    rate = len(won) / (len(won) + len(lost))
    average_won = sum(d[0] or 0 for d in won) / len(won)
    average_cycle = sum((d[3] - d[2]).days for d in won) / len(won)
    return open_deals * rate * average_won / average_cycle


def serial(d):
    return None if d is None else (d - EPOCH).days


def sheet(office, deals=DEALS):
    rows = [["Amount", "Status", "Created", "Closed"]]
    rows += [[a, s, serial(c), serial(e)] for a, s, c, e in deals]
    return Sheet(office, rows)


def test_velocity_of_a_deal_table(office):
    s = sheet(office)
    try:
        want = expected(DEALS)  # 5 open x 3/5 x 12500 / 43.33 days
        s.expect("=SALES_VELOCITY(A2:A10;B2:B10;C2:C10;D2:D10)", want)
        s.expect("=SALES_VELOCITY(A1:A10;B1:B10;C1:C10;D1:D10)", want)   # header row skipped
        s.expect("=SALES_VELOCITY(A:A;B:B;C:C;D:D)", want)                # whole columns
        s.expect("=SALES_VELOCITY(A2:A10;B2:B10;C2:C10;D2:D10)*30", want * 30)
    finally:
        s.close()


def test_velocity_rows_and_fractions(office):
    s = sheet(office)
    try:
        # a blank row in the middle is skipped; a fraction of a day is kept
        s.set(2, 3, serial(datetime.date(2026, 2, 1)) + 0.5)   # the third deal's Created at noon
        s.fill([[None] * 4], row=11)
        s.fill([[1000, "Lost", 1, 2]], row=12)
        won_cycles = [40, 19.5, 60]  # Jan 5 - Feb 14, Feb 1 noon - Feb 21, Feb 10 - Apr 11
        lost, won, opened = 3, 3, 4
        want_fraction = opened * (won / (won + lost)) * ((12000 + 8000 + 17500) / 3) / (sum(won_cycles) / 3)
        s.expect("=SALES_VELOCITY(A2:A13;B2:B13;C2:C13;D2:D13)", want_fraction)
    finally:
        s.close()


def test_velocity_errors(office):
    s = sheet(office)
    try:
        f = "=SALES_VELOCITY(A2:A10;B2:B10;C2:C10;D2:D10)"
        s.expect_error("=SALES_VELOCITY(A2:A10;B2:B9;C2:C10;D2:D10)", "Err:502")   # lengths differ
        s.expect_error("=SALES_VELOCITY(A2:B10;B2:B10;C2:C10;D2:D10)", "Err:502")  # 2-D amounts
        s.expect_error("=SALES_VELOCITY(A5:A6;B5:B6;C5:C6;D5:D6)", "#DIV/0!")      # no won row
        s.expect_error("=SALES_VELOCITY(A20:A30;B20:B30;C20:C30;D20:D30)", "#DIV/0!")  # all empty
        s.set(0, 3, "eight thousand")                                               # text amount
        s.expect_error(f, "#VALUE!")
        s.set(0, 3, 8000)
        s.set(3, 3, None)                                    # a won row without its close date
        s.expect_error(f, "#VALUE!")
        s.set(3, 3, serial(datetime.date(2026, 1, 1)))       # closed before it was created
        s.expect_error(f, "#NUM!")
        s.set(3, 3, "last week")                             # a date that is text
        s.expect_error(f, "#VALUE!")
        s.set(3, 3, "=NA()")                                 # an error cell
        v, shown, e = s.formula(f)
        assert e != 0, "an error cell in Closed gave %r" % shown
        s.set(3, 3, serial(datetime.date(2026, 2, 21)))
        s.expect(f, expected(DEALS))                         # back to the table's figure
    finally:
        s.close()


def test_velocity_same_day_and_odd_text(office):
    # every won deal closed the day it was created: the average cycle is 0
    same_day = [(1000, "Won", datetime.date(2026, 1, 5), datetime.date(2026, 1, 5)),
                (2000, "Open", None, None)]
    s = sheet(office, same_day)
    try:
        s.expect_error("=SALES_VELOCITY(A2:A3;B2:B3;C2:C3;D2:D3)", "#DIV/0!")
    finally:
        s.close()
    # odd Unicode in the status column is an open deal; a status in NFD still matches "Won"
    odd = [(1000, "Won", datetime.date(2026, 1, 1), datetime.date(2026, 1, 11)),
           (3000, "Lost", datetime.date(2026, 1, 1), datetime.date(2026, 1, 20)),
           (5000, "\U0001F600 later", None, None),
           (7000, "\u202eOpen", None, None),
           (2000, "  WON  ", datetime.date(2026, 1, 1), datetime.date(2026, 1, 31))]
    s = sheet(office, odd)
    try:
        # won 1000 (10 days) and 2000 (30 days), 1 lost, 2 open: 2 x 2/3 x 1500 / 20
        s.expect("=SALES_VELOCITY(A2:A6;B2:B6;C2:C6;D2:D6)", 2 * (2 / 3) * 1500 / 20)
    finally:
        s.close()


def test_velocity_huge_amounts(office):
    rows = [(1e300, "Won", datetime.date(2026, 1, 1), datetime.date(2026, 1, 2)),
            (1e300, "Open", None, None), (1e300, "Open", None, None)]
    s = sheet(office, rows)
    try:
        s.expect("=SALES_VELOCITY(A2:A4;B2:B4;C2:C4;D2:D4)", 2e300)
        s.set(0, 1, 1.7e308)
        s.set(0, 2, 1.7e308)   # open x average won overflows a double: an error, never inf
        v, shown, e = s.formula("=SALES_VELOCITY(A2:A4;B2:B4;C2:C4;D2:D4)*1")
        assert e != 0 or (v == v and abs(v) < float("inf")), "overflow shown as %r" % shown
    finally:
        s.close()
