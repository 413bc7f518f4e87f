/* pn_panel.c - the deck's panels, their AWT controls, their layout and their listeners.
 *
 * The "Pipeline" deck is laid out like LibreOffice's own Properties deck: several panels,
 * each a UI element of its own (the sidebar asks the factory once per panel), actions
 * first:
 *   Actions              a button per action of the actions table (ac_table.h) with the
 *                        fields it takes; each action's report or refusal right under its
 *                        button; the options (history table, stage probabilities) last;
 *   Lead table & checks  the description of the table around the cell cursor, its data
 *                        checks, the explanation of the selected cell when it calls ours;
 *   Lead factors         what the score of the lead at the cursor is made of, and the
 *                        Score column's five colours;
 *   Column roles         a list box per role and all roles as text (collapsed at first).
 *
 * The panels of one view share a Deck: one selection listener and one undo listener, one
 * reading of the table per cursor move for all of them (ac_service_panel), and the table
 * the reports are about. A report goes when its result is undone or redone (the document's
 * XUndoManager) or the cursor moves to another lead table.
 *
 * Layout: sizes in APPFONT units converted by the window (pn_awt.h) and the sizes VCL
 * prefers for labels and buttons. A report's area never shrinks while a button below it
 * could be clicked: after an action only the areas from the clicked button down may change,
 * so the button the manager just clicked, and the ones above it, stay where they were.
 *
 * Listeners point back to their panel or deck without a reference; dispose() cuts them
 * loose, so an event arriving after the panel is gone does nothing. */
#include "pn_panel.h"

#include "ac_funnel.h"
#include "ac_service.h"
#include "ac_table.h"
#include "cc_colour.h"
#include "cc_locale.h"
#include "cc_sheet.h"
#include "cu_call.h"
#include "cu_except.h"
#include "cu_props.h"
#include "cu_service.h"
#include "cu_string.h"
#include "pc_months.h"
#include "pn_awt.h"
#include "tx_text.h"

#include <math.h>
#include <string.h>

/* sizes in APPFONT units (a quarter of a character across, an eighth down) */
#define AF_MARGIN 4      /* around a panel's controls, as the Properties deck's panels */
#define AF_GAP 4         /* between the parts of a panel */
#define AF_SMALL_GAP 2   /* between a control and what belongs to it */
#define AF_LINE 9        /* a line of text, when VCL cannot say */
#define AF_ROW 12        /* an edit field or list box */
#define AF_BUTTON_H 15   /* a push button */
#define AF_BUTTON_W 50   /* the narrowest push button */
#define AF_EDIT_MIN 36   /* the narrowest useful edit field or list box */
#define AF_MIN_WIDTH 172 /* the deck's narrowest: about 300 px with an 8 pt UI font */

/* the period list's entries, in order */
enum { PERIOD_ALL, PERIOD_MONTH, PERIOD_QUARTER, PERIOD_YEAR, PERIOD_CUSTOM, N_PERIODS };
/* the edit fields with a label above them: roles (Column roles), history table and stage
 * probabilities (the Actions panel's options) */
enum { FIELD_ROLES, FIELD_HISTORY, FIELD_STAGES, FIELD_LOG, FIELD_SNAPSHOTS, FIELD_TARGETS,
       N_FIELDS };
static const char *const FIELD_LABELS[N_FIELDS] = {
    N_("All roles as text (e.g. Notes=none):"),
    N_("History table for Score (empty: this table):"),
    N_("Stage probabilities for the forecast (or a stage table's range):"),
    N_("Stage log for Patterns (empty: found on another sheet):"),
    N_("Snapshots to compare, e.g. 2026-11-25; 2026-12-02 (empty: the two latest):"),
    N_("Targets, e.g. 2027-01=100000; Q2 2027=300000, or a targets table (empty: a sheet "
       "Targets):"),
};
enum { UI_ELEMENT_TOOLPANEL = 7 }; /* com.sun.star.ui.UIElementType */
enum { WHEEL_FOCUS_ONLY = 1 };     /* com.sun.star.awt.MouseWheelBehavior.SCROLL_FOCUS_ONLY */
enum { ALIGN_CENTER = 1 };         /* com.sun.star.awt.TextAlign.CENTER */
/* the URL's last segment of each panel (Sidebar.xcu) */
static const char *const KIND_NAMES[PN_N_KINDS] = { "PipecalcActions", "PipecalcTable", "PipecalcFactors",
                                                    "PipecalcRoles" };
/* the Actions panel's buttons from the top: a report may push the ones after it down */
static const AcButton ACTION_ORDER[] = { AC_BUTTON_SCORE, AC_BUTTON_FORECAST, AC_BUTTON_FUNNEL,
                                         AC_BUTTON_PRODUCTS, AC_BUTTON_PATTERNS, AC_BUTTON_SNAPSHOT,
                                         AC_BUTTON_CHANGES, AC_BUTTON_CATEGORIES, AC_BUTTON_ACCURACY,
                                         AC_BUTTON_FIX,
                                         AC_BUTTON_SHARE };
/* the roles with a list box, in the panel's order: those one column holds and the actions
 * use. Not the id (it only keeps a column out of the score, as none does: the roles
 * field), nor attribute and none, which many columns have. */
static const PcRole BOX_ROLES[] = { PC_ROLE_NAME, PC_ROLE_STAGE, PC_ROLE_AMOUNT, PC_ROLE_PROBABILITY,
                                    PC_ROLE_CLOSE_DATE, PC_ROLE_OWNER, PC_ROLE_OUTCOME,
                                    PC_ROLE_CREATED, PC_ROLE_CURRENCY, PC_ROLE_PRODUCT,
                                    PC_ROLE_CATEGORY };
enum { N_BOXES = G_N_ELEMENTS(BOX_ROLES), DROPDOWN_LINES = 12, MAX_STEPS = 8 };

typedef struct Panel Panel;
typedef struct Deck Deck;

/* What a listener hears: the view's selection, the document's undo manager (both for the
 * deck), a button's click, a role box's choice (for a panel). */
typedef enum { LISTEN_SELECTION, LISTEN_UNDO, LISTEN_BUTTON, LISTEN_BOX } Listening;

typedef struct {
    CuObject base;
    Panel *panel; /* LISTEN_BUTTON, LISTEN_BOX: not a reference; NULL once disposed */
    Deck *deck;   /* LISTEN_SELECTION, LISTEN_UNDO: likewise */
    Listening kind;
    const AcAction *action; /* LISTEN_BUTTON: the row its button runs */
    int box;                /* LISTEN_BOX: which role box */
} Listener;

/* What the panels show of the cursor's table, read once per cursor move. */
typedef struct {
    char *info, *checks, *explain, *factors; /* ac_service_panel's texts */
    char *key;                               /* which lead table (NULL: none) */
    CcRoleColumns columns;
    gboolean fixable;
} View;

/* What the panels of one view share. */
struct Deck {
    uno_Interface *controller; /* the view (XController), acquired */
    uno_Interface *identity;   /* its XInterface: which deck a new panel joins */
    uno_Interface *undo;       /* the document's XUndoManager (NULL: none) */
    Listener *selection, *undo_listener;
    GPtrArray *panels; /* Panel *, not references */
    View view;
    gboolean have_view;
    char *results_key; /* the table the panels' reports are about ("": none; NULL: no report) */
    gboolean busy;     /* an action runs: the status bar's progress lets events through */
    int running;       /* actions running: the deck lasts until they end, even when its
                          panels go meanwhile (the document closed while the progress bar
                          let that through) */
};

/* Sizes in pixels, from the window's units and what VCL prefers. */
typedef struct {
    PnUnits u;
    sal_Int32 margin, gap, small_gap, line, row, button_h, edit_min;
} Metrics;

struct Panel {
    CuObject base;
    PnKind kind;
    Deck *deck;
    uno_Interface *frame, *sidebar; /* XFrame, XSidebar */
    uno_Interface *window;          /* our container (XWindow) */
    uno_Interface *toolkit;         /* XToolkit: controls, the question box */
    uno_Interface *async;           /* XRequestCallback: clicks run posted (post_click) */
    rtl_uString *url;
    Metrics m;
    sal_Int32 width, height; /* as last laid out */
    /* Actions (and Column roles: its Apply button) */
    uno_Interface *buttons[AC_N_BUTTONS], *results[AC_N_BUTTONS]; /* button, report under it */
    char *result_text[AC_N_BUTTONS];
    sal_Int32 result_h[AC_N_BUTTONS]; /* the height each report area keeps */
    Listener *clicks[AC_N_BUTTONS];
    sal_Int32 button_w;    /* the action buttons' common width */
    sal_Int32 label_w;     /* "Period:", "From:", "Until:", "Target:" */
    uno_Interface *period_label, *period; /* list box: all / month / quarter / ... */
    uno_Interface *from_label, *from, *until_label, *until; /* the custom period */
    uno_Interface *target_label, *target;                  /* "Target:" and its edit field */
    uno_Interface *options_label;
    uno_Interface *field_labels[N_FIELDS], *fields[N_FIELDS];
    char *filled[N_FIELDS]; /* what we last put into a field: untouched by the manager */
    char *filled_for;       /* the table description they were filled for */
    /* Lead table & checks */
    uno_Interface *info, *checks, *explain;
    char *info_text, *checks_text, *explain_text;
    /* Lead factors */
    uno_Interface *factors, *legend_label, *legend[MAX_STEPS];
    char *factors_text;
    sal_Int32 legend_w; /* the widest step's label */
    /* Column roles */
    uno_Interface *boxes_label;                          /* "Column of each role:" */
    uno_Interface *box_labels[N_BOXES], *boxes[N_BOXES]; /* fixed text, list box per BOX_ROLES */
    char **box_headers;         /* what the boxes list after N_("—") (NULL: nothing yet) */
    sal_Int16 box_pos[N_BOXES]; /* the entry we selected in each box, -1: none yet */
    sal_Int32 box_label_w;      /* the widest role label */
    gboolean filling;           /* we fill and select the boxes: their item events are ours */
    int pick_box;               /* the box the manager is choosing in (-1: none) */
    char *pick_base;            /* the roles (getRoles) before that box's first choice */
    Listener *picks[N_BOXES];
};

