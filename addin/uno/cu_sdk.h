/* cu_sdk.h - the LibreOffice SDK's C headers, made to compile as C11.
 *
 * typelib/typedescription.h (7.4) inlines TYPELIB_DANGER_* helpers written for C++: they
 * use `bool` and the bare enum tag `_typelib_TypeClass`. Everything in addin/ includes
 * the SDK through this one header so the workaround lives in one place.
 */
#ifndef CU_SDK_H
#define CU_SDK_H

#include <stdbool.h>
#include <sal/types.h>
#include <typelib/typeclass.h>
#define _typelib_TypeClass enum _typelib_TypeClass
#define inline static inline
#include <typelib/typedescription.h>
#undef inline
#undef _typelib_TypeClass
#include <rtl/ustring.h>
#include <uno/any2.h>
#include <uno/data.h>
#include <uno/dispatcher.h>
#include <uno/environment.h>
#include <uno/lbnames.h>
#include <uno/sequence2.h>

#endif
