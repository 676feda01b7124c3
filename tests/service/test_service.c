/* test_service.c: mnemod as a system service, against the real daemon: sd_notify on a
 * NOTIFY_SOCKET (EXTEND_TIMEOUT_USEC while the database opens, READY=1 only once /readyz
 * answers, STOPPING=1 after SIGTERM), SIGTERM
 * while clients write (every acknowledged write survives, exit 0), bad configuration
 * (exit 2 naming the line), --check-config, the precedence file < environment < flags,
 * SIGHUP reloads (a new token works; a bad file keeps the old settings) and /metrics
 * as Prometheus text whose counters follow the requests. */
#include "tests/integration/harness.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "tests/service/prom.h"

static h_daemon_t D;

static void teardown(void)
{
    h_cleanup(&D);
}

/* Waits (up to 30 s; a hang, not a timing threshold) until the log contains what. */
static int log_waits_for(const h_daemon_t *d, const char *what)
{
    for (int i = 0; i < 3000; i++) {
        char *log = h_log(d);
        int found = strstr(log, what) != NULL;
        free(log);
        if (found) return 1;
        usleep(10000);
    }
    return 0;
}

static int count_in_log(const h_daemon_t *d, const char *what)
{
    char *log = h_log(d);
    int n = 0;
    for (const char *p = log; (p = strstr(p, what)) != NULL; p++) n++;
    free(log);
    return n;
}

/* ---- sd_notify ------------------------------------------------------------------- */

/* Receives one datagram (up to 30 s). Returns its length, or -1. */
static ssize_t recv_notify(int fd, char *buf, size_t cap)
{
    struct pollfd p = {.fd = fd, .events = POLLIN};
    if (poll(&p, 1, 30000) != 1) return -1;
    ssize_t n = recv(fd, buf, cap - 1, 0);
    if (n >= 0) buf[n] = '\0';
    return n;
}

static int has_line(const char *msg, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = msg; (p = strstr(p, line)) != NULL; p++)
        if ((p == msg || p[-1] == '\n') && (p[n] == '\0' || p[n] == '\n')) return 1;
    return 0;
}

START_TEST(test_ready_comes_after_readyz_answers_and_stopping_after_sigterm)
{
    h_init(&D, NULL);
    char sock[400];
    snprintf(sock, sizeof sock, "%s/notify", D.dir);
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    ck_assert_int_ge(fd, 0);
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    ck_assert(strlen(sock) < sizeof sa.sun_path);
    strcpy(sa.sun_path, sock);
    ck_assert_msg(bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0, "bind: %s", strerror(errno));
    setenv("NOTIFY_SOCKET", sock, 1);
    h_spawn(&D, "127.0.0.1:0");
    unsetenv("NOTIFY_SOCKET");

    char msg[4096];
    int ready = 0, extended = 0;
    while (!ready) {
        ck_assert_msg(recv_notify(fd, msg, sizeof msg) >= 0, "no READY=1 from mnemod");
        /* while the database opens, systemd is asked for more start time */
        extended |= has_line(msg, "EXTEND_TIMEOUT_USEC=30000000");
        if (!has_line(msg, "READY=1")) continue;
        ck_assert_msg(extended, "no EXTEND_TIMEOUT_USEC before READY=1");
        ready = 1;
        /* At this moment the daemon must already answer /readyz with 200. */
        char *port = h_read_file(D.port_file, NULL);
        ck_assert_msg(port != NULL, "READY=1 before the port file was written");
        D.port = atoi(port);
        free(port);
        snprintf(D.base, sizeof D.base, "http://127.0.0.1:%d", D.port);
        h_resp_t r;
        h_get(&D, NULL, "/readyz", &r);
        h_assert_reply(&r, 200, NULL);
        h_resp_clear(&r);
    }
    kill(D.pid, SIGTERM);
    int stopping = 0;
    while (!stopping) {
        ck_assert_msg(recv_notify(fd, msg, sizeof msg) >= 0, "no STOPPING=1 after SIGTERM");
        stopping = has_line(msg, "STOPPING=1");
    }
    ck_assert_int_eq(h_wait_exit(&D, 30000), 0);
    close(fd);
}
END_TEST

/* ---- SIGTERM while writing -------------------------------------------------------- */

#define WRITERS 4
#define MAX_ACKS 100000

typedef struct writer {
    int64_t ids[MAX_ACKS];
    size_t n;
    int no;
} writer_t;

static writer_t writers[WRITERS];
static atomic_int total_acks;

