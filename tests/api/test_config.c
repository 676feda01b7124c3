/* test_config.c: mnemod's config table (daemon/config.c): defaults, `key = value`
 * lines with comments and blanks, repeatable tokens, sizes with suffixes, and errors
 * that name the file, the line and the key for unknown keys, bad values and values out
 * of range. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "daemon/config.h"

static mnemod_config_t c;
static char err[512];

static void setup(void)
{
    ck_assert_int_eq(config_init(&c), 0);
    err[0] = '\0';
}

static void teardown(void)
{
    config_free(&c);
}

static int parse(const char *text)
{
    return config_parse(&c, "test.conf", text, err, sizeof err);
}

START_TEST(test_defaults_match_the_documented_values)
{
    api_limits_t d;
    api_limits_default(&d);
    ck_assert_str_eq(c.listen, "127.0.0.1:8420");
    ck_assert_str_eq(c.db, "./var/mnemo.db");
    ck_assert_uint_eq(c.threads, 2);
    ck_assert_uint_eq(c.n_tokens, 0);
    ck_assert_ptr_null(c.admin_token);
    ck_assert_uint_eq(c.limits.max_body, d.max_body);
    ck_assert_uint_eq(c.limits.max_import_body, d.max_import_body);
    ck_assert_uint_eq(c.limits.max_text, d.max_text);
    ck_assert_int_eq(c.limits.max_k, d.max_k);
    ck_assert_int_eq(c.limits.max_page, d.max_page);
    ck_assert_int_eq(c.limits.max_batch, d.max_batch);
    ck_assert_uint_eq(c.limits.max_connections, d.max_connections);
    ck_assert_int_eq(c.log_level, CONFIG_LOG_INFO);
    ck_assert_uint_eq(c.limits.max_message, d.max_message);
    ck_assert_uint_eq(c.limits.max_message, 4096);
    const char *tail = "/mnemo/default.mnemo";
    ck_assert_uint_gt(strlen(c.model), strlen(tail));
    ck_assert_str_eq(c.model + strlen(c.model) - strlen(tail), tail);
    ck_assert_int_eq(c.chat_turns, 64);
    ck_assert_int_eq(c.chat_memories, 16);
    ck_assert_double_eq(c.chat_duplicate, 0.92);
    ck_assert_double_eq(c.lexical_weight, 0.9);
}
END_TEST

START_TEST(test_chat_keys_are_read)
{
    ck_assert_msg(parse("model = none\n"
                        "chat_turns = 8\n"
                        "chat_memories = 0\n"
                        "chat_duplicate = 1\n"
                        "lexical_weight = 0.25\n"
                        "max_message_bytes = 1K\n") == 0, "%s", err);
    ck_assert_str_eq(c.model, "none");
    ck_assert_int_eq(c.chat_turns, 8);
    ck_assert_int_eq(c.chat_memories, 0);
    ck_assert_double_eq(c.chat_duplicate, 1.0);
    ck_assert_double_eq(c.lexical_weight, 0.25);
    ck_assert_uint_eq(c.limits.max_message, 1024);
}
END_TEST

START_TEST(test_every_key_is_read)
{
    ck_assert_msg(parse("listen = 0.0.0.0:9000\n"
                        "db = /tmp/m.db\n"
                        "threads = 4\n"
                        "token = alice:s1\n"
                        "admin_token = root-secret\n"
                        "max_body_bytes = 2048\n"
                        "max_import_bytes = 4096\n"
                        "max_text_bytes = 100\n"
                        "max_k = 7\n"
                        "max_page = 8\n"
                        "max_batch = 9\n"
                        "max_connections = 10\n"
                        "log_level = debug\n") == 0, "%s", err);
    ck_assert_str_eq(c.listen, "0.0.0.0:9000");
    ck_assert_str_eq(c.db, "/tmp/m.db");
    ck_assert_uint_eq(c.threads, 4);
    ck_assert_uint_eq(c.n_tokens, 1);
    ck_assert_str_eq(c.admin_token, "root-secret");
    ck_assert_uint_eq(c.limits.max_body, 2048);
    ck_assert_uint_eq(c.limits.max_import_body, 4096);
    ck_assert_uint_eq(c.limits.max_text, 100);
    ck_assert_int_eq(c.limits.max_k, 7);
    ck_assert_int_eq(c.limits.max_page, 8);
    ck_assert_int_eq(c.limits.max_batch, 9);
    ck_assert_uint_eq(c.limits.max_connections, 10);
    ck_assert_int_eq(c.log_level, CONFIG_LOG_DEBUG);
}
END_TEST

START_TEST(test_comments_and_blank_lines_are_skipped)
{
    ck_assert_msg(parse("# a comment\n"
                        "\n"
                        "   \t\n"
                        "   # an indented comment\n"
                        "max_k=5\n"
                        "   max_page   =   6   \n"
                        "\n") == 0, "%s", err);
    ck_assert_int_eq(c.limits.max_k, 5);
    ck_assert_int_eq(c.limits.max_page, 6);
}
END_TEST

START_TEST(test_an_empty_file_keeps_the_defaults)
{
    ck_assert_int_eq(parse(""), 0);
    ck_assert_int_eq(c.limits.max_k, 100);
}
END_TEST

START_TEST(test_a_later_line_overrides_an_earlier_one)
{
    ck_assert_int_eq(parse("max_k = 5\nmax_k = 9\n"), 0);
    ck_assert_int_eq(c.limits.max_k, 9);
}
END_TEST

START_TEST(test_a_flag_set_after_the_file_overrides_it)
{
    ck_assert_int_eq(parse("threads = 3\n"), 0);
    ck_assert_int_eq(config_set(&c, "threads", "8", err, sizeof err), 0);
    ck_assert_uint_eq(c.threads, 8);
}
END_TEST

START_TEST(test_token_is_repeatable_and_keeps_its_order)
{
    ck_assert_msg(parse("token = alice:secret-a\n"
                        "token = bob:secret:with:colons\n"
                        "token = carol:c\n") == 0, "%s", err);
    ck_assert_uint_eq(c.n_tokens, 3);
    ck_assert_str_eq(c.tokens[0].user, "alice");
    ck_assert_str_eq(c.tokens[0].secret, "secret-a");
    ck_assert_str_eq(c.tokens[1].user, "bob");
    ck_assert_str_eq(c.tokens[1].secret, "secret:with:colons");
    ck_assert_str_eq(c.tokens[2].user, "carol");
}
END_TEST

typedef struct bad_case {
    const char *text;
    const char *want;           /* substrings the message must hold, '|'-separated */
} bad_case_t;

