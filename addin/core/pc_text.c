/* pc_text.c - comparison keys for names, and the outcome vocabulary. */
#include "pc_text.h"

#include <string.h>

/* The key of a pure-ASCII text: trimmed and lower-cased. NFC and case folding of ASCII
 * are exactly that, and most names are ASCII, so this skips three allocations. Returns
 * NULL when UTF8 holds a non-ASCII byte. */
static char *ascii_key(const char *utf8)
{
    const char *p = utf8;
    for (; *p; p++)
        if ((unsigned char)*p >= 0x80)
            return NULL;
    const char *start = utf8, *end = p;
    while (start < end && g_ascii_isspace(*start))
        start++;
    while (end > start && g_ascii_isspace(end[-1]))
        end--;
    char *key = g_strndup(start, (gsize)(end - start));
    for (char *k = key; *k; k++)
        *k = g_ascii_tolower(*k);
    return key;
}

/* Map Cherokee letters to their capitals, as Unicode's case folding does. GLib (2.74)
 * folds the small letters to capitals but the capitals to small letters (its fallback is
 * tolower), so "\u13AD" and "\uAB7D" would get different keys. Takes FOLDED, returns it
 * or a new string. */
static char *fold_cherokee(char *folded)
{
    const char *p = folded;
    for (; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if ((c >= 0x13A0 && c <= 0x13FD) || (c >= 0xAB70 && c <= 0xABBF))
            break;
    }
    if (!*p)
        return folded;
    GString *out = g_string_sized_new(strlen(folded));
    for (p = folded; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c >= 0xAB70 && c <= 0xABBF) /* small letters a-mv: capitals U+13A0.. */
            c = c - 0xAB70 + 0x13A0;
        else if (c >= 0x13F8 && c <= 0x13FD) /* small ye-mv: capitals U+13F0.. */
            c -= 8;
        g_string_append_unichar(out, c);
    }
    g_free(folded);
    return g_string_free(out, FALSE);
}

char *pc_text_key(const char *utf8)
{
    char *fast = ascii_key(utf8);
    if (fast)
        return fast;

    /* trim Unicode white space (g_unichar_isspace covers U+00A0 and the other Zs) */
    const char *start = utf8, *end = utf8 + strlen(utf8);
    while (start < end && g_unichar_isspace(g_utf8_get_char(start)))
        start = g_utf8_next_char(start);
    while (end > start) {
        const char *prev = g_utf8_prev_char(end);
        if (!g_unichar_isspace(g_utf8_get_char(prev)))
            break;
        end = prev;
    }
    /* NFC first so that decomposed and composed forms fold alike, then NFC again because
     * case folding can produce decomposed sequences (e.g. U+0130) */
    char *nfc = g_utf8_normalize(start, end - start, G_NORMALIZE_NFC);
    if (!nfc)
        return g_strdup("");
    char *folded = fold_cherokee(g_utf8_casefold(nfc, -1));
    g_free(nfc);
    char *key = g_utf8_normalize(folded, -1, G_NORMALIZE_NFC);
    g_free(folded);
    return key ? key : g_strdup("");
}

char *pc_cell_key(const GPtrArray *keys, const PcCell *cell)
{
    if (cell->kind == PC_CELL_TEXT)
        return g_strdup(g_ptr_array_index(keys, cell->text));
    if (cell->kind == PC_CELL_NUMBER)
        return g_strdup_printf("\x01%.17g", cell->num); /* never equal to a text's key */
    return NULL;
}

GPtrArray *pc_text_keys(const PcTable *t)
{
    GPtrArray *keys = g_ptr_array_new_full(pc_table_text_count(t), g_free);
    for (guint i = 0; i < pc_table_text_count(t); i++)
        g_ptr_array_add(keys, pc_text_key(g_ptr_array_index(t->texts, i)));
    return keys;
}

/* Keys as pc_text_key makes them (lower case, NFC). */
static const char *const WON_WORDS[] = { "won", "gewonnen", "yes", "ja", "closed won", "closedwon",
                                         "true", "wahr", NULL };
static const char *const LOST_WORDS[] = { "lost", "verloren", "no", "nein", "closed lost",
                                          "closedlost", "false", "falsch", NULL };

static gboolean in_list(const char *key, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(key, *list) == 0)
            return TRUE;
    return FALSE;
}

PcOutcome pc_outcome_of_key(const char *key)
{
    if (in_list(key, WON_WORDS))
        return PC_OUTCOME_WON;
    if (in_list(key, LOST_WORDS))
        return PC_OUTCOME_LOST;
    return PC_OUTCOME_NONE;
}

PcOutcome pc_outcome_of_cell(const PcTable *t, const GPtrArray *keys, const PcCell *cell)
{
    (void)t;
    switch (cell->kind) {
    case PC_CELL_NUMBER:
        if (cell->num == 1.0)
            return PC_OUTCOME_WON;
        if (cell->num == 0.0)
            return PC_OUTCOME_LOST;
        return PC_OUTCOME_NONE;
    case PC_CELL_TEXT:
        return pc_outcome_of_key(g_ptr_array_index(keys, cell->text));
    default:
        return PC_OUTCOME_NONE;
    }
}

gboolean pc_text_is_space(const char *s)
{
    for (; *s; s = g_utf8_next_char(s))
        if (!g_unichar_isspace(g_utf8_get_char(s)))
            return FALSE;
    return TRUE;
}
