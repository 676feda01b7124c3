/* test_validate.c: api/'s pure checks, without a server: UTF-8, user and conversation
 * ids, k and limit parsing, memory ids and cursors, ISO-8601 times, and the query
 * parameters of GET /v1/memories. Tables of inputs, each with the answer it must get. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "api/validate.h"

static api_limits_t lim;

static void setup(void)
{
    api_limits_default(&lim);
}

/* ---- UTF-8 ---------------------------------------------------------------------- */

typedef struct bytes_case {
    const char *s;
    size_t len;
    int valid;
} bytes_case_t;

#define B(lit, v) {lit, sizeof lit - 1, v}

static const bytes_case_t utf8_cases[] = {
    B("", 1),
    B("plain ascii", 1),
    B("caf\xc3\xa9", 1),                    /* é */
    B("\xe6\x97\xa5\xe6\x9c\xac", 1),       /* 日本 */
    B("\xf0\x9f\x90\xb6", 1),               /* U+1F436 */
    B("\xf4\x8f\xbf\xbf", 1),               /* U+10FFFF, the last code point */
    B("\xef\xbf\xbd", 1),                   /* U+FFFD */
    B("\xff", 0),
    B("\xfe\xff", 0),
    B("\x80", 0),                           /* a lone continuation byte */
    B("\xc0\xaf", 0),                       /* overlong '/' */
    B("\xc1\xbf", 0),                       /* overlong */
    B("\xe0\x80\xaf", 0),                   /* overlong, three bytes */
    B("\xf0\x80\x80\xaf", 0),               /* overlong, four bytes */
    B("\xed\xa0\x80", 0),                   /* U+D800, a surrogate */
    B("\xed\xbf\xbf", 0),                   /* U+DFFF */
    B("\xf4\x90\x80\x80", 0),               /* U+110000 */
    B("\xf5\x80\x80\x80", 0),
    B("\xe2\x82", 0),                       /* truncated */
    B("ok\xe2\x82", 0),                     /* truncated at the end */
    B("\xc3(", 0),                          /* a continuation that is not one */
};

START_TEST(test_utf8_check_accepts_only_well_formed_utf8)
{
    const bytes_case_t *c = &utf8_cases[_i];
    ck_assert_msg(api_utf8_valid(c->s, c->len) == c->valid, "case %d: want %s", _i,
                  c->valid ? "valid" : "invalid");
}
END_TEST

START_TEST(test_utf8_check_reports_the_offset_of_the_first_bad_byte)
{
    ck_assert_uint_eq(api_utf8_check("abc\xff", 4), 3);
    ck_assert_uint_eq(api_utf8_check("\xc3\xa9x\xe2\x82", 5), 3);
    ck_assert_uint_eq(api_utf8_check("abc", 3), 3);
}
END_TEST

START_TEST(test_utf8_check_accepts_embedded_nul)
{
    /* U+0000 is well-formed UTF-8; ids and query values reject it separately. */
    ck_assert(api_utf8_valid("a\0b", 3));
}
END_TEST

START_TEST(test_sanitize_replaces_bad_bytes_and_controls_only)
{
    char s[] = "ok\xff\tz\xc3\xa9\xe2\x82";
    api_sanitize(s);
    ck_assert_str_eq(s, "ok??z\xc3\xa9??");
}
END_TEST

/* ---- ids ------------------------------------------------------------------------ */

START_TEST(test_id_of_1_to_128_bytes_is_valid)
{
    char id[129];
    memset(id, 'u', sizeof id);
    ck_assert(api_id_valid(id, 1));
    ck_assert(api_id_valid(id, 128));
    ck_assert(!api_id_valid(id, 129));
    ck_assert(!api_id_valid(id, 0));
}
END_TEST

static const bytes_case_t id_cases[] = {
    B("alice", 1),
    B("alice@example.com", 1),
    B("a b", 1),
    B("user:1", 1),
    B("\xe6\x97\xa5\xe6\x9c\xac", 1),
    B("a/b", 0),
    B("/", 0),
    B("a\tb", 0),
    B("a\nb", 0),
    B("a\x7f", 0),
    B("a\xc2\x85", 0),                      /* U+0085, a C1 control */
    B("a\xc2\xa0", 1),                      /* U+00A0 is not a control */
    B("a\0b", 0),
    B("\xff", 0),
};

