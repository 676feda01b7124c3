/* server.c: the HTTP server on libmicrohttpd. It opens the listening socket (whose
 * connections the front stage, front.c and relay.c, accepts and relays to libmicrohttpd
 * request by request, each checked first), owns the thread pool and the life of a
 * request: per-request state allocated when the request line is read (the raw target is
 * checked there, before libmicrohttpd decodes it) and freed in the completion callback;
 * framing (Content-Length, Transfer-Encoding, Host), path, route, method, auth,
 * Content-Type and Content-Length checked before any body is read; the body grown as it
 * arrives under a hard cap (413 past it) and a cap on the bytes of all bodies together
 * (503); then the route's handler, on a handler thread (workq.c) while the connection is
 * suspended, or inline for health, metrics and the inspector's files. One log line per
 * request. The settings that SIGHUP may change (tokens, limits) live in an immutable
 * api_live_t that api_reload swaps; each request holds a reference to the one it
 * started with. */
#include "api/internal.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

/* A body past its cap is read and dropped up to this much more, so the client gets its
 * 413 instead of a reset; past that the connection is closed. */
#define API_DRAIN_EXTRA ((size_t)64 << 20)
/* Requests that may wait for a handler thread, per thread; one past them is 503 at once. */
#define API_WORK_QUEUE_PER_THREAD 64u
/* Connections past max_connections still get a 429; past this many more, the front stage
 * closes them as they are accepted. */
#define API_CONN_HEADROOM 64u
/* How long api_stop waits for in-flight requests unless told. */

