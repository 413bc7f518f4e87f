/* test-robust.c - inputs found by fuzzing and review (tests/fuzz), and the resource bounds
 * the README's Reliability section promises: a million deals, a million distinct values.
 *
 * The bounds tests time one call on a million rows and fail above TIME_LIMIT seconds
 * (measured: see README). Under valgrind (VALGRIND set by `make check-valgrind`) they run
 * on 20,000 rows: valgrind is ~50x slower and checks memory, not speed.
 */
#include "pc_forecast.h"
#include "pc_score.h"
#include "pc_stage.h"
#include "pc_status.h"
#include "pc_table.h"
#include "pc_text.h"

#include <math.h>
#include <string.h>

#define TIME_LIMIT 3.0

static gsize big_n(void)
{
    const char *pre = g_getenv("LD_PRELOAD");
    if (g_getenv("VALGRIND") || (pre && strstr(pre, "vgpreload")))
        return 20000;
    return 1048575; /* a full Calc column below its header */
}

/* ---- messages ----------------------------------------------------------------------- */

/* A long name of two-byte characters used to be cut mid-character at the message buffer's
 * end (found by review of the fuzz invariant "messages are valid UTF-8"). */
static void message_cut_keeps_utf8(void)
{
    GString *name = g_string_new("x");
    for (int i = 0; i < 300; i++)
        g_string_append(name, "\xc3\x84"); /* Ä: an odd prefix puts a cut mid-character */
    PcTable *order = pc_table_new(2, 1), *data = pc_table_new(1, 1);
    pc_table_set_text(order, 0, 0, "Lead", -1);
    pc_table_set_text(order, 1, 0, "Won", -1);
    pc_table_set_text(data, 0, 0, "Lead", -1);
    for (int odd = 0; odd < 2; odd++) {
        PcError err;
        double r = -1;
        const char *from = name->str + odd;
        g_assert_cmpint(pc_stage_conversion(data, from, "Won", order, NULL, &r, &err), ==,
                        PC_ERR_NA);
        g_assert_true(g_utf8_validate(err.message, -1, NULL));
        g_assert_cmpuint(strlen(err.message), >=, PC_ERROR_MESSAGE_MAX - 4);
        g_assert_true(g_str_has_prefix(err.message, "FromStage \""));
        g_assert_cmpfloat(r, ==, -1);
    }
    /* and pc_fail itself, with a 4-byte character across the end */
    PcError err;
    char *pad = g_strnfill(PC_ERROR_MESSAGE_MAX - 3, 'a');
    pc_fail(&err, PC_ERR_NA, 0, -1, "%s\xf0\x9f\x98\x80", pad);
    g_assert_cmpstr(err.message, ==, pad);
    g_free(pad);
    pc_table_free(order);
    pc_table_free(data);
    g_string_free(name, TRUE);
}

/* Cherokee names matched only in the case they were typed: GLib's casefold swaps
 * Cherokee capitals and small letters, so pc_text_key was not idempotent (found by the
 * utf16 harness's "the key of a key is itself" invariant). */
static void key_folds_cherokee(void)
{
    static const char *const PAIRS[][2] = {
        { "\xe1\x8e\xad", "\xea\xad\xbd" },             /* U+13AD, U+AB7D */
        { "\xe1\x8f\xb0", "\xe1\x8f\xb8" },             /* U+13F0, U+13F8 */
        { "\xe1\x8e\xa0\xe1\x8f\xb5", "\xea\xad\xb0\xe1\x8f\xbd" }, /* two letters */
    };
    for (gsize i = 0; i < G_N_ELEMENTS(PAIRS); i++) {
        char *a = pc_text_key(PAIRS[i][0]), *b = pc_text_key(PAIRS[i][1]);
        g_assert_cmpstr(a, ==, b);
        g_assert_cmpstr(a, ==, PAIRS[i][0]); /* the capitals, as Unicode folds them */
        char *aa = pc_text_key(a);
        g_assert_cmpstr(aa, ==, a);
        g_free(a);
        g_free(b);
        g_free(aa);
    }
}

/* ---- resource bounds ---------------------------------------------------------------- */

static void check_time(const char *what, double seconds)
{
    g_test_message("%s: %.3f s", what, seconds);
    if (g_getenv("PC_MEASURE"))
        g_printerr("measure: %s: %.3f s\n", what, seconds);
    if (!g_getenv("VALGRIND"))
        g_assert_cmpfloat(seconds, <, TIME_LIMIT);
}

