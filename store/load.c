/* load.c: the index's start-up load. One read transaction streams every memory's row of
 * memory_codes out of SQLite on the caller's thread: the compact copy index_put would
 * compute from the vector, stored when the vector was written (codes.c), so the load
 * reads a third of a vector's bytes and computes nothing. The
 * caller's thread copies the rows to index into batches; a second thread puts each full
 * batch into the index while the next one is read, and index_prefault's thread
 * populates the index's arrays beside both. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

/* Rows per batch, and batches in the ring between the reader and the putter. */
#define LOAD_BATCH 1024
#define LOAD_SLOTS 3

typedef struct load_batch {
    size_t n;
    int64_t id[LOAD_BATCH], created[LOAD_BATCH];
    uint64_t conv[LOAD_BATCH];
    size_t user[LOAD_BATCH];    /* offset of the row's user in users */
    char *users;                /* [ucap] NUL-terminated names back to back, owned */
    size_t ulen, ucap;
    unsigned char *codes;       /* [LOAD_BATCH][code bytes] index_encode's records, owned */
} load_batch_t;

/* The ring: batch k (counting from 0) lives in slot k % LOAD_SLOTS; the reader has
 * handed over `filled` batches and the putter has put `taken`. */
typedef struct loader {
    index_t *ix;
    size_t code_bytes;          /* index_code_bytes */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    load_batch_t b[LOAD_SLOTS];
    size_t filled, taken;
    int done;                   /* the reader hands over no more */
    int nomem;                  /* a put ran out of memory */
} loader_t;

/* Rows ahead whose id table slot a put asks the cache for (index_prefetch). */
#define LOAD_PREFETCH 8

/* Puts batch b's rows; a failure is out of memory. Returns 0 or -1. */
static int put_batch(loader_t *l, const load_batch_t *b)
{
    for (size_t i = 0; i < b->n; i++) {
        if (i + LOAD_PREFETCH < b->n)
            index_prefetch(l->ix, b->id[i + LOAD_PREFETCH]);
        if (index_put_code(l->ix, b->users + b->user[i], b->id[i],
                           b->codes + i * l->code_bytes, b->created[i], b->conv[i]) != 0)
            return -1;
    }
    return 0;
}

static void *putter_main(void *arg)
{
    loader_t *l = arg;
    pthread_mutex_lock(&l->mu);
    for (;;) {
        while (l->taken == l->filled && !l->done)
            pthread_cond_wait(&l->cv, &l->mu);
        if (l->taken == l->filled)
            break;
        const load_batch_t *b = &l->b[l->taken % LOAD_SLOTS];
        pthread_mutex_unlock(&l->mu);
        int rc = l->nomem ? 0 : put_batch(l, b);   /* after a failure: drain only */
        pthread_mutex_lock(&l->mu);
        if (rc != 0)
            l->nomem = 1;
        l->taken++;
        pthread_cond_broadcast(&l->cv);
    }
    pthread_mutex_unlock(&l->mu);
    return NULL;
}

/* Hands the reader's current batch over (to the putter, or puts it here when there is
 * none) and waits for a free slot for the next. Returns 0, or -1 once a put failed. */
static int hand_over(loader_t *l, int threaded)
{
    if (!threaded) {
        load_batch_t *b = &l->b[0];
        int rc = put_batch(l, b);
        b->n = b->ulen = 0;
        return rc;
    }
    pthread_mutex_lock(&l->mu);
    l->filled++;
    pthread_cond_broadcast(&l->cv);
    while (l->filled - l->taken == LOAD_SLOTS)
        pthread_cond_wait(&l->cv, &l->mu);
    load_batch_t *b = &l->b[l->filled % LOAD_SLOTS];
    b->n = b->ulen = 0;
    int rc = l->nomem ? -1 : 0;
    pthread_mutex_unlock(&l->mu);
    return rc;
}

/* Appends a row to batch b and returns where its record goes (code bytes), the caller
 * to fill it. user is copied unless it is the previous row's. NULL when the names
 * outgrow memory. */
