/* pn_panel.c - the panel object, its AWT controls and its listeners.
 *
 * The panel shows the description of the table around the cell cursor and its data checks
 * (refreshed on every selection change of the view), a button per action, the explanation
 * of the selected cell when it calls one of our functions, and the last action's report. A
 * button runs its row of the actions table (ac_table.h) with the panel's fields as its
 * parameters: the same code as the PipelineActions service. A list box per column role
 * shows the column holding it; choosing another runs setRole. Listeners point
 * back to the panel without a reference; dispose() cuts them loose, so an event arriving
 * after the panel is gone does nothing. */
#include "pn_panel.h"

#include "cu_call.h"
#include "cu_except.h"
#include "cu_string.h"
#include "ac_service.h"
#include "ac_table.h"
#include "pc_months.h"
#include "ac_funnel.h"
#include "cc_locale.h"
#include "cc_sheet.h"
#include "tx_text.h"
#include "cu_props.h"

#include <math.h>
#include <string.h>

enum { MARGIN = 6, LINE = 16, BUTTON_H = 28, BUTTON_W = 130, CHAR_W = 7 };
enum { LABEL_W = 44, EDIT_W = 96, FIX_W = 220, PERIOD_W = 160, SHARE_W = 190 };
enum { WINDOW_CONTAINER = 2, WINDOW_SIMPLE = 3, ATTR_SHOW = 1, ATTR_BORDER = 16,
       ATTR_DROPDOWN = 32768 /* VclWindowPeerAttribute.DROPDOWN */ };
/* the period list's entries, in order */
enum { PERIOD_ALL, PERIOD_MONTH, PERIOD_QUARTER, PERIOD_YEAR, PERIOD_CUSTOM, N_PERIODS };
/* the edit fields with a label above them: roles, history table, stage probabilities */
enum { FIELD_ROLES, FIELD_HISTORY, FIELD_STAGES, N_FIELDS };
static const char *const FIELD_LABELS[N_FIELDS] = { N_("All roles as text (e.g. Notes=none):"), N_("History table for Score "
                                                                  "(empty: this table):"), N_("Stage "
                                                                                    "probabilities "
                                                                                    "for the "
                                                                                    "forecast "
                                                                                    "(or a "
                                                                                    "stage "
                                                                                    "table's "
                                                                                    "range):") };
enum { UI_ELEMENT_TOOLPANEL = 7 }; /* com.sun.star.ui.UIElementType */
/* the roles with a list box, in the panel's order: those one column holds and the actions
 * use. Not the id (it only keeps a column out of the score, as none does: the roles
 * field), nor attribute and none, which many columns have. */
static const PcRole BOX_ROLES[] = { PC_ROLE_NAME, PC_ROLE_STAGE, PC_ROLE_AMOUNT, PC_ROLE_PROBABILITY,
                                    PC_ROLE_CLOSE_DATE, PC_ROLE_OWNER, PC_ROLE_OUTCOME,
                                    PC_ROLE_CREATED, PC_ROLE_CURRENCY };
enum { N_BOXES = G_N_ELEMENTS(BOX_ROLES),
       ROW_H = 26,       /* a role box's row */
       BOX_MIN_W = 90,   /* narrower: the box goes under its label */
       BOX_MAX_W = 240,
       DROPDOWN_LINES = 12 };

typedef struct Panel Panel;

/* What a listener hears: the view's selection, a button's click, a role box's choice. */
typedef enum { LISTEN_SELECTION, LISTEN_BUTTON, LISTEN_BOX } Listening;

typedef struct {
    CuObject base;
    Panel *panel; /* not a reference; NULL once the panel is disposed */
    Listening kind;
    const AcAction *action; /* LISTEN_BUTTON: the row its button runs */
    int box;      /* LISTEN_BOX: which role box */
} Listener;

struct Panel {
    CuObject base;
    uno_Interface *frame, *controller, *sidebar; /* XFrame, XController, XSidebar */
    uno_Interface *window;                       /* our container (XWindow) */
    uno_Interface *toolkit;                      /* XToolkit: controls, the question box */
    uno_Interface *info, *checks, *explain, *result; /* fixed texts (XWindow) */
    uno_Interface *factors;                          /* fixed text: the selected lead's factors */
    uno_Interface *target_label, *target;            /* "Target:" and its edit field */
    uno_Interface *period;                           /* list box: all / month / quarter / ... */
    uno_Interface *from_label, *from, *until_label, *until; /* the custom period */
    uno_Interface *buttons[AC_N_BUTTONS];        /* push buttons (XWindow) by AcButton */
    uno_Interface *field_labels[N_FIELDS], *fields[N_FIELDS];
    char *filled[N_FIELDS]; /* what we last put into a field: untouched by the manager */
    uno_Interface *boxes_label;                  /* "Column of each role:" */
    uno_Interface *box_labels[N_BOXES], *boxes[N_BOXES]; /* fixed text, list box per BOX_ROLES */
    char **box_headers;         /* what the boxes list after N_("—") (NULL: nothing yet) */
    sal_Int16 box_pos[N_BOXES]; /* the entry we selected in each box, -1: none yet */
    sal_Int32 box_label_w;      /* the widest role label */
    gboolean filling;           /* we fill and select the boxes: their item events are ours */
    int pick_box;               /* the box the manager is choosing in (-1: none) */
    char *pick_base;            /* the roles (getRoles) before that box's first choice */
    Listener *selection;                         /* registered at the controller */
    Listener *clicks[AC_N_BUTTONS];
    Listener *picks[N_BOXES];
    rtl_uString *url;
    char *info_text, *checks_text, *explain_text, *result_text, *factors_text;
    gboolean fixable;
    gboolean busy; /* an action runs: the status bar's progress lets events through */
    sal_Int32 width;
};

