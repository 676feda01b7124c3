/* conns.c: the open connections as mnemod tracks them, in both of their stages: held by
 * the front stage (front.c) from their accept until their first request's head is in,
 * then libmicrohttpd's, whose one timer (0.9.75) is for silence: a client trickling a
 * header byte every few seconds kept its connection for good, and such clients from
 * enough addresses filled the table until nothing more was accepted, /healthz included.
 * Each connection is recorded at its accept (api_conns_accept, the front stage) with its
 * address, and again from libmicrohttpd's start notification once handed over; each has
 * a deadline for its request's line and headers, then for its body (header_timeout +
 * bytes / min_body_rate from the headers). Here are decided the limits: the connections
 * one address may hold, the hard cap, and past max_connections the room made by shutting
 * down the waiting connection nearest its deadline, or else a 429. A sweeper thread shuts
 * down the socket of one past its deadline. Nothing here closes a socket or touches
 * libmicrohttpd's structures: its owner (the front stage, or libmicrohttpd) sees the end
 * and closes it, and a socket is only shut down while its record exists, that is before
 * its owner releases it (api_conns_release, libmicrohttpd's close notification), which
 * comes before it closes the descriptor. */
#include "api/internal.h"

#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

/* How often the sweeper looks (ms), and how often at most it logs what it closed. */
#define CONNS_SWEEP_MS 100
#define CONNS_LOG_MS 1000

struct api_conn {
    int fd;                     /* its owner's; shut down here, never closed */
    int front;                  /* held by the front stage (else libmicrohttpd's) */
    void *owner;                /* the front stage's handle on it */
    struct sockaddr_storage addr;   /* the client's, for max_connections_per_address */
    int64_t deadline;           /* monotonic ms by which its headers (or body) must be in;
                                 * 0: none (its handler runs or its reply goes out) */
    int waiting;                /* for its headers: room may be made from it */
    int64_t body_from;          /* when its headers came in */
    uint64_t body_bytes;        /* of its body so far */
    int shut;                   /* shut down here; libmicrohttpd has yet to close it */
    api_conn_t *prev, *next;
};

struct api_conns {
    pthread_mutex_t mu;         /* the list, the counts and every record's fields */
    pthread_cond_t wake;        /* api_conns_free wakes the sweeper to stop */
    api_conn_t *head;
    unsigned n, n_shut;         /* open, and of them shut down here */
    unsigned hard, per_address; /* refused at accept past either */
    int64_t header_ms, idle_ms;
    uint64_t rate;              /* min_body_rate, bytes a second */
    api_server_t *srv;          /* its max_connections (live) and its log */
    unsigned long late, evicted;/* closed since the last log line */
    unsigned long refused;      /* refused at accept since the last log line */
    int64_t logged;
    int stopping, running;
    pthread_t th;
};

static int64_t now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Shuts c's socket (both ways: libmicrohttpd's next read sees the end). With mu held. */
static void shut(api_conns_t *t, api_conn_t *c)
{
    shutdown(c->fd, SHUT_RDWR);
    c->shut = 1;
    c->deadline = 0;
    c->waiting = 0;
    t->n_shut++;
}

/* The sweeper: every CONNS_SWEEP_MS, shuts the connections past their deadline, and at
 * most every CONNS_LOG_MS logs how many it and api_conns_opened closed. */
static void *sweep(void *arg)
{
    api_conns_t *t = arg;
    pthread_mutex_lock(&t->mu);
    while (!t->stopping) {
        int64_t now = now_ms();
        for (api_conn_t *c = t->head; c; c = c->next)
            if (c->deadline && !c->shut && now >= c->deadline) {
                shut(t, c);
                t->late++;
            }
        if ((t->late || t->evicted || t->refused) && now - t->logged >= CONNS_LOG_MS) {
            unsigned long late = t->late, evicted = t->evicted, refused = t->refused;
            t->late = t->evicted = t->refused = 0;
            t->logged = now;
            pthread_mutex_unlock(&t->mu);
            api_log(t->srv, 4, "closed %lu connections whose request headers or body were "
                    "not in by their deadline (header_timeout %lld s, min_body_rate %llu "
                    "bytes/s), %lu waiting ones to make room past max_connections and %lu "
                    "as they were accepted (max_connections_per_address %u, hard cap %u)",
                    late, (long long)(t->header_ms / 1000), (unsigned long long)t->rate,
                    evicted, refused, t->per_address, t->hard);
            pthread_mutex_lock(&t->mu);
        }
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_nsec += CONNS_SWEEP_MS * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&t->wake, &t->mu, &until);
    }
    pthread_mutex_unlock(&t->mu);
    return NULL;
}

