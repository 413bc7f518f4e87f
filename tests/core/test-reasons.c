/* test-reasons.c - the German catalogue of the core's messages (addin/text/tx_reasons_de.c).
 *
 * A German format is handed the English format's printf arguments: a conversion more,
 * fewer, reordered or of another type is undefined behaviour inside the user's office. So
 * every entry's conversions are compared, one by one. And every format the sources pass to
 * pc_fail (and every argument name a message quotes through "%s") must have an entry: the
 * sources under addin/ are read at test time, so a new message cannot be forgotten.
 *
 * Built by its own Makefile rule (with the catalogue, UNO headers only for tx_text.h's
 * declarations); tx_text_german, the UI language, is stubbed here.
 */
#include "pc_forecast.h"
#include "pc_stage.h"
#include "pc_status.h"
#include "tx_reasons.h"
#include "tx_text.h"

#include <string.h>

#ifndef PIPECALC_SOURCE_DIR
#define PIPECALC_SOURCE_DIR "."
#endif

/* ---- the user interface language, as tx_text.c would say it ---- */

static gboolean german_ui;

gboolean tx_text_german(void)
{
    return german_ui;
}

/* ---- printf conversions ---- */

/* The conversion specifications of FMT in order ("%zu", "%g", "%-5s", ...; "%%" is text),
 * or NULL with *WHY set when FMT has one this test does not accept: positional ("%1$s"),
 * "%n", or one printf does not know. */
static GPtrArray *conversions(const char *fmt, const char **why)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        const char *start = p++;
        while (*p && strchr("-+ #0'", *p))
            p++;
        while (g_ascii_isdigit(*p) || *p == '*')
            p++;
        if (*p == '$') {
            *why = "positional argument";
            goto bad;
        }
        if (*p == '.') {
            p++;
            while (g_ascii_isdigit(*p) || *p == '*')
                p++;
        }
        while (*p && strchr("hlLqjzZt", *p))
            p++;
        if (!*p || !strchr("diouxXeEfFgGaAcsp", *p)) {
            *why = *p == 'n' ? "%n" : "unknown or cut conversion";
            goto bad;
        }
        g_ptr_array_add(out, g_strndup(start, (gsize)(p - start + 1)));
    }
    return out;
bad:
    g_ptr_array_unref(out);
    return NULL;
}

/* the parser itself */
static void reasons_conversion_parser(void)
{
    const char *why = NULL;
    GPtrArray *c = conversions("row %" G_GSIZE_FORMAT ": %g is %-5.2f%% of %*d, \"%s\" %zu %zd %u",
                               &why);
    g_assert_nonnull(c);
    const char *expect[] = { ("%" G_GSIZE_FORMAT), "%g", "%-5.2f", "%*d", "%s", "%zu", "%zd", "%u" };
    g_assert_cmpuint(c->len, ==, G_N_ELEMENTS(expect));
    for (guint i = 0; i < c->len; i++)
        g_assert_cmpstr(g_ptr_array_index(c, i), ==, expect[i]);
    g_ptr_array_unref(c);
    g_assert_null(conversions("%1$s", &why));
    g_assert_null(conversions("%n", &why));
    g_assert_null(conversions("cut %", &why));
    g_assert_null(conversions("%k", &why));
    c = conversions("100%% sure", &why);
    g_assert_cmpuint(c->len, ==, 0);
    g_ptr_array_unref(c);
}

/* ---- the catalogue ---- */

/* TRUE when FMT starts with a row prefix as the data checks cut it: one word, a space, one
 * integer conversion, ": " ("row %zu: ", "Zeile %zu: "). */
static gboolean row_prefixed(const char *fmt)
{
    return g_regex_match_simple("^[^ :%]+ %[-+ #0]*[0-9]*[hlLqjzZt]*[diu]: ", fmt, 0, 0);
}

