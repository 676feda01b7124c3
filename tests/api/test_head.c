/* test_head.c: the front stage's check of a connection's first request head
 * (api/head.c), pure: heads libmicrohttpd takes pass, heads it would have refused with
 * its own HTML page get their status and error code, and the verdict is the same
 * whether a head comes at once or a byte at a time. */
#include <check.h>
#include <string.h>
#include "api/internal.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *const good[] = {
    "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    "GET /healthz HTTP/1.0\r\n\r\n",
    "\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n",                 /* an empty line before */
    "POST /v1/memories HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
    "POST /v1/chat HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    "GET /v1/users/caf\xc3\xa9 HTTP/1.1\r\nHost: x\r\nX-Empty:\r\nX-Tab:\tv\t\r\n\r\n",
    "BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n",
};

static const struct {
    const char *head;
    unsigned status;
    const char *code;
} bad[] = {
    {"hello\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"GET\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"GET / \r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"GET  / HTTP/1.1\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"GET / HTTP/1.1 x\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"G(T / HTTP/1.1\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {" GET / HTTP/1.1\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"\x16\x03\x01\x02\x00", 400, API_CODE_BAD_REQUEST},
    {"GET / HTTP/2.0\r\n\r\n", 505, API_CODE_HTTP_VERSION_NOT_SUPPORTED},
    {"GET / HTTP/1.2\r\n\r\n", 505, API_CODE_HTTP_VERSION_NOT_SUPPORTED},
    {"GET / HTTP/0.9\r\n\r\n", 505, API_CODE_HTTP_VERSION_NOT_SUPPORTED},
    {"GET / HTTP/11\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"GET / http/1.1\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"GET / HTTP/1.1\r\n\r\n", 400, API_CODE_BAD_REQUEST},          /* no Host */
    {"GET / HTTP/1.1\nHost: x\n\n", 400, API_CODE_BAD_REQUEST},
    {"GET / HTTP/1.1\r\nHost: x\rY: z\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"GET / HTTP/1.1\r\nHost: x\r\nNo colon\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"GET / HTTP/1.1\r\nHost: x\r\nY : z\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"GET / HTTP/1.1\r\nHost: x\r\n: z\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"GET / HTTP/1.1\r\nHost: x\r\nY: z\r\n folded\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"GET / HTTP/1.1\r\nHost: x\r\nY: \x1b[2J\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"GET /a\tb HTTP/1.1\r\nHost: x\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"GET /%00 HTTP/1.1\r\nHost: x\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +1\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length:\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n", 400,
     API_CODE_BAD_REQUEST},
    {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
     400, API_CODE_BAD_REQUEST},
    {"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 400,
     API_CODE_BAD_REQUEST},
    {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 18446744073709551616\r\n\r\n", 413,
     API_CODE_PAYLOAD_TOO_LARGE},
    {"GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", 400, API_CODE_BAD_REQUEST},
};

/* The verdict on s given whole, then a byte at a time; both must agree. */
static api_head_verdict_t check_both(const char *s, size_t n, api_head_t *h)
{
    api_head_t step = {0};
    memset(h, 0, sizeof *h);
    api_head_verdict_t v = api_head_check(h, s, n), w = API_HEAD_MORE;
    for (size_t i = 0; i <= n && w == API_HEAD_MORE; i++) w = api_head_check(&step, s, i);
    ck_assert_msg(v == w, "'%s': %d at once, %d a byte at a time", s, v, w);
    return v;
}

START_TEST(test_heads_libmicrohttpd_takes_pass_whole_or_in_pieces)
{
    api_head_t h;
    const char *s = good[_i];
    ck_assert_msg(check_both(s, strlen(s), &h) == API_HEAD_GOOD, "'%s': %u %s", s, h.status,
                  h.why);
    ck_assert_msg(!memcmp(s + h.len - 4, "\r\n\r\n", 4), "'%s': len %zu", s, h.len);
}
END_TEST

START_TEST(test_heads_libmicrohttpd_would_refuse_get_their_status_and_code)
{
    api_head_t h;
    ck_assert_msg(check_both(bad[_i].head, strlen(bad[_i].head), &h) == API_HEAD_BAD &&
                      h.status == bad[_i].status && !strcmp(h.code, bad[_i].code),
                  "'%s': want %u %s, got %u %s (%s)", bad[_i].head, bad[_i].status,
                  bad[_i].code, h.status, h.code ? h.code : "-", h.why);
}
END_TEST

START_TEST(test_a_nul_anywhere_in_the_head_is_400)
{
    static const char s[] = "GET / HTTP/1.1\r\nHost: x\r\nY: a\0b\r\n\r\n";
    api_head_t h;
    ck_assert(check_both(s, sizeof s - 1, &h) == API_HEAD_BAD && h.status == 400);
}
END_TEST

START_TEST(test_an_unfinished_head_waits_for_more)
{
    static const char *const part[] = {"", "G", "GET /", "GET / HTTP/1.1\r",
                                       "GET / HTTP/1.1\r\nHost: x\r\n", "GET / HTTP/1.1\r\nHost: x\r\n\r"};
    for (int i = 0; i < N(part); i++) {
        api_head_t h = {0};
        ck_assert_msg(api_head_check(&h, part[i], strlen(part[i])) == API_HEAD_MORE, "'%s'",
                      part[i]);
    }
}
END_TEST

START_TEST(test_a_head_past_its_size_or_fields_is_431)
{
    static char s[API_HEAD_MAX + 64];
    api_head_t h = {0};
    int n = snprintf(s, sizeof s, "GET / HTTP/1.1\r\nHost: x\r\nX: ");
    memset(s + n, 'a', sizeof s - (size_t)n);
    ck_assert(api_head_check(&h, s, API_HEAD_MAX) == API_HEAD_MORE);
    ck_assert(api_head_check(&h, s, API_HEAD_MAX + 1) == API_HEAD_BAD && h.status == 431);
    memset(&h, 0, sizeof h);
    n = snprintf(s, sizeof s, "GET / HTTP/1.1\r\nHost: x\r\nCookie: a=1");
    for (int i = 1; i < API_HEAD_FIELDS_MAX; i++) n += snprintf(s + n, sizeof s - (size_t)n, ";a");
    n += snprintf(s + n, sizeof s - (size_t)n, "\r\n\r\n");
    ck_assert(check_both(s, (size_t)n, &h) == API_HEAD_BAD && h.status == 431);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("api_head");
    TCase *tc = tcase_create("head");
    tcase_add_loop_test(tc, test_heads_libmicrohttpd_takes_pass_whole_or_in_pieces, 0, N(good));
    tcase_add_loop_test(tc, test_heads_libmicrohttpd_would_refuse_get_their_status_and_code, 0,
                        N(bad));
    tcase_add_test(tc, test_a_nul_anywhere_in_the_head_is_400);
    tcase_add_test(tc, test_an_unfinished_head_waits_for_more);
    tcase_add_test(tc, test_a_head_past_its_size_or_fields_is_431);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
