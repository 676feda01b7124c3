/* test_bad_input.c: hostile and malformed requests, each answered with the exact
 * status and error code of docs/API.md, after which the daemon still answers
 * /healthz and still creates a memory. One daemon (no tokens, max_body_bytes = 4096)
 * serves the whole table; each row is its own loop test. */
#define _XOPEN_SOURCE 700
#include "tests/integration/harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static h_daemon_t D;
static int64_t existing_id;   /* a memory for the PATCH rows, made in setup */

#define MAX_BODY 4096

typedef struct bad_case {
    const char *name;
    const char *method;
    const char *path;         /* "{id}" is replaced by existing_id */
    const char *ctype;        /* NULL: none */
    const char *body;         /* NULL: none; special bodies are built in make_body */
    int want_status;
    const char *want_code;
    const char *allow;        /* 405: a method the Allow header must list */
} bad_case_t;

#define JSON "application/json"
#define NDJSON "application/x-ndjson"
#define MEM "/v1/memories"

/* Bodies too long or too odd for a literal: built on demand. */
#define BODY_DEEP "<deep>"
#define BODY_HUGE "<huge>"
#define BODY_LONG_USER "<long-user>"

static const bad_case_t cases[] = {
    /* not JSON, or not an object */
    {"unclosed object", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":\"a\"", 400, "invalid_json", 0},
    {"trailing comma", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":\"a\",}", 400, "invalid_json", 0},
    {"unclosed string", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":\"abc", 400, "invalid_json", 0},
    {"single quotes", "POST", MEM, JSON, "{'user':'u','text':'a'}", 400, "invalid_json", 0},
    {"bare word", "POST", MEM, JSON, "hello", 400, "invalid_json", 0},
    {"empty body", "POST", MEM, JSON, "", 400, "invalid_json", 0},
    {"raw newline in a string", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":\"a\nb\"}", 400, "invalid_json", 0},
    {"two objects", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":\"a\"}{}", 400, "invalid_json", 0},
    {"deep nesting", "POST", MEM, JSON, BODY_DEEP, 400, "invalid_json", 0},
    {"number overflow", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":\"a\",\"importance\":1e999}", 400, "invalid_json", 0},
    {"array instead of object", "POST", MEM, JSON, "[{\"user\":\"u\",\"text\":\"a\"}]", 400, "invalid_json", 0},
    {"string instead of object", "POST", MEM, JSON, "\"text\"", 400, "invalid_json", 0},
    {"number instead of object", "POST", MEM, JSON, "42", 400, "invalid_json", 0},
    {"null instead of object", "POST", MEM, JSON, "null", 400, "invalid_json", 0},
    /* well-formed, wrong contents */
    {"text is a number", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":5}", 422, "validation_failed", 0},
    {"text is null", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":null}", 422, "validation_failed", 0},
    {"text is an array", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":[\"a\"]}", 422, "validation_failed", 0},
    {"text missing", "POST", MEM, JSON, "{\"user\":\"u\"}", 422, "validation_failed", 0},
    {"text empty", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":\"\"}", 422, "validation_failed", 0},
    {"user missing without tokens", "POST", MEM, JSON, "{\"text\":\"a\"}", 422, "validation_failed", 0},
    {"user is a number", "POST", MEM, JSON, "{\"user\":7,\"text\":\"a\"}", 422, "validation_failed", 0},
    {"user empty", "POST", MEM, JSON, "{\"user\":\"\",\"text\":\"a\"}", 422, "validation_failed", 0},
    {"user with a slash", "POST", MEM, JSON, "{\"user\":\"a/b\",\"text\":\"a\"}", 422, "validation_failed", 0},
    {"user with a control character", "POST", MEM, JSON, "{\"user\":\"a\\u0007b\",\"text\":\"a\"}", 422, "validation_failed", 0},
    {"user of 129 bytes", "POST", MEM, JSON, BODY_LONG_USER, 422, "validation_failed", 0},
    {"conversation is a number", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":\"a\",\"conversation\":3}", 422, "validation_failed", 0},
    {"conversation empty", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":\"a\",\"conversation\":\"\"}", 422, "validation_failed", 0},
    {"importance is a string", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":\"a\",\"importance\":\"high\"}", 422, "validation_failed", 0},
    {"importance above 1", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":\"a\",\"importance\":1.5}", 422, "validation_failed", 0},
    {"importance below 0", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":\"a\",\"importance\":-0.1}", 422, "validation_failed", 0},
    {"batch empty", "POST", MEM, JSON, "{\"user\":\"u\",\"memories\":[]}", 422, "validation_failed", 0},
    {"batch not an array", "POST", MEM, JSON, "{\"user\":\"u\",\"memories\":\"a\"}", 422, "validation_failed", 0},
    {"batch item without text", "POST", MEM, JSON, "{\"user\":\"u\",\"memories\":[{\"text\":\"a\"},{}]}", 422, "validation_failed", 0},
    {"batch item not an object", "POST", MEM, JSON, "{\"user\":\"u\",\"memories\":[\"a\"]}", 422, "validation_failed", 0},
    {"patch with nothing to change", "PATCH", MEM "/{id}", JSON, "{}", 422, "validation_failed", 0},
    {"patch to empty text", "PATCH", MEM "/{id}", JSON, "{\"text\":\"\"}", 422, "validation_failed", 0},
    {"patch importance of wrong type", "PATCH", MEM "/{id}", JSON, "{\"importance\":\"x\"}", 422, "validation_failed", 0},
    {"patch with invalid JSON", "PATCH", MEM "/{id}", JSON, "{\"text\":", 400, "invalid_json", 0},
    {"patch of a missing id", "PATCH", MEM "/987654321", JSON, "{\"text\":\"b\"}", 404, "not_found", 0},
    /* invalid UTF-8 */
    {"invalid byte in body", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":\"\xff\xfe\"}", 400, "invalid_utf8", 0},
    {"overlong encoding in body", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":\"\xc0\xaf\"}", 400, "invalid_utf8", 0},
    {"surrogate in body", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":\"\xed\xa0\x80\"}", 400, "invalid_utf8", 0},
    {"truncated sequence in body", "POST", MEM, JSON, "{\"user\":\"u\",\"text\":\"\xe2\x82\"}", 400, "invalid_utf8", 0},
    {"invalid byte in q", "GET", MEM "?user=u&q=%FF", NULL, NULL, 400, "invalid_utf8", 0},
    {"invalid sequence in user", "GET", MEM "?user=%C3%28", NULL, NULL, 400, "invalid_utf8", 0},
    {"invalid byte in path", "GET", "/v1/users/%FF/export", NULL, NULL, 400, "invalid_utf8", 0},
    {"invalid byte in import", "POST", "/v1/users/u/import", NDJSON, "{\"text\":\"\xff\"}\n", 400, "invalid_utf8", 0},
    /* sizes and media types */
    {"body over max_body_bytes", "POST", MEM, JSON, BODY_HUGE, 413, "payload_too_large", 0},
    {"text/plain body", "POST", MEM, "text/plain", "{\"user\":\"u\",\"text\":\"a\"}", 415, "unsupported_media_type", 0},
    {"form body", "POST", MEM, "application/x-www-form-urlencoded", "user=u&text=a", 415, "unsupported_media_type", 0},
    {"body without a content type", "POST", MEM, NULL, "{\"user\":\"u\",\"text\":\"a\"}", 415, "unsupported_media_type", 0},
    {"import as text/plain", "POST", "/v1/users/u/import", "text/plain", "{\"text\":\"a\"}\n", 415, "unsupported_media_type", 0},
    {"import line not JSON", "POST", "/v1/users/u/import", NDJSON, "{\"text\":\"a\"}\n{nope\n", 400, "invalid_json", 0},
    {"import line without text", "POST", "/v1/users/u/import", NDJSON, "{\"text\":\"a\"}\n{\"importance\":0.1}\n", 422, "validation_failed", 0},
    /* routes and methods */
    {"unknown version", "GET", "/v2/memories", NULL, NULL, 404, "not_found", 0},
    {"root", "GET", "/", NULL, NULL, 404, "not_found", 0},
    {"unknown collection", "GET", "/v1/nothing", NULL, NULL, 404, "not_found", 0},
    {"suffix on a route", "GET", "/v1/memoriesx", NULL, NULL, 404, "not_found", 0},
    {"unknown sub-resource", "GET", MEM "/{id}/unknown", NULL, NULL, 404, "not_found", 0},
    {"PUT on memories", "PUT", MEM, JSON, "{}", 405, "method_not_allowed", "POST"},
    {"DELETE on memories", "DELETE", MEM, NULL, NULL, 405, "method_not_allowed", "GET"},
    {"POST on a memory", "POST", MEM "/{id}", JSON, "{\"text\":\"a\"}", 405, "method_not_allowed", "PATCH"},
    {"PUT on a memory", "PUT", MEM "/{id}", JSON, "{\"text\":\"a\"}", 405, "method_not_allowed", "DELETE"},
    {"DELETE on history", "DELETE", MEM "/{id}/history", NULL, NULL, 405, "method_not_allowed", "GET"},
    {"GET on a user", "GET", "/v1/users/u", NULL, NULL, 405, "method_not_allowed", "DELETE"},
    {"POST on export", "POST", "/v1/users/u/export", JSON, "{}", 405, "method_not_allowed", "GET"},
    {"GET on import", "GET", "/v1/users/u/import", NULL, NULL, 405, "method_not_allowed", "POST"},
    {"POST on healthz", "POST", "/healthz", JSON, "{}", 405, "method_not_allowed", "GET"},
    {"DELETE on readyz", "DELETE", "/readyz", NULL, NULL, 405, "method_not_allowed", "GET"},
    /* query parameters */
    {"k=0", "GET", MEM "?user=u&q=dog&k=0", NULL, NULL, 400, "invalid_parameter", 0},
    {"k=-1", "GET", MEM "?user=u&q=dog&k=-1", NULL, NULL, 400, "invalid_parameter", 0},
    {"k=100000", "GET", MEM "?user=u&q=dog&k=100000", NULL, NULL, 400, "invalid_parameter", 0},
    {"k beyond 64 bits", "GET", MEM "?user=u&q=dog&k=99999999999999999999999", NULL, NULL, 400, "invalid_parameter", 0},
    {"k=abc", "GET", MEM "?user=u&q=dog&k=abc", NULL, NULL, 400, "invalid_parameter", 0},
    {"k=1.5", "GET", MEM "?user=u&q=dog&k=1.5", NULL, NULL, 400, "invalid_parameter", 0},
    {"k empty", "GET", MEM "?user=u&q=dog&k=", NULL, NULL, 400, "invalid_parameter", 0},
    {"k=5x", "GET", MEM "?user=u&q=dog&k=5x", NULL, NULL, 400, "invalid_parameter", 0},
    {"limit=0", "GET", MEM "?user=u&limit=0", NULL, NULL, 400, "invalid_parameter", 0},
    {"limit=-3", "GET", MEM "?user=u&limit=-3", NULL, NULL, 400, "invalid_parameter", 0},
    {"limit=abc", "GET", MEM "?user=u&limit=abc", NULL, NULL, 400, "invalid_parameter", 0},
    {"limit=1000000", "GET", MEM "?user=u&limit=1000000", NULL, NULL, 400, "invalid_parameter", 0},
    {"cursor of garbage", "GET", MEM "?user=u&cursor=not-a-cursor!", NULL, NULL, 400, "invalid_parameter", 0},
    {"since a word", "GET", MEM "?user=u&since=yesterday", NULL, NULL, 400, "invalid_parameter", 0},
    {"since month 13", "GET", MEM "?user=u&since=2026-13-01T00:00:00Z", NULL, NULL, 400, "invalid_parameter", 0},
    {"since hour 25", "GET", MEM "?user=u&since=2026-11-28T25:00:00Z", NULL, NULL, 400, "invalid_parameter", 0},
    {"until garbage in a search", "GET", MEM "?user=u&q=dog&until=2026-11-28Tnope", NULL, NULL, 400, "invalid_parameter", 0},
};
#define N_CASES ((int)(sizeof cases / sizeof cases[0]))

