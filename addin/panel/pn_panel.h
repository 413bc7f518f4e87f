/* pn_panel.h - the "Pipeline" deck's panel: what the table around the cursor is, and the
 * action buttons. One object is XUIElement, XToolPanel, XSidebarPanel and XComponent; its
 * controls are AWT windows made with the toolkit (the deck asks for WantsAWT). */
#ifndef PN_PANEL_H
#define PN_PANEL_H

#include "cu_object.h"

/* A new panel (one reference) inside PARENT (the sidebar's window for us) for FRAME's
 * document; SIDEBAR (may be NULL) is asked to lay out again when the text grows. URL is
 * the panel's resource URL. NULL when the windows cannot be made. */
CuObject *pn_panel_new(uno_Interface *context, uno_Interface *parent, uno_Interface *frame,
                       uno_Interface *sidebar, rtl_uString *url);

#endif
