/* pc_memo.h - internal: the last won-total distributions' answers, kept for the next call
 * that asks the same of the same deals.
 *
 * A recalculation asks again what it asked before: after an edit of one deal Calc
 * recomputes the forecast sheet's array formula, whose months are twelve distributions of
 * which eleven did not change; the deck plans the months the sheet's formula then computes
 * again. Distributions of a few thousand deals cost 20-100 ms each (pc_quantile.c), so the
 * answers of the last ones are kept: an entry answers only a call with bit-identical
 * amounts, probabilities, quantiles and method, so its bits are the ones the computation
 * gives. Bounded: at most PC_MEMO_ENTRIES entries and PC_MEMO_MAX_DEALS deals in all (16
 * bytes each), the least recently used dropped first. Only calls of PC_MEMO_MIN_DEALS to
 * PC_MEMO_MAX_CALL_DEALS deals are kept: fewer are cheap, and more are too (from 65,536
 * deals on there is no exact attempt and hardly a "large" deal: 5 ms for 55,000, 30 ms
 * for a million), where hashing and copying them would cost a good part of the call.
 * Thread-safe. */
#ifndef PC_MEMO_H
#define PC_MEMO_H

#include "pc_status.h"

#define PC_MEMO_ENTRIES 48
#define PC_MEMO_MAX_DEALS ((gsize)1 << 20)
#define PC_MEMO_MIN_DEALS 64
#define PC_MEMO_MAX_CALL_DEALS ((gsize)1 << 16)

/* TRUE with the NQ kept answers in RESULTS when the call (AMOUNTS, PROBS, N deals;
 * quantiles QS; FORCE_APPROX) was answered before and is still kept. */
gboolean pc_memo_find(const double *amounts, const double *probs, gsize n, const double *qs,
                      gsize nq, gboolean force_approx, double *results);

/* Keep RESULTS as the answers of that call. */
void pc_memo_keep(const double *amounts, const double *probs, gsize n, const double *qs, gsize nq,
                  gboolean force_approx, const double *results);

/* Calls answered from the kept ones so far, and drop every kept one (for tests). */
gsize pc_memo_hits(void);
void pc_memo_clear(void);

#endif