static void reasons_same_conversions_in_the_same_order(void)
{
    gsize n;
    const TxReason *r = tx_reasons_de(&n);
    g_assert_cmpuint(n, >, 60);
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize i = 0; i < n; i++) {
        const char *en = r[i].en, *de = r[i].de;
        g_test_message("%s", en);
        g_assert_nonnull(en);
        g_assert_nonnull(de);
        g_assert_cmpstr(en, !=, "");
        g_assert_cmpstr(de, !=, "");
        g_assert_true(g_utf8_validate(de, -1, NULL));
        if (g_hash_table_contains(seen, en))
            g_error("entry %zu: \"%s\" is in the catalogue twice", i, en);
        g_hash_table_add(seen, (gpointer)en);
        const char *why = NULL;
        GPtrArray *ce = conversions(en, &why);
        if (!ce)
            g_error("entry %zu: English \"%s\": %s", i, en, why);
        GPtrArray *cd = conversions(de, &why);
        if (!cd)
            g_error("entry %zu: German \"%s\": %s", i, de, why);
        if (ce->len != cd->len)
            g_error("entry %zu: \"%s\" has %u conversions, its German \"%s\" %u", i, en, ce->len,
                    de, cd->len);
        for (guint k = 0; k < ce->len; k++)
            if (strcmp(g_ptr_array_index(ce, k), g_ptr_array_index(cd, k)) != 0)
                g_error("entry %zu: conversion %u is %s in \"%s\" but %s in \"%s\"", i, k + 1,
                        (char *)g_ptr_array_index(ce, k), en, (char *)g_ptr_array_index(cd, k), de);
        g_ptr_array_unref(ce);
        g_ptr_array_unref(cd);
    }
    g_hash_table_unref(seen);
}

/* quoted user values stay quoted; a row prefix stays a row prefix (the data checks cut it,
 * see pc_status.h), and nothing else becomes one */
static void reasons_keep_quotes_and_row_prefixes(void)
{
    gsize n;
    const TxReason *r = tx_reasons_de(&n);
    for (gsize i = 0; i < n; i++) {
        const char *en = r[i].en, *de = r[i].de;
        g_test_message("%s", en);
        gsize qe = 0, qd = 0;
        for (const char *p = en; *p; p++)
            qe += *p == '"';
        for (const char *p = de; *p; p++)
            qd += *p == '"';
        g_assert_cmpuint(qe, ==, qd);
        g_assert_cmpint(row_prefixed(en), ==, row_prefixed(de));
        if (g_str_has_prefix(en, "row %"))
            g_assert_true(g_str_has_prefix(de, "Zeile %"));
    }
    g_assert_true(row_prefixed("row %" G_GSIZE_FORMAT ": x"));
    g_assert_true(row_prefixed("Zeile %zu: x"));
    g_assert_false(row_prefixed("row %zu of the stage table"));
    g_assert_false(row_prefixed("StageOrder: \"%s\""));
    g_assert_false(row_prefixed("%s row %zu holds"));
}

/* the translator: German only with a German user interface, English without an entry */
static void reasons_translator_follows_the_ui_language(void)
{
    const char *en = "row %" G_GSIZE_FORMAT ": %g is not a probability in 0-1; type %g%%";
    const char *unknown = "no such message %s";
    german_ui = FALSE;
    g_assert_true(tx_reasons_translate(en) == en);
    g_assert_null(tx_reasons_translate(NULL));
    german_ui = TRUE;
    g_assert_cmpstr(tx_reasons_translate(en), ==, tx_reasons_german(en));
    g_assert_true(g_str_has_prefix(tx_reasons_translate(en), "Zeile %"));
    g_assert_true(tx_reasons_translate(unknown) == unknown);
    g_assert_null(tx_reasons_german(unknown));
    g_assert_null(tx_reasons_german(NULL));
    g_assert_null(tx_reasons_translate(NULL));
    german_ui = FALSE;
}

