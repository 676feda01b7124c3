/* test_schema.c: the schema's versions: a new database is created at the current
 * version in WAL mode, version-1, -2, -3, -4, -6 and -10 databases (written here by hand,
 * as those releases wrote them) are migrated with their data kept (their memories indexed
 * for the bm25 leg of version 6, their turns without the attention of version 7, their
 * text indexes rekeyed by user as version 11 keys them), and a
 * database newer than the code, or not a database at all, is refused with a clear
 * message and left untouched. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "store/store_internal.h"

static char *dir;
static char err[256];

static void setup(void)
{
    dir = th_dir_new();
    ck_assert_ptr_nonnull(dir);
}

static void teardown(void)
{
    th_dir_remove(dir);
}

static void raw_exec(const char *path, const char *sql)
{
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    ck_assert_msg(rc == SQLITE_OK, "%s", msg ? msg : "");
    sqlite3_close(db);
}

static long long raw_int(const char *path, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    long long v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

static void raw_text(const char *path, const char *sql, char *out, size_t len)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    snprintf(out, len, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    sqlite3_close(db);
}

/* A chat turn lists the user's facts: that query reads the frame index alone, never a
 * memory's row (whose frame columns come after its vector). */
START_TEST(test_the_frame_list_reads_the_frame_index_alone)
{
    char path[512];
    snprintf(path, sizeof(path), "%s", th_path(dir, "frames.db"));
    store_t *st = store_open(path, TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_msg(st != NULL, "%s", err);
    char plan[2048] = "";
    sqlite3_stmt *q = NULL;
    char *sql = sqlite3_mprintf("EXPLAIN QUERY PLAN %s",
                                sqlite3_sql(stmt_get(st, S_MEM_FRAMES_LIST)));
    ck_assert_int_eq(sqlite3_prepare_v2(st->db, sql, -1, &q, NULL), SQLITE_OK);
    while (sqlite3_step(q) == SQLITE_ROW) {
        size_t at = strlen(plan);
        snprintf(plan + at, sizeof(plan) - at, "%s; ", (const char *)sqlite3_column_text(q, 3));
    }
    sqlite3_finalize(q);
    sqlite3_free(sql);
    store_close(st);
    ck_assert_msg(strstr(plan, "COVERING INDEX memories_frame"), "plan: %s", plan);
}
END_TEST

START_TEST(test_new_database_is_current_and_in_wal_mode)
{
    char path[512], mode[32];
    snprintf(path, sizeof(path), "%s", th_path(dir, "new.db"));
    store_t *st = store_open(path, TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_msg(st != NULL, "%s", err);
    store_close(st);
    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    raw_text(path, "PRAGMA journal_mode", mode, sizeof(mode));
    ck_assert_str_eq(mode, "wal");
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE name IN "
                                   "('memories', 'memory_versions', 'conversations', "
                                   "'turns', 'memories_user_id', 'memories_frame', "
                                   "'memories_superseded_by', 'conversations_user_seq', "
                                   "'turns_conversation')"), 9);
    /* Opening again is a no-op for the schema. */
    st = store_open(path, TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_ptr_nonnull(st);
    store_close(st);
}
END_TEST

/* The first release's schema, verbatim: no importance, no supersession, no history. */
static const char V1_SCHEMA[] =
    "CREATE TABLE conversations (id TEXT PRIMARY KEY, user TEXT NOT NULL,"
    "  created_ms INTEGER NOT NULL);"
    "CREATE INDEX conversations_user ON conversations(user);"
    "CREATE TABLE memories (id INTEGER PRIMARY KEY, user TEXT NOT NULL, conversation TEXT,"
    "  text TEXT NOT NULL, vec BLOB NOT NULL, dim INTEGER NOT NULL, encoder TEXT NOT NULL,"
    "  created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, last_used_ms INTEGER,"
    "  use_count INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX memories_user ON memories(user);"
    "CREATE TABLE turns (id INTEGER PRIMARY KEY,"
    "  conversation TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,"
    "  role TEXT NOT NULL CHECK (role IN ('user', 'assistant')), text TEXT NOT NULL,"
    "  created_ms INTEGER NOT NULL);"
    "CREATE INDEX turns_conversation ON turns(conversation, id);"
    "PRAGMA user_version = 1;";

static void write_v1(const char *path)
{
    raw_exec(path, V1_SCHEMA);
    sqlite3 *db;
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db,
        "INSERT INTO memories (id, user, conversation, text, vec, dim, encoder, created_ms,"
        " updated_ms, last_used_ms, use_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        -1, &s, NULL), SQLITE_OK);
    for (int i = 1; i <= 30; i++) {
        float v[TH_DIM];
        th_mem("", "", v, (uint64_t)i);
        char text[32];
        snprintf(text, sizeof(text), "old memory %d", i);
        sqlite3_bind_int64(s, 1, i * 10);
        sqlite3_bind_text(s, 2, i % 2 ? "alice" : "bob", -1, SQLITE_TRANSIENT);
        if (i % 3)
            sqlite3_bind_text(s, 3, "c1", -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(s, 3);
        sqlite3_bind_text(s, 4, text, -1, SQLITE_TRANSIENT);
        sqlite3_bind_blob(s, 5, v, sizeof(v), SQLITE_TRANSIENT);
        sqlite3_bind_int(s, 6, TH_DIM);
        sqlite3_bind_text(s, 7, TH_ENCODER, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 8, 1000 + i);
        sqlite3_bind_int64(s, 9, 2000 + i);
        if (i == 5)
            sqlite3_bind_int64(s, 10, 3000);
        else
            sqlite3_bind_null(s, 10);
        sqlite3_bind_int64(s, 11, i == 5 ? 4 : 0);
        ck_assert_int_eq(sqlite3_step(s), SQLITE_DONE);
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    raw_exec(path, "INSERT INTO conversations VALUES ('c1', 'alice', 500);"
                   "INSERT INTO turns (conversation, role, text, created_ms) VALUES"
                   " ('c1', 'user', 'hello', 600), ('c1', 'assistant', 'hi', 601);");
}

START_TEST(test_version_1_database_is_migrated_with_its_data)
{
    char path[512];
    snprintf(path, sizeof(path), "%s", th_path(dir, "v1.db"));
    write_v1(path);
    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), 1);

    store_t *st = store_open(path, TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_msg(st != NULL, "%s", err);
    ck_assert_uint_eq(store_memory_count(st), 30);
    ck_assert_uint_eq(store_stale_count(st), 0);
    ck_assert_uint_eq(store_user_count(st), 2);

    store_memory_t g;
    ck_assert_int_eq(store_memory_get(st, 50, 1, &g), STORE_OK);
    ck_assert_str_eq(g.user, "alice");
    ck_assert_str_eq(g.conversation, "c1");
    ck_assert_str_eq(g.text, "old memory 5");
    ck_assert_int_eq(g.created_ms, 1005);
    ck_assert_int_eq(g.updated_ms, 2005);
    ck_assert_int_eq(g.last_used_ms, 3000);
    ck_assert_int_eq(g.use_count, 4);
    ck_assert_double_eq_tol(g.importance, 0.5, 1e-12);     /* the migration's default */
    ck_assert_int_eq(g.superseded_by, 0);
    float v[TH_DIM];
    th_mem("", "", v, 5);
    ck_assert_mem_eq(g.vec, v, sizeof(v));
    store_memory_clear(&g);

    /* Searchable, and the new features work on old rows. */
    store_hit_t hits[3];
    int n;
    store_query_t q = {.user = "alice", .vec = v, .k = 3};
    ck_assert_int_eq(store_search(st, &q, 0, hits, &n, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(hits[0].mem.id, 50);
    store_hits_clear(hits, n);
    ck_assert_int_eq(store_memory_update(st, 50, "old memory 5, edited", v, 0.9, err,
                                         sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_supersede(st, 20, 10, err, sizeof(err)), STORE_EINVAL);
    ck_assert_int_eq(store_memory_supersede(st, 70, 10, err, sizeof(err)), STORE_OK);
    store_version_t *h;
    size_t hn;
    ck_assert_int_eq(store_memory_history(st, 50, &h, &hn), STORE_OK);
    ck_assert_uint_eq(hn, 1);
    ck_assert_str_eq(h[0].text, "old memory 5");
    store_history_free(h, hn);
    store_turn_t *t;
    ck_assert_int_eq(store_turns_last(st, "alice", "c1", 10, &t, &hn), STORE_OK);
    ck_assert_uint_eq(hn, 2);
    ck_assert_str_eq(t[1].text, "hi");
    ck_assert_str_eq(t[0].kind, "answer");  /* the exchange was not a statement */
    ck_assert_str_eq(t[1].kind, "answer");
    store_turns_free(t, hn);
    store_close(st);

    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM memories"), 30);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE name = "
                                   "'memories_user'"), 0);
}
END_TEST

/* What the second release added to the first, verbatim. */
static const char V1_TO_V2[] =
    "ALTER TABLE memories ADD COLUMN importance REAL NOT NULL DEFAULT 0.5;"
    "ALTER TABLE memories ADD COLUMN superseded_by INTEGER;"
    "DROP INDEX IF EXISTS memories_user;"
    "CREATE INDEX memories_user_id ON memories(user, id);"
    "CREATE TABLE memory_versions (id INTEGER PRIMARY KEY,"
    "  memory_id INTEGER NOT NULL REFERENCES memories(id) ON DELETE CASCADE,"
    "  text TEXT NOT NULL, valid_until_ms INTEGER NOT NULL, superseded_by INTEGER);"
    "CREATE INDEX memory_versions_memory ON memory_versions(memory_id, id);"
    "PRAGMA user_version = 2;";

/* Turns as version 2 logged them, two conversations interleaved: c1's statement is
 * acknowledged with version 2's "got it" after c2's message came in between. */
static const char V2_TURNS[] =
    "INSERT INTO conversations VALUES ('c1', 'alice', 500), ('c2', 'alice', 501),"
    " ('c3', 'bob', 502);"
    "INSERT INTO turns (id, conversation, role, text, created_ms) VALUES"
    " (1, 'c1', 'user', 'My dog is called Rex.', 600),"
    " (2, 'c2', 'user', 'Hello', 601),"
    " (3, 'c1', 'assistant', 'got it', 602),"
    " (4, 'c2', 'assistant', 'hello', 603),"
    " (5, 'c1', 'user', 'What is my dog called?', 604),"
    " (6, 'c1', 'assistant', 'rex', 605),"
    " (7, 'c1', 'user', 'Got it?', 606),"
    " (8, 'c1', 'assistant', 'Got it', 607),"     /* not the acknowledgement */
    " (9, 'c1', 'user', 'I like tea.', 608),"      /* no reply was stored */
    " (10, 'c3', 'assistant', 'got it', 609),"    /* its message is not there */
    " (11, 'c3', 'user', 'Still there?', 610);";

START_TEST(test_version_2_turns_get_the_kind_version_2_knew)
{
    char path[512];
    snprintf(path, sizeof(path), "%s", th_path(dir, "v2.db"));
    raw_exec(path, V1_SCHEMA);
    raw_exec(path, V1_TO_V2);
    raw_exec(path, V2_TURNS);
    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), 2);

    store_t *st = store_open(path, TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_msg(st != NULL, "%s", err);
    static const struct {
        const char *user, *conv;
        size_t n;
        const char *kinds[7];
    } want[] = {
        {"alice", "c1", 7,
         {"statement", "statement", "answer", "answer", "answer", "answer", NULL}},
        {"alice", "c2", 2, {"answer", "answer"}},
        {"bob", "c3", 2, {"statement", NULL}},
    };
    for (size_t c = 0; c < sizeof(want) / sizeof(want[0]); c++) {
        store_turn_t *t;
        size_t n;
        ck_assert_int_eq(store_turns_last(st, want[c].user, want[c].conv, 10, &t, &n), STORE_OK);
        ck_assert_uint_eq(n, want[c].n);
        for (size_t i = 0; i < n; i++) {
            if (want[c].kinds[i])
                ck_assert_msg(t[i].kind && strcmp(t[i].kind, want[c].kinds[i]) == 0,
                              "%s turn %zu: %s, want %s", want[c].conv, i,
                              t[i].kind ? t[i].kind : "NULL", want[c].kinds[i]);
            else
                ck_assert_ptr_null(t[i].kind);
        }
        store_turns_free(t, n);
    }
    /* The old conversations go on, with kinds from now on. */
    ck_assert_int_eq(store_exchange_add(st, "alice", "c1", "I live in Paris.", "ok",
                                        "statement", NULL, NULL), STORE_OK);
    store_close(st);
    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM turns WHERE kind = 'statement'"),
                     5);
    /* Opening again changes nothing: the migration ran once. */
    raw_exec(path, "UPDATE turns SET kind = NULL WHERE id = 3");
    st = store_open(path, TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_msg(st != NULL, "%s", err);
    store_close(st);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM turns WHERE kind IS NULL"), 3);
}
END_TEST

/* What the third release added to the second, verbatim. */
static const char V2_TO_V3[] =
    "ALTER TABLE turns ADD COLUMN kind TEXT;"
    "PRAGMA user_version = 3;";

START_TEST(test_version_3_memories_open_without_a_frame_and_gain_frames)
{
    char path[512];
    snprintf(path, sizeof(path), "%s", th_path(dir, "v3.db"));
    raw_exec(path, V1_SCHEMA);
    raw_exec(path, V1_TO_V2);
    raw_exec(path, V2_TO_V3);
    sqlite3 *db;
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db,
        "INSERT INTO memories (id, user, text, vec, dim, encoder, created_ms, updated_ms,"
        " superseded_by) VALUES (?, 'alice', ?, ?, ?, ?, 1000, 1000, ?)", -1, &s, NULL),
        SQLITE_OK);
    static const struct { int64_t id; const char *text; int64_t by; } rows[] = {
        {10, "I live in Paris.", 20}, {20, "I live in Lyon.", 0}, {30, "I like tea.", 0}};
    for (int i = 0; i < 3; i++) {
        float v[TH_DIM];
        th_mem("", "", v, (uint64_t)rows[i].id);
        sqlite3_bind_int64(s, 1, rows[i].id);
        sqlite3_bind_text(s, 2, rows[i].text, -1, SQLITE_STATIC);
        sqlite3_bind_blob(s, 3, v, sizeof(v), SQLITE_TRANSIENT);
        sqlite3_bind_int(s, 4, TH_DIM);
        sqlite3_bind_text(s, 5, TH_ENCODER, -1, SQLITE_STATIC);
        if (rows[i].by)
            sqlite3_bind_int64(s, 6, rows[i].by);
        else
            sqlite3_bind_null(s, 6);
        ck_assert_int_eq(sqlite3_step(s), SQLITE_DONE);
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    raw_exec(path, "INSERT INTO memory_versions (memory_id, text, valid_until_ms,"
                   " superseded_by) VALUES (10, 'I live in Paris.', 1500, 20);");

    store_t *st = store_open(path, TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_msg(st != NULL, "%s", err);
    ck_assert_uint_eq(store_memory_count(st), 3);
    store_memory_t g;
    ck_assert_int_eq(store_memory_get(st, 20, 0, &g), STORE_OK);
    ck_assert_str_eq(g.text, "I live in Lyon.");
    ck_assert_ptr_null(g.holder);
    ck_assert_ptr_null(g.relation);
    ck_assert_ptr_null(g.value);
    store_memory_clear(&g);
    store_memory_t *v;
    size_t n;
    ck_assert_int_eq(store_frames_list(st, "alice", 10, &v, &n), STORE_OK);
    ck_assert_uint_eq(n, 0);

    /* A framed correction supersedes an old memory; a frame is found and listed. */
    float nv[TH_DIM];
    store_new_memory_t m = th_mem("alice", "I moved to Turin.", nv, 40);
    m.holder = "self";
    m.relation = "home";
    m.value = "Turin";
    int64_t old = 20, sup[1];
    store_chat_write_t w = {.mem = &m, .supersede = &old, .nsupersede = 1, .superseded = sup};
    ck_assert_int_eq(store_chat_commit(st, "alice", "c1", m.text, "ok", "statement", NULL,
                                       NULL, &w, err, sizeof(err)), STORE_OK);
    ck_assert_uint_eq(w.nsuperseded, 1);
    ck_assert_int_eq(store_frame_find(st, "alice", "self", "home", &v, &n), STORE_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(v[0].value, "Turin");
    store_memories_free(v, n);
    /* Old supersessions work with the new calls: forgetting Lyon takes Paris too. */
    ck_assert_int_eq(store_memory_forget(st, &old, 1, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_get(st, 10, 0, &g), STORE_ENOTFOUND);
    ck_assert_uint_eq(store_memory_count(st), 2);
    store_close(st);
    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM memory_versions"), 0);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM memories WHERE holder IS NULL"), 1);
}
END_TEST

/* What the fourth release added to the third, verbatim. */
static const char V3_TO_V4[] =
    "ALTER TABLE memories ADD COLUMN holder TEXT;"
    "ALTER TABLE memories ADD COLUMN relation TEXT;"
    "ALTER TABLE memories ADD COLUMN value TEXT;"
    "CREATE INDEX memories_frame ON memories(user, holder, relation)"
    "  WHERE superseded_by IS NULL AND holder IS NOT NULL;"
    "CREATE INDEX memories_superseded_by ON memories(superseded_by)"
    "  WHERE superseded_by IS NOT NULL;"
    "PRAGMA user_version = 4;";

/* Version 4's conversations, keyed by their id alone: alice's "main" and "c2", bob's
 * "b1"; the turns interleaved. */
static const char V4_TURNS[] =
    "INSERT INTO conversations VALUES ('c2', 'alice', 510), ('main', 'alice', 500),"
    " ('b1', 'bob', 505);"
    "INSERT INTO turns (id, conversation, role, text, created_ms, kind) VALUES"
    " (1, 'main', 'user', 'My dog is called Rex.', 600, 'statement'),"
    " (2, 'main', 'assistant', 'Got it.', 601, 'statement'),"
    " (3, 'b1', 'user', 'Hello', 602, 'other'),"
    " (4, 'b1', 'assistant', 'Hello!', 603, 'other'),"
    " (5, 'c2', 'user', 'What is my dog called?', 604, NULL);";

START_TEST(test_version_4_conversations_are_keyed_by_user_and_keep_their_turns)
{
    char path[512];
    snprintf(path, sizeof(path), "%s", th_path(dir, "v4.db"));
    raw_exec(path, V1_SCHEMA);
    raw_exec(path, V1_TO_V2);
    raw_exec(path, V2_TO_V3);
    raw_exec(path, V3_TO_V4);
    raw_exec(path, V4_TURNS);
    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), 4);

    store_t *st = store_open(path, TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_msg(st != NULL, "%s", err);
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_last(st, "alice", "main", 10, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(t[0].id, 1);
    ck_assert_str_eq(t[0].text, "My dog is called Rex.");
    ck_assert_str_eq(t[1].kind, "statement");
    ck_assert_int_eq(t[1].created_ms, 601);
    store_turns_free(t, n);
    ck_assert_int_eq(store_turns_last(st, "bob", "b1", 10, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 2);
    store_turns_free(t, n);
    ck_assert_int_eq(store_turns_last(st, "bob", "main", 10, &t, &n), STORE_ENOTFOUND);

    /* Bob may now have a "main" of his own; alice's is untouched. */
    int64_t id = 0;
    ck_assert_int_eq(store_exchange_add(st, "bob", "main", "Hi", "Hello!", "other", &id,
                                        NULL), STORE_OK);
    ck_assert_int_gt(id, 5);
    ck_assert_int_eq(store_turns_last(st, "alice", "main", 10, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 2);
    store_turns_free(t, n);
    /* Listed newest first by when they began: version 4's times are kept. */
    store_conversation_t *v;
    int64_t next;
    ck_assert_int_eq(store_conversations_list(st, "alice", 0, 10, &v, &n, &next), STORE_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(v[0].id, "c2");
    ck_assert_int_eq(v[0].turns, 1);
    ck_assert_int_eq(v[0].last_ms, 604);
    ck_assert_str_eq(v[1].id, "main");
    ck_assert_int_eq(v[1].created_ms, 500);
    ck_assert_int_eq(v[1].turns, 2);
    store_conversations_free(v, n);
    /* The foreign key still cascades. */
    ck_assert_int_eq(store_conversation_delete(st, "alice", "main"), STORE_OK);
    store_close(st);

    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM turns"), 5);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM turns WHERE user = 'bob'"), 4);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE name LIKE "
                                   "'%_v5'"), 0);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}
END_TEST

/* Version 5 added nothing to memories, so a version-4 database with memories is one the
 * text indexes of version 6 have never seen: the migration indexes them. */
START_TEST(test_version_4_memories_are_indexed_for_bm25_by_the_migration)
{
    char path[512];
    snprintf(path, sizeof(path), "%s", th_path(dir, "v4fts.db"));
    raw_exec(path, V1_SCHEMA);
    raw_exec(path, V1_TO_V2);
    raw_exec(path, V2_TO_V3);
    raw_exec(path, V3_TO_V4);
    raw_exec(path, "INSERT INTO memories (id, user, text, vec, dim, encoder, created_ms,"
                   " updated_ms) VALUES"
                   " (1, 'alice', 'My dog Rex is a beagle', zeroblob(32), 8, '" TH_ENCODER "',"
                   "  100, 100),"
                   " (2, 'alice', 'I live in Lisbon', zeroblob(32), 8, '" TH_ENCODER "', 101,"
                   "  101),"
                   " (3, 'alice', '我的狗叫旺财', zeroblob(32), 8, '" TH_ENCODER "', 102, 102);");

    store_t *st = store_open(path, TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_msg(st != NULL, "%s", err);
    float q[TH_DIM] = {1};
    store_hit_t hits[4];
    int n = 0;
    store_query_t sq = {.user = "alice", .vec = q, .k = 4, .text = "what breed is rex?",
                        .legs = STORE_LEG_BM25};
    ck_assert_int_eq(store_search(st, &sq, 1, hits, &n, err, sizeof err), STORE_OK);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(hits[0].mem.id, 1);
    store_hits_clear(hits, n);
    sq.text = "我的狗叫什么";
    ck_assert_int_eq(store_search(st, &sq, 1, hits, &n, err, sizeof err), STORE_OK);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(hits[0].mem.id, 3);
    store_hits_clear(hits, n);
    store_close(st);

    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM memories_fts WHERE memories_fts"
                                   " MATCH 'lisbon'"), 1);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM memories_cjk_docsize"), 1);
}
END_TEST

