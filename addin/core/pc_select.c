/* pc_select.c - copying a selection of rows and columns into a new table. */
#include "pc_select.h"

PcTable *pc_table_select(const PcTable *t, const gsize *rows, gsize n_rows, const gsize *cols,
                         gsize n_cols)
{
    if (n_rows == 0 || n_cols == 0)
        return pc_table_new(0, 0);
    PcTable *out = pc_table_new(n_rows, n_cols);
    if (!out)
        return NULL;
    for (gsize i = 0; i < n_rows; i++)
        for (gsize j = 0; j < n_cols; j++) {
            const PcCell *c = pc_table_at(t, rows[i], cols[j]);
            switch (c->kind) {
            case PC_CELL_NUMBER: pc_table_set_number(out, i, j, c->num); break;
            case PC_CELL_TEXT: pc_table_set_text(out, i, j, pc_table_text(t, c), -1); break;
            case PC_CELL_ERROR: pc_table_set_error(out, i, j, (int)c->num); break;
            default: break;
            }
        }
    return out;
}
