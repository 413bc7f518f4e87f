/* pc_velocity.c - SALES_VELOCITY (pc_velocity.h). */
#include "pc_velocity.h"

#include "pc_text.h"

/* The kind of cell C of T as the rules read it: a text of white space only is empty. */
static PcCellKind kind_of(const PcTable *t, const PcCell *c)
{
    if (c->kind == PC_CELL_TEXT && pc_text_is_space(pc_table_text(t, c)))
        return PC_CELL_EMPTY;
    return (PcCellKind)c->kind;
}

static const char *const ARG_NAMES[] = { "Amounts", "Outcomes", "Created", "Closed" };

/* A date cell of row I: *DATE its serial, NAN when empty. */
static PcStatus read_date(const PcTable *t, int arg, gsize i, double *date, PcError *err)
{
    const PcCell *c = pc_table_vector_at(t, i);
    switch (kind_of(t, c)) {
    case PC_CELL_EMPTY:
        *date = NAN;
        return PC_OK;
    case PC_CELL_TEXT:
        return pc_fail(err, PC_ERR_VALUE, arg, (gssize)i,
                       "row %zu: the date \"%s\" is text, not a date", i + 1,
                       pc_table_text(t, c));
    case PC_CELL_ERROR:
        return pc_fail(err, PC_ERR_VALUE, arg, (gssize)i, "row %zu: the date is an error value",
                       i + 1);
    case PC_CELL_NUMBER:
        break;
    }
    if (!isfinite(c->num))
        return pc_fail(err, PC_ERR_NUM, arg, (gssize)i,
                       "row %zu: the date is not a finite number", i + 1);
    *date = c->num;
    return PC_OK;
}

static PcStatus check_shapes(const PcTable *const args[4], gsize *n, PcError *err)
{
    gssize len = pc_table_vector_len(args[0]);
    for (int a = 0; a < 4; a++) {
        gssize l = pc_table_vector_len(args[a]);
        if (l < 0)
            return pc_fail(err, PC_ERR_ARG, a, -1, "%s must be one column or one row",
                           ARG_NAMES[a]);
        if (l != len)
            return pc_fail(err, PC_ERR_ARG, a, -1,
                           "%s has %zd cells but Amounts has %zd; they must be as long",
                           ARG_NAMES[a], l, len);
    }
    *n = (gsize)len;
    return PC_OK;
}

static gboolean first_row_is_header(const PcTable *const args[4], gsize n)
{
    if (n == 0)
        return FALSE;
    for (int a = 0; a < 4; a++)
        if (a != PC_VELOCITY_OUTCOMES &&
            kind_of(args[a], pc_table_vector_at(args[a], 0)) != PC_CELL_TEXT)
            return FALSE;
    return TRUE;
}

static PcStatus count_row(const PcTable *const args[4], const GPtrArray *outcome_keys, gsize i,
                          PcDeals *deals, PcError *err)
{
    const PcCell *ca = pc_table_vector_at(args[PC_VELOCITY_AMOUNTS], i);
    const PcCell *co = pc_table_vector_at(args[PC_VELOCITY_OUTCOMES], i);
    gboolean blank = TRUE;
    for (int a = 0; a < 4; a++)
        if (kind_of(args[a], pc_table_vector_at(args[a], i)) != PC_CELL_EMPTY)
            blank = FALSE;
    if (blank)
        return PC_OK;

    double amount = 0;
    switch (kind_of(args[PC_VELOCITY_AMOUNTS], ca)) {
    case PC_CELL_TEXT:
        return pc_fail(err, PC_ERR_VALUE, PC_VELOCITY_AMOUNTS, (gssize)i,
                       "row %zu: the amount \"%s\" is text, not a number", i + 1,
                       pc_table_text(args[PC_VELOCITY_AMOUNTS], ca));
    case PC_CELL_ERROR:
        return pc_fail(err, PC_ERR_VALUE, PC_VELOCITY_AMOUNTS, (gssize)i,
                       "row %zu: the amount is an error value", i + 1);
    case PC_CELL_NUMBER:
        if (!isfinite(ca->num))
            return pc_fail(err, PC_ERR_NUM, PC_VELOCITY_AMOUNTS, (gssize)i,
                           "row %zu: the amount is not a finite number", i + 1);
        amount = ca->num;
        break;
    case PC_CELL_EMPTY:
        break;
    }
    if (co->kind == PC_CELL_ERROR)
        return pc_fail(err, PC_ERR_VALUE, PC_VELOCITY_OUTCOMES, (gssize)i,
                       "row %zu: the outcome is an error value", i + 1);
    double created = NAN, closed = NAN;
    PcStatus st = read_date(args[PC_VELOCITY_CREATED], PC_VELOCITY_CREATED, i, &created, err);
    if (!st)
        st = read_date(args[PC_VELOCITY_CLOSED], PC_VELOCITY_CLOSED, i, &closed, err);
    if (st)
        return st;

    PcOutcome outcome = pc_outcome_of_cell(args[PC_VELOCITY_OUTCOMES], outcome_keys, co);
    if (outcome == PC_OUTCOME_WON) {
        if (isnan(created) || isnan(closed))
            return pc_fail(err, PC_ERR_VALUE, isnan(created) ? PC_VELOCITY_CREATED
                                                             : PC_VELOCITY_CLOSED,
                           (gssize)i, "row %zu: a won deal needs its created and closed dates",
                           i + 1);
        if (closed < created)
            return pc_fail(err, PC_ERR_NUM, PC_VELOCITY_CLOSED, (gssize)i,
                           "row %zu: the deal was closed before it was created", i + 1);
    }
    pc_deals_add(deals, outcome, amount, closed - created);
    return PC_OK;
}

PcStatus pc_velocity_deals(const PcTable *amounts, const PcTable *outcomes,
                           const PcTable *created, const PcTable *closed, PcDeals *deals,
                           PcError *err)
{
    pc_error_clear(err);
    *deals = (PcDeals)PC_DEALS_INIT;
    const PcTable *const args[4] = { amounts, outcomes, created, closed };
    gsize n = 0;
    PcStatus st = check_shapes(args, &n, err);
    if (st)
        return st;
    GPtrArray *keys = pc_text_keys(outcomes);
    for (gsize i = first_row_is_header(args, n) ? 1 : 0; i < n && !st; i++)
        st = count_row(args, keys, i, deals, err);
    g_ptr_array_unref(keys);
    if (st)
        *deals = (PcDeals)PC_DEALS_INIT;
    return st;
}

PcStatus pc_sales_velocity(const PcTable *amounts, const PcTable *outcomes,
                           const PcTable *created, const PcTable *closed, double *result,
                           PcError *err)
{
    PcDeals d;
    PcStatus st = pc_velocity_deals(amounts, outcomes, created, closed, &d, err);
    if (st)
        return st;
    if (d.won == 0)
        return pc_fail(err, PC_ERR_DIV0, PC_VELOCITY_OUTCOMES, -1,
                       "no won deal: there is no average won amount or sales cycle");
    if (pc_deals_average_cycle(&d) <= 0)
        return pc_fail(err, PC_ERR_DIV0, PC_VELOCITY_CLOSED, -1,
                       "the won deals closed the day they were created: the average sales "
                       "cycle is 0 days");
    *result = pc_deals_velocity(&d);
    return PC_OK;
}
