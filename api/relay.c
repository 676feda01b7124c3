/* relay.c: a connection's bytes between its client and libmicrohttpd. What the client
 * sends is read here and checked request by request before it goes on: each head by
 * head.c (resumed however it trickles in), then exactly the body it frames, its
 * Content-Length bytes or a chunked body checked by chunked.c; pipelined requests in
 * order. What libmicrohttpd writes goes to the client as it comes (a streamed reply is
 * not held back). A request libmicrohttpd would refuse with its own page ends what is
 * read: libmicrohttpd's end is half-closed once the requests before it are forwarded,
 * its replies to them reach the client, and then (unless libmicrohttpd already answered
 * that request itself) mnemo's JSON error with Connection: close. Every buffer is
 * FRONT_BUF bytes per direction; a full one stops reading its side until it drains. */
#include "api/front.h"

#include <errno.h>
#include <linux/sockios.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

/* How long at most a refusal waits for libmicrohttpd's close notification after its end
 * closed (the notification tells whether it answered the refused request itself). */
#define RELAY_NOTIFY_MS 1000

static int again(int e)
{
    return e == EAGAIN || e == EWOULDBLOCK || e == EINTR;
}

/* Marks c as waiting for something no event announces (front.c looks at it again every
 * few ms), or no longer. */
static void set_waits(api_front_t *f, front_conn_t *c, int waits)
{
    if (waits != c->waits) f->waiting += waits ? 1u : (unsigned)-1;
    c->waits = waits;
}

/* 1 once libmicrohttpd has read every byte sent to it. Its epoll loop (0.9.75,
 * edge-triggered) takes a read shorter than its buffer to mean the socket is empty and
 * waits for the next edge; an end of stream that came before that read makes no edge
 * after it, and the connection would hang. So its end is half-closed only once it has
 * read the rest: the end then comes as an edge of its own. */
static int mhd_read_all(const front_conn_t *c)
{
    int q = 0;
    return ioctl(c->mhd, SIOCOUTQ, &q) || q == 0;
}

/* Stops reading c: the refusal (status, code, why) of its request number req. */
static void fail(front_conn_t *c, unsigned status, const char *code, const char *why,
                 unsigned req, int head_method)
{
    c->ending = 1;
    c->err_status = status;
    c->err_code = code;
    snprintf(c->err_why, sizeof c->err_why, "%s", why);
    c->err_req = req;
    c->err_head = head_method;
    c->in_len = c->in_ok;       /* what follows is not read, only drained at the end */
}

void relay_end(front_conn_t *c)
{
    if (c->ending) return;
    c->ending = 1;
    c->in_len = c->in_ok;
}

/* Checks what came in[in_ok, in_len) and moves in_ok past what may go on: whole heads
 * and the bodies they frame. *body: bytes of the current request's body among them.
 * 0, or -1 when c must be dropped. */
static int parse(api_front_t *f, front_conn_t *c, size_t *body)
{
    api_conns_t *t = f->srv->conntab;
    *body = 0;
    while (!c->ending && c->in_ok < c->in_len) {
        const char *p = c->in + c->in_ok;
        size_t n = c->in_len - c->in_ok, used;
        api_head_verdict_t v;
        switch (c->phase) {
        case FRONT_HEAD:
            v = api_head_check(&c->head, p, n);
            if (v == API_HEAD_MORE) return 0;
            if (v == API_HEAD_BAD) {
                fail(c, c->head.status, c->head.code, c->head.why, c->reqs + 1,
                     c->head.head_method);
                return 0;
            }
            if (c->over) {
                char why[128];
                snprintf(why, sizeof why, "the server has %u connections open; retry shortly",
                         atomic_load(&f->srv->max_connections));
                fail(c, 429, API_CODE_TOO_MANY_REQUESTS, why, 1, c->head.head_method);
                return 0;
            }
            if (c->mhd < 0 && front_open_mhd(f, c)) return -1;
            c->head_method = c->head.head_method;
            c->in_ok += c->head.len;
            c->reqs++;
            if (c->head.f.te_chunked) {
                c->phase = FRONT_CHUNKED;
                memset(&c->chunk, 0, sizeof c->chunk);
            } else if (c->head.f.content_length && c->head.f.cl_value) {
                c->phase = FRONT_LENGTH;
                c->left = c->head.f.cl_value;
            }
            memset(&c->head, 0, sizeof c->head);
            api_conns_head_in(t, c->rec, c->phase != FRONT_HEAD);
            *body = 0;
            break;
        case FRONT_LENGTH:
            used = n < c->left ? n : (size_t)c->left;
            c->in_ok += used;
            c->left -= used;
            *body += used;
            if (!c->left) {
                c->phase = FRONT_HEAD;
                api_conns_body_in(t, c->rec);
            }
            break;
        case FRONT_CHUNKED:
            v = api_chunked_check(&c->chunk, p, n, &used);
            if (v == API_HEAD_BAD) {
                fail(c, c->chunk.status, c->chunk.code, c->chunk.why, c->reqs, c->head_method);
                return 0;
            }
            c->in_ok += used;
            *body += used;
            if (v == API_HEAD_GOOD) {
                c->phase = FRONT_HEAD;
                api_conns_body_in(t, c->rec);
            }
            break;
        }
    }
    return 0;
}

