/* test_mcp.c: the MCP endpoint (POST/DELETE /mcp, docs/API.md "MCP") of the real mnemod,
 * over raw HTTP: a table of bad JSON-RPC messages, each a clear error after which the
 * daemon still serves; sessions (opened by initialize, required, ended by DELETE, the
 * least recently used forgotten); GET 405; Origin; the protocol version header; the
 * stateless 2026-07-28 requests (no session, headers that must match the body); tools
 * that fail (isError) and arguments past the caps (-32602); tokens and users. The real
 * MCP SDK clients run in test_mcp_clients.c; `mnemo mcp` runs here too, without node. */
#define _GNU_SOURCE /* asprintf */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <curl/curl.h>

#include "tests/integration/harness.h"

#define ALICE "alice-secret-0123456789abcdef"
#define BOB "bob-secret-0123456789abcdef"
#define TOKENS "token = alice:" ALICE "\ntoken = bob:" BOB "\n"
#define STATELESS "2026-07-28"
#define META "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" STATELESS "\"," \
             "\"io.modelcontextprotocol/clientCapabilities\":{}}"
#define INIT "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":" \
             "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{}," \
             "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"

static h_daemon_t D;

/* ---- a POST with headers ------------------------------------------------------------ */

typedef struct reply {
    h_resp_t r;
    char session[128];      /* the MCP-Session-Id header, "" when absent */
} reply_t;

static size_t on_body(char *p, size_t s, size_t n, void *u)
{
    h_resp_t *r = u;
    size_t k = s * n;
    char *b = realloc(r->body, r->len + k + 1);
    if (!b) return 0;
    memcpy(b + r->len, p, k);
    r->body = b;
    r->len += k;
    b[r->len] = '\0';
    return k;
}

static size_t on_header(char *p, size_t s, size_t n, void *u)
{
    reply_t *x = u;
    size_t k = s * n;
    if (k > 15 && !strncasecmp(p, "MCP-Session-Id:", 15)) {
        snprintf(x->session, sizeof x->session, "%.*s", (int)(k - 15), p + 15);
        char *e = x->session + strlen(x->session);
        while (e > x->session && (e[-1] == '\r' || e[-1] == '\n')) *--e = '\0';
        memmove(x->session, x->session + strspn(x->session, " "), strlen(x->session) + 1);
    }
    if (k > 13 && !strncasecmp(p, "Content-Type:", 13))
        snprintf(x->r.content_type, sizeof x->r.content_type, "%.*s", (int)(k - 16), p + 14);
    return k;
}

/* method /mcp with body (NULL: none) and header lines (NULL-ended, may be NULL). The
 * reply's body is parsed when it is JSON. */
static void mcp(const char *method, const char *body, const char *const *headers, reply_t *x)
{
    char url[128];
    struct curl_slist *h = NULL;
    memset(x, 0, sizeof *x);
    snprintf(url, sizeof url, "%s/mcp", D.base);
    CURL *c = curl_easy_init();
    ck_assert_ptr_nonnull(c);
    h = curl_slist_append(h, "Expect:");
    if (body) h = curl_slist_append(h, "Content-Type: application/json");
    for (const char *const *l = headers; l && *l; l++) h = curl_slist_append(h, *l);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    if (body) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
    }
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &x->r);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, x);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
    CURLcode rc = curl_easy_perform(c);
    ck_assert_msg(rc == CURLE_OK, "POST /mcp: %s", curl_easy_strerror(rc));
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &x->r.status);
    if (x->r.body) x->r.json = json_loads(x->r.body, 0, NULL);
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
}

static void post(const char *body, const char *const *headers, reply_t *x)
{
    mcp("POST", body, headers, x);
}

static int rpc_code(const reply_t *x)
{
    return (int)json_integer_value(json_object_get(json_object_get(x->r.json, "error"), "code"));
}

static json_t *result(const reply_t *x)
{
    return json_object_get(x->r.json, "result");
}

