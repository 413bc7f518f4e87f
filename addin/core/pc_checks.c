/* pc_checks.c - the data checks of pc_checks.h. Exports pc_check_is_percent and
 * pc_checks_run; everything else has file scope. */
#include "pc_checks.h"

#include "pc_forecast.h"

#include <math.h>
#include <string.h>

enum { DEFAULT_MAX_REJECTED = 10, MAX_NAMES_LISTED = 5 };

gboolean pc_check_is_percent(double v)
{
    return isfinite(v) && v > 1.0 && v <= 100.0;
}

static void finding_free(gpointer data)
{
    PcFinding *f = data;
    g_array_free(f->rows, TRUE);
    g_free(f->detail);
    g_free(f);
}

static PcFinding *finding_new(PcCheckKind kind)
{
    PcFinding *f = g_new0(PcFinding, 1);
    f->kind = kind;
    f->rows = g_array_new(FALSE, FALSE, sizeof(gsize));
    return f;
}

/* Keep F in OUT when it found rows, else drop it. */
static void keep_if_found(GPtrArray *out, PcFinding *f)
{
    if (f->rows->len)
        g_ptr_array_add(out, f);
    else
        finding_free(f);
}

static void check_percent(const PcChecksArgs *a, gssize col, GPtrArray *out)
{
    if (col < 0)
        return;
    PcFinding *f = finding_new(PC_CHECK_PERCENT);
    for (gsize r = 1; r < a->table->rows; r++) {
        const PcCell *c = pc_table_at(a->table, r, (gsize)col);
        if (c->kind == PC_CELL_NUMBER && pc_check_is_percent(c->num))
            g_array_append_val(f->rows, r);
    }
    keep_if_found(out, f);
}

static void check_overdue(const PcChecksArgs *a, GPtrArray *keys, GPtrArray *out)
{
    const PcTable *t = a->table;
    gssize close = pc_roles_find(a->roles, t->cols, PC_ROLE_CLOSE_DATE);
    gssize oc = pc_roles_find(a->roles, t->cols, PC_ROLE_OUTCOME);
    gssize sc = pc_roles_find(a->roles, t->cols, PC_ROLE_STAGE);
    if (close < 0 || !isfinite(a->today))
        return;
    double today = floor(a->today);
    PcFinding *f = finding_new(PC_CHECK_OVERDUE);
    for (gsize r = 1; r < t->rows; r++) {
        const PcCell *c = pc_table_at(t, r, (gsize)close);
        if (c->kind != PC_CELL_NUMBER || !isfinite(c->num) || floor(c->num) >= today ||
            pc_roles_row_blank(t, r) || pc_roles_row_outcome(t, keys, r, oc, sc) != PC_OUTCOME_NONE)
            continue;
        g_array_append_val(f->rows, r);
    }
    keep_if_found(out, f);
}

/* Append NAME to the comma-separated list S, the first MAX_NAMES_LISTED only. */
static void list_name(GString *s, guint index, const char *name)
{
    if (index < MAX_NAMES_LISTED)
        g_string_append_printf(s, "%s%s", index ? ", " : "", name);
    else if (index == MAX_NAMES_LISTED)
        g_string_append(s, ", ...");
}

static void check_currencies(const PcChecksArgs *a, GPtrArray *keys, GPtrArray *out)
{
    const PcTable *t = a->table;
    gssize col = pc_roles_find(a->roles, t->cols, PC_ROLE_CURRENCY);
    if (col < 0)
        return;
    /* distinct currency keys, first-seen order, with their counts */
    GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);
    GPtrArray *names = g_ptr_array_new();
    GArray *counts = g_array_new(FALSE, TRUE, sizeof(gsize));
    for (gsize r = 1; r < t->rows; r++) {
        const PcCell *c = pc_table_at(t, r, (gsize)col);
        const char *key = c->kind == PC_CELL_TEXT ? g_ptr_array_index(keys, c->text) : "";
        if (!*key)
            continue;
        gpointer found;
        if (!g_hash_table_lookup_extended(index, key, NULL, &found)) {
            found = GUINT_TO_POINTER(names->len);
            g_hash_table_insert(index, (gpointer)key, found);
            g_ptr_array_add(names, (gpointer)pc_table_text(t, c));
            g_array_set_size(counts, names->len);
        }
        g_array_index(counts, gsize, GPOINTER_TO_UINT(found))++;
    }
    if (names->len > 1) {
        guint most = 0;
        for (guint i = 1; i < counts->len; i++)
            if (g_array_index(counts, gsize, i) > g_array_index(counts, gsize, most))
                most = i;
        PcFinding *f = finding_new(PC_CHECK_CURRENCIES);
        GString *s = g_string_new(NULL);
        for (guint i = 0; i < names->len; i++)
            list_name(s, i, g_ptr_array_index(names, i));
        f->detail = g_string_free(s, FALSE);
        /* the rows not in the most common currency */
        for (gsize r = 1; r < t->rows; r++) {
            const PcCell *c = pc_table_at(t, r, (gsize)col);
            if (c->kind != PC_CELL_TEXT || !*(const char *)g_ptr_array_index(keys, c->text))
                continue;
            gpointer i = g_hash_table_lookup(index, g_ptr_array_index(keys, c->text));
            if (GPOINTER_TO_UINT(i) != most)
                g_array_append_val(f->rows, r);
        }
        keep_if_found(out, f);
    }
    g_hash_table_destroy(index);
    g_ptr_array_free(names, TRUE);
    g_array_free(counts, TRUE);
}

