/* sb_actions.h - org.pipecalc.PipelineActions: the sidebar's actions as a UNO service.
 *
 * The panel's buttons call these same functions, so the integration tests (which call the
 * service from Python) run exactly the code the buttons run. */
#ifndef SB_ACTIONS_H
#define SB_ACTIONS_H

#include "cu_object.h"
#include "sb_roles.h"

#define SB_ACTIONS_IMPLEMENTATION "org.pipecalc.PipelineActions"

typedef enum {
    SB_ACTION_DESCRIBE,
    SB_ACTION_SCORE,
    SB_ACTION_FORECAST,
    SB_ACTION_EXPLAIN,     /* the cell at the cursor, no table needed */
    SB_ACTION_CHECKS,      /* a list of sentences (checkData), not through sb_actions_run */
    SB_ACTION_FIX_PERCENT,
    SB_ACTION_FUNNEL,      /* takes a target: see sb_actions_funnel */
    SB_ACTION_SHARE,       /* sb_actions_share */
    SB_ACTION_FORECAST_PERIOD, /* sb_actions_forecast_period */
    SB_ACTION_FACTORS,     /* sb_actions_factors */
    SB_ACTION_GET_ROLES,   /* the rest: sb_actions_with */
    SB_ACTION_SET_ROLES,
    SB_ACTION_SCORE_FROM,
    SB_ACTION_GET_STAGES,
    SB_ACTION_FORECAST_WITH,
    SB_ACTION_SET_ROLE,    /* sb_actions_set_role */
    SB_ACTION_MAKING_ROOM, /* the service's runMakingRoom: score, forecast or funnel */
    SB_N_ACTIONS
} SbAction;

/* Where Score leads, Write forecast and Funnel put their output when one of the user's
 * cells is in the way: make_room from the caller (FALSE: refuse), blocked back from the
 * action (it refused for that reason only: the panel then asks the manager). */
typedef struct {
    gboolean make_room, blocked;
} SbPlacement;

/* Run an action taking a text TEXT (roles, a history table, stage probabilities) and, for
 * SB_ACTION_FORECAST_WITH, the period [START, END]; as sb_actions_run. */
gboolean sb_actions_with(SbAction action, uno_Interface *controller, const char *text, double start,
                         double end, SbPlacement *place, char **message);

/* A new service object with one reference (CONTEXT: the component context, not kept). */
CuObject *sb_actions_new(uno_Interface *context);

/* Run ACTION on the table around CONTROLLER's cursor. TRUE with the report in *MESSAGE,
 * FALSE with the user's sentence why nothing was written (g_free either). */
gboolean sb_actions_run(SbAction action, uno_Interface *controller, char **message);

/* Write the funnel for TARGET on the table around CONTROLLER's cursor; as sb_actions_run. */
gboolean sb_actions_funnel(uno_Interface *controller, double target, SbPlacement *place,
                           char **message);

/* Save the copy with values (sb_share.h) of CONTROLLER's document to URL (NULL or "":
 * next to the document); as sb_actions_run. */
gboolean sb_actions_share(uno_Interface *controller, const char *url, char **message);

/* Write the forecast for deals closing in [START, END] (serials, 0 = open); as
 * sb_actions_run. */
gboolean sb_actions_forecast_period(uno_Interface *controller, double start, double end,
                                    char **message);

/* Give ROLE to the column headed COLUMN (NULL or "": to no column) of the table around
 * CONTROLLER's cursor, as sb_roles_set_one; TRUE with the new description. */
gboolean sb_actions_set_role(uno_Interface *controller, PcRole role, const char *column,
                             char **message);

/* The factors of the scored lead in the cursor's row (sb_score_factors), or NULL. */
char *sb_actions_factors(uno_Interface *controller);

/* What the panel shows for CONTROLLER's cursor, from one reading of the table: the
 * description, the data checks as one text (heading and lines) and the explanation of the
 * cell (NULL when it calls none of our functions), the factors of the scored lead in the
 * cursor's row (NULL when it is none), the columns its role boxes offer (none without a
 * table; sb_roles_columns_clear). *PERCENT_FIXABLE: the percent check found something.
 * g_free the texts. */
void sb_actions_panel(uno_Interface *controller, char **info, char **checks, char **explain,
                      char **factors, SbRoleColumns *columns, gboolean *percent_fixable);

#endif
