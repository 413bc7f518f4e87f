/* gen-help.c - writes the extension's F1 help (help/<lang>/org.pipecalc/<page>.xhp and
 * help/<lang>/help.tree) from the one function table (addin/functions/fn_table.c): a page
 * per function with its syntax, arguments, examples, fine print and errors, and a page for
 * the sidebar deck. English first, then the language of every po/<lang>.po (the English
 * texts are their msgids; the texts below are extracted by `make pot` like addin/'s).
 * Usage: gen-help OUTDIR (writes OUTDIR/help/...)
 *
 * LibreOffice compiles and indexes these pages when the extension is installed
 * (desktop/source/deployment/registry/help/dp_help.cxx); a page that is not well-formed
 * makes the installation fail, hence libxml2's writer. */
#include "fn_table.h"
#include "tx.h"
#include "tx_catalog.h"

#include <errno.h>
#include <glib.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <string.h>

#define EXTENSION_ID "org.pipecalc"
/* the help id of a sidebar deck: "SIDEBAR_" + its Id upper-cased (descriptions/Sidebar.xcu;
 * sfx2/source/sidebar/DeckDescriptor / ResourceManager) */
#define DECK_HELP_ID "hid/SIDEBAR_PIPECALCDECK"
#define DECK_PAGE "pipelineDeck"

/* ---- the texts that are not in the function table -------------------------------------- */

/* An example: =NAME(ARGS) and what it gives. The function's name is written in the page's
 * language; the arguments are cell references and numbers only, the same everywhere. */
typedef struct {
    const char *method, *args, *result;
} HelpExample;

static const HelpExample examples[] = {
    { "pipelineForecast", NULL,
      N_("The deals: amounts 1000, 2000, 4000, 500 in A2:A5, stages Lead, Qualified, Proposal, "
         "Won in B2:B5, close dates in C2:C5; the stage table in F2:G5: Lead 0.1, Qualified "
         "0.3, Proposal 0.5, Won 1.") },
    { "pipelineForecast", "A2:A5;B2:B5;F2:G5",
      N_("3200 (100 + 600 + 2000 + 500). Selecting the header row too, or whole columns, gives "
         "the same.") },
    { "pipelineForecast", "A2:A5;B2:B5;F2:G5;C2:C5;H1;H2",
      N_("Only the deals closing between the dates in H1 and H2, e.g. in January. Either bound "
         "may be left empty.") },
    { "pipelineForecast", "A2:A5;B2:B5;F2:G5;;;;0.1",
      N_("P10: the revenue reached with 90 percent certainty when each deal is won "
         "independently with its probability (type 0,1 where the decimal separator is a "
         "comma).") },
    { "pipelineForecast", "A2:A5;B2:B5;F2:G5;;;;;D2:D5",
      N_("With the status column D2:D5 = Open, Won, Lost, (empty): 600. A deal marked won or "
         "lost is closed and not counted; an empty cell or other text counts.") },
    { "stageConversion", "B2:B200;\"Qualified\";\"Won\";H2:H6",
      N_("The share of the deals that reached Qualified which also reached Won, with H2:H6 = "
         "Lead, Qualified, Proposal, Negotiation, Won.") },
    { "leadScore", "B2:D51;History.A2:C5000;History.D2:D5000",
      N_("Select E2:E51 (the lead rows without their header), type the formula and press "
         "Ctrl+Shift+Enter: every selected row gets its lead's win probability.") },
    { "leadsNeeded", "500000;B2:B200;\"Lead\";H2:H6;;25000",
      N_("How many new leads are needed to win 500000 in revenue with deals of 25000 on "
         "average, at the historical conversion from Lead to Won (rounded up).") },
    { "salesVelocity", "C2:C200;F2:F200;G2:G200;D2:D200",
      N_("With amounts in C, statuses in F, created dates in G and close dates in D: the "
         "revenue the open deals bring per day at the won deals' win rate, average size and "
         "average sales cycle.") },
    { "stageDuration", "A2:C400;\"Proposal\";0.9",
      /* xgettext:no-c-format */
      N_("With deal ids, stages and the dates they were entered in A to C: 90 % of the "
         "completed stays in Proposal lasted at most this many days.") },
    { "productFit", "B2:D51;Won.A2:C900;Won.D2:D900;G1:I1",
      N_("Select E2:G51 (three columns for the three products named in G1:I1), type the "
         "formula and press Ctrl+Shift+Enter: each lead's chance of buying each product.") },
};

