/* ac_service.c - the PipelineActions object: XPipelineActions members, matched by name
 * once (the interface is ours and unpublished), then dispatched by position. */
#include "ac_service.h"

#include "cu_except.h"
#include "cu_string.h"
#include "ac_checks.h"
#include "ac_explain.h"
#include "ac_forecast.h"
#include "ac_funnel.h"
#include "ac_score.h"
#include "cc_roles.h"
#include "ac_share.h"
#include "cc_locale.h"
#include "cc_table.h"
#include "tx_text.h"

#include <string.h>

#define INTERFACE_NAME "org.pipecalc.XPipelineActions"
#define MAX_MEMBERS 24

static const char *const MEMBER_NAMES[AC_N_ACTIONS] = { "describe", "scoreLeads", "writeForecast",
                                                        "explainCell", "checkData",
                                                        "fixPercentProbabilities", "writeFunnel",
                                                        "shareCopy", "writeForecastPeriod",
                                                        "leadFactors", "getRoles", "setRoles",
                                                        "scoreLeadsFrom", "getStageProbabilities",
                                                        "writeForecastWith", "setRole",
                                                        "runMakingRoom" };

/* member position -> action + 1 (0: not one of ours) */
static int action_at[MAX_MEMBERS];

/* Record which action member POS is, by its name. */
static void match_member(sal_Int32 pos, const typelib_InterfaceMemberTypeDescription *m,
                         gpointer unused)
{
    (void)unused;
    for (int a = 0; a < AC_N_ACTIONS && pos < MAX_MEMBERS; a++)
        if (cu_ustr_equals_ascii(m->pMemberName, MEMBER_NAMES[a]))
            action_at[pos] = a + 1;
}

static gpointer resolve_members(gpointer unused)
{
    (void)unused;
    cu_each_member(INTERFACE_NAME, match_member, NULL);
    return NULL;
}

/* What some actions take besides the table. */
typedef struct {
    double target;     /* funnel */
    double start, end; /* forecast period, 0 = open */
    const char *text;  /* roles, history table, stage probabilities; setRole's column */
    PcRole role;       /* setRole */
    AcPlacement *place; /* score, forecast, funnel; NULL: refuse when in the way */
} Params;

/* Score from the history table P->text names (empty: T's own rows). */
static gboolean score_from(CcLeadTable *t, const Params *p, char **message)
{
    if (!p->text || !*p->text)
        return ac_score_run(t, message);
    CcLeadTable h;
    if (!cc_table_find_at(t->model, p->text, &h, message))
        return FALSE;
    gboolean ok = ac_score_run_history(t, &h, message);
    cc_table_clear(&h);
    return ok;
}

/* Write the forecast with the stage probabilities P->text gives (empty: learned). */
static gboolean forecast_with(CcLeadTable *t, const Params *p, char **message)
{
    char *spec = g_strstrip(g_strdup(p->text ? p->text : ""));
    PcTable *given = NULL;
    gboolean ok = FALSE;
    if (!*spec || (given = ac_forecast_given_stages(t->model, spec, message)))
        ok = ac_forecast_run_stages(t, given, p->start, p->end, message);
    pc_table_free(given);
    g_free(spec);
    return ok;
}

