/* idl_reader.c - a regular-expression reader of the simple IDL our interfaces are. */
#include "idl_reader.h"

#include <string.h>

static void idl_member_free(gpointer p)
{
    IdlMember *m = p;
    g_free(m->result);
    g_free(m->name);
    g_ptr_array_unref(m->param_types);
    g_ptr_array_unref(m->param_names);
    g_free(m);
}

/* S with runs of white space as one blank, trimmed (g_free). */
static char *squeeze(const char *s)
{
    GRegex *ws = g_regex_new("\\s+", 0, 0, NULL);
    char *out = g_regex_replace_literal(ws, s, -1, 0, " ", 0, NULL);
    g_regex_unref(ws);
    return g_strstrip(out);
}

/* The [in] parameters of PLIST ("[in] double target, [in] string url") into M. */
static void read_params(IdlMember *m, const char *plist)
{
    GRegex *param = g_regex_new("^\\s*\\[in\\]\\s+(.+?)\\s+(\\w+)\\s*$", G_REGEX_DOTALL, 0, NULL);
    char **parts = g_strsplit(plist, ",", -1);
    for (char **p = parts; *p; p++) {
        GMatchInfo *pi = NULL;
        if (g_regex_match(param, *p, 0, &pi)) {
            char *t = g_match_info_fetch(pi, 1);
            g_ptr_array_add(m->param_types, squeeze(t));
            g_free(t);
            g_ptr_array_add(m->param_names, g_match_info_fetch(pi, 2));
        } else {
            g_assert_cmpstr(g_strstrip(*p), ==, ""); /* only "()" has no parameter */
        }
        g_match_info_free(pi);
    }
    g_strfreev(parts);
    g_regex_unref(param);
}

GPtrArray *idl_read_members(const char *file, const char *interface)
{
    char *text = NULL;
    g_assert_true(g_file_get_contents(file, &text, NULL, NULL));
    GRegex *comment = g_regex_new("/\\*.*?\\*/|//[^\\n]*", G_REGEX_DOTALL, 0, NULL);
    char *code = g_regex_replace_literal(comment, text, -1, 0, " ", 0, NULL);
    g_regex_unref(comment);
    g_free(text);
    char *head = g_strdup_printf("interface %s", interface);
    char *body = strstr(code, head);
    g_free(head);
    g_assert_nonnull(body);
    body = strchr(body, '{');
    g_assert_nonnull(body);
    char *end = strstr(body, "};");
    g_assert_nonnull(end);
    *end = '\0';
    GPtrArray *members = g_ptr_array_new_with_free_func(idl_member_free);
    GRegex *member = g_regex_new("([\\w:<>, ]+?)\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*"
                                 "(raises\\s*\\([^)]*\\))?\\s*;", 0, 0, NULL);
    GMatchInfo *mi = NULL;
    g_regex_match(member, body + 1, 0, &mi);
    while (g_match_info_matches(mi)) {
        IdlMember *m = g_new0(IdlMember, 1);
        char *r = g_match_info_fetch(mi, 1);
        m->result = squeeze(r);
        g_free(r);
        m->name = g_match_info_fetch(mi, 2);
        char *raises = g_match_info_fetch(mi, 4);
        m->raises = raises && *raises;
        g_free(raises);
        m->param_types = g_ptr_array_new_with_free_func(g_free);
        m->param_names = g_ptr_array_new_with_free_func(g_free);
        char *plist = g_match_info_fetch(mi, 3);
        read_params(m, plist);
        g_free(plist);
        g_ptr_array_add(members, m);
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    g_regex_unref(member);
    g_free(code);
    return members;
}
