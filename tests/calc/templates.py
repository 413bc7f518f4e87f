"""templates.py - the Pipeline template the .oxt ships (descriptions/Paths.xcu), found as
File > New > Templates finds it: through com.sun.star.frame.DocumentTemplates, the
template hierarchy LibreOffice builds from the template path (PathSettings "Template")."""
import os
import urllib.parse

import uno
from com.sun.star.beans import Property
from com.sun.star.ucb import Command

from office import prop

ROOT = "vnd.sun.star.hier:/templates"


def template_path_has_ours(office, folder):
    """The template path (PathSettings) holds the extension's templates/FOLDER."""
    paths = office.create("com.sun.star.util.PathSettings").Template.split(";")
    return [p for p in paths if "%s/templates/%s" % (os.path.basename(office.oxt), folder) in p]


def target_url(office, entry):
    """A template entry's file, as a file URL (its TargetURL may be a vnd.sun.star.expand one)."""
    ucb = office.create("com.sun.star.ucb.UniversalContentBroker")
    content = ucb.queryContent(ucb.createContentIdentifier(entry))
    p = Property()
    p.Name, p.Handle = "TargetURL", -1
    row = content.execute(Command("getPropertyValues", -1, uno.Any("[]com.sun.star.beans.Property", (p,))), 0, None)
    url = row.getString(1)
    if url.startswith("vnd.sun.star.expand:"):
        expander = office.ctx.getValueByName("/singletons/com.sun.star.util.theMacroExpander")
        url = expander.expandMacros(urllib.parse.unquote(url[len("vnd.sun.star.expand:"):]))
    return url


def find_templates(office, title="Pipeline", group="Pipecalc"):
    """The file URLs of the templates titled TITLE in the category GROUP."""
    templates = office.create("com.sun.star.frame.DocumentTemplates")
    templates.update()  # re-reads the template path, with the extension's folder
    sfa = office.create("com.sun.star.ucb.SimpleFileAccess")
    found = []
    for root in sfa.getFolderContents(ROOT, True):
        for g in sfa.getFolderContents(root, True):
            if urllib.parse.unquote(g.rsplit("/", 1)[-1]) != group:
                continue
            for entry in sfa.getFolderContents(g, True):
                if urllib.parse.unquote(entry.rsplit("/", 1)[-1]) == title:
                    found.append(target_url(office, entry))
    return found


def new_from_template(office, url):
    """A new, untitled document from the template at URL (as File > New > Templates opens it)."""
    return office.desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("AsTemplate", True)))
