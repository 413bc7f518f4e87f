/* cc_styles.h - the report's cell styles of our own ("Pipecalc Title", "Pipecalc Header",
 * "Pipecalc Total", "Pipecalc Note", "Pipecalc Muted").
 *
 * A style is added to the document the first time a report uses it and never changed once
 * there: a team that restyles "Pipecalc Header" keeps its look in every later report.
 * Adding a style is no Edit > Undo step in Calc (as for the Score colours), so after an
 * undo the styles stay in the document, unused. */
#ifndef CC_STYLES_H
#define CC_STYLES_H

#include "cc_sheet.h"
#include "rp_plan.h"

/* The document's cell styles (XNameContainer), acquired. */
uno_Interface *cc_cell_styles(uno_Interface *model, GError **error);

/* Create a cell style in MODEL and insert it into STYLES as NAME: *STYLE (acquired) to give
 * it its properties (a style not yet in a family has no item set to hold them). */
gboolean cc_style_insert(uno_Interface *model, uno_Interface *styles, const char *name, uno_Interface **style,
                         GError **error);

/* The style name of ROLE ("Pipecalc Header"), NULL for RP_STYLE_NONE. */
const char *cc_style_name(RpStyle role);

/* Add the styles of the roles in USED (bit i for RpStyle i) that MODEL lacks. FALSE when
 * one cannot be made: Calc refuses to set a style's properties while a sheet of the
 * document is protected (measured on 7.4: a RuntimeException from styleuno.cxx); the style
 * that failed is taken out again, those made before it stay. */
gboolean cc_styles_ensure(uno_Interface *model, guint used, GError **error);

#endif
