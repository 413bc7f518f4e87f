/* pc_roles.c - header names to column roles (en/de), row outcomes, a stage order guess.
 * Exports the functions of pc_roles.h; the phrase tables have file scope. */
#include "pc_roles.h"

#include "pc_category.h"

#include <string.h>

/* role                 phrases (keys: lower case, punctuation turned into single spaces) */
static const char *const NAME_WORDS[] = { "name", "deal", "deal name", "lead", "lead name",
    "opportunity", "opportunity name", "account", "company", "customer", "client", "title",
    "kunde", "kundenname", "firma", "unternehmen", "verkaufschance", "chance", "titel",
    "bezeichnung", "projekt", "project", NULL };
static const char *const ID_WORDS[] = { "id", "deal id", "lead id", "key", "nr", "no", "number",
    "nummer", "kennung", "schlüssel", NULL };
static const char *const STAGE_WORDS[] = { "stage", "deal stage", "sales stage",
    "pipeline stage", "phase", "stufe", "vertriebsphase", "verkaufsphase", "pipeline phase",
    NULL };
static const char *const AMOUNT_WORDS[] = { "amount", "value", "deal value", "deal amount",
    "deal size", "revenue", "volume", "betrag", "wert", "umsatz", "auftragswert", "volumen",
    "summe", "dealwert", "angebotswert", NULL };
static const char *const PROBABILITY_WORDS[] = { "probability", "win probability", "prob",
    "likelihood", "wahrscheinlichkeit", "abschlusswahrscheinlichkeit",
    "gewinnwahrscheinlichkeit", NULL };
static const char *const CLOSE_WORDS[] = { "close date", "closing date", "expected close",
    "expected close date", "close", "close month", "abschlussdatum", "abschluss",
    "erwarteter abschluss", "abschlusstermin", "abschlussmonat", NULL };
static const char *const OWNER_WORDS[] = { "owner", "deal owner", "account owner", "sales rep",
    "rep", "salesperson", "sales person", "seller", "verantwortlich", "verantwortlicher",
    "vertriebler", "verkäufer", "betreuer", "zuständig", "inhaber", "besitzer", NULL };
static const char *const OUTCOME_WORDS[] = { "outcome", "result", "status", "won lost",
    "won", "win", "ergebnis", "gewonnen", "gewonnen verloren", "resultat", NULL };
static const char *const CREATED_WORDS[] = { "created", "created date", "create date",
    "created on", "date created", "creation date", "erstellt", "erstellt am", "angelegt",
    "angelegt am", "erstelldatum", "anlagedatum", NULL };
static const char *const CURRENCY_WORDS[] = { "currency", "curr", "währung", NULL };
static const char *const PRODUCT_WORDS[] = { "product", "products", "product line",
    "product family", "service", "offering", "produkt", "produkte", "produktlinie",
    "produktfamilie", "leistung", "dienstleistung", "angebotsprodukt", NULL };
static const char *const CATEGORY_WORDS[] = { "forecast category", "forecast categories",
    "forecast cat", "forecastcategory", "forecast category name", "forecastcategoryname",
    "prognosekategorie", "prognose kategorie", "forecast kategorie", "forecastkategorie",
    "vorhersagekategorie", NULL };
/* headers that name the category only over a column of category words */
static const char *const CATEGORY_VALUE_WORDS[] = { "category", "kategorie", NULL };

static const char *const *const PHRASES[PC_N_ROLES] = {
    [PC_ROLE_NAME] = NAME_WORDS,         [PC_ROLE_ID] = ID_WORDS,
    [PC_ROLE_STAGE] = STAGE_WORDS,       [PC_ROLE_AMOUNT] = AMOUNT_WORDS,
    [PC_ROLE_PROBABILITY] = PROBABILITY_WORDS, [PC_ROLE_CLOSE_DATE] = CLOSE_WORDS,
    [PC_ROLE_OWNER] = OWNER_WORDS,       [PC_ROLE_OUTCOME] = OUTCOME_WORDS,
    [PC_ROLE_CREATED] = CREATED_WORDS,   [PC_ROLE_CURRENCY] = CURRENCY_WORDS,
    [PC_ROLE_PRODUCT] = PRODUCT_WORDS,   [PC_ROLE_CATEGORY] = CATEGORY_WORDS,
};

static const char *const ROLE_IDS[PC_N_ROLES] = {
    "attribute", "name", "id", "stage", "amount", "probability", "close date", "owner",
    "outcome", "created", "currency", "product", "category",
    "ignored",
};

