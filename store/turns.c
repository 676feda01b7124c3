/* turns.c: conversations and their turns, the log the daemon's working memory is
 * restored from. A conversation is keyed by its user and its id (two users may both
 * have a "main"); its turns go with it when it is deleted (ON DELETE CASCADE). A turn's
 * kind is the model layer's word for the exchange, kept here as an opaque short string. */
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define KIND_MAX_STR STR(STORE_KIND_MAX)

/* A turn's attention as its column holds it: natt records of ATT_BYTES, each the turn
 * id (int64) then the weight (float), in the machine's byte order as the memories'
 * vectors are. */
#define ATT_BYTES (sizeof(int64_t) + sizeof(float))

/* att packed into a malloc'd buffer (at least one byte, so that an empty list is an
 * empty BLOB rather than NULL), or NULL when out of memory. */
static unsigned char *attention_pack(const store_attention_t *att, size_t natt)
{
    unsigned char *buf = malloc(natt ? natt * ATT_BYTES : 1);
    for (size_t i = 0; buf && i < natt; i++) {
        memcpy(buf + i * ATT_BYTES, &att[i].turn, sizeof(int64_t));
        memcpy(buf + i * ATT_BYTES + sizeof(int64_t), &att[i].weight, sizeof(float));
    }
    return buf;
}

/* Column col of the current row into t's attention. A NULL column is no list; so is a
 * BLOB whose size is not a whole number of records (the list only explains a reply, so
 * a damaged one is left out rather than failing the conversation's read). Returns
 * STORE_OK or STORE_ENOMEM. */
static int attention_read(sqlite3_stmt *s, int col, store_turn_t *t)
{
    if (sqlite3_column_type(s, col) != SQLITE_BLOB)
        return STORE_OK;
    const unsigned char *blob = sqlite3_column_blob(s, col);
    size_t bytes = (size_t)sqlite3_column_bytes(s, col), n = bytes / ATT_BYTES;
    if (bytes % ATT_BYTES || n > STORE_ATTENTION_MAX)
        return STORE_OK;
    if (n && !(t->attention = malloc(n * sizeof(*t->attention))))
        return STORE_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        memcpy(&t->attention[i].turn, blob + i * ATT_BYTES, sizeof(int64_t));
        memcpy(&t->attention[i].weight, blob + i * ATT_BYTES + sizeof(int64_t), sizeof(float));
    }
    t->nattention = n;
    t->has_attention = 1;
    return STORE_OK;
}

/* Makes sure user's conversation exists, then inserts the n turns (roles[i], texts[i],
 * kind) with ids[i], the first with att. With st->mu held, inside a write transaction. */
int store_turns_insert(store_t *st, const char *user, const char *conversation,
                       const char *const *roles, const char *const *texts, const char *kind,
                       const store_attention_t *att, size_t natt, int n, int64_t *ids,
                       char *err, size_t errlen)
{
    int rc = STORE_OK, src, b = SQLITE_OK;
    int64_t now = store_now_ms();
    unsigned char *packed = NULL;
    if (att && !(packed = attention_pack(att, natt))) {
        store_errf(err, errlen, "out of memory");
        return STORE_ENOMEM;
    }
    sqlite3_stmt *s = stmt_get(st, S_CONV_ENSURE);
    store_bind_text(s, 1, conversation, &b);
    store_bind_text(s, 2, user, &b);
    store_bind_int64(s, 3, now, &b);
    if ((src = store_step(s, b)) != SQLITE_DONE)
        rc = store_sqlerr(st, src, err, errlen, "recording the conversation");
    stmt_done(s);
    for (int i = 0; i < n && rc == STORE_OK; i++) {
        s = stmt_get(st, S_TURN_INSERT);
        b = SQLITE_OK;
        store_bind_text(s, 1, conversation, &b);
        store_bind_text(s, 2, roles[i], &b);
        store_bind_text(s, 3, texts[i], &b);
        store_bind_int64(s, 4, now, &b);
        store_bind_text(s, 5, kind, &b);
        store_bind_text(s, 6, user, &b);
        if (i == 0 && packed)   /* else ?7 stays NULL */
            store_bind_blob(s, 7, packed, natt * ATT_BYTES, &b);
        if ((src = store_step(s, b)) != SQLITE_DONE)
            rc = store_sqlerr(st, src, err, errlen, "adding a turn");
        else
            ids[i] = sqlite3_last_insert_rowid(st->db);
        stmt_done(s);
    }
    free(packed);
    return rc;
}

