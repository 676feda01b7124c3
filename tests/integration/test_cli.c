/* test_cli.c: the mnemo client (path in $MNEMO_CLI) against a real mnemod with tokens:
 * remember, search, get, edit, forget, list, export, import and forget-user, their
 * --json output parsed back, their readable output, and the exit codes (0 ok, 1 the
 * server refused, 2 usage, 3 no server). */
#include "tests/integration/harness.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

#define ALICE "alice-secret-0123456789"
#define ADMIN "admin-secret-abcdefabcdef"

static h_daemon_t D;

static void setup(void)
{
    h_init(&D, "token = alice:" ALICE "\nadmin_token = " ADMIN "\n");
    h_start(&D);
}

static void teardown(void)
{
    ck_assert_int_eq(h_stop(&D), 0);
    h_cleanup(&D);
}

typedef struct cli_result {
    int status;
    char *out, *err;
    json_t *json;             /* stdout parsed as JSON, when it is */
} cli_result_t;

static void cli_result_clear(cli_result_t *c)
{
    free(c->out);
    free(c->err);
    json_decref(c->json);
}

/* Runs mnemo with env (NULL-terminated list or NULL) and the NULL-terminated args,
 * with stdin from in_file (may be NULL). */
static cli_result_t run_env(char *const env[], const char *in_file, ...)
{
    const char *exe = getenv("MNEMO_CLI");
    ck_assert_msg(exe && *exe, "MNEMO_CLI is not set");
    char *argv[32];
    int n = 0;
    argv[n++] = (char *)exe;
    va_list ap;
    va_start(ap, in_file);
    for (const char *a; (a = va_arg(ap, const char *)) != NULL && n < 31;)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    cli_result_t c = {0};
    c.status = h_run(argv, env, in_file, &c.out, &c.err);
    c.json = json_loads(c.out, 0, NULL);
    return c;
}

/* mnemo --server <D> <args...> as alice. */
#define RUN(...) run_as(ALICE, NULL, __VA_ARGS__, (const char *)NULL)
static cli_result_t run_as(const char *token, const char *in_file, ...)
{
    static char tok[128];
    snprintf(tok, sizeof tok, "MNEMO_TOKEN=%s", token ? token : "");
    char *env[] = {tok, "MNEMO_SERVER=", NULL};
    const char *exe = getenv("MNEMO_CLI");
    ck_assert_msg(exe && *exe, "MNEMO_CLI is not set");
    char *argv[32];
    int n = 0;
    argv[n++] = (char *)exe;
    argv[n++] = "--server";
    argv[n++] = D.base;
    va_list ap;
    va_start(ap, in_file);
    for (const char *a; (a = va_arg(ap, const char *)) != NULL && n < 31;)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    cli_result_t c = {0};
    c.status = h_run(argv, env, in_file, &c.out, &c.err);
    c.json = json_loads(c.out, 0, NULL);
    return c;
}

#define assert_exit(c, want)                                                              \
    ck_assert_msg((c).status == (want), "exit %d, want %d; stdout: %.300s stderr: %.300s", \
                  (c).status, (want), (c).out, (c).err)

static int64_t remember(const char *text)
{
    cli_result_t c = RUN("--json", "remember", text);
    assert_exit(c, 0);
    int64_t id = h_id(c.json);
    ck_assert_int_gt(id, 0);
    cli_result_clear(&c);
    return id;
}

START_TEST(test_cli_remember_prints_the_new_memory_as_json)
{
    cli_result_t c = RUN("--json", "remember", "My dog is called Rex.", "--conversation", "c1",
                         "--importance", "0.7");
    assert_exit(c, 0);
    ck_assert_msg(json_is_object(c.json), "not JSON: %s", c.out);
    ck_assert_str_eq(json_string_value(json_object_get(c.json, "text")), "My dog is called Rex.");
    ck_assert_str_eq(json_string_value(json_object_get(c.json, "user")), "alice");
    ck_assert_str_eq(json_string_value(json_object_get(c.json, "conversation")), "c1");
    ck_assert(json_number_value(json_object_get(c.json, "importance")) > 0.69);
    cli_result_clear(&c);
}
END_TEST

