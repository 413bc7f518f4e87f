/* cu_convert.h - Calc's argument values into core tables, core results into UNO values. */
#ifndef CU_CONVERT_H
#define CU_CONVERT_H

#include "cu_sdk.h"
#include "pc_table.h"

/* Build a table from a sequence< sequence< any > > (outer = rows). Numbers, booleans and
 * dates become numbers, "" an empty cell, texts are converted to UTF-8; any other value
 * becomes an error cell. Returns NULL when memory runs out or the range is too large. */
PcTable *cu_table_from_any_rows(const uno_Sequence *rows);

/* Build a table from an `any` argument: NULL for a void any (argument omitted), a table
 * for a range or inline array, a 1 x 1 table for a single value. *OK is FALSE when memory
 * runs out or the range is too large. */
PcTable *cu_table_from_any(const uno_Any *value, gboolean *ok);

/* Store a sequence< sequence< double > > of ROWS x COLS (row-major VALUES) into RET. */
void cu_return_double_rows(void *ret, const double *values, gsize rows, gsize cols);

#endif