static Listener *listener_new(Listening kind, Panel *p, Deck *d, const AcAction *action);
static void deck_refresh(Deck *d, gboolean force, const char *key_before);

static gboolean same(const char *a, const char *b)
{
    return g_strcmp0(a, b) == 0;
}

/* Replace *SLOT by TEXT (taken); TRUE when it changed. */
static gboolean take_text(char **slot, char *text)
{
    gboolean changed = !same(*slot, text);
    g_free(*slot);
    *slot = text;
    return changed;
}

/* ---- member positions, resolved once by name ------------------------------------------ */

enum { M_REAL, M_FRAME, M_URL, M_TYPE, M_WINDOW, M_ACCESSIBLE, M_HEIGHT, M_MIN_WIDTH, M_DISPOSE,
       M_ADD_LISTENER, M_REMOVE_LISTENER, M_UNDONE, M_REDONE, M_CLEARED, M_RESET, N_MEMBERS };
static sal_Int32 member_pos[N_MEMBERS];

static gpointer resolve_once(gpointer unused)
{
    (void)unused;
    static const char *const ui[] = { "getRealInterface", "Frame", "ResourceURL", "Type" };
    static const char *const tool[] = { "Window", "createAccessible" };
    static const char *const side[] = { "getHeightForWidth", "getMinimalWidth" };
    static const char *const comp[] = { "dispose", "addEventListener", "removeEventListener" };
    static const char *const undo[] = { "actionUndone", "actionRedone", "allActionsCleared", "resetAll" };
    cu_members_resolve("com.sun.star.ui.XUIElement", ui, &member_pos[M_REAL], 4);
    cu_members_resolve("com.sun.star.ui.XToolPanel", tool, &member_pos[M_WINDOW], 2);
    cu_members_resolve("com.sun.star.ui.XSidebarPanel", side, &member_pos[M_HEIGHT], 2);
    cu_members_resolve("com.sun.star.lang.XComponent", comp, &member_pos[M_DISPOSE], 3);
    cu_members_resolve("com.sun.star.document.XUndoManagerListener", undo, &member_pos[M_UNDONE], 4);
    return NULL;
}

static void resolve_members(void)
{
    static GOnce once = G_ONCE_INIT;
    g_once(&once, resolve_once, NULL);
}

/* ---- layout ----------------------------------------------------------------------------- */

static sal_Int32 text_h(const Panel *p, uno_Interface *w, const char *text, sal_Int32 width)
{
    return pn_text_height(w, text, width, p->m.line);
}

/* LABEL (LABEL_W wide) and CONTROL (the rest of INNER) in a row of height H at Y, the
 * label centred on the control; the y below. */
static sal_Int32 place_row(const Panel *p, uno_Interface *label, uno_Interface *control, sal_Int32 y,
                           sal_Int32 label_w, sal_Int32 inner, sal_Int32 h)
{
    const Metrics *m = &p->m;
    pn_bounds(label, m->margin, y + (h - m->line) / 2, label_w, m->line);
    pn_bounds(control, m->margin + label_w, y + (h - m->row) / 2, inner - label_w, m->row);
    return y + h + m->small_gap;
}

static sal_Int32 place_button(const Panel *p, AcButton b, sal_Int32 x, sal_Int32 y, sal_Int32 w)
{
    pn_bounds(p->buttons[b], x, y, w, p->m.button_h);
    return y + p->m.button_h + p->m.small_gap;
}

/* Button B's report area at Y: its text's height, at least a line and at least what the
 * area kept; the y below. */
static sal_Int32 place_result(Panel *p, AcButton b, sal_Int32 y, sal_Int32 inner)
{
    const Metrics *m = &p->m;
    sal_Int32 h = MAX(m->line, text_h(p, p->results[b], p->result_text[b], inner));
    p->result_h[b] = h = MAX(h, p->result_h[b]);
    pn_bounds(p->results[b], m->margin, y, inner, h);
    return y + h + m->gap;
}

/* A label above its edit field F, the label wrapped; the y below. */
static sal_Int32 place_field(Panel *p, int f, sal_Int32 y, sal_Int32 inner)
{
    const Metrics *m = &p->m;
    sal_Int32 lh = MAX(m->line, text_h(p, p->field_labels[f], _(FIELD_LABELS[f]), inner));
    pn_bounds(p->field_labels[f], m->margin, y, inner, lh);
    y += lh + m->small_gap;
    pn_bounds(p->fields[f], m->margin, y, inner, m->row);
    return y + m->row + m->gap;
}

static sal_Int32 button_width(const Panel *p, AcButton b)
{
    sal_Int32 w = 0;
    pn_preferred(p->buttons[b], &w, NULL);
    return MAX(w + pn_ax(&p->m.u, 6), pn_ax(&p->m.u, AF_BUTTON_W));
}

static sal_Int32 layout_actions(Panel *p, sal_Int32 inner)
{
    const Metrics *m = &p->m;
    sal_Int32 x = m->margin, y = m->margin, bw = MIN(p->button_w, inner), lw = p->label_w;
    y = place_button(p, AC_BUTTON_SCORE, x, y, bw);
    y = place_result(p, AC_BUTTON_SCORE, y, inner);
    /* Period: [list], then From: [____] Until: [____] (one under the other when narrow) */
    y = place_row(p, p->period_label, p->period, y, lw, inner, m->row);
    sal_Int32 half = (inner - m->gap) / 2;
    if (half - lw >= m->edit_min) {
        place_row(p, p->from_label, p->from, y, lw, half, m->row);
        pn_bounds(p->until_label, x + half + m->gap, y + (m->row - m->line) / 2, lw, m->line);
        pn_bounds(p->until, x + half + m->gap + lw, y, inner - half - m->gap - lw, m->row);
        y += m->row + m->small_gap;
    } else {
        y = place_row(p, p->from_label, p->from, y, lw, inner, m->row);
        y = place_row(p, p->until_label, p->until, y, lw, inner, m->row);
    }
    y = place_button(p, AC_BUTTON_FORECAST, x, y + m->small_gap, bw);
    y = place_result(p, AC_BUTTON_FORECAST, y, inner);
    /* Target: [____] [Write funnel], the button below when too narrow */
    sal_Int32 fw = MIN(button_width(p, AC_BUTTON_FUNNEL), inner);
    if (inner - lw - m->gap - fw >= m->edit_min) {
        place_row(p, p->target_label, p->target, y, lw, inner - m->gap - fw, m->button_h);
        y = place_button(p, AC_BUTTON_FUNNEL, x + inner - fw, y, fw);
    } else {
        y = place_row(p, p->target_label, p->target, y, lw, inner, m->row);
        y = place_button(p, AC_BUTTON_FUNNEL, x, y, bw);
    }
    y = place_result(p, AC_BUTTON_FUNNEL, y, inner);
    y = place_button(p, AC_BUTTON_PRODUCTS, x, y, bw);
    y = place_result(p, AC_BUTTON_PRODUCTS, y, inner);
    y = place_button(p, AC_BUTTON_PATTERNS, x, y, bw);
    y = place_result(p, AC_BUTTON_PATTERNS, y, inner);
    y = place_button(p, AC_BUTTON_SNAPSHOT, x, y, bw);
    y = place_result(p, AC_BUTTON_SNAPSHOT, y, inner);
    y = place_button(p, AC_BUTTON_CHANGES, x, y, bw);
    y = place_result(p, AC_BUTTON_CHANGES, y, inner);
    y = place_button(p, AC_BUTTON_CATEGORIES, x, y, bw);
    y = place_result(p, AC_BUTTON_CATEGORIES, y, inner);
    y = place_button(p, AC_BUTTON_ACCURACY, x, y, bw);
    y = place_result(p, AC_BUTTON_ACCURACY, y, inner);
    y = place_button(p, AC_BUTTON_FIX, x, y, MIN(MAX(bw, button_width(p, AC_BUTTON_FIX)), inner));
    y = place_result(p, AC_BUTTON_FIX, y, inner);
    y = place_button(p, AC_BUTTON_SHARE, x, y, bw);
    y = place_result(p, AC_BUTTON_SHARE, y, inner);
    pn_bounds(p->options_label, x, y, inner, m->line);
    y += m->line + m->small_gap;
    y = place_field(p, FIELD_HISTORY, y, inner);
    y = place_field(p, FIELD_STAGES, y, inner);
    y = place_field(p, FIELD_LOG, y, inner);
    y = place_field(p, FIELD_SNAPSHOTS, y, inner);
    y = place_field(p, FIELD_TARGETS, y, inner);
    return y - m->gap + m->margin;
}

/* A multi-line text W showing TEXT at Y (nothing when empty); the y below. */
static sal_Int32 place_text(Panel *p, uno_Interface *w, const char *text, sal_Int32 y, sal_Int32 inner)
{
    sal_Int32 h = text_h(p, w, text, inner);
    pn_bounds(w, p->m.margin, y, inner, h);
    return h ? y + h + p->m.gap : y;
}

static sal_Int32 layout_table(Panel *p, sal_Int32 inner)
{
    sal_Int32 y = p->m.margin;
    y = place_text(p, p->info, p->info_text, y, inner);
    y = place_text(p, p->checks, p->checks_text, y, inner);
    y = place_text(p, p->explain, p->explain_text, y, inner);
    return y - p->m.gap + p->m.margin;
}

static const char *factors_shown(const Panel *p)
{
    return p->factors_text && *p->factors_text
               ? p->factors_text
               : _("Put the cell cursor into a scored lead's row (Score leads) to see what its "
                   "score is made of.");
}

