"""The update feed: the installed extension names its feed (description.xml's
update-information, make UPDATE_URL=...) and its version, and LibreOffice's own update
reader (UpdateInformationProvider, what Tools > Extension Manager > Check for Updates uses)
reads the feed make writes (descriptions/update.xml) as an update of org.pipecalc."""
import os
import re
import tempfile

from office import file_url

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")


def make_var(name):
    """NAME's default in the Makefile: the one place the version and feed URL are set."""
    m = re.search(r"^%s\s*\??:?=\s*(\S+)" % name, open(os.path.join(ROOT, "Makefile")).read(), re.M)
    return m.group(1)


def installed_pipecalc(office):
    manager = office.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
    # the tests install it like an administrator does (unopkg add --shared, tests/calc/office.py)
    for ext in manager.getDeployedExtensions("shared", None, None):
        if ext is not None and ext.getIdentifier().Value == "org.pipecalc":
            return ext
    raise AssertionError("org.pipecalc is not installed")


def test_installed_extension_names_its_feed_and_version(office):
    ext = installed_pipecalc(office)
    assert ext.getVersion() == make_var("VERSION"), ext.getVersion()
    assert tuple(ext.getUpdateInformationURLs()) == (make_var("UPDATE_URL"),), ext.getUpdateInformationURLs()


def test_libreoffice_reads_our_feed_as_an_update(office):
    newer = "9.9.9"
    feed = open(os.path.join(ROOT, "descriptions", "update.xml"), encoding="utf-8").read()
    with tempfile.TemporaryDirectory() as d:
        base = file_url(d) + "/"
        path = os.path.join(d, "pipecalc.update.xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(feed.replace("@VERSION@", newer).replace("@BASE@", base))
        provider = office.create("com.sun.star.deployment.UpdateInformationProvider")
        found = provider.getUpdateInformation((file_url(path),), "org.pipecalc")
        assert len(found) == 1, "the feed held %d updates of org.pipecalc" % len(found)
        doc = found[0]
        ns = "http://openoffice.org/extensions/update/2006"
        version = doc.getElementsByTagNameNS(ns, "version").item(0).getAttribute("value")
        assert version == newer, version
        src = doc.getElementsByTagNameNS(ns, "update-download").item(0).getElementsByTagNameNS(ns, "src").item(0)
        href = src.getAttributeNS("http://www.w3.org/1999/xlink", "href")
        assert href == base + "pipecalc-%s.oxt" % newer, href
