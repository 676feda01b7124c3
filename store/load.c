/* load.c: the index's start-up load. One read transaction streams every memory out of
 * SQLite (through a memory map) on the caller's thread, which copies the rows to index
 * into batches; a second thread puts each full batch into the index (normalizing,
 * quantizing, sketching: half the work of a big load) while the next one is read, and
 * index_prefault's thread populates the index's arrays beside both. */
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
    float *vecs;                /* [LOAD_BATCH][dim], owned */
} load_batch_t;

/* The ring: batch k (counting from 0) lives in slot k % LOAD_SLOTS; the reader has
 * handed over `filled` batches and the putter has put `taken`. */
typedef struct loader {
    index_t *ix;
    int dim;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    load_batch_t b[LOAD_SLOTS];
    size_t filled, taken;
    int done;                   /* the reader hands over no more */
    int nomem;                  /* a put ran out of memory */
} loader_t;

/* Puts batch b's rows. A non-finite vector is left out, as index_put leaves it; any
 * other failure is out of memory. Returns 0 or -1. */
static int put_batch(loader_t *l, const load_batch_t *b)
{
    for (size_t i = 0; i < b->n; i++) {
        const float *v = b->vecs + i * (size_t)l->dim;
        if (index_put(l->ix, b->users + b->user[i], b->id[i], v, b->created[i], b->conv[i]) !=
                0 &&
            store_vec_ok(v, l->dim))
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

/* Appends a row to batch b. user is copied unless it is the previous row's. Returns 0,
 * or -1 when the names outgrow memory. */
static int batch_add(load_batch_t *b, int dim, int64_t id, const char *user, int64_t created,
                     uint64_t conv, const void *vec)
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
                return -1;
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
    /* Copied out: SQLite does not align a blob for floats. */
    memcpy(b->vecs + i * (size_t)dim, vec, (size_t)dim * sizeof(float));
    b->n++;
    return 0;
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
    loader_t l = {.ix = st->ix, .dim = st->dim};
    pthread_t putter;
    int rc, src, threaded = 0, nomem = 0;
    pthread_mutex_init(&l.mu, NULL);
    pthread_cond_init(&l.cv, NULL);
    /* The load reads the whole file once. Through a memory map SQLite reads its pages
     * in place instead of one pread and one copy per page (a fifth of a 1M load);
     * SQLite caps the map at its compile-time limit and reads the rest as before. The
     * map goes again after the load (mmap_size 0), so the daemon runs as it always did. */
    sqlite3_exec(st->db, "PRAGMA mmap_size = 1099511627776", NULL, NULL, NULL);
    /* One read transaction: the sizes counted are the rows streamed, so the putter
     * never grows an array under the prefault thread. */
    if ((src = sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL)) != SQLITE_OK) {
        rc = store_sqlerr(st, src, err, errlen, "loading memories");
        goto done;
    }
    if ((rc = load_reserve(st, err, errlen)) != STORE_OK)
        goto done;
    for (int i = 0; i < LOAD_SLOTS; i++)
        if (!(l.b[i].vecs = malloc((size_t)LOAD_BATCH * (size_t)st->dim * sizeof(float)))) {
            nomem = 1;
            goto done;
        }
    pf = index_prefault_start(st->ix);
    threaded = pthread_create(&putter, NULL, putter_main, &l) == 0;
    if ((src = sqlite3_prepare_v2(st->db,
                                  "SELECT id, user, conversation, created_ms, superseded_by,"
                                  " dim, encoder, vec FROM memories",
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
        if (sqlite3_column_type(s, 4) != SQLITE_NULL)
            continue;   /* superseded: kept, but no longer retrieved */
        /* A damaged (wrong-sized) vector is left out of the index. */
        const void *blob = sqlite3_column_blob(s, 7);
        if (!blob || (size_t)sqlite3_column_bytes(s, 7) != (size_t)dim * sizeof(float))
            continue;
        const char *conv = (const char *)sqlite3_column_text(s, 2);
        if (batch_add(b, dim, sqlite3_column_int64(s, 0),
                      (const char *)sqlite3_column_text(s, 1), sqlite3_column_int64(s, 3),
                      conv ? index_hash(conv) : 0, blob) != 0) {
            nomem = 1;
            goto done;
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
    sqlite3_exec(st->db, "PRAGMA mmap_size = 0", NULL, NULL, NULL);
    index_prefault_join(pf);
    for (int i = 0; i < LOAD_SLOTS; i++) {
        free(l.b[i].vecs);
        free(l.b[i].users);
    }
    pthread_cond_destroy(&l.cv);
    pthread_mutex_destroy(&l.mu);
    return rc;
}