void api_log(const api_server_t *s, int priority, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (s->log) {
        s->log(priority, line);
        return;
    }
    char when[API_TIME_LEN];
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    api_time_format((int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000, when);
    fprintf(stderr, "%s mnemod: %s\n", when, line);
}

static int is_loopback(const struct sockaddr *sa);

/* ---- live settings ---------------------------------------------------------------- */

static void live_free(api_live_t *l)
{
    if (!l) return;
    for (size_t i = 0; i < l->n_tokens; i++) {
        free(l->tokens[i].secret);
        free(l->tokens[i].user);
    }
    free(l->tokens);
    free(l);
}

static api_live_t *live_new(const api_config_t *cfg)
{
    api_live_t *l = calloc(1, sizeof *l);
    if (!l) return NULL;
    l->tokens = calloc(cfg->n_tokens ? cfg->n_tokens : 1, sizeof *l->tokens);
    if (!l->tokens) goto oom;
    for (size_t i = 0; i < cfg->n_tokens; i++) {
        l->tokens[i].secret = strdup(cfg->tokens[i].secret);
        l->tokens[i].user = cfg->tokens[i].user ? strdup(cfg->tokens[i].user) : NULL;
        l->n_tokens = i + 1;
        if (!l->tokens[i].secret || (cfg->tokens[i].user && !l->tokens[i].user)) goto oom;
    }
    l->lim = cfg->limits;
    if (l->lim.max_connections == 0) l->lim.max_connections = 1;
    l->log_requests = cfg->log_requests;
    l->stop_wait_ms = cfg->stop_wait_ms ? cfg->stop_wait_ms : API_STOP_WAIT_MS;
    l->refs = 1;
    return l;
oom:
    live_free(l);
    return NULL;
}

static api_live_t *live_get(api_server_t *s)
{
    pthread_mutex_lock(&s->live_mu);
    api_live_t *l = s->live;
    l->refs++;
    pthread_mutex_unlock(&s->live_mu);
    return l;
}

static void live_put(api_server_t *s, const api_live_t *cl)
{
    api_live_t *l = (api_live_t *)cl;
    pthread_mutex_lock(&s->live_mu);
    int last = --l->refs == 0;
    pthread_mutex_unlock(&s->live_mu);
    if (last) live_free(l);
}

int api_reload(api_server_t *s, const api_config_t *cfg, char *err, size_t errlen)
{
    api_live_t *l = live_new(cfg);
    if (!l) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (s->live->n_tokens > 0 && l->n_tokens == 0) {
        /* open_listener's loopback check ran with tokens; dropping them all on a
         * non-loopback socket would serve everyone as admin. */
        struct sockaddr_storage ss;
        socklen_t sl = sizeof ss;
        if (getsockname(s->listen_fd, (struct sockaddr *)&ss, &sl) ||
            !is_loopback((struct sockaddr *)&ss)) {
            live_free(l);
            snprintf(err, errlen, "cannot remove every token while listening on a "
                     "non-loopback address; restart instead");
            return -1;
        }
    }
    atomic_store(&s->max_connections, l->lim.max_connections);
    pthread_mutex_lock(&s->live_mu);
    api_live_t *old = s->live;
    s->live = l;
    pthread_mutex_unlock(&s->live_mu);
    live_put(s, old);
    return 0;
}

static double elapsed_ms(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) * 1e3 + (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

/* One line per request: method, path, route, status, duration, user. Control bytes and
 * bytes that are not UTF-8 in the path show as '?', so a request cannot forge lines. */
static void log_request(const api_req_t *rq, enum MHD_RequestTerminationCode toe, double ms)
{
    char path[256], status[16];
    snprintf(path, sizeof path, "%s", rq->path ? rq->path : "-");
    api_sanitize(path);
    if (rq->queued)
        snprintf(status, sizeof status, "%u", rq->status);
    else
        snprintf(status, sizeof status, "-(%d)", (int)toe);   /* client went away */
    api_log(rq->srv, 6, "%s %s route=%s status=%s %.2fms user=%s", rq->method, path,
            rq->route ? rq->route->pattern : "-", status, ms, rq->log_user[0] ? rq->log_user : "-");
}

/* 1 when the media type of a Content-Type value is `type` (case-insensitive) and any
 * charset parameter says UTF-8. */
static int media_type_is(const char *ct, const char *type)
{
    size_t n = strlen(type);
    while (*ct == ' ') ct++;
    if (strncasecmp(ct, type, n) != 0) return 0;
    ct += n;
    while (*ct == ' ') ct++;
    if (*ct == '\0') return 1;
    if (*ct != ';') return 0;
    const char *cs = NULL;
    for (const char *p = ct; *p && !cs; p++)
        if (!strncasecmp(p, "charset=", 8)) cs = p + 8;
    if (!cs) return 1;
    if (*cs == '"') cs++;
    return strncasecmp(cs, "utf-8", 5) == 0 &&
           (cs[5] == '\0' || cs[5] == '"' || cs[5] == ';' || cs[5] == ' ');
}

int api_storage_check(api_req_t *rq, char *why, size_t n)
{
    api_server_t *s = rq->srv;
    if (!s->storage_check) return 0;
    why[0] = '\0';
    return s->storage_check(s->storage_ctx, why, n);
}

/* The checks that need no body, in the order of docs/API.md (the front stage has made
 * those that libmicrohttpd would have made itself, on every request):
 * framing, Host (without tokens), stopping, path UTF-8, route, method, token, storage
 * (for a write), Content-Type, Content-Length. An error lands in rq->pending (api_send
 * knows the phase). */
static void begin(api_req_t *rq, const char *version)
{
    char why[256];
    if (api_framing_bad(rq->conn, rq->bad_target, version, why, sizeof why)) {
        rq->close = 1;          /* where this request ends is unclear: read no further */
        api_error(rq, 400, API_CODE_BAD_REQUEST, "%s", why);
        return;
    }
    if (rq->set->n_tokens == 0) {
        const char *host = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
                                                       MHD_HTTP_HEADER_HOST);
        if (host && !api_host_is_loopback(host)) {
            rq->close = 1;
            api_error(rq, 403, API_CODE_FORBIDDEN,
                      "without tokens mnemod answers only requests addressed to localhost, "
                      "127.0.0.1 or [::1], not %.100s; configure tokens to serve other names",
                      host);
            return;
        }
    }
    if (atomic_load(&rq->srv->stopping)) {
        rq->close = 1;
        rq->retry_after = 1;
        api_error(rq, 503, API_CODE_SHUTTING_DOWN, "the server is stopping");
        return;
    }
    size_t plen = strlen(rq->path);
    if (!api_utf8_valid(rq->path, plen)) {
        api_error(rq, 400, API_CODE_INVALID_UTF8, "the path is not valid UTF-8");
        return;
    }
    rq->route = api_route_match(rq->path, &rq->param);
    if (!rq->route) {
        api_error(rq, 404, API_CODE_NOT_FOUND, "no route %s %s", rq->method, rq->path);
        return;
    }
    /* HEAD is GET without the body (libmicrohttpd drops it). */
    const char *method = strcmp(rq->method, "HEAD") ? rq->method : "GET";
    for (const api_method_t *m = rq->route->methods; m->name; m++)
        if (!strcmp(m->name, method)) rq->m = m;
    if (!rq->m) {
        rq->allow = rq->route->allow;
        api_error(rq, 405, API_CODE_METHOD_NOT_ALLOWED, "%s takes %s, not %s",
                  rq->route->pattern, rq->route->allow, rq->method);
        return;
    }
    if (rq->route->access != API_OPEN && api_auth(rq)) return;
    if (rq->route->access == API_ADMIN && !rq->admin) {
        api_error(rq, 403, API_CODE_FORBIDDEN, "%s needs the admin token", rq->route->pattern);
        return;
    }
    /* Anything but GET and HEAD may write: refused while the database file is gone, rather
     * than acknowledged into a file nobody will open again. */
    if (rq->route->access != API_OPEN && strcmp(method, "GET") &&
        api_storage_check(rq, why, sizeof why)) {
        rq->close = 1;
        api_error(rq, 503, API_CODE_STORAGE_UNAVAILABLE, "%s", why);
        return;
    }

    rq->limit = rq->m->body == API_BODY_IMPORT ? rq->set->lim.max_import_body
                                               : rq->set->lim.max_body;
    if (rq->m->body != API_BODY_NONE) {
        const char *ct = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
                                                     MHD_HTTP_HEADER_CONTENT_TYPE);
        int ok = ct && (media_type_is(ct, "application/json") ||
                        (rq->m->body == API_BODY_IMPORT &&
                         media_type_is(ct, "application/x-ndjson")));
        if (!ok) {
            api_error(rq, 415, API_CODE_UNSUPPORTED_MEDIA_TYPE,
                      "Content-Type must be application/json%s, not %s",
                      rq->m->body == API_BODY_IMPORT ? " or application/x-ndjson" : "",
                      ct ? ct : "absent");
            return;
        }
    }
    const char *cl = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
                                                 MHD_HTTP_HEADER_CONTENT_LENGTH);
    /* Nothing is set aside from Content-Length: the body grows as it arrives. */
    if (cl) {
        unsigned long long n = strtoull(cl, NULL, 10);
        if (n > rq->limit) {
            rq->too_large = 1;
            api_error(rq, 413, API_CODE_PAYLOAD_TOO_LARGE,
                      "the body is %llu bytes; the limit is %zu", n, rq->limit);
            return;
        }
        if (n >= rq->set->lim.max_inflight_body) {
            rq->too_large = 1;
            rq->close = 1;      /* not worth draining: answer now */
            api_error(rq, 413, API_CODE_PAYLOAD_TOO_LARGE,
                      "the body is %llu bytes; the server holds at most %zu bytes of bodies "
                      "at once", n, rq->set->lim.max_inflight_body);
            return;
        }
    }
}