/* Row R of T, whose cell C has the text key KEY, into F's rows; the text into NAMES once per
 * key (LISTED: the keys named so far). */
static void note_row(PcFinding *f, GString *names, GHashTable *listed, const PcTable *t,
                     const PcCell *c, const char *key, gsize r)
{
    g_array_append_val(f->rows, r);
    if (!g_hash_table_contains(listed, key)) {
        list_name(names, g_hash_table_size(listed), pc_table_text(t, c));
        g_hash_table_add(listed, (gpointer)key);
    }
}

static void check_unknown_stages(const PcChecksArgs *a, GPtrArray *keys, GPtrArray *out)
{
    const PcTable *t = a->table, *st = a->stage_table;
    gssize col = pc_roles_find(a->roles, t->cols, PC_ROLE_STAGE);
    if (col < 0 || !st || st->cols < 1)
        return;
    GHashTable *known = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (gsize r = 0; r < st->rows; r++) {
        const PcCell *c = pc_table_at(st, r, 0);
        if (c->kind == PC_CELL_TEXT)
            g_hash_table_add(known, pc_text_key(pc_table_text(st, c)));
    }
    GHashTable *listed = g_hash_table_new(g_str_hash, g_str_equal);
    GString *names = g_string_new(NULL);
    PcFinding *f = finding_new(PC_CHECK_UNKNOWN_STAGE);
    for (gsize r = 1; r < t->rows; r++) {
        const PcCell *c = pc_table_at(t, r, (gsize)col);
        if (c->kind != PC_CELL_TEXT)
            continue;
        const char *key = g_ptr_array_index(keys, c->text);
        if (*key && !g_hash_table_contains(known, key))
            note_row(f, names, listed, t, c, key, r);
    }
    f->detail = g_string_free(names, FALSE);
    keep_if_found(out, f);
    g_hash_table_destroy(listed);
    g_hash_table_destroy(known);
}

static void check_unwon_products(const PcChecksArgs *a, GPtrArray *keys, GPtrArray *out)
{
    const PcTable *t = a->table;
    gssize col = pc_roles_find(a->roles, t->cols, PC_ROLE_PRODUCT);
    gssize oc = pc_roles_find(a->roles, t->cols, PC_ROLE_OUTCOME);
    gssize sc = pc_roles_find(a->roles, t->cols, PC_ROLE_STAGE);
    if (col < 0)
        return;
    GHashTable *won = g_hash_table_new(g_str_hash, g_str_equal); /* product keys with a win */
    for (gsize r = 1; r < t->rows; r++) {
        const PcCell *c = pc_table_at(t, r, (gsize)col);
        if (c->kind == PC_CELL_TEXT &&
            pc_roles_row_outcome(t, keys, r, oc, sc) == PC_OUTCOME_WON)
            g_hash_table_add(won, g_ptr_array_index(keys, c->text));
    }
    PcFinding *f = finding_new(PC_CHECK_UNWON_PRODUCT);
    GHashTable *listed = g_hash_table_new(g_str_hash, g_str_equal);
    GString *names = g_string_new(NULL);
    for (gsize r = 1; r < t->rows && g_hash_table_size(won); r++) {
        const PcCell *c = pc_table_at(t, r, (gsize)col);
        if (c->kind != PC_CELL_TEXT || pc_roles_row_outcome(t, keys, r, oc, sc) != PC_OUTCOME_NONE)
            continue;
        const char *key = g_ptr_array_index(keys, c->text);
        if (*key && !g_hash_table_contains(won, key))
            note_row(f, names, listed, t, c, key, r);
    }
    f->detail = g_string_free(names, FALSE);
    keep_if_found(out, f);
    g_hash_table_destroy(listed);
    g_hash_table_destroy(won);
}

/* Copy cell SRC of table FROM into cell (ROW, 0) of TO. */
static void copy_cell(const PcTable *from, const PcCell *src, PcTable *to, gsize row)
{
    switch (src->kind) {
    case PC_CELL_NUMBER: pc_table_set_number(to, row, 0, src->num); break;
    case PC_CELL_TEXT: pc_table_set_text(to, row, 0, pc_table_text(from, src), -1); break;
    case PC_CELL_ERROR: pc_table_set_error(to, row, 0, (int)src->num); break;
    default: break;
    }
}

/* Column COL (or zeros when COL < 0) of rows ROWS[FROM..N) of T under a header text, which
 * PIPELINE_FORECAST skips: so no data row can ever be taken for a header. */
