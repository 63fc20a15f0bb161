/*
 * readers/xml_dl.c — opens libxml2 on the first HTML page (see xml_dl.h for
 * why), through dynlib.h.
 * Owns: the one process-wide table of libxml2 pointers.
 * Promise: xdl_get loads once; a failure is remembered and reported on
 * every call with the file being read.
 */
#include "xml_dl.h"
#include "../dynlib.h"

/* libxml2's soname has been .so.2 since 1999; the unversioned name (with
 * the -dev package) is the fallback. */
static const char *const sonames[] = {"libxml2.so.2", "libxml2.so", NULL};

static const ys_dynsym syms[] = {
#define XDL_SYM(name) YS_DYNSYM(xdl_api, name),
    XDL_FUNCS(XDL_SYM)
#undef XDL_SYM
};

static xdl_api table;
static ys_dynlib lib =
    YS_DYNLIB_INIT(sonames, syms, table, "网页支持库 libxml2", "libxml2", "读 HTML");

const xdl_api *xdl_get(const char *path, ys_error *err)
{
    return ys_dynlib_get(&lib, path, err);
}