START_TEST(test_id_rejects_controls_slashes_and_bad_utf8)
{
    const bytes_case_t *c = &id_cases[_i];
    ck_assert_msg(api_id_valid(c->s, c->len) == c->valid, "case %d: want %s", _i,
                  c->valid ? "valid" : "invalid");
}
END_TEST

/* ---- integers ------------------------------------------------------------------- */

typedef struct int_case {
    const char *s;
    int ok;
    long want;
} int_case_t;

static const int_case_t k_cases[] = {
    {"1", 1, 1},
    {"10", 1, 10},
    {"100", 1, 100},
    {"007", 1, 7},
    {"0", 0, 0},
    {"-1", 0, 0},
    {"101", 0, 0},
    {"100000", 0, 0},
    {"99999999999999999999999", 0, 0},
    {"18446744073709551617", 0, 0},
    {"abc", 0, 0},
    {"", 0, 0},
    {"1.5", 0, 0},
    {"5x", 0, 0},
    {" 5", 0, 0},
    {"5 ", 0, 0},
    {"+5", 0, 0},
    {"0x10", 0, 0},
    {"1e2", 0, 0},
};

START_TEST(test_k_must_be_an_integer_from_1_to_max_k)
{
    const int_case_t *c = &k_cases[_i];
    long v = -42;
    int rc = api_parse_int(c->s, 1, 100, &v);
    ck_assert_msg((rc == 0) == c->ok, "k='%s': want %s", c->s, c->ok ? "ok" : "rejected");
    if (c->ok) ck_assert_int_eq(v, c->want);
}
END_TEST

START_TEST(test_k_rejection_is_400_invalid_parameter)
{
    api_query_t q;
    api_verr_t e;
    api_query_init(&q, &lim);
    const int_case_t *c = &k_cases[_i];
    int rc = api_query_set(&q, "k", 1, c->s, strlen(c->s), &lim, &e);
    if (c->ok) {
        ck_assert_int_eq(rc, 0);
        ck_assert_int_eq(q.k, c->want);
    } else {
        ck_assert_int_eq(rc, -1);
        ck_assert_int_eq(e.status, 400);
        ck_assert_str_eq(e.code, "invalid_parameter");
        ck_assert_msg(strncmp(e.msg, "k:", 2) == 0, "message names k: %s", e.msg);
    }
}
END_TEST

START_TEST(test_k_without_a_value_is_invalid)
{
    api_query_t q;
    api_verr_t e;
    api_query_init(&q, &lim);
    ck_assert_int_eq(api_query_set(&q, "k", 1, NULL, 0, &lim, &e), -1);
    ck_assert_str_eq(e.code, "invalid_parameter");
}
END_TEST

START_TEST(test_k_and_limit_default_to_10_and_50)
{
    api_query_t q;
    api_query_init(&q, &lim);
    ck_assert_int_eq(q.k, 10);
    ck_assert_int_eq(q.limit, 50);
}
END_TEST

START_TEST(test_limit_follows_max_page)
{
    api_query_t q;
    api_verr_t e;
    api_query_init(&q, &lim);
    ck_assert_int_eq(api_query_set(&q, "limit", 5, "500", 3, &lim, &e), 0);
    ck_assert_int_eq(q.limit, 500);
    ck_assert_int_eq(api_query_set(&q, "limit", 5, "501", 3, &lim, &e), -1);
    ck_assert_str_eq(e.code, "invalid_parameter");
    ck_assert_int_eq(api_query_set(&q, "limit", 5, "0", 1, &lim, &e), -1);
}
END_TEST

/* ---- memory ids and cursors ----------------------------------------------------- */

static const int_case_t id_parse_cases[] = {
    {"1", 1, 1},
    {"17", 1, 17},
    {"9223372036854775807", 1, 0},         /* INT64_MAX: checked apart */
    {"9223372036854775808", 0, 0},
    {"99999999999999999999", 0, 0},
    {"0", 0, 0},
    {"00", 0, 0},
    {"017", 0, 0},
    {"-1", 0, 0},
    {"+1", 0, 0},
    {"", 0, 0},
    {"abc", 0, 0},
    {"1a", 0, 0},
    {" 1", 0, 0},
    {"1.0", 0, 0},
};

