/* cc_locale.h - the office's Locale setting: how Calc reads typed input and writes numbers.
 *
 * Calc reads what is typed into a cell, and shows numbers, by the office's Locale setting
 * (Tools > Options > Language Settings > Languages; /org.openoffice.Setup/L10N/
 * ooSetupSystemLocale), not by the user interface language: an English office in Zurich
 * or Vienna reads "1,5" as its locale does. An empty setting means the system's locale:
 * the office process's LC_ALL, LC_CTYPE or LANG, as LibreOffice reads them. That is what
 * "the locale" means for every text the panel reads or shows.
 *
 * cc_locale_init reads the setting once per process and installs its decimal and
 * thousands separators for tx_text_number. The parsers hand the text to LibreOffice's own
 * scanner (com.sun.star.util.NumberFormatter over the document's number formats), so a
 * text means what it means typed into a cell of that document: "1,5" is 1.5 under a
 * German locale and no number under an English one, "25%" is 0.25, and a date is the
 * document's serial of that day (its null date), ISO 8601 (2026-01-15) in every locale. */
#ifndef CC_LOCALE_H
#define CC_LOCALE_H

#include "cu_sdk.h"
#include <glib.h>

/* Read the Locale setting through CONTEXT (a component context, kept for the parsers)
 * once per process; later calls do nothing. */
void cc_locale_init(uno_Interface *context);

/* The Locale setting as a language tag ("de-CH"); "en-US" before cc_locale_init. */
const char *cc_locale_tag(void);

/* TEXT (UTF-8; blanks around it do not count) as a number typed into a cell of MODEL (a
 * Calc document's XModel) into *VALUE: plain, percent, currency, scientific or a
 * fraction. FALSE when Calc would not take it for one of those in the locale (text, a
 * date or time, TRUE), or before cc_locale_init. */
gboolean cc_locale_parse_number(uno_Interface *model, const char *text, double *value);

/* TEXT as a date typed into a cell of MODEL into *SERIAL: the document's serial of that
 * day (a time of day dropped). FALSE when Calc would not take it for a date. */
gboolean cc_locale_parse_date(uno_Interface *model, const char *text, double *serial);

#endif
