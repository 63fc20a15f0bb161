/*
 * zip_dl.h — libzip, loaded when the first DOCX or XLSX file is opened.
 *
 * Why: libzip brings libcrypto, libbz2, liblzma and libz into the process;
 * linked, they are mapped and relocated at every start although only
 * ooxml.c uses them (see dynlib.h for the figures).  So the binary does not
 * link libzip: ooxml.c reaches it through this table, filled once by
 * dynlib.h.  The header is still libzip's, so each pointer has the exact
 * declared type.
 * Promise: as dynlib.h's — opened once, never closed, a failure is a
 * located error.
 */
#ifndef YS_ZIP_DL_H
#define YS_ZIP_DL_H

#include <zip.h>

#include "yusuan/error.h"

/* Every function ooxml.c calls. */
#define ZDL_FUNCS(X)                       \
    X(zip_error_init)                      \
    X(zip_error_fini)                      \
    X(zip_error_code_zip)                  \
    X(zip_source_buffer_create)            \
    X(zip_source_free)                     \
    X(zip_open_from_source)                \
    X(zip_discard)                         \
    X(zip_name_locate)                     \
    X(zip_stat_index)                      \
    X(zip_fopen_index)                     \
    X(zip_fread)                           \
    X(zip_fclose)

typedef struct zdl_api {
#define ZDL_MEMBER(name) __typeof__(&name) name;
    ZDL_FUNCS(ZDL_MEMBER)
#undef ZDL_MEMBER
} zdl_api;

/* The table, loaded on the first call (thread-safe).  Returns NULL when
 * libzip or one of its functions is missing, with err set to
 * YS_EUNSUPPORTED "无法加载 zip 支持库 libzip…" located at path (the file
 * being opened).  The table is static: the caller never frees it. */
const zdl_api *zdl_get(const char *path, ys_error *err);

#endif
