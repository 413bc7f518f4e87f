/* test-status.c - the status table: each status's Calc error code and name, and the names
 * in every text catalogue (po/<lang>.po); pc_fail and the translation hook
 * (pc_status_set_translate): messages are formatted through the installed translator,
 * argument names too, the cut at the buffer's end stays valid UTF-8, and the data checks
 * cut a translated row prefix. The German catalogue of messages is tested in
 * test-reasons.c. */
#include "pc_checks.h"
#include "pc_forecast.h"
#include "pc_score.h"
#include "pc_stage.h"
#include "pc_status.h"
#include "pc_table.h"
#include "tx.h"
#include "tx_catalog.h"

#include <string.h>

/* What Calc does, independent of the table under test: FormulaError codes (LibreOffice's
 * include/formula/errorcodes.hxx) and the names an English and a German Calc show for them
 * (its formula symbols: for.po "#N/A" -> "#NV"; "Err:" -> "Fehler:" in sc.po). */
typedef struct {
    guint code;
    const char *en, *de;
} ShownError;

static const ShownError BY_STATUS[] = {
    [PC_OK] = { 0, "OK", "OK" },
    [PC_ERR_ARG] = { 502, "Err:502", "Fehler:502" },
    [PC_ERR_NA] = { 32767, "#N/A", "#NV" },
    [PC_ERR_VALUE] = { 519, "#VALUE!", "#WERT!" },
    [PC_ERR_NUM] = { 503, "#NUM!", "#ZAHL!" },
    [PC_ERR_DIV0] = { 532, "#DIV/0!", "#DIV/0!" },
    [PC_ERR_NOMEM] = { 502, "Err:502", "Fehler:502" }, /* IllegalArgument, as wrong shapes */
};
/* a list here per status: a status added to the enum fails to compile until it is listed */
G_STATIC_ASSERT(G_N_ELEMENTS(BY_STATUS) == PC_N_STATUS);

/* Calc's other named errors, which a cell calling our functions may show */
static const ShownError OTHERS[] = {
    { 521, "#NULL!", "#NULL!" },
    { 524, "#REF!", "#BEZUG!" },
    { 525, "#NAME?", "#NAME?" },
};

static void status_table_covers_the_enum(void)
{
    for (int st = PC_OK; st < PC_N_STATUS; st++) {
        g_assert_nonnull(pc_status_name(st));
        g_assert_cmpstr(pc_status_name(st), ==, BY_STATUS[st].en);
        g_assert_cmpuint(pc_status_calc_code(st), ==, BY_STATUS[st].code);
        if (st != PC_OK)
            g_assert_cmpuint(pc_status_calc_code(st), !=, 0);
    }
    /* outside the enum: no code, no name */
    g_assert_cmpuint(pc_status_calc_code(PC_N_STATUS), ==, 0);
    g_assert_cmpuint(pc_status_calc_code((PcStatus)-1), ==, 0);
    g_assert_cmpstr(pc_status_name(PC_N_STATUS), ==, "?");
    g_assert_cmpstr(pc_status_name((PcStatus)-1), ==, "?");
}

static void status_calc_error_names_by_code(void)
{
    for (int st = PC_OK + 1; st < PC_N_STATUS; st++)
        g_assert_cmpstr(pc_calc_error_name(BY_STATUS[st].code), ==, BY_STATUS[st].en);
    for (gsize i = 0; i < G_N_ELEMENTS(OTHERS); i++)
        g_assert_cmpstr(pc_calc_error_name(OTHERS[i].code), ==, OTHERS[i].en);
    /* no error, and the codes Calc shows as "Err:" and the number */
    static const guint PLAIN[] = { 0, 501, 504, 522, 539, 0x7ffe, 0x8000, 65535, 0x17fff };
    for (gsize i = 0; i < G_N_ELEMENTS(PLAIN); i++)
        g_assert_null(pc_calc_error_name(PLAIN[i]));
}

/* Every error name has its entry in every catalogue (a new language needs only its .po),
 * and German shows them as German Calc does */
