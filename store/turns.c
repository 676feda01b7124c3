/* turns.c: conversations and their turns, the log the daemon's working memory is
 * restored from. A conversation belongs to the user who wrote its first turn; its turns
 * go with it when it is deleted (ON DELETE CASCADE). */
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

/* Makes sure conversation exists and belongs to user, then inserts the n turns
 * (roles[i], texts[i]) with ids[i]. With st->mu held, inside a write transaction. */
static int insert_turns(store_t *st, const char *user, const char *conversation,
                        const char *const *roles, const char *const *texts, int n,
                        int64_t *ids)
{
    int rc = STORE_OK, src;
    int64_t now = store_now_ms();
    sqlite3_stmt *s = stmt_get(st, S_CONV_ENSURE);
    sqlite3_bind_text(s, 1, conversation, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 3, now);
    src = sqlite3_step(s);
    stmt_done(s);
    if (src != SQLITE_DONE)
        return STORE_EIO;
    s = stmt_get(st, S_CONV_OWNER);
    sqlite3_bind_text(s, 1, conversation, -1, SQLITE_STATIC);
    src = sqlite3_step(s);
    if (src != SQLITE_ROW)
        rc = STORE_EIO;
    else if (strcmp((const char *)sqlite3_column_text(s, 0), user) != 0)
        rc = STORE_ECONFLICT;   /* another user's conversation */
    stmt_done(s);
    for (int i = 0; i < n && rc == STORE_OK; i++) {
        s = stmt_get(st, S_TURN_INSERT);
        sqlite3_bind_text(s, 1, conversation, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, roles[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, texts[i], -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 4, now);
        src = sqlite3_step(s);
        stmt_done(s);
        if (src != SQLITE_DONE)
            rc = STORE_EIO;
        else
            ids[i] = sqlite3_last_insert_rowid(st->db);
    }
    return rc;
}

/* n turns of conversation in one transaction (one commit, one sync). */
static int add_turns(store_t *st, const char *user, const char *conversation,
                     const char *const *roles, const char *const *texts, int n, int64_t *ids)
{
    int rc;
    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 1, NULL, 0)) != STORE_OK)
        goto unlock;
    if ((rc = insert_turns(st, user, conversation, roles, texts, n, ids)) != STORE_OK)
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

int store_turn_add(store_t *st, const char *user, const char *conversation,
                   const char *role, const char *text, int64_t *id_out)
{
    int64_t id = 0;
    if (!user || !*user || !conversation || !*conversation || !text || !role_ok(role))
        return STORE_EINVAL;
    int rc = add_turns(st, user, conversation, &role, &text, 1, &id);
    if (rc == STORE_OK && id_out)
        *id_out = id;
    return rc;
}

int store_exchange_add(store_t *st, const char *user, const char *conversation,
                       const char *message, const char *reply, int64_t *message_id,
                       int64_t *reply_id)
{
    static const char *const roles[2] = {"user", "assistant"};
    const char *texts[2] = {message, reply};
    int64_t ids[2] = {0, 0};
    if (!user || !*user || !conversation || !*conversation || !message || !reply)
        return STORE_EINVAL;
    int rc = add_turns(st, user, conversation, roles, texts, 2, ids);
    if (rc == STORE_OK) {
        if (message_id)
            *message_id = ids[0];
        if (reply_id)
            *reply_id = ids[1];
    }
    return rc;
}

int store_turns_last(store_t *st, const char *conversation, int limit, store_turn_t **out,
                     size_t *n, char **owner)
{
    store_turn_t *v = NULL;
    char *who = NULL;
    size_t len = 0;
    int rc, src;
    *out = NULL;
    *n = 0;
    if (owner)
        *owner = NULL;
    if (!conversation || limit < 0)
        return STORE_EINVAL;
    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 0, NULL, 0)) != STORE_OK)
        goto unlock;
    sqlite3_stmt *s = stmt_get(st, S_CONV_OWNER);
    sqlite3_bind_text(s, 1, conversation, -1, SQLITE_STATIC);
    src = sqlite3_step(s);
    if (src == SQLITE_ROW) {
        if (!(who = strdup((const char *)sqlite3_column_text(s, 0))))
            rc = STORE_ENOMEM;
    } else {
        rc = src == SQLITE_DONE ? STORE_ENOTFOUND : STORE_EIO;
    }
    stmt_done(s);
    if (rc != STORE_OK || limit == 0)
        goto end;
    if (!(v = calloc((size_t)limit, sizeof(*v)))) {
        rc = STORE_ENOMEM;
        goto end;
    }
    /* Newest first from SQLite, stored from the back so the array is oldest first. */
    s = stmt_get(st, S_TURN_LAST);
    sqlite3_bind_text(s, 1, conversation, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 2, limit);
    while ((src = sqlite3_step(s)) == SQLITE_ROW) {
        store_turn_t *t = &v[limit - 1 - (int)len];
        t->id = sqlite3_column_int64(s, 0);
        t->role = strdup((const char *)sqlite3_column_text(s, 1));
        t->text = strdup((const char *)sqlite3_column_text(s, 2));
        t->created_ms = sqlite3_column_int64(s, 3);
        len++;
        if (!t->role || !t->text) {
            rc = STORE_ENOMEM;
            break;
        }
    }
    if (rc == STORE_OK && src != SQLITE_DONE)
        rc = STORE_EIO;
    stmt_done(s);
    if (len < (size_t)limit)    /* move the filled tail to the front */
        memmove(v, v + ((size_t)limit - len), len * sizeof(*v));
end:
    store_rollback(st);
unlock:
    pthread_mutex_unlock(&st->mu);
    if (rc != STORE_OK) {
        store_turns_free(v, len);
        free(who);
        return rc;
    }
    *out = v;
    *n = len;
    if (owner)
        *owner = who;
    else
        free(who);
    return STORE_OK;
}

void store_turns_free(store_turn_t *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++) {
        free(v[i].role);
        free(v[i].text);
    }
    free(v);
}

int store_conversation_delete(store_t *st, const char *conversation)
{
    int rc;
    if (!conversation)
        return STORE_EINVAL;
    pthread_mutex_lock(&st->mu);
    if ((rc = store_begin(st, 1, NULL, 0)) != STORE_OK)
        goto unlock;
    sqlite3_stmt *s = stmt_get(st, S_CONV_DELETE);
    sqlite3_bind_text(s, 1, conversation, -1, SQLITE_STATIC);
    int src = sqlite3_step(s);
    stmt_done(s);
    if (src != SQLITE_DONE) {
        rc = STORE_EIO;
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
