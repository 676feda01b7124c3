/* schema.c: the database's pragmas and schema, versioned by PRAGMA user_version.
 * migrations[v] takes a database from version v to v + 1; a new database runs them all
 * (so the upgrade path is the path every database takes), inside one transaction that
 * also sets user_version. A database newer than STORE_SCHEMA_VERSION is refused before
 * anything is written to it. */
#include <stdio.h>
#include <string.h>

#include "store/store_internal.h"

/* 0 -> 1: the first schema: memories without importance, supersession or history. */
static const char MIGRATE_0_1[] =
    "CREATE TABLE conversations ("
    "  id TEXT PRIMARY KEY,"
    "  user TEXT NOT NULL,"
    "  created_ms INTEGER NOT NULL);"
    "CREATE INDEX conversations_user ON conversations(user);"
    "CREATE TABLE memories ("
    "  id INTEGER PRIMARY KEY,"
    "  user TEXT NOT NULL,"
    "  conversation TEXT,"
    "  text TEXT NOT NULL,"
    "  vec BLOB NOT NULL,"
    "  dim INTEGER NOT NULL,"
    "  encoder TEXT NOT NULL,"
    "  created_ms INTEGER NOT NULL,"
    "  updated_ms INTEGER NOT NULL,"
    "  last_used_ms INTEGER,"
    "  use_count INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX memories_user ON memories(user);"
    "CREATE TABLE turns ("
    "  id INTEGER PRIMARY KEY,"
    "  conversation TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,"
    "  role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),"
    "  text TEXT NOT NULL,"
    "  created_ms INTEGER NOT NULL);"
    "CREATE INDEX turns_conversation ON turns(conversation, id);";

/* 1 -> 2: importance, supersession and the history of each memory's text. Existing
 * memories get the default importance and are current. */
static const char MIGRATE_1_2[] =
    "ALTER TABLE memories ADD COLUMN importance REAL NOT NULL DEFAULT 0.5;"
    "ALTER TABLE memories ADD COLUMN superseded_by INTEGER;"
    "DROP INDEX IF EXISTS memories_user;"
    "CREATE INDEX memories_user_id ON memories(user, id);"
    "CREATE TABLE memory_versions ("
    "  id INTEGER PRIMARY KEY,"
    "  memory_id INTEGER NOT NULL REFERENCES memories(id) ON DELETE CASCADE,"
    "  text TEXT NOT NULL,"
    "  valid_until_ms INTEGER NOT NULL,"
    "  superseded_by INTEGER);"
    "CREATE INDEX memory_versions_memory ON memory_versions(memory_id, id);";

/* 2 -> 3: each turn records its kind, the model layer's word for the exchange (NULL =
 * unknown), instead of the agent rebuilding it from the reply's text. Existing turns get
 * what version 2 knew: an assistant turn reading exactly 'got it' (version 2's
 * acknowledgement of a statement; this is the one place that compares with it) was a
 * statement, any other reply an answer, and the user turn right before a reply in its
 * conversation gets the reply's kind. A user turn without a reply stays unknown. */
static const char MIGRATE_2_3[] =
    "ALTER TABLE turns ADD COLUMN kind TEXT;"
    "UPDATE turns SET kind = CASE WHEN text = 'got it' THEN 'statement' ELSE 'answer' END"
    "  WHERE role = 'assistant';"
    "UPDATE turns SET kind = ("
    "  SELECT CASE WHEN n.role = 'assistant' THEN n.kind END FROM turns AS n"
    "  WHERE n.conversation = turns.conversation AND n.id > turns.id ORDER BY n.id LIMIT 1)"
    "  WHERE role = 'user';";

/* 3 -> 4: frames (holder, relation, value; all NULL = none, as every existing memory
 * stays), found through a partial index of current framed memories, and an index of
 * supersession so that deleting or forgetting a memory finds the ones it superseded
 * without a scan. */
static const char MIGRATE_3_4[] =
    "ALTER TABLE memories ADD COLUMN holder TEXT;"
    "ALTER TABLE memories ADD COLUMN relation TEXT;"
    "ALTER TABLE memories ADD COLUMN value TEXT;"
    "CREATE INDEX memories_frame ON memories(user, holder, relation)"
    "  WHERE superseded_by IS NULL AND holder IS NOT NULL;"
    "CREATE INDEX memories_superseded_by ON memories(superseded_by)"
    "  WHERE superseded_by IS NOT NULL;";

