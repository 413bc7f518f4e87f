/* test-texts.c - looking texts up (addin/text/tx.c): Plural-Forms rules of any language,
 * the language chain de-CH -> de -> English, plural forms from the catalogues, and the
 * catalogues the build generated from po/<lang>.po. */
#include "tx.h"
#include "tx_catalog.h"

#include <string.h>

/* ---- Plural-Forms rules ---- */

static TxPlurals *rule(const char *text)
{
    GError *error = NULL;
    TxPlurals *p = tx_plurals_new(text, &error);
    if (!p)
        g_error("%s", error->message);
    return p;
}

/* The forms of well-known languages, as C computes them (gettext's manual, "Plural forms"). */
static gulong english(gulong n) { return n != 1; }
static gulong french(gulong n) { return n > 1; }
static gulong polish(gulong n)
{
    return n == 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20) ? 1 : 2;
}
static gulong slovenian(gulong n)
{
    return n % 100 == 1 ? 0 : n % 100 == 2 ? 1 : n % 100 == 3 || n % 100 == 4 ? 2 : 3;
}
static gulong arabic(gulong n)
{
    return n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3
           : n % 100 >= 11 ? 4 : 5;
}
static gulong japanese(gulong n) { (void)n; return 0; }

static void texts_rules_of_languages(void)
{
    static const struct {
        const char *header;
        guint count;
        gulong (*expect)(gulong n);
    } LANGUAGES[] = {
        { "nplurals=2; plural=(n != 1);", 2, english },
        { "nplurals=2; plural=n>1;", 2, french },
        { "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
          3, polish },
        { " nplurals = 4 ; plural = (n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3) ",
          4, slovenian },
        { "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
          "n%100>=11 ? 4 : 5);", 6, arabic },
        { "nplurals=1; plural=0;", 1, japanese },
    };
    static const gulong BIG[] = { 1000000, 1000001, 1000002, 1000022, 1000112, G_MAXULONG,
                                  G_MAXULONG - 1 };
    for (gsize l = 0; l < G_N_ELEMENTS(LANGUAGES); l++) {
        g_test_message("%s", LANGUAGES[l].header);
        TxPlurals *p = rule(LANGUAGES[l].header);
        g_assert_cmpuint(tx_plurals_count(p), ==, LANGUAGES[l].count);
        for (gulong n = 0; n <= 1000; n++)
            g_assert_cmpuint(tx_plurals_index(p, n), ==, LANGUAGES[l].expect(n));
        for (gsize i = 0; i < G_N_ELEMENTS(BIG); i++)
            g_assert_cmpuint(tx_plurals_index(p, BIG[i]), ==, LANGUAGES[l].expect(BIG[i]));
        tx_plurals_free(p);
    }
}

/* Polish by hand, the way its speakers count: 1 plik, 2-4 pliki, 5-21 plików, 22 pliki */
static void texts_polish_by_hand(void)
{
    TxPlurals *p = rule("nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && "
                        "(n%100<10 || n%100>=20) ? 1 : 2);");
    static const gulong N[] = { 0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 102, 112, 122 };
    static const gulong FORM[] = { 2, 0, 1, 1, 2, 2, 2, 2, 2, 1, 2, 2, 1, 2, 1 };
    for (gsize i = 0; i < G_N_ELEMENTS(N); i++)
        g_assert_cmpuint(tx_plurals_index(p, N[i]), ==, FORM[i]);
    tx_plurals_free(p);
}

