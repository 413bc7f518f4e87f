/* tx.c - looking texts up in the generated catalogues, and Plural-Forms rules (see tx.h).
 *
 * A chosen language is a chain of loaded catalogues ("de-CH", then "de"); each catalogue
 * is indexed and its Plural-Forms rule parsed once, the first time a language needs it.
 * Loaded catalogues and chains are never changed after they are published through the
 * atomic pointer CURRENT, so lookups on any thread only read. */
#include "tx.h"

#include "tx_catalog.h"

#include <string.h>

/* ---- Plural-Forms rules ---------------------------------------------------------------- */

typedef enum {
    OP_N, OP_NUMBER, OP_NOT,
    OP_MUL, OP_DIV, OP_MOD, OP_ADD, OP_SUB,
    OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE,
    OP_AND, OP_OR, OP_COND
} PluralOp;

typedef struct {
    PluralOp op;
    gulong number;  /* OP_NUMBER */
    guint a, b, c;  /* operands: indexes into the node array */
} PluralNode;

struct TxPlurals {
    guint count;
    GArray *nodes;  /* of PluralNode; the root is the last */
};

/* Real rules have a few dozen nodes; the caps keep parsing and evaluating (both recursive)
 * far from the stack's end whatever a header says. */
#define MAX_NODES 500
#define MAX_NESTING 50

/* The binary operators by precedence level, loosest first; two-character ones before the
 * one-character ones they start with. */
static const struct {
    const char *text;
    PluralOp op;
    int level;
} BINARY[] = {
    { "||", OP_OR, 0 }, { "&&", OP_AND, 1 }, { "==", OP_EQ, 2 }, { "!=", OP_NE, 2 },
    { "<=", OP_LE, 3 }, { ">=", OP_GE, 3 }, { "<", OP_LT, 3 },   { ">", OP_GT, 3 },
    { "+", OP_ADD, 4 }, { "-", OP_SUB, 4 }, { "*", OP_MUL, 5 },  { "/", OP_DIV, 5 },
    { "%", OP_MOD, 5 },
};
#define TIGHTEST_LEVEL 5

typedef struct {
    const char *p;      /* the next character */
    GArray *nodes;
    guint nesting;
    const char *error;  /* the first problem, NULL while there is none */
    const char *where;  /* where it was found */
} Parser;

static void fail(Parser *ps, const char *why)
{
    if (!ps->error) {
        ps->error = why;
        ps->where = ps->p;
    }
}

static void skip_space(Parser *ps)
{
    while (g_ascii_isspace(*ps->p))
        ps->p++;
}

/* Consume TEXT (after white space) when it comes next. */
static gboolean accept(Parser *ps, const char *text)
{
    skip_space(ps);
    gsize len = strlen(text);
    if (strncmp(ps->p, text, len) != 0)
        return FALSE;
    ps->p += len;
    return TRUE;
}

static void expect(Parser *ps, const char *text)
{
    if (!accept(ps, text))
        fail(ps, text[0] == ')' ? "a ')' is missing" : text[0] == ':' ? "a ':' is missing"
                                                                        : "unexpected text");
}

static guint add_node(Parser *ps, PluralOp op, gulong number, guint a, guint b, guint c)
{
    if (ps->nodes->len >= MAX_NODES) {
        fail(ps, "the rule is too long");
        return 0;
    }
    PluralNode node = { op, number, a, b, c };
    g_array_append_val(ps->nodes, node);
    return ps->nodes->len - 1;
}

static gboolean read_number(Parser *ps, gulong *value)
{
    skip_space(ps);
    if (!g_ascii_isdigit(*ps->p))
        return FALSE;
    gulong v = 0;
    for (; g_ascii_isdigit(*ps->p); ps->p++) {
        guint digit = (guint)(*ps->p - '0');
        if (v > (G_MAXULONG - digit) / 10) {
            fail(ps, "a number is too large");
            return FALSE;
        }
        v = v * 10 + digit;
    }
    *value = v;
    return TRUE;
}

static guint parse_conditional(Parser *ps);

/* n | number | ( conditional ) | ! unary */
static guint parse_unary(Parser *ps)
{
    if (ps->error)
        return 0;
    if (++ps->nesting > MAX_NESTING) {
        fail(ps, "the rule is nested too deeply");
        return 0;
    }
    guint node = 0;
    gulong number;
    if (accept(ps, "!")) {
        guint a = parse_unary(ps);
        node = add_node(ps, OP_NOT, 0, a, 0, 0);
    } else if (accept(ps, "(")) {
        node = parse_conditional(ps);
        expect(ps, ")");
    } else if (accept(ps, "n") && !g_ascii_isalnum(*ps->p) && *ps->p != '_') {
        node = add_node(ps, OP_N, 0, 0, 0, 0);
    } else if (read_number(ps, &number)) {
        node = add_node(ps, OP_NUMBER, number, 0, 0, 0);
    } else {
        fail(ps, "an operand is missing");
    }
    ps->nesting--;
    return node;
}