static sal_Int32 layout_factors(Panel *p, sal_Int32 inner)
{
    const Metrics *m = &p->m;
    sal_Int32 y = place_text(p, p->factors, factors_shown(p), m->margin, inner);
    sal_Int32 lh = MAX(m->line, text_h(p, p->legend_label, _("Score colours (win probability in %):"), inner));
    pn_bounds(p->legend_label, m->margin, y, inner, lh);
    y += lh + m->small_gap;
    sal_Int32 n = (sal_Int32)MIN(cc_colour_step_count(), MAX_STEPS), x = m->margin;
    gboolean in_a_row = n > 0 && inner / n >= p->legend_w;
    for (sal_Int32 i = 0; i < n; i++) {
        if (in_a_row) { /* the last one takes what the division leaves */
            sal_Int32 w = i == n - 1 ? m->margin + inner - x : inner / n;
            pn_bounds(p->legend[i], x, y, w, m->row);
            x += w;
        } else {
            pn_bounds(p->legend[i], m->margin, y, inner, m->row);
            y += m->row;
        }
    }
    return (in_a_row ? y + m->row : y) + m->margin;
}

static sal_Int32 layout_roles(Panel *p, sal_Int32 inner)
{
    const Metrics *m = &p->m;
    sal_Int32 y = m->margin;
    pn_bounds(p->boxes_label, m->margin, y, inner, m->line);
    y += m->line + m->small_gap;
    gboolean beside = inner - p->box_label_w >= m->edit_min;
    for (int b = 0; b < N_BOXES; b++) {
        if (beside) {
            y = place_row(p, p->box_labels[b], p->boxes[b], y, p->box_label_w, inner, m->row);
        } else { /* too narrow: the box under its label */
            pn_bounds(p->box_labels[b], m->margin, y, inner, m->line);
            y += m->line;
            pn_bounds(p->boxes[b], m->margin, y, inner, m->row);
            y += m->row + m->small_gap;
        }
    }
    y = place_field(p, FIELD_ROLES, y + m->gap, inner) - m->gap + m->small_gap;
    y = place_button(p, AC_BUTTON_ROLES, m->margin, y, MIN(button_width(p, AC_BUTTON_ROLES), inner));
    y = place_result(p, AC_BUTTON_ROLES, y, inner);
    return y - m->gap + m->margin;
}

/* Place the controls for WIDTH; return the height they need. */
static sal_Int32 layout(Panel *p, sal_Int32 width)
{
    p->width = width = MAX(width, 2 * p->m.margin + pn_ax(&p->m.u, AF_BUTTON_W));
    sal_Int32 inner = width - 2 * p->m.margin;
    switch (p->kind) {
    case PN_ACTIONS:
        return p->height = layout_actions(p, inner);
    case PN_TABLE:
        return p->height = layout_table(p, inner);
    case PN_FACTORS:
        return p->height = layout_factors(p, inner);
    case PN_ROLES:
        return p->height = layout_roles(p, inner);
    default:
        return p->height = 0;
    }
}

/* The narrowest width the panel's rows fit in, in pixels. */
static sal_Int32 minimal_width(const Panel *p)
{
    const Metrics *m = &p->m;
    sal_Int32 w = pn_ax(&m->u, AF_MIN_WIDTH) - 2 * m->margin;
    if (p->kind == PN_ACTIONS) {
        w = MAX(w, p->button_w);
        w = MAX(w, button_width(p, AC_BUTTON_FIX));
        w = MAX(w, p->label_w + m->edit_min);
    } else if (p->kind == PN_ROLES) {
        w = MAX(w, button_width(p, AC_BUTTON_ROLES));
    }
    return w + 2 * m->margin;
}

/* Lay out again at the width the deck gave; ask the deck to lay out when the height
 * changed (a longer text), so that the panels below move and nothing is cut off. */
static void relayout(Panel *p)
{
    static CuMethod request = CU_METHOD("com.sun.star.ui.XSidebar", "requestLayout");
    sal_Int32 before = p->height;
    if (layout(p, p->width) != before && p->sidebar)
        cu_call(p->sidebar, &request, NULL, NULL, NULL);
}

/* ---- what the panels show --------------------------------------------------------------- */

/* Run the action MEMBER (of XPipelineActions) with ARGS on the panel's view: TRUE with its
 * report in *TEXT, FALSE with the sentence why not (g_free either). */
static gboolean run_member(Panel *p, const char *member, const AcValue *args, char **text)
{
    AcCall c = { .controller = p->deck ? p->deck->controller : NULL, .args = args };
    const AcAction *a = ac_action_find(member);
    gboolean ok = a && c.controller && ac_action_run(a, &c);
    *text = a ? c.message : g_strdup_printf("Pipecalc: no action %s", member);
    if (!*text)
        *text = g_strdup("");
    return ok;
}

/* Put what MEMBER answers (the table's roles, its learned stage probabilities) into field
 * F, unless the manager has typed there since we last filled it. */
static void prefill(Panel *p, int f, const char *member)
{
    if (!p->fields[f])
        return;
    char *now = pn_edit_text(p->fields[f]);
    gboolean typed = *now && !same(now, p->filled[f]);
    g_free(now);
    if (typed)
        return;
    char *text = NULL;
    if (!run_member(p, member, NULL, &text)) {
        g_free(text);
        text = g_strdup("");
    }
    pn_set_edit_text(p->fields[f], text);
    g_free(p->filled[f]);
    p->filled[f] = text;
}

/* A sequence< string >: FIRST, then ITEMS (uno_type_destructData with *TYPE, then release
 * *TYPE). */
static uno_Sequence *string_items(const char *first, char **items,
                                  typelib_TypeDescriptionReference **type)
{
    *type = NULL;
    typelib_typedescriptionreference_newByAsciiName(type, typelib_TypeClass_SEQUENCE, "[]string");
    uno_Sequence *seq = NULL;
    guint n = g_strv_length(items);
    uno_type_sequence_construct(&seq, *type, NULL, (sal_Int32)n + 1, NULL);
    rtl_uString **elements = (rtl_uString **)seq->elements;
    for (guint i = 0; i <= n; i++) {
        rtl_uString_release(elements[i]);
        elements[i] = cu_ustr_from_utf8(i == 0 ? first : items[i - 1]);
    }
    return seq;
}

/* Put N_("—") and HEADERS into every role box; enabled only when there are headers. The
 * drop-down shows every entry up to DROPDOWN_LINES. */
static void fill_boxes(Panel *p, char **headers)
{
    static CuMethod count = CU_METHOD("com.sun.star.awt.XListBox", "getItemCount");
    static CuMethod remove = CU_METHOD("com.sun.star.awt.XListBox", "removeItems");
    static CuMethod add = CU_METHOD("com.sun.star.awt.XListBox", "addItems");
    static CuMethod lines = CU_METHOD("com.sun.star.awt.XListBox", "setDropDownLineCount");
    typelib_TypeDescriptionReference *type;
    uno_Sequence *items = string_items(_("—"), headers, &type);
    sal_Int16 shown = (sal_Int16)MIN(items->nElements, DROPDOWN_LINES);
    for (int b = 0; b < N_BOXES; b++) {
        sal_Int16 n = 0, first = 0;
        if (!p->boxes[b])
            continue;
        cu_call(p->boxes[b], &count, &n, NULL, NULL);
        void *remove_args[2] = { &first, &n };
        cu_call(p->boxes[b], &remove, NULL, remove_args, NULL);
        void *add_args[2] = { &items, &first };
        cu_call(p->boxes[b], &add, NULL, add_args, NULL);
        void *line_args[1] = { &shown };
        cu_call(p->boxes[b], &lines, NULL, line_args, NULL);
        pn_set_enabled(p->boxes[b], *headers != NULL);
        p->box_pos[b] = -1; /* nothing selected now */
    }
    uno_type_destructData(&items, type, NULL);
    typelib_typedescriptionreference_release(type);
    g_strfreev(p->box_headers);
    p->box_headers = g_strdupv(headers);
}

/* Show C in the role boxes: its headers, each box on the first column holding its role
 * (the one the actions use), "no column" when none does. Only what changed is touched, so
 * a box the manager just chose from is left alone. p->filling marks the selections as ours:
 * VCLXListBox.selectItemPos runs the box's Select handler, which tells the item listeners
 * exactly as a choice of the manager would. */
static void show_roles(Panel *p, const CcRoleColumns *c)
{
    static CuMethod select = CU_METHOD("com.sun.star.awt.XListBox", "selectItemPos");
    static char *no_headers[] = { NULL };
    char **headers = c->headers ? c->headers : no_headers;
    p->filling = TRUE;
    if (!p->box_headers ||
        !g_strv_equal((const char *const *)p->box_headers, (const char *const *)headers))
        fill_boxes(p, headers);
    for (int b = 0; b < N_BOXES; b++) {
        sal_Int16 pos = 0; /* N_("—") */
        for (gsize i = 0; i < c->n && !pos; i++)
            if (c->roles[i] == BOX_ROLES[b])
                pos = (sal_Int16)MIN(i + 1, G_MAXINT16);
        if (!p->boxes[b] || pos == p->box_pos[b])
            continue;
        sal_Bool yes = sal_True;
        void *args[2] = { &pos, &yes };
        cu_call(p->boxes[b], &select, NULL, args, NULL);
        p->box_pos[b] = pos;
    }
    p->filling = FALSE;
}

