/* ac_table.h - THE table of the deck's actions.
 *
 * One row per member of org.pipecalc.XPipelineActions (idl/org/pipecalc/XPipelineActions.idl):
 * its name and parameters as the IDL has them, what it works on, the function that runs
 * it, and what the panel shows of it: its button and label, the Edit > Undo name of what it
 * writes, whether it may make room. The service dispatches on it (ac_service.c), the panel
 * makes its buttons from it (pn_panel.c), and tests/actions/test-actions.c checks it
 * against the IDL: a new action is a new row (and its IDL member). */
#ifndef AC_TABLE_H
#define AC_TABLE_H

#include "cc_table.h"

/* A parameter after the first: every member takes the Calc view's XController first. */
typedef enum {
    AC_PARAM_STRING, /* string */
    AC_PARAM_DOUBLE, /* double */
} AcParamKind;

typedef enum {
    AC_RESULT_STRING, /* string: the report */
    AC_RESULT_LINES,  /* sequence< string >: one sentence each */
} AcResult;

/* What an action works on. */
typedef enum {
    AC_ON_VIEW,      /* the view itself: the cell at the cursor, the document */
    AC_ON_TABLE,     /* the lead table around the cursor: refused without one */
    AC_ON_ANY_TABLE, /* the lead table around the cursor or none (then an empty one): the
                        answer without a table is an answer too */
} AcScope;

/* What an action does when one of the manager's cells is in the way of its output: refuse
 * (the panel then asks), or, once the manager agreed (AcCall.make_room), make room so. */
typedef enum {
    AC_ROOM_NONE,       /* its output is in no cell's way */
    AC_ROOM_SHIFT,      /* a column beside the table: the user's cells there move right */
    AC_ROOM_NEW_SHEET,  /* a sheet of its own: a new one, the old one left to the user */
} AcRoom;

/* The panel's buttons, in the order it makes them. */
typedef enum {
    AC_BUTTON_NONE,     /* the action has no button */
    AC_BUTTON_SCORE,
    AC_BUTTON_FORECAST,
    AC_BUTTON_FIX,      /* enabled only when the percent check found something */
    AC_BUTTON_FUNNEL,   /* beside the target field */
    AC_BUTTON_PRODUCTS,
    AC_BUTTON_PATTERNS,
    AC_BUTTON_SNAPSHOT,
    AC_BUTTON_CHANGES,
    AC_BUTTON_CATEGORIES,
    AC_BUTTON_ACCURACY,
    AC_BUTTON_SHARE,
    AC_BUTTON_ROLES,    /* under the roles field */
    AC_N_BUTTONS
} AcButton;

/* One argument: TEXT for AC_PARAM_STRING (UTF-8), NUMBER for AC_PARAM_DOUBLE. */
typedef struct {
    const char *text;
    double number;
} AcValue;

typedef struct AcAction AcAction;

/* One run of an action: the caller sets the inputs, ac_action_run the outputs. */
typedef struct {
    uno_Interface *controller; /* the Calc view (XController) */
    const AcValue *args;       /* the parameters after the controller, in the IDL's order */
    gboolean make_room;        /* the manager agreed to make room (AcRoom) */
    gboolean blocked;          /* out: refused only because a user's cell is in the way */
    char *message;             /* out: the report, or the user's sentence why not (g_free) */
    GPtrArray *lines;          /* out for AC_RESULT_LINES (g_ptr_array_unref; NULL: none) */
    const AcAction *action;    /* the row being run */
} AcCall;

/* Run on T (NULL for AC_ON_VIEW; empty for AC_ON_ANY_TABLE without a table): TRUE with
 * the report in C->message (or C->lines), FALSE with the user's sentence. */
typedef gboolean (*AcRun)(CcLeadTable *t, AcCall *c);

#define AC_MAX_PARAMS 3

typedef struct {
    const char *name;  /* the IDL parameter name */
    AcParamKind kind;
} AcParam;

struct AcAction {
    const char *member;      /* XPipelineActions member: macros and tests call it by name */
    AcResult result;
    gboolean raises;         /* declared to raise IllegalArgumentException: a refusal does;
                                else the member answers "" (or no lines) */
    int n_params;
    AcParam params[AC_MAX_PARAMS]; /* after the controller */
    AcScope scope;
    gboolean any_columns;    /* the table may be one the lead-table rule refuses (the
                                roles actions: their roles can make it a lead table) */
    AcRun run;
    AcRoom room;
    AcButton button;
    const char *label;       /* N_(): the button's label; NULL without a button */
};

/* The interface's member positions the service dispatches: XInterface's three, then one
 * per action (tests/actions/test-actions.c checks that they fit). */
#define AC_MAX_MEMBERS 64

extern const AcAction ac_actions[];
extern const int ac_action_count;

/* The row of member MEMBER, or NULL. */
const AcAction *ac_action_find(const char *member);

/* The row whose button is BUTTON (not AC_BUTTON_NONE), or NULL. */
const AcAction *ac_action_of_button(AcButton button);

/* TRUE when runMakingRoom runs A: it may make room, and its parameters are the ones
 * runMakingRoom has after the action's name (none, or the target). */
gboolean ac_action_runs_making_room(const AcAction *a);

/* The IDL spelling of a parameter or result type. */
const char *ac_param_idl_type(AcParamKind kind);
const char *ac_result_idl_type(AcResult result);

/* Run A as C says (C's outputs are overwritten): on the view, or on the lead table
 * around its cursor, found here, with C->make_room handed to it. */
gboolean ac_action_run(const AcAction *a, AcCall *c);

#endif
