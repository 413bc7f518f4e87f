/* pc_refs.c - A1-style references. */
#include "pc_refs.h"

/* Column number to letters: 0 -> A, 26 -> AA (Calc has at most 16384 columns: XFD). */
static void column_letters(gsize col, char *buf)
{
    char tmp[8];
    int n = 0;
    for (col++; col > 0 && n < 7; col = (col - 1) / 26)
        tmp[n++] = (char)('A' + (col - 1) % 26);
    for (int i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    buf[n] = 0;
}

char *pc_ref_range(const char *sheet, gsize row0, gsize col0, gsize row1, gsize col1)
{
    char a[8], b[8];
    column_letters(col0, a);
    column_letters(col1, b);
    GString *s = g_string_new(NULL);
    if (sheet) {
        g_string_append(s, "$'");
        for (const char *p = sheet; *p; p++) { /* a quote inside the name is doubled */
            if (*p == '\'')
                g_string_append_c(s, '\'');
            g_string_append_c(s, *p);
        }
        g_string_append(s, "'.");
    }
    g_string_append_printf(s, "$%s$%zu:$%s$%zu", a, row0 + 1, b, row1 + 1);
    return g_string_free(s, FALSE);
}

char *pc_ref_cell(gsize row, gsize col)
{
    char a[8];
    column_letters(col, a);
    return g_strdup_printf("%s%zu", a, row + 1);
}

char *pc_ref_text(const char *sheet, gsize row0, gsize col0, gsize row1, gsize col1)
{
    char a[8], b[8];
    column_letters(col0, a);
    column_letters(col1, b);
    return g_strdup_printf("%s.%s%zu:%s%zu", sheet, a, row0 + 1, b, row1 + 1);
}
