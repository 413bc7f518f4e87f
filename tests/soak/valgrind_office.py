#!/usr/bin/python3
"""valgrind_office.py OXT [ACTIONS] - the deck's actions under valgrind memcheck, in the
office process (README: Reliability).

soffice.bin itself (not the soffice script, not oosplash) runs under valgrind, headless,
with OXT installed in a throw-away profile (installed before, without valgrind), and
tests/soak/day.py runs ACTIONS actions (default 50), each followed by its undo, on
documents with a view. The office is then terminated normally, so that memcheck's leak
search runs at its exit. Its XML report is read here: an error or a definite leak counts
as ours when a frame of its stack is in libpipecalc.so; the others are LibreOffice's own
(counted, not shown: 7.4 has its share of them, and its frames are not ours to fix).
Each of ours is printed with its stack. Slow: the office takes minutes to start under
valgrind, the whole run 10-30 minutes.

Checks (suite "valgrind-office" in $RESULTS, "valgrind-office-MODE" for another
VALGRIND_DAY): every action ran and the office exited, 0 errors in our frames, 0 definite
leaks of ours. VALGRIND_DAY=decks (windows under Xvfb): ACTIONS documents each scored on
the deck's panel and closed with the deck open; keep and control: see day.py."""
import os
import re
import shutil
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "calc"))
from office import OFFICE, Office  # noqa: E402
from soak import run_day  # noqa: E402

OURS = "libpipecalc.so"
# VALGRIND_DAY=control: day.py's control instead, the same chart work done by pyuno alone
MODE = os.environ.get("VALGRIND_DAY", "valgrind")


def frames(stack):
    out = []
    for f in stack.findall("frame") if stack is not None else []:
        out.append({k: (f.findtext(k) or "") for k in ("obj", "fn", "dir", "file", "line")})
    return out


def read_report(path):
    """Errors of memcheck's XML report: [(kind, what, frames)]; a leak's what is its
    xwhat text (bytes and blocks)."""
    errors = []
    root = ET.parse(path).getroot()
    for e in root.findall("error"):
        kind = e.findtext("kind")
        what = e.findtext("what") or e.findtext("xwhat/text") or ""
        errors.append((kind, what, frames(e.find("stack")), [frames(s) for s in e.findall("stack")[1:]]))
    return errors


def is_ours(fr):
    return any(f["obj"].endswith(OURS) for f in fr)


# allocators and the runtime's own helpers an allocation of ours goes through (strings,
# sequences, anys, GLib): skipped to find the code that asked for the block
RUNTIME = re.compile(r"(vgpreload_|libglib-2\.0|libuno_sal|libuno_cppu|libc\.so|libstdc\+\+)")

# LibreOffice 7.4's own leak of an embedded chart that was shown and then undone: its
# embedded object, SdrOle2Obj and their graphic stay behind (~270 KB each) whoever made the
# chart. VALGRIND_DAY=control reproduces it with pyuno alone, no code of ours in the office;
# VALGRIND_DAY=keep (our charts, kept, documents closed) leaks none.
LO_CHART_UNDO = re.compile(r"EmbeddedObjectContainer::CreateEmbeddedObject|EmbeddedObjectRef::EmbeddedObjectRef|"
                           r"SdrOle2Obj::|SdrTextObj::")


def allocated_by_us(fr):
    """The first frame past the allocator and runtime helpers is ours: our code asked for
    the block itself (a string, a GLib table, an any of ours that nobody freed)."""
    for f in fr:
        if RUNTIME.search(os.path.basename(f["obj"])):
            continue
        return f["obj"].endswith(OURS)
    return False


def lo_chart_undo(fr):
    """A block of that leak: allocated in LibreOffice's chart and drawing code (or by Calc's
    XTableCharts.addNewByName itself, libsclo's 472-byte block the control loses too) in a
    call of our chart writer (cc_chart.c)."""
    first = next((f for f in fr if not RUNTIME.search(os.path.basename(f["obj"]))), None)
    return (any(LO_CHART_UNDO.search(f["fn"]) for f in fr) or
            (first is not None and os.path.basename(first["obj"]) == "libsclo.so")) and \
        any(f["obj"].endswith(OURS) and f["file"] == "cc_chart.c" for f in fr)


def show(kind, what, fr, more):
    lines = ["%s: %s" % (kind, what)]
    for stack in [fr] + more:
        for f in stack[:25]:
            where = "%s:%s" % (f["file"], f["line"]) if f["file"] else os.path.basename(f["obj"])
            lines.append("    %s %s%s" % (f["fn"] or "???", where, "   <== ours" if f["obj"].endswith(OURS) else ""))
        lines.append("  --")
    return "\n".join(lines)


