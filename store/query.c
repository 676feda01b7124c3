/* query.c: reading many memories: top-k search (the index's scan under the read lock,
 * then, in one read transaction, the candidates' vectors for the exact ranking and the
 * rows from SQLite), pages newest first, the oldest-first walk and pages used by export,
 * and forgetting a user (then checkpointing the WAL, so that nothing of theirs stays in
 * it). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

/* Rows fetched per lock hold by store_memory_each. */
#define EACH_BATCH 256
/* How far, in ids, a memory's neighbours are looked for (index_row_neighbours): a
 * conversation's memories written back to back are a few ids apart at most. */
#define CONTEXT_SPAN 8

/* A candidate of a search with text: its place in each list and its fused score. */
typedef struct cand {
    int64_t id, created;
    float dense;            /* the vector index's score (0 when not its candidate) */
    float lists;            /* the sum of its normalized scores in the lists */
    float context;          /* what its neighbours lent (add_context) */
    float fused;
    int rank[3];            /* bm25, dense, recency; 1-based, 0 = absent */
} cand_t;

static int by_created(const void *a, const void *b)
{
    const cand_t *x = a, *y = b;
    return x->created != y->created ? (x->created < y->created ? 1 : -1)
                                    : (x->id < y->id) - (x->id > y->id);
}

static int by_id(const void *a, const void *b)
{
    const cand_t *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

static int by_fused(const void *a, const void *b)
{
    const cand_t *x = a, *y = b;
    return x->fused != y->fused ? (x->fused < y->fused ? 1 : -1)
                                : (x->id < y->id) - (x->id > y->id);
}

/* fetch_vecs's context: the store and the SQLite failure, if one stopped it. */
typedef struct vec_reader {
    store_t *st;
    int src;
} vec_reader_t;

/* index_fetch_fn for the ranking, with st->mu held inside a read transaction: the
 * vectors of ids from SQLite (a row gone, or of another dim, is not found). */
static int fetch_vecs(void *ctx, const int64_t *ids, int n, float *vecs, unsigned char *found)
{
    vec_reader_t *vr = ctx;
    store_t *st = vr->st;
    sqlite3_stmt *s = stmt_get(st, S_MEM_VEC);
    size_t bytes = (size_t)st->dim * sizeof(float);
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        int b = SQLITE_OK;
        store_bind_int64(s, 1, ids[i], &b);
        int src = store_step(s, b);
        found[i] = 0;
        if (src == SQLITE_ROW) {
            const void *blob = sqlite3_column_blob(s, 1);
            if (sqlite3_column_int(s, 0) == st->dim && blob &&
                (size_t)sqlite3_column_bytes(s, 1) == bytes) {
                memcpy(vecs + (size_t)i * (size_t)st->dim, blob, bytes);
                found[i] = 1;
            }
        } else if (src != SQLITE_DONE) {
            vr->src = src;
            rc = -1;
        }
        stmt_done(s);
    }
    return rc;
}

/* Reads the rows of c[0..got) into hits, with st->mu held: a memory deleted since the
 * scan is skipped, and a conversation hash collision is caught by comparing the names.
 * With the text leg (cosines), each hit's plain cosine comes from its vector read here;
 * else it is ih[i]'s. *filled receives how many. A store code. */
static int fetch_rows(store_t *st, const store_query_t *q, const cand_t *c, int got,
                      const index_hit_t *ih, int cosines, store_hit_t *hits, int *filled,
                      char *err, size_t errlen)
{
    sqlite3_stmt *s = stmt_get(st, S_MEM_GET);
    int rc = STORE_OK;
    for (int i = 0; i < got && rc == STORE_OK; i++) {
        int b = SQLITE_OK;
        store_bind_int64(s, 1, c[i].id, &b);
        int src = store_step(s, b);
        if (src == SQLITE_ROW) {
            store_hit_t *h = &hits[*filled];
            if ((rc = store_row_memory(s, cosines, &h->mem)) == STORE_OK) {
                if (q->conversation && (!h->mem.conversation ||
                                        strcmp(h->mem.conversation, q->conversation) != 0)) {
                    store_memory_clear(&h->mem);
                } else {
                    h->score = c[i].fused;
                    h->cosine = !cosines ? ih[i].cosine
                                : h->mem.vec && h->mem.dim == st->dim
                                    ? index_cosine(q->vec, h->mem.vec, st->dim)
                                    : 0.0f;
                    free(h->mem.vec);       /* hits come without vectors */
                    h->mem.vec = NULL;
                    h->mem.dim = 0;
                    h->rank_bm25 = c[i].rank[0];
                    h->rank_dense = c[i].rank[1];
                    h->rank_recency = c[i].rank[2];
                    h->context = c[i].context;
                    (*filled)++;
                }
            } else {
                store_errf(err, errlen, "out of memory");
            }
        } else if (src != SQLITE_DONE) {
            rc = store_sqlerr(st, src, err, errlen, "reading search hits");
        }
        stmt_done(s);
    }
    return rc;
}

