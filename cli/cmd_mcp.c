/* cmd_mcp.c: `mnemo mcp`, MCP over stdio for clients that start their server as a
 * process (Claude Desktop, Cursor, VS Code). Newline-delimited JSON-RPC on stdin and
 * stdout, logs only on stderr. Each message goes to a running mnemod's POST /mcp over
 * cli/http.c, so the protocol lives once, in the daemon (api/mcp.c); the bridge keeps
 * only what HTTP adds: the user (X-Mnemo-User), the session initialize opened (opened
 * again when the daemon has forgotten it, after a restart), and the headers that the
 * stateless 2026-07-28 revision mirrors from the body. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#define HDR_SESSION "MCP-Session-Id"
#define META_VERSION "io.modelcontextprotocol/protocolVersion"
#define MAX_HEADERS 8

enum { MCP_USER };

static const cli_opt_t mcp_opts[] = {
    [MCP_USER] = {"user", 'u', "U", "the user the tools act for (default: the token's user)"},
    {0},
};

typedef struct bridge {
    cli_ctx_t *ctx;
    char *user_header;      /* "X-Mnemo-User: U" or NULL */
    char *session;          /* the session initialize opened, or NULL */
    char version[32];       /* the protocol version initialize agreed on, "" before */
    char *init_line;        /* the client's initialize, sent again for a new session */
} bridge_t;

/* One header line "Name: value" into a fresh buffer (NULL when out of memory). */
static char *header_line(const char *name, const char *value)
{
    size_t n = strlen(name) + strlen(value) + 3;
    char *h = malloc(n);
    if (h) snprintf(h, n, "%s: %s", name, value);
    return h;
}

/* 1 when v may stand in a header as it is (visible ASCII and inner spaces, not the
 * =?base64?...?= form). */
static int header_safe(const char *v)
{
    size_t n = strlen(v);
    if (n == 0 || v[0] == ' ' || v[n - 1] == ' ') return 0;
    for (const char *p = v; *p; p++)
        if (*p < 0x20 || *p > 0x7e) return 0;
    return !(n >= 11 && !strncmp(v, "=?base64?", 9) && !strcmp(v + n - 2, "?="));
}

/* "=?base64?<v in base64>?=" (malloc'd). */
static char *base64_sentinel(const char *v)
{
    static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t n = strlen(v), o = 0;
    char *out = malloc(4 * ((n + 2) / 3) + 12);
    if (!out) return NULL;
    o += (size_t)sprintf(out, "=?base64?");
    for (size_t i = 0; i < n; i += 3) {
        unsigned b = (unsigned char)v[i] << 16;
        if (i + 1 < n) b |= (unsigned char)v[i + 1] << 8;
        if (i + 2 < n) b |= (unsigned char)v[i + 2];
        out[o++] = abc[(b >> 18) & 63];
        out[o++] = abc[(b >> 12) & 63];
        out[o++] = i + 1 < n ? abc[(b >> 6) & 63] : '=';
        out[o++] = i + 2 < n ? abc[b & 63] : '=';
    }
    strcpy(out + o, "?=");
    return out;
}

/* The headers of one POST: the user, the session, the protocol version, and for a
 * stateless message Mcp-Method and Mcp-Name. h[] receives malloc'd lines, NULL-ended. */
static void build_headers(const bridge_t *b, const json_t *msg, int initialize, char **h)
{
    int n = 0;
    const char *method = json_string_value(json_object_get(msg, "method"));
    const json_t *params = json_object_get(msg, "params");
    const char *stateless =
        json_string_value(json_object_get(json_object_get(params, "_meta"), META_VERSION));
    h[n++] = strdup("Accept: application/json, text/event-stream");
    if (b->user_header) h[n++] = strdup(b->user_header);
    if (stateless) {
        if (header_safe(stateless)) h[n++] = header_line("MCP-Protocol-Version", stateless);
        if (method && header_safe(method)) h[n++] = header_line("Mcp-Method", method);
        const char *name = json_string_value(json_object_get(params, "name"));
        if (name && method && !strcmp(method, "tools/call")) {
            char *enc = header_safe(name) ? NULL : base64_sentinel(name);
            h[n++] = header_line("Mcp-Name", enc ? enc : name);
            free(enc);
        }
    } else if (!initialize) {
        if (b->session) h[n++] = header_line(HDR_SESSION, b->session);
        if (b->version[0]) h[n++] = header_line("MCP-Protocol-Version", b->version);
    }
    h[n] = NULL;
}

static void free_headers(char **h)
{
    for (int i = 0; h[i]; i++) free(h[i]);
}

/* POSTs one message. Returns CLI_HTTP_OK with r filled, or an error with err set. */
static int post(bridge_t *b, const char *line, size_t len, const json_t *msg, int initialize,
                cli_http_reply_t *r, char *err, size_t errlen)
{
    char *h[MAX_HEADERS + 1] = {0};
    build_headers(b, msg, initialize, h);
    cli_http_request_t req = {
        .method = "POST", .path = "/mcp", .content_type = "application/json",
        .body = line, .body_len = len, .headers = (const char *const *)h,
        .capture = initialize ? HDR_SESSION : NULL,
    };
    int rc = cli_http_send(b->ctx->http, &req, r, err, errlen);
    free_headers(h);
    return rc;
}

