/*
 * zip_dl.c — opens libzip on the first DOCX/XLSX file (see zip_dl.h for
 * why), through dynlib.h.
 * Owns: the one process-wide table of libzip function pointers.
 * Promise: zdl_get loads once; a failure is remembered and reported on
 * every call with the file being opened.
 */
#include "zip_dl.h"
#include "dynlib.h"

/* libzip's soname has been .so.4 since 1.0 (2015); the unversioned name
 * (with the -dev package, whose header this was compiled against) is the
 * fallback. */
static const char *const sonames[] = {"libzip.so.4", "libzip.so", NULL};

static const ys_dynsym syms[] = {
#define ZDL_SYM(name) YS_DYNSYM(zdl_api, name),
    ZDL_FUNCS(ZDL_SYM)
#undef ZDL_SYM
};

static zdl_api table;
static ys_dynlib lib = YS_DYNLIB_INIT(sonames, syms, table, " zip 支持库 libzip", "libzip4",
                                      "读 DOCX/XLSX");

const zdl_api *zdl_get(const char *path, ys_error *err)
{
    return ys_dynlib_get(&lib, path, err);
}
