/* test_framing.c: the pure HTTP checks of api/framing.c, as tables: request targets that
 * decode to a NUL or a control byte (refused before routing) next to ones that do not,
 * and the Host values a server without tokens answers. */
#include <check.h>
#include "api/internal.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *const bad_targets[] = {
    "/v1/users/x%00/export", "/v1/users/x%00", "/%00", "/v1/memories?user=a%00b",
    "/v1/memories/1%0a", "/v1/memories/1%0D", "/v1/users/a%7f", "/v1/users/a%1b[2J",
    "/v1/memories\t", "/v1/users/a\x01",
};
static const char *const good_targets[] = {
    "/healthz", "/v1/memories?q=line%0Abreak", "/v1/users/caf%C3%A9", "/v1/users/a%20b",
    "/v1/memories?q=%25", "/v1/memories?q=%", "/v1/memories?q=%zz", "/v1/users/%2F",
};

START_TEST(test_a_target_that_decodes_to_nul_or_a_control_byte_in_the_path_is_bad)
{
    ck_assert_msg(api_target_bad(bad_targets[_i]) == 1, "'%s' passed", bad_targets[_i]);
}
END_TEST

START_TEST(test_other_targets_pass)
{
    ck_assert_msg(api_target_bad(good_targets[_i]) == 0, "'%s' refused", good_targets[_i]);
}
END_TEST

static const char *const loopback[] = {
    "localhost", "LocalHost", "localhost:8420", "127.0.0.1", "127.0.0.1:1", "[::1]",
    "[::1]:8420",
};
static const char *const foreign[] = {
    "evil.example", "localhost.evil.example", "127.0.0.1.nip.io", "127.0.0.2", "[::2]",
    "localhost:", "localhost:80x", "localhost:80:80", "0.0.0.0", "", "[::1",
    "127.0.0.1 ", "localhostx",
};

START_TEST(test_loopback_names_with_or_without_a_port_are_loopback)
{
    ck_assert_msg(api_host_is_loopback(loopback[_i]) == 1, "'%s' refused", loopback[_i]);
}
END_TEST

START_TEST(test_any_other_host_is_not)
{
    ck_assert_msg(api_host_is_loopback(foreign[_i]) == 0, "'%s' passed", foreign[_i]);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("api_framing");
    TCase *tc = tcase_create("framing");
    tcase_add_loop_test(tc, test_a_target_that_decodes_to_nul_or_a_control_byte_in_the_path_is_bad,
                        0, N(bad_targets));
    tcase_add_loop_test(tc, test_other_targets_pass, 0, N(good_targets));
    tcase_add_loop_test(tc, test_loopback_names_with_or_without_a_port_are_loopback, 0,
                        N(loopback));
    tcase_add_loop_test(tc, test_any_other_host_is_not, 0, N(foreign));
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