/* n turns of conversation in one transaction (one commit, one sync). */
static int add_turns(store_t *st, const char *user, const char *conversation,
                     const char *const *roles, const char *const *texts, const char *kind,
                     int n, int64_t *ids)
{
    int rc;
    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 1, NULL, 0)) != STORE_OK)
        goto unlock;
    if ((rc = store_turns_insert(st, user, conversation, roles, texts, kind, NULL, 0, n, ids,
                                 NULL, 0)) != STORE_OK)
        store_rollback(st);
    else
        rc = store_commit(st, NULL, 0);
unlock:
    pthread_mutex_unlock(&st->mu);
    return rc;
}

static int role_ok(const char *role)
{
    return role && (strcmp(role, "user") == 0 || strcmp(role, "assistant") == 0);
}

/* NULL (unknown) or 1..STORE_KIND_MAX bytes of [a-z_]. */
static int kind_ok(const char *kind)
{
    if (!kind)
        return 1;
    size_t n = strspn(kind, "abcdefghijklmnopqrstuvwxyz_");
    return n >= 1 && n <= STORE_KIND_MAX && kind[n] == 0;
}

int store_turn_add(store_t *st, const char *user, const char *conversation,
                   const char *role, const char *text, const char *kind, int64_t *id_out)
{
    int64_t id = 0;
    if (!user || !*user || !conversation || !*conversation || !text || !role_ok(role) ||
        !kind_ok(kind))
        return STORE_EINVAL;
    int rc = add_turns(st, user, conversation, &role, &text, kind, 1, &id);
    if (rc == STORE_OK && id_out)
        *id_out = id;
    return rc;
}

int store_exchange_add(store_t *st, const char *user, const char *conversation,
                       const char *message, const char *reply, const char *kind,
                       int64_t *message_id, int64_t *reply_id)
{
    static const char *const roles[2] = {"user", "assistant"};
    const char *texts[2] = {message, reply};
    int64_t ids[2] = {0, 0};
    if (!user || !*user || !conversation || !*conversation || !message || !reply ||
        !kind_ok(kind))
        return STORE_EINVAL;
    int rc = add_turns(st, user, conversation, roles, texts, kind, 2, ids);
    if (rc == STORE_OK) {
        if (message_id)
            *message_id = ids[0];
        if (reply_id)
            *reply_id = ids[1];
    }
    return rc;
}

