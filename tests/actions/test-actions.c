/* test-actions.c - the one actions table agrees with XPipelineActions.idl: every IDL member
 * has exactly one row and every row a member, with the same parameters (names, types,
 * order), result and raises; every panel button has one row with a label; the texts of
 * the rows are translated; runMakingRoom runs exactly the actions its IDL comment names.
 * No office: the rows' run functions are linked, never called. */
#include "ac_table.h"
#include "idl_reader.h"
#include "tx.h"

#include <string.h>

/* The members of XPipelineActions in the IDL file. */
static GPtrArray *read_idl(void)
{
    return idl_read_members(IDL_FILE, "XPipelineActions");
}

static int rows_named(const char *name)
{
    int n = 0;
    for (int i = 0; i < ac_action_count; i++)
        n += strcmp(ac_actions[i].member, name) == 0;
    return n;
}

static void every_idl_member_has_one_row(void)
{
    GPtrArray *members = read_idl();
    g_assert_cmpuint(members->len, ==, 23); /* the IDL as published: a parse that lost one fails */
    g_assert_cmpint(3 + ac_action_count, <=, AC_MAX_MEMBERS); /* the service dispatches them all */
    g_assert_cmpuint(members->len, ==, (guint)ac_action_count);
    for (guint i = 0; i < members->len; i++) {
        IdlMember *m = g_ptr_array_index(members, i);
        g_test_message("%s", m->name);
        g_assert_cmpint(rows_named(m->name), ==, 1);
        const AcAction *a = ac_action_find(m->name);
        g_assert_nonnull(a);
        g_assert_cmpstr(m->result, ==, ac_result_idl_type(a->result));
        g_assert_cmpint(m->raises, ==, a->raises);
        /* the controller first, then the row's parameters in order */
        g_assert_cmpuint(m->param_types->len, >=, 1);
        g_assert_cmpstr(g_ptr_array_index(m->param_types, 0), ==, "com::sun::star::frame::XController");
        g_assert_cmpstr(g_ptr_array_index(m->param_names, 0), ==, "controller");
        g_assert_cmpuint(m->param_types->len - 1, ==, (guint)a->n_params);
        for (int p = 0; p < a->n_params; p++) {
            g_assert_cmpstr(g_ptr_array_index(m->param_names, p + 1), ==, a->params[p].name);
            g_assert_cmpstr(g_ptr_array_index(m->param_types, p + 1), ==,
                            ac_param_idl_type(a->params[p].kind));
        }
    }
    g_ptr_array_unref(members);
}

static void every_row_has_an_idl_member(void)
{
    GPtrArray *members = read_idl();
    for (int i = 0; i < ac_action_count; i++) {
        const AcAction *a = &ac_actions[i];
        guint found = 0;
        for (guint j = 0; j < members->len; j++)
            found += strcmp(((IdlMember *)g_ptr_array_index(members, j))->name, a->member) == 0;
        g_test_message("%s", a->member);
        g_assert_cmpuint(found, ==, 1);
        g_assert_nonnull(a->run);
        g_assert_cmpint(a->n_params, >=, 0);
        g_assert_cmpint(a->n_params, <=, AC_MAX_PARAMS);
    }
    g_ptr_array_unref(members);
}

static void every_button_has_one_row_with_a_label(void)
{
    for (int b = AC_BUTTON_NONE + 1; b < AC_N_BUTTONS; b++) {
        int rows = 0;
        for (int i = 0; i < ac_action_count; i++)
            rows += ac_actions[i].button == (AcButton)b;
        g_assert_cmpint(rows, ==, 1);
        const AcAction *a = ac_action_of_button((AcButton)b);
        g_assert_nonnull(a);
        g_assert_cmpint(a->button, ==, b);
    }
    g_assert_null(ac_action_of_button(AC_BUTTON_NONE));
    GHashTable *labels = g_hash_table_new(g_str_hash, g_str_equal);
    for (int i = 0; i < ac_action_count; i++) {
        const AcAction *a = &ac_actions[i];
        g_assert_cmpint(a->label != NULL, ==, a->button != AC_BUTTON_NONE);
        if (a->label)
            g_assert_true(g_hash_table_add(labels, (gpointer)a->label)); /* no label twice */
    }
    g_hash_table_destroy(labels);
}

/* An action that can be in the way of a user's cell writes beside a table (its undo
 * step is named by its report plan: tests/report). */
static void writing_rows_work_on_a_table(void)
{
    for (int i = 0; i < ac_action_count; i++) {
        const AcAction *a = &ac_actions[i];
        if (a->room != AC_ROOM_NONE) {
            g_test_message("%s", a->member);
            g_assert_cmpint(a->scope, ==, AC_ON_TABLE);
        }
    }
}

static void texts_are_translated(void)
{
    g_assert_cmpstr(tx_set_language("de-DE"), ==, "de");
    for (int i = 0; i < ac_action_count; i++) {
        const char *label = ac_actions[i].label;
        if (label) {
            g_test_message("%s", label);
            g_assert_cmpstr(_(label), !=, label);
        }
    }
    tx_set_language("en");
}

/* IDL: runMakingRoom runs "scoreLeads", "writeForecast", "writeFunnel" (for TARGET),
 * "writeProducts" or "takeSnapshot". */
static void run_making_room_runs_the_four(void)
{
    GPtrArray *names = g_ptr_array_new();
    for (int i = 0; i < ac_action_count; i++)
        if (ac_action_runs_making_room(&ac_actions[i]))
            g_ptr_array_add(names, (gpointer)ac_actions[i].member);
    g_ptr_array_add(names, NULL);
    char *joined = g_strjoinv(" ", (char **)names->pdata);
    g_assert_cmpstr(joined, ==, "scoreLeads writeForecast writeFunnel writeProducts takeSnapshot writeAccuracy");
    g_free(joined);
    g_ptr_array_unref(names);
    g_assert_cmpint(ac_action_find("runMakingRoom")->room, ==, AC_ROOM_NONE);
    g_assert_null(ac_action_find("dance"));
    g_assert_null(ac_action_find(NULL));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/actions/every-idl-member-has-one-row", every_idl_member_has_one_row);
    g_test_add_func("/actions/every-row-has-an-idl-member", every_row_has_an_idl_member);
    g_test_add_func("/actions/every-button-has-one-row-with-a-label", every_button_has_one_row_with_a_label);
    g_test_add_func("/actions/writing-rows-work-on-a-table", writing_rows_work_on_a_table);
    g_test_add_func("/actions/texts-are-translated", texts_are_translated);
    g_test_add_func("/actions/run-making-room-runs-the-four", run_making_room_runs_the_four);
    return g_test_run();
}
