/* pc_checks.h - data checks on a lead table, for the sidebar's "Data checks".
 *
 * Each check looks at the table the sidebar detected (row 0 the header, columns with the
 * roles of pc_roles_detect) and reports the data rows concerned. The checks only read; the
 * one fix offered (probabilities typed as 0-100) is done by the caller on the cells it
 * owns. "Rows the functions would reject" runs PIPELINE_FORECAST (pc_forecast.h) itself,
 * so what it reports is exactly what the function would answer: no second rule set.
 */
#ifndef PC_CHECKS_H
#define PC_CHECKS_H

#include "pc_roles.h"
#include "pc_status.h"

typedef enum {
    PC_CHECK_PERCENT,       /* probabilities typed as 0-100 (1 < p <= 100) */
    PC_CHECK_OVERDUE,       /* open deals whose close date has passed */
    PC_CHECK_CURRENCIES,    /* more than one currency in the currency column */
    PC_CHECK_UNKNOWN_STAGE, /* stages the stage table in use does not know */
    PC_CHECK_UNWON_PRODUCT, /* open deals of products no deal of the table was won with: the
                               Products report and PRODUCT_FIT have no history of them (only
                               when the table has a won deal at all) */
    PC_CHECK_REJECTED,      /* a row PIPELINE_FORECAST answers with an error for */
    PC_N_CHECKS
} PcCheckKind;

typedef struct {
    PcCheckKind kind;
    GArray *rows;   /* gsize rows of the table concerned (1 = the first data row), in order */
    char *detail;   /* UTF-8: currencies / unknown stages / products as first typed,
                       comma-separated;
                       PC_CHECK_REJECTED: the core's sentence without its "row N: " prefix */
    PcStatus status; /* PC_CHECK_REJECTED: what the function answers; PC_OK otherwise */
} PcFinding;

typedef struct {
    const PcTable *table;       /* the lead table, header in row 0 */
    const PcRole *roles;        /* one per column */
    double today;               /* Calc date serial of today (a fraction is ignored) */
    const PcTable *stage_table; /* stage | probability in use (the forecast sheet's), or NULL:
                                   then stages are not checked against it */
    gsize max_rejected;         /* report at most this many rejected rows (0: 10) */
} PcChecksArgs;

/* TRUE when V is a probability typed as a percent number: 1 < V <= 100. */
gboolean pc_check_is_percent(double v);

/* Run every check on A's table. Returns the findings (PcFinding *, in PcCheckKind order,
 * at most one per kind except PC_CHECK_REJECTED, one per rejected row); free with
 * g_ptr_array_unref. A check whose column is missing finds nothing. */
GPtrArray *pc_checks_run(const PcChecksArgs *a);

#endif
