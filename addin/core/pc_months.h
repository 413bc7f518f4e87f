/* pc_months.h - Calc date serials as dates and calendar months, in a document's date system.
 *
 * A Calc date is a serial day number counted from the document's null date (Tools >
 * Options > Calc > Calculate; its NullDate property): 1899-12-30 unless the document says
 * otherwise (1904-01-01 in files from old Mac Excel), so serial 1 is the day after it. The
 * time of day is the fraction, ignored here. A month is numbered year * 12 + month - 1 so
 * that months sort and subtract as integers.
 */
#ifndef PC_MONTHS_H
#define PC_MONTHS_H

#include <glib.h>

typedef struct {
    guint32 null_day; /* GDate's Julian day of serial 0 */
} PcDates;

/* The date system of a document that names no null date: 1899-12-30. */
PcDates pc_dates_default(void);

/* The date system whose serial 0 is DAY.MONTH.YEAR; the default when that is no date. */
PcDates pc_dates_with_null(int year, int month, int day);

/* The day of SERIAL into *DATE; FALSE when SERIAL is no date Calc can show here (not
 * finite, before 1900-01-01 or after 9999-12-31). */
gboolean pc_date_of_serial(const PcDates *dates, double serial, GDate *date);

/* The serial of DATE. */
double pc_serial_of_date(const PcDates *dates, const GDate *date);

/* SERIAL as "2026-01-15" into BUF (at least 11 bytes); "..." when it is no date. */
void pc_date_iso(const PcDates *dates, double serial, char *buf, gsize size);

/* The month of SERIAL, or -1 when SERIAL is no date (as pc_date_of_serial). */
gint pc_month_of_serial(const PcDates *dates, double serial);

/* The serial of the first / last day of MONTH (a value of pc_month_of_serial). */
double pc_month_first_day(const PcDates *dates, gint month);
double pc_month_last_day(const PcDates *dates, gint month);

/* Write MONTH as "2026-01" into BUF (at least 8 bytes). */
void pc_month_label(gint month, char *buf, gsize size);

#endif
