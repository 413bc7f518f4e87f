/* pc_forecast.c - PIPELINE_FORECAST: reading the deal rows, the stage table and the period.
 *
 * Exports pc_pipeline_forecast() only; the quantile of the won total is computed in
 * pc_quantile.c. All other code has file scope. The rules are in pc_forecast.h.
 */
#include "pc_forecast.h"

#include "pc_num.h"

#include "pc_args.h"
#include "pc_text.h"

#include <math.h>

enum { ARG_AMOUNTS, ARG_STAGES, ARG_PROBS, ARG_DATES, ARG_START, ARG_END, ARG_PERCENTILE,
       ARG_OUTCOMES };

/* Everything read once before the deal rows are walked. */
typedef struct {
    const PcForecastArgs *in;
    gsize n;                  /* rows of the row-aligned arguments, header included */
    const PcTable *dates;     /* NULL when CloseDates is omitted */
    const PcTable *outcomes;  /* NULL when Outcomes is omitted */
    gboolean by_stage;        /* Probabilities is a stage | probability table */
    GPtrArray *deal_keys;     /* keys of the Stages texts */
    gsize *row_of_text;       /* Stages text id -> stage-table row + 1 (0: not in it) */
    GPtrArray *table_keys;    /* keys of the stage table's texts */
    GPtrArray *number_keys;   /* keys made for numeric stage names in the table */
    GHashTable *stage_row;    /* stage key -> its stage-table row + 1 */
    guint8 *amount_space;     /* per text id of Amounts: only white space */
    guint8 *prob_space;       /* the same for per-deal Probabilities */
    guint8 *date_space;       /* the same for CloseDates */
    GPtrArray *outcome_keys;  /* keys of the Outcomes texts */
    guint8 *closed_text;      /* per text id of Outcomes: a won or lost word */
    gboolean has_start, has_end, has_q;
    double start, end;        /* whole days */
    double q;
    const double *qs;         /* the quantiles asked for: &q, or the caller's list */
    gsize nq;
} Forecast;

/* One deal row as read. */
typedef struct {
    gboolean blank;   /* every cell empty: skipped */
    gboolean counted; /* inside the period (or no period) and not closed */
    gboolean closed;  /* won or lost by its outcome */
    double amount, prob;
    double day;       /* the close date's whole day, NAN when it has none */
} Deal;

/* Record running out of memory in ERR. */
static PcStatus no_memory(PcError *err)
{
    return pc_fail(err, PC_ERR_NOMEM, -1, -1, "not enough memory for this forecast");
}

/* Mark, once per distinct text of T (may be NULL), whether it is only white space: such a
 * cell looks empty to the user and is read as empty. *OUT is NULL when T has no texts. */
static PcStatus find_space_texts(const PcTable *t, guint8 **out, PcError *err)
{
    *out = NULL;
    if (!t || pc_table_text_count(t) == 0)
        return PC_OK;
    guint8 *s = g_try_new(guint8, pc_table_text_count(t));
    if (!s)
        return no_memory(err);
    for (guint id = 0; id < pc_table_text_count(t); id++)
        s[id] = pc_text_is_space(g_ptr_array_index(t->texts, id));
    *out = s;
    return PC_OK;
}

/* The kind of C, a white-space-only text (SPACE[id]) counting as empty. */
static PcCellKind kind_of(const PcCell *c, const guint8 *space)
{
    if (c->kind == PC_CELL_TEXT && space && space[c->text])
        return PC_CELL_EMPTY;
    return (PcCellKind)c->kind;
}

/* The kind of name cell C whose table has text keys KEYS: a text with an empty key is empty. */
static PcCellKind name_kind(const PcCell *c, const GPtrArray *keys)
{
    if (c->kind == PC_CELL_TEXT && *(const char *)g_ptr_array_index(keys, c->text) == '\0')
        return PC_CELL_EMPTY;
    return (PcCellKind)c->kind;
}

/* Write the key of a stage given as a number (stage 3): the text "3" has the same key,
 * whatever the locale. */
static void number_key(double v, char buf[40])
{
    g_ascii_formatd(buf, 40, "%.15g", v);
}

/* Record probability V at ROW of argument ARG being outside [0, 1], suggesting a percent
 * when V looks like one. */
static PcStatus bad_probability(PcError *err, int arg, gsize row, double v)
{
    if (!isfinite(v))
        return pc_fail(err, PC_ERR_NUM, arg, (gssize)row,
                       "row %zu: the probability is not a finite number",
                       row + 1);
    if (v > 1.0 && v <= 100.0)
        return pc_fail(err, PC_ERR_NUM, arg, (gssize)row,
                       "row %zu: %g is not a probability in 0-1; type %g%%",
                       row + 1, v, v);
    return pc_fail(err, PC_ERR_NUM, arg, (gssize)row,
                   "row %zu: %g is not a probability in 0-1", row + 1, v);
}

/* TRUE for an empty cell or 0: what Calc passes for a reference to an empty cell. */
static gboolean is_empty_or_zero(const PcCell *c)
{
    return c->kind == PC_CELL_EMPTY || (c->kind == PC_CELL_NUMBER && c->num == 0.0);
}

