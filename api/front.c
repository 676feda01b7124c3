/* front.c: the front stage. libmicrohttpd 0.9.75 answers the requests it cannot parse
 * with HTML pages compiled into it (or not at all), and no option replaces them; so
 * mnemod accepts connections itself and keeps each for its whole life, and libmicrohttpd
 * serves it on one end of a socket pair (MHD_add_connection, with the client's address)
 * whose other end relay.c feeds with requests it has checked and drains of replies.
 * This file is the thread: the accepts (each recorded in conns.c, which says when one
 * is shut down to make room or for its deadline; then it is closed here), the epoll
 * loop, edge-triggered, so a head still incomplete wakes the thread when more of it
 * comes, the pool of relay buffers, the refusals' count and log line, and the stop. */
#define _GNU_SOURCE     /* accept4 */
#include "api/front.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

/* Connections accepted at most per wake, so heads that came meanwhile are looked at. */
#define FRONT_ACCEPT_BATCH 64
#define FRONT_EVENTS 64
/* How often at most the refusals are logged (ms). */
#define FRONT_LOG_MS 1000
/* How often a connection waiting for libmicrohttpd's close notification looks again. */
#define FRONT_POLL_MS 10
/* At the stop, how long libmicrohttpd's last replies have to reach their clients. */
#define FRONT_STOP_MS 2000

int64_t front_now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

char *front_buf_get(api_front_t *f)
{
    return f->pooled ? f->pool[--f->pooled] : malloc(FRONT_BUF);
}

void front_buf_put(api_front_t *f, char *buf)
{
    if (f->pooled < sizeof f->pool / sizeof f->pool[0]) f->pool[f->pooled++] = buf;
    else free(buf);
}

/* Forgets c: its record first (conns.c may shut its socket down until then), then its
 * sockets and buffers. c itself is freed after the round of events in hand (free_dead):
 * one of them may still name it (a connection evicted to make room by an accept earlier
 * in the same round). */
static void drop(api_front_t *f, front_conn_t *c)
{
    if (c->rec) api_conns_release(f->srv->conntab, c->rec);
    c->rec = NULL;
    close(c->fd);               /* which takes it out of the epoll set */
    if (c->mhd >= 0) close(c->mhd);
    if (c->in) front_buf_put(f, c->in);
    if (c->out) front_buf_put(f, c->out);
    if (c->waits) f->waiting--;
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

int front_open_mhd(api_front_t *f, front_conn_t *c)
{
    api_server_t *s = f->srv;
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv)) {
        api_log(s, 4, "socketpair: %s", strerror(errno));
        return -1;
    }
    api_conns_link(s->conntab, c->rec, sv[1]);
    /* libmicrohttpd closes sv[1] itself when it cannot take it (its own cap, memory). */
    if (MHD_add_connection(s->mhd, sv[1], (struct sockaddr *)&c->addr, c->alen) != MHD_YES) {
        api_log(s, 4, "libmicrohttpd could not take a connection: %s", strerror(errno));
        api_conns_link(s->conntab, c->rec, -1);
        close(sv[0]);
        return -1;
    }
    c->mhd = sv[0];
    struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP | EPOLLET, .data.ptr = &c->tag_mhd};
    return epoll_ctl(f->ep, EPOLL_CTL_ADD, c->mhd, &ev) ? -1 : 0;
}

void front_watch_mhd_out(api_front_t *f, front_conn_t *c, int on)
{
    if (c->out_mhd == on) return;
    struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP | EPOLLET | (on ? EPOLLOUT : 0),
                             .data.ptr = &c->tag_mhd};
    if (!epoll_ctl(f->ep, EPOLL_CTL_MOD, c->mhd, &ev)) c->out_mhd = (unsigned char)on;
}

/* The client of c, for the log. */
static void client_name(const front_conn_t *c, char *out, size_t n)
{
    const void *a = c->addr.ss_family == AF_INET6
                        ? (const void *)&((const struct sockaddr_in6 *)&c->addr)->sin6_addr
                        : (const void *)&((const struct sockaddr_in *)&c->addr)->sin_addr;
    if (!inet_ntop(c->addr.ss_family, a, out, (socklen_t)n)) snprintf(out, n, "?");
}

void front_note_refusal(api_front_t *f, const front_conn_t *c, unsigned status,
                        const char *code, const char *msg)
{
    char from[64];
    api_req_t rq = {.srv = f->srv, .queued = 1, .status = status};
    clock_gettime(CLOCK_MONOTONIC, &rq.t0);
    api_metrics_request(&rq);
    client_name(c, from, sizeof from);
    f->refused++;
    snprintf(f->last, sizeof f->last, "%u %s from %s: %.160s", status, code, from, msg);
}

