"""STAGE_DURATION in real Calc: a dated stage log in any order, checked against an independent
reading of the same log and against Calc's own PERCENTILE.INC; bad input."""
import datetime
import random
import time

from calc import Sheet

EPOCH = datetime.datetime(1899, 12, 30)  # Calc's default null date


def serial(moment):
    return (moment - EPOCH).total_seconds() / 86400


def stays(log, stage):
    """The completed stays in STAGE, read from LOG (deal, stage, date) the way issue 15 says:
    each deal's entries by date, ties by log order; a stay ends at the next other stage."""
    by_deal = {}
    for i, (deal, name, date) in enumerate(log):
        by_deal.setdefault(deal, []).append((date, i, name.strip().casefold()))
    key = stage.strip().casefold()
    out = []
    for entries in by_deal.values():
        entries.sort()
        begun = None
        for date, _, name in entries:
            if begun is not None and name != begun[1]:
                if begun[1] == key:
                    out.append(date - begun[0])
                begun = (date, name)
            elif begun is None:
                begun = (date, name)
    return sorted(out)


def percentile_inc(values, p):
    rank = (len(values) - 1) * p
    low = int(rank)
    high = min(low + 1, len(values) - 1)
    return values[low] + (rank - low) * (values[high] - values[low])


STAGES = ["Lead", "Qualified", "Proposal", "Negotiation"]


def random_log(n_deals, seed=7):
    """Deals moving through the funnel with a step back now and then, dates with hours."""
    rnd = random.Random(seed)
    log = []
    start = datetime.datetime(2026, 1, 5, 9)
    for d in range(n_deals):
        deal = "D-%04d" % d if d % 3 else d   # ids both texts and numbers
        at = start + datetime.timedelta(days=rnd.randint(0, 200), hours=rnd.randint(0, 8))
        i = 0
        for _ in range(rnd.randint(1, 6)):
            log.append((deal, STAGES[i], serial(at)))
            at += datetime.timedelta(days=rnd.randint(0, 40), hours=rnd.randint(0, 23))
            i = max(0, min(len(STAGES) - 1, i + rnd.choice((1, 1, 1, 0, -1))))
        if rnd.random() < 0.6:
            log.append((deal, rnd.choice(("Won", "Lost")), serial(at)))
    rnd.shuffle(log)  # rows in any order
    return log


def test_duration_of_a_random_log_matches_an_independent_reading(office):
    log = random_log(300)
    s = Sheet(office, [["Deal", "Stage", "Date entered"]])
    try:
        end = len(log) + 1
        s.sheet.getCellRangeByName("A2:C%d" % end).setDataArray(tuple(log))
        for stage in STAGES:
            want = stays(log, stage)
            assert len(want) > 20, (stage, len(want))
            f = "=STAGE_DURATION(A1:C%d;\"%s\"" % (end, stage)
            s.expect(f + ")", sum(want) / len(want))
            s.expect(f + ";0.5)", percentile_inc(want, 0.5))
            s.expect(f + ";0.9)", percentile_inc(want, 0.9))
            s.expect("=STAGE_DURATION(A:C;\"%s\";0.9)" % stage.upper(), percentile_inc(want, 0.9))
        # Calc's own PERCENTILE.INC over the same stays
        want = stays(log, "Proposal")
        s.fill([[v] for v in want], col=5)
        s.expect("=STAGE_DURATION(A1:C%d;\"Proposal\";0.9)" % end,
                 s.formula("=PERCENTILE.INC(F1:F%d;0.9)" % len(want), at="Z2")[0])
        s.expect("=STAGE_DURATION(A1:C%d;\"Proposal\";0.25)" % end,
                 s.formula("=PERCENTILE.INC(F1:F%d;0.25)" % len(want), at="Z2")[0])
    finally:
        s.close()


def test_duration_rules_of_the_log(office):
    d = lambda day: serial(datetime.datetime(2026, 3, day))  # noqa: E731
    s = Sheet(office, [["Deal", "Stage", "Date entered"],
                       [7, "Lead", d(1)],
                       ["7", "Lead", d(3)],        # the text "7" is another deal than 7
                       [7, "Proposal", d(11)],
                       [None, None, None],        # a blank row is skipped
                       ["7", "Proposal", d(4)],
                       ["x", "Lead", d(2)],
                       ["x", "Proposal", d(2)],    # the same day: a stay of 0 days
                       ["x", "Proposal", d(5)],    # the same stage again continues the stay
                       ["x", "Lead", d(9)]])       # ... which ends here: 7 days
    try:
        s.expect("=STAGE_DURATION(A1:C10;\"Lead\")", (10 + 1 + 0) / 3)
        s.expect("=STAGE_DURATION(A1:C10;\"Proposal\")", 7)
        s.expect_error("=STAGE_DURATION(A1:C4;\"Proposal\")", "#DIV/0!")   # still open
    finally:
        s.close()


