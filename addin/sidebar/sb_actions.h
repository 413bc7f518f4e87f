/* sb_actions.h - org.pipecalc.PipelineActions: the sidebar's actions as a UNO service.
 *
 * The panel's buttons call these same functions, so the integration tests (which call the
 * service from Python) run exactly the code the buttons run. */
#ifndef SB_ACTIONS_H
#define SB_ACTIONS_H

#include "cu_object.h"

#define SB_ACTIONS_IMPLEMENTATION "org.pipecalc.PipelineActions"

typedef enum { SB_ACTION_DESCRIBE, SB_ACTION_SCORE, SB_ACTION_FORECAST, SB_N_ACTIONS } SbAction;

/* A new service object with one reference (CONTEXT: the component context, not kept). */
CuObject *sb_actions_new(uno_Interface *context);

/* Run ACTION on the table around CONTROLLER's cursor. TRUE with the report in *MESSAGE,
 * FALSE with the user's sentence why nothing was written (g_free either). */
gboolean sb_actions_run(SbAction action, uno_Interface *controller, char **message);

#endif
