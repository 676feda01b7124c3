/* agent.c: the agent behind the HTTP API (agent.h): its life (store, model, working
 * memories), the encoder that turns text into memory vectors (the lexical sketch of
 * model/lexical.h, joined by the sentence encoder's vector, or else the model's, when
 * one is loaded) and its figures. The memory calls live in memories.c, the chat turn in turn.c. */
#include "agent/agent_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model/act.h"
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
    case STORE_EQUOTA: return AGENT_EQUOTA;
    default: return AGENT_EIO;
    }
}
#define from_store agent_from_store

int agent_from_model(int rc)
{
    switch (rc) {
    case MODEL_OK: return AGENT_OK;
    case MODEL_EINVAL: return AGENT_EINVAL;
    default: return AGENT_ENOMEM;
    }
}

/* vec [a->dim] = [sqrt(w) * sketch [LEX_DIM] ; sqrt(1 - w) * sentence vector [D]]: each
 * part unit length (or zero), so the dot product of two vectors is w times the lexical
 * cosine plus (1 - w) times the learned one. */
int agent_encode_tokens(const agent_t *a, const tok_list_t *toks, float *vec, char *err,
                        size_t errlen)
{
    if (lex_encode_tokens(toks, vec) != 0) {
        snprintf(err, errlen, "out of memory");
        return AGENT_ENOMEM;
    }
    if (a->senc) {
        if (senc_encode_tokens(a->senc, toks, vec + LEX_DIM) != 0) {
            snprintf(err, errlen, "out of memory");
            return AGENT_ENOMEM;
        }
    } else if (a->model) {
        int rc = model_encode_tokens(a->model, toks, vec + LEX_DIM, err, errlen);
        if (rc) return agent_from_model(rc);
    } else {
        return AGENT_OK;
    }
    for (int i = 0; i < LEX_DIM; i++) vec[i] *= a->wlex;
    for (int i = LEX_DIM; i < a->dim; i++) vec[i] *= a->wlearn;
    return AGENT_OK;
}

int agent_encode(const agent_t *a, const char *text, float *vec, char *err, size_t errlen)
{
    tok_list_t toks = {0};
    int rc = tok_split(text, strlen(text), &toks, err, errlen);
    if (rc == TOK_EINVAL) return AGENT_EINVAL;     /* err says where */
    if (rc != TOK_OK) {
        snprintf(err, errlen, "out of memory");
        return AGENT_ENOMEM;
    }
    rc = agent_encode_tokens(a, &toks, vec, err, errlen);
    tok_list_free(&toks);
    return rc;
}

/* w is part of the vector, so it is part of the id, always: an id without it was
 * written before this rule, when the weight was left out at the compiled default (then
 * 0.5), so it reads as "/w=0.5" and differs from every id written now: such memories
 * are stale and re-encoded once at start. */
void agent_encoder_id(char *buf, size_t len, const char *model_tag, double w)
{
    if (model_tag)
        snprintf(buf, len, "%s+%s/w=%g", LEX_ENCODER_ID, model_tag, w);
    else
        snprintf(buf, len, "%s", LEX_ENCODER_ID);  /* the sketch alone: w weighs nothing */
}

static int reencode_one(const char *text, float *out, void *ctx)
{
    char err[128];
    return agent_encode(ctx, text, out, err, sizeof err);
}

model_t *agent_model_load(const char *path, char *err, size_t errlen)
{
    return model_load(path, err, errlen);
}

void agent_model_free(model_t *m)
{
    model_free(m);
}

const char *agent_model_about(const model_t *m, char *buf, size_t len)
{
    snprintf(buf, len, "tag %s, sentence vectors of %d", model_tag(m), model_dim(m));
    return buf;
}

senc_t *agent_encoder_load(const char *path, char *err, size_t errlen)
{
    return senc_load(path, err, errlen);
}

void agent_encoder_free(senc_t *s)
{
    senc_free(s);
}

const char *agent_encoder_about(const senc_t *s, char *buf, size_t len)
{
    snprintf(buf, len, "tag %s, vectors of %d", s->tag, s->cfg.D);
    return buf;
}

void agent_config_default(agent_config_t *cfg)
{
    *cfg = (agent_config_t){.chat_turns = AGENT_DEFAULT_TURNS,
                            .chat_memories = AGENT_DEFAULT_MEMORIES,
                            .chat_duplicate = AGENT_DEFAULT_DUPLICATE,
                            .lexical_weight = AGENT_LEXICAL_WEIGHT,
                            .encoder_lexical_weight = AGENT_ENCODER_LEXICAL_WEIGHT,
                            .limits = {AGENT_DEFAULT_WORKING_MEMORY_BYTES,
                                       AGENT_DEFAULT_MAX_MEMORIES_PER_USER,
                                       AGENT_DEFAULT_MAX_CONVERSATIONS_PER_USER}};
}