static void status_names_in_every_catalogue(void)
{
    GPtrArray *names = g_ptr_array_new();
    for (int st = PC_OK + 1; st < PC_N_STATUS; st++)
        g_ptr_array_add(names, (gpointer)pc_status_name(st));
    for (gsize i = 0; i < G_N_ELEMENTS(OTHERS); i++)
        g_ptr_array_add(names, (gpointer)pc_calc_error_name(OTHERS[i].code));
    g_assert_nonnull(TX_CATALOGS[0].language);
    for (const TxCatalog *c = TX_CATALOGS; c->language; c++)
        for (guint i = 0; i < names->len; i++) {
            const char *name = g_ptr_array_index(names, i);
            gboolean found = FALSE;
            for (gsize e = 0; e < c->n_entries && !found; e++)
                found = strcmp(c->entries[e].msgid, name) == 0 && c->entries[e].msgstr[0] &&
                        *c->entries[e].msgstr[0];
            if (!found)
                g_error("po/%s.po has no translation of the error name \"%s\"", c->language, name);
        }
    g_ptr_array_unref(names);

    for (int de = 0; de < 2; de++) {
        tx_set_language(de ? "de-CH" : "en-US"); /* de-CH: the German catalogue */
        for (int st = PC_OK + 1; st < PC_N_STATUS; st++)
            g_assert_cmpstr(_(pc_status_name(st)), ==, de ? BY_STATUS[st].de : BY_STATUS[st].en);
        for (gsize i = 0; i < G_N_ELEMENTS(OTHERS); i++)
            g_assert_cmpstr(_(pc_calc_error_name(OTHERS[i].code)), ==,
                            de ? OTHERS[i].de : OTHERS[i].en);
    }
    tx_set_language("en");
}

/* A test translator: a few entries in a made-up language ("Zeile" rows, names in capitals),
 * everything else untranslated (NULL). */
static const char *const TEST_TABLE[][2] = {
    { "row %" G_GSIZE_FORMAT ": %g is not a probability in 0-1; type %g%%",
      "Zeile %" G_GSIZE_FORMAT ": %g ist keine Wahrscheinlichkeit; geben Sie %g %% ein" },
    { "%s: \"%s\" is not a number", "%s: \"%s\" ist keine Zahl" },
    { "%s row %zu holds an error value", "%s: Zeile %zu enthält einen Fehlerwert" },
    { "Percentile", "PERZENTIL" },
    { "History", "VERLAUF" },
    { "FromStage \"%s\" is not in StageOrder", "VonPhase \"%s\" fehlt in Phasenfolge: äöü" },
};

static const char *test_translate(const char *english)
{
    for (gsize i = 0; i < G_N_ELEMENTS(TEST_TABLE); i++)
        if (strcmp(english, TEST_TABLE[i][0]) == 0)
            return TEST_TABLE[i][1];
    return NULL;
}

static const char *echo_translate(const char *english)
{
    return english;
}

/* A stage table and one deal of Lead with probability P in the stage table. */
static PcStatus forecast_with(double p, const char *percentile_text, PcError *err)
{
    PcTable *amounts = pc_table_new(1, 1), *stages = pc_table_new(1, 1), *table = pc_table_new(2, 2);
    PcTable *pct = NULL;
    pc_table_set_number(amounts, 0, 0, 100);
    pc_table_set_text(stages, 0, 0, "Lead", -1);
    pc_table_set_text(table, 0, 0, "Won", -1);
    pc_table_set_number(table, 0, 1, 1);
    pc_table_set_text(table, 1, 0, "Lead", -1);
    pc_table_set_number(table, 1, 1, p);
    if (percentile_text) {
        pct = pc_table_new(1, 1);
        pc_table_set_text(pct, 0, 0, percentile_text, -1);
    }
    PcForecastArgs a = { .amounts = amounts, .stages = stages, .probabilities = table,
                         .percentile = pct };
    double r = 0;
    pc_error_clear(err);
    PcStatus s = pc_pipeline_forecast(&a, &r, err);
    pc_table_free(amounts);
    pc_table_free(stages);
    pc_table_free(table);
    pc_table_free(pct);
    return s;
}

static void status_english_without_translator(void)
{
    pc_status_set_translate(NULL);
    const char *s = "row %zu";
    g_assert_true(pc_status_translate(s) == s);
    g_assert_null(pc_status_translate(NULL));
    PcError err;
    g_assert_cmpint(forecast_with(25, NULL, &err), ==, PC_ERR_NUM);
    g_assert_cmpstr(err.message, ==, "row 2: 25 is not a probability in 0-1; type 25%");
    g_assert_cmpint(err.row, ==, 1);
}

