/* users.c: the /v1/users/{id} routes: export (JSON lines, oldest first, streamed a page
 * at a time) and delete
 * (forget everything about a user); import is import.c's. A user token may only name its
 * own user here; any other name is 403. */
#include "api/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *api_path_user(api_req_t *rq)
{
    const char *user;
    if (!rq->param || !api_id_valid(rq->param, strlen(rq->param))) {
        api_error(rq, 400, API_CODE_INVALID_PARAMETER,
                  "user: must be 1-%d bytes without control characters or '/'", API_ID_MAX);
        return NULL;
    }
    if (api_act_as(rq, rq->param, API_FROM_PATH, &user)) return NULL;
    return user;
}

/* ---- export --------------------------------------------------------------------- */

/* Memories read per page of a streamed export: what the daemon holds of an export at
 * once is one page of rows and its lines, whatever the user's total. */
#define EXPORT_PAGE 256

/* A streamed export: the lines of one page, then the next page from the id after the
 * last one sent. Owned by the response (export_free); it holds no store lock or
 * transaction between pages, so a slow client stalls nothing but itself. */
typedef struct export_stream {
    agent_t *agent;
    const api_server_t *srv;    /* for the log line of a cut stream */
    char user[API_ID_MAX + 1];
    int64_t after;          /* the last id read */
    int last;               /* the page read was the last */
    char *buf;              /* the current page's lines */
    size_t len, off, cap;
} export_stream_t;

static int append(export_stream_t *e, const char *s, size_t n)
{
    if (e->len + n > e->cap) {
        size_t cap = e->cap ? e->cap : 65536;
        while (cap < e->len + n) cap *= 2;
        char *p = realloc(e->buf, cap);
        if (!p) return -1;
        e->buf = p;
        e->cap = cap;
    }
    memcpy(e->buf + e->len, s, n);
    e->len += n;
    return 0;
}

/* Reads the next page into e->buf as JSON lines (replacing what was sent). An AGENT_*
 * code. */
static int export_fill(export_stream_t *e)
{
    agent_memory_t *v = NULL;
    size_t n = 0;
    e->len = e->off = 0;
    int rc = agent_user_export_page(e->agent, e->user, e->after, EXPORT_PAGE, &v, &n);
    for (size_t i = 0; !rc && i < n; i++) {
        json_t *o = api_memory_json(&v[i]);
        char *s = o ? json_dumps(o, API_JSON_FLAGS) : NULL;
        if (!s || append(e, s, strlen(s)) || append(e, "\n", 1)) rc = AGENT_ENOMEM;
        free(s);
        json_decref(o);
    }
    if (!rc) {
        if (n) e->after = v[n - 1].id;
        e->last = n < EXPORT_PAGE;
    }
    agent_memories_free(v, n);
    return rc;
}

/* libmicrohttpd's content reader: copies what is left of the page, reading the next one
 * when it is all out. An error after the first page can only cut the stream (the 200
 * is gone): the chunked body then lacks its last chunk and the client sees it broken,
 * and the operator sees it in the log at error level, as every 5xx. */
static ssize_t export_read(void *cls, uint64_t pos, char *out, size_t max)
{
    export_stream_t *e = cls;
    (void)pos;
    while (e->off == e->len) {
        if (e->last) return MHD_CONTENT_READER_END_OF_STREAM;
        int rc = export_fill(e);
        if (rc) {
            char user[API_ID_MAX + 1];
            snprintf(user, sizeof user, "%s", e->user);
            api_sanitize(user);
            api_log(e->srv, 3, "GET /v1/users/%s/export: the stream was cut after memory "
                    "%lld: %s", user, (long long)e->after,
                    rc == AGENT_ENOMEM ? "out of memory" : "storage failed");
            return MHD_CONTENT_READER_END_WITH_ERROR;
        }
    }
    size_t k = e->len - e->off < max ? e->len - e->off : max;
    memcpy(out, e->buf + e->off, k);
    e->off += k;
    return (ssize_t)k;
}

static void export_free(void *cls)
{
    export_stream_t *e = cls;
    free(e->buf);
    free(e);
}

void api_h_user_export(api_req_t *rq)
{
    const char *user = api_path_user(rq);
    if (!user) return;
    export_stream_t *e = calloc(1, sizeof *e);
    if (!e) {
        api_error_agent(rq, AGENT_ENOMEM, "user", NULL);
        return;
    }
    e->agent = rq->srv->agent;
    e->srv = rq->srv;
    snprintf(e->user, sizeof e->user, "%s", user);
    /* The first page is read here, so a failure is still a proper error reply; an export
     * of one page goes out whole, with its length, as before. */
    int rc = export_fill(e);
    if (!rc && e->last) {
        char *b = e->buf ? e->buf : malloc(1);
        if (b) {
            e->buf = NULL;
            api_send(rq, 200, "application/x-ndjson", b, e->len);
            export_free(e);
            return;
        }
        rc = AGENT_ENOMEM;
    }
    if (rc) {
        export_free(e);
        api_error_agent(rq, rc, "user", NULL);
        return;
    }
    api_send_reader(rq, 200, "application/x-ndjson", export_read, e, export_free);
}

/* ---- delete --------------------------------------------------------------------- */

void api_h_user_delete(api_req_t *rq)
{
    int64_t removed = 0;
    const char *user = api_path_user(rq);
    if (!user) return;
    int rc = agent_user_delete(rq->srv->agent, user, &removed);
    if (rc)
        api_error_agent(rq, rc, "user", NULL);
    else
        api_send_json(rq, 200, json_pack("{s:s,s:I}", "user", user, "deleted_memories",
                                         (json_int_t)removed));
}
