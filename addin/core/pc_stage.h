/* pc_stage.h - STAGE_CONVERSION and LEADS_NEEDED: how deals move through the funnel.
 * How StageOrder, IgnoreStages and StageData are read, and the furthest stage per deal
 * the sidebar reuses, are in pc_funnel.h. */
#ifndef PC_STAGE_H
#define PC_STAGE_H

#include "pc_status.h"
#include "pc_table.h"

/* STAGE_CONVERSION(StageData; FromStage; ToStage; StageOrder; [IgnoreStages]).
 * FROM_STAGE and TO_STAGE are UTF-8. IGNORE_STAGES is NULL when omitted. Argument
 * positions for PcError.arg: stage_data 0, from 1, to 2, stage_order 3, ignore 4.
 * Fills *RESULT with the share of deals that reached FROM which also reached TO. On
 * failure returns PC_ERR_ARG, PC_ERR_NA, PC_ERR_VALUE, PC_ERR_NUM, PC_ERR_DIV0 or
 * PC_ERR_NOMEM (rules in pc_funnel.h and pc_stage.c) and leaves *RESULT untouched. */
PcStatus pc_stage_conversion(const PcTable *stage_data, const char *from_stage,
                             const char *to_stage, const PcTable *stage_order,
                             const PcTable *ignore_stages, double *result, PcError *err);

/* LEADS_NEEDED(Target; StageData; FromStage; StageOrder; [IgnoreStages]; [AverageDealSize]).
 * AVERAGE_DEAL_SIZE is NULL when omitted (1 x 1; 0 or empty also means omitted).
 * Argument positions: target 0, stage_data 1, from 2, stage_order 3, ignore 4, size 5.
 * Fills *RESULT with the smallest whole number >= TARGET / conversion (or TARGET /
 * (size * conversion)), the conversion running from FROM to the last stage. Errors as
 * pc_stage_conversion, plus PC_ERR_NUM for TARGET < 0 or not finite, a negative size or a
 * result beyond a double, PC_ERR_DIV0 for a conversion of 0. */
PcStatus pc_leads_needed(double target, const PcTable *stage_data, const char *from_stage,
                         const PcTable *stage_order, const PcTable *ignore_stages,
                         const PcTable *average_deal_size, double *result, PcError *err);

/* The two functions once their deals are counted, for a caller that counts a whole funnel
 * once (pc_funnel_reached) and asks it for every stage: N_FROM deals reached FROM_STAGE
 * (named so in the errors), N_TO of them the later stage (for LEADS_NEEDED the last one);
 * SIZE is the average deal size, 1 when not given; TARGET and SIZE already checked as
 * pc_leads_needed checks them. The same results and errors as pc_stage_conversion and
 * pc_leads_needed give for the deals so counted. */
PcStatus pc_conversion_of_counts(gsize n_from, gsize n_to, const char *from_stage, double *result,
                                 PcError *err);
PcStatus pc_leads_needed_of_counts(double target, double size, gsize n_from, gsize n_to,
                                   const char *from_stage, double *result, PcError *err);

#endif