/* Whether a pending error can go out from the first call: with Expect: 100-continue
 * the client waits for us, and a body too large to drain is not worth reading. */
static int send_early(const api_req_t *rq)
{
    if (rq->close) return 1;
    const char *ex = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
                                                 MHD_HTTP_HEADER_EXPECT);
    if (ex && !strcasecmp(ex, "100-continue")) return 1;
    const char *cl = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
                                                 MHD_HTTP_HEADER_CONTENT_LENGTH);
    return cl && strtoull(cl, NULL, 10) > rq->limit + API_DRAIN_EXTRA;
}

static int queue_pending(api_req_t *rq)
{
    rq->queued = 1;
    api_metrics_request(rq);
    int ok = MHD_queue_response(rq->conn, rq->pending_status, rq->pending) == MHD_YES;
    MHD_destroy_response(rq->pending);
    rq->pending = NULL;
    return ok;
}

/* Counts more bytes of body against max_inflight_body: 0, or -1 (nothing counted) when
 * the bodies held would go past it. */
static int hold(api_req_t *rq, size_t more)
{
    size_t was = atomic_fetch_add(&rq->srv->body_bytes, more);
    if (was + more > rq->set->lim.max_inflight_body) {
        atomic_fetch_sub(&rq->srv->body_bytes, more);
        return -1;
    }
    rq->held += more;
    return 0;
}

