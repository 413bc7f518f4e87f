"""With a German user interface: German function names, help, and German formulas compute."""
from calc import Sheet

LOCALE = "de-DE"

GERMAN = {
    "PIPELINE_PROGNOSE": ["Beträge", "Phasen", "Wahrscheinlichkeiten", "Abschlussdaten",
                          "Periodenbeginn", "Periodenende", "Perzentil", "Ergebnisse"],
    "PHASEN_KONVERSION": ["Phasendaten", "VonPhase", "BisPhase", "Phasenfolge", "IgnorierePhasen"],
    "LEAD_BEWERTUNG": ["Leads", "Verlauf", "Ergebnisse", "Glättung"],
    "BENÖTIGTE_LEADS": ["Ziel", "Phasendaten", "VonPhase", "Phasenfolge", "IgnorierePhasen",
                        "Durchschnittsgröße"],
}


def native_formula(office, sheet, cell, text):
    """Enter TEXT as a user of the German UI types it (localized function names)."""
    from com.sun.star.table import CellAddress
    parser = sheet.doc.createInstance("com.sun.star.sheet.FormulaParser")
    parser.setPropertyValue("CompileEnglish", False)  # the UI language's function names
    c = sheet.cell(cell)
    tokens = parser.parseFormula(text, CellAddress(0, c.CellAddress.Column, c.CellAddress.Row))
    c.setTokens(tokens)
    sheet.doc.calculateAll()
    return c


def test_german_names_and_help_in_the_wizard(office):
    s = Sheet(office)
    try:
        s.formula("=LEADS_NEEDED(1;{\"Lead\";\"Won\"};\"Lead\";{\"Lead\";\"Won\"})")
    finally:
        s.close()
    fd = office.create("com.sun.star.sheet.FunctionDescriptions")
    found = {}
    for i in range(fd.getCount()):
        d = {p.Name: p.Value for p in fd.getByIndex(i)}
        found[d["Name"]] = d
    for name, params in GERMAN.items():
        assert name in found, "missing %s in %s" % (name, sorted(k for k in found if "_" in k)[:20])
        assert [a.Name for a in found[name]["Arguments"]] == params
        assert "Deal" in found[name]["Description"] or "Lead" in found[name]["Description"]
        for a in found[name]["Arguments"]:
            assert a.IsOptional == a.Description.startswith("Optional."), (name, a.Name)


def test_german_formula_computes(office):
    s = Sheet(office, [["Betrag", "Phase", None, "Phase", "Wahrscheinlichkeit", "Status"],
                       [1000, "Lead", None, "Lead", 0.1, "offen"],
                       [2000, "Qualifiziert", None, "Qualifiziert", 0.5, "Gewonnen"]])
    try:
        c = native_formula(office, s, "H1", "=PIPELINE_PROGNOSE(A1:A3;B1:B3;D1:E3)")
        assert c.getError() == 0 and abs(c.getValue() - 1100) < 1e-9, c.getString()
        # Ergebnisse: the won deal is closed and left out (header "Status" skipped)
        c = native_formula(office, s, "H5", "=PIPELINE_PROGNOSE(A1:A3;B1:B3;D1:E3;;;;;F1:F3)")
        assert c.getError() == 0 and abs(c.getValue() - 100) < 1e-9, c.getString()
        c = native_formula(office, s, "H2", "=BENÖTIGTE_LEADS(2;B2:B3;\"Lead\";D2:D3)")
        assert c.getError() == 0 and c.getValue() == 4, c.getString()
        c = native_formula(office, s, "H3", "=PHASEN_KONVERSION(B2:B3;\"lead\";\"QUALIFIZIERT\";D2:D3)")
        assert c.getError() == 0 and c.getValue() == 0.5, c.getString()
        c = native_formula(office, s, "H4", "=LEAD_BEWERTUNG(B2;B2:B3;{\"gewonnen\";\"verloren\"})")
        # K = 2 values: P(Lead|won) = (1+1)/(1+2), P(Lead|lost) = (0+1)/(1+2) -> 2/3
        assert c.getError() == 0 and abs(c.getValue() - 2 / 3) < 1e-12, c.getString()
        # the file format keeps the programmatic name whatever the UI language
        assert "ORG.PIPECALC.PIPELINEFUNCTIONS.PIPELINEFORECAST" in c.Spreadsheet.getCellRangeByName("H1").getFormula().upper()
    finally:
        s.close()


def test_english_document_in_a_german_office(office):
    """Cells in the document's formats, panel texts German, the roles text German."""
    from test_sidebar import run
    run(office, "convention_scenarios.english_document_in_a_german_office")
