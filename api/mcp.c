/* mcp.c: the MCP server's JSON-RPC 2.0 side, pure over the agent (no libmicrohttpd):
 * parse one message, answer it. Two eras share the methods: the handshake era
 * (2025-11-25 and older: initialize, then requests in a session the transport keeps) and
 * the stateless 2026-07-28 revision, whose requests carry their version in params._meta
 * and whose HTTP headers (MCP-Protocol-Version, Mcp-Method, Mcp-Name) must match the
 * body. The answer also says which HTTP status Streamable HTTP gives it. */
#include "api/mcp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "api/validate.h"

#define META_VERSION "io.modelcontextprotocol/protocolVersion"
#define META_SERVER "io.modelcontextprotocol/serverInfo"

static const char *const handshake_versions[] = {API_MCP_LATEST, API_MCP_OLDER};
#define N_HANDSHAKE (sizeof handshake_versions / sizeof handshake_versions[0])

static const char instructions[] =
    "mnemo is a long-term memory for one user. Call search_memory before answering a "
    "question about the user, add_memories when the user tells something worth keeping, "
    "and chat to talk with mnemo's own agent, which reads, stores and answers facts itself "
    "and cites the memories it used.";

int api_mcp_version_known(const char *v)
{
    for (size_t i = 0; i < N_HANDSHAKE; i++)
        if (!strcmp(v, handshake_versions[i])) return 1;
    return 0;
}

json_t *api_mcp_error(json_t *id, int code, const char *message, json_t *data)
{
    json_t *err = json_pack("{s:i,s:s}", "code", code, "message", message);
    if (err && data) json_object_set_new(err, "data", data);
    else json_decref(data);
    return json_pack("{s:s,s:O?,s:o}", "jsonrpc", "2.0", "id", id ? id : json_null(),
                     "error", err);
}

/* ---- parsing ---------------------------------------------------------------------- */

static void invalid(api_mcp_msg_t *m, int code, const char *fmt, const char *arg)
{
    m->kind = API_MCP_INVALID;
    m->code = code;
    snprintf(m->message, sizeof m->message, fmt, arg);
    api_sanitize(m->message);
}

int api_mcp_parse(const char *body, size_t len, api_mcp_msg_t *m)
{
    api_verr_t e;
    memset(m, 0, sizeof *m);
    m->root = api_parse_json(body, len, &e);
    if (!m->root) {
        /* JSON that is a bare value ("ping", 42) parses, and is no message. */
        json_t *any = json_loadb(body, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, NULL);
        if (any) invalid(m, API_MCP_INVALID_REQUEST, "%s", "a JSON-RPC message is a JSON object");
        else invalid(m, API_MCP_PARSE_ERROR, "parse error: %s", e.msg);
        json_decref(any);
        return 0;
    }
    json_t *r = m->root;
    if (json_is_array(r)) {
        invalid(m, API_MCP_INVALID_REQUEST, "%s", "a batch (JSON array) is not supported: "
                "send one message per request");
        return 0;
    }
    if (!json_is_object(r)) {
        invalid(m, API_MCP_INVALID_REQUEST, "%s", "a JSON-RPC message is a JSON object");
        return 0;
    }
    const char *v = json_string_value(json_object_get(r, "jsonrpc"));
    if (!v || strcmp(v, "2.0")) {
        invalid(m, API_MCP_INVALID_REQUEST, "%s", "jsonrpc: must be \"2.0\"");
        return 0;
    }
    json_t *id = json_object_get(r, "id"), *method = json_object_get(r, "method");
    if (id && !json_is_string(id) && !json_is_integer(id)) {
        invalid(m, API_MCP_INVALID_REQUEST, "%s", "id: must be a string or an integer");
        return 0;
    }
    if (!method) {
        if (id && (json_object_get(r, "result") || json_object_get(r, "error"))) {
            m->kind = API_MCP_NOTIFICATION;     /* a client's response: nothing asked it */
            m->id = id;
            return 0;
        }
        invalid(m, API_MCP_INVALID_REQUEST, "%s", "method: is required");
        return 0;
    }
    if (!json_is_string(method) || json_string_length(method) == 0) {
        invalid(m, API_MCP_INVALID_REQUEST, "%s", "method: must be a non-empty string");
        return 0;
    }
    m->method = json_string_value(method);
    m->id = id;
    m->kind = id ? API_MCP_REQUEST : API_MCP_NOTIFICATION;
    m->params = json_object_get(r, "params");
    json_t *meta = json_object_get(m->params, "_meta");
    m->stateless = json_string_value(json_object_get(meta, META_VERSION));
    return 0;
}

void api_mcp_msg_free(api_mcp_msg_t *m)
{
    json_decref(m->root);
    memset(m, 0, sizeof *m);
}

/* ---- the 2026-07-28 header checks -------------------------------------------------- */