/* The min-max normalized score of x in a list whose scores span [lo, hi]: 0 at its
 * lowest, 1 at its highest, 1 for every one of a list whose scores are all equal. */
static float unit(double x, double lo, double hi)
{
    return hi > lo ? (float)((x - lo) / (hi - lo)) : 1.0f;
}

/* The lists' sum of the candidate id among c[0..n) (sorted by id), 0 when it is none. */
static float lists_of(const cand_t *c, int n, int64_t id)
{
    cand_t key = {.id = id};
    const cand_t *f = id ? bsearch(&key, c, (size_t)n, sizeof(*c), by_id) : NULL;
    return f ? f->lists : 0.0f;
}

/* Adds to each candidate's fused score w times the larger lists' sum of its neighbours
 * among c[0..n) (store_set_context_weight); c is left sorted by id. Under the index's
 * read lock. */
static void add_context(const store_t *st, cand_t *c, int n, float w)
{
    qsort(c, (size_t)n, sizeof(*c), by_id);
    for (int i = 0; i < n; i++) {
        int64_t prev, next;
        if (index_row_neighbours(st->ix, c[i].id, CONTEXT_SPAN, &prev, &next) != 0)
            continue;
        float a = lists_of(c, n, prev), b = lists_of(c, n, next);
        c[i].context = w * (a > b ? a : b);
        c[i].fused += c[i].context;
    }
}

/* Merges the dense list ih[0..nd) and the bm25 list bm[0..nb) (scores bs, best first)
 * into c (room for nd + nb), fused by their normalized scores, best first; returns how
 * many. Each list's scores are min-max normalized over its own candidates, so its first
 * counts 1 and its last 0, and a candidate's fused score is the sum over the lists it
 * is in, plus context times the larger such sum of its neighbours (add_context), plus
 * with prefer_recent its creation time among all the candidates (normalized alike). A
 * bm25 score and a cosine are on scales of their own; normalized, each list's margins
 * still count, where reciprocal rank keeps only their order (docs/RETRIEVAL.md). */
static int fuse(const store_t *st, const store_query_t *q, const index_hit_t *ih, int nd,
                const int64_t *bm, const double *bs, int nb, float context, cand_t *c)
{
    int n = 0;
    for (int i = 0; i < nd; i++)
        c[n++] = (cand_t){ih[i].id, 0, ih[i].score, 0, 0, 0, {0, i + 1, 0}};
    for (int i = 0; i < nb; i++) {
        int j = 0;
        while (j < n && c[j].id != bm[i])
            j++;
        if (j == n)
            c[n++] = (cand_t){bm[i], 0, 0, 0, 0, 0, {0, 0, 0}};
        c[j].rank[0] = i + 1;
    }
    /* the spans by a pass over each list: the bm25 list interleaves the word list and
     * the CJK list (fts.c), each in its own order */
    double dhi = nd ? ih[0].score : 0, dlo = dhi, bhi = nb ? bs[0] : 0, blo = bhi;
    for (int i = 1; i < nd; i++) {
        dhi = ih[i].score > dhi ? ih[i].score : dhi;
        dlo = ih[i].score < dlo ? ih[i].score : dlo;
    }
    for (int i = 1; i < nb; i++) {
        bhi = bs[i] > bhi ? bs[i] : bhi;
        blo = bs[i] < blo ? bs[i] : blo;
    }
    for (int i = 0; i < n; i++) {
        if (c[i].rank[0])
            c[i].lists += unit(bs[c[i].rank[0] - 1], blo, bhi);
        if (c[i].rank[1])
            c[i].lists += unit(c[i].dense, dlo, dhi);
        c[i].fused = c[i].lists;
        c[i].created = index_row_created(st->ix, c[i].id);
    }
    if (context > 0)
        add_context(st, c, n, context);
    qsort(c, (size_t)n, sizeof(*c), by_created);
    double thi = n ? (double)c[0].created : 0, tlo = n ? (double)c[n - 1].created : 0;
    for (int i = 0; i < n; i++) {
        c[i].rank[2] = i + 1;
        if (q->prefer_recent)
            c[i].fused += unit((double)c[i].created, tlo, thi);
    }
    qsort(c, (size_t)n, sizeof(*c), by_fused);
    return n;
}

