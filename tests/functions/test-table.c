/* test-table.c - the one function table agrees with the IDL and the generated
 * CalcAddIns.xcu: every IDL method has a row and every row a method, parameter names and
 * types match, and a parameter is optional exactly when its IDL type is `any` (Calc lets
 * only `any` parameters be omitted). The wizard's texts in other languages come from
 * po/<lang>.po (build/gen-xcu.c); the German function names are fixed: workbooks and
 * German users' habits know them. */
#include "fn_table.h"
#include "idl_reader.h"
#include "tx.h"
#include "tx_catalog.h"

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

/* The methods of interface XPipelineFunctions in the IDL file. */
static GPtrArray *read_idl(void)
{
    return idl_read_members(IDL_FILE, "XPipelineFunctions");
}

static void every_idl_method_has_a_row(void)
{
    GPtrArray *methods = read_idl();
    g_assert_cmpuint(methods->len, ==, (guint)fn_count);
    for (guint i = 0; i < methods->len; i++) {
        IdlMember *m = g_ptr_array_index(methods, i);
        const FnInfo *fn = fn_find(m->name);
        g_assert_nonnull(fn);
        g_assert_cmpstr(m->result, ==, fn_result_idl_type(fn->result));
        g_assert_cmpuint(m->param_types->len, ==, (guint)fn->n_params);
        for (int p = 0; p < fn->n_params; p++) {
            g_assert_cmpstr(g_ptr_array_index(m->param_names, p), ==, fn->params[p].name);
            g_assert_cmpstr(g_ptr_array_index(m->param_types, p), ==, fn_arg_idl_type(fn->params[p].type));
        }
    }
    g_ptr_array_unref(methods);
}

static void every_row_has_an_idl_method(void)
{
    GPtrArray *methods = read_idl();
    for (int i = 0; i < fn_count; i++) {
        gboolean found = FALSE;
        for (guint j = 0; j < methods->len; j++)
            found |= strcmp(((IdlMember *)g_ptr_array_index(methods, j))->name, fn_table[i].method) == 0;
        g_assert_true(found);
    }
    g_ptr_array_unref(methods);
}

static void optional_exactly_when_any(void)
{
    for (int i = 0; i < fn_count; i++)
        for (int p = 0; p < fn_table[i].n_params; p++) {
            const FnParam *param = &fn_table[i].params[p];
            g_assert_cmpint(param->optional, ==, param->type == FN_ARG_ANY);
            /* Calc only lets trailing arguments be left out */
            if (param->optional && p + 1 < fn_table[i].n_params)
                g_assert_true(fn_table[i].params[p + 1].optional);
        }
}

static void every_text_is_present(void)
{
    GHashTable *en = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *de = g_hash_table_new(g_str_hash, g_str_equal);
    g_assert_cmpstr(tx_set_language("de"), ==, "de");
    for (int i = 0; i < fn_count; i++) {
        const FnInfo *fn = &fn_table[i];
        g_assert_true(fn->name_en && *fn->name_en && fn->help_en && *fn->help_en);
        /* names are unique in both languages, and German ones are German */
        g_assert_false(g_hash_table_contains(en, fn->name_en));
        g_assert_false(g_hash_table_contains(de, _(fn->name_en)));
        g_assert_cmpstr(_(fn->name_en), !=, fn->name_en);
        g_assert_cmpstr(_(fn->help_en), !=, fn->help_en);
        g_hash_table_add(en, (gpointer)fn->name_en);
        g_hash_table_add(de, (gpointer)_(fn->name_en));
        for (int p = 0; p < fn->n_params; p++) {
            const FnParam *param = &fn->params[p];
            g_assert_true(*param->name_en && *param->help_en);
            g_assert_cmpstr(_(param->help_en), !=, param->help_en);
        }
    }
    tx_set_language("en");
    g_hash_table_destroy(en);
    g_hash_table_destroy(de);
}

/* The function wizard (formula/uiconfig/ui/parameter.ui: labels "editdesc" and "pardesc")
 * cuts no text at a character count: it wraps the description and the parameter help into
 * the fixed room of its page and leaves off what does not fit, as it did with the old
 * 190-character help of Outcomes. 160 characters are about three lines at the wizard's
 * default width: every text in every language must fit in them. */
#define WIZARD_HELP_MAX_CHARS 160

static void assert_fits_the_wizard(const char *method, const char *what, const char *text)
{
    glong chars = g_utf8_strlen(text, -1);
    if (chars > WIZARD_HELP_MAX_CHARS)
        g_error("%s %s: %ld characters (at most %d): %s", method, what, chars,
                WIZARD_HELP_MAX_CHARS, text);
}

/* in English and in the language of every catalogue */
static void every_help_fits_the_wizard(void)
{
    guint languages = 0;
    for (const TxCatalog *c = TX_CATALOGS; c->language; c++, languages++)
        for (int i = 0; i < fn_count; i++) {
            const FnInfo *fn = &fn_table[i];
            tx_set_language(c->language);
            assert_fits_the_wizard(fn->method, c->language, _(fn->help_en));
            assert_fits_the_wizard(fn->method, "en", fn->help_en);
            for (int p = 0; p < fn->n_params; p++) {
                assert_fits_the_wizard(fn->params[p].name, c->language, _(fn->params[p].help_en));
                assert_fits_the_wizard(fn->params[p].name, "en", fn->params[p].help_en);
            }
        }
    g_assert_cmpuint(languages, >=, 1);
    tx_set_language("en");
}

/* ---- the generated CalcAddIns.xcu, read back ---- */

typedef struct {
    xmlDocPtr doc;
    xmlXPathContextPtr xpath;
} Xcu;

