/* tx_catalog.h - the translations as the build generates them from po/<lang>.po
 * (build/po2c.py writes build/out/gen/tx_catalog.c); read by tx.c, by build/gen-xcu.c
 * (which writes the function wizard's texts in every language) and by the tests. */
#ifndef TX_CATALOG_H
#define TX_CATALOG_H

#include <glib.h>

#define TX_MAX_PLURALS 6                  /* Arabic has 6; po2c.py checks it */

typedef struct {
    const char *msgid;
    const char *msgid_plural;              /* NULL for a text without plural forms */
    const char *msgstr[TX_MAX_PLURALS];    /* [0] only, without plural forms */
} TxEntry;

typedef struct {
    const char *language;                  /* "de", "de-CH": the po file's Language */
    const char *plural_forms;              /* its Plural-Forms header */
    const TxEntry *entries;
    gsize n_entries;
} TxCatalog;

/* Every catalogue, ended by one whose language is NULL. */
extern const TxCatalog TX_CATALOGS[];

/* For tests: choose from CATALOGS (ended like TX_CATALOGS) instead of TX_CATALOGS (NULL:
 * back to them), forgetting what was loaded; the language is English again. Not for a
 * running office: lookups on other threads must not run meanwhile. */
void tx_use_catalogs(const TxCatalog *catalogs);

#endif