/* Puts the refusal in c's (empty) output: mnemo's error object, Connection: close. */
static int put_refusal(api_front_t *f, front_conn_t *c)
{
    char msg[sizeof c->err_why];
    snprintf(msg, sizeof msg, "%s", c->err_why);
    api_sanitize(msg);
    json_t *j = api_error_json(c->err_code, msg);
    char *body = j ? json_dumps(j, API_JSON_FLAGS) : NULL;
    json_decref(j);
    size_t blen = body ? strlen(body) : 0;
    if (!c->out && !(c->out = front_buf_get(f))) {
        free(body);
        return -1;
    }
    int n = snprintf(c->out, FRONT_BUF,
                     "HTTP/1.1 %u %s\r\nContent-Type: application/json\r\n"
                     "Cache-Control: no-store\r\nConnection: close\r\n%s"
                     "Content-Length: %zu\r\n\r\n",
                     c->err_status, MHD_get_reason_phrase_for(c->err_status),
                     c->err_status == 429 ? "Retry-After: 1\r\n" : "", blen);
    c->out_w = 0;
    c->out_len = (size_t)n;
    if (body && !c->err_head) {
        memcpy(c->out + n, body, blen);     /* a few hundred bytes: it fits */
        c->out_len += blen;
    }
    free(body);
    front_note_refusal(f, c, c->err_status, c->err_code, msg);
    return 0;
}

/* Compacts buf to drop its first *w bytes (they are gone), moving the offsets after. */
static void compact(char *buf, size_t *w, size_t *ok, size_t *len)
{
    memmove(buf, buf + *w, *len - *w);
    if (ok) *ok -= *w;
    *len -= *w;
    *w = 0;
}

/* What c does once libmicrohttpd's replies are all out: 1 when it changed something, 0
 * when it waits, -1 to drop c. */
static int end_step(api_front_t *f, front_conn_t *c)
{
    api_conns_t *t = f->srv->conntab;
    if (c->replied || c->out_len || (c->mhd >= 0 && !c->mhd_eof)) return 0;
    if (c->err_status) {
        unsigned answered = 0;
        int closed = c->mhd < 0 || api_conns_mhd_closed(t, c->rec, &answered);
        if (!closed && front_now_ms() - c->mhd_eof_at < RELAY_NOTIFY_MS) {
            set_waits(f, c, 1);
            return 0;
        }
        /* libmicrohttpd answered the refused request itself (an early reply) */
        int send = answered < c->err_req;
        if (send && put_refusal(f, c)) return -1;
        c->err_status = 0;
        if (send) return 1;
    } else if (c->mhd < 0 && !c->ending) {
        return 0;                       /* its first head is still coming */
    }
    shutdown(c->fd, SHUT_WR);
    c->replied = 1;
    api_conns_replied(t, c->rec);
    return c->client_eof ? -1 : 1;
}

