/* tx_text.h - the office's user interface language, and numbers and role names in it.
 *
 * The language follows the office's user interface (/org.openoffice.Setup/L10N/ooLocale,
 * read once by tx_text_init, which sets tx.h's language); the texts themselves are tx.h's. */
#ifndef TX_TEXT_H
#define TX_TEXT_H

#include "cu_sdk.h"
#include "pc_roles.h"
#include "tx.h"


/* Read the user interface language from CONTEXT's configuration (once per process). */
void tx_text_init(uno_Interface *context);

/* TRUE when the user interface is German. */
gboolean tx_text_german(void);

/* V with DECIMALS (0-6) decimals as the user interface language writes numbers:
 * "7,900.00" / "7.900,00", whatever the process's C locale (g_free). Magnitudes from 1e15
 * and non-finite values in %g style, without grouping. */
char *tx_text_number(double v, int decimals);

/* The name of a column role in the user interface language. */
const char *tx_role_name(PcRole role);

/* The label of ROLE's list box in the panel ("Close date:"). */
const char *tx_role_label(PcRole role);

#endif
