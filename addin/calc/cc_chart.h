/* cc_chart.h - a report plan's chart (RpChart) as a chart object of a Calc sheet. */
#ifndef CC_CHART_H
#define CC_CHART_H

#include "cc_sheet.h"
#include "rp_plan.h"

/* Replace the chart C->name on SHEET (sheet INDEX) by a new one as C describes it: its
 * data, series, type, titles, legend, the value axis in number format VALUE_FORMAT (a key
 * of the document's formats, -1: the source's), the categories reversed, its corner at
 * cell C->row, C->col. DRAW FALSE: only remove it (a plan without data rows).
 * Chart names are the document's: when another sheet has the name (an earlier output
 * sheet left to the user), the chart is "NAME 2" (3, ...). */
gboolean cc_put_chart(uno_Interface *sheet, sal_Int16 index, const RpChart *c, gboolean draw,
                      sal_Int32 value_format, GError **error);

#endif
