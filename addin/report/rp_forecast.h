/* rp_forecast.h - the plan of the Forecast sheet.
 *
 * Stage probabilities come from the table's closed deals (rp_stages_learn: STAGE_CONVERSION
 * to the won stage) or from the manager. The open deals' expected revenue
 * (PIPELINE_FORECAST, pc_pipeline_forecast) is planned by close month x stage, with
 * P10/P50/P90 and the days each month counts (From / Until) per month, a Total row and a
 * row per owner, and a chart of the expected revenue by dated month:
 *
 *   row 0      title
 *   row 1      where the table is and how many closed deals the probabilities come from
 *   row 2      the period, when one is given
 *   row 3..    Stage | Probability, every stage the table uses: the open stages, then the
 *              stage column's outcome words, a won one at 100 % and a lost one at 0 %
 *              (a fallback note beside a stage no closed deal reached; a stage without
 *              open deals muted)
 *   then       Month | Expected | P10 | P50 | P90 | From | Until | one column per stage
 *              (none, and a line saying why, for more than RP_FORECAST_SPLIT_MAX stages);
 *              the months sorted, "(no date)" last; Total
 *   then       after a blank row, Owner | Expected | P10 | P50 | P90 per owner
 *
 * When the table has a close-date column, the dated months' Expected, P10, P50 and P90
 * (B..E) are ONE live array formula, PIPELINE_FORECAST over the source table's whole
 * columns and the stage table on the sheet with the months' From / Until ranges as its
 * periods and {0;0.1;0.5;0.9} as its percentiles (the outcome column as its Outcomes, or
 * without one the stage column when it holds outcome words: a won deal, at 100 % there, is
 * closed and not counted), so that an edit of the table recomputes the whole by-month table
 * in one call; Total's Expected is the SUM of the months ("(no date)" a value, P10..P90 of
 * Total values: the percentiles of a sum are no sum). Values instead when such a formula
 * would reject a row of the table (a closed deal's text amount). */
#ifndef RP_FORECAST_H
#define RP_FORECAST_H

#include "rp_plan.h"

#define RP_MARKER_FORECAST "PIPECALC_FORECAST"
#define RP_FORECAST_FUNCTION "ORG.PIPECALC.PIPELINEFUNCTIONS.PIPELINEFORECAST"

/* The month table splits the expected value by stage, a column each, for at most this
 * many stages: more would not be read (a free-text stage column can hold thousands), and
 * the sheet would grow by months x stages cells. */
#define RP_FORECAST_SPLIT_MAX 12

/* Called as planning moves along the month and owner rows: DONE of TOTAL steps. */
typedef void (*RpProgressFn)(gpointer data, gsize done, gsize total);

typedef struct {
    double start, end;     /* the period: Calc serials, inclusive by whole days; 0 = open */
    const PcTable *given;  /* the manager's stage | probability rows; NULL: learned */
    RpProgressFn progress; /* may be NULL */
    gpointer progress_data;
} RpForecastOptions;

typedef struct {
    RpPlan *plan;
    double expected;       /* the Total row's expected revenue */
    gsize deals;           /* open deals counted: those closing in the period when one is given */
    gboolean period;       /* DEALS counts the period's deals (a bound is given) */
    char from[16], until[16]; /* the period's bounds as YYYY-MM-DD, "..." when open */
    gboolean live;         /* the dated months' Expected..P90 are one array formula */
} RpForecast;

/* Plan the forecast of S with O into *F. FALSE with the user's sentence in *MESSAGE
 * (g_free) when the table or the options cannot give one: no amount or stage column (or no
 * close-date column for a period), the period starting after it ends, no closed deals to
 * learn from, no open deal, a stage O->given lacks. */
gboolean rp_forecast_plan(const RpSource *s, const RpForecastOptions *o, RpForecast *f,
                          char **message);

void rp_forecast_clear(RpForecast *f);

#endif
