/* pc_bayes.h - internal: the naive-Bayes model that LEAD_SCORE and PRODUCT_FIT share.
 *
 * Both learn from History (one row per past lead, one column per attribute) to which class
 * each training row belongs - won or lost for LEAD_SCORE (pc_score.c), the product bought
 * for PRODUCT_FIT (pc_fit.c) - and look the cells of Leads up by the same rules:
 * - A text that is only white space is blank, like an empty cell.
 * - A column is numeric when its non-blank training values are all numbers and there is
 *   at least one. Its cut points are PERCENTILE.INC at 0.2/0.4/0.6/0.8 of those values,
 *   equal cuts merged: at most 5 bins (-inf, c1], (c1, c2], ..., (c_last, inf).
 * - In a categorical column numbers match by value and texts by pc_text_key; a number never
 *   equals a text (10 and "10" are two values).
 * - With smoothing a, K_j the values (non-empty bins) training rows have in column j and
 *   n_c,j the training rows of class c with a non-blank value there:
 *   P(v | c) = (count_c(v) + a) / (n_c,j + a K_j), the same K_j for every class.
 * - A lead's blank cell, a value no training row has, an empty bin, or a text in a numeric
 *   column contributes no factor, for every class alike (pc_bayes_slot returns NULL).
 * - Leads is k x c (c = History's columns): one lead per row, no header skipping (select
 *   the lead rows without the header); a blank row gets the prior. With a one-column
 *   History, a one-row Leads of k cells is k leads too (a "column" may be a row).
 * - A row of no class (PC_BAYES_NONE: LEAD_SCORE's open rows and header row) is no training
 *   row: its values make no column categorical, move no cut and are no value a lead can
 *   match.
 * Values are found by id: every distinct History text key and every distinct History
 * number gets a value id, texts keyed once per distinct text of the table; a categorical
 * column maps value id -> slot in a hash table, and each slot lists only the classes that
 * have the value, so memory is O(distinct values + rows + columns x classes) whatever the
 * number of classes; time O(rows x columns + numeric values x log).
 *
 * Use: pc_bayes_begin (Smoothing, Leads' shape), the caller's own checks (with
 * pc_bayes_check_cells), pc_bayes_key_history, the caller's classes (class_of_row,
 * n_classes, n_class, n_train), pc_bayes_train, pc_bayes_map_leads, then pc_bayes_slot for
 * every lead and column. pc_bayes_clear afterwards, whatever failed.
 */
#ifndef PC_BAYES_H
#define PC_BAYES_H

#include "pc_status.h"
#include "pc_table.h"

#define PC_BAYES_CUTS 4            /* quintile cut points: at most 5 bins */
#define PC_BAYES_NONE G_MAXUINT32 /* the class of a History row that is no training row */

/* One class that has a value of a column. */
typedef struct {
    guint32 cls;   /* the class */
    guint32 count; /* count_c(v): its training rows with the value, at least 1 */
    double log_p;  /* log P(v | c) = log(count + a) - log(n_c,j + a K_j) */
} PcBayesPair;

/* One value (categorical) or bin (numeric) of a column. */
typedef struct {
    guint32 total;    /* training rows with the value; 0 only for an empty bin */
    guint32 first, n; /* the classes that have it: the column's pairs[first .. first + n) */
} PcBayesSlot;

typedef struct {
    gboolean numeric;
    double cuts[PC_BAYES_CUTS]; /* numeric: the n_cuts cut points, ascending */
    guint n_cuts;
    gsize *n_class;      /* n_classes: n_c,j */
    double *log_p_none;  /* n_classes: log P(v | c) of a value no row of class c has,
                          * log(a) - log(n_c,j + a K_j) */
    gsize k;             /* K_j */
    GHashTable *slot_of_vid; /* categorical: value id + 1 -> slot + 1 */
    PcBayesSlot *slots;  /* numeric: one per bin (n_cuts + 1); categorical: one per value */
    gsize n_slots, cap_slots;
    PcBayesPair *pairs;
    gsize n_pairs;
} PcBayesColumn;

typedef struct {
    const PcTable *leads, *history;
    gsize n_leads, n_cols;
    gboolean leads_transposed; /* a one-row Leads read as a column, History has 1 column */
    double alpha;              /* the smoothing a */
    /* the classes, set by the caller before pc_bayes_train (g_malloc'd; pc_bayes_clear
     * frees them) */
    gsize n_classes;
    guint32 *class_of_row;     /* History row -> class, PC_BAYES_NONE: no training row */
    gsize *n_class;            /* n_classes: the training rows of each class */
    gsize n_train;             /* the training rows, the sum of n_class */
    /* value ids (pc_bayes_key_history) */
    GPtrArray *hkeys;          /* History text id -> key */
    GHashTable *vid_of_key;    /* key (borrowed from hkeys) -> value id + 1 */
    GHashTable *vid_of_number; /* double * into History's cells -> value id + 1 */
    gsize n_vids;
    gsize *vid_of_text;        /* History text id -> value id + 1, 0 when blank */
    PcBayesColumn *cols;       /* n_cols (pc_bayes_train) */
    gsize *lead_vid;           /* Leads text id -> value id + 1, 0: blank or unseen */
} PcBayes;

/* Start M (any contents) on LEADS and HISTORY: read SMOOTHING (argument SMOOTHING_ARG;
 * NULL, 0 x 0, empty or 0 means omitted, a = 1; below 0: PC_ERR_NUM; else as
 * pc_optional_number) and check Leads' shape against History's columns (argument 0 for
 * Leads: empty or of another width, PC_ERR_ARG). On success History is not NULL. */
PcStatus pc_bayes_begin(PcBayes *m, const PcTable *leads, const PcTable *history,
                        const PcTable *smoothing, int smoothing_arg, PcError *err);

/* Check that no cell of T (not NULL; argument ARG, called NAME: an English literal, shown
 * through pc_status_translate) is an error value (PC_ERR_VALUE) or a non-finite number
 * (PC_ERR_NUM), naming the first such cell's row. */
PcStatus pc_bayes_check_cells(const PcTable *t, int arg, const char *name, PcError *err);

/* PC_ERR_NOMEM at argument ARG: "the ranges are too large for memory". */
PcStatus pc_bayes_fail_nomem(PcError *err, int arg);

/* Give every distinct non-blank History text key a value id (vid_of_text, vid_of_key). */
PcStatus pc_bayes_key_history(PcBayes *m, PcError *err);

/* Train M on its classes (at least one training row): column types, cut points, counts and
 * log likelihoods. A smoothing so extreme that a likelihood is not a finite number in log
 * space (e.g. 1e308): PC_ERR_NUM at SMOOTHING_ARG. */
PcStatus pc_bayes_train(PcBayes *m, int smoothing_arg, PcError *err);

/* Map the texts of Leads to value ids (lead_vid). */
PcStatus pc_bayes_map_leads(PcBayes *m, PcError *err);

/* The slot of lead I's value in column J, NULL when it contributes no factor. */
const PcBayesSlot *pc_bayes_slot(const PcBayes *m, gsize i, gsize j);

/* log P(v | CLS) of the value of slot S of column COL. */
double pc_bayes_log_p(const PcBayesColumn *col, const PcBayesSlot *s, guint32 cls);

/* Free everything M holds (M itself is the caller's); M is zeroed. */
void pc_bayes_clear(PcBayes *m);

#endif
