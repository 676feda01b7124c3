/* test_openai.c: the OpenAI-compatible routes against the real mnemod, where no model is
 * needed: a table of bad /v1/chat/completions bodies (not JSON, messages missing, empty
 * or not an array, no user message, stream not a boolean, oversized ...) each refused
 * with a clear 400 (413 past the body cap) in OpenAI's error shape while the daemon keeps
 * serving; a well-formed body reaching the turn is 503 without a model, in the same
 * shape; 401 and 403 too; and GET /v1/models lists nothing without a model. The turn
 * itself is tested with a model in test_chat.c and with the official openai client in
 * test_openai_node.c. */
#include "tests/integration/harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALICE "alice-secret-0123456789"
#define TOKENS "token = alice:" ALICE "\n"

static h_daemon_t D;

static void setup_open(void)
{
    h_init(&D, "max_message_bytes = 64\nmax_body_bytes = 4096\n");
    h_start(&D);
}

static void setup_tokens(void)
{
    h_init(&D, TOKENS);
    h_start(&D);
}

static void teardown(void)
{
    ck_assert_int_eq(h_stop(&D), 0);
    h_cleanup(&D);
}

static const char *field(const json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

/* Asserts r is OpenAI's error object: {"error": {"message", "type", "param", "code"}}
 * with status, type and (when not NULL) param. */
static void assert_openai_error(const h_resp_t *r, long status, const char *type,
                                const char *param, const char *what)
{
    json_t *e = json_object_get(r->json, "error");
    ck_assert_msg(r->status == status && json_is_object(e),
                  "%s: want %ld, got %ld %.300s", what, status, r->status, r->body);
    ck_assert_msg(!strcmp(field(e, "type"), type), "%s: type %s, want %s", what,
                  field(e, "type"), type);
    ck_assert_msg(*field(e, "message") && *field(e, "code"), "%s: %s", what, r->body);
    json_t *p = json_object_get(e, "param");
    ck_assert_msg(p && (json_is_null(p) || json_is_string(p)), "%s: param %s", what, r->body);
    if (param)
        ck_assert_msg(!strcmp(field(e, "param"), param), "%s: param %s, want %s", what,
                      field(e, "param"), param);
}

static void post(const char *token, const char *body, size_t len, h_resp_t *r)
{
    ck_assert_int_eq(h_request(&D, "POST", "/v1/chat/completions", token, "application/json",
                               body, len, r), 0);
}

static void assert_serving(void)
{
    h_resp_t r;
    h_get(&D, NULL, "/healthz", &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
}

START_TEST(test_bad_completion_bodies_are_400_in_openai_shape)
{
    static const struct {
        const char *why, *body, *param;
    } bad[] = {
        {"not JSON", "{\"messages\": [", NULL},
        {"not an object", "[{\"role\": \"user\", \"content\": \"hi\"}]", NULL},
        {"invalid UTF-8", "{\"messages\": [{\"role\": \"user\", \"content\": \"\xff\"}]}", NULL},
        {"messages missing", "{\"model\": \"m\"}", "messages"},
        {"messages null", "{\"messages\": null}", "messages"},
        {"messages empty", "{\"messages\": []}", "messages"},
        {"messages not an array", "{\"messages\": \"hi\"}", "messages"},
        {"messages an object", "{\"messages\": {\"role\": \"user\"}}", "messages"},
        {"a message not an object", "{\"messages\": [\"hi\"]}", "messages[0]"},
        {"a role missing", "{\"messages\": [{\"content\": \"hi\"}]}", "messages[0].role"},
        {"an unknown role", "{\"messages\": [{\"role\": \"boss\", \"content\": \"hi\"}]}",
         "messages[0].role"},
        {"content a number", "{\"messages\": [{\"role\": \"user\", \"content\": 7}]}",
         "messages[0].content"},
        {"no user message",
         "{\"messages\": [{\"role\": \"system\", \"content\": \"be nice\"},"
         " {\"role\": \"assistant\", \"content\": \"hello\"}]}", "messages"},
        {"the user message empty", "{\"messages\": [{\"role\": \"user\", \"content\": \" \"}]}",
         "messages[0].content"},
        {"the user message without content", "{\"messages\": [{\"role\": \"user\"}]}",
         "messages[0].content"},
        {"an image part",
         "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\","
         " \"image_url\": {\"url\": \"http://x\"}}]}]}", "messages[0].content[0]"},
        {"a message past max_message_bytes",
         "{\"messages\": [{\"role\": \"user\", \"content\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
         "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}]}", "messages[0].content"},
        {"parts past max_message_bytes together",
         "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\":"
         " \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}, {\"type\": \"text\", \"text\":"
         " \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}]}]}", "messages[0].content"},
        {"stream a string",
         "{\"stream\": \"yes\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
         "stream"},
        {"stream a number",
         "{\"stream\": 1, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}", "stream"},
        {"stream_options not an object",
         "{\"stream_options\": true, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
         "stream_options"},
        {"include_usage not a boolean",
         "{\"stream_options\": {\"include_usage\": \"yes\"}, \"messages\": [{\"role\": \"user\","
         " \"content\": \"hi\"}]}", "stream_options.include_usage"},
        {"model not a string",
         "{\"model\": 4, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}", "model"},
        {"user not an id",
         "{\"user\": \"a/b\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
         "user"},
        {"metadata.conversation not an id",
         "{\"user\": \"u1\", \"metadata\": {\"conversation\": \"\"}, \"messages\":"
         " [{\"role\": \"user\", \"content\": \"hi\"}]}", "metadata.conversation"},
        {"no user with no tokens",
         "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}", "user"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        h_resp_t r;
        post(NULL, bad[i].body, strlen(bad[i].body), &r);
        assert_openai_error(&r, 400, "invalid_request_error", bad[i].param, bad[i].why);
        h_resp_clear(&r);
        assert_serving();
    }
}
END_TEST

START_TEST(test_a_body_past_the_cap_is_413_in_openai_shape)
{
    size_t len = 8192;
    char *body = malloc(len + 1);
    ck_assert_ptr_nonnull(body);
    int n = snprintf(body, len, "{\"messages\": [{\"role\": \"user\", \"content\": \"");
    memset(body + n, 'a', len - (size_t)n - 4);
    memcpy(body + len - 4, "\"}]}", 4);
    h_resp_t r;
    post(NULL, body, len, &r);
    assert_openai_error(&r, 413, "invalid_request_error", NULL, "oversized");
    h_resp_clear(&r);
    free(body);
    assert_serving();
}
END_TEST

START_TEST(test_a_good_body_without_a_model_is_503_in_openai_shape)
{
    static const char body[] =
        "{\"model\": \"gpt-4o\", \"user\": \"u1\", \"messages\": [{\"role\": \"system\","
        " \"content\": \"be brief\"}, {\"role\": \"user\", \"content\": [{\"type\": \"text\","
        " \"text\": \"My dog is called Rex.\"}]}, {\"role\": \"assistant\", \"content\": null}],"
        " \"stream\": true, \"temperature\": 0.2, \"n\": 1}";
    h_resp_t r;
    post(NULL, body, strlen(body), &r);
    assert_openai_error(&r, 503, "server_error", NULL, "no model");
    ck_assert_str_eq(field(json_object_get(r.json, "error"), "code"), "no_model");
    h_resp_clear(&r);
    /* A wrong Content-Type and a wrong method answer in the same shape. */
    ck_assert_int_eq(h_request(&D, "POST", "/v1/chat/completions", NULL, "text/plain", body,
                               strlen(body), &r), 0);
    assert_openai_error(&r, 415, "invalid_request_error", NULL, "text/plain");
    h_resp_clear(&r);
    h_get(&D, NULL, "/v1/chat/completions", &r);
    assert_openai_error(&r, 405, "invalid_request_error", NULL, "GET");
    h_resp_clear(&r);
    /* Nothing was stored. */
    h_get(&D, NULL, "/v1/users/u1/conversations", &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_uint_eq(json_array_size(json_object_get(r.json, "conversations")), 0);
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_models_lists_nothing_without_a_model)
{
    h_resp_t r;
    h_get(&D, NULL, "/v1/models", &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_str_eq(field(r.json, "object"), "list");
    ck_assert(json_is_array(json_object_get(r.json, "data")));
    ck_assert_uint_eq(json_array_size(json_object_get(r.json, "data")), 0);
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_tokens_are_checked_in_openai_shape)
{
    static const char body[] = "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}";
    static const char bob[] =
        "{\"user\": \"bob\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}";
    h_resp_t r;
    post(NULL, body, strlen(body), &r);
    assert_openai_error(&r, 401, "authentication_error", NULL, "no token");
    h_resp_clear(&r);
    post("not-a-token-at-all-0000", body, strlen(body), &r);
    assert_openai_error(&r, 401, "authentication_error", NULL, "unknown token");
    h_resp_clear(&r);
    h_get(&D, NULL, "/v1/models", &r);
    assert_openai_error(&r, 401, "authentication_error", NULL, "models without a token");
    h_resp_clear(&r);
    /* A user token acts for its user: naming another is 403. */
    post(ALICE, bob, strlen(bob), &r);
    assert_openai_error(&r, 403, "permission_error", NULL, "another user");
    h_resp_clear(&r);
    /* Its own user implied: the body reaches the turn (503: no model). */
    post(ALICE, body, strlen(body), &r);
    assert_openai_error(&r, 503, "server_error", NULL, "own user");
    h_resp_clear(&r);
    /* The other routes keep mnemo's shape. */
    h_get(&D, NULL, "/v1/memories?user=alice", &r);
    h_assert_reply(&r, 401, "unauthorized");
    h_resp_clear(&r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("openai");
    TCase *tc = tcase_create("open");
    tcase_add_checked_fixture(tc, setup_open, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_bad_completion_bodies_are_400_in_openai_shape);
    tcase_add_test(tc, test_a_body_past_the_cap_is_413_in_openai_shape);
    tcase_add_test(tc, test_a_good_body_without_a_model_is_503_in_openai_shape);
    tcase_add_test(tc, test_models_lists_nothing_without_a_model);
    suite_add_tcase(s, tc);
    tc = tcase_create("tokens");
    tcase_add_checked_fixture(tc, setup_tokens, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_tokens_are_checked_in_openai_shape);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}
