/* ac_products.h - the "Write products" action: the plan of rp_products.h, written by
 * cc_writer onto the sheet marked PIPECALC_PRODUCTS (or a new "Products" sheet) in one undo
 * step; a re-run refreshes the same sheet. */
#ifndef AC_PRODUCTS_H
#define AC_PRODUCTS_H

#include "cc_table.h"

/* Run the action on T. TRUE with the report in *MESSAGE, or FALSE with the user's sentence
 * why nothing was written (g_free either). */
gboolean ac_products_run(CcLeadTable *t, char **message);

#endif
