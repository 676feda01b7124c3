/* reencode.c: bringing stale memories (vectors of another encoder or dimension than the
 * store was opened with) back into the index. A batch of rows is read under the lock,
 * encoded by the caller's function without it (encoding is the slow part, and searches
 * and writes go on meanwhile), then rewritten in one transaction; a row whose text
 * changed in between is skipped, since its update brought a fresh vector. */
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

#define REENCODE_BATCH 64

typedef struct batch {
    size_t n;
    int64_t id[REENCODE_BATCH];
    char *text[REENCODE_BATCH];     /* owned */
    float *vecs;                    /* [REENCODE_BATCH][dim] */
} batch_t;

static void batch_clear(batch_t *b)
{
    for (size_t i = 0; i < b->n; i++)
        free(b->text[i]);
    b->n = 0;
}

/* Reads up to REENCODE_BATCH stale rows with id > after. */
static int batch_read(store_t *st, int64_t after, batch_t *b, char *err, size_t errlen)
{
    int rc = STORE_OK, src, bind = SQLITE_OK;
    sqlite3_stmt *s = stmt_get(st, S_MEM_STALE_BATCH);
    pthread_mutex_lock(&st->mu);
    store_bind_int64(s, 1, after, &bind);
    store_bind_int64(s, 2, st->dim, &bind);
    store_bind_text(s, 3, st->encoder, &bind);
    store_bind_int64(s, 4, REENCODE_BATCH, &bind);
    while ((src = store_step(s, bind)) == SQLITE_ROW) {
        const unsigned char *t = sqlite3_column_text(s, 1);
        b->id[b->n] = sqlite3_column_int64(s, 0);
        if (!(b->text[b->n] = strdup(t ? (const char *)t : ""))) {
            rc = STORE_ENOMEM;
            store_errf(err, errlen, "out of memory");
            break;
        }
        b->n++;
    }
    if (rc == STORE_OK && src != SQLITE_DONE)
        rc = store_sqlerr(st, src, err, errlen, "reading stale memories");
    stmt_done(s);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

/* Rewrites the encoded batch in one transaction; *done grows by the rows rewritten. */
static int batch_write(store_t *st, batch_t *b, size_t *done, char *err, size_t errlen)
{
    store_memory_t rows[REENCODE_BATCH];   /* the rewritten rows, without vectors */
    size_t slot[REENCODE_BATCH];            /* rows[i] is batch row slot[i] */
    size_t nrows = 0;
    int rc;
    size_t vbytes = (size_t)st->dim * sizeof(float);
    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 1, err, errlen)) != STORE_OK)
        goto unlock;
    for (size_t i = 0; i < b->n; i++) {
        sqlite3_stmt *s = stmt_get(st, S_MEM_REENCODE);
        int bind = SQLITE_OK;
        store_bind_int64(s, 1, b->id[i], &bind);
        store_bind_blob(s, 2, b->vecs + i * (size_t)st->dim, vbytes, &bind);
        store_bind_int64(s, 3, st->dim, &bind);
        store_bind_text(s, 4, st->encoder, &bind);
        store_bind_text(s, 5, b->text[i], &bind);
        int src = store_step(s, bind);
        if (src != SQLITE_DONE)
            rc = store_sqlerr(st, src, err, errlen, "rewriting a vector");
        stmt_done(s);
        if (rc != STORE_OK)
            goto rollback;
        if (sqlite3_changes(st->db) == 0)
            continue;   /* changed or deleted meanwhile */
        if ((rc = store_codes_set_locked(st, b->id[i], b->vecs + i * (size_t)st->dim, err,
                                         errlen)) != STORE_OK)
            goto rollback;
        s = stmt_get(st, S_MEM_GET);
        bind = SQLITE_OK;
        store_bind_int64(s, 1, b->id[i], &bind);
        src = store_step(s, bind);
        if (src != SQLITE_ROW)
            rc = store_sqlerr(st, src, err, errlen, "reading a re-encoded memory");
        else if ((rc = store_row_memory(s, 0, &rows[nrows])) != STORE_OK)
            store_errf(err, errlen, "reading a re-encoded memory: out of memory");
        stmt_done(s);
        if (rc != STORE_OK)
            goto rollback;
        slot[nrows++] = i;
    }
    /* Room in the index for each current row: per user, one more per row seen so far. */
    if (store_ix_reserve(st, NULL, nrows) != STORE_OK)
        goto nomem;
    for (size_t i = 0; i < nrows; i++) {
        size_t same = 1;
        for (size_t j = 0; j < i; j++)
            same += strcmp(rows[j].user, rows[i].user) == 0;
        if (!rows[i].superseded_by && store_ix_reserve(st, rows[i].user, same) != STORE_OK)
            goto nomem;
    }
    if ((rc = store_commit(st, err, errlen)) != STORE_OK)
        goto unlock;
    for (size_t i = 0; i < nrows; i++)
        if (!rows[i].superseded_by)
            store_ix_put(st, rows[i].user, rows[i].id,
                         b->vecs + slot[i] * (size_t)st->dim, rows[i].created_ms,
                         rows[i].conversation);
    st->nstale -= nrows;
    *done += nrows;
    goto unlock;
nomem:
    store_errf(err, errlen, "out of memory growing the index");
    rc = STORE_ENOMEM;
rollback:
    store_rollback(st);
unlock:
    pthread_mutex_unlock(&st->mu);
    for (size_t i = 0; i < nrows; i++)
        store_memory_clear(&rows[i]);
    return rc;
}

int store_reencode(store_t *st, store_encode_fn fn, void *ctx, size_t *done, char *err,
                   size_t errlen)
{
    batch_t b = {0};
    size_t count = 0;
    int64_t after = 0;
    int rc = STORE_OK;
    if (done)
        *done = 0;
    if (!fn) {
        store_errf(err, errlen, "no encoder function");
        return STORE_EINVAL;
    }
    if (!(b.vecs = malloc(REENCODE_BATCH * (size_t)st->dim * sizeof(float)))) {
        store_errf(err, errlen, "out of memory");
        return STORE_ENOMEM;
    }
    for (;;) {
        if ((rc = batch_read(st, after, &b, err, errlen)) != STORE_OK || b.n == 0)
            break;
        after = b.id[b.n - 1];
        for (size_t i = 0; i < b.n && rc == STORE_OK; i++) {
            float *v = b.vecs + i * (size_t)st->dim;
            if (fn(b.text[i], v, ctx) != 0 || !store_vec_ok(v, st->dim)) {
                store_errf(err, errlen, "the encoder failed on memory %lld",
                           (long long)b.id[i]);
                rc = STORE_EINVAL;
            }
        }
        if (rc == STORE_OK)
            rc = batch_write(st, &b, &count, err, errlen);
        int full = b.n == REENCODE_BATCH;
        batch_clear(&b);
        if (rc != STORE_OK || !full)
            break;
    }
    batch_clear(&b);
    free(b.vecs);
    if (done)
        *done = count;
    return rc;
}
