/* tx.c - looking texts up in the generated catalogues (see tx.h). */
#include "tx.h"

#include "tx_catalog.h"

#include <string.h>

static const TxCatalog *current;          /* NULL: English */
static GHashTable *index_of;              /* msgid -> TxEntry of CURRENT */

static const TxCatalog *catalog_for(const char *tag)
{
    for (const TxCatalog *c = TX_CATALOGS; c->language; c++)
        if (g_ascii_strcasecmp(c->language, tag) == 0)
            return c;
    return NULL;
}

const char *tx_set_language(const char *tag)
{
    char *want = g_strdelimit(g_strdup(tag ? tag : ""), "_", '-');
    const TxCatalog *c = NULL;
    while (*want && !(c = catalog_for(want))) { /* de-CH-1996 -> de-CH -> de */
        char *dash = strrchr(want, '-');
        if (!dash)
            break;
        *dash = 0;
    }
    g_free(want);
    if (c != current) {
        if (index_of)
            g_hash_table_destroy(index_of);
        index_of = NULL;
        current = c;
        if (c) {
            index_of = g_hash_table_new(g_str_hash, g_str_equal);
            for (gsize i = 0; i < c->n_entries; i++)
                g_hash_table_insert(index_of, (gpointer)c->entries[i].msgid, (gpointer)&c->entries[i]);
        }
    }
    return current ? current->language : "en";
}

const char *tx_language(void)
{
    return current ? current->language : "en";
}

static const TxEntry *lookup(const char *msgid)
{
    return index_of && msgid ? g_hash_table_lookup(index_of, msgid) : NULL;
}

const char *tx(const char *msgid)
{
    const TxEntry *e = lookup(msgid);
    return e && e->msgstr[0] && *e->msgstr[0] ? e->msgstr[0] : msgid;
}

/* The index of the plural form for N. Every catalogue so far says
 * "nplurals=2; plural=(n != 1);" (English's rule too). */
static guint plural_index(gulong n)
{
    return n != 1;
}

const char *tx_n(const char *singular, const char *plural, gulong n)
{
    const TxEntry *e = lookup(singular);
    guint i = plural_index(n);
    if (e && e->msgid_plural && i < TX_MAX_PLURALS && e->msgstr[i] && *e->msgstr[i])
        return e->msgstr[i];
    return n == 1 ? singular : plural;
}