/* Show V in panel P (what its kind shows of it). */
static void panel_show(Panel *p, const View *v)
{
    gboolean changed = FALSE;
    switch (p->kind) {
    case PN_ACTIONS:
        pn_set_enabled(p->buttons[AC_BUTTON_FIX], v->fixable);
        if (take_text(&p->filled_for, g_strdup(v->info))) /* not for a move inside the table */
            prefill(p, FIELD_STAGES, "getStageProbabilities");
        break;
    case PN_TABLE:
        if (take_text(&p->info_text, g_strdup(v->info))) {
            pn_set_text(p->info, p->info_text);
            changed = TRUE;
        }
        if (take_text(&p->checks_text, g_strdup(v->checks))) {
            pn_set_text(p->checks, p->checks_text);
            changed = TRUE;
        }
        if (take_text(&p->explain_text, g_strdup(v->explain))) {
            pn_set_text(p->explain, p->explain_text);
            changed = TRUE;
        }
        break;
    case PN_FACTORS:
        if (take_text(&p->factors_text, g_strdup(v->factors))) {
            pn_set_text(p->factors, factors_shown(p));
            changed = TRUE;
        }
        break;
    case PN_ROLES:
        show_roles(p, &v->columns);
        if (take_text(&p->filled_for, g_strdup(v->info)))
            prefill(p, FIELD_ROLES, "getRoles");
        break;
    default:
        break;
    }
    if (changed)
        relayout(p);
}

/* Show TEXT (taken) as the report of button B, right under it. The areas from B's down
 * may shrink again (B and the buttons above it stay where they are). */
static void show_result(Panel *p, AcButton b, char *text)
{
    gboolean below = FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(ACTION_ORDER); i++)
        if ((below = below || ACTION_ORDER[i] == b))
            p->result_h[ACTION_ORDER[i]] = 0;
    p->result_h[b] = 0;
    take_text(&p->result_text[b], text);
    pn_set_text(p->results[b], text);
    relayout(p);
}

/* Take the reports out of P; their areas keep their heights (no button moves). */
static void clear_results(Panel *p)
{
    for (int b = 0; b < AC_N_BUTTONS; b++)
        if (p->result_text[b]) {
            take_text(&p->result_text[b], NULL);
            pn_set_text(p->results[b], "");
        }
}

/* ---- the deck: what the panels of one view share --------------------------------------- */

static GPtrArray *decks; /* Deck *: one per view with panels of ours */
G_LOCK_DEFINE_STATIC(decks);

static void view_clear(View *v)
{
    g_free(v->info);
    g_free(v->checks);
    g_free(v->explain);
    g_free(v->factors);
    g_free(v->key);
    cc_roles_columns_clear(&v->columns);
    memset(v, 0, sizeof *v);
}

static gboolean same_columns(const CcRoleColumns *a, const CcRoleColumns *b)
{
    if (a->n != b->n)
        return FALSE;
    for (gsize i = 0; i < a->n; i++)
        if (a->roles[i] != b->roles[i] || !same(a->headers[i], b->headers[i]))
            return FALSE;
    return TRUE;
}

static gboolean same_view(const View *a, const View *b)
{
    return same(a->info, b->info) && same(a->checks, b->checks) && same(a->explain, b->explain) &&
           same(a->factors, b->factors) && same(a->key, b->key) && a->fixable == b->fixable &&
           same_columns(&a->columns, &b->columns);
}

static void deck_clear_results(Deck *d)
{
    for (guint i = 0; i < d->panels->len; i++)
        clear_results(g_ptr_array_index(d->panels, i));
    g_free(d->results_key);
    d->results_key = NULL;
}

/* Read the cursor's table again and show it in every panel, when it changed or FORCE.
 * KEY_BEFORE (not NULL: right after an action, on the table the cursor was on then, ""
 * for none): the reports are now about the table the action left the cursor on, else that
 * one. Otherwise the reports go when the cursor is on another lead table than theirs. */
static void deck_refresh(Deck *d, gboolean force, const char *key_before)
{
    View v = { 0 };
    if (!d->controller || d->busy)
        return;
    ac_service_panel(d->controller, &v.info, &v.checks, &v.explain, &v.factors, &v.columns,
                     &v.fixable, &v.key);
    if (key_before) {
        g_free(d->results_key);
        d->results_key = g_strdup(v.key ? v.key : key_before);
    } else if (v.key && d->results_key && !same(v.key, d->results_key)) {
        deck_clear_results(d);
    }
    if (d->have_view && !force && same_view(&v, &d->view)) {
        view_clear(&v); /* unchanged: no flicker, no relayout */
        return;
    }
    view_clear(&d->view);
    d->view = v;
    d->have_view = TRUE;
    /* each panel lasts while the panels are shown: showing one may let its document close,
     * which disposes and releases the others (they are skipped then) */
    GPtrArray *held = g_ptr_array_new();
    for (guint i = 0; i < d->panels->len; i++) {
        Panel *q = g_ptr_array_index(d->panels, i);
        cu_object_interface(&q->base)->acquire(cu_object_interface(&q->base));
        g_ptr_array_add(held, q);
    }
    for (guint i = 0; i < held->len; i++) {
        Panel *q = g_ptr_array_index(held, i);
        if (q->deck == d)
            panel_show(q, &d->view);
    }
    for (guint i = 0; i < held->len; i++) /* the last release may end D: not used after */
        cu_release(cu_object_interface(&((Panel *)g_ptr_array_index(held, i))->base));
    g_ptr_array_unref(held);
}

/* Edit > Undo or Redo ran (or the undo stack was reset): a report may speak of what is no
 * longer there, so all go; the table may look different now. */
static void deck_undone(Deck *d)
{
    if (d->busy) /* an action undoing its own half-written output */
        return;
    deck_clear_results(d);
    deck_refresh(d, FALSE, NULL);
}

/* Add (ADD) or remove the deck's selection listener at its view. */
static void watch_selection(Deck *d, gboolean add)
{
    static CuMethod add_m = CU_METHOD("com.sun.star.view.XSelectionSupplier", "addSelectionChangeListener");
    static CuMethod remove_m = CU_METHOD("com.sun.star.view.XSelectionSupplier",
                                         "removeSelectionChangeListener");
    uno_Interface *li = cu_object_facet(&d->selection->base, 1); /* XSelectionChangeListener */
    void *args[1] = { &li };
    cu_call(d->controller, add ? &add_m : &remove_m, NULL, args, NULL);
}

/* Add (ADD) or remove the deck's listener at the document's undo manager. */
static void watch_undo(Deck *d, gboolean add)
{
    static CuMethod add_m = CU_METHOD("com.sun.star.document.XUndoManager", "addUndoManagerListener");
    static CuMethod remove_m = CU_METHOD("com.sun.star.document.XUndoManager", "removeUndoManagerListener");
    uno_Interface *li = cu_object_facet(&d->undo_listener->base, 4); /* XUndoManagerListener */
    void *args[1] = { &li };
    cu_call(d->undo, add ? &add_m : &remove_m, NULL, args, NULL);
}

static uno_Interface *undo_manager(uno_Interface *controller)
{
    static CuMethod get = CU_METHOD("com.sun.star.document.XUndoManagerSupplier", "getUndoManager");
    uno_Interface *model = cc_model(controller, NULL);
    uno_Interface *undo = model ? cu_call_iface(model, &get, NULL, "com.sun.star.document.XUndoManager", NULL)
                                : NULL;
    cu_release(model);
    return undo;
}

static void release_listener(Listener **l)
{
    if (*l) {
        (*l)->panel = NULL;
        (*l)->deck = NULL;
        cu_release(cu_object_interface(&(*l)->base));
        *l = NULL;
    }
}

static void deck_free(Deck *d)
{
    if (d->selection)
        watch_selection(d, FALSE);
    if (d->undo_listener && d->undo)
        watch_undo(d, FALSE);
    release_listener(&d->selection);
    release_listener(&d->undo_listener);
    cu_release(d->undo);
    cu_release(d->controller);
    cu_release(d->identity);
    view_clear(&d->view);
    g_free(d->results_key);
    g_ptr_array_unref(d->panels);
    g_free(d);
}

/* The deck of CONTROLLER's panels with P in it: the one its other panels share, or a new
 * one listening to the view and its document's undo manager. */
static Deck *deck_join(Panel *p, uno_Interface *controller)
{
    uno_Interface *identity = cu_query(controller, "com.sun.star.uno.XInterface");
    Deck *d = NULL;
    if (!identity)
        return NULL;
    G_LOCK(decks);
    for (guint i = 0; decks && i < decks->len && !d; i++)
        if (((Deck *)g_ptr_array_index(decks, i))->identity == identity)
            d = g_ptr_array_index(decks, i);
    gboolean fresh = !d;
    if (fresh) {
        d = g_new0(Deck, 1);
        d->identity = identity;
        identity = NULL;
        d->controller = controller;
        controller->acquire(controller);
        d->panels = g_ptr_array_new();
        if (!decks)
            decks = g_ptr_array_new();
        g_ptr_array_add(decks, d);
    }
    g_ptr_array_add(d->panels, p);
    G_UNLOCK(decks);
    cu_release(identity);
    p->deck = d;
    if (fresh) {
        if ((d->selection = listener_new(LISTEN_SELECTION, NULL, d, NULL)))
            watch_selection(d, TRUE);
        d->undo = undo_manager(controller);
        if (d->undo && (d->undo_listener = listener_new(LISTEN_UNDO, NULL, d, NULL)))
            watch_undo(d, TRUE);
        deck_refresh(d, TRUE, NULL);
    } else if (d->have_view) {
        panel_show(p, &d->view);
    } else {
        deck_refresh(d, TRUE, NULL);
    }
    return d;
}

/* End D when it has no panels and runs no action. */
static void deck_end_if_unused(Deck *d)
{
    G_LOCK(decks);
    gboolean unused = d->panels->len == 0 && d->running == 0;
    if (unused)
        g_ptr_array_remove(decks, d);
    G_UNLOCK(decks);
    if (unused)
        deck_free(d);
}

/* P leaves its deck; the last panel to leave ends it (once its actions are done). */
static void deck_leave(Panel *p)
{
    Deck *d = p->deck;
    if (!d)
        return;
    p->deck = NULL;
    G_LOCK(decks);
    g_ptr_array_remove(d->panels, p);
    G_UNLOCK(decks);
    deck_end_if_unused(d);
}

/* An action of P's starts: D and P last until action_end, P's deck stops listening. */
static Deck *action_begin(Panel *p)
{
    Deck *d = p->deck;
    cu_object_interface(&p->base)->acquire(cu_object_interface(&p->base));
    d->running++;
    d->busy = TRUE;
    return d;
}

