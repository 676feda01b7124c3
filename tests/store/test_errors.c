/* test_errors.c: when SQLite fails, the store says so truthfully: a full disk, a
 * read-only database and a text over SQLite's length limit come back with their own
 * code and SQLite's reason in err (never an empty message, never a value silently
 * stored as NULL), SQLite running out of memory is STORE_ENOMEM, and the store works
 * again once the cause is gone. Faults are injected through the store's own connection
 * (pragmas, limits) and SQLite's allocator. */
#include <check.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "store/store_internal.h"

static char err[256];

static void db_exec(const char *sql)
{
    ck_assert_int_eq(sqlite3_exec(th_st->db, sql, NULL, NULL, NULL), SQLITE_OK);
}

/* A chat turn of alice in c1 with a statement memory; message is its text. */
static int chat(const char *message)
{
    float v[TH_DIM];
    store_new_memory_t m = th_mem("alice", message, v, 1);
    store_chat_write_t w = {.mem = &m};
    err[0] = 0;
    return store_chat_commit(th_st, "alice", "c1", message, "got it", "statement", NULL, NULL,
                             &w, err, sizeof(err));
}

static char *long_text(size_t n)
{
    char *t = malloc(n + 1);
    ck_assert_ptr_nonnull(t);
    memset(t, 'a', n);
    t[n] = 0;
    return t;
}

/* Nothing of a failed turn is visible: no turn, no memory, nothing searchable. */
static void expect_nothing_written(void)
{
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c1", 10, &t, &n), STORE_ENOTFOUND);
    ck_assert_uint_eq(store_memory_count(th_st), 0);
    ck_assert_uint_eq(store_user_count(th_st), 0);
}

START_TEST(test_a_full_disk_fails_the_chat_turn_with_its_reason)
{
    char *big = long_text(64 * 1024);
    db_exec("PRAGMA max_page_count = 1");   /* clamped to the pages in use: no room */
    ck_assert_int_eq(chat(big), STORE_EIO);
    ck_assert_msg(strstr(err, "database or disk is full"), "message: \"%s\"", err);
    expect_nothing_written();
    db_exec("PRAGMA max_page_count = 1000000");
    ck_assert_int_eq(chat(big), STORE_OK);
    ck_assert_uint_eq(store_memory_count(th_st), 1);
    free(big);
}
END_TEST

START_TEST(test_a_read_only_database_fails_writes_with_its_reason)
{
    db_exec("PRAGMA query_only = 1");
    ck_assert_int_eq(chat("I live in Paris."), STORE_EIO);
    ck_assert_msg(strstr(err, "readonly"), "message: \"%s\"", err);
    float v[TH_DIM];
    store_new_memory_t m = th_mem("alice", "I live in Paris.", v, 1);
    err[0] = 0;
    ck_assert_int_eq(store_memory_add(th_st, &m, 1, NULL, err, sizeof(err)), STORE_EIO);
    ck_assert_msg(strstr(err, "readonly"), "message: \"%s\"", err);
    ck_assert_int_eq(store_turn_add(th_st, "alice", "c1", "user", "x", NULL, NULL),
                     STORE_EIO);
    db_exec("PRAGMA query_only = 0");
    expect_nothing_written();
    ck_assert_int_eq(chat("I live in Paris."), STORE_OK);
}
END_TEST

START_TEST(test_a_text_over_sqlites_length_limit_is_refused_not_stored_as_null)
{
    char *big = long_text(2000);
    sqlite3_limit(th_st->db, SQLITE_LIMIT_LENGTH, 1000);
    /* The conversation column may be NULL: an unchecked bind would store the memory
     * without it. */
    float v[TH_DIM];
    store_new_memory_t m = th_mem("alice", "I live in Paris.", v, 1);
    m.conversation = big;
    err[0] = 0;
    ck_assert_int_eq(store_memory_add(th_st, &m, 1, NULL, err, sizeof(err)), STORE_EINVAL);
    ck_assert_msg(strstr(err, "too big"), "message: \"%s\"", err);
    ck_assert_int_eq(chat(big), STORE_EINVAL);
    ck_assert_msg(strstr(err, "too big"), "message: \"%s\"", err);
    expect_nothing_written();
    ck_assert_int_eq(chat("I live in Paris."), STORE_OK);
    free(big);
}
END_TEST

/* SQLite's allocator, failing every call while fail is set. */
static sqlite3_mem_methods real_mem;
static volatile int fail;

static void *failing_malloc(int n)
{
    return fail ? NULL : real_mem.xMalloc(n);
}

static void *failing_realloc(void *p, int n)
{
    return fail ? NULL : real_mem.xRealloc(p, n);
}

/* Runs in the test's own process (Check forks), before SQLite is used there. */
static void nomem_setup(void)
{
    sqlite3_mem_methods m;
    ck_assert_int_eq(sqlite3_shutdown(), SQLITE_OK);
    ck_assert_int_eq(sqlite3_config(SQLITE_CONFIG_GETMALLOC, &real_mem), SQLITE_OK);
    m = real_mem;
    m.xMalloc = failing_malloc;
    m.xRealloc = failing_realloc;
    ck_assert_int_eq(sqlite3_config(SQLITE_CONFIG_MALLOC, &m), SQLITE_OK);
    ck_assert_int_eq(sqlite3_initialize(), SQLITE_OK);
    th_store_setup();
}

START_TEST(test_sqlite_out_of_memory_is_enomem_and_the_store_recovers)
{
    char *big = long_text(64 * 1024);
    fail = 1;
    int rc = chat(big);
    fail = 0;
    ck_assert_int_eq(rc, STORE_ENOMEM);
    ck_assert_msg(strstr(err, "out of memory"), "message: \"%s\"", err);
    expect_nothing_written();
    ck_assert_int_eq(chat(big), STORE_OK);
    ck_assert_uint_eq(store_memory_count(th_st), 1);
    free(big);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("errors");
    TCase *tc = tcase_create("errors");
    tcase_add_checked_fixture(tc, th_store_setup, th_store_teardown);
    tcase_add_test(tc, test_a_full_disk_fails_the_chat_turn_with_its_reason);
    tcase_add_test(tc, test_a_read_only_database_fails_writes_with_its_reason);
    tcase_add_test(tc, test_a_text_over_sqlites_length_limit_is_refused_not_stored_as_null);
    suite_add_tcase(s, tc);
    TCase *nomem = tcase_create("nomem");
    tcase_add_checked_fixture(nomem, nomem_setup, th_store_teardown);
    tcase_add_test(nomem, test_sqlite_out_of_memory_is_enomem_and_the_store_recovers);
    suite_add_tcase(s, nomem);
    return th_run(s);
}
