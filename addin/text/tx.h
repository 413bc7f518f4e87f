/* tx.h - every text Pipecalc shows, looked up by its English source string.
 *
 * The code says _("Forecast written to sheet %s") (N_() where only marking is wanted, in
 * tables) and tx_n(singular, plural, n) for counted things. The translations live in
 * po/<lang>.po (the template po/pipecalc.pot is extracted from these calls by `make pot`);
 * the build turns them into C tables (build/po2c.py), so no file is read at run time and
 * the language follows the office's user interface, not the process's locale (which
 * libintl would use). The compiler checks every printf format against its English source
 * (format_arg); msgfmt --check-format checks each translation against it.
 *
 * Lookups may run on any thread; tx_set_language is called once, when the library loads
 * (and by tests and tools). */
#ifndef TX_H
#define TX_H

#include <glib.h>

/* MSGID in the current language; MSGID itself when there is no translation. */
const char *tx(const char *msgid) G_GNUC_FORMAT(1);

/* The form of SINGULAR / PLURAL for N in the current language (its Plural-Forms rule);
 * English's (N == 1: SINGULAR) when there is no translation. */
const char *tx_n(const char *singular, const char *plural, gulong n)
    G_GNUC_FORMAT(1) G_GNUC_FORMAT(2);

#define _(msgid) tx(msgid)
#define N_(msgid) (msgid)

/* Choose the language for a BCP 47 tag such as "de-CH" (POSIX spellings such as
 * "de_CH.UTF-8" too): texts come from the catalogue of "de-CH", those it lacks from "de",
 * the rest stay English. Returns the tag of the first catalogue found ("en": none). */
const char *tx_set_language(const char *tag);

/* The language chosen ("en" until tx_set_language). */
const char *tx_language(void);

/* ---- Plural-Forms rules ("nplurals=3; plural=(n==1 ? 0 : ...);" of a po header) ---- */

typedef struct TxPlurals TxPlurals;

#define TX_PLURALS_ERROR (tx_plurals_error_quark())
GQuark tx_plurals_error_quark(void);

/* Parse a Plural-Forms header: "nplurals=N; plural=EXPR;" where EXPR is C's expression
 * language over the count n: integer literals, ! * / % + - < <= > >= == != && || ?: and
 * parentheses, with C's precedence, in unsigned arithmetic. NULL with ERROR set when
 * RULE is not such a header. */
TxPlurals *tx_plurals_new(const char *rule, GError **error);

/* The number of forms (nplurals). */
guint tx_plurals_count(const TxPlurals *p);

/* The form for N: EXPR's value (a division by zero gives 0; a rule may answer a value of
 * count or more, which tx_n treats as "no such form"). */
gulong tx_plurals_index(const TxPlurals *p, gulong n);

void tx_plurals_free(TxPlurals *p);

#endif
