/* pn_panel.h - the "Pipeline" deck's panels. Each is one object answering XUIElement,
 * XToolPanel, XSidebarPanel and XComponent; its controls are AWT windows made with the
 * toolkit (the deck asks for WantsAWT). Which panel the sidebar asks for is the last
 * segment of its resource URL (descriptions/Sidebar.xcu). */
#ifndef PN_PANEL_H
#define PN_PANEL_H

#include "cu_object.h"

typedef enum {
    PN_ACTIONS, /* ".../PipecalcActions": the action buttons, each report under its button */
    PN_TABLE,   /* ".../PipecalcTable": the table at the cursor, its checks, the cell's
                   explanation */
    PN_FACTORS, /* ".../PipecalcFactors": the factors of the lead at the cursor, the
                   Score colours */
    PN_ROLES,   /* ".../PipecalcRoles": the column of each role */
    PN_N_KINDS  /* no panel of ours */
} PnKind;

/* The panel URL names by its last segment, or PN_N_KINDS. */
PnKind pn_panel_kind(rtl_uString *url);

/* A new panel (one reference) of the kind URL names, inside PARENT (the sidebar's window
 * for us) for FRAME's document; SIDEBAR (may be NULL) is asked to lay out again when the
 * panel's height changes. NULL for a URL of no panel of ours, or when the windows cannot
 * be made. */
CuObject *pn_panel_new(uno_Interface *context, uno_Interface *parent, uno_Interface *frame,
                       uno_Interface *sidebar, rtl_uString *url);

#endif
