/* rp_plan.h - a report plan: everything an action will write, decided before anything is.
 *
 * Each action of the deck (Score leads, Write forecast, Write funnel) computes a plan from
 * the lead table's cells through the core, with no UNO: a block of cells (numbers, texts,
 * formulas), each with a number format by kind and a style by role, merged cells, column
 * widths, frozen rows, charts, and where the block goes. The Calc writer (cc_writer.h) is
 * the only code that turns a plan into cells; the plan is what the unit tests check
 * (tests/report/), and the command-line tool will write the same plans into .ods files.
 *
 * Positions in a plan are 0-based rows and columns of the block. Formulas are in Calc's
 * API grammar (English function names, ';' between arguments) with absolute references:
 * references into the block assume it starts at A1 of its own sheet (RP_PLACE_SHEET);
 * references to the source table are made by rp_source_column_ref from the table's
 * anchor (its sheet and header cell).
 */
#ifndef RP_PLAN_H
#define RP_PLAN_H

#include "pc_months.h"
#include "pc_roles.h"
#include "pc_table.h"

/* The lead table a plan is made from, as the document shows it. */
typedef struct {
    const PcTable *cells;  /* header row first */
    const PcRole *roles;   /* one per column */
    PcLeadCounts counts;
    const char *sheet_name;
    gsize row0, col0;      /* the header cell's position on its sheet (0-based) */
    PcDates dates;         /* the document's date system */
} RpSource;

typedef enum {
    RP_EMPTY,              /* left empty */
    RP_NUMBER,
    RP_TEXT,
    RP_FORMULA,            /* TEXT holds it, NUM the value the plan computed for it */
    RP_ARRAY,              /* one cell of an array formula (RpPlan.arrays; TEXT NULL): NUM the
                            * value the plan computed for it */
} RpKind;

/* A number format by kind: the writer finds the format itself. */
typedef enum {
    RP_FORMAT_GENERAL,     /* as Calc shows a number by default */
    RP_FORMAT_AMOUNT,      /* the source's amount column's format (its currency) */
    RP_FORMAT_PERCENT,
    RP_FORMAT_DATE,        /* the document's date format */
    RP_FORMAT_INTEGER,     /* counts: no decimals */
} RpFormat;

/* A cell style by role (the writer's cell styles "Pipecalc Title" ...). */
typedef enum {
    RP_STYLE_NONE,
    RP_STYLE_TITLE,
    RP_STYLE_HEADER,
    RP_STYLE_TOTAL,
    RP_STYLE_NOTE,
    RP_STYLE_MUTED,
    RP_N_STYLES
} RpStyle;

typedef struct {
    RpKind kind;
    RpFormat format;
    RpStyle style;
    double num;
    char *text;
} RpCell;

/* Rows ROW0..ROW1 and columns COL0..COL1 of the block, inclusive. */
typedef struct {
    gsize row0, col0, row1, col1;
} RpRect;

/* One array formula (Ctrl+Shift+Enter in Calc) over the RP_ARRAY cells of CELLS: one
 * formula, one result per cell, recomputed as one call. */
typedef struct {
    RpRect cells;
    char *formula;         /* as RP_FORMULA's */
} RpArray;

typedef enum {
    RP_CHART_COLUMNS,      /* vertical bars */
    RP_CHART_BARS,         /* horizontal bars */
    RP_CHART_LINES,
} RpChartType;

enum { RP_CHART_SERIES_MAX = 8 };

/* A series' colour (RpChart.colours): 0xRRGGBB, or one of these. */
#define RP_COLOUR_DEFAULT (-1)   /* the office's palette */
#define RP_COLOUR_INVISIBLE (-2) /* not drawn: the base a waterfall's steps stand on */

typedef struct {
    char *name;            /* the chart object's name in the document (made unique there) */
    RpChartType type;
    RpRect data;           /* its first row: series names; its first column: categories */
    gsize series[RP_CHART_SERIES_MAX]; /* the series' columns, left to right (n_series 0: */
    gsize n_series;                    /* every column of DATA right of the categories) */
    char *title, *x_title, *y_title; /* NULL: none */
    gboolean legend;
    gboolean reverse_categories; /* the first category at the far end of its axis (bars:
                                  * the first on top, as a funnel reads) */
    gboolean stacked;      /* a category's series stacked on one another (columns, bars) */
    gint32 colours[RP_CHART_SERIES_MAX]; /* per series drawn, left to right */
    RpFormat value_format;
    gsize row, col;        /* its top left corner: at this cell of the block (below or
                            * beside the table, so that it is in view) */
    double width, height;  /* in centimetres */
} RpChart;

