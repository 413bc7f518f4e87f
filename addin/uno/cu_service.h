/* cu_service.h - the office's services and configuration, from a component context. */
#ifndef CU_SERVICE_H
#define CU_SERVICE_H

#include "cu_sdk.h"
#include <glib.h>

/* A new instance of SERVICE from CONTEXT's service manager, queried for IFACE when IFACE
 * is not NULL (cu_release it); NULL when it cannot be made. */
uno_Interface *cu_service_create(uno_Interface *context, const char *service, const char *iface);

/* The string NAME of configuration node NODEPATH ("/org.openoffice.Setup/L10N"), or NULL
 * when it cannot be read or is no string (g_free). */
char *cu_config_string(uno_Interface *context, const char *nodepath, const char *name);

#endif