static void *write_until_refused(void *arg)
{
    writer_t *w = arg;
    char text[128];
    for (size_t i = 0; w->n < MAX_ACKS; i++) {
        h_resp_t r;
        snprintf(text, sizeof text, "writer %d wrote note number %zu", w->no, i);
        h_send(&D, "POST", NULL, "/v1/memories",
               json_pack("{s:s,s:s}", "user", "alice", "text", text), &r);
        int ok = r.status == 201 && r.json;
        if (ok) {
            w->ids[w->n++] = h_id(r.json);
            atomic_fetch_add(&total_acks, 1);
        }
        h_resp_clear(&r);
        if (!ok) break;     /* refused or closed: the daemon is stopping */
    }
    return NULL;
}

START_TEST(test_sigterm_while_clients_write_keeps_every_acknowledged_write)
{
    pthread_t t[WRITERS];
    h_init(&D, NULL);
    h_start(&D);
    for (int i = 0; i < WRITERS; i++) {
        writers[i].no = i;
        writers[i].n = 0;
        ck_assert_int_eq(pthread_create(&t[i], NULL, write_until_refused, &writers[i]), 0);
    }
    while (atomic_load(&total_acks) < 50) usleep(1000);   /* the writes are under way */
    ck_assert_int_eq(h_stop(&D), 0);
    for (int i = 0; i < WRITERS; i++) pthread_join(t[i], NULL);

    h_start(&D);
    size_t checked = 0;
    for (int i = 0; i < WRITERS; i++)
        for (size_t j = 0; j < writers[i].n; j++, checked++) {
            char path[64];
            h_resp_t r;
            snprintf(path, sizeof path, "/v1/memories/%lld", (long long)writers[i].ids[j]);
            h_get(&D, NULL, path, &r);
            h_assert_reply(&r, 200, NULL);
            h_resp_clear(&r);
        }
    ck_assert_uint_ge(checked, 50);
    ck_assert_int_eq(h_stop(&D), 0);
}
END_TEST

/* ---- bad configuration ------------------------------------------------------------ */

static void assert_start_fails(const char *config, const char *want)
{
    h_init(&D, config);
    h_spawn(&D, "127.0.0.1:0");
    int st = h_wait_exit(&D, 30000);
    char *log = h_log(&D);
    ck_assert_msg(st == 2, "exit status %d, want 2; log: %s", st, log);
    ck_assert_msg(strstr(log, want), "the message does not name '%s': %s", want, log);
    free(log);
}

START_TEST(test_an_unknown_key_exits_2_naming_file_line_and_key)
{
    assert_start_fails("# comment\n\nmax_k = 5\nno_such_key = 1\n",
                       "mnemod.conf:4: unknown key 'no_such_key'");
}
END_TEST

START_TEST(test_a_bad_value_exits_2_naming_file_line_and_key)
{
    assert_start_fails("max_k = 5\nthreads = lots\n", "mnemod.conf:2: threads: 'lots'");
}
END_TEST

START_TEST(test_a_value_out_of_range_exits_2_naming_the_line)
{
    assert_start_fails("log_level = info\nmax_k = 0\n", "mnemod.conf:2: max_k");
}
END_TEST

START_TEST(test_an_unreadable_config_file_exits_2)
{
    h_init(&D, NULL);
    /* A directory where the file should be: unreadable even for root. */
    ck_assert_int_eq(mkdir(D.config, 0700), 0);
    D.has_config = 1;
    h_spawn(&D, "127.0.0.1:0");
    int st = h_wait_exit(&D, 30000);
    char *log = h_log(&D);
    ck_assert_msg(st == 2, "exit status %d, want 2; log: %s", st, log);
    ck_assert_msg(strstr(log, "mnemod.conf"), "the message does not name the file: %s", log);
    free(log);
}
END_TEST

START_TEST(test_a_missing_explicit_config_file_exits_2)
{
    h_init(&D, NULL);
    D.has_config = 1;       /* --config names a file that does not exist */
    h_spawn(&D, "127.0.0.1:0");
    ck_assert_int_eq(h_wait_exit(&D, 30000), 2);
}
END_TEST

static int check_config(const char *path, char **out, char **err)
{
    char *argv[] = {getenv("MNEMOD"), "--check-config", "--config", (char *)path, NULL};
    return h_run(argv, NULL, NULL, out, err);
}

