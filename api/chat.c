/* chat.c: POST /v1/chat (one turn, docs/API.md "The chat turn") and
 * GET/DELETE /v1/conversations/{id}. The body is validated here (conversation id,
 * message 1..max_message_bytes), the user decided by auth.c, the turn run by the agent
 * and timed for /metrics. A conversation of another user is 404, as a memory is. */
#include "api/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ERRLEN 256

static double since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static json_t *ids_json(const int64_t *v, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < n; i++) json_array_append_new(arr, json_integer(v[i]));
    return arr;
}

/* {"holder", "relation", "value"}, or JSON null for a clause or memory without one. */
static json_t *frame_json(const char *holder, const char *relation, const char *value)
{
    if (!holder[0] && !relation[0] && !value[0]) return json_null();
    return json_pack("{s:s,s:s,s:s}", "holder", holder, "relation", relation, "value", value);
}

static json_t *turn_json(const char *conversation, const agent_turn_t *t)
{
    json_t *att = json_array(), *mems = json_array(), *clauses = json_array();
    json_t *frames = json_array(), *written = json_array();
    for (size_t i = 0; att && i < t->nattention; i++)
        json_array_append_new(att, json_pack("{s:I,s:f}", "turn",
                                             (json_int_t)t->attention[i].turn, "weight",
                                             (double)t->attention[i].weight));
    for (size_t i = 0; mems && i < t->nmemories; i++) {
        const agent_recall_t *r = &t->memories[i];
        json_array_append_new(mems, json_pack("{s:I,s:s,s:f,s:f}", "id", (json_int_t)r->mem.id,
                                              "text", r->mem.text ? r->mem.text : "", "score",
                                              (double)r->score, "weight", (double)r->weight));
    }
    for (size_t i = 0; clauses && i < t->nclauses; i++) {
        const agent_clause_t *c = &t->clauses[i];
        json_array_append_new(clauses,
                              json_pack("{s:s,s:s,s:f,s:s,s:o}", "text", c->text, "act", c->act,
                                        "p", (double)c->act_p, "relation_class",
                                        c->relation_class,
                                        "frame", frame_json(c->holder, c->relation, c->value)));
    }
    for (size_t i = 0; written && i < t->nwritten; i++) {
        const agent_written_t *w = &t->written[i];
        json_array_append_new(written, json_integer(w->id));
        if (frames && w->relation[0])
            json_array_append_new(frames, json_pack("{s:I,s:s,s:s,s:s}", "id", (json_int_t)w->id,
                                                    "holder", w->holder, "relation",
                                                    w->relation, "value", w->value));
    }
    return json_pack("{s:s,s:I,s:s,s:s,s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "conversation",
                     conversation, "turn", (json_int_t)t->turn, "reply", t->reply, "answer",
                     t->answer, "kind", t->kind, "clauses", clauses, "attention", att,
                     "memories", mems, "written", written, "frames", frames, "superseded",
                     ids_json(t->superseded, t->nsuperseded), "forgotten",
                     ids_json(t->forgotten, t->nforgotten));
}

/* ---- POST /v1/chat ---------------------------------------------------------------- */

void api_h_chat_post(api_req_t *rq)
{
    api_verr_t e;
    const char *named, *conversation, *message, *user;
    char err[ERRLEN] = "";
    agent_turn_t t;
    json_t *body = api_parse_object(rq->body, rq->len, &e);
    if (!body) {
        api_error_v(rq, &e);
        return;
    }
    if (api_field_string(body, "", "user", API_FIELD_ID, 0, 0, &named, &e) ||
        api_field_string(body, "", "conversation", API_FIELD_ID, 1, 0, &conversation, &e) ||
        api_field_string(body, "", "message", API_FIELD_TEXT, 1, rq->set->lim.max_message,
                         &message, &e)) {
        api_error_v(rq, &e);
        goto out;
    }
    if (api_act_as(rq, named, API_FROM_BODY, &user)) goto out;

    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = agent_chat(rq->srv->agent, user, conversation, message, &t, err, sizeof err);
    if (rc == AGENT_ENOMODEL) {
        api_error(rq, 503, API_CODE_NO_MODEL,
                  "chat needs a model; this mnemod runs without one (model = none)");
    } else if (rc) {
        char what[API_ID_MAX + 32];
        snprintf(what, sizeof what, "conversation %s", conversation);
        api_error_agent(rq, rc, what, err);
    } else {
        api_hist_observe(&rq->srv->metrics.chat, since(&t0));
        api_hist_observe(&rq->srv->metrics.model, t.model_seconds);
        atomic_fetch_add_explicit(&rq->srv->metrics.chat_turns, 1, memory_order_relaxed);
        api_send_json(rq, 200, turn_json(conversation, &t));
    }
    agent_turn_clear(&t);
out:
    json_decref(body);
}