/* installed into the core: real functions give German sentences */
static void reasons_core_speaks_german(void)
{
    tx_reasons_install();
    german_ui = TRUE;
    PcTable *amounts = pc_table_new(2, 1), *stages = pc_table_new(2, 1), *probs = pc_table_new(2, 1);
    pc_table_set_number(amounts, 0, 0, 100);
    pc_table_set_number(amounts, 1, 0, 200);
    pc_table_set_text(stages, 0, 0, "Lead", -1);
    pc_table_set_text(stages, 1, 0, "Pilot", -1);
    pc_table_set_number(probs, 0, 0, 0.1);
    pc_table_set_number(probs, 1, 0, 25);
    PcForecastArgs a = { .amounts = amounts, .stages = stages, .probabilities = probs };
    PcError err;
    double r;
    pc_error_clear(&err);
    g_assert_cmpint(pc_pipeline_forecast(&a, &r, &err), ==, PC_ERR_NUM);
    g_assert_cmpstr(err.message, ==,
                    "Zeile 2: 25 ist keine Wahrscheinlichkeit zwischen 0 und 1; geben Sie 25 % ein");
    /* an argument name through "%s": the wizard's German name */
    PcTable *pct = pc_table_new(1, 1);
    pc_table_set_text(pct, 0, 0, "P90", -1);
    pc_table_set_number(probs, 1, 0, 0.25);
    a.percentile = pct;
    pc_error_clear(&err);
    g_assert_cmpint(pc_pipeline_forecast(&a, &r, &err), ==, PC_ERR_VALUE);
    g_assert_cmpstr(err.message, ==, "Perzentil: \"P90\" ist keine Zahl");
    /* STAGE_CONVERSION: two quoted values in their order */
    PcTable *order = pc_table_new(2, 1);
    pc_table_set_text(order, 0, 0, "Lead", -1);
    pc_table_set_text(order, 1, 0, "Won", -1);
    pc_error_clear(&err);
    g_assert_cmpint(pc_stage_conversion(order, "Won", "Lead", order, NULL, &r, &err), ==,
                    PC_ERR_ARG);
    g_assert_cmpstr(err.message, ==, "BisPhase \"Lead\" kommt in Phasenfolge vor VonPhase \"Won\"");
    /* an English user interface: English */
    german_ui = FALSE;
    pc_error_clear(&err);
    g_assert_cmpint(pc_stage_conversion(order, "Won", "Lead", order, NULL, &r, &err), ==,
                    PC_ERR_ARG);
    g_assert_cmpstr(err.message, ==, "ToStage \"Lead\" comes before FromStage \"Won\" in StageOrder");
    pc_status_set_translate(NULL);
    pc_table_free(amounts);
    pc_table_free(stages);
    pc_table_free(probs);
    pc_table_free(pct);
    pc_table_free(order);
}

/* ---- the sources: every message has an entry ---- */

/* The calls whose string-literal argument is an English text a user may read: pc_fail's
 * format, and the argument names the core quotes through "%s" and translates with
 * pc_status_translate. */
static const struct {
    const char *function;
    guint arg; /* 0-based */
} MESSAGE_ARGS[] = {
    { "pc_fail", 4 },
    { "pc_optional_number", 2 },
    { "check_cells", 2 }, /* pc_score.c */
};

/* What a format argument may contain besides string literals: GLib's format macros. */
static const char *macro_value(const char *name)
{
    static const struct {
        const char *name, *value;
    } MACROS[] = {
        { "G_GSIZE_FORMAT", G_GSIZE_FORMAT },   { "G_GSSIZE_FORMAT", G_GSSIZE_FORMAT },
        { "G_GINT64_FORMAT", G_GINT64_FORMAT }, { "G_GUINT64_FORMAT", G_GUINT64_FORMAT },
        { "G_GINT32_FORMAT", G_GINT32_FORMAT }, { "G_GUINT32_FORMAT", G_GUINT32_FORMAT },
        { "G_GOFFSET_FORMAT", G_GOFFSET_FORMAT },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(MACROS); i++)
        if (strcmp(name, MACROS[i].name) == 0)
            return MACROS[i].value;
    return NULL;
}

/* Formats that need no entry: they only pass on a text that is already in the user's
 * language (ac_explain.c: "%s" with an tx_text). */
static gboolean exempt(const char *text)
{
    return strcmp(text, "%s") == 0;
}

typedef struct {
    char *file;
    guint line;
    char *text;  /* the argument's string, macros expanded; NULL when not a literal */
    char *error; /* why it could not be read */
} Found;