#define assert_rpc_error(x, want_status, want_code)                                         \
    ck_assert_msg((x)->r.status == (want_status) && rpc_code(x) == (want_code),            \
                  "want %d %d, got %ld: %s", (want_status), (want_code), (x)->r.status,     \
                  (x)->r.body ? (x)->r.body : "")

static void assert_healthy(void)
{
    h_resp_t r;
    ck_assert_int_eq(h_get(&D, NULL, "/healthz", &r), 0);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
}

/* Opens a session acting for alice; its id lands in sid. */
static void open_session(char sid[128], const char *const *headers)
{
    reply_t x;
    static const char *const alice[] = {"X-Mnemo-User: alice", NULL};
    post(INIT, headers ? headers : alice, &x);
    ck_assert_msg(x.r.status == 200 && strlen(x.session) == 32, "initialize: %ld %s [%s]",
                  x.r.status, x.r.body, x.session);
    ck_assert_str_eq(json_string_value(json_object_get(result(&x), "protocolVersion")),
                     "2025-11-25");
    snprintf(sid, 128, "%s", x.session);
    h_resp_clear(&x.r);
}

static void setup(void)
{
    h_init(&D, NULL);
    h_start(&D);
}

static void setup_tokens(void)
{
    h_init(&D, TOKENS);
    snprintf(D.probe_token, sizeof D.probe_token, "%s", ALICE);
    h_start(&D);
}

static void teardown(void) { h_cleanup(&D); }

/* ---- bad JSON-RPC: a clear error each, and the daemon keeps serving ------------------ */

enum hdrs { WITH_SESSION, STATELESS_HDRS, NO_SESSION };

static const struct bad {
    const char *what, *body;
    enum hdrs hdrs;
    long status;
    int code;               /* the JSON-RPC error code; 0: a REST error (see status) */
} bad[] = {
    {"not JSON", "{\"jsonrpc\":", WITH_SESSION, 400, -32700},
    {"invalid UTF-8", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"p\xff\"}", WITH_SESSION, 400,
     -32700},
    {"a string, not an object", "\"ping\"", WITH_SESSION, 400, -32600},
    {"a number", "42", WITH_SESSION, 400, -32600},
    {"a batch", "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", WITH_SESSION, 400, -32600},
    {"an empty batch", "[]", WITH_SESSION, 400, -32600},
    {"jsonrpc 1.0", "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}", WITH_SESSION, 400,
     -32600},
    {"no jsonrpc", "{\"id\":1,\"method\":\"ping\"}", WITH_SESSION, 400, -32600},
    {"method not a string", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}", WITH_SESSION, 400,
     -32600},
    {"no method", "{\"jsonrpc\":\"2.0\",\"id\":1}", WITH_SESSION, 400, -32600},
    {"id an object", "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}", WITH_SESSION, 400,
     -32600},
    {"duplicate keys", "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\"}",
     WITH_SESSION, 400, -32700},
    {"a request without an id",
     "{\"jsonrpc\":\"2.0\",\"method\":\"tools/call\",\"params\":{\"name\":\"list_memories\"}}",
     WITH_SESSION, 400, -32600},
    {"unknown method", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/list\"}",
     WITH_SESSION, 200, -32601},
    {"params not an object", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\","
     "\"params\":[1]}", WITH_SESSION, 200, -32602},
    {"tools/call without a name", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
     "\"params\":{}}", WITH_SESSION, 200, -32602},
    {"an unknown tool", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
     "\"params\":{\"name\":\"rm_rf\"}}", WITH_SESSION, 200, -32602},
    {"arguments not an object", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
     "\"params\":{\"name\":\"list_memories\",\"arguments\":\"all\"}}", WITH_SESSION, 200,
     -32602},
    {"a required argument missing", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
     "\"params\":{\"name\":\"search_memory\",\"arguments\":{}}}", WITH_SESSION, 200, -32602},
    {"an argument of the wrong type", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
     "\"params\":{\"name\":\"search_memory\",\"arguments\":{\"query\":5}}}", WITH_SESSION, 200,
     -32602},
    {"an argument the tool lacks", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
     "\"params\":{\"name\":\"list_memories\",\"arguments\":{\"user\":\"bob\"}}}",
     WITH_SESSION, 200, -32602},
    {"initialize without a version", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
     "\"params\":{}}", WITH_SESSION, 200, -32602},
    {"no session", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", NO_SESSION, 400,
     -32600},
    {"stateless, headers missing", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\","
     "\"params\":{" META "}}", NO_SESSION, 400, -32020},
    {"stateless, Mcp-Method mismatch", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\","
     "\"params\":{" META "}}", STATELESS_HDRS, 400, -32020},
    {"stateless, version header mismatch", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\","
     "\"params\":{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2031-01-01\"}}}",
     STATELESS_HDRS, 400, -32020},
};

