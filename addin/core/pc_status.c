/* pc_status.c - recording an error with its place and reason; THE table of what Calc shows
 * for each status. */
#include "pc_status.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>

/* set once at load by the user interface (the sidebar's German catalogue), read by every
 * pc_fail on any thread */
static _Atomic(PcTranslate) translate_hook; /* NULL: English */

void pc_status_set_translate(PcTranslate translate)
{
    atomic_store_explicit(&translate_hook, translate, memory_order_release);
}

const char *pc_status_translate(const char *english)
{
    PcTranslate translate = atomic_load_explicit(&translate_hook, memory_order_acquire);
    const char *t = translate && english ? translate(english) : NULL;
    return t ? t : english;
}

void pc_error_clear(PcError *err)
{
    if (!err)
        return;
    err->status = PC_OK;
    err->arg = -1;
    err->row = -1;
    err->message[0] = '\0';
}

PcStatus pc_fail(PcError *err, PcStatus status, int arg, gssize row, const char *fmt, ...)
{
    if (!err)
        return status;
    err->status = status;
    err->arg = arg;
    err->row = row;
    va_list ap;
    va_start(ap, fmt);
    /* the translation consumes the same arguments as FMT (see pc_status.h) */
    vsnprintf(err->message, sizeof err->message, pc_status_translate(fmt), ap);
    va_end(ap);
    /* a long name cut at the buffer's end may end in half a character: drop it, so that
     * the message stays valid UTF-8 for the sidebar */
    const char *bad;
    if (!g_utf8_validate(err->message, -1, &bad))
        err->message[bad - err->message] = '\0';
    return status;
}

/* N_() marks a name for the text catalogue (po/de.po), as addin/text/tx.h's does; the
 * core itself never translates */
#define N_(msgid) (msgid)

typedef struct {
    guint16 code;     /* FormulaError, LibreOffice's include/formula/errorcodes.hxx */
    const char *name; /* as an English Calc shows it */
} CalcError;

/* Per status, the Calc error a function answering it gives. Err:502 stands for every
 * failure that is not about one value (IllegalArgument): wrong shapes, and too large. */
static const CalcError STATUS_ERRORS[PC_N_STATUS] = {
    [PC_OK] = { 0, "OK" }, /* never shown: not marked */
    [PC_ERR_ARG] = { 502, N_("Err:502") },
    [PC_ERR_NA] = { 0x7fff, N_("#N/A") }, /* NotAvailable */
    [PC_ERR_VALUE] = { 519, N_("#VALUE!") }, /* NoValue */
    [PC_ERR_NUM] = { 503, N_("#NUM!") }, /* IllegalFPOperation */
    [PC_ERR_DIV0] = { 532, N_("#DIV/0!") }, /* DivisionByZero */
    [PC_ERR_NOMEM] = { 502, N_("Err:502") },
};

/* Calc's other named errors, which the core never answers but a cell calling one of our
 * functions can show (a deleted range, an unknown name) */
static const CalcError OTHER_ERRORS[] = {
    { 521, N_("#NULL!") }, /* NoCode */
    { 524, N_("#REF!") },  /* NoRef */
    { 525, N_("#NAME?") }, /* NoName */
};

guint16 pc_status_calc_code(PcStatus status)
{
    return (guint)status < PC_N_STATUS ? STATUS_ERRORS[status].code : 0;
}

const char *pc_status_name(PcStatus status)
{
    return (guint)status < PC_N_STATUS ? STATUS_ERRORS[status].name : "?";
}

const char *pc_calc_error_name(guint code)
{
    for (guint i = 0; code && i < PC_N_STATUS; i++) /* PC_OK's 0 is no error code */
        if (STATUS_ERRORS[i].code == code)
            return STATUS_ERRORS[i].name;
    for (gsize i = 0; code && i < G_N_ELEMENTS(OTHER_ERRORS); i++)
        if (OTHER_ERRORS[i].code == code)
            return OTHER_ERRORS[i].name;
    return NULL;
}
