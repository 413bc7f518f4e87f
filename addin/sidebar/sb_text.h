/* sb_text.h - every text the sidebar shows, in English and German.
 *
 * The language follows the office's user interface (/org.openoffice.Setup/L10N/ooLocale,
 * read once by sb_text_init); texts with arguments are printf formats. */
#ifndef SB_TEXT_H
#define SB_TEXT_H

#include "cu_sdk.h"
#include "pc_roles.h"

typedef enum {
    SB_NO_TABLE,
    SB_TABLE,
    SB_COLUMNS,
    SB_SCORE_COLUMN,
    SB_PROTECTED,
    SB_READONLY,
    SB_NO_ROWS,
    SB_NO_OUTCOME,
    SB_NO_CLOSED,
    SB_NO_ATTRIBUTES,
    SB_NO_OPEN,
    SB_IN_THE_WAY,
    SB_NO_ROOM,
    SB_SCORED,
    SB_SCORE_FAILED,
    SB_SCORE_HEADER,
    SB_UNDO_SCORE,
    SB_UNDO_FORECAST,
    SB_FORECAST_NEEDS,
    SB_FORECAST_DONE,
    SB_FORECAST_FAILED,
    SB_FC_TITLE,
    SB_FC_SOURCE,
    SB_FC_STAGE,
    SB_FC_PROBABILITY,
    SB_FC_DEALS,
    SB_FC_MONTH,
    SB_FC_EXPECTED,
    SB_TEXT_P10,
    SB_TEXT_P50,
    SB_TEXT_P90,
    SB_FC_FROM,
    SB_FC_UNTIL,
    SB_FC_OWNER,
    SB_FC_TOTAL,
    SB_FC_NO_DATE,
    SB_FC_NO_OWNER,
    SB_FC_SHEET,
    SB_FC_PROB_FALLBACK,
    SB_BUTTON_SCORE,
    SB_BUTTON_FORECAST,
    SB_PANEL_HEADING,
    SB_FAILED,
    SB_EX_NOT_OURS,
    SB_EX_FINE,
    SB_EX_ERROR,
    SB_EX_NOT_FROM_ARGS,
    SB_EX_CANNOT,
    SB_EX_EMPTY,
    SB_CK_HEADING,
    SB_CK_NONE,
    SB_CK_PERCENT,
    SB_CK_OVERDUE,
    SB_CK_CURRENCIES,
    SB_CK_UNKNOWN,
    SB_CK_REJECTED_ROW,
    SB_CK_REJECTED,
    SB_BUTTON_FIX_PERCENT,
    SB_UNDO_FIX_PERCENT,
    SB_FIX_DONE,
    SB_FIX_FORMULAS,
    SB_FIX_NOTHING,
    SB_FN_TITLE,
    SB_FN_SOURCE,
    SB_FN_REACHED,
    SB_FN_TO_NEXT,
    SB_FN_TO_WON,
    SB_FN_NEEDED,
    SB_FN_TARGET,
    SB_FN_REVENUE,
    SB_FN_DEALS,
    SB_FN_AVERAGE,
    SB_FN_SHEET,
    SB_FN_DONE,
    SB_FN_FAILED,
    SB_FN_NEEDS,
    SB_FN_NEED_TARGET,
    SB_UNDO_FUNNEL,
    SB_BUTTON_FUNNEL,
    SB_LABEL_TARGET,
    SB_SHARE_UNSAVED,
    SB_SHARE_NOT_FILE,
    SB_SHARE_SAME,
    SB_SHARE_NOTHING,
    SB_SHARE_DONE,
    SB_SHARE_FAILED,
    SB_BUTTON_SHARE,
    SB_PERIOD_ALL,
    SB_PERIOD_MONTH,
    SB_PERIOD_QUARTER,
    SB_PERIOD_YEAR,
    SB_PERIOD_CUSTOM,
    SB_LABEL_FROM,
    SB_LABEL_UNTIL,
    SB_FC_PERIOD,
    SB_FC_BAD_PERIOD,
    SB_FORECAST_PERIOD_DONE,
    SB_FACTORS_HEAD,
    SB_FACTORS_NONE,
    SB_FC_BAD_DATE,
    SB_ROLES_BAD_PAIR,
    SB_ROLES_NO_COLUMN,
    SB_ROLES_BAD_ROLE,
    SB_NO_TABLE_AT,
    SB_HISTORY_NO_ATTRIBUTES,
    SB_SCORED_FROM,
    SB_STAGES_MISSING,
    SB_STAGES_BAD,
    SB_LABEL_ROLES,
    SB_BUTTON_ROLES,
    SB_LABEL_HISTORY,
    SB_LABEL_STAGES,
    SB_ROLES_SAVED,
    SB_SCORE_BANDS,
    SB_LABEL_ROLE_BOXES,
    SB_NO_COLUMN,
    SB_ROLE_SAVED,
    SB_ROLES_NOT_ONE,
    SB_SHEET_ROW,
    SB_ERR_CODE,
    SB_FACTOR_LINE,
    SB_SHARE_SUFFIX,
    SB_ASK_SHIFT,
    SB_ASK_NEW_SHEET,
    SB_FC_NO_OPEN,
    SB_N_TEXTS
} SbText;

/* Read the user interface language from CONTEXT's configuration (once per process). */
void sb_text_init(uno_Interface *context);

/* TRUE when the user interface is German. */
gboolean sb_text_german(void);

/* The text ID in the user interface language. */
const char *sb_text(SbText id);

/* V with DECIMALS (0-6) decimals as the user interface language writes numbers:
 * "7,900.00" / "7.900,00", whatever the process's C locale (g_free). Magnitudes from 1e15
 * and non-finite values in %g style, without grouping. */
char *sb_text_number(double v, int decimals);

/* What Calc shows for an error, by its English name ("#N/A", "#VALUE!", "Err:502"), in
 * the user interface language: a German Calc shows "#NV", "#WERT!", "Fehler:502". */
const char *sb_error_name(const char *english);

/* The name of a column role in the user interface language. */
const char *sb_role_name(PcRole role);

/* The label of ROLE's list box in the panel ("Close date:"). */
const char *sb_role_label(PcRole role);

#endif
