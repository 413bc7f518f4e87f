/* pc_select.h - a new table made of chosen rows and columns of another.
 *
 * The sidebar reads the whole lead table once and hands the core functions the parts they
 * take as arguments: the open rows' attribute columns, the closed rows' outcomes, ...
 */
#ifndef PC_SELECT_H
#define PC_SELECT_H

#include "pc_table.h"

/* Copy cells (ROWS[i], COLS[j]) of T into a new N_ROWS x N_COLS table. Returns NULL when
 * the size is refused by pc_table_new (0 rows with columns gives a 0 x 0 table). */
PcTable *pc_table_select(const PcTable *t, const gsize *rows, gsize n_rows, const gsize *cols,
                         gsize n_cols);

#endif
