"""An empty Locale setting means the system's locale: the office process's LC_ALL,
LC_CTYPE or LANG, as LibreOffice reads them. Here LANG=de_CH.UTF-8 (Swiss German: "'" groups
thousands, "." is the decimal point) under an English user interface."""
from panel import panel_on
from sidebar_scenarios import LEADS

LOCALE = "en-US"
SETUP_LOCALE = ""
OFFICE_ENV = {"LANG": "de_CH.UTF-8", "LC_ALL": None, "LC_CTYPE": None}


def calc_reads(office, doc, text):
    """What Calc makes of TEXT typed into a cell of DOC with the General format (key 0:
    the system's locale, as Calc resolves it), or None when it takes it for text."""
    formatter = office.create("com.sun.star.util.NumberFormatter")
    formatter.attachNumberFormatsSupplier(doc)
    try:
        return formatter.convertStringToNumber(0, text)
    except Exception:
        return None


def test_panel_reads_and_writes_numbers_as_the_system_locale(office):
    with panel_on(office, LEADS) as (s, p):
        # the oracle: Calc itself, in this office, reads these as Swiss German does
        assert calc_reads(office, s.doc, "10'000") == 10000 and calc_reads(office, s.doc, "1,5") is None
        want = "Funnel written to sheet Funnel: 12 deals needed at the first stage."
        said = p.run("Write funnel", Target="10'000")
        assert said.split("\n")[0] == want, said  # then: little history
        assert p.run("Write funnel", Target="1,5").startswith("Type a target above 0")
        report = p.run("Write forecast")
        assert "3 open deals, 7'900 expected" in report, report