static const bad_case_t bad_cases[] = {
    {"colour = blue\n", "test.conf:1:|unknown key 'colour'"},
    {"\n# fine\nmax_k = 5\nmax_kk = 5\n", "test.conf:4:|max_kk"},
    {"max_k = abc\n", "test.conf:1:|max_k|abc"},
    {"max_k = 0\n", "max_k|out of range|1..1000"},
    {"max_k = 1001\n", "max_k|out of range"},
    {"max_k = -1\n", "max_k|-1"},
    {"max_k = 99999999999999999999999\n", "max_k"},
    {"max_k = 5x\n", "max_k"},
    {"max_k =\n", "max_k"},
    {"threads = 0\n", "threads|out of range"},
    {"threads = 2.5\n", "threads"},
    {"max_connections = 0\n", "max_connections|out of range"},
    {"max_body_bytes = 12\n", "max_body_bytes|out of range"},
    {"max_body_bytes = 2X\n", "max_body_bytes"},
    {"max_body_bytes = 8G\n", "max_body_bytes|out of range"},
    {"max_text_bytes = lots\n", "max_text_bytes"},
    {"log_level = loud\n", "log_level|loud"},
    {"listen = localhost\n", "listen|HOST:PORT"},
    {"listen = 127.0.0.1:70000\n", "listen"},
    {"listen = 127.0.0.1:\n", "listen"},
    {"listen = :8420\n", "listen"},
    {"listen = ::1:8420\n", "listen"},
    {"db =\n", "db|value"},
    {"token = alice\n", "token|USER:SECRET"},
    {"token = alice:\n", "token"},
    {"token = :secret\n", "token"},
    {"token = a/b:secret\n", "token"},
    {"token = alice:two words\n", "token"},
    {"admin_token = two words\n", "admin_token"},
    {"lexical_weight = 1.5\n", "lexical_weight|out of range|0..1"},
    {"lexical_weight = -0.1\n", "lexical_weight|out of range"},
    {"chat_duplicate = high\n", "chat_duplicate|not a number"},
    {"chat_duplicate = 0.9x\n", "chat_duplicate|not a number"},
    {"chat_duplicate = nan\n", "chat_duplicate"},
    {"chat_turns = 0\n", "chat_turns|out of range|1..1024"},
    {"chat_memories = 257\n", "chat_memories|out of range"},
    {"max_message_bytes = 8\n", "max_message_bytes|out of range"},
    {"model =\n", "model|value"},
    {"max_k 5\n", "test.conf:1:|key = value"},
    {" = 5\n", "test.conf:1:|key"},
};

