/* test_cli_chat.c: `mnemo chat` and `mnemo eval --server` (path in $MNEMO_CLI) against a
 * real mnemod with a tiny model, trained once per run by `mnemo train` on a bAbI-format
 * fixture this file writes and a few generated personal-fact conversations. The model
 * is too small to answer well: these tests check the plumbing (a reply line per message,
 * the JSON of each turn, the tables and their question counts, the users cleaned up),
 * never the accuracy. */
#include "tests/integration/harness.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Three-line stories: 30 in qa1 (3 held out, 2 questions each), 10 in qa2 (1 held out,
 * 1 question whose answer is a comma-separated list). */
#define QA1_STORIES 30
#define QA2_STORIES 10

static char model_dir[256], model_path[320], qa1_path[320], qa2_path[320];
static h_daemon_t D;

static void write_fixtures(void)
{
    static const char *const who[] = {"Mary", "John", "Sandra", "Daniel"};
    static const char *const where[] = {"kitchen", "garden", "office", "hallway"};
    static const char *const what[] = {"milk", "apple", "football"};
    char buf[16384];
    size_t at = 0;
    for (int s = 0; s < QA1_STORIES; s++) {
        const char *p = who[s % 4], *a = where[s % 4], *b = where[(s + 1) % 4];
        at += (size_t)snprintf(buf + at, sizeof buf - at,
                               "1 %s went to the %s.\n2 %s went to the %s.\n"
                               "3 Where is %s?\t%s\t1\n4 %s moved to the %s.\n"
                               "5 Where is %s?\t%s\t4\n",
                               p, a, who[(s + 1) % 4], b, p, a, p, b, p, b);
    }
    ck_assert_int_eq(h_write_file(qa1_path, buf, at), 0);
    at = 0;
    for (int s = 0; s < QA2_STORIES; s++) {
        const char *p = who[s % 4], *x = what[s % 3], *y = what[(s + 1) % 3];
        at += (size_t)snprintf(buf + at, sizeof buf - at,
                               "1 %s took the %s.\n2 %s took the %s.\n"
                               "3 What is %s carrying?\t%s,%s\t1 2\n",
                               p, x, p, y, p, x, y);
    }
    ck_assert_int_eq(h_write_file(qa2_path, buf, at), 0);
}

/* Runs mnemo with args (NULL-terminated), stdin from in_file (may be NULL); no token. */
typedef struct cli_result {
    int status;
    char *out, *err;
    json_t *json;             /* stdout parsed as JSON, when it is one value */
} cli_result_t;

static cli_result_t run_in(const char *in_file, ...)
{
    const char *exe = getenv("MNEMO_CLI");
    ck_assert_msg(exe && *exe, "MNEMO_CLI is not set");
    char *argv[48];
    int n = 0;
    argv[n++] = (char *)exe;
    va_list ap;
    va_start(ap, in_file);
    for (const char *a; (a = va_arg(ap, const char *)) != NULL && n < 47;)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    char *env[] = {"MNEMO_TOKEN=", "MNEMO_SERVER=", NULL};
    cli_result_t c = {0};
    c.status = h_run(argv, env, in_file, &c.out, &c.err);
    c.json = json_loads(c.out, 0, NULL);
    return c;
}
#define RUN(...) run_in(NULL, __VA_ARGS__, (const char *)NULL)
#define RUN_IN(file, ...) run_in(file, __VA_ARGS__, (const char *)NULL)

static void cli_result_clear(cli_result_t *c)
{
    free(c->out);
    free(c->err);
    json_decref(c->json);
}

#define assert_exit(c, want)                                                              \
    ck_assert_msg((c).status == (want), "exit %d, want %d; stdout: %.500s stderr: %.500s", \
                  (c).status, (want), (c).out, (c).err)

