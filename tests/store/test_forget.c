/* test_forget.c: privacy. A forgotten memory's text, its history's and that of the
 * memories it superseded are gone from every file of the database (read here byte by
 * byte), while other memories stay searchable; a deleted user's text is gone too;
 * deleting a correction brings back what it corrected; secure_delete is on whatever
 * SQLite's default; the database's files are created 0600. */
#define _GNU_SOURCE     /* memmem */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "store/store_internal.h"

static char err[256];

/* Whether needle occurs in the file dir/name (a missing file holds nothing). */
static int file_has(const char *name, const char *needle)
{
    FILE *f = fopen(th_path(th_dirname, name), "rb");
    if (!f)
        return 0;
    size_t len = 0, cap = 1 << 16, got;
    char *buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    while ((got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            buf = realloc(buf, cap *= 2);
            ck_assert_ptr_nonnull(buf);
        }
    }
    fclose(f);
    int found = memmem(buf, len, needle, strlen(needle)) != NULL;
    free(buf);
    return found;
}

/* Whether needle occurs in any file of the database. */
static int db_has(const char *needle)
{
    static const char *const files[] = {"db", "db-wal", "db-shm", "db-journal"};
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
        if (file_has(files[i], needle))
            return 1;
    return 0;
}

static int64_t add_framed(const char *text, const char *relation, const char *value,
                          uint64_t seed)
{
    float v[TH_DIM];
    store_new_memory_t m = th_mem("alice", text, v, seed);
    m.holder = "self";
    m.relation = relation;
    m.value = value;
    int64_t id = 0;
    ck_assert_int_eq(store_memory_add(th_st, &m, 1, &id, err, sizeof(err)), STORE_OK);
    return id;
}

static int searchable(const char *user, int64_t id, uint64_t seed)
{
    float v[TH_DIM];
    store_hit_t hits[10];
    int n, found = 0;
    th_mem(user, "", v, seed);
    store_query_t q = {.user = user, .vec = v, .k = 10};
    ck_assert_int_eq(store_search(th_st, &q, 0, hits, &n, err, sizeof(err)), STORE_OK);
    for (int i = 0; i < n; i++)
        found |= hits[i].mem.id == id;
    store_hits_clear(hits, n);
    return found;
}

/* The secrets: the forgotten memory, the one it superseded, that one's earlier text. */
static const char *const SECRETS[] = {"Zyxwvut-secret-42", "Qwerty-old-street-17",
                                      "Plugh-older-lane-3"};
#define KEEP "Bruno-keeper-9"

START_TEST(test_forgotten_text_is_gone_from_the_database_files)
{
    float v[TH_DIM];
    int64_t old = add_framed("I live at Plugh-older-lane-3", "home", "Plugh-older-lane-3", 1);
    th_mem("alice", "", v, 1);
    ck_assert_int_eq(store_memory_update(th_st, old, "I live at Qwerty-old-street-17", v, -1,
                                         err, sizeof(err)), STORE_OK);
    int64_t nu = add_framed("I live at Zyxwvut-secret-42", "home", "Zyxwvut-secret-42", 2);
    int64_t keep = add_framed("My dog is called " KEEP, "dog name", KEEP, 3);
    ck_assert_int_eq(store_memory_supersede(th_st, old, nu, err, sizeof(err)), STORE_OK);
    for (size_t i = 0; i < 3; i++)      /* the scan sees them before */
        ck_assert_msg(db_has(SECRETS[i]), "%s not written at all", SECRETS[i]);

    ck_assert_int_eq(store_memory_forget(th_st, &nu, 1, err, sizeof(err)), STORE_OK);
    for (size_t i = 0; i < 3; i++)      /* gone while the store is open ... */
        ck_assert_msg(!db_has(SECRETS[i]), "%s survives the forget", SECRETS[i]);
    ck_assert(db_has(KEEP));
    store_close(th_st);
    th_st = NULL;
    for (size_t i = 0; i < 3; i++)      /* ... and after closing */
        ck_assert_msg(!db_has(SECRETS[i]), "%s survives the close", SECRETS[i]);
    ck_assert(db_has(KEEP));

    th_st = th_reopen(NULL, TH_DIM, TH_ENCODER);
    ck_assert_uint_eq(store_memory_count(th_st), 1);
    ck_assert(searchable("alice", keep, 3));
}
END_TEST

