/* tx_text.h - the office's user interface language, role names in it, and numbers as the
 * office's Locale setting writes them.
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

/* How numbers are written: the decimal separator and the thousands separator (UTF-8, ""
 * for none), as the office's Locale setting has them (cc_locale). */
typedef struct {
    char decimal[8], thousands[8];
} TxSeparators;

/* V with DECIMALS (0-6) decimals and SEP's separators, grouped by thousands: "7,900.00",
 * "7.900,00", "7'900.00", whatever the process's C locale (g_free). Magnitudes from 1e15
 * and non-finite values in %g style, without grouping. No UNO: report code may call it
 * with the separators it was given. */
char *tx_number_format(double v, int decimals, const TxSeparators *sep);

/* tx_number_format with the separators of the office's Locale setting (Tools > Options >
 * Language Settings > Languages), as Calc shows numbers: the Calc layer installs them once
 * (cc_locale_init, through tx_text_set_separators); English ones before that. */
char *tx_text_number(double v, int decimals);

/* Install DECIMAL and THOUSANDS as tx_text_number's separators (cc_locale_init does). */
void tx_text_set_separators(const char *decimal, const char *thousands);

/* The name of a column role in the user interface language. */
const char *tx_role_name(PcRole role);

/* The label of ROLE's list box in the panel ("Close date:"). */
const char *tx_role_label(PcRole role);

/* ROLE's word in a roles text ("Stage=stage; Notes=none") in the user interface
 * language: in English the role's pc_role_id ("none" for PC_ROLE_IGNORED), in German
 * "Phase", "keine", ... What the panel's roles field is prefilled with. */
const char *tx_role_word(PcRole role);

/* The role WORD names (case ignored, blanks around it not counted): a pc_role_id,
 * "none", "(none)", or ROLE's word (tx_role_word) or name (tx_role_name) in English or in
 * any language of po/, whatever the user interface language; PC_N_ROLES when none. So a
 * roles text typed in German reads the same in an English office, and the other way. */
PcRole tx_role_of_word(const char *word);

/* The roles text's words (tx_role_word) of every role, "name, id, stage, ..., none", in
 * the user interface language (g_free). */
char *tx_role_words(void);

#endif