int relay_pump(api_front_t *f, front_conn_t *c)
{
    api_conns_t *t = f->srv->conntab;
    if (api_conns_is_shut(t, c->rec)) return -1;   /* deadline, or room made */
    set_waits(f, c, 0);
    for (int moved = 1; moved;) {
        moved = 0;
        ssize_t r;
        /* the client's bytes in, checked */
        if (c->rd && !c->client_eof && !c->ending && !c->replied) {
            if (c->in_w && c->in_len == FRONT_BUF) compact(c->in, &c->in_w, &c->in_ok, &c->in_len);
            if (c->in_len < FRONT_BUF) {
                if (!c->in && !(c->in = front_buf_get(f))) return -1;
                size_t want = FRONT_BUF - c->in_len;
                r = recv(c->fd, c->in + c->in_len, want, MSG_DONTWAIT);
                if (r > 0) {
                    size_t body;
                    c->in_len += (size_t)r;
                    c->rd = (size_t)r == want || c->hup;
                    moved = 1;
                    if (parse(f, c, &body)) return -1;
                    api_conns_input(t, c->rec, body);
                } else if (r == 0) {
                    c->client_eof = 1;
                    relay_end(c);
                    moved = 1;
                } else if (again(errno)) {
                    c->rd = errno == EINTR;
                } else {
                    return -1;
                }
            }
        }
        /* checked bytes on to libmicrohttpd */
        if (c->mhd >= 0 && !c->mhd_shut && c->in_w < c->in_ok) {
            size_t want = c->in_ok - c->in_w;
            r = send(c->mhd, c->in + c->in_w, want, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (r > 0) {
                c->in_w += (size_t)r;
                moved = 1;
            } else if (r < 0 && !again(errno)) {
                c->in_w = c->in_ok;     /* libmicrohttpd closed its end: its reading is done */
                moved = 1;
            }
            front_watch_mhd_out(f, c, c->in_w < c->in_ok);
        }
        if (c->in && c->in_w == c->in_len) {
            c->in_w = c->in_ok = c->in_len = 0;
            front_buf_put(f, c->in);
            c->in = NULL;
        }
        /* no more requests: libmicrohttpd answers those it has, then closes */
        if (c->mhd >= 0 && !c->mhd_shut && !c->mhd_eof && c->ending && c->in_w == c->in_ok) {
            if (mhd_read_all(c)) {
                shutdown(c->mhd, SHUT_WR);
                c->mhd_shut = 1;
                moved = 1;
            } else {
                set_waits(f, c, 1);
            }
        }
        /* libmicrohttpd's bytes out, as they come */
        if (c->mhd >= 0 && c->rd_mhd && !c->mhd_eof) {
            if (c->out_w && c->out_len == FRONT_BUF) compact(c->out, &c->out_w, NULL, &c->out_len);
            if (c->out_len < FRONT_BUF) {
                if (!c->out && !(c->out = front_buf_get(f))) return -1;
                size_t want = FRONT_BUF - c->out_len;
                r = recv(c->mhd, c->out + c->out_len, want, MSG_DONTWAIT);
                if (r > 0) {
                    c->out_len += (size_t)r;
                    c->rd_mhd = (size_t)r == want || c->hup_mhd;
                    moved = 1;
                } else if (r < 0 && again(errno)) {
                    c->rd_mhd = errno == EINTR;
                } else {
                    c->mhd_eof = 1;
                    c->mhd_eof_at = front_now_ms();
                    relay_end(c);       /* it reads nothing more either */
                    moved = 1;
                }
            }
        }
        if (c->out_w < c->out_len) {
            r = send(c->fd, c->out + c->out_w, c->out_len - c->out_w, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (r > 0) {
                c->out_w += (size_t)r;
                moved = 1;
            } else if (r < 0 && !again(errno)) {
                return -1;              /* the client is gone */
            }
        }
        if (c->out && c->out_w == c->out_len) {
            c->out_w = c->out_len = 0;
            front_buf_put(f, c->out);
            c->out = NULL;
        }
        int e = end_step(f, c);
        if (e < 0) return -1;
        moved |= e;
        /* answered: what the client still sends is dropped until it goes */
        if (c->replied) {
            for (size_t got = 0; got < FRONT_DRAIN;) {
                r = recv(c->fd, f->scratch, sizeof f->scratch, MSG_DONTWAIT);
                if (r > 0) got += (size_t)r;
                else if (r < 0 && errno == EINTR) continue;
                else if (r == 0 || !again(errno)) return -1;
                else break;
            }
            return 0;
        }
    }
    return 0;
}
