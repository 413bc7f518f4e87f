/* rp_plan.c - building report plans. */
#include "rp_plan.h"

#include "pc_refs.h"

#include <math.h>
#include <string.h>

RpPlan *rp_plan_new(RpPlace place, const char *marker, gsize rows, gsize cols)
{
    RpPlan *p = g_new0(RpPlan, 1);
    p->place = place;
    p->marker = marker;
    p->rows = rows;
    p->cols = cols;
    p->cells = g_new0(RpCell, MAX(rows * cols, 1));
    p->merges = g_array_new(FALSE, FALSE, sizeof(RpRect));
    p->arrays = g_array_new(FALSE, FALSE, sizeof(RpArray));
    p->widths = g_new0(double, MAX(cols, 1));
    p->charts = g_ptr_array_new();
    p->amount_col = p->date_col = -1;
    return p;
}

static void chart_free(RpChart *c)
{
    g_free(c->name);
    g_free(c->title);
    g_free(c->x_title);
    g_free(c->y_title);
    g_free(c);
}

void rp_plan_free(RpPlan *p)
{
    if (!p)
        return;
    for (gsize i = 0; i < p->rows * p->cols; i++)
        g_free(p->cells[i].text);
    g_free(p->cells);
    g_array_free(p->merges, TRUE);
    for (guint i = 0; i < p->arrays->len; i++)
        g_free(g_array_index(p->arrays, RpArray, i).formula);
    g_array_free(p->arrays, TRUE);
    g_free(p->widths);
    for (guint i = 0; i < p->charts->len; i++)
        chart_free(g_ptr_array_index(p->charts, i));
    g_ptr_array_free(p->charts, TRUE);
    g_free(p->sheet_base);
    g_free(p->undo_title);
    g_free(p);
}

RpCell *rp_cell(RpPlan *p, gsize row, gsize col)
{
    g_assert(row < p->rows && col < p->cols);
    return &p->cells[row * p->cols + col];
}

const RpCell *rp_cell_at(const RpPlan *p, gsize row, gsize col)
{
    g_assert(row < p->rows && col < p->cols);
    return &p->cells[row * p->cols + col];
}

void rp_set_number(RpPlan *p, gsize row, gsize col, double v, RpFormat format)
{
    RpCell *c = rp_cell(p, row, col);
    g_clear_pointer(&c->text, g_free);
    c->kind = RP_NUMBER;
    c->num = v;
    c->format = format;
}

void rp_set_text(RpPlan *p, gsize row, gsize col, const char *text)
{
    RpCell *c = rp_cell(p, row, col);
    g_free(c->text);
    c->kind = text && *text ? RP_TEXT : RP_EMPTY;
    c->text = text && *text ? g_strdup(text) : NULL;
}

void rp_set_formula(RpPlan *p, gsize row, gsize col, char *formula, double value, RpFormat format)
{
    RpCell *c = rp_cell(p, row, col);
    g_free(c->text);
    c->kind = RP_FORMULA;
    c->text = formula;
    c->num = value;
    c->format = format;
}

void rp_set_array_formula(RpPlan *p, RpRect r, char *formula, const double *values, RpFormat format)
{
    g_assert(r.row0 <= r.row1 && r.col0 <= r.col1 && r.row1 < p->rows && r.col1 < p->cols);
    gsize cols = r.col1 - r.col0 + 1;
    for (gsize i = r.row0; i <= r.row1; i++)
        for (gsize j = r.col0; j <= r.col1; j++) {
            RpCell *c = rp_cell(p, i, j);
            g_assert(!rp_array_at(p, i, j));
            g_clear_pointer(&c->text, g_free);
            if (values)
                c->num = values[(i - r.row0) * cols + (j - r.col0)];
            else
                g_assert(c->kind == RP_NUMBER || c->kind == RP_ARRAY);
            c->kind = RP_ARRAY;
            c->format = format;
        }
    RpArray a = { r, formula };
    g_array_append_val(p->arrays, a);
}

const RpArray *rp_array_at(const RpPlan *p, gsize row, gsize col)
{
    for (guint i = 0; i < p->arrays->len; i++) {
        const RpArray *a = &g_array_index(p->arrays, RpArray, i);
        if (row >= a->cells.row0 && row <= a->cells.row1 && col >= a->cells.col0 && col <= a->cells.col1)
            return a;
    }
    return NULL;
}

