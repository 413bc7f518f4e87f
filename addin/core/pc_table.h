/* pc_table.h - a read-only grid of spreadsheet cells, the core's only input type.
 *
 * Whatever Calc hands us (a range, an inline array, one value) becomes a PcTable of
 * rows x cols cells, each empty, a number, a text or an error. Texts are interned: every
 * distinct text is stored once and cells refer to it by id, so work that depends only on
 * the text (normalising a stage name, say) is done once per distinct text, not per cell.
 */
#ifndef PC_TABLE_H
#define PC_TABLE_H

#include <glib.h>

typedef enum {
    PC_CELL_EMPTY = 0, /* an empty cell, or an empty text: Calc hands both over as "" */
    PC_CELL_NUMBER,    /* numbers, dates (serials), booleans (1/0) */
    PC_CELL_TEXT,
    PC_CELL_ERROR /* an error value inside an inline or computed array; num = Calc code */
} PcCellKind;

typedef struct {
    double num;    /* PC_CELL_NUMBER: the value; PC_CELL_ERROR: Calc's error code */
    guint32 text;  /* PC_CELL_TEXT: id of the text, see pc_table_text() */
    guint32 kind;  /* a PcCellKind */
} PcCell;

typedef struct {
    gsize rows, cols;
    PcCell *cells;       /* rows * cols, row-major */
    GPtrArray *texts;    /* id -> NUL-terminated UTF-8, owned */
    GHashTable *intern;  /* UTF-8 -> id + 1, while the table is being filled */
} PcTable;

/* Largest number of cells a table may hold: a full Calc column (1,048,576 rows) of 16
 * columns. Bigger inputs are refused with PC_ERR_NOMEM before anything is allocated. */
#define PC_TABLE_MAX_CELLS ((gsize)1048576 * 16)

/* Create a table of ROWS x COLS empty cells. Returns NULL when the size is 0 in one
 * direction only, or the cell count is over PC_TABLE_MAX_CELLS. 0 x 0 is allowed. */
PcTable *pc_table_new(gsize rows, gsize cols);

/* Free T and its texts. No operation when T is NULL. */
void pc_table_free(PcTable *t);

void pc_table_set_number(PcTable *t, gsize row, gsize col, double value);
void pc_table_set_error(PcTable *t, gsize row, gsize col, int calc_error_code);

/* Store UTF8 (LEN bytes, or NUL-terminated when LEN < 0) at ROW, COL. An empty text makes
 * the cell empty. Invalid UTF-8 is stored with each bad byte replaced by U+FFFD. */
void pc_table_set_text(PcTable *t, gsize row, gsize col, const char *utf8, gssize len);

/* Store at ROW, COL the text already stored in T under ID (from an earlier cell), without
 * looking it up again: converters use it when the same source string repeats. */
void pc_table_set_text_id(PcTable *t, gsize row, gsize col, guint32 id);

static inline const PcCell *pc_table_at(const PcTable *t, gsize row, gsize col)
{
    return &t->cells[row * t->cols + col];
}

/* The UTF-8 text of a PC_CELL_TEXT cell of T. */
static inline const char *pc_table_text(const PcTable *t, const PcCell *cell)
{
    return (const char *)g_ptr_array_index(t->texts, cell->text);
}

/* Number of distinct texts in T: text ids are 0 .. count-1. */
static inline guint pc_table_text_count(const PcTable *t)
{
    return t->texts->len;
}

/* A "column" argument may be a column or a row of cells. Returns its length, or -1 when T
 * has more than one row and more than one column. A 0 x 0 table has length 0. */
gssize pc_table_vector_len(const PcTable *t);

/* Cell I of a one-dimensional T (column or row). */
static inline const PcCell *pc_table_vector_at(const PcTable *t, gsize i)
{
    return &t->cells[i];
}

/* TRUE when every cell of T is empty (also for NULL and 0 x 0). */
gboolean pc_table_is_blank(const PcTable *t);

#endif
