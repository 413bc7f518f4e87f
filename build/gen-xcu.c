/* gen-xcu.c - writes CalcAddIns.xcu, the function wizard's names and help, from the one
 * function table (addin/functions/fn_table.c) and the translations of every po/<lang>.po
 * (the table's English texts are their msgids). Usage: gen-xcu OUTPUT.xcu
 *
 * Node names of parameters must be the IDL parameter names: Calc matches help to
 * parameters by that name (sc/source/core/tool/addincol.cxx, UpdateFromAddIn). */
#include "fn_table.h"
#include "tx.h"
#include "tx_catalog.h"

#include <libxml/xmlwriter.h>
#include <stdio.h>

#define IMPLEMENTATION "org.pipecalc.PipelineFunctions"

/* the writer's state (xml_writer.h) */
typedef struct {
    xmlTextWriterPtr w;
    int failed;
} Xw;

#include "xml_writer.h"

/* <node oor:name="NAME" [oor:op="replace"]> */
static void node(Xw *x, const char *name, int replace)
{
    xw_start(x, "node");
    xw_attr(x, "oor:name", name);
    if (replace)
        xw_attr(x, "oor:op", "replace");
}

static void value(Xw *x, const char *lang, const char *text)
{
    xw_start(x, "value");
    xw_attr(x, "xml:lang", lang);
    xw_text(x, text);
    xw_end(x);
}

/* <prop oor:name="NAME"><value xml:lang="en-US">ENGLISH</value>, then one value per
 * catalogue: <value xml:lang="de">ENGLISH in German</value> ...</prop> */
static void localized_prop(Xw *x, const char *name, const char *english)
{
    xw_start(x, "prop");
    xw_attr(x, "oor:name", name);
    value(x, "en-US", english);
    for (const TxCatalog *c = TX_CATALOGS; c->language; c++) {
        tx_set_language(c->language);
        value(x, c->language, tx(english));
    }
    tx_set_language("en");
    xw_end(x);
}

static void plain_prop(Xw *x, const char *name, const char *value)
{
    xw_start(x, "prop");
    xw_attr(x, "oor:name", name);
    xw_start(x, "value");
    xw_text(x, value);
    xw_end(x);
    xw_end(x);
}

static void write_function(Xw *x, const FnInfo *fn)
{
    node(x, fn->method, 1);
    localized_prop(x, "DisplayName", fn->name_en);
    localized_prop(x, "Description", fn->help_en);
    plain_prop(x, "Category", FN_CATEGORY);
    /* What Calc writes into .xlsx/.xls instead of ORG.PIPECALC.PIPELINEFUNCTIONS.METHOD,
     * and maps back on load: the English name, which is no Calc or Excel built-in (a
     * built-in of that name would win on load; tests/calc/test_excel.py round-trips). */
    xw_start(x, "prop");
    xw_attr(x, "oor:name", "CompatibilityName");
    value(x, "en-US", fn->name_en);
    xw_end(x);
    node(x, "Parameters", 0);
    for (int i = 0; i < fn->n_params; i++) {
        const FnParam *p = &fn->params[i];
        node(x, p->name, 1);
        localized_prop(x, "DisplayName", p->name_en);
        localized_prop(x, "Description", p->help_en);
        xw_end(x);
    }
    xw_end(x); /* Parameters */
    xw_end(x); /* function */
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUTPUT.xcu\n", argv[0]);
        return 2;
    }
    Xw x = { xmlNewTextWriterFilename(argv[1], 0), 0 };
    if (!x.w) {
        fprintf(stderr, "gen-xcu: cannot write %s\n", argv[1]);
        return 1;
    }
    xmlTextWriterSetIndent(x.w, 1);
    if (xmlTextWriterStartDocument(x.w, NULL, "UTF-8", NULL) < 0)
        x.failed = 1;
    /* <oor:component-data oor:name="CalcAddIns" oor:package="org.openoffice.Office"> */
    xw_start(&x, "oor:component-data");
    xw_attr(&x, "xmlns:oor", "http://openoffice.org/2001/registry");
    xw_attr(&x, "xmlns:xs", "http://www.w3.org/2001/XMLSchema");
    xw_attr(&x, "oor:name", "CalcAddIns");
    xw_attr(&x, "oor:package", "org.openoffice.Office");
    node(&x, "AddInInfo", 0);
    node(&x, IMPLEMENTATION, 1);
    node(&x, "AddInFunctions", 0);
    for (int i = 0; i < fn_count; i++)
        write_function(&x, &fn_table[i]);
    xw_end(&x); /* AddInFunctions */
    xw_end(&x); /* implementation */
    xw_end(&x); /* AddInInfo */
    xw_end(&x); /* component-data */
    if (!x.failed && xmlTextWriterEndDocument(x.w) < 0)
        x.failed = 1;
    xmlFreeTextWriter(x.w);
    if (x.failed) {
        fprintf(stderr, "gen-xcu: writing %s failed\n", argv[1]);
        remove(argv[1]);
        return 1;
    }
    return 0;
}
