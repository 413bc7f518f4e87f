/* pc_duration.c - STAGE_DURATION and the stays of a dated stage log (rules in pc_duration.h).
 *
 * The log is read once into entries (deal, stage, date, row); one sort by deal, date and row
 * puts every deal's history in order, and one walk over it cuts the stays. Deals and stages
 * are numbered as the log names them first, so the result never depends on hash order.
 */
#include "pc_duration.h"

#include "pc_args.h"
#include "pc_num.h"
#include "pc_text.h"

#include <stdlib.h>

typedef struct {
    gsize deal, stage, row;
    double date;
} Entry;

/* Numbering of deals (by id) and stages (by key), in order of first appearance. */
typedef struct {
    const PcTable *log;
    int arg;
    GPtrArray *keys;          /* text id -> pc_text_key */
    GHashTable *deal_of_key;  /* key (borrowed) -> deal + 1 */
    GHashTable *deal_of_num;  /* double* into the log's cells -> deal + 1 */
    GHashTable *stage_of_key; /* key (borrowed) -> stage + 1 */
    GArray *deal_rows;        /* deal -> first row */
    GPtrArray *stage_names;   /* stage -> name as first spelled (borrowed) */
} Numbering;

static gboolean blank(const Numbering *nb, const PcCell *c)
{
    return c->kind == PC_CELL_EMPTY ||
           (c->kind == PC_CELL_TEXT && *(const char *)g_ptr_array_index(nb->keys, c->text) == 0);
}

static gsize number_of(GHashTable *index, gconstpointer key, gsize next)
{
    gsize one_based = GPOINTER_TO_SIZE(g_hash_table_lookup(index, key));
    if (one_based)
        return one_based - 1;
    g_hash_table_insert(index, (gpointer)key, GSIZE_TO_POINTER(next + 1));
    return next;
}

static gsize deal_of(Numbering *nb, const PcCell *id, gsize row)
{
    gsize next = nb->deal_rows->len;
    gsize d = id->kind == PC_CELL_TEXT
                  ? number_of(nb->deal_of_key, g_ptr_array_index(nb->keys, id->text), next)
                  : number_of(nb->deal_of_num, &id->num, next);
    if (d == next)
        g_array_append_val(nb->deal_rows, row);
    return d;
}

static gsize stage_of(Numbering *nb, const PcCell *stage)
{
    gsize next = nb->stage_names->len;
    gsize s = number_of(nb->stage_of_key, g_ptr_array_index(nb->keys, stage->text), next);
    if (s == next)
        g_ptr_array_add(nb->stage_names, (gpointer)pc_table_text(nb->log, stage));
    return s;
}

/* Check row I's three cells (not all blank) and turn them into *E. */
static PcStatus read_row(Numbering *nb, gsize i, Entry *e, PcError *err)
{
    const PcCell *id = pc_table_at(nb->log, i, 0), *st = pc_table_at(nb->log, i, 1),
                 *date = pc_table_at(nb->log, i, 2);
    int arg = nb->arg;
    if (id->kind == PC_CELL_ERROR || st->kind == PC_CELL_ERROR || date->kind == PC_CELL_ERROR)
        return pc_fail(err, PC_ERR_VALUE, arg, (gssize)i, "%s row %zu holds an error value",
                       pc_status_translate("StageLog"), i + 1);
    if (blank(nb, id))
        return pc_fail(err, PC_ERR_NA, arg, (gssize)i, "StageLog row %zu has no deal id", i + 1);
    if (blank(nb, st))
        return pc_fail(err, PC_ERR_NA, arg, (gssize)i, "StageLog row %zu has no stage", i + 1);
    if (blank(nb, date))
        return pc_fail(err, PC_ERR_NA, arg, (gssize)i, "StageLog row %zu has no date", i + 1);
    if (st->kind == PC_CELL_NUMBER)
        return pc_fail(err, PC_ERR_VALUE, arg, (gssize)i,
                       "StageLog row %zu: the number %g is not a stage name", i + 1, st->num);
    if (date->kind == PC_CELL_TEXT)
        return pc_fail(err, PC_ERR_VALUE, arg, (gssize)i,
                       "StageLog row %zu: \"%s\" is not a date", i + 1,
                       pc_table_text(nb->log, date));
    if ((id->kind == PC_CELL_NUMBER && !isfinite(id->num)) || !isfinite(date->num))
        return pc_fail(err, PC_ERR_NUM, arg, (gssize)i,
                       "%s row %zu holds a number that is not finite",
                       pc_status_translate("StageLog"), i + 1);
    e->deal = deal_of(nb, id, i);
    e->stage = stage_of(nb, st);
    e->date = date->num;
    e->row = i;
    return PC_OK;
}

