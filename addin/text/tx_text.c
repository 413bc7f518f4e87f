/* tx_text.c - the English and German texts, and reading the UI language. */
#include "tx_text.h"

#include "cu_call.h"
#include "cu_string.h"
#include "cu_props.h"

#include <math.h>
#include <string.h>

/* id                   English | German */
static const char *const TEXTS[TX_N_TEXTS][2] = {
    [TX_NO_TABLE] = { "No lead table here. Put the cell cursor into your table: a block of cells "
                      "whose first row holds the column names.",
                      "Hier ist keine Lead-Tabelle. Setzen Sie den Zellcursor in Ihre Tabelle: einen "
                      "Zellblock, dessen erste Zeile die Spaltennamen enthält." },
    [TX_TABLE] = { "Table %s: %zu rows, %zu open, %zu won, %zu lost.",
                   "Tabelle %s: %zu Zeilen, %zu offen, %zu gewonnen, %zu verloren." },
    [TX_COLUMNS] = { "Columns:", "Spalten:" },
    [TX_SCORE_COLUMN] = { "Score column (Pipecalc): %s", "Bewertungsspalte (Pipecalc): %s" },
    [TX_PROTECTED] = { "The sheet %s is protected: remove the protection (Tools > Protect Sheet) "
                       "and try again. Nothing was written.",
                       "Das Blatt %s ist geschützt: heben Sie den Schutz auf (Extras > Tabelle "
                       "schützen) und versuchen Sie es erneut. Es wurde nichts geschrieben." },
    [TX_READONLY] = { "The document is read-only. Nothing was written.",
                      "Das Dokument ist schreibgeschützt. Es wurde nichts geschrieben." },
    [TX_NO_ROWS] = { "The table %s has no data rows below its header.",
                     "Die Tabelle %s hat unter der Kopfzeile keine Datenzeilen." },
    [TX_NO_OUTCOME] = { "No outcome column: add a column \"Outcome\" holding won / lost, or use "
                        "\"Won\" and \"Lost\" as stages.",
                        "Keine Ergebnisspalte: fügen Sie eine Spalte \"Ergebnis\" mit gewonnen / "
                        "verloren hinzu, oder verwenden Sie \"Gewonnen\" und \"Verloren\" als Phasen." },
    [TX_NO_CLOSED] = { "Pipecalc learns from closed deals: the table needs at least one won and one "
                       "lost row (it has %zu won, %zu lost). Nothing was written.",
                       "Pipecalc lernt aus abgeschlossenen Deals: die Tabelle braucht mindestens eine "
                       "gewonnene und eine verlorene Zeile (sie hat %zu gewonnen, %zu verloren). Es "
                       "wurde nichts geschrieben." },
    [TX_NO_ATTRIBUTES] = { "No column to learn from: add columns such as Source or Industry (every "
                           "column now has a role such as name, stage or amount).",
                           "Keine Spalte zum Lernen: fügen Sie Spalten wie Quelle oder Branche hinzu "
                           "(jede Spalte hat jetzt eine Rolle wie Name, Phase oder Betrag)." },
    [TX_NO_OPEN] = { "The table has no open leads to score.",
                     "Die Tabelle hat keine offenen Leads zum Bewerten." },
    [TX_IN_THE_WAY] = { "Cell %s is not empty and was not written by Pipecalc: move it away and "
                        "run again. Nothing was written.",
                        "Zelle %s ist nicht leer und wurde nicht von Pipecalc geschrieben: "
                        "verschieben Sie sie und starten Sie erneut. Es wurde nichts geschrieben." },
    [TX_NO_ROOM] = { "There is no free column right of the table. Nothing was written.",
                     "Rechts der Tabelle ist keine Spalte frei. Es wurde nichts geschrieben." },
    [TX_SCORED] = { "Scored %zu open leads into %s, learned from %zu won and %zu lost (%s).",
                    "%zu offene Leads in %s bewertet, gelernt aus %zu gewonnenen und %zu "
                    "verlorenen (%s)." },
    [TX_SCORE_FAILED] = { "Scoring failed: %s. Nothing was written.",
                          "Bewertung fehlgeschlagen: %s. Es wurde nichts geschrieben." },
    [TX_SCORE_HEADER] = { "Score", "Score" },
    [TX_UNDO_SCORE] = { "Pipecalc: score leads", "Pipecalc: Leads bewerten" },
    [TX_UNDO_FORECAST] = { "Pipecalc: write forecast", "Pipecalc: Prognose schreiben" },
    [TX_FORECAST_NEEDS] = { "The forecast needs an amount column and a stage column (and a close date column for a period).",
                            "Die Prognose braucht eine Betrags- und eine Phasenspalte (und für einen Zeitraum eine Abschlussdatumsspalte)." },
    [TX_FORECAST_DONE] = { "Forecast written to sheet %s: %zu open deals, %s expected.",
                           "Prognose auf Blatt %s geschrieben: %zu offene Deals, %s erwartet." },
    [TX_FORECAST_FAILED] = { "The forecast failed: %s. Nothing was written.",
                             "Die Prognose ist fehlgeschlagen: %s. Es wurde nichts geschrieben." },
    [TX_FC_TITLE] = { "Pipeline forecast", "Pipeline-Prognose" },
    [TX_FC_SOURCE] = { "From %s. Stage probabilities learned from %zu closed deals (won + lost); "
                       "edit them below: the Expected column follows.",
                       "Aus %s. Phasen-Wahrscheinlichkeiten aus %zu abgeschlossenen Deals (gewonnen + "
                       "verloren); unten änderbar: die Spalte Erwartet folgt." },
    [TX_FC_STAGE] = { "Stage", "Phase" },
    [TX_FC_PROBABILITY] = { "Probability", "Wahrscheinlichkeit" },
    [TX_FC_DEALS] = { "Open deals", "Offene Deals" },
    [TX_FC_MONTH] = { "Month", "Monat" },
    [TX_FC_EXPECTED] = { "Expected", "Erwartet" },
    [TX_TEXT_P10] = { "P10", "P10" },
    [TX_TEXT_P50] = { "P50", "P50" },
    [TX_TEXT_P90] = { "P90", "P90" },
    [TX_FC_FROM] = { "From", "Von" },
    [TX_FC_UNTIL] = { "Until", "Bis" },
    [TX_FC_OWNER] = { "Owner", "Verantwortlich" },
    [TX_FC_TOTAL] = { "Total", "Summe" },
    [TX_FC_NO_DATE] = { "(no date)", "(ohne Datum)" },
    [TX_FC_NO_OWNER] = { "(nobody)", "(niemand)" },
    [TX_FC_SHEET] = { "Forecast", "Prognose" },
    [TX_FC_PROB_FALLBACK] = { "no closed deal reached it: earlier stage's value",
                              "kein abgeschlossener Deal erreichte sie: Wert der Phase davor" },
    [TX_BUTTON_SCORE] = { "Score leads", "Leads bewerten" },
    [TX_BUTTON_FORECAST] = { "Write forecast", "Prognose schreiben" },
    [TX_PANEL_HEADING] = { "Lead table", "Lead-Tabelle" },
    [TX_FAILED] = { "Pipecalc could not finish: %s", "Pipecalc konnte nicht fertig werden: %s" },
    /* Explain: cell, function, Calc's error, the core's sentence, " (argument: cell)" */
    [TX_EX_NOT_OURS] = { "%s does not call a Pipecalc function.",
                         "%s ruft keine Pipecalc-Funktion auf." },
    [TX_EX_FINE] = { "%s: %s computes without an error.", "%s: %s rechnet ohne Fehler." },
    [TX_EX_ERROR] = { "%s: %s answers %s because %s%s.", "%s: %s ergibt %s, denn %s%s." },
    [TX_EX_NOT_FROM_ARGS] = { "%s shows %s, but %s finds nothing wrong with its arguments: the "
                              "error comes from another part of the formula, or a cell it refers "
                              "to holds an error.",
                              "%s zeigt %s, aber %s findet an seinen Argumenten nichts falsch: der "
                              "Fehler kommt aus einem anderen Teil der Formel, oder eine Zelle, auf "
                              "die sie verweist, enthält einen Fehler." },
    [TX_EX_CANNOT] = { "%s shows %s; Pipecalc cannot re-run %s here: argument %d (%s) is not a "
                       "cell range, a named range, a number or a text.",
                       "%s zeigt %s; Pipecalc kann %s hier nicht nachrechnen: Argument %d (%s) ist "
                       "kein Zellbereich, benannter Bereich, keine Zahl und kein Text." },
    [TX_EX_EMPTY] = { "there is nothing to compute", "es gibt nichts zu berechnen" },
    /* Data checks */
    [TX_CK_HEADING] = { "Data checks:", "Datenprüfung:" },
    [TX_CK_NONE] = { "No problems found in the data.", "Keine Probleme in den Daten gefunden." },
    [TX_CK_PERCENT] = { "%zu probabilities look typed as 0-100 (e.g. %s holds %g): use \"Divide "
                        "probabilities by 100\".",
                        "%zu Wahrscheinlichkeiten scheinen als 0-100 eingegeben (z. B. %s mit %g): "
                        "verwenden Sie \"Wahrscheinlichkeiten durch 100 teilen\"." },
    [TX_CK_OVERDUE] = { "%zu open deals are past their close date (e.g. %s).",
                        "%zu offene Deals haben ihr Abschlussdatum überschritten (z. B. %s)." },
    [TX_CK_CURRENCIES] = { "The currency column mixes currencies (%s): sums add them up as one; "
                           "%zu rows differ from the most common (e.g. %s).",
                           "Die Währungsspalte mischt Währungen (%s): Summen zählen sie wie eine; "
                           "%zu Zeilen weichen von der häufigsten ab (z. B. %s)." },
    [TX_CK_UNKNOWN] = { "%zu rows have stages the forecast sheet's stage table does not know (%s; "
                        "e.g. %s): run Write forecast again.",
                        "%zu Zeilen haben Phasen, die die Phasentabelle des Prognoseblatts nicht "
                        "kennt (%s; z. B. %s): schreiben Sie die Prognose neu." },
    [TX_CK_REJECTED_ROW] = { "%s: PIPELINE_FORECAST would answer %s: %s.",
                             "%s: PIPELINE_PROGNOSE ergäbe %s: %s." },
    [TX_CK_REJECTED] = { "PIPELINE_FORECAST would answer %s: %s.", "PIPELINE_PROGNOSE ergäbe %s: %s." },
    [TX_BUTTON_FIX_PERCENT] = { "Divide probabilities by 100", "Wahrscheinlichkeiten durch 100 teilen" },
    [TX_UNDO_FIX_PERCENT] = { "Pipecalc: divide probabilities by 100",
                              "Pipecalc: Wahrscheinlichkeiten durch 100 teilen" },
    [TX_FIX_DONE] = { "Divided %zu probabilities in %s by 100; they now show as percentages.",
                      "%zu Wahrscheinlichkeiten in %s durch 100 geteilt; sie erscheinen jetzt als "
                      "Prozent." },
    [TX_FIX_FORMULAS] = { " %zu cells computed by formulas were left alone.",
                          " %zu von Formeln berechnete Zellen blieben unverändert." },
    /* Funnel */
    [TX_FN_TITLE] = { "Pipeline funnel", "Pipeline-Trichter" },
    [TX_FN_SOURCE] = { "From %s: %zu closed deals (won + lost); a lost deal counts at the stage it "
                       "shows.",
                       "Aus %s: %zu abgeschlossene Deals (gewonnen + verloren); ein verlorener Deal "
                       "zählt in der Phase, die er zeigt." },
    [TX_FN_REACHED] = { "Deals reached", "Deals erreicht" },
    [TX_FN_TO_NEXT] = { "To next stage", "Zur nächsten Phase" },
    [TX_FN_TO_WON] = { "To won", "Zu gewonnen" },
    [TX_FN_NEEDED] = { "Deals needed for target", "Nötige Deals für das Ziel" },
    [TX_FN_TARGET] = { "Target", "Ziel" },
    [TX_FN_REVENUE] = { "won revenue", "gewonnener Umsatz" },
    [TX_FN_DEALS] = { "won deals", "gewonnene Deals" },
    [TX_FN_AVERAGE] = { "Average won deal", "Durchschnittlicher gewonnener Deal" },
    [TX_FN_SHEET] = { "Funnel", "Trichter" },
    [TX_FN_DONE] = { "Funnel written to sheet %s: %s deals needed at the first stage.",
                     "Trichter auf Blatt %s geschrieben: %s Deals in der ersten Phase nötig." },
    [TX_FN_FAILED] = { "The funnel failed: %s. Nothing was written.",
                       "Der Trichter ist fehlgeschlagen: %s. Es wurde nichts geschrieben." },
    [TX_FN_NEEDS] = { "The funnel needs a stage column with at least one stage besides won and "
                      "lost.",
                      "Der Trichter braucht eine Phasenspalte mit mindestens einer Phase außer "
                      "gewonnen und verloren." },
    [TX_FN_NEED_TARGET] = { "Type a target above 0 (won revenue, or won deals when the table has "
                            "no amounts). Nothing was written.",
                            "Geben Sie ein Ziel über 0 ein (gewonnener Umsatz, oder gewonnene Deals "
                            "ohne Beträge). Es wurde nichts geschrieben." },
    [TX_UNDO_FUNNEL] = { "Pipecalc: write funnel", "Pipecalc: Trichter schreiben" },
    [TX_BUTTON_FUNNEL] = { "Write funnel", "Trichter schreiben" },
    [TX_LABEL_TARGET] = { "Target:", "Ziel:" },
    [TX_SHARE_UNSAVED] = { "Save the document first: the copy is saved next to it. Nothing was written.",
                           "Speichern Sie das Dokument zuerst: die Kopie wird daneben gespeichert. Es "
                           "wurde nichts geschrieben." },
    [TX_SHARE_NOT_FILE] = { "The copy can only be saved to a file (a file:// URL). Nothing was written.",
                            "Die Kopie kann nur in eine Datei (file://-URL) gespeichert werden. Es "
                            "wurde nichts geschrieben." },
    [TX_SHARE_SAME] = { "The copy would replace the document itself: choose another file. Nothing "
                        "was written.",
                        "Die Kopie würde das Dokument selbst ersetzen: wählen Sie eine andere Datei. "
                        "Es wurde nichts geschrieben." },
    [TX_SHARE_NOTHING] = { "No cell calls a Pipecalc function: the document can be shared as it is. "
                           "Nothing was written.",
                           "Keine Zelle ruft eine Pipecalc-Funktion auf: das Dokument kann so "
                           "weitergegeben werden. Es wurde nichts geschrieben." },
    [TX_SHARE_DONE] = { "Saved a copy to share: %s, with %zu cells of Pipecalc functions replaced "
                        "by their values. Your document is unchanged.",
                        "Kopie zum Weitergeben gespeichert: %s, %zu Zellen mit Pipecalc-Funktionen "
                        "durch ihre Werte ersetzt. Ihr Dokument ist unverändert." },
    [TX_SHARE_FAILED] = { "Saving the copy failed: %s. Your document is unchanged; a copy already "
                          "written may still hold Pipecalc formulas.",
                          "Speichern der Kopie fehlgeschlagen: %s. Ihr Dokument ist unverändert; eine "
                          "schon geschriebene Kopie kann noch Pipecalc-Formeln enthalten." },
    [TX_BUTTON_SHARE] = { "Save copy with values", "Kopie mit Werten speichern" },
    [TX_PERIOD_ALL] = { "All close dates", "Alle Abschlussdaten" },
    [TX_PERIOD_MONTH] = { "This month", "Dieser Monat" },
    [TX_PERIOD_QUARTER] = { "This quarter", "Dieses Quartal" },
    [TX_PERIOD_YEAR] = { "This year", "Dieses Jahr" },
    [TX_PERIOD_CUSTOM] = { "Custom period", "Eigener Zeitraum" },
    [TX_LABEL_FROM] = { "From:", "Von:" },
    [TX_LABEL_UNTIL] = { "Until:", "Bis:" },
    [TX_FC_PERIOD] = { "Period: deals closing %s to %s", "Zeitraum: Abschluss %s bis %s" },
    [TX_FC_BAD_PERIOD] = { "The period starts after it ends. Nothing was written.",
                           "Der Zeitraum beginnt nach seinem Ende. Es wurde nichts geschrieben." },
    [TX_FORECAST_PERIOD_DONE] = { "Forecast written to sheet %s for %s to %s: %zu open deals closing "
                                  "then, %s expected.",
                                  "Prognose auf Blatt %s für %s bis %s geschrieben: %zu offene Deals "
                                  "mit Abschluss darin, %s erwartet." },
    [TX_FACTORS_HEAD] = { "%s: %.0f%% win probability (all closed deals: %.0f%%). Because of:",
                          "%s: %.0f%% Gewinnwahrscheinlichkeit (alle abgeschlossenen: %.0f%%). Wegen:" },
    [TX_FC_BAD_DATE] = { "Type the custom period's dates as YYYY-MM-DD (leave one empty for an open "
                         "end). Nothing was written.",
                         "Geben Sie die Daten des eigenen Zeitraums als JJJJ-MM-TT oder TT.MM.JJJJ "
                         "ein (eines leer: offenes Ende). Es wurde nichts geschrieben." },
    [TX_FACTORS_NONE] = { "no attribute value seen in the closed deals",
                          "kein Attributwert aus den abgeschlossenen Deals" },
    [TX_FIX_NOTHING] = { "No probability typed as 0-100 to divide (cells computed by formulas "
                         "are never changed). Nothing was written.",
                         "Keine als 0-100 eingegebene Wahrscheinlichkeit zu teilen (von Formeln "
                         "berechnete Zellen werden nie geändert). Es wurde nichts geschrieben." },
    [TX_ROLES_BAD_PAIR] = { "Write each choice as column=role, e.g. Region=owner (not \"%s\").",
                            "Schreiben Sie jede Wahl als Spalte=Rolle, z. B. Region=owner (nicht \"%s\")." },
    [TX_ROLES_NO_COLUMN] = { "The table has no column \"%s\".", "Die Tabelle hat keine Spalte \"%s\"." },
    [TX_ROLES_BAD_ROLE] = { "\"%s\" is no role. Roles: name, id, stage, amount, probability, close date, "
                            "owner, outcome, created, currency, attribute, none.",
                            "\"%s\" ist keine Rolle. Rollen: name, id, stage, amount, probability, "
                            "close date, owner, outcome, created, currency, attribute, none." },
    [TX_NO_TABLE_AT] = { "\"%s\" names no table with a header row (type a range such as Sheet2.A1:F50 "
                         "or a named range).",
                         "\"%s\" bezeichnet keine Tabelle mit Kopfzeile (geben Sie einen Bereich wie "
                         "Tabelle2.A1:F50 oder einen benannten Bereich an)." },
    [TX_HISTORY_NO_ATTRIBUTES] = { "The history table %s has none of this table's scoring attributes "
                                   "(columns are matched by their header).",
                                   "Die Verlaufstabelle %s hat keines der Bewertungsmerkmale dieser "
                                   "Tabelle (Spalten werden über die Kopfzeile zugeordnet)." },
    [TX_SCORED_FROM] = { "Learned from the history table %s.", "Gelernt aus der Verlaufstabelle %s." },
    [TX_STAGES_MISSING] = { "The stage probabilities give none for the stage \"%s\". Nothing was written.",
                            "Die Phasenwahrscheinlichkeiten nennen keine für die Phase \"%s\". Es "
                            "wurde nichts geschrieben." },
    [TX_STAGES_BAD] = { "Stage probabilities: \"%s\" is no probability in 0-1 (type 25%% or 0.25).",
                        "Phasenwahrscheinlichkeiten: \"%s\" ist keine Wahrscheinlichkeit in 0-1 "
                        "(geben Sie 25%% oder 0,25 ein)." },
    [TX_LABEL_ROLES] = { "All roles as text (e.g. Notes=none):",
                         "Alle Rollen als Text (z. B. Notizen=none):" },
    [TX_BUTTON_ROLES] = { "Apply roles", "Rollen übernehmen" },
    [TX_LABEL_HISTORY] = { "History table for Score (empty: this table):",
                           "Verlaufstabelle für Bewerten (leer: diese Tabelle):" },
    [TX_LABEL_STAGES] = { "Stage probabilities for the forecast (or a stage table's range):",
                          "Phasenwahrscheinlichkeiten für die Prognose (oder Bereich einer Phasentabelle):" },
    [TX_ROLES_SAVED] = { "Roles saved with the document.", "Rollen im Dokument gespeichert." },
    [TX_SCORE_BANDS] = { "Colour: a conditional format, one cell style per 20% of win probability "
                         "(Pipecalc Score 0-20% ... 80-100%).",
                         "Farbe: eine bedingte Formatierung, eine Zellvorlage je 20 % "
                         "Gewinnwahrscheinlichkeit (Pipecalc Score 0-20% ... 80-100%)." },
    [TX_LABEL_ROLE_BOXES] = { "Column of each role:", "Spalte je Rolle:" },
    [TX_NO_COLUMN] = { "—", "—" }, /* the role boxes' "no column" */
    /* a role box's label ("Owner:") and the column chosen, or TX_NO_COLUMN */
    [TX_ROLE_SAVED] = { "%s %s (saved with the document).", "%s %s (im Dokument gespeichert)." },
    [TX_ROLES_NOT_ONE] = { "\"%s\" is no role of one column: name, id, stage, amount, probability, "
                           "close date, owner, outcome, created or currency (use setRoles for "
                           "attribute and none).",
                           "\"%s\" ist keine Rolle einer Spalte: name, id, stage, amount, probability, "
                           "close date, owner, outcome, created oder currency (für attribute und none: "
                           "setRoles)." },
    /* the core's message, then the sheet's row it is about */
    [TX_SHEET_ROW] = { "%s (sheet row %zu)", "%s (Tabellenzeile %zu)" },
    [TX_ERR_CODE] = { "Err:%d", "Fehler:%d" },
    /* the copy with values beside the document, URL-encoded: " (values).ods" */
    [TX_SHARE_SUFFIX] = { "%20(values).ods", "%20(Werte).ods" },
    /* the panel's question when a cell of the manager's is in the way */
    [TX_ASK_SHIFT] = { "Make room instead? Your cells there move one column to the right "
                       "(as Insert Cells does; one Undo puts them back).",
                       "Stattdessen Platz schaffen? Ihre Zellen dort rücken eine Spalte nach rechts "
                       "(wie mit Zellen einfügen; ein Rückgängig stellt es wieder her)." },
    [TX_FC_NO_OPEN] = { "The table has no open deals to forecast. Nothing was written.",
                        "Die Tabelle hat keine offenen Deals für eine Prognose. Es wurde nichts "
                        "geschrieben." },
    [TX_ASK_NEW_SHEET] = { "Write it to a new sheet instead? The current one stays as it is.",
                           "Stattdessen auf ein neues Blatt schreiben? Das bisherige bleibt, wie es ist." },
    /* one factor of a lead's score: + or -, "Source = Web", the odds factor */
    [TX_FACTOR_LINE] = { "\n  %s %s: \xc3\x97%s odds", "\n  %s %s: \xc3\x97%s Gewinnchance" },
};

