#!/usr/bin/python3
"""test_sidebar_ui.py OXT [PNG] - the "Pipeline" deck in a real Calc window under Xvfb.

Opens a lead table, opens the deck, checks the panel's text and data checks, clicks "Score
leads" through the accessibility API (the same as a mouse click on the button), checks the
written Score column, that the explanation follows the selected cell and that the scored
lead's factors show, picks another column in the Owner role box (kept in PipecalcRoles,
described at once; moving to another table and back changes no role), goes back to the
recognised roles through the roles field, and saves a
screenshot (PNG, default docs/sidebar.png). Needs xvfb, imagemagick.
Exit status 0 when everything passed."""
import os
import subprocess
import sys
import time

import uno

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "calc"))
from office import Office, prop  # noqa: E402
from panel import ROLE_TEXT  # noqa: E402
from sidebar_scenarios import LEADS  # noqa: E402

DISPLAY = ":97"
ROLE_BOXES = ["Deal name:", "Stage:", "Amount:", "Probability:", "Close date:", "Owner:", "Outcome:",
              "Created:", "Currency:"]
ROLE_LIST, ROLE_COMBO, ROLE_TEXT = 32, 7, 60  # com.sun.star.accessibility.AccessibleRole


def wait_for(cond, seconds=15):
    end = time.time() + seconds
    while time.time() < end:
        if cond():
            return True
        time.sleep(0.3)
    return False


def role_boxes(kids):
    """The role boxes' accessible contexts (combo boxes) by their name, the role's label. A
    bordered AWT control is a frame window holding the control itself."""
    boxes = {}
    for k in kids:
        ac = k.getAccessibleContext()
        for i in range(ac.getAccessibleChildCount()):
            c = ac.getAccessibleChild(i).getAccessibleContext()
            if c.getAccessibleRole() == ROLE_COMBO and c.getAccessibleName() in ROLE_BOXES:
                boxes[c.getAccessibleName()] = c
    return boxes


def box_list(box):
    """The list (XAccessibleSelection) inside a drop-down role box."""
    kids = [box.getAccessibleChild(i).getAccessibleContext() for i in range(box.getAccessibleChildCount())]
    return [c for c in kids if c.getAccessibleRole() == ROLE_LIST][0]


def box_items(box):
    lst = box_list(box)
    return [lst.getAccessibleChild(i).getAccessibleContext().getAccessibleName()
            for i in range(lst.getAccessibleChildCount())]


def box_shows(box):
    lst = box_list(box)
    return lst.getSelectedAccessibleChild(0).getAccessibleContext().getAccessibleName() \
        if lst.getSelectedAccessibleChildCount() else None


def answer_question(office, button_name, seconds=20):
    """Wait for Pipecalc's question box and press BUTTON_NAME in it through accessibility;
    returns the question's text (None when no box came)."""
    tk = office.create("com.sun.star.awt.Toolkit")
    deadline = time.time() + seconds
    while time.time() < deadline:
        for i in range(tk.getTopWindowCount()):
            ctx = tk.getTopWindow(i).getAccessibleContext()
            if ctx is None or ctx.getAccessibleName() != "Pipecalc":
                continue
            text, button = [], None
            todo = [ctx]
            while todo:
                c = todo.pop()
                for k in range(c.getAccessibleChildCount()):
                    child = c.getAccessibleChild(k).getAccessibleContext()
                    todo.append(child)
                    if child.getAccessibleName() == button_name and hasattr(child, "doAccessibleAction"):
                        button = child
                    elif child.getAccessibleName():
                        text.append(child.getAccessibleName())
            if button is not None:
                button.doAccessibleAction(0)
                return "\n".join(text)
        time.sleep(0.2)
    return None


def roles_field(kids):
    """The editable text of the roles field (its text lists every column's role)."""
    for k in kids:
        ac = k.getAccessibleContext()
        for i in range(ac.getAccessibleChildCount()):
            c = ac.getAccessibleChild(i).getAccessibleContext()
            if c.getAccessibleRole() == ROLE_TEXT and c.getText().startswith("Deal="):
                return c
    return None


def screenshot(ctrl, sheet, png):
    """SHEET shown from A1, saved as PNG (small enough to commit, as the deck's)."""
    ctrl.setActiveSheet(sheet)
    ctrl.select(sheet.getCellRangeByName("A1"))
    time.sleep(1.5)
    grab(png)


def grab(png):
    """The screen as PNG, small enough to commit: 75 %, 32 colours without dithering."""
    subprocess.run(["import", "-display", DISPLAY, "-window", "root", "-resize", "75%",
                    "+dither", "-colors", "32", "PNG8:" + png], check=True)
    print("screenshot", os.path.abspath(png))


