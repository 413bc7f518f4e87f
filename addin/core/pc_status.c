/* pc_status.c - recording an error with its place and reason. */
#include "pc_status.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>

/* set once at load by the user interface (the sidebar's German catalogue), read by every
 * pc_fail on any thread */
static _Atomic(PcTranslate) translate_hook; /* NULL: English */
static _Atomic(PcTranslatePlural) translate_plural_hook;

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

void pc_status_set_translate_plural(PcTranslatePlural translate)
{
    atomic_store_explicit(&translate_plural_hook, translate, memory_order_release);
}

/* the form of SINGULAR / PLURAL for N in the user's language */
static const char *translate_plural(const char *singular, const char *plural, gulong n)
{
    PcTranslatePlural translate = atomic_load_explicit(&translate_plural_hook, memory_order_acquire);
    const char *t = translate ? translate(singular, plural, n) : NULL;
    return t ? t : n == 1 ? singular : plural;
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

/* Record STATUS in ERR (not NULL) with the translated format FMT. */
static PcStatus record(PcError *err, PcStatus status, int arg, gssize row, const char *fmt,
                       va_list ap)
{
    err->status = status;
    err->arg = arg;
    err->row = row;
    /* the translation consumes the same arguments as the English (see pc_status.h) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* clang: FMT is checked by the callers */
    vsnprintf(err->message, sizeof err->message, fmt, ap);
#pragma GCC diagnostic pop
    /* a long name cut at the buffer's end may end in half a character: drop it, so that
     * the message stays valid UTF-8 for the sidebar */
    const char *bad;
    if (!g_utf8_validate(err->message, -1, &bad))
        err->message[bad - err->message] = '\0';
    return status;
}

PcStatus pc_fail(PcError *err, PcStatus status, int arg, gssize row, const char *fmt, ...)
{
    if (!err)
        return status;
    va_list ap;
    va_start(ap, fmt);
    record(err, status, arg, row, pc_status_translate(fmt), ap);
    va_end(ap);
    return status;
}

PcStatus pc_fail_n(PcError *err, PcStatus status, int arg, gssize row, gulong n,
                   const char *singular, const char *plural, ...)
{
    if (!err)
        return status;
    va_list ap;
    va_start(ap, plural);
    record(err, status, arg, row, translate_plural(singular, plural, n), ap);
    va_end(ap);
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