static void action_end(Panel *p, Deck *d)
{
    d->busy = --d->running > 0;
    deck_end_if_unused(d);
    cu_release(cu_object_interface(&p->base));
}

/* ---- a button's action, its parameters from the panel's fields ------------------------ */

/* The target typed in the panel, or NAN. */
static double typed_target(Panel *p)
{
    double target = NAN;
    char *text = pn_edit_text(p->target);
    uno_Interface *model = cc_model(p->deck->controller, NULL);
    if (!ac_funnel_parse_target(model, text, &target))
        target = NAN;
    cu_release(model);
    g_free(text);
    return target;
}

/* A date typed into the custom period, as Calc reads it typed into a cell of MODEL (the
 * office's Locale setting; YYYY-MM-DD always), as MODEL's serial into *SERIAL; empty is 0
 * (open). FALSE when it is no date. */
static gboolean parse_date(uno_Interface *model, const char *text, double *serial)
{
    char *t = g_strstrip(g_strdup(text));
    *serial = 0;
    gboolean ok = !*t || cc_locale_parse_date(model, t, serial);
    g_free(t);
    return ok;
}

/* The period chosen in the panel into *START, *END (serials of the document's date system,
 * 0 = open). FALSE when the custom dates are no dates. */
static gboolean chosen_period(Panel *p, double *start, double *end)
{
    static CuMethod selected = CU_METHOD("com.sun.star.awt.XListBox", "getSelectedItemPos");
    sal_Int16 pos = PERIOD_ALL;
    *start = *end = 0;
    if (p->period)
        cu_call(p->period, &selected, &pos, NULL, NULL);
    if (pos != PERIOD_CUSTOM && pos != PERIOD_MONTH && pos != PERIOD_QUARTER && pos != PERIOD_YEAR)
        return TRUE;
    uno_Interface *model = cc_model(p->deck->controller, NULL);
    gboolean ok = TRUE;
    if (pos == PERIOD_CUSTOM) {
        char *a = pn_edit_text(p->from), *b = pn_edit_text(p->until);
        ok = parse_date(model, a, start) && parse_date(model, b, end);
        g_free(a);
        g_free(b);
    } else { /* this month, quarter or year, as TODAY() in the document */
        PcDates dates = cc_document_dates(model);
        gint m = pc_month_of_serial(&dates, cc_today(&dates)); /* year * 12 + month - 1 */
        gint span = pos == PERIOD_MONTH ? 1 : pos == PERIOD_QUARTER ? 3 : 12;
        gint first = m - m % span;
        *start = pc_month_first_day(&dates, first);
        *end = pc_month_last_day(&dates, first + span - 1);
    }
    cu_release(model);
    return ok;
}

/* The next choice in a role box starts from the stored roles again. */
static void end_picking(Panel *p)
{
    p->pick_box = -1;
    g_free(p->pick_base);
    p->pick_base = NULL;
}

/* Ask the manager QUESTION in a yes / no box over the panel (Yes the default); TRUE for
 * yes. FALSE when the box cannot be shown. */
static gboolean ask(Panel *p, const char *question)
{
    static CuMethod create = CU_METHOD("com.sun.star.awt.XMessageBoxFactory", "createMessageBox");
    static CuMethod execute = CU_METHOD("com.sun.star.awt.XMessageBox", "execute");
    enum { QUERYBOX = 4, BUTTONS_YES_NO = 3, DEFAULT_BUTTON_YES = 0x40000, RESULT_YES = 2 };
    uno_Interface *peer = p->window ? cu_query(p->window, "com.sun.star.awt.XWindowPeer") : NULL;
    if (!peer || !p->toolkit) {
        cu_release(peer);
        return FALSE;
    }
    sal_Int32 type = QUERYBOX, buttons = BUTTONS_YES_NO | DEFAULT_BUTTON_YES;
    rtl_uString *title = cu_ustr_from_utf8("Pipecalc"), *text = cu_ustr_from_utf8(question);
    void *args[5] = { &peer, &type, &buttons, &title, &text };
    uno_Interface *box = cu_call_iface(p->toolkit, &create, args, NULL, NULL);
    sal_Int16 answer = 0;
    gboolean yes = box && cu_call(box, &execute, &answer, NULL, NULL) && answer == RESULT_YES;
    cu_release(box);
    rtl_uString_release(title);
    rtl_uString_release(text);
    peer->release(peer);
    return yes;
}

/* The values of an action's parameters, the texts owned. */
typedef struct {
    AcValue values[AC_MAX_PARAMS];
    char *texts[AC_MAX_PARAMS];
} Inputs;

/* One field of the panel into *V (a text g_malloc'd into *TEXT); FALSE with the manager's
 * sentence in *REFUSAL when what is typed there cannot be used. */
typedef gboolean (*Input)(Panel *p, AcValue *v, char **text, char **refusal);

/* The stage probabilities typed; "" (learned) while the field shows the learned ones. */
static gboolean input_stages(Panel *p, AcValue *v, char **text, char **refusal)
{
    (void)refusal;
    char *field = pn_edit_text(p->fields[FIELD_STAGES]);
    if (same(field, p->filled[FIELD_STAGES]))
        field[0] = 0;
    v->text = *text = field;
    return TRUE;
}

/* The chosen period's first day (or, END, its last). */
static gboolean input_period(Panel *p, AcValue *v, gboolean end, char **refusal)
{
    double first, last;
    if (!chosen_period(p, &first, &last)) {
        *refusal = g_strdup(_("Type the custom period's dates as YYYY-MM-DD, or as you type "
                              "dates into a cell (leave one empty for an open end). Nothing was "
                              "written."));
        return FALSE;
    }
    v->number = end ? last : first;
    return TRUE;
}

static gboolean input_period_start(Panel *p, AcValue *v, char **text, char **refusal)
{
    (void)text;
    return input_period(p, v, FALSE, refusal);
}

static gboolean input_period_end(Panel *p, AcValue *v, char **text, char **refusal)
{
    (void)text;
    return input_period(p, v, TRUE, refusal);
}

/* The target typed (NAN when it is no number: the funnel says so). */
static gboolean input_target(Panel *p, AcValue *v, char **text, char **refusal)
{
    (void)text; (void)refusal;
    v->number = typed_target(p);
    return TRUE;
}

/* The copy's place: next to the document. */
static gboolean input_url(Panel *p, AcValue *v, char **text, char **refusal)
{
    (void)p; (void)text; (void)refusal;
    v->text = "";
    return TRUE;
}

/* The field that gives each parameter of the buttons' actions, by its IDL name: an edit
 * field's text as typed (FIELD), or what INPUT reads (FIELD -1). */
static const struct {
    const char *param;
    Input input;
    int field;
} INPUTS[] = {
    { "roles", NULL, FIELD_ROLES },           { "history", NULL, FIELD_HISTORY },
    { "stageLog", NULL, FIELD_LOG },          { "snapshots", NULL, FIELD_SNAPSHOTS },
    { "targets", NULL, FIELD_TARGETS },       { "stages", input_stages, -1 },
    { "periodStart", input_period_start, -1 }, { "periodEnd", input_period_end, -1 },
    { "target", input_target, -1 },           { "url", input_url, -1 },
};

static void inputs_clear(Inputs *in)
{
    for (int i = 0; i < AC_MAX_PARAMS; i++)
        g_free(in->texts[i]);
}

/* A's parameters from the panel's fields into IN (inputs_clear); FALSE with the manager's
 * sentence in *REFUSAL. */
static gboolean read_inputs(Panel *p, const AcAction *a, Inputs *in, char **refusal)
{
    memset(in, 0, sizeof *in);
    for (int i = 0; i < a->n_params; i++) {
        gssize at = -1;
        for (gsize k = 0; k < G_N_ELEMENTS(INPUTS) && at < 0; k++)
            if (strcmp(INPUTS[k].param, a->params[i].name) == 0)
                at = (gssize)k;
        if (at < 0) { /* a new button's action with a parameter the panel has no field for */
            *refusal = g_strdup_printf("Pipecalc: the panel has no field for %s of %s",
                                       a->params[i].name, a->member);
            return FALSE;
        }
        if (INPUTS[at].field >= 0)
            in->values[i].text = in->texts[i] = pn_edit_text(p->fields[INPUTS[at].field]);
        else if (!INPUTS[at].input(p, &in->values[i], &in->texts[i], refusal))
            return FALSE;
    }
    return TRUE;
}

/* Run A with ARGS; when one of the manager's cells is in the way of its output, ask whether
 * to make room as A does (AcRoom) and run it again so if yes. *TEXT as for run_member. */
static gboolean run_asking(Panel *p, const AcAction *a, const AcValue *args, char **text)
{
    AcCall c = { .controller = p->deck->controller, .args = args };
    gboolean ok = ac_action_run(a, &c);
    if (!ok && c.blocked && a->room != AC_ROOM_NONE) {
        char *question = g_strdup_printf(
            "%s\n\n%s", c.message,
            _(a->room == AC_ROOM_SHIFT ? N_("Make room instead? Your cells there move one column "
                                            "to the right (as Insert Cells does; one Undo puts "
                                            "them back).")
                                       : N_("Write it to a new sheet instead? The current one "
                                            "stays as it is.")));
        gboolean yes = ask(p, question);
        g_free(question);
        if (yes) {
            g_free(c.message);
            c.make_room = TRUE;
            ok = ac_action_run(a, &c);
        }
    }
    *text = c.message;
    return ok;
}

/* The end of an action of P's on deck D: TEXT (taken) under button B, then every panel
 * shows the table as the action left it (a Score column, new roles), the reports about
 * it. Nothing is shown when P was disposed meanwhile. D and P last until the refresh is
 * done: the document may be closed while the refresh reads it (its panels disposed), and
 * the deck must not be freed under it (make check-valgrind-office, VALGRIND_DAY=decks). */
