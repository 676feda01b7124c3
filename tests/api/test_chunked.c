/* test_chunked.c: the front stage's check of a chunked request body (api/chunked.c),
 * pure: bodies libmicrohttpd reads pass and end where they end (what follows is the next
 * request's), bodies it would have answered with its own page get their status and
 * error code, and the verdict is the same whether a body comes at once or a byte at a
 * time. */
#include <check.h>
#include <string.h>
#include "api/internal.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const struct {
    const char *body;
    size_t len;         /* bytes of the body; the rest is what follows it */
} good[] = {
    {"0\r\n\r\n", 5},
    {"5\r\nhello\r\n0\r\n\r\n", 15},
    {"5;name=value;flag\r\nhello\r\n0\r\n\r\n", 31},
    {"A\r\n0123456789\r\na\r\n0123456789\r\n000\r\n\r\n", 37},
    {"2\r\n\r\n\r\n0\r\n\r\n", 12},                     /* data that is CRLF */
    {"1\r\nx\r\n0\r\nX-Trailer: v\r\nY:\t\r\n\r\n", 30},
    {"ffffffffffffffff\r\n", 0},                            /* the largest size: more to come */
    {"3\r\nabc\r\n0\r\n\r\nGET / HTTP/1.1\r\n", 13},
};

static const struct {
    const char *body;
    unsigned status;
    const char *code;
} bad[] = {
    {"zz\r\n", 400, API_CODE_BAD_REQUEST},
    {"\r\n", 400, API_CODE_BAD_REQUEST},
    {" 5\r\nhello\r\n0\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"5 \r\nhello\r\n0\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"-5\r\n", 400, API_CODE_BAD_REQUEST},
    {"0x5\r\n", 400, API_CODE_BAD_REQUEST},
    {"5\nhello\r\n", 400, API_CODE_BAD_REQUEST},
    {"5\rhello\r\n", 400, API_CODE_BAD_REQUEST},
    {"5;a\x01\r\nhello\r\n", 400, API_CODE_BAD_REQUEST},
    {"2\r\n{}xx\r\n", 400, API_CODE_BAD_REQUEST},
    {"2\r\n{}\n0\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"0\r\nX-T\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"0\r\nX T: v\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"0\r\n folded\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"0\r\nX-T: \x1b\r\n\r\n", 400, API_CODE_BAD_REQUEST},
    {"0\r\n\r\x01", 400, API_CODE_BAD_REQUEST},
    {"10000000000000000\r\n", 413, API_CODE_PAYLOAD_TOO_LARGE},
    {"fffffffffffffffffffffffff\r\n", 413, API_CODE_PAYLOAD_TOO_LARGE},
};

/* The verdict on s (n bytes) fed at once and a byte at a time, which must agree; *used:
 * the bytes taken. */
static api_head_verdict_t check_both(const char *s, size_t n, api_chunked_t *k, size_t *used)
{
    api_chunked_t one = {0};
    size_t at = 0, u = 0;
    api_head_verdict_t v = api_chunked_check(k, s, n, used), w = API_HEAD_MORE;
    while (at < n && w == API_HEAD_MORE) {
        w = api_chunked_check(&one, s + at, 1, &u);
        at += u;
    }
    ck_assert_msg(v == w, "%s: at once %d, a byte at a time %d", s, v, w);
    if (v == API_HEAD_GOOD) ck_assert_uint_eq(at, *used);
    if (v == API_HEAD_BAD) ck_assert_uint_eq(one.status, k->status);
    return v;
}

START_TEST(test_bodies_libmicrohttpd_reads_pass_and_end_where_they_end)
{
    for (int i = 0; i < N(good); i++) {
        api_chunked_t k = {0};
        size_t used;
        const char *b = good[i].body;
        api_head_verdict_t v = check_both(b, strlen(b), &k, &used);
        if (!good[i].len) {
            ck_assert_msg(v == API_HEAD_MORE && used == strlen(b), "%s: %d", b, v);
            continue;
        }
        ck_assert_msg(v == API_HEAD_GOOD, "%s: %d %s", b, v, k.why);
        ck_assert_uint_eq(used, good[i].len);
    }
}
END_TEST

START_TEST(test_bodies_libmicrohttpd_would_refuse_get_its_status_in_json)
{
    for (int i = 0; i < N(bad); i++) {
        api_chunked_t k = {0};
        size_t used;
        const char *b = bad[i].body;
        ck_assert_msg(check_both(b, strlen(b), &k, &used) == API_HEAD_BAD, "%s passed", b);
        ck_assert_msg(k.status == bad[i].status && !strcmp(k.code, bad[i].code),
                      "%s: want %u %s, got %u %s (%s)", b, bad[i].status, bad[i].code,
                      k.status, k.code, k.why);
        ck_assert(k.why[0]);
    }
}
END_TEST

START_TEST(test_a_size_line_or_trailer_past_its_limit_is_refused)
{
    static char b[2 * API_CHUNK_LINE_MAX + 64];
    api_chunked_t k = {0};
    size_t used;
    memset(b, 0, sizeof b);
    b[0] = '1';
    b[1] = ';';
    memset(b + 2, 'e', API_CHUNK_LINE_MAX);
    ck_assert_int_eq(api_chunked_check(&k, b, strlen(b), &used), API_HEAD_BAD);
    ck_assert_uint_eq(k.status, 400);

    memset(&k, 0, sizeof k);
    size_t n = (size_t)snprintf(b, sizeof b, "0\r\n");
    while (n < API_CHUNK_LINE_MAX + 16) n += (size_t)snprintf(b + n, sizeof b - n, "X: v\r\n");
    ck_assert_int_eq(api_chunked_check(&k, b, n, &used), API_HEAD_BAD);
    ck_assert_uint_eq(k.status, 431);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("chunked");
    TCase *tc = tcase_create("chunked");
    tcase_add_test(tc, test_bodies_libmicrohttpd_reads_pass_and_end_where_they_end);
    tcase_add_test(tc, test_bodies_libmicrohttpd_would_refuse_get_its_status_in_json);
    tcase_add_test(tc, test_a_size_line_or_trailer_past_its_limit_is_refused);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
