/* cc_undo.c - an undo action of our own in the document's undo context (see cc_undo.h). */
#include "cc_undo.h"

#include "cu_object.h"
#include "cu_string.h"

typedef struct {
    CuObject base;
    uno_Interface *undo;  /* XUndoManager: locked while the undo clears */
    uno_Interface *range; /* XSheetOperation */
} ClearAction;

static void clear_now(ClearAction *a)
{
    static CuMethod clear = CU_METHOD("com.sun.star.sheet.XSheetOperation", "clearContents");
    static CuMethod lock = CU_METHOD("com.sun.star.document.XUndoManager", "lock");
    static CuMethod unlock = CU_METHOD("com.sun.star.document.XUndoManager", "unlock");
    /* CellFlags VALUE | DATETIME | STRING | FORMULA: what setDataArray wrote */
    sal_Int32 flags = 1 | 2 | 4 | 16;
    void *args[1] = { &flags };
    /* an undo run through XUndoManager does not lock Calc's manager: unlocked, this clear
     * would be recorded as a new step and the redo stack lost */
    gboolean locked = cu_call(a->undo, &lock, NULL, NULL, NULL);
    cu_call(a->range, &clear, NULL, args, NULL);
    if (locked)
        cu_call(a->undo, &unlock, NULL, NULL, NULL);
}

static gboolean action_call(CuObject *self, guint iface, sal_Int32 pos, const typelib_TypeDescription *member,
                            void *ret, void **args, uno_Any *exc_storage)
{
    (void)iface; (void)pos; (void)args; (void)exc_storage;
    ClearAction *a = (ClearAction *)self;
    /* by kind and name, not position: the Title attribute, undo(), redo() */
    if (member->eTypeClass == typelib_TypeClass_INTERFACE_ATTRIBUTE) {
        *(rtl_uString **)ret = cu_ustr_from_utf8("Pipecalc: clear the written block");
    } else {
        char *name = cu_ustr_to_utf8(member->pTypeName);
        if (g_str_has_suffix(name, "::undo"))
            clear_now(a);
        g_free(name);
    }
    return FALSE; /* redo: Calc's own step writes the block again */
}

static void action_destroy(CuObject *self)
{
    ClearAction *a = (ClearAction *)self;
    cu_release(a->range);
    cu_release(a->undo);
}

static const CuInterface ACTION_INTERFACES[] = {
    { "com.sun.star.document.XUndoAction", action_call },
    { NULL, NULL },
};
static const char *const ACTION_SERVICES[] = { NULL };
static const CuClass ACTION_CLASS = { "org.pipecalc.ClearOnUndo", ACTION_SERVICES, ACTION_INTERFACES,
                                      action_destroy };

gboolean cc_undo_add_clear(uno_Interface *undo, uno_Interface *range, GError **error)
{
    static CuMethod add = CU_METHOD("com.sun.star.document.XUndoManager", "addUndoAction");
    ClearAction *a = cu_object_new(&ACTION_CLASS, sizeof *a);
    if (!a) {
        g_set_error(error, CU_ERROR, CU_ERROR_INTERNAL, "out of memory");
        return FALSE;
    }
    undo->acquire(undo);
    range->acquire(range);
    a->undo = undo;
    a->range = range;
    uno_Interface *me = cu_object_interface(&a->base);
    void *args[1] = { &me };
    gboolean ok = cu_call(undo, &add, NULL, args, error);
    me->release(me); /* the undo manager holds it now */
    return ok;
}