/* Once per run: the fixtures and the model (`mnemo train`, D=16, a few epochs). */
static void train_once(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(model_dir, sizeof model_dir, "%s/mnemo-it-chat-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(model_dir));
    snprintf(model_path, sizeof model_path, "%s/tiny.mnemo", model_dir);
    snprintf(qa1_path, sizeof qa1_path, "%s/qa1_tiny_train.txt", model_dir);
    snprintf(qa2_path, sizeof qa2_path, "%s/qa2_tiny_train.txt", model_dir);
    write_fixtures();
    cli_result_t c = RUN("train", qa1_path, qa2_path, "--persona", "40", "--ack", "2",
                         "--hidden", "16", "--epochs", "3", "--slots", "20", "--patience", "0",
                         "--out", model_path);
    assert_exit(c, 0);
    cli_result_clear(&c);
    ck_assert_msg(access(model_path, R_OK) == 0, "mnemo train wrote no %s", model_path);
}

static void untrain(void)
{
    unlink(model_path);
    unlink(qa1_path);
    unlink(qa2_path);
    char ckpt[400];
    snprintf(ckpt, sizeof ckpt, "%s.ckpt", model_path);
    unlink(ckpt);
    rmdir(model_dir);
}

/* No tokens: every request acts as admin, so each names its user. */
static void setup(void)
{
    h_init(&D, "");
    snprintf(D.model, sizeof D.model, "%s", model_path);
    h_start(&D);
}

static void teardown(void)
{
    ck_assert_int_eq(h_stop(&D), 0);
    h_cleanup(&D);
}

static int count_lines(const char *s, const char *prefix)
{
    int n = 0;
    for (const char *p = s; p && *p;) {
        if (strncmp(p, prefix, strlen(prefix)) == 0)
            n++;
        const char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : NULL;
    }
    return n;
}

static void write_input(char *path, size_t n, const char *text)
{
    snprintf(path, n, "%s/in.txt", D.dir);
    ck_assert_int_eq(h_write_file(path, text, strlen(text)), 0);
}

START_TEST(test_chat_prints_one_reply_line_per_message)
{
    char in[400];
    write_input(in, sizeof in, "Mary went to the kitchen.\n\nWhere is Mary?\n");
    cli_result_t c = RUN_IN(in, "--server", D.base, "chat", "--user", "alice");
    assert_exit(c, 0);
    ck_assert_msg(count_lines(c.out, "mnemo> ") == 2, "stdout: %s", c.out);
    ck_assert_msg(strstr(c.out, "you> ") == NULL, "a prompt without a terminal: %s", c.out);
    cli_result_clear(&c);
}
END_TEST

START_TEST(test_chat_json_prints_each_turn_of_the_named_conversation)
{
    char in[400];
    write_input(in, sizeof in, "Mary went to the kitchen.\nWhere is Mary?\n");
    cli_result_t c = RUN_IN(in, "--server", D.base, "--json", "chat", "--user", "alice",
                            "--conversation", "c-json");
    assert_exit(c, 0);
    char *second = strchr(c.out, '\n');
    ck_assert_ptr_nonnull(second);
    *second++ = '\0';
    json_t *t1 = json_loads(c.out, 0, NULL), *t2 = json_loads(second, 0, NULL);
    ck_assert_msg(t1 && t2, "not two JSON lines: %s / %s", c.out, second);
    ck_assert_str_eq(json_string_value(json_object_get(t1, "conversation")), "c-json");
    ck_assert(json_is_string(json_object_get(t2, "reply")));
    ck_assert_int_gt(json_integer_value(json_object_get(t2, "turn")),
                     json_integer_value(json_object_get(t1, "turn")));
    /* the second message sees the first one's turns in working memory */
    ck_assert_int_ge(json_array_size(json_object_get(t2, "attention")), 1);
    json_decref(t1);
    json_decref(t2);
    cli_result_clear(&c);

    h_resp_t r;
    h_get(&D, NULL, "/v1/conversations/c-json?user=alice", &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_int_eq(json_array_size(json_object_get(r.json, "turns")), 4);
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_chat_show_prints_attention_memories_and_the_turn_texts)
{
    char in[400];
    write_input(in, sizeof in,
                "My cat is called Bingo.\nWhat is my cat called?\n:memories\n:show off\n"
                "Thanks!\n:quit\nnever sent\n");
    cli_result_t c = RUN_IN(in, "--server", D.base, "chat", "--user", "alice", "--show",
                            "attention,memories");
    assert_exit(c, 0);
    ck_assert_msg(count_lines(c.out, "mnemo> ") == 3, "stdout: %s", c.out);
    /* shown after the 2 replies with --show, then once by :memories */
    ck_assert_msg(count_lines(c.out, "  attention over ") == 2, "stdout: %s", c.out);
    ck_assert_msg(count_lines(c.out, "  memories used: ") == 3, "stdout: %s", c.out);
    ck_assert_msg(strstr(c.out, "My cat is called Bingo.") != NULL,
                  "the attended turn is not named: %s", c.out);
    cli_result_clear(&c);
}
END_TEST

START_TEST(test_chat_prints_the_servers_error_and_exits_1)
{
    char in[400];
    write_input(in, sizeof in, "Hello.\nHello again.\n");
    /* no token and no --user: the server wants a user */
    cli_result_t c = RUN_IN(in, "--server", D.base, "chat");
    assert_exit(c, 1);
    ck_assert_msg(strstr(c.err, "422") && strstr(c.err, "validation_failed"), "stderr: %s",
                  c.err);
    ck_assert_int_eq(count_lines(c.out, "mnemo> "), 0);
    cli_result_clear(&c);
    c = RUN("--server", D.base, "chat", "--show", "everything");
    assert_exit(c, 2);
    cli_result_clear(&c);
}
END_TEST

/* The question counts of the tables: "| 1 | 6 |" -> 6 for task 1, -1 when absent. */
static int table_count(const char *out, int task)
{
    char want[32];
    snprintf(want, sizeof want, "| %d | ", task);
    const char *p = strstr(out, want);
    return p ? atoi(p + strlen(want)) : -1;
}

START_TEST(test_eval_server_prints_the_babi_table_of_the_held_out_split)
{
    cli_result_t c = RUN("--server", D.base, "eval", "--only", "babi", "--jobs", "3", qa1_path,
                         qa2_path);
    assert_exit(c, 0);
    ck_assert_msg(table_count(c.out, 1) == 6, "stdout: %s", c.out);
    ck_assert_msg(table_count(c.out, 2) == 1, "stdout: %s", c.out);
    ck_assert_msg(strstr(c.out, "mean error ") && strstr(c.out, "failed tasks "), "stdout: %s",
                  c.out);
    /* the in-process eval holds out the same stories */
    cli_result_t m = RUN("eval", "--model", model_path, qa1_path, qa2_path);
    assert_exit(m, 0);
    ck_assert_int_eq(table_count(m.out, 1), 6);
    ck_assert_int_eq(table_count(m.out, 2), 1);
    cli_result_clear(&m);
    cli_result_clear(&c);

    c = RUN("--server", D.base, "--json", "eval", "--only", "babi", "--limit-stories", "1",
            qa1_path, qa2_path);
    assert_exit(c, 0);
    json_t *tasks = json_object_get(json_object_get(c.json, "babi"), "tasks");
    ck_assert_msg(json_array_size(tasks) == 2, "stdout: %s", c.out);
    ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(tasks, 0), "questions")),
                     2);
    ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(tasks, 1), "questions")),
                     1);
    cli_result_clear(&c);
}
END_TEST

