/* prof_convert.c - PIPELINE_FORECAST's per-call work outside the office, for callgrind:
 * builds the sequence< sequence< any > > arguments the way Calc hands them over (one row
 * sequence per cell row, equal texts sharing one rtl_uString as Calc's string pool does),
 * then per repetition converts them (cu_table_from_any_rows) and runs the core.
 * Usage: prof-convert [ROWS] [REPS]; prints the time of each phase.
 *     valgrind --tool=callgrind build/out/bench/prof-convert 100000 3 */
#include "cu_convert.h"
#include "pc_forecast.h"

#include <stdio.h>
#include <stdlib.h>

static typelib_TypeDescriptionReference *any_seq_type(void)
{
    static typelib_TypeDescriptionReference *t = NULL;
    if (!t)
        typelib_static_sequence_type_init(&t, *typelib_static_type_getByTypeClass(typelib_TypeClass_ANY));
    return t;
}

static typelib_TypeDescriptionReference *any_seq_seq_type(void)
{
    static typelib_TypeDescriptionReference *t = NULL;
    if (!t)
        typelib_static_sequence_type_init(&t, any_seq_type());
    return t;
}

/* A ROWS x COLS any[][] whose cell (r, c) is made by CELL. */
static uno_Sequence *make_rows(gsize rows, gsize cols, void (*cell)(uno_Any *, gsize, gsize))
{
    uno_Sequence *outer = NULL;
    uno_type_sequence_construct(&outer, any_seq_seq_type(), NULL, (sal_Int32)rows, NULL);
    uno_Sequence **row = (uno_Sequence **)outer->elements;
    for (gsize r = 0; r < rows; r++) {
        uno_Sequence *seq = NULL;
        uno_type_sequence_construct(&seq, any_seq_type(), NULL, (sal_Int32)cols, NULL);
        for (gsize c = 0; c < cols; c++)
            cell(&((uno_Any *)seq->elements)[c], r, c);
        uno_type_destructData(&row[r], any_seq_type(), NULL);
        row[r] = seq;
    }
    return outer;
}

static const char *const STAGES[] = { "Lead", "Qualified", "Proposal", "Negotiation", "Won", "lead" };
static rtl_uString *stage_str[6];

static void set_double(uno_Any *a, double v)
{
    uno_type_any_assign(a, &v, *typelib_static_type_getByTypeClass(typelib_TypeClass_DOUBLE), NULL, NULL);
}

static void set_string(uno_Any *a, rtl_uString *s)
{
    uno_type_any_assign(a, &s, *typelib_static_type_getByTypeClass(typelib_TypeClass_STRING), NULL, NULL);
}

static void amount_cell(uno_Any *a, gsize r, gsize c)
{
    (void)c;
    set_double(a, (double)((r * 7919) % 5000) * 10.0);
}

static void stage_cell(uno_Any *a, gsize r, gsize c)
{
    (void)c;
    set_string(a, stage_str[r % 100 == 0 ? 5 : (r * 31) % 5]);
}

static void table_cell(uno_Any *a, gsize r, gsize c)
{
    static const double P[] = { 0.1, 0.3, 0.5, 0.7, 1.0 };
    if (c == 0)
        set_string(a, stage_str[r]);
    else
        set_double(a, P[r]);
}

int main(int argc, char **argv)
{
    gsize rows = argc > 1 ? (gsize)atol(argv[1]) : 100000;
    int reps = argc > 2 ? atoi(argv[2]) : 3;
    for (int i = 0; i < 6; i++)
        rtl_uString_newFromAscii(&stage_str[i], STAGES[i]);
    uno_Sequence *amounts = make_rows(rows, 1, amount_cell);
    uno_Sequence *stages = make_rows(rows, 1, stage_cell);
    uno_Sequence *table = make_rows(5, 2, table_cell);
    double conv = 0, core = 0, v = 0;
    for (int i = 0; i < reps; i++) {
        gint64 t0 = g_get_monotonic_time();
        PcTable *a = cu_table_from_any_rows(amounts), *s = cu_table_from_any_rows(stages),
                *p = cu_table_from_any_rows(table);
        gint64 t1 = g_get_monotonic_time();
        PcForecastArgs args = { .amounts = a, .stages = s, .probabilities = p };
        if (pc_pipeline_forecast(&args, &v, NULL) != PC_OK)
            fprintf(stderr, "prof-convert: forecast failed\n");
        gint64 t2 = g_get_monotonic_time();
        pc_table_free(a);
        pc_table_free(s);
        pc_table_free(p);
        conv += (t1 - t0) / 1e6;
        core += (t2 - t1) / 1e6;
    }
    printf("prof-convert %zu rows: convert %.6f s, core %.6f s per call (forecast %.2f)\n", rows,
           conv / reps, core / reps, v);
    uno_type_destructData(&amounts, any_seq_seq_type(), NULL);
    uno_type_destructData(&stages, any_seq_seq_type(), NULL);
    uno_type_destructData(&table, any_seq_seq_type(), NULL);
    return 0;
}
