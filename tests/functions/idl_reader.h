/* idl_reader.h - the members of one interface in a .idl file, for the tests that check a
 * table against the IDL it implements (fn_table: test-table.c, ac_table: test-actions.c).
 * Comments are left out before parsing: they hold parentheses and semicolons of their own. */
#ifndef IDL_READER_H
#define IDL_READER_H

#include <glib.h>

typedef struct {
    char *result, *name; /* types with white space squeezed: "sequence< string >" */
    gboolean raises;     /* declares raises (...) */
    GPtrArray *param_types, *param_names; /* of the [in] parameters, in order */
} IdlMember;

/* The members of interface INTERFACE ("XPipelineActions") in FILE, in their order
 * (g_ptr_array_unref). Asserts that FILE has the interface. */
GPtrArray *idl_read_members(const char *file, const char *interface);

#endif
