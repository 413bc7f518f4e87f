/* ac_table.c - the actions table and the functions that run each action.
 *
 * Member names and parameters are those of XPipelineActions, which macros and the tests
 * call by name: never rename one. Labels may change freely (and po/de.po
 * with them). */
#include "ac_table.h"

#include "ac_checks.h"
#include "ac_explain.h"
#include "ac_forecast.h"
#include "ac_funnel.h"
#include "ac_accuracy.h"
#include "ac_categories.h"
#include "ac_changes.h"
#include "ac_patterns.h"
#include "ac_products.h"
#include "ac_score.h"
#include "ac_share.h"
#include "ac_snapshot.h"
#include "cc_roles.h"
#include "tx_text.h"

#include <string.h>

static gboolean run_describe(CcLeadTable *t, AcCall *c)
{
    c->message = cc_table_describe(t);
    return TRUE;
}

static gboolean run_score(CcLeadTable *t, AcCall *c)
{
    return ac_score_run(t, &c->message);
}

/* Score learning from the history table args[0] names (empty: T's own rows). */
static gboolean run_score_from(CcLeadTable *t, AcCall *c)
{
    const char *history = c->args[0].text;
    if (!history || !*history)
        return ac_score_run(t, &c->message);
    CcLeadTable h;
    if (!cc_table_find_at(t->model, history, &h, &c->message))
        return FALSE;
    gboolean ok = ac_score_run_history(t, &h, &c->message);
    cc_table_clear(&h);
    return ok;
}

static gboolean run_forecast(CcLeadTable *t, AcCall *c)
{
    return ac_forecast_run(t, &c->message);
}

static gboolean run_forecast_period(CcLeadTable *t, AcCall *c)
{
    return ac_forecast_run_period(t, c->args[0].number, c->args[1].number, &c->message);
}

/* The forecast with the stage probabilities args[0] gives (empty: learned) for the period
 * args[1], args[2]. */
static gboolean run_forecast_with(CcLeadTable *t, AcCall *c)
{
    char *spec = g_strstrip(g_strdup(c->args[0].text ? c->args[0].text : ""));
    PcTable *given = NULL;
    gboolean ok = FALSE;
    if (!*spec || (given = ac_forecast_given_stages(t->model, spec, &c->message)))
        ok = ac_forecast_run_stages(t, given, c->args[1].number, c->args[2].number, &c->message);
    pc_table_free(given);
    g_free(spec);
    return ok;
}

static gboolean run_accuracy(CcLeadTable *t, AcCall *c)
{
    return ac_accuracy_run(t, &c->message);
}

static gboolean run_categories(CcLeadTable *t, AcCall *c)
{
    char *spec = g_strstrip(g_strdup(c->args[0].text ? c->args[0].text : ""));
    PcTable *given = NULL;
    gboolean ok = FALSE;
    if (!*spec || (given = ac_forecast_given_stages(t->model, spec, &c->message)))
        ok = ac_categories_run(t, given, c->args[1].text, &c->message);
    pc_table_free(given);
    g_free(spec);
    return ok;
}

static gboolean run_stage_probabilities(CcLeadTable *t, AcCall *c)
{
    char *text = ac_forecast_stage_text(t, &c->message);
    if (!text)
        return FALSE;
    g_free(c->message);
    c->message = text;
    return TRUE;
}

static gboolean run_funnel(CcLeadTable *t, AcCall *c)
{
    return ac_funnel_run(t, c->args[0].number, &c->message);
}

static gboolean run_products(CcLeadTable *t, AcCall *c)
{
    return ac_products_run(t, &c->message);
}

static gboolean run_patterns(CcLeadTable *t, AcCall *c)
{
    return ac_patterns_run(t, c->args[0].text, &c->message);
}

static gboolean run_snapshot(CcLeadTable *t, AcCall *c)
{
    return ac_snapshot_run(t, &c->message);
}

static gboolean run_changes(CcLeadTable *t, AcCall *c)
{
    return ac_changes_run(t, c->args[0].text, c->args[1].number, c->args[2].number, &c->message);
}

