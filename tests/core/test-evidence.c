/* test-evidence.c - how much history a learned result stands on (pc_evidence.h). */
#include "pc_evidence.h"

#include <string.h>

/* Deal | Stage | Outcome | Source rows, header first (NULL cells empty). */
static PcTable *deals(const char *const rows[][4], gsize n)
{
    PcTable *t = pc_table_new(n, 4);
    for (gsize r = 0; r < n; r++)
        for (gsize c = 0; c < 4; c++)
            if (rows[r][c])
                pc_table_set_text(t, r, c, rows[r][c], -1);
    return t;
}

static void evidence_little_history(void)
{
    const char *rows[][4] = {
        { "Deal", "Stage", "Outcome", "Source" },
        { "a", "Proposal", "won", "Web" },  { "b", "Proposal", "won", "web " },
        { "c", "Lead", "lost", "Fair" },    { "d", "Proposal", "won", "Web" },
        { "e", "Lead", "lost", "Fair" },    { "f", "Lead", NULL, "Web" },
        { "g", "Proposal", "", "Fair" },    { NULL, NULL, NULL, NULL },
    };
    PcTable *t = deals(rows, G_N_ELEMENTS(rows));
    PcRole roles[4] = { 0 }; /* pc_roles_detect keeps a column given PC_ROLE_IGNORED */
    pc_roles_detect(t, roles);
    g_assert_cmpint(roles[3], ==, PC_ROLE_ATTRIBUTE);
    PcEvidence e;
    pc_evidence_score(t, roles, &e);
    g_assert_cmpuint(e.closed, ==, 5);
    g_assert_cmpuint(e.values, ==, 2); /* "Web" and "web " are one value */
    g_assert_cmpuint(e.thin, ==, 2);
    g_assert_cmpstr(e.column, ==, "Source");
    g_assert_cmpstr(e.value, ==, "Web");
    g_assert_cmpuint(e.value_closed, ==, 3);
    g_assert_true(pc_evidence_thin(&e));
    pc_evidence_clear(&e);
    /* stages: the 3 won deals reached both, the 2 lost ones Lead only */
    pc_evidence_stages(t, roles, &e);
    g_assert_cmpuint(e.closed, ==, 5);
    g_assert_cmpuint(e.values, ==, 2);
    g_assert_cmpuint(e.thin, ==, 2);
    g_assert_cmpstr(e.column, ==, "Stage");
    g_assert_cmpstr(e.value, ==, "Lead");
    g_assert_cmpuint(e.value_closed, ==, 5);
    pc_evidence_clear(&e);
    pc_table_free(t);
}

static void evidence_enough_history(void)
{
    /* 40 closed deals at Lead or Proposal, Sources A, B, C (13 or 14 each), open deals at
       both stages: 30 and 10 are met everywhere, then nothing is thin */
    enum { N = 40 };
    PcTable *t = pc_table_new(N + 3, 4);
    const char *header[] = { "Deal", "Stage", "Outcome", "Source" };
    for (gsize c = 0; c < 4; c++)
        pc_table_set_text(t, 0, c, header[c], -1);
    for (gsize r = 1; r <= N; r++) {
        pc_table_set_text(t, r, 0, "x", -1);
        pc_table_set_text(t, r, 1, r % 4 ? "Proposal" : "Lead", -1);
        pc_table_set_text(t, r, 2, r % 2 ? "won" : "lost", -1);
        pc_table_set_text(t, r, 3, (const char *[]){ "A", "B", "C" }[r % 3], -1);
    }
    pc_table_set_text(t, N + 1, 1, "Lead", -1);
    pc_table_set_text(t, N + 2, 1, "Proposal", -1);
    PcRole roles[4] = { 0 }; /* pc_roles_detect keeps a column given PC_ROLE_IGNORED */
    pc_roles_detect(t, roles);
    PcEvidence e;
    pc_evidence_score(t, roles, &e);
    g_assert_cmpuint(e.closed, ==, N);
    g_assert_cmpuint(e.values, ==, 3);
    g_assert_false(pc_evidence_thin(&e));
    pc_evidence_clear(&e);
    pc_evidence_stages(t, roles, &e);
    g_assert_cmpuint(e.values, ==, 2);
    g_assert_cmpuint(e.thin, ==, 0); /* Lead reached by all 40; Proposal by the 20 won + 15 lost */
    g_assert_false(pc_evidence_thin(&e));
    pc_evidence_clear(&e);
    /* one closed deal fewer than PC_EVIDENCE_MIN_CLOSED alone is thin */
    g_assert_true(pc_evidence_thin(&(PcEvidence){ .closed = PC_EVIDENCE_MIN_CLOSED - 1 }));
    g_assert_false(pc_evidence_thin(&(PcEvidence){ .closed = PC_EVIDENCE_MIN_CLOSED }));
    pc_table_free(t);
}

static void evidence_without_columns(void)
{
    const char *rows[][4] = { { "Deal", "Amount", "Owner", "Close date" }, { "a", NULL, "Ann", NULL } };
    PcTable *t = deals(rows, 2);
    PcRole roles[4] = { 0 }; /* pc_roles_detect keeps a column given PC_ROLE_IGNORED */
    pc_roles_detect(t, roles);
    PcEvidence e;
    pc_evidence_stages(t, roles, &e); /* no stage column: nothing learned, nothing counted */
    g_assert_cmpuint(e.closed, ==, 0);
    g_assert_cmpuint(e.values, ==, 0);
    pc_evidence_score(t, roles, &e);
    g_assert_cmpuint(e.values, ==, 0);
    pc_evidence_clear(&e);
    pc_table_free(t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/core/evidence/little-history", evidence_little_history);
    g_test_add_func("/core/evidence/enough-history", evidence_enough_history);
    g_test_add_func("/core/evidence/without-columns", evidence_without_columns);
    return g_test_run();
}