/* C's precedence, associativity and unsigned arithmetic */
static void texts_rule_operators(void)
{
    static const struct {
        const char *expr;
        gulong n, value;
    } CASES[] = {
        { "1 + 2 * 3", 0, 7 },          { "(1 + 2) * 3", 0, 9 },
        { "10 - 3 - 2", 0, 5 },         { "100 / 10 / 5", 0, 2 },
        { "17 % 5 * 2", 0, 4 },         { "n - 1", 0, G_MAXULONG },   /* wraps as in C */
        { "n / 0", 7, 0 },              { "n % 0", 7, 0 },            /* no trap */
        { "!n", 0, 1 },                 { "!n", 5, 0 },
        { "!!n", 5, 1 },                { "! (n == 3)", 3, 0 },
        { "1 < 2 == 1", 0, 1 },         { "2 > 1 > 0", 0, 1 },
        { "n <= 3 && n >= 3", 3, 1 },   { "n < 3 || n > 3", 3, 0 },
        { "0 && 1 / 0", 0, 0 },         { "1 || 1 / 0", 0, 1 },
        { "1 || 0 && 0", 0, 1 },        { "n != 1 == 1", 2, 1 },
        { "n ? 5 : 6", 0, 6 },          { "n ? 5 : 6", 1, 5 },
        { "n == 1 ? 0 : n == 2 ? 1 : 2", 2, 1 },
        { "n == 1 ? n == 1 ? 3 : 4 : 5", 1, 3 },
        { "(n > 1) + (n > 4)", 5, 2 },  { "007", 0, 7 },
        { "18446744073709551615", 0, G_MAXULONG },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(CASES); i++) {
        char *header = g_strdup_printf("nplurals=6; plural=%s;", CASES[i].expr);
        g_test_message("%s with n = %lu", CASES[i].expr, CASES[i].n);
        TxPlurals *p = rule(header);
        g_assert_cmpuint(tx_plurals_index(p, CASES[i].n), ==, CASES[i].value);
        tx_plurals_free(p);
        g_free(header);
    }
}

static void texts_rule_errors(void)
{
    static const char *const BAD[] = {
        NULL, "", "plural=n != 1;", "nplurals=2;", "nplurals=2; plural=;", "nplurals=x; plural=0;",
        "nplurals=0; plural=0;", "nplurals=7; plural=0;", "nplurals=2; plural=(n != 1;",
        "nplurals=2; plural=n != 1);", "nplurals=2; plural=n ? 1;", "nplurals=2; plural=n ! 1;",
        "nplurals=2; plural=n = 1;", "nplurals=2; plural=n | 1;", "nplurals=2; plural=-n;",
        "nplurals=2; plural=m;", "nplurals=2; plural=nn;", "nplurals=2; plural=n; extra",
        "nplurals=2; plural=99999999999999999999999;", "nplurals=2; plural=n != 1;;",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(BAD); i++) {
        GError *error = NULL;
        g_test_message("%s", BAD[i] ? BAD[i] : "(null)");
        g_assert_null(tx_plurals_new(BAD[i], &error));
        g_assert_error(error, TX_PLURALS_ERROR, 0);
        g_assert_nonnull(strstr(error->message, "Plural-Forms"));
        g_error_free(error);
    }
    /* nesting and length have limits far above any language's, and report them */
    GString *deep = g_string_new("nplurals=2; plural=");
    for (int i = 0; i < 200; i++)
        g_string_append_c(deep, '(');
    g_string_append_c(deep, 'n');
    for (int i = 0; i < 200; i++)
        g_string_append_c(deep, ')');
    GError *error = NULL;
    g_assert_null(tx_plurals_new(deep->str, &error));
    g_assert_nonnull(strstr(error->message, "nested too deeply"));
    g_clear_error(&error);
    g_string_assign(deep, "nplurals=2; plural=n");
    for (int i = 0; i < 2000; i++)
        g_string_append(deep, "+n");
    g_assert_null(tx_plurals_new(deep->str, &error));
    g_assert_nonnull(strstr(error->message, "too long"));
    g_clear_error(&error);
    g_string_free(deep, TRUE);
}

/* ---- languages and catalogues ---- */