static unsigned char *batch_add(load_batch_t *b, size_t code_bytes, int64_t id,
                                const char *user, int64_t created, uint64_t conv)
{
    size_t i = b->n;
    if (i > 0 && strcmp(b->users + b->user[i - 1], user) == 0) {
        b->user[i] = b->user[i - 1];
    } else {
        size_t len = strlen(user) + 1;
        if (b->ulen + len > b->ucap) {
            size_t cap = (b->ulen + len) * 2;
            char *nu = realloc(b->users, cap);
            if (!nu)
                return NULL;
            b->users = nu;
            b->ucap = cap;
        }
        memcpy(b->users + b->ulen, user, len);
        b->user[i] = b->ulen;
        b->ulen += len;
    }
    b->id[i] = id;
    b->created[i] = created;
    b->conv[i] = conv;
    b->n++;
    return b->codes + i * code_bytes;
}

/* A row whose code is still NULL (a write left it, or another process wrote it after
 * codes.c's fill): its record computed here from memory id's vector, into code, with
 * scratch (index_encode_scratch). Returns 1 when done, 0 when the vector cannot be
 * indexed (damaged, not finite, gone), or a store code (< 0). */
static int encode_from_vector(store_t *st, int64_t id, unsigned char *code, void *scratch,
                              float *vec, char *err, size_t errlen)
{
    sqlite3_stmt *s = stmt_get(st, S_MEM_VEC);
    int b = SQLITE_OK, rc = 0;
    store_bind_int64(s, 1, id, &b);
    int src = store_step(s, b);
    if (src == SQLITE_ROW) {
        const void *blob = sqlite3_column_blob(s, 1);
        if (sqlite3_column_int(s, 0) == st->dim && blob &&
            (size_t)sqlite3_column_bytes(s, 1) == (size_t)st->dim * sizeof(float)) {
            memcpy(vec, blob, (size_t)st->dim * sizeof(float));
            rc = index_encode(st->ix, vec, code, scratch) == 0;
        }
    } else if (src != SQLITE_DONE) {
        rc = store_sqlerr(st, src, err, errlen, "loading memories");
    }
    stmt_done(s);
    return rc;
}

/* Sizes every user's partition (from the counts usage.c took at open) so the load
 * appends without reallocating. */
static int load_reserve(store_t *st, char *err, size_t errlen)
{
    sqlite3_stmt *s = NULL;
    int rc = STORE_OK, src;
    size_t total = 0;
    if ((src = sqlite3_prepare_v2(st->db, "SELECT user, memories FROM temp.mnemo_usage WHERE memories > 0",
                                  -1, &s, NULL)) != SQLITE_OK)
        return store_sqlerr(st, src, err, errlen, "counting memories");
    while ((src = sqlite3_step(s)) == SQLITE_ROW) {
        size_t n = (size_t)sqlite3_column_int64(s, 1);
        total += n;
        if (index_reserve(st->ix, (const char *)sqlite3_column_text(s, 0), n) != 0) {
            store_errf(err, errlen, "out of memory sizing the index");
            rc = STORE_ENOMEM;
            goto done;
        }
    }
    if (src != SQLITE_DONE) {
        rc = store_sqlerr(st, src, err, errlen, "counting memories");
        goto done;
    }
    if (index_reserve(st->ix, NULL, total) != 0) {
        store_errf(err, errlen, "out of memory sizing the index");
        rc = STORE_ENOMEM;
    }
done:
    sqlite3_finalize(s);
    return rc;
}

