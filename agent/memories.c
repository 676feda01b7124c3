/* memories.c: the agent's memory calls (agent.h): create, read, update, delete,
 * history, search, list, export and delete a user. Each keeps a memory id inside the
 * user it is given (another user's id is "not found", never "forbidden"), and hands the
 * caller the agent's own types, moved out of the store's. */
#include "agent/agent_internal.h"
#include "model/lexical.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(AGENT_MAX_K == STORE_MAX_K, "a search's k is the store's to bound");
_Static_assert(AGENT_ID_MAX == STORE_ID_MAX, "the ids an import keeps are the store's to bound");

/* ---- the store's rows as the agent's types (owned strings move) ------------------- */

/* Moves m's strings into out and releases the rest of m (its vector). */
void agent_memory_from_store(agent_memory_t *out, store_memory_t *m)
{
    *out = (agent_memory_t){.id = m->id, .user = m->user, .conversation = m->conversation,
                            .text = m->text, .created_ms = m->created_ms,
                            .updated_ms = m->updated_ms, .last_used_ms = m->last_used_ms,
                            .use_count = m->use_count, .importance = m->importance,
                            .superseded_by = m->superseded_by};
    m->user = m->conversation = m->text = NULL;
    store_memory_clear(m);
}

void agent_memory_clear(agent_memory_t *m)
{
    if (!m) return;
    free(m->user);
    free(m->conversation);
    free(m->text);
    memset(m, 0, sizeof *m);
}

void agent_memories_free(agent_memory_t *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++) agent_memory_clear(&v[i]);
    free(v);
}

void agent_history_free(agent_version_t *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++) free(v[i].text);
    free(v);
}

void agent_hits_clear(agent_hit_t *hits, int n)
{
    for (int i = 0; hits && i < n; i++) agent_memory_clear(&hits[i].mem);
}

/* ---- the calls --------------------------------------------------------------------- */

int agent_memory_create(agent_t *a, const char *user, const agent_memory_in_t *in, size_t n,
                        int64_t *ids, char *err, size_t errlen)
{
    int rc = AGENT_OK;
    int64_t *given = NULL, taken = 0;
    size_t ngiven = 0;
    if (!user || !in || n == 0) {
        snprintf(err, errlen, "no user or no memories");
        return AGENT_EINVAL;
    }
    /* Refused before encoding when it cannot fit; the store's check, in the write's
     * transaction, is the one that holds when writers race. */
    store_usage_t u;
    char why[96];
    snprintf(why, sizeof why, "%zu more memor%s would pass the memory quota", n,
             n == 1 ? "y" : "ies");
    if (store_usage_get(a->st, user, &u) == STORE_OK && u.max_memories &&
        u.memories + (int64_t)n > u.max_memories)
        return agent_quota_message(a, user, why, err, errlen);
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
        if (in[i].id < 0 || in[i].id > AGENT_ID_MAX) {
            snprintf(err, errlen, "id %lld is outside 1..%lld", (long long)in[i].id,
                     (long long)AGENT_ID_MAX);
            rc = AGENT_EINVAL;
            goto out;
        }
        nm[i] = (store_new_memory_t){
            .user = user, .conversation = in[i].conversation, .text = in[i].text,
            .vec = vecs + i * dim, .dim = a->dim, .encoder = a->encoder,
            .importance = in[i].importance, .created_ms = in[i].created_ms, .id = in[i].id};
    }
    /* An existing id is a conflict whoever owns it, with the same words (the store's
     * UNIQUE constraint says it too when a concurrent write took the id meanwhile). */
    for (size_t i = 0; i < n; i++)
        if (in[i].id > 0) ngiven++;
    if (ngiven) {
        if (!(given = malloc(ngiven * sizeof *given))) {
            rc = AGENT_ENOMEM;
            goto out;
        }
        ngiven = 0;
        for (size_t i = 0; i < n; i++)
            if (in[i].id > 0) given[ngiven++] = in[i].id;
        if ((rc = agent_from_store(store_memory_ids_taken(a->st, given, ngiven, &taken))))
            goto out;
        if (taken) {
            snprintf(err, errlen, "id %lld already exists", (long long)taken);
            rc = AGENT_ECONFLICT;
            goto out;
        }
    }
    rc = agent_from_store(store_memory_add(a->st, nm, n, ids, err, errlen));
    if (rc == AGENT_EQUOTA) agent_quota_message(a, user, why, err, errlen);
out:
    free(given);
    free(nm);
    free(vecs);
    return rc;
}

int agent_memory_ids_taken(agent_t *a, const int64_t *ids, size_t n, int64_t *taken)
{
    return agent_from_store(store_memory_ids_taken(a->st, ids, n, taken));
}

int agent_memory_forget_ids(agent_t *a, const int64_t *ids, size_t n, char *err,
                            size_t errlen)
{
    return agent_from_store(store_memory_forget(a->st, ids, n, err, errlen));
}

/* AGENT_OK when id exists and belongs to user (NULL: anyone's); never tells a caller
 * that another user's id exists. */
static int owned(agent_t *a, const char *user, int64_t id, agent_memory_t *out)
{
    store_memory_t m = {0};
    int rc = store_memory_get(a->st, id, 0, &m);
    if (rc == STORE_OK && user && (!m.user || strcmp(m.user, user) != 0)) rc = STORE_ENOTFOUND;
    if (rc == STORE_OK && out)
        agent_memory_from_store(out, &m);
    else
        store_memory_clear(&m);
    return agent_from_store(rc);
}

int agent_memory_get(agent_t *a, const char *user, int64_t id, agent_memory_t *out)
{
    return owned(a, user, id, out);
}