static void xcu_open(Xcu *x)
{
    x->doc = xmlReadFile(XCU_FILE, NULL, XML_PARSE_NONET);
    g_assert_nonnull(x->doc);
    x->xpath = xmlXPathNewContext(x->doc);
    xmlXPathRegisterNs(x->xpath, BAD_CAST "oor", BAD_CAST "http://openoffice.org/2001/registry");
}

static void xcu_close(Xcu *x)
{
    xmlXPathFreeContext(x->xpath);
    xmlFreeDoc(x->doc);
}

/* The text of property PROP in language LANG of function METHOD (of its parameter PARAM
 * when not NULL): g_free; NULL when there is none, and it must be exactly one. */
static char *xcu_text(Xcu *x, const char *method, const char *param, const char *prop,
                      const char *lang)
{
    char *path = param
        ? g_strdup_printf("//node[@oor:name='AddInFunctions']/node[@oor:name='%s']/node[@oor:name="
                          "'Parameters']/node[@oor:name='%s']/prop[@oor:name='%s']/value[@xml:lang='%s']",
                          method, param, prop, lang)
        : g_strdup_printf("//node[@oor:name='AddInFunctions']/node[@oor:name='%s']/prop[@oor:name='%s']"
                          "/value[@xml:lang='%s']", method, prop, lang);
    xmlXPathObjectPtr found = xmlXPathEvalExpression(BAD_CAST path, x->xpath);
    g_assert_nonnull(found);
    char *text = NULL;
    int n = found->nodesetval ? found->nodesetval->nodeNr : 0;
    if (n > 1)
        g_error("%s: %d values", path, n);
    if (n == 1) {
        xmlChar *content = xmlNodeGetContent(found->nodesetval->nodeTab[0]);
        text = g_strdup((const char *)content);
        xmlFree(content);
    }
    xmlXPathFreeObject(found);
    g_free(path);
    return text;
}

static void assert_xcu_text(Xcu *x, const char *method, const char *param, const char *prop,
                            const char *lang, const char *expect)
{
    char *text = xcu_text(x, method, param, prop, lang);
    g_test_message("%s %s %s %s", method, param ? param : "", prop, lang);
    g_assert_cmpstr(text, ==, expect);
    g_free(text);
}

/* the German names the wizard shows, exactly */
static void german_function_names(void)
{
    static const struct {
        const char *method, *german;
    } NAMES[] = {
        { "pipelineForecast", "PIPELINE_PROGNOSE" },
        { "stageConversion", "PHASEN_KONVERSION" },
        { "leadsNeeded", "BEN\xc3\x96TIGTE_LEADS" },
        { "leadScore", "LEAD_BEWERTUNG" },
        { "salesVelocity", "VERTRIEBSGESCHWINDIGKEIT" },
        { "stageDuration", "PHASEN_DAUER" },
        { "productFit", "PRODUKT_EIGNUNG" },
    };
    g_assert_cmpint(G_N_ELEMENTS(NAMES), ==, fn_count);
    Xcu x;
    xcu_open(&x);
    for (gsize i = 0; i < G_N_ELEMENTS(NAMES); i++) {
        g_assert_nonnull(fn_find(NAMES[i].method));
        assert_xcu_text(&x, NAMES[i].method, NULL, "DisplayName", "de", NAMES[i].german);
    }
    xcu_close(&x);
}

/* every function and parameter, in English and in the language of every catalogue */
static void generated_xcu_has_every_row(void)
{
    Xcu x;
    xcu_open(&x);
    guint languages = 0;
    for (const TxCatalog *c = TX_CATALOGS; c->language; c++, languages++) {
        tx_set_language(c->language);
        for (int i = 0; i < fn_count; i++) {
            const FnInfo *fn = &fn_table[i];
            assert_xcu_text(&x, fn->method, NULL, "DisplayName", "en-US", fn->name_en);
            assert_xcu_text(&x, fn->method, NULL, "Description", "en-US", fn->help_en);
            /* the name Calc writes into .xls/.xlsx: the English one (tests/calc/test_excel.py) */
            assert_xcu_text(&x, fn->method, NULL, "CompatibilityName", "en-US", fn->name_en);
            assert_xcu_text(&x, fn->method, NULL, "DisplayName", c->language, _(fn->name_en));
            assert_xcu_text(&x, fn->method, NULL, "Description", c->language, _(fn->help_en));
            for (int p = 0; p < fn->n_params; p++) {
                const FnParam *param = &fn->params[p];
                assert_xcu_text(&x, fn->method, param->name, "DisplayName", "en-US", param->name_en);
                assert_xcu_text(&x, fn->method, param->name, "Description", "en-US", param->help_en);
                assert_xcu_text(&x, fn->method, param->name, "DisplayName", c->language, _(param->name_en));
                assert_xcu_text(&x, fn->method, param->name, "Description", c->language, _(param->help_en));
            }
            assert_xcu_text(&x, fn->method, NULL, "DisplayName", "xx", NULL);
        }
    }
    g_assert_cmpuint(languages, >=, 1);
    tx_set_language("en");
    xcu_close(&x);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/functions/table/every-idl-method-has-a-row", every_idl_method_has_a_row);
    g_test_add_func("/functions/table/every-row-has-an-idl-method", every_row_has_an_idl_method);
    g_test_add_func("/functions/table/optional-exactly-when-any", optional_exactly_when_any);
    g_test_add_func("/functions/table/every-text-is-present", every_text_is_present);
    g_test_add_func("/functions/table/every-help-fits-the-wizard", every_help_fits_the_wizard);
    g_test_add_func("/functions/table/generated-xcu-has-every-row", generated_xcu_has_every_row);
    g_test_add_func("/functions/table/german-function-names", german_function_names);
    int rc = g_test_run();
    tx_use_catalogs(NULL);
    return rc;
}
