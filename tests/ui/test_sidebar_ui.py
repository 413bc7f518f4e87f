#!/usr/bin/python3
"""test_sidebar_ui.py OXT [PNG] - the "Pipeline" deck in a real Calc window under Xvfb.

Opens a lead table, opens the deck, checks the panel's text and data checks, clicks "Score
leads" through the accessibility API (the same as a mouse click on the button), checks the
written Score column, that the explanation follows the selected cell and that the scored
lead's factors show, and saves a
screenshot (PNG, default docs/sidebar.png). Needs xvfb, imagemagick.
Exit status 0 when everything passed."""
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "calc"))
from office import Office, prop  # noqa: E402
from sidebar_scenarios import LEADS  # noqa: E402

DISPLAY = ":97"


def wait_for(cond, seconds=15):
    end = time.time() + seconds
    while time.time() < end:
        if cond():
            return True
        time.sleep(0.3)
    return False


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
        # creation order: info, data checks, explanation, report, "Target:", the target field
        info_text, checks_text, explain_text, result_text = texts[:4]
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
        assert wait_for(lambda: any(t.getText().startswith("Cyan: 88% win probability") for t in texts)), \
            [t.getText() for t in texts]
        # Save copy with values, clicked on a never-saved document: says to save it first
        share = [b for b in buttons if b.getAccessibleContext().getAccessibleName() == "Save copy with values"][0]
        share.getAccessibleContext().doAccessibleAction(0)
        assert wait_for(lambda: "Save the document first" in result_text.getText()), result_text.getText()
        print("share:", result_text.getText())
        print("factors:", [t.getText() for t in texts if t.getText().startswith("Cyan")][0].replace("\n", " | "))
        time.sleep(1.5)
        # small enough to commit: 75 %, 32 colours without dithering
        subprocess.run(["import", "-display", DISPLAY, "-window", "root", "-resize", "75%",
                        "+dither", "-colors", "32", "PNG8:" + png], check=True)
        print("screenshot", os.path.abspath(png))
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