static void drop_body(api_req_t *rq)
{
    atomic_fetch_sub(&rq->srv->body_bytes, rq->held);
    rq->held = 0;
    free(rq->body);
    rq->body = NULL;
    rq->len = rq->cap = 0;
}

/* Appends upload data under the cap; past it, drops the body and decides a 413 (or a
 * 503 when all the bodies held together would pass max_inflight_body). */
static int accumulate(api_req_t *rq, const char *data, size_t n)
{
    if (rq->pending || rq->too_large) {
        rq->dropped += n;
        return rq->dropped <= rq->limit + API_DRAIN_EXTRA;
    }
    if (n > rq->limit - rq->len) {
        rq->too_large = 1;
        rq->dropped = rq->len + n;
        drop_body(rq);
        api_error(rq, 413, API_CODE_PAYLOAD_TOO_LARGE, "the body is over the limit of %zu bytes",
                  rq->limit);
        return 1;
    }
    if (rq->len + n + 1 > rq->cap) {
        size_t cap = rq->cap ? rq->cap : 4096;
        while (cap < rq->len + n + 1) cap *= 2;
        if (cap > rq->limit + 1) cap = rq->limit + 1;
        if (hold(rq, cap - rq->cap)) {
            rq->dropped = rq->len + n;
            drop_body(rq);
            rq->retry_after = 1;
            api_error(rq, 503, API_CODE_OVERLOADED, "the server holds %zu bytes of request "
                      "bodies already; retry shortly", rq->set->lim.max_inflight_body);
            return 1;
        }
        char *b = realloc(rq->body, cap);
        if (!b) {
            api_error(rq, 500, API_CODE_INTERNAL, "out of memory reading the body");
            return 1;
        }
        rq->body = b;
        rq->cap = cap;
    }
    memcpy(rq->body + rq->len, data, n);
    rq->len += n;
    rq->body[rq->len] = '\0';
    return 1;
}

/* A request's state, from its request line on (on_uri), freed by on_completed. */
static api_req_t *req_new(api_server_t *srv, struct MHD_Connection *conn)
{
    api_req_t *rq = calloc(1, sizeof *rq);
    if (!rq) return NULL;
    clock_gettime(CLOCK_MONOTONIC, &rq->t0);
    rq->srv = srv;
    rq->conn = conn;
    rq->set = live_get(srv);
    rq->limit = rq->set->lim.max_body;
    atomic_fetch_add(&srv->inflight, 1);
    return rq;
}

/* libmicrohttpd's URI log callback: the raw request target, before it is decoded and
 * split; the return value is the request's *con_cls. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
    api_req_t *rq = req_new(cls, conn);
    if (rq) rq->bad_target = uri && api_target_bad(uri);
    return rq;
}

static void run_handler(api_req_t *rq);

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    api_server_t *srv = cls;
    api_req_t *rq = *con_cls;

    if (!rq) {
        if (!(rq = req_new(srv, conn))) return MHD_NO;
        *con_cls = rq;
    }
    if (!rq->started) {
        rq->started = 1;
        rq->method = method;
        rq->path = url;
        begin(rq, version);
        if (rq->pending && send_early(rq)) return queue_pending(rq) ? MHD_YES : MHD_NO;
        rq->phase = API_PHASE_UPLOAD;
        return MHD_YES;
    }
    if (*upload_data_size) {
        int ok = accumulate(rq, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return ok ? MHD_YES : MHD_NO;
    }
    if (rq->queued) return MHD_YES;
    rq->phase = API_PHASE_FINAL;
    if (rq->pending) return queue_pending(rq) ? MHD_YES : MHD_NO;
    if (!rq->m) return MHD_NO;             /* begin() could not even build its error */
    if (!rq->body) rq->body = calloc(1, 1);
    if (!rq->body) return MHD_NO;
    if (rq->route->run != API_RUN_INLINE && srv->workq) {
        /* Suspended before it is queued, so the pool's resume always finds it suspended;
         * the reply waits in pending, and libmicrohttpd calls back here to send it. */
        rq->phase = API_PHASE_WORK;
        MHD_suspend_connection(conn);
        if (api_workq_push(srv->workq, rq) == 0) return MHD_YES;
        if (rq->route->run == API_RUN_POOL_GET_ANYWAY && !strcmp(rq->method, "GET")) {
            /* a read of one row: served at once, not refused */
            run_handler(rq);
            return MHD_YES;
        }
        rq->retry_after = 1;
        api_error(rq, 503, API_CODE_OVERLOADED,
                  "every handler thread is busy and %u requests are waiting; try again",
                  API_WORK_QUEUE_PER_THREAD * srv->nthreads);
        MHD_resume_connection(conn);
        return MHD_YES;
    }
    rq->m->fn(rq);
    if (!rq->queued)
        api_error(rq, 500, API_CODE_INTERNAL, "the handler of %s %s gave no reply", rq->method,
                  rq->path);
    return rq->queued ? MHD_YES : MHD_NO;
}

