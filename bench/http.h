/* http.h: one keep-alive HTTP connection of the benchmarks that drive mnemod with libcurl
 * (bench-chat, bench-load): JSON requests with an optional bearer token, the reply's
 * body kept in the connection. */
#ifndef MNEMO_BENCH_HTTP_H
#define MNEMO_BENCH_HTTP_H

#include <curl/curl.h>
#include <stddef.h>

typedef struct bench_conn {
    CURL *c;
    struct curl_slist *h;
    char base[256];             /* "http://127.0.0.1:PORT" */
    char *buf;                  /* the last reply's body, NUL-terminated (owned) */
    size_t len, cap;
    char err[CURL_ERROR_SIZE];  /* why the last request got no reply */
} bench_conn_t;

/* 0, or -1 (libcurl could not start). token may be NULL or "" (none). */
int bench_conn_init(bench_conn_t *k, const char *base, const char *token);
void bench_conn_free(bench_conn_t *k);

/* One request (body NULL: none); fresh opens a new connection for it and closes it
 * after; *ms (may be NULL) its latency. The HTTP status, or 0 with k->err filled. */
long bench_request(bench_conn_t *k, const char *method, const char *path, const char *body,
                   int fresh, double *ms);

#endif
