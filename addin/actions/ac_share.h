/* ac_share.h - the "Share copy" action.
 *
 * A colleague without the extension sees #NAME? in every cell that calls our functions
 * (Calc recalculates add-in cells on load; the cached value is lost). This action saves a
 * copy of the document in which every such cell (its formula names
 * ORG.PIPECALC.PIPELINEFUNCTIONS.; an array formula as its whole block) holds the value
 * it shows, other formulas (=SUM...) staying formulas. The open document is never
 * modified: it is stored to the target as it is (XStorable.storeToURL), the copy is loaded
 * hidden, its cells replaced, stored and closed. */
#ifndef AC_SHARE_H
#define AC_SHARE_H

#include "cu_props.h"

/* Save the copy of CONTROLLER's document to URL (a file URL), or with URL NULL or empty
 * next to the document as "<name> (values).ods" (refused for a document never saved).
 * TRUE with the report in *MESSAGE, or FALSE with the user's sentence (g_free either). */
gboolean ac_share_run(uno_Interface *controller, const char *url, char **message);

#endif