/* A pool thread's work (workq.c): the handler, then the connection back to
 * libmicrohttpd, which calls on_request again to send the reply held in pending. */
static void run_handler(api_req_t *rq)
{
    rq->m->fn(rq);
    if (!rq->queued && !rq->pending)
        api_error(rq, 500, API_CODE_INTERNAL, "the handler of %s %s gave no reply", rq->method,
                  rq->path);
    MHD_resume_connection(rq->conn);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    api_server_t *srv = cls;
    api_req_t *rq = *con_cls;
    api_conns_reply_done(srv->conntab, conn, rq && rq->queued);
    if (!rq) return;
    double ms = elapsed_ms(&rq->t0);
    /* A request whose connection closed before its handler saw it has no line. */
    if (rq->started) {
        api_metrics_request(rq);   /* when no reply went out */
        if (rq->set->log_requests) log_request(rq, toe, ms);
    }
    live_put(srv, rq->set);
    if (rq->pending) MHD_destroy_response(rq->pending);
    free(rq->param);
    drop_body(rq);
    free(rq);
    *con_cls = NULL;
    atomic_fetch_sub(&srv->inflight, 1);
}

/* Counts connections and records each in conns.c (its header deadline; past
 * max_connections, room made or its requests marked for 429). */
static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
                          enum MHD_ConnectionNotificationCode toe)
{
    api_server_t *srv = cls;
    if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
        atomic_fetch_add(&srv->conns, 1);
        api_conns_opened(srv->conntab, conn, socket_context);
    } else {
        api_conns_closed(srv->conntab, socket_context);
        atomic_fetch_sub(&srv->conns, 1);
    }
}

static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
    /* libmicrohttpd 0.9.75 takes each connection for TCP (it is one end of a socket pair,
     * relay.c) and tries TCP_NODELAY and TCP_CORK on it for every reply; on a Unix socket
     * they fail, which changes nothing (nothing is corked), and these lines would say so
     * at every reply. */
    if (!strncmp(fmt, "Setting %s option to %s state failed", 36) ||
        !strncmp(fmt, "Failed to push the data from buffers", 36))
        return;
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    size_t n = strlen(msg);
    while (n && msg[n - 1] == '\n') msg[--n] = '\0';
    api_log(cls, 4, "http: %s", msg);
}

static int is_loopback(const struct sockaddr *sa)
{
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
        return (ntohl(in->sin_addr.s_addr) >> 24) == 127;
    }
    if (sa->sa_family == AF_INET6) {
        const struct in6_addr *a = &((const struct sockaddr_in6 *)sa)->sin6_addr;
        if (IN6_IS_ADDR_LOOPBACK(a)) return 1;
        return IN6_IS_ADDR_V4MAPPED(a) && a->s6_addr[12] == 127;
    }
    return 0;
}

/* Resolves host, refuses a non-loopback address when no tokens are configured, and
 * binds and listens. Returns the socket or -1 with err filled. */