START_TEST(test_forget_takes_history_and_what_it_superseded_and_nothing_else)
{
    int64_t a = th_add(th_st, "alice", "I live in Lyon.", 1);
    int64_t b = th_add(th_st, "alice", "I live in Turin.", 2);
    int64_t c = th_add(th_st, "alice", "I live in Rome.", 3);
    int64_t other = th_add(th_st, "alice", "I like tea.", 4);
    int64_t bobs = th_add(th_st, "bob", "I live in Rome.", 3);
    float v[TH_DIM];
    th_mem("alice", "", v, 5);
    ck_assert_int_eq(store_memory_update(th_st, other, "I like green tea.", v, -1, err,
                                         sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_supersede(th_st, a, b, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_supersede(th_st, b, c, err, sizeof(err)), STORE_OK);

    int64_t ids[2] = {c, 987654};       /* an id that does not exist is skipped */
    ck_assert_int_eq(store_memory_forget(th_st, ids, 2, err, sizeof(err)), STORE_OK);
    store_memory_t g;
    int64_t gone[3] = {a, b, c};
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(store_memory_get(th_st, gone[i], 0, &g), STORE_ENOTFOUND);
    ck_assert_uint_eq(store_memory_count(th_st), 2);
    ck_assert(!searchable("alice", c, 3));
    ck_assert(searchable("alice", other, 5));
    ck_assert(searchable("bob", bobs, 3));
    store_version_t *h;
    size_t n;
    ck_assert_int_eq(store_memory_history(th_st, other, &h, &n), STORE_OK);
    ck_assert_uint_eq(n, 1);            /* another memory's history stays */
    store_history_free(h, n);

    /* Forgetting again, or nothing, is fine; a NULL array is not. */
    ck_assert_int_eq(store_memory_forget(th_st, ids, 2, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_forget(th_st, NULL, 0, err, sizeof(err)), STORE_OK);
    err[0] = 0;
    ck_assert_int_eq(store_memory_forget(th_st, NULL, 1, err, sizeof(err)), STORE_EINVAL);
    ck_assert_str_ne(err, "");
    /* The counts match a reopen's. */
    th_st = th_reopen(th_st, TH_DIM, TH_ENCODER);
    ck_assert_uint_eq(store_memory_count(th_st), 2);
}
END_TEST

START_TEST(test_forgetting_an_old_value_keeps_the_current_one)
{
    int64_t a = th_add(th_st, "alice", "I live in Lyon.", 1);
    int64_t b = th_add(th_st, "alice", "I live in Turin.", 2);
    ck_assert_int_eq(store_memory_supersede(th_st, a, b, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_forget(th_st, &a, 1, err, sizeof(err)), STORE_OK);
    store_memory_t g;
    ck_assert_int_eq(store_memory_get(th_st, a, 0, &g), STORE_ENOTFOUND);
    ck_assert(searchable("alice", b, 2));
}
END_TEST

START_TEST(test_deleting_a_correction_brings_back_what_it_corrected)
{
    float v[TH_DIM];
    store_new_memory_t m = th_mem("alice", "I live in Lyon.", v, 1);
    m.holder = "self";
    m.relation = "home";
    m.value = "Lyon";
    int64_t lyon = 0;
    ck_assert_int_eq(store_memory_add(th_st, &m, 1, &lyon, err, sizeof(err)), STORE_OK);
    int64_t turin = th_add(th_st, "alice", "I moved to Turin.", 2);
    int64_t rome = th_add(th_st, "alice", "I moved to Rome.", 3);
    ck_assert_int_eq(store_memory_supersede(th_st, lyon, turin, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_supersede(th_st, turin, rome, err, sizeof(err)), STORE_OK);
    ck_assert(!searchable("alice", turin, 2));

    /* Deleting Rome brings Turin back, Lyon stays superseded by Turin. */
    ck_assert_int_eq(store_memory_delete(th_st, rome), STORE_OK);
    store_memory_t g;
    ck_assert_int_eq(store_memory_get(th_st, turin, 0, &g), STORE_OK);
    ck_assert_int_eq(g.superseded_by, 0);
    store_memory_clear(&g);
    ck_assert(searchable("alice", turin, 2));
    ck_assert(!searchable("alice", lyon, 1));
    /* Deleting Turin brings Lyon back, to search and to its frame. */
    ck_assert_int_eq(store_memory_delete(th_st, turin), STORE_OK);
    ck_assert(searchable("alice", lyon, 1));
    store_memory_t *f;
    size_t n;
    ck_assert_int_eq(store_frame_find(th_st, "alice", "self", "home", &f, &n), STORE_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(f[0].id, lyon);
    store_memories_free(f, n);
    /* And for good: a reopen agrees. */
    th_st = th_reopen(th_st, TH_DIM, TH_ENCODER);
    ck_assert(searchable("alice", lyon, 1));
    ck_assert_uint_eq(store_memory_count(th_st), 1);
}
END_TEST

START_TEST(test_a_deleted_users_text_is_gone_from_the_database_files)
{
    th_add(th_st, "alice", "My PIN is Xyzzy-pin-5150", 1);
    th_add(th_st, "bob", "My PIN is " KEEP, 2);
    ck_assert_int_eq(store_turn_add(th_st, "alice", "c1", "user", "Frobozz-turn-77", NULL,
                                    NULL), STORE_OK);
    ck_assert(db_has("Xyzzy-pin-5150") && db_has("Frobozz-turn-77"));
    int64_t removed = 0;
    ck_assert_int_eq(store_user_delete(th_st, "alice", &removed), STORE_OK);
    ck_assert_int_eq(removed, 1);
    ck_assert(!db_has("Xyzzy-pin-5150"));
    ck_assert(!db_has("Frobozz-turn-77"));
    ck_assert(db_has(KEEP));
}
END_TEST

START_TEST(test_memories_holding_a_text_are_found_for_forgetting)
{
    int64_t a = th_add(th_st, "alice", "My locker code is Quorble 42.", 1);
    th_add(th_st, "alice", "I like tea.", 2);
    int64_t c = th_add(th_st, "alice", "the QUORBLE one, remember", 3);
    th_add(th_st, "bob", "My locker code is Quorble 42.", 4);
    int64_t ids[8];
    size_t n = 9;
    ck_assert_int_eq(store_memories_with_text(th_st, "alice", "quorble", ids, 8, &n), STORE_OK);
    ck_assert_uint_eq(n, 2);                /* alice's two, never bob's */
    ck_assert(ids[0] == a && ids[1] == c);
    ck_assert_int_eq(store_memories_with_text(th_st, "alice", "quorble", ids, 1, &n), STORE_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(store_memories_with_text(th_st, "alice", "", ids, 8, &n), STORE_EINVAL);
}
END_TEST

START_TEST(test_secure_delete_is_on)
{
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(th_st->db, "PRAGMA secure_delete", -1, &s, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(s, 0), 1);
    sqlite3_finalize(s);
}
END_TEST

START_TEST(test_database_files_are_created_private)
{
    store_close(th_st);
    th_st = NULL;
    static const char *const files[] = {"db", "db-wal", "db-shm"};
    for (size_t i = 0; i < 3; i++)
        unlink(th_path(th_dirname, files[i]));
    mode_t old = umask(022);
    th_st = th_reopen(NULL, TH_DIM, TH_ENCODER);
    umask(old);
    th_add(th_st, "alice", "a fact", 1);        /* the WAL and its index exist now */
    for (size_t i = 0; i < 3; i++) {
        struct stat sb;
        ck_assert_msg(stat(th_path(th_dirname, files[i]), &sb) == 0, "%s missing", files[i]);
        ck_assert_msg((sb.st_mode & 0777) == 0600, "%s is %o", files[i],
                      (unsigned)(sb.st_mode & 0777));
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("forget");
    TCase *tc = tcase_create("forget");
    tcase_add_checked_fixture(tc, th_store_setup, th_store_teardown);
    tcase_add_test(tc, test_forgotten_text_is_gone_from_the_database_files);
    tcase_add_test(tc, test_forget_takes_history_and_what_it_superseded_and_nothing_else);
    tcase_add_test(tc, test_forgetting_an_old_value_keeps_the_current_one);
    tcase_add_test(tc, test_deleting_a_correction_brings_back_what_it_corrected);
    tcase_add_test(tc, test_a_deleted_users_text_is_gone_from_the_database_files);
    tcase_add_test(tc, test_memories_holding_a_text_are_found_for_forgetting);
    tcase_add_test(tc, test_secure_delete_is_on);
    tcase_add_test(tc, test_database_files_are_created_private);
    suite_add_tcase(s, tc);
    return th_run(s);
}
