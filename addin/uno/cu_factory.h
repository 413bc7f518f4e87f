/* cu_factory.h - a com.sun.star.lang.XSingleComponentFactory for a C class. */
#ifndef CU_FACTORY_H
#define CU_FACTORY_H

#include "cu_object.h"

/* Creates a new instance with one reference; CONTEXT is the XComponentContext (not
 * acquired; acquire it to keep it). Returns NULL when memory runs out. */
typedef CuObject *(*CuCreateFn)(uno_Interface *context);

/* A new factory (one reference) creating objects with CREATE, answering XServiceInfo for
 * IMPLEMENTATION_NAME and SERVICES (NULL-terminated, static). */
CuObject *cu_factory_new(const char *implementation_name, const char *const *services,
                         CuCreateFn create);

#endif
