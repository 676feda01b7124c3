/* memories.c: writing and reading single memories: add (batched, all or nothing),
 * get, update and supersede (both keep the old text in memory_versions), history,
 * delete (which brings back what the memory superseded) and touch. Every call is one
 * transaction under st->mu; the index follows only after COMMIT succeeds, from room
 * reserved before it, so it never holds a row that SQLite does not. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

static int check_new(const store_t *st, const store_new_memory_t *m, size_t i, char *err,
                     size_t errlen)
{
    const char *why = NULL;
    if (!m->user || !*m->user)
        why = "user is empty";
    else if (!m->text || !*m->text)
        why = "text is empty";
    else if (m->dim != st->dim)
        why = "vector dimension differs from the store's";
    else if (!store_vec_ok(m->vec, m->dim))
        why = "vector is missing or not finite";
    else if (m->encoder && strcmp(m->encoder, st->encoder) != 0)
        why = "vector comes from another encoder than the store's";
    else if (isnan(m->importance) || m->importance > 1.0)
        why = "importance is not in 0..1";
    else if (m->created_ms < 0)
        why = "created time is negative";
    else if (m->id < 0 || m->id > STORE_ID_MAX)
        why = "id is outside 1..STORE_ID_MAX";
    else
        why = store_frame_bad(m->holder, m->relation, m->value);
    if (!why)
        return STORE_OK;
    store_errf(err, errlen, "memory %zu: %s", i, why);
    return STORE_EINVAL;
}

static int cmp_user(const void *a, const void *b)
{
    return strcmp((*(const store_new_memory_t *const *)a)->user,
                  (*(const store_new_memory_t *const *)b)->user);
}

/* Reserves index room for the batch: n ids, and each user's count of rows. */
static int reserve_batch(store_t *st, const store_new_memory_t *m, size_t n)
{
    int rc = STORE_ENOMEM;
    const store_new_memory_t **by = malloc(n * sizeof(*by));
    if (!by)
        return rc;
    for (size_t i = 0; i < n; i++)
        by[i] = &m[i];
    qsort(by, n, sizeof(*by), cmp_user);
    if (store_ix_reserve(st, NULL, n) != STORE_OK)
        goto done;
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && strcmp(by[j]->user, by[i]->user) == 0; j++)
            ;
        if (store_ix_reserve(st, by[i]->user, j - i) != STORE_OK)
            goto done;
    }
    rc = STORE_OK;
done:
    free(by);
    return rc;
}

int store_mem_insert_locked(store_t *st, const store_new_memory_t *x, int64_t now,
                           int64_t *id, char *err, size_t errlen)
{
    sqlite3_stmt *s = stmt_get(st, S_MEM_INSERT);
    int b = SQLITE_OK;
    if (x->id > 0)
        store_bind_int64(s, 1, x->id, &b);
    store_bind_text(s, 2, x->user, &b);
    store_bind_text(s, 3, x->conversation, &b);
    store_bind_text(s, 4, x->text, &b);
    store_bind_blob(s, 5, x->vec, (size_t)x->dim * sizeof(float), &b);
    store_bind_int64(s, 6, x->dim, &b);
    store_bind_text(s, 7, st->encoder, &b);
    store_bind_int64(s, 8, x->created_ms > 0 ? x->created_ms : now, &b);
    store_bind_double(s, 9, x->importance < 0 ? 0.5 : x->importance, &b);
    store_bind_text(s, 10, x->holder, &b);
    store_bind_text(s, 11, x->relation, &b);
    store_bind_text(s, 12, x->value, &b);
    int src = store_step(s, b), rc = STORE_OK;
    if (src != SQLITE_DONE)
        rc = store_sqlerr(st, src, err, errlen, "adding a memory");
    stmt_done(s);
    if (rc == STORE_OK) {
        *id = sqlite3_last_insert_rowid(st->db);
        rc = store_codes_set_locked(st, *id, x->vec, err, errlen);
    }
    return rc;
}