static void status_translator_formats_the_message(void)
{
    pc_status_set_translate(test_translate);
    PcError err;
    g_assert_cmpint(forecast_with(25, NULL, &err), ==, PC_ERR_NUM);
    g_assert_cmpstr(err.message, ==, "Zeile 2: 25 ist keine Wahrscheinlichkeit; geben Sie 25 % ein");
    g_assert_cmpint(err.status, ==, PC_ERR_NUM); /* status, place: as in English */
    g_assert_cmpint(err.row, ==, 1);
    /* without an entry (NULL): English */
    g_assert_cmpint(forecast_with(150, NULL, &err), ==, PC_ERR_NUM);
    g_assert_cmpstr(err.message, ==, "row 2: 150 is not a probability in 0-1");
    /* a translator answering ENGLISH itself: English */
    pc_status_set_translate(echo_translate);
    g_assert_cmpint(forecast_with(25, NULL, &err), ==, PC_ERR_NUM);
    g_assert_cmpstr(err.message, ==, "row 2: 25 is not a probability in 0-1; type 25%");
    /* removed again */
    pc_status_set_translate(NULL);
    g_assert_cmpint(forecast_with(25, NULL, &err), ==, PC_ERR_NUM);
    g_assert_cmpstr(err.message, ==, "row 2: 25 is not a probability in 0-1; type 25%");
}

/* the argument names a message quotes through "%s" are translated too */
static void status_translator_names_arguments(void)
{
    pc_status_set_translate(test_translate);
    PcError err;
    g_assert_cmpint(forecast_with(0.5, "P90", &err), ==, PC_ERR_VALUE);
    g_assert_cmpstr(err.message, ==, "PERZENTIL: \"P90\" ist keine Zahl");
    /* LEAD_SCORE: an error value in History, named in the table's language */
    PcTable *leads = pc_table_new(1, 1), *history = pc_table_new(2, 1), *outcomes = pc_table_new(2, 1);
    pc_table_set_text(leads, 0, 0, "Web", -1);
    pc_table_set_text(history, 0, 0, "Web", -1);
    pc_table_set_error(history, 1, 0, 504);
    pc_table_set_text(outcomes, 0, 0, "won", -1);
    pc_table_set_text(outcomes, 1, 0, "lost", -1);
    double *scores = NULL;
    gsize n = 0;
    pc_error_clear(&err);
    g_assert_cmpint(pc_lead_score(leads, history, outcomes, NULL, &scores, &n, &err), ==,
                    PC_ERR_VALUE);
    g_assert_null(scores);
    g_assert_cmpstr(err.message, ==, "VERLAUF: Zeile 2 enthält einen Fehlerwert");
    pc_status_set_translate(NULL);
    pc_error_clear(&err);
    g_assert_cmpint(pc_lead_score(leads, history, outcomes, NULL, &scores, &n, &err), ==,
                    PC_ERR_VALUE);
    g_assert_cmpstr(err.message, ==, "History row 2 holds an error value");
    pc_table_free(leads);
    pc_table_free(history);
    pc_table_free(outcomes);
}

/* a translation that runs past the buffer is still cut at a character boundary */
static void status_translated_cut_keeps_utf8(void)
{
    pc_status_set_translate(test_translate);
    PcTable *order = pc_table_new(2, 1), *data = pc_table_new(1, 1);
    pc_table_set_text(order, 0, 0, "Lead", -1);
    pc_table_set_text(order, 1, 0, "Won", -1);
    pc_table_set_text(data, 0, 0, "Lead", -1);
    /* "VonPhase \"" (10 bytes) + name + "\" fehlt in Phasenfolge: äöü": with a name of
     * N ASCII bytes, the two-byte characters at the end cross the buffer's end */
    for (gsize pad = 190; pad < 210; pad++) {
        char *name = g_strnfill(pad, 'x');
        PcError err;
        double r = -1;
        pc_error_clear(&err);
        g_assert_cmpint(pc_stage_conversion(data, name, "Won", order, NULL, &r, &err), ==,
                        PC_ERR_NA);
        g_assert_true(g_utf8_validate(err.message, -1, NULL));
        g_assert_true(g_str_has_prefix(err.message, "VonPhase \"xxx"));
        g_assert_cmpuint(strlen(err.message), <, PC_ERROR_MESSAGE_MAX);
        g_free(name);
    }
    pc_status_set_translate(NULL);
    pc_table_free(order);
    pc_table_free(data);
}

