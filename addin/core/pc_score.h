/* pc_score.h - LEAD_SCORE: naive-Bayes win probability of leads from past leads. */
#ifndef PC_SCORE_H
#define PC_SCORE_H

#include "pc_status.h"
#include "pc_table.h"

/* LEAD_SCORE(Leads; History; Outcomes; [Smoothing]). SMOOTHING is NULL when omitted
 * (1 x 1; 0 or empty also means omitted). Argument positions: leads 0, history 1,
 * outcomes 2, smoothing 3.
 * On success *SCORES is a newly allocated array (g_free) of *N_SCORES win probabilities,
 * one per row of LEADS (a one-row LEADS of c cells is one lead when History has c
 * columns; with a one-column History a one-row LEADS of k cells is k leads). Returns
 * PC_ERR_ARG (shapes, Smoothing a range), PC_ERR_NA (no won or no lost training row),
 * PC_ERR_VALUE (error values, Smoothing text), PC_ERR_NUM (Smoothing < 0, non-finite
 * numbers), PC_ERR_NOMEM; then *SCORES is NULL. Rules in pc_score.c. */
PcStatus pc_lead_score(const PcTable *leads, const PcTable *history, const PcTable *outcomes,
                       const PcTable *smoothing, double **scores, gsize *n_scores,
                       PcError *err);

/* The terms of lead number LEAD (0-based, as pc_lead_score numbers the leads) of the
 * same model pc_lead_score trains on the same arguments: *PRIOR is the log odds of winning
 * among the training rows, log(n_won / n_lost); *TERMS a new array (g_free) of *N_TERMS
 * values, one per History column, each the natural-log odds factor for winning that the
 * lead's value in that column contributes (0 for a blank value, one no training row has,
 * or an empty bin). Then logit(score) = *PRIOR + sum of *TERMS, i.e. the column's value
 * multiplies the odds of winning by exp(term). Errors as pc_lead_score, and PC_ERR_ARG
 * when LEAD is not below the number of leads; then *TERMS is NULL. */
PcStatus pc_lead_factors(const PcTable *leads, const PcTable *history, const PcTable *outcomes,
                         const PcTable *smoothing, gsize lead, double *prior, double **terms,
                         gsize *n_terms, PcError *err);

#endif