/* The fine print of one function (README: Fine print, function by function). */
typedef struct {
    const char *method, *text;
} HelpNote;

static const HelpNote notes[] = {
    { "pipelineForecast",
      N_("Negative amounts are allowed (credit notes) and lower the forecast; an empty amount "
         "counts as 0; a per-deal probability left empty beside an amount is #N/A.") },
    { "pipelineForecast",
      N_("A period bound without CloseDates, or a start after the end, is Err:502; a deal "
         "without a close date does not count once a bound is given.") },
    { "pipelineForecast",
      N_("The same stage twice in the stage table with different probabilities is Err:502.") },
    { "stageConversion",
      N_("Open deals count as not (yet) converted. For a win rate, pass closed deals only; a "
         "lost status can be skipped with IgnoreStages.") },
    { "stageConversion",
      N_("A lost-outcome word inside StageOrder (\"Closed Lost\", \"Verloren\") is Err:502: a "
         "lost deal must not reach the stages after it. FromStage = ToStage gives 1.") },
    { "leadScore",
      N_("Numeric columns are cut into five bins at their quintiles; other columns are "
         "categories. A blank cell or a category no past lead has contributes nothing.") },
    { "leadScore",
      N_("Filled down cell by cell instead of entered once, each cell re-reads the whole "
         "history.") },
    { "salesVelocity",
      N_("An empty amount counts as 0; a won deal missing a date is #VALUE!, one closed "
         "before it was created #NUM!, each naming its row. Lost and open deals need no "
         "dates.") },
    { "salesVelocity",
      N_("#DIV/0! without a won deal, or when the won deals' average sales cycle is 0 days. "
         "Multiply by 30 for the revenue per month.") },
    { "productFit",
      N_("Each History row with a product is one purchase: pass the won deals. A product "
         "ProductList names that no row bought gets 0; each lead's row sums to 1.") },
    { "productFit",
      N_("A number in Products is #VALUE! (type product codes as text); a product missing "
         "from a given ProductList is #N/A; no purchase at all is #N/A.") },
    { "stageDuration",
      N_("A stay ends at the deal's next entry of another stage; a repeated entry of the same "
         "stage continues it. A deal's last stage is still open and not counted.") },
    { "stageDuration",
      N_("#DIV/0! when no deal has left the stage yet. A row missing its id, stage or date is "
         "#N/A, a text date #VALUE!, each naming its row.") },
    { "leadsNeeded",
      N_("The result is rounded up; results within 1e-12 of a whole number count as that "
         "number (10 deals at 0.5 need 20, not 21).") },
};

/* How every function reads its ranges (README: How the functions read your data). */
static const char *const reading_rules[] = {
    N_("A column argument may be a column or a row; row i of one goes with row i of the "
       "others."),
    N_("Blank rows are skipped, so whole columns work; bounded ranges (A2:A5000) recalculate "
       "faster."),
    N_("A first row whose every cell is text that cannot be data there (\"Amount\" in the "
       "amount column) is a header row and is skipped."),
    N_("Names (stages, categories, outcomes) match ignoring case, surrounding spaces and "
       "Unicode composition."),
    N_("An optional argument given as an empty cell, 0 or \"\" counts as left out, so "
       "templates can point at input cells."),
    N_("Dates are Calc dates; periods compare whole days."),
};

typedef struct {
    const char *shows, *means;
} HelpError;