START_TEST(test_check_config_exits_0_for_a_good_file_and_2_for_a_bad_one)
{
    char *out, *err;
    h_init(&D, "listen = 127.0.0.1:8421\ntoken = alice:alice-secret-0123456789\n"
               "max_body_bytes = 2M\n");
    ck_assert_int_eq(check_config(D.config, &out, &err), 0);
    ck_assert_msg(strstr(out, "OK"), "stdout: %s", out);
    free(out);
    free(err);
    h_write_config(&D, "listen = 127.0.0.1:8421\nmax_text_bytes = huge\n");
    ck_assert_int_eq(check_config(D.config, &out, &err), 2);
    ck_assert_msg(strstr(err, "mnemod.conf:2: max_text_bytes"), "stderr: %s", err);
    free(out);
    free(err);
    ck_assert_msg(access(D.db, F_OK) != 0, "--check-config created the database");
}
END_TEST

START_TEST(test_a_bad_environment_variable_exits_2_naming_it)
{
    char *out, *err;
    char *argv[] = {getenv("MNEMOD"), "--check-config", NULL};
    char *env[] = {"MNEMO_MAX_K=zero", NULL};
    ck_assert_int_eq(h_run(argv, env, NULL, &out, &err), 2);
    ck_assert_msg(strstr(err, "MNEMO_MAX_K"), "stderr: %s", err);
    free(out);
    free(err);
}
END_TEST

/* ---- precedence ------------------------------------------------------------------ */

static long search_status(const h_daemon_t *d, int k)
{
    char path[96];
    h_resp_t r;
    snprintf(path, sizeof path, "/v1/memories?user=alice&q=dog&k=%d", k);
    h_get(d, NULL, path, &r);
    long st = r.status;
    h_resp_clear(&r);
    return st;
}

START_TEST(test_the_environment_overrides_the_file)
{
    h_init(&D, "max_k = 7\n");
    setenv("MNEMO_MAX_K", "9", 1);
    h_start(&D);
    ck_assert_int_eq(search_status(&D, 9), 200);
    ck_assert_int_eq(search_status(&D, 10), 400);
    ck_assert_int_eq(h_stop(&D), 0);
}
END_TEST

START_TEST(test_a_flag_overrides_the_environment)
{
    char env_db[400];
    h_init(&D, NULL);
    snprintf(env_db, sizeof env_db, "%s/from-env.db", D.dir);
    setenv("MNEMO_DB", env_db, 1);
    h_start(&D);        /* the harness passes --db D.db */
    ck_assert_int_eq(h_stop(&D), 0);
    ck_assert_msg(access(D.db, F_OK) == 0, "the --db file was not used");
    ck_assert_msg(access(env_db, F_OK) != 0, "MNEMO_DB won over --db");
}
END_TEST

/* ---- SIGHUP ----------------------------------------------------------------------- */

static long status_with(const h_daemon_t *d, const char *token)
{
    h_resp_t r;
    h_get(d, token, "/v1/memories?q=dog", &r);
    long st = r.status;
    h_resp_clear(&r);
    return st;
}

START_TEST(test_sighup_with_a_new_token_makes_it_work)
{
    h_init(&D, "token = alice:alice-secret-0123456789\n");
    h_start(&D);
    ck_assert_int_eq(status_with(&D, "alice-secret-0123456789"), 200);
    ck_assert_int_eq(status_with(&D, "bob-secret-9876543210"), 401);
    h_write_config(&D, "token = alice:alice-secret-0123456789\ntoken = bob:bob-secret-9876543210\nmax_k = 3\n");
    kill(D.pid, SIGHUP);
    ck_assert_msg(log_waits_for(&D, "reloaded the configuration"), "no reload in the log");
    ck_assert_int_eq(status_with(&D, "bob-secret-9876543210"), 200);
    ck_assert_int_eq(status_with(&D, "alice-secret-0123456789"), 200);
    ck_assert_int_eq(count_in_log(&D, "reload: max_k: 100 -> 3"), 1);
    ck_assert_int_eq(h_stop(&D), 0);
}
END_TEST

START_TEST(test_sighup_with_a_bad_file_keeps_serving_with_the_old_settings)
{
    h_init(&D, "token = alice:alice-secret-0123456789\n");
    h_start(&D);
    h_write_config(&D, "token = bob:bob-secret-9876543210\nmax_k = nope\n");
    kill(D.pid, SIGHUP);
    ck_assert_msg(log_waits_for(&D, "reload failed"), "no reload error in the log");
    ck_assert_int_eq(count_in_log(&D, "mnemod.conf:2: max_k"), 1);
    ck_assert_int_eq(status_with(&D, "alice-secret-0123456789"), 200);
    ck_assert_int_eq(status_with(&D, "bob-secret-9876543210"), 401);
    ck_assert_int_eq(h_stop(&D), 0);
}
END_TEST

