/* http.h: the mnemo client's HTTP layer over libcurl. One cli_http_t per process holds
 * the server URL and bearer token; each call is one request whose reply comes back as
 * a status and a body (buffered, or streamed to a FILE when the status is 2xx).
 * Later subcommands (chat, train, eval, bench) reuse it. */
#ifndef MNEMO_CLI_HTTP_H
#define MNEMO_CLI_HTTP_H

#include <stddef.h>
#include <stdio.h>

typedef struct cli_http cli_http_t;

enum cli_http_err {
    CLI_HTTP_OK = 0,
    CLI_HTTP_ECONNECT = -1,   /* no reply: refused, unresolvable, timed out, reset */
    CLI_HTTP_ENOMEM = -2,
};

typedef struct cli_http_reply {
    long status;              /* HTTP status, 0 when there was no reply */
    char *body;               /* malloc'd, NUL-terminated (empty when streamed) */
    size_t len;
    char *content_type;       /* malloc'd, may be NULL */
    char *captured;           /* the request's `capture` header's value (malloc'd), or NULL */
} cli_http_reply_t;

/* A request: method, a path with its query already encoded ("/v1/memories?user=a"),
 * an optional body with its content type. sink, when not NULL, receives a 2xx body
 * instead of reply->body (an error body is always buffered). */
typedef struct cli_http_request {
    const char *method;
    const char *path;
    const char *content_type;
    const char *body;
    size_t body_len;
    FILE *sink;
    const char *const *headers;   /* more header lines ("Name: value"), NULL-ended; may be NULL */
    const char *capture;      /* a reply header to keep in reply->captured ("MCP-Session-Id") */
} cli_http_request_t;

/* base_url "http://127.0.0.1:8420" (a trailing '/' is ignored); token may be NULL.
 * Both are copied. NULL on allocation failure. */
cli_http_t *cli_http_new(const char *base_url, const char *token);
void cli_http_free(cli_http_t *h);

/* Sends req and fills reply (clear it with cli_http_reply_clear). Returns CLI_HTTP_OK
 * when a reply of any status came back; else an error with err filled. */
int cli_http_send(cli_http_t *h, const cli_http_request_t *req, cli_http_reply_t *reply,
                  char *err, size_t errlen);
void cli_http_reply_clear(cli_http_reply_t *r);

/* Percent-encodes s for a path segment or a query value. malloc'd; NULL on failure. */
char *cli_http_escape(cli_http_t *h, const char *s);

#endif
