/* reply.c: the one helper that sends every response (api_send, api_send_headers when a
 * reply needs more headers, api_send_stream for Server-Sent Events, api_send_reader for a
 * body made as it is sent) and the one function
 * every error goes through (api_error, in the shape of the request's route: mnemo's or
 * OpenAI's), plus the memory object of docs/API.md.
 * A response decided before the request body has arrived waits in rq->pending:
 * libmicrohttpd only lets us queue before the upload starts or after it ends. */
#include "api/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int api_send(api_req_t *rq, unsigned status, const char *content_type, char *buf, size_t len)
{
    return api_send_headers(rq, status, content_type, buf, len, NULL);
}

/* Adds the headers every reply carries to r and queues it (or keeps it pending until
 * the body is in); r is consumed. */
static int send_response(api_req_t *rq, unsigned status, struct MHD_Response *r,
                         const char *content_type, const char *const *headers)
{
    if (content_type) MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, content_type);
    int cache_control = 0;      /* a header of the caller's replaces the default */
    for (const char *const *h = headers; h && h[0]; h += 2) {
        MHD_add_response_header(r, h[0], h[1]);
        cache_control |= strcasecmp(h[0], MHD_HTTP_HEADER_CACHE_CONTROL) == 0;
    }
    if (!cache_control) MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (status == 405 && rq->allow) MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, rq->allow);
    if (status == 401) MHD_add_response_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
    if (status == 429 || rq->retry_after) {
        char secs[16];
        snprintf(secs, sizeof secs, "%u", rq->retry_after ? rq->retry_after : 1);
        MHD_add_response_header(r, MHD_HTTP_HEADER_RETRY_AFTER, secs);
    }
    /* A 429 sheds the connection; a stopping server closes each after its reply. */
    if (status == 429 || rq->close || atomic_load(&rq->srv->stopping))
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
    rq->status = status;
    if (rq->phase != API_PHASE_FINAL) {
        rq->pending = r;
        rq->pending_status = status;
        return 0;
    }
    rq->queued = 1;
    api_metrics_request(rq);
    int ok = MHD_queue_response(rq->conn, status, r) == MHD_YES;
    MHD_destroy_response(r);
    return ok ? 0 : -1;
}

int api_send_headers(api_req_t *rq, unsigned status, const char *content_type, char *buf,
                     size_t len, const char *const *headers)
{
    struct MHD_Response *r;
    if (rq->queued || rq->pending) {        /* the first reply wins */
        free(buf);
        return 0;
    }
    r = MHD_create_response_from_buffer(len, buf, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(buf);
        return -1;
    }
    return send_response(rq, status, r, content_type, headers);
}

int api_send_reader(api_req_t *rq, unsigned status, const char *content_type,
                    MHD_ContentReaderCallback read, void *cls,
                    MHD_ContentReaderFreeCallback done)
{
    struct MHD_Response *r = NULL;
    if (!rq->queued && !rq->pending)        /* the first reply wins */
        r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, API_STREAM_BLOCK, read, cls,
                                              done);
    if (!r) {
        done(cls);
        return rq->queued || rq->pending ? 0 : -1;
    }
    return send_response(rq, status, r, content_type, NULL);
}

