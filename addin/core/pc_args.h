/* pc_args.h - reading the optional scalar arguments every function shares. */
#ifndef PC_ARGS_H
#define PC_ARGS_H

#include "pc_status.h"
#include "pc_table.h"

/* Read an optional number argument (PeriodStart, Percentile, Smoothing, ...). Omitted
 * (*GIVEN = FALSE) when T is NULL or 0 x 0, or its one cell is empty, an empty text or 0:
 * Calc passes a reference to an empty cell as 0, and templates rely on that. Otherwise
 * *GIVEN = TRUE and *VALUE is the number. Text gives PC_ERR_VALUE, an error value
 * PC_ERR_VALUE, more than one cell PC_ERR_ARG, a non-finite number PC_ERR_NUM; ARG is the
 * argument position reported in ERR, NAME its English name (a string literal: a message
 * shows it through pc_status_translate). */
PcStatus pc_optional_number(const PcTable *t, int arg, const char *name, gboolean *given,
                            double *value, PcError *err);

/* The same for one cell C of T (an element of an argument given as a range, or T's only
 * cell): empty or 0 is omitted, text or an error value PC_ERR_VALUE, a non-finite number
 * PC_ERR_NUM (row -1 in ERR: the caller knows the element). */
PcStatus pc_optional_number_cell(const PcTable *t, const PcCell *c, int arg, const char *name,
                                 gboolean *given, double *value, PcError *err);

#endif
