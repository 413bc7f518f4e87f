#!/usr/bin/python3
"""run.py OXT - `make run`: install Pipecalc into a private profile (build/out/run), build the
demo workbook, and open it in Calc. Without a display (DISPLAY unset), recalculate it
headless and print its forecast sheet, computed by Calc through the add-in."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "calc"))
from demo import build_demo, print_forecast  # noqa: E402
from office import Office, OFFICE  # noqa: E402


def main():
    oxt = os.path.abspath(sys.argv[1])
    out = os.path.dirname(oxt)
    root = os.path.join(out, "run")
    demo = os.path.join(out, "demo.ods")
    office = Office(oxt, root=root, keep_profile=True)
    print("pipecalc: installing %s into the private profile %s" % (os.path.basename(oxt), root))
    office.start()
    try:
        build_demo(office, demo)
        if os.environ.get("DISPLAY"):
            office.stop()
            print("pipecalc: opening %s" % demo)
            return subprocess.call([os.path.join(OFFICE, "soffice")] + office.env_args() +
                                   ["--norestore", "--nologo", "--calc", demo])
        doc = office.load(demo)
        doc.calculateAll()
        print("pipecalc: no display; %s recalculated headless by Calc:\n" % demo)
        print_forecast(doc, sys.stdout)
        doc.close(True)
    finally:
        office.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
