/* codes.c: the persisted compact copies of the memory vectors (memory_codes, schema
 * version 9): a writer fills the code of the vector it just wrote, in its own
 * transaction, and start-up fills every code still NULL (the memories of a database
 * from before version 9, or a write that left one) in batches, before the load reads
 * them (load.c). What a code is and why it is kept: schema.c, MIGRATE_8_9. */
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

/* Codes filled per write transaction at start-up. */
#define CODES_FILL_BATCH 4096

/* Binds and steps S_CODE_SET: memory id's code (n bytes; n 0 = an empty blob, the
 * vector cannot be indexed) for a vector of dim floats. With st->mu held inside a write
 * transaction. A store code. */
static int code_set(store_t *st, int64_t id, int dim, const void *code, size_t n, char *err,
                    size_t errlen)
{
    sqlite3_stmt *s = stmt_get(st, S_CODE_SET);
    int b = SQLITE_OK;
    store_bind_int64(s, 1, id, &b);
    if (n)
        store_bind_blob(s, 2, code, n, &b);
    else if (b == SQLITE_OK)
        b = sqlite3_bind_zeroblob(s, 2, 0);
    store_bind_int64(s, 3, dim, &b);
    int src = store_step(s, b);
    int rc = src == SQLITE_DONE ? STORE_OK
                                : store_sqlerr(st, src, err, errlen, "storing a memory's code");
    stmt_done(s);
    return rc;
}

int store_codes_set_locked(store_t *st, int64_t id, const float *vec, char *err,
                           size_t errlen)
{
    size_t n = index_code_bytes(st->ix);
    if (index_encode(st->ix, vec, st->code, st->code_scratch) != 0)
        n = 0;  /* not finite: the callers check first, so only a broken caller gets here */
    return code_set(st, id, st->dim, st->code, n, err, errlen);
}

/* An index to encode vectors of one dim other than the store's, with its scratch: the
 * codes of a stale vector are kept too, so that a store of its dim loads it fast. */
typedef struct codec {
    index_t *ix;
    void *scratch;
    unsigned char *code;
} codec_t;

static void codec_free(codec_t *c)
{
    index_free(c->ix);
    free(c->scratch);
    free(c->code);
    memset(c, 0, sizeof(*c));
}

/* Makes c encode vectors of dim floats. Returns 0 or -1 (out of memory). */
static int codec_for(codec_t *c, int dim)
{
    if (c->ix && index_dim(c->ix) == dim)
        return 0;
    codec_free(c);
    if (!(c->ix = index_new(dim)) ||
        !(c->scratch = malloc(index_encode_scratch(c->ix))) ||
        !(c->code = malloc(index_code_bytes(c->ix)))) {
        codec_free(c);
        return -1;
    }
    return 0;
}

/* The ids of up to CODES_FILL_BATCH memories whose code is NULL, after `after`, into
 * ids; *n their number. */
static int missing_batch(store_t *st, int64_t after, int64_t *ids, size_t *n, char *err,
                      size_t errlen)
{
    sqlite3_stmt *s = stmt_get(st, S_CODE_MISSING);
    int b = SQLITE_OK, src;
    *n = 0;
    store_bind_int64(s, 1, after, &b);
    store_bind_int64(s, 2, CODES_FILL_BATCH, &b);
    while ((src = store_step(s, b)) == SQLITE_ROW)
        ids[(*n)++] = sqlite3_column_int64(s, 0);
    stmt_done(s);
    return src == SQLITE_DONE ? STORE_OK
                              : store_sqlerr(st, src, err, errlen, "finding codes to compute");
}

/* Computes and stores memory id's code from its vector: with the store's index for its
 * dim, with c for another; an empty code when the vector is damaged or not finite.
 * *vec is a buffer of *cap floats, grown as needed. */
static int fill_one(store_t *st, int64_t id, codec_t *c, float **vec, size_t *cap,
                    char *err, size_t errlen)
{
    sqlite3_stmt *s = stmt_get(st, S_MEM_VEC);
    int b = SQLITE_OK, rc = STORE_OK, dim = 0;
    const void *code = NULL;
    size_t n = 0;
    store_bind_int64(s, 1, id, &b);
    int src = store_step(s, b);
    if (src == SQLITE_DONE)
        goto done;      /* no memory row: a code row without one cannot be, triggers */
    if (src != SQLITE_ROW) {
        rc = store_sqlerr(st, src, err, errlen, "reading a vector to encode");
        goto done;
    }
    dim = sqlite3_column_int(s, 0);
    const void *blob = sqlite3_column_blob(s, 1);
    size_t bytes = (size_t)sqlite3_column_bytes(s, 1);
    if (dim >= 1 && dim <= 65536 && blob && bytes == (size_t)dim * sizeof(float)) {
        if ((size_t)dim > *cap) {
            float *nv = realloc(*vec, (size_t)dim * sizeof(float));
            if (!nv)
                goto nomem;
            *vec = nv;
            *cap = (size_t)dim;
        }
        memcpy(*vec, blob, bytes);  /* SQLite does not align a blob for floats */
        if (dim == st->dim) {
            if (index_encode(st->ix, *vec, st->code, st->code_scratch) == 0) {
                code = st->code;
                n = index_code_bytes(st->ix);
            }
        } else {
            if (codec_for(c, dim) != 0)
                goto nomem;
            if (index_encode(c->ix, *vec, c->code, c->scratch) == 0) {
                code = c->code;
                n = index_code_bytes(c->ix);
            }
        }
    }
    stmt_done(s);
    return code_set(st, id, dim, code, n, err, errlen);
nomem:
    store_errf(err, errlen, "out of memory computing a memory's code");
    rc = STORE_ENOMEM;
done:
    stmt_done(s);
    return rc;
}

int store_codes_fill(store_t *st, size_t *filled, char *err, size_t errlen)
{
    int64_t *ids = malloc(CODES_FILL_BATCH * sizeof(*ids)), after = 0;
    float *vec = NULL;
    size_t cap = 0, n = 0;
    codec_t c = {0};
    int rc = STORE_OK;
    *filled = 0;
    if (!ids) {
        store_errf(err, errlen, "out of memory");
        return STORE_ENOMEM;
    }
    for (;;) {
        if ((rc = store_begin(st, 1, err, errlen)) != STORE_OK)
            break;
        if ((rc = missing_batch(st, after, ids, &n, err, errlen)) != STORE_OK)
            goto rollback;
        for (size_t i = 0; i < n; i++)
            if ((rc = fill_one(st, ids[i], &c, &vec, &cap, err, errlen)) != STORE_OK)
                goto rollback;
        if ((rc = store_commit(st, err, errlen)) != STORE_OK)
            break;
        *filled += n;
        if (n < CODES_FILL_BATCH)
            break;
        after = ids[n - 1];
    }
    goto done;
rollback:
    store_rollback(st);
done:
    codec_free(&c);
    free(vec);
    free(ids);
    return rc;
}