const char *pc_role_id(PcRole role)
{
    return role < PC_N_ROLES ? ROLE_IDS[role] : "?";
}

PcRole pc_role_from_id(const char *id)
{
    if (!id)
        return PC_N_ROLES;
    if (g_ascii_strcasecmp(id, "none") == 0)
        return PC_ROLE_IGNORED;
    for (int r = 0; r < PC_N_ROLES; r++)
        if (g_ascii_strcasecmp(id, ROLE_IDS[r]) == 0)
            return (PcRole)r;
    return PC_N_ROLES;
}

gssize pc_roles_column_of(const PcTable *t, const char *header)
{
    if (!t->rows || !header)
        return -1;
    char *want = pc_text_key(header);
    gssize found = -1;
    for (gsize c = 0; c < t->cols && found < 0; c++) {
        const PcCell *cell = pc_table_at(t, 0, c);
        if (cell->kind != PC_CELL_TEXT)
            continue;
        char *key = pc_text_key(pc_table_text(t, cell));
        if (strcmp(key, want) == 0)
            found = (gssize)c;
        g_free(key);
    }
    g_free(want);
    return found;
}

void pc_roles_override(PcRole *roles, gsize ncols, const gsize *cols, const PcRole *set, gsize n)
{
    gboolean *chosen = g_new0(gboolean, ncols ? ncols : 1);
    for (gsize i = 0; i < n; i++)
        if (cols[i] < ncols)
            chosen[cols[i]] = TRUE;
    for (gsize i = 0; i < n; i++) {
        if (cols[i] >= ncols || set[i] >= PC_N_ROLES)
            continue;
        if (set[i] != PC_ROLE_ATTRIBUTE && set[i] != PC_ROLE_IGNORED)
            for (gsize c = 0; c < ncols; c++)
                if (!chosen[c] && roles[c] == set[i])
                    roles[c] = PC_ROLE_IGNORED;
        roles[cols[i]] = set[i];
    }
    g_free(chosen);
}

/* The key of a header with every run of non-alphanumeric characters made one space. */
static char *header_key(const char *header)
{
    char *key = pc_text_key(header);
    GString *out = g_string_sized_new(strlen(key));
    gboolean space = FALSE;
    for (const char *p = key; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isalnum(c)) {
            if (space && out->len)
                g_string_append_c(out, ' ');
            space = FALSE;
            g_string_append_unichar(out, c);
        } else {
            space = TRUE;
        }
    }
    g_free(key);
    return g_string_free(out, FALSE);
}

/* 2 = KEY is a phrase of LIST, 1 = it starts with one and a space (only when PREFIX), 0 =
 * neither. Short phrases never match as a prefix: "Close reason", "Value segment" and
 * "Lead source" are attributes. */
static int match(const char *key, const char *const *list, gboolean prefix)
{
    int best = 0;
    for (; *list; list++) {
        gsize n = strlen(*list);
        if (strcmp(key, *list) == 0)
            return 2;
        if (prefix && n >= 6 && strncmp(key, *list, n) == 0 && key[n] == ' ')
            best = 1;
    }
    return best;
}

/* Roles whose headers carry units or qualifiers: "Amount EUR", "Close date (expected)". */
static gboolean prefix_role(int r)
{
    return r == PC_ROLE_AMOUNT || r == PC_ROLE_PROBABILITY || r == PC_ROLE_CLOSE_DATE ||
           r == PC_ROLE_CREATED || r == PC_ROLE_CURRENCY;
}

gboolean pc_role_scores(PcRole role)
{
    return role == PC_ROLE_ATTRIBUTE || role == PC_ROLE_PRODUCT;
}

PcRole pc_role_of_header(const char *header)
{
    char *key = header_key(header);
    PcRole found = PC_ROLE_ATTRIBUTE;
    int best = 0;
    for (int r = 0; r < PC_N_ROLES && best < 2; r++) {
        if (!PHRASES[r])
            continue;
        int m = match(key, PHRASES[r], prefix_role(r));
        if (m > best) {
            best = m;
            found = (PcRole)r;
        }
    }
    g_free(key);
    return found;
}