int store_memory_add(store_t *st, const store_new_memory_t *m, size_t n, int64_t *ids,
                     char *err, size_t errlen)
{
    int rc = STORE_OK;
    if (n == 0)
        return STORE_OK;
    if (!m) {
        store_errf(err, errlen, "no memories given");
        return STORE_EINVAL;
    }
    for (size_t i = 0; i < n; i++)
        if ((rc = check_new(st, &m[i], i, err, errlen)) != STORE_OK)
            return rc;
    int64_t *got = ids ? ids : malloc(n * sizeof(*got));
    if (!got) {
        store_errf(err, errlen, "out of memory");
        return STORE_ENOMEM;
    }
    int64_t now = store_now_ms();

    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 1, err, errlen)) != STORE_OK)
        goto unlock;
    for (size_t i = 0; i < n; i++) {
        rc = store_mem_insert_locked(st, &m[i], now, &got[i], err, errlen);
        if (rc == STORE_ECONFLICT)
            store_errf(err, errlen, "id %lld already exists", (long long)m[i].id);
        if (rc != STORE_OK)
            goto rollback;
    }
    if (reserve_batch(st, m, n) != STORE_OK) {
        store_errf(err, errlen, "out of memory growing the index");
        rc = STORE_ENOMEM;
        goto rollback;
    }
    if ((rc = store_commit(st, err, errlen)) != STORE_OK)
        goto unlock;
    for (size_t i = 0; i < n; i++)
        store_ix_put(st, m[i].user, got[i], m[i].vec, m[i].created_ms > 0 ? m[i].created_ms
                                                                          : now,
                     m[i].conversation);
    st->nmem += n;
    goto unlock;
rollback:
    store_rollback(st);
unlock:
    pthread_mutex_unlock(&st->mu);
    if (got != ids)
        free(got);
    return rc;
}

int store_memory_ids_taken(store_t *st, const int64_t *ids, size_t n, int64_t *taken)
{
    int rc = STORE_OK;
    *taken = 0;
    if (n == 0)
        return STORE_OK;
    if (!ids)
        return STORE_EINVAL;
    pthread_mutex_lock(&st->mu);
    sqlite3_stmt *s = stmt_get(st, S_MEM_EXISTS);
    for (size_t i = 0; i < n && !*taken && rc == STORE_OK; i++) {
        int b = SQLITE_OK;
        store_bind_int64(s, 1, ids[i], &b);
        int src = store_step(s, b);
        if (src == SQLITE_ROW)
            *taken = ids[i];
        else if (src != SQLITE_DONE)
            rc = store_sqlerr(st, src, NULL, 0, "looking up an id");
        stmt_done(s);
    }
    pthread_mutex_unlock(&st->mu);
    return rc;
}

/* Reads memory id into out with st->mu held; *stale (may be NULL) receives whether
 * its vector is of another encoder or dimension than the store's. STORE_ENOTFOUND
 * ("memory N not found"), STORE_ENOMEM or STORE_EIO with err (may be NULL) filled. */
static int get_locked(store_t *st, int64_t id, int with_vec, store_memory_t *out,
                      int *stale, char *err, size_t errlen)
{
    sqlite3_stmt *s = stmt_get(st, S_MEM_GET);
    int b = SQLITE_OK, rc;
    store_bind_int64(s, 1, id, &b);
    int src = store_step(s, b);
    if (src == SQLITE_ROW) {
        if ((rc = store_row_memory(s, with_vec, out)) != STORE_OK)
            store_errf(err, errlen, "reading memory %lld: out of memory", (long long)id);
        else if (stale)
            *stale = store_is_stale(st, sqlite3_column_int(s, 10), out->encoder);
    } else if (src == SQLITE_DONE) {
        store_errf(err, errlen, "memory %lld not found", (long long)id);
        rc = STORE_ENOTFOUND;
    } else {
        rc = store_sqlerr(st, src, err, errlen, "reading a memory");
    }
    stmt_done(s);
    return rc;
}