/* role                 English | German */
static const char *const ROLE_NAMES[PC_N_ROLES][2] = {
    [PC_ROLE_ATTRIBUTE] = { "scoring attribute", "Bewertungsmerkmal" },
    [PC_ROLE_NAME] = { "deal name", "Name" },
    [PC_ROLE_ID] = { "ID (not used)", "ID (nicht verwendet)" },
    [PC_ROLE_STAGE] = { "stage", "Phase" },
    [PC_ROLE_AMOUNT] = { "amount", "Betrag" },
    [PC_ROLE_PROBABILITY] = { "probability", "Wahrscheinlichkeit" },
    [PC_ROLE_CLOSE_DATE] = { "close date", "Abschlussdatum" },
    [PC_ROLE_OWNER] = { "owner", "Verantwortlich" },
    [PC_ROLE_OUTCOME] = { "outcome", "Ergebnis" },
    [PC_ROLE_CREATED] = { "created", "Erstellt" },
    [PC_ROLE_CURRENCY] = { "currency", "Währung" },
    [PC_ROLE_IGNORED] = { "not used", "nicht verwendet" },
};

/* role                 English | German: the panel's role boxes */
static const char *const ROLE_LABELS[PC_N_ROLES][2] = {
    [PC_ROLE_NAME] = { "Deal name:", "Dealname:" },
    [PC_ROLE_STAGE] = { "Stage:", "Phase:" },
    [PC_ROLE_AMOUNT] = { "Amount:", "Betrag:" },
    [PC_ROLE_PROBABILITY] = { "Probability:", "Wahrscheinlichkeit:" },
    [PC_ROLE_CLOSE_DATE] = { "Close date:", "Abschlussdatum:" },
    [PC_ROLE_OWNER] = { "Owner:", "Verantwortlich:" },
    [PC_ROLE_OUTCOME] = { "Outcome:", "Ergebnis:" },
    [PC_ROLE_CREATED] = { "Created:", "Erstellt:" },
    [PC_ROLE_CURRENCY] = { "Currency:", "Währung:" },
};

