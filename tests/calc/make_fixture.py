#!/usr/bin/python3
"""make_fixture.py OXT [OUT] - the workbook a release of Pipecalc saved, as a test fixture.

Installs OXT (the extension as a release built it: /work/wt/pipecalc-56bb5c2.oxt is
release 0.1.0) into a throw-away profile, builds a realistic lead table on sheet Deals
(open, won and lost deals, close dates, amounts, owners, regions, two attributes, notes),
makes the manager's role choices through the service's setRoles (so the document carries
PipecalcRoles), runs Score leads, Write forecast (its live month formulas
ORG.PIPECALC.PIPELINEFUNCTIONS.PIPELINEFORECAST(...)) and Write funnel through
org.pipecalc.PipelineActions, adds to the table's PipecalcRoles line a role id a later
release might write, and saves OUT (default tests/calc/fixtures/release-0.1.0.ods).
test_fixture.py opens it with the current build. Run with Debian's python3-uno:

    /usr/bin/python3 tests/calc/make_fixture.py /work/wt/pipecalc-56bb5c2.oxt
"""
import os
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures", "release-0.1.0.ods")

SHEET = "Deals"
# Close dates are serials: 46023 = 2026-01-01.
LEADS = [
    ["Deal", "Stage", "Amount", "Close date", "Owner", "Region", "Source", "Industry", "Outcome", "Notes"],
    ["Acme retail rollout", "Proposal", 12000, 46030, "Ann", "North", "Web", "Retail", "won", "signed in Jan"],
    ["Bolt clinics", "Lead", 4500, 46041, "Bob", "South", "Fair", "Health", "lost", "went with a rival"],
    ["Cyan stores", "Qualified", 8000, 46076, "Ann", "North", "Web", "Retail", "", "demo booked"],
    ["Dune hospital", "Proposal", 15000, 46049, "Cleo", "South", "Referral", "Health", "", ""],
    ["Echo outlet", "Lead", 2500, 46104, "Bob", "East", "Web", "Retail", "lost", "no budget"],
    ["Flux pharmacy", "Qualified", 6200, 46038, "Cleo", "East", "Referral", "Health", "won", ""],
    ["Gale market", "Lead", 3000, 46083, "Ann", "North", "Fair", "Retail", "", "call back in March"],
    ["Hive logistics", "Negotiation", 22000, 46045, "Bob", "South", "Web", "Logistics", "won", ""],
    ["Iris freight", "Proposal", 18000, 46111, "Cleo", "East", "Referral", "Logistics", "", "legal review"],
    ["Juno depots", "Negotiation", 27000, 46132, "Ann", "North", "Web", "Logistics", "", ""],
    ["Kite labs", "Lead", 1800, 46060, "Bob", "South", "Fair", "Health", "lost", ""],
    ["Lynx shops", "Qualified", 5400, 46097, "Cleo", "East", "Web", "Retail", "", ""],
    ["Moss care", "Proposal", 9100, 46055, "Ann", "North", "Referral", "Health", "won", "upsell later"],
    ["Nova transport", "Lead", 7300, 46139, "Bob", "South", "Web", "Logistics", "", ""],
    ["Opal boutique", "Qualified", 3900, 46066, "Cleo", "East", "Fair", "Retail", "lost", "too small"],
    ["Pike clinic", "Negotiation", 14500, 46090, "Ann", "North", "Referral", "Health", "", "pricing talk"],
    ["Quill cargo", "Proposal", 11200, 46118, "Bob", "South", "Web", "Logistics", "", ""],
    ["Rook grocers", "Lead", 2200, 46073, "Cleo", "East", "Web", "Retail", "won", ""],
]
# The manager's choices: the forecast by region; the owner and the notes not used.
ROLES = "Region=owner; Owner=none; Notes=none"
# What a later release might store for a column: a role this one does not know.
UNKNOWN_ROLE = ("Industry", "segment")
TARGET = 60000.0  # the funnel's won revenue


def build(ctx, out):
    """In a process that knows org.pipecalc.XPipelineActions (see sidebar_driver.py)."""
    import uno
    from com.sun.star.beans import PropertyValue

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    actions = smgr.createInstanceWithContext("org.pipecalc.PipelineActions", ctx)
    doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    try:
        sheet = doc.Sheets.getByIndex(0)
        sheet.Name = SHEET
        width = len(LEADS[0])
        sheet.getCellRangeByPosition(0, 0, width - 1, len(LEADS) - 1).setDataArray(
            tuple(tuple(r) for r in LEADS))
        from com.sun.star.lang import Locale
        formats = doc.NumberFormats
        n = len(LEADS) - 1
        sheet.getCellRangeByPosition(2, 1, 2, n).NumberFormat = formats.getStandardFormat(8, Locale())  # currency
        sheet.getCellRangeByPosition(3, 1, 3, n).NumberFormat = formats.getStandardFormat(2, Locale())  # date
        ctrl = doc.CurrentController
        ctrl.select(sheet.getCellRangeByName("B3"))
        print(actions.setRoles(ctrl, ROLES))
        print(actions.scoreLeads(ctrl))
        print(actions.writeForecast(ctrl))
        print(actions.writeFunnel(ctrl, TARGET))
        props = doc.DocumentProperties.UserDefinedProperties
        key = SHEET + ".A1\t"
        lines = props.getPropertyValue("PipecalcRoles").split("\n")
        assert any(line.startswith(key) for line in lines), lines
        lines = [line + "\t%s\t%s" % UNKNOWN_ROLE if line.startswith(key) else line for line in lines]
        props.setPropertyValue("PipecalcRoles", "\n".join(lines))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "calc8"),))
        print("wrote", out)
    finally:
        doc.setModified(False)
        doc.close(True)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--build":  # the child: PIPE OUT
        import uno
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        build(resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % sys.argv[2]), sys.argv[3])
        sys.stdout.flush()
        os._exit(0)  # as sidebar_driver.py: no bridge teardown
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    oxt, out = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else OUT
    sys.path.insert(0, HERE)
    from office import OFFICE, Office
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(oxt) as z:  # the release's own type library, for its service
            rdb = z.extract("pipecalc.rdb", tmp)
        office = Office(oxt, root=tmp)
        office.start()
        try:
            env = dict(os.environ, URE_MORE_TYPES="<file://%s/types>* file://%s" % (OFFICE, rdb))
            r = subprocess.run([sys.executable, os.path.abspath(__file__), "--build", office.pipe, out],
                               env=env, timeout=600)
        finally:
            office.stop()
    sys.exit(r.returncode)


if __name__ == "__main__":
    main()
