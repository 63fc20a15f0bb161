/*
 * dynlib.c — opens a shared library on first use and fills its table of
 * pointers (see dynlib.h for why: start-up cost).
 * Owns: the dlopen handles, deliberately never dlclose'd, and each
 * ys_dynlib's load state.
 * Promise: one load attempt per ys_dynlib per process, guarded by its
 * mutex; readers after it see the table or the remembered failure.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "dynlib.h"

/* dlsym gives a void *; POSIX guarantees a function pointer has the same
 * representation, which is what copying the bits into the slot relies on. */
_Static_assert(sizeof(void (*)(void)) == sizeof(void *), "function pointers are not void *-sized");

int ys_dynlib_open(const char *soname, const ys_dynsym *syms, size_t nsyms, void *table,
                   char *why, size_t cap)
{
    void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *e = dlerror();
        snprintf(why, cap, "%s", e ? e : soname);
        return -1;
    }
    /* dlsym on a handle also searches the libraries it depends on: glib's
     * functions resolve from the copy poppler-glib itself uses. */
    for (size_t i = 0; i < nsyms; i++) {
        void *sym = dlsym(h, syms[i].name);
        if (!sym) {
            snprintf(why, cap, "%s 中缺少函数 %s", soname, syms[i].name);
            return -1;
        }
        memcpy((char *)table + syms[i].offset, &sym, sizeof sym);
    }
    return 0;
}

/* The first soname's failure is the one kept: it names the file a user
 * would install. */
static int load(ys_dynlib *lib)
{
    char later[sizeof lib->why];
    for (size_t i = 0; lib->sonames[i]; i++) {
        char *why = i ? later : lib->why;
        if (ys_dynlib_open(lib->sonames[i], lib->syms, lib->nsyms, lib->table, why,
                           sizeof lib->why) == 0)
            return 1;
    }
    return -1;
}

const void *ys_dynlib_get(ys_dynlib *lib, const char *path, ys_error *err)
{
    int state = __atomic_load_n(&lib->state, __ATOMIC_ACQUIRE);
    if (state == 0) {
        pthread_mutex_lock(&lib->lock);
        state = lib->state;
        if (state == 0) {
            state = load(lib);
            __atomic_store_n(&lib->state, state, __ATOMIC_RELEASE);
        }
        pthread_mutex_unlock(&lib->lock);
    }
    if (state > 0)
        return lib->table;
    ys_error_set(err, YS_EUNSUPPORTED, path, 0, "无法加载%s（%s），请安装 %s 后再%s", lib->what,
                 lib->why, lib->package, lib->use);
    return NULL;
}