int agent_set_limits(agent_t *a, const agent_limits_t *l)
{
    if (l->max_memories_per_user < 0 || l->max_conversations_per_user < 0)
        return AGENT_EINVAL;
    wm_set_max_bytes(a->wm, l->working_memory_bytes ? l->working_memory_bytes
                                                    : AGENT_DEFAULT_WORKING_MEMORY_BYTES);
    return from_store(store_set_quotas(a->st, l->max_memories_per_user,
                                       l->max_conversations_per_user));
}

int agent_quota_message(agent_t *a, const char *user, const char *why, char *err,
                        size_t errlen)
{
    store_usage_t u;
    if (store_usage_get(a->st, user, &u) != STORE_OK) {
        snprintf(err, errlen, "%s", why);
        return AGENT_EQUOTA;
    }
    char mem[32] = "no quota", conv[32] = "no quota";
    if (u.max_memories) snprintf(mem, sizeof mem, "quota %lld", (long long)u.max_memories);
    if (u.max_conversations)
        snprintf(conv, sizeof conv, "quota %lld", (long long)u.max_conversations);
    snprintf(err, errlen, "%s: user '%s' has %lld memories (%s) and %lld conversations (%s); "
             "nothing was written", why, user, (long long)u.memories, mem,
             (long long)u.conversations, conv);
    return AGENT_EQUOTA;
}

agent_t *agent_new(const agent_config_t *cfg, char *err, size_t errlen)
{
    agent_t *a = calloc(1, sizeof *a);
    if (!a) {
        model_free(cfg->model);
        senc_free(cfg->encoder);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    pthread_mutex_init(&a->sess_mu, NULL);
    model_blas_single();        /* the model and the index run inside request threads */
    act_fast_tanh(1);           /* inference only: training keeps tanhf (model/act.h) */
    a->model = cfg->model;
    a->senc = cfg->encoder;
    double w = a->senc ? cfg->encoder_lexical_weight : cfg->lexical_weight;
    w = w < 0 ? 0 : w > 1 ? 1 : w;
    a->wlex = (float)sqrt(w);
    a->wlearn = (float)sqrt(1 - w);
    a->turns = cfg->chat_turns > 0 ? cfg->chat_turns : 64;
    if (a->turns > STORE_ATTENTION_MAX)     /* a turn stores one attention entry for each */
        a->turns = STORE_ATTENTION_MAX;
    a->memories = cfg->chat_memories >= 0 ? cfg->chat_memories : 16;
    a->duplicate = cfg->chat_duplicate;
    char learned[32] = "";
    if (a->senc) {
        snprintf(learned, sizeof learned, "senc-%s", a->senc->tag);
        a->dim = LEX_DIM + a->senc->cfg.D;
    } else if (a->model) {
        snprintf(learned, sizeof learned, "%s", model_tag(a->model));
        a->dim = LEX_DIM + model_dim(a->model);
    } else {
        a->dim = LEX_DIM;
    }
    agent_encoder_id(a->encoder, sizeof a->encoder, learned[0] ? learned : NULL, w);
    if (!(a->wm = wm_new(a->turns, AGENT_DEFAULT_WORKING_MEMORY_BYTES)) ||
        !(a->known = known_new())) {
        snprintf(err, errlen, "out of memory");
        goto fail;
    }
    if (!(a->st = store_open(cfg->db_path, a->dim, a->encoder, err, errlen)))
        goto fail;
    if (agent_set_limits(a, &cfg->limits) != AGENT_OK) {
        snprintf(err, errlen, "cannot set the limits (a negative quota?)");
        goto fail;
    }
    if (a->dim > LEX_DIM && store_set_lexical_dims(a->st, LEX_DIM) != STORE_OK) {
        snprintf(err, errlen, "cannot set the lexical dimensions");
        goto fail;
    }
    if (store_set_length_pivot(a->st, STORE_LENGTH_PIVOT) != STORE_OK ||
        store_set_bm25(a->st, STORE_BM25_K1, STORE_BM25_B) != STORE_OK ||
        store_set_context_weight(a->st, STORE_CONTEXT_WEIGHT) != STORE_OK) {
        snprintf(err, errlen, "cannot set the length pivot, the bm25 constants or the "
                              "neighbour weight");
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
    known_free(a->known);
    for (size_t i = 0; i < a->nidle; i++) model_session_free(a->idle[i]);
    free(a->idle);
    model_free(a->model);
    senc_free(a->senc);
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
    wm_stats_t w;
    wm_stats(a->wm, &w);
    out->wm_conversations = w.conversations;
    out->wm_bytes = w.bytes;
    out->wm_max_bytes = w.max_bytes;
    out->wm_evictions = w.evictions;
}