/* ---- member positions, resolved once by name ------------------------------------------ */

enum { M_REAL, M_FRAME, M_URL, M_TYPE, M_WINDOW, M_ACCESSIBLE, M_HEIGHT, M_MIN_WIDTH, M_DISPOSE,
       M_ADD_LISTENER, M_REMOVE_LISTENER, N_MEMBERS };
static sal_Int32 member_pos[N_MEMBERS];

static gpointer resolve_once(gpointer unused)
{
    (void)unused;
    static const char *const ui[] = { "getRealInterface", "Frame", "ResourceURL", "Type" };
    static const char *const tool[] = { "Window", "createAccessible" };
    static const char *const side[] = { "getHeightForWidth", "getMinimalWidth" };
    static const char *const comp[] = { "dispose", "addEventListener", "removeEventListener" };
    cu_members_resolve("com.sun.star.ui.XUIElement", ui, &member_pos[M_REAL], 4);
    cu_members_resolve("com.sun.star.ui.XToolPanel", tool, &member_pos[M_WINDOW], 2);
    cu_members_resolve("com.sun.star.ui.XSidebarPanel", side, &member_pos[M_HEIGHT], 2);
    cu_members_resolve("com.sun.star.lang.XComponent", comp, &member_pos[M_DISPOSE], 3);
    return NULL;
}

static void resolve_members(void)
{
    static GOnce once = G_ONCE_INIT;
    g_once(&once, resolve_once, NULL);
}

/* ---- AWT helpers ---------------------------------------------------------------------- */

/* XToolkit.createWindow: a window of CLASS and SERVICE inside PARENT_PEER (XWindow). */
static uno_Interface *make_window(uno_Interface *toolkit, sal_Int32 cls, const char *service,
                                  uno_Interface *parent_peer, sal_Int32 attributes)
{
    static CuMethod create = CU_METHOD("com.sun.star.awt.XToolkit", "createWindow");
    CuStruct d;
    if (!cu_struct_init(&d, "com.sun.star.awt.WindowDescriptor"))
        return NULL;
    *(sal_Int32 *)cu_struct_field(&d, "Type") = cls;
    rtl_uString *s = cu_ustr_from_utf8(service);
    rtl_uString_assign(cu_struct_field(&d, "WindowServiceName"), s);
    rtl_uString_release(s);
    uno_Interface **parent = cu_struct_field(&d, "Parent");
    *parent = parent_peer; /* the descriptor's destruction releases it */
    parent_peer->acquire(parent_peer);
    *(sal_Int16 *)cu_struct_field(&d, "ParentIndex") = -1;
    *(sal_Int32 *)cu_struct_field(&d, "WindowAttributes") = attributes;
    void *args[1] = { d.data };
    uno_Interface *peer = cu_call_iface(toolkit, &create, args, "com.sun.star.awt.XWindow", NULL);
    cu_struct_clear(&d);
    return peer;
}

static void set_bounds(uno_Interface *w, sal_Int32 x, sal_Int32 y, sal_Int32 width, sal_Int32 height)
{
    static CuMethod pos_size = CU_METHOD("com.sun.star.awt.XWindow", "setPosSize");
    sal_Int16 flags = 15; /* PosSize.POSSIZE */
    void *args[5] = { &x, &y, &width, &height, &flags };
    cu_call(w, &pos_size, NULL, args, NULL);
}

static void set_text(uno_Interface *w, const char *text)
{
    static CuMethod fixed = CU_METHOD("com.sun.star.awt.XFixedText", "setText");
    cu_call_str(w, &fixed, text, NULL, NULL);
}

/* Set the peer property NAME of W to the value of type class TC that VALUE points to. */
static void set_peer(uno_Interface *w, const char *name, typelib_TypeClass tc, void *value)
{
    static CuMethod set = CU_METHOD("com.sun.star.awt.XVclWindowPeer", "setProperty");
    uno_Any a;
    uno_type_any_construct(&a, value, *typelib_static_type_getByTypeClass(tc), NULL);
    rtl_uString *n = cu_ustr_from_utf8(name);
    void *args[2] = { &n, &a };
    cu_call(w, &set, NULL, args, NULL);
    rtl_uString_release(n);
    uno_any_destruct(&a, NULL);
}

static void set_peer_bool(uno_Interface *w, const char *name, sal_Bool value)
{
    set_peer(w, name, typelib_TypeClass_BOOLEAN, &value);
}

static void set_peer_text(uno_Interface *w, const char *name, const char *text)
{
    rtl_uString *s = cu_ustr_from_utf8(text);
    set_peer(w, name, typelib_TypeClass_STRING, &s);
    rtl_uString_release(s);
}

/* Lines TEXT takes at WIDTH pixels: its lines, each wrapped at about CHAR_W per character. */
static sal_Int32 text_lines(const char *text, sal_Int32 width)
{
    sal_Int32 per_line = MAX(10, (width - 2 * MARGIN) / CHAR_W), lines = 0;
    char **parts = g_strsplit(text ? text : "", "\n", -1);
    for (char **p = parts; *p; p++)
        lines += 1 + (sal_Int32)g_utf8_strlen(*p, -1) / per_line;
    g_strfreev(parts);
    return MAX(lines, 1);
}

/* The height the multi-line fixed text W needs to show TEXT wrapped at WIDTH pixels, as
 * VCL measures it with the control's font (FixedText::CalcMinimumSize behind
 * calcAdjustedSize); the estimate from characters when the control cannot say. */
