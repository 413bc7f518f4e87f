/* cc_roles.h - the manager's column roles of a lead table, remembered per document and table.
 *
 * The choices are kept in the document (cc_roles_store.h: the property "PipecalcRoles")
 * and applied whenever a table is read (cc_table_find). Changing the roles writes no cell
 * (so it is no Edit > Undo step); it marks the document modified. */
#ifndef CC_ROLES_H
#define CC_ROLES_H

#include "cc_table.h"

/* Store SPEC, "Header=role; Header=role" (';' or new lines between pairs; a role is a
 * pc_role_id, an English or German role name of the panel, or "none"), as T's choices,
 * replacing earlier ones; an empty SPEC forgets them. FALSE with the user's sentence when a
 * header or role is unknown or the document is read-only (nothing stored). */
gboolean cc_roles_set(CcLeadTable *t, const char *spec, char **message);

/* Every column of T with its role, "Deal=name; Stage=stage; ..." in the user interface
 * language (tx_role_word: "Deal=Name; Stage=Phase; Notes=keine" in German), the form
 * cc_roles_set reads (g_free): the columns of cc_roles_columns. */
char *cc_roles_text(const CcLeadTable *t);

/* The columns of T the manager can name by header: a text header without a tab, and only
 * the first column of headers that are equal after pc_text_key (a choice for "Amount"
 * always lands on the first "Amount"). What getRoles lists and the panel's role boxes
 * offer. */
typedef struct {
    char **headers; /* NULL-terminated, as typed in the header row */
    PcRole *roles;  /* the role of each one's column, as the actions see it */
    gsize *cols;    /* each one's column in the table */
    gsize n;
} CcRoleColumns;

/* Fill C (zeroed first) from T; no columns without a table. */
void cc_roles_columns(const CcLeadTable *t, CcRoleColumns *c);

/* Free what C holds and zero it. */
void cc_roles_columns_clear(CcRoleColumns *c);

/* The role a word names (tx_role_of_word): a pc_role_id, "none", or a role's word or name
 * in English or any language of po/ (case ignored). PC_N_ROLES when it names none. */
PcRole cc_roles_parse(const char *word);

/* Give ROLE (not PC_ROLE_ATTRIBUTE / PC_ROLE_IGNORED: for those, cc_roles_set) to the
 * column headed HEADER (NULL or "": to no column), what one of the panel's role boxes does.
 * Stored as cc_roles_set stores a spec: every column of cc_roles_columns with the role it
 * has now, except HEADER's column, which gets ROLE, and the column(s) that had ROLE, which
 * are no longer used. So it equals editing that one pair in the panel's roles field and
 * applying it. FALSE with the user's sentence as for cc_roles_set. */
gboolean cc_roles_set_one(CcLeadTable *t, PcRole role, const char *header, char **message);

#endif