START_TEST(test_a_bad_line_is_an_error_naming_file_line_and_key)
{
    const bad_case_t *b = &bad_cases[_i];
    ck_assert_msg(parse(b->text) == -1, "accepted: %s", b->text);
    char want[256];
    snprintf(want, sizeof want, "%s", b->want);
    for (char *save = NULL, *w = strtok_r(want, "|", &save); w; w = strtok_r(NULL, "|", &save))
        ck_assert_msg(strstr(err, w) != NULL, "'%s': message '%s' lacks '%s'", b->text, err, w);
}
END_TEST

START_TEST(test_the_first_bad_line_stops_the_parse)
{
    ck_assert_int_eq(parse("max_k = 5\nbogus = 1\nmax_page = 9\n"), -1);
    ck_assert_int_eq(c.limits.max_page, 500);
}
END_TEST

START_TEST(test_sizes_take_binary_suffixes)
{
    ck_assert_msg(parse("max_body_bytes = 2M\nmax_import_bytes = 1GiB\n"
                        "max_text_bytes = 4k\n") == 0, "%s", err);
    ck_assert_uint_eq(c.limits.max_body, 2u << 20);
    ck_assert_uint_eq(c.limits.max_import_body, (size_t)1 << 30);
    ck_assert_uint_eq(c.limits.max_text, 4096);
}
END_TEST

START_TEST(test_a_quoted_value_loses_its_quotes)
{
    ck_assert_int_eq(parse("db = \"/tmp/with space.db\"\n"), 0);
    ck_assert_str_eq(c.db, "/tmp/with space.db");
}
END_TEST

START_TEST(test_the_same_secret_twice_fails_the_check)
{
    ck_assert_int_eq(parse("token = alice:same\ntoken = bob:same\n"), 0);
    ck_assert_int_eq(config_check(&c, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "same secret"));
}
END_TEST

START_TEST(test_an_admin_secret_equal_to_a_user_secret_fails_the_check)
{
    ck_assert_int_eq(parse("token = alice:same\nadmin_token = same\n"), 0);
    ck_assert_int_eq(config_check(&c, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "admin_token"));
}
END_TEST

START_TEST(test_distinct_secrets_pass_the_check)
{
    ck_assert_int_eq(parse("token = alice:a1\ntoken = bob:b2\nadmin_token = root\n"), 0);
    ck_assert_int_eq(config_check(&c, err, sizeof err), 0);
}
END_TEST

START_TEST(test_listen_splits_host_and_port)
{
    char host[64];
    int port;
    ck_assert_int_eq(config_split_listen("127.0.0.1:8420", host, sizeof host, &port), 0);
    ck_assert_str_eq(host, "127.0.0.1");
    ck_assert_int_eq(port, 8420);
    ck_assert_int_eq(config_split_listen("[::1]:0", host, sizeof host, &port), 0);
    ck_assert_str_eq(host, "::1");
    ck_assert_int_eq(port, 0);
    ck_assert_int_eq(config_split_listen("localhost:65535", host, sizeof host, &port), 0);
    ck_assert_int_eq(port, 65535);
    ck_assert_int_eq(config_split_listen("localhost", host, sizeof host, &port), -1);
    ck_assert_int_eq(config_split_listen("[::1]8420", host, sizeof host, &port), -1);
    ck_assert_int_eq(config_split_listen("h:123456", host, sizeof host, &port), -1);
}
END_TEST

