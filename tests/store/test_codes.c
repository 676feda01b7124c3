/* test_codes.c: the compact copies the store keeps of each memory vector (memory_codes,
 * schema version 9), which start-up loads instead of the vectors. Every write leaves
 * the code index_encode computes from the vector written, and nothing of a deleted
 * memory; a version-8 database, and any code left NULL, gets its codes at open; and
 * search answers the same either way. Each code is checked here against index_encode
 * of the vector SQLite holds, read with a connection of the test's own. */
#define _GNU_SOURCE     /* memmem */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static char err[256];

static const char *db_path(void)
{
    return th_path(th_dirname, "db");
}

static void raw_exec(const char *sql)
{
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(db_path(), &db), SQLITE_OK);
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    ck_assert_msg(rc == SQLITE_OK, "%s", msg ? msg : "");
    sqlite3_close(db);
}

static long long raw_int(const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_open(db_path(), &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    long long v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

/* Checks every memory's row of memory_codes against the memory: same user,
 * conversation, time, currency, dim and encoder, and a code equal byte for byte to
 * index_encode of its vector (empty when the vector cannot be indexed). No code may be
 * NULL and no row may lack its memory. Returns the number of non-empty codes. */
static int check_codes(void)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    int coded = 0;
    ck_assert_int_eq(sqlite3_open(db_path(), &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db,
        "SELECT m.id, m.dim, m.vec, c.code IS NULL, c.code,"
        " c.user IS m.user AND c.conversation IS m.conversation"
        " AND c.created_ms IS m.created_ms AND c.dim IS m.dim AND c.encoder IS m.encoder"
        " AND c.current IS (m.superseded_by IS NULL)"
        " FROM memories AS m LEFT JOIN memory_codes AS c ON c.id = m.id ORDER BY m.id",
        -1, &s, NULL), SQLITE_OK);
    while (sqlite3_step(s) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(s, 0);
        int dim = sqlite3_column_int(s, 1);
        ck_assert_msg(!sqlite3_column_int(s, 3), "memory %lld: no code", id);
        ck_assert_msg(sqlite3_column_int(s, 5), "memory %lld: its row differs", id);
        const void *code = sqlite3_column_blob(s, 4);
        int bytes = sqlite3_column_bytes(s, 4);
        index_t *ix = index_new(dim);
        ck_assert_ptr_nonnull(ix);
        float *v = malloc((size_t)dim * sizeof(float));
        unsigned char *want = malloc(index_code_bytes(ix));
        void *scratch = malloc(index_encode_scratch(ix));
        int ok = sqlite3_column_bytes(s, 2) == dim * (int)sizeof(float);
        if (ok) {
            memcpy(v, sqlite3_column_blob(s, 2), (size_t)dim * sizeof(float));
            ok = index_encode(ix, v, want, scratch) == 0;
        }
        if (ok) {
            ck_assert_msg(bytes == (int)index_code_bytes(ix), "memory %lld: %d bytes", id,
                          bytes);
            ck_assert_msg(memcmp(code, want, (size_t)bytes) == 0,
                          "memory %lld: the code is not its vector's", id);
            coded++;
        } else {
            ck_assert_msg(bytes == 0, "memory %lld: a code for a damaged vector", id);
        }
        free(v);
        free(want);
        free(scratch);
        index_free(ix);
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM memory_codes"),
                     raw_int("SELECT count(*) FROM memories"));
    return coded;
}

/* The ids and scores of a search, to compare before and after. */
typedef struct answers {
    int n;
    int64_t id[10];
    float score[10];
} answers_t;

static answers_t search(const char *user, const float *q, int idf)
{
    store_hit_t hits[10];
    answers_t a = {0};
    store_query_t sq = {.user = user, .vec = q, .k = 10};
    ck_assert_int_eq(store_search(th_st, &sq, idf, hits, &a.n, err, sizeof(err)), STORE_OK);
    for (int i = 0; i < a.n; i++) {
        a.id[i] = hits[i].mem.id;
        a.score[i] = hits[i].score;
    }
    store_hits_clear(hits, a.n);
    return a;
}

static void same_answers(const answers_t *a, const answers_t *b)
{
    ck_assert_int_eq(a->n, b->n);
    for (int i = 0; i < a->n; i++) {
        ck_assert_int_eq(a->id[i], b->id[i]);
        ck_assert(a->score[i] == b->score[i]);
    }
}

START_TEST(test_every_write_stores_the_code_the_load_would_compute)
{
    int64_t ids[40];
    for (int i = 0; i < 40; i++)
        ids[i] = th_add(th_st, i % 2 ? "alice" : "bob", "fact", (uint64_t)i);
    ck_assert_int_eq(check_codes(), 40);
    float nv[TH_DIM];
    th_mem("", "", nv, 1000);
    ck_assert_int_eq(store_memory_update(th_st, ids[1], "fact, edited", nv, -1, err,
                                         sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_update(th_st, ids[2], NULL, NULL, 0.9, err, sizeof(err)),
                     STORE_OK);
    ck_assert_int_eq(check_codes(), 40);

    /* A chat turn that states a fact writes its memory through another path. */
    float cv[TH_DIM];
    store_new_memory_t cm = th_mem("alice", "my cat is Tom", cv, 77);
    store_chat_write_t w = {.mem = &cm};
    ck_assert_int_eq(store_chat_commit(th_st, "alice", "c1", "my cat is Tom", "Got it.",
                                       "statement", NULL, NULL, &w, err, sizeof(err)),
                     STORE_OK);
    ck_assert_int_eq(check_codes(), 41);

    th_st = th_reopen(th_st, 4, "enc-4");
    ck_assert_int_eq(check_codes(), 41);        /* stale here, they keep theirs */
}
END_TEST

static int encode4(const char *text, float *out, void *ctx)
{
    (void)ctx;
    for (int i = 0; i < 4; i++)
        out[i] = (float)((unsigned char)text[i % strlen(text)] % 7) + (float)i;
    return 0;
}

START_TEST(test_reencoding_stores_the_codes_of_the_new_vectors)
{
    for (int i = 0; i < 100; i++)
        th_add(th_st, "alice", i % 2 ? "odd one" : "even one", (uint64_t)i);
    th_st = th_reopen(th_st, 4, "enc-4");
    size_t done = 0;
    ck_assert_int_eq(store_reencode(th_st, encode4, NULL, &done, err, sizeof(err)),
                     STORE_OK);
    ck_assert_uint_eq(done, 100);
    ck_assert_int_eq(check_codes(), 100);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM memory_codes WHERE dim = 4"), 100);
    /* And a store of that encoder loads them: the query equal to a vector finds it. */
    th_st = th_reopen(th_st, 4, "enc-4");
    ck_assert_uint_eq(store_stale_count(th_st), 0);
    float q[4];
    encode4("odd one", q, NULL);
    answers_t a = search("alice", q, 0);
    ck_assert_int_eq(a.n, 10);
    ck_assert_float_eq_tol(a.score[0], 1.0f, 1e-5f);
}
END_TEST

START_TEST(test_supersession_and_its_undoing_follow_into_the_codes)
{
    int64_t a = th_add(th_st, "alice", "I live in Paris", 1);
    int64_t b = th_add(th_st, "alice", "I live in Rome", 2);
    ck_assert_int_eq(store_memory_supersede(th_st, a, b, err, sizeof(err)), STORE_OK);
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT current FROM memory_codes WHERE id = %lld",
             (long long)a);
    ck_assert_int_eq(raw_int(sql), 0);
    check_codes();
    th_st = th_reopen(th_st, TH_DIM, TH_ENCODER);
    ck_assert_uint_eq(store_user_count(th_st), 1);
    float v[TH_DIM];
    th_mem("", "", v, 1);
    answers_t got = search("alice", v, 0);
    ck_assert_int_eq(got.n, 1);                 /* the superseded one is not loaded */
    ck_assert_int_eq(got.id[0], b);
    /* Deleting the correction brings the old memory back, after a reopen too. */
    ck_assert_int_eq(store_memory_delete(th_st, b), STORE_OK);
    ck_assert_int_eq(raw_int(sql), 1);
    check_codes();
    th_st = th_reopen(th_st, TH_DIM, TH_ENCODER);
    got = search("alice", v, 0);
    ck_assert_int_eq(got.n, 1);
    ck_assert_int_eq(got.id[0], a);
}
END_TEST

/* Whether the bytes needle[n] occur in any file of the database. */
static int db_has_bytes(const void *needle, size_t n)
{
    static const char *const files[] = {"db", "db-wal", "db-shm", "db-journal"};
    int found = 0;
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]) && !found; i++) {
        FILE *f = fopen(th_path(th_dirname, files[i]), "rb");
        if (!f)
            continue;
        size_t len = 0, cap = 1 << 16, got;
        char *buf = malloc(cap);
        while ((got = fread(buf + len, 1, cap - len, f)) > 0)
            if ((len += got) == cap)
                buf = realloc(buf, cap *= 2);
        fclose(f);
        found = memmem(buf, len, needle, n) != NULL;
        free(buf);
    }
    return found;
}

