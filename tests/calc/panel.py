"""panel.py - the Pipeline deck's panel in a real (headless) office, worked as a user would.

The panel is made by our UI element factory exactly as the sidebar makes it (ParentWindow
and Frame of a document's view), and driven through its accessibility tree - the tree a
screen reader sees: typing into an edit field is XAccessibleEditableText.setText, a click
is the button's accessible action (PushButton::Click, so our action listener runs the
same code a mouse click runs), a list entry is chosen through XAccessibleSelection. This
is how a test reaches what only the panel does: reading the texts typed into it (the
funnel's target, the custom period's dates) and working out this month's period."""
import contextlib
import time

import uno

from calc import Sheet
from office import prop

URL = "private:resource/toolpanel/PipecalcFactory/PipecalcActions"  # the Actions panel
ROLE_COMBO, ROLE_FIXED, ROLE_LIST, ROLE_BUTTON, ROLE_TEXT = 7, 30, 32, 44, 60  # AccessibleRole


class Panel:
    """The Actions panel on DOC's view. Edit fields are named after the label above or
    beside them ("From:", "Target:"), buttons after their label."""

    def __init__(self, office, doc):
        frame = doc.CurrentController.Frame
        factory = office.create("org.pipecalc.SidebarFactory")
        self.element = factory.createUIElement(URL, (prop("ParentWindow", frame.ContainerWindow),
                                                     prop("Frame", frame)))
        tool = self.element.queryInterface(uno.getTypeByName("com.sun.star.ui.XToolPanel"))
        self.window = tool.Window
        self.context = tool.Window.getAccessibleContext()

    def children(self):
        c = self.context
        return [c.getAccessibleChild(i).getAccessibleContext() for i in range(c.getAccessibleChildCount())]

    def _one(self, role, name):
        found = [k for k in self.children() if k.getAccessibleRole() == role and k.getAccessibleName() == name]
        assert len(found) == 1, "the panel has %d controls %r of role %d" % (len(found), name, role)
        return found[0]

    def type(self, label, text):
        self._one(ROLE_TEXT, label).setText(text)

    def click(self, label):
        """Click the button LABEL and wait until its action has reported. VCL runs a
        button's action listeners after the click returns (VCLXButton posts them), so the
        report area under the button is emptied first and its next text is the report."""
        windows = list(self.window.getWindows())
        at = [i for i, w in enumerate(windows) if hasattr(w, "setLabel") and
              w.getAccessibleContext().getAccessibleName() == label]
        assert len(at) == 1, label
        report = windows[at[0] + 1]  # made right after its button
        report.setText("")
        self._one(ROLE_BUTTON, label).doAccessibleAction(0)
        deadline = time.time() + 120
        while not report.getText() and time.time() < deadline:
            time.sleep(0.05)
        assert report.getText(), "%s: no report" % label
        self.clicked = label

    def choose_period(self, entry):
        """Choose ENTRY ("Custom period") in the period list."""
        for box in (k for k in self.children() if k.getAccessibleRole() == ROLE_COMBO):
            kids = [box.getAccessibleChild(i).getAccessibleContext() for i in range(box.getAccessibleChildCount())]
            for lst in (k for k in kids if k.getAccessibleRole() == ROLE_LIST):
                names = [lst.getAccessibleChild(i).getAccessibleContext().getAccessibleName()
                         for i in range(lst.getAccessibleChildCount())]
                if "Custom period" in names:
                    lst.selectAccessibleChild(names.index(entry))
                    return
        raise AssertionError("no period list in the panel")

    def result(self):
        """The last action's report: the fixed text right after (under) the button clicked."""
        kids = self.children()
        at = [i for i, k in enumerate(kids) if k.getAccessibleRole() == ROLE_BUTTON and
              k.getAccessibleName() == self.clicked][0]
        return [k for k in kids[at + 1:] if k.getAccessibleRole() == ROLE_FIXED][0].getText()

    def run(self, button, **fields):
        """Type FIELDS (label without its colon: From="2026-01-01"), click BUTTON, return
        the report."""
        for label, text in fields.items():
            self.type(label + ":", text)
        self.click(button)
        return self.result()

    def close(self):
        self.element.queryInterface(uno.getTypeByName("com.sun.star.lang.XComponent")).dispose()


@contextlib.contextmanager
def panel_on(office, rows, prepare=None):
    """A new document (PREPARE(doc) run first, e.g. to set its date system) holding ROWS from
    A1, the cursor in B3, and the panel on it: yields (Sheet, Panel), both closed after."""
    s = Sheet(office)
    try:
        if prepare:
            prepare(s.doc)
        s.fill(rows)
        s.doc.CurrentController.select(s.cell("B3"))
        p = Panel(office, s.doc)
        try:
            yield s, p
        finally:
            p.close()
    finally:
        s.close()
