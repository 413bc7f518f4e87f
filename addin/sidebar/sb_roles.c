/* sb_roles.c - the manager's column roles in the document property "PipecalcRoles". */
#include "sb_roles.h"

#include "cu_string.h"
#include "sb_text.h"

#include <string.h>

#define PROPERTY "PipecalcRoles"
/* T's key: its sheet and top-left cell (g_free). */
static char *table_key(const SbLeadTable *t)
{
    return sb_table_cell_text(t, t->range.StartColumn, t->range.StartRow);
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

void sb_roles_apply(SbLeadTable *t)
{
    if (!t->cells || !t->model)
        return;
    char *text = sb_doc_text(t->model, PROPERTY);
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

/* The role a word of the panel names: an id, "none", or a role name in English or German. */
static PcRole role_of_word(const char *word)
{
    PcRole r = pc_role_from_id(word);
    if (r < PC_N_ROLES)
        return r;
    if (g_ascii_strcasecmp(word, "(none)") == 0 || g_utf8_collate(word, "keine") == 0 ||
        g_utf8_collate(word, "(keine)") == 0)
        return PC_ROLE_IGNORED;
    char *want = g_utf8_casefold(word, -1);
    for (int i = 0; i < PC_N_ROLES && r == PC_N_ROLES; i++) {
        char *name = g_utf8_casefold(sb_role_name((PcRole)i), -1);
        if (strcmp(name, want) == 0)
            r = (PcRole)i;
        g_free(name);
    }
    g_free(want);
    return r;
}

/* The new line for T from SPEC into *LINE ("" for none), or FALSE with the user's sentence. */
static gboolean parse_spec(const SbLeadTable *t, const char *spec, GString *line, char **message)
{
    char **pairs = g_strsplit_set(spec, ";\n", -1);
    gboolean ok = TRUE;
    for (char **p = pairs; *p && ok; p++) {
        char *pair = g_strstrip(*p);
        if (!*pair)
            continue;
        char *eq = strrchr(pair, '=');
        if (!eq) {
            *message = g_strdup_printf(sb_text(SB_ROLES_BAD_PAIR), pair);
            ok = FALSE;
            break;
        }
        *eq = 0;
        char *header = g_strstrip(pair), *word = g_strstrip(eq + 1);
        gssize c = pc_roles_column_of(t->cells, header);
        PcRole r = role_of_word(word);
        if (c < 0 || strchr(header, '\t')) {
            *message = g_strdup_printf(sb_text(SB_ROLES_NO_COLUMN), header);
            ok = FALSE;
        } else if (r >= PC_N_ROLES) {
            *message = g_strdup_printf(sb_text(SB_ROLES_BAD_ROLE), word);
            ok = FALSE;
        } else {
            g_string_append_printf(line, "\t%s\t%s", header, r == PC_ROLE_IGNORED ? "none" : pc_role_id(r));
        }
    }
    g_strfreev(pairs);
    return ok;
}

gboolean sb_roles_set(SbLeadTable *t, const char *spec, char **message)
{
    *message = NULL;
    if (!t->cells) {
        *message = g_strdup(sb_text(SB_NO_TABLE));
        return FALSE;
    }
    if (sb_document_readonly(t->model)) {
        *message = g_strdup(sb_text(SB_READONLY));
        return FALSE;
    }
    char *key = table_key(t);
    GString *line = g_string_new(key);
    gboolean ok = parse_spec(t, spec ? spec : "", line, message);
    if (ok) {
        /* the other tables' lines stay, this table's line is replaced (or dropped) */
        char *text = sb_doc_text(t->model, PROPERTY);
        char **lines = g_strsplit(text, "\n", -1);
        GString *out = g_string_new(NULL);
        for (char **l = lines; *l; l++) {
            char **f = g_strsplit(*l, "\t", 2);
            if (**l && !(f[0] && strcmp(f[0], key) == 0))
                g_string_append_printf(out, "%s%s", out->len ? "\n" : "", *l);
            g_strfreev(f);
        }
        if (strchr(line->str, '\t'))
            g_string_append_printf(out, "%s%s", out->len ? "\n" : "", line->str);
        GError *error = NULL;
        ok = sb_set_doc_text(t->model, PROPERTY, out->str, &error);
        if (!ok) {
            *message = g_strdup_printf(sb_text(SB_FAILED), error ? error->message : "?");
            g_clear_error(&error);
        }
        g_string_free(out, TRUE);
        g_strfreev(lines);
        g_free(text);
    }
    g_string_free(line, TRUE);
    g_free(key);
    return ok;
}

char *sb_roles_text(const SbLeadTable *t)
{
    if (!t->cells)
        return g_strdup("");
    GString *s = g_string_new(NULL);
    for (gsize c = 0; c < t->cells->cols; c++) {
        const PcCell *h = pc_table_at(t->cells, 0, c);
        if (h->kind != PC_CELL_TEXT)
            continue;
        g_string_append_printf(s, "%s%s=%s", s->len ? "; " : "", pc_table_text(t->cells, h),
                               t->roles[c] == PC_ROLE_IGNORED ? "none" : pc_role_id(t->roles[c]));
    }
    return g_string_free(s, FALSE);
}
