/* pc_roles.h - what each column of a lead table is, recognised from its header.
 *
 * The sidebar finds a table with a header row around the cell cursor and needs to know
 * which column holds the deal name, the stage, the amount, ... Headers are matched in
 * English and German after pc_text_key and after turning punctuation into spaces
 * ("Close_Date", "close-date" and "Close date" are one header). A header matches a role
 * when it equals one of the role's phrases or, for amounts, probabilities, dates and
 * currencies, starts with a phrase of 6 or more characters and a space ("Amount EUR",
 * "Betrag (EUR)"). Every column with no role is a scoring attribute.
 *
 * The forecast category: "Forecast category", "Forecast cat", "ForecastCategory",
 * "Prognosekategorie", "Forecast-Kategorie" name it by the header alone. A header of only
 * "Category" or "Kategorie" (often a product or lead category, a scoring attribute) names
 * it only when the column's values are category words (pc_category_is_column):
 * pc_roles_detect looks at them, pc_role_of_header alone answers PC_ROLE_ATTRIBUTE.
 */
#ifndef PC_ROLES_H
#define PC_ROLES_H

#include "pc_table.h"
#include "pc_text.h"

typedef enum {
    PC_ROLE_ATTRIBUTE = 0, /* anything else: used by the lead score */
    PC_ROLE_NAME,          /* deal / lead name, company */
    PC_ROLE_ID,            /* a unique key: never an attribute */
    PC_ROLE_STAGE,
    PC_ROLE_AMOUNT,
    PC_ROLE_PROBABILITY,
    PC_ROLE_CLOSE_DATE,
    PC_ROLE_OWNER,
    PC_ROLE_OUTCOME, /* won / lost / open */
    PC_ROLE_CREATED,
    PC_ROLE_CURRENCY,
    PC_ROLE_PRODUCT, /* the product or service sold: reported by product, and still a
                        scoring attribute (pc_role_scores) */
    PC_ROLE_CATEGORY, /* the rep's forecast category (pc_category.h): Commit, Best case, ... */
    PC_ROLE_IGNORED, /* set by the caller: an output column of ours, never an attribute */
    PC_N_ROLES
} PcRole;

/* TRUE for the roles whose columns the lead score learns from: attributes, and the product
 * (which product a lead asks about says something about whether it is won). */
gboolean pc_role_scores(PcRole role);

/* The role a header text names (UTF-8), PC_ROLE_ATTRIBUTE when none. */
PcRole pc_role_of_header(const char *header);

/* A stable English identifier of ROLE ("stage"), for messages and tests. */
const char *pc_role_id(PcRole role);

/* Fill ROLES[c] for every column c of T from its row 0, the header. A column whose
 * ROLES[c] is already PC_ROLE_IGNORED stays so. Only the first column of each role gets
 * it; a later column naming the same role becomes PC_ROLE_IGNORED (two amount columns
 * would make any choice a guess, and neither may become an attribute). A blank or numeric
 * header gives PC_ROLE_ATTRIBUTE. */
void pc_roles_detect(const PcTable *t, PcRole *roles);

/* The first column of T's ROLES (N columns) with ROLE, or -1. */
gssize pc_roles_find(const PcRole *roles, gsize n, PcRole role);

/* The role whose pc_role_id is ID (ASCII case ignored); "none" also names PC_ROLE_IGNORED.
 * PC_N_ROLES when ID names no role. */
PcRole pc_role_from_id(const char *id);

/* The first column of T whose header (row 0) equals HEADER after pc_text_key, or -1. */
gssize pc_roles_column_of(const PcTable *t, const char *header);

/* Apply the manager's choices to ROLES (NCOLS columns, as pc_roles_detect left them):
 * column COLS[i] gets SET[i], for i < N. A column that was not chosen itself but held one
 * of the chosen roles other than PC_ROLE_ATTRIBUTE / PC_ROLE_IGNORED becomes
 * PC_ROLE_IGNORED, so each such role stays with one column ("Region" made the owner: the
 * "Owner" column is no longer used, and never becomes an attribute behind the manager's
 * back). Columns out of range are skipped. */
void pc_roles_override(PcRole *roles, gsize ncols, const gsize *cols, const PcRole *set, gsize n);

/* TRUE when row 0 of T looks like a header: at least one text and no number or error. */
gboolean pc_roles_has_header(const PcTable *t);

/* TRUE when T with ROLES (one per column) is a table of deals the deck can work with: a
 * header row (pc_roles_has_header), at least one data row, a column of what every action
 * reads per deal (a stage, an amount or an outcome) and at least one more column in use
 * (not PC_ROLE_IGNORED). A two-column stage | probability table is a lookup table (the
 * forecast's stage table), not deals. */
gboolean pc_roles_is_lead_table(const PcTable *t, const PcRole *roles);

/* The outcome of data row ROW of T: the outcome column's cell when OUTCOME_COL >= 0, else
 * the stage column's ("Closed Won"), else PC_OUTCOME_NONE (open). KEYS = pc_text_keys(T). */
PcOutcome pc_roles_row_outcome(const PcTable *t, const GPtrArray *keys, gsize row,
                               gssize outcome_col, gssize stage_col);

/* TRUE when T's first row heads a dated stage log, STAGE_DURATION's: its first three
 * columns a deal (a name or id header), the stage entered ("Stage", "Stage entered",
 * "Phase erreicht", ...) and the date it was entered ("Date entered", "Date", "Erreicht am",
 * ...), with a number (a date) under the date header. For the deck to find the log on a
 * sheet of its own. */
gboolean pc_roles_is_stage_log(const PcTable *t);

/* TRUE when every cell of row ROW of T is empty. */
gboolean pc_roles_row_blank(const PcTable *t, gsize row);

typedef struct {
    gsize rows;  /* data rows that are not blank */
    gsize open, won, lost;
} PcLeadCounts;

/* Count T's data rows (row 1 on) by outcome; blank rows are skipped. */
void pc_roles_count(const PcTable *t, const PcRole *roles, PcLeadCounts *counts);

/* Guess the funnel order of the stages in column STAGE_COL of T (data rows, blank and
 * won/lost words left out): known stage words in their usual order (lead, qualified,
 * meeting, proposal, negotiation, commit; en/de), unknown ones after them in order of
 * first appearance. Returns the stage names as first typed (g_strfreev). */
char **pc_roles_stage_order(const PcTable *t, gsize stage_col);

#endif
