/*
 * xlsxwriter_dl.c — opens libxlsxwriter on the first XLSX file written (see
 * xlsxwriter_dl.h for why), through dynlib.h.
 * Owns: the one process-wide table of libxlsxwriter function pointers.
 * Promise: xwdl_get loads once; a failure is remembered and reported on
 * every call with the file to be written.
 */
#include "xlsxwriter_dl.h"
#include "dynlib.h"

/* Debian's soname is .so.4 (package libxlsxwriter4); the unversioned
 * name (with the -dev package, whose header this was compiled against) is
 * the fallback. */
static const char *const sonames[] = {"libxlsxwriter.so.4", "libxlsxwriter.so", NULL};

static const ys_dynsym syms[] = {
#define XWDL_SYM(name) YS_DYNSYM(xwdl_api, name),
    XWDL_FUNCS(XWDL_SYM)
#undef XWDL_SYM
};

static xwdl_api table;
static ys_dynlib lib = YS_DYNLIB_INIT(sonames, syms, table, " XLSX 写入库 libxlsxwriter",
                                      "libxlsxwriter4", "写 XLSX");

const xwdl_api *xwdl_get(const char *path, ys_error *err)
{
    return ys_dynlib_get(&lib, path, err);
}
