/* fn_table.c - the function table and the adapters from arguments to the core.
 *
 * Names and parameter names here are stored in every .ods that uses a function (as
 * ORG.PIPECALC.PIPELINEFUNCTIONS.<METHOD>): never rename a method. Display names and
 * help may change freely.
 */
#include "fn_table.h"

#include "pc_duration.h"
#include "pc_fit.h"
#include "pc_forecast.h"
#include "pc_score.h"
#include "pc_stage.h"
#include "pc_velocity.h"
#include "tx.h"

#include <string.h>

static PcStatus one_value(double v, FnResult *out)
{
    out->values = g_new(double, 1);
    out->values[0] = v;
    out->rows = out->cols = 1;
    return PC_OK;
}

static PcStatus run_pipeline_forecast(const FnValue *a, FnResult *out, PcError *err)
{
    PcForecastArgs args = {
        .amounts = a[0].table, .stages = a[1].table, .probabilities = a[2].table,
        .close_dates = a[3].table, .period_start = a[4].table, .period_end = a[5].table,
        .percentile = a[6].table, .outcomes = a[7].table,
    };
    return pc_pipeline_forecast_table(&args, &out->values, &out->status, &out->rows, &out->cols,
                                      err);
}

static PcStatus run_stage_conversion(const FnValue *a, FnResult *out, PcError *err)
{
    double v;
    PcStatus s = pc_stage_conversion(a[0].table, a[1].text, a[2].text, a[3].table, a[4].table,
                                     &v, err);
    return s ? s : one_value(v, out);
}

static PcStatus run_leads_needed(const FnValue *a, FnResult *out, PcError *err)
{
    double v;
    PcStatus s = pc_leads_needed(a[0].number, a[1].table, a[2].text, a[3].table, a[4].table,
                                 a[5].table, &v, err);
    return s ? s : one_value(v, out);
}

static PcStatus run_lead_score(const FnValue *a, FnResult *out, PcError *err)
{
    double *scores = NULL;
    gsize n = 0;
    PcStatus s = pc_lead_score(a[0].table, a[1].table, a[2].table, a[3].table, &scores, &n, err);
    if (s)
        return s;
    out->values = scores;
    out->rows = n;
    out->cols = 1;
    return PC_OK;
}

static PcStatus run_sales_velocity(const FnValue *a, FnResult *out, PcError *err)
{
    double v;
    PcStatus s = pc_sales_velocity(a[0].table, a[1].table, a[2].table, a[3].table, &v, err);
    return s ? s : one_value(v, out);
}

static PcStatus run_stage_duration(const FnValue *a, FnResult *out, PcError *err)
{
    double v;
    PcStatus s = pc_stage_duration(a[0].table, a[1].text, a[2].table, &v, err);
    return s ? s : one_value(v, out);
}

static PcStatus run_product_fit(const FnValue *a, FnResult *out, PcError *err)
{
    PcFit *fit = NULL;
    PcStatus s = pc_product_fit(a[0].table, a[1].table, a[2].table, a[3].table, a[4].table, &fit,
                                err);
    if (s)
        return s;
    out->values = g_steal_pointer(&fit->prob);
    out->rows = fit->n_leads;
    out->cols = fit->n_products;
    pc_fit_free(fit);
    return PC_OK;
}

#define RANGE(n, en, hen) { n, FN_ARG_RANGE, FALSE, en, hen }
#define OPTIONAL(n, en, hen) { n, FN_ARG_ANY, TRUE, en, hen }
#define TEXT(n, en, hen) { n, FN_ARG_STRING, FALSE, en, hen }
#define NUMBER(n, en, hen) { n, FN_ARG_DOUBLE, FALSE, en, hen }
/* the same parameter of STAGE_CONVERSION and LEADS_NEEDED: one text, so they cannot drift */
static const char IGNORE_STAGES_HELP[] =
    N_("Optional. Stage names to skip, e.g. \"Lost\" (one name or a range).");
#define IGNORE_STAGES OPTIONAL("ignoreStages", N_("IgnoreStages"), IGNORE_STAGES_HELP)