api_conns_t *api_conns_new(api_server_t *srv, unsigned header_s, unsigned idle_s,
                           size_t min_body_rate, unsigned hard, unsigned per_address)
{
    pthread_condattr_t ca;
    api_conns_t *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    t->srv = srv;
    t->hard = hard;
    t->per_address = per_address;
    t->header_ms = (int64_t)header_s * 1000;
    t->idle_ms = (int64_t)idle_s * 1000;
    t->rate = min_body_rate ? min_body_rate : 1;
    pthread_mutex_init(&t->mu, NULL);
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&t->wake, &ca);
    pthread_condattr_destroy(&ca);
    return t;
}

int api_conns_start(api_conns_t *t)
{
    if (pthread_create(&t->th, NULL, sweep, t) != 0) return -1;
    t->running = 1;
    return 0;
}

void api_conns_free(api_conns_t *t)
{
    if (!t) return;
    pthread_mutex_lock(&t->mu);
    t->stopping = 1;
    pthread_cond_signal(&t->wake);
    pthread_mutex_unlock(&t->mu);
    if (t->running) pthread_join(t->th, NULL);
    /* The front stage and libmicrohttpd have stopped: every record was released. */
    pthread_cond_destroy(&t->wake);
    pthread_mutex_destroy(&t->mu);
    free(t);
}

/* 1 when a and b are the same client host (the port aside). */
static int same_host(const struct sockaddr_storage *a, const struct sockaddr_storage *b)
{
    if (a->ss_family != b->ss_family) return 0;
    if (a->ss_family == AF_INET)
        return ((const struct sockaddr_in *)a)->sin_addr.s_addr ==
               ((const struct sockaddr_in *)b)->sin_addr.s_addr;
    if (a->ss_family == AF_INET6)
        return !memcmp(&((const struct sockaddr_in6 *)a)->sin6_addr,
                       &((const struct sockaddr_in6 *)b)->sin6_addr, sizeof(struct in6_addr));
    return 1;
}

/* Links c in, with mu held. */
static void link_in(api_conns_t *t, api_conn_t *c)
{
    c->next = t->head;
    if (t->head) t->head->prev = c;
    t->head = c;
    t->n++;
}

api_conn_t *api_conns_accept(api_conns_t *t, int fd, const struct sockaddr *sa, socklen_t len,
                             void *owner, int *over, void **evicted)
{
    api_conn_t *c = calloc(1, sizeof *c);
    *over = 0;
    *evicted = NULL;
    if (!c) return NULL;
    c->fd = fd;
    c->front = 1;
    c->owner = owner;
    memcpy(&c->addr, sa, len < sizeof c->addr ? len : sizeof c->addr);
    pthread_mutex_lock(&t->mu);
    unsigned same = 0;
    for (api_conn_t *o = t->head; o; o = o->next)
        same += !o->shut && same_host(&o->addr, &c->addr);
    if (same >= t->per_address || t->n >= t->hard) {
        t->refused++;
        pthread_mutex_unlock(&t->mu);
        free(c);
        return NULL;
    }
    int64_t now = now_ms();
    c->body_from = now;         /* its accept, until its head is in */
    c->deadline = now + (t->idle_ms < t->header_ms ? t->idle_ms : t->header_ms);
    c->waiting = 1;
    if (t->n - t->n_shut + 1 > atomic_load(&t->srv->max_connections)) {
        /* Room from the waiting connection nearest its deadline, never a request in
         * progress: past max_connections a client that has not sent its headers yields
         * to one that has just come. */
        api_conn_t *victim = NULL;
        for (api_conn_t *o = t->head; o; o = o->next)
            if (o->waiting && (!victim || o->deadline < victim->deadline))
                victim = o;
        if (victim) {
            shut(t, victim);
            t->evicted++;
            if (victim->front) *evicted = victim->owner;
        } else {
            *over = 1;
        }
    }
    link_in(t, c);
    pthread_mutex_unlock(&t->mu);
    return c;
}

