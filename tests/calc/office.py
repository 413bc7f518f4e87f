"""office.py - a real LibreOffice with Pipecalc installed in a throw-away profile.

Used by the integration tests, `make run` and the benchmarks. Every office started here
gets its own profile folder (never the user's): the extension is installed with
`unopkg add --shared` into that profile, as that also works as root (see
../shared/notes/binary-uno.md). Needs Debian's python3-uno (/usr/bin/python3).
"""
import os
import shutil
import subprocess
import tempfile
import threading
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue

OFFICE = os.environ.get("PIPECALC_OFFICE", "/usr/lib/libreoffice/program")

REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="ShowTipOfTheDay" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse"><value>{locale}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>{locale}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>{setup_locale}</value></prop></item>
{extra}</oor:items>
"""


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def file_url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


class Office:
    """Start with Office(oxt).start(); .desktop, .new_calc(), .load(path); .stop().

    LOCALE is the user interface language; SETUP_LOCALE the Locale setting (Tools >
    Options > Language Settings > Languages), by which Calc reads typed input: LOCALE when
    None, "" for the system's (then ENV, variables for the office process, None removing
    one, decides: LANG=de_CH.UTF-8). COMMAND replaces the soffice script (e.g. valgrind
    running soffice.bin); START_TIMEOUT and STOP_TIMEOUT (seconds) are for slow ones."""

    def __init__(self, oxt, locale="en-US", root=None, headless=True, keep_profile=False,
                 setup_locale=None, env=None, command=None, start_timeout=300, stop_timeout=30,
                 settings=()):
        self.oxt = os.path.abspath(oxt)
        self.locale = locale
        self.setup_locale = locale if setup_locale is None else setup_locale
        self.env = dict(env or {})
        self.headless = headless
        self.command = list(command) if command else [os.path.join(OFFICE, "soffice")]
        self.settings = list(settings)  # (path, name, value) more for the profile's registry
        self.start_timeout = start_timeout
        self.stop_timeout = stop_timeout
        self.keep_profile = keep_profile
        base = root or os.path.join(os.path.dirname(self.oxt), "tmp")
        os.makedirs(base, exist_ok=True)
        self.dir = root if keep_profile and root else tempfile.mkdtemp(prefix="office-", dir=base)
        self.pipe = "pipecalc-" + uuid.uuid4().hex[:12]
        self.proc = None
        self.ctx = None
        self.desktop = None
        self.log = os.path.join(self.dir, "soffice.log")

    def env_args(self):
        return ["-env:UserInstallation=" + file_url(os.path.join(self.dir, "profile")),
                "-env:UNO_SHARED_PACKAGES_CACHE=" + file_url(os.path.join(self.dir, "cache"))]

    def install(self):
        """Create the profile and install the extension into it."""
        user = os.path.join(self.dir, "profile", "user")
        os.makedirs(user, exist_ok=True)
        os.makedirs(os.path.join(self.dir, "cache"), exist_ok=True)
        with open(os.path.join(user, "registrymodifications.xcu"), "w") as f:
            extra = "".join('<item oor:path="%s"><prop oor:name="%s" oor:op="fuse"><value>%s</value></prop></item>\n'
                            % s for s in self.settings)
            f.write(REGISTRY.format(locale=self.locale, setup_locale=self.setup_locale, extra=extra))
        unopkg = [os.path.join(OFFICE, "unopkg"), "add", "--shared", "--force", "-s"] + self.env_args() + [self.oxt]
        r = subprocess.run(unopkg, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           stdin=subprocess.DEVNULL, timeout=300)
        if r.returncode != 0:
            raise RuntimeError("unopkg add failed:\n" + r.stdout)

    def start(self, install=True):
        if install:
            self.install()
        args = self.command + self.env_args() + [
            "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe]
        if self.headless:
            args[len(self.command):len(self.command)] = ["--headless", "--invisible"]
        env = dict(os.environ)
        env.setdefault("SAL_USE_VCLPLUGIN", "gen" if not self.headless else "svp")
        for name, value in self.env.items():
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value
        self.proc = subprocess.Popen(args, stdout=open(self.log, "w"), stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, env=env, start_new_session=True)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + self.start_timeout
        while True:
            try:
                self.ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
                break
            except Exception:
                if self.proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError("soffice did not start; log:\n" + open(self.log).read())
                time.sleep(0.3)
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        return self

    def create(self, service):
        return self.smgr.createInstanceWithContext(service, self.ctx)

    def new_calc(self, hidden=True):
        return self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", hidden),))

    def load(self, path, hidden=True):
        return self.desktop.loadComponentFromURL(file_url(path), "_blank", 0, (prop("Hidden", hidden),))

    def alive(self):
        try:
            return self.proc.poll() is None and self.desktop.getComponents() is not None
        except Exception:
            return False

    def stop(self):
        if self.desktop is not None:
            # terminate() can block (a modal dialog, a stuck office): give it 20 s, then kill
            def terminate():
                try:
                    self.desktop.terminate()
                except Exception:
                    pass
            t = threading.Thread(target=terminate, daemon=True)
            t.start()
            t.join(max(20, self.stop_timeout))
        if self.proc is not None:
            try:
                self.proc.wait(timeout=self.stop_timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, 9)
                self.proc.wait()
        if not self.keep_profile:
            shutil.rmtree(self.dir, ignore_errors=True)


def save_as(doc, path, filter_name="calc8"):
    doc.storeToURL(file_url(path), (prop("FilterName", filter_name),))
