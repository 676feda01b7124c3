/* conns.c: the open connections as mnemod tracks them. The front stage (front.c,
 * relay.c) holds each from its accept to its close and sees every byte its client sends;
 * libmicrohttpd serves its requests on the other end of a socket pair. Each connection
 * has one record here, made at its accept (api_conns_accept) with the client's address,
 * and found again by libmicrohttpd's start notification (the descriptor of its end), so
 * that its completions count in the same record. Its deadline: for a request's line and
 * headers header_timeout from the accept (or from idle_timeout after the previous reply
 * when kept alive), then for its body header_timeout + bytes / min_body_rate from its
 * headers, and in either idle_timeout from the client's last byte; none while
 * libmicrohttpd has a request of it in hand. Here are decided the limits: the
 * connections one address may hold, the hard cap, and past max_connections the room
 * made by shutting down the waiting connection nearest its deadline (one with no request
 * in progress), or else a 429. A sweeper thread shuts down the client socket of one past
 * its deadline. Nothing here closes a socket: the front stage sees the end and closes it,
 * and a socket is only shut down while the front stage holds the record (before
 * api_conns_release, which comes before it closes the descriptor). */
#include "api/internal.h"

#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

/* How often the sweeper looks (ms), and how often at most it logs what it closed. */
#define CONNS_SWEEP_MS 100
#define CONNS_LOG_MS 1000

