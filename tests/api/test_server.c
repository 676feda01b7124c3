/* test_server.c: api/'s HTTP layer on a real socket, with a stub agent in place of the
 * store: routing (404, 405 + Allow), tokens (401, open health probes), the body cap
 * (413 from Content-Length, with Expect: 100-continue, and for a chunked body past the
 * cap), 415, the connection limit (429, or room made from connections still waiting
 * for their headers), port 0 read back, the loopback-only rule without tokens, and a
 * streamed export cut by a failure logged as an error. Requests are written by hand so
 * each header is exactly as meant. */
#include <arpa/inet.h>
#include <check.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include "api/api.h"

/* ---- a stub agent: enough for the routes to answer --------------------------------- */

struct agent {
    int unused;
};
static agent_t stub;

agent_t *agent_new(const agent_config_t *cfg, char *err, size_t errlen)
{
    (void)cfg, (void)err, (void)errlen;
    return &stub;
}
void agent_free(agent_t *a) { (void)a; }
int agent_ready(const agent_t *a) { return a != NULL; }
void agent_stats(agent_t *a, agent_stats_t *out) { (void)a; *out = (agent_stats_t){0}; }
int agent_memory_create(agent_t *a, const char *user, const agent_memory_in_t *in, size_t n,
                        int64_t *ids, char *err, size_t errlen)
{
    (void)a, (void)user, (void)in, (void)err, (void)errlen;
    for (size_t i = 0; i < n; i++) ids[i] = (int64_t)i + 1;
    return AGENT_OK;
}
int agent_memory_ids_taken(agent_t *a, const int64_t *ids, size_t n, int64_t *taken)
{
    (void)a, (void)ids, (void)n;
    *taken = 0;
    return AGENT_OK;
}
int agent_memory_forget_ids(agent_t *a, const int64_t *ids, size_t n, char *err,
                            size_t errlen)
{
    (void)a, (void)ids, (void)n, (void)err, (void)errlen;
    return AGENT_OK;
}
int agent_memory_get(agent_t *a, const char *user, int64_t id, agent_memory_t *out)
{
    (void)a, (void)user, (void)id, (void)out;
    return AGENT_ENOTFOUND;
}
int agent_memory_update(agent_t *a, const char *user, int64_t id, const char *text,
                        double importance, agent_memory_t *out, char *err, size_t errlen)
{
    (void)a, (void)user, (void)id, (void)text, (void)importance, (void)out, (void)err,
        (void)errlen;
    return AGENT_ENOTFOUND;
}
int agent_memory_delete(agent_t *a, const char *user, int64_t id)
{
    (void)a, (void)user, (void)id;
    return AGENT_ENOTFOUND;
}
int agent_memory_history(agent_t *a, const char *user, int64_t id, agent_version_t **out,
                         size_t *n)
{
    (void)a, (void)user, (void)id, (void)out, (void)n;
    return AGENT_ENOTFOUND;
}
int agent_memory_search(agent_t *a, const agent_search_t *q, const char *text,
                        agent_hit_t *hits, int *n, char *err, size_t errlen)
{
    (void)a, (void)q, (void)text, (void)hits, (void)err, (void)errlen;
    *n = 0;
    return AGENT_OK;
}
int agent_memory_list(agent_t *a, const agent_page_t *p, agent_memory_t **out, size_t *n,
                      int64_t *next_cursor)
{
    (void)a, (void)p;
    *out = NULL;
    *n = 0;
    *next_cursor = 0;
    return AGENT_OK;
}
/* The export of user "cut" is a full page of memories, then a storage failure; any
 * other user has none. */
