/* pc_status.h - the errors the core can report, and where they come from.
 *
 * Every core entry point returns a PcStatus and, on failure, fills a PcError with the
 * argument, the row and a sentence a salesperson can act on ("row 12: 25 is not a
 * probability in 0-1; type 25%"). The UNO layer turns the status into the Calc error
 * code; the sidebar shows the message.
 */
#ifndef PC_STATUS_H
#define PC_STATUS_H

#include <glib.h>

typedef enum {
    PC_OK = 0,
    PC_ERR_ARG,   /* Err:502  wrong shapes, invalid options */
    PC_ERR_NA,    /* #N/A     a name not found, too little data to answer */
    PC_ERR_VALUE, /* #VALUE!  text where a number is needed */
    PC_ERR_NUM,   /* #NUM!    a number out of range */
    PC_ERR_DIV0,  /* #DIV/0!  a zero denominator */
    PC_ERR_NOMEM  /* out of memory or over a documented size cap */
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

/* pc_fail for a message with a count: SINGULAR or PLURAL (both English literals taking the
 * same arguments) by N, in the user's language (pc_status_set_translate_plural). */
PcStatus pc_fail_n(PcError *err, PcStatus status, int arg, gssize row, gulong n,
                   const char *singular, const char *plural, ...)
    G_GNUC_PRINTF(6, 8) G_GNUC_PRINTF(7, 8);

/* The Calc name of STATUS ("#N/A", "Err:502", ...), for messages and tests. */
const char *pc_status_name(PcStatus status);

/* Messages in the user's language. The core writes its messages in English; the add-in
 * installs a translator (addin/text's tx(), which looks them up in po/<lang>.po).
 * pc_fail() then formats with TRANSLATE(fmt) instead of fmt, and the argument names that
 * messages quote through "%s" ("Percentile", "History") go through pc_status_translate().
 * The core itself stays free of UNO and of languages.
 *
 * A translator returns a string that lives as long as the process, or ENGLISH itself (or
 * NULL: the same) when it has none. It is called on any thread, so it only reads. For a
 * format it must return one that consumes exactly the same printf arguments of the same
 * types in the same order (anything else is undefined behaviour inside the user's office:
 * `make check` runs msgfmt --check-format on every po file), and a format that starts
 * with the row prefix "row %zu: " becomes one that starts with one word, the row and ": "
 * ("Zeile %zu: "), the prefix the data checks cut (pc_checks.c).
 *
 * Install it once, when the library loads, before the functions run; the pointer is
 * atomic, NULL removes it. */
typedef const char *(*PcTranslate)(const char *english);
void pc_status_set_translate(PcTranslate translate);

/* ENGLISH in the user's language: the installed translator's answer, else ENGLISH. */
const char *pc_status_translate(const char *english);

/* The same for pc_fail_n's formats (addin/text's tx_n): the form for N of SINGULAR /
 * PLURAL in the user's language, under the same rules as a PcTranslate; without one (or
 * when it returns NULL) English's, N == 1 ? SINGULAR : PLURAL. */
typedef const char *(*PcTranslatePlural)(const char *singular, const char *plural, gulong n);
void pc_status_set_translate_plural(PcTranslatePlural translate);

#endif