int agent_memory_update(agent_t *a, const char *user, int64_t id, const char *text,
                        double importance, agent_memory_t *out, char *err, size_t errlen)
{
    int rc = owned(a, user, id, NULL);
    if (rc) return rc;
    float *vec = text ? malloc((size_t)a->dim * sizeof *vec) : NULL;
    if (text && !vec) return AGENT_ENOMEM;
    if (text && (rc = agent_encode(a, text, vec, err, errlen))) {
        free(vec);
        return rc;
    }
    rc = agent_from_store(store_memory_update(a->st, id, text, vec, importance, err, errlen));
    free(vec);
    if (rc || !out) return rc;
    return owned(a, NULL, id, out);
}

int agent_memory_delete(agent_t *a, const char *user, int64_t id)
{
    int rc = owned(a, user, id, NULL);
    return rc ? rc : agent_from_store(store_memory_delete(a->st, id));
}

int agent_memory_history(agent_t *a, const char *user, int64_t id, agent_version_t **out,
                         size_t *n)
{
    store_version_t *v = NULL;
    *out = NULL;
    *n = 0;
    int rc = owned(a, user, id, NULL);
    if (!rc) rc = agent_from_store(store_memory_history(a->st, id, &v, n));
    if (!rc && !(*out = calloc(*n + 1, sizeof **out))) rc = AGENT_ENOMEM;
    for (size_t i = 0; !rc && i < *n; i++) {
        (*out)[i] = (agent_version_t){v[i].text, v[i].valid_until_ms, v[i].superseded_by};
        v[i].text = NULL;
    }
    store_history_free(v, *n);
    if (rc) *n = 0;
    return rc;
}

int agent_memory_search(agent_t *a, const agent_search_t *q, const char *text,
                        agent_hit_t *hits, int *n, char *err, size_t errlen)
{
    float *vec = malloc((size_t)a->dim * sizeof *vec);
    store_hit_t *sh = calloc((size_t)(q->k > 0 ? q->k : 1), sizeof *sh);
    char *words = NULL;     /* the bm25 leg's text: the query's stopwords blanked */
    int rc = AGENT_OK, got = 0, any = 0;
    *n = 0;
    if (!vec || !sh) {
        rc = AGENT_ENOMEM;
        goto out;
    }
    if ((rc = agent_encode(a, text, vec, err, errlen))) goto out;
    for (int i = 0; i < a->dim && !any; i++) any = vec[i] != 0.0f;
    if (!any) goto out;                 /* nothing to match on: no results, not noise */
    _Static_assert(AGENT_LEG_BM25 == STORE_LEG_BM25 && AGENT_LEG_DENSE == STORE_LEG_DENSE,
                   "agent.h and store.h name the search legs alike");
    if (!(words = lex_query_text(text))) {
        rc = AGENT_ENOMEM;
        goto out;
    }
    store_query_t sq = {.user = q->user, .vec = vec, .k = q->k, .since_ms = q->since_ms,
                        .until_ms = q->until_ms, .conversation = q->conversation,
                        .text = words, .legs = q->legs, .prefer_recent = q->prefer_recent};
    if ((rc = agent_from_store(store_search(a->st, &sq, 1, sh, &got, err, errlen)))) goto out;
    /* Hits come best first, each a candidate of the bm25 leg (it shares a word with the
     * query) or of the dense one (its score is above 0); the fused score of the last
     * candidate of a list may be 0, so it is not the test. A memory that shares nothing
     * with the query is not a result, however few the better ones are. */
    while (*n < got && (sh[*n].rank_bm25 || sh[*n].rank_dense)) {
        hits[*n].score = sh[*n].score;
        hits[*n].rank_bm25 = sh[*n].rank_bm25;
        hits[*n].rank_dense = sh[*n].rank_dense;
        hits[*n].rank_recency = sh[*n].rank_recency;
        hits[*n].context = sh[*n].context;
        agent_memory_from_store(&hits[*n].mem, &sh[*n].mem);
        (*n)++;
    }
out:
    store_hits_clear(sh, got);
    free(sh);
    free(vec);
    free(words);
    return rc;
}

int agent_memory_list(agent_t *a, const agent_page_t *p, agent_memory_t **out, size_t *n,
                      int64_t *next_cursor)
{
    store_page_t sp = {.user = p->user, .since_ms = p->since_ms, .until_ms = p->until_ms,
                       .conversation = p->conversation, .cursor = p->cursor,
                       .limit = p->limit};
    store_memory_t *v = NULL;
    *out = NULL;
    int rc = agent_from_store(store_memory_list(a->st, &sp, &v, n, next_cursor));
    if (!rc && !(*out = calloc(*n + 1, sizeof **out))) rc = AGENT_ENOMEM;
    for (size_t i = 0; !rc && i < *n; i++) agent_memory_from_store(&(*out)[i], &v[i]);
    store_memories_free(v, *n);   /* what is left of its rows after the moves */
    if (rc) *n = 0;
    return rc;
}

int agent_user_export_page(agent_t *a, const char *user, int64_t after, int limit,
                           agent_memory_t **out, size_t *n)
{
    store_memory_t *v = NULL;
    *out = NULL;
    int rc = agent_from_store(store_memory_after(a->st, user, after, limit, &v, n));
    if (!rc && !(*out = calloc(*n + 1, sizeof **out))) rc = AGENT_ENOMEM;
    for (size_t i = 0; !rc && i < *n; i++) agent_memory_from_store(&(*out)[i], &v[i]);
    store_memories_free(v, *n);
    if (rc) *n = 0;
    return rc;
}

int agent_user_delete(agent_t *a, const char *user, int64_t *removed)
{
    int rc = agent_from_store(store_user_delete(a->st, user, removed));
    /* Its conversations went too: every working memory restores itself again. */
    atomic_fetch_add(&a->gen, 1);
    return rc;
}