/* 4 -> 5: a conversation is keyed by its user and its id, so two users may both call
 * theirs "main". Turns name their conversation's user too (the key their foreign key
 * points at); seq numbers conversations in the order they began, for listing a user's
 * newest first. SQLite cannot change a key in place: both tables are copied, the old
 * child dropped before its parent, and the copies renamed (renaming rewrites the
 * foreign key to the final name). Every conversation keeps its owner and its turns. */
static const char MIGRATE_4_5[] =
    "CREATE TABLE conversations_v5 ("
    "  seq INTEGER PRIMARY KEY,"
    "  user TEXT NOT NULL,"
    "  id TEXT NOT NULL,"
    "  created_ms INTEGER NOT NULL,"
    "  UNIQUE (user, id));"
    "INSERT INTO conversations_v5 (user, id, created_ms)"
    "  SELECT user, id, created_ms FROM conversations ORDER BY created_ms, rowid;"
    "CREATE TABLE turns_v5 ("
    "  id INTEGER PRIMARY KEY,"
    "  user TEXT NOT NULL,"
    "  conversation TEXT NOT NULL,"
    "  role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),"
    "  text TEXT NOT NULL,"
    "  created_ms INTEGER NOT NULL,"
    "  kind TEXT,"
    "  FOREIGN KEY (user, conversation) REFERENCES conversations_v5(user, id)"
    "    ON DELETE CASCADE);"
    "INSERT INTO turns_v5 (id, user, conversation, role, text, created_ms, kind)"
    "  SELECT t.id, c.user, t.conversation, t.role, t.text, t.created_ms, t.kind"
    "  FROM turns AS t JOIN conversations AS c ON c.id = t.conversation;"
    "DROP TABLE turns;"
    "DROP TABLE conversations;"
    "ALTER TABLE conversations_v5 RENAME TO conversations;"
    "ALTER TABLE turns_v5 RENAME TO turns;"
    "CREATE INDEX conversations_user_seq ON conversations(user, seq);"
    "CREATE INDEX turns_conversation ON turns(user, conversation, id);";

/* 5 -> 6: the bm25 leg of search (store/fts.c). Two FTS5 indexes over memories.text,
 * both external-content tables, so the text itself lives only in memories: one with the
 * porter and unicode61 tokenizers for every memory, and one with the trigram tokenizer
 * for the memories that hold CJK text (unicode61 would read a whole CJK clause as one
 * token), whose content is the view of those memories. Triggers keep both in step with
 * every insert, change of text and delete, in the writing statement's own transaction;
 * existing memories are indexed here. memories_fts_terms reads each term's document
 * count (the search leaves out the terms that most memories hold). STORE_FTS_CJK_GLOB (store_internal.h) says which
 * memories hold CJK text. */
static const char MIGRATE_5_6[] =
    "CREATE VIRTUAL TABLE memories_fts USING fts5(text, content='memories',"
    "  content_rowid='id', tokenize='porter unicode61');"
    "CREATE VIEW memories_cjk_text AS SELECT id, text FROM memories"
    "  WHERE text GLOB " STORE_FTS_CJK_GLOB ";"
    "CREATE VIRTUAL TABLE memories_cjk USING fts5(text, content='memories_cjk_text',"
    "  content_rowid='id', tokenize='trigram');"
    "CREATE TRIGGER memories_fts_insert AFTER INSERT ON memories BEGIN"
    "  INSERT INTO memories_fts (rowid, text) VALUES (new.id, new.text);"
    "  INSERT INTO memories_cjk (rowid, text) SELECT new.id, new.text"
    "    WHERE new.text GLOB " STORE_FTS_CJK_GLOB ";"
    " END;"
    "CREATE TRIGGER memories_fts_delete AFTER DELETE ON memories BEGIN"
    "  INSERT INTO memories_fts (memories_fts, rowid, text) VALUES ('delete', old.id, old.text);"
    "  INSERT INTO memories_cjk (memories_cjk, rowid, text) SELECT 'delete', old.id, old.text"
    "    WHERE old.text GLOB " STORE_FTS_CJK_GLOB ";"
    " END;"
    "CREATE TRIGGER memories_fts_update AFTER UPDATE OF text ON memories"
    "  WHEN old.text IS NOT new.text BEGIN"
    "  INSERT INTO memories_fts (memories_fts, rowid, text) VALUES ('delete', old.id, old.text);"
    "  INSERT INTO memories_cjk (memories_cjk, rowid, text) SELECT 'delete', old.id, old.text"
    "    WHERE old.text GLOB " STORE_FTS_CJK_GLOB ";"
    "  INSERT INTO memories_fts (rowid, text) VALUES (new.id, new.text);"
    "  INSERT INTO memories_cjk (rowid, text) SELECT new.id, new.text"
    "    WHERE new.text GLOB " STORE_FTS_CJK_GLOB ";"
    " END;"
    "CREATE VIRTUAL TABLE memories_fts_terms USING fts5vocab(memories_fts, 'row');"
    "INSERT INTO memories_fts (memories_fts) VALUES ('rebuild');"
    "INSERT INTO memories_cjk (memories_cjk) VALUES ('rebuild');";

