/* cc_table.h - the lead table around a view's cell cursor, as the sidebar sees it.
 *
 * The table is the contiguous region around the cursor (Calc's Ctrl+*) whose first row is
 * a header. A column Pipecalc wrote (the marked Score column, see ac_score.h) is never
 * part of it: at the region's edge it is cut off; inside the region it parts two tables
 * (the left one's Score column filling the empty column between them), and the table is
 * the region around the cursor on its side of that column. The Score column right beside
 * a table is that table's. */
#ifndef CC_TABLE_H
#define CC_TABLE_H

#include "pc_months.h"
#include "pc_roles.h"
#include "cc_sheet.h"
#include "rp_forecast.h"
#include "rp_funnel.h"
#include "rp_score.h"

/* Marker (document-level named range) of the Score column. */
#define CC_MARKER_SCORE RP_MARKER_SCORE
/* Marker of the forecast sheet's written area. */
#define CC_MARKER_FORECAST RP_MARKER_FORECAST
/* Marker of the funnel sheet's written area. */
#define CC_MARKER_FUNNEL RP_MARKER_FUNNEL

typedef struct {
    uno_Interface *model;  /* XModel, acquired */
    uno_Interface *sheet;  /* XSpreadsheet, acquired */
    char *sheet_name;
    CuRange range;         /* header row included, our columns cut off */
    PcTable *cells;        /* the range's cells; row 0 is the header */
    PcRole *roles;         /* one per column */
    gboolean *nameless;    /* one per column: its header cell is empty; the header row of
                              CELLS names it "(column F)" after its sheet column, and the
                              manager's role for it is kept by its position (cc_roles_store) */
    PcLeadCounts counts;
    PcDates dates;         /* the document's date system (its null date) */
    gsize hidden_rows;     /* data rows hidden by a filter or by hand: read like the others */
    gboolean has_score;    /* our Score column is on this sheet beside / inside the table */
    CuRange score;         /* its marked range */
    char *score_mark;      /* its mark's name (cc_marks.h) */
    /* where the action at hand puts its output when one of the user's cells is in the
     * way: MAKE_ROOM set by the caller (the manager agreed: the Score column shifts the
     * user's cells right, the forecast and funnel take a new sheet); BLOCKED set by the
     * action when it refused for that reason alone, so the panel can ask */
    gboolean make_room, blocked;
    /* set by cc_table_find when the region around the cursor is no lead table for a reason
     * the panel says (Pipecalc's own output, a lookup table): an English msgid; kept by
     * cc_table_clear, so a caller that clears a half-found table can still say why */
    const char *not_leads;
} CcLeadTable;

/* Find the lead table around CONTROLLER's cursor into T (zeroed first): never a region in
 * what Pipecalc wrote (the marked forecast, funnel or Score areas), and only a region
 * pc_roles_is_lead_table accepts (else T->not_leads says why). Returns FALSE with no
 * ERROR when there is simply no table there; FALSE with ERROR when a call failed. */
gboolean cc_table_find(uno_Interface *controller, CcLeadTable *t, GError **error);

/* As cc_table_find, but any region with a header row and data rows that is not Pipecalc's
 * output: for choosing column roles, which can make such a table a lead table (headers
 * the detection does not know, "Etapa | Valor"). */
gboolean cc_table_find_columns(uno_Interface *controller, CcLeadTable *t, GError **error);

/* Find the table ADDRESS names in MODEL into T (zeroed first): a named range or a range
 * address such as "Sheet2.A1:C9" (one cell: the table around it), header row first; the
 * manager's roles apply as for cc_table_find. FALSE with the user's sentence. */
gboolean cc_table_find_at(uno_Interface *model, const char *address, CcLeadTable *t, char **message);

/* Release what T holds (T->not_leads stays). No operation on a zeroed T. */
void cc_table_clear(CcLeadTable *t);

/* The panel's description of T (g_free). */
char *cc_table_describe(const CcLeadTable *t);

/* TRUE, with the user's sentence that there is no lead table here in *MESSAGE (g_free),
 * when T holds none; what every action says before it reads a table that is not there. */
gboolean cc_table_absent(const CcLeadTable *t, char **message);

/* How the document's stored roles name column COL of T (g_free): its header, or, for a
 * nameless column, "#N", its position in the table (1 = the first column). */
char *cc_table_header_key(const CcLeadTable *t, gsize col);

/* "Sheet1.B7"-style name of cell COL, ROW of T's sheet, for messages (g_free). */
char *cc_table_cell_text(const CcLeadTable *t, sal_Int32 col, sal_Int32 row);

/* T's key among the documents' stored roles (cc_roles_store.h): its sheet and top-left
 * cell, "Sheet1.A1" (g_free). */
char *cc_table_key(const CcLeadTable *t);

#endif