int store_turns_last(store_t *st, const char *user, const char *conversation, int limit,
                     store_turn_t **out, size_t *n)
{
    store_turn_t *v = NULL;
    size_t len = 0;
    int rc, src;
    *out = NULL;
    *n = 0;
    if (!user || !conversation || limit < 0)
        return STORE_EINVAL;
    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 0, NULL, 0)) != STORE_OK)
        goto unlock;
    sqlite3_stmt *s = stmt_get(st, S_CONV_FIND);
    int b = SQLITE_OK;
    store_bind_text(s, 1, user, &b);
    store_bind_text(s, 2, conversation, &b);
    src = store_step(s, b);
    if (src != SQLITE_ROW)
        rc = src == SQLITE_DONE ? STORE_ENOTFOUND : store_sqlcode(src);
    stmt_done(s);
    if (rc != STORE_OK || limit == 0)
        goto end;
    if (!(v = calloc((size_t)limit, sizeof(*v)))) {
        rc = STORE_ENOMEM;
        goto end;
    }
    /* Newest first from SQLite, stored from the back so the array is oldest first. */
    s = stmt_get(st, S_TURN_LAST);
    b = SQLITE_OK;
    store_bind_text(s, 1, conversation, &b);
    store_bind_int64(s, 2, limit, &b);
    store_bind_text(s, 3, user, &b);
    while ((src = store_step(s, b)) == SQLITE_ROW) {
        store_turn_t *t = &v[limit - 1 - (int)len];
        const unsigned char *kind = sqlite3_column_text(s, 4);
        t->id = sqlite3_column_int64(s, 0);
        t->role = strdup((const char *)sqlite3_column_text(s, 1));
        t->text = strdup((const char *)sqlite3_column_text(s, 2));
        t->created_ms = sqlite3_column_int64(s, 3);
        t->kind = kind ? strdup((const char *)kind) : NULL;
        len++;
        if (!t->role || !t->text || (kind && !t->kind) || attention_read(s, 5, t)) {
            rc = STORE_ENOMEM;
            break;
        }
    }
    if (rc == STORE_OK && src != SQLITE_DONE)
        rc = store_sqlcode(src);
    stmt_done(s);
    if (len < (size_t)limit)    /* move the filled tail to the front */
        memmove(v, v + ((size_t)limit - len), len * sizeof(*v));
end:
    store_rollback(st);
unlock:
    pthread_mutex_unlock(&st->mu);
    if (rc != STORE_OK) {
        store_turns_free(v, len);
        return rc;
    }
    *out = v;
    *n = len;
    return STORE_OK;
}

int store_turns_said(store_t *st, const char *user, int limit, store_turn_t **out, size_t *n)
{
    store_turn_t *v = NULL;
    size_t len = 0;
    int rc = STORE_OK, b = SQLITE_OK, src;
    *out = NULL;
    *n = 0;
    if (!user || !*user || limit < 1)
        return STORE_EINVAL;
    if (!(v = calloc((size_t)limit, sizeof(*v))))
        return STORE_ENOMEM;
    pthread_mutex_lock(&st->mu);
    sqlite3_stmt *s = stmt_get(st, S_TURN_SAID);
    store_bind_text(s, 1, user, &b);
    store_bind_int64(s, 2, limit, &b);
    while ((src = store_step(s, b)) == SQLITE_ROW) {
        store_turn_t *t = &v[len++];
        const unsigned char *kind = sqlite3_column_text(s, 4);
        t->id = sqlite3_column_int64(s, 0);
        t->conversation = strdup((const char *)sqlite3_column_text(s, 1));
        t->role = strdup("user");
        t->text = strdup((const char *)sqlite3_column_text(s, 2));
        t->created_ms = sqlite3_column_int64(s, 3);
        t->kind = kind ? strdup((const char *)kind) : NULL;
        if (!t->conversation || !t->role || !t->text || (kind && !t->kind)) {
            rc = STORE_ENOMEM;
            break;
        }
    }
    if (rc == STORE_OK && src != SQLITE_DONE)
        rc = store_sqlcode(src);
    stmt_done(s);
    pthread_mutex_unlock(&st->mu);
    if (rc != STORE_OK) {
        store_turns_free(v, len);
        return rc;
    }
    *out = v;
    *n = len;
    return STORE_OK;
}

void store_turns_free(store_turn_t *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++) {
        free(v[i].conversation);
        free(v[i].role);
        free(v[i].text);
        free(v[i].kind);
        free(v[i].attention);
    }
    free(v);
}

int store_conversation_delete(store_t *st, const char *user, const char *conversation)
{
    int rc;
    if (!user || !conversation)
        return STORE_EINVAL;
    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 1, NULL, 0)) != STORE_OK)
        goto unlock;
    sqlite3_stmt *s = stmt_get(st, S_CONV_DELETE);
    int b = SQLITE_OK;
    store_bind_text(s, 1, user, &b);
    store_bind_text(s, 2, conversation, &b);
    int src = store_step(s, b);
    stmt_done(s);
    if (src != SQLITE_DONE) {
        rc = store_sqlcode(src);
        store_rollback(st);
        goto unlock;
    }
    if (sqlite3_changes(st->db) == 0) {
        rc = STORE_ENOTFOUND;
        store_rollback(st);
        goto unlock;
    }
    rc = store_commit(st, NULL, 0);