static agent_memory_t cut_page[256];
int agent_user_export_page(agent_t *a, const char *user, int64_t after, int limit,
                           agent_memory_t **out, size_t *n)
{
    (void)a;
    *out = NULL;
    *n = 0;
    if (strcmp(user, "cut")) return AGENT_OK;
    if (after) return AGENT_EIO;
    size_t k = limit < 256 ? (size_t)limit : 256;
    for (size_t i = 0; i < k; i++)
        cut_page[i] = (agent_memory_t){.id = (int64_t)i + 1, .user = (char *)"cut",
                                       .text = (char *)"A memory.", .importance = 0.5};
    *out = cut_page;
    *n = k;
    return AGENT_OK;
}
int agent_user_delete(agent_t *a, const char *user, int64_t *removed)
{
    (void)a, (void)user;
    *removed = 0;
    return AGENT_OK;
}
int agent_chat(agent_t *a, const char *user, const char *conversation, const char *message,
               agent_turn_t *out, char *err, size_t errlen)
{
    (void)a, (void)user, (void)conversation, (void)message, (void)err, (void)errlen;
    memset(out, 0, sizeof *out);
    return AGENT_ENOMODEL;
}
void agent_turn_clear(agent_turn_t *t) { (void)t; }
int agent_conversation_get(agent_t *a, const char *user, const char *conversation, int limit,
                           agent_turn_row_t **out, size_t *n)
{
    (void)a, (void)user, (void)conversation, (void)limit, (void)out, (void)n;
    return AGENT_ENOTFOUND;
}
int agent_conversations_list(agent_t *a, const char *user, int64_t cursor, int limit,
                             agent_conversation_t **out, size_t *n, int64_t *next_cursor)
{
    (void)a, (void)user, (void)cursor, (void)limit;
    *out = NULL;
    *n = 0;
    *next_cursor = 0;
    return AGENT_OK;
}
void agent_conversations_free(agent_conversation_t *v, size_t n) { (void)v, (void)n; }
int agent_conversation_delete(agent_t *a, const char *user, const char *conversation)
{
    (void)a, (void)user, (void)conversation;
    return AGENT_ENOTFOUND;
}
const char *agent_model_tag(const agent_t *a) { (void)a; return NULL; }
void agent_turn_rows_free(agent_turn_row_t *v, size_t n) { (void)v, (void)n; }
void agent_memory_clear(agent_memory_t *m) { (void)m; }
void agent_hits_clear(agent_hit_t *hits, int n) { (void)hits, (void)n; }
void agent_memories_free(agent_memory_t *v, size_t n) { (void)v, (void)n; }
void agent_history_free(agent_version_t *v, size_t n) { (void)v, (void)n; }

/* ---- a server per test -------------------------------------------------------------- */

/* The server's log lines, "<priority>line\n" each. */
static pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;
static char logged[16384];

static void capture(int priority, const char *line)
{
    pthread_mutex_lock(&log_mu);
    size_t len = strlen(logged);
    snprintf(logged + len, sizeof logged - len, "<%d>%s\n", priority, line);
    pthread_mutex_unlock(&log_mu);
}

/* Whether the log has what, waiting up to a second for it. */
static int log_has(const char *what)
{
    int found = 0;
    for (int i = 0; i < 100 && !found; i++) {
        pthread_mutex_lock(&log_mu);
        found = strstr(logged, what) != NULL;
        pthread_mutex_unlock(&log_mu);
        if (!found) usleep(10 * 1000);
    }
    return found;
}

static api_server_t *srv;
static api_token_t tokens[] = {{"alice-secret", "alice"}, {"root-secret", NULL}};

static void start(size_t n_tokens, unsigned max_connections)
{
    api_config_t cfg = {.host = "127.0.0.1", .port = 0, .threads = 2, .tokens = tokens,
                        .n_tokens = n_tokens, .log = capture};
    char err[256];
    logged[0] = '\0';
    api_limits_default(&cfg.limits);
    cfg.limits.max_body = 1024;
    cfg.limits.max_connections = max_connections;
    srv = api_start(&cfg, &stub, err, sizeof err);
    ck_assert_msg(srv != NULL, "api_start: %s", err);
}

static void start_open(void) { start(0, 16); }
static void start_tokens(void) { start(2, 16); }
static void start_two_connections(void) { start(0, 2); }

static void stop(void)
{
    api_stop(srv);
    srv = NULL;
}

static int dial(void)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)api_port(srv))};
    struct timeval tv = {5, 0};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_ge(fd, 0);
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ck_assert_int_eq(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    return fd;
}

static void send_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w <= 0) return;             /* the server may close early: read its reply */
        p += w;
        n -= (size_t)w;
    }
}

/* Reads one reply (until the server closes, as every request says Connection: close)
 * into buf; returns its status. */
