"""Teams pass .ods workbooks around: every function's calls and values survive save + reload."""
import os
import tempfile
import zipfile

from calc import Sheet
from office import save_as

ROWS = [["Amount", "Stage", "Source", "Outcome", None, "Stage", "Probability"],
        [1000, "Lead", "Web", "won", None, "Lead", 0.2],
        [3000, "Won", "Web", "lost", None, "Won", 1],
        [2000, "Lead", "Referral", "won", None, None, None],
        [500, "Lead", "Fair", "lost", None, None, None]]
FORMULAS = {
    "I1": "=PIPELINE_FORECAST(A1:A5;B1:B5;F1:G3)",
    "I2": "=PIPELINE_FORECAST(A2:A5;B2:B5;F2:G3;;;;0.5)",
    "I3": '=STAGE_CONVERSION(B2:B5;"Lead";"Won";F2:F3)',
    "I4": '=LEADS_NEEDED(3;B2:B5;"Lead";F2:F3)',
}


def test_every_function_survives_save_and_reload(office):
    s = Sheet(office, ROWS)
    path = os.path.join(tempfile.mkdtemp(), "team.ods")
    try:
        for at, f in FORMULAS.items():
            s.formula(f, at=at)
        s.array("=LEAD_SCORE(C2:C5;C2:C5;D2:D5)", "J1:J4")
        before = {at: s.cell(at).getValue() for at in list(FORMULAS) + ["J1", "J2", "J3", "J4"]}
        assert all(s.cell(at).getError() == 0 for at in before), before
        save_as(s.doc, path)
    finally:
        s.close()
    with zipfile.ZipFile(path) as z:
        content = z.read("content.xml").decode("utf-8")
    for method in ("PIPELINEFORECAST", "STAGECONVERSION", "LEADSNEEDED", "LEADSCORE"):
        assert "ORG.PIPECALC.PIPELINEFUNCTIONS." + method + "(" in content, method
    doc = office.load(path)
    try:
        doc.calculateAll()
        sheet = doc.Sheets.getByIndex(0)
        for at, v in before.items():
            c = sheet.getCellRangeByName(at)
            assert c.getError() == 0 and abs(c.getValue() - v) < 1e-12, (at, c.getString(), v)
        # still one array formula over the four leads (shown in the UI's syntax)
        assert "LEAD_SCORE(" in sheet.getCellRangeByName("J1:J4").getArrayFormula()
    finally:
        doc.close(True)