static gint german = -1; /* -1 until tx_text_init */

/* ooLocale from the configuration, "" when unset (then the office follows the system). */
static char *configured_locale(uno_Interface *context)
{
    static CuMethod get_smgr = CU_METHOD("com.sun.star.uno.XComponentContext", "getServiceManager");
    static CuMethod create = CU_METHOD("com.sun.star.lang.XMultiComponentFactory", "createInstanceWithContext");
    static CuMethod create_args = CU_METHOD("com.sun.star.lang.XMultiServiceFactory",
                                            "createInstanceWithArguments");
    static CuMethod by_name = CU_METHOD("com.sun.star.container.XNameAccess", "getByName");
    char *locale = NULL;
    uno_Interface *smgr = cu_call_iface(context, &get_smgr, NULL, NULL, NULL);
    rtl_uString *service = cu_ustr_from_utf8("com.sun.star.configuration.ConfigurationProvider");
    void *a1[2] = { &service, &context };
    uno_Interface *provider = smgr ? cu_call_iface(smgr, &create, a1, NULL, NULL) : NULL;
    rtl_uString_release(service);
    CuStruct pv;
    if (provider && cu_struct_init(&pv, "com.sun.star.beans.PropertyValue")) {
        rtl_uString **name = cu_struct_field(&pv, "Name");
        rtl_uString *n = cu_ustr_from_utf8("nodepath"), *path = cu_ustr_from_utf8("/org.openoffice.Setup/L10N");
        rtl_uString_assign(name, n);
        uno_type_any_assign(cu_struct_field(&pv, "Value"), &path,
                            *typelib_static_type_getByTypeClass(typelib_TypeClass_STRING), NULL, NULL);
        uno_Any arg;
        uno_any_construct(&arg, pv.data, pv.td, NULL);
        typelib_TypeDescriptionReference *seq_type = NULL;
        typelib_typedescriptionreference_newByAsciiName(&seq_type, typelib_TypeClass_SEQUENCE, "[]any");
        uno_Sequence *args = NULL;
        uno_type_sequence_construct(&args, seq_type, &arg, 1, NULL);
        rtl_uString *access_name = cu_ustr_from_utf8("com.sun.star.configuration.ConfigurationAccess");
        void *a2[2] = { &access_name, &args };
        uno_Interface *access = cu_call_iface(provider, &create_args, a2, NULL, NULL);
        uno_Any value;
        if (access && cu_call_str(access, &by_name, "ooLocale", &value, NULL)) {
            if (value.pType->eTypeClass == typelib_TypeClass_STRING)
                locale = cu_ustr_to_utf8(*(rtl_uString **)value.pData);
            uno_any_destruct(&value, NULL);
        }
        cu_release(access);
        rtl_uString_release(access_name);
        uno_type_destructData(&args, seq_type, NULL);
        typelib_typedescriptionreference_release(seq_type);
        uno_any_destruct(&arg, NULL);
        rtl_uString_release(n);
        rtl_uString_release(path);
        cu_struct_clear(&pv);
    }
    cu_release(provider);
    cu_release(smgr);
    return locale ? locale : g_strdup("");
}

