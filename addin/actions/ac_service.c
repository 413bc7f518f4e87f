/* ac_service.c - the PipelineActions object: each XPipelineActions member is the row of
 * the actions table with its name, matched once by position (the interface is ours), its
 * arguments unpacked by the row's parameter kinds and run through ac_action_run. */
#include "ac_service.h"

#include "cu_except.h"
#include "cu_string.h"
#include "ac_checks.h"
#include "ac_explain.h"
#include "ac_score.h"
#include "ac_table.h"
#include "cc_locale.h"
#include "cc_table.h"
#include "tx_text.h"

#define INTERFACE_NAME "org.pipecalc.XPipelineActions"
#define MAX_MEMBERS AC_MAX_MEMBERS

/* member position -> its row (NULL: not one of ours) */
static const AcAction *action_at[MAX_MEMBERS];

/* Record which action member POS is, by its name. */
static void match_member(sal_Int32 pos, const typelib_InterfaceMemberTypeDescription *m,
                         gpointer unused)
{
    (void)unused;
    if (pos < 0 || pos >= MAX_MEMBERS)
        return;
    char *name = cu_ustr_to_utf8(m->pMemberName);
    action_at[pos] = ac_action_find(name);
    g_free(name);
}

static gpointer resolve_members(gpointer unused)
{
    (void)unused;
    cu_each_member(INTERFACE_NAME, match_member, NULL);
    return NULL;
}

/* The checks of the table around CONTROLLER's cursor (empty without a table). */
static GPtrArray *checks_of(uno_Interface *controller, CcLeadTable *t, gboolean *percent_fixable)
{
    gboolean found = cc_table_find(controller, t, NULL);
    if (!found)
        cc_table_clear(t); /* half-found: as no table */
    return ac_checks_list(t, percent_fixable);
}

void ac_service_panel(uno_Interface *controller, char **info, char **checks, char **explain,
                      char **factors, CcRoleColumns *columns, gboolean *percent_fixable,
                      char **table_key)
{
    CcLeadTable t;
    GPtrArray *lines = checks_of(controller, &t, percent_fixable);
    *info = cc_table_describe(&t);
    *table_key = t.cells ? cc_table_key(&t) : NULL;
    cc_roles_columns(&t, columns);
    if (!t.cells && t.not_leads) { /* refused as no lead table: roles may make it one */
        CcLeadTable any;
        if (!cc_table_find_columns(controller, &any, NULL))
            cc_table_clear(&any);
        cc_roles_columns_clear(columns);
        cc_roles_columns(&any, columns);
        cc_table_clear(&any);
    }
    *factors = t.cells ? ac_score_factors(&t, controller) : NULL;
    if (!t.cells) {
        *checks = g_strdup("");
    } else {
        GString *s = g_string_new(_("Data checks:"));
        if (lines->len == 0)
            g_string_append_printf(s, "\n  %s", _("No problems found in the data."));
        for (guint i = 0; i < lines->len; i++)
            g_string_append_printf(s, "\n- %s", (const char *)g_ptr_array_index(lines, i));
        *checks = g_string_free(s, FALSE);
    }
    g_ptr_array_unref(lines);
    cc_table_clear(&t);
    if (!ac_explain_cell(controller, explain)) {
        g_free(*explain);
        *explain = NULL;
    }
}

/* Store LINES as a sequence< string > into RET. */
static void return_strings(void *ret, GPtrArray *lines)
{
    typelib_TypeDescriptionReference *type = NULL;
    typelib_typedescriptionreference_newByAsciiName(&type, typelib_TypeClass_SEQUENCE, "[]string");
    uno_Sequence *seq = NULL;
    uno_type_sequence_construct(&seq, type, NULL, (sal_Int32)lines->len, NULL);
    rtl_uString **items = (rtl_uString **)seq->elements;
    for (guint i = 0; i < lines->len; i++) {
        rtl_uString *old = items[i];
        items[i] = cu_ustr_from_utf8(g_ptr_array_index(lines, i));
        rtl_uString_release(old);
    }
    typelib_typedescriptionreference_release(type);
    *(uno_Sequence **)ret = seq;
}

/* Unpack ARGS (the UNO values after the controller) by A's parameter kinds into VALUES;
 * the texts are converted into TEXTS (g_free each). */
static void unpack(const AcAction *a, void **args, AcValue *values, char **texts)
{
    for (int i = 0; i < a->n_params; i++) {
        void *arg = args[i + 1];
        if (a->params[i].kind == AC_PARAM_STRING)
            values[i].text = texts[i] = cu_ustr_to_utf8(*(rtl_uString **)arg);
        else
            values[i].number = *(double *)arg;
    }
}

static gboolean actions_call(CuObject *self, guint iface, sal_Int32 pos,
                             const typelib_TypeDescription *member, void *ret, void **args,
                             uno_Any *exc_storage)
{
    (void)self; (void)iface; (void)member;
    static GOnce resolved = G_ONCE_INIT;
    g_once(&resolved, resolve_members, NULL);
    const AcAction *a = pos >= 0 && pos < MAX_MEMBERS ? action_at[pos] : NULL;
    if (!a) {
        cu_throw_runtime(exc_storage, "Pipecalc: this action does not match the installed type "
                                      "library; reinstall the extension");
        return TRUE;
    }
    uno_Interface *controller = *(uno_Interface **)args[0];
    if (!controller) {
        cu_throw_illegal_argument(exc_storage, "no Calc view given", 0);
        return TRUE;
    }
    AcValue values[AC_MAX_PARAMS] = { { 0 } };
    char *texts[AC_MAX_PARAMS] = { 0 };
    unpack(a, args, values, texts);
    AcCall c = { .controller = controller, .args = values };
    gboolean ok = ac_action_run(a, &c);
    for (int i = 0; i < AC_MAX_PARAMS; i++)
        g_free(texts[i]);
    if (!ok && a->raises) {
        cu_throw_illegal_argument(exc_storage, c.message, 0);
        g_free(c.message);
        return TRUE;
    }
    if (a->result == AC_RESULT_LINES) {
        GPtrArray *none = g_ptr_array_new();
        return_strings(ret, ok && c.lines ? c.lines : none);
        g_ptr_array_unref(none);
    } else {
        *(rtl_uString **)ret = cu_ustr_from_utf8(ok && c.message ? c.message : "");
    }
    if (c.lines)
        g_ptr_array_unref(c.lines);
    g_free(c.message);
    return FALSE;
}

static const CuInterface ACTIONS_INTERFACES[] = {
    { INTERFACE_NAME, actions_call },
    { "com.sun.star.lang.XServiceInfo", cu_object_standard_call },
    { "com.sun.star.lang.XTypeProvider", cu_object_standard_call },
    { NULL, NULL },
};
static const char *const ACTIONS_SERVICES[] = { AC_SERVICE_IMPLEMENTATION, NULL };
static const CuClass ACTIONS_CLASS = { AC_SERVICE_IMPLEMENTATION, ACTIONS_SERVICES,
                                       ACTIONS_INTERFACES, NULL };

CuObject *ac_service_new(uno_Interface *context)
{
    tx_text_init(context);
    cc_locale_init(context);
    return cu_object_new(&ACTIONS_CLASS, sizeof(CuObject));
}
