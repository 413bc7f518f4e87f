/* cu_convert.c - the only place that reads Calc's argument values. */
#include "cu_convert.h"

#include "cu_string.h"
#include "pc_status.h"

/* Calc hands equal cell texts over as one shared rtl_uString (its string pool), so a
 * cache from string pointer to text id skips converting and hashing repeats: a small
 * direct-mapped one for the few names that repeat in runs (stages), behind it a hash of
 * every string seen (ids in a shuffled stage log). The pointers stay valid for the whole
 * conversion: the argument holds the strings. */
#define TEXT_CACHE_SIZE 256
typedef struct {
    const rtl_uString *str[TEXT_CACHE_SIZE];
    guint32 id[TEXT_CACHE_SIZE];
    GHashTable *seen; /* rtl_uString* -> text id + 1, made on the first miss */
} TextCache;

static inline guint cache_slot(const rtl_uString *s)
{
    return (guint)(((guintptr)s >> 4) % TEXT_CACHE_SIZE);
}

static void set_text(PcTable *t, gsize row, gsize col, const rtl_uString *s, GString *buf,
                     TextCache *cache)
{
    guint slot = cache_slot(s);
    if (cache->str[slot] == s) {
        pc_table_set_text_id(t, row, col, cache->id[slot]);
        return;
    }
    if (!cache->seen)
        cache->seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    guint id1 = GPOINTER_TO_UINT(g_hash_table_lookup(cache->seen, s));
    if (id1) {
        pc_table_set_text_id(t, row, col, id1 - 1);
    } else {
        g_string_truncate(buf, 0);
        cu_utf16_append_utf8(buf, s->buffer, s->length);
        pc_table_set_text(t, row, col, buf->str, -1);
    }
    const PcCell *cell = pc_table_at(t, row, col);
    if (cell->kind == PC_CELL_TEXT) {
        cache->str[slot] = s;
        cache->id[slot] = cell->text;
        if (!id1)
            g_hash_table_insert(cache->seen, (gpointer)s, GUINT_TO_POINTER(cell->text + 1));
    }
}

/* Store one any into cell (ROW, COL). BUF is scratch space for UTF-8 conversion. */
static void set_cell(PcTable *t, gsize row, gsize col, const uno_Any *a, GString *buf,
                     TextCache *cache)
{
    switch (a->pType->eTypeClass) {
    case typelib_TypeClass_VOID:
        return; /* cells start empty */
    case typelib_TypeClass_DOUBLE:
        pc_table_set_number(t, row, col, *(const double *)a->pData);
        return;
    case typelib_TypeClass_STRING: {
        const rtl_uString *s = *(rtl_uString *const *)a->pData;
        if (s->length > 0)
            set_text(t, row, col, s, buf, cache);
        return;
    }
    case typelib_TypeClass_BOOLEAN:
        pc_table_set_number(t, row, col, *(const sal_Bool *)a->pData ? 1.0 : 0.0);
        return;
    case typelib_TypeClass_FLOAT:
        pc_table_set_number(t, row, col, *(const float *)a->pData);
        return;
    case typelib_TypeClass_BYTE:
        pc_table_set_number(t, row, col, *(const sal_Int8 *)a->pData);
        return;
    case typelib_TypeClass_SHORT:
        pc_table_set_number(t, row, col, *(const sal_Int16 *)a->pData);
        return;
    case typelib_TypeClass_UNSIGNED_SHORT:
        pc_table_set_number(t, row, col, *(const sal_uInt16 *)a->pData);
        return;
    case typelib_TypeClass_LONG:
        pc_table_set_number(t, row, col, *(const sal_Int32 *)a->pData);
        return;
    case typelib_TypeClass_UNSIGNED_LONG:
        pc_table_set_number(t, row, col, *(const sal_uInt32 *)a->pData);
        return;
    case typelib_TypeClass_HYPER:
        pc_table_set_number(t, row, col, (double)*(const sal_Int64 *)a->pData);
        return;
    case typelib_TypeClass_UNSIGNED_HYPER:
        pc_table_set_number(t, row, col, (double)*(const sal_uInt64 *)a->pData);
        return;
    default:
        /* a value we cannot read: an error cell, as for text where a number is needed */
        pc_table_set_error(t, row, col, pc_status_calc_code(PC_ERR_VALUE));
        return;
    }
}

