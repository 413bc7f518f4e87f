#!/usr/bin/python3
"""soak.py OXT [ACTIONS] - a long day of use in one office (README: Reliability).

One office with OXT in a throw-away profile, in real windows under Xvfb (a free display
of its own), runs ACTIONS actions of tests/soak/day.py (default 2,000: `make soak-long`;
`make soak` runs SOAK_ACTIONS, 300): two documents in two windows with the deck open, score, forecasts,
funnel, undo, redo, switching sheets and documents, a document closed with its deck open
every 40 actions. Checks (each one test of the suite "soak"):
- no crash: every action ran (refusals of the deck's are no failures), the same
  soffice.bin lives at the end and answers;
- memory: the resident memory of soffice.bin (VmRSS) after the last action is less than
  BOUND above that after action 100, BOUND = 50 MB x (ACTIONS - 100) / 1,900 (50 MB for
  2,000 actions) but at least 10 MB (the allocator's noise); SOAK_MB_PER_ACTION sets
  BOUND to that many MB per action after the 100th (`make soak`'s guard against a leak of
  ours, above what LibreOffice grows by itself today), SOAK_BOUND_MB to a number.
Left out for a diagnosis: SOAK_SKIP=forecast,funnel (steps of the day), SOAK_NO_DECK=1 (no
deck), SOAK_DAY=control_soak (the charts made by pyuno alone, no code of ours running).
Prints the RSS curve and appends "soak passed failed" (SUITE) to $RESULTS."""
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "calc"))
from office import Office  # noqa: E402
from test_sidebar import types_rdb  # noqa: E402

SUITE = os.environ.get("SOAK_SUITE", "soak")


def office_bin_pid(office):
    """The soffice.bin of OFFICE: the process named so in the session the office script
    started (Office starts it in a new session)."""
    for _ in range(100):
        for p in os.listdir("/proc"):
            if not p.isdigit():
                continue
            try:
                with open("/proc/%s/stat" % p) as f:
                    stat = f.read()
            except OSError:
                continue
            comm = stat[stat.index("(") + 1:stat.rindex(")")]
            sid = int(stat[stat.rindex(")") + 2:].split()[3])
            if comm == "soffice.bin" and sid == office.proc.pid:
                return int(p)
        time.sleep(0.1)
    raise RuntimeError("no soffice.bin in the office's session")


def run_day(office, mode, n, pid, timeout):
    """tests/soak/day.py MODE N in a process that knows our types; returns (rc, output)."""
    rdb = types_rdb(office.oxt)
    program = os.environ.get("PIPECALC_OFFICE", "/usr/lib/libreoffice/program")
    env = dict(os.environ, URE_MORE_TYPES="<file://%s/types>* file://%s" % (program, rdb))
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, "day.py"), office.pipe, mode, str(n), str(pid)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = []
    try:
        for line in proc.stdout:
            print(line, end="", flush=True)
            out.append(line)
        rc = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = -9
    return rc, "".join(out)


def start_xvfb():
    """Xvfb on a free display (-displayfd): returns (process, ":N")."""
    r, w = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(w)
    with os.fdopen(r) as f:
        display = f.readline().strip()
    if not display:
        raise RuntimeError("Xvfb did not start")
    return xvfb, ":" + display


def main():
    oxt = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    per_action = os.environ.get("SOAK_MB_PER_ACTION")  # make soak's guard (Makefile)
    bound_mb = float(os.environ.get("SOAK_BOUND_MB") or
                     (float(per_action) * (n - 100) if per_action else max(10.0, 50.0 * (n - 100) / 1900)))
    xvfb, display = start_xvfb()
    os.environ["DISPLAY"] = display
    settings = []
    if os.environ.get("SOAK_OLE_CACHE"):  # LibreOffice's cache of loaded embedded objects (200)
        settings.append(("/org.openoffice.Office.Common/Cache/DrawingEngine", "OLE_Objects",
                         os.environ["SOAK_OLE_CACHE"]))
    office = Office(oxt, headless=False, settings=settings)
    passed = failed = 0
    t0 = time.time()
    try:
        office.start()
        pid = office_bin_pid(office)
        print("soak: %d actions, soffice.bin %d on display %s" % (n, pid, display), flush=True)
        # SOAK_DAY=control_soak: day.py's control (the charts made by pyuno, none of our code)
        rc, out = run_day(office, os.environ.get("SOAK_DAY", "soak"), n, pid, timeout=60 + 3 * n)
        done = re.search(r"^day: (\d+) actions, (\d+) refused, (\d+) errors", out, re.M)
        alive = office.alive() and os.path.exists("/proc/%d" % pid) and office_bin_pid(office) == pid
        if rc == 0 and done and int(done.group(1)) == n and alive:
            passed += 1
            print("ok   no crash: %d actions (%s refused), soffice.bin alive" % (n, done.group(2)))
        else:
            failed += 1
            print("FAIL no crash: day exit %d, %s, office %s" % (rc, done.group(0) if done else "did not finish",
                                                                "alive" if alive else "DEAD"))
        rss = {int(a): int(b) for a, b in re.findall(r"^rss (\d+) (\d+) KB", out, re.M)}
        if 100 in rss and n in rss:
            growth = (rss[n] - rss[100]) / 1024.0
            print("rss after action 100: %.1f MB, after action %d: %.1f MB, growth %.1f MB (bound %.1f MB)"
                  % (rss[100] / 1024.0, n, rss[n] / 1024.0, growth, bound_mb))
            if growth < bound_mb:
                passed += 1
                print("ok   memory")
            else:
                failed += 1
                print("FAIL memory: %.1f MB more after action %d than after action 100" % (growth, n))
        else:
            failed += 1
            print("FAIL memory: no RSS after action 100 and %d" % n)
    except Exception as e:  # noqa: BLE001
        failed += 1
        print("FAIL soak: %s" % e)
    finally:
        office.stop()
        xvfb.terminate()
        xvfb.wait()
    print("%s: %d passed, %d failed (%.0fs)" % (SUITE, passed, failed, time.time() - t0))
    out = os.environ.get("RESULTS") or os.path.join(os.path.dirname(os.path.abspath(oxt)), "results")
    with open(out, "a") as f:
        f.write("%s %d %d\n" % (SUITE, passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
