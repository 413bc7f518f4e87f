/* pc_category.c - forecast category words (pc_category.h). */
#include "pc_category.h"

#include "pc_text.h"

#include <string.h>

/* Each category's words, letters and digits only (the key's other characters dropped). */
static const struct {
    const char *word;
    PcCategory category;
} WORDS[] = {
    { "commit", PC_CATEGORY_COMMIT },        { "committed", PC_CATEGORY_COMMIT },
    { "commitment", PC_CATEGORY_COMMIT },    { "zusage", PC_CATEGORY_COMMIT },
    { "zugesagt", PC_CATEGORY_COMMIT },      { "fest", PC_CATEGORY_COMMIT },
    { "festzugesagt", PC_CATEGORY_COMMIT },
    { "bestcase", PC_CATEGORY_BEST_CASE },   { "upside", PC_CATEGORY_BEST_CASE },
    { "besterfall", PC_CATEGORY_BEST_CASE }, { "bestfall", PC_CATEGORY_BEST_CASE },
    { "pipeline", PC_CATEGORY_PIPELINE },    { "pipe", PC_CATEGORY_PIPELINE },
    { "omitted", PC_CATEGORY_OMITTED },      { "omit", PC_CATEGORY_OMITTED },
    { "excluded", PC_CATEGORY_OMITTED },     { "ausgelassen", PC_CATEGORY_OMITTED },
    { "ausgeschlossen", PC_CATEGORY_OMITTED },
    { "closed", PC_CATEGORY_CLOSED },        { "geschlossen", PC_CATEGORY_CLOSED },
    { "abgeschlossen", PC_CATEGORY_CLOSED },
};

PcCategory pc_category_of_key(const char *key)
{
    if (!key || !*key)
        return PC_CATEGORY_NONE;
    GString *word = g_string_sized_new(strlen(key));
    for (const char *p = key; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isalnum(c))
            g_string_append_unichar(word, c);
    }
    PcCategory found = PC_CATEGORY_NONE;
    for (gsize i = 0; i < G_N_ELEMENTS(WORDS) && found == PC_CATEGORY_NONE; i++)
        if (strcmp(word->str, WORDS[i].word) == 0)
            found = WORDS[i].category;
    g_string_free(word, TRUE);
    return found;
}

PcCategory pc_category_of_cell(const GPtrArray *keys, const PcCell *cell)
{
    if (cell->kind != PC_CELL_TEXT)
        return PC_CATEGORY_NONE;
    return pc_category_of_key(g_ptr_array_index(keys, cell->text));
}

gboolean pc_category_is_column(const PcTable *t, gsize col)
{
    if (col >= t->cols)
        return FALSE;
    gboolean any = FALSE;
    for (gsize r = 1; r < t->rows; r++) {
        const PcCell *c = pc_table_at(t, r, col);
        if (c->kind == PC_CELL_EMPTY)
            continue;
        if (c->kind != PC_CELL_TEXT)
            return FALSE;
        const char *text = pc_table_text(t, c);
        if (pc_text_is_space(text))
            continue;
        char *key = pc_text_key(text);
        gboolean known = pc_category_of_key(key) != PC_CATEGORY_NONE;
        g_free(key);
        if (!known)
            return FALSE;
        any = TRUE;
    }
    return any;
}