/* 6 -> 7: a user turn of a chat keeps the attention its reply reported over the
 * conversation's earlier exchanges (store/turns.c packs it), so reading the conversation
 * later shows it. Turns stored before have none (NULL), and keep working as they were. */
static const char MIGRATE_6_7[] = "ALTER TABLE turns ADD COLUMN attention BLOB;";

/* 7 -> 8: an id the daemon gave is never given again. SQLite hands a new row the
 * largest id + 1, so deleting the newest memory made its id the next one's, and a
 * client's stale retry of DELETE /v1/memories/N deleted a newer memory (another user's
 * id too, for an admin). The floor is the largest id ever deleted; a new memory's id is
 * one past the larger of it and the largest id in the table (store.c, S_MEM_INSERT). */
static const char MIGRATE_7_8[] =
    "CREATE TABLE memory_id_floor (v INTEGER NOT NULL);"
    "INSERT INTO memory_id_floor (v) SELECT coalesce(max(id), 0) FROM memories;"
    "CREATE TRIGGER memories_id_floor AFTER DELETE ON memories BEGIN"
    "  UPDATE memory_id_floor SET v = max(v, old.id);"
    " END;";

/* 8 -> 9: each memory's compact copy for the in-RAM index (index_encode's record), kept
 * so that start-up reads these small rows instead of every float vector and computes
 * nothing (store/load.c). memory_codes has a row for every memory, with what the load
 * needs of it: its user, conversation, creation time, whether it is current, the dim and
 * encoder of its vector, and code: the record of the vector (NULL = not computed yet,
 * an empty blob = the vector cannot be indexed: damaged or not finite). Triggers keep
 * the rows in step with memories in the writing statement's own transaction (a row for
 * every insert, none left after a delete, the code NULL again once the vector changes),
 * so a code is never one of an older vector; the writers then fill the code of the
 * vector they wrote (store/codes.c), and start-up fills every code still NULL (found
 * through memory_codes_missing), which is how the memories of a version-8 database get
 * theirs: the first start after this migration computes them once, in batches. */