PcTable *cu_table_from_any_rows(const uno_Sequence *rows)
{
    gsize n_rows = (gsize)rows->nElements, n_cols = 0;
    uno_Sequence *const *row_seqs = (uno_Sequence *const *)rows->elements;
    for (gsize r = 0; r < n_rows; r++) /* rows are equally long from Calc; be safe anyway */
        n_cols = MAX(n_cols, (gsize)row_seqs[r]->nElements);
    if (n_cols == 0)
        n_rows = 0;
    PcTable *t = pc_table_new(n_rows, n_cols);
    if (!t)
        return NULL;
    GString *buf = g_string_sized_new(64);
    TextCache *cache = g_new0(TextCache, 1);
    for (gsize r = 0; r < n_rows; r++) {
        const uno_Any *cells = (const uno_Any *)row_seqs[r]->elements;
        PcCell *out = &t->cells[r * n_cols]; /* in bounds: n_cols is the longest row */
        for (gsize c = 0; c < (gsize)row_seqs[r]->nElements; c++) {
            /* nearly every cell is a number or a repeated text: write those in place
             * (this loop runs once per cell of every argument of every call) */
            const uno_Any *a = &cells[c];
            if (a->pType->eTypeClass == typelib_TypeClass_DOUBLE) {
                out[c].kind = PC_CELL_NUMBER;
                out[c].num = *(const double *)a->pData;
                continue;
            }
            if (a->pType->eTypeClass == typelib_TypeClass_STRING) {
                const rtl_uString *str = *(rtl_uString *const *)a->pData;
                guint slot = cache_slot(str);
                if (cache->str[slot] == str) {
                    out[c].kind = PC_CELL_TEXT;
                    out[c].text = cache->id[slot];
                    continue;
                }
            }
            set_cell(t, r, c, a, buf, cache);
        }
    }
    if (cache->seen)
        g_hash_table_destroy(cache->seen);
    g_free(cache);
    g_string_free(buf, TRUE);
    return t;
}

PcTable *cu_table_from_any(const uno_Any *value, gboolean *ok)
{
    *ok = TRUE;
    if (value->pType->eTypeClass == typelib_TypeClass_VOID)
        return NULL;
    if (value->pType->eTypeClass == typelib_TypeClass_SEQUENCE) {
        /* Calc passes ranges and inline arrays as sequence< sequence< any > > */
        if (cu_ustr_equals_ascii(value->pType->pTypeName, "[][]any")) {
            PcTable *t = cu_table_from_any_rows(*(uno_Sequence *const *)value->pData);
            *ok = t != NULL;
            return t;
        }
    }
    PcTable *t = pc_table_new(1, 1);
    if (!t) {
        *ok = FALSE;
        return NULL;
    }
    GString *buf = g_string_new(NULL);
    TextCache cache = { { 0 }, { 0 }, NULL };
    set_cell(t, 0, 0, value, buf, &cache);
    if (cache.seen)
        g_hash_table_destroy(cache.seen);
    g_string_free(buf, TRUE);
    return t;
}

void cu_return_double_rows(void *ret, const double *values, gsize rows, gsize cols)
{
    typelib_TypeDescriptionReference *row_type = NULL, *outer_type = NULL;
    typelib_typedescriptionreference_newByAsciiName(&row_type, typelib_TypeClass_SEQUENCE, "[]double");
    typelib_typedescriptionreference_newByAsciiName(&outer_type, typelib_TypeClass_SEQUENCE, "[][]double");
    uno_Sequence *outer = NULL;
    uno_type_sequence_construct(&outer, outer_type, NULL, (sal_Int32)rows, NULL);
    uno_Sequence **row_seqs = (uno_Sequence **)outer->elements;
    for (gsize r = 0; r < rows; r++) {
        uno_Sequence *seq = NULL;
        uno_type_sequence_construct(&seq, row_type, (void *)(values + r * cols), (sal_Int32)cols, NULL);
        uno_Sequence *old = row_seqs[r]; /* default-constructed empty sequence */
        row_seqs[r] = seq;
        uno_type_destructData(&old, row_type, NULL);
    }
    *(uno_Sequence **)ret = outer;
    typelib_typedescriptionreference_release(row_type);
    typelib_typedescriptionreference_release(outer_type);
}