def main():
    oxt = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    out_dir = os.path.join(os.path.dirname(os.path.abspath(oxt)), "valgrind-office")
    os.makedirs(out_dir, exist_ok=True)
    xml = os.path.join(out_dir, "memcheck.xml" if MODE == "valgrind" else "memcheck-%s.xml" % MODE)
    valgrind = ["valgrind", "--tool=memcheck", "--leak-check=full", "--show-leak-kinds=" + os.environ.get("VALGRIND_KINDS", "definite"),
                "--errors-for-leak-kinds=definite", "--num-callers=40", "--error-limit=no",
                "--trace-children=no", "--child-silent-after-fork=yes",
                "--xml=yes", "--xml-file=" + xml, os.path.join(OFFICE, "soffice.bin")]
    # what the soffice script and valgrind's advice for LibreOffice set: plain malloc for
    # GLib and libstdc++ (no pools that hide leaks), file locking as soffice sets it
    env = {"SAL_ENABLE_FILE_LOCKING": "1", "G_SLICE": "always-malloc", "GLIBCXX_FORCE_NEW": "1",
           "SAL_DISABLE_WATCHDOG": "1", "OOO_DISABLE_RECOVERY": "1"}
    # a first start with the soffice script (its oosplash restarts the office when the new
    # profile asks for it, exit 81, which soffice.bin alone would just do), then the profile
    # is kept for soffice.bin under valgrind
    root = tempfile.mkdtemp(prefix="office-valgrind-", dir=os.path.join(os.path.dirname(os.path.abspath(oxt))))
    warm = Office(oxt, headless=True, root=root, keep_profile=True)
    warm.start()
    warm.stop()
    xvfb = None
    if MODE == "decks":  # the deck needs a window
        from soak import start_xvfb
        xvfb, display = start_xvfb()
        os.environ["DISPLAY"] = display
    office = Office(oxt, headless=MODE != "decks", root=root, keep_profile=True, command=valgrind, env=env,
                    start_timeout=1800, stop_timeout=1800)
    passed = failed = 0
    t0 = time.time()
    ran = False
    try:
        office.start(install=False)
        t_start = time.time() - t0
        print("valgrind-office: office up under valgrind after %.0fs" % t_start, flush=True)
        rc, out = run_day(office, MODE, n, 0, timeout=3600)
        done = re.search(r"^day: (\d+) actions, (\d+) refused, (\d+) errors", out, re.M)
        ran = rc == 0 and done is not None and int(done.group(1)) == (n if MODE == "keep" else 2 * n)
        t_day = time.time() - t0 - t_start
    finally:
        t1 = time.time()
        office.stop()
        t_stop = time.time() - t1
        shutil.rmtree(root, ignore_errors=True)
        if xvfb:
            xvfb.terminate()
            xvfb.wait()
    code = office.proc.returncode
    print("valgrind-office: day %s in %.0fs, office exit %s after %.0fs (%.0fs in all)" % (
        "done" if ran else "FAILED", t_day if ran else -1, code, t_stop, time.time() - t0), flush=True)
    if ran and code == 0:
        passed += 1
        print("ok   the day's actions (%s, %d) ran under valgrind, the office exited" % (MODE, n))
    else:
        failed += 1
        print("FAIL the actions did not all run or the office did not exit cleanly (exit %s)" % code)
    try:
        errors = read_report(xml)
    except (ET.ParseError, OSError) as e:
        errors = None
        failed += 2
        print("FAIL memcheck's report %s: %s" % (xml, e))
    if errors is not None:
        leaks = [e for e in errors if e[0].startswith("Leak_")]
        others = [e for e in errors if not e[0].startswith("Leak_")]
        our_err = [e for e in others if is_ours(e[2]) or any(is_ours(s) for s in e[3])]
        definite = [e for e in leaks if e[0] == "Leak_DefinitelyLost"]
        through = [e for e in definite if is_ours(e[2])]
        chart = [e for e in through if not allocated_by_us(e[2]) and lo_chart_undo(e[2])]
        our_leaks = [e for e in through if e not in chart]

        def size(es):
            return sum(int((re.match(r"([\d,]+)", e[1]) or re.match("(0)", "0")).group(1).replace(",", ""))
                       for e in es)
        print("memcheck: %d errors (%d in our frames), %d definite leak records (%d bytes); %d with a frame "
              "of ours: %d LibreOffice's chart-undo leak (%d bytes), %d of ours (%d bytes)"
              % (len(others), len(our_err), len(definite), size(definite), len(through), len(chart), size(chart),
                 len(our_leaks), size(our_leaks)))
        for e in our_err + our_leaks:
            print(show(*e))
        for e, name in ((our_err, "errors in our frames"), (our_leaks, "definite leaks of ours")):
            if e:
                failed += 1
                print("FAIL %d %s" % (len(e), name))
            else:
                passed += 1
                print("ok   0 %s" % name)
    print("valgrind-office%s: %d passed, %d failed (%.0fs); report %s" % (
        "" if MODE == "valgrind" else "-" + MODE, passed, failed, time.time() - t0, xml))
    res = os.environ.get("RESULTS") or os.path.join(os.path.dirname(os.path.abspath(oxt)), "results")
    with open(res, "a") as f:
        f.write("valgrind-office%s %d %d\n" % ("" if MODE == "valgrind" else "-" + MODE, passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