START_TEST(test_bad_messages_get_a_clear_error_and_the_daemon_keeps_serving)
{
    char sid[128], session[160];
    open_session(sid, NULL);
    snprintf(session, sizeof session, "MCP-Session-Id: %s", sid);
    const char *with_session[] = {"X-Mnemo-User: alice", session, NULL};
    const char *stateless[] = {"X-Mnemo-User: alice", "MCP-Protocol-Version: " STATELESS,
                               "Mcp-Method: tools/list", NULL};
    const char *none[] = {"X-Mnemo-User: alice", NULL};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        reply_t x;
        const struct bad *b = &bad[i];
        post(b->body, b->hdrs == WITH_SESSION ? with_session
                      : b->hdrs == STATELESS_HDRS ? stateless : none, &x);
        ck_assert_msg(x.r.status == b->status && rpc_code(&x) == b->code,
                      "%s: want %ld %d, got %ld: %s", b->what, b->status, b->code, x.r.status,
                      x.r.body ? x.r.body : "");
        const char *msg = json_string_value(json_object_get(json_object_get(x.r.json, "error"),
                                                            "message"));
        ck_assert_msg(msg && strlen(msg) > 5, "%s: no message", b->what);
        h_resp_clear(&x.r);
        assert_healthy();
    }
}
END_TEST

START_TEST(test_an_oversized_body_is_413_and_the_daemon_keeps_serving)
{
    size_t n = (1u << 20) + 4096;       /* over the default max_body */
    char *body = malloc(n + 1);
    ck_assert_ptr_nonnull(body);
    int k = snprintf(body, n, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\"");
    memset(body + k, 'a', n - (size_t)k - 3);
    memcpy(body + n - 3, "\"}}", 4);
    reply_t x;
    const char *h[] = {"X-Mnemo-User: alice", NULL};
    post(body, h, &x);
    ck_assert_int_eq(x.r.status, 413);
    h_resp_clear(&x.r);
    free(body);
    assert_healthy();
}
END_TEST

START_TEST(test_a_body_that_is_not_json_content_is_415)
{
    h_resp_t r;
    ck_assert_int_eq(h_request(&D, "POST", "/mcp?user=alice", NULL, "text/plain", INIT,
                               strlen(INIT), &r), 0);
    h_assert_reply(&r, 415, "unsupported_media_type");
    h_resp_clear(&r);
    assert_healthy();
}
END_TEST

/* ---- sessions --------------------------------------------------------------------- */

START_TEST(test_initialize_opens_a_session_that_the_next_requests_need)
{
    char sid[128], session[160];
    reply_t x;
    open_session(sid, NULL);
    snprintf(session, sizeof session, "MCP-Session-Id: %s", sid);
    const char *ok[] = {"X-Mnemo-User: alice", session, "MCP-Protocol-Version: 2025-11-25", NULL};
    const char *unknown[] = {"X-Mnemo-User: alice",
                             "MCP-Session-Id: 0123456789abcdef0123456789abcdef", NULL};

    post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", ok, &x);
    ck_assert_int_eq(x.r.status, 202);
    ck_assert_uint_eq(x.r.len, 0);
    h_resp_clear(&x.r);

    post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", ok, &x);
    ck_assert_int_eq(x.r.status, 200);
    ck_assert_uint_eq(json_array_size(json_object_get(result(&x), "tools")), 7);
    ck_assert_ptr_null(json_object_get(result(&x), "resultType"));
    h_resp_clear(&x.r);

    post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}", unknown, &x);
    assert_rpc_error(&x, 404, -32600);
    h_resp_clear(&x.r);

    /* A client's response to nothing is accepted too. */
    post("{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":{}}", ok, &x);
    ck_assert_int_eq(x.r.status, 202);
    h_resp_clear(&x.r);
}
END_TEST

