/* test-table.c - the one function table agrees with the IDL and the generated
 * CalcAddIns.xcu: every IDL method has a row and every row a method, parameter names and
 * types match, and a parameter is optional exactly when its IDL type is `any` (Calc lets
 * only `any` parameters be omitted). */
#include "fn_table.h"
#include "idl_reader.h"

#include <string.h>

/* The methods of interface XPipelineFunctions in the IDL file. */
static GPtrArray *read_idl(void)
{
    return idl_read_members(IDL_FILE, "XPipelineFunctions");
}

static void every_idl_method_has_a_row(void)
{
    GPtrArray *methods = read_idl();
    g_assert_cmpuint(methods->len, ==, (guint)fn_count);
    for (guint i = 0; i < methods->len; i++) {
        IdlMember *m = g_ptr_array_index(methods, i);
        const FnInfo *fn = fn_find(m->name);
        g_assert_nonnull(fn);
        g_assert_cmpstr(m->result, ==, fn_result_idl_type(fn->result));
        g_assert_cmpuint(m->param_types->len, ==, (guint)fn->n_params);
        for (int p = 0; p < fn->n_params; p++) {
            g_assert_cmpstr(g_ptr_array_index(m->param_names, p), ==, fn->params[p].name);
            g_assert_cmpstr(g_ptr_array_index(m->param_types, p), ==, fn_arg_idl_type(fn->params[p].type));
        }
    }
    g_ptr_array_unref(methods);
}

static void every_row_has_an_idl_method(void)
{
    GPtrArray *methods = read_idl();
    for (int i = 0; i < fn_count; i++) {
        gboolean found = FALSE;
        for (guint j = 0; j < methods->len; j++)
            found |= strcmp(((IdlMember *)g_ptr_array_index(methods, j))->name, fn_table[i].method) == 0;
        g_assert_true(found);
    }
    g_ptr_array_unref(methods);
}

static void optional_exactly_when_any(void)
{
    for (int i = 0; i < fn_count; i++)
        for (int p = 0; p < fn_table[i].n_params; p++) {
            const FnParam *param = &fn_table[i].params[p];
            g_assert_cmpint(param->optional, ==, param->type == FN_ARG_ANY);
            /* Calc only lets trailing arguments be left out */
            if (param->optional && p + 1 < fn_table[i].n_params)
                g_assert_true(fn_table[i].params[p + 1].optional);
        }
}

static void every_text_is_present(void)
{
    GHashTable *en = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *de = g_hash_table_new(g_str_hash, g_str_equal);
    for (int i = 0; i < fn_count; i++) {
        const FnInfo *fn = &fn_table[i];
        g_assert_true(fn->name_en && *fn->name_en && fn->name_de && *fn->name_de);
        g_assert_true(fn->help_en && *fn->help_en && fn->help_de && *fn->help_de);
        g_assert_false(g_hash_table_contains(en, fn->name_en)); /* names are unique */
        g_assert_false(g_hash_table_contains(de, fn->name_de));
        g_hash_table_add(en, (gpointer)fn->name_en);
        g_hash_table_add(de, (gpointer)fn->name_de);
        g_assert_true(g_utf8_validate(fn->help_de, -1, NULL));
        for (int p = 0; p < fn->n_params; p++) {
            const FnParam *param = &fn->params[p];
            g_assert_true(*param->name_en && *param->help_en && *param->name_de && *param->help_de);
        }
    }
    g_hash_table_destroy(en);
    g_hash_table_destroy(de);
}

static void generated_xcu_has_every_row(void)
{
    char *xcu = NULL;
    g_assert_true(g_file_get_contents(XCU_FILE, &xcu, NULL, NULL));
    for (int i = 0; i < fn_count; i++) {
        char *node = g_strdup_printf("<node oor:name=\"%s\" oor:op=\"replace\">", fn_table[i].method);
        g_assert_nonnull(strstr(xcu, node));
        g_free(node);
        for (int p = 0; p < fn_table[i].n_params; p++) {
            node = g_strdup_printf("<node oor:name=\"%s\" oor:op=\"replace\">", fn_table[i].params[p].name);
            g_assert_nonnull(strstr(xcu, node));
            g_free(node);
        }
        char *de = g_strdup_printf("<value xml:lang=\"de\">%s</value>", fn_table[i].name_de);
        g_assert_nonnull(strstr(xcu, de));
        g_free(de);
    }
    g_free(xcu);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/functions/table/every-idl-method-has-a-row", every_idl_method_has_a_row);
    g_test_add_func("/functions/table/every-row-has-an-idl-method", every_row_has_an_idl_method);
    g_test_add_func("/functions/table/optional-exactly-when-any", optional_exactly_when_any);
    g_test_add_func("/functions/table/every-text-is-present", every_text_is_present);
    g_test_add_func("/functions/table/generated-xcu-has-every-row", generated_xcu_has_every_row);
    return g_test_run();
}