static int read_reply(int fd, char *buf, size_t cap)
{
    size_t len = 0;
    ssize_t r;
    while (len < cap - 1 && (r = recv(fd, buf + len, cap - 1 - len, 0)) > 0) len += (size_t)r;
    buf[len] = '\0';
    int status = 0;
    sscanf(buf, "HTTP/1.%*d %d", &status);
    return status;
}

static int request(const char *raw, size_t len, char *buf, size_t cap)
{
    int fd = dial();
    send_all(fd, raw, len);
    int st = read_reply(fd, buf, cap);
    close(fd);
    return st;
}

static int get(const char *path, const char *auth, char *buf, size_t cap)
{
    char raw[512];
    int n = snprintf(raw, sizeof raw, "GET %s HTTP/1.1\r\nHost: localhost\r\n%s%s%sConnection: close\r\n\r\n",
                     path, auth ? "Authorization: Bearer " : "", auth ? auth : "",
                     auth ? "\r\n" : "");
    return request(raw, (size_t)n, buf, cap);
}

static int has(const char *buf, const char *s)
{
    return strstr(buf, s) != NULL;
}

/* ---- routing and auth ------------------------------------------------------------ */

START_TEST(test_port_zero_is_read_back_as_the_real_port)
{
    ck_assert_int_gt(api_port(srv), 0);
    ck_assert_int_lt(api_port(srv), 65536);
}
END_TEST

START_TEST(test_unknown_route_is_404_json)
{
    char buf[4096];
    ck_assert_int_eq(get("/v1/nothing", NULL, buf, sizeof buf), 404);
    ck_assert(has(buf, "Content-Type: application/json"));
    ck_assert(has(buf, "\"code\":\"not_found\""));
}
END_TEST

START_TEST(test_wrong_method_is_405_with_allow)
{
    char buf[4096];
    const char raw[] = "PUT /v1/memories HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    ck_assert_int_eq(request(raw, sizeof raw - 1, buf, sizeof buf), 405);
    ck_assert(has(buf, "Allow: GET, POST"));
    ck_assert(has(buf, "\"code\":\"method_not_allowed\""));
}
END_TEST

START_TEST(test_head_is_answered_like_get)
{
    char buf[4096];
    const char raw[] = "HEAD /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    ck_assert_int_eq(request(raw, sizeof raw - 1, buf, sizeof buf), 200);
    ck_assert(!has(buf, "\"status\""));
}
END_TEST

START_TEST(test_health_probes_need_no_token)
{
    char buf[4096];
    ck_assert_int_eq(get("/healthz", NULL, buf, sizeof buf), 200);
    ck_assert_int_eq(get("/readyz", NULL, buf, sizeof buf), 200);
    ck_assert(has(buf, "\"status\":\"ready\""));
}
END_TEST

START_TEST(test_memories_without_a_token_are_401)
{
    char buf[4096];
    ck_assert_int_eq(get("/v1/memories", NULL, buf, sizeof buf), 401);
    ck_assert(has(buf, "WWW-Authenticate: Bearer"));
    ck_assert(has(buf, "\"code\":\"unauthorized\""));
    ck_assert_int_eq(get("/v1/memories", "wrong", buf, sizeof buf), 401);
}
END_TEST

START_TEST(test_a_user_token_defaults_the_user_and_may_not_name_another)
{
    char buf[4096];
    ck_assert_int_eq(get("/v1/memories", "alice-secret", buf, sizeof buf), 200);
    ck_assert_int_eq(get("/v1/memories?user=alice", "alice-secret", buf, sizeof buf), 200);
    ck_assert_int_eq(get("/v1/memories?user=bob", "alice-secret", buf, sizeof buf), 403);
    ck_assert(has(buf, "\"code\":\"forbidden\""));
    ck_assert_int_eq(get("/v1/users/bob/export", "alice-secret", buf, sizeof buf), 403);
}
END_TEST

START_TEST(test_an_admin_token_must_name_the_user)
{
    char buf[4096];
    ck_assert_int_eq(get("/v1/memories", "root-secret", buf, sizeof buf), 400);
    ck_assert(has(buf, "\"code\":\"invalid_parameter\""));
    ck_assert_int_eq(get("/v1/memories?user=bob", "root-secret", buf, sizeof buf), 200);
}
END_TEST

