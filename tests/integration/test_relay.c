/* test_relay.c: every request on a connection, not only its first, is checked before
 * libmicrohttpd sees it (the front stage relays the connection for its whole life,
 * api/relay.c; docs/OPERATIONS.md, "Hardening"). A malformed request after a good one on
 * a kept-alive connection, and a chunked body that goes wrong, first or later, get the
 * replies to what came before and then mnemo's JSON error with Connection: close, never
 * libmicrohttpd's HTML; pipelined requests are answered in order; bodies and replies of
 * several MiB pass intact; the daemon serves on. Requests are written by hand on raw
 * sockets, as in test_hardening.c. */
#define _GNU_SOURCE     /* strcasestr */
#include "tests/integration/harness.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

/* ---- raw HTTP ------------------------------------------------------------------ */

static int dial(const h_daemon_t *d)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)d->port)};
    struct timeval tv = {30, 0};    /* a bound on a hung test, not a speed */
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_ge(fd, 0);
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ck_assert_msg(connect(fd, (struct sockaddr *)&a, sizeof a) == 0, "connect: %s",
                  strerror(errno));
    return fd;
}





/* The JSON error code in a raw reply, or "". */
static const char *code_of(const char *reply, char *out, size_t cap)
{
    const char *body = strstr(reply, "\r\n\r\n");
    out[0] = '\0';
    json_t *j = body ? json_loads(body + 4, 0, NULL) : NULL;
    const char *c = json_string_value(json_object_get(json_object_get(j, "error"), "code"));
    snprintf(out, cap, "%s", c ? c : "");
    json_decref(j);
    return out;
}

/* The reply in buf is mnemo's JSON error want_status want_code, closing the connection. */
#define assert_refusal(buf, want_status, want_code, what)                                \
    do {                                                                                 \
        char code_[64];                                                                  \
        ck_assert_msg(h_raw_status(buf) == (want_status) &&                                 \
                          !strcmp(code_of(buf, code_, sizeof code_), (want_code)),       \
                      "%s: want %d %s, got: %.400s", (what), (want_status), (want_code), \
                      (buf));                                                            \
        ck_assert_msg(strcasestr(buf, "\r\nContent-Type: application/json"), "%s: %s",   \
                      (what), (buf));                                                    \
        ck_assert_msg(strcasestr(buf, "\r\nConnection: close"), "%s: %s", (what), (buf)); \
    } while (0)

static void assert_serving(const h_daemon_t *d)
{
    h_resp_t r;
    h_get(d, NULL, "/healthz", &r);
    ck_assert_msg(r.status == 200, "/healthz afterwards: %ld %s", r.status, r.error);
    h_resp_clear(&r);
}

static char reply[1 << 16];

static const char get[] = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
static const char chunked_post[] = "POST /v1/memories HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                   "Content-Type: application/json\r\n"
                                   "Transfer-Encoding: chunked\r\n\r\n";

/* ---- requests after the first ------------------------------------------------------ */