START_TEST(test_delete_ends_the_session)
{
    char sid[128], session[160];
    reply_t x;
    open_session(sid, NULL);
    snprintf(session, sizeof session, "MCP-Session-Id: %s", sid);
    const char *h[] = {"X-Mnemo-User: alice", session, NULL};
    mcp("DELETE", NULL, h, &x);
    ck_assert_int_eq(x.r.status, 204);
    h_resp_clear(&x.r);
    post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", h, &x);
    assert_rpc_error(&x, 404, -32600);
    h_resp_clear(&x.r);
    mcp("DELETE", NULL, h, &x);
    assert_rpc_error(&x, 404, -32600);
    h_resp_clear(&x.r);
}
END_TEST

START_TEST(test_the_least_recently_used_session_is_forgotten_for_a_new_one)
{
    char first[128], sid[128], session[160];
    reply_t x;
    open_session(first, NULL);
    for (int i = 0; i < 256; i++) open_session(sid, NULL);     /* the table's size */
    snprintf(session, sizeof session, "MCP-Session-Id: %s", first);
    const char *h[] = {"X-Mnemo-User: alice", session, NULL};
    post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", h, &x);
    assert_rpc_error(&x, 404, -32600);
    h_resp_clear(&x.r);
    snprintf(session, sizeof session, "MCP-Session-Id: %s", sid);
    post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", h, &x);
    ck_assert_int_eq(x.r.status, 200);
    h_resp_clear(&x.r);
}
END_TEST

START_TEST(test_get_is_405_as_no_server_stream_is_offered)
{
    h_resp_t r;
    ck_assert_int_eq(h_get(&D, NULL, "/mcp", &r), 0);
    h_assert_reply(&r, 405, "method_not_allowed");
    ck_assert_str_eq(r.allow, "POST, DELETE");
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_a_page_of_another_origin_is_403_and_loopback_pages_are_served)
{
    reply_t x;
    const char *evil[] = {"X-Mnemo-User: alice", "Origin: http://evil.example", NULL};
    const char *rebound[] = {"X-Mnemo-User: alice", "Origin: http://127.0.0.1.evil.example",
                             NULL};
    const char *local[] = {"X-Mnemo-User: alice", "Origin: http://localhost:5173", NULL};
    const char *v6[] = {"X-Mnemo-User: alice", "Origin: http://[::1]:8420", NULL};
    post(INIT, evil, &x);
    assert_rpc_error(&x, 403, -32600);
    ck_assert_str_eq(x.session, "");
    h_resp_clear(&x.r);
    post(INIT, rebound, &x);
    ck_assert_int_eq(x.r.status, 403);
    h_resp_clear(&x.r);
    post(INIT, local, &x);
    ck_assert_int_eq(x.r.status, 200);
    h_resp_clear(&x.r);
    post(INIT, v6, &x);
    ck_assert_int_eq(x.r.status, 200);
    h_resp_clear(&x.r);
}
END_TEST

START_TEST(test_an_unsupported_protocol_version_header_is_400)
{
    char sid[128], session[160];
    reply_t x;
    open_session(sid, NULL);
    snprintf(session, sizeof session, "MCP-Session-Id: %s", sid);
    const char *h[] = {"X-Mnemo-User: alice", session, "MCP-Protocol-Version: 1999-01-01", NULL};
    post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", h, &x);
    assert_rpc_error(&x, 400, -32022);
    ck_assert(json_array_size(json_object_get(json_object_get(json_object_get(x.r.json, "error"),
                                                              "data"), "supported")) > 0);
    h_resp_clear(&x.r);
}
END_TEST

