"""An action is atomic for the user: another client's edits and looks during an action land
before it or after it, never between two of its writes (issue 12).

The action runs as a click on the panel's button runs it: on the office's main thread (the
panel is made by our factory and clicked through its accessibility tree, see panel.py).
Meanwhile a second UNO client (atomic_client.py, its own process on the same pipe) edits a
cell and reads the Score column in a loop. Every look must find the column absent or
complete - never half-written, cleared for a rewrite, or a header without its scores - and
its edits must all arrive. The frame's window takes input again after each action."""
import os
import subprocess
import sys
import tempfile
import time
import uuid

from panel import Panel

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = 100000


def leads(n):
    head = ("Lead", "Stage", "Amount", "Close date", "Owner", "Source", "Industry", "Outcome")
    outcomes = ("won", "lost", "", "")
    return (head,) + tuple(("L%d" % i, ("Lead", "Qualified", "Proposal")[i % 3], float(1000 + i % 5000),
                            float(46023 + i % 365), ("Ann", "Bob")[i % 2],
                            ("Web", "Fair", "Referral", "Cold")[(i * 7) % 4],
                            ("Retail", "Health", "IT", "Bank")[(i * 11) % 4], outcomes[(i * 13) % 4])
                           for i in range(n))


def test_atomic_score_against_a_second_client(office):
    rows = leads(ROWS)
    open_rows = sum(1 for r in rows[1:] if r[7] == "")
    name = "Leads" + uuid.uuid4().hex[:8]
    doc = office.new_calc()
    stop = os.path.join(tempfile.mkdtemp(prefix="atomic-"), "stop")
    client = None
    panel = None
    try:
        sheet = doc.Sheets.getByIndex(0)
        sheet.Name = name
        sheet.getCellRangeByPosition(0, 0, 7, ROWS).setDataArray(rows)
        doc.CurrentController.select(sheet.getCellRangeByName("B3"))
        window = doc.CurrentController.Frame.ContainerWindow
        panel = Panel(office, doc)
        client = subprocess.Popen([sys.executable, os.path.join(HERE, "atomic_client.py"), office.pipe, name,
                                   str(ROWS), str(open_rows), stop],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        assert client.stdout.readline().strip() == "ready"
        time.sleep(0.5)  # looks before the action
        clicks = []
        for _ in range(2):  # a first Score, then a rewrite of the marked column in place
            t0 = time.time()
            panel.click("Score leads")
            clicks.append((t0, time.time()))
            assert "Scored %d open leads" % open_rows in panel.result(), panel.result()
            assert window.isEnabled(), "the window takes input again after the action"
            time.sleep(0.5)
        open(stop, "w").close()
        out, _ = client.communicate(timeout=120)
        looks = [line.split(" ", 2) for line in out.splitlines() if not line.startswith("edits")]
        edits = int(out.splitlines()[-1].split()[1])
        states = [s for _, _, s in looks]
        inside = [s for s in states if s.startswith("inside")]
        assert not inside, "a look landed inside an action: %s" % inside[:5]
        first_after = states.index("after")
        assert all(s == "before" for s in states[:first_after]), "absent again after the first Score"
        assert all(s == "after" for s in states[first_after:]), \
            "the column was absent during its rewrite: %s" % states[first_after:][:5]
        markers = [m for _, m, _ in looks]
        assert all(m == "0" for m in markers[:first_after - 1]) and all(m == "1" for m in markers[first_after:]), \
            "the marker is set with the column"
        assert first_after > 0 and len(states) - first_after > 0, "looks before and after"
        during = [t for t, _, _ in looks if any(a <= float(t) <= b for a, b in clicks)]
        assert sheet.getCellRangeByName("K1").getValue() == edits, "every edit of the second client arrived"
        print("     %d looks (%d while a click was running), %d edits, all before or after; clicks %s" % (
            len(looks), len(during), edits, ", ".join("%.2fs" % (b - a) for a, b in clicks)))
    finally:
        if client and client.poll() is None:
            open(stop, "w").close()
            try:
                client.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                client.kill()
        if panel:
            panel.close()
        doc.setModified(False)
        doc.close(True)