static int b64_value(int c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

/* A header value as the body has it: "=?base64?...?=" decoded into buf. 0 or -1. */
static int header_value(const char *h, char *buf, size_t cap)
{
    size_t n = strlen(h);
    if (n < 11 || strncmp(h, "=?base64?", 9) || strcmp(h + n - 2, "?=")) {
        if (n >= cap) return -1;
        memcpy(buf, h, n + 1);
        return 0;
    }
    size_t out = 0;
    unsigned acc = 0;
    int bits = 0;
    for (const char *p = h + 9; p < h + n - 2 && *p != '='; p++) {
        int v = b64_value((unsigned char)*p);
        if (v < 0) return -1;
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (out + 1 >= cap) return -1;
            buf[out++] = (char)((acc >> bits) & 0xff);
        }
    }
    buf[out] = '\0';
    return 0;
}

/* Checks the mirrored headers against m. Returns NULL, or the error response (with its
 * HTTP status 400 implied). */
static json_t *check_headers(const api_mcp_ctx_t *ctx, const api_mcp_msg_t *m)
{
    const api_mcp_headers_t *h = ctx->headers;
    char msg[320], name[512];
    static const api_mcp_headers_t none = {0};
    if (!h) h = &none;
    if (!h->protocol || strcmp(h->protocol, m->stateless)) {
        snprintf(msg, sizeof msg, "header mismatch: MCP-Protocol-Version is %s, params._meta "
                 "names %s", h->protocol ? h->protocol : "absent", m->stateless);
    } else if (!h->method || strcmp(h->method, m->method)) {
        snprintf(msg, sizeof msg, "header mismatch: Mcp-Method is %s, the body's method is %s",
                 h->method ? h->method : "absent", m->method);
    } else if (!strcmp(m->method, "tools/call")) {
        const char *body_name = json_string_value(json_object_get(m->params, "name"));
        if (!h->name || header_value(h->name, name, sizeof name) || !body_name ||
            strcmp(name, body_name)) {
            snprintf(msg, sizeof msg, "header mismatch: Mcp-Name is %s, params.name is %s",
                     h->name ? h->name : "absent", body_name ? body_name : "absent");
        } else {
            return NULL;
        }
    } else {
        return NULL;
    }
    api_sanitize(msg);
    return api_mcp_error(m->id, API_MCP_HEADER_MISMATCH, msg, NULL);
}

static json_t *supported_versions(int stateless_first)
{
    json_t *a = json_array();
    if (stateless_first) json_array_append_new(a, json_string(API_MCP_STATELESS));
    for (size_t i = 0; i < N_HANDSHAKE; i++)
        json_array_append_new(a, json_string(handshake_versions[i]));
    if (!stateless_first) json_array_append_new(a, json_string(API_MCP_STATELESS));
    return a;
}

static json_t *unsupported(const api_mcp_msg_t *m, const char *requested)
{
    char msg[160];
    snprintf(msg, sizeof msg, "unsupported protocol version %.64s", requested);
    api_sanitize(msg);
    return api_mcp_error(m->id, API_MCP_UNSUPPORTED_VERSION, msg,
                         json_pack("{s:o,s:s}", "supported", supported_versions(1),
                                   "requested", requested));
}

/* ---- the methods ------------------------------------------------------------------ */

static json_t *server_info(const api_mcp_ctx_t *ctx)
{
    return json_pack("{s:s,s:s,s:s}", "name", "mnemo", "title", "mnemo long-term memory",
                     "version", ctx->server_version ? ctx->server_version : "dev");
}

static json_t *capabilities(void)
{
    return json_pack("{s:{s:b}}", "tools", "listChanged", 0);
}

static json_t *initialize(const api_mcp_ctx_t *ctx, const api_mcp_msg_t *m, const char **agreed)
{
    const char *asked = json_string_value(json_object_get(m->params, "protocolVersion"));
    if (!asked) return NULL;
    /* The client's version when we speak it, else our newest: the client decides. */
    *agreed = api_mcp_version_known(asked) ? asked : API_MCP_LATEST;
    return json_pack("{s:s,s:o,s:o,s:s}", "protocolVersion", *agreed, "capabilities",
                     capabilities(), "serverInfo", server_info(ctx), "instructions",
                     instructions);
}

static json_t *discover(const api_mcp_ctx_t *ctx)
{
    return json_pack("{s:o,s:o,s:s,s:i,s:s,s:o}", "supportedVersions", supported_versions(1),
                     "capabilities", capabilities(), "instructions", instructions,
                     "ttlMs", API_MCP_TTL_MS, "cacheScope", "public", "_meta",
                     json_pack("{s:o}", META_SERVER, server_info(ctx)));
}