/* The body of case c (malloc'd) and its length. */
static char *make_body(const bad_case_t *c, size_t *len)
{
    char *b;
    if (strcmp(c->body, BODY_DEEP) == 0) {
        size_t n = MAX_BODY - 64;
        b = malloc(n + 1);
        ck_assert_ptr_nonnull(b);
        memset(b, '[', n);
        b[n] = '\0';
    } else if (strcmp(c->body, BODY_HUGE) == 0) {
        /* valid JSON twice the limit */
        size_t n = 2 * MAX_BODY;
        b = malloc(n + 64);
        ck_assert_ptr_nonnull(b);
        int k = sprintf(b, "{\"user\":\"u\",\"text\":\"");
        memset(b + k, 'a', n);
        strcpy(b + k + n, "\"}");
    } else if (strcmp(c->body, BODY_LONG_USER) == 0) {
        b = malloc(256);
        ck_assert_ptr_nonnull(b);
        int k = sprintf(b, "{\"user\":\"");
        memset(b + k, 'u', 129);
        strcpy(b + k + 129, "\",\"text\":\"a\"}");
    } else {
        b = strdup(c->body);
        ck_assert_ptr_nonnull(b);
    }
    *len = strlen(b);
    return b;
}

static void setup(void)
{
    char conf[64];
    snprintf(conf, sizeof conf, "max_body_bytes = %d\n", MAX_BODY);
    h_init(&D, conf);
    h_start(&D);
    existing_id = h_create(&D, NULL, "u", "The first memory, for the PATCH rows.");
    ck_assert_int_gt(existing_id, 0);
}

