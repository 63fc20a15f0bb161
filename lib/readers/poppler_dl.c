/*
 * readers/poppler_dl.c — opens poppler-glib on first use (see poppler_dl.h
 * for why: the start-up cost of linking it), through dynlib.h.
 * Owns: the one process-wide table of poppler/glib function pointers.
 * Promise: pdl_get loads once; a failure is remembered and reported on
 * every call with the file being read.
 */
#include "poppler_dl.h"
#include "../dynlib.h"

/* poppler-glib's soname has been .so.8 since 2011; the unversioned name
 * (present with the -dev package) is the fallback. */
static const char *const sonames[] = {"libpoppler-glib.so.8", "libpoppler-glib.so", NULL};

static const ys_dynsym syms[] = {
#define PDL_SYM(name) YS_DYNSYM(pdl_api, name),
    PDL_FUNCS(PDL_SYM)
#undef PDL_SYM
};

static pdl_api table;
static ys_dynlib lib = YS_DYNLIB_INIT(sonames, syms, table, " PDF 支持库 libpoppler-glib",
                                      "libpoppler-glib8", "读 PDF");

int pdl_load(const char *soname, pdl_api *api, char *why, size_t cap)
{
    return ys_dynlib_open(soname, syms, sizeof syms / sizeof *syms, api, why, cap);
}

const pdl_api *pdl_get(const char *path, ys_error *err)
{
    return ys_dynlib_get(&lib, path, err);
}
