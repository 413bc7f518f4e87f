/* ac_service.h - org.pipecalc.PipelineActions: the sidebar's actions as a UNO service.
 *
 * Its members are the rows of the actions table (ac_table.h), which the panel's buttons
 * run too, so the integration tests (which call the service from Python) run exactly the
 * code the buttons run. */
#ifndef AC_SERVICE_H
#define AC_SERVICE_H

#include "cu_object.h"
#include "cc_roles.h"

#define AC_SERVICE_IMPLEMENTATION "org.pipecalc.PipelineActions"

/* A new service object with one reference (CONTEXT: the component context, not kept). */
CuObject *ac_service_new(uno_Interface *context);

/* What the panel shows for CONTROLLER's cursor, from one reading of the table: the
 * description, the data checks as one text (heading and lines) and the explanation of the
 * cell (NULL when it calls none of our functions), the factors of the scored lead in the
 * cursor's row (NULL when it is none), the columns its role boxes offer (none without a
 * table; cc_roles_columns_clear). *PERCENT_FIXABLE: the percent check found something.
 * *TABLE_KEY: which lead table it is (cc_table_key, "Sheet1.A1"; NULL without one), so
 * the panels notice the cursor moving to another one. g_free the texts. */
void ac_service_panel(uno_Interface *controller, char **info, char **checks, char **explain,
                      char **factors, CcRoleColumns *columns, gboolean *percent_fixable,
                      char **table_key);

#endif