void tx_text_init(uno_Interface *context)
{
    if (g_atomic_int_get(&german) >= 0 || !context)
        return;
    char *locale = configured_locale(context);
    const char *lang = *locale ? locale : g_get_language_names()[0];
    g_atomic_int_set(&german, g_ascii_strncasecmp(lang, "de", 2) == 0 ? 1 : 0);
    g_free(locale);
}

gboolean tx_text_german(void)
{
    return g_atomic_int_get(&german) == 1;
}

const char *tx_text(TxText id)
{
    return id < TX_N_TEXTS && TEXTS[id][0] ? TEXTS[id][tx_text_german()] : "?";
}

char *tx_text_number(double v, int decimals)
{
    char raw[64];
    if (!isfinite(v) || fabs(v) >= 1e15)
        return g_strdup(g_ascii_formatd(raw, sizeof raw, "%.6g", v));
    static const char *const FORMATS[] = { "%.0f", "%.1f", "%.2f", "%.3f", "%.4f", "%.5f", "%.6f" };
    g_ascii_formatd(raw, sizeof raw, FORMATS[CLAMP(decimals, 0, 6)], v); /* '.', no grouping */
    if (raw[0] == '-' && strspn(raw + 1, "0.") == strlen(raw + 1))
        memmove(raw, raw + 1, strlen(raw)); /* -0.004 is "0.00", not "-0.00" */
    gboolean de = tx_text_german();
    const char *digits = raw + (raw[0] == '-'), *point = strchr(digits, '.');
    gsize whole = point ? (gsize)(point - digits) : strlen(digits);
    GString *out = g_string_new(raw[0] == '-' ? "-" : "");
    for (gsize i = 0; i < whole; i++) {
        if (i && (whole - i) % 3 == 0)
            g_string_append_c(out, de ? '.' : ',');
        g_string_append_c(out, digits[i]);
    }
    if (point) {
        g_string_append_c(out, de ? ',' : '.');
        g_string_append(out, point + 1);
    }
    return g_string_free(out, FALSE);
}

const char *tx_error_name(const char *english)
{
    static const char *const GERMAN[][2] = {
        { "#N/A", "#NV" },           { "#VALUE!", "#WERT!" },
        { "#NUM!", "#ZAHL!" },       { "Err:502", "Fehler:502" },
        { "Err:502 (too large)", "Fehler:502 (zu groß)" },
    };
    for (gsize i = 0; english && tx_text_german() && i < G_N_ELEMENTS(GERMAN); i++)
        if (strcmp(english, GERMAN[i][0]) == 0)
            return GERMAN[i][1];
    return english; /* #NAME? and #DIV/0! are the same in German */
}

const char *tx_role_name(PcRole role)
{
    return role < PC_N_ROLES ? ROLE_NAMES[role][tx_text_german()] : "?";
}

const char *tx_role_label(PcRole role)
{
    return role < PC_N_ROLES && ROLE_LABELS[role][0] ? ROLE_LABELS[role][tx_text_german()] : "?";
}
