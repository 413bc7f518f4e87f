/* bench_core.c - the pure C core, called directly on the benchmark's data (no office, no
 * conversion): what Pipecalc's computation costs by itself. Reads the tab-separated files
 * that gen_data.py writes; prints one line per case:
 *     core <case> <median s> <min s> <max s> <reps>
 * Usage: bench-core DATADIR [REPS] [SMOKE]  (SMOKE: 10k cases only) */
#include "pc_duration.h"
#include "pc_forecast.h"
#include "pc_score.h"
#include "pc_select.h"
#include "pc_stage.h"
#include "pc_velocity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Load the columns FIRST .. FIRST+N_COLS-1 of the TSV file PATH into a table (numbers
 * where a field parses as one, texts otherwise), skipping the first line when HEADER. */
static PcTable *load(const char *dir, const char *name, gboolean header, gsize first, gsize n_cols)
{
    char *path = g_build_filename(dir, name, NULL);
    char *text = NULL;
    if (!g_file_get_contents(path, &text, NULL, NULL)) {
        fprintf(stderr, "bench-core: cannot read %s (run gen_data.py)\n", path);
        exit(2);
    }
    char **lines = g_strsplit(text, "\n", -1);
    gsize n = g_strv_length(lines);
    while (n > 0 && lines[n - 1][0] == '\0')
        n--;
    gsize skip = header ? 1 : 0;
    PcTable *t = pc_table_new(n - skip, n_cols);
    for (gsize r = skip; r < n; r++) {
        char **f = g_strsplit(lines[r], "\t", -1);
        for (gsize c = 0; c < n_cols && f[first + c]; c++) {
            char *end;
            double v = g_ascii_strtod(f[first + c], &end);
            if (*f[first + c] && *end == '\0')
                pc_table_set_number(t, r - skip, c, v);
            else
                pc_table_set_text(t, r - skip, c, f[first + c], -1);
        }
        g_strfreev(f);
    }
    g_strfreev(lines);
    g_free(text);
    g_free(path);
    return t;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void report(const char *name, double *t, int reps)
{
    qsort(t, (size_t)reps, sizeof *t, cmp_double);
    printf("core %s %.6f %.6f %.6f %d\n", name, t[reps / 2], t[0], t[reps - 1], reps);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : ".";
    int reps = argc > 2 ? atoi(argv[2]) : 5;
    gboolean smoke = argc > 3;
    if (reps < 1 || reps > 100)
        reps = 5;
    double times[100];
    PcTable *stages_tab = load(dir, "stages.tsv", FALSE, 0, 2);

    static const int DEALS[] = { 10000, 100000, 1000000 };
    for (int k = 0; k < (smoke ? 1 : 3); k++) {
        char file[64], name[64];
        g_snprintf(file, sizeof file, "deals-%d.tsv", DEALS[k]);
        PcTable *amounts = load(dir, file, TRUE, 0, 1), *stages = load(dir, file, TRUE, 1, 1);
        PcForecastArgs a = { .amounts = amounts, .stages = stages, .probabilities = stages_tab };
        for (int i = 0; i < reps; i++) {
            double v;
            gint64 t0 = g_get_monotonic_time();
            if (pc_pipeline_forecast(&a, &v, NULL) != PC_OK)
                fprintf(stderr, "bench-core: forecast failed\n");
            times[i] = (g_get_monotonic_time() - t0) / 1e6;
        }
        g_snprintf(name, sizeof name, "forecast-%d", DEALS[k]);
        report(name, times, reps);
        pc_table_free(amounts);
        pc_table_free(stages);
    }

    /* P10 / P50 / P90 of N deals (the first N of deals-100000): the size of a month's
     * deals in the forecast sheet's array at 10k / 100k / 1M deals and between (issue 13:
     * the sheet recomputes twelve of these after every edit) */
    if (!smoke) {
        static const gsize SET[] = { 550, 1800, 5500, 20000, 55000 };
        static const double QS[3] = { 0.1, 0.5, 0.9 };
        PcTable *amounts = load(dir, "deals-100000.tsv", TRUE, 0, 1), *stages = load(dir, "deals-100000.tsv", TRUE, 1, 1);
        gsize *rows = g_new(gsize, SET[G_N_ELEMENTS(SET) - 1]), col = 0;
        for (gsize i = 0; i < SET[G_N_ELEMENTS(SET) - 1]; i++)
            rows[i] = i;
        for (gsize k = 0; k < G_N_ELEMENTS(SET); k++) {
            char name[64];
            PcTable *a = pc_table_select(amounts, rows, SET[k], &col, 1), *s = pc_table_select(stages, rows, SET[k], &col, 1);
            PcForecastArgs args = { .amounts = a, .stages = s, .probabilities = stages_tab };
            for (int i = 0; i < reps; i++) {
                double e, q[3];
                gint64 t0 = g_get_monotonic_time();
                if (pc_pipeline_forecast_quantiles(&args, QS, 3, &e, q, NULL) != PC_OK)
                    fprintf(stderr, "bench-core: percentiles failed\n");
                times[i] = (g_get_monotonic_time() - t0) / 1e6;
            }
            g_snprintf(name, sizeof name, "percentiles-%zu", SET[k]);
            report(name, times, reps);
            pc_table_free(a);
            pc_table_free(s);
        }
        g_free(rows);
        pc_table_free(amounts);
        pc_table_free(stages);
    }

    static const int LEADS[] = { 1000, 10000 }, HISTORY[] = { 10000, 100000 };
    for (int h = 0; h < (smoke ? 1 : 2); h++) {
        char file[64], name[64];
        g_snprintf(file, sizeof file, "history-%d.tsv", HISTORY[h]);
        PcTable *hist = load(dir, file, TRUE, 0, 3), *out = load(dir, file, TRUE, 3, 1);
        for (int l = 0; l < (smoke ? 1 : 2); l++) {
            g_snprintf(file, sizeof file, "leads-%d.tsv", LEADS[l]);
            PcTable *leads = load(dir, file, FALSE, 0, 3);
            for (int i = 0; i < reps; i++) {
                double *scores = NULL;
                gsize n;
                gint64 t0 = g_get_monotonic_time();
                if (pc_lead_score(leads, hist, out, NULL, &scores, &n, NULL) != PC_OK)
                    fprintf(stderr, "bench-core: lead score failed\n");
                times[i] = (g_get_monotonic_time() - t0) / 1e6;
                g_free(scores);
            }
            g_snprintf(name, sizeof name, "score-%dx%d", LEADS[l], HISTORY[h]);
            report(name, times, reps);
            pc_table_free(leads);
        }
        pc_table_free(hist);
        pc_table_free(out);
    }

    if (!smoke) {
        PcTable *log = load(dir, "log-1000000.tsv", TRUE, 0, 2);
        PcTable *order = pc_table_new(5, 1), *ignore = pc_table_new(1, 1);
        const char *names[] = { "Lead", "Qualified", "Proposal", "Negotiation", "Won" };
        for (gsize i = 0; i < 5; i++)
            pc_table_set_text(order, i, 0, names[i], -1);
        pc_table_set_text(ignore, 0, 0, "Lost", -1);
        for (int i = 0; i < reps; i++) {
            double v;
            gint64 t0 = g_get_monotonic_time();
            if (pc_stage_conversion(log, "Qualified", "Won", order, ignore, &v, NULL) != PC_OK)
                fprintf(stderr, "bench-core: stage conversion failed\n");
            times[i] = (g_get_monotonic_time() - t0) / 1e6;
        }
        report("conversion-log-1000000", times, reps);
        pc_table_free(log);
        pc_table_free(order);
        pc_table_free(ignore);

        PcTable *dated = load(dir, "dated-log-1000000.tsv", TRUE, 0, 3), *p90 = pc_table_new(1, 1);
        pc_table_set_number(p90, 0, 0, 0.9);
        for (int i = 0; i < reps; i++) {
            double v;
            gint64 t0 = g_get_monotonic_time();
            if (pc_stage_duration(dated, "Proposal", p90, &v, NULL) != PC_OK)
                fprintf(stderr, "bench-core: stage duration failed\n");
            times[i] = (g_get_monotonic_time() - t0) / 1e6;
        }
        report("duration-log-1000000", times, reps);
        pc_table_free(dated);
        pc_table_free(p90);

        PcTable *cols[4];
        for (gsize c = 0; c < 4; c++)
            cols[c] = load(dir, "velocity-1000000.tsv", TRUE, c, 1);
        for (int i = 0; i < reps; i++) {
            double v;
            gint64 t0 = g_get_monotonic_time();
            if (pc_sales_velocity(cols[0], cols[1], cols[2], cols[3], &v, NULL) != PC_OK)
                fprintf(stderr, "bench-core: sales velocity failed\n");
            times[i] = (g_get_monotonic_time() - t0) / 1e6;
        }
        report("velocity-1000000", times, reps);
        for (gsize c = 0; c < 4; c++)
            pc_table_free(cols[c]);
    }
    pc_table_free(stages_tab);
    return 0;
}