/* An optional column argument (CloseDates, Outcomes) beside N deals, or NULL when omitted:
 * a reference to one empty cell (or 0) stands for omitted, unless there is exactly one
 * deal and that cell is its own. */
static const PcTable *given_column(const PcTable *t, gsize n)
{
    if (t && (t->rows == 0 || (n != 1 && t->rows == 1 && t->cols == 1 &&
                               is_empty_or_zero(pc_table_at(t, 0, 0)))))
        return NULL;
    return t;
}

/* Check the shapes: every column argument one-dimensional and as long as Amounts, and
 * decide which form Probabilities has. */
static PcStatus check_shapes(Forecast *f, PcError *err)
{
    const PcForecastArgs *in = f->in;
    gssize n = pc_table_vector_len(in->amounts);
    if (n < 0)
        return pc_fail_n(err, PC_ERR_ARG, ARG_AMOUNTS, -1, in->amounts->rows * in->amounts->cols,
                         "Amounts must be one column or one row, not %zu x %zu cell",
                         "Amounts must be one column or one row, not %zu x %zu cells",
                         in->amounts->rows, in->amounts->cols);
    f->n = (gsize)n;
    gssize ns = pc_table_vector_len(in->stages);
    if (ns != n)
        return pc_fail_n(err, PC_ERR_ARG, ARG_STAGES, -1, (gulong)n,
                         "Stages must be one column or row as long as Amounts (%zd cell)",
                         "Stages must be one column or row as long as Amounts (%zd cells)", n);
    const PcTable *p = in->probabilities;
    /* a 1 x 2 Probabilities beside a 1 x 2 Amounts is two deals' probabilities */
    gboolean amounts_pair_row = in->amounts->rows == 1 && in->amounts->cols == 2;
    if (p->cols == 2 && (p->rows > 1 || !amounts_pair_row))
        f->by_stage = TRUE;
    else if (pc_table_vector_len(p) != n)
        return pc_fail_n(err, PC_ERR_ARG, ARG_PROBS, -1, (gulong)n,
                         "Probabilities must be a two-column table (stage | probability) or one "
                         "probability per deal (%zd cell)",
                         "Probabilities must be a two-column table (stage | probability) or one "
                         "probability per deal (%zd cells)", n);
    const PcTable *d = given_column(in->close_dates, f->n);
    if (d && pc_table_vector_len(d) != n)
        return pc_fail_n(err, PC_ERR_ARG, ARG_DATES, -1, (gulong)n,
                         "CloseDates must be one column or row as long as Amounts (%zd cell)",
                         "CloseDates must be one column or row as long as Amounts (%zd cells)", n);
    f->dates = d;
    const PcTable *o = given_column(in->outcomes, f->n);
    if (o && pc_table_vector_len(o) != n)
        return pc_fail_n(err, PC_ERR_ARG, ARG_OUTCOMES, -1, (gulong)n,
                         "Outcomes must be one column or row as long as Amounts (%zd cell)",
                         "Outcomes must be one column or row as long as Amounts (%zd cells)", n);
    f->outcomes = o;
    return PC_OK;
}

/* Key each distinct text of Outcomes once and mark the won and lost words
 * (pc_outcome_of_key, the vocabulary of LEAD_SCORE and the sidebar). */
static PcStatus index_outcome_texts(Forecast *f, PcError *err)
{
    if (!f->outcomes)
        return PC_OK;
    f->outcome_keys = pc_text_keys(f->outcomes);
    guint n = pc_table_text_count(f->outcomes);
    f->closed_text = g_try_new(guint8, MAX(n, 1));
    if (!f->closed_text)
        return no_memory(err);
    for (guint id = 0; id < n; id++)
        f->closed_text[id] =
            pc_outcome_of_key(g_ptr_array_index(f->outcome_keys, id)) != PC_OUTCOME_NONE;
    return PC_OK;
}

/* A given percentile Q must lie in (0, 1). */
static PcStatus check_percentile(double q, PcError *err)
{
    if (q >= 0.0 && q < 1.0)
        return PC_OK;
    if (q > 1.0 && q < 100.0)
        return pc_fail(err, PC_ERR_NUM, ARG_PERCENTILE, -1,
                       "Percentile %g is not between 0 and 1; type %g%% or %g", q, q, q / 100.0);
    return pc_fail(err, PC_ERR_NUM, ARG_PERCENTILE, -1,
                   "Percentile %g is not between 0 and 1 (0.9 for P90)", q);
}

/* Check a period [START, END] (whole days; HAS_* FALSE: open) as read_options does. */
static PcStatus check_period(const Forecast *f, gboolean has_start, double start,
                             gboolean has_end, double end, PcError *err)
{
    if (has_start && has_end && start > end)
        return pc_fail(err, PC_ERR_ARG, ARG_START, -1, "PeriodStart is after PeriodEnd");
    if ((has_start || has_end) && !f->dates)
        return pc_fail(err, PC_ERR_ARG, has_start ? ARG_START : ARG_END, -1,
                       "a period needs CloseDates to tell which deals close in it");
    return PC_OK;
}

