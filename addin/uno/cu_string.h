/* cu_string.h - UTF-16 (rtl_uString) <-> UTF-8 conversion. */
#ifndef CU_STRING_H
#define CU_STRING_H

#include "cu_sdk.h"
#include <glib.h>

/* Append the UTF-8 form of the LEN UTF-16 units at S to OUT. Lone surrogates (which Calc
 * cells can hold) and U+0000 become U+FFFD, so the result is always valid, NUL-free UTF-8. */
void cu_utf16_append_utf8(GString *out, const sal_Unicode *s, sal_Int32 len);

/* A new g_malloc'd UTF-8 copy of S (NULL gives ""). */
char *cu_ustr_to_utf8(const rtl_uString *s);

/* A new rtl_uString (release with rtl_uString_release) from UTF-8 text; invalid bytes
 * become U+FFFD. */
rtl_uString *cu_ustr_from_utf8(const char *utf8);

/* TRUE when S equals the ASCII string A. */
gboolean cu_ustr_equals_ascii(const rtl_uString *s, const char *a);

#endif