int api_send_stream(api_req_t *rq, unsigned status, char *buf, size_t len)
{
    static const char *const headers[] = {MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache", NULL};
    return api_send_headers(rq, status, "text/event-stream", buf, len, headers);
}

int api_send_json(api_req_t *rq, unsigned status, json_t *j)
{
    char *s = j ? json_dumps(j, API_JSON_FLAGS) : NULL;
    json_decref(j);
    if (!s) {
        /* Only allocation can fail here: answer with a fixed body. */
        static const char oom[] =
            "{\"error\":{\"code\":\"internal\",\"message\":\"out of memory\"}}";
        s = strdup(oom);
        status = 500;
        if (!s) return -1;
    }
    return api_send(rq, status, "application/json", s, strlen(s));
}

/* OpenAI's error type for a status. */
static const char *openai_type(unsigned status)
{
    switch (status) {
    case 401: return "authentication_error";
    case 403: return "permission_error";
    case 404: return "not_found_error";
    case 409: return "conflict_error";
    case 429: return "rate_limit_error";
    }
    return status >= 500 ? "server_error" : "invalid_request_error";
}

/* OpenAI's error object. Its clients treat every malformed request as 400, so mnemo's
 * 422 is sent as 400; code stays mnemo's (docs/API.md), and param is the field a
 * message names ("messages[0].content: must not be empty"), else null. */
static int send_openai_error(api_req_t *rq, unsigned status, const char *code,
                             const char *msg)
{
    char param[128] = "";
    size_t n = strcspn(msg, ": ");
    if (n > 0 && n < sizeof param && msg[n] == ':' && msg[n + 1] == ' ') {
        memcpy(param, msg, n);
        param[n] = 0;
    }
    if (status == 422) status = 400;
    return api_send_json(rq, status,
                         json_pack("{s:{s:s,s:s,s:s?,s:s}}", "error", "message", msg, "type",
                                   openai_type(status), "param", param[0] ? param : NULL,
                                   "code", code));
}

int api_error(api_req_t *rq, unsigned status, const char *code, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    api_sanitize(msg);
    if (status >= 500) {
        /* A 5xx is the server's fault: the operator sees each with its cause. */
        char path[256];
        snprintf(path, sizeof path, "%s", rq->path ? rq->path : "-");
        api_sanitize(path);
        api_log(rq->srv, 3, "%s %s: %u %s: %s", rq->method ? rq->method : "-", path, status,
                code, msg);
    }
    if (rq->route && rq->route->errors == API_ERRORS_OPENAI)
        return send_openai_error(rq, status, code, msg);
    return api_send_json(rq, status, api_error_json(code, msg));
}

json_t *api_error_json(const char *code, const char *msg)
{
    return json_pack("{s:{s:s,s:s}}", "error", "code", code, "message", msg);
}

int api_error_v(api_req_t *rq, const api_verr_t *e)
{
    return api_error(rq, (unsigned)e->status, e->code, "%s", e->msg);
}

int api_error_agent(api_req_t *rq, int rc, const char *what, const char *err)
{
    const char *why = err && *err ? err : NULL;
    switch (rc) {
    case AGENT_ENOTFOUND:
    case AGENT_EFORBIDDEN:      /* never tell a token that another user's id exists */
        return api_error(rq, 404, API_CODE_NOT_FOUND, "%s not found", what);
    case AGENT_EINVAL:
        return api_error(rq, 422, API_CODE_VALIDATION_FAILED, "%s", why ? why : "invalid input");
    case AGENT_ECONFLICT:
        return api_error(rq, 409, API_CODE_CONFLICT, "%s", why ? why : "conflict");
    case AGENT_EQUOTA:
        rq->retry_after = API_QUOTA_RETRY_AFTER_S;
        return api_error(rq, 429, API_CODE_QUOTA_EXCEEDED, "%s", why ? why : "quota exceeded");
    case AGENT_ENOMEM:
        return api_error(rq, 500, API_CODE_INTERNAL, "out of memory; nothing was written");
    default:
        if (!why)
            return api_error(rq, 500, API_CODE_INTERNAL, "storage failed; nothing was written");
        return api_error(rq, 500, API_CODE_INTERNAL, "storage failed (%s); nothing was written",
                         why);
    }
}

json_t *api_memory_json(const agent_memory_t *m)
{
    char created[API_TIME_LEN], updated[API_TIME_LEN], used[API_TIME_LEN];
    api_time_format(m->created_ms, created);
    api_time_format(m->updated_ms > 0 ? m->updated_ms : m->created_ms, updated);
    api_time_format(m->last_used_ms, used);
    return json_pack("{s:I,s:s,s:s?,s:s,s:f,s:s,s:s,s:s?,s:I,s:o}",
                     "id", (json_int_t)m->id,
                     "user", m->user ? m->user : "",
                     "conversation", m->conversation,
                     "text", m->text ? m->text : "",
                     "importance", m->importance,
                     "created_at", created,
                     "updated_at", updated,
                     "last_used_at", m->last_used_ms > 0 ? used : NULL,
                     "use_count", (json_int_t)m->use_count,
                     "superseded_by", m->superseded_by > 0
                         ? json_integer((json_int_t)m->superseded_by) : json_null());
}
