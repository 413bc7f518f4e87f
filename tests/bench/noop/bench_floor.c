/* bench_floor.c - the marshalling floors of the benchmark (tests/bench/README in bench.py):
 * org.pipecalc.bench.BenchFloor, built from our binary-UNO toolkit (addin/uno) into its
 * own bench-only .oxt. noop* return at once (what Calc and the bridge cost before our code
 * runs); conv* convert their arguments into core tables exactly as fn_addin.c does and
 * free them (what our conversion adds). Score variants return a zero per lead row, so
 * that the result's marshalling is in the floor too. */
#include "cu_convert.h"
#include "cu_except.h"
#include "cu_factory.h"
#include "cu_string.h"

#include <string.h>

#define IMPLEMENTATION "org.pipecalc.bench.BenchFloor"

SAL_DLLPUBLIC_EXPORT void SAL_CALL component_getImplementationEnvironment(const char **env_type_name,
                                                                        uno_Environment **env);
SAL_DLLPUBLIC_EXPORT void *SAL_CALL component_getFactory(const char *implementation_name,
                                                       void *service_manager, void *registry_key);

enum { NOOP_FORECAST = 3, NOOP_CONVERSION, NOOP_SCORE, CONV_FORECAST, CONV_CONVERSION, CONV_SCORE,
       NOOP_FORECAST_DOUBLES, NOOP_VELOCITY, CONV_VELOCITY, NOOP_FIT, CONV_FIT, NOOP_DURATION, CONV_DURATION };

/* Zeros for every row of the leads argument. */
static void return_zeros(void *ret, const uno_Sequence *leads)
{
    gsize n = leads->nElements ? (gsize)leads->nElements : 1;
    double *z = g_new0(double, n);
    cu_return_double_rows(ret, z, n, 1);
    g_free(z);
}

/* Convert ARGS as fn_addin.c does: R = [][]any, A = any, S = string. */
static void convert(const char *types, void **args)
{
    for (int i = 0; types[i]; i++) {
        if (types[i] == 'R') {
            pc_table_free(cu_table_from_any_rows(*(uno_Sequence **)args[i]));
        } else if (types[i] == 'A') {
            gboolean ok;
            pc_table_free(cu_table_from_any((const uno_Any *)args[i], &ok));
        } else {
            g_free(cu_ustr_to_utf8(*(rtl_uString **)args[i]));
        }
    }
}

static gboolean floor_call(CuObject *self, guint iface, sal_Int32 pos,
                           const typelib_TypeDescription *member, void *ret, void **args,
                           uno_Any *exc_storage)
{
    (void)self; (void)iface; (void)member;
    switch (pos) {
    case NOOP_FORECAST:
    case NOOP_CONVERSION:
    case NOOP_FORECAST_DOUBLES:
    case NOOP_VELOCITY:
    case NOOP_DURATION:
        *(double *)ret = 0.0;
        return FALSE;
    case NOOP_SCORE:
    case NOOP_FIT:
        return_zeros(ret, *(uno_Sequence **)args[0]);
        return FALSE;
    case CONV_FORECAST:
        convert("RRRAAAA", args);
        *(double *)ret = 0.0;
        return FALSE;
    case CONV_CONVERSION:
        convert("RSSRA", args);
        *(double *)ret = 0.0;
        return FALSE;
    case CONV_VELOCITY:
        convert("RRRR", args);
        *(double *)ret = 0.0;
        return FALSE;
    case CONV_FIT:
        convert("RRRAA", args);
        return_zeros(ret, *(uno_Sequence **)args[0]);
        return FALSE;
    case CONV_DURATION:
        convert("RSA", args);
        *(double *)ret = 0.0;
        return FALSE;
    case CONV_SCORE:
        convert("RRRA", args);
        return_zeros(ret, *(uno_Sequence **)args[0]);
        return FALSE;
    default:
        cu_throw_runtime(exc_storage, "bench floor: no such member");
        return TRUE;
    }
}

static const CuInterface FLOOR_INTERFACES[] = {
    { "org.pipecalc.bench.XBenchFloor", floor_call },
    { "com.sun.star.lang.XServiceInfo", cu_object_standard_call },
    { "com.sun.star.lang.XTypeProvider", cu_object_standard_call },
    { NULL, NULL },
};
static const char *const FLOOR_SERVICES[] = { "com.sun.star.sheet.AddIn", IMPLEMENTATION, NULL };
static const CuClass FLOOR_CLASS = { IMPLEMENTATION, FLOOR_SERVICES, FLOOR_INTERFACES, NULL };

static CuObject *create_floor(uno_Interface *context)
{
    (void)context;
    return cu_object_new(&FLOOR_CLASS, sizeof(CuObject));
}

SAL_DLLPUBLIC_EXPORT void SAL_CALL component_getImplementationEnvironment(const char **env_type_name,
                                                                        uno_Environment **env)
{
    (void)env;
    *env_type_name = UNO_LB_UNO;
}

SAL_DLLPUBLIC_EXPORT void *SAL_CALL component_getFactory(const char *implementation_name,
                                                       void *service_manager, void *registry_key)
{
    (void)service_manager; (void)registry_key;
    if (strcmp(implementation_name, IMPLEMENTATION) != 0)
        return NULL;
    CuObject *f = cu_factory_new(IMPLEMENTATION, FLOOR_SERVICES, create_floor);
    return f ? cu_object_interface(f) : NULL;
}