START_TEST(test_eval_server_deletes_its_users_unless_keep)
{
    for (int keep = 0; keep < 2; keep++) {
        cli_result_t c = keep ? RUN("--server", D.base, "--json", "eval", "--only", "babi",
                                    "--limit-stories", "1", "--keep", qa2_path)
                              : RUN("--server", D.base, "--json", "eval", "--only", "babi",
                                    "--limit-stories", "1", qa2_path);
        assert_exit(c, 0);
        const char *run = json_string_value(json_object_get(c.json, "run"));
        ck_assert_ptr_nonnull(run);
        char path[256];
        snprintf(path, sizeof path, "/v1/conversations/eval-%s-b0?user=eval-%s-b0", run, run);
        h_resp_t r;
        h_get(&D, NULL, path, &r);
        h_assert_reply(&r, keep ? 200 : 404, NULL);
        if (keep) /* 3 lines, each a message and a reply */
            ck_assert_int_eq(json_array_size(json_object_get(r.json, "turns")), 6);
        h_resp_clear(&r);
        cli_result_clear(&c);
    }
}
END_TEST

START_TEST(test_eval_server_plays_personal_facts_around_the_restart_command)
{
    char marker[400], cmd[480];
    snprintf(marker, sizeof marker, "%s/restarted", D.dir);
    snprintf(cmd, sizeof cmd, "touch '%s'", marker);
    cli_result_t c = RUN("--server", D.base, "eval", "--only", "persona", "--persona", "3",
                         "--seed", "5", "--restart-cmd", cmd);
    assert_exit(c, 0);
    ck_assert_msg(access(marker, F_OK) == 0, "the restart command did not run");
    static const char *const rows[] = {"| questions, all |", "|   same conversation |",
                                       "|   other conversation |", "|   after restart |",
                                       "| never told", "| statements acknowledged",
                                       "| small talk |"};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        ck_assert_msg(strstr(c.out, rows[i]) != NULL, "no row '%s': %s", rows[i], c.out);
    cli_result_clear(&c);

    c = RUN("--server", D.base, "--json", "eval", "--only", "persona", "--persona", "3",
            "--seed", "5");
    assert_exit(c, 0);
    json_t *p = json_object_get(c.json, "persona");
    json_t *rows_j = json_object_get(p, "rows");
    ck_assert_msg(json_is_false(json_object_get(p, "restarted")), "stdout: %s", c.out);
    ck_assert_int_gt(json_integer_value(json_object_get(json_object_get(rows_j, "questions"),
                                                        "n")), 0);
    ck_assert_int_gt(json_integer_value(json_object_get(
                         json_object_get(rows_j, "statements_acknowledged"), "n")), 0);
    cli_result_clear(&c);
    c = RUN("--server", D.base, "eval", "--only", "persona", "--persona", "2");
    assert_exit(c, 0);
    ck_assert_msg(strstr(c.out, "after restart (no restart: --restart-cmd not given)"),
                  "stdout: %s", c.out);
    cli_result_clear(&c);
}
END_TEST

