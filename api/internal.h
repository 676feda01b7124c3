/* internal.h: private to api/. The server and per-request state shared by the files of
 * api/: server.c (libmicrohttpd lifecycle, body accumulation), framing.c (the HTTP checks
 * before routing), routes.c (the route table), reply.c (the one send helper and the one
 * error function), auth.c (bearer tokens and which user a request acts for), throttle.c
 * (failed tokens per address), metrics.c (counters, histograms, GET /metrics) and the
 * handlers (memories.c, users.c, import.c, chat.c, conversations.c, openai.c, mcp_http.c, ui.c). */
#ifndef MNEMO_API_INTERNAL_H
#define MNEMO_API_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <time.h>
#include <jansson.h>
#include <microhttpd.h>
#include "api/api.h"
#include "api/validate.h"

typedef struct api_req api_req_t;
typedef struct api_workq api_workq_t;   /* workq.c */
typedef struct api_conns api_conns_t;   /* conns.c */
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

/* The shape of a route's errors: mnemo's {"error": {"code", "message"}} (docs/API.md),
 * or OpenAI's {"error": {"message", "type", "param", "code"}} for the OpenAI-compatible
 * routes, whose clients parse that one (api_error picks it from rq->route). */
enum api_errors { API_ERRORS_MNEMO = 0, API_ERRORS_OPENAI };

/* Where a route's handler runs: on the pool (workq.c), or inline on libmicrohttpd's
 * worker, for the cheap answers that must never wait behind others (health, metrics,
 * the inspector's static files); API_RUN_POOL_GET_ANYWAY: on the pool, but its GET, a
 * read of one row, runs inline when the pool's queue is full instead of a 503. */
enum api_run { API_RUN_POOL = 0, API_RUN_INLINE, API_RUN_POOL_GET_ANYWAY };

