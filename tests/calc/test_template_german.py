"""A German office finds the German Pipeline template (templates/de) and not the English
one; a document made from it has German sheets, headers, stages and statuses, a de-DE
document locale, and its example formulas compute."""
from demo import DEALS, GERMAN
from templates import find_templates, new_from_template, template_path_has_ours

LOCALE = "de-DE"


def test_german_template(office):
    assert template_path_has_ours(office, "de"), "the template path lacks templates/de"
    assert not template_path_has_ours(office, "en-US")
    found = find_templates(office)
    assert len(found) == 1 and found[0].endswith("/templates/de/Pipecalc/Pipeline.ots"), found
    doc = new_from_template(office, found[0])
    try:
        assert doc.Sheets.ElementNames == ("Pipeline", "Verlauf", "Phasen", "Beispiele", "Pipeline-Verlauf",
                                          "Ziele"), doc.Sheets.ElementNames
        assert doc.CharLocale.Language == "de", doc.CharLocale.Language
        pipe = doc.Sheets.getByName("Pipeline")
        rows = pipe.getCellRangeByName("A1:K%d" % (DEALS + 1)).getDataArray()
        assert rows[0][:6] == ("Deal", "Phase", "Betrag", "Abschlussdatum", "Verantwortlich", "Status"), rows[0]
        assert set(r[5] for r in rows[1:]) == {"Offen", "Gewonnen", "Verloren"}, set(r[5] for r in rows[1:])
        assert set(r[1] for r in rows[1:]) <= {GERMAN.get(s, s) for s in
                                               ("Lead", "Qualified", "Proposal", "Negotiation", "Won")}
        assert "." in pipe.getCellRangeByName("C2").getString() or pipe.getCellRangeByName("C2").getValue() < 1000
        doc.calculateAll()
        ex = doc.Sheets.getByName("Beispiele")
        for cell in ("D5", "D11", "B14", "C14", "F21"):
            c = ex.getCellRangeByName(cell)
            assert c.getError() == 0 and c.getValue() > 0, (cell, c.getFormula(), c.getError())
        assert ex.getCellRangeByName("A5").getString() == "2027-01", ex.getCellRangeByName("A5").getString()
    finally:
        doc.close(True)