static void found_free(gpointer p)
{
    Found *f = p;
    g_free(f->file);
    g_free(f->text);
    g_free(f->error);
    g_free(f);
}

/* Skip a string or character literal starting at *P (the quote); return the position
 * after it, appending the unescaped contents to OUT when not NULL. */
static const char *skip_literal(const char *p, GString *out)
{
    char quote = *p++;
    while (*p && *p != quote) {
        if (*p == '\\' && p[1]) {
            p++;
            char c = *p;
            if (c == 'n' || c == 't') {
                if (out)
                    g_string_append_c(out, c == 'n' ? '\n' : '\t');
                p++;
            } else if (c == 'x') {
                guint v = 0;
                p++;
                while (g_ascii_isxdigit(*p))
                    v = v * 16 + (guint)g_ascii_xdigit_value(*p++);
                if (out)
                    g_string_append_c(out, (char)v);
            } else if (c >= '0' && c <= '7') {
                guint v = 0;
                for (int k = 0; k < 3 && *p >= '0' && *p <= '7'; k++)
                    v = v * 8 + (guint)(*p++ - '0');
                if (out)
                    g_string_append_c(out, (char)v);
            } else {
                if (out)
                    g_string_append_c(out, c);
                p++;
            }
            continue;
        }
        if (out)
            g_string_append_c(out, *p);
        p++;
    }
    return *p ? p + 1 : p;
}

static const char *skip_space_and_comments(const char *p, guint *line)
{
    for (;;) {
        if (*p == '\n')
            (*line)++;
        if (g_ascii_isspace(*p)) {
            p++;
        } else if (p[0] == '/' && p[1] == '/') {
            while (*p && *p != '\n')
                p++;
        } else if (p[0] == '/' && p[1] == '*') {
            p += 2;
            while (*p && !(p[0] == '*' && p[1] == '/'))
                *line += *p++ == '\n';
            p += *p ? 2 : 0;
        } else {
            return p;
        }
    }
}

/* Past one call argument from P: up to the ',' or ')' that ends it at its own level (not
 * consumed), literals and brackets skipped, lines counted into *LINE. *OTHER (may be NULL)
 * tells whether anything but white space, literals and brackets was in the way. */
static const char *skip_argument(const char *p, guint *line, gboolean *other)
{
    int depth = 0;
    while (*p && !(depth == 0 && (*p == ',' || *p == ')'))) {
        if (*p == '"' || *p == '\'') {
            p = skip_literal(p, NULL);
            continue;
        }
        if (*p == '(' || *p == '[' || *p == '{')
            depth++;
        else if (*p == ')' || *p == ']' || *p == '}')
            depth--;
        else if (*p == '\n')
            (*line)++;
        else if (other && !g_ascii_isspace(*p))
            *other = TRUE;
        p++;
    }
    return p;
}

/* Read the argument starting at P (after its leading spaces) up to its ',' or ')' at
 * depth 0: string literals and known macros only, else F->error. Returns where it ends. */
static const char *read_literal_arg(const char *p, guint *line, Found *f)
{
    GString *s = g_string_new(NULL);
    gboolean any = FALSE;
    for (;;) {
        p = skip_space_and_comments(p, line);
        if (*p == '"') {
            p = skip_literal(p, s);
            any = TRUE;
        } else if (g_ascii_isalpha(*p) || *p == '_') {
            const char *start = p;
            while (g_ascii_isalnum(*p) || *p == '_')
                p++;
            char *name = g_strndup(start, (gsize)(p - start));
            const char *v = macro_value(name);
            if (v) {
                g_string_append(s, v);
            } else if (!f->error) {
                f->error = g_strdup_printf("not a string literal (%s)", name);
            }
            g_free(name);
        } else {
            break;
        }
    }
    if (!any && !f->error)
        f->error = g_strdup("not a string literal");
    /* the rest of a non-literal argument */
    gboolean more = FALSE;
    p = skip_argument(p, line, &more);
    if (more && !f->error)
        f->error = g_strdup("not a string literal");
    f->text = f->error ? NULL : g_string_free(g_steal_pointer(&s), FALSE);
    if (s)
        g_string_free(s, TRUE);
    return p;
}

