#!/usr/bin/python3
"""sidebar_driver.py RDB PIPE SCENARIO - runs one sidebar scenario against a running office:
a function of sidebar_scenarios.py, or MODULE.FUNCTION of another scenario module here.

The actions service (org.pipecalc.PipelineActions) speaks our own interface
org.pipecalc.XPipelineActions. A Python process can only talk to it when its own type
library knows that interface: otherwise the URP bridge cannot even receive the object's
types and disposes itself. The test runner's process has imported `uno` long before, so
each scenario runs here, in a fresh process started with URE_MORE_TYPES naming our .rdb
(test_sidebar.py does that), connected to the test office over its pipe."""
import importlib
import os
import sys
import time

import uno

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sidebar_scenarios  # noqa: E402


def main():
    pipe, scenario = sys.argv[2], sys.argv[3]
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
    t0 = time.time()
    module, _, name = scenario.rpartition(".")
    getattr(importlib.import_module(module) if module else sidebar_scenarios, name)(ctx)
    print("scenario %s: %.1fs" % (scenario, time.time() - t0), flush=True)


if __name__ == "__main__":
    try:
        main()
    except BaseException:
        import traceback
        traceback.print_exc()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(1)
    # not through the interpreter's exit: tearing down the URP bridge there can crash the
    # client now and then (a finished scenario reported as failed)
    sys.stdout.flush()
    os._exit(0)
