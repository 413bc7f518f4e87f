/* cc_roles_store.c - the document property "PipecalcRoles", line by line. */
#include "cc_roles_store.h"

#include "cc_sheet.h"
#include "cu_props.h"

#include <string.h>

#define PROPERTY "PipecalcRoles"

/* The fields of KEY's line in TEXT (NULL when it has none; g_strfreev): key, header, role, ... */
static char **line_of(const char *text, const char *key)
{
    char **lines = g_strsplit(text, "\n", -1);
    char **found = NULL;
    for (char **l = lines; *l && !found; l++) {
        char **f = g_strsplit(*l, "\t", -1);
        if (f[0] && strcmp(f[0], key) == 0)
            found = f;
        else
            g_strfreev(f);
    }
    g_strfreev(lines);
    return found;
}

void cc_roles_store_apply(uno_Interface *model, const char *key, const PcTable *cells, PcRole *roles)
{
    char *text = cu_doc_text(model, PROPERTY);
    char **f = *text ? line_of(text, key) : NULL;
    if (f) {
        GArray *cols = g_array_new(FALSE, FALSE, sizeof(gsize));
        GArray *set = g_array_new(FALSE, FALSE, sizeof(PcRole));
        for (gsize i = 1; f[i] && f[i + 1]; i += 2) {
            gssize c = pc_roles_column_of(cells, f[i]);
            PcRole r = pc_role_from_id(f[i + 1]);
            if (c < 0 || r >= PC_N_ROLES)
                continue; /* a column since renamed: its choice no longer applies */
            gsize uc = (gsize)c;
            g_array_append_val(cols, uc);
            g_array_append_val(set, r);
        }
        pc_roles_override(roles, cells->cols, (gsize *)cols->data, (PcRole *)set->data, cols->len);
        g_array_free(cols, TRUE);
        g_array_free(set, TRUE);
        g_strfreev(f);
    }
    g_free(text);
}

gboolean cc_roles_store_line(uno_Interface *model, const char *key, const char *line, char **message)
{
    char *text = cu_doc_text(model, PROPERTY);
    char **lines = g_strsplit(text, "\n", -1);
    GString *out = g_string_new(NULL);
    for (char **l = lines; *l; l++) {
        char **f = g_strsplit(*l, "\t", 2);
        if (**l && !(f[0] && strcmp(f[0], key) == 0))
            g_string_append_printf(out, "%s%s", out->len ? "\n" : "", *l);
        g_strfreev(f);
    }
    if (strchr(line, '\t'))
        g_string_append_printf(out, "%s%s", out->len ? "\n" : "", line);
    GError *error = NULL;
    gboolean ok = cu_set_doc_text(model, PROPERTY, out->str, &error);
    if (!ok)
        cc_say_failure(message, error);
    g_string_free(out, TRUE);
    g_strfreev(lines);
    g_free(text);
    return ok;
}

const char *cc_roles_store_id(PcRole r)
{
    return r == PC_ROLE_IGNORED ? "none" : pc_role_id(r);
}
