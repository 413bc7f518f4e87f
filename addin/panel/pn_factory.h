/* pn_factory.h - org.pipecalc.SidebarFactory, the com.sun.star.ui.XUIElementFactory that
 * Factories.xcu registers for the "Pipeline" deck's panel URL. */
#ifndef PN_FACTORY_H
#define PN_FACTORY_H

#include "cu_object.h"

#define PN_FACTORY_IMPLEMENTATION "org.pipecalc.SidebarFactory"

/* A new UI element factory (one reference); CONTEXT is acquired and kept. */
CuObject *pn_factory_new(uno_Interface *context);

#endif
