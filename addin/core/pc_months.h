/* pc_months.h - Calc date serials grouped by calendar month, for the forecast sheet.
 *
 * A Calc date is a serial day number counted from 1899-12-30 (serial 1 = 1899-12-31);
 * the time of day is the fraction, ignored here. A month is numbered year * 12 + month - 1
 * so that months sort and subtract as integers.
 */
#ifndef PC_MONTHS_H
#define PC_MONTHS_H

#include <glib.h>

/* The month of SERIAL, or -1 when SERIAL is not a date Calc can show (not finite, before
 * 1900-01-01 or after 9999-12-31). */
gint pc_month_of_serial(double serial);

/* The serial of the first / last day of MONTH (a value of pc_month_of_serial). */
double pc_month_first_day(gint month);
double pc_month_last_day(gint month);

/* Write MONTH as "2026-01" into BUF (at least 8 bytes). */
void pc_month_label(gint month, char *buf, gsize size);

#endif