/* Read PeriodStart, PeriodEnd and Percentile. */
static PcStatus read_options(Forecast *f, PcError *err)
{
    const PcForecastArgs *in = f->in;
    double v = 0.0;
    PcStatus st =
        pc_optional_number(in->period_start, ARG_START, "PeriodStart", &f->has_start, &v, err);
    if (st != PC_OK)
        return st;
    f->start = floor(v);
    st = pc_optional_number(in->period_end, ARG_END, "PeriodEnd", &f->has_end, &v, err);
    if (st != PC_OK)
        return st;
    f->end = floor(v);
    st = check_period(f, f->has_start, f->start, f->has_end, f->end, err);
    if (st != PC_OK)
        return st;
    st = pc_optional_number(in->percentile, ARG_PERCENTILE, "Percentile", &f->has_q, &f->q, err);
    if (st != PC_OK)
        return st;
    return f->has_q ? check_percentile(f->q, err) : PC_OK;
}

/* Read the stage | probability table into F->stage_row: every probability cell checked,
 * the first row skipped when both its cells are text (a header), rows without a name
 * skipped, a name twice with different probabilities refused. */
static PcStatus read_stage_table(Forecast *f, PcError *err)
{
    const PcTable *t = f->in->probabilities;
    f->table_keys = pc_text_keys(t);
    f->number_keys = g_ptr_array_new_with_free_func(g_free);
    f->stage_row = g_hash_table_new(g_str_hash, g_str_equal);
    gsize first = 0;
    if (t->rows > 0 && name_kind(pc_table_at(t, 0, 0), f->table_keys) == PC_CELL_TEXT &&
        name_kind(pc_table_at(t, 0, 1), f->table_keys) == PC_CELL_TEXT)
        first = 1;
    for (gsize r = first; r < t->rows; r++) {
        const PcCell *name = pc_table_at(t, r, 0), *prob = pc_table_at(t, r, 1);
        PcCellKind kn = name_kind(name, f->table_keys), kp = name_kind(prob, f->table_keys);
        if (kn == PC_CELL_ERROR || kp == PC_CELL_ERROR)
            return pc_fail(err, PC_ERR_VALUE, ARG_PROBS, (gssize)r,
                           "row %zu of the stage table holds an error value",
                           r + 1);
        if (kp == PC_CELL_TEXT)
            return pc_fail(err, PC_ERR_VALUE, ARG_PROBS, (gssize)r,
                           "row %zu: the probability \"%s\" is text, not a number",
                           r + 1, pc_table_text(t, prob));
        if (kp == PC_CELL_NUMBER && !(prob->num >= 0.0 && prob->num <= 1.0))
            return bad_probability(err, ARG_PROBS, r, prob->num);
        const char *key;
        if (kn == PC_CELL_EMPTY)
            continue; /* a probability without a stage cannot be looked up */
        if (kn == PC_CELL_TEXT) {
            key = g_ptr_array_index(f->table_keys, name->text);
        } else {
            char buf[40];
            number_key(name->num, buf);
            key = g_strdup(buf);
            g_ptr_array_add(f->number_keys, (gpointer)key);
        }
        gpointer prev = g_hash_table_lookup(f->stage_row, key);
        if (!prev) {
            g_hash_table_insert(f->stage_row, (gpointer)key, GSIZE_TO_POINTER(r + 1));
            continue;
        }
        const PcCell *before = pc_table_at(t, GPOINTER_TO_SIZE(prev) - 1, 1);
        PcCellKind kb = name_kind(before, f->table_keys);
        gboolean same = kb == kp && (kp == PC_CELL_EMPTY || before->num == prob->num);
        if (!same)
            return pc_fail(err, PC_ERR_ARG, ARG_PROBS, (gssize)r,
                           "row %zu: the stage is already in row %zu with a different probability", r + 1, GPOINTER_TO_SIZE(prev));
    }
    return PC_OK;
}

/* Look up each distinct text of Stages in the stage table once: F->row_of_text. */
static PcStatus index_stage_texts(Forecast *f, PcError *err)
{
    guint n = pc_table_text_count(f->in->stages);
    f->row_of_text = g_try_new(gsize, MAX(n, 1));
    if (!f->row_of_text)
        return no_memory(err);
    for (guint id = 0; id < n; id++)
        f->row_of_text[id] =
            GPOINTER_TO_SIZE(g_hash_table_lookup(f->stage_row, g_ptr_array_index(f->deal_keys, id)));
    return PC_OK;
}

/* The stage-table row + 1 of stage cell C of Stages (a text or a number), 0 when absent. */
static gsize stage_lookup(const Forecast *f, const PcCell *c)
{
    if (c->kind == PC_CELL_TEXT)
        return f->row_of_text[c->text];
    char buf[40];
    number_key(c->num, buf);
    return GPOINTER_TO_SIZE(g_hash_table_lookup(f->stage_row, buf));
}

/* TRUE when every cell of the first deal row is text that would be invalid as data there:
 * a text amount, a stage the stage table does not know (any text stage with per-deal
 * probabilities), a text probability, a text close date - and any text outcome (no text
 * is invalid in Outcomes; its header may even be "Won"). */
