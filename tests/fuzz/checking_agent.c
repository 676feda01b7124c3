/* checking_agent.c: an agent for the fuzz harnesses of api/ (MCP, routes), in place of the
 * store and the model: every call checks what api/ promised to hand it (a valid user,
 * k and limits in range, non-empty text) and answers from a tiny fixed world (odd ids
 * exist, even ids do not), with real allocations so ASan sees every result api/ fails
 * to free or frees twice. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/agent.h"
#include "api/validate.h"

#define CHECK(cond)                                                                    \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            fprintf(stderr, "%s:%d: api/ broke the agent's contract: %s\n", __FILE__,  \
                    __LINE__, #cond);                                                  \
            abort();                                                                   \
        }                                                                              \
    } while (0)

struct agent {
    int unused;
};

static int user_ok(const char *u)
{
    return u && api_id_valid(u, strlen(u));
}

static void fill(agent_memory_t *m, const char *user, int64_t id)
{
    memset(m, 0, sizeof *m);
    m->id = id;
    m->user = strdup(user ? user : "someone");
    m->conversation = id % 3 ? strdup("c1") : NULL;
    m->text = strdup("my dog is called Rex");
    m->created_ms = m->updated_ms = 1764547200000 + id;
    m->importance = 0.5;
}

agent_t *agent_new(const agent_config_t *cfg, char *err, size_t errlen)
{
    (void)cfg, (void)err, (void)errlen;
    return calloc(1, sizeof(agent_t));
}
void agent_free(agent_t *a) { free(a); }
int agent_ready(const agent_t *a) { return a != NULL; }
void agent_stats(agent_t *a, agent_stats_t *out) { (void)a; *out = (agent_stats_t){0}; }
const char *agent_model_tag(const agent_t *a) { (void)a; return "0badf00d"; }

int agent_memory_create(agent_t *a, const char *user, const agent_memory_in_t *in, size_t n,
                        int64_t *ids, char *err, size_t errlen)
{
    (void)a, (void)err, (void)errlen;
    CHECK(user_ok(user) && n >= 1 && in && ids);
    for (size_t i = 0; i < n; i++) {
        CHECK(in[i].text && in[i].text[0]);
        CHECK(!in[i].conversation || api_id_valid(in[i].conversation,
                                                  strlen(in[i].conversation)));
        CHECK(in[i].importance < 0 || in[i].importance <= 1);
        ids[i] = 2 * (int64_t)i + 1;
    }
    return AGENT_OK;
}

int agent_memory_get(agent_t *a, const char *user, int64_t id, agent_memory_t *out)
{
    (void)a;
    memset(out, 0, sizeof *out);
    CHECK(id > 0);
    if (id % 2 == 0) return AGENT_ENOTFOUND;
    fill(out, user, id);
    return AGENT_OK;
}

int agent_memory_update(agent_t *a, const char *user, int64_t id, const char *text,
                        double importance, agent_memory_t *out, char *err, size_t errlen)
{
    (void)err, (void)errlen, (void)text;
    CHECK(importance <= 1);
    return agent_memory_get(a, user, id, out);
}

int agent_memory_ids_taken(agent_t *a, const int64_t *ids, size_t n, int64_t *taken)
{
    (void)a;
    CHECK(ids || n == 0);
    for (size_t i = 0; i < n; i++) CHECK(ids[i] >= 1 && ids[i] <= AGENT_ID_MAX);
    *taken = 0;
    return AGENT_OK;
}

int agent_memory_forget_ids(agent_t *a, const int64_t *ids, size_t n, char *err,
                            size_t errlen)
{
    (void)a, (void)err, (void)errlen;
    CHECK(ids || n == 0);
    return AGENT_OK;
}

int agent_memory_delete(agent_t *a, const char *user, int64_t id)
{
    (void)a, (void)user;
    CHECK(id > 0);
    return id % 2 ? AGENT_OK : AGENT_ENOTFOUND;
}

int agent_memory_history(agent_t *a, const char *user, int64_t id, agent_version_t **out,
                         size_t *n)
{
    (void)a, (void)user;
    *out = NULL;
    *n = 0;
    if (id % 2 == 0) return AGENT_ENOTFOUND;
    if (!(*out = calloc(1, sizeof **out))) return AGENT_ENOMEM;
    (*out)->text = strdup("my dog is called Max");
    (*out)->valid_until_ms = 1764547200000;
    *n = 1;
    return AGENT_OK;
}

int agent_memory_search(agent_t *a, const agent_search_t *q, const char *text,
                        agent_hit_t *hits, int *n, char *err, size_t errlen)
{
    (void)a, (void)err, (void)errlen;
    CHECK(user_ok(q->user) && q->k >= 1 && q->k <= AGENT_MAX_K && text && text[0]);
    *n = q->k < 2 ? q->k : 2;
    for (int i = 0; i < *n; i++) {
        memset(&hits[i], 0, sizeof hits[i]);
        fill(&hits[i].mem, q->user, 2 * i + 1);
        hits[i].score = 1.0f / (float)(i + 1);
        hits[i].rank_dense = i + 1;
    }
    return AGENT_OK;
}

int agent_memory_list(agent_t *a, const agent_page_t *p, agent_memory_t **out, size_t *n,
                      int64_t *next_cursor)
{
    (void)a;
    CHECK(user_ok(p->user) && p->limit >= 1 && p->cursor >= 0);
    *n = p->limit < 2 ? (size_t)p->limit : 2;
    *next_cursor = *n == 2 ? 1 : 0;
    if (!(*out = calloc(*n, sizeof **out))) return AGENT_ENOMEM;
    for (size_t i = 0; i < *n; i++) fill(&(*out)[i], p->user, 3 - 2 * (int64_t)i);
    return AGENT_OK;
}

int agent_user_export_page(agent_t *a, const char *user, int64_t after, int limit,
                           agent_memory_t **out, size_t *n)
{
    (void)a;
    CHECK(user_ok(user) && after >= 0 && limit >= 1);
    *n = after == 0;    /* one memory, id 1 */
    if (!(*out = calloc(1, sizeof **out))) return AGENT_ENOMEM;
    if (*n) fill(&(*out)[0], user, 1);
    return AGENT_OK;
}

