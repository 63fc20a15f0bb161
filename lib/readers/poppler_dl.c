/*
 * readers/poppler_dl.c — opens poppler-glib on first use (see poppler_dl.h
 * for why: the start-up cost of linking it).
 * Owns: the one process-wide table of poppler/glib function pointers and the
 * dlopen handle behind it, which is deliberately never dlclose'd.
 * Promise: pdl_get loads once under pthread_once; a failure is remembered
 * and reported on every call with the file being read.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "poppler_dl.h"

/* poppler-glib's soname has been .so.8 since 2011; the unversioned name
 * (present with the -dev package) is the fallback. */
static const char *const sonames[] = {"libpoppler-glib.so.8", "libpoppler-glib.so"};

static pdl_api table;
static int table_ok;
static char table_why[256];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

/* dlsym gives a void *; copying the bits is how POSIX asks for a function. */
static int resolve(void *h, const char *name, void *slot, size_t size, char *why, size_t cap)
{
    void *sym = dlsym(h, name);
    if (!sym) {
        snprintf(why, cap, "缺少函数 %s", name);
        return -1;
    }
    memcpy(slot, &sym, size);
    return 0;
}

int pdl_load(const char *soname, pdl_api *api, char *why, size_t cap)
{
    void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *e = dlerror();
        snprintf(why, cap, "%s", e ? e : soname);
        return -1;
    }
    /* dlsym on the handle also searches the libraries it depends on, so the
     * glib and gobject functions resolve from the copies poppler uses. */
#define PDL_RESOLVE(name)                                                      \
    if (resolve(h, #name, &api->name, sizeof api->name, why, cap) != 0) \
        return -1;
    PDL_FUNCS(PDL_RESOLVE)
#undef PDL_RESOLVE
    return 0;
}

/* The first name's failure is the one reported: it names the library a
 * user would install. */
static void load_table(void)
{
    char later[sizeof table_why];
    for (size_t i = 0; i < sizeof sonames / sizeof *sonames && !table_ok; i++)
        table_ok = pdl_load(sonames[i], &table, i ? later : table_why, sizeof table_why) == 0;
}

const pdl_api *pdl_get(const char *path, ys_error *err)
{
    pthread_once(&table_once, load_table);
    if (table_ok)
        return &table;
    ys_error_set(err, YS_EUNSUPPORTED, path, 0,
                 "无法加载 PDF 支持库 libpoppler-glib（%s），请安装 libpoppler-glib8 后再读 PDF",
                 table_why);
    return NULL;
}
