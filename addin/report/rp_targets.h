/* rp_targets.h - the manager's revenue targets per month or per quarter.
 *
 * Typed in the panel as "2027-01=100000; 2027-02=120000" or "Q1 2027=300000" (';' or new
 * lines between entries, the amount read by RpNumbers as Calc reads a number typed into a
 * cell), or read from a small table with a header row: a period column headed Month,
 * Monat, Quarter, Quartal, Period, Periode or Zeitraum and a target column headed Target,
 * Ziel, Soll, Quota, Zielwert or Sollwert. A period is a month, "2027-01", "2027/1",
 * "01/2027", "01.2027", or a quarter, "Q1 2027", "Q1/2027", "2027-Q1", "2027 Q1" (the
 * same in German); in a table also a date (a Calc serial): its month, or its quarter in a
 * column headed Quarter or Quartal. Every target is per month or every one per quarter,
 * never both; a period given twice is refused; each amount must be above 0. */
#ifndef RP_TARGETS_H
#define RP_TARGETS_H

#include "rp_stages.h"

typedef struct {
    gint first, last;        /* the period's first and last month (pc_month_of_serial's
                                numbering), inclusive: one month, or a quarter's three */
    double target;
} RpTarget;

typedef struct {
    RpTarget *t;             /* sorted by period */
    gsize n;
    gboolean quarters;       /* every target is a quarter's */
} RpTargets;

/* The targets typed as SPEC into *OUT (rp_targets_clear; cleared first): an empty or blank
 * SPEC gives none. FALSE with the user's sentence naming the entry in *MESSAGE (g_free). */
gboolean rp_targets_parse(const char *spec, const RpNumbers *numbers, RpTargets *out,
                          char **message);

/* The targets of the table T (header row first; its header cell on sheet row ROW0, 0-based)
 * in the date system DATES into *OUT. Blank rows are skipped. FALSE with the user's
 * sentence naming the sheet row in *MESSAGE (g_free). */
gboolean rp_targets_read(const PcTable *t, gsize row0, const PcDates *dates, RpTargets *out,
                         char **message);

void rp_targets_clear(RpTargets *t);

/* The target of the period starting at month FIRST, NULL when none. */
const RpTarget *rp_targets_find(const RpTargets *t, gint first);

/* The period from month FIRST as its label: "2027-01" for a month, "Q1 2027" for a
 * quarter, into BUF (at least 16 bytes). */
void rp_period_label(gint first, gboolean quarter, char *buf, gsize size);

/* The first month of the quarter month M lies in. */
gint rp_quarter_of_month(gint m);

#endif