static gboolean run_explain(CcLeadTable *t, AcCall *c)
{
    (void)t;
    ac_explain_cell(c->controller, &c->message); /* "calls none of ours" is an answer too */
    return TRUE;
}

static gboolean run_checks(CcLeadTable *t, AcCall *c)
{
    c->lines = ac_checks_list(t, NULL);
    return TRUE;
}

static gboolean run_fix_percent(CcLeadTable *t, AcCall *c)
{
    return ac_checks_fix_percent(t, &c->message);
}

static gboolean run_share(CcLeadTable *t, AcCall *c)
{
    (void)t;
    return ac_share_run(c->controller, c->args[0].text, &c->message);
}

static gboolean run_factors(CcLeadTable *t, AcCall *c)
{
    char *text = t->cells ? ac_score_factors(t, c->controller) : NULL;
    c->message = text ? text : g_strdup("");
    return TRUE;
}

static gboolean run_get_roles(CcLeadTable *t, AcCall *c)
{
    c->message = cc_roles_text(t);
    return TRUE;
}

/* After new roles were stored (OK): the description of the table as the actions now see
 * it, read again into T, instead of C's message. */
static gboolean described_anew(CcLeadTable *t, AcCall *c, gboolean ok)
{
    if (ok) {
        g_free(c->message);
        cc_table_clear(t);
        cc_table_find(c->controller, t, NULL);
        c->message = cc_table_describe(t);
    }
    return ok;
}

static gboolean run_set_roles(CcLeadTable *t, AcCall *c)
{
    return described_anew(t, c, cc_roles_set(t, c->args[0].text, &c->message));
}

/* Give the role args[0] names to the column headed args[1] ("": to none). */
static gboolean run_set_role(CcLeadTable *t, AcCall *c)
{
    char *word = g_strstrip(g_strdup(c->args[0].text ? c->args[0].text : ""));
    char *column = g_strstrip(g_strdup(c->args[1].text ? c->args[1].text : ""));
    PcRole role = cc_roles_parse(word);
    gboolean ok = FALSE;
    if (role < PC_N_ROLES)
        ok = described_anew(t, c, cc_roles_set_one(t, role, column, &c->message));
    else {
        char *roles = tx_role_words();
        c->message = g_strdup_printf(_("\"%s\" is no role. Roles: %s."), word, roles);
        g_free(roles);
    }
    g_free(word);
    g_free(column);
    return ok;
}

/* The action named args[0], making room, with the arguments after the name. */
static gboolean run_making_room(CcLeadTable *t, AcCall *c)
{
    (void)t;
    const char *name = c->args[0].text ? c->args[0].text : "";
    const AcAction *a = ac_action_find(name);
    if (!a || !ac_action_runs_making_room(a)) {
        GString *names = g_string_new(NULL);
        for (int i = 0; i < ac_action_count; i++)
            if (ac_action_runs_making_room(&ac_actions[i]))
                g_string_append_printf(names, "%s%s", names->len ? ", " : "", ac_actions[i].member);
        c->message = g_strdup_printf("runMakingRoom: \"%s\" is none of %s", name, names->str);
        g_string_free(names, TRUE);
        return FALSE;
    }
    AcCall inner = { .controller = c->controller, .args = c->args + 1, .make_room = TRUE };
    gboolean ok = ac_action_run(a, &inner);
    c->message = inner.message;
    c->blocked = inner.blocked;
    return ok;
}

#define STRING(name) { name, AC_PARAM_STRING }
#define DOUBLE(name) { name, AC_PARAM_DOUBLE }

/* In the IDL's order (not required: members are matched by name). A row without n_params
 * takes the controller alone. */
