"""The demo workbook `make run` opens (demo.py): every deck action works on it as it is,
and every example formula computes."""
import os
import tempfile

from demo import build_demo
from test_sidebar import run


def test_demo_works_with_every_deck_action(office):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "demo.ods")
        build_demo(office, path)
        os.environ["PIPECALC_DEMO"] = path  # the scenario's process inherits it
        try:
            run(office, "demo_scenarios.deck_actions_on_the_demo")
        finally:
            del os.environ["PIPECALC_DEMO"]