static sal_Int32 text_height(uno_Interface *w, const char *text, sal_Int32 width)
{
    static CuMethod adjust = CU_METHOD("com.sun.star.awt.XLayoutConstrains", "calcAdjustedSize");
    sal_Int32 want[2] = { width, 0 }, got[2] = { 0, 0 }; /* com.sun.star.awt.Size */
    void *args[1] = { want };
    if (w && text && *text && cu_call(w, &adjust, got, args, NULL) && got[1] > 0 && got[1] < 100000)
        return got[1] + 4;
    return text_lines(text, width + 2 * MARGIN) * LINE + 4;
}

/* Place the role boxes from Y in INNER pixels: "Label: [box]" rows, each box under its
 * label when too narrow. Returns the y below them. */
static sal_Int32 layout_boxes(Panel *p, sal_Int32 y, sal_Int32 inner)
{
    if (p->boxes_label)
        set_bounds(p->boxes_label, MARGIN, y, inner, LINE);
    y += LINE + 2;
    gboolean beside = inner >= p->box_label_w + BOX_MIN_W;
    sal_Int32 x = beside ? MARGIN + p->box_label_w : MARGIN;
    sal_Int32 w = MIN(BOX_MAX_W, inner - (x - MARGIN));
    for (int b = 0; b < N_BOXES; b++) {
        if (p->box_labels[b] && beside) /* centred on the box's row */
            set_bounds(p->box_labels[b], MARGIN, y + (ROW_H - 2 - LINE) / 2, p->box_label_w, LINE);
        else if (p->box_labels[b])
            set_bounds(p->box_labels[b], MARGIN, y, inner, LINE);
        if (!beside)
            y += LINE + 2;
        if (p->boxes[b])
            set_bounds(p->boxes[b], x, y, w, ROW_H - 2);
        y += ROW_H;
    }
    return y + MARGIN;
}

/* Place the controls for WIDTH; return the height they need. */
static sal_Int32 layout(Panel *p, sal_Int32 width)
{
    p->width = width = MAX(width, 2 * MARGIN + BUTTON_W);
    sal_Int32 y = MARGIN, inner = width - 2 * MARGIN;
    sal_Int32 h = text_height(p->info, p->info_text, inner);
    if (p->info)
        set_bounds(p->info, MARGIN, y, inner, h);
    y += h + MARGIN;
    h = p->checks_text && *p->checks_text ? text_height(p->checks, p->checks_text, inner) : 0;
    if (p->checks)
        set_bounds(p->checks, MARGIN, y, inner, h);
    y += h ? h + MARGIN : 0;
    y = layout_boxes(p, y, inner);
    for (int f = 0; f < N_FIELDS; f++) {
        /* a long label ("Stage probabilities for the forecast ...") wraps */
        sal_Int32 lh = text_height(p->field_labels[f], _(FIELD_LABELS[f]), inner) - 4;
        if (p->field_labels[f])
            set_bounds(p->field_labels[f], MARGIN, y, inner, lh);
        y += lh + 2;
        if (p->fields[f])
            set_bounds(p->fields[f], MARGIN, y, inner, BUTTON_H - 4);
        y += BUTTON_H;
        if (f == FIELD_ROLES) {
            if (p->buttons[AC_BUTTON_ROLES])
                set_bounds(p->buttons[AC_BUTTON_ROLES], MARGIN, y, BUTTON_W, BUTTON_H);
            y += BUTTON_H + MARGIN;
        }
    }
    y += MARGIN;
    gboolean side_by_side = inner >= 2 * (BUTTON_W + MARGIN) + FIX_W;
    for (int b = AC_BUTTON_SCORE; b <= AC_BUTTON_FIX; b++) { /* in a row when wide enough */
        sal_Int32 x = side_by_side ? MARGIN + (b - AC_BUTTON_SCORE) * (BUTTON_W + MARGIN) : MARGIN;
        if (p->buttons[b]) /* the fix button's label is longer */
            set_bounds(p->buttons[b], x, y, b == AC_BUTTON_FIX ? MIN(FIX_W, inner) : BUTTON_W, BUTTON_H);
        if (!side_by_side || b == AC_BUTTON_FIX)
            y += BUTTON_H + MARGIN;
    }
    /* the forecast's period: [list], then From: [____] Until: [____], wrapped when narrow */
    if (p->period)
        set_bounds(p->period, MARGIN, y, MIN(PERIOD_W, inner), BUTTON_H - 4);
    y += BUTTON_H;
    gboolean pair = inner >= 2 * (LABEL_W + EDIT_W) + MARGIN;
    if (p->from_label)
        set_bounds(p->from_label, MARGIN, y + 6, LABEL_W, LINE);
    if (p->from)
        set_bounds(p->from, MARGIN + LABEL_W, y + 2, EDIT_W, BUTTON_H - 4);
    if (!pair)
        y += BUTTON_H;
    sal_Int32 x2 = pair ? MARGIN + LABEL_W + EDIT_W + MARGIN : MARGIN;
    if (p->until_label)
        set_bounds(p->until_label, x2, y + 6, LABEL_W, LINE);
    if (p->until)
        set_bounds(p->until, x2 + LABEL_W, y + 2, EDIT_W, BUTTON_H - 4);
    y += BUTTON_H + MARGIN;
    /* Target: [____] [Write funnel], the button below when too narrow */
    if (p->target_label)
        set_bounds(p->target_label, MARGIN, y + 6, LABEL_W, LINE);
    if (p->target)
        set_bounds(p->target, MARGIN + LABEL_W, y + 2, EDIT_W, BUTTON_H - 4);
    gboolean beside = inner >= LABEL_W + EDIT_W + MARGIN + BUTTON_W;
    if (!beside)
        y += BUTTON_H + MARGIN;
    if (p->buttons[AC_BUTTON_FUNNEL])
        set_bounds(p->buttons[AC_BUTTON_FUNNEL], beside ? MARGIN + LABEL_W + EDIT_W + MARGIN : MARGIN, y,
                   BUTTON_W, BUTTON_H);
    y += BUTTON_H + MARGIN;
    if (p->buttons[AC_BUTTON_SHARE])
        set_bounds(p->buttons[AC_BUTTON_SHARE], MARGIN, y, MIN(SHARE_W, inner), BUTTON_H);
    y += BUTTON_H + MARGIN;
    h = p->factors_text ? text_height(p->factors, p->factors_text, inner) : 0;
    if (p->factors)
        set_bounds(p->factors, MARGIN, y, inner, h);
    y += h ? h + MARGIN : 0;
    h = p->explain_text ? text_height(p->explain, p->explain_text, inner) : 0;
    if (p->explain)
        set_bounds(p->explain, MARGIN, y, inner, h);
    y += h ? h + MARGIN : 0;
    h = text_height(p->result, p->result_text, inner);
    if (p->result)
        set_bounds(p->result, MARGIN, y, inner, h);
    return y + h + MARGIN;
}

