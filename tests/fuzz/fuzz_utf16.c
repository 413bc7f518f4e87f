/* fuzz_utf16.c - libFuzzer harness for the conversion layer's text path, the part that
 * runs without an office: UTF-16 as Calc holds it (lone surrogates included) ->
 * cu_utf16_append_utf8 -> pc_table_set_text -> pc_text_key / pc_text_keys.
 *
 * Invariants: the UTF-8 is valid, NUL-free, and equals GLib's conversion of the same
 * units after lone surrogates and U+0000 became U+FFFD; the table stores it unchanged
 * and interns equal texts once; a key is valid UTF-8, NUL-free, and the key of a key is
 * itself (keys are what names are compared by); keys agree with a reference built from
 * GLib alone (trim Unicode white space, NFC, casefold with Unicode's Cherokee rule, NFC);
 * same bits twice.
 */
#include "fuzz_common.h"
#include "pc_text.h"
#include "cu_string.h"

#define MAX_UNITS 64

/* The reference key: what pc_text.h documents, without the ASCII shortcut. */
static char *reference_key(const char *utf8)
{
    const char *start = utf8, *end = utf8 + strlen(utf8);
    while (start < end && g_unichar_isspace(g_utf8_get_char(start)))
        start = g_utf8_next_char(start);
    while (end > start) {
        const char *prev = g_utf8_prev_char(end);
        if (!g_unichar_isspace(g_utf8_get_char(prev)))
            break;
        end = prev;
    }
    char *nfc = g_utf8_normalize(start, end - start, G_NORMALIZE_NFC);
    char *folded = g_utf8_casefold(nfc, -1);
    /* Unicode folds Cherokee to the capitals; GLib folds capitals to small letters */
    gunichar *u = g_utf8_to_ucs4_fast(folded, -1, NULL);
    for (gunichar *c = u; *c; c++)
        if (*c >= 0xAB70 && *c <= 0xABBF)
            *c = *c - 0xAB70 + 0x13A0;
        else if (*c >= 0x13F8 && *c <= 0x13FD)
            *c -= 8;
    g_free(folded);
    folded = g_ucs4_to_utf8(u, -1, NULL, NULL, NULL);
    g_free(u);
    char *key = g_utf8_normalize(folded, -1, G_NORMALIZE_NFC);
    g_free(nfc);
    g_free(folded);
    return key;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FzIn in = { data, size };
    sal_Unicode units[MAX_UNITS], fixed[MAX_UNITS];
    sal_Int32 len = fz_byte(&in) % (MAX_UNITS + 1);
    for (sal_Int32 i = 0; i < len; i++) {
        uint8_t k = fz_byte(&in);
        /* bias to ASCII, white space, surrogates and combining marks */
        if (k < 64)
            units[i] = (sal_Unicode)(0x20 + k);
        else if (k < 72)
            units[i] = (sal_Unicode[]){ 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2003, 0x3000 }[k - 64];
        else if (k < 90)
            units[i] = (sal_Unicode)(0xD800 + (fz_u16(&in) & 0x7FF)); /* any surrogate */
        else if (k < 100)
            units[i] = (sal_Unicode)(0x300 + k);
        else if (k < 104)
            units[i] = 0;
        else
            units[i] = fz_u16(&in);
    }

    GString *out = g_string_new(NULL);
    cu_utf16_append_utf8(out, units, len);
    FZ_CHECK(g_utf8_validate(out->str, (gssize)out->len, NULL), "invalid UTF-8");
    FZ_CHECK(strlen(out->str) == out->len, "NUL inside");

    /* reference: GLib's conversion after replacing what is not a character */
    for (sal_Int32 i = 0; i < len; i++) {
        sal_Unicode c = units[i];
        fixed[i] = c;
        if (c == 0)
            fixed[i] = 0xFFFD;
        else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < len && units[i + 1] >= 0xDC00 &&
                 units[i + 1] <= 0xDFFF) {
            fixed[i + 1] = units[i + 1];
            i++;
        } else if (c >= 0xD800 && c <= 0xDFFF)
            fixed[i] = 0xFFFD;
    }
    char *ref = len ? g_utf16_to_utf8(fixed, len, NULL, NULL, NULL) : g_strdup("");
    FZ_CHECK(ref && strcmp(ref, out->str) == 0, "conversion differs from GLib's");
    g_free(ref);

    /* into a table twice (interned once), and its key */
    PcTable *t = pc_table_new(1, 3);
    pc_table_set_text(t, 0, 0, out->str, -1);
    pc_table_set_text(t, 0, 1, out->str, (gssize)out->len);
    const PcCell *a = pc_table_at(t, 0, 0), *b = pc_table_at(t, 0, 1);
    if (out->len == 0) {
        FZ_CHECK(a->kind == PC_CELL_EMPTY && b->kind == PC_CELL_EMPTY, "empty text not empty");
    } else {
        FZ_CHECK(a->kind == PC_CELL_TEXT && b->kind == PC_CELL_TEXT, "text kind");
        FZ_CHECK(a->text == b->text && pc_table_text_count(t) == 1, "not interned once");
        FZ_CHECK(strcmp(pc_table_text(t, a), out->str) == 0, "stored text differs");
        GPtrArray *keys = pc_text_keys(t);
        const char *key = g_ptr_array_index(keys, a->text);
        char *key2 = pc_text_key(out->str);
        FZ_CHECK(strcmp(key, key2) == 0, "key not deterministic");
        FZ_CHECK(g_utf8_validate(key, -1, NULL), "key not UTF-8");
        char *kk = pc_text_key(key);
        FZ_CHECK(strcmp(kk, key) == 0, "key of key differs: '%s' -> '%s'", key, kk);
        char *rk = reference_key(out->str);
        FZ_CHECK(strcmp(rk, key) == 0, "key '%s' differs from reference '%s'", key, rk);
        g_free(rk);
        g_free(kk);
        g_free(key2);
        g_ptr_array_unref(keys);
    }
    pc_table_free(t);
    g_string_free(out, TRUE);
    return 0;
}
