/* pc_funnel.h - a funnel's stage order, and the furthest stage each deal reached.
 *
 * Shared by STAGE_CONVERSION, LEADS_NEEDED (pc_stage.c) and the sidebar's funnel view. A
 * PcFunnel is built once from StageOrder and IgnoreStages; it then reads any StageData: one
 * column (or row) of furthest stages, or a two-column log (deal id | stage entered).
 *
 * Rules, beyond the specification (issue 3):
 * - StageOrder is one column or one row (a 2-D range: PC_ERR_ARG). Blank cells and texts
 *   that are only white space are skipped. A name repeated right after itself ("Lead",
 *   "lead ") is one stage; a name repeated after another stage is PC_ERR_ARG (the order
 *   would be ambiguous). A number or an error value in it: PC_ERR_VALUE. A lost-outcome
 *   word (pc_outcome_of_key): PC_ERR_ARG. Fewer than two stages: PC_ERR_ARG.
 * - IgnoreStages is one name or a range of any shape; blank cells are skipped, and so is a
 *   lone 0 (Calc passes a reference to an empty cell as 0). Any other number, or an error
 *   value: PC_ERR_VALUE. A name that is also in StageOrder: PC_ERR_ARG.
 * - StageData: n x 1 or 1 x n is a vector of furthest stages (so a one-row range of two
 *   cells is two deals, not a one-row log); n x 2 with n >= 2 is a log; anything wider is
 *   PC_ERR_ARG. Rows whose cells are all blank are skipped; rows whose stage is in
 *   IgnoreStages are skipped (in a log the deal's other rows still count; a deal with only
 *   ignored rows is no deal).
 * - Header: the first row (vector: the first cell) is skipped when all its cells are
 *   non-blank texts and its stage cell is neither in StageOrder nor in IgnoreStages
 *   ("Stage"; "Deal" | "Stage"). Only the first row.
 * - A stage that is neither in StageOrder nor in IgnoreStages: PC_ERR_NA. A number or an
 *   error value as a stage: PC_ERR_VALUE. In a log, a row with an id but no stage, or a
 *   stage but no id: PC_ERR_NA (missing data, as PIPELINE_FORECAST's blank stage).
 * - Deal ids: numbers match by value, texts by pc_text_key; a number never equals a text
 *   (17 and "17" are two deals). An error value as an id: PC_ERR_VALUE.
 * Messages name rows 1-based within the range ("row 3"); PcError.row is 0-based.
 */
#ifndef PC_FUNNEL_H
#define PC_FUNNEL_H

#include "pc_status.h"
#include "pc_table.h"

typedef struct PcFunnel PcFunnel;

/* Build the funnel of STAGE_ORDER and IGNORE_STAGES (NULL when omitted) into *FUNNEL.
 * ORDER_ARG and IGNORE_ARG are the argument positions reported in ERR. Returns PC_ERR_ARG
 * or PC_ERR_VALUE by the rules above (then *FUNNEL is NULL). */
PcStatus pc_funnel_new(const PcTable *stage_order, int order_arg, const PcTable *ignore_stages,
                       int ignore_arg, PcFunnel **funnel, PcError *err);

/* Free F. No operation when F is NULL. */
void pc_funnel_free(PcFunnel *f);

/* Number of stages of F (at least 2). */
gsize pc_funnel_n_stages(const PcFunnel *f);

/* The name of stage I as typed in StageOrder (the first spelling when repeated). */
const char *pc_funnel_stage_name(const PcFunnel *f, gsize i);

/* Return the position of the stage named NAME (UTF-8, compared by pc_text_key), or -1
 * when NAME is not in the order (an ignored stage is not in the order). */
gssize pc_funnel_find(const PcFunnel *f, const char *name);

typedef struct {
    gsize first_row; /* 0-based row of StageData where the deal first counts */
    gsize stage;     /* the furthest stage the deal reached, a position in the order */
} PcFunnelDeal;

/* Find the furthest stage of every deal of STAGE_DATA (NULL or 0 x 0: no deals). On
 * success *DEALS is newly allocated (g_free; NULL when *N_DEALS is 0), deals in order of
 * first appearance. ARG is StageData's argument position. Returns PC_ERR_ARG,
 * PC_ERR_VALUE, PC_ERR_NA by the rules above, PC_ERR_NOMEM when memory runs out. */
PcStatus pc_funnel_deals(const PcFunnel *f, const PcTable *stage_data, int arg,
                         PcFunnelDeal **deals, gsize *n_deals, PcError *err);

/* Count into REACHED[i] (pc_funnel_n_stages entries) the deals of STAGE_DATA whose furthest
 * stage is stage i or later. Same errors as pc_funnel_deals. */
PcStatus pc_funnel_reached(const PcFunnel *f, const PcTable *stage_data, int arg,
                           gsize *reached, PcError *err);

#endif
