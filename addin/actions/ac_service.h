/* ac_service.h - org.pipecalc.PipelineActions: the sidebar's actions as a UNO service.
 *
 * The panel's buttons call these same functions, so the integration tests (which call the
 * service from Python) run exactly the code the buttons run. */
#ifndef AC_SERVICE_H
#define AC_SERVICE_H

#include "cu_object.h"
#include "cc_roles.h"

#define AC_SERVICE_IMPLEMENTATION "org.pipecalc.PipelineActions"

typedef enum {
    AC_ACTION_DESCRIBE,
    AC_ACTION_SCORE,
    AC_ACTION_FORECAST,
    AC_ACTION_EXPLAIN,     /* the cell at the cursor, no table needed */
    AC_ACTION_CHECKS,      /* a list of sentences (checkData), not through ac_service_run */
    AC_ACTION_FIX_PERCENT,
    AC_ACTION_FUNNEL,      /* takes a target: see ac_service_funnel */
    AC_ACTION_SHARE,       /* ac_service_share */
    AC_ACTION_FORECAST_PERIOD, /* ac_service_forecast_period */
    AC_ACTION_FACTORS,     /* ac_service_factors */
    AC_ACTION_GET_ROLES,   /* the rest: ac_service_with */
    AC_ACTION_SET_ROLES,
    AC_ACTION_SCORE_FROM,
    AC_ACTION_GET_STAGES,
    AC_ACTION_FORECAST_WITH,
    AC_ACTION_SET_ROLE,    /* ac_service_set_role */
    AC_ACTION_MAKING_ROOM, /* the service's runMakingRoom: score, forecast or funnel */
    AC_N_ACTIONS
} AcAction;

/* Where Score leads, Write forecast and Funnel put their output when one of the user's
 * cells is in the way: make_room from the caller (FALSE: refuse), blocked back from the
 * action (it refused for that reason only: the panel then asks the manager). */
typedef struct {
    gboolean make_room, blocked;
} AcPlacement;

/* Run an action taking a text TEXT (roles, a history table, stage probabilities) and, for
 * AC_ACTION_FORECAST_WITH, the period [START, END]; as ac_service_run. */
gboolean ac_service_with(AcAction action, uno_Interface *controller, const char *text, double start,
                         double end, AcPlacement *place, char **message);

/* A new service object with one reference (CONTEXT: the component context, not kept). */
CuObject *ac_service_new(uno_Interface *context);

/* Run ACTION on the table around CONTROLLER's cursor. TRUE with the report in *MESSAGE,
 * FALSE with the user's sentence why nothing was written (g_free either). */
gboolean ac_service_run(AcAction action, uno_Interface *controller, char **message);

/* Write the funnel for TARGET on the table around CONTROLLER's cursor; as ac_service_run. */
gboolean ac_service_funnel(uno_Interface *controller, double target, AcPlacement *place,
                           char **message);

/* Save the copy with values (ac_share.h) of CONTROLLER's document to URL (NULL or "":
 * next to the document); as ac_service_run. */
gboolean ac_service_share(uno_Interface *controller, const char *url, char **message);

/* Write the forecast for deals closing in [START, END] (serials, 0 = open); as
 * ac_service_run. */
gboolean ac_service_forecast_period(uno_Interface *controller, double start, double end,
                                    char **message);

/* Give ROLE to the column headed COLUMN (NULL or "": to no column) of the table around
 * CONTROLLER's cursor, as cc_roles_set_one; TRUE with the new description. */
gboolean ac_service_set_role(uno_Interface *controller, PcRole role, const char *column,
                             char **message);

/* The factors of the scored lead in the cursor's row (ac_score_factors), or NULL. */
char *ac_service_factors(uno_Interface *controller);

/* What the panel shows for CONTROLLER's cursor, from one reading of the table: the
 * description, the data checks as one text (heading and lines) and the explanation of the
 * cell (NULL when it calls none of our functions), the factors of the scored lead in the
 * cursor's row (NULL when it is none), the columns its role boxes offer (none without a
 * table; cc_roles_columns_clear). *PERCENT_FIXABLE: the percent check found something.
 * g_free the texts. */
void ac_service_panel(uno_Interface *controller, char **info, char **checks, char **explain,
                      char **factors, CcRoleColumns *columns, gboolean *percent_fixable);

#endif
