/* tx_reasons.h - the core's error messages in the user interface's language.
 *
 * The core (addin/core) writes its reasons in English, through pc_fail() formats and the
 * argument names they quote. The sidebar shows them to the manager (Explain, Data checks,
 * failed Score / Forecast / Funnel), so a German user interface gets them in German: a
 * catalogue English -> German (tx_reasons_de.c), installed into the core as its translator
 * (pc_status_set_translate) when the library loads. The core stays free of UNO and of the
 * sidebar. (The add-in functions answer Calc error values, which carry no message.)
 *
 * Every German format consumes exactly the printf arguments of its English one, in the same
 * order: tests/core/test-reasons.c checks each entry, and that every format the sources pass
 * to pc_fail has one.
 */
#ifndef TX_REASONS_H
#define TX_REASONS_H

#include <glib.h>

typedef struct {
    const char *en; /* as the sources write it: a pc_fail format or an argument name */
    const char *de;
} TxReason;

/* The German catalogue: *N entries (for the tests). */
const TxReason *tx_reasons_de(gsize *n);

/* ENGLISH's German translation, or NULL when the catalogue has none. */
const char *tx_reasons_german(const char *english);

/* The core's translator (a PcTranslate): the German of ENGLISH when the user interface is
 * German (tx_text_german) and the catalogue has one, else ENGLISH. */
const char *tx_reasons_translate(const char *english);

/* Install tx_reasons_translate into the core (idempotent; called when the library loads). */
void tx_reasons_install(void);

#endif