typedef enum {
    RP_PLACE_SHEET,        /* an output sheet of its own (from A1), reused by its marker */
    RP_PLACE_COLUMN,       /* one column right of the source table (or where its marker is) */
} RpPlace;

typedef struct {
    RpPlace place;
    const char *marker;    /* named range marking what was written (PIPECALC_...) */
    char *sheet_base;      /* RP_PLACE_SHEET: the sheet's name ("Forecast", "Forecast 2"...) */
    char *undo_title;      /* Edit > Undo's name of the action */
    gsize rows, cols;
    RpCell *cells;         /* rows x cols, row by row */
    GArray *merges;        /* RpRect: cells merged into their top-left one (titles) */
    GArray *arrays;        /* RpArray: array formulas, none overlapping */
    double *widths;        /* per column, in characters (0: leave it) */
    gsize freeze_rows;     /* rows kept in view when scrolling (0: none) */
    GPtrArray *charts;     /* RpChart */
    gboolean score_colours; /* the five-step Score colour format on the number cells */
    gssize amount_col;     /* source column RP_FORMAT_AMOUNT takes its format from, -1 none */
    gssize date_col;       /* source column RP_FORMAT_DATE takes its format from, -1 none */
} RpPlan;

/* V with DECIMALS decimals as the user reads numbers (g_free): the caller's convention (the
 * Calc layer passes tx_text_number, by the office's Locale setting; a test its own). Report
 * code writes numbers into texts only through one of these: it knows no locale. */
typedef char *(*RpNumberText)(double v, int decimals);

/* A plan of ROWS x COLS empty cells, to be placed as PLACE and marked by MARKER. */
RpPlan *rp_plan_new(RpPlace place, const char *marker, gsize rows, gsize cols);
void rp_plan_free(RpPlan *p);

/* Cell ROW, COL (both inside the plan). */
RpCell *rp_cell(RpPlan *p, gsize row, gsize col);
const RpCell *rp_cell_at(const RpPlan *p, gsize row, gsize col);

void rp_set_number(RpPlan *p, gsize row, gsize col, double v, RpFormat format);
void rp_set_text(RpPlan *p, gsize row, gsize col, const char *text);
/* FORMULA is taken (g_free'd with the plan); VALUE is what the plan computed it to be. */
void rp_set_formula(RpPlan *p, gsize row, gsize col, char *formula, double value, RpFormat format);

/* One array formula FORMULA (taken) over the cells of R (inside the plan, in no other
 * array): they become RP_ARRAY cells of format FORMAT holding VALUES (row by row, the
 * values the plan computed for them, which the writer shows until Calc recomputes), or,
 * VALUES NULL, the numbers the plan put there already. */
void rp_set_array_formula(RpPlan *p, RpRect r, char *formula, const double *values, RpFormat format);

/* The array formula cell ROW, COL belongs to, NULL when none. */
const RpArray *rp_array_at(const RpPlan *p, gsize row, gsize col);

/* Give the cells of R the style / the format. */
void rp_style(RpPlan *p, RpRect r, RpStyle style);
void rp_format(RpPlan *p, RpRect r, RpFormat format);

void rp_merge(RpPlan *p, RpRect r);

/* TEXT at ROW across every column of the plan, merged, in STYLE: a title, a note, a
 * section's heading. */
void rp_line(RpPlan *p, gsize row, const char *text, RpStyle style);

/* Column widths by content: each column as wide as its longest text or number (in
 * characters, merged cells left out), within MIN and MAX. */
void rp_fit_widths(RpPlan *p, double min, double max);

/* A chart of DATA with its corner at cell ROW, COL (its strings copied; 16 x 9 cm; its
 * series in the office's colours);
 * returned to fill in its texts and series. */
RpChart *rp_add_chart(RpPlan *p, const char *name, RpChartType type, RpRect data, gsize row,
                      gsize col);
/* Draw column COL of the chart's data as its next series (up to RP_CHART_SERIES_MAX). */
void rp_chart_series(RpChart *c, gsize col);

/* "$'My sheet'.$C$2:$C$61": the data rows of column COL of S (row 1 of the table to its
 * last row), absolute, for formulas (g_free). */
char *rp_source_column_ref(const RpSource *s, gsize col);

/* "$A$5:$B$9" for a rectangle of the block itself (placed at A1), absolute (g_free). */
char *rp_block_ref(RpRect r);

/* "Sheet1.A1:F61" for messages (g_free). */
char *rp_source_text(const RpSource *s);

#endif
