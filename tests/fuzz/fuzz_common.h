/* fuzz_common.h - turning libFuzzer's bytes into core arguments, and the invariants every
 * harness checks. Header-only: each harness is one translation unit.
 *
 * The input is read as a stream: every "take" returns 0 once the bytes run out, so any
 * input decodes to something. Tables are bounded (FZ_MAX_ROWS x FZ_MAX_COLS) so that one
 * execution stays fast; cells are empty, numbers (special values: NaN, +-Inf, +-1e308,
 * subnormals, -0, or 8 raw bytes), texts (a dictionary of stage / outcome / header words,
 * odd Unicode, or raw bytes that may be invalid UTF-8) and error values.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include "pc_status.h"
#include "pc_table.h"

#include <glib.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FZ_MAX_ROWS 48
#define FZ_MAX_COLS 5
#define FZ_MAX_TEXT 80

typedef struct {
    const uint8_t *p;
    size_t n;
} FzIn;

static inline uint8_t fz_byte(FzIn *in)
{
    if (!in->n)
        return 0;
    in->n--;
    return *in->p++;
}

static inline uint16_t fz_u16(FzIn *in)
{
    uint16_t lo = fz_byte(in);
    return (uint16_t)(lo | (uint16_t)fz_byte(in) << 8);
}

static inline double fz_raw_double(FzIn *in)
{
    uint64_t bits = 0;
    for (int i = 0; i < 8; i++)
        bits |= (uint64_t)fz_byte(in) << (8 * i);
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

/* A number, biased to the interesting ones. */
static inline double fz_number(FzIn *in)
{
    static const double SPECIAL[] = {
        0.0, -0.0, 1.0, 0.5, 0.25, 0.1, 0.9, 0.99, 2.0, 25.0, -1.0, -0.5, 100.0, 1000.0,
        -1000.0, 1e308, -1e308, 1.7976931348623157e308, 4.9406564584124654e-324,
        2.2250738585072014e-308, -4.9406564584124654e-324, 1e-300, 1e15, 1e16, 9e15,
        45000.0, 45000.5, 46000.0, -693594.0, 2958465.0, 2958466.0, 1e10, 0.999999999999,
        1e-12, 3.0, 7.0, 12.0, 60.0,
    };
    uint8_t b = fz_byte(in);
    if (b < 40)
        return SPECIAL[b % G_N_ELEMENTS(SPECIAL)];
    if (b < 48)
        return b & 1 ? NAN : (b & 2 ? -INFINITY : INFINITY);
    if (b < 56)
        return -(double)NAN; /* a NaN with the sign bit, and other payloads below */
    if (b < 64) {
        uint64_t bits = 0x7FF8000000000000ull | fz_u16(in); /* a Calc error-coded NaN */
        double d;
        memcpy(&d, &bits, sizeof d);
        return d;
    }
    if (b < 160)
        return (double)(b - 100); /* small integers -36 .. 59 */
    if (b < 200)
        return (double)fz_u16(in) / (b & 1 ? 1.0 : 100.0);
    return fz_raw_double(in);
}

/* A text: NUL-terminated, maybe invalid UTF-8, in BUF (FZ_MAX_TEXT * 4 + 1 bytes). */
static inline const char *fz_text(FzIn *in, char *buf)
{
    static const char *const WORDS[] = {
        "Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost", "Closed Won",
        "Closed Lost", "closedlost", "won", "lost", "yes", "no", "ja", "nein", "gewonnen",
        "verloren", "TRUE", "FALSE", "wahr", "falsch", "open", "Stage", "Amount", "Probability",
        "Close date", "Deal", "Deal ID", "Outcome", "Status", "Owner", "Betrag (EUR)",
        "Amount EUR", "Phase", "Kunde", "Währung", "Erstellt am", "id", "lead ", " LEAD",
        "lead\xc2\xa0", "Qualifiziert", "qualifiziert\xc2\xa0", "\xc3\x84RZTE", "a\xcc\x88rzte",
        "\xc3\xa4rzte", "\xc4\xb0stanbul", "\xef\xac\x80", "\xe1\xba\x9e", " ", "\xc2\xa0",
        "\t\n", "\xe2\x80\x83", "\xef\xbf\xbd", "\xf0\x9f\x98\x80", "abc", "10", "17", "0",
        "1", "25%", "2026-01-15", "-", "\xcc\x81", "\xe2\x80\x8b", "\xe2\x80\xae", "\x0b",
        "\x1c", "x\x0b", "\xc3", "\xed\xa0\x80", "\xff\xfe",
    };
    uint8_t b = fz_byte(in);
    if (b < 200)
        return WORDS[b % G_N_ELEMENTS(WORDS)];
    size_t len = fz_byte(in) % (FZ_MAX_TEXT + 1);
    if (b < 230) { /* raw bytes */
        size_t i = 0;
        for (; i < len; i++) {
            buf[i] = (char)fz_byte(in);
            if (!buf[i])
                break;
        }
        buf[i] = 0;
        return buf;
    }
    /* code points, valid UTF-8 built by GLib (may include noncharacters) */
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        gunichar c = (gunichar)fz_u16(in) | (gunichar)(fz_byte(in) % 17) << 16;
        if (c == 0 || (c >= 0xD800 && c <= 0xDFFF))
            c = 0x300 + (c & 0x6F);
        o += (size_t)g_unichar_to_utf8(c, buf + o);
    }
    buf[o] = 0;
    return buf;
}