static gboolean first_row_is_header(const Forecast *f)
{
    const PcForecastArgs *in = f->in;
    if (f->n == 0)
        return FALSE;
    if (kind_of(pc_table_vector_at(in->amounts, 0), f->amount_space) != PC_CELL_TEXT)
        return FALSE;
    const PcCell *stage = pc_table_vector_at(in->stages, 0);
    if (name_kind(stage, f->deal_keys) != PC_CELL_TEXT)
        return FALSE;
    if (f->by_stage && stage_lookup(f, stage))
        return FALSE;
    if (!f->by_stage &&
        kind_of(pc_table_vector_at(in->probabilities, 0), f->prob_space) != PC_CELL_TEXT)
        return FALSE;
    if (f->dates && kind_of(pc_table_vector_at(f->dates, 0), f->date_space) != PC_CELL_TEXT)
        return FALSE;
    if (f->outcomes &&
        name_kind(pc_table_vector_at(f->outcomes, 0), f->outcome_keys) != PC_CELL_TEXT)
        return FALSE;
    return TRUE;
}

/* Read deal I's probability from the stage table. HAS_AMOUNT: its amount cell is not empty. */
static PcStatus stage_probability(const Forecast *f, gsize i, gboolean has_amount, double *p,
                                  PcError *err)
{
    const PcTable *stages = f->in->stages, *t = f->in->probabilities;
    const PcCell *c = pc_table_vector_at(stages, i);
    char shown[40];
    switch (name_kind(c, f->deal_keys)) {
    case PC_CELL_ERROR:
        return pc_fail(err, PC_ERR_VALUE, ARG_STAGES, (gssize)i,
                       "row %zu: the stage is an error value", i + 1);
    case PC_CELL_EMPTY:
        if (has_amount)
            return pc_fail(err, PC_ERR_NA, ARG_STAGES, (gssize)i,
                           "row %zu: the deal has an amount but no stage", i + 1);
        *p = 0.0;
        return PC_OK;
    default:
        break;
    }
    gsize row1 = stage_lookup(f, c);
    if (c->kind == PC_CELL_NUMBER)
        number_key(c->num, shown);
    const char *name = c->kind == PC_CELL_TEXT ? pc_table_text(stages, c) : shown;
    if (!row1)
        return pc_fail(err, PC_ERR_NA, ARG_STAGES, (gssize)i,
                       "row %zu: stage \"%s\" is not in the stage table", i + 1,
                       name);
    const PcCell *prob = pc_table_at(t, row1 - 1, 1);
    if (name_kind(prob, f->table_keys) == PC_CELL_EMPTY)
        return pc_fail(err, PC_ERR_NA, ARG_STAGES, (gssize)i,
                       "row %zu: stage \"%s\" has no probability in the stage "
                       "table (its row %zu is blank)", i + 1, name, row1);
    *p = prob->num; /* checked by read_stage_table */
    return PC_OK;
}

/* TRUE when a deal closing on DAY (NAN: no close date) lies in the period; without bounds
 * every deal does. */
static inline gboolean in_period(gboolean has_start, double start, gboolean has_end, double end,
                                 double day)
{
    if (!has_start && !has_end)
        return TRUE;
    return !isnan(day) && (!has_start || day >= start) && (!has_end || day <= end);
}

