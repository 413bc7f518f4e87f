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
 * not used), the form sb_roles_set reads (g_free): the columns of sb_roles_columns. */
char *sb_roles_text(const SbLeadTable *t);

/* The columns of T the manager can name by header: a text header without a tab, and only
 * the first column of headers that are equal after pc_text_key (a choice for "Amount"
 * always lands on the first "Amount"). What getRoles lists and the panel's role boxes
 * offer. */
typedef struct {
    char **headers; /* NULL-terminated, as typed in the header row */
    PcRole *roles;  /* the role of each one's column, as the actions see it */
    gsize *cols;    /* each one's column in the table */
    gsize n;
} SbRoleColumns;

/* Fill C (zeroed first) from T; no columns without a table. */
void sb_roles_columns(const SbLeadTable *t, SbRoleColumns *c);

/* Free what C holds and zero it. */
void sb_roles_columns_clear(SbRoleColumns *c);

/* The role a word names: a pc_role_id, "none", or a role name of the panel in English or
 * German (case ignored). PC_N_ROLES when it names none. */
PcRole sb_roles_parse(const char *word);

/* Give ROLE (not PC_ROLE_ATTRIBUTE / PC_ROLE_IGNORED: for those, sb_roles_set) to the
 * column headed HEADER (NULL or "": to no column), what one of the panel's role boxes does.
 * Stored as sb_roles_set stores a spec: every column of sb_roles_columns with the role it
 * has now, except HEADER's column, which gets ROLE, and the column(s) that had ROLE, which
 * are no longer used. So it equals editing that one pair in the panel's roles field and
 * applying it. FALSE with the user's sentence as for sb_roles_set. */
gboolean sb_roles_set_one(SbLeadTable *t, PcRole role, const char *header, char **message);

#endif
