/* chat.c: POST /v1/chat (one turn, docs/API.md "The chat turn"), and the two things
 * every route that runs a turn shares (POST /v1/chat/completions too, openai.c): running
 * it through the agent, timed for /metrics (api_chat_turn), and the turn object
 * (api_turn_json). The body of /v1/chat is validated here (conversation id, message
 * 1..max_message_bytes), the user decided by auth.c. */
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

json_t *api_attention_json(const agent_attention_t *a, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < n; i++)
        if (json_array_append_new(arr, json_pack("{s:I,s:f}", "turn", (json_int_t)a[i].turn,
                                                 "weight", (double)a[i].weight))) {
            json_decref(arr);
            arr = NULL;
        }
    return arr;
}

json_t *api_turn_json(const char *conversation, const agent_turn_t *t)
{
    json_t *att = api_attention_json(t->attention, t->nattention), *mems = json_array();
    json_t *clauses = json_array(), *frames = json_array(), *written = json_array();
    for (size_t i = 0; mems && i < t->nmemories; i++) {
        const agent_recall_t *r = &t->memories[i];
        json_array_append_new(mems, json_pack("{s:I,s:s,s:f,s:o,s:f}", "id",
                                              (json_int_t)r->mem.id, "text",
                                              r->mem.text ? r->mem.text : "", "score",
                                              (double)r->score, "score_breakdown",
                                              api_score_breakdown(r->rank_bm25, r->rank_dense,
                                                                  r->rank_recency, r->context),
                                              "weight", (double)r->weight));
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
    json_t *quoted = t->quoted.turn ? json_pack("{s:I,s:s}", "turn", (json_int_t)t->quoted.turn,
                                                "conversation", t->quoted.conversation)
                                    : json_null();
    return json_pack("{s:s,s:I,s:s,s:s,s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "conversation",
                     conversation, "turn", (json_int_t)t->turn, "reply", t->reply, "answer",
                     t->answer, "kind", t->kind, "clauses", clauses, "attention", att,
                     "memories", mems, "written", written, "frames", frames, "superseded",
                     ids_json(t->superseded, t->nsuperseded), "forgotten",
                     ids_json(t->forgotten, t->nforgotten), "quoted", quoted);
}

/* ---- the turn, for every route that runs one ------------------------------------- */

void api_chat_observe(api_metrics_t *m, const struct timespec *t0, const agent_turn_t *t)
{
    api_hist_observe(&m->chat, since(t0));
    api_hist_observe(&m->model, t->model_seconds);
    api_hist_observe(&m->chat_search, t->search_seconds);
    api_hist_observe(&m->chat_write, t->write_seconds);
    atomic_fetch_add_explicit(&m->chat_turns, 1, memory_order_relaxed);
}

int api_chat_turn(api_req_t *rq, const char *user, const char *conversation,
                  const char *message, agent_turn_t *t)
{
    char err[ERRLEN] = "";
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = agent_chat(rq->srv->agent, user, conversation, message, t, err, sizeof err);
    if (rc == AGENT_ENOMODEL) {
        api_error(rq, 503, API_CODE_NO_MODEL,
                  "chat needs a model; this mnemod runs without one (model = none)");
    } else if (rc) {
        char what[API_ID_MAX + 32];
        snprintf(what, sizeof what, "conversation %s", conversation);
        api_error_agent(rq, rc, what, err);
    } else {
        api_chat_observe(&rq->srv->metrics, &t0, t);
        return 0;
    }
    agent_turn_clear(t);
    return -1;
}

/* ---- POST /v1/chat ---------------------------------------------------------------- */

void api_h_chat_post(api_req_t *rq)
{
    api_verr_t e;
    const char *named, *conversation, *message, *user;
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
    if (api_chat_turn(rq, user, conversation, message, &t) == 0) {
        api_send_json(rq, 200, api_turn_json(conversation, &t));
        agent_turn_clear(&t);
    }
out:
    json_decref(body);
}
