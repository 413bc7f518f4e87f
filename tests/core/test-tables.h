/* test-tables.h - building core tables in unit tests from short cell specs. */
#ifndef TEST_TABLES_H
#define TEST_TABLES_H

#include "pc_table.h"

#include <string.h>

/* Build a table of ROWS x COLS cells (ROWS 0: as many rows as the cells fill), row by row
 * from specs: "" empty, "#12.5" a number, "!" an error value, anything else a text. The
 * table is freed when the test ends. */
static inline PcTable *table_of(gsize rows, gsize cols, const char *const *cells, gsize n)
{
    if (rows == 0)
        rows = n / cols;
    g_assert_cmpuint(rows * cols, ==, n);
    PcTable *t = pc_table_new(rows, cols);
    g_assert_nonnull(t);
    for (gsize i = 0; i < n; i++) {
        const char *s = cells[i];
        if (s[0] == '#')
            pc_table_set_number(t, i / cols, i % cols, g_ascii_strtod(s + 1, NULL));
        else if (strcmp(s, "!") == 0)
            pc_table_set_error(t, i / cols, i % cols, 503);
        else
            pc_table_set_text(t, i / cols, i % cols, s, -1);
    }
    g_test_queue_destroy((GDestroyNotify)pc_table_free, t);
    return t;
}

/* cell specs as a (const char *const *, count) argument pair */
#define SPECS(...) ((const char *const[]){ __VA_ARGS__ })
#define CELLS(...) SPECS(__VA_ARGS__), G_N_ELEMENTS(SPECS(__VA_ARGS__))
/* Timing assertions are skipped where the program runs many times slower than it does:
 * under valgrind (PC_UNDER_VALGRIND()) or built with AddressSanitizer (PC_SANITIZED). */
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define PC_UNDER_VALGRIND() RUNNING_ON_VALGRIND
#endif
#endif
#ifndef PC_UNDER_VALGRIND
#define PC_UNDER_VALGRIND() 0
#endif
#if defined(__SANITIZE_ADDRESS__)
#define PC_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PC_SANITIZED 1
#endif
#endif
#ifndef PC_SANITIZED
#define PC_SANITIZED 0
#endif

#define TAB(rows, cols, ...) table_of(rows, cols, CELLS(__VA_ARGS__))
#define COL(...) table_of(0, 1, CELLS(__VA_ARGS__))
#define ROW(...) table_of(1, G_N_ELEMENTS(SPECS(__VA_ARGS__)), CELLS(__VA_ARGS__))

/* A table of one number, freed when the test ends. */
static inline PcTable *num(double v)
{
    PcTable *t = pc_table_new(1, 1);
    pc_table_set_number(t, 0, 0, v);
    g_test_queue_destroy((GDestroyNotify)pc_table_free, t);
    return t;
}

#endif
