/* test_listen.c: without tokens mnemod serves loopback only: asked for 0.0.0.0 it
 * exits non-zero with a message and never writes its port file; with tokens it may
 * listen there. */
#include "tests/integration/harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static h_daemon_t D;

static void teardown(void)
{
    h_cleanup(&D);
}

START_TEST(test_without_tokens_it_refuses_to_listen_on_any_address)
{
    h_init(&D, NULL);
    h_spawn(&D, "0.0.0.0:0");
    int st = h_wait_exit(&D, 30000);
    ck_assert_msg(st != -1, "mnemod kept running on 0.0.0.0 without tokens");
    ck_assert_msg(st > 0 && st < 128, "exit status %d, want a non-zero exit", st);
    char *log = h_log(&D);
    ck_assert_msg(strlen(log) > 0, "no message on stderr");
    free(log);
    ck_assert_msg(access(D.port_file, F_OK) != 0, "it wrote a port file");
}
END_TEST

START_TEST(test_without_tokens_but_with_a_config_it_still_refuses)
{
    h_init(&D, "max_body_bytes = 65536\n");
    h_spawn(&D, "0.0.0.0:0");
    int st = h_wait_exit(&D, 30000);
    ck_assert_msg(st > 0 && st < 128, "exit status %d, want a non-zero exit", st);
}
END_TEST

START_TEST(test_with_tokens_it_listens_on_any_address)
{
    h_init(&D, "token = alice:alice-secret-0123456789\n");
    h_start_on(&D, "0.0.0.0:0");
    h_resp_t r;
    h_get(&D, "alice-secret-0123456789", "/healthz", &r);
    ck_assert_int_eq(r.status, 200);
    h_resp_clear(&r);
    ck_assert_int_eq(h_stop(&D), 0);
}
END_TEST

START_TEST(test_sigterm_exits_zero)
{
    h_init(&D, NULL);
    h_start(&D);
    ck_assert(h_create(&D, NULL, "alice", "Something to flush.") > 0);
    ck_assert_int_eq(h_stop(&D), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("listen");
    TCase *tc = tcase_create("listen");
    tcase_add_checked_fixture(tc, NULL, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_without_tokens_it_refuses_to_listen_on_any_address);
    tcase_add_test(tc, test_without_tokens_but_with_a_config_it_still_refuses);
    tcase_add_test(tc, test_with_tokens_it_listens_on_any_address);
    tcase_add_test(tc, test_sigterm_exits_zero);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}
