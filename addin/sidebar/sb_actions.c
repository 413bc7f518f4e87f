/* sb_actions.c - the PipelineActions object: XPipelineActions members, matched by name
 * once (the interface is ours and unpublished), then dispatched by position. */
#include "sb_actions.h"

#include "cu_except.h"
#include "cu_string.h"
#include "sb_checks.h"
#include "sb_explain.h"
#include "sb_forecast.h"
#include "sb_funnel.h"
#include "sb_score.h"
#include "sb_roles.h"
#include "sb_share.h"
#include "sb_table.h"
#include "sb_text.h"

#include <string.h>

#define INTERFACE_NAME "org.pipecalc.XPipelineActions"
#define MAX_MEMBERS 24

static const char *const MEMBER_NAMES[SB_N_ACTIONS] = { "describe", "scoreLeads", "writeForecast",
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
    for (int a = 0; a < SB_N_ACTIONS && pos < MAX_MEMBERS; a++)
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
    SbPlacement *place; /* score, forecast, funnel; NULL: refuse when in the way */
} Params;

/* Score from the history table P->text names (empty: T's own rows). */
static gboolean score_from(SbLeadTable *t, const Params *p, char **message)
{
    if (!p->text || !*p->text)
        return sb_score_run(t, message);
    SbLeadTable h;
    if (!sb_table_find_at(t->model, p->text, &h, message))
        return FALSE;
    gboolean ok = sb_score_run_history(t, &h, message);
    sb_table_clear(&h);
    return ok;
}

/* Write the forecast with the stage probabilities P->text gives (empty: learned). */
static gboolean forecast_with(SbLeadTable *t, const Params *p, char **message)
{
    char *spec = g_strstrip(g_strdup(p->text ? p->text : ""));
    PcTable *given = NULL;
    gboolean ok = FALSE;
    if (!*spec || (given = sb_forecast_given_stages(t->model, spec, message)))
        ok = sb_forecast_run_stages(t, given, p->start, p->end, message);
    pc_table_free(given);
    g_free(spec);
    return ok;
}

/* Find the table around CONTROLLER's cursor and run ACTION with P. */
static gboolean run_on_table(SbAction action, uno_Interface *controller, const Params *p,
                             char **message)
{
    if (action == SB_ACTION_EXPLAIN) {
        sb_explain_cell(controller, message);
        return TRUE;
    }
    SbLeadTable t;
    GError *error = NULL;
    gboolean found = sb_table_find(controller, &t, &error);
    gboolean ok = FALSE;
    t.make_room = p->place && p->place->make_room;
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
        case SB_ACTION_FIX_PERCENT:
            ok = sb_checks_fix_percent(&t, message);
            break;
        case SB_ACTION_FUNNEL:
            ok = sb_funnel_run(&t, p->target, message);
            break;
        case SB_ACTION_FORECAST:
        case SB_ACTION_FORECAST_PERIOD:
            ok = sb_forecast_run_period(&t, p->start, p->end, message);
            break;
        case SB_ACTION_GET_ROLES:
            *message = sb_roles_text(&t);
            ok = TRUE;
            break;
        case SB_ACTION_SET_ROLES:
        case SB_ACTION_SET_ROLE:
            ok = action == SB_ACTION_SET_ROLE ? sb_roles_set_one(&t, p->role, p->text, message)
                                              : sb_roles_set(&t, p->text, message);
            if (ok) { /* the table as the actions now see it */
                g_free(*message);
                sb_table_clear(&t);
                sb_table_find(controller, &t, NULL);
                *message = sb_table_describe(&t);
            }
            break;
        case SB_ACTION_SCORE_FROM:
            ok = score_from(&t, p, message);
            break;
        case SB_ACTION_GET_STAGES: {
            char *text = sb_forecast_stage_text(&t, message);
            if ((ok = text != NULL)) {
                g_free(*message);
                *message = text;
            }
            break;
        }
        case SB_ACTION_FORECAST_WITH:
            ok = forecast_with(&t, p, message);
            break;
        default: /* the list of checks is answered by actions_call (checkData) */
            *message = sb_table_describe(&t);
            break;
        }
    }
    if (p->place)
        p->place->blocked = !ok && t.blocked;
    sb_table_clear(&t);
    return ok;
}

gboolean sb_actions_run(SbAction action, uno_Interface *controller, char **message)
{
    Params p = { 0 };
    if (action == SB_ACTION_SHARE)
        return sb_share_run(controller, NULL, message);
    if (action == SB_ACTION_FACTORS) {
        *message = sb_actions_factors(controller);
        if (!*message)
            *message = g_strdup("");
        return TRUE;
    }
    return run_on_table(action, controller, &p, message);
}

gboolean sb_actions_funnel(uno_Interface *controller, double target, SbPlacement *place,
                           char **message)
{
    Params p = { .target = target, .place = place };
    return run_on_table(SB_ACTION_FUNNEL, controller, &p, message);
}

gboolean sb_actions_share(uno_Interface *controller, const char *url, char **message)
{
    return sb_share_run(controller, url, message);
}

gboolean sb_actions_forecast_period(uno_Interface *controller, double start, double end,
                                    char **message)
{
    Params p = { .start = start, .end = end };
    return run_on_table(SB_ACTION_FORECAST_PERIOD, controller, &p, message);
}

gboolean sb_actions_with(SbAction action, uno_Interface *controller, const char *text, double start,
                         double end, SbPlacement *place, char **message)
{
    Params p = { .start = start, .end = end, .text = text, .place = place };
    return run_on_table(action, controller, &p, message);
}

gboolean sb_actions_set_role(uno_Interface *controller, PcRole role, const char *column,
                             char **message)
{
    Params p = { .text = column, .role = role };
    return run_on_table(SB_ACTION_SET_ROLE, controller, &p, message);
}