/* Read and check deal row I into *D. */
static PcStatus read_deal(const Forecast *f, gsize i, Deal *d, PcError *err)
{
    const PcForecastArgs *in = f->in;
    const PcCell *ca = pc_table_vector_at(in->amounts, i);
    const PcCell *cp = f->by_stage ? NULL : pc_table_vector_at(in->probabilities, i);
    const PcCell *cd = f->dates ? pc_table_vector_at(f->dates, i) : NULL;
    const PcCell *co = f->outcomes ? pc_table_vector_at(f->outcomes, i) : NULL;
    PcCellKind ka = kind_of(ca, f->amount_space);
    PcCellKind ks = name_kind(pc_table_vector_at(in->stages, i), f->deal_keys);
    PcCellKind kp = cp ? kind_of(cp, f->prob_space) : PC_CELL_EMPTY;
    PcCellKind kd = cd ? kind_of(cd, f->date_space) : PC_CELL_EMPTY;
    PcCellKind ko = co ? name_kind(co, f->outcome_keys) : PC_CELL_EMPTY;
    d->blank = ka == PC_CELL_EMPTY && ks == PC_CELL_EMPTY && kp == PC_CELL_EMPTY &&
               kd == PC_CELL_EMPTY && ko == PC_CELL_EMPTY;
    if (d->blank)
        return PC_OK;

    d->amount = 0.0;
    if (ka == PC_CELL_TEXT)
        return pc_fail(err, PC_ERR_VALUE, ARG_AMOUNTS, (gssize)i,
                       "row %zu: the amount \"%s\" is text, not a number", i + 1,
                       pc_table_text(in->amounts, ca));
    if (ka == PC_CELL_ERROR)
        return pc_fail(err, PC_ERR_VALUE, ARG_AMOUNTS, (gssize)i,
                       "row %zu: the amount is an error value", i + 1);
    if (ka == PC_CELL_NUMBER) {
        if (!isfinite(ca->num))
            return pc_fail(err, PC_ERR_NUM, ARG_AMOUNTS, (gssize)i,
                           "row %zu: the amount is not a finite number", i + 1);
        d->amount = ca->num;
    }

    PcStatus st;
    if (f->by_stage) {
        st = stage_probability(f, i, ka != PC_CELL_EMPTY, &d->prob, err);
        if (st != PC_OK)
            return st;
    } else {
        if (ks == PC_CELL_ERROR)
            return pc_fail(err, PC_ERR_VALUE, ARG_STAGES, (gssize)i,
                           "row %zu: the stage is an error value", i + 1);
        switch (kp) {
        case PC_CELL_EMPTY:
            if (ka != PC_CELL_EMPTY)
                return pc_fail(err, PC_ERR_NA, ARG_PROBS, (gssize)i,
                               "row %zu: the deal has an amount but no probability",
                               i + 1);
            d->prob = 0.0;
            break;
        case PC_CELL_TEXT:
            return pc_fail(err, PC_ERR_VALUE, ARG_PROBS, (gssize)i,
                           "row %zu: the probability \"%s\" is text, not a number",
                           i + 1, pc_table_text(in->probabilities, cp));
        case PC_CELL_ERROR:
            return pc_fail(err, PC_ERR_VALUE, ARG_PROBS, (gssize)i,
                           "row %zu: the probability is an error value", i + 1);
        default:
            if (!(cp->num >= 0.0 && cp->num <= 1.0))
                return bad_probability(err, ARG_PROBS, i, cp->num);
            d->prob = cp->num;
        }
    }

    gboolean dated = FALSE;
    double day = 0.0;
    switch (kd) {
    case PC_CELL_TEXT:
        return pc_fail(err, PC_ERR_VALUE, ARG_DATES, (gssize)i,
                       "row %zu: the close date \"%s\" is text, not a date", i + 1,
                       pc_table_text(f->dates, cd));
    case PC_CELL_ERROR:
        return pc_fail(err, PC_ERR_VALUE, ARG_DATES, (gssize)i,
                       "row %zu: the close date is an error value", i + 1);
    case PC_CELL_NUMBER:
        if (!isfinite(cd->num))
            return pc_fail(err, PC_ERR_NUM, ARG_DATES, (gssize)i,
                           "row %zu: the close date is not a finite number", i + 1);
        dated = TRUE;
        day = floor(cd->num); /* dates compare by whole day */
        break;
    default:
        break;
    }
    gboolean closed = FALSE;
    switch (ko) {
    case PC_CELL_TEXT:
        closed = f->closed_text[co->text];
        break;
    case PC_CELL_ERROR:
        return pc_fail(err, PC_ERR_VALUE, ARG_OUTCOMES, (gssize)i,
                       "row %zu: the outcome is an error value", i + 1);
    case PC_CELL_NUMBER:
        if (!isfinite(co->num))
            return pc_fail(err, PC_ERR_NUM, ARG_OUTCOMES, (gssize)i,
                           "row %zu: the outcome is not a finite number", i + 1);
        if (co->num != 1.0 && co->num != 0.0)
            return pc_fail(err, PC_ERR_VALUE, ARG_OUTCOMES, (gssize)i,
                           "row %zu: the outcome %g is a number other than 1 "
                           "(won) or 0 (lost)", i + 1, co->num);
        closed = TRUE; /* 1 or TRUE: won; 0 or FALSE: lost */
        break;
    default:
        break;
    }
    d->closed = closed;
    d->day = dated ? day : NAN;
    d->counted = !closed && in_period(f->has_start, f->start, f->has_end, f->end, d->day);
    return PC_OK;
}

static PcStatus too_large(PcError *err)
{
    return pc_fail(err, PC_ERR_NUM, -1, -1, "the forecast is too large for a number");
}

/* Walk the deal rows: check each, add the counted ones into *EXPECTED (not checked for
 * overflow) and, when F asks for quantiles, put them into QUANTILES. */
static PcStatus sum_deals(const Forecast *f, double *expected, double *quantiles, PcError *err)
{
    gsize first = first_row_is_header(f) ? 1 : 0, counted = 0;
    double *amounts = NULL, *probs = NULL;
    PcStatus st = PC_OK;
    if (f->nq && f->n > first) {
        amounts = g_try_new(double, f->n - first);
        probs = g_try_new(double, f->n - first);
        if (!amounts || !probs) {
            st = no_memory(err);
            goto out;
        }
    }
    PcSum total = { 0.0, 0.0 };
    for (gsize i = first; i < f->n; i++) {
        Deal d = { 0 };
        st = read_deal(f, i, &d, err);
        if (st != PC_OK)
            goto out;
        if (d.blank || !d.counted)
            continue;
        pc_sum_add(&total, d.amount * d.prob);
        if (amounts) {
            amounts[counted] = d.amount;
            probs[counted++] = d.prob;
        }
    }
    *expected = pc_sum_value(&total);
    if (f->nq) {
        st = pc_won_total_quantiles(amounts, probs, counted, f->qs, f->nq, quantiles);
        if (st == PC_ERR_NOMEM)
            st = no_memory(err);
        else if (st != PC_OK)
            st = too_large(err);
    }
out:
    g_free(amounts);
    g_free(probs);
    return st;
}

