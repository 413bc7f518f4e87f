/* pc_deals.h - what a group of deals has done: counts, win rate with its interval,
 * average won deal, average sales cycle and sales velocity.
 *
 * One accumulator for SALES_VELOCITY and for every report that breaks deals down by a
 * value (a product, a lead source, an owner), so that a figure in a report and the
 * function over the same rows cannot disagree. */
#ifndef PC_DEALS_H
#define PC_DEALS_H

#include "pc_num.h"
#include "pc_text.h"

/* The z of a two-sided 90 % interval: the reports state win rates with it. */
#define PC_DEALS_Z90 1.6448536269514722

typedef struct {
    gsize open, won, lost;
    PcSum open_amount, won_amount;
    PcSum cycle_days; /* Closed - Created of the won deals that have both dates */
    gsize cycles;     /* ... and how many they are */
} PcDeals;

#define PC_DEALS_INIT { 0 }

/* Count one deal with OUTCOME and AMOUNT (0 when it has none). CYCLE_DAYS is the won
 * deal's Closed - Created in days, or NAN when a date is missing (then it counts for
 * everything but the cycle); it is ignored for open and lost deals. */
void pc_deals_add(PcDeals *d, PcOutcome outcome, double amount, double cycle_days);

/* Count the deals of FROM into INTO as well, as if each had been added to it: the Patterns
 * report's "Other" row sums the values with too few closed deals this way. */
void pc_deals_merge(PcDeals *into, const PcDeals *from);

/* won / (won + lost); NAN without a closed deal. */
double pc_deals_win_rate(const PcDeals *d);

/* The Wilson score interval of the win rate at normal quantile Z (PC_DEALS_Z90): *LO and
 * *HI within [0, 1]; both NAN without a closed deal. */
void pc_deals_win_interval(const PcDeals *d, double z, double *lo, double *hi);

/* Sum of won amounts / won deals; NAN without a won deal. */
double pc_deals_average_won(const PcDeals *d);

/* Mean cycle of the won deals with both dates, in days; NAN without one. */
double pc_deals_average_cycle(const PcDeals *d);

/* Revenue per day: open deals x win rate x average won deal / average cycle; NAN when a
 * factor is NAN or the average cycle is not positive. */
double pc_deals_velocity(const PcDeals *d);

#endif
