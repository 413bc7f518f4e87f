/* cc_progress.h - progress of a long action in the document window's status bar
 * (com.sun.star.task.XStatusIndicator from the frame's XStatusIndicatorFactory).
 *
 * Best effort: without a frame or an indicator every call does nothing. */
#ifndef CC_PROGRESS_H
#define CC_PROGRESS_H

#include "cu_props.h"

typedef struct {
    uno_Interface *indicator; /* XStatusIndicator, NULL when none */
    sal_Int32 range, step, shown;
} CcProgress;

/* Start showing TEXT with a bar of RANGE steps in MODEL's window. */
void cc_progress_begin(CcProgress *p, uno_Interface *model, const char *text, sal_Int32 range);

/* Move the bar to VALUE (0..range); calls the office only every 1/50 of the range. */
void cc_progress_set(CcProgress *p, sal_Int32 value);

/* Take the bar away. No operation on a progress never begun (zeroed). */
void cc_progress_end(CcProgress *p);

#endif
