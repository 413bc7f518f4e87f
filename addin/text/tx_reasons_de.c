/* tx_reasons_de.c - the core's error messages in German (see tx_reasons.h).
 *
 * Each entry: the English exactly as the sources pass it (pc_fail format, or an argument
 * name a message quotes through "%s"), and its German. The German consumes the same
 * conversions in the same order: "%s", "%g", "%zu", "%" G_GSIZE_FORMAT and "%%" stay as
 * they are, quoted user values ("\"%s\"") and row numbers stay where the user finds them.
 * Arguments are named as the German function wizard names them (Beträge, Phasenfolge,
 * ...); a row prefix "row N: " becomes "Zeile N: " (the data checks cut it, pc_status.h).
 * tests/core/test-reasons.c checks every entry and that every format in addin/ has one:
 * a new pc_fail message needs its German here.
 */
#include "tx_reasons.h"

#include "pc_status.h"
#include "tx_text.h"

static const TxReason REASONS_DE[] = {
    /* ---- arguments shown through "%s" (pc_optional_number, LEAD_SCORE's cell check) ---- */
    { "PeriodStart", "Periodenbeginn" },
    { "PeriodEnd", "Periodenende" },
    { "Percentile", "Perzentil" },
    { "AverageDealSize", "Durchschnittsgröße" },
    { "Smoothing", "Glättung" },
    { "History", "Verlauf" },
    { "Outcomes", "Ergebnisse" },
    { "Leads", "Leads" },

    /* ---- pc_args.c: optional numbers ---- */
    { "%s must be a single value, not a range", "%s muss ein einzelner Wert sein, kein Bereich" },
    { "%s: \"%s\" is not a number", "%s: \"%s\" ist keine Zahl" },
    { "%s is an error value", "%s ist ein Fehlerwert" },
    { "%s is not a finite number", "%s ist keine endliche Zahl" },

    /* ---- pc_checks.c ---- */
    { "the table is too large to check", "die Tabelle ist zu groß für die Prüfung" },

    /* ---- pc_forecast.c: PIPELINE_FORECAST ---- */
    { "not enough memory for this forecast", "nicht genug Speicher für diese Prognose" },
    { "row %" G_GSIZE_FORMAT ": the probability is not a finite number",
      "Zeile %" G_GSIZE_FORMAT ": die Wahrscheinlichkeit ist keine endliche Zahl" },
    { "row %" G_GSIZE_FORMAT ": %g is not a probability in 0-1; type %g%%",
      "Zeile %" G_GSIZE_FORMAT ": %g ist keine Wahrscheinlichkeit zwischen 0 und 1; geben Sie "
      "%g %% ein" },
    { "row %" G_GSIZE_FORMAT ": %g is not a probability in 0-1",
      "Zeile %" G_GSIZE_FORMAT ": %g ist keine Wahrscheinlichkeit zwischen 0 und 1" },
    { "Amounts must be one column or one row, not %" G_GSIZE_FORMAT " x %" G_GSIZE_FORMAT " cells",
      "Beträge müssen eine Spalte oder eine Zeile sein, nicht %" G_GSIZE_FORMAT " x %" G_GSIZE_FORMAT
      " Zellen" },
    { "Stages must be one column or row as long as Amounts (%" G_GSSIZE_FORMAT " cells)",
      "Phasen müssen eine Spalte oder Zeile so lang wie Beträge sein (%" G_GSSIZE_FORMAT " Zellen)" },
    { "Probabilities must be a two-column table (stage | probability) or one "
      "probability per deal (%" G_GSSIZE_FORMAT " cells)",
      "Wahrscheinlichkeiten müssen eine zweispaltige Tabelle (Phase | Wahrscheinlichkeit) oder "
      "eine Wahrscheinlichkeit je Deal sein (%" G_GSSIZE_FORMAT " Zellen)" },
    { "CloseDates must be one column or row as long as Amounts (%" G_GSSIZE_FORMAT " cells)",
      "Abschlussdaten müssen eine Spalte oder Zeile so lang wie Beträge sein (%" G_GSSIZE_FORMAT
      " Zellen)" },
    { "Outcomes must be one column or row as long as Amounts (%" G_GSSIZE_FORMAT " cells)",
      "Ergebnisse müssen eine Spalte oder Zeile so lang wie Beträge sein (%" G_GSSIZE_FORMAT
      " Zellen)" },
    { "PeriodStart is after PeriodEnd", "Periodenbeginn liegt nach Periodenende" },
    { "a period needs CloseDates to tell which deals close in it",
      "ein Zeitraum braucht Abschlussdaten, um zu erkennen, welche Deals darin abschließen" },
    { "Percentile %g is not between 0 and 1; type %g%% or %g",
      "Perzentil %g liegt nicht zwischen 0 und 1; geben Sie %g %% oder %g ein" },
    { "Percentile %g is not between 0 and 1 (0.9 for P90)",
      "Perzentil %g liegt nicht zwischen 0 und 1 (0,9 für P90)" },
    { "row %" G_GSIZE_FORMAT " of the stage table holds an error value",
      "Zeile %" G_GSIZE_FORMAT " der Phasentabelle enthält einen Fehlerwert" },
    { "row %" G_GSIZE_FORMAT ": the probability \"%s\" is text, not a number",
      "Zeile %" G_GSIZE_FORMAT ": die Wahrscheinlichkeit \"%s\" ist Text, keine Zahl" },
    { "row %" G_GSIZE_FORMAT ": the stage is already in row %" G_GSIZE_FORMAT
      " with a different probability",
      "Zeile %" G_GSIZE_FORMAT ": die Phase steht schon in Zeile %" G_GSIZE_FORMAT
      ", mit einer anderen Wahrscheinlichkeit" },
    { "row %" G_GSIZE_FORMAT ": the stage is an error value",
      "Zeile %" G_GSIZE_FORMAT ": die Phase ist ein Fehlerwert" },
    { "row %" G_GSIZE_FORMAT ": the deal has an amount but no stage",
      "Zeile %" G_GSIZE_FORMAT ": der Deal hat einen Betrag, aber keine Phase" },
    { "row %" G_GSIZE_FORMAT ": stage \"%s\" is not in the stage table",
      "Zeile %" G_GSIZE_FORMAT ": die Phase \"%s\" steht nicht in der Phasentabelle" },
    { "row %" G_GSIZE_FORMAT ": stage \"%s\" has no probability in the stage "
      "table (its row %" G_GSIZE_FORMAT " is blank)",
      "Zeile %" G_GSIZE_FORMAT ": die Phase \"%s\" hat in der Phasentabelle keine "
      "Wahrscheinlichkeit (ihre Zeile %" G_GSIZE_FORMAT " ist leer)" },
    { "row %" G_GSIZE_FORMAT ": the amount \"%s\" is text, not a number",
      "Zeile %" G_GSIZE_FORMAT ": der Betrag \"%s\" ist Text, keine Zahl" },
    { "row %" G_GSIZE_FORMAT ": the amount is an error value",
      "Zeile %" G_GSIZE_FORMAT ": der Betrag ist ein Fehlerwert" },
    { "row %" G_GSIZE_FORMAT ": the amount is not a finite number",
      "Zeile %" G_GSIZE_FORMAT ": der Betrag ist keine endliche Zahl" },
    { "row %" G_GSIZE_FORMAT ": the deal has an amount but no probability",
      "Zeile %" G_GSIZE_FORMAT ": der Deal hat einen Betrag, aber keine Wahrscheinlichkeit" },
    { "row %" G_GSIZE_FORMAT ": the probability is an error value",
      "Zeile %" G_GSIZE_FORMAT ": die Wahrscheinlichkeit ist ein Fehlerwert" },
    { "row %" G_GSIZE_FORMAT ": the close date \"%s\" is text, not a date",
      "Zeile %" G_GSIZE_FORMAT ": das Abschlussdatum \"%s\" ist Text, kein Datum" },
    { "row %" G_GSIZE_FORMAT ": the close date is an error value",
      "Zeile %" G_GSIZE_FORMAT ": das Abschlussdatum ist ein Fehlerwert" },
    { "row %" G_GSIZE_FORMAT ": the close date is not a finite number",
      "Zeile %" G_GSIZE_FORMAT ": das Abschlussdatum ist keine endliche Zahl" },
    { "row %" G_GSIZE_FORMAT ": the outcome is an error value",
      "Zeile %" G_GSIZE_FORMAT ": das Ergebnis ist ein Fehlerwert" },
    { "row %" G_GSIZE_FORMAT ": the outcome is not a finite number",
      "Zeile %" G_GSIZE_FORMAT ": das Ergebnis ist keine endliche Zahl" },
    { "row %" G_GSIZE_FORMAT ": the outcome %g is a number other than 1 (won) or 0 (lost)",
      "Zeile %" G_GSIZE_FORMAT ": das Ergebnis %g ist eine andere Zahl als 1 (gewonnen) oder 0 "
      "(verloren)" },
    { "the forecast is too large for a number", "die Prognose ist zu groß für eine Zahl" },

    /* ---- pc_funnel.c: StageOrder, IgnoreStages, StageData ---- */
    { "StageOrder must be one column or one row of stage names",
      "Phasenfolge muss eine Spalte oder eine Zeile mit Phasennamen sein" },
    { "StageOrder item %zu is an error value", "Phasenfolge: Eintrag %zu ist ein Fehlerwert" },
    { "StageOrder item %zu is the number %g, not a stage name",
      "Phasenfolge: Eintrag %zu ist die Zahl %g, kein Phasenname" },
    { "StageOrder: \"%s\" is a lost outcome, not a funnel stage; put it in IgnoreStages",
      "Phasenfolge: \"%s\" ist ein Verloren-Ergebnis, keine Phase des Trichters; tragen Sie es "
      "in IgnorierePhasen ein" },
    { "StageOrder: \"%s\" appears twice, at stage %zu and item %zu",
      "Phasenfolge: \"%s\" kommt doppelt vor, als Phase %zu und als Eintrag %zu" },
    { "StageOrder needs at least two different stages",
      "Phasenfolge braucht mindestens zwei verschiedene Phasen" },
    { "IgnoreStages holds an error value", "IgnorierePhasen enthält einen Fehlerwert" },
    { "IgnoreStages: %g is a number, not a stage name",
      "IgnorierePhasen: %g ist eine Zahl, kein Phasenname" },
    { "\"%s\" is both in StageOrder and in IgnoreStages",
      "\"%s\" steht sowohl in Phasenfolge als auch in IgnorierePhasen" },
    { "StageData row %zu: the number %g is not a stage name",
      "Phasendaten, Zeile %zu: die Zahl %g ist kein Phasenname" },
    { "StageData row %zu holds an error value", "Phasendaten: Zeile %zu enthält einen Fehlerwert" },
    { "StageData row %zu: \"%s\" is neither in StageOrder nor in IgnoreStages",
      "Phasendaten, Zeile %zu: \"%s\" steht weder in Phasenfolge noch in IgnorierePhasen" },
    { "StageData is too large for memory", "Phasendaten sind zu groß für den Speicher" },
    { "StageData row %zu: the deal id is an error value",
      "Phasendaten, Zeile %zu: die Deal-ID ist ein Fehlerwert" },
    { "StageData row %zu: the deal has no stage", "Phasendaten, Zeile %zu: der Deal hat keine Phase" },
    { "StageData row %zu: \"%s\" has no deal id", "Phasendaten, Zeile %zu: \"%s\" hat keine Deal-ID" },
    { "StageData row %zu: the deal id is not a finite number",
      "Phasendaten, Zeile %zu: die Deal-ID ist keine endliche Zahl" },
    { "StageData must be one column of stages or two columns (deal id | stage), not %zu columns",
      "Phasendaten müssen eine Spalte mit Phasen oder zwei Spalten (Deal-ID | Phase) sein, nicht "
      "%zu Spalten" },

    /* ---- pc_stage.c: STAGE_CONVERSION, LEADS_NEEDED ---- */
    { "FromStage \"%s\" is not in StageOrder", "VonPhase \"%s\" steht nicht in Phasenfolge" },
    { "ToStage \"%s\" is not in StageOrder", "BisPhase \"%s\" steht nicht in Phasenfolge" },
    { "ToStage \"%s\" comes before FromStage \"%s\" in StageOrder",
      "BisPhase \"%s\" kommt in Phasenfolge vor VonPhase \"%s\"" },
    { "StageOrder is too large for memory", "Phasenfolge ist zu groß für den Speicher" },
    { "no deal reached FromStage \"%s\"", "kein Deal hat VonPhase \"%s\" erreicht" },
    { "Target must be a number of at least 0, not %g",
      "Ziel muss eine Zahl von mindestens 0 sein, nicht %g" },
    { "AverageDealSize must be above 0, not %g", "Durchschnittsgröße muss größer als 0 sein, nicht %g" },
    { "no deal that reached FromStage \"%s\" reached the last stage: the conversion is 0",
      "kein Deal, der VonPhase \"%s\" erreicht hat, erreichte die letzte Phase: die Konversion "
      "ist 0" },
    { "Target %g needs more leads than a number holds",
      "Ziel %g braucht mehr Leads, als eine Zahl fassen kann" },

    /* ---- pc_score.c: LEAD_SCORE ---- */
    { "the ranges are too large for memory", "die Bereiche sind zu groß für den Speicher" },
    { "%s row %zu holds an error value", "%s: Zeile %zu enthält einen Fehlerwert" },
    { "%s row %zu holds a number that is not finite",
      "%s: Zeile %zu enthält eine Zahl, die nicht endlich ist" },
    { "Smoothing must be above 0, not %g", "Glättung muss größer als 0 sein, nicht %g" },
    { "Leads is empty", "Leads: der Bereich ist leer" },
    { "Leads has %zu columns but History has %zu", "Leads haben %zu Spalten, Verlauf aber %zu" },
    { "Outcomes must be one column or one row", "Ergebnisse müssen eine Spalte oder eine Zeile sein" },
    { "Outcomes has %zd cells but History has %zu rows",
      "Ergebnisse haben %zd Zellen, Verlauf aber %zu Zeilen" },
    { "Outcomes needs at least one won and one lost lead to learn from (won: %zu, lost: %zu)",
      "Ergebnisse brauchen mindestens einen gewonnenen und einen verlorenen Lead zum Lernen "
      "(gewonnen: %zu, verloren: %zu)" },
    { "Smoothing %g is out of range", "Glättung %g liegt außerhalb des gültigen Bereichs" },
    { "there is no lead %zu among %zu", "es gibt keinen Lead %zu unter %zu" },

    /* ---- the sidebar's own calls ---- */
    { "the table is too large", "die Tabelle ist zu groß" },
    { "%zu scores for %u leads", "%zu Bewertungen für %u Leads" },
};

const TxReason *tx_reasons_de(gsize *n)
{
    *n = G_N_ELEMENTS(REASONS_DE);
    return REASONS_DE;
}

/* English -> German, built once on first use; only read afterwards (any thread) */
static gpointer index_reasons(gpointer data)
{
    (void)data;
    GHashTable *h = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize i = 0; i < G_N_ELEMENTS(REASONS_DE); i++)
        g_hash_table_insert(h, (gpointer)REASONS_DE[i].en, (gpointer)REASONS_DE[i].de);
    return h;
}

const char *tx_reasons_german(const char *english)
{
    static GOnce once = G_ONCE_INIT;
    if (!english)
        return NULL;
    GHashTable *h = g_once(&once, index_reasons, NULL);
    return g_hash_table_lookup(h, english);
}

const char *tx_reasons_translate(const char *english)
{
    const char *de = english && tx_text_german() ? tx_reasons_german(english) : NULL;
    return de ? de : english;
}

void tx_reasons_install(void)
{
    pc_status_set_translate(tx_reasons_translate);
}
