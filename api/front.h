/* front.h: private to the front stage's two files: front.c (the thread: accepting
 * connections, holding them, closing them, counting and logging refusals) and relay.c
 * (moving each connection's bytes between its client and libmicrohttpd, checking each
 * request on the way, and writing the refusals). */
#ifndef MNEMO_API_FRONT_H
#define MNEMO_API_FRONT_H

#include "api/internal.h"

#include <sys/socket.h>

/* Bytes buffered per direction of a connection, while there are any (then the buffer
 * goes back to a pool). It holds a whole head (API_HEAD_MAX) with room to spare. */
#define FRONT_BUF 65536
/* Bytes of a refused request read and dropped at most per wake while its client goes. */
#define FRONT_DRAIN 65536

enum front_phase { FRONT_HEAD = 0, FRONT_LENGTH, FRONT_CHUNKED };

typedef struct front_conn front_conn_t;
struct front_conn {
    int fd;                         /* the client's socket */
    int mhd;                        /* our end of libmicrohttpd's pair, -1 until the first
                                     * good head */
    api_conn_t *rec;                /* its record in conns.c */
    struct sockaddr_storage addr;
    socklen_t alen;
    int over;                       /* opened past max_connections: 429 once its head is in */
    int dead;                       /* dropped: freed once the events in hand are done */

    /* client -> libmicrohttpd, in a FRONT_BUF buffer (NULL while empty): in[0, in_w)
     * forwarded, [in_w, in_ok) checked and due, [in_ok, in_len) not yet checked */
    char *in;
    size_t in_w, in_ok, in_len;
    enum front_phase phase;
    api_head_t head;                /* FRONT_HEAD: the head at in + in_ok so far */
    api_chunked_t chunk;            /* FRONT_CHUNKED: the body so far */
    uint64_t left;                  /* FRONT_LENGTH: bytes of the body still to come */
    unsigned reqs;                  /* heads given to libmicrohttpd */
    int head_method;                /* the request being forwarded is a HEAD */

    /* libmicrohttpd -> client: out[out_w, out_len) due */
    char *out;
    size_t out_w, out_len;

    /* Read readiness, as edge-triggered epoll reports it: a socket is read again only
     * after an event, unless its last read filled the buffer; one that reported its end
     * (or an error) is read until recv says so, since no later event comes for it. */
    char tag_client, tag_mhd;       /* the epoll data of the two sockets point here */
    unsigned char rd, rd_mhd;       /* the client's socket, libmicrohttpd's end */
    unsigned char hup, hup_mhd;
    unsigned char out_mhd;          /* EPOLLOUT asked on libmicrohttpd's end: it reads
                                     * slower than the client sends */
    int client_eof;                 /* the client sends no more */
    int mhd_shut;                   /* libmicrohttpd's end half-closed: no more requests */
    int mhd_eof;                    /* libmicrohttpd has closed its end */
    int64_t mhd_eof_at;             /* when (ms), to bound the wait for its notification */
    int ending;                     /* no more client bytes are read: a refusal, or the stop */
    int waits;                      /* waits for what no event announces (front.c looks
                                     * again every few ms) */

    /* a refusal, written once libmicrohttpd has answered the requests before it */
    unsigned err_status;            /* 0: none pending */
    const char *err_code;
    char err_why[160];
    unsigned err_req;               /* the request refused (1: the connection's first) */
    int err_head;                   /* it is a HEAD: the refusal has no body */
    int replied;                    /* its last byte is out (SHUT_WR): drained until the
                                     * client goes */
    front_conn_t *prev, *next;
};

struct api_front {
    api_server_t *srv;
    int listen_fd, ep, wake;
    front_conn_t *head;             /* the connections held */
    front_conn_t *dead;             /* dropped during this round of events (next links) */
    unsigned waiting;               /* connections with `waits` set */
    char *pool[64];                 /* FRONT_BUF buffers not in use */
    unsigned pooled;
    char scratch[FRONT_DRAIN];      /* what a refused client still sends, dropped */
    atomic_int stopping;
    int running;
    pthread_t th;
    unsigned long refused;          /* answered here since the last log line */
    char last[256];                 /* the last of them */
    int64_t logged;
};

/* front.c */
int64_t front_now_ms(void);
/* A FRONT_BUF buffer from the pool (or malloc'd), NULL when out of memory; and back. */
char *front_buf_get(api_front_t *f);
void front_buf_put(api_front_t *f, char *buf);
/* Gives c's connection to libmicrohttpd on a new socket pair: 0, or -1 (drop c). */
int front_open_mhd(api_front_t *f, front_conn_t *c);
/* Asks for (on) or stops asking for a wake when libmicrohttpd's end of c can take more
 * bytes: each read libmicrohttpd makes would wake the thread otherwise. */
void front_watch_mhd_out(api_front_t *f, front_conn_t *c, int on);
/* Counts a refusal sent by the front stage in /metrics and in the next log line. */
void front_note_refusal(api_front_t *f, const front_conn_t *c, unsigned status,
                        const char *code, const char *msg);

/* relay.c: moves c's bytes both ways until nothing moves: 0, or -1 when c is done with
 * (its client gone or reset, out of memory): drop it. */
int relay_pump(api_front_t *f, front_conn_t *c);
/* Stops reading c's client (the stop): libmicrohttpd answers what it has, then c closes. */
void relay_end(front_conn_t *c);

#endif