/* method, English name, help, result, adapter, parameters; the English texts are the
 * msgids of po/<lang>.po, where the function wizard's other languages come from */
const FnInfo fn_table[] = {
    { "pipelineForecast", N_("PIPELINE_FORECAST"),
      /* xgettext:no-c-format */
      N_("Expected won revenue: each deal's amount times its win probability, summed. "
         "With a percentile p, the revenue reached with certainty 1-p (P10: 90 % certain)."),
      FN_RESULT_DOUBLE_ROWS, run_pipeline_forecast, 8, {
        RANGE("amounts", N_("Amounts"), N_("The deal amounts, one per deal (a column or a row).")),
        RANGE("stages", N_("Stages"), N_("The stage of each deal, as long as Amounts.")),
        RANGE("probabilities", N_("Probabilities"),
              N_("Either a two-column table (stage | win probability 0-1) looked up by each "
                 "deal's stage, or one probability per deal, as long as Amounts.")),
        OPTIONAL("closeDates", N_("CloseDates"),
                 N_("Optional. The expected close date of each deal, as long as Amounts.")),
        OPTIONAL("periodStart", N_("PeriodStart"),
                 N_("Optional. Count only deals closing on or after this date (0 or empty: no "
                    "bound).")),
        OPTIONAL("periodEnd", N_("PeriodEnd"),
                 N_("Optional. Count only deals closing on or before this date (0 or empty: no "
                    "bound).")),
        OPTIONAL("percentile", N_("Percentile"),
                 /* xgettext:no-c-format */
                 N_("Optional. p between 0 and 1: the revenue reached with certainty 1-p, "
                    "e.g. 0.1: P10, reached with 90 % certainty (0 or empty: the expected "
                    "value).")),
        OPTIONAL("outcomes", N_("Outcomes"),
                 N_("Optional. Each deal's status: a deal marked won/lost (gewonnen/verloren, "
                    "yes/no, 1/0) is closed and not counted; empty or other text (e.g. Open) "
                    "counts.")),
      } },
    { "stageConversion", N_("STAGE_CONVERSION"),
      N_("Share of the deals that reached one funnel stage which also reached a later stage."),
      FN_RESULT_DOUBLE, run_stage_conversion, 5, {
        RANGE("stageData", N_("StageData"),
              N_("One column with the furthest stage each deal reached, or two columns (deal id "
                 "| stage entered) of a stage-history log.")),
        TEXT("fromStage", N_("FromStage"), N_("The stage the deals start from.")),
        TEXT("toStage", N_("ToStage"), N_("The later stage they should reach.")),
        RANGE("stageOrder", N_("StageOrder"),
              N_("The funnel's stages in order, e.g. Lead, Qualified, Proposal, Negotiation, "
                 "Won.")),
        IGNORE_STAGES,
      } },
    { "leadScore", N_("LEAD_SCORE"),
      N_("Win probability of each lead, learned from past won and lost leads with the "
         "same attributes (naive Bayes). Enter as an array formula over all leads."),
      FN_RESULT_DOUBLE_ROWS, run_lead_score, 4, {
        RANGE("leads", N_("Leads"),
              N_("The leads to score: one row per lead, one column per attribute.")),
        RANGE("history", N_("History"),
              N_("Past leads with the same attribute columns (source, industry, size, ...).")),
        RANGE("outcomes", N_("Outcomes"),
              N_("The outcome of each past lead: won/lost, yes/no, 1/0, gewonnen/verloren. "
                 "Others (open, blank) are not used.")),
        OPTIONAL("smoothing", N_("Smoothing"),
                 N_("Optional. Laplace smoothing, default 1 (0 or empty: default).")),
      } },
    { "leadsNeeded", N_("LEADS_NEEDED"),
      N_("How many new deals at a stage are needed to win a target, at the historical "
         "conversion from that stage to the last stage."),
      FN_RESULT_DOUBLE, run_leads_needed, 6, {
        NUMBER("target", N_("Target"), N_("Deals to win; with AverageDealSize, revenue to win.")),
        RANGE("stageData", N_("StageData"),
              N_("One column with the furthest stage each deal reached, or two columns (deal id "
                 "| stage entered).")),
        TEXT("fromStage", N_("FromStage"), N_("The stage where new deals enter.")),
        RANGE("stageOrder", N_("StageOrder"),
              N_("The funnel's stages in order; the last one is won.")),
        IGNORE_STAGES,
        OPTIONAL("averageDealSize", N_("AverageDealSize"),
                 N_("Optional. Average won deal size: Target is then revenue (0 or empty: "
                    "Target counts deals).")),
      } },
    { "salesVelocity", N_("SALES_VELOCITY"),
      N_("Revenue per day the pipeline produces: open deals times win rate times average won "
         "amount, divided by the average sales cycle in days."),
      FN_RESULT_DOUBLE, run_sales_velocity, 4, {
        RANGE("amounts", N_("Amounts"), N_("The deal amounts, one per deal (a column or a row).")),
        RANGE("outcomes", N_("Outcomes"),
              N_("Each deal's status, as long as Amounts: won/lost (gewonnen/verloren, yes/no, "
                 "1/0) are closed; empty or other text (e.g. Open) is an open deal.")),
        RANGE("created", N_("Created"),
              N_("The date each deal was created, as long as Amounts.")),
        RANGE("closed", N_("Closed"),
              N_("The date each deal was closed, as long as Amounts (needed for the won deals).")),
      } },
    { "stageDuration", N_("STAGE_DURATION"),
      N_("Average days deals stayed in a stage before moving on, from a dated stage log; "
         "with a percentile, e.g. 0.9, that percentile of the stays."),
      FN_RESULT_DOUBLE, run_stage_duration, 3, {
        RANGE("stageLog", N_("StageLog"),
              N_("Three columns: deal id | stage entered | date entered, one row per stage "
                 "change, in any order.")),
        TEXT("stage", N_("Stage"), N_("The stage whose stays are measured.")),
        OPTIONAL("percentile", N_("Percentile"),
                 /* xgettext:no-c-format */
                 N_("Optional. p between 0 and 1: that percentile of the stays, e.g. 0.9: 90 % "
                    "of the stays were this short or shorter (0 or empty: the mean).")),
      } },
    { "productFit", N_("PRODUCT_FIT"),
      N_("Probability of each product being the one a lead buys, learned from past purchases "
         "with the same attributes (naive Bayes). Enter as an array formula."),
      FN_RESULT_DOUBLE_ROWS, run_product_fit, 5, {
        RANGE("leads", N_("Leads"),
              N_("The leads: one row per lead, one column per attribute.")),
        RANGE("history", N_("History"),
              N_("Past purchases (the won deals) with the same attribute columns.")),
        RANGE("products", N_("Products"),
              N_("The product each past purchase bought, one per History row; rows left empty "
                 "are not used.")),
        OPTIONAL("productList", N_("ProductList"),
                 N_("Optional. The products, in the order of the result's columns (0 or empty: "
                    "as they first appear in Products).")),
        OPTIONAL("smoothing", N_("Smoothing"),
                 N_("Optional. Laplace smoothing, default 1 (0 or empty: default).")),
      } },
};

const int fn_count = G_N_ELEMENTS(fn_table);

const FnInfo *fn_find(const char *method)
{
    for (int i = 0; i < fn_count; i++)
        if (strcmp(fn_table[i].method, method) == 0)
            return &fn_table[i];
    return NULL;
}

const char *fn_arg_idl_type(FnArgType type)
{
    switch (type) {
    case FN_ARG_RANGE: return "sequence< sequence< any > >";
    case FN_ARG_ANY: return "any";
    case FN_ARG_STRING: return "string";
    case FN_ARG_DOUBLE: return "double";
    }
    return "?";
}

const char *fn_result_idl_type(FnResultType type)
{
    return type == FN_RESULT_DOUBLE ? "double" : "sequence< sequence< double > >";
}