static const struct {
    const char *what, *req;
    int status;
    const char *code;
} bad_second[] = {
    {"a garbage request line", "\x01\x02 garbage\r\n\r\n", 400, "bad_request"},
    {"a request line without a space", "GARBAGE\r\n\r\n", 400, "bad_request"},
    {"two Content-Lengths that differ",
     "POST /v1/memories HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
     "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", 400, "bad_request"},
    {"Content-Length with Transfer-Encoding",
     "POST /v1/memories HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
     "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400, "bad_request"},
    {"HTTP/2.0", "GET /healthz HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n", 505,
     "http_version_not_supported"},
    {"a control byte in a header", "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: \x1b[2J\r\n\r\n",
     400, "bad_request"},
    {"a folded header line", "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: b\r\n c\r\n\r\n",
     400, "bad_request"},
    {"a Content-Length past 64 bits",
     "POST /v1/memories HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
     "Content-Length: 99999999999999999999999\r\n\r\n", 413, "payload_too_large"},
};

START_TEST(test_a_malformed_request_after_a_good_one_gets_the_first_reply_then_a_json_error)
{
    h_daemon_t D;
    h_init(&D, NULL);
    h_start(&D);
    for (size_t i = 0; i < sizeof bad_second / sizeof bad_second[0]; i++) {
        int fd = dial(&D);
        /* once as a later request on its own, once pipelined behind the good one */
        ck_assert_int_eq(h_raw_send(fd, get, sizeof get - 1), 0);
        ck_assert_msg(h_raw_read_reply(fd, reply, sizeof reply) == 200, "%s: the first request: %s",
                      bad_second[i].what, reply);
        ck_assert_msg(!strcasestr(reply, "Connection: close"), "%s", reply);
        h_raw_send(fd, bad_second[i].req, strlen(bad_second[i].req));
        ck_assert_msg(h_raw_read_to_close(fd, reply, sizeof reply), "%s: neither answered nor closed",
                      bad_second[i].what);
        close(fd);
        assert_refusal(reply, bad_second[i].status, bad_second[i].code, bad_second[i].what);

        char both[1024];
        snprintf(both, sizeof both, "%s%s", get, bad_second[i].req);
        fd = dial(&D);
        h_raw_send(fd, both, strlen(both));
        ck_assert_msg(h_raw_read_reply(fd, reply, sizeof reply) == 200, "%s pipelined: %s",
                      bad_second[i].what, reply);
        ck_assert(h_raw_read_to_close(fd, reply, sizeof reply));
        close(fd);
        assert_refusal(reply, bad_second[i].status, bad_second[i].code, bad_second[i].what);
    }
    assert_serving(&D);
    h_cleanup(&D);
}
END_TEST

START_TEST(test_a_head_past_the_limit_after_a_good_request_is_431_json)
{
    static char big[4 * 16384];
    h_daemon_t D;
    h_init(&D, NULL);
    h_start(&D);
    int n = snprintf(big, sizeof big, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ");
    memset(big + n, 'b', sizeof big - (size_t)n - 5);
    memcpy(big + sizeof big - 5, "\r\n\r\n", 5);
    int fd = dial(&D);
    h_raw_send(fd, get, sizeof get - 1);
    ck_assert_int_eq(h_raw_read_reply(fd, reply, sizeof reply), 200);
    h_raw_send(fd, big, sizeof big - 1);
    ck_assert(h_raw_read_to_close(fd, reply, sizeof reply));
    close(fd);
    assert_refusal(reply, 431, "headers_too_large", "a head of 64 KiB");
    assert_serving(&D);
    h_cleanup(&D);
}
END_TEST

static double mono_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

START_TEST(test_a_later_head_trickled_past_its_deadline_is_closed_and_an_idle_one_too)
{
    /* The front stage now times every head itself: a second request trickled a byte
     * every 200 ms (inside idle_timeout) must still end by idle_timeout + header_timeout
     * after the first reply; a kept-alive connection that sends nothing, by idle_timeout. */
    h_daemon_t D;
    h_init(&D, "header_timeout = 1\nidle_timeout = 2\n");
    h_start(&D);
    int fd = dial(&D), quiet = dial(&D);
    h_raw_send(fd, get, sizeof get - 1);
    ck_assert_int_eq(h_raw_read_reply(fd, reply, sizeof reply), 200);
    h_raw_send(quiet, get, sizeof get - 1);
    ck_assert_int_eq(h_raw_read_reply(quiet, reply, sizeof reply), 200);
    double t0 = mono_s(), lasted = -1, quiet_lasted = -1;
    static const char slow[] = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
    h_raw_send(fd, slow, sizeof slow - 1);
    while ((lasted < 0 || quiet_lasted < 0) && mono_s() - t0 < 20) {
        struct timespec ts = {0, 200 * 1000 * 1000};
        nanosleep(&ts, NULL);
        if (lasted < 0 && send(fd, "a", 1, MSG_NOSIGNAL | MSG_DONTWAIT) < 0) lasted = mono_s() - t0;
        char c;
        ssize_t r = recv(quiet, &c, 1, MSG_DONTWAIT);
        if (quiet_lasted < 0 && (r == 0 || (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK)))
            quiet_lasted = mono_s() - t0;
    }
    ck_assert_msg(lasted >= 0, "a trickled second head was still open after 20 s");
    ck_assert_msg(lasted >= 1.5, "a trickled second head was closed %.2f s after the first "
                  "reply, before its deadline", lasted);
    ck_assert_msg(quiet_lasted >= 0, "an idle kept-alive connection was still open after 20 s");
    ck_assert_msg(quiet_lasted >= 1.5, "an idle kept-alive connection was closed after %.2f s",
                  quiet_lasted);
    close(fd);
    close(quiet);
    assert_serving(&D);
    h_cleanup(&D);
}
END_TEST

/* ---- chunked bodies ---------------------------------------------------------------- */

START_TEST(test_a_bad_chunk_size_is_400_json_in_a_first_or_a_later_request)
{
    static const char *const bodies[] = {
        "zz\r\n",                                   /* not hex */
        "\r\n",                                     /* no digits */
        " 5\r\nhello\r\n0\r\n\r\n",                 /* whitespace before */
        "5\nhello\r\n0\r\n\r\n",                    /* LF without CR */
        "2\r\n{}xx\r\n0\r\n\r\n",                   /* more data than the size */
        "2\r\n{}\r\n0\r\nX-T\r\n\r\n",              /* a trailer line without a colon */
    };
    h_daemon_t D;
    char req[512];
    h_init(&D, NULL);
    h_start(&D);
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        snprintf(req, sizeof req, "%s%s", chunked_post, bodies[i]);
        int fd = dial(&D);
        h_raw_send(fd, req, strlen(req));
        ck_assert(h_raw_read_to_close(fd, reply, sizeof reply));
        close(fd);
        assert_refusal(reply, 400, "bad_request", bodies[i]);

        fd = dial(&D);
        h_raw_send(fd, get, sizeof get - 1);
        ck_assert_int_eq(h_raw_read_reply(fd, reply, sizeof reply), 200);
        h_raw_send(fd, req, strlen(req));
        ck_assert(h_raw_read_to_close(fd, reply, sizeof reply));
        close(fd);
        assert_refusal(reply, 400, "bad_request", bodies[i]);
    }
    /* A good chunk, then a bad size: the half-read request never runs. */
    snprintf(req, sizeof req, "%s%s", chunked_post,
             "10\r\n{\"user\":\"u\",\"te\r\nxt\":\"never stored\"}\r\nQ\r\n\r\n");
    int fd = dial(&D);
    h_raw_send(fd, req, strlen(req));
    ck_assert(h_raw_read_to_close(fd, reply, sizeof reply));
    close(fd);
    assert_refusal(reply, 400, "bad_request", "a good chunk, then a bad size");
    json_t *all = h_list_all(&D, NULL, "user=u");
    ck_assert_int_eq(json_array_size(all), 0);
    json_decref(all);
    assert_serving(&D);
    h_cleanup(&D);
}
END_TEST

START_TEST(test_a_request_libmicrohttpd_answered_before_its_bad_chunk_gets_that_answer_alone)
{
    /* Without tokens a foreign Host is 403 at once, before the body is read; the bad
     * chunk behind it must not add a second reply to the same request. */
    h_daemon_t D;
    h_init(&D, NULL);
    h_start(&D);
    static const char req[] = "POST /v1/memories HTTP/1.1\r\nHost: evil.example\r\n"
                              "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                              "\r\n2\r\n{}\r\nzz\r\n";
    int fd = dial(&D);
    h_raw_send(fd, req, sizeof req - 1);
    ck_assert(h_raw_read_to_close(fd, reply, sizeof reply));
    close(fd);
    assert_refusal(reply, 403, "forbidden", "a foreign Host");
    ck_assert_msg(!strstr(reply + 12, "HTTP/1.1 "), "two replies to one request: %s", reply);
    assert_serving(&D);
    h_cleanup(&D);
}
END_TEST

START_TEST(test_a_chunk_size_past_64_bits_is_413_json)
{
    h_daemon_t D;
    char req[512];
    h_init(&D, NULL);
    h_start(&D);
    snprintf(req, sizeof req, "%s%s", chunked_post, "10000000000000000\r\n");
    int fd = dial(&D);
    h_raw_send(fd, req, strlen(req));
    ck_assert(h_raw_read_to_close(fd, reply, sizeof reply));
    close(fd);
    assert_refusal(reply, 413, "payload_too_large", "a chunk size of 2^64");
    fd = dial(&D);
    h_raw_send(fd, get, sizeof get - 1);
    ck_assert_int_eq(h_raw_read_reply(fd, reply, sizeof reply), 200);
    h_raw_send(fd, req, strlen(req));
    ck_assert(h_raw_read_to_close(fd, reply, sizeof reply));
    close(fd);
    assert_refusal(reply, 413, "payload_too_large", "a chunk size of 2^64, later");
    assert_serving(&D);
    h_cleanup(&D);
}
END_TEST

START_TEST(test_a_good_chunked_body_with_extensions_and_a_trailer_is_served_and_kept_alive)
{
    h_daemon_t D;
    char req[1024];
    h_init(&D, NULL);
    h_start(&D);
    snprintf(req, sizeof req, "%s%s%s", chunked_post,
             "C;name=value\r\n{\"user\":\"u\",\r\n"
             "1a\r\n\"text\":\"chunked and kept\"}\r\n"
             "0\r\nX-Trailer: t\r\n\r\n", get);
    int fd = dial(&D);
    h_raw_send(fd, req, strlen(req));
    ck_assert_msg(h_raw_read_reply(fd, reply, sizeof reply) == 201, "%s", reply);
    ck_assert_msg(h_raw_read_reply(fd, reply, sizeof reply) == 200, "%s", reply);
    close(fd);
    json_t *all = h_list_all(&D, NULL, "user=u");
    ck_assert_int_eq(json_array_size(all), 1);
    json_decref(all);
    h_cleanup(&D);
}
END_TEST

/* ---- pipelining and large bodies --------------------------------------------------- */

START_TEST(test_three_pipelined_requests_are_answered_in_order)
{
    h_daemon_t D;
    h_init(&D, NULL);
    h_start(&D);
    static const char memory[] = "{\"user\":\"p\",\"text\":\"Pipelined memory.\"}";
    char three[1024];
    snprintf(three, sizeof three,
             "POST /v1/memories HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
             "Content-Length: %zu\r\n\r\n%s"
             "GET /v1/nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
             "GET /v1/memories?user=p HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
             sizeof memory - 1, memory);
    int fd = dial(&D);
    ck_assert_int_eq(h_raw_send(fd, three, strlen(three)), 0);
    ck_assert_msg(h_raw_read_reply(fd, reply, sizeof reply) == 201, "first: %s", reply);
    ck_assert_msg(h_raw_read_reply(fd, reply, sizeof reply) == 404, "second: %s", reply);
    ck_assert_msg(h_raw_read_reply(fd, reply, sizeof reply) == 200, "third: %s", reply);
    ck_assert_msg(strstr(reply, "Pipelined memory."), "third: %s", reply);
    close(fd);
    h_cleanup(&D);
}
END_TEST

enum { BIG_LINES = 2000, BIG_TEXT = 2000 };     /* about 4 MiB of import */

/* An import body of BIG_LINES memories of BIG_TEXT bytes each; texts differ per line. */
static char *big_import(size_t *len)
{
    size_t cap = (size_t)BIG_LINES * (BIG_TEXT + 64), n = 0;
    char *b = malloc(cap);
    ck_assert_ptr_nonnull(b);
    for (int i = 0; i < BIG_LINES; i++) {
        n += (size_t)snprintf(b + n, cap - n, "{\"text\":\"Line %05d ", i);
        for (int k = 0; k < BIG_TEXT - 12; k++) b[n++] = (char)('a' + (i * 7 + k) % 26);
        n += (size_t)snprintf(b + n, cap - n, ".\"}\n");
    }
    *len = n;
    return b;
}

/* The export of user (fetched with libcurl, through the relay) holds each line of the
 * import once, text for text. */
static void assert_export_matches(const h_daemon_t *d, const char *user, const char *body)
{
    json_t *all = h_export(d, NULL, user);
    ck_assert_int_eq(json_array_size(all), BIG_LINES);
    for (size_t i = 0; i < json_array_size(all); i++) {
        const char *t = json_string_value(json_object_get(json_array_get(all, i), "text"));
        ck_assert_ptr_nonnull(t);
        char key[32];
        snprintf(key, sizeof key, "{\"text\":\"%.10s", t);
        const char *at = strstr(body, key);
        ck_assert_msg(at && !strncmp(at + 9, t, strlen(t)) && at[9 + strlen(t)] == '"',
                      "exported text %zu differs from its import", i);
    }
    json_decref(all);
}

START_TEST(test_uploads_and_an_export_of_several_mib_pass_intact_while_healthz_answers)
{
    h_daemon_t D;
    char head[512];
    size_t len;
    h_init(&D, NULL);
    h_start(&D);
    char *body = big_import(&len);

    /* By Content-Length, with /healthz asked on another connection half-way. */
    snprintf(head, sizeof head, "POST /v1/users/big1/import HTTP/1.1\r\nHost: 127.0.0.1\r\n"
             "Content-Type: application/x-ndjson\r\nContent-Length: %zu\r\n\r\n", len);
    int fd = dial(&D);
    h_raw_send(fd, head, strlen(head));
    h_raw_send(fd, body, len / 2);
    assert_serving(&D);
    h_raw_send(fd, body + len / 2, len - len / 2);
    ck_assert_msg(h_raw_read_reply(fd, reply, sizeof reply) == 200, "%s", reply);

    /* Chunked on the same connection, in chunks of uneven sizes, some with extensions. */
    snprintf(head, sizeof head, "POST /v1/users/big2/import HTTP/1.1\r\nHost: 127.0.0.1\r\n"
             "Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n");
    h_raw_send(fd, head, strlen(head));
    size_t off = 0;
    for (unsigned k = 0; off < len; k++) {
        size_t n = 1 + (k * 7919u) % 65000u;
        if (n > len - off) n = len - off;
        char size[64];
        snprintf(size, sizeof size, k % 3 ? "%zx\r\n" : "%zX;k=%u\r\n", n, k);
        ck_assert_int_eq(h_raw_send(fd, size, strlen(size)), 0);
        ck_assert_int_eq(h_raw_send(fd, body + off, n), 0);
        ck_assert_int_eq(h_raw_send(fd, "\r\n", 2), 0);
        off += n;
        if (k == 20) assert_serving(&D);
    }
    h_raw_send(fd, "0\r\n\r\n", 5);
    ck_assert_msg(h_raw_read_reply(fd, reply, sizeof reply) == 200, "%s", reply);
    close(fd);

    assert_export_matches(&D, "big1", body);
    assert_export_matches(&D, "big2", body);
    free(body);
    assert_serving(&D);
    h_cleanup(&D);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("relay");
    TCase *tc = tcase_create("relay");
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, test_a_malformed_request_after_a_good_one_gets_the_first_reply_then_a_json_error);
    tcase_add_test(tc, test_a_head_past_the_limit_after_a_good_request_is_431_json);
    tcase_add_test(tc, test_a_later_head_trickled_past_its_deadline_is_closed_and_an_idle_one_too);
    tcase_add_test(tc, test_a_bad_chunk_size_is_400_json_in_a_first_or_a_later_request);
    tcase_add_test(tc, test_a_request_libmicrohttpd_answered_before_its_bad_chunk_gets_that_answer_alone);
    tcase_add_test(tc, test_a_chunk_size_past_64_bits_is_413_json);
    tcase_add_test(tc, test_a_good_chunked_body_with_extensions_and_a_trailer_is_served_and_kept_alive);
    tcase_add_test(tc, test_three_pipelined_requests_are_answered_in_order);
    tcase_add_test(tc, test_uploads_and_an_export_of_several_mib_pass_intact_while_healthz_answers);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}