static const HelpError errors[] = {
    { "Err:502", N_("Ranges of different lengths, an invalid option (e.g. ToStage before "
                    "FromStage), or a range of more than 16 full columns.") },
    { "#N/A", N_("A name not found (a stage missing from the stage table or from StageOrder), "
                 "or too little data (no won or no lost lead).") },
    { "#VALUE!", N_("Text where a number is needed (an amount \"abc\").") },
    { "#NUM!", N_("A number out of range (a probability of 25: type 25 percent; a percentile "
                  "of 1).") },
    { "#DIV/0!", N_("A zero denominator (no deal reached FromStage).") },
    { "Err:504", N_("An error cell inside a range you passed: Calc stops before calling "
                    "Pipecalc.") },
};

/* The sidebar deck's page: a heading and what each part of it does. */
typedef struct {
    const char *term, *text;
} HelpItem;

static const HelpItem deck_items[] = {
    { N_("Score leads"),
      N_("Learns LEAD_SCORE from the table's won and lost rows and writes a Score column (win "
         "probability) right of the table for the open rows, as values. Run it again to "
         "refresh it.") },
    { N_("Write forecast"),
      N_("Writes a sheet Forecast: each stage's probability learned from the closed deals, "
         "then per close month the expected revenue with P10, P50 and P90, as live "
         "PIPELINE_FORECAST formulas over your table, and a chart by month.") },
    { N_("Write funnel"),
      N_("Takes the target typed beside it and writes a sheet Funnel: per stage the closed "
         "deals that reached it, the conversion to the next stage and to won "
         "(STAGE_CONVERSION) and the deals needed for the target (LEADS_NEEDED), with a "
         "chart. Values only; run it again to refresh it.") },
    { N_("Write products"),
      /* xgettext:no-c-format */
      N_("Writes a sheet Products: per product its open deals and amount, the expected revenue "
         "at the forecast's stage probabilities, the potential at its own win rate, won and "
         "lost deals, win rate with its 90 % interval, average won deal and cycle, and a "
         "chart of expected against won revenue. The lead at the cursor gets its likely "
         "products (PRODUCT_FIT) under its factors.") },
    { N_("Write patterns"),
      N_("Writes a sheet Patterns: per attribute, product and owner value with 10 or more "
         "closed deals its win rate with its interval, average won deal, cycle and velocity, "
         "what stands out first in words; with a dated stage log (named in its field or "
         "found on another sheet) the time in each stage, where deals stall and the open "
         "deals past their stage's P90.") },
    { N_("Explain"),
      N_("Select a cell that calls a Pipecalc function and shows an error: the deck says "
         "why, naming the row and the argument.") },
    { N_("Save copy with values"),
      N_("Saves a copy next to your document in which every cell calling a Pipecalc "
         "function shows its value instead, for colleagues without the extension (they "
         "would see #NAME?). Your document is not touched.") },
    { N_("Column roles"),
      N_("The role the deck gave each column from its header (deal, stage, amount, "
         "probability, close date, owner, outcome, ...; every other column is a scoring "
         "attribute). A role can be chosen by hand when a header is not recognised.") },
};

/* ---- the writer ------------------------------------------------------------------------ */

/* the writer's state (xml_writer.h), and where a page is */
typedef struct {
    xmlTextWriterPtr w;
    int failed;
    const char *xml_lang; /* the pages' xml-lang: en-US, de, ... */
    int next_id;          /* paragraph ids, unique within a page */
} Xw;

#include "xml_writer.h"

static void xw_element(Xw *x, const char *name, const char *text)
{
    xw_start(x, name);
    xw_text(x, text);
    xw_end(x);
}

/* <paragraph role="ROLE" id="par_idN" xml-lang="LANG" [level="L"]> left open */
static void para_start(Xw *x, const char *role, int level)
{
    char id[32], lv[8];
    g_snprintf(id, sizeof id, "par_id%d", x->next_id++);
    xw_start(x, "paragraph");
    xw_attr(x, "role", role);
    xw_attr(x, "id", id);
    xw_attr(x, "xml-lang", x->xml_lang);
    if (level) {
        g_snprintf(lv, sizeof lv, "%d", level);
        xw_attr(x, "level", lv);
    }
}

static void heading(Xw *x, int level, const char *text)
{
    para_start(x, "heading", level);
    xw_text(x, text);
    xw_end(x);
}