/* What version 9 added (memory_codes and its triggers): dropping it from a current
 * database gives the version-8 schema. */
#define DROP_VERSION_9                                                                   \
    "DROP TRIGGER memory_codes_insert; DROP TRIGGER memory_codes_vector;"                \
    "DROP TRIGGER memory_codes_current; DROP TRIGGER memory_codes_row;"                  \
    "DROP TRIGGER memory_codes_delete; DROP TABLE memory_codes;"

/* A version-10 database (its memories written by hand, as version 10 indexed them: the
 * users' rows interleaved, keyed by id) opens with each user's rows rekeyed: every
 * search, of words and of CJK, finds the user's memories alone; a user's last memory
 * deleted takes the user's number with it, and the indexes go on following writes. */
START_TEST(test_version_10_text_indexes_are_rekeyed_by_user)
{
    char path[512];
    snprintf(path, sizeof(path), "%s", th_path(dir, "v10.db"));
    store_t *st = store_open(path, TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_msg(st != NULL, "%s", err);
    store_close(st);
    raw_exec(path, DROP_VERSION_12 DROP_VERSION_11
                   "PRAGMA user_version = 10;"
                   "INSERT INTO memories (id, user, text, vec, dim, encoder, created_ms,"
                   " updated_ms) VALUES"
                   " (1, 'alice', 'My dog Rex is a beagle', zeroblob(32), 8, '" TH_ENCODER "',"
                   "  100, 100),"
                   " (2, 'bob', 'Bob has a dog called Rex too', zeroblob(32), 8,"
                   "  '" TH_ENCODER "', 101, 101),"
                   " (3, 'alice', '我的狗叫旺财', zeroblob(32), 8, '" TH_ENCODER "', 102, 102),"
                   " (4, 'bob', '我的狗也叫旺财', zeroblob(32), 8, '" TH_ENCODER "', 103, 103),"
                   " (5, 'alice', 'I live in Lisbon', zeroblob(32), 8, '" TH_ENCODER "', 104,"
                   "  104);");
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM memories_fts WHERE memories_fts"
                                   " MATCH 'rex'"), 2);

    st = store_open(path, TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_msg(st != NULL, "%s", err);
    float q[TH_DIM] = {1};
    store_hit_t hits[4];
    int n = 0;
    static const struct {
        const char *user, *text;
        int64_t id;
    } want[] = {{"alice", "what is rex?", 1}, {"bob", "what is rex?", 2},
                {"alice", "我的狗叫什么", 3}, {"bob", "我的狗叫什么", 4}};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        store_query_t sq = {.user = want[i].user, .vec = q, .k = 4, .text = want[i].text,
                            .legs = STORE_LEG_BM25};
        ck_assert_int_eq(store_search(st, &sq, 1, hits, &n, err, sizeof err), STORE_OK);
        ck_assert_int_eq(n, 1);
        ck_assert_int_eq(hits[0].mem.id, want[i].id);
        store_hits_clear(hits, n);
    }
    ck_assert_int_eq(store_memory_delete(st, 2), STORE_OK);
    ck_assert_int_eq(store_memory_delete(st, 4), STORE_OK);
    int64_t carol = th_add(st, "carol", "Carol's dog Rex", 1);
    store_query_t sq = {.user = "carol", .vec = q, .k = 4, .text = "rex",
                        .legs = STORE_LEG_BM25};
    ck_assert_int_eq(store_search(st, &sq, 1, hits, &n, err, sizeof err), STORE_OK);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(hits[0].mem.id, carol);
    store_hits_clear(hits, n);
    store_close(st);

    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM memory_users WHERE user = 'bob'"), 0);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM memory_users"), 2);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM memories_fts WHERE memories_fts"
                                   " MATCH 'rex'"), 2);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM memories_cjk WHERE memories_cjk"
                                   " MATCH '我的狗'"), 1);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM sqlite_master"
                                   " WHERE name = 'memories_fts_terms'"), 0);
}
END_TEST