char *sb_actions_factors(uno_Interface *controller)
{
    SbLeadTable t;
    char *text = NULL;
    if (sb_table_find(controller, &t, NULL))
        text = sb_score_factors(&t, controller);
    sb_table_clear(&t);
    return text;
}

/* The checks of the table around CONTROLLER's cursor (empty without a table). */
static GPtrArray *checks_of(uno_Interface *controller, SbLeadTable *t, gboolean *percent_fixable)
{
    gboolean found = sb_table_find(controller, t, NULL);
    if (!found)
        sb_table_clear(t); /* half-found: as no table */
    return sb_checks_list(t, percent_fixable);
}

void sb_actions_panel(uno_Interface *controller, char **info, char **checks, char **explain,
                      char **factors, SbRoleColumns *columns, gboolean *percent_fixable)
{
    SbLeadTable t;
    GPtrArray *lines = checks_of(controller, &t, percent_fixable);
    *info = sb_table_describe(&t);
    sb_roles_columns(&t, columns);
    *factors = t.cells ? sb_score_factors(&t, controller) : NULL;
    if (!t.cells) {
        *checks = g_strdup("");
    } else {
        GString *s = g_string_new(sb_text(SB_CK_HEADING));
        if (lines->len == 0)
            g_string_append_printf(s, "\n  %s", sb_text(SB_CK_NONE));
        for (guint i = 0; i < lines->len; i++)
            g_string_append_printf(s, "\n- %s", (const char *)g_ptr_array_index(lines, i));
        *checks = g_string_free(s, FALSE);
    }
    g_ptr_array_unref(lines);
    sb_table_clear(&t);
    if (!sb_explain_cell(controller, explain)) {
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
    if (a - 1 == SB_ACTION_CHECKS) {
        SbLeadTable t;
        GPtrArray *lines = checks_of(controller, &t, NULL);
        sb_table_clear(&t);
        return_strings(ret, lines);
        g_ptr_array_unref(lines);
        return FALSE;
    }
    char *message = NULL;
    gboolean ok;
    switch (a - 1) {
    case SB_ACTION_FUNNEL:
        ok = sb_actions_funnel(controller, *(double *)args[1], NULL, &message);
        break;
    case SB_ACTION_MAKING_ROOM: { /* what the panel runs when the manager says yes */
        char *name = cu_ustr_to_utf8(*(rtl_uString **)args[1]);
        SbPlacement room = { TRUE, FALSE };
        if (strcmp(name, "scoreLeads") == 0)
            ok = sb_actions_with(SB_ACTION_SCORE_FROM, controller, "", 0, 0, &room, &message);
        else if (strcmp(name, "writeForecast") == 0)
            ok = sb_actions_with(SB_ACTION_FORECAST_WITH, controller, "", 0, 0, &room, &message);
        else if (strcmp(name, "writeFunnel") == 0)
            ok = sb_actions_funnel(controller, *(double *)args[2], &room, &message);
        else {
            message = g_strdup_printf("runMakingRoom: \"%s\" is none of scoreLeads, writeForecast, "
                                      "writeFunnel", name);
            ok = FALSE;
        }
        g_free(name);
        break;
    }
    case SB_ACTION_SHARE: {
        char *url = cu_ustr_to_utf8(*(rtl_uString **)args[1]);
        ok = sb_actions_share(controller, url, &message);
        g_free(url);
        break;
    }
    case SB_ACTION_FORECAST_PERIOD:
        ok = sb_actions_forecast_period(controller, *(double *)args[1], *(double *)args[2], &message);
        break;
    case SB_ACTION_SET_ROLE: {
        char *word = cu_ustr_to_utf8(*(rtl_uString **)args[1]);
        char *column = cu_ustr_to_utf8(*(rtl_uString **)args[2]);
        PcRole role = sb_roles_parse(g_strstrip(word));
        if (role < PC_N_ROLES)
            ok = sb_actions_set_role(controller, role, g_strstrip(column), &message);
        else {
            message = g_strdup_printf(sb_text(SB_ROLES_BAD_ROLE), word);
            ok = FALSE;
        }
        g_free(word);
        g_free(column);
        break;
    }
    case SB_ACTION_GET_ROLES:
    case SB_ACTION_GET_STAGES:
    case SB_ACTION_SET_ROLES:
    case SB_ACTION_SCORE_FROM:
    case SB_ACTION_FORECAST_WITH: {
        gboolean has_text = a - 1 != SB_ACTION_GET_ROLES && a - 1 != SB_ACTION_GET_STAGES;
        char *text = has_text ? cu_ustr_to_utf8(*(rtl_uString **)args[1]) : NULL;
        gboolean period = a - 1 == SB_ACTION_FORECAST_WITH;
        ok = sb_actions_with((SbAction)(a - 1), controller, text, period ? *(double *)args[2] : 0,
                             period ? *(double *)args[3] : 0, NULL, &message);
        if (a - 1 == SB_ACTION_GET_ROLES && !ok) { /* never raises: no table, no roles */
            g_free(message);
            message = g_strdup("");
            ok = TRUE;
        }
        g_free(text);
        break;
    }
    default:
        ok = sb_actions_run((SbAction)(a - 1), controller, &message);
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
static const char *const ACTIONS_SERVICES[] = { SB_ACTIONS_IMPLEMENTATION, NULL };
static const CuClass ACTIONS_CLASS = { SB_ACTIONS_IMPLEMENTATION, ACTIONS_SERVICES,
                                       ACTIONS_INTERFACES, NULL };

CuObject *sb_actions_new(uno_Interface *context)
{
    sb_text_init(context);
    return cu_object_new(&ACTIONS_CLASS, sizeof(CuObject));
}
