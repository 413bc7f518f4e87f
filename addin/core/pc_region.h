/* pc_region.h - the block of cells around one cell, as Calc's current region (Ctrl+*)
 * finds it, but inside given cells: the sidebar reads a table's extent with it where
 * Calc's own region would run through a column Pipecalc wrote (the marked Score column
 * between two tables), which is left out of the cells first. */
#ifndef PC_REGION_H
#define PC_REGION_H

#include "pc_table.h"

typedef struct {
    gsize row0, col0, row1, col1; /* inclusive */
} PcBox;

/* The region of T around cell ROW, COL: starting from that cell, the box grows by a row
 * or column on any side while the row or column beside it (its corners included) holds a
 * non-empty cell of T. A cell with nothing around it is its own region. */
PcBox pc_region_around(const PcTable *t, gsize row, gsize col);

#endif
