/* pc_text.h - how names typed by people are compared, and the shared outcome vocabulary.
 *
 * Stage names, categorical values and outcome words match after NFC normalisation,
 * trimming Unicode white space (the no-break space of CRM exports included) and
 * g_utf8_casefold: "Qualifiziert" = "qualifiziert\u00a0", "ÄRZTE" = "ärzte".
 */
#ifndef PC_TEXT_H
#define PC_TEXT_H

#include "pc_table.h"

/* Return the comparison key of UTF8 (NUL-terminated), newly allocated (g_free). A text
 * that is only white space gives "". */
char *pc_text_key(const char *utf8);

/* TRUE when UTF-8 S holds nothing but white space (as pc_text_key trims it): such a cell
 * looks empty to the user and the functions read it as empty. */
gboolean pc_text_is_space(const char *s);

/* The keys of every distinct text of a table, computed once: keys[id] (owned by the
 * array). Free with g_ptr_array_unref. */
GPtrArray *pc_text_keys(const PcTable *t);

/* A key that tells cells apart as names do (a deal, a product, a value of a column): a
 * text's key from KEYS (pc_text_keys of its table), a number by its exact value (a key no
 * text has), NULL for an empty or error cell (g_free). */
char *pc_cell_key(const GPtrArray *keys, const PcCell *cell);

typedef enum { PC_OUTCOME_NONE = 0, PC_OUTCOME_WON, PC_OUTCOME_LOST } PcOutcome;

/* The outcome a cell states: won = 1, TRUE, "won", "gewonnen", "yes", "ja", "closed won",
 * "closedwon", "true", "wahr"; lost = 0, FALSE, "lost", "verloren", "no", "nein", "closed
 * lost", "closedlost", "false", "falsch". Anything else (blank, "open", 2) is NONE. KEYS
 * are the table's text keys (pc_text_keys). */
PcOutcome pc_outcome_of_cell(const PcTable *t, const GPtrArray *keys, const PcCell *cell);

/* The outcome a key (pc_text_key) states. */
PcOutcome pc_outcome_of_key(const char *key);

#endif
