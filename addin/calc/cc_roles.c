/* cc_roles.c - the manager's column roles in the document property "PipecalcRoles". */
#include "cc_roles.h"

#include "cu_string.h"
#include "tx_text.h"

#include <string.h>

#define PROPERTY "PipecalcRoles"
/* T's key: its sheet and top-left cell (g_free). */
static char *table_key(const CcLeadTable *t)
{
    return cc_table_cell_text(t, t->range.StartColumn, t->range.StartRow);
}

/* The fields of T's line in TEXT (NULL when it has none; g_strfreev): key, header, role, ... */
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

void cc_roles_apply(CcLeadTable *t)
{
    if (!t->cells || !t->model)
        return;
    char *text = cu_doc_text(t->model, PROPERTY);
    char *key = *text ? table_key(t) : NULL;
    char **f = key ? line_of(text, key) : NULL;
    if (f) {
        GArray *cols = g_array_new(FALSE, FALSE, sizeof(gsize));
        GArray *set = g_array_new(FALSE, FALSE, sizeof(PcRole));
        for (gsize i = 1; f[i] && f[i + 1]; i += 2) {
            gssize c = pc_roles_column_of(t->cells, f[i]);
            PcRole r = pc_role_from_id(f[i + 1]);
            if (c < 0 || r >= PC_N_ROLES)
                continue; /* a column since renamed: its choice no longer applies */
            gsize uc = (gsize)c;
            g_array_append_val(cols, uc);
            g_array_append_val(set, r);
        }
        pc_roles_override(t->roles, t->cells->cols, (gsize *)cols->data, (PcRole *)set->data, cols->len);
        memset(&t->counts, 0, sizeof t->counts);
        pc_roles_count(t->cells, t->roles, &t->counts);
        g_array_free(cols, TRUE);
        g_array_free(set, TRUE);
        g_strfreev(f);
    }
    g_free(key);
    g_free(text);
}

PcRole cc_roles_parse(const char *word)
{
    PcRole r = pc_role_from_id(word);
    if (r < PC_N_ROLES)
        return r;
    if (g_ascii_strcasecmp(word, "(none)") == 0 || g_utf8_collate(word, "keine") == 0 ||
        g_utf8_collate(word, "(keine)") == 0)
        return PC_ROLE_IGNORED;
    char *want = g_utf8_casefold(word, -1);
    for (int i = 0; i < PC_N_ROLES && r == PC_N_ROLES; i++) {
        char *name = g_utf8_casefold(tx_role_name((PcRole)i), -1);
        if (strcmp(name, want) == 0)
            r = (PcRole)i;
        g_free(name);
    }
    g_free(want);
    return r;
}

/* A role as the property stores it. */
static const char *stored_id(PcRole r)
{
    return r == PC_ROLE_IGNORED ? "none" : pc_role_id(r);
}

/* The new line for T from SPEC into *LINE ("" for none), or FALSE with the user's sentence. */
static gboolean parse_spec(const CcLeadTable *t, const char *spec, GString *line, char **message)
{
    char **pairs = g_strsplit_set(spec, ";\n", -1);
    gboolean ok = TRUE;
    for (char **p = pairs; *p && ok; p++) {
        char *pair = g_strstrip(*p);
        if (!*pair)
            continue;
        char *eq = strrchr(pair, '=');
        if (!eq) {
            *message = g_strdup_printf(_("Write each choice as column=role, e.g. Region=owner "
                                         "(not \"%s\")."), pair);
            ok = FALSE;
            break;
        }
        *eq = 0;
        char *header = g_strstrip(pair), *word = g_strstrip(eq + 1);
        gssize c = pc_roles_column_of(t->cells, header);
        PcRole r = cc_roles_parse(word);
        if (c < 0 || strchr(header, '\t')) {
            *message = g_strdup_printf(_("The table has no column \"%s\"."), header);
            ok = FALSE;
        } else if (r >= PC_N_ROLES) {
            *message = g_strdup_printf(_("\"%s\" is no role. Roles: name, id, stage, amount, "
                                         "probability, close date, owner, outcome, created, "
                                         "currency, attribute, none."), word);
            ok = FALSE;
        } else {
            g_string_append_printf(line, "\t%s\t%s", header, stored_id(r));
        }
    }
    g_strfreev(pairs);
    return ok;
}

/* FALSE with the user's sentence when T's roles cannot be stored: no table, read-only. */
static gboolean can_store(const CcLeadTable *t, char **message)
{
    *message = NULL;
    if (!t->cells) {
        *message = g_strdup(_("No lead table here. Put the cell cursor into your table: a "
                              "block of cells whose first row holds the column names."));
        return FALSE;
    }
    if (cc_document_readonly(t->model)) {
        *message = g_strdup(_("The document is read-only. Nothing was written."));
        return FALSE;
    }
    return TRUE;
}