/* Free what F holds (not F). */
static void forecast_clear(Forecast *f)
{
    if (f->stage_row)
        g_hash_table_destroy(f->stage_row);
    if (f->number_keys)
        g_ptr_array_unref(f->number_keys);
    if (f->table_keys)
        g_ptr_array_unref(f->table_keys);
    if (f->deal_keys)
        g_ptr_array_unref(f->deal_keys);
    if (f->outcome_keys)
        g_ptr_array_unref(f->outcome_keys);
    g_free(f->closed_text);
    g_free(f->row_of_text);
    g_free(f->amount_space);
    g_free(f->prob_space);
    g_free(f->date_space);
}

/* Read and check the texts and the stage table of F's arguments (forecast_clear F). */
static PcStatus forecast_prepare_data(Forecast *f, PcError *err)
{
    const PcForecastArgs *args = f->in;
    PcStatus st = find_space_texts(args->amounts, &f->amount_space, err);
    if (st == PC_OK && !f->by_stage)
        st = find_space_texts(args->probabilities, &f->prob_space, err);
    if (st == PC_OK)
        st = find_space_texts(f->dates, &f->date_space, err);
    if (st == PC_OK)
        st = index_outcome_texts(f, err);
    if (st == PC_OK) {
        f->deal_keys = pc_text_keys(args->stages);
        if (f->by_stage)
            st = read_stage_table(f, err);
        if (st == PC_OK && f->by_stage)
            st = index_stage_texts(f, err);
    }
    return st;
}

/* Read and check everything about ARGS but the deal rows into F (forecast_clear it). */
static PcStatus forecast_prepare(Forecast *f, const PcForecastArgs *args, PcError *err)
{
    f->in = args;
    PcStatus st = check_shapes(f, err);
    if (st == PC_OK)
        st = read_options(f, err);
    if (st == PC_OK)
        st = forecast_prepare_data(f, err);
    return st;
}

PcStatus pc_pipeline_forecast(const PcForecastArgs *args, double *result, PcError *err)
{
    g_return_val_if_fail(args && args->amounts && args->stages && args->probabilities && result,
                         PC_ERR_ARG);
    pc_error_clear(err);
    Forecast f = { 0 };
    PcStatus st = forecast_prepare(&f, args, err);
    double expected = 0.0, quantile = 0.0;
    if (st == PC_OK && f.has_q) {
        f.qs = &f.q;
        f.nq = 1;
    }
    if (st == PC_OK)
        st = sum_deals(&f, &expected, &quantile, err);
    double r = f.nq ? quantile : expected;
    if (st == PC_OK && !isfinite(r))
        st = too_large(err);
    if (st == PC_OK)
        *result = r;
    forecast_clear(&f);
    return st;
}

PcStatus pc_pipeline_forecast_quantiles(const PcForecastArgs *args, const double *qs, gsize nq,
                                        double *expected, double *quantiles, PcError *err)
{
    g_return_val_if_fail(args && args->amounts && args->stages && args->probabilities && expected &&
                             (qs || !nq) && (quantiles || !nq),
                         PC_ERR_ARG);
    pc_error_clear(err);
    PcForecastArgs without = *args; /* the percentiles are QS */
    without.percentile = NULL;
    Forecast f = { 0 };
    double e = 0.0, *q = g_try_new(double, MAX(nq, 1));
    PcStatus st = q ? forecast_prepare(&f, &without, err) : no_memory(err);
    for (gsize i = 0; st == PC_OK && i < nq; i++) /* after the arguments, as the calls check */
        if (!(qs[i] > 0.0 && qs[i] < 1.0))
            st = pc_fail(err, PC_ERR_NUM, ARG_PERCENTILE, -1,
                         "Percentile %g is not between 0 and 1 (0.9 for P90)", qs[i]);
    f.qs = qs;
    f.nq = nq;
    if (st == PC_OK)
        st = sum_deals(&f, &e, q, err);
    gboolean finite = isfinite(e);
    for (gsize i = 0; st == PC_OK && i < nq; i++)
        finite = finite && isfinite(q[i]);
    if (st == PC_OK && !finite)
        st = too_large(err);
    if (st == PC_OK) {
        *expected = e;
        if (nq) /* QUANTILES may be NULL then */
            memcpy(quantiles, q, nq * sizeof *q);
    }
    g_free(q);
    forecast_clear(&f);
    return st;
}

/* ---- the whole table in one call ----------------------------------------------------- */

/* The length of an argument given as a vector of elements (PeriodStart, PeriodEnd,
 * Percentile): 0 when omitted, -1 when it is two-dimensional. */
static gssize element_count(const PcTable *t)
{
    if (!t || t->rows == 0)
        return 0;
    return pc_table_vector_len(t);
}

/* One period as read from its cells, or the error of those cells. */
typedef struct {
    gboolean has_start, has_end;
    double start, end; /* whole days */
    PcStatus st;
} Period;

