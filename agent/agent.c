/* agent.c: the agent behind the HTTP API (agent.h): its life (store, model, working
 * memories), the encoder that turns text into memory vectors (the lexical sketch of
 * model/lexical.h, joined by the model's sentence vector when one is loaded), and the
 * memory calls, which keep every memory id inside the user they are given: another
 * user's id is "not found". The chat turn lives in turn.c. */
#include "agent/agent_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model/lexical.h"
#include "model/tokenizer.h"

/* The store's codes have the same meanings as the agent's; the mapping is explicit so
 * that either may grow. */
int agent_from_store(int rc)
{
    switch (rc) {
    case STORE_OK: return AGENT_OK;
    case STORE_ENOTFOUND: return AGENT_ENOTFOUND;
    case STORE_EINVAL: return AGENT_EINVAL;
    case STORE_ENOMEM: return AGENT_ENOMEM;
    case STORE_ECONFLICT: return AGENT_ECONFLICT;
    default: return AGENT_EIO;
    }
}
#define from_store agent_from_store

/* vec [a->dim] = [sqrt(w) * sketch [LEX_DIM] ; sqrt(1 - w) * sentence vector [D]]: each
 * part unit length (or zero), so the dot product of two vectors is w times the lexical
 * cosine plus (1 - w) times the learned one. */
int agent_encode(const agent_t *a, const char *text, float *vec, char *err, size_t errlen)
{
    int rc = lex_encode(text, strlen(text), vec, err, errlen);
    if (rc == TOK_EINVAL) return AGENT_EINVAL;
    if (rc) {
        snprintf(err, errlen, "out of memory");
        return AGENT_ENOMEM;
    }
    if (!a->model) return AGENT_OK;
    if (model_encode(a->model, text, vec + LEX_DIM, err, errlen) != 0) return AGENT_ENOMEM;
    for (int i = 0; i < LEX_DIM; i++) vec[i] *= a->wlex;
    for (int i = LEX_DIM; i < a->dim; i++) vec[i] *= a->wlearn;
    return AGENT_OK;
}

static int reencode_one(const char *text, float *out, void *ctx)
{
    char err[128];
    return agent_encode(ctx, text, out, err, sizeof err);
}

void agent_config_default(agent_config_t *cfg)
{
    *cfg = (agent_config_t){.chat_turns = AGENT_DEFAULT_TURNS,
                            .chat_memories = AGENT_DEFAULT_MEMORIES,
                            .chat_duplicate = AGENT_DEFAULT_DUPLICATE,
                            .lexical_weight = AGENT_LEXICAL_WEIGHT};
}