START_TEST(test_initialize_answers_an_unknown_version_with_its_newest)
{
    reply_t x;
    const char *h[] = {"X-Mnemo-User: alice", NULL};
    post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
         "{\"protocolVersion\":\"2099-01-01\"}}", h, &x);
    ck_assert_int_eq(x.r.status, 200);
    ck_assert_str_eq(json_string_value(json_object_get(result(&x), "protocolVersion")),
                     "2025-11-25");
    h_resp_clear(&x.r);
    post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
         "{\"protocolVersion\":\"2025-03-26\"}}", h, &x);
    ck_assert_str_eq(json_string_value(json_object_get(result(&x), "protocolVersion")),
                     "2025-03-26");
    h_resp_clear(&x.r);
}
END_TEST

/* ---- the stateless revision ------------------------------------------------------- */

START_TEST(test_stateless_requests_need_no_session_and_headers_must_match)
{
    reply_t x;
    const char *discover[] = {"X-Mnemo-User: alice", "MCP-Protocol-Version: " STATELESS,
                              "Mcp-Method: server/discover", NULL};
    post("{\"jsonrpc\":\"2.0\",\"id\":\"d\",\"method\":\"server/discover\",\"params\":{" META "}}",
         discover, &x);
    ck_assert_int_eq(x.r.status, 200);
    ck_assert_str_eq(x.session, "");
    json_t *r = result(&x);
    ck_assert_str_eq(json_string_value(json_object_get(r, "resultType")), "complete");
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(r, "supportedVersions"), 0)),
                     STATELESS);
    ck_assert_ptr_nonnull(json_object_get(json_object_get(r, "capabilities"), "tools"));
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(json_object_get(r, "_meta"),
                     "io.modelcontextprotocol/serverInfo"), "name")), "mnemo");
    h_resp_clear(&x.r);

    const char *list[] = {"X-Mnemo-User: alice", "MCP-Protocol-Version: " STATELESS,
                          "Mcp-Method: tools/list", NULL};
    post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{" META "}}", list, &x);
    ck_assert_int_eq(x.r.status, 200);
    ck_assert_uint_eq(json_array_size(json_object_get(result(&x), "tools")), 7);
    ck_assert(json_integer_value(json_object_get(result(&x), "ttlMs")) > 0);
    ck_assert_str_eq(json_string_value(json_object_get(result(&x), "cacheScope")), "public");
    h_resp_clear(&x.r);

    /* Mcp-Name in the base64 form, decoded before it is compared. */
    const char *add[] = {"X-Mnemo-User: alice", "MCP-Protocol-Version: " STATELESS,
                         "Mcp-Method: tools/call", "Mcp-Name: =?base64?YWRkX21lbW9yaWVz?=", NULL};
    post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
         "\"add_memories\",\"arguments\":{\"text\":\"I live in Oslo.\"}," META "}}", add, &x);
    ck_assert_msg(x.r.status == 200 && json_is_false(json_object_get(result(&x), "isError")),
                  "%s", x.r.body);
    h_resp_clear(&x.r);

    const char *wrong_name[] = {"X-Mnemo-User: alice", "MCP-Protocol-Version: " STATELESS,
                                "Mcp-Method: tools/call", "Mcp-Name: list_memories", NULL};
    post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":"
         "\"delete_all_memories\"," META "}}", wrong_name, &x);
    assert_rpc_error(&x, 400, -32020);
    h_resp_clear(&x.r);

    const char *unknown[] = {"X-Mnemo-User: alice", "MCP-Protocol-Version: " STATELESS,
                             "Mcp-Method: prompts/list", NULL};
    post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"prompts/list\",\"params\":{" META "}}",
         unknown, &x);
    assert_rpc_error(&x, 404, -32601);
    h_resp_clear(&x.r);

    const char *future[] = {"X-Mnemo-User: alice", "MCP-Protocol-Version: 2031-01-01",
                            "Mcp-Method: tools/list", NULL};
    post("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/list\",\"params\":{\"_meta\":"
         "{\"io.modelcontextprotocol/protocolVersion\":\"2031-01-01\"}}}", future, &x);
    assert_rpc_error(&x, 400, -32022);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(json_object_get(
                         x.r.json, "error"), "data"), "requested")), "2031-01-01");
    h_resp_clear(&x.r);

    /* What add_memories stored is alice's: the REST API finds it. */
    json_t *hits = h_search(&D, NULL, "user=alice&q=Oslo");
    ck_assert_uint_eq(json_array_size(hits), 1);
    json_decref(hits);
}
END_TEST

