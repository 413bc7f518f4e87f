/* fuzz_roles.c - libFuzzer harness for the sidebar's core: header/role recognition
 * (pc_roles.h), month grouping (pc_months.h) and row/column selection (pc_select.h).
 *
 * Invariants: every role is a PcRole value with an id; each role except attribute and
 * ignored is given to at most one column, and pc_roles_find finds it there; an IGNORED
 * column stays ignored; won + lost + open = rows <= data rows; the stage order lists
 * distinct, non-blank, non-outcome names in valid UTF-8, each taken from the column;
 * a serial's month contains it (first day <= floor(serial) <= last day) and labels it
 * "YYYY-MM"; a selection copies cells exactly; the data checks (pc_checks.h) report
 * kinds in order with data rows ascending inside the table, valid UTF-8 details and a
 * status only for rejected rows; same input twice, same answers.
 */
#include "fuzz_common.h"
#include "pc_checks.h"
#include "pc_months.h"
#include "pc_roles.h"
#include "pc_select.h"

static void check_months(double serial)
{
    PcDates dates = pc_dates_default();
    gint m = pc_month_of_serial(&dates, serial);
    FZ_CHECK(m == pc_month_of_serial(&dates, serial), "month not deterministic");
    if (m < 0) {
        FZ_CHECK(m == -1, "month %d", m);
        FZ_CHECK(!isfinite(serial) || serial < 2 || serial >= 2958466, "serial %.17g refused", serial);
        return;
    }
    FZ_CHECK(isfinite(serial) && serial >= 2 && serial < 2958466, "serial %.17g accepted", serial);
    double first = pc_month_first_day(&dates, m), last = pc_month_last_day(&dates, m);
    FZ_CHECK(first <= floor(serial) && floor(serial) <= last, "serial %.17g not in month %d [%g, %g]",
             serial, m, first, last);
    FZ_CHECK(last - first >= 27 && last - first <= 30, "month %d is %g days", m, last - first + 1);
    FZ_CHECK(pc_month_of_serial(&dates, first) == m && pc_month_of_serial(&dates, last) == m, "month %d ends", m);
    char label[8];
    pc_month_label(m, label, sizeof label);
    FZ_CHECK(strlen(label) == 7 && label[4] == '-', "label '%s'", label);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FzIn in = { data, size };
    uint8_t flags = fz_byte(&in);
    gsize cols = fz_byte(&in) % 12 + 1;
    gsize rows = fz_byte(&in) % (FZ_MAX_ROWS + 1) + 1;
    PcTable *t = (flags & 1) ? fz_table(&in, 12) : fz_table_sized(&in, rows, cols);

    /* one header text on its own */
    char buf[FZ_MAX_TEXT * 4 + 1];
    char *header = g_utf8_make_valid(fz_text(&in, buf), -1);
    PcRole r = pc_role_of_header(header);
    FZ_CHECK(r >= PC_ROLE_ATTRIBUTE && r < PC_N_ROLES && r != PC_ROLE_IGNORED, "role %d", (int)r);
    FZ_CHECK(r == pc_role_of_header(header), "role not deterministic");
    FZ_CHECK(strcmp(pc_role_id(r), "?") != 0, "no id for %d", (int)r);
    g_free(header);

    PcRole *roles = g_new0(PcRole, t->cols + 1), *roles2 = g_new0(PcRole, t->cols + 1);
    for (gsize c = 0; c < t->cols; c++)
        roles[c] = roles2[c] = (fz_byte(&in) % 8 == 0) ? PC_ROLE_IGNORED : PC_ROLE_ATTRIBUTE;
    PcRole *preset = g_memdup2(roles, (t->cols + 1) * sizeof *roles);
    pc_roles_detect(t, roles);
    pc_roles_detect(t, roles2);
    FZ_CHECK(memcmp(roles, roles2, t->cols * sizeof *roles) == 0, "roles not deterministic");
    for (gsize c = 0; c < t->cols; c++) {
        FZ_CHECK(roles[c] < PC_N_ROLES, "role %d", (int)roles[c]);
        if (preset[c] == PC_ROLE_IGNORED)
            FZ_CHECK(roles[c] == PC_ROLE_IGNORED, "ignored column %zu became %d", c, (int)roles[c]);
        if (roles[c] != PC_ROLE_ATTRIBUTE && roles[c] != PC_ROLE_IGNORED)
            FZ_CHECK(pc_roles_find(roles, t->cols, roles[c]) == (gssize)c, "role %d twice",
                     (int)roles[c]);
    }
    (void)pc_roles_has_header(t);

    PcLeadCounts counts;
    pc_roles_count(t, roles, &counts);
    FZ_CHECK(counts.won + counts.lost + counts.open == counts.rows, "counts %zu+%zu+%zu != %zu",
             counts.won, counts.lost, counts.open, counts.rows);
    FZ_CHECK(counts.rows <= (t->rows ? t->rows - 1 : 0), "%zu rows of %zu", counts.rows, t->rows);

    if (t->cols) {
        gsize sc = fz_byte(&in) % t->cols;
        char **order = pc_roles_stage_order(t, sc);
        FZ_CHECK(order != NULL, "no order");
        for (gsize i = 0; order[i]; i++) {
            FZ_CHECK(g_utf8_validate(order[i], -1, NULL), "stage %zu not UTF-8", i);
            char *k = pc_text_key(order[i]);
            FZ_CHECK(*k && pc_outcome_of_key(k) == PC_OUTCOME_NONE, "stage '%s' listed", order[i]);
            for (gsize j = 0; j < i; j++) {
                char *kj = pc_text_key(order[j]);
                FZ_CHECK(strcmp(k, kj) != 0, "stage '%s' twice", order[i]);
                g_free(kj);
            }
            g_free(k);
            FZ_CHECK(i < t->rows, "more stages than rows");
        }
        g_strfreev(order);

        /* select some rows and columns and compare cell by cell */
        gsize nr = fz_byte(&in) % (t->rows + 1), nc = fz_byte(&in) % (t->cols + 1);
        gsize *rs = g_new0(gsize, nr + 1), *cs = g_new0(gsize, nc + 1);
        for (gsize i = 0; i < nr; i++)
            rs[i] = fz_byte(&in) % t->rows;
        for (gsize j = 0; j < nc; j++)
            cs[j] = fz_byte(&in) % t->cols;
        PcTable *s = pc_table_select(t, rs, nr, cs, nc);
        FZ_CHECK(s != NULL, "select refused");
        if (nr && nc) {
            FZ_CHECK(s->rows == nr && s->cols == nc, "select shape");
            for (gsize i = 0; i < nr; i++)
                for (gsize j = 0; j < nc; j++) {
                    const PcCell *a = pc_table_at(t, rs[i], cs[j]), *b = pc_table_at(s, i, j);
                    FZ_CHECK(a->kind == b->kind, "kind (%zu, %zu)", i, j);
                    if (a->kind == PC_CELL_NUMBER)
                        FZ_CHECK(memcmp(&a->num, &b->num, sizeof a->num) == 0, "number");
                    if (a->kind == PC_CELL_ERROR)
                        FZ_CHECK(a->num == b->num, "error code");
                    if (a->kind == PC_CELL_TEXT)
                        FZ_CHECK(strcmp(pc_table_text(t, a), pc_table_text(s, b)) == 0, "text");
                }
        } else {
            FZ_CHECK(s->rows == 0 && s->cols == 0, "empty select not 0 x 0");
        }
        pc_table_free(s);
        g_free(rs);
        g_free(cs);
    }

    /* the sidebar's data checks on the same table and roles */
    PcTable *stage_table = (fz_byte(&in) & 1) ? fz_table(&in, 2) : NULL;
    PcChecksArgs ca = { t, roles, fz_number(&in), stage_table, fz_byte(&in) % 4 };
    GPtrArray *found = pc_checks_run(&ca), *again = pc_checks_run(&ca);
    FZ_CHECK(found && again && found->len == again->len, "checks not deterministic");
    for (guint i = 0; i < found->len; i++) {
        const PcFinding *f = g_ptr_array_index(found, i), *g = g_ptr_array_index(again, i);
        FZ_CHECK(f->kind < PC_N_CHECKS, "check kind %d", (int)f->kind);
        if (i)
            FZ_CHECK(f->kind >= ((const PcFinding *)g_ptr_array_index(found, i - 1))->kind,
                     "findings out of order");
        FZ_CHECK(f->kind == g->kind && f->status == g->status, "finding %u differs", i);
        FZ_CHECK(f->status >= PC_OK && f->status <= PC_ERR_NOMEM, "status %d", (int)f->status);
        FZ_CHECK((f->status != PC_OK) == (f->kind == PC_CHECK_REJECTED), "status %d for kind %d",
                 (int)f->status, (int)f->kind);
        FZ_CHECK(!f->detail || g_utf8_validate(f->detail, -1, NULL), "detail not UTF-8");
        FZ_CHECK(!f->detail == !g->detail && (!f->detail || strcmp(f->detail, g->detail) == 0),
                 "detail differs");
        FZ_CHECK(f->rows != NULL, "no rows");
        for (guint j = 0; j < f->rows->len; j++) {
            gsize r = g_array_index(f->rows, gsize, j);
            FZ_CHECK(r >= 1 && r < t->rows, "row %zu of %zu", r, t->rows);
            if (j)
                FZ_CHECK(r > g_array_index(f->rows, gsize, j - 1), "rows not ascending");
        }
    }
    g_ptr_array_unref(found);
    g_ptr_array_unref(again);
    pc_table_free(stage_table);

    /* every number of the table as a date */
    for (gsize i = 0; i < t->rows * t->cols; i++)
        if (t->cells[i].kind == PC_CELL_NUMBER)
            check_months(t->cells[i].num);
    check_months(fz_number(&in));

    g_free(roles);
    g_free(roles2);
    g_free(preset);
    pc_table_free(t);
    return 0;
}