int store_load_index(store_t *st, char *err, size_t errlen)
{
    sqlite3_stmt *s = NULL;
    index_prefault_t *pf = NULL;
    loader_t l = {.ix = st->ix, .code_bytes = index_code_bytes(st->ix)};
    pthread_t putter;
    int rc, src, threaded = 0, nomem = 0;
    void *scratch = malloc(index_encode_scratch(st->ix));
    float *vec = malloc((size_t)st->dim * sizeof(float));
    pthread_mutex_init(&l.mu, NULL);
    pthread_cond_init(&l.cv, NULL);
    if (!scratch || !vec) {
        nomem = 1;
        rc = STORE_OK;
        goto done;
    }
    /* No memory map (the load of the float vectors read through one): the pages of
     * memory_codes lie between those of memories, a few in each stretch of the file,
     * and faulting the map in over the whole file cost 2.5 to 4 times the preads. */
    /* One read transaction: the sizes counted are the rows streamed, so the putter
     * never grows an array under the prefault thread. */
    if ((src = sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL)) != SQLITE_OK) {
        rc = store_sqlerr(st, src, err, errlen, "loading memories");
        goto done;
    }
    if ((rc = load_reserve(st, err, errlen)) != STORE_OK)
        goto done;
    for (int i = 0; i < LOAD_SLOTS; i++)
        if (!(l.b[i].codes = malloc((size_t)LOAD_BATCH * l.code_bytes))) {
            nomem = 1;
            goto done;
        }
    pf = index_prefault_start(st->ix);
    threaded = pthread_create(&putter, NULL, putter_main, &l) == 0;
    if ((src = sqlite3_prepare_v2(st->db,
                                  "SELECT id, user, conversation, created_ms, current, dim,"
                                  " encoder, code FROM memory_codes",
                                  -1, &s, NULL)) != SQLITE_OK) {
        rc = store_sqlerr(st, src, err, errlen, "loading memories");
        goto done;
    }
    load_batch_t *b = &l.b[0];
    while ((src = sqlite3_step(s)) == SQLITE_ROW) {
        st->nmem++;
        int dim = sqlite3_column_int(s, 5);
        if (store_is_stale(st, dim, (const char *)sqlite3_column_text(s, 6))) {
            st->nstale++;
            continue;
        }
        if (!sqlite3_column_int(s, 4))
            continue;   /* superseded: kept, but no longer retrieved */
        /* An empty code: the vector cannot be indexed (damaged or not finite). */
        int null = sqlite3_column_type(s, 7) == SQLITE_NULL;
        const void *code = sqlite3_column_blob(s, 7);
        size_t bytes = (size_t)sqlite3_column_bytes(s, 7);
        if (!null && bytes != l.code_bytes)
            continue;
        int64_t id = sqlite3_column_int64(s, 0);
        const char *conv = (const char *)sqlite3_column_text(s, 2);
        unsigned char *slot = batch_add(b, l.code_bytes, id,
                                        (const char *)sqlite3_column_text(s, 1),
                                        sqlite3_column_int64(s, 3),
                                        conv ? index_hash(conv) : 0);
        if (!slot) {
            nomem = 1;
            goto done;
        }
        if (!null) {
            memcpy(slot, code, l.code_bytes);
        } else {
            int got = encode_from_vector(st, id, slot, scratch, vec, err, errlen);
            if (got < 0) {
                rc = got;
                goto done;
            }
            if (!got) {
                b->n--;     /* its user's name stays in the batch, unused */
                continue;
            }
        }
        if (b->n == LOAD_BATCH) {
            if (hand_over(&l, threaded) != 0) {
                nomem = 1;
                goto done;
            }
            b = &l.b[threaded ? l.filled % LOAD_SLOTS : 0];
        }
    }
    if (src != SQLITE_DONE)
        rc = store_sqlerr(st, src, err, errlen, "loading memories");
    else if (b->n && hand_over(&l, threaded) != 0)
        nomem = 1;
done:
    if (threaded) {
        pthread_mutex_lock(&l.mu);
        l.done = 1;
        pthread_cond_broadcast(&l.cv);
        pthread_mutex_unlock(&l.mu);
        pthread_join(putter, NULL);
    }
    if (rc == STORE_OK && (nomem || l.nomem)) {
        store_errf(err, errlen, "out of memory loading the index");
        rc = STORE_ENOMEM;
    }
    sqlite3_finalize(s);
    sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    index_prefault_join(pf);
    for (int i = 0; i < LOAD_SLOTS; i++) {
        free(l.b[i].codes);
        free(l.b[i].users);
    }
    free(scratch);
    free(vec);
    pthread_cond_destroy(&l.cv);
    pthread_mutex_destroy(&l.mu);
    return rc;
}
