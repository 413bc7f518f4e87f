"""F1 help: the installed extension's help pages (help/<lang>/org.pipecalc/*.xhp in the .oxt,
written by build/gen-help.c from the function table) are compiled and indexed by LibreOffice
when it installs the extension. Each page is read back through LibreOffice's help content
provider (vnd.sun.star.help://, what the Help window shows), in English and German, and must
name its function and every parameter as the function wizard does (the names of the .oxt's
CalcAddIns.xcu); the Help window's keyword index must list every function, and the deck's
help id (hid/SIDEBAR_PIPECALCDECK, asked for by the deck's help button) must lead to the
deck page. Needs libreoffice-help-common (its XSL renders and indexes the pages)."""
import html
import re
import xml.etree.ElementTree as ET
import zipfile

import uno
from com.sun.star.beans import Property
from com.sun.star.ucb import Command
from test_excel import office_major  # noqa: E402

OOR = "{http://openoffice.org/2001/registry}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGES = ("en-US", "de")
DECK_PAGE = "pipelineDeck"


def functions(oxt):
    """{method: {"name": {lang: name}, "params": [{lang: name}]}} from the .oxt's CalcAddIns.xcu"""
    with zipfile.ZipFile(oxt) as z:
        root = ET.fromstring(z.read("CalcAddIns.xcu"))

    def names(node):
        for prop in node.findall("prop"):
            if prop.get(OOR + "name") == "DisplayName":
                return {v.get(XML_LANG): v.text for v in prop.findall("value")}
        raise AssertionError("no DisplayName")
    found = {}
    for fn in root.iter("node"):
        params = [n for n in fn.findall("node") if n.get(OOR + "name") == "Parameters"]
        if params:
            found[fn.get(OOR + "name")] = {
                "name": names(fn), "params": [names(p) for p in params[0].findall("node")]}
    assert len(found) >= 4, found.keys()
    return found


def help_url(page_or_id, lang):
    # the help database keys pages by their path with "/" encoded, as LibreOffice's own links
    return "vnd.sun.star.help://scalc/%s?Language=%s&System=UNIX" % (page_or_id.replace("/", "%2F"), lang)


def read(office, url):
    sfa = office.create("com.sun.star.ucb.SimpleFileAccess")
    stream = sfa.openFileRead(url)
    data = b""
    while True:
        n, chunk = stream.readBytes(None, 65536)
        if n <= 0:
            break
        data += bytes(chunk.value)
    stream.closeInput()
    return data.decode("utf-8")


def page_text(office, name, lang):
    """Page NAME as the help provider renders it. LibreOffice 25.2 (Debian's build, whose
    local help is HTML only) kills the office when its help provider opens an extension's
    page (a crash inside libucpchelp1 / libxml2's file loader, seen with every page; its
    own pages read back empty), so there the page is read as the .oxt ships it."""
    if office_major(office) < 25:
        return read(office, help_url("org.pipecalc/%s.xhp" % name, lang))
    folder = {"en-US": "en"}.get(lang, lang)
    with zipfile.ZipFile(office.oxt) as z:
        xhp = z.read("help/%s/org.pipecalc/%s.xhp" % (folder, name)).decode("utf-8")
    return re.sub(r"<title[^>]*>", "<title>", xhp)


def text_of(page):
    """the rendered page's text, without tags and entities"""
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def keywords(office, lang):
    """the Help window's Index tab: {keyword: [page, ...]}, as sfx2's IndexTabPage reads it"""
    ucb = office.create("com.sun.star.ucb.UniversalContentBroker")
    content = ucb.queryContent(ucb.createContentIdentifier(
        "vnd.sun.star.help://scalc?Language=%s&System=UNIX" % lang))
    props = []
    for name in ("KeywordList", "KeywordRef"):
        p = Property()
        p.Name, p.Handle = name, -1
        props.append(p)
    cmd = Command()
    cmd.Name, cmd.Handle = "getPropertyValues", -1
    cmd.Argument = uno.Any("[]com.sun.star.beans.Property", tuple(props))
    row = content.execute(cmd, 0, None)
    words, refs = row.getObject(1, None), row.getObject(2, None)
    assert words, "the %s keyword index is empty" % lang
    return {w: [r.replace("%2F", "/") for r in ref] for w, ref in zip(words, refs)}


def test_every_function_page_names_its_function_and_parameters(office):
    for method, fn in functions(office.oxt).items():
        for lang in LANGUAGES:
            page = page_text(office, method, lang)
            name = fn["name"][lang]
            assert "<title>%s</title>" % name in page, (method, lang, page[:300])
            text = text_of(page)
            assert re.search(r"\b%s\(" % re.escape(name), text), (method, lang, "no syntax line")
            for param in fn["params"]:
                assert param[lang] in text, (method, lang, param[lang])
            for section in ({"en-US": "Examples", "de": "Beispiele"}[lang],
                            {"en-US": "Errors", "de": "Fehler"}[lang]):
                assert section in text, (method, lang, section)
            assert "Err:502" in text and "#VALUE!" in text, (method, lang)


def test_the_deck_page_names_the_deck_and_its_actions(office):
    expect = {"en-US": ("Pipeline", "Score leads", "Write forecast", "Write funnel",
                        "Save copy with values", "Column roles"),
              "de": ("Pipeline", "Leads bewerten", "Prognose erstellen", "Trichter erstellen",
                     "Kopie mit Werten speichern", "Spaltenrollen")}
    for lang in LANGUAGES:
        text = text_of(page_text(office, DECK_PAGE, lang))
        for word in expect[lang]:
            assert word in text, (lang, word)


def test_the_decks_help_id_leads_to_the_deck_page(office):
    # what the deck's help button asks for: "SIDEBAR_" + the deck's Id upper-cased
    if office_major(office) >= 25:  # the provider cannot be asked there (page_text)
        for lang in LANGUAGES:
            assert 'branch="hid/SIDEBAR_PIPECALCDECK"' in page_text(office, DECK_PAGE, lang), lang
        return
    for lang in LANGUAGES:
        by_id = read(office, help_url("SIDEBAR_PIPECALCDECK", lang))
        page = read(office, help_url("org.pipecalc/%s.xhp" % DECK_PAGE, lang))
        title = re.search(r"<title>(.*?)</title>", page).group(1)
        assert title and "<title>%s</title>" % title in by_id, (lang, by_id[:300])


def test_the_help_index_finds_every_function(office):
    fns = functions(office.oxt)
    for lang in LANGUAGES:
        index = keywords(office, lang)
        for method, fn in fns.items():
            page = "org.pipecalc/%s.xhp" % method
            # the function's name in the language of the help, and its English name too
            for name in {fn["name"][lang], fn["name"]["en-US"]}:
                assert page in index.get(name, []), (lang, name, index.get(name))