/* ---- /v1/conversations/{id} ------------------------------------------------------- */

typedef struct conv_args {
    api_query_t q;
    const api_limits_t *lim;
    api_verr_t e;
    int failed;
} conv_args_t;

/* user and limit as GET /v1/memories reads them; other keys are ignored (UTF-8 still
 * checked). */
static enum MHD_Result on_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                              size_t key_size, const char *value, size_t value_size)
{
    conv_args_t *c = cls;
    (void)kind;
    if (!key) return MHD_YES;
    int ours = key_size == strlen(key) && (!strcmp(key, "user") || !strcmp(key, "limit"));
    if (ours && api_query_set(&c->q, key, key_size, value, value_size, c->lim, &c->e) != 0)
        c->failed = 1;
    if (!ours && (!api_utf8_valid(key, key_size) ||
                  (value && !api_utf8_valid(value, value_size)))) {
        api_verr(&c->e, 400, API_CODE_INVALID_UTF8, "a query parameter is not valid UTF-8");
        c->failed = 1;
    }
    return c->failed ? MHD_NO : MHD_YES;
}

/* The user a conversation route is scoped to: a user token's own (naming another is
 * 403); an admin's ?user= when given, else NULL (any user). -1 after an error. */
static int conv_scope(api_req_t *rq, conv_args_t *c, const char **user)
{
    api_query_init(&c->q, c->lim);
    MHD_get_connection_values_n(rq->conn, MHD_GET_ARGUMENT_KIND, on_arg, c);
    if (c->failed) {
        api_error_v(rq, &c->e);
        return -1;
    }
    if (!rq->param || !api_id_valid(rq->param, strlen(rq->param))) {
        api_error(rq, 404, API_CODE_NOT_FOUND, "conversation %s not found",
                  rq->param ? rq->param : "");
        return -1;
    }
    *user = NULL;
    if (rq->admin && !c->q.user) return 0;
    return api_act_as(rq, c->q.user, API_FROM_QUERY, user);
}

void api_h_conversation_get(api_req_t *rq)
{
    conv_args_t c = {.lim = &rq->set->lim};
    const char *user;
    agent_turn_row_t *t = NULL;
    size_t n = 0;
    char *owner = NULL;
    if (conv_scope(rq, &c, &user)) return;
    int rc = agent_conversation_get(rq->srv->agent, user, rq->param, c.q.limit, &t, &n, &owner);
    if (rc) {
        char what[API_ID_MAX + 32];
        snprintf(what, sizeof what, "conversation %s", rq->param);
        api_error_agent(rq, rc, what, NULL);
        return;
    }
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < n; i++) {
        char at[API_TIME_LEN];
        json_t *o = json_pack("{s:I,s:s,s:s,s:s?,s:s}", "id", (json_int_t)t[i].id, "role",
                              t[i].role, "text", t[i].text, "kind", t[i].kind, "created_at",
                              api_time_format(t[i].created_ms, at));
        if (!o || json_array_append_new(arr, o)) {
            json_decref(arr);
            arr = NULL;
        }
    }
    api_send_json(rq, 200, json_pack("{s:s,s:s,s:o}", "id", rq->param, "user", owner,
                                      "turns", arr));
    agent_turn_rows_free(t, n);
    free(owner);
}

void api_h_conversation_delete(api_req_t *rq)
{
    conv_args_t c = {.lim = &rq->set->lim};
    const char *user;
    if (conv_scope(rq, &c, &user)) return;
    int rc = agent_conversation_delete(rq->srv->agent, user, rq->param);
    if (rc) {
        char what[API_ID_MAX + 32];
        snprintf(what, sizeof what, "conversation %s", rq->param);
        api_error_agent(rq, rc, what, NULL);
        return;
    }
    api_send_json(rq, 200, json_pack("{s:s,s:b}", "id", rq->param, "deleted", 1));
}