static const TxEntry GERMAN[] = {
    { "Forecast", NULL, { "Prognose" } },
    { "Street", NULL, { "Straße" } },
    { "Only in German", NULL, { "Nur deutsch" } },
    { "Untranslated", NULL, { "" } },
    { "%zu deal", "%zu deals", { "%zu Deal", "%zu Deals" } },
    { "%zu row", "%zu rows", { "%zu Zeile", "" } },
};
static const TxEntry SWISS[] = {
    { "Street", NULL, { "Strasse" } },             /* Swiss German writes no ß */
    { "Forecast", NULL, { "" } },                  /* untranslated here: German's */
};
static const TxEntry POLISH[] = {
    { "%zu file", "%zu files", { "%zu plik", "%zu pliki", "%zu plik\xc3\xb3w" } },
    { "%zu row", "%zu rows", { "%zu wiersz", "%zu wiersze" } },  /* a form missing */
};
static const TxEntry FRENCH[] = {
    { "%zu deal", "%zu deals", { "%zu affaire", "%zu affaires" } },
};
static const TxCatalog FAKE[] = {
    { "de", "nplurals=2; plural=(n != 1);", GERMAN, G_N_ELEMENTS(GERMAN) },
    { "de-CH", "nplurals=2; plural=(n != 1);", SWISS, G_N_ELEMENTS(SWISS) },
    { "pl", "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
      POLISH, G_N_ELEMENTS(POLISH) },
    { "fr", "nplurals=2; plural=(n > 1);", FRENCH, G_N_ELEMENTS(FRENCH) },
    { NULL, NULL, NULL, 0 },
};

static void texts_language_chain(void)
{
    tx_use_catalogs(FAKE);
    g_assert_cmpstr(tx_language(), ==, "en");
    g_assert_cmpstr(_("Street"), ==, "Street");
    /* de-CH: its own texts, the rest from de, the rest English */
    g_assert_cmpstr(tx_set_language("de-CH"), ==, "de-CH");
    g_assert_cmpstr(_("Street"), ==, "Strasse");
    g_assert_cmpstr(_("Forecast"), ==, "Prognose");
    g_assert_cmpstr(_("Only in German"), ==, "Nur deutsch");
    g_assert_cmpstr(_("Untranslated"), ==, "Untranslated");
    g_assert_cmpstr(_("Not in any catalogue"), ==, "Not in any catalogue");
    /* the tag's spellings */
    static const struct {
        const char *tag, *language;
    } TAGS[] = {
        { "de", "de" },          { "DE-ch", "de-CH" },       { "de_CH", "de-CH" },
        { "de_CH.UTF-8", "de-CH" }, { "de_CH@euro", "de-CH" }, { "de-CH-1996", "de-CH" },
        { "de-AT", "de" },       { "de_AT.UTF-8", "de" },    { "de.UTF-8", "de" },
        { "pl-PL", "pl" },       { "fr-CA", "fr" },          { "en-GB", "en" },
        { "it", "en" },          { "C", "en" },              { "", "en" },
        { NULL, "en" },          { "-", "en" },              { "de-", "de" },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(TAGS); i++) {
        g_test_message("%s", TAGS[i].tag ? TAGS[i].tag : "(null)");
        g_assert_cmpstr(tx_set_language(TAGS[i].tag), ==, TAGS[i].language);
        g_assert_cmpstr(tx_language(), ==, TAGS[i].language);
    }
    /* de-AT has no catalogue: German, with ß */
    tx_set_language("de-AT");
    g_assert_cmpstr(_("Street"), ==, "Stra\xc3\x9f" "e");
    tx_set_language("it-IT");
    g_assert_cmpstr(_("Street"), ==, "Street");
    g_assert_null(tx(NULL));
    tx_use_catalogs(NULL);
}

