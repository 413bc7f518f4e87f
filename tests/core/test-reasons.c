/* test-reasons.c - the core's reasons in the user's language: the core with the add-in's
 * translators (tx, tx_n from addin/text, looking texts up in po/<lang>.po) installed, as
 * the library installs them when it loads (component.c).
 *
 * What po tools check is not repeated here: msgfmt --check-format (`make test-texts`)
 * proves that every translation takes its English's printf arguments, and xgettext with
 * the completeness checks of the same suite that every pc_fail / pc_fail_n message and
 * every argument name the core quotes has a translation. This test checks what those
 * tools cannot know: the data checks cut a leading "row N: " from a reason (pc_checks.c),
 * so a translation keeps exactly that shape, and quoted user values stay quoted; and that
 * the core, with the hooks installed, really speaks the chosen language.
 *
 * Built by its own Makefile rule, with tx.c and the generated catalogue.
 */
#include "pc_forecast.h"
#include "pc_score.h"
#include "pc_stage.h"
#include "pc_status.h"
#include "tx.h"
#include "tx_catalog.h"

#include <string.h>

/* TRUE when FMT starts with a row prefix as the data checks cut it: one word, a space, one
 * integer conversion, ": " ("row %zu: ", "Zeile %zu: "). */
static gboolean row_prefixed(const char *fmt)
{
    return g_regex_match_simple("^[^ :%]+ %[-+ #0]*[0-9]*[hlLqjzZt]*[diu]: ", fmt, 0, 0);
}

static guint quotes(const char *s)
{
    guint n = 0;
    for (; *s; s++)
        n += *s == '"';
    return n;
}

static void reasons_row_prefix_shape(void)
{
    g_assert_true(row_prefixed("row %zu: x"));
    g_assert_true(row_prefixed("Zeile %zu: x"));
    g_assert_false(row_prefixed("row %zu of the stage table"));
    g_assert_false(row_prefixed("StageOrder: \"%s\""));
    g_assert_false(row_prefixed("%s row %zu holds"));
}

/* in every catalogue, every form of every translation: a row prefix stays one (and nothing
 * else becomes one), quoted values stay quoted; German rows are "Zeile" rows */
static void reasons_keep_quotes_and_row_prefixes(void)
{
    guint checked = 0;
    for (const TxCatalog *c = TX_CATALOGS; c->language; c++) {
        for (gsize i = 0; i < c->n_entries; i++) {
            const TxEntry *e = &c->entries[i];
            for (guint f = 0; f < TX_MAX_PLURALS && e->msgstr[f]; f++) {
                const char *english = f == 0 || !e->msgid_plural ? e->msgid : e->msgid_plural;
                const char *t = e->msgstr[f];
                g_test_message("%s: %s", c->language, t);
                g_assert_cmpuint(quotes(t), ==, quotes(english));
                g_assert_cmpint(row_prefixed(t), ==, row_prefixed(english));
                if (g_str_has_prefix(english, "row %") && g_str_has_prefix(c->language, "de"))
                    g_assert_true(g_str_has_prefix(t, "Zeile %"));
                checked++;
            }
        }
    }
    g_assert_cmpuint(checked, >, 200);
}

static void install(void)
{
    pc_status_set_translate(tx);
    pc_status_set_translate_plural(tx_n);
}

static void uninstall(void)
{
    pc_status_set_translate(NULL);
    pc_status_set_translate_plural(NULL);
    tx_set_language("en");
}

/* PIPELINE_FORECAST over two deals, the second's probability given as PROB2 */
typedef struct {
    PcTable *amounts, *stages, *probs, *percentile;
    PcForecastArgs args;
} Deals;

static void deals_init(Deals *d, double prob2)
{
    d->amounts = pc_table_new(2, 1);
    d->stages = pc_table_new(2, 1);
    d->probs = pc_table_new(2, 1);
    d->percentile = NULL;
    pc_table_set_number(d->amounts, 0, 0, 100);
    pc_table_set_number(d->amounts, 1, 0, 200);
    pc_table_set_text(d->stages, 0, 0, "Lead", -1);
    pc_table_set_text(d->stages, 1, 0, "Pilot", -1);
    pc_table_set_number(d->probs, 0, 0, 0.1);
    pc_table_set_number(d->probs, 1, 0, prob2);
    d->args = (PcForecastArgs){ .amounts = d->amounts, .stages = d->stages, .probabilities = d->probs };
}

static void deals_clear(Deals *d)
{
    pc_table_free(d->amounts);
    pc_table_free(d->stages);
    pc_table_free(d->probs);
    pc_table_free(d->percentile);
}

static const char *forecast_reason(Deals *d, PcStatus expect, PcError *err)
{
    double r;
    pc_error_clear(err);
    g_assert_cmpint(pc_pipeline_forecast(&d->args, &r, err), ==, expect);
    return err->message;
}

/* the language follows tx_set_language, with the hooks installed once */
static void reasons_follow_the_language(void)
{
    install();
    Deals d;
    deals_init(&d, 25);
    PcError err;
    g_assert_cmpstr(forecast_reason(&d, PC_ERR_NUM, &err), ==,
                    "row 2: 25 is not a probability in 0-1; type 25%");
    g_assert_cmpstr(tx_set_language("de-CH"), ==, "de");
    g_assert_cmpstr(forecast_reason(&d, PC_ERR_NUM, &err), ==,
                    "Zeile 2: 25 ist keine Wahrscheinlichkeit zwischen 0 und 1; geben Sie 25 % ein");
    g_assert_cmpstr(tx_set_language("fr-FR"), ==, "en"); /* no French: English */
    g_assert_cmpstr(forecast_reason(&d, PC_ERR_NUM, &err), ==,
                    "row 2: 25 is not a probability in 0-1; type 25%");
    deals_clear(&d);
    uninstall();
}

