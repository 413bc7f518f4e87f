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

/* The page style of the report sheets: fitted to the page width, so that a report prints
 * and exports to PDF on A4 and Letter alike; the paper is the style's default. */
#define CC_PAGE_STYLE "Pipecalc Report"

/* Add the page style CC_PAGE_STYLE when MODEL lacks it (kept when present: the user's
 * margins, headers and paper stay). FALSE as cc_styles_ensure. */
gboolean cc_page_style_ensure(uno_Interface *model, GError **error);

#endif