/* After a successful initialize: keep its session, version and line. */
static void keep_session(bridge_t *b, cli_http_reply_t *r, const char *line)
{
    json_t *j = json_loadb(r->body, r->len, 0, NULL);
    const char *v = json_string_value(json_object_get(json_object_get(j, "result"),
                                                      "protocolVersion"));
    if (r->captured) {
        free(b->session);
        b->session = r->captured;
        r->captured = NULL;
    }
    snprintf(b->version, sizeof b->version, "%s", v ? v : "");
    if (line != b->init_line) {
        free(b->init_line);
        b->init_line = strdup(line);
    }
    json_decref(j);
}

/* Opens a new session with the client's initialize when the daemon forgot the old one.
 * 0 when it did. */
static int reopen(bridge_t *b)
{
    cli_http_reply_t r;
    char err[256];
    json_t *init = json_loads(b->init_line, 0, NULL);
    int posted = init && post(b, b->init_line, strlen(b->init_line), init, 1, &r, err,
                              sizeof err) == CLI_HTTP_OK;
    int ok = posted && r.status == 200 && r.captured != NULL;
    if (ok) keep_session(b, &r, b->init_line);
    if (posted) cli_http_reply_clear(&r);
    json_decref(init);
    if (!ok) return -1;
    static const char done[] = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    json_t *n = json_loads(done, 0, NULL);
    if (post(b, done, sizeof done - 1, n, 0, &r, err, sizeof err) == CLI_HTTP_OK)
        cli_http_reply_clear(&r);
    json_decref(n);
    fprintf(stderr, "mnemo mcp: mnemod had forgotten the session; opened a new one\n");
    return 0;
}

static void write_message(const json_t *j)
{
    char *s = json_dumps(j, JSON_COMPACT);     /* one line: newlines in strings are escaped */
    if (!s) return;
    fputs(s, stdout);
    fputc('\n', stdout);
    fflush(stdout);
    free(s);
}

/* A reply that is not JSON-RPC (a refusal of the HTTP layer: 401, 413, ...): for a
 * request, a JSON-RPC error that says why; always a line on stderr. */
static void refused(const json_t *msg, const char *why)
{
    fprintf(stderr, "mnemo mcp: %s\n", why);
    json_t *id = json_object_get(msg, "id");
    if (!id || !json_object_get(msg, "method")) return;
    json_t *e = json_pack("{s:s,s:O,s:{s:i,s:s}}", "jsonrpc", "2.0", "id", id, "error",
                          "code", -32603, "message", why);
    if (e) write_message(e);
    json_decref(e);
}

static void forward(bridge_t *b, const char *line, size_t len)
{
    cli_http_reply_t r = {0};
    char err[256], why[512];
    json_t *msg = json_loadb(line, len, 0, NULL), *j = NULL;  /* NULL: mnemod says why */
    const char *method = json_string_value(json_object_get(msg, "method"));
    int initialize = method && !strcmp(method, "initialize");
    int rc = post(b, line, len, msg, initialize, &r, err, sizeof err);
    if (rc == CLI_HTTP_OK && r.status == 404 && b->session && !initialize && b->init_line &&
        !reopen(b)) {
        cli_http_reply_clear(&r);
        rc = post(b, line, len, msg, 0, &r, err, sizeof err);
    }
    if (rc != CLI_HTTP_OK) {
        refused(msg, err);
        goto out;
    }
    if (initialize && r.status == 200) keep_session(b, &r, line);
    j = r.len ? json_loadb(r.body, r.len, 0, NULL) : NULL;
    if (j && json_object_get(j, "jsonrpc")) {
        write_message(j);
    } else if (r.status != 202) {
        json_t *e = json_object_get(j, "error");
        const char *code = json_string_value(json_object_get(e, "code"));
        const char *m = json_string_value(json_object_get(e, "message"));
        snprintf(why, sizeof why, "mnemod answered %ld %s: %s", r.status, code ? code : "",
                 m ? m : "");
        refused(msg, why);
    }
out:
    json_decref(j);
    json_decref(msg);
    cli_http_reply_clear(&r);
}

/* Ends the session when stdin closes (a DELETE; its answer does not matter). */
static void end_session(bridge_t *b)
{
    if (!b->session) return;
    cli_http_reply_t r;
    char err[256], *h[2] = {header_line(HDR_SESSION, b->session), NULL};
    cli_http_request_t req = {.method = "DELETE", .path = "/mcp",
                              .headers = (const char *const *)h};
    if (h[0] && cli_http_send(b->ctx->http, &req, &r, err, sizeof err) == CLI_HTTP_OK)
        cli_http_reply_clear(&r);
    free(h[0]);
}

static int run_mcp(cli_ctx_t *ctx, const cli_args_t *a)
{
    bridge_t b = {.ctx = ctx};
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    if (a->val[MCP_USER]) {
        b.user_header = header_line("X-Mnemo-User", a->val[MCP_USER]);
        if (!b.user_header) return CLI_EXIT_SERVER;
    }
    fprintf(stderr, "mnemo mcp: serving stdio through %s/mcp\n", ctx->server);
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
        size_t skip = strspn(line, " \t");
        if ((size_t)n > skip) forward(&b, line, (size_t)n);
    }
    end_session(&b);
    free(line);
    free(b.user_header);
    free(b.session);
    free(b.init_line);
    return CLI_EXIT_OK;
}

const cli_cmd_t cli_cmd_mcp = {
    "mcp", "", "serve MCP on stdin/stdout through mnemod's /mcp (for Claude Desktop, ...)",
    mcp_opts, 0, 0, run_mcp,
};