/* Unlinks c, with mu held. */
static void unlink_conn(api_conns_t *t, api_conn_t *c)
{
    if (c->prev) c->prev->next = c->next;
    else t->head = c->next;
    if (c->next) c->next->prev = c->prev;
    t->n--;
    if (c->shut) t->n_shut--;
}

int api_conns_release(api_conns_t *t, api_conn_t *c)
{
    pthread_mutex_lock(&t->mu);
    int was_shut = c->shut;
    unlink_conn(t, c);
    pthread_mutex_unlock(&t->mu);
    free(c);
    return was_shut;
}

int api_conns_is_shut(api_conns_t *t, api_conn_t *c)
{
    pthread_mutex_lock(&t->mu);
    int was_shut = c->shut;
    pthread_mutex_unlock(&t->mu);
    return was_shut;
}

void api_conns_activity(api_conns_t *t, api_conn_t *c)
{
    pthread_mutex_lock(&t->mu);
    if (!c->shut) {
        int64_t head = c->body_from + t->header_ms, idle = now_ms() + t->idle_ms;
        c->deadline = idle < head ? idle : head;
    }
    pthread_mutex_unlock(&t->mu);
}

void api_conns_replied(api_conns_t *t, api_conn_t *c)
{
    pthread_mutex_lock(&t->mu);
    if (!c->shut) c->waiting = 1;
    pthread_mutex_unlock(&t->mu);
}

void api_conns_opened(api_conns_t *t, struct MHD_Connection *conn, void **socket_context)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
    const union MHD_ConnectionInfo *ai =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    api_conn_t *c = calloc(1, sizeof *c);
    *socket_context = c;
    if (!c || !ci) {            /* untracked: no deadline, no room made */
        free(c);
        *socket_context = NULL;
        return;
    }
    c->fd = ci->connect_fd;
    if (ai && ai->client_addr)
        memcpy(&c->addr, ai->client_addr, ai->client_addr->sa_family == AF_INET6
                                              ? sizeof(struct sockaddr_in6)
                                              : sizeof(struct sockaddr_in));
    pthread_mutex_lock(&t->mu);
    /* Its first request's head is in (the front stage saw it): not waiting. */
    c->deadline = now_ms() + t->header_ms;
    link_in(t, c);
    pthread_mutex_unlock(&t->mu);
}

void api_conns_closed(api_conns_t *t, void **socket_context)
{
    api_conn_t *c = *socket_context;
    if (!c) return;
    pthread_mutex_lock(&t->mu);
    unlink_conn(t, c);
    pthread_mutex_unlock(&t->mu);
    free(c);
    *socket_context = NULL;
}

/* The record of conn, from libmicrohttpd's worker that serves it. */
static api_conn_t *record_of(struct MHD_Connection *conn)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return ci ? ci->socket_context : NULL;
}

void api_conns_headers_in(api_conns_t *t, struct MHD_Connection *conn)
{
    api_conn_t *c = record_of(conn);
    if (!c) return;
    pthread_mutex_lock(&t->mu);
    if (!c->shut) {
        c->waiting = 0;
        c->body_from = now_ms();
        c->body_bytes = 0;
        c->deadline = c->body_from + t->header_ms;
    }
    pthread_mutex_unlock(&t->mu);
}

void api_conns_body(api_conns_t *t, struct MHD_Connection *conn, size_t n)
{
    api_conn_t *c = record_of(conn);
    if (!c) return;
    pthread_mutex_lock(&t->mu);
    c->body_bytes += n;
    if (c->deadline)
        c->deadline = c->body_from + t->header_ms + (int64_t)(c->body_bytes * 1000 / t->rate);
    pthread_mutex_unlock(&t->mu);
}

void api_conns_body_in(api_conns_t *t, struct MHD_Connection *conn)
{
    api_conn_t *c = record_of(conn);
    if (!c) return;
    pthread_mutex_lock(&t->mu);
    c->deadline = 0;
    pthread_mutex_unlock(&t->mu);
}

void api_conns_reply_done(api_conns_t *t, struct MHD_Connection *conn)
{
    api_conn_t *c = record_of(conn);
    if (!c) return;
    pthread_mutex_lock(&t->mu);
    if (!c->shut) {
        c->deadline = now_ms() + t->idle_ms + t->header_ms;
        c->waiting = 1;
    }
    pthread_mutex_unlock(&t->mu);
}