static void paragraph(Xw *x, const char *text)
{
    para_start(x, "paragraph", 0);
    xw_text(x, text);
    xw_end(x);
}

/* a paragraph "TERM: TEXT" with TERM emphasised, as LibreOffice's own pages write options */
static void term_paragraph(Xw *x, const char *role, const char *term, const char *text)
{
    para_start(x, role, 0);
    xw_element(x, "emph", term);
    xw_text(x, ": ");
    xw_text(x, text);
    xw_end(x);
}

static Xw page_open(const char *path, const char *xml_lang)
{
    Xw x = { xmlNewTextWriterFilename(path, 0), 0, xml_lang, 1 };
    if (!x.w) {
        x.failed = 1;
        return x;
    }
    xmlTextWriterSetIndent(x.w, 0); /* no indent: it would put white space into mixed content */
    if (xmlTextWriterStartDocument(x.w, NULL, "UTF-8", NULL) < 0)
        x.failed = 1;
    return x;
}

static int page_close(Xw *x, const char *path)
{
    if (x->w) {
        if (!x->failed && xmlTextWriterEndDocument(x->w) < 0)
            x->failed = 1;
        xmlFreeTextWriter(x->w);
    }
    if (x->failed) {
        fprintf(stderr, "gen-help: writing %s failed\n", path);
        remove(path);
        return 1;
    }
    return 0;
}

/* <helpdocument><meta><topic>...</topic></meta><body> left open */
static void document_start(Xw *x, const char *page, const char *title)
{
    char *topic_id = g_strdup_printf("orgpipecalc%s", page);
    char *filename = g_strdup_printf("/" EXTENSION_ID "/%s.xhp", page);
    xw_start(x, "helpdocument");
    xw_attr(x, "version", "1.0");
    xw_start(x, "meta");
    xw_start(x, "topic");
    xw_attr(x, "id", topic_id);
    xw_attr(x, "indexer", "include");
    xw_attr(x, "status", "PUBLISH");
    xw_start(x, "title");
    xw_attr(x, "id", "tit");
    xw_attr(x, "xml-lang", x->xml_lang);
    xw_text(x, title);
    xw_end(x);
    xw_element(x, "filename", filename);
    xw_end(x); /* topic */
    xw_end(x); /* meta */
    xw_start(x, "body");
    g_free(topic_id);
    g_free(filename);
}

/* the entries of the Help window's Index tab; "A;B" is entry A with sub-entry B */
static void index_entries(Xw *x, const char *const *values, int n)
{
    xw_start(x, "bookmark");
    xw_attr(x, "xml-lang", x->xml_lang);
    xw_attr(x, "branch", "index");
    xw_attr(x, "id", "bm_id1");
    for (int i = 0; i < n; i++)
        if (values[i])
            xw_element(x, "bookmark_value", values[i]);
    xw_end(x);
}

/* NAME(Param1; Param2; [Optional]) in the current language */
static char *syntax(const FnInfo *fn)
{
    GString *s = g_string_new(tx(fn->name_en));
    g_string_append_c(s, '(');
    for (int i = 0; i < fn->n_params; i++) {
        const FnParam *p = &fn->params[i];
        if (i)
            g_string_append(s, "; ");
        g_string_append_printf(s, p->optional ? "[%s]" : "%s", tx(p->name_en));
    }
    g_string_append_c(s, ')');
    return g_string_free(s, FALSE);
}

static void write_errors(Xw *x)
{
    heading(x, 2, _("Errors"));
    xw_start(x, "list");
    xw_attr(x, "type", "unordered");
    for (gsize i = 0; i < G_N_ELEMENTS(errors); i++) {
        xw_start(x, "listitem");
        term_paragraph(x, "listitem", errors[i].shows, tx(errors[i].means));
        xw_end(x);
    }
    xw_end(x);
    paragraph(x, _("To keep a result showing while a source cell is broken, wrap the call in "
                   "IFERROR(...; 0)."));
}

