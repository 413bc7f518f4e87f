/* tx_text.c - reading the UI language; numbers, error and role names in it. */
#include "tx_text.h"

#include "tx.h"
#include "tx_catalog.h"

#include "cu_service.h"

#include <math.h>
#include <string.h>

/* THE table of the roles' texts, one row per role: NAME as "Columns:" lists it and as a
 * header may name the column; WORD in a roles text (in English its pc_role_id, "none" for
 * not used); LABEL of its box in the panel (roles of one column only, else NULL). */
static const struct {
    const char *name, *word, *label;
} ROLES[PC_N_ROLES] = {
    [PC_ROLE_ATTRIBUTE] = { N_("scoring attribute"), N_("attribute"), NULL },
    [PC_ROLE_NAME] = { N_("deal name"), N_("name"), N_("Deal name:") },
    [PC_ROLE_ID] = { N_("ID (not used)"), N_("id"), NULL },
    [PC_ROLE_STAGE] = { N_("stage"), N_("stage"), N_("Stage:") },
    [PC_ROLE_AMOUNT] = { N_("amount"), N_("amount"), N_("Amount:") },
    [PC_ROLE_PROBABILITY] = { N_("probability"), N_("probability"), N_("Probability:") },
    [PC_ROLE_CLOSE_DATE] = { N_("close date"), N_("close date"), N_("Close date:") },
    [PC_ROLE_OWNER] = { N_("owner"), N_("owner"), N_("Owner:") },
    [PC_ROLE_OUTCOME] = { N_("outcome"), N_("outcome"), N_("Outcome:") },
    [PC_ROLE_CREATED] = { N_("created"), N_("created"), N_("Created:") },
    [PC_ROLE_CURRENCY] = { N_("currency"), N_("currency"), N_("Currency:") },
    [PC_ROLE_PRODUCT] = { N_("product"), N_("product"), N_("Product:") },
    [PC_ROLE_CATEGORY] = { N_("forecast category"), N_("category"), N_("Forecast category:") },
    [PC_ROLE_IGNORED] = { N_("not used"), N_("none"), NULL },
};

/* ooLocale from the configuration, "" when unset (then the office follows the system). */
static char *configured_locale(uno_Interface *context)
{
    char *locale = cu_config_string(context, "/org.openoffice.Setup/L10N", "ooLocale");
    return locale ? locale : g_strdup("");
}

void tx_text_init(uno_Interface *context)
{
    static gint done = 0; /* once per process: the office's UI language does not change */
    if (!context || !g_atomic_int_compare_and_exchange(&done, 0, 1))
        return;
    char *locale = configured_locale(context);
    tx_set_language(*locale ? locale : g_get_language_names()[0]);
    g_free(locale);
}

/* The separators tx_text_number writes: English until the Calc layer installs the
 * locale's (once; never freed, so a reader never sees them go). */
static const TxSeparators ENGLISH = { ".", "," };
static const TxSeparators *separators = &ENGLISH;

void tx_text_set_separators(const char *decimal, const char *thousands)
{
    TxSeparators *s = g_new0(TxSeparators, 1);
    g_strlcpy(s->decimal, decimal && *decimal ? decimal : ".", sizeof s->decimal);
    g_strlcpy(s->thousands, thousands ? thousands : "", sizeof s->thousands);
    g_atomic_pointer_set(&separators, s);
}

