/* rp_products.h - the plan of the Products sheet: the first step of pipeline management,
 * each product's revenue potential.
 *
 * For each value of the table's product column (rp_groups.h), sorted by expected revenue,
 * largest first:
 *   Product | Open deals | Open amount | Expected revenue | Potential at own win rate |
 *   Won deals | Won revenue | Lost deals | Win rate | 90 % from | 90 % to |
 *   Average won deal | Average cycle (days) | Note
 * Expected revenue is PIPELINE_FORECAST over the product's open deals at the stage
 * probabilities Write forecast learns (rp_stages_learn); the potential is the open amount
 * at the product's own win rate (won / (won + lost)); the interval is Wilson's at 90 %
 * (pc_deals_win_interval); the cycle is Close date - Created over the won deals with both.
 * A product with fewer than PC_EVIDENCE_MIN_PER_VALUE closed deals says so in Note. Then a
 * row for all products, and a column chart of expected against won revenue per product.
 * Values only: the figures are a snapshot of the table, as the funnel's. */
#ifndef RP_PRODUCTS_H
#define RP_PRODUCTS_H

#include "rp_plan.h"

#define RP_MARKER_PRODUCTS "PIPECALC_PRODUCTS"

typedef struct {
    RpPlan *plan;
    gsize products;      /* product rows */
    gsize thin;          /* ... of them with fewer than PC_EVIDENCE_MIN_PER_VALUE closed deals */
    char *top;           /* the product with the most expected revenue (g_free) */
    double top_expected;
    gsize closed;        /* closed deals of the table */
} RpProducts;

/* Plan the products of S into *P. FALSE with the user's sentence in *MESSAGE (g_free) when
 * the table cannot give one: no product column, no amount or stage column, no closed deal
 * to learn the stage probabilities from, a text amount. */
gboolean rp_products_plan(const RpSource *s, RpProducts *p, char **message);

void rp_products_clear(RpProducts *p);

/* The products data row ROW of S (row 0 is the header) most likely buys, by PRODUCT_FIT
 * (pc_fit.h) learned from the table's won deals: History their scoring attributes
 * (pc_role_scores, the product column itself left out), Products their product. "Likely
 * products (PRODUCT_FIT, from 47 won deals): Enterprise 58 %, Professional 30 %,
 * Starter 12 %." with at most three, the percentages written by NUMBER (g_free). NULL
 * without a product column, an attribute, or a won deal with a product. */
char *rp_products_likely(const RpSource *s, gsize row, RpNumberText number);

#endif
