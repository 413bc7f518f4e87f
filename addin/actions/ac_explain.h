/* ac_explain.h - why a cell calling one of our functions shows an error.
 *
 * Calc shows only the code (#NUM!, Err:502); the core knows the row and the reason. For
 * the cell at the view's cursor, ac_explain_cell reads the formula, finds the first call of
 * ORG.PIPECALC.PIPELINEFUNCTIONS.<method>, resolves each argument (a cell reference, a
 * named range, a number or a "text"), reads the referenced cells and runs the same
 * fn_table adapter Calc's call ran, then words the core's PcError with the sheet cell it
 * points at. Nothing is written. */
#ifndef AC_EXPLAIN_H
#define AC_EXPLAIN_H

#include "cu_props.h"

/* Explain the cell at CONTROLLER's cursor into *TEXT (g_free), in the user interface's
 * language. Returns FALSE when that cell calls none of our functions (*TEXT says so), TRUE
 * otherwise: *TEXT then says why it shows its error, that it computes without one, or
 * why Pipecalc cannot tell. */
gboolean ac_explain_cell(uno_Interface *controller, char **text);

#endif
