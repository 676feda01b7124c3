/* mcp.h: private to api/. The Model Context Protocol server (docs/API.md, "MCP") as pure
 * code over the agent: one JSON-RPC message in, its answer out, no libmicrohttpd. mcp.c
 * parses and dispatches (initialize, server/discover, ping, tools/list, tools/call) for
 * both protocol eras: 2025-11-25 and before (an initialize handshake, then a session the
 * transport keeps) and the stateless 2026-07-28 (each request names its version in
 * params._meta). mcp_tools.c holds the tools and their JSON Schemas. mcp_http.c is the
 * Streamable HTTP transport at /mcp; `mnemo mcp` (cli/) forwards stdio to it. */
#ifndef MNEMO_API_MCP_H
#define MNEMO_API_MCP_H

#include <stddef.h>
#include <jansson.h>
#include "agent/agent.h"
#include "api/api.h"

/* Protocol versions: the newest handshake version (what initialize answers when the
 * client asks for one we lack), the older ones initialize also accepts, and the stateless
 * revision. */
#define API_MCP_LATEST "2025-11-25"
#define API_MCP_OLDER "2025-06-18", "2025-03-26"
#define API_MCP_STATELESS "2026-07-28"
#define API_MCP_VERSION_LEN 16

/* The most items a tool takes or returns (ids to delete, results, a page), also held
 * under the request limits (max_k, max_page, max_batch). */
#define API_MCP_MAX_ITEMS API_DEFAULT_MAX_K
/* The conversation the chat tool talks in when the call names none. */
#define API_MCP_CONVERSATION "mcp"
/* How long a client may cache tools/list and server/discover (2026-07-28 ttlMs). */
#define API_MCP_TTL_MS 3600000

/* JSON-RPC 2.0 and MCP error codes. */
enum api_mcp_code {
    API_MCP_PARSE_ERROR = -32700,
    API_MCP_INVALID_REQUEST = -32600,
    API_MCP_METHOD_NOT_FOUND = -32601,
    API_MCP_INVALID_PARAMS = -32602,
    API_MCP_INTERNAL_ERROR = -32603,
    API_MCP_HEADER_MISMATCH = -32020,          /* 2026-07-28 */
    API_MCP_UNSUPPORTED_VERSION = -32022,      /* 2026-07-28 */
};

/* What a message is for the transport. */
enum api_mcp_kind {
    API_MCP_REQUEST = 0,        /* answered with a response */
    API_MCP_NOTIFICATION,       /* or a client's response: accepted, no answer (202) */
    API_MCP_INVALID,            /* answered with an error that has no id */
};

/* The HTTP headers that the 2026-07-28 transport mirrors from the body (NULL when
 * absent); stdio passes them through `mnemo mcp`, which sets them. */
typedef struct api_mcp_headers {
    const char *protocol;       /* MCP-Protocol-Version */
    const char *method;         /* Mcp-Method */
    const char *name;           /* Mcp-Name (may be =?base64?...?=) */
} api_mcp_headers_t;

/* Who the tools act for and with what: borrowed for one message. */
typedef struct api_mcp_ctx {
    agent_t *agent;
    const api_limits_t *lim;
    const char *user;           /* the user every tool acts for */
    const char *server_version; /* serverInfo.version */
    struct api_metrics *metrics;/* where search and chat are timed; NULL: nowhere */
    const api_mcp_headers_t *headers;
} api_mcp_ctx_t;

/* A parsed message. The message owns the JSON; method and the rest borrow from it. */
typedef struct api_mcp_msg {
    json_t *root;
    enum api_mcp_kind kind;
    const char *method;         /* NULL for a client's response */
    json_t *id;                 /* borrowed; NULL for a notification */
    json_t *params;             /* borrowed; may be NULL */
    /* 2026-07-28: the version in params._meta (borrowed), NULL when the message carries
     * none (the handshake era). */
    const char *stateless;
    /* API_MCP_INVALID: the error to answer with. */
    int code;
    char message[320];
} api_mcp_msg_t;

/* The answer to a message. */
typedef struct api_mcp_answer {
    json_t *body;               /* the JSON-RPC response (owned); NULL: none (202) */
    int http_status;            /* what Streamable HTTP answers with: 200, 202, 400, 404 */
    /* A successful initialize: the version agreed on (the transport opens a session). */
    char initialized[API_MCP_VERSION_LEN + 1];
} api_mcp_answer_t;

/* Parses body into m: JSON that is not a single JSON-RPC 2.0 message gives kind
 * API_MCP_INVALID with code and message set (a batch is invalid: MCP has had none since
 * 2025-06-18). Returns 0, or -1 when out of memory. api_mcp_msg_free releases it. */
int api_mcp_parse(const char *body, size_t len, api_mcp_msg_t *m);
void api_mcp_msg_free(api_mcp_msg_t *m);

/* 1 when v is a protocol version a handshake (MCP-Protocol-Version) may name. */
int api_mcp_version_known(const char *v);

/* Answers m (any kind). Never fails: out of memory answers 500 without a body. */
void api_mcp_answer(const api_mcp_ctx_t *ctx, const api_mcp_msg_t *m, api_mcp_answer_t *out);
/* A JSON-RPC error response (id may be NULL: "id": null); data is stolen, may be NULL. */
json_t *api_mcp_error(json_t *id, int code, const char *message, json_t *data);

/* ---- mcp_tools.c ------------------------------------------------------------------ */

/* The tools array of tools/list (a new reference), their limits from lim. */
json_t *api_mcp_tools_list(const api_limits_t *lim);
/* Runs tool name with args (an object, or NULL for none). Returns the CallToolResult (a
 * new reference: content text, structuredContent, isError), or NULL with *code and msg
 * set when the call itself is wrong: an unknown tool or arguments that do not fit its
 * schema (-32602). A tool that fails (a memory not found, storage) is a result with
 * isError, not NULL. */
json_t *api_mcp_tools_call(const api_mcp_ctx_t *ctx, const char *name, const json_t *args,
                           int *code, char *msg, size_t msglen);

#endif