unlock:
    pthread_mutex_unlock(&st->mu);
    return rc;
}

int store_conversations_list(store_t *st, const char *user, int64_t cursor, int limit,
                             store_conversation_t **out, size_t *n, int64_t *next_cursor)
{
    store_conversation_t *v = NULL;
    size_t len = 0;
    int rc = STORE_OK, src, b = SQLITE_OK;
    *out = NULL;
    *n = 0;
    *next_cursor = 0;
    if (!user || !*user || cursor < 0 || limit < 1 || limit > STORE_LIST_MAX)
        return STORE_EINVAL;
    /* One row more than asked says whether another page follows. */
    if (!(v = calloc((size_t)limit + 1, sizeof *v)))
        return STORE_ENOMEM;
    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 0, NULL, 0)) != STORE_OK)
        goto unlock;
    sqlite3_stmt *s = stmt_get(st, S_CONV_LIST);
    store_bind_text(s, 1, user, &b);
    store_bind_int64(s, 2, cursor ? cursor : INT64_MAX, &b);
    store_bind_int64(s, 3, (int64_t)limit + 1, &b);
    while ((src = store_step(s, b)) == SQLITE_ROW) {
        store_conversation_t *c = &v[len++];
        c->seq = sqlite3_column_int64(s, 0);
        c->created_ms = sqlite3_column_int64(s, 2);
        c->turns = sqlite3_column_int64(s, 3);
        c->last_ms = sqlite3_column_int64(s, 4);    /* NULL (no turn) reads as 0 */
        if (!(c->id = strdup((const char *)sqlite3_column_text(s, 1)))) {
            rc = STORE_ENOMEM;
            break;
        }
    }
    if (rc == STORE_OK && src != SQLITE_DONE)
        rc = store_sqlcode(src);
    stmt_done(s);
    store_rollback(st);
unlock:
    pthread_mutex_unlock(&st->mu);
    if (rc != STORE_OK) {
        store_conversations_free(v, len);
        return rc;
    }
    if (len > (size_t)limit) {
        free(v[limit].id);
        len = (size_t)limit;
        *next_cursor = v[len - 1].seq;
    }
    *out = v;
    *n = len;
    return STORE_OK;
}

void store_conversations_free(store_conversation_t *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        free(v[i].id);
    free(v);
}

static int redact(store_t *st, enum store_stmt stmt, const char *user, const char *needle, size_t *n,
                  char *err, size_t errlen);

int store_turns_redact(store_t *st, const char *user, const char *needle, size_t *n,
                       char *err, size_t errlen)
{
    return redact(st, S_TURN_REDACT, user, needle, n, err, errlen);
}

int store_turns_redact_part(store_t *st, const char *user, const char *needle, size_t *n,
                            char *err, size_t errlen)
{
    return redact(st, S_TURN_REDACT_PART, user, needle, n, err, errlen);
}

/* Runs the redacting statement stmt (S_TURN_REDACT or S_TURN_REDACT_PART) for needle. */
static int redact(store_t *st, enum store_stmt stmt, const char *user, const char *needle, size_t *n,
                  char *err, size_t errlen)
{
    int rc, b = SQLITE_OK;
    if (n)
        *n = 0;
    if (!user || !*user || !needle || !*needle) {
        store_errf(err, errlen, "redacting turns needs a user and a text");
        return STORE_EINVAL;
    }
    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 1, err, errlen)) != STORE_OK)
        goto unlock;
    sqlite3_stmt *s = stmt_get(st, stmt);
    store_bind_text(s, 1, user, &b);
    store_bind_text(s, 2, needle, &b);
    store_bind_text(s, 3, STORE_REDACTED, &b);
    int src = store_step(s, b);
    if (src != SQLITE_DONE) {
        rc = store_sqlerr(st, src, err, errlen, "redacting turns");
        stmt_done(s);
        store_rollback(st);
        goto unlock;
    }
    stmt_done(s);
    int changed = sqlite3_changes(st->db);
    if (n)
        *n = (size_t)changed;
    rc = store_commit(st, err, errlen);
    if (rc == STORE_OK && changed)      /* the old text leaves the WAL too */
        rc = store_checkpoint_locked(st, err, errlen);