/* The code of memory id as stored, into out (at most max bytes); its length. */
static size_t stored_code(int64_t id, unsigned char *out, size_t max)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    size_t n = 0;
    ck_assert_int_eq(sqlite3_open(db_path(), &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT code FROM memory_codes WHERE id = ?1",
                                        -1, &s, NULL), SQLITE_OK);
    sqlite3_bind_int64(s, 1, id);
    if (sqlite3_step(s) == SQLITE_ROW) {
        n = (size_t)sqlite3_column_bytes(s, 0);
        ck_assert_uint_le(n, max);
        memcpy(out, sqlite3_column_blob(s, 0), n);
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
}

START_TEST(test_deletes_leave_no_code_behind)
{
    int64_t ids[12];
    for (int i = 0; i < 12; i++)
        ids[i] = th_add(th_st, i < 8 ? "alice" : "carol", "fact", (uint64_t)i + 50);
    ck_assert_int_eq(store_memory_supersede(th_st, ids[2], ids[3], err, sizeof(err)),
                     STORE_OK);
    unsigned char code[1024];
    size_t n = stored_code(ids[9], code, sizeof code);
    ck_assert_uint_gt(n, 0);
    ck_assert(db_has_bytes(code, n));

    ck_assert_int_eq(store_memory_delete(th_st, ids[0]), STORE_OK);
    ck_assert_int_eq(store_memory_forget(th_st, &ids[3], 1, err, sizeof(err)), STORE_OK);
    int64_t removed = 0;
    ck_assert_int_eq(store_user_delete(th_st, "carol", &removed), STORE_OK);
    ck_assert_int_eq(removed, 4);
    /* Forgetting 3 took 2, which it superseded, with it. */
    ck_assert_int_eq(raw_int("SELECT count(*) FROM memory_codes"), 5);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM memory_codes WHERE user = 'carol'"), 0);
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM memory_codes WHERE id IN (%lld, %lld, %lld)",
             (long long)ids[0], (long long)ids[2], (long long)ids[3]);
    ck_assert_int_eq(raw_int(sql), 0);
    check_codes();
    /* The user delete checkpointed the WAL: carol's codes are in no file any more. */
    ck_assert(!db_has_bytes(code, n));
}
END_TEST