START_TEST(test_a_missing_file_is_an_error_naming_it)
{
    ck_assert_int_eq(config_load(&c, "/nonexistent/mnemo.conf", err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent/mnemo.conf"));
}
END_TEST

START_TEST(test_a_file_is_read_with_its_name_in_messages)
{
    char path[] = "/tmp/mnemo-config-test-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char text[] = "max_k = 12\n\nnope = 1\n";
    ck_assert_int_eq(write(fd, text, sizeof text - 1), (int)(sizeof text - 1));
    close(fd);
    int rc = config_load(&c, path, err, sizeof err);
    unlink(path);
    ck_assert_int_eq(rc, -1);
    ck_assert_int_eq(c.limits.max_k, 12);
    char want[64];
    snprintf(want, sizeof want, "%s:3:", path);
    ck_assert_msg(strstr(err, want) != NULL, "message '%s' lacks '%s'", err, want);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* A fake environment for config_env. */
static const char *fake_env[][2] = {{"MNEMO_MAX_K", "9"}, {"MNEMO_TOKENS", "a:s1 b:s2"},
                                    {"MNEMO_LOG_LEVEL", "debug"}, {NULL, NULL}};
static const char *fake_get(const char *name)
{
    for (int i = 0; fake_env[i][0]; i++)
        if (!strcmp(fake_env[i][0], name)) return fake_env[i][1];
    return NULL;
}

START_TEST(test_environment_variables_override_the_file)
{
    ck_assert_int_eq(parse("max_k = 7\ntoken = old:s0\nmax_page = 8\n"), 0);
    ck_assert_msg(config_env(&c, fake_get, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(c.limits.max_k, 9);
    ck_assert_int_eq(c.limits.max_page, 8);
    ck_assert_int_eq(c.log_level, CONFIG_LOG_DEBUG);
    ck_assert_uint_eq(c.n_tokens, 2);
    ck_assert_str_eq(c.tokens[1].user, "b");
}
END_TEST

static int n_live, n_restart;
static void on_change(const char *key, int live, const char *was, const char *now, void *ctx)
{
    (void)key, (void)was, (void)now, (void)ctx;
    if (live) n_live++; else n_restart++;
}

START_TEST(test_changes_say_which_keys_differ_and_whether_they_reload)
{
    mnemod_config_t d;
    ck_assert_int_eq(config_init(&d), 0);
    ck_assert_int_eq(config_parse(&d, "b.conf", "max_k = 3\nlisten = 127.0.0.1:1\n"
                                  "token = a:x\n", err, sizeof err), 0);
    n_live = n_restart = 0;
    ck_assert_int_eq(config_changes(&c, &d, on_change, NULL), 3);
    ck_assert_int_eq(n_live, 2);
    ck_assert_int_eq(n_restart, 1);
    ck_assert_int_eq(config_changes(&d, &d, NULL, NULL), 0);
    config_free(&d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("api_config");
    TCase *tc = tcase_create("config");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_defaults_match_the_documented_values);
    tcase_add_test(tc, test_every_key_is_read);
    tcase_add_test(tc, test_chat_keys_are_read);
    tcase_add_test(tc, test_environment_variables_override_the_file);
    tcase_add_test(tc, test_changes_say_which_keys_differ_and_whether_they_reload);
    tcase_add_test(tc, test_comments_and_blank_lines_are_skipped);
    tcase_add_test(tc, test_an_empty_file_keeps_the_defaults);
    tcase_add_test(tc, test_a_later_line_overrides_an_earlier_one);
    tcase_add_test(tc, test_a_flag_set_after_the_file_overrides_it);
    tcase_add_test(tc, test_token_is_repeatable_and_keeps_its_order);
    tcase_add_loop_test(tc, test_a_bad_line_is_an_error_naming_file_line_and_key, 0,
                        N(bad_cases));
    tcase_add_test(tc, test_the_first_bad_line_stops_the_parse);
    tcase_add_test(tc, test_sizes_take_binary_suffixes);
    tcase_add_test(tc, test_a_quoted_value_loses_its_quotes);
    tcase_add_test(tc, test_the_same_secret_twice_fails_the_check);
    tcase_add_test(tc, test_an_admin_secret_equal_to_a_user_secret_fails_the_check);
    tcase_add_test(tc, test_distinct_secrets_pass_the_check);
    tcase_add_test(tc, test_listen_splits_host_and_port);
    tcase_add_test(tc, test_a_missing_file_is_an_error_naming_it);
    tcase_add_test(tc, test_a_file_is_read_with_its_name_in_messages);
    suite_add_tcase(s, tc);

    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