/* A look (again) at c: its bytes moved, or c dropped. */
static void on_conn(api_front_t *f, front_conn_t *c)
{
    if (c->dead) return;            /* dropped earlier in this round */
    if (relay_pump(f, c)) drop(f, c);
}

/* Events on one of c's sockets (tag: its tag_client or tag_mhd). */
static void on_event(api_front_t *f, char *tag, uint32_t events)
{
    int mhd = *tag == 'm';
    front_conn_t *c = (front_conn_t *)(tag - (mhd ? offsetof(front_conn_t, tag_mhd)
                                                  : offsetof(front_conn_t, tag_client)));
    int rd = (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) != 0;
    int hup = (events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR)) != 0;
    if (mhd) {
        c->rd_mhd |= (unsigned char)rd;
        c->hup_mhd |= (unsigned char)hup;
    } else {
        c->rd |= (unsigned char)rd;
        c->hup |= (unsigned char)hup;
    }
    on_conn(f, c);
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
        if (evicted) drop(f, evicted);  /* shut down to make room: gone now */
        c->fd = fd;
        c->mhd = -1;
        c->tag_client = 'c';
        c->tag_mhd = 'm';
        c->rd = 1;
        c->addr = ss;
        c->alen = sl;
        /* Replies go out in the pieces libmicrohttpd writes them: none waits for an ACK. */
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        /* Edge-triggered: a wake for each arrival, not one for bytes already seen. */
        struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET,
                                 .data.ptr = &c->tag_client};
        c->next = f->head;
        if (f->head) f->head->prev = c;
        f->head = c;
        if (epoll_ctl(f->ep, EPOLL_CTL_ADD, fd, &ev)) drop(f, c);
    }
}

static void log_refusals(api_front_t *f)
{
    int64_t now = front_now_ms();
    if (!f->refused || now - f->logged < FRONT_LOG_MS) return;
    if (f->refused == 1)
        api_log(f->srv, 4, "refused a request: %s", f->last);
    else
        api_log(f->srv, 4, "refused %lu requests, the last: %s", f->refused, f->last);
    f->refused = 0;
    f->logged = now;
}

/* Looks again at the connections waiting for libmicrohttpd's close notification. */
static void poll_waiting(api_front_t *f)
{
    for (front_conn_t *c = f->head, *next; c && f->waiting; c = next) {
        next = c->next;
        if (c->waits) on_conn(f, c);
    }
}

/* The stop: no more accepts or requests; libmicrohttpd answers what it has, and its
 * replies go out; 1 once none is left to wait for. */
static int stop_step(api_front_t *f, int first)
{
    if (first) epoll_ctl(f->ep, EPOLL_CTL_DEL, f->listen_fd, NULL);
    int busy = 0;
    for (front_conn_t *c = f->head, *next; c; c = next) {
        next = c->next;
        if (first) {
            if (c->mhd < 0) {
                drop(f, c);         /* no request of it has begun */
                continue;
            }
            relay_end(c);
            on_conn(f, c);
        }
        busy |= !c->dead && !c->replied;
    }
    return !busy;
}

static void *run(void *arg)
{
    api_front_t *f = arg;
    struct epoll_event ev[FRONT_EVENTS];
    int64_t stop_at = 0;
    for (;;) {
        if (atomic_load(&f->stopping)) {
            int first = !stop_at;
            if (first) stop_at = front_now_ms() + FRONT_STOP_MS;
            if (stop_step(f, first) || front_now_ms() >= stop_at) break;
        }
        int wait = f->waiting || stop_at ? FRONT_POLL_MS : f->refused ? FRONT_LOG_MS : -1;
        int n = epoll_wait(f->ep, ev, FRONT_EVENTS, wait);
        for (int i = 0; i < n; i++) {
            if (ev[i].data.ptr == &f->listen_fd) on_accept(f);
            else if (ev[i].data.ptr != &f->wake) on_event(f, ev[i].data.ptr, ev[i].events);
        }
        if (f->waiting) poll_waiting(f);
        free_dead(f);
        log_refusals(f);
    }
    free_dead(f);
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
    while (f->head) drop(f, f->head);
    free_dead(f);
    log_refusals(f);
    while (f->pooled) free(f->pool[--f->pooled]);
    close(f->listen_fd);
    close(f->wake);
    close(f->ep);
    free(f);
}
