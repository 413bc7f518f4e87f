"""The function wizard's names and help, in English (this office's UI language)."""
from calc import Sheet

FUNCTIONS = {
    "PIPELINE_FORECAST": ["Amounts", "Stages", "Probabilities", "CloseDates", "PeriodStart",
                          "PeriodEnd", "Percentile", "Outcomes"],
    "STAGE_CONVERSION": ["StageData", "FromStage", "ToStage", "StageOrder", "IgnoreStages"],
    "LEAD_SCORE": ["Leads", "History", "Outcomes", "Smoothing"],
    "SALES_VELOCITY": ["Amounts", "Outcomes", "Created", "Closed"],
    "STAGE_DURATION": ["StageLog", "Stage", "Percentile"],
    "PRODUCT_FIT": ["Leads", "History", "Products", "ProductList", "Smoothing"],
    "LEADS_NEEDED": ["Target", "StageData", "FromStage", "StageOrder", "IgnoreStages",
                     "AverageDealSize"],
}


def descriptions(office):
    fd = office.create("com.sun.star.sheet.FunctionDescriptions")
    out = {}
    for i in range(fd.getCount()):
        d = {p.Name: p.Value for p in fd.getByIndex(i)}
        out[d["Name"]] = d
    return out


def test_every_function_and_parameter_is_described_in_english(office):
    s = Sheet(office)  # functions are described fully once the add-in has been loaded
    try:
        s.formula("=LEADS_NEEDED(1;{\"Lead\";\"Won\"};\"Lead\";{\"Lead\";\"Won\"})")
    finally:
        s.close()
    d = descriptions(office)
    for name, params in FUNCTIONS.items():
        assert name in d, "missing %s" % name
        assert len(d[name]["Description"]) > 30
        args = d[name]["Arguments"]
        assert [a.Name for a in args] == params, [a.Name for a in args]
        for a in args:
            assert len(a.Description) > 10, (name, a.Name)
            assert a.IsOptional == a.Description.startswith("Optional."), (name, a.Name)