/* The operators of LEVEL and tighter, left-associative as in C. */
static guint parse_binary(Parser *ps, int level)
{
    if (level > TIGHTEST_LEVEL)
        return parse_unary(ps);
    guint left = parse_binary(ps, level + 1);
    while (!ps->error) {
        gsize i;
        for (i = 0; i < G_N_ELEMENTS(BINARY); i++)
            if (BINARY[i].level == level && accept(ps, BINARY[i].text))
                break;
        if (i == G_N_ELEMENTS(BINARY))
            break;
        guint right = parse_binary(ps, level + 1);
        left = add_node(ps, BINARY[i].op, 0, left, right, 0);
    }
    return left;
}

/* condition ? conditional : conditional (right-associative), or a binary expression */
static guint parse_conditional(Parser *ps)
{
    if (++ps->nesting > MAX_NESTING) {
        fail(ps, "the rule is nested too deeply");
        return 0;
    }
    guint node = parse_binary(ps, 0);
    if (!ps->error && accept(ps, "?")) {
        guint yes = parse_conditional(ps);
        expect(ps, ":");
        guint no = ps->error ? 0 : parse_conditional(ps);
        node = add_node(ps, OP_COND, 0, node, yes, no);
    }
    ps->nesting--;
    return node;
}

G_DEFINE_QUARK(tx-plurals-error-quark, tx_plurals_error)

/* "nplurals=N; plural=EXPR;" (the last ';' may be left out) */
TxPlurals *tx_plurals_new(const char *rule, GError **error)
{
    Parser ps = { rule ? rule : "", g_array_new(FALSE, FALSE, sizeof(PluralNode)), 0, NULL, NULL };
    gulong count = 0;
    if (!accept(&ps, "nplurals") || !accept(&ps, "="))
        fail(&ps, "it does not start with nplurals=");
    else if (!read_number(&ps, &count))
        fail(&ps, "nplurals is not a number");
    else if (count < 1 || count > TX_MAX_PLURALS)
        fail(&ps, "nplurals must be 1 to " G_STRINGIFY(TX_MAX_PLURALS));
    else if (!accept(&ps, ";") || !accept(&ps, "plural") || !accept(&ps, "="))
        fail(&ps, "\"; plural=\" must follow nplurals");
    if (!ps.error)
        parse_conditional(&ps);
    if (!ps.error) {
        accept(&ps, ";");
        skip_space(&ps);
        if (*ps.p)
            fail(&ps, "unexpected text");
    }
    if (ps.error) {
        g_set_error(error, TX_PLURALS_ERROR, 0, "Plural-Forms \"%s\": %s at \"%.12s\"",
                    rule ? rule : "", ps.error, ps.where);
        g_array_unref(ps.nodes);
        return NULL;
    }
    TxPlurals *p = g_new(TxPlurals, 1);
    p->count = (guint)count;
    p->nodes = ps.nodes;
    return p;
}

guint tx_plurals_count(const TxPlurals *p)
{
    return p->count;
}

/* C's semantics in gulong: comparisons and logic give 0 or 1, && || ?: short-circuit,
 * arithmetic wraps; a division by zero (no real rule has one) gives 0 instead of a trap. */
static gulong evaluate(const PluralNode *nodes, guint i, gulong n)
{
    const PluralNode *x = &nodes[i];
    switch (x->op) {
    case OP_N: return n;
    case OP_NUMBER: return x->number;
    case OP_NOT: return !evaluate(nodes, x->a, n);
    case OP_AND: return evaluate(nodes, x->a, n) && evaluate(nodes, x->b, n);
    case OP_OR: return evaluate(nodes, x->a, n) || evaluate(nodes, x->b, n);
    case OP_COND: return evaluate(nodes, x->a, n) ? evaluate(nodes, x->b, n) : evaluate(nodes, x->c, n);
    default: break;
    }
    gulong l = evaluate(nodes, x->a, n), r = evaluate(nodes, x->b, n);
    switch (x->op) {
    case OP_MUL: return l * r;
    case OP_DIV: return r ? l / r : 0;
    case OP_MOD: return r ? l % r : 0;
    case OP_ADD: return l + r;
    case OP_SUB: return l - r;
    case OP_LT: return l < r;
    case OP_LE: return l <= r;
    case OP_GT: return l > r;
    case OP_GE: return l >= r;
    case OP_EQ: return l == r;
    case OP_NE: return l != r;
    default: return 0;
    }
}

gulong tx_plurals_index(const TxPlurals *p, gulong n)
{
    return evaluate((const PluralNode *)(void *)p->nodes->data, p->nodes->len - 1, n);
}

void tx_plurals_free(TxPlurals *p)
{
    if (!p)
        return;
    g_array_unref(p->nodes);
    g_free(p);
}

/* ---- catalogues and languages --------------------------------------------------------- */

#define ENGLISH_RULE "nplurals=2; plural=(n != 1);"

typedef struct {
    const TxCatalog *catalog;
    GHashTable *index;   /* msgid -> TxEntry */
    TxPlurals *plurals;  /* its rule; English's when its header cannot be read */
} Loaded;