START_TEST(test_cli_remember_joins_its_words_and_prints_the_id)
{
    cli_result_t c = RUN("remember", "My", "cat", "is", "called", "Tom.");
    assert_exit(c, 0);
    long long id = 0;
    ck_assert_msg(sscanf(c.out, "remembered %lld", &id) == 1 && id > 0, "stdout: %s", c.out);
    cli_result_clear(&c);
    char path[64];
    h_resp_t r;
    snprintf(path, sizeof path, "/v1/memories/%lld", id);
    h_get(&D, ALICE, path, &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_str_eq(json_string_value(json_object_get(r.json, "text")), "My cat is called Tom.");
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_cli_search_puts_the_relevant_memory_first)
{
    remember("I work as a nurse in Lisbon.");
    int64_t dog = remember("My dog is called Rex.");
    remember("My sister Anna plays chess.");
    cli_result_t c = RUN("--json", "search", "what is my dog called", "-k", "2");
    assert_exit(c, 0);
    json_t *res = json_object_get(c.json, "results");
    ck_assert_msg(json_array_size(res) >= 1 && json_array_size(res) <= 2, "%s", c.out);
    ck_assert_int_eq(h_id(json_array_get(res, 0)), dog);
    cli_result_clear(&c);

    c = RUN("search", "what", "is", "my", "dog", "called");
    assert_exit(c, 0);
    char want[64];
    snprintf(want, sizeof want, "  %lld  My dog is called Rex.", (long long)dog);
    char *nl = strchr(c.out, '\n');
    ck_assert_ptr_nonnull(nl);
    *nl = '\0';
    ck_assert_msg(strstr(c.out, want) != NULL, "first line '%s' lacks '%s'", c.out, want);
    cli_result_clear(&c);
}
END_TEST

START_TEST(test_cli_get_prints_the_memory)
{
    int64_t id = remember("The spare key is under the blue pot.");
    char ids[32];
    snprintf(ids, sizeof ids, "%lld", (long long)id);
    cli_result_t c = RUN("--json", "get", ids);
    assert_exit(c, 0);
    ck_assert_int_eq(h_id(c.json), id);
    ck_assert_str_eq(json_string_value(json_object_get(c.json, "text")),
                     "The spare key is under the blue pot.");
    cli_result_clear(&c);
    c = RUN("get", ids);
    assert_exit(c, 0);
    ck_assert_ptr_nonnull(strstr(c.out, "The spare key is under the blue pot."));
    cli_result_clear(&c);
}
END_TEST

START_TEST(test_cli_edit_changes_the_text_and_importance)
{
    int64_t id = remember("My car is red.");
    char ids[32];
    snprintf(ids, sizeof ids, "%lld", (long long)id);
    cli_result_t c = RUN("--json", "edit", ids, "--text", "My car is blue.", "--importance", "0.9");
    assert_exit(c, 0);
    ck_assert_str_eq(json_string_value(json_object_get(c.json, "text")), "My car is blue.");
    cli_result_clear(&c);
    c = RUN("--json", "get", ids);
    ck_assert_str_eq(json_string_value(json_object_get(c.json, "text")), "My car is blue.");
    ck_assert(json_number_value(json_object_get(c.json, "importance")) > 0.89);
    cli_result_clear(&c);
}
END_TEST

START_TEST(test_cli_forget_deletes_and_forgetting_again_exits_1)
{
    int64_t id = remember("Temporary note.");
    char ids[32];
    snprintf(ids, sizeof ids, "%lld", (long long)id);
    cli_result_t c = RUN("forget", ids);
    assert_exit(c, 0);
    cli_result_clear(&c);
    c = RUN("forget", ids);
    assert_exit(c, 1);
    ck_assert_msg(strstr(c.err, "not_found") != NULL, "stderr: %s", c.err);
    cli_result_clear(&c);
    c = RUN("get", ids);
    assert_exit(c, 1);
    ck_assert_msg(strstr(c.err, "404") && strstr(c.err, "not_found"), "stderr: %s", c.err);
    cli_result_clear(&c);
}
END_TEST

START_TEST(test_cli_list_all_follows_every_page)
{
    for (int i = 0; i < 12; i++) {
        char t[64];
        snprintf(t, sizeof t, "Listed note %d.", i);
        remember(t);
    }
    cli_result_t c = RUN("--json", "list", "--limit", "5", "--all");
    assert_exit(c, 0);
    ck_assert_int_eq(json_array_size(json_object_get(c.json, "memories")), 12);
    cli_result_clear(&c);
    c = RUN("--json", "list", "--limit", "5");
    assert_exit(c, 0);
    ck_assert_int_eq(json_array_size(json_object_get(c.json, "memories")), 5);
    const char *cursor = json_string_value(json_object_get(c.json, "next_cursor"));
    ck_assert_ptr_nonnull(cursor);
    cli_result_t c2 = RUN("--json", "list", "--limit", "5", "--cursor", cursor);
    assert_exit(c2, 0);
    ck_assert_int_eq(json_array_size(json_object_get(c2.json, "memories")), 5);
    cli_result_clear(&c2);
    cli_result_clear(&c);
    c = RUN("list", "--all");
    assert_exit(c, 0);
    int lines = 0;
    for (const char *p = c.out; *p; p++)
        lines += *p == '\n';
    ck_assert_int_eq(lines, 12);
    cli_result_clear(&c);
}
END_TEST

START_TEST(test_cli_export_then_import_restores_a_forgotten_user)
{
    for (int i = 0; i < 4; i++) {
        char t[64];
        snprintf(t, sizeof t, "Exported note %d.", i);
        remember(t);
    }
    cli_result_t c = RUN("export", "alice");
    assert_exit(c, 0);
    char file[400];
    snprintf(file, sizeof file, "%s/alice.jsonl", D.dir);
    ck_assert_int_eq(h_write_file(file, c.out, strlen(c.out)), 0);
    int lines = 0;
    for (const char *p = c.out; *p; p++)
        lines += *p == '\n';
    ck_assert_int_eq(lines, 4);
    cli_result_clear(&c);

    c = RUN("forget-user", "alice");
    assert_exit(c, 0);
    cli_result_clear(&c);
    c = RUN("--json", "list");
    ck_assert_int_eq(json_array_size(json_object_get(c.json, "memories")), 0);
    cli_result_clear(&c);

    c = RUN("import", "alice", file);
    assert_exit(c, 0);
    ck_assert_msg(strstr(c.out, "imported 4") != NULL, "stdout: %s", c.out);
    cli_result_clear(&c);
    c = RUN("export", "alice");
    char *again = h_read_file(file, NULL);
    ck_assert_str_eq(c.out, again);
    free(again);
    cli_result_clear(&c);
}
END_TEST

START_TEST(test_cli_import_reads_stdin_and_a_second_import_exits_1)
{
    char file[400];
    static const char lines[] = "{\"id\": 777, \"text\": \"From stdin.\"}\n";
    snprintf(file, sizeof file, "%s/in.jsonl", D.dir);
    ck_assert_int_eq(h_write_file(file, lines, sizeof lines - 1), 0);
    cli_result_t c = run_as(ALICE, file, "--json", "import", "alice", "-", (const char *)NULL);
    assert_exit(c, 0);
    ck_assert_int_eq(json_integer_value(json_object_get(c.json, "imported")), 1);
    cli_result_clear(&c);
    c = run_as(ALICE, file, "import", "alice", (const char *)NULL);
    assert_exit(c, 1);
    ck_assert_msg(strstr(c.err, "409") && strstr(c.err, "conflict"), "stderr: %s", c.err);
    cli_result_clear(&c);
    /* --new-ids imports it again under a fresh id, and --json maps the old to the new. */
    c = run_as(ALICE, file, "--json", "import", "alice", "--new-ids", (const char *)NULL);
    assert_exit(c, 0);
    json_t *pair = json_array_get(json_object_get(c.json, "ids"), 0);
    ck_assert_int_eq(json_integer_value(json_object_get(pair, "old")), 777);
    ck_assert_int_eq(json_integer_value(json_object_get(pair, "new")), 778);
    cli_result_clear(&c);
}
END_TEST

START_TEST(test_cli_forget_user_reports_the_count)
{
    remember("One.");
    remember("Two.");
    cli_result_t c = run_as(ADMIN, NULL, "--json", "forget-user", "alice", (const char *)NULL);
    assert_exit(c, 0);
    ck_assert_int_eq(json_integer_value(json_object_get(c.json, "deleted_memories")), 2);
    cli_result_clear(&c);
}
END_TEST

START_TEST(test_cli_usage_errors_exit_2)
{
    static const char *const cases[][4] = {
        {"remember", NULL},
        {"get", NULL},
        {"get", "abc", NULL},
        {"get", "1", "2", NULL},
        {"edit", "1", NULL},
        {"search", "dog", "-k", NULL},
        {"search", "dog", "-k", "many"},
        {"remember", "x", "--importance", "lots"},
        {"frobnicate", NULL},
        {"list", "--bogus", NULL},
        {"export", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cli_result_t c = run_as(ALICE, NULL, cases[i][0], cases[i][1], cases[i][2], cases[i][3],
                                (const char *)NULL);
        ck_assert_msg(c.status == 2, "case %zu (%s %s): exit %d, stderr %s", i, cases[i][0],
                      cases[i][1] ? cases[i][1] : "", c.status, c.err);
        ck_assert_msg(strlen(c.err) > 0, "case %zu: no message", i);
        cli_result_clear(&c);
    }
}
END_TEST

START_TEST(test_cli_unreachable_server_exits_3)
{
    /* A port that was free a moment ago: nothing listens there. */
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t al = sizeof a;
    ck_assert_int_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&a, &al), 0);
    close(fd);
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d", ntohs(a.sin_port));
    char *env[] = {"MNEMO_TOKEN=x", NULL};
    cli_result_t c = run_env(env, NULL, "--server", url, "get", "1", (const char *)NULL);
    assert_exit(c, 3);
    ck_assert(strlen(c.err) > 0);
    cli_result_clear(&c);
}
END_TEST

