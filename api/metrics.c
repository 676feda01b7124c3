/* metrics.c: what GET /metrics reports, in the Prometheus text format 0.0.4: requests by
 * route pattern, method and status; latency histograms (request, search, model, chat
 * turn) and chat turns; the agent's sizes (memories, users, index and database bytes,
 * the working memories' bytes, budget and evictions);
 * the model loaded; build info and start time.
 * Counters are relaxed atomics bumped by the worker threads; a histogram's count is the
 * sum of the bucket counts read once, so +Inf always equals _count. */
#include "api/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Upper bounds in seconds of the latency buckets (the +Inf bucket follows). */
static const double bucket_le[API_HIST_BUCKETS] = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
};

/* The statuses of docs/API.md; the last slot counts any other. */
static const unsigned statuses[API_N_STATUS - 1] = {
    200, 201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 503, 0,
};

void api_hist_observe(api_hist_t *h, double seconds)
{
    int i = 0;
    if (seconds < 0) seconds = 0;
    while (i < API_HIST_BUCKETS && seconds > bucket_le[i]) i++;
    atomic_fetch_add_explicit(&h->n[i], 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&h->sum_ns, (unsigned long long)(seconds * 1e9),
                              memory_order_relaxed);
}

void api_metrics_request(api_req_t *rq)
{
    api_server_t *s = rq->srv;
    struct timespec now;
    if (rq->counted) return;
    rq->counted = 1;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double seconds = (double)(now.tv_sec - rq->t0.tv_sec) +
                     (double)(now.tv_nsec - rq->t0.tv_nsec) / 1e9;
    size_t n_routes, r = API_MAX_ROUTES, m = API_ROUTE_METHODS, st = API_N_STATUS - 1;
    const api_route_t *routes = api_routes(&n_routes);
    if (rq->route) r = (size_t)(rq->route - routes);
    if (rq->route && rq->m) m = (size_t)(rq->m - rq->route->methods);
    unsigned status = rq->queued ? rq->status : 0;
    for (size_t i = 0; i < API_N_STATUS - 1; i++)
        if (statuses[i] == status) st = i;
    atomic_fetch_add_explicit(&s->metrics.requests[r][m][st], 1, memory_order_relaxed);
    api_hist_observe(&s->metrics.request, seconds);
}

/* A growing text buffer; on allocation failure it stays failed and out() is NULL. */
typedef struct text {
    char *buf;
    size_t len, cap;
    int failed;
} text_t;