gboolean pc_roles_has_header(const PcTable *t)
{
    if (!t || t->rows < 1 || t->cols < 1)
        return FALSE;
    gboolean text = FALSE;
    for (gsize c = 0; c < t->cols; c++) {
        const PcCell *cell = pc_table_at(t, 0, c);
        if (cell->kind == PC_CELL_NUMBER || cell->kind == PC_CELL_ERROR)
            return FALSE;
        text |= cell->kind == PC_CELL_TEXT;
    }
    return text;
}

gboolean pc_roles_is_lead_table(const PcTable *t, const PcRole *roles)
{
    if (!pc_roles_has_header(t) || t->rows < 2)
        return FALSE;
    gsize used = 0;
    gboolean deal_data = FALSE, lookup = TRUE;
    for (gsize c = 0; c < t->cols; c++) {
        if (roles[c] == PC_ROLE_IGNORED)
            continue;
        used++;
        deal_data |= roles[c] == PC_ROLE_STAGE || roles[c] == PC_ROLE_AMOUNT ||
                     roles[c] == PC_ROLE_OUTCOME;
        lookup &= roles[c] == PC_ROLE_STAGE || roles[c] == PC_ROLE_PROBABILITY;
    }
    return deal_data && used >= 2 && !(used == 2 && lookup);
}

/* Column COL of T is headed "Category" or "Kategorie" alone and holds category words. */
static gboolean category_by_values(const PcTable *t, gsize col)
{
    char *key = header_key(pc_table_text(t, pc_table_at(t, 0, col)));
    gboolean named = match(key, CATEGORY_VALUE_WORDS, FALSE) == 2;
    g_free(key);
    return named && pc_category_is_column(t, col);
}

void pc_roles_detect(const PcTable *t, PcRole *roles)
{
    gboolean taken[PC_N_ROLES] = { FALSE };
    for (gsize c = 0; c < t->cols; c++) {
        if (roles[c] == PC_ROLE_IGNORED)
            continue;
        const PcCell *cell = t->rows ? pc_table_at(t, 0, c) : NULL;
        PcRole r = cell && cell->kind == PC_CELL_TEXT ? pc_role_of_header(pc_table_text(t, cell))
                                                      : PC_ROLE_ATTRIBUTE;
        if (r == PC_ROLE_ATTRIBUTE && cell && cell->kind == PC_CELL_TEXT &&
            !taken[PC_ROLE_CATEGORY] && category_by_values(t, c))
            r = PC_ROLE_CATEGORY;
        if (r != PC_ROLE_ATTRIBUTE && taken[r])
            r = PC_ROLE_IGNORED;
        else
            taken[r] = TRUE;
        roles[c] = r;
    }
}

gssize pc_roles_find(const PcRole *roles, gsize n, PcRole role)
{
    for (gsize c = 0; c < n; c++)
        if (roles[c] == role)
            return (gssize)c;
    return -1;
}

gboolean pc_roles_row_blank(const PcTable *t, gsize row)
{
    for (gsize c = 0; c < t->cols; c++)
        if (pc_table_at(t, row, c)->kind != PC_CELL_EMPTY)
            return FALSE;
    return TRUE;
}

PcOutcome pc_roles_row_outcome(const PcTable *t, const GPtrArray *keys, gsize row,
                               gssize outcome_col, gssize stage_col)
{
    gssize col = outcome_col >= 0 ? outcome_col : stage_col;
    if (col < 0)
        return PC_OUTCOME_NONE;
    const PcCell *cell = pc_table_at(t, row, (gsize)col);
    if (outcome_col < 0 && cell->kind != PC_CELL_TEXT)
        return PC_OUTCOME_NONE; /* a stage column's numbers are no outcome words */
    return pc_outcome_of_cell(t, keys, cell);
}

void pc_roles_count(const PcTable *t, const PcRole *roles, PcLeadCounts *counts)
{
    memset(counts, 0, sizeof *counts);
    gssize oc = pc_roles_find(roles, t->cols, PC_ROLE_OUTCOME);
    gssize sc = pc_roles_find(roles, t->cols, PC_ROLE_STAGE);
    GPtrArray *keys = pc_text_keys(t);
    for (gsize r = 1; r < t->rows; r++) {
        if (pc_roles_row_blank(t, r))
            continue;
        counts->rows++;
        switch (pc_roles_row_outcome(t, keys, r, oc, sc)) {
        case PC_OUTCOME_WON: counts->won++; break;
        case PC_OUTCOME_LOST: counts->lost++; break;
        default: counts->open++; break;
        }
    }
    g_ptr_array_unref(keys);
}

