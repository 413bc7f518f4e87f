/* pc_status.c - recording an error with its place and reason. */
#include "pc_status.h"

#include <stdarg.h>
#include <stdio.h>

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
    vsnprintf(err->message, sizeof err->message, fmt, ap);
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