static const char MIGRATE_8_9[] =
    "CREATE TABLE memory_codes ("
    "  id INTEGER PRIMARY KEY,"
    "  user TEXT NOT NULL,"
    "  conversation TEXT,"
    "  created_ms INTEGER NOT NULL,"
    "  current INTEGER NOT NULL,"
    "  dim INTEGER NOT NULL,"
    "  encoder TEXT NOT NULL,"
    "  code BLOB);"
    "CREATE INDEX memory_codes_missing ON memory_codes(id) WHERE code IS NULL;"
    "INSERT INTO memory_codes (id, user, conversation, created_ms, current, dim, encoder)"
    "  SELECT id, user, conversation, created_ms, superseded_by IS NULL, dim, encoder"
    "  FROM memories;"
    "CREATE TRIGGER memory_codes_insert AFTER INSERT ON memories BEGIN"
    "  INSERT INTO memory_codes (id, user, conversation, created_ms, current, dim, encoder)"
    "   VALUES (new.id, new.user, new.conversation, new.created_ms,"
    "    new.superseded_by IS NULL, new.dim, new.encoder);"
    " END;"
    "CREATE TRIGGER memory_codes_vector AFTER UPDATE OF vec, dim, encoder ON memories"
    "  WHEN old.vec IS NOT new.vec OR old.dim IS NOT new.dim"
    "   OR old.encoder IS NOT new.encoder BEGIN"
    "  UPDATE memory_codes SET dim = new.dim, encoder = new.encoder, code = NULL"
    "   WHERE id = new.id;"
    " END;"
    "CREATE TRIGGER memory_codes_current AFTER UPDATE OF superseded_by ON memories"
    "  WHEN (old.superseded_by IS NULL) IS NOT (new.superseded_by IS NULL) BEGIN"
    "  UPDATE memory_codes SET current = new.superseded_by IS NULL WHERE id = new.id;"
    " END;"
    "CREATE TRIGGER memory_codes_row AFTER UPDATE OF user, conversation, created_ms"
    "  ON memories BEGIN"
    "  UPDATE memory_codes SET user = new.user, conversation = new.conversation,"
    "   created_ms = new.created_ms WHERE id = new.id;"
    " END;"
    "CREATE TRIGGER memory_codes_delete AFTER DELETE ON memories BEGIN"
    "  DELETE FROM memory_codes WHERE id = old.id;"
    " END;";

/* 9 -> 10: the frame index covers what the agent reads of a user's facts every chat turn
 * (id, holder, relation, value, text), so listing them reads the index alone and never
 * a memory's row, whose frame columns come after its vector. superseded_by, NULL in every
 * entry, is a column too: without it the planner does not take the index as covering. */
static const char MIGRATE_9_10[] =
    "DROP INDEX memories_frame;"
    "CREATE INDEX memories_frame ON memories(user, holder, relation, value, text,"
    "  superseded_by)"
    "  WHERE superseded_by IS NULL AND holder IS NOT NULL;";

/* 10 -> 11: each user's postings in a range of their own, so that the bm25 leg reads
 * the searching user's postings alone (store/fts.c, fts_words.c). A user holding
 * memories has a number n in memory_users, and the row of memory m in both FTS indexes
 * is (n << STORE_FTS_KEY_BITS) + m.id (store_internal.h), which FTS5 reads as a rowid
 * range with a seek. The indexes become contentless (the key is no column of
 * memories; the text still lives only there, and every search scores from it), filled
 * here in key order; the triggers compute the key, and give a user its number with its
 * first memory and drop it with its last (a user deleted leaves no name behind).
 * memories_fts_terms (everyone's document counts) goes: a search counts the user's. The
 * CHECK keeps the key below 2^63: a new user takes one more than the largest number
 * held, so after 4,194,303 numbers given (while the largest stays held) a new user's
 * first memory fails (docs/RETRIEVAL.md). */
#define FTS_KEY(n, id) "((" n ") << " STORE_STR(STORE_FTS_KEY_BITS) ") + " id
/* The statements that add (or, with 'delete', take out) row r's text (r is new or old)
 * to both indexes under its user's key. */
#define FTS_ROWS(fts, cjk, del, r)                                                       \
    "  INSERT INTO memories_fts (" fts "rowid, text) SELECT " del FTS_KEY("n", r ".id")   \
    ", " r ".text FROM memory_users WHERE user = " r ".user;"                             \
    "  INSERT INTO memories_cjk (" cjk "rowid, text) SELECT " del FTS_KEY("n", r ".id")   \
    ", " r ".text FROM memory_users WHERE user = " r ".user"                              \
    "   AND " r ".text GLOB " STORE_FTS_CJK_GLOB ";"
