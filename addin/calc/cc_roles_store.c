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

/* The column of CELLS a stored header names: by its header, else "#N" the Nth column
 * when that one is nameless (NAMELESS); -1 none. */
static gssize column_of(const PcTable *cells, const gboolean *nameless, const char *header)
{
    gssize c = pc_roles_column_of(cells, header);
    if (c >= 0 || header[0] != '#' || !g_ascii_isdigit(header[1]))
        return c;
    char *end = NULL;
    guint64 n = g_ascii_strtoull(header + 1, &end, 10);
    if (*end || n < 1 || n > cells->cols || !nameless || !nameless[n - 1])
        return -1;
    return (gssize)(n - 1);
}

void cc_roles_store_apply(uno_Interface *model, const char *key, const PcTable *cells,
                          const gboolean *nameless, PcRole *roles)
{
    char *text = cu_doc_text(model, PROPERTY);
    char **f = *text ? line_of(text, key) : NULL;
    if (f) {
        GArray *cols = g_array_new(FALSE, FALSE, sizeof(gsize));
        GArray *set = g_array_new(FALSE, FALSE, sizeof(PcRole));
        for (gsize i = 1; f[i] && f[i + 1]; i += 2) {
            gssize c = column_of(cells, nameless, f[i]);
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

/* LINE with the choices of KEY's old line in TEXT whose role id this release does not know
 * (a later release wrote them), for headers LINE leaves as they were: not named, or named
 * with the role the column has now in ROLES (CELLS' columns). A header LINE gives another
 * role is the manager's new choice (g_free). */
static char *with_later_choices(const char *text, const char *key, const char *line,
                                const PcTable *cells, const gboolean *nameless, const PcRole *roles)
{
    char **old = line_of(text, key), **now = g_strsplit(line, "\t", -1);
    GString *out = g_string_new(now[0]);
    for (gsize j = 1; now[j] && now[j + 1]; j += 2) {
        gssize c = column_of(cells, nameless, now[j]);
        gboolean unchanged = c >= 0 && pc_role_from_id(now[j + 1]) == roles[c];
        const char *id = now[j + 1];
        for (gsize i = 1; unchanged && old && old[i] && old[i + 1]; i += 2)
            if (strcmp(old[i], now[j]) == 0 && pc_role_from_id(old[i + 1]) >= PC_N_ROLES)
                id = old[i + 1];
        g_string_append_printf(out, "\t%s\t%s", now[j], id);
    }
    for (gsize i = 1; old && old[i] && old[i + 1]; i += 2) {
        gboolean named = FALSE;
        for (gsize j = 1; now[j] && now[j + 1] && !named; j += 2)
            named = strcmp(now[j], old[i]) == 0;
        if (!named && pc_role_from_id(old[i + 1]) >= PC_N_ROLES)
            g_string_append_printf(out, "\t%s\t%s", old[i], old[i + 1]);
    }
    g_strfreev(old);
    g_strfreev(now);
    return g_string_free(out, FALSE);
}

gboolean cc_roles_store_line(uno_Interface *model, const char *key, const char *line,
                             const PcTable *cells, const gboolean *nameless, const PcRole *roles,
                             char **message)
{
    char *text = cu_doc_text(model, PROPERTY);
    char *kept = strchr(line, '\t') ? with_later_choices(text, key, line, cells, nameless, roles) : g_strdup(line);
    char **lines = g_strsplit(text, "\n", -1);
    GString *out = g_string_new(NULL);
    for (char **l = lines; *l; l++) {
        char **f = g_strsplit(*l, "\t", 2);
        if (**l && !(f[0] && strcmp(f[0], key) == 0))
            g_string_append_printf(out, "%s%s", out->len ? "\n" : "", *l);
        g_strfreev(f);
    }
    if (strchr(kept, '\t'))
        g_string_append_printf(out, "%s%s", out->len ? "\n" : "", kept);
    GError *error = NULL;
    gboolean ok = cu_set_doc_text(model, PROPERTY, out->str, &error);
    if (!ok)
        cc_say_failure(message, error);
    g_string_free(out, TRUE);
    g_strfreev(lines);
    g_free(kept);
    g_free(text);
    return ok;
}

const char *cc_roles_store_id(PcRole r)
{
    return r == PC_ROLE_IGNORED ? "none" : pc_role_id(r);
}