static void texts_plural_forms_by_language(void)
{
    tx_use_catalogs(FAKE);
    /* English */
    g_assert_cmpstr(tx_n("%zu deal", "%zu deals", 1), ==, "%zu deal");
    g_assert_cmpstr(tx_n("%zu deal", "%zu deals", 0), ==, "%zu deals");
    g_assert_cmpstr(tx_n("%zu deal", "%zu deals", 2), ==, "%zu deals");
    /* German, through de-CH, which lacks the entry */
    tx_set_language("de-CH");
    g_assert_cmpstr(tx_n("%zu deal", "%zu deals", 1), ==, "%zu Deal");
    g_assert_cmpstr(tx_n("%zu deal", "%zu deals", 0), ==, "%zu Deals");
    g_assert_cmpstr(tx_n("%zu deal", "%zu deals", 7), ==, "%zu Deals");
    g_assert_cmpstr(tx_n("%zu row", "%zu rows", 1), ==, "%zu Zeile");
    g_assert_cmpstr(tx_n("%zu row", "%zu rows", 2), ==, "%zu rows"); /* an empty form: English */
    g_assert_cmpstr(tx_n("%zu new", "%zu new ones", 1), ==, "%zu new");
    g_assert_cmpstr(tx_n("%zu new", "%zu new ones", 3), ==, "%zu new ones");
    /* French: 0 is singular */
    tx_set_language("fr");
    g_assert_cmpstr(tx_n("%zu deal", "%zu deals", 0), ==, "%zu affaire");
    g_assert_cmpstr(tx_n("%zu deal", "%zu deals", 1), ==, "%zu affaire");
    g_assert_cmpstr(tx_n("%zu deal", "%zu deals", 2), ==, "%zu affaires");
    /* Polish: three forms, no code of its own */
    tx_set_language("pl");
    static const gulong N[] = { 1, 2, 4, 5, 12, 21, 22, 104, 111 };
    static const char *const FORM[] = { "%zu plik", "%zu pliki", "%zu pliki", "%zu plik\xc3\xb3w",
                                        "%zu plik\xc3\xb3w", "%zu plik\xc3\xb3w", "%zu pliki",
                                        "%zu pliki", "%zu plik\xc3\xb3w" };
    for (gsize i = 0; i < G_N_ELEMENTS(N); i++)
        g_assert_cmpstr(tx_n("%zu file", "%zu files", N[i]), ==, FORM[i]);
    /* the entry with two of the three forms: the third is English */
    g_assert_cmpstr(tx_n("%zu row", "%zu rows", 3), ==, "%zu wiersze");
    g_assert_cmpstr(tx_n("%zu row", "%zu rows", 5), ==, "%zu rows");
    /* tx() of a plural entry: its first form */
    g_assert_cmpstr(_("%zu file"), ==, "%zu plik");
    tx_use_catalogs(NULL);
}

