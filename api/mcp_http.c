/* mcp_http.c: MCP's Streamable HTTP transport at /mcp (docs/API.md, "MCP"). POST carries
 * one JSON-RPC message, answered as JSON (or as one Server-Sent Event when the client
 * accepts only text/event-stream), 202 without a body for a notification; DELETE ends a
 * session; GET is 405 (no server stream is offered; the route table says so). Checked
 * here, before the protocol (mcp.c) sees the message: the Origin (a browser page of
 * another site is 403: DNS rebinding), the user (the token's, or X-Mnemo-User / ?user=
 * as the REST API's user= with auth.c's rules) and, in the handshake era, the session
 * that initialize opened (MCP-Session-Id: absent 400, unknown or another token's 404). */
#include "api/internal.h"
#include "api/mcp.h"

#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>

#define HDR_SESSION "MCP-Session-Id"
#define HDR_USER "X-Mnemo-User"

static const char *header(const api_req_t *rq, const char *name)
{
    return MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, name);
}

/* An MCP transport error: a JSON-RPC error response without an id, with its status. */
static void rpc_error(api_req_t *rq, unsigned status, int code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void rpc_error(api_req_t *rq, unsigned status, int code, const char *fmt, ...)
{
    char msg[320];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    api_sanitize(msg);
    api_send_json(rq, status, api_mcp_error(NULL, code, msg, NULL));
}

/* ---- Origin ----------------------------------------------------------------------- */

/* 1 when origin ("http://127.0.0.1:8420") names a loopback host. */
static int origin_is_loopback(const char *origin)
{
    const char *h = strstr(origin, "://");
    if (!h) return 0;
    h += 3;
    size_t n = strcspn(h, ":/");
    if (h[0] == '[') {
        const char *close = strchr(h, ']');
        if (!close) return 0;
        n = (size_t)(close - h) + 1;
    }
    if (n == 9 && !strncasecmp(h, "localhost", 9)) return 1;
    if (n == 5 && !strncmp(h, "[::1]", 5)) return 1;
    if (!strncmp(h, "127.", 4)) {
        for (size_t i = 4; i < n; i++)
            if (!(h[i] == '.' || (h[i] >= '0' && h[i] <= '9'))) return 0;
        return 1;
    }
    return 0;
}

/* 0, or -1 after a 403: a browser page that is not served from this machine. */
static int check_origin(api_req_t *rq)
{
    const char *origin = header(rq, "Origin");
    if (!origin || origin_is_loopback(origin)) return 0;
    rpc_error(rq, 403, API_MCP_INVALID_REQUEST,
              "Origin %.100s is not allowed: /mcp answers pages of loopback origins only",
              origin);
    return -1;
}

/* ---- sessions --------------------------------------------------------------------- */

static void lock(api_mcp_sessions_t *t)
{
    int open = 0;
    while (!atomic_compare_exchange_weak(&t->lock, &open, 1)) {
        open = 0;
        sched_yield();
    }
}

static void unlock(api_mcp_sessions_t *t)
{
    atomic_store(&t->lock, 0);
}

static const char *owner_of(const api_req_t *rq)
{
    return rq->admin ? "" : rq->token_user;
}

/* Opens a session owned by rq's token; id receives it. 0 or -1 (no randomness). */
static int session_open(api_req_t *rq, char id[API_MCP_SESSION_ID_LEN + 1])
{
    unsigned char raw[API_MCP_SESSION_ID_LEN / 2];
    if (getrandom(raw, sizeof raw, 0) != (ssize_t)sizeof raw) return -1;
    for (size_t i = 0; i < sizeof raw; i++) snprintf(id + 2 * i, 3, "%02x", raw[i]);
    api_mcp_sessions_t *t = &rq->srv->mcp;
    lock(t);
    api_mcp_session_t *slot = &t->s[0];
    for (size_t i = 0; i < API_MCP_SESSIONS; i++) {
        if (!t->s[i].id[0]) {
            slot = &t->s[i];
            break;
        }
        if (t->s[i].used < slot->used) slot = &t->s[i];     /* the least recently used */
    }
    snprintf(slot->id, sizeof slot->id, "%s", id);
    snprintf(slot->owner, sizeof slot->owner, "%s", owner_of(rq));
    slot->used = ++t->tick;
    unlock(t);
    return 0;
}

/* Finds session id of rq's token and marks it used (or ends it when end is set).
 * 1 when found. */
static int session_find(api_req_t *rq, const char *id, int end)
{
    api_mcp_sessions_t *t = &rq->srv->mcp;
    int found = 0;
    if (strlen(id) != API_MCP_SESSION_ID_LEN) return 0;
    lock(t);
    for (size_t i = 0; i < API_MCP_SESSIONS && !found; i++) {
        api_mcp_session_t *s = &t->s[i];
        if (strcmp(s->id, id) || strcmp(s->owner, owner_of(rq))) continue;
        found = 1;
        if (end) memset(s, 0, sizeof *s);
        else s->used = ++t->tick;
    }
    unlock(t);
    return found;
}

/* The session of a request of the handshake era: 0, or -1 after the error. */
static int check_session(api_req_t *rq)
{
    const char *id = header(rq, HDR_SESSION);
    if (!id) {
        rpc_error(rq, 400, API_MCP_INVALID_REQUEST,
                  HDR_SESSION ": is required; send initialize first (or name the protocol "
                  "version in params._meta, 2026-07-28)");
        return -1;
    }
    if (!session_find(rq, id, 0)) {
        rpc_error(rq, 404, API_MCP_INVALID_REQUEST,
                  "session %.40s not found (ended, or forgotten for newer ones): initialize "
                  "again", id);
        return -1;
    }
    return 0;
}

/* ---- the user --------------------------------------------------------------------- */

/* The user the tools act for: the token's, or the one named by X-Mnemo-User or ?user=
 * (auth.c decides whether the token may). NULL after the error. */
static const char *mcp_user(api_req_t *rq)
{
    const char *named = header(rq, HDR_USER), *user = NULL;
    if (!named)
        named = MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND, "user");
    if (named && !api_id_valid(named, strlen(named))) {
        api_error(rq, 400, API_CODE_INVALID_PARAMETER,
                  HDR_USER " (or user=): must be 1-%d bytes without control characters or '/'",
                  API_ID_MAX);
        return NULL;
    }
    if (api_act_as(rq, named, API_FROM_QUERY, &user)) return NULL;
    return user;
}