static void put(text_t *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(text_t *t, const char *fmt, ...)
{
    va_list ap;
    if (t->failed) return;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(t->buf + t->len, t->cap - t->len, fmt, ap);
        va_end(ap);
        if (n < 0) {
            t->failed = 1;
            return;
        }
        if ((size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        size_t cap = t->cap * 2 + (size_t)n + 1;
        char *b = realloc(t->buf, cap);
        if (!b) {
            t->failed = 1;
            return;
        }
        t->buf = b;
        t->cap = cap;
    }
}

static void header(text_t *t, const char *name, const char *type, const char *help)
{
    put(t, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

static void histogram(text_t *t, const char *name, const char *help, api_hist_t *h)
{
    unsigned long n[API_HIST_BUCKETS + 1], cum = 0;
    for (int i = 0; i <= API_HIST_BUCKETS; i++)
        n[i] = atomic_load_explicit(&h->n[i], memory_order_relaxed);
    double sum = (double)atomic_load_explicit(&h->sum_ns, memory_order_relaxed) / 1e9;
    header(t, name, "histogram", help);
    for (int i = 0; i < API_HIST_BUCKETS; i++) {
        cum += n[i];
        put(t, "%s_bucket{le=\"%g\"} %lu\n", name, bucket_le[i], cum);
    }
    cum += n[API_HIST_BUCKETS];
    put(t, "%s_bucket{le=\"+Inf\"} %lu\n%s_sum %.9g\n%s_count %lu\n", name, cum, name, sum,
        name, cum);
}

/* A label value: backslash, quote and newline escaped (route patterns have none today). */
static void label(char *out, size_t cap, const char *v)
{
    size_t j = 0;
    for (; *v && j + 2 < cap; v++) {
        if (*v == '\\' || *v == '"' || *v == '\n') out[j++] = '\\';
        out[j++] = *v == '\n' ? 'n' : *v;
    }
    out[j] = '\0';
}

void api_h_metrics(api_req_t *rq)
{
    api_server_t *s = rq->srv;
    api_metrics_t *mt = &s->metrics;
    text_t t = {0};
    size_t n_routes;
    const api_route_t *routes = api_routes(&n_routes);
    agent_stats_t st;
    agent_stats(s->agent, &st);

    header(&t, "mnemo_build_info", "gauge", "Build of the running mnemod (always 1).");
    put(&t, "mnemo_build_info{version=\"%s\"} 1\n", s->version);
    header(&t, "mnemo_start_time_seconds", "gauge", "Start time of mnemod since the epoch.");
    put(&t, "mnemo_start_time_seconds %.3f\n", (double)mt->started_ms / 1e3);

    header(&t, "mnemo_http_requests_total", "counter",
           "HTTP requests finished, by route pattern, method and status (0: no reply).");
    for (size_t r = 0; r <= API_MAX_ROUTES; r++) {
        if (r >= n_routes && r != API_MAX_ROUTES) continue;
        char route[128];
        label(route, sizeof route, r < n_routes ? routes[r].pattern : "none");
        for (size_t m = 0; m <= API_ROUTE_METHODS; m++) {
            const char *method = "other";
            if (r < n_routes && m < API_ROUTE_METHODS) {
                if (!routes[r].methods[m].name) continue;
                method = routes[r].methods[m].name;
            }
            for (size_t i = 0; i < API_N_STATUS; i++) {
                unsigned long v = atomic_load_explicit(&mt->requests[r][m][i],
                                                       memory_order_relaxed);
                if (!v) continue;
                char status[16];
                if (i < API_N_STATUS - 1)
                    snprintf(status, sizeof status, "%u", statuses[i]);
                else
                    snprintf(status, sizeof status, "other");
                put(&t, "mnemo_http_requests_total{route=\"%s\",method=\"%s\",status=\"%s\"} %lu\n",
                    route, method, status, v);
            }
        }
    }
    histogram(&t, "mnemo_http_request_duration_seconds",
              "Time from a request's first byte until its reply is queued.", &mt->request);
    histogram(&t, "mnemo_search_duration_seconds",
              "Time of a similarity search in the agent (GET /v1/memories?q=).", &mt->search);
    histogram(&t, "mnemo_model_duration_seconds",
              "Time of a chat turn's model: the memory network's forward pass, the reader's "
              "reading and the plan made of it.", &mt->model);
    histogram(&t, "mnemo_chat_search_seconds",
              "Time of a chat turn's retrieval (the fused search).", &mt->chat_search);
    histogram(&t, "mnemo_chat_write_seconds",
              "Time of a chat turn's transaction: both turns and the facts, committed.",
              &mt->chat_write);
    histogram(&t, "mnemo_chat_turn_seconds",
              "Time of a whole chat turn in the agent (retrieve, answer, write).", &mt->chat);
    header(&t, "mnemo_chat_turns_total", "counter", "Chat turns answered (POST /v1/chat 200).");
    put(&t, "mnemo_chat_turns_total %lu\n",
        atomic_load_explicit(&mt->chat_turns, memory_order_relaxed));
    const char *tag = agent_model_tag(s->agent);
    header(&t, "mnemo_model_loaded", "gauge", "1 when a model is loaded (chat on), else 0.");
    put(&t, "mnemo_model_loaded %d\n", tag != NULL);
    if (tag) {
        char v[64];
        label(v, sizeof v, tag);
        header(&t, "mnemo_model_info", "gauge", "The loaded model (always 1), by its tag.");
        put(&t, "mnemo_model_info{tag=\"%s\"} 1\n", v);
    }

    header(&t, "mnemo_memories", "gauge", "Memories stored (superseded versions included).");
    put(&t, "mnemo_memories %zu\n", st.memories);
    header(&t, "mnemo_users", "gauge", "Users with at least one searchable memory.");
    put(&t, "mnemo_users %zu\n", st.users);
    header(&t, "mnemo_index_bytes", "gauge", "Bytes of the in-RAM vector index.");
    put(&t, "mnemo_index_bytes %zu\n", st.index_bytes);
    header(&t, "mnemo_database_bytes", "gauge", "Bytes of the SQLite database file.");
    put(&t, "mnemo_database_bytes %lld\n", (long long)st.db_bytes);
    header(&t, "mnemo_working_memory_conversations", "gauge",
           "Conversations whose working memory is in RAM.");
    put(&t, "mnemo_working_memory_conversations %zu\n", st.wm_conversations);
    header(&t, "mnemo_working_memory_bytes", "gauge",
           "Bytes the working memories hold (working_memory_bytes caps them).");
    put(&t, "mnemo_working_memory_bytes %zu\n", st.wm_bytes);
    header(&t, "mnemo_working_memory_max_bytes", "gauge",
           "The working memories' budget (working_memory_bytes).");
    put(&t, "mnemo_working_memory_max_bytes %zu\n", st.wm_max_bytes);
    header(&t, "mnemo_working_memory_evictions_total", "counter",
           "Conversations evicted from RAM to stay within the budget (their next turn "
           "restores them from the database).");
    put(&t, "mnemo_working_memory_evictions_total %llu\n",
        (unsigned long long)st.wm_evictions);
    header(&t, "mnemo_http_connections", "gauge", "Open HTTP connections.");
    put(&t, "mnemo_http_connections %u\n", atomic_load(&s->conns));
    header(&t, "mnemo_http_body_bytes", "gauge",
           "Bytes of request bodies held in memory (max_inflight_body_bytes caps them).");
    put(&t, "mnemo_http_body_bytes %zu\n", atomic_load(&s->body_bytes));

    if (t.failed) {
        free(t.buf);
        api_error(rq, 500, API_CODE_INTERNAL, "out of memory writing the metrics");
        return;
    }
    api_send(rq, 200, "text/plain; version=0.0.4; charset=utf-8", t.buf, t.len);
}
