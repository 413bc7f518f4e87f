/* cc_roles.c - the manager's column roles of a lead table: choosing, listing, naming. */
#include "cc_roles.h"

#include "cc_roles_store.h"
#include "tx_text.h"

#include <string.h>

PcRole cc_roles_parse(const char *word)
{
    return tx_role_of_word(word);
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
            char *roles = tx_role_words();
            *message = g_strdup_printf(_("\"%s\" is no role. Roles: %s."), word, roles);
            g_free(roles);
            ok = FALSE;
        } else {
            char *stored = cc_table_header_key(t, (gsize)c);
            g_string_append_printf(line, "\t%s\t%s", stored, cc_roles_store_id(r));
            g_free(stored);
        }
    }
    g_strfreev(pairs);
    return ok;
}

/* FALSE with the user's sentence when T's roles cannot be stored: no table, read-only. */
static gboolean can_store(const CcLeadTable *t, char **message)
{
    *message = NULL;
    if (cc_table_absent(t, message))
        return FALSE;
    if (cc_document_readonly(t->model)) {
        *message = g_strdup(_("The document is read-only. Nothing was written."));
        return FALSE;
    }
    return TRUE;
}

gboolean cc_roles_set(CcLeadTable *t, const char *spec, char **message)
{
    if (!can_store(t, message))
        return FALSE;
    char *key = cc_table_key(t);
    GString *line = g_string_new(key);
    gboolean ok = parse_spec(t, spec ? spec : "", line, message) &&
                  cc_roles_store_line(t->model, key, line->str, t->cells, t->nameless, t->roles, message);
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
                                     "amount, probability, close date, owner, outcome, created, "
                                     "currency, product or category (use setRoles for attribute and none)."), role < PC_N_ROLES ? cc_roles_store_id(role) : "?");
        return FALSE;
    }
    gssize chosen = header && *header ? pc_roles_column_of(t->cells, header) : -1;
    if (header && *header && (chosen < 0 || strchr(header, '\t'))) {
        *message = g_strdup_printf(_("The table has no column \"%s\"."), header);
        return FALSE;
    }
    CcRoleColumns c;
    cc_roles_columns(t, &c);
    char *key = cc_table_key(t);
    GString *line = g_string_new(key);
    for (gsize i = 0; i < c.n; i++) {
        PcRole r = c.roles[i] == role ? PC_ROLE_IGNORED : c.roles[i]; /* freed, not an attribute */
        if (chosen >= 0 && c.cols[i] == (gsize)chosen)
            r = role;
        char *stored = cc_table_header_key(t, c.cols[i]);
        g_string_append_printf(line, "\t%s\t%s", stored, cc_roles_store_id(r));
        g_free(stored);
    }
    gboolean ok = cc_roles_store_line(t->model, key, line->str, t->cells, t->nameless, t->roles, message);
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
        g_string_append_printf(s, "%s%s=%s", s->len ? "; " : "", c.headers[i], tx_role_word(c.roles[i]));
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
