/* prof_log.c - STAGE_CONVERSION's per-call work outside the office, for callgrind: a
 * stage-history log of ROWS rows (deal id | stage), ids shared per deal as Calc's string
 * pool shares equal cell texts, rows shuffled; per repetition it converts the argument
 * (cu_table_from_any_rows) and runs the core. Usage: prof-log [ROWS] [REPS]. */
#include "cu_convert.h"
#include "pc_stage.h"

#include <stdio.h>
#include <stdlib.h>

static const char *const STAGES[] = { "Lead", "Qualified", "Proposal", "Negotiation", "Won" };

static rtl_uString *ascii(const char *s)
{
    rtl_uString *u = NULL;
    rtl_uString_newFromAscii(&u, s);
    return u;
}

int main(int argc, char **argv)
{
    gsize rows = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;
    int reps = argc > 2 ? atoi(argv[2]) : 3;
    typelib_TypeDescriptionReference *any_seq = NULL, *any_seq_seq = NULL;
    typelib_static_sequence_type_init(&any_seq, *typelib_static_type_getByTypeClass(typelib_TypeClass_ANY));
    typelib_static_sequence_type_init(&any_seq_seq, any_seq);
    typelib_TypeDescriptionReference *str_type = *typelib_static_type_getByTypeClass(typelib_TypeClass_STRING);

    /* deals enter stages 0..furthest: about 2.9 rows per deal, as in the benchmark */
    GRand *rnd = g_rand_new_with_seed(42);
    GPtrArray *ids = g_ptr_array_new();
    GArray *stage_of = g_array_new(FALSE, FALSE, sizeof(int));
    rtl_uString *stage_str[5];
    for (int i = 0; i < 5; i++)
        stage_str[i] = ascii(STAGES[i]);
    for (gsize deal = 0; ids->len < rows; deal++) {
        char buf[32];
        g_snprintf(buf, sizeof buf, "D%07zu", deal);
        rtl_uString *id = ascii(buf);
        int furthest = g_rand_int_range(rnd, 0, 5);
        for (int s = 0; s <= furthest && ids->len < rows; s++) {
            rtl_uString_acquire(id);
            g_ptr_array_add(ids, id);
            g_array_append_val(stage_of, s);
        }
        rtl_uString_release(id);
    }
    for (gsize i = rows - 1; i > 0; i--) { /* shuffle: log rows come in any order */
        gsize j = (gsize)g_rand_int_range(rnd, 0, (gint32)(i + 1));
        gpointer t = ids->pdata[i]; ids->pdata[i] = ids->pdata[j]; ids->pdata[j] = t;
        int u = g_array_index(stage_of, int, i);
        g_array_index(stage_of, int, i) = g_array_index(stage_of, int, j);
        g_array_index(stage_of, int, j) = u;
    }
    uno_Sequence *outer = NULL;
    uno_type_sequence_construct(&outer, any_seq_seq, NULL, (sal_Int32)rows, NULL);
    for (gsize r = 0; r < rows; r++) {
        uno_Sequence *seq = NULL;
        uno_type_sequence_construct(&seq, any_seq, NULL, 2, NULL);
        uno_Any *cells = (uno_Any *)seq->elements;
        rtl_uString *id = ids->pdata[r];
        uno_type_any_assign(&cells[0], &id, str_type, NULL, NULL);
        uno_type_any_assign(&cells[1], &stage_str[g_array_index(stage_of, int, r)], str_type, NULL, NULL);
        uno_Sequence **slot = &((uno_Sequence **)outer->elements)[r];
        uno_type_destructData(slot, any_seq, NULL);
        *slot = seq;
    }
    PcTable *order = pc_table_new(5, 1);
    for (int i = 0; i < 5; i++)
        pc_table_set_text(order, (gsize)i, 0, STAGES[i], -1);
    for (int rep = 0; rep < reps; rep++) {
        gint64 t0 = g_get_monotonic_time();
        PcTable *t = cu_table_from_any_rows(outer);
        gint64 t1 = g_get_monotonic_time();
        double conv = 0;
        PcError err;
        PcStatus s = pc_stage_conversion(t, "Lead", "Won", order, NULL, &conv, &err);
        gint64 t2 = g_get_monotonic_time();
        printf("rows %zu: convert %.1f ms, core %.1f ms, status %d, conversion %.4f, texts %u\n", rows,
               (t1 - t0) / 1000.0, (t2 - t1) / 1000.0, (int)s, conv, pc_table_text_count(t));
        pc_table_free(t);
    }
    pc_table_free(order);
    uno_type_destructData(&outer, any_seq_seq, NULL);
    for (guint i = 0; i < ids->len; i++)
        rtl_uString_release(ids->pdata[i]);
    g_ptr_array_free(ids, TRUE);
    g_array_free(stage_of, TRUE);
    g_rand_free(rnd);
    for (int i = 0; i < 5; i++)
        rtl_uString_release(stage_str[i]);
    return 0;
}