static void report(Panel *p, Deck *d, AcButton b, char *text, char *key_before)
{
    d->busy = d->running > 1; /* this action is over: the deck may refresh */
    if (p->deck == d) {
        show_result(p, b, text);
        deck_refresh(d, TRUE, key_before);
    } else {
        g_free(text);
    }
    g_free(key_before);
    action_end(p, d);
}

/* The table the cursor is on now, for report ("": none). */
static char *key_now(const Deck *d)
{
    return g_strdup(d->view.key ? d->view.key : "");
}

/* A button was clicked: run its action A with the panel's fields, show the outcome. */
static void run_action(Panel *p, const AcAction *a)
{
    char *text = NULL;
    Inputs in;
    if (!p->deck || !p->deck->controller)
        return;
    end_picking(p);
    char *key = key_now(p->deck);
    Deck *d = action_begin(p);
    if (read_inputs(p, a, &in, &text) && run_asking(p, a, in.values, &text) &&
        a->button == AC_BUTTON_ROLES) { /* the table panel shows the new roles: say they are kept */
        g_free(text);
        text = g_strdup(_("Roles saved with the document."));
        g_free(p->filled[FIELD_ROLES]); /* the saved roles count as ours again */
        p->filled[FIELD_ROLES] = g_strdup(in.values[0].text);
    }
    inputs_clear(&in);
    report(p, d, a->button, text, key);
}

/* The manager chose an entry of role box B: give its role to that column (or to none) and
 * show the outcome under the Apply button. Choosing the entry shown already changes
 * nothing. */
static void pick_role(Panel *p, int b)
{
    static CuMethod selected = CU_METHOD("com.sun.star.awt.XListBox", "getSelectedItemPos");
    sal_Int16 pos = -1;
    if (!p->deck || !p->box_headers || !cu_call(p->boxes[b], &selected, &pos, NULL, NULL) || pos < 0 ||
        pos == p->box_pos[b] || (guint)pos > g_strv_length(p->box_headers))
        return;
    const char *header = pos > 0 ? p->box_headers[pos - 1] : NULL;
    char *text = NULL;
    char *key = key_now(p->deck);
    Deck *d = action_begin(p);
    /* Arrow keys in a closed drop-down choose each entry they pass, and a choice takes the
     * role from the column that had it: applied one after the other, passing over "Deal"
     * on the way to "Source" would leave Deal without its role. So every choice in a box
     * is applied to the roles as they were before its first one: the last one wins and
     * the entries passed over leave no trace. */
    if (p->pick_box != b) {
        end_picking(p);
        if (!run_member(p, "getRoles", NULL, &p->pick_base)) {
            g_free(p->pick_base);
            p->pick_base = NULL;
        }
        p->pick_box = b;
    } else if (p->pick_base) {
        char *ignored = NULL;
        AcValue roles = { .text = p->pick_base };
        run_member(p, "setRoles", &roles, &ignored);
        g_free(ignored);
    }
    AcValue role_column[2] = { { .text = pc_role_id(BOX_ROLES[b]) }, { .text = header ? header : "" } };
    if (run_member(p, "setRole", role_column, &text)) {
        g_free(text);
        text = g_strdup_printf(_("%s %s (saved with the document)."), tx_role_label(BOX_ROLES[b]),
                               header ? header : _("—"));
    }
    p->box_pos[b] = -1; /* show_roles selects what is stored now, or what was (refused) */
    report(p, d, AC_BUTTON_ROLES, text, key);
}

/* ---- listeners -------------------------------------------------------------------------- */

enum { POS_DISPOSING = 3, POS_EVENT = 4 }; /* XEventListener::disposing; actionPerformed /
                                              selectionChanged / itemStateChanged: published,
                                              fixed */
enum { FACET_UNDO = 4, FACET_CALLBACK = 5 }; /* XUndoManagerListener, XCallback in
                                                LISTENER_INTERFACES */

/* Post the click of L's button to P's AsyncCallback; FALSE when that cannot be done (then
 * the click runs at once). VCL calls a button's action listeners with the office's lock
 * (the SolarMutex) released, so there every call of the action into Calc takes and drops
 * it, and another client's call (or the user's edit) may land between two writes of one
 * action. A posted callback runs on the main thread holding the lock: the action runs in
 * one go, other clients' calls wait for its end. */
static gboolean post_click(Panel *p, Listener *l)
{
    static CuMethod add = CU_METHOD("com.sun.star.awt.XRequestCallback", "addCallback");
    if (!p->async)
        return FALSE;
    uno_Interface *callback = cu_object_facet(&l->base, FACET_CALLBACK);
    uno_Any none;
    uno_any_construct(&none, NULL, NULL, NULL);
    void *args[2] = { &callback, &none };
    gboolean ok = cu_call(p->async, &add, NULL, args, NULL);
    uno_any_destruct(&none, NULL);
    return ok;
}

static gboolean listener_call(CuObject *self, guint iface, sal_Int32 pos,
                              const typelib_TypeDescription *member, void *ret, void **args,
                              uno_Any *exc_storage)
{
    (void)member; (void)ret; (void)args; (void)exc_storage;
    Listener *l = (Listener *)self;
    resolve_members();
    if (iface == FACET_CALLBACK) /* XCallback::notify, at position 3: a posted click */
        pos = POS_EVENT;
    else if (pos == POS_DISPOSING) /* the panel's or deck's end does the cleaning */
        return FALSE;
    if (iface == FACET_UNDO) {
        if (l->deck && (pos == member_pos[M_UNDONE] || pos == member_pos[M_REDONE] ||
                        pos == member_pos[M_CLEARED] || pos == member_pos[M_RESET]))
            deck_undone(l->deck);
        return FALSE;
    }
    if (pos != POS_EVENT)
        return FALSE;
    if (l->kind == LISTEN_SELECTION && l->deck) { /* the cursor moved: a new choice starts afresh */
        if (l->deck->busy) /* during an action: it refreshes at its end */
            return FALSE;
        for (guint i = 0; i < l->deck->panels->len; i++)
            end_picking(g_ptr_array_index(l->deck->panels, i));
        deck_refresh(l->deck, FALSE, NULL);
        return FALSE;
    }
    Panel *p = l->panel;
    if (!p || !p->deck)
        return FALSE;
    if (p->deck->busy) { /* a click or choice during an action: it refreshes at its end */
        if (l->kind == LISTEN_BOX)
            p->box_pos[l->box] = -1; /* the box shows what was stored, not this choice */
        return FALSE;
    }
    if (l->kind == LISTEN_BUTTON && iface != FACET_CALLBACK && post_click(p, l))
        return FALSE; /* runs when the posted callback arrives */
    if (l->kind == LISTEN_BUTTON)
        run_action(p, l->action);
    else if (l->kind == LISTEN_BOX && !p->filling) /* else our own selectItemPos */
        pick_role(p, l->box);
    return FALSE;
}

static const CuInterface LISTENER_INTERFACES[] = {
    { "com.sun.star.awt.XActionListener", listener_call },
    { "com.sun.star.view.XSelectionChangeListener", listener_call },
    { "com.sun.star.lang.XEventListener", listener_call },
    { "com.sun.star.awt.XItemListener", listener_call },
    { "com.sun.star.document.XUndoManagerListener", listener_call }, /* FACET_UNDO */
    { "com.sun.star.awt.XCallback", listener_call },                 /* FACET_CALLBACK */
    { NULL, NULL },
};
static const char *const NO_SERVICES[] = { NULL };
static const CuClass LISTENER_CLASS = { "org.pipecalc.SidebarListener", NO_SERVICES,
                                        LISTENER_INTERFACES, NULL };

/* A listener of KIND for panel P or deck D (ACTION: the row a button runs, else NULL). */
static Listener *listener_new(Listening kind, Panel *p, Deck *d, const AcAction *action)
{
    Listener *l = cu_object_new(&LISTENER_CLASS, sizeof(Listener));
    if (l) {
        l->panel = p;
        l->deck = d;
        l->kind = kind;
        l->action = action;
    }
    return l;
}

/* ---- the panel object ----------------------------------------------------------------- */

static void panel_dispose(Panel *p)
{
    static CuMethod dispose = CU_METHOD("com.sun.star.lang.XComponent", "dispose");
    deck_leave(p);
    for (int i = 0; i < AC_N_BUTTONS; i++) {
        release_listener(&p->clicks[i]);
        cu_release(p->buttons[i]);
        cu_release(p->results[i]);
        p->buttons[i] = p->results[i] = NULL;
    }
    for (int f = 0; f < N_FIELDS; f++) {
        cu_release(p->field_labels[f]);
        cu_release(p->fields[f]);
        p->field_labels[f] = p->fields[f] = NULL;
    }
    for (int b = 0; b < N_BOXES; b++) {
        release_listener(&p->picks[b]); /* the box keeps its reference until the container's dispose */
        cu_release(p->box_labels[b]);
        cu_release(p->boxes[b]);
        p->box_labels[b] = p->boxes[b] = NULL;
    }
    for (int i = 0; i < MAX_STEPS; i++) {
        cu_release(p->legend[i]);
        p->legend[i] = NULL;
    }
    uno_Interface **windows[] = { &p->boxes_label, &p->info, &p->checks, &p->explain, &p->factors,
                                  &p->legend_label, &p->period_label, &p->period, &p->from_label,
                                  &p->from, &p->until_label, &p->until, &p->target_label,
                                  &p->target, &p->options_label };
    for (gsize i = 0; i < G_N_ELEMENTS(windows); i++) {
        cu_release(*windows[i]);
        *windows[i] = NULL;
    }
    if (p->window) /* disposing the container disposes the controls in it */
        cu_call(p->window, &dispose, NULL, NULL, NULL);
    cu_release(p->window);
    p->window = NULL;
    cu_release(p->toolkit);
    p->toolkit = NULL;
    cu_release(p->async);
    p->async = NULL;
    cu_release(p->sidebar);
    p->sidebar = NULL;
}

