/* fn_table.c - the function table and the adapters from arguments to the core.
 *
 * Names and parameter names here are stored in every .ods that uses a function (as
 * ORG.PIPECALC.PIPELINEFUNCTIONS.<METHOD>): never rename a method. Display names and
 * help may change freely.
 */
#include "fn_table.h"

#include "pc_forecast.h"
#include "pc_score.h"
#include "pc_stage.h"

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
    double v;
    PcStatus s = pc_pipeline_forecast(&args, &v, err);
    return s ? s : one_value(v, out);
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

#define RANGE(n, en, hen, de, hde) { n, FN_ARG_RANGE, FALSE, en, hen, de, hde }
#define OPTIONAL(n, en, hen, de, hde) { n, FN_ARG_ANY, TRUE, en, hen, de, hde }
#define TEXT(n, en, hen, de, hde) { n, FN_ARG_STRING, FALSE, en, hen, de, hde }
#define NUMBER(n, en, hen, de, hde) { n, FN_ARG_DOUBLE, FALSE, en, hen, de, hde }
/* the same parameter of STAGE_CONVERSION and LEADS_NEEDED: one text, so they cannot drift */
#define IGNORE_STAGES                                                                         \
    OPTIONAL("ignoreStages", "IgnoreStages",                                                  \
             "Optional. Stage names to skip, e.g. \"Lost\" (one name or a range).",           \
             "IgnorierePhasen",                                                              \
             "Optional. Zu überspringende Phasen, z. B. \"Verloren\" (ein Name oder ein Bereich).")