static PcTable *column_of(const PcTable *t, const gsize *rows, gsize from, gsize n, gssize col,
                          const char *header)
{
    PcTable *c = pc_table_new(n - from + 1, 1);
    if (!c)
        return NULL;
    pc_table_set_text(c, 0, 0, header, -1);
    for (gsize i = from; i < n; i++) {
        if (col < 0)
            pc_table_set_number(c, i - from + 1, 0, 0.0);
        else
            copy_cell(t, pc_table_at(t, rows[i], (gsize)col), c, i - from + 1);
    }
    return c;
}

/* MESSAGE without a leading "row N: " (the caller names the sheet's row instead). */
static const char *without_row_prefix(const char *message)
{
    /* "row 12: " in English, "Zeile 12: " in German (pc_status.h): one word, a space,
     * the row, ": " */
    const char *p = message;
    while (*p && *p != ' ' && *p != ':')
        p++;
    if (p == message || *p != ' ')
        return message;
    const char *digits = ++p;
    while (g_ascii_isdigit(*p))
        p++;
    return p > digits && p[0] == ':' && p[1] == ' ' ? p + 2 : message;
}

/* Run PIPELINE_FORECAST over the data rows (amount, stage, the per-deal probability column
 * or the stage table in use, close date) and report each row it rejects: after a rejected
 * row it runs again on the rows below, up to the limit. */
static void check_rejected(const PcChecksArgs *a, GPtrArray *out)
{
    const PcTable *t = a->table;
    gssize amount = pc_roles_find(a->roles, t->cols, PC_ROLE_AMOUNT);
    gssize stage = pc_roles_find(a->roles, t->cols, PC_ROLE_STAGE);
    gssize prob = pc_roles_find(a->roles, t->cols, PC_ROLE_PROBABILITY);
    gssize close = pc_roles_find(a->roles, t->cols, PC_ROLE_CLOSE_DATE);
    if (amount < 0 || stage < 0)
        return;
    gsize max = a->max_rejected ? a->max_rejected : DEFAULT_MAX_REJECTED;
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize r = 1; r < t->rows; r++)
        if (!pc_roles_row_blank(t, r))
            g_array_append_val(rows, r);
    const gsize *rv = (const gsize *)rows->data;
    /* with neither a probability column nor a stage table, 0 per deal: amounts and dates
     * are still checked */
    gboolean per_deal = prob >= 0 || !a->stage_table;
    gsize from = 0, found = 0;
    while (from < rows->len && found < max) {
        PcTable *am = column_of(t, rv, from, rows->len, amount, "(amount)");
        PcTable *sg = column_of(t, rv, from, rows->len, stage, "(stage)");
        PcTable *pr = per_deal ? column_of(t, rv, from, rows->len, prob, "(probability)") : NULL;
        PcTable *cd = close >= 0 ? column_of(t, rv, from, rows->len, close, "(close date)") : NULL;
        PcForecastArgs fa = { am, sg, per_deal ? pr : a->stage_table, cd, NULL, NULL, NULL, NULL };
        PcError err;
        pc_error_clear(&err);
        double v;
        PcStatus s = am && sg && (pr || !per_deal) && (cd || close < 0)
                         ? pc_pipeline_forecast(&fa, &v, &err)
                         : pc_fail(&err, PC_ERR_NOMEM, -1, -1, "the table is too large to check");
        pc_table_free(am);
        pc_table_free(sg);
        pc_table_free(pr);
        pc_table_free(cd);
        if (s == PC_OK)
            break;
        /* err.row counts rows of the argument ERR.ARG: ours (amounts, stages, per-deal
         * probabilities, close dates: row 0 our header, data row i is err.row - 1) or the
         * stage table's, whose "row N: " then stays in the sentence */
        gboolean ours = err.arg >= 0 && err.arg <= 3 && (err.arg != 2 || per_deal) &&
                        err.row >= 1 && from + (gsize)err.row - 1 < rows->len;
        PcFinding *f = finding_new(PC_CHECK_REJECTED);
        f->status = s;
        f->detail = g_strdup(ours ? without_row_prefix(err.message) : err.message);
        g_ptr_array_add(out, f);
        found++;
        if (!ours)
            break; /* not tied to a data row (shapes, the stage table): once is enough */
        gsize at = from + (gsize)err.row - 1;
        g_array_append_val(f->rows, rv[at]);
        from = at + 1;
    }
    g_array_free(rows, TRUE);
}

GPtrArray *pc_checks_run(const PcChecksArgs *a)
{
    g_return_val_if_fail(a && a->table && a->roles, NULL);
    GPtrArray *out = g_ptr_array_new_with_free_func(finding_free);
    const PcTable *t = a->table;
    if (t->rows < 2)
        return out;
    GPtrArray *keys = pc_text_keys(t);
    check_percent(a, pc_roles_find(a->roles, t->cols, PC_ROLE_PROBABILITY), out);
    check_overdue(a, keys, out);
    check_currencies(a, keys, out);
    check_unknown_stages(a, keys, out);
    check_unwon_products(a, keys, out);
    check_rejected(a, out);
    g_ptr_array_unref(keys);
    return out;
}
