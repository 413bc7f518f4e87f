/* cc_progress.c - the status bar's progress bar over XStatusIndicator. */
#include "cc_progress.h"

#include "cu_string.h"

void cc_progress_begin(CcProgress *p, uno_Interface *model, const char *text, sal_Int32 range)
{
    static CuMethod get_controller = CU_METHOD("com.sun.star.frame.XModel", "getCurrentController");
    static CuMethod get_frame = CU_METHOD("com.sun.star.frame.XController", "getFrame");
    static CuMethod create = CU_METHOD("com.sun.star.task.XStatusIndicatorFactory", "createStatusIndicator");
    static CuMethod start = CU_METHOD("com.sun.star.task.XStatusIndicator", "start");
    p->indicator = NULL;
    p->range = MAX(range, 1);
    p->step = MAX(p->range / 50, 1);
    p->shown = -1;
    uno_Interface *controller = cu_call_iface(model, &get_controller, NULL, NULL, NULL);
    uno_Interface *frame = controller ? cu_call_iface(controller, &get_frame, NULL, NULL, NULL) : NULL;
    p->indicator = frame ? cu_call_iface(frame, &create, NULL, NULL, NULL) : NULL;
    cu_release(frame);
    cu_release(controller);
    if (p->indicator) {
        rtl_uString *t = cu_ustr_from_utf8(text);
        void *args[2] = { &t, &p->range };
        if (!cu_call(p->indicator, &start, NULL, args, NULL)) {
            cu_release(p->indicator);
            p->indicator = NULL;
        }
        rtl_uString_release(t);
    }
}

void cc_progress_set(CcProgress *p, sal_Int32 value)
{
    static CuMethod set_value = CU_METHOD("com.sun.star.task.XStatusIndicator", "setValue");
    if (!p->indicator || (p->shown >= 0 && value - p->shown < p->step && value != p->range))
        return;
    p->shown = value;
    void *args[1] = { &value };
    cu_call(p->indicator, &set_value, NULL, args, NULL);
}

void cc_progress_end(CcProgress *p)
{
    static CuMethod end = CU_METHOD("com.sun.star.task.XStatusIndicator", "end");
    if (p->indicator)
        cu_call(p->indicator, &end, NULL, NULL, NULL);
    cu_release(p->indicator);
    p->indicator = NULL;
}