char *tx_number_format(double v, int decimals, const TxSeparators *sep)
{
    char raw[64];
    if (!isfinite(v) || fabs(v) >= 1e15)
        return g_strdup(g_ascii_formatd(raw, sizeof raw, "%.6g", v));
    static const char *const FORMATS[] = { "%.0f", "%.1f", "%.2f", "%.3f", "%.4f", "%.5f", "%.6f" };
    g_ascii_formatd(raw, sizeof raw, FORMATS[CLAMP(decimals, 0, 6)], v); /* '.', no grouping */
    if (raw[0] == '-' && strspn(raw + 1, "0.") == strlen(raw + 1))
        memmove(raw, raw + 1, strlen(raw)); /* -0.004 is "0.00", not "-0.00" */
    const char *digits = raw + (raw[0] == '-'), *point = strchr(digits, '.');
    gsize whole = point ? (gsize)(point - digits) : strlen(digits);
    GString *out = g_string_new(raw[0] == '-' ? "-" : "");
    for (gsize i = 0; i < whole; i++) {
        if (i && (whole - i) % 3 == 0)
            g_string_append(out, sep->thousands);
        g_string_append_c(out, digits[i]);
    }
    if (point) {
        g_string_append(out, sep->decimal);
        g_string_append(out, point + 1);
    }
    return g_string_free(out, FALSE);
}

char *tx_text_number(double v, int decimals)
{
    return tx_number_format(v, decimals, g_atomic_pointer_get(&separators));
}

const char *tx_role_name(PcRole role)
{
    return role < PC_N_ROLES ? _(ROLES[role].name) : "?";
}

const char *tx_role_label(PcRole role)
{
    return role < PC_N_ROLES && ROLES[role].label ? _(ROLES[role].label) : "?";
}

const char *tx_role_word(PcRole role)
{
    return role < PC_N_ROLES ? _(ROLES[role].word) : "?";
}

/* MSGID's translation in catalogue C, NULL when it has none. */
static const char *translated_in(const TxCatalog *c, const char *msgid)
{
    for (gsize i = 0; i < c->n_entries; i++)
        if (!c->entries[i].msgid_plural && strcmp(c->entries[i].msgid, msgid) == 0)
            return c->entries[i].msgstr[0] && *c->entries[i].msgstr[0] ? c->entries[i].msgstr[0] : NULL;
    return NULL;
}

/* TRUE when TEXT is KEY (case-folded) after case folding. */
static gboolean same_folded(const char *key, const char *text)
{
    char *folded = g_utf8_casefold(text, -1);
    gboolean same = strcmp(folded, key) == 0;
    g_free(folded);
    return same;
}

/* TRUE when KEY (case-folded) is MSGID or its translation in any catalogue, case aside. */
static gboolean names(const char *key, const char *msgid)
{
    if (same_folded(key, msgid))
        return TRUE;
    for (const TxCatalog *c = TX_CATALOGS; c->language; c++) {
        const char *t = translated_in(c, msgid);
        if (t && same_folded(key, t))
            return TRUE;
    }
    return FALSE;
}

PcRole tx_role_of_word(const char *word)
{
    char *w = g_strstrip(g_strdup(word ? word : ""));
    gsize n = strlen(w);
    if (n > 2 && w[0] == '(' && w[n - 1] == ')') { /* "(none)", "(keine)": as a list shows them */
        memmove(w, w + 1, n - 2);
        w[n - 2] = 0;
        g_strstrip(w);
    }
    PcRole r = pc_role_from_id(w);
    char *key = g_utf8_casefold(w, -1);
    for (int i = 0; i < PC_N_ROLES && r == PC_N_ROLES; i++)
        if (names(key, ROLES[i].word) || names(key, ROLES[i].name))
            r = (PcRole)i;
    g_free(key);
    g_free(w);
    return r;
}

char *tx_role_words(void)
{
    /* the order the panel's messages always listed them in */
    static const PcRole ORDER[] = { PC_ROLE_NAME, PC_ROLE_ID, PC_ROLE_STAGE, PC_ROLE_AMOUNT,
                                    PC_ROLE_PROBABILITY, PC_ROLE_CLOSE_DATE, PC_ROLE_OWNER,
                                    PC_ROLE_OUTCOME, PC_ROLE_CREATED, PC_ROLE_CURRENCY,
                                    PC_ROLE_PRODUCT, PC_ROLE_CATEGORY, PC_ROLE_ATTRIBUTE,
                                    PC_ROLE_IGNORED };
    GString *s = g_string_new(NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(ORDER); i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "", tx_role_word(ORDER[i]));
    return g_string_free(s, FALSE);
}