static void relayout(Panel *p)
{
    static CuMethod request = CU_METHOD("com.sun.star.ui.XSidebar", "requestLayout");
    layout(p, p->width);
    if (p->sidebar)
        cu_call(p->sidebar, &request, NULL, NULL, NULL);
}

static gboolean same(const char *a, const char *b)
{
    return g_strcmp0(a, b) == 0;
}

static void set_enabled(uno_Interface *w, gboolean on)
{
    static CuMethod enable = CU_METHOD("com.sun.star.awt.XWindow", "setEnable");
    sal_Bool b = on ? sal_True : sal_False;
    void *args[1] = { &b };
    cu_call(w, &enable, NULL, args, NULL);
}

/* Show the table around the cursor, its checks and the selected cell's explanation. */
static char *edit_text(uno_Interface *w);

/* Run the action MEMBER (of XPipelineActions) with ARGS on the panel's view: TRUE with its
 * report in *TEXT, FALSE with the sentence why not (g_free either). */
static gboolean run_member(Panel *p, const char *member, const AcValue *args, char **text)
{
    AcCall c = { .controller = p->controller, .args = args };
    const AcAction *a = ac_action_find(member);
    gboolean ok = a && ac_action_run(a, &c);
    *text = a ? c.message : g_strdup_printf("Pipecalc: no action %s", member);
    return ok;
}

/* Put what MEMBER answers (the table's roles, its learned stage probabilities) into field
 * F, unless the manager has typed there since we last filled it. */
