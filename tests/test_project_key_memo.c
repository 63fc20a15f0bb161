/* test_project_key_memo: ys_project_key keeps recent keys per thread; the
 * answers stay those worked out by hand, whatever was asked before, for
 * every room, and among many names sharing the memo's slots. */
#include "testutil.h"

#include "yusuan/indicator.h"

static void keys_by_hand(void **st)
{
    (void)st;
    /* folded (（）→()), then (一级), 项目, 经费 dropped in turn, then a
     * trailing 费 */
    static const struct { const char *name, *key; } cases[] = {
        {"办公设备购置项目经费（一级）", "办公设备购置"},
        {"房屋租赁费", "房屋租赁"},
        {"ＡＢ项目", "AB"},
        {"（二级）", ""},
        {"", ""},
    };
    for (int round = 0; round < 3; round++)   /* first computed, then kept */
        for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
            char out[512];
            size_t n = ys_project_key(cases[i].name, out, sizeof out);
            assert_string_equal(out, cases[i].key);
            assert_int_equal(n, strlen(cases[i].key));
        }
}

/* The same name with less room: the short answer is not the long one's. */
static void room_counts(void **st)
{
    (void)st;
    const char *name = "城市道路桥梁维护管理";   /* 10 ideographs, no noise */
    char big[512], small[8];
    ys_project_key(name, big, sizeof big);
    assert_string_equal(big, name);
    for (int round = 0; round < 2; round++) {
        size_t n = ys_project_key(name, small, sizeof small);
        assert_true(n < sizeof small);
        assert_int_equal(n, strlen(small));
        assert_true(strncmp(big, small, n) == 0);   /* a head of the whole key */
        assert_true(n < strlen(big));
    }
    ys_project_key(name, big, sizeof big);
    assert_string_equal(big, name);
}

/* Many names (more than the memo holds): every answer again equals the
 * name's own worked-out key: the digits of its number, as written. */
static void many_names(void **st)
{
    (void)st;
    char name[64], want[64], out[512];
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < 1000; i++) {
            snprintf(name, sizeof name, "第%d号项目经费", i);
            snprintf(want, sizeof want, "第%d号", i);
            ys_project_key(name, out, sizeof out);
            assert_string_equal(out, want);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keys_by_hand),
        cmocka_unit_test(room_counts),
        cmocka_unit_test(many_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