/* PIPELINE_FORECAST's percentile over a million deals of a million distinct amounts. */
static void percentile_million_deals(void)
{
    gsize n = big_n();
    PcTable *amounts = pc_table_new(n, 1), *stages = pc_table_new(n, 1),
            *probs = pc_table_new(n, 1), *q = pc_table_new(1, 1);
    double sum = 0, mean = 0, var = 0;
    for (gsize i = 0; i < n; i++) {
        double a = 1000.0 + (double)i * 0.37, p = (double)(i % 97 + 1) / 100.0;
        pc_table_set_number(amounts, i, 0, a);
        pc_table_set_text(stages, i, 0, i % 2 ? "Lead" : "Won", -1);
        pc_table_set_number(probs, i, 0, p);
        sum += a;
        mean += a * p;
        var += a * a * p * (1 - p);
    }
    static const double Z[] = { -1.2815515655446004, 0, 1.2815515655446004 }; /* 0.1 .5 .9 */
    PcForecastArgs args = { amounts, stages, probs, NULL, NULL, NULL, q, NULL };
    for (int k = 1; k <= 9; k += 4) {
        pc_table_set_number(q, 0, 0, k / 10.0);
        double r = 0;
        PcError err;
        gint64 t0 = g_get_monotonic_time();
        g_assert_cmpint(pc_pipeline_forecast(&args, &r, &err), ==, PC_OK);
        check_time("percentile over a million deals", (g_get_monotonic_time() - t0) / 1e6);
        /* a sum of this many independent deals of similar size is close to normal */
        g_assert_cmpfloat(fabs(r - (mean + Z[k / 4] * sqrt(var))), <, 0.001 * sum);
    }
    pc_table_free(amounts);
    pc_table_free(stages);
    pc_table_free(probs);
    pc_table_free(q);
}

/* LEAD_SCORE trained on a million rows: a numeric column of a million distinct values and
 * a text column of a million distinct categories, scoring a thousand leads. */
static void lead_score_million_values(void)
{
    gsize n = big_n(), k = 1000;
    PcTable *history = pc_table_new(n, 2), *outcomes = pc_table_new(n, 1),
            *leads = pc_table_new(k, 2);
    for (gsize i = 0; i < n; i++) {
        char name[32];
        g_snprintf(name, sizeof name, "customer %zu", i);
        pc_table_set_number(history, i, 0, (double)i * 1.5 + 0.25);
        pc_table_set_text(history, i, 1, name, -1);
        pc_table_set_number(outcomes, i, 0, (i * 7) % 3 == 0);
    }
    for (gsize i = 0; i < k; i++) {
        char name[32];
        g_snprintf(name, sizeof name, "customer %zu", i * 13);
        pc_table_set_number(leads, i, 0, (double)i * 1000);
        pc_table_set_text(leads, i, 1, name, -1);
    }
    double *scores = NULL;
    gsize n_scores = 0;
    PcError err;
    gint64 t0 = g_get_monotonic_time();
    g_assert_cmpint(pc_lead_score(leads, history, outcomes, NULL, &scores, &n_scores, &err), ==,
                    PC_OK);
    check_time("LEAD_SCORE, a million distinct values", (g_get_monotonic_time() - t0) / 1e6);
    g_assert_cmpuint(n_scores, ==, k);
    for (gsize i = 0; i < k; i++)
        g_assert_true(scores[i] >= 0 && scores[i] <= 1);
    g_free(scores);
    pc_table_free(history);
    pc_table_free(outcomes);
    pc_table_free(leads);
}

/* STAGE_CONVERSION on a million-row stage log of half a million deals. */
static void stage_log_million_rows(void)
{
    gsize n = big_n() & ~(gsize)1;
    PcTable *log = pc_table_new(n, 2), *order = pc_table_new(3, 1);
    pc_table_set_text(order, 0, 0, "Lead", -1);
    pc_table_set_text(order, 1, 0, "Qualified", -1);
    pc_table_set_text(order, 2, 0, "Won", -1);
    for (gsize i = 0; i < n; i += 2) {
        char id[32];
        g_snprintf(id, sizeof id, "D-%zu", i / 2);
        pc_table_set_text(log, i, 0, id, -1);
        pc_table_set_text(log, i, 1, "Lead", -1);
        pc_table_set_text(log, i + 1, 0, id, -1);
        pc_table_set_text(log, i + 1, 1, (i / 2) % 4 == 0 ? "Won" : "Qualified", -1);
    }
    double r = 0;
    PcError err;
    gint64 t0 = g_get_monotonic_time();
    g_assert_cmpint(pc_stage_conversion(log, "Lead", "Won", order, NULL, &r, &err), ==, PC_OK);
    check_time("STAGE_CONVERSION, a million-row log", (g_get_monotonic_time() - t0) / 1e6);
    g_assert_cmpfloat(fabs(r - 0.25), <, 1e-5);
    pc_table_free(log);
    pc_table_free(order);
}

/* A table bigger than PC_TABLE_MAX_CELLS is refused before anything is allocated. */
static void table_cap(void)
{
    g_assert_null(pc_table_new(PC_TABLE_MAX_CELLS + 1, 1));
    g_assert_null(pc_table_new(G_MAXSIZE / 2, 3)); /* the product overflows */
    PcTable *t = pc_table_new(PC_TABLE_MAX_CELLS / 16, 16);
    g_assert_nonnull(t);
    pc_table_free(t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/core/robust/message-cut-keeps-utf8", message_cut_keeps_utf8);
    g_test_add_func("/core/robust/key-folds-cherokee", key_folds_cherokee);
    g_test_add_func("/core/robust/table-cap", table_cap);
    g_test_add_func("/core/robust/bounds/percentile-million-deals", percentile_million_deals);
    g_test_add_func("/core/robust/bounds/lead-score-million-values", lead_score_million_values);
    g_test_add_func("/core/robust/bounds/stage-log-million-rows", stage_log_million_rows);
    return g_test_run();
}
