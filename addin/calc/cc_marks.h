/* cc_marks.h - which of Pipecalc's marked outputs belongs to which lead table.
 *
 * Each output is marked by a document-level named range (cc_marker_*): the Score column by
 * PIPECALC_SCORE, the forecast and funnel sheets by PIPECALC_FORECAST / PIPECALC_FUNNEL.
 * A document with several lead tables has one output of each kind per table: the first
 * is marked BASE, the next BASE_2, BASE_3 and so on. A Score column belongs to the table
 * beside it; a sheet output records its table in a second name, <mark>_SOURCE, at the
 * table's header cell - Calc moves it with the table as it moves every named range. A
 * sheet mark without one (written by a release before 0.2) belongs to the first table
 * that writes its kind, which then records itself. */
#ifndef CC_MARKS_H
#define CC_MARKS_H

#include "cu_props.h"

#include <glib.h>

typedef struct {
    char *name;
    CuRange range; /* what it marks */
} CcMark;

/* Every mark of BASE in MODEL that still refers to cells, in name order (cc_marks_free). */
GArray *cc_marks(uno_Interface *model, const char *base);
void cc_marks_free(GArray *marks);

/* The sheet output of BASE that belongs to the table at TABLE (its header cell
 * TABLE's top-left cell, on TABLE's sheet): its mark's name (g_free) and *RANGE; NULL
 * when the table has none yet. */
char *cc_mark_of_table(uno_Interface *model, const char *base, const CuRange *table, CuRange *range);

/* A name for a new mark of BASE: BASE when free, else the first free BASE_N (g_free). */
char *cc_mark_new_name(uno_Interface *model, const char *base);

/* Record the table at TABLE (on the sheet named SHEET_NAME) as the source of mark NAME. */
gboolean cc_mark_set_source(uno_Interface *model, const char *name, const char *sheet_name,
                            const CuRange *table, GError **error);

#endif