struct api_conn {
    int fd;                     /* the client's socket: shut down here, never closed */
    int mhd_fd;                 /* libmicrohttpd's end of the pair, -1 before and after */
    void *owner;                /* the front stage's handle on it */
    struct sockaddr_storage addr;   /* the client's, for max_connections_per_address */
    int held, linked;           /* held by the front stage; known to libmicrohttpd */
    int mhd_closed;             /* libmicrohttpd has closed its end */
    int in_body;                /* the front stage reads a request's body (else a head) */
    unsigned heads;             /* requests whose head went to libmicrohttpd */
    unsigned done, answered;    /* of them completed by libmicrohttpd, and with a reply */
    int64_t head_from;          /* the next head's header_timeout counts from here */
    int64_t last;               /* the client's last byte, or the last reply's end */
    int64_t body_from;          /* when the body's head came in */
    uint64_t body_bytes;        /* of the body so far */
    int front_replied;          /* answered by the front stage: only drained now */
    int64_t deadline;           /* monotonic ms; 0: none */
    int waiting;                /* no request in progress: room may be made from it */
    int shut;                   /* shut down here */
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

/* Shuts c's client socket (both ways: the front stage's next read sees the end). With mu
 * held. */
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

/* c's deadline and whether room may be made from it, from what the front stage and
 * libmicrohttpd have said of it. With mu held. */
static void refresh(api_conns_t *t, api_conn_t *c)
{
    if (c->shut) return;
    if (c->front_replied) {     /* the deadline it had, to end the drain */
        c->waiting = 1;
        return;
    }
    /* libmicrohttpd has a request in hand (the one before this body's, or before this
     * head): it is that request's time, not the client's. */
    if (c->done + c->in_body < c->heads) {
        c->deadline = 0;
        c->waiting = 0;
        return;
    }
    int64_t idle = c->last + t->idle_ms, d;
    if (c->in_body)
        d = c->body_from + t->header_ms + (int64_t)(c->body_bytes * 1000 / t->rate);
    else
        d = c->head_from + t->header_ms;
    c->deadline = d < idle ? d : idle;
    c->waiting = !c->in_body;
}

api_conn_t *api_conns_accept(api_conns_t *t, int fd, const struct sockaddr *sa, socklen_t len,
                             void *owner, int *over, void **evicted)
{
    api_conn_t *c = calloc(1, sizeof *c);
    *over = 0;
    *evicted = NULL;
    if (!c) return NULL;
    c->fd = fd;
    c->mhd_fd = -1;
    c->held = 1;
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
    c->head_from = c->last = now_ms();
    refresh(t, c);
    if (t->n - t->n_shut + 1 > atomic_load(&t->srv->max_connections)) {
        /* Room from the waiting connection nearest its deadline, never a request in
         * progress: past max_connections a client that has not sent its headers yields
         * to one that has just come. Of equal deadlines (accepted in the same
         * millisecond) the oldest goes: the list is newest first, so the last met. */
        api_conn_t *victim = NULL;
        for (api_conn_t *o = t->head; o; o = o->next)
            if (o->waiting && (!victim || o->deadline <= victim->deadline))
                victim = o;
        if (victim) {
            shut(t, victim);
            t->evicted++;
            *evicted = victim->owner;
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
    c->prev = c->next = NULL;
    t->n--;
    if (c->shut) t->n_shut--;
}

int api_conns_release(api_conns_t *t, api_conn_t *c)
{
    pthread_mutex_lock(&t->mu);
    int was_shut = c->shut, keep = c->linked;
    unlink_conn(t, c);
    c->held = 0;
    pthread_mutex_unlock(&t->mu);
    if (!keep) free(c);         /* else libmicrohttpd's close notification frees it */
    return was_shut;
}

int api_conns_is_shut(api_conns_t *t, api_conn_t *c)
{
    pthread_mutex_lock(&t->mu);
    int was_shut = c->shut;
    pthread_mutex_unlock(&t->mu);
    return was_shut;
}

void api_conns_link(api_conns_t *t, api_conn_t *c, int mhd_fd)
{
    pthread_mutex_lock(&t->mu);
    c->mhd_fd = mhd_fd;
    pthread_mutex_unlock(&t->mu);
}

void api_conns_input(api_conns_t *t, api_conn_t *c, size_t body)
{
    pthread_mutex_lock(&t->mu);
    c->last = now_ms();
    c->body_bytes += body;
    refresh(t, c);
    pthread_mutex_unlock(&t->mu);
}

void api_conns_head_in(api_conns_t *t, api_conn_t *c, int has_body)
{
    pthread_mutex_lock(&t->mu);
    c->heads++;
    c->in_body = has_body;
    c->body_from = now_ms();
    c->body_bytes = 0;
    refresh(t, c);
    pthread_mutex_unlock(&t->mu);
}

void api_conns_body_in(api_conns_t *t, api_conn_t *c)
{
    pthread_mutex_lock(&t->mu);
    c->in_body = 0;
    refresh(t, c);
    pthread_mutex_unlock(&t->mu);
}

void api_conns_replied(api_conns_t *t, api_conn_t *c)
{
    pthread_mutex_lock(&t->mu);
    c->front_replied = 1;
    refresh(t, c);
    pthread_mutex_unlock(&t->mu);
}

int api_conns_mhd_closed(api_conns_t *t, api_conn_t *c, unsigned *answered)
{
    pthread_mutex_lock(&t->mu);
    int closed = c->mhd_closed;
    *answered = c->answered;
    pthread_mutex_unlock(&t->mu);
    return closed;
}

void api_conns_opened(api_conns_t *t, struct MHD_Connection *conn, void **socket_context)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
    *socket_context = NULL;
    if (!ci) return;
    pthread_mutex_lock(&t->mu);
    for (api_conn_t *c = t->head; c; c = c->next)
        if (c->mhd_fd == ci->connect_fd && !c->linked) {
            c->linked = 1;
            *socket_context = c;
            break;
        }
    pthread_mutex_unlock(&t->mu);
}

void api_conns_closed(api_conns_t *t, void **socket_context)
{
    api_conn_t *c = *socket_context;
    if (!c) return;
    *socket_context = NULL;
    pthread_mutex_lock(&t->mu);
    c->linked = 0;
    c->mhd_closed = 1;
    c->mhd_fd = -1;             /* its number may be reused from here */
    int gone = !c->held;
    pthread_mutex_unlock(&t->mu);
    if (gone) free(c);
}

void api_conns_reply_done(api_conns_t *t, struct MHD_Connection *conn, int replied)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    api_conn_t *c = ci ? ci->socket_context : NULL;
    if (!c) return;
    pthread_mutex_lock(&t->mu);
    c->done++;
    c->answered += replied != 0;
    if (!c->in_body && c->done >= c->heads) {
        /* kept alive: the next head's time starts idle_timeout from now */
        int64_t now = now_ms();
        c->last = now;
        c->head_from = now + t->idle_ms;
    }
    refresh(t, c);
    pthread_mutex_unlock(&t->mu);
}
