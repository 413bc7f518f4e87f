/* pc_status.h - the errors the core can report, and where they come from.
 *
 * Every core entry point returns a PcStatus and, on failure, fills a PcError with the
 * argument, the row and a sentence a salesperson can act on ("row 12: 25 is not a
 * probability in 0-1; type 25%").
 *
 * The error model, layer by layer (one convention each):
 * - core (addin/core): a PcStatus, with a PcError holding the place and the reason.
 *   pc_status.c holds THE table of each status's Calc error code and the name Calc shows
 *   for it; every layer above names and codes errors through it.
 * - UNO calls (addin/uno, addin/calc): FALSE / NULL with a GError of the CU_ERROR domain
 *   (cu_except.h), its code a CuErrorCode, its message English and technical.
 * - an action (addin/actions): TRUE or FALSE with the user's sentence (char **message):
 *   the core's reason, a refusal, or for a failed UNO call cc_say_failure's "Pipecalc
 *   could not finish: <the GError's message>".
 * - the UNO service org.pipecalc.PipelineActions (the panel's and macros' entry): FALSE
 *   becomes an IllegalArgumentException carrying that sentence.
 * - the add-in functions (addin/functions): a Calc error value, the status's Calc code as
 *   a NaN payload (cu_calc_error), which Calc shows as the status's name.
 * - names in the user's language: _(pc_status_name(st)) (the German ones in po/de.po).
 */
#ifndef PC_STATUS_H
#define PC_STATUS_H

#include <glib.h>

/* What went wrong. What Calc shows for each: pc_status_calc_code / pc_status_name. */
typedef enum {
    PC_OK = 0,
    PC_ERR_ARG,   /* wrong shapes, invalid options */
    PC_ERR_NA,    /* a name not found, too little data to answer */
    PC_ERR_VALUE, /* text where a number is needed */
    PC_ERR_NUM,   /* a number out of range */
    PC_ERR_DIV0,  /* a zero denominator */
    PC_ERR_NOMEM, /* out of memory or over a documented size cap */
    PC_N_STATUS   /* the number of statuses, not one */
} PcStatus;

#define PC_ERROR_MESSAGE_MAX 240

typedef struct {
    PcStatus status;
    int arg;    /* 0-based argument position of the function, -1 when not tied to one */
    gssize row; /* 0-based row inside that argument's range (header counted), -1 when none */
    char message[PC_ERROR_MESSAGE_MAX];
} PcError;

/* Reset ERR to "no error" (err may be NULL). */
void pc_error_clear(PcError *err);

/* Record STATUS with a printf-style message in ERR (ERR may be NULL) and return STATUS,
 * so that callers can write `return pc_fail(err, PC_ERR_NA, 1, row, "...")`. FMT is an
 * English string literal; the message is formatted with its translation (see
 * pc_status_set_translate) and cut at a character boundary to fit. */
PcStatus pc_fail(PcError *err, PcStatus status, int arg, gssize row, const char *fmt, ...)
    G_GNUC_PRINTF(5, 6);

/* Calc's error code for STATUS: what a cell showing it stores (XCell.getError, the NaN
 * payload of an add-in's result; FormulaError in LibreOffice's formula/errorcodes.hxx), 0
 * for PC_OK and for a value outside the enum. */
guint16 pc_status_calc_code(PcStatus status);

/* The name Calc shows for STATUS in an English office ("#N/A", "Err:502"), "OK" for PC_OK,
 * "?" outside the enum. The names are marked for the text catalogue: show one to the user
 * as _(pc_status_name(st)) ("#NV" in German). */
const char *pc_status_name(PcStatus status);

/* The name Calc shows in an English office for error CODE (XCell.getError), marked as
 * pc_status_name's: the statuses' names by their codes, and Calc's other named errors that
 * a cell calling our functions may still show (#NAME?, #REF!, #NULL!). NULL for any other
 * code: Calc shows those as "Err:" and the number (Err:504), which needs no table. */
const char *pc_calc_error_name(guint code);

/* Messages in the user's language. The core writes its messages in English; a user
 * interface in another language installs a translator (the sidebar's German one:
 * addin/text/tx_reasons_de.c). pc_fail() then formats with TRANSLATE(fmt) instead of
 * fmt, and the argument names that messages quote through "%s" ("Percentile", "History")
 * go through pc_status_translate(). The core itself stays free of UNO and of languages.
 *
 * A translator returns a string that lives as long as the process, or ENGLISH itself (or
 * NULL: the same) when it has none. It is called on any thread, so it only reads. For a
 * format it must return one that consumes exactly the same printf arguments of the same
 * types in the same order (anything else is undefined behaviour inside the user's office:
 * the catalogue's test compares the conversions of every entry), and a format that starts
 * with the row prefix "row %zu: " becomes one that starts with one word, the row and ": "
 * ("Zeile %zu: "), the prefix the data checks cut (pc_checks.c).
 *
 * Install it once, when the library loads, before the functions run; the pointer is
 * atomic, NULL removes it. */
typedef const char *(*PcTranslate)(const char *english);
void pc_status_set_translate(PcTranslate translate);

/* ENGLISH in the user's language: the installed translator's answer, else ENGLISH. */
const char *pc_status_translate(const char *english);

#endif
