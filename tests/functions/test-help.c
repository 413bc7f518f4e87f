/* test-help.c - the generated F1 help (build/gen-help.c, in HELP_DIR) without an office:
 * every .xhp and help.tree is well-formed XML (LibreOffice refuses to install an extension
 * with a page that is not), every function of the table has a page per language whose title,
 * syntax and index entries name it and whose text names every parameter, each page's
 * <filename> is its own path, and help.tree lists exactly the pages there are. */
#include "fn_table.h"
#include "tx.h"
#include "tx_catalog.h"

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

/* the help folders: English, then one per catalogue */
static GPtrArray *languages(void)
{
    GPtrArray *l = g_ptr_array_new();
    g_ptr_array_add(l, (gpointer) "en");
    for (const TxCatalog *c = TX_CATALOGS; c->language; c++)
        g_ptr_array_add(l, (gpointer) c->language);
    return l;
}

static xmlDocPtr parse(const char *path)
{
    xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc)
        g_test_message("not well-formed: %s", path);
    return doc;
}

/* the text of every element named NAME below NODE, joined by "\n" */
static void collect(xmlNodePtr node, const char *name, GString *out)
{
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && (!name || strcmp((const char *) n->name, name) == 0)) {
            xmlChar *t = xmlNodeGetContent(n);
            g_string_append(out, (const char *) t);
            g_string_append_c(out, '\n');
            xmlFree(t);
        } else if (n->children) {
            collect(n->children, name, out);
        }
    }
}

static char *texts(xmlDocPtr doc, const char *name)
{
    GString *s = g_string_new(NULL);
    collect(xmlDocGetRootElement(doc), name, s);
    return g_string_free(s, FALSE);
}

static void test_every_file_is_well_formed(void)
{
    GPtrArray *langs = languages();
    int files = 0;
    for (guint i = 0; i < langs->len; i++) {
        char *dir = g_build_filename(HELP_DIR, langs->pdata[i], "org.pipecalc", NULL);
        GDir *d = g_dir_open(dir, 0, NULL);
        g_assert_nonnull(d);
        const char *name;
        while ((name = g_dir_read_name(d))) {
            char *path = g_build_filename(dir, name, NULL);
            g_assert_true(g_str_has_suffix(name, ".xhp"));
            xmlDocPtr doc = parse(path);
            g_assert_nonnull(doc);
            g_assert_cmpstr((const char *) xmlDocGetRootElement(doc)->name, ==, "helpdocument");
            /* <filename> is the page's path below the language folder */
            char *filename = texts(doc, "filename");
            char *expect = g_strdup_printf("/org.pipecalc/%s\n", name);
            g_assert_cmpstr(filename, ==, expect);
            g_free(filename);
            g_free(expect);
            xmlFreeDoc(doc);
            g_free(path);
            files++;
        }
        g_dir_close(d);
        g_free(dir);
        char *tree = g_build_filename(HELP_DIR, langs->pdata[i], "help.tree", NULL);
        xmlDocPtr doc = parse(tree);
        g_assert_nonnull(doc);
        xmlFreeDoc(doc);
        g_free(tree);
    }
    /* a page per function and the deck's, in every language */
    g_assert_cmpint(files, ==, (int) langs->len * (fn_count + 1));
    g_ptr_array_free(langs, TRUE);
}

static void test_every_function_page_names_it(void)
{
    GPtrArray *langs = languages();
    for (guint i = 0; i < langs->len; i++) {
        tx_set_language(langs->pdata[i]);
        for (int f = 0; f < fn_count; f++) {
            const FnInfo *fn = &fn_table[f];
            char *path = g_strdup_printf("%s/%s/org.pipecalc/%s.xhp", HELP_DIR,
                                         (const char *) langs->pdata[i], fn->method);
            xmlDocPtr doc = parse(path);
            g_assert_nonnull(doc);
            char *title = texts(doc, "title");
            char *expect = g_strdup_printf("%s\n", tx(fn->name_en));
            g_assert_cmpstr(title, ==, expect);
            /* found in the index by its name and by its English name */
            char *index = texts(doc, "bookmark_value");
            char *line = g_strdup_printf("%s\n", fn->name_en);
            g_assert_nonnull(strstr(index, expect));
            g_assert_nonnull(strstr(index, line));
            char *body = texts(doc, "body");
            char *call = g_strdup_printf("%s(", tx(fn->name_en));
            g_assert_nonnull(strstr(body, call));
            for (int p = 0; p < fn->n_params; p++)
                g_assert_nonnull(strstr(body, tx(fn->params[p].name_en)));
            g_assert_nonnull(strstr(body, tx(fn->help_en)));
            g_assert_nonnull(strstr(body, "Err:502"));
            g_free(call);
            g_free(body);
            g_free(line);
            g_free(index);
            g_free(expect);
            g_free(title);
            xmlFreeDoc(doc);
            g_free(path);
        }
    }
    tx_set_language("en");
    g_ptr_array_free(langs, TRUE);
}

static void test_the_tree_lists_every_page(void)
{
    GPtrArray *langs = languages();
    for (guint i = 0; i < langs->len; i++) {
        char *tree = g_build_filename(HELP_DIR, langs->pdata[i], "help.tree", NULL);
        char *text = NULL;
        g_assert_true(g_file_get_contents(tree, &text, NULL, NULL));
        int topics = 0;
        for (const char *t = text; (t = strstr(t, "<topic id=\"")); topics++) {
            t += strlen("<topic id=\"");
            char *id = g_strndup(t, strcspn(t, "\""));
            char *page = g_build_filename(HELP_DIR, langs->pdata[i], id, NULL);
            g_assert_true(g_file_test(page, G_FILE_TEST_IS_REGULAR));
            g_free(page);
            g_free(id);
        }
        g_assert_cmpint(topics, ==, fn_count + 1);
        g_free(text);
        g_free(tree);
    }
    g_ptr_array_free(langs, TRUE);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/help/well-formed", test_every_file_is_well_formed);
    g_test_add_func("/help/function-pages", test_every_function_page_names_it);
    g_test_add_func("/help/tree", test_the_tree_lists_every_page);
    int rc = g_test_run();
    xmlCleanupParser();
    return rc;
}