static int open_listener(const api_config_t *cfg, int *port, char *err,
                         size_t errlen)
{
    struct addrinfo hints = {0}, *ai = NULL;
    char portstr[16];
    int fd = -1, one = 1, rc;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    snprintf(portstr, sizeof portstr, "%d", cfg->port);
    if (cfg->port < 0 || cfg->port > 65535) {
        snprintf(err, errlen, "port %d is out of range 0..65535", cfg->port);
        return -1;
    }
    if ((rc = getaddrinfo(cfg->host, portstr, &hints, &ai)) != 0) {
        snprintf(err, errlen, "cannot resolve listen host '%s': %s", cfg->host,
                 gai_strerror(rc));
        return -1;
    }
    if (cfg->n_tokens == 0 && !is_loopback(ai->ai_addr)) {
        snprintf(err, errlen,
                 "refusing to listen on %s without tokens: configure token/admin_token or "
                 "listen on a loopback address such as 127.0.0.1", cfg->host);
        goto fail;
    }
    fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) goto fail_errno;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (ai->ai_family == AF_INET6) setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    if (bind(fd, ai->ai_addr, ai->ai_addrlen) || listen(fd, 511)) goto fail_errno;

    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    if (getsockname(fd, (struct sockaddr *)&ss, &sl)) goto fail_errno;
    *port = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
                                           : ((struct sockaddr_in *)&ss)->sin_port);
    freeaddrinfo(ai);
    return fd;
fail_errno:
    snprintf(err, errlen, "cannot listen on %s port %d: %s", cfg->host, cfg->port,
             strerror(errno));
fail:
    if (fd >= 0) close(fd);
    freeaddrinfo(ai);
    return -1;
}

/* Frees what api_start made of s, in the reverse order; each part may be missing. */
static void server_free(api_server_t *s)
{
    api_front_free(s->front);           /* closes the listening socket */
    if (!s->front && s->listen_fd >= 0) close(s->listen_fd);
    api_workq_free(s->workq);
    if (s->mhd) MHD_stop_daemon(s->mhd);
    api_conns_free(s->conntab);
    api_throttle_free(s->throttle);
    live_free(s->live);
    pthread_mutex_destroy(&s->live_mu);
    free(s);
}

