/* cc_roles_store.h - the manager's column roles as the document keeps them.
 *
 * The choices live in the document's user-defined property "PipecalcRoles" (File >
 * Properties > Custom Properties; saved in the .ods's meta.xml), a text of one line per
 * table: the table's key (cc_table_key: its sheet and top-left cell, "Sheet1.A1"), then for
 * each column the manager chose a role for, its header and the role's id (pc_role_id,
 * "none" for not used), all separated by tabs. Headers, not column numbers, so that
 * inserting a column keeps the choices; only a column whose header cell is empty is kept
 * by its position in the table, "#3" (its shown name, "(column F)", is in the user's
 * language and moves with the sheet column). Only that text is kept here, below the lead table
 * (cc_table applies it while reading a table); what the manager does with the roles of a
 * table is cc_roles'. */
#ifndef CC_ROLES_STORE_H
#define CC_ROLES_STORE_H

#include "pc_roles.h"
#include "cu_sdk.h"

/* Apply the choices MODEL keeps for the table keyed KEY to ROLES, one per column of CELLS
 * (header row first; NAMELESS, one per column: "#N" may name it). A choice for a header CELLS no longer has, or of a role id this
 * release does not know (later ones add roles), is left out; without a line for KEY,
 * ROLES stay as they are. */
void cc_roles_store_apply(uno_Interface *model, const char *key, const PcTable *cells,
                          const gboolean *nameless, PcRole *roles);

/* Keep LINE (KEY, then "\theader\trole" pairs; KEY alone: no choices) as KEY's line in
 * MODEL: the other tables' lines stay, KEY's is replaced or dropped. The old line's
 * choices of role ids this release does not know (a later release's) stay for the
 * headers LINE leaves as they are now (ROLES, one per column of CELLS), unless LINE
 * forgets every choice. FALSE with the user's sentence when the property cannot be
 * written. */
gboolean cc_roles_store_line(uno_Interface *model, const char *key, const char *line,
                             const PcTable *cells, const gboolean *nameless, const PcRole *roles,
                             char **message);

/* A role as the property keeps it: its pc_role_id, "none" for not used. */
const char *cc_roles_store_id(PcRole r);

#endif