static void teardown(void)
{
    ck_assert_int_eq(h_stop(&D), 0);
    h_cleanup(&D);
}

START_TEST(test_bad_request_gets_its_exact_error_and_the_daemon_keeps_serving)
{
    const bad_case_t *c = &cases[_i];
    char path[512], *p;
    snprintf(path, sizeof path, "%s", c->path);
    if ((p = strstr(path, "{id}")) != NULL) {
        char rest[256];
        snprintf(rest, sizeof rest, "%s", p + 4);
        snprintf(p, sizeof path - (size_t)(p - path), "%lld%s", (long long)existing_id, rest);
    }
    size_t len = 0;
    char *body = c->body ? make_body(c, &len) : NULL;
    h_resp_t r;
    h_request(&D, c->method, path, NULL, c->ctype, body, len, &r);
    free(body);
    ck_assert_msg(r.status == c->want_status && strcmp(h_error_code(&r), c->want_code) == 0,
                  "[%s] %s %s: want %d %s, got %ld %s: %.300s", c->name, c->method, path,
                  c->want_status, c->want_code, r.status, h_error_code(&r),
                  r.status ? r.body : r.error);
    ck_assert_msg(json_is_string(json_object_get(json_object_get(r.json, "error"), "message")),
                  "[%s] the error has no message: %s", c->name, r.body);
    if (c->allow)
        ck_assert_msg(strstr(r.allow, c->allow) != NULL, "[%s] Allow: '%s' lacks %s", c->name,
                      r.allow, c->allow);
    h_resp_clear(&r);

    h_get(&D, NULL, "/healthz", &r);
    ck_assert_msg(r.status == 200, "[%s] /healthz afterwards: %ld", c->name, r.status);
    h_resp_clear(&r);
    ck_assert_msg(h_create(&D, NULL, "u", "Still works after a bad request.") > 0,
                  "[%s] a valid create failed afterwards", c->name);
}
END_TEST

