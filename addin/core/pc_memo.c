/* pc_memo.c - the last won-total distributions' answers (see pc_memo.h). */
#include "pc_memo.h"

#include <string.h>

typedef struct {
    guint64 hash;
    gsize n, nq;
    gboolean force_approx;
    double *data;   /* amounts[n], probs[n], qs[nq], results[nq] */
    guint64 used;   /* the clock when last asked */
} Entry;

static GMutex lock;
static Entry entries[PC_MEMO_ENTRIES];
static gsize kept_deals;
static guint64 clock_now;
static gsize hits;

/* A hash of the call's numbers, a 64-bit word at a time: which entry to compare with. */
static guint64 call_hash(const double *amounts, const double *probs, gsize n, const double *qs, gsize nq)
{
    guint64 h = 1469598103934665603u ^ n;
    const double *parts[3] = { amounts, probs, qs };
    gsize lens[3] = { n, n, nq };
    for (int k = 0; k < 3; k++)
        for (gsize i = 0; i < lens[k]; i++) {
            guint64 w;
            memcpy(&w, &parts[k][i], sizeof w);
            h = (h ^ w) * 1099511628211u;
            h ^= h >> 29;
        }
    return h;
}

static Entry *find(guint64 h, const double *amounts, const double *probs, gsize n, const double *qs,
                   gsize nq, gboolean force_approx)
{
    for (gsize i = 0; i < PC_MEMO_ENTRIES; i++) {
        Entry *e = &entries[i];
        if (e->data && e->hash == h && e->n == n && e->nq == nq && e->force_approx == force_approx &&
            memcmp(e->data, amounts, n * sizeof(double)) == 0 &&
            memcmp(e->data + n, probs, n * sizeof(double)) == 0 &&
            memcmp(e->data + 2 * n, qs, nq * sizeof(double)) == 0)
            return e;
    }
    return NULL;
}

static void drop(Entry *e)
{
    kept_deals -= e->n;
    g_free(e->data);
    memset(e, 0, sizeof *e);
}

gboolean pc_memo_find(const double *amounts, const double *probs, gsize n, const double *qs,
                      gsize nq, gboolean force_approx, double *results)
{
    if (n < PC_MEMO_MIN_DEALS || n > PC_MEMO_MAX_CALL_DEALS)
        return FALSE;
    guint64 h = call_hash(amounts, probs, n, qs, nq);
    g_mutex_lock(&lock);
    Entry *e = find(h, amounts, probs, n, qs, nq, force_approx);
    if (e) {
        memcpy(results, e->data + 2 * n + nq, nq * sizeof(double));
        e->used = ++clock_now;
        hits++;
    }
    g_mutex_unlock(&lock);
    return e != NULL;
}

void pc_memo_keep(const double *amounts, const double *probs, gsize n, const double *qs, gsize nq,
                  gboolean force_approx, const double *results)
{
    if (n < PC_MEMO_MIN_DEALS || n > PC_MEMO_MAX_CALL_DEALS)
        return;
    guint64 h = call_hash(amounts, probs, n, qs, nq);
    double *data = g_try_new(double, 2 * n + 2 * nq);
    if (!data)
        return; /* keeping is never needed */
    memcpy(data, amounts, n * sizeof(double));
    memcpy(data + n, probs, n * sizeof(double));
    memcpy(data + 2 * n, qs, nq * sizeof(double));
    memcpy(data + 2 * n + nq, results, nq * sizeof(double));
    g_mutex_lock(&lock);
    Entry *same = find(h, amounts, probs, n, qs, nq, force_approx);
    if (same)
        drop(same);
    for (;;) { /* room: a free entry and the deals' budget, the least recently used going */
        Entry *free_e = NULL, *oldest = NULL;
        for (gsize i = 0; i < PC_MEMO_ENTRIES; i++) {
            Entry *e = &entries[i];
            if (!e->data)
                free_e = free_e ? free_e : e;
            else if (!oldest || e->used < oldest->used)
                oldest = e;
        }
        if (free_e && kept_deals + n <= PC_MEMO_MAX_DEALS) {
            *free_e = (Entry){ h, n, nq, force_approx, data, ++clock_now };
            kept_deals += n;
            break;
        }
        drop(oldest); /* there is one: else the budget would hold N */
    }
    g_mutex_unlock(&lock);
}

gsize pc_memo_hits(void)
{
    g_mutex_lock(&lock);
    gsize h = hits;
    g_mutex_unlock(&lock);
    return h;
}

void pc_memo_clear(void)
{
    g_mutex_lock(&lock);
    for (gsize i = 0; i < PC_MEMO_ENTRIES; i++)
        if (entries[i].data)
            drop(&entries[i]);
    g_mutex_unlock(&lock);
}