static void panel_destroy(CuObject *self)
{
    Panel *p = (Panel *)self;
    panel_dispose(p);
    cu_release(p->frame);
    if (p->url)
        rtl_uString_release(p->url);
    g_free(p->info_text);
    g_free(p->checks_text);
    g_free(p->explain_text);
    g_free(p->factors_text);
    for (int b = 0; b < AC_N_BUTTONS; b++)
        g_free(p->result_text[b]);
    for (int f = 0; f < N_FIELDS; f++)
        g_free(p->filled[f]);
    g_free(p->filled_for);
    g_strfreev(p->box_headers);
    g_free(p->pick_base);
}

static void return_interface(void *ret, uno_Interface *i)
{
    if (i)
        i->acquire(i);
    *(uno_Interface **)ret = i;
}

static gboolean panel_call(CuObject *self, guint iface, sal_Int32 pos,
                           const typelib_TypeDescription *member, void *ret, void **args,
                           uno_Any *exc_storage)
{
    (void)member;
    Panel *p = (Panel *)self;
    resolve_members();
    /* positions of different interfaces may coincide: check the facet's interface too */
    switch (iface) {
    case 0: /* XUIElement */
        if (pos == member_pos[M_REAL])
            return_interface(ret, cu_object_interface(self));
        else if (pos == member_pos[M_FRAME])
            return_interface(ret, p->frame);
        else if (pos == member_pos[M_URL]) {
            rtl_uString_acquire(p->url);
            *(rtl_uString **)ret = p->url;
        } else if (pos == member_pos[M_TYPE])
            *(sal_Int16 *)ret = UI_ELEMENT_TOOLPANEL;
        else
            break;
        return FALSE;
    case 1: /* XToolPanel */
        if (pos == member_pos[M_WINDOW])
            return_interface(ret, p->window);
        else if (pos == member_pos[M_ACCESSIBLE])
            *(uno_Interface **)ret = p->window ? cu_query(p->window, "com.sun.star.accessibility.XAccessible")
                                               : NULL;
        else
            break;
        return FALSE;
    case 2: /* XSidebarPanel */
        if (pos == member_pos[M_HEIGHT]) {
            sal_Int32 h = layout(p, *(sal_Int32 *)args[0]);
            /* LayoutSize { long Minimum, Maximum, Preferred }: exactly as tall as its
             * controls (the deck scrolls when the panels are taller than it) */
            sal_Int32 *size = ret;
            size[0] = size[1] = size[2] = h;
        } else if (pos == member_pos[M_MIN_WIDTH])
            *(sal_Int32 *)ret = minimal_width(p);
        else
            break;
        return FALSE;
    case 3: /* XComponent */
        if (pos == member_pos[M_DISPOSE])
            panel_dispose(p);
        else if (pos != member_pos[M_ADD_LISTENER] && pos != member_pos[M_REMOVE_LISTENER])
            break;
        return FALSE;
    default:
        break;
    }
    cu_throw_runtime(exc_storage, "Pipecalc: panel member not implemented");
    return TRUE;
}

static const CuInterface PANEL_INTERFACES[] = {
    { "com.sun.star.ui.XUIElement", panel_call },
    { "com.sun.star.ui.XToolPanel", panel_call },
    { "com.sun.star.ui.XSidebarPanel", panel_call },
    { "com.sun.star.lang.XComponent", panel_call },
    { NULL, NULL },
};
static const CuClass PANEL_CLASS = { "org.pipecalc.SidebarPanel", NO_SERVICES, PANEL_INTERFACES,
                                     panel_destroy };

/* ---- making the controls ---------------------------------------------------------------- */

/* The toolkit service. */
static uno_Interface *toolkit(uno_Interface *context)
{
    static CuMethod get_smgr = CU_METHOD("com.sun.star.uno.XComponentContext", "getServiceManager");
    static CuMethod create = CU_METHOD("com.sun.star.lang.XMultiComponentFactory", "createInstanceWithContext");
    uno_Interface *smgr = cu_call_iface(context, &get_smgr, NULL, NULL, NULL);
    rtl_uString *name = cu_ustr_from_utf8("com.sun.star.awt.Toolkit");
    void *args[2] = { &name, &context };
    uno_Interface *tk = smgr ? cu_call_iface(smgr, &create, args, "com.sun.star.awt.XToolkit", NULL) : NULL;
    rtl_uString_release(name);
    cu_release(smgr);
    return tk;
}

/* The width label W prefers, with a gap after it. */
static sal_Int32 label_width(const Panel *p, uno_Interface *w)
{
    sal_Int32 width = 0;
    pn_preferred(w, &width, NULL);
    return width + pn_ax(&p->m.u, AF_GAP);
}

static uno_Interface *make_edit(uno_Interface *tk, uno_Interface *peer)
{
    return pn_window(tk, PN_WINDOW_SIMPLE, "edit", peer, PN_SHOW | PN_BORDER);
}

/* A drop-down list box that ignores the mouse wheel unless it has the focus: the wheel
 * over the deck scrolls the deck, it never changes a choice in passing. */
static uno_Interface *make_list(uno_Interface *tk, uno_Interface *peer, const char *name)
{
    uno_Interface *w = pn_window(tk, PN_WINDOW_SIMPLE, "listbox", peer, PN_SHOW | PN_BORDER | PN_DROPDOWN);
    pn_peer_short(w, "MouseWheelBehavior", WHEEL_FOCUS_ONLY);
    pn_peer_text(w, "AccessibleName", name); /* named after what it chooses, not its entry */
    return w;
}

/* Button B with its action's label and a click listener running the action, and the
 * (empty) report area under it. */
static void make_button(Panel *p, uno_Interface *tk, uno_Interface *peer, AcButton b)
{
    static CuMethod add_listener = CU_METHOD("com.sun.star.awt.XButton", "addActionListener");
    static CuMethod set_label = CU_METHOD("com.sun.star.awt.XButton", "setLabel");
    const AcAction *a = ac_action_of_button(b);
    p->buttons[b] = a ? pn_window(tk, PN_WINDOW_SIMPLE, "pushbutton", peer, PN_SHOW) : NULL;
    p->clicks[b] = p->buttons[b] ? listener_new(LISTEN_BUTTON, p, NULL, a) : NULL;
    if (!p->clicks[b])
        return;
    cu_call_str(p->buttons[b], &set_label, _(a->label), NULL, NULL);
    uno_Interface *li = cu_object_facet(&p->clicks[b]->base, 0); /* XActionListener */
    void *args[1] = { &li };
    cu_call(p->buttons[b], &add_listener, NULL, args, NULL);
    p->results[b] = pn_label(tk, peer, "", TRUE);
}

/* The period list: all, this month, quarter, year, custom; "all" selected; every entry
 * shown when it drops down. */
static void make_period(Panel *p, uno_Interface *tk, uno_Interface *peer)
{
    static CuMethod add_item = CU_METHOD("com.sun.star.awt.XListBox", "addItem");
    static CuMethod select_item = CU_METHOD("com.sun.star.awt.XListBox", "selectItemPos");
    static CuMethod lines = CU_METHOD("com.sun.star.awt.XListBox", "setDropDownLineCount");
    static const char *const PERIODS[N_PERIODS] = { N_("All close dates"), N_("This month"), N_("This quarter"),
                                                    N_("This year"), N_("Custom period") };
    p->period_label = pn_label(tk, peer, _("Period:"), FALSE);
    p->period = make_list(tk, peer, _("Period:"));
    for (sal_Int16 i = 0; p->period && i < N_PERIODS; i++) {
        rtl_uString *item = cu_ustr_from_utf8(_(PERIODS[i]));
        void *args[2] = { &item, &i };
        cu_call(p->period, &add_item, NULL, args, NULL);
        rtl_uString_release(item);
    }
    if (p->period) {
        sal_Int16 first = PERIOD_ALL, n = N_PERIODS;
        sal_Bool yes = sal_True;
        void *args[2] = { &first, &yes };
        cu_call(p->period, &select_item, NULL, args, NULL);
        void *line_args[1] = { &n };
        cu_call(p->period, &lines, NULL, line_args, NULL);
    }
}

static void make_field(Panel *p, uno_Interface *tk, uno_Interface *peer, int f)
{
    p->field_labels[f] = pn_label(tk, peer, _(FIELD_LABELS[f]), TRUE);
    p->fields[f] = make_edit(tk, peer);
}

