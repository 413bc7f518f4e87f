/* fn_addin.c - the add-in object: per call, unpack the arguments, run the core, pack the
 * result. Members of org.pipecalc.XPipelineFunctions are matched to fn_table rows once, by
 * their position in the interface; every call after that is an array lookup. */
#include "fn_addin.h"

#include "cu_convert.h"
#include "cu_except.h"
#include "cu_string.h"
#include "fn_table.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define INTERFACE_NAME "org.pipecalc.XPipelineFunctions"
#define MAX_MEMBERS 32

/* member position -> fn_table row, or NULL (XInterface members, or a row whose IDL
 * signature does not match the table: calling it raises instead of misreading memory) */
static const FnInfo *fn_at_position[MAX_MEMBERS];

/* TRUE when METHOD's IDL parameters have exactly the table's types. */
static gboolean signature_matches(const typelib_InterfaceMethodTypeDescription *method,
                                  const FnInfo *fn)
{
    if (method->nParams != fn->n_params)
        return FALSE;
    for (int i = 0; i < fn->n_params; i++) {
        char *idl = cu_ustr_to_utf8(method->pParams[i].pTypeRef->pTypeName);
        const char *want = NULL;
        switch (fn->params[i].type) { /* type names as the type library spells them */
        case FN_ARG_RANGE: want = "[][]any"; break;
        case FN_ARG_ANY: want = "any"; break;
        case FN_ARG_STRING: want = "string"; break;
        case FN_ARG_DOUBLE: want = "double"; break;
        }
        gboolean same = strcmp(idl, want) == 0;
        g_free(idl);
        if (!same)
            return FALSE;
    }
    return TRUE;
}

/* Match member POS to its table row, if the IDL signature agrees with the table. */
static void match_member(sal_Int32 pos, const typelib_InterfaceMemberTypeDescription *m,
                         gpointer unused)
{
    (void)unused;
    char *method = cu_ustr_to_utf8(m->pMemberName);
    const FnInfo *fn = fn_find(method);
    if (fn && pos < MAX_MEMBERS && m->aBase.eTypeClass == typelib_TypeClass_INTERFACE_METHOD &&
        signature_matches((const typelib_InterfaceMethodTypeDescription *)m, fn))
        fn_at_position[pos] = fn;
    else
        fprintf(stderr, "pipecalc: %s has no matching table row\n", method);
    g_free(method);
}

static gpointer resolve_members(gpointer unused)
{
    (void)unused;
    cu_each_member(INTERFACE_NAME, match_member, NULL);
    return NULL;
}

static void free_values(const FnInfo *fn, FnValue *values)
{
    for (int i = 0; i < fn->n_params; i++) {
        pc_table_free(values[i].table);
        g_free((char *)values[i].text);
    }
}

/* Convert the UNO arguments of FN into VALUES. FALSE when memory runs out. */
static gboolean unpack(const FnInfo *fn, void **args, FnValue *values)
{
    gboolean ok = TRUE;
    for (int i = 0; i < fn->n_params && ok; i++) {
        switch (fn->params[i].type) {
        case FN_ARG_RANGE:
            values[i].table = cu_table_from_any_rows(*(uno_Sequence **)args[i]);
            ok = values[i].table != NULL;
            break;
        case FN_ARG_ANY:
            values[i].table = cu_table_from_any((const uno_Any *)args[i], &ok);
            break;
        case FN_ARG_STRING:
            values[i].text = cu_ustr_to_utf8(*(rtl_uString **)args[i]);
            break;
        case FN_ARG_DOUBLE:
            values[i].number = *(double *)args[i];
            break;
        }
    }
    return ok;
}

/* Store the Calc error value of STATUS as FN's result in RET. */
static void pack_error(const FnInfo *fn, PcStatus status, void *ret)
{
    double e = cu_calc_error(pc_status_calc_code(status));
    if (fn->result == FN_RESULT_DOUBLE)
        *(double *)ret = e;
    else
        cu_return_double_rows(ret, &e, 1, 1); /* Calc repeats a 1 x 1 result over the array */
}

/* Run FN into RET. Every failure is a Calc error value (pc_status.h): the core's reason
 * is for Explain, which re-runs the call, since Calc shows none. */
static void call_function(const FnInfo *fn, void *ret, void **args)
{
    FnValue values[FN_MAX_PARAMS];
    memset(values, 0, sizeof values);
    FnResult result = { 0 };
    PcError err;
    pc_error_clear(&err);
    PcStatus s = unpack(fn, args, values) ? fn->run(values, &result, &err) : PC_ERR_NOMEM;
    free_values(fn, values);
    if (s == PC_OK && result.rows * result.cols == 0) { /* Calc cannot show an empty array */
        g_free(result.values);
        g_free(result.status);
        s = PC_ERR_NA;
    }
    if (s != PC_OK) {
        pack_error(fn, s, ret);
        return;
    }
    for (gsize i = 0; i < result.rows * result.cols; i++) {
        if (result.status && result.status[i] != PC_OK) /* a cell's own error */
            result.values[i] = cu_calc_error(pc_status_calc_code(result.status[i]));
        else if (!isfinite(result.values[i])) /* never a NaN posing as a number */
            result.values[i] = cu_calc_error(pc_status_calc_code(PC_ERR_NUM));
    }
    g_free(result.status);
    if (fn->result == FN_RESULT_DOUBLE)
        *(double *)ret = result.values[0];
    else
        cu_return_double_rows(ret, result.values, result.rows, result.cols);
    g_free(result.values);
}

static gboolean functions_call(CuObject *self, guint iface, sal_Int32 pos,
                               const typelib_TypeDescription *member, void *ret, void **args,
                               uno_Any *exc_storage)
{
    (void)self; (void)iface; (void)member;
    static GOnce resolved = G_ONCE_INIT;
    g_once(&resolved, resolve_members, NULL);
    const FnInfo *fn = pos >= 0 && pos < MAX_MEMBERS ? fn_at_position[pos] : NULL;
    if (!fn) {
        cu_throw_runtime(exc_storage, "Pipecalc: this function does not match the installed "
                                      "type library; reinstall the extension");
        return TRUE;
    }
    call_function(fn, ret, args);
    return FALSE;
}

static const CuInterface ADDIN_INTERFACES[] = {
    { INTERFACE_NAME, functions_call },
    { "com.sun.star.lang.XServiceInfo", cu_object_standard_call },
    { "com.sun.star.lang.XTypeProvider", cu_object_standard_call },
    { NULL, NULL },
};
static const char *const ADDIN_SERVICES[] = { "com.sun.star.sheet.AddIn", FN_ADDIN_IMPLEMENTATION,
                                              NULL };
static const CuClass ADDIN_CLASS = { FN_ADDIN_IMPLEMENTATION, ADDIN_SERVICES, ADDIN_INTERFACES,
                                     NULL };

CuObject *fn_addin_new(void)
{
    return cu_object_new(&ADDIN_CLASS, sizeof(CuObject));
}
