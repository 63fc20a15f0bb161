/* Unit tests: readers/poppler_dl — poppler-glib is not in the process until
 * the first PDF asks for it, then every function of the table resolves; a
 * library that cannot be found is a reason, not a crash. */
#include "testutil.h"
#include "readers/poppler_dl.h"

#include <dlfcn.h>

static int poppler_in_process(void)
{
    void *h = dlopen("libpoppler-glib.so.8", RTLD_NOW | RTLD_NOLOAD);
    if (h)
        dlclose(h); /* drops only the reference RTLD_NOLOAD just took */
    return h != NULL;
}

static void loaded_on_first_use(void **st)
{
    (void)st;
    assert_false(poppler_in_process());
    ys_error e = {0};
    const pdl_api *P = pdl_get("a.pdf", &e);
    assert_non_null(P);
    assert_int_equal(e.code, YS_OK);
    assert_true(poppler_in_process());
#define CHECK_SLOT(name) assert_non_null(P->name);
    PDL_FUNCS(CHECK_SLOT)
#undef CHECK_SLOT
    assert_ptr_equal(pdl_get("b.pdf", NULL), P); /* loaded once */
    /* a glib function through the table behaves as glib's */
    assert_true(P->g_unichar_isspace(' '));
    assert_false(P->g_unichar_isspace(0x4E00));
}

static void missing_library_is_a_reason(void **st)
{
    (void)st;
    pdl_api api;
    char why[256] = "";
    assert_int_equal(pdl_load("libpoppler-glib-absent.so.99", &api, why, sizeof why), -1);
    assert_non_null(strstr(why, "libpoppler-glib-absent.so.99"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loaded_on_first_use),
        cmocka_unit_test(missing_library_is_a_reason),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
