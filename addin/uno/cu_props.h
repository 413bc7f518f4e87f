/* cu_props.h - small conveniences over cu_call for the sidebar: strings, anys, properties,
 * sequences of sequences of anys (what XCellRangeData reads and writes), struct mirrors.
 *
 * Every function that returns an interface returns it acquired (cu_release it); every
 * function taking a GError ** sets it on failure and returns FALSE / NULL.
 */
#ifndef CU_PROPS_H
#define CU_PROPS_H

#include "cu_call.h"
#include "cu_sdk.h"

#include <glib.h>

/* C mirrors of com.sun.star.table.CellRangeAddress / CellAddress: binary UNO lays structs
 * out as the C compiler does, and these are checked against the type library on first use
 * (cu_uno_check_layouts). */
typedef struct {
    sal_Int16 Sheet;
    sal_Int32 StartColumn, StartRow, EndColumn, EndRow;
} CuRange;

typedef struct {
    sal_Int16 Sheet;
    sal_Int32 Column, Row;
} CuCell;

/* FALSE when the mirrors above do not match the installed type library. */
gboolean cu_uno_check_layouts(void);

/* The interface held by an any, acquired and queried for IFACE; NULL when none. */
uno_Interface *cu_any_query(const uno_Any *a, const char *iface);

/* Call a method returning an interface (ARGS as for cu_call); the result is queried for
 * IFACE when IFACE is not NULL. A NULL result without an exception is no error. */
uno_Interface *cu_call_iface(uno_Interface *obj, CuMethod *m, void **args, const char *iface,
                             GError **error);

/* A method returning an any holding an interface (getByIndex, getPropertyValue, ...). */
uno_Interface *cu_call_any_iface(uno_Interface *obj, CuMethod *m, void **args, const char *iface,
                                 GError **error);

/* Read property NAME of OBJ (XPropertySet) into *VALUE (uno_any_destruct it). */
gboolean cu_get_property(uno_Interface *obj, const char *name, uno_Any *value, GError **error);

/* Set property NAME of OBJ to a value of type class TC (DOUBLE, LONG, BOOLEAN, STRING
 * as rtl_uString **) pointed to by VALUE. */
gboolean cu_set_property(uno_Interface *obj, const char *name, typelib_TypeClass tc,
                         void *value, GError **error);

/* Set property NAME of OBJ to the value VALUE holds (e.g. an interface read before). */
gboolean cu_set_property_any(uno_Interface *obj, const char *name, uno_Any *value, GError **error);

/* A sequence< com.sun.star.beans.PropertyValue > of N entries (media descriptors, the
 * arguments of XSheetConditionalEntries.addNew): fill entry I with cu_props_put (VALUE of
 * TYPE, copied; cu_props_put_str for a UTF-8 text), free with cu_props_free. */
uno_Sequence *cu_props_new(sal_Int32 n);
void cu_props_put(uno_Sequence *props, sal_Int32 i, const char *name, void *value,
                  typelib_TypeDescriptionReference *type);
void cu_props_put_str(uno_Sequence *props, sal_Int32 i, const char *name, const char *utf8);
void cu_props_free(uno_Sequence *props);

/* Call a method taking one string argument (UTF-8) and no other; RET as for cu_call. */
gboolean cu_call_str(uno_Interface *obj, CuMethod *m, const char *utf8, void *ret, GError **error);

/* A sequence< sequence< any > > of ROWS x COLS empty texts (cells left empty), to fill
 * and pass to setDataArray; free with cu_grid_free. */
uno_Sequence *cu_grid_new(gsize rows, gsize cols);
void cu_grid_set_number(uno_Sequence *grid, gsize row, gsize col, double value);
void cu_grid_set_text(uno_Sequence *grid, gsize row, gsize col, const char *utf8);
void cu_grid_free(uno_Sequence *grid);

/* A sequence< CellRangeAddress > of the N ranges R, to pass to addRangeAddresses or
 * XTableCharts.addNewByName (their layout: cu_uno_check_layouts); NULL when N does not
 * fit a sequence. Free it, or one such sequence Calc returned (getRangeAddresses), with
 * cu_ranges_free. */
uno_Sequence *cu_ranges_new(const CuRange *r, gsize n);
void cu_ranges_free(uno_Sequence *ranges);

/* The document's user-defined text property PROPERTY ("" when there is none; g_free):
 * settings of ours that must travel with the .ods, never in a cell. */
char *cu_doc_text(uno_Interface *model, const char *property);

/* Set it to TEXT, adding it (removable) when missing. Not an undo step. */
gboolean cu_set_doc_text(uno_Interface *model, const char *property, const char *text,
                         GError **error);

#endif

/* Find the positions of members NAMES[0..N) of interface IFACE (inherited members count,
 * XInterface's are 0..2) into POS (-1 when missing). For interfaces whose ABI order we do
 * not want to hard-code; call once and dispatch on the positions. */
void cu_members_resolve(const char *iface, const char *const *names, sal_Int32 *pos, int n);
