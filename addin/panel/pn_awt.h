/* pn_awt.h - the AWT calls the deck's panels make: windows from the toolkit, their bounds,
 * texts and peer properties, the sizes VCL prefers for them, and font-relative units.
 *
 * Sizes are worked out in APPFONT units (a quarter of the dialog font's average character
 * width, an eighth of its height: what .ui and .xdl dialogs use) converted to pixels by
 * the window's XUnitConversion, so a larger UI font or a HiDPI screen gets a larger panel,
 * not clipped labels. Calls on a NULL window do nothing. */
#ifndef PN_AWT_H
#define PN_AWT_H

#include "cu_object.h"

/* com.sun.star.awt.WindowClass and VclWindowPeerAttribute / WindowAttribute bits */
enum { PN_WINDOW_CONTAINER = 2, PN_WINDOW_SIMPLE = 3, PN_SHOW = 1, PN_BORDER = 16,
       PN_DROPDOWN = 32768 };

/* XToolkit.createWindow: a window of CLS and SERVICE ("fixedtext", "edit", "listbox",
 * "pushbutton", "window") inside PARENT_PEER (XWindowPeer), as XWindow. */
uno_Interface *pn_window(uno_Interface *toolkit, sal_Int32 cls, const char *service,
                         uno_Interface *parent_peer, sal_Int32 attributes);

/* A fixed text showing TEXT; MULTI_LINE: it wraps at its width. */
uno_Interface *pn_label(uno_Interface *toolkit, uno_Interface *parent_peer, const char *text,
                        gboolean multi_line);

void pn_bounds(uno_Interface *w, sal_Int32 x, sal_Int32 y, sal_Int32 width, sal_Int32 height);
void pn_set_text(uno_Interface *w, const char *text);      /* XFixedText */
void pn_set_edit_text(uno_Interface *w, const char *text); /* XTextComponent */
char *pn_edit_text(uno_Interface *w);                      /* XTextComponent (g_free) */
void pn_set_enabled(uno_Interface *w, gboolean on);
void pn_set_visible(uno_Interface *w, gboolean on);

/* Peer properties (XVclWindowPeer.setProperty). */
void pn_peer_bool(uno_Interface *w, const char *name, gboolean value);
void pn_peer_short(uno_Interface *w, const char *name, sal_Int16 value);
void pn_peer_long(uno_Interface *w, const char *name, sal_Int32 value);
void pn_peer_text(uno_Interface *w, const char *name, const char *text);

/* The size VCL prefers for W with its current text (XLayoutConstrains.getPreferredSize);
 * FALSE, sizes untouched, when W cannot say. */
gboolean pn_preferred(uno_Interface *w, sal_Int32 *width, sal_Int32 *height);

/* The height the multi-line fixed text W needs to show its text wrapped at WIDTH pixels,
 * as VCL measures it (FixedText::CalcMinimumSize behind calcAdjustedSize); 0 for an empty
 * TEXT (what W shows), FALLBACK_LINE per line of an estimate when W cannot say. */
sal_Int32 pn_text_height(uno_Interface *w, const char *text, sal_Int32 width, sal_Int32 fallback_line);

/* Pixels per APPFONT unit of WINDOW, across and down. */
typedef struct {
    double x, y;
} PnUnits;

/* WINDOW's units (XUnitConversion); a common 8 pt font's when it cannot say. */
PnUnits pn_units(uno_Interface *window);

/* N APPFONT units in pixels, across (pn_ax) or down (pn_ay). */
static inline sal_Int32 pn_ax(const PnUnits *u, double n)
{
    return (sal_Int32)(n * u->x + 0.5);
}

static inline sal_Int32 pn_ay(const PnUnits *u, double n)
{
    return (sal_Int32)(n * u->y + 0.5);
}

#endif