/* Usual funnel words, earliest first; a stage's rank is the index of its first match. */
static const char *const FUNNEL_WORDS[] = {
    "new", "neu", "lead", "prospect", "interessent", "contacted", "kontaktiert",
    "qualified", "qualifiziert", "qualifizierung", "discovery", "bedarfsanalyse",
    "meeting", "demo", "termin", "präsentation", "solution", "lösung",
    "proposal", "angebot", "quote", "offer", "negotiation", "verhandlung", "commit",
    "contract", "vertrag", "closing", NULL };

/* The rank of a stage key: the position of the first funnel word it contains as a
 * word, or G_MAXINT when none. */
static int funnel_rank(const char *key)
{
    char *k = header_key(key);
    int rank = G_MAXINT;
    char **words = g_strsplit(k, " ", -1);
    for (int i = 0; FUNNEL_WORDS[i] && rank == G_MAXINT; i++)
        for (char **w = words; *w; w++)
            if (strcmp(*w, FUNNEL_WORDS[i]) == 0 || (g_str_has_prefix(*w, FUNNEL_WORDS[i]) &&
                                                     strlen(FUNNEL_WORDS[i]) >= 5))
                rank = i;
    g_strfreev(words);
    g_free(k);
    return rank;
}

typedef struct {
    const char *name; /* as first typed, borrowed from the table */
    int rank;
    gsize first;
} Stage;

static int stage_cmp(gconstpointer a, gconstpointer b)
{
    const Stage *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

char **pc_roles_stage_order(const PcTable *t, gsize stage_col)
{
    GPtrArray *keys = pc_text_keys(t);
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    GArray *stages = g_array_new(FALSE, FALSE, sizeof(Stage));
    for (gsize r = 1; r < t->rows; r++) {
        const PcCell *cell = pc_table_at(t, r, stage_col);
        if (cell->kind != PC_CELL_TEXT)
            continue;
        const char *key = g_ptr_array_index(keys, cell->text);
        if (!*key || pc_outcome_of_key(key) != PC_OUTCOME_NONE ||
            g_hash_table_contains(seen, key))
            continue;
        g_hash_table_add(seen, (gpointer)key);
        Stage s = { pc_table_text(t, cell), funnel_rank(key), r };
        g_array_append_val(stages, s);
    }
    g_array_sort(stages, stage_cmp);
    char **out = g_new0(char *, stages->len + 1);
    for (guint i = 0; i < stages->len; i++)
        out[i] = g_strdup(g_array_index(stages, Stage, i).name);
    g_array_free(stages, TRUE);
    g_hash_table_destroy(seen);
    g_ptr_array_unref(keys);
    return out;
}

static const char *const LOG_STAGE_WORDS[] = { "stage entered", "entered stage", "new stage",
    "to stage", "stage reached", "phase erreicht", "erreichte phase", "neue phase", NULL };
static const char *const LOG_DATE_WORDS[] = { "date", "date entered", "entered", "entered on",
    "changed", "changed on", "date changed", "since", "timestamp", "datum", "erreicht am",
    "eintrittsdatum", "am", "seit", "zeitpunkt", "geändert am", NULL };

static gboolean header_in(const PcTable *t, gsize col, const char *const *words)
{
    const PcCell *c = pc_table_at(t, 0, col);
    if (c->kind != PC_CELL_TEXT)
        return FALSE;
    char *key = header_key(pc_table_text(t, c));
    gboolean found = match(key, words, FALSE) == 2;
    g_free(key);
    return found;
}

gboolean pc_roles_is_stage_log(const PcTable *t)
{
    if (!t || t->rows < 2 || t->cols < 3)
        return FALSE;
    const PcCell *h[3] = { pc_table_at(t, 0, 0), pc_table_at(t, 0, 1), pc_table_at(t, 0, 2) };
    for (int i = 0; i < 3; i++)
        if (h[i]->kind != PC_CELL_TEXT)
            return FALSE;
    PcRole deal = pc_role_of_header(pc_table_text(t, h[0]));
    PcRole stage = pc_role_of_header(pc_table_text(t, h[1]));
    return (deal == PC_ROLE_NAME || deal == PC_ROLE_ID) &&
           (stage == PC_ROLE_STAGE || header_in(t, 1, LOG_STAGE_WORDS)) &&
           header_in(t, 2, LOG_DATE_WORDS) && pc_table_at(t, 1, 2)->kind == PC_CELL_NUMBER;
}
