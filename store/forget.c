/* forget.c: forgetting for good. A forgotten memory goes with everything in the
 * database that keeps its text: its history rows (ON DELETE CASCADE) and the memories
 * it superseded, transitively (they held earlier values of the same fact), and its
 * terms in the text indexes (store_fts_purge_locked). With
 * secure_delete on (schema.c) SQLite overwrites what it deletes, and the WAL checkpoint
 * after the commit moves those overwritten pages into the database file and truncates
 * the WAL, whose older frames still held the text. */
#include <stdlib.h>

#include "store/store_internal.h"

/* The rows to delete: id, and whether its vector is stale (for st->nstale). */
typedef struct doomed {
    int64_t *id;
    unsigned char *stale;
    size_t n, cap;
} doomed_t;

static int doomed_push(doomed_t *d, int64_t id, int stale)
{
    if (d->n == d->cap) {
        size_t nc = d->cap ? d->cap * 2 : 16;
        int64_t *ni = realloc(d->id, nc * sizeof(*ni));
        if (!ni)
            return STORE_ENOMEM;
        d->id = ni;
        unsigned char *ns = realloc(d->stale, nc);
        if (!ns)
            return STORE_ENOMEM;
        d->stale = ns;
        d->cap = nc;
    }
    d->id[d->n] = id;
    d->stale[d->n++] = (unsigned char)stale;
    return STORE_OK;
}

/* Appends id and every memory it superseded, transitively, to d. With st->mu held inside
 * the write transaction. An absent id adds nothing. */
static int chain_locked(store_t *st, int64_t id, doomed_t *d, char *err, size_t errlen)
{
    sqlite3_stmt *s = stmt_get(st, S_MEM_FORGET_CHAIN);
    int b = SQLITE_OK, rc = STORE_OK, src;
    store_bind_int64(s, 1, id, &b);
    while ((src = store_step(s, b)) == SQLITE_ROW) {
        int stale = store_is_stale(st, sqlite3_column_int(s, 1),
                                   (const char *)sqlite3_column_text(s, 2));
        if ((rc = doomed_push(d, sqlite3_column_int64(s, 0), stale)) != STORE_OK) {
            store_errf(err, errlen, "out of memory");
            break;
        }
    }
    if (rc == STORE_OK && src != SQLITE_DONE)
        rc = store_sqlerr(st, src, err, errlen, "finding what to forget");
    stmt_done(s);
    return rc;
}

/* Deletes d's rows; an id listed twice (two chains met) is deleted once and its second
 * entry marked with id 0. */
static int delete_locked(store_t *st, doomed_t *d, char *err, size_t errlen)
{
    sqlite3_stmt *s = stmt_get(st, S_MEM_DELETE);
    for (size_t i = 0; i < d->n; i++) {
        int b = SQLITE_OK;
        store_bind_int64(s, 1, d->id[i], &b);
        int src = store_step(s, b);
        stmt_done(s);
        if (src != SQLITE_DONE)
            return store_sqlerr(st, src, err, errlen, "forgetting a memory");
        if (sqlite3_changes(st->db) == 0)
            d->id[i] = 0;
    }
    return STORE_OK;
}

int store_memory_forget(store_t *st, const int64_t *ids, size_t n, char *err,
                        size_t errlen)
{
    doomed_t d = {0};
    int rc = STORE_OK;
    if (n == 0)
        return STORE_OK;
    if (!ids) {
        store_errf(err, errlen, "no ids given");
        return STORE_EINVAL;
    }
    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 1, err, errlen)) != STORE_OK)
        goto unlock;
    for (size_t i = 0; i < n && rc == STORE_OK; i++)
        rc = chain_locked(st, ids[i], &d, err, errlen);
    if (rc != STORE_OK || (rc = delete_locked(st, &d, err, errlen)) != STORE_OK ||
        (rc = store_fts_purge_locked(st, err, errlen)) != STORE_OK) {
        store_rollback(st);
        goto unlock;
    }
    if ((rc = store_commit(st, err, errlen)) != STORE_OK)
        goto unlock;
    for (size_t i = 0; i < d.n; i++) {
        if (!d.id[i])
            continue;
        store_ix_remove(st, d.id[i]);
        st->nmem--;
        if (d.stale[i])
            st->nstale--;
    }
    rc = store_checkpoint_locked(st, err, errlen);
unlock:
    pthread_mutex_unlock(&st->mu);
    free(d.id);
    free(d.stale);
    return rc;
}
