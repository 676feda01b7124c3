/* front.c: the front stage. libmicrohttpd 0.9.75 answers the requests it cannot parse
 * with HTML pages compiled into it (or not at all), and no option replaces them; so
 * mnemod accepts connections itself and holds each here until its first request's line
 * and headers are in, looking at them with recv(MSG_PEEK), which leaves them in the
 * socket. A head that head.c passes is handed to libmicrohttpd (MHD_add_connection, with
 * the client's address), which reads it as if it had accepted the connection itself; a
 * bad one is answered here in mnemo's JSON error shape with Connection: close. The
 * connection's record, deadline and limits are conns.c's (it says when one is shut down
 * to make room or for its deadline; then it is closed here). One thread on epoll:
 * edge-triggered for the connections, so a head that is still incomplete wakes the
 * thread when more of it comes, not again for what it has seen. */
#define _GNU_SOURCE     /* accept4 */
#include "api/internal.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

/* Connections accepted at most per wake, so heads that came meanwhile are looked at. */
#define FRONT_ACCEPT_BATCH 64
/* Bytes of a refused request read and dropped at most per wake while its client goes. */
#define FRONT_DRAIN 65536
#define FRONT_EVENTS 64
/* How often at most the refusals are logged (ms). */
#define FRONT_LOG_MS 1000

typedef struct front_conn front_conn_t;
struct front_conn {
    int fd;
    api_conn_t *rec;                /* its record in conns.c */
    struct sockaddr_storage addr;
    socklen_t alen;
    int over;                       /* opened past max_connections: 429 once its head is in */
    int answered;                   /* refused: drained until the client goes */
    int dead;                       /* dropped: freed once the events in hand are done */
    api_head_t head;
    front_conn_t *prev, *next;
};

struct api_front {
    api_server_t *srv;
    int listen_fd, ep, wake;
    front_conn_t *head;             /* the connections held */
    front_conn_t *dead;             /* dropped during this round of events (next links) */
    char buf[API_HEAD_MAX + 1];     /* a peeked head; one more byte tells it is too long */
    atomic_int stopping;
    int running;
    pthread_t th;
    unsigned long refused;          /* answered here since the last log line */
    char last[256];                 /* the last of them */
    int64_t logged;
};

static int64_t now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Forgets c: its record first (conns.c may shut its socket down until then), then the
 * socket, unless it was handed over. c itself is freed after the round of events in
 * hand (free_dead): one of them may still name it (a connection evicted to make room
 * by an accept earlier in the same round). */
static void drop(api_front_t *f, front_conn_t *c, int close_fd)
{
    epoll_ctl(f->ep, EPOLL_CTL_DEL, c->fd, NULL);
    if (c->rec) api_conns_release(f->srv->conntab, c->rec);
    c->rec = NULL;
    if (close_fd) close(c->fd);
    if (c->prev) c->prev->next = c->next;
    else f->head = c->next;
    if (c->next) c->next->prev = c->prev;
    c->dead = 1;
    c->prev = NULL;
    c->next = f->dead;
    f->dead = c;
}

static void free_dead(api_front_t *f)
{
    while (f->dead) {
        front_conn_t *c = f->dead;
        f->dead = c->next;
        free(c);
    }
}

/* The client of c, for the log. */
static void client_name(const front_conn_t *c, char *out, size_t n)
{
    const void *a = c->addr.ss_family == AF_INET6
                        ? (const void *)&((const struct sockaddr_in6 *)&c->addr)->sin6_addr
                        : (const void *)&((const struct sockaddr_in *)&c->addr)->sin_addr;
    if (!inet_ntop(c->addr.ss_family, a, out, (socklen_t)n)) snprintf(out, n, "?");
}

/* Reads and drops what c's client has sent, up to FRONT_DRAIN bytes: -1 once it has
 * gone (end of stream, or an error), else 0. */
static int drain(api_front_t *f, front_conn_t *c)
{
    for (size_t got = 0; got < FRONT_DRAIN;) {
        ssize_t r = recv(c->fd, f->buf, sizeof f->buf, MSG_DONTWAIT);
        if (r > 0) {
            got += (size_t)r;
            continue;
        }
        if (r < 0 && errno == EINTR) continue;
        return r == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) ? -1 : 0;
    }
    return 0;
}

