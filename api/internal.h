/* internal.h: private to api/. The server and per-request state shared by the files of
 * api/: server.c (libmicrohttpd lifecycle, body accumulation), routes.c (the route table),
 * reply.c (the one send helper and the one error function), auth.c (bearer tokens and
 * which user a request acts for), metrics.c (counters, histograms, GET /metrics) and the
 * handlers (memories.c, users.c, chat.c). */
#ifndef MNEMO_API_INTERNAL_H
#define MNEMO_API_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <jansson.h>
#include <microhttpd.h>
#include "api/api.h"
#include "api/validate.h"

typedef struct api_req api_req_t;
typedef void (*api_handler_fn)(api_req_t *rq);

/* What body a method takes: none (ignored, still capped), JSON, or an import. */
enum api_body { API_BODY_NONE = 0, API_BODY_JSON, API_BODY_IMPORT };

typedef struct api_method {
    const char *name;           /* "GET", ... ; NULL ends the list */
    api_handler_fn fn;
    enum api_body body;
} api_method_t;

/* Who may call a route. */
enum api_access { API_TOKEN = 0, API_OPEN, API_ADMIN };

#define API_ROUTE_METHODS 4
typedef struct api_route {
    const char *pattern;        /* "/v1/memories/{id}/history": {..} captures a segment */
    const char *allow;          /* the Allow header of a 405 */
    enum api_access access;     /* API_OPEN: health probes; API_ADMIN: /metrics */
    api_method_t methods[API_ROUTE_METHODS];
} api_route_t;

/* The settings that api_reload swaps: immutable once published. The server holds one
 * reference, every request one for its life; the last release frees it. */
typedef struct api_live {
    api_token_t *tokens;        /* owned copies */
    size_t n_tokens;
    api_limits_t lim;
    int log_requests;
    unsigned stop_wait_ms;
    int refs;                   /* under api_server.live_mu */
} api_live_t;

/* Latency histogram: bucket counts (not cumulative; the last is +Inf) and the sum. */
#define API_HIST_BUCKETS 14
typedef struct api_hist {
    atomic_ulong n[API_HIST_BUCKETS + 1];
    atomic_ullong sum_ns;
} api_hist_t;

#define API_MAX_ROUTES 16
#define API_N_STATUS 16         /* the statuses of docs/API.md, then "other" */
typedef struct api_metrics {
    /* [route index, or API_MAX_ROUTES for no route][method index, 4 = other][status] */
    atomic_ulong requests[API_MAX_ROUTES + 1][API_ROUTE_METHODS + 1][API_N_STATUS];
    api_hist_t request, search, model, chat;
    atomic_ulong chat_turns;
    int64_t started_ms;
} api_metrics_t;

struct api_server {
    struct MHD_Daemon *mhd;
    int port;
    agent_t *agent;
    pthread_mutex_t live_mu;
    api_live_t *live;           /* current settings (under live_mu) */
    atomic_uint max_connections;
    atomic_uint conns;          /* open connections (for 429) */
    atomic_int inflight;        /* requests begun and not completed (for api_stop) */
    void (*log)(int priority, const char *line);
    char version[64];
    api_metrics_t metrics;
};

/* A log line through the server's sink (api_config.log). */
void api_log(const api_server_t *s, int priority, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Where a request is in its life: a response can be queued in the first call or once
 * the body is in, never while it arrives (libmicrohttpd's rule); in between an error
 * waits in `pending`. */
enum api_phase { API_PHASE_FIRST, API_PHASE_UPLOAD, API_PHASE_FINAL };

struct api_req {
    api_server_t *srv;
    struct MHD_Connection *conn;
    const char *method, *path;      /* owned by libmicrohttpd for the request's life */
    const api_live_t *set;          /* the settings this request started with */
    const api_route_t *route;
    const api_method_t *m;
    char *param;                    /* the {..} segment, malloc'd */
    struct timespec t0;
    enum api_phase phase;

    char *body;                     /* accumulated, NUL-terminated, at most limit bytes */
    size_t len, cap, limit, dropped;
    int too_large;

    struct MHD_Response *pending;   /* an error decided before the body was in */
    unsigned pending_status;
    int queued;
    unsigned status;                /* for the log line */
    const char *allow;              /* Allow header for a 405 */
    int over_limit;                 /* 429: close after replying */
    int counted;                    /* in the metrics already */

    int admin;                      /* admin token, or no tokens configured */
    const char *token_user;         /* the user a user token is bound to */
    char log_user[API_ID_MAX + 1];
};

/* routes.c */
const api_route_t *api_route_match(const char *path, char **param);
const api_route_t *api_routes(size_t *n);

/* metrics.c */
void api_hist_observe(api_hist_t *h, double seconds);
/* Counts a request and its duration, once: when its reply is queued (so a client that
 * has its reply sees it counted), or at completion when no reply went out (status 0). */
void api_metrics_request(api_req_t *rq);
void api_h_metrics(api_req_t *rq);

/* reply.c: every response goes through api_send, every error through api_error. */
int api_send(api_req_t *rq, unsigned status, const char *content_type, char *buf, size_t len);
int api_send_json(api_req_t *rq, unsigned status, json_t *j);   /* steals j */
int api_error(api_req_t *rq, unsigned status, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
int api_error_v(api_req_t *rq, const api_verr_t *e);
/* Maps an agent error (AGENT_E*) to its status and code; what names the object. */
int api_error_agent(api_req_t *rq, int rc, const char *what, const char *err);
json_t *api_memory_json(const agent_memory_t *m);

/* auth.c */
int api_auth(api_req_t *rq);
enum api_where { API_FROM_QUERY, API_FROM_BODY, API_FROM_PATH };
/* The user a request acts for, given the user it names (NULL when it names none).
 * Sends the error (403, or user missing for an admin) and returns -1 when it may not. */
int api_act_as(api_req_t *rq, const char *named, enum api_where where, const char **user);
/* The user for a memory-id route: the token's user, or NULL (any) for an admin. */
const char *api_id_scope(api_req_t *rq);

/* memories.c and users.c */
void api_h_memories_post(api_req_t *rq);
void api_h_memories_get(api_req_t *rq);
void api_h_memory_get(api_req_t *rq);
void api_h_memory_patch(api_req_t *rq);
void api_h_memory_delete(api_req_t *rq);
void api_h_memory_history(api_req_t *rq);
void api_h_user_export(api_req_t *rq);
void api_h_user_import(api_req_t *rq);
void api_h_user_delete(api_req_t *rq);

/* chat.c */
void api_h_chat_post(api_req_t *rq);
void api_h_conversation_get(api_req_t *rq);
void api_h_conversation_delete(api_req_t *rq);

#endif
