/*
 * dynlib.h — a shared library opened on first use, reached through a table
 * of pointers.  Internal to libyusuan.
 *
 * Why: every library the binary links is mapped, relocated and initialised
 * at every start, whether the run needs it or not.  Linking libxml2 (which
 * brings ICU and libstdc++), libzip (libcrypto, bz2, lzma), libxlsxwriter
 * (minizip, libcrypto, z) and poppler-glib (some fifty objects) made start-up
 * a large share of a text-only audit.  Measured on the reference document
 * (`yusuan audit` of the .txt, callgrind, same code linked both ways): with
 * them linked, 18 objects and 36.7 M instructions, 6.3 M of them in ld.so;
 * with them opened here instead, 6 objects and 28.6 M, 0.2 M in ld.so.  So
 * those libraries are opened the first time a file needs one: a text audit
 * never loads them.
 *
 * Each user (readers/poppler_dl.h, readers/xml_dl.h, zip_dl.h,
 * xlsxwriter_dl.h) keeps its function list as an X-macro X(name) and builds
 * from it a struct whose members are `__typeof__(&name) name` — the exact
 * declared type from the library's own -dev header, so every call through
 * the table is checked by the compiler — and a ys_dynsym list naming each
 * member.  A variable (such as libxml2's xmlFree) works the same way: its
 * member is a pointer to it.
 *
 * Promise: a library is opened at most once per process (thread-safe) and
 * never closed (glib types cannot be unregistered, and the libraries'
 * one-time allocations stay reachable through them); a missing library or
 * symbol is remembered and reported as a located YS_EUNSUPPORTED error on
 * every call, never a crash.
 */
#ifndef YS_DYNLIB_H
#define YS_DYNLIB_H

#include <pthread.h>
#include <stddef.h>

#include "yusuan/error.h"

/* One symbol: its name in the library, where its pointer goes in the table. */
typedef struct ys_dynsym {
    const char *name;
    size_t offset;
} ys_dynsym;

/* The entry for member `m` of table type `T` (the member bears the
 * symbol's own name). */
#define YS_DYNSYM(T, m) {#m, offsetof(T, m)}

typedef struct ys_dynlib {
    /* what to load: set once, by YS_DYNLIB_INIT */
    const char *const *sonames;   /* NULL-terminated, tried in order */
    const ys_dynsym *syms;
    size_t nsyms;
    void *table;                  /* a struct of pointers, filled by the load */
    /* the failure message: "无法加载<what>（<reason>），请安装 <package> 后再<use>" */
    const char *what, *package, *use;
    /* state, owned by dynlib.c */
    pthread_mutex_t lock;
    int state;                    /* 0 not tried, 1 loaded, -1 failed */
    char why[256];                /* the first soname's failure */
} ys_dynlib;

/* A static initializer: `sonames` a NULL-terminated array, `syms` an array
 * (its length is taken with sizeof), `table` the struct the pointers go to. */
#define YS_DYNLIB_INIT(sonames_, syms_, table_, what_, package_, use_)                 \
    {(sonames_), (syms_), sizeof(syms_) / sizeof *(syms_), &(table_), (what_), (package_), \
     (use_), PTHREAD_MUTEX_INITIALIZER, 0, ""}

/* The library's table, loading it on the first call.  Returns the table
 * (lib->table; static, never freed by the caller), or NULL with err set to
 * YS_EUNSUPPORTED located at path (the file being read) when no soname
 * could be opened or a symbol is missing.  A failure is not retried. */
const void *ys_dynlib_get(ys_dynlib *lib, const char *path, ys_error *err);

/* Opens one soname and fills table from syms (for the failure tests and
 * for callers that try a specific file).  Returns 0, or -1 with the reason
 * (dlerror's text, or "缺少函数 NAME") in why[cap].  A handle opened here is
 * kept for the process life; on failure the table may be partly filled. */
int ys_dynlib_open(const char *soname, const ys_dynsym *syms, size_t nsyms, void *table,
                   char *why, size_t cap);

#endif