static void write_list(Xw *x, const char *const *items, gsize n)
{
    xw_start(x, "list");
    xw_attr(x, "type", "unordered");
    for (gsize i = 0; i < n; i++) {
        xw_start(x, "listitem");
        para_start(x, "listitem", 0);
        xw_text(x, tx(items[i]));
        xw_end(x);
        xw_end(x);
    }
    xw_end(x);
}

static int write_function_page(const char *dir, const FnInfo *fn, const char *xml_lang)
{
    char *path = g_strdup_printf("%s/%s.xhp", dir, fn->method);
    Xw x = page_open(path, xml_lang);
    const char *name = tx(fn->name_en);
    char *sub_entry = g_strdup_printf("%s;%s", _("Pipecalc functions"), name);
    char *english_sub_entry = g_strdup_printf("%s;%s", _("Pipecalc functions"), fn->name_en);
    /* the English name too in every language: what README, forums and .xlsx files say */
    const char *entries[] = {
        name, strcmp(name, fn->name_en) ? fn->name_en : NULL, sub_entry,
        strcmp(name, fn->name_en) ? english_sub_entry : NULL,
    };
    document_start(&x, fn->method, name);
    index_entries(&x, entries, G_N_ELEMENTS(entries));
    heading(&x, 1, name);
    paragraph(&x, tx(fn->help_en));

    heading(&x, 2, _("Syntax"));
    char *s = syntax(fn);
    para_start(&x, "code", 0);
    xw_text(&x, s);
    xw_end(&x);
    g_free(s);
    paragraph(&x, _("Arguments in square brackets are optional."));

    heading(&x, 2, _("Arguments"));
    xw_start(&x, "list");
    xw_attr(&x, "type", "unordered");
    for (int i = 0; i < fn->n_params; i++) {
        xw_start(&x, "listitem");
        term_paragraph(&x, "listitem", tx(fn->params[i].name_en), tx(fn->params[i].help_en));
        xw_end(&x);
    }
    xw_end(&x);

    heading(&x, 2, _("Examples"));
    for (gsize i = 0; i < G_N_ELEMENTS(examples); i++) {
        const HelpExample *e = &examples[i];
        if (strcmp(e->method, fn->method) != 0)
            continue;
        if (!e->args) {
            paragraph(&x, tx(e->result));
            continue;
        }
        char *formula = g_strdup_printf("=%s(%s)", name, e->args);
        para_start(&x, "paragraph", 0);
        xw_element(&x, "item", formula);
        xw_text(&x, " \xe2\x86\x92 "); /* → */
        xw_text(&x, tx(e->result));
        xw_end(&x);
        g_free(formula);
    }

    heading(&x, 2, _("Good to know"));
    const char *mine[G_N_ELEMENTS(notes)];
    gsize n_mine = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(notes); i++)
        if (strcmp(notes[i].method, fn->method) == 0)
            mine[n_mine++] = notes[i].text;
    write_list(&x, mine, n_mine);

    heading(&x, 2, _("How the functions read your data"));
    write_list(&x, reading_rules, G_N_ELEMENTS(reading_rules));

    write_errors(&x);
    xw_end(&x); /* body */
    xw_end(&x); /* helpdocument */
    int rc = page_close(&x, path);
    g_free(sub_entry);
    g_free(english_sub_entry);
    g_free(path);
    return rc;
}