/* real functions give German sentences, argument names as the German wizard names them */
static void reasons_core_speaks_german(void)
{
    install();
    tx_set_language("de");
    Deals d;
    deals_init(&d, 0.25);
    d.percentile = pc_table_new(1, 1);
    pc_table_set_text(d.percentile, 0, 0, "P90", -1);
    d.args.percentile = d.percentile;
    PcError err;
    g_assert_cmpstr(forecast_reason(&d, PC_ERR_VALUE, &err), ==, "Perzentil: \"P90\" ist keine Zahl");
    deals_clear(&d);
    /* STAGE_CONVERSION: two quoted values in their order */
    PcTable *order = pc_table_new(2, 1);
    pc_table_set_text(order, 0, 0, "Lead", -1);
    pc_table_set_text(order, 1, 0, "Won", -1);
    double r;
    pc_error_clear(&err);
    g_assert_cmpint(pc_stage_conversion(order, "Won", "Lead", order, NULL, &r, &err), ==, PC_ERR_ARG);
    g_assert_cmpstr(err.message, ==, "BisPhase \"Lead\" kommt in Phasenfolge vor VonPhase \"Won\"");
    tx_set_language("en");
    pc_error_clear(&err);
    g_assert_cmpint(pc_stage_conversion(order, "Won", "Lead", order, NULL, &r, &err), ==, PC_ERR_ARG);
    g_assert_cmpstr(err.message, ==, "ToStage \"Lead\" comes before FromStage \"Won\" in StageOrder");
    pc_table_free(order);
    uninstall();
}

/* Stages of length STAGES beside AMOUNTS amounts: the reason of the shape check */
static char *stages_reason(gsize amounts, gsize stages)
{
    PcTable *a = pc_table_new(amounts, 1), *s = pc_table_new(stages, 1), *p = pc_table_new(amounts, 1);
    for (gsize i = 0; i < amounts; i++) {
        pc_table_set_number(a, i, 0, 100);
        pc_table_set_number(p, i, 0, 0.5);
    }
    for (gsize i = 0; i < stages; i++)
        pc_table_set_text(s, i, 0, "Lead", -1);
    PcForecastArgs args = { .amounts = a, .stages = s, .probabilities = p };
    PcError err;
    double r;
    pc_error_clear(&err);
    g_assert_cmpint(pc_pipeline_forecast(&args, &r, &err), ==, PC_ERR_ARG);
    pc_table_free(a);
    pc_table_free(s);
    pc_table_free(p);
    return g_strdup(err.message);
}

/* counted reasons (pc_fail_n): "1 cell", "3 cells" in English with or without the hooks,
 * "1 Zelle", "3 Zellen" in German */
static void reasons_plural_forms(void)
{
    char *m = stages_reason(1, 2);
    g_assert_cmpstr(m, ==, "Stages must be one column or row as long as Amounts (1 cell)");
    g_free(m);
    install();
    m = stages_reason(3, 2);
    g_assert_cmpstr(m, ==, "Stages must be one column or row as long as Amounts (3 cells)");
    g_free(m);
    tx_set_language("de");
    m = stages_reason(1, 2);
    g_assert_cmpstr(m, ==, "Phasen müssen eine Spalte oder Zeile so lang wie Beträge sein (1 Zelle)");
    g_free(m);
    m = stages_reason(3, 2);
    g_assert_cmpstr(m, ==, "Phasen müssen eine Spalte oder Zeile so lang wie Beträge sein (3 Zellen)");
    g_free(m);
    /* LEAD_SCORE: one lead column against two history columns */
    PcTable *leads = pc_table_new(2, 1), *history = pc_table_new(2, 2), *outcomes = pc_table_new(2, 1);
    pc_table_set_text(leads, 0, 0, "Web", -1);
    pc_table_set_text(leads, 1, 0, "Fair", -1);
    double *scores = NULL;
    gsize n = 0;
    PcError err;
    pc_error_clear(&err);
    g_assert_cmpint(pc_lead_score(leads, history, outcomes, NULL, &scores, &n, &err), ==, PC_ERR_ARG);
    g_assert_cmpstr(err.message, ==, "Leads hat 1 Spalte, Verlauf aber 2");
    g_assert_null(scores);
    pc_table_free(leads);
    pc_table_free(history);
    pc_table_free(outcomes);
    uninstall();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/core/reasons/row-prefix-shape", reasons_row_prefix_shape);
    g_test_add_func("/core/reasons/keep-quotes-and-row-prefixes", reasons_keep_quotes_and_row_prefixes);
    g_test_add_func("/core/reasons/follow-the-language", reasons_follow_the_language);
    g_test_add_func("/core/reasons/core-speaks-german", reasons_core_speaks_german);
    g_test_add_func("/core/reasons/plural-forms", reasons_plural_forms);
    int rc = g_test_run();
    tx_use_catalogs(NULL); /* frees what the languages loaded */
    return rc;
}