START_TEST(test_memory_id_is_a_positive_canonical_int64)
{
    const int_case_t *c = &id_parse_cases[_i];
    int64_t v = -42;
    int rc = api_parse_id(c->s, &v);
    ck_assert_msg((rc == 0) == c->ok, "id='%s': want %s", c->s, c->ok ? "ok" : "rejected");
    if (c->ok && c->want) ck_assert_int_eq(v, c->want);
    if (c->ok && !c->want) ck_assert(v == INT64_MAX);
}
END_TEST

START_TEST(test_a_bad_cursor_is_invalid_parameter)
{
    api_query_t q;
    api_verr_t e;
    api_query_init(&q, &lim);
    ck_assert_int_eq(api_query_set(&q, "cursor", 6, "not-a-cursor!", 13, &lim, &e), -1);
    ck_assert_int_eq(e.status, 400);
    ck_assert_str_eq(e.code, "invalid_parameter");
    ck_assert_int_eq(api_query_set(&q, "cursor", 6, "42", 2, &lim, &e), 0);
    ck_assert_int_eq(q.cursor, 42);
}
END_TEST

/* ---- ISO-8601 ------------------------------------------------------------------- */

START_TEST(test_time_format_is_utc_with_milliseconds)
{
    char buf[API_TIME_LEN];
    ck_assert_str_eq(api_time_format(0, buf), "1970-01-01T00:00:00.000Z");
    ck_assert_str_eq(api_time_format(1795896903120LL, buf), "2026-11-28T20:15:03.120Z");
    ck_assert_str_eq(api_time_format(951782400000LL, buf), "2000-02-29T00:00:00.000Z");
    ck_assert_str_eq(api_time_format(253402300799999LL, buf), "9999-12-31T23:59:59.999Z");
    ck_assert_str_eq(api_time_format(-1, buf), "1969-12-31T23:59:59.999Z");
}
END_TEST

static const char *const canonical_times[] = {
    "1970-01-01T00:00:00.000Z", "1970-01-01T00:00:00.001Z", "1999-12-31T23:59:59.999Z",
    "2000-02-29T12:00:00.000Z", "2024-02-29T23:59:59.500Z", "2026-11-28T20:15:03.120Z",
    "2100-03-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z",
};

START_TEST(test_time_parse_then_format_round_trips)
{
    const char *s = canonical_times[_i];
    char buf[API_TIME_LEN];
    int64_t ms;
    ck_assert_int_eq(api_time_parse(s, &ms), 0);
    ck_assert_str_eq(api_time_format(ms, buf), s);
}
END_TEST

START_TEST(test_time_format_then_parse_round_trips)
{
    char buf[API_TIME_LEN];
    int64_t ms;
    /* every ~ 13 days, with odd milliseconds, from 1970 to past 2100 */
    for (int64_t t = 0; t < 4200000000000LL; t += 1123456789LL + 7) {
        ck_assert_int_eq(api_time_parse(api_time_format(t, buf), &ms), 0);
        ck_assert_msg(ms == t, "%lld -> %s -> %lld", (long long)t, buf, (long long)ms);
    }
}
END_TEST

typedef struct time_case {
    const char *s;
    int ok;
    int64_t want;
} time_case_t;

