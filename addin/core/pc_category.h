/* pc_category.h - a deal's forecast category, as a rep types it.
 *
 * CRMs let the rep say how sure a deal is apart from its stage: Commit (will close in the
 * period), Best case (may close: the upside), Pipeline (open, not yet called), Omitted
 * (left out of the forecast), and for closed deals Closed. The words are read after
 * pc_text_key with every character that is no letter or digit left out, so "Best case",
 * "Best-Case", "best_case" and "Bestcase" are one word:
 *   COMMIT     commit, committed, commitment, zusage, zugesagt, fest, festzugesagt
 *   BEST_CASE  best case, upside (Clari's and others' name for it), bester fall, bestfall
 *   PIPELINE   pipeline, pipe
 *   OMITTED    omitted, omit, excluded, ausgelassen, ausgeschlossen
 *   CLOSED     closed, geschlossen, abgeschlossen (Salesforce's category of a won deal)
 * Anything else, and an empty cell, is NONE. NONE is no category a rep chose: the reports
 * count an open deal at NONE as Pipeline (it is open and nobody called it), and say how
 * many they counted so. */
#ifndef PC_CATEGORY_H
#define PC_CATEGORY_H

#include "pc_table.h"

typedef enum {
    PC_CATEGORY_NONE = 0,
    PC_CATEGORY_PIPELINE,
    PC_CATEGORY_BEST_CASE,
    PC_CATEGORY_COMMIT,
    PC_CATEGORY_CLOSED,
    PC_CATEGORY_OMITTED,
    PC_N_CATEGORIES
} PcCategory;

/* The category KEY (a pc_text_key) names; PC_CATEGORY_NONE for "" and unknown words. */
PcCategory pc_category_of_key(const char *key);

/* The category a cell states: a text's by its key in KEYS (pc_text_keys of its table);
 * NONE for an empty, number or error cell. */
PcCategory pc_category_of_cell(const GPtrArray *keys, const PcCell *cell);

/* TRUE when the data rows (row 1 on) of column COL of T hold at least one category word
 * and no other text or number (empty cells allowed): a column headed only "Category" is a
 * forecast category column by its values, not by its header. */
gboolean pc_category_is_column(const PcTable *t, gsize col);

#endif