START_TEST(test_without_tokens_a_non_loopback_host_is_refused)
{
    api_config_t cfg = {.host = "0.0.0.0", .port = 0, .threads = 1};
    char err[256] = "";
    api_limits_default(&cfg.limits);
    ck_assert_ptr_null(api_start(&cfg, &stub, err, sizeof err));
    ck_assert_msg(strstr(err, "0.0.0.0") != NULL, "%s", err);
}
END_TEST

START_TEST(test_with_tokens_a_non_loopback_host_is_allowed)
{
    api_config_t cfg = {.host = "0.0.0.0", .port = 0, .threads = 1, .tokens = tokens,
                        .n_tokens = 1};
    char err[256] = "";
    api_limits_default(&cfg.limits);
    api_server_t *s = api_start(&cfg, &stub, err, sizeof err);
    ck_assert_msg(s != NULL, "%s", err);
    api_stop(s);
}
END_TEST

/* ---- bodies ------------------------------------------------------------------------- */

static const char post_head[] = "POST /v1/memories HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                                "Content-Type: application/json\r\n";

START_TEST(test_a_body_within_the_cap_is_served)
{
    char raw[2048], buf[4096];
    const char body[] = "{\"user\":\"u\",\"text\":\"hello\"}";
    int n = snprintf(raw, sizeof raw, "%sContent-Length: %zu\r\n\r\n%s", post_head,
                     sizeof body - 1, body);
    ck_assert_int_eq(request(raw, (size_t)n, buf, sizeof buf), 404);  /* stub: not found */
}
END_TEST

START_TEST(test_a_content_length_past_the_cap_is_413)
{
    char raw[4096], buf[4096];
    int n = snprintf(raw, sizeof raw, "%sContent-Length: 2000\r\n\r\n", post_head);
    memset(raw + n, 'a', 2000);
    ck_assert_int_eq(request(raw, (size_t)n + 2000, buf, sizeof buf), 413);
    ck_assert(has(buf, "\"code\":\"payload_too_large\""));
}
END_TEST

START_TEST(test_expect_100_continue_past_the_cap_is_413_before_the_body)
{
    char raw[512], buf[4096];
    int n = snprintf(raw, sizeof raw, "%sContent-Length: 5000000\r\nExpect: 100-continue\r\n\r\n",
                     post_head);
    int fd = dial();
    send_all(fd, raw, (size_t)n);
    ck_assert_int_eq(read_reply(fd, buf, sizeof buf), 413);     /* never 100 Continue */
    close(fd);
}
END_TEST

START_TEST(test_a_chunked_body_past_the_cap_is_413)
{
    char raw[8192], buf[4096];
    int n = snprintf(raw, sizeof raw, "%sTransfer-Encoding: chunked\r\n\r\n", post_head);
    for (int i = 0; i < 3; i++) {                  /* 3 x 600 bytes > 1024 */
        n += snprintf(raw + n, sizeof raw - (size_t)n, "258\r\n");
        memset(raw + n, 'a', 600);
        n += 600;
        n += snprintf(raw + n, sizeof raw - (size_t)n, "\r\n");
    }
    n += snprintf(raw + n, sizeof raw - (size_t)n, "0\r\n\r\n");
    ck_assert_int_eq(request(raw, (size_t)n, buf, sizeof buf), 413);
}
END_TEST

START_TEST(test_a_body_without_json_content_type_is_415)
{
    char buf[4096];
    const char raw[] = "POST /v1/memories HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                       "Content-Type: text/plain\r\nContent-Length: 2\r\n\r\n{}";
    ck_assert_int_eq(request(raw, sizeof raw - 1, buf, sizeof buf), 415);
    ck_assert(has(buf, "\"code\":\"unsupported_media_type\""));
}
END_TEST

START_TEST(test_an_error_before_the_body_still_reads_it_and_keeps_serving)
{
    char buf[4096];
    /* 401 decided from the headers; the body is drained, the reply is whole */
    const char raw[] = "POST /v1/memories HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                       "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
    ck_assert_int_eq(request(raw, sizeof raw - 1, buf, sizeof buf), 401);
    ck_assert_int_eq(get("/healthz", NULL, buf, sizeof buf), 200);
}
END_TEST

/* ---- connections ------------------------------------------------------------------ */

