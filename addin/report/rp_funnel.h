/* rp_funnel.h - the plan of the Funnel sheet.
 *
 * From the table's closed deals (rp_stages.h) per stage of the guessed order
 * (pc_roles_stage_order): the deals that reached it (pc_funnel_reached), the conversion to
 * the next stage and to won (STAGE_CONVERSION) and the deals needed at that stage for the
 * manager's target (LEADS_NEEDED at the average won deal; the target is won revenue when
 * the won deals have amounts, else a number of won deals), then the target and the
 * average; a bar chart of the deals reached. Values only. */
#ifndef RP_FUNNEL_H
#define RP_FUNNEL_H

#include "rp_plan.h"

#define RP_MARKER_FUNNEL "PIPECALC_FUNNEL"

typedef struct {
    RpPlan *plan;
    double needed;    /* deals needed at the first stage; NAN when it cannot be said */
    gsize closed;     /* closed deals learned from */
} RpFunnel;

/* Plan the funnel of S for TARGET into *F. FALSE with the user's sentence in *MESSAGE
 * (g_free) when the table cannot give one. */
gboolean rp_funnel_plan(const RpSource *s, double target, RpFunnel *f, char **message);

void rp_funnel_clear(RpFunnel *f);

#endif