int store_search(store_t *st, const store_query_t *q, int idf, store_hit_t *hits, int *n,
                 char *err, size_t errlen)
{
    index_hit_t *ih = NULL;
    int64_t *bm = NULL;
    double *bs = NULL;
    cand_t *c = NULL;
    index_cands_t *ic = NULL;
    int rc = STORE_OK, nd = 0, nb = 0, nc = 0, filled = 0;
    *n = 0;
    if (!q || !q->user || !*q->user || !q->vec || !hits) {
        store_errf(err, errlen, "search needs a user, a query vector and room for hits");
        return STORE_EINVAL;
    }
    if (q->k < 1 || q->k > STORE_MAX_K) {
        store_errf(err, errlen, "k must be in 1..%d", STORE_MAX_K);
        return STORE_EINVAL;
    }
    if (!store_vec_ok(q->vec, st->dim)) {
        store_errf(err, errlen, "query vector is not finite");
        return STORE_EINVAL;
    }
    int legs = !q->text ? STORE_LEG_DENSE : q->legs ? q->legs : STORE_LEG_BM25 | STORE_LEG_DENSE;
    int want = q->depth > 0 ? q->depth : STORE_FUSE_DEPTH;
    int depth = !q->text || q->k > want ? q->k : want;
    ih = malloc((size_t)2 * depth * sizeof(*ih));
    bm = malloc((size_t)depth * sizeof(*bm));
    bs = malloc((size_t)depth * sizeof(*bs));
    c = malloc((size_t)2 * depth * sizeof(*c));
    if (!ih || !bm || !bs || !c) {
        store_errf(err, errlen, "out of memory");
        rc = STORE_ENOMEM;
        goto done;
    }
    index_filter_t f = {q->since_ms, q->until_ms,
                        q->conversation ? index_hash(q->conversation) : 0};
    if (legs & STORE_LEG_DENSE) {
        /* The scan under the index's read lock; the ranking reads SQLite, so it runs
         * under st->mu below (taking st->mu under the read lock could deadlock with a
         * writer, which holds st->mu while it waits for the write lock). */
        int src;
        pthread_rwlock_rdlock(&st->ixlock);
        ic = index_search_scan(st->ix, q->user, q->vec, depth, &f, idf, &src);
        pthread_rwlock_unlock(&st->ixlock);
        if (src < 0) {
            store_errf(err, errlen, "out of memory searching");
            rc = STORE_ENOMEM;
            goto done;
        }
    }

    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 0, err, errlen)) != STORE_OK)
        goto unlock;
    vec_reader_t vr = {st, SQLITE_OK};
    if ((nd = index_search_rank(ic, fetch_vecs, &vr, ih)) < 0) {
        nd = 0;
        if (vr.src != SQLITE_OK) {
            rc = store_sqlerr(st, vr.src, err, errlen, "reading search vectors");
        } else {
            store_errf(err, errlen, "out of memory searching");
            rc = STORE_ENOMEM;
        }
        goto end;
    }
    if (q->text && nd > 0 && st->pivot > 0) {   /* the dense leg's rows by their length */
        pthread_rwlock_rdlock(&st->ixlock);
        index_pivot(st->ix, ih, nd, st->pivot);
        pthread_rwlock_unlock(&st->ixlock);
    }
    if (!q->text) {         /* the vector index alone, scored by cosine */
        for (int i = 0; i < nd; i++)
            c[i] = (cand_t){ih[i].id, 0, ih[i].score, ih[i].score, 0, ih[i].score, {0, i + 1, 0}};
        nc = nd;
    } else {
        while (nd > 0 && ih[nd - 1].score <= 0.0f)
            nd--;           /* shares nothing with the query: not a candidate */
    }
    if (q->text && (legs & STORE_LEG_BM25) &&
        (rc = store_fts_leg_locked(st, q, bm, bs, depth, &nb, err, errlen)) != STORE_OK)
        goto end;
    if (q->text) {
        pthread_rwlock_rdlock(&st->ixlock);
        int both = legs == (STORE_LEG_BM25 | STORE_LEG_DENSE);
        nc = fuse(st, q, ih, nd, bm, bs, nb, both ? st->context : 0.0f, c);
        if (nc > q->k)
            nc = q->k;
        pthread_rwlock_unlock(&st->ixlock);
    }
    rc = fetch_rows(st, q, c, nc, ih, q->text != NULL, hits, &filled, err, errlen);