/* Read element I of a bound argument T (N_T cells: 0 omitted, 1 used for every period). */
static PcStatus read_bound(const PcTable *t, gssize n_t, gsize i, int arg, const char *name,
                           gboolean *given, double *day, PcError *err)
{
    *given = FALSE;
    if (n_t == 0)
        return PC_OK;
    gsize at = n_t == 1 ? 0 : i;
    double v = 0.0;
    PcStatus st = pc_optional_number_cell(t, pc_table_vector_at(t, at), arg, name, given, &v, err);
    if (st != PC_OK && err && n_t > 1)
        err->row = (gssize)at;
    *day = floor(v);
    return st;
}

/* Read period I of F's PeriodStart / PeriodEnd (NS and NE cells) into *P, its error in ERR. */
static void read_period(const Forecast *f, gssize ns, gssize ne, gsize i, Period *p, PcError *err)
{
    const PcForecastArgs *in = f->in;
    p->st = read_bound(in->period_start, ns, i, ARG_START, "PeriodStart", &p->has_start,
                       &p->start, err);
    if (p->st == PC_OK)
        p->st = read_bound(in->period_end, ne, i, ARG_END, "PeriodEnd", &p->has_end, &p->end,
                           err);
    if (p->st == PC_OK)
        p->st = check_period(f, p->has_start, p->start, p->has_end, p->end, err);
}

/* Read percentile J of F's Percentile (NQ cells) into *HAS, *Q; its error in ERR. */
static PcStatus read_percentile(const Forecast *f, gssize nq, gsize j, gboolean *has, double *q,
                                PcError *err)
{
    *has = FALSE;
    *q = 0.0;
    if (nq == 0)
        return PC_OK;
    const PcTable *t = f->in->percentile;
    PcStatus st = pc_optional_number_cell(t, pc_table_vector_at(t, j), ARG_PERCENTILE,
                                          "Percentile", has, q, err);
    if (st == PC_OK && *has)
        st = check_percentile(*q, err);
    if (st != PC_OK && err && nq > 1)
        err->row = (gssize)j;
    return st;
}

/* The open deals (not closed by their outcome) of F, in row order, checked: what every
 * period filters. */
typedef struct {
    double *amount, *prob, *day;
    gsize n;
} OpenDeals;

static PcStatus read_open_deals(Forecast *f, OpenDeals *od, PcError *err)
{
    gsize first = first_row_is_header(f) ? 1 : 0, rows = f->n > first ? f->n - first : 0;
    od->n = 0;
    od->amount = g_try_new(double, MAX(rows, 1));
    od->prob = g_try_new(double, MAX(rows, 1));
    od->day = g_try_new(double, MAX(rows, 1));
    if (!od->amount || !od->prob || !od->day)
        return no_memory(err);
    f->has_start = f->has_end = FALSE; /* counted: open; the periods are applied after */
    for (gsize i = first; i < f->n; i++) {
        Deal d = { 0 };
        PcStatus st = read_deal(f, i, &d, err);
        if (st != PC_OK)
            return st;
        if (d.blank || d.closed)
            continue;
        od->amount[od->n] = d.amount;
        od->prob[od->n] = d.prob;
        od->day[od->n++] = d.day;
    }
    return PC_OK;
}

/* Fill row I (M cells: HAS_Q, QS) of VALUES / STATUS for period P over OD, the deals of the
 * period gathered into A, PR (room for OD->n each): the sum and the quantiles exactly as
 * sum_deals and pc_pipeline_forecast compute them for that period alone. Returns
 * PC_ERR_NOMEM when memory runs out, else PC_OK. */
static PcStatus period_row(const OpenDeals *od, const Period *p, const gboolean *has_q,
                           const double *qs, const PcStatus *q_st, gsize m, double *a, double *pr,
                           double *wanted, double *got, double *values, PcStatus *status)
{
    gsize c = 0;
    PcSum total = { 0.0, 0.0 };
    for (gsize i = 0; i < od->n; i++) {
        if (!in_period(p->has_start, p->start, p->has_end, p->end, od->day[i]))
            continue;
        pc_sum_add(&total, od->amount[i] * od->prob[i]);
        a[c] = od->amount[i];
        pr[c++] = od->prob[i];
    }
    double expected = pc_sum_value(&total);
    gsize nw = 0;
    for (gsize j = 0; j < m; j++)
        if (q_st[j] == PC_OK && has_q[j])
            wanted[nw++] = qs[j];
    PcStatus st = nw ? pc_won_total_quantiles(a, pr, c, wanted, nw, got) : PC_OK;
    if (st == PC_ERR_NOMEM)
        return st;
    gboolean each = st != PC_OK; /* one overflows: ask each alone, as its own call would */
    for (gsize j = 0, w = 0; j < m; j++) {
        if (q_st[j] != PC_OK) {
            status[j] = q_st[j];
            continue;
        }
        double v = expected;
        PcStatus s = PC_OK;
        if (has_q[j]) {
            if (each)
                s = pc_won_total_quantile(a, pr, c, qs[j], &v);
            else
                v = got[w];
            w++;
            if (s == PC_ERR_NOMEM)
                return s;
        }
        status[j] = s == PC_OK && isfinite(v) ? PC_OK : PC_ERR_NUM;
        values[j] = status[j] == PC_OK ? v : 0.0;
    }
    return PC_OK;
}

