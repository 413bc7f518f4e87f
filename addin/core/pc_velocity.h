/* pc_velocity.h - SALES_VELOCITY: the revenue per day a pipeline produces.
 *
 * SALES_VELOCITY(Amounts; Outcomes; Created; Closed) = open deals x win rate x average won
 * amount / average sales cycle (pc_deals.h), where the win rate is won / (won + lost) over
 * the closed rows, the average won amount and the average cycle (Closed - Created, in days
 * as the difference of the date serials, fractions kept) are over the won rows, and the open
 * deals are the rows neither won nor lost (pc_outcome_of_cell).
 *
 * Shapes. The four arguments are "column" arguments as in PIPELINE_FORECAST: a column or a
 * row each, row i of one belonging with row i of the others; a 2-D one or lengths that
 * differ give PC_ERR_ARG.
 * Rows. A row whose four cells are empty (white space counts as empty) is skipped. An empty
 * amount counts 0; a text amount is PC_ERR_VALUE, a non-finite one PC_ERR_NUM. A date that
 * is text is PC_ERR_VALUE in any row; a won row missing either date is PC_ERR_VALUE, one
 * closed before it was created PC_ERR_NUM, each with its row. An error value anywhere:
 * PC_ERR_VALUE.
 * Header row. The first row is a header and skipped when its amount, created and closed
 * cells are all text (text is invalid there) - the outcome cell may hold anything.
 * Result. PC_ERR_DIV0 without a won row, or when the average cycle is 0. */
#ifndef PC_VELOCITY_H
#define PC_VELOCITY_H

#include "pc_deals.h"
#include "pc_status.h"
#include "pc_table.h"

/* Argument positions, as in ERR. */
enum { PC_VELOCITY_AMOUNTS, PC_VELOCITY_OUTCOMES, PC_VELOCITY_CREATED, PC_VELOCITY_CLOSED };

/* Count the rows of the four arguments into *DEALS (cleared first), by the rules above. */
PcStatus pc_velocity_deals(const PcTable *amounts, const PcTable *outcomes,
                           const PcTable *created, const PcTable *closed, PcDeals *deals,
                           PcError *err);

/* SALES_VELOCITY itself: *RESULT the revenue per day. */
PcStatus pc_sales_velocity(const PcTable *amounts, const PcTable *outcomes,
                           const PcTable *created, const PcTable *closed, double *result,
                           PcError *err);

#endif
