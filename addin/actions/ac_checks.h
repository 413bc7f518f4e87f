/* ac_checks.h - the panel's data checks on the detected table (pc_checks.h worded for the
 * user) and the one fix offered: probabilities typed as 0-100 divided by 100. */
#ifndef AC_CHECKS_H
#define AC_CHECKS_H

#include "cc_table.h"

/* The findings on T as sentences (g_ptr_array_unref; strings owned), naming sheet cells.
 * Empty when T holds no table or nothing was found. *PERCENT_FIXABLE (may be NULL) tells
 * whether the percent finding is there. Stages are checked against the stage table of
 * our forecast sheet when there is one. */
GPtrArray *ac_checks_list(const CcLeadTable *t, gboolean *percent_fixable);

/* Divide the probability column's constant numbers in (1, 100] by 100 and give them the
 * percent format, as one undo step; cells holding formulas are never changed. TRUE with
 * the report, or FALSE with the user's sentence why nothing was written (g_free). */
gboolean ac_checks_fix_percent(CcLeadTable *t, char **message);

#endif