int store_memory_get(store_t *st, int64_t id, int with_vec, store_memory_t *out)
{
    memset(out, 0, sizeof(*out));
    pthread_mutex_lock(&st->mu);
    int rc = get_locked(st, id, with_vec, out, NULL, NULL, 0);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

static int add_version(store_t *st, int64_t id, const char *text, int64_t until,
                       int64_t superseded_by, char *err, size_t errlen)
{
    sqlite3_stmt *s = stmt_get(st, S_VER_INSERT);
    int b = SQLITE_OK;
    store_bind_int64(s, 1, id, &b);
    store_bind_text(s, 2, text, &b);
    store_bind_int64(s, 3, until, &b);
    if (superseded_by)
        store_bind_int64(s, 4, superseded_by, &b);
    int src = store_step(s, b);
    int rc = src == SQLITE_DONE ? STORE_OK
                                : store_sqlerr(st, src, err, errlen, "recording history");
    stmt_done(s);
    return rc;
}

int store_mem_update_locked(store_t *st, int64_t id, const char *text, const float *vec,
                           double importance, int64_t now, store_memory_t *old, int *stale,
                           char *err, size_t errlen)
{
    int rc;
    if ((rc = get_locked(st, id, 0, old, stale, err, errlen)) != STORE_OK)
        return rc;
    if (text && strcmp(text, old->text) != 0 &&
        (rc = add_version(st, id, old->text, now, 0, err, errlen)) != STORE_OK)
        return rc;
    sqlite3_stmt *s = stmt_get(st, S_MEM_UPDATE);
    int b = SQLITE_OK;
    store_bind_int64(s, 1, id, &b);
    store_bind_text(s, 2, text, &b);
    if (vec) {
        store_bind_blob(s, 3, vec, (size_t)st->dim * sizeof(float), &b);
        store_bind_int64(s, 4, st->dim, &b);
        store_bind_text(s, 5, st->encoder, &b);
    }
    if (importance >= 0)
        store_bind_double(s, 6, importance, &b);
    store_bind_int64(s, 7, now, &b);
    int src = store_step(s, b);
    if (src != SQLITE_DONE)
        rc = store_sqlerr(st, src, err, errlen, "updating a memory");
    stmt_done(s);
    if (rc == STORE_OK && vec)
        rc = store_codes_set_locked(st, id, vec, err, errlen);
    return rc;
}

int store_mem_set_frame_locked(store_t *st, int64_t id, const char *holder,
                               const char *relation, const char *value, char *err,
                               size_t errlen)
{
    sqlite3_stmt *s = stmt_get(st, S_MEM_SET_FRAME);
    int b = SQLITE_OK;
    store_bind_int64(s, 1, id, &b);
    store_bind_text(s, 2, holder, &b);
    store_bind_text(s, 3, relation, &b);
    store_bind_text(s, 4, value, &b);
    int src = store_step(s, b);
    int rc = src == SQLITE_DONE ? STORE_OK
                                : store_sqlerr(st, src, err, errlen, "setting a frame");
    stmt_done(s);
    return rc;
}

int store_memory_update(store_t *st, int64_t id, const char *text, const float *vec,
                        double importance, char *err, size_t errlen)
{
    store_memory_t old = {0};
    int rc, stale = 0;
    if (text && !*text) {
        store_errf(err, errlen, "text is empty");
        return STORE_EINVAL;
    }
    if (text && !vec) {
        store_errf(err, errlen, "a new text needs its vector");
        return STORE_EINVAL;
    }
    if (vec && !store_vec_ok(vec, st->dim)) {
        store_errf(err, errlen, "vector is not finite");
        return STORE_EINVAL;
    }
    if (isnan(importance) || importance > 1.0) {
        store_errf(err, errlen, "importance is not in 0..1");
        return STORE_EINVAL;
    }
    int64_t now = store_now_ms();

    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 1, err, errlen)) != STORE_OK)
        goto unlock;
    if ((rc = store_mem_update_locked(st, id, text, vec, importance, now, &old, &stale, err,
                                      errlen)) != STORE_OK)
        goto rollback;
    int reindex = vec && !old.superseded_by;
    if (reindex && store_ix_reserve(st, old.user, 1) != STORE_OK) {
        store_errf(err, errlen, "out of memory growing the index");
        rc = STORE_ENOMEM;
        goto rollback;
    }
    if ((rc = store_commit(st, err, errlen)) != STORE_OK)
        goto unlock;
    if (reindex)
        store_ix_put(st, old.user, id, vec, old.created_ms, old.conversation);
    if (vec && stale)
        st->nstale--;
    goto unlock;
rollback:
    store_rollback(st);
unlock:
    pthread_mutex_unlock(&st->mu);
    store_memory_clear(&old);
    return rc;
}