#define API_ROUTE_METHODS 4
typedef struct api_route {
    const char *pattern;        /* "/v1/memories/{id}/history": {..} captures a segment */
    const char *allow;          /* the Allow header of a 405 */
    enum api_access access;     /* API_OPEN: health probes; API_ADMIN: /metrics */
    api_method_t methods[API_ROUTE_METHODS];
    enum api_errors errors;     /* omitted in the table: mnemo's */
    enum api_run run;           /* omitted: the pool */
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

#define API_MAX_ROUTES 24
#define API_N_STATUS 16         /* the statuses of docs/API.md, then "other" */
typedef struct api_metrics {
    /* [route index, or API_MAX_ROUTES for no route][method index, 4 = other][status] */
    atomic_ulong requests[API_MAX_ROUTES + 1][API_ROUTE_METHODS + 1][API_N_STATUS];
    api_hist_t request, search, model, chat, chat_search, chat_write;
    atomic_ulong chat_turns;
    int64_t started_ms;
} api_metrics_t;

/* The MCP sessions of the handshake era (mcp_http.c): opened by initialize, ended by
 * DELETE /mcp or, when a new one needs the room, by being the least recently used. A
 * fixed table inside the server, so it needs no setup or teardown: calloc's zeroes are
 * an empty table and an open spin lock (held for a lookup, never across a call). */
#define API_MCP_SESSIONS 256
#define API_MCP_SESSION_ID_LEN 32   /* hex digits of 128 random bits */
typedef struct api_mcp_session {
    char id[API_MCP_SESSION_ID_LEN + 1];    /* "" when free */
    char owner[API_ID_MAX + 1];             /* the token's user, "" for admin */
    uint64_t used;                          /* tick of its last request */
} api_mcp_session_t;
typedef struct api_mcp_sessions {
    atomic_int lock;
    uint64_t tick;
    api_mcp_session_t s[API_MCP_SESSIONS];
} api_mcp_sessions_t;

/* throttle.c: failed authentications per client address. */
typedef struct api_throttle api_throttle_t;
api_throttle_t *api_throttle_new(void);
void api_throttle_free(api_throttle_t *t);
/* Seconds the address must wait before its token is looked at, 0 when it may try. */
unsigned api_throttle_wait(api_throttle_t *t, const struct sockaddr *sa);
/* Counts a failed authentication of the address. */
void api_throttle_fail(api_throttle_t *t, const struct sockaddr *sa);

/* conns.c: every open connection, from its accept to its close, with its deadline for a
 * request's line and headers (header_timeout from its accept, idle_timeout +
 * header_timeout from its previous reply when kept alive), then for its body
 * (header_timeout + bytes / min_body_rate from its headers), idle_timeout from the
 * client's last byte in either, none while libmicrohttpd has one of its requests in
 * hand; the limits on connections per address and in all, and room made past
 * max_connections (see the file). api_conns_new: hard and per_address are the caps past
 * which api_conns_accept refuses; NULL on memory. api_conns_start starts the sweeper
 * thread (0, or -1); api_conns_free stops it and frees the table, after the front stage
 * and libmicrohttpd have stopped.
 * The front stage's calls: api_conns_accept records a connection just accepted (fd,
 * client address sa of len bytes), making room past max_connections, and returns its
 * record, or NULL when the address or the server is at its cap (or out of memory): close
 * fd unanswered. *over is 1 when no room could be made: answer its request 429. *evicted
 * is the owner (as given to its own accept) of a connection shut down to make room, for
 * the front stage to close now so that it stops counting, else NULL. api_conns_release
 * drops the front stage's hold on the record (before it closes fd) and returns 1 when
 * it had been shut down here. api_conns_is_shut: 1 once it has been shut down here.
 * api_conns_link: mhd_fd is the end of the pair about to go to libmicrohttpd (its start
 * notification finds the record by it). api_conns_input: the client sent bytes, body of
 * them bytes of a request's body. api_conns_head_in: a request's head went to
 * libmicrohttpd, with a body to follow or none; api_conns_body_in: its body too.
 * api_conns_replied: the front stage has answered it and only waits for the client to
 * go; room may be made from it. api_conns_mhd_closed: 1 once libmicrohttpd has closed its
 * end, with *answered the requests it completed with a reply.
 * libmicrohttpd's: api_conns_opened and api_conns_closed are its connection
 * notifications (the record stays until both it and the front stage are done with it);
 * api_conns_reply_done, from the completion callback, counts a request done (replied: a
 * reply was queued for it) and starts the next head's time. */
typedef struct api_conn api_conn_t;
api_conns_t *api_conns_new(api_server_t *srv, unsigned header_s, unsigned idle_s,
                           size_t min_body_rate, unsigned hard, unsigned per_address);
int api_conns_start(api_conns_t *t);
void api_conns_free(api_conns_t *t);
api_conn_t *api_conns_accept(api_conns_t *t, int fd, const struct sockaddr *sa, socklen_t len,
                             void *owner, int *over, void **evicted);
int api_conns_release(api_conns_t *t, api_conn_t *c);
int api_conns_is_shut(api_conns_t *t, api_conn_t *c);
void api_conns_link(api_conns_t *t, api_conn_t *c, int mhd_fd);
void api_conns_input(api_conns_t *t, api_conn_t *c, size_t body);
void api_conns_head_in(api_conns_t *t, api_conn_t *c, int has_body);
void api_conns_body_in(api_conns_t *t, api_conn_t *c);
void api_conns_replied(api_conns_t *t, api_conn_t *c);
int api_conns_mhd_closed(api_conns_t *t, api_conn_t *c, unsigned *answered);
void api_conns_opened(api_conns_t *t, struct MHD_Connection *conn, void **socket_context);
void api_conns_closed(api_conns_t *t, void **socket_context);
void api_conns_reply_done(api_conns_t *t, struct MHD_Connection *conn, int replied);

/* front.c and relay.c: the front stage. It accepts every connection on the listening
 * socket (which it then owns) and holds each for its whole life. It checks every
 * request head (head.c) and frames its body (Content-Length, or chunked checked by
 * chunked.c) before libmicrohttpd sees a byte of it, relaying the connection through a
 * socket pair whose other end libmicrohttpd serves; what libmicrohttpd would refuse
 * with its own page (and a connection opened past max_connections with no room, 429)
 * it answers in mnemo's JSON and closes. One thread. api_front_new: NULL on memory
 * (listen_fd stays the caller's); api_front_start: 0, or -1 when the thread could not
 * start; api_front_free: stops taking connections, lets libmicrohttpd's replies in
 * hand reach their clients (briefly), closes the rest and the listening socket; call it
 * before libmicrohttpd stops. */
typedef struct api_front api_front_t;
api_front_t *api_front_new(api_server_t *srv, int listen_fd);
int api_front_start(api_front_t *f);
void api_front_free(api_front_t *f);

struct api_server {
    struct MHD_Daemon *mhd;
    int port;
    agent_t *agent;
    pthread_mutex_t live_mu;
    api_live_t *live;           /* current settings (under live_mu) */
    atomic_uint max_connections;
    atomic_uint conns;          /* open connections (for /metrics) */
    api_conns_t *conntab;       /* their deadlines and room (conns.c) */
    api_front_t *front;         /* accepts them (front.c) */
    int listen_fd;              /* the front stage's */
    atomic_int inflight;        /* requests begun and not completed (for api_stop) */
    atomic_int stopping;        /* api_stop has begun: Connection: close, 503 for new */
    atomic_size_t body_bytes;   /* bytes of request bodies held (max_inflight_body) */
    api_throttle_t *throttle;
    api_workq_t *workq;         /* runs the handlers not marked API_RUN_INLINE */
    unsigned nthreads;          /* its threads (the `threads` setting) */
    int (*storage_check)(void *ctx, char *why, size_t whylen);
    void *storage_ctx;
    void (*log)(int priority, const char *line);
    char version[64];
    api_metrics_t metrics;
    api_mcp_sessions_t mcp;
};

/* A log line through the server's sink (api_config.log). */
void api_log(const api_server_t *s, int priority, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Where a request is in its life: a response can be queued in the first call or once
 * the body is in, never while it arrives (libmicrohttpd's rule); in between an error
 * waits in `pending`. API_PHASE_WORK: the handler runs on a pool thread (workq.c) while
 * the connection is suspended, and its reply waits in `pending` too. */
enum api_phase { API_PHASE_FIRST, API_PHASE_UPLOAD, API_PHASE_WORK, API_PHASE_FINAL };

/* workq.c: the pool of threads that run handlers off libmicrohttpd's workers, with a
 * bounded queue. api_workq_new: threads threads, at most cap requests waiting, each
 * given to run; NULL on memory. api_workq_push: 0, or -1 when the queue is full or
 * stopping (nothing queued). api_workq_free: runs what is queued, joins the threads. */
api_workq_t *api_workq_new(unsigned threads, unsigned cap, void (*run)(api_req_t *rq));
int api_workq_push(api_workq_t *q, api_req_t *rq);
void api_workq_free(api_workq_t *q);

struct api_req {
    int started;                    /* the handler has seen the request */
    int bad_target;                 /* the raw request target holds %00 or control bytes */
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
    size_t held;                    /* bytes of body counted in srv->body_bytes */
    int too_large;

    struct MHD_Response *pending;   /* an error decided before the body was in */
    unsigned pending_status;
    int queued;
    unsigned status;                /* for the log line */
    const char *allow;              /* Allow header for a 405 */
    int close;                      /* reply with Connection: close */
    unsigned retry_after;           /* seconds for a Retry-After header (0: none; 429: 1) */
    int counted;                    /* in the metrics already */

    int admin;                      /* admin token, or no tokens configured */
    const char *token_user;         /* the user a user token is bound to */
    char log_user[API_ID_MAX + 1];
};

/* framing.c. api_target_bad: 1 when a raw request target would decode to a NUL anywhere
 * or to a control byte in the path. api_framing_t gathers a request's framing headers
 * (api_framing_add, once per header line; name and value need no NUL), and
 * api_framing_check says what is wrong with them: 0, or the status (400; 413 for a
 * Content-Length past 64 bits) with why filled. api_framing_bad: the same on a request
 * libmicrohttpd has parsed, 1 (why filled) when it is bad. api_host_is_loopback: 1 when
 * a Host value is localhost, 127.0.0.1 or [::1], with or without a port. */
typedef struct api_framing {
    unsigned content_length, transfer_encoding, host;  /* how often each is given */
    int te_chunked;             /* the last Transfer-Encoding is "chunked" */
    int cl_invalid;             /* a Content-Length that is not decimal digits alone */
    int cl_overflow;            /* a Content-Length past 2^64 - 1 */
    uint64_t cl_value;          /* the last Content-Length, when it is digits that fit */
    int bad_target;             /* api_target_bad of the request target */
    int needs_host;             /* HTTP/1.1 */
} api_framing_t;
int api_target_bad(const char *t);
int api_target_bad_n(const char *t, size_t n);      /* the same on n bytes, no NUL needed */
void api_framing_add(api_framing_t *f, const char *name, size_t n, const char *value,
                     size_t vn);
unsigned api_framing_check(const api_framing_t *f, char *why, size_t n);
int api_framing_bad(struct MHD_Connection *conn, int bad_target, const char *version, char *why,
                    size_t n);
int api_host_is_loopback(const char *h);

/* head.c: the check of each request head on a connection, read by the front stage
 * (relay.c) before libmicrohttpd sees it. libmicrohttpd's memory per connection is
 * API_CONN_MEMORY; its read buffer takes half of it and a record per header field and
 * per cookie comes out of the rest, so a head of at most API_HEAD_MAX bytes and
 * API_HEAD_FIELDS_MAX fields (431 past either) always fits. api_head_check looks at
 * buf[h->pos, len) (buf holds the bytes from the head's first one, the end of the
 * request before it; h zeroed before the first call, then passed again with the same
 * bytes and more): API_HEAD_MORE when more bytes could still make a
 * good head, API_HEAD_GOOD when buf holds one whole (h->len its bytes), API_HEAD_BAD
 * when no bytes can (h->status, h->code and h->why say why). */
#define API_CONN_MEMORY (128 * 1024)
#define API_HEAD_MAX (API_CONN_MEMORY / 8)
#define API_HEAD_FIELDS_MAX 256
typedef enum { API_HEAD_MORE = 0, API_HEAD_GOOD, API_HEAD_BAD } api_head_verdict_t;
typedef struct api_head {
    int state;
    size_t pos;                     /* bytes looked at */
    size_t line, target, version, colon;    /* offsets in the line being read */
    unsigned fields;                /* header lines and cookies so far */
    api_framing_t f;
    int head_method;                /* the method is HEAD: a refusal has no body */
    size_t len;                     /* API_HEAD_GOOD: bytes of the head */
    unsigned status;                /* API_HEAD_BAD: the refusal */
    const char *code;
    char why[160];
} api_head_t;
api_head_verdict_t api_head_check(api_head_t *h, const char *buf, size_t len);

/* RFC 9110 5.6.2: 1 when c may stand in a token (a method, a header or trailer name).
 * Defined in head.c; chunked.c's trailers use it too. */
int api_is_tchar(unsigned char c);

/* chunked.c: the check of a chunked request body as the front stage forwards it.
 * api_chunked_check looks at the next len bytes of the body (k zeroed before its first
 * byte, then passed again with the bytes that follow those used): API_HEAD_MORE when all
 * len were used and more are needed, API_HEAD_GOOD when the body ended after *used bytes
 * (the rest is the next request's), API_HEAD_BAD when no bytes can make it good (status
 * 400, 413 for a chunk size past 64 bits, 431 for a trailer past its limits; code and
 * why say which). A size line with its extensions, and the trailer, are at most
 * API_CHUNK_LINE_MAX bytes; the trailer at most API_CHUNK_TRAILER_FIELDS lines. */
#define API_CHUNK_LINE_MAX 4096
#define API_CHUNK_TRAILER_FIELDS 16
typedef struct api_chunked {
    int state;
    uint64_t size;                  /* the chunk size being read */
    uint64_t left;                  /* bytes of the current chunk's data still to come */
    unsigned digits;                /* of the size being read */
    size_t line;                    /* bytes of the size line so far */
    size_t trailer;                 /* bytes of the trailer so far */
    unsigned fields;                /* trailer lines so far */
    unsigned status;                /* API_HEAD_BAD: the refusal */
    const char *code;
    char why[96];
} api_chunked_t;
api_head_verdict_t api_chunked_check(api_chunked_t *k, const char *buf, size_t len,
                                     size_t *used);

/* server.c: whether the database can take writes (api_config.storage_check): 0, or -1
 * with why filled. */
int api_storage_check(api_req_t *rq, char *why, size_t n);

/* routes.c */
const api_route_t *api_route_match(const char *path, char **param);
const api_route_t *api_routes(size_t *n);

/* metrics.c */
void api_hist_observe(api_hist_t *h, double seconds);
/* Counts a request and its duration, once: when its reply is queued (so a client that
 * has its reply sees it counted), or at completion when no reply went out (status 0). */
void api_metrics_request(api_req_t *rq);
void api_h_metrics(api_req_t *rq);

/* How every JSON body is written. Real numbers print with 7 significant digits:
 * importance 0.7 stays "0.7" and a float score 0.83f prints "0.83" rather than its double
 * expansion. */
#define API_JSON_FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(7))

/* reply.c: every response goes through api_send, every error through api_error. */
int api_send(api_req_t *rq, unsigned status, const char *content_type, char *buf, size_t len);
/* api_send with more headers: name, value pairs ended by NULL. content_type NULL sends
 * none (a reply without a body). */
int api_send_headers(api_req_t *rq, unsigned status, const char *content_type, char *buf,
                     size_t len, const char *const *headers);
int api_send_json(api_req_t *rq, unsigned status, json_t *j);   /* steals j */
/* A whole text/event-stream body (Server-Sent Events) with Cache-Control: no-cache;
 * takes buf (malloc'd) as api_send does. */
int api_send_stream(api_req_t *rq, unsigned status, char *buf, size_t len);
/* A body of unknown length (chunked) that libmicrohttpd pulls from read(cls, ...) as the
 * client takes it, in blocks of API_STREAM_BLOCK bytes; done(cls) runs once when the
 * response is gone, also when it could not be queued (then the return is -1). */
#define API_STREAM_BLOCK (32 * 1024)
int api_send_reader(api_req_t *rq, unsigned status, const char *content_type,
                    MHD_ContentReaderCallback read, void *cls,
                    MHD_ContentReaderFreeCallback done);
int api_error(api_req_t *rq, unsigned status, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
int api_error_v(api_req_t *rq, const api_verr_t *e);
/* mnemo's error object {"error": {"code", "message"}}, the body of every api_error on a
 * mnemo route and of the front stage's refusals (front.c); a new reference, NULL when out
 * of memory. msg is used as given (api_error sanitizes it first). */
json_t *api_error_json(const char *code, const char *msg);
/* Maps an agent error (AGENT_E*) to its status and code; what names the object. */
int api_error_agent(api_req_t *rq, int rc, const char *what, const char *err);
json_t *api_memory_json(const agent_memory_t *m);
/* A search hit's "score_breakdown" {bm25, dense, recency, context}: its 1-based rank in
 * each list the search fused, null (rank 0) where it was not a candidate of that list,
 * and the part of its score its neighbours lent (api/memories.c; docs/RETRIEVAL.md). A
 * new reference. */
json_t *api_score_breakdown(int bm25, int dense, int recency, float context);

/* auth.c */
int api_auth(api_req_t *rq);
enum api_where { API_FROM_QUERY, API_FROM_BODY, API_FROM_PATH };
/* The user a request acts for, given the user it names (NULL when it names none).
 * Sends the error (403, or user missing for an admin) and returns -1 when it may not. */
int api_act_as(api_req_t *rq, const char *named, enum api_where where, const char **user);
/* The user for a memory-id route: the token's user, or NULL (any) for an admin. */
const char *api_id_scope(api_req_t *rq);

/* memories.c, users.c and import.c */
void api_h_memories_post(api_req_t *rq);
void api_h_memories_get(api_req_t *rq);
void api_h_memory_get(api_req_t *rq);
void api_h_memory_patch(api_req_t *rq);
void api_h_memory_delete(api_req_t *rq);
void api_h_memory_history(api_req_t *rq);
/* The history object of GET /v1/memories/{id}/history for memory m (id) and its n
 * earlier versions v; a new reference, NULL when out of memory. */
json_t *api_history_json(int64_t id, const agent_memory_t *m, const agent_version_t *v,
                         size_t n);
void api_h_user_export(api_req_t *rq);
void api_h_user_import(api_req_t *rq);
void api_h_user_delete(api_req_t *rq);
/* The user of a /v1/users/{id} path, checked as an id and against the token; NULL after
 * the error is sent. */
const char *api_path_user(api_req_t *rq);

/* chat.c */
void api_h_chat_post(api_req_t *rq);
/* Runs one turn of user's conversation through the agent, timed for /metrics: 0 with t
 * filled (the caller renders it, then agent_turn_clear), or -1 once the error is sent
 * (503 without a model, else api_error_agent's) with t cleared. */
int api_chat_turn(api_req_t *rq, const char *user, const char *conversation,
                  const char *message, agent_turn_t *t);
/* Counts a turn that succeeded in m: its whole time since t0 and its parts (the model,
 * the retrieval, the transaction) in their histograms, and the turn in chat_turns. Every
 * route that runs a turn (REST, OpenAI-compatible, MCP) calls it once per turn. */
void api_chat_observe(api_metrics_t *m, const struct timespec *t0, const agent_turn_t *t);
/* The turn object of docs/API.md ("The chat turn"); a new reference, NULL when out of
 * memory. */
json_t *api_turn_json(const char *conversation, const agent_turn_t *t);
/* A turn's "attention", [{turn, weight}] oldest first (the turn object's, and a stored
 * user turn's in GET /v1/conversations/{id}); a new reference, NULL when out of memory. */
json_t *api_attention_json(const agent_attention_t *a, size_t n);

/* conversations.c */
void api_h_conversation_get(api_req_t *rq);
void api_h_conversation_delete(api_req_t *rq);
void api_h_user_conversations(api_req_t *rq);

/* openai.c */
void api_h_chat_completions(api_req_t *rq);
void api_h_models(api_req_t *rq);

/* mcp_http.c: the MCP endpoint (Streamable HTTP; the protocol itself is mcp.c) */
void api_h_mcp_post(api_req_t *rq);
void api_h_mcp_delete(api_req_t *rq);

/* ui.c: GET /ui and /ui/{file}, from the table that api/ui_embed.c generates at build
 * time out of ui/ (ui_files.c in the build directory). */
typedef struct api_ui_file {
    const char *name;               /* base name: "app.js" */
    const unsigned char *data;
    size_t len;
} api_ui_file_t;
extern const api_ui_file_t api_ui_files[];
extern const size_t api_ui_n_files;
void api_h_ui(api_req_t *rq);

#endif
