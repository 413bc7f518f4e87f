/* pc_stage.c - STAGE_CONVERSION and LEADS_NEEDED.
 *
 * Exports pc_stage_conversion and pc_leads_needed. Both count, through pc_funnel, the deals
 * that reached FromStage and those that reached a later stage; they differ in what they do
 * with the ratio. How the ranges are read (headers, logs, ignored stages, error choices)
 * is documented in pc_funnel.h. Decisions of this file:
 * - FromStage = ToStage gives 1 when some deal reached the stage (#DIV/0! otherwise).
 * - Errors come in argument order of the checks: StageOrder, IgnoreStages, FromStage,
 *   ToStage, then StageData, then the #DIV/0! of no deal at FromStage.
 * - LEADS_NEEDED: the quotient Target * n_from / (AverageDealSize * n_to) is computed from
 *   the deal counts, not from a rounded conversion, and a quotient within 1e-12 (relative)
 *   of a whole number counts as that number, so 10 deals at a 50 % conversion need 20 leads,
 *   not 21. A conversion of 0 is #DIV/0! even for Target 0.
 */
#include "pc_stage.h"

#include "pc_args.h"
#include "pc_funnel.h"

#include <math.h>

/* Argument positions of the shared arguments, for PcError.arg. */
typedef struct {
    int data, from, to, order, ignore;
} ArgPos;

/* Count into *N_FROM the deals of DATA that reached FROM, and into *N_TO those that reached
 * TO (NULL: the last stage of ORDER); FROM's name as StageOrder spells it into FROM_NAME
 * (for the #DIV/0! of no deal at FROM: see conversion_of). */
static PcStatus count_reached(const PcTable *data, const char *from, const char *to,
                              const PcTable *order, const PcTable *ignore, const ArgPos *pos,
                              gsize *n_from, gsize *n_to, char from_name[PC_ERROR_MESSAGE_MAX],
                              PcError *err)
{
    PcFunnel *f;
    PcStatus st = pc_funnel_new(order, pos->order, ignore, pos->ignore, &f, err);
    if (st != PC_OK)
        return st;
    gsize n_stages = pc_funnel_n_stages(f);
    gssize i_from = pc_funnel_find(f, from);
    gssize i_to = to ? pc_funnel_find(f, to) : (gssize)n_stages - 1;
    gsize *reached = NULL;
    if (i_from < 0) {
        st = pc_fail(err, PC_ERR_NA, pos->from, -1, "FromStage \"%s\" is not in StageOrder", from);
    } else if (i_to < 0) {
        st = pc_fail(err, PC_ERR_NA, pos->to, -1, "ToStage \"%s\" is not in StageOrder", to);
    } else if (i_to < i_from) {
        st = pc_fail(err, PC_ERR_ARG, pos->to, -1,
                     "ToStage \"%s\" comes before FromStage \"%s\" in StageOrder", to, from);
    } else if (!(reached = g_try_new(gsize, n_stages))) {
        st = pc_fail(err, PC_ERR_NOMEM, pos->order, -1, "StageOrder is too large for memory");
    } else {
        st = pc_funnel_reached(f, data, pos->data, reached, err);
        if (st == PC_OK) {
            *n_from = reached[i_from];
            *n_to = reached[i_to];
            g_strlcpy(from_name, pc_funnel_stage_name(f, (gsize)i_from), PC_ERROR_MESSAGE_MAX);
        }
    }
    g_free(reached);
    pc_funnel_free(f);
    return st;
}

/* The share N_TO / N_FROM; #DIV/0! (at argument FROM_ARG) when no deal reached FROM. */
static PcStatus conversion_of(gsize n_from, gsize n_to, const char *from, int from_arg,
                              double *result, PcError *err)
{
    if (n_from == 0)
        return pc_fail(err, PC_ERR_DIV0, from_arg, -1, "no deal reached FromStage \"%s\"", from);
    *result = (double)n_to / (double)n_from;
    return PC_OK;
}

PcStatus pc_conversion_of_counts(gsize n_from, gsize n_to, const char *from_stage, double *result,
                                 PcError *err)
{
    return conversion_of(n_from, n_to, from_stage, 1, result, err);
}

PcStatus pc_stage_conversion(const PcTable *stage_data, const char *from_stage,
                             const char *to_stage, const PcTable *stage_order,
                             const PcTable *ignore_stages, double *result, PcError *err)
{
    g_return_val_if_fail(from_stage && to_stage && result, PC_ERR_ARG);
    static const ArgPos pos = { 0, 1, 2, 3, 4 };
    gsize n_from, n_to;
    char name[PC_ERROR_MESSAGE_MAX];
    PcStatus st = count_reached(stage_data, from_stage, to_stage, stage_order, ignore_stages,
                                &pos, &n_from, &n_to, name, err);
    return st == PC_OK ? conversion_of(n_from, n_to, name, pos.from, result, err) : st;
}

/* The smallest whole number >= X, where X carries a few rounding errors. */
static double ceil_whole(double x)
{
    double r = nearbyint(x);
    if (fabs(x - r) <= 1e-12 * fmax(1.0, fabs(x)))
        return r;
    return ceil(x);
}

/* LEADS_NEEDED's quotient for counted deals (see pc_leads_needed_of_counts); argument
 * FROM_ARG is FromStage's. */
static PcStatus leads_of(double target, double size, gsize n_from, gsize n_to, const char *from,
                         int from_arg, double *result, PcError *err)
{
    if (n_from == 0)
        return pc_fail(err, PC_ERR_DIV0, from_arg, -1, "no deal reached FromStage \"%s\"", from);
    if (n_to == 0)
        return pc_fail(err, PC_ERR_DIV0, from_arg, -1,
                       "no deal that reached FromStage \"%s\" reached the last stage: "
                       "the conversion is 0", from);
    double x = target * (double)n_from / (size * (double)n_to);
    if (!isfinite(x))
        return pc_fail(err, PC_ERR_NUM, 0, -1, "Target %g needs more leads than a number holds",
                       target);
    *result = ceil_whole(x);
    return PC_OK;
}

PcStatus pc_leads_needed_of_counts(double target, double size, gsize n_from, gsize n_to,
                                   const char *from_stage, double *result, PcError *err)
{
    return leads_of(target, size, n_from, n_to, from_stage, 2, result, err);
}

PcStatus pc_leads_needed(double target, const PcTable *stage_data, const char *from_stage,
                         const PcTable *stage_order, const PcTable *ignore_stages,
                         const PcTable *average_deal_size, double *result, PcError *err)
{
    g_return_val_if_fail(from_stage && result, PC_ERR_ARG);
    static const ArgPos pos = { 1, 2, -1, 3, 4 };
    if (!isfinite(target) || target < 0)
        return pc_fail(err, PC_ERR_NUM, 0, -1, "Target must be a number of at least 0, not %g",
                       target);
    gboolean given;
    double size = 1.0;
    PcStatus st = pc_optional_number(average_deal_size, 5, "AverageDealSize", &given, &size, err);
    if (st != PC_OK)
        return st;
    if (given && size < 0)
        return pc_fail(err, PC_ERR_NUM, 5, -1, "AverageDealSize must be above 0, not %g", size);
    if (!given)
        size = 1.0;
    gsize n_from, n_to;
    char name[PC_ERROR_MESSAGE_MAX];
    st = count_reached(stage_data, from_stage, NULL, stage_order, ignore_stages, &pos, &n_from,
                       &n_to, name, err);
    return st == PC_OK ? leads_of(target, size, n_from, n_to, name, pos.from, result, err) : st;
}