int store_mem_supersede_locked(store_t *st, int64_t old_id, int64_t new_id, int64_t now,
                              char *err, size_t errlen)
{
    store_memory_t old = {0}, nu = {0};
    int rc;
    if ((rc = get_locked(st, old_id, 0, &old, NULL, err, errlen)) != STORE_OK ||
        (rc = get_locked(st, new_id, 0, &nu, NULL, err, errlen)) != STORE_OK)
        goto done;
    if (strcmp(old.user, nu.user) != 0) {
        store_errf(err, errlen, "memories %lld and %lld belong to different users",
                   (long long)old_id, (long long)new_id);
        rc = STORE_EINVAL;
    } else if (old.superseded_by) {
        store_errf(err, errlen, "memory %lld is already superseded by %lld",
                   (long long)old_id, (long long)old.superseded_by);
        rc = STORE_ECONFLICT;
    } else if ((rc = add_version(st, old_id, old.text, now, new_id, err, errlen)) ==
               STORE_OK) {
        sqlite3_stmt *s = stmt_get(st, S_MEM_SUPERSEDE);
        int b = SQLITE_OK;
        store_bind_int64(s, 1, old_id, &b);
        store_bind_int64(s, 2, new_id, &b);
        store_bind_int64(s, 3, now, &b);
        int src = store_step(s, b);
        if (src != SQLITE_DONE)
            rc = store_sqlerr(st, src, err, errlen, "superseding a memory");
        stmt_done(s);
    }
done:
    store_memory_clear(&old);
    store_memory_clear(&nu);
    return rc;
}

int store_memory_supersede(store_t *st, int64_t old_id, int64_t new_id, char *err,
                           size_t errlen)
{
    int rc;
    if (old_id == new_id) {
        store_errf(err, errlen, "a memory cannot supersede itself");
        return STORE_EINVAL;
    }
    int64_t now = store_now_ms();
    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 1, err, errlen)) != STORE_OK)
        goto unlock;
    if ((rc = store_mem_supersede_locked(st, old_id, new_id, now, err, errlen)) != STORE_OK)
        goto rollback;
    if ((rc = store_commit(st, err, errlen)) != STORE_OK)
        goto unlock;
    store_ix_remove(st, old_id);
    goto unlock;
rollback:
    store_rollback(st);
unlock:
    pthread_mutex_unlock(&st->mu);
    return rc;
}

int store_memory_history(store_t *st, int64_t id, store_version_t **out, size_t *n)
{
    store_memory_t m = {0};
    store_version_t *v = NULL;
    size_t len = 0, cap = 0;
    int rc, src;
    *out = NULL;
    *n = 0;
    sqlite3_stmt *s = stmt_get(st, S_VER_LIST);
    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 0, NULL, 0)) != STORE_OK)
        goto unlock;
    if ((rc = get_locked(st, id, 0, &m, NULL, NULL, 0)) != STORE_OK)
        goto end;
    int b = SQLITE_OK;
    store_bind_int64(s, 1, id, &b);
    while ((src = store_step(s, b)) == SQLITE_ROW) {
        if (len == cap) {
            size_t nc = cap ? cap * 2 : 8;
            store_version_t *nv = realloc(v, nc * sizeof(*nv));
            if (!nv) {
                rc = STORE_ENOMEM;
                break;
            }
            v = nv;
            cap = nc;
        }
        const unsigned char *t = sqlite3_column_text(s, 0);
        v[len].text = strdup(t ? (const char *)t : "");
        v[len].valid_until_ms = sqlite3_column_int64(s, 1);
        v[len].superseded_by = sqlite3_column_int64(s, 2);
        if (!v[len].text) {
            rc = STORE_ENOMEM;
            break;
        }
        len++;
    }
    if (rc == STORE_OK && src != SQLITE_DONE)
        rc = store_sqlcode(src);
    stmt_done(s);
end:
    store_rollback(st);     /* a read: nothing to keep */
unlock:
    pthread_mutex_unlock(&st->mu);
    store_memory_clear(&m);
    if (rc != STORE_OK) {
        store_history_free(v, len);
        return rc;
    }
    *out = v;
    *n = len;
    return STORE_OK;
}

void store_history_free(store_version_t *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        free(v[i].text);
    free(v);
}

/* Whether a memory read with its vector can go back into the index: a vector of the
 * store's encoder and dim, finite. */
static int indexable(const store_t *st, const store_memory_t *m)
{
    return m->vec && !store_is_stale(st, m->dim, m->encoder) && store_vec_ok(m->vec, m->dim);
}