/* Store LINE (KEY, then "\theader\trole" pairs; KEY alone: none) as T's line of the
 * property: the other tables' lines stay, T's is replaced or dropped. */
static gboolean store_line(CcLeadTable *t, const char *key, const char *line, char **message)
{
    char *text = cu_doc_text(t->model, PROPERTY);
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
    gboolean ok = cu_set_doc_text(t->model, PROPERTY, out->str, &error);
    if (!ok)
        cc_say_failure(message, error);
    g_string_free(out, TRUE);
    g_strfreev(lines);
    g_free(text);
    return ok;
}

gboolean cc_roles_set(CcLeadTable *t, const char *spec, char **message)
{
    if (!can_store(t, message))
        return FALSE;
    char *key = table_key(t);
    GString *line = g_string_new(key);
    gboolean ok = parse_spec(t, spec ? spec : "", line, message) &&
                  store_line(t, key, line->str, message);
    g_string_free(line, TRUE);
    g_free(key);
    return ok;
}

gboolean cc_roles_set_one(CcLeadTable *t, PcRole role, const char *header, char **message)
{
    if (!can_store(t, message))
        return FALSE;
    if (role == PC_ROLE_ATTRIBUTE || role >= PC_ROLE_IGNORED) {
        *message = g_strdup_printf(_("\"%s\" is no role of one column: name, id, stage, "
                                     "amount, probability, close date, owner, outcome, created "
                                     "or currency (use setRoles for attribute and none)."), role < PC_N_ROLES ? stored_id(role) : "?");
        return FALSE;
    }
    gssize chosen = header && *header ? pc_roles_column_of(t->cells, header) : -1;
    if (header && *header && (chosen < 0 || strchr(header, '\t'))) {
        *message = g_strdup_printf(_("The table has no column \"%s\"."), header);
        return FALSE;
    }
    CcRoleColumns c;
    cc_roles_columns(t, &c);
    char *key = table_key(t);
    GString *line = g_string_new(key);
    for (gsize i = 0; i < c.n; i++) {
        PcRole r = c.roles[i] == role ? PC_ROLE_IGNORED : c.roles[i]; /* freed, not an attribute */
        if (chosen >= 0 && c.cols[i] == (gsize)chosen)
            r = role;
        g_string_append_printf(line, "\t%s\t%s", c.headers[i], stored_id(r));
    }
    gboolean ok = store_line(t, key, line->str, message);
    g_string_free(line, TRUE);
    g_free(key);
    cc_roles_columns_clear(&c);
    return ok;
}

char *cc_roles_text(const CcLeadTable *t)
{
    CcRoleColumns c;
    cc_roles_columns(t, &c);
    GString *s = g_string_new(NULL);
    for (gsize i = 0; i < c.n; i++)
        g_string_append_printf(s, "%s%s=%s", s->len ? "; " : "", c.headers[i], stored_id(c.roles[i]));
    cc_roles_columns_clear(&c);
    return g_string_free(s, FALSE);
}

void cc_roles_columns(const CcLeadTable *t, CcRoleColumns *c)
{
    GPtrArray *headers = g_ptr_array_new();
    GArray *roles = g_array_new(FALSE, FALSE, sizeof(PcRole));
    GArray *cols = g_array_new(FALSE, FALSE, sizeof(gsize));
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (gsize col = 0; t->cells && col < t->cells->cols; col++) {
        const PcCell *h = pc_table_at(t->cells, 0, col);
        if (h->kind != PC_CELL_TEXT)
            continue;
        const char *text = pc_table_text(t->cells, h);
        /* a later "Amount" or a header with a tab cannot be named: a pair for it would
           land on the first "Amount" (pc_roles_column_of), or break the property's line */
        if (strchr(text, '\t') || !g_hash_table_add(seen, pc_text_key(text)))
            continue;
        g_ptr_array_add(headers, g_strdup(text));
        g_array_append_val(roles, t->roles[col]);
        g_array_append_val(cols, col);
    }
    g_hash_table_destroy(seen);
    c->n = headers->len;
    g_ptr_array_add(headers, NULL);
    c->headers = (char **)g_ptr_array_free(headers, FALSE);
    c->roles = (PcRole *)(void *)g_array_free(roles, FALSE);
    c->cols = (gsize *)(void *)g_array_free(cols, FALSE);
}

void cc_roles_columns_clear(CcRoleColumns *c)
{
    g_strfreev(c->headers);
    g_free(c->roles);
    g_free(c->cols);
    memset(c, 0, sizeof *c);
}
