/* pc_args.c - optional scalar arguments. */
#include "pc_args.h"

#include <math.h>

PcStatus pc_optional_number(const PcTable *t, int arg, const char *name, gboolean *given,
                            double *value, PcError *err)
{
    *given = FALSE;
    if (!t || t->rows == 0)
        return PC_OK;
    if (t->rows != 1 || t->cols != 1)
        return pc_fail(err, PC_ERR_ARG, arg, -1, "%s must be a single value, not a range",
                       pc_status_translate(name));
    return pc_optional_number_cell(t, pc_table_at(t, 0, 0), arg, name, given, value, err);
}

PcStatus pc_optional_number_cell(const PcTable *t, const PcCell *c, int arg, const char *name,
                                 gboolean *given, double *value, PcError *err)
{
    *given = FALSE;
    switch (c->kind) {
    case PC_CELL_EMPTY:
        return PC_OK;
    case PC_CELL_TEXT:
        return pc_fail(err, PC_ERR_VALUE, arg, -1, "%s: \"%s\" is not a number",
                       pc_status_translate(name), pc_table_text(t, c));
    case PC_CELL_ERROR:
        return pc_fail(err, PC_ERR_VALUE, arg, -1, "%s is an error value",
                       pc_status_translate(name));
    default:
        break;
    }
    if (!isfinite(c->num))
        return pc_fail(err, PC_ERR_NUM, arg, -1, "%s is not a finite number",
                       pc_status_translate(name));
    if (c->num == 0.0)
        return PC_OK;
    *given = TRUE;
    *value = c->num;
    return PC_OK;
}