#define FTS_ADD(r) FTS_ROWS("", "", "", r)
#define FTS_DROP(r) FTS_ROWS("memories_fts, ", "memories_cjk, ", "'delete', ", r)
static const char MIGRATE_10_11[] =
    "DROP TRIGGER memories_fts_insert;"
    "DROP TRIGGER memories_fts_delete;"
    "DROP TRIGGER memories_fts_update;"
    "DROP TABLE memories_fts_terms;"
    "DROP TABLE memories_fts;"
    "DROP TABLE memories_cjk;"
    "DROP VIEW memories_cjk_text;"
    "CREATE TABLE memory_users ("
    "  n INTEGER PRIMARY KEY CHECK (n > 0 AND n < 1 << (63 - " STORE_STR(STORE_FTS_KEY_BITS) ")),"
    "  user TEXT NOT NULL UNIQUE);"
    "INSERT INTO memory_users (user) SELECT user FROM memories GROUP BY user"
    "  ORDER BY min(id);"
    "CREATE VIRTUAL TABLE memories_fts USING fts5(text, content='',"
    "  tokenize='porter unicode61');"
    "CREATE VIRTUAL TABLE memories_cjk USING fts5(text, content='', tokenize='trigram');"
    "INSERT INTO memories_fts (rowid, text) SELECT " FTS_KEY("u.n", "m.id") ", m.text"
    "  FROM memory_users AS u JOIN memories AS m ON m.user = u.user ORDER BY u.n, m.id;"
    "INSERT INTO memories_cjk (rowid, text) SELECT " FTS_KEY("u.n", "m.id") ", m.text"
    "  FROM memory_users AS u JOIN memories AS m ON m.user = u.user"
    "  WHERE m.text GLOB " STORE_FTS_CJK_GLOB " ORDER BY u.n, m.id;"
    "CREATE TRIGGER memories_fts_insert AFTER INSERT ON memories BEGIN"
    "  INSERT INTO memory_users (user) SELECT new.user WHERE true"
    "   ON CONFLICT (user) DO NOTHING;"
    FTS_ADD("new")
    " END;"
    "CREATE TRIGGER memories_fts_delete AFTER DELETE ON memories BEGIN"
    FTS_DROP("old")
    "  DELETE FROM memory_users WHERE user = old.user"
    "   AND NOT EXISTS (SELECT 1 FROM memories WHERE user = old.user);"
    " END;"
    "CREATE TRIGGER memories_fts_update AFTER UPDATE OF text, user ON memories"
    "  WHEN old.text IS NOT new.text OR old.user IS NOT new.user BEGIN"
    FTS_DROP("old")
    "  DELETE FROM memory_users WHERE user = old.user"
    "   AND NOT EXISTS (SELECT 1 FROM memories WHERE user = old.user);"
    "  INSERT INTO memory_users (user) SELECT new.user WHERE true"
    "   ON CONFLICT (user) DO NOTHING;"
    FTS_ADD("new")
    " END;";

/* 11 -> 12: what the user said, newest first (store_turns_said, read by the quote of
 * nearly every question no fact answers): without an index on (user, role, id) SQLite
 * read all of the user's turns through turns_conversation and sorted them before the
 * LIMIT, however few were asked for. */
static const char MIGRATE_11_12[] =
    "CREATE INDEX turns_said ON turns(user, role, id);";

static const char *const migrations[STORE_SCHEMA_VERSION] = {
    MIGRATE_0_1, MIGRATE_1_2, MIGRATE_2_3, MIGRATE_3_4, MIGRATE_4_5, MIGRATE_5_6,
    MIGRATE_6_7, MIGRATE_7_8, MIGRATE_8_9, MIGRATE_9_10, MIGRATE_10_11, MIGRATE_11_12};

static int exec(sqlite3 *db, const char *sql, char *err, size_t errlen, const char *what)
{
    char *msg = NULL;
    int src = sqlite3_exec(db, sql, NULL, NULL, &msg);
    if (src == SQLITE_OK)
        return STORE_OK;
    store_errf(err, errlen, "%s: %s", what, msg ? msg : sqlite3_errstr(src));
    sqlite3_free(msg);
    return store_sqlcode(src);
}

/* Reads PRAGMA user_version into *version. */
int store_schema_version(sqlite3 *db, int *version, char *err, size_t errlen)
{
    sqlite3_stmt *s = NULL;
    int rc = STORE_EIO;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK ||
        sqlite3_step(s) != SQLITE_ROW) {
        store_errf(err, errlen, "reading the schema version: %s", sqlite3_errmsg(db));
        goto done;
    }
    *version = sqlite3_column_int(s, 0);
    rc = STORE_OK;
done:
    sqlite3_finalize(s);
    return rc;
}

/* Switches to WAL and checks that it took (SQLite falls back silently, e.g. on a file
 * system without shared memory); an in-memory database keeps its "memory" journal. */