/* Find the table around CONTROLLER's cursor and run ACTION with P. */
static gboolean run_on_table(AcAction action, uno_Interface *controller, const Params *p,
                             char **message)
{
    if (action == AC_ACTION_EXPLAIN) {
        ac_explain_cell(controller, message);
        return TRUE;
    }
    CcLeadTable t;
    GError *error = NULL;
    gboolean found = cc_table_find(controller, &t, &error);
    gboolean ok = FALSE;
    t.make_room = p->place && p->place->make_room;
    if (error) {
        *message = g_strdup_printf(_("Pipecalc could not finish: %s"), error->message);
        g_error_free(error);
    } else if (!found) {
        *message = g_strdup(_("No lead table here. Put the cell cursor into your table: a "
                              "block of cells whose first row holds the column names."));
        ok = action == AC_ACTION_DESCRIBE; /* "no table here" is a description */
    } else {
        switch (action) {
        case AC_ACTION_DESCRIBE:
            *message = cc_table_describe(&t);
            ok = TRUE;
            break;
        case AC_ACTION_SCORE:
            ok = ac_score_run(&t, message);
            break;
        case AC_ACTION_FIX_PERCENT:
            ok = ac_checks_fix_percent(&t, message);
            break;
        case AC_ACTION_FUNNEL:
            ok = ac_funnel_run(&t, p->target, message);
            break;
        case AC_ACTION_FORECAST:
        case AC_ACTION_FORECAST_PERIOD:
            ok = ac_forecast_run_period(&t, p->start, p->end, message);
            break;
        case AC_ACTION_GET_ROLES:
            *message = cc_roles_text(&t);
            ok = TRUE;
            break;
        case AC_ACTION_SET_ROLES:
        case AC_ACTION_SET_ROLE:
            ok = action == AC_ACTION_SET_ROLE ? cc_roles_set_one(&t, p->role, p->text, message)
                                              : cc_roles_set(&t, p->text, message);
            if (ok) { /* the table as the actions now see it */
                g_free(*message);
                cc_table_clear(&t);
                cc_table_find(controller, &t, NULL);
                *message = cc_table_describe(&t);
            }
            break;
        case AC_ACTION_SCORE_FROM:
            ok = score_from(&t, p, message);
            break;
        case AC_ACTION_GET_STAGES: {
            char *text = ac_forecast_stage_text(&t, message);
            if ((ok = text != NULL)) {
                g_free(*message);
                *message = text;
            }
            break;
        }
        case AC_ACTION_FORECAST_WITH:
            ok = forecast_with(&t, p, message);
            break;
        default: /* the list of checks is answered by actions_call (checkData) */
            *message = cc_table_describe(&t);
            break;
        }
    }
    if (p->place)
        p->place->blocked = !ok && t.blocked;
    cc_table_clear(&t);
    return ok;
}

gboolean ac_service_run(AcAction action, uno_Interface *controller, char **message)
{
    Params p = { 0 };
    if (action == AC_ACTION_SHARE)
        return ac_share_run(controller, NULL, message);
    if (action == AC_ACTION_FACTORS) {
        *message = ac_service_factors(controller);
        if (!*message)
            *message = g_strdup("");
        return TRUE;
    }
    return run_on_table(action, controller, &p, message);
}

gboolean ac_service_funnel(uno_Interface *controller, double target, AcPlacement *place,
                           char **message)
{
    Params p = { .target = target, .place = place };
    return run_on_table(AC_ACTION_FUNNEL, controller, &p, message);
}

gboolean ac_service_share(uno_Interface *controller, const char *url, char **message)
{
    return ac_share_run(controller, url, message);
}

gboolean ac_service_forecast_period(uno_Interface *controller, double start, double end,
                                    char **message)
{
    Params p = { .start = start, .end = end };
    return run_on_table(AC_ACTION_FORECAST_PERIOD, controller, &p, message);
}

gboolean ac_service_with(AcAction action, uno_Interface *controller, const char *text, double start,
                         double end, AcPlacement *place, char **message)
{
    Params p = { .start = start, .end = end, .text = text, .place = place };
    return run_on_table(action, controller, &p, message);
}

gboolean ac_service_set_role(uno_Interface *controller, PcRole role, const char *column,
                             char **message)
{
    Params p = { .text = column, .role = role };
    return run_on_table(AC_ACTION_SET_ROLE, controller, &p, message);
}

