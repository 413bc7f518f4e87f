/* pc_deals.c - counts and rates of a group of deals (pc_deals.h). */
#include "pc_deals.h"

void pc_deals_add(PcDeals *d, PcOutcome outcome, double amount, double cycle_days)
{
    switch (outcome) {
    case PC_OUTCOME_NONE:
        d->open++;
        pc_sum_add(&d->open_amount, amount);
        break;
    case PC_OUTCOME_LOST:
        d->lost++;
        break;
    case PC_OUTCOME_WON:
        d->won++;
        pc_sum_add(&d->won_amount, amount);
        if (!isnan(cycle_days)) {
            pc_sum_add(&d->cycle_days, cycle_days);
            d->cycles++;
        }
        break;
    }
}

/* A compensated sum added into another: its sum, and its correction kept apart. */
static void sum_merge(PcSum *into, const PcSum *from)
{
    pc_sum_add(into, from->sum);
    into->comp += from->comp;
}

void pc_deals_merge(PcDeals *into, const PcDeals *from)
{
    into->open += from->open;
    into->won += from->won;
    into->lost += from->lost;
    sum_merge(&into->open_amount, &from->open_amount);
    sum_merge(&into->won_amount, &from->won_amount);
    sum_merge(&into->cycle_days, &from->cycle_days);
    into->cycles += from->cycles;
}

double pc_deals_win_rate(const PcDeals *d)
{
    gsize closed = d->won + d->lost;
    return closed ? (double)d->won / (double)closed : NAN;
}

void pc_deals_win_interval(const PcDeals *d, double z, double *lo, double *hi)
{
    gsize closed = d->won + d->lost;
    if (!closed) {
        *lo = *hi = NAN;
        return;
    }
    double n = (double)closed, p = (double)d->won / n, z2 = z * z;
    double centre = p + z2 / (2 * n);
    double spread = z * sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    double scale = 1 + z2 / n;
    *lo = fmax(0.0, (centre - spread) / scale);
    *hi = fmin(1.0, (centre + spread) / scale);
}

double pc_deals_average_won(const PcDeals *d)
{
    return d->won ? pc_sum_value(&d->won_amount) / (double)d->won : NAN;
}

double pc_deals_average_cycle(const PcDeals *d)
{
    return d->cycles ? pc_sum_value(&d->cycle_days) / (double)d->cycles : NAN;
}

double pc_deals_velocity(const PcDeals *d)
{
    double cycle = pc_deals_average_cycle(d);
    if (isnan(cycle) || cycle <= 0)
        return NAN;
    return (double)d->open * pc_deals_win_rate(d) * pc_deals_average_won(d) / cycle;
}