/* ---- tools ------------------------------------------------------------------------ */

static json_t *call_tool(const char *sid, const char *name, const char *args, reply_t *x)
{
    char session[160], *body = NULL;
    snprintf(session, sizeof session, "MCP-Session-Id: %s", sid);
    const char *h[] = {"X-Mnemo-User: alice", session, NULL};
    ck_assert_int_gt(asprintf(&body, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\","
                              "\"params\":{\"name\":\"%s\",\"arguments\":%s}}", name, args), 0);
    post(body, h, x);
    free(body);
    ck_assert_msg(x->r.status == 200, "%s: %ld %s", name, x->r.status, x->r.body);
    return result(x);
}

START_TEST(test_a_failing_tool_is_a_result_with_is_error)
{
    char sid[128];
    reply_t x;
    open_session(sid, NULL);
    json_t *r = call_tool(sid, "chat", "{\"message\":\"hello\"}", &x);
    ck_assert(json_is_true(json_object_get(r, "isError")));
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(json_object_get(r,
                     "structuredContent"), "error"), "code")), "no_model");
    h_resp_clear(&x.r);
    r = call_tool(sid, "memory_history", "{\"memory_id\":424242}", &x);
    ck_assert(json_is_true(json_object_get(r, "isError")));
    h_resp_clear(&x.r);
    r = call_tool(sid, "delete_memories", "{\"memory_ids\":[424242]}", &x);
    ck_assert(json_is_true(json_object_get(r, "isError")));
    h_resp_clear(&x.r);
    assert_healthy();
}
END_TEST

START_TEST(test_the_memory_tools_act_for_the_sessions_user)
{
    char sid[128];
    reply_t x;
    open_session(sid, NULL);
    json_t *r = call_tool(sid, "add_memories", "{\"text\":\"My cat is called Tom.\"}", &x);
    json_int_t id = json_integer_value(json_object_get(json_object_get(r, "structuredContent"),
                                                       "id"));
    ck_assert_int_gt(id, 0);
    h_resp_clear(&x.r);
    r = call_tool(sid, "search_memory", "{\"query\":\"cat\",\"limit\":3}", &x);
    json_t *first = json_array_get(json_object_get(json_object_get(r, "structuredContent"),
                                                   "results"), 0);
    ck_assert_int_eq(json_integer_value(json_object_get(first, "id")), id);
    ck_assert_str_eq(json_string_value(json_object_get(first, "user")), "alice");
    h_resp_clear(&x.r);
    r = call_tool(sid, "list_memories", "{\"limit\":1}", &x);
    ck_assert_uint_eq(json_array_size(json_object_get(json_object_get(r, "structuredContent"),
                                                      "memories")), 1);
    h_resp_clear(&x.r);
    /* bob has none of it */
    json_t *bobs = h_search(&D, NULL, "user=bob&q=cat");
    ck_assert_uint_eq(json_array_size(bobs), 0);
    json_decref(bobs);
    r = call_tool(sid, "delete_all_memories", "{}", &x);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(r, "structuredContent"),
                                                        "deleted_memories")), 1);
    h_resp_clear(&x.r);
}
END_TEST