end:
    store_rollback(st);
unlock:
    pthread_mutex_unlock(&st->mu);
    if (rc != STORE_OK) {
        store_hits_clear(hits, filled);
        filled = 0;
    }
    *n = filled;
done:
    index_cands_free(ic);
    free(ih);
    free(bm);
    free(bs);
    free(c);
    return rc;
}

void store_hits_clear(store_hit_t *hits, int n)
{
    for (int i = 0; hits && i < n; i++)
        store_memory_clear(&hits[i].mem);
}

void store_memories_free(store_memory_t *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        store_memory_clear(&v[i]);
    free(v);
}

int store_collect(sqlite3_stmt *s, int brc, int layout, size_t max, store_memory_t **out,
                  size_t *n)
{
    store_memory_t *v = NULL;
    size_t len = 0, cap = 0;
    int rc = STORE_OK, src = SQLITE_DONE;
    while (rc == STORE_OK && len < max && (src = store_step(s, brc)) == SQLITE_ROW) {
        if (len == cap) {
            size_t nc = cap ? (cap < max / 2 ? cap * 2 : max) : (max < 16 ? max : 16);
            store_memory_t *nv = realloc(v, nc * sizeof(*nv));
            if (!nv) {
                rc = STORE_ENOMEM;
                break;
            }
            v = nv;
            cap = nc;
        }
        rc = layout == STORE_ROWS_FRAME ? store_row_frame(s, &v[len])
                                        : store_row_memory(s, layout == STORE_ROWS_VEC, &v[len]);
        if (rc == STORE_OK)
            len++;
    }
    if (rc == STORE_OK && src != SQLITE_ROW && src != SQLITE_DONE)
        rc = store_sqlcode(src);
    stmt_done(s);
    if (rc != STORE_OK) {
        store_memories_free(v, len);
        return rc;
    }
    *out = v;
    *n = len;
    return STORE_OK;
}

int store_memory_list(store_t *st, const store_page_t *p, store_memory_t **out, size_t *n,
                      int64_t *next_cursor)
{
    *out = NULL;
    *n = 0;
    *next_cursor = 0;
    if (!p || !p->user || p->limit < 1 || p->limit > STORE_LIST_MAX || p->cursor < 0)
        return STORE_EINVAL;
    sqlite3_stmt *s = stmt_get(st, S_MEM_LIST);
    int b = SQLITE_OK;
    pthread_mutex_lock(&st->mu);
    store_bind_text(s, 1, p->user, &b);
    store_bind_int64(s, 2, p->cursor ? p->cursor : INT64_MAX, &b);
    store_bind_int64(s, 3, p->since_ms > 0 ? p->since_ms : 0, &b);
    store_bind_int64(s, 4, p->until_ms > 0 ? p->until_ms : 0, &b);
    store_bind_text(s, 5, p->conversation, &b);
    store_bind_int64(s, 6, p->limit + 1, &b);   /* one more tells whether a next page exists */
    int rc = store_collect(s, b, 0, (size_t)p->limit + 1, out, n);
    pthread_mutex_unlock(&st->mu);
    if (rc == STORE_OK && *n > (size_t)p->limit) {
        store_memory_clear(&(*out)[--*n]);
        *next_cursor = (*out)[*n - 1].id;
    }
    return rc;
}

