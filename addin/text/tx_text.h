/* tx_text.h - every text the sidebar shows, in English and German.
 *
 * The language follows the office's user interface (/org.openoffice.Setup/L10N/ooLocale,
 * read once by tx_text_init); texts with arguments are printf formats. */
#ifndef TX_TEXT_H
#define TX_TEXT_H

#include "cu_sdk.h"
#include "pc_roles.h"

typedef enum {
    TX_NO_TABLE,
    TX_TABLE,
    TX_COLUMNS,
    TX_SCORE_COLUMN,
    TX_PROTECTED,
    TX_READONLY,
    TX_NO_ROWS,
    TX_NO_OUTCOME,
    TX_NO_CLOSED,
    TX_NO_ATTRIBUTES,
    TX_NO_OPEN,
    TX_IN_THE_WAY,
    TX_NO_ROOM,
    TX_SCORED,
    TX_SCORE_FAILED,
    TX_SCORE_HEADER,
    TX_UNDO_SCORE,
    TX_UNDO_FORECAST,
    TX_FORECAST_NEEDS,
    TX_FORECAST_DONE,
    TX_FORECAST_FAILED,
    TX_FC_TITLE,
    TX_FC_SOURCE,
    TX_FC_STAGE,
    TX_FC_PROBABILITY,
    TX_FC_DEALS,
    TX_FC_MONTH,
    TX_FC_EXPECTED,
    TX_TEXT_P10,
    TX_TEXT_P50,
    TX_TEXT_P90,
    TX_FC_FROM,
    TX_FC_UNTIL,
    TX_FC_OWNER,
    TX_FC_TOTAL,
    TX_FC_NO_DATE,
    TX_FC_NO_OWNER,
    TX_FC_SHEET,
    TX_FC_PROB_FALLBACK,
    TX_BUTTON_SCORE,
    TX_BUTTON_FORECAST,
    TX_PANEL_HEADING,
    TX_FAILED,
    TX_EX_NOT_OURS,
    TX_EX_FINE,
    TX_EX_ERROR,
    TX_EX_NOT_FROM_ARGS,
    TX_EX_CANNOT,
    TX_EX_EMPTY,
    TX_CK_HEADING,
    TX_CK_NONE,
    TX_CK_PERCENT,
    TX_CK_OVERDUE,
    TX_CK_CURRENCIES,
    TX_CK_UNKNOWN,
    TX_CK_REJECTED_ROW,
    TX_CK_REJECTED,
    TX_BUTTON_FIX_PERCENT,
    TX_UNDO_FIX_PERCENT,
    TX_FIX_DONE,
    TX_FIX_FORMULAS,
    TX_FIX_NOTHING,
    TX_FN_TITLE,
    TX_FN_SOURCE,
    TX_FN_REACHED,
    TX_FN_TO_NEXT,
    TX_FN_TO_WON,
    TX_FN_NEEDED,
    TX_FN_TARGET,
    TX_FN_REVENUE,
    TX_FN_DEALS,
    TX_FN_AVERAGE,
    TX_FN_SHEET,
    TX_FN_DONE,
    TX_FN_FAILED,
    TX_FN_NEEDS,
    TX_FN_NEED_TARGET,
    TX_UNDO_FUNNEL,
    TX_BUTTON_FUNNEL,
    TX_LABEL_TARGET,
    TX_SHARE_UNSAVED,
    TX_SHARE_NOT_FILE,
    TX_SHARE_SAME,
    TX_SHARE_NOTHING,
    TX_SHARE_DONE,
    TX_SHARE_FAILED,
    TX_BUTTON_SHARE,
    TX_PERIOD_ALL,
    TX_PERIOD_MONTH,
    TX_PERIOD_QUARTER,
    TX_PERIOD_YEAR,
    TX_PERIOD_CUSTOM,
    TX_LABEL_FROM,
    TX_LABEL_UNTIL,
    TX_FC_PERIOD,
    TX_FC_BAD_PERIOD,
    TX_FORECAST_PERIOD_DONE,
    TX_FACTORS_HEAD,
    TX_FACTORS_NONE,
    TX_FC_BAD_DATE,
    TX_ROLES_BAD_PAIR,
    TX_ROLES_NO_COLUMN,
    TX_ROLES_BAD_ROLE,
    TX_NO_TABLE_AT,
    TX_HISTORY_NO_ATTRIBUTES,
    TX_SCORED_FROM,
    TX_STAGES_MISSING,
    TX_STAGES_BAD,
    TX_LABEL_ROLES,
    TX_BUTTON_ROLES,
    TX_LABEL_HISTORY,
    TX_LABEL_STAGES,
    TX_ROLES_SAVED,
    TX_SCORE_BANDS,
    TX_LABEL_ROLE_BOXES,
    TX_NO_COLUMN,
    TX_ROLE_SAVED,
    TX_ROLES_NOT_ONE,
    TX_SHEET_ROW,
    TX_ERR_CODE,
    TX_FACTOR_LINE,
    TX_SHARE_SUFFIX,
    TX_ASK_SHIFT,
    TX_ASK_NEW_SHEET,
    TX_FC_NO_OPEN,
    TX_N_TEXTS
} TxText;

/* Read the user interface language from CONTEXT's configuration (once per process). */
void tx_text_init(uno_Interface *context);

/* TRUE when the user interface is German. */
gboolean tx_text_german(void);

/* The text ID in the user interface language. */
const char *tx_text(TxText id);

/* V with DECIMALS (0-6) decimals as the user interface language writes numbers:
 * "7,900.00" / "7.900,00", whatever the process's C locale (g_free). Magnitudes from 1e15
 * and non-finite values in %g style, without grouping. */
char *tx_text_number(double v, int decimals);

/* What Calc shows for an error, by its English name ("#N/A", "#VALUE!", "Err:502"), in
 * the user interface language: a German Calc shows "#NV", "#WERT!", "Fehler:502". */
const char *tx_error_name(const char *english);

/* The name of a column role in the user interface language. */
const char *tx_role_name(PcRole role);

/* The label of ROLE's list box in the panel ("Close date:"). */
const char *tx_role_label(PcRole role);

#endif
