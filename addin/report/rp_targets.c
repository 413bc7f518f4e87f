/* rp_targets.c - targets per month or quarter, typed or read from a table (rp_targets.h). */
#include "rp_targets.h"

#include "tx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const PERIOD_HEADS[] = { "month", "monat", "quarter", "quartal", "period",
                                            "periode", "zeitraum", NULL };
static const char *const QUARTER_HEADS[] = { "quarter", "quartal", NULL };
static const char *const TARGET_HEADS[] = { "target", "ziel", "soll", "quota", "zielwert",
                                            "sollwert", NULL };

gint rp_quarter_of_month(gint m)
{
    return m - m % 3;
}

void rp_period_label(gint first, gboolean quarter, char *buf, gsize size)
{
    if (quarter)
        g_snprintf(buf, size, "Q%d %d", first % 12 / 3 + 1, first / 12);
    else
        pc_month_label(first, buf, size);
}

/* TEXT as a period: its first month into *FIRST and whether it is a quarter. Two parts
 * between non-alphanumeric characters (or a quarter's "Q" and a year run together with
 * nothing between, "Q12027" being no period): a year of four digits and a month (1-12) or
 * "Q" and a quarter (1-4), either first. */
static gboolean period_of_text(const char *text, gint *first, gboolean *quarter)
{
    char **parts = g_strsplit_set(text, " \t/.-_,", -1);
    gint year = -1, month = -1, q = -1, n = 0;
    gboolean ok = TRUE;
    for (char **p = parts; *p && ok; p++) {
        const char *s = *p;
        if (!*s)
            continue;
        n++;
        gboolean is_q = (s[0] == 'Q' || s[0] == 'q') && s[1];
        const char *digits = is_q ? s + 1 : s;
        ok = strspn(digits, "0123456789") == strlen(digits) && strlen(digits) <= 4;
        if (!ok)
            break;
        gint v = atoi(digits);
        if (is_q)
            ok = q < 0 && strlen(digits) == 1 && (q = v) >= 1 && q <= 4;
        else if (strlen(digits) == 4)
            ok = year < 0 && (year = v) >= 1900 && year <= 9999;
        else
            ok = month < 0 && (month = v) >= 1 && month <= 12;
    }
    g_strfreev(parts);
    ok = ok && n == 2 && year >= 0 && (month >= 0) != (q >= 0);
    if (ok) {
        *quarter = q >= 0;
        *first = year * 12 + (q >= 0 ? (q - 1) * 3 : month - 1);
    }
    return ok;
}

static gint by_first(gconstpointer a, gconstpointer b)
{
    const RpTarget *x = a, *y = b;
    return (x->first > y->first) - (x->first < y->first);
}

/* Sort OUT's targets and check them: all months or all quarters (QUARTER of each in
 * KINDS), no period twice. ENTRY names each target's entry for the messages. */
static gboolean check(RpTargets *out, GArray *targets, GArray *kinds, GPtrArray *entries,
                      char **message)
{
    for (guint i = 1; i < kinds->len; i++)
        if (g_array_index(kinds, gboolean, i) != g_array_index(kinds, gboolean, 0)) {
            *message = g_strdup_printf(_("Targets: give every target per month or every one per "
                                         "quarter, not both (%s). Nothing was written."),
                                       (const char *)g_ptr_array_index(entries, i));
            return FALSE;
        }
    out->quarters = kinds->len && g_array_index(kinds, gboolean, 0);
    out->n = targets->len;
    out->t = (RpTarget *)(void *)g_array_free(targets, FALSE);
    if (out->n > 1) /* none: no array to sort (qsort of NULL is undefined even for 0) */
        qsort(out->t, out->n, sizeof *out->t, (int (*)(const void *, const void *))by_first);
    for (gsize i = 1; i < out->n; i++)
        if (out->t[i].first == out->t[i - 1].first) {
            char label[16];
            rp_period_label(out->t[i].first, out->quarters, label, sizeof label);
            *message = g_strdup_printf(_("Targets: %s is given twice. Nothing was written."), label);
            return FALSE;
        }
    return TRUE;
}

/* The end of a parse or read that went OK so far: its targets checked into OUT (as check),
 * or, on a failure, OUT cleared; the lists freed either way. */
static gboolean finish(gboolean ok, RpTargets *out, GArray *targets, GArray *kinds,
                       GPtrArray *entries, char **message)
{
    ok = ok && check(out, targets, kinds, entries, message);
    if (!ok) {
        if (!out->t)
            g_array_free(targets, TRUE);
        rp_targets_clear(out);
    }
    g_array_free(kinds, TRUE);
    g_ptr_array_unref(entries);
    return ok;
}

/* Add the target of FIRST (QUARTER) to the lists. */
static void add(GArray *targets, GArray *kinds, GPtrArray *entries, gint first, gboolean quarter,
                double target, const char *entry)
{
    RpTarget t = { first, first + (quarter ? 2 : 0), target };
    g_array_append_val(targets, t);
    g_array_append_val(kinds, quarter);
    g_ptr_array_add(entries, g_strdup(entry));
}

