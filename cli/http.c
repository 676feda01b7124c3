/* http.c: the client's HTTP requests over one reused libcurl easy handle (so paging
 * with --all keeps its connection). Bodies accumulate in a growing buffer, or a 2xx
 * body goes straight to a FILE so an export of any size never sits in memory. */
#include "cli/http.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <curl/curl.h>

struct cli_http {
    CURL *curl;
    char *base;       /* without a trailing '/' */
    char *auth;       /* "Authorization: Bearer ..." or NULL */
};

typedef struct sink_state {
    CURL *curl;
    FILE *sink;
    char *buf;
    size_t len, cap;
    int oom, write_failed;
    const char *capture;      /* the reply header wanted, or NULL */
    char *captured;
} sink_state_t;

cli_http_t *cli_http_new(const char *base_url, const char *token)
{
    cli_http_t *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    size_t n = strlen(base_url);
    while (n > 0 && base_url[n - 1] == '/')
        n--;
    h->base = strndup(base_url, n);
    if (token && *token) {
        static const char prefix[] = "Authorization: Bearer ";
        h->auth = malloc(sizeof prefix + strlen(token));
        if (h->auth) {
            memcpy(h->auth, prefix, sizeof prefix - 1);
            strcpy(h->auth + sizeof prefix - 1, token);
        }
    }
    h->curl = curl_easy_init();
    if (!h->base || !h->curl || (token && *token && !h->auth)) {
        cli_http_free(h);
        return NULL;
    }
    return h;
}

void cli_http_free(cli_http_t *h)
{
    if (!h)
        return;
    if (h->curl)
        curl_easy_cleanup(h->curl);
    free(h->base);
    free(h->auth);
    free(h);
}

void cli_http_reply_clear(cli_http_reply_t *r)
{
    free(r->body);
    free(r->content_type);
    free(r->captured);
    memset(r, 0, sizeof *r);
}

char *cli_http_escape(cli_http_t *h, const char *s)
{
    char *e = curl_easy_escape(h->curl, s, 0);
    if (!e)
        return NULL;
    char *copy = strdup(e);   /* callers free() it, never curl_free() */
    curl_free(e);
    return copy;
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *userp)
{
    sink_state_t *st = userp;
    size_t n = size * nmemb;
    if (st->sink) {
        long status = 0;
        curl_easy_getinfo(st->curl, CURLINFO_RESPONSE_CODE, &status);
        if (status >= 200 && status < 300) {
            if (fwrite(data, 1, n, st->sink) != n) {
                st->write_failed = 1;
                return 0;
            }
            return n;
        }
    }
    if (st->len + n + 1 > st->cap) {
        size_t cap = st->cap ? st->cap : 4096;
        while (cap < st->len + n + 1)
            cap *= 2;
        char *b = realloc(st->buf, cap);
        if (!b) {
            st->oom = 1;
            return 0;
        }
        st->buf = b;
        st->cap = cap;
    }
    memcpy(st->buf + st->len, data, n);
    st->len += n;
    st->buf[st->len] = '\0';
    return n;
}

/* Keeps the value of the header st->capture asks for (the last one wins). */
static size_t on_header(char *data, size_t size, size_t nmemb, void *userp)
{
    sink_state_t *st = userp;
    size_t n = size * nmemb, k = strlen(st->capture);
    if (n > k + 1 && strncasecmp(data, st->capture, k) == 0 && data[k] == ':') {
        const char *v = data + k + 1;
        size_t vn = n - k - 1;
        while (vn && (*v == ' ' || *v == '\t')) v++, vn--;
        while (vn && (v[vn - 1] == '\r' || v[vn - 1] == '\n' || v[vn - 1] == ' ')) vn--;
        free(st->captured);
        st->captured = strndup(v, vn);
        if (!st->captured) st->oom = 1;
    }
    return n;
}

int cli_http_send(cli_http_t *h, const cli_http_request_t *req, cli_http_reply_t *reply,
                  char *err, size_t errlen)
{
    int rc = CLI_HTTP_OK;
    struct curl_slist *headers = NULL;
    char *url = NULL;
    char ctype[160];
    sink_state_t st = {.curl = h->curl, .sink = req->sink, .capture = req->capture};
    CURL *c = h->curl;

    memset(reply, 0, sizeof *reply);
    url = malloc(strlen(h->base) + strlen(req->path) + 1);
    if (!url) {
        rc = CLI_HTTP_ENOMEM;
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    strcpy(url, h->base);
    strcat(url, req->path);

    curl_easy_reset(c);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &st);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "mnemo-cli/0.1");
    headers = curl_slist_append(headers, "Expect:");
    if (h->auth)
        headers = curl_slist_append(headers, h->auth);
    if (req->content_type) {
        snprintf(ctype, sizeof ctype, "Content-Type: %s", req->content_type);
        headers = curl_slist_append(headers, ctype);
    }
    for (const char *const *x = req->headers; x && *x; x++)
        headers = curl_slist_append(headers, *x);
    if (req->capture) {
        curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(c, CURLOPT_HEADERDATA, &st);
    }
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    if (strcmp(req->method, "GET") == 0) {
        curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, req->method);
        if (req->body) {
            curl_easy_setopt(c, CURLOPT_POSTFIELDS, req->body);
            curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)req->body_len);
        }
    }

    CURLcode cr = curl_easy_perform(c);
    if (st.oom) {
        rc = CLI_HTTP_ENOMEM;
        snprintf(err, errlen, "out of memory reading the reply");
        goto done;
    }
    if (st.write_failed) {
        rc = CLI_HTTP_ECONNECT;
        snprintf(err, errlen, "cannot write the reply to the output");
        goto done;
    }
    if (cr != CURLE_OK) {
        rc = CLI_HTTP_ECONNECT;
        snprintf(err, errlen, "cannot reach %s: %s", h->base, curl_easy_strerror(cr));
        goto done;
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply->status);
    char *ct = NULL;
    curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct);
    if (ct)
        reply->content_type = strdup(ct);
    if (!st.buf) {
        st.buf = calloc(1, 1);
        if (!st.buf) {
            rc = CLI_HTTP_ENOMEM;
            snprintf(err, errlen, "out of memory");
            goto done;
        }
    }
    reply->body = st.buf;
    reply->len = st.len;
    reply->captured = st.captured;
    st.buf = NULL;
    st.captured = NULL;

done:
    free(st.buf);
    free(st.captured);
    free(url);
    curl_slist_free_all(headers);
    return rc;
}