static int compare_entries(const void *pa, const void *pb)
{
    const Entry *a = pa, *b = pb;
    if (a->deal != b->deal)
        return a->deal < b->deal ? -1 : 1;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    return (a->row > b->row) - (a->row < b->row);
}

static int compare_doubles(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return (a > b) - (a < b);
}

/* The first row is a header when its three cells are non-blank texts. */
static gboolean is_header(const Numbering *nb)
{
    for (gsize c = 0; c < 3; c++) {
        const PcCell *cell = pc_table_at(nb->log, 0, c);
        if (cell->kind != PC_CELL_TEXT || blank(nb, cell))
            return FALSE;
    }
    return TRUE;
}

/* Read the entries of the log into *ENTRIES (*N of them), numbering deals and stages. */
static PcStatus read_entries(Numbering *nb, Entry **entries, gsize *n, PcError *err)
{
    const PcTable *log = nb->log;
    *entries = g_try_new(Entry, MAX(log->rows, 1));
    *n = 0;
    if (!*entries)
        return pc_fail(err, PC_ERR_NOMEM, nb->arg, -1, "StageLog is too large for memory");
    for (gsize i = is_header(nb) ? 1 : 0; i < log->rows; i++) {
        if (blank(nb, pc_table_at(log, i, 0)) && blank(nb, pc_table_at(log, i, 1)) &&
            blank(nb, pc_table_at(log, i, 2)))
            continue;
        PcStatus st = read_row(nb, i, &(*entries)[*n], err);
        if (st != PC_OK)
            return st;
        (*n)++;
    }
    return PC_OK;
}

/* Cut the sorted ENTRIES into stays, adding each to its stage in STAYS. Returns FALSE when
 * a stay is longer than a double holds (dates near -DBL_MAX and DBL_MAX). */
static gboolean cut_stays(const Entry *entries, gsize n, const GArray *deal_rows, PcStays *stays)
{
    gboolean finite = TRUE;
    GArray **done = g_new(GArray *, stays->n_stages);
    GArray **open = g_new(GArray *, stays->n_stages);
    for (gsize s = 0; s < stays->n_stages; s++) {
        done[s] = g_array_new(FALSE, FALSE, sizeof(double));
        open[s] = g_array_new(FALSE, FALSE, sizeof(PcOpenStay));
    }
    for (gsize i = 0; i < n;) {
        gsize start = i; /* the first entry of a stay */
        while (i < n && entries[i].deal == entries[start].deal &&
               entries[i].stage == entries[start].stage)
            i++;
        gsize stage = entries[start].stage;
        if (i < n && entries[i].deal == entries[start].deal) {
            double days = entries[i].date - entries[start].date;
            finite = finite && isfinite(days);
            g_array_append_val(done[stage], days);
        } else {
            PcOpenStay o = { g_array_index(deal_rows, gsize, entries[start].deal),
                             entries[start].date };
            g_array_append_val(open[stage], o);
        }
    }
    for (gsize s = 0; s < stays->n_stages; s++) {
        PcStageStays *st = &stays->stages[s];
        st->n_done = done[s]->len;
        st->done = (double *)g_array_free(done[s], FALSE);
        if (st->n_done > 1)
            qsort(st->done, st->n_done, sizeof(double), compare_doubles);
        st->n_open = open[s]->len;
        st->open = (PcOpenStay *)g_array_free(open[s], FALSE);
    }
    g_free(done);
    g_free(open);
    return finite;
}