/* The schema of version 8: version 9's table and triggers dropped. */
static const char TO_VERSION_8[] =
    "DROP TRIGGER memory_codes_insert; DROP TRIGGER memory_codes_vector;"
    "DROP TRIGGER memory_codes_current; DROP TRIGGER memory_codes_row;"
    "DROP TRIGGER memory_codes_delete; DROP TABLE memory_codes;"
    "PRAGMA user_version = 8;" DROP_VERSION_12 DROP_VERSION_11;

START_TEST(test_version_8_database_gets_its_codes_and_searches_the_same)
{
    /* More memories than one batch of the fill (codes.c), two users, a superseded and
     * a deleted one. */
    enum { N = 5000, D = 64, Q = 12 };
    th_st = th_reopen(th_st, D, "enc-64");
    float *v = malloc((size_t)N * D * sizeof(float));
    store_new_memory_t *m = calloc(N, sizeof(*m));
    uint64_t s = 91;
    for (int i = 0; i < N; i++) {
        th_vec(&s, v + (size_t)i * D, D, 0.6f);
        m[i] = (store_new_memory_t){.user = i % 4 ? "alice" : "bob", .text = "t",
                                    .conversation = i % 3 ? "c1" : "c2",
                                    .vec = v + (size_t)i * D, .dim = D, .importance = -1};
    }
    ck_assert_int_eq(store_memory_add(th_st, m, N, NULL, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_supersede(th_st, 5, 9, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_delete(th_st, 17), STORE_OK);
    answers_t before[Q];
    for (int q = 0; q < Q; q++)
        before[q] = search(q % 2 ? "alice" : "bob", v + (size_t)(q * 131) * D, q % 3 == 0);
    store_close(th_st);
    th_st = NULL;

    /* As version 8 left it, with two rows version 8 would not index either: a damaged
     * vector, and one of another encoder and dim (stale). */
    raw_exec(TO_VERSION_8);
    raw_exec("INSERT INTO memories (id, user, text, vec, dim, encoder, created_ms,"
             " updated_ms) VALUES (90001, 'alice', 'damaged', zeroblob(12), 64, 'enc-64',"
             " 1, 1), (90002, 'alice', 'stale', zeroblob(16), 4, 'enc-4', 2, 2)");
    ck_assert_int_eq(raw_int("SELECT count(*) FROM sqlite_master WHERE name = 'memory_codes'"),
                     0);

    th_st = store_open(db_path(), D, "enc-64", err, sizeof(err));
    ck_assert_msg(th_st != NULL, "%s", err);
    ck_assert_int_eq(raw_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM memory_codes WHERE code IS NULL"), 0);
    ck_assert_int_eq(check_codes(), N - 1 + 1);     /* less the deleted, plus the stale */
    ck_assert_uint_eq(store_memory_count(th_st), N - 1 + 2);
    ck_assert_uint_eq(store_stale_count(th_st), 1);
    for (int q = 0; q < Q; q++) {
        answers_t after = search(q % 2 ? "alice" : "bob", v + (size_t)(q * 131) * D,
                                 q % 3 == 0);
        same_answers(&before[q], &after);
    }
    /* Opened again, the codes are read as they are. */
    th_st = th_reopen(th_st, D, "enc-64");
    for (int q = 0; q < Q; q++) {
        answers_t again = search(q % 2 ? "alice" : "bob", v + (size_t)(q * 131) * D,
                                 q % 3 == 0);
        same_answers(&before[q], &again);
    }
    free(v);
    free(m);
}
END_TEST

START_TEST(test_a_code_left_null_is_computed_at_open)
{
    for (int i = 0; i < 30; i++)
        th_add(th_st, "alice", "fact", (uint64_t)i + 7);
    float q[TH_DIM];
    th_mem("", "", q, 12);
    answers_t before = search("alice", q, 1);
    store_close(th_st);
    th_st = NULL;
    raw_exec("UPDATE memory_codes SET code = NULL WHERE id % 3 = 0");
    th_st = store_open(db_path(), TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_msg(th_st != NULL, "%s", err);
    ck_assert_int_eq(check_codes(), 30);
    answers_t after = search("alice", q, 1);
    same_answers(&before, &after);
}
END_TEST

START_TEST(test_a_vector_changed_behind_the_store_never_keeps_its_old_code)
{
    int64_t a = th_add(th_st, "alice", "fact", 1);
    th_add(th_st, "alice", "other", 2);
    store_close(th_st);
    th_st = NULL;
    /* Another program rewrites the vector: the trigger drops the old code. */
    float nv[TH_DIM];
    th_mem("", "", nv, 999);
    sqlite3 *db;
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_open(db_path(), &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db, "UPDATE memories SET vec = ?1 WHERE id = ?2", -1,
                                        &s, NULL), SQLITE_OK);
    sqlite3_bind_blob(s, 1, nv, sizeof nv, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, a);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_DONE);
    sqlite3_finalize(s);
    sqlite3_close(db);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM memory_codes WHERE code IS NULL"), 1);

    th_st = store_open(db_path(), TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_msg(th_st != NULL, "%s", err);
    check_codes();
    answers_t got = search("alice", nv, 0);
    ck_assert_int_eq(got.id[0], a);
    ck_assert_float_eq_tol(got.score[0], 1.0f, 1e-5f);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("codes");
    TCase *tc = tcase_create("codes");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, th_store_setup, th_store_teardown);
    tcase_add_test(tc, test_every_write_stores_the_code_the_load_would_compute);
    tcase_add_test(tc, test_reencoding_stores_the_codes_of_the_new_vectors);
    tcase_add_test(tc, test_supersession_and_its_undoing_follow_into_the_codes);
    tcase_add_test(tc, test_deletes_leave_no_code_behind);
    tcase_add_test(tc, test_version_8_database_gets_its_codes_and_searches_the_same);
    tcase_add_test(tc, test_a_code_left_null_is_computed_at_open);
    tcase_add_test(tc, test_a_vector_changed_behind_the_store_never_keeps_its_old_code);
    suite_add_tcase(s, tc);
    return th_run(s);
}
