/* usage.c: how many memories and conversations each user has, and the per-user quotas on
 * them (store_usage_get, store_set_quotas). The counts live in a TEMP table that the
 * database itself keeps in step through TEMP triggers on every insert and delete, in the
 * writing transaction (a rollback undoes them), so no write path of the store can miss
 * one and reading a user's counts is one primary-key lookup; they are counted once at
 * open. The same triggers check the quotas: a row that takes its user past one aborts
 * its statement with SQLITE_CONSTRAINT_TRIGGER (STORE_EQUOTA), undoing the row and its
 * count, so the check runs inside the write's own transaction and concurrent writers
 * cannot overshoot it. Nothing here is persistent: the schema (and its version) is
 * untouched. */
#include <stdio.h>
#include <string.h>

#include "store/store_internal.h"

/* Unqualified names inside the triggers resolve to the temp tables (SQLite forbids
 * qualified ones there); main has no table of these names. Each quota is 0 = none. One
 * AFTER INSERT trigger both counts and checks (a BEFORE trigger for the check cost as
 * much again per row); it does not fire for the chat turn's INSERT ... DO NOTHING of a
 * conversation that exists, so that one is never refused. */
static const char USAGE_SQL[] =
    "CREATE TEMP TABLE mnemo_usage ("
    "  user TEXT PRIMARY KEY,"
    "  memories INTEGER NOT NULL DEFAULT 0,"
    "  conversations INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
    "CREATE TEMP TABLE mnemo_quota (memories INTEGER NOT NULL, conversations INTEGER NOT NULL);"
    "INSERT INTO temp.mnemo_quota VALUES (0, 0);"
    "INSERT INTO temp.mnemo_usage (user, memories)"
    "  SELECT user, count(*) FROM main.memories GROUP BY user;"
    "INSERT INTO temp.mnemo_usage (user, conversations)"
    "  SELECT user, count(*) FROM main.conversations WHERE true GROUP BY user"
    "  ON CONFLICT (user) DO UPDATE SET conversations = excluded.conversations;"
    "CREATE TEMP TRIGGER mnemo_memories_added AFTER INSERT ON main.memories BEGIN"
    "  INSERT INTO mnemo_usage (user, memories) VALUES (new.user, 1)"
    "   ON CONFLICT (user) DO UPDATE SET memories = memories + 1;"
    "  SELECT RAISE(ABORT, 'the user''s memory quota is reached') FROM mnemo_quota AS q"
    "   WHERE q.memories > 0"
    "   AND (SELECT memories FROM mnemo_usage WHERE user = new.user) > q.memories;"
    "  END;"
    "CREATE TEMP TRIGGER mnemo_memories_removed AFTER DELETE ON main.memories BEGIN"
    "  UPDATE mnemo_usage SET memories = memories - 1 WHERE user = old.user;"
    "  DELETE FROM mnemo_usage WHERE user = old.user AND memories = 0 AND conversations = 0;"
    "  END;"
    "CREATE TEMP TRIGGER mnemo_conversations_added AFTER INSERT ON main.conversations BEGIN"
    "  INSERT INTO mnemo_usage (user, conversations) VALUES (new.user, 1)"
    "   ON CONFLICT (user) DO UPDATE SET conversations = conversations + 1;"
    "  SELECT RAISE(ABORT, 'the user''s conversation quota is reached') FROM mnemo_quota AS q"
    "   WHERE q.conversations > 0"
    "   AND (SELECT conversations FROM mnemo_usage WHERE user = new.user) > q.conversations;"
    "  END;"
    "CREATE TEMP TRIGGER mnemo_conversations_removed AFTER DELETE ON main.conversations BEGIN"
    "  UPDATE mnemo_usage SET conversations = conversations - 1 WHERE user = old.user;"
    "  DELETE FROM mnemo_usage WHERE user = old.user AND memories = 0 AND conversations = 0;"
    "  END;";

int store_usage_open(sqlite3 *db, char *err, size_t errlen)
{
    char *msg = NULL;
    int src = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    if (src == SQLITE_OK) src = sqlite3_exec(db, USAGE_SQL, NULL, NULL, &msg);
    if (src == SQLITE_OK) src = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    if (src != SQLITE_OK) {
        store_errf(err, errlen, "counting each user's memories and conversations: %s",
                   msg ? msg : sqlite3_errstr(src));
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    }
    sqlite3_free(msg);
    return store_sqlcode(src);
}

int store_usage_get(store_t *st, const char *user, store_usage_t *out)
{
    memset(out, 0, sizeof *out);
    if (!user)
        return STORE_EINVAL;
    int b = SQLITE_OK, rc = STORE_OK, src;
    pthread_mutex_lock(&st->mu);
    sqlite3_stmt *s = stmt_get(st, S_USAGE_GET);
    store_bind_text(s, 1, user, &b);
    if ((src = store_step(s, b)) == SQLITE_ROW) {
        out->memories = sqlite3_column_int64(s, 0);
        out->conversations = sqlite3_column_int64(s, 1);
        out->max_memories = sqlite3_column_int64(s, 2);
        out->max_conversations = sqlite3_column_int64(s, 3);
    } else {
        rc = store_sqlcode(src);    /* DONE cannot happen: the quota row always exists */
    }
    stmt_done(s);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

int store_set_quotas(store_t *st, int64_t max_memories, int64_t max_conversations)
{
    if (max_memories < 0 || max_conversations < 0)
        return STORE_EINVAL;
    int b = SQLITE_OK;
    pthread_mutex_lock(&st->mu);
    sqlite3_stmt *s = stmt_get(st, S_QUOTA_SET);
    store_bind_int64(s, 1, max_memories, &b);
    store_bind_int64(s, 2, max_conversations, &b);
    int rc = store_sqlcode(store_step(s, b));
    stmt_done(s);
    pthread_mutex_unlock(&st->mu);
    return rc;
}