/* ---- /metrics ----------------------------------------------------------------------- */

static prom_t *scrape(const h_daemon_t *d, const char *token)
{
    h_resp_t r;
    char why[256];
    h_get(d, token, "/metrics", &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_msg(strstr(r.content_type, "text/plain") && strstr(r.content_type, "0.0.4"),
                  "Content-Type %s", r.content_type);
    prom_t *p = prom_parse(r.body, why, sizeof why);
    ck_assert_msg(p != NULL, "not Prometheus text: %s\n%s", why, r.body);
    h_resp_clear(&r);
    return p;
}

static const char *const created =
    "mnemo_http_requests_total{route=\"/v1/memories\",method=\"POST\",status=\"201\"}";

START_TEST(test_metrics_parse_as_prometheus_text_and_counters_move)
{
    h_init(&D, NULL);
    h_start(&D);
    prom_t *before = scrape(&D, NULL);
    for (int i = 0; i < 3; i++) ck_assert(h_create(&D, NULL, "alice", "My dog is Rex.") > 0);
    json_decref(h_search(&D, NULL, "user=alice&q=dog"));
    prom_t *after = scrape(&D, NULL);

    ck_assert_double_eq(prom_value(after, created, 0) - prom_value(before, created, 0), 3);
    ck_assert_double_eq(prom_value(after, "mnemo_memories", -1), 3);
    ck_assert_double_eq(prom_value(after, "mnemo_users", -1), 1);
    ck_assert(prom_value(after, "mnemo_database_bytes", -1) > 0);
    ck_assert(prom_value(after, "mnemo_index_bytes", -1) >= 0);
    ck_assert_double_eq(prom_value(after, "mnemo_search_duration_seconds_count", -1) -
                            prom_value(before, "mnemo_search_duration_seconds_count", -1), 1);
    ck_assert(prom_value(after, "mnemo_http_request_duration_seconds_count", -1) >=
              prom_value(before, "mnemo_http_request_duration_seconds_count", -1) + 4);
    ck_assert_double_eq(prom_value(after, "mnemo_model_duration_seconds_count", -1), 0);
    ck_assert(prom_has_prefix(after, "mnemo_build_info{version="));
    prom_free(before);
    prom_free(after);
    ck_assert_int_eq(h_stop(&D), 0);
}
END_TEST

START_TEST(test_metrics_need_the_admin_token_when_tokens_are_configured)
{
    h_init(&D, "token = alice:alice-secret-0123456789\nadmin_token = root-secret-abcdef0123\n");
    h_start(&D);
    h_resp_t r;
    h_get(&D, NULL, "/metrics", &r);
    h_assert_reply(&r, 401, "unauthorized");
    h_resp_clear(&r);
    h_get(&D, "alice-secret-0123456789", "/metrics", &r);
    h_assert_reply(&r, 403, "forbidden");
    h_resp_clear(&r);
    prom_free(scrape(&D, "root-secret-abcdef0123"));
    ck_assert_int_eq(h_stop(&D), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("service");
    TCase *tc = tcase_create("service");
    tcase_add_checked_fixture(tc, NULL, teardown);
    tcase_set_timeout(tc, 90);
    tcase_add_test(tc, test_ready_comes_after_readyz_answers_and_stopping_after_sigterm);
    tcase_add_test(tc, test_sigterm_while_clients_write_keeps_every_acknowledged_write);
    tcase_add_test(tc, test_an_unknown_key_exits_2_naming_file_line_and_key);
    tcase_add_test(tc, test_a_bad_value_exits_2_naming_file_line_and_key);
    tcase_add_test(tc, test_a_value_out_of_range_exits_2_naming_the_line);
    tcase_add_test(tc, test_an_unreadable_config_file_exits_2);
    tcase_add_test(tc, test_a_missing_explicit_config_file_exits_2);
    tcase_add_test(tc, test_check_config_exits_0_for_a_good_file_and_2_for_a_bad_one);
    tcase_add_test(tc, test_a_bad_environment_variable_exits_2_naming_it);
    tcase_add_test(tc, test_the_environment_overrides_the_file);
    tcase_add_test(tc, test_a_flag_overrides_the_environment);
    tcase_add_test(tc, test_sighup_with_a_new_token_makes_it_work);
    tcase_add_test(tc, test_sighup_with_a_bad_file_keeps_serving_with_the_old_settings);
    tcase_add_test(tc, test_metrics_parse_as_prometheus_text_and_counters_move);
    tcase_add_test(tc, test_metrics_need_the_admin_token_when_tokens_are_configured);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}
