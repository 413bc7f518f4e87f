#!/usr/bin/python3
"""test_charts_ui.py OXT [DOCS] - the Forecast and Funnel sheets with their charts in a real
Calc window under Xvfb (1280 x 800): writes both from a table of 48 deals through the
actions service, reads the charts back and saves DOCS/forecast-chart.png and
DOCS/funnel-chart.png (default docs/). Needs xvfb, imagemagick. Exit status 0 when it
passed."""
import contextlib
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CALC = os.path.join(HERE, "..", "calc")
sys.path.insert(0, CALC)
from office import Office, OFFICE  # noqa: E402
from test_sidebar import types_rdb  # noqa: E402
from demo import build_demo  # noqa: E402

DISPLAY = ":96"  # not the deck's test's :97: both may run at once


@contextlib.contextmanager
def calc_window(oxt, locale="en-US"):
    """A visible office with OXT (user interface LOCALE) on a 1280 x 800 Xvfb screen of its
    own, stopped after."""
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.environ["DISPLAY"] = DISPLAY
    office = Office(oxt, locale=locale, headless=False)
    try:
        time.sleep(1)
        office.start()
        yield office
    finally:
        office.stop()
        xvfb.terminate()
        xvfb.wait()


def main():
    oxt = sys.argv[1]
    docs = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "docs"))
    with calc_window(oxt) as office:
        rdb = types_rdb(office.oxt)
        env = dict(os.environ, URE_MORE_TYPES="<file://%s/types>* file://%s" % (OFFICE, rdb),
                   PIPECALC_DOCS=docs)
        r = subprocess.run([sys.executable, os.path.join(CALC, "sidebar_driver.py"), rdb, office.pipe,
                            "chart_scenarios.forecast_and_funnel_shots"],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
        print(r.stdout, end="")
    ok = r.returncode == 0
    # the German demo's Products and Patterns sheets in a German office
    with calc_window(oxt, locale="de-DE") as office, tempfile.TemporaryDirectory() as tmp:
        demo = os.path.join(tmp, "demo-de.ods")
        build_demo(office, demo, lang="de")
        rdb = types_rdb(office.oxt)
        env = dict(os.environ, URE_MORE_TYPES="<file://%s/types>* file://%s" % (OFFICE, rdb),
                   PIPECALC_DOCS=docs, PIPECALC_DEMO=demo)
        r = subprocess.run([sys.executable, os.path.join(CALC, "sidebar_driver.py"), rdb, office.pipe,
                            "chart_scenarios.german_report_shots"],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
        print(r.stdout, end="")
        ok = ok and r.returncode == 0 and "scenario chart_scenarios.german_report_shots" in r.stdout
    print("ui charts: %d passed, %d failed" % (int(ok), int(not ok)))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
