/*
 * readers/xml_dl.h — libxml2, loaded when the first HTML page is read.
 *
 * Why: libxml2 brings ICU (libicuuc, libicudata) and libstdc++ into the
 * process; linked, they are mapped and relocated at every start although
 * only readers/html.c uses them (see dynlib.h for the figures).  So the
 * binary does not link libxml2: html.c reaches it through this table,
 * filled once by dynlib.h.  The headers are still libxml2's, so each
 * pointer has the exact declared type.
 * libxml2's globals are reached the same way: xmlFree is a variable (the
 * member is a pointer to it: call (*X->xmlFree)(p)), and the error-handler
 * globals are the per-thread accessors (__xmlGenericError …) that the
 * headers' macros of the same names expand to.
 * Promise: as dynlib.h's — opened once, never closed, a failure is a
 * located error.
 */
#ifndef YS_READERS_XML_DL_H
#define YS_READERS_XML_DL_H

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "yusuan/error.h"

/* Every function and variable readers/html.c uses. */
#define XDL_FUNCS(X)                       \
    X(xmlInitParser)                       \
    X(__xmlGenericError)                   \
    X(__xmlGenericErrorContext)            \
    X(__xmlStructuredError)                \
    X(__xmlStructuredErrorContext)         \
    X(xmlSetGenericErrorFunc)              \
    X(xmlSetStructuredErrorFunc)           \
    X(htmlCreateMemoryParserCtxt)          \
    X(xmlFindCharEncodingHandler)          \
    X(xmlSwitchToEncoding)                 \
    X(htmlCtxtUseOptions)                  \
    X(htmlParseDocument)                   \
    X(htmlFreeParserCtxt)                  \
    X(xmlFreeDoc)                          \
    X(xmlGetProp)                          \
    X(xmlGetLineNo)                        \
    X(xmlFree)

typedef struct xdl_api {
#define XDL_MEMBER(name) __typeof__(&name) name;
    XDL_FUNCS(XDL_MEMBER)
#undef XDL_MEMBER
} xdl_api;

/* The table, loaded on the first call (thread-safe).  Returns NULL when
 * libxml2 or one of its symbols is missing, with err set to YS_EUNSUPPORTED
 * "无法加载网页支持库 libxml2…" located at path (the file being read).  The
 * table is static: the caller never frees it. */
const xdl_api *xdl_get(const char *path, ys_error *err);

#endif
