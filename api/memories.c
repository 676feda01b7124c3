/* memories.c: the /v1/memories routes: create (one or a batch), search or page, get,
 * patch, delete and history. Each handler validates with validate.c, decides the user
 * with auth.c, calls the agent and answers through reply.c. */
#include "api/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ERRLEN 256

/* ---- POST /v1/memories ---------------------------------------------------------- */

void api_h_memories_post(api_req_t *rq)
{
    api_verr_t e;
    api_create_t cr = {0};
    const char *user;
    char err[ERRLEN] = "";
    int64_t *ids = NULL;
    json_t *body = api_parse_object(rq->body, rq->len, &e);

    if (!body) {
        api_error_v(rq, &e);
        return;
    }
    if (api_parse_create(body, &rq->set->lim, &cr, &e)) {
        api_error_v(rq, &e);
        goto out;
    }
    if (api_act_as(rq, cr.user, API_FROM_BODY, &user)) goto out;
    ids = calloc(cr.n, sizeof *ids);
    if (!ids) {
        api_error_agent(rq, AGENT_ENOMEM, "memory", NULL);
        goto out;
    }
    int rc = agent_memory_create(rq->srv->agent, user, cr.items, cr.n, ids, err, sizeof err);
    if (rc) {
        api_error_agent(rq, rc, "memory", err);
        goto out;
    }
    if (cr.batch) {
        json_t *arr = json_array();
        for (size_t i = 0; arr && i < cr.n; i++)
            json_array_append_new(arr, json_integer((json_int_t)ids[i]));
        api_send_json(rq, 201, json_pack("{s:o}", "ids", arr));
        goto out;
    }
    agent_memory_t m = {0};
    rc = agent_memory_get(rq->srv->agent, user, ids[0], &m);
    if (rc)
        api_error_agent(rq, rc, "the new memory", NULL);
    else
        api_send_json(rq, 201, api_memory_json(&m));
    agent_memory_clear(&m);
out:
    free(ids);
    api_create_free(&cr);
    json_decref(body);
}

/* ---- GET /v1/memories ----------------------------------------------------------- */

typedef struct query_ctx {
    api_query_t q;
    const api_limits_t *lim;
    api_verr_t e;
    int failed;
} query_ctx_t;

static enum MHD_Result on_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                              size_t key_size, const char *value, size_t value_size)
{
    query_ctx_t *c = cls;
    (void)kind;
    if (!key) return MHD_YES;
    if (api_query_set(&c->q, key, key_size, value, value_size, c->lim, &c->e)) {
        c->failed = 1;
        return MHD_NO;
    }
    return MHD_YES;
}

static json_t *rank_json(int r)
{
    return r > 0 ? json_integer(r) : json_null();
}

json_t *api_score_breakdown(int bm25, int dense, int recency, float context)
{
    return json_pack("{s:o, s:o, s:o, s:f}", "bm25", rank_json(bm25), "dense",
                     rank_json(dense), "recency", rank_json(recency), "context",
                     (double)context);
}