START_TEST(test_cli_refused_request_exits_1_with_the_error_code)
{
    cli_result_t c = run_as("not-a-token", NULL, "search", "dog", (const char *)NULL);
    assert_exit(c, 1);
    ck_assert_msg(strstr(c.err, "401") && strstr(c.err, "unauthorized"), "stderr: %s", c.err);
    cli_result_clear(&c);
    c = RUN("search", "dog", "-k", "0");
    assert_exit(c, 1);
    ck_assert_msg(strstr(c.err, "invalid_parameter") != NULL, "stderr: %s", c.err);
    cli_result_clear(&c);
}
END_TEST

START_TEST(test_cli_reads_the_server_and_token_from_the_environment)
{
    char server[96], token[64];
    snprintf(server, sizeof server, "MNEMO_SERVER=%s", D.base);
    snprintf(token, sizeof token, "MNEMO_TOKEN=%s", ALICE);
    char *env[] = {server, token, NULL};
    cli_result_t c = run_env(env, NULL, "--json", "remember", "From the environment.",
                             (const char *)NULL);
    assert_exit(c, 0);
    ck_assert_str_eq(json_string_value(json_object_get(c.json, "user")), "alice");
    cli_result_clear(&c);
}
END_TEST

START_TEST(test_cli_help_exits_0_and_names_every_command)
{
    static const char *const cmds[] = {"remember", "search", "list", "get", "edit",
                                       "forget", "export", "import", "forget-user"};
    cli_result_t c = run_env(NULL, NULL, "--help", (const char *)NULL);
    assert_exit(c, 0);
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
        ck_assert_msg(strstr(c.out, cmds[i]) != NULL, "--help lacks %s", cmds[i]);
    cli_result_clear(&c);
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        c = run_env(NULL, NULL, "help", cmds[i], (const char *)NULL);
        assert_exit(c, 0);
        ck_assert_msg(strstr(c.out, "usage: mnemo") != NULL, "help %s: %s", cmds[i], c.out);
        cli_result_clear(&c);
    }
}
END_TEST