/* ---- POST /mcp -------------------------------------------------------------------- */

/* 1 when the client takes text/event-stream and not application/json. */
static int wants_sse(const api_req_t *rq)
{
    const char *accept = header(rq, "Accept");
    return accept && strstr(accept, "text/event-stream") && !strstr(accept, "application/json");
}

static void send_answer(api_req_t *rq, api_mcp_answer_t *a, const char *session)
{
    const char *headers[] = {HDR_SESSION, session, NULL};
    const char *const *extra = session ? headers : NULL;
    if (!a->body) {
        api_send_headers(rq, (unsigned)a->http_status, NULL, NULL, 0, extra);
        return;
    }
    char *json = json_dumps(a->body, API_JSON_FLAGS);
    json_decref(a->body);
    a->body = NULL;
    if (!json) {
        api_error(rq, 500, API_CODE_INTERNAL, "out of memory");
        return;
    }
    if (!wants_sse(rq)) {
        api_send_headers(rq, (unsigned)a->http_status, "application/json", json, strlen(json),
                         extra);
        return;
    }
    /* One event carrying the response; the stream ends with it. */
    size_t n = strlen(json) + 32;
    char *ev = malloc(n);
    if (ev) snprintf(ev, n, "event: message\ndata: %s\n\n", json);
    free(json);
    if (!ev) {
        api_error(rq, 500, API_CODE_INTERNAL, "out of memory");
        return;
    }
    api_send_headers(rq, (unsigned)a->http_status, "text/event-stream", ev, strlen(ev), extra);
}

void api_h_mcp_post(api_req_t *rq)
{
    api_mcp_msg_t m;
    api_mcp_answer_t a = {0};
    char session[API_MCP_SESSION_ID_LEN + 1];
    if (check_origin(rq)) return;
    const char *user = mcp_user(rq);
    if (!user) return;
    if (api_mcp_parse(rq->body, rq->len, &m)) {
        api_error(rq, 500, API_CODE_INTERNAL, "out of memory");
        return;
    }
    /* Every message of the handshake era but initialize belongs to a session. */
    if (m.kind != API_MCP_INVALID && !m.stateless &&
        !(m.method && !strcmp(m.method, "initialize")) && check_session(rq))
        goto out;
    api_mcp_headers_t h = {header(rq, "MCP-Protocol-Version"), header(rq, "Mcp-Method"),
                           header(rq, "Mcp-Name")};
    api_mcp_ctx_t ctx = {.agent = rq->srv->agent, .lim = &rq->set->lim, .user = user,
                         .server_version = rq->srv->version, .metrics = &rq->srv->metrics,
                         .headers = &h};
    api_mcp_answer(&ctx, &m, &a);
    if (a.http_status == 500 && !a.body) {
        api_error(rq, 500, API_CODE_INTERNAL, "out of memory");
        goto out;
    }
    if (a.initialized[0] && session_open(rq, session)) {
        json_decref(a.body);
        rpc_error(rq, 500, API_MCP_INTERNAL_ERROR, "no randomness for a session id");
        goto out;
    }
    send_answer(rq, &a, a.initialized[0] ? session : NULL);
out:
    api_mcp_msg_free(&m);
}

/* ---- DELETE /mcp ------------------------------------------------------------------ */

void api_h_mcp_delete(api_req_t *rq)
{
    const char *id = header(rq, HDR_SESSION);
    if (check_origin(rq)) return;
    if (!id) {
        rpc_error(rq, 400, API_MCP_INVALID_REQUEST, HDR_SESSION ": names the session to end");
        return;
    }
    if (!session_find(rq, id, 1)) {
        rpc_error(rq, 404, API_MCP_INVALID_REQUEST, "session %.40s not found", id);
        return;
    }
    api_send_headers(rq, 204, NULL, NULL, 0, NULL);
}
