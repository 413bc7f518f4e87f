#!/usr/bin/python3
"""make-templates.py OXT DIR - `make templates`: the demo workbook (tests/calc/demo.py) as
Calc templates DIR/en-US/Pipecalc/Pipeline.ots and DIR/de/Pipecalc/Pipeline.ots, built by a
headless office with OXT in a throw-away profile (the example formulas need the add-in).

The folders are $(vlang), the UI language as LibreOffice names its own template folders
(share/template/en-US, share/template/de): Paths.xcu adds %origin%/templates/$(vlang) to
the template path, so File > New > Templates shows the template of the office's language,
in the category "Pipecalc". The files are committed: `make` itself starts no office."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "calc"))
from demo import build_demo  # noqa: E402
from office import Office  # noqa: E402

LANGUAGES = (("en", "en-US"), ("de", "de"))  # demo language, template folder ($(vlang))


def main():
    oxt, out = sys.argv[1], sys.argv[2]
    office = Office(oxt).start()
    try:
        for lang, folder in LANGUAGES:
            path = os.path.join(out, folder, "Pipecalc", "Pipeline.ots")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            build_demo(office, path, lang=lang, template=True)
            print("pipecalc: wrote %s" % path)
    finally:
        office.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
