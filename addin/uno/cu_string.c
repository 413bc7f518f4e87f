/* cu_string.c - UTF-16 <-> UTF-8 for text crossing the UNO boundary. */
#include "cu_string.h"

#include <string.h>

void cu_utf16_append_utf8(GString *out, const sal_Unicode *s, sal_Int32 len)
{
    for (sal_Int32 i = 0; i < len; i++) {
        gunichar c = s[i];
        if (c == 0) { /* keep the result NUL-terminated text: U+0000 is no name anyway */
            g_string_append(out, "\xef\xbf\xbd");
            continue;
        }
        if (c < 0x80) {
            g_string_append_c(out, (char)c);
            continue;
        }
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < len && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
            i++;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            c = 0xFFFD; /* a lone surrogate: not a character */
        }
        g_string_append_unichar(out, c);
    }
}

char *cu_ustr_to_utf8(const rtl_uString *s)
{
    GString *out = g_string_sized_new(s ? (gsize)s->length + 1 : 1);
    if (s)
        cu_utf16_append_utf8(out, s->buffer, s->length);
    return g_string_free(out, FALSE);
}

rtl_uString *cu_ustr_from_utf8(const char *utf8)
{
    char *valid = g_utf8_make_valid(utf8, -1);
    rtl_uString *s = NULL;
    rtl_string2UString(&s, valid, (sal_Int32)strlen(valid), RTL_TEXTENCODING_UTF8,
                       OSTRING_TO_OUSTRING_CVTFLAGS);
    g_free(valid);
    return s;
}

gboolean cu_ustr_equals_ascii(const rtl_uString *s, const char *a)
{
    return s && rtl_ustr_ascii_compare_WithLength(s->buffer, s->length, a) == 0;
}