START_TEST(test_list_sizes_are_capped)
{
    char sid[128], session[160];
    reply_t x;
    open_session(sid, NULL);
    snprintf(session, sizeof session, "MCP-Session-Id: %s", sid);
    const char *h[] = {"X-Mnemo-User: alice", session, NULL};
    post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
         "\"search_memory\",\"arguments\":{\"query\":\"x\",\"limit\":101}}}", h, &x);
    assert_rpc_error(&x, 200, -32602);
    h_resp_clear(&x.r);
    char body[2048];
    int k = snprintf(body, sizeof body, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                     "\"params\":{\"name\":\"delete_memories\",\"arguments\":{\"memory_ids\":[");
    for (int i = 1; i <= 101; i++) k += snprintf(body + k, sizeof body - (size_t)k, "%s%d",
                                                 i > 1 ? "," : "", i);
    snprintf(body + k, sizeof body - (size_t)k, "]}}}");
    post(body, h, &x);
    assert_rpc_error(&x, 200, -32602);
    h_resp_clear(&x.r);
    /* the schema says so */
    post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", h, &x);
    json_t *tools = json_object_get(result(&x), "tools");
    size_t i;
    json_t *t;
    json_array_foreach(tools, i, t) {
        if (strcmp(json_string_value(json_object_get(t, "name")), "search_memory")) continue;
        json_t *limit = json_object_get(json_object_get(json_object_get(t, "inputSchema"),
                                                        "properties"), "limit");
        ck_assert_int_eq(json_integer_value(json_object_get(limit, "maximum")), 100);
    }
    h_resp_clear(&x.r);
}
END_TEST

START_TEST(test_an_event_stream_answers_a_client_that_accepts_only_that)
{
    reply_t x;
    const char *h[] = {"X-Mnemo-User: alice", "Accept: text/event-stream", NULL};
    post(INIT, h, &x);
    ck_assert_int_eq(x.r.status, 200);
    ck_assert_msg(strstr(x.r.content_type, "text/event-stream"), "%s", x.r.content_type);
    ck_assert_msg(!strncmp(x.r.body, "event: message\ndata: {", 22), "%s", x.r.body);
    ck_assert_int_eq(strlen(x.session), 32);
    h_resp_clear(&x.r);
}
END_TEST

/* ---- tokens ----------------------------------------------------------------------- */

START_TEST(test_tokens_decide_the_user_and_own_the_session)
{
    reply_t x;
    char sid[128], session[160];
    const char *none[] = {NULL};
    post(INIT, none, &x);
    ck_assert_int_eq(x.r.status, 401);
    h_resp_clear(&x.r);

    const char *alice_as_bob[] = {"Authorization: Bearer " ALICE, "X-Mnemo-User: bob", NULL};
    post(INIT, alice_as_bob, &x);
    ck_assert_int_eq(x.r.status, 403);
    h_resp_clear(&x.r);

    const char *alice[] = {"Authorization: Bearer " ALICE, NULL};
    open_session(sid, alice);
    snprintf(session, sizeof session, "MCP-Session-Id: %s", sid);
    const char *bob_in_alices[] = {"Authorization: Bearer " BOB, session, NULL};
    post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", bob_in_alices, &x);
    assert_rpc_error(&x, 404, -32600);
    h_resp_clear(&x.r);

    const char *alices[] = {"Authorization: Bearer " ALICE, session, NULL};
    json_t *r;
    post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
         "\"add_memories\",\"arguments\":{\"text\":\"I have a red bike.\"}}}", alices, &x);
    r = json_object_get(result(&x), "structuredContent");
    ck_assert_str_eq(json_string_value(json_object_get(r, "user")), "alice");
    h_resp_clear(&x.r);
}
END_TEST

/* ---- mnemo mcp (stdio), without node ------------------------------------------------ */

/* Runs `mnemo mcp --user alice` on the lines of input; returns its stdout lines. */
static json_t *run_bridge(const char *server, const char *input)
{
    char in[400], env_server[160], *out = NULL, *err = NULL;
    snprintf(in, sizeof in, "%s/bridge-in.jsonl", D.dir);
    ck_assert_int_eq(h_write_file(in, input, strlen(input)), 0);
    snprintf(env_server, sizeof env_server, "MNEMO_SERVER=%s", server);
    char *const argv[] = {getenv("MNEMO_CLI"), "mcp", "--user", "alice", NULL};
    char *const env[] = {env_server, NULL};
    int rc = h_run(argv, env, in, &out, &err);
    ck_assert_msg(rc == 0, "mnemo mcp exited %d: %s", rc, err);
    json_t *lines = json_array();
    for (char *l = strtok(out, "\n"); l; l = strtok(NULL, "\n")) {
        json_t *j = json_loads(l, 0, NULL);
        ck_assert_msg(j != NULL, "stdout has a line that is not JSON: %s", l);
        json_array_append_new(lines, j);
    }
    free(out);
    free(err);
    return lines;
}