/* method, English name, German name, help en, help de, result, adapter, parameters */
const FnInfo fn_table[] = {
    { "pipelineForecast", "PIPELINE_FORECAST", "PIPELINE_PROGNOSE",
      "Expected won revenue of the pipeline: the sum of each deal's amount times its win "
      "probability. With a percentile, the revenue that will be reached with that certainty "
      "(e.g. 0.1 for a cautious P10, 0.9 for an optimistic P90).",
      "Erwarteter gewonnener Umsatz der Pipeline: die Summe aus Betrag mal "
      "Abschlusswahrscheinlichkeit jedes Geschäfts. Mit Perzentil der Umsatz, der mit dieser "
      "Sicherheit erreicht wird (z. B. 0,1 für ein vorsichtiges P10, 0,9 für ein optimistisches P90).",
      FN_RESULT_DOUBLE, run_pipeline_forecast, 8, {
        RANGE("amounts", "Amounts", "The deal amounts, one per deal (a column or a row).",
              "Beträge", "Die Beträge der Geschäfte, einer je Geschäft (Spalte oder Zeile)."),
        RANGE("stages", "Stages", "The stage of each deal, as long as Amounts.",
              "Phasen", "Die Phase jedes Geschäfts, so lang wie Beträge."),
        RANGE("probabilities", "Probabilities",
              "Either a two-column table (stage | win probability 0-1) looked up by each deal's "
              "stage, or one probability per deal, as long as Amounts.",
              "Wahrscheinlichkeiten",
              "Entweder eine zweispaltige Tabelle (Phase | Abschlusswahrscheinlichkeit 0-1), nach der "
              "Phase jedes Geschäfts nachgeschlagen, oder eine Wahrscheinlichkeit je Geschäft."),
        OPTIONAL("closeDates", "CloseDates",
                 "Optional. The expected close date of each deal, as long as Amounts.",
                 "Abschlussdaten",
                 "Optional. Das erwartete Abschlussdatum jedes Geschäfts, so lang wie Beträge."),
        OPTIONAL("periodStart", "PeriodStart",
                 "Optional. Count only deals closing on or after this date (0 or empty: no bound).",
                 "Periodenbeginn",
                 "Optional. Nur Geschäfte, die an oder nach diesem Datum abschließen (0 oder leer: "
                 "keine Grenze)."),
        OPTIONAL("periodEnd", "PeriodEnd",
                 "Optional. Count only deals closing on or before this date (0 or empty: no bound).",
                 "Periodenende",
                 "Optional. Nur Geschäfte, die an oder vor diesem Datum abschließen (0 oder leer: "
                 "keine Grenze)."),
        OPTIONAL("percentile", "Percentile",
                 "Optional. A probability between 0 and 1: return the revenue reached with this "
                 "probability instead of the expected value (0 or empty: expected value).",
                 "Perzentil",
                 "Optional. Eine Wahrscheinlichkeit zwischen 0 und 1: statt des Erwartungswerts den "
                 "Umsatz, der mit dieser Wahrscheinlichkeit erreicht wird (0 oder leer: Erwartungswert)."),
        OPTIONAL("outcomes", "Outcomes",
                 "Optional. The status of each deal, as long as Amounts: a deal marked won or lost "
                 "(won/lost, gewonnen/verloren, yes/no, 1/0) is closed and not counted; empty or "
                 "other text (e.g. Open) counts.",
                 "Ergebnisse",
                 "Optional. Der Status jedes Geschäfts, so lang wie Beträge: ein als gewonnen oder "
                 "verloren markiertes Geschäft (gewonnen/verloren, won/lost, ja/nein, 1/0) ist "
                 "abgeschlossen und zählt nicht; leer oder anderer Text (z. B. Offen) zählt."),
      } },
    { "stageConversion", "STAGE_CONVERSION", "PHASEN_KONVERSION",
      "Share of the deals that reached one funnel stage which also reached a later stage.",
      "Anteil der Geschäfte, die eine Phase des Trichters erreicht haben und auch eine spätere "
      "Phase erreichten.",
      FN_RESULT_DOUBLE, run_stage_conversion, 5, {
        RANGE("stageData", "StageData",
              "One column with the furthest stage each deal reached, or two columns (deal id | "
              "stage entered) of a stage-history log.",
              "Phasendaten",
              "Eine Spalte mit der weitesten Phase je Geschäft, oder zwei Spalten (Geschäfts-ID | "
              "erreichte Phase) eines Phasenverlaufs."),
        TEXT("fromStage", "FromStage", "The stage the deals start from.",
             "VonPhase", "Die Phase, von der die Geschäfte ausgehen."),
        TEXT("toStage", "ToStage", "The later stage they should reach.",
             "BisPhase", "Die spätere Phase, die sie erreichen sollen."),
        RANGE("stageOrder", "StageOrder",
              "The funnel's stages in order, e.g. Lead, Qualified, Proposal, Negotiation, Won.",
              "Phasenfolge",
              "Die Phasen des Trichters in ihrer Reihenfolge, z. B. Lead, Qualifiziert, Angebot, "
              "Verhandlung, Gewonnen."),
        IGNORE_STAGES,
      } },
    { "leadScore", "LEAD_SCORE", "LEAD_BEWERTUNG",
      "Win probability of each lead, learned from past won and lost leads with the same "
      "attributes (naive Bayes). Enter as an array formula over all leads.",
      "Abschlusswahrscheinlichkeit jedes Leads, gelernt aus früheren gewonnenen und verlorenen "
      "Leads mit gleichen Merkmalen (naiver Bayes). Als Matrixformel über alle Leads eingeben.",
      FN_RESULT_DOUBLE_ROWS, run_lead_score, 4, {
        RANGE("leads", "Leads", "The leads to score: one row per lead, one column per attribute.",
              "Leads", "Die zu bewertenden Leads: eine Zeile je Lead, eine Spalte je Merkmal."),
        RANGE("history", "History",
              "Past leads with the same attribute columns (source, industry, size, ...).",
              "Verlauf", "Frühere Leads mit denselben Merkmalsspalten (Quelle, Branche, Größe, ...)."),
        RANGE("outcomes", "Outcomes",
              "The outcome of each past lead: won/lost, yes/no, 1/0, gewonnen/verloren. Others "
              "(open, blank) are not used.",
              "Ergebnisse",
              "Das Ergebnis jedes früheren Leads: gewonnen/verloren, ja/nein, 1/0, won/lost. "
              "Andere (offen, leer) werden nicht verwendet."),
        OPTIONAL("smoothing", "Smoothing",
                 "Optional. Laplace smoothing, default 1 (0 or empty: default).",
                 "Glättung", "Optional. Laplace-Glättung, Standard 1 (0 oder leer: Standard)."),
      } },
    { "leadsNeeded", "LEADS_NEEDED", "BENÖTIGTE_LEADS",
      "How many new deals at a stage are needed to win a target, at the historical conversion "
      "from that stage to the last stage.",
      "Wie viele neue Geschäfte in einer Phase nötig sind, um ein Ziel zu erreichen, bei der "
      "bisherigen Konversion von dieser Phase zur letzten Phase.",
      FN_RESULT_DOUBLE, run_leads_needed, 6, {
        NUMBER("target", "Target",
               "Deals to win; with AverageDealSize, revenue to win.",
               "Ziel", "Zu gewinnende Geschäfte; mit Durchschnittsgröße der zu gewinnende Umsatz."),
        RANGE("stageData", "StageData",
              "One column with the furthest stage each deal reached, or two columns (deal id | "
              "stage entered).",
              "Phasendaten",
              "Eine Spalte mit der weitesten Phase je Geschäft, oder zwei Spalten (Geschäfts-ID | "
              "erreichte Phase)."),
        TEXT("fromStage", "FromStage", "The stage where new deals enter.",
             "VonPhase", "Die Phase, in der neue Geschäfte beginnen."),
        RANGE("stageOrder", "StageOrder", "The funnel's stages in order; the last one is won.",
              "Phasenfolge", "Die Phasen des Trichters in ihrer Reihenfolge; die letzte ist gewonnen."),
        IGNORE_STAGES,
        OPTIONAL("averageDealSize", "AverageDealSize",
                 "Optional. Average won deal size: Target is then revenue (0 or empty: Target "
                 "counts deals).",
                 "Durchschnittsgröße",
                 "Optional. Durchschnittlicher Auftragswert: Ziel ist dann Umsatz (0 oder leer: Ziel "
                 "zählt Geschäfte)."),
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