/* Answers c with mnemo's error object and Connection: close, after reading the head
 * (and what came after it) out of the socket; then waits for the client to close, so
 * that its unread bytes do not turn the close into a reset that loses the reply. */
static void answer(api_front_t *f, front_conn_t *c, unsigned status, const char *code,
                   const char *why)
{
    char msg[512], head[512], from[64];
    snprintf(msg, sizeof msg, "%s", why);
    api_sanitize(msg);
    json_t *j = api_error_json(code, msg);
    char *body = j ? json_dumps(j, API_JSON_FLAGS) : NULL;
    json_decref(j);
    size_t blen = body ? strlen(body) : 0;
    int n = snprintf(head, sizeof head,
                     "HTTP/1.1 %u %s\r\nContent-Type: application/json\r\n"
                     "Cache-Control: no-store\r\nConnection: close\r\n%s"
                     "Content-Length: %zu\r\n\r\n",
                     status, MHD_get_reason_phrase_for(status),
                     status == 429 ? "Retry-After: 1\r\n" : "", blen);
    drain(f, c);
    struct iovec iov[2] = {{head, (size_t)n}, {body, c->head.head_method ? 0 : blen}};
    struct msghdr mh = {.msg_iov = iov, .msg_iovlen = body ? 2 : 1};
    sendmsg(c->fd, &mh, MSG_NOSIGNAL | MSG_DONTWAIT);   /* fits the socket's buffer */
    free(body);
    shutdown(c->fd, SHUT_WR);
    c->answered = 1;
    api_conns_replied(f->srv->conntab, c->rec);

    api_req_t rq = {.srv = f->srv, .queued = 1, .status = status};
    clock_gettime(CLOCK_MONOTONIC, &rq.t0);
    api_metrics_request(&rq);
    client_name(c, from, sizeof from);
    f->refused++;
    snprintf(f->last, sizeof f->last, "%u %s from %s: %.160s", status, code, from, msg);
}

/* A head has come whole on c: refuse it, or hand c over. */
static void hand_over(api_front_t *f, front_conn_t *c)
{
    api_server_t *s = f->srv;
    if (c->over) {
        char why[128];
        snprintf(why, sizeof why, "the server has %u connections open; retry shortly",
                 atomic_load(&s->max_connections));
        answer(f, c, 429, API_CODE_TOO_MANY_REQUESTS, why);
        return;
    }
    int fd = c->fd;
    struct sockaddr_storage addr = c->addr;
    socklen_t alen = c->alen;
    int was_shut = api_conns_release(s->conntab, c->rec);
    c->rec = NULL;
    drop(f, c, was_shut);
    if (was_shut) return;
    /* libmicrohttpd closes fd itself when it cannot take it (its own cap, memory). */
    if (MHD_add_connection(s->mhd, fd, (struct sockaddr *)&addr, alen) != MHD_YES)
        api_log(s, 4, "libmicrohttpd could not take a connection: %s", strerror(errno));
}

/* More bytes (or the end) on c. */
static void on_input(api_front_t *f, front_conn_t *c, uint32_t events)
{
    if (c->dead) return;            /* dropped earlier in this round */
    if (api_conns_is_shut(f->srv->conntab, c->rec)) {     /* deadline, or room made */
        drop(f, c, 1);
        return;
    }
    if (c->answered) {
        if (drain(f, c)) drop(f, c, 1);
        return;
    }
    ssize_t r = recv(c->fd, f->buf, sizeof f->buf, MSG_PEEK | MSG_DONTWAIT);
    if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
    if (r <= 0) {                   /* gone before its head was in */
        drop(f, c, 1);
        return;
    }
    if ((size_t)r > c->head.pos) api_conns_activity(f->srv->conntab, c->rec);
    api_head_verdict_t v = api_head_check(&c->head, f->buf, (size_t)r);
    if (v == API_HEAD_GOOD) {
        hand_over(f, c);
    } else if (v == API_HEAD_BAD) {
        answer(f, c, c->head.status, c->head.code, c->head.why);
    } else if (events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
        drop(f, c, 1);              /* the client stopped sending before the head's end */
    }
}