static const time_case_t time_cases[] = {
    {"2026-11-28T20:00:00Z", 1, 1795896000000LL},
    {"2026-11-28T20:00Z", 1, 1795896000000LL},
    {"2026-11-28t20:00:00z", 1, 1795896000000LL},
    {"2026-11-28", 1, 1795824000000LL},
    {"2026-11-28T20:00:00.5Z", 1, 1795896000500LL},
    {"2026-11-28T20:00:00.123456789Z", 1, 1795896000123LL},
    {"2026-11-28T21:00:00+01:00", 1, 1795896000000LL},
    {"2026-11-28T21:00:00+0100", 1, 1795896000000LL},
    {"2026-11-28T21:00:00+01", 1, 1795896000000LL},
    {"2026-11-28T15:30:00-04:30", 1, 1795896000000LL},
    {"1970-01-01T00:00:00Z", 1, 0},
    {"2024-02-29T00:00:00Z", 1, 1709164800000LL},
    {"2025-02-29T00:00:00Z", 0, 0},         /* not a leap year */
    {"1900-02-29T00:00:00Z", 0, 0},
    {"2026-13-01T00:00:00Z", 0, 0},
    {"2026-00-01T00:00:00Z", 0, 0},
    {"2026-04-31T00:00:00Z", 0, 0},
    {"2026-11-00T00:00:00Z", 0, 0},
    {"2026-11-28T25:00:00Z", 0, 0},
    {"2026-11-28T24:00:00Z", 0, 0},
    {"2026-11-28T20:60:00Z", 0, 0},
    {"2026-11-28T20:00:60Z", 0, 0},
    {"2026-11-28T20:00:00", 0, 0},          /* no zone: never guessed */
    {"2026-11-28T20:00:00.Z", 0, 0},
    {"2026-11-28T20:00:00.1234567890Z", 0, 0},
    {"2026-11-28T20:00:00Zjunk", 0, 0},
    {"2026-11-28 20:00:00Z", 0, 0},
    {"2026-11-28Tnope", 0, 0},
    {"2026-11-28T20:00:00+25:00", 0, 0},
    {"26-11-28", 0, 0},
    {"yesterday", 0, 0},
    {"", 0, 0},
    {"1795892400000", 0, 0},
    /* in UTC outside the years 0000..9999, which api_time_format could not write back
     * as something this parses (found by tests/fuzz/fuzz_validate.c) */
    {"9999-12-31T23:59:59.999Z", 1, 253402300799999LL},
    {"9999-12-31T23:59-12", 0, 0},
    {"9999-12-31T11:59:59.999-12:00", 1, 253402300799999LL},
    {"9999-12-31T12:00-12:00", 0, 0},
    {"0000-01-01T00:00:00Z", 1, -62167219200000LL},
    {"0000-01-01T00:30+01:00", 0, 0},
};

START_TEST(test_time_parse_accepts_iso_8601_and_rejects_the_rest)
{
    const time_case_t *c = &time_cases[_i];
    int64_t ms = -42;
    int rc = api_time_parse(c->s, &ms);
    ck_assert_msg((rc == 0) == c->ok, "'%s': want %s", c->s, c->ok ? "ok" : "rejected");
    if (c->ok)
        ck_assert_msg(ms == c->want, "'%s': %lld, want %lld", c->s, (long long)ms,
                      (long long)c->want);
}
END_TEST

/* ---- query parameters ----------------------------------------------------------- */

typedef struct query_case {
    const char *key, *val;
    size_t val_len;             /* 0: strlen */
    const char *code;           /* NULL: accepted */
} query_case_t;

static const query_case_t query_cases[] = {
    {"user", "alice", 0, NULL},
    {"user", "", 0, "invalid_parameter"},
    {"user", "a/b", 0, "invalid_parameter"},
    {"user", "\xc3\x28", 0, "invalid_utf8"},
    {"user", "a\0b", 3, "invalid_parameter"},
    {"conversation", "c1", 0, NULL},
    {"conversation", "c\x01", 0, "invalid_parameter"},
    {"q", "my dog", 0, NULL},
    {"q", "", 0, "invalid_parameter"},
    {"q", "   ", 0, "invalid_parameter"},
    {"q", "\xff", 0, "invalid_utf8"},
    {"since", "2026-11-28T20:00:00Z", 0, NULL},
    {"since", "yesterday", 0, "invalid_parameter"},
    {"until", "2026-11-28Tnope", 0, "invalid_parameter"},
    {"limit", "abc", 0, "invalid_parameter"},
    {"cursor", "0", 0, "invalid_parameter"},
    {"unknown", "anything", 0, NULL},
    {"\xff", "x", 0, "invalid_utf8"},
};

