/* fn_addin.h - the add-in object Calc calls: org.pipecalc.PipelineFunctions. */
#ifndef FN_ADDIN_H
#define FN_ADDIN_H

#include "cu_object.h"

#define FN_ADDIN_IMPLEMENTATION "org.pipecalc.PipelineFunctions"

/* A new add-in object with one reference, or NULL when memory runs out. */
CuObject *fn_addin_new(void);

#endif
