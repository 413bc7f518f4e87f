/* tx.h - every text Pipecalc shows, looked up by its English source string.
 *
 * The code says _("Forecast written to sheet %s") (N_() where only marking is wanted, in
 * tables) and tx_n(singular, plural, n) for counted things. The translations live in
 * po/<lang>.po (the template po/pipecalc.pot is extracted from these calls); the build
 * turns them into C tables (build/po2c.py), so no file is read at run time and the
 * language follows the office's user interface, not the process's locale (which libintl
 * would use). The compiler checks every printf format against its English source
 * (format_arg); msgfmt --check-format checks each translation against it. */
#ifndef TX_H
#define TX_H

#include <glib.h>

/* MSGID in the current language; MSGID itself when there is no translation. */
const char *tx(const char *msgid) G_GNUC_FORMAT(1);

/* The form of SINGULAR / PLURAL for N in the current language (its Plural-Forms rule). */
const char *tx_n(const char *singular, const char *plural, gulong n)
    G_GNUC_FORMAT(1) G_GNUC_FORMAT(2);

#define _(msgid) tx(msgid)
#define N_(msgid) (msgid)

/* Choose the language for a BCP 47 tag such as "de-CH": the catalogue of "de-CH", else of
 * "de", else English. Returns the tag of the catalogue chosen ("en" for English). */
const char *tx_set_language(const char *tag);

/* The language chosen ("en" until tx_set_language). */
const char *tx_language(void);

#endif
