/* pc_fit.h - PRODUCT_FIT: for each lead, the probability of each product being the one bought.
 *
 * PRODUCT_FIT(Leads; History; Products; [ProductList]; [Smoothing]). Multi-class naive Bayes
 * with LEAD_SCORE's rules (pc_bayes.h): History holds past purchases, one row each, and
 * Products (one cell per History row) the product bought. Every History row whose Products
 * cell is not blank is one purchase, a training row of that product's class; a row with a
 * blank product (white space counts as blank) is no training row. For product c:
 *   prior P(c) = n_c / n, the product's share of the purchase rows;
 *   P(v | c) = (count_c(v) + a) / (n_c,j + a K_j) per History column j, LEAD_SCORE's
 *   smoothing (a = Smoothing, 1 when omitted; K_j the values, or non-empty quintile bins,
 *   the purchase rows have in column j; n_c,j the rows of c with a non-blank value there);
 *   P(c | lead) = P(c) prod_j P(v_j | c) / sum over products of the same,
 * computed in log space and normalised with log-sum-exp, so many columns neither underflow
 * nor overflow. A lead's blank cell, a value no purchase row has, an empty bin or a text in
 * a numeric column contributes no factor (for every product alike); a blank lead gets the
 * priors. With exactly two products this is LEAD_SCORE's model: the probability of product
 * A equals LEAD_SCORE's score with A as won and the other as lost.
 *
 * Rules of reading, beyond the specification:
 * - Leads and History as LEAD_SCORE reads them (pc_bayes.h): Leads is k x c for c History
 *   columns, one lead per row, no header skipping; with a one-column History a one-row
 *   Leads of k cells is k leads.
 * - Products must be one column or one row with as many cells as History has rows
 *   (PC_ERR_ARG). Product names match by pc_text_key, as LEAD_SCORE's texts ("Suite" =
 *   " SUITE "); a product is reported as first spelled in Products, or as ProductList
 *   spells it. A number in Products is not a product name: PC_ERR_VALUE (type codes such as
 *   4711 as text). An error value anywhere in Leads, History or Products: PC_ERR_VALUE; a
 *   non-finite number there: PC_ERR_NUM.
 * - ProductList (NULL, 0 x 0 or all blank: omitted) is one column or one row (else
 *   PC_ERR_ARG) naming the products, in the order of the result's columns. Blank cells are
 *   skipped; a number or an error value there: PC_ERR_VALUE; the same product twice:
 *   PC_ERR_ARG. A listed product without a purchase row gets probability exactly 0 (prior
 *   0). A product in Products that the list does not name: PC_ERR_NA, naming the row.
 *   Without ProductList the products are in order of first appearance in Products.
 * - Header row. LEAD_SCORE learns nothing from its History's header row because its
 *   Outcomes cell ("Outcome") is no won/lost word; Products taking Outcomes' place, any text
 *   could be a product, so the first row is a header - no purchase, no training row at all -
 *   when more rows follow it, its Products cell is a text that no other row of Products
 *   names and that ProductList (when given) does not list, and every one of its History
 *   cells is a text that no other row of its column holds (by pc_text_key): "Source" |
 *   "Region" | "Product" above the data. Only the first row. Otherwise it is a purchase
 *   like any other. (A first purchase of a product bought once whose every History cell is
 *   a text unique in its column reads as a header too: list the product in ProductList,
 *   or select History without its header row and Products from the same row.)
 * - No purchase row at all (every product blank): PC_ERR_NA.
 * - Smoothing as LEAD_SCORE's: 0, empty or omitted means 1; below 0: PC_ERR_NUM; text
 *   PC_ERR_VALUE; a range PC_ERR_ARG; so extreme that a likelihood is not finite in log
 *   space (1e308): PC_ERR_NUM.
 * - The result has n_leads x n_products cells; more than PC_TABLE_MAX_CELLS: PC_ERR_NOMEM.
 * Messages name rows 1-based within the range ("Products row 3"); PcError.row is 0-based.
 * Cost: LEAD_SCORE's training for the rows and columns, plus O(leads x columns x products)
 * to score.
 */
#ifndef PC_FIT_H
#define PC_FIT_H

#include "pc_status.h"
#include "pc_table.h"

/* Argument positions, for PcError.arg. */
enum { PC_FIT_LEADS, PC_FIT_HISTORY, PC_FIT_PRODUCTS, PC_FIT_PRODUCT_LIST, PC_FIT_SMOOTHING };

/* The fitted probabilities. */
typedef struct {
    gsize n_leads, n_products;
    char **product_names; /* n_products UTF-8 names, in the result's column order, then NULL */
    double *prob;         /* n_leads x n_products, row-major: lead i, product p at
                           * prob[i * n_products + p]; each row sums to 1 */
} PcFit;

/* PRODUCT_FIT by the rules above. PRODUCT_LIST and SMOOTHING are NULL when omitted. On
 * success *FIT is new (pc_fit_free). Returns PC_ERR_ARG (shapes: Leads against History,
 * Products not one cell per History row, ProductList not one column or row or naming a
 * product twice, Smoothing a range), PC_ERR_NA (no purchase row; a product ProductList does
 * not name), PC_ERR_VALUE (error values; a number as a product; Smoothing text), PC_ERR_NUM
 * (non-finite numbers; Smoothing < 0 or too extreme), PC_ERR_NOMEM; then *FIT is NULL. */
PcStatus pc_product_fit(const PcTable *leads, const PcTable *history, const PcTable *products,
                        const PcTable *product_list, const PcTable *smoothing, PcFit **fit,
                        PcError *err);

/* Free FIT. No operation when FIT is NULL. */
void pc_fit_free(PcFit *fit);

#endif
