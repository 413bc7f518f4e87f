/* xml_writer.h - the generators' small libxml2 writer (gen-xcu.c, gen-help.c): each call
 * checks once, and an error sticks, so a generator checks x->failed only at the end.
 * Include it after defining the generator's own struct Xw, which has at least the members
 * `xmlTextWriterPtr w` and `int failed`. */
#ifndef XML_WRITER_H
#define XML_WRITER_H

#include <libxml/xmlwriter.h>

static void xw_start(Xw *x, const char *name)
{
    if (!x->failed && xmlTextWriterStartElement(x->w, BAD_CAST name) < 0)
        x->failed = 1;
}

static void xw_attr(Xw *x, const char *name, const char *value)
{
    if (!x->failed && xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value) < 0)
        x->failed = 1;
}

static void xw_text(Xw *x, const char *text)
{
    if (!x->failed && xmlTextWriterWriteString(x->w, BAD_CAST text) < 0)
        x->failed = 1;
}

static void xw_end(Xw *x)
{
    if (!x->failed && xmlTextWriterEndElement(x->w) < 0)
        x->failed = 1;
}

#endif
