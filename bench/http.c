/* http.c: the benchmarks' keep-alive HTTP connection (http.h). */
#include "bench/http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench/daemon.h"

static size_t on_body(char *d, size_t s, size_t n, void *u)
{
    bench_conn_t *k = u;
    size_t add = s * n;
    if (k->len + add + 1 > k->cap) {
        size_t cap = k->cap ? k->cap : 4096;
        while (cap < k->len + add + 1) cap *= 2;
        char *b = realloc(k->buf, cap);
        if (!b) return 0;
        k->buf = b;
        k->cap = cap;
    }
    memcpy(k->buf + k->len, d, add);
    k->len += add;
    k->buf[k->len] = '\0';
    return add;
}

int bench_conn_init(bench_conn_t *k, const char *base, const char *token)
{
    memset(k, 0, sizeof *k);
    snprintf(k->base, sizeof k->base, "%s", base);
    if (!(k->c = curl_easy_init())) return -1;
    k->h = curl_slist_append(k->h, "Content-Type: application/json");
    k->h = curl_slist_append(k->h, "Expect:");
    if (token && *token) {
        char auth[300];
        snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
        k->h = curl_slist_append(k->h, auth);
    }
    curl_easy_setopt(k->c, CURLOPT_HTTPHEADER, k->h);
    curl_easy_setopt(k->c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(k->c, CURLOPT_WRITEDATA, k);
    curl_easy_setopt(k->c, CURLOPT_ERRORBUFFER, k->err);
    curl_easy_setopt(k->c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(k->c, CURLOPT_TIMEOUT, 120L);
    curl_easy_setopt(k->c, CURLOPT_TCP_NODELAY, 1L);
    return 0;
}

void bench_conn_free(bench_conn_t *k)
{
    curl_slist_free_all(k->h);
    if (k->c) curl_easy_cleanup(k->c);
    free(k->buf);
}

long bench_request(bench_conn_t *k, const char *method, const char *path, const char *body,
                   int fresh, double *ms)
{
    char url[1024];
    snprintf(url, sizeof url, "%s%s", k->base, path);
    k->len = 0;
    k->err[0] = '\0';
    if (k->buf) k->buf[0] = '\0';
    curl_easy_setopt(k->c, CURLOPT_URL, url);
    if (body) {
        curl_easy_setopt(k->c, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(k->c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)strlen(body));
        curl_easy_setopt(k->c, CURLOPT_CUSTOMREQUEST, strcmp(method, "POST") ? method : NULL);
    } else {
        curl_easy_setopt(k->c, CURLOPT_HTTPGET, 1L);
        curl_easy_setopt(k->c, CURLOPT_CUSTOMREQUEST, strcmp(method, "GET") ? method : NULL);
    }
    curl_easy_setopt(k->c, CURLOPT_FRESH_CONNECT, (long)fresh);
    curl_easy_setopt(k->c, CURLOPT_FORBID_REUSE, (long)fresh);
    double t0 = bench_now_s();
    CURLcode cr = curl_easy_perform(k->c);
    if (ms) *ms = (bench_now_s() - t0) * 1e3;
    long status = 0;
    curl_easy_getinfo(k->c, CURLINFO_RESPONSE_CODE, &status);
    if (cr != CURLE_OK) {
        if (!k->err[0]) snprintf(k->err, sizeof k->err, "%s", curl_easy_strerror(cr));
        return 0;
    }
    return status;
}