void rp_style(RpPlan *p, RpRect r, RpStyle style)
{
    for (gsize i = r.row0; i <= r.row1 && i < p->rows; i++)
        for (gsize j = r.col0; j <= r.col1 && j < p->cols; j++)
            rp_cell(p, i, j)->style = style;
}

void rp_format(RpPlan *p, RpRect r, RpFormat format)
{
    for (gsize i = r.row0; i <= r.row1 && i < p->rows; i++)
        for (gsize j = r.col0; j <= r.col1 && j < p->cols; j++)
            rp_cell(p, i, j)->format = format;
}

void rp_merge(RpPlan *p, RpRect r)
{
    g_array_append_val(p->merges, r);
}

static gboolean merged(const RpPlan *p, gsize row, gsize col)
{
    for (guint i = 0; i < p->merges->len; i++) {
        const RpRect *r = &g_array_index(p->merges, RpRect, i);
        if (row >= r->row0 && row <= r->row1 && col >= r->col0 && col <= r->col1)
            return TRUE;
    }
    return FALSE;
}

/* About how many characters CELL shows: its text's, or its number's digits with grouping. A
 * bold text (headers, titles, totals: the writer's styles) is about 15 % wider. */
static double shown_length(const RpCell *c)
{
    if (c->kind == RP_TEXT) {
        gboolean bold = c->style == RP_STYLE_HEADER || c->style == RP_STYLE_TITLE ||
                        c->style == RP_STYLE_TOTAL;
        return (double)g_utf8_strlen(c->text, -1) * (bold ? 1.15 : 1.0);
    }
    if (c->kind != RP_NUMBER && c->kind != RP_FORMULA && c->kind != RP_ARRAY)
        return 0;
    switch (c->format) {
    case RP_FORMAT_PERCENT:
        return 6;   /* "100 %" */
    case RP_FORMAT_DATE:
        return 10;  /* "2026-01-15" */
    default: {
        double digits = fabs(c->num) >= 1 ? floor(log10(fabs(c->num))) + 1 : 1;
        return digits + floor((digits - 1) / 3) + (c->num < 0) + (c->format == RP_FORMAT_AMOUNT ? 5 : 0);
    }
    }
}

void rp_fit_widths(RpPlan *p, double min, double max)
{
    for (gsize j = 0; j < p->cols; j++) {
        double w = min;
        for (gsize i = 0; i < p->rows; i++)
            if (!merged(p, i, j))
                w = MAX(w, shown_length(rp_cell_at(p, i, j)) + 1);
        p->widths[j] = MIN(w, max);
    }
}

RpChart *rp_add_chart(RpPlan *p, const char *name, RpChartType type, RpRect data, gsize row,
                      gsize col)
{
    RpChart *c = g_new0(RpChart, 1);
    c->name = g_strdup(name);
    c->type = type;
    c->data = data;
    c->row = row;
    c->col = col;
    c->width = 16;
    c->height = 9;
    for (gsize i = 0; i < RP_CHART_SERIES_MAX; i++)
        c->colours[i] = RP_COLOUR_DEFAULT;
    g_ptr_array_add(p->charts, c);
    return c;
}

void rp_chart_series(RpChart *c, gsize col)
{
    g_return_if_fail(c->n_series < RP_CHART_SERIES_MAX && col > c->data.col0 && col <= c->data.col1);
    c->series[c->n_series++] = col;
}

char *rp_source_column_ref(const RpSource *s, gsize col)
{
    gsize last = s->row0 + (s->cells->rows ? s->cells->rows - 1 : 0);
    return pc_ref_range(s->sheet_name, s->row0 + 1, s->col0 + col, MAX(last, s->row0 + 1), s->col0 + col);
}

char *rp_block_ref(RpRect r)
{
    return pc_ref_range(NULL, r.row0, r.col0, r.row1, r.col1);
}

char *rp_source_text(const RpSource *s)
{
    gsize rows = s->cells->rows ? s->cells->rows - 1 : 0, cols = s->cells->cols ? s->cells->cols - 1 : 0;
    return pc_ref_text(s->sheet_name, s->row0, s->col0, s->row0 + rows, s->col0 + cols);
}

void rp_line(RpPlan *p, gsize row, const char *text, RpStyle style)
{
    rp_set_text(p, row, 0, text);
    rp_style(p, (RpRect){ row, 0, row, p->cols - 1 }, style);
    rp_merge(p, (RpRect){ row, 0, row, p->cols - 1 });
}