int agent_user_delete(agent_t *a, const char *user, int64_t *removed)
{
    (void)a;
    CHECK(user_ok(user));
    *removed = 2;
    return AGENT_OK;
}

int agent_chat(agent_t *a, const char *user, const char *conversation, const char *message,
               agent_turn_t *out, char *err, size_t errlen)
{
    (void)a, (void)err, (void)errlen;
    memset(out, 0, sizeof *out);
    CHECK(user_ok(user) && conversation && api_id_valid(conversation, strlen(conversation)));
    CHECK(message && message[0]);
    out->turn = 7;
    snprintf(out->reply, sizeof out->reply, "Got it: your dog Rex is a beagle.");
    snprintf(out->answer, sizeof out->answer, "Rex");
    out->kind = "statement";
    out->clauses = calloc(1, sizeof *out->clauses);
    out->attention = calloc(1, sizeof *out->attention);
    out->memories = calloc(1, sizeof *out->memories);
    out->written = calloc(1, sizeof *out->written);
    out->superseded = calloc(1, sizeof *out->superseded);
    if (!out->clauses || !out->attention || !out->memories || !out->written ||
        !out->superseded)
        return AGENT_ENOMEM;
    snprintf(out->clauses->text, sizeof out->clauses->text, "%.100s", message);
    out->clauses->act = "fact";
    out->clauses->relation_class = "name";
    out->nclauses = 1;
    out->attention->turn = 5;
    out->attention->weight = 1;
    out->nattention = 1;
    fill(&out->memories->mem, user, 1);
    out->nmemories = 1;
    out->written->id = 3;
    out->nwritten = 1;
    out->superseded[0] = 1;
    out->nsuperseded = 1;
    return AGENT_OK;
}

void agent_turn_clear(agent_turn_t *t)
{
    for (size_t i = 0; i < t->nmemories; i++) agent_memory_clear(&t->memories[i].mem);
    free(t->clauses);
    free(t->attention);
    free(t->memories);
    free(t->written);
    free(t->superseded);
    free(t->forgotten);
    memset(t, 0, sizeof *t);
}

int agent_conversation_get(agent_t *a, const char *user, const char *conversation, int limit,
                           agent_turn_row_t **out, size_t *n)
{
    (void)a, (void)user, (void)conversation, (void)limit;
    *out = NULL;
    *n = 0;
    return AGENT_ENOTFOUND;
}

int agent_conversations_list(agent_t *a, const char *user, int64_t cursor, int limit,
                             agent_conversation_t **out, size_t *n, int64_t *next_cursor)
{
    (void)a, (void)user, (void)cursor, (void)limit;
    *out = NULL;
    *n = 0;
    *next_cursor = 0;
    return AGENT_OK;
}

void agent_conversations_free(agent_conversation_t *v, size_t n)
{
    for (size_t i = 0; i < n; i++) free(v[i].id);
    free(v);
}

int agent_conversation_delete(agent_t *a, const char *user, const char *conversation)
{
    (void)a, (void)user, (void)conversation;
    return AGENT_ENOTFOUND;
}

void agent_turn_rows_free(agent_turn_row_t *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].role);
        free(v[i].text);
        free(v[i].kind);
    }
    free(v);
}

void agent_memory_clear(agent_memory_t *m)
{
    if (!m) return;
    free(m->user);
    free(m->conversation);
    free(m->text);
    memset(m, 0, sizeof *m);
}

void agent_hits_clear(agent_hit_t *hits, int n)
{
    for (int i = 0; i < n; i++) agent_memory_clear(&hits[i].mem);
}

void agent_memories_free(agent_memory_t *v, size_t n)
{
    for (size_t i = 0; i < n; i++) agent_memory_clear(&v[i]);
    free(v);
}

void agent_history_free(agent_version_t *v, size_t n)
{
    for (size_t i = 0; i < n; i++) free(v[i].text);
    free(v);
}
