/* cc_colour.h - the Score column's colour scale.
 *
 * Calc 7.4 cannot build a true colour scale through its API: XConditionalFormat.createEntry
 * (ConditionEntryType COLORSCALE) makes a scale with no entries, and setting its
 * ColorScaleEntries then indexes past them and takes the office down (measured on 7.4.7;
 * the entries are a TODO in LibreOffice's ScColorScaleFormat::EnsureSize). What does work, and
 * records an Edit > Undo step (ScUndoConditionalFormat), is the older ConditionalFormat
 * property: condition entries that each apply a cell style. So the scale is five steps,
 * one cell style per 20 % of win probability, pale red to pale green: conditional, so it
 * follows the values when they change, and stored in the .ods like any conditional format
 * (a colleague without Pipecalc sees it too). */
#ifndef CC_COLOUR_H
#define CC_COLOUR_H

#include "cc_sheet.h"

/* Put the five-step scale on DATA (one column of scores) of SHEET in MODEL, replacing any
 * conditional format there. The cell styles "Pipecalc Score 0-20%" ... "80-100%" are added
 * when missing (bit i of *ADDED set for step i) and left alone when present (a team may
 * have recoloured them); adding a style is no undo step in Calc, so they stay after an
 * undo, unused. */
gboolean cc_colour_scale(uno_Interface *model, uno_Interface *sheet, const CuRange *data,
                         guint *added, GError **error);

/* Take out again the styles of ADDED (from cc_colour_scale) after the action they were
 * added for failed: a failed action leaves nothing behind. */
void cc_colour_drop_styles(uno_Interface *model, guint added);

/* The scale's steps, for a legend: step I (0 .. cc_colour_step_count() - 1) colours the
 * win probabilities from *FROM up to *BELOW (0 .. 1; the last step up to 1 included) in
 * *COLOUR (0xRRGGBB, its cell style's colour as added). FALSE for no step I. */
gsize cc_colour_step_count(void);
gboolean cc_colour_step(gsize i, double *from, double *below, sal_Int32 *colour);

#endif