static json_t *tools_list(const api_mcp_ctx_t *ctx, int stateless)
{
    json_t *r = json_pack("{s:o}", "tools", api_mcp_tools_list(ctx->lim));
    if (r && stateless) {
        json_object_set_new(r, "ttlMs", json_integer(API_MCP_TTL_MS));
        json_object_set_new(r, "cacheScope", json_string("public"));
    }
    return r;
}

/* Fills out for a request. */
static void request(const api_mcp_ctx_t *ctx, const api_mcp_msg_t *m, api_mcp_answer_t *out)
{
    const char *method = m->method, *agreed = NULL;
    int stateless = m->stateless != NULL;
    json_t *result = NULL;
    char msg[320];

    if (m->params && !json_is_object(m->params)) {
        out->http_status = 200;
        out->body = api_mcp_error(m->id, API_MCP_INVALID_PARAMS, "params: must be an object",
                                  NULL);
        return;
    }
    if (stateless) {
        if ((out->body = check_headers(ctx, m))) {
            out->http_status = 400;
            return;
        }
        if (strcmp(m->stateless, API_MCP_STATELESS)) {
            out->http_status = 400;
            out->body = unsupported(m, m->stateless);
            return;
        }
    }
    out->http_status = 200;
    if (!strcmp(method, "initialize") && !stateless) {
        result = initialize(ctx, m, &agreed);
        if (!result) {
            out->body = api_mcp_error(m->id, API_MCP_INVALID_PARAMS,
                                      "params.protocolVersion: is required", NULL);
            return;
        }
        snprintf(out->initialized, sizeof out->initialized, "%s", agreed);
    } else if (!strcmp(method, "server/discover")) {
        result = discover(ctx);
    } else if (!strcmp(method, "ping")) {
        result = json_object();
    } else if (!strcmp(method, "tools/list")) {
        result = tools_list(ctx, stateless);
    } else if (!strcmp(method, "tools/call")) {
        const char *name = json_string_value(json_object_get(m->params, "name"));
        json_t *args = json_object_get(m->params, "arguments");
        int code = API_MCP_INVALID_PARAMS;
        if (!name) {
            snprintf(msg, sizeof msg, "params.name: is required (a tool of tools/list)");
        } else if (args && !json_is_object(args) && !json_is_null(args)) {
            snprintf(msg, sizeof msg, "params.arguments: must be an object");
        } else {
            result = api_mcp_tools_call(ctx, name, json_is_object(args) ? args : NULL, &code,
                                        msg, sizeof msg);
        }
        if (!result) {
            api_sanitize(msg);
            out->body = api_mcp_error(m->id, code, msg, NULL);
            return;
        }
    } else {
        snprintf(msg, sizeof msg, "method not found: %.200s", method);
        api_sanitize(msg);
        /* 2026-07-28 answers an unknown method with 404; the handshake era with 200. */
        out->http_status = stateless ? 404 : 200;
        out->body = api_mcp_error(m->id, API_MCP_METHOD_NOT_FOUND, msg, NULL);
        return;
    }
    if (result && stateless) {
        json_object_set_new(result, "resultType", json_string("complete"));
        if (!json_object_get(result, "_meta"))
            json_object_set_new(result, "_meta", json_pack("{s:o}", META_SERVER,
                                                           server_info(ctx)));
    }
    out->body = result ? json_pack("{s:s,s:O,s:o}", "jsonrpc", "2.0", "id", m->id, "result",
                                   result)
                       : NULL;
    if (!out->body) out->http_status = 500;
}

void api_mcp_answer(const api_mcp_ctx_t *ctx, const api_mcp_msg_t *m, api_mcp_answer_t *out)
{
    const char *hv = ctx->headers ? ctx->headers->protocol : NULL;
    char msg[320];
    memset(out, 0, sizeof *out);
    if (m->kind == API_MCP_INVALID) {
        out->http_status = 400;
        out->body = api_mcp_error(NULL, m->code, m->message, NULL);
        return;
    }
    /* The handshake era: a version header names one of ours. */
    if (!m->stateless && hv && !api_mcp_version_known(hv)) {
        out->http_status = 400;
        if (!strcmp(hv, API_MCP_STATELESS))
            out->body = api_mcp_error(m->id, API_MCP_HEADER_MISMATCH,
                                      "header mismatch: MCP-Protocol-Version is "
                                      API_MCP_STATELESS " but params._meta names no "
                                      "protocol version", NULL);
        else
            out->body = unsupported(m, hv);
        return;
    }
    if (m->kind == API_MCP_NOTIFICATION) {
        if (!m->method || !strncmp(m->method, "notifications/", 14)) {
            out->http_status = 202;     /* accepted; none needs anything from us */
            return;
        }
        snprintf(msg, sizeof msg, "%.200s is a request, not a notification: it needs an id",
                 m->method);
        api_sanitize(msg);
        out->http_status = 400;
        out->body = api_mcp_error(NULL, API_MCP_INVALID_REQUEST, msg, NULL);
        return;
    }
    request(ctx, m, out);
}
