/* pc_status.c - recording an error with its place and reason. */
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

const char *pc_status_name(PcStatus status)
{
    switch (status) {
    case PC_OK: return "OK";
    case PC_ERR_ARG: return "Err:502";
    case PC_ERR_NA: return "#N/A";
    case PC_ERR_VALUE: return "#VALUE!";
    case PC_ERR_NUM: return "#NUM!";
    case PC_ERR_DIV0: return "#DIV/0!";
    case PC_ERR_NOMEM: return "Err:502 (too large)";
    }
    return "?";
}
