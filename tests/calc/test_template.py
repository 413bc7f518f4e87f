"""The demo ships as a Calc template inside the .oxt (File > New > Templates, category
Pipecalc, "Pipeline"): an English office finds the English one, a document made from it
holds the Pipeline sheet with its deals, and every deck action works on it."""
import os

import uno

from demo import DEALS, HEADER
from templates import find_templates, new_from_template, template_path_has_ours
from test_sidebar import run


def test_template_found_and_new_document_from_it(office):
    assert template_path_has_ours(office, "en-US"), "the template path lacks the extension's folder"
    found = find_templates(office)
    assert len(found) == 1 and found[0].endswith("/templates/en-US/Pipecalc/Pipeline.ots"), found
    doc = new_from_template(office, found[0])
    try:
        assert doc.getURL() == "", doc.getURL()  # a new document, not the template itself
        assert doc.Sheets.ElementNames == ("Pipeline", "History", "Stages", "Examples", "Pipeline history",
                                          "Targets"), doc.Sheets.ElementNames
        rows = doc.Sheets.getByName("Pipeline").getCellRangeByName("A1:L%d" % (DEALS + 1)).getDataArray()
        assert list(rows[0]) == HEADER, rows[0]
        status = [r[5] for r in rows[1:]]
        assert status.count("Open") and status.count("Won") and status.count("Lost"), status
        assert all(isinstance(r[2], float) and r[2] > 0 for r in rows[1:]), "every deal has an amount"
        doc.calculateAll()
        ex = doc.Sheets.getByName("Examples")
        total = ex.getCellRangeByName("D11")
        assert ex.getCellRangeByName("A11").getString() == "Total", ex.getCellRangeByName("A11").getString()
        assert total.getError() == 0 and total.getValue() > 0, (total.getFormula(), total.getError())
    finally:
        doc.close(True)


def test_template_deck_actions(office):
    """The deck's actions on a document made from the template (demo_scenarios, the same
    checks as on the demo `make run` opens)."""
    found = find_templates(office)
    os.environ["PIPECALC_DEMO"] = uno.fileUrlToSystemPath(found[0])
    try:
        run(office, "demo_scenarios.deck_actions_on_the_demo")
    finally:
        del os.environ["PIPECALC_DEMO"]
