/* fn_table.h - THE table of Pipecalc's spreadsheet functions.
 *
 * One row per function: its IDL method, English names and help, its parameters, and the
 * adapter that runs it on the core. Everything else is generated or checked from here:
 * CalcAddIns.xcu (build/gen-xcu.c, with the names and help of every po/<lang>.po: the
 * English texts are their msgids), the dispatch of the add-in object (fn_addin.c), and the
 * test that the IDL and this table agree.
 * No UNO header here: the generator and the unit tests link it without an office.
 */
#ifndef FN_TABLE_H
#define FN_TABLE_H

#include "pc_status.h"
#include "pc_table.h"

/* How Calc hands a parameter over; only FN_ARG_ANY may be omitted (Calc's rule). */
typedef enum {
    FN_ARG_RANGE,  /* sequence< sequence< any > >: a range, an inline array or one value */
    FN_ARG_ANY,    /* any: optional; a value, or a range */
    FN_ARG_STRING, /* string */
    FN_ARG_DOUBLE  /* double */
} FnArgType;

typedef enum {
    FN_RESULT_DOUBLE,      /* double */
    FN_RESULT_DOUBLE_ROWS, /* sequence< sequence< double > >, entered as an array formula */
} FnResultType;

typedef struct {
    const char *name;     /* the IDL parameter name, also the configuration node name */
    FnArgType type;
    gboolean optional;    /* must be TRUE exactly when type is FN_ARG_ANY (tested) */
    const char *name_en, *help_en; /* translated with tx() */
} FnParam;

/* One argument value, converted from UNO by the add-in (or built by a test). */
typedef struct {
    PcTable *table;    /* FN_ARG_RANGE and FN_ARG_ANY; NULL when an `any` was omitted */
    const char *text;  /* FN_ARG_STRING, UTF-8 */
    double number;     /* FN_ARG_DOUBLE */
} FnValue;

/* A result: ROWS x COLS values (1 x 1 for FN_RESULT_DOUBLE), g_malloc'd; STATUS, when not
 * NULL, the status of each value (a cell in error shows it; ERR of the run holds the first
 * one's reason), also g_malloc'd. */
typedef struct {
    double *values;
    PcStatus *status;
    gsize rows, cols;
} FnResult;

typedef PcStatus (*FnRun)(const FnValue *args, FnResult *out, PcError *err);

#define FN_MAX_PARAMS 8

typedef struct {
    const char *method; /* IDL method of org.pipecalc.XPipelineFunctions: a file format */
    const char *name_en, *help_en; /* translated with tx(): the German names are fixed */
    FnResultType result;
    FnRun run;
    int n_params;
    FnParam params[FN_MAX_PARAMS];
} FnInfo;

extern const FnInfo fn_table[];
extern const int fn_count;

/* The row for IDL method METHOD, or NULL. */
const FnInfo *fn_find(const char *method);

/* The IDL spelling of a parameter type ("any", "sequence< sequence< any > >", ...). */
const char *fn_arg_idl_type(FnArgType type);
const char *fn_result_idl_type(FnResultType type);

/* Calc category of every function, as in CalcAddIns.xcu. */
#define FN_CATEGORY "Add-In"

#endif