START_TEST(test_a_connection_past_the_limit_gets_429)
{
    /* Two requests in progress (headers in, body coming): no room to make. */
    char buf[4096];
    static const char part[] = "POST /v1/memories HTTP/1.1\r\nHost: localhost\r\n"
                               "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{";
    int a = dial(), b = dial();
    send_all(a, part, sizeof part - 1);
    send_all(b, part, sizeof part - 1);
    usleep(100 * 1000);
    ck_assert_int_eq(get("/healthz", NULL, buf, sizeof buf), 429);
    ck_assert(has(buf, "\"code\":\"too_many_requests\""));
    close(a);
    close(b);
    usleep(200 * 1000);
    ck_assert_int_eq(get("/healthz", NULL, buf, sizeof buf), 200);
}
END_TEST

START_TEST(test_past_the_limit_room_is_made_from_connections_still_waiting_for_headers)
{
    /* Two connections that have sent nothing yet: the oldest yields to the new one. */
    char buf[4096], c;
    int a = dial();
    usleep(50 * 1000);
    int b = dial();
    usleep(100 * 1000);
    ck_assert_int_eq(get("/healthz", NULL, buf, sizeof buf), 200);
    ck_assert_msg(recv(a, &c, 1, 0) == 0, "the oldest waiting connection was not closed");
    close(a);
    close(b);
}
END_TEST

/* ---- a streamed export cut short ------------------------------------------------- */

/* After the first page the 200 is gone: a failure can only cut the stream, so the
 * operator must learn it from the log, at error level like any 5xx. */
START_TEST(test_an_export_cut_after_its_first_page_is_logged_as_an_error)
{
    static char buf[1 << 17];
    ck_assert_int_eq(get("/v1/users/cut/export", NULL, buf, sizeof buf), 200);
    ck_assert_msg(has(buf, "\"id\":256"), "the first page did not go out");
    ck_assert_msg(!has(buf, "\r\n0\r\n\r\n"), "the cut stream ended as if complete");
    ck_assert_msg(log_has("<3>GET /v1/users/cut/export: the stream was cut after memory 256: "
                          "storage failed"), "not logged as an error:\n%s", logged);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("api_server");
    TCase *tc;

    tc = tcase_create("open");
    tcase_add_checked_fixture(tc, start_open, stop);
    tcase_add_test(tc, test_port_zero_is_read_back_as_the_real_port);
    tcase_add_test(tc, test_unknown_route_is_404_json);
    tcase_add_test(tc, test_wrong_method_is_405_with_allow);
    tcase_add_test(tc, test_head_is_answered_like_get);
    tcase_add_test(tc, test_an_admin_token_must_name_the_user);
    tcase_add_test(tc, test_without_tokens_a_non_loopback_host_is_refused);
    tcase_add_test(tc, test_with_tokens_a_non_loopback_host_is_allowed);
    tcase_add_test(tc, test_a_body_within_the_cap_is_served);
    tcase_add_test(tc, test_a_content_length_past_the_cap_is_413);
    tcase_add_test(tc, test_expect_100_continue_past_the_cap_is_413_before_the_body);
    tcase_add_test(tc, test_a_chunked_body_past_the_cap_is_413);
    tcase_add_test(tc, test_a_body_without_json_content_type_is_415);
    tcase_add_test(tc, test_an_export_cut_after_its_first_page_is_logged_as_an_error);
    suite_add_tcase(s, tc);

    tc = tcase_create("tokens");
    tcase_add_checked_fixture(tc, start_tokens, stop);
    tcase_add_test(tc, test_health_probes_need_no_token);
    tcase_add_test(tc, test_memories_without_a_token_are_401);
    tcase_add_test(tc, test_a_user_token_defaults_the_user_and_may_not_name_another);
    tcase_add_test(tc, test_an_error_before_the_body_still_reads_it_and_keeps_serving);
    suite_add_tcase(s, tc);

    tc = tcase_create("connections");
    tcase_add_checked_fixture(tc, start_two_connections, stop);
    tcase_add_test(tc, test_a_connection_past_the_limit_gets_429);
    tcase_add_test(tc, test_past_the_limit_room_is_made_from_connections_still_waiting_for_headers);
    suite_add_tcase(s, tc);

    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
