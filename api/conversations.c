/* conversations.c: GET/DELETE /v1/conversations/{id}?user= and
 * GET /v1/users/{id}/conversations (docs/API.md). A conversation is keyed by its user and
 * its id, so every route names the user: a user token's own (naming another is 403), an
 * admin's by ?user= or the path. A conversation the user does not have is 404. Each
 * user turn of a chat comes back with the attention its reply reported. */
#include "api/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct conv_args {
    api_query_t q;
    const api_limits_t *lim;
    const char *const *keys;    /* the parameters this route reads, NULL-terminated */
    api_verr_t e;
    int failed;
} conv_args_t;

static const char *const get_keys[] = {"user", "limit", NULL};
static const char *const delete_keys[] = {"user", NULL};
static const char *const list_keys[] = {"limit", "cursor", NULL};

static int is_key(const conv_args_t *c, const char *key, size_t key_size)
{
    if (key_size != strlen(key)) return 0;
    for (const char *const *k = c->keys; *k; k++)
        if (!strcmp(key, *k)) return 1;
    return 0;
}

/* The route's keys as GET /v1/memories reads them; other keys are ignored (UTF-8 still
 * checked). */
static enum MHD_Result on_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                              size_t key_size, const char *value, size_t value_size)
{
    conv_args_t *c = cls;
    (void)kind;
    if (!key) return MHD_YES;
    int ours = is_key(c, key, key_size);
    if (ours && api_query_set(&c->q, key, key_size, value, value_size, c->lim, &c->e) != 0)
        c->failed = 1;
    if (!ours && (!api_utf8_valid(key, key_size) ||
                  (value && !api_utf8_valid(value, value_size)))) {
        api_verr(&c->e, 400, API_CODE_INVALID_UTF8, "a query parameter is not valid UTF-8");
        c->failed = 1;
    }
    return c->failed ? MHD_NO : MHD_YES;
}

/* Reads the query into c; sends the error and returns -1 when it is malformed. */
static int read_args(api_req_t *rq, conv_args_t *c)
{
    api_query_init(&c->q, c->lim);
    MHD_get_connection_values_n(rq->conn, MHD_GET_ARGUMENT_KIND, on_arg, c);
    if (c->failed) {
        api_error_v(rq, &c->e);
        return -1;
    }
    return 0;
}

/* The user a /v1/conversations/{id} request acts for (api_act_as on ?user=). -1 after
 * an error. */
static int conv_scope(api_req_t *rq, conv_args_t *c, const char **user)
{
    if (read_args(rq, c)) return -1;
    if (!rq->param || !api_id_valid(rq->param, strlen(rq->param))) {
        api_error(rq, 404, API_CODE_NOT_FOUND, "conversation %s not found",
                  rq->param ? rq->param : "");
        return -1;
    }
    return api_act_as(rq, c->q.user, API_FROM_QUERY, user);
}

static void conv_error(api_req_t *rq, int rc)
{
    char what[API_ID_MAX + 32];
    snprintf(what, sizeof what, "conversation %s", rq->param);
    api_error_agent(rq, rc, what, NULL);
}

void api_h_conversation_get(api_req_t *rq)
{
    conv_args_t c = {.lim = &rq->set->lim, .keys = get_keys};
    const char *user;
    agent_turn_row_t *t = NULL;
    size_t n = 0;
    if (conv_scope(rq, &c, &user)) return;
    int rc = agent_conversation_get(rq->srv->agent, user, rq->param, c.q.limit, &t, &n);
    if (rc) {
        conv_error(rq, rc);
        return;
    }
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < n; i++) {
        char at[API_TIME_LEN];
        json_t *att = t[i].has_attention ? api_attention_json(t[i].attention, t[i].nattention)
                                         : json_null();
        json_t *o = json_pack("{s:I,s:s,s:s,s:s?,s:s,s:o}", "id", (json_int_t)t[i].id, "role",
                              t[i].role, "text", t[i].text, "kind", t[i].kind, "created_at",
                              api_time_format(t[i].created_ms, at), "attention", att);
        if (!o || json_array_append_new(arr, o)) {
            json_decref(arr);
            arr = NULL;
        }
    }
    api_send_json(rq, 200, json_pack("{s:s,s:s,s:o}", "id", rq->param, "user", user,
                                      "turns", arr));
    agent_turn_rows_free(t, n);
}

void api_h_conversation_delete(api_req_t *rq)
{
    conv_args_t c = {.lim = &rq->set->lim, .keys = delete_keys};
    const char *user;
    if (conv_scope(rq, &c, &user)) return;
    int rc = agent_conversation_delete(rq->srv->agent, user, rq->param);
    if (rc) {
        conv_error(rq, rc);
        return;
    }
    api_send_json(rq, 200, json_pack("{s:s,s:s,s:b}", "id", rq->param, "user", user,
                                      "deleted", 1));
}

/* ---- GET /v1/users/{id}/conversations --------------------------------------------- */

void api_h_user_conversations(api_req_t *rq)
{
    conv_args_t c = {.lim = &rq->set->lim, .keys = list_keys};
    agent_conversation_t *v = NULL;
    size_t n = 0;
    int64_t next = 0;
    const char *user = api_path_user(rq);
    if (!user || read_args(rq, &c)) return;
    int rc = agent_conversations_list(rq->srv->agent, user, c.q.cursor, c.q.limit, &v, &n,
                                      &next);
    if (rc) {
        api_error_agent(rq, rc, "conversations", NULL);
        return;
    }
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < n; i++) {
        char created[API_TIME_LEN], last[API_TIME_LEN];
        json_t *o = json_pack("{s:s,s:s,s:I,s:s?}", "id", v[i].id, "created_at",
                              api_time_format(v[i].created_ms, created), "turns",
                              (json_int_t)v[i].turns, "last_turn_at",
                              v[i].last_ms > 0 ? api_time_format(v[i].last_ms, last) : NULL);
        if (!o || json_array_append_new(arr, o)) {
            json_decref(arr);
            arr = NULL;
        }
    }
    char cursor[24];
    snprintf(cursor, sizeof cursor, "%lld", (long long)next);
    api_send_json(rq, 200, json_pack("{s:s,s:o,s:s?}", "user", user, "conversations", arr,
                                     "next_cursor", next > 0 ? cursor : NULL));
    agent_conversations_free(v, n);
}
