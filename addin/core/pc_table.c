/* pc_table.c - building the cell grid the core reads. */
#include "pc_table.h"

#include <string.h>

PcTable *pc_table_new(gsize rows, gsize cols)
{
    if ((rows == 0) != (cols == 0))
        return NULL;
    if (rows && cols > PC_TABLE_MAX_CELLS / rows)
        return NULL;
    PcTable *t = g_try_new0(PcTable, 1);
    if (!t)
        return NULL;
    t->rows = rows;
    t->cols = cols;
    /* calloc-style zeroing makes every cell PC_CELL_EMPTY */
    t->cells = rows ? g_try_new0(PcCell, rows * cols) : NULL;
    if (rows && !t->cells) {
        g_free(t);
        return NULL;
    }
    t->texts = g_ptr_array_new_with_free_func(g_free);
    t->intern = g_hash_table_new(g_str_hash, g_str_equal);
    return t;
}

void pc_table_free(PcTable *t)
{
    if (!t)
        return;
    g_hash_table_destroy(t->intern);
    g_ptr_array_unref(t->texts);
    g_free(t->cells);
    g_free(t);
}

void pc_table_set_number(PcTable *t, gsize row, gsize col, double value)
{
    g_return_if_fail(row < t->rows && col < t->cols);
    PcCell *c = &t->cells[row * t->cols + col];
    c->kind = PC_CELL_NUMBER;
    c->num = value;
}

void pc_table_set_error(PcTable *t, gsize row, gsize col, int calc_error_code)
{
    g_return_if_fail(row < t->rows && col < t->cols);
    PcCell *c = &t->cells[row * t->cols + col];
    c->kind = PC_CELL_ERROR;
    c->num = calc_error_code;
}

void pc_table_set_text(PcTable *t, gsize row, gsize col, const char *utf8, gssize len)
{
    g_return_if_fail(row < t->rows && col < t->cols);
    PcCell *c = &t->cells[row * t->cols + col];
    /* the hash table needs a NUL-terminated, valid key. A NUL-terminated valid text (what
     * converters pass) is looked up as it is: this runs once per text cell of every call */
    gboolean terminated = len < 0;
    if (terminated)
        len = (gssize)strlen(utf8);
    if (len == 0) {
        c->kind = PC_CELL_EMPTY;
        return;
    }
    char *copy = NULL;
    const char *key = utf8;
    if (!terminated || !g_utf8_validate_len(utf8, (gsize)len, NULL))
        key = copy = g_utf8_make_valid(utf8, len);
    gpointer id1 = g_hash_table_lookup(t->intern, key);
    if (id1) {
        g_free(copy);
    } else {
        char *text = copy ? copy : g_strndup(utf8, (gsize)len);
        g_ptr_array_add(t->texts, text);
        id1 = GUINT_TO_POINTER(t->texts->len);
        g_hash_table_insert(t->intern, text, id1);
    }
    c->kind = PC_CELL_TEXT;
    c->text = GPOINTER_TO_UINT(id1) - 1;
}

void pc_table_set_text_id(PcTable *t, gsize row, gsize col, guint32 id)
{
    g_return_if_fail(row < t->rows && col < t->cols && id < t->texts->len);
    PcCell *c = &t->cells[row * t->cols + col];
    c->kind = PC_CELL_TEXT;
    c->text = id;
}

gssize pc_table_vector_len(const PcTable *t)
{
    if (t->rows <= 1)
        return (gssize)t->cols;
    if (t->cols == 1)
        return (gssize)t->rows;
    return -1;
}

gboolean pc_table_is_blank(const PcTable *t)
{
    if (!t)
        return TRUE;
    for (gsize i = 0; i < t->rows * t->cols; i++)
        if (t->cells[i].kind != PC_CELL_EMPTY)
            return FALSE;
    return TRUE;
}