#define MAX_CHAIN 4

typedef struct {
    guint n;
    const Loaded *chain[MAX_CHAIN];  /* most specific first */
} Language;

static GMutex lock;                  /* guards the lists below (choosing, not looking up) */
static const TxCatalog *catalogs;    /* NULL: TX_CATALOGS */
static GPtrArray *loaded;            /* Loaded *, each catalogue once */
static GPtrArray *languages;         /* Language *, each chain once */
static Language *current;            /* atomic; NULL: English */

static void loaded_free(gpointer data)
{
    Loaded *l = data;
    g_hash_table_destroy(l->index);
    tx_plurals_free(l->plurals);
    g_free(l);
}

static const Loaded *load(const TxCatalog *c)
{
    for (guint i = 0; i < loaded->len; i++)
        if (((Loaded *)g_ptr_array_index(loaded, i))->catalog == c)
            return g_ptr_array_index(loaded, i);
    Loaded *l = g_new0(Loaded, 1);
    l->catalog = c;
    l->index = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize i = 0; i < c->n_entries; i++)
        g_hash_table_insert(l->index, (gpointer)c->entries[i].msgid, (gpointer)&c->entries[i]);
    GError *error = NULL;
    l->plurals = tx_plurals_new(c->plural_forms, &error);
    if (!l->plurals) {
        g_warning("catalogue %s: %s; using English plural forms", c->language, error->message);
        g_error_free(error);
        l->plurals = tx_plurals_new(ENGLISH_RULE, NULL);
    }
    g_ptr_array_add(loaded, l);
    return l;
}

static const TxCatalog *catalog_for(const char *tag)
{
    for (const TxCatalog *c = catalogs ? catalogs : TX_CATALOGS; c->language; c++)
        if (g_ascii_strcasecmp(c->language, tag) == 0)
            return c;
    return NULL;
}

/* The same chain as L, once chosen before (so that each chain is allocated once). */
static Language *intern(const Language *l)
{
    for (guint i = 0; i < languages->len; i++) {
        Language *known = g_ptr_array_index(languages, i);
        if (known->n == l->n && memcmp(known->chain, l->chain, l->n * sizeof l->chain[0]) == 0)
            return known;
    }
    Language *copy = g_memdup2(l, sizeof *l);
    g_ptr_array_add(languages, copy);
    return copy;
}

static void ensure_lists(void)
{
    if (!loaded) {
        loaded = g_ptr_array_new_with_free_func(loaded_free);
        languages = g_ptr_array_new_with_free_func(g_free);
    }
}

const char *tx_set_language(const char *tag)
{
    /* "de_CH.UTF-8@euro" -> "de-CH" */
    char *want = g_strndup(tag ? tag : "", strcspn(tag ? tag : "", ".@"));
    g_strdelimit(want, "_", '-');
    Language l = { 0 };
    g_mutex_lock(&lock);
    ensure_lists();
    while (*want && l.n < MAX_CHAIN) { /* de-CH-1996 -> de-CH -> de */
        const TxCatalog *c = catalog_for(want);
        const Loaded *found = c ? load(c) : NULL;
        if (found && (l.n == 0 || l.chain[l.n - 1] != found))
            l.chain[l.n++] = found;
        char *dash = strrchr(want, '-');
        if (!dash)
            break;
        *dash = 0;
    }
    g_atomic_pointer_set(&current, l.n ? intern(&l) : NULL);
    g_mutex_unlock(&lock);
    g_free(want);
    return tx_language();
}

const char *tx_language(void)
{
    const Language *l = g_atomic_pointer_get(&current);
    return l ? l->chain[0]->catalog->language : "en";
}

void tx_use_catalogs(const TxCatalog *list)
{
    g_mutex_lock(&lock);
    g_atomic_pointer_set(&current, NULL);
    if (loaded) {
        g_ptr_array_unref(languages);
        g_ptr_array_unref(loaded);
        loaded = languages = NULL;
    }
    catalogs = list;
    g_mutex_unlock(&lock);
}

/* ---- looking up ----------------------------------------------------------------------- */

const char *tx(const char *msgid)
{
    const Language *l = g_atomic_pointer_get(&current);
    for (guint i = 0; l && msgid && i < l->n; i++) {
        const TxEntry *e = g_hash_table_lookup(l->chain[i]->index, msgid);
        if (e && e->msgstr[0] && *e->msgstr[0])
            return e->msgstr[0];
    }
    return msgid;
}

const char *tx_n(const char *singular, const char *plural, gulong n)
{
    const Language *l = g_atomic_pointer_get(&current);
    for (guint i = 0; l && singular && i < l->n; i++) {
        const TxEntry *e = g_hash_table_lookup(l->chain[i]->index, singular);
        const TxPlurals *rule = l->chain[i]->plurals;
        gulong form = tx_plurals_index(rule, n);
        if (e && e->msgid_plural && form < rule->count && e->msgstr[form] && *e->msgstr[form])
            return e->msgstr[form];
    }
    return n == 1 ? singular : plural;
}