unlock:
    pthread_mutex_unlock(&st->mu);
    return rc;
}

int store_memories_with_text(store_t *st, const char *user, const char *needle, int64_t *ids,
                             size_t max, size_t *n)
{
    int rc = STORE_OK, b = SQLITE_OK, src;
    *n = 0;
    if (!user || !*user || !needle || !*needle || (max && !ids))
        return STORE_EINVAL;
    pthread_mutex_lock(&st->mu);
    sqlite3_stmt *s = stmt_get(st, S_MEM_WITH_TEXT);
    store_bind_text(s, 1, user, &b);
    store_bind_text(s, 2, needle, &b);
    store_bind_int64(s, 3, (int64_t)max, &b);
    while ((src = store_step(s, b)) == SQLITE_ROW)
        ids[(*n)++] = sqlite3_column_int64(s, 0);
    if (src != SQLITE_DONE)
        rc = store_sqlcode(src);
    stmt_done(s);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

/* The statement's memory inside the turn's transaction: touched, updated or added
 * (w->mem_id), then the superseded ones. With st->mu held; *old receives the updated
 * row, *stale whether it was of another encoder. */
static int chat_memory_locked(store_t *st, store_chat_write_t *w, int64_t now,
                              store_memory_t *old, int *stale, char *err, size_t errlen)
{
    char why[256];
    int rc;
    if (w->update_id && w->touch_only)
        rc = store_mem_touch_locked(st, w->update_id, now, err, errlen);
    else if (w->update_id) {
        rc = store_mem_update_locked(st, w->update_id, w->mem->text, w->mem->vec, -1, now,
                                     old, stale, err, errlen);
        if (rc == STORE_OK)     /* the new text's frame, or none: the old one described
                                   the old text */
            rc = store_mem_set_frame_locked(st, w->update_id, w->mem->holder,
                                            w->mem->relation, w->mem->value, err, errlen);
    } else
        rc = store_mem_insert_locked(st, w->mem, now, &w->mem_id, err, errlen);
    if (rc != STORE_OK)
        return rc;
    if (w->update_id)
        w->mem_id = w->update_id;
    w->nsuperseded = 0;
    for (size_t i = 0; i < w->nsupersede; i++) {
        int64_t id = w->supersede[i];
        if (id == w->mem_id)
            continue;
        rc = store_mem_supersede_locked(st, id, w->mem_id, now, why, sizeof(why));
        if (rc == STORE_OK) {
            w->superseded[w->nsuperseded++] = id;
        } else if (rc != STORE_ECONFLICT && rc != STORE_ENOTFOUND && rc != STORE_EINVAL) {
            store_errf(err, errlen, "%s", why);
            return rc;
        }   /* else gone, or already superseded, or another user's: skipped */
    }
    return STORE_OK;
}

/* Why the arguments of store_chat_commit are not acceptable, or NULL. */
static const char *chat_args_bad(const store_t *st, const char *user,
                                 const char *conversation, const char *message,
                                 const char *reply, const char *kind,
                                 const store_chat_write_t *w)
{
    if (!user || !*user)
        return "user is empty";
    if (!conversation || !*conversation)
        return "conversation is empty";
    if (!message || !reply)
        return "a turn needs a message and a reply";
    if (!kind_ok(kind))
        return "kind must be 1.." KIND_MAX_STR " bytes of a-z and _";
    if (!w)
        return NULL;
    if (!w->mem || !w->mem->vec || (w->nsupersede && (!w->supersede || !w->superseded)))
        return "the statement's memory, vector or supersede arrays are missing";
    if (w->touch_only)
        return NULL;
    if (w->mem->dim != st->dim)
        return "the statement's vector dimension differs from the store's";
    if (!store_vec_ok(w->mem->vec, st->dim))
        return "the statement's vector is not finite";
    if (!w->mem->text || !*w->mem->text)
        return "the statement's text is empty";
    return store_frame_bad(w->mem->holder, w->mem->relation, w->mem->value);
}

int store_chat_commit_n(store_t *st, const char *user, const char *conversation,
                        const char *message, const char *reply, const char *kind,
                        int64_t *message_id, int64_t *reply_id, store_chat_write_t *w,
                        size_t nw, const store_attention_t *att, size_t natt, char *err,
                        size_t errlen)
{
    static const char *const roles[2] = {"user", "assistant"};
    const char *texts[2] = {message, reply};
    int64_t ids[2] = {0, 0}, now = store_now_ms();
    store_memory_t *old = calloc(nw + 1, sizeof *old);
    int *stale = calloc(nw + 1, sizeof *stale), *put = calloc(nw + 1, sizeof *put), rc;
    const char *bad = chat_args_bad(st, user, conversation, message, reply, kind, NULL);
    for (size_t i = 0; !bad && i < nw; i++)
        bad = chat_args_bad(st, user, conversation, message, reply, kind, &w[i]);
    if (!bad && ((!att && natt) || natt > STORE_ATTENTION_MAX))
        bad = "the attention list is missing or too long";
    if (bad) {
        store_errf(err, errlen, "%s", bad);
        rc = STORE_EINVAL;
        goto out;
    }
    if (!old || !stale || !put) {
        store_errf(err, errlen, "out of memory");
        rc = STORE_ENOMEM;
        goto out;
    }
    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 1, err, errlen)) != STORE_OK)
        goto unlock;
    if ((rc = store_turns_insert(st, user, conversation, roles, texts, kind, att, natt, 2, ids,
                                 err, errlen)) != STORE_OK)
        goto rollback;
    size_t nput = 0;
    for (size_t i = 0; i < nw; i++) {
        if ((rc = chat_memory_locked(st, &w[i], now, &old[i], &stale[i], err, errlen)) !=
            STORE_OK)
            goto rollback;
        put[i] = !(w[i].update_id && (w[i].touch_only || old[i].superseded_by));
        nput += (size_t)put[i];
    }
    if (nput && store_ix_reserve(st, user, nput) != STORE_OK) {
        store_errf(err, errlen, "out of memory growing the index");
        rc = STORE_ENOMEM;
        goto rollback;
    }
    if ((rc = store_commit(st, err, errlen)) != STORE_OK)
        goto unlock;
    for (size_t i = 0; i < nw; i++) {
        if (put[i])
            store_ix_put(st, user, w[i].mem_id, w[i].mem->vec,
                         w[i].update_id ? old[i].created_ms : now,
                         w[i].update_id ? old[i].conversation : w[i].mem->conversation);
        if (!w[i].update_id)
            st->nmem++;
        if (w[i].update_id && !w[i].touch_only && stale[i])
            st->nstale--;
        for (size_t j = 0; j < w[i].nsuperseded; j++)
            store_ix_remove(st, w[i].superseded[j]);
    }
    if (message_id)
        *message_id = ids[0];
    if (reply_id)
        *reply_id = ids[1];
    goto unlock;
rollback:
    store_rollback(st);
unlock:
    pthread_mutex_unlock(&st->mu);
out:
    for (size_t i = 0; old && i < nw; i++)
        store_memory_clear(&old[i]);
    free(old);
    free(stale);
    free(put);
    return rc;
}

int store_chat_commit(store_t *st, const char *user, const char *conversation,
                      const char *message, const char *reply, const char *kind,
                      int64_t *message_id, int64_t *reply_id, store_chat_write_t *w,
                      char *err, size_t errlen)
{
    return store_chat_commit_n(st, user, conversation, message, reply, kind, message_id,
                               reply_id, w, w ? 1 : 0, NULL, 0, err, errlen);
}
