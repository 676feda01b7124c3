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
#define API_DEFAULT_MAX_IMPORT_BODY 33554432
/* Memories in one import (413 past it): bounds the per-item bookkeeping of an import
 * (ids to check, ids to take back, the old -> new map) beside its body. */
#define API_DEFAULT_MAX_IMPORT_ITEMS 100000
#define API_DEFAULT_MAX_TEXT 8192
#define API_DEFAULT_MAX_MESSAGE 4096
#define API_DEFAULT_MAX_K 100
#define API_DEFAULT_MAX_PAGE 500
#define API_DEFAULT_MAX_BATCH 1000
#define API_DEFAULT_MAX_CONNECTIONS 256
/* Connections from one client address (more are closed as they are accepted). */
#define API_DEFAULT_MAX_CONNECTIONS_PER_ADDRESS 64
/* Seconds a connection may stay silent (a request's headers or body not arriving, or
 * an idle keep-alive) before it is closed. */
#define API_DEFAULT_IDLE_TIMEOUT 10
/* Seconds a request's line and headers may take in all, however steadily they trickle:
 * from the connection's opening, or on a kept-alive connection from idle_timeout after
 * its previous reply. Past it the connection is closed (api/conns.c). */
#define API_DEFAULT_HEADER_TIMEOUT 5
/* Bytes a second a request body must average once its headers are in, after a grace of
 * header_timeout: a body of n bytes may take header_timeout + n / rate seconds, however
 * steadily it trickles (api/conns.c). */
#define API_DEFAULT_MIN_BODY_RATE 16384
/* Bytes of request bodies held in memory by all requests together; a body that would
 * go past it is 503 (413 when it alone is larger). */
#define API_DEFAULT_MAX_INFLIGHT_BODY 268435456
/* The shortest bearer secret mnemod accepts (the config table refuses shorter). */
#define API_MIN_SECRET_BYTES 16
/* Failed authentications from one address within a window of API_AUTH_WINDOW_S seconds
 * past which its requests that need a token get 429 until the window ends. */
#define API_AUTH_FAILURES 20
#define API_AUTH_WINDOW_S 60
/* The Retry-After of a 429 quota_exceeded: a quota frees only when the user deletes
 * memories or conversations or the operator raises it, so this is a hint to look again
 * later rather than a time at which the write will succeed. */
#define API_QUOTA_RETRY_AFTER_S 60

typedef struct api_limits {
    size_t max_body;         /* bytes of a request body (413 past it) */
    size_t max_import_body;  /* bytes of an import body */
    int max_import_items;    /* memories in one import (413 past it) */
    size_t max_text;         /* bytes of one memory text */
    size_t max_message;      /* bytes of one chat message */
    int max_k;               /* largest k of a search */
    int max_page;            /* largest page of a listing */
    int max_batch;           /* memories in one POST */
    unsigned max_connections;/* open connections served; more get 429 */
    size_t max_inflight_body;/* bytes of bodies held by all requests (503 past it) */
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
    /* Start-only connection limits (0: the API_DEFAULT_* above). */
    unsigned idle_timeout;   /* seconds */
    unsigned header_timeout; /* seconds */
    size_t min_body_rate;    /* bytes a second */
    unsigned max_connections_per_address;
    /* Whether the database can take writes: 0, or -1 with why filled (the file was
     * deleted or replaced). Asked by /readyz and before every request that may write
     * (503 when it says no); NULL: always usable. Called from worker threads. */
    int (*storage_check)(void *ctx, char *why, size_t whylen);
    void *storage_ctx;
} api_config_t;

typedef struct api_server api_server_t;

void api_limits_default(api_limits_t *l);

/* Starts serving. Refuses (NULL, err filled) a non-loopback host when no tokens are
 * configured. */
api_server_t *api_start(const api_config_t *cfg, agent_t *agent, char *err, size_t errlen);
int api_port(const api_server_t *s);
/* Stops accepting, lets in-flight requests finish (up to stop_wait_ms), frees the
 * server. From the moment it is called every reply carries Connection: close and a
 * request that begins on a kept-alive connection gets 503 shutting_down. */
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