/* Fill cell (R, C) of T from the stream. DENSE: fewer empty cells. */
static inline void fz_cell(FzIn *in, PcTable *t, gsize r, gsize c)
{
    char buf[FZ_MAX_TEXT * 4 + 1];
    uint8_t k = fz_byte(in) % 16;
    if (k < 3)
        return; /* empty */
    if (k < 9) {
        pc_table_set_number(t, r, c, fz_number(in));
    } else if (k < 15) {
        pc_table_set_text(t, r, c, fz_text(in, buf), -1);
    } else {
        static const int CODES[] = { 504, 519, 32767, 503, 532, 502, 0, 539, 65535 };
        pc_table_set_error(t, r, c, CODES[fz_byte(in) % G_N_ELEMENTS(CODES)]);
    }
}

/* A table of exactly ROWS x COLS (bounded), cells from the stream. */
static inline PcTable *fz_table_sized(FzIn *in, gsize rows, gsize cols)
{
    if (rows == 0 || cols == 0)
        rows = cols = 0;
    PcTable *t = pc_table_new(rows, cols);
    if (!t)
        abort();
    for (gsize r = 0; r < rows; r++)
        for (gsize c = 0; c < cols; c++)
            fz_cell(in, t, r, c);
    return t;
}

/* A table whose shape comes from the stream too: 0 x 0, a column, a row or a grid. */
static inline PcTable *fz_table(FzIn *in, gsize max_cols)
{
    uint8_t s = fz_byte(in);
    gsize rows = fz_byte(in) % (FZ_MAX_ROWS + 1);
    switch (s % 8) {
    case 0:
        return fz_table_sized(in, 0, 0);
    case 1:
        return fz_table_sized(in, 1, 1);
    case 2: /* a row */
        return fz_table_sized(in, 1, rows % 8 + 1);
    case 3: /* a grid */
        return fz_table_sized(in, rows, (s >> 3) % max_cols + 1);
    default: /* a column, the common case */
        return fz_table_sized(in, rows, 1);
    }
}

/* An optional 1 x 1 argument: NULL (omitted) or a cell. */
static inline PcTable *fz_optional(FzIn *in)
{
    uint8_t b = fz_byte(in);
    if (b % 4 == 0)
        return NULL;
    if (b % 4 == 3)
        return fz_table(in, 2); /* sometimes a range where a scalar belongs */
    return fz_table_sized(in, 1, 1);
}

/* ---- invariants ------------------------------------------------------------------- */

#define FZ_CHECK(cond, ...)                                                          \
    do {                                                                              \
        if (!(cond)) {                                                                \
            fprintf(stderr, "INVARIANT FAILED %s:%d: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                             \
            fputc('\n', stderr);                                                      \
            abort();                                                                  \
        }                                                                             \
    } while (0)

/* The status is one of the enum's values; on failure the error says the same status, the
 * message is NUL-terminated inside its buffer, valid UTF-8 and not empty. */
static unsigned long fz_stats[PC_N_STATUS];

static void fz_print_stats(void)
{
    fprintf(stderr, "statuses:");
    for (int i = 0; i < PC_N_STATUS; i++)
        fprintf(stderr, " %s %lu", pc_status_name((PcStatus)i), fz_stats[i]);
    fputc('\n', stderr);
}

static inline void fz_check_status(PcStatus st, const PcError *err)
{
    /* FUZZ_STATS=1: count the statuses seen, to check that inputs reach the deep paths */
    static int init;
    if (!init) {
        init = 1;
        if (getenv("FUZZ_STATS"))
            atexit(fz_print_stats);
    }
    if (st >= PC_OK && st < PC_N_STATUS)
        fz_stats[st]++;
    FZ_CHECK(st >= PC_OK && st < PC_N_STATUS, "status %d", (int)st);
    if (st != PC_OK) {
        FZ_CHECK(memchr(err->message, 0, sizeof err->message) != NULL, "message not terminated");
        FZ_CHECK(g_utf8_validate(err->message, -1, NULL), "message not UTF-8: %s", err->message);
        FZ_CHECK(err->status == st, "err.status %d, returned %d", (int)err->status, (int)st);
        FZ_CHECK(err->message[0] != 0, "empty message for %s", pc_status_name(st));
        FZ_CHECK(err->arg >= -1 && err->arg < 8, "arg %d", err->arg);
        FZ_CHECK(err->row >= -1 && err->row < 1000, "row %ld", (long)err->row);
        FZ_CHECK(strcmp(pc_status_name(st), "?") != 0, "unnamed status");
    }
}

/* Same status, same message, same result bits. */
static inline void fz_check_same(PcStatus a, const PcError *ea, double ra, PcStatus b,
                                 const PcError *eb, double rb)
{
    FZ_CHECK(a == b, "status %d then %d", (int)a, (int)b);
    if (a != PC_OK)
        FZ_CHECK(strcmp(ea->message, eb->message) == 0, "message '%s' then '%s'", ea->message,
             eb->message);
    FZ_CHECK(memcmp(&ra, &rb, sizeof ra) == 0, "result %.17g then %.17g", ra, rb);
}

/* Before a call: fill the error with garbage, so that a callee that forgets to terminate
 * the message is caught. */
static inline void fz_dirty(PcError *err)
{
    memset(err, 0x5a, sizeof *err);
}

#endif