PcStatus pc_pipeline_forecast_table(const PcForecastArgs *args, double **values,
                                    PcStatus **status, gsize *rows, gsize *cols, PcError *err)
{
    g_return_val_if_fail(args && args->amounts && args->stages && args->probabilities && values &&
                             status && rows && cols,
                         PC_ERR_ARG);
    pc_error_clear(err);
    Forecast f = { 0 };
    f.in = args;
    PcStatus st = check_shapes(&f, err);
    gssize ns = element_count(args->period_start), ne = element_count(args->period_end);
    gssize nq = element_count(args->percentile);
    if (st == PC_OK && ns < 0)
        st = pc_fail(err, PC_ERR_ARG, ARG_START, -1,
                     "PeriodStart must be one cell, or one column or row of cells");
    if (st == PC_OK && ne < 0)
        st = pc_fail(err, PC_ERR_ARG, ARG_END, -1,
                     "PeriodEnd must be one cell, or one column or row of cells");
    if (st == PC_OK && nq < 0)
        st = pc_fail(err, PC_ERR_ARG, ARG_PERCENTILE, -1,
                     "Percentile must be one cell, or one column or row of cells");
    if (st == PC_OK && ns > 1 && ne > 1 && ns != ne)
        st = pc_fail(err, PC_ERR_ARG, ARG_END, -1,
                     "PeriodStart and PeriodEnd must have the same number of cells, or one of "
                     "them a single cell");
    gsize k = (gsize)MAX(MAX(ns, ne), 1), m = (gsize)MAX(nq, 1);
    if (st == PC_OK && k > PC_TABLE_MAX_CELLS / m)
        st = no_memory(err);
    if (st != PC_OK)
        return st;

    Period *per = g_try_new(Period, k);
    gboolean *has_q = g_try_new(gboolean, m);
    double *qs = g_try_new(double, m);
    PcStatus *q_st = g_try_new(PcStatus, m);
    double *out = g_try_new0(double, k * m);
    PcStatus *out_st = g_try_new(PcStatus, k * m);
    double *a = NULL, *pr = NULL, *wanted = g_try_new(double, m), *got = g_try_new(double, m);
    OpenDeals od = { 0 };
    gsize bad_periods = 0, bad_qs = 0;
    if (!per || !has_q || !qs || !q_st || !out || !out_st || !wanted || !got) {
        st = no_memory(err);
        goto out;
    }
    /* the elements first: a call with a bad period or percentile fails before the deals */
    for (gsize i = 0; i < k; i++) {
        read_period(&f, ns, ne, i, &per[i], NULL);
        bad_periods += per[i].st != PC_OK;
    }
    for (gsize j = 0; j < m; j++) {
        q_st[j] = read_percentile(&f, nq, j, &has_q[j], &qs[j], NULL);
        bad_qs += q_st[j] != PC_OK;
    }
    PcError data_err;
    pc_error_clear(&data_err);
    PcStatus data = PC_OK;
    gboolean any_good = bad_periods < k && bad_qs < m;
    if (any_good) {
        data = forecast_prepare_data(&f, &data_err);
        if (data == PC_OK)
            data = read_open_deals(&f, &od, &data_err);
        if (data == PC_ERR_NOMEM || (data != PC_OK && !bad_periods && !bad_qs)) {
            st = data; /* fills the whole result, as for one call */
            if (err)
                *err = data_err;
            goto out;
        }
    }
    if (any_good && data == PC_OK) {
        a = g_try_new(double, MAX(od.n, 1));
        pr = g_try_new(double, MAX(od.n, 1));
        if (!a || !pr) {
            st = no_memory(err);
            goto out;
        }
    }
    for (gsize i = 0; i < k; i++) {
        double *row = out + i * m;
        PcStatus *row_st = out_st + i * m;
        if (per[i].st != PC_OK || data != PC_OK || bad_qs == m) {
            for (gsize j = 0; j < m; j++)
                row_st[j] = per[i].st != PC_OK ? per[i].st : q_st[j] != PC_OK ? q_st[j] : data;
            continue;
        }
        st = period_row(&od, &per[i], has_q, qs, q_st, m, a, pr, wanted, got, row, row_st);
        if (st != PC_OK) {
            st = no_memory(err);
            goto out;
        }
    }
    /* ERR: the reason of the first cell in error, row by row (Explain shows it) */
    for (gsize c = 0; c < k * m && err; c++) {
        if (out_st[c] == PC_OK)
            continue;
        gsize i = c / m, j = c % m;
        Period p;
        if (per[i].st != PC_OK)
            read_period(&f, ns, ne, i, &p, err);
        else if (q_st[j] != PC_OK)
            read_percentile(&f, nq, j, &has_q[j], &qs[j], err);
        else if (data != PC_OK)
            *err = data_err;
        else
            too_large(err);
        break;
    }
    *values = out;
    *status = out_st;
    *rows = k;
    *cols = m;
    out = NULL;
    out_st = NULL;
out:
    g_free(per);
    g_free(has_q);
    g_free(qs);
    g_free(q_st);
    g_free(out);
    g_free(out_st);
    g_free(a);
    g_free(pr);
    g_free(wanted);
    g_free(got);
    g_free(od.amount);
    g_free(od.prob);
    g_free(od.day);
    forecast_clear(&f);
    return st;
}