/* Every MESSAGE_ARGS argument in the C source TEXT of FILE, into OUT. */
static void scan_source(const char *file, const char *text, GPtrArray *out)
{
    guint line = 1;
    char prev_ident[64] = "";
    const char *p = text;
    while (*p) {
        const char *q = skip_space_and_comments(p, &line);
        if (q != p) {
            p = q;
            continue;
        }
        if (*p == '"' || *p == '\'') {
            const char *end = skip_literal(p, NULL);
            for (; p < end; p++)
                line += *p == '\n';
            prev_ident[0] = '\0';
            continue;
        }
        if (!(g_ascii_isalpha(*p) || *p == '_')) {
            prev_ident[0] = '\0';
            p++;
            continue;
        }
        const char *start = p;
        while (g_ascii_isalnum(*p) || *p == '_')
            p++;
        gsize len = (gsize)(p - start);
        gssize which = -1;
        for (gsize i = 0; i < G_N_ELEMENTS(MESSAGE_ARGS); i++)
            if (strlen(MESSAGE_ARGS[i].function) == len && strncmp(start, MESSAGE_ARGS[i].function, len) == 0)
                which = (gssize)i;
        /* a call, not the declaration "PcStatus pc_fail(" (a type name before it) */
        static const char *const KEYWORDS[] = { "return", "else", "case", "do", NULL };
        gboolean declaration = prev_ident[0] && !g_strv_contains(KEYWORDS, prev_ident);
        g_strlcpy(prev_ident, start, MIN(len + 1, sizeof prev_ident));
        guint call_line = line;
        const char *open = skip_space_and_comments(p, &line);
        if (which < 0 || declaration || *open != '(')
            continue;
        /* skip to the wanted argument */
        p = open + 1;
        guint arg = 0;
        while (arg < MESSAGE_ARGS[which].arg) {
            p = skip_argument(p, &line, NULL);
            if (*p != ',')
                break; /* the call's ')' or the end of the text */
            p++;
            arg++;
        }
        Found *f = g_new0(Found, 1);
        f->file = g_strdup(file);
        f->line = call_line;
        if (arg == MESSAGE_ARGS[which].arg)
            p = read_literal_arg(p, &line, f);
        else
            f->error = g_strdup("too few arguments");
        g_ptr_array_add(out, f);
        prev_ident[0] = '\0';
    }
}

static void scan_dir(const char *dir, GPtrArray *out, guint *files)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    if (!d)
        return;
    const char *name;
    while ((name = g_dir_read_name(d))) {
        char *path = g_build_filename(dir, name, NULL);
        if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
            scan_dir(path, out, files);
        } else if (g_str_has_suffix(name, ".c")) {
            char *text = NULL;
            if (g_file_get_contents(path, &text, NULL, NULL)) {
                scan_source(path, text, out);
                (*files)++;
            }
            g_free(text);
        }
        g_free(path);
    }
    g_dir_close(d);
}

/* the scanner itself, on a made-up source */
static void reasons_scanner_reads_calls(void)
{
    const char *src =
        "PcStatus pc_fail(PcError *err, PcStatus s, int arg, gssize row, const char *fmt, ...);\n"
        "/* pc_fail(err, 0, 0, 0, \"in a comment\") */\n"
        "static int f(void) {\n"
        "    const char *s = \"pc_fail(in a string\";\n"
        "    return pc_fail(err, PC_ERR_NA, 1, (gssize)row,\n"
        "                   \"row %\" G_GSIZE_FORMAT \": \\\"%s\\\" is \" /* mid */ \"here\",\n"
        "                   row + 1, g(a, b));\n"
        "    x = cond ? pc_optional_number(t, 3, \"Smoothing\", &g, &v, err) : 0;\n"
        "    pc_fail(err, 1, 2, 3, fmt, x);\n"
        "    pc_fail(err, 1, 2, 3, \"a\" UNKNOWN_MACRO, x);\n"
        "}\n";
    GPtrArray *out = g_ptr_array_new_with_free_func(found_free);
    scan_source("x.c", src, out);
    g_assert_cmpuint(out->len, ==, 4);
    Found *f = g_ptr_array_index(out, 0);
    g_assert_cmpuint(f->line, ==, 5);
    g_assert_null(f->error);
    g_assert_cmpstr(f->text, ==, "row %" G_GSIZE_FORMAT ": \"%s\" is here");
    f = g_ptr_array_index(out, 1);
    g_assert_cmpuint(f->line, ==, 8);
    g_assert_cmpstr(f->text, ==, "Smoothing");
    f = g_ptr_array_index(out, 2);
    g_assert_null(f->text);
    g_assert_nonnull(f->error);
    f = g_ptr_array_index(out, 3);
    g_assert_null(f->text);
    g_assert_nonnull(strstr(f->error, "UNKNOWN_MACRO"));
    g_ptr_array_unref(out);
}

