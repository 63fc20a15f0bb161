/*
 * readers/poppler_dl.h — poppler-glib, loaded when the first PDF is read.
 *
 * Why: linking poppler-glib pulls some fifty shared objects (glib, gobject,
 * cairo, poppler, nss, fonts…) into every run of yusuan, and resolving them
 * cost ~17 ms of a ~20 ms start even for a text-only audit.  So the binary
 * does not link it; readers/pdf.c reaches poppler (and the glib/gobject
 * functions it needs, found through poppler-glib's own dependencies)
 * through this table of function pointers, filled once by dynlib.h (which
 * libxml2, libzip and libxlsxwriter share).  The headers are poppler's, so
 * each pointer has the exact declared type and a call is checked by the
 * compiler.
 * Promise: the library is opened at most once per process and never
 * closed (glib types cannot be unregistered; its one-time allocations stay
 * reachable through it); a missing library or symbol is an error value,
 * never a crash.
 */
#ifndef YS_READERS_POPPLER_DL_H
#define YS_READERS_POPPLER_DL_H

#include <poppler.h>
#include <stddef.h>

#include "yusuan/error.h"

/* Every function readers/pdf.c calls. */
#define PDL_FUNCS(X)                       \
    X(poppler_document_new_from_bytes)     \
    X(poppler_document_get_n_pages)        \
    X(poppler_document_get_page)           \
    X(poppler_page_get_size)               \
    X(poppler_page_get_text_for_area)      \
    X(poppler_page_get_text_layout_for_area) \
    X(poppler_error_quark)                 \
    X(g_log_set_handler)                   \
    X(g_unichar_isspace)                   \
    X(g_utf8_get_char_validated)           \
    X(g_utf8_find_next_char)               \
    X(g_free)                              \
    X(g_bytes_new_static)                  \
    X(g_bytes_unref)                       \
    X(g_clear_error)                       \
    X(g_object_unref)

typedef struct pdl_api {
#define PDL_MEMBER(name) __typeof__(&name) name;
    PDL_FUNCS(PDL_MEMBER)
#undef PDL_MEMBER
} pdl_api;

/* The table, loaded on the first call (thread-safe, through dynlib.h).
 * Returns NULL when poppler-glib or one of its functions is missing, with
 * err set to YS_EUNSUPPORTED "无法加载 PDF 支持库 libpoppler-glib…" located
 * at path (the file being read).  The table is static: the caller never
 * frees it. */
const pdl_api *pdl_get(const char *path, ys_error *err);

/* Opens the library soname and fills *api (for tests of the failure path).
 * Returns 0, or -1 with the reason (dlerror's text) in why[cap].  A handle
 * opened here is kept for the process life, like pdl_get's. */
int pdl_load(const char *soname, pdl_api *api, char *why, size_t cap);

#endif
