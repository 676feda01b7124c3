/* api.h: mnemo's HTTP API on libmicrohttpd with JSON through jansson. Routes, request
 * validation (UTF-8, sizes, types), bearer-token auth and every error reply live in
 * api/; it reaches data only through the agent's C interface (agent/agent.h). */
#ifndef MNEMO_API_API_H
#define MNEMO_API_API_H

#include <stddef.h>
#include <stdint.h>
#include "agent/agent.h"

typedef struct api_token {
    char *secret;
    char *user;          /* NULL for an admin token */
} api_token_t;

/* Worker threads and how long api_stop waits for requests in flight, when the config
 * leaves them 0. */
#define API_DEFAULT_THREADS 2
#define API_STOP_WAIT_MS 10000
/* The default request limits, owned here: api_limits_default fills them and mnemod's
 * config table (daemon/config.c) turns them into its defaults by stringifying, so each
 * (and API_DEFAULT_THREADS) must stay a plain decimal literal. Sizes are in bytes. */
#define API_DEFAULT_MAX_BODY 1048576
#define API_DEFAULT_MAX_IMPORT_BODY 67108864
#define API_DEFAULT_MAX_TEXT 8192
#define API_DEFAULT_MAX_MESSAGE 4096
#define API_DEFAULT_MAX_K 100
#define API_DEFAULT_MAX_PAGE 500
#define API_DEFAULT_MAX_BATCH 1000
#define API_DEFAULT_MAX_CONNECTIONS 256

typedef struct api_limits {
    size_t max_body;         /* bytes of a request body (413 past it) */
    size_t max_import_body;  /* bytes of an import body */
    size_t max_text;         /* bytes of one memory text */
    size_t max_message;      /* bytes of one chat message */
    int max_k;               /* largest k of a search */
    int max_page;            /* largest page of a listing */
    int max_batch;           /* memories in one POST */
    unsigned max_connections;/* open connections served; more get 429 */
} api_limits_t;

typedef struct api_config {
    const char *host;        /* "127.0.0.1" */
    int port;                /* 0 = any free port (read it back with api_port) */
    unsigned threads;        /* worker threads (0: API_DEFAULT_THREADS) */
    api_token_t *tokens;     /* borrowed for the server's lifetime */
    size_t n_tokens;
    api_limits_t limits;
    int log_requests;        /* nonzero: one line per request (through log) */
    unsigned stop_wait_ms;   /* how long api_stop lets requests finish (0: API_STOP_WAIT_MS) */
    /* Where log lines go, with their syslog priority (3 err, 4 warning, 6 info, 7 debug);
     * NULL: stderr with a timestamp. */
    void (*log)(int priority, const char *line);
    const char *version;     /* for mnemo_build_info (NULL: "dev") */
} api_config_t;

typedef struct api_server api_server_t;

void api_limits_default(api_limits_t *l);

/* Starts serving. Refuses (NULL, err filled) a non-loopback host when no tokens are
 * configured. */
api_server_t *api_start(const api_config_t *cfg, agent_t *agent, char *err, size_t errlen);
int api_port(const api_server_t *s);
/* Stops accepting, lets in-flight requests finish (up to stop_wait_ms), frees the
 * server. */
void api_stop(api_server_t *s);

/* Swaps in the settings that can change while serving: tokens, limits (except
 * max_connections' hard cap, fixed at start), log_requests and stop_wait_ms. Requests
 * that have begun keep the settings they started with; new ones see the new ones.
 * cfg is copied. Returns 0, or -1 with err filled (nothing changed). */
int api_reload(api_server_t *s, const api_config_t *cfg, char *err, size_t errlen);

/* The routes the server answers, as (pattern, method) pairs ("/v1/memories/{id}",
 * "PATCH"); HEAD is implied by GET. Fills up to cap pairs, returns how many exist. */
size_t api_route_list(const char **patterns, const char **methods, size_t cap);

#endif