/* One page of the oldest-first walk: user's memories with ids above after, at most limit,
 * read in one read transaction under st->mu. */
static int page_after(store_t *st, const char *user, int64_t after, size_t limit, int with_vec,
                      store_memory_t **out, size_t *n)
{
    sqlite3_stmt *s = stmt_get(st, S_MEM_EACH);
    int b = SQLITE_OK;
    pthread_mutex_lock(&st->mu);
    store_bind_text(s, 1, user, &b);
    store_bind_int64(s, 2, after, &b);
    store_bind_int64(s, 3, (int64_t)limit, &b);
    int rc = store_collect(s, b, with_vec, limit, out, n);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

int store_memory_after(store_t *st, const char *user, int64_t after, int limit,
                       store_memory_t **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!user || limit < 1 || limit > STORE_LIST_MAX || after < 0)
        return STORE_EINVAL;
    return page_after(st, user, after, (size_t)limit, 0, out, n);
}

int store_memory_each(store_t *st, const char *user, store_each_fn fn, void *ctx)
{
    int64_t after = 0;
    if (!user || !fn)
        return STORE_EINVAL;
    /* Batches, so fn (which may write to a slow client) runs without the lock. */
    for (;;) {
        store_memory_t *v = NULL;
        size_t n = 0;
        int rc = page_after(st, user, after, EACH_BATCH, 1, &v, &n);
        if (rc != STORE_OK)
            return rc;
        for (size_t i = 0; i < n && rc == 0; i++)
            rc = fn(&v[i], ctx);
        if (n)
            after = v[n - 1].id;
        store_memories_free(v, n);
        if (rc != 0)
            return rc;
        if (n < EACH_BATCH)
            return STORE_OK;
    }
}

static int exec_user(store_t *st, enum store_stmt which, const char *user, int64_t *changes)
{
    sqlite3_stmt *s = stmt_get(st, which);
    int b = SQLITE_OK;
    store_bind_text(s, 1, user, &b);
    int src = store_step(s, b);
    stmt_done(s);
    if (changes)
        *changes = sqlite3_changes64(st->db);
    return src == SQLITE_DONE ? STORE_OK : store_sqlcode(src);
}

int store_user_delete(store_t *st, const char *user, int64_t *removed)
{
    int64_t nmem = 0, nstale = 0;
    int rc;
    if (removed)
        *removed = 0;
    if (!user || !*user)
        return STORE_EINVAL;
    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 1, NULL, 0)) != STORE_OK)
        goto unlock;
    sqlite3_stmt *s = stmt_get(st, S_MEM_USER_STALE);
    int b = SQLITE_OK;
    store_bind_text(s, 1, user, &b);
    store_bind_int64(s, 2, st->dim, &b);
    store_bind_text(s, 3, st->encoder, &b);
    int src = store_step(s, b);
    if (src == SQLITE_ROW)
        nstale = sqlite3_column_int64(s, 0);
    else
        rc = src == SQLITE_DONE ? STORE_EIO : store_sqlcode(src);
    stmt_done(s);
    /* Turns go with their conversations (ON DELETE CASCADE), history with memories. */
    if (rc != STORE_OK || (rc = exec_user(st, S_MEM_USER_DELETE, user, &nmem)) ||
        (rc = exec_user(st, S_CONV_USER_DELETE, user, NULL)) ||
        (nmem && (rc = store_fts_purge_locked(st, NULL, 0)))) {
        store_rollback(st);
        goto unlock;
    }
    if ((rc = store_commit(st, NULL, 0)) != STORE_OK)
        goto unlock;
    pthread_rwlock_wrlock(&st->ixlock);
    index_remove_user(st->ix, user);
    pthread_rwlock_unlock(&st->ixlock);
    st->nmem -= (size_t)nmem;
    st->nstale -= (size_t)nstale;
    if (removed)
        *removed = nmem;
    rc = store_checkpoint_locked(st, NULL, 0);
unlock:
    pthread_mutex_unlock(&st->mu);
    return rc;
}
