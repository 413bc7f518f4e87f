/* pc_months.c - Calc serials to dates and months and back, through GDate's Julian days. */
#include "pc_months.h"

#include <math.h>
#include <stdio.h>

PcDates pc_dates_default(void)
{
    return pc_dates_with_null(1899, 12, 30); /* LibreOffice's default null date */
}

PcDates pc_dates_with_null(int year, int month, int day)
{
    if (!g_date_valid_dmy((GDateDay)day, (GDateMonth)month, (GDateYear)year))
        return pc_dates_default();
    GDate d;
    g_date_clear(&d, 1);
    g_date_set_dmy(&d, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
    PcDates dates = { g_date_get_julian(&d) };
    return dates;
}

gboolean pc_date_of_serial(const PcDates *dates, double serial, GDate *date)
{
    if (!isfinite(serial) || fabs(serial) > 4e6) /* beyond any year 1900-9999 */
        return FALSE;
    double julian = (double)dates->null_day + floor(serial);
    if (julian < 1 || julian > G_MAXUINT32)
        return FALSE;
    g_date_clear(date, 1);
    g_date_set_julian(date, (guint32)julian);
    GDateYear y = g_date_get_year(date);
    return y >= 1900 && y <= 9999;
}

double pc_serial_of_date(const PcDates *dates, const GDate *date)
{
    return (double)g_date_get_julian(date) - (double)dates->null_day;
}

void pc_date_iso(const PcDates *dates, double serial, char *buf, gsize size)
{
    GDate d;
    if (!pc_date_of_serial(dates, serial, &d)) {
        g_strlcpy(buf, "...", size);
        return;
    }
    g_snprintf(buf, size, "%04d-%02d-%02d", (int)g_date_get_year(&d), (int)g_date_get_month(&d),
               (int)g_date_get_day(&d));
}

gint pc_month_of_serial(const PcDates *dates, double serial)
{
    GDate d;
    if (!pc_date_of_serial(dates, serial, &d))
        return -1;
    return (gint)g_date_get_year(&d) * 12 + (gint)g_date_get_month(&d) - 1;
}

double pc_month_first_day(const PcDates *dates, gint month)
{
    GDate d;
    g_date_clear(&d, 1);
    g_date_set_dmy(&d, 1, (GDateMonth)(month % 12 + 1), (GDateYear)(month / 12));
    return pc_serial_of_date(dates, &d);
}

double pc_month_last_day(const PcDates *dates, gint month)
{
    return pc_month_first_day(dates, month + 1) - 1;
}

void pc_month_label(gint month, char *buf, gsize size)
{
    g_snprintf(buf, size, "%04d-%02d", month / 12, month % 12 + 1);
}