def test_duration_bad_input(office):
    d = serial(datetime.datetime(2026, 3, 1))
    rows = [["Deal", "Stage", "Date entered"], ["a", "Lead", d], ["a", "Won", d + 4],
            ["b", "Lead", d], ["b", "Lost", d + 8]]
    s = Sheet(office, rows)
    f = "=STAGE_DURATION(A1:C5;\"Lead\")"
    try:
        s.expect(f, 6)
        for col, row, bad, error in [
                (2, 2, "next week", "#VALUE!"),      # a date that is text
                (2, 2, "=1/0", None),                # an error cell: Calc itself refuses
                (1, 2, "=NA()", None),               # ... to hand it over (Err:504)
                (1, 2, 42, "#VALUE!"),               # a number as a stage
                (0, 2, None, "#N/A"),                # a row without a deal id
                (1, 2, None, "#N/A"),                # ... without a stage
                (2, 2, None, "#N/A")]:               # ... without a date
            s.set(col, row, bad)
            if error:
                s.expect_error(f, error)
            else:
                v, shown, e = s.formula(f)
                assert e != 0, "an error cell in the log gave %r" % shown
            s.set(col, row, rows[row][col])
            s.expect(f, 6)
        s.expect_error("=STAGE_DURATION(A1:B5;\"Lead\")", "Err:502")     # two columns
        s.expect_error("=STAGE_DURATION(A1:D5;\"Lead\")", "Err:502")     # four columns
        s.expect_error("=STAGE_DURATION(A1:C5;\"\")", "#VALUE!")         # no stage named
        s.expect_error("=STAGE_DURATION(A1:C5;\"Negotiation\")", "#DIV/0!")
        s.expect_error("=STAGE_DURATION(A1:C5;\"Won\")", "#DIV/0!")      # never left
        s.expect_error("=STAGE_DURATION(A20:C30;\"Lead\")", "#DIV/0!")   # an empty log
        s.expect_error("=STAGE_DURATION(A1:C5;\"Lead\";-0.1)", "#NUM!")
        s.expect_error("=STAGE_DURATION(A1:C5;\"Lead\";2)", "#NUM!")
        s.expect_error("=STAGE_DURATION(A1:C5;\"Lead\";\"P90\")", "#VALUE!")
        s.expect_error("=STAGE_DURATION(A1:C5;\"Lead\";A1:A2)", "Err:502")  # a range
        s.expect("=STAGE_DURATION(A1:C5;\"Lead\";1)", 8)
    finally:
        s.close()


def test_duration_odd_unicode_and_huge_dates(office):
    e_acute = "Qualifizi\u00e9rt"                 # precomposed
    e_nfd = "Qualifizie\u0301rt"                 # the same in NFD
    s = Sheet(office, [["\U0001F600", e_acute, 1e9], ["\U0001F600", "\u202eEnde", 1e9 + 2.5],
                       ["\u00df", e_nfd, 10], ["\u00df", "Ende", 12]])
    try:
        s.expect("=STAGE_DURATION(A1:C4;\"%s\")" % e_nfd, (2.5 + 2) / 2)
        s.expect("=STAGE_DURATION(A1:C4;\"%s\";1)" % e_acute, 2.5)
    finally:
        s.close()


def test_duration_of_100000_log_rows(office):
    n = 100000
    rows = [[i // 4, STAGES[i % 4], 46000 + (i // 4) + (i % 4) * 3] for i in range(n)]
    s = Sheet(office)
    try:
        s.sheet.getCellRangeByName("A1:C%d" % n).setDataArray(tuple(tuple(r) for r in rows))
        t = time.perf_counter()
        s.expect("=STAGE_DURATION(A1:C%d;\"Proposal\";0.9)" % n, 3)
        assert time.perf_counter() - t < 5, "100,000 log rows took %.1f s" % (time.perf_counter() - t)
    finally:
        s.close()