gboolean rp_targets_parse(const char *spec, const RpNumbers *numbers, RpTargets *out,
                          char **message)
{
    memset(out, 0, sizeof *out);
    *message = NULL;
    char **parts = g_strsplit_set(spec ? spec : "", ";\n", -1);
    GArray *targets = g_array_new(FALSE, FALSE, sizeof(RpTarget));
    GArray *kinds = g_array_new(FALSE, FALSE, sizeof(gboolean));
    GPtrArray *entries = g_ptr_array_new_with_free_func(g_free);
    gboolean ok = TRUE;
    for (char **p = parts; *p && ok; p++) {
        char *entry = g_strstrip(*p);
        if (!*entry)
            continue;
        char *quoted = g_strdup_printf("\"%s\"", entry);
        char *eq = strchr(entry, '=');
        gint first = 0;
        gboolean quarter = FALSE;
        double v = 0;
        if (!eq) {
            *message = g_strdup_printf(_("Targets: %s is no period and amount (type 2027-01=100000 "
                                         "or Q1 2027=300000). Nothing was written."), quoted);
            ok = FALSE;
        } else {
            *eq = 0;
            char *period = g_strstrip(entry), *amount = g_strstrip(eq + 1);
            if (!period_of_text(period, &first, &quarter)) {
                *message = g_strdup_printf(_("Targets: \"%s\" names no month or quarter (type "
                                             "2027-01 or Q1 2027). Nothing was written."), period);
                ok = FALSE;
            } else if (!*amount || !numbers->read(numbers->data, amount, &v) || !isfinite(v) ||
                       v <= 0) {
                *message = g_strdup_printf(_("Targets: \"%s\" is no amount above 0 (the target of "
                                             "%s). Nothing was written."), amount, period);
                ok = FALSE;
            } else {
                add(targets, kinds, entries, first, quarter, v, quoted);
            }
        }
        g_free(quoted);
    }
    g_strfreev(parts);
    return finish(ok, out, targets, kinds, entries, message);
}

/* The first column of T whose header key is one of WORDS, or -1. */
static gssize column_of(const PcTable *t, const char *const *words)
{
    for (gsize c = 0; c < t->cols; c++) {
        const PcCell *h = pc_table_at(t, 0, c);
        if (h->kind != PC_CELL_TEXT)
            continue;
        char *key = pc_text_key(pc_table_text(t, h));
        gboolean found = FALSE;
        for (const char *const *w = words; *w && !found; w++)
            found = strcmp(key, *w) == 0;
        g_free(key);
        if (found)
            return (gssize)c;
    }
    return -1;
}

gboolean rp_targets_read(const PcTable *t, gsize row0, const PcDates *dates, RpTargets *out,
                         char **message)
{
    memset(out, 0, sizeof *out);
    *message = NULL;
    gssize pcol = t->rows ? column_of(t, PERIOD_HEADS) : -1;
    gssize tcol = t->rows ? column_of(t, TARGET_HEADS) : -1;
    if (pcol < 0 || tcol < 0) {
        *message = g_strdup(_("The targets table needs a header row with a Month (or Quarter) "
                              "column and a Target column. Nothing was written."));
        return FALSE;
    }
    const PcCell *head = pc_table_at(t, 0, (gsize)pcol);
    char *key = pc_text_key(pc_table_text(t, head));
    gboolean quarter_head = FALSE;
    for (const char *const *w = QUARTER_HEADS; *w; w++)
        quarter_head |= strcmp(key, *w) == 0;
    g_free(key);
    GArray *targets = g_array_new(FALSE, FALSE, sizeof(RpTarget));
    GArray *kinds = g_array_new(FALSE, FALSE, sizeof(gboolean));
    GPtrArray *entries = g_ptr_array_new_with_free_func(g_free);
    gboolean ok = TRUE;
    for (gsize r = 1; r < t->rows && ok; r++) {
        const PcCell *pc = pc_table_at(t, r, (gsize)pcol), *tc = pc_table_at(t, r, (gsize)tcol);
        if (pc_roles_row_blank(t, r))
            continue;
        gsize sheet_row = row0 + r + 1;
        gint first = -1;
        gboolean quarter = FALSE;
        if (pc->kind == PC_CELL_NUMBER && (first = pc_month_of_serial(dates, pc->num)) >= 0) {
            quarter = quarter_head;
            if (quarter)
                first = rp_quarter_of_month(first);
        } else if (pc->kind != PC_CELL_TEXT || !period_of_text(pc_table_text(t, pc), &first, &quarter)) {
            first = -1;
        }
        if (first < 0) {
            *message = g_strdup_printf(_("Targets, sheet row %zu: the period is no month or quarter "
                                         "(type 2027-01 or Q1 2027, or a date). Nothing was "
                                         "written."), sheet_row);
            ok = FALSE;
        } else if (tc->kind != PC_CELL_NUMBER || !isfinite(tc->num) || tc->num <= 0) {
            *message = g_strdup_printf(_("Targets, sheet row %zu: the target is no amount above 0. "
                                         "Nothing was written."), sheet_row);
            ok = FALSE;
        } else {
            char *entry = g_strdup_printf(_("sheet row %zu"), sheet_row);
            add(targets, kinds, entries, first, quarter, tc->num, entry);
            g_free(entry);
        }
    }
    return finish(ok, out, targets, kinds, entries, message);
}

void rp_targets_clear(RpTargets *t)
{
    g_free(t->t);
    memset(t, 0, sizeof *t);
}

const RpTarget *rp_targets_find(const RpTargets *t, gint first)
{
    for (gsize i = 0; i < t->n; i++)
        if (t->t[i].first == first)
            return &t->t[i];
    return NULL;
}