static void search(api_req_t *rq, const api_query_t *q, const char *user)
{
    agent_search_t sq = {.user = user, .k = q->k, .since_ms = q->since_ms,
                        .until_ms = q->until_ms, .conversation = q->conversation,
                        .legs = q->legs, .prefer_recent = q->prefer_recent};
    agent_hit_t *hits = calloc((size_t)q->k, sizeof *hits);
    char err[ERRLEN] = "";
    int n = 0;
    if (!hits) {
        api_error_agent(rq, AGENT_ENOMEM, "memory", NULL);
        return;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = agent_memory_search(rq->srv->agent, &sq, q->q, hits, &n, err, sizeof err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    api_hist_observe(&rq->srv->metrics.search, (double)(t1.tv_sec - t0.tv_sec) +
                                                   (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    if (rc) {
        api_error_agent(rq, rc, "memory", err);
        free(hits);
        return;
    }
    json_t *arr = json_array();
    for (int i = 0; arr && i < n; i++) {
        json_t *o = api_memory_json(&hits[i].mem);
        if (o) json_object_set_new(o, "score", json_real(hits[i].score));
        if (o) json_object_set_new(o, "score_breakdown", api_score_breakdown(hits[i].rank_bm25, hits[i].rank_dense,
                                                   hits[i].rank_recency, hits[i].context));
        if (!o || json_array_append_new(arr, o)) {
            json_decref(arr);
            arr = NULL;
        }
    }
    agent_hits_clear(hits, n);
    free(hits);
    api_send_json(rq, 200, json_pack("{s:o}", "results", arr));
}

static void page(api_req_t *rq, const api_query_t *q, const char *user)
{
    agent_page_t p = {.user = user, .since_ms = q->since_ms, .until_ms = q->until_ms,
                      .conversation = q->conversation, .cursor = q->cursor, .limit = q->limit};
    agent_memory_t *v = NULL;
    size_t n = 0;
    int64_t next = 0;
    int rc = agent_memory_list(rq->srv->agent, &p, &v, &n, &next);
    if (rc) {
        api_error_agent(rq, rc, "memory", NULL);
        return;
    }
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < n; i++) {
        if (json_array_append_new(arr, api_memory_json(&v[i]))) {
            json_decref(arr);
            arr = NULL;
        }
    }
    agent_memories_free(v, n);
    char cursor[24];
    snprintf(cursor, sizeof cursor, "%lld", (long long)next);
    api_send_json(rq, 200, json_pack("{s:o,s:s?}", "memories", arr, "next_cursor",
                                     next > 0 ? cursor : NULL));
}

void api_h_memories_get(api_req_t *rq)
{
    query_ctx_t c = {.lim = &rq->set->lim};
    const char *user;
    api_query_init(&c.q, c.lim);
    MHD_get_connection_values_n(rq->conn, MHD_GET_ARGUMENT_KIND, on_arg, &c);
    if (c.failed) {
        api_error_v(rq, &c.e);
        return;
    }
    if (api_act_as(rq, c.q.user, API_FROM_QUERY, &user)) return;
    /* The store reads 0 as "no bound": a bound at or before the epoch is spelled out. */
    if (c.q.has_since && c.q.since_ms <= 0) c.q.since_ms = 0;
    if (c.q.has_until && c.q.until_ms <= 0) {
        if (c.q.q)
            api_send_json(rq, 200, json_pack("{s:[]}", "results"));
        else
            api_send_json(rq, 200, json_pack("{s:[],s:n}", "memories", "next_cursor"));
        return;
    }
    if (c.q.q)
        search(rq, &c.q, user);
    else
        page(rq, &c.q, user);
}

/* ---- /v1/memories/{id} ---------------------------------------------------------- */

/* The id of the path, or 0 after a 404: an id that cannot exist is not found. */
static int64_t path_id(api_req_t *rq)
{
    int64_t id;
    if (!rq->param || api_parse_id(rq->param, &id)) {
        api_error(rq, 404, API_CODE_NOT_FOUND, "memory %s not found",
                  rq->param ? rq->param : "");
        return 0;
    }
    return id;
}

static void not_found(api_req_t *rq, int rc, int64_t id)
{
    char what[48];
    snprintf(what, sizeof what, "memory %lld", (long long)id);
    api_error_agent(rq, rc, what, NULL);
}

void api_h_memory_get(api_req_t *rq)
{
    agent_memory_t m = {0};
    int64_t id = path_id(rq);
    if (!id) return;
    int rc = agent_memory_get(rq->srv->agent, api_id_scope(rq), id, &m);
    if (rc)
        not_found(rq, rc, id);
    else
        api_send_json(rq, 200, api_memory_json(&m));
    agent_memory_clear(&m);
}

void api_h_memory_patch(api_req_t *rq)
{
    api_verr_t e;
    const char *text;
    double importance;
    char err[ERRLEN] = "";
    agent_memory_t m = {0};
    int64_t id = path_id(rq);
    if (!id) return;
    json_t *body = api_parse_object(rq->body, rq->len, &e);
    if (!body || api_parse_patch(body, &rq->set->lim, &text, &importance, &e)) {
        api_error_v(rq, &e);
        json_decref(body);
        return;
    }
    int rc = agent_memory_update(rq->srv->agent, api_id_scope(rq), id, text, importance, &m,
                                 err, sizeof err);
    if (rc == AGENT_ENOTFOUND || rc == AGENT_EFORBIDDEN)
        not_found(rq, rc, id);
    else if (rc)
        api_error_agent(rq, rc, "memory", err);
    else
        api_send_json(rq, 200, api_memory_json(&m));
    agent_memory_clear(&m);
    json_decref(body);
}

void api_h_memory_delete(api_req_t *rq)
{
    int64_t id = path_id(rq);
    if (!id) return;
    int rc = agent_memory_delete(rq->srv->agent, api_id_scope(rq), id);
    if (rc)
        not_found(rq, rc, id);
    else
        api_send_json(rq, 200, json_pack("{s:I,s:b}", "id", (json_int_t)id, "deleted", 1));
}

json_t *api_history_json(int64_t id, const agent_memory_t *m, const agent_version_t *v,
                         size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < n; i++) {
        char until[API_TIME_LEN];
        json_t *o = json_pack("{s:s,s:s,s:o}", "text", v[i].text ? v[i].text : "",
                              "valid_until", api_time_format(v[i].valid_until_ms, until),
                              "superseded_by", v[i].superseded_by > 0
                                  ? json_integer((json_int_t)v[i].superseded_by) : json_null());
        if (!o || json_array_append_new(arr, o)) {
            json_decref(arr);
            arr = NULL;
        }
    }
    return json_pack("{s:I,s:o,s:o}", "id", (json_int_t)id, "superseded_by",
                     m->superseded_by > 0 ? json_integer((json_int_t)m->superseded_by)
                                          : json_null(),
                     "versions", arr);
}

void api_h_memory_history(api_req_t *rq)
{
    agent_memory_t m = {0};
    agent_version_t *v = NULL;
    size_t n = 0;
    int64_t id = path_id(rq);
    if (!id) return;
    const char *scope = api_id_scope(rq);
    int rc = agent_memory_get(rq->srv->agent, scope, id, &m);
    if (!rc) rc = agent_memory_history(rq->srv->agent, scope, id, &v, &n);
    if (rc) {
        not_found(rq, rc, id);
        agent_memory_clear(&m);
        return;
    }
    api_send_json(rq, 200, api_history_json(id, &m, v, n));
    agent_history_free(v, n);
    agent_memory_clear(&m);
}
