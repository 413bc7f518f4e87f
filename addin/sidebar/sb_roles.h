/* sb_roles.h - the manager's column roles, remembered per document and table.
 *
 * The choices live in the document's user-defined property "PipecalcRoles" (File >
 * Properties > Custom Properties; saved in the .ods's meta.xml), a text of one line per
 * table: the table's key, its sheet and top-left cell ("Sheet1.A1"), then for each column
 * the manager chose a role for, its header and the role's id (pc_role_id, "none" for not
 * used), all separated by tabs. Headers, not column numbers, so that inserting a column
 * keeps the choices. Changing the roles writes no cell (so it is no Edit > Undo step); it
 * marks the document modified. */
#ifndef SB_ROLES_H
#define SB_ROLES_H

#include "sb_table.h"

/* Apply the stored choices for T (found by sb_table_find) to T's roles and recount. */
void sb_roles_apply(SbLeadTable *t);

/* Store SPEC, "Header=role; Header=role" (';' or new lines between pairs; a role is a
 * pc_role_id, an English or German role name of the panel, or "none"), as T's choices,
 * replacing earlier ones; an empty SPEC forgets them. FALSE with the user's sentence when a
 * header or role is unknown or the document is read-only (nothing stored). */
gboolean sb_roles_set(SbLeadTable *t, const char *spec, char **message);

/* Every column of T with its role, "Deal=name; Stage=stage; ..." (pc_role_id, "none" for
 * not used), the form sb_roles_set reads (g_free). */
char *sb_roles_text(const SbLeadTable *t);

#endif