static GPtrArray *scan_sources(guint *files)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(found_free);
    char *dir = g_build_filename(PIPECALC_SOURCE_DIR, "addin", NULL);
    *files = 0;
    scan_dir(dir, out, files);
    if (*files == 0)
        g_error("no C sources under %s (run from the repository, or build with make)", dir);
    g_free(dir);
    return out;
}

static void reasons_every_source_message_has_german(void)
{
    guint files;
    GPtrArray *found = scan_sources(&files);
    GString *missing = g_string_new(NULL);
    guint checked = 0;
    for (guint i = 0; i < found->len; i++) {
        const Found *f = g_ptr_array_index(found, i);
        if (f->error) {
            g_string_append_printf(missing, "\n  %s:%u: %s", f->file, f->line, f->error);
            continue;
        }
        checked++;
        if (exempt(f->text) || tx_reasons_german(f->text))
            continue;
        char *shown = g_strescape(f->text, NULL);
        g_string_append_printf(missing, "\n  %s:%u: \"%s\" has no German in tx_reasons_de.c", f->file,
                               f->line, shown);
        g_free(shown);
    }
    g_test_message("%u messages in %u files", checked, files);
    g_assert_cmpuint(checked, >, 60);
    if (missing->len)
        g_error("messages without a German translation:%s", missing->str);
    g_string_free(missing, TRUE);
    g_ptr_array_unref(found);
}

/* and the other way round: no entry outlives its message */
static void reasons_every_entry_is_used(void)
{
    guint files;
    GPtrArray *found = scan_sources(&files);
    GHashTable *used = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < found->len; i++) {
        const Found *f = g_ptr_array_index(found, i);
        if (f->text)
            g_hash_table_add(used, f->text);
    }
    gsize n;
    const TxReason *r = tx_reasons_de(&n);
    GString *stale = g_string_new(NULL);
    for (gsize i = 0; i < n; i++)
        if (!g_hash_table_contains(used, r[i].en))
            g_string_append_printf(stale, "\n  \"%s\"", r[i].en);
    if (stale->len)
        g_error("entries of tx_reasons_de.c no source uses (changed or removed messages?):%s",
                stale->str);
    g_string_free(stale, TRUE);
    g_hash_table_unref(used);
    g_ptr_array_unref(found);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/core/reasons/conversion-parser", reasons_conversion_parser);
    g_test_add_func("/core/reasons/same-conversions-in-the-same-order",
                    reasons_same_conversions_in_the_same_order);
    g_test_add_func("/core/reasons/keep-quotes-and-row-prefixes", reasons_keep_quotes_and_row_prefixes);
    g_test_add_func("/core/reasons/translator-follows-the-ui-language",
                    reasons_translator_follows_the_ui_language);
    g_test_add_func("/core/reasons/core-speaks-german", reasons_core_speaks_german);
    g_test_add_func("/core/reasons/scanner-reads-calls", reasons_scanner_reads_calls);
    g_test_add_func("/core/reasons/every-source-message-has-german",
                    reasons_every_source_message_has_german);
    g_test_add_func("/core/reasons/every-entry-is-used", reasons_every_entry_is_used);
    return g_test_run();
}
