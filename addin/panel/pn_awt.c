/* pn_awt.c - toolkit windows, their bounds, texts, properties and preferred sizes. */
#include "pn_awt.h"

#include "cu_call.h"
#include "cu_props.h"
#include "cu_string.h"

#include <string.h>

uno_Interface *pn_window(uno_Interface *toolkit, sal_Int32 cls, const char *service,
                         uno_Interface *parent_peer, sal_Int32 attributes)
{
    static CuMethod create = CU_METHOD("com.sun.star.awt.XToolkit", "createWindow");
    CuStruct d;
    if (!toolkit || !parent_peer || !cu_struct_init(&d, "com.sun.star.awt.WindowDescriptor"))
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

uno_Interface *pn_label(uno_Interface *toolkit, uno_Interface *parent_peer, const char *text,
                        gboolean multi_line)
{
    uno_Interface *w = pn_window(toolkit, PN_WINDOW_SIMPLE, "fixedtext", parent_peer, PN_SHOW);
    if (w && multi_line)
        pn_peer_bool(w, "MultiLine", TRUE);
    if (w)
        pn_set_text(w, text);
    return w;
}

void pn_bounds(uno_Interface *w, sal_Int32 x, sal_Int32 y, sal_Int32 width, sal_Int32 height)
{
    static CuMethod pos_size = CU_METHOD("com.sun.star.awt.XWindow", "setPosSize");
    sal_Int16 flags = 15; /* PosSize.POSSIZE */
    void *args[5] = { &x, &y, &width, &height, &flags };
    if (w)
        cu_call(w, &pos_size, NULL, args, NULL);
}

void pn_set_text(uno_Interface *w, const char *text)
{
    static CuMethod fixed = CU_METHOD("com.sun.star.awt.XFixedText", "setText");
    if (w)
        cu_call_str(w, &fixed, text ? text : "", NULL, NULL);
}

void pn_set_edit_text(uno_Interface *w, const char *text)
{
    static CuMethod set = CU_METHOD("com.sun.star.awt.XTextComponent", "setText");
    if (w)
        cu_call_str(w, &set, text ? text : "", NULL, NULL);
}

char *pn_edit_text(uno_Interface *w)
{
    static CuMethod get_text = CU_METHOD("com.sun.star.awt.XTextComponent", "getText");
    rtl_uString *s = NULL;
    if (!w || !cu_call(w, &get_text, &s, NULL, NULL))
        return g_strdup("");
    char *text = cu_ustr_to_utf8(s);
    rtl_uString_release(s);
    return text;
}

static void call_bool(uno_Interface *w, CuMethod *m, gboolean on)
{
    sal_Bool b = on ? sal_True : sal_False;
    void *args[1] = { &b };
    if (w)
        cu_call(w, m, NULL, args, NULL);
}

void pn_set_enabled(uno_Interface *w, gboolean on)
{
    static CuMethod enable = CU_METHOD("com.sun.star.awt.XWindow", "setEnable");
    call_bool(w, &enable, on);
}

void pn_set_visible(uno_Interface *w, gboolean on)
{
    static CuMethod visible = CU_METHOD("com.sun.star.awt.XWindow", "setVisible");
    call_bool(w, &visible, on);
}

/* Set the peer property NAME of W to the value of type class TC that VALUE points to. */
static void set_peer(uno_Interface *w, const char *name, typelib_TypeClass tc, void *value)
{
    static CuMethod set = CU_METHOD("com.sun.star.awt.XVclWindowPeer", "setProperty");
    if (!w)
        return;
    uno_Any a;
    uno_type_any_construct(&a, value, *typelib_static_type_getByTypeClass(tc), NULL);
    rtl_uString *n = cu_ustr_from_utf8(name);
    void *args[2] = { &n, &a };
    cu_call(w, &set, NULL, args, NULL);
    rtl_uString_release(n);
    uno_any_destruct(&a, NULL);
}

void pn_peer_bool(uno_Interface *w, const char *name, gboolean value)
{
    sal_Bool b = value ? sal_True : sal_False;
    set_peer(w, name, typelib_TypeClass_BOOLEAN, &b);
}

void pn_peer_short(uno_Interface *w, const char *name, sal_Int16 value)
{
    set_peer(w, name, typelib_TypeClass_SHORT, &value);
}

void pn_peer_long(uno_Interface *w, const char *name, sal_Int32 value)
{
    set_peer(w, name, typelib_TypeClass_LONG, &value);
}

void pn_peer_text(uno_Interface *w, const char *name, const char *text)
{
    rtl_uString *s = cu_ustr_from_utf8(text);
    set_peer(w, name, typelib_TypeClass_STRING, &s);
    rtl_uString_release(s);
}

gboolean pn_preferred(uno_Interface *w, sal_Int32 *width, sal_Int32 *height)
{
    static CuMethod preferred = CU_METHOD("com.sun.star.awt.XLayoutConstrains", "getPreferredSize");
    sal_Int32 size[2] = { 0, 0 }; /* com.sun.star.awt.Size { long Width, Height } */
    if (!w || !cu_call(w, &preferred, size, NULL, NULL) || size[0] <= 0 || size[1] <= 0)
        return FALSE;
    if (width)
        *width = size[0];
    if (height)
        *height = size[1];
    return TRUE;
}

sal_Int32 pn_text_height(uno_Interface *w, const char *text, sal_Int32 width, sal_Int32 fallback_line)
{
    static CuMethod adjust = CU_METHOD("com.sun.star.awt.XLayoutConstrains", "calcAdjustedSize");
    if (!text || !*text)
        return 0;
    sal_Int32 want[2] = { width, 0 }, got[2] = { 0, 0 }; /* com.sun.star.awt.Size */
    void *args[1] = { want };
    if (w && cu_call(w, &adjust, got, args, NULL) && got[1] > 0 && got[1] < 100000)
        return got[1] + 2;
    /* an estimate: each line wrapped at about half a line height per character */
    sal_Int32 per_line = MAX(10, width / MAX(1, fallback_line / 2)), lines = 0;
    char **parts = g_strsplit(text, "\n", -1);
    for (char **p = parts; *p; p++)
        lines += 1 + (sal_Int32)g_utf8_strlen(*p, -1) / per_line;
    g_strfreev(parts);
    return lines * fallback_line + 2;
}

PnUnits pn_units(uno_Interface *window)
{
    static CuMethod to_pixel = CU_METHOD("com.sun.star.awt.XUnitConversion", "convertSizeToPixel");
    enum { APPFONT = 17 }; /* com.sun.star.util.MeasureUnit */
    sal_Int32 in[2] = { 400, 800 }, out[2] = { 0, 0 };
    sal_Int16 unit = APPFONT;
    void *args[2] = { in, &unit };
    PnUnits u = { 1.75, 1.75 }; /* about DejaVu Sans 8 pt at 96 dpi */
    if (window && cu_call(window, &to_pixel, out, args, NULL) && out[0] > 0 && out[1] > 0) {
        u.x = out[0] / 400.0;
        u.y = out[1] / 800.0;
    }
    return u;
}
