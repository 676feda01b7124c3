/* query.c: reading many memories: top-k search (index under the read lock, then the
 * rows from SQLite), pages newest first, the oldest-first walk used by export, and
 * forgetting a user (then checkpointing the WAL, so that nothing of theirs stays in
 * it). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

/* Rows fetched per lock hold by store_memory_each. */
#define EACH_BATCH 256

int store_search(store_t *st, const store_query_t *q, int idf, store_hit_t *hits, int *n,
                 char *err, size_t errlen)
{
    index_hit_t *ih = NULL;
    int rc = STORE_OK, got, filled = 0;
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
    if (!(ih = malloc((size_t)q->k * sizeof(*ih)))) {
        store_errf(err, errlen, "out of memory");
        return STORE_ENOMEM;
    }
    index_filter_t f = {q->since_ms, q->until_ms,
                        q->conversation ? index_hash(q->conversation) : 0};
    pthread_rwlock_rdlock(&st->ixlock);
    got = index_search(st->ix, q->user, q->vec, q->k, &f, idf, ih);
    pthread_rwlock_unlock(&st->ixlock);
    if (got < 0) {
        store_errf(err, errlen, "out of memory searching");
        rc = STORE_ENOMEM;
        goto done;
    }

    /* The rows, in one read transaction; a memory deleted since the scan is skipped,
     * and a conversation hash collision is caught by comparing the names. */
    sqlite3_stmt *s = stmt_get(st, S_MEM_GET);
    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 0, err, errlen)) != STORE_OK)
        goto unlock;
    for (int i = 0; i < got && rc == STORE_OK; i++) {
        int b = SQLITE_OK;
        store_bind_int64(s, 1, ih[i].id, &b);
        int src = store_step(s, b);
        if (src == SQLITE_ROW) {
            store_memory_t *m = &hits[filled].mem;
            if ((rc = store_row_memory(s, 0, m)) == STORE_OK) {
                if (q->conversation &&
                    (!m->conversation || strcmp(m->conversation, q->conversation) != 0)) {
                    store_memory_clear(m);
                } else {
                    hits[filled].score = ih[i].score;
                    hits[filled++].cosine = ih[i].cosine;
                }
            } else {
                store_errf(err, errlen, "out of memory");
            }
        } else if (src != SQLITE_DONE) {
            rc = store_sqlerr(st, src, err, errlen, "reading search hits");
        }
        stmt_done(s);
    }
    store_rollback(st);
unlock:
    pthread_mutex_unlock(&st->mu);
    if (rc != STORE_OK) {
        store_hits_clear(hits, filled);
        filled = 0;
    }
    *n = filled;
done:
    free(ih);
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

int store_collect(sqlite3_stmt *s, int brc, int with_vec, size_t max, store_memory_t **out,
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
        if ((rc = store_row_memory(s, with_vec, &v[len])) == STORE_OK)
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

int store_memory_each(store_t *st, const char *user, store_each_fn fn, void *ctx)
{
    int64_t after = 0;
    if (!user || !fn)
        return STORE_EINVAL;
    /* Batches, so fn (which may write to a slow client) runs without the lock. */
    for (;;) {
        store_memory_t *v = NULL;
        size_t n = 0;
        sqlite3_stmt *s = stmt_get(st, S_MEM_EACH);
        int b = SQLITE_OK;
        pthread_mutex_lock(&st->mu);
        store_bind_text(s, 1, user, &b);
        store_bind_int64(s, 2, after, &b);
        store_bind_int64(s, 3, EACH_BATCH, &b);
        int rc = store_collect(s, b, 1, EACH_BATCH, &v, &n);
        pthread_mutex_unlock(&st->mu);
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
        (rc = exec_user(st, S_CONV_USER_DELETE, user, NULL))) {
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
