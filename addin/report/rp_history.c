/* rp_history.c - the Pipeline history read back (rp_history.h). */
#include "rp_history.h"

#include "tx.h"

#include <math.h>
#include <string.h>

static const char *const HEAD[RP_HISTORY_COLS] = {
    N_("Snapshot"), N_("Deal"), N_("Stage"), N_("Amount"), N_("Close date"), N_("Owner"),
    N_("Outcome"), N_("Probability"),
};

const char *rp_history_head(gsize col)
{
    return col < RP_HISTORY_COLS ? HEAD[col] : "";
}

gboolean rp_history_is(const PcTable *t)
{
    if (!t || t->rows == 0 || t->cols != RP_HISTORY_COLS)
        return FALSE;
    for (gsize j = 0; j < RP_HISTORY_COLS; j++) {
        const PcCell *c = pc_table_at(t, 0, j);
        if (c->kind != PC_CELL_TEXT)
            return FALSE;
        const char *h = pc_table_text(t, c);
        if (strcmp(h, HEAD[j]) != 0 && strcmp(h, _(HEAD[j])) != 0)
            return FALSE;
    }
    return TRUE;
}

/* Row I's day, or NAN when its Snapshot cell holds no date. */
static double day_of(const PcTable *t, gsize i)
{
    const PcCell *d = pc_table_at(t, i, RP_HISTORY_DATE);
    return d->kind == PC_CELL_NUMBER && isfinite(d->num) && d->num > 0 ? floor(d->num) : NAN;
}

static int by_day(gconstpointer a, gconstpointer b, gpointer data)
{
    const double *day = data;
    double x = day[*(const gsize *)a], y = day[*(const gsize *)b];
    return x < y ? -1 : x > y ? 1 : (*(const gsize *)a > *(const gsize *)b) - (*(const gsize *)a < *(const gsize *)b);
}

/* A number cell's value into *V (0 for empty); FALSE for anything else. */
static gboolean number_of(const PcCell *c, double *v)
{
    *v = c->kind == PC_CELL_NUMBER ? c->num : 0;
    return (c->kind == PC_CELL_NUMBER && isfinite(c->num)) || c->kind == PC_CELL_EMPTY;
}

static const char *text_of(const PcTable *t, const PcCell *c, GStringChunk *store)
{
    if (c->kind == PC_CELL_TEXT)
        return pc_table_text(t, c);
    if (c->kind == PC_CELL_NUMBER) {
        char buf[32];
        g_snprintf(buf, sizeof buf, "%.15g", c->num);
        return g_string_chunk_insert_const(store, buf);
    }
    return NULL;
}

/* Row I of T as deal *D; FALSE with the user's sentence for a cell it cannot read. */
static gboolean deal_of(const PcTable *t, gsize i, gsize sheet_row, GStringChunk *store,
                        PcSnapDeal *d, char **message)
{
    memset(d, 0, sizeof *d);
    d->name = text_of(t, pc_table_at(t, i, RP_HISTORY_DEAL), store);
    if (!d->name || pc_text_is_space(d->name)) {
        *message = g_strdup_printf(_("Pipeline history, row %zu: no deal name. Nothing was "
                                     "written."), sheet_row);
        return FALSE;
    }
    d->stage = text_of(t, pc_table_at(t, i, RP_HISTORY_STAGE), store);
    d->owner = text_of(t, pc_table_at(t, i, RP_HISTORY_OWNER), store);
    const PcCell *p = pc_table_at(t, i, RP_HISTORY_PROBABILITY);
    gboolean ok = number_of(pc_table_at(t, i, RP_HISTORY_AMOUNT), &d->amount) &&
                  number_of(pc_table_at(t, i, RP_HISTORY_CLOSE), &d->close) &&
                  number_of(p, &d->probability) && d->probability >= 0 && d->probability <= 1;
    if (!ok) {
        *message = g_strdup_printf(_("Pipeline history, row %zu: the amount, close date or "
                                     "probability is not a number (a probability in 0-1). "
                                     "Nothing was written."), sheet_row);
        return FALSE;
    }
    d->typed = p->kind == PC_CELL_NUMBER;
    const PcCell *o = pc_table_at(t, i, RP_HISTORY_OUTCOME);
    if (o->kind == PC_CELL_TEXT) {
        char *key = pc_text_key(pc_table_text(t, o));
        d->outcome = pc_outcome_of_key(key);
        g_free(key);
    }
    return TRUE;
}

gboolean rp_history_read(const PcTable *t, gsize row0, RpHistory *h, char **message)
{
    memset(h, 0, sizeof *h);
    *message = NULL;
    if (!rp_history_is(t)) {
        *message = g_strdup(_("The marked Pipeline history sheet no longer has the columns "
                              "Snapshot writes (Snapshot | Deal | Stage | ...): its header was "
                              "changed. Nothing was written."));
        return FALSE;
    }
    h->names = g_string_chunk_new(256);
    double *day = g_new(double, t->rows);
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize i = 1; i < t->rows; i++) {
        if (pc_roles_row_blank(t, i))
            continue;
        if (isnan(day[i] = day_of(t, i))) {
            *message = g_strdup_printf(_("Pipeline history, row %zu: the Snapshot cell holds "
                                         "no date. Nothing was written."), row0 + i + 1);
            break;
        }
        g_array_append_val(rows, i);
    }
    if (!*message)
        g_array_sort_with_data(rows, by_day, day);
    /* one snapshot per day: rows of a day are consecutive now */
    GArray *snaps = g_array_new(FALSE, TRUE, sizeof(RpSnapshotDeals));
    for (guint k = 0; k < rows->len && !*message;) {
        gsize first = g_array_index(rows, gsize, k);
        guint end = k;
        while (end < rows->len && day[g_array_index(rows, gsize, end)] == day[first])
            end++;
        RpSnapshotDeals s = { day[first], g_new(PcSnapDeal, end - k), 0 };
        for (; k < end && !*message; k++) {
            gsize i = g_array_index(rows, gsize, k);
            if (deal_of(t, i, row0 + i + 1, h->names, &s.deals[s.n], message))
                s.n++;
        }
        g_array_append_val(snaps, s);
    }
    g_array_free(rows, TRUE);
    g_free(day);
    h->n = snaps->len;
    h->snap = (RpSnapshotDeals *)(void *)g_array_free(snaps, FALSE);
    if (*message) {
        rp_history_clear(h);
        return FALSE;
    }
    return TRUE;
}

void rp_history_clear(RpHistory *h)
{
    for (gsize i = 0; i < h->n; i++)
        g_free(h->snap[i].deals);
    g_free(h->snap);
    if (h->names)
        g_string_chunk_free(h->names);
    memset(h, 0, sizeof *h);
}