START_TEST(test_a_batch_with_one_bad_item_writes_nothing)
{
    h_resp_t r;
    h_send(&D, "POST", NULL, MEM,
           json_pack("{s:s,s:[{s:s},{s:i}]}", "user", "batchuser", "memories", "text",
                     "Would be written.", "text", 5),
           &r);
    h_assert_reply(&r, 422, "validation_failed");
    h_resp_clear(&r);
    json_t *all = h_list_all(&D, NULL, "user=batchuser");
    ck_assert_int_eq(json_array_size(all), 0);
    json_decref(all);
}
END_TEST

START_TEST(test_error_replies_are_json)
{
    h_resp_t r;
    h_get(&D, NULL, "/v1/nothing", &r);
    ck_assert_msg(strncmp(r.content_type, "application/json", 16) == 0, "Content-Type '%s'",
                  r.content_type);
    h_resp_clear(&r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("bad_input");
    TCase *tc = tcase_create("table");
    /* One daemon for all rows: started in the runner, outlives each forked row. */
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_loop_test(tc, test_bad_request_gets_its_exact_error_and_the_daemon_keeps_serving,
                        0, N_CASES);
    tcase_add_test(tc, test_a_batch_with_one_bad_item_writes_nothing);
    tcase_add_test(tc, test_error_replies_are_json);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}
