/* conns.c: the open connections as mnemod tracks them beside libmicrohttpd, whose one
 * timer (0.9.75) is for silence: a client trickling a header byte every few seconds kept
 * its connection for good, and such clients from enough addresses filled the table until
 * nothing more was accepted, /healthz included. Each connection is recorded from its
 * start (MHD_OPTION_NOTIFY_CONNECTION) with its socket and a deadline for its request's
 * line and headers, then for its body (header_timeout + bytes / min_body_rate from the
 * headers); a sweeper thread shuts down the socket of one past its deadline, and
 * a connection that opens past max_connections makes room by shutting down the waiting
 * connection nearest its deadline. libmicrohttpd then reads the end of the socket and
 * closes the connection itself: nothing here touches its structures from another
 * thread, and a socket is only shut down while its record exists, that is before
 * libmicrohttpd's close notification, which comes before it closes the descriptor. */
#include "api/internal.h"

#include <stdlib.h>
#include <sys/socket.h>

/* How often the sweeper looks (ms), and how often at most it logs what it closed. */
#define CONNS_SWEEP_MS 100
#define CONNS_LOG_MS 1000

typedef struct api_conn api_conn_t;
struct api_conn {
    int fd;                     /* libmicrohttpd's; shut down here, never closed */
    int64_t deadline;           /* monotonic ms by which its headers (or body) must be in;
                                 * 0: none (its handler runs or its reply goes out) */
    int waiting;                /* for its headers: room may be made from it */
    int64_t body_from;          /* when its headers came in */
    uint64_t body_bytes;        /* of its body so far */
    int over;                   /* opened past max_connections with no room made: 429 */
    int shut;                   /* shut down here; libmicrohttpd has yet to close it */
    api_conn_t *prev, *next;
};

struct api_conns {
    pthread_mutex_t mu;         /* the list, the counts and every record's fields */
    pthread_cond_t wake;        /* api_conns_free wakes the sweeper to stop */
    api_conn_t *head;
    unsigned n, n_shut;         /* open, and of them shut down here */
    int64_t header_ms, idle_ms;
    uint64_t rate;              /* min_body_rate, bytes a second */
    api_server_t *srv;          /* its max_connections (live) and its log */
    unsigned long late, evicted;/* closed since the last log line */
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
        if ((t->late || t->evicted) && now - t->logged >= CONNS_LOG_MS) {
            unsigned long late = t->late, evicted = t->evicted;
            t->late = t->evicted = 0;
            t->logged = now;
            pthread_mutex_unlock(&t->mu);
            api_log(t->srv, 4, "closed %lu connections whose request headers or body were "
                    "not in by their deadline (header_timeout %lld s, min_body_rate %llu "
                    "bytes/s) and %lu waiting ones to make room past max_connections", late,
                    (long long)(t->header_ms / 1000), (unsigned long long)t->rate, evicted);
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
                           size_t min_body_rate)
{
    pthread_condattr_t ca;
    api_conns_t *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    t->srv = srv;
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
    /* libmicrohttpd has stopped: every connection was closed and its record freed. */
    pthread_cond_destroy(&t->wake);
    pthread_mutex_destroy(&t->mu);
    free(t);
}

void api_conns_opened(api_conns_t *t, struct MHD_Connection *conn, void **socket_context)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
    api_conn_t *c = calloc(1, sizeof *c);
    *socket_context = c;
    if (!c || !ci) {            /* untracked: no deadline, no room made */
        free(c);
        *socket_context = NULL;
        return;
    }
    c->fd = ci->connect_fd;
    pthread_mutex_lock(&t->mu);
    int64_t now = now_ms();
    c->deadline = now + t->header_ms;
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
        } else {
            c->over = 1;
        }
    }
    c->next = t->head;
    if (t->head) t->head->prev = c;
    t->head = c;
    t->n++;
    pthread_mutex_unlock(&t->mu);
}

void api_conns_closed(api_conns_t *t, void **socket_context)
{
    api_conn_t *c = *socket_context;
    if (!c) return;
    pthread_mutex_lock(&t->mu);
    if (c->prev) c->prev->next = c->next;
    else t->head = c->next;
    if (c->next) c->next->prev = c->prev;
    t->n--;
    if (c->shut) t->n_shut--;
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

int api_conns_headers_in(api_conns_t *t, struct MHD_Connection *conn)
{
    api_conn_t *c = record_of(conn);
    if (!c) return 0;
    pthread_mutex_lock(&t->mu);
    if (!c->shut) {
        c->waiting = 0;
        c->body_from = now_ms();
        c->body_bytes = 0;
        c->deadline = c->body_from + t->header_ms;
    }
    int over = c->over;
    pthread_mutex_unlock(&t->mu);
    return over;
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