/* Makes the memories that id superseded current again, with st->mu held inside the
 * write transaction: *back receives them with their vectors (the caller frees it with
 * store_memories_free), and index room is reserved for those of user that can be
 * indexed (supersession never crosses users). A store code. */
static int unsupersede_locked(store_t *st, int64_t id, const char *user, int64_t now,
                              store_memory_t **back, size_t *nback)
{
    sqlite3_stmt *s = stmt_get(st, S_MEM_SUPERSEDED_OF);
    int b = SQLITE_OK, rc;
    size_t put = 0;
    store_bind_int64(s, 1, id, &b);
    if ((rc = store_collect(s, b, 1, SIZE_MAX, back, nback)) != STORE_OK || *nback == 0)
        return rc;
    s = stmt_get(st, S_MEM_UNSUPERSEDE);
    b = SQLITE_OK;
    store_bind_int64(s, 1, id, &b);
    store_bind_int64(s, 2, now, &b);
    int src = store_step(s, b);
    stmt_done(s);
    if (src != SQLITE_DONE)
        return store_sqlcode(src);
    for (size_t i = 0; i < *nback; i++)
        put += indexable(st, &(*back)[i]) && strcmp((*back)[i].user, user) == 0;
    if (put && (store_ix_reserve(st, NULL, put) != STORE_OK ||
                store_ix_reserve(st, user, put) != STORE_OK))
        return STORE_ENOMEM;
    return STORE_OK;
}

int store_memory_delete(store_t *st, int64_t id)
{
    store_memory_t m = {0}, *back = NULL;
    size_t nback = 0;
    int rc, stale = 0;
    int64_t now = store_now_ms();
    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 1, NULL, 0)) != STORE_OK)
        goto unlock;
    if ((rc = get_locked(st, id, 0, &m, &stale, NULL, 0)) != STORE_OK)
        goto rollback;
    sqlite3_stmt *s = stmt_get(st, S_MEM_DELETE);
    int b = SQLITE_OK;
    store_bind_int64(s, 1, id, &b);
    int src = store_step(s, b);
    stmt_done(s);
    if (src != SQLITE_DONE) {
        rc = store_sqlcode(src);
        goto rollback;
    }
    if ((rc = unsupersede_locked(st, id, m.user, now, &back, &nback)) != STORE_OK ||
        (rc = store_fts_purge_locked(st, NULL, 0)) != STORE_OK)
        goto rollback;
    if ((rc = store_commit(st, NULL, 0)) != STORE_OK)
        goto unlock;
    store_ix_remove(st, id);
    for (size_t i = 0; i < nback; i++)
        if (indexable(st, &back[i]) && strcmp(back[i].user, m.user) == 0)
            store_ix_put(st, back[i].user, back[i].id, back[i].vec, back[i].created_ms,
                         back[i].conversation);
    st->nmem--;
    if (stale)
        st->nstale--;
    goto unlock;
rollback:
    store_rollback(st);
unlock:
    pthread_mutex_unlock(&st->mu);
    store_memory_clear(&m);
    store_memories_free(back, nback);
    return rc;
}

int store_mem_touch_locked(store_t *st, int64_t id, int64_t now, char *err, size_t errlen)
{
    sqlite3_stmt *s = stmt_get(st, S_MEM_TOUCH);
    int b = SQLITE_OK;
    store_bind_int64(s, 1, id, &b);
    store_bind_int64(s, 2, now, &b);
    int src = store_step(s, b);
    int rc = src == SQLITE_DONE ? STORE_OK
                                : store_sqlerr(st, src, err, errlen, "marking a memory used");
    stmt_done(s);
    return rc;
}

int store_memory_touch(store_t *st, const int64_t *ids, size_t n)
{
    int rc;
    if (n == 0)
        return STORE_OK;
    if (!ids)
        return STORE_EINVAL;
    int64_t now = store_now_ms();
    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 1, NULL, 0)) != STORE_OK)
        goto unlock;
    for (size_t i = 0; i < n; i++) {
        if ((rc = store_mem_touch_locked(st, ids[i], now, NULL, 0)) != STORE_OK) {
            store_rollback(st);
            goto unlock;
        }
    }
    rc = store_commit(st, NULL, 0);
unlock:
    pthread_mutex_unlock(&st->mu);
    return rc;
}