char *ac_service_factors(uno_Interface *controller)
{
    CcLeadTable t;
    char *text = NULL;
    if (cc_table_find(controller, &t, NULL))
        text = ac_score_factors(&t, controller);
    cc_table_clear(&t);
    return text;
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
                      char **factors, CcRoleColumns *columns, gboolean *percent_fixable)
{
    CcLeadTable t;
    GPtrArray *lines = checks_of(controller, &t, percent_fixable);
    *info = cc_table_describe(&t);
    cc_roles_columns(&t, columns);
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
    if (a - 1 == AC_ACTION_CHECKS) {
        CcLeadTable t;
        GPtrArray *lines = checks_of(controller, &t, NULL);
        cc_table_clear(&t);
        return_strings(ret, lines);
        g_ptr_array_unref(lines);
        return FALSE;
    }
    char *message = NULL;
    gboolean ok;
    switch (a - 1) {
    case AC_ACTION_FUNNEL:
        ok = ac_service_funnel(controller, *(double *)args[1], NULL, &message);
        break;
    case AC_ACTION_MAKING_ROOM: { /* what the panel runs when the manager says yes */
        char *name = cu_ustr_to_utf8(*(rtl_uString **)args[1]);
        AcPlacement room = { TRUE, FALSE };
        if (strcmp(name, "scoreLeads") == 0)
            ok = ac_service_with(AC_ACTION_SCORE_FROM, controller, "", 0, 0, &room, &message);
        else if (strcmp(name, "writeForecast") == 0)
            ok = ac_service_with(AC_ACTION_FORECAST_WITH, controller, "", 0, 0, &room, &message);
        else if (strcmp(name, "writeFunnel") == 0)
            ok = ac_service_funnel(controller, *(double *)args[2], &room, &message);
        else {
            message = g_strdup_printf("runMakingRoom: \"%s\" is none of scoreLeads, writeForecast, "
                                      "writeFunnel", name);
            ok = FALSE;
        }
        g_free(name);
        break;
    }
    case AC_ACTION_SHARE: {
        char *url = cu_ustr_to_utf8(*(rtl_uString **)args[1]);
        ok = ac_service_share(controller, url, &message);
        g_free(url);
        break;
    }
    case AC_ACTION_FORECAST_PERIOD:
        ok = ac_service_forecast_period(controller, *(double *)args[1], *(double *)args[2], &message);
        break;
    case AC_ACTION_SET_ROLE: {
        char *word = cu_ustr_to_utf8(*(rtl_uString **)args[1]);
        char *column = cu_ustr_to_utf8(*(rtl_uString **)args[2]);
        PcRole role = cc_roles_parse(g_strstrip(word));
        if (role < PC_N_ROLES)
            ok = ac_service_set_role(controller, role, g_strstrip(column), &message);
        else {
            message = g_strdup_printf(_("\"%s\" is no role. Roles: name, id, stage, amount, "
                                        "probability, close date, owner, outcome, created, "
                                        "currency, attribute, none."), word);
            ok = FALSE;
        }
        g_free(word);
        g_free(column);
        break;
    }
    case AC_ACTION_GET_ROLES:
    case AC_ACTION_GET_STAGES:
    case AC_ACTION_SET_ROLES:
    case AC_ACTION_SCORE_FROM:
    case AC_ACTION_FORECAST_WITH: {
        gboolean has_text = a - 1 != AC_ACTION_GET_ROLES && a - 1 != AC_ACTION_GET_STAGES;
        char *text = has_text ? cu_ustr_to_utf8(*(rtl_uString **)args[1]) : NULL;
        gboolean period = a - 1 == AC_ACTION_FORECAST_WITH;
        ok = ac_service_with((AcAction)(a - 1), controller, text, period ? *(double *)args[2] : 0,
                             period ? *(double *)args[3] : 0, NULL, &message);
        if (a - 1 == AC_ACTION_GET_ROLES && !ok) { /* never raises: no table, no roles */
            g_free(message);
            message = g_strdup("");
            ok = TRUE;
        }
        g_free(text);
        break;
    }
    default:
        ok = ac_service_run((AcAction)(a - 1), controller, &message);
        break;
    }
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
static const char *const ACTIONS_SERVICES[] = { AC_SERVICE_IMPLEMENTATION, NULL };
static const CuClass ACTIONS_CLASS = { AC_SERVICE_IMPLEMENTATION, ACTIONS_SERVICES,
                                       ACTIONS_INTERFACES, NULL };

CuObject *ac_service_new(uno_Interface *context)
{
    tx_text_init(context);
    cc_locale_init(context);
    return cu_object_new(&ACTIONS_CLASS, sizeof(CuObject));
}