static void prefill(Panel *p, int f, const char *member)
{
    static CuMethod set = CU_METHOD("com.sun.star.awt.XTextComponent", "setText");
    if (!p->fields[f])
        return;
    char *now = edit_text(p->fields[f]);
    if (*now && !same(now, p->filled[f])) {
        g_free(now);
        return;
    }
    g_free(now);
    char *text = NULL;
    if (!run_member(p, member, NULL, &text)) {
        g_free(text);
        text = g_strdup("");
    }
    cu_call_str(p->fields[f], &set, text, NULL, NULL);
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

/* Put N_("—") and HEADERS into every role box; enabled only when there are headers. */
static void fill_boxes(Panel *p, char **headers)
{
    static CuMethod count = CU_METHOD("com.sun.star.awt.XListBox", "getItemCount");
    static CuMethod remove = CU_METHOD("com.sun.star.awt.XListBox", "removeItems");
    static CuMethod add = CU_METHOD("com.sun.star.awt.XListBox", "addItems");
    typelib_TypeDescriptionReference *type;
    uno_Sequence *items = string_items(_("—"), headers, &type);
    for (int b = 0; b < N_BOXES; b++) {
        sal_Int16 n = 0, first = 0;
        if (!p->boxes[b])
            continue;
        cu_call(p->boxes[b], &count, &n, NULL, NULL);
        void *remove_args[2] = { &first, &n };
        cu_call(p->boxes[b], &remove, NULL, remove_args, NULL);
        void *add_args[2] = { &items, &first };
        cu_call(p->boxes[b], &add, NULL, add_args, NULL);
        set_enabled(p->boxes[b], *headers != NULL);
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
    p->filling = TRUE;
    if (!p->box_headers ||
        !g_strv_equal((const char *const *)p->box_headers, (const char *const *)c->headers))
        fill_boxes(p, c->headers);
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

static void refresh(Panel *p)
{
    char *info = NULL, *checks = NULL, *explain = NULL, *factors = NULL;
    CcRoleColumns columns;
    gboolean fixable = FALSE;
    if (!p->controller)
        return;
    ac_service_panel(p->controller, &info, &checks, &explain, &factors, &columns, &fixable);
    show_roles(p, &columns);
    cc_roles_columns_clear(&columns);
    if (fixable != p->fixable || !p->info_text) {
        p->fixable = fixable;
        if (p->buttons[AC_BUTTON_FIX])
            set_enabled(p->buttons[AC_BUTTON_FIX], fixable);
    }
    if (same(p->info_text, info) && same(p->checks_text, checks) && same(p->explain_text, explain) &&
        same(p->factors_text, factors)) {
        g_free(info); /* unchanged: no flicker, no relayout */
        g_free(checks);
        g_free(explain);
        g_free(factors);
        return;
    }
    g_free(p->info_text);
    g_free(p->checks_text);
    g_free(p->explain_text);
    g_free(p->factors_text);
    p->info_text = info;
    p->checks_text = checks;
    p->explain_text = explain;
    p->factors_text = factors;
    prefill(p, FIELD_ROLES, "getRoles");
    prefill(p, FIELD_STAGES, "getStageProbabilities");
    set_text(p->info, info);
    set_text(p->checks, checks);
    set_text(p->explain, explain ? explain : "");
    set_text(p->factors, factors ? factors : "");
    relayout(p);
}

/* The target typed in the panel, or NAN. */
static double typed_target(Panel *p)
{
    static CuMethod get_text = CU_METHOD("com.sun.star.awt.XTextComponent", "getText");
    rtl_uString *s = NULL;
    double target = NAN;
    if (p->target && cu_call(p->target, &get_text, &s, NULL, NULL)) {
        char *text = cu_ustr_to_utf8(s);
        rtl_uString_release(s);
        uno_Interface *model = cc_model(p->controller, NULL);
        if (!ac_funnel_parse_target(model, text, &target))
            target = NAN;
        cu_release(model);
        g_free(text);
    }
    return target;
}

/* The text typed into edit field W (g_free). */
static char *edit_text(uno_Interface *w)
{
    static CuMethod get_text = CU_METHOD("com.sun.star.awt.XTextComponent", "getText");
    rtl_uString *s = NULL;
    if (!w || !cu_call(w, &get_text, &s, NULL, NULL))
        return g_strdup("");
    char *text = cu_ustr_to_utf8(s);
    rtl_uString_release(s);
    return text;
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
    uno_Interface *model = cc_model(p->controller, NULL);
    gboolean ok = TRUE;
    if (pos == PERIOD_CUSTOM) {
        char *a = edit_text(p->from), *b = edit_text(p->until);
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

/* Show TEXT (taken) as the last action's report, then the table as the action left it. */
static void report(Panel *p, char *text)
{
    p->busy = FALSE;
    g_free(p->result_text);
    p->result_text = text;
    set_text(p->result, text);
    g_free(p->info_text); /* the table may have changed (a Score column, its roles) */
    p->info_text = NULL;
    refresh(p);
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

/* ---- a button's action, its parameters from the panel's fields ------------------------ */

/* The values of an action's parameters, the texts owned. */
typedef struct {
    AcValue values[AC_MAX_PARAMS];
    char *texts[AC_MAX_PARAMS];
} Inputs;

/* One field of the panel into *V (a text g_malloc'd into *TEXT); FALSE with the manager's
 * sentence in *REFUSAL when what is typed there cannot be used. */
typedef gboolean (*Input)(Panel *p, AcValue *v, char **text, char **refusal);

static gboolean input_roles(Panel *p, AcValue *v, char **text, char **refusal)
{
    (void)refusal;
    v->text = *text = edit_text(p->fields[FIELD_ROLES]);
    return TRUE;
}

static gboolean input_history(Panel *p, AcValue *v, char **text, char **refusal)
{
    (void)refusal;
    v->text = *text = edit_text(p->fields[FIELD_HISTORY]);
    return TRUE;
}

/* The stage probabilities typed; "" (learned) while the field shows the learned ones. */
static gboolean input_stages(Panel *p, AcValue *v, char **text, char **refusal)
{
    (void)refusal;
    char *field = edit_text(p->fields[FIELD_STAGES]);
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

/* The field that gives each parameter of the buttons' actions, by its IDL name. */
static const struct {
    const char *param;
    Input input;
} INPUTS[] = {
    { "roles", input_roles },           { "history", input_history },
    { "stages", input_stages },         { "periodStart", input_period_start },
    { "periodEnd", input_period_end },  { "target", input_target },
    { "url", input_url },
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
        Input input = NULL;
        for (gsize k = 0; k < G_N_ELEMENTS(INPUTS) && !input; k++)
            if (strcmp(INPUTS[k].param, a->params[i].name) == 0)
                input = INPUTS[k].input;
        if (!input) { /* a new button's action with a parameter the panel has no field for */
            *refusal = g_strdup_printf("Pipecalc: the panel has no field for %s of %s",
                                       a->params[i].name, a->member);
            return FALSE;
        }
        if (!input(p, &in->values[i], &in->texts[i], refusal))
            return FALSE;
    }
    return TRUE;
}

/* Run A with ARGS; when one of the manager's cells is in the way of its output, ask whether
 * to make room as A does (AcRoom) and run it again so if yes. *TEXT as for run_member. */
static gboolean run_asking(Panel *p, const AcAction *a, const AcValue *args, char **text)
{
    AcCall c = { .controller = p->controller, .args = args };
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

/* A button was clicked: run its action A with the panel's fields, show the outcome. */
static void run_action(Panel *p, const AcAction *a)
{
    char *text = NULL;
    Inputs in;
    if (!p->controller)
        return;
    end_picking(p);
    p->busy = TRUE;
    if (read_inputs(p, a, &in, &text) && run_asking(p, a, in.values, &text) &&
        a->button == AC_BUTTON_ROLES) { /* the info shows the new roles: say they are kept */
        g_free(text);
        text = g_strdup(_("Roles saved with the document."));
        g_free(p->filled[FIELD_ROLES]); /* the saved roles count as ours again */
        p->filled[FIELD_ROLES] = g_strdup(in.values[0].text);
    }
    inputs_clear(&in);
    report(p, text);
}

/* The manager chose an entry of role box B: give its role to that column (or to none) and
 * show the outcome. Choosing the entry shown already changes nothing. */
static void pick_role(Panel *p, int b)
{
    static CuMethod selected = CU_METHOD("com.sun.star.awt.XListBox", "getSelectedItemPos");
    sal_Int16 pos = -1;
    if (!p->controller || !p->box_headers || !cu_call(p->boxes[b], &selected, &pos, NULL, NULL) ||
        pos < 0 || pos == p->box_pos[b] || (guint)pos > g_strv_length(p->box_headers))
        return;
    const char *header = pos > 0 ? p->box_headers[pos - 1] : NULL;
    char *text = NULL;
    p->busy = TRUE;
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
    report(p, text);
}

/* ---- listeners -------------------------------------------------------------------------- */

enum { POS_DISPOSING = 3, POS_EVENT = 4 }; /* XEventListener::disposing; actionPerformed /
                                              selectionChanged / itemStateChanged: published,
                                              fixed */

static gboolean listener_call(CuObject *self, guint iface, sal_Int32 pos,
                              const typelib_TypeDescription *member, void *ret, void **args,
                              uno_Any *exc_storage)
{
    (void)iface; (void)member; (void)ret; (void)args; (void)exc_storage;
    Listener *l = (Listener *)self;
    if (pos != POS_EVENT || !l->panel)
        return FALSE; /* disposing: the panel's dispose() does the cleaning */
    if (l->panel->busy) { /* a click or selection during an action: it refreshes at its end */
        if (l->kind == LISTEN_BOX)
            l->panel->box_pos[l->box] = -1; /* the box shows what was stored, not this choice */
        return FALSE;
    }
    if (l->kind == LISTEN_SELECTION) { /* the cursor moved: a new choice starts afresh */
        end_picking(l->panel);
        refresh(l->panel);
    }
    else if (l->kind == LISTEN_BUTTON)
        run_action(l->panel, l->action);
    else if (!l->panel->filling) /* else our own selectItemPos, not the manager's choice */
        pick_role(l->panel, l->box);
    return FALSE;
}

static const CuInterface LISTENER_INTERFACES[] = {
    { "com.sun.star.awt.XActionListener", listener_call },
    { "com.sun.star.view.XSelectionChangeListener", listener_call },
    { "com.sun.star.lang.XEventListener", listener_call },
    { "com.sun.star.awt.XItemListener", listener_call },
    { NULL, NULL },
};
static const char *const NO_SERVICES[] = { NULL };
static const CuClass LISTENER_CLASS = { "org.pipecalc.SidebarListener", NO_SERVICES,
                                        LISTENER_INTERFACES, NULL };

/* A listener of KIND for P (ACTION: the row a button runs, else NULL). */
static Listener *listener_new(Panel *p, Listening kind, const AcAction *action)
{
    Listener *l = cu_object_new(&LISTENER_CLASS, sizeof(Listener));
    if (l) {
        l->panel = p;
        l->kind = kind;
        l->action = action;
    }
    return l;
}

/* Add (ADD) or remove L as the controller's selection listener. */
static void watch_selection(Panel *p, Listener *l, gboolean add)
{
    static CuMethod add_m = CU_METHOD("com.sun.star.view.XSelectionSupplier", "addSelectionChangeListener");
    static CuMethod remove_m = CU_METHOD("com.sun.star.view.XSelectionSupplier",
                                         "removeSelectionChangeListener");
    uno_Interface *li = cu_object_facet(&l->base, 1); /* XSelectionChangeListener */
    void *args[1] = { &li };
    cu_call(p->controller, add ? &add_m : &remove_m, NULL, args, NULL);
}

/* ---- the panel object ----------------------------------------------------------------- */

static void panel_dispose(Panel *p)
{
    static CuMethod dispose = CU_METHOD("com.sun.star.lang.XComponent", "dispose");
    if (p->selection) {
        if (p->controller)
            watch_selection(p, p->selection, FALSE);
        p->selection->panel = NULL;
        cu_release(cu_object_interface(&p->selection->base));
        p->selection = NULL;
    }
    for (int i = 0; i < AC_N_BUTTONS; i++) {
        if (p->clicks[i]) {
            p->clicks[i]->panel = NULL;
            cu_release(cu_object_interface(&p->clicks[i]->base));
            p->clicks[i] = NULL;
        }
        cu_release(p->buttons[i]);
        p->buttons[i] = NULL;
    }
    for (int f = 0; f < N_FIELDS; f++) {
        cu_release(p->field_labels[f]);
        cu_release(p->fields[f]);
        p->field_labels[f] = p->fields[f] = NULL;
    }
    for (int b = 0; b < N_BOXES; b++) {
        if (p->picks[b]) { /* the box keeps its reference until the container's dispose */
            p->picks[b]->panel = NULL;
            cu_release(cu_object_interface(&p->picks[b]->base));
            p->picks[b] = NULL;
        }
        cu_release(p->box_labels[b]);
        cu_release(p->boxes[b]);
        p->box_labels[b] = p->boxes[b] = NULL;
    }
    cu_release(p->boxes_label);
    p->boxes_label = NULL;
    cu_release(p->info);
    cu_release(p->checks);
    cu_release(p->explain);
    cu_release(p->result);
    cu_release(p->target_label);
    cu_release(p->target);
    cu_release(p->factors);
    cu_release(p->period);
    cu_release(p->from_label);
    cu_release(p->from);
    cu_release(p->until_label);
    cu_release(p->until);
    p->info = p->checks = p->explain = p->result = p->target_label = p->target = NULL;
    p->factors = p->period = p->from_label = p->from = p->until_label = p->until = NULL;
    if (p->window) /* disposing the container disposes the controls in it */
        cu_call(p->window, &dispose, NULL, NULL, NULL);
    cu_release(p->window);
    p->window = NULL;
    cu_release(p->toolkit);
    p->toolkit = NULL;
    cu_release(p->controller);
    cu_release(p->sidebar);
    p->controller = p->sidebar = NULL;
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
    g_free(p->result_text);
    g_free(p->factors_text);
    for (int f = 0; f < N_FIELDS; f++)
        g_free(p->filled[f]);
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
    (void)iface; (void)member;
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
            /* LayoutSize { long Minimum, Maximum, Preferred } */
            sal_Int32 *size = ret;
            size[0] = h;
            size[1] = h;
            size[2] = h;
        } else if (pos == member_pos[M_MIN_WIDTH])
            *(sal_Int32 *)ret = 2 * MARGIN + BUTTON_W;
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

/* The width the fixed text W needs for its text, or a guess from TEXT. */
static sal_Int32 text_width(uno_Interface *w, const char *text)
{
    static CuMethod preferred = CU_METHOD("com.sun.star.awt.XLayoutConstrains", "getPreferredSize");
    sal_Int32 size[2] = { 0, 0 }; /* com.sun.star.awt.Size { long Width, Height } */
    if (!w || !cu_call(w, &preferred, size, NULL, NULL) || size[0] <= 0)
        size[0] = (sal_Int32)g_utf8_strlen(text, -1) * CHAR_W;
    return size[0];
}

/* The role boxes inside PEER, each with its label and our item listener; the boxes are
 * filled by show_roles. */
static void make_boxes(Panel *p, uno_Interface *tk, uno_Interface *peer)
{
    static CuMethod add_listener = CU_METHOD("com.sun.star.awt.XListBox", "addItemListener");
    static CuMethod lines = CU_METHOD("com.sun.star.awt.XListBox", "setDropDownLineCount");
    p->boxes_label = make_window(tk, WINDOW_SIMPLE, "fixedtext", peer, ATTR_SHOW);
    if (p->boxes_label)
        set_text(p->boxes_label, _("Column of each role:"));
    p->box_label_w = 0;
    for (int b = 0; b < N_BOXES; b++) {
        const char *label = tx_role_label(BOX_ROLES[b]);
        p->box_labels[b] = make_window(tk, WINDOW_SIMPLE, "fixedtext", peer, ATTR_SHOW);
        if (p->box_labels[b])
            set_text(p->box_labels[b], label);
        p->box_label_w = MAX(p->box_label_w, text_width(p->box_labels[b], label) + MARGIN);
        p->boxes[b] = make_window(tk, WINDOW_SIMPLE, "listbox", peer,
                                  ATTR_SHOW | ATTR_BORDER | ATTR_DROPDOWN);
        p->box_pos[b] = -1;
        if (!p->boxes[b])
            continue;
        /* a screen reader names the box after its role, not after the column it shows */
        set_peer_text(p->boxes[b], "AccessibleName", label);
        sal_Int16 n = DROPDOWN_LINES;
        void *line_args[1] = { &n };
        cu_call(p->boxes[b], &lines, NULL, line_args, NULL);
        p->picks[b] = listener_new(p, LISTEN_BOX, NULL);
        if (!p->picks[b])
            continue;
        p->picks[b]->box = b;
        uno_Interface *li = cu_object_facet(&p->picks[b]->base, 3); /* XItemListener */
        void *args[1] = { &li };
        cu_call(p->boxes[b], &add_listener, NULL, args, NULL);
    }
}

/* Button B with its action's label and a click listener running the action. */
static void make_button(Panel *p, uno_Interface *tk, uno_Interface *peer, AcButton b)
{
    static CuMethod add_listener = CU_METHOD("com.sun.star.awt.XButton", "addActionListener");
    static CuMethod set_label = CU_METHOD("com.sun.star.awt.XButton", "setLabel");
    const AcAction *a = ac_action_of_button(b);
    p->buttons[b] = a ? make_window(tk, WINDOW_SIMPLE, "pushbutton", peer, ATTR_SHOW) : NULL;
    p->clicks[b] = p->buttons[b] ? listener_new(p, LISTEN_BUTTON, a) : NULL;
    if (!p->clicks[b])
        return;
    cu_call_str(p->buttons[b], &set_label, _(a->label), NULL, NULL);
    uno_Interface *li = cu_object_facet(&p->clicks[b]->base, 0); /* XActionListener */
    void *args[1] = { &li };
    cu_call(p->buttons[b], &add_listener, NULL, args, NULL);
}

/* A fixed text showing TEXT. */
static uno_Interface *make_label(uno_Interface *tk, uno_Interface *peer, const char *text)
{
    uno_Interface *w = make_window(tk, WINDOW_SIMPLE, "fixedtext", peer, ATTR_SHOW);
    if (w)
        set_text(w, text);
    return w;
}

/* The period list: all, this month, quarter, year, custom; "all" selected. */
static void make_period(Panel *p, uno_Interface *tk, uno_Interface *peer)
{
    static CuMethod add_item = CU_METHOD("com.sun.star.awt.XListBox", "addItem");
    static CuMethod select_item = CU_METHOD("com.sun.star.awt.XListBox", "selectItemPos");
    static const char *const PERIODS[N_PERIODS] = { N_("All close dates"), N_("This month"), N_("This quarter"),
                                               N_("This year"), N_("Custom period") };
    p->period = make_window(tk, WINDOW_SIMPLE, "listbox", peer, ATTR_SHOW | ATTR_BORDER | ATTR_DROPDOWN);
    for (sal_Int16 i = 0; p->period && i < N_PERIODS; i++) {
        rtl_uString *item = cu_ustr_from_utf8(_(PERIODS[i]));
        void *args[2] = { &item, &i };
        cu_call(p->period, &add_item, NULL, args, NULL);
        rtl_uString_release(item);
    }
    if (p->period) {
        sal_Int16 first = PERIOD_ALL;
        sal_Bool yes = sal_True;
        void *args[2] = { &first, &yes };
        cu_call(p->period, &select_item, NULL, args, NULL);
    }
}

/* The controls, created in the order layout() places them from the top: VCL's Tab key
 * walks a window's children in their order of creation. */
static gboolean make_controls(Panel *p, uno_Interface *tk, uno_Interface *parent)
{
    static CuMethod set_visible = CU_METHOD("com.sun.star.awt.XWindow", "setVisible");
    uno_Interface *parent_peer = cu_query(parent, "com.sun.star.awt.XWindowPeer");
    p->window = parent_peer ? make_window(tk, WINDOW_CONTAINER, "window", parent_peer, 0) : NULL;
    cu_release(parent_peer);
    uno_Interface *peer = p->window ? cu_query(p->window, "com.sun.star.awt.XWindowPeer") : NULL;
    if (!peer)
        return FALSE;
    p->info = make_window(tk, WINDOW_SIMPLE, "fixedtext", peer, ATTR_SHOW);
    p->checks = make_window(tk, WINDOW_SIMPLE, "fixedtext", peer, ATTR_SHOW);
    make_boxes(p, tk, peer);
    for (int f = 0; f < N_FIELDS; f++) {
        p->field_labels[f] = make_label(tk, peer, _(FIELD_LABELS[f]));
        p->fields[f] = make_window(tk, WINDOW_SIMPLE, "edit", peer, ATTR_SHOW | ATTR_BORDER);
        if (f == FIELD_ROLES)
            make_button(p, tk, peer, AC_BUTTON_ROLES);
    }
    for (int b = AC_BUTTON_SCORE; b <= AC_BUTTON_FIX; b++)
        make_button(p, tk, peer, (AcButton)b);
    make_period(p, tk, peer);
    p->from_label = make_label(tk, peer, _("From:"));
    p->from = make_window(tk, WINDOW_SIMPLE, "edit", peer, ATTR_SHOW | ATTR_BORDER);
    p->until_label = make_label(tk, peer, _("Until:"));
    p->until = make_window(tk, WINDOW_SIMPLE, "edit", peer, ATTR_SHOW | ATTR_BORDER);
    p->target_label = make_label(tk, peer, _("Target:"));
    p->target = make_window(tk, WINDOW_SIMPLE, "edit", peer, ATTR_SHOW | ATTR_BORDER);
    make_button(p, tk, peer, AC_BUTTON_FUNNEL);
    make_button(p, tk, peer, AC_BUTTON_SHARE);
    p->factors = make_window(tk, WINDOW_SIMPLE, "fixedtext", peer, ATTR_SHOW);
    p->explain = make_window(tk, WINDOW_SIMPLE, "fixedtext", peer, ATTR_SHOW);
    p->result = make_window(tk, WINDOW_SIMPLE, "fixedtext", peer, ATTR_SHOW);
    uno_Interface *texts[] = { p->info, p->checks, p->explain, p->result, p->factors,
                               p->field_labels[0], p->field_labels[1], p->field_labels[2] };
    for (gsize i = 0; i < G_N_ELEMENTS(texts); i++)
        if (texts[i])
            set_peer_bool(texts[i], "MultiLine", sal_True);
    peer->release(peer);
    sal_Bool yes = sal_True;
    void *args[1] = { &yes };
    cu_call(p->window, &set_visible, NULL, args, NULL);
    return p->info && p->checks && p->explain && p->result && p->target && p->factors &&
           p->period && p->from && p->until && p->buttons[AC_BUTTON_SCORE] &&
           p->buttons[AC_BUTTON_FORECAST] && p->buttons[AC_BUTTON_FIX] &&
           p->buttons[AC_BUTTON_FUNNEL] && p->buttons[AC_BUTTON_SHARE];
}

CuObject *pn_panel_new(uno_Interface *context, uno_Interface *parent, uno_Interface *frame,
                       uno_Interface *sidebar, rtl_uString *url)
{
    static CuMethod get_controller = CU_METHOD("com.sun.star.frame.XFrame", "getController");
    tx_text_init(context);
    cc_locale_init(context);
    Panel *p = cu_object_new(&PANEL_CLASS, sizeof(Panel));
    if (!p)
        return NULL;
    p->url = url;
    rtl_uString_acquire(url);
    p->frame = frame ? cu_query(frame, "com.sun.star.frame.XFrame") : NULL;
    p->sidebar = sidebar ? cu_query(sidebar, "com.sun.star.ui.XSidebar") : NULL;
    p->controller = p->frame ? cu_call_iface(p->frame, &get_controller, NULL, NULL, NULL) : NULL;
    p->width = 200;
    p->pick_box = -1;
    uno_Interface *tk = toolkit(context);
    gboolean ok = tk && make_controls(p, tk, parent);
    p->toolkit = tk; /* kept for the question box; released by dispose */
    if (!ok) {
        cu_release(cu_object_interface(&p->base));
        return NULL;
    }
    if (p->controller && (p->selection = listener_new(p, LISTEN_SELECTION, NULL)))
        watch_selection(p, p->selection, TRUE);
    refresh(p);
    return &p->base;
}