START_TEST(test_query_parameters_get_the_right_error)
{
    const query_case_t *c = &query_cases[_i];
    api_query_t q;
    api_verr_t e;
    api_query_init(&q, &lim);
    size_t vl = c->val_len ? c->val_len : strlen(c->val);
    int rc = api_query_set(&q, c->key, strlen(c->key), c->val, vl, &lim, &e);
    if (!c->code) {
        ck_assert_msg(rc == 0, "%s=%s rejected: %s", c->key, c->val, e.msg);
    } else {
        ck_assert_msg(rc == -1, "%s=%s accepted", c->key, c->val);
        ck_assert_int_eq(e.status, 400);
        ck_assert_str_eq(e.code, c->code);
    }
}
END_TEST

START_TEST(test_q_longer_than_max_text_is_invalid)
{
    api_query_t q;
    api_verr_t e;
    size_t n = lim.max_text + 1;
    char *s = malloc(n + 1);
    memset(s, 'a', n);
    s[n] = '\0';
    api_query_init(&q, &lim);
    ck_assert_int_eq(api_query_set(&q, "q", 1, s, n, &lim, &e), -1);
    ck_assert_str_eq(e.code, "invalid_parameter");
    s[n - 1] = '\0';                        /* exactly max_text bytes */
    ck_assert_int_eq(api_query_set(&q, "q", 1, s, n - 1, &lim, &e), 0);
    free(s);
}
END_TEST

START_TEST(test_since_and_until_are_recorded)
{
    api_query_t q;
    api_verr_t e;
    api_query_init(&q, &lim);
    ck_assert(!q.has_since && !q.has_until);
    ck_assert_int_eq(api_query_set(&q, "since", 5, "1970-01-01T00:00:01Z", 20, &lim, &e), 0);
    ck_assert_int_eq(api_query_set(&q, "until", 5, "1970-01-01T00:00:02Z", 20, &lim, &e), 0);
    ck_assert(q.has_since && q.has_until);
    ck_assert_int_eq(q.since_ms, 1000);
    ck_assert_int_eq(q.until_ms, 2000);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

int main(void)
{
    Suite *s = suite_create("api_validate");
    TCase *tc;

    tc = tcase_create("utf8_and_ids");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, test_utf8_check_accepts_only_well_formed_utf8, 0, N(utf8_cases));
    tcase_add_test(tc, test_utf8_check_reports_the_offset_of_the_first_bad_byte);
    tcase_add_test(tc, test_utf8_check_accepts_embedded_nul);
    tcase_add_test(tc, test_sanitize_replaces_bad_bytes_and_controls_only);
    tcase_add_test(tc, test_id_of_1_to_128_bytes_is_valid);
    tcase_add_loop_test(tc, test_id_rejects_controls_slashes_and_bad_utf8, 0, N(id_cases));
    suite_add_tcase(s, tc);

    tc = tcase_create("integers");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, test_k_must_be_an_integer_from_1_to_max_k, 0, N(k_cases));
    tcase_add_loop_test(tc, test_k_rejection_is_400_invalid_parameter, 0, N(k_cases));
    tcase_add_test(tc, test_k_without_a_value_is_invalid);
    tcase_add_test(tc, test_k_and_limit_default_to_10_and_50);
    tcase_add_test(tc, test_limit_follows_max_page);
    tcase_add_loop_test(tc, test_memory_id_is_a_positive_canonical_int64, 0,
                        N(id_parse_cases));
    tcase_add_test(tc, test_a_bad_cursor_is_invalid_parameter);
    suite_add_tcase(s, tc);

    tc = tcase_create("iso8601");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_time_format_is_utc_with_milliseconds);
    tcase_add_loop_test(tc, test_time_parse_then_format_round_trips, 0, N(canonical_times));
    tcase_add_test(tc, test_time_format_then_parse_round_trips);
    tcase_add_loop_test(tc, test_time_parse_accepts_iso_8601_and_rejects_the_rest, 0,
                        N(time_cases));
    suite_add_tcase(s, tc);

    tc = tcase_create("query");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, test_query_parameters_get_the_right_error, 0, N(query_cases));
    tcase_add_test(tc, test_q_longer_than_max_text_is_invalid);
    tcase_add_test(tc, test_since_and_until_are_recorded);
    suite_add_tcase(s, tc);

    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