const AcAction ac_actions[] = {
    { .member = "describe", .result = AC_RESULT_STRING, .raises = FALSE,
      .scope = AC_ON_ANY_TABLE, .run = run_describe },
    { .member = "scoreLeads", .result = AC_RESULT_STRING, .raises = TRUE,
      .scope = AC_ON_TABLE, .run = run_score, .room = AC_ROOM_SHIFT },
    { .member = "writeForecast", .result = AC_RESULT_STRING, .raises = TRUE,
      .scope = AC_ON_TABLE, .run = run_forecast, .room = AC_ROOM_NEW_SHEET },
    { .member = "explainCell", .result = AC_RESULT_STRING, .raises = FALSE,
      .scope = AC_ON_VIEW, .run = run_explain },
    { .member = "checkData", .result = AC_RESULT_LINES, .raises = FALSE,
      .scope = AC_ON_ANY_TABLE, .run = run_checks },
    { .member = "fixPercentProbabilities", .result = AC_RESULT_STRING, .raises = TRUE,
      .scope = AC_ON_TABLE, .run = run_fix_percent, .button = AC_BUTTON_FIX,
      .label = N_("Divide probabilities by 100") },
    { .member = "writeFunnel", .result = AC_RESULT_STRING, .raises = TRUE,
      .n_params = 1, .params = { DOUBLE("target") },
      .scope = AC_ON_TABLE, .run = run_funnel, .room = AC_ROOM_NEW_SHEET,
      .button = AC_BUTTON_FUNNEL, .label = N_("Write funnel") },
    { .member = "shareCopy", .result = AC_RESULT_STRING, .raises = TRUE,
      .n_params = 1, .params = { STRING("url") }, /* writes a file, not the document */
      .scope = AC_ON_VIEW, .run = run_share, .button = AC_BUTTON_SHARE,
      .label = N_("Save copy with values") },
    { .member = "writeForecastPeriod", .result = AC_RESULT_STRING, .raises = TRUE,
      .n_params = 2, .params = { DOUBLE("periodStart"), DOUBLE("periodEnd") },
      .scope = AC_ON_TABLE, .run = run_forecast_period, .room = AC_ROOM_NEW_SHEET },
    { .member = "leadFactors", .result = AC_RESULT_STRING, .raises = FALSE,
      .scope = AC_ON_ANY_TABLE, .run = run_factors },
    { .member = "getRoles", .result = AC_RESULT_STRING, .raises = FALSE,
      .scope = AC_ON_ANY_TABLE, .any_columns = TRUE, .run = run_get_roles },
    { .member = "setRoles", .result = AC_RESULT_STRING, .raises = TRUE,
      .n_params = 1, .params = { STRING("roles") }, /* a document property, no cell */
      .scope = AC_ON_TABLE, .any_columns = TRUE, .run = run_set_roles, .button = AC_BUTTON_ROLES,
      .label = N_("Apply roles") },
    { .member = "scoreLeadsFrom", .result = AC_RESULT_STRING, .raises = TRUE,
      .n_params = 1, .params = { STRING("history") },
      .scope = AC_ON_TABLE, .run = run_score_from, .room = AC_ROOM_SHIFT,
      .button = AC_BUTTON_SCORE, .label = N_("Score leads") },
    { .member = "getStageProbabilities", .result = AC_RESULT_STRING, .raises = TRUE,
      .scope = AC_ON_TABLE, .run = run_stage_probabilities },
    { .member = "writeForecastWith", .result = AC_RESULT_STRING, .raises = TRUE,
      .n_params = 3, .params = { STRING("stages"), DOUBLE("periodStart"), DOUBLE("periodEnd") },
      .scope = AC_ON_TABLE, .run = run_forecast_with, .room = AC_ROOM_NEW_SHEET,
      .button = AC_BUTTON_FORECAST, .label = N_("Write forecast") },
    { .member = "setRole", .result = AC_RESULT_STRING, .raises = TRUE,
      .n_params = 2, .params = { STRING("role"), STRING("column") },
      .scope = AC_ON_TABLE, .any_columns = TRUE, .run = run_set_role },
    { .member = "runMakingRoom", .result = AC_RESULT_STRING, .raises = TRUE,
      .n_params = 2, .params = { STRING("action"), DOUBLE("target") },
      .scope = AC_ON_VIEW, .run = run_making_room }, /* the named action's undo step */
    { .member = "writeProducts", .result = AC_RESULT_STRING, .raises = TRUE,
      .scope = AC_ON_TABLE, .run = run_products, .room = AC_ROOM_NEW_SHEET,
      .button = AC_BUTTON_PRODUCTS, .label = N_("Write products") },
    { .member = "writePatterns", .result = AC_RESULT_STRING, .raises = TRUE,
      .n_params = 1, .params = { STRING("stageLog") },
      .scope = AC_ON_TABLE, .run = run_patterns, .room = AC_ROOM_NEW_SHEET,
      .button = AC_BUTTON_PATTERNS, .label = N_("Write patterns") },
    { .member = "takeSnapshot", .result = AC_RESULT_STRING, .raises = TRUE,
      .scope = AC_ON_TABLE, .run = run_snapshot, .room = AC_ROOM_NEW_SHEET,
      .button = AC_BUTTON_SNAPSHOT, .label = N_("Take snapshot") },
    { .member = "writeChanges", .result = AC_RESULT_STRING, .raises = TRUE,
      .n_params = 3, .params = { STRING("snapshots"), DOUBLE("periodStart"), DOUBLE("periodEnd") },
      .scope = AC_ON_TABLE, .run = run_changes, .room = AC_ROOM_NEW_SHEET,
      .button = AC_BUTTON_CHANGES, .label = N_("What changed") },
    { .member = "writeCategories", .result = AC_RESULT_STRING, .raises = TRUE,
      .n_params = 2, .params = { STRING("stages"), STRING("targets") },
      .scope = AC_ON_TABLE, .run = run_categories, .room = AC_ROOM_NEW_SHEET,
      .button = AC_BUTTON_CATEGORIES, .label = N_("Forecast categories") },
    { .member = "writeAccuracy", .result = AC_RESULT_STRING, .raises = TRUE,
      .scope = AC_ON_TABLE, .run = run_accuracy, .room = AC_ROOM_NEW_SHEET,
      .button = AC_BUTTON_ACCURACY, .label = N_("Forecast accuracy") },
};
const int ac_action_count = G_N_ELEMENTS(ac_actions);