/* Version 7 only added turns.attention (8 the id floor, 9 the codes), so a version-6
 * database is a current one without those, at user_version 6 (SQLite's DROP COLUMN
 * makes it): its turns,
 * written by version 6 (here by hand), open without attention and the conversation goes
 * on with it. */
START_TEST(test_version_6_turns_open_without_attention_and_gain_it)
{
    char path[512];
    snprintf(path, sizeof(path), "%s", th_path(dir, "v6.db"));
    store_t *st = store_open(path, TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_msg(st != NULL, "%s", err);
    store_close(st);
    raw_exec(path, DROP_VERSION_12 DROP_VERSION_11 DROP_VERSION_9
                   "ALTER TABLE turns DROP COLUMN attention;"
                   "DROP TRIGGER memories_id_floor; DROP TABLE memory_id_floor;"
                   "PRAGMA user_version = 6;"
                   "INSERT INTO conversations (user, id, created_ms) VALUES ('alice', 'c1', 500);"
                   "INSERT INTO turns (id, user, conversation, role, text, created_ms, kind)"
                   " VALUES (1, 'alice', 'c1', 'user', 'I live in Paris.', 600, 'statement'),"
                   " (2, 'alice', 'c1', 'assistant', 'Got it.', 601, 'statement'),"
                   " (3, 'alice', 'c1', 'user', 'Where do I live?', 602, 'answer'),"
                   " (4, 'alice', 'c1', 'assistant', 'Paris.', 603, 'answer');");
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM pragma_table_info('turns')"
                                   " WHERE name = 'attention'"), 0);

    st = store_open(path, TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_msg(st != NULL, "%s", err);
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_last(st, "alice", "c1", 10, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 4);
    for (size_t i = 0; i < n; i++) {
        ck_assert_int_eq(t[i].id, (int64_t)i + 1);
        ck_assert_int_eq(t[i].has_attention, 0);
        ck_assert_ptr_null(t[i].attention);
    }
    ck_assert_str_eq(t[2].text, "Where do I live?");
    ck_assert_str_eq(t[3].kind, "answer");
    store_turns_free(t, n);
    store_attention_t att[2] = {{1, 0.9f}, {3, 0.0f}};
    int64_t id = 0;
    ck_assert_int_eq(store_chat_commit_n(st, "alice", "c1", "Where do I live?", "Paris.",
                                         "answer", &id, NULL, NULL, 0, att, 2, err,
                                         sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_turns_last(st, "alice", "c1", 10, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 6);
    ck_assert_int_eq(t[0].has_attention, 0);
    ck_assert_int_eq(t[4].id, id);
    ck_assert_int_eq(t[4].has_attention, 1);
    ck_assert_uint_eq(t[4].nattention, 2);
    ck_assert_int_eq(t[4].attention[0].turn, 1);
    ck_assert(t[4].attention[0].weight == 0.9f);
    store_turns_free(t, n);
    store_close(st);
    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM turns WHERE attention IS NULL"), 5);
}
END_TEST

/* A version-11 database (no index of what each user said) opens with the index, and
 * what a user said is read newest first, that user's messages alone. */
START_TEST(test_version_11_gains_the_index_of_what_users_said)
{
    char path[512];
    snprintf(path, sizeof(path), "%s", th_path(dir, "v11.db"));
    store_t *st = store_open(path, TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_msg(st != NULL, "%s", err);
    store_close(st);
    raw_exec(path, DROP_VERSION_12
                   "PRAGMA user_version = 11;"
                   "INSERT INTO conversations (user, id, created_ms) VALUES ('alice', 'c1', 500),"
                   " ('bob', 'c1', 501);"
                   "INSERT INTO turns (id, user, conversation, role, text, created_ms, kind)"
                   " VALUES (1, 'alice', 'c1', 'user', 'I keep bees.', 600, 'statement'),"
                   " (2, 'alice', 'c1', 'assistant', 'Got it.', 601, 'statement'),"
                   " (3, 'bob', 'c1', 'user', 'I keep goats.', 602, 'statement'),"
                   " (4, 'alice', 'c1', 'user', 'What do I keep?', 603, 'answer');");
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE name = 'turns_said'"),
                     0);

    st = store_open(path, TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_msg(st != NULL, "%s", err);
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_said(st, "alice", 10, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(t[0].text, "What do I keep?");
    ck_assert_str_eq(t[1].text, "I keep bees.");
    store_turns_free(t, n);
    ck_assert_int_eq(store_turns_said(st, "alice", 1, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(t[0].id, 4);
    store_turns_free(t, n);
    store_close(st);
    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE name = 'turns_said'"),
                     1);
}
END_TEST

START_TEST(test_newer_database_is_refused_and_untouched)
{
    char path[512], mode[32], sql[128], version[16];
    snprintf(path, sizeof(path), "%s", th_path(dir, "future.db"));
    snprintf(sql, sizeof(sql), "CREATE TABLE memories (id INTEGER PRIMARY KEY, shiny BLOB);"
             "PRAGMA user_version = %d;", STORE_SCHEMA_VERSION + 1);
    snprintf(version, sizeof(version), "%d", STORE_SCHEMA_VERSION + 1);
    raw_exec(path, sql);
    err[0] = 0;
    store_t *st = store_open(path, TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_ptr_null(st);
    ck_assert_msg(strstr(err, "newer") && strstr(err, version), "message: \"%s\"", err);
    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION + 1);
    raw_text(path, "PRAGMA journal_mode", mode, sizeof(mode));
    ck_assert_str_eq(mode, "delete");
}
END_TEST

START_TEST(test_not_a_database_is_refused)
{
    char path[512];
    snprintf(path, sizeof(path), "%s", th_path(dir, "junk.db"));
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    for (int i = 0; i < 4096; i++)
        fputc((i * 7919) & 0xff, f);
    fclose(f);
    err[0] = 0;
    ck_assert_ptr_null(store_open(path, TH_DIM, TH_ENCODER, err, sizeof(err)));
    ck_assert_str_ne(err, "");
    ck_assert_ptr_null(store_open(th_path(dir, "no/such/dir.db"), TH_DIM, TH_ENCODER, err,
                                  sizeof(err)));
    ck_assert_ptr_null(store_open(th_path(dir, "x.db"), 0, TH_ENCODER, err, sizeof(err)));
    ck_assert_ptr_null(store_open(th_path(dir, "x.db"), TH_DIM, "", err, sizeof(err)));
}
END_TEST

START_TEST(test_failed_migration_leaves_the_database_at_its_version)
{
    /* A version-1 database that lacks the memories table cannot be migrated. */
    char path[512];
    snprintf(path, sizeof(path), "%s", th_path(dir, "broken.db"));
    raw_exec(path, "CREATE TABLE conversations (id TEXT PRIMARY KEY);"
                   "PRAGMA user_version = 1;");
    err[0] = 0;
    ck_assert_ptr_null(store_open(path, TH_DIM, TH_ENCODER, err, sizeof(err)));
    ck_assert_msg(strstr(err, "version 1 to 2"), "message: \"%s\"", err);
    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), 1);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE name = "
                                   "'memory_versions'"), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("schema");
    TCase *tc = tcase_create("schema");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_new_database_is_current_and_in_wal_mode);
    tcase_add_test(tc, test_the_frame_list_reads_the_frame_index_alone);
    tcase_add_test(tc, test_version_1_database_is_migrated_with_its_data);
    tcase_add_test(tc, test_version_2_turns_get_the_kind_version_2_knew);
    tcase_add_test(tc, test_version_3_memories_open_without_a_frame_and_gain_frames);
    tcase_add_test(tc, test_version_4_conversations_are_keyed_by_user_and_keep_their_turns);
    tcase_add_test(tc, test_version_4_memories_are_indexed_for_bm25_by_the_migration);
    tcase_add_test(tc, test_version_6_turns_open_without_attention_and_gain_it);
    tcase_add_test(tc, test_version_10_text_indexes_are_rekeyed_by_user);
    tcase_add_test(tc, test_version_11_gains_the_index_of_what_users_said);
    tcase_add_test(tc, test_newer_database_is_refused_and_untouched);
    tcase_add_test(tc, test_not_a_database_is_refused);
    tcase_add_test(tc, test_failed_migration_leaves_the_database_at_its_version);
    suite_add_tcase(s, tc);
    return th_run(s);
}