PcStatus pc_stays_read(const PcTable *stage_log, int arg, PcStays **stays, PcError *err)
{
    g_return_val_if_fail(stays, PC_ERR_ARG);
    *stays = NULL;
    if (stage_log && stage_log->rows > 0 && stage_log->cols != 3)
        return pc_fail_n(err, PC_ERR_ARG, arg, -1, stage_log->cols,
                         "StageLog must have three columns (deal id | stage | date entered), "
                         "not %zu column",
                         "StageLog must have three columns (deal id | stage | date entered), "
                         "not %zu columns", stage_log->cols);
    PcStays *out = g_new0(PcStays, 1);
    if (!stage_log || stage_log->rows == 0) {
        *stays = out;
        return PC_OK;
    }
    Numbering nb = {
        stage_log, arg, pc_text_keys(stage_log), g_hash_table_new(g_str_hash, g_str_equal),
        g_hash_table_new(pc_number_hash, pc_number_equal),
        g_hash_table_new(g_str_hash, g_str_equal), g_array_new(FALSE, FALSE, sizeof(gsize)),
        g_ptr_array_new(),
    };
    Entry *entries;
    gsize n;
    PcStatus st = read_entries(&nb, &entries, &n, err);
    if (st == PC_OK) {
        if (n > 1)
            qsort(entries, n, sizeof *entries, compare_entries);
        out->n_deals = nb.deal_rows->len;
        out->n_stages = nb.stage_names->len;
        out->stages = g_new0(PcStageStays, MAX(out->n_stages, 1));
        for (gsize s = 0; s < out->n_stages; s++)
            out->stages[s].name = g_strdup(g_ptr_array_index(nb.stage_names, s));
        if (!cut_stays(entries, n, nb.deal_rows, out))
            st = pc_fail(err, PC_ERR_NUM, arg, -1,
                         "StageLog: the dates of a stay are too far apart to count its days");
    }
    g_free(entries);
    g_ptr_array_unref(nb.stage_names);
    g_array_free(nb.deal_rows, TRUE);
    g_hash_table_destroy(nb.stage_of_key);
    g_hash_table_destroy(nb.deal_of_num);
    g_hash_table_destroy(nb.deal_of_key);
    g_ptr_array_unref(nb.keys);
    if (st != PC_OK) {
        pc_stays_free(out);
        return st;
    }
    *stays = out;
    return PC_OK;
}

void pc_stays_free(PcStays *stays)
{
    if (!stays)
        return;
    for (gsize s = 0; s < stays->n_stages; s++) {
        g_free(stays->stages[s].name);
        g_free(stays->stages[s].done);
        g_free(stays->stages[s].open);
    }
    g_free(stays->stages);
    g_free(stays);
}

const PcStageStays *pc_stays_find(const PcStays *stays, const char *name)
{
    char *key = pc_text_key(name);
    const PcStageStays *found = NULL;
    for (gsize s = 0; s < stays->n_stages && !found; s++) {
        char *k = pc_text_key(stays->stages[s].name);
        if (strcmp(k, key) == 0)
            found = &stays->stages[s];
        g_free(k);
    }
    g_free(key);
    return found;
}

double pc_percentile_inc(const double *sorted, gsize n, double p)
{
    double rank = (double)(n - 1) * p;
    gsize lo = (gsize)floor(rank);
    if (lo + 1 >= n)
        return sorted[n - 1];
    return sorted[lo] + (rank - (double)lo) * (sorted[lo + 1] - sorted[lo]);
}

/* The mean of the N values X, summed without losing small stays beside long ones. */
static double mean_of(const double *x, gsize n)
{
    PcSum s = { 0, 0 };
    for (gsize i = 0; i < n; i++)
        pc_sum_add(&s, x[i]);
    return pc_sum_value(&s) / (double)n;
}

PcStatus pc_stage_duration(const PcTable *stage_log, const char *stage, const PcTable *percentile,
                           double *result, PcError *err)
{
    g_return_val_if_fail(stage && result, PC_ERR_ARG);
    if (pc_text_is_space(stage))
        return pc_fail(err, PC_ERR_VALUE, PC_DURATION_STAGE, -1, "Stage is empty");
    gboolean given;
    double p = 0;
    PcStatus st = pc_optional_number(percentile, PC_DURATION_PERCENTILE, "Percentile", &given, &p,
                                     err);
    if (st != PC_OK)
        return st;
    if (given && p > 1 && p < 100)
        return pc_fail(err, PC_ERR_NUM, PC_DURATION_PERCENTILE, -1,
                       "Percentile %g is not between 0 and 1; type %g%% or %g", p, p, p / 100.0);
    if (given && (p < 0 || p > 1))
        return pc_fail(err, PC_ERR_NUM, PC_DURATION_PERCENTILE, -1,
                       "Percentile %g is not between 0 and 1 (0.9 for P90)", p);
    PcStays *stays;
    st = pc_stays_read(stage_log, PC_DURATION_LOG, &stays, err);
    if (st != PC_OK)
        return st;
    const PcStageStays *in = pc_stays_find(stays, stage);
    if (!in)
        st = pc_fail(err, PC_ERR_DIV0, PC_DURATION_STAGE, -1,
                     "no stay in stage \"%s\": StageLog never names it", stage);
    else if (in->n_done == 0)
        st = pc_fail(err, PC_ERR_DIV0, PC_DURATION_STAGE, -1,
                     "no deal has left stage \"%s\" yet: no completed stay", in->name);
    else
        *result = given ? pc_percentile_inc(in->done, in->n_done, p) : mean_of(in->done, in->n_done);
    pc_stays_free(stays);
    return st;
}
