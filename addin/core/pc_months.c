/* pc_months.c - Calc serials to months and back, through GDate's Julian day numbers. */
#include "pc_months.h"

#include <math.h>
#include <stdio.h>

/* GDate's Julian day of 1899-12-30, Calc's day 0 */
static guint32 epoch(void)
{
    GDate d;
    g_date_clear(&d, 1);
    g_date_set_dmy(&d, 30, G_DATE_DECEMBER, 1899);
    return g_date_get_julian(&d);
}

enum { FIRST_SERIAL = 2, LAST_SERIAL = 2958465 }; /* 1900-01-01 .. 9999-12-31 */

gint pc_month_of_serial(double serial)
{
    if (!isfinite(serial) || serial < FIRST_SERIAL || serial >= LAST_SERIAL + 1)
        return -1;
    GDate d;
    g_date_clear(&d, 1);
    g_date_set_julian(&d, epoch() + (guint32)floor(serial));
    return (gint)g_date_get_year(&d) * 12 + (gint)g_date_get_month(&d) - 1;
}

double pc_month_first_day(gint month)
{
    GDate d;
    g_date_clear(&d, 1);
    g_date_set_dmy(&d, 1, (GDateMonth)(month % 12 + 1), (GDateYear)(month / 12));
    return (double)g_date_get_julian(&d) - epoch();
}

double pc_month_last_day(gint month)
{
    return pc_month_first_day(month + 1) - 1;
}

void pc_month_label(gint month, char *buf, gsize size)
{
    g_snprintf(buf, size, "%04d-%02d", month / 12, month % 12 + 1);
}