/* `mnemo gate statements`: a probe's say steps as labelled sentences for the gate, every
 * sentence of small talk and those of a fact that hold its value; a file that is not a
 * probe is refused with its name and line. */
START_TEST(test_cli_gate_statements_labels_a_probes_sentences)
{
    char path[512], bad[512];
    snprintf(path, sizeof path, "%s/probe.jsonl", D.dir);
    snprintf(bad, sizeof bad, "%s/bad.jsonl", D.dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("{\"user\": \"z1\", \"steps\": ["
          "{\"say\": \"Foggy again on the quay. Ferries all late!\", \"conversation\": \"a\", "
          "\"type\": \"smalltalk\"}, "
          "{\"say\": \"Long week. I repair clocks in Ghent.\", \"conversation\": \"a\", "
          "\"type\": \"fact\", \"facts\": {\"job\": \"repair clocks\"}}, "
          "{\"say\": \"forget the clocks\", \"conversation\": \"a\", \"type\": \"forget\", "
          "\"forget\": [\"job\"]}, "
          "{\"ask\": \"what do I do?\", \"conversation\": \"b\", \"expect\": [\"clocks\"]}]}\n",
          f);
    fclose(f);
    f = fopen(bad, "w");
    ck_assert_ptr_nonnull(f);
    fputs("\n{\"user\": \"z2\"}\n", f);
    fclose(f);
    cli_result_t c = run_env(NULL, NULL, "gate", "statements", path, (const char *)NULL);
    assert_exit(c, 0);
    ck_assert_str_eq(c.out, "{\"text\":\"Foggy again on the quay.\",\"chat\":true}\n"
                            "{\"text\":\"Ferries all late!\",\"chat\":true}\n"
                            "{\"text\":\"I repair clocks in Ghent.\",\"chat\":false}\n");
    cli_result_clear(&c);
    c = run_env(NULL, NULL, "gate", "statements", bad, (const char *)NULL);
    assert_exit(c, 2);
    ck_assert_msg(strstr(c.err, "bad.jsonl:2") != NULL, "stderr: %s", c.err);
    cli_result_clear(&c);
    /* and `gate train --people` refuses a file that is not labelled, before training */
    c = run_env(NULL, NULL, "gate", "train", "-m", "x.mnemo", "-o", "y.mnemo", "--people", path,
                (const char *)NULL);
    assert_exit(c, 2);
    ck_assert_msg(strstr(c.err, "probe.jsonl:1") != NULL, "stderr: %s", c.err);
    cli_result_clear(&c);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("cli");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_cli_remember_prints_the_new_memory_as_json);
    tcase_add_test(tc, test_cli_remember_joins_its_words_and_prints_the_id);
    tcase_add_test(tc, test_cli_search_puts_the_relevant_memory_first);
    tcase_add_test(tc, test_cli_get_prints_the_memory);
    tcase_add_test(tc, test_cli_edit_changes_the_text_and_importance);
    tcase_add_test(tc, test_cli_forget_deletes_and_forgetting_again_exits_1);
    tcase_add_test(tc, test_cli_list_all_follows_every_page);
    tcase_add_test(tc, test_cli_export_then_import_restores_a_forgotten_user);
    tcase_add_test(tc, test_cli_import_reads_stdin_and_a_second_import_exits_1);
    tcase_add_test(tc, test_cli_forget_user_reports_the_count);
    tcase_add_test(tc, test_cli_usage_errors_exit_2);
    tcase_add_test(tc, test_cli_unreachable_server_exits_3);
    tcase_add_test(tc, test_cli_refused_request_exits_1_with_the_error_code);
    tcase_add_test(tc, test_cli_reads_the_server_and_token_from_the_environment);
    tcase_add_test(tc, test_cli_help_exits_0_and_names_every_command);
    tcase_add_test(tc, test_cli_gate_statements_labels_a_probes_sentences);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}
