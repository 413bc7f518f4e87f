#!/usr/bin/python3
"""atomic_client.py PIPE SHEET ROWS OPEN STOPFILE - a second UNO client of the test office.

Connects over PIPE, finds the document with a sheet named SHEET, and until STOPFILE exists
loops: edit a cell away from the table (K1, a counter), then look at the Score column of the
ROWS-row table (column I) and the Score marker. Each look is one line on stdout:
"<time> <marker 0/1> <state>", the state "before" (no header, no score), "after" (the header
and all OPEN scores) or "inside: <what>" (anything else: a half-written column, a cleared one,
a header without scores). test_atomic.py judges the lines. Its calls are the same as any
other client's: each waits for the office's lock, which an atomic action holds from its
first write to its last."""
import os
import sys
import time

import uno


def state(col, open_rows):
    header = col[0][0]
    scores = sum(1 for r in col[1:] if isinstance(r[0], float))
    if header == "" and scores == 0:
        return "before"
    if header == "Score" and scores == open_rows:
        return "after"
    return "inside: header %r, %d of %d scores" % (header, scores, open_rows)


def main():
    pipe, name, rows, open_rows, stop = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = None
    components = desktop.getComponents().createEnumeration()
    while components.hasMoreElements():
        c = components.nextElement()
        if hasattr(c, "Sheets") and c.Sheets.hasByName(name):
            doc = c
    sheet = doc.Sheets.getByName(name)
    column = sheet.getCellRangeByPosition(8, 0, 8, rows)
    edit = sheet.getCellRangeByName("K1")
    print("ready", flush=True)
    n = 0
    while not os.path.exists(stop):
        n += 1
        edit.setValue(n)
        marker = doc.NamedRanges.hasByName("PIPECALC_SCORE")
        print("%.3f %d %s" % (time.time(), marker, state(column.getDataArray(), open_rows)), flush=True)
    print("edits %d" % n, flush=True)


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)  # not through the interpreter's exit (see sidebar_driver.py)