agent_t *agent_new(const agent_config_t *cfg, char *err, size_t errlen)
{
    agent_t *a = calloc(1, sizeof *a);
    if (!a) {
        model_free(cfg->model);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    pthread_mutex_init(&a->sess_mu, NULL);
    a->model = cfg->model;
    double w = cfg->lexical_weight < 0 ? 0 : cfg->lexical_weight > 1 ? 1 : cfg->lexical_weight;
    a->wlex = (float)sqrt(w);
    a->wlearn = (float)sqrt(1 - w);
    a->turns = cfg->chat_turns > 0 ? cfg->chat_turns : 64;
    a->memories = cfg->chat_memories >= 0 ? cfg->chat_memories : 16;
    a->duplicate = cfg->chat_duplicate;
    a->dim = LEX_DIM;
    snprintf(a->encoder, sizeof a->encoder, "%s", LEX_ENCODER_ID);
    if (a->model) {
        a->dim += model_dim(a->model);
        /* w is part of the vector: another weight is another encoder. */
        if (w == AGENT_LEXICAL_WEIGHT)
            snprintf(a->encoder, sizeof a->encoder, "%s+%s", LEX_ENCODER_ID,
                     model_tag(a->model));
        else
            snprintf(a->encoder, sizeof a->encoder, "%s+%s/w=%g", LEX_ENCODER_ID,
                     model_tag(a->model), w);
    }
    if (!(a->wm = wm_new(a->turns, 0))) {
        snprintf(err, errlen, "out of memory");
        goto fail;
    }
    if (!(a->st = store_open(cfg->db_path, a->dim, a->encoder, err, errlen)))
        goto fail;
    if (a->model && store_set_lexical_dims(a->st, LEX_DIM) != STORE_OK) {
        snprintf(err, errlen, "cannot set the lexical dimensions");
        goto fail;
    }
    /* Memories written by another encoder are not searchable until re-encoded. */
    if (store_stale_count(a->st) > 0 &&
        store_reencode(a->st, reencode_one, a, NULL, err, errlen) != STORE_OK)
        goto fail;
    atomic_store(&a->ready, 1);
    return a;
fail:
    agent_free(a);
    return NULL;
}

void agent_free(agent_t *a)
{
    if (!a) return;
    store_close(a->st);
    wm_free(a->wm);
    for (size_t i = 0; i < a->nidle; i++) model_session_free(a->idle[i]);
    free(a->idle);
    model_free(a->model);
    pthread_mutex_destroy(&a->sess_mu);
    free(a);
}

int agent_ready(const agent_t *a)
{
    return a && atomic_load(&((agent_t *)a)->ready);
}

const char *agent_model_tag(const agent_t *a)
{
    return a->model ? model_tag(a->model) : NULL;
}

void agent_stats(agent_t *a, agent_stats_t *out)
{
    out->memories = store_memory_count(a->st);
    out->users = store_user_count(a->st);
    out->index_bytes = store_index_bytes(a->st);
    out->db_bytes = store_db_bytes(a->st);
}

store_t *agent_store(agent_t *a)
{
    return a->st;
}

int agent_memory_create(agent_t *a, const char *user, const agent_memory_in_t *in, size_t n,
                        int64_t *ids, char *err, size_t errlen)
{
    int rc = AGENT_OK;
    if (!user || !in || n == 0) {
        snprintf(err, errlen, "no user or no memories");
        return AGENT_EINVAL;
    }
    size_t dim = (size_t)a->dim;
    float *vecs = malloc(n * dim * sizeof *vecs);
    store_new_memory_t *nm = calloc(n, sizeof *nm);
    if (!vecs || !nm) {
        rc = AGENT_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        if (!in[i].text) {
            snprintf(err, errlen, "memory %zu has no text", i);
            rc = AGENT_EINVAL;
            goto out;
        }
        if ((rc = agent_encode(a, in[i].text, vecs + i * dim, err, errlen))) goto out;
        if (in[i].id > 0) {         /* import: an existing id is a conflict, whoever owns it */
            store_memory_t old = {0};
            int got = store_memory_get(a->st, in[i].id, 0, &old);
            store_memory_clear(&old);
            if (got == STORE_OK) {
                snprintf(err, errlen, "memory id %lld already exists", (long long)in[i].id);
                rc = AGENT_ECONFLICT;
                goto out;
            }
        }
        nm[i] = (store_new_memory_t){
            .user = user, .conversation = in[i].conversation, .text = in[i].text,
            .vec = vecs + i * dim, .dim = a->dim, .encoder = a->encoder,
            .importance = in[i].importance, .created_ms = in[i].created_ms, .id = in[i].id};
    }
    rc = from_store(store_memory_add(a->st, nm, n, ids, err, errlen));
out:
    free(nm);
    free(vecs);
    return rc;
}

/* AGENT_OK when id exists and belongs to user (NULL: anyone's); never tells a caller
 * that another user's id exists. */
static int owned(agent_t *a, const char *user, int64_t id, store_memory_t *out)
{
    store_memory_t m = {0};
    int rc = store_memory_get(a->st, id, 0, &m);
    if (rc == STORE_OK && user && (!m.user || strcmp(m.user, user) != 0)) rc = STORE_ENOTFOUND;
    if (rc == STORE_OK && out)
        *out = m;
    else
        store_memory_clear(&m);
    return from_store(rc);
}

int agent_memory_get(agent_t *a, const char *user, int64_t id, store_memory_t *out)
{
    return owned(a, user, id, out);
}

int agent_memory_update(agent_t *a, const char *user, int64_t id, const char *text,
                        double importance, store_memory_t *out, char *err, size_t errlen)
{
    int rc = owned(a, user, id, NULL);
    if (rc) return rc;
    float *vec = text ? malloc((size_t)a->dim * sizeof *vec) : NULL;
    if (text && !vec) return AGENT_ENOMEM;
    if (text && (rc = agent_encode(a, text, vec, err, errlen))) {
        free(vec);
        return rc;
    }
    rc = from_store(store_memory_update(a->st, id, text, vec, importance, err, errlen));
    free(vec);
    if (rc || !out) return rc;
    return from_store(store_memory_get(a->st, id, 0, out));
}

int agent_memory_delete(agent_t *a, const char *user, int64_t id)
{
    int rc = owned(a, user, id, NULL);
    return rc ? rc : from_store(store_memory_delete(a->st, id));
}

int agent_memory_history(agent_t *a, const char *user, int64_t id, store_version_t **out,
                         size_t *n)
{
    int rc = owned(a, user, id, NULL);
    return rc ? rc : from_store(store_memory_history(a->st, id, out, n));
}

int agent_memory_search(agent_t *a, const store_query_t *q_without_vec, const char *text,
                        store_hit_t *hits, int *n, char *err, size_t errlen)
{
    float *vec = malloc((size_t)a->dim * sizeof *vec);
    *n = 0;
    if (!vec) return AGENT_ENOMEM;
    int rc = agent_encode(a, text, vec, err, errlen), any = 0;
    for (int i = 0; !rc && i < a->dim && !any; i++) any = vec[i] != 0.0f;
    if (rc || !any) {                   /* nothing to match on: no results, not noise */
        free(vec);
        return rc;
    }
    store_query_t q = *q_without_vec;
    q.vec = vec;
    rc = from_store(store_search(a->st, &q, 1, hits, n, err, errlen));
    free(vec);
    if (rc) return rc;
    /* Hits come best first; one that shares nothing with the query (score <= 0) is not
     * a result, however few the better ones are. */
    int keep = 0;
    while (keep < *n && hits[keep].score > 0.0f) keep++;
    store_hits_clear(hits + keep, *n - keep);
    *n = keep;
    return AGENT_OK;
}

int agent_memory_list(agent_t *a, const store_page_t *p, store_memory_t **out, size_t *n,
                      int64_t *next_cursor)
{
    return from_store(store_memory_list(a->st, p, out, n, next_cursor));
}

int agent_user_export(agent_t *a, const char *user, store_each_fn fn, void *ctx)
{
    /* fn's nonzero value comes back as is: callers return AGENT_* codes from it. */
    int rc = store_memory_each(a->st, user, fn, ctx);
    return rc > 0 ? AGENT_EIO : rc;
}

int agent_user_delete(agent_t *a, const char *user, int64_t *removed)
{
    int rc = from_store(store_user_delete(a->st, user, removed));
    /* Its conversations went too: every working memory restores itself again. */
    atomic_fetch_add(&a->gen, 1);
    return rc;
}
