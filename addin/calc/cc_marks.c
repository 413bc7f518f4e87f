/* cc_marks.c - which marked output belongs to which lead table (see cc_marks.h). */
#include "cc_marks.h"

#include "cc_sheet.h"

#include <string.h>

#define SOURCE_SUFFIX "_SOURCE"

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

GArray *cc_marks(uno_Interface *model, const char *base)
{
    GArray *marks = g_array_new(FALSE, FALSE, sizeof(CcMark));
    char **names = cc_marker_names(model, base);
    qsort(names, g_strv_length(names), sizeof *names, by_name);
    for (char **n = names; *n; n++) {
        CcMark m = { NULL, { 0 } };
        if (cc_marker_get(model, *n, &m.range)) {
            m.name = g_strdup(*n);
            g_array_append_val(marks, m);
        }
    }
    g_strfreev(names);
    return marks;
}

void cc_marks_free(GArray *marks)
{
    for (guint i = 0; marks && i < marks->len; i++)
        g_free(g_array_index(marks, CcMark, i).name);
    if (marks)
        g_array_free(marks, TRUE);
}

char *cc_mark_of_table(uno_Interface *model, const char *base, const CuRange *table, CuRange *range)
{
    GArray *marks = cc_marks(model, base);
    char *found = NULL, *legacy = NULL;
    CuRange legacy_range = { 0 };
    for (guint i = 0; i < marks->len && !found; i++) {
        CcMark *m = &g_array_index(marks, CcMark, i);
        char *source_name = g_strconcat(m->name, SOURCE_SUFFIX, NULL);
        CuRange source;
        if (cc_marker_get(model, source_name, &source)) {
            if (source.Sheet == table->Sheet && source.StartColumn == table->StartColumn &&
                source.StartRow == table->StartRow) {
                found = g_strdup(m->name);
                *range = m->range;
            }
        } else if (!legacy) {
            legacy = g_strdup(m->name);
            legacy_range = m->range;
        }
        g_free(source_name);
    }
    cc_marks_free(marks);
    if (!found && legacy) {
        *range = legacy_range;
        return legacy;
    }
    g_free(legacy);
    return found;
}

char *cc_mark_new_name(uno_Interface *model, const char *base)
{
    char **names = cc_marker_names(model, base);
    char *name = g_strdup(base);
    for (guint n = 2; g_strv_contains((const char *const *)names, name); n++) {
        g_free(name);
        name = g_strdup_printf("%s_%u", base, n);
    }
    g_strfreev(names);
    return name;
}

gboolean cc_mark_set_source(uno_Interface *model, const char *name, const char *sheet_name,
                            const CuRange *table, GError **error)
{
    char *source_name = g_strconcat(name, SOURCE_SUFFIX, NULL);
    CuRange header = { table->Sheet, table->StartColumn, table->StartRow, table->StartColumn,
                       table->StartRow };
    gboolean ok = cc_marker_set(model, source_name, sheet_name, &header, error);
    g_free(source_name);
    return ok;
}
