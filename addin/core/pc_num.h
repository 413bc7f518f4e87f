/* pc_num.h - small numeric helpers several core files share. */
#ifndef PC_NUM_H
#define PC_NUM_H

#include <glib.h>
#include <math.h>
#include <string.h>

/* Neumaier's compensated sum, so that many small deals add up exactly enough. Start
 * from { 0, 0 }; the total is pc_sum_value(). */
typedef struct {
    double sum, comp;
} PcSum;

static inline void pc_sum_add(PcSum *s, double x)
{
    double t = s->sum + x;
    if (fabs(s->sum) >= fabs(x))
        s->comp += (s->sum - t) + x;
    else
        s->comp += (x - t) + s->sum;
    s->sum = t;
}

static inline double pc_sum_value(const PcSum *s)
{
    return s->sum + s->comp;
}

/* GHashTable callbacks for keys that point to doubles, compared by value: 0 and -0 are
 * one key (NaN never reaches a table: callers refuse non-finite numbers first). */
static inline guint pc_number_hash(gconstpointer p)
{
    double v = *(const double *)p;
    if (v == 0.0)
        v = 0.0;
    guint64 bits;
    memcpy(&bits, &v, sizeof bits);
    return (guint)(bits ^ (bits >> 32));
}

static inline gboolean pc_number_equal(gconstpointer a, gconstpointer b)
{
    return *(const double *)a == *(const double *)b;
}

#endif
