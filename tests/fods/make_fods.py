#!/usr/bin/python3
"""make_fods.py OXT [DIR] - writes one flat ODF spreadsheet (.fods) per Pipecalc function
into DIR (default: this folder), the way LibreOffice tests its own functions
(sc/qa/unit/data/functions/*.fods):

  Sheet1  A1 the function's name, A3 "Result", B3 TRUE when every case passes
  Sheet2  a row per case: A the call, B the expected result (a number, or a built-in that
          gives the expected error: NA() for #N/A, SQRT(-1) for Err:502 ...), C TRUE when
          A matches B, D the call as text (FORMULA), E what the case checks
  Data    the tables the calls read

The expected values are worked out by hand (the comments say how), not read from Pipecalc.
Run it with the extension installed (make fods) after adding cases; commit the files.
tests/calc/test_fods.py recalculates every .fods of this folder hard and reads B3."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "calc"))
from office import Office, prop, file_url  # noqa: E402

# Errors as a built-in function gives them (ERRORTYPE compares them)
NA, ERR502, NUM, VALUE, DIV0 = "=NA()", "=SQRT(-1)", "=10^400", "=\"x\"+1", "=1/0"

# Data sheet: a pipeline (A1:E5), a stage table (G1:H5), furthest stages (J1:J9),
# a stage log (L1:M8), a history of leads (O1:P6) and leads to score (R1:R5).
DATA = [
    ["Amount", "Stage", "Close date", "Probability", None, None, "Stage", "Probability", None,
     "Furthest stage", None, "Deal", "Stage entered", None, "Source", "Outcome", None, "Lead source"],
    [1000, "Lead", "=DATE(2026;1;15)", 0.1, None, None, "Lead", 0.1, None, "Lead", None, "d1", "Lead", None,
     "Web", "won", None, "Web"],
    [2000, "Qualified", "=DATE(2026;2;10)", 0.3, None, None, "Qualified", 0.3, None, "Qualified", None, "d1",
     "Qualified", None, "Web", "lost", None, "Fair"],
    [4000, "Proposal", "=DATE(2026;3;5)", 0.5, None, None, "Proposal", 0.5, None, "Qualified", None, "d2",
     "Lead", None, "Fair", "won", None, None],
    [500, "Won", "=DATE(2026;1;20)", 1, None, None, "Won", 1, None, "Proposal", None, "d2", "Qualified", None,
     "Fair", "won", None, "Phone"],
    [None] * 9 + ["Proposal", None, "d2", "Proposal", None, "Web", "lost"],
    [None] * 9 + ["Won", None, "d2", "Won"],
    [None] * 9 + ["Won", None, "d3", "Lead"],
    [None] * 9 + ["Lead"],
    [None] * 9 + ["Lost"],
]
# a dated stage log (T1:V13), rows out of order: d1 Lead 10 days, Proposal 5, then Won (open);
# d2 Lead 30 (the repeated Lead continues the stay), Proposal 20, then Lost (open); d3 Lead
# (open); d4 Lead 0.5, Proposal 9.5, Lead again 2, then Won (open)
STAGE_LOG = [
    ["Deal", "Stage", "Date entered"], ["d2", "Proposal", 130], ["d1", "Lead", 100],
    ["d4", "Lead", 210], ["d2", "Lead", 100], ["d1", "Proposal", 110], ["d3", "Lead", 120],
    ["d2", "Lead", 105], ["d4", "Proposal", 200.5], ["d1", "Won", 115], ["d4", "Lead", 200],
    ["d2", "Lost", 150], ["d4", "Won", 212],
]
for r, entry in enumerate(STAGE_LOG):
    while len(DATA) <= r:
        DATA.append([])
    DATA[r] = DATA[r] + [None] * (19 - len(DATA[r])) + entry
# past purchases (X1:Y7): Source | Product; the row with no product is no purchase
PURCHASES = [["Source", "Product"], ["Web", "Suite"], ["Web", "Suite"], ["Fair", "Basic"],
             ["Web", "Basic"], ["Fair", None], ["Phone", "Suite"]]
for r, entry in enumerate(PURCHASES):
    DATA[r] = DATA[r] + [None] * (23 - len(DATA[r])) + entry
ORDER = "{\"Lead\";\"Qualified\";\"Proposal\";\"Won\"}"

FUNCTIONS = {
    "PIPELINE_FORECAST": [
        ("=PIPELINE_FORECAST(Data.A2:A5;Data.B2:B5;Data.G2:H5)", 3200,
         "stage table: 1000*0.1 + 2000*0.3 + 4000*0.5 + 500*1"),
        ("=PIPELINE_FORECAST(Data.A1:A5;Data.B1:B5;Data.G1:H5)", 3200, "header rows selected are skipped"),
        ("=PIPELINE_FORECAST(Data.A2:A5;Data.B2:B5;Data.D2:D5)", 3200, "one probability per deal"),
        ("=PIPELINE_FORECAST(Data.A:A;Data.B:B;Data.G:H)", 3200, "whole columns: blank rows skipped"),
        ("=PIPELINE_FORECAST(Data.A2:A5;Data.B2:B5;Data.G2:H5;Data.C2:C5;DATE(2026;1;1);DATE(2026;1;31))", 600,
         "January only: 1000*0.1 + 500*1"),
        ("=PIPELINE_FORECAST(Data.A2:A5;Data.B2:B5;Data.G2:H5;Data.C2:C5;DATE(2026;2;1))", 2600,
         "from February on, open end: 600 + 2000"),
        ("=PIPELINE_FORECAST(Data.A2:A5;Data.B2:B5;Data.G2:H5;;;;0.1)", 500,
         "P10: won total 0 with probability 0.9*0.7*0.5 = 0.315 >= 0.1, plus the certain 500"),
        ("=PIPELINE_FORECAST(Data.A2:A5;Data.B2:B5;Data.G2:H5;;;;0.9)", 6500,
         "P90: cumulative 0.815 at 4000, 0.85 at 5000, 0.985 at 6000; plus 500"),
        ("=PIPELINE_FORECAST({100;200};{\"Lead\";\"Won\"};{0.5;0.25})", 100, "inline arrays: 50 + 50"),
        ("=PIPELINE_FORECAST(Data.A2:A5;Data.B2:B5;Data.G2:H5;;;;;{\"\";\"\";\"\";\"won\"})", 2700,
         "Outcomes: the won deal is closed and left out"),
        ("=PIPELINE_FORECAST({-100;400};{\"Lead\";\"Proposal\"};Data.G2:H5)", 190,
         "a credit note lowers the forecast: -10 + 200"),
        ("=PIPELINE_FORECAST({1000};{\"Nowhere\"};Data.G2:H5)", NA, "a stage missing from the table"),
        ("=PIPELINE_FORECAST({1000;2000};{\"Lead\"};Data.G2:H5)", ERR502, "ranges of different lengths"),
        ("=PIPELINE_FORECAST({\"abc\";2000};{\"Lead\";\"Lead\"};Data.G2:H5)", VALUE, "text amount"),
        ("=PIPELINE_FORECAST({1000};{\"Lead\"};{25})", NUM, "a probability of 25 (type 25 %)"),
        ("=PIPELINE_FORECAST(Data.A2:A5;Data.B2:B5;Data.G2:H5;;;;1)", NUM, "a percentile of 1"),
        ("=PIPELINE_FORECAST(Data.A2:A5;Data.B2:B5;Data.G2:H5;;DATE(2026;1;1))", ERR502,
         "a period bound without close dates"),
    ],
    "STAGE_CONVERSION": [
        ("=STAGE_CONVERSION(Data.J2:J9;\"Qualified\";\"Won\";" + ORDER + ")", 2 / 6,
         "furthest stages: 6 reached Qualified (2 Qualified, 2 Proposal, 2 Won), 2 of them Won"),
        ("=STAGE_CONVERSION(Data.J2:J9;\"Lead\";\"Won\";" + ORDER + ")", 2 / 8, "all 8 reached Lead"),
        ("=STAGE_CONVERSION(Data.J2:J9;\"Qualified\";\"Proposal\";" + ORDER + ")", 4 / 6, "4 of 6"),
        ("=STAGE_CONVERSION(Data.J2:J9;\"Proposal\";\"Proposal\";" + ORDER + ")", 1, "FromStage = ToStage"),
        ("=STAGE_CONVERSION(Data.J2:J10;\"Lead\";\"Won\";" + ORDER + ";\"Lost\")", 2 / 8,
         "the Lost row skipped with IgnoreStages"),
        ("=STAGE_CONVERSION(Data.L2:M8;\"Lead\";\"Won\";" + ORDER + ")", 1 / 3,
         "stage log: d1, d2, d3 reached Lead; d2 Won"),
        ("=STAGE_CONVERSION(Data.L2:M8;\"Lead\";\"Qualified\";" + ORDER + ")", 2 / 3, "stage log: d1, d2"),
        ("=STAGE_CONVERSION(Data.J2:J9;\"Won\";\"Lead\";" + ORDER + ")", ERR502, "ToStage before FromStage"),
        ("=STAGE_CONVERSION(Data.J2:J9;\"Demo\";\"Won\";" + ORDER + ")", NA, "a stage not in StageOrder"),
        ("=STAGE_CONVERSION({\"Lead\";\"Lead\"};\"Qualified\";\"Won\";" + ORDER + ")", DIV0,
         "no deal reached FromStage"),
        ("=STAGE_CONVERSION(Data.J2:J9;\"Lead\";\"Won\";{\"Lead\";\"Qualified\";\"Lost\";\"Won\"})", ERR502,
         "a lost word inside StageOrder"),
    ],
    "LEADS_NEEDED": [
        ("=LEADS_NEEDED(10;Data.J2:J9;\"Lead\";" + ORDER + ")", 40, "10 won at 2/8 from Lead"),
        ("=LEADS_NEEDED(10;Data.J2:J9;\"Qualified\";" + ORDER + ")", 30,
         "10 / (2/6) = 30 exactly, not 31 (rounded up within 1e-12)"),
        ("=LEADS_NEEDED(500000;Data.J2:J9;\"Lead\";" + ORDER + ";;25000)", 80,
         "revenue target: 20 deals of 25000, at 2/8"),
        ("=LEADS_NEEDED(7;Data.J2:J9;\"Lead\";" + ORDER + ")", 28, "7 / 0.25"),
        ("=LEADS_NEEDED(5;Data.J2:J9;\"Proposal\";" + ORDER + ")", 10,
         "4 reached Proposal, 2 of them Won: 5 / 0.5"),
        ("=LEADS_NEEDED(10;Data.J2:J9;\"Demo\";" + ORDER + ")", NA, "a stage not in StageOrder"),
    ],
    "LEAD_SCORE": [
        ("=LEAD_SCORE(Data.R2;Data.O2:O6;Data.P2:P6)", 0.8 / 1.8,
         "Web: prior odds 3:2 x P(Web|won) (1+1)/(3+2) / P(Web|lost) (2+1)/(2+2) = 0.8"),
        ("=LEAD_SCORE(Data.R3;Data.O2:O6;Data.P2:P6)", 3.6 / 4.6,
         "Fair: 1.5 x ((2+1)/5) / ((0+1)/4) = 3.6"),
        ("=LEAD_SCORE(Data.R4;Data.O2:O6;Data.P2:P6)", 0.6, "a blank lead gets the prior 3/5"),
        ("=LEAD_SCORE(Data.R5;Data.O2:O6;Data.P2:P6)", 0.6, "a category no training row has: the prior"),
        ("=LEAD_SCORE(Data.R2;Data.O2:O6;Data.P2:P6;2)", 27 / 55,
         "Smoothing 2: 1.5 x ((1+2)/(3+4)) / ((2+2)/(2+4)) = 27/28"),
        ("=LEAD_SCORE(Data.R2;Data.O2:O4;{\"won\";\"won\";\"won\"})", NA, "no lost training row"),
        ("=LEAD_SCORE(Data.R2;Data.O2:O6;Data.P2:P5)", ERR502, "History and Outcomes of different lengths"),
        ("=LEAD_SCORE(Data.R2;Data.O2:O6;Data.P2:P6;-1)", NUM, "Smoothing below 0"),
    ],
    "SALES_VELOCITY": [
        ("=SALES_VELOCITY({1000;2000;3000;4000};{\"won\";\"won\";\"lost\";\"open\"};{100;100;100;100};"
         "{110;130;120;0})", 50,
         "1 open x win rate 2/3 x average won 1500 / average cycle (10 + 30) / 2 = 50"),
        ("=SALES_VELOCITY({\"Amount\";1000;2000;3000;4000};{\"Status\";\"won\";\"won\";\"lost\";\"open\"};"
         "{\"Created\";100;100;100;100};{\"Closed\";110;130;120;0})", 50, "a header row is skipped"),
        ("=SALES_VELOCITY({1000;2000;3000;4000};{\"gewonnen\";\"Won\";\"verloren\";\"\"};{100;100;100;100};"
         "{110;130;120;0})", 50, "German and capitalised outcome words; an empty outcome is open"),
        ("=SALES_VELOCITY({1000;3000;5};{\"won\";\"won\";\"open\"};{100;100.5;0};{110;110;0})", 2000 / 9.75,
         "fractions of days kept: cycles 10 and 9.5, 1 open x 1 x 2000 / 9.75"),
        ("=SALES_VELOCITY({1000;2000};{\"won\";\"lost\"};{100;100};{110;120})", 0, "no open deal: 0"),
        ("=SALES_VELOCITY({1000;2000};{\"lost\";\"open\"};{100;100};{110;0})", DIV0, "no won deal"),
        ("=SALES_VELOCITY({1000;2000};{\"won\";\"open\"};{100;100};{100;0})", DIV0,
         "average cycle of 0 days"),
        ("=SALES_VELOCITY({1000;2000};{\"won\";\"open\"};{100;100};{90;0})", NUM,
         "a won deal closed before it was created"),
        ("=SALES_VELOCITY({1000;2000};{\"won\";\"open\"};{\"soon\";100};{110;0})", VALUE,
         "a date that is text"),
        ("=SALES_VELOCITY({\"abc\";2000};{\"won\";\"open\"};{100;100};{110;0})", VALUE, "a text amount"),
        ("=SALES_VELOCITY({1000;2000;3};{\"won\";\"open\"};{100;100};{110;0})", ERR502,
         "ranges of different lengths"),
    ],
    "PRODUCT_FIT": [
        ("=INDEX(PRODUCT_FIT(Data.R2;Data.X2:X7;Data.Y2:Y7);1;1)", 0.3 / 0.46,
         "a Web lead: Suite 3/5 x (2+1)/(3+3) = 0.3 against Basic 2/5 x (1+1)/(2+3) = 0.16"),
        ("=INDEX(PRODUCT_FIT(Data.R2;Data.X2:X7;Data.Y2:Y7);1;2)", 0.16 / 0.46, "... and Basic"),
        ("=INDEX(PRODUCT_FIT(Data.R2;Data.X1:X7;Data.Y1:Y7);1;1)", 0.3 / 0.46, "a header row is skipped"),
        ("=INDEX(PRODUCT_FIT(Data.R3;Data.X2:X7;Data.Y2:Y7);1;2)", 0.16 / 0.26,
         "a Fair lead: Basic 2/5 x 2/5 against Suite 3/5 x 1/6"),
        ("=INDEX(PRODUCT_FIT(Data.R4;Data.X2:X7;Data.Y2:Y7);1;1)", 0.6, "a blank lead: the prior 3/5"),
        ("=INDEX(PRODUCT_FIT(Data.R2;Data.X2:X7;Data.Y2:Y7;{\"Basic\";\"Suite\";\"Premium\"});1;1)",
         0.16 / 0.46, "ProductList sets the columns' order"),
        ("=INDEX(PRODUCT_FIT(Data.R2;Data.X2:X7;Data.Y2:Y7;{\"Basic\";\"Suite\";\"Premium\"});1;3)", 0,
         "a listed product nobody bought: 0"),
        ("=INDEX(PRODUCT_FIT(Data.R2;Data.X2:X7;Data.Y2:Y7;;2);1;1)", 0.6 * 4 / 9 / (0.6 * 4 / 9 + 0.4 * 3 / 8),
         "smoothing 2: Suite 3/5 x 4/9, Basic 2/5 x 3/8"),
        ("=SUM(PRODUCT_FIT(Data.R2:R3;Data.X2:X7;Data.Y2:Y7))", 2, "two leads, each row sums to 1"),
        ("=PRODUCT_FIT(Data.R2;{\"Web\"|\"Fair\"};{\"\"|\"\"})", NA, "no purchase row"),
        ("=PRODUCT_FIT(Data.R2;{\"Web\"|\"Fair\"};{\"Suite\"|1})", VALUE, "a number as a product"),
        ("=PRODUCT_FIT(Data.R2;Data.X2:X7;Data.Y2:Y6)", ERR502, "History and Products of different lengths"),
        ("=PRODUCT_FIT(Data.R2;Data.X2:X7;Data.Y2:Y7;{\"Suite\"})", NA, "a product ProductList lacks"),
        ("=PRODUCT_FIT(Data.R2;Data.X2:X7;Data.Y2:Y7;;-1)", NUM, "Smoothing below 0"),
    ],
    "STAGE_DURATION": [
        ("=STAGE_DURATION(Data.T2:V13;\"Lead\")", 10.625,
         "Lead stays 10, 30 (a repeated entry continues), 0.5 and 2 (re-entered): 42.5 / 4"),
        ("=STAGE_DURATION(Data.T1:V13;\"Lead\")", 10.625, "a header row is skipped"),
        ("=STAGE_DURATION(Data.T:V;\"Lead\")", 10.625, "whole columns: blank rows skipped"),
        ("=STAGE_DURATION(Data.T2:V13;\"Lead\";0.9)", 24,
         "P90 of 0.5, 2, 10, 30: rank 2.7, 10 + 0.7 x 20"),
        ("=STAGE_DURATION(Data.T2:V13;\"proposal \")", 11.5,
         "names match without case and outer spaces: Proposal stays 5, 20, 9.5"),
        ("=STAGE_DURATION(Data.T2:V13;\"Proposal\";0.5)", 9.5, "the median of 5, 9.5, 20"),
        ("=STAGE_DURATION(Data.T2:V13;\"Proposal\";1)", 20, "percentile 1: the longest stay"),
        ("=STAGE_DURATION(Data.T2:V13;\"Proposal\";0)", 11.5, "percentile 0 means the mean"),
        ("=STAGE_DURATION(Data.T2:V13;\"Won\")", DIV0, "every Won stay is still open"),
        ("=STAGE_DURATION(Data.T2:V13;\"Negotiation\")", DIV0, "a stage the log never names"),
        ("=STAGE_DURATION(Data.T2:V13;\"Lead\";1.5)", NUM, "a percentile above 1"),
        ("=STAGE_DURATION(Data.T2:V13;\"Lead\";\"soon\")", VALUE, "a percentile that is text"),
        ("=STAGE_DURATION(Data.T2:V13;\"\")", VALUE, "an empty stage name"),
        ("=STAGE_DURATION(Data.T2:U13;\"Lead\")", ERR502, "a log of two columns"),
    ],
}

CHECK = ("=IF(ISERROR(B{r});IFERROR(ERRORTYPE(A{r})=ERRORTYPE(B{r});FALSE());"
         "IFERROR(ABS(A{r}-B{r})<=1E-9*MAX(1;ABS(B{r}));FALSE()))")


def put(cell, v):
    if v is None:
        return
    if isinstance(v, str) and v.startswith("="):
        cell.setFormula(v)
    elif isinstance(v, str):
        cell.setString(v)
    else:
        cell.setValue(float(v))


def build(office, name, cases, path):
    doc = office.new_calc()
    sheets = doc.Sheets
    sheets.insertNewByName("Sheet2", 1)
    sheets.insertNewByName("Data", 2)
    summary, rows, data = (sheets.getByIndex(i) for i in range(3))
    put(summary.getCellByPosition(0, 0), name)
    put(summary.getCellByPosition(0, 2), "Result")
    put(summary.getCellByPosition(1, 2), "=AND(Sheet2.C2:C%d)" % (len(cases) + 1))
    for c, h in enumerate(["Function", "Expected", "Correct", "FunctionString", "Comment"]):
        put(rows.getCellByPosition(c, 0), h)
    for i, (call, want, comment) in enumerate(cases, start=2):
        put(rows.getCellByPosition(0, i - 1), call)
        put(rows.getCellByPosition(1, i - 1), want)
        put(rows.getCellByPosition(2, i - 1), CHECK.format(r=i))
        put(rows.getCellByPosition(3, i - 1), "=FORMULA(A%d)" % i)
        put(rows.getCellByPosition(4, i - 1), comment)
    for r, values in enumerate(DATA):
        for c, v in enumerate(values):
            put(data.getCellByPosition(c, r), v)
    doc.calculateAll()
    failing = [rows.getCellByPosition(3, r).getString() for r in range(1, len(cases) + 1)
               if not rows.getCellByPosition(2, r).getValue()]
    doc.storeToURL(file_url(path), (prop("FilterName", "OpenDocument Spreadsheet Flat XML"),))
    doc.close(True)
    return failing


def main():
    oxt = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else HERE
    office = Office(oxt).start()
    try:
        bad = 0
        for name, cases in FUNCTIONS.items():
            path = os.path.join(out, name.lower() + ".fods")
            failing = build(office, name, cases, path)
            print("%s: %d cases%s" % (path, len(cases), "; FAILING: " + ", ".join(failing) if failing else ""))
            bad += len(failing)
    finally:
        office.stop()
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