/* Data checks name the sheet row themselves: they cut the translated row prefix as they
 * cut "row N: " */
static void status_checks_cut_translated_row_prefix(void)
{
    static const char *const CELLS[] = { "Deal", "Stage", "Amount", "Probability",
                                         "A", "Lead", NULL, NULL,
                                         "B", "Lead", NULL, NULL };
    for (int translated = 0; translated < 2; translated++) {
        pc_status_set_translate(translated ? test_translate : NULL);
        PcTable *t = pc_table_new(3, 4);
        for (gsize i = 0; i < G_N_ELEMENTS(CELLS); i++)
            if (CELLS[i])
                pc_table_set_text(t, i / 4, i % 4, CELLS[i], -1);
        pc_table_set_number(t, 1, 2, 100);
        pc_table_set_number(t, 1, 3, 0.5);
        pc_table_set_number(t, 2, 2, 200);
        pc_table_set_number(t, 2, 3, 25);
        PcRole roles[4] = { 0 }; /* pc_roles_detect keeps a column already ignored */
        pc_roles_detect(t, roles);
        PcChecksArgs a = { t, roles, 46050, NULL, 0 };
        GPtrArray *found = pc_checks_run(&a);
        const PcFinding *rejected = NULL;
        for (guint i = 0; i < found->len; i++) {
            const PcFinding *f = g_ptr_array_index(found, i);
            if (f->kind == PC_CHECK_REJECTED)
                rejected = f;
        }
        g_assert_nonnull(rejected);
        g_assert_cmpuint(rejected->rows->len, ==, 1);
        g_assert_cmpuint(g_array_index(rejected->rows, gsize, 0), ==, 2);
        g_assert_cmpstr(rejected->detail, ==,
                        translated ? "25 ist keine Wahrscheinlichkeit; geben Sie 25 % ein"
                                   : "25 is not a probability in 0-1; type 25%");
        g_ptr_array_unref(found);
        pc_table_free(t);
    }
    pc_status_set_translate(NULL);
}

/* pc_fail on several threads while the translator is installed */
static gpointer fail_many(gpointer data)
{
    (void)data;
    for (int i = 0; i < 2000; i++) {
        PcError err;
        pc_fail(&err, PC_ERR_NUM, 2, 4, "row %" G_GSIZE_FORMAT ": %g is not a probability in 0-1; type %g%%",
                (gsize)5, 25.0, 25.0);
        if (strcmp(err.message, "Zeile 5: 25 ist keine Wahrscheinlichkeit; geben Sie 25 % ein") != 0)
            return GINT_TO_POINTER(1);
    }
    return NULL;
}

static void status_translator_on_threads(void)
{
    pc_status_set_translate(test_translate);
    GThread *threads[4];
    for (int i = 0; i < 4; i++)
        threads[i] = g_thread_new("fail", fail_many, NULL);
    for (int i = 0; i < 4; i++)
        g_assert_null(g_thread_join(threads[i]));
    pc_status_set_translate(NULL);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/core/status/table-covers-the-enum", status_table_covers_the_enum);
    g_test_add_func("/core/status/calc-error-names-by-code", status_calc_error_names_by_code);
    g_test_add_func("/core/status/names-in-every-catalogue", status_names_in_every_catalogue);
    g_test_add_func("/core/status/english-without-translator", status_english_without_translator);
    g_test_add_func("/core/status/translator-formats-the-message", status_translator_formats_the_message);
    g_test_add_func("/core/status/translator-names-arguments", status_translator_names_arguments);
    g_test_add_func("/core/status/translated-cut-keeps-utf8", status_translated_cut_keeps_utf8);
    g_test_add_func("/core/status/checks-cut-translated-row-prefix",
                    status_checks_cut_translated_row_prefix);
    g_test_add_func("/core/status/translator-on-threads", status_translator_on_threads);
    return g_test_run();
}