/* a catalogue whose rule cannot be read still works, with English's rule */
static void texts_unreadable_rule(void)
{
    static const TxCatalog BROKEN[] = {
        { "de", "nplurals=2; plural=n !! 1;", GERMAN, G_N_ELEMENTS(GERMAN) },
        { NULL, NULL, NULL, 0 },
    };
    tx_use_catalogs(BROKEN);
    g_test_expect_message(G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*catalogue de: Plural-Forms*");
    g_assert_cmpstr(tx_set_language("de"), ==, "de");
    g_test_assert_expected_messages();
    g_assert_cmpstr(tx_n("%zu deal", "%zu deals", 1), ==, "%zu Deal");
    g_assert_cmpstr(tx_n("%zu deal", "%zu deals", 2), ==, "%zu Deals");
    tx_use_catalogs(NULL);
}

/* ---- the catalogues of po/<lang>.po ---- */

static void texts_shipped_catalogues(void)
{
    guint languages = 0;
    for (const TxCatalog *c = TX_CATALOGS; c->language; c++, languages++) {
        g_test_message("%s", c->language);
        TxPlurals *p = rule(c->plural_forms);
        guint forms = tx_plurals_count(p);
        /* the rule only answers forms the catalogue has */
        for (gulong n = 0; n <= 1000; n++)
            g_assert_cmpuint(tx_plurals_index(p, n), <, forms);
        for (gsize i = 0; i < c->n_entries; i++) {
            const TxEntry *e = &c->entries[i];
            g_assert_true(*e->msgid && g_utf8_validate(e->msgid, -1, NULL));
            guint given = 0;
            while (given < TX_MAX_PLURALS && e->msgstr[given]) {
                g_assert_true(*e->msgstr[given] && g_utf8_validate(e->msgstr[given], -1, NULL));
                given++;
            }
            g_assert_cmpuint(given, ==, e->msgid_plural ? forms : 1);
        }
        tx_plurals_free(p);
        /* each catalogue is found by its own tag */
        g_assert_cmpstr(tx_set_language(c->language), ==, c->language);
    }
    g_assert_cmpuint(languages, >=, 1);
    tx_set_language("en");
}

/* German as the sidebar and the wizard show it, from po/de.po */
static void texts_german(void)
{
    g_assert_cmpstr(tx_set_language("de-CH"), ==, "de");
    g_assert_cmpstr(_("Forecast"), ==, "Prognose");
    g_assert_cmpstr(_("PIPELINE_FORECAST"), ==, "PIPELINE_PROGNOSE");
    g_assert_cmpstr(_("LEADS_NEEDED"), ==, "BEN\xc3\x96TIGTE_LEADS");
    const char *one = "Table %s: %zu row, %zu open, %zu won, %zu lost.";
    const char *many = "Table %s: %zu rows, %zu open, %zu won, %zu lost.";
    g_assert_cmpstr(tx_n(one, many, 1), ==, "Tabelle %s: %zu Zeile, %zu offen, %zu gewonnen, %zu verloren.");
    g_assert_cmpstr(tx_n(one, many, 8), ==, "Tabelle %s: %zu Zeilen, %zu offen, %zu gewonnen, %zu verloren.");
    g_assert_cmpstr(tx_set_language("en-US"), ==, "en");
    g_assert_cmpstr(_("Forecast"), ==, "Forecast");
    g_assert_cmpstr(tx_n(one, many, 1), ==, one);
}

/* lookups on several threads while the language stays (the office's case) */
static gpointer look_up_many(gpointer data)
{
    (void)data;
    const char *one = "Table %s: %zu row, %zu open, %zu won, %zu lost.";
    const char *many = "Table %s: %zu rows, %zu open, %zu won, %zu lost.";
    for (int i = 0; i < 5000; i++) {
        const char *form = tx_n(one, many, (gulong)i % 3);
        if (strcmp(_("Forecast"), "Prognose") != 0 || !g_str_has_prefix(form, "Tabelle") ||
            (strstr(form, "Zeilen") != NULL) != (i % 3 != 1))
            return GINT_TO_POINTER(1);
    }
    return NULL;
}

static void texts_threads(void)
{
    tx_set_language("de");
    GThread *threads[4];
    for (int i = 0; i < 4; i++)
        threads[i] = g_thread_new("tx", look_up_many, NULL);
    for (int i = 0; i < 4; i++)
        g_assert_null(g_thread_join(threads[i]));
    tx_set_language("en");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/text/plurals/rules-of-languages", texts_rules_of_languages);
    g_test_add_func("/text/plurals/polish-by-hand", texts_polish_by_hand);
    g_test_add_func("/text/plurals/operators", texts_rule_operators);
    g_test_add_func("/text/plurals/errors", texts_rule_errors);
    g_test_add_func("/text/language/chain", texts_language_chain);
    g_test_add_func("/text/language/plural-forms", texts_plural_forms_by_language);
    g_test_add_func("/text/language/unreadable-rule", texts_unreadable_rule);
    g_test_add_func("/text/catalogues/shipped", texts_shipped_catalogues);
    g_test_add_func("/text/catalogues/german", texts_german);
    g_test_add_func("/text/catalogues/threads", texts_threads);
    int rc = g_test_run();
    tx_use_catalogs(NULL);
    return rc;
}
