/* agent.c: the agent behind the HTTP API (agent.h). It owns the store, turns text into
 * memory vectors with the lexical sketch (model/lexical.h), and keeps every memory-id
 * call inside the user it is given: another user's id is "not found". The chat turn
 * joins this file later; the memory calls here stay thin wrappers over the store. */
#include "daemon/agent.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model/lexical.h"
#include "model/tokenizer.h"

struct agent {
    store_t *st;
    atomic_int ready;
};

/* The store's codes have the same meanings as the agent's; the mapping is explicit so
 * that either may grow. */
static int from_store(int rc)
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

/* Encodes text into vec[LEX_DIM]. */
static int encode(const char *text, float *vec, char *err, size_t errlen)
{
    int rc = lex_encode(text, strlen(text), vec, err, errlen);
    if (rc == TOK_EINVAL) return AGENT_EINVAL;
    if (rc) return AGENT_ENOMEM;
    return AGENT_OK;
}

static int reencode_one(const char *text, float *out, void *ctx)
{
    char err[128];
    (void)ctx;
    return lex_encode(text, strlen(text), out, err, sizeof err);
}

agent_t *agent_new(const agent_config_t *cfg, char *err, size_t errlen)
{
    agent_t *a = calloc(1, sizeof *a);
    if (!a) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    a->st = store_open(cfg->db_path, LEX_DIM, LEX_ENCODER_ID, err, errlen);
    if (!a->st) {
        free(a);
        return NULL;
    }
    /* Memories written by another encoder are not searchable until re-encoded. */
    if (store_stale_count(a->st) > 0 &&
        store_reencode(a->st, reencode_one, NULL, NULL, err, errlen) != STORE_OK) {
        store_close(a->st);
        free(a);
        return NULL;
    }
    atomic_store(&a->ready, 1);
    return a;
}

void agent_free(agent_t *a)
{
    if (!a) return;
    store_close(a->st);
    free(a);
}

int agent_ready(const agent_t *a)
{
    return a && atomic_load(&((agent_t *)a)->ready);
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
    float *vecs = malloc(n * LEX_DIM * sizeof *vecs);
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
        if ((rc = encode(in[i].text, vecs + i * LEX_DIM, err, errlen))) goto out;
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
            .vec = vecs + i * LEX_DIM, .dim = LEX_DIM, .encoder = LEX_ENCODER_ID,
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
    float vec[LEX_DIM];
    int rc = owned(a, user, id, NULL);
    if (rc) return rc;
    if (text && (rc = encode(text, vec, err, errlen))) return rc;
    rc = from_store(store_memory_update(a->st, id, text, text ? vec : NULL, importance, err,
                                        errlen));
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
    float vec[LEX_DIM];
    int rc = encode(text, vec, err, errlen), any = 0;
    *n = 0;
    if (rc) return rc;
    for (int i = 0; i < LEX_DIM && !any; i++) any = vec[i] != 0.0f;
    if (!any) return AGENT_OK;          /* nothing to match on: no results, not noise */
    store_query_t q = *q_without_vec;
    q.vec = vec;
    rc = from_store(store_search(a->st, &q, 1, hits, n, err, errlen));
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
    return from_store(store_user_delete(a->st, user, removed));
}
