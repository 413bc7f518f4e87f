/* sb_actions.c - the PipelineActions object: XPipelineActions members, matched by name
 * once (the interface is ours and unpublished), then dispatched by position. */
#include "sb_actions.h"

#include "cu_except.h"
#include "cu_string.h"
#include "sb_forecast.h"
#include "sb_score.h"
#include "sb_table.h"
#include "sb_text.h"

#include <string.h>

#define INTERFACE_NAME "org.pipecalc.XPipelineActions"
#define MAX_MEMBERS 16

static const char *const MEMBER_NAMES[SB_N_ACTIONS] = { "describe", "scoreLeads", "writeForecast" };

/* member position -> action + 1 (0: not one of ours) */
static int action_at[MAX_MEMBERS];

static gpointer resolve_members(gpointer unused)
{
    (void)unused;
    typelib_TypeDescription *td = NULL;
    rtl_uString *name = NULL;
    rtl_uString_newFromAscii(&name, INTERFACE_NAME);
    typelib_typedescription_getByName(&td, name);
    rtl_uString_release(name);
    if (!td)
        return NULL;
    const typelib_InterfaceTypeDescription *itd = (const typelib_InterfaceTypeDescription *)td;
    for (sal_Int32 pos = CU_POS_FIRST_OWN; pos < itd->nAllMembers && pos < MAX_MEMBERS; pos++) {
        typelib_TypeDescription *member = NULL;
        typelib_typedescriptionreference_getDescription(&member, itd->ppAllMembers[pos]);
        if (!member)
            continue;
        const rtl_uString *n = ((const typelib_InterfaceMemberTypeDescription *)member)->pMemberName;
        for (int a = 0; a < SB_N_ACTIONS; a++)
            if (cu_ustr_equals_ascii(n, MEMBER_NAMES[a]))
                action_at[pos] = a + 1;
        typelib_typedescription_release(member);
    }
    typelib_typedescription_release(td);
    return NULL;
}

gboolean sb_actions_run(SbAction action, uno_Interface *controller, char **message)
{
    SbLeadTable t;
    GError *error = NULL;
    gboolean found = sb_table_find(controller, &t, &error);
    gboolean ok = FALSE;
    if (error) {
        *message = g_strdup_printf(sb_text(SB_FAILED), error->message);
        g_error_free(error);
    } else if (!found) {
        *message = g_strdup(sb_text(SB_NO_TABLE));
        ok = action == SB_ACTION_DESCRIBE; /* "no table here" is a description */
    } else {
        switch (action) {
        case SB_ACTION_DESCRIBE:
            *message = sb_table_describe(&t);
            ok = TRUE;
            break;
        case SB_ACTION_SCORE:
            ok = sb_score_run(&t, message);
            break;
        default:
            ok = sb_forecast_run(&t, message);
            break;
        }
    }
    sb_table_clear(&t);
    return ok;
}

static gboolean actions_call(CuObject *self, guint iface, sal_Int32 pos,
                             const typelib_TypeDescription *member, void *ret, void **args,
                             uno_Any *exc_storage)
{
    (void)self; (void)iface; (void)member;
    static GOnce resolved = G_ONCE_INIT;
    g_once(&resolved, resolve_members, NULL);
    int a = pos >= 0 && pos < MAX_MEMBERS ? action_at[pos] : 0;
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
    char *message = NULL;
    gboolean ok = sb_actions_run((SbAction)(a - 1), controller, &message);
    if (!ok) {
        cu_throw_illegal_argument(exc_storage, message, 0);
        g_free(message);
        return TRUE;
    }
    *(rtl_uString **)ret = cu_ustr_from_utf8(message);
    g_free(message);
    return FALSE;
}

static const CuInterface ACTIONS_INTERFACES[] = {
    { INTERFACE_NAME, actions_call },
    { "com.sun.star.lang.XServiceInfo", cu_object_standard_call },
    { "com.sun.star.lang.XTypeProvider", cu_object_standard_call },
    { NULL, NULL },
};
static const char *const ACTIONS_SERVICES[] = { SB_ACTIONS_IMPLEMENTATION, NULL };
static const CuClass ACTIONS_CLASS = { SB_ACTIONS_IMPLEMENTATION, ACTIONS_SERVICES,
                                       ACTIONS_INTERFACES, NULL };

CuObject *sb_actions_new(uno_Interface *context)
{
    sb_text_init(context);
    return cu_object_new(&ACTIONS_CLASS, sizeof(CuObject));
}