static int write_deck_page(const char *dir, const char *xml_lang)
{
    char *path = g_strdup_printf("%s/" DECK_PAGE ".xhp", dir);
    Xw x = page_open(path, xml_lang);
    const char *title = _("Pipeline sidebar deck");
    char *sub_entry = g_strdup_printf("%s;%s", _("sidebar"), _("Pipeline deck"));
    const char *entries[] = { title, sub_entry, _("Pipecalc functions") };
    document_start(&x, DECK_PAGE, title);
    /* the deck's help button (LibreOffice 24.x and later) asks for this id */
    xw_start(&x, "bookmark");
    xw_attr(&x, "xml-lang", xml_lang);
    xw_attr(&x, "branch", DECK_HELP_ID);
    xw_attr(&x, "id", "bm_id0");
    xw_attr(&x, "localize", "false");
    xw_end(&x);
    index_entries(&x, entries, G_N_ELEMENTS(entries));
    heading(&x, 1, title);
    paragraph(&x, _("Open the Pipeline deck in Calc's sidebar and put the cell cursor anywhere "
                    "in your lead table: a block of cells whose first row holds the column "
                    "names. The deck shows the table's range and what it found in it, and "
                    "follows the cursor."));
    for (gsize i = 0; i < G_N_ELEMENTS(deck_items); i++)
        term_paragraph(&x, "paragraph", tx(deck_items[i].term), tx(deck_items[i].text));
    heading(&x, 2, _("Functions"));
    for (int i = 0; i < fn_count; i++) {
        char *href = g_strdup_printf(EXTENSION_ID "/%s.xhp", fn_table[i].method);
        para_start(&x, "paragraph", 0);
        xw_start(&x, "link");
        xw_attr(&x, "href", href);
        xw_text(&x, tx(fn_table[i].name_en));
        xw_end(&x);
        xw_end(&x);
        g_free(href);
    }
    xw_end(&x); /* body */
    xw_end(&x); /* helpdocument */
    int rc = page_close(&x, path);
    g_free(sub_entry);
    g_free(path);
    return rc;
}

/* help.tree: the pages in the Help window's Contents tab, under Calc */
static int write_tree(const char *lang_dir, const char *xml_lang)
{
    char *path = g_strdup_printf("%s/help.tree", lang_dir);
    Xw x = page_open(path, xml_lang);
    xw_start(&x, "tree_view");
    xw_attr(&x, "version", "24-Aug-2004");
    xw_start(&x, "help_section");
    xw_attr(&x, "application", "scalc");
    xw_attr(&x, "id", "pipecalc");
    xw_attr(&x, "title", "Pipecalc");
    xw_start(&x, "topic");
    xw_attr(&x, "id", EXTENSION_ID "/" DECK_PAGE ".xhp");
    xw_text(&x, _("Pipeline sidebar deck"));
    xw_end(&x);
    xw_start(&x, "node");
    xw_attr(&x, "id", "pipecalc_functions");
    xw_attr(&x, "title", _("Pipecalc functions"));
    for (int i = 0; i < fn_count; i++) {
        char *id = g_strdup_printf(EXTENSION_ID "/%s.xhp", fn_table[i].method);
        xw_start(&x, "topic");
        xw_attr(&x, "id", id);
        xw_text(&x, tx(fn_table[i].name_en));
        xw_end(&x);
        g_free(id);
    }
    xw_end(&x); /* node */
    xw_end(&x); /* help_section */
    xw_end(&x); /* tree_view */
    int rc = page_close(&x, path);
    g_free(path);
    return rc;
}

/* help/<folder>/ for one language: FOLDER is the help folder's name (en, de, ...) */
static int write_language(const char *out, const char *language, const char *folder,
                          const char *xml_lang)
{
    char *lang_dir = g_strdup_printf("%s/help/%s", out, folder);
    char *dir = g_strdup_printf("%s/" EXTENSION_ID, lang_dir);
    int rc = 0;
    if (g_mkdir_with_parents(dir, 0755) != 0) {
        fprintf(stderr, "gen-help: cannot create %s: %s\n", dir, g_strerror(errno));
        rc = 1;
    }
    tx_set_language(language);
    for (int i = 0; !rc && i < fn_count; i++)
        rc = write_function_page(dir, &fn_table[i], xml_lang);
    if (!rc)
        rc = write_deck_page(dir, xml_lang);
    if (!rc)
        rc = write_tree(lang_dir, xml_lang);
    tx_set_language("en");
    g_free(dir);
    g_free(lang_dir);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
        return 2;
    }
    int rc = write_language(argv[1], "en", "en", "en-US");
    for (const TxCatalog *c = TX_CATALOGS; !rc && c->language; c++)
        rc = write_language(argv[1], c->language, c->language, c->language);
    return rc;
}