static gboolean make_actions(Panel *p, uno_Interface *tk, uno_Interface *peer)
{
    make_button(p, tk, peer, AC_BUTTON_SCORE);
    make_period(p, tk, peer);
    p->from_label = pn_label(tk, peer, _("From:"), FALSE);
    p->from = make_edit(tk, peer);
    p->until_label = pn_label(tk, peer, _("Until:"), FALSE);
    p->until = make_edit(tk, peer);
    make_button(p, tk, peer, AC_BUTTON_FORECAST);
    p->target_label = pn_label(tk, peer, _("Target:"), FALSE);
    p->target = make_edit(tk, peer);
    make_button(p, tk, peer, AC_BUTTON_FUNNEL);
    make_button(p, tk, peer, AC_BUTTON_PRODUCTS);
    make_button(p, tk, peer, AC_BUTTON_PATTERNS);
    make_button(p, tk, peer, AC_BUTTON_SNAPSHOT);
    make_button(p, tk, peer, AC_BUTTON_CHANGES);
    make_button(p, tk, peer, AC_BUTTON_CATEGORIES);
    make_button(p, tk, peer, AC_BUTTON_ACCURACY);
    make_button(p, tk, peer, AC_BUTTON_FIX);
    make_button(p, tk, peer, AC_BUTTON_SHARE);
    p->options_label = pn_label(tk, peer, _("Options:"), FALSE);
    make_field(p, tk, peer, FIELD_HISTORY);
    make_field(p, tk, peer, FIELD_STAGES);
    make_field(p, tk, peer, FIELD_LOG);
    make_field(p, tk, peer, FIELD_SNAPSHOTS);
    make_field(p, tk, peer, FIELD_TARGETS);
    p->button_w = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(ACTION_ORDER); i++)
        if (ACTION_ORDER[i] != AC_BUTTON_FIX) /* the fix button's label is longer */
            p->button_w = MAX(p->button_w, button_width(p, ACTION_ORDER[i]));
    uno_Interface *labels[] = { p->period_label, p->from_label, p->until_label, p->target_label };
    p->label_w = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(labels); i++)
        p->label_w = MAX(p->label_w, label_width(p, labels[i]));
    pn_set_enabled(p->buttons[AC_BUTTON_FIX], FALSE);
    return p->buttons[AC_BUTTON_SCORE] && p->buttons[AC_BUTTON_FORECAST] && p->buttons[AC_BUTTON_FIX] &&
           p->buttons[AC_BUTTON_FUNNEL] && p->buttons[AC_BUTTON_PRODUCTS] &&
           p->buttons[AC_BUTTON_PATTERNS] && p->buttons[AC_BUTTON_SNAPSHOT] && p->fields[FIELD_LOG] &&
           p->buttons[AC_BUTTON_CHANGES] && p->fields[FIELD_SNAPSHOTS] &&
           p->buttons[AC_BUTTON_CATEGORIES] && p->fields[FIELD_TARGETS] &&
           p->buttons[AC_BUTTON_ACCURACY] &&
           p->buttons[AC_BUTTON_SHARE] && p->period && p->from &&
           p->until && p->target && p->fields[FIELD_HISTORY] && p->fields[FIELD_STAGES];
}

static gboolean make_table(Panel *p, uno_Interface *tk, uno_Interface *peer)
{
    p->info = pn_label(tk, peer, "", TRUE);
    p->checks = pn_label(tk, peer, "", TRUE);
    p->explain = pn_label(tk, peer, "", TRUE);
    return p->info && p->checks && p->explain;
}

/* The factors' text and the legend: a swatch per step of the Score column's colour scale
 * (cc_colour.h), in its colour, labelled with its range of win probabilities. */
static gboolean make_factors(Panel *p, uno_Interface *tk, uno_Interface *peer)
{
    p->factors = pn_label(tk, peer, factors_shown(p), TRUE);
    p->legend_label = pn_label(tk, peer, _("Score colours (win probability in %):"), TRUE);
    p->legend_w = 0;
    double from, below;
    sal_Int32 colour;
    for (gsize i = 0; i < MAX_STEPS && cc_colour_step(i, &from, &below, &colour); i++) {
        /* TRANSLATORS: a range of win probabilities in percent in the Score colours' legend */
        char *text = g_strdup_printf(_("%.0f–%.0f"), from * 100, below * 100);
        p->legend[i] = pn_label(tk, peer, text, FALSE);
        g_free(text);
        pn_peer_long(p->legend[i], "BackgroundColor", colour);
        pn_peer_long(p->legend[i], "TextColor", 0x000000); /* dark on pale, in any theme */
        pn_peer_short(p->legend[i], "Align", ALIGN_CENTER);
        sal_Int32 w = 0;
        pn_preferred(p->legend[i], &w, NULL);
        p->legend_w = MAX(p->legend_w, w + pn_ax(&p->m.u, 2));
    }
    return p->factors && p->legend_label;
}

/* The role boxes, each with its label and our item listener; the boxes are filled by
 * show_roles. Then the roles as text, its Apply button and the report under it. */
static gboolean make_roles(Panel *p, uno_Interface *tk, uno_Interface *peer)
{
    static CuMethod add_listener = CU_METHOD("com.sun.star.awt.XListBox", "addItemListener");
    p->boxes_label = pn_label(tk, peer, _("Column of each role:"), FALSE);
    p->box_label_w = 0;
    for (int b = 0; b < N_BOXES; b++) {
        const char *label = tx_role_label(BOX_ROLES[b]);
        p->box_labels[b] = pn_label(tk, peer, label, FALSE);
        p->box_label_w = MAX(p->box_label_w, label_width(p, p->box_labels[b]));
        /* a screen reader names the box after its role, not after the column it shows */
        p->boxes[b] = make_list(tk, peer, label);
        p->box_pos[b] = -1;
        if (!p->boxes[b] || !(p->picks[b] = listener_new(LISTEN_BOX, p, NULL, NULL)))
            return FALSE;
        p->picks[b]->box = b;
        uno_Interface *li = cu_object_facet(&p->picks[b]->base, 3); /* XItemListener */
        void *args[1] = { &li };
        cu_call(p->boxes[b], &add_listener, NULL, args, NULL);
    }
    make_field(p, tk, peer, FIELD_ROLES);
    make_button(p, tk, peer, AC_BUTTON_ROLES);
    return p->fields[FIELD_ROLES] && p->buttons[AC_BUTTON_ROLES];
}

/* Sizes from the window's units and what VCL prefers for a line of text and an edit
 * field (SAMPLE_*: made for measuring, NULL when they could not be). Not the button's
 * preferred height: VCL's is a dialog's, 36 px around 15 of text. */
static void measure(Panel *p, uno_Interface *sample_label, uno_Interface *sample_edit)
{
    Metrics *m = &p->m;
    m->u = pn_units(p->window);
    m->margin = pn_ax(&m->u, AF_MARGIN);
    m->gap = pn_ay(&m->u, AF_GAP);
    m->small_gap = pn_ay(&m->u, AF_SMALL_GAP);
    m->edit_min = pn_ax(&m->u, AF_EDIT_MIN);
    m->line = pn_ay(&m->u, AF_LINE);
    m->row = pn_ay(&m->u, AF_ROW);
    m->button_h = pn_ay(&m->u, AF_BUTTON_H);
    sal_Int32 h = 0;
    if (pn_preferred(sample_label, NULL, &h))
        m->line = MAX(m->line, h);
    if (pn_preferred(sample_edit, NULL, &h))
        m->row = MAX(m->row, h);
    m->row = MAX(m->row, m->line + 2);
    m->button_h = MAX(m->button_h, m->row + 2);
}

/* The panel's controls, created in the order layout() places them from the top: VCL's Tab
 * key walks a window's children in their order of creation (and a field is named after
 * the label made just before it). */
static gboolean make_controls(Panel *p, uno_Interface *tk, uno_Interface *parent)
{
    uno_Interface *parent_peer = cu_query(parent, "com.sun.star.awt.XWindowPeer");
    p->window = parent_peer ? pn_window(tk, PN_WINDOW_CONTAINER, "window", parent_peer, 0) : NULL;
    cu_release(parent_peer);
    uno_Interface *peer = p->window ? cu_query(p->window, "com.sun.star.awt.XWindowPeer") : NULL;
    if (!peer)
        return FALSE;
    /* the units first: the controls' preferred sizes are measured as they are made */
    uno_Interface *label = pn_label(tk, peer, "Xg", FALSE), *edit = make_edit(tk, peer);
    measure(p, label, edit);
    uno_Interface *samples[] = { label, edit };
    static CuMethod dispose = CU_METHOD("com.sun.star.lang.XComponent", "dispose");
    for (gsize i = 0; i < G_N_ELEMENTS(samples); i++) {
        if (samples[i])
            cu_call(samples[i], &dispose, NULL, NULL, NULL);
        cu_release(samples[i]);
    }
    gboolean ok = FALSE;
    switch (p->kind) {
    case PN_ACTIONS:
        ok = make_actions(p, tk, peer);
        break;
    case PN_TABLE:
        ok = make_table(p, tk, peer);
        break;
    case PN_FACTORS:
        ok = make_factors(p, tk, peer);
        break;
    case PN_ROLES:
        ok = make_roles(p, tk, peer);
        break;
    default:
        break;
    }
    peer->release(peer);
    pn_set_visible(p->window, TRUE);
    return ok;
}

PnKind pn_panel_kind(rtl_uString *url)
{
    char *u = url ? cu_ustr_to_utf8(url) : g_strdup("");
    const char *last = strrchr(u, '/');
    last = last ? last + 1 : u;
    PnKind kind = PN_N_KINDS;
    for (int k = 0; k < PN_N_KINDS && kind == PN_N_KINDS; k++)
        if (strcmp(last, KIND_NAMES[k]) == 0)
            kind = (PnKind)k;
    g_free(u);
    return kind;
}

CuObject *pn_panel_new(uno_Interface *context, uno_Interface *parent, uno_Interface *frame,
                       uno_Interface *sidebar, rtl_uString *url)
{
    static CuMethod get_controller = CU_METHOD("com.sun.star.frame.XFrame", "getController");
    PnKind kind = pn_panel_kind(url);
    if (kind == PN_N_KINDS)
        return NULL;
    tx_text_init(context);
    cc_locale_init(context);
    Panel *p = cu_object_new(&PANEL_CLASS, sizeof(Panel));
    if (!p)
        return NULL;
    p->kind = kind;
    p->url = url;
    rtl_uString_acquire(url);
    p->frame = frame ? cu_query(frame, "com.sun.star.frame.XFrame") : NULL;
    p->sidebar = sidebar ? cu_query(sidebar, "com.sun.star.ui.XSidebar") : NULL;
    p->pick_box = -1;
    uno_Interface *tk = toolkit(context);
    gboolean ok = tk && make_controls(p, tk, parent);
    p->toolkit = tk; /* kept for the question box; released by dispose */
    p->async = cu_service_create(context, "com.sun.star.awt.AsyncCallback", "com.sun.star.awt.XRequestCallback");
    if (!ok) {
        cu_release(cu_object_interface(&p->base));
        return NULL;
    }
    p->width = minimal_width(p);
    layout(p, p->width);
    uno_Interface *controller = p->frame ? cu_call_iface(p->frame, &get_controller, NULL, NULL, NULL) : NULL;
    if (controller)
        deck_join(p, controller);
    cu_release(controller);
    return &p->base;
}