api_server_t *api_start(const api_config_t *cfg, agent_t *agent, char *err, size_t errlen)
{
    api_server_t *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    s->listen_fd = -1;
    s->agent = agent;
    s->log = cfg->log;
    snprintf(s->version, sizeof s->version, "%s", cfg->version ? cfg->version : "dev");
    pthread_mutex_init(&s->live_mu, NULL);
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    s->metrics.started_ms = (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
    s->storage_check = cfg->storage_check;
    s->storage_ctx = cfg->storage_ctx;
    snprintf(err, errlen, "out of memory");
    if (!(s->live = live_new(cfg)) || !(s->throttle = api_throttle_new())) goto fail;
    atomic_store(&s->max_connections, s->live->lim.max_connections);
    json_object_seed(0);    /* seed jansson's hash once, before any worker thread */

    if ((s->listen_fd = open_listener(cfg, &s->port, err, errlen)) < 0) goto fail;
    unsigned threads = cfg->threads ? cfg->threads : API_DEFAULT_THREADS;
    s->nthreads = threads;
    if (!(s->workq = api_workq_new(threads, API_WORK_QUEUE_PER_THREAD * threads,
                                   run_handler))) {
        snprintf(err, errlen, "cannot start %u handler threads", threads);
        goto fail;
    }
    unsigned hard = s->live->lim.max_connections + API_CONN_HEADROOM;
    if (hard < threads) hard = threads;
    unsigned idle = cfg->idle_timeout ? cfg->idle_timeout : API_DEFAULT_IDLE_TIMEOUT;
    unsigned header = cfg->header_timeout ? cfg->header_timeout : API_DEFAULT_HEADER_TIMEOUT;
    unsigned per_ip = cfg->max_connections_per_address ? cfg->max_connections_per_address
                                                       : API_DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
    size_t rate = cfg->min_body_rate ? cfg->min_body_rate : API_DEFAULT_MIN_BODY_RATE;
    snprintf(err, errlen, "out of memory");
    if (!(s->conntab = api_conns_new(s, header, idle, rate, hard, per_ip))) goto fail;
    /* The deadlines for a request's headers and body (silence, and however steadily
     * they trickle) and the caps on connections per address and in all are conns.c's,
     * applied by the front stage, which sees every byte a client sends. libmicrohttpd
     * sees a head only once it is whole, so its one silence timer is set past the
     * longest a head may take (idle_timeout + header_timeout): it only bounds a client
     * that stops reading its reply. Its own cap is only a backstop, with room for the
     * connections it has reported closed and not yet freed. It listens on nothing: the
     * front stage adds each connection, as one end of a socket pair. */
    struct MHD_OptionItem ops[] = {
        {MHD_OPTION_CONNECTION_LIMIT, (intptr_t)(2 * hard), NULL},
        {MHD_OPTION_CONNECTION_TIMEOUT, (intptr_t)(idle + header), NULL},
        {MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)on_uri, s},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, (intptr_t)API_CONN_MEMORY, NULL},
        {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)on_completed, s},
        {MHD_OPTION_NOTIFY_CONNECTION, (intptr_t)on_connection, s},
        /* a pool only for more than one thread: otherwise this row ends the list */
        {threads > 1 ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END, (intptr_t)threads, NULL},
        {MHD_OPTION_END, 0, NULL},
    };
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG |
                     MHD_ALLOW_SUSPEND_RESUME | MHD_USE_NO_LISTEN_SOCKET | MHD_USE_ITC;
    /* The logger must come first, or libmicrohttpd logs its options' messages itself. */
    s->mhd = MHD_start_daemon(flags, 0, NULL, NULL, on_request, s, MHD_OPTION_EXTERNAL_LOGGER,
                              on_mhd_log, s, MHD_OPTION_ARRAY, ops, MHD_OPTION_END);
    if (!s->mhd) {
        snprintf(err, errlen, "libmicrohttpd could not start on %s port %d", cfg->host,
                 s->port);
        goto fail;
    }
    if (api_conns_start(s->conntab)) {
        snprintf(err, errlen, "cannot start the connection sweeper thread");
        goto fail;
    }
    if (!(s->front = api_front_new(s, s->listen_fd)) || api_front_start(s->front)) {
        snprintf(err, errlen, "cannot start the thread that accepts connections");
        goto fail;
    }
    return s;
fail:
    server_free(s);
    return NULL;
}

int api_port(const api_server_t *s)
{
    return s ? s->port : -1;
}

void api_stop(api_server_t *s)
{
    if (!s) return;
    /* Stop taking requests, let those in flight finish, then close everything. From here
     * each reply closes its connection, and a request that begins on a kept-alive one
     * is 503, so steady keep-alive traffic cannot hold the stop until its timeout. */
    atomic_store(&s->stopping, 1);
    /* No MHD_quiesce_daemon: in libmicrohttpd 0.9.75 it races the epoll loop's own
     * removal of the listen socket and can abort the process (MHD_PANIC on ENOENT).
     * New connections are still accepted until MHD_stop_daemon, and answered 503. */
    int wait_ms = (int)s->live->stop_wait_ms, waited = 0;
    for (; atomic_load(&s->inflight) > 0 && waited < wait_ms; waited += 5) {
        struct timespec ts = {0, 5 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    if (atomic_load(&s->inflight) > 0)
        api_log(s, 4, "%d requests still running after %d ms; closing them",
                atomic_load(&s->inflight), wait_ms);
    /* The front stage first, so no more requests reach libmicrohttpd (it lets the
     * replies libmicrohttpd still writes reach their clients for a moment, then closes
     * every connection); then the pool: each handler still queued or running finishes
     * and resumes its connection, so libmicrohttpd stops with none suspended; conns.c
     * last, as libmicrohttpd's notifications use it. */
    api_front_free(s->front);
    s->front = NULL;
    s->listen_fd = -1;
    api_workq_free(s->workq);
    s->workq = NULL;
    MHD_stop_daemon(s->mhd);
    s->mhd = NULL;
    api_conns_free(s->conntab);
    s->conntab = NULL;
    api_throttle_free(s->throttle);
    s->throttle = NULL;
    live_put(s, s->live);
    s->live = NULL;
    server_free(s);
}