START_TEST(test_mnemo_mcp_answers_each_line_and_keeps_going_after_errors)
{
    json_t *lines = run_bridge(D.base,
        INIT "\n"
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
        "this is not json\n"
        "\n"
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
        "\"add_memories\",\"arguments\":{\"text\":\"I like green tea.\"}}}\n"
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
        "\"search_memory\",\"arguments\":{\"query\":\"tea\"}," META "}}\n");
    /* initialize, the parse error, add, search (stateless): the notification has none */
    ck_assert_uint_eq(json_array_size(lines), 4);
    ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(lines, 0), "id")), 1);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(json_array_get(lines, 1),
                                                                        "error"), "code")),
                     -32700);
    json_t *found = json_object_get(json_object_get(json_object_get(json_array_get(lines, 3),
                    "result"), "structuredContent"), "results");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(found, 0), "text")),
                     "I like green tea.");
    json_decref(lines);
}
END_TEST

START_TEST(test_mnemo_mcp_answers_requests_with_an_error_when_mnemod_is_unreachable)
{
    json_t *lines = run_bridge("http://127.0.0.1:1",
        INIT "\n{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
        "{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}\n");
    ck_assert_uint_eq(json_array_size(lines), 2);
    json_t *e = json_object_get(json_array_get(lines, 1), "error");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(lines, 1), "id")), "p");
    ck_assert_int_eq(json_integer_value(json_object_get(e, "code")), -32603);
    ck_assert_ptr_nonnull(strstr(json_string_value(json_object_get(e, "message")), "cannot reach"));
    json_decref(lines);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("mcp");
    TCase *tc = tcase_create("open");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_bad_messages_get_a_clear_error_and_the_daemon_keeps_serving);
    tcase_add_test(tc, test_an_oversized_body_is_413_and_the_daemon_keeps_serving);
    tcase_add_test(tc, test_a_body_that_is_not_json_content_is_415);
    tcase_add_test(tc, test_initialize_opens_a_session_that_the_next_requests_need);
    tcase_add_test(tc, test_delete_ends_the_session);
    tcase_add_test(tc, test_the_least_recently_used_session_is_forgotten_for_a_new_one);
    tcase_add_test(tc, test_get_is_405_as_no_server_stream_is_offered);
    tcase_add_test(tc, test_a_page_of_another_origin_is_403_and_loopback_pages_are_served);
    tcase_add_test(tc, test_an_unsupported_protocol_version_header_is_400);
    tcase_add_test(tc, test_initialize_answers_an_unknown_version_with_its_newest);
    tcase_add_test(tc, test_stateless_requests_need_no_session_and_headers_must_match);
    tcase_add_test(tc, test_a_failing_tool_is_a_result_with_is_error);
    tcase_add_test(tc, test_the_memory_tools_act_for_the_sessions_user);
    tcase_add_test(tc, test_list_sizes_are_capped);
    tcase_add_test(tc, test_an_event_stream_answers_a_client_that_accepts_only_that);
    tcase_add_test(tc, test_mnemo_mcp_answers_each_line_and_keeps_going_after_errors);
    tcase_add_test(tc, test_mnemo_mcp_answers_requests_with_an_error_when_mnemod_is_unreachable);
    suite_add_tcase(s, tc);
    TCase *tk = tcase_create("tokens");
    tcase_set_timeout(tk, 60);
    tcase_add_checked_fixture(tk, setup_tokens, teardown);
    tcase_add_test(tk, test_tokens_decide_the_user_and_own_the_session);
    suite_add_tcase(s, tk);
    return h_run_suite(s);
}
