/* pc_region.c - a current region inside a table (see pc_region.h). */
#include "pc_region.h"

/* TRUE when a cell of T in rows R0..R1, columns C0..C1 is not empty. */
static gboolean any_filled(const PcTable *t, gsize r0, gsize r1, gsize c0, gsize c1)
{
    for (gsize r = r0; r <= r1; r++)
        for (gsize c = c0; c <= c1; c++)
            if (pc_table_at(t, r, c)->kind != PC_CELL_EMPTY)
                return TRUE;
    return FALSE;
}

PcBox pc_region_around(const PcTable *t, gsize row, gsize col)
{
    PcBox b = { row, col, row, col };
    /* each side is looked at again only after another side grew: the work is bounded by
       the cells of the final box and its border, a few times over */
    for (gboolean grew = TRUE; grew;) {
        grew = FALSE;
        gsize c0 = b.col0 ? b.col0 - 1 : 0, c1 = b.col1 + 1 < t->cols ? b.col1 + 1 : b.col1;
        while (b.row1 + 1 < t->rows && any_filled(t, b.row1 + 1, b.row1 + 1, c0, c1))
            b.row1++, grew = TRUE;
        while (b.row0 > 0 && any_filled(t, b.row0 - 1, b.row0 - 1, c0, c1))
            b.row0--, grew = TRUE;
        gsize r0 = b.row0 ? b.row0 - 1 : 0, r1 = b.row1 + 1 < t->rows ? b.row1 + 1 : b.row1;
        while (b.col1 + 1 < t->cols && any_filled(t, r0, r1, b.col1 + 1, b.col1 + 1))
            b.col1++, grew = TRUE;
        while (b.col0 > 0 && any_filled(t, r0, r1, b.col0 - 1, b.col0 - 1))
            b.col0--, grew = TRUE;
    }
    return b;
}
