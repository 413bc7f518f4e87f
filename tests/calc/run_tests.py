#!/usr/bin/python3
"""run_tests.py OXT - runs every test_* function of tests/calc/test_*.py in real, headless
Calc with OXT installed in a throw-away profile. A module whose LOCALE is "de-DE" runs in
a second office with a German user interface; one with SETUP_LOCALE (the Locale setting,
"" for the system's) or OFFICE_ENV (the office process's environment: {"LANG": ...}) in
an office of its own with those. Prints each result, then "calc: N passed, N failed",
and appends "calc N M" to build/out/results."""
import glob
import importlib
import os
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from office import Office  # noqa: E402


def main():
    oxt = sys.argv[1]
    only = sys.argv[2] if len(sys.argv) > 2 else None
    modules = [importlib.import_module(os.path.basename(p)[:-3])
               for p in sorted(glob.glob(os.path.join(HERE, "test_*.py")))]

    def wanted(module, test):
        """ONLY (a part of a test's or a module's name) names it, or no ONLY."""
        return not only or only in test or only in module.__name__

    by_office = {}
    for m in modules:
        locale = getattr(m, "LOCALE", "en-US")
        key = (locale, getattr(m, "SETUP_LOCALE", locale), tuple(sorted(getattr(m, "OFFICE_ENV", {}).items())))
        by_office.setdefault(key, []).append(m)
    passed = failed = 0
    started = time.time()
    for key, mods in sorted(by_office.items(), key=lambda kv: (kv[0] != ("en-US", "en-US", ()), str(kv[0]))):
        locale, setup_locale, env = key
        if only and not any(wanted(m, n) for m in mods for n in vars(m) if n.startswith("test_")):
            continue  # no office for modules none of whose tests run

        def new_office():
            return Office(oxt, locale=locale, setup_locale=setup_locale, env=dict(env))
        office = new_office()
        try:
            office.start()
        except Exception as e:
            print("FAIL office start (%s): %s" % (locale, e))
            failed += 1
            continue
        try:
            for m in mods:
                tests = [(n, f) for n, f in vars(m).items() if n.startswith("test_") and callable(f)]
                for name, fn in tests:
                    if not wanted(m, name):
                        continue
                    t0 = time.time()
                    try:
                        fn(office)
                        passed += 1
                        print("ok   %s.%s (%.1fs)" % (m.__name__, name, time.time() - t0), flush=True)
                    except Exception:
                        failed += 1
                        print("FAIL %s.%s" % (m.__name__, name), flush=True)
                        traceback.print_exc(limit=4)
                        if not office.alive():
                            print("     the office died; restarting it", flush=True)
                            office.stop()
                            office = new_office()
                            office.start()
        finally:
            alive = office.alive()
            office.stop()
        if not alive:
            print("FAIL office (%s) was not alive at the end of its tests" % locale)
            failed += 1
    print("calc: %d passed, %d failed (%.0fs)" % (passed, failed, time.time() - started))
    out = os.environ.get("RESULTS") or os.path.join(os.path.dirname(os.path.abspath(oxt)), "results")
    with open(out, "a") as f:
        f.write("calc %d %d\n" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