const AcAction *ac_action_find(const char *member)
{
    for (int i = 0; member && i < ac_action_count; i++)
        if (strcmp(ac_actions[i].member, member) == 0)
            return &ac_actions[i];
    return NULL;
}

const AcAction *ac_action_of_button(AcButton button)
{
    for (int i = 0; button != AC_BUTTON_NONE && i < ac_action_count; i++)
        if (ac_actions[i].button == button)
            return &ac_actions[i];
    return NULL;
}

gboolean ac_action_runs_making_room(const AcAction *a)
{
    const AcAction *making_room = ac_action_find("runMakingRoom");
    if (a->room == AC_ROOM_NONE || a->n_params > making_room->n_params - 1)
        return FALSE;
    for (int i = 0; i < a->n_params; i++)
        if (a->params[i].kind != making_room->params[i + 1].kind)
            return FALSE;
    return TRUE;
}

const char *ac_param_idl_type(AcParamKind kind)
{
    return kind == AC_PARAM_DOUBLE ? "double" : "string";
}

const char *ac_result_idl_type(AcResult result)
{
    return result == AC_RESULT_LINES ? "sequence< string >" : "string";
}

gboolean ac_action_run(const AcAction *a, AcCall *c)
{
    c->action = a;
    c->message = NULL;
    c->lines = NULL;
    c->blocked = FALSE;
    if (a->scope == AC_ON_VIEW)
        return a->run(NULL, c);
    CcLeadTable t;
    GError *error = NULL;
    gboolean found = a->any_columns ? cc_table_find_columns(c->controller, &t, &error)
                                    : cc_table_find(c->controller, &t, &error);
    gboolean ok = FALSE;
    if (error) {
        cc_say_failure(&c->message, error);
    } else if (!found && a->scope == AC_ON_TABLE) {
        cc_table_clear(&t); /* half-found: as no table, and the panel's words for why */
        c->message = cc_table_describe(&t);
    } else {
        if (!found)
            cc_table_clear(&t); /* half-found (a header alone): as no table */
        t.make_room = c->make_room;
        ok = a->run(&t, c);
        c->blocked = !ok && t.blocked;
    }
    cc_table_clear(&t);
    return ok;
}