def main():
    oxt = sys.argv[1]
    png = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "docs", "sidebar.png")
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.environ["DISPLAY"] = DISPLAY
    office = Office(oxt, headless=False)
    ok = False
    try:
        time.sleep(1)
        office.start()
        doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, ())
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByPosition(0, 0, len(LEADS[0]) - 1, len(LEADS) - 1).setDataArray(
            tuple(tuple(r) for r in LEADS))
        ctrl = doc.CurrentController
        ctrl.Frame.ContainerWindow.setPosSize(0, 0, 1280, 800, 15)
        ctrl.select(sheet.getCellRangeByName("B3"))
        disp = office.create("com.sun.star.frame.DispatchHelper")
        disp.executeDispatch(ctrl.Frame, ".uno:SidebarDeck.PipecalcDeck", "", 0, ())
        deck = ctrl.getSidebar().getDecks().getByName("PipecalcDeck")
        assert wait_for(deck.isActive), "the deck did not open"
        panel = deck.getPanels().getByName("PipecalcPanel")
        win = panel.getDialog()
        kids = list(win.getWindows())
        texts = [k for k in kids if hasattr(k, "setText") and not hasattr(k, "setLabel")]
        buttons = [k for k in kids if hasattr(k, "setLabel")]
        assert len(buttons) == 6, "expected 6 buttons, found %d" % len(buttons)
        assert any(b.getAccessibleContext().getAccessibleName() == "Save copy with values" for b in buttons)
        boxes = role_boxes(kids)
        assert sorted(boxes) == sorted(ROLE_BOXES), sorted(boxes)
        assert box_items(boxes["Owner:"]) == ["\u2014"] + LEADS[0], box_items(boxes["Owner:"])
        shown = {name: box_shows(box) for name, box in boxes.items()}
        assert shown["Owner:"] == "Owner" and shown["Close date:"] == "Close date" and \
            shown["Probability:"] == "\u2014", shown
        # the Tab key walks the children in creation order: it must be the order on screen,
        # top to bottom (controls side by side share a row, a label sits a few pixels lower)
        tops = [k.getPosSize().Y for k in kids]
        assert all(b >= a - 8 for a, b in zip(tops, tops[1:])), tops
        # so: info and data checks first; the factors, explanation and report last
        info_text, checks_text = texts[:2]
        explain_text, result_text = texts[-2:]
        info = info_text.getText()
        print("panel says:", info.replace("\n", " | "))
        assert "3 open, 3 won, 2 lost" in info, info
        # moving the cursor off the table: the panel follows
        ctrl.select(sheet.getCellRangeByName("P30"))
        assert wait_for(lambda: "No lead table" in info_text.getText()), info_text.getText()
        ctrl.select(sheet.getCellRangeByName("C4"))
        assert wait_for(lambda: "3 open" in info_text.getText())
        score = [b for b in buttons if b.getAccessibleContext().getAccessibleName() == "Score leads"][0]
        score.getAccessibleContext().doAccessibleAction(0)
        assert wait_for(lambda: sheet.getCellRangeByName("I1").getString() == "Score"), "no Score column"
        assert sheet.getCellRangeByName("I4").getValue() > 0
        print("after click:", result_text.getText())
        print("data checks:", checks_text.getText().replace("\n", " | "))
        assert checks_text.getText().startswith("Data checks:"), checks_text.getText()
        # a cell calling our function with an error: the panel says why
        cell = sheet.getCellRangeByName("K12")
        cell.setFormula("=ORG.PIPECALC.PIPELINEFUNCTIONS.PIPELINEFORECAST(C2:C9;B2:B9;C2:C9)")
        ctrl.select(cell)
        assert wait_for(lambda: "answers #NUM!" in explain_text.getText()), explain_text.getText()
        print("explain:", explain_text.getText())
        ctrl.select(sheet.getCellRangeByName("C4"))
        assert wait_for(lambda: explain_text.getText() == ""), explain_text.getText()
        # the scored lead at the cursor: the factors of its score
        assert wait_for(lambda: any(t.getText().startswith("Cyan: 96% win probability") for t in texts)), \
            [t.getText() for t in texts]
        # Save copy with values, clicked on a never-saved document: says to save it first
        share = [b for b in buttons if b.getAccessibleContext().getAccessibleName() == "Save copy with values"][0]
        share.getAccessibleContext().doAccessibleAction(0)
        assert wait_for(lambda: "Save the document first" in result_text.getText()), result_text.getText()
        print("share:", result_text.getText())
        print("factors:", [t.getText() for t in texts if t.getText().startswith("Cyan")][0].replace("\n", " | "))
        # a note of the manager's where the Score column grows: the panel asks, Yes makes room
        import threading
        sheet.getCellRangeByName("A10:H10").setDataArray((("Iris", "Lead", 900, 46050, "Ann", "Web", "Retail", ""),))
        sheet.getCellRangeByName("I10").setString("call back!")
        ctrl.select(sheet.getCellRangeByName("C4"))
        clicker = threading.Thread(target=lambda: score.getAccessibleContext().doAccessibleAction(0))
        clicker.start()
        question = answer_question(office, "Yes")
        clicker.join(30)
        print("question:", (question or "").replace("\n", " | "))
        assert question and "Sheet1.I10" in question and "Make room" in question, question
        assert wait_for(lambda: sheet.getCellRangeByName("J10").getString() == "call back!"), "moved right"
        assert 0 < sheet.getCellRangeByName("I10").getValue() < 1, "Iris scored"
        doc.UndoManager.undo()
        assert wait_for(lambda: sheet.getCellRangeByName("I10").getString() == "call back!"), "undone"
        sheet.getCellRangeByName("A10:I10").clearContents(1 | 2 | 4 | 16)
        ctrl.select(sheet.getCellRangeByName("C4"))
        # the Owner box: choose "Source", as the manager would in the drop-down list
        user = doc.DocumentProperties.UserDefinedProperties
        stored = lambda: user.getPropertyValue("PipecalcRoles") if user.getPropertySetInfo().hasPropertyByName(
            "PipecalcRoles") else ""
        # passing "Deal" and "Stage" on the way, as the arrow keys in a closed drop-down do:
        # each is a choice, but the last one wins and the ones passed over leave no trace
        for passed in ("Deal", "Stage"):
            box_list(boxes["Owner:"]).selectAccessibleChild(box_items(boxes["Owner:"]).index(passed))
            assert wait_for(lambda: passed + "\towner" in stored()), stored()
        box_list(boxes["Owner:"]).selectAccessibleChild(box_items(boxes["Owner:"]).index("Source"))
        assert wait_for(lambda: "Source\towner" in stored()), stored()
        assert "Owner\tnone" in stored() and "Industry\tattribute" in stored(), stored()
        assert "Deal\tname" in stored() and "Stage\tstage" in stored(), stored()
        assert wait_for(lambda: "Source: owner" in info_text.getText()), info_text.getText()
        assert "Owner: not used" in info_text.getText(), info_text.getText()
        assert result_text.getText() == "Owner: Source (saved with the document).", result_text.getText()
        assert box_shows(boxes["Owner:"]) == "Source"
        print("owner box:", result_text.getText())
        # another table: the boxes list its headers and show its roles, and filling them in is
        # no choice of the manager's (no line for it in PipecalcRoles, no report)
        before, report = stored(), result_text.getText()
        sheet.getCellRangeByName("M20:O22").setDataArray((("Lead", "Phase", "Betrag"),
                                                          ("Kite", "Lead", 100), ("Lime", "Won", 200)))
        ctrl.select(sheet.getCellRangeByName("N21"))
        assert wait_for(lambda: "Sheet1.M20:O22" in info_text.getText()), info_text.getText()
        assert box_items(boxes["Owner:"]) == ["\u2014", "Lead", "Phase", "Betrag"], box_items(boxes["Owner:"])
        assert box_shows(boxes["Owner:"]) == "\u2014" and box_shows(boxes["Amount:"]) == "Betrag"
        ctrl.select(sheet.getCellRangeByName("C4"))
        assert wait_for(lambda: box_shows(boxes["Owner:"]) == "Source"), box_shows(boxes["Owner:"])
        assert stored() == before and result_text.getText() == report, (stored(), result_text.getText())
        # the roles field, emptied and applied: back to the recognised roles, the boxes follow
        field = roles_field(kids)
        assert field is not None and "Source=owner" in field.getText(), field and field.getText()
        field.setText("")
        apply = [b for b in buttons if b.getAccessibleContext().getAccessibleName() == "Apply roles"][0]
        apply.getAccessibleContext().doAccessibleAction(0)
        assert wait_for(lambda: box_shows(boxes["Owner:"]) == "Owner"), box_shows(boxes["Owner:"])
        assert stored() == "" and "Owner: owner" in info_text.getText(), (stored(), info_text.getText())
        print("roles field:", result_text.getText())
        time.sleep(1.5)
        grab(png)
        # the two report sheets as a sales manager sees them, beside the deck
        shots = os.path.dirname(png)
        by_name = {b.getAccessibleContext().getAccessibleName(): b for b in buttons}
        by_name["Write forecast"].getAccessibleContext().doAccessibleAction(0)
        assert wait_for(lambda: doc.Sheets.hasByName("Forecast")), result_text.getText()
        print("forecast:", result_text.getText())
        screenshot(ctrl, doc.Sheets.getByName("Forecast"), os.path.join(shots, "forecast.png"))
        ctrl.setActiveSheet(sheet)
        ctrl.select(sheet.getCellRangeByName("C4"))
        funnel = by_name["Write funnel"]
        # typed as a screen reader types: the field's accessible text, named after its label
        panel_a11y = win.getAccessibleContext()
        fields = [panel_a11y.getAccessibleChild(i).getAccessibleContext()
                  for i in range(panel_a11y.getAccessibleChildCount())]
        target = [f for f in fields if f.getAccessibleRole() == ROLE_TEXT and f.getAccessibleName() == "Target:"]
        assert len(target) == 1, [f.getAccessibleName() for f in fields]
        target[0].setText("10000")
        funnel.getAccessibleContext().doAccessibleAction(0)
        assert wait_for(lambda: doc.Sheets.hasByName("Funnel")), result_text.getText()
        print("funnel:", result_text.getText())
        screenshot(ctrl, doc.Sheets.getByName("Funnel"), os.path.join(shots, "funnel.png"))
        ok = True
        doc.setModified(False)
        doc.close(True)
    finally:
        office.stop()
        xvfb.terminate()
        xvfb.wait()
    print("ui: %d passed, %d failed" % (int(ok), int(not ok)))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