START_TEST(test_eval_server_refuses_bad_options_and_a_failed_restart)
{
    cli_result_t c = RUN("--server", D.base, "eval", "--only", "both");
    assert_exit(c, 2);
    cli_result_clear(&c);
    c = RUN("--server", D.base, "eval", "--model", model_path, qa1_path);
    assert_exit(c, 2);
    cli_result_clear(&c);
    c = RUN("--server", D.base, "eval", "--only", "persona", "--persona", "1", "--restart-cmd",
            "exit 3");
    assert_exit(c, 1);
    ck_assert_msg(strstr(c.err, "--restart-cmd failed") != NULL, "stderr: %s", c.err);
    cli_result_clear(&c);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("cli_chat");
    TCase *tc = tcase_create("cli_chat");
    tcase_add_unchecked_fixture(tc, train_once, untrain);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_chat_prints_one_reply_line_per_message);
    tcase_add_test(tc, test_chat_json_prints_each_turn_of_the_named_conversation);
    tcase_add_test(tc, test_chat_show_prints_attention_memories_and_the_turn_texts);
    tcase_add_test(tc, test_chat_prints_the_servers_error_and_exits_1);
    tcase_add_test(tc, test_eval_server_prints_the_babi_table_of_the_held_out_split);
    tcase_add_test(tc, test_eval_server_deletes_its_users_unless_keep);
    tcase_add_test(tc, test_eval_server_plays_personal_facts_around_the_restart_command);
    tcase_add_test(tc, test_eval_server_refuses_bad_options_and_a_failed_restart);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}