/* Accepts what waits on the listening socket, each recorded in conns.c or closed. */
static void on_accept(api_front_t *f)
{
    for (int i = 0; i < FRONT_ACCEPT_BATCH; i++) {
        struct sockaddr_storage ss;
        socklen_t sl = sizeof ss;
        int fd = accept4(f->listen_fd, (struct sockaddr *)&ss, &sl,
                         SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED) continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                api_log(f->srv, 4, "accept: %s", strerror(errno));
            return;
        }
        front_conn_t *c = calloc(1, sizeof *c);
        void *evicted = NULL;
        if (!c || !(c->rec = api_conns_accept(f->srv->conntab, fd, (struct sockaddr *)&ss,
                                              sl, c, &c->over, &evicted))) {
            close(fd);              /* its address or the server at its cap */
            free(c);
            continue;
        }
        if (evicted) drop(f, evicted, 1);   /* shut down to make room: gone now */
        c->fd = fd;
        c->addr = ss;
        c->alen = sl;
        /* Edge-triggered: a wake for each arrival, not one for bytes already seen. */
        struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP | EPOLLET, .data.ptr = c};
        c->next = f->head;
        if (f->head) f->head->prev = c;
        f->head = c;
        if (epoll_ctl(f->ep, EPOLL_CTL_ADD, fd, &ev)) drop(f, c, 1);
    }
}

static void log_refusals(api_front_t *f)
{
    int64_t now = now_ms();
    if (!f->refused || now - f->logged < FRONT_LOG_MS) return;
    if (f->refused == 1)
        api_log(f->srv, 4, "refused a request head: %s", f->last);
    else
        api_log(f->srv, 4, "refused %lu request heads, the last: %s", f->refused, f->last);
    f->refused = 0;
    f->logged = now;
}

static void *run(void *arg)
{
    api_front_t *f = arg;
    struct epoll_event ev[FRONT_EVENTS];
    while (!atomic_load(&f->stopping)) {
        int n = epoll_wait(f->ep, ev, FRONT_EVENTS, f->refused ? FRONT_LOG_MS : -1);
        for (int i = 0; i < n; i++) {
            if (ev[i].data.ptr == &f->listen_fd) on_accept(f);
            else if (ev[i].data.ptr != &f->wake) on_input(f, ev[i].data.ptr, ev[i].events);
        }
        free_dead(f);
        log_refusals(f);
    }
    return NULL;
}

api_front_t *api_front_new(api_server_t *srv, int listen_fd)
{
    api_front_t *f = calloc(1, sizeof *f);
    if (!f) return NULL;
    f->srv = srv;
    f->listen_fd = listen_fd;
    f->ep = epoll_create1(EPOLL_CLOEXEC);
    f->wake = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    struct epoll_event l = {.events = EPOLLIN, .data.ptr = &f->listen_fd};
    struct epoll_event w = {.events = EPOLLIN, .data.ptr = &f->wake};
    if (f->ep < 0 || f->wake < 0 || epoll_ctl(f->ep, EPOLL_CTL_ADD, listen_fd, &l) ||
        epoll_ctl(f->ep, EPOLL_CTL_ADD, f->wake, &w)) {
        if (f->ep >= 0) close(f->ep);
        if (f->wake >= 0) close(f->wake);
        free(f);
        return NULL;
    }
    return f;
}

int api_front_start(api_front_t *f)
{
    if (pthread_create(&f->th, NULL, run, f) != 0) return -1;
    f->running = 1;
    return 0;
}

void api_front_free(api_front_t *f)
{
    if (!f) return;
    atomic_store(&f->stopping, 1);
    uint64_t one = 1;
    if (write(f->wake, &one, sizeof one) < 0) {}    /* the thread wakes either way */
    if (f->running) pthread_join(f->th, NULL);
    while (f->head) drop(f, f->head, 1);
    free_dead(f);
    log_refusals(f);
    close(f->listen_fd);
    close(f->wake);
    close(f->ep);
    free(f);
}