static int enable_wal(sqlite3 *db, char *err, size_t errlen)
{
    sqlite3_stmt *s = NULL;
    int rc = STORE_EIO;
    if (sqlite3_prepare_v2(db, "PRAGMA journal_mode=WAL", -1, &s, NULL) != SQLITE_OK ||
        sqlite3_step(s) != SQLITE_ROW) {
        store_errf(err, errlen, "enabling WAL: %s", sqlite3_errmsg(db));
        goto done;
    }
    const char *mode = (const char *)sqlite3_column_text(s, 0);
    if (!mode || (strcmp(mode, "wal") != 0 && strcmp(mode, "memory") != 0)) {
        store_errf(err, errlen, "enabling WAL: the journal mode stayed \"%s\"",
                   mode ? mode : "?");
        goto done;
    }
    rc = STORE_OK;
done:
    sqlite3_finalize(s);
    return rc;
}

/* Turns secure_delete on and checks that it took: deleted rows are then overwritten
 * with zeros whatever SQLite's build default, and a SQLite built without the pragma
 * (which answers nothing) is refused rather than trusted. */
static int enable_secure_delete(sqlite3 *db, char *err, size_t errlen)
{
    sqlite3_stmt *s = NULL;
    int rc = STORE_EIO;
    if (sqlite3_prepare_v2(db, "PRAGMA secure_delete=ON", -1, &s, NULL) != SQLITE_OK) {
        store_errf(err, errlen, "enabling secure delete: %s", sqlite3_errmsg(db));
        goto done;
    }
    if (sqlite3_step(s) != SQLITE_ROW || sqlite3_column_int(s, 0) != 1) {
        store_errf(err, errlen, "enabling secure delete: this SQLite does not support it");
        goto done;
    }
    rc = STORE_OK;
done:
    sqlite3_finalize(s);
    return rc;
}

static int check_version(int v, char *err, size_t errlen)
{
    if (v > STORE_SCHEMA_VERSION) {
        store_errf(err, errlen,
                   "database schema version %d is newer than this mnemo supports (%d); "
                   "upgrade mnemo or use another database",
                   v, STORE_SCHEMA_VERSION);
        return STORE_EINVAL;
    }
    if (v < 0) {
        store_errf(err, errlen, "database schema version %d is invalid", v);
        return STORE_EINVAL;
    }
    return STORE_OK;
}

/* Applies the pragmas and migrates db to STORE_SCHEMA_VERSION. */
int store_schema_open(sqlite3 *db, char *err, size_t errlen)
{
    int rc, v = 0;
    char sql[64];

    /* Refuse a newer database before the journal-mode switch writes to it. */
    if ((rc = store_schema_version(db, &v, err, errlen)) != STORE_OK ||
        (rc = check_version(v, err, errlen)) != STORE_OK)
        return rc;
    if ((rc = enable_wal(db, err, errlen)) ||
        (rc = exec(db, "PRAGMA synchronous=FULL", err, errlen, "setting synchronous")) ||
        (rc = exec(db, "PRAGMA foreign_keys=ON", err, errlen, "enabling foreign keys")) ||
        (rc = enable_secure_delete(db, err, errlen)))
        return rc;
    if (v == STORE_SCHEMA_VERSION)
        return STORE_OK;

    if ((rc = exec(db, "BEGIN IMMEDIATE", err, errlen, "starting the migration")))
        return rc;
    /* Read again inside the transaction: another process may have migrated meanwhile. */
    if ((rc = store_schema_version(db, &v, err, errlen)) != STORE_OK ||
        (rc = check_version(v, err, errlen)) != STORE_OK)
        goto fail;
    for (; v < STORE_SCHEMA_VERSION; v++) {
        char what[64];
        snprintf(what, sizeof(what), "migrating the schema from version %d to %d", v,
                 v + 1);
        if ((rc = exec(db, migrations[v], err, errlen, what)) != STORE_OK)
            goto fail;
    }
    snprintf(sql, sizeof(sql), "PRAGMA user_version=%d", STORE_SCHEMA_VERSION);
    if ((rc = exec(db, sql, err, errlen, "setting the schema version")) ||
        (rc = exec(db, "COMMIT", err, errlen, "committing the migration")))
        goto fail;
    return STORE_OK;
fail:
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}
