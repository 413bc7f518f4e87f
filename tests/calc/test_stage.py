"""STAGE_CONVERSION and LEADS_NEEDED in real Calc: furthest-stage columns, stage logs, errors."""
import math

from calc import Sheet

# A: furthest stage per deal (header in A1); C: the funnel in order;
# E:F a stage-history log (deal | stage entered), rows in any order.
DEALS = ["Lead", "Qualified", "Proposal", "Won", "Qualified", "Negotiation", "Lead", "Won"]
ORDER = ["Lead", "Qualified", "Proposal", "Negotiation", "Won"]
LOG = [("D1", "Lead"), ("D1", "Qualified"), ("D2", "Lead"), ("D1", "Proposal"), ("D3", "Lead"),
       ("D3", "Won"), ("D3", "Qualified"), ("D3", "Negotiation")]


def sheet(office):
    rows = [["Stage", None, ORDER[0], None, "Deal", "Stage entered"]]
    for i in range(max(len(DEALS), len(LOG))):
        rows.append([DEALS[i] if i < len(DEALS) else None, None,
                     ORDER[i + 1] if i + 1 < len(ORDER) else None, None,
                     LOG[i][0] if i < len(LOG) else None, LOG[i][1] if i < len(LOG) else None])
    return Sheet(office, rows)


def test_conversion_from_furthest_stages(office):
    s = sheet(office)
    try:
        # reached: Lead 8, Qualified 6, Proposal 4, Negotiation 3, Won 2
        s.expect('=STAGE_CONVERSION(A2:A9;"Lead";"Won";C1:C5)', 2 / 8)
        s.expect('=STAGE_CONVERSION(A2:A9;"Qualified";"Proposal";C1:C5)', 4 / 6)
        s.expect('=STAGE_CONVERSION(A1:A9;"Lead";"Won";C1:C5)', 2 / 8)        # header skipped
        s.expect('=STAGE_CONVERSION(A2:A9;"qualified ";"WON";C1:C5)', 2 / 6)   # names fold
        s.expect('=STAGE_CONVERSION(A:A;"Lead";"Won";C1:C5)', 2 / 8)          # whole column
        s.expect('=STAGE_CONVERSION(A2:A9;"Lead";"Won";{"Lead";"Qualified";"Proposal";"Negotiation";"Won"})', 2 / 8)
    finally:
        s.close()


def test_conversion_from_a_stage_log(office):
    s = sheet(office)
    try:
        # D1 reached Proposal, D2 Lead, D3 Won (its rows out of order)
        s.expect('=STAGE_CONVERSION(E2:F9;"Lead";"Won";C1:C5)', 1 / 3)
        s.expect('=STAGE_CONVERSION(E1:F9;"Qualified";"Won";C1:C5)', 1 / 2)
        s.expect('=STAGE_CONVERSION(E2:F9;"Lead";"Proposal";C1:C5)', 2 / 3)
    finally:
        s.close()


def test_conversion_errors(office):
    s = sheet(office)
    try:
        s.expect_error('=STAGE_CONVERSION(A2:A9;"Nope";"Won";C1:C5)', "#N/A")
        s.expect_error('=STAGE_CONVERSION(A2:A9;"Won";"Lead";C1:C5)', "Err:502")
        s.expect_error('=STAGE_CONVERSION(A2:A9;"Lead";"Won";{"Lead";"Closed Lost";"Won"})', "Err:502")
        s.expect_error('=STAGE_CONVERSION(A2:A9;"Lead";"Won";{"Lead"})', "Err:502")
        s.set(0, 9, "Lost")  # a stage that is not in the funnel surfaces ...
        s.expect_error('=STAGE_CONVERSION(A2:A10;"Lead";"Won";C1:C5)', "#N/A")
        s.expect('=STAGE_CONVERSION(A2:A10;"Lead";"Won";C1:C5;"Lost")', 2 / 8)  # ... unless ignored
        s.expect_error('=STAGE_CONVERSION(A2:A4;"Negotiation";"Won";C1:C5)', "#DIV/0!")
        s.expect_error('=STAGE_CONVERSION(A2:A9;"Lead";"Won";C1:C5;42)', "#VALUE!")
        s.expect_error('=STAGE_CONVERSION(A2:A9;;"Won";C1:C5)', "Err:502")  # required slot empty
    finally:
        s.close()


def test_leads_needed(office):
    s = sheet(office)
    try:
        s.expect('=LEADS_NEEDED(10;A2:A9;"Lead";C1:C5)', 40)                     # 10 / 0.25
        s.expect('=LEADS_NEEDED(5;A2:A9;"Qualified";C1:C5)', math.ceil(5 / (2 / 6)))
        s.expect('=LEADS_NEEDED(100000;A2:A9;"Lead";C1:C5;;5000)', 80)          # revenue target
        s.expect('=LEADS_NEEDED(10;A2:A9;"Lead";C1:C5;;K1)', 40)                 # empty: deals
        s.expect('=LEADS_NEEDED(0;A2:A9;"Lead";C1:C5)', 0)
        s.expect_error('=LEADS_NEEDED(-1;A2:A9;"Lead";C1:C5)', "#NUM!")
        s.expect_error('=LEADS_NEEDED(10;A2:A9;"Lead";C1:C5;;-5)', "#NUM!")
        s.expect_error('=LEADS_NEEDED(10;A2:A3;"Lead";C1:C5)', "#DIV/0!")      # nobody won yet
        s.expect_error('=LEADS_NEEDED(10;A2:A9;"Nope";C1:C5)', "#N/A")
        s.expect_error('=LEADS_NEEDED(;A2:A9;"Lead";C1:C5)', "Err:502")          # required slot empty
    finally:
        s.close()
